/* vitrine-commit-builder.c — a commit built from operations and published
 *
 * A commit is built from blobs and trees on top of its branch's head, its
 * objects are made durable, and only then does the branch move, by a
 * compare-and-swap: concurrent commits never lose one another.
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <glib/gstdio.h>

#include "vitrine-commit-builder.h"
#include "vitrine-lfs-known.h"
#include "vitrine-error.h"
#include "vitrine-lfs-pointer.h"
#include "vitrine-repo-store-private.h"
#include "vitrine-repo-tree.h"

/* How often a commit is rebuilt when others keep winning the race. */
#define MAX_COMMIT_ATTEMPTS 64

static char *
commit_message (const char *summary,
                const char *description)
{
  if (description != NULL && *description != '\0')
    return g_strdup_printf ("%s\n\n%s\n", summary, description);
  return g_strdup_printf ("%s\n", summary);
}

static char *
escape_attribute_path (const char *path)
{
  GString *out = g_string_new (NULL);

  for (const char *p = path; *p; p++)
    {
      if (*p == ' ')
        g_string_append (out, "[[:space:]]");
      else if (strchr ("*?[]!#\\", *p) != NULL)
        {
          g_string_append_c (out, '\\');
          g_string_append_c (out, *p);
        }
      else
        g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}

static gboolean
apply_ops (git_repository  *repo,
           git_index       *index,
           const char      *lfs_objects_dir,
           GPtrArray       *ops,
           const char      *rev,
           GError         **error)
{
  g_autoptr(GPtrArray) lfs_paths = g_ptr_array_new ();
  const git_index_entry *attr_entry;
  g_autofree char *attributes = NULL;
  GString *extra = NULL;

  for (guint i = 0; i < ops->len; i++)
    {
      VitrineOp *op = g_ptr_array_index (ops, i);

      switch (op->kind)
        {
        case VITRINE_OP_FILE:
          {
            gsize len;
            const void *data = g_bytes_get_data (op->content, &len);

            if (!_vitrine_store_add_blob (repo, index, op->path, data, len, error))
              return FALSE;
          }
          break;

        case VITRINE_OP_LFS_FILE:
          {
            g_autofree char *object = vitrine_lfs_object_path (lfs_objects_dir, op->lfs_oid);
            g_autofree char *pointer = NULL;
            GStatBuf st;

            /* Stored, and shown to be this repository's (knowing an
             * object's hash is not having it: vitrine-lfs-known.c). */
            if (g_stat (object, &st) != 0 || (op->lfs_size != G_MAXUINT64 && (guint64) st.st_size != op->lfs_size) ||
                !vitrine_lfs_known_has (git_repository_path (repo), op->lfs_oid))
              {
                g_set_error (error, VITRINE_ERROR, VITRINE_ERROR_INVALID_ARGUMENT,
                             "The large file %s (sha256 %s) was not uploaded: upload it before the commit",
                             op->path, op->lfs_oid);
                return FALSE;
              }
            pointer = vitrine_lfs_pointer_format (op->lfs_oid, st.st_size);
            if (!_vitrine_store_add_blob (repo, index, op->path, pointer, strlen (pointer), error))
              return FALSE;
            g_ptr_array_add (lfs_paths, op->path);
          }
          break;

        case VITRINE_OP_DELETE_FILE:
          if (git_index_get_bypath (index, op->path, 0) == NULL)
            return _vitrine_store_entry_not_found (error, op->path, rev);
          if (git_index_remove_bypath (index, op->path) != 0)
            return vitrine_store_set_git_error (error);
          break;

        case VITRINE_OP_DELETE_FOLDER:
          {
            g_autofree char *prefix = g_strconcat (op->path, "/", NULL);
            size_t at = 0;
            const git_index_entry *e;

            git_index_find_prefix (&at, index, prefix);
            e = git_index_get_byindex (index, at);
            if (e == NULL || !g_str_has_prefix (e->path, prefix))
              return _vitrine_store_entry_not_found (error, op->path, rev);
            if (git_index_remove_directory (index, op->path, 0) != 0)
              return vitrine_store_set_git_error (error);
          }
          break;

        default:
          g_assert_not_reached ();
        }
    }

  if (lfs_paths->len == 0)
    return TRUE;

  /* Large files not covered by a rule get one, as the Hub does. */
  attr_entry = git_index_get_bypath (index, ".gitattributes", 0);
  if (attr_entry != NULL)
    {
      g_autoptr(git_blob) blob = NULL;

      if (git_blob_lookup (&blob, repo, &attr_entry->id) == 0)
        attributes = g_strndup (git_blob_rawcontent (blob), git_blob_rawsize (blob));
    }
  for (guint i = 0; i < lfs_paths->len; i++)
    {
      const char *path = g_ptr_array_index (lfs_paths, i);

      if (!vitrine_store_attributes_match_lfs (attributes, path) &&
          !(extra != NULL && vitrine_store_attributes_match_lfs (extra->str, path)))
        {
          g_autofree char *escaped = escape_attribute_path (path);

          if (extra == NULL)
            extra = g_string_new (NULL);
          g_string_append_printf (extra, "%s filter=lfs diff=lfs merge=lfs -text\n", escaped);
        }
    }
  if (extra != NULL)
    {
      g_autoptr(GString) text = g_string_new (attributes != NULL ? attributes : "");
      gboolean ok;

      if (text->len > 0 && text->str[text->len - 1] != '\n')
        g_string_append_c (text, '\n');
      g_string_append (text, extra->str);
      g_string_free (extra, TRUE);
      ok = _vitrine_store_add_blob (repo, index, ".gitattributes", text->str, text->len, error);
      return ok;
    }
  return TRUE;
}

/* Makes every object written so far durable with one syncfs() of the
 * repository's file system, so a branch never points at an object a power
 * cut could lose.  (A killed process loses nothing libgit2 wrote: objects
 * are renamed into place whole.) */
static void
sync_objects (git_repository *repo)
{
  int fd = open (git_repository_path (repo), O_RDONLY | O_DIRECTORY | O_CLOEXEC);

  if (fd >= 0)
    {
      syncfs (fd);
      close (fd);
    }
}

static guint
next_pr_number (git_repository *repo)
{
  git_reference_iterator *iter = NULL;
  git_reference *ref = NULL;
  guint max = 0;

  if (git_reference_iterator_glob_new (&iter, repo, "refs/pr/*") != 0)
    return 1;
  while (git_reference_next (&ref, iter) == 0)
    {
      guint64 n = g_ascii_strtoull (git_reference_name (ref) + strlen ("refs/pr/"), NULL, 10);
      max = MAX (max, (guint) MIN (n, G_MAXUINT - 1));
      git_reference_free (ref);
    }
  git_reference_iterator_free (iter);
  return max + 1;
}

/**
 * vitrine_store_commit:
 * @branch: the branch (or `refs/pr/N`) to commit to
 * @payload: the operations, the message, and the head the client based
 *   its changes on (`parent_commit`, nullable)
 * @commit_id: (out): the new commit
 * @pr_ref: (out) (optional): with @create_pr, the new `refs/pr/N`
 *
 * Builds the commit completely, then publishes it by a compare-and-swap
 * of the branch.  When another commit won the race and no parent commit
 * was given, the operations are applied again on the new head; with a
 * parent commit, the commit is refused (%VITRINE_ERROR_PRECONDITION_FAILED)
 * and nothing is written to the branch.
 */
gboolean
vitrine_store_commit (VitrineRepoMeta             *meta,
                      const char                  *lfs_objects_dir,
                      const char                  *branch,
                      gboolean                     create_pr,
                      const VitrineCommitPayload  *payload,
                      const char                  *author,
                      char                       **commit_id,
                      char                       **pr_ref,
                      GError                     **error)
{
  g_autoptr(git_repository) repo = vitrine_store_open_git (meta, error);
  g_autoptr(git_signature) sig = NULL;
  g_autofree char *refname = NULL;
  g_autofree char *message = commit_message (payload->summary, payload->description);
  int valid = 0;

  if (repo == NULL)
    return FALSE;

  refname = g_str_has_prefix (branch, "refs/pr/") ? g_strdup (branch)
                                                   : g_strconcat ("refs/heads/", branch, NULL);
  if (git_reference_name_is_valid (&valid, refname) != 0 || !valid)
    return _vitrine_store_revision_not_found (error, branch);

  sig = _vitrine_store_signature (author);

  for (guint attempt = 0; attempt < MAX_COMMIT_ATTEMPTS; attempt++)
    {
      g_autoptr(git_commit) head = NULL;
      g_autoptr(git_tree) tree = NULL;
      g_autoptr(git_tree) new_tree = NULL;
      g_autoptr(git_index) index = NULL;
      g_autoptr(git_reference) ref = NULL;
      const git_commit *parents[1];
      git_oid head_id, tree_id, new_id;
      int rc;

      if (git_reference_name_to_id (&head_id, repo, refname) != 0)
        return _vitrine_store_revision_not_found (error, branch);

      if (payload->parent_commit != NULL)
        {
          g_autoptr(git_object) parent = NULL;

          if (git_revparse_single (&parent, repo, payload->parent_commit) != 0 ||
              !git_oid_equal (git_object_id (parent), &head_id))
            {
              g_set_error_literal (error, VITRINE_ERROR, VITRINE_ERROR_PRECONDITION_FAILED,
                                   "A commit has happened since. Please refresh and try again.");
              return FALSE;
            }
        }

      if (git_commit_lookup (&head, repo, &head_id) != 0 ||
          git_commit_tree (&tree, head) != 0 ||
          git_index_new (&index) != 0 ||
          git_index_read_tree (index, tree) != 0)
        return vitrine_store_set_git_error (error);

      if (!apply_ops (repo, index, lfs_objects_dir, payload->ops, branch, error))
        return FALSE;

      parents[0] = head;
      if (git_index_write_tree_to (&tree_id, index, repo) != 0 ||
          git_tree_lookup (&new_tree, repo, &tree_id) != 0 ||
          git_commit_create (&new_id, repo, NULL, sig, sig, "UTF-8", message,
                             new_tree, 1, parents) != 0)
        return vitrine_store_set_git_error (error);

      sync_objects (repo);

      if (create_pr)
        {
          guint n = next_pr_number (repo);
          g_autofree char *pr = g_strdup_printf ("refs/pr/%u", n);

          rc = git_reference_create (&ref, repo, pr, &new_id, 0, "pull request");
          if (rc == GIT_EEXISTS || rc == GIT_ELOCKED)
            continue;
          if (rc != 0)
            return vitrine_store_set_git_error (error);
          if (pr_ref != NULL)
            *pr_ref = g_steal_pointer (&pr);
        }
      else
        {
          rc = git_reference_create_matching (&ref, repo, refname, &new_id, 1, &head_id, "commit");
          if (rc == GIT_EMODIFIED || rc == GIT_ELOCKED)
            {
              /* Another commit won: try again on top of it. */
              if (payload->parent_commit != NULL && rc == GIT_EMODIFIED)
                {
                  g_set_error_literal (error, VITRINE_ERROR, VITRINE_ERROR_PRECONDITION_FAILED,
                                       "A commit has happened since. Please refresh and try again.");
                  return FALSE;
                }
              g_usleep (g_random_int_range (1000, 10000) * (attempt < 8 ? 1 : 4));
              continue;
            }
          if (rc != 0)
            return vitrine_store_set_git_error (error);
        }

      *commit_id = g_malloc (GIT_OID_HEXSZ + 1);
      git_oid_tostr (*commit_id, GIT_OID_HEXSZ + 1, &new_id);
      return TRUE;
    }

  g_set_error_literal (error, VITRINE_ERROR, VITRINE_ERROR_CONFLICT,
                       "Cannot commit: too many commits are happening at the same time. Try again.");
  return FALSE;
}
