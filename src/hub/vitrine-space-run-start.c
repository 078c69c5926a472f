/* vitrine-space-run-start.c — the way a Space run gets to running
 *
 * fetch (a published Space, in a worker thread, through the client) →
 * front matter → static: a loopback server in this process, ready at once;
 * gradio, streamlit: the Space's Python environment, then the app as a
 * supervised child; docker: podman or docker when one works (the image
 * built, the port published on loopback), else the Dockerfile's plain
 * Python command in the Space's environment → probes of the URL until it
 * answers → running.  Each callback checks that its generation is still
 * the run's: a stop or a new start makes older ones moot.
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "vitrine-error.h"
#include "vitrine-space-run-private.h"


static void after_files (VitrineSpaceRun *self);

Call *
_vitrine_space_run_call_new (VitrineSpaceRun *self)
{
  Call *call = g_new0 (Call, 1);

  call->self = g_object_ref (self);
  call->generation = self->generation;
  return call;
}

void
_vitrine_space_run_call_free (Call *call)
{
  g_object_unref (call->self);
  g_free (call);
}

gboolean
_vitrine_space_run_call_is_current (Call *call)
{
  return call->generation == call->self->generation;
}

/**
 * _vitrine_space_free_port:
 *
 * Returns: a loopback port nothing listens on now, 0 with @error set
 */
guint
_vitrine_space_free_port (GError **error)
{
  g_autoptr(GSocket) socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM,
                                            G_SOCKET_PROTOCOL_TCP, error);
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) any = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) bound = NULL;

  if (socket == NULL || !g_socket_bind (socket, any, FALSE, error))
    return 0;
  bound = g_socket_get_local_address (socket, error);
  if (bound == NULL)
    return 0;
  return g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound));
}

/* Whether something answers connections on the loopback @port now. */
gboolean
_vitrine_space_port_answers (guint port)
{
  g_autoptr(GSocketClient) client = g_socket_client_new ();
  g_autoptr(GSocketConnection) connection = NULL;

  g_socket_client_set_timeout (client, 2);
  connection = g_socket_client_connect_to_host (client, "127.0.0.1", port, NULL, NULL);
  return connection != NULL;
}

void
_vitrine_space_run_clear_work (VitrineSpaceRun *self)
{
  if (self->work != NULL)
    g_cancellable_cancel (self->work);
  g_clear_object (&self->work);
  if (self->probe_timer != NULL)
    {
      g_source_destroy (self->probe_timer);
      g_clear_pointer (&self->probe_timer, g_source_unref);
    }
}

void
_vitrine_space_run_fail_with (VitrineSpaceRun *self,
                              const char      *message)
{
  _vitrine_space_run_fail (self, VITRINE_SPACE_STATE_FAILED,
                           g_error_new_literal (VITRINE_ERROR, VITRINE_ERROR_FAILED, message));
}

/* ---- the children's environment --------------------------------------- */

static const char *
endpoint (VitrineSpaceRun *self)
{
  const char *chosen = vitrine_space_options_get_endpoint (self->options);

  if (chosen != NULL)
    return chosen;
  return self->client != NULL ? vitrine_client_get_endpoint (self->client) : NULL;
}

/* What every child of the run gets: @port is 0 for the ones before the
 * app (pip), which get no port. */
char **
_vitrine_space_run_child_environment (VitrineSpaceRun *self,
                                      const char      *stub_dir,
                                      guint            port)
{
  static const char * const dropped[] = {
    "HF_TOKEN", "HUGGING_FACE_HUB_TOKEN", "HF_ENDPOINT", "HF_TOKEN_PATH", "SYSTEM", "SPACE_ID",
    "SPACE_AUTHOR_NAME", "SPACE_REPO_NAME", "SPACE_HOST", "SPACE_TITLE", "PORT", "GRADIO_SERVER_PORT",
    "GRADIO_SERVER_NAME", "GRADIO_SSR_MODE", "PYTHONHOME", "VIRTUAL_ENV",
  };
  char **env = g_get_environ ();
  g_auto(GStrv) parts = g_strsplit (self->space_id, "/", 2);
  const char *token = vitrine_space_options_get_token (self->options);
  const char *path = g_environ_getenv (env, "PATH");
  const char *python_path = g_environ_getenv (env, "PYTHONPATH");
  g_autofree char *bin = NULL;
  g_autofree char *new_path = NULL;
  g_autofree char *new_python_path = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (dropped); i++)
    env = g_environ_unsetenv (env, dropped[i]);

  /* The Dockerfile's ENV lines, under what Vitrine sets. */
  for (guint i = 0; self->plan != NULL && self->plan->env_pairs[i] != NULL; i++)
    {
      g_auto(GStrv) pair = g_strsplit (self->plan->env_pairs[i], "=", 2);

      env = g_environ_setenv (env, pair[0], pair[1], TRUE);
    }

  if (endpoint (self) != NULL)
    env = g_environ_setenv (env, "HF_ENDPOINT", endpoint (self), TRUE);
  if (token != NULL && vitrine_space_options_get_share_token (self->options))
    env = g_environ_setenv (env, "HF_TOKEN", token, TRUE);
  else
    {
      /* Not even the token file the Hub's tools would read. */
      g_autofree char *none = g_build_filename (self->state_dir, "no-token", NULL);

      env = g_environ_setenv (env, "HF_TOKEN_PATH", none, TRUE);
    }
  env = g_environ_setenv (env, "SPACE_ID", self->space_id, TRUE);
  env = g_environ_setenv (env, "SPACE_AUTHOR_NAME", parts[0], TRUE);
  env = g_environ_setenv (env, "SPACE_REPO_NAME", parts[1] != NULL ? parts[1] : parts[0], TRUE);
  env = g_environ_setenv (env, "SPACE_TITLE", self->title != NULL ? self->title
                                              : (parts[1] != NULL ? parts[1] : parts[0]), TRUE);
  if (vitrine_space_options_get_system_spaces (self->options))
    env = g_environ_setenv (env, "SYSTEM", "spaces", TRUE);
  env = g_environ_setenv (env, "PYTHONUNBUFFERED", "1", TRUE);
  env = g_environ_setenv (env, "PIP_DISABLE_PIP_VERSION_CHECK", "1", TRUE);
  if (stub_dir != NULL)
    {
      new_python_path = python_path != NULL && python_path[0] != '\0'
        ? g_strconcat (python_path, G_SEARCHPATH_SEPARATOR_S, stub_dir, NULL)
        : g_strdup (stub_dir);
      env = g_environ_setenv (env, "PYTHONPATH", new_python_path, TRUE);
    }
  if (self->env_dir != NULL)
    {
      bin = g_build_filename (self->env_dir, "bin", NULL);
      new_path = path != NULL ? g_strconcat (bin, G_SEARCHPATH_SEPARATOR_S, path, NULL) : g_strdup (bin);
      env = g_environ_setenv (env, "PATH", new_path, TRUE);
      env = g_environ_setenv (env, "VIRTUAL_ENV", self->env_dir, TRUE);
    }
  if (port != 0)
    {
      g_autofree char *port_s = g_strdup_printf ("%u", port);
      g_autofree char *host = g_strdup_printf ("127.0.0.1:%u", port);

      env = g_environ_setenv (env, "SPACE_HOST", host, TRUE);
      env = g_environ_setenv (env, "PORT", port_s, TRUE);
      env = g_environ_setenv (env, "GRADIO_SERVER_PORT", port_s, TRUE);
      env = g_environ_setenv (env, "GRADIO_SERVER_NAME", "127.0.0.1", TRUE);
      env = g_environ_setenv (env, "GRADIO_SSR_MODE", "False", TRUE);
    }
  return env;
}

/* ---- fetch ------------------------------------------------------------ */

typedef struct
{
  VitrineClient *client;
  char          *space_id;
  char          *revision;
  char          *files_dir;
  char          *state_dir;
  VitrineLog    *log;
  GMainContext  *context;
} Fetch;

static void
fetch_free (Fetch *fetch)
{
  g_object_unref (fetch->client);
  g_free (fetch->space_id);
  g_free (fetch->revision);
  g_free (fetch->files_dir);
  g_free (fetch->state_dir);
  g_object_unref (fetch->log);
  g_main_context_unref (fetch->context);
  g_free (fetch);
}

typedef struct
{
  VitrineLog *log;
  char       *text;
} Said;

static gboolean
append_said_cb (gpointer data)
{
  Said *said = data;

  vitrine_log_append (said->log, VITRINE_LOG_STREAM_STATUS, said->text);
  return G_SOURCE_REMOVE;
}

static void
said_free (gpointer data)
{
  Said *said = data;

  g_object_unref (said->log);
  g_free (said->text);
  g_free (said);
}

/* From the fetch's thread: a line for the log, on the run's context. */
static void
say_from_thread (gpointer    user_data,
                 const char *line)
{
  Fetch *fetch = user_data;
  Said *said = g_new0 (Said, 1);

  said->log = g_object_ref (fetch->log);
  said->text = g_strdup (line);
  g_main_context_invoke_full (fetch->context, G_PRIORITY_DEFAULT, append_said_cb, said, said_free);
}

static void
fetch_thread (GTask        *task,
              gpointer      source,
              gpointer      task_data,
              GCancellable *cancellable)
{
  Fetch *fetch = task_data;
  GError *error = NULL;

  if (_vitrine_space_fetch (fetch->client, fetch->space_id, fetch->revision, fetch->files_dir,
                            fetch->state_dir, say_from_thread, fetch, NULL, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
on_fetched_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(Call) call = user_data;
  VitrineSpaceRun *self = call->self;
  Fetch *fetch = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  gboolean ok = g_task_propagate_boolean (G_TASK (result), &error);

  if (!_vitrine_space_run_call_is_current (call))
    {
      _vitrine_space_run_work_done (self);
      return;
    }
  self->in_flight--;
  if (!ok)
    {
      g_autofree char *message = g_strdup_printf (_("Could not fetch the Space’s files: %s"), error->message);
      _vitrine_space_run_fail_with (self, message);
      return;
    }
  g_free (self->folder);
  self->folder = g_strdup (fetch->files_dir);
  g_object_notify (G_OBJECT (self), "folder");
  after_files (self);
}

/**
 * _vitrine_space_run_begin:
 *
 * Starts the way to running, for a new generation.
 */
void
_vitrine_space_run_begin (VitrineSpaceRun *self)
{
  g_clear_object (&self->work);
  self->work = g_cancellable_new ();
  g_clear_pointer (&self->plan, _vitrine_docker_plan_free);
  g_clear_pointer (&self->env_dir, g_free);
  self->app_port = 0;
  _vitrine_space_run_watch (self);

  if (self->client != NULL)
    {
      g_autoptr(GTask) task = g_task_new (NULL, self->work, on_fetched_cb, _vitrine_space_run_call_new (self));
      Fetch *fetch = g_new0 (Fetch, 1);

      _vitrine_space_run_say (self, _("Fetching %s from %s…"), self->space_id,
                              vitrine_client_get_endpoint (self->client));
      _vitrine_space_run_set_state (self, VITRINE_SPACE_STATE_FETCHING);
      fetch->client = g_object_ref (self->client);
      fetch->space_id = g_strdup (self->space_id);
      fetch->revision = g_strdup (vitrine_space_options_get_revision (self->options));
      fetch->files_dir = g_build_filename (self->state_dir, "files", NULL);
      fetch->state_dir = g_strdup (self->state_dir);
      fetch->log = g_object_ref (self->log);
      fetch->context = g_main_context_ref (self->context);
      g_task_set_task_data (task, fetch, (GDestroyNotify) fetch_free);
      self->in_flight++;
      g_task_run_in_thread (task, fetch_thread);
      return;
    }
  after_files (self);
}

/* ---- what the files say ----------------------------------------------- */

void
_vitrine_space_run_set_string (VitrineSpaceRun  *self,
                               char            **field,
                               const char       *value,
                               const char       *name)
{
  if (g_strcmp0 (*field, value) == 0)
    return;
  g_free (*field);
  *field = g_strdup (value);
  g_object_notify (G_OBJECT (self), name);
}

char *
_vitrine_space_run_url_for (VitrineSpaceRun *self,
                            guint            port,
                            const char      *page)
{
  const char *path = page;

  if (path == NULL && self->config->base_path != NULL)
    path = self->config->base_path;
  while (path != NULL && path[0] == '/')
    path++;
  return g_strdup_printf ("http://127.0.0.1:%u/%s", port, path != NULL ? path : "");
}

static void
run_static (VitrineSpaceRun *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *url = NULL;
  const char *page = self->config->app_file;

  _vitrine_space_run_set_string (self, &self->command, NULL, "command");
  self->static_server = _vitrine_static_server_new (self->folder, vitrine_space_options_get_port (self->options),
                                                    &error);
  if (self->static_server == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("Could not serve the Space’s files: %s"), error->message);
      _vitrine_space_run_fail_with (self, message);
      return;
    }
  if (page != NULL && g_str_equal (page, "index.html"))
    page = "";
  url = _vitrine_space_run_url_for (self, _vitrine_static_server_get_port (self->static_server), page);
  _vitrine_space_run_ready (self, url, _vitrine_static_server_get_port (self->static_server));
}

static void
after_files (VitrineSpaceRun *self)
{
  g_autoptr(GError) error = NULL;

  g_clear_pointer (&self->config, _vitrine_space_config_free);
  self->config = _vitrine_space_config_read (self->folder, &error);
  if (self->config == NULL)
    {
      _vitrine_space_run_fail_with (self, error->message);
      return;
    }
  _vitrine_space_run_set_string (self, &self->sdk, self->config->sdk, "sdk");
  _vitrine_space_run_set_string (self, &self->title, self->config->title, "title");

  if (g_str_equal (self->config->sdk, "static"))
    {
      if (self->config->app_build_command != NULL)
        _vitrine_space_run_say (self, _("This Space is built with “%s” on the Hub; its files are served "
                                        "here as they are."), self->config->app_build_command);
      run_static (self);
    }
  else if (g_str_equal (self->config->sdk, "docker"))
    _vitrine_space_run_docker (self);
  else
    _vitrine_space_run_python (self);
}
