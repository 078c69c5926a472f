/* vitrine-client-async.c — the _async/_finish form of every call
 *
 * One machinery serves them all: an _async shim hands the arguments of its
 * blocking call to _vitrine_client_call_async(), which copies them and
 * runs the blocking call on a worker thread (GTask); its _finish shim
 * takes the result back with _vitrine_client_call_finish().  A download's
 * progress is handed to the main context the call was made from,
 * coalesced, at most every PROGRESS_INTERVAL_MS.
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "vitrine-client-private.h"

#define PROGRESS_INTERVAL_MS 50

typedef struct
{
  const char     *name;
  GDestroyNotify  free_result;   /* NULL: the call only says whether it worked */
} CallClass;

static const CallClass call_classes[VITRINE_N_CALLS] = {
  [VITRINE_CALL_WHOAMI] = { "vitrine_client_whoami_async", g_object_unref },
  [VITRINE_CALL_CREATE_REPO] = { "vitrine_client_create_repo_async", g_free },
  [VITRINE_CALL_DELETE_REPO] = { "vitrine_client_delete_repo_async", NULL },
  [VITRINE_CALL_UPDATE_SETTINGS] = { "vitrine_client_update_settings_async", NULL },
  [VITRINE_CALL_REPO_INFO] = { "vitrine_client_repo_info_async", g_object_unref },
  [VITRINE_CALL_LIST_REPOS] = { "vitrine_client_list_repos_async", g_object_unref },
  [VITRINE_CALL_SPACE_RUNTIME] = { "vitrine_client_space_runtime_async", g_object_unref },
  [VITRINE_CALL_LIST_TREE] = { "vitrine_client_list_tree_async", g_object_unref },
  [VITRINE_CALL_PATHS_INFO] = { "vitrine_client_paths_info_async", g_object_unref },
  [VITRINE_CALL_READ_FILE] = { "vitrine_client_read_file_async", (GDestroyNotify) g_bytes_unref },
  [VITRINE_CALL_DOWNLOAD_FILE] = { "vitrine_client_download_file_async", NULL },
  [VITRINE_CALL_DOWNLOAD_SNAPSHOT] = { "vitrine_client_download_snapshot_async", g_free },
  [VITRINE_CALL_LIST_COMMITS] = { "vitrine_client_list_commits_async", g_object_unref },
  [VITRINE_CALL_LIST_REFS] = { "vitrine_client_list_refs_async", g_object_unref },
  [VITRINE_CALL_CREATE_TAG] = { "vitrine_client_create_tag_async", NULL },
  [VITRINE_CALL_DELETE_TAG] = { "vitrine_client_delete_tag_async", NULL },
  [VITRINE_CALL_CREATE_BRANCH] = { "vitrine_client_create_branch_async", NULL },
  [VITRINE_CALL_DELETE_BRANCH] = { "vitrine_client_delete_branch_async", NULL },
  [VITRINE_CALL_COMPARE] = { "vitrine_client_compare_async", g_object_unref },
  [VITRINE_CALL_PLAN_RESTORE] = { "vitrine_client_plan_restore_async", g_object_unref },
  [VITRINE_CALL_RESTORE_COMMIT] = { "vitrine_client_restore_commit_async", NULL },
};

/* One call on its way: its own copy of the arguments, what it hands back
 * besides its result, and the progress waiting for the main context. */
typedef struct
{
  VitrineCallKind    kind;
  VitrineCallArgs    args;
  GStrv              paths;
  VitrineCallOutput  output;

  GMutex             lock;
  GTask             *task;            /* not a reference: the task owns the call */
  GSource           *progress_source;
  guint64            done;
  guint64            total;
  gint64             last_report;
} Call;

static void
call_free (Call *call)
{
  VitrineCallArgs *a = &call->args;

  g_free ((char *) a->repo_id);
  g_free ((char *) a->revision);
  g_free ((char *) a->path);
  g_free ((char *) a->name);
  g_free ((char *) a->message);
  g_free ((char *) a->description);
  g_free ((char *) a->from);
  g_clear_object (&a->plan);
  g_free ((char *) a->starting_point);
  g_free ((char *) a->author);
  g_free ((char *) a->search);
  g_free ((char *) a->sdk);
  g_free ((char *) a->gated);
  g_free ((char *) a->destination);
  g_free ((char *) a->cache_dir);
  g_strfreev (call->paths);
  g_free (call->output.commit_id);
  g_free (call->output.etag);
  g_mutex_clear (&call->lock);
  g_free (call);
}

static Call *
call_new (VitrineCallKind        kind,
          const VitrineCallArgs *args)
{
  Call *call = g_new0 (Call, 1);
  VitrineCallArgs *a = &call->args;

  call->kind = kind;
  *a = *args;
  a->repo_id = g_strdup (args->repo_id);
  a->revision = g_strdup (args->revision);
  a->path = g_strdup (args->path);
  a->name = g_strdup (args->name);
  a->message = g_strdup (args->message);
  a->description = g_strdup (args->description);
  a->from = g_strdup (args->from);
  a->plan = args->plan != NULL ? g_object_ref (args->plan) : NULL;
  a->starting_point = g_strdup (args->starting_point);
  a->author = g_strdup (args->author);
  a->search = g_strdup (args->search);
  a->sdk = g_strdup (args->sdk);
  a->gated = g_strdup (args->gated);
  a->destination = g_strdup (args->destination);
  a->cache_dir = g_strdup (args->cache_dir);
  call->paths = g_strdupv ((char **) args->paths);
  a->paths = (const char * const *) call->paths;
  g_mutex_init (&call->lock);
  return call;
}

/* ---- Progress, on the caller's main context ---------------------------- */

static gboolean
report_progress_cb (gpointer user_data)
{
  GTask *task = user_data;
  Call *call = g_task_get_task_data (task);
  guint64 done, total;

  g_mutex_lock (&call->lock);
  done = call->done;
  total = call->total;
  g_clear_pointer (&call->progress_source, g_source_unref);
  call->last_report = g_get_monotonic_time ();
  g_mutex_unlock (&call->lock);

  /* Once the call has finished, its caller may have let go of the data. */
  if (!g_task_get_completed (task))
    call->args.progress (done, total, call->args.progress_data);
  return G_SOURCE_REMOVE;
}

/* From the worker: keeps the latest figures and, unless a report is on
 * its way already, sends one, no sooner than the interval allows. */
static void
progress_cb (guint64  done,
             guint64  total,
             gpointer user_data)
{
  Call *call = user_data;
  gint64 wait_ms;

  g_mutex_lock (&call->lock);
  call->done = done;
  call->total = total;
  if (call->progress_source == NULL)
    {
      wait_ms = PROGRESS_INTERVAL_MS - (g_get_monotonic_time () - call->last_report) / 1000;
      call->progress_source = g_timeout_source_new (CLAMP (wait_ms, 0, PROGRESS_INTERVAL_MS));
      g_source_set_static_name (call->progress_source, "[vitrine] download progress");
      g_source_set_callback (call->progress_source, report_progress_cb, g_object_ref (call->task), g_object_unref);
      g_source_attach (call->progress_source, g_task_get_context (call->task));
    }
  g_mutex_unlock (&call->lock);
}

/* ---- The worker ------------------------------------------------------- */

/* The result of a call that only says whether it worked. */
static gpointer
ok_result (gboolean ok)
{
  return ok ? GINT_TO_POINTER (TRUE) : NULL;
}

static void
call_thread (GTask        *task,
             gpointer      source,
             gpointer      task_data,
             GCancellable *cancellable)
{
  VitrineClient *self = source;
  Call *call = task_data;
  const VitrineCallArgs *a = &call->args;
  VitrineCallOutput *out = &call->output;
  VitrineProgressFunc progress = a->progress != NULL ? progress_cb : NULL;
  GError *error = NULL;
  gpointer result = NULL;

  switch (call->kind)
    {
    case VITRINE_CALL_WHOAMI:
      result = vitrine_client_whoami (self, cancellable, &error);
      break;
    case VITRINE_CALL_CREATE_REPO:
      result = vitrine_client_create_repo (self, a->type, a->repo_id, a->private_, a->sdk, a->exist_ok,
                                           cancellable, &error);
      break;
    case VITRINE_CALL_DELETE_REPO:
      result = ok_result (vitrine_client_delete_repo (self, a->type, a->repo_id, cancellable, &error));
      break;
    case VITRINE_CALL_UPDATE_SETTINGS:
      result = ok_result (vitrine_client_update_settings (self, a->type, a->repo_id, a->visibility, a->gated,
                                                          cancellable, &error));
      break;
    case VITRINE_CALL_REPO_INFO:
      result = vitrine_client_repo_info (self, a->type, a->repo_id, a->revision, cancellable, &error);
      break;
    case VITRINE_CALL_LIST_REPOS:
      result = vitrine_client_list_repos (self, a->type, a->author, a->search, cancellable, &error);
      break;
    case VITRINE_CALL_SPACE_RUNTIME:
      result = vitrine_client_space_runtime (self, a->repo_id, cancellable, &error);
      break;
    case VITRINE_CALL_LIST_TREE:
      result = vitrine_client_list_tree (self, a->type, a->repo_id, a->revision, a->path, a->recursive,
                                         cancellable, &error);
      break;
    case VITRINE_CALL_PATHS_INFO:
      result = vitrine_client_paths_info (self, a->type, a->repo_id, a->revision, a->paths, a->expand,
                                          cancellable, &error);
      break;
    case VITRINE_CALL_READ_FILE:
      result = vitrine_client_read_file (self, a->type, a->repo_id, a->revision, a->path, a->max_size,
                                         cancellable, &error);
      break;
    case VITRINE_CALL_DOWNLOAD_FILE:
      result = ok_result (vitrine_client_download_file (self, a->type, a->repo_id, a->revision, a->path,
                                                        a->destination, progress, call, &out->commit_id,
                                                        &out->etag, cancellable, &error));
      break;
    case VITRINE_CALL_DOWNLOAD_SNAPSHOT:
      result = vitrine_client_download_snapshot (self, a->type, a->repo_id, a->revision, a->destination,
                                                 a->cache_dir, progress, call, cancellable, &error);
      break;
    case VITRINE_CALL_LIST_COMMITS:
      result = vitrine_client_list_commits (self, a->type, a->repo_id, a->revision, a->page, a->limit,
                                            &out->total, cancellable, &error);
      break;
    case VITRINE_CALL_LIST_REFS:
      result = vitrine_client_list_refs (self, a->type, a->repo_id, a->include_prs, cancellable, &error);
      break;
    case VITRINE_CALL_CREATE_TAG:
      result = ok_result (vitrine_client_create_tag (self, a->type, a->repo_id, a->revision, a->name,
                                                     a->message, cancellable, &error));
      break;
    case VITRINE_CALL_DELETE_TAG:
      result = ok_result (vitrine_client_delete_tag (self, a->type, a->repo_id, a->name, cancellable, &error));
      break;
    case VITRINE_CALL_CREATE_BRANCH:
      result = ok_result (vitrine_client_create_branch (self, a->type, a->repo_id, a->name, a->starting_point,
                                                        cancellable, &error));
      break;
    case VITRINE_CALL_DELETE_BRANCH:
      result = ok_result (vitrine_client_delete_branch (self, a->type, a->repo_id, a->name,
                                                        cancellable, &error));
      break;
    case VITRINE_CALL_COMPARE:
      result = vitrine_client_compare (self, a->type, a->repo_id, a->from, a->revision, cancellable, &error);
      break;
    case VITRINE_CALL_PLAN_RESTORE:
      result = vitrine_client_plan_restore (self, a->type, a->repo_id, a->name, a->revision, cancellable, &error);
      break;
    case VITRINE_CALL_RESTORE_COMMIT:
      result = ok_result (vitrine_client_restore_commit (self, a->plan, a->message, a->description,
                                                         &out->commit_id, cancellable, &error));
      break;
    case VITRINE_N_CALLS:
    default:
      g_assert_not_reached ();
    }

  if (result == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, result, call_classes[call->kind].free_result);
}

/* ---- Starting and finishing ------------------------------------------- */

/**
 * _vitrine_client_call_async:
 * @args: what the blocking call takes; copied
 *
 * Runs the blocking call @kind on a worker thread.  @callback runs on the
 * main context that is the thread-default now.
 */
void
_vitrine_client_call_async (VitrineClient          *self,
                            VitrineCallKind         kind,
                            const VitrineCallArgs  *args,
                            GCancellable           *cancellable,
                            GAsyncReadyCallback     callback,
                            gpointer                user_data)
{
  g_autoptr(GTask) task = NULL;
  Call *call;

  g_return_if_fail (VITRINE_IS_CLIENT (self));
  g_return_if_fail (kind < VITRINE_N_CALLS);

  task = g_task_new (self, cancellable, callback, user_data);
  call = call_new (kind, args);
  call->task = task;
  g_task_set_source_tag (task, (gpointer) &call_classes[kind]);
  g_task_set_name (task, call_classes[kind].name);
  g_task_set_task_data (task, call, (GDestroyNotify) call_free);
  g_task_run_in_thread (task, call_thread);
}

/**
 * _vitrine_client_call_finish:
 *
 * Returns: (transfer full): the blocking call's result; for a call that
 *   only says whether it worked, non-%NULL when it did
 */
gpointer
_vitrine_client_call_finish (VitrineClient    *self,
                             GAsyncResult     *result,
                             VitrineCallKind   kind,
                             GError          **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == &call_classes[kind], NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* What the call handed back besides its result (a page's total, a
 * download's commit and etag). */
const VitrineCallOutput *
_vitrine_client_call_output (GAsyncResult *result)
{
  Call *call = g_task_get_task_data (G_TASK (result));

  return &call->output;
}
