/* vitrine-routes-upload.c — the upload URLs the batch API hands out
 *
 * An upload's body is read by a worker of its own, off the main thread
 * (vitrine-server-stream.c), in large reads written straight to disk.
 * A single upload is hashed as it arrives; the parts of a multipart
 * upload are hashed in the order of the object as they arrive, whatever
 * connection each comes on: a part that arrives before the ones ahead of
 * it is hashed from the disk as soon as the gap before it fills.  So
 * completing an upload only checks the hash and renames the file.  An
 * object becomes visible only once it is whole, synced, and has the
 * sha256 it is named by; an upload cut short leaves nothing.
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
#include "vitrine-lfs-known.h"
#include "vitrine-routes-private.h"

#define UPLOAD_BUFFER   (1024 * 1024)
#define READ_BACK       (1024 * 1024)
/* Multipart uploads followed at once; past that, completing one hashes
 * its file again. */
#define MAX_MULTIPARTS  64

/* ---- Multipart uploads, hashed in order as their parts arrive -------- */

struct _VitrineMultipart
{
  GMutex          lock;
  char           *key;
  int             fd;         /* the object's file, to read parts back */
  guint64         size;
  guint64         chunk;
  guint64         n_parts;
  guint64        *received;   /* of each part, bytes written from its start */
  VitrineSha256  *sha;
  guint64         hashed;     /* bytes [0, hashed) are in sha */
  gboolean        dirty;      /* bytes already hashed were written again
                               * differently: hash the file at the end */
};

static GMutex      multiparts_lock;
static GHashTable *multiparts;   /* key -> VitrineMultipart */

static void
multipart_free (VitrineMultipart *m)
{
  g_mutex_clear (&m->lock);
  if (m->fd >= 0)
    close (m->fd);
  g_free (m->key);
  g_free (m->received);
  vitrine_sha256_free (m->sha);
}

VitrineMultipart *
vitrine_multipart_ref (VitrineMultipart *m)
{
  return g_atomic_rc_box_acquire (m);
}

void
vitrine_multipart_unref (VitrineMultipart *m)
{
  g_atomic_rc_box_release_full (m, (GDestroyNotify) multipart_free);
}

static char *
multipart_key (VitrineServer *server,
               const char    *oid)
{
  return g_strconcat (vitrine_server_get_tmp_dir (server), "/", oid, NULL);
}

/**
 * vitrine_multipart_lookup:
 * @create: make it when there is none (and room for it)
 *
 * Returns: (transfer full) (nullable): what is known of the multipart
 *   upload of @oid, of @size bytes in parts of @chunk
 */
VitrineMultipart *
vitrine_multipart_lookup (VitrineServer *server,
                          const char    *oid,
                          guint64        size,
                          guint64        chunk,
                          gboolean       create)
{
  g_autofree char *key = multipart_key (server, oid);
  VitrineMultipart *m;

  g_mutex_lock (&multiparts_lock);
  if (multiparts == NULL)
    multiparts = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                        (GDestroyNotify) vitrine_multipart_unref);
  m = g_hash_table_lookup (multiparts, key);
  if (m != NULL && (m->size != size || m->chunk != chunk))
    {
      g_hash_table_remove (multiparts, key);
      m = NULL;
    }
  if (m == NULL && create && g_hash_table_size (multiparts) < MAX_MULTIPARTS)
    {
      g_autofree char *path = vitrine_lfs_multipart_path (server, oid);

      m = g_atomic_rc_box_new0 (VitrineMultipart);
      g_mutex_init (&m->lock);
      m->key = g_steal_pointer (&key);
      m->size = size;
      m->chunk = chunk;
      m->n_parts = (size + chunk - 1) / chunk;
      m->received = g_new0 (guint64, m->n_parts);
      m->sha = vitrine_sha256_new ();
      m->fd = open (path, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
      /* A file from before a restart holds parts this state never saw. */
      if (m->fd < 0 || lseek (m->fd, 0, SEEK_END) > 0)
        m->dirty = TRUE;
      g_hash_table_insert (multiparts, m->key, m);
    }
  if (m != NULL)
    vitrine_multipart_ref (m);
  g_mutex_unlock (&multiparts_lock);
  return m;
}

void
vitrine_multipart_forget (VitrineServer *server,
                          const char    *oid)
{
  g_autofree char *key = multipart_key (server, oid);

  g_mutex_lock (&multiparts_lock);
  if (multiparts != NULL)
    g_hash_table_remove (multiparts, key);
  g_mutex_unlock (&multiparts_lock);
}

/* Hashes what was written from where the hash stands, as far as the
 * parts are in without a gap.  With the lock held. */
static void
catch_up (VitrineMultipart *m)
{
  g_autofree guint8 *buf = NULL;

  while (!m->dirty && m->hashed < m->size)
    {
      guint64 part = m->hashed / m->chunk;
      guint64 available = part * m->chunk + m->received[part];

      if (available <= m->hashed)
        return;
      if (buf == NULL)
        buf = g_malloc (READ_BACK);
      while (m->hashed < available)
        {
          ssize_t n = pread (m->fd, buf, MIN (READ_BACK, available - m->hashed), m->hashed);

          if (n <= 0)
            {
              m->dirty = TRUE;
              return;
            }
          vitrine_sha256_update (m->sha, buf, n);
          m->hashed += n;
        }
    }
}

/**
 * vitrine_multipart_finish:
 *
 * Returns: (transfer full) (nullable): the sha256 of the whole object,
 *   when every byte of it was hashed as it arrived; %NULL when the file
 *   must be hashed again
 */
char *
vitrine_multipart_finish (VitrineMultipart *m)
{
  char *hex = NULL;

  g_mutex_lock (&m->lock);
  catch_up (m);
  if (!m->dirty && m->hashed == m->size)
    {
      hex = vitrine_sha256_finish (m->sha);
      m->dirty = TRUE;
    }
  g_mutex_unlock (&m->lock);
  return hex;
}

/* ---- One upload -------------------------------------------------------- */

typedef struct
{
  int               fd;
  char             *tmp_path;
  char             *final_path;    /* the object, or the part marker */
  char             *oid;
  guint64           expected;
  guint64           offset;        /* where in the file this upload writes */
  guint64           part;          /* 0 for a single upload */
  guint64           written;
  VitrineSha256    *sha;           /* single uploads */
  VitrineMultipart *multipart;     /* parts, when followed */
  guint64           compare_to;    /* bytes before this were hashed already:
                                    * what comes again must be the same */
  gboolean          done;
} Upload;

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
  vitrine_sha256_free (up->sha);
  if (up->multipart != NULL)
    vitrine_multipart_unref (up->multipart);
  g_free (up);
}

/* The size an upload URL says, and where it writes: checked from the URL
 * alone.  FALSE (and @req answered) when it is no valid URL. */
static gboolean
upload_target (VitrineRequest *req,
               guint64        *size,
               guint64        *part,
               guint64        *chunk,
               guint64        *expected,
               guint64        *offset)
{
  g_autofree char *oid = vitrine_request_join (req, req->tail);
  const char *why = NULL;

  *offset = 0;
  if (!vitrine_lfs_check_capability (req->server, "upload", oid,
                                     vitrine_request_query (req, "size"),
                                     vitrine_request_query (req, "part"),
                                     vitrine_request_query (req, "chunk"),
                                     vitrine_request_query (req, "repo"),
                                     vitrine_request_query (req, "expires"),
                                     vitrine_request_query (req, "sig"),
                                     size, part, chunk, &why))
    {
      vitrine_request_error (req, SOUP_STATUS_FORBIDDEN, NULL, why != NULL ? why : "Invalid upload URL");
      return FALSE;
    }
  if (*part == 0)
    {
      *expected = *size;
      return TRUE;
    }
  if (*chunk == 0)
    {
      vitrine_request_error (req, SOUP_STATUS_FORBIDDEN, NULL, "Invalid upload URL");
      return FALSE;
    }
  if (*part > (*size + *chunk - 1) / *chunk)
    {
      vitrine_request_error (req, SOUP_STATUS_BAD_REQUEST, NULL, "No such part");
      return FALSE;
    }
  *offset = (*part - 1) * *chunk;
  *expected = MIN (*chunk, *size - *offset);
  return TRUE;
}

/* PUT /api/lfs-upload/{oid}: once the headers are in (in the main
 * thread).  An answer set here refuses the body unread. */
void
vitrine_route_upload_check (VitrineRequest *req)
{
  guint64 size, part, chunk, expected, offset;

  if (!upload_target (req, &size, &part, &chunk, &expected, &offset))
    return;
  if (req->content_length < 0)
    {
      vitrine_request_error (req, SOUP_STATUS_LENGTH_REQUIRED, NULL, "Uploads must announce their length");
      return;
    }
  if ((guint64) req->content_length != expected)
    {
      g_autofree char *message =
        g_strdup_printf ("Expected %" G_GUINT64_FORMAT " bytes, the request announces %" G_GINT64_FORMAT,
                         expected, req->content_length);

      vitrine_request_error (req, SOUP_STATUS_BAD_REQUEST, NULL, message);
    }
}

static Upload *
upload_open (VitrineRequest *req)
{
  VitrineServer *self = req->server;
  guint64 size, part, chunk, expected, offset;
  Upload *up;

  if (!upload_target (req, &size, &part, &chunk, &expected, &offset))
    return NULL;

  up = g_new0 (Upload, 1);
  up->fd = -1;
  up->oid = vitrine_request_join (req, req->tail);
  up->expected = expected;
  up->offset = offset;
  up->part = part;
  if (part == 0)
    {
      g_autofree char *name = g_strdup_printf ("%s.XXXXXX", up->oid);

      up->tmp_path = g_build_filename (vitrine_server_get_tmp_dir (self), name, NULL);
      up->fd = g_mkstemp_full (up->tmp_path, O_RDWR | O_CLOEXEC, 0600);
      up->sha = vitrine_sha256_new ();
      up->final_path = vitrine_lfs_object_path (vitrine_server_get_lfs_dir (self), up->oid);
    }
  else
    {
      g_autofree char *marker = vitrine_lfs_part_marker_path (self, up->oid, part);
      g_autofree char *marker_dir = g_path_get_dirname (marker);

      g_mkdir_with_parents (marker_dir, 0700);
      /* A part sent again is received again. */
      g_unlink (marker);
      up->final_path = g_steal_pointer (&marker);
      up->multipart = vitrine_multipart_lookup (self, up->oid, size, chunk, TRUE);
      up->tmp_path = vitrine_lfs_multipart_path (self, up->oid);
      up->fd = open (up->tmp_path, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
      if (up->multipart != NULL)
        {
          VitrineMultipart *m = up->multipart;

          g_mutex_lock (&m->lock);
          m->received[part - 1] = 0;
          up->compare_to = MIN (m->hashed, offset + expected);
          g_mutex_unlock (&m->lock);
        }
    }
  if (up->fd < 0)
    {
      upload_free (up);
      vitrine_request_error (req, SOUP_STATUS_INTERNAL_SERVER_ERROR, NULL, "Could not store the upload");
      return NULL;
    }
  return up;
}

/* A part's bytes [at, at + len) of the object are about to be written: if
 * they were hashed already, they must be what was hashed. */
static void
compare_rewritten (Upload       *up,
                   const guint8 *data,
                   gsize         len,
                   guint64       at)
{
  g_autofree guint8 *old = NULL;
  gsize n;

  if (at >= up->compare_to)
    return;
  n = MIN (len, up->compare_to - at);
  old = g_malloc (n);
  if (pread (up->fd, old, n, at) != (ssize_t) n || memcmp (old, data, n) != 0)
    {
      g_mutex_lock (&up->multipart->lock);
      up->multipart->dirty = TRUE;
      g_mutex_unlock (&up->multipart->lock);
    }
}

/* Writes (and hashes) @len bytes that arrived.  FALSE on a write error. */
static gboolean
upload_write (Upload       *up,
              const guint8 *data,
              gsize         len,
              int          *errsv)
{
  guint64 at = up->offset + up->written;
  gsize left = len;
  const guint8 *p = data;

  if (up->sha != NULL)
    vitrine_sha256_update (up->sha, data, len);
  else if (up->multipart != NULL)
    compare_rewritten (up, data, len, at);
  while (left > 0)
    {
      ssize_t n = pwrite (up->fd, p, left, at + (p - data));

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        {
          *errsv = n < 0 ? errno : ENOSPC;
          return FALSE;
        }
      p += n;
      left -= n;
    }
  up->written += len;
  /* Written back as it comes, so that making the object durable at the
   * end (fsync) waits for little. */
  sync_file_range (up->fd, at, len, SYNC_FILE_RANGE_WRITE);

  if (up->multipart != NULL)
    {
      VitrineMultipart *m = up->multipart;

      g_mutex_lock (&m->lock);
      m->received[up->part - 1] = up->written;
      if (!m->dirty && m->hashed == at)
        {
          /* The next bytes of the object: hashed from memory. */
          vitrine_sha256_update (m->sha, data, len);
          m->hashed += len;
        }
      catch_up (m);
      g_mutex_unlock (&m->lock);
    }
  return TRUE;
}

/* Once the body is all in: the object or part is stored, or nothing is. */
static void
upload_store (VitrineRequest *req,
              Upload         *up)
{
  if (up->sha != NULL)
    {
      g_autofree char *oid = vitrine_sha256_finish (up->sha);
      g_autofree char *dir = g_path_get_dirname (up->final_path);

      g_clear_pointer (&up->sha, vitrine_sha256_free);
      if (!g_str_equal (oid, up->oid))
        {
          g_unlink (up->tmp_path);
          vitrine_request_error (req, SOUP_STATUS_BAD_REQUEST, NULL,
                                 "The uploaded bytes do not match their sha256 oid");
          return;
        }
      /* Durable, then visible: a crash leaves no half-written object. */
      if (fsync (up->fd) != 0 || g_mkdir_with_parents (dir, 0700) != 0 ||
          g_rename (up->tmp_path, up->final_path) != 0)
        {
          g_unlink (up->tmp_path);
          vitrine_request_error (req, SOUP_STATUS_INTERNAL_SERVER_ERROR, NULL, "Could not store the upload");
          return;
        }
      up->done = TRUE;
      /* The repository it was sent for has shown it has the bytes. */
      {
        g_autoptr(VitrineRepoMeta) meta = vitrine_lfs_repo_of (req->server, vitrine_request_query (req, "repo"));

        if (meta != NULL)
          vitrine_lfs_known_add (meta->git_dir, up->oid);
      }
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
    g_autofree char *etag = g_strdup_printf ("\"%s-%s\"", up->oid + 56, strrchr (up->final_path, '/') + 1);
    vitrine_request_header (req, "ETag", etag);
  }
  req->status = SOUP_STATUS_OK;
}

/* PUT /api/lfs-upload/{oid}, in a worker of its own: the body is read in
 * large pieces and written as it comes. */
void
vitrine_route_upload (VitrineRequest *req)
{
  VitrineFaults *faults = _vitrine_server_get_faults (req->server);
  g_autofree guint8 *buf = NULL;
  g_autoptr(GError) error = NULL;
  Upload *up = upload_open (req);
  int errsv = 0;

  if (up == NULL)
    return;
  req->stream = up;
  req->stream_free = (GDestroyNotify) upload_free;

  buf = g_malloc (UPLOAD_BUFFER);
  while (up->written < up->expected)
    {
      gsize filled = 0;
      gsize want = MIN (UPLOAD_BUFFER, up->expected - up->written);

      /* Gathered to a large piece first: fewer writes, larger hashes. */
      while (filled < want)
        {
          gssize n = vitrine_request_read_body (req, buf + filled, want - filled, &error);

          if (n <= 0)
            break;
          /* An injected fault: the connection breaks mid-upload. */
          if (faults != NULL && vitrine_faults_drop_upload (faults, req, n))
            {
              vitrine_request_cut (req);
              return;
            }
          req->stream_received += n;
          filled += n;
        }
      if (filled > 0 && !upload_write (up, buf, filled, &errsv))
        {
          vitrine_request_error (req, SOUP_STATUS_INSUFFICIENT_STORAGE, NULL, g_strerror (errsv));
          return;
        }
      if (filled < want)
        break;
    }

  if (up->written != up->expected)
    {
      if (error != NULL)
        g_debug ("Upload of %s cut short: %s", up->oid, error->message);
      vitrine_request_error (req, SOUP_STATUS_BAD_REQUEST, NULL, "The upload does not have the size it announced");
      return;
    }
  upload_store (req, up);
}
