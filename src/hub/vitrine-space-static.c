/* vitrine-space-static.c — the loopback HTTP server of a static Space
 *
 * Serves one folder on 127.0.0.1, GET and HEAD only.  A request's path is
 * decoded, refused when a segment is `..`, `.` or `.git` (a folder's
 * history is no page of it), and the file it names
 * is served only when its real path (links resolved) is inside the
 * folder's real path: no way out by `..` or by a link.  A folder serves
 * its index.html.  Responses say `Cache-Control: no-cache`, so a reload
 * shows files changed since.
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <libsoup/soup.h>

#include "vitrine-space-run-private.h"

struct _VitrineStaticServer
{
  SoupServer *server;
  char       *root;
  guint       port;
};

static const struct
{
  const char *suffix;
  const char *type;
} web_types[] = {
  { ".html", "text/html; charset=utf-8" },
  { ".htm", "text/html; charset=utf-8" },
  { ".js", "text/javascript; charset=utf-8" },
  { ".mjs", "text/javascript; charset=utf-8" },
  { ".css", "text/css; charset=utf-8" },
  { ".json", "application/json" },
  { ".wasm", "application/wasm" },
  { ".svg", "image/svg+xml" },
  { ".png", "image/png" },
  { ".jpg", "image/jpeg" },
  { ".jpeg", "image/jpeg" },
  { ".gif", "image/gif" },
  { ".webp", "image/webp" },
  { ".ico", "image/x-icon" },
  { ".txt", "text/plain; charset=utf-8" },
  { ".md", "text/markdown; charset=utf-8" },
};

static char *
content_type_for (const char   *path,
                  const guint8 *data,
                  gsize         len)
{
  g_autofree char *guessed = NULL;
  g_autofree char *lower = g_ascii_strdown (path, -1);

  for (guint i = 0; i < G_N_ELEMENTS (web_types); i++)
    if (g_str_has_suffix (lower, web_types[i].suffix))
      return g_strdup (web_types[i].type);
  guessed = g_content_type_guess (path, data, MIN (len, 4096), NULL);
  return g_content_type_get_mime_type (guessed) ?: g_strdup ("application/octet-stream");
}

/* The file @request_path names inside the root, or %NULL. */
static char *
resolve (VitrineStaticServer *self,
         const char          *request_path,
         gboolean            *is_dir)
{
  g_autofree char *decoded = g_uri_unescape_string (request_path, NULL);
  g_auto(GStrv) segments = NULL;
  g_autofree char *joined = NULL;
  g_autofree char *real = NULL;

  *is_dir = FALSE;
  if (decoded == NULL || decoded[0] != '/')
    return NULL;
  segments = g_strsplit (decoded + 1, "/", -1);
  for (guint i = 0; segments[i] != NULL; i++)
    if (g_str_equal (segments[i], "..") || g_str_equal (segments[i], ".") || g_str_equal (segments[i], ".git") ||
        strchr (segments[i], '\\') != NULL)
      return NULL;
  joined = g_build_filename (self->root, decoded + 1, NULL);
  real = realpath (joined, NULL);
  if (real == NULL)
    return NULL;
  if (!g_str_equal (real, self->root) &&
      !(g_str_has_prefix (real, self->root) && real[strlen (self->root)] == '/'))
    return NULL;
  if (g_file_test (real, G_FILE_TEST_IS_DIR))
    {
      g_autofree char *index = g_build_filename (real, "index.html", NULL);
      g_autofree char *index_real = realpath (index, NULL);

      *is_dir = TRUE;
      if (index_real == NULL || !g_str_has_prefix (index_real, self->root) ||
          index_real[strlen (self->root)] != '/')
        return NULL;
      return g_steal_pointer (&index_real);
    }
  if (!g_file_test (real, G_FILE_TEST_IS_REGULAR))
    return NULL;
  return g_steal_pointer (&real);
}

static void
handle_cb (SoupServer        *server,
           SoupServerMessage *msg,
           const char        *path,
           GHashTable        *query,
           gpointer           user_data)
{
  VitrineStaticServer *self = user_data;
  const char *method = soup_server_message_get_method (msg);
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (msg);
  g_autoptr(GMappedFile) mapped = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *file = NULL;
  g_autofree char *type = NULL;
  gboolean is_dir;

  soup_message_headers_replace (headers, "Cache-Control", "no-cache");
  soup_message_headers_replace (headers, "X-Content-Type-Options", "nosniff");
  if (!g_str_equal (method, "GET") && !g_str_equal (method, "HEAD"))
    {
      soup_message_headers_replace (headers, "Allow", "GET, HEAD");
      soup_server_message_set_status (msg, SOUP_STATUS_METHOD_NOT_ALLOWED, NULL);
      return;
    }
  file = resolve (self, g_uri_get_path (soup_server_message_get_uri (msg)), &is_dir);
  if (file != NULL && is_dir && !g_str_has_suffix (g_uri_get_path (soup_server_message_get_uri (msg)), "/"))
    {
      g_autofree char *location = g_strconcat (g_uri_get_path (soup_server_message_get_uri (msg)), "/", NULL);

      soup_server_message_set_redirect (msg, SOUP_STATUS_MOVED_PERMANENTLY, location);
      return;
    }
  if (file != NULL)
    mapped = g_mapped_file_new (file, FALSE, NULL);
  if (mapped == NULL)
    {
      static const char not_found[] = "<!DOCTYPE html><title>Not found</title><p>Not found.</p>\n";

      soup_server_message_set_status (msg, SOUP_STATUS_NOT_FOUND, NULL);
      soup_server_message_set_response (msg, "text/html; charset=utf-8", SOUP_MEMORY_STATIC,
                                        not_found, strlen (not_found));
      return;
    }
  bytes = g_mapped_file_get_bytes (mapped);
  type = content_type_for (file, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
  soup_message_headers_set_content_type (headers, type, NULL);
  soup_message_body_append_bytes (soup_server_message_get_response_body (msg), bytes);
}

/**
 * _vitrine_static_server_new:
 * @port: 0 for a free one
 *
 * Serves @root on 127.0.0.1, on the thread-default main context.
 */
VitrineStaticServer *
_vitrine_static_server_new (const char  *root,
                            guint        port,
                            GError     **error)
{
  g_autoptr(VitrineStaticServer) self = g_new0 (VitrineStaticServer, 1);
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) address = NULL;
  GSList *uris;

  self->root = realpath (root, NULL);
  if (self->root == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, "%s: %s", root, g_strerror (errno));
      return NULL;
    }
  self->server = soup_server_new ("server-header", "Vitrine ", NULL);
  soup_server_add_handler (self->server, NULL, handle_cb, self, NULL);
  address = g_inet_socket_address_new (loopback, port);
  if (!soup_server_listen (self->server, address, 0, error))
    return NULL;
  uris = soup_server_get_uris (self->server);
  if (uris != NULL)
    self->port = g_uri_get_port (uris->data);
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);
  return g_steal_pointer (&self);
}

guint
_vitrine_static_server_get_port (VitrineStaticServer *self)
{
  return self->port;
}

void
_vitrine_static_server_free (VitrineStaticServer *self)
{
  if (self == NULL)
    return;
  if (self->server != NULL)
    soup_server_disconnect (self->server);
  g_clear_object (&self->server);
  free (self->root);
  g_free (self);
}
