/* vitrine-demos-page-actions.c — the Demos area's actions: run or stop,
 * restart, reload, open in the browser, open a Space, run a folder
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "vitrine-accessible.h"
#include "vitrine-demos-page-private.h"
#include "vitrine-repo-id.h"

/* ---- Actions ---------------------------------------------------------- */

static void
run_or_stop_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  VitrineDemosPage *self = VITRINE_DEMOS_PAGE (widget);

  if (_vitrine_space_state_is_active (_vitrine_demos_page_run_state (self)) && !self->on_hub)
    {
      _vitrine_demos_page_stop_run (self);
      return;
    }
  gtk_toggle_button_set_active (self->here_button, TRUE);
  _vitrine_demos_page_start_run (self);
}

static void
run_here_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  VitrineDemosPage *self = VITRINE_DEMOS_PAGE (widget);

  gtk_toggle_button_set_active (self->here_button, TRUE);
  _vitrine_demos_page_start_run (self);
}

static void
on_restarted_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(VitrineDemosPage) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!vitrine_space_run_restart_finish (VITRINE_SPACE_RUN (source), result, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_debug ("The demo did not restart: %s", error->message);
  _vitrine_demos_page_update (self);
}

static void
restart_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  VitrineDemosPage *self = VITRINE_DEMOS_PAGE (widget);

  if (self->run == NULL)
    return;
  g_cancellable_cancel (self->run_cancellable);
  g_clear_object (&self->run_cancellable);
  self->run_cancellable = g_cancellable_new ();
  vitrine_space_run_restart_async (self->run, self->run_cancellable, on_restarted_cb, g_object_ref (self));
  _vitrine_demos_page_update (self);
}

/* F5: the page shown, else the list of Spaces. */
static void
reload_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  VitrineDemosPage *self = VITRINE_DEMOS_PAGE (widget);
  VitrineDemoView *view = vitrine_demos_page_get_view (self);

  if (view != NULL && g_strcmp0 (vitrine_demos_page_get_shown (self), "web") == 0)
    vitrine_demo_view_reload (view);
  else
    vitrine_space_list_refresh (self->space_list);
}

static void
open_in_browser_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  VitrineDemosPage *self = VITRINE_DEMOS_PAGE (widget);
  const char *address = _vitrine_demos_page_shown_address (self);
  GtkRoot *root = gtk_widget_get_root (widget);

  if (address == NULL)
    return;
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_show_uri (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, address, GDK_CURRENT_TIME);
  G_GNUC_END_IGNORE_DEPRECATIONS
}

static void
show_spaces_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  adw_leaflet_navigate (VITRINE_DEMOS_PAGE (widget)->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
on_open_space_answer_cb (AdwMessageDialog *dialog,
                         const char       *response,
                         VitrineDemosPage *self)
{
  GtkEditable *entry = GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog));
  g_autofree char *id = g_strstrip (g_strdup (gtk_editable_get_text (entry)));
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "open") != 0)
    return;
  if (g_str_has_prefix (id, "spaces/"))
    memmove (id, id + strlen ("spaces/"), strlen (id) - strlen ("spaces/") + 1);
  if (!vitrine_repo_id_parse (id, NULL, NULL, &error))
    {
      _vitrine_demos_page_toast (self, error->message);
      return;
    }
  vitrine_demos_page_open_space (self, id, FALSE);
}

static void
on_open_space_changed_cb (GtkEditable      *entry,
                          AdwMessageDialog *dialog)
{
  g_autofree char *id = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  adw_message_dialog_set_response_enabled (dialog, "open", strchr (id, '/') != NULL);
}

static void
open_space_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  VitrineDemosPage *self = VITRINE_DEMOS_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  AdwMessageDialog *dialog;
  GtkWidget *entry = gtk_entry_new ();
  const char *hub = self->account != NULL ? vitrine_account_get_label (self->account) : NULL;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                       _("Open a Space"), NULL));
  /* Translators: %s names a hub, "This Computer" or "huggingface.co". */
  adw_message_dialog_format_body (dialog, _("The Space’s id on %s, as in alice/sentiment-demo."),
                                  hub != NULL ? hub : _("the hub"));
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), "alice/sentiment-demo");
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Space id"), -1);
  adw_message_dialog_set_extra_child (dialog, entry);
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "open", _("_Open"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "open", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_response_enabled (dialog, "open", FALSE);
  adw_message_dialog_set_default_response (dialog, "open");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect (entry, "changed", G_CALLBACK (on_open_space_changed_cb), dialog);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_open_space_answer_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  vitrine_accessible_repair (GTK_WIDGET (dialog));
  gtk_widget_grab_focus (entry);
}

static void
on_folder_chosen_cb (GtkNativeDialog  *chooser,
                     int               response,
                     VitrineDemosPage *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) folder = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = folder != NULL ? g_file_get_path (folder) : NULL;

      if (path != NULL)
        vitrine_demos_page_run_folder (self, path);
    }
  g_object_unref (chooser);
  g_object_unref (self);
}

static void
run_folder_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkFileChooserNative *chooser;

  /* GtkFileDialog is GTK 4.10. */
  chooser = gtk_file_chooser_native_new (_("Choose the Space’s Folder"),
                                         GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER, _("_Run"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (on_folder_chosen_cb), g_object_ref (widget));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

void
_vitrine_demos_page_install_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "demos.run-or-stop", NULL, run_or_stop_action);
  gtk_widget_class_install_action (widget_class, "demos.run-here", NULL, run_here_action);
  gtk_widget_class_install_action (widget_class, "demos.restart", NULL, restart_action);
  gtk_widget_class_install_action (widget_class, "demos.reload", NULL, reload_action);
  gtk_widget_class_install_action (widget_class, "demos.open-in-browser", NULL, open_in_browser_action);
  gtk_widget_class_install_action (widget_class, "demos.open-space", NULL, open_space_action);
  gtk_widget_class_install_action (widget_class, "demos.run-folder", NULL, run_folder_action);
  gtk_widget_class_install_action (widget_class, "demos.show-spaces", NULL, show_spaces_action);
  gtk_widget_class_install_property_action (widget_class, "demos.show-log", "log-visible");
}
