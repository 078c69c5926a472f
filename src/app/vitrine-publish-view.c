/* vitrine-publish-view.c — the Publish area: the publishes, the wizard,
 * a publish under way and one that finished
 *
 * Four pages: the empty state with Choose Folder… and the publish queue
 * (recent and unfinished publishes, Resume on those that stopped); the
 * wizard (Folder, Model Card, License, Destination, Review) on the
 * folder chosen; the progress of a publish; and the done page.  A folder
 * published before opens at Review with its last destination, so that
 * only its changes go, as a new commit.
 *
 * Publish records the job in the queue before it starts.  When a publish
 * this window started or resumed finishes, the application says the
 * repository changed, a toast says so, and a desktop notification too
 * when the window is not the one the user is looking at.
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "vitrine-accessible.h"
#include "vitrine-card-step.h"
#include "vitrine-destination-step.h"
#include "vitrine-folder-step.h"
#include "vitrine-license-step.h"
#include "vitrine-publish-done-view.h"
#include "vitrine-publish-progress-view.h"
#include "vitrine-publish-queue-view.h"
#include "vitrine-publish-view.h"
#include "vitrine-repo-id.h"
#include "vitrine-review-step.h"
#include "vitrine-settings.h"
#include "vitrine-window.h"

struct _VitrinePublishView
{
  GtkWidget                   parent_instance;

  VitrineApplication         *application;
  VitrinePublishSetup        *setup;
  GHashTable                 *watched;     /* jobs whose end this view tells */
  gboolean                    saving;      /* the card, before a publish starts */

  VitrineFolderStep          *folder_step;
  VitrineCardStep            *card_step;
  VitrineLicenseStep         *license_step;
  VitrineDestinationStep     *destination_step;
  VitrineReviewStep          *review_step;

  /* Template widgets */
  GtkStack                   *publish_stack;
  AdwStatusPage              *publish_status;
  GtkButton                  *choose_folder_button;
  VitrinePublishQueueView    *queue_view;
  VitrineAssistant           *assistant;
  VitrinePublishProgressView *progress_view;
  VitrinePublishDoneView     *done_view;
};

G_DEFINE_FINAL_TYPE (VitrinePublishView, vitrine_publish_view, GTK_TYPE_WIDGET)

static void
toast (VitrinePublishView *self,
       AdwToast           *t)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (VITRINE_IS_WINDOW (root))
    vitrine_window_add_toast (VITRINE_WINDOW (root), t);
  else
    g_object_unref (g_object_ref_sink (t));
}

static gboolean
window_is_active (VitrinePublishView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) && gtk_widget_get_visible (GTK_WIDGET (root)) &&
         gtk_window_is_active (GTK_WINDOW (root));
}

/**
 * vitrine_publish_view_get_page:
 *
 * Returns: the page shown: `empty`, `wizard`, `progress` or `done`
 */
const char *
vitrine_publish_view_get_page (VitrinePublishView *self)
{
  g_return_val_if_fail (VITRINE_IS_PUBLISH_VIEW (self), NULL);
  return gtk_stack_get_visible_child_name (self->publish_stack);
}

/* ---- A publish that ends ---------------------------------------------- */

typedef struct
{
  GApplication  *application;
  GNotification *notification;
  char          *id;
} Notify;

static void
notify_free (Notify *notify)
{
  g_object_unref (notify->application);
  g_object_unref (notify->notification);
  g_free (notify->id);
  g_free (notify);
}

static void
on_notifier_found_cb (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  Notify *notify = user_data;
  g_autoptr(GVariant) reply = g_dbus_connection_call_finish (G_DBUS_CONNECTION (source), result, NULL);
  gboolean has_owner = FALSE;

  if (reply != NULL)
    g_variant_get (reply, "(b)", &has_owner);
  if (has_owner)
    g_application_send_notification (notify->application, notify->id, notify->notification);
  else
    g_debug ("No notification server: %s goes unsaid", notify->id);
  notify_free (notify);
}

/* A desktop notification, when the window is not the one the user looks
 * at.  Outside a sandbox (where the portal would carry it), only when a
 * notification server runs: a session without one (a test's, a bare X
 * server's) is not warned at. */
static void
notify_desktop (VitrinePublishView *self,
                VitrinePublishJob  *job,
                const char         *title,
                const char         *body)
{
  GDBusConnection *bus;
  Notify *notify;

  if (self->application == NULL || window_is_active (self))
    return;
  notify = g_new0 (Notify, 1);
  notify->application = G_APPLICATION (g_object_ref (self->application));
  notify->notification = g_notification_new (title);
  g_notification_set_body (notify->notification, body);
  notify->id = g_strdup_printf ("publish-%s", vitrine_publish_job_get_id (job));
  bus = g_application_get_dbus_connection (notify->application);
  if (bus == NULL || g_file_test ("/.flatpak-info", G_FILE_TEST_EXISTS))
    {
      g_application_send_notification (notify->application, notify->id, notify->notification);
      notify_free (notify);
      return;
    }
  g_dbus_connection_call (bus, "org.freedesktop.DBus", "/org/freedesktop/DBus", "org.freedesktop.DBus",
                          "NameHasOwner", g_variant_new ("(s)", "org.freedesktop.Notifications"),
                          G_VARIANT_TYPE ("(b)"), G_DBUS_CALL_FLAGS_NONE, -1, NULL, on_notifier_found_cb, notify);
}

static void
on_toast_button_cb (AdwToast           *t,
                    VitrinePublishView *self)
{
  VitrinePublishJob *job = g_object_get_data (G_OBJECT (t), "job");

  if (job != NULL)
    vitrine_publish_view_show_job (self, job);
}

static void
on_job_state_cb (VitrinePublishJob  *job,
                 GParamSpec         *pspec,
                 VitrinePublishView *self)
{
  VitrinePublishState state = vitrine_publish_job_get_state (job);
  const char *repo_id = vitrine_publish_job_get_repo_id (job);
  gboolean shown = vitrine_publish_progress_view_get_job (self->progress_view) == job &&
                   g_str_equal (vitrine_publish_view_get_page (self), "progress");

  if (state == VITRINE_PUBLISH_STATE_DONE)
    {
      g_autofree char *title = g_strdup_printf (_("Published %s"), repo_id);
      g_autofree char *body = vitrine_publish_job_describe_when (job);
      AdwToast *t = adw_toast_new (title);

      if (self->application != NULL)
        vitrine_application_repository_changed (self->application, vitrine_publish_job_get_endpoint (job),
                                                vitrine_publish_job_get_repo_type (job), repo_id);
      if (shown)
        vitrine_publish_view_show_job (self, job);
      else
        {
          adw_toast_set_button_label (t, _("_Show"));
          g_object_set_data_full (G_OBJECT (t), "job", g_object_ref (job), g_object_unref);
          g_signal_connect_object (t, "button-clicked", G_CALLBACK (on_toast_button_cb), self, 0);
        }
      toast (self, t);
      notify_desktop (self, job, title, body);
      g_hash_table_remove (self->watched, job);
    }
  else if (state == VITRINE_PUBLISH_STATE_FAILED)
    {
      g_autofree char *title = g_strdup_printf (_("Publishing %s stopped"), repo_id);
      const char *body = vitrine_publish_job_get_error_title (job);

      notify_desktop (self, job, title, body != NULL ? body : vitrine_publish_job_get_error_message (job));
    }
}

static void
watch (VitrinePublishView *self,
       VitrinePublishJob  *job)
{
  if (!g_hash_table_add (self->watched, g_object_ref (job)))
    return;
  g_signal_connect_object (job, "notify::state", G_CALLBACK (on_job_state_cb), self, 0);
}

/* ---- Pages ------------------------------------------------------------ */

/**
 * vitrine_publish_view_show_job:
 *
 * Shows @job: its progress, or its done page once published.
 */
void
vitrine_publish_view_show_job (VitrinePublishView *self,
                               VitrinePublishJob  *job)
{
  g_return_if_fail (VITRINE_IS_PUBLISH_VIEW (self));
  g_return_if_fail (VITRINE_IS_PUBLISH_JOB (job));

  if (vitrine_publish_job_get_state (job) == VITRINE_PUBLISH_STATE_DONE)
    {
      vitrine_publish_done_view_set_job (self->done_view, job);
      gtk_stack_set_visible_child_name (self->publish_stack, "done");
    }
  else
    {
      vitrine_publish_progress_view_set_job (self->progress_view, job);
      gtk_stack_set_visible_child_name (self->publish_stack, "progress");
    }
}

/**
 * vitrine_publish_view_resume_job:
 *
 * Goes on with @job where it stopped, and shows its progress.
 */
void
vitrine_publish_view_resume_job (VitrinePublishView *self,
                                 VitrinePublishJob  *job)
{
  g_return_if_fail (VITRINE_IS_PUBLISH_VIEW (self));
  g_return_if_fail (VITRINE_IS_PUBLISH_JOB (job));

  watch (self, job);
  vitrine_publish_job_retry (job);
  vitrine_publish_view_show_job (self, job);
}

static void
on_show_job_cb (VitrinePublishView *self,
                VitrinePublishJob  *job)
{
  vitrine_publish_view_show_job (self, job);
}

static void
on_resume_job_cb (VitrinePublishView *self,
                  VitrinePublishJob  *job)
{
  vitrine_publish_view_resume_job (self, job);
}

static void
on_show_start_cb (VitrinePublishView *self)
{
  vitrine_card_editor_flush (vitrine_card_step_get_editor (self->card_step));
  gtk_stack_set_visible_child_name (self->publish_stack, "empty");
}

static void
on_edit_cb (VitrinePublishView *self)
{
  gtk_stack_set_visible_child_name (self->publish_stack, "wizard");
}

static void
on_card_saved_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(VitrinePublishView) self = user_data;
  g_autoptr(VitrinePublishJob) job = NULL;
  g_autoptr(GError) error = NULL;
  VitrinePublishQueue *queue;

  self->saving = FALSE;
  if (!vitrine_card_editor_save_finish (VITRINE_CARD_EDITOR (source), result, &error))
    {
      toast (self, adw_toast_new (error->message));
      return;
    }
  if (self->application == NULL)
    return;
  job = vitrine_publish_setup_new_job (self->setup);
  if (job == NULL)
    return;
  queue = vitrine_application_get_publish_queue (self->application);
  /* Recorded before it starts: a crash from here on loses nothing. */
  vitrine_publish_queue_add (queue, job);
  watch (self, job);
  vitrine_publish_job_start (job);
  vitrine_publish_view_show_job (self, job);
}

/* Publish: what is published is the folder as it is on disk, so the card
 * is saved first. */
static void
on_finish_cb (VitrinePublishView *self)
{
  if (self->application == NULL || self->saving)
    return;
  self->saving = TRUE;
  vitrine_card_editor_save_async (vitrine_card_step_get_editor (self->card_step), on_card_saved_cb,
                                  g_object_ref (self));
}

/* ---- Opening a folder ------------------------------------------------- */

/* A repository name made of the folder's: what the Hub accepts. */
static char *
name_for_folder (GFile *folder)
{
  g_autofree char *base = g_file_get_basename (folder);
  GString *name = g_string_new (NULL);

  for (const char *p = base; p != NULL && *p != '\0'; p++)
    {
      char c = g_ascii_isalnum (*p) || *p == '.' || *p == '_' || *p == '-' ? *p : '-';

      /* No "--" nor "..", and only letters or digits at the ends. */
      if ((c == '-' || c == '.') && name->len > 0 && name->str[name->len - 1] == c)
        continue;
      if (name->len == 0 && !g_ascii_isalnum (c))
        continue;
      g_string_append_c (name, c);
    }
  while (name->len > 0 && !g_ascii_isalnum (name->str[name->len - 1]))
    g_string_truncate (name, name->len - 1);
  if (name->len > VITRINE_REPO_NAME_MAX_LENGTH)
    g_string_truncate (name, VITRINE_REPO_NAME_MAX_LENGTH);
  if (name->len == 0)
    g_string_assign (name, "my-model");
  return g_string_free (name, FALSE);
}

static VitrineAccount *
default_account (VitrinePublishView *self)
{
  VitrineAccountStore *store = vitrine_application_get_account_store (self->application);
  VitrineAccount *account = vitrine_application_get_current_account (self->application);

  if (account == NULL && store != NULL)
    account = vitrine_account_store_get_default (store);
  return account;
}

/* The account that published @job before, if the user is still signed in there. */
static VitrineAccount *
account_for_job (VitrinePublishView *self,
                 VitrinePublishJob  *job)
{
  VitrineAccountStore *store = vitrine_application_get_account_store (self->application);
  VitrineAccount *account = store != NULL ? vitrine_account_store_find (store, vitrine_publish_job_get_endpoint (job))
                                          : NULL;
  VitrineAccount *current = vitrine_application_get_current_account (self->application);

  if (account == NULL && current != NULL &&
      g_strcmp0 (vitrine_account_get_endpoint (current), vitrine_publish_job_get_endpoint (job)) == 0)
    account = current;
  return account;
}

/**
 * vitrine_publish_view_open_folder:
 *
 * Starts the wizard on @folder: at its first step, or at Review with the
 * last destination when the folder was published before.
 *
 * Returns: whether the folder could be opened
 */
gboolean
vitrine_publish_view_open_folder (VitrinePublishView  *self,
                                  GFile               *folder,
                                  GError             **error)
{
  VitrineCardEditor *editor;
  VitrinePublishJob *last = NULL;
  VitrineAccount *account = NULL;
  g_autofree char *path = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (VITRINE_IS_PUBLISH_VIEW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (folder), FALSE);

  editor = vitrine_card_step_get_editor (self->card_step);
  if (!vitrine_card_editor_load_folder (editor, folder, error))
    return FALSE;

  path = g_file_get_path (folder);
  if (self->application != NULL && path != NULL)
    last = vitrine_publish_queue_last_for_folder (vitrine_application_get_publish_queue (self->application), path);
  if (last != NULL)
    account = account_for_job (self, last);
  if (account == NULL)
    last = NULL;

  g_object_freeze_notify (G_OBJECT (self->setup));
  vitrine_publish_setup_set_folder (self->setup, folder);
  vitrine_publish_setup_set_replace_card (self->setup, FALSE);
  vitrine_publish_setup_set_gated (self->setup, FALSE);
  vitrine_publish_setup_set_create_pr (self->setup, FALSE);
  vitrine_publish_setup_set_message (self->setup, NULL);
  if (last != NULL)
    {
      g_autofree char *owner = NULL;

      vitrine_repo_id_parse (vitrine_publish_job_get_repo_id (last), &owner, &name, NULL);
      vitrine_publish_setup_set_account (self->setup, account);
      vitrine_publish_setup_set_owner (self->setup, owner);
      vitrine_publish_setup_set_private (self->setup, vitrine_publish_job_get_private (last));
    }
  else
    {
      name = name_for_folder (folder);
      vitrine_publish_setup_set_account (self->setup, self->application != NULL ? default_account (self) : NULL);
      vitrine_publish_setup_set_owner (self->setup, NULL);
      vitrine_publish_setup_set_private (self->setup,
                                        self->application == NULL ||
                                        g_settings_get_boolean (vitrine_application_get_settings (self->application),
                                                                VITRINE_PREFS_NEW_REPOS_PRIVATE));
    }
  vitrine_publish_setup_set_name (self->setup, name);
  g_object_thaw_notify (G_OBJECT (self->setup));
  /* The same name as last time may now be a repository that exists. */
  vitrine_destination_step_check_again (self->destination_step);

  vitrine_folder_step_scan (self->folder_step,
                            last != NULL ? vitrine_publish_job_get_included_secrets (last) : NULL);
  gtk_stack_set_visible_child_name (self->publish_stack, "wizard");
  if (last != NULL)
    vitrine_assistant_set_current_page (self->assistant, VITRINE_ASSISTANT_PAGE (self->review_step));
  else
    vitrine_assistant_reset (self->assistant);
  return TRUE;
}

/* ---- Accessors -------------------------------------------------------- */

VitrineAssistant *
vitrine_publish_view_get_assistant (VitrinePublishView *self)
{
  g_return_val_if_fail (VITRINE_IS_PUBLISH_VIEW (self), NULL);
  return self->assistant;
}

VitrineCardEditor *
vitrine_publish_view_get_card_editor (VitrinePublishView *self)
{
  g_return_val_if_fail (VITRINE_IS_PUBLISH_VIEW (self), NULL);
  return vitrine_card_step_get_editor (self->card_step);
}

VitrinePublishSetup *
vitrine_publish_view_get_setup (VitrinePublishView *self)
{
  g_return_val_if_fail (VITRINE_IS_PUBLISH_VIEW (self), NULL);
  return self->setup;
}

/* The card editor compares with, and asks validate-yaml of, the hub the
 * card goes to. */
static void
on_setup_account_cb (VitrinePublishView *self)
{
  VitrineAccount *account = vitrine_publish_setup_get_account (self->setup);

  vitrine_card_editor_set_client (vitrine_card_step_get_editor (self->card_step),
                                  account != NULL ? vitrine_account_get_client (account) : NULL);
}

/* The account menu says where publishing goes: the wizard follows it. */
static void
on_current_account_cb (VitrinePublishView *self)
{
  VitrineAccount *account = default_account (self);

  if (account != NULL)
    vitrine_publish_setup_set_account (self->setup, account);
}

void
vitrine_publish_view_set_application (VitrinePublishView *self,
                                      VitrineApplication *application)
{
  VitrineAccountStore *store;

  g_return_if_fail (VITRINE_IS_PUBLISH_VIEW (self));
  g_return_if_fail (self->application == NULL);

  self->application = g_object_ref (application);
  store = vitrine_application_get_account_store (application);
  if (store != NULL)
    vitrine_destination_step_set_accounts (self->destination_step, G_LIST_MODEL (store));
  vitrine_publish_queue_view_set_queue (self->queue_view, vitrine_application_get_publish_queue (application));
  g_signal_connect_object (application, "notify::current-account", G_CALLBACK (on_current_account_cb), self,
                           G_CONNECT_SWAPPED);
  on_current_account_cb (self);
}

/* ---- Object ----------------------------------------------------------- */

static void
vitrine_publish_view_dispose (GObject *object)
{
  VitrinePublishView *self = VITRINE_PUBLISH_VIEW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), VITRINE_TYPE_PUBLISH_VIEW);
  g_hash_table_remove_all (self->watched);
  g_clear_object (&self->setup);
  g_clear_object (&self->application);

  G_OBJECT_CLASS (vitrine_publish_view_parent_class)->dispose (object);
}

static void
vitrine_publish_view_finalize (GObject *object)
{
  VitrinePublishView *self = VITRINE_PUBLISH_VIEW (object);

  g_hash_table_unref (self->watched);

  G_OBJECT_CLASS (vitrine_publish_view_parent_class)->finalize (object);
}

static void
vitrine_publish_view_class_init (VitrinePublishViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vitrine_publish_view_dispose;
  object_class->finalize = vitrine_publish_view_finalize;

  g_type_ensure (VITRINE_TYPE_ASSISTANT);
  g_type_ensure (VITRINE_TYPE_PUBLISH_QUEUE_VIEW);
  g_type_ensure (VITRINE_TYPE_PUBLISH_PROGRESS_VIEW);
  g_type_ensure (VITRINE_TYPE_PUBLISH_DONE_VIEW);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/ui/vitrine-publish-view.ui");
  gtk_widget_class_bind_template_child (widget_class, VitrinePublishView, publish_stack);
  gtk_widget_class_bind_template_child (widget_class, VitrinePublishView, publish_status);
  gtk_widget_class_bind_template_child (widget_class, VitrinePublishView, choose_folder_button);
  gtk_widget_class_bind_template_child (widget_class, VitrinePublishView, queue_view);
  gtk_widget_class_bind_template_child (widget_class, VitrinePublishView, assistant);
  gtk_widget_class_bind_template_child (widget_class, VitrinePublishView, progress_view);
  gtk_widget_class_bind_template_child (widget_class, VitrinePublishView, done_view);
  gtk_widget_class_bind_template_callback (widget_class, on_finish_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_show_start_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_edit_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_show_job_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_resume_job_cb);
}

static void
vitrine_publish_view_init (VitrinePublishView *self)
{
  VitrineCardEditor *editor;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->watched = g_hash_table_new_full (NULL, NULL, g_object_unref, NULL);
  self->setup = vitrine_publish_setup_new ();

  self->folder_step = vitrine_folder_step_new (self->setup);
  self->card_step = vitrine_card_step_new ();
  editor = vitrine_card_step_get_editor (self->card_step);
  self->license_step = vitrine_license_step_new (editor);
  self->destination_step = vitrine_destination_step_new (self->setup);
  self->review_step = vitrine_review_step_new (self->setup, editor);
  vitrine_assistant_append_page (self->assistant, VITRINE_ASSISTANT_PAGE (self->folder_step));
  vitrine_assistant_append_page (self->assistant, VITRINE_ASSISTANT_PAGE (self->card_step));
  vitrine_assistant_append_page (self->assistant, VITRINE_ASSISTANT_PAGE (self->license_step));
  vitrine_assistant_append_page (self->assistant, VITRINE_ASSISTANT_PAGE (self->destination_step));
  vitrine_assistant_append_page (self->assistant, VITRINE_ASSISTANT_PAGE (self->review_step));

  g_signal_connect_object (self->setup, "notify::account", G_CALLBACK (on_setup_account_cb), self,
                           G_CONNECT_SWAPPED);
  vitrine_accessible_repair (GTK_WIDGET (self));
}
