/* vitrine-file-change.c — a file that differs between two revisions
 *
 * What the file was before and is after, as tree entries: added files
 * have no "before", deleted ones no "after".  Large files are told by
 * their entries (their sizes are their contents', not their pointers').
 * Like the Hub's results, a change never changes once made.
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "vitrine-file-change.h"

struct _VitrineFileChange
{
  GObject            parent_instance;

  VitrineChangeKind  kind;
  char              *path;
  VitrineTreeEntry  *before;
  VitrineTreeEntry  *after;
};

G_DEFINE_FINAL_TYPE (VitrineFileChange, vitrine_file_change, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_KIND,
  PROP_PATH,
  PROP_BEFORE,
  PROP_AFTER,
  PROP_OLD_SIZE,
  PROP_NEW_SIZE,
  PROP_IS_LFS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
vitrine_file_change_finalize (GObject *object)
{
  VitrineFileChange *self = VITRINE_FILE_CHANGE (object);

  g_free (self->path);
  g_clear_object (&self->before);
  g_clear_object (&self->after);
  G_OBJECT_CLASS (vitrine_file_change_parent_class)->finalize (object);
}

static void
vitrine_file_change_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  VitrineFileChange *self = VITRINE_FILE_CHANGE (object);

  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;
    case PROP_PATH:
      g_value_set_string (value, self->path);
      break;
    case PROP_BEFORE:
      g_value_set_object (value, self->before);
      break;
    case PROP_AFTER:
      g_value_set_object (value, self->after);
      break;
    case PROP_OLD_SIZE:
      g_value_set_uint64 (value, vitrine_file_change_get_old_size (self));
      break;
    case PROP_NEW_SIZE:
      g_value_set_uint64 (value, vitrine_file_change_get_new_size (self));
      break;
    case PROP_IS_LFS:
      g_value_set_boolean (value, vitrine_file_change_is_lfs (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vitrine_file_change_class_init (VitrineFileChangeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = vitrine_file_change_finalize;
  object_class->get_property = vitrine_file_change_get_property;

  properties[PROP_KIND] = g_param_spec_enum ("kind", NULL, NULL, VITRINE_TYPE_CHANGE_KIND,
                                             VITRINE_CHANGE_KIND_MODIFIED, flags);
  properties[PROP_PATH] = g_param_spec_string ("path", NULL, NULL, NULL, flags);
  /* The file before, or NULL when it was added. */
  properties[PROP_BEFORE] = g_param_spec_object ("before", NULL, NULL, VITRINE_TYPE_TREE_ENTRY, flags);
  /* The file after, or NULL when it was deleted. */
  properties[PROP_AFTER] = g_param_spec_object ("after", NULL, NULL, VITRINE_TYPE_TREE_ENTRY, flags);
  properties[PROP_OLD_SIZE] = g_param_spec_uint64 ("old-size", NULL, NULL, 0, G_MAXUINT64, 0, flags);
  properties[PROP_NEW_SIZE] = g_param_spec_uint64 ("new-size", NULL, NULL, 0, G_MAXUINT64, 0, flags);
  /* Whether it is a large file, on either side. */
  properties[PROP_IS_LFS] = g_param_spec_boolean ("is-lfs", NULL, NULL, FALSE, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
vitrine_file_change_init (VitrineFileChange *self)
{
}

/**
 * vitrine_file_change_new:
 * @before: (nullable): the file before; %NULL when added
 * @after: (nullable): the file after; %NULL when deleted
 *
 * Returns: (transfer full): the change
 */
VitrineFileChange *
vitrine_file_change_new (VitrineChangeKind  kind,
                         const char        *path,
                         VitrineTreeEntry  *before,
                         VitrineTreeEntry  *after)
{
  VitrineFileChange *self;

  g_return_val_if_fail (path != NULL, NULL);

  self = g_object_new (VITRINE_TYPE_FILE_CHANGE, NULL);
  self->kind = kind;
  self->path = g_strdup (path);
  self->before = before != NULL ? g_object_ref (before) : NULL;
  self->after = after != NULL ? g_object_ref (after) : NULL;
  return self;
}

VitrineChangeKind
vitrine_file_change_get_kind (VitrineFileChange *self)
{
  g_return_val_if_fail (VITRINE_IS_FILE_CHANGE (self), VITRINE_CHANGE_KIND_MODIFIED);
  return self->kind;
}

const char *
vitrine_file_change_get_path (VitrineFileChange *self)
{
  g_return_val_if_fail (VITRINE_IS_FILE_CHANGE (self), NULL);
  return self->path;
}

/**
 * vitrine_file_change_get_before:
 *
 * Returns: (transfer none) (nullable): the file before the change
 */
VitrineTreeEntry *
vitrine_file_change_get_before (VitrineFileChange *self)
{
  g_return_val_if_fail (VITRINE_IS_FILE_CHANGE (self), NULL);
  return self->before;
}

/**
 * vitrine_file_change_get_after:
 *
 * Returns: (transfer none) (nullable): the file after the change
 */
VitrineTreeEntry *
vitrine_file_change_get_after (VitrineFileChange *self)
{
  g_return_val_if_fail (VITRINE_IS_FILE_CHANGE (self), NULL);
  return self->after;
}

/* Its size before (0 when added); a large file's is its content's. */
guint64
vitrine_file_change_get_old_size (VitrineFileChange *self)
{
  g_return_val_if_fail (VITRINE_IS_FILE_CHANGE (self), 0);
  return self->before != NULL ? vitrine_tree_entry_get_size (self->before) : 0;
}

/* Its size after (0 when deleted). */
guint64
vitrine_file_change_get_new_size (VitrineFileChange *self)
{
  g_return_val_if_fail (VITRINE_IS_FILE_CHANGE (self), 0);
  return self->after != NULL ? vitrine_tree_entry_get_size (self->after) : 0;
}

gboolean
vitrine_file_change_is_lfs (VitrineFileChange *self)
{
  g_return_val_if_fail (VITRINE_IS_FILE_CHANGE (self), FALSE);
  return (self->before != NULL && vitrine_tree_entry_is_lfs (self->before)) ||
         (self->after != NULL && vitrine_tree_entry_is_lfs (self->after));
}

/* `A`, `M` or `D`, as git writes the change. */
char
vitrine_file_change_get_letter (VitrineFileChange *self)
{
  g_return_val_if_fail (VITRINE_IS_FILE_CHANGE (self), 'M');

  switch (self->kind)
    {
    case VITRINE_CHANGE_KIND_ADDED:
      return 'A';
    case VITRINE_CHANGE_KIND_DELETED:
      return 'D';
    case VITRINE_CHANGE_KIND_MODIFIED:
    default:
      return 'M';
    }
}
