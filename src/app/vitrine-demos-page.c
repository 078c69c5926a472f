/* vitrine-demos-page.c — the Demos area: Spaces run here or on the Hub
 *
 * On the left, the account's Spaces (VitrineSpaceList), "Open a Space…"
 * and "Run a Folder…".  On the right, the demo chosen: run here by a
 * VitrineSpaceRun, whose state picks the page shown (ready, starting with
 * the log streaming, the web view, or what went wrong with the log's last
 * lines), or shown as its hub runs it.  One demo runs at a time: choosing
 * another stops the one running.  Each demo's page gets a web view of its
 * own (VitrineDemoView), so demos share nothing.
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
#include "vitrine-space-address.h"
#include "vitrine-window.h"

G_DEFINE_FINAL_TYPE (VitrineDemosPage, vitrine_demos_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_LOG_VISIBLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

void
_vitrine_demos_page_toast (VitrineDemosPage *self,
                           const char       *message)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (VITRINE_IS_WINDOW (root))
    vitrine_window_add_toast (VITRINE_WINDOW (root), adw_toast_new (message));
  else
    g_message ("%s", message);
}

static char *
cache_dir (void)
{
  return g_build_filename (g_get_user_cache_dir (), "vitrine", "spaces", NULL);
}

/* ---- The run ---------------------------------------------------------- */

static void
on_stopped_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(VitrineDemosPage) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!vitrine_space_run_stop_finish (VITRINE_SPACE_RUN (source), result, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_warning ("A demo did not stop: %s", error->message);
  if (self->stopping != NULL)
    g_ptr_array_remove (self->stopping, source);
  _vitrine_demos_page_update (self);
}

/* Stops the run, which stays the demo's. */
void
_vitrine_demos_page_stop_run (VitrineDemosPage *self)
{
  g_cancellable_cancel (self->run_cancellable);
  g_clear_object (&self->run_cancellable);
  if (self->run != NULL)
    vitrine_space_run_stop_async (self->run, NULL, on_stopped_cb, g_object_ref (self));
}

/* Lets go of the run, stopping it without waiting. */
static void
drop_run (VitrineDemosPage *self)
{
  g_cancellable_cancel (self->run_cancellable);
  g_clear_object (&self->run_cancellable);
  if (self->run == NULL)
    return;
  g_signal_handlers_disconnect_by_data (self->run, self);
  if (_vitrine_space_state_is_active (vitrine_space_run_get_state (self->run)))
    {
      g_ptr_array_add (self->stopping, g_object_ref (self->run));
      vitrine_space_run_stop_async (self->run, NULL, on_stopped_cb, g_object_ref (self));
    }
  vitrine_log_view_set_log (self->log_view, NULL);
  vitrine_log_view_set_log (self->starting_log, NULL);
  vitrine_space_list_set_running (self->space_list, NULL);
  g_clear_object (&self->run);
}

static void
on_run_state_cb (VitrineDemosPage *self)
{
  VitrineSpaceState state = _vitrine_demos_page_run_state (self);

  vitrine_space_list_set_running (self->space_list,
                                  _vitrine_space_state_is_active (state) && self->space_id != NULL ? self->space_id : NULL);
  _vitrine_demos_page_update (self);
}

/* The folder changed: its page is shown again (an app has been restarted
 * by then). */
static void
on_files_changed_cb (VitrineDemosPage *self)
{
  if (self->view != NULL)
    vitrine_demo_view_reload (self->view);
}

static void
on_started_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(VitrineDemosPage) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!vitrine_space_run_start_finish (VITRINE_SPACE_RUN (source), result, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_debug ("The demo did not start: %s", error->message);
  _vitrine_demos_page_update (self);
}

static VitrineSpaceRun *
make_run (VitrineDemosPage *self)
{
  g_autoptr(VitrineSpaceOptions) options = vitrine_space_options_new ();
  g_autofree char *cache = cache_dir ();

  if (self->folder != NULL)
    {
      /* A folder's app reads models from the account's hub, and is shown
       * again when its files change. */
      if (self->account != NULL)
        vitrine_space_options_set_endpoint (options, vitrine_account_get_endpoint (self->account));
      vitrine_space_options_set_watch (options, TRUE);
      return vitrine_space_run_new_for_folder (self->folder, cache, options);
    }
  if (self->share_token > 0)
    {
      g_autofree char *token = vitrine_client_dup_token (self->client);

      vitrine_space_options_set_token (options, token);
      vitrine_space_options_set_share_token (options, TRUE);
      if (token != NULL)
        memset (token, 0, strlen (token));
    }
  return vitrine_space_run_new_for_repo (self->client, self->space_id, cache, options);
}

static void
really_start (VitrineDemosPage *self)
{
  if (self->run == NULL)
    {
      self->run = make_run (self);
      g_signal_connect_object (self->run, "notify::state", G_CALLBACK (on_run_state_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->run, "notify::url", G_CALLBACK (_vitrine_demos_page_update), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->run, "notify::sdk", G_CALLBACK (_vitrine_demos_page_update), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->run, "files-changed", G_CALLBACK (on_files_changed_cb), self, G_CONNECT_SWAPPED);
      vitrine_log_view_set_log (self->log_view, vitrine_space_run_get_log (self->run));
      vitrine_log_view_set_log (self->starting_log, vitrine_space_run_get_log (self->run));
    }
  g_cancellable_cancel (self->run_cancellable);
  g_clear_object (&self->run_cancellable);
  self->run_cancellable = g_cancellable_new ();
  vitrine_space_run_start_async (self->run, self->run_cancellable, on_started_cb, g_object_ref (self));
  _vitrine_demos_page_update (self);
}

static void
on_token_answer_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    gpointer          user_data)
{
  g_autoptr(VitrineDemosPage) self = user_data;

  if (g_strcmp0 (response, "cancel") == 0 || self->space_id == NULL)
    return;
  self->share_token = g_strcmp0 (response, "share") == 0;
  really_start (self);
}

/* A Space of the user's own gets their token; someone else's only if they
 * say so, once per Space shown. */
void
_vitrine_demos_page_start_run (VitrineDemosPage *self)
{
  g_autofree char *owner = NULL;
  const char *me;
  AdwMessageDialog *dialog;
  GtkRoot *root;

  if (self->space_id == NULL && self->folder == NULL)
    return;
  if (self->folder != NULL || self->share_token >= 0 || !vitrine_client_has_token (self->client))
    {
      really_start (self);
      return;
    }
  me = self->account != NULL && vitrine_account_get_client (self->account) == self->client
       ? vitrine_account_get_name (self->account) : NULL;
  if (vitrine_repo_id_parse (self->space_id, &owner, NULL, NULL) && g_strcmp0 (owner, me) == 0)
    {
      self->share_token = TRUE;
      really_start (self);
      return;
    }

  root = gtk_widget_get_root (GTK_WIDGET (self));
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                       _("Let This Demo Use Your Account?"), NULL));
  /* Translators: %s is a Space's id. */
  adw_message_dialog_format_body (dialog, _("%s is not yours. With your token it can read and change "
                                            "what your account can; without it, it sees only what "
                                            "everyone sees, which is enough for most demos."),
                                  self->space_id);
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "share", _("_Share My Token"),
                                    "keep", _("_Run Without It"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "share", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (dialog, "keep", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "keep");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (on_token_answer_cb), g_object_ref (self));
  gtk_window_present (GTK_WINDOW (dialog));
  vitrine_accessible_repair (GTK_WIDGET (dialog));
}

/* ---- On the Hub ------------------------------------------------------- */

static void
update_hub_address (VitrineDemosPage *self)
{
  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
  g_autofree char *address = NULL;

  if (self->info != NULL)
    address = vitrine_space_hosted_address (self->info, vitrine_client_get_endpoint (self->client), dark);
  g_free (self->hub_address);
  self->hub_address = g_steal_pointer (&address);
}

static void
on_info_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(VitrineDemosPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(VitrineRepoInfo) info = vitrine_client_repo_info_finish (VITRINE_CLIENT (source), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&self->info_cancellable);
  g_set_object (&self->info, info);
  g_clear_pointer (&self->info_error, g_free);
  if (info == NULL)
    self->info_error = g_strdup (error->message);
  update_hub_address (self);
  _vitrine_demos_page_update (self);
}

static void
fetch_info (VitrineDemosPage *self)
{
  if (self->info != NULL || self->info_cancellable != NULL || self->space_id == NULL)
    return;
  self->info_cancellable = g_cancellable_new ();
  vitrine_client_repo_info_async (self->client, VITRINE_REPO_TYPE_SPACE, self->space_id, NULL,
                                  self->info_cancellable, on_info_cb, g_object_ref (self));
}

static void
on_dark_cb (VitrineDemosPage *self)
{
  update_hub_address (self);
  _vitrine_demos_page_update (self);
}

/* ---- Choosing the demo ------------------------------------------------ */

static void
set_demo (VitrineDemosPage *self,
          const char       *space_id,
          const char       *folder)
{
  drop_run (self);
  _vitrine_demos_page_drop_view (self, &self->view);
  _vitrine_demos_page_drop_view (self, &self->hub_view);
  g_cancellable_cancel (self->info_cancellable);
  g_clear_object (&self->info_cancellable);
  g_clear_object (&self->info);
  g_clear_pointer (&self->info_error, g_free);
  g_clear_pointer (&self->hub_address, g_free);
  g_clear_pointer (&self->space_id, g_free);
  g_clear_pointer (&self->folder, g_free);
  g_clear_object (&self->client);
  self->space_id = g_strdup (space_id);
  self->folder = g_strdup (folder);
  self->share_token = -1;
  if (space_id != NULL && self->account != NULL)
    self->client = g_object_ref (vitrine_account_get_client (self->account));
  self->on_hub = FALSE;
  gtk_toggle_button_set_active (self->here_button, TRUE);
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

/**
 * vitrine_demos_page_open_space:
 * @space_id: a Space of the current account's hub, `ns/name`
 * @run: whether to run it here at once
 *
 * Shows @space_id, in place of the demo shown (which stops).
 */
void
vitrine_demos_page_open_space (VitrineDemosPage *self,
                               const char       *space_id,
                               gboolean          run)
{
  g_return_if_fail (VITRINE_IS_DEMOS_PAGE (self));
  g_return_if_fail (space_id != NULL);

  if (self->account == NULL)
    {
      _vitrine_demos_page_toast (self, _("The hub is not ready yet; try again in a moment."));
      return;
    }
  if (g_strcmp0 (self->space_id, space_id) != 0 ||
      self->client != vitrine_account_get_client (self->account))
    set_demo (self, space_id, NULL);
  if (run)
    {
      self->on_hub = FALSE;
      gtk_toggle_button_set_active (self->here_button, TRUE);
      _vitrine_demos_page_start_run (self);
    }
  _vitrine_demos_page_update (self);
}

/**
 * vitrine_demos_page_run_folder:
 * @folder: a Space's folder
 *
 * Runs the Space in @folder here, in place of the demo shown, and shows
 * its page again each time its files change.
 */
void
vitrine_demos_page_run_folder (VitrineDemosPage *self,
                               const char       *folder)
{
  g_return_if_fail (VITRINE_IS_DEMOS_PAGE (self));
  g_return_if_fail (folder != NULL);

  set_demo (self, NULL, folder);
  _vitrine_demos_page_start_run (self);
  _vitrine_demos_page_update (self);
}

/**
 * vitrine_demos_page_show_on_hub:
 * @on_hub: whether to show the Space as its hub runs it, else as it runs
 *   here
 */
void
vitrine_demos_page_show_on_hub (VitrineDemosPage *self,
                                gboolean          on_hub)
{
  g_return_if_fail (VITRINE_IS_DEMOS_PAGE (self));

  gtk_toggle_button_set_active (on_hub ? self->hub_button : self->here_button, TRUE);
}

static void
on_where_toggled_cb (VitrineDemosPage *self)
{
  gboolean on_hub = gtk_toggle_button_get_active (self->hub_button) && self->space_id != NULL;

  if (on_hub == self->on_hub)
    return;
  self->on_hub = on_hub;
  if (on_hub)
    fetch_info (self);
  _vitrine_demos_page_update (self);
}

/**
 * vitrine_demos_page_stop:
 *
 * Stops the demo that runs here, at once: for quitting.
 */
void
vitrine_demos_page_stop (VitrineDemosPage *self)
{
  g_return_if_fail (VITRINE_IS_DEMOS_PAGE (self));

  if (self->run != NULL)
    vitrine_space_run_stop (self->run);
  for (guint i = 0; self->stopping != NULL && i < self->stopping->len; i++)
    vitrine_space_run_stop (g_ptr_array_index (self->stopping, i));
}

/* Returns: (transfer none) (nullable): the run of the demo shown here */
VitrineSpaceRun *
vitrine_demos_page_get_run (VitrineDemosPage *self)
{
  g_return_val_if_fail (VITRINE_IS_DEMOS_PAGE (self), NULL);
  return self->run;
}

/* Returns: (transfer none) (nullable): the web view shown, here or on the
 *   Hub */
VitrineDemoView *
vitrine_demos_page_get_view (VitrineDemosPage *self)
{
  g_return_val_if_fail (VITRINE_IS_DEMOS_PAGE (self), NULL);
  return self->on_hub ? self->hub_view : self->view;
}

/* Returns: the page shown: empty, ready, starting, web, problem, loading
 *   or not-hosted */
const char *
vitrine_demos_page_get_shown (VitrineDemosPage *self)
{
  g_return_val_if_fail (VITRINE_IS_DEMOS_PAGE (self), NULL);
  return gtk_stack_get_visible_child_name (self->content_stack);
}

static void
on_space_activated_cb (VitrineSpaceList *list,
                       const char       *space_id,
                       VitrineDemosPage *self)
{
  vitrine_demos_page_open_space (self, space_id, FALSE);
}

/* ---- The application -------------------------------------------------- */

static void
on_current_account_cb (VitrineDemosPage *self)
{
  VitrineAccount *account = vitrine_application_get_current_account (self->application);

  g_set_object (&self->account, account);
  vitrine_space_list_set_account (self->space_list, account);
}

static void
on_repository_changed_cb (VitrineApplication *application,
                          const char         *endpoint,
                          VitrineRepoType     type,
                          const char         *repo_id,
                          VitrineDemosPage   *self)
{
  if (type != VITRINE_REPO_TYPE_SPACE)
    return;
  if (self->account != NULL && g_strcmp0 (endpoint, vitrine_account_get_endpoint (self->account)) == 0)
    vitrine_space_list_refresh (self->space_list);
  if (g_strcmp0 (repo_id, self->space_id) == 0 && self->client != NULL &&
      g_strcmp0 (endpoint, vitrine_client_get_endpoint (self->client)) == 0 && self->info_cancellable == NULL)
    {
      g_clear_object (&self->info);
      if (self->on_hub)
        fetch_info (self);
    }
}

/**
 * vitrine_demos_page_set_application:
 *
 * Lists the Spaces of @application's current account, and follows it.
 */
void
vitrine_demos_page_set_application (VitrineDemosPage   *self,
                                    VitrineApplication *application)
{
  g_return_if_fail (VITRINE_IS_DEMOS_PAGE (self));
  g_return_if_fail (VITRINE_IS_APPLICATION (application));
  g_return_if_fail (self->application == NULL);

  self->application = application;
  g_object_add_weak_pointer (G_OBJECT (application), (gpointer *) &self->application);
  g_signal_connect_object (application, "notify::current-account", G_CALLBACK (on_current_account_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (application, "repository-changed", G_CALLBACK (on_repository_changed_cb), self, 0);
  on_current_account_cb (self);
}

/* ---- The object ------------------------------------------------------- */

GtkWidget *
vitrine_demos_page_new (void)
{
  return g_object_new (VITRINE_TYPE_DEMOS_PAGE, NULL);
}

static void
vitrine_demos_page_dispose (GObject *object)
{
  VitrineDemosPage *self = VITRINE_DEMOS_PAGE (object);

  /* Nothing of a demo outlives its window. */
  vitrine_demos_page_stop (self);
  drop_run (self);
  g_clear_pointer (&self->stopping, g_ptr_array_unref);
  g_cancellable_cancel (self->info_cancellable);
  g_clear_object (&self->info_cancellable);
  if (self->application != NULL)
    {
      g_object_remove_weak_pointer (G_OBJECT (self->application), (gpointer *) &self->application);
      self->application = NULL;
    }
  self->view = NULL;
  self->hub_view = NULL;
  gtk_widget_dispose_template (GTK_WIDGET (self), VITRINE_TYPE_DEMOS_PAGE);
  g_clear_object (&self->info);
  g_clear_object (&self->client);
  g_clear_object (&self->account);

  G_OBJECT_CLASS (vitrine_demos_page_parent_class)->dispose (object);
}

static void
vitrine_demos_page_finalize (GObject *object)
{
  VitrineDemosPage *self = VITRINE_DEMOS_PAGE (object);

  g_free (self->space_id);
  g_free (self->folder);
  g_free (self->hub_address);
  g_free (self->info_error);

  G_OBJECT_CLASS (vitrine_demos_page_parent_class)->finalize (object);
}

static void
vitrine_demos_page_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  VitrineDemosPage *self = VITRINE_DEMOS_PAGE (object);

  switch (prop_id)
    {
    case PROP_LOG_VISIBLE:
      g_value_set_boolean (value, self->log_visible);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vitrine_demos_page_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  VitrineDemosPage *self = VITRINE_DEMOS_PAGE (object);

  switch (prop_id)
    {
    case PROP_LOG_VISIBLE:
      if (self->log_visible != g_value_get_boolean (value))
        {
          self->log_visible = g_value_get_boolean (value);
          g_object_notify_by_pspec (object, pspec);
          _vitrine_demos_page_update (self);
          if (self->log_visible && gtk_widget_get_height (GTK_WIDGET (self->paned)) > 0)
            gtk_paned_set_position (self->paned, gtk_widget_get_height (GTK_WIDGET (self->paned)) * 2 / 3);
        }
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vitrine_demos_page_class_init (VitrineDemosPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vitrine_demos_page_dispose;
  object_class->finalize = vitrine_demos_page_finalize;
  object_class->get_property = vitrine_demos_page_get_property;
  object_class->set_property = vitrine_demos_page_set_property;

  /**
   * VitrineDemosPage:log-visible:
   *
   * Whether the demo's output shows in a pane under its page.
   */
  properties[PROP_LOG_VISIBLE] =
    g_param_spec_boolean ("log-visible", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (VITRINE_TYPE_SPACE_LIST);
  g_type_ensure (VITRINE_TYPE_LOG_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/ui/vitrine-demos-page.ui");
  gtk_widget_class_bind_template_child (widget_class, VitrineDemosPage, leaflet);
  gtk_widget_class_bind_template_child (widget_class, VitrineDemosPage, space_list);
  gtk_widget_class_bind_template_child (widget_class, VitrineDemosPage, title_label);
  gtk_widget_class_bind_template_child (widget_class, VitrineDemosPage, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, VitrineDemosPage, here_button);
  gtk_widget_class_bind_template_child (widget_class, VitrineDemosPage, hub_button);
  gtk_widget_class_bind_template_child (widget_class, VitrineDemosPage, run_button);
  gtk_widget_class_bind_template_child (widget_class, VitrineDemosPage, paned);
  gtk_widget_class_bind_template_child (widget_class, VitrineDemosPage, content_stack);
  gtk_widget_class_bind_template_child (widget_class, VitrineDemosPage, ready_status);
  gtk_widget_class_bind_template_child (widget_class, VitrineDemosPage, starting_spinner);
  gtk_widget_class_bind_template_child (widget_class, VitrineDemosPage, starting_title);
  gtk_widget_class_bind_template_child (widget_class, VitrineDemosPage, starting_label);
  gtk_widget_class_bind_template_child (widget_class, VitrineDemosPage, starting_log);
  gtk_widget_class_bind_template_child (widget_class, VitrineDemosPage, web_stack);
  gtk_widget_class_bind_template_child (widget_class, VitrineDemosPage, problem_status);
  gtk_widget_class_bind_template_child (widget_class, VitrineDemosPage, problem_log);
  gtk_widget_class_bind_template_child (widget_class, VitrineDemosPage, loading_spinner);
  gtk_widget_class_bind_template_child (widget_class, VitrineDemosPage, hub_status);
  gtk_widget_class_bind_template_child (widget_class, VitrineDemosPage, log_view);
  /* For the tests that look at them. */
  gtk_widget_class_bind_template_child_full (widget_class, "empty_status", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "create_demo_button", FALSE, 0);

  _vitrine_demos_page_install_actions (widget_class);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
vitrine_demos_page_init (VitrineDemosPage *self)
{
  GtkEventController *shortcuts;

  self->share_token = -1;
  self->stopping = g_ptr_array_new_with_free_func (g_object_unref);
  gtk_widget_init_template (GTK_WIDGET (self));
  vitrine_accessible_repair (GTK_WIDGET (self));

  g_signal_connect (self->space_list, "space-activated", G_CALLBACK (on_space_activated_cb), self);
  g_signal_connect_swapped (self->here_button, "toggled", G_CALLBACK (on_where_toggled_cb), self);
  g_signal_connect_swapped (self->hub_button, "toggled", G_CALLBACK (on_where_toggled_cb), self);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark", G_CALLBACK (on_dark_cb), self,
                           G_CONNECT_SWAPPED);

  /* While the area shows: F5 (and Ctrl+R, as in browsers) reloads the
   * page, Shift+Ctrl+R restarts the demo. */
  shortcuts = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (shortcuts), GTK_SHORTCUT_SCOPE_MANAGED);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_F5, 0),
                                                          gtk_named_action_new ("demos.reload")));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_r, GDK_CONTROL_MASK),
                                                          gtk_named_action_new ("demos.reload")));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_r, GDK_CONTROL_MASK | GDK_SHIFT_MASK),
                                                          gtk_named_action_new ("demos.restart")));
  gtk_widget_add_controller (GTK_WIDGET (self), shortcuts);

  _vitrine_demos_page_update (self);
}
