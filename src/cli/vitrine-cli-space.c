/* vitrine-cli-space.c — `vitrine-cli space run`: a Space on this computer,
 * run as the Demos area runs it, until Ctrl+C
 *
 * The Space's URL goes to standard output once it answers (one line, for
 * scripts), its log to standard error as it comes.  Ctrl+C (or SIGTERM)
 * stops the app and everything it started before the command ends; if
 * the command itself is killed, the supervisor's watchdog does the same.
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>
#include <string.h>
#include <glib/gi18n.h>
#include <glib-unix.h>

#include "vitrine-cli-private.h"
#include "vitrine-credentials.h"
#include "vitrine-space-run.h"

typedef struct
{
  VitrineSpaceRun *run;
  GMainLoop       *loop;
  int              status;
  gboolean         stopping;
  gboolean         started;
} SpaceRun;

static void
on_log_changed_cb (GListModel *log,
                   guint       position,
                   guint       removed,
                   guint       added,
                   gpointer    user_data)
{
  for (guint i = position; i < position + added; i++)
    {
      g_autoptr(VitrineLogLine) line = g_list_model_get_item (log, i);

      g_printerr ("%s\n", vitrine_log_line_get_text (line));
    }
}

static void
on_stopped_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  SpaceRun *sr = user_data;

  vitrine_space_run_stop_finish (VITRINE_SPACE_RUN (source), result, NULL);
  g_main_loop_quit (sr->loop);
}

static void
stop (SpaceRun *sr)
{
  if (sr->stopping)
    return;
  sr->stopping = TRUE;
  vitrine_space_run_stop_async (sr->run, NULL, on_stopped_cb, sr);
}

static gboolean
on_signal_cb (gpointer user_data)
{
  stop (user_data);
  return G_SOURCE_CONTINUE;
}

static void
on_started_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  SpaceRun *sr = user_data;
  g_autoptr(GError) error = NULL;

  if (!vitrine_space_run_start_finish (VITRINE_SPACE_RUN (source), result, &error))
    {
      /* Stopped by a signal: not a failure. */
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        sr->status = 1;
      if (!sr->stopping)
        g_main_loop_quit (sr->loop);
      return;
    }
  sr->started = TRUE;
  g_print ("%s\n", vitrine_space_run_get_url (sr->run));
  fflush (stdout);
}

/* An app that stops by itself after it started ends the command. */
static void
on_state_cb (VitrineSpaceRun *run,
             GParamSpec      *pspec,
             gpointer         user_data)
{
  SpaceRun *sr = user_data;
  VitrineSpaceState state = vitrine_space_run_get_state (run);

  if (sr->started && !sr->stopping &&
      (state == VITRINE_SPACE_STATE_CRASHED || state == VITRINE_SPACE_STATE_FAILED))
    {
      sr->status = 1;
      g_main_loop_quit (sr->loop);
    }
}

static void
on_files_changed_cb (VitrineSpaceRun *run,
                     gpointer         user_data)
{
  g_printerr ("%s\n", _("Reloaded: the folder’s files changed."));
}

/* `spaces/NS/NAME` or NS/NAME. */
static const char *
space_id_of (const char *arg)
{
  return g_str_has_prefix (arg, "spaces/") ? arg + strlen ("spaces/") : arg;
}

int
_vitrine_cli_space_run (VitrineCliOptions  *o,
                        char              **args)
{
  g_autoptr(VitrineSpaceOptions) options = vitrine_space_options_new ();
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  g_autoptr(VitrineClient) client = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *endpoint = NULL;
  g_autofree char *token = NULL;
  SpaceRun sr = { 0 };
  guint sigint, sigterm;
  gboolean found;

  if (o->port < 0 || o->port > 65535)
    {
      g_printerr ("vitrine-cli: %s\n", _("--port is a port number, 1 to 65535."));
      return 2;
    }
  vitrine_space_options_set_port (options, o->port);
  vitrine_space_options_set_share_token (options, o->share_token);
  vitrine_space_options_set_system_spaces (options, o->system_spaces);
  vitrine_space_options_set_python (options, o->python);
  vitrine_space_options_set_watch (options, o->watch);
  vitrine_space_options_set_revision (options, o->revision);

  /* The hub the Space comes from, or (for a folder) the one its app gets
   * as HF_ENDPOINT; a folder runs without one too. */
  found = vitrine_credentials_resolve (o->endpoint, o->token, &endpoint, &token);
  if (found)
    {
      vitrine_space_options_set_endpoint (options, endpoint);
      vitrine_space_options_set_token (options, token);
    }

  if (g_file_test (args[0], G_FILE_TEST_IS_DIR))
    sr.run = vitrine_space_run_new_for_folder (args[0], NULL, options);
  else
    {
      client = _vitrine_cli_make_client (o, &error);
      if (client == NULL)
        return _vitrine_cli_fail (error, NULL);
      sr.run = vitrine_space_run_new_for_repo (client, space_id_of (args[0]), NULL, options);
    }
  if (token != NULL)
    memset (token, 0, strlen (token));

  sr.loop = loop;
  g_signal_connect (vitrine_space_run_get_log (sr.run), "items-changed", G_CALLBACK (on_log_changed_cb), NULL);
  g_signal_connect (sr.run, "notify::state", G_CALLBACK (on_state_cb), &sr);
  g_signal_connect (sr.run, "files-changed", G_CALLBACK (on_files_changed_cb), NULL);
  sigint = g_unix_signal_add (SIGINT, on_signal_cb, &sr);
  sigterm = g_unix_signal_add (SIGTERM, on_signal_cb, &sr);

  vitrine_space_run_start_async (sr.run, NULL, on_started_cb, &sr);
  g_main_loop_run (loop);

  /* Whatever ended the loop, nothing of the Space stays behind. */
  if (!sr.stopping)
    {
      sr.stopping = TRUE;
      vitrine_space_run_stop_async (sr.run, NULL, on_stopped_cb, &sr);
      g_main_loop_run (loop);
    }
  g_source_remove (sigint);
  g_source_remove (sigterm);
  g_signal_handlers_disconnect_by_func (vitrine_space_run_get_log (sr.run), on_log_changed_cb, NULL);
  g_signal_handlers_disconnect_by_data (sr.run, &sr);
  g_clear_object (&sr.run);
  return sr.status;
}
