/* vitrine-publish-upload.c — a publish's large files, through the LFS
 * batch API (basic or multipart) on several connections at once
 *
 * Uploads run on worker threads fed through a queue, from the moment the
 * first large file is known: hashing the next files goes on meanwhile.
 * Each upload streams from disk, a part at a time, so memory stays
 * bounded; a retry sends the part again without counting it twice.
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "vitrine-error.h"
#include "vitrine-json.h"
#include "vitrine-publish-private.h"
#include "vitrine-slice-stream.h"

#define BATCH_CHUNK 100

typedef struct
{
  VitrineLocalFile *file;
  char             *href;
  guint64           offset;
  guint64           length;
  guint             part;       /* 0 for a single PUT */
  char             *etag;
} UploadJob;

struct _VitrineUploadRun
{
  VitrinePublisher *self;
  GAsyncQueue      *queue;
  GCancellable     *cancellable;   /* cancelled on the first failure, or by the caller */
  GCancellable     *outer;
  gulong            handler;
  GMutex            lock;
  GError           *error;
  GPtrArray        *threads;
  GPtrArray        *jobs;
  GPtrArray        *completions;
  GPtrArray        *completion_files;
  guint64           total;
};

/* Pushed once per worker: no more jobs. */
static UploadJob end_of_jobs;

typedef struct
{
  UploadJob        *job;
  VitrineUploadRun *run;
  guint64           sent;      /* by this attempt */
} BodyData;

static void
upload_job_free (UploadJob *job)
{
  g_free (job->href);
  g_free (job->etag);
  g_free (job);
}

static void
on_bytes_read (gsize    n,
               gpointer user_data)
{
  BodyData *body = user_data;
  VitrinePublisher *self = body->run->self;
  VitrineLocalFile *file = body->job->file;

  g_mutex_lock (&self->lock);
  if (self->counts.phase == VITRINE_PUBLISH_PHASE_UPLOADING)
    self->counts.bytes_done += n;
  self->bytes_sent += n;
  body->sent += n;
  file->sent += n;
  g_mutex_unlock (&self->lock);
  _vitrine_publisher_file_state (self, file, VITRINE_FILE_UPLOADING);
}

static GInputStream *
open_job_body (gpointer   user_data,
               GError   **error)
{
  BodyData *data = user_data;

  /* A retry sends the part again: what the failed attempt sent is not
   * counted twice for the file. */
  g_mutex_lock (&data->run->self->lock);
  data->job->file->sent -= MIN (data->sent, data->job->file->sent);
  data->sent = 0;
  g_mutex_unlock (&data->run->self->lock);
  return vitrine_slice_stream_new (data->job->file->abs_path, data->job->offset, data->job->length,
                                   on_bytes_read, data, error);
}

static gpointer
upload_worker (gpointer user_data)
{
  VitrineUploadRun *run = user_data;
  UploadJob *job;

  while ((job = g_async_queue_pop (run->queue)) != &end_of_jobs)
    {
      g_autoptr(VitrineResponse) response = NULL;
      g_autoptr(GError) error = NULL;
      BodyData body = { job, run, 0 };
      /* Upload URLs carry their own capability: no token goes with them. */
      VitrineRequest request = {
        .method = "PUT",
        .url = job->href,
        .content_type = "application/octet-stream",
        .body_func = open_job_body,
        .body_data = &body,
        .body_length = job->length,
        .flags = VITRINE_REQUEST_IDEMPOTENT | VITRINE_REQUEST_NO_AUTH,
      };

      if (g_cancellable_is_cancelled (run->cancellable))
        continue;
      _vitrine_publisher_add_progress (run->self, 0, 0, job->file->path);
      response = _vitrine_client_request (run->self->client, &request, run->cancellable, &error);
      if (response != NULL && _vitrine_response_get_status (response) >= 400)
        error = _vitrine_response_to_error (response);
      else if (response != NULL && job->part > 0)
        {
          const char *etag = _vitrine_response_get_header (response, "ETag");
          job->etag = g_strdup (etag != NULL ? etag : "");
        }

      if (error != NULL)
        {
          g_mutex_lock (&run->lock);
          if (run->error == NULL)
            run->error = g_steal_pointer (&error);
          g_mutex_unlock (&run->lock);
          g_cancellable_cancel (run->cancellable);
        }
    }
  return NULL;
}

static int
compare_part_keys (gconstpointer a,
                   gconstpointer b)
{
  guint64 x = g_ascii_strtoull (*(const char **) a, NULL, 10);
  guint64 y = g_ascii_strtoull (*(const char **) b, NULL, 10);

  return x < y ? -1 : x > y;
}

/* Starts the upload workers; _vitrine_upload_run_finish() ends them. */
VitrineUploadRun *
_vitrine_upload_run_start (VitrinePublisher *self,
                           GCancellable     *cancellable)
{
  VitrineUploadRun *run = g_new0 (VitrineUploadRun, 1);

  run->self = self;
  run->queue = g_async_queue_new ();
  run->cancellable = g_cancellable_new ();
  run->outer = cancellable;
  g_mutex_init (&run->lock);
  run->threads = g_ptr_array_new ();
  run->jobs = g_ptr_array_new_with_free_func ((GDestroyNotify) upload_job_free);
  run->completions = g_ptr_array_new_with_free_func (g_free);
  run->completion_files = g_ptr_array_new ();
  if (cancellable != NULL)
    run->handler = g_cancellable_connect (cancellable, G_CALLBACK (g_cancellable_cancel),
                                          g_object_ref (run->cancellable), g_object_unref);
  /* Several connections at once, each streaming from disk, on threads
   * that start with the priority of this one: a background publish's
   * (see publish_thread()) or the caller's own. */
  for (guint i = 0; i < self->parallel; i++)
    g_ptr_array_add (run->threads, g_thread_new ("vitrine-upload", upload_worker, run));
  return run;
}

/* The bytes of the large files queued so far. */
guint64
_vitrine_upload_run_get_total (VitrineUploadRun *run)
{
  guint64 total;

  g_mutex_lock (&run->self->lock);
  total = run->total;
  g_mutex_unlock (&run->self->lock);
  return total;
}

/* Asks the batch API about @files and queues what the server lacks. */
gboolean
_vitrine_upload_run_add (VitrineUploadRun  *run,
                         GPtrArray         *files,
                         GCancellable      *cancellable,
                         GError           **error)
{
  VitrinePublisher *self = run->self;

  for (guint start = 0; start < files->len; start += BATCH_CHUNK)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) objects = NULL;
      g_autoptr(JsonNode) answer = NULL;
      g_autoptr(GHashTable) by_oid = g_hash_table_new (g_str_hash, g_str_equal);
      JsonArray *items;

      json_builder_begin_array (builder);
      for (guint i = start; i < MIN (files->len, start + BATCH_CHUNK); i++)
        {
          VitrineLocalFile *file = g_ptr_array_index (files, i);

          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "oid");
          json_builder_add_string_value (builder, file->sha256);
          json_builder_set_member_name (builder, "size");
          json_builder_add_int_value (builder, file->size);
          json_builder_end_object (builder);
          g_hash_table_insert (by_oid, file->sha256, file);
        }
      json_builder_end_array (builder);
      objects = json_builder_get_root (builder);

      answer = vitrine_client_lfs_batch (self->client, self->type, self->repo_id,
                                         self->create_pr ? NULL : self->branch, objects, cancellable, error);
      if (answer == NULL)
        return FALSE;
      items = vitrine_json_array (json_node_get_object (answer), "objects");
      for (guint i = 0; items != NULL && i < json_array_get_length (items); i++)
        {
          JsonNode *node = json_array_get_element (items, i);
          JsonObject *item = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
          JsonObject *error_object = vitrine_json_object (item, "error");
          JsonObject *upload = vitrine_json_object (vitrine_json_object (item, "actions"), "upload");
          JsonObject *header = vitrine_json_object (upload, "header");
          const char *oid = vitrine_json_string (item, "oid");
          VitrineLocalFile *file = g_hash_table_lookup (by_oid, oid != NULL ? oid : "");

          if (file == NULL)
            continue;
          if (error_object != NULL)
            {
              g_set_error (error, VITRINE_ERROR, VITRINE_ERROR_INVALID_ARGUMENT,
                           _("The server refused “%s”: %s"), file->path,
                           vitrine_json_string (error_object, "message") != NULL
                             ? vitrine_json_string (error_object, "message") : _("no reason given"));
              return FALSE;
            }
          /* No action: the server has it already. */
          if (upload == NULL || vitrine_json_string (upload, "href") == NULL)
            continue;

          g_mutex_lock (&self->lock);
          run->total += file->size;
          g_mutex_unlock (&self->lock);
          if (vitrine_json_string (header, "chunk_size") != NULL)
            {
              guint64 chunk = g_ascii_strtoull (vitrine_json_string (header, "chunk_size"), NULL, 10);
              g_autoptr(GList) members = json_object_get_members (header);
              g_autoptr(GPtrArray) keys = g_ptr_array_new ();
              guint64 n_parts = chunk > 0 ? (file->size + chunk - 1) / chunk : 0;

              for (GList *l = members; l != NULL; l = l->next)
                if (g_ascii_isdigit (*(const char *) l->data) &&
                    strspn (l->data, "0123456789") == strlen (l->data))
                  g_ptr_array_add (keys, l->data);
              g_ptr_array_sort (keys, compare_part_keys);
              if (chunk == 0 || keys->len != n_parts)
                {
                  g_autofree char *expected = g_strdup_printf ("%" G_GUINT64_FORMAT, n_parts);

                  g_set_error (error, VITRINE_ERROR, VITRINE_ERROR_PROTOCOL,
                               _("The server asked for %u parts of “%s” instead of %s."),
                               keys->len, file->path, expected);
                  return FALSE;
                }
              for (guint k = 0; k < keys->len; k++)
                {
                  UploadJob *job = g_new0 (UploadJob, 1);
                  guint64 part = g_ascii_strtoull (g_ptr_array_index (keys, k), NULL, 10);

                  job->file = file;
                  job->part = part;
                  job->offset = (part - 1) * chunk;
                  job->length = MIN (chunk, file->size - job->offset);
                  job->href = g_strdup (vitrine_json_string (header, g_ptr_array_index (keys, k)));
                  g_ptr_array_add (run->jobs, job);
                  g_async_queue_push (run->queue, job);
                }
              g_ptr_array_add (run->completions, g_strdup (vitrine_json_string (upload, "href")));
              g_ptr_array_add (run->completion_files, file);
            }
          else
            {
              UploadJob *job = g_new0 (UploadJob, 1);

              job->file = file;
              job->length = file->size;
              job->href = g_strdup (vitrine_json_string (upload, "href"));
              g_ptr_array_add (run->jobs, job);
              g_async_queue_push (run->queue, job);
            }
        }
    }
  return TRUE;
}

/* Waits for the queued uploads, then ends multipart uploads with the list
 * of their parts.  Always joins the workers, even when @ok is FALSE, and
 * frees @run. */
gboolean
_vitrine_upload_run_finish (VitrineUploadRun  *run,
                            gboolean           ok,
                            GCancellable      *cancellable,
                            GError           **error)
{
  VitrinePublisher *self = run->self;
  gboolean result = ok;

  if (!ok)
    g_cancellable_cancel (run->cancellable);
  for (guint i = 0; i < run->threads->len; i++)
    g_async_queue_push (run->queue, &end_of_jobs);
  for (guint i = 0; i < run->threads->len; i++)
    g_thread_join (g_ptr_array_index (run->threads, i));
  if (run->outer != NULL)
    g_cancellable_disconnect (run->outer, run->handler);

  if (result && run->error != NULL)
    {
      if (g_cancellable_is_cancelled (cancellable))
        g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CANCELLED, _("Cancelled"));
      else
        g_propagate_error (error, g_steal_pointer (&run->error));
      result = FALSE;
    }
  if (result && g_cancellable_set_error_if_cancelled (cancellable, error))
    result = FALSE;

  for (guint c = 0; result && c < run->completions->len; c++)
    {
      VitrineLocalFile *file = g_ptr_array_index (run->completion_files, c);
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) body = NULL;
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(VitrineResponse) response = NULL;
      VitrineRequest request = {
        .method = "POST",
        .url = g_ptr_array_index (run->completions, c),
        .content_type = "application/vnd.git-lfs+json",
        .flags = VITRINE_REQUEST_IDEMPOTENT | VITRINE_REQUEST_NO_AUTH,
      };

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "oid");
      json_builder_add_string_value (builder, file->sha256);
      json_builder_set_member_name (builder, "parts");
      json_builder_begin_array (builder);
      for (guint i = 0; i < run->jobs->len; i++)
        {
          UploadJob *job = g_ptr_array_index (run->jobs, i);

          if (job->file != file || job->part == 0)
            continue;
          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "partNumber");
          json_builder_add_int_value (builder, job->part);
          json_builder_set_member_name (builder, "etag");
          json_builder_add_string_value (builder, job->etag != NULL ? job->etag : "");
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      json_builder_end_object (builder);
      body = json_builder_get_root (builder);
      bytes = _vitrine_json_to_bytes (body);
      request.body = bytes;

      response = _vitrine_client_request (self->client, &request, cancellable, error);
      if (response == NULL)
        result = FALSE;
      else if (_vitrine_response_get_status (response) >= 400)
        {
          g_propagate_error (error, _vitrine_response_to_error (response));
          result = FALSE;
        }
    }

  g_clear_error (&run->error);
  g_ptr_array_unref (run->threads);
  g_ptr_array_unref (run->jobs);
  g_ptr_array_unref (run->completions);
  g_ptr_array_unref (run->completion_files);
  g_async_queue_unref (run->queue);
  g_clear_object (&run->cancellable);
  g_mutex_clear (&run->lock);
  g_free (run);
  return result;
}
