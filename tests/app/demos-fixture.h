/* demos-fixture.h — the application with its real hub, a window on the
 * Demos area, and what the demos tests share: publishing Spaces and
 * models, waiting for a demo, asking its page, taking pictures
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <signal.h>
#include <string.h>
#include <adwaita.h>
#include <glib/gstdio.h>

#include "../test-util.h"
#include "vitrine-application.h"
#include "vitrine-demos-page.h"
#include "vitrine-log-view.h"
#include "vitrine-publish.h"
#include "vitrine-space-list.h"
#include "vitrine-window.h"

typedef gboolean (*Condition) (gpointer data);

static inline gboolean
fixture_timed_out_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main loop until @condition holds; a demo may have to make a
 * Python environment first, so the wait is long. */
static inline void
wait_until (Condition      condition,
            gconstpointer  data,
            const char    *what)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add_seconds (180, fixture_timed_out_cb, &timed_out);

  while (!condition ((gpointer) data) && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (timed_out)
    g_error ("Timed out waiting for %s", what);
  g_source_remove (id);
}

/* ---- The application -------------------------------------------------- */

typedef struct
{
  VitrineApplication *app;
  VitrineWindow      *window;
  VitrineDemosPage   *page;
  guint               spaces_changed;
} Demos;

static inline gboolean
has_account (gpointer data)
{
  VitrineApplication *app = data;

  return vitrine_application_get_current_account (app) != NULL &&
         vitrine_application_get_local_client (app) != NULL;
}

static inline void
on_repository_changed_cb (VitrineApplication *app,
                          const char         *endpoint,
                          VitrineRepoType     type,
                          const char         *repo_id,
                          Demos              *demos)
{
  if (type == VITRINE_REPO_TYPE_SPACE)
    demos->spaces_changed++;
}

typedef void (*DemosBody) (void);

static DemosBody demos_body;
static Demos    *demos_running;

/* The application as it starts: its hub (the real vitrine-hub), its
 * account there, a window showing the Demos area; then @body runs, and
 * the application quits as Ctrl+Q does. */
static inline void
on_demos_activate_cb (GApplication *app,
                      gpointer      user_data)
{
  Demos *demos = demos_running;

  demos->window = VITRINE_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  g_assert_nonnull (demos->window);
  gtk_window_set_default_size (GTK_WINDOW (demos->window), 1100, 720);
  vitrine_window_set_area (demos->window, "demos");
  demos->page = VITRINE_DEMOS_PAGE (vitrine_window_get_demos_page (demos->window));
  while (!gtk_widget_get_mapped (GTK_WIDGET (demos->window)))
    g_main_context_iteration (NULL, TRUE);
  wait_until (has_account, demos->app, "this computer's hub");

  demos_body ();

  g_action_group_activate_action (G_ACTION_GROUP (app), "quit", NULL);
}

static inline int
demos_run (Demos      *demos,
           const char *id,
           DemosBody   body)
{
  int status;

  demos->app = vitrine_application_new (id, G_APPLICATION_NON_UNIQUE);
  demos_running = demos;
  demos_body = body;
  g_signal_connect (demos->app, "repository-changed", G_CALLBACK (on_repository_changed_cb), demos);
  g_signal_connect_after (demos->app, "activate", G_CALLBACK (on_demos_activate_cb), NULL);
  status = g_application_run (G_APPLICATION (demos->app), 0, NULL);
  g_clear_object (&demos->app);
  return status;
}

static inline VitrineClient *
demos_client (Demos *demos)
{
  return vitrine_application_get_local_client (demos->app);
}

static inline const char *
demos_user (Demos *demos)
{
  return vitrine_account_get_name (vitrine_application_get_current_account (demos->app));
}

/* ---- Repositories ----------------------------------------------------- */

/* A folder holding @files: pairs of path and text, NULL-terminated. */
static inline char *
make_folder_with (const char * const *files)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("vitrine-demo-XXXXXX", &error);

  g_assert_no_error (error);
  for (guint i = 0; files[i] != NULL; i += 2)
    {
      g_autofree char *path = g_build_filename (dir, files[i], NULL);
      g_autofree char *parent = g_path_get_dirname (path);

      g_mkdir_with_parents (parent, 0700);
      g_assert_true (g_file_set_contents (path, files[i + 1], -1, &error));
    }
  return dir;
}

/* Publishes @files as the repository @name of the user, public; returns
 * its id. */
static inline char *
publish (Demos              *demos,
         VitrineRepoType     type,
         const char         *name,
         const char         *sdk,
         const char * const *files)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = make_folder_with (files);
  g_autofree char *url = NULL;
  g_autoptr(VitrinePublisher) publisher = NULL;
  VitrinePublishResult result = { 0 };
  char *id = g_strdup_printf ("%s/%s", demos_user (demos), name);

  url = vitrine_client_create_repo (demos_client (demos), type, id, FALSE, sdk, TRUE, NULL, &error);
  g_assert_no_error (error);
  publisher = vitrine_publisher_new (demos_client (demos), type, id, dir);
  vitrine_publisher_set_message (publisher, "Publish for a test", NULL);
  g_assert_true (vitrine_publisher_run (publisher, &result, NULL, &error));
  g_assert_no_error (error);
  vitrine_publish_result_clear (&result);
  test_rm_rf (dir);
  /* As every part of the application that changes a repository does. */
  vitrine_application_repository_changed (demos->app, vitrine_client_get_endpoint (demos_client (demos)),
                                          type, id);
  return id;
}

/* ---- The demo --------------------------------------------------------- */

static inline WebKitWebView *
demo_web_view (Demos *demos)
{
  VitrineDemoView *view = vitrine_demos_page_get_view (demos->page);

  return view != NULL ? vitrine_demo_view_get_web_view (view) : NULL;
}

/* The page shows a demo's page, loaded. */
static inline gboolean
demo_shown (gpointer data)
{
  Demos *demos = data;
  WebKitWebView *web_view = demo_web_view (demos);
  VitrineDemoView *view = vitrine_demos_page_get_view (demos->page);

  return g_strcmp0 (vitrine_demos_page_get_shown (demos->page), "web") == 0 && web_view != NULL &&
         !webkit_web_view_is_loading (web_view) &&
         g_strcmp0 (webkit_web_view_get_uri (web_view), vitrine_demo_view_get_address (view)) == 0;
}

static inline gboolean
demo_stopped_with_problem (gpointer data)
{
  Demos *demos = data;

  return g_strcmp0 (vitrine_demos_page_get_shown (demos->page), "problem") == 0;
}

typedef struct
{
  gboolean  done;
  char     *result;
  GError   *error;
} Eval;

static inline void
on_eval_done_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  Eval *eval = user_data;
  g_autoptr(JSCValue) value = webkit_web_view_evaluate_javascript_finish (WEBKIT_WEB_VIEW (source), result,
                                                                          &eval->error);

  if (value != NULL)
    eval->result = jsc_value_to_string (value);
  eval->done = TRUE;
}

static inline void
on_call_done_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  Eval *eval = user_data;
  g_autoptr(JSCValue) value = webkit_web_view_call_async_javascript_function_finish (WEBKIT_WEB_VIEW (source),
                                                                                     result, &eval->error);

  if (value != NULL)
    eval->result = jsc_value_to_string (value);
  eval->done = TRUE;
}

static inline gboolean
eval_done (gpointer data)
{
  return ((Eval *) data)->done;
}

/* What @script gives in @view's page, as a string. */
static inline char *
eval_in (WebKitWebView *view,
         const char    *script)
{
  Eval eval = { 0 };

  webkit_web_view_evaluate_javascript (view, script, -1, NULL, NULL, NULL, on_eval_done_cb, &eval);
  wait_until (eval_done, &eval, "a script in the page");
  if (eval.error != NULL)
    g_error ("“%s” failed: %s", script, eval.error->message);
  return eval.result;
}

/* What the async function @body resolves to in @view's page. */
static inline char *
call_in (WebKitWebView *view,
         const char    *body)
{
  Eval eval = { 0 };

  webkit_web_view_call_async_javascript_function (view, body, -1, NULL, NULL, NULL, NULL, on_call_done_cb, &eval);
  wait_until (eval_done, &eval, "a function in the page");
  if (eval.error != NULL)
    g_error ("“%s” failed: %s", body, eval.error->message);
  return eval.result;
}

static inline char *
demo_eval (Demos      *demos,
           const char *script)
{
  return eval_in (demo_web_view (demos), script);
}

static inline gboolean
run_state_is (VitrineSpaceRun   *run,
              VitrineSpaceState  state)
{
  return run != NULL && vitrine_space_run_get_state (run) == state;
}

/* Whether something answers on the loopback @port. */
static inline gboolean
port_answers (guint port)
{
  g_autoptr(GSocketClient) client = g_socket_client_new ();
  g_autoptr(GSocketConnection) connection = NULL;

  g_socket_client_set_timeout (client, 5);
  connection = g_socket_client_connect_to_host (client, "127.0.0.1", port, NULL, NULL);
  return connection != NULL;
}

/* A process that is gone, or a zombie nobody waited for yet. */
static inline gboolean
process_gone (pid_t pid)
{
  g_autofree char *path = g_strdup_printf ("/proc/%d/stat", (int) pid);
  g_autofree char *stat = NULL;
  const char *close_paren;

  if (kill (pid, 0) != 0)
    return TRUE;
  if (!g_file_get_contents (path, &stat, NULL, NULL))
    return TRUE;
  close_paren = strrchr (stat, ')');
  return close_paren != NULL && close_paren[1] == ' ' && close_paren[2] == 'Z';
}

/* ---- Pictures --------------------------------------------------------- */

/* Saves what @widget shows as NAME.png in $VITRINE_SCREENSHOT_DIR, when it
 * is set: the pictures of the README are taken this way. */
static inline void
screenshot (GtkWidget  *widget,
            const char *name)
{
  const char *dir = g_getenv ("VITRINE_SCREENSHOT_DIR");
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *file = NULL;
  g_autofree char *path = NULL;
  int width, height;

  if (dir == NULL)
    return;
  test_spin (800);
  width = gtk_widget_get_width (widget);
  height = gtk_widget_get_height (widget);
  paintable = gtk_widget_paintable_new (widget);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  file = g_strdup_printf ("%s.png", name);
  path = g_build_filename (dir, file, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("picture: %s", path);
}
