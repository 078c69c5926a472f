/* vitrine-web.c — the application's one WebKit context and session
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gtk/gtk.h>

#include "vitrine-web.h"

static WebKitWebContext *context;
static WebKitNetworkSession *session;

/**
 * vitrine_web_get_context:
 *
 * The one web context every view of the application shares, made on first
 * use (WebKit's default context is never used).
 *
 * Returns: (transfer none): the context
 */
WebKitWebContext *
vitrine_web_get_context (void)
{
  if (context == NULL)
    context = webkit_web_context_new ();
  return context;
}

/**
 * vitrine_web_get_session:
 *
 * The network session previews use: ephemeral, so nothing they show
 * leaves cookies, cache or storage behind.
 *
 * Returns: (transfer none): the session
 */
WebKitNetworkSession *
vitrine_web_get_session (void)
{
  if (session == NULL)
    session = webkit_network_session_new_ephemeral ();
  return session;
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
      g_strcmp0 (uri, "about:blank") == 0)
    return FALSE;

  /* In-page anchors keep the page. */
  if (uri != NULL && g_str_has_prefix (uri, "about:blank#"))
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
 * Drops the context and session when the application quits.
 */
void
vitrine_web_shutdown (void)
{
  g_clear_object (&session);
  g_clear_object (&context);
}
