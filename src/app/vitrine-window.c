/* vitrine-window.c — the main window: its three areas, the actions they
 * share, and closing while publishing
 *
 * The window holds the three areas (Publish, History, Demos) in a view
 * stack, remembers its size and area, opens folders (Choose Folder…,
 * `win.publish-folder`, a drop, `vitrine FOLDER`) in the Publish area's
 * wizard, offers the actions areas share (win.show-history, win.refresh,
 * win.create-demo), and, when it is closed while publishes run, asks
 * whether to stop them or let them finish in the background.  Its account
 * menu is in vitrine-window-accounts.c.
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "vitrine-accessible.h"
#include "vitrine-card-editor.h"
#include "vitrine-history-page.h"
#include "vitrine-create-demo-dialog.h"
#include "vitrine-demos-page.h"
#include "vitrine-settings.h"
#include "vitrine-window-private.h"

G_DEFINE_FINAL_TYPE (VitrineWindow, vitrine_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_ACCOUNT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char * const areas[] = { "publish", "history", "demos" };

static VitrineApplication *
get_application (VitrineWindow *self)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  return VITRINE_IS_APPLICATION (app) ? VITRINE_APPLICATION (app) : NULL;
}

static gboolean
is_area (const char *name)
{
  return name != NULL && g_strv_contains ((const char * const *) areas, name);
}

const char *
vitrine_window_get_area (VitrineWindow *self)
{
  g_return_val_if_fail (VITRINE_IS_WINDOW (self), NULL);

  return adw_view_stack_get_visible_child_name (self->stack);
}

/**
 * vitrine_window_set_area:
 * @area: `publish`, `history` or `demos`
 *
 * Shows one of the window's three areas.
 */
void
vitrine_window_set_area (VitrineWindow *self,
                         const char    *area)
{
  g_return_if_fail (VITRINE_IS_WINDOW (self));
  g_return_if_fail (is_area (area));

  adw_view_stack_set_visible_child_name (self->stack, area);
}

void
vitrine_window_add_toast (VitrineWindow *self,
                          AdwToast      *toast)
{
  g_return_if_fail (VITRINE_IS_WINDOW (self));
  g_return_if_fail (ADW_IS_TOAST (toast));

  vitrine_accessible_show_toast (self->toast_overlay, toast);
}

static void
show_area_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  VitrineWindow *self = VITRINE_WINDOW (widget);
  const char *area = g_variant_get_string (parameter, NULL);

  if (is_area (area))
    vitrine_window_set_area (self, area);
}

/* ---- Folders ---------------------------------------------------------- */

/**
 * vitrine_window_open_folder:
 *
 * Opens a model folder in the Publish area's wizard.  Problems reading it
 * are shown as a toast.
 *
 * Returns: whether the folder was opened
 */
gboolean
vitrine_window_open_folder (VitrineWindow *self,
                            GFile         *folder)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (VITRINE_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (folder), FALSE);

  if (!vitrine_publish_view_open_folder (self->publish_view, folder, &error))
    {
      AdwToast *toast = adw_toast_new (error->message);

      adw_toast_set_timeout (toast, 0);
      vitrine_accessible_show_toast (self->toast_overlay, toast);
      return FALSE;
    }
  name = g_file_get_basename (folder);
  adw_view_switcher_title_set_subtitle (self->switcher_title, name);
  vitrine_window_set_area (self, "publish");
  return TRUE;
}

/* The application's current account changed: History lists its
 * repositories.  (The Publish area follows the account by itself.) */
static void
on_current_account_cb (VitrineWindow      *self,
                       GParamSpec         *pspec,
                       VitrineApplication *application)
{
  vitrine_history_page_set_account (self->history_page,
                                    vitrine_application_get_current_account (application));
}

/* Whoever changed a repository, the History area shows it anew. */
static void
on_repository_changed_cb (VitrineWindow   *self,
                          const char      *endpoint,
                          VitrineRepoType  type,
                          const char      *repo_id)
{
  vitrine_history_page_repository_changed (self->history_page, endpoint, type, repo_id);
}

/**
 * vitrine_window_get_history_page:
 *
 * Returns: (transfer none): the History area
 */
GtkWidget *
vitrine_window_get_history_page (VitrineWindow *self)
{
  g_return_val_if_fail (VITRINE_IS_WINDOW (self), NULL);
  return GTK_WIDGET (self->history_page);
}

/* win.show-history: History, with a repository (`ns/name`,
 * `datasets/ns/name` or `spaces/ns/name`) chosen. */
static void
show_history_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  VitrineWindow *self = VITRINE_WINDOW (widget);
  const char *repository = g_variant_get_string (parameter, NULL);

  vitrine_window_set_area (self, "history");
  if (*repository != '\0')
    vitrine_history_page_select_repository (self->history_page, repository);
}

/* win.refresh (F5): the area shown reads what it shows again. */
static void
refresh_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  VitrineWindow *self = VITRINE_WINDOW (widget);

  if (g_strcmp0 (vitrine_window_get_area (self), "history") == 0)
    vitrine_history_page_refresh (self->history_page);
}

/**
 * vitrine_window_get_card_editor:
 *
 * Returns: (transfer none): the publish wizard's card editor
 */
GtkWidget *
vitrine_window_get_card_editor (VitrineWindow *self)
{
  g_return_val_if_fail (VITRINE_IS_WINDOW (self), NULL);
  return GTK_WIDGET (vitrine_publish_view_get_card_editor (self->publish_view));
}

/**
 * vitrine_window_get_publish_view:
 *
 * Returns: (transfer none): the Publish area
 */
GtkWidget *
vitrine_window_get_publish_view (VitrineWindow *self)
{
  g_return_val_if_fail (VITRINE_IS_WINDOW (self), NULL);
  return GTK_WIDGET (self->publish_view);
}

static void
on_folder_chosen_cb (GtkNativeDialog *dialog,
                     int              response,
                     VitrineWindow   *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) folder = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

      if (folder != NULL)
        vitrine_window_open_folder (self, folder);
    }
  g_object_unref (dialog);
}

static void
choose_folder_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  VitrineWindow *self = VITRINE_WINDOW (widget);
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Choose the Model’s Folder"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER,
                                         _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (on_folder_chosen_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* `win.publish-folder` (a path): the wizard on that folder. */
static void
publish_folder_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  g_autoptr(GFile) folder = g_file_new_for_path (g_variant_get_string (parameter, NULL));

  vitrine_window_open_folder (VITRINE_WINDOW (widget), folder);
}

static void
on_demo_created_cb (VitrineCreateDemoDialog *dialog,
                    const char              *space_id,
                    VitrineWindow           *self)
{
  vitrine_window_set_area (self, "demos");
  vitrine_demos_page_open_space (self->demos_page, space_id, TRUE);
}

/**
 * vitrine_window_create_demo:
 * @model_id: (nullable): a model of the current account's hub, `ns/name`,
 *   or %NULL to let the user name it
 *
 * Opens "Create a Demo for a Model"; the Space it makes runs in the Demos
 * area.
 *
 * Returns: (transfer none) (nullable): the dialog, or %NULL while there is
 *   no account yet (a toast says so)
 */
GtkWidget *
vitrine_window_create_demo (VitrineWindow *self,
                            const char    *model_id)
{
  GtkApplication *application;
  VitrineAccount *account;
  VitrineCreateDemoDialog *dialog;

  g_return_val_if_fail (VITRINE_IS_WINDOW (self), NULL);

  application = gtk_window_get_application (GTK_WINDOW (self));
  account = VITRINE_IS_APPLICATION (application)
            ? vitrine_application_get_current_account (VITRINE_APPLICATION (application)) : NULL;
  if (account == NULL)
    {
      vitrine_accessible_show_toast (self->toast_overlay,
                                     adw_toast_new (_("The hub is not ready yet; try again in a moment.")));
      return NULL;
    }
  dialog = vitrine_create_demo_dialog_new (GTK_WINDOW (self), VITRINE_APPLICATION (application), account, model_id);
  g_signal_connect_object (dialog, "created", G_CALLBACK (on_demo_created_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return GTK_WIDGET (dialog);
}

/* win.create-demo: a model id, or "" to let the user name it. */
static void
create_demo_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  vitrine_window_create_demo (VITRINE_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

/* win.run-space: a Space of the current account's, run here. */
static void
run_space_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  VitrineWindow *self = VITRINE_WINDOW (widget);
  const char *id = g_variant_get_string (parameter, NULL);

  if (g_str_has_prefix (id, "spaces/"))
    id += strlen ("spaces/");
  vitrine_window_set_area (self, "demos");
  vitrine_demos_page_open_space (self->demos_page, id, TRUE);
}

/* win.run-folder: a Space's folder, run here. */
static void
run_folder_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  VitrineWindow *self = VITRINE_WINDOW (widget);

  vitrine_window_set_area (self, "demos");
  vitrine_demos_page_run_folder (self->demos_page, g_variant_get_string (parameter, NULL));
}

/**
 * vitrine_window_get_demos_page:
 *
 * Returns: (transfer none): the Demos area
 */
GtkWidget *
vitrine_window_get_demos_page (VitrineWindow *self)
{
  g_return_val_if_fail (VITRINE_IS_WINDOW (self), NULL);
  return GTK_WIDGET (self->demos_page);
}

static gboolean
on_folder_dropped_cb (GtkDropTarget *target,
                      const GValue  *value,
                      double         x,
                      double         y,
                      VitrineWindow *self)
{
  GFile *folder = g_value_get_object (value);

  if (folder == NULL || g_file_query_file_type (folder, G_FILE_QUERY_INFO_NONE, NULL) != G_FILE_TYPE_DIRECTORY)
    {
      vitrine_accessible_show_toast (self->toast_overlay, adw_toast_new (_("Drop a folder, not a file.")));
      return FALSE;
    }
  return vitrine_window_open_folder (self, folder);
}

/* ---- Closing while publishing ----------------------------------------- */

static void
on_stop_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     VitrineWindow    *self)
{
  VitrineApplication *app = get_application (self);
  gboolean quitting = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dialog), "quitting"));

  if (app == NULL)
    return;
  if (g_str_equal (response, "stop"))
    {
      vitrine_application_stop_publishes (app);
      if (quitting)
        vitrine_application_quit_now (app);
      else
        {
          self->may_close = TRUE;
          gtk_window_close (GTK_WINDOW (self));
        }
    }
  else if (g_str_equal (response, "background"))
    vitrine_application_finish_in_background (app);
}

/**
 * vitrine_window_ask_to_stop:
 * @quitting: whether the user quits the application, rather than closes
 *   this window
 *
 * Asks whether the publishes under way stop, or finish in the background.
 */
void
vitrine_window_ask_to_stop (VitrineWindow *self,
                            gboolean       quitting)
{
  VitrineApplication *app = get_application (self);
  guint n = app != NULL ? vitrine_application_count_running_publishes (app) : 0;
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  g_return_if_fail (VITRINE_IS_WINDOW (self));

  body = g_strdup_printf (ngettext ("A publish is still under way. Stop it now (you can resume it later from the Publish area), or let it finish in the background?",
                                    "%u publishes are still under way. Stop them now (you can resume them later from the Publish area), or let them finish in the background?",
                                    n), n);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Publishing Is Not Finished"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "stop", _("_Stop"),
                                    "background", _("_Finish in the Background"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "stop", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "background", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "background");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data (G_OBJECT (dialog), "quitting", GINT_TO_POINTER (quitting));
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_stop_response_cb), self, 0);
  vitrine_accessible_repair (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ---- State ------------------------------------------------------------ */

static void
save_window_state (VitrineWindow *self)
{
  int width;
  int height;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  g_settings_set (self->state, VITRINE_STATE_WINDOW_SIZE, "(ii)", width, height);
  g_settings_set_boolean (self->state, VITRINE_STATE_IS_MAXIMIZED,
                          gtk_window_is_maximized (GTK_WINDOW (self)));
  g_settings_set_string (self->state, VITRINE_STATE_AREA, vitrine_window_get_area (self));
}

static gboolean
vitrine_window_close_request (GtkWindow *window)
{
  VitrineWindow *self = VITRINE_WINDOW (window);
  VitrineApplication *app = get_application (self);

  if (!self->may_close && app != NULL && !vitrine_application_get_quitting (app) &&
      vitrine_application_count_running_publishes (app) > 0)
    {
      vitrine_window_ask_to_stop (self, FALSE);
      return TRUE;
    }
  save_window_state (self);

  return GTK_WINDOW_CLASS (vitrine_window_parent_class)->close_request (window);
}

static void
restore_window_state (VitrineWindow *self)
{
  g_autofree char *area = NULL;
  int width;
  int height;

  g_settings_get (self->state, VITRINE_STATE_WINDOW_SIZE, "(ii)", &width, &height);
  if (width > 0 && height > 0)
    gtk_window_set_default_size (GTK_WINDOW (self), width, height);
  if (g_settings_get_boolean (self->state, VITRINE_STATE_IS_MAXIMIZED))
    gtk_window_maximize (GTK_WINDOW (self));

  area = g_settings_get_string (self->state, VITRINE_STATE_AREA);
  if (is_area (area))
    vitrine_window_set_area (self, area);
}

/* ---- Object ----------------------------------------------------------- */

static void
vitrine_window_dispose (GObject *object)
{
  VitrineWindow *self = VITRINE_WINDOW (object);

  /* A demo stops with its window, even while something still holds on
   * to the Demos area. */
  if (self->demos_page != NULL)
    vitrine_demos_page_stop (self->demos_page);
  gtk_widget_dispose_template (GTK_WIDGET (self), VITRINE_TYPE_WINDOW);
  g_clear_object (&self->state);
  g_clear_object (&self->account_menu);
  g_clear_object (&self->account_section);
  if (self->account_signals != NULL)
    g_signal_group_set_target (self->account_signals, NULL);
  g_clear_object (&self->account_signals);

  G_OBJECT_CLASS (vitrine_window_parent_class)->dispose (object);
}

static void
vitrine_window_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_ACCOUNT:
      g_value_take_string (value, _vitrine_window_dup_account (VITRINE_WINDOW (object)));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vitrine_window_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  switch (prop_id)
    {
    case PROP_ACCOUNT:
      _vitrine_window_set_account (VITRINE_WINDOW (object), g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vitrine_window_class_init (VitrineWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = vitrine_window_dispose;
  object_class->get_property = vitrine_window_get_property;
  object_class->set_property = vitrine_window_set_property;
  window_class->close_request = vitrine_window_close_request;

  /**
   * VitrineWindow:account:
   *
   * The endpoint of the account publishing goes to (the application's
   * current account), the state of `win.account`.
   */
  properties[PROP_ACCOUNT] =
    g_param_spec_string ("account", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (VITRINE_TYPE_PUBLISH_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/ui/vitrine-window.ui");
  gtk_widget_class_bind_template_child (widget_class, VitrineWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, VitrineWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, VitrineWindow, account_button);
  gtk_widget_class_bind_template_child (widget_class, VitrineWindow, account_icon);
  gtk_widget_class_bind_template_child (widget_class, VitrineWindow, account_label);
  gtk_widget_class_bind_template_child (widget_class, VitrineWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, VitrineWindow, publish_view);
  gtk_widget_class_bind_template_child (widget_class, VitrineWindow, history_page);
  gtk_widget_class_bind_template_child (widget_class, VitrineWindow, demos_page);

  gtk_widget_class_install_action (widget_class, "win.show-area", "s", show_area_action);
  gtk_widget_class_install_action (widget_class, "win.show-history", "s", show_history_action);
  gtk_widget_class_install_action (widget_class, "win.refresh", NULL, refresh_action);
  gtk_widget_class_install_action (widget_class, "win.choose-folder", NULL, choose_folder_action);
  gtk_widget_class_install_action (widget_class, "win.publish-folder", "s", publish_folder_action);
  gtk_widget_class_install_action (widget_class, "win.create-demo", "s", create_demo_action);
  gtk_widget_class_install_action (widget_class, "win.run-space", "s", run_space_action);
  gtk_widget_class_install_action (widget_class, "win.run-folder", "s", run_folder_action);
  _vitrine_window_accounts_install (widget_class);
}

static void
vitrine_window_init (VitrineWindow *self)
{
  GtkDropTarget *drop;
  GtkWidget *status;

  g_type_ensure (VITRINE_TYPE_HISTORY_PAGE);
  g_type_ensure (VITRINE_TYPE_DEMOS_PAGE);
  gtk_widget_init_template (GTK_WIDGET (self));
  vitrine_accessible_repair (GTK_WIDGET (self));

  status = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (self->publish_view), VITRINE_TYPE_PUBLISH_VIEW,
                                                      "publish_status"));
  drop = gtk_drop_target_new (G_TYPE_FILE, GDK_ACTION_COPY);
  g_signal_connect (drop, "drop", G_CALLBACK (on_folder_dropped_cb), self);
  gtk_widget_add_controller (status, GTK_EVENT_CONTROLLER (drop));

  self->state = g_settings_new (VITRINE_SETTINGS_STATE_SCHEMA);
  restore_window_state (self);


#if DEVELOPMENT_BUILD
  gtk_widget_add_css_class (GTK_WIDGET (self), "devel");
#endif
}

VitrineWindow *
vitrine_window_new (VitrineApplication *application)
{
  VitrineWindow *self;

  g_return_val_if_fail (VITRINE_IS_APPLICATION (application), NULL);

  self = g_object_new (VITRINE_TYPE_WINDOW,
                       "application", application,
                       NULL);
  vitrine_publish_view_set_application (self->publish_view, application);
  _vitrine_window_accounts_init (self);
  g_signal_connect_object (application, "notify::current-account",
                           G_CALLBACK (on_current_account_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (application, "repository-changed",
                           G_CALLBACK (on_repository_changed_cb), self, G_CONNECT_SWAPPED);
  on_current_account_cb (self, NULL, application);
  vitrine_demos_page_set_application (self->demos_page, application);
  return self;
}
