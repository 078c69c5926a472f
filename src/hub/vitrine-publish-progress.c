/* vitrine-publish-progress.c — how far a publish is, in total
 *
 * The publisher owns one and changes it on the main context its run was
 * started from: the phase, files and bytes of the phase, the rate and
 * what is left.  Each phase that begins notifies "phase", even when it is
 * the one before again (a publish planned twice).
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "vitrine-publish-private.h"

struct _VitrinePublishProgress
{
  GObject               parent_instance;

  VitrinePublishCounts  counts;
};

G_DEFINE_FINAL_TYPE (VitrinePublishProgress, vitrine_publish_progress, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_PHASE,
  PROP_FILES_TOTAL,
  PROP_FILES_DONE,
  PROP_BYTES_TOTAL,
  PROP_BYTES_DONE,
  PROP_BYTES_PER_SECOND,
  PROP_SECONDS_LEFT,
  PROP_FRACTION,
  PROP_CURRENT_PATH,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
vitrine_publish_progress_finalize (GObject *object)
{
  VitrinePublishProgress *self = VITRINE_PUBLISH_PROGRESS (object);

  g_free (self->counts.current_path);
  G_OBJECT_CLASS (vitrine_publish_progress_parent_class)->finalize (object);
}

static void
vitrine_publish_progress_get_property (GObject    *object,
                                       guint       prop_id,
                                       GValue     *value,
                                       GParamSpec *pspec)
{
  VitrinePublishProgress *self = VITRINE_PUBLISH_PROGRESS (object);

  switch (prop_id)
    {
    case PROP_PHASE:
      g_value_set_enum (value, self->counts.phase);
      break;
    case PROP_FILES_TOTAL:
      g_value_set_uint (value, self->counts.files_total);
      break;
    case PROP_FILES_DONE:
      g_value_set_uint (value, self->counts.files_done);
      break;
    case PROP_BYTES_TOTAL:
      g_value_set_uint64 (value, self->counts.bytes_total);
      break;
    case PROP_BYTES_DONE:
      g_value_set_uint64 (value, self->counts.bytes_done);
      break;
    case PROP_BYTES_PER_SECOND:
      g_value_set_double (value, self->counts.bytes_per_second);
      break;
    case PROP_SECONDS_LEFT:
      g_value_set_double (value, self->counts.seconds_left);
      break;
    case PROP_FRACTION:
      g_value_set_double (value, vitrine_publish_progress_get_fraction (self));
      break;
    case PROP_CURRENT_PATH:
      g_value_set_string (value, self->counts.current_path);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vitrine_publish_progress_class_init (VitrinePublishProgressClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = vitrine_publish_progress_finalize;
  object_class->get_property = vitrine_publish_progress_get_property;

  properties[PROP_PHASE] =
    g_param_spec_enum ("phase", NULL, NULL,
                       VITRINE_TYPE_PUBLISH_PHASE, VITRINE_PUBLISH_PHASE_SCANNING, flags);
  /* The files and bytes the phase goes through, and how many it has. */
  properties[PROP_FILES_TOTAL] = g_param_spec_uint ("files-total", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_FILES_DONE] = g_param_spec_uint ("files-done", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_BYTES_TOTAL] = g_param_spec_uint64 ("bytes-total", NULL, NULL, 0, G_MAXUINT64, 0, flags);
  properties[PROP_BYTES_DONE] = g_param_spec_uint64 ("bytes-done", NULL, NULL, 0, G_MAXUINT64, 0, flags);
  properties[PROP_BYTES_PER_SECOND] =
    g_param_spec_double ("bytes-per-second", NULL, NULL, 0, G_MAXDOUBLE, 0, flags);
  /* -1 while it cannot be told. */
  properties[PROP_SECONDS_LEFT] = g_param_spec_double ("seconds-left", NULL, NULL, -1, G_MAXDOUBLE, -1, flags);
  /* bytes-done of bytes-total, from 0 to 1. */
  properties[PROP_FRACTION] = g_param_spec_double ("fraction", NULL, NULL, 0, 1, 0, flags);
  /* The file the phase is at. */
  properties[PROP_CURRENT_PATH] = g_param_spec_string ("current-path", NULL, NULL, NULL, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
vitrine_publish_progress_init (VitrinePublishProgress *self)
{
  self->counts.seconds_left = -1;
}

/* Takes the figures of @counts, notifying what changed (and the phase
 * whenever @phase_began).  Main context only. */
void
_vitrine_publish_progress_set (VitrinePublishProgress     *self,
                               const VitrinePublishCounts *counts,
                               gboolean                    phase_began)
{
  VitrinePublishCounts *c = &self->counts;
  double fraction = vitrine_publish_progress_get_fraction (self);

  g_object_freeze_notify (G_OBJECT (self));
#define SET(field, prop) \
  if (c->field != counts->field) \
    { \
      c->field = counts->field; \
      g_object_notify_by_pspec (G_OBJECT (self), properties[prop]); \
    }
  SET (files_total, PROP_FILES_TOTAL);
  SET (files_done, PROP_FILES_DONE);
  SET (bytes_total, PROP_BYTES_TOTAL);
  SET (bytes_done, PROP_BYTES_DONE);
  SET (bytes_per_second, PROP_BYTES_PER_SECOND);
  SET (seconds_left, PROP_SECONDS_LEFT);
#undef SET
  if (g_strcmp0 (c->current_path, counts->current_path) != 0)
    {
      g_free (c->current_path);
      c->current_path = g_strdup (counts->current_path);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CURRENT_PATH]);
    }
  if (fraction != vitrine_publish_progress_get_fraction (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FRACTION]);
  if (phase_began || c->phase != counts->phase)
    {
      c->phase = counts->phase;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PHASE]);
    }
  g_object_thaw_notify (G_OBJECT (self));
}

VitrinePublishPhase
vitrine_publish_progress_get_phase (VitrinePublishProgress *self)
{
  g_return_val_if_fail (VITRINE_IS_PUBLISH_PROGRESS (self), VITRINE_PUBLISH_PHASE_SCANNING);
  return self->counts.phase;
}

guint
vitrine_publish_progress_get_files_total (VitrinePublishProgress *self)
{
  g_return_val_if_fail (VITRINE_IS_PUBLISH_PROGRESS (self), 0);
  return self->counts.files_total;
}

guint
vitrine_publish_progress_get_files_done (VitrinePublishProgress *self)
{
  g_return_val_if_fail (VITRINE_IS_PUBLISH_PROGRESS (self), 0);
  return self->counts.files_done;
}

guint64
vitrine_publish_progress_get_bytes_total (VitrinePublishProgress *self)
{
  g_return_val_if_fail (VITRINE_IS_PUBLISH_PROGRESS (self), 0);
  return self->counts.bytes_total;
}

guint64
vitrine_publish_progress_get_bytes_done (VitrinePublishProgress *self)
{
  g_return_val_if_fail (VITRINE_IS_PUBLISH_PROGRESS (self), 0);
  return self->counts.bytes_done;
}

double
vitrine_publish_progress_get_bytes_per_second (VitrinePublishProgress *self)
{
  g_return_val_if_fail (VITRINE_IS_PUBLISH_PROGRESS (self), 0);
  return self->counts.bytes_per_second;
}

/* -1 while it cannot be told. */
double
vitrine_publish_progress_get_seconds_left (VitrinePublishProgress *self)
{
  g_return_val_if_fail (VITRINE_IS_PUBLISH_PROGRESS (self), -1);
  return self->counts.seconds_left;
}

double
vitrine_publish_progress_get_fraction (VitrinePublishProgress *self)
{
  g_return_val_if_fail (VITRINE_IS_PUBLISH_PROGRESS (self), 0);
  if (self->counts.bytes_total == 0)
    return 0;
  return (double) MIN (self->counts.bytes_done, self->counts.bytes_total) / self->counts.bytes_total;
}

const char *
vitrine_publish_progress_get_current_path (VitrinePublishProgress *self)
{
  g_return_val_if_fail (VITRINE_IS_PUBLISH_PROGRESS (self), NULL);
  return self->counts.current_path;
}
