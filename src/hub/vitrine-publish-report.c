/* vitrine-publish-report.c — a publish's progress, from the threads that
 * publish to the main context that shows it
 *
 * The publishing threads never touch the progress object or the file
 * model: they change figures under the publisher's lock and ask for a
 * flush, which runs on the main context that was the thread-default when
 * the run started.  Flushes come at most every
 * VITRINE_PUBLISH_REPORT_INTERVAL_MS, five times a second (each one is a
 * frame of the window, drawn while the publish wants the processor too);
 * each takes what changed since the last one (the latest figures of each
 * file, the totals) and applies it in one go.  A phase that begins is
 * flushed at once and never merged away: each one is seen.
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "vitrine-publish-private.h"


typedef struct
{
  char                     *path;
  VitrinePublishFileUpdate  figures;
} FileUpdate;

static void
file_update_free (FileUpdate *update)
{
  g_free (update->path);
  g_free (update);
}

static void
counts_free (VitrinePublishCounts *counts)
{
  g_free (counts->current_path);
  g_free (counts);
}

void
_vitrine_publisher_report_init (VitrinePublisher *self)
{
  self->phases = g_ptr_array_new_with_free_func ((GDestroyNotify) counts_free);
  self->updates = g_ptr_array_new_with_free_func ((GDestroyNotify) file_update_free);
  self->update_index = g_hash_table_new (g_str_hash, g_str_equal);
  self->progress = g_object_new (VITRINE_TYPE_PUBLISH_PROGRESS, NULL);
  self->files = g_list_store_new (VITRINE_TYPE_PUBLISH_FILE);
  self->rows = g_hash_table_new (g_str_hash, g_str_equal);
  self->counts.seconds_left = -1;
}

void
_vitrine_publisher_report_clear (VitrinePublisher *self)
{
  if (self->flush_source != NULL)
    g_source_destroy (self->flush_source);
  g_clear_pointer (&self->flush_source, g_source_unref);
  g_clear_pointer (&self->context, g_main_context_unref);
  g_clear_pointer (&self->counts.current_path, g_free);
  g_clear_pointer (&self->phases, g_ptr_array_unref);
  g_clear_pointer (&self->updates, g_ptr_array_unref);
  g_clear_pointer (&self->update_index, g_hash_table_unref);
  g_clear_pointer (&self->rows, g_hash_table_unref);
  g_clear_object (&self->files);
  g_clear_object (&self->progress);
}

/* Called from where the run starts: its figures go to this thread's
 * main context, and the file model starts empty. */
void
_vitrine_publisher_report_start (VitrinePublisher *self)
{
  VitrinePublishCounts zero = { .seconds_left = -1 };

  g_mutex_lock (&self->lock);
  g_clear_pointer (&self->context, g_main_context_unref);
  self->context = g_main_context_ref_thread_default ();
  g_ptr_array_set_size (self->phases, 0);
  g_hash_table_remove_all (self->update_index);
  g_ptr_array_set_size (self->updates, 0);
  g_mutex_unlock (&self->lock);

  g_hash_table_remove_all (self->rows);
  g_list_store_remove_all (self->files);
  _vitrine_publish_progress_set (self->progress, &zero, FALSE);
}

/* The figures now, rate and time left worked out.  Under the lock. */
static VitrinePublishCounts
snapshot_locked (VitrinePublisher *self)
{
  VitrinePublishCounts counts = self->counts;
  double elapsed = (g_get_monotonic_time () - self->started_us) / 1e6;

  counts.bytes_per_second = elapsed > 0.2 ? counts.bytes_done / elapsed : 0;
  counts.seconds_left = counts.bytes_per_second > 0
    ? (counts.bytes_total - MIN (counts.bytes_done, counts.bytes_total)) / counts.bytes_per_second
    : -1;
  counts.current_path = g_strdup (counts.current_path);
  return counts;
}

static gboolean
flush_cb (gpointer user_data)
{
  _vitrine_publisher_flush (user_data);
  return G_SOURCE_REMOVE;
}

/* Asks for a flush: at once when @urgent, else once the interval since the
 * last one is over.  Under the lock. */
static void
schedule_flush_locked (VitrinePublisher *self,
                       gboolean          urgent)
{
  GSource *source;

  if (self->flush_source != NULL)
    {
      if (!urgent || self->flush_urgent)
        return;
      g_source_destroy (self->flush_source);
      g_clear_pointer (&self->flush_source, g_source_unref);
    }
  if (self->context == NULL)
    self->context = g_main_context_ref_thread_default ();

  if (urgent)
    {
      source = g_idle_source_new ();
      g_source_set_priority (source, G_PRIORITY_HIGH);
    }
  else
    {
      gint64 wait_us = self->flush_interval_us - (g_get_monotonic_time () - self->last_flush_us);

      source = g_timeout_source_new (CLAMP (wait_us, 0, self->flush_interval_us) / 1000);
    }
  g_source_set_static_name (source, "[vitrine] publish progress");
  g_source_set_callback (source, flush_cb, g_object_ref (self), g_object_unref);
  g_source_attach (source, self->context);
  self->flush_source = source;
  self->flush_urgent = urgent;
}

/**
 * _vitrine_publisher_flush:
 *
 * Applies what changed to the progress object and the file model.  On
 * the run's main context only.
 */
void
_vitrine_publisher_flush (VitrinePublisher *self)
{
  g_autoptr(GPtrArray) phases = NULL;
  g_autoptr(GPtrArray) updates = NULL;
  g_autoptr(GPtrArray) new_rows = g_ptr_array_new_with_free_func (g_object_unref);
  VitrinePublishCounts counts;

  g_mutex_lock (&self->lock);
  if (self->flush_source != NULL)
    g_source_destroy (self->flush_source);
  g_clear_pointer (&self->flush_source, g_source_unref);
  phases = g_steal_pointer (&self->phases);
  self->phases = g_ptr_array_new_with_free_func ((GDestroyNotify) counts_free);
  updates = g_steal_pointer (&self->updates);
  self->updates = g_ptr_array_new_with_free_func ((GDestroyNotify) file_update_free);
  g_hash_table_remove_all (self->update_index);
  counts = snapshot_locked (self);
  self->last_flush_us = g_get_monotonic_time ();
  g_mutex_unlock (&self->lock);

  for (guint i = 0; i < phases->len; i++)
    _vitrine_publish_progress_set (self->progress, g_ptr_array_index (phases, i), TRUE);

  for (guint i = 0; i < updates->len; i++)
    {
      FileUpdate *update = g_ptr_array_index (updates, i);
      VitrinePublishFile *row = g_hash_table_lookup (self->rows, update->path);

      if (row == NULL)
        {
          row = _vitrine_publish_file_new (update->path);
          g_hash_table_insert (self->rows, (gpointer) vitrine_publish_file_get_path (row), row);
          g_ptr_array_add (new_rows, row);
        }
      _vitrine_publish_file_set (row, &update->figures);
    }
  if (new_rows->len > 0)
    g_list_store_splice (self->files, g_list_model_get_n_items (G_LIST_MODEL (self->files)), 0,
                         new_rows->pdata, new_rows->len);

  _vitrine_publish_progress_set (self->progress, &counts, FALSE);
  g_free (counts.current_path);
}

/* ---- From the publishing threads -------------------------------------- */

void
_vitrine_publisher_set_phase (VitrinePublisher    *self,
                              VitrinePublishPhase  phase,
                              guint                files_total,
                              guint64              bytes_total)
{
  VitrinePublishCounts *began = g_new0 (VitrinePublishCounts, 1);

  g_mutex_lock (&self->lock);
  self->counts.phase = phase;
  self->counts.files_total = files_total;
  self->counts.files_done = 0;
  self->counts.bytes_total = bytes_total;
  self->counts.bytes_done = 0;
  g_clear_pointer (&self->counts.current_path, g_free);
  self->started_us = g_get_monotonic_time ();
  *began = snapshot_locked (self);
  g_ptr_array_add (self->phases, began);
  schedule_flush_locked (self, TRUE);
  g_mutex_unlock (&self->lock);
}

void
_vitrine_publisher_add_progress (VitrinePublisher *self,
                                 guint             files,
                                 guint64           bytes,
                                 const char       *path)
{
  g_mutex_lock (&self->lock);
  self->counts.files_done += files;
  self->counts.bytes_done += bytes;
  if (path != NULL && g_strcmp0 (path, self->counts.current_path) != 0)
    {
      g_free (self->counts.current_path);
      self->counts.current_path = g_strdup (path);
    }
  schedule_flush_locked (self, FALSE);
  g_mutex_unlock (&self->lock);
}

/* After figures were changed under the lock by hand. */
void
_vitrine_publisher_changed (VitrinePublisher *self)
{
  g_mutex_lock (&self->lock);
  schedule_flush_locked (self, FALSE);
  g_mutex_unlock (&self->lock);
}

/* The update waiting for @path, a new one if none waits.  Under the lock. */
static FileUpdate *
file_update_locked (VitrinePublisher *self,
                    const char       *path)
{
  guint index = GPOINTER_TO_UINT (g_hash_table_lookup (self->update_index, path));
  FileUpdate *update;

  if (index > 0)
    return g_ptr_array_index (self->updates, index - 1);
  update = g_new0 (FileUpdate, 1);
  update->path = g_strdup (path);
  g_ptr_array_add (self->updates, update);
  g_hash_table_insert (self->update_index, update->path, GUINT_TO_POINTER (self->updates->len));
  return update;
}

void
_vitrine_publisher_file_state (VitrinePublisher *self,
                               VitrineLocalFile *file,
                               VitrineFileState  state)
{
  VitrinePublishFileUpdate *figures;

  g_mutex_lock (&self->lock);
  figures = &file_update_locked (self, file->path)->figures;
  figures->state = state;
  figures->size = file->size;
  figures->is_large = file->lfs;
  figures->bytes_sent = MIN (file->sent, file->size);
  switch (state)
    {
    case VITRINE_FILE_UPLOADING:
      figures->bytes_done = figures->bytes_sent;
      break;
    case VITRINE_FILE_UNCHANGED:
    case VITRINE_FILE_COMMITTING:
    case VITRINE_FILE_DONE:
      figures->bytes_done = file->size;
      break;
    case VITRINE_FILE_HASHING:
    case VITRINE_FILE_WAITING:
    case VITRINE_FILE_DELETED:
    default:
      figures->bytes_done = 0;
    }
  schedule_flush_locked (self, FALSE);
  g_mutex_unlock (&self->lock);
}

/* A file of the repository that the publish deleted. */
void
_vitrine_publisher_file_deleted (VitrinePublisher *self,
                                 const char       *path)
{
  VitrinePublishFileUpdate *figures;

  g_mutex_lock (&self->lock);
  figures = &file_update_locked (self, path)->figures;
  *figures = (VitrinePublishFileUpdate) { .state = VITRINE_FILE_DELETED };
  schedule_flush_locked (self, FALSE);
  g_mutex_unlock (&self->lock);
}

/* How often the figures reach the main context (tests that act on them
 * in the middle of a quick run want them more often). */
void
_vitrine_publisher_set_report_interval (VitrinePublisher *self,
                                        guint             ms)
{
  g_return_if_fail (VITRINE_IS_PUBLISHER (self));

  g_mutex_lock (&self->lock);
  self->flush_interval_us = (gint64) ms * 1000;
  g_mutex_unlock (&self->lock);
}
