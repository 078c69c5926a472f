/* vitrine-space-run.h — one run of a Space on this computer
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "vitrine-client.h"
#include "vitrine-hub-types.h"
#include "vitrine-log.h"
#include "vitrine-space-options.h"

G_BEGIN_DECLS

#define VITRINE_TYPE_SPACE_RUN (vitrine_space_run_get_type ())

/**
 * VitrineSpaceRun:
 *
 * A Space run on this computer, GTK-free, for the Demos area and
 * `vitrine-cli space run`.  Made for a published Space (its files are
 * fetched through a VitrineClient into a cache folder, only what changed
 * since the last run) or for a folder (run as it is).  Its README front
 * matter says how it runs: `static` is served from a loopback HTTP server
 * in this process (paths confined to the folder), `gradio`, `streamlit`
 * and `docker` run as a supervised child in a process group of its own
 * (docker with podman or docker when one works, else its Dockerfile's
 * plain Python command directly), in a Python environment per Space.
 *
 * Every property changes on the main context that was the thread-default
 * one when the run was made; notify::state is the one to watch.
 *
 * Properties (all read-only):
 * - "state" (VitrineSpaceState)
 * - "url" (string, nullable): what the web view loads, set once running:
 *   `http://127.0.0.1:PORT/` (plus `app_file` for a static Space whose
 *   page is not index.html, plus `base_path` where the card gives one)
 * - "port" (uint): the loopback port, 0 until known
 * - "log" (VitrineLog, a GListModel of VitrineLogLine): what the run and
 *   its children said, bounded; kept across restarts, cleared by none
 * - "error-message" (string, nullable): when crashed or failed, what
 *   happened and what is needed, for the user (a crash's message ends with
 *   the log's last lines)
 * - "missing-modules" (strv, nullable): requirements that could not be
 *   installed (offline, say), by their names in requirements.txt
 * - "sdk" (string, nullable): `static`, `gradio`, `streamlit`, `docker`,
 *   from the front matter, once read
 * - "title" (string, nullable): the front matter's title
 * - "space-id" (string): `ns/name` (for a folder: the "space-id" option,
 *   else `local/FOLDER-NAME`)
 * - "folder" (string, nullable): where the Space's files are (the folder
 *   given, or the fetched copy once fetched)
 * - "command" (string, nullable): what runs, as a shell would show it, for
 *   the log pane's header; %NULL for a static Space
 *
 * Signals:
 * - "files-changed" (void): with the "watch" option, the folder's files
 *   changed (debounced): a static Space's view reloads; an app has been
 *   restarted (also one that had crashed or failed) and answers again.
 *
 * A start when running is a no-op that succeeds; start, stop and restart
 * finish on the run's main context.  Disposing of a run stops it (blocking
 * for at most a few seconds).  Whatever happens to this process, no child
 * of a run outlives it by more than a few seconds (VitrineSupervisor).
 */
G_DECLARE_FINAL_TYPE (VitrineSpaceRun, vitrine_space_run, VITRINE, SPACE_RUN, GObject)

VitrineSpaceRun     *vitrine_space_run_new_for_repo        (VitrineClient        *client,
                                                            const char           *space_id,
                                                            const char           *cache_dir,
                                                            VitrineSpaceOptions  *options);
VitrineSpaceRun     *vitrine_space_run_new_for_folder      (const char           *folder,
                                                            const char           *cache_dir,
                                                            VitrineSpaceOptions  *options);

VitrineSpaceState    vitrine_space_run_get_state           (VitrineSpaceRun      *self);
const char          *vitrine_space_run_get_url             (VitrineSpaceRun      *self);
guint                vitrine_space_run_get_port            (VitrineSpaceRun      *self);
VitrineLog          *vitrine_space_run_get_log             (VitrineSpaceRun      *self);
const char          *vitrine_space_run_get_error_message   (VitrineSpaceRun      *self);
const char * const  *vitrine_space_run_get_missing_modules (VitrineSpaceRun      *self);
const char          *vitrine_space_run_get_sdk             (VitrineSpaceRun      *self);
const char          *vitrine_space_run_get_title           (VitrineSpaceRun      *self);
const char          *vitrine_space_run_get_space_id        (VitrineSpaceRun      *self);
const char          *vitrine_space_run_get_folder          (VitrineSpaceRun      *self);
const char          *vitrine_space_run_get_command         (VitrineSpaceRun      *self);
VitrineSpaceOptions *vitrine_space_run_get_options         (VitrineSpaceRun      *self);
gboolean             vitrine_space_run_is_folder           (VitrineSpaceRun      *self);

/* Fetches, prepares, starts; finishes TRUE once the URL answers, FALSE
 * with the error (also in "error-message") when it crashed or failed. */
void                 vitrine_space_run_start_async         (VitrineSpaceRun      *self,
                                                            GCancellable         *cancellable,
                                                            GAsyncReadyCallback   callback,
                                                            gpointer              user_data);
gboolean             vitrine_space_run_start_finish        (VitrineSpaceRun      *self,
                                                            GAsyncResult         *result,
                                                            GError              **error);
/* Stops the app: SIGTERM to its process group, then SIGKILL after a few
 * seconds; finishes once nothing of it remains.  A start under way fails
 * with G_IO_ERROR_CANCELLED. */
void                 vitrine_space_run_stop_async          (VitrineSpaceRun      *self,
                                                            GCancellable         *cancellable,
                                                            GAsyncReadyCallback   callback,
                                                            gpointer              user_data);
gboolean             vitrine_space_run_stop_finish         (VitrineSpaceRun      *self,
                                                            GAsyncResult         *result,
                                                            GError              **error);
/* Stop, then start again (fetching what changed since). */
void                 vitrine_space_run_restart_async       (VitrineSpaceRun      *self,
                                                            GCancellable         *cancellable,
                                                            GAsyncReadyCallback   callback,
                                                            gpointer              user_data);
gboolean             vitrine_space_run_restart_finish      (VitrineSpaceRun      *self,
                                                            GAsyncResult         *result,
                                                            GError              **error);
/* Stops at once, blocking (at most a few seconds): for quitting. */
void                 vitrine_space_run_stop                (VitrineSpaceRun      *self);

G_END_DECLS
