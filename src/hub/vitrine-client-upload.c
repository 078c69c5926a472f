/* vitrine-client-upload.c — the upload protocol: preupload, the LFS batch
 * API and the NDJSON commit
 *
 * The publisher (vitrine-publish*.c) drives these; the bytes of large
 * files go straight to the addresses the batch API hands out.
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "vitrine-client-private.h"
#include "vitrine-json.h"

/**
 * vitrine_client_preupload:
 * @files: a JSON array of `{path, size, sample}`
 *
 * Returns: (transfer full) (element-type VitrinePreuploadResult): the mode
 *   the server chose for each file
 */
GPtrArray *
vitrine_client_preupload (VitrineClient   *self,
                          VitrineRepoType  type,
                          const char      *repo_id,
                          const char      *revision,
                          JsonNode        *files,
                          GCancellable    *cancellable,
                          GError         **error)
{
  g_autoptr(JsonObject) object = json_object_new ();
  g_autoptr(JsonNode) body = NULL;
  g_autoptr(JsonNode) answer = NULL;
  g_autofree char *path = _vitrine_client_api_path (type, repo_id, "preupload", revision);
  GPtrArray *results;
  JsonArray *array;

  g_return_val_if_fail (VITRINE_IS_CLIENT (self), NULL);

  json_object_set_member (object, "files", json_node_ref (files));
  body = json_node_init_object (json_node_alloc (), object);
  answer = _vitrine_client_call_json (self, "POST", path, body, VITRINE_REQUEST_IDEMPOTENT, NULL,
                                      cancellable, error);
  if (answer == NULL)
    return NULL;
  array = JSON_NODE_HOLDS_OBJECT (answer) ? vitrine_json_array (json_node_get_object (answer), "files") : NULL;
  if (array == NULL)
    {
      _vitrine_client_set_protocol_error (error);
      return NULL;
    }
  results = g_ptr_array_new_with_free_func ((GDestroyNotify) vitrine_preupload_result_free);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *item = json_array_get_element (array, i);
      JsonObject *file = JSON_NODE_HOLDS_OBJECT (item) ? json_node_get_object (item) : NULL;
      VitrinePreuploadResult *result;

      if (vitrine_json_string (file, "path") == NULL)
        continue;
      result = g_new0 (VitrinePreuploadResult, 1);
      result->path = g_strdup (vitrine_json_string (file, "path"));
      result->mode = g_strdup (g_strcmp0 (vitrine_json_string (file, "uploadMode"), "lfs") == 0 ? "lfs" : "regular");
      result->remote_oid = g_strdup (vitrine_json_string (file, "oid"));
      g_ptr_array_add (results, result);
    }
  return results;
}

/* A JSON object answer to a POST of @body, or an error. */
static JsonNode *
post_for_object (VitrineClient        *self,
                 const char           *path,
                 const char           *content_type,
                 GBytes               *body,
                 VitrineRequestFlags   flags,
                 GCancellable         *cancellable,
                 GError              **error)
{
  g_autoptr(JsonNode) answer = _vitrine_client_call (self, "POST", path, content_type, body, flags, NULL,
                                                     cancellable, error);

  if (answer != NULL && !JSON_NODE_HOLDS_OBJECT (answer))
    {
      _vitrine_client_set_protocol_error (error);
      return NULL;
    }
  return g_steal_pointer (&answer);
}

/**
 * vitrine_client_lfs_batch:
 * @branch: (nullable): the branch the objects are for
 * @objects: a JSON array of `{oid, size}`
 *
 * Returns: (transfer full): the batch answer
 */
JsonNode *
vitrine_client_lfs_batch (VitrineClient   *self,
                          VitrineRepoType  type,
                          const char      *repo_id,
                          const char      *branch,
                          JsonNode        *objects,
                          GCancellable    *cancellable,
                          GError         **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) body = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *path = g_strdup_printf ("/%s%s.git/info/lfs/objects/batch",
                                           vitrine_repo_type_url_prefix (type), repo_id);

  g_return_val_if_fail (VITRINE_IS_CLIENT (self), NULL);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "operation");
  json_builder_add_string_value (builder, "upload");
  json_builder_set_member_name (builder, "transfers");
  json_builder_begin_array (builder);
  json_builder_add_string_value (builder, "basic");
  json_builder_add_string_value (builder, "multipart");
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "hash_algo");
  json_builder_add_string_value (builder, "sha256");
  if (branch != NULL)
    {
      json_builder_set_member_name (builder, "ref");
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "name");
      json_builder_add_string_value (builder, branch);
      json_builder_end_object (builder);
    }
  json_builder_set_member_name (builder, "objects");
  json_builder_add_value (builder, json_node_ref (objects));
  json_builder_end_object (builder);
  body = json_builder_get_root (builder);
  bytes = _vitrine_json_to_bytes (body);

  return post_for_object (self, path, "application/vnd.git-lfs+json", bytes, VITRINE_REQUEST_IDEMPOTENT,
                          cancellable, error);
}

/**
 * vitrine_client_commit:
 * @ndjson: the commit payload, header first
 * @commit_id: (out) (optional): the commit made
 * @pr_url: (out) (optional): the pull request opened, with @create_pr
 *
 * A commit is not retried after a dropped connection (it may have been
 * made); the caller finds out with its parentCommit.
 */
gboolean
vitrine_client_commit (VitrineClient   *self,
                       VitrineRepoType  type,
                       const char      *repo_id,
                       const char      *branch,
                       GBytes          *ndjson,
                       gboolean         create_pr,
                       char           **commit_id,
                       char           **pr_url,
                       GCancellable    *cancellable,
                       GError         **error)
{
  g_autofree char *base = _vitrine_client_api_path (type, repo_id, "commit", branch);
  g_autofree char *path = g_strconcat (base, create_pr ? "?create_pr=1" : "", NULL);
  g_autoptr(JsonNode) answer = NULL;
  JsonObject *object;

  g_return_val_if_fail (VITRINE_IS_CLIENT (self), FALSE);

  answer = post_for_object (self, path, "application/x-ndjson", ndjson, VITRINE_REQUEST_DEFAULT,
                            cancellable, error);
  if (answer == NULL)
    return FALSE;
  object = json_node_get_object (answer);
  if (commit_id != NULL)
    *commit_id = g_strdup (vitrine_json_string (object, "commitOid"));
  if (pr_url != NULL)
    *pr_url = g_strdup (vitrine_json_string (object, "pullRequestUrl"));
  return TRUE;
}
