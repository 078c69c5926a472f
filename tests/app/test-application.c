/* test-application.c — the application starts this computer's hub and
 * stops it when it quits
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

static gint64 hub_pid;
static char *whoami_name;

static gboolean
check_cb (gpointer data)
{
  VitrineApplication *app = data;
  VitrineClient *client = vitrine_application_get_local_client (app);
  g_autoptr(JsonNode) me = NULL;

  if (client == NULL)
    return G_SOURCE_CONTINUE;

  /* Signed in on the hub it started, which says where it is. */
  me = vitrine_client_whoami (client, NULL, NULL);
  g_assert_nonnull (me);
  whoami_name = g_strdup (json_object_get_string_member (json_node_get_object (me), "name"));
  hub_pid = test_discovery_pid ();
  g_assert_cmpint (hub_pid, >, 0);
  g_assert_cmpint (kill ((pid_t) hub_pid, 0), ==, 0);
  g_application_quit (G_APPLICATION (app));
  return G_SOURCE_REMOVE;
}

static gboolean
timeout_cb (gpointer data)
{
  g_error ("This computer's hub did not start");
  return G_SOURCE_REMOVE;
}

static void
test_application_local_hub (void)
{
  g_autoptr(VitrineApplication) app = vitrine_application_new ("io.github.vitrine.Vitrine.TestHub",
                                                               G_APPLICATION_NON_UNIQUE);
  guint timeout = g_timeout_add_seconds (60, timeout_cb, NULL);
  int status;

  g_timeout_add (50, check_cb, app);
  status = g_application_run (G_APPLICATION (app), 0, NULL);
  g_source_remove (timeout);
  g_assert_cmpint (status, ==, 0);
  g_assert_nonnull (whoami_name);

  /* Quitting stopped it: no process, no discovery file. */
  g_assert_cmpint (test_discovery_pid (), ==, 0);
  g_assert_cmpint (kill ((pid_t) hub_pid, 0), !=, 0);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  g_set_prgname ("vitrine-test-application");

  g_test_add_func ("/app/application/local-hub", test_application_local_hub);
  return g_test_run ();
}
