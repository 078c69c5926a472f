/* vitrine-publish-record.c — the records of publishes on disk, written in
 * order off the main thread
 *
 * Every write or removal of a record goes through the disk writer's one
 * thread (vitrine-disk-writer.c), in the order it was asked: a record is
 * never overwritten by an older state, and a request without a path (a
 * flush) completes once all the writes asked before it are on disk.  A
 * record is written to a temporary file, synced and renamed into place,
 * so a crash leaves the old record or the new one, never half of one.
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "vitrine-disk-writer.h"
#include "vitrine-publish-record.h"

typedef struct
{
  char *path;
  char *data;   /* NULL: remove the record */
} Request;

static void
request_free (Request *request)
{
  g_free (request->path);
  g_free (request->data);
  g_free (request);
}

static gboolean
write_one (gpointer   data,
           GError   **error)
{
  Request *request = data;

  if (request->data != NULL)
    {
      g_autofree char *dir = g_path_get_dirname (request->path);

      if (g_mkdir_with_parents (dir, 0700) != 0)
        {
          int saved = errno;

          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                       _("Could not create the folder %s: %s"), dir, g_strerror (saved));
          return FALSE;
        }
      return g_file_set_contents_full (request->path, request->data, -1, G_FILE_SET_CONTENTS_CONSISTENT, 0600,
                                       error);
    }
  if (g_unlink (request->path) != 0 && errno != ENOENT)
    {
      int saved = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved), "%s: %s", request->path, g_strerror (saved));
      return FALSE;
    }
  return TRUE;
}

/**
 * _vitrine_publish_record_write_async:
 * @path: (nullable): the record's file; %NULL to wait for the writes
 *   asked before
 * @data: (transfer full) (nullable): its new content; %NULL removes it
 */
void
_vitrine_publish_record_write_async (const char          *path,
                                     char                *data,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  Request *request;

  if (path == NULL)
    {
      g_free (data);
      vitrine_disk_writer_run_async (NULL, NULL, NULL, callback, user_data);
      return;
    }
  request = g_new0 (Request, 1);
  request->path = g_strdup (path);
  request->data = data;
  vitrine_disk_writer_run_async (write_one, request, (GDestroyNotify) request_free, callback, user_data);
}

gboolean
_vitrine_publish_record_write_finish (GAsyncResult  *result,
                                      GError       **error)
{
  return vitrine_disk_writer_run_finish (result, error);
}
