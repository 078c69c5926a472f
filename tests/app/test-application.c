/* test-application.c — the application starts this computer's hub, says
 * so through its properties, and stops it when it quits
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
#include "vitrine-local-hub.h"
#include "vitrine-web.h"

static char *tmp;

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
  g_autoptr(JsonNode) me = NULL;

  seen->local_client_notes++;
  g_assert_nonnull (client);

  /* Signed in on the hub it started, which says where it is. */
  me = vitrine_client_whoami (client, NULL, NULL);
  g_assert_nonnull (me);
  seen->whoami_name = g_strdup (json_object_get_string_member (json_node_get_object (me), "name"));
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

/* Quits once both properties are set. */
static void
quit_when_ready_cb (VitrineApplication *app,
                    GParamSpec         *pspec,
                    gpointer            user_data)
{
  if (vitrine_application_get_local_client (app) != NULL &&
      vitrine_application_get_current_account (app) != NULL)
    g_action_group_activate_action (G_ACTION_GROUP (app), "quit", NULL);
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

int
main (int   argc,
      char *argv[])
{
  int status;

  /* Private folders, set before GLib reads them. */
  tmp = test_isolate_home ("vitrine-application-XXXXXX");

  gtk_test_init (&argc, &argv, NULL);
  g_set_prgname ("vitrine-test-application");

  g_test_add_func ("/app/application/local-hub", test_application_local_hub);
  g_test_add_func ("/app/application/configured", test_application_configured);
  g_test_add_func ("/app/application/web", test_application_web);
  status = g_test_run ();
  test_rm_rf (tmp);
  g_free (tmp);
  return status;
}
