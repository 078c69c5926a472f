/* publish-window.c — publishing a folder through the window, timed against
 * vitrine-cli upload, with the main loop's longest stall
 *
 * Run by bench/publish-window.sh, which makes the folder and the isolated
 * folders.  In one process: the application with its window, which starts
 * this computer's hub; `vitrine-cli upload FOLDER USER/bench-cli` against
 * that hub (its own empty hash cache), timed; the large files it sent are
 * then taken out of the hub's store, so that the window sends them again;
 * then the wizard on the same folder, to USER/bench-window, timed from
 * Publish to the done page.  While the window publishes, a frame-clock
 * tick callback and an idle callback (re-armed every millisecond) note the
 * longest gap between two of their calls: how long the main loop could
 * not draw or run anything.
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <fcntl.h>
#include <unistd.h>

#include "../tests/app/publish-fixture.h"
#include "vitrine-renderer.h"

typedef struct
{
  gboolean on;
  gint64   last_tick;
  gint64   max_tick_gap;
  guint    ticks;
  gint64   last_idle;
  gint64   max_idle_gap;
  gint64   max_idle_at;  /* when the longest of them ended */
  guint    idles;
  gint64   started;      /* when the measure began */
  guint    long_ticks;   /* gaps over 20 ms between ticks */
  GString *long_at;      /* when the first of them ended, how long, and
                          * how much of it the loop ran or waited */
  guint64  last_run;     /* the loop's thread_times() at the last tick */
  guint64  last_wait;
} Stalls;

#define LONG_GAP_US (20 * 1000)

static Stalls stalls;

/* How long this thread has run, and waited for a processor while it
 * could have run, in ns (the kernel's schedstat); 0 where unknown.  Read
 * at every tick, so that a late one tells whether the loop worked or
 * waited its turn. */
static void
thread_times (guint64 *run,
              guint64 *wait)
{
  char text[128];
  ssize_t n;
  int fd = open ("/proc/thread-self/schedstat", O_RDONLY | O_CLOEXEC);

  *run = *wait = 0;
  if (fd < 0)
    return;
  n = read (fd, text, sizeof text - 1);
  close (fd);
  if (n <= 0)
    return;
  text[n] = '\0';
  if (sscanf (text, "%" G_GUINT64_FORMAT " %" G_GUINT64_FORMAT, run, wait) != 2)
    *run = *wait = 0;
}

static gboolean
tick_cb (GtkWidget     *widget,
         GdkFrameClock *clock,
         gpointer       data)
{
  gint64 now = g_get_monotonic_time ();

  if (stalls.on)
    {
      guint64 run, wait;

      thread_times (&run, &wait);
      if (stalls.last_tick != 0)
        {
          gint64 gap = now - stalls.last_tick;

          stalls.max_tick_gap = MAX (stalls.max_tick_gap, gap);
          if (gap > LONG_GAP_US && stalls.long_ticks++ < 12)
            g_string_append_printf (stalls.long_at, "\n    %.2f s: %.1f ms (ran %.1f, waited for a processor %.1f)",
                                    (now - stalls.started) / (double) G_USEC_PER_SEC, gap / 1000.0,
                                    (run - stalls.last_run) / 1e6, (wait - stalls.last_wait) / 1e6);
        }
      stalls.last_run = run;
      stalls.last_wait = wait;
      stalls.ticks++;
    }
  stalls.last_tick = now;
  return G_SOURCE_CONTINUE;
}

static gboolean idle_cb (gpointer data);

static gboolean
rearm_cb (gpointer data)
{
  g_idle_add (idle_cb, NULL);
  return G_SOURCE_REMOVE;
}

/* Runs when nothing of higher priority waits: a gap between two runs is
 * time the loop spent elsewhere. */
static gboolean
idle_cb (gpointer data)
{
  gint64 now = g_get_monotonic_time ();

  if (stalls.on)
    {
      if (stalls.last_idle != 0)
        {
          gint64 gap = now - stalls.last_idle - 1000;

          if (gap > stalls.max_idle_gap)
            {
              stalls.max_idle_gap = gap;
              stalls.max_idle_at = now - stalls.started;
            }
        }
      stalls.idles++;
    }
  stalls.last_idle = now;
  g_timeout_add (1, rearm_cb, NULL);
  return G_SOURCE_REMOVE;
}

static double
run_cli (const char *folder,
         const char *repo_id)
{
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_NONE);
  g_autoptr(GSubprocess) cli = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start;

  g_subprocess_launcher_setenv (launcher, "XDG_CACHE_HOME", g_getenv ("CLI_CACHE"), TRUE);
  start = g_get_monotonic_time ();
  cli = g_subprocess_launcher_spawn (launcher, &error, g_getenv ("VITRINE_CLI_EXE"), "upload", folder, repo_id,
                                     "-m", "Bench", NULL);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_wait_check (cli, NULL, &error));
  return (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;
}

/* What vitrine-cli sent goes, so that the window sends it again. */
static void
forget_large_files (void)
{
  g_autofree char *objects = g_build_filename (g_get_user_data_dir (), "vitrine", "hub", "lfs", "objects", NULL);

  test_rm_rf (objects);
}

static gboolean
bench (VitrineApplication *app,
       gpointer            data)
{
  const char *folder = data;
  VitrineWindow *window;
  VitrineAssistant *assistant;
  VitrinePublishSetup *setup;
  g_autofree char *cli_repo = NULL;
  const char *user;
  double cli_s, window_s;
  gint64 base_tick_gap, base_idle_gap;
  guint base_ticks;
  gint64 start;

  window = app_window (app);
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 720);
  user = vitrine_account_get_name (vitrine_application_get_current_account (app));
  cli_repo = g_strdup_printf ("%s/bench-cli", user);

  cli_s = run_cli (folder, cli_repo);
  forget_large_files ();

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.publish-folder", "s", folder));
  assistant = assistant_of (window);
  setup = vitrine_publish_view_get_setup (publish_view (window));
  wait_complete (step (window, STEP_FOLDER), "the folder");
  press_next (window);
  wait_complete (step (window, STEP_CARD), "the card");
  press_next (window);
  vitrine_license_step_choose (step (window, STEP_LICENSE), "apache-2.0");
  wait_complete (step (window, STEP_LICENSE), "the license");
  press_next (window);
  type_into (child_of (step (window, STEP_DESTINATION), VITRINE_TYPE_DESTINATION_STEP, "name_row"), "bench-window");
  wait_complete (step (window, STEP_DESTINATION), "the destination");
  press_next (window);
  wait_complete (step (window, STEP_REVIEW), "the review");
  g_assert_true (vitrine_publish_setup_get_private (setup));

  gtk_widget_add_tick_callback (GTK_WIDGET (window), tick_cb, NULL, NULL);
  g_idle_add (idle_cb, NULL);
  iterate_until_idle ();

  /* The same figures for 3 s of the window doing nothing but drawing its
   * frames: what this display and machine give without a publish. */
  stalls.long_at = g_string_new (NULL);
  stalls.on = TRUE;
  start = stalls.started = g_get_monotonic_time ();
  while (g_get_monotonic_time () - start < 3 * G_USEC_PER_SEC)
    g_main_context_iteration (NULL, TRUE);
  stalls.on = FALSE;
  base_tick_gap = stalls.max_tick_gap;
  base_ticks = stalls.ticks;
  base_idle_gap = stalls.max_idle_gap;
  stalls.max_tick_gap = stalls.max_idle_gap = 0;
  stalls.ticks = stalls.idles = 0;
  stalls.last_tick = stalls.last_idle = 0;
  stalls.long_ticks = 0;
  g_string_truncate (stalls.long_at, 0);

  stalls.on = TRUE;
  start = stalls.started = g_get_monotonic_time ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (assistant), "assistant.next", NULL));
  wait_until (view_shows_done, publish_view (window), "the publish");
  window_s = (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;
  stalls.on = FALSE;

  g_print ("vitrine-cli upload:          %8.2f s\n", cli_s);
  g_print ("the window's publish:        %8.2f s\n", window_s);
  g_print ("window / cli:                %8.2f (aim: at most 1.10)\n", window_s / cli_s);
  g_print ("longest frame-clock gap:     %8.1f ms (%u ticks)\n", stalls.max_tick_gap / 1000.0, stalls.ticks);
  g_print ("longest idle-callback gap:   %8.1f ms (%u runs, the longest ending %.2f s after Publish;"
           " aim for both: at most 20 ms)\n",
           stalls.max_idle_gap / 1000.0, stalls.idles, stalls.max_idle_at / (double) G_USEC_PER_SEC);
  g_print ("ticks later than 20 ms:      %8u (after Publish, how long, and of that the loop's thread:%s%s)\n",
           stalls.long_ticks, stalls.long_at->len > 0 ? stalls.long_at->str : " none",
           stalls.long_ticks > 12 ? "\n    …" : "");
  g_print ("without a publish, for 3 s:  %8.1f ms between ticks (%u ticks), %.1f ms between idle callbacks\n",
           base_tick_gap / 1000.0, base_ticks, base_idle_gap / 1000.0);
  g_string_free (stalls.long_at, TRUE);
  return TRUE;
}

int
main (int   argc,
      char *argv[])
{
  /* Drawn as the application draws (see src/app/main.c). */
  vitrine_renderer_setup ();
  gtk_init ();
  g_set_prgname ("vitrine-bench");
  adw_init ();
  gtk_source_init ();
  if (argc != 2)
    {
      g_printerr ("Usage: %s FOLDER (run by bench/publish-window.sh)\n", argv[0]);
      return 2;
    }
  run_in_application ("io.github.vitrine.Vitrine.Bench", bench, argv[1]);
  return 0;
}
