/* vitrine-server-request.c — one request to the local hub, and the ways
 * to answer it
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "vitrine-error.h"
#include "vitrine-json.h"
#include "vitrine-server-request.h"

/* The Hub's error body: {"error": message}, valid UTF-8 whatever bytes
 * the message quotes. */
static char *
error_json (const char *message)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *valid = g_utf8_make_valid (message, -1);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "error");
  json_builder_add_string_value (builder, valid);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  return json_to_string (root, FALSE);
}

void
vitrine_request_header (VitrineRequest *req,
                        const char     *name,
                        const char     *value)
{
  g_ptr_array_add (req->headers, g_strdup (name));
  g_ptr_array_add (req->headers, g_strdup (value));
}

static void
set_body (VitrineRequest *req,
          const char     *content_type,
          GBytes         *body)
{
  g_clear_pointer (&req->resp_body, g_bytes_unref);
  g_free (req->resp_type);
  req->resp_type = g_strdup (content_type);
  req->resp_body = body;
}

/**
 * vitrine_request_error:
 *
 * Answers with the Hub's error shape: the status, `X-Error-Code` when
 * given, `X-Error-Message` and a `{"error": message}` body.
 */
void
vitrine_request_error (VitrineRequest *req,
                       guint           status,
                       const char     *hub_code,
                       const char     *message)
{
  char *text = error_json (message);

  req->status = status;
  if (hub_code != NULL)
    vitrine_request_header (req, "X-Error-Code", hub_code);
  if (strpbrk (message, "\r\n") == NULL && g_str_is_ascii (message))
    vitrine_request_header (req, "X-Error-Message", message);
  /* git asks for credentials when offered Basic: any user name, the
   * token as the password. */
  if (status == SOUP_STATUS_UNAUTHORIZED && req->basic_auth)
    vitrine_request_header (req, "WWW-Authenticate", "Basic realm=\"Vitrine hub\", charset=\"UTF-8\"");
  else if (status == SOUP_STATUS_UNAUTHORIZED)
    vitrine_request_header (req, "WWW-Authenticate",
                            "Bearer realm=\"Authentication required\", charset=\"UTF-8\"");
  set_body (req, "application/json; charset=utf-8", g_bytes_new_take (text, strlen (text)));
}

/* Maps an error of the store to the Hub's answer. */
void
vitrine_request_gerror (VitrineRequest *req,
                        const GError   *error)
{
  guint status = 500;
  const char *code = NULL;

  if (error->domain == VITRINE_ERROR)
    switch ((VitrineErrorCode) error->code)
      {
      case VITRINE_ERROR_REPO_NOT_FOUND:
        status = 404, code = "RepoNotFound";
        break;
      case VITRINE_ERROR_REVISION_NOT_FOUND:
        status = 404, code = "RevisionNotFound";
        break;
      case VITRINE_ERROR_ENTRY_NOT_FOUND:
        status = 404, code = "EntryNotFound";
        break;
      case VITRINE_ERROR_NOT_FOUND:
        status = 404;
        break;
      case VITRINE_ERROR_INVALID_ARGUMENT:
      case VITRINE_ERROR_INVALID_PATH:
      case VITRINE_ERROR_INVALID_REPO_ID:
      case VITRINE_ERROR_PROTOCOL:
        status = 400;
        break;
      case VITRINE_ERROR_UNAUTHORIZED:
        status = 401;
        break;
      case VITRINE_ERROR_FORBIDDEN:
        status = 403;
        break;
      case VITRINE_ERROR_CONFLICT:
      case VITRINE_ERROR_CARD_CHANGED:
        status = 409;
        break;
      case VITRINE_ERROR_PRECONDITION_FAILED:
        status = 412;
        break;
      case VITRINE_ERROR_TOO_LARGE:
        status = 413;
        break;
      case VITRINE_ERROR_RATE_LIMITED:
        status = 429;
        break;
      case VITRINE_ERROR_GATED:
        status = 403, code = "GatedRepo";
        break;
      case VITRINE_ERROR_FAILED:
      case VITRINE_ERROR_SERVER:
      default:
        status = 500;
        break;
      }

  if (status >= 500)
    g_warning ("%s %s: %s", req->method, req->path, error->message);
  vitrine_request_error (req, status, code, error->message);
}

void
vitrine_request_json (VitrineRequest *req,
                      guint           status,
                      JsonNode       *node)
{
  char *text = json_to_string (node, FALSE);

  req->status = status;
  set_body (req, "application/json; charset=utf-8", g_bytes_new_take (text, strlen (text)));
}

/**
 * vitrine_request_bytes:
 * @body: (transfer full): the answer's body
 *
 * Answers with @body as it is.
 */
void
vitrine_request_bytes (VitrineRequest *req,
                       guint           status,
                       const char     *content_type,
                       GBytes         *body)
{
  req->status = status;
  set_body (req, content_type, body);
}

/**
 * vitrine_request_parse_json:
 *
 * Every JSON body goes through here, and so through vitrine_json_parse(),
 * which bounds its nesting before JSON-GLib reads it.
 *
 * Returns: (transfer full) (nullable): the body as JSON; on failure the
 *   request is already answered with 400 or 413
 */
JsonNode *
vitrine_request_parse_json (VitrineRequest *req)
{
  g_autoptr(GError) error = NULL;
  const char *data;
  JsonNode *root;
  gsize len = 0;

  if (req->body_too_large)
    {
      vitrine_request_error (req, 413, NULL, "Request body too large");
      return NULL;
    }
  data = req->body != NULL ? g_bytes_get_data (req->body, &len) : NULL;
  if (data == NULL || len == 0)
    {
      vitrine_request_error (req, 400, NULL, "Expected a JSON body");
      return NULL;
    }
  if (vitrine_json_has_nul (data, len))
    {
      vitrine_request_error (req, 400, NULL, "NUL characters are not allowed");
      return NULL;
    }
  root = vitrine_json_parse (data, len, 0, &error);
  if (root == NULL)
    {
      g_autofree char *message = g_strdup_printf ("Invalid JSON body: %s", error->message);

      vitrine_request_error (req, 400, NULL, message);
      return NULL;
    }
  return root;
}

/* JSON strings may hold "\u0000", which JSON-GLib's C strings would
 * silently cut short: such bodies are refused before they are parsed. */
gboolean
vitrine_json_has_nul (const char *data,
                      gsize       len)
{
  if (memchr (data, '\0', len) != NULL)
    return TRUE;
  for (const char *p = data; (p = memchr (p, '\\', data + len - p)) != NULL && p + 6 <= data + len; p++)
    if (p[1] == 'u' && p[2] == '0' && p[3] == '0' && p[4] == '0' && p[5] == '0')
      return TRUE;
  return FALSE;
}

const char *
vitrine_request_query (VitrineRequest *req,
                       const char     *name)
{
  for (guint i = 0; i + 1 < req->query->len; i += 2)
    if (g_str_equal (g_ptr_array_index (req->query, i), name))
      return g_ptr_array_index (req->query, i + 1);
  return NULL;
}

/* Every value of a repeated parameter: `expand=a&expand=b` or `expand[]=a`. */
GPtrArray *
vitrine_request_query_all (VitrineRequest *req,
                           const char     *name)
{
  GPtrArray *values = g_ptr_array_new ();
  g_autofree char *bracketed = g_strconcat (name, "[]", NULL);

  for (guint i = 0; i + 1 < req->query->len; i += 2)
    {
      const char *key = g_ptr_array_index (req->query, i);
      if (g_str_equal (key, name) || g_str_equal (key, bracketed))
        g_ptr_array_add (values, g_ptr_array_index (req->query, i + 1));
    }
  return values;
}

gboolean
vitrine_request_query_bool (VitrineRequest *req,
                            const char     *name)
{
  const char *value = vitrine_request_query (req, name);

  return value != NULL && (g_ascii_strcasecmp (value, "true") == 0 || g_str_equal (value, "1"));
}

/* Joins segments [from, n) with "/". */
char *
vitrine_request_join (VitrineRequest *req,
                      guint           from)
{
  if (from >= req->n_segments)
    return g_strdup ("");
  return g_strjoinv ("/", req->segments + from);
}

static GPtrArray *
parse_query (const char *raw)
{
  GPtrArray *query = g_ptr_array_new_with_free_func (g_free);
  g_auto(GStrv) pairs = NULL;

  if (raw == NULL)
    return query;
  pairs = g_strsplit (raw, "&", 256);
  for (guint i = 0; pairs[i] != NULL; i++)
    {
      char *eq = strchr (pairs[i], '=');
      g_autofree char *key = NULL;
      g_autofree char *value = NULL;

      if (*pairs[i] == '\0')
        continue;
      g_strdelimit (pairs[i], "+", ' ');
      if (eq != NULL)
        *eq = '\0';
      key = g_uri_unescape_string (pairs[i], NULL);
      value = eq != NULL ? g_uri_unescape_string (eq + 1, NULL) : g_strdup ("");
      if (key == NULL || value == NULL)
        continue;
      g_ptr_array_add (query, g_steal_pointer (&key));
      g_ptr_array_add (query, g_steal_pointer (&value));
    }
  return query;
}

/* Splits the encoded path on "/" and decodes each segment, so a revision
 * sent as `refs%2Fpr%2F1` stays one segment. */
static char **
split_path (const char *path,
            guint      *n)
{
  g_auto(GStrv) raw = g_strsplit (path, "/", 4096);
  GPtrArray *segments = g_ptr_array_new ();

  for (guint i = 0; raw[i] != NULL; i++)
    {
      char *decoded;

      if (i == 0 && *raw[i] == '\0')
        continue;
      decoded = g_uri_unescape_segment (raw[i], NULL, NULL);
      if (decoded == NULL)
        decoded = g_strdup ("\x01invalid");
      g_ptr_array_add (segments, decoded);
    }
  *n = segments->len;
  g_ptr_array_add (segments, NULL);
  return (char **) g_ptr_array_free (segments, FALSE);
}

static char *
base_url_for (VitrineServer     *server,
              SoupServerMessage *msg)
{
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);
  const char *host = soup_message_headers_get_one (headers, "Host");

  /* Only a plausible host name or address goes into URLs we hand out;
   * else the address the hub listens on (not the request's URI, which
   * libsoup builds from that same Host header). */
  if (host != NULL && *host != '\0' && strlen (host) < 256 &&
      strspn (host, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-:[]") == strlen (host))
    return g_strdup_printf ("http://%s", host);
  return vitrine_server_dup_url (server);
}

/* Copies out of @msg what routes need, once its headers are in. */
VitrineRequest *
vitrine_request_new (VitrineServer     *server,
                     SoupServerMessage *msg)
{
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);
  GUri *uri = soup_server_message_get_uri (msg);
  VitrineRequest *req = g_new0 (VitrineRequest, 1);

  req->server = g_object_ref (server);
  req->data_dir = vitrine_server_get_data_dir (server);
  req->method = g_strdup (soup_server_message_get_method (msg));
  req->path = g_strdup (g_uri_get_path (uri));
  req->segments = split_path (req->path, &req->n_segments);
  req->raw_query = g_strdup (g_uri_get_query (uri));
  req->query = parse_query (req->raw_query);
  req->headers = g_ptr_array_new_with_free_func (g_free);
  req->content_type = g_strdup (soup_message_headers_get_content_type (headers, NULL));
  req->content_length = -1;
  if (soup_message_headers_get_encoding (headers) == SOUP_ENCODING_CONTENT_LENGTH)
    req->content_length = soup_message_headers_get_content_length (headers);
  req->range = g_strdup (soup_message_headers_get_one (headers, "Range"));
  req->git_protocol = g_strdup (soup_message_headers_get_one (headers, "Git-Protocol"));
  req->content_encoding = g_strdup (soup_message_headers_get_one (headers, "Content-Encoding"));
  req->base_url = base_url_for (server, msg);
  return req;
}

void
vitrine_request_free (VitrineRequest *req)
{
  g_free (req->method);
  g_free (req->path);
  g_strfreev (req->segments);
  g_ptr_array_unref (req->query);
  g_free (req->raw_query);
  g_clear_pointer (&req->body, g_bytes_unref);
  g_free (req->content_type);
  g_free (req->range);
  g_free (req->git_protocol);
  g_free (req->content_encoding);
  g_free (req->base_url);
  vitrine_caller_free (req->caller);
  g_ptr_array_unref (req->headers);
  g_free (req->resp_type);
  g_clear_pointer (&req->resp_body, g_bytes_unref);
  g_free (req->file_path);
  g_free (req->ns);
  g_free (req->name);
  vitrine_repo_meta_free (req->repo);
  if (req->stream != NULL && req->stream_free != NULL)
    req->stream_free (req->stream);
  g_clear_object (&req->server);
  g_free (req);
}

/**
 * vitrine_server_reply_error:
 * @msg: the request to answer
 * @status: the HTTP status
 * @hub_code: (nullable): the Hub's `X-Error-Code`, such as `RepoNotFound`
 * @message: what went wrong, for people
 *
 * Answers with the Hub's error shape: the status, `X-Error-Code` when
 * given, `X-Error-Message` and a `{"error": message}` JSON body.
 */
void
vitrine_server_reply_error (SoupServerMessage *msg,
                            guint              status,
                            const char        *hub_code,
                            const char        *message)
{
  char *body = error_json (message);
  SoupMessageHeaders *headers;

  headers = soup_server_message_get_response_headers (msg);
  if (hub_code != NULL)
    soup_message_headers_replace (headers, "X-Error-Code", hub_code);
  if (strpbrk (message, "\r\n") == NULL && g_str_is_ascii (message))
    soup_message_headers_replace (headers, "X-Error-Message", message);
  if (status == SOUP_STATUS_UNAUTHORIZED)
    soup_message_headers_replace (headers, "WWW-Authenticate",
                                  "Bearer realm=\"Authentication required\", charset=\"UTF-8\"");

  soup_server_message_set_status (msg, status, NULL);
  soup_server_message_set_response (msg, "application/json; charset=utf-8",
                                    SOUP_MEMORY_TAKE, body, strlen (body));
}
