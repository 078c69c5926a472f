/* history-window.c — for bench/history.sh: how long the History area takes
 * from choosing a repository to showing the first page of its versions
 *
 * Usage: bench-history-window ENDPOINT TOKEN USER REPO OTHER RUNS
 *
 * Opens Vitrine's window on ENDPOINT (as USER), in the History area, and
 * waits until it is idle.  Then it chooses REPO in the list of
 * repositories, as a click does, and measures the time until the frame
 * that shows its first page; then OTHER and REPO again, RUNS times.  The
 * first figure is the one the hub had nothing kept for.  Prints one line
 * per figure: "first MS", then "again MS".
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdlib.h>
#include <adwaita.h>
#include <gtksourceview/gtksource.h>

#include "vitrine-application.h"
#include "vitrine-history-page.h"
#include "vitrine-renderer.h"
#include "vitrine-window.h"

static VitrineHistoryPage *page;
static gint64 shown_at;

static gboolean
timed_out_cb (gpointer data)
{
  g_printerr ("bench-history-window: timed out waiting for %s\n", (const char *) data);
  exit (1);
}

static gpointer
child (const char *name)
{
  return gtk_widget_get_template_child (GTK_WIDGET (page), VITRINE_TYPE_HISTORY_PAGE, name);
}

static gboolean
first_page_shown (const char *repo)
{
  VitrineCommitList *commits = vitrine_history_page_get_commits (page);

  return commits != NULL && g_strcmp0 (vitrine_commit_list_get_repo_id (commits), repo) == 0 &&
         vitrine_commit_list_get_started (commits) &&
         g_list_model_get_n_items (G_LIST_MODEL (commits)) > 0;
}

static gboolean
frame_cb (GtkWidget     *widget,
          GdkFrameClock *clock,
          gpointer       data)
{
  shown_at = g_get_monotonic_time ();
  return G_SOURCE_REMOVE;
}

/* Chooses @repo, and returns the time until the frame after its first
 * page came in. */
static double
choose (const char *repo)
{
  guint id = g_timeout_add_seconds (60, timed_out_cb, (gpointer) repo);
  gint64 start;

  start = g_get_monotonic_time ();
  vitrine_history_page_select_repository (page, repo);
  while (!first_page_shown (repo))
    g_main_context_iteration (NULL, TRUE);
  shown_at = 0;
  gtk_widget_add_tick_callback (GTK_WIDGET (child ("commit_list")), frame_cb, NULL, NULL);
  while (shown_at == 0)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (id);
  return (shown_at - start) / 1000.0;
}

static void
settle (guint ms)
{
  gint64 until = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < until)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (1000);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VitrineApplication) app = NULL;
  g_autoptr(VitrineClient) client = NULL;
  g_autoptr(VitrineAccount) account = NULL;
  VitrineWindow *window;
  int runs;

  if (argc != 7)
    {
      g_printerr ("Usage: %s ENDPOINT TOKEN USER REPO OTHER RUNS\n", argv[0]);
      return 2;
    }
  runs = atoi (argv[6]);
  /* Drawn as the application draws (see src/app/main.c). */
  vitrine_renderer_setup ();
  gtk_init ();
  adw_init ();
  gtk_source_init ();
  app = vitrine_application_new ("io.github.vitrine.Vitrine.Bench", G_APPLICATION_NON_UNIQUE);
  if (!g_application_register (G_APPLICATION (app), NULL, &error))
    g_error ("%s", error->message);

  client = vitrine_client_new (argv[1], argv[2]);
  account = vitrine_account_new (VITRINE_ACCOUNT_KIND_OTHER, client, argv[3]);
  window = vitrine_window_new (app);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  vitrine_window_set_area (window, "history");
  gtk_window_present (GTK_WINDOW (window));
  page = VITRINE_HISTORY_PAGE (vitrine_window_get_history_page (window));
  vitrine_history_page_set_account (page, account);

  /* The list in, the newest repository (OTHER) shown, then idle. */
  choose (argv[5]);
  settle (500);

  g_print ("first %.1f\n", choose (argv[4]));
  for (int i = 0; i < runs; i++)
    {
      choose (argv[5]);
      settle (200);
      g_print ("again %.1f\n", choose (argv[4]));
    }
  gtk_window_destroy (GTK_WINDOW (window));
  return 0;
}
