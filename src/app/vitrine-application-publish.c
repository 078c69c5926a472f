/* vitrine-application-publish.c — the application's accounts and publish
 * queue, and how it ends while publishes run
 *
 * The account store and the publish queue live as long as the application
 * (a closed window does not stop a publish), are loaded off the main
 * thread at start-up, and give publishes recorded in an earlier run the
 * client of the account signed in at their endpoint.
 *
 * Closing the last window or quitting while a publish runs asks (the
 * window does): Stop cancels them; Finish in the Background hides the
 * windows and holds the application until the last one ends, then quits.
 * SIGTERM asks nothing: the application quits at once, and the publishes
 * it interrupts are listed at the next start, ready to resume.
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "vitrine-application-private.h"
#include "vitrine-window.h"

static gboolean
is_running (VitrinePublishJob *job)
{
  VitrinePublishState state = vitrine_publish_job_get_state (job);

  return state == VITRINE_PUBLISH_STATE_RUNNING || state == VITRINE_PUBLISH_STATE_QUEUED;
}

/**
 * vitrine_application_count_running_publishes:
 *
 * Returns: how many publishes are under way
 */
guint
vitrine_application_count_running_publishes (VitrineApplication *self)
{
  guint running = 0;

  g_return_val_if_fail (VITRINE_IS_APPLICATION (self), 0);

  for (guint i = 0; self->queue != NULL && i < g_list_model_get_n_items (G_LIST_MODEL (self->queue)); i++)
    {
      g_autoptr(VitrinePublishJob) job = g_list_model_get_item (G_LIST_MODEL (self->queue), i);

      running += is_running (job);
    }
  return running;
}

/**
 * vitrine_application_stop_publishes:
 *
 * Cancels every publish under way; each can be resumed later.
 */
void
vitrine_application_stop_publishes (VitrineApplication *self)
{
  g_return_if_fail (VITRINE_IS_APPLICATION (self));

  for (guint i = 0; self->queue != NULL && i < g_list_model_get_n_items (G_LIST_MODEL (self->queue)); i++)
    {
      g_autoptr(VitrinePublishJob) job = g_list_model_get_item (G_LIST_MODEL (self->queue), i);

      if (is_running (job))
        vitrine_publish_job_cancel (job);
    }
}

/* ---- In the background ------------------------------------------------ */

static void
on_background_job_cb (VitrineApplication *self)
{
  GList *windows;

  if (!self->in_background || vitrine_application_count_running_publishes (self) > 0)
    return;
  /* The last one ended: the application goes, as it would have. */
  self->in_background = FALSE;
  self->quitting = TRUE;
  windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (self)));
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_destroy (l->data);
  g_list_free (windows);
  g_application_release (G_APPLICATION (self));
}

/**
 * vitrine_application_finish_in_background:
 *
 * Hides the windows and keeps the application running until the
 * publishes under way end; then it quits.
 */
void
vitrine_application_finish_in_background (VitrineApplication *self)
{
  GList *windows;

  g_return_if_fail (VITRINE_IS_APPLICATION (self));

  if (self->in_background)
    return;
  self->in_background = TRUE;
  g_application_hold (G_APPLICATION (self));
  for (guint i = 0; self->queue != NULL && i < g_list_model_get_n_items (G_LIST_MODEL (self->queue)); i++)
    {
      g_autoptr(VitrinePublishJob) job = g_list_model_get_item (G_LIST_MODEL (self->queue), i);

      if (is_running (job))
        g_signal_connect_object (job, "notify::state", G_CALLBACK (on_background_job_cb), self,
                                 G_CONNECT_SWAPPED);
    }
  windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (self)));
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_widget_set_visible (l->data, FALSE);
  g_list_free (windows);
  on_background_job_cb (self);
}

/**
 * vitrine_application_quit_now:
 *
 * Quits without asking: the publishes under way stop where they are and
 * are listed, to resume, at the next start.
 */
void
vitrine_application_quit_now (VitrineApplication *self)
{
  GList *windows;

  g_return_if_fail (VITRINE_IS_APPLICATION (self));

  self->quitting = TRUE;
  windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (self)));
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (l->data);
  g_list_free (windows);
  if (self->in_background)
    {
      self->in_background = FALSE;
      g_application_release (G_APPLICATION (self));
    }
  g_application_quit (G_APPLICATION (self));
}

/* ---- Start and end ---------------------------------------------------- */

/* A publish recorded in an earlier run goes through the account signed in
 * at its endpoint now. */
static VitrineClient *
client_for_endpoint_cb (const char *endpoint,
                        gpointer    user_data)
{
  VitrineApplication *self = user_data;
  VitrineAccount *account = NULL;

  if (self->accounts != NULL)
    account = vitrine_account_store_find (self->accounts, endpoint);
  if (account == NULL && self->current_account != NULL &&
      g_strcmp0 (vitrine_account_get_endpoint (self->current_account), endpoint) == 0)
    account = self->current_account;
  return account != NULL ? g_object_ref (vitrine_account_get_client (account)) : NULL;
}

static void
on_accounts_loaded_cb (GObject      *source,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(VitrineApplication) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!vitrine_account_store_load_finish (VITRINE_ACCOUNT_STORE (source), result, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_warning ("Could not read the accounts: %s", error->message);
  _vitrine_application_update_current_account (self);
}

static void
on_queue_loaded_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(VitrineApplication) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!vitrine_publish_queue_load_finish (VITRINE_PUBLISH_QUEUE (source), result, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_warning ("Could not read the recorded publishes: %s", error->message);
}

void
_vitrine_application_publish_startup (VitrineApplication *self)
{
  g_autofree char *config_dir = g_build_filename (g_get_user_config_dir (), "vitrine", NULL);
  g_autofree char *records_dir = g_build_filename (g_get_user_data_dir (), "vitrine", "publishes", NULL);

  self->accounts = vitrine_account_store_new (config_dir);
  self->queue = vitrine_publish_queue_new (records_dir);
  vitrine_publish_queue_set_account_store (self->queue, self->accounts);
  vitrine_publish_queue_set_client_func (self->queue, client_for_endpoint_cb, self, NULL);
  /* Signed in or out: the account windows publish to may change.  After
   * every other handler: the lists bound to the store (the account rows)
   * must have taken the change in before the current account moves. */
  g_signal_connect_object (self->accounts, "items-changed",
                           G_CALLBACK (_vitrine_application_update_current_account), self,
                           G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  vitrine_account_store_load_async (self->accounts, self->cancellable, on_accounts_loaded_cb, g_object_ref (self));
  vitrine_publish_queue_load_async (self->queue, self->cancellable, on_queue_loaded_cb, g_object_ref (self));
}

void
_vitrine_application_publish_shutdown (VitrineApplication *self)
{
  /* Records are written as they change; what is pending goes now. */
  if (self->queue != NULL)
    vitrine_publish_queue_flush_async (self->queue, NULL, NULL, NULL);
}
