/* vitrine-local-hub.c — this computer's hub, started or found
 *
 * The application reaches its local hub over HTTP like any other.  If one
 * already serves the same data folder (its discovery file in
 * `$XDG_RUNTIME_DIR/vitrine/` names a live process that answers the
 * client's whoami), it is used; otherwise `vitrine-hub serve --register`
 * is started as a child (VitrineSupervisor, in a process group of its
 * own) and stopped with the application; if the application crashes, it
 * stays, and the next start finds it.  On first use the user gets an account
 * there, whose token is kept like any other (keyring, else a 0600 file),
 * under a key named after the data folder, since the port changes.
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <signal.h>
#include <string.h>
#include <glib/gi18n.h>

#include "vitrine-credentials.h"
#include "vitrine-discovery.h"
#include "vitrine-error.h"
#include "vitrine-json.h"
#include "vitrine-local-hub.h"
#include "vitrine-repo-id.h"
#include "vitrine-supervisor.h"

/* How long a starting hub may take to say where it listens. */
#define START_TIMEOUT_S 20
/* How long a stopping hub has to remove its discovery file. */
#define STOP_GRACE_MS 3000

struct _VitrineLocalHub
{
  GObject      parent_instance;

  char        *data_dir;
  GMutex       lock;
  char        *url;
  char        *user_name;
  VitrineSupervisor *child;
  /* Set by a stop, so that a start under way starts no hub after it. */
  gboolean     stopping;
};

G_DEFINE_FINAL_TYPE (VitrineLocalHub, vitrine_local_hub, G_TYPE_OBJECT)

/**
 * vitrine_local_hub_new:
 * @data_dir: (nullable): the hub's data folder; %NULL for
 *   `vitrine/hub` in the user's data folder
 */
VitrineLocalHub *
vitrine_local_hub_new (const char *data_dir)
{
  VitrineLocalHub *self = g_object_new (VITRINE_TYPE_LOCAL_HUB, NULL);
  g_autofree char *dir = data_dir != NULL
    ? g_strdup (data_dir)
    : g_build_filename (g_get_user_data_dir (), "vitrine", "hub", NULL);

  self->data_dir = g_canonicalize_filename (dir, NULL);
  return self;
}

const char *
vitrine_local_hub_get_data_dir (VitrineLocalHub *self)
{
  g_return_val_if_fail (VITRINE_IS_LOCAL_HUB (self), NULL);
  return self->data_dir;
}

/**
 * vitrine_local_hub_get_url:
 *
 * Returns: (nullable): where the hub listens, once started
 */
const char *
vitrine_local_hub_get_url (VitrineLocalHub *self)
{
  g_return_val_if_fail (VITRINE_IS_LOCAL_HUB (self), NULL);
  return self->url;
}

/**
 * vitrine_local_hub_get_user_name:
 *
 * Returns: (nullable): the name of the user's account there, once started
 */
const char *
vitrine_local_hub_get_user_name (VitrineLocalHub *self)
{
  g_return_val_if_fail (VITRINE_IS_LOCAL_HUB (self), NULL);
  return self->user_name;
}

/* Whether this object started the hub (and stops it). */
gboolean
vitrine_local_hub_is_child (VitrineLocalHub *self)
{
  g_return_val_if_fail (VITRINE_IS_LOCAL_HUB (self), FALSE);
  return self->child != NULL;
}

static char *
hub_program (void)
{
  const char *exe = g_getenv ("VITRINE_HUB_EXE");
  g_autofree char *installed = g_build_filename (VITRINE_BINDIR, "vitrine-hub", NULL);

  if (exe != NULL && *exe != '\0')
    return g_strdup (exe);
  if (g_file_test (installed, G_FILE_TEST_IS_EXECUTABLE))
    return g_steal_pointer (&installed);
  return g_strdup ("vitrine-hub");
}

typedef enum
{
  HUB_ACCEPTS,
  HUB_REFUSES,
  HUB_UNREACHABLE,
} HubAnswer;

/* Asks the hub at @url whose @token is: it accepts the token (and @name is
 * the user's), refuses it, or does not answer at all. */
static HubAnswer
ask_whoami (const char  *url,
            const char  *token,
            char       **name)
{
  g_autoptr(VitrineClient) client = vitrine_client_new (url, token);
  g_autoptr(VitrineWhoami) me = NULL;
  g_autoptr(GError) error = NULL;

  g_assert (token != NULL);

  /* A hub on this computer answers at once or was left behind. */
  vitrine_client_set_retry (client, 0, 0, 0);
  me = vitrine_client_whoami (client, NULL, &error);
  if (me == NULL)
    return vitrine_error_get_status (error) != 0 ? HUB_REFUSES : HUB_UNREACHABLE;

  if (name != NULL)
    {
      g_free (*name);
      *name = g_strdup (vitrine_whoami_get_name (me));
    }
  return HUB_ACCEPTS;
}

/* The URL of a hub on our data folder whose process lives, from its
 * discovery file.  Whether it answers is asked with the user's token. */
static char *
find_running (VitrineLocalHub *self)
{
  g_autofree char *url = NULL;
  g_autofree char *data_dir = NULL;
  gint64 pid = 0;

  if (!vitrine_discovery_read (&url, &pid, &data_dir) ||
      pid <= 0 || g_strcmp0 (data_dir, self->data_dir) != 0)
    return NULL;
  if (kill ((pid_t) pid, 0) != 0)
    return NULL;
  return g_steal_pointer (&url);
}

/* Forgets @child, unless the hub was stopped (and @child forgotten) since,
 * and stops it at once. */
static void
forget_child (VitrineLocalHub   *self,
              VitrineSupervisor *child)
{
  g_mutex_lock (&self->lock);
  if (self->child == child)
    g_clear_object (&self->child);
  g_mutex_unlock (&self->lock);
  vitrine_supervisor_stop (child, 0);
}

/* Starts `vitrine-hub serve` and reads the URL it prints when ready. */
static char *
spawn (VitrineLocalHub  *self,
       GError          **error)
{
  g_autofree char *program = hub_program ();
  g_autoptr(VitrineSupervisor) child = NULL;
  g_autoptr(GString) line = g_string_new (NULL);
  GPollableInputStream *out;
  gint64 deadline = g_get_monotonic_time () + START_TIMEOUT_S * G_USEC_PER_SEC;
  gboolean stopped;

  if (g_mkdir_with_parents (self->data_dir, 0700) != 0)
    {
      int errsv = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errsv),
                   _("Could not create “%s”: %s"), self->data_dir, g_strerror (errsv));
      return NULL;
    }
  /* Known from the start: a stop while it starts (the application quits
   * early) stops it too, and one before it starts none. */
  g_mutex_lock (&self->lock);
  stopped = self->stopping;
  if (!stopped)
    {
      const char *argv[] = { program, "serve", "--data-dir", self->data_dir, "--register", NULL };

      child = vitrine_supervisor_new (NULL);
      if (vitrine_supervisor_spawn (child, argv, NULL, NULL,
                                    VITRINE_SUPERVISOR_STDOUT_PIPE | VITRINE_SUPERVISOR_MAY_OUTLIVE |
                                      VITRINE_SUPERVISOR_BACKGROUND, error))
        g_set_object (&self->child, child);
      else
        g_clear_object (&child);
    }
  g_mutex_unlock (&self->lock);
  if (stopped)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CANCELLED,
                           _("This computer’s hub was stopped as it started."));
      return NULL;
    }
  if (child == NULL)
    return NULL;

  out = G_POLLABLE_INPUT_STREAM (vitrine_supervisor_get_stdout_pipe (child));
  while (strchr (line->str, '\n') == NULL)
    {
      g_autoptr(GError) read_error = NULL;
      char buf[256];
      gssize n = g_pollable_input_stream_read_nonblocking (out, buf, sizeof buf, NULL, &read_error);

      if (n > 0)
        g_string_append_len (line, buf, n);
      else if (n == 0 || !g_error_matches (read_error, G_IO_ERROR, G_IO_ERROR_WOULD_BLOCK))
        {
          forget_child (self, child);
          g_set_error_literal (error, VITRINE_ERROR, VITRINE_ERROR_SERVER,
                               _("This computer’s hub stopped as it started. Its messages say why."));
          return NULL;
        }
      else if (g_get_monotonic_time () > deadline)
        {
          forget_child (self, child);
          g_set_error_literal (error, VITRINE_ERROR, VITRINE_ERROR_SERVER,
                               _("This computer’s hub did not start in time."));
          return NULL;
        }
      else
        g_usleep (20 * 1000);
    }
  g_strstrip (line->str);
  if (!g_str_has_prefix (line->str, "http://"))
    {
      forget_child (self, child);
      g_set_error_literal (error, VITRINE_ERROR, VITRINE_ERROR_PROTOCOL,
                           _("This computer’s hub did not say where it listens."));
      return NULL;
    }

  g_mutex_lock (&self->lock);
  stopped = self->child != child;
  g_mutex_unlock (&self->lock);
  if (stopped)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CANCELLED,
                           _("This computer’s hub was stopped as it started."));
      return NULL;
    }
  return g_strdup (line->str);
}

/* Runs `vitrine-hub ARGS… --data-dir D` and returns what it printed. */
static char *
run_hub_command (VitrineLocalHub     *self,
                 const char * const  *args,
                 GError             **error)
{
  g_autofree char *program = hub_program ();
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocess) child = NULL;
  g_autofree char *out = NULL;

  g_ptr_array_add (argv, program);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, (char *) "--data-dir");
  g_ptr_array_add (argv, self->data_dir);
  g_ptr_array_add (argv, NULL);

  child = g_subprocess_newv ((const char * const *) argv->pdata,
                             G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_SILENCE, error);
  if (child == NULL || !g_subprocess_communicate_utf8 (child, NULL, NULL, &out, NULL, error))
    return NULL;
  if (!g_subprocess_get_successful (child))
    {
      g_set_error_literal (error, VITRINE_ERROR, VITRINE_ERROR_FAILED,
                           _("Could not make an account on this computer’s hub."));
      return NULL;
    }
  return g_strstrip (g_steal_pointer (&out));
}

/* A name for the user's account: their login name when the Hub would
 * accept it as an owner. */
static char *
account_name (void)
{
  g_autofree char *name = g_ascii_strdown (g_get_user_name (), -1);

  if (name == NULL || !vitrine_repo_name_check (name, NULL))
    return g_strdup ("me");
  return g_steal_pointer (&name);
}

/* A new token for the user on this hub, in a new account when there is
 * none yet; @name is the account's.  This works on the data folder, with
 * the hub running or not. */
static char *
add_account (VitrineLocalHub  *self,
             char            **name,
             GError          **error)
{
  g_autofree char *user = account_name ();
  const char *add_user[] = { "user", "add", user, NULL };
  const char *add_token[] = { "token", "add", user, "--role", "write", NULL };
  g_autoptr(GError) user_error = NULL;
  char *token;

  token = run_hub_command (self, add_user, &user_error);
  /* The account is there already (its token was lost): a new token. */
  if (token == NULL)
    token = run_hub_command (self, add_token, error);
  if (token != NULL)
    {
      g_free (*name);
      *name = g_steal_pointer (&user);
    }
  return token;
}

static void
start_thread (GTask        *task,
              gpointer      source,
              gpointer      task_data,
              GCancellable *cancellable)
{
  VitrineLocalHub *self = source;
  g_autofree char *key = vitrine_credentials_local_hub_token_key (self->data_dir);
  g_autofree char *token = vitrine_credentials_lookup_stored_token (key);
  g_autofree char *url = find_running (self);
  g_autofree char *name = NULL;
  gboolean new_token = FALSE;
  GError *error = NULL;

  /* A hub found running is asked whose the kept token is (the user gets an
   * account first when none is kept); one that does not answer was left
   * behind, and another is started. */
  if (url != NULL)
    {
      if (token == NULL)
        {
          token = add_account (self, &name, &error);
          if (token == NULL)
            {
              g_task_return_error (task, error);
              return;
            }
          new_token = TRUE;
        }
      switch (ask_whoami (url, token, &name))
        {
        case HUB_ACCEPTS:
          break;

        case HUB_REFUSES:
          g_clear_pointer (&token, g_free);
          break;

        case HUB_UNREACHABLE:
          g_clear_pointer (&url, g_free);
          break;

        default:
          g_assert_not_reached ();
        }
    }

  if (url == NULL)
    {
      url = spawn (self, &error);
      if (url == NULL)
        {
          g_task_return_error (task, error);
          return;
        }
      if (token != NULL && ask_whoami (url, token, &name) != HUB_ACCEPTS)
        g_clear_pointer (&token, g_free);
    }

  if (token == NULL)
    {
      token = add_account (self, &name, &error);
      if (token == NULL)
        {
          g_task_return_error (task, error);
          return;
        }
      new_token = TRUE;
    }

  if (new_token)
    {
      g_autoptr(GError) store_error = NULL;

      if (!vitrine_credentials_store_token (key, token, NULL, &store_error))
        g_warning ("Could not keep the token for this computer’s hub: %s", store_error->message);
    }

  g_mutex_lock (&self->lock);
  g_free (self->url);
  self->url = g_strdup (url);
  g_free (self->user_name);
  self->user_name = g_steal_pointer (&name);
  g_mutex_unlock (&self->lock);
  g_task_return_pointer (task, vitrine_client_new (url, token), g_object_unref);
}

/**
 * vitrine_local_hub_start_async:
 *
 * Finds this computer's hub, or starts it, and signs the user in.
 */
void
vitrine_local_hub_start_async (VitrineLocalHub     *self,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, vitrine_local_hub_start_async);
  g_mutex_lock (&self->lock);
  self->stopping = FALSE;
  g_mutex_unlock (&self->lock);
  g_task_run_in_thread (task, start_thread);
}

/**
 * vitrine_local_hub_start_finish:
 *
 * Returns: (transfer full): a client for the hub, with the user's token
 */
VitrineClient *
vitrine_local_hub_start_finish (VitrineLocalHub  *self,
                                GAsyncResult     *result,
                                GError          **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * vitrine_local_hub_stop:
 *
 * Stops the hub if this object started it; one found running stays.  A
 * start under way starts none after this.
 */
void
vitrine_local_hub_stop (VitrineLocalHub *self)
{
  g_autoptr(VitrineSupervisor) child = NULL;

  g_return_if_fail (VITRINE_IS_LOCAL_HUB (self));

  g_mutex_lock (&self->lock);
  self->stopping = TRUE;
  child = g_steal_pointer (&self->child);
  g_clear_pointer (&self->url, g_free);
  g_mutex_unlock (&self->lock);
  if (child == NULL)
    return;

  /* SIGTERM lets it remove its discovery file; it gets three seconds. */
  vitrine_supervisor_stop (child, STOP_GRACE_MS);
}

static void
vitrine_local_hub_dispose (GObject *object)
{
  vitrine_local_hub_stop (VITRINE_LOCAL_HUB (object));

  G_OBJECT_CLASS (vitrine_local_hub_parent_class)->dispose (object);
}

static void
vitrine_local_hub_finalize (GObject *object)
{
  VitrineLocalHub *self = VITRINE_LOCAL_HUB (object);

  g_free (self->data_dir);
  g_free (self->url);
  g_free (self->user_name);
  g_mutex_clear (&self->lock);

  G_OBJECT_CLASS (vitrine_local_hub_parent_class)->finalize (object);
}

static void
vitrine_local_hub_class_init (VitrineLocalHubClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = vitrine_local_hub_dispose;
  object_class->finalize = vitrine_local_hub_finalize;
}

static void
vitrine_local_hub_init (VitrineLocalHub *self)
{
  g_mutex_init (&self->lock);
}
