/* test-demos.c — the Demos area with real Spaces: published to this
 * computer's hub (the real vitrine-hub), run by the real runner, shown in a
 * real WebKit view under Xvfb and checked through their DOM
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "demos-fixture.h"
#include "vitrine-web.h"

static Demos demos;

static const char static_readme[] =
  "---\ntitle: Greeting\nemoji: 👋\nsdk: static\napp_file: index.html\n---\n# Greeting\n";
static const char static_page[] =
  "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Greeting</title></head><body>"
  "<h1 id=\"greeting\">Hello from a static Space</h1>"
  "<p><a id=\"out\" href=\"http://example.invalid/elsewhere\">Elsewhere</a></p>"
  "<p><a id=\"save\" href=\"data.csv\" download=\"data.csv\">Data</a></p>"
  "<script>document.body.dataset.ran = 'yes';</script>"
  "</body></html>";

/* The static Space every test here may use, published once. */
static const char *
static_space (void)
{
  static char *id;

  if (id == NULL)
    id = publish (&demos, VITRINE_REPO_TYPE_SPACE, "greeting", "static",
                  (const char *[]) { "README.md", static_readme, "index.html", static_page,
                                     "data.csv", "a,b\n1,2\n", NULL });
  return id;
}

static gpointer
page_child (const char *name)
{
  GObject *child = gtk_widget_get_template_child (GTK_WIDGET (demos.page), VITRINE_TYPE_DEMOS_PAGE, name);

  g_assert_nonnull (child);
  return child;
}

static gboolean
list_says_running (gpointer data)
{
  VitrineSpaceList *list = VITRINE_SPACE_LIST (gtk_widget_get_template_child (GTK_WIDGET (demos.page),
                                                                              VITRINE_TYPE_DEMOS_PAGE,
                                                                              "space_list"));
  g_autofree char *row = vitrine_space_list_dup_row_text (list, data);

  return row != NULL && strstr (row, "Running here") != NULL;
}

static gboolean
page_is (gpointer data)
{
  return g_strcmp0 (vitrine_demos_page_get_shown (demos.page), data) == 0;
}

static gboolean
page_reloaded (gpointer data)
{
  g_autofree char *mark = NULL;

  if (!demo_shown (&demos))
    return FALSE;
  mark = demo_eval (&demos, "String (window.vitrineMark)");
  return g_strcmp0 (mark, "undefined") == 0;
}

/* Whether @widget has a shortcut from @key with @modifiers to @action. */
static gboolean
has_shortcut (GtkWidget       *widget,
              guint            key,
              GdkModifierType  modifiers,
              const char      *action)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);
          GtkShortcutAction *named = gtk_shortcut_get_action (shortcut);

          if (GTK_IS_KEYVAL_TRIGGER (trigger) && GTK_IS_NAMED_ACTION (named) &&
              gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)) == key &&
              gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)) == modifiers &&
              g_strcmp0 (gtk_named_action_get_action_name (GTK_NAMED_ACTION (named)), action) == 0)
            return TRUE;
        }
    }
  return FALSE;
}

/* Runs @space_id here through the window's action; returns the seconds
 * from Run to a loaded page. */
static double
run_space (const char *space_id)
{
  gint64 start = g_get_monotonic_time ();

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (demos.window), "win.run-space", "s", space_id));
  wait_until (demo_shown, &demos, "the demo's page");
  return (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;
}

/* A static Space published to this computer's hub runs here, as its page
 * shows; stopped, nothing answers any more. */
static void
test_demos_static (void)
{
  const char *id = static_space ();
  VitrineSpaceRun *run;
  g_autofree char *text = NULL;
  g_autofree char *ran = NULL;
  g_autofree char *url = NULL;
  double first, again;
  guint port;

  first = run_space (id);
  run = vitrine_demos_page_get_run (demos.page);
  g_assert_true (run_state_is (run, VITRINE_SPACE_STATE_RUNNING));
  g_assert_cmpstr (vitrine_space_run_get_sdk (run), ==, "static");
  text = demo_eval (&demos, "document.getElementById('greeting').textContent");
  g_assert_cmpstr (text, ==, "Hello from a static Space");
  /* Its scripts run: a demo needs them. */
  ran = demo_eval (&demos, "document.body.dataset.ran");
  g_assert_cmpstr (ran, ==, "yes");
  wait_until (list_says_running, (gpointer) id, "the list to say it runs here");
  screenshot (GTK_WIDGET (demos.window), "demo-running");

  /* Reload (F5, Ctrl+R) loads the page again. */
  g_free (demo_eval (&demos, "window.vitrineMark = 'before reload'; 'marked'"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (demos.page), "demos.reload", NULL));
  wait_until (page_reloaded, NULL, "the page to load again");
  g_assert_true (has_shortcut (GTK_WIDGET (demos.page), GDK_KEY_F5, 0, "demos.reload"));
  g_assert_true (has_shortcut (GTK_WIDGET (demos.page), GDK_KEY_r, GDK_CONTROL_MASK, "demos.reload"));
  g_assert_true (has_shortcut (GTK_WIDGET (demos.page), GDK_KEY_r, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                               "demos.restart"));

  /* This computer's hub keeps Spaces but runs none. */
  vitrine_demos_page_show_on_hub (demos.page, TRUE);
  wait_until (page_is, "not-hosted", "the page that says it runs only here");
  vitrine_demos_page_show_on_hub (demos.page, FALSE);
  wait_until (demo_shown, &demos, "the demo's page again");

  /* Stop: nothing of it answers. */
  port = vitrine_space_run_get_port (run);
  url = g_strdup (vitrine_space_run_get_url (run));
  g_assert_cmpuint (port, >, 0);
  g_assert_true (port_answers (port));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (demos.page), "demos.run-or-stop", NULL));
  wait_until (page_is, "ready", "the demo to stop");
  g_assert_true (run_state_is (run, VITRINE_SPACE_STATE_STOPPED));
  g_assert_false (port_answers (port));

  /* Run again, its files already here. */
  {
    gint64 start = g_get_monotonic_time ();

    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (demos.page), "demos.run-or-stop", NULL));
    wait_until (demo_shown, &demos, "the demo's page");
    again = (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;
  }
  g_test_message ("static Space: Run to a loaded page in %.2f s, %.2f s the second time", first, again);
}

static gboolean
open_external_cb (VitrineDemoView *view,
                  const char      *uri,
                  char           **opened)
{
  g_free (*opened);
  *opened = g_strdup (uri);
  return TRUE;
}

static gboolean
string_set (gpointer data)
{
  return *(char **) data != NULL;
}

static void
on_download_finished_cb (VitrineDemoView *view,
                         const char      *path,
                         char           **saved)
{
  *saved = g_strdup (path);
}

static gboolean
message_dialog_shown (gpointer data)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        {
          *(AdwMessageDialog **) data = ADW_MESSAGE_DIALOG (window);
          return TRUE;
        }
    }
  return FALSE;
}

static gboolean
view_loaded (gpointer data)
{
  return !webkit_web_view_is_loading (data) && webkit_web_view_get_uri (data) != NULL;
}

/* A view on the application's own session, where the card preview's
 * pages live. */
static WebKitWebView *
application_session_view (void)
{
  g_autoptr(WebKitSettings) settings = webkit_settings_new_with_settings ("enable-javascript", TRUE, NULL);

  g_assert_true (webkit_network_session_is_ephemeral (vitrine_web_get_session ()));
  return g_object_ref_sink (g_object_new (WEBKIT_TYPE_WEB_VIEW,
                                          "web-context", vitrine_web_get_context (),
                                          "network-session", vitrine_web_get_session (),
                                          "settings", settings,
                                          NULL));
}

/* A demo is untrusted: it cannot read what the application's session or
 * another demo keeps, nor local files; it cannot take the view elsewhere;
 * it saves nothing unasked. */
static void
test_demos_untrusted (void)
{
  const char *id = static_space ();
  VitrineDemoView *view;
  WebKitWebView *web_view;
  g_autoptr(WebKitWebView) app_view = NULL;
  g_autofree char *url = NULL;
  g_autofree char *opened = NULL;
  g_autofree char *saved = NULL;
  g_autofree char *answer = NULL;

  run_space (id);
  view = vitrine_demos_page_get_view (demos.page);
  web_view = vitrine_demo_view_get_web_view (view);
  url = g_strdup (vitrine_space_run_get_url (vitrine_demos_page_get_run (demos.page)));
  g_assert_false (vitrine_demo_view_get_network_session (view) == vitrine_web_get_session ());
  g_assert_true (webkit_network_session_is_ephemeral (vitrine_demo_view_get_network_session (view)));

  /* The demo keeps things of its own. */
  answer = demo_eval (&demos, "document.cookie = 'demo=one; path=/'; localStorage.setItem('demo', 'one');"
                              " document.cookie + '|' + localStorage.getItem('demo')");
  g_assert_cmpstr (answer, ==, "demo=one|one");
  g_clear_pointer (&answer, g_free);

  /* A page of the same origin on the application's session stores a
   * secret, and reads it back there ... */
  app_view = application_session_view ();
  webkit_web_view_load_uri (app_view, url);
  wait_until (view_loaded, app_view, "the page on the application's session");
  answer = eval_in (app_view, "document.cookie = 'secret=application; path=/';"
                              " localStorage.setItem('secret', 'application');"
                              " document.cookie.includes('secret=application') + '|' + localStorage.getItem('secret')"
                              " + '|' + document.cookie.includes('demo=one')");
  /* ... where the demo's cookie is not either. */
  g_assert_cmpstr (answer, ==, "true|application|false");
  g_clear_pointer (&answer, g_free);

  /* The demo sees none of it. */
  answer = demo_eval (&demos, "document.cookie.includes('secret') + '|' + localStorage.getItem('secret')");
  g_assert_cmpstr (answer, ==, "false|null");
  g_clear_pointer (&answer, g_free);

  /* No local file: neither read ... */
  answer = call_in (web_view, "return fetch('file:///etc/hostname').then(r => r.text())"
                              ".then(() => 'read', () => 'refused');");
  g_assert_cmpstr (answer, ==, "refused");
  g_clear_pointer (&answer, g_free);
  answer = call_in (web_view, "return new Promise(resolve => {"
                              " const x = new XMLHttpRequest();"
                              " x.onload = () => resolve('read'); x.onerror = () => resolve('refused');"
                              " try { x.open('GET', 'file:///etc/hostname'); x.send(); } catch (e) { resolve('refused'); } });");
  g_assert_cmpstr (answer, ==, "refused");
  g_clear_pointer (&answer, g_free);
  /* ... nor shown. */
  g_free (demo_eval (&demos, "location.href = 'file:///etc/hostname'; 'asked'"));
  test_spin (1500);
  g_assert_cmpstr (webkit_web_view_get_uri (web_view), ==, url);
  answer = demo_eval (&demos, "location.href + '|' + document.getElementById('greeting').textContent");
  g_assert_true (g_str_has_prefix (answer, url));
  g_assert_true (g_str_has_suffix (answer, "|Hello from a static Space"));
  g_clear_pointer (&answer, g_free);

  /* A link to another site opens in the browser, not here. */
  g_signal_connect (view, "open-external", G_CALLBACK (open_external_cb), &opened);
  g_free (demo_eval (&demos, "document.getElementById('out').click(); 'clicked'"));
  wait_until (string_set, &opened, "the link to open in the browser");
  g_assert_cmpstr (opened, ==, "http://example.invalid/elsewhere");
  test_spin (500);
  g_assert_cmpstr (webkit_web_view_get_uri (web_view), ==, url);

  /* A download asks first: saved once the user says so ... */
  g_signal_connect (view, "download-finished", G_CALLBACK (on_download_finished_cb), &saved);
  {
    AdwMessageDialog *dialog = NULL;
    g_autofree char *text = NULL;

    g_free (demo_eval (&demos, "document.getElementById('save').click(); 'clicked'"));
    wait_until (message_dialog_shown, &dialog, "the question before saving");
    g_assert_null (saved);
    adw_message_dialog_response (dialog, "save");
    gtk_window_destroy (GTK_WINDOW (dialog));
    wait_until (string_set, &saved, "the file to be saved");
    g_assert_true (g_file_get_contents (saved, &text, NULL, NULL));
    g_assert_cmpstr (text, ==, "a,b\n1,2\n");
    g_unlink (saved);
    g_clear_pointer (&saved, g_free);
  }
  /* ... and not when they say no. */
  {
    AdwMessageDialog *dialog = NULL;
    g_autofree char *folder = g_build_filename (g_get_home_dir (), "Downloads", NULL);
    g_autoptr(GDir) dir = NULL;

    g_free (demo_eval (&demos, "document.getElementById('save').click(); 'clicked'"));
    wait_until (message_dialog_shown, &dialog, "the question before saving");
    adw_message_dialog_response (dialog, "cancel");
    gtk_window_destroy (GTK_WINDOW (dialog));
    test_spin (1500);
    g_assert_null (saved);
    dir = g_dir_open (folder, 0, NULL);
    g_assert_true (dir == NULL || g_dir_read_name (dir) == NULL);
  }

  /* Another demo shares nothing with this one, even on the same host. */
  {
    g_autofree char *folder = make_folder_with ((const char *[]) { "README.md", static_readme,
                                                                   "index.html", static_page, NULL });

    gpointer first = view;

    g_object_add_weak_pointer (G_OBJECT (view), &first);
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (demos.window), "win.run-folder", "s", folder));
    wait_until (demo_shown, &demos, "the second demo");
    /* A view of its own: the first one went with its demo. */
    g_assert_null (first);
    g_assert_cmpstr (webkit_web_view_get_uri (demo_web_view (&demos)), !=, url);
    answer = demo_eval (&demos, "document.cookie.includes('demo=one') + '|' + document.cookie.includes('secret')");
    g_assert_cmpstr (answer, ==, "false|false");
    g_clear_pointer (&answer, g_free);
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (demos.page), "demos.run-or-stop", NULL));
    wait_until (page_is, "ready", "the demo to stop");
    test_rm_rf (folder);
  }
}

static gboolean
error_page_shown (gpointer data)
{
  WebKitWebView *web_view = vitrine_demo_view_get_web_view (data);

  return !webkit_web_view_is_loading (web_view) && webkit_web_view_get_uri (web_view) != NULL &&
         g_str_has_prefix (webkit_web_view_get_uri (web_view), "http://127.0.0.1:");
}

/* A page that cannot load says why, in words; a non-web address is not
 * even tried. */
static void
test_demos_load_failure (void)
{
  GtkWidget *window = gtk_window_new ();
  VitrineDemoView *view = vitrine_demo_view_new ();
  g_autoptr(GSocket) socket = NULL;
  g_autoptr(GSocketAddress) address = NULL;
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autofree char *url = NULL;
  g_autofree char *shown = NULL;
  g_autoptr(GError) error = NULL;

  /* A port nothing listens on: bound, never listened. */
  socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP, &error);
  g_assert_no_error (error);
  address = g_inet_socket_address_new (loopback, 0);
  g_assert_true (g_socket_bind (socket, address, FALSE, &error));
  g_clear_object (&address);
  address = g_socket_get_local_address (socket, &error);
  url = g_strdup_printf ("http://127.0.0.1:%u/", g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (address)));

  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (view));
  gtk_window_present (GTK_WINDOW (window));
  g_assert_false (vitrine_demo_view_load (view, "file:///etc/hostname"));
  g_assert_false (vitrine_demo_view_load (view, "javascript:alert(1)"));
  g_assert_true (vitrine_demo_view_load (view, url));
  wait_until (error_page_shown, view, "the page that says what failed");
  shown = eval_in (vitrine_demo_view_get_web_view (view),
                   "document.getElementById('vitrine-load-error').querySelector('h1').textContent");
  g_assert_cmpstr (shown, ==, "The Demo Could Not Be Reached");
  gtk_window_destroy (GTK_WINDOW (window));
}

/* A docker-style Flask Space, run without a container, reads a model's
 * config.json from this computer's hub through HF_ENDPOINT. */
static void
test_demos_flask (void)
{
  g_autofree char *model = publish (&demos, VITRINE_REPO_TYPE_MODEL, "tiny-config", NULL,
                                    (const char *[]) { "config.json", "{\"model_type\": \"bert\", \"hidden_size\": 4242}",
                                                       "README.md", "---\nlicense: mit\npipeline_tag: text-classification\n---\n# Tiny\n",
                                                       NULL });
  g_autofree char *app = g_strdup_printf (
    "import json, os, urllib.request\n"
    "from flask import Flask\n"
    "\n"
    "app = Flask(__name__)\n"
    "\n"
    "@app.route('/')\n"
    "def index():\n"
    "    url = os.environ['HF_ENDPOINT'].rstrip('/') + '/%s/resolve/main/config.json'\n"
    "    with urllib.request.urlopen(url) as response:\n"
    "        config = json.load(response)\n"
    "    return '<!DOCTYPE html><html><body><p id=\"value\">%%d</p></body></html>' %% config['hidden_size']\n"
    "\n"
    "if __name__ == '__main__':\n"
    "    app.run(host='127.0.0.1', port=int(os.environ.get('PORT', 7860)))\n", model);
  g_autofree char *space = publish (&demos, VITRINE_REPO_TYPE_SPACE, "config-reader", "docker",
                                    (const char *[]) { "README.md", "---\ntitle: Config Reader\nsdk: docker\napp_port: 7860\n---\n",
                                                       "Dockerfile", "FROM python:3.11-slim\nWORKDIR /app\nCOPY . .\n"
                                                                     "ENV PORT=7860\nCMD [\"python\", \"app.py\"]\n",
                                                       "app.py", app, NULL });
  g_autofree char *value = NULL;
  double first, again;

  first = run_space (space);
  value = demo_eval (&demos, "document.getElementById('value').textContent");
  g_assert_cmpstr (value, ==, "4242");

  /* Again, with its environment made. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (demos.page), "demos.run-or-stop", NULL));
  wait_until (page_is, "ready", "the demo to stop");
  {
    gint64 start = g_get_monotonic_time ();

    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (demos.page), "demos.run-or-stop", NULL));
    wait_until (demo_shown, &demos, "the demo's page");
    again = (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;
  }
  g_test_message ("Flask Space: Run to a loaded page in %.2f s, %.2f s with its environment made", first, again);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (demos.page), "demos.run-or-stop", NULL));
  wait_until (page_is, "ready", "the demo to stop");
}

static const char standin_app[] =
  "import http.server, os\n"
  "\n"
  "class Handler(http.server.BaseHTTPRequestHandler):\n"
  "    def do_GET(self):\n"
  "        body = ('<!DOCTYPE html><html><body><h1 id=\"kind\">A gradio-kind stand-in</h1>'\n"
  "                '<p id=\"space\">%s</p></body></html>' % os.environ.get('SPACE_ID', '')).encode()\n"
  "        self.send_response(200)\n"
  "        self.send_header('Content-Type', 'text/html; charset=utf-8')\n"
  "        self.send_header('Content-Length', str(len(body)))\n"
  "        self.end_headers()\n"
  "        self.wfile.write(body)\n"
  "\n"
  "    def log_message(self, format, *args):\n"
  "        print('served', self.path, flush=True)\n"
  "\n"
  "with open(@PIDFILE@, 'w') as f:\n"
  "    f.write(str(os.getpid()))\n"
  "print('Running on local URL:  http://%s:%s' % (os.environ['GRADIO_SERVER_NAME'], os.environ['GRADIO_SERVER_PORT']), flush=True)\n"
  "server = http.server.ThreadingHTTPServer((os.environ['GRADIO_SERVER_NAME'], int(os.environ['GRADIO_SERVER_PORT'])), Handler)\n"
  "server.serve_forever()\n";

static gboolean
log_view_says (gpointer data)
{
  VitrineLogView *log_view = page_child ("log_view");
  g_autofree char *text = vitrine_log_view_dup_text (log_view);

  return strstr (text, data) != NULL;
}

/* The pane is scrolled to its end, with more lines than it shows. */
static gboolean
log_view_shows_end (gpointer data)
{
  GtkScrolledWindow *scroller = GTK_SCROLLED_WINDOW (gtk_widget_get_first_child (data));
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (scroller);
  double bottom = gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment);

  return bottom > 0 && gtk_adjustment_get_value (adjustment) >= bottom - 4;
}

/* A gradio-kind Space (a stand-in app that serves on GRADIO_SERVER_PORT,
 * since Gradio cannot be installed here) shows in the view, its output in
 * the log pane. */
static void
test_demos_gradio (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *tmp = g_dir_make_tmp ("vitrine-standin-XXXXXX", &error);
  g_autofree char *pid_file = g_build_filename (tmp, "app.pid", NULL);
  g_autofree char *quoted = g_strdup_printf ("'%s'", pid_file);
  g_autoptr(GString) app = g_string_new (standin_app);
  g_autofree char *space = NULL;
  g_autofree char *pid_text = NULL;
  pid_t pid;
  GtkWidget *log_view = page_child ("log_view");
  g_autofree char *kind = NULL;
  g_autofree char *seen_id = NULL;

  g_string_replace (app, "@PIDFILE@", quoted, 0);
  space = publish (&demos, VITRINE_REPO_TYPE_SPACE, "standin", "gradio",
                   (const char *[]) { "README.md", "---\ntitle: Stand-in\nsdk: gradio\napp_file: app.py\n---\n",
                                      "app.py", app->str, NULL });
  run_space (space);
  kind = demo_eval (&demos, "document.getElementById('kind').textContent");
  g_assert_cmpstr (kind, ==, "A gradio-kind stand-in");
  seen_id = demo_eval (&demos, "document.getElementById('space').textContent");
  g_assert_cmpstr (seen_id, ==, space);

  /* The Log button shows what the app says, as it says it. */
  g_assert_false (gtk_widget_get_visible (log_view));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (demos.page), "demos.show-log", NULL));
  g_assert_true (gtk_widget_get_visible (log_view));
  wait_until (log_view_says, "Running on local URL", "the app's output in the log pane");
  /* More lines than the pane shows: it follows the last one. */
  g_free (demo_eval (&demos, "(async () => { for (let i = 0; i < 60; i++) await fetch('/line' + i); })(); 'asked'"));
  wait_until (log_view_says, "served /line59", "the new lines in the log pane");
  wait_until (log_view_shows_end, log_view, "the log pane to show its last line");
  g_assert_true (vitrine_log_view_is_at_end (VITRINE_LOG_VIEW (log_view)));
  screenshot (GTK_WIDGET (demos.window), "demo-log");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (demos.page), "demos.show-log", NULL));
  g_assert_false (gtk_widget_get_visible (log_view));

  /* Stop: nothing of the app remains. */
  g_assert_true (g_file_get_contents (pid_file, &pid_text, NULL, NULL));
  pid = (pid_t) g_ascii_strtoll (pid_text, NULL, 10);
  g_assert_cmpint (pid, >, 0);
  g_assert_false (process_gone (pid));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (demos.page), "demos.run-or-stop", NULL));
  wait_until (page_is, "ready", "the demo to stop");
  g_assert_true (process_gone (pid));
  test_rm_rf (tmp);
}

static void
count_crashes_cb (VitrineSpaceRun *run,
                  GParamSpec      *pspec,
                  guint           *crashes)
{
  if (vitrine_space_run_get_state (run) == VITRINE_SPACE_STATE_CRASHED)
    (*crashes)++;
}

static gboolean
crashed_again (gpointer data)
{
  return *(guint *) data > 0;
}

/* An app that crashes: the page says so with the log's last lines, and
 * Retry runs it again. */
static void
test_demos_crash (void)
{
  g_autofree char *space = publish (&demos, VITRINE_REPO_TYPE_SPACE, "crasher", "gradio",
                                    (const char *[]) { "README.md", "---\ntitle: Crasher\nsdk: gradio\napp_file: app.py\n---\n",
                                                       "app.py", "print('loading the weights', flush=True)\n"
                                                                 "raise RuntimeError('boom: the weights are missing')\n",
                                                       NULL });
  AdwStatusPage *problem = page_child ("problem_status");
  GtkLabel *lines = page_child ("problem_log");
  VitrineSpaceRun *run;
  guint crashes = 0;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (demos.window), "win.run-space", "s", space));
  wait_until (demo_stopped_with_problem, &demos, "the page that says it crashed");
  run = vitrine_demos_page_get_run (demos.page);
  g_assert_true (run_state_is (run, VITRINE_SPACE_STATE_CRASHED));
  g_assert_cmpstr (adw_status_page_get_title (problem), ==, "The Demo Stopped");
  g_assert_nonnull (strstr (gtk_label_get_label (lines), "RuntimeError: boom: the weights are missing"));
  g_assert_nonnull (strstr (gtk_label_get_label (lines), "loading the weights"));
  screenshot (GTK_WIDGET (demos.window), "demo-crash");

  /* Retry is Restart: it runs, and crashes, again. */
  g_signal_connect (run, "notify::state", G_CALLBACK (count_crashes_cb), &crashes);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (demos.page), "demos.restart", NULL));
  wait_until (crashed_again, &crashes, "the second crash");
  wait_until (demo_stopped_with_problem, &demos, "the page that says it crashed again");
  g_assert_true (run_state_is (run, VITRINE_SPACE_STATE_CRASHED));
  g_signal_handlers_disconnect_by_func (run, count_crashes_cb, &crashes);
}

static gboolean
greeting_is (gpointer data)
{
  g_autofree char *text = NULL;

  if (!demo_shown (&demos))
    return FALSE;
  text = demo_eval (&demos, "document.getElementById('greeting') ? document.getElementById('greeting').textContent : ''");
  return g_strcmp0 (text, data) == 0;
}

/* Run a Folder: the page follows the folder's files. */
static void
test_demos_folder_watch (void)
{
  g_autofree char *folder = make_folder_with ((const char *[]) { "README.md", static_readme,
                                                                 "index.html", static_page, NULL });
  g_autofree char *page = g_build_filename (folder, "index.html", NULL);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (demos.window), "win.run-folder", "s", folder));
  wait_until (greeting_is, "Hello from a static Space", "the folder's page");
  g_assert_true (g_file_set_contents (page, "<!DOCTYPE html><h1 id=\"greeting\">Changed on disk</h1>", -1, NULL));
  wait_until (greeting_is, "Changed on disk", "the page to follow its file");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (demos.page), "demos.run-or-stop", NULL));
  wait_until (page_is, "ready", "the demo to stop");
  test_rm_rf (folder);
}

static int test_status;

static void
run_tests (void)
{
  test_status = g_test_run ();
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  gtk_test_init (&argc, &argv, NULL);
  /* WebKit's sandbox needs a plain program name. */
  g_set_prgname ("vitrine-test-demos");
  adw_init ();

  g_test_add_func ("/app/demos/static", test_demos_static);
  g_test_add_func ("/app/demos/untrusted", test_demos_untrusted);
  g_test_add_func ("/app/demos/load-failure", test_demos_load_failure);
  g_test_add_func ("/app/demos/flask", test_demos_flask);
  g_test_add_func ("/app/demos/gradio", test_demos_gradio);
  g_test_add_func ("/app/demos/crash", test_demos_crash);
  g_test_add_func ("/app/demos/folder-watch", test_demos_folder_watch);

  ret = demos_run (&demos, "io.github.vitrine.Vitrine.DemosTest", run_tests);
  g_assert_cmpint (ret, ==, 0);
  return test_status;
}
