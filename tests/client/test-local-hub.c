/* test-local-hub.c — this computer's hub: started, found, stopped
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <signal.h>
#include <string.h>
#include <unistd.h>
#include <glib/gstdio.h>

#include "../test-util.h"

#include "vitrine-credentials.h"
#include "vitrine-local-hub.h"

static char *tmp;

static VitrineClient *
start (VitrineLocalHub  *hub,
       GError          **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  vitrine_local_hub_start_async (hub, NULL, test_keep_result_cb, &result);
  while (!test_has_result (&result))
    g_main_context_iteration (NULL, TRUE);
  return vitrine_local_hub_start_finish (hub, result, error);
}

static char *
whoami (VitrineClient *client)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VitrineWhoami) me = vitrine_client_whoami (client, NULL, &error);

  g_assert_no_error (error);
  return g_strdup (vitrine_whoami_get_name (me));
}

static void
test_local_hub_lifecycle (void)
{
  g_autofree char *data_dir = g_build_filename (tmp, "hub", NULL);
  g_autoptr(VitrineLocalHub) first = vitrine_local_hub_new (data_dir);
  g_autoptr(VitrineLocalHub) second = vitrine_local_hub_new (data_dir);
  g_autoptr(VitrineLocalHub) third = vitrine_local_hub_new (data_dir);
  g_autoptr(VitrineClient) client = NULL;
  g_autoptr(VitrineClient) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *name_again = NULL;
  g_autofree char *url = NULL;
  g_autofree char *key = NULL;
  g_autofree char *stored = NULL;
  gint64 pid;

  /* Nothing runs: it is started, and the user gets an account. */
  client = start (first, &error);
  g_assert_no_error (error);
  g_assert_true (vitrine_local_hub_is_child (first));
  url = g_strdup (vitrine_local_hub_get_url (first));
  g_assert_true (g_str_has_prefix (url, "http://127.0.0.1:"));
  g_assert_cmpstr (vitrine_client_get_endpoint (client), ==, url);
  name = whoami (client);
  g_assert_nonnull (name);
  g_assert_cmpstr (vitrine_local_hub_get_user_name (first), ==, name);
  pid = test_discovery_pid ();
  g_assert_cmpint (pid, >, 0);
  g_assert_cmpint (kill ((pid_t) pid, 0), ==, 0);

  /* The token is kept under the data folder's name, not the port's. */
  key = vitrine_credentials_local_hub_token_key (vitrine_local_hub_get_data_dir (first));
  stored = vitrine_credentials_lookup_stored_token (key);
  g_assert_nonnull (stored);

  /* Other tools find it and its token too: vitrine-cli with no endpoint. */
  {
    const char *argv[] = { g_getenv ("VITRINE_CLI_EXE"), "whoami", NULL };
    g_autofree char *out = NULL;
    g_autofree char *expected = g_strconcat (name, "\n", NULL);
    int wait_status = 0;

    g_assert_nonnull (argv[0]);
    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                                 &out, NULL, &wait_status, &error));
    g_assert_no_error (error);
    g_assert_true (g_spawn_check_wait_status (wait_status, NULL));
    g_assert_cmpstr (out, ==, expected);
  }

  /* Running: found and reused, with the same account. */
  again = start (second, &error);
  g_assert_no_error (error);
  g_assert_false (vitrine_local_hub_is_child (second));
  g_assert_cmpstr (vitrine_local_hub_get_url (second), ==, url);
  name_again = whoami (again);
  g_assert_cmpstr (name_again, ==, name);
  g_assert_cmpstr (vitrine_local_hub_get_user_name (second), ==, name);
  g_clear_object (&again);
  g_clear_pointer (&name_again, g_free);

  /* Whoever found it leaves it running; whoever started it stops it. */
  vitrine_local_hub_stop (second);
  g_assert_cmpint (kill ((pid_t) pid, 0), ==, 0);
  vitrine_local_hub_stop (first);
  g_assert_cmpint (test_discovery_pid (), ==, 0);
  g_assert_cmpint (kill ((pid_t) pid, 0), !=, 0);

  /* Started again: a new process, the same account, no new token. */
  again = start (third, &error);
  g_assert_no_error (error);
  g_assert_true (vitrine_local_hub_is_child (third));
  g_assert_cmpint (test_discovery_pid (), !=, pid);
  name_again = whoami (again);
  g_assert_cmpstr (name_again, ==, name);
  {
    g_autofree char *still = vitrine_credentials_lookup_stored_token (key);
    g_assert_cmpstr (still, ==, stored);
  }
  vitrine_local_hub_stop (third);
}

/* A hub that runs but refuses the kept token: the user gets a new token
 * for the same account, and it is kept. */
static void
test_local_hub_token_refused (void)
{
  g_autofree char *data_dir = g_build_filename (tmp, "refused", NULL);
  g_autoptr(VitrineLocalHub) first = vitrine_local_hub_new (data_dir);
  g_autoptr(VitrineLocalHub) second = NULL;
  g_autoptr(VitrineClient) client = NULL;
  g_autoptr(VitrineClient) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *key = NULL;
  g_autofree char *stored = NULL;
  g_autofree char *name = NULL;
  g_autofree char *name_again = NULL;

  client = start (first, &error);
  g_assert_no_error (error);
  name = whoami (client);
  key = vitrine_credentials_local_hub_token_key (vitrine_local_hub_get_data_dir (first));
  g_assert_true (vitrine_credentials_store_token (key, "hf_notatokenofthishub", NULL, &error));
  g_assert_no_error (error);

  second = vitrine_local_hub_new (data_dir);
  again = start (second, &error);
  g_assert_no_error (error);
  g_assert_false (vitrine_local_hub_is_child (second));
  name_again = whoami (again);
  g_assert_cmpstr (name_again, ==, name);
  stored = vitrine_credentials_lookup_stored_token (key);
  g_assert_cmpstr (stored, !=, "hf_notatokenofthishub");

  vitrine_local_hub_stop (second);
  vitrine_local_hub_stop (first);
}

/* A discovery file left behind, naming a live process (this one) where no
 * hub answers: a hub is started rather than trusted. */
static void
test_local_hub_left_behind (void)
{
  g_autofree char *data_dir = g_build_filename (tmp, "left-behind", NULL);
  g_autoptr(VitrineLocalHub) hub = vitrine_local_hub_new (data_dir);
  g_autoptr(VitrineClient) client = NULL;
  g_autoptr(GSocket) socket = NULL;
  g_autoptr(GSocketAddress) any = NULL;
  g_autoptr(GSocketAddress) bound = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dead_url = NULL;
  g_autofree char *name = NULL;

  /* A port nothing listens on: bound, never listened on, closed. */
  socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP, &error);
  g_assert_no_error (error);
  any = g_inet_socket_address_new_from_string ("127.0.0.1", 0);
  g_assert_true (g_socket_bind (socket, any, FALSE, &error));
  bound = g_socket_get_local_address (socket, &error);
  g_assert_no_error (error);
  dead_url = g_strdup_printf ("http://127.0.0.1:%u",
                              g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound)));
  g_socket_close (socket, NULL);

  g_assert_cmpint (g_mkdir_with_parents (data_dir, 0700), ==, 0);
  g_assert_true (vitrine_discovery_write (dead_url, vitrine_local_hub_get_data_dir (hub), &error));
  g_assert_no_error (error);
  g_assert_cmpint (test_discovery_pid (), ==, getpid ());

  client = start (hub, &error);
  g_assert_no_error (error);
  g_assert_true (vitrine_local_hub_is_child (hub));
  g_assert_cmpstr (vitrine_local_hub_get_url (hub), !=, dead_url);
  g_assert_cmpint (test_discovery_pid (), !=, getpid ());
  name = whoami (client);
  g_assert_nonnull (name);
  vitrine_local_hub_stop (hub);
}

/* A hub program that fails says so instead of hanging. */
static void
test_local_hub_broken_program (void)
{
  g_autofree char *data_dir = g_build_filename (tmp, "broken", NULL);
  g_autoptr(VitrineLocalHub) hub = vitrine_local_hub_new (data_dir);
  g_autoptr(VitrineClient) client = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *saved = g_strdup (g_getenv ("VITRINE_HUB_EXE"));

  g_setenv ("VITRINE_HUB_EXE", "/bin/false", TRUE);
  client = start (hub, &error);
  g_setenv ("VITRINE_HUB_EXE", saved, TRUE);
  g_assert_null (client);
  g_assert_nonnull (error);
  g_assert_null (vitrine_local_hub_get_url (hub));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  tmp = g_dir_make_tmp ("vitrine-local-hub-XXXXXX", NULL);
  g_assert_nonnull (tmp);

  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/client/local-hub/lifecycle", test_local_hub_lifecycle);
  g_test_add_func ("/client/local-hub/token-refused", test_local_hub_token_refused);
  g_test_add_func ("/client/local-hub/left-behind", test_local_hub_left_behind);
  g_test_add_func ("/client/local-hub/broken-program", test_local_hub_broken_program);
  status = g_test_run ();
  test_rm_rf (tmp);
  g_free (tmp);
  return status;
}
