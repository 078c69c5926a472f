/* vitrine-publish-queue-view.c — recent and unfinished publishes
 *
 * Under the Publish area's empty state: every publish recorded, newest
 * first, with its state, its destination and when.  A publish that was
 * interrupted (a crash, a kill, a quit), stopped or failed has Resume,
 * which goes on where it stopped; activating a row shows that publish.
 * The queue keeps a bounded number of finished records, so a list box
 * bound to it stays small.
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "vitrine-accessible.h"
#include "vitrine-publish-queue-view.h"

struct _VitrinePublishQueueView
{
  GtkWidget            parent_instance;

  VitrinePublishQueue *queue;

  /* Template widgets */
  GtkWidget           *title_label;
  GtkListBox          *list;
};

G_DEFINE_FINAL_TYPE (VitrinePublishQueueView, vitrine_publish_queue_view, GTK_TYPE_WIDGET)

enum {
  SHOW_JOB,
  RESUME_JOB,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gboolean
is_resumable (VitrinePublishJob *job)
{
  switch (vitrine_publish_job_get_state (job))
    {
    case VITRINE_PUBLISH_STATE_INTERRUPTED:
    case VITRINE_PUBLISH_STATE_FAILED:
    case VITRINE_PUBLISH_STATE_CANCELLED:
      return TRUE;
    case VITRINE_PUBLISH_STATE_QUEUED:
    case VITRINE_PUBLISH_STATE_RUNNING:
    case VITRINE_PUBLISH_STATE_DONE:
    default:
      return FALSE;
    }
}

/* A time as people say it: “just now”, “5 minutes ago”, “yesterday”, or
 * the date. */
static char *
relative_time (gint64 when)
{
  g_autoptr(GDateTime) then = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  GTimeSpan ago;
  guint n;

  if (when <= 0)
    return g_strdup ("");
  /* Records may keep seconds or microseconds since 1970. */
  if (when > G_GINT64_CONSTANT (100000000000))
    when /= G_USEC_PER_SEC;
  then = g_date_time_new_from_unix_local (when);
  ago = g_date_time_difference (now, then) / G_USEC_PER_SEC;
  if (ago < 60)
    return g_strdup (_("just now"));
  if (ago < 3600)
    {
      n = ago / 60;
      return g_strdup_printf (ngettext ("%u minute ago", "%u minutes ago", n), n);
    }
  if (ago < 24 * 3600)
    {
      n = ago / 3600;
      return g_strdup_printf (ngettext ("%u hour ago", "%u hours ago", n), n);
    }
  if (ago < 48 * 3600)
    return g_strdup (_("yesterday"));
  return g_date_time_format (then, "%x");
}

static char *
server_name (const char *endpoint)
{
  g_autoptr(GUri) uri = endpoint != NULL ? g_uri_parse (endpoint, G_URI_FLAGS_NONE, NULL) : NULL;

  if (uri == NULL || g_uri_get_host (uri) == NULL)
    return g_strdup (endpoint != NULL ? endpoint : "");
  if (g_str_equal (g_uri_get_host (uri), "127.0.0.1") || g_str_equal (g_uri_get_host (uri), "localhost"))
    return g_strdup (_("this computer"));
  return g_strdup (g_uri_get_host (uri));
}

/**
 * vitrine_publish_job_describe_when:
 *
 * Returns: (transfer full): where @job stands and since when, in words:
 *   “Published 5 minutes ago to huggingface.co”
 */
char *
vitrine_publish_job_describe_when (VitrinePublishJob *job)
{
  g_autofree char *server = server_name (vitrine_publish_job_get_endpoint (job));
  gint64 finished = vitrine_publish_job_get_finished (job);
  g_autofree char *when = relative_time (finished > 0 ? finished : vitrine_publish_job_get_created (job));

  switch (vitrine_publish_job_get_state (job))
    {
    case VITRINE_PUBLISH_STATE_QUEUED:
      /* Translators: %s is a hub, such as “huggingface.co”. */
      return g_strdup_printf (_("Waiting to go to %s"), server);
    case VITRINE_PUBLISH_STATE_RUNNING:
      return g_strdup_printf (_("Publishing to %s…"), server);
    case VITRINE_PUBLISH_STATE_FAILED:
      /* Translators: the first %s is when, such as “5 minutes ago”; the second a hub. */
      return g_strdup_printf (_("Failed %s, on its way to %s"), when, server);
    case VITRINE_PUBLISH_STATE_CANCELLED:
      return g_strdup_printf (_("Stopped %s, on its way to %s"), when, server);
    case VITRINE_PUBLISH_STATE_INTERRUPTED:
      return g_strdup_printf (_("Interrupted %s, on its way to %s"), when, server);
    case VITRINE_PUBLISH_STATE_DONE:
      return g_strdup_printf (_("Published %s to %s"), when, server);
    default:
      return g_strdup ("");
    }
}

static const char *
state_icon (VitrinePublishJob *job)
{
  switch (vitrine_publish_job_get_state (job))
    {
    case VITRINE_PUBLISH_STATE_DONE:
      return "object-select-symbolic";
    case VITRINE_PUBLISH_STATE_FAILED:
      return "dialog-error-symbolic";
    case VITRINE_PUBLISH_STATE_INTERRUPTED:
    case VITRINE_PUBLISH_STATE_CANCELLED:
      return "media-playback-pause-symbolic";
    case VITRINE_PUBLISH_STATE_QUEUED:
    case VITRINE_PUBLISH_STATE_RUNNING:
    default:
      return "send-to-symbolic";
    }
}

static void
update_row (GtkWidget *row)
{
  VitrinePublishJob *job = g_object_get_data (G_OBJECT (row), "job");
  GtkWidget *resume = g_object_get_data (G_OBJECT (row), "resume");
  GtkImage *icon = g_object_get_data (G_OBJECT (row), "icon");
  g_autofree char *subtitle = vitrine_publish_job_describe_when (job);

  /* Read as its title (the repository), described by its subtitle. */
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_image_set_from_icon_name (icon, state_icon (job));
  gtk_widget_set_visible (resume, is_resumable (job));
}

static void
on_resume_clicked_cb (GtkButton               *button,
                      VitrinePublishQueueView *self)
{
  VitrinePublishJob *job = g_object_get_data (G_OBJECT (button), "job");

  g_signal_emit (self, signals[RESUME_JOB], 0, job);
}

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  VitrinePublishQueueView *self = user_data;
  VitrinePublishJob *job = item;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon = gtk_image_new ();
  /* No mnemonic: its label would be read after the name given below. */
  GtkWidget *resume = gtk_button_new_with_label (_("Resume"));
  /* Translators: the name of a button, read by screen readers; %s is a repository. */
  g_autofree char *resume_name = g_strdup_printf (_("Resume publishing %s"), vitrine_publish_job_get_repo_id (job));

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), vitrine_publish_job_get_repo_id (job));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_accessible_update_state (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
  gtk_widget_set_valign (resume, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (resume, "suggested-action");
  gtk_widget_set_tooltip_text (resume, _("Go on where it stopped: only what the hub lacks is sent"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (resume), GTK_ACCESSIBLE_PROPERTY_LABEL, resume_name, -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), resume);
  g_object_set_data_full (G_OBJECT (row), "job", g_object_ref (job), g_object_unref);
  g_object_set_data_full (G_OBJECT (resume), "job", g_object_ref (job), g_object_unref);
  g_object_set_data (G_OBJECT (row), "resume", resume);
  g_object_set_data (G_OBJECT (row), "icon", icon);
  g_signal_connect_object (resume, "clicked", G_CALLBACK (on_resume_clicked_cb), self, 0);
  g_signal_connect_object (job, "notify::state", G_CALLBACK (update_row), row, G_CONNECT_SWAPPED);
  update_row (row);
  return row;
}

static void
on_row_activated_cb (VitrinePublishQueueView *self,
                     GtkListBoxRow           *row)
{
  VitrinePublishJob *job = g_object_get_data (G_OBJECT (row), "job");

  if (job != NULL)
    g_signal_emit (self, signals[SHOW_JOB], 0, job);
}

static void
on_items_changed_cb (VitrinePublishQueueView *self)
{
  guint n = self->queue != NULL ? g_list_model_get_n_items (G_LIST_MODEL (self->queue)) : 0;

  gtk_widget_set_visible (GTK_WIDGET (self), n > 0);
}

void
vitrine_publish_queue_view_set_queue (VitrinePublishQueueView *self,
                                      VitrinePublishQueue     *queue)
{
  g_return_if_fail (VITRINE_IS_PUBLISH_QUEUE_VIEW (self));

  if (self->queue != NULL)
    g_signal_handlers_disconnect_by_data (self->queue, self);
  g_set_object (&self->queue, queue);
  gtk_list_box_bind_model (self->list, queue != NULL ? G_LIST_MODEL (queue) : NULL,
                           create_row, self, NULL);
  if (queue != NULL)
    g_signal_connect_swapped (queue, "items-changed", G_CALLBACK (on_items_changed_cb), self);
  on_items_changed_cb (self);
}

static void
vitrine_publish_queue_view_dispose (GObject *object)
{
  VitrinePublishQueueView *self = VITRINE_PUBLISH_QUEUE_VIEW (object);
  GtkWidget *child;

  if (self->queue != NULL)
    g_signal_handlers_disconnect_by_data (self->queue, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), VITRINE_TYPE_PUBLISH_QUEUE_VIEW);
  /* The template's top widget has no id: it goes here. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->queue);

  G_OBJECT_CLASS (vitrine_publish_queue_view_parent_class)->dispose (object);
}

static void
vitrine_publish_queue_view_class_init (VitrinePublishQueueViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vitrine_publish_queue_view_dispose;

  /**
   * VitrinePublishQueueView::show-job:
   * @job: a publish of the queue
   *
   * The user wants to see @job.
   */
  signals[SHOW_JOB] = g_signal_new ("show-job", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 1, VITRINE_TYPE_PUBLISH_JOB);
  /**
   * VitrinePublishQueueView::resume-job:
   * @job: a publish of the queue that stopped
   *
   * The user wants @job to go on where it stopped.
   */
  signals[RESUME_JOB] = g_signal_new ("resume-job", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                      0, NULL, NULL, NULL, G_TYPE_NONE, 1, VITRINE_TYPE_PUBLISH_JOB);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/ui/vitrine-publish-queue-view.ui");
  gtk_widget_class_bind_template_child (widget_class, VitrinePublishQueueView, title_label);
  gtk_widget_class_bind_template_child (widget_class, VitrinePublishQueueView, list);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated_cb);
}

static void
vitrine_publish_queue_view_init (VitrinePublishQueueView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}

GtkWidget *
vitrine_publish_queue_view_new (void)
{
  return g_object_new (VITRINE_TYPE_PUBLISH_QUEUE_VIEW, NULL);
}
