/* vitrine-space-run-app.c — a Space's app as a child: the Python kinds,
 * Docker Spaces, and the probes that say when it answers
 *
 * gradio runs `python app_file` with GRADIO_SERVER_PORT, streamlit runs
 * `streamlit run app_file` with its port and address options; both in
 * the Space's environment.  A Docker Space is built and run with podman
 * or docker when one answers here (the port published on loopback only);
 * when none does, or the image cannot be built (podman cannot fetch a
 * base image offline: that is said plainly), its Dockerfile's command
 * runs without a container when it is plain Python.  An app told its
 * port through PORT may still serve on the one its code names
 * (`app_port`): that port is probed too, and the run shows it there,
 * saying why.
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>
#include <libsoup/soup.h>

#include "vitrine-error.h"
#include "vitrine-space-run-private.h"

#define PROBE_INTERVAL_MS 250
#define PROBE_TIMEOUT_S 10

static void launch (VitrineSpaceRun *self);
static void prepare_environment (VitrineSpaceRun *self);

static void
on_app_exited_cb (VitrineSupervisor *app,
                  int                wait_status,
                  gpointer           user_data)
{
  VitrineSpaceRun *self = user_data;

  if (app == self->app)
    _vitrine_space_run_app_exited (self, wait_status);
}

/* Runs @argv in the app slot; FALSE (and failed) when it could not. */
static gboolean
spawn_in_slot (VitrineSpaceRun     *self,
               const char * const  *argv,
               const char * const  *envp,
               VitrineLog          *log,
               gboolean             helper)
{
  g_autoptr(GError) error = NULL;

  g_clear_object (&self->app);
  self->app = vitrine_supervisor_new (log);
  self->app_is_helper = helper;
  g_signal_connect_object (self->app, "exited", G_CALLBACK (on_app_exited_cb), self, 0);
  if (!vitrine_supervisor_spawn (self->app, argv, envp, self->folder, VITRINE_SUPERVISOR_NONE, &error))
    {
      g_autofree char *message = g_strdup_printf (_("Could not start “%s”: %s"), argv[0], error->message);

      g_clear_object (&self->app);
      _vitrine_space_run_fail_with (self, message);
      return FALSE;
    }
  return TRUE;
}

static char *
show_command (const char * const *argv)
{
  g_autoptr(GString) shown = g_string_new (NULL);

  for (guint i = 0; argv[i] != NULL; i++)
    {
      g_autofree char *quoted = NULL;

      if (i > 0)
        g_string_append_c (shown, ' ');
      if (strpbrk (argv[i], " \t\n'\"\\$`*?[]{}()<>|&;#~") != NULL)
        g_string_append (shown, quoted = g_shell_quote (argv[i]));
      else
        g_string_append (shown, argv[i]);
    }
  return g_string_free (g_steal_pointer (&shown), FALSE);
}

/* ---- the Python kinds ------------------------------------------------- */

void
_vitrine_space_run_python (VitrineSpaceRun *self)
{
  const char *app = self->config->app_file;

  g_clear_pointer (&self->plan, _vitrine_docker_plan_free);
  self->plan = g_new0 (VitrineDockerPlan, 1);
  self->plan->env_pairs = g_new0 (char *, 1);
  if (g_str_equal (self->config->sdk, "streamlit"))
    {
      const char *argv[] = { "@PYTHON@", "-m", "streamlit", "run", app, "--server.port", "@PORT@",
                             "--server.address", "127.0.0.1", "--server.headless", "true", NULL };
      self->plan->argv = g_strdupv ((char **) argv);
    }
  else
    {
      const char *argv[] = { "@PYTHON@", app, NULL };
      self->plan->argv = g_strdupv ((char **) argv);
      self->plan->port_in_env = TRUE;
    }
  prepare_environment (self);
}

static void
on_prepared_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(Call) call = user_data;
  VitrineSpaceRun *self = call->self;
  g_autoptr(GError) error = NULL;
  char **missing = NULL;
  gboolean ok = _vitrine_space_env_prepare_finish (result, &missing, &error);

  if (!_vitrine_space_run_call_is_current (call))
    {
      g_strfreev (missing);
      _vitrine_space_run_work_done (self);
      return;
    }
  self->in_flight--;
  if (missing != NULL)
    _vitrine_space_run_set_missing (self, missing);
  if (!ok)
    {
      _vitrine_space_run_fail_with (self, error->message);
      return;
    }
  launch (self);
}

static void
prepare_environment (VitrineSpaceRun *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *python = NULL;
  g_auto(GStrv) env = NULL;
  const char *version = self->config->python_version;

  python = _vitrine_space_env_find_python (vitrine_space_options_get_python (self->options), version, &error);
  if (python == NULL)
    {
      _vitrine_space_run_fail_with (self, error->message);
      return;
    }
  if (version != NULL)
    {
      g_autofree char *base = g_path_get_basename (python);
      g_auto(GStrv) parts = g_strsplit (version, ".", 3);
      g_autofree char *wanted = g_strdup_printf ("python%s.%s", parts[0], parts[1] != NULL ? parts[1] : "");

      if (!g_str_equal (base, wanted))
        _vitrine_space_run_say (self, _("The Space asks for Python %s; %s runs it here."), version, python);
    }
  g_free (self->stub_dir);
  self->stub_dir = _vitrine_space_env_stub_dir (self->cache_dir, &error);
  if (self->stub_dir == NULL)
    {
      _vitrine_space_run_fail_with (self, error->message);
      return;
    }
  g_free (self->env_dir);
  self->env_dir = g_build_filename (self->state_dir, "env", NULL);
  _vitrine_space_run_set_state (self, VITRINE_SPACE_STATE_PREPARING);
  env = _vitrine_space_run_child_environment (self, self->stub_dir, 0);
  self->in_flight++;
  _vitrine_space_env_prepare_async (python, self->env_dir, self->folder,
                                    vitrine_space_options_get_install_requirements (self->options),
                                    (const char * const *) env, self->log, self->work, on_prepared_cb,
                                    _vitrine_space_run_call_new (self));
}

/* ---- probes ----------------------------------------------------------- */

static void probe (VitrineSpaceRun *self);

typedef struct
{
  Call        *call;
  SoupMessage *msg;
  gboolean     alternative;
} Probe;

static gboolean
on_probe_timer_cb (gpointer user_data)
{
  VitrineSpaceRun *self = user_data;

  g_clear_pointer (&self->probe_timer, g_source_unref);
  probe (self);
  return G_SOURCE_REMOVE;
}

static void
on_probe_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  Probe *p = user_data;
  VitrineSpaceRun *self = p->call->self;
  g_autoptr(GBytes) body = soup_session_send_and_read_finish (SOUP_SESSION (source), result, NULL);
  gboolean current = _vitrine_space_run_call_is_current (p->call);

  if (current)
    self->probes_out--;
  if (current && self->state == VITRINE_SPACE_STATE_STARTING)
    {
      if (body != NULL && p->alternative)
        {
          _vitrine_space_run_say (self, _("The app serves on port %u, which its code names, instead of the "
                                          "port it was given (%u): Vitrine shows it there. It cannot run "
                                          "twice at once that way."), self->config->app_port, self->port);
          _vitrine_space_run_ready (self, self->alt_url, self->config->app_port);
        }
      else if (body != NULL)
        _vitrine_space_run_ready (self, self->probe_url, self->port);
      else if (self->probes_out == 0 && self->probe_timer == NULL)
        {
          self->probe_timer = g_timeout_source_new (PROBE_INTERVAL_MS);
          g_source_set_callback (self->probe_timer, on_probe_timer_cb, self, NULL);
          g_source_attach (self->probe_timer, self->context);
        }
    }
  _vitrine_space_run_call_free (p->call);
  g_object_unref (p->msg);
  g_free (p);
}

static void
send_probe (VitrineSpaceRun *self,
            const char      *url,
            gboolean         alternative)
{
  Probe *p = g_new0 (Probe, 1);

  p->call = _vitrine_space_run_call_new (self);
  p->msg = soup_message_new ("GET", url);
  p->alternative = alternative;
  self->probes_out++;
  soup_session_send_and_read_async (SOUP_SESSION (self->probe_session), p->msg, G_PRIORITY_DEFAULT,
                                    self->work, on_probe_cb, p);
}

/* Any HTTP answer counts: the app listens and speaks HTTP. */
static void
probe (VitrineSpaceRun *self)
{
  if (self->probe_session == NULL)
    self->probe_session = G_OBJECT (soup_session_new_with_options ("timeout", PROBE_TIMEOUT_S,
                                                                   "idle-timeout", 1, NULL));
  send_probe (self, self->probe_url, FALSE);
  if (self->alt_url != NULL)
    send_probe (self, self->alt_url, TRUE);
}

static void
start_probing (VitrineSpaceRun *self,
               guint            port)
{
  g_free (self->probe_url);
  self->probe_url = _vitrine_space_run_url_for (self, port, NULL);
  g_clear_pointer (&self->alt_url, g_free);
  self->port = port;
  if (self->app_port != 0)
    self->alt_url = _vitrine_space_run_url_for (self, self->app_port, NULL);
  self->probes_out = 0;
  probe (self);
}

/* ---- the app ---------------------------------------------------------- */

static guint
choose_port (VitrineSpaceRun  *self,
             GError          **error)
{
  guint port = vitrine_space_options_get_port (self->options);

  return port != 0 ? port : _vitrine_space_free_port (error);
}

static void
launch (VitrineSpaceRun *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *python = g_build_filename (self->env_dir, "bin", "python", NULL);
  g_autofree char *port_s = NULL;
  g_autofree char *command = NULL;
  g_auto(GStrv) env = NULL;
  guint port = choose_port (self, &error);

  if (port == 0)
    {
      _vitrine_space_run_fail_with (self, error->message);
      return;
    }
  port_s = g_strdup_printf ("%u", port);
  for (guint i = 0; self->plan->argv[i] != NULL; i++)
    {
      g_autoptr(GString) arg = g_string_new (self->plan->argv[i]);

      g_string_replace (arg, "@PYTHON@", python, 0);
      g_string_replace (arg, "@PORT@", port_s, 0);
      g_ptr_array_add (argv, g_string_free (g_steal_pointer (&arg), FALSE));
    }
  g_ptr_array_add (argv, NULL);
  env = _vitrine_space_run_child_environment (self, self->stub_dir, port);

  /* Told its port only through PORT, a Docker app may serve on the one
   * its code names: when that one is free now, it is watched too. */
  self->app_port = 0;
  if (self->plan->port_in_env && g_str_equal (self->config->sdk, "docker") &&
      self->config->app_port != port && !_vitrine_space_port_answers (self->config->app_port))
    self->app_port = self->config->app_port;

  command = show_command ((const char * const *) argv->pdata);
  _vitrine_space_run_set_string (self, &self->command, command, "command");
  _vitrine_space_run_say (self, _("Starting: %s"), command);
  _vitrine_space_run_set_state (self, VITRINE_SPACE_STATE_STARTING);
  if (!spawn_in_slot (self, (const char * const *) argv->pdata, (const char * const *) env, self->log, FALSE))
    return;
  start_probing (self, port);
}

/* ---- Docker ----------------------------------------------------------- */

/* The Dockerfile's command without a container, or what is needed. */
static void
run_directly (VitrineSpaceRun *self)
{
  if (self->plan == NULL)
    {
      g_autofree char *message = NULL;

      if (self->engine == NULL)
        message = g_strdup_printf (_("%s No podman or docker works on this computer."), self->plan_error);
      _vitrine_space_run_fail_with (self, message != NULL ? message : self->plan_error);
      return;
    }
  _vitrine_space_run_say (self, _("Running the Dockerfile’s command without a container, in the Space’s "
                                  "Python environment."));
  if (self->plan->has_run_steps)
    _vitrine_space_run_say (self, _("The Dockerfile’s RUN steps are not run here; requirements.txt is "
                                    "installed instead."));
  prepare_environment (self);
}

static gboolean
mentions_any (const char          *text,
              const char * const  *needles)
{
  g_autofree char *lower = g_ascii_strdown (text, -1);

  for (guint i = 0; needles[i] != NULL; i++)
    if (strstr (lower, needles[i]) != NULL)
      return TRUE;
  return FALSE;
}

static void
on_container_built (VitrineSpaceRun *self,
                    int              wait_status)
{
  static const char * const offline[] = {
    "pull", "registry", "dial tcp", "name resolution", "no such host", "network is unreachable",
    "manifest unknown", "initializing source", "i/o timeout", NULL,
  };
  g_autofree char *tail = vitrine_log_dup_tail (self->log, 40);
  g_autofree char *image = NULL;
  g_autofree char *port_arg = NULL;
  g_autofree char *name = NULL;
  g_autofree char *command = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) env = NULL;
  guint port;

  if (!g_spawn_check_wait_status (wait_status, NULL))
    {
      if (mentions_any (tail, offline))
        _vitrine_space_run_say (self, _("%s could not fetch the image the Dockerfile starts from (its FROM "
                                        "line): this computer seems to be offline, or the registry is out "
                                        "of reach."), self->engine);
      else
        _vitrine_space_run_say (self, _("%s could not build the Space’s image."), self->engine);
      run_directly (self);
      return;
    }
  port = choose_port (self, &error);
  if (port == 0)
    {
      _vitrine_space_run_fail_with (self, error->message);
      return;
    }
  image = g_strdup_printf ("vitrine-space-%s", strrchr (self->state_dir, '/') + 1);
  g_strdelimit (image, "_.", '-');
  {
    g_autofree char *lower = g_ascii_strdown (image, -1);
    g_free (image);
    image = g_steal_pointer (&lower);
  }
  name = g_strdup_printf ("%s-%d", image, (int) getpid ());
  port_arg = g_strdup_printf ("127.0.0.1:%u:%u", port, self->config->app_port);
  env = _vitrine_space_run_child_environment (self, NULL, self->config->app_port);
  g_ptr_array_add (argv, g_strdup (self->engine));
  g_ptr_array_add (argv, g_strdup ("run"));
  g_ptr_array_add (argv, g_strdup ("--rm"));
  g_ptr_array_add (argv, g_strdup ("--name"));
  g_ptr_array_add (argv, g_strdup (name));
  g_ptr_array_add (argv, g_strdup ("-p"));
  g_ptr_array_add (argv, g_strdup (port_arg));
  for (guint i = 0; env[i] != NULL; i++)
    if (g_str_has_prefix (env[i], "HF_ENDPOINT=") || g_str_has_prefix (env[i], "HF_TOKEN=") ||
        g_str_has_prefix (env[i], "SPACE_") || g_str_has_prefix (env[i], "SYSTEM=") ||
        g_str_has_prefix (env[i], "PORT=") || g_str_has_prefix (env[i], "GRADIO_SERVER_PORT="))
      {
        g_ptr_array_add (argv, g_strdup ("-e"));
        g_ptr_array_add (argv, g_strdup (env[i]));
      }
  g_ptr_array_add (argv, g_strdup (image));
  g_ptr_array_add (argv, NULL);
  {
    const char *hub = g_environ_getenv (env, "HF_ENDPOINT");

    if (hub != NULL && (strstr (hub, "//127.0.0.1") != NULL || strstr (hub, "//localhost") != NULL))
      _vitrine_space_run_say (self, _("Inside the container, %s is the container itself: the hub on this "
                                      "computer is out of the app’s reach."), hub);
  }
  command = show_command ((const char * const *) argv->pdata);
  _vitrine_space_run_set_string (self, &self->command, command, "command");
  _vitrine_space_run_say (self, _("Starting: %s"), command);
  _vitrine_space_run_set_state (self, VITRINE_SPACE_STATE_STARTING);
  self->app_port = 0;
  if (spawn_in_slot (self, (const char * const *) argv->pdata, NULL, self->log, FALSE))
    start_probing (self, port);
}

static void
on_engine_checked (VitrineSpaceRun *self,
                   int              wait_status)
{
  g_autofree char *image = NULL;

  if (!g_spawn_check_wait_status (wait_status, NULL))
    {
      _vitrine_space_run_say (self, _("%s is installed but does not work here (its service does not "
                                      "answer)."), self->engine);
      g_clear_pointer (&self->engine, g_free);
      run_directly (self);
      return;
    }
  image = g_strdup_printf ("vitrine-space-%s", strrchr (self->state_dir, '/') + 1);
  g_strdelimit (image, "_.", '-');
  {
    g_autofree char *lower = g_ascii_strdown (image, -1);
    const char *argv[] = { self->engine, "build", "-t", lower, self->folder, NULL };

    _vitrine_space_run_say (self, _("Building the Space’s image with %s…"), self->engine);
    _vitrine_space_run_set_state (self, VITRINE_SPACE_STATE_PREPARING);
    self->helper_done = on_container_built;
    spawn_in_slot (self, argv, NULL, self->log, TRUE);
  }
}

void
_vitrine_space_run_docker (VitrineSpaceRun *self)
{
  g_autofree char *dockerfile = g_build_filename (self->folder, "Dockerfile", NULL);
  g_autoptr(GError) error = NULL;
  const char *engine = vitrine_space_options_get_container_engine (self->options);

  g_clear_pointer (&self->plan, _vitrine_docker_plan_free);
  g_clear_pointer (&self->plan_error, g_free);
  g_clear_pointer (&self->engine, g_free);
  self->plan = _vitrine_docker_plan_read (dockerfile, &error);
  if (self->plan == NULL)
    self->plan_error = g_strdup (error->message);

  if (engine == NULL || g_str_equal (engine, "auto"))
    {
      self->engine = g_find_program_in_path ("podman");
      if (self->engine == NULL)
        self->engine = g_find_program_in_path ("docker");
    }
  else if (!g_str_equal (engine, "none"))
    self->engine = g_find_program_in_path (engine);

  if (self->engine == NULL)
    {
      run_directly (self);
      return;
    }
  {
    const char *argv[] = { self->engine, "info", NULL };
    g_autoptr(VitrineLog) quiet = vitrine_log_new (50);

    _vitrine_space_run_say (self, _("Asking %s whether it works…"), self->engine);
    self->helper_done = on_engine_checked;
    spawn_in_slot (self, argv, NULL, quiet, TRUE);
  }
}
