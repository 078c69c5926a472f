/* vitrine-repo-history.c — a repository's revisions, commits and refs
 *
 * Revisions resolve as the Hub resolves them; history is walked newest
 * first; refs are listed by kind.  Tags and branches are made and removed
 * here too.
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "vitrine-error.h"
#include "vitrine-hash.h"
#include "vitrine-repo-history.h"
#include "vitrine-repo-store-private.h"
#include "vitrine-repo-walk.h"

/**
 * vitrine_store_resolve:
 *
 * Resolves a revision as the Hub does: a branch, a tag, a full ref such as
 * `refs/pr/1`, or a commit id (full or at least 7 hex digits).
 */
gboolean
vitrine_store_resolve (git_repository  *repo,
                       const char      *rev,
                       git_oid         *commit_id,
                       GError         **error)
{
  git_oid id;
  gsize len;

  if (rev == NULL || *rev == '\0' || strlen (rev) > 255)
    return _vitrine_store_revision_not_found (error, rev != NULL ? rev : "");

  /* HEAD is the default branch. */
  if (g_str_equal (rev, "HEAD"))
    rev = "main";

  if (g_str_has_prefix (rev, "refs/"))
    {
      int valid = 0;
      if (git_reference_name_is_valid (&valid, rev) == 0 && valid &&
          git_reference_name_to_id (&id, repo, rev) == 0 && _vitrine_store_peel_to_commit (repo, &id, commit_id))
        return TRUE;
      return _vitrine_store_revision_not_found (error, rev);
    }

  {
    g_autofree char *head = g_strconcat ("refs/heads/", rev, NULL);
    g_autofree char *tag = g_strconcat ("refs/tags/", rev, NULL);
    int valid = 0;

    if (git_reference_name_is_valid (&valid, head) == 0 && valid &&
        git_reference_name_to_id (&id, repo, head) == 0 && _vitrine_store_peel_to_commit (repo, &id, commit_id))
      return TRUE;
    if (git_reference_name_is_valid (&valid, tag) == 0 && valid &&
        git_reference_name_to_id (&id, repo, tag) == 0 && _vitrine_store_peel_to_commit (repo, &id, commit_id))
      return TRUE;
  }

  len = strlen (rev);
  if (len >= 7 && len <= GIT_OID_HEXSZ && vitrine_is_hex (rev, len))
    {
      g_autoptr(git_object) object = NULL;

      if (len == GIT_OID_HEXSZ)
        {
          if (git_oid_fromstr (&id, rev) == 0 && _vitrine_store_peel_to_commit (repo, &id, commit_id))
            return TRUE;
        }
      else if (git_oid_fromstrn (&id, rev, len) == 0 &&
               git_object_lookup_prefix (&object, repo, &id, len, GIT_OBJECT_COMMIT) == 0)
        {
          git_oid_cpy (commit_id, git_object_id (object));
          return TRUE;
        }
    }

  return _vitrine_store_revision_not_found (error, rev);
}

gint64
vitrine_store_last_modified (git_repository *repo,
                             const git_oid  *commit_id)
{
  g_autoptr(git_commit) commit = NULL;

  if (git_commit_lookup (&commit, repo, commit_id) != 0)
    return 0;
  return git_commit_time (commit);
}

static void
store_commit_clear (VitrineStoreCommit *commit)
{
  g_free (commit->id);
  g_free (commit->title);
  g_free (commit->message);
  g_free (commit->author);
  g_strfreev (commit->parents);
}

/* Records are shared (the kept walks hand them to pages): this lets go
 * of one reference. */
void
vitrine_store_commit_free (VitrineStoreCommit *commit)
{
  if (commit == NULL)
    return;
  g_atomic_rc_box_release_full (commit, (GDestroyNotify) store_commit_clear);
}

VitrineStoreCommit *
vitrine_store_commit_ref (VitrineStoreCommit *commit)
{
  return g_atomic_rc_box_acquire (commit);
}

void
vitrine_store_ref_free (VitrineStoreRef *ref)
{
  if (ref == NULL)
    return;
  g_free (ref->name);
  g_free (ref->ref);
  g_free (ref->target);
  g_free (ref);
}

static char *
oid_to_hex (const git_oid *id)
{
  char *hex = g_malloc (GIT_OID_HEXSZ + 1);

  git_oid_tostr (hex, GIT_OID_HEXSZ + 1, id);
  return hex;
}

/**
 * vitrine_store_commit_new:
 *
 * Returns: (transfer full): what the commits listing says of @commit
 */
VitrineStoreCommit *
vitrine_store_commit_new (git_commit *commit)
{
  VitrineStoreCommit *record = g_atomic_rc_box_new0 (VitrineStoreCommit);
  const char *body = git_commit_body (commit);
  guint n_parents = git_commit_parentcount (commit);

  record->id = oid_to_hex (git_commit_id (commit));
  record->title = g_strdup (git_commit_summary (commit));
  record->message = g_strdup (body != NULL ? body : "");
  record->author = g_strdup (git_commit_author (commit)->name);
  record->date = git_commit_author (commit)->when.time;
  record->parents = g_new0 (char *, n_parents + 1);
  for (guint i = 0; i < n_parents; i++)
    record->parents[i] = oid_to_hex (git_commit_parent_id (commit, i));
  return record;
}

/**
 * vitrine_store_commits:
 * @total: (out): how many commits the history has in all
 *
 * The history's order is git's default one (see vitrine-repo-walk.c),
 * walked once per tip: a page costs the commits it holds, which are read
 * from git once.
 *
 * Returns: (transfer full) (element-type VitrineStoreCommit): commits
 *   newest first, @skip of them skipped
 */
GPtrArray *
vitrine_store_commits (git_repository  *repo,
                       const git_oid   *commit_id,
                       guint            skip,
                       guint            limit,
                       guint           *total,
                       GError         **error)
{
  return vitrine_store_walk_page (repo, commit_id, skip, limit, total, error);
}

/**
 * vitrine_store_list_refs:
 * @prefix: the kind of refs, such as `refs/heads/` or `refs/pr/`
 *
 * Returns: (transfer full) (element-type VitrineStoreRef): the refs under
 *   @prefix that lead to a commit, in git's order
 */
GPtrArray *
vitrine_store_list_refs (git_repository *repo,
                         const char     *prefix)
{
  GPtrArray *refs = g_ptr_array_new_with_free_func ((GDestroyNotify) vitrine_store_ref_free);
  g_autofree char *glob = g_strconcat (prefix, "*", NULL);
  git_reference_iterator *iter = NULL;
  git_reference *ref = NULL;

  if (git_reference_iterator_glob_new (&iter, repo, glob) != 0)
    return refs;
  while (git_reference_next (&ref, iter) == 0)
    {
      const char *name = git_reference_name (ref);
      git_oid target, commit_id;

      if (g_str_has_prefix (name, prefix) &&
          git_reference_name_to_id (&target, repo, name) == 0 &&
          _vitrine_store_peel_to_commit (repo, &target, &commit_id))
        {
          VitrineStoreRef *record = g_new0 (VitrineStoreRef, 1);

          record->name = g_strdup (name + strlen (prefix));
          record->ref = g_strdup (name);
          record->target = oid_to_hex (&commit_id);
          g_ptr_array_add (refs, record);
        }
      git_reference_free (ref);
    }
  git_reference_iterator_free (iter);
  return refs;
}

gboolean
vitrine_store_create_tag (VitrineRepoMeta *meta,
                          const char      *rev,
                          const char      *tag,
                          const char      *message,
                          const char      *author,
                          GError         **error)
{
  g_autoptr(git_repository) repo = vitrine_store_open_git (meta, error);
  g_autoptr(git_object) target = NULL;
  g_autofree char *refname = NULL;
  git_oid commit_id, tag_id;
  int valid = 0;
  int rc;

  if (repo == NULL)
    return FALSE;
  if (!vitrine_store_resolve (repo, rev, &commit_id, error))
    return FALSE;

  refname = g_strconcat ("refs/tags/", tag, NULL);
  if (git_reference_name_is_valid (&valid, refname) != 0 || !valid || strchr (tag, '/') != NULL)
    {
      g_set_error (error, VITRINE_ERROR, VITRINE_ERROR_INVALID_ARGUMENT,
                   "Invalid tag name: %s", tag);
      return FALSE;
    }
  if (git_object_lookup (&target, repo, &commit_id, GIT_OBJECT_COMMIT) != 0)
    return vitrine_store_set_git_error (error);

  if (message != NULL && *message != '\0')
    {
      g_autoptr(git_signature) sig = _vitrine_store_signature (author);
      rc = git_tag_create (&tag_id, repo, tag, target, sig, message, 0);
    }
  else
    rc = git_tag_create_lightweight (&tag_id, repo, tag, target, 0);

  if (rc == GIT_EEXISTS)
    {
      g_set_error (error, VITRINE_ERROR, VITRINE_ERROR_CONFLICT,
                   "Tag %s already exists", tag);
      return FALSE;
    }
  if (rc != 0)
    return vitrine_store_set_git_error (error);
  return TRUE;
}

gboolean
vitrine_store_delete_ref (VitrineRepoMeta *meta,
                          const char      *refname,
                          GError         **error)
{
  g_autoptr(git_repository) repo = vitrine_store_open_git (meta, error);
  g_autoptr(git_reference) ref = NULL;
  int valid = 0;

  if (repo == NULL)
    return FALSE;
  if (git_reference_name_is_valid (&valid, refname) != 0 || !valid ||
      git_reference_lookup (&ref, repo, refname) != 0)
    return _vitrine_store_revision_not_found (error, refname);
  if (git_reference_delete (ref) != 0)
    return vitrine_store_set_git_error (error);
  return TRUE;
}

gboolean
vitrine_store_create_branch (VitrineRepoMeta *meta,
                             const char      *branch,
                             const char      *starting_point,
                             gboolean         empty,
                             gboolean         overwrite,
                             const char      *author,
                             GError         **error)
{
  g_autoptr(git_repository) repo = vitrine_store_open_git (meta, error);
  g_autoptr(git_reference) ref = NULL;
  g_autofree char *refname = NULL;
  git_oid commit_id;
  int valid = 0;
  int rc;

  if (repo == NULL)
    return FALSE;

  refname = g_strconcat ("refs/heads/", branch, NULL);
  if (git_reference_name_is_valid (&valid, refname) != 0 || !valid)
    {
      g_set_error (error, VITRINE_ERROR, VITRINE_ERROR_INVALID_ARGUMENT,
                   "Invalid branch name: %s", branch);
      return FALSE;
    }

  if (empty)
    {
      g_autoptr(git_index) index = NULL;
      g_autoptr(git_tree) tree = NULL;
      g_autoptr(git_signature) sig = _vitrine_store_signature (author);
      git_oid tree_id;

      if (git_index_new (&index) != 0 ||
          git_index_write_tree_to (&tree_id, index, repo) != 0 ||
          git_tree_lookup (&tree, repo, &tree_id) != 0 ||
          git_commit_create (&commit_id, repo, NULL, sig, sig, "UTF-8", "empty branch\n", tree, 0, NULL) != 0)
        return vitrine_store_set_git_error (error);
    }
  else if (!vitrine_store_resolve (repo, starting_point != NULL ? starting_point : "main", &commit_id, error))
    return FALSE;

  rc = git_reference_create (&ref, repo, refname, &commit_id, overwrite, "branch");
  if (rc == GIT_EEXISTS)
    {
      g_set_error (error, VITRINE_ERROR, VITRINE_ERROR_CONFLICT,
                   "Reference already exists: %s", refname);
      return FALSE;
    }
  if (rc != 0)
    return vitrine_store_set_git_error (error);
  return TRUE;
}

/* The id of what @path is in @commit (blob or tree), or FALSE when absent. */
static gboolean
path_id (git_commit *commit,
         const char *path,
         git_oid    *id)
{
  g_autoptr(git_tree) tree = NULL;
  g_autoptr(git_tree_entry) entry = NULL;

  if (git_commit_tree (&tree, commit) != 0)
    return FALSE;
  if (*path == '\0')
    {
      git_oid_cpy (id, git_tree_id (tree));
      return TRUE;
    }
  if (git_tree_entry_bypath (&entry, tree, path) != 0)
    return FALSE;
  git_oid_cpy (id, git_tree_entry_id (entry));
  return TRUE;
}

/**
 * vitrine_store_last_commit:
 *
 * Finds the last commit, up to @commit_id, that changed @path: the newest
 * one where the path has its current content and its first parent had
 * another (or none).
 *
 * Returns: (transfer full) (nullable): that commit
 */
VitrineStoreCommit *
vitrine_store_last_commit (git_repository *repo,
                           const git_oid  *commit_id,
                           const char     *path)
{
  g_autoptr(git_revwalk) walk = NULL;
  g_autoptr(git_commit) head = NULL;
  git_oid target, id;

  if (git_commit_lookup (&head, repo, commit_id) != 0 || !path_id (head, path, &target))
    return NULL;
  if (git_revwalk_new (&walk, repo) != 0 ||
      git_revwalk_sorting (walk, GIT_SORT_TOPOLOGICAL | GIT_SORT_TIME) != 0 ||
      git_revwalk_simplify_first_parent (walk) != 0 ||
      git_revwalk_push (walk, commit_id) != 0)
    return NULL;

  while (git_revwalk_next (&id, walk) == 0)
    {
      g_autoptr(git_commit) commit = NULL;
      g_autoptr(git_commit) parent = NULL;
      git_oid here, before;

      if (git_commit_lookup (&commit, repo, &id) != 0)
        return NULL;
      if (!path_id (commit, path, &here) || !git_oid_equal (&here, &target))
        continue;
      if (git_commit_parentcount (commit) > 0 &&
          git_commit_parent (&parent, commit, 0) == 0 &&
          path_id (parent, path, &before) && git_oid_equal (&before, &target))
        continue;

      return vitrine_store_commit_new (commit);
    }
  return NULL;
}
