/* vitrine-tree-entry.c — a file or folder of a repository
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "vitrine-hub-object-private.h"
#include "vitrine-tree-entry.h"

struct _VitrineTreeEntry
{
  VitrineHubObject  parent_instance;
};

G_DEFINE_FINAL_TYPE (VitrineTreeEntry, vitrine_tree_entry, VITRINE_TYPE_HUB_OBJECT)

enum {
  PROP_0,
  PROP_PATH,
  PROP_NAME,
  PROP_SIZE,
  PROP_IS_DIRECTORY,
  PROP_OID,
  PROP_LFS_OID,
  PROP_IS_LFS,
  PROP_LAST_COMMIT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* path (from the repository's root), oid (the git blob or tree id; of the
 * pointer file for a large file). */
static const VitrineJsonMember strings[N_PROPS] = {
  [PROP_PATH] = { "path", "path" },
  [PROP_OID] = { "oid", "oid" },
};

static void
vitrine_tree_entry_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  VitrineTreeEntry *self = VITRINE_TREE_ENTRY (object);

  if (_vitrine_hub_object_get_string (self, strings, prop_id, value))
    return;
  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, vitrine_tree_entry_get_name (self));
      break;
    case PROP_SIZE:
      g_value_set_uint64 (value, vitrine_tree_entry_get_size (self));
      break;
    case PROP_IS_DIRECTORY:
      g_value_set_boolean (value, vitrine_tree_entry_is_directory (self));
      break;
    case PROP_LFS_OID:
      g_value_set_string (value, vitrine_tree_entry_get_lfs_oid (self));
      break;
    case PROP_IS_LFS:
      g_value_set_boolean (value, vitrine_tree_entry_is_lfs (self));
      break;
    case PROP_LAST_COMMIT:
      g_value_set_string (value, vitrine_tree_entry_get_last_commit (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vitrine_tree_entry_class_init (VitrineTreeEntryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->get_property = vitrine_tree_entry_get_property;

  _vitrine_hub_object_class_add_strings (properties, strings, N_PROPS);
  /* The last part of the path. */
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, flags);
  /* The file's real size, also for a large file. */
  properties[PROP_SIZE] = g_param_spec_uint64 ("size", NULL, NULL, 0, G_MAXUINT64, 0, flags);
  properties[PROP_IS_DIRECTORY] = g_param_spec_boolean ("is-directory", NULL, NULL, FALSE, flags);
  /* The SHA-256 of a large file, or NULL. */
  properties[PROP_LFS_OID] = g_param_spec_string ("lfs-oid", NULL, NULL, NULL, flags);
  properties[PROP_IS_LFS] = g_param_spec_boolean ("is-lfs", NULL, NULL, FALSE, flags);
  /* The commit that last changed it, when the listing was expanded. */
  properties[PROP_LAST_COMMIT] = g_param_spec_string ("last-commit", NULL, NULL, NULL, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
vitrine_tree_entry_init (VitrineTreeEntry *self)
{
}

/**
 * vitrine_tree_entry_new_from_json:
 * @object: an entry of a tree listing or of paths-info
 *
 * Returns: (transfer full): the entry
 */
VitrineTreeEntry *
vitrine_tree_entry_new_from_json (JsonObject *object)
{
  return g_object_new (VITRINE_TYPE_TREE_ENTRY, "json", object, NULL);
}

const char *
vitrine_tree_entry_get_path (VitrineTreeEntry *self)
{
  g_return_val_if_fail (VITRINE_IS_TREE_ENTRY (self), NULL);
  return vitrine_json_string (_vitrine_hub_object_json (self), "path");
}

const char *
vitrine_tree_entry_get_name (VitrineTreeEntry *self)
{
  const char *path = vitrine_tree_entry_get_path (self);
  const char *slash = path != NULL ? strrchr (path, '/') : NULL;

  return slash != NULL ? slash + 1 : path;
}

gboolean
vitrine_tree_entry_is_directory (VitrineTreeEntry *self)
{
  g_return_val_if_fail (VITRINE_IS_TREE_ENTRY (self), FALSE);
  return g_strcmp0 (vitrine_json_string (_vitrine_hub_object_json (self), "type"), "directory") == 0;
}

gboolean
vitrine_tree_entry_is_lfs (VitrineTreeEntry *self)
{
  return vitrine_tree_entry_get_lfs_oid (self) != NULL;
}

guint64
vitrine_tree_entry_get_size (VitrineTreeEntry *self)
{
  JsonObject *lfs;
  gint64 size;

  g_return_val_if_fail (VITRINE_IS_TREE_ENTRY (self), 0);

  lfs = vitrine_json_object (_vitrine_hub_object_json (self), "lfs");
  size = lfs != NULL ? vitrine_json_int (lfs, "size", -1) : -1;
  if (size < 0)
    size = vitrine_json_int (_vitrine_hub_object_json (self), "size", 0);
  return size < 0 ? 0 : (guint64) size;
}

/* The git blob id (for large files: of the pointer file). */
const char *
vitrine_tree_entry_get_oid (VitrineTreeEntry *self)
{
  g_return_val_if_fail (VITRINE_IS_TREE_ENTRY (self), NULL);
  return vitrine_json_string (_vitrine_hub_object_json (self), "oid");
}

/* The SHA-256 of a large file, or NULL. */
const char *
vitrine_tree_entry_get_lfs_oid (VitrineTreeEntry *self)
{
  g_return_val_if_fail (VITRINE_IS_TREE_ENTRY (self), NULL);
  return vitrine_json_string (vitrine_json_object (_vitrine_hub_object_json (self), "lfs"), "oid");
}

const char *
vitrine_tree_entry_get_last_commit (VitrineTreeEntry *self)
{
  g_return_val_if_fail (VITRINE_IS_TREE_ENTRY (self), NULL);
  return vitrine_json_string (vitrine_json_object (_vitrine_hub_object_json (self), "lastCommit"), "id");
}
