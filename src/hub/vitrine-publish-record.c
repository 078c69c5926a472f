/* vitrine-publish-record.c — the records of publishes on disk, written in
 * order off the main thread
 *
 * Every write or removal of a record goes through one worker thread, in
 * the order it was asked: a record is never overwritten by an older
 * state, and a request without a path (a flush) completes once all the
 * writes asked before it are on disk.  A record is written to a
 * temporary file, synced and renamed into place, so a crash leaves the
 * old record or the new one, never half of one.
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "vitrine-publish-record.h"

typedef struct
{
  GTask *task;
  char  *path;
  char  *data;   /* NULL: remove the record */
} Request;

static void
write_one (gpointer data,
           gpointer user_data)
{
  Request *request = data;
  GError *error = NULL;

  if (request->path != NULL && request->data != NULL)
    {
      g_autofree char *dir = g_path_get_dirname (request->path);

      if (g_mkdir_with_parents (dir, 0700) != 0)
        {
          int saved = errno;

          g_set_error (&error, G_IO_ERROR, g_io_error_from_errno (saved),
                       _("Could not create the folder %s: %s"), dir, g_strerror (saved));
        }
      else
        g_file_set_contents_full (request->path, request->data, -1, G_FILE_SET_CONTENTS_CONSISTENT, 0600, &error);
    }
  else if (request->path != NULL && g_unlink (request->path) != 0 && errno != ENOENT)
    {
      int saved = errno;

      g_set_error (&error, G_IO_ERROR, g_io_error_from_errno (saved), "%s: %s", request->path, g_strerror (saved));
    }

  if (error != NULL)
    g_task_return_error (request->task, error);
  else
    g_task_return_boolean (request->task, TRUE);
  g_object_unref (request->task);
  g_free (request->path);
  g_free (request->data);
  g_free (request);
}

static GThreadPool *
writer (void)
{
  static GThreadPool *pool;

  if (g_once_init_enter (&pool))
    {
      /* One thread: requests are done in the order they came. */
      GThreadPool *p = g_thread_pool_new (write_one, NULL, 1, FALSE, NULL);

      g_once_init_leave (&pool, p);
    }
  return pool;
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
  Request *request = g_new0 (Request, 1);

  request->task = g_task_new (NULL, NULL, callback, user_data);
  g_task_set_source_tag (request->task, _vitrine_publish_record_write_async);
  request->path = g_strdup (path);
  request->data = data;
  g_thread_pool_push (writer (), request, NULL);
}

gboolean
_vitrine_publish_record_write_finish (GAsyncResult  *result,
                                      GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}
