/* vitrine-publish.c — publish a folder to a repository
 *
 * scan (ignore rules) → hash (cached: an unchanged file is never read
 * again) → plan against the remote tree (added, changed, unchanged,
 * deleted) → preupload → large files through the LFS batch API (basic or
 * multipart, several connections, streamed from disk) → NDJSON commit(s)
 * with parentCommit.  On 412 the plan is made again once against the new
 * head.  A rerun after a failure re-sends no large file the server has.
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "vitrine-card-record.h"
#include "vitrine-error.h"
#include "vitrine-hash.h"
#include "vitrine-hash-cache.h"
#include "vitrine-ignore.h"
#include "vitrine-path.h"
#include "vitrine-publish.h"
#include "vitrine-slice-stream.h"

#define REGULAR_LIMIT (10 * 1000 * 1000)
#define PREUPLOAD_CHUNK 100
#define BATCH_CHUNK 100
#define MAX_INLINE_BYTES (64 * 1024 * 1024)
#define PROGRESS_INTERVAL_US (100 * 1000)

typedef enum
{
  CHANGE_ADDED,
  CHANGE_CHANGED,
  CHANGE_UNCHANGED,
} Change;

typedef struct
{
  char     *path;
  char     *abs_path;
  guint64   size;
  struct stat st;
  char     *sha256;
  char     *git_sha1;
  gboolean  lfs;
  Change    change;
  guint64   sent;       /* uploaded so far, under the publisher's lock */
} LocalFile;

typedef struct
{
  char     *path;
  char     *oid;
  char     *lfs_oid;
} RemoteFile;

struct _VitrinePublisher
{
  GObject        parent_instance;

  VitrineClient *client;
  VitrineRepoType type;
  char          *repo_id;
  char          *folder;
  char          *branch;
  char          *summary;
  char          *description;
  char          *sdk;
  char          *cache_file;
  gboolean       create_pr;
  gboolean       private_;
  gboolean       delete_remote;
  gboolean       replace_card;
  char          *cards_dir;
  guint          parallel;
  guint          max_operations;
  GPtrArray     *includes;
  GPtrArray     *excludes;

  VitrinePublishProgressFunc progress_func;
  gpointer       progress_data;
  VitrinePublishFileFunc file_func;
  gpointer       file_data;

  /* While running */
  GMutex         lock;
  VitrinePublishProgress progress;
  gint64         started_us;
  gint64         last_report_us;
  guint64        bytes_sent;
};

G_DEFINE_FINAL_TYPE (VitrinePublisher, vitrine_publisher, G_TYPE_OBJECT)

static void
local_file_free (LocalFile *file)
{
  g_free (file->path);
  g_free (file->abs_path);
  g_free (file->sha256);
  g_free (file->git_sha1);
  g_free (file);
}

static void
remote_file_free (RemoteFile *file)
{
  g_free (file->path);
  g_free (file->oid);
  g_free (file->lfs_oid);
  g_free (file);
}

void
vitrine_publish_result_clear (VitrinePublishResult *result)
{
  g_clear_pointer (&result->commit_id, g_free);
  g_clear_pointer (&result->pr_url, g_free);
}

static void
vitrine_publisher_finalize (GObject *object)
{
  VitrinePublisher *self = VITRINE_PUBLISHER (object);

  g_clear_object (&self->client);
  g_free (self->repo_id);
  g_free (self->folder);
  g_free (self->branch);
  g_free (self->summary);
  g_free (self->description);
  g_free (self->sdk);
  g_free (self->cache_file);
  g_free (self->cards_dir);
  g_ptr_array_unref (self->includes);
  g_ptr_array_unref (self->excludes);
  g_mutex_clear (&self->lock);

  G_OBJECT_CLASS (vitrine_publisher_parent_class)->finalize (object);
}

static void
vitrine_publisher_class_init (VitrinePublisherClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = vitrine_publisher_finalize;
}

static void
vitrine_publisher_init (VitrinePublisher *self)
{
  self->branch = g_strdup ("main");
  self->delete_remote = TRUE;
  self->parallel = 4;
  self->max_operations = 5000;
  self->includes = g_ptr_array_new_with_free_func (g_free);
  self->excludes = g_ptr_array_new_with_free_func (g_free);
  g_mutex_init (&self->lock);
}

/**
 * vitrine_publisher_new:
 * @folder: the folder to publish
 *
 * Returns: (transfer full): a publisher of @folder to @repo_id
 */
VitrinePublisher *
vitrine_publisher_new (VitrineClient   *client,
                       VitrineRepoType  type,
                       const char      *repo_id,
                       const char      *folder)
{
  VitrinePublisher *self = g_object_new (VITRINE_TYPE_PUBLISHER, NULL);

  self->client = g_object_ref (client);
  self->type = type;
  self->repo_id = g_strdup (repo_id);
  self->folder = g_canonicalize_filename (folder, NULL);
  return self;
}

void
vitrine_publisher_set_branch (VitrinePublisher *self,
                              const char       *branch)
{
  g_free (self->branch);
  self->branch = g_strdup (branch != NULL ? branch : "main");
}

void
vitrine_publisher_set_message (VitrinePublisher *self,
                               const char       *summary,
                               const char       *description)
{
  g_free (self->summary);
  g_free (self->description);
  self->summary = g_strdup (summary);
  self->description = g_strdup (description);
}

void
vitrine_publisher_set_create_pr (VitrinePublisher *self,
                                 gboolean          create_pr)
{
  self->create_pr = create_pr;
}

void
vitrine_publisher_set_private (VitrinePublisher *self,
                               gboolean          private_)
{
  self->private_ = private_;
}

void
vitrine_publisher_set_sdk (VitrinePublisher *self,
                           const char       *sdk)
{
  g_free (self->sdk);
  self->sdk = g_strdup (sdk);
}

void
vitrine_publisher_add_include (VitrinePublisher *self,
                               const char       *pattern)
{
  g_ptr_array_add (self->includes, g_strdup (pattern));
}

void
vitrine_publisher_add_exclude (VitrinePublisher *self,
                               const char       *pattern)
{
  g_ptr_array_add (self->excludes, g_strdup (pattern));
}

/* Whether files on the server that the folder no longer has are deleted. */
void
vitrine_publisher_set_delete_remote (VitrinePublisher *self,
                                     gboolean          delete_remote)
{
  self->delete_remote = delete_remote;
}

/**
 * vitrine_publisher_set_replace_card:
 *
 * Publishes the folder's README.md even when the card on the server was
 * changed by someone else since it was last published from here (by
 * default that stops the publish before anything is sent).
 */
void
vitrine_publisher_set_replace_card (VitrinePublisher *self,
                                    gboolean          replace_card)
{
  g_return_if_fail (VITRINE_IS_PUBLISHER (self));
  self->replace_card = replace_card;
}

/**
 * vitrine_publisher_set_cards_dir:
 *
 * Where the publisher remembers which card it last published to each
 * repository (default: `vitrine/published` in the user's data folder).
 */
void
vitrine_publisher_set_cards_dir (VitrinePublisher *self,
                                 const char       *cards_dir)
{
  g_return_if_fail (VITRINE_IS_PUBLISHER (self));
  g_free (self->cards_dir);
  self->cards_dir = g_strdup (cards_dir);
}

void
vitrine_publisher_set_parallel (VitrinePublisher *self,
                                guint             parallel)
{
  self->parallel = CLAMP (parallel, 1, 16);
}

/* More operations than this are split into several commits. */
void
vitrine_publisher_set_max_operations (VitrinePublisher *self,
                                      guint             max_operations)
{
  self->max_operations = MAX (max_operations, 1);
}

void
vitrine_publisher_set_hash_cache (VitrinePublisher *self,
                                  const char       *cache_file)
{
  g_free (self->cache_file);
  self->cache_file = g_strdup (cache_file);
}

/**
 * vitrine_publisher_set_progress_func:
 *
 * @func is called from the publishing thread, at most ten times a second
 * and at each change of phase.
 */
void
vitrine_publisher_set_progress_func (VitrinePublisher           *self,
                                     VitrinePublishProgressFunc  func,
                                     gpointer                    user_data)
{
  self->progress_func = func;
  self->progress_data = user_data;
}

void
vitrine_publisher_set_file_func (VitrinePublisher       *self,
                                 VitrinePublishFileFunc  func,
                                 gpointer                user_data)
{
  self->file_func = func;
  self->file_data = user_data;
}

/* ---- Progress --------------------------------------------------------- */

static void
file_state (VitrinePublisher *self,
            const char       *path,
            VitrineFileState  state,
            guint64           done,
            guint64           size)
{
  if (self->file_func != NULL)
    self->file_func (path, state, done, size, self->file_data);
}

static void
report (VitrinePublisher *self,
        gboolean          force)
{
  VitrinePublishProgress snapshot;
  gint64 now = g_get_monotonic_time ();

  if (self->progress_func == NULL)
    return;

  g_mutex_lock (&self->lock);
  if (!force && now - self->last_report_us < PROGRESS_INTERVAL_US)
    {
      g_mutex_unlock (&self->lock);
      return;
    }
  self->last_report_us = now;
  {
    double elapsed = (now - self->started_us) / 1e6;
    self->progress.bytes_per_second = elapsed > 0.2 ? self->progress.bytes_done / elapsed : 0;
    self->progress.seconds_left = self->progress.bytes_per_second > 0
      ? (self->progress.bytes_total - MIN (self->progress.bytes_done, self->progress.bytes_total)) /
        self->progress.bytes_per_second
      : -1;
  }
  snapshot = self->progress;
  g_mutex_unlock (&self->lock);

  self->progress_func (&snapshot, self->progress_data);
}

static void
set_phase (VitrinePublisher    *self,
           VitrinePublishPhase  phase,
           guint                files_total,
           guint64              bytes_total)
{
  g_mutex_lock (&self->lock);
  self->progress.phase = phase;
  self->progress.files_total = files_total;
  self->progress.files_done = 0;
  self->progress.bytes_total = bytes_total;
  self->progress.bytes_done = 0;
  self->progress.current_path = NULL;
  self->started_us = g_get_monotonic_time ();
  g_mutex_unlock (&self->lock);
  report (self, TRUE);
}

static void
add_progress (VitrinePublisher *self,
              guint             files,
              guint64           bytes,
              const char       *path)
{
  g_mutex_lock (&self->lock);
  self->progress.files_done += files;
  self->progress.bytes_done += bytes;
  if (path != NULL)
    self->progress.current_path = path;
  g_mutex_unlock (&self->lock);
  report (self, FALSE);
}

/* ---- Scan ------------------------------------------------------------- */

/* For g_ptr_array_sort(), which passes pointers to the elements. */
static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

static gboolean
scan_dir (VitrinePublisher  *self,
          VitrineIgnore     *ignore,
          const char        *rel_dir,
          GPtrArray         *files,
          GCancellable      *cancellable,
          GError           **error)
{
  g_autofree char *abs_dir = *rel_dir != '\0' ? g_build_filename (self->folder, rel_dir, NULL)
                                              : g_strdup (self->folder);
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  dir = g_dir_open (abs_dir, 0, error);
  if (dir == NULL)
    return FALSE;
  while ((name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_strings);

  for (guint i = 0; i < names->len; i++)
    {
      const char *entry = g_ptr_array_index (names, i);
      g_autofree char *rel = *rel_dir != '\0' ? g_strconcat (rel_dir, "/", entry, NULL) : g_strdup (entry);
      g_autofree char *abs = g_build_filename (abs_dir, entry, NULL);
      struct stat st;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
      /* Links are followed only when they lead to a file or folder. */
      if (stat (abs, &st) != 0)
        continue;

      if (S_ISDIR (st.st_mode))
        {
          if (vitrine_ignore_match (ignore, rel, TRUE, NULL))
            continue;
          if (!scan_dir (self, ignore, rel, files, cancellable, error))
            return FALSE;
        }
      else if (S_ISREG (st.st_mode))
        {
          LocalFile *file;

          if (vitrine_ignore_match (ignore, rel, FALSE, NULL))
            continue;
          if (!vitrine_path_check (rel, -1, error))
            return FALSE;
          file = g_new0 (LocalFile, 1);
          file->path = g_steal_pointer (&rel);
          file->abs_path = g_steal_pointer (&abs);
          file->size = st.st_size;
          file->st = st;
          g_ptr_array_add (files, file);
        }
    }
  return TRUE;
}

static GPtrArray *
scan (VitrinePublisher  *self,
      GCancellable      *cancellable,
      GError           **error)
{
  g_autoptr(VitrineIgnore) ignore = vitrine_ignore_new ();
  g_autofree char *gitignore_path = g_build_filename (self->folder, ".gitignore", NULL);
  g_autofree char *gitignore = NULL;
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func ((GDestroyNotify) local_file_free);

  if (!g_file_test (self->folder, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_DIRECTORY,
                   _("“%s” is not a folder."), self->folder);
      return NULL;
    }
  if (g_file_get_contents (gitignore_path, &gitignore, NULL, NULL))
    vitrine_ignore_add_gitignore (ignore, gitignore);
  for (guint i = 0; i < self->includes->len; i++)
    vitrine_ignore_add_include (ignore, g_ptr_array_index (self->includes, i));
  for (guint i = 0; i < self->excludes->len; i++)
    vitrine_ignore_add_exclude (ignore, g_ptr_array_index (self->excludes, i));

  if (!scan_dir (self, ignore, "", files, cancellable, error))
    return NULL;
  return g_steal_pointer (&files);
}

/* ---- Remote ----------------------------------------------------------- */

static GHashTable *
remote_files (VitrinePublisher  *self,
              const char        *commit,
              GCancellable      *cancellable,
              GError           **error)
{
  g_autoptr(GListStore) tree = vitrine_client_list_tree (self->client, self->type, self->repo_id, commit,
                                                         NULL, TRUE, cancellable, error);
  GHashTable *remote;
  guint n;

  if (tree == NULL)
    return NULL;
  remote = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) remote_file_free);
  n = g_list_model_get_n_items (G_LIST_MODEL (tree));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(VitrineTreeEntry) entry = g_list_model_get_item (G_LIST_MODEL (tree), i);
      RemoteFile *file;

      if (vitrine_tree_entry_is_directory (entry) || vitrine_tree_entry_get_path (entry) == NULL)
        continue;
      file = g_new0 (RemoteFile, 1);
      file->path = g_strdup (vitrine_tree_entry_get_path (entry));
      file->oid = g_strdup (vitrine_tree_entry_get_oid (entry));
      file->lfs_oid = g_strdup (vitrine_tree_entry_get_lfs_oid (entry));
      g_hash_table_replace (remote, file->path, file);
    }
  return remote;
}

/* ---- Upload ----------------------------------------------------------- */

typedef struct
{
  LocalFile *file;
  char      *href;
  guint64    offset;
  guint64    length;
  guint      part;       /* 0 for a single PUT */
  char      *etag;
} UploadJob;

/* Uploads run on worker threads fed through a queue, from the moment the
 * first large file is known: hashing the next files goes on meanwhile. */
typedef struct
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
} UploadRun;

/* Pushed once per worker: no more jobs. */
static UploadJob end_of_jobs;

typedef struct
{
  UploadJob *job;
  UploadRun *run;
  guint64    sent;      /* by this attempt */
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
  LocalFile *file = body->job->file;
  guint64 sent;

  g_mutex_lock (&self->lock);
  if (self->progress.phase == VITRINE_PUBLISH_PHASE_UPLOADING)
    self->progress.bytes_done += n;
  self->bytes_sent += n;
  body->sent += n;
  file->sent += n;
  sent = MIN (file->sent, file->size);
  g_mutex_unlock (&self->lock);
  file_state (self, file->path, VITRINE_FILE_UPLOADING, sent, file->size);
  report (self, FALSE);
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
  UploadRun *run = user_data;
  UploadJob *job;

  while ((job = g_async_queue_pop (run->queue)) != &end_of_jobs)
    {
      g_autoptr(VitrineResponse) response = NULL;
      g_autoptr(GError) error = NULL;
      BodyData body = { job, run, 0 };

      if (g_cancellable_is_cancelled (run->cancellable))
        continue;
      add_progress (run->self, 0, 0, job->file->path);
      /* Upload URLs carry their own capability: no token goes with them. */
      response = vitrine_client_send (run->self->client, "PUT", job->href, "application/octet-stream",
                                      NULL, open_job_body, &body, job->length,
                                      VITRINE_REQUEST_IDEMPOTENT | VITRINE_REQUEST_NO_AUTH,
                                      run->cancellable, &error);
      if (response != NULL && response->status >= 400)
        error = vitrine_error_new_from_response (response->status,
                                                 soup_message_headers_get_one (response->headers, "X-Error-Code"),
                                                 soup_message_headers_get_one (response->headers, "X-Error-Message"),
                                                 soup_message_headers_get_content_type (response->headers, NULL),
                                                 response->body);
      else if (response != NULL && job->part > 0)
        {
          const char *etag = soup_message_headers_get_one (response->headers, "ETag");
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

static void
uploads_start (VitrinePublisher *self,
               UploadRun        *run,
               GCancellable     *cancellable)
{
  memset (run, 0, sizeof *run);
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
  /* Several connections at once, each streaming from disk. */
  for (guint i = 0; i < self->parallel; i++)
    g_ptr_array_add (run->threads, g_thread_new ("vitrine-upload", upload_worker, run));
}

/* Asks the batch API about @files and queues what the server lacks. */
static gboolean
uploads_add (UploadRun     *run,
             GPtrArray     *files,
             GCancellable  *cancellable,
             GError       **error)
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
          LocalFile *file = g_ptr_array_index (files, i);

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
          LocalFile *file = g_hash_table_lookup (by_oid, vitrine_json_string (item, "oid") != NULL
                                                 ? vitrine_json_string (item, "oid") : "");

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
 * of their parts.  Always joins the workers, even when @ok is FALSE. */
static gboolean
uploads_finish (UploadRun     *run,
                gboolean       ok,
                GCancellable  *cancellable,
                GError       **error)
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
      LocalFile *file = g_ptr_array_index (run->completion_files, c);
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) body = NULL;
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(VitrineResponse) response = NULL;
      char *text;

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
      text = json_to_string (body, FALSE);
      bytes = g_bytes_new_take (text, strlen (text));

      response = vitrine_client_send (self->client, "POST", g_ptr_array_index (run->completions, c),
                                      "application/vnd.git-lfs+json", bytes, NULL, NULL, 0,
                                      VITRINE_REQUEST_IDEMPOTENT | VITRINE_REQUEST_NO_AUTH,
                                      cancellable, error);
      if (response == NULL)
        result = FALSE;
      else if (response->status >= 400)
        {
          g_propagate_error (error, vitrine_error_new_from_response (response->status,
                             soup_message_headers_get_one (response->headers, "X-Error-Code"),
                             soup_message_headers_get_one (response->headers, "X-Error-Message"),
                             soup_message_headers_get_content_type (response->headers, NULL),
                             response->body));
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
  return result;
}

/* ---- Commit ----------------------------------------------------------- */

static void
append_line (GString    *out,
             const char *key,
             JsonNode   *value)
{
  g_autoptr(JsonObject) line = json_object_new ();
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *text = NULL;

  json_object_set_string_member (line, "key", key);
  json_object_set_member (line, "value", value);
  node = json_node_init_object (json_node_alloc (), line);
  text = json_to_string (node, FALSE);
  g_string_append (out, text);
  g_string_append_c (out, '\n');
}

static JsonNode *
path_value (const char *path)
{
  JsonObject *object = json_object_new ();

  json_object_set_string_member (object, "path", path);
  return json_node_init_object (json_node_alloc (), object);
}

typedef struct
{
  GPtrArray *files;      /* LocalFile to add or change */
  GPtrArray *deletions;  /* paths */
} Plan;

static gboolean
commit_plan (VitrinePublisher      *self,
             Plan                  *plan,
             const char            *parent,
             VitrinePublishResult  *result,
             GCancellable          *cancellable,
             GError               **error)
{
  guint total_ops = plan->files->len + plan->deletions->len;
  guint n_commits = 0;
  guint index = 0;
  g_autofree char *current_parent = g_strdup (parent);
  const char *summary = self->summary != NULL ? self->summary : _("Upload folder with Vitrine");

  set_phase (self, VITRINE_PUBLISH_PHASE_COMMITTING, total_ops, 0);
  for (guint i = 0; i < plan->files->len; i++)
    {
      LocalFile *file = g_ptr_array_index (plan->files, i);
      file_state (self, file->path, VITRINE_FILE_COMMITTING, file->size, file->size);
    }

  while (index < total_ops || (total_ops == 0 && n_commits == 0))
    {
      g_autoptr(GString) payload = g_string_new (NULL);
      g_autoptr(GBytes) bytes = NULL;
      g_autofree char *commit_id = NULL;
      g_autofree char *pr_url = NULL;
      g_autofree char *title = NULL;
      JsonObject *header = json_object_new ();
      guint64 inline_bytes = 0;
      guint ops = 0;

      if (total_ops == 0)
        break;
      title = n_commits == 0 && index + self->max_operations >= total_ops
        ? g_strdup (summary)
        : g_strdup_printf (_("%s (part %u)"), summary, n_commits + 1);
      json_object_set_string_member (header, "summary", title);
      json_object_set_string_member (header, "description", self->description != NULL ? self->description : "");
      if (current_parent != NULL && !self->create_pr)
        json_object_set_string_member (header, "parentCommit", current_parent);
      append_line (payload, "header", json_node_init_object (json_node_alloc (), header));

      while (index < total_ops && ops < self->max_operations && inline_bytes < MAX_INLINE_BYTES)
        {
          if (index < plan->files->len)
            {
              LocalFile *file = g_ptr_array_index (plan->files, index);
              JsonObject *value = json_object_new ();

              json_object_set_string_member (value, "path", file->path);
              if (file->lfs)
                {
                  json_object_set_string_member (value, "algo", "sha256");
                  json_object_set_string_member (value, "oid", file->sha256);
                  json_object_set_int_member (value, "size", file->size);
                  append_line (payload, "lfsFile", json_node_init_object (json_node_alloc (), value));
                }
              else
                {
                  g_autofree char *content = NULL;
                  g_autofree char *b64 = NULL;
                  gsize len;

                  if (!g_file_get_contents (file->abs_path, &content, &len, error))
                    {
                      json_object_unref (value);
                      return FALSE;
                    }
                  b64 = g_base64_encode ((const guchar *) content, len);
                  json_object_set_string_member (value, "content", b64);
                  json_object_set_string_member (value, "encoding", "base64");
                  append_line (payload, "file", json_node_init_object (json_node_alloc (), value));
                  inline_bytes += len;
                }
            }
          else
            append_line (payload, "deletedFile",
                         path_value (g_ptr_array_index (plan->deletions, index - plan->files->len)));
          index++;
          ops++;
        }

      bytes = g_string_free_to_bytes (g_steal_pointer (&payload));
      if (!vitrine_client_commit (self->client, self->type, self->repo_id, self->branch, bytes,
                                  self->create_pr && n_commits == 0, &commit_id, &pr_url,
                                  cancellable, error))
        return FALSE;
      n_commits++;
      add_progress (self, ops, 0, NULL);
      for (guint i = index - ops; i < index; i++)
        if (i < plan->files->len)
          {
            LocalFile *file = g_ptr_array_index (plan->files, i);
            file_state (self, file->path, VITRINE_FILE_DONE, file->size, file->size);
          }
        else
          file_state (self, g_ptr_array_index (plan->deletions, i - plan->files->len),
                      VITRINE_FILE_DELETED, 0, 0);
      g_free (current_parent);
      current_parent = g_strdup (commit_id);
      g_free (result->commit_id);
      result->commit_id = g_steal_pointer (&commit_id);
      if (pr_url != NULL)
        {
          g_free (result->pr_url);
          result->pr_url = g_steal_pointer (&pr_url);
        }
    }
  result->commits = n_commits;
  return TRUE;
}

/* ---- The card guard ---------------------------------------------------- */

/* A card edited on the Hub after it was published from here must not be
 * replaced without the user knowing: the publisher remembers the git
 * object id of the README.md it last left on each repository's branch. */

static char *
card_record_read (VitrinePublisher *self)
{
  return vitrine_card_record_read (self->cards_dir, vitrine_client_get_endpoint (self->client),
                                   self->type, self->repo_id, self->branch);
}

static void
card_record_write (VitrinePublisher *self,
                   const char       *oid)
{
  g_autoptr(GError) error = NULL;

  if (!vitrine_card_record_write (self->cards_dir, vitrine_client_get_endpoint (self->client),
                                  self->type, self->repo_id, self->branch, oid, &error))
    g_debug ("Could not remember the published card: %s", error->message);
}

/* Stops a publish that would replace or delete a card someone changed on
 * the server since this machine last published it. */
static gboolean
card_guard (VitrinePublisher  *self,
            VitrineHashCache  *cache,
            GPtrArray         *files,
            GHashTable        *remote,
            GCancellable      *cancellable,
            GError           **error)
{
  RemoteFile *rf = g_hash_table_lookup (remote, "README.md");
  g_autofree char *recorded = NULL;
  LocalFile *card = NULL;

  if (self->replace_card || self->create_pr || rf == NULL || rf->lfs_oid != NULL)
    return TRUE;
  recorded = card_record_read (self);
  /* Never published from here, or nobody changed it since. */
  if (recorded == NULL || g_strcmp0 (recorded, rf->oid) == 0)
    return TRUE;

  for (guint i = 0; i < files->len && card == NULL; i++)
    if (g_str_equal (((LocalFile *) g_ptr_array_index (files, i))->path, "README.md"))
      card = g_ptr_array_index (files, i);
  if (card == NULL && !self->delete_remote)
    return TRUE;
  if (card != NULL)
    {
      guint64 size = 0, read = 0;

      g_clear_pointer (&card->sha256, g_free);
      g_clear_pointer (&card->git_sha1, g_free);
      if (!vitrine_hash_cache_hash_file (cache, card->abs_path, TRUE, &card->sha256, &card->git_sha1,
                                         &size, &read, cancellable, error))
        return FALSE;
      /* The folder already has the server's card: nothing is lost. */
      if (g_strcmp0 (card->git_sha1, rf->oid) == 0)
        return TRUE;
    }

  g_set_error (error, VITRINE_ERROR, VITRINE_ERROR_CARD_CHANGED,
               _("The model card (README.md) of %s was changed on the Hub since it was last published from this computer. "
                 "Publishing would replace those changes: compare the two cards in Vitrine and merge them, "
                 "or publish again with --replace-card to replace the Hub’s card with yours."),
               self->repo_id);
  return FALSE;
}

/* After a publish: the card the branch now has. */
static void
card_remember (VitrinePublisher *self,
               GPtrArray        *files,
               GHashTable       *remote)
{
  RemoteFile *rf = g_hash_table_lookup (remote, "README.md");

  if (self->create_pr)
    return;
  for (guint i = 0; i < files->len; i++)
    {
      LocalFile *file = g_ptr_array_index (files, i);

      if (g_str_equal (file->path, "README.md"))
        {
          card_record_write (self, file->lfs ? NULL : file->git_sha1);
          return;
        }
    }
  /* Not in the folder: deleted when mirroring, else left as it was. */
  card_record_write (self, self->delete_remote || rf == NULL || rf->lfs_oid != NULL ? NULL : rf->oid);
}

/* ---- The whole run ---------------------------------------------------- */

static gboolean
publish_once (VitrinePublisher      *self,
              VitrineHashCache      *cache,
              GPtrArray             *files,
              VitrinePublishResult  *result,
              GCancellable          *cancellable,
              GError               **error)
{
  g_autoptr(VitrineRepoInfo) info = NULL;
  g_autoptr(GHashTable) remote = NULL;
  g_autoptr(GHashTable) local_paths = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) to_send = g_ptr_array_new ();
  g_autoptr(GPtrArray) deletions = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) lfs_files = g_ptr_array_new ();
  g_autofree char *head = NULL;
  GHashTableIter iter;
  RemoteFile *rf;
  UploadRun run;
  Plan plan;
  guint64 total = 0;
  gboolean ok = TRUE;

  info = vitrine_client_repo_info (self->client, self->type, self->repo_id, self->branch, cancellable, error);
  if (info == NULL)
    return FALSE;
  head = g_strdup (vitrine_repo_info_get_sha (info));
  remote = remote_files (self, head != NULL ? head : self->branch, cancellable, error);
  if (remote == NULL)
    return FALSE;
  if (!card_guard (self, cache, files, remote, cancellable, error))
    return FALSE;

  /* Hash (cached) and plan, file by file; a changed file too large for
   * git starts uploading at once, while the next files are hashed. */
  result->added = result->changed = result->unchanged = result->deleted = 0;
  for (guint i = 0; i < files->len; i++)
    total += ((LocalFile *) g_ptr_array_index (files, i))->size;
  set_phase (self, VITRINE_PUBLISH_PHASE_HASHING, files->len, total);
  uploads_start (self, &run, cancellable);

  for (guint i = 0; ok && i < files->len; i++)
    {
      LocalFile *file = g_ptr_array_index (files, i);
      guint64 size = 0, read = 0;

      file_state (self, file->path, VITRINE_FILE_HASHING, 0, file->size);
      g_clear_pointer (&file->sha256, g_free);
      g_clear_pointer (&file->git_sha1, g_free);
      if (!vitrine_hash_cache_hash_file (cache, file->abs_path, file->size <= REGULAR_LIMIT,
                                         &file->sha256, &file->git_sha1, &size, &read,
                                         cancellable, error))
        {
          ok = FALSE;
          break;
        }
      file->size = size;
      file->lfs = FALSE;
      file->sent = 0;
      result->bytes_hashed += read;
      add_progress (self, 1, size, file->path);

      g_hash_table_add (local_paths, file->path);
      rf = g_hash_table_lookup (remote, file->path);
      if (rf == NULL)
        file->change = CHANGE_ADDED, result->added++;
      else if ((rf->lfs_oid != NULL && g_strcmp0 (rf->lfs_oid, file->sha256) == 0) ||
               (rf->lfs_oid == NULL && file->git_sha1 != NULL && g_strcmp0 (rf->oid, file->git_sha1) == 0))
        file->change = CHANGE_UNCHANGED, result->unchanged++;
      else
        file->change = CHANGE_CHANGED, result->changed++;

      if (file->change == CHANGE_UNCHANGED)
        {
          file_state (self, file->path, VITRINE_FILE_UNCHANGED, file->size, file->size);
          continue;
        }
      g_ptr_array_add (to_send, file);
      file_state (self, file->path, VITRINE_FILE_WAITING, 0, file->size);

      /* Over 10 MB, a file is a large file on the Hub whatever its content. */
      if (file->size > REGULAR_LIMIT)
        {
          g_autoptr(GPtrArray) one = g_ptr_array_new ();

          file->lfs = TRUE;
          g_ptr_array_add (one, file);
          ok = uploads_add (&run, one, cancellable, error);
        }
    }
  if (!ok)
    {
      uploads_finish (&run, FALSE, cancellable, NULL);
      return FALSE;
    }

  if (self->delete_remote)
    {
      g_hash_table_iter_init (&iter, remote);
      while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &rf))
        if (!g_hash_table_contains (local_paths, rf->path) && !g_str_equal (rf->path, ".gitattributes"))
          g_ptr_array_add (deletions, g_strdup (rf->path));
      g_ptr_array_sort (deletions, compare_strings);
      result->deleted = deletions->len;
    }

  if (to_send->len == 0 && deletions->len == 0)
    {
      uploads_finish (&run, TRUE, cancellable, NULL);
      card_remember (self, files, remote);
      set_phase (self, VITRINE_PUBLISH_PHASE_DONE, 0, 0);
      return TRUE;
    }

  /* Preupload: the server says which of the others are large files. */
  for (guint start = 0; ok && start < to_send->len; start += PREUPLOAD_CHUNK)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) list = NULL;
      g_autoptr(GPtrArray) modes = NULL;
      g_autoptr(GHashTable) by_path = g_hash_table_new (g_str_hash, g_str_equal);

      json_builder_begin_array (builder);
      for (guint i = start; i < MIN (to_send->len, start + PREUPLOAD_CHUNK); i++)
        {
          LocalFile *file = g_ptr_array_index (to_send, i);
          guint8 sample[512];
          gssize n = 0;
          int fd;
          g_autofree char *b64 = NULL;

          if (file->lfs)
            continue;
          fd = open (file->abs_path, O_RDONLY | O_CLOEXEC);
          if (fd >= 0)
            {
              n = read (fd, sample, sizeof sample);
              close (fd);
            }
          b64 = g_base64_encode (sample, MAX (n, 0));
          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "path");
          json_builder_add_string_value (builder, file->path);
          json_builder_set_member_name (builder, "size");
          json_builder_add_int_value (builder, file->size);
          json_builder_set_member_name (builder, "sample");
          json_builder_add_string_value (builder, b64);
          json_builder_end_object (builder);
          g_hash_table_insert (by_path, file->path, file);
        }
      json_builder_end_array (builder);
      list = json_builder_get_root (builder);
      if (g_hash_table_size (by_path) == 0)
        continue;
      modes = vitrine_client_preupload (self->client, self->type, self->repo_id, self->branch, list,
                                        cancellable, error);
      if (modes == NULL)
        {
          ok = FALSE;
          break;
        }
      for (guint i = 0; i < modes->len; i++)
        {
          VitrinePreuploadResult *mode = g_ptr_array_index (modes, i);
          LocalFile *file = g_hash_table_lookup (by_path, mode->path);

          if (file != NULL && g_str_equal (mode->mode, "lfs"))
            {
              file->lfs = TRUE;
              g_ptr_array_add (lfs_files, file);
            }
        }
    }
  if (ok && lfs_files->len > 0)
    ok = uploads_add (&run, lfs_files, cancellable, error);

  /* What is left is uploading: the progress shows it now. */
  {
    guint n_lfs = 0;

    for (guint i = 0; i < to_send->len; i++)
      n_lfs += ((LocalFile *) g_ptr_array_index (to_send, i))->lfs;
    set_phase (self, VITRINE_PUBLISH_PHASE_UPLOADING, n_lfs, run.total);
    g_mutex_lock (&self->lock);
    self->progress.bytes_done = MIN (self->bytes_sent, run.total);
    g_mutex_unlock (&self->lock);
  }
  if (!uploads_finish (&run, ok, cancellable, ok ? error : NULL) || !ok)
    return FALSE;

  plan.files = to_send;
  plan.deletions = deletions;
  if (!commit_plan (self, &plan, head, result, cancellable, error))
    return FALSE;
  card_remember (self, files, remote);

  set_phase (self, VITRINE_PUBLISH_PHASE_DONE, 0, 0);
  return TRUE;
}

/**
 * vitrine_publisher_run:
 * @result: (out caller-allocates): what was done
 *
 * Publishes the folder, blocking: call it from a worker thread, or use
 * vitrine_publisher_run_async().
 */
gboolean
vitrine_publisher_run (VitrinePublisher      *self,
                       VitrinePublishResult  *result,
                       GCancellable          *cancellable,
                       GError               **error)
{
  g_autoptr(GPtrArray) files = NULL;
  g_autoptr(VitrineHashCache) cache = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *cache_file = NULL;
  g_autofree char *url = NULL;
  gboolean ok;

  g_return_val_if_fail (VITRINE_IS_PUBLISHER (self), FALSE);
  g_return_val_if_fail (result != NULL, FALSE);

  memset (result, 0, sizeof *result);
  if (!vitrine_repo_id_parse (self->repo_id, NULL, NULL, error))
    return FALSE;

  set_phase (self, VITRINE_PUBLISH_PHASE_SCANNING, 0, 0);
  files = scan (self, cancellable, error);
  if (files == NULL)
    return FALSE;

  cache_file = self->cache_file != NULL
    ? g_strdup (self->cache_file)
    : g_build_filename (g_get_user_cache_dir (), "vitrine", "hashes", NULL);
  cache = vitrine_hash_cache_new (cache_file);

  url = vitrine_client_create_repo (self->client, self->type, self->repo_id, self->private_, self->sdk,
                                    TRUE, cancellable, error);
  if (url == NULL)
    return FALSE;

  ok = publish_once (self, cache, files, result, cancellable, &local_error);
  /* Hashes are kept even when the publish failed: a rerun reads nothing again. */
  {
    g_autoptr(GError) save_error = NULL;
    if (!vitrine_hash_cache_save (cache, &save_error))
      g_debug ("Could not save the hash cache: %s", save_error->message);
  }
  if (!ok)
    {
      /* Someone else committed meanwhile: plan again, once, on their work. */
      if (!g_error_matches (local_error, VITRINE_ERROR, VITRINE_ERROR_PRECONDITION_FAILED))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      g_clear_error (&local_error);
      ok = publish_once (self, cache, files, result, cancellable, &local_error);
      vitrine_hash_cache_save (cache, NULL);
      if (!ok)
        {
          if (g_error_matches (local_error, VITRINE_ERROR, VITRINE_ERROR_PRECONDITION_FAILED))
            g_set_error_literal (error, VITRINE_ERROR, VITRINE_ERROR_PRECONDITION_FAILED,
                                 _("The repository keeps changing while Vitrine publishes to it. "
                                   "Wait until nobody else is publishing, then try again."));
          else
            g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
    }
  g_mutex_lock (&self->lock);
  result->bytes_uploaded = self->bytes_sent;
  g_mutex_unlock (&self->lock);
  return TRUE;
}

static void
run_thread (GTask        *task,
            gpointer      source,
            gpointer      task_data,
            GCancellable *cancellable)
{
  VitrinePublishResult *result = g_new0 (VitrinePublishResult, 1);
  GError *error = NULL;

  if (vitrine_publisher_run (source, result, cancellable, &error))
    g_task_return_pointer (task, result, NULL);
  else
    {
      vitrine_publish_result_clear (result);
      g_free (result);
      g_task_return_error (task, error);
    }
}

void
vitrine_publisher_run_async (VitrinePublisher    *self,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, vitrine_publisher_run_async);
  g_task_run_in_thread (task, run_thread);
}

gboolean
vitrine_publisher_run_finish (VitrinePublisher      *self,
                              GAsyncResult          *result,
                              VitrinePublishResult  *out,
                              GError               **error)
{
  VitrinePublishResult *r;

  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  r = g_task_propagate_pointer (G_TASK (result), error);
  if (r == NULL)
    return FALSE;
  *out = *r;
  g_free (r);
  return TRUE;
}
