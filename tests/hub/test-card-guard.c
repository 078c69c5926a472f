/* test-card-guard.c — `vitrine-cli upload` and a card changed on the Hub
 *
 * Two computers publish to one real `vitrine-hub`: what the second one
 * changed in the card must not be replaced by the first one unknowingly,
 * and the refusal says what to do about it.
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <signal.h>
#include <string.h>
#include <gio/gio.h>
#include <glib/gstdio.h>

#include "../test-util.h"

typedef struct
{
  char *url;
  char *token;
} Hub;

/* Runs @argv with the private folders of computer @home, in English;
 * returns the exit status, stdout and stderr. */
static int
run (const char  *home,
     char       **argv,
     char       **out,
     char       **err)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *data = g_build_filename (home, "data", NULL);
  g_autofree char *config = g_build_filename (home, "config", NULL);
  g_autofree char *cache = g_build_filename (home, "cache", NULL);
  g_autofree char *runtime = g_build_filename (home, "runtime", NULL);
  g_auto(GStrv) env = g_get_environ ();
  int status;

  env = g_environ_setenv (env, "XDG_DATA_HOME", data, TRUE);
  env = g_environ_setenv (env, "XDG_CONFIG_HOME", config, TRUE);
  env = g_environ_setenv (env, "XDG_CACHE_HOME", cache, TRUE);
  env = g_environ_setenv (env, "XDG_RUNTIME_DIR", runtime, TRUE);
  env = g_environ_setenv (env, "HF_HOME", cache, TRUE);
  env = g_environ_setenv (env, "LC_ALL", "C.UTF-8", TRUE);
  env = g_environ_unsetenv (env, "HF_ENDPOINT");
  env = g_environ_unsetenv (env, "HF_TOKEN");
  g_mkdir_with_parents (runtime, 0700);
  g_assert_true (g_spawn_sync (NULL, argv, env, 0, NULL, NULL, out, err, &status, &error));
  g_assert_no_error (error);
  return g_spawn_check_wait_status (status, NULL) ? 0 : 1;
}

static int
cli (Hub         *hub,
     const char  *home,
     const char  *command,
     const char  *arg1,
     const char  *arg2,
     const char  *option,
     char       **err)
{
  const char *exe = g_getenv ("VITRINE_CLI_EXE");
  g_autofree char *out = NULL;
  g_autofree char *local_err = NULL;
  char *argv[] = { (char *) exe, (char *) "--endpoint", hub->url, (char *) "--token", hub->token,
                   (char *) command, (char *) arg1, (char *) arg2, (char *) option, NULL };
  int status;

  if (arg2 == NULL)
    argv[7] = NULL;
  status = run (home, argv, &out, &local_err);
  if (status != 0)
    g_test_message ("%s %s: %s", command, arg1, local_err);
  if (err != NULL)
    *err = g_steal_pointer (&local_err);
  return status;
}

static char *
folder_with_card (const char *tmp,
                  const char *name,
                  const char *card)
{
  g_autofree char *dir = g_build_filename (tmp, name, NULL);
  g_autofree char *readme = g_build_filename (dir, "README.md", NULL);
  g_autofree char *weights = g_build_filename (dir, "weights.bin", NULL);

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (readme, card, -1, NULL));
  g_assert_true (g_file_set_contents (weights, "0123456789", -1, NULL));
  return g_steal_pointer (&dir);
}

static void
test_guard_hint (void)
{
  const char *hub_exe = g_getenv ("VITRINE_HUB_EXE");
  g_autoptr(GError) error = NULL;
  g_autofree char *tmp = g_dir_make_tmp ("vitrine-guard-XXXXXX", &error);
  g_autofree char *data_dir = g_build_filename (tmp, "hub", NULL);
  g_autofree char *here = g_build_filename (tmp, "here", NULL);
  g_autofree char *elsewhere = g_build_filename (tmp, "elsewhere", NULL);
  g_autofree char *mine = folder_with_card (tmp, "mine", "---\nlicense: mit\n---\n# Mine\n");
  g_autofree char *theirs = folder_with_card (tmp, "theirs", "---\nlicense: mit\n---\n# Edited elsewhere\n");
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GSubprocess) server = NULL;
  g_autoptr(GDataInputStream) lines = NULL;
  Hub hub = { 0 };

  g_assert_no_error (error);
  g_assert_cmpint (run (here, (char *[]) { (char *) hub_exe, (char *) "user", (char *) "add", (char *) "alice",
                                           (char *) "--data-dir", data_dir, NULL }, &hub.token, &err), ==, 0);
  g_strstrip (hub.token);
  g_clear_pointer (&err, g_free);
  server = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error, hub_exe, "serve", "--data-dir", data_dir,
                             "--port", "0", NULL);
  g_assert_no_error (error);
  lines = g_data_input_stream_new (g_subprocess_get_stdout_pipe (server));
  hub.url = g_data_input_stream_read_line_utf8 (lines, NULL, NULL, &error);
  g_assert_nonnull (hub.url);

  /* Published from here, then the card is changed from another computer. */
  g_assert_cmpint (cli (&hub, here, "create", "alice/guarded", NULL, NULL, NULL), ==, 0);
  g_assert_cmpint (cli (&hub, here, "upload", mine, "alice/guarded", NULL, NULL), ==, 0);
  g_assert_cmpint (cli (&hub, elsewhere, "upload", theirs, "alice/guarded", NULL, NULL), ==, 0);

  /* Publishing from here again stops, says why and what to do. */
  g_assert_cmpint (cli (&hub, here, "upload", mine, "alice/guarded", NULL, &err), ==, 1);
  g_assert_nonnull (strstr (err, "changed on the Hub"));
  g_assert_nonnull (strstr (err, "Compare With the Hub"));
  g_assert_null (strstr (err, "The name is taken"));
  g_clear_pointer (&err, g_free);

  /* --replace-card publishes it anyway. */
  g_assert_cmpint (cli (&hub, here, "upload", mine, "alice/guarded", "--replace-card", NULL), ==, 0);

  g_subprocess_send_signal (server, SIGTERM);
  g_subprocess_wait (server, NULL, NULL);
  test_rm_rf (tmp);
  g_free (hub.url);
  g_free (hub.token);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/hub/card-guard/hint", test_guard_hint);

  return g_test_run ();
}
