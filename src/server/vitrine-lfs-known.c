/* vitrine-lfs-known.c — which large files a repository has shown it has
 *
 * The store of large files is shared by every repository, but knowing an
 * object's sha256 is not having it: a repository may name a stored object
 * (in a commit, a push, a download batch) only once it has shown it has
 * the bytes, by an upload made for that repository (which the store
 * checks against the sha256) or by having named it before.  Each
 * repository keeps the list in its git folder, one empty file per object:
 * vitrine-lfs/aa/OID.  A repository from before this list has it made
 * once, from the large files its history names (vitrine-lfs/.complete
 * says the list is whole).
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "vitrine-hash.h"
#include "vitrine-lfs-known.h"
#include "vitrine-lfs-pointer.h"
#include "vitrine-repo-store.h"

#define KNOWN_DIR "vitrine-lfs"

static char *
marker_path (const char *git_dir,
             const char *oid)
{
  char prefix[3] = { oid[0], oid[1], 0 };

  return g_build_filename (git_dir, KNOWN_DIR, prefix, oid, NULL);
}

static char *
complete_path (const char *git_dir)
{
  return g_build_filename (git_dir, KNOWN_DIR, ".complete", NULL);
}

static void
add_marker (const char *git_dir,
            const char *oid)
{
  g_autofree char *path = marker_path (git_dir, oid);
  g_autofree char *dir = g_path_get_dirname (path);

  if (g_file_test (path, G_FILE_TEST_EXISTS))
    return;
  g_mkdir_with_parents (dir, 0700);
  g_file_set_contents (path, "", 0, NULL);
}

/**
 * vitrine_lfs_known_init:
 *
 * A new repository: it knows no large file yet.
 */
void
vitrine_lfs_known_init (const char *git_dir)
{
  g_autofree char *complete = complete_path (git_dir);
  g_autofree char *dir = g_path_get_dirname (complete);

  g_mkdir_with_parents (dir, 0700);
  g_file_set_contents (complete, "", 0, NULL);
}

typedef struct
{
  const char *git_dir;
  git_odb    *odb;
  git_repository *repo;
  GHashTable *blobs;
} Scan;

static guint
oid_hash (gconstpointer key)
{
  return *(const guint *) key;
}

static gboolean
oid_equal (gconstpointer a,
           gconstpointer b)
{
  return git_oid_equal (a, b);
}

static int
scan_entry_cb (const char           *root,
               const git_tree_entry *entry,
               void                 *payload)
{
  Scan *scan = payload;
  const git_oid *id = git_tree_entry_id (entry);
  g_autoptr(git_blob) blob = NULL;
  g_autofree char *oid = NULL;
  git_object_t type;
  size_t size;
  guint64 lfs_size;

  if (git_tree_entry_type (entry) != GIT_OBJECT_BLOB || !g_hash_table_add (scan->blobs, g_memdup2 (id, sizeof *id)))
    return 0;
  if (git_odb_read_header (&size, &type, scan->odb, id) != 0 || size > VITRINE_LFS_POINTER_MAX_SIZE ||
      git_blob_lookup (&blob, scan->repo, id) != 0)
    return 0;
  if (vitrine_lfs_pointer_parse (git_blob_rawcontent (blob), git_blob_rawsize (blob), &oid, &lfs_size))
    add_marker (scan->git_dir, oid);
  return 0;
}

/* A repository from before the list: every large file its history names
 * is known (it was checked into the store when it was committed). */
static void
make_list (const char *git_dir)
{
  g_autoptr(git_repository) repo = NULL;
  g_autoptr(git_revwalk) walk = NULL;
  g_autoptr(GHashTable) trees = g_hash_table_new_full (oid_hash, oid_equal, g_free, NULL);
  Scan scan = { git_dir, NULL, NULL, g_hash_table_new_full (oid_hash, oid_equal, g_free, NULL) };
  git_oid id;

  vitrine_store_init ();
  if (git_repository_open_bare (&repo, git_dir) != 0 || git_repository_odb (&scan.odb, repo) != 0 ||
      git_revwalk_new (&walk, repo) != 0 || git_revwalk_push_glob (walk, "refs/*") != 0)
    {
      git_odb_free (scan.odb);
      g_hash_table_unref (scan.blobs);
      return;
    }
  scan.repo = repo;
  while (git_revwalk_next (&id, walk) == 0)
    {
      g_autoptr(git_commit) commit = NULL;
      g_autoptr(git_tree) tree = NULL;

      if (git_commit_lookup (&commit, repo, &id) != 0 || git_commit_tree (&tree, commit) != 0 ||
          !g_hash_table_add (trees, g_memdup2 (git_tree_id (tree), sizeof (git_oid))))
        continue;
      git_tree_walk (tree, GIT_TREEWALK_PRE, scan_entry_cb, &scan);
    }
  git_odb_free (scan.odb);
  g_hash_table_unref (scan.blobs);
  vitrine_lfs_known_init (git_dir);
}

/**
 * vitrine_lfs_known_has:
 *
 * Returns: whether the repository in @git_dir has shown it has @oid
 */
gboolean
vitrine_lfs_known_has (const char *git_dir,
                       const char *oid)
{
  g_autofree char *complete = complete_path (git_dir);
  g_autofree char *marker = NULL;

  if (!vitrine_is_hex (oid, 64))
    return FALSE;
  if (!g_file_test (complete, G_FILE_TEST_EXISTS))
    make_list (git_dir);
  marker = marker_path (git_dir, oid);
  return g_file_test (marker, G_FILE_TEST_EXISTS);
}

/**
 * vitrine_lfs_known_add:
 *
 * The repository in @git_dir has shown it has @oid: an upload made for it
 * stored the bytes, checked against their sha256.
 */
void
vitrine_lfs_known_add (const char *git_dir,
                       const char *oid)
{
  g_autofree char *complete = complete_path (git_dir);

  if (!vitrine_is_hex (oid, 64))
    return;
  if (!g_file_test (complete, G_FILE_TEST_EXISTS))
    make_list (git_dir);
  add_marker (git_dir, oid);
}
