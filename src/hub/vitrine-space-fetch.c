/* vitrine-space-fetch.c — a published Space's files, fetched through the
 * client into a folder of its own, only what changed since the last run
 *
 * The folder holds plain files (an app may write beside them, a static
 * server serves them as they are); a manifest beside it records the
 * commit and each file's object id as last fetched, so the next run
 * downloads only files whose id changed or that went missing, and removes
 * the ones the Space no longer has.  Files the app made are left alone.
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <string.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "vitrine-error.h"
#include "vitrine-path.h"
#include "vitrine-space-run-private.h"

#define MANIFEST_NAME "manifest.json"
#define MAX_MANIFEST (16 * 1024 * 1024)

static void
say (VitrineSpaceSayFunc  func,
     gpointer             data,
     const char          *line)
{
  if (func != NULL)
    func (data, line);
}

/* path -> object id, as last fetched. */
static GHashTable *
load_manifest (const char *state_dir)
{
  g_autofree char *path = g_build_filename (state_dir, MANIFEST_NAME, NULL);
  GHashTable *files = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *text = NULL;
  JsonObject *root, *entries;
  gsize len;

  if (!g_file_get_contents (path, &text, &len, NULL) || len > MAX_MANIFEST ||
      !json_parser_load_from_data (parser, text, len, NULL) ||
      !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    return files;
  root = json_node_get_object (json_parser_get_root (parser));
  entries = vitrine_json_object (root, "files");
  if (entries != NULL)
    {
      g_autoptr(GList) members = json_object_get_members (entries);

      for (GList *l = members; l != NULL; l = l->next)
        {
          const char *oid = vitrine_json_string (entries, l->data);

          if (oid != NULL && vitrine_path_check (l->data, -1, NULL))
            g_hash_table_insert (files, g_strdup (l->data), g_strdup (oid));
        }
    }
  return files;
}

static gboolean
save_manifest (const char  *state_dir,
               const char  *commit,
               GHashTable  *files,
               GError     **error)
{
  g_autofree char *path = g_build_filename (state_dir, MANIFEST_NAME, NULL);
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *text = NULL;
  GHashTableIter iter;
  gpointer key, value;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "commit");
  json_builder_add_string_value (builder, commit);
  json_builder_set_member_name (builder, "files");
  json_builder_begin_object (builder);
  g_hash_table_iter_init (&iter, files);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      json_builder_set_member_name (builder, key);
      json_builder_add_string_value (builder, value);
    }
  json_builder_end_object (builder);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  text = json_generator_to_data (generator, NULL);
  return g_file_set_contents (path, text, -1, error);
}

/* Whether @target is the file the manifest says was fetched there. */
static gboolean
still_there (const char       *target,
             VitrineTreeEntry *entry)
{
  GStatBuf st;

  return g_lstat (target, &st) == 0 && S_ISREG (st.st_mode) &&
         (guint64) st.st_size == vitrine_tree_entry_get_size (entry);
}

/**
 * _vitrine_space_fetch:
 * @revision: (nullable): a branch, tag or commit; %NULL for main
 * @n_fetched: (out) (optional): how many files were downloaded
 *
 * Brings @files_dir to the Space's revision, downloading only what
 * changed since the last fetch into it.
 */
gboolean
_vitrine_space_fetch (VitrineClient        *client,
                      const char           *space_id,
                      const char           *revision,
                      const char           *files_dir,
                      const char           *state_dir,
                      VitrineSpaceSayFunc   say_func,
                      gpointer              say_data,
                      guint                *n_fetched,
                      GCancellable         *cancellable,
                      GError              **error)
{
  g_autoptr(VitrineRepoInfo) info = NULL;
  g_autoptr(GListModel) tree = NULL;
  g_autoptr(GHashTable) old = NULL;
  g_autoptr(GHashTable) now = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autofree char *commit = NULL;
  g_autofree char *summary = NULL;
  guint fetched = 0, unchanged = 0, removed = 0;
  GHashTableIter iter;
  gpointer key;

  if (g_mkdir_with_parents (files_dir, 0755) != 0 || g_mkdir_with_parents (state_dir, 0755) != 0)
    {
      int errsv = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errsv),
                   _("Could not create “%s”: %s"), files_dir, g_strerror (errsv));
      return FALSE;
    }

  info = vitrine_client_repo_info (client, VITRINE_REPO_TYPE_SPACE, space_id, revision, cancellable, error);
  if (info == NULL)
    return FALSE;
  commit = g_strdup (vitrine_repo_info_get_sha (info));
  if (commit == NULL || strlen (commit) != 40)
    {
      g_set_error_literal (error, VITRINE_ERROR, VITRINE_ERROR_PROTOCOL,
                           _("The server did not say which commit this is."));
      return FALSE;
    }
  /* Listed at the commit, so every file comes from the same version. */
  tree = vitrine_client_list_tree (client, VITRINE_REPO_TYPE_SPACE, space_id, commit, NULL, TRUE,
                                   cancellable, error);
  if (tree == NULL)
    return FALSE;
  old = load_manifest (state_dir);

  for (guint i = 0; i < g_list_model_get_n_items (tree); i++)
    {
      g_autoptr(VitrineTreeEntry) entry = g_list_model_get_item (tree, i);
      const char *path = vitrine_tree_entry_get_path (entry);
      const char *oid = vitrine_tree_entry_get_lfs_oid (entry);
      g_autofree char *target = NULL;

      if (vitrine_tree_entry_is_directory (entry))
        continue;
      if (!vitrine_path_check (path, -1, error))
        return FALSE;
      if (oid == NULL)
        oid = vitrine_tree_entry_get_oid (entry);
      if (oid == NULL)
        oid = "";
      target = g_build_filename (files_dir, path, NULL);
      if (oid[0] != '\0' && g_strcmp0 (g_hash_table_lookup (old, path), oid) == 0 && still_there (target, entry))
        unchanged++;
      else
        {
          g_autofree char *line = g_strdup_printf (_("Fetching %s"), path);

          say (say_func, say_data, line);
          if (!vitrine_client_download_file (client, VITRINE_REPO_TYPE_SPACE, space_id, commit, path, target,
                                             NULL, NULL, NULL, NULL, cancellable, error))
            return FALSE;
          fetched++;
        }
      g_hash_table_insert (now, g_strdup (path), g_strdup (oid));
    }

  /* What the Space no longer has goes; what the app made stays. */
  g_hash_table_iter_init (&iter, old);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (!g_hash_table_contains (now, key))
      {
        g_autofree char *target = g_build_filename (files_dir, key, NULL);

        if (g_unlink (target) == 0)
          removed++;
      }

  if (!save_manifest (state_dir, commit, now, error))
    return FALSE;
  summary = g_strdup_printf (_("Commit %.7s: files fetched %u, unchanged %u, removed %u."),
                             commit, fetched, unchanged, removed);
  say (say_func, say_data, summary);
  if (n_fetched != NULL)
    *n_fetched = fetched;
  return TRUE;
}
