/* vitrine-window.c — the main window: its three areas, the account
 * switcher, and the actions areas share (win.show-history, win.refresh)
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
#include "vitrine-window.h"

struct _VitrineWindow
{
  AdwApplicationWindow  parent_instance;

  GSettings            *state;
  /* The endpoint publishing goes to: "local" is this computer's hub. */
  char                 *account;

  /* Template widgets */
  AdwToastOverlay      *toast_overlay;
  AdwViewStack         *stack;
  AdwViewSwitcherTitle *switcher_title;
  GtkMenuButton        *account_button;
  GtkLabel             *account_label;
  GtkStack             *publish_stack;
  AdwStatusPage        *publish_status;
  VitrineCardEditor    *card_editor;
  VitrineHistoryPage   *history_page;
  VitrineDemosPage     *demos_page;
  GtkButton            *choose_folder_button;
};

enum {
  PROP_0,
  PROP_ACCOUNT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (VitrineWindow, vitrine_window, ADW_TYPE_APPLICATION_WINDOW)

static const char * const areas[] = { "publish", "history", "demos" };

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

/**
 * vitrine_window_open_folder:
 *
 * Opens a model folder in the Publish area, starting with its card.
 * Problems reading it are shown as a toast.
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

  if (!vitrine_card_editor_load_folder (self->card_editor, folder, &error))
    {
      AdwToast *toast = adw_toast_new (error->message);

      adw_toast_set_timeout (toast, 0);
      vitrine_accessible_show_toast (self->toast_overlay, toast);
      return FALSE;
    }
  name = g_file_get_basename (folder);
  adw_view_switcher_title_set_subtitle (self->switcher_title, name);
  gtk_stack_set_visible_child_name (self->publish_stack, "card");
  vitrine_window_set_area (self, "publish");
  return TRUE;
}

/* The application's current account changed (this computer's hub is
 * ready, or HF_ENDPOINT names another): the card editor compares with it
 * and asks its validate-yaml. */
static void
on_current_account_cb (VitrineWindow      *self,
                       GParamSpec         *pspec,
                       VitrineApplication *application)
{
  VitrineAccount *account = vitrine_application_get_current_account (application);

  vitrine_card_editor_set_client (self->card_editor,
                                  account != NULL ? vitrine_account_get_client (account) : NULL);
  vitrine_history_page_set_account (self->history_page, account);
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

GtkWidget *
vitrine_window_get_card_editor (VitrineWindow *self)
{
  g_return_val_if_fail (VITRINE_IS_WINDOW (self), NULL);
  return GTK_WIDGET (self->card_editor);
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
  save_window_state (VITRINE_WINDOW (window));

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

  G_OBJECT_CLASS (vitrine_window_parent_class)->dispose (object);
}

static void
vitrine_window_finalize (GObject *object)
{
  VitrineWindow *self = VITRINE_WINDOW (object);

  g_clear_pointer (&self->account, g_free);

  G_OBJECT_CLASS (vitrine_window_parent_class)->finalize (object);
}

static void
vitrine_window_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  VitrineWindow *self = VITRINE_WINDOW (object);

  switch (prop_id)
    {
    case PROP_ACCOUNT:
      g_value_set_string (value, self->account);
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
  VitrineWindow *self = VITRINE_WINDOW (object);

  switch (prop_id)
    {
    case PROP_ACCOUNT:
      /* Only this computer's hub exists until accounts can be added. */
      if (g_strcmp0 (g_value_get_string (value), "local") == 0 &&
          g_strcmp0 (self->account, "local") != 0)
        {
          g_free (self->account);
          self->account = g_strdup ("local");
          g_object_notify_by_pspec (object, pspec);
        }
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
  object_class->finalize = vitrine_window_finalize;
  object_class->get_property = vitrine_window_get_property;
  object_class->set_property = vitrine_window_set_property;
  window_class->close_request = vitrine_window_close_request;

  properties[PROP_ACCOUNT] =
    g_param_spec_string ("account", NULL, NULL,
                         "local",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/ui/vitrine-window.ui");
  gtk_widget_class_bind_template_child (widget_class, VitrineWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, VitrineWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, VitrineWindow, account_button);
  gtk_widget_class_bind_template_child (widget_class, VitrineWindow, account_label);
  gtk_widget_class_bind_template_child (widget_class, VitrineWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, VitrineWindow, publish_stack);
  gtk_widget_class_bind_template_child (widget_class, VitrineWindow, publish_status);
  gtk_widget_class_bind_template_child (widget_class, VitrineWindow, card_editor);
  gtk_widget_class_bind_template_child (widget_class, VitrineWindow, history_page);
  gtk_widget_class_bind_template_child (widget_class, VitrineWindow, demos_page);
  gtk_widget_class_bind_template_child (widget_class, VitrineWindow, choose_folder_button);

  gtk_widget_class_install_action (widget_class, "win.show-area", "s", show_area_action);
  gtk_widget_class_install_action (widget_class, "win.show-history", "s", show_history_action);
  gtk_widget_class_install_action (widget_class, "win.refresh", NULL, refresh_action);
  /* These open the areas' work; each is enabled by the issue that builds it. */
  gtk_widget_class_install_action (widget_class, "win.choose-folder", NULL, choose_folder_action);
  gtk_widget_class_install_action (widget_class, "win.create-demo", "s", create_demo_action);
  gtk_widget_class_install_action (widget_class, "win.run-space", "s", run_space_action);
  gtk_widget_class_install_action (widget_class, "win.run-folder", "s", run_folder_action);
  gtk_widget_class_install_action (widget_class, "win.add-account", NULL, NULL);
  gtk_widget_class_install_action (widget_class, "win.manage-accounts", NULL, NULL);
  gtk_widget_class_install_property_action (widget_class, "win.account", "account");
}

static void
vitrine_window_init (VitrineWindow *self)
{
  GtkDropTarget *drop;

  self->account = g_strdup ("local");

  g_type_ensure (VITRINE_TYPE_CARD_EDITOR);
  g_type_ensure (VITRINE_TYPE_HISTORY_PAGE);
  g_type_ensure (VITRINE_TYPE_DEMOS_PAGE);
  gtk_widget_init_template (GTK_WIDGET (self));
  vitrine_accessible_repair (GTK_WIDGET (self));

  drop = gtk_drop_target_new (G_TYPE_FILE, GDK_ACTION_COPY);
  g_signal_connect (drop, "drop", G_CALLBACK (on_folder_dropped_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->publish_status), GTK_EVENT_CONTROLLER (drop));

  self->state = g_settings_new (VITRINE_SETTINGS_STATE_SCHEMA);
  restore_window_state (self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.add-account", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.manage-accounts", FALSE);

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
  g_signal_connect_object (application, "notify::current-account",
                           G_CALLBACK (on_current_account_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (application, "repository-changed",
                           G_CALLBACK (on_repository_changed_cb), self, G_CONNECT_SWAPPED);
  on_current_account_cb (self, NULL, application);
  vitrine_demos_page_set_application (self->demos_page, application);
  return self;
}
