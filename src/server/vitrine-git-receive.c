/* vitrine-git-receive.c — the Hub's checks on a git push, before any ref
 * moves
 *
 * git receive-pack keeps what a push sends in a quarantine (an object
 * folder of its own) and runs the pre-receive hook before it moves any
 * ref; the hook the hub installs is `vitrine-hub git-pre-receive`, which
 * runs vitrine_git_check_push().  A refused push leaves nothing: git
 * deletes the quarantine.  Every commit the push brings is checked (not
 * only the tips): each file it adds or changes must follow the path rules
 * of API commits, a file over 10 MB must be an LFS pointer, and a pointer
 * must name an object the hub's store holds.
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <glib/gstdio.h>

#include "vitrine-git-receive.h"
#include "vitrine-lfs-known.h"
#include "vitrine-lfs-pointer.h"
#include "vitrine-path.h"
#include "vitrine-repo-store.h"

typedef struct
{
  git_repository *repo;
  const char     *git_dir;
  const char     *lfs_dir;
  const char     *ref;
  GPtrArray      *too_large;   /* "- PATH (ref: REF)" */
  GPtrArray      *bad_paths;
  GPtrArray      *missing;
  GHashTable     *seen;        /* blob id + path already checked */
} Check;

static void
check_file (Check          *c,
            const char     *path,
            const git_oid  *id,
            guint32         mode)
{
  g_autoptr(git_blob) blob = NULL;
  g_autoptr(GError) error = NULL;
  char hex[GIT_OID_HEXSZ + 1];
  g_autofree char *key = NULL;
  git_object_size_t size;

  git_oid_tostr (hex, sizeof hex, id);
  key = g_strconcat (hex, " ", path, NULL);
  if (!g_hash_table_add (c->seen, g_steal_pointer (&key)))
    return;

  if (!vitrine_path_check (path, -1, &error))
    {
      g_ptr_array_add (c->bad_paths, g_strdup_printf ("- %s (ref: %s): %s", path, c->ref, error->message));
      return;
    }
  if (mode == GIT_FILEMODE_COMMIT || git_blob_lookup (&blob, c->repo, id) != 0)
    return;
  size = git_blob_rawsize (blob);
  if (size <= VITRINE_LFS_POINTER_MAX_SIZE)
    {
      g_autofree char *oid = NULL;
      guint64 object_size;

      if (vitrine_lfs_pointer_parse (git_blob_rawcontent (blob), size, &oid, &object_size))
        {
          g_autofree char *object = vitrine_lfs_object_path (c->lfs_dir, oid);
          GStatBuf st;

          if (g_stat (object, &st) != 0 || (guint64) st.st_size != object_size ||
              !vitrine_lfs_known_has (c->git_dir, oid))
            g_ptr_array_add (c->missing, g_strdup_printf ("- %s (ref: %s): %s", path, c->ref, oid));
        }
      return;
    }
  if (size > VITRINE_LFS_THRESHOLD)
    g_ptr_array_add (c->too_large, g_strdup_printf ("- %s (ref: %s)", path, c->ref));
}

static int
tree_file_cb (const char           *root,
              const git_tree_entry *entry,
              void                 *payload)
{
  Check *c = payload;
  g_autofree char *path = NULL;

  if (git_tree_entry_type (entry) == GIT_OBJECT_TREE)
    return 0;
  path = g_strconcat (root, git_tree_entry_name (entry), NULL);
  check_file (c, path, git_tree_entry_id (entry), git_tree_entry_filemode (entry));
  return 0;
}

/* What @commit adds or changes, against its first parent (all of its
 * tree for a root commit). */
static gboolean
check_commit (Check      *c,
              git_commit *commit)
{
  g_autoptr(git_tree) tree = NULL;
  g_autoptr(git_tree) parent_tree = NULL;
  g_autoptr(git_commit) parent = NULL;
  g_autoptr(git_diff) diff = NULL;

  if (git_commit_tree (&tree, commit) != 0)
    return FALSE;
  if (git_commit_parentcount (commit) == 0)
    return git_tree_walk (tree, GIT_TREEWALK_PRE, tree_file_cb, c) == 0;
  if (git_commit_parent (&parent, commit, 0) != 0 || git_commit_tree (&parent_tree, parent) != 0 ||
      git_diff_tree_to_tree (&diff, c->repo, parent_tree, tree, NULL) != 0)
    return FALSE;
  for (size_t i = 0; i < git_diff_num_deltas (diff); i++)
    {
      const git_diff_delta *delta = git_diff_get_delta (diff, i);

      if (delta->status == GIT_DELTA_DELETED)
        continue;
      check_file (c, delta->new_file.path, &delta->new_file.id, delta->new_file.mode);
    }
  return TRUE;
}

static gboolean
ref_allowed (const char *ref)
{
  int valid = 0;

  if (git_reference_name_is_valid (&valid, ref) != 0 || !valid)
    return FALSE;
  return g_str_has_prefix (ref, "refs/heads/") || g_str_has_prefix (ref, "refs/tags/");
}

/* The commits a push brings to @ref: reachable from @new, not from any
 * ref the repository has. */
static gboolean
check_update (Check         *c,
              const git_oid *new_id,
              GString       *out)
{
  g_autoptr(git_revwalk) walk = NULL;
  g_autoptr(git_object) target = NULL;
  g_autoptr(git_object) peeled = NULL;
  git_oid id;

  if (git_object_lookup (&target, c->repo, new_id, GIT_OBJECT_ANY) != 0)
    {
      g_string_append_printf (out, "The push is missing the object %s sent for %s.\n", git_oid_tostr_s (new_id), c->ref);
      return FALSE;
    }
  /* A tag of something other than a commit has no files to check. */
  if (git_object_peel (&peeled, target, GIT_OBJECT_COMMIT) != 0)
    return TRUE;
  if (git_revwalk_new (&walk, c->repo) != 0 ||
      git_revwalk_push (walk, git_object_id (peeled)) != 0 ||
      git_revwalk_hide_glob (walk, "refs/*") != 0)
    {
      g_string_append_printf (out, "Could not read the commits pushed to %s.\n", c->ref);
      return FALSE;
    }
  while (git_revwalk_next (&id, walk) == 0)
    {
      g_autoptr(git_commit) commit = NULL;

      if (git_commit_lookup (&commit, c->repo, &id) != 0 || !check_commit (c, commit))
        {
          g_string_append_printf (out, "Could not read commit %s pushed to %s.\n", git_oid_tostr_s (&id), c->ref);
          return FALSE;
        }
    }
  return TRUE;
}

static char *
default_branch (git_repository *repo)
{
  g_autoptr(git_reference) head = NULL;

  if (git_reference_lookup (&head, repo, "HEAD") == 0 && git_reference_type (head) == GIT_REFERENCE_SYMBOLIC)
    return g_strdup (git_reference_symbolic_target (head));
  return g_strdup ("refs/heads/main");
}

/**
 * vitrine_git_check_push:
 * @git_dir: the repository pushed to
 * @quarantine: (nullable): where git keeps what the push sent
 *   (GIT_QUARANTINE_PATH)
 * @lfs_dir: the hub's store of large files
 * @updates: what pre-receive reads: "OLD NEW REF" lines
 * @out: what to tell the client, when refused
 *
 * Returns: whether the push may go on
 */
gboolean
vitrine_git_check_push (const char *git_dir,
                        const char *quarantine,
                        const char *lfs_dir,
                        const char *updates,
                        GString    *out)
{
  g_autoptr(git_repository) repo = NULL;
  g_autoptr(git_odb) odb = NULL;
  g_autoptr(GPtrArray) too_large = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) bad_paths = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) missing = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *head = NULL;
  g_auto(GStrv) lines = g_strsplit (updates, "\n", -1);
  gboolean ok = TRUE;

  vitrine_store_init ();
  if (git_repository_open_bare (&repo, git_dir) != 0 || git_repository_odb (&odb, repo) != 0 ||
      (quarantine != NULL && git_odb_add_disk_alternate (odb, quarantine) != 0))
    {
      g_string_append (out, "The hub could not read the repository.\n");
      return FALSE;
    }
  head = default_branch (repo);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = g_strsplit (g_strstrip (lines[i]), " ", 3);
      git_oid new_id;
      Check c = { repo, git_dir, lfs_dir, NULL, too_large, bad_paths, missing, seen };

      if (g_strv_length (fields) != 3)
        continue;
      c.ref = fields[2];
      if (!ref_allowed (c.ref))
        {
          g_string_append_printf (out, "Only branches and tags can be pushed here, not %s.\n", c.ref);
          ok = FALSE;
          continue;
        }
      if (git_oid_fromstr (&new_id, fields[1]) != 0)
        {
          ok = FALSE;
          continue;
        }
      if (git_oid_is_zero (&new_id))
        {
          if (g_str_equal (c.ref, head))
            {
              g_string_append_printf (out, "The default branch (%s) cannot be deleted.\n", c.ref);
              ok = FALSE;
            }
          continue;
        }
      if (!check_update (&c, &new_id, out))
        ok = FALSE;
    }

  if (too_large->len > 0)
    {
      g_string_append (out, "Your push was rejected because it contains files larger than 10M. "
                            "Please use https://git-lfs.github.com/ to store large files.\n"
                            "Offending files:\n");
      for (guint i = 0; i < too_large->len; i++)
        g_string_append_printf (out, "%s\n", (char *) g_ptr_array_index (too_large, i));
      ok = FALSE;
    }
  if (missing->len > 0)
    {
      g_string_append (out, "Your push was rejected because it contains LFS pointers to files the hub does "
                            "not have. Push them with git-lfs first (git lfs push).\nMissing files:\n");
      for (guint i = 0; i < missing->len; i++)
        g_string_append_printf (out, "%s\n", (char *) g_ptr_array_index (missing, i));
      ok = FALSE;
    }
  if (bad_paths->len > 0)
    {
      g_string_append (out, "Your push was rejected because some paths are not allowed:\n");
      for (guint i = 0; i < bad_paths->len; i++)
        g_string_append_printf (out, "%s\n", (char *) g_ptr_array_index (bad_paths, i));
      ok = FALSE;
    }
  return ok;
}
