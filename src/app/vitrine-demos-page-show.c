/* vitrine-demos-page-show.c — what the Demos area shows: the page that
 * fits the demo's state, its labels and buttons, and its web views
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "vitrine-demos-page-private.h"

/* ---- Web views -------------------------------------------------------- */

static void
on_download_finished_cb (VitrineDemoView  *view,
                         const char       *path,
                         VitrineDemosPage *self)
{
  g_autofree char *name = g_filename_display_basename (path);
  /* Translators: %s is a file's name. */
  g_autofree char *message = g_strdup_printf (_("Saved “%s” in your downloads"), name);

  _vitrine_demos_page_toast (self, message);
}

static void
on_download_failed_cb (VitrineDemoView  *view,
                       const char       *reason,
                       VitrineDemosPage *self)
{
  /* Translators: %s says why. */
  g_autofree char *message = g_strdup_printf (_("The file could not be saved: %s"), reason);

  _vitrine_demos_page_toast (self, message);
}

/* A new view, with a session of its own: a new demo shares nothing with
 * the one before. */
static VitrineDemoView *
new_view (VitrineDemosPage *self)
{
  VitrineDemoView *view = vitrine_demo_view_new ();

  g_signal_connect_object (view, "download-finished", G_CALLBACK (on_download_finished_cb), self, 0);
  g_signal_connect_object (view, "download-failed", G_CALLBACK (on_download_failed_cb), self, 0);
  gtk_stack_add_child (self->web_stack, GTK_WIDGET (view));
  return view;
}

void
_vitrine_demos_page_drop_view (VitrineDemosPage  *self,
           VitrineDemoView  **view)
{
  if (*view == NULL)
    return;
  gtk_stack_remove (self->web_stack, GTK_WIDGET (*view));
  *view = NULL;
}

/* ---- What is shown ---------------------------------------------------- */

static void
set_button (GtkButton  *button,
            const char *icon,
            const char *tooltip)
{
  gtk_button_set_icon_name (button, icon);
  gtk_widget_set_tooltip_text (GTK_WIDGET (button), tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
}

const char *
_vitrine_demos_page_shown_address (VitrineDemosPage *self)
{
  if (self->on_hub)
    return self->hub_address;
  if (_vitrine_demos_page_run_state (self) == VITRINE_SPACE_STATE_RUNNING)
    return vitrine_space_run_get_url (self->run);
  return NULL;
}

/* The app's own last lines (what Vitrine said of the run only when the
 * app said nothing), without the message the page shows above them. */
static char *
last_lines (VitrineLog *log,
            guint       max)
{
  GListModel *lines = G_LIST_MODEL (log);
  guint n = g_list_model_get_n_items (lines);
  g_autoptr(GPtrArray) kept = g_ptr_array_new ();
  GString *text = g_string_new (NULL);

  for (int pass = 0; pass < 2 && kept->len == 0; pass++)
    for (guint i = n; i > 0 && kept->len < max; i--)
      {
        VitrineLogLine *line = g_list_model_get_item (lines, i - 1);

        if (pass == 1 || vitrine_log_line_get_stream (line) != VITRINE_LOG_STREAM_STATUS)
          g_ptr_array_add (kept, (gpointer) vitrine_log_line_get_text (line));
        g_object_unref (line);
      }
  for (guint i = kept->len; i > 0; i--)
    g_string_append_printf (text, "%s%s", (const char *) g_ptr_array_index (kept, i - 1), i > 1 ? "\n" : "");
  return g_string_free (text, FALSE);
}

static void
show_problem (VitrineDemosPage  *self,
              VitrineSpaceState  state)
{
  const char *message = vitrine_space_run_get_error_message (self->run);
  g_autofree char *first = NULL;
  g_autofree char *tail = last_lines (vitrine_space_run_get_log (self->run), 12);
  const char *end;

  /* The message's first paragraph says what happened and what is
   * needed; the app's last lines show below it. */
  if (message == NULL)
    message = state == VITRINE_SPACE_STATE_CRASHED ? _("The app quit by itself.") : _("The app could not be started.");
  end = strstr (message, "\n\n");
  first = end != NULL ? g_strndup (message, end - message) : g_strdup (message);
  adw_status_page_set_title (self->problem_status, state == VITRINE_SPACE_STATE_CRASHED
                                                   ? _("The Demo Stopped")
                                                   : _("The Demo Could Not Start"));
  adw_status_page_set_description (self->problem_status, first);
  gtk_label_set_label (self->problem_log, tail);
  gtk_widget_set_visible (gtk_widget_get_parent (GTK_WIDGET (self->problem_log)), *tail != '\0');
}

static const char *
starting_words (VitrineSpaceState state)
{
  switch (state)
    {
    case VITRINE_SPACE_STATE_FETCHING:
      return _("Fetching the Space’s files…");
    case VITRINE_SPACE_STATE_PREPARING:
      return _("Preparing its Python environment…");
    case VITRINE_SPACE_STATE_STARTING:
      return _("Starting the app…");
    case VITRINE_SPACE_STATE_STOPPING:
      return _("Stopping the app…");
    case VITRINE_SPACE_STATE_IDLE:
    case VITRINE_SPACE_STATE_RUNNING:
    case VITRINE_SPACE_STATE_STOPPED:
    case VITRINE_SPACE_STATE_CRASHED:
    case VITRINE_SPACE_STATE_FAILED:
    default:
      return "";
    }
}

/* The local page: the app's address, once it answers, in this demo's
 * view. */
static void
show_local_page (VitrineDemosPage *self)
{
  const char *url = vitrine_space_run_get_url (self->run);

  if (self->view == NULL)
    self->view = new_view (self);
  if (url != NULL && g_strcmp0 (vitrine_demo_view_get_address (self->view), url) != 0)
    vitrine_demo_view_load (self->view, url);
  gtk_stack_set_visible_child (self->web_stack, GTK_WIDGET (self->view));
}

static void
show_hub_page (VitrineDemosPage *self)
{
  if (self->hub_view == NULL)
    self->hub_view = new_view (self);
  if (g_strcmp0 (vitrine_demo_view_get_address (self->hub_view), self->hub_address) != 0)
    vitrine_demo_view_load (self->hub_view, self->hub_address);
  gtk_stack_set_visible_child (self->web_stack, GTK_WIDGET (self->hub_view));
}

static const char *
choose_page (VitrineDemosPage *self)
{
  VitrineSpaceState state = _vitrine_demos_page_run_state (self);

  if (self->space_id == NULL && self->folder == NULL)
    return "empty";
  if (self->on_hub)
    {
      if (self->info_cancellable != NULL)
        return "loading";
      if (self->hub_address == NULL)
        return "not-hosted";
      show_hub_page (self);
      return "web";
    }
  switch (state)
    {
    case VITRINE_SPACE_STATE_FETCHING:
    case VITRINE_SPACE_STATE_PREPARING:
    case VITRINE_SPACE_STATE_STARTING:
    case VITRINE_SPACE_STATE_STOPPING:
      gtk_label_set_label (self->starting_label, starting_words (state));
      return "starting";
    case VITRINE_SPACE_STATE_RUNNING:
      show_local_page (self);
      return "web";
    case VITRINE_SPACE_STATE_CRASHED:
    case VITRINE_SPACE_STATE_FAILED:
      show_problem (self, state);
      return "problem";
    case VITRINE_SPACE_STATE_IDLE:
    case VITRINE_SPACE_STATE_STOPPED:
    default:
      return "ready";
    }
}

static void
update_labels (VitrineDemosPage *self,
               const char       *page)
{
  g_autofree char *name = self->folder != NULL ? g_filename_display_basename (self->folder) : NULL;
  const char *title = self->space_id != NULL ? self->space_id : name;
  const char *url = _vitrine_demos_page_shown_address (self);
  g_autofree char *subtitle = NULL;

  gtk_label_set_label (self->title_label, title != NULL ? title : _("Demos"));
  if (title == NULL)
    subtitle = g_strdup (_("No demo chosen"));
  else if (self->on_hub)
    subtitle = g_strdup (url != NULL ? url : _("Not run by its hub"));
  else if (url != NULL)
    {
      g_autoptr(GUri) uri = g_uri_parse (url, G_URI_FLAGS_NONE, NULL);
      g_autofree char *where = uri != NULL ? g_strdup_printf ("%s:%d", g_uri_get_host (uri), g_uri_get_port (uri))
                                           : g_strdup (url);

      /* Translators: %s is where a demo answers, 127.0.0.1:PORT. */
      subtitle = g_strdup_printf (_("Running here at %s"), where);
    }
  else if (g_str_equal (page, "starting"))
    subtitle = g_strdup (_("Starting here"));
  else if (g_str_equal (page, "problem"))
    subtitle = g_strdup (_("Stopped with a problem"));
  else
    subtitle = g_strdup (self->folder != NULL ? self->folder : _("Not running"));
  gtk_label_set_label (self->subtitle_label, subtitle);

  if (title != NULL)
    {
      /* Translators: %s is a Space's id or a folder's name. */
      g_autofree char *starting = g_strdup_printf (_("Starting %s"), title);

      gtk_label_set_label (self->starting_title, starting);
      adw_status_page_set_title (self->ready_status, title);
      adw_status_page_set_description (self->ready_status,
                                       self->folder != NULL
                                       ? _("Run the Space in this folder on this computer. Its page is shown again each time you change its files.")
                                       : _("Run this Space on this computer, with the models it uses from its hub."));
    }
  if (self->space_id != NULL && self->on_hub && self->hub_address == NULL)
    {
      g_autofree char *description = NULL;

      if (self->info_error != NULL)
        /* Translators: %s says why. */
        description = g_strdup_printf (_("Its hub could not be asked where it runs: %s"), self->info_error);
      else
        description = g_strdup (_("Its hub keeps the Space’s files but does not run its app. Run it here instead."));
      adw_status_page_set_description (self->hub_status, description);
    }
}

void
_vitrine_demos_page_update (VitrineDemosPage *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  VitrineSpaceState state = _vitrine_demos_page_run_state (self);
  gboolean any = self->space_id != NULL || self->folder != NULL;
  const char *page;

  if (gtk_widget_in_destruction (widget))
    return;

  page = choose_page (self);
  gtk_stack_set_visible_child_name (self->content_stack, page);
  if (g_str_equal (page, "starting"))
    gtk_spinner_start (self->starting_spinner);
  else
    gtk_spinner_stop (self->starting_spinner);
  if (g_str_equal (page, "loading"))
    gtk_spinner_start (self->loading_spinner);
  else
    gtk_spinner_stop (self->loading_spinner);
  update_labels (self, page);

  if (_vitrine_space_state_is_active (state) && !self->on_hub)
    set_button (self->run_button, "media-playback-stop-symbolic", _("Stop the Demo"));
  else
    set_button (self->run_button, "media-playback-start-symbolic", _("Run the Demo Here"));

  gtk_widget_set_sensitive (GTK_WIDGET (self->hub_button), self->space_id != NULL);
  gtk_widget_action_set_enabled (widget, "demos.run-or-stop", any);
  gtk_widget_action_set_enabled (widget, "demos.run-here", any);
  gtk_widget_action_set_enabled (widget, "demos.restart", self->run != NULL && !self->on_hub &&
                                 state != VITRINE_SPACE_STATE_STOPPING);
  gtk_widget_action_set_enabled (widget, "demos.open-in-browser", _vitrine_demos_page_shown_address (self) != NULL);
  gtk_widget_action_set_enabled (widget, "demos.show-log", self->run != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->log_view), self->log_visible && self->run != NULL && !self->on_hub);
}

