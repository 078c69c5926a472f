/* vitrine-slice-stream.c — part of a file as an input stream
 *
 * Uploads stream from disk through this, a megabyte at a time, so memory
 * stays bounded whatever the file's size; each read is reported for
 * progress.
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <unistd.h>
#include <glib/gi18n.h>

#include "vitrine-slice-stream.h"

struct _VitrineSliceStream
{
  GInputStream          parent_instance;
  int                   fd;
  guint64               start;
  guint64               length;
  guint64               offset;
  guint64               remaining;
  VitrineSliceReadFunc  on_read;
  gpointer              user_data;
};

static void vitrine_slice_stream_seekable_init (GSeekableIface *iface);

/* Seekable, so a request that libsoup sends again starts from the top. */
G_DEFINE_FINAL_TYPE_WITH_CODE (VitrineSliceStream, vitrine_slice_stream, G_TYPE_INPUT_STREAM,
                               G_IMPLEMENT_INTERFACE (G_TYPE_SEEKABLE, vitrine_slice_stream_seekable_init))

static goffset
vitrine_slice_stream_tell (GSeekable *seekable)
{
  VitrineSliceStream *self = VITRINE_SLICE_STREAM (seekable);

  return self->offset - self->start;
}

static gboolean
vitrine_slice_stream_can_seek (GSeekable *seekable)
{
  return TRUE;
}

static gboolean
vitrine_slice_stream_seek (GSeekable     *seekable,
                           goffset        offset,
                           GSeekType      type,
                           GCancellable  *cancellable,
                           GError       **error)
{
  VitrineSliceStream *self = VITRINE_SLICE_STREAM (seekable);
  gint64 target;

  switch (type)
    {
    case G_SEEK_CUR:
      target = (gint64) (self->offset - self->start) + offset;
      break;
    case G_SEEK_END:
      target = (gint64) self->length + offset;
      break;
    case G_SEEK_SET:
    default:
      target = offset;
      break;
    }
  if (target < 0 || (guint64) target > self->length)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT, _("Invalid seek"));
      return FALSE;
    }
  self->offset = self->start + target;
  self->remaining = self->length - target;
  return TRUE;
}

static gboolean
vitrine_slice_stream_can_truncate (GSeekable *seekable)
{
  return FALSE;
}

static gboolean
vitrine_slice_stream_truncate (GSeekable     *seekable,
                               goffset        offset,
                               GCancellable  *cancellable,
                               GError       **error)
{
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, _("Cannot truncate"));
  return FALSE;
}

static void
vitrine_slice_stream_seekable_init (GSeekableIface *iface)
{
  iface->tell = vitrine_slice_stream_tell;
  iface->can_seek = vitrine_slice_stream_can_seek;
  iface->seek = vitrine_slice_stream_seek;
  iface->can_truncate = vitrine_slice_stream_can_truncate;
  iface->truncate_fn = vitrine_slice_stream_truncate;
}

static gssize
vitrine_slice_stream_read (GInputStream  *stream,
                           void          *buffer,
                           gsize          count,
                           GCancellable  *cancellable,
                           GError       **error)
{
  VitrineSliceStream *self = VITRINE_SLICE_STREAM (stream);
  ssize_t n;

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return -1;
  count = MIN (count, self->remaining);
  if (count == 0)
    return 0;
  do
    n = pread (self->fd, buffer, count, self->offset);
  while (n < 0 && errno == EINTR);
  if (n < 0)
    {
      int errsv = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errsv),
                   _("Could not read the file: %s"), g_strerror (errsv));
      return -1;
    }
  if (n == 0)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_PARTIAL_INPUT,
                           _("The file became shorter while it was being sent."));
      return -1;
    }
  self->offset += n;
  self->remaining -= n;
  if (self->on_read != NULL)
    self->on_read (n, self->user_data);
  return n;
}

static gboolean
vitrine_slice_stream_close (GInputStream  *stream,
                            GCancellable  *cancellable,
                            GError       **error)
{
  VitrineSliceStream *self = VITRINE_SLICE_STREAM (stream);

  if (self->fd >= 0)
    close (self->fd);
  self->fd = -1;
  return TRUE;
}

static void
vitrine_slice_stream_finalize (GObject *object)
{
  VitrineSliceStream *self = VITRINE_SLICE_STREAM (object);

  if (self->fd >= 0)
    close (self->fd);
  G_OBJECT_CLASS (vitrine_slice_stream_parent_class)->finalize (object);
}

static void
vitrine_slice_stream_class_init (VitrineSliceStreamClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GInputStreamClass *stream_class = G_INPUT_STREAM_CLASS (klass);

  object_class->finalize = vitrine_slice_stream_finalize;
  stream_class->read_fn = vitrine_slice_stream_read;
  stream_class->close_fn = vitrine_slice_stream_close;
}

static void
vitrine_slice_stream_init (VitrineSliceStream *self)
{
  self->fd = -1;
}

/**
 * vitrine_slice_stream_new:
 * @on_read: (nullable): called with the size of each read
 *
 * Returns: (transfer full): a stream of @length bytes of @path from @offset
 */
GInputStream *
vitrine_slice_stream_new (const char            *path,
                          guint64                offset,
                          guint64                length,
                          VitrineSliceReadFunc   on_read,
                          gpointer               user_data,
                          GError               **error)
{
  VitrineSliceStream *self;
  int fd = open (path, O_RDONLY | O_CLOEXEC);

  if (fd < 0)
    {
      int errsv = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errsv),
                   _("Could not read “%s”: %s"), path, g_strerror (errsv));
      return NULL;
    }
  posix_fadvise (fd, offset, length, POSIX_FADV_SEQUENTIAL);
  self = g_object_new (VITRINE_TYPE_SLICE_STREAM, NULL);
  self->fd = fd;
  self->start = offset;
  self->length = length;
  self->offset = offset;
  self->remaining = length;
  self->on_read = on_read;
  self->user_data = user_data;
  return G_INPUT_STREAM (self);
}
