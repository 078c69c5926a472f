/* vitrine-space-run-private.h — what the files of the Space runner share
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "vitrine-space-run.h"
#include "vitrine-supervisor.h"

G_BEGIN_DECLS

/* What a Space's README (and Dockerfile) say about running it. */
typedef struct
{
  char     *sdk;
  char     *title;
  char     *app_file;
  guint     app_port;
  char     *python_version;
  char     *base_path;
  char     *app_build_command;
  char    **models;
} VitrineSpaceConfig;

void                _vitrine_space_config_free    (VitrineSpaceConfig  *config);
VitrineSpaceConfig *_vitrine_space_config_read    (const char          *folder,
                                                   GError             **error);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (VitrineSpaceConfig, _vitrine_space_config_free)

/* How a Dockerfile's command runs without a container, from the Space's
 * root: @argv with "@PYTHON@" standing for the environment's interpreter
 * and "@PORT@" for the port; @env_pairs (K=V) from its ENV lines.  %NULL
 * with @error saying what is needed when it is not a plain Python
 * command. */
typedef struct
{
  char    **argv;
  char    **env_pairs;
  gboolean  port_in_env;  /* the port reaches the app only through PORT */
  gboolean  has_run_steps;
} VitrineDockerPlan;

void               _vitrine_docker_plan_free      (VitrineDockerPlan   *plan);
VitrineDockerPlan *_vitrine_docker_plan_read      (const char          *dockerfile,
                                                   GError             **error);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (VitrineDockerPlan, _vitrine_docker_plan_free)

/* The fetch of a published Space into @files_dir, only what changed since
 * the manifest in @state_dir; runs in a worker thread.  @say is called in
 * that thread with lines for the log. */
typedef void (*VitrineSpaceSayFunc) (gpointer    user_data,
                                     const char *line);

gboolean _vitrine_space_fetch                     (VitrineClient       *client,
                                                   const char          *space_id,
                                                   const char          *revision,
                                                   const char          *files_dir,
                                                   const char          *state_dir,
                                                   VitrineSpaceSayFunc  say,
                                                   gpointer             say_data,
                                                   guint               *n_fetched,
                                                   GCancellable        *cancellable,
                                                   GError             **error);

/* The loopback server of a static Space (libsoup stays private here). */
typedef struct _VitrineStaticServer VitrineStaticServer;

VitrineStaticServer *_vitrine_static_server_new   (const char          *root,
                                                   guint                port,
                                                   GError             **error);
guint                _vitrine_static_server_get_port (VitrineStaticServer *server);
void                 _vitrine_static_server_free  (VitrineStaticServer *server);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (VitrineStaticServer, _vitrine_static_server_free)

/* The Space's Python environment (vitrine-space-env.c). */
typedef struct _VitrineSpaceEnv VitrineSpaceEnv;

char            *_vitrine_space_env_find_python    (const char          *wanted,
                                                    const char          *python_version,
                                                    GError             **error);
char            *_vitrine_space_env_stub_dir       (const char          *cache_dir,
                                                    GError             **error);
void             _vitrine_space_env_prepare_async  (const char          *python,
                                                    const char          *env_dir,
                                                    const char          *folder,
                                                    gboolean             install,
                                                    const char * const  *base_env,
                                                    VitrineLog          *log,
                                                    GCancellable        *cancellable,
                                                    GAsyncReadyCallback  callback,
                                                    gpointer             user_data);
gboolean         _vitrine_space_env_prepare_finish (GAsyncResult        *result,
                                                    char              ***missing,
                                                    GError             **error);
char           **_vitrine_space_missing_from_log   (VitrineLog          *log,
                                                    guint                n_lines);

/* A loopback port nothing listens on now. */
guint    _vitrine_space_free_port                 (GError             **error);

/* The run itself: vitrine-space-run.c holds the object, the public calls,
 * stopping and watching; vitrine-space-run-start.c the way to running. */
struct _VitrineSpaceRun
{
  GObject              parent_instance;

  GMainContext        *context;
  VitrineClient       *client;         /* NULL for a folder */
  char                *space_id;
  char                *source_folder;  /* a folder run's folder */
  char                *cache_dir;
  char                *state_dir;      /* this Space's: files, manifest, env */
  VitrineSpaceOptions *options;
  VitrineLog          *log;

  VitrineSpaceState    state;
  char                *url;
  guint                port;
  char                *error_message;
  char               **missing;
  char                *sdk;
  char                *title;
  char                *folder;
  char                *command;

  /* The run under way: each start or stop makes a new generation, and
   * what finishes for an older one is ignored. */
  guint                generation;
  GTask               *start_task;
  GList               *stop_tasks;
  GCancellable        *work;            /* fetch, prepare, probes */
  guint                in_flight;       /* fetches and prepares not back */
  VitrineSpaceConfig  *config;
  VitrineDockerPlan   *plan;
  VitrineSupervisor   *app;
  VitrineStaticServer *static_server;
  GObject             *probe_session;   /* a SoupSession */
  GSource             *probe_timer;
  guint                app_port;        /* a port the app may insist on */
  char                *env_dir;

  char                *stub_dir;
  /* What is being probed while starting: the URL, and one the app may
   * insist on serving at instead (a port its code names). */
  char                *probe_url;
  char                *alt_url;
  guint                probes_out;
  /* The app slot also holds a container engine's helper runs (info,
   * build), which end in helper_done rather than in a crash. */
  gboolean             app_is_helper;
  void               (*helper_done) (VitrineSpaceRun *self,
                                     int              wait_status);
  char                *engine;
  char                *plan_error;

  /* Watching a folder. */
  GPtrArray           *monitors;
  GSource             *debounce;
  gboolean             restarting_for_change;
};

void     _vitrine_space_run_set_state             (VitrineSpaceRun     *self,
                                                   VitrineSpaceState    state);
void     _vitrine_space_run_say                   (VitrineSpaceRun     *self,
                                                   const char          *format,
                                                   ...) G_GNUC_PRINTF (2, 3);
void     _vitrine_space_run_fail                  (VitrineSpaceRun     *self,
                                                   VitrineSpaceState    state,
                                                   GError              *error);
void     _vitrine_space_run_ready                 (VitrineSpaceRun     *self,
                                                   const char          *url,
                                                   guint                port);
void     _vitrine_space_run_begin                 (VitrineSpaceRun     *self);
void     _vitrine_space_run_clear_work            (VitrineSpaceRun     *self);
void     _vitrine_space_run_work_done             (VitrineSpaceRun     *self);
void     _vitrine_space_run_app_exited            (VitrineSpaceRun     *self,
                                                   int                  wait_status);
void     _vitrine_space_run_set_missing           (VitrineSpaceRun     *self,
                                                   char               **missing);
void     _vitrine_space_run_set_string            (VitrineSpaceRun     *self,
                                                   char               **field,
                                                   const char          *value,
                                                   const char          *name);
void     _vitrine_space_run_fail_with             (VitrineSpaceRun     *self,
                                                   const char          *message);
char   **_vitrine_space_run_child_environment     (VitrineSpaceRun     *self,
                                                   const char          *stub_dir,
                                                   guint                port);
char    *_vitrine_space_run_url_for               (VitrineSpaceRun     *self,
                                                   guint                port,
                                                   const char          *page);
void     _vitrine_space_run_watch                 (VitrineSpaceRun     *self);
void     _vitrine_space_run_unwatch               (VitrineSpaceRun     *self);
void     _vitrine_space_run_emit_files_changed    (VitrineSpaceRun     *self);
void     _vitrine_space_run_python                (VitrineSpaceRun     *self);
void     _vitrine_space_run_docker                (VitrineSpaceRun     *self);
gboolean _vitrine_space_port_answers              (guint                port);

/* A callback's view of the run: a reference, and the generation it was
 * started for (a stop or a new start makes older ones moot). */
typedef struct
{
  VitrineSpaceRun *self;
  guint            generation;
} Call;

Call    *_vitrine_space_run_call_new              (VitrineSpaceRun     *self);
void     _vitrine_space_run_call_free             (Call                *call);
gboolean _vitrine_space_run_call_is_current       (Call                *call);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (Call, _vitrine_space_run_call_free)

G_END_DECLS
