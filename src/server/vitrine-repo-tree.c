/* vitrine-repo-tree.c — what a repository holds at a commit
 *
 * Entries (files and folders, large files seen through their pointers),
 * folder listings, file contents, and which paths .gitattributes sends to
 * large-file storage.
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <fnmatch.h>
#include <string.h>

#include "vitrine-lfs-pointer.h"
#include "vitrine-repo-store-private.h"
#include "vitrine-repo-tree.h"

void
vitrine_entry_free (VitrineEntry *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->path);
  g_free (entry->lfs_oid);
  g_free (entry);
}

static void
fill_blob_entry (git_repository *repo,
                 VitrineEntry   *entry,
                 const git_oid  *blob_id)
{
  g_autoptr(git_blob) blob = NULL;
  git_object_size_t size;

  git_oid_tostr (entry->oid, sizeof entry->oid, blob_id);
  if (git_blob_lookup (&blob, repo, blob_id) != 0)
    return;
  size = git_blob_rawsize (blob);
  entry->size = size;
  if (size <= VITRINE_LFS_POINTER_MAX_SIZE)
    {
      char *oid = NULL;
      guint64 lfs_size = 0;

      if (vitrine_lfs_pointer_parse (git_blob_rawcontent (blob), size, &oid, &lfs_size))
        {
          entry->lfs = TRUE;
          entry->lfs_oid = oid;
          entry->pointer_size = size;
          entry->size = lfs_size;
        }
    }
}

/**
 * vitrine_store_blob_entry:
 * @path: where the file is
 * @blob_id: its blob
 *
 * Returns: (transfer full): the file as an entry (a large file seen
 *   through its pointer)
 */
VitrineEntry *
vitrine_store_blob_entry (git_repository *repo,
                          const char     *path,
                          const git_oid  *blob_id)
{
  VitrineEntry *entry = g_new0 (VitrineEntry, 1);

  entry->path = g_strdup (path);
  fill_blob_entry (repo, entry, blob_id);
  return entry;
}

/**
 * vitrine_store_entry:
 * @path: a path, or "" for the root folder
 */
VitrineEntry *
vitrine_store_entry (git_repository  *repo,
                     const git_oid   *commit_id,
                     const char      *path,
                     GError         **error)
{
  g_autoptr(git_commit) commit = NULL;
  g_autoptr(git_tree) tree = NULL;
  g_autoptr(git_tree_entry) tree_entry = NULL;
  VitrineEntry *entry;
  char rev[GIT_OID_HEXSZ + 1];

  git_oid_tostr (rev, sizeof rev, commit_id);
  if (git_commit_lookup (&commit, repo, commit_id) != 0 || git_commit_tree (&tree, commit) != 0)
    {
      vitrine_store_set_git_error (error);
      return NULL;
    }

  entry = g_new0 (VitrineEntry, 1);
  entry->path = g_strdup (path);
  if (*path == '\0')
    {
      entry->is_dir = TRUE;
      git_oid_tostr (entry->oid, sizeof entry->oid, git_tree_id (tree));
      return entry;
    }

  if (git_tree_entry_bypath (&tree_entry, tree, path) != 0)
    {
      vitrine_entry_free (entry);
      _vitrine_store_entry_not_found (error, path, rev);
      return NULL;
    }

  if (git_tree_entry_type (tree_entry) == GIT_OBJECT_TREE)
    {
      entry->is_dir = TRUE;
      git_oid_tostr (entry->oid, sizeof entry->oid, git_tree_entry_id (tree_entry));
    }
  else
    fill_blob_entry (repo, entry, git_tree_entry_id (tree_entry));
  return entry;
}

typedef struct
{
  git_repository *repo;
  GPtrArray      *entries;
  const char     *prefix;
  gboolean        recursive;
} WalkData;

static int
walk_cb (const char           *root,
         const git_tree_entry *tree_entry,
         void                 *user_data)
{
  WalkData *data = user_data;
  VitrineEntry *entry = g_new0 (VitrineEntry, 1);
  const char *name = git_tree_entry_name (tree_entry);

  if (*data->prefix != '\0')
    entry->path = g_strconcat (data->prefix, "/", root, name, NULL);
  else
    entry->path = g_strconcat (root, name, NULL);

  if (git_tree_entry_type (tree_entry) == GIT_OBJECT_TREE)
    {
      entry->is_dir = TRUE;
      git_oid_tostr (entry->oid, sizeof entry->oid, git_tree_entry_id (tree_entry));
    }
  else
    fill_blob_entry (data->repo, entry, git_tree_entry_id (tree_entry));

  g_ptr_array_add (data->entries, entry);

  /* 1 skips a folder's children when not recursive. */
  return entry->is_dir && !data->recursive ? 1 : 0;
}

/**
 * vitrine_store_list_tree:
 *
 * Returns: (transfer full): the entries under @path (not @path itself),
 *   folders before their contents, in git's order
 */
GPtrArray *
vitrine_store_list_tree (git_repository  *repo,
                         const git_oid   *commit_id,
                         const char      *path,
                         gboolean         recursive,
                         GError         **error)
{
  g_autoptr(git_commit) commit = NULL;
  g_autoptr(git_tree) root = NULL;
  g_autoptr(git_tree) tree = NULL;
  WalkData data;
  char rev[GIT_OID_HEXSZ + 1];

  git_oid_tostr (rev, sizeof rev, commit_id);
  if (git_commit_lookup (&commit, repo, commit_id) != 0 || git_commit_tree (&root, commit) != 0)
    {
      vitrine_store_set_git_error (error);
      return NULL;
    }

  if (*path != '\0')
    {
      g_autoptr(git_tree_entry) tree_entry = NULL;

      if (git_tree_entry_bypath (&tree_entry, root, path) != 0 ||
          git_tree_entry_type (tree_entry) != GIT_OBJECT_TREE ||
          git_tree_lookup (&tree, repo, git_tree_entry_id (tree_entry)) != 0)
        {
          _vitrine_store_entry_not_found (error, path, rev);
          return NULL;
        }
    }
  else
    tree = g_steal_pointer (&root);

  data.repo = repo;
  data.entries = g_ptr_array_new_with_free_func ((GDestroyNotify) vitrine_entry_free);
  data.prefix = path;
  data.recursive = recursive;
  git_tree_walk (tree, GIT_TREEWALK_PRE, walk_cb, &data);
  return data.entries;
}

GBytes *
vitrine_store_read_blob (git_repository  *repo,
                         const char      *oid_hex,
                         GError         **error)
{
  g_autoptr(git_blob) blob = NULL;
  git_oid id;

  if (git_oid_fromstr (&id, oid_hex) != 0 || git_blob_lookup (&blob, repo, &id) != 0)
    {
      vitrine_store_set_git_error (error);
      return NULL;
    }
  return g_bytes_new (git_blob_rawcontent (blob), git_blob_rawsize (blob));
}

/* The content of a small file at a commit, or NULL. */
GBytes *
vitrine_store_read_file (git_repository *repo,
                         const git_oid  *commit_id,
                         const char     *path)
{
  g_autoptr(VitrineEntry) entry = vitrine_store_entry (repo, commit_id, path, NULL);

  if (entry == NULL || entry->is_dir || entry->lfs)
    return NULL;
  return vitrine_store_read_blob (repo, entry->oid, NULL);
}

/* Whether a .gitattributes text sends @path to large-file storage. */
gboolean
vitrine_store_attributes_match_lfs (const char *attributes,
                                    const char *path)
{
  g_auto(GStrv) lines = NULL;
  const char *base = strrchr (path, '/');

  if (attributes == NULL)
    return FALSE;
  base = base != NULL ? base + 1 : path;
  lines = g_strsplit (attributes, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) words = g_strsplit_set (g_strstrip (lines[i]), " \t", -1);
      g_autofree char *pattern = NULL;

      if (words[0] == NULL || *words[0] == '\0' || *words[0] == '#')
        continue;
      if (!g_strv_contains ((const char * const *) words, "filter=lfs"))
        continue;
      /* Spaces in paths are written [[:space:]]. */
      pattern = g_strdup (words[0]);
      if (strchr (pattern, '/') != NULL)
        {
          const char *p = pattern[0] == '/' ? pattern + 1 : pattern;
          if (fnmatch (p, path, 0) == 0)
            return TRUE;
        }
      else if (fnmatch (pattern, base, 0) == 0)
        return TRUE;
    }
  return FALSE;
}
