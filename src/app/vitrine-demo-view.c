/* vitrine-demo-view.c — a web view for one demo, treated as untrusted
 *
 * A demo is someone's web app: its scripts must run, but it gets nothing
 * of the user's and nothing of other demos'.  Each view has a network
 * session of its own, ephemeral, so no cookie, storage or cache is shared
 * with another demo or with the application's own pages; it stays on the
 * demo's origin (a link elsewhere opens in the browser, anything else that
 * would lead away, `file:` addresses above all, is refused); it never
 * reads local files; a download is saved only once the user says so; it
 * asks for no device or permission; and a page that cannot load says why
 * in words.
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <adwaita.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "vitrine-accessible.h"
#include "vitrine-demo-view.h"
#include "vitrine-web.h"

struct _VitrineDemoView
{
  GtkWidget             parent_instance;

  WebKitNetworkSession *session;
  WebKitWebView        *web_view;
  char                 *address;
  char                 *origin;
  /* Downloads waiting for the user's answer, to cancel with the view. */
  GPtrArray            *pending;
};

G_DEFINE_FINAL_TYPE (VitrineDemoView, vitrine_demo_view, GTK_TYPE_WIDGET)

enum {
  OPEN_EXTERNAL,
  DOWNLOAD_FINISHED,
  DOWNLOAD_FAILED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/**
 * vitrine_demo_view_dup_origin:
 * @uri: a web address
 *
 * Returns: (transfer full) (nullable): `scheme://host[:port]` of @uri, or
 *   %NULL when it is not an `http:` or `https:` address
 */
char *
vitrine_demo_view_dup_origin (const char *uri)
{
  g_autoptr(GUri) parsed = NULL;
  g_autofree char *origin = NULL;
  const char *scheme;

  if (uri == NULL)
    return NULL;
  parsed = g_uri_parse (uri, G_URI_FLAGS_SCHEME_NORMALIZE | G_URI_FLAGS_ENCODED, NULL);
  if (parsed == NULL || g_uri_get_host (parsed) == NULL || *g_uri_get_host (parsed) == '\0')
    return NULL;
  scheme = g_uri_get_scheme (parsed);
  if (g_ascii_strcasecmp (scheme, "http") != 0 && g_ascii_strcasecmp (scheme, "https") != 0)
    return NULL;
  if (g_uri_get_port (parsed) > 0)
    origin = g_strdup_printf ("%s://%s:%d", scheme, g_uri_get_host (parsed), g_uri_get_port (parsed));
  else
    origin = g_strdup_printf ("%s://%s", scheme, g_uri_get_host (parsed));
  return g_ascii_strdown (origin, -1);
}

static gboolean
vitrine_demo_view_open_external (VitrineDemoView *self,
                                 const char      *uri)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  /* GtkUriLauncher is GTK 4.10. */
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_show_uri (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, uri, GDK_CURRENT_TIME);
  G_GNUC_END_IGNORE_DEPRECATIONS
  return TRUE;
}

/* The demo's own origin stays in the view; a link elsewhere the user
 * followed opens in the browser; nothing else leaves it. */
static gboolean
on_decide_policy_cb (WebKitWebView            *view,
                     WebKitPolicyDecision     *decision,
                     WebKitPolicyDecisionType  type,
                     VitrineDemoView          *self)
{
  WebKitNavigationAction *action;
  const char *uri;
  const char *scheme;
  g_autofree char *origin = NULL;

  /* What the view cannot show is downloaded, which asks first. */
  if (type == WEBKIT_POLICY_DECISION_TYPE_RESPONSE)
    return FALSE;

  action = webkit_navigation_policy_decision_get_navigation_action (WEBKIT_NAVIGATION_POLICY_DECISION (decision));
  uri = webkit_uri_request_get_uri (webkit_navigation_action_get_request (action));
  scheme = uri != NULL ? g_uri_peek_scheme (uri) : NULL;

  if (type == WEBKIT_POLICY_DECISION_TYPE_NAVIGATION_ACTION &&
      (g_strcmp0 (uri, "about:blank") == 0 || g_strcmp0 (uri, "about:srcdoc") == 0 ||
       g_strcmp0 (scheme, "blob") == 0 || g_strcmp0 (scheme, "data") == 0))
    return FALSE;

  origin = vitrine_demo_view_dup_origin (uri);
  if (origin != NULL && g_strcmp0 (origin, self->origin) == 0)
    {
      if (type == WEBKIT_POLICY_DECISION_TYPE_NAVIGATION_ACTION)
        return FALSE;
      /* A new window of the demo's own opens here. */
      webkit_policy_decision_ignore (decision);
      webkit_web_view_load_uri (view, uri);
      return TRUE;
    }

  webkit_policy_decision_ignore (decision);
  if (origin != NULL && webkit_navigation_action_is_user_gesture (action) &&
      (type == WEBKIT_POLICY_DECISION_TYPE_NEW_WINDOW_ACTION ||
       webkit_navigation_action_get_navigation_type (action) == WEBKIT_NAVIGATION_TYPE_LINK_CLICKED))
    {
      gboolean handled = FALSE;

      g_signal_emit (self, signals[OPEN_EXTERNAL], 0, uri, &handled);
    }
  else
    g_debug ("A demo tried to leave for %s", uri != NULL ? uri : "(nothing)");
  return TRUE;
}

static void
show_problem (VitrineDemoView *self,
              const char      *title,
              const char      *message,
              const char      *failing_uri)
{
  AdwStyleManager *style = adw_style_manager_get_default ();
  gboolean dark = adw_style_manager_get_dark (style);
  g_autofree char *title_html = g_markup_escape_text (title, -1);
  g_autofree char *message_html = g_markup_escape_text (message, -1);
  g_autofree char *uri_html = g_markup_escape_text (failing_uri != NULL ? failing_uri : "", -1);
  g_autofree char *hint_html = g_markup_escape_text (_("If the demo is still starting, reload the page "
                                                       "once it runs (F5); if it stopped, restart it."), -1);
  g_autofree char *page = NULL;

  page = g_strdup_printf ("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>%s</title>"
                          "<style>body { font-family: Cantarell, system-ui, sans-serif; margin: 0;"
                          " display: flex; align-items: center; justify-content: center; min-height: 100vh;"
                          " background: %s; color: %s; } main { max-width: 36rem; padding: 2rem;"
                          " text-align: center; } .address { font-family: monospace; opacity: .7;"
                          " word-break: break-all; }</style></head>"
                          "<body><main id=\"vitrine-load-error\"><h1>%s</h1><p id=\"message\">%s</p>"
                          "<p class=\"address\">%s</p><p>%s</p></main></body></html>",
                          title_html, dark ? "#242424" : "#fafafa", dark ? "#ffffff" : "#1e1e1e",
                          title_html, message_html, uri_html, hint_html);
  /* Shown in place of the page, without its origin's rights: the base
   * address is one that leads nowhere. */
  webkit_web_view_load_alternate_html (self->web_view, page, failing_uri != NULL ? failing_uri : "about:blank",
                                       "about:blank");
}

static gboolean
on_load_failed_cb (WebKitWebView   *view,
                   WebKitLoadEvent  event,
                   const char      *failing_uri,
                   GError          *error,
                   VitrineDemoView *self)
{
  if (g_error_matches (error, WEBKIT_NETWORK_ERROR, WEBKIT_NETWORK_ERROR_CANCELLED) ||
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
      /* A download took the place of the page. */
      g_error_matches (error, WEBKIT_POLICY_ERROR, WEBKIT_POLICY_ERROR_FRAME_LOAD_INTERRUPTED_BY_POLICY_CHANGE))
    return FALSE;

  if (error->domain == WEBKIT_POLICY_ERROR)
    show_problem (self, _("This Page Is Not Shown Here"),
                  _("The demo tried to open a page that Vitrine does not show in a demo."), failing_uri);
  else
    show_problem (self, _("The Demo Could Not Be Reached"), error->message, failing_uri);
  return TRUE;
}

static gboolean
on_load_failed_with_tls_errors_cb (WebKitWebView        *view,
                                   const char           *failing_uri,
                                   GTlsCertificate      *certificate,
                                   GTlsCertificateFlags  errors,
                                   VitrineDemoView      *self)
{
  show_problem (self, _("The Demo’s Connection Is Not Secure"),
                _("Its certificate could not be trusted, so the page was not loaded."), failing_uri);
  return TRUE;
}

static void
on_web_process_terminated_cb (WebKitWebView                     *view,
                              WebKitWebProcessTerminationReason  reason,
                              VitrineDemoView                   *self)
{
  if (reason == WEBKIT_WEB_PROCESS_TERMINATED_BY_API)
    return;
  show_problem (self, _("The Demo’s Page Stopped"),
                _("The page used too much memory or stopped working. Reload it to try again."), self->address);
}

/* Cameras, microphones, locations, notifications: nothing is granted. */
static gboolean
on_permission_request_cb (WebKitWebView           *view,
                          WebKitPermissionRequest *request,
                          VitrineDemoView         *self)
{
  webkit_permission_request_deny (request);
  return TRUE;
}

/* ---- Downloads -------------------------------------------------------- */

static char *
downloads_folder (void)
{
  const char *special = g_get_user_special_dir (G_USER_DIRECTORY_DOWNLOAD);
  char *folder;

  if (special != NULL && g_strcmp0 (special, g_get_home_dir ()) != 0)
    folder = g_strdup (special);
  else
    folder = g_build_filename (g_get_home_dir (), "Downloads", NULL);
  g_mkdir_with_parents (folder, 0700);
  return folder;
}

/* A name of the page's choosing, kept to a plain file name. */
static char *
safe_file_name (const char *suggested)
{
  g_autofree char *base = suggested != NULL ? g_path_get_basename (suggested) : NULL;
  GString *name = g_string_new (NULL);

  if (base != NULL && g_utf8_validate (base, -1, NULL))
    for (const char *p = base; *p != '\0'; p++)
      g_string_append_c (name, (*p == '/' || *p == '\\' || (guchar) *p < 0x20) ? '_' : *p);
  while (name->len > 0 && (name->str[0] == '.' || name->str[0] == ' '))
    g_string_erase (name, 0, 1);
  if (name->len > 200)
    g_string_truncate (name, 200);
  while (name->len > 0 && !g_utf8_validate (name->str, name->len, NULL))
    g_string_truncate (name, name->len - 1);
  if (name->len == 0)
    g_string_append (name, _("download"));
  return g_string_free (name, FALSE);
}

/* `name.ext`, else `name (2).ext`, … in @folder. */
static char *
unique_destination (const char *folder,
                    const char *name)
{
  const char *dot = strrchr (name, '.');
  g_autofree char *stem = dot != NULL && dot != name ? g_strndup (name, dot - name) : g_strdup (name);
  const char *extension = dot != NULL && dot != name ? dot : "";

  for (guint i = 1;; i++)
    {
      g_autofree char *candidate = i == 1 ? g_strdup (name) : g_strdup_printf ("%s (%u)%s", stem, i, extension);
      char *path = g_build_filename (folder, candidate, NULL);

      if (!g_file_test (path, G_FILE_TEST_EXISTS))
        return path;
      g_free (path);
    }
}

static void
on_download_finished_cb (WebKitDownload  *download,
                         VitrineDemoView *self)
{
  const char *destination = webkit_download_get_destination (download);

  if (destination != NULL)
    g_signal_emit (self, signals[DOWNLOAD_FINISHED], 0, destination);
}

static void
on_download_failed_cb (WebKitDownload  *download,
                       GError          *error,
                       VitrineDemoView *self)
{
  if (!g_error_matches (error, WEBKIT_DOWNLOAD_ERROR, WEBKIT_DOWNLOAD_ERROR_CANCELLED_BY_USER))
    g_signal_emit (self, signals[DOWNLOAD_FAILED], 0, error->message);
}

static void
on_download_answer_cb (AdwMessageDialog *dialog,
                       const char       *response,
                       gpointer          user_data)
{
  g_autoptr(WebKitDownload) download = user_data;
  VitrineDemoView *self = g_object_get_data (G_OBJECT (download), "vitrine-demo-view");

  if (self != NULL)
    g_ptr_array_remove (self->pending, download);
  if (self != NULL && g_strcmp0 (response, "save") == 0)
    {
      const char *path = g_object_get_data (G_OBJECT (download), "vitrine-destination");

      webkit_download_set_allow_overwrite (download, FALSE);
      webkit_download_set_destination (download, path);
    }
  else
    webkit_download_cancel (download);
}

static gboolean
on_decide_destination_cb (WebKitDownload  *download,
                          const char      *suggested,
                          VitrineDemoView *self)
{
  g_autofree char *folder = downloads_folder ();
  g_autofree char *name = safe_file_name (suggested);
  g_autofree char *destination = unique_destination (folder, name);
  g_autofree char *shown = g_path_get_basename (destination);
  g_autofree char *folder_name = g_filename_display_basename (folder);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  AdwMessageDialog *dialog;

  /* Translators: the question before a demo saves a file. */
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                       _("Save a File From This Demo?"), NULL));
  /* Translators: %s are a file's name, then a folder's (Downloads). */
  adw_message_dialog_format_body (dialog, _("The demo wants to save “%s” in your “%s” folder. "
                                            "Save it only if you expect a file from it."),
                                  shown, folder_name);
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "save", _("_Save"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");

  g_object_set_data_full (G_OBJECT (download), "vitrine-destination", g_steal_pointer (&destination), g_free);
  g_object_set_data (G_OBJECT (download), "vitrine-demo-view", self);
  g_ptr_array_add (self->pending, g_object_ref (download));
  g_signal_connect (dialog, "response", G_CALLBACK (on_download_answer_cb), g_object_ref (download));
  gtk_window_present (GTK_WINDOW (dialog));
  vitrine_accessible_repair (GTK_WIDGET (dialog));
  return TRUE;
}

static void
on_download_started_cb (WebKitNetworkSession *session,
                        WebKitDownload       *download,
                        VitrineDemoView      *self)
{
  g_signal_connect_object (download, "decide-destination", G_CALLBACK (on_decide_destination_cb), self, 0);
  g_signal_connect_object (download, "finished", G_CALLBACK (on_download_finished_cb), self, 0);
  g_signal_connect_object (download, "failed", G_CALLBACK (on_download_failed_cb), self, 0);
}

/* ---- The view --------------------------------------------------------- */

/**
 * vitrine_demo_view_load:
 * @uri: the demo's address, `http:` or `https:`
 *
 * Shows the demo at @uri; the view then stays on its origin.
 *
 * Returns: whether it loads (other addresses are refused)
 */
gboolean
vitrine_demo_view_load (VitrineDemoView *self,
                        const char      *uri)
{
  g_autofree char *origin = NULL;

  g_return_val_if_fail (VITRINE_IS_DEMO_VIEW (self), FALSE);

  origin = vitrine_demo_view_dup_origin (uri);
  if (origin == NULL)
    return FALSE;
  g_free (self->origin);
  self->origin = g_steal_pointer (&origin);
  g_free (self->address);
  self->address = g_strdup (uri);
  webkit_web_view_load_uri (self->web_view, uri);
  return TRUE;
}

/* Returns: (nullable): the address last given to vitrine_demo_view_load() */
const char *
vitrine_demo_view_get_address (VitrineDemoView *self)
{
  g_return_val_if_fail (VITRINE_IS_DEMO_VIEW (self), NULL);
  return self->address;
}

/**
 * vitrine_demo_view_reload:
 *
 * Loads the page shown again, or the demo's address after a page that
 * could not load.
 */
void
vitrine_demo_view_reload (VitrineDemoView *self)
{
  const char *uri;
  g_autofree char *origin = NULL;

  g_return_if_fail (VITRINE_IS_DEMO_VIEW (self));

  uri = webkit_web_view_get_uri (self->web_view);
  origin = vitrine_demo_view_dup_origin (uri);
  if (origin != NULL && g_strcmp0 (origin, self->origin) == 0 &&
      webkit_web_view_get_page_id (self->web_view) != 0 && !webkit_web_view_is_loading (self->web_view))
    webkit_web_view_reload (self->web_view);
  else if (self->address != NULL)
    webkit_web_view_load_uri (self->web_view, self->address);
}

/* Returns: (transfer none): the web view inside */
WebKitWebView *
vitrine_demo_view_get_web_view (VitrineDemoView *self)
{
  g_return_val_if_fail (VITRINE_IS_DEMO_VIEW (self), NULL);
  return self->web_view;
}

/* Returns: (transfer none): the view's own network session */
WebKitNetworkSession *
vitrine_demo_view_get_network_session (VitrineDemoView *self)
{
  g_return_val_if_fail (VITRINE_IS_DEMO_VIEW (self), NULL);
  return self->session;
}

VitrineDemoView *
vitrine_demo_view_new (void)
{
  return g_object_new (VITRINE_TYPE_DEMO_VIEW, NULL);
}

static void
vitrine_demo_view_dispose (GObject *object)
{
  VitrineDemoView *self = VITRINE_DEMO_VIEW (object);

  if (self->pending != NULL)
    {
      for (guint i = 0; i < self->pending->len; i++)
        {
          WebKitDownload *download = g_ptr_array_index (self->pending, i);

          g_object_set_data (G_OBJECT (download), "vitrine-demo-view", NULL);
          webkit_download_cancel (download);
        }
      g_clear_pointer (&self->pending, g_ptr_array_unref);
    }
  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (self->session, self);
  if (self->web_view != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->web_view, self);
      gtk_widget_unparent (GTK_WIDGET (self->web_view));
      self->web_view = NULL;
    }
  g_clear_object (&self->session);

  G_OBJECT_CLASS (vitrine_demo_view_parent_class)->dispose (object);
}

static void
vitrine_demo_view_finalize (GObject *object)
{
  VitrineDemoView *self = VITRINE_DEMO_VIEW (object);

  g_free (self->address);
  g_free (self->origin);

  G_OBJECT_CLASS (vitrine_demo_view_parent_class)->finalize (object);
}

static void
vitrine_demo_view_class_init (VitrineDemoViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vitrine_demo_view_dispose;
  object_class->finalize = vitrine_demo_view_finalize;

  /**
   * VitrineDemoView::open-external:
   * @uri: a page on another site the user followed a link to
   *
   * Opens @uri in the browser (the default handler); a handler that
   * returns %TRUE does instead.
   */
  signals[OPEN_EXTERNAL] =
    g_signal_new_class_handler ("open-external",
                                G_TYPE_FROM_CLASS (klass),
                                G_SIGNAL_RUN_LAST,
                                G_CALLBACK (vitrine_demo_view_open_external),
                                g_signal_accumulator_true_handled, NULL, NULL,
                                G_TYPE_BOOLEAN, 1, G_TYPE_STRING);

  /**
   * VitrineDemoView::download-finished:
   * @path: where the file the user agreed to save is
   */
  signals[DOWNLOAD_FINISHED] =
    g_signal_new ("download-finished",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  /**
   * VitrineDemoView::download-failed:
   * @message: what went wrong, for the user
   */
  signals[DOWNLOAD_FAILED] =
    g_signal_new ("download-failed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "demoview");
}

static void
vitrine_demo_view_init (VitrineDemoView *self)
{
  g_autoptr(WebKitSettings) settings = NULL;

  self->pending = g_ptr_array_new_with_free_func (g_object_unref);
  /* One session per demo, in memory only. */
  self->session = webkit_network_session_new_ephemeral ();
  settings = webkit_settings_new_with_settings ("enable-javascript", TRUE,
                                                "enable-developer-extras", FALSE,
                                                "allow-file-access-from-file-urls", FALSE,
                                                "allow-universal-access-from-file-urls", FALSE,
                                                "allow-top-navigation-to-data-urls", FALSE,
                                                "javascript-can-open-windows-automatically", FALSE,
                                                "javascript-can-access-clipboard", FALSE,
                                                "enable-back-forward-navigation-gestures", FALSE,
                                                "enable-page-cache", FALSE,
                                                NULL);
  self->web_view = g_object_new (WEBKIT_TYPE_WEB_VIEW,
                                 "web-context", vitrine_web_get_context (),
                                 "network-session", self->session,
                                 "settings", settings,
                                 NULL);
  gtk_widget_set_parent (GTK_WIDGET (self->web_view), GTK_WIDGET (self));
  gtk_widget_set_hexpand (GTK_WIDGET (self), TRUE);
  gtk_widget_set_vexpand (GTK_WIDGET (self), TRUE);

  g_signal_connect (self->web_view, "decide-policy", G_CALLBACK (on_decide_policy_cb), self);
  g_signal_connect (self->web_view, "load-failed", G_CALLBACK (on_load_failed_cb), self);
  g_signal_connect (self->web_view, "load-failed-with-tls-errors", G_CALLBACK (on_load_failed_with_tls_errors_cb), self);
  g_signal_connect (self->web_view, "web-process-terminated", G_CALLBACK (on_web_process_terminated_cb), self);
  g_signal_connect (self->web_view, "permission-request", G_CALLBACK (on_permission_request_cb), self);
  g_signal_connect (self->session, "download-started", G_CALLBACK (on_download_started_cb), self);
}
