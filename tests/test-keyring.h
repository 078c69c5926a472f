/* test-keyring.h — the real GNOME keyring on a test's private bus
 *
 * test-isolate.c gives every test program a session bus of its own, on
 * which no keyring starts by itself.  A test that needs the Secret
 * Service starts gnome-keyring-daemon there with test_keyring_start(): a
 * login keyring with an empty password, made and unlocked in the test's
 * own home, which the daemon serves until the test stops it (or its bus
 * goes, at the end of the program).  secret-tool reads it as any other
 * program would.
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <signal.h>
#include <string.h>
#include <gio/gio.h>

#define TEST_SECRET_SERVICE "org.freedesktop.secrets"

static inline gboolean
test_keyring_has_owner (GDBusConnection *bus)
{
  g_autoptr(GVariant) reply = NULL;
  gboolean has = FALSE;

  reply = g_dbus_connection_call_sync (bus, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                       "org.freedesktop.DBus", "NameHasOwner",
                                       g_variant_new ("(s)", TEST_SECRET_SERVICE), G_VARIANT_TYPE ("(b)"),
                                       G_DBUS_CALL_FLAGS_NONE, -1, NULL, NULL);
  if (reply != NULL)
    g_variant_get (reply, "(b)", &has);
  return has;
}

/* Runs secret-tool with @args; its standard output, or NULL when it
 * failed (nothing found, no keyring). */
static inline char *
test_secret_tool (const char * const *args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  int status = 0;

  g_ptr_array_add (argv, (gpointer) "secret-tool");
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);
  if (!g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                     NULL, NULL, &out, NULL, &status, &error))
    g_error ("secret-tool could not run: %s", error->message);
  if (!g_spawn_check_wait_status (status, NULL))
    return NULL;
  return g_steal_pointer (&out);
}

/* Starts the keyring daemon and waits until it serves the Secret Service
 * and its default collection answers; stop it with test_keyring_stop(). */
static inline GSubprocess *
test_keyring_start (void)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GDBusConnection) bus = NULL;
  g_autoptr(GError) error = NULL;
  GSubprocess *daemon;
  GOutputStream *in;
  gint64 deadline;
  const char * const store[] = { "store", "--label=vitrine test", "vitrine-test", "warm-up", NULL };
  const char * const lookup[] = { "lookup", "vitrine-test", "warm-up", NULL };
  const char * const clear[] = { "clear", "vitrine-test", "warm-up", NULL };

  bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (test_keyring_has_owner (bus));

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_SILENCE);
  daemon = g_subprocess_launcher_spawn (launcher, &error, "gnome-keyring-daemon", "--foreground",
                                        "--unlock", "--components=secrets", NULL);
  if (daemon == NULL)
    g_error ("gnome-keyring-daemon could not start (build-aux/setup.sh installs it): %s", error->message);
  /* The login keyring's password: empty, on one line. */
  in = g_subprocess_get_stdin_pipe (daemon);
  g_assert_true (g_output_stream_write_all (in, "\n", 1, NULL, NULL, &error));
  g_assert_true (g_output_stream_close (in, NULL, &error));
  g_assert_no_error (error);

  deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;
  while (!test_keyring_has_owner (bus))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_usleep (20 * 1000);
    }

  /* The default collection answers before any test relies on it. */
  {
    g_autoptr(GSubprocess) tool = g_subprocess_new (G_SUBPROCESS_FLAGS_STDIN_PIPE, &error, "secret-tool",
                                                    store[0], store[1], store[2], store[3], NULL);
    g_autofree char *found = NULL;

    g_assert_no_error (error);
    g_assert_true (g_subprocess_communicate_utf8 (tool, "warm", NULL, NULL, NULL, &error));
    g_assert_no_error (error);
    g_assert_true (g_subprocess_get_successful (tool));
    found = test_secret_tool (lookup);
    g_assert_cmpstr (found, ==, "warm");
    g_free (test_secret_tool (clear));
  }
  return daemon;
}

static inline void
test_keyring_stop (GSubprocess *daemon)
{
  g_subprocess_send_signal (daemon, SIGTERM);
  g_subprocess_wait (daemon, NULL, NULL);
  g_object_unref (daemon);
}
