/* vitrine-client-restore.c — putting back the files of an older version
 *
 * The Hub has no revert: a restore is one commit on the branch that makes
 * its files those of the version.  Large files are named again by their
 * sha256 (`lfsFile`: nothing is uploaded), small files are sent inline as
 * the version has them, files added since are deleted.  The commit names
 * the head it was planned against as its parent, so a publish made in
 * between gets it refused (412) instead of overwritten: the restore is
 * then planned again on the new head, or the refusal is handed back to a
 * caller who showed the plan to someone.
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "vitrine-client-private.h"
#include "vitrine-error.h"
#include "vitrine-file-change.h"

/* How many times a restore is planned again when others keep publishing. */
#define MAX_RESTORE_ATTEMPTS 3
/* A small file is never this large; larger answers are refused. */
#define MAX_SMALL_FILE (64 * 1024 * 1024)

static char *
commit_id_of (VitrineClient    *self,
              VitrineRepoType   type,
              const char       *repo_id,
              const char       *revision,
              GCancellable     *cancellable,
              GError          **error)
{
  g_autoptr(VitrineRepoInfo) info = vitrine_client_repo_info (self, type, repo_id, revision, cancellable, error);
  const char *sha;

  if (info == NULL)
    return NULL;
  sha = vitrine_repo_info_get_sha (info);
  if (sha == NULL || strlen (sha) != 40)
    {
      _vitrine_client_set_protocol_error (error);
      return NULL;
    }
  return g_strdup (sha);
}

/**
 * vitrine_client_plan_restore:
 * @branch: (nullable): the branch to restore on; %NULL for main
 * @revision: the version to restore: a tag, branch or commit
 *
 * Says what restoring @revision on @branch changes, against the branch's
 * head now.
 *
 * Returns: (transfer full): the plan
 */
VitrineRestorePlan *
vitrine_client_plan_restore (VitrineClient    *self,
                             VitrineRepoType   type,
                             const char       *repo_id,
                             const char       *branch,
                             const char       *revision,
                             GCancellable     *cancellable,
                             GError          **error)
{
  g_autofree char *head_id = NULL;
  g_autofree char *target_id = NULL;
  g_autoptr(GListModel) changes = NULL;

  g_return_val_if_fail (VITRINE_IS_CLIENT (self), NULL);
  g_return_val_if_fail (revision != NULL, NULL);

  if (branch == NULL)
    branch = "main";
  head_id = commit_id_of (self, type, repo_id, branch, cancellable, error);
  if (head_id == NULL)
    return NULL;
  target_id = commit_id_of (self, type, repo_id, revision, cancellable, error);
  if (target_id == NULL)
    return NULL;
  changes = vitrine_client_compare (self, type, repo_id, head_id, target_id, cancellable, error);
  if (changes == NULL)
    return NULL;
  return vitrine_restore_plan_new (type, repo_id, branch, head_id, revision, target_id, changes);
}

static void
append_line (GString    *out,
             const char *key,
             JsonObject *value)
{
  g_autoptr(JsonObject) line = json_object_new ();
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *text = NULL;

  json_object_set_string_member (line, "key", key);
  json_object_set_object_member (line, "value", value);
  node = json_node_init_object (json_node_alloc (), line);
  text = json_to_string (node, FALSE);
  g_string_append (out, text);
  g_string_append_c (out, '\n');
}

/* One NDJSON line that puts @change's file back as the version has it. */
static gboolean
append_operation (VitrineClient       *self,
                  VitrineRestorePlan  *plan,
                  VitrineFileChange   *change,
                  GString             *out,
                  GCancellable        *cancellable,
                  GError             **error)
{
  const char *path = vitrine_file_change_get_path (change);
  VitrineTreeEntry *after = vitrine_file_change_get_after (change);
  JsonObject *value = json_object_new ();

  json_object_set_string_member (value, "path", path);
  if (after == NULL)
    {
      append_line (out, "deletedFile", value);
      return TRUE;
    }
  if (vitrine_tree_entry_is_lfs (after))
    {
      /* The Hub has its bytes already: named again, never sent. */
      json_object_set_string_member (value, "algo", "sha256");
      json_object_set_string_member (value, "oid", vitrine_tree_entry_get_lfs_oid (after));
      json_object_set_int_member (value, "size", vitrine_tree_entry_get_size (after));
      append_line (out, "lfsFile", value);
      return TRUE;
    }
  {
    g_autoptr(GBytes) bytes = vitrine_client_read_file (self, vitrine_restore_plan_get_repo_type (plan),
                                                        vitrine_restore_plan_get_repo_id (plan),
                                                        vitrine_restore_plan_get_target_id (plan), path,
                                                        MAX_SMALL_FILE, cancellable, error);
    g_autofree char *b64 = NULL;
    gsize len;
    const guchar *data;

    if (bytes == NULL)
      {
        json_object_unref (value);
        return FALSE;
      }
    data = g_bytes_get_data (bytes, &len);
    b64 = g_base64_encode (data, len);
    json_object_set_string_member (value, "content", b64);
    json_object_set_string_member (value, "encoding", "base64");
    append_line (out, "file", value);
  }
  return TRUE;
}

static char *
default_summary (VitrineRestorePlan *plan)
{
  const char *revision = vitrine_restore_plan_get_revision (plan);
  g_autofree char *name = NULL;

  /* A commit id is shown as git shows it in one line. */
  if (g_strcmp0 (revision, vitrine_restore_plan_get_target_id (plan)) == 0)
    name = g_strndup (revision, 7);
  else
    name = g_strdup (revision);
  /* Translators: the title of the commit a restore makes; %s is a version,
   * such as a tag (v1.0) or a short commit id (3f2a9c1). */
  return g_strdup_printf (_("Restore %s"), name);
}

/**
 * vitrine_client_restore_commit:
 * @summary: (nullable): the commit's title; %NULL for “Restore VERSION”
 * @description: (nullable): the commit's message
 * @commit_id: (out) (optional) (nullable): the restoring commit, %NULL
 *   when the branch had the version's files already
 *
 * Commits @plan in one commit whose parent is the head it was made
 * against.  When the branch moved since, nothing is committed and the
 * error is %VITRINE_ERROR_PRECONDITION_FAILED: make a new plan.
 *
 * Returns: whether it worked
 */
gboolean
vitrine_client_restore_commit (VitrineClient       *self,
                               VitrineRestorePlan  *plan,
                               const char          *summary,
                               const char          *description,
                               char               **commit_id,
                               GCancellable        *cancellable,
                               GError             **error)
{
  GListModel *changes;
  g_autoptr(GString) payload = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *title = NULL;
  JsonObject *header;

  g_return_val_if_fail (VITRINE_IS_CLIENT (self), FALSE);
  g_return_val_if_fail (VITRINE_IS_RESTORE_PLAN (plan), FALSE);

  if (commit_id != NULL)
    *commit_id = NULL;
  changes = vitrine_restore_plan_get_changes (plan);
  if (g_list_model_get_n_items (changes) == 0)
    return TRUE;

  title = summary != NULL && *summary != '\0' ? g_strdup (summary) : default_summary (plan);
  payload = g_string_new (NULL);
  header = json_object_new ();
  json_object_set_string_member (header, "summary", title);
  json_object_set_string_member (header, "description", description != NULL ? description : "");
  json_object_set_string_member (header, "parentCommit", vitrine_restore_plan_get_head_id (plan));
  append_line (payload, "header", header);
  for (guint i = 0; i < g_list_model_get_n_items (changes); i++)
    {
      g_autoptr(VitrineFileChange) change = g_list_model_get_item (changes, i);

      if (!append_operation (self, plan, change, payload, cancellable, error))
        return FALSE;
    }
  bytes = g_string_free_to_bytes (g_steal_pointer (&payload));
  return vitrine_client_commit (self, vitrine_restore_plan_get_repo_type (plan),
                                vitrine_restore_plan_get_repo_id (plan), vitrine_restore_plan_get_branch (plan),
                                bytes, FALSE, commit_id, NULL, cancellable, error);
}

/**
 * vitrine_client_restore:
 * @branch: (nullable): the branch to restore on; %NULL for main
 * @revision: the version to restore: a tag, branch or commit
 * @summary: (nullable): the commit's title; %NULL for “Restore VERSION”
 * @description: (nullable): the commit's message
 * @plan: (out) (optional) (transfer full): the plan that was committed
 * @commit_id: (out) (optional) (nullable): the restoring commit, %NULL
 *   when the branch had the version's files already
 *
 * Plans and commits a restore.  When someone publishes to the branch in
 * between, the restore is planned again on the new head (a few times at
 * most, then the refusal is the error): the new commit is kept, and the
 * files are still the version's after the restore.
 *
 * Returns: whether it worked
 */
gboolean
vitrine_client_restore (VitrineClient        *self,
                        VitrineRepoType       type,
                        const char           *repo_id,
                        const char           *branch,
                        const char           *revision,
                        const char           *summary,
                        const char           *description,
                        VitrineRestorePlan  **plan,
                        char                **commit_id,
                        GCancellable         *cancellable,
                        GError              **error)
{
  g_return_val_if_fail (VITRINE_IS_CLIENT (self), FALSE);

  for (guint attempt = 1; ; attempt++)
    {
      g_autoptr(VitrineRestorePlan) made = NULL;
      g_autoptr(GError) local_error = NULL;

      made = vitrine_client_plan_restore (self, type, repo_id, branch, revision, cancellable, error);
      if (made == NULL)
        return FALSE;
      if (vitrine_client_restore_commit (self, made, summary, description, commit_id, cancellable, &local_error))
        {
          if (plan != NULL)
            *plan = g_steal_pointer (&made);
          return TRUE;
        }
      if (!g_error_matches (local_error, VITRINE_ERROR, VITRINE_ERROR_PRECONDITION_FAILED) ||
          attempt >= MAX_RESTORE_ATTEMPTS)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      g_debug ("%s moved while restoring %s: planning again", branch != NULL ? branch : "main", revision);
    }
}

/* ---- _async and _finish ----------------------------------------------- */

VITRINE_CLIENT_ASYNC (plan_restore, VITRINE_CALL_PLAN_RESTORE,
                      (VitrineClient *self, VitrineRepoType type, const char *repo_id, const char *branch,
                       const char *revision, GCancellable *cancellable, GAsyncReadyCallback callback,
                       gpointer user_data),
                      .type = type, .repo_id = repo_id, .name = branch, .revision = revision)
VITRINE_CLIENT_FINISH (plan_restore, VITRINE_CALL_PLAN_RESTORE, VitrineRestorePlan *)

/**
 * vitrine_client_restore_commit_async:
 * @summary: (nullable): the commit's title
 * @description: (nullable): the commit's message
 *
 * Commits @plan on a worker thread (see vitrine_client_restore_commit()).
 */
void
vitrine_client_restore_commit_async (VitrineClient        *self,
                                     VitrineRestorePlan   *plan,
                                     const char           *summary,
                                     const char           *description,
                                     GCancellable         *cancellable,
                                     GAsyncReadyCallback   callback,
                                     gpointer              user_data)
{
  VitrineCallArgs args = {
    .plan = plan,
    .message = summary,
    .description = description,
  };

  _vitrine_client_call_async (self, VITRINE_CALL_RESTORE_COMMIT, &args, cancellable, callback, user_data);
}

/**
 * vitrine_client_restore_commit_finish:
 * @commit_id: (out) (optional) (nullable): the restoring commit, %NULL
 *   when there was nothing to restore
 *
 * Returns: whether it worked
 */
gboolean
vitrine_client_restore_commit_finish (VitrineClient  *self,
                                      GAsyncResult   *result,
                                      char          **commit_id,
                                      GError        **error)
{
  gboolean ok = _vitrine_client_call_finish (self, result, VITRINE_CALL_RESTORE_COMMIT, error) != NULL;

  if (ok && commit_id != NULL)
    *commit_id = g_strdup (_vitrine_client_call_output (result)->commit_id);
  return ok;
}
