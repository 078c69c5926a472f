/* vitrine-server.c — the local hub's HTTP front
 *
 * Requests are read by libsoup on the main thread.  Bodies never pile up
 * in memory beyond their route's bound: large-file uploads stream to disk
 * as they arrive, hashed on the way, and other bodies are collected up to
 * a limit.  Each request is then answered in a worker thread (git work can
 * take time), and the answer goes back through the main thread; file
 * downloads stream from disk a chunk at a time.
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <fcntl.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <gnutls/crypto.h>
#include <json-glib/json-glib.h>

#include "vitrine-error.h"
#include "vitrine-hash.h"
#include "vitrine-server-private.h"

#define DOWNLOAD_CHUNK (1024 * 1024)

struct _VitrineServer
{
  GObject     parent_instance;

  char       *data_dir;
  char       *lfs_dir;
  char       *tmp_dir;
  guint8      secret[32];
  SoupServer *soup;
  char       *url;
  guint       port;
  GThreadPool *pool;
  int         lock_fd;

  /* Faults to inject, for tests only (VITRINE_HUB_FAULTS). */
  guint64     drop_upload_after;
  int         drop_upload_count;
  GPtrArray  *status_faults;
};

typedef struct
{
  guint  status;
  char  *path_part;
  int    count;
  char  *retry_after;
} StatusFault;

static void
status_fault_free (StatusFault *fault)
{
  g_free (fault->path_part);
  g_free (fault->retry_after);
  g_free (fault);
}

/* VITRINE_HUB_FAULTS, for tests: rules separated by ";",
 *   drop-upload:BYTES:COUNT            cut the next COUNT uploads after BYTES
 *   status:CODE:PATH_PART:COUNT[:SECS] answer CODE (Retry-After SECS) to the
 *                                      next COUNT requests whose path holds PATH_PART
 */
static void
parse_faults (VitrineServer *self,
              const char    *spec)
{
  g_auto(GStrv) rules = g_strsplit (spec, ";", 32);

  for (guint i = 0; rules[i] != NULL; i++)
    {
      g_auto(GStrv) f = g_strsplit (rules[i], ":", 6);
      guint n = g_strv_length (f);

      if (n == 3 && g_str_equal (f[0], "drop-upload"))
        {
          self->drop_upload_after = g_ascii_strtoull (f[1], NULL, 10);
          self->drop_upload_count = atoi (f[2]);
        }
      else if ((n == 4 || n == 5) && g_str_equal (f[0], "status"))
        {
          StatusFault *fault = g_new0 (StatusFault, 1);

          fault->status = atoi (f[1]);
          fault->path_part = g_strdup (f[2]);
          fault->count = atoi (f[3]);
          fault->retry_after = n == 5 ? g_strdup (f[4]) : NULL;
          g_ptr_array_add (self->status_faults, fault);
        }
      else if (*rules[i] != '\0')
        g_warning ("Unknown fault rule: %s", rules[i]);
    }
  g_message ("Injecting faults: %s", spec);
}

/* Whether to answer this request with an injected error. */
static gboolean
inject_status (VitrineServer     *self,
               SoupServerMessage *msg,
               const char        *path)
{
  for (guint i = 0; i < self->status_faults->len; i++)
    {
      StatusFault *fault = g_ptr_array_index (self->status_faults, i);

      if (fault->count > 0 && strstr (path, fault->path_part) != NULL)
        {
          fault->count--;
          if (fault->retry_after != NULL)
            soup_message_headers_replace (soup_server_message_get_response_headers (msg),
                                          "Retry-After", fault->retry_after);
          vitrine_server_reply_error (msg, fault->status, NULL, "Injected fault");
          return TRUE;
        }
    }
  return FALSE;
}

enum {
  PROP_0,
  PROP_DATA_DIR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (VitrineServer, vitrine_server, G_TYPE_OBJECT)

/* ---- Answers ---------------------------------------------------------- */

/* The Hub's error body: {"error": message}. */
static char *
error_json (const char *message)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "error");
  json_builder_add_string_value (builder, message);
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
  if (status == SOUP_STATUS_UNAUTHORIZED)
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
 * vitrine_request_parse_json:
 *
 * Returns: (transfer full) (nullable): the body as JSON; on failure the
 *   request is already answered with 400 or 413
 */
JsonNode *
vitrine_request_parse_json (VitrineRequest *req)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  const char *data;
  gsize len;

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
  if (!json_parser_load_from_data (parser, data, len, &error))
    {
      g_autofree char *message = g_strdup_printf ("Invalid JSON body: %s", error->message);
      vitrine_request_error (req, 400, NULL, message);
      return NULL;
    }
  if (json_parser_get_root (parser) == NULL)
    {
      vitrine_request_error (req, 400, NULL, "Expected a JSON body");
      return NULL;
    }
  return json_node_ref (json_parser_get_root (parser));
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

static void
vitrine_request_free (VitrineRequest *req)
{
  g_free (req->method);
  g_free (req->path);
  g_strfreev (req->segments);
  g_ptr_array_unref (req->query);
  g_free (req->raw_query);
  g_clear_pointer (&req->body, g_bytes_unref);
  g_free (req->content_type);
  g_free (req->authorization);
  g_free (req->range);
  g_free (req->base_url);
  vitrine_caller_free (req->caller);
  g_ptr_array_unref (req->headers);
  g_free (req->resp_type);
  g_clear_pointer (&req->resp_body, g_bytes_unref);
  g_free (req->file_path);
  g_clear_object (&req->server);
  g_free (req);
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

/* ---- Bodies ----------------------------------------------------------- */

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

/* A large-file upload being received: bytes go to disk as they come. */
typedef struct
{
  VitrineServer *server;
  int            fd;
  char          *tmp_path;
  char          *final_path;    /* the object, or the part marker */
  char          *oid;
  guint64        expected;
  guint64        offset;        /* where in the file this upload writes */
  guint64        received;
  VitrineSha256 *sha;           /* basic uploads only */
  gboolean       failed;
  gboolean       done;
  gboolean       drop;
  int            errsv;
  SoupServerMessage *msg;
  /* libsoup hands bodies over 8 KiB at a time: they are gathered here and
   * written (and hashed) a megabyte at a time. */
  guint8        *buffer;
  gsize          buffered;
  guint64        written;
} Upload;

#define UPLOAD_BUFFER (1024 * 1024)

static void
upload_free (Upload *up)
{
  if (up->fd >= 0)
    close (up->fd);
  /* An upload that did not finish leaves nothing behind. */
  if (!up->done && up->sha != NULL && up->tmp_path != NULL)
    g_unlink (up->tmp_path);
  g_free (up->tmp_path);
  g_free (up->final_path);
  g_free (up->oid);
  g_free (up->buffer);
  vitrine_sha256_free (up->sha);
  g_free (up);
}

/* Writes (and hashes) what is gathered.  FALSE on a write error. */
static gboolean
upload_flush (Upload *up)
{
  const guint8 *data = up->buffer;
  gsize len = up->buffered;

  if (up->sha != NULL && len > 0)
    vitrine_sha256_update (up->sha, data, len);
  while (len > 0)
    {
      ssize_t n = pwrite (up->fd, data, len, up->offset + up->written);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        {
          up->errsv = errno;
          up->failed = TRUE;
          return FALSE;
        }
      data += n;
      len -= n;
      up->written += n;
    }
  up->buffered = 0;
  return TRUE;
}

static void
upload_got_chunk_cb (SoupServerMessage *msg,
                     GBytes            *chunk,
                     Upload            *up)
{
  gsize len;
  const guint8 *data = g_bytes_get_data (chunk, &len);

  if (up->failed)
    return;
  if (up->received + len > up->expected)
    {
      up->failed = TRUE;
      return;
    }
  /* An injected fault: the connection breaks mid-upload. */
  if (up->drop && up->received + len >= up->server->drop_upload_after)
    {
      GSocket *socket = soup_server_message_get_socket (msg);

      up->failed = TRUE;
      up->drop = FALSE;
      if (socket != NULL)
        g_socket_shutdown (socket, TRUE, TRUE, NULL);
      return;
    }
  while (len > 0)
    {
      gsize n = MIN (len, UPLOAD_BUFFER - up->buffered);

      memcpy (up->buffer + up->buffered, data, n);
      up->buffered += n;
      up->received += n;
      data += n;
      len -= n;
      if (up->buffered == UPLOAD_BUFFER && !upload_flush (up))
        return;
    }
}

char *
vitrine_server_sign (VitrineServer *self,
                     const char    *message)
{
  return vitrine_hmac_sha256_hex (self->secret, sizeof self->secret, message);
}

static gboolean
parse_u64 (const char *text,
           guint64    *value)
{
  char *end = NULL;

  if (text == NULL || !g_ascii_isdigit (*text))
    return FALSE;
  errno = 0;
  *value = g_ascii_strtoull (text, &end, 10);
  return errno == 0 && end != NULL && *end == '\0';
}

static void
early_reply_error (SoupServerMessage *msg,
                   guint              status,
                   const char        *message)
{
  vitrine_server_reply_error (msg, status, NULL, message);
}

/**
 * vitrine_server_check_capability:
 * @kind: "upload" or "complete"
 *
 * Checks an upload URL's capability: what it may write, until when, signed
 * with the hub's secret, so it needs no Authorization header and cannot be
 * turned to another object, size, part or part size.
 */
gboolean
vitrine_server_check_capability (VitrineServer  *self,
                                 const char     *kind,
                                 const char     *oid,
                                 const char     *size_s,
                                 const char     *part_s,
                                 const char     *chunk_s,
                                 const char     *expires_s,
                                 const char     *sig,
                                 guint64        *size,
                                 guint64        *part,
                                 guint64        *chunk,
                                 const char    **why)
{
  g_autofree char *message = NULL;
  g_autofree char *expected = NULL;
  guint64 expires;

  *part = 0;
  *chunk = 0;
  if (!vitrine_is_hex (oid, 64) || !parse_u64 (size_s, size) || !parse_u64 (expires_s, &expires) ||
      (part_s != NULL && !parse_u64 (part_s, part)) ||
      (chunk_s != NULL && !parse_u64 (chunk_s, chunk)) || sig == NULL)
    {
      *why = "Invalid upload URL";
      return FALSE;
    }
  message = vitrine_server_capability_message (kind, oid, *size, expires, part_s, chunk_s);
  expected = vitrine_server_sign (self, message);
  if (!vitrine_constant_time_equal (sig, expected))
    {
      *why = "Invalid upload signature";
      return FALSE;
    }
  if ((gint64) expires < g_get_real_time () / G_USEC_PER_SEC)
    {
      *why = "This upload URL has expired; ask the batch API for a new one";
      return FALSE;
    }
  return TRUE;
}

char *
vitrine_server_capability_message (const char *kind,
                                   const char *oid,
                                   guint64     size,
                                   guint64     expires,
                                   const char *part_s,
                                   const char *chunk_s)
{
  return g_strdup_printf ("%s\n%s\n%" G_GUINT64_FORMAT "\n%" G_GUINT64_FORMAT "\n%s\n%s",
                          kind, oid, size, expires,
                          part_s != NULL ? part_s : "", chunk_s != NULL ? chunk_s : "");
}

char *
vitrine_server_multipart_path (VitrineServer *self,
                const char    *oid)
{
  g_autofree char *name = g_strconcat (oid, ".multipart", NULL);

  return g_build_filename (self->tmp_dir, name, NULL);
}

char *
vitrine_server_part_marker_path (VitrineServer *self,
                  const char    *oid,
                  guint64        part)
{
  g_autofree char *dir = g_strconcat (oid, ".parts", NULL);
  g_autofree char *name = g_strdup_printf ("%" G_GUINT64_FORMAT, part);

  return g_build_filename (self->tmp_dir, dir, name, NULL);
}

/* Called once the headers of an upload are in, before its body. */
static void
upload_early_cb (SoupServer        *soup,
                 SoupServerMessage *msg,
                 const char        *path,
                 GHashTable        *query,
                 gpointer           user_data)
{
  VitrineServer *self = user_data;
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);
  const char *oid = path + strlen ("/api/lfs-upload/");
  const char *why = NULL;
  g_autofree char *object = NULL;
  Upload *up;
  guint64 size, part, chunk, expected, offset = 0;
  goffset content_length;

  if (soup_server_message_get_method (msg) != SOUP_METHOD_PUT)
    {
      early_reply_error (msg, SOUP_STATUS_METHOD_NOT_ALLOWED, "Uploads are PUT requests");
      return;
    }
  if (inject_status (self, msg, path))
    return;
  if (query == NULL ||
      !vitrine_server_check_capability (self, "upload", oid,
                                        g_hash_table_lookup (query, "size"),
                                        g_hash_table_lookup (query, "part"),
                                        g_hash_table_lookup (query, "chunk"),
                                        g_hash_table_lookup (query, "expires"),
                                        g_hash_table_lookup (query, "sig"),
                                        &size, &part, &chunk, &why))
    {
      early_reply_error (msg, SOUP_STATUS_FORBIDDEN, why != NULL ? why : "Invalid upload URL");
      return;
    }

  if (part == 0)
    expected = size;
  else
    {
      guint64 n_parts;

      if (chunk == 0)
        {
          early_reply_error (msg, SOUP_STATUS_FORBIDDEN, "Invalid upload URL");
          return;
        }
      n_parts = (size + chunk - 1) / chunk;
      if (part > n_parts)
        {
          early_reply_error (msg, SOUP_STATUS_BAD_REQUEST, "No such part");
          return;
        }
      offset = (part - 1) * chunk;
      expected = MIN (chunk, size - offset);
    }

  content_length = soup_message_headers_get_content_length (headers);
  if (soup_message_headers_get_encoding (headers) == SOUP_ENCODING_CONTENT_LENGTH &&
      (guint64) content_length != expected)
    {
      g_autofree char *message =
        g_strdup_printf ("Expected %" G_GUINT64_FORMAT " bytes, the request announces %" G_GOFFSET_FORMAT,
                         expected, content_length);

      early_reply_error (msg, SOUP_STATUS_BAD_REQUEST, message);
      return;
    }

  /* Already stored: nothing to receive, but the body must be read. */
  object = vitrine_lfs_object_path (self->lfs_dir, oid);

  up = g_new0 (Upload, 1);
  up->server = self;
  up->fd = -1;
  up->buffer = g_malloc (UPLOAD_BUFFER);
  if (self->drop_upload_count > 0)
    {
      self->drop_upload_count--;
      up->drop = TRUE;
    }
  up->oid = g_strdup (oid);
  up->expected = expected;
  if (part == 0)
    {
      g_autofree char *name = g_strdup_printf ("%s.XXXXXX", oid);

      up->tmp_path = g_build_filename (self->tmp_dir, name, NULL);
      up->fd = g_mkstemp_full (up->tmp_path, O_RDWR | O_CLOEXEC, 0600);
      up->sha = vitrine_sha256_new ();
      up->final_path = g_steal_pointer (&object);
    }
  else
    {
      g_autofree char *marker = vitrine_server_part_marker_path (self, oid, part);
      g_autofree char *marker_dir = g_path_get_dirname (marker);

      g_mkdir_with_parents (marker_dir, 0700);
      up->tmp_path = vitrine_server_multipart_path (self, oid);
      up->fd = open (up->tmp_path, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
      up->offset = offset;
      up->final_path = g_steal_pointer (&marker);
      /* A part sent again is received again. */
      g_unlink (up->final_path);
    }
  if (up->fd < 0)
    {
      upload_free (up);
      early_reply_error (msg, SOUP_STATUS_INTERNAL_SERVER_ERROR, "Could not store the upload");
      return;
    }

  soup_message_body_set_accumulate (soup_server_message_get_request_body (msg), FALSE);
  g_signal_connect (msg, "got-chunk", G_CALLBACK (upload_got_chunk_cb), up);
  g_object_set_data_full (G_OBJECT (msg), "vitrine-upload", up, (GDestroyNotify) upload_free);
}

/* Called once an upload's body is all in. */
static void
upload_done_cb (SoupServer        *soup,
                SoupServerMessage *msg,
                const char        *path,
                GHashTable        *query,
                gpointer           user_data)
{
  Upload *up = g_object_get_data (G_OBJECT (msg), "vitrine-upload");

  if (soup_server_message_get_status (msg) != 0)
    return;
  if (up == NULL)
    {
      early_reply_error (msg, SOUP_STATUS_BAD_REQUEST, "Invalid upload");
      return;
    }
  if (!up->failed && !upload_flush (up))
    up->failed = TRUE;
  if (up->failed || up->received != up->expected)
    {
      if (up->errsv != 0)
        early_reply_error (msg, SOUP_STATUS_INSUFFICIENT_STORAGE, g_strerror (up->errsv));
      else
        early_reply_error (msg, SOUP_STATUS_BAD_REQUEST,
                           "The upload does not have the size it announced");
      return;
    }

  if (up->sha != NULL)
    {
      g_autofree char *oid = vitrine_sha256_finish (up->sha);
      g_autofree char *dir = g_path_get_dirname (up->final_path);

      if (!g_str_equal (oid, up->oid))
        {
          early_reply_error (msg, SOUP_STATUS_BAD_REQUEST,
                             "The uploaded bytes do not match their sha256 oid");
          return;
        }
      /* Durable, then visible: a crash leaves no half-written object. */
      if (fsync (up->fd) != 0 || g_mkdir_with_parents (dir, 0700) != 0 ||
          g_rename (up->tmp_path, up->final_path) != 0)
        {
          early_reply_error (msg, SOUP_STATUS_INTERNAL_SERVER_ERROR, "Could not store the upload");
          return;
        }
      up->done = TRUE;
      soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
      return;
    }

  /* A part: mark it received.  The whole object is synced, and checked
   * against its sha256, when the upload completes. */
  if (!g_file_set_contents (up->final_path, "", 0, NULL))
    {
      early_reply_error (msg, SOUP_STATUS_INTERNAL_SERVER_ERROR, "Could not store the upload");
      return;
    }
  up->done = TRUE;
  {
    g_autofree char *etag = g_strdup_printf ("\"%s-%s\"", up->oid + 56,
                                             strrchr (up->final_path, '/') + 1);
    soup_message_headers_replace (soup_server_message_get_response_headers (msg), "ETag", etag);
  }
  soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
}

const char *
vitrine_server_get_lfs_dir (VitrineServer *self)
{
  return self->lfs_dir;
}

const char *
vitrine_server_get_tmp_dir (VitrineServer *self)
{
  return self->tmp_dir;
}

static void
got_headers_cb (SoupServerMessage *msg,
                VitrineServer     *self)
{
  GUri *uri = soup_server_message_get_uri (msg);
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);
  Collector *c;
  goffset length;

  if (g_str_has_prefix (g_uri_get_path (uri), "/api/lfs-upload/"))
    return;

  c = g_new0 (Collector, 1);
  c->data = g_byte_array_new ();
  c->limit = g_str_has_suffix (g_uri_get_path (uri), "/commit") ||
             strstr (g_uri_get_path (uri), "/commit/") != NULL
    ? MAX_COMMIT_BODY : MAX_JSON_BODY;

  length = soup_message_headers_get_content_length (headers);
  if (soup_message_headers_get_encoding (headers) == SOUP_ENCODING_CONTENT_LENGTH &&
      (guint64) length > c->limit)
    {
      collector_free (c);
      vitrine_server_reply_error (msg, SOUP_STATUS_REQUEST_ENTITY_TOO_LARGE, NULL,
                                  "Request body too large");
      return;
    }

  soup_message_body_set_accumulate (soup_server_message_get_request_body (msg), FALSE);
  g_signal_connect (msg, "got-chunk", G_CALLBACK (collector_got_chunk_cb), c);
  g_object_set_data_full (G_OBJECT (msg), "vitrine-body", c, (GDestroyNotify) collector_free);
}

static void
request_started_cb (SoupServer        *soup,
                    SoupServerMessage *msg,
                    VitrineServer     *self)
{
  g_signal_connect (msg, "got-headers", G_CALLBACK (got_headers_cb), self);
}

/* ---- Streaming a file out --------------------------------------------- */

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

static void
apply_answer (SoupServerMessage *msg,
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

/* ---- Dispatch --------------------------------------------------------- */

typedef struct
{
  SoupServerMessage *msg;
  VitrineRequest    *req;
} Job;

static gboolean
job_done_cb (gpointer user_data)
{
  Job *job = user_data;

  apply_answer (job->msg, job->req);
  soup_server_message_unpause (job->msg);
  g_object_unref (job->msg);
  vitrine_request_free (job->req);
  g_free (job);
  return G_SOURCE_REMOVE;
}

static void
job_run (gpointer data,
         gpointer user_data)
{
  Job *job = data;
  VitrineRequest *req = job->req;

  if (req->bad_token)
    vitrine_request_error (req, 401, NULL, "Invalid credentials in Authorization header");
  else
    vitrine_server_route (req);
  g_idle_add_full (G_PRIORITY_DEFAULT, job_done_cb, job, NULL);
}

static char *
base_url_for (SoupServerMessage *msg)
{
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);
  const char *host = soup_message_headers_get_one (headers, "Host");
  GUri *uri = soup_server_message_get_uri (msg);

  /* Only a plausible host name or address goes into URLs we hand out. */
  if (host != NULL && *host != '\0' && strlen (host) < 256 &&
      strspn (host, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-:[]") == strlen (host))
    return g_strdup_printf ("http://%s", host);
  return g_strdup_printf ("http://%s:%d", g_uri_get_host (uri), g_uri_get_port (uri));
}

static void
main_handler_cb (SoupServer        *soup,
                 SoupServerMessage *msg,
                 const char        *path,
                 GHashTable        *query,
                 gpointer           user_data)
{
  VitrineServer *self = user_data;
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);
  GUri *uri = soup_server_message_get_uri (msg);
  Collector *c = g_object_get_data (G_OBJECT (msg), "vitrine-body");
  VitrineRequest *req;
  const char *auth;
  Job *job;

  /* Answered already, before its body (too large). */
  if (soup_server_message_get_status (msg) != 0)
    return;
  if (inject_status (self, msg, path))
    return;

  req = g_new0 (VitrineRequest, 1);
  req->server = g_object_ref (self);
  req->data_dir = self->data_dir;
  req->method = g_strdup (soup_server_message_get_method (msg));
  req->path = g_strdup (path);
  req->segments = split_path (path, &req->n_segments);
  req->raw_query = g_strdup (g_uri_get_query (uri));
  req->query = parse_query (req->raw_query);
  req->headers = g_ptr_array_new_with_free_func (g_free);
  req->content_type = g_strdup (soup_message_headers_get_content_type (headers, NULL));
  req->range = g_strdup (soup_message_headers_get_one (headers, "Range"));
  req->base_url = base_url_for (msg);
  if (c != NULL)
    {
      req->body_too_large = c->too_large;
      req->body = g_bytes_new (c->data->data, c->data->len);
    }

  auth = soup_message_headers_get_one (headers, "Authorization");
  if (auth != NULL && g_ascii_strncasecmp (auth, "Bearer ", 7) == 0)
    {
      req->caller = vitrine_accounts_authenticate (self->data_dir, auth + 7);
      req->bad_token = req->caller == NULL;
    }
  else if (auth != NULL)
    req->bad_token = TRUE;

  job = g_new0 (Job, 1);
  job->msg = g_object_ref (msg);
  job->req = req;
  soup_server_message_pause (msg);
  g_thread_pool_push (self->pool, job, NULL);
}

/* ---- The object ------------------------------------------------------- */

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

static void
vitrine_server_finalize (GObject *object)
{
  VitrineServer *self = (VitrineServer *)object;

  if (self->pool != NULL)
    g_thread_pool_free (self->pool, FALSE, TRUE);
  /* Answers of jobs that finished meanwhile. */
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
  if (self->soup != NULL)
    soup_server_disconnect (self->soup);
  g_clear_object (&self->soup);
  g_clear_pointer (&self->data_dir, g_free);
  g_clear_pointer (&self->lfs_dir, g_free);
  g_clear_pointer (&self->tmp_dir, g_free);
  g_clear_pointer (&self->url, g_free);
  if (self->lock_fd >= 0)
    close (self->lock_fd);
  g_clear_pointer (&self->status_faults, g_ptr_array_unref);

  G_OBJECT_CLASS (vitrine_server_parent_class)->finalize (object);
}

static void
vitrine_server_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  VitrineServer *self = VITRINE_SERVER (object);

  switch (prop_id)
    {
    case PROP_DATA_DIR:
      g_value_set_string (value, self->data_dir);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vitrine_server_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  VitrineServer *self = VITRINE_SERVER (object);

  switch (prop_id)
    {
    case PROP_DATA_DIR:
      self->data_dir = g_value_dup_string (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vitrine_server_class_init (VitrineServerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = vitrine_server_finalize;
  object_class->get_property = vitrine_server_get_property;
  object_class->set_property = vitrine_server_set_property;

  properties[PROP_DATA_DIR] =
    g_param_spec_string ("data-dir", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
vitrine_server_init (VitrineServer *self)
{
  vitrine_store_init ();
  self->lock_fd = -1;
  self->status_faults = g_ptr_array_new_with_free_func ((GDestroyNotify) status_fault_free);

  self->soup = soup_server_new ("server-header", "vitrine-hub/" PACKAGE_VERSION " ", NULL);
  g_signal_connect (self->soup, "request-started", G_CALLBACK (request_started_cb), self);
  soup_server_add_early_handler (self->soup, "/api/lfs-upload", upload_early_cb, self, NULL);
  soup_server_add_handler (self->soup, "/api/lfs-upload", upload_done_cb, self, NULL);
  soup_server_add_handler (self->soup, NULL, main_handler_cb, self, NULL);
  self->pool = g_thread_pool_new (job_run, self, 8, FALSE, NULL);
}

VitrineServer *
vitrine_server_new (const char *data_dir)
{
  g_return_val_if_fail (data_dir != NULL, NULL);

  return g_object_new (VITRINE_TYPE_SERVER, "data-dir", data_dir, NULL);
}

const char *
vitrine_server_get_data_dir (VitrineServer *self)
{
  g_return_val_if_fail (VITRINE_IS_SERVER (self), NULL);

  return self->data_dir;
}

/* The secret that signs upload URLs, made once per data folder. */
static gboolean
load_secret (VitrineServer  *self,
             GError        **error)
{
  g_autofree char *path = g_build_filename (self->data_dir, "secret", NULL);
  g_autofree char *contents = NULL;
  gsize len;

  if (!g_file_get_contents (path, &contents, &len, NULL) || len != sizeof self->secret)
    {
      if (gnutls_rnd (GNUTLS_RND_KEY, self->secret, sizeof self->secret) < 0)
        g_error ("No random numbers");
      if (!g_file_set_contents_full (path, (const char *) self->secret, sizeof self->secret,
                                     G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                     0600, error))
        return FALSE;
      return TRUE;
    }
  memcpy (self->secret, contents, sizeof self->secret);
  return TRUE;
}

/* Single-request uploads cut short are useless once the server restarts;
 * multipart uploads keep their parts for a day, so a client can resume. */
static void
clean_tmp (const char *tmp_dir)
{
  g_autoptr(GDir) dir = g_dir_open (tmp_dir, 0, NULL);
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (tmp_dir, name, NULL);
      GStatBuf st;

      if (g_stat (path, &st) != 0)
        continue;
      if (S_ISREG (st.st_mode) &&
          (!g_str_has_suffix (name, ".multipart") || now - st.st_mtime > UPLOAD_URL_LIFETIME))
        g_unlink (path);
      else if (S_ISDIR (st.st_mode) && now - st.st_mtime > UPLOAD_URL_LIFETIME)
        {
          g_autoptr(GDir) parts = g_dir_open (path, 0, NULL);
          const char *part;

          while (parts != NULL && (part = g_dir_read_name (parts)) != NULL)
            {
              g_autofree char *part_path = g_build_filename (path, part, NULL);
              g_unlink (part_path);
            }
          g_rmdir (path);
        }
    }
}

/**
 * vitrine_server_listen:
 * @host: the address to listen on, such as `127.0.0.1`
 * @port: the port, or 0 to pick a free one
 *
 * Prepares the data folder (private to its owner) and starts listening.
 */
gboolean
vitrine_server_listen (VitrineServer  *self,
                       const char     *host,
                       guint           port,
                       GError        **error)
{
  g_autoptr(GInetAddress) inet = NULL;
  g_autoptr(GSocketAddress) address = NULL;
  GSList *uris;

  g_return_val_if_fail (VITRINE_IS_SERVER (self), FALSE);
  g_return_val_if_fail (host != NULL, FALSE);
  g_return_val_if_fail (self->url == NULL, FALSE);

  inet = g_inet_address_new_from_string (host);
  if (inet == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("“%s” is not an IP address."), host);
      return FALSE;
    }
  if (port > G_MAXUINT16)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("%u is not a valid port."), port);
      return FALSE;
    }

  self->lfs_dir = g_build_filename (self->data_dir, "lfs", "objects", NULL);
  self->tmp_dir = g_build_filename (self->data_dir, "lfs", "tmp", NULL);
  if (g_mkdir_with_parents (self->data_dir, 0700) != 0 ||
      g_mkdir_with_parents (self->lfs_dir, 0700) != 0 ||
      g_mkdir_with_parents (self->tmp_dir, 0700) != 0)
    {
      int errsv = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errsv),
                   _("Could not create the data folder “%s”: %s"),
                   self->data_dir, g_strerror (errsv));
      return FALSE;
    }
  /* One server per data folder: it alone writes to the repositories. */
  {
    g_autofree char *lock_path = g_build_filename (self->data_dir, "server.lock", NULL);

    self->lock_fd = open (lock_path, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
    if (self->lock_fd < 0 || flock (self->lock_fd, LOCK_EX | LOCK_NB) != 0)
      {
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_BUSY,
                     _("Another local hub is already serving “%s”."), self->data_dir);
        if (self->lock_fd >= 0)
          close (self->lock_fd);
        self->lock_fd = -1;
  self->status_faults = g_ptr_array_new_with_free_func ((GDestroyNotify) status_fault_free);
        return FALSE;
      }
  }
  if (!load_secret (self, error))
    return FALSE;
  clean_tmp (self->tmp_dir);
  if (g_getenv ("VITRINE_HUB_FAULTS") != NULL)
    parse_faults (self, g_getenv ("VITRINE_HUB_FAULTS"));
  vitrine_store_recover (self->data_dir);

  address = g_inet_socket_address_new (inet, port);
  if (!soup_server_listen (self->soup, address, 0, error))
    return FALSE;

  uris = soup_server_get_uris (self->soup);
  g_assert (uris != NULL);
  self->port = g_uri_get_port (uris->data);
  if (g_inet_address_get_family (inet) == G_SOCKET_FAMILY_IPV6)
    self->url = g_strdup_printf ("http://[%s]:%u", host, self->port);
  else
    self->url = g_strdup_printf ("http://%s:%u", host, self->port);
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);

  return TRUE;
}

/**
 * vitrine_server_dup_url:
 *
 * Returns: (nullable): the base URL, such as `http://127.0.0.1:41234`, once
 *   listening
 */
char *
vitrine_server_dup_url (VitrineServer *self)
{
  g_return_val_if_fail (VITRINE_IS_SERVER (self), NULL);

  return g_strdup (self->url);
}

guint
vitrine_server_get_port (VitrineServer *self)
{
  g_return_val_if_fail (VITRINE_IS_SERVER (self), 0);

  return self->port;
}
