/* vitrine-publish-queue.c — every publish, recorded before it starts
 *
 * A list model of VitrinePublishJob, newest first, for the Publish page:
 * the publish under way, those to resume, the recent ones.  Each job has
 * a record, `<id>.json` in `$XDG_DATA_HOME/vitrine/publishes/`, written
 * when it is added and at every change of state (vitrine-publish-job*.c).
 * At load, a record left "running" (Vitrine crashed or was killed) comes
 * back "interrupted", to be resumed with vitrine_publish_job_retry().
 * The last VITRINE_PUBLISH_QUEUE_KEEP finished publishes are kept; older
 * records are removed.
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "vitrine-json.h"
#include "vitrine-publish-job-private.h"
#include "vitrine-publish-queue.h"
#include "vitrine-publish-record.h"

/* Records larger than this are not read. */
#define MAX_RECORD_SIZE (1024 * 1024)

struct _VitrinePublishQueue
{
  GObject                   parent_instance;

  char                     *dir;
  GPtrArray                *jobs;            /* VitrinePublishJob, newest first */
  VitrineClientForEndpoint  client_func;
  gpointer                  client_data;
  GDestroyNotify            client_destroy;
  GWeakRef                  accounts;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (VitrinePublishQueue, vitrine_publish_queue, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

enum {
  PROP_0,
  PROP_DIR,
  PROP_N_ITEMS,
  PROP_N_UNFINISHED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GType
get_item_type (GListModel *model)
{
  return VITRINE_TYPE_PUBLISH_JOB;
}

static guint
get_n_items (GListModel *model)
{
  return VITRINE_PUBLISH_QUEUE (model)->jobs->len;
}

static gpointer
get_item (GListModel *model,
          guint       position)
{
  VitrinePublishQueue *self = VITRINE_PUBLISH_QUEUE (model);

  if (position >= self->jobs->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (self->jobs, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = get_item_type;
  iface->get_n_items = get_n_items;
  iface->get_item = get_item;
}

static void on_job_state_cb (VitrinePublishJob   *job,
                             GParamSpec          *pspec,
                             VitrinePublishQueue *self);

static void
vitrine_publish_queue_dispose (GObject *object)
{
  VitrinePublishQueue *self = VITRINE_PUBLISH_QUEUE (object);

  for (guint i = 0; self->jobs != NULL && i < self->jobs->len; i++)
    g_signal_handlers_disconnect_by_func (g_ptr_array_index (self->jobs, i), on_job_state_cb, self);
  if (self->jobs != NULL)
    g_ptr_array_set_size (self->jobs, 0);
  if (self->client_destroy != NULL)
    g_clear_pointer (&self->client_data, self->client_destroy);
  self->client_func = NULL;

  G_OBJECT_CLASS (vitrine_publish_queue_parent_class)->dispose (object);
}

static void
vitrine_publish_queue_finalize (GObject *object)
{
  VitrinePublishQueue *self = VITRINE_PUBLISH_QUEUE (object);

  g_free (self->dir);
  g_ptr_array_unref (self->jobs);
  g_weak_ref_clear (&self->accounts);

  G_OBJECT_CLASS (vitrine_publish_queue_parent_class)->finalize (object);
}

static void
vitrine_publish_queue_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  VitrinePublishQueue *self = VITRINE_PUBLISH_QUEUE (object);

  switch (prop_id)
    {
    case PROP_DIR:
      g_value_set_string (value, self->dir);
      break;
    case PROP_N_ITEMS:
      g_value_set_uint (value, self->jobs->len);
      break;
    case PROP_N_UNFINISHED:
      g_value_set_uint (value, vitrine_publish_queue_get_n_unfinished (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vitrine_publish_queue_class_init (VitrinePublishQueueClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = vitrine_publish_queue_dispose;
  object_class->finalize = vitrine_publish_queue_finalize;
  object_class->get_property = vitrine_publish_queue_get_property;

  properties[PROP_DIR] = g_param_spec_string ("dir", NULL, NULL, NULL, flags);
  properties[PROP_N_ITEMS] = g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0, flags);
  /* Queued, running or interrupted: what quitting would leave undone. */
  properties[PROP_N_UNFINISHED] = g_param_spec_uint ("n-unfinished", NULL, NULL, 0, G_MAXUINT, 0, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
vitrine_publish_queue_init (VitrinePublishQueue *self)
{
  self->jobs = g_ptr_array_new_with_free_func (g_object_unref);
  g_weak_ref_init (&self->accounts, NULL);
}

/**
 * vitrine_publish_queue_new:
 * @records_dir: (nullable): where the records go; %NULL for
 *   `vitrine/publishes` in the user's data folder
 *
 * Returns: (transfer full): an empty queue: load it with
 *   vitrine_publish_queue_load_async()
 */
VitrinePublishQueue *
vitrine_publish_queue_new (const char *records_dir)
{
  VitrinePublishQueue *self = g_object_new (VITRINE_TYPE_PUBLISH_QUEUE, NULL);

  self->dir = records_dir != NULL ? g_strdup (records_dir)
                                  : g_build_filename (g_get_user_data_dir (), "vitrine", "publishes", NULL);
  return self;
}

const char *
vitrine_publish_queue_get_dir (VitrinePublishQueue *self)
{
  g_return_val_if_fail (VITRINE_IS_PUBLISH_QUEUE (self), NULL);
  return self->dir;
}

/* The jobs' client function: the queue's, else the account store's. */
static VitrineClient *
client_for_endpoint (const char *endpoint,
                     gpointer    user_data)
{
  g_autoptr(VitrinePublishQueue) self = g_weak_ref_get (user_data);
  g_autoptr(VitrineAccountStore) accounts = NULL;
  VitrineAccount *account;

  if (self == NULL)
    return NULL;
  if (self->client_func != NULL)
    return self->client_func (endpoint, self->client_data);
  accounts = g_weak_ref_get (&self->accounts);
  account = accounts != NULL ? vitrine_account_store_find (accounts, endpoint) : NULL;
  return account != NULL ? g_object_ref (vitrine_account_get_client (account)) : NULL;
}

static void
weak_ref_free (GWeakRef *ref)
{
  g_weak_ref_clear (ref);
  g_free (ref);
}

static void
adopt (VitrinePublishQueue *self,
       VitrinePublishJob   *job)
{
  GWeakRef *ref = g_new0 (GWeakRef, 1);

  g_weak_ref_init (ref, self);
  _vitrine_publish_job_set_records_dir (job, self->dir);
  vitrine_publish_job_set_client_func (job, client_for_endpoint, ref, (GDestroyNotify) weak_ref_free);
  g_signal_connect_object (job, "notify::state", G_CALLBACK (on_job_state_cb), self, 0);
}

/**
 * vitrine_publish_queue_set_client_func:
 * @func: (nullable): gives the client for an endpoint when a job starts
 */
void
vitrine_publish_queue_set_client_func (VitrinePublishQueue      *self,
                                       VitrineClientForEndpoint  func,
                                       gpointer                  user_data,
                                       GDestroyNotify            destroy)
{
  g_return_if_fail (VITRINE_IS_PUBLISH_QUEUE (self));

  if (self->client_destroy != NULL)
    self->client_destroy (self->client_data);
  self->client_func = func;
  self->client_data = user_data;
  self->client_destroy = destroy;
}

/**
 * vitrine_publish_queue_set_account_store:
 * @store: (nullable): where a job finds the account for its endpoint,
 *   when no client function is set
 */
void
vitrine_publish_queue_set_account_store (VitrinePublishQueue *self,
                                         VitrineAccountStore *store)
{
  g_return_if_fail (VITRINE_IS_PUBLISH_QUEUE (self));
  g_weak_ref_set (&self->accounts, store);
}

guint
vitrine_publish_queue_get_n_unfinished (VitrinePublishQueue *self)
{
  guint n = 0;

  g_return_val_if_fail (VITRINE_IS_PUBLISH_QUEUE (self), 0);
  for (guint i = 0; i < self->jobs->len; i++)
    if (!vitrine_publish_job_is_finished (g_ptr_array_index (self->jobs, i)))
      n++;
  return n;
}

static void
removed_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!_vitrine_publish_record_write_finish (result, &error))
    g_debug ("Could not remove an old record of a publish: %s", error->message);
}

static void
remove_at (VitrinePublishQueue *self,
           guint                position)
{
  VitrinePublishJob *job = g_ptr_array_index (self->jobs, position);
  g_autofree char *path = _vitrine_publish_job_record_path (job);

  g_signal_handlers_disconnect_by_func (job, on_job_state_cb, self);
  _vitrine_publish_record_write_async (path, NULL, removed_cb, NULL);
  g_ptr_array_remove_index (self->jobs, position);
  g_list_model_items_changed (G_LIST_MODEL (self), position, 1, 0);
}

/* Keeps the newest finished jobs, and every unfinished one. */
static void
prune (VitrinePublishQueue *self)
{
  g_autoptr(GPtrArray) finished = g_ptr_array_new ();
  gboolean removed = FALSE;

  for (guint i = 0; i < self->jobs->len; i++)
    if (vitrine_publish_job_is_finished (g_ptr_array_index (self->jobs, i)))
      g_ptr_array_add (finished, g_ptr_array_index (self->jobs, i));
  if (finished->len <= VITRINE_PUBLISH_QUEUE_KEEP)
    return;
  /* The jobs are newest first: the ones after the first KEEP go. */
  for (guint i = VITRINE_PUBLISH_QUEUE_KEEP; i < finished->len; i++)
    {
      guint position;

      if (g_ptr_array_find (self->jobs, g_ptr_array_index (finished, i), &position))
        {
          remove_at (self, position);
          removed = TRUE;
        }
    }
  if (removed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
}

static void
on_job_state_cb (VitrinePublishJob   *job,
                 GParamSpec          *pspec,
                 VitrinePublishQueue *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_UNFINISHED]);
  if (vitrine_publish_job_is_finished (job))
    prune (self);
}

/**
 * vitrine_publish_queue_add:
 * @job: a new job
 *
 * Puts @job first in the list and writes its record (in the order records
 * are written: vitrine_publish_job_start() writes it again, as running,
 * and starts only when that is on disk).
 */
void
vitrine_publish_queue_add (VitrinePublishQueue *self,
                           VitrinePublishJob   *job)
{
  g_return_if_fail (VITRINE_IS_PUBLISH_QUEUE (self));
  g_return_if_fail (VITRINE_IS_PUBLISH_JOB (job));

  if (g_ptr_array_find (self->jobs, job, NULL))
    return;
  adopt (self, job);
  g_ptr_array_insert (self->jobs, 0, g_object_ref (job));
  _vitrine_publish_job_save (job, NULL, NULL);
  g_list_model_items_changed (G_LIST_MODEL (self), 0, 0, 1);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_UNFINISHED]);
}

/**
 * vitrine_publish_queue_remove:
 * @job: a job of the queue that is not running
 *
 * Forgets @job and removes its record.
 */
void
vitrine_publish_queue_remove (VitrinePublishQueue *self,
                              VitrinePublishJob   *job)
{
  guint position;

  g_return_if_fail (VITRINE_IS_PUBLISH_QUEUE (self));
  g_return_if_fail (vitrine_publish_job_get_state (job) != VITRINE_PUBLISH_STATE_RUNNING);

  if (!g_ptr_array_find (self->jobs, job, &position))
    return;
  remove_at (self, position);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_UNFINISHED]);
}

/**
 * vitrine_publish_queue_lookup:
 *
 * Returns: (transfer none) (nullable): the job with this id
 */
VitrinePublishJob *
vitrine_publish_queue_lookup (VitrinePublishQueue *self,
                              const char          *id)
{
  g_return_val_if_fail (VITRINE_IS_PUBLISH_QUEUE (self), NULL);

  for (guint i = 0; i < self->jobs->len; i++)
    if (g_strcmp0 (vitrine_publish_job_get_id (g_ptr_array_index (self->jobs, i)), id) == 0)
      return g_ptr_array_index (self->jobs, i);
  return NULL;
}

/**
 * vitrine_publish_queue_last_for_folder:
 * @folder: a folder
 *
 * The last publish of @folder that went through, to update it: the
 * wizard opens at Review with its destination.
 *
 * Returns: (transfer none) (nullable): the job, or %NULL when the folder
 *   was never published from here
 */
VitrinePublishJob *
vitrine_publish_queue_last_for_folder (VitrinePublishQueue *self,
                                       const char          *folder)
{
  g_autofree char *canonical = NULL;
  VitrinePublishJob *last = NULL;

  g_return_val_if_fail (VITRINE_IS_PUBLISH_QUEUE (self), NULL);
  g_return_val_if_fail (folder != NULL, NULL);

  canonical = g_canonicalize_filename (folder, NULL);
  for (guint i = 0; i < self->jobs->len; i++)
    {
      VitrinePublishJob *job = g_ptr_array_index (self->jobs, i);

      if (vitrine_publish_job_get_state (job) != VITRINE_PUBLISH_STATE_DONE ||
          g_strcmp0 (vitrine_publish_job_get_folder (job), canonical) != 0)
        continue;
      if (last == NULL || vitrine_publish_job_get_finished (job) > vitrine_publish_job_get_finished (last))
        last = job;
    }
  return last;
}

/* ---- Loading ----------------------------------------------------------- */

static void
load_thread (GTask        *task,
             gpointer      source,
             gpointer      task_data,
             GCancellable *cancellable)
{
  const char *dir_path = task_data;
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GPtrArray) objects = g_ptr_array_new_with_free_func ((GDestroyNotify) json_object_unref);
  g_autoptr(GError) error = NULL;
  const char *name;

  dir = g_dir_open (dir_path, 0, &error);
  if (dir == NULL)
    {
      if (!g_error_matches (error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        g_warning ("Could not read the records of publishes: %s", error->message);
      g_task_return_pointer (task, g_steal_pointer (&objects), (GDestroyNotify) g_ptr_array_unref);
      return;
    }
  while ((name = g_dir_read_name (dir)) != NULL && !g_cancellable_is_cancelled (cancellable))
    {
      g_autofree char *path = NULL;
      g_autofree char *data = NULL;
      g_autoptr(JsonParser) parser = NULL;
      gsize len = 0;

      if (!g_str_has_suffix (name, ".json"))
        continue;
      path = g_build_filename (dir_path, name, NULL);
      if (!g_file_get_contents (path, &data, &len, NULL) || len > MAX_RECORD_SIZE)
        continue;
      parser = json_parser_new ();
      if (!json_parser_load_from_data (parser, data, len, NULL) ||
          !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
        {
          g_message ("Ignoring %s: it is not a record of a publish", path);
          continue;
        }
      g_ptr_array_add (objects, json_object_ref (json_node_get_object (json_parser_get_root (parser))));
    }
  g_task_return_pointer (task, g_steal_pointer (&objects), (GDestroyNotify) g_ptr_array_unref);
}

static int
compare_newest_first (gconstpointer a,
                      gconstpointer b)
{
  VitrinePublishJob *x = *(VitrinePublishJob * const *) a;
  VitrinePublishJob *y = *(VitrinePublishJob * const *) b;
  gint64 cx = vitrine_publish_job_get_created (x);
  gint64 cy = vitrine_publish_job_get_created (y);

  if (cx != cy)
    return cx > cy ? -1 : 1;
  return -g_strcmp0 (vitrine_publish_job_get_id (x), vitrine_publish_job_get_id (y));
}

static void
load_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  VitrinePublishQueue *self = g_task_get_source_object (task);
  g_autoptr(GPtrArray) objects = g_task_propagate_pointer (G_TASK (result), NULL);
  guint before = self->jobs->len;

  for (guint i = 0; objects != NULL && i < objects->len; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(VitrinePublishJob) job = _vitrine_publish_job_new_from_json (g_ptr_array_index (objects, i),
                                                                              &error);

      if (job == NULL || vitrine_publish_queue_lookup (self, vitrine_publish_job_get_id (job)) != NULL)
        continue;
      adopt (self, job);
      /* It was running when Vitrine stopped: it can be resumed. */
      if (vitrine_publish_job_get_state (job) == VITRINE_PUBLISH_STATE_RUNNING)
        {
          _vitrine_publish_job_set_state (job, VITRINE_PUBLISH_STATE_INTERRUPTED);
          _vitrine_publish_job_save (job, NULL, NULL);
        }
      g_ptr_array_add (self->jobs, g_steal_pointer (&job));
    }
  g_ptr_array_sort (self->jobs, compare_newest_first);
  g_list_model_items_changed (G_LIST_MODEL (self), 0, before, self->jobs->len);
  prune (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_UNFINISHED]);
  g_task_return_boolean (task, TRUE);
}

/**
 * vitrine_publish_queue_load_async:
 *
 * Reads the records off the main thread.  A publish that was running when
 * Vitrine stopped comes back interrupted; old finished ones are removed.
 */
void
vitrine_publish_queue_load_async (VitrinePublishQueue *self,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  GTask *task;
  g_autoptr(GTask) worker = NULL;

  g_return_if_fail (VITRINE_IS_PUBLISH_QUEUE (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, vitrine_publish_queue_load_async);
  worker = g_task_new (self, cancellable, load_done_cb, task);
  g_task_set_name (worker, "vitrine_publish_queue_load");
  g_task_set_task_data (worker, g_strdup (self->dir), g_free);
  g_task_run_in_thread (worker, load_thread);
}

gboolean
vitrine_publish_queue_load_finish (VitrinePublishQueue  *self,
                                   GAsyncResult         *result,
                                   GError              **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
flushed_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  if (_vitrine_publish_record_write_finish (result, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/**
 * vitrine_publish_queue_flush_async:
 *
 * Completes once every record write asked so far is on disk (before
 * quitting, say).
 */
void
vitrine_publish_queue_flush_async (VitrinePublishQueue *self,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (VITRINE_IS_PUBLISH_QUEUE (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, vitrine_publish_queue_flush_async);
  _vitrine_publish_record_write_async (NULL, NULL, flushed_cb, task);
}

gboolean
vitrine_publish_queue_flush_finish (VitrinePublishQueue  *self,
                                    GAsyncResult         *result,
                                    GError              **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}
