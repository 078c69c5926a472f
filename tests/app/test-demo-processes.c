/* test-demo-processes.c — no process of a demo outlives the application:
 * the real `vitrine`, started on a Space's folder (`--demo`), quit or
 * killed outright
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

/* A gradio-kind app that says where it runs by writing its process id. */
static const char app_template[] =
  "import http.server, os\n"
  "\n"
  "class Handler(http.server.BaseHTTPRequestHandler):\n"
  "    def do_GET(self):\n"
  "        self.send_response(200)\n"
  "        self.end_headers()\n"
  "        self.wfile.write(b'running')\n"
  "\n"
  "server = http.server.HTTPServer((os.environ['GRADIO_SERVER_NAME'], int(os.environ['GRADIO_SERVER_PORT'])), Handler)\n"
  "with open(@PIDFILE@ + '.tmp', 'w') as f:\n"
  "    f.write(str(os.getpid()))\n"
  "os.rename(@PIDFILE@ + '.tmp', @PIDFILE@)\n"
  "server.serve_forever()\n";

typedef struct
{
  char *tmp;
  char *folder;
  char *pid_file;
} Space;

static void
space_setup (Space         *space,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) app = g_string_new (app_template);
  g_autofree char *quoted = NULL;
  g_autofree char *readme = NULL;
  g_autofree char *app_py = NULL;

  space->tmp = g_dir_make_tmp ("vitrine-demo-process-XXXXXX", &error);
  g_assert_no_error (error);
  space->folder = g_build_filename (space->tmp, "space", NULL);
  space->pid_file = g_build_filename (space->tmp, "app.pid", NULL);
  g_mkdir (space->folder, 0700);
  quoted = g_strdup_printf ("'%s'", space->pid_file);
  g_string_replace (app, "@PIDFILE@", quoted, 0);
  readme = g_build_filename (space->folder, "README.md", NULL);
  app_py = g_build_filename (space->folder, "app.py", NULL);
  g_assert_true (g_file_set_contents (readme, "---\ntitle: Pid\nsdk: gradio\napp_file: app.py\n---\n", -1, NULL));
  g_assert_true (g_file_set_contents (app_py, app->str, -1, NULL));
}

static void
space_teardown (Space         *space,
                gconstpointer  data)
{
  test_rm_rf (space->tmp);
  g_free (space->tmp);
  g_free (space->folder);
  g_free (space->pid_file);
}

static GSubprocess *
spawn_vitrine (const char *folder)
{
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_NONE);
  g_autoptr(GError) error = NULL;
  const char *exe = g_getenv ("VITRINE_EXE");
  GSubprocess *app;

  g_assert_nonnull (exe);
  /* What is checked is what outlives it, not the toolkit's memory. */
  g_subprocess_launcher_setenv (launcher, "ASAN_OPTIONS", "detect_leaks=0:abort_on_error=1", TRUE);
  app = g_subprocess_launcher_spawn (launcher, &error, exe, "--demo", folder, NULL);
  g_assert_no_error (error);
  return app;
}

/* The demo's process, once it runs; the application must still run. */
static pid_t
wait_for_app (GSubprocess *vitrine,
              const char  *pid_file)
{
  gint64 deadline = g_get_monotonic_time () + 240 * G_USEC_PER_SEC;
  g_autofree char *text = NULL;

  while (!g_file_get_contents (pid_file, &text, NULL, NULL))
    {
      if (g_subprocess_get_identifier (vitrine) == NULL)
        g_error ("vitrine ended before its demo ran");
      if (g_get_monotonic_time () > deadline)
        g_error ("The demo did not start");
      g_usleep (50 * 1000);
    }
  return (pid_t) g_ascii_strtoll (text, NULL, 10);
}

/* Whether @pid is gone (or a zombie about to be reaped) within @seconds. */
static gboolean
gone_within (pid_t pid,
             guint seconds)
{
  gint64 deadline = g_get_monotonic_time () + seconds * G_USEC_PER_SEC;

  for (;;)
    {
      g_autofree char *path = g_strdup_printf ("/proc/%d/stat", (int) pid);
      g_autofree char *stat = NULL;
      const char *paren;

      if (kill (pid, 0) != 0 || !g_file_get_contents (path, &stat, NULL, NULL))
        return TRUE;
      paren = strrchr (stat, ')');
      if (paren != NULL && paren[1] == ' ' && paren[2] == 'Z')
        return TRUE;
      if (g_get_monotonic_time () > deadline)
        return FALSE;
      g_usleep (20 * 1000);
    }
}

static gboolean
wait_exited (GSubprocess *app,
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

/* Quitting (SIGTERM quits as Ctrl+Q does) stops the demo with it. */
static void
test_quit (Space         *space,
           gconstpointer  data)
{
  g_autoptr(GSubprocess) vitrine = spawn_vitrine (space->folder);
  pid_t app = wait_for_app (vitrine, space->pid_file);

  g_assert_cmpint (app, >, 0);
  g_assert_false (gone_within (app, 0));
  g_subprocess_send_signal (vitrine, SIGTERM);
  if (!wait_exited (vitrine, 30))
    {
      g_subprocess_force_exit (vitrine);
      g_error ("vitrine did not quit");
    }
  g_assert_true (g_subprocess_get_if_exited (vitrine));
  g_assert_cmpint (g_subprocess_get_exit_status (vitrine), ==, 0);
  /* Stopped before the application was gone. */
  g_assert_true (gone_within (app, 0));
}

/* Killed outright, the application leaves no demo behind for more than a
 * few seconds. */
static void
test_killed (Space         *space,
             gconstpointer  data)
{
  g_autoptr(GSubprocess) vitrine = spawn_vitrine (space->folder);
  pid_t app = wait_for_app (vitrine, space->pid_file);
  gint64 killed_at;
  gint64 hub;

  g_assert_false (gone_within (app, 0));
  g_subprocess_send_signal (vitrine, SIGKILL);
  killed_at = g_get_monotonic_time ();
  g_assert_true (wait_exited (vitrine, 10));
  g_assert_true (g_subprocess_get_if_signaled (vitrine));
  g_assert_true (gone_within (app, 5));
  g_test_message ("the demo ended %.2f s after vitrine was killed",
                  (g_get_monotonic_time () - killed_at) / (double) G_USEC_PER_SEC);

  /* The hub it started outlives it by design (the next start uses it). */
  hub = test_discovery_pid ();
  if (hub > 0)
    {
      kill ((pid_t) hub, SIGTERM);
      g_assert_true (gone_within ((pid_t) hub, 10));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/app/demo-processes/quit", Space, NULL, space_setup, test_quit, space_teardown);
  g_test_add ("/app/demo-processes/killed", Space, NULL, space_setup, test_killed, space_teardown);
  return g_test_run ();
}
