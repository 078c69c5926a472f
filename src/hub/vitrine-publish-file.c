/* vitrine-publish-file.c — one file of a publish, as a list row
 *
 * The publisher's file model holds one per file it went through (and one
 * per file it deleted on the server), changed on the main context its run
 * was started from.
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "vitrine-publish-private.h"

struct _VitrinePublishFile
{
  GObject           parent_instance;

  char             *path;
  VitrinePublishFileUpdate figures;
};

G_DEFINE_FINAL_TYPE (VitrinePublishFile, vitrine_publish_file, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_PATH,
  PROP_SIZE,
  PROP_STATE,
  PROP_BYTES_DONE,
  PROP_BYTES_SENT,
  PROP_IS_LARGE,
  PROP_FRACTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
vitrine_publish_file_finalize (GObject *object)
{
  VitrinePublishFile *self = VITRINE_PUBLISH_FILE (object);

  g_free (self->path);
  G_OBJECT_CLASS (vitrine_publish_file_parent_class)->finalize (object);
}

static void
vitrine_publish_file_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  VitrinePublishFile *self = VITRINE_PUBLISH_FILE (object);

  switch (prop_id)
    {
    case PROP_PATH:
      g_value_set_string (value, self->path);
      break;
    case PROP_SIZE:
      g_value_set_uint64 (value, self->figures.size);
      break;
    case PROP_STATE:
      g_value_set_enum (value, self->figures.state);
      break;
    case PROP_BYTES_DONE:
      g_value_set_uint64 (value, self->figures.bytes_done);
      break;
    case PROP_BYTES_SENT:
      g_value_set_uint64 (value, self->figures.bytes_sent);
      break;
    case PROP_IS_LARGE:
      g_value_set_boolean (value, self->figures.is_large);
      break;
    case PROP_FRACTION:
      g_value_set_double (value, vitrine_publish_file_get_fraction (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vitrine_publish_file_class_init (VitrinePublishFileClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = vitrine_publish_file_finalize;
  object_class->get_property = vitrine_publish_file_get_property;

  /* The path in the repository. */
  properties[PROP_PATH] = g_param_spec_string ("path", NULL, NULL, NULL, flags);
  properties[PROP_SIZE] = g_param_spec_uint64 ("size", NULL, NULL, 0, G_MAXUINT64, 0, flags);
  properties[PROP_STATE] =
    g_param_spec_enum ("state", NULL, NULL, VITRINE_TYPE_FILE_STATE, VITRINE_FILE_HASHING, flags);
  /* How much of the file is through: while it uploads, what was sent;
   * all of it once unchanged, committed or done. */
  properties[PROP_BYTES_DONE] = g_param_spec_uint64 ("bytes-done", NULL, NULL, 0, G_MAXUINT64, 0, flags);
  /* What this publish sent of it (a large file the server had: 0). */
  properties[PROP_BYTES_SENT] = g_param_spec_uint64 ("bytes-sent", NULL, NULL, 0, G_MAXUINT64, 0, flags);
  /* Whether this publish sends it to large-file storage. */
  properties[PROP_IS_LARGE] = g_param_spec_boolean ("is-large", NULL, NULL, FALSE, flags);
  /* bytes-done of size, from 0 to 1. */
  properties[PROP_FRACTION] = g_param_spec_double ("fraction", NULL, NULL, 0, 1, 0, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
vitrine_publish_file_init (VitrinePublishFile *self)
{
}

VitrinePublishFile *
_vitrine_publish_file_new (const char *path)
{
  VitrinePublishFile *self = g_object_new (VITRINE_TYPE_PUBLISH_FILE, NULL);

  self->path = g_strdup (path);
  return self;
}

/* Takes the figures of @update, notifying what changed.  Main context only. */
void
_vitrine_publish_file_set (VitrinePublishFile             *self,
                           const VitrinePublishFileUpdate *update)
{
  VitrinePublishFileUpdate *f = &self->figures;
  double fraction = vitrine_publish_file_get_fraction (self);

  g_object_freeze_notify (G_OBJECT (self));
#define SET(field, prop) \
  if (f->field != update->field) \
    { \
      f->field = update->field; \
      g_object_notify_by_pspec (G_OBJECT (self), properties[prop]); \
    }
  SET (size, PROP_SIZE);
  SET (state, PROP_STATE);
  SET (bytes_done, PROP_BYTES_DONE);
  SET (bytes_sent, PROP_BYTES_SENT);
  SET (is_large, PROP_IS_LARGE);
#undef SET
  if (fraction != vitrine_publish_file_get_fraction (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FRACTION]);
  g_object_thaw_notify (G_OBJECT (self));
}

const char *
vitrine_publish_file_get_path (VitrinePublishFile *self)
{
  g_return_val_if_fail (VITRINE_IS_PUBLISH_FILE (self), NULL);
  return self->path;
}

guint64
vitrine_publish_file_get_size (VitrinePublishFile *self)
{
  g_return_val_if_fail (VITRINE_IS_PUBLISH_FILE (self), 0);
  return self->figures.size;
}

VitrineFileState
vitrine_publish_file_get_state (VitrinePublishFile *self)
{
  g_return_val_if_fail (VITRINE_IS_PUBLISH_FILE (self), VITRINE_FILE_HASHING);
  return self->figures.state;
}

guint64
vitrine_publish_file_get_bytes_done (VitrinePublishFile *self)
{
  g_return_val_if_fail (VITRINE_IS_PUBLISH_FILE (self), 0);
  return self->figures.bytes_done;
}

guint64
vitrine_publish_file_get_bytes_sent (VitrinePublishFile *self)
{
  g_return_val_if_fail (VITRINE_IS_PUBLISH_FILE (self), 0);
  return self->figures.bytes_sent;
}

gboolean
vitrine_publish_file_get_is_large (VitrinePublishFile *self)
{
  g_return_val_if_fail (VITRINE_IS_PUBLISH_FILE (self), FALSE);
  return self->figures.is_large;
}

double
vitrine_publish_file_get_fraction (VitrinePublishFile *self)
{
  g_return_val_if_fail (VITRINE_IS_PUBLISH_FILE (self), 0);
  if (self->figures.size == 0)
    return self->figures.state == VITRINE_FILE_DONE || self->figures.state == VITRINE_FILE_UNCHANGED ? 1 : 0;
  return (double) MIN (self->figures.bytes_done, self->figures.size) / self->figures.size;
}
