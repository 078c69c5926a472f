/* vitrine-publish-scan.c — what a publish compares: the folder's files
 * (ignore rules applied), the repository's, and the card guard
 *
 * A card edited on the Hub after it was published from here must not be
 * replaced without the user knowing: the publisher remembers the git
 * object id of the README.md it last left on each repository's branch.
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

#include "vitrine-card-record.h"
#include "vitrine-error.h"
#include "vitrine-folder-rules.h"
#include "vitrine-hash.h"
#include "vitrine-path.h"
#include "vitrine-publish-private.h"

void
_vitrine_local_file_free (VitrineLocalFile *file)
{
  g_free (file->path);
  g_free (file->abs_path);
  g_free (file->sha256);
  g_free (file->git_sha1);
  g_free (file);
}

void
_vitrine_remote_file_free (VitrineRemoteFile *file)
{
  g_free (file->path);
  g_free (file->oid);
  g_free (file->lfs_oid);
  g_free (file);
}

/* For g_ptr_array_sort(), which passes pointers to the elements. */
int
_vitrine_compare_strings (gconstpointer a,
                          gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* ---- The folder ------------------------------------------------------- */

static gboolean
scan_dir (VitrinePublisher    *self,
          VitrineFolderRules  *rules,
          const char          *rel_dir,
          GPtrArray           *files,
          GPtrArray           *left_out_secrets,
          GCancellable        *cancellable,
          GError             **error)
{
  g_autofree char *abs_dir = *rel_dir != '\0' ? g_build_filename (self->folder, rel_dir, NULL)
                                              : g_strdup (self->folder);
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  dir = g_dir_open (abs_dir, 0, error);
  if (dir == NULL)
    return FALSE;
  while ((name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, _vitrine_compare_strings);

  for (guint i = 0; i < names->len; i++)
    {
      const char *entry = g_ptr_array_index (names, i);
      g_autofree char *rel = *rel_dir != '\0' ? g_strconcat (rel_dir, "/", entry, NULL) : g_strdup (entry);
      g_autofree char *abs = g_build_filename (abs_dir, entry, NULL);
      struct stat st;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
      /* Links are followed only when they lead to a file or folder. */
      if (stat (abs, &st) != 0)
        continue;

      if (S_ISDIR (st.st_mode))
        {
          if (vitrine_folder_rules_check (rules, rel, TRUE, NULL, NULL) != VITRINE_LEFT_OUT_NONE)
            continue;
          if (!scan_dir (self, rules, rel, files, left_out_secrets, cancellable, error))
            return FALSE;
        }
      else if (S_ISREG (st.st_mode))
        {
          VitrineLocalFile *file;
          VitrineLeftOut left_out = vitrine_folder_rules_check (rules, rel, FALSE, NULL, NULL);

          if (left_out == VITRINE_LEFT_OUT_SECRET && left_out_secrets != NULL)
            g_ptr_array_add (left_out_secrets, g_strdup (rel));
          if (left_out != VITRINE_LEFT_OUT_NONE)
            continue;
          if (!vitrine_path_check (rel, -1, error))
            return FALSE;
          file = g_new0 (VitrineLocalFile, 1);
          file->path = g_steal_pointer (&rel);
          file->abs_path = g_steal_pointer (&abs);
          file->size = st.st_size;
          file->st = st;
          g_ptr_array_add (files, file);
        }
    }
  return TRUE;
}

/* The files of the folder to publish, in path order; the files left out
 * because they look like secrets go to @left_out_secrets. */
GPtrArray *
_vitrine_publisher_scan (VitrinePublisher  *self,
                         GPtrArray         *left_out_secrets,
                         GCancellable      *cancellable,
                         GError           **error)
{
  g_autoptr(VitrineFolderRules) rules = NULL;
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func ((GDestroyNotify) _vitrine_local_file_free);

  if (!g_file_test (self->folder, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_DIRECTORY,
                   _("“%s” is not a folder."), self->folder);
      return NULL;
    }
  rules = vitrine_folder_rules_new (self->folder);
  for (guint i = 0; i < self->includes->len; i++)
    vitrine_folder_rules_add_include (rules, g_ptr_array_index (self->includes, i));
  for (guint i = 0; i < self->excludes->len; i++)
    vitrine_folder_rules_add_exclude (rules, g_ptr_array_index (self->excludes, i));
  for (guint i = 0; i < self->included_secrets->len; i++)
    vitrine_folder_rules_include_secret (rules, g_ptr_array_index (self->included_secrets, i));

  if (!scan_dir (self, rules, "", files, left_out_secrets, cancellable, error))
    return NULL;
  return g_steal_pointer (&files);
}

/* ---- The repository --------------------------------------------------- */

/* The files of the repository at @commit, by path. */
GHashTable *
_vitrine_publisher_remote_files (VitrinePublisher  *self,
                                 const char        *commit,
                                 GCancellable      *cancellable,
                                 GError           **error)
{
  g_autoptr(GListModel) tree = vitrine_client_list_tree (self->client, self->type, self->repo_id, commit,
                                                         NULL, TRUE, cancellable, error);
  GHashTable *remote;
  guint n;

  if (tree == NULL)
    return NULL;
  remote = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) _vitrine_remote_file_free);
  n = g_list_model_get_n_items (tree);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(VitrineTreeEntry) entry = g_list_model_get_item (tree, i);
      VitrineRemoteFile *file;

      if (vitrine_tree_entry_is_directory (entry) || vitrine_tree_entry_get_path (entry) == NULL)
        continue;
      file = g_new0 (VitrineRemoteFile, 1);
      file->path = g_strdup (vitrine_tree_entry_get_path (entry));
      file->oid = g_strdup (vitrine_tree_entry_get_oid (entry));
      file->lfs_oid = g_strdup (vitrine_tree_entry_get_lfs_oid (entry));
      file->size = vitrine_tree_entry_get_size (entry);
      g_hash_table_replace (remote, file->path, file);
    }
  return remote;
}

/* ---- The card guard --------------------------------------------------- */

static char *
card_record_read (VitrinePublisher *self)
{
  return vitrine_card_record_read (self->cards_dir, vitrine_client_get_endpoint (self->client),
                                   self->type, self->repo_id, self->branch);
}

static void
card_record_write (VitrinePublisher *self,
                   const char       *oid)
{
  g_autoptr(GError) error = NULL;

  if (!vitrine_card_record_write (self->cards_dir, vitrine_client_get_endpoint (self->client),
                                  self->type, self->repo_id, self->branch, oid, &error))
    g_debug ("Could not remember the published card: %s", error->message);
}

/* Whether publishing the folder would replace or delete a README.md
 * someone changed on the server since this machine last published it. */
gboolean
_vitrine_publisher_card_changed (VitrinePublisher  *self,
                                 VitrineHashCache  *cache,
                                 GPtrArray         *files,
                                 GHashTable        *remote,
                                 gboolean          *changed,
                                 GCancellable      *cancellable,
                                 GError           **error)
{
  VitrineRemoteFile *rf = g_hash_table_lookup (remote, "README.md");
  g_autofree char *recorded = NULL;
  VitrineLocalFile *card = NULL;

  *changed = FALSE;
  if (rf == NULL || rf->lfs_oid != NULL)
    return TRUE;
  recorded = card_record_read (self);
  /* Never published from here, or nobody changed it since. */
  if (recorded == NULL || g_strcmp0 (recorded, rf->oid) == 0)
    return TRUE;

  for (guint i = 0; i < files->len && card == NULL; i++)
    if (g_str_equal (((VitrineLocalFile *) g_ptr_array_index (files, i))->path, "README.md"))
      card = g_ptr_array_index (files, i);
  if (card == NULL && !self->delete_remote)
    return TRUE;
  if (card != NULL)
    {
      guint64 size = 0, read = 0;

      g_clear_pointer (&card->sha256, g_free);
      g_clear_pointer (&card->git_sha1, g_free);
      if (!vitrine_hash_cache_hash_file (cache, card->abs_path, TRUE, &card->sha256, &card->git_sha1,
                                         &size, &read, cancellable, error))
        return FALSE;
      /* The folder already has the server's card: nothing is lost. */
      if (g_strcmp0 (card->git_sha1, rf->oid) == 0)
        return TRUE;
    }
  *changed = TRUE;
  return TRUE;
}

/* Stops a publish that would replace or delete a card someone changed on
 * the server since this machine last published it. */
gboolean
_vitrine_publisher_card_guard (VitrinePublisher  *self,
                               VitrineHashCache  *cache,
                               GPtrArray         *files,
                               GHashTable        *remote,
                               GCancellable      *cancellable,
                               GError           **error)
{
  gboolean changed = FALSE;

  if (self->replace_card || self->create_pr)
    return TRUE;
  if (!_vitrine_publisher_card_changed (self, cache, files, remote, &changed, cancellable, error))
    return FALSE;
  if (!changed)
    return TRUE;

  g_set_error (error, VITRINE_ERROR, VITRINE_ERROR_CARD_CHANGED,
               _("The model card (README.md) of %s was changed on the Hub since it was last published from this computer. "
                 "Publishing would replace those changes: compare the two cards in Vitrine and merge them, "
                 "or publish again with --replace-card to replace the Hub’s card with yours."),
               self->repo_id);
  return FALSE;
}

/* After a publish: the card the branch now has. */
void
_vitrine_publisher_card_remember (VitrinePublisher *self,
                                  GPtrArray        *files,
                                  GHashTable       *remote)
{
  VitrineRemoteFile *rf = g_hash_table_lookup (remote, "README.md");

  if (self->create_pr)
    return;
  for (guint i = 0; i < files->len; i++)
    {
      VitrineLocalFile *file = g_ptr_array_index (files, i);

      if (g_str_equal (file->path, "README.md"))
        {
          card_record_write (self, file->lfs ? NULL : file->git_sha1);
          return;
        }
    }
  /* Not in the folder: deleted when mirroring, else left as it was. */
  card_record_write (self, self->delete_remote || rf == NULL || rf->lfs_oid != NULL ? NULL : rf->oid);
}
