/* vitrine-client.c — one client for the Hub, the local hub and any
 * Hub-compatible endpoint: the session, requests and retries
 *
 * Every call has a blocking form, for worker threads (libsoup 3.2 sends
 * from any thread), and the application's calls have _async/_finish forms
 * on top (vitrine-client-async.c).  The calls themselves live beside this
 * file, one file per part of the API: repositories, files, history,
 * uploads and downloads, with what they share in vitrine-client-calls.c.
 *
 * Every request, plain or streamed, goes through one loop here: answers
 * 408, 429 and 5xx are retried with backoff, honouring Retry-After;
 * connection errors too for requests that can be repeated safely.
 * Redirects are followed by hand, so Authorization is never sent to
 * another origin than the endpoint's.
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>
#include <libsoup/soup.h>

#include "vitrine-client-private.h"
#include "vitrine-error.h"
#include "vitrine-json.h"

#define MAX_REDIRECTS 5
/* Of an error answer to a streamed request, what is read to explain it. */
#define MAX_ERROR_BODY (64 * 1024)

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
  /* The endpoint answered that it has no compare endpoint. */
  int          lacks_compare;
};

struct _VitrineResponse
{
  guint               status;
  SoupMessageHeaders *headers;
  SoupMessageHeaders *first_headers;   /* of the first answer, before any redirect */
  GBytes             *body;
  GInputStream       *stream;
};

G_DEFINE_FINAL_TYPE (VitrineClient, vitrine_client, G_TYPE_OBJECT)

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

/* Whether the endpoint was seen to lack the compare endpoint, which is
 * then computed from two tree listings (vitrine-client-compare.c). */
gboolean
_vitrine_client_lacks_compare (VitrineClient *self)
{
  return g_atomic_int_get (&self->lacks_compare) != 0;
}

void
_vitrine_client_set_lacks_compare (VitrineClient *self)
{
  g_atomic_int_set (&self->lacks_compare, 1);
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

/**
 * vitrine_client_dup_token:
 *
 * The client's token, for a process the user agreed to hand it to (a
 * Space of theirs run on this computer gets it as HF_TOKEN).  Clear it
 * with memset() once given.
 *
 * Returns: (transfer full) (nullable): the token
 */
char *
vitrine_client_dup_token (VitrineClient *self)
{
  g_return_val_if_fail (VITRINE_IS_CLIENT (self), NULL);
  return g_strdup (self->token);
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

/**
 * vitrine_client_ping:
 *
 * Asks the endpoint once, without the token and without retrying, whether
 * it answers HTTP at all; any answer will do.  Blocking.
 *
 * Returns: whether an answer came
 */
gboolean
vitrine_client_ping (VitrineClient  *self,
                     GCancellable   *cancellable,
                     GError        **error)
{
  VitrineRequest request = {
    .method = "GET",
    .url = "/api/whoami-v2",
    .flags = VITRINE_REQUEST_NO_AUTH | VITRINE_REQUEST_NO_RETRY,
  };
  g_autoptr(VitrineResponse) response = NULL;

  g_return_val_if_fail (VITRINE_IS_CLIENT (self), FALSE);

  response = _vitrine_client_request (self, &request, cancellable, error);
  return response != NULL;
}

/* ---- The request loop ------------------------------------------------- */

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

static gboolean
redirect_status (guint status)
{
  return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
}

static char *
absolute_url (VitrineClient *self,
              const char    *path_or_url)
{
  if (g_str_has_prefix (path_or_url, "http://") || g_str_has_prefix (path_or_url, "https://"))
    return g_strdup (path_or_url);
  return g_strconcat (self->endpoint, path_or_url, NULL);
}

static void
set_cancelled (GError **error)
{
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CANCELLED, _("Cancelled"));
}

/* A message for one attempt at @request, to @uri. */
static SoupMessage *
new_message (VitrineClient         *self,
             const VitrineRequest  *request,
             const char            *method,
             GBytes                *body,
             GUri                  *uri,
             GError               **error)
{
  g_autoptr(SoupMessage) msg = soup_message_new_from_uri (method, uri);
  SoupMessageHeaders *headers = soup_message_get_request_headers (msg);

  soup_message_add_flags (msg, SOUP_MESSAGE_NO_REDIRECT);
  if (!(request->flags & VITRINE_REQUEST_NO_AUTH))
    authorize (self, msg, uri);
  if (request->flags & VITRINE_REQUEST_STREAM)
    soup_message_headers_replace (headers, "Accept-Encoding", "identity");
  if (request->range_start > 0)
    soup_message_headers_set_range (headers, request->range_start, -1);

  if (body != NULL)
    soup_message_set_request_body_from_bytes (msg, request->content_type, body);
  else if (request->body_func != NULL)
    {
      g_autoptr(GInputStream) stream = request->body_func (request->body_data, error);

      if (stream == NULL)
        return NULL;
      soup_message_set_request_body (msg, request->content_type, stream, request->body_length);
      /* On a reused connection that breaks, libsoup would send the
       * message again by itself, without its consumed body; a fresh
       * connection leaves the retry to us, with the body reopened. */
      soup_message_add_flags (msg, SOUP_MESSAGE_NEW_CONNECTION);
    }
  return g_steal_pointer (&msg);
}

/* Like soup_session_send_and_read(), but an answer larger than any the
 * API gives is cut off and is an error: a server cannot make the client
 * hold more than VITRINE_JSON_MAX_ANSWER bytes. */
static GBytes *
send_and_read_bounded (SoupSession   *session,
                       SoupMessage   *msg,
                       GCancellable  *cancellable,
                       GError       **error)
{
  g_autoptr(GInputStream) stream = soup_session_send (session, msg, cancellable, error);
  g_autoptr(GByteArray) data = NULL;
  guint8 buf[16384];

  if (stream == NULL)
    return NULL;
  data = g_byte_array_new ();
  for (;;)
    {
      gssize n = g_input_stream_read (stream, buf, sizeof buf, cancellable, error);

      if (n < 0)
        return NULL;
      if (n == 0)
        break;
      if (data->len + (gsize) n > VITRINE_JSON_MAX_ANSWER)
        {
          g_input_stream_close (stream, NULL, NULL);
          g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE, "Answer too large");
          return NULL;
        }
      g_byte_array_append (data, buf, n);
    }
  g_input_stream_close (stream, NULL, NULL);
  return g_byte_array_free_to_bytes (g_steal_pointer (&data));
}

static VitrineResponse *
response_new (SoupMessage         *msg,
              SoupMessageHeaders  *first_headers,
              GBytes              *body,
              GInputStream        *stream)
{
  VitrineResponse *response = g_new0 (VitrineResponse, 1);

  response->status = soup_message_get_status (msg);
  response->headers = soup_message_headers_ref (soup_message_get_response_headers (msg));
  response->first_headers = soup_message_headers_ref (first_headers != NULL ? first_headers : response->headers);
  if (stream != NULL && response->status >= 400)
    {
      /* An error: what the server says about it is all that is read. */
      response->body = g_input_stream_read_bytes (stream, MAX_ERROR_BODY, NULL, NULL);
      g_input_stream_close (stream, NULL, NULL);
    }
  else if (stream != NULL)
    response->stream = g_object_ref (stream);
  else
    response->body = g_bytes_ref (body);
  if (response->body == NULL)
    response->body = g_bytes_new (NULL, 0);
  return response;
}

/**
 * _vitrine_client_request:
 *
 * Sends one request, plain or streamed, with retries and redirects.  The
 * answer may be an HTTP error: callers check the status.  With
 * %VITRINE_REQUEST_STREAM, a successful answer's body is left to read
 * from _vitrine_response_get_stream().
 *
 * Returns: (transfer full): the answer, or %NULL when no answer came
 */
VitrineResponse *
_vitrine_client_request (VitrineClient         *self,
                         const VitrineRequest  *request,
                         GCancellable          *cancellable,
                         GError               **error)
{
  g_autofree char *url = absolute_url (self, request->url);
  g_autoptr(SoupMessageHeaders) first_headers = NULL;
  const char *method = request->method;
  GBytes *body = request->body;
  gboolean stream = (request->flags & VITRINE_REQUEST_STREAM) != 0;
  gboolean may_retry = !(request->flags & VITRINE_REQUEST_NO_RETRY);
  guint own_attempt = 0;
  guint *attempt = request->attempt != NULL ? request->attempt : &own_attempt;
  guint redirects = 0;

  for (;;)
    {
      g_autoptr(GUri) uri = g_uri_parse (url, SOUP_HTTP_URI_FLAGS, NULL);
      g_autoptr(SoupMessage) msg = NULL;
      g_autoptr(GBytes) answer = NULL;
      g_autoptr(GInputStream) answer_stream = NULL;
      g_autoptr(GError) local_error = NULL;
      SoupMessageHeaders *headers;
      guint status;

      if (uri == NULL)
        {
          g_set_error (error, VITRINE_ERROR, VITRINE_ERROR_INVALID_ARGUMENT,
                       _("“%s” is not a valid address."), url);
          return NULL;
        }
      msg = new_message (self, request, method, body, uri, error);
      if (msg == NULL)
        return NULL;

      if (stream)
        answer_stream = soup_session_send (self->session, msg, cancellable, &local_error);
      else
        answer = send_and_read_bounded (self->session, msg, cancellable, &local_error);

      if (answer == NULL && answer_stream == NULL)
        {
          if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE))
            {
              _vitrine_client_set_protocol_error (error);
              return NULL;
            }
          if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
              g_cancellable_is_cancelled (cancellable))
            {
              set_cancelled (error);
              return NULL;
            }
          if ((request->flags & VITRINE_REQUEST_IDEMPOTENT) && may_retry && *attempt < self->max_retries)
            {
              g_debug ("%s %s: %s; retrying", method, g_uri_get_path (uri), local_error->message);
              if (!wait_cancellable (retry_delay (self, (*attempt)++, NULL), cancellable, error))
                return NULL;
              continue;
            }
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_CONNECTION_REFUSED,
                       _("Could not reach %s: %s"), g_uri_get_host (uri), local_error->message);
          return NULL;
        }
      status = soup_message_get_status (msg);
      headers = soup_message_get_response_headers (msg);

      /* Redirects: relative or absolute, without credentials elsewhere.
       * A streamed body cannot be sent twice. */
      if (redirect_status (status) && request->body_func == NULL && redirects < MAX_REDIRECTS)
        {
          g_autoptr(GUri) next = redirect_target (msg, uri);

          if (next != NULL)
            {
              if (first_headers == NULL)
                first_headers = soup_message_headers_ref (headers);
              if (answer_stream != NULL)
                g_input_stream_close (answer_stream, NULL, NULL);
              g_free (url);
              url = g_uri_to_string (next);
              if (status == 303)
                method = "GET", body = NULL;
              redirects++;
              continue;
            }
        }

      if (retryable_status (status) && may_retry && *attempt < self->max_retries)
        {
          guint delay = retry_delay (self, (*attempt)++, headers);

          g_debug ("%s %s: %u; retrying in %u ms", method, g_uri_get_path (uri), status, delay);
          if (answer_stream != NULL)
            g_input_stream_close (answer_stream, NULL, NULL);
          if (!wait_cancellable (delay, cancellable, error))
            return NULL;
          continue;
        }

      return response_new (msg, first_headers, answer, answer_stream);
    }
}

/* Whether a request that already used @attempt retries may try again. */
gboolean
_vitrine_client_can_retry (VitrineClient *self,
                           guint          attempt)
{
  return attempt < self->max_retries;
}

/* Waits as long as the next retry should wait; FALSE when cancelled. */
gboolean
_vitrine_client_backoff (VitrineClient  *self,
                         guint          *attempt,
                         GCancellable   *cancellable,
                         GError        **error)
{
  return wait_cancellable (retry_delay (self, (*attempt)++, NULL), cancellable, error);
}

/* ---- Answers ---------------------------------------------------------- */

guint
_vitrine_response_get_status (VitrineResponse *response)
{
  return response->status;
}

const char *
_vitrine_response_get_header (VitrineResponse *response,
                              const char      *name)
{
  return soup_message_headers_get_one (response->headers, name);
}

/* A header of the first answer, the endpoint's own before any redirect. */
const char *
_vitrine_response_get_first_header (VitrineResponse *response,
                                    const char      *name)
{
  return soup_message_headers_get_one (response->first_headers, name);
}

goffset
_vitrine_response_get_content_length (VitrineResponse *response)
{
  return soup_message_headers_get_content_length (response->headers);
}

GBytes *
_vitrine_response_get_body (VitrineResponse *response)
{
  return response->body;
}

GInputStream *
_vitrine_response_get_stream (VitrineResponse *response)
{
  return response->stream;
}

/* The next page of a `Link: <url>; rel="next"` header, or NULL. */
char *
_vitrine_response_dup_next_link (VitrineResponse *response)
{
  const char *link = soup_message_headers_get_list (response->headers, "Link");
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

/* The error an HTTP error answer stands for. */
GError *
_vitrine_response_to_error (VitrineResponse *response)
{
  return vitrine_error_new_from_response (response->status,
                                          soup_message_headers_get_one (response->headers, "X-Error-Code"),
                                          soup_message_headers_get_one (response->headers, "X-Error-Message"),
                                          soup_message_headers_get_content_type (response->headers, NULL),
                                          response->body);
}

void
_vitrine_response_free (VitrineResponse *response)
{
  if (response == NULL)
    return;
  g_clear_pointer (&response->headers, soup_message_headers_unref);
  g_clear_pointer (&response->first_headers, soup_message_headers_unref);
  g_clear_pointer (&response->body, g_bytes_unref);
  g_clear_object (&response->stream);
  g_free (response);
}
