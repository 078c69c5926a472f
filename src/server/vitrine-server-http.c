/* vitrine-server-http.c — the local hub's HTTP front
 *
 * Requests are read by libsoup on the main thread.  Once a request's
 * headers are in, it is routed (the table is in vitrine-routes.c) and its
 * caller authenticated, and the checks its route asks for (a valid token,
 * a signed-in caller, access to the repository, a body within bounds) are
 * made: a request that fails them is answered before a byte of its body
 * is read (vitrine-server-stream.c refuses large bodies without reading
 * them).  The body is then read the way the route wants: streamed bodies
 * (uploads) are read by a worker of their own, off the main thread
 * (vitrine-server-stream.c), other bodies are collected up to a bound.
 * Each request is answered in a worker thread (git work can take time),
 * and the answer goes back through the main thread; file downloads
 * stream from disk a chunk at a time.
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

#include "vitrine-routes-private.h"
#include "vitrine-server-private.h"

#define DOWNLOAD_CHUNK (1024 * 1024)
#define LARGE_REQUEST  (1024 * 1024)

/* ---- Routing --------------------------------------------------------- */

static gboolean
method_allowed (const char *methods,
                const char *method)
{
  gsize len = strlen (method);

  if (methods == NULL)
    return TRUE;
  for (const char *m = methods; *m != '\0';)
    {
      gsize n = strcspn (m, " ");

      if (n == len && strncmp (m, method, len) == 0)
        return TRUE;
      m += n;
      m += strspn (m, " ");
    }
  return FALSE;
}

static gboolean
is_token (const char *token,
          gsize       len,
          const char *what)
{
  return strlen (what) == len && strncmp (token, what, len) == 0;
}

typedef enum
{
  NO_MATCH,
  MATCH,
  SHORT,        /* all but a final "+", which had nothing left */
} Match;

/* Matches @pattern (see VitrineRoute) against the request's segments,
 * filling in what it names. */
static Match
match_pattern (VitrineRequest *req,
               const char     *pattern)
{
  const char *p = pattern + (*pattern == '/');
  guint i = 0;

  req->type = VITRINE_REPO_TYPE_MODEL;
  req->tail = req->n_segments;
  g_clear_pointer (&req->ns, g_free);
  g_clear_pointer (&req->name, g_free);

  for (;;)
    {
      const char *slash = strchr (p, '/');
      gsize len = slash != NULL ? (gsize) (slash - p) : strlen (p);
      const char *segment = i < req->n_segments ? req->segments[i] : NULL;

      if (is_token (p, len, "**") || is_token (p, len, "+"))
        {
          req->tail = MIN (req->tail, i);
          return i < req->n_segments || *p == '*' ? MATCH : SHORT;
        }
      if (is_token (p, len, "{site}"))
        {
          if (segment != NULL && (g_str_equal (segment, "datasets") || g_str_equal (segment, "spaces")))
            {
              vitrine_repo_type_from_string (segment, &req->type);
              i++;
            }
        }
      else if (segment == NULL)
        return NO_MATCH;
      else
        {
          if (is_token (p, len, "{type}"))
            {
              if (!g_str_equal (segment, "models") && !g_str_equal (segment, "datasets") &&
                  !g_str_equal (segment, "spaces"))
                return NO_MATCH;
              vitrine_repo_type_from_string (segment, &req->type);
            }
          else if (is_token (p, len, "{ns}"))
            req->ns = g_strdup (segment);
          else if (is_token (p, len, "{name}"))
            req->name = g_strdup (segment);
          else if (is_token (p, len, "{name}.git"))
            {
              if (!g_str_has_suffix (segment, ".git"))
                return NO_MATCH;
              req->name = g_strndup (segment, strlen (segment) - 4);
            }
          else if (is_token (p, len, "*"))
            req->tail = MIN (req->tail, i);
          else if (!is_token (p, len, segment))
            return NO_MATCH;
          i++;
        }
      if (slash == NULL)
        return i == req->n_segments ? MATCH : NO_MATCH;
      p = slash + 1;
    }
}

/* Walks the route table: sets req->route (NULL when no row answers). */
static void
route_request (VitrineRequest *req)
{
  for (guint r = 0; r < vitrine_n_routes; r++)
    {
      const VitrineRoute *route = &vitrine_routes[r];
      Match match = match_pattern (req, route->pattern);

      if (match == NO_MATCH)
        continue;
      if (match == MATCH && method_allowed (route->methods, req->method))
        {
          req->route = route;
          req->basic_auth = route->basic_auth;
          return;
        }
      if (match == MATCH && route->wrong_method != NULL)
        {
          req->route = route;
          req->basic_auth = route->basic_auth;
          req->wrong_method = TRUE;
          return;
        }
      /* The same repository through another row: a path that names a
       * route that writes needs write access, whatever the method, and
       * even when it is too short for that route. */
      if (route->access == VITRINE_ACCESS_REPO_WRITE)
        req->need_write = TRUE;
    }
  req->route = NULL;
}

/* In a worker thread. */
static void
run_route (VitrineRequest *req)
{
  if (req->server->faults != NULL)
    {
      vitrine_faults_hold (req->server->faults, req);
      vitrine_faults_delay (req->server->faults, req);
    }
  req->route->handler (req);
}

/* ---- Bodies ---------------------------------------------------------- */

typedef struct
{
  GByteArray *data;
  gsize       limit;
  gboolean    too_large;
} Collector;

static void
collector_free (Collector *c)
{
  g_byte_array_unref (c->data);
  g_free (c);
}

static void
collector_got_chunk_cb (SoupServerMessage *msg,
                        GBytes            *chunk,
                        Collector         *c)
{
  gsize len = g_bytes_get_size (chunk);

  if (c->too_large || c->data->len + len > c->limit)
    {
      c->too_large = TRUE;
      return;
    }
  g_byte_array_append (c->data, g_bytes_get_data (chunk, NULL), len);
}

/* ---- Streaming a file out -------------------------------------------- */

typedef struct
{
  int      fd;
  guint64  offset;
  guint64  remaining;
} Download;

static void
download_free (Download *dl)
{
  if (dl->fd >= 0)
    close (dl->fd);
  g_free (dl);
}

static void
download_next_chunk (SoupServerMessage *msg,
                     Download          *dl)
{
  SoupMessageBody *body = soup_server_message_get_response_body (msg);
  gsize want;
  guint8 *buf;
  ssize_t n;

  if (dl->remaining == 0)
    {
      soup_message_body_complete (body);
      return;
    }
  want = MIN (dl->remaining, DOWNLOAD_CHUNK);
  buf = g_malloc (want);
  do
    n = pread (dl->fd, buf, want, dl->offset);
  while (n < 0 && errno == EINTR);
  if (n <= 0)
    {
      g_free (buf);
      /* The file shrank or vanished: end the connection short. */
      soup_message_body_complete (body);
      return;
    }
  dl->offset += n;
  dl->remaining -= n;
  soup_message_body_append (body, SOUP_MEMORY_TAKE, buf, n);
}

static void
download_wrote_chunk_cb (SoupServerMessage *msg,
                         gpointer           user_data)
{
  download_next_chunk (msg, user_data);
  soup_server_message_unpause (msg);
}

void
_vitrine_server_apply_answer (SoupServerMessage *msg,
                              VitrineRequest    *req)
{
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (msg);

  for (guint i = 0; i + 1 < req->headers->len; i += 2)
    soup_message_headers_append (headers,
                                 g_ptr_array_index (req->headers, i),
                                 g_ptr_array_index (req->headers, i + 1));
  soup_server_message_set_status (msg, req->status != 0 ? req->status : 500, NULL);

  if (req->file_path != NULL)
    {
      Download *dl = g_new0 (Download, 1);

      soup_message_headers_set_content_length (headers, req->file_length);
      if (soup_server_message_get_method (msg) == SOUP_METHOD_HEAD)
        {
          g_free (dl);
          return;
        }
      dl->fd = open (req->file_path, O_RDONLY | O_CLOEXEC);
      dl->offset = req->file_offset;
      dl->remaining = req->file_length;
      if (dl->fd < 0)
        {
          download_free (dl);
          vitrine_server_reply_error (msg, SOUP_STATUS_INTERNAL_SERVER_ERROR, NULL,
                                      "The file could not be read");
          return;
        }
      posix_fadvise (dl->fd, dl->offset, dl->remaining, POSIX_FADV_SEQUENTIAL);
      soup_message_headers_set_encoding (headers, SOUP_ENCODING_CONTENT_LENGTH);
      soup_message_body_set_accumulate (soup_server_message_get_response_body (msg), FALSE);
      g_object_set_data_full (G_OBJECT (msg), "vitrine-download", dl, (GDestroyNotify) download_free);
      g_signal_connect (msg, "wrote-chunk", G_CALLBACK (download_wrote_chunk_cb), dl);
      download_next_chunk (msg, dl);
      return;
    }

  if (req->resp_body != NULL)
    {
      gsize len;
      const char *data = g_bytes_get_data (req->resp_body, &len);

      soup_server_message_set_response (msg, req->resp_type, SOUP_MEMORY_COPY, data, len);
      if (soup_server_message_get_method (msg) == SOUP_METHOD_HEAD)
        soup_message_headers_set_content_length (headers, len);
    }
}

/* Who is calling: a token as `Authorization: Bearer TOKEN`, or as the
 * password of `Authorization: Basic` (git's way), whatever the user name. */
static void
authenticate (VitrineRequest     *req,
              SoupMessageHeaders *headers)
{
  const char *auth = soup_message_headers_get_one (headers, "Authorization");
  g_autofree char *token = NULL;

  /* Signed URLs carry their own credentials: no token is read for them. */
  if (auth == NULL || (req->route != NULL && req->route->access == VITRINE_ACCESS_SIGNED))
    return;
  if (g_ascii_strncasecmp (auth, "Bearer ", 7) == 0)
    token = g_strdup (auth + 7);
  else if (g_ascii_strncasecmp (auth, "Basic ", 6) == 0 && strlen (auth) < 1024)
    {
      gsize len = 0;
      g_autofree guchar *decoded = g_base64_decode (auth + 6, &len);
      g_autofree char *text = decoded != NULL ? g_strndup ((const char *) decoded, len) : NULL;
      const char *colon = text != NULL ? strchr (text, ':') : NULL;

      if (colon != NULL && strlen (text) == len)
        token = g_strdup (colon + 1);
    }
  if (token != NULL)
    g_strstrip (token);
  req->caller = token != NULL ? vitrine_accounts_authenticate (req->data_dir, token) : NULL;
  req->bad_token = req->caller == NULL;
}

static guint64
body_limit (const VitrineRoute *route)
{
  if (route != NULL && route->body == VITRINE_BODY_NDJSON)
    return MAX_COMMIT_BODY;
  if (route != NULL && route->body == VITRINE_BODY_STREAM)
    return G_MAXUINT64;
  return MAX_JSON_BODY;
}

/* The checks a request must pass before its body is read: FALSE when it
 * is answered already.  In the main thread. */
static gboolean
check_before_body (VitrineServer  *self,
                   VitrineRequest *req)
{
  const VitrineRoute *route = req->route;

  if (self->faults != NULL && vitrine_faults_inject_status (self->faults, req))
    return FALSE;
  if (req->bad_token)
    {
      vitrine_request_error (req, 401, NULL, "Invalid credentials in Authorization header");
      return FALSE;
    }
  if (route == NULL)
    {
      vitrine_route_not_found (req);
      return FALSE;
    }
  if (req->wrong_method)
    {
      vitrine_request_error (req, 405, NULL, route->wrong_method);
      return FALSE;
    }
  if (route->access == VITRINE_ACCESS_USER && req->caller == NULL)
    {
      vitrine_request_error (req, 401, NULL, "You must be signed in: send a token.");
      return FALSE;
    }
  if (route->access == VITRINE_ACCESS_REPO_READ || route->access == VITRINE_ACCESS_REPO_WRITE)
    {
      g_assert (req->ns != NULL && req->name != NULL);
      req->repo = vitrine_route_open_repo (req, req->type, req->ns, req->name,
                                           route->access == VITRINE_ACCESS_REPO_WRITE || req->need_write);
      if (req->repo == NULL)
        return FALSE;
    }
  if (req->content_length > 0 && (guint64) req->content_length > body_limit (route))
    {
      vitrine_request_error (req, 413, NULL, "Request body too large");
      return FALSE;
    }
  if (route->check != NULL)
    {
      route->check (req);
      if (req->status != 0)
        return FALSE;
    }
  return TRUE;
}

/* Answers @req before its body: small bodies (or none) are left for
 * libsoup to read and drop, and a client that waits for "100 Continue"
 * gets the answer instead and sends nothing; larger bodies are not read
 * at all (vitrine-server-stream.c). */
static void
answer_before_body (VitrineServer     *self,
                    SoupServerMessage *msg,
                    VitrineRequest    *req,
                    VitrineConn       *conn)
{
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);
  gboolean chunked = soup_message_headers_get_encoding (headers) == SOUP_ENCODING_CHUNKED;
  gboolean expect = (soup_message_headers_get_expectations (headers) & SOUP_EXPECTATION_CONTINUE) != 0;

  if (conn != NULL && (chunked || req->content_length > SMALL_BODY) && !expect)
    {
      g_object_steal_data (G_OBJECT (msg), "vitrine-request");
      _vitrine_stream_refuse (self, msg, req, conn);
      return;
    }
  _vitrine_server_apply_answer (msg, req);
}

/* Once the headers are in: route, authenticate and check the request,
 * then read its body the way the route wants, or refuse it unread. */
static void
got_headers_cb (SoupServerMessage *msg,
                VitrineServer     *self)
{
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);
  VitrineConn *conn = g_object_get_data (G_OBJECT (msg), "vitrine-conn");
  VitrineRequest *req = vitrine_request_new (self, msg);
  const VitrineRoute *route;
  Collector *c;

  g_object_set_data_full (G_OBJECT (msg), "vitrine-request", req, (GDestroyNotify) vitrine_request_free);
  /* Bodies are never held by libsoup: collected below, or dropped. */
  soup_message_body_set_accumulate (soup_server_message_get_request_body (msg), FALSE);
  route_request (req);
  authenticate (req, headers);
  route = req->route;

  if (!check_before_body (self, req))
    {
      answer_before_body (self, msg, req, conn);
      return;
    }

  if (route->body == VITRINE_BODY_STREAM)
    {
      if (conn == NULL)
        {
          vitrine_request_error (req, 500, NULL, "Unknown connection");
          _vitrine_server_apply_answer (msg, req);
          return;
        }
      g_object_steal_data (G_OBJECT (msg), "vitrine-request");
      _vitrine_stream_take (self, msg, req, conn);
      return;
    }

  if (route->body == VITRINE_BODY_NONE)
    return;
  c = g_new0 (Collector, 1);
  c->data = g_byte_array_new ();
  c->limit = body_limit (route);
  g_signal_connect (msg, "got-chunk", G_CALLBACK (collector_got_chunk_cb), c);
  g_object_set_data_full (G_OBJECT (msg), "vitrine-body", c, (GDestroyNotify) collector_free);
}

static void
request_started_cb (SoupServer        *soup,
                    SoupServerMessage *msg,
                    VitrineServer     *self)
{
  VitrineConn *conn = _vitrine_conn_for_message (self, msg);

  /* One request a connection (see vitrine-server-conn.c). */
  soup_message_headers_replace (soup_server_message_get_response_headers (msg), "Connection", "close");
  if (conn != NULL)
    {
      _vitrine_conn_track (msg, conn);
      _vitrine_conn_unref (conn);
    }
  g_signal_connect (msg, "got-headers", G_CALLBACK (got_headers_cb), self);
}

/* ---- Dispatch -------------------------------------------------------- */

typedef struct
{
  SoupServerMessage *msg;
  VitrineRequest    *req;
} Job;

static gboolean
job_done_cb (gpointer user_data)
{
  Job *job = user_data;
  VitrineFaults *faults = job->req->server->faults;
  gboolean large;

  g_atomic_int_dec_and_test (&job->req->server->jobs);
  _vitrine_server_apply_answer (job->msg, job->req);
  soup_server_message_unpause (job->msg);
  if (faults != NULL)
    vitrine_faults_note_answer (faults, job->req);
  g_object_unref (job->msg);
  /* A large body or answer (an LFS batch of 100,000 objects) leaves
   * hundreds of megabytes free in the allocator's arenas: give them back
   * to the system. */
  large = (job->req->body != NULL && g_bytes_get_size (job->req->body) > LARGE_REQUEST) ||
          (job->req->resp_body != NULL && g_bytes_get_size (job->req->resp_body) > LARGE_REQUEST);
  vitrine_request_free (job->req);
  g_free (job);
  if (large)
    vitrine_server_trim_memory ();
  return G_SOURCE_REMOVE;
}

static void
job_run (gpointer data,
         gpointer user_data)
{
  Job *job = data;

  run_route (job->req);
  g_idle_add_full (G_PRIORITY_DEFAULT, job_done_cb, job, NULL);
}

/* Once the body is in: answer in a worker thread. */
static void
main_handler_cb (SoupServer        *soup,
                 SoupServerMessage *msg,
                 const char        *path,
                 GHashTable        *query,
                 gpointer           user_data)
{
  VitrineServer *self = user_data;
  Collector *c = g_object_get_data (G_OBJECT (msg), "vitrine-body");
  VitrineRequest *req;
  Job *job;

  /* Answered already, before its body. */
  if (soup_server_message_get_status (msg) != 0)
    return;
  req = g_object_steal_data (G_OBJECT (msg), "vitrine-request");
  g_assert (req != NULL);

  if (c != NULL)
    {
      req->body_too_large = c->too_large;
      req->body = g_bytes_new (c->data->data, c->data->len);
    }

  job = g_new0 (Job, 1);
  job->msg = g_object_ref (msg);
  job->req = req;
  soup_server_message_pause (msg);
  g_atomic_int_inc (&self->jobs);
  g_thread_pool_push (self->pool, job, NULL);
}

/* ---- Setting up and tearing down ------------------------------------- */

void
_vitrine_server_http_init (VitrineServer *self)
{
  self->soup = soup_server_new ("server-header", "vitrine-hub/" PACKAGE_VERSION " ", NULL);
  g_signal_connect (self->soup, "request-started", G_CALLBACK (request_started_cb), self);
  soup_server_add_handler (self->soup, NULL, main_handler_cb, self, NULL);
  self->pool = g_thread_pool_new (job_run, self, 8, FALSE, NULL);
  _vitrine_conn_init (self);
  _vitrine_stream_init (self);
}

void
_vitrine_server_http_finish (VitrineServer *self)
{
  _vitrine_conn_finish (self);
  _vitrine_stream_finish (self);
  if (self->pool != NULL)
    g_thread_pool_free (self->pool, FALSE, TRUE);
  self->pool = NULL;
  /* Answers of jobs that finished meanwhile. */
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
  if (self->soup != NULL)
    soup_server_disconnect (self->soup);
  g_clear_object (&self->soup);
}
