/* vitrine-client-repos.c — accounts and repositories: whoami, create,
 * delete, move, settings, info, listings and a Space's runtime
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "vitrine-client-private.h"
#include "vitrine-error.h"
#include "vitrine-json.h"

/* A JSON object answer, or a protocol error. */
static JsonObject *
answer_object (JsonNode  *answer,
               GError   **error)
{
  if (answer == NULL)
    return NULL;
  if (!JSON_NODE_HOLDS_OBJECT (answer))
    {
      _vitrine_client_set_protocol_error (error);
      return NULL;
    }
  return json_node_get_object (answer);
}

/**
 * vitrine_client_whoami:
 *
 * Asks who the token signs in as.
 *
 * Returns: (transfer full): the account
 */
VitrineWhoami *
vitrine_client_whoami (VitrineClient  *self,
                       GCancellable   *cancellable,
                       GError        **error)
{
  g_autoptr(JsonNode) answer = NULL;
  JsonObject *object;

  g_return_val_if_fail (VITRINE_IS_CLIENT (self), NULL);

  if (!vitrine_client_has_token (self))
    {
      g_set_error_literal (error, VITRINE_ERROR, VITRINE_ERROR_UNAUTHORIZED,
                           _("You are not signed in: give a token first."));
      return NULL;
    }
  answer = _vitrine_client_call_json (self, "GET", "/api/whoami-v2", NULL, 0, NULL, cancellable, error);
  object = answer_object (answer, error);
  return object != NULL ? vitrine_whoami_new_from_json (object) : NULL;
}

/* {"name", "organization", "type"}: a repository, as repos/ calls name it. */
static void
add_repo_members (JsonBuilder     *builder,
                  VitrineRepoType  type,
                  const char      *ns,
                  const char      *name)
{
  json_builder_set_member_name (builder, "name");
  json_builder_add_string_value (builder, name);
  json_builder_set_member_name (builder, "organization");
  json_builder_add_string_value (builder, ns);
  json_builder_set_member_name (builder, "type");
  json_builder_add_string_value (builder, vitrine_repo_type_to_string (type));
}

/**
 * vitrine_client_create_repo:
 * @sdk: (nullable): a new Space's SDK (default: static)
 * @exist_ok: whether a repository already there is fine
 *
 * Returns: (transfer full): the repository's URL
 */
char *
vitrine_client_create_repo (VitrineClient   *self,
                            VitrineRepoType  type,
                            const char      *repo_id,
                            gboolean         private_,
                            const char      *sdk,
                            gboolean         exist_ok,
                            GCancellable    *cancellable,
                            GError         **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) body = NULL;
  g_autoptr(JsonNode) answer = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *ns = NULL;
  g_autofree char *name = NULL;
  const char *url;

  g_return_val_if_fail (VITRINE_IS_CLIENT (self), NULL);

  if (!vitrine_repo_id_parse (repo_id, &ns, &name, error))
    return NULL;

  json_builder_begin_object (builder);
  add_repo_members (builder, type, ns, name);
  json_builder_set_member_name (builder, "visibility");
  json_builder_add_string_value (builder, private_ ? "private" : "public");
  if (type == VITRINE_REPO_TYPE_SPACE)
    {
      json_builder_set_member_name (builder, "sdk");
      json_builder_add_string_value (builder, sdk != NULL ? sdk : "static");
    }
  json_builder_end_object (builder);
  body = json_builder_get_root (builder);

  answer = _vitrine_client_call_json (self, "POST", "/api/repos/create", body, 0, NULL, cancellable, &local_error);
  if (answer == NULL)
    {
      if (exist_ok && g_error_matches (local_error, VITRINE_ERROR, VITRINE_ERROR_CONFLICT))
        return g_strdup_printf ("%s/%s%s", vitrine_client_get_endpoint (self),
                                vitrine_repo_type_url_prefix (type), repo_id);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  url = JSON_NODE_HOLDS_OBJECT (answer) ? vitrine_json_string (json_node_get_object (answer), "url") : NULL;
  if (url == NULL)
    {
      _vitrine_client_set_protocol_error (error);
      return NULL;
    }
  return g_strdup (url);
}

gboolean
vitrine_client_delete_repo (VitrineClient   *self,
                            VitrineRepoType  type,
                            const char      *repo_id,
                            GCancellable    *cancellable,
                            GError         **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) body = NULL;
  g_autoptr(JsonNode) answer = NULL;
  g_autofree char *ns = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (VITRINE_IS_CLIENT (self), FALSE);

  if (!vitrine_repo_id_parse (repo_id, &ns, &name, error))
    return FALSE;
  json_builder_begin_object (builder);
  add_repo_members (builder, type, ns, name);
  json_builder_end_object (builder);
  body = json_builder_get_root (builder);
  answer = _vitrine_client_call_json (self, "DELETE", "/api/repos/delete", body, 0, NULL, cancellable, error);
  return answer != NULL;
}

gboolean
vitrine_client_move_repo (VitrineClient   *self,
                          VitrineRepoType  type,
                          const char      *from_id,
                          const char      *to_id,
                          GCancellable    *cancellable,
                          GError         **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) body = NULL;
  g_autoptr(JsonNode) answer = NULL;

  g_return_val_if_fail (VITRINE_IS_CLIENT (self), FALSE);

  if (!_vitrine_client_check_repo_id (from_id, error) || !_vitrine_client_check_repo_id (to_id, error))
    return FALSE;
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "fromRepo");
  json_builder_add_string_value (builder, from_id);
  json_builder_set_member_name (builder, "toRepo");
  json_builder_add_string_value (builder, to_id);
  json_builder_set_member_name (builder, "type");
  json_builder_add_string_value (builder, vitrine_repo_type_to_string (type));
  json_builder_end_object (builder);
  body = json_builder_get_root (builder);
  answer = _vitrine_client_call_json (self, "POST", "/api/repos/move", body, 0, NULL, cancellable, error);
  return answer != NULL;
}

/**
 * vitrine_client_update_settings:
 * @private_: 1 private, 0 public, -1 unchanged
 * @gated: (nullable): "auto", "manual", "false", or %NULL for unchanged
 */
gboolean
vitrine_client_update_settings (VitrineClient   *self,
                                VitrineRepoType  type,
                                const char      *repo_id,
                                int              private_,
                                const char      *gated,
                                GCancellable    *cancellable,
                                GError         **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) body = NULL;
  g_autoptr(JsonNode) answer = NULL;
  g_autofree char *path = NULL;

  g_return_val_if_fail (VITRINE_IS_CLIENT (self), FALSE);

  if (!_vitrine_client_check_repo_id (repo_id, error))
    return FALSE;
  json_builder_begin_object (builder);
  if (private_ >= 0)
    {
      json_builder_set_member_name (builder, "visibility");
      json_builder_add_string_value (builder, private_ ? "private" : "public");
    }
  if (gated != NULL)
    {
      json_builder_set_member_name (builder, "gated");
      if (g_str_equal (gated, "false"))
        json_builder_add_boolean_value (builder, FALSE);
      else
        json_builder_add_string_value (builder, gated);
    }
  json_builder_end_object (builder);
  body = json_builder_get_root (builder);
  path = _vitrine_client_api_path (type, repo_id, "settings", NULL);
  answer = _vitrine_client_call_json (self, "PUT", path, body, 0, NULL, cancellable, error);
  return answer != NULL;
}

/**
 * vitrine_client_repo_info:
 * @revision: (nullable): a branch, tag or commit; %NULL for the default
 *
 * Returns: (transfer full): what the server says about the repository
 */
VitrineRepoInfo *
vitrine_client_repo_info (VitrineClient   *self,
                          VitrineRepoType  type,
                          const char      *repo_id,
                          const char      *revision,
                          GCancellable    *cancellable,
                          GError         **error)
{
  g_autofree char *path = NULL;
  g_autofree char *full = NULL;
  g_autoptr(JsonNode) answer = NULL;
  JsonObject *object;

  g_return_val_if_fail (VITRINE_IS_CLIENT (self), NULL);

  if (!_vitrine_client_check_repo_id (repo_id, error))
    return NULL;
  path = _vitrine_client_api_path (type, repo_id, revision != NULL ? "revision" : NULL, revision);
  full = g_strconcat (path, "?blobs=true", NULL);
  answer = _vitrine_client_call_json (self, "GET", full, NULL, 0, NULL, cancellable, error);
  object = answer_object (answer, error);
  return object != NULL ? vitrine_repo_info_new_from_json (object, type) : NULL;
}

/**
 * vitrine_client_list_repos:
 * @author: (nullable): only this user's or organisation's
 * @search: (nullable): only those whose name holds this
 *
 * Returns: (transfer full): the repositories, #VitrineRepoInfo items, all
 *   pages of them
 */
GListModel *
vitrine_client_list_repos (VitrineClient   *self,
                           VitrineRepoType  type,
                           const char      *author,
                           const char      *search,
                           GCancellable    *cancellable,
                           GError         **error)
{
  g_autoptr(GListStore) store = g_list_store_new (VITRINE_TYPE_REPO_INFO);
  g_autoptr(GString) url = g_string_new (NULL);

  g_return_val_if_fail (VITRINE_IS_CLIENT (self), NULL);

  g_string_printf (url, "/api/%s?limit=100", _vitrine_client_api_segment (type));
  if (author != NULL)
    {
      g_autofree char *escaped = g_uri_escape_string (author, NULL, TRUE);
      g_string_append_printf (url, "&author=%s", escaped);
    }
  if (search != NULL)
    {
      g_autofree char *escaped = g_uri_escape_string (search, NULL, TRUE);
      g_string_append_printf (url, "&search=%s", escaped);
    }
  if (!_vitrine_client_collect_pages (self, url->str, store, type, cancellable, error))
    return NULL;
  return G_LIST_MODEL (g_steal_pointer (&store));
}

/**
 * vitrine_client_space_runtime:
 * @space_id: a Space, such as `ns/name`
 *
 * Asks where the Space's app is: running, building, sleeping...
 *
 * Returns: (transfer full): the Space's runtime
 */
VitrineSpaceRuntime *
vitrine_client_space_runtime (VitrineClient  *self,
                              const char     *space_id,
                              GCancellable   *cancellable,
                              GError        **error)
{
  g_autofree char *path = NULL;
  g_autoptr(JsonNode) answer = NULL;
  JsonObject *object;

  g_return_val_if_fail (VITRINE_IS_CLIENT (self), NULL);

  if (!_vitrine_client_check_repo_id (space_id, error))
    return NULL;
  path = _vitrine_client_api_path (VITRINE_REPO_TYPE_SPACE, space_id, "runtime", NULL);
  answer = _vitrine_client_call_json (self, "GET", path, NULL, 0, NULL, cancellable, error);
  object = answer_object (answer, error);
  return object != NULL ? vitrine_space_runtime_new_from_json (object) : NULL;
}

/* ---- _async and _finish ----------------------------------------------- */

VITRINE_CLIENT_ASYNC (whoami, VITRINE_CALL_WHOAMI,
                      (VitrineClient *self, GCancellable *cancellable, GAsyncReadyCallback callback,
                       gpointer user_data), 0)
VITRINE_CLIENT_FINISH (whoami, VITRINE_CALL_WHOAMI, VitrineWhoami *)

VITRINE_CLIENT_ASYNC (create_repo, VITRINE_CALL_CREATE_REPO,
                      (VitrineClient *self, VitrineRepoType type, const char *repo_id, gboolean private_,
                       const char *sdk, gboolean exist_ok, GCancellable *cancellable, GAsyncReadyCallback callback,
                       gpointer user_data),
                      .type = type, .repo_id = repo_id, .private_ = private_, .sdk = sdk, .exist_ok = exist_ok)
VITRINE_CLIENT_FINISH (create_repo, VITRINE_CALL_CREATE_REPO, char *)

VITRINE_CLIENT_ASYNC (repo_info, VITRINE_CALL_REPO_INFO,
                      (VitrineClient *self, VitrineRepoType type, const char *repo_id, const char *revision,
                       GCancellable *cancellable, GAsyncReadyCallback callback, gpointer user_data),
                      .type = type, .repo_id = repo_id, .revision = revision)
VITRINE_CLIENT_FINISH (repo_info, VITRINE_CALL_REPO_INFO, VitrineRepoInfo *)

VITRINE_CLIENT_ASYNC (delete_repo, VITRINE_CALL_DELETE_REPO,
                      (VitrineClient *self, VitrineRepoType type, const char *repo_id,
                       GCancellable *cancellable, GAsyncReadyCallback callback, gpointer user_data),
                      .type = type, .repo_id = repo_id)
VITRINE_CLIENT_FINISH_BOOLEAN (delete_repo, VITRINE_CALL_DELETE_REPO)

VITRINE_CLIENT_ASYNC (list_repos, VITRINE_CALL_LIST_REPOS,
                      (VitrineClient *self, VitrineRepoType type, const char *author, const char *search,
                       GCancellable *cancellable, GAsyncReadyCallback callback, gpointer user_data),
                      .type = type, .author = author, .search = search)
VITRINE_CLIENT_FINISH (list_repos, VITRINE_CALL_LIST_REPOS, GListModel *)

VITRINE_CLIENT_ASYNC (update_settings, VITRINE_CALL_UPDATE_SETTINGS,
                      (VitrineClient *self, VitrineRepoType type, const char *repo_id, int private_,
                       const char *gated, GCancellable *cancellable, GAsyncReadyCallback callback,
                       gpointer user_data),
                      .type = type, .repo_id = repo_id, .visibility = private_, .gated = gated)
VITRINE_CLIENT_FINISH_BOOLEAN (update_settings, VITRINE_CALL_UPDATE_SETTINGS)

VITRINE_CLIENT_ASYNC (space_runtime, VITRINE_CALL_SPACE_RUNTIME,
                      (VitrineClient *self, const char *space_id, GCancellable *cancellable,
                       GAsyncReadyCallback callback, gpointer user_data),
                      .type = VITRINE_REPO_TYPE_SPACE, .repo_id = space_id)
VITRINE_CLIENT_FINISH (space_runtime, VITRINE_CALL_SPACE_RUNTIME, VitrineSpaceRuntime *)
