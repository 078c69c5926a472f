/* vitrine-client.c — one client for the Hub, the local hub and any
 * Hub-compatible endpoint
 *
 * Every call has a blocking form, for worker threads (libsoup 3.2 sends
 * from any thread), and the application's calls have _async/_finish forms
 * around them.  Answers 408, 429 and 5xx are retried with backoff,
 * honouring Retry-After; connection errors too for requests that can be
 * repeated safely.  Redirects are followed by hand, so Authorization is
 * never sent to another host.
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "vitrine-client.h"
#include "vitrine-error.h"
#include "vitrine-path.h"

#define MAX_REDIRECTS 5
#define MAX_JSON_ANSWER (256 * 1024 * 1024)
#define DOWNLOAD_CHUNK (1024 * 1024)

struct _VitrineClient
{
  GObject      parent_instance;

  char        *endpoint;
  char        *token;
  GUri        *endpoint_uri;
  SoupSession *session;
  guint        max_retries;
  guint        base_delay_ms;
  guint        max_delay_ms;
};

G_DEFINE_FINAL_TYPE (VitrineClient, vitrine_client, G_TYPE_OBJECT)

void
vitrine_response_free (VitrineResponse *response)
{
  if (response == NULL)
    return;
  g_clear_pointer (&response->headers, soup_message_headers_unref);
  g_clear_pointer (&response->body, g_bytes_unref);
  g_free (response);
}

void
vitrine_preupload_result_free (VitrinePreuploadResult *result)
{
  if (result == NULL)
    return;
  g_free (result->path);
  g_free (result->mode);
  g_free (result->remote_oid);
  g_free (result);
}

static void
vitrine_client_finalize (GObject *object)
{
  VitrineClient *self = VITRINE_CLIENT (object);

  g_clear_object (&self->session);
  g_clear_pointer (&self->endpoint_uri, g_uri_unref);
  g_clear_pointer (&self->endpoint, g_free);
  if (self->token != NULL)
    memset (self->token, 0, strlen (self->token));
  g_clear_pointer (&self->token, g_free);

  G_OBJECT_CLASS (vitrine_client_parent_class)->finalize (object);
}

static void
vitrine_client_class_init (VitrineClientClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = vitrine_client_finalize;
}

static void
vitrine_client_init (VitrineClient *self)
{
  self->max_retries = 5;
  self->base_delay_ms = 1000;
  self->max_delay_ms = 8000;
}

/**
 * vitrine_client_new:
 * @endpoint: a base URL such as `https://huggingface.co` or the local hub's
 * @token: (nullable): the access token
 *
 * Returns: (transfer full): a client for @endpoint
 */
VitrineClient *
vitrine_client_new (const char *endpoint,
                    const char *token)
{
  VitrineClient *self;
  g_autofree char *ua = NULL;

  g_return_val_if_fail (endpoint != NULL, NULL);

  self = g_object_new (VITRINE_TYPE_CLIENT, NULL);
  self->endpoint = g_strdup (endpoint);
  while (g_str_has_suffix (self->endpoint, "/"))
    self->endpoint[strlen (self->endpoint) - 1] = '\0';
  self->endpoint_uri = g_uri_parse (self->endpoint, SOUP_HTTP_URI_FLAGS, NULL);
  self->token = token != NULL && *token != '\0' ? g_strdup (token) : NULL;

  ua = g_strdup_printf ("vitrine/%s; glib/%u.%u.%u; libsoup/%u.%u.%u", PACKAGE_VERSION,
                        glib_major_version, glib_minor_version, glib_micro_version,
                        soup_get_major_version (), soup_get_minor_version (), soup_get_micro_version ());
  self->session = soup_session_new_with_options ("user-agent", ua,
                                                 "max-conns", 32,
                                                 "max-conns-per-host", 16,
                                                 "timeout", 120,
                                                 "idle-timeout", 60,
                                                 NULL);
  return self;
}

const char *
vitrine_client_get_endpoint (VitrineClient *self)
{
  g_return_val_if_fail (VITRINE_IS_CLIENT (self), NULL);
  return self->endpoint;
}

gboolean
vitrine_client_has_token (VitrineClient *self)
{
  g_return_val_if_fail (VITRINE_IS_CLIENT (self), FALSE);
  return self->token != NULL;
}

SoupSession *
vitrine_client_get_session (VitrineClient *self)
{
  return self->session;
}

/**
 * vitrine_client_set_retry:
 *
 * How often and how patiently to retry: the delay doubles from
 * @base_delay_ms up to @max_delay_ms.
 */
void
vitrine_client_set_retry (VitrineClient *self,
                          guint          max_retries,
                          guint          base_delay_ms,
                          guint          max_delay_ms)
{
  g_return_if_fail (VITRINE_IS_CLIENT (self));

  self->max_retries = max_retries;
  self->base_delay_ms = base_delay_ms;
  self->max_delay_ms = max_delay_ms;
}

static gboolean
same_origin (GUri *a,
             GUri *b)
{
  return a != NULL && b != NULL &&
         g_ascii_strcasecmp (g_uri_get_scheme (a), g_uri_get_scheme (b)) == 0 &&
         g_ascii_strcasecmp (g_uri_get_host (a), g_uri_get_host (b)) == 0 &&
         g_uri_get_port (a) == g_uri_get_port (b);
}

/* The token goes only to the endpoint it belongs to, never to another
 * host a redirect leads to. */
static void
authorize (VitrineClient *self,
           SoupMessage   *msg,
           GUri          *uri)
{
  g_autofree char *auth = NULL;

  if (self->token == NULL || !same_origin (uri, self->endpoint_uri))
    return;
  auth = g_strconcat ("Bearer ", self->token, NULL);
  soup_message_headers_replace (soup_message_get_request_headers (msg), "Authorization", auth);
}

/* Where a redirect answer leads, relative Locations resolved, or NULL. */
static GUri *
redirect_target (SoupMessage *msg,
                 GUri        *uri)
{
  const char *location = soup_message_headers_get_one (soup_message_get_response_headers (msg), "Location");

  return location != NULL ? g_uri_parse_relative (uri, location, SOUP_HTTP_URI_FLAGS, NULL) : NULL;
}

/* Sleeps, waking early when cancelled. */
static gboolean
wait_cancellable (guint          ms,
                  GCancellable  *cancellable,
                  GError       **error)
{
  gint64 end = g_get_monotonic_time () + (gint64) ms * 1000;

  while (g_get_monotonic_time () < end)
    {
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
      g_usleep (MIN (50000, end - g_get_monotonic_time () > 0 ? end - g_get_monotonic_time () : 0));
    }
  return !g_cancellable_set_error_if_cancelled (cancellable, error);
}

static guint
retry_delay (VitrineClient      *self,
             guint               attempt,
             SoupMessageHeaders *headers)
{
  const char *retry_after = headers != NULL ? soup_message_headers_get_one (headers, "Retry-After") : NULL;
  guint delay = self->base_delay_ms << MIN (attempt, 16);

  if (retry_after != NULL && g_ascii_isdigit (*retry_after))
    {
      guint64 seconds = g_ascii_strtoull (retry_after, NULL, 10);
      /* The server knows best, up to a minute. */
      return (guint) MIN (seconds, 60) * 1000;
    }
  return MIN (delay, self->max_delay_ms);
}

static gboolean
retryable_status (guint status)
{
  return status == 408 || status == 429 || status == 500 || status == 502 ||
         status == 503 || status == 504;
}

static char *
absolute_url (VitrineClient *self,
              const char    *path_or_url)
{
  if (g_str_has_prefix (path_or_url, "http://") || g_str_has_prefix (path_or_url, "https://"))
    return g_strdup (path_or_url);
  return g_strconcat (self->endpoint, path_or_url, NULL);
}

/**
 * vitrine_client_send:
 * @body: (nullable): a body held in memory
 * @body_func: (nullable): or a function opening a streamed body, @body_length long
 *
 * Sends one request, with retries and redirects.  The answer may be an
 * HTTP error: callers check the status.
 *
 * Returns: (transfer full): the answer, or %NULL when no answer came
 */
VitrineResponse *
vitrine_client_send (VitrineClient        *self,
                     const char           *method,
                     const char           *path_or_url,
                     const char           *content_type,
                     GBytes               *body,
                     VitrineBodyFunc       body_func,
                     gpointer              body_data,
                     goffset               body_length,
                     VitrineRequestFlags   flags,
                     GCancellable         *cancellable,
                     GError              **error)
{
  g_autofree char *url = absolute_url (self, path_or_url);
  guint attempt = 0;

  for (;;)
    {
      g_autoptr(SoupMessage) msg = NULL;
      g_autoptr(GBytes) answer = NULL;
      g_autoptr(GError) local_error = NULL;
      g_autoptr(GUri) uri = g_uri_parse (url, SOUP_HTTP_URI_FLAGS, NULL);
      g_autoptr(GInputStream) stream = NULL;
      guint status;

      if (uri == NULL)
        {
          g_set_error (error, VITRINE_ERROR, VITRINE_ERROR_INVALID_ARGUMENT,
                       _("“%s” is not a valid address."), url);
          return NULL;
        }
      msg = soup_message_new_from_uri (method, uri);
      soup_message_add_flags (msg, SOUP_MESSAGE_NO_REDIRECT);

      if (!(flags & VITRINE_REQUEST_NO_AUTH))
        authorize (self, msg, uri);

      if (body != NULL)
        soup_message_set_request_body_from_bytes (msg, content_type, body);
      else if (body_func != NULL)
        {
          stream = body_func (body_data, error);
          if (stream == NULL)
            return NULL;
          soup_message_set_request_body (msg, content_type, stream, body_length);
          /* On a reused connection that breaks, libsoup would send the
           * message again by itself, without its consumed body; a fresh
           * connection leaves the retry to us, with the body reopened. */
          soup_message_add_flags (msg, SOUP_MESSAGE_NEW_CONNECTION);
        }

      answer = soup_session_send_and_read (self->session, msg, cancellable, &local_error);
      status = soup_message_get_status (msg);

      if (answer == NULL)
        {
          if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
              g_cancellable_is_cancelled (cancellable))
            {
              g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CANCELLED, _("Cancelled"));
              return NULL;
            }
          if ((flags & VITRINE_REQUEST_IDEMPOTENT) && !(flags & VITRINE_REQUEST_NO_RETRY) &&
              attempt < self->max_retries)
            {
              g_debug ("%s %s: %s; retrying", method, g_uri_get_path (uri), local_error->message);
              if (!wait_cancellable (retry_delay (self, attempt++, NULL), cancellable, error))
                return NULL;
              continue;
            }
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_CONNECTION_REFUSED,
                       _("Could not reach %s: %s"), g_uri_get_host (uri), local_error->message);
          return NULL;
        }

      /* Redirects: relative or absolute, without credentials elsewhere. */
      if ((status == 301 || status == 302 || status == 303 || status == 307 || status == 308) &&
          (body_func == NULL))
        {
          g_autoptr(GUri) next = attempt <= MAX_REDIRECTS + self->max_retries ? redirect_target (msg, uri) : NULL;

          if (next != NULL)
            {
              g_free (url);
              url = g_uri_to_string (next);
              if (status == 303)
                method = "GET", body = NULL;
              attempt++;
              continue;
            }
        }

      if (retryable_status (status) && !(flags & VITRINE_REQUEST_NO_RETRY) && attempt < self->max_retries)
        {
          guint delay = retry_delay (self, attempt++, soup_message_get_response_headers (msg));

          g_debug ("%s %s: %u; retrying in %u ms", method, g_uri_get_path (uri), status, delay);
          if (!wait_cancellable (delay, cancellable, error))
            return NULL;
          continue;
        }

      {
        VitrineResponse *response = g_new0 (VitrineResponse, 1);

        response->status = status;
        response->headers = soup_message_headers_ref (soup_message_get_response_headers (msg));
        response->body = g_steal_pointer (&answer);
        return response;
      }
    }
}

/* An answer that is not what the API promises. */
static void
set_protocol_error (GError **error)
{
  g_set_error_literal (error, VITRINE_ERROR, VITRINE_ERROR_PROTOCOL,
                       _("The server sent an answer Vitrine cannot read."));
}

static GError *
error_from_response (VitrineResponse *response)
{
  return vitrine_error_new_from_response (response->status,
                                          soup_message_headers_get_one (response->headers, "X-Error-Code"),
                                          soup_message_headers_get_one (response->headers, "X-Error-Message"),
                                          soup_message_headers_get_content_type (response->headers, NULL),
                                          response->body);
}

/**
 * vitrine_client_call_json:
 * @body: (nullable): a JSON body
 * @headers: (out) (optional): the answer's headers
 *
 * Returns: (transfer full): the JSON answer (null for an empty body)
 */
JsonNode *
vitrine_client_call_json (VitrineClient        *self,
                          const char           *method,
                          const char           *path,
                          JsonNode             *body,
                          VitrineRequestFlags   flags,
                          SoupMessageHeaders  **headers,
                          GCancellable         *cancellable,
                          GError              **error)
{
  g_autoptr(VitrineResponse) response = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) parse_error = NULL;
  const char *data;
  gsize len;

  if (body != NULL)
    {
      char *text = json_to_string (body, FALSE);
      bytes = g_bytes_new_take (text, strlen (text));
    }
  if (g_str_equal (method, "GET") || g_str_equal (method, "HEAD"))
    flags |= VITRINE_REQUEST_IDEMPOTENT;

  response = vitrine_client_send (self, method, path, "application/json", bytes, NULL, NULL, 0,
                                  flags, cancellable, error);
  if (response == NULL)
    return NULL;
  if (response->status >= 400)
    {
      g_propagate_error (error, error_from_response (response));
      return NULL;
    }
  if (headers != NULL)
    *headers = soup_message_headers_ref (response->headers);

  data = g_bytes_get_data (response->body, &len);
  if (len == 0)
    return json_node_init_null (json_node_alloc ());
  if (len > MAX_JSON_ANSWER || !json_parser_load_from_data (parser, data, len, &parse_error) ||
      json_parser_get_root (parser) == NULL)
    {
      set_protocol_error (error);
      return NULL;
    }
  return json_node_ref (json_parser_get_root (parser));
}

/* The next page of a `Link: <url>; rel="next"` header, or NULL. */
static char *
next_link (SoupMessageHeaders *headers)
{
  const char *link = headers != NULL ? soup_message_headers_get_list (headers, "Link") : NULL;
  g_auto(GStrv) parts = NULL;

  if (link == NULL)
    return NULL;
  parts = g_strsplit (link, ",", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      const char *open = strchr (parts[i], '<');
      const char *close = open != NULL ? strchr (open, '>') : NULL;

      if (open != NULL && close != NULL && strstr (close, "rel=\"next\"") != NULL)
        return g_strndup (open + 1, close - open - 1);
    }
  return NULL;
}

static const char *
api_segment (VitrineRepoType type)
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
 * vitrine_client_api_path:
 * @action: (nullable): such as "tree" or "commit"
 * @revision: (nullable): encoded as one segment
 *
 * Returns: `/api/{type}s/{id}[/{action}[/{revision}]]`
 */
char *
vitrine_client_api_path (VitrineRepoType  type,
                         const char      *repo_id,
                         const char      *action,
                         const char      *revision)
{
  g_autofree char *rev = revision != NULL ? g_uri_escape_string (revision, NULL, FALSE) : NULL;

  if (action == NULL)
    return g_strdup_printf ("/api/%s/%s", api_segment (type), repo_id);
  if (rev == NULL)
    return g_strdup_printf ("/api/%s/%s/%s", api_segment (type), repo_id, action);
  return g_strdup_printf ("/api/%s/%s/%s/%s", api_segment (type), repo_id, action, rev);
}

static gboolean
check_repo_id (const char  *repo_id,
               GError     **error)
{
  return vitrine_repo_id_parse (repo_id, NULL, NULL, error);
}

JsonNode *
vitrine_client_whoami (VitrineClient  *self,
                       GCancellable   *cancellable,
                       GError        **error)
{
  if (self->token == NULL)
    {
      g_set_error_literal (error, VITRINE_ERROR, VITRINE_ERROR_UNAUTHORIZED,
                           _("You are not signed in: give a token first."));
      return NULL;
    }
  return vitrine_client_call_json (self, "GET", "/api/whoami-v2", NULL, 0, NULL, cancellable, error);
}

/**
 * vitrine_client_create_repo:
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

  if (!vitrine_repo_id_parse (repo_id, &ns, &name, error))
    return NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "name");
  json_builder_add_string_value (builder, name);
  json_builder_set_member_name (builder, "organization");
  json_builder_add_string_value (builder, ns);
  json_builder_set_member_name (builder, "type");
  json_builder_add_string_value (builder, vitrine_repo_type_to_string (type));
  json_builder_set_member_name (builder, "visibility");
  json_builder_add_string_value (builder, private_ ? "private" : "public");
  if (type == VITRINE_REPO_TYPE_SPACE)
    {
      json_builder_set_member_name (builder, "sdk");
      json_builder_add_string_value (builder, sdk != NULL ? sdk : "static");
    }
  json_builder_end_object (builder);
  body = json_builder_get_root (builder);

  answer = vitrine_client_call_json (self, "POST", "/api/repos/create", body, 0, NULL, cancellable, &local_error);
  if (answer == NULL)
    {
      if (exist_ok && g_error_matches (local_error, VITRINE_ERROR, VITRINE_ERROR_CONFLICT))
        return g_strdup_printf ("%s/%s%s", self->endpoint, vitrine_repo_type_url_prefix (type), repo_id);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  if (!JSON_NODE_HOLDS_OBJECT (answer) || vitrine_json_string (json_node_get_object (answer), "url") == NULL)
    {
      set_protocol_error (error);
      return NULL;
    }
  return g_strdup (vitrine_json_string (json_node_get_object (answer), "url"));
}

static JsonNode *
repo_body (VitrineRepoType  type,
           const char      *repo_id)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree char *ns = NULL;
  g_autofree char *name = NULL;

  vitrine_repo_id_parse (repo_id, &ns, &name, NULL);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "name");
  json_builder_add_string_value (builder, name);
  json_builder_set_member_name (builder, "organization");
  json_builder_add_string_value (builder, ns);
  json_builder_set_member_name (builder, "type");
  json_builder_add_string_value (builder, vitrine_repo_type_to_string (type));
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

gboolean
vitrine_client_delete_repo (VitrineClient   *self,
                            VitrineRepoType  type,
                            const char      *repo_id,
                            GCancellable    *cancellable,
                            GError         **error)
{
  g_autoptr(JsonNode) body = NULL;
  g_autoptr(JsonNode) answer = NULL;

  if (!check_repo_id (repo_id, error))
    return FALSE;
  body = repo_body (type, repo_id);
  answer = vitrine_client_call_json (self, "DELETE", "/api/repos/delete", body, 0, NULL, cancellable, error);
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

  if (!check_repo_id (from_id, error) || !check_repo_id (to_id, error))
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
  answer = vitrine_client_call_json (self, "POST", "/api/repos/move", body, 0, NULL, cancellable, error);
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

  if (!check_repo_id (repo_id, error))
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
  path = vitrine_client_api_path (type, repo_id, "settings", NULL);
  answer = vitrine_client_call_json (self, "PUT", path, body, 0, NULL, cancellable, error);
  return answer != NULL;
}

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

  if (!check_repo_id (repo_id, error))
    return NULL;
  path = vitrine_client_api_path (type, repo_id, revision != NULL ? "revision" : NULL, revision);
  full = g_strconcat (path, "?blobs=true", NULL);
  answer = vitrine_client_call_json (self, "GET", full, NULL, 0, NULL, cancellable, error);
  if (answer == NULL)
    return NULL;
  if (!JSON_NODE_HOLDS_OBJECT (answer))
    {
      set_protocol_error (error);
      return NULL;
    }
  return vitrine_repo_info_new_from_json (json_node_get_object (answer), type);
}

/* Appends one typed object per JSON object of an array answer, of the
 * store's item type (repositories are of @type); FALSE (with a protocol
 * error) when the answer is not an array. */
static gboolean
append_objects (GListStore       *store,
                JsonNode         *answer,
                VitrineRepoType   type,
                GError          **error)
{
  GType item_type = g_list_model_get_item_type (G_LIST_MODEL (store));
  JsonArray *array;

  if (!JSON_NODE_HOLDS_ARRAY (answer))
    {
      set_protocol_error (error);
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

/* Follows `Link` pages, adding each JSON object of each page. */
static gboolean
collect_pages (VitrineClient    *self,
               const char       *first,
               GListStore       *store,
               VitrineRepoType   type,
               GCancellable     *cancellable,
               GError          **error)
{
  g_autofree char *url = g_strdup (first);
  guint pages = 0;

  while (url != NULL)
    {
      g_autoptr(SoupMessageHeaders) headers = NULL;
      g_autoptr(JsonNode) answer = NULL;

      answer = vitrine_client_call_json (self, "GET", url, NULL, 0, &headers, cancellable, error);
      if (answer == NULL || !append_objects (store, answer, type, error))
        return FALSE;
      g_free (url);
      url = next_link (headers);
      /* A server that pages forever is not followed forever. */
      if (++pages > 100000)
        break;
    }
  return TRUE;
}

GListStore *
vitrine_client_list_repos (VitrineClient   *self,
                           VitrineRepoType  type,
                           const char      *author,
                           const char      *search,
                           GCancellable    *cancellable,
                           GError         **error)
{
  g_autoptr(GListStore) store = g_list_store_new (VITRINE_TYPE_REPO_INFO);
  GString *url = g_string_new (NULL);
  g_autofree char *first = NULL;

  g_string_printf (url, "/api/%s?limit=100", api_segment (type));
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
  first = g_string_free (url, FALSE);
  if (!collect_pages (self, first, store, type, cancellable, error))
    return NULL;
  return g_steal_pointer (&store);
}

GListStore *
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

  if (!check_repo_id (repo_id, error))
    return NULL;
  if (path != NULL && *path != '\0' && !vitrine_path_check (path, -1, error))
    return NULL;
  base = vitrine_client_api_path (type, repo_id, "tree", revision != NULL ? revision : "main");
  escaped_path = path != NULL && *path != '\0' ? g_uri_escape_string (path, "/", FALSE) : NULL;
  first = g_strdup_printf ("%s%s%s?recursive=%s", base, escaped_path != NULL ? "/" : "",
                           escaped_path != NULL ? escaped_path : "", recursive ? "true" : "false");
  if (!collect_pages (self, first, store, type, cancellable, error))
    return NULL;
  return g_steal_pointer (&store);
}

GListStore *
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

  if (!check_repo_id (repo_id, error))
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

  path = vitrine_client_api_path (type, repo_id, "paths-info", revision != NULL ? revision : "main");
  answer = vitrine_client_call_json (self, "POST", path, body, VITRINE_REQUEST_IDEMPOTENT, NULL, cancellable, error);
  if (answer == NULL ||
      !append_objects (store, answer, type, error))
    return NULL;
  return g_steal_pointer (&store);
}

GListStore *
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
  g_autoptr(SoupMessageHeaders) headers = NULL;
  g_autoptr(JsonNode) answer = NULL;
  g_autofree char *base = NULL;
  g_autofree char *url = NULL;
  const char *count;

  if (!check_repo_id (repo_id, error))
    return NULL;
  base = vitrine_client_api_path (type, repo_id, "commits", revision != NULL ? revision : "main");
  url = g_strdup_printf ("%s?p=%u&limit=%u", base, page, limit > 0 ? limit : 50);
  answer = vitrine_client_call_json (self, "GET", url, NULL, 0, &headers, cancellable, error);
  if (answer == NULL || !append_objects (store, answer, type, error))
    return NULL;
  count = soup_message_headers_get_one (headers, "X-Total-Count");
  if (total != NULL)
    *total = count != NULL ? (guint) g_ascii_strtoull (count, NULL, 10)
                           : g_list_model_get_n_items (G_LIST_MODEL (store));
  return g_steal_pointer (&store);
}

GListStore *
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

  if (!check_repo_id (repo_id, error))
    return NULL;
  base = vitrine_client_api_path (type, repo_id, "refs", NULL);
  url = g_strconcat (base, include_prs ? "?include_prs=1" : "", NULL);
  answer = vitrine_client_call_json (self, "GET", url, NULL, 0, NULL, cancellable, error);
  if (answer == NULL)
    return NULL;
  if (!JSON_NODE_HOLDS_OBJECT (answer))
    {
      set_protocol_error (error);
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
  return g_steal_pointer (&store);
}

static gboolean
simple_call (VitrineClient  *self,
             const char     *method,
             const char     *path,
             JsonNode       *body,
             GCancellable   *cancellable,
             GError        **error)
{
  g_autoptr(JsonNode) answer = vitrine_client_call_json (self, method, path, body, 0, NULL, cancellable, error);

  return answer != NULL;
}

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
  g_autoptr(JsonNode) body = NULL;
  g_autofree char *path = NULL;

  if (!check_repo_id (repo_id, error))
    return FALSE;
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "tag");
  json_builder_add_string_value (builder, tag);
  if (message != NULL)
    {
      json_builder_set_member_name (builder, "message");
      json_builder_add_string_value (builder, message);
    }
  json_builder_end_object (builder);
  body = json_builder_get_root (builder);
  path = vitrine_client_api_path (type, repo_id, "tag", revision != NULL ? revision : "main");
  return simple_call (self, "POST", path, body, cancellable, error);
}

gboolean
vitrine_client_delete_tag (VitrineClient   *self,
                           VitrineRepoType  type,
                           const char      *repo_id,
                           const char      *tag,
                           GCancellable    *cancellable,
                           GError         **error)
{
  g_autofree char *path = NULL;

  if (!check_repo_id (repo_id, error))
    return FALSE;
  path = vitrine_client_api_path (type, repo_id, "tag", tag);
  return simple_call (self, "DELETE", path, NULL, cancellable, error);
}

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
  g_autoptr(JsonNode) body = NULL;
  g_autofree char *path = NULL;

  if (!check_repo_id (repo_id, error))
    return FALSE;
  json_builder_begin_object (builder);
  if (starting_point != NULL)
    {
      json_builder_set_member_name (builder, "startingPoint");
      json_builder_add_string_value (builder, starting_point);
    }
  json_builder_end_object (builder);
  body = json_builder_get_root (builder);
  path = vitrine_client_api_path (type, repo_id, "branch", branch);
  return simple_call (self, "POST", path, body, cancellable, error);
}

gboolean
vitrine_client_delete_branch (VitrineClient   *self,
                              VitrineRepoType  type,
                              const char      *repo_id,
                              const char      *branch,
                              GCancellable    *cancellable,
                              GError         **error)
{
  g_autofree char *path = NULL;

  if (!check_repo_id (repo_id, error))
    return FALSE;
  path = vitrine_client_api_path (type, repo_id, "branch", branch);
  return simple_call (self, "DELETE", path, NULL, cancellable, error);
}

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
  g_autofree char *path = vitrine_client_api_path (type, repo_id, "preupload", revision);
  GPtrArray *results;
  JsonArray *array;

  json_object_set_member (object, "files", json_node_ref (files));
  body = json_node_init_object (json_node_alloc (), object);
  answer = vitrine_client_call_json (self, "POST", path, body, VITRINE_REQUEST_IDEMPOTENT, NULL, cancellable, error);
  if (answer == NULL)
    return NULL;
  array = JSON_NODE_HOLDS_OBJECT (answer) ? vitrine_json_array (json_node_get_object (answer), "files") : NULL;
  if (array == NULL)
    {
      set_protocol_error (error);
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

/**
 * vitrine_client_lfs_batch:
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
  g_autoptr(VitrineResponse) response = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *path = g_strdup_printf ("/%s%s.git/info/lfs/objects/batch",
                                           vitrine_repo_type_url_prefix (type), repo_id);
  char *text;
  const char *data;
  gsize len;

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
  text = json_to_string (body, FALSE);
  bytes = g_bytes_new_take (text, strlen (text));

  response = vitrine_client_send (self, "POST", path, "application/vnd.git-lfs+json", bytes, NULL, NULL, 0,
                                  VITRINE_REQUEST_IDEMPOTENT, cancellable, error);
  if (response == NULL)
    return NULL;
  if (response->status >= 400)
    {
      g_propagate_error (error, error_from_response (response));
      return NULL;
    }
  data = g_bytes_get_data (response->body, &len);
  if (!json_parser_load_from_data (parser, data, len, NULL) || json_parser_get_root (parser) == NULL ||
      !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    {
      set_protocol_error (error);
      return NULL;
    }
  return json_node_ref (json_parser_get_root (parser));
}

/**
 * vitrine_client_commit:
 * @ndjson: the commit payload, header first
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
  g_autofree char *base = vitrine_client_api_path (type, repo_id, "commit", branch);
  g_autofree char *path = g_strconcat (base, create_pr ? "?create_pr=1" : "", NULL);
  g_autoptr(VitrineResponse) response = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *answer;
  const char *data;
  gsize len;

  response = vitrine_client_send (self, "POST", path, "application/x-ndjson", ndjson, NULL, NULL, 0,
                                  VITRINE_REQUEST_DEFAULT, cancellable, error);
  if (response == NULL)
    return FALSE;
  if (response->status >= 400)
    {
      g_propagate_error (error, error_from_response (response));
      return FALSE;
    }
  data = g_bytes_get_data (response->body, &len);
  if (!json_parser_load_from_data (parser, data, len, NULL) || json_parser_get_root (parser) == NULL ||
      !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    {
      set_protocol_error (error);
      return FALSE;
    }
  answer = json_node_get_object (json_parser_get_root (parser));
  if (commit_id != NULL)
    *commit_id = g_strdup (vitrine_json_string (answer, "commitOid"));
  if (pr_url != NULL)
    *pr_url = g_strdup (vitrine_json_string (answer, "pullRequestUrl"));
  return TRUE;
}

/* ---- Downloads -------------------------------------------------------- */

static gboolean
write_all (int            fd,
           const guint8  *data,
           gsize          len,
           GError       **error)
{
  while (len > 0)
    {
      ssize_t n = write (fd, data, len);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          int errsv = errno;
          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errsv),
                       _("Could not write the download: %s"), g_strerror (errsv));
          return FALSE;
        }
      data += n;
      len -= n;
    }
  return TRUE;
}

static char *
strip_etag (const char *etag)
{
  g_autofree char *copy = NULL;

  if (etag == NULL)
    return NULL;
  if (g_str_has_prefix (etag, "W/"))
    etag += 2;
  copy = g_strdup (etag);
  g_strstrip (copy);
  if (copy[0] == '"' && strlen (copy) >= 2 && copy[strlen (copy) - 1] == '"')
    return g_strndup (copy + 1, strlen (copy) - 2);
  return g_steal_pointer (&copy);
}

/* The address of a file of a repository at a revision (main by default). */
static char *
resolve_url (VitrineClient   *self,
             VitrineRepoType  type,
             const char      *repo_id,
             const char      *revision,
             const char      *path)
{
  g_autofree char *escaped_path = g_uri_escape_string (path, "/", FALSE);
  g_autofree char *escaped_rev = g_uri_escape_string (revision != NULL ? revision : "main", NULL, FALSE);

  return g_strdup_printf ("%s/%s%s/resolve/%s/%s", self->endpoint, vitrine_repo_type_url_prefix (type),
                          repo_id, escaped_rev, escaped_path);
}

/**
 * vitrine_client_download_file:
 * @destination: the file to write; `DESTINATION.incomplete` holds a partial
 *   download, which a later call resumes with a Range request
 * @commit_id: (out) (optional): the commit the revision resolved to
 * @etag: (out) (optional): the file's etag (sha256 for large files)
 *
 * Downloads a file with bounded memory, resuming where a previous attempt
 * stopped; the destination appears only once complete.
 */
gboolean
vitrine_client_download_file (VitrineClient        *self,
                              VitrineRepoType       type,
                              const char           *repo_id,
                              const char           *revision,
                              const char           *path,
                              const char           *destination,
                              VitrineProgressFunc   progress,
                              gpointer              progress_data,
                              char                **commit_id,
                              char                **etag,
                              GCancellable         *cancellable,
                              GError              **error)
{
  g_autofree char *url = NULL;
  g_autofree char *partial = g_strconcat (destination, ".incomplete", NULL);
  g_autofree char *dir = g_path_get_dirname (destination);
  guint attempt = 0;

  if (!check_repo_id (repo_id, error) || !vitrine_path_check (path, -1, error))
    return FALSE;
  url = resolve_url (self, type, repo_id, revision, path);
  if (g_mkdir_with_parents (dir, 0755) != 0)
    {
      int errsv = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errsv),
                   _("Could not create “%s”: %s"), dir, g_strerror (errsv));
      return FALSE;
    }

  for (;;)
    {
      g_autoptr(SoupMessage) msg = NULL;
      g_autoptr(GInputStream) stream = NULL;
      g_autoptr(GError) local_error = NULL;
      g_autoptr(GUri) uri = NULL;
      g_autofree guint8 *buf = NULL;
      g_autofree char *current = g_strdup (url);
      SoupMessageHeaders *headers;
      GStatBuf st;
      guint64 have = 0, total = 0;
      guint status = 0;
      int fd;

      if (g_stat (partial, &st) == 0)
        have = st.st_size;

      /* Redirects, by hand: no token for other hosts. */
      for (guint hops = 0; ; hops++)
        {
          uri = g_uri_parse (current, SOUP_HTTP_URI_FLAGS, NULL);
          g_clear_object (&msg);
          msg = soup_message_new_from_uri ("GET", uri);
          soup_message_add_flags (msg, SOUP_MESSAGE_NO_REDIRECT);
          headers = soup_message_get_request_headers (msg);
          soup_message_headers_replace (headers, "Accept-Encoding", "identity");
          authorize (self, msg, uri);
          if (have > 0)
            soup_message_headers_set_range (headers, have, -1);

          g_clear_object (&stream);
          stream = soup_session_send (self->session, msg, cancellable, &local_error);
          if (stream == NULL)
            break;
          status = soup_message_get_status (msg);
          if (status >= 300 && status < 400 && status != 304 && hops < MAX_REDIRECTS)
            {
              g_autoptr(GUri) next = redirect_target (msg, uri);

              if (next == NULL)
                break;
              if (commit_id != NULL && *commit_id == NULL)
                *commit_id = g_strdup (soup_message_headers_get_one (soup_message_get_response_headers (msg),
                                                                     "X-Repo-Commit"));
              g_input_stream_close (stream, NULL, NULL);
              g_free (current);
              current = g_uri_to_string (next);
              continue;
            }
          break;
        }

      if (stream == NULL)
        {
          if (g_cancellable_is_cancelled (cancellable))
            {
              g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CANCELLED, _("Cancelled"));
              return FALSE;
            }
          if (attempt < self->max_retries)
            {
              if (!wait_cancellable (retry_delay (self, attempt++, NULL), cancellable, error))
                return FALSE;
              continue;
            }
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_CONNECTION_REFUSED,
                       _("Could not reach %s: %s"), g_uri_get_host (uri), local_error->message);
          return FALSE;
        }

      headers = soup_message_get_response_headers (msg);
      if (status == 416 && have > 0)
        {
          /* The partial file is longer than the file: start again. */
          g_unlink (partial);
          continue;
        }
      if (status >= 400)
        {
          g_autoptr(GBytes) body = g_input_stream_read_bytes (stream, 64 * 1024, NULL, NULL);
          VitrineResponse response = { status, headers, body };

          if (retryable_status (status) && attempt < self->max_retries)
            {
              if (!wait_cancellable (retry_delay (self, attempt++, headers), cancellable, error))
                return FALSE;
              continue;
            }
          g_propagate_error (error, error_from_response (&response));
          return FALSE;
        }

      if (commit_id != NULL && *commit_id == NULL)
        *commit_id = g_strdup (soup_message_headers_get_one (headers, "X-Repo-Commit"));
      if (etag != NULL && *etag == NULL)
        {
          const char *linked = soup_message_headers_get_one (headers, "X-Linked-Etag");
          *etag = strip_etag (linked != NULL ? linked : soup_message_headers_get_one (headers, "ETag"));
        }

      /* A 200 to a Range request means: the whole file again. */
      if (status != 206)
        have = 0;
      total = have + MAX (soup_message_headers_get_content_length (headers), 0);

      fd = open (partial, O_WRONLY | O_CREAT | O_CLOEXEC | (have == 0 ? O_TRUNC : O_APPEND), 0644);
      if (fd < 0)
        {
          int errsv = errno;
          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errsv),
                       _("Could not write “%s”: %s"), partial, g_strerror (errsv));
          return FALSE;
        }

      buf = g_malloc (DOWNLOAD_CHUNK);
      for (;;)
        {
          gssize n = g_input_stream_read (stream, buf, DOWNLOAD_CHUNK, cancellable, &local_error);

          if (n < 0)
            break;
          if (n == 0)
            break;
          if (!write_all (fd, buf, n, error))
            {
              close (fd);
              return FALSE;
            }
          have += n;
          if (progress != NULL)
            progress (have, total, progress_data);
        }
      close (fd);

      if (local_error != NULL)
        {
          if (g_cancellable_is_cancelled (cancellable))
            {
              g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CANCELLED, _("Cancelled"));
              return FALSE;
            }
          /* Cut short: resume from what arrived. */
          if (attempt < self->max_retries)
            {
              if (!wait_cancellable (retry_delay (self, attempt++, NULL), cancellable, error))
                return FALSE;
              continue;
            }
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_PARTIAL_INPUT,
                       _("The download of “%s” was cut short: %s"), path, local_error->message);
          return FALSE;
        }
      if (total > 0 && have != total)
        {
          if (attempt++ < self->max_retries)
            continue;
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_PARTIAL_INPUT,
                       _("The download of “%s” was cut short."), path);
          return FALSE;
        }
      if (g_rename (partial, destination) != 0)
        {
          int errsv = errno;
          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errsv),
                       _("Could not write “%s”: %s"), destination, g_strerror (errsv));
          return FALSE;
        }
      return TRUE;
    }
}

/* "models--ns--name", the Hub cache's folder name. */
static char *
cache_folder_name (VitrineRepoType  type,
                   const char      *repo_id)
{
  g_auto(GStrv) parts = g_strsplit (repo_id, "/", 2);

  return g_strdup_printf ("%s--%s--%s", api_segment (type), parts[0], parts[1]);
}

/**
 * vitrine_client_download_snapshot:
 * @to_dir: (nullable): a folder to put the files in, or
 * @cache_dir: (nullable): a Hub cache (`HF_HUB_CACHE`), laid out as the
 *   official tools lay it out, so they can use it too
 *
 * Returns: (transfer full): the folder the files are in
 */
char *
vitrine_client_download_snapshot (VitrineClient        *self,
                                  VitrineRepoType       type,
                                  const char           *repo_id,
                                  const char           *revision,
                                  const char           *to_dir,
                                  const char           *cache_dir,
                                  VitrineProgressFunc   progress,
                                  gpointer              progress_data,
                                  GCancellable         *cancellable,
                                  GError              **error)
{
  g_autoptr(VitrineRepoInfo) info = NULL;
  g_autoptr(GListStore) tree = NULL;
  g_autofree char *repo_dir = NULL;
  g_autofree char *snapshot = NULL;
  g_autofree char *commit = NULL;
  guint64 total = 0, done = 0;
  guint n;

  g_return_val_if_fail ((to_dir != NULL) != (cache_dir != NULL), NULL);

  info = vitrine_client_repo_info (self, type, repo_id, revision, cancellable, error);
  if (info == NULL)
    return NULL;
  commit = g_strdup (vitrine_repo_info_get_sha (info));
  if (commit == NULL || strlen (commit) != 40)
    {
      g_set_error (error, VITRINE_ERROR, VITRINE_ERROR_PROTOCOL, _("The server did not say which commit this is."));
      return NULL;
    }
  /* List at the commit, so every file comes from the same version. */
  tree = vitrine_client_list_tree (self, type, repo_id, commit, NULL, TRUE, cancellable, error);
  if (tree == NULL)
    return NULL;

  n = g_list_model_get_n_items (G_LIST_MODEL (tree));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(VitrineTreeEntry) entry = g_list_model_get_item (G_LIST_MODEL (tree), i);
      if (!vitrine_tree_entry_is_directory (entry))
        total += vitrine_tree_entry_get_size (entry);
    }

  if (cache_dir != NULL)
    {
      g_autofree char *folder = cache_folder_name (type, repo_id);
      g_autofree char *refs_dir = NULL;

      repo_dir = g_build_filename (cache_dir, folder, NULL);
      snapshot = g_build_filename (repo_dir, "snapshots", commit, NULL);
      refs_dir = g_build_filename (repo_dir, "refs", NULL);
      g_mkdir_with_parents (refs_dir, 0755);
      if (revision == NULL || !g_str_equal (revision, commit))
        {
          g_autofree char *ref_file = g_build_filename (refs_dir, revision != NULL ? revision : "main", NULL);
          g_autofree char *ref_parent = g_path_get_dirname (ref_file);

          g_mkdir_with_parents (ref_parent, 0755);
          if (!g_file_set_contents (ref_file, commit, -1, error))
            return NULL;
        }
    }
  else
    snapshot = g_strdup (to_dir);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(VitrineTreeEntry) entry = g_list_model_get_item (G_LIST_MODEL (tree), i);
      const char *path = vitrine_tree_entry_get_path (entry);
      g_autofree char *target = NULL;

      if (vitrine_tree_entry_is_directory (entry))
        continue;
      if (!vitrine_path_check (path, -1, error))
        return NULL;
      target = g_build_filename (snapshot, path, NULL);

      if (cache_dir != NULL)
        {
          const char *blob_id = vitrine_tree_entry_get_lfs_oid (entry);
          g_autofree char *blob = NULL;
          g_autofree char *link_dir = g_path_get_dirname (target);
          g_autofree char *relative = NULL;
          guint depth = 0;

          if (blob_id == NULL)
            blob_id = vitrine_tree_entry_get_oid (entry);
          if (blob_id == NULL || !g_regex_match_simple ("^[0-9a-f]{40,64}$", blob_id, 0, 0))
            {
              set_protocol_error (error);
              return NULL;
            }
          blob = g_build_filename (repo_dir, "blobs", blob_id, NULL);
          if (!g_file_test (blob, G_FILE_TEST_EXISTS) &&
              !vitrine_client_download_file (self, type, repo_id, commit, path, blob, NULL, NULL,
                                             NULL, NULL, cancellable, error))
            return NULL;

          /* snapshots/COMMIT/path -> ../../blobs/ID, relative as the Hub's tools make it. */
          for (const char *p = path; *p; p++)
            depth += *p == '/';
          {
            GString *up = g_string_new ("../../");
            for (guint d = 0; d < depth; d++)
              g_string_append (up, "../");
            g_string_append_printf (up, "blobs/%s", blob_id);
            relative = g_string_free (up, FALSE);
          }
          g_mkdir_with_parents (link_dir, 0755);
          g_unlink (target);
          if (symlink (relative, target) != 0)
            {
              int errsv = errno;
              g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errsv),
                           _("Could not write “%s”: %s"), target, g_strerror (errsv));
              return NULL;
            }
        }
      else if (!vitrine_client_download_file (self, type, repo_id, commit, path, target, NULL, NULL,
                                              NULL, NULL, cancellable, error))
        return NULL;

      done += vitrine_tree_entry_get_size (entry);
      if (progress != NULL)
        progress (done, total, progress_data);
    }
  return g_steal_pointer (&snapshot);
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

  g_return_val_if_fail (VITRINE_IS_CLIENT (self), NULL);

  if (!check_repo_id (repo_id, error) || !vitrine_path_check (path, -1, error))
    return NULL;
  url = resolve_url (self, type, repo_id, revision, path);
  response = vitrine_client_send (self, "GET", url, NULL, NULL, NULL, NULL, 0,
                                  VITRINE_REQUEST_IDEMPOTENT, cancellable, error);
  if (response == NULL)
    return NULL;
  if (response->status >= 400)
    {
      g_propagate_error (error, error_from_response (response));
      return NULL;
    }
  if (g_bytes_get_size (response->body) > max_size)
    {
      g_set_error (error, VITRINE_ERROR, VITRINE_ERROR_TOO_LARGE,
                   _("“%s” is too large to open here."), path);
      return NULL;
    }
  return g_bytes_ref (response->body);
}

/* ---- Async forms ------------------------------------------------------ */

typedef struct
{
  VitrineRepoType  type;
  char            *repo_id;
  char            *revision;
  guint            page;
  guint            limit;
  guint            total;
  char            *path;
  gsize            max_size;
} CallData;

static CallData *
call_data_new (VitrineRepoType  type,
               const char      *repo_id,
               const char      *revision)
{
  CallData *data = g_new0 (CallData, 1);

  data->type = type;
  data->repo_id = g_strdup (repo_id);
  data->revision = g_strdup (revision);
  return data;
}

static void
call_data_free (CallData *data)
{
  g_free (data->repo_id);
  g_free (data->revision);
  g_free (data->path);
  g_free (data);
}

static void
whoami_thread (GTask        *task,
               gpointer      source,
               gpointer      task_data,
               GCancellable *cancellable)
{
  GError *error = NULL;
  JsonNode *node = vitrine_client_whoami (source, cancellable, &error);

  if (node == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, node, (GDestroyNotify) json_node_unref);
}

void
vitrine_client_whoami_async (VitrineClient       *self,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, vitrine_client_whoami_async);
  g_task_run_in_thread (task, whoami_thread);
}

/**
 * vitrine_client_whoami_finish:
 *
 * Returns: (transfer full): the whoami-v2 answer
 */
JsonNode *
vitrine_client_whoami_finish (VitrineClient  *self,
                              GAsyncResult   *result,
                              GError        **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
list_commits_thread (GTask        *task,
                     gpointer      source,
                     gpointer      task_data,
                     GCancellable *cancellable)
{
  CallData *data = task_data;
  GError *error = NULL;
  GListStore *store = vitrine_client_list_commits (source, data->type, data->repo_id, data->revision,
                                                   data->page, data->limit, &data->total,
                                                   cancellable, &error);

  if (store == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, store, g_object_unref);
}

void
vitrine_client_list_commits_async (VitrineClient       *self,
                                   VitrineRepoType      type,
                                   const char          *repo_id,
                                   const char          *revision,
                                   guint                page,
                                   guint                limit,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);
  CallData *data = call_data_new (type, repo_id, revision);

  data->page = page;
  data->limit = limit;
  g_task_set_source_tag (task, vitrine_client_list_commits_async);
  g_task_set_task_data (task, data, (GDestroyNotify) call_data_free);
  g_task_run_in_thread (task, list_commits_thread);
}

GListStore *
vitrine_client_list_commits_finish (VitrineClient  *self,
                                    GAsyncResult   *result,
                                    guint          *total,
                                    GError        **error)
{
  CallData *data;

  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  data = g_task_get_task_data (G_TASK (result));
  if (total != NULL)
    *total = data->total;
  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
repo_info_thread (GTask        *task,
                  gpointer      source,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  CallData *data = task_data;
  GError *error = NULL;
  VitrineRepoInfo *info = vitrine_client_repo_info (source, data->type, data->repo_id, data->revision,
                                                    cancellable, &error);

  if (info == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, info, g_object_unref);
}

void
vitrine_client_repo_info_async (VitrineClient       *self,
                                VitrineRepoType      type,
                                const char          *repo_id,
                                const char          *revision,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);
  CallData *data = call_data_new (type, repo_id, revision);

  g_task_set_source_tag (task, vitrine_client_repo_info_async);
  g_task_set_task_data (task, data, (GDestroyNotify) call_data_free);
  g_task_run_in_thread (task, repo_info_thread);
}

VitrineRepoInfo *
vitrine_client_repo_info_finish (VitrineClient  *self,
                                 GAsyncResult   *result,
                                 GError        **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
read_file_thread (GTask        *task,
                  gpointer      source,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  CallData *data = task_data;
  GError *error = NULL;
  GBytes *bytes = vitrine_client_read_file (source, data->type, data->repo_id, data->revision,
                                            data->path, data->max_size, cancellable, &error);

  if (bytes == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, bytes, (GDestroyNotify) g_bytes_unref);
}

void
vitrine_client_read_file_async (VitrineClient       *self,
                                VitrineRepoType      type,
                                const char          *repo_id,
                                const char          *revision,
                                const char          *path,
                                gsize                max_size,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);
  CallData *data = call_data_new (type, repo_id, revision);

  data->path = g_strdup (path);
  data->max_size = max_size;
  g_task_set_source_tag (task, vitrine_client_read_file_async);
  g_task_set_task_data (task, data, (GDestroyNotify) call_data_free);
  g_task_run_in_thread (task, read_file_thread);
}

GBytes *
vitrine_client_read_file_finish (VitrineClient  *self,
                                 GAsyncResult   *result,
                                 GError        **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
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
  g_autoptr(VitrineResponse) response = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GBytes) bytes = NULL;
  GPtrArray *problems;
  JsonArray *errors = NULL;
  const char *data;
  char *text;
  gsize len;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "content");
  json_builder_add_string_value (builder, content);
  json_builder_set_member_name (builder, "repoType");
  json_builder_add_string_value (builder, vitrine_repo_type_to_string (type));
  json_builder_end_object (builder);
  body = json_builder_get_root (builder);
  text = json_to_string (body, FALSE);
  bytes = g_bytes_new_take (text, strlen (text));

  response = vitrine_client_send (self, "POST", "/api/validate-yaml", "application/json", bytes, NULL, NULL, 0,
                                  VITRINE_REQUEST_IDEMPOTENT, cancellable, error);
  if (response == NULL)
    return NULL;
  data = g_bytes_get_data (response->body, &len);
  if (response->status == 400 && json_parser_load_from_data (parser, data, len, NULL) &&
      json_parser_get_root (parser) != NULL && JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    errors = vitrine_json_array (json_node_get_object (json_parser_get_root (parser)), "errors");
  else if (response->status >= 400)
    {
      g_propagate_error (error, error_from_response (response));
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
