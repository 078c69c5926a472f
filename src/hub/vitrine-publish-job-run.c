/* vitrine-publish-job-run.c — running a recorded publish
 *
 * A start writes the record as "running" first, and only once it is on
 * disk creates the repository (with its visibility, then its gate) and
 * runs a publisher; each change of state is written again.  So a crash
 * or a kill leaves a record that says "running", which the queue reads
 * back as "interrupted", and a retry sends only what the hub still lacks
 * (the publisher skips the large files it has).
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "vitrine-error.h"
#include "vitrine-publish-job-private.h"
#include "vitrine-publish-record.h"

/**
 * vitrine_publish_job_set_client_func:
 * @func: (nullable): gives the client for the job's endpoint when it starts
 *
 * How the job finds the client to publish with; a #VitrinePublishQueue
 * gives its own to the jobs it holds.
 */
void
vitrine_publish_job_set_client_func (VitrinePublishJob        *self,
                                     VitrineClientForEndpoint  func,
                                     gpointer                  user_data,
                                     GDestroyNotify            destroy)
{
  g_return_if_fail (VITRINE_IS_PUBLISH_JOB (self));

  if (self->client_destroy != NULL)
    self->client_destroy (self->client_data);
  self->client_func = func;
  self->client_data = user_data;
  self->client_destroy = destroy;
}

/**
 * vitrine_publish_job_set_client:
 * @client: (nullable): the client to publish with, for the job's endpoint;
 *   it wins over the client function
 */
void
vitrine_publish_job_set_client (VitrinePublishJob *self,
                                VitrineClient     *client)
{
  g_return_if_fail (VITRINE_IS_PUBLISH_JOB (self));
  g_set_object (&self->client, client);
}

static VitrineClient *
find_client (VitrinePublishJob  *self,
             GError            **error)
{
  VitrineClient *client = NULL;

  if (self->client != NULL)
    client = g_object_ref (self->client);
  else if (self->client_func != NULL)
    client = self->client_func (self->endpoint, self->client_data);
  if (client == NULL)
    /* Translators: %s is a hub's address. */
    g_set_error (error, VITRINE_ERROR, VITRINE_ERROR_UNAUTHORIZED,
                 _("Vitrine is not signed in to %s. Sign in to it, then try again."), self->endpoint);
  return client;
}

/**
 * vitrine_publish_job_create_publisher:
 * @client: a client for the job's endpoint
 *
 * Returns: (transfer full): a publisher set as the job says
 */
VitrinePublisher *
vitrine_publish_job_create_publisher (VitrinePublishJob *self,
                                      VitrineClient     *client)
{
  VitrinePublisher *publisher;

  g_return_val_if_fail (VITRINE_IS_PUBLISH_JOB (self), NULL);
  g_return_val_if_fail (VITRINE_IS_CLIENT (client), NULL);

  publisher = vitrine_publisher_new (client, self->type, self->repo_id, self->folder);
  vitrine_publisher_set_message (publisher, self->message, NULL);
  vitrine_publisher_set_create_pr (publisher, self->create_pr);
  vitrine_publisher_set_private (publisher, self->private_);
  vitrine_publisher_set_replace_card (publisher, self->replace_card);
  for (guint i = 0; self->included_secrets[i] != NULL; i++)
    vitrine_publisher_include_secret (publisher, self->included_secrets[i]);
  return publisher;
}

typedef struct
{
  VitrinePublishJob *job;
  VitrineClient     *client;
  GCancellable      *cancellable;
} Run;

static void
run_free (Run *run)
{
  g_clear_object (&run->job);
  g_clear_object (&run->client);
  g_clear_object (&run->cancellable);
  g_free (run);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Run, run_free)

/* The run ends: its state, its error, and the record. */
static void
run_end (Run          *run,
         const GError *error)
{
  VitrinePublishJob *self = run->job;

  /* A newer start took over (a retry after a cancel): it has the job now. */
  if (self->cancellable != run->cancellable)
    return;
  _vitrine_publish_job_set_error (self, error);
  if (error == NULL)
    _vitrine_publish_job_set_state (self, VITRINE_PUBLISH_STATE_DONE);
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    _vitrine_publish_job_set_state (self, VITRINE_PUBLISH_STATE_CANCELLED);
  else
    _vitrine_publish_job_set_state (self, VITRINE_PUBLISH_STATE_FAILED);
  _vitrine_publish_job_save (self, NULL, NULL);
}

static void
published_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(Run) run = user_data;
  g_autoptr(GError) error = NULL;
  VitrinePublishResult out = { 0 };

  if (vitrine_publisher_run_finish (VITRINE_PUBLISHER (source), result, &out, &error))
    {
      if (run->job->cancellable == run->cancellable)
        _vitrine_publish_job_set_result (run->job, &out);
      vitrine_publish_result_clear (&out);
    }
  run_end (run, error);
}

static void
publish (Run *run)
{
  g_autoptr(VitrinePublisher) publisher = vitrine_publish_job_create_publisher (run->job, run->client);

  _vitrine_publish_job_set_publisher (run->job, publisher);
  vitrine_publisher_run_async (publisher, run->cancellable, published_cb, run);
}

static void
gated_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(Run) run = user_data;
  g_autoptr(GError) error = NULL;

  if (!vitrine_client_update_settings_finish (VITRINE_CLIENT (source), result, &error))
    {
      run_end (run, error);
      return;
    }
  publish (g_steal_pointer (&run));
}

static void
created_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(Run) run = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *url = vitrine_client_create_repo_finish (VITRINE_CLIENT (source), result, &error);

  if (url == NULL)
    {
      run_end (run, error);
      return;
    }
  if (run->job->gated != NULL)
    {
      Run *next = g_steal_pointer (&run);

      vitrine_client_update_settings_async (next->client, next->job->type, next->job->repo_id, -1,
                                            next->job->gated, next->cancellable, gated_cb, next);
      return;
    }
  publish (g_steal_pointer (&run));
}

static void
recorded_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(Run) run = user_data;
  g_autoptr(GError) error = NULL;
  Run *next;

  /* No publish without its record: a crash would lose it. */
  if (!_vitrine_publish_record_write_finish (result, &error) ||
      g_cancellable_set_error_if_cancelled (run->cancellable, &error))
    {
      run_end (run, error);
      return;
    }
  next = g_steal_pointer (&run);
  /* A pull request goes to a repository that is there already. */
  if (next->job->create_pr)
    publish (next);
  else
    vitrine_client_create_repo_async (next->client, next->job->type, next->job->repo_id, next->job->private_,
                                      NULL, TRUE, next->cancellable, created_cb, next);
}

/**
 * vitrine_publish_job_start:
 *
 * Publishes: the record says "running" on disk first; then the repository
 * is created if needed (private or public, then gated when asked) and the
 * folder published.  The job's state, progress and files change as it
 * goes, on the caller's main context; nothing here blocks it.
 */
void
vitrine_publish_job_start (VitrinePublishJob *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VitrineClient) client = NULL;
  g_autofree char *path = NULL;
  Run *run;

  g_return_if_fail (VITRINE_IS_PUBLISH_JOB (self));

  if (self->state == VITRINE_PUBLISH_STATE_RUNNING)
    return;

  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  self->has_result = FALSE;
  _vitrine_publish_job_set_error (self, NULL);
  _vitrine_publish_job_set_state (self, VITRINE_PUBLISH_STATE_RUNNING);

  run = g_new0 (Run, 1);
  run->job = g_object_ref (self);
  run->cancellable = g_object_ref (self->cancellable);
  client = find_client (self, &error);
  if (client == NULL)
    {
      g_autoptr(Run) failed = run;

      run_end (failed, error);
      return;
    }
  run->client = g_steal_pointer (&client);
  _vitrine_publish_job_save (self, recorded_cb, run);
}

/**
 * vitrine_publish_job_cancel:
 *
 * Stops a running publish (its state becomes "cancelled" once it has
 * stopped), or gives up a queued or interrupted one.
 */
void
vitrine_publish_job_cancel (VitrinePublishJob *self)
{
  g_return_if_fail (VITRINE_IS_PUBLISH_JOB (self));

  if (self->state == VITRINE_PUBLISH_STATE_RUNNING)
    g_cancellable_cancel (self->cancellable);
  else if (self->state == VITRINE_PUBLISH_STATE_QUEUED || self->state == VITRINE_PUBLISH_STATE_INTERRUPTED)
    {
      _vitrine_publish_job_set_state (self, VITRINE_PUBLISH_STATE_CANCELLED);
      _vitrine_publish_job_save (self, NULL, NULL);
    }
}

/**
 * vitrine_publish_job_retry:
 *
 * Starts again a publish that failed, was cancelled or was interrupted (a
 * crash, a kill): what the hub has already is not sent again.
 */
void
vitrine_publish_job_retry (VitrinePublishJob *self)
{
  g_return_if_fail (VITRINE_IS_PUBLISH_JOB (self));

  if (self->state == VITRINE_PUBLISH_STATE_RUNNING)
    return;
  vitrine_publish_job_start (self);
}

static void
planned_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;
  VitrinePublishPlan *plan = vitrine_publisher_plan_finish (VITRINE_PUBLISHER (source), result, &error);

  if (plan == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, plan, g_object_unref);
}

/**
 * vitrine_publish_job_plan_async:
 *
 * What publishing the job would change now (vitrine_publisher_plan_async()),
 * without sending anything.
 */
void
vitrine_publish_job_plan_async (VitrinePublishJob   *self,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(VitrineClient) client = NULL;
  g_autoptr(VitrinePublisher) publisher = NULL;

  g_return_if_fail (VITRINE_IS_PUBLISH_JOB (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, vitrine_publish_job_plan_async);
  client = find_client (self, &error);
  if (client == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  publisher = vitrine_publish_job_create_publisher (self, client);
  vitrine_publisher_plan_async (publisher, cancellable, planned_cb, g_steal_pointer (&task));
}

/**
 * vitrine_publish_job_plan_finish:
 *
 * Returns: (transfer full): the plan, or %NULL with @error set
 */
VitrinePublishPlan *
vitrine_publish_job_plan_finish (VitrinePublishJob  *self,
                                 GAsyncResult       *result,
                                 GError            **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
