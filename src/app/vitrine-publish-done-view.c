/* vitrine-publish-done-view.c — a publish that finished, and where to go
 * from it
 *
 * What was published and where, then: View on the Hub (the repository's
 * web page, for the hubs that have web pages), Show History and Create a
 * Demo (the window's `win.show-history` and `win.create-demo`, which the
 * History and Demos areas provide: while one is missing its button is
 * off), and Publish Another Model….
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "vitrine-accessible.h"
#include "vitrine-publish-done-view.h"

/* The hubs whose repositories have web pages, at the endpoint's address. */
static const char * const web_hosts[] = { "huggingface.co", "hf.co", NULL };

struct _VitrinePublishDoneView
{
  GtkWidget          parent_instance;

  VitrinePublishJob *job;

  /* Template widgets */
  AdwStatusPage     *status;
  GtkButton         *web_button;
  GtkButton         *history_button;
  GtkButton         *demo_button;
};

G_DEFINE_FINAL_TYPE (VitrinePublishDoneView, vitrine_publish_done_view, GTK_TYPE_WIDGET)

enum {
  CLOSE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/**
 * vitrine_publish_dup_web_url:
 *
 * Returns: (transfer full) (nullable): the web page of what @job
 *   published (its pull request, else its repository), for the hubs that
 *   have web pages; %NULL for the others, such as this computer's
 */
char *
vitrine_publish_dup_web_url (VitrinePublishJob *job)
{
  g_autoptr(GUri) uri = NULL;
  g_autofree char *host = NULL;
  const char *endpoint;
  const char *pr_url;

  g_return_val_if_fail (VITRINE_IS_PUBLISH_JOB (job), NULL);

  endpoint = vitrine_publish_job_get_endpoint (job);
  uri = endpoint != NULL ? g_uri_parse (endpoint, G_URI_FLAGS_NONE, NULL) : NULL;
  if (uri == NULL || g_uri_get_host (uri) == NULL || g_strcmp0 (g_uri_get_scheme (uri), "https") != 0)
    return NULL;
  host = g_ascii_strdown (g_uri_get_host (uri), -1);
  if (!g_strv_contains (web_hosts, host))
    return NULL;
  pr_url = vitrine_publish_job_get_pr_url (job);
  if (pr_url != NULL && g_str_has_prefix (pr_url, "https://"))
    return g_strdup (pr_url);
  return g_strdup_printf ("https://%s/%s%s", host,
                          vitrine_repo_type_url_prefix (vitrine_publish_job_get_repo_type (job)),
                          vitrine_publish_job_get_repo_id (job));
}

void
vitrine_publish_done_view_set_job (VitrinePublishDoneView *self,
                                   VitrinePublishJob      *job)
{
  g_autofree char *description = NULL;
  g_autofree char *url = NULL;
  const char *repo_id;
  const char *prefix;
  g_autofree char *hub_form = NULL;

  g_return_if_fail (VITRINE_IS_PUBLISH_DONE_VIEW (self));

  g_set_object (&self->job, job);
  if (job == NULL)
    return;
  repo_id = vitrine_publish_job_get_repo_id (job);
  prefix = vitrine_repo_type_url_prefix (vitrine_publish_job_get_repo_type (job));
  hub_form = g_strconcat (prefix, repo_id, NULL);
  url = vitrine_publish_dup_web_url (job);

  if (vitrine_publish_job_get_create_pr (job))
    {
      adw_status_page_set_title (self->status, _("Pull Request Opened"));
      /* Translators: %s is a repository, such as “alice/bert-imdb”. */
      description = g_strdup_printf (_("Your changes wait for the owners of %s to accept them."), repo_id);
    }
  else
    {
      adw_status_page_set_title (self->status, _("Published"));
      if (vitrine_publish_job_get_private (job))
        description = g_strdup_printf (_("%s is published. It is private: only its owner sees it."), repo_id);
      else
        description = g_strdup_printf (_("%s is published, for everyone to see."), repo_id);
    }
  adw_status_page_set_description (self->status, description);
  gtk_widget_set_visible (GTK_WIDGET (self->web_button), url != NULL);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->history_button), "s", hub_form);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->demo_button), "s", repo_id);
}

static void
view_on_hub_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  VitrinePublishDoneView *self = VITRINE_PUBLISH_DONE_VIEW (widget);
  g_autofree char *url = self->job != NULL ? vitrine_publish_dup_web_url (self->job) : NULL;
  GtkRoot *root = gtk_widget_get_root (widget);

  if (url != NULL)
    gtk_show_uri (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, url, GDK_CURRENT_TIME);
}

static void
close_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  g_signal_emit (widget, signals[CLOSE], 0);
}

static void
vitrine_publish_done_view_dispose (GObject *object)
{
  VitrinePublishDoneView *self = VITRINE_PUBLISH_DONE_VIEW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), VITRINE_TYPE_PUBLISH_DONE_VIEW);
  g_clear_object (&self->job);

  G_OBJECT_CLASS (vitrine_publish_done_view_parent_class)->dispose (object);
}

static void
vitrine_publish_done_view_class_init (VitrinePublishDoneViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vitrine_publish_done_view_dispose;

  /**
   * VitrinePublishDoneView::close:
   *
   * The user is done with this publish.
   */
  signals[CLOSE] = g_signal_new ("close", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/ui/vitrine-publish-done-view.ui");
  gtk_widget_class_bind_template_child (widget_class, VitrinePublishDoneView, status);
  gtk_widget_class_bind_template_child (widget_class, VitrinePublishDoneView, web_button);
  gtk_widget_class_bind_template_child (widget_class, VitrinePublishDoneView, history_button);
  gtk_widget_class_bind_template_child (widget_class, VitrinePublishDoneView, demo_button);

  gtk_widget_class_install_action (widget_class, "done.view-on-hub", NULL, view_on_hub_action);
  gtk_widget_class_install_action (widget_class, "done.close", NULL, close_action);
}

static void
vitrine_publish_done_view_init (VitrinePublishDoneView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  vitrine_accessible_repair (GTK_WIDGET (self));
}

GtkWidget *
vitrine_publish_done_view_new (void)
{
  return g_object_new (VITRINE_TYPE_PUBLISH_DONE_VIEW, NULL);
}
