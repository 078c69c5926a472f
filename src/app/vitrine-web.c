/* vitrine-web.c — the application's one WebKit context and session
 *
 * The application makes them at start-up and keeps them
 * (vitrine_application_get_web_context()); views ask for them here.  A
 * widget made without a running application, as in the card editor's
 * tests, gets a context and a session made the same way and kept here
 * until vitrine_web_shutdown().
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <gio/gunixinputstream.h>
#include <glib/gi18n.h>
#include <gtk/gtk.h>

#include "vitrine-application.h"
#include "vitrine-path.h"
#include "vitrine-web.h"

/* Images larger than this are not shown in a preview. */
#define MAX_FOLDER_IMAGE (32 * 1024 * 1024)

/* Without a running application. */
static WebKitWebContext *fallback_context;
static WebKitNetworkSession *fallback_session;

static const struct {
  const char *suffix;
  const char *type;
} folder_images[] = {
  { ".png", "image/png" },
  { ".jpg", "image/jpeg" },
  { ".jpeg", "image/jpeg" },
  { ".gif", "image/gif" },
  { ".webp", "image/webp" },
  { ".svg", "image/svg+xml" },
};

/* Opens an image of the view's folder; anything else, or anything that
 * leads out of the folder (`..`, absolute paths, symbolic links), fails. */
static GInputStream *
open_folder_image (const char  *folder,
                   const char  *path,
                   const char **type,
                   gint64      *size,
                   GError     **error)
{
  g_autofree char *full = NULL;
  g_autofree char *real = NULL;
  g_autofree char *real_folder = NULL;
  g_autofree char *lower = g_ascii_strdown (path, -1);
  struct stat st;
  int fd;

  *type = NULL;
  for (guint i = 0; i < G_N_ELEMENTS (folder_images); i++)
    if (g_str_has_suffix (lower, folder_images[i].suffix))
      *type = folder_images[i].type;
  if (*type == NULL || !vitrine_path_check (path, -1, NULL))
    goto refused;

  /* The file must be exactly there: no link anywhere inside the folder. */
  full = g_build_filename (folder, path, NULL);
  real = realpath (full, NULL);
  real_folder = realpath (folder, NULL);
  if (real == NULL || real_folder == NULL)
    goto refused;
  g_free (full);
  full = g_build_filename (real_folder, path, NULL);
  if (strcmp (real, full) != 0)
    goto refused;

  fd = open (real, O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
  if (fd < 0)
    goto refused;
  if (fstat (fd, &st) != 0 || !S_ISREG (st.st_mode) || st.st_size > MAX_FOLDER_IMAGE)
    {
      close (fd);
      goto refused;
    }
  *size = st.st_size;
  return g_unix_input_stream_new (fd, TRUE);

refused:
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("No image “%s” in this folder."), path);
  return NULL;
}

/* `vitrine-folder:///assets/plot.png` is assets/plot.png in the folder of
 * the card the requesting view shows, so relative images in a card show as
 * they will on the Hub. */
static void
on_folder_request_cb (WebKitURISchemeRequest *request,
                      gpointer                user_data)
{
  WebKitWebView *view = webkit_uri_scheme_request_get_web_view (request);
  const char *folder = view != NULL ? g_object_get_data (G_OBJECT (view), "vitrine-folder") : NULL;
  const char *raw = webkit_uri_scheme_request_get_path (request);
  g_autofree char *path = raw != NULL ? g_uri_unescape_string (raw, NULL) : NULL;
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(GError) error = NULL;
  const char *type = NULL;
  gint64 size = 0;

  if (folder == NULL || path == NULL)
    {
      g_set_error_literal (&error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("No folder is open."));
      webkit_uri_scheme_request_finish_error (request, error);
      return;
    }
  while (*path == '/')
    memmove (path, path + 1, strlen (path));
  stream = open_folder_image (folder, path, &type, &size, &error);
  if (stream == NULL)
    webkit_uri_scheme_request_finish_error (request, error);
  else
    webkit_uri_scheme_request_finish (request, stream, size, type);
}

/**
 * vitrine_web_context_new:
 *
 * A web context for the application's views, with the `vitrine-folder:`
 * scheme (WebKit's default context is never used).
 *
 * Returns: (transfer full): the context
 */
WebKitWebContext *
vitrine_web_context_new (void)
{
  WebKitWebContext *context = webkit_web_context_new ();

  webkit_web_context_register_uri_scheme (context, VITRINE_FOLDER_SCHEME, on_folder_request_cb, NULL, NULL);
  return context;
}

/**
 * vitrine_web_network_session_new:
 *
 * A network session for previews: ephemeral, so nothing they show leaves
 * cookies, cache or storage behind.
 *
 * Returns: (transfer full): the session
 */
WebKitNetworkSession *
vitrine_web_network_session_new (void)
{
  return webkit_network_session_new_ephemeral ();
}

static VitrineApplication *
running_application (void)
{
  GApplication *application = g_application_get_default ();

  return VITRINE_IS_APPLICATION (application) ? VITRINE_APPLICATION (application) : NULL;
}

/**
 * vitrine_web_get_context:
 *
 * The one web context every view of the application shares: the
 * application's, or one kept here when no application has started.
 *
 * Returns: (transfer none): the context
 */
WebKitWebContext *
vitrine_web_get_context (void)
{
  VitrineApplication *application = running_application ();

  if (application != NULL && vitrine_application_get_web_context (application) != NULL)
    return vitrine_application_get_web_context (application);
  if (fallback_context == NULL)
    fallback_context = vitrine_web_context_new ();
  return fallback_context;
}

/**
 * vitrine_web_set_folder:
 * @folder: (nullable): a folder's path
 *
 * Lets pages in @view show the images of @folder through
 * `vitrine-folder:` addresses.
 */
void
vitrine_web_set_folder (WebKitWebView *view,
                        const char    *folder)
{
  g_object_set_data_full (G_OBJECT (view), "vitrine-folder", g_strdup (folder), g_free);
}

/**
 * vitrine_web_get_session:
 *
 * The network session every view shares (see
 * vitrine_web_network_session_new()): the application's, or one kept here
 * when no application has started.
 *
 * Returns: (transfer none): the session
 */
WebKitNetworkSession *
vitrine_web_get_session (void)
{
  VitrineApplication *application = running_application ();

  if (application != NULL && vitrine_application_get_network_session (application) != NULL)
    return vitrine_application_get_network_session (application);
  if (fallback_session == NULL)
    fallback_session = vitrine_web_network_session_new ();
  return fallback_session;
}

/* Previews show our own pages: a link opens in the browser, and nothing
 * else may navigate the view away. */
static gboolean
on_preview_decide_policy_cb (WebKitWebView            *view,
                             WebKitPolicyDecision     *decision,
                             WebKitPolicyDecisionType  type,
                             gpointer                  user_data)
{
  WebKitNavigationAction *action;
  WebKitURIRequest *request;
  const char *uri;

  if (type != WEBKIT_POLICY_DECISION_TYPE_NAVIGATION_ACTION &&
      type != WEBKIT_POLICY_DECISION_TYPE_NEW_WINDOW_ACTION)
    return FALSE;

  action = webkit_navigation_policy_decision_get_navigation_action (WEBKIT_NAVIGATION_POLICY_DECISION (decision));
  request = webkit_navigation_action_get_request (action);
  uri = webkit_uri_request_get_uri (request);

  /* The pages the application loads itself. */
  if (type == WEBKIT_POLICY_DECISION_TYPE_NAVIGATION_ACTION &&
      webkit_navigation_action_get_navigation_type (action) == WEBKIT_NAVIGATION_TYPE_OTHER &&
      !webkit_navigation_action_is_user_gesture (action) &&
      (g_strcmp0 (uri, "about:blank") == 0 || g_strcmp0 (uri, VITRINE_FOLDER_BASE) == 0))
    return FALSE;

  /* In-page anchors keep the page. */
  if (uri != NULL && (g_str_has_prefix (uri, "about:blank#") || g_str_has_prefix (uri, VITRINE_FOLDER_BASE "#")))
    return FALSE;

  if (webkit_navigation_action_get_navigation_type (action) == WEBKIT_NAVIGATION_TYPE_LINK_CLICKED &&
      uri != NULL && (g_str_has_prefix (uri, "https://") || g_str_has_prefix (uri, "http://")))
    {
      GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (view));

      G_GNUC_BEGIN_IGNORE_DEPRECATIONS
      gtk_show_uri (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, uri, GDK_CURRENT_TIME);
      G_GNUC_END_IGNORE_DEPRECATIONS
    }
  webkit_policy_decision_ignore (decision);
  return TRUE;
}

/**
 * vitrine_web_preview_new:
 *
 * A view for pages the application renders: no script from the page runs
 * (the application's own calls still do), no plugins, no storage, and
 * links open in the browser.
 *
 * Returns: (transfer floating): the view
 */
WebKitWebView *
vitrine_web_preview_new (void)
{
  g_autoptr(WebKitSettings) settings = NULL;
  WebKitWebView *view;

  settings = webkit_settings_new_with_settings ("enable-javascript-markup", FALSE,
                                                "enable-developer-extras", FALSE,
                                                "enable-html5-local-storage", FALSE,
                                                "enable-html5-database", FALSE,
                                                "enable-page-cache", FALSE,
                                                "enable-webaudio", FALSE,
                                                "enable-webgl", FALSE,
                                                "enable-media", FALSE,
                                                "allow-file-access-from-file-urls", FALSE,
                                                "allow-universal-access-from-file-urls", FALSE,
                                                "javascript-can-open-windows-automatically", FALSE,
                                                NULL);
  view = g_object_new (WEBKIT_TYPE_WEB_VIEW,
                       "web-context", vitrine_web_get_context (),
                       "network-session", vitrine_web_get_session (),
                       "settings", settings,
                       NULL);
  g_signal_connect (view, "decide-policy", G_CALLBACK (on_preview_decide_policy_cb), NULL);
  return view;
}

/**
 * vitrine_web_shutdown:
 *
 * Drops the context and session kept here, if any, when the application
 * quits.
 */
void
vitrine_web_shutdown (void)
{
  g_clear_object (&fallback_session);
  g_clear_object (&fallback_context);
}
