/* vitrine-plan-entry.c — one file a publish would add, change or delete
 *
 * A row of a VitrinePublishPlan: the path, what would happen to it, its
 * size in the folder and on the server.
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "vitrine-publish-plan-private.h"

struct _VitrinePlanEntry
{
  GObject            parent_instance;

  char              *path;
  VitrinePlanChange  change;
  guint64            size;
  guint64            old_size;
  gboolean           is_large;
};

G_DEFINE_FINAL_TYPE (VitrinePlanEntry, vitrine_plan_entry, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_PATH,
  PROP_CHANGE,
  PROP_SIZE,
  PROP_OLD_SIZE,
  PROP_IS_LARGE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
vitrine_plan_entry_finalize (GObject *object)
{
  g_free (VITRINE_PLAN_ENTRY (object)->path);
  G_OBJECT_CLASS (vitrine_plan_entry_parent_class)->finalize (object);
}

static void
vitrine_plan_entry_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  VitrinePlanEntry *self = VITRINE_PLAN_ENTRY (object);

  switch (prop_id)
    {
    case PROP_PATH:
      g_value_set_string (value, self->path);
      break;
    case PROP_CHANGE:
      g_value_set_enum (value, self->change);
      break;
    case PROP_SIZE:
      g_value_set_uint64 (value, self->size);
      break;
    case PROP_OLD_SIZE:
      g_value_set_uint64 (value, self->old_size);
      break;
    case PROP_IS_LARGE:
      g_value_set_boolean (value, self->is_large);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vitrine_plan_entry_class_init (VitrinePlanEntryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = vitrine_plan_entry_finalize;
  object_class->get_property = vitrine_plan_entry_get_property;

  properties[PROP_PATH] = g_param_spec_string ("path", NULL, NULL, NULL, flags);
  properties[PROP_CHANGE] =
    g_param_spec_enum ("change", NULL, NULL, VITRINE_TYPE_PLAN_CHANGE, VITRINE_PLAN_ADDED, flags);
  /* In the folder; 0 for a file to delete. */
  properties[PROP_SIZE] = g_param_spec_uint64 ("size", NULL, NULL, 0, G_MAXUINT64, 0, flags);
  /* On the server; 0 for a file to add. */
  properties[PROP_OLD_SIZE] = g_param_spec_uint64 ("old-size", NULL, NULL, 0, G_MAXUINT64, 0, flags);
  properties[PROP_IS_LARGE] = g_param_spec_boolean ("is-large", NULL, NULL, FALSE, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
vitrine_plan_entry_init (VitrinePlanEntry *self)
{
}

VitrinePlanEntry *
_vitrine_plan_entry_new (const char        *path,
                         VitrinePlanChange  change,
                         guint64            size,
                         guint64            old_size,
                         gboolean           is_large)
{
  VitrinePlanEntry *self = g_object_new (VITRINE_TYPE_PLAN_ENTRY, NULL);

  self->path = g_strdup (path);
  self->change = change;
  self->size = size;
  self->old_size = old_size;
  self->is_large = is_large;
  return self;
}

const char *
vitrine_plan_entry_get_path (VitrinePlanEntry *self)
{
  g_return_val_if_fail (VITRINE_IS_PLAN_ENTRY (self), NULL);
  return self->path;
}

VitrinePlanChange
vitrine_plan_entry_get_change (VitrinePlanEntry *self)
{
  g_return_val_if_fail (VITRINE_IS_PLAN_ENTRY (self), VITRINE_PLAN_ADDED);
  return self->change;
}

guint64
vitrine_plan_entry_get_size (VitrinePlanEntry *self)
{
  g_return_val_if_fail (VITRINE_IS_PLAN_ENTRY (self), 0);
  return self->size;
}

guint64
vitrine_plan_entry_get_old_size (VitrinePlanEntry *self)
{
  g_return_val_if_fail (VITRINE_IS_PLAN_ENTRY (self), 0);
  return self->old_size;
}

gboolean
vitrine_plan_entry_get_is_large (VitrinePlanEntry *self)
{
  g_return_val_if_fail (VITRINE_IS_PLAN_ENTRY (self), FALSE);
  return self->is_large;
}
