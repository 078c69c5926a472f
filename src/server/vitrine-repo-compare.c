/* vitrine-repo-compare.c — what changed between two revisions of a
 * repository, file by file
 *
 * The two trees are compared by git (identical folders are skipped
 * whole); each file that differs is described as the Hub's compare
 * endpoint describes it: added, modified or deleted, its modes and blobs,
 * and what it is on each side (a large file seen through its pointer).
 * Renames are not looked for: a moved file is deleted here and added
 * there.
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "vitrine-repo-compare.h"
#include "vitrine-repo-history.h"
#include "vitrine-repo-store-private.h"

/* As git decides whether a file is text: a NUL in its first 8000 bytes. */
#define BINARY_PROBE 8000

void
vitrine_store_change_free (VitrineStoreChange *change)
{
  if (change == NULL)
    return;
  g_free (change->path);
  vitrine_entry_free (change->old_entry);
  vitrine_entry_free (change->new_entry);
  g_free (change);
}

/* The tree of a revision; NULL with no error for the empty tree. */
static gboolean
revision_tree (git_repository  *repo,
               const char      *rev,
               git_tree       **tree,
               GError         **error)
{
  g_autoptr(git_commit) commit = NULL;
  git_oid commit_id;

  *tree = NULL;
  if (g_str_equal (rev, VITRINE_EMPTY_TREE_ID))
    return TRUE;
  if (!vitrine_store_resolve (repo, rev, &commit_id, error))
    return FALSE;
  if (git_commit_lookup (&commit, repo, &commit_id) != 0 || git_commit_tree (tree, commit) != 0)
    return vitrine_store_set_git_error (error);
  return TRUE;
}

static git_diff *
diff_trees (git_repository  *repo,
            const char      *from,
            const char      *to,
            GError         **error)
{
  g_autoptr(git_tree) old_tree = NULL;
  g_autoptr(git_tree) new_tree = NULL;
  git_diff_options options = GIT_DIFF_OPTIONS_INIT;
  git_diff *diff = NULL;

  if (!revision_tree (repo, from, &old_tree, error) || !revision_tree (repo, to, &new_tree, error))
    return NULL;
  if (git_diff_tree_to_tree (&diff, repo, old_tree, new_tree, &options) != 0)
    {
      vitrine_store_set_git_error (error);
      return NULL;
    }
  return diff;
}

static gboolean
blob_is_binary (git_repository *repo,
                const git_oid  *blob_id)
{
  g_autoptr(git_blob) blob = NULL;
  git_object_size_t size;

  if (git_blob_lookup (&blob, repo, blob_id) != 0)
    return FALSE;
  size = git_blob_rawsize (blob);
  return size > 0 && memchr (git_blob_rawcontent (blob), '\0', MIN (size, BINARY_PROBE)) != NULL;
}

static gboolean
is_file_mode (guint32 mode)
{
  return mode == GIT_FILEMODE_BLOB || mode == GIT_FILEMODE_BLOB_EXECUTABLE || mode == GIT_FILEMODE_LINK;
}

/**
 * vitrine_store_compare:
 * @from: a revision, or %VITRINE_EMPTY_TREE_ID
 * @to: a revision, or %VITRINE_EMPTY_TREE_ID
 *
 * Returns: (transfer full) (element-type VitrineStoreChange): the files
 *   that differ from @from to @to, by path
 */
GPtrArray *
vitrine_store_compare (git_repository  *repo,
                       const char      *from,
                       const char      *to,
                       GError         **error)
{
  g_autoptr(git_diff) diff = diff_trees (repo, from, to, error);
  GPtrArray *changes;

  if (diff == NULL)
    return NULL;
  changes = g_ptr_array_new_with_free_func ((GDestroyNotify) vitrine_store_change_free);
  for (size_t i = 0; i < git_diff_num_deltas (diff); i++)
    {
      const git_diff_delta *delta = git_diff_get_delta (diff, i);
      VitrineStoreChange *change;
      gboolean had = delta->status != GIT_DELTA_ADDED;
      gboolean has = delta->status != GIT_DELTA_DELETED;

      if (delta->status != GIT_DELTA_ADDED && delta->status != GIT_DELTA_DELETED &&
          delta->status != GIT_DELTA_MODIFIED && delta->status != GIT_DELTA_TYPECHANGE)
        continue;
      /* Submodules have no content here. */
      if ((had && !is_file_mode (delta->old_file.mode)) || (has && !is_file_mode (delta->new_file.mode)))
        continue;

      change = g_new0 (VitrineStoreChange, 1);
      change->status = !had ? 'A' : !has ? 'D' : 'M';
      change->path = g_strdup (has ? delta->new_file.path : delta->old_file.path);
      change->old_mode = had ? delta->old_file.mode : 0;
      change->new_mode = has ? delta->new_file.mode : 0;
      git_oid_tostr (change->old_oid, sizeof change->old_oid, &delta->old_file.id);
      git_oid_tostr (change->new_oid, sizeof change->new_oid, &delta->new_file.id);
      if (had)
        change->old_entry = vitrine_store_blob_entry (repo, change->path, &delta->old_file.id);
      if (has)
        change->new_entry = vitrine_store_blob_entry (repo, change->path, &delta->new_file.id);
      if (has)
        change->binary = change->new_entry->lfs || blob_is_binary (repo, &delta->new_file.id);
      else
        change->binary = change->old_entry->lfs || blob_is_binary (repo, &delta->old_file.id);
      g_ptr_array_add (changes, change);
    }
  return changes;
}

/* A path as git writes it in its raw format: as it is, or in double
 * quotes with C escapes when it holds a quote, a backslash or a control
 * character. */
static void
append_path (GString    *out,
             const char *path)
{
  gboolean quote = FALSE;

  for (const char *p = path; *p != '\0' && !quote; p++)
    quote = *p == '"' || *p == '\\' || (guchar) *p < 0x20 || *p == 0x7f;
  if (!quote)
    {
      g_string_append (out, path);
      return;
    }
  g_string_append_c (out, '"');
  for (const char *p = path; *p != '\0'; p++)
    switch (*p)
      {
      case '"':
        g_string_append (out, "\\\"");
        break;
      case '\\':
        g_string_append (out, "\\\\");
        break;
      case '\t':
        g_string_append (out, "\\t");
        break;
      case '\n':
        g_string_append (out, "\\n");
        break;
      default:
        if ((guchar) *p < 0x20 || *p == 0x7f)
          g_string_append_printf (out, "\\%03o", (guchar) *p);
        else
          g_string_append_c (out, *p);
        break;
      }
  g_string_append_c (out, '"');
}

/**
 * vitrine_store_change_to_raw:
 *
 * Returns: (transfer full): the change as one line of the Hub's raw
 *   compare format, `T|B <newsize>\t:<oldmode> <newmode> <oldblob>
 *   <newblob> <A|M|D>\t<path>\n`; a large file's size is its content's
 */
char *
vitrine_store_change_to_raw (const VitrineStoreChange *change)
{
  GString *out = g_string_new (NULL);
  guint64 size = change->new_entry != NULL ? change->new_entry->size : 0;

  g_string_append_printf (out, "%c %" G_GUINT64_FORMAT "\t:%06o %06o %s %s %c\t",
                          change->binary ? 'B' : 'T', size, change->old_mode, change->new_mode,
                          change->old_oid, change->new_oid, change->status);
  append_path (out, change->path);
  g_string_append_c (out, '\n');
  return g_string_free (out, FALSE);
}

static int
append_line_cb (const git_diff_delta *delta,
                const git_diff_hunk  *hunk,
                const git_diff_line  *line,
                void                 *user_data)
{
  GString *out = user_data;

  if (line->origin == GIT_DIFF_LINE_CONTEXT || line->origin == GIT_DIFF_LINE_ADDITION ||
      line->origin == GIT_DIFF_LINE_DELETION)
    g_string_append_c (out, line->origin);
  g_string_append_len (out, line->content, line->content_len);
  return 0;
}

/**
 * vitrine_store_compare_patch:
 *
 * Returns: (transfer full): the changes from @from to @to as a patch, as
 *   `git diff` writes it (large files as their pointers)
 */
GBytes *
vitrine_store_compare_patch (git_repository  *repo,
                             const char      *from,
                             const char      *to,
                             GError         **error)
{
  g_autoptr(git_diff) diff = diff_trees (repo, from, to, error);
  GString *out;

  if (diff == NULL)
    return NULL;
  out = g_string_new (NULL);
  if (git_diff_print (diff, GIT_DIFF_FORMAT_PATCH, append_line_cb, out) != 0)
    {
      g_string_free (out, TRUE);
      vitrine_store_set_git_error (error);
      return NULL;
    }
  return g_string_free_to_bytes (out);
}
