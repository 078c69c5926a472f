/* test-application.c — the application starts this computer's hub, says
 * so through its properties, and stops it when it quits: from its menu,
 * on SIGTERM or on SIGINT; killed outright, it leaves the hub for the
 * next start
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <signal.h>
#include <adwaita.h>
#include <glib/gstdio.h>

#include "../test-util.h"

#include "vitrine-application.h"
#include "vitrine-card-editor.h"
#include "vitrine-error.h"
#include "vitrine-local-hub.h"
#include "vitrine-web.h"
#include "vitrine-window.h"


typedef struct
{
  guint   local_client_notes;
  guint   current_account_notes;
  gint64  hub_pid;
  char   *whoami_name;
  char   *local_url;
} Seen;

static void
seen_clear (Seen *seen)
{
  g_clear_pointer (&seen->whoami_name, g_free);
  g_clear_pointer (&seen->local_url, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Seen, seen_clear)

static void
on_local_client_cb (VitrineApplication *app,
                    GParamSpec         *pspec,
                    Seen               *seen)
{
  VitrineClient *client = vitrine_application_get_local_client (app);
  g_autoptr(VitrineWhoami) me = NULL;

  seen->local_client_notes++;
  g_assert_nonnull (client);

  /* Signed in on the hub it started, which says where it is. */
  me = vitrine_client_whoami (client, NULL, NULL);
  g_assert_nonnull (me);
  seen->whoami_name = g_strdup (vitrine_whoami_get_name (me));
  seen->local_url = g_strdup (vitrine_client_get_endpoint (client));
  seen->hub_pid = test_discovery_pid ();
  g_assert_cmpint (seen->hub_pid, >, 0);
  g_assert_cmpint (kill ((pid_t) seen->hub_pid, 0), ==, 0);
}

static void
on_current_account_cb (VitrineApplication *app,
                       GParamSpec         *pspec,
                       Seen               *seen)
{
  seen->current_account_notes++;
  g_assert_nonnull (vitrine_application_get_current_account (app));
}

/* The window's card editor follows the current account: it has a hub to
 * compare with, and only lacks the repository's name. */
static void
assert_editor_has_hub (VitrineApplication *app)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));
  VitrineCardEditor *editor;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *theirs = NULL;

  g_assert_true (VITRINE_IS_WINDOW (window));
  editor = VITRINE_CARD_EDITOR (vitrine_window_get_card_editor (VITRINE_WINDOW (window)));
  vitrine_card_editor_compare_async (editor, NULL, test_keep_result_cb, &result);
  while (!test_has_result (&result))
    g_main_context_iteration (NULL, TRUE);
  theirs = vitrine_card_editor_compare_finish (editor, result, NULL, &error);
  g_assert_null (theirs);
  g_assert_error (error, VITRINE_ERROR, VITRINE_ERROR_INVALID_REPO_ID);
}

/* Quits once both properties are set, as Ctrl+Q does. */
static void
quit_when_ready_cb (VitrineApplication *app,
                    GParamSpec         *pspec,
                    gpointer            user_data)
{
  if (vitrine_application_get_local_client (app) != NULL &&
      vitrine_application_get_current_account (app) != NULL)
    {
      assert_editor_has_hub (app);
      g_action_group_activate_action (G_ACTION_GROUP (app), "quit", NULL);
    }
}

static gboolean
timeout_cb (gpointer data)
{
  g_error ("This computer's hub did not start");
  return G_SOURCE_REMOVE;
}

/* Runs an application until it has this computer's hub and an account, and
 * quits it as Ctrl+Q does. */
static VitrineApplication *
run_application (Seen *seen)
{
  VitrineApplication *app = vitrine_application_new ("io.github.vitrine.Vitrine.TestHub",
                                                     G_APPLICATION_NON_UNIQUE);
  guint timeout = g_timeout_add_seconds (60, timeout_cb, NULL);
  int status;

  g_signal_connect (app, "notify::local-client", G_CALLBACK (on_local_client_cb), seen);
  g_signal_connect (app, "notify::current-account", G_CALLBACK (on_current_account_cb), seen);
  g_signal_connect_after (app, "notify::local-client", G_CALLBACK (quit_when_ready_cb), NULL);
  g_signal_connect_after (app, "notify::current-account", G_CALLBACK (quit_when_ready_cb), NULL);
  status = g_application_run (G_APPLICATION (app), 0, NULL);
  g_source_remove (timeout);
  g_assert_cmpint (status, ==, 0);
  return app;
}

static void
test_application_local_hub (void)
{
  g_auto(Seen) seen = { 0 };
  g_autoptr(VitrineApplication) app = NULL;
  VitrineAccount *account;

  app = run_application (&seen);
  g_assert_cmpuint (seen.local_client_notes, ==, 1);
  g_assert_cmpuint (seen.current_account_notes, ==, 1);
  g_assert_nonnull (seen.whoami_name);

  /* With no HF_ENDPOINT, the account is the user's on this computer. */
  account = vitrine_application_get_current_account (app);
  g_assert_nonnull (account);
  g_assert_cmpint (vitrine_account_get_kind (account), ==, VITRINE_ACCOUNT_KIND_LOCAL);
  g_assert_cmpstr (vitrine_account_get_label (account), ==, "This Computer");
  g_assert_cmpstr (vitrine_account_get_name (account), ==, seen.whoami_name);
  g_assert_true (vitrine_account_get_client (account) == vitrine_application_get_local_client (app));

  /* Quitting stopped it: no process, no discovery file. */
  g_assert_cmpint (test_discovery_pid (), ==, 0);
  g_assert_cmpint (kill ((pid_t) seen.hub_pid, 0), !=, 0);
}

/* A hub HF_ENDPOINT names is the account windows use, with its token;
 * this computer's hub still starts. */
static void
test_application_configured (void)
{
  g_auto(Seen) seen = { 0 };
  g_autoptr(VitrineApplication) app = NULL;
  VitrineAccount *account;

  g_setenv ("HF_ENDPOINT", "http://127.0.0.1:9/", TRUE);
  g_setenv ("HF_TOKEN", "hf_fromtheenvironment", TRUE);
  app = run_application (&seen);
  g_unsetenv ("HF_ENDPOINT");
  g_unsetenv ("HF_TOKEN");

  g_assert_cmpuint (seen.current_account_notes, ==, 1);
  account = vitrine_application_get_current_account (app);
  g_assert_cmpint (vitrine_account_get_kind (account), ==, VITRINE_ACCOUNT_KIND_OTHER);
  g_assert_cmpstr (vitrine_account_get_endpoint (account), ==, "http://127.0.0.1:9");
  g_assert_true (vitrine_client_has_token (vitrine_account_get_client (account)));
  g_assert_nonnull (vitrine_application_get_local_client (app));
  g_assert_cmpstr (vitrine_client_get_endpoint (vitrine_application_get_local_client (app)), ==, seen.local_url);
  g_assert_cmpint (test_discovery_pid (), ==, 0);
}

static gboolean
check_web_cb (gpointer data)
{
  VitrineApplication *app = data;

  /* The application's own, and the ones every view gets. */
  g_assert_nonnull (vitrine_application_get_web_context (app));
  g_assert_true (vitrine_web_get_context () == vitrine_application_get_web_context (app));
  g_assert_nonnull (vitrine_application_get_network_session (app));
  g_assert_true (vitrine_web_get_session () == vitrine_application_get_network_session (app));
  g_assert_true (webkit_network_session_is_ephemeral (vitrine_web_get_session ()));
  g_application_quit (G_APPLICATION (app));
  return G_SOURCE_REMOVE;
}

static void
on_startup_cb (GApplication *app,
               gpointer      user_data)
{
  g_idle_add (check_web_cb, app);
}

static void
test_application_web (void)
{
  g_autoptr(VitrineApplication) app = vitrine_application_new ("io.github.vitrine.Vitrine.TestWeb",
                                                               G_APPLICATION_NON_UNIQUE);
  WebKitWebContext *fallback;

  g_signal_connect_after (app, "startup", G_CALLBACK (on_startup_cb), NULL);
  g_assert_cmpint (g_application_run (G_APPLICATION (app), 0, NULL), ==, 0);

  /* Without a running application, views still share one. */
  g_clear_object (&app);
  fallback = vitrine_web_get_context ();
  g_assert_nonnull (fallback);
  g_assert_true (vitrine_web_get_context () == fallback);
  vitrine_web_shutdown ();
}

/* The real `vitrine`, with this test's private folders. */
static GSubprocess *
spawn_vitrine (void)
{
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_NONE);
  g_autoptr(GError) error = NULL;
  const char *exe = g_getenv ("VITRINE_EXE");
  GSubprocess *app;

  g_assert_nonnull (exe);
  /* What is checked here is how it ends, not the toolkit's memory: the
   * sanitizer build must not turn its exit status into a leak report. */
  g_subprocess_launcher_setenv (launcher, "ASAN_OPTIONS", "detect_leaks=0:abort_on_error=1", TRUE);
  app = g_subprocess_launcher_spawn (launcher, &error, exe, NULL);
  g_assert_no_error (error);
  return app;
}

/* Waits until the application's hub has said where it is. */
static gint64
wait_for_hub (GSubprocess *app)
{
  gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

  for (;;)
    {
      gint64 pid = test_discovery_pid ();

      if (pid > 0 && kill ((pid_t) pid, 0) == 0)
        return pid;
      g_assert_nonnull (g_subprocess_get_identifier (app));
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_usleep (20 * 1000);
    }
}

/* Whether @app ended within @seconds. */
static gboolean
wait_gone (GSubprocess *app,
           guint        seconds)
{
  gint64 deadline = g_get_monotonic_time () + seconds * G_USEC_PER_SEC;

  while (g_subprocess_get_identifier (app) != NULL)
    {
      if (g_get_monotonic_time () > deadline)
        return FALSE;
      g_usleep (10 * 1000);
    }
  g_assert_true (g_subprocess_wait (app, NULL, NULL));
  return TRUE;
}

static void
test_application_quit_signal (gconstpointer data)
{
  int signum = GPOINTER_TO_INT (data);
  g_autoptr(GSubprocess) app = spawn_vitrine ();
  gint64 hub_pid = wait_for_hub (app);

  g_subprocess_send_signal (app, signum);
  if (!wait_gone (app, 10))
    {
      g_subprocess_force_exit (app);
      g_error ("vitrine did not quit within 10 seconds of signal %d", signum);
    }

  /* It quit as Ctrl+Q does ... */
  g_assert_true (g_subprocess_get_if_exited (app));
  g_assert_cmpint (g_subprocess_get_exit_status (app), ==, 0);
  /* ... and stopped the hub it started. */
  g_assert_cmpint (kill ((pid_t) hub_pid, 0), !=, 0);
  g_assert_cmpint (test_discovery_pid (), ==, 0);
}

static void
test_application_killed (void)
{
  g_autoptr(GSubprocess) app = spawn_vitrine ();
  gint64 hub_pid = wait_for_hub (app);
  g_autofree char *url = NULL;
  g_auto(Seen) seen = { 0 };
  g_autoptr(VitrineApplication) next = NULL;

  g_subprocess_send_signal (app, SIGKILL);
  g_assert_true (wait_gone (app, 10));
  g_assert_true (g_subprocess_get_if_signaled (app));

  /* The hub outlives it and still says where it is ... */
  g_assert_cmpint (kill ((pid_t) hub_pid, 0), ==, 0);
  g_assert_cmpint (test_discovery_pid (), ==, hub_pid);
  g_assert_true (vitrine_discovery_read (&url, NULL, NULL));

  /* ... so the next start uses it, signed in as before, and leaves it
   * running when it quits, since it did not start it. */
  next = run_application (&seen);
  g_assert_cmpstr (seen.local_url, ==, url);
  g_assert_cmpint (seen.hub_pid, ==, hub_pid);
  g_assert_nonnull (seen.whoami_name);
  g_assert_cmpint (kill ((pid_t) hub_pid, 0), ==, 0);
  g_assert_cmpint (test_discovery_pid (), ==, hub_pid);

  /* Stopped by hand, as a hub found running is left alone. */
  g_assert_cmpint (kill ((pid_t) hub_pid, SIGTERM), ==, 0);
  {
    gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

    while (test_discovery_pid () != 0 && g_get_monotonic_time () < deadline)
      g_usleep (20 * 1000);
    g_assert_cmpint (test_discovery_pid (), ==, 0);
  }
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  g_set_prgname ("vitrine-test-application");

  g_test_add_func ("/app/application/local-hub", test_application_local_hub);
  g_test_add_func ("/app/application/configured", test_application_configured);
  g_test_add_func ("/app/application/web", test_application_web);
  g_test_add_data_func ("/app/application/sigterm", GINT_TO_POINTER (SIGTERM), test_application_quit_signal);
  g_test_add_data_func ("/app/application/sigint", GINT_TO_POINTER (SIGINT), test_application_quit_signal);
  g_test_add_func ("/app/application/killed", test_application_killed);
  return g_test_run ();
}
