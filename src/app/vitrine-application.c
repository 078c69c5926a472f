/* vitrine-application.c — the application: its settings, its web context
 * and session, this computer's hub and the account windows publish to
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <signal.h>
#include <glib-unix.h>
#include <glib/gi18n.h>

#include "vitrine-application-private.h"
#include "vitrine-credentials.h"
#include "vitrine-demos-page.h"
#include "vitrine-disk-writer.h"
#include "vitrine-error.h"
#include "vitrine-preferences-window.h"
#include "vitrine-renderer.h"
#include "vitrine-settings.h"
#include "vitrine-web.h"
#include "vitrine-window.h"


G_DEFINE_FINAL_TYPE (VitrineApplication, vitrine_application, ADW_TYPE_APPLICATION)

enum {
  PROP_0,
  PROP_LOCAL_CLIENT,
  PROP_CURRENT_ACCOUNT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  REPOSITORY_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

VitrineApplication *
vitrine_application_new (const char        *application_id,
                         GApplicationFlags  flags)
{
  g_return_val_if_fail (application_id != NULL, NULL);

  return g_object_new (VITRINE_TYPE_APPLICATION,
                       "application-id", application_id,
                       "flags", flags,
                       /* Set explicitly so the .Devel id finds the same resources. */
                       "resource-base-path", RESOURCE_BASE_PATH,
                       NULL);
}

/**
 * vitrine_application_get_settings:
 *
 * Returns: (transfer none): the application's settings
 */
GSettings *
vitrine_application_get_settings (VitrineApplication *self)
{
  g_return_val_if_fail (VITRINE_IS_APPLICATION (self), NULL);

  return self->settings;
}

static void
update_style_cb (VitrineApplication *self)
{
  AdwStyleManager *style_manager = adw_style_manager_get_default ();
  AdwColorScheme scheme;

  switch (g_settings_get_enum (self->settings, VITRINE_PREFS_STYLE))
    {
    case 1:
      scheme = ADW_COLOR_SCHEME_FORCE_LIGHT;
      break;
    case 2:
      scheme = ADW_COLOR_SCHEME_FORCE_DARK;
      break;
    default:
      /* Follow the system's dark or light preference. */
      scheme = ADW_COLOR_SCHEME_DEFAULT;
      break;
    }
  adw_style_manager_set_color_scheme (style_manager, scheme);
}

/**
 * vitrine_application_get_local_client:
 *
 * Returns: (transfer none) (nullable): a client for this computer's hub,
 *   once it has started
 */
VitrineClient *
vitrine_application_get_local_client (VitrineApplication *self)
{
  g_return_val_if_fail (VITRINE_IS_APPLICATION (self), NULL);
  return self->local_client;
}

/**
 * vitrine_application_get_current_account:
 *
 * The account windows publish to and compare with: the hub HF_ENDPOINT
 * names, else this computer's; %NULL until it is known.
 *
 * Returns: (transfer none) (nullable): the account
 */
VitrineAccount *
vitrine_application_get_current_account (VitrineApplication *self)
{
  g_return_val_if_fail (VITRINE_IS_APPLICATION (self), NULL);
  return self->current_account;
}

/**
 * vitrine_application_get_web_context:
 *
 * Returns: (transfer none) (nullable): the one web context every view
 *   shares, from the application's start-up to its shutdown
 */
WebKitWebContext *
vitrine_application_get_web_context (VitrineApplication *self)
{
  g_return_val_if_fail (VITRINE_IS_APPLICATION (self), NULL);
  return self->web_context;
}

/**
 * vitrine_application_get_network_session:
 *
 * Returns: (transfer none) (nullable): the one network session every view
 *   shares, from the application's start-up to its shutdown
 */
WebKitNetworkSession *
vitrine_application_get_network_session (VitrineApplication *self)
{
  g_return_val_if_fail (VITRINE_IS_APPLICATION (self), NULL);
  return self->network_session;
}

/* The configured hub once it is known (so that windows do not see this
 * computer's first and then another), else this computer's. */
void
_vitrine_application_update_current_account (VitrineApplication *self)
{
  VitrineAccount *account = NULL;
  VitrineAccount *stored = NULL;

  if (!self->configured_resolved)
    return;
  /* One the user chose, while they are still signed in there. */
  if (self->chosen_account != NULL && self->accounts != NULL &&
      vitrine_account_store_find (self->accounts, vitrine_account_get_endpoint (self->chosen_account)) ==
        self->chosen_account)
    account = self->chosen_account;
  if (account == NULL && self->configured_account != NULL)
    account = self->configured_account;
  if (account == NULL && self->accounts != NULL)
    stored = vitrine_account_store_get_default (self->accounts);
  if (account == NULL && stored != NULL &&
      (vitrine_account_get_kind (stored) != VITRINE_ACCOUNT_KIND_LOCAL || self->local_account != NULL))
    account = stored;
  if (account == NULL)
    account = self->local_account;
  if (g_set_object (&self->current_account, account))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CURRENT_ACCOUNT]);
}

/**
 * vitrine_application_set_current_account:
 *
 * Makes @account the one windows publish to, for this session.
 */
void
vitrine_application_set_current_account (VitrineApplication *self,
                                         VitrineAccount     *account)
{
  g_return_if_fail (VITRINE_IS_APPLICATION (self));
  g_return_if_fail (account == NULL || VITRINE_IS_ACCOUNT (account));

  g_set_object (&self->chosen_account, account);
  self->configured_resolved = TRUE;
  _vitrine_application_update_current_account (self);
}

/**
 * vitrine_application_get_account_store:
 *
 * Returns: (transfer none) (nullable): the accounts signed in to, from the
 *   application's start-up on
 */
VitrineAccountStore *
vitrine_application_get_account_store (VitrineApplication *self)
{
  g_return_val_if_fail (VITRINE_IS_APPLICATION (self), NULL);
  return self->accounts;
}

/**
 * vitrine_application_get_publish_queue:
 *
 * Returns: (transfer none) (nullable): every publish recorded, from the
 *   application's start-up on
 */
VitrinePublishQueue *
vitrine_application_get_publish_queue (VitrineApplication *self)
{
  g_return_val_if_fail (VITRINE_IS_APPLICATION (self), NULL);
  return self->queue;
}

gboolean
vitrine_application_get_quitting (VitrineApplication *self)
{
  g_return_val_if_fail (VITRINE_IS_APPLICATION (self), FALSE);
  return self->quitting;
}

static void
show_error (VitrineApplication *self,
            const char         *message)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  g_warning ("%s", message);
  if (VITRINE_IS_WINDOW (window))
    vitrine_window_add_toast (VITRINE_WINDOW (window), adw_toast_new (message));
}

static void
on_local_hub_started_cb (GObject      *source,
                         GAsyncResult *result,
                         gpointer      user_data)
{
  g_autoptr(VitrineApplication) self = user_data;
  VitrineLocalHub *hub = VITRINE_LOCAL_HUB (source);
  g_autoptr(GError) error = NULL;
  g_autoptr(VitrineClient) client = vitrine_local_hub_start_finish (hub, result, &error);

  if (client == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          /* Translators: %s says why. */
          g_autofree char *message = g_strdup_printf (_("This computer’s hub could not start: %s"), error->message);

          show_error (self, message);
        }
      return;
    }

  g_set_object (&self->local_client, client);
  g_clear_object (&self->local_account);
  self->local_account = vitrine_account_new (VITRINE_ACCOUNT_KIND_LOCAL, client,
                                             vitrine_local_hub_get_user_name (hub));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOCAL_CLIENT]);
  /* The store's change moves the current account (once). */
  if (self->accounts != NULL)
    vitrine_account_store_set_local_account (self->accounts, self->local_account);
  _vitrine_application_update_current_account (self);
}

static void
on_configured_resolved_cb (GObject      *source,
                           GAsyncResult *result,
                           gpointer      user_data)
{
  g_autoptr(VitrineApplication) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *endpoint = NULL;
  g_autofree char *token = NULL;

  if (vitrine_credentials_resolve_finish (result, &endpoint, &token, &error))
    {
      g_autoptr(VitrineClient) client = vitrine_client_new (endpoint, token);

      self->configured_account = vitrine_account_new_for_client (client, NULL);
    }
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  else if (!g_error_matches (error, VITRINE_ERROR, VITRINE_ERROR_NOT_FOUND))
    g_warning ("Could not find the hub HF_ENDPOINT names: %s", error->message);

  self->configured_resolved = TRUE;
  _vitrine_application_update_current_account (self);
}

/* The first window starts this computer's hub (or finds it running), and
 * looks for a hub HF_ENDPOINT names, with its token, off the main thread. */
static void
start_local_hub (VitrineApplication *self)
{
  if (self->local_hub != NULL)
    return;
  self->local_hub = vitrine_local_hub_new (NULL);
  vitrine_local_hub_start_async (self->local_hub, self->cancellable, on_local_hub_started_cb,
                                 g_object_ref (self));
  vitrine_credentials_resolve_async (NULL, NULL, VITRINE_RESOLVE_CONFIGURED_ONLY, self->cancellable,
                                     on_configured_resolved_cb, g_object_ref (self));
}

static void
vitrine_application_activate (GApplication *app)
{
  GtkWindow *window;

  start_local_hub (VITRINE_APPLICATION (app));
  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  if (window == NULL)
    window = GTK_WINDOW (vitrine_window_new (VITRINE_APPLICATION (app)));

  gtk_window_present (window);
}

/* `vitrine FOLDER` opens the folder's model card. */
static void
vitrine_application_open (GApplication  *app,
                          GFile        **files,
                          int            n_files,
                          const char    *hint)
{
  VitrineWindow *window = VITRINE_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));

  start_local_hub (VITRINE_APPLICATION (app));
  if (window == NULL)
    window = vitrine_window_new (VITRINE_APPLICATION (app));
  if (n_files > 0)
    vitrine_window_open_folder (window, files[0]);
  gtk_window_present (GTK_WINDOW (window));
}

/* `vitrine --demo FOLDER` runs the Space in FOLDER, in this instance or in
 * the one already running. */
static int
vitrine_application_handle_local_options (GApplication *app,
                                          GVariantDict *options)
{
  g_autofree char *demo = NULL;
  g_autoptr(GFile) folder = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;

  if (!g_variant_dict_lookup (options, "demo", "^ay", &demo))
    return -1;
  folder = g_file_new_for_commandline_arg (demo);
  path = g_file_get_path (folder);
  if (path == NULL || !g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      /* Translators: %s is what was given on the command line. */
      g_printerr (_("“%s” is not a folder.\n"), demo);
      return 1;
    }
  if (!g_application_register (app, NULL, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  g_action_group_activate_action (G_ACTION_GROUP (app), "run-folder", g_variant_new_string (path));
  return g_application_get_is_remote (app) ? 0 : -1;
}

static void
vitrine_application_shutdown (GApplication *app)
{
  VitrineApplication *self = VITRINE_APPLICATION (app);

  /* No demo outlives the application, whichever way it quits. */
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l != NULL; l = l->next)
    if (VITRINE_IS_WINDOW (l->data))
      vitrine_demos_page_stop (VITRINE_DEMOS_PAGE (vitrine_window_get_demos_page (l->data)));

  G_APPLICATION_CLASS (vitrine_application_parent_class)->shutdown (app);
  _vitrine_application_publish_shutdown (self);
  /* Cards, drafts and records asked to be written are on disk before the
   * process ends (the main loop has stopped: waiting blocks no window). */
  vitrine_disk_writer_wait ();
  g_clear_handle_id (&self->sigterm_id, g_source_remove);
  g_clear_handle_id (&self->sigint_id, g_source_remove);
  g_clear_object (&self->network_session);
  g_clear_object (&self->web_context);
  vitrine_web_shutdown ();
  /* A hub this application started stops with it. */
  g_cancellable_cancel (self->cancellable);
  if (self->local_hub != NULL)
    vitrine_local_hub_stop (self->local_hub);
}

/* SIGTERM (a session ending, `kill`) and SIGINT (Ctrl+C in the terminal
 * it was started from) quit as Ctrl+Q does, so the hub it started stops
 * too, but without asking anything: publishes under way stop where they
 * are, to be resumed at the next start. */
static gboolean
on_quit_signal_cb (gpointer user_data)
{
  VitrineApplication *self = user_data;

  vitrine_application_quit_now (self);
  return G_SOURCE_CONTINUE;
}

static void
vitrine_application_startup (GApplication *app)
{
  VitrineApplication *self = VITRINE_APPLICATION (app);

  G_APPLICATION_CLASS (vitrine_application_parent_class)->startup (app);

  self->sigterm_id = g_unix_signal_add (SIGTERM, on_quit_signal_cb, self);
  self->sigint_id = g_unix_signal_add (SIGINT, on_quit_signal_cb, self);

  self->web_context = vitrine_web_context_new ();
  self->network_session = vitrine_web_network_session_new ();

  gtk_window_set_default_icon_name (APPLICATION_ID);
  vitrine_renderer_apply_settings ();

  g_signal_connect_object (self->settings, "changed::" VITRINE_PREFS_STYLE,
                           G_CALLBACK (update_style_cb), self, G_CONNECT_SWAPPED);
  update_style_cb (self);
  _vitrine_application_publish_startup (self);
}

static void
vitrine_application_dispose (GObject *object)
{
  VitrineApplication *self = VITRINE_APPLICATION (object);

  g_clear_object (&self->settings);
  g_clear_object (&self->network_session);
  g_clear_object (&self->web_context);
  g_clear_object (&self->current_account);
  g_clear_object (&self->chosen_account);
  g_clear_object (&self->queue);
  g_clear_object (&self->accounts);
  g_clear_object (&self->configured_account);
  g_clear_object (&self->local_account);
  g_clear_object (&self->local_client);
  g_clear_object (&self->local_hub);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (vitrine_application_parent_class)->dispose (object);
}

static void
vitrine_application_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  VitrineApplication *self = VITRINE_APPLICATION (object);

  switch (prop_id)
    {
    case PROP_LOCAL_CLIENT:
      g_value_set_object (value, self->local_client);
      break;

    case PROP_CURRENT_ACCOUNT:
      g_value_set_object (value, self->current_account);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vitrine_application_class_init (VitrineApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = vitrine_application_dispose;
  object_class->get_property = vitrine_application_get_property;

  /**
   * VitrineApplication:local-client:
   *
   * A client for this computer's hub, signed in as the user, once the hub
   * has started or been found.
   */
  properties[PROP_LOCAL_CLIENT] =
    g_param_spec_object ("local-client", NULL, NULL,
                         VITRINE_TYPE_CLIENT,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * VitrineApplication:current-account:
   *
   * The account windows publish to and compare with.
   */
  properties[PROP_CURRENT_ACCOUNT] =
    g_param_spec_object ("current-account", NULL, NULL,
                         VITRINE_TYPE_ACCOUNT,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * VitrineApplication::repository-changed:
   * @self: the application
   * @endpoint: the hub the repository is on
   * @type: the repository's type
   * @repo_id: its id, `namespace/name`
   *
   * Something in this application changed a repository (a publish, a tag,
   * a restore, a Space created): views that show it refresh.
   */
  signals[REPOSITORY_CHANGED] =
    g_signal_new ("repository-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 3,
                  G_TYPE_STRING | G_SIGNAL_TYPE_STATIC_SCOPE,
                  VITRINE_TYPE_REPO_TYPE,
                  G_TYPE_STRING | G_SIGNAL_TYPE_STATIC_SCOPE);

  app_class->activate = vitrine_application_activate;
  app_class->handle_local_options = vitrine_application_handle_local_options;
  app_class->startup = vitrine_application_startup;
  app_class->open = vitrine_application_open;
  app_class->shutdown = vitrine_application_shutdown;
}

static void
vitrine_application_about_action (GSimpleAction *action,
                                  GVariant      *parameter,
                                  gpointer       user_data)
{
  static const char *developers[] = { "The Vitrine authors", NULL };
  VitrineApplication *self = user_data;
  GtkWindow *window;

  g_assert (VITRINE_IS_APPLICATION (self));

  window = gtk_application_get_active_window (GTK_APPLICATION (self));

  adw_show_about_window (window,
                         "application-name", "Vitrine",
                         "application-icon", APPLICATION_ID,
                         "developer-name", "The Vitrine authors",
                         "version", PACKAGE_VERSION,
                         "comments", _("Publish your models to the Hugging Face Hub, follow their versions and try them in demos."),
                         "website", "https://github.com/vitrine/vitrine",
                         "issue-url", BUGREPORT_URL,
                         "developers", developers,
                         /* Translators: replace with your names, one per line. */
                         "translator-credits", _("translator-credits"),
                         "copyright", "© 2026 The Vitrine authors",
                         "license-type", GTK_LICENSE_GPL_3_0,
                         NULL);
}

/**
 * vitrine_application_show_preferences:
 * @page: (nullable): the page to show, such as `accounts`
 *
 * Shows the preferences, over the active window.
 */
void
vitrine_application_show_preferences (VitrineApplication *self,
                                      const char         *page)
{
  GtkWindow *window;
  VitrinePreferencesWindow *prefs;

  g_return_if_fail (VITRINE_IS_APPLICATION (self));

  window = gtk_application_get_active_window (GTK_APPLICATION (self));
  prefs = vitrine_preferences_window_new (self->settings);
  vitrine_preferences_window_set_application (prefs, self);
  if (page != NULL)
    adw_preferences_window_set_visible_page_name (ADW_PREFERENCES_WINDOW (prefs), page);
  if (window != NULL)
    gtk_window_set_transient_for (GTK_WINDOW (prefs), window);
  gtk_window_set_application (GTK_WINDOW (prefs), GTK_APPLICATION (self));
  gtk_window_present (GTK_WINDOW (prefs));
}

static void
vitrine_application_preferences_action (GSimpleAction *action,
                                        GVariant      *parameter,
                                        gpointer       user_data)
{
  vitrine_application_show_preferences (VITRINE_APPLICATION (user_data), NULL);
}

static void
vitrine_application_quit_action (GSimpleAction *action,
                                 GVariant      *parameter,
                                 gpointer       user_data)
{
  VitrineApplication *self = user_data;
  GtkWindow *active = gtk_application_get_active_window (GTK_APPLICATION (self));
  GList *windows;

  g_assert (VITRINE_IS_APPLICATION (self));

  /* Publishes under way stop, or finish in the background: the user says. */
  if (!self->quitting && vitrine_application_count_running_publishes (self) > 0 &&
      VITRINE_IS_WINDOW (active) && gtk_widget_get_visible (GTK_WIDGET (active)))
    {
      vitrine_window_ask_to_stop (VITRINE_WINDOW (active), TRUE);
      return;
    }
  self->quitting = TRUE;

  /* Close the windows first, so each saves its state. */
  windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (self)));
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (l->data);
  g_list_free (windows);

  g_application_quit (G_APPLICATION (self));
}

/* app.run-folder: runs a Space's folder in the Demos area of the window
 * (`vitrine --demo FOLDER`). */
static void
vitrine_application_run_folder_action (GSimpleAction *action,
                                       GVariant      *parameter,
                                       gpointer       user_data)
{
  VitrineApplication *self = user_data;
  GtkWindow *window;

  g_application_activate (G_APPLICATION (self));
  window = gtk_application_get_active_window (GTK_APPLICATION (self));
  if (VITRINE_IS_WINDOW (window))
    gtk_widget_activate_action_variant (GTK_WIDGET (window), "win.run-folder", parameter);
}

static const GActionEntry app_actions[] = {
  { "quit", vitrine_application_quit_action },
  { "run-folder", vitrine_application_run_folder_action, "s" },
  { "about", vitrine_application_about_action },
  { "preferences", vitrine_application_preferences_action },
};

static void
vitrine_application_init (VitrineApplication *self)
{
  self->settings = g_settings_new (VITRINE_SETTINGS_SCHEMA);
  self->cancellable = g_cancellable_new ();

  g_application_add_main_option (G_APPLICATION (self), "demo", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_FILENAME,
                                 _("Run the Space in FOLDER in the Demos area"), _("FOLDER"));
  g_action_map_add_action_entries (G_ACTION_MAP (self),
                                   app_actions,
                                   G_N_ELEMENTS (app_actions),
                                   self);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self),
                                         "app.quit",
                                         (const char *[]) { "<primary>q", NULL });
  gtk_application_set_accels_for_action (GTK_APPLICATION (self),
                                         "window.close",
                                         (const char *[]) { "<primary>w", NULL });
  gtk_application_set_accels_for_action (GTK_APPLICATION (self),
                                         "app.preferences",
                                         (const char *[]) { "<primary>comma", NULL });
  gtk_application_set_accels_for_action (GTK_APPLICATION (self),
                                         "win.choose-folder",
                                         (const char *[]) { "<primary>o", NULL });
  gtk_application_set_accels_for_action (GTK_APPLICATION (self),
                                         "win.refresh",
                                         (const char *[]) { "F5", NULL });
  gtk_application_set_accels_for_action (GTK_APPLICATION (self),
                                         "win.show-area('publish')",
                                         (const char *[]) { "<primary>1", NULL });
  gtk_application_set_accels_for_action (GTK_APPLICATION (self),
                                         "win.show-area('history')",
                                         (const char *[]) { "<primary>2", NULL });
  gtk_application_set_accels_for_action (GTK_APPLICATION (self),
                                         "win.show-area('demos')",
                                         (const char *[]) { "<primary>3", NULL });
}

/**
 * vitrine_application_repository_changed:
 * @endpoint: the hub the repository is on
 * @type: the repository's type
 * @repo_id: its id, `namespace/name`
 *
 * Says that something changed @repo_id, so that the views showing it
 * refresh (#VitrineApplication::repository-changed).
 */
void
vitrine_application_repository_changed (VitrineApplication *self,
                                        const char         *endpoint,
                                        VitrineRepoType     type,
                                        const char         *repo_id)
{
  g_return_if_fail (VITRINE_IS_APPLICATION (self));
  g_return_if_fail (endpoint != NULL && repo_id != NULL);

  g_signal_emit (self, signals[REPOSITORY_CHANGED], 0, endpoint, type, repo_id);
}
