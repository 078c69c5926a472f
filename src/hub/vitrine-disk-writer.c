/* vitrine-disk-writer.c — writes to disk in order, off the main thread
 *
 * Saving a card, keeping a draft of it and recording a publish each write
 * a small file durably: to a temporary file, synced, renamed into place.
 * The sync can wait on a disk that is busy (with a publish of many
 * gigabytes, say) for much longer than a frame, so none of it runs on the
 * main thread.  All of it goes through one worker thread, in the order it
 * was asked: a file is never overwritten by an older state, a draft is
 * removed only after what replaced it is written, and a request that
 * writes nothing completes once everything asked before it is done.
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "vitrine-disk-writer.h"

typedef struct
{
  GTask                *task;
  VitrineDiskWriteFunc  func;
  gpointer              data;
  GDestroyNotify        data_free;
} Request;

static void
run_one (gpointer data,
         gpointer user_data)
{
  Request *request = data;
  GError *error = NULL;

  if (request->func == NULL || request->func (request->data, &error))
    g_task_return_boolean (request->task, TRUE);
  else
    g_task_return_error (request->task, error);
  if (request->data_free != NULL)
    request->data_free (request->data);
  g_object_unref (request->task);
  g_free (request);
}

static GThreadPool *
writer (void)
{
  static GThreadPool *pool;

  if (g_once_init_enter (&pool))
    {
      /* One thread: requests are done in the order they came. */
      GThreadPool *p = g_thread_pool_new (run_one, NULL, 1, FALSE, NULL);

      g_once_init_leave (&pool, p);
    }
  return pool;
}

/**
 * vitrine_disk_writer_run_async:
 * @func: (nullable): what writes, on the writer's thread; %NULL writes
 *   nothing (the request completes when those before it have)
 * @data: (transfer full): given to @func, then to @data_free
 * @callback: (nullable): called on the thread-default main context of
 *   now, with the result of @func
 *
 * Queues @func after every request asked before.
 */
void
vitrine_disk_writer_run_async (VitrineDiskWriteFunc  func,
                               gpointer              data,
                               GDestroyNotify        data_free,
                               GAsyncReadyCallback   callback,
                               gpointer              user_data)
{
  Request *request = g_new0 (Request, 1);

  request->task = g_task_new (NULL, NULL, callback, user_data);
  g_task_set_source_tag (request->task, vitrine_disk_writer_run_async);
  request->func = func;
  request->data = data;
  request->data_free = data_free;
  g_thread_pool_push (writer (), request, NULL);
}

gboolean
vitrine_disk_writer_run_finish (GAsyncResult  *result,
                                GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

typedef struct
{
  GMutex   lock;
  GCond    cond;
  gboolean done;
} Waiter;

static gboolean
wake (gpointer data,
      GError **error)
{
  Waiter *waiter = data;

  g_mutex_lock (&waiter->lock);
  waiter->done = TRUE;
  g_cond_signal (&waiter->cond);
  g_mutex_unlock (&waiter->lock);
  return TRUE;
}

/**
 * vitrine_disk_writer_wait:
 *
 * Blocks until everything asked so far is written: for a process about
 * to end (its main loop no longer runs), never for one that shows a
 * window.
 */
void
vitrine_disk_writer_wait (void)
{
  Waiter waiter = { 0 };

  g_mutex_init (&waiter.lock);
  g_cond_init (&waiter.cond);
  vitrine_disk_writer_run_async (wake, &waiter, NULL, NULL, NULL);
  g_mutex_lock (&waiter.lock);
  while (!waiter.done)
    g_cond_wait (&waiter.cond, &waiter.lock);
  g_mutex_unlock (&waiter.lock);
  g_mutex_clear (&waiter.lock);
  g_cond_clear (&waiter.cond);
}
