/* vitrine-client-calls.c — what the calls of VitrineClient share: JSON
 * requests and answers, the API's addresses, and paged lists
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
#include "vitrine-json.h"

/* A server that pages forever is not followed forever. */
#define MAX_PAGES 100000

/* ---- JSON calls ------------------------------------------------------- */

/* An answer that is not what the API promises. */
void
_vitrine_client_set_protocol_error (GError **error)
{
  g_set_error_literal (error, VITRINE_ERROR, VITRINE_ERROR_PROTOCOL,
                       _("The server sent an answer Vitrine cannot read."));
}

/* A JSON document from the server, or a protocol error. */
JsonNode *
_vitrine_json_parse (GBytes  *bytes,
                     GError **error)
{
  gsize len;
  const char *data = g_bytes_get_data (bytes, &len);
  JsonNode *root = vitrine_json_parse (data, len, VITRINE_JSON_MAX_ANSWER, NULL);

  if (root == NULL)
    _vitrine_client_set_protocol_error (error);
  return root;
}

GBytes *
_vitrine_json_to_bytes (JsonNode *node)
{
  char *text = json_to_string (node, FALSE);

  return g_bytes_new_take (text, strlen (text));
}

/**
 * _vitrine_client_call:
 * @body: (nullable): the request body
 * @response: (out) (optional): the answer, for its headers
 *
 * Returns: (transfer full): the JSON answer (null for an empty body)
 */
JsonNode *
_vitrine_client_call (VitrineClient        *self,
                      const char           *method,
                      const char           *path,
                      const char           *content_type,
                      GBytes               *body,
                      VitrineRequestFlags   flags,
                      VitrineResponse     **response,
                      GCancellable         *cancellable,
                      GError              **error)
{
  VitrineRequest request = {
    .method = method,
    .url = path,
    .content_type = content_type,
    .body = body,
    .flags = flags,
  };
  g_autoptr(VitrineResponse) answer = NULL;
  JsonNode *node;
  GBytes *answer_body;

  if (g_str_equal (method, "GET") || g_str_equal (method, "HEAD"))
    request.flags |= VITRINE_REQUEST_IDEMPOTENT;
  answer = _vitrine_client_request (self, &request, cancellable, error);
  if (answer == NULL)
    return NULL;
  if (_vitrine_response_get_status (answer) >= 400)
    {
      g_propagate_error (error, _vitrine_response_to_error (answer));
      return NULL;
    }
  answer_body = _vitrine_response_get_body (answer);
  if (g_bytes_get_size (answer_body) == 0)
    node = json_node_init_null (json_node_alloc ());
  else
    node = _vitrine_json_parse (answer_body, error);
  if (node != NULL && response != NULL)
    *response = g_steal_pointer (&answer);
  return node;
}

/**
 * _vitrine_client_call_json:
 * @body: (nullable): a JSON body
 *
 * Returns: (transfer full): the JSON answer (null for an empty body)
 */
JsonNode *
_vitrine_client_call_json (VitrineClient        *self,
                           const char           *method,
                           const char           *path,
                           JsonNode             *body,
                           VitrineRequestFlags   flags,
                           VitrineResponse     **response,
                           GCancellable         *cancellable,
                           GError              **error)
{
  g_autoptr(GBytes) bytes = body != NULL ? _vitrine_json_to_bytes (body) : NULL;

  return _vitrine_client_call (self, method, path, "application/json", bytes, flags, response,
                               cancellable, error);
}

/* ---- Addresses -------------------------------------------------------- */

const char *
_vitrine_client_api_segment (VitrineRepoType type)
{
  switch (type)
    {
    case VITRINE_REPO_TYPE_DATASET:
      return "datasets";
    case VITRINE_REPO_TYPE_SPACE:
      return "spaces";
    case VITRINE_REPO_TYPE_MODEL:
    default:
      return "models";
    }
}

/**
 * _vitrine_client_api_path:
 * @action: (nullable): such as "tree" or "commit"
 * @revision: (nullable): encoded as one segment
 *
 * Returns: `/api/{type}s/{id}[/{action}[/{revision}]]`
 */
char *
_vitrine_client_api_path (VitrineRepoType  type,
                          const char      *repo_id,
                          const char      *action,
                          const char      *revision)
{
  g_autofree char *rev = revision != NULL ? g_uri_escape_string (revision, NULL, FALSE) : NULL;

  if (action == NULL)
    return g_strdup_printf ("/api/%s/%s", _vitrine_client_api_segment (type), repo_id);
  if (rev == NULL)
    return g_strdup_printf ("/api/%s/%s/%s", _vitrine_client_api_segment (type), repo_id, action);
  return g_strdup_printf ("/api/%s/%s/%s/%s", _vitrine_client_api_segment (type), repo_id, action, rev);
}

/* The address of a file of a repository at a revision (main by default). */
char *
_vitrine_client_resolve_url (VitrineClient   *self,
                             VitrineRepoType  type,
                             const char      *repo_id,
                             const char      *revision,
                             const char      *path)
{
  g_autofree char *escaped_path = g_uri_escape_string (path, "/", FALSE);
  g_autofree char *escaped_rev = g_uri_escape_string (revision != NULL ? revision : "main", NULL, FALSE);

  return g_strdup_printf ("%s/%s%s/resolve/%s/%s", vitrine_client_get_endpoint (self),
                          vitrine_repo_type_url_prefix (type),
                          repo_id, escaped_rev, escaped_path);
}

gboolean
_vitrine_client_check_repo_id (const char  *repo_id,
                               GError     **error)
{
  return vitrine_repo_id_parse (repo_id, NULL, NULL, error);
}

/* ---- Lists ------------------------------------------------------------ */

/* Appends one typed object per JSON object of an array answer, of the
 * store's item type (repositories are of @type); FALSE (with a protocol
 * error) when the answer is not an array. */
gboolean
_vitrine_client_append_objects (GListStore       *store,
                                JsonNode         *answer,
                                VitrineRepoType   type,
                                GError          **error)
{
  GType item_type = g_list_model_get_item_type (G_LIST_MODEL (store));
  JsonArray *array;

  if (!JSON_NODE_HOLDS_ARRAY (answer))
    {
      _vitrine_client_set_protocol_error (error);
      return FALSE;
    }
  array = json_node_get_array (answer);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *item = json_array_get_element (array, i);
      g_autoptr(GObject) object = NULL;

      if (!JSON_NODE_HOLDS_OBJECT (item))
        continue;
      if (item_type == VITRINE_TYPE_REPO_INFO)
        object = G_OBJECT (vitrine_repo_info_new_from_json (json_node_get_object (item), type));
      else
        object = g_object_new (item_type, "json", json_node_get_object (item), NULL);
      g_list_store_append (store, object);
    }
  return TRUE;
}

/* Follows `Link` pages from @first, appending each page's objects. */
gboolean
_vitrine_client_collect_pages (VitrineClient    *self,
                               const char       *first,
                               GListStore       *store,
                               VitrineRepoType   type,
                               GCancellable     *cancellable,
                               GError          **error)
{
  g_autofree char *url = g_strdup (first);
  guint pages = 0;

  while (url != NULL && pages++ < MAX_PAGES)
    {
      g_autoptr(VitrineResponse) response = NULL;
      g_autoptr(JsonNode) answer = NULL;

      answer = _vitrine_client_call_json (self, "GET", url, NULL, 0, &response, cancellable, error);
      if (answer == NULL || !_vitrine_client_append_objects (store, answer, type, error))
        return FALSE;
      g_free (url);
      url = _vitrine_response_dup_next_link (response);
    }
  return TRUE;
}
