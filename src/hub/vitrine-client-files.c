/* vitrine-client-files.c — the files of a repository: tree listings,
 * paths-info, reading a small file, and the card check
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
#include "vitrine-path.h"

/**
 * vitrine_client_list_tree:
 * @revision: (nullable): a branch, tag or commit; %NULL for main
 * @path: (nullable): a folder; %NULL for the root
 * @recursive: whether to list what the folders hold too
 *
 * Returns: (transfer full): the files and folders, #VitrineTreeEntry
 *   items, all pages of them
 */
GListModel *
vitrine_client_list_tree (VitrineClient   *self,
                          VitrineRepoType  type,
                          const char      *repo_id,
                          const char      *revision,
                          const char      *path,
                          gboolean         recursive,
                          GCancellable    *cancellable,
                          GError         **error)
{
  g_autoptr(GListStore) store = g_list_store_new (VITRINE_TYPE_TREE_ENTRY);
  g_autofree char *base = NULL;
  g_autofree char *first = NULL;
  g_autofree char *escaped_path = NULL;

  g_return_val_if_fail (VITRINE_IS_CLIENT (self), NULL);

  if (!_vitrine_client_check_repo_id (repo_id, error))
    return NULL;
  if (path != NULL && *path != '\0' && !vitrine_path_check (path, -1, error))
    return NULL;
  base = _vitrine_client_api_path (type, repo_id, "tree", revision != NULL ? revision : "main");
  escaped_path = path != NULL && *path != '\0' ? g_uri_escape_string (path, "/", FALSE) : NULL;
  first = g_strdup_printf ("%s%s%s?recursive=%s", base, escaped_path != NULL ? "/" : "",
                           escaped_path != NULL ? escaped_path : "", recursive ? "true" : "false");
  if (!_vitrine_client_collect_pages (self, first, store, type, cancellable, error))
    return NULL;
  return G_LIST_MODEL (g_steal_pointer (&store));
}

/**
 * vitrine_client_paths_info:
 * @paths: the paths to ask about
 * @expand: whether to add each one's last commit
 *
 * Returns: (transfer full): those of @paths the revision has,
 *   #VitrineTreeEntry items
 */
GListModel *
vitrine_client_paths_info (VitrineClient       *self,
                           VitrineRepoType      type,
                           const char          *repo_id,
                           const char          *revision,
                           const char * const  *paths,
                           gboolean             expand,
                           GCancellable        *cancellable,
                           GError             **error)
{
  g_autoptr(GListStore) store = g_list_store_new (VITRINE_TYPE_TREE_ENTRY);
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) body = NULL;
  g_autoptr(JsonNode) answer = NULL;
  g_autofree char *path = NULL;

  g_return_val_if_fail (VITRINE_IS_CLIENT (self), NULL);

  if (!_vitrine_client_check_repo_id (repo_id, error))
    return NULL;
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "paths");
  json_builder_begin_array (builder);
  for (guint i = 0; paths != NULL && paths[i] != NULL; i++)
    json_builder_add_string_value (builder, paths[i]);
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "expand");
  json_builder_add_boolean_value (builder, expand);
  json_builder_end_object (builder);
  body = json_builder_get_root (builder);

  path = _vitrine_client_api_path (type, repo_id, "paths-info", revision != NULL ? revision : "main");
  answer = _vitrine_client_call_json (self, "POST", path, body, VITRINE_REQUEST_IDEMPOTENT, NULL,
                                      cancellable, error);
  if (answer == NULL || !_vitrine_client_append_objects (store, answer, type, error))
    return NULL;
  return G_LIST_MODEL (g_steal_pointer (&store));
}

/**
 * vitrine_client_read_file:
 * @revision: (nullable): a branch, tag or commit; %NULL for main
 * @max_size: answers longer than this are refused
 *
 * Reads a small file of a repository into memory, such as its README.md.
 * A file that is not there fails with %VITRINE_ERROR_ENTRY_NOT_FOUND (or
 * the repository's or revision's own code).
 *
 * Returns: (transfer full): the file's bytes
 */
GBytes *
vitrine_client_read_file (VitrineClient    *self,
                          VitrineRepoType   type,
                          const char       *repo_id,
                          const char       *revision,
                          const char       *path,
                          gsize             max_size,
                          GCancellable     *cancellable,
                          GError          **error)
{
  g_autoptr(VitrineResponse) response = NULL;
  g_autofree char *url = NULL;
  VitrineRequest request = { .method = "GET", .flags = VITRINE_REQUEST_IDEMPOTENT };
  GBytes *body;

  g_return_val_if_fail (VITRINE_IS_CLIENT (self), NULL);

  if (!_vitrine_client_check_repo_id (repo_id, error) || !vitrine_path_check (path, -1, error))
    return NULL;
  url = _vitrine_client_resolve_url (self, type, repo_id, revision, path);
  request.url = url;
  response = _vitrine_client_request (self, &request, cancellable, error);
  if (response == NULL)
    return NULL;
  if (_vitrine_response_get_status (response) >= 400)
    {
      g_propagate_error (error, _vitrine_response_to_error (response));
      return NULL;
    }
  body = _vitrine_response_get_body (response);
  if (g_bytes_get_size (body) > max_size)
    {
      g_set_error (error, VITRINE_ERROR, VITRINE_ERROR_TOO_LARGE,
                   _("“%s” is too large to open here."), path);
      return NULL;
    }
  return g_bytes_ref (body);
}

/**
 * vitrine_client_validate_yaml:
 * @content: a whole README
 *
 * Asks the endpoint's validate-yaml.
 *
 * Returns: (transfer full) (element-type utf8): the server's problems,
 *   empty when it accepts the card; %NULL when it could not be asked
 */
GPtrArray *
vitrine_client_validate_yaml (VitrineClient    *self,
                              const char       *content,
                              VitrineRepoType   type,
                              GCancellable     *cancellable,
                              GError          **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) body = NULL;
  g_autoptr(JsonNode) answer = NULL;
  g_autoptr(VitrineResponse) response = NULL;
  g_autoptr(GBytes) bytes = NULL;
  VitrineRequest request = {
    .method = "POST",
    .url = "/api/validate-yaml",
    .content_type = "application/json",
    .flags = VITRINE_REQUEST_IDEMPOTENT,
  };
  GPtrArray *problems;
  JsonArray *errors = NULL;

  g_return_val_if_fail (VITRINE_IS_CLIENT (self), NULL);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "content");
  json_builder_add_string_value (builder, content);
  json_builder_set_member_name (builder, "repoType");
  json_builder_add_string_value (builder, vitrine_repo_type_to_string (type));
  json_builder_end_object (builder);
  body = json_builder_get_root (builder);
  bytes = _vitrine_json_to_bytes (body);
  request.body = bytes;

  response = _vitrine_client_request (self, &request, cancellable, error);
  if (response == NULL)
    return NULL;
  /* A card the server refuses: a 400 that lists why. */
  if (_vitrine_response_get_status (response) == 400)
    answer = _vitrine_json_parse (_vitrine_response_get_body (response), NULL);
  if (answer != NULL && JSON_NODE_HOLDS_OBJECT (answer))
    errors = vitrine_json_array (json_node_get_object (answer), "errors");
  else if (_vitrine_response_get_status (response) >= 400)
    {
      g_propagate_error (error, _vitrine_response_to_error (response));
      return NULL;
    }

  problems = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; errors != NULL && i < json_array_get_length (errors); i++)
    {
      JsonNode *item = json_array_get_element (errors, i);
      const char *message = JSON_NODE_HOLDS_OBJECT (item)
        ? vitrine_json_string (json_node_get_object (item), "message") : NULL;

      if (message != NULL)
        g_ptr_array_add (problems, g_strdup (message));
    }
  return problems;
}

/* ---- _async and _finish ----------------------------------------------- */

VITRINE_CLIENT_ASYNC (list_tree, VITRINE_CALL_LIST_TREE,
                      (VitrineClient *self, VitrineRepoType type, const char *repo_id, const char *revision,
                       const char *path, gboolean recursive, GCancellable *cancellable,
                       GAsyncReadyCallback callback, gpointer user_data),
                      .type = type, .repo_id = repo_id, .revision = revision, .path = path, .recursive = recursive)
VITRINE_CLIENT_FINISH (list_tree, VITRINE_CALL_LIST_TREE, GListModel *)

VITRINE_CLIENT_ASYNC (paths_info, VITRINE_CALL_PATHS_INFO,
                      (VitrineClient *self, VitrineRepoType type, const char *repo_id, const char *revision,
                       const char * const *paths, gboolean expand, GCancellable *cancellable,
                       GAsyncReadyCallback callback, gpointer user_data),
                      .type = type, .repo_id = repo_id, .revision = revision, .paths = paths, .expand = expand)
VITRINE_CLIENT_FINISH (paths_info, VITRINE_CALL_PATHS_INFO, GListModel *)

VITRINE_CLIENT_ASYNC (read_file, VITRINE_CALL_READ_FILE,
                      (VitrineClient *self, VitrineRepoType type, const char *repo_id, const char *revision,
                       const char *path, gsize max_size, GCancellable *cancellable,
                       GAsyncReadyCallback callback, gpointer user_data),
                      .type = type, .repo_id = repo_id, .revision = revision, .path = path, .max_size = max_size)
VITRINE_CLIENT_FINISH (read_file, VITRINE_CALL_READ_FILE, GBytes *)
