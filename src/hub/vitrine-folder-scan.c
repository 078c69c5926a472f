/* vitrine-folder-scan.c — what a folder holds, and what of it a publish
 * would send
 *
 * The folder is walked on a worker thread, deciding each file with the
 * publisher's own rules (vitrine-folder-rules.c), so the tree the window
 * shows is what a publish sends.  The result is a tree of
 * VitrineScanEntry (folders left out are shown, not entered), totals of
 * what is sent, and warnings: a file over the Hub's per-file limit, more
 * files than the Hub advises, files that look like secrets.  Those stay
 * out until included one by one (vitrine_folder_scan_set_included()),
 * and the list of included ones goes to the publisher.
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <sys/stat.h>
#include <glib/gi18n.h>

#include "vitrine-folder-rules.h"
#include "vitrine-folder-scan-private.h"
#include "vitrine-path.h"

struct _VitrineFolderScan
{
  GObject            parent_instance;

  char              *folder;
  VitrineScanEntry  *root;
  GHashTable        *by_path;     /* path -> VitrineScanEntry (borrowed from the tree) */
  guint              n_files;
  guint64            n_bytes;
  guint              n_large_files;
  guint              n_ignored;
  GListStore        *warnings;
  GListStore        *secrets;
};

G_DEFINE_FINAL_TYPE (VitrineFolderScan, vitrine_folder_scan, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_FOLDER,
  PROP_ROOT,
  PROP_N_FILES,
  PROP_N_BYTES,
  PROP_N_LARGE_FILES,
  PROP_N_IGNORED,
  PROP_WARNINGS,
  PROP_SECRETS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
vitrine_folder_scan_finalize (GObject *object)
{
  VitrineFolderScan *self = VITRINE_FOLDER_SCAN (object);

  g_free (self->folder);
  g_hash_table_unref (self->by_path);
  g_clear_object (&self->root);
  g_clear_object (&self->warnings);
  g_clear_object (&self->secrets);
  G_OBJECT_CLASS (vitrine_folder_scan_parent_class)->finalize (object);
}

static void
vitrine_folder_scan_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  VitrineFolderScan *self = VITRINE_FOLDER_SCAN (object);

  switch (prop_id)
    {
    case PROP_FOLDER:
      g_value_set_string (value, self->folder);
      break;
    case PROP_ROOT:
      g_value_set_object (value, self->root);
      break;
    case PROP_N_FILES:
      g_value_set_uint (value, self->n_files);
      break;
    case PROP_N_BYTES:
      g_value_set_uint64 (value, self->n_bytes);
      break;
    case PROP_N_LARGE_FILES:
      g_value_set_uint (value, self->n_large_files);
      break;
    case PROP_N_IGNORED:
      g_value_set_uint (value, self->n_ignored);
      break;
    case PROP_WARNINGS:
      g_value_set_object (value, self->warnings);
      break;
    case PROP_SECRETS:
      g_value_set_object (value, self->secrets);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vitrine_folder_scan_class_init (VitrineFolderScanClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = vitrine_folder_scan_finalize;
  object_class->get_property = vitrine_folder_scan_get_property;

  properties[PROP_FOLDER] = g_param_spec_string ("folder", NULL, NULL, NULL, flags);
  /* The folder itself, whose children are its entries. */
  properties[PROP_ROOT] = g_param_spec_object ("root", NULL, NULL, VITRINE_TYPE_SCAN_ENTRY, flags);
  /* What a publish sends: files, bytes, and how many go as large files. */
  properties[PROP_N_FILES] = g_param_spec_uint ("n-files", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_N_BYTES] = g_param_spec_uint64 ("n-bytes", NULL, NULL, 0, G_MAXUINT64, 0, flags);
  properties[PROP_N_LARGE_FILES] = g_param_spec_uint ("n-large-files", NULL, NULL, 0, G_MAXUINT, 0, flags);
  /* Files and folders left out (a folder left out counts once). */
  properties[PROP_N_IGNORED] = g_param_spec_uint ("n-ignored", NULL, NULL, 0, G_MAXUINT, 0, flags);
  /* A model of VitrineScanWarning. */
  properties[PROP_WARNINGS] = g_param_spec_object ("warnings", NULL, NULL, G_TYPE_LIST_MODEL, flags);
  /* The files that look like secrets, included or not: VitrineScanEntry. */
  properties[PROP_SECRETS] = g_param_spec_object ("secrets", NULL, NULL, G_TYPE_LIST_MODEL, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
vitrine_folder_scan_init (VitrineFolderScan *self)
{
  self->by_path = g_hash_table_new (g_str_hash, g_str_equal);
  self->warnings = g_list_store_new (VITRINE_TYPE_SCAN_WARNING);
  self->secrets = g_list_store_new (VITRINE_TYPE_SCAN_ENTRY);
}

/* ---- The walk, on a worker thread ------------------------------------- */

typedef struct
{
  VitrineFolderScan   *scan;
  VitrineFolderRules  *rules;
  GPtrArray           *too_large;
} Walk;

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

static gboolean
walk_dir (Walk              *walk,
          VitrineScanEntry  *dir_entry,
          GCancellable      *cancellable,
          GError           **error)
{
  const char *rel_dir = vitrine_scan_entry_get_path (dir_entry);
  g_autofree char *abs_dir = *rel_dir != '\0' ? g_build_filename (walk->scan->folder, rel_dir, NULL)
                                              : g_strdup (walk->scan->folder);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GDir) dir = NULL;
  const char *name;

  dir = g_dir_open (abs_dir, 0, error);
  if (dir == NULL)
    return FALSE;
  while ((name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);

  for (guint i = 0; i < names->len; i++)
    {
      const char *entry_name = g_ptr_array_index (names, i);
      g_autofree char *rel = *rel_dir != '\0' ? g_strconcat (rel_dir, "/", entry_name, NULL)
                                              : g_strdup (entry_name);
      g_autofree char *abs = g_build_filename (abs_dir, entry_name, NULL);
      g_autoptr(VitrineScanEntry) entry = NULL;
      g_autofree char *rule = NULL;
      gboolean looks_secret = FALSE;
      VitrineLeftOut left_out;
      struct stat st;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
      /* As the publisher does: links are followed only to a file or folder. */
      if (stat (abs, &st) != 0 || !(S_ISDIR (st.st_mode) || S_ISREG (st.st_mode)))
        continue;

      left_out = vitrine_folder_rules_check (walk->rules, rel, S_ISDIR (st.st_mode), &looks_secret, &rule);
      entry = _vitrine_scan_entry_new (entry_name, rel, S_ISDIR (st.st_mode), dir_entry);
      _vitrine_scan_entry_append (dir_entry, entry);
      g_hash_table_insert (walk->scan->by_path, (gpointer) vitrine_scan_entry_get_path (entry), entry);

      if (S_ISREG (st.st_mode))
        {
          if (left_out == VITRINE_LEFT_OUT_NONE && !vitrine_path_check (rel, -1, error))
            return FALSE;
          _vitrine_scan_entry_set_file (entry, st.st_size, (guint64) st.st_size > VITRINE_REGULAR_FILE_LIMIT);
        }
      _vitrine_scan_entry_set_left_out (entry, left_out, rule, looks_secret);
      if (looks_secret)
        g_list_store_append (walk->scan->secrets, entry);

      if (left_out != VITRINE_LEFT_OUT_NONE)
        {
          walk->scan->n_ignored++;
          continue;
        }
      if (S_ISDIR (st.st_mode))
        {
          if (!walk_dir (walk, entry, cancellable, error))
            return FALSE;
          _vitrine_scan_entry_add_size (dir_entry, vitrine_scan_entry_get_size (entry));
          continue;
        }

      walk->scan->n_files++;
      walk->scan->n_bytes += st.st_size;
      if ((guint64) st.st_size > VITRINE_REGULAR_FILE_LIMIT)
        walk->scan->n_large_files++;
      if ((guint64) st.st_size > VITRINE_HUB_FILE_LIMIT)
        g_ptr_array_add (walk->too_large, g_strdup (rel));
      _vitrine_scan_entry_add_size (dir_entry, st.st_size);
    }
  return TRUE;
}

static void
add_warnings (VitrineFolderScan *self,
              GPtrArray         *too_large)
{
  guint n_secrets = g_list_model_get_n_items (G_LIST_MODEL (self->secrets));

  if (too_large->len > 0)
    {
      g_autoptr(VitrineScanWarning) warning = NULL;
      g_autofree char *message = NULL;

      message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                              "%u file is larger than 50 GB, the most the Hub accepts for one file. "
                                              "Leave it out (add it to .gitignore) or split it into smaller files.",
                                              "%u files are larger than 50 GB, the most the Hub accepts for one file. "
                                              "Leave them out (add them to .gitignore) or split them into smaller files.",
                                              too_large->len),
                                 too_large->len);
      g_ptr_array_add (too_large, NULL);
      warning = vitrine_scan_warning_new (VITRINE_SCAN_WARNING_FILE_TOO_LARGE, message,
                                          (const char * const *) too_large->pdata);
      g_list_store_append (self->warnings, warning);
    }

  if (self->n_files > VITRINE_HUB_FILES_ADVISED)
    {
      g_autoptr(VitrineScanWarning) warning = NULL;
      g_autofree char *message = NULL;

      /* Translators: %u is a number of files, more than 100,000. */
      message = g_strdup_printf (_("The folder has %u files to publish, more than the 100,000 the Hub advises for "
                                   "one repository. Group small files into archives, or leave some out."),
                                 self->n_files);
      warning = vitrine_scan_warning_new (VITRINE_SCAN_WARNING_TOO_MANY_FILES, message, NULL);
      g_list_store_append (self->warnings, warning);
    }

  if (n_secrets > 0)
    {
      g_autoptr(GPtrArray) paths = g_ptr_array_new ();
      g_autoptr(VitrineScanWarning) warning = NULL;
      g_autofree char *message = NULL;

      for (guint i = 0; i < n_secrets; i++)
        {
          g_autoptr(VitrineScanEntry) entry = g_list_model_get_item (G_LIST_MODEL (self->secrets), i);

          g_ptr_array_add (paths, (gpointer) vitrine_scan_entry_get_path (entry));
        }
      g_ptr_array_add (paths, NULL);
      message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                              "%u file looks like it holds a secret, such as a password, a token or "
                                              "a private key. It is left out unless you include it.",
                                              "%u files look like they hold secrets, such as passwords, tokens or "
                                              "private keys. They are left out unless you include them one by one.",
                                              n_secrets),
                                 n_secrets);
      warning = vitrine_scan_warning_new (VITRINE_SCAN_WARNING_SECRETS, message,
                                          (const char * const *) paths->pdata);
      g_list_store_append (self->warnings, warning);
    }
}

static void
scan_thread (GTask        *task,
             gpointer      source,
             gpointer      task_data,
             GCancellable *cancellable)
{
  const char * const *included = task_data;
  g_autoptr(VitrineFolderScan) self = g_object_new (VITRINE_TYPE_FOLDER_SCAN, NULL);
  g_autoptr(VitrineFolderRules) rules = NULL;
  g_autoptr(GPtrArray) too_large = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *base = NULL;
  const char *folder = g_object_get_data (G_OBJECT (task), "folder");
  GError *error = NULL;
  Walk walk;

  self->folder = g_canonicalize_filename (folder, NULL);
  if (!g_file_test (self->folder, G_FILE_TEST_IS_DIR))
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_DIRECTORY,
                               _("“%s” is not a folder."), self->folder);
      return;
    }
  rules = vitrine_folder_rules_new (self->folder);
  for (guint i = 0; included != NULL && included[i] != NULL; i++)
    vitrine_folder_rules_include_secret (rules, included[i]);

  base = g_path_get_basename (self->folder);
  self->root = _vitrine_scan_entry_new (base, "", TRUE, NULL);
  walk.scan = self;
  walk.rules = rules;
  walk.too_large = too_large;
  if (!walk_dir (&walk, self->root, cancellable, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  add_warnings (self, too_large);
  g_task_return_pointer (task, g_steal_pointer (&self), g_object_unref);
}

/**
 * vitrine_folder_scan_async:
 * @folder: the folder to publish
 * @included_secrets: (nullable): files that look like secrets which the
 *   user included one by one already
 *
 * Walks @folder on a worker thread.
 */
void
vitrine_folder_scan_async (const char          *folder,
                           const char * const  *included_secrets,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (folder != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, vitrine_folder_scan_async);
  g_task_set_name (task, "vitrine_folder_scan");
  g_task_set_task_data (task, g_strdupv ((char **) included_secrets), (GDestroyNotify) g_strfreev);
  g_object_set_data_full (G_OBJECT (task), "folder", g_strdup (folder), g_free);
  g_task_run_in_thread (task, scan_thread);
}

/**
 * vitrine_folder_scan_finish:
 *
 * Returns: (transfer full): the scan, or %NULL with @error set
 */
VitrineFolderScan *
vitrine_folder_scan_finish (GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == vitrine_folder_scan_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* ---- Reading and changing it, on the main context --------------------- */

const char *
vitrine_folder_scan_get_folder (VitrineFolderScan *self)
{
  g_return_val_if_fail (VITRINE_IS_FOLDER_SCAN (self), NULL);
  return self->folder;
}

/**
 * vitrine_folder_scan_get_root:
 *
 * Returns: (transfer none): the folder's own entry, whose children are
 *   its files and folders
 */
VitrineScanEntry *
vitrine_folder_scan_get_root (VitrineFolderScan *self)
{
  g_return_val_if_fail (VITRINE_IS_FOLDER_SCAN (self), NULL);
  return self->root;
}

/**
 * vitrine_folder_scan_lookup:
 * @path: a path relative to the folder, with `/` between components
 *
 * Returns: (transfer none) (nullable): its entry
 */
VitrineScanEntry *
vitrine_folder_scan_lookup (VitrineFolderScan *self,
                            const char        *path)
{
  g_return_val_if_fail (VITRINE_IS_FOLDER_SCAN (self), NULL);
  if (path == NULL || *path == '\0')
    return self->root;
  return g_hash_table_lookup (self->by_path, path);
}

guint
vitrine_folder_scan_get_n_files (VitrineFolderScan *self)
{
  g_return_val_if_fail (VITRINE_IS_FOLDER_SCAN (self), 0);
  return self->n_files;
}

guint64
vitrine_folder_scan_get_n_bytes (VitrineFolderScan *self)
{
  g_return_val_if_fail (VITRINE_IS_FOLDER_SCAN (self), 0);
  return self->n_bytes;
}

guint
vitrine_folder_scan_get_n_large_files (VitrineFolderScan *self)
{
  g_return_val_if_fail (VITRINE_IS_FOLDER_SCAN (self), 0);
  return self->n_large_files;
}

guint
vitrine_folder_scan_get_n_ignored (VitrineFolderScan *self)
{
  g_return_val_if_fail (VITRINE_IS_FOLDER_SCAN (self), 0);
  return self->n_ignored;
}

/**
 * vitrine_folder_scan_get_warnings:
 *
 * Returns: (transfer none): a model of #VitrineScanWarning
 */
GListModel *
vitrine_folder_scan_get_warnings (VitrineFolderScan *self)
{
  g_return_val_if_fail (VITRINE_IS_FOLDER_SCAN (self), NULL);
  return G_LIST_MODEL (self->warnings);
}

/**
 * vitrine_folder_scan_get_secrets:
 *
 * Returns: (transfer none): the files that look like secrets, included
 *   or not, a model of #VitrineScanEntry
 */
GListModel *
vitrine_folder_scan_get_secrets (VitrineFolderScan *self)
{
  g_return_val_if_fail (VITRINE_IS_FOLDER_SCAN (self), NULL);
  return G_LIST_MODEL (self->secrets);
}

static void
notify_totals (VitrineFolderScan *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_FILES]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_BYTES]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_LARGE_FILES]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_IGNORED]);
}

/**
 * vitrine_folder_scan_set_included:
 * @path: a file that looks like a secret
 * @included: whether to send it
 *
 * Includes a file that looks like a secret in the publish, or leaves it
 * out again.  Other files cannot be included this way: an ignore rule
 * leaves them out, and it is changed in the folder's .gitignore.
 *
 * Returns: whether @path is a file that looks like a secret, and so can
 *   be included or left out
 */
gboolean
vitrine_folder_scan_set_included (VitrineFolderScan *self,
                                  const char        *path,
                                  gboolean           included)
{
  VitrineScanEntry *entry;
  VitrineLeftOut left_out;
  guint64 size;
  g_autofree char *rule = NULL;

  g_return_val_if_fail (VITRINE_IS_FOLDER_SCAN (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  entry = g_hash_table_lookup (self->by_path, path);
  if (entry == NULL || vitrine_scan_entry_get_is_directory (entry) || !vitrine_scan_entry_get_looks_secret (entry))
    return FALSE;
  left_out = vitrine_scan_entry_get_left_out (entry);
  if (left_out != VITRINE_LEFT_OUT_SECRET && left_out != VITRINE_LEFT_OUT_NONE)
    return FALSE;
  if (vitrine_scan_entry_get_included (entry) == !!included)
    return TRUE;

  if (!included)
    {
      /* The rule in words, as a new scan would give it. */
      g_autoptr(VitrineFolderRules) rules = vitrine_folder_rules_new (self->folder);

      vitrine_folder_rules_check (rules, path, FALSE, NULL, &rule);
    }
  _vitrine_scan_entry_set_left_out (entry, included ? VITRINE_LEFT_OUT_NONE : VITRINE_LEFT_OUT_SECRET,
                                    rule, TRUE);

  size = vitrine_scan_entry_get_size (entry);
  for (VitrineScanEntry *dir = _vitrine_scan_entry_get_parent (entry); dir != NULL;
       dir = _vitrine_scan_entry_get_parent (dir))
    _vitrine_scan_entry_add_size (dir, included ? (gint64) size : -(gint64) size);
  if (included)
    {
      self->n_files++;
      self->n_bytes += size;
      self->n_ignored--;
      if (vitrine_scan_entry_get_is_large (entry))
        self->n_large_files++;
    }
  else
    {
      self->n_files--;
      self->n_bytes -= size;
      self->n_ignored++;
      if (vitrine_scan_entry_get_is_large (entry))
        self->n_large_files--;
    }
  notify_totals (self);
  return TRUE;
}

/**
 * vitrine_folder_scan_dup_included_secrets:
 *
 * Returns: (transfer full): the files that look like secrets and are
 *   included, for vitrine_publisher_include_secret() or a publish job
 */
char **
vitrine_folder_scan_dup_included_secrets (VitrineFolderScan *self)
{
  GStrvBuilder *builder = g_strv_builder_new ();
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->secrets));
  char **paths;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(VitrineScanEntry) entry = g_list_model_get_item (G_LIST_MODEL (self->secrets), i);

      if (vitrine_scan_entry_get_included (entry))
        g_strv_builder_add (builder, vitrine_scan_entry_get_path (entry));
    }
  paths = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);
  return paths;
}
