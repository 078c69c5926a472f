/* vitrine-routes-upload.c — the upload URLs the batch API hands out
 *
 * An upload's bytes go to disk as they arrive, hashed on the way (basic
 * uploads) or written at their place in the object (parts of multipart
 * uploads); an object becomes visible only once it is whole, synced, and
 * has the sha256 it is named by.  An upload cut short leaves nothing.
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
#include <glib/gstdio.h>

#include "vitrine-hash.h"
#include "vitrine-routes-private.h"

/* A large-file upload being received: bytes go to disk as they come. */
typedef struct
{
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
  int            errsv;
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

/* Part of the body arrived (in the main thread). */
void
vitrine_route_upload_chunk (VitrineRequest *req,
                            const guint8   *data,
                            gsize           len)
{
  Upload *up = req->stream;

  if (up->failed)
    return;
  if (up->received + len > up->expected)
    {
      up->failed = TRUE;
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

/* PUT /api/lfs-upload/{oid}: once the headers are in, before the body
 * (in the main thread).  An answer set here refuses the body. */
void
vitrine_route_upload_begin (VitrineRequest *req)
{
  VitrineServer *self = req->server;
  g_autofree char *oid = vitrine_request_join (req, req->tail);
  const char *why = NULL;
  g_autofree char *object = NULL;
  Upload *up;
  guint64 size, part, chunk, expected, offset = 0;

  if (!vitrine_lfs_check_capability (self, "upload", oid,
                                     vitrine_request_query (req, "size"),
                                     vitrine_request_query (req, "part"),
                                     vitrine_request_query (req, "chunk"),
                                     vitrine_request_query (req, "expires"),
                                     vitrine_request_query (req, "sig"),
                                     &size, &part, &chunk, &why))
    {
      vitrine_request_error (req, SOUP_STATUS_FORBIDDEN, NULL, why != NULL ? why : "Invalid upload URL");
      return;
    }

  if (part == 0)
    expected = size;
  else
    {
      guint64 n_parts;

      if (chunk == 0)
        {
          vitrine_request_error (req, SOUP_STATUS_FORBIDDEN, NULL, "Invalid upload URL");
          return;
        }
      n_parts = (size + chunk - 1) / chunk;
      if (part > n_parts)
        {
          vitrine_request_error (req, SOUP_STATUS_BAD_REQUEST, NULL, "No such part");
          return;
        }
      offset = (part - 1) * chunk;
      expected = MIN (chunk, size - offset);
    }

  if (req->content_length >= 0 && (guint64) req->content_length != expected)
    {
      g_autofree char *message =
        g_strdup_printf ("Expected %" G_GUINT64_FORMAT " bytes, the request announces %" G_GINT64_FORMAT,
                         expected, req->content_length);

      vitrine_request_error (req, SOUP_STATUS_BAD_REQUEST, NULL, message);
      return;
    }

  /* Already stored: nothing to receive, but the body must be read. */
  object = vitrine_lfs_object_path (vitrine_server_get_lfs_dir (self), oid);

  up = g_new0 (Upload, 1);
  up->fd = -1;
  up->buffer = g_malloc (UPLOAD_BUFFER);
  up->oid = g_strdup (oid);
  up->expected = expected;
  if (part == 0)
    {
      g_autofree char *name = g_strdup_printf ("%s.XXXXXX", oid);

      up->tmp_path = g_build_filename (vitrine_server_get_tmp_dir (self), name, NULL);
      up->fd = g_mkstemp_full (up->tmp_path, O_RDWR | O_CLOEXEC, 0600);
      up->sha = vitrine_sha256_new ();
      up->final_path = g_steal_pointer (&object);
    }
  else
    {
      g_autofree char *marker = vitrine_lfs_part_marker_path (self, oid, part);
      g_autofree char *marker_dir = g_path_get_dirname (marker);

      g_mkdir_with_parents (marker_dir, 0700);
      up->tmp_path = vitrine_lfs_multipart_path (self, oid);
      up->fd = open (up->tmp_path, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
      up->offset = offset;
      up->final_path = g_steal_pointer (&marker);
      /* A part sent again is received again. */
      g_unlink (up->final_path);
    }
  if (up->fd < 0)
    {
      upload_free (up);
      vitrine_request_error (req, SOUP_STATUS_INTERNAL_SERVER_ERROR, NULL, "Could not store the upload");
      return;
    }

  req->stream = up;
  req->stream_free = (GDestroyNotify) upload_free;
}

/* Once the body is all in (in a worker thread): the object or part is
 * stored, or nothing is. */
void
vitrine_route_upload (VitrineRequest *req)
{
  Upload *up = req->stream;

  if (up == NULL)
    {
      vitrine_request_error (req, SOUP_STATUS_BAD_REQUEST, NULL, "Invalid upload");
      return;
    }
  if (!up->failed && !upload_flush (up))
    up->failed = TRUE;
  if (up->failed || up->received != up->expected)
    {
      if (up->errsv != 0)
        vitrine_request_error (req, SOUP_STATUS_INSUFFICIENT_STORAGE, NULL, g_strerror (up->errsv));
      else
        vitrine_request_error (req, SOUP_STATUS_BAD_REQUEST, NULL,
                           "The upload does not have the size it announced");
      return;
    }

  if (up->sha != NULL)
    {
      g_autofree char *oid = vitrine_sha256_finish (up->sha);
      g_autofree char *dir = g_path_get_dirname (up->final_path);

      if (!g_str_equal (oid, up->oid))
        {
          vitrine_request_error (req, SOUP_STATUS_BAD_REQUEST, NULL,
                             "The uploaded bytes do not match their sha256 oid");
          return;
        }
      /* Durable, then visible: a crash leaves no half-written object. */
      if (fsync (up->fd) != 0 || g_mkdir_with_parents (dir, 0700) != 0 ||
          g_rename (up->tmp_path, up->final_path) != 0)
        {
          vitrine_request_error (req, SOUP_STATUS_INTERNAL_SERVER_ERROR, NULL, "Could not store the upload");
          return;
        }
      up->done = TRUE;
      req->status = SOUP_STATUS_OK;
      return;
    }

  /* A part: mark it received.  The whole object is synced, and checked
   * against its sha256, when the upload completes. */
  if (!g_file_set_contents (up->final_path, "", 0, NULL))
    {
      vitrine_request_error (req, SOUP_STATUS_INTERNAL_SERVER_ERROR, NULL, "Could not store the upload");
      return;
    }
  up->done = TRUE;
  {
    g_autofree char *etag = g_strdup_printf ("\"%s-%s\"", up->oid + 56,
                                             strrchr (up->final_path, '/') + 1);
    vitrine_request_header (req, "ETag", etag);
  }
  req->status = SOUP_STATUS_OK;
}
