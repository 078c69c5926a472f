/* vitrine-scan-entry.c — one file or folder of a scanned folder
 *
 * A node of the tree a folder scan makes: a folder has a `children`
 * model, so a GtkTreeListModel can show the tree; a file has its size,
 * whether it goes as a large file, and, when it stays out of the publish,
 * the rule that left it out, in words.  A folder's size is that of the
 * files of it that are sent.  Entries change only on the main context,
 * through vitrine_folder_scan_set_included().
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "vitrine-folder-scan-private.h"

struct _VitrineScanEntry
{
  GObject            parent_instance;

  char              *name;
  char              *path;
  gboolean           is_directory;
  guint64            size;
  gboolean           is_large;
  VitrineLeftOut     left_out;
  char              *rule;
  gboolean           looks_secret;
  GListStore        *children;
  VitrineScanEntry  *parent;   /* not a reference: the parent holds this one */
};

G_DEFINE_FINAL_TYPE (VitrineScanEntry, vitrine_scan_entry, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_NAME,
  PROP_PATH,
  PROP_IS_DIRECTORY,
  PROP_SIZE,
  PROP_IS_LARGE,
  PROP_IGNORED,
  PROP_LEFT_OUT,
  PROP_IGNORE_RULE,
  PROP_LOOKS_SECRET,
  PROP_INCLUDED,
  PROP_CHILDREN,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
vitrine_scan_entry_finalize (GObject *object)
{
  VitrineScanEntry *self = VITRINE_SCAN_ENTRY (object);

  g_free (self->name);
  g_free (self->path);
  g_free (self->rule);
  g_clear_object (&self->children);
  G_OBJECT_CLASS (vitrine_scan_entry_parent_class)->finalize (object);
}

static void
vitrine_scan_entry_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  VitrineScanEntry *self = VITRINE_SCAN_ENTRY (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_PATH:
      g_value_set_string (value, self->path);
      break;
    case PROP_IS_DIRECTORY:
      g_value_set_boolean (value, self->is_directory);
      break;
    case PROP_SIZE:
      g_value_set_uint64 (value, self->size);
      break;
    case PROP_IS_LARGE:
      g_value_set_boolean (value, self->is_large);
      break;
    case PROP_IGNORED:
      g_value_set_boolean (value, vitrine_scan_entry_get_ignored (self));
      break;
    case PROP_LEFT_OUT:
      g_value_set_enum (value, self->left_out);
      break;
    case PROP_IGNORE_RULE:
      g_value_set_string (value, self->rule);
      break;
    case PROP_LOOKS_SECRET:
      g_value_set_boolean (value, self->looks_secret);
      break;
    case PROP_INCLUDED:
      g_value_set_boolean (value, vitrine_scan_entry_get_included (self));
      break;
    case PROP_CHILDREN:
      g_value_set_object (value, self->children);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vitrine_scan_entry_class_init (VitrineScanEntryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = vitrine_scan_entry_finalize;
  object_class->get_property = vitrine_scan_entry_get_property;

  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, flags);
  /* Relative to the folder, with "/" between components; "" for the folder. */
  properties[PROP_PATH] = g_param_spec_string ("path", NULL, NULL, NULL, flags);
  properties[PROP_IS_DIRECTORY] = g_param_spec_boolean ("is-directory", NULL, NULL, FALSE, flags);
  /* A file's size; a folder's is that of the files of it that are sent. */
  properties[PROP_SIZE] = g_param_spec_uint64 ("size", NULL, NULL, 0, G_MAXUINT64, 0, flags);
  /* Goes to the large-file storage (over 10 MB). */
  properties[PROP_IS_LARGE] = g_param_spec_boolean ("is-large", NULL, NULL, FALSE, flags);
  /* Stays out of the publish. */
  properties[PROP_IGNORED] = g_param_spec_boolean ("ignored", NULL, NULL, FALSE, flags);
  properties[PROP_LEFT_OUT] =
    g_param_spec_enum ("left-out", NULL, NULL, VITRINE_TYPE_LEFT_OUT, VITRINE_LEFT_OUT_NONE, flags);
  /* The rule that left it out, in words, such as “.gitignore line 3: *.log”. */
  properties[PROP_IGNORE_RULE] = g_param_spec_string ("ignore-rule", NULL, NULL, NULL, flags);
  properties[PROP_LOOKS_SECRET] = g_param_spec_boolean ("looks-secret", NULL, NULL, FALSE, flags);
  /* Sent with the publish: the opposite of ignored. */
  properties[PROP_INCLUDED] = g_param_spec_boolean ("included", NULL, NULL, TRUE, flags);
  /* For folders: a model of VitrineScanEntry; NULL for files. */
  properties[PROP_CHILDREN] = g_param_spec_object ("children", NULL, NULL, G_TYPE_LIST_MODEL, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
vitrine_scan_entry_init (VitrineScanEntry *self)
{
}

VitrineScanEntry *
_vitrine_scan_entry_new (const char       *name,
                         const char       *path,
                         gboolean          is_directory,
                         VitrineScanEntry *parent)
{
  VitrineScanEntry *self = g_object_new (VITRINE_TYPE_SCAN_ENTRY, NULL);

  self->name = g_strdup (name);
  self->path = g_strdup (path);
  self->is_directory = is_directory;
  self->parent = parent;
  if (is_directory)
    self->children = g_list_store_new (VITRINE_TYPE_SCAN_ENTRY);
  return self;
}

void
_vitrine_scan_entry_set_file (VitrineScanEntry *self,
                              guint64           size,
                              gboolean          is_large)
{
  self->size = size;
  self->is_large = is_large;
}

/* Notifies what changed. */
void
_vitrine_scan_entry_set_left_out (VitrineScanEntry *self,
                                  VitrineLeftOut    left_out,
                                  const char       *rule,
                                  gboolean          looks_secret)
{
  gboolean was_ignored = vitrine_scan_entry_get_ignored (self);

  g_object_freeze_notify (G_OBJECT (self));
  if (self->left_out != left_out)
    {
      self->left_out = left_out;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LEFT_OUT]);
    }
  if (was_ignored != vitrine_scan_entry_get_ignored (self))
    {
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_IGNORED]);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INCLUDED]);
    }
  if (g_strcmp0 (self->rule, rule) != 0)
    {
      g_free (self->rule);
      self->rule = g_strdup (rule);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_IGNORE_RULE]);
    }
  if (self->looks_secret != looks_secret)
    {
      self->looks_secret = looks_secret;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOOKS_SECRET]);
    }
  g_object_thaw_notify (G_OBJECT (self));
}

/* A folder's size, as one of its files comes in or goes out. */
void
_vitrine_scan_entry_add_size (VitrineScanEntry *self,
                              gint64            delta)
{
  g_assert (self->is_directory);
  if (delta == 0)
    return;
  self->size += delta;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SIZE]);
}

void
_vitrine_scan_entry_append (VitrineScanEntry *self,
                            VitrineScanEntry *child)
{
  g_assert (self->is_directory);
  g_list_store_append (self->children, child);
}

VitrineScanEntry *
_vitrine_scan_entry_get_parent (VitrineScanEntry *self)
{
  return self->parent;
}

const char *
vitrine_scan_entry_get_name (VitrineScanEntry *self)
{
  g_return_val_if_fail (VITRINE_IS_SCAN_ENTRY (self), NULL);
  return self->name;
}

const char *
vitrine_scan_entry_get_path (VitrineScanEntry *self)
{
  g_return_val_if_fail (VITRINE_IS_SCAN_ENTRY (self), NULL);
  return self->path;
}

gboolean
vitrine_scan_entry_get_is_directory (VitrineScanEntry *self)
{
  g_return_val_if_fail (VITRINE_IS_SCAN_ENTRY (self), FALSE);
  return self->is_directory;
}

guint64
vitrine_scan_entry_get_size (VitrineScanEntry *self)
{
  g_return_val_if_fail (VITRINE_IS_SCAN_ENTRY (self), 0);
  return self->size;
}

gboolean
vitrine_scan_entry_get_is_large (VitrineScanEntry *self)
{
  g_return_val_if_fail (VITRINE_IS_SCAN_ENTRY (self), FALSE);
  return self->is_large;
}

gboolean
vitrine_scan_entry_get_ignored (VitrineScanEntry *self)
{
  g_return_val_if_fail (VITRINE_IS_SCAN_ENTRY (self), FALSE);
  return self->left_out != VITRINE_LEFT_OUT_NONE;
}

VitrineLeftOut
vitrine_scan_entry_get_left_out (VitrineScanEntry *self)
{
  g_return_val_if_fail (VITRINE_IS_SCAN_ENTRY (self), VITRINE_LEFT_OUT_NONE);
  return self->left_out;
}

/**
 * vitrine_scan_entry_get_ignore_rule:
 *
 * Returns: (nullable): the rule that left the entry out, in words, such
 *   as “.gitignore line 3: *.log” or “always left out: .git”
 */
const char *
vitrine_scan_entry_get_ignore_rule (VitrineScanEntry *self)
{
  g_return_val_if_fail (VITRINE_IS_SCAN_ENTRY (self), NULL);
  return self->rule;
}

gboolean
vitrine_scan_entry_get_looks_secret (VitrineScanEntry *self)
{
  g_return_val_if_fail (VITRINE_IS_SCAN_ENTRY (self), FALSE);
  return self->looks_secret;
}

gboolean
vitrine_scan_entry_get_included (VitrineScanEntry *self)
{
  g_return_val_if_fail (VITRINE_IS_SCAN_ENTRY (self), FALSE);
  return self->left_out == VITRINE_LEFT_OUT_NONE;
}

/**
 * vitrine_scan_entry_get_children:
 *
 * Returns: (transfer none) (nullable): a folder's entries, a model of
 *   #VitrineScanEntry in name order; %NULL for a file
 */
GListModel *
vitrine_scan_entry_get_children (VitrineScanEntry *self)
{
  g_return_val_if_fail (VITRINE_IS_SCAN_ENTRY (self), NULL);
  return self->children != NULL ? G_LIST_MODEL (self->children) : NULL;
}
