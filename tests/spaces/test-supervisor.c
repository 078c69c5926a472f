/* test-supervisor.c — the subprocess supervisor: output into a bounded
 * log, how a child ended, stops that reach the whole process group, and
 * no process left once the parent is gone, however it went
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <sched.h>

#include <sys/resource.h>

#include <signal.h>
#include <sys/wait.h>

#include "vitrine-supervisor.h"
#include "process-util.h"
#include "../test-util.h"

static void
on_exited_cb (VitrineSupervisor *supervisor,
              int                wait_status,
              gpointer           user_data)
{
  *(int *) user_data = wait_status + 1000000;
}

/* Runs `sh -c SCRIPT` with @log and returns its wait status, once exited. */
static int
run_script_with (VitrineLog             *log,
                 const char             *script,
                 VitrineSupervisorFlags  flags,
                 VitrineSupervisor     **out)
{
  g_autoptr(VitrineSupervisor) supervisor = vitrine_supervisor_new (log);
  g_autoptr(GError) error = NULL;
  const char *argv[] = { "/bin/sh", "-c", script, NULL };
  int exited = 0;

  g_signal_connect (supervisor, "exited", G_CALLBACK (on_exited_cb), &exited);
  g_assert_true (vitrine_supervisor_spawn (supervisor, argv, NULL, NULL, flags, &error));
  g_assert_no_error (error);
  g_assert_true (vitrine_supervisor_is_running (supervisor));
  g_assert_cmpint (vitrine_supervisor_get_pid (supervisor), >, 0);
  while (exited == 0)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (vitrine_supervisor_is_running (supervisor));
  if (out != NULL)
    *out = g_object_ref (supervisor);
  return exited - 1000000;
}

static int
run_script (VitrineLog        *log,
            const char        *script,
            VitrineSupervisor **out)
{
  return run_script_with (log, script, VITRINE_SUPERVISOR_NONE, out);
}

static const char *
line_text (VitrineLog *log,
           guint       i)
{
  g_autoptr(VitrineLogLine) line = g_list_model_get_item (G_LIST_MODEL (log), i);

  g_assert_nonnull (line);
  /* The log holds its own reference. */
  return vitrine_log_line_get_text (line);
}

static VitrineLogStream
line_stream (VitrineLog *log,
             guint       i)
{
  g_autoptr(VitrineLogLine) line = g_list_model_get_item (G_LIST_MODEL (log), i);

  return vitrine_log_line_get_stream (line);
}

/* Both streams arrive as lines, the last one without its newline too; the
 * exit status is the program's, not the watchdog's. */
static void
test_supervisor_output (void)
{
  g_autoptr(VitrineLog) log = vitrine_log_new (100);
  g_autoptr(VitrineSupervisor) supervisor = NULL;
  g_autofree char *described = NULL;
  int status;

  status = run_script (log, "echo first; echo second >&2; printf 'progress 10%%\\rprogress 100%%\\n';"
                       " printf 'no newline'; exit 3", &supervisor);
  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), ==, 3);
  g_assert_cmpint (vitrine_supervisor_get_wait_status (supervisor), ==, status);
  described = vitrine_supervisor_describe_exit (supervisor);
  g_assert_nonnull (strstr (described, "3"));

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (log)), ==, 4);
  /* The two pipes are read side by side: each stream keeps its order. */
  for (guint i = 0; i < 4; i++)
    {
      const char *text = line_text (log, i);

      if (g_str_equal (text, "second"))
        g_assert_cmpint (line_stream (log, i), ==, VITRINE_LOG_STREAM_STDERR);
      else
        g_assert_cmpint (line_stream (log, i), ==, VITRINE_LOG_STREAM_STDOUT);
    }
  {
    g_autofree char *all = vitrine_log_dup_tail (log, 10);

    g_assert_nonnull (strstr (all, "first"));
    g_assert_nonnull (strstr (all, "second"));
    g_assert_nonnull (strstr (all, "progress 100%\n"));
    g_assert_null (strstr (all, "progress 10%"));
    g_assert_true (g_str_has_suffix (all, "no newline"));
  }
}

/* A child started as background work runs at a lower priority (and its
 * own children with it); one started plainly keeps this process's. */
static void
test_supervisor_background (void)
{
  g_autoptr(VitrineLog) plain = vitrine_log_new (10);
  g_autoptr(VitrineLog) background = vitrine_log_new (10);
  int own = getpriority (PRIO_PROCESS, 0);
  g_autofree char *same = g_strdup_printf ("%d", own);
  g_autofree char *expected = g_strdup_printf ("%d", MAX (own, VITRINE_SUPERVISOR_BACKGROUND_NICE));
  int status;

  /* Else the test could not tell the two apart. */
  g_assert_cmpint (own, <, VITRINE_SUPERVISOR_BACKGROUND_NICE);
  status = run_script_with (plain, "nice", VITRINE_SUPERVISOR_NONE, NULL);
  g_assert_true (WIFEXITED (status) && WEXITSTATUS (status) == 0);
  g_assert_cmpstr (line_text (plain, 0), ==, same);

  status = run_script_with (background, "sh -c nice", VITRINE_SUPERVISOR_BACKGROUND, NULL);
  g_assert_true (WIFEXITED (status) && WEXITSTATUS (status) == 0);
  g_assert_cmpstr (line_text (background, 0), ==, expected);
}

/* The processors a child may run on, as its own `nproc` counts them, and
 * whether the first of this process's is among them. */
static void
child_processors (VitrineSupervisorFlags flags,
                  guint                 *count,
                  gboolean              *has_first)
{
  g_autoptr(VitrineLog) log = vitrine_log_new (10);
  cpu_set_t set;
  int first = -1;
  g_autofree char *script = NULL;
  int status;

  CPU_ZERO (&set);
  g_assert_cmpint (sched_getaffinity (0, sizeof set, &set), ==, 0);
  for (int cpu = 0; cpu < CPU_SETSIZE && first < 0; cpu++)
    if (CPU_ISSET (cpu, &set))
      first = cpu;
  /* nproc's count, then whether the list the kernel gives names the first. */
  script = g_strdup_printf ("nproc; grep -q '^Cpus_allowed_list:.*\\<%d\\>' /proc/self/status && echo yes || echo no",
                            first);
  status = run_script_with (log, script, flags, NULL);
  g_assert_true (WIFEXITED (status) && WEXITSTATUS (status) == 0);
  *count = (guint) g_ascii_strtoull (line_text (log, 0), NULL, 10);
  *has_first = g_str_equal (line_text (log, 1), "yes");
}

/* Background work leaves the first processor it could use to the window
 * when it could use more than one; with one, it keeps it; a plain child
 * keeps them all. */
static void
test_supervisor_background_processors (void)
{
  cpu_set_t all, one;
  guint own;
  guint count;
  gboolean has_first;

  CPU_ZERO (&all);
  g_assert_cmpint (sched_getaffinity (0, sizeof all, &all), ==, 0);
  own = CPU_COUNT (&all);
  if (own < 2)
    {
      g_test_skip ("this process may run on one processor only: nothing to leave free");
      return;
    }
  child_processors (VITRINE_SUPERVISOR_NONE, &count, &has_first);
  g_assert_cmpuint (count, ==, own);
  g_assert_true (has_first);
  child_processors (VITRINE_SUPERVISOR_BACKGROUND, &count, &has_first);
  g_assert_cmpuint (count, ==, own - 1);
  g_assert_false (has_first);

  /* Down to one processor: the child still runs, on that one. */
  CPU_ZERO (&one);
  for (int cpu = CPU_SETSIZE - 1; cpu >= 0; cpu--)
    if (CPU_ISSET (cpu, &all))
      {
        CPU_SET (cpu, &one);
        break;
      }
  g_assert_cmpint (sched_setaffinity (0, sizeof one, &one), ==, 0);
  child_processors (VITRINE_SUPERVISOR_BACKGROUND, &count, &has_first);
  g_assert_cmpint (sched_setaffinity (0, sizeof all, &all), ==, 0);
  g_assert_cmpuint (count, ==, 1);
  g_assert_true (has_first);
}

/* A program that cannot be started says so at once. */
static void
test_supervisor_no_program (void)
{
  g_autoptr(VitrineSupervisor) supervisor = vitrine_supervisor_new (NULL);
  g_autoptr(GError) error = NULL;
  const char *argv[] = { "/nonexistent/program", NULL };

  g_assert_false (vitrine_supervisor_spawn (supervisor, argv, NULL, NULL, VITRINE_SUPERVISOR_NONE, &error));
  g_assert_error (error, G_SPAWN_ERROR, G_SPAWN_ERROR_NOENT);
  g_assert_false (vitrine_supervisor_is_running (supervisor));
}

/* A program that ends at once (reaped before the spawn returns, often)
 * still has its group's id known. */
static void
test_supervisor_quick_exit (void)
{
  for (guint i = 0; i < 40; i++)
    {
      g_autoptr(VitrineSupervisor) supervisor = vitrine_supervisor_new (NULL);
      g_autoptr(GError) error = NULL;
      const char *argv[] = { "/bin/true", NULL };
      int exited = 0;

      g_signal_connect (supervisor, "exited", G_CALLBACK (on_exited_cb), &exited);
      g_assert_true (vitrine_supervisor_spawn (supervisor, argv, NULL, NULL,
                                               i % 2 == 0 ? VITRINE_SUPERVISOR_NONE : VITRINE_SUPERVISOR_MAY_OUTLIVE,
                                               &error));
      g_assert_no_error (error);
      g_assert_cmpint (vitrine_supervisor_get_pid (supervisor), >, 0);
      while (exited == 0)
        g_main_context_iteration (NULL, TRUE);
      g_assert_true (WIFEXITED (exited - 1000000) && WEXITSTATUS (exited - 1000000) == 0);
    }
}

/* A program killed by a signal is reported killed by that signal. */
static void
test_supervisor_signal (void)
{
  g_autoptr(VitrineLog) log = vitrine_log_new (10);
  int status = run_script (log, "kill -USR1 $$; sleep 5", NULL);

  g_assert_true (WIFSIGNALED (status));
  g_assert_cmpint (WTERMSIG (status), ==, SIGUSR1);
}

/* The log keeps its last lines and says so to a list view. */
static void
test_supervisor_log_bounded (void)
{
  g_autoptr(VitrineLog) log = vitrine_log_new (3);
  g_autofree char *tail = NULL;

  for (int i = 0; i < 5; i++)
    {
      g_autofree char *text = g_strdup_printf ("line %d", i);
      vitrine_log_append (log, VITRINE_LOG_STREAM_STATUS, text);
    }
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (log)), ==, 3);
  g_assert_cmpstr (line_text (log, 0), ==, "line 2");
  g_assert_cmpstr (line_text (log, 2), ==, "line 4");
  tail = vitrine_log_dup_tail (log, 2);
  g_assert_cmpstr (tail, ==, "line 3\nline 4");
  vitrine_log_clear (log);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (log)), ==, 0);
}

/* What a program leaves behind in its group goes when it exits. */
static void
test_supervisor_leftovers (void)
{
  g_autoptr(VitrineLog) log = vitrine_log_new (10);
  g_autoptr(VitrineSupervisor) supervisor = NULL;
  int status = run_script (log, "sleep 300 >/dev/null 2>&1 & exit 0", &supervisor);

  g_assert_true (WIFEXITED (status));
  g_assert_true (test_group_wait_empty (vitrine_supervisor_get_pid (supervisor), 10));
}

/* A stop reaches every process of the group; one that ignores SIGTERM
 * gets SIGKILL after the grace time. */
static void
test_supervisor_stop (gconstpointer data)
{
  const char *script = data;
  g_autoptr(VitrineLog) log = vitrine_log_new (10);
  g_autoptr(VitrineSupervisor) supervisor = vitrine_supervisor_new (log);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  const char *argv[] = { "/bin/sh", "-c", script, NULL };
  int pgid;

  g_assert_true (vitrine_supervisor_spawn (supervisor, argv, NULL, NULL, VITRINE_SUPERVISOR_NONE, &error));
  g_assert_no_error (error);
  pgid = vitrine_supervisor_get_pid (supervisor);
  /* Both sleeps started (the script says so once they have). */
  while (g_list_model_get_n_items (G_LIST_MODEL (log)) == 0)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (test_group_count (pgid), >=, 3);

  vitrine_supervisor_stop_async (supervisor, 500, NULL, test_keep_result_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (vitrine_supervisor_stop_finish (supervisor, result, &error));
  g_assert_no_error (error);
  g_assert_false (vitrine_supervisor_is_running (supervisor));
  g_assert_true (test_group_wait_empty (pgid, 10));
}

/* The blocking stop, from another thread, as the local hub's. */
static gpointer
stop_thread (gpointer data)
{
  vitrine_supervisor_stop (data, 3000);
  return NULL;
}

static void
test_supervisor_stop_blocking (void)
{
  g_autoptr(VitrineSupervisor) supervisor = vitrine_supervisor_new (NULL);
  g_autoptr(GError) error = NULL;
  const char *argv[] = { "/bin/sh", "-c", "sleep 300 & sleep 300", NULL };
  int exited = 0;
  int pgid;

  g_signal_connect (supervisor, "exited", G_CALLBACK (on_exited_cb), &exited);
  g_assert_true (vitrine_supervisor_spawn (supervisor, argv, NULL, NULL, VITRINE_SUPERVISOR_NONE, &error));
  pgid = vitrine_supervisor_get_pid (supervisor);
  g_thread_join (g_thread_new ("stop", stop_thread, supervisor));
  /* The program ended before the stop returned; the group follows. */
  g_assert_true (test_group_wait_empty (pgid, 10));
  while (exited == 0)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (WIFSIGNALED (exited - 1000000));
}

/* A parent that ends without stopping its child, by SIGKILL (nothing of
 * it runs) or by SIGTERM (it ends as a quit does, with no cleanup):
 * within seconds no process of the group remains, a grandchild neither. */
static void
test_supervisor_parent_gone (gconstpointer data)
{
  int sig = GPOINTER_TO_INT (data);
  g_autofree char *helper = g_test_build_filename (G_TEST_BUILT, "supervise-helper", NULL);
  g_autoptr(GSubprocess) parent = NULL;
  g_autoptr(GDataInputStream) out = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *line = NULL;
  int pgid;

  parent = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_SILENCE, &error,
                             helper, "/bin/sh", "-c", "sleep 300 & sleep 300", NULL);
  g_assert_no_error (error);
  out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (parent));
  line = g_data_input_stream_read_line (out, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (line);
  pgid = atoi (line);
  g_assert_cmpint (pgid, >, 0);
  while (test_group_count (pgid) < 3)
    g_usleep (20 * 1000);

  g_subprocess_send_signal (parent, sig);
  g_assert_true (g_subprocess_wait (parent, NULL, &error));
  g_assert_true (test_group_wait_empty (pgid, 8));
}

/* A child that may outlive its parent (this computer's hub) does, in a
 * group of its own; longer than an abandoned group would last. */
static void
test_supervisor_may_outlive (void)
{
  g_autofree char *helper = g_test_build_filename (G_TEST_BUILT, "supervise-helper", NULL);
  g_autoptr(GSubprocess) parent = NULL;
  g_autoptr(GDataInputStream) out = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *line = NULL;
  gint64 until;
  int pgid;

  /* Its output goes nowhere: a process left behind by a failure must not
   * hold the test's. */
  parent = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_SILENCE, &error,
                             helper, "--may-outlive",
                             "/bin/sh", "-c", "sleep 300 & sleep 300", NULL);
  g_assert_no_error (error);
  out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (parent));
  line = g_data_input_stream_read_line (out, NULL, NULL, &error);
  g_assert_nonnull (line);
  pgid = atoi (line);
  g_assert_cmpint (pgid, >, 0);
  g_assert_cmpint (pgid, !=, getpgrp ());
  while (test_group_count (pgid) < 2)
    g_usleep (20 * 1000);
  g_subprocess_send_signal (parent, SIGKILL);
  g_assert_true (g_subprocess_wait (parent, NULL, &error));
  until = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
  while (g_get_monotonic_time () < until)
    {
      g_assert_cmpuint (test_group_count (pgid), >=, 2);
      g_usleep (100 * 1000);
    }
  g_assert_cmpint (kill (-pgid, SIGKILL), ==, 0);
  g_assert_true (test_group_wait_empty (pgid, 10));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/spaces/supervisor/output", test_supervisor_output);
  g_test_add_func ("/spaces/supervisor/background", test_supervisor_background);
  g_test_add_func ("/spaces/supervisor/background-processors", test_supervisor_background_processors);
  g_test_add_func ("/spaces/supervisor/no-program", test_supervisor_no_program);
  g_test_add_func ("/spaces/supervisor/quick-exit", test_supervisor_quick_exit);
  g_test_add_func ("/spaces/supervisor/signal", test_supervisor_signal);
  g_test_add_func ("/spaces/supervisor/log-bounded", test_supervisor_log_bounded);
  g_test_add_func ("/spaces/supervisor/leftovers", test_supervisor_leftovers);
  g_test_add_data_func ("/spaces/supervisor/stop", "sleep 300 & sleep 300 & echo started; wait",
                        test_supervisor_stop);
  g_test_add_data_func ("/spaces/supervisor/stop-escalates",
                        "trap '' TERM; sleep 300 & sleep 300 & echo started; wait",
                        test_supervisor_stop);
  g_test_add_func ("/spaces/supervisor/stop-blocking", test_supervisor_stop_blocking);
  g_test_add_data_func ("/spaces/supervisor/parent-killed", GINT_TO_POINTER (SIGKILL),
                        test_supervisor_parent_gone);
  g_test_add_data_func ("/spaces/supervisor/parent-quits", GINT_TO_POINTER (SIGTERM),
                        test_supervisor_parent_gone);
  g_test_add_func ("/spaces/supervisor/may-outlive", test_supervisor_may_outlive);
  return g_test_run ();
}
