/* vitrine-space-run.c — one run of a Space on this computer: the object,
 * its public calls, stopping, and watching a folder
 *
 * The way to running (fetch, front matter, environment) is in
 * vitrine-space-run-start.c, the app and its probes in
 * vitrine-space-run-app.c, watching a folder in vitrine-space-run-watch.c.  Everything here happens on the main
 * context that was the thread-default one when the run was made.
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "vitrine-error.h"
#include "vitrine-space-run-private.h"

/* How long an app has to end after SIGTERM before SIGKILL. */
#define STOP_GRACE_MS 5000
/* The log lines a crash's message shows. */
#define CRASH_TAIL_LINES 12

G_DEFINE_FINAL_TYPE (VitrineSpaceRun, vitrine_space_run, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_STATE,
  PROP_URL,
  PROP_PORT,
  PROP_LOG,
  PROP_ERROR_MESSAGE,
  PROP_MISSING_MODULES,
  PROP_SDK,
  PROP_TITLE,
  PROP_SPACE_ID,
  PROP_FOLDER,
  PROP_COMMAND,
  PROP_OPTIONS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  FILES_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

void
_vitrine_space_run_emit_files_changed (VitrineSpaceRun *self)
{
  g_signal_emit (self, signals[FILES_CHANGED], 0);
}


/* A per-Space folder name: `ns--name`, from a repository id. */
static char *
space_key (const char *space_id)
{
  g_auto(GStrv) parts = g_strsplit (space_id, "/", 2);

  return g_strdup_printf ("%s--%s", parts[0], parts[1] != NULL ? parts[1] : "space");
}

static char *
default_cache_dir (void)
{
  return g_build_filename (g_get_user_cache_dir (), "vitrine", "spaces", NULL);
}

static VitrineSpaceRun *
new_run (const char          *cache_dir,
         VitrineSpaceOptions *options)
{
  VitrineSpaceRun *self = g_object_new (VITRINE_TYPE_SPACE_RUN, NULL);

  self->cache_dir = cache_dir != NULL ? g_strdup (cache_dir) : default_cache_dir ();
  self->options = options != NULL ? g_object_ref (options) : vitrine_space_options_new ();
  return self;
}

/**
 * vitrine_space_run_new_for_repo:
 * @client: the client of the endpoint the Space is on
 * @space_id: `ns/name`
 * @cache_dir: (nullable): where Spaces' files and environments go;
 *   %NULL for `vitrine/spaces` in the user's cache folder
 * @options: (nullable): how to run it; %NULL for the defaults
 *
 * Returns: (transfer full): a run, idle until started
 */
VitrineSpaceRun *
vitrine_space_run_new_for_repo (VitrineClient        *client,
                                const char           *space_id,
                                const char           *cache_dir,
                                VitrineSpaceOptions  *options)
{
  VitrineSpaceRun *self;
  g_autoptr(GUri) uri = NULL;
  g_autofree char *key = NULL;

  g_return_val_if_fail (VITRINE_IS_CLIENT (client), NULL);
  g_return_val_if_fail (space_id != NULL, NULL);

  self = new_run (cache_dir, options);
  self->client = g_object_ref (client);
  self->space_id = g_strdup (space_id);
  /* Per host, not per port: this computer's hub changes port. */
  uri = g_uri_parse (vitrine_client_get_endpoint (client), G_URI_FLAGS_NONE, NULL);
  key = space_key (space_id);
  self->state_dir = g_build_filename (self->cache_dir, uri != NULL && g_uri_get_host (uri) != NULL
                                      ? g_uri_get_host (uri) : "hub", key, NULL);
  return self;
}

/**
 * vitrine_space_run_new_for_folder:
 * @folder: an unpublished Space's folder, run as it is
 * @cache_dir: (nullable): where its environment goes (see
 *   vitrine_space_run_new_for_repo())
 * @options: (nullable): how to run it
 *
 * Returns: (transfer full): a run, idle until started
 */
VitrineSpaceRun *
vitrine_space_run_new_for_folder (const char           *folder,
                                  const char           *cache_dir,
                                  VitrineSpaceOptions  *options)
{
  VitrineSpaceRun *self;
  g_autofree char *base = NULL;
  g_autofree char *hash = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (folder != NULL, NULL);

  self = new_run (cache_dir, options);
  self->source_folder = g_canonicalize_filename (folder, NULL);
  self->folder = g_strdup (self->source_folder);
  base = g_path_get_basename (self->source_folder);
  self->space_id = vitrine_space_options_get_space_id (self->options) != NULL
    ? g_strdup (vitrine_space_options_get_space_id (self->options))
    : g_strconcat ("local/", base, NULL);
  hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, self->source_folder, -1);
  name = g_strdup_printf ("%s-%.12s", base, hash);
  self->state_dir = g_build_filename (self->cache_dir, "folders", name, NULL);
  return self;
}

VitrineSpaceState
vitrine_space_run_get_state (VitrineSpaceRun *self)
{
  g_return_val_if_fail (VITRINE_IS_SPACE_RUN (self), VITRINE_SPACE_STATE_IDLE);
  return self->state;
}

const char *
vitrine_space_run_get_url (VitrineSpaceRun *self)
{
  g_return_val_if_fail (VITRINE_IS_SPACE_RUN (self), NULL);
  return self->url;
}

guint
vitrine_space_run_get_port (VitrineSpaceRun *self)
{
  g_return_val_if_fail (VITRINE_IS_SPACE_RUN (self), 0);
  return self->port;
}

/**
 * vitrine_space_run_get_log:
 *
 * Returns: (transfer none): the run's log
 */
VitrineLog *
vitrine_space_run_get_log (VitrineSpaceRun *self)
{
  g_return_val_if_fail (VITRINE_IS_SPACE_RUN (self), NULL);
  return self->log;
}

const char *
vitrine_space_run_get_error_message (VitrineSpaceRun *self)
{
  g_return_val_if_fail (VITRINE_IS_SPACE_RUN (self), NULL);
  return self->error_message;
}

const char * const *
vitrine_space_run_get_missing_modules (VitrineSpaceRun *self)
{
  g_return_val_if_fail (VITRINE_IS_SPACE_RUN (self), NULL);
  return (const char * const *) self->missing;
}

const char *
vitrine_space_run_get_sdk (VitrineSpaceRun *self)
{
  g_return_val_if_fail (VITRINE_IS_SPACE_RUN (self), NULL);
  return self->sdk;
}

const char *
vitrine_space_run_get_title (VitrineSpaceRun *self)
{
  g_return_val_if_fail (VITRINE_IS_SPACE_RUN (self), NULL);
  return self->title;
}

const char *
vitrine_space_run_get_space_id (VitrineSpaceRun *self)
{
  g_return_val_if_fail (VITRINE_IS_SPACE_RUN (self), NULL);
  return self->space_id;
}

const char *
vitrine_space_run_get_folder (VitrineSpaceRun *self)
{
  g_return_val_if_fail (VITRINE_IS_SPACE_RUN (self), NULL);
  return self->folder;
}

const char *
vitrine_space_run_get_command (VitrineSpaceRun *self)
{
  g_return_val_if_fail (VITRINE_IS_SPACE_RUN (self), NULL);
  return self->command;
}

/**
 * vitrine_space_run_get_options:
 *
 * Returns: (transfer none): the options it reads at each start
 */
VitrineSpaceOptions *
vitrine_space_run_get_options (VitrineSpaceRun *self)
{
  g_return_val_if_fail (VITRINE_IS_SPACE_RUN (self), NULL);
  return self->options;
}

gboolean
vitrine_space_run_is_folder (VitrineSpaceRun *self)
{
  g_return_val_if_fail (VITRINE_IS_SPACE_RUN (self), FALSE);
  return self->client == NULL;
}

/* ---- state ------------------------------------------------------------ */

void
_vitrine_space_run_set_state (VitrineSpaceRun   *self,
                              VitrineSpaceState  state)
{
  if (self->state == state)
    return;
  self->state = state;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
}

void
_vitrine_space_run_say (VitrineSpaceRun *self,
                        const char      *format,
                        ...)
{
  g_autofree char *text = NULL;
  va_list args;

  va_start (args, format);
  text = g_strdup_vprintf (format, args);
  va_end (args);
  vitrine_log_append (self->log, VITRINE_LOG_STREAM_STATUS, text);
}

static void
set_error_message (VitrineSpaceRun *self,
                   const char      *message)
{
  if (g_strcmp0 (self->error_message, message) == 0)
    return;
  g_free (self->error_message);
  self->error_message = g_strdup (message);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ERROR_MESSAGE]);
}

void
_vitrine_space_run_set_missing (VitrineSpaceRun *self,
                                char           **missing)
{
  g_strfreev (self->missing);
  self->missing = missing;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MISSING_MODULES]);
}

static void
set_url (VitrineSpaceRun *self,
         const char      *url,
         guint            port)
{
  if (g_strcmp0 (self->url, url) != 0)
    {
      g_free (self->url);
      self->url = g_strdup (url);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_URL]);
    }
  if (self->port != port)
    {
      self->port = port;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PORT]);
    }
}

/* Ends a start that failed: @error (taken) says why, for the user too. */
void
_vitrine_space_run_fail (VitrineSpaceRun   *self,
                         VitrineSpaceState  state,
                         GError            *error)
{
  g_autoptr(GTask) task = g_steal_pointer (&self->start_task);

  _vitrine_space_run_clear_work (self);
  self->restarting_for_change = FALSE;
  set_error_message (self, error->message);
  vitrine_log_append (self->log, VITRINE_LOG_STREAM_STATUS, error->message);
  set_url (self, NULL, 0);
  _vitrine_space_run_set_state (self, state);
  if (task != NULL)
    g_task_return_error (task, error);
  else
    g_error_free (error);
}

/* The URL answers. */
void
_vitrine_space_run_ready (VitrineSpaceRun *self,
                          const char      *url,
                          guint            port)
{
  g_autoptr(GTask) task = g_steal_pointer (&self->start_task);

  set_url (self, url, port);
  _vitrine_space_run_say (self, _("Running at %s"), url);
  _vitrine_space_run_set_state (self, VITRINE_SPACE_STATE_RUNNING);
  _vitrine_space_run_watch (self);
  if (task != NULL)
    g_task_return_boolean (task, TRUE);
  if (self->restarting_for_change)
    {
      self->restarting_for_change = FALSE;
      _vitrine_space_run_emit_files_changed (self);
    }
}

/* A stop is done once the app ended and no fetch or prepare is out. */
static void
maybe_stopped (VitrineSpaceRun *self)
{
  GList *tasks;

  if (self->state != VITRINE_SPACE_STATE_STOPPING || self->in_flight > 0 ||
      (self->app != NULL && vitrine_supervisor_is_running (self->app)))
    return;
  g_clear_object (&self->app);
  set_url (self, NULL, 0);
  _vitrine_space_run_say (self, _("Stopped."));
  _vitrine_space_run_set_state (self, VITRINE_SPACE_STATE_STOPPED);
  tasks = g_steal_pointer (&self->stop_tasks);
  for (GList *l = tasks; l != NULL; l = l->next)
    {
      g_task_return_boolean (l->data, TRUE);
      g_object_unref (l->data);
    }
  g_list_free (tasks);
}

void
_vitrine_space_run_work_done (VitrineSpaceRun *self)
{
  g_assert (self->in_flight > 0);
  self->in_flight--;
  maybe_stopped (self);
}

void
_vitrine_space_run_app_exited (VitrineSpaceRun *self,
                               int              wait_status)
{
  g_autofree char *how = NULL;
  g_autofree char *tail = NULL;
  g_autofree char *message = NULL;
  char **missing;

  if (self->state == VITRINE_SPACE_STATE_STOPPING)
    {
      maybe_stopped (self);
      return;
    }
  if (self->app_is_helper)
    {
      g_clear_object (&self->app);
      self->app_is_helper = FALSE;
      self->helper_done (self, wait_status);
      return;
    }
  how = vitrine_supervisor_describe_exit (self->app);
  g_clear_object (&self->app);
  tail = vitrine_log_dup_tail (self->log, CRASH_TAIL_LINES);
  missing = _vitrine_space_missing_from_log (self->log, CRASH_TAIL_LINES * 4);
  if (missing != NULL)
    {
      g_autofree char *names = g_strjoinv (", ", missing);

      message = g_strdup_printf (_("The app stopped: it needs %s, which is not installed. %s\n\nIts last "
                                   "lines:\n%s"), names, how, tail);
      _vitrine_space_run_set_missing (self, missing);
    }
  else
    message = g_strdup_printf (_("The app stopped. %s\n\nIts last lines:\n%s"), how, tail);
  _vitrine_space_run_fail (self, VITRINE_SPACE_STATE_CRASHED,
                           g_error_new_literal (VITRINE_ERROR, VITRINE_ERROR_FAILED, message));
}

/* ---- start, stop, restart --------------------------------------------- */

/**
 * vitrine_space_run_start_async:
 *
 * Starts the Space; see the header for what it does.
 */
void
vitrine_space_run_start_async (VitrineSpaceRun     *self,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);

  g_return_if_fail (VITRINE_IS_SPACE_RUN (self));

  g_task_set_source_tag (task, vitrine_space_run_start_async);
  if (self->state == VITRINE_SPACE_STATE_RUNNING)
    {
      g_task_return_boolean (task, TRUE);
      return;
    }
  if (self->start_task != NULL || self->state == VITRINE_SPACE_STATE_STOPPING)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_BUSY,
                               _("This Space is being started or stopped already."));
      return;
    }
  self->start_task = g_steal_pointer (&task);
  self->generation++;
  set_error_message (self, NULL);
  if (self->missing != NULL)
    _vitrine_space_run_set_missing (self, NULL);
  set_url (self, NULL, 0);
  _vitrine_space_run_begin (self);
}

gboolean
vitrine_space_run_start_finish (VitrineSpaceRun  *self,
                                GAsyncResult     *result,
                                GError          **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

/* Ends whatever is under way for the current generation. */
static void
halt (VitrineSpaceRun *self)
{
  g_autoptr(GTask) start = g_steal_pointer (&self->start_task);

  self->generation++;
  _vitrine_space_run_clear_work (self);
  _vitrine_space_run_unwatch (self);
  g_clear_pointer (&self->static_server, _vitrine_static_server_free);
  if (start != NULL)
    g_task_return_new_error (start, G_IO_ERROR, G_IO_ERROR_CANCELLED, _("The Space was stopped."));
}

void
vitrine_space_run_stop_async (VitrineSpaceRun     *self,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);
  gboolean app_running;

  g_return_if_fail (VITRINE_IS_SPACE_RUN (self));

  g_task_set_source_tag (task, vitrine_space_run_stop_async);
  app_running = self->app != NULL && vitrine_supervisor_is_running (self->app);
  if (self->state != VITRINE_SPACE_STATE_STOPPING && self->start_task == NULL && !app_running &&
      self->static_server == NULL && self->in_flight == 0)
    {
      g_task_return_boolean (task, TRUE);
      return;
    }
  self->stop_tasks = g_list_append (self->stop_tasks, g_steal_pointer (&task));
  if (self->state == VITRINE_SPACE_STATE_STOPPING)
    return;
  _vitrine_space_run_say (self, _("Stopping…"));
  _vitrine_space_run_set_state (self, VITRINE_SPACE_STATE_STOPPING);
  halt (self);
  if (app_running)
    vitrine_supervisor_stop_async (self->app, STOP_GRACE_MS, NULL, NULL, NULL);
  maybe_stopped (self);
}

gboolean
vitrine_space_run_stop_finish (VitrineSpaceRun  *self,
                               GAsyncResult     *result,
                               GError          **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
on_restart_started_cb (GObject      *source,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  if (vitrine_space_run_start_finish (VITRINE_SPACE_RUN (source), result, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
on_restart_stopped_cb (GObject      *source,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  if (!vitrine_space_run_stop_finish (VITRINE_SPACE_RUN (source), result, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  vitrine_space_run_start_async (VITRINE_SPACE_RUN (source), g_task_get_cancellable (task),
                                 on_restart_started_cb, g_object_ref (task));
}

void
vitrine_space_run_restart_async (VitrineSpaceRun     *self,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);

  g_return_if_fail (VITRINE_IS_SPACE_RUN (self));

  g_task_set_source_tag (task, vitrine_space_run_restart_async);
  vitrine_space_run_stop_async (self, cancellable, on_restart_stopped_cb, task);
}

gboolean
vitrine_space_run_restart_finish (VitrineSpaceRun  *self,
                                  GAsyncResult     *result,
                                  GError          **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * vitrine_space_run_stop:
 *
 * Stops at once, blocking for a few seconds at most, for quitting; a
 * fetch under way is cancelled and left to end by itself.
 */
void
vitrine_space_run_stop (VitrineSpaceRun *self)
{
  g_autoptr(VitrineSupervisor) app = NULL;
  GList *tasks;

  g_return_if_fail (VITRINE_IS_SPACE_RUN (self));

  halt (self);
  app = g_steal_pointer (&self->app);
  if (app != NULL)
    {
      g_signal_handlers_disconnect_by_data (app, self);
      vitrine_supervisor_stop (app, 3000);
    }
  if (self->state != VITRINE_SPACE_STATE_IDLE && self->state != VITRINE_SPACE_STATE_CRASHED &&
      self->state != VITRINE_SPACE_STATE_FAILED)
    _vitrine_space_run_set_state (self, VITRINE_SPACE_STATE_STOPPED);
  set_url (self, NULL, 0);
  tasks = g_steal_pointer (&self->stop_tasks);
  for (GList *l = tasks; l != NULL; l = l->next)
    {
      g_task_return_boolean (l->data, TRUE);
      g_object_unref (l->data);
    }
  g_list_free (tasks);
}

/* ---- GObject ---------------------------------------------------------- */

static void
vitrine_space_run_dispose (GObject *object)
{
  VitrineSpaceRun *self = VITRINE_SPACE_RUN (object);

  vitrine_space_run_stop (self);
  g_clear_object (&self->client);
  G_OBJECT_CLASS (vitrine_space_run_parent_class)->dispose (object);
}

static void
vitrine_space_run_finalize (GObject *object)
{
  VitrineSpaceRun *self = VITRINE_SPACE_RUN (object);

  g_clear_object (&self->options);
  g_clear_object (&self->log);
  g_clear_object (&self->work);
  g_clear_object (&self->probe_session);
  g_clear_pointer (&self->config, _vitrine_space_config_free);
  g_clear_pointer (&self->plan, _vitrine_docker_plan_free);
  g_clear_pointer (&self->context, g_main_context_unref);
  g_free (self->space_id);
  g_free (self->source_folder);
  g_free (self->cache_dir);
  g_free (self->state_dir);
  g_free (self->env_dir);
  g_free (self->url);
  g_free (self->error_message);
  g_strfreev (self->missing);
  g_free (self->sdk);
  g_free (self->title);
  g_free (self->folder);
  g_free (self->command);
  g_free (self->stub_dir);
  g_free (self->probe_url);
  g_free (self->alt_url);
  g_free (self->engine);
  g_free (self->plan_error);
  G_OBJECT_CLASS (vitrine_space_run_parent_class)->finalize (object);
}

static void
vitrine_space_run_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  VitrineSpaceRun *self = VITRINE_SPACE_RUN (object);

  switch (prop_id)
    {
    case PROP_STATE:
      g_value_set_enum (value, self->state);
      break;
    case PROP_URL:
      g_value_set_string (value, self->url);
      break;
    case PROP_PORT:
      g_value_set_uint (value, self->port);
      break;
    case PROP_LOG:
      g_value_set_object (value, self->log);
      break;
    case PROP_ERROR_MESSAGE:
      g_value_set_string (value, self->error_message);
      break;
    case PROP_MISSING_MODULES:
      g_value_set_boxed (value, self->missing);
      break;
    case PROP_SDK:
      g_value_set_string (value, self->sdk);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_SPACE_ID:
      g_value_set_string (value, self->space_id);
      break;
    case PROP_FOLDER:
      g_value_set_string (value, self->folder);
      break;
    case PROP_COMMAND:
      g_value_set_string (value, self->command);
      break;
    case PROP_OPTIONS:
      g_value_set_object (value, self->options);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vitrine_space_run_class_init (VitrineSpaceRunClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = vitrine_space_run_dispose;
  object_class->finalize = vitrine_space_run_finalize;
  object_class->get_property = vitrine_space_run_get_property;

  properties[PROP_STATE] = g_param_spec_enum ("state", NULL, NULL, VITRINE_TYPE_SPACE_STATE,
                                              VITRINE_SPACE_STATE_IDLE, flags);
  properties[PROP_URL] = g_param_spec_string ("url", NULL, NULL, NULL, flags);
  properties[PROP_PORT] = g_param_spec_uint ("port", NULL, NULL, 0, 65535, 0, flags);
  properties[PROP_LOG] = g_param_spec_object ("log", NULL, NULL, VITRINE_TYPE_LOG, flags);
  properties[PROP_ERROR_MESSAGE] = g_param_spec_string ("error-message", NULL, NULL, NULL, flags);
  properties[PROP_MISSING_MODULES] = g_param_spec_boxed ("missing-modules", NULL, NULL, G_TYPE_STRV, flags);
  properties[PROP_SDK] = g_param_spec_string ("sdk", NULL, NULL, NULL, flags);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, flags);
  properties[PROP_SPACE_ID] = g_param_spec_string ("space-id", NULL, NULL, NULL, flags);
  properties[PROP_FOLDER] = g_param_spec_string ("folder", NULL, NULL, NULL, flags);
  properties[PROP_COMMAND] = g_param_spec_string ("command", NULL, NULL, NULL, flags);
  properties[PROP_OPTIONS] = g_param_spec_object ("options", NULL, NULL, VITRINE_TYPE_SPACE_OPTIONS, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * VitrineSpaceRun::files-changed:
   *
   * With the "watch" option, a folder's files changed (and an app was
   * restarted and answers again): the view reloads.
   */
  signals[FILES_CHANGED] =
    g_signal_new ("files-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
vitrine_space_run_init (VitrineSpaceRun *self)
{
  self->context = g_main_context_ref_thread_default ();
  self->log = vitrine_log_new (2000);
}
