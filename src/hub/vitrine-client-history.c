/* vitrine-client-history.c — the history of a repository: commits, refs,
 * tags and branches
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "vitrine-client-private.h"
#include "vitrine-json.h"

/**
 * vitrine_client_list_commits:
 * @revision: (nullable): where the history starts; %NULL for main
 * @page: which page, from 0
 * @limit: commits a page (0 for the server's 50)
 * @total: (out) (optional): how many commits the whole history has
 *
 * Returns: (transfer full): one page of the history, newest first,
 *   #VitrineCommit items
 */
GListModel *
vitrine_client_list_commits (VitrineClient   *self,
                             VitrineRepoType  type,
                             const char      *repo_id,
                             const char      *revision,
                             guint            page,
                             guint            limit,
                             guint           *total,
                             GCancellable    *cancellable,
                             GError         **error)
{
  g_autoptr(GListStore) store = g_list_store_new (VITRINE_TYPE_COMMIT);
  g_autoptr(VitrineResponse) response = NULL;
  g_autoptr(JsonNode) answer = NULL;
  g_autofree char *base = NULL;
  g_autofree char *url = NULL;
  const char *count;

  g_return_val_if_fail (VITRINE_IS_CLIENT (self), NULL);

  if (!_vitrine_client_check_repo_id (repo_id, error))
    return NULL;
  base = _vitrine_client_api_path (type, repo_id, "commits", revision != NULL ? revision : "main");
  url = g_strdup_printf ("%s?p=%u&limit=%u", base, page, limit > 0 ? limit : 50);
  answer = _vitrine_client_call_json (self, "GET", url, NULL, 0, &response, cancellable, error);
  if (answer == NULL || !_vitrine_client_append_objects (store, answer, type, error))
    return NULL;
  count = _vitrine_response_get_header (response, "X-Total-Count");
  if (total != NULL)
    *total = count != NULL ? (guint) g_ascii_strtoull (count, NULL, 10)
                           : g_list_model_get_n_items (G_LIST_MODEL (store));
  return G_LIST_MODEL (g_steal_pointer (&store));
}

/**
 * vitrine_client_list_refs:
 * @include_prs: whether to list pull requests' refs too
 *
 * Returns: (transfer full): branches, then tags, then the others,
 *   #VitrineRef items
 */
GListModel *
vitrine_client_list_refs (VitrineClient   *self,
                          VitrineRepoType  type,
                          const char      *repo_id,
                          gboolean         include_prs,
                          GCancellable    *cancellable,
                          GError         **error)
{
  static const struct { const char *key; VitrineRefKind kind; } kinds[] = {
    { "branches", VITRINE_REF_BRANCH },
    { "tags", VITRINE_REF_TAG },
    { "converts", VITRINE_REF_CONVERT },
    { "pullRequests", VITRINE_REF_PULL_REQUEST },
  };
  g_autoptr(GListStore) store = g_list_store_new (VITRINE_TYPE_REF);
  g_autoptr(JsonNode) answer = NULL;
  g_autofree char *base = NULL;
  g_autofree char *url = NULL;

  g_return_val_if_fail (VITRINE_IS_CLIENT (self), NULL);

  if (!_vitrine_client_check_repo_id (repo_id, error))
    return NULL;
  base = _vitrine_client_api_path (type, repo_id, "refs", NULL);
  url = g_strconcat (base, include_prs ? "?include_prs=1" : "", NULL);
  answer = _vitrine_client_call_json (self, "GET", url, NULL, 0, NULL, cancellable, error);
  if (answer == NULL)
    return NULL;
  if (!JSON_NODE_HOLDS_OBJECT (answer))
    {
      _vitrine_client_set_protocol_error (error);
      return NULL;
    }
  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      JsonArray *array = vitrine_json_array (json_node_get_object (answer), kinds[k].key);

      for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
        {
          JsonNode *item = json_array_get_element (array, i);
          if (JSON_NODE_HOLDS_OBJECT (item))
            {
              g_autoptr(VitrineRef) ref = vitrine_ref_new_from_json (json_node_get_object (item), kinds[k].kind);
              g_list_store_append (store, ref);
            }
        }
    }
  return G_LIST_MODEL (g_steal_pointer (&store));
}

/* Creates (with @body) or deletes (without) `{action}/{name}`. */
static gboolean
ref_call (VitrineClient    *self,
          VitrineRepoType   type,
          const char       *repo_id,
          const char       *action,
          const char       *name,
          JsonBuilder      *body,
          GCancellable     *cancellable,
          GError          **error)
{
  g_autoptr(JsonNode) node = body != NULL ? json_builder_get_root (body) : NULL;
  g_autoptr(JsonNode) answer = NULL;
  g_autofree char *path = NULL;

  g_return_val_if_fail (VITRINE_IS_CLIENT (self), FALSE);

  if (!_vitrine_client_check_repo_id (repo_id, error))
    return FALSE;
  path = _vitrine_client_api_path (type, repo_id, action, name);
  answer = _vitrine_client_call_json (self, body != NULL ? "POST" : "DELETE", path, node, 0, NULL,
                                      cancellable, error);
  return answer != NULL;
}

/**
 * vitrine_client_create_tag:
 * @revision: (nullable): what to tag; %NULL for main
 * @message: (nullable): for an annotated tag
 */
gboolean
vitrine_client_create_tag (VitrineClient   *self,
                           VitrineRepoType  type,
                           const char      *repo_id,
                           const char      *revision,
                           const char      *tag,
                           const char      *message,
                           GCancellable    *cancellable,
                           GError         **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "tag");
  json_builder_add_string_value (builder, tag);
  if (message != NULL)
    {
      json_builder_set_member_name (builder, "message");
      json_builder_add_string_value (builder, message);
    }
  json_builder_end_object (builder);
  /* The tag is named in the body; the address names what it points at. */
  return ref_call (self, type, repo_id, "tag", revision != NULL ? revision : "main", builder,
                   cancellable, error);
}

gboolean
vitrine_client_delete_tag (VitrineClient   *self,
                           VitrineRepoType  type,
                           const char      *repo_id,
                           const char      *tag,
                           GCancellable    *cancellable,
                           GError         **error)
{
  return ref_call (self, type, repo_id, "tag", tag, NULL, cancellable, error);
}

/**
 * vitrine_client_create_branch:
 * @starting_point: (nullable): where the branch starts; %NULL for main
 */
gboolean
vitrine_client_create_branch (VitrineClient   *self,
                              VitrineRepoType  type,
                              const char      *repo_id,
                              const char      *branch,
                              const char      *starting_point,
                              GCancellable    *cancellable,
                              GError         **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  if (starting_point != NULL)
    {
      json_builder_set_member_name (builder, "startingPoint");
      json_builder_add_string_value (builder, starting_point);
    }
  json_builder_end_object (builder);
  return ref_call (self, type, repo_id, "branch", branch, builder, cancellable, error);
}

gboolean
vitrine_client_delete_branch (VitrineClient   *self,
                              VitrineRepoType  type,
                              const char      *repo_id,
                              const char      *branch,
                              GCancellable    *cancellable,
                              GError         **error)
{
  return ref_call (self, type, repo_id, "branch", branch, NULL, cancellable, error);
}

/* ---- _async and _finish ----------------------------------------------- */

VITRINE_CLIENT_ASYNC (list_commits, VITRINE_CALL_LIST_COMMITS,
                      (VitrineClient *self, VitrineRepoType type, const char *repo_id, const char *revision,
                       guint page, guint limit, GCancellable *cancellable, GAsyncReadyCallback callback,
                       gpointer user_data),
                      .type = type, .repo_id = repo_id, .revision = revision, .page = page, .limit = limit)

/**
 * vitrine_client_list_commits_finish:
 * @total: (out) (optional): how many commits the whole history has
 *
 * Returns: (transfer full): one page of the history, #VitrineCommit items
 */
GListModel *
vitrine_client_list_commits_finish (VitrineClient  *self,
                                    GAsyncResult   *result,
                                    guint          *total,
                                    GError        **error)
{
  GListModel *commits = _vitrine_client_call_finish (self, result, VITRINE_CALL_LIST_COMMITS, error);

  if (commits != NULL && total != NULL)
    *total = _vitrine_client_call_output (result)->total;
  return commits;
}

VITRINE_CLIENT_ASYNC (create_tag, VITRINE_CALL_CREATE_TAG,
                      (VitrineClient *self, VitrineRepoType type, const char *repo_id, const char *revision,
                       const char *tag, const char *message, GCancellable *cancellable,
                       GAsyncReadyCallback callback, gpointer user_data),
                      .type = type, .repo_id = repo_id, .revision = revision, .name = tag, .message = message)
VITRINE_CLIENT_FINISH_BOOLEAN (create_tag, VITRINE_CALL_CREATE_TAG)

VITRINE_CLIENT_ASYNC (delete_tag, VITRINE_CALL_DELETE_TAG,
                      (VitrineClient *self, VitrineRepoType type, const char *repo_id, const char *tag,
                       GCancellable *cancellable, GAsyncReadyCallback callback, gpointer user_data),
                      .type = type, .repo_id = repo_id, .name = tag)
VITRINE_CLIENT_FINISH_BOOLEAN (delete_tag, VITRINE_CALL_DELETE_TAG)

VITRINE_CLIENT_ASYNC (list_refs, VITRINE_CALL_LIST_REFS,
                      (VitrineClient *self, VitrineRepoType type, const char *repo_id, gboolean include_prs,
                       GCancellable *cancellable, GAsyncReadyCallback callback, gpointer user_data),
                      .type = type, .repo_id = repo_id, .include_prs = include_prs)
VITRINE_CLIENT_FINISH (list_refs, VITRINE_CALL_LIST_REFS, GListModel *)

VITRINE_CLIENT_ASYNC (create_branch, VITRINE_CALL_CREATE_BRANCH,
                      (VitrineClient *self, VitrineRepoType type, const char *repo_id, const char *branch,
                       const char *starting_point, GCancellable *cancellable, GAsyncReadyCallback callback,
                       gpointer user_data),
                      .type = type, .repo_id = repo_id, .name = branch, .starting_point = starting_point)
VITRINE_CLIENT_FINISH_BOOLEAN (create_branch, VITRINE_CALL_CREATE_BRANCH)

VITRINE_CLIENT_ASYNC (delete_branch, VITRINE_CALL_DELETE_BRANCH,
                      (VitrineClient *self, VitrineRepoType type, const char *repo_id, const char *branch,
                       GCancellable *cancellable, GAsyncReadyCallback callback, gpointer user_data),
                      .type = type, .repo_id = repo_id, .name = branch)
VITRINE_CLIENT_FINISH_BOOLEAN (delete_branch, VITRINE_CALL_DELETE_BRANCH)
