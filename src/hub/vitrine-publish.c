/* vitrine-publish.c — publish a folder to a repository
 *
 * scan (ignore rules) → hash (cached: an unchanged file is never read
 * again) → plan against the remote tree (added, changed, unchanged,
 * deleted) → preupload → large files through the LFS batch API (basic or
 * multipart, several connections, streamed from disk) → NDJSON commit(s)
 * with parentCommit.  On 412 the plan is made again once against the new
 * head.  A rerun after a failure re-sends no large file the server has.
 *
 * The steps live beside this file (-scan, -upload, -commit); how far the
 * run is reaches the caller's main context through -report, as a
 * VitrinePublishProgress and a model of VitrinePublishFile rows.
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
#include <sys/resource.h>
#include <sys/syscall.h>
#include <glib/gi18n.h>

#include "vitrine-error.h"
#include "vitrine-publish-private.h"

#define PREUPLOAD_CHUNK 100

G_DEFINE_FINAL_TYPE (VitrinePublisher, vitrine_publisher, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_PROGRESS,
  PROP_FILES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

void
vitrine_publish_result_clear (VitrinePublishResult *result)
{
  g_clear_pointer (&result->commit_id, g_free);
  g_clear_pointer (&result->pr_url, g_free);
  g_clear_pointer (&result->left_out_secrets, g_strfreev);
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
  g_ptr_array_unref (self->included_secrets);
  _vitrine_publisher_report_clear (self);
  g_mutex_clear (&self->lock);

  G_OBJECT_CLASS (vitrine_publisher_parent_class)->finalize (object);
}

static void
vitrine_publisher_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  VitrinePublisher *self = VITRINE_PUBLISHER (object);

  switch (prop_id)
    {
    case PROP_PROGRESS:
      g_value_set_object (value, self->progress);
      break;
    case PROP_FILES:
      g_value_set_object (value, self->files);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vitrine_publisher_class_init (VitrinePublisherClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = vitrine_publisher_finalize;
  object_class->get_property = vitrine_publisher_get_property;

  /**
   * VitrinePublisher:progress:
   *
   * How far the run is, in total.
   */
  properties[PROP_PROGRESS] =
    g_param_spec_object ("progress", NULL, NULL, VITRINE_TYPE_PUBLISH_PROGRESS,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  /**
   * VitrinePublisher:files:
   *
   * The files of the run, #VitrinePublishFile items, in the order the run
   * came to them.
   */
  properties[PROP_FILES] =
    g_param_spec_object ("files", NULL, NULL, G_TYPE_LIST_MODEL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
vitrine_publisher_init (VitrinePublisher *self)
{
  self->branch = g_strdup ("main");
  self->delete_remote = TRUE;
  self->parallel = 4;
  self->flush_interval_us = VITRINE_PUBLISH_REPORT_INTERVAL_MS * 1000;
  self->max_operations = 5000;
  self->includes = g_ptr_array_new_with_free_func (g_free);
  self->excludes = g_ptr_array_new_with_free_func (g_free);
  self->included_secrets = g_ptr_array_new_with_free_func (g_free);
  g_mutex_init (&self->lock);
  _vitrine_publisher_report_init (self);
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

/**
 * vitrine_publisher_include_secret:
 * @path: a path in the folder, relative to it, with `/` between
 *   components
 *
 * Sends @path although it looks like a secret (an environment file, a
 * private key, a token or credentials file): such files stay out of a
 * publish unless included one by one, as the folder scan shows them.
 */
void
vitrine_publisher_include_secret (VitrinePublisher *self,
                                  const char       *path)
{
  g_return_if_fail (VITRINE_IS_PUBLISHER (self));
  g_return_if_fail (path != NULL);
  g_ptr_array_add (self->included_secrets, g_strdup (path));
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
 * vitrine_publisher_get_progress:
 *
 * How far a run is, in total.  It changes on the main context that was
 * the thread-default when the run started.
 *
 * Returns: (transfer none): the progress
 */
VitrinePublishProgress *
vitrine_publisher_get_progress (VitrinePublisher *self)
{
  g_return_val_if_fail (VITRINE_IS_PUBLISHER (self), NULL);
  return self->progress;
}

/**
 * vitrine_publisher_get_files:
 *
 * The files of a run, one row each as the run comes to it (and one for
 * each file it deletes on the server), changing on the main context that
 * was the thread-default when the run started.
 *
 * Returns: (transfer none): a model of #VitrinePublishFile
 */
GListModel *
vitrine_publisher_get_files (VitrinePublisher *self)
{
  g_return_val_if_fail (VITRINE_IS_PUBLISHER (self), NULL);
  return G_LIST_MODEL (self->files);
}

/* The hash cache of the publisher, or the user's. */
VitrineHashCache *
_vitrine_publisher_open_hash_cache (VitrinePublisher *self)
{
  g_autofree char *cache_file = self->cache_file != NULL
    ? g_strdup (self->cache_file)
    : g_build_filename (g_get_user_cache_dir (), "vitrine", "hashes", NULL);

  return vitrine_hash_cache_new (cache_file);
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
  VitrineRemoteFile *rf;
  VitrineUploadRun *run;
  guint64 total = 0;
  gboolean ok = TRUE;

  info = vitrine_client_repo_info (self->client, self->type, self->repo_id, self->branch, cancellable, error);
  if (info == NULL)
    return FALSE;
  head = g_strdup (vitrine_repo_info_get_sha (info));
  remote = _vitrine_publisher_remote_files (self, head != NULL ? head : self->branch, cancellable, error);
  if (remote == NULL)
    return FALSE;
  if (!_vitrine_publisher_card_guard (self, cache, files, remote, cancellable, error))
    return FALSE;

  /* Hash (cached) and plan, file by file; a changed file too large for
   * git starts uploading at once, while the next files are hashed. */
  result->added = result->changed = result->unchanged = result->deleted = 0;
  for (guint i = 0; i < files->len; i++)
    total += ((VitrineLocalFile *) g_ptr_array_index (files, i))->size;
  _vitrine_publisher_set_phase (self, VITRINE_PUBLISH_PHASE_HASHING, files->len, total);
  run = _vitrine_upload_run_start (self, cancellable);

  for (guint i = 0; ok && i < files->len; i++)
    {
      VitrineLocalFile *file = g_ptr_array_index (files, i);
      guint64 size = 0, read = 0;

      _vitrine_publisher_file_state (self, file, VITRINE_FILE_HASHING);
      g_clear_pointer (&file->sha256, g_free);
      g_clear_pointer (&file->git_sha1, g_free);
      if (!vitrine_hash_cache_hash_file (cache, file->abs_path, file->size <= VITRINE_PUBLISH_REGULAR_LIMIT,
                                         &file->sha256, &file->git_sha1, &size, &read,
                                         cancellable, error))
        {
          ok = FALSE;
          break;
        }
      file->size = size;
      file->lfs = FALSE;
      result->bytes_hashed += read;
      _vitrine_publisher_add_progress (self, 1, size, file->path);

      g_hash_table_add (local_paths, file->path);
      rf = g_hash_table_lookup (remote, file->path);
      if (rf == NULL)
        file->change = VITRINE_CHANGE_ADDED, result->added++;
      else if ((rf->lfs_oid != NULL && g_strcmp0 (rf->lfs_oid, file->sha256) == 0) ||
               (rf->lfs_oid == NULL && file->git_sha1 != NULL && g_strcmp0 (rf->oid, file->git_sha1) == 0))
        file->change = VITRINE_CHANGE_UNCHANGED, result->unchanged++;
      else
        file->change = VITRINE_CHANGE_CHANGED, result->changed++;

      if (file->change == VITRINE_CHANGE_UNCHANGED)
        {
          _vitrine_publisher_file_state (self, file, VITRINE_FILE_UNCHANGED);
          continue;
        }
      g_ptr_array_add (to_send, file);
      _vitrine_publisher_file_state (self, file, VITRINE_FILE_WAITING);

      /* Over 10 MB, a file is a large file on the Hub whatever its content. */
      if (file->size > VITRINE_PUBLISH_REGULAR_LIMIT)
        {
          g_autoptr(GPtrArray) one = g_ptr_array_new ();

          file->lfs = TRUE;
          g_ptr_array_add (one, file);
          ok = _vitrine_upload_run_add (run, one, cancellable, error);
        }
    }
  if (!ok)
    {
      _vitrine_upload_run_finish (run, FALSE, cancellable, NULL);
      return FALSE;
    }

  if (self->delete_remote)
    {
      g_hash_table_iter_init (&iter, remote);
      while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &rf))
        if (!g_hash_table_contains (local_paths, rf->path) && !g_str_equal (rf->path, ".gitattributes"))
          g_ptr_array_add (deletions, g_strdup (rf->path));
      g_ptr_array_sort (deletions, _vitrine_compare_strings);
      result->deleted = deletions->len;
    }

  if (to_send->len == 0 && deletions->len == 0)
    {
      _vitrine_upload_run_finish (run, TRUE, cancellable, NULL);
      _vitrine_publisher_card_remember (self, files, remote);
      _vitrine_publisher_set_phase (self, VITRINE_PUBLISH_PHASE_DONE, 0, 0);
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
          VitrineLocalFile *file = g_ptr_array_index (to_send, i);
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
          VitrineLocalFile *file = g_hash_table_lookup (by_path, mode->path);

          if (file != NULL && g_str_equal (mode->mode, "lfs"))
            {
              file->lfs = TRUE;
              g_ptr_array_add (lfs_files, file);
            }
        }
    }
  if (ok && lfs_files->len > 0)
    ok = _vitrine_upload_run_add (run, lfs_files, cancellable, error);

  /* What is left is uploading: the progress shows it now. */
  {
    guint64 run_total = _vitrine_upload_run_get_total (run);
    guint n_lfs = 0;

    for (guint i = 0; i < to_send->len; i++)
      n_lfs += ((VitrineLocalFile *) g_ptr_array_index (to_send, i))->lfs;
    _vitrine_publisher_set_phase (self, VITRINE_PUBLISH_PHASE_UPLOADING, n_lfs, run_total);
    g_mutex_lock (&self->lock);
    self->counts.bytes_done = MIN (self->bytes_sent, run_total);
    g_mutex_unlock (&self->lock);
    _vitrine_publisher_changed (self);
  }
  if (!_vitrine_upload_run_finish (run, ok, cancellable, ok ? error : NULL) || !ok)
    return FALSE;

  if (!_vitrine_publisher_commit (self, to_send, deletions, head, result, cancellable, error))
    return FALSE;
  _vitrine_publisher_card_remember (self, files, remote);

  _vitrine_publisher_set_phase (self, VITRINE_PUBLISH_PHASE_DONE, 0, 0);
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
  g_autoptr(GPtrArray) left_out = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(VitrineHashCache) cache = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *url = NULL;
  gboolean ok;

  g_return_val_if_fail (VITRINE_IS_PUBLISHER (self), FALSE);
  g_return_val_if_fail (result != NULL, FALSE);

  memset (result, 0, sizeof *result);
  if (!vitrine_repo_id_parse (self->repo_id, NULL, NULL, error))
    return FALSE;

  _vitrine_publisher_set_phase (self, VITRINE_PUBLISH_PHASE_SCANNING, 0, 0);
  files = _vitrine_publisher_scan (self, left_out, cancellable, error);
  if (files == NULL)
    return FALSE;
  g_ptr_array_add (left_out, NULL);
  result->left_out_secrets = g_strdupv ((char **) left_out->pdata);

  cache = _vitrine_publisher_open_hash_cache (self);

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
result_free (VitrinePublishResult *result)
{
  vitrine_publish_result_clear (result);
  g_free (result);
}

/* Makes the calling thread at least as nice as @nice (a thread can only
 * lower its own priority). */
static void
thread_set_nice (int nice)
{
  id_t tid = (id_t) syscall (SYS_gettid);
  int now;

  errno = 0;
  now = getpriority (PRIO_PROCESS, tid);
  if (errno == 0 && now < nice && setpriority (PRIO_PROCESS, tid, nice) != 0)
    g_debug ("Could not lower the priority of the publish: %s", g_strerror (errno));
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
    g_task_return_pointer (task, result, (GDestroyNotify) result_free);
  else
    {
      result_free (result);
      g_task_return_error (task, error);
    }
}

static gpointer
publish_thread (gpointer data)
{
  g_autoptr(GTask) worker = data;

  /* A publish started from a window is background work: it gives way to
   * the window (whose frames, without a GPU, are drawn by the processor
   * too) and to whatever else the user does meanwhile.  The threads that
   * send its files, started from this one, run at its priority. */
  thread_set_nice (VITRINE_PUBLISH_NICE);
  run_thread (worker, g_task_get_source_object (worker), g_task_get_task_data (worker),
              g_task_get_cancellable (worker));
  return NULL;
}

/* Back on the caller's main context: the last figures first, then the
 * caller's callback, so it finds the rows in their final states. */
static void
run_done_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;
  VitrinePublishResult *r = g_task_propagate_pointer (G_TASK (result), &error);

  _vitrine_publisher_flush (VITRINE_PUBLISHER (source));
  if (r == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, r, (GDestroyNotify) result_free);
}

/**
 * vitrine_publisher_run_async:
 *
 * Publishes the folder on a worker thread.  Meanwhile the progress object
 * (vitrine_publisher_get_progress()) and the file model
 * (vitrine_publisher_get_files()) change on the main context that is the
 * thread-default now; they have their final figures when @callback runs.
 */
void
vitrine_publisher_run_async (VitrinePublisher    *self,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GTask) worker = NULL;

  g_return_if_fail (VITRINE_IS_PUBLISHER (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, vitrine_publisher_run_async);
  _vitrine_publisher_report_start (self);
  worker = g_task_new (self, cancellable, run_done_cb, g_steal_pointer (&task));
  g_task_set_name (worker, "vitrine_publisher_run");
  /* A thread of its own, not one of the shared pool's: its priority is
   * lowered for good (see publish_thread()). */
  g_thread_unref (g_thread_new ("vitrine-publish", publish_thread, g_steal_pointer (&worker)));
}

/**
 * vitrine_publisher_run_finish:
 * @out: (out caller-allocates): what was done
 */
gboolean
vitrine_publisher_run_finish (VitrinePublisher      *self,
                              GAsyncResult          *result,
                              VitrinePublishResult  *out,
                              GError               **error)
{
  VitrinePublishResult *r;

  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == vitrine_publisher_run_async, FALSE);

  r = g_task_propagate_pointer (G_TASK (result), error);
  if (r == NULL)
    return FALSE;
  *out = *r;
  g_free (r);
  return TRUE;
}
