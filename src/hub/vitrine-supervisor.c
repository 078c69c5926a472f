/* vitrine-supervisor.c — one child process, in a group of its own, that
 * never outlives Vitrine
 *
 * The child is forked under a watchdog: in GSubprocess's child setup
 * (after the fork, just before the exec) the new process makes itself a
 * process group leader and forks again.  The grandchild goes on to exec
 * the program, in that group, with a death signal tied to the watchdog;
 * the watchdog stays, the process GSubprocess knows, and does three
 * things only, with async-signal-safe calls:
 *
 * - it reports the program's end as its own (same exit status, same
 *   signal), so the owner sees the program's fate;
 * - it ignores SIGTERM, so a stop that signals the group reaches every
 *   process of it while the watchdog waits to report;
 * - it watches the read end of a pipe whose write end only this process
 *   holds (close-on-exec, so no other program inherits it): when this
 *   process ends, however it ends, the pipe reports end of file, and the
 *   watchdog sends SIGTERM to the group, then SIGKILL three seconds later.
 *
 * A death signal alone would not do: it reaches only the direct child, and
 * fires when the *thread* that forked it ends (GTask's worker threads end
 * when idle).  The pipe is one per process and lives as long as it does.
 *
 * A child spawned with VITRINE_SUPERVISOR_MAY_OUTLIVE gets its group and
 * no watchdog: this computer's hub is meant to outlive a crashed Vitrine,
 * so that the next start finds it.
 *
 * Output is read in chunks and cut into lines here (a line is bounded), on
 * the main context that was the thread-default one at spawn time.
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <sched.h>
#include <signal.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>
#include <glib/gi18n.h>
#include <glib-unix.h>

#include "vitrine-supervisor.h"

/* How long the watchdog lets an abandoned group end after SIGTERM. */
#define ABANDON_GRACE_MS 3000
/* How long, after the child ended, its output may take to end too (a
 * process it left behind may hold the pipe). */
#define DRAIN_MS 1000
#define READ_CHUNK 4096
#define MAX_PENDING_LINE 8192

struct _VitrineSupervisor
{
  GObject       parent_instance;

  VitrineLog   *log;
  GMainContext *context;
  GCancellable *cancellable;

  /* Shared with stops from other threads. */
  GMutex        lock;
  GSubprocess  *child;
  int           pid;
  gboolean      running;
  gboolean      process_ended;
  gboolean      stop_requested;
  int           wait_status;

  guint         open_streams;
  GList        *waiters;
  GSource      *grace_source;
  GSource      *drain_source;
};

G_DEFINE_FINAL_TYPE (VitrineSupervisor, vitrine_supervisor, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_RUNNING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  EXITED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* ---- the watchdog (runs between fork and exec: async-signal-safe) ---- */

/* The read end of this process's watchdog pipe; its write end is never
 * closed, and closes with the process. */
static int watch_fd = -1;

static int
get_watch_fd (void)
{
  static gsize once = 0;

  if (g_once_init_enter (&once))
    {
      int fds[2];

      if (pipe2 (fds, O_CLOEXEC) == 0)
        watch_fd = fds[0];
      else
        g_warning ("Could not make the watchdog pipe: %s", g_strerror (errno));
      g_once_init_leave (&once, 1);
    }
  return watch_fd;
}

static void
set_disposition (int   sig,
                 void (*handler) (int))
{
  struct sigaction action;

  memset (&action, 0, sizeof action);
  action.sa_handler = handler;
  sigemptyset (&action.sa_mask);
  sigaction (sig, &action, NULL);
}

static void
close_from (int first)
{
#ifdef SYS_close_range
  if (syscall (SYS_close_range, (unsigned int) first, ~0U, 0) == 0)
    return;
#endif
  {
    struct rlimit limit;
    int max = 65536;

    if (getrlimit (RLIMIT_NOFILE, &limit) == 0 && limit.rlim_cur != RLIM_INFINITY)
      max = (int) MIN (limit.rlim_cur, (rlim_t) (1 << 20));
    for (int fd = first; fd < max; fd++)
      close (fd);
  }
}

/* Ends the watchdog the way the program ended. */
static G_NORETURN void
report (int status)
{
  struct rlimit no_core = { 0, 0 };
  sigset_t none;
  int sig;

  if (WIFEXITED (status))
    _exit (WEXITSTATUS (status));
  sig = WTERMSIG (status);
  setrlimit (RLIMIT_CORE, &no_core);
  set_disposition (sig, SIG_DFL);
  sigemptyset (&none);
  sigprocmask (SIG_SETMASK, &none, NULL);
  kill (getpid (), sig);
  _exit (128 + sig);
}

/* This process is gone: the group goes too. */
static G_NORETURN void
abandon (pid_t app)
{
  int status;

  kill (0, SIGTERM);
  for (int waited = 0; waited < ABANDON_GRACE_MS; waited += 50)
    {
      if (waitpid (app, &status, WNOHANG) == app)
        break;
      poll (NULL, 0, 50);
    }
  kill (0, SIGKILL);
  _exit (1);
}

static G_NORETURN void
watchdog_run (pid_t app,
              int   watch)
{
  set_disposition (SIGTERM, SIG_IGN);
  set_disposition (SIGINT, SIG_IGN);
  set_disposition (SIGHUP, SIG_IGN);
  set_disposition (SIGQUIT, SIG_IGN);

  if (watch >= 0 && watch != 3)
    {
      if (dup2 (watch, 3) < 0)
        watch = -1;
      else
        watch = 3;
    }
  /* Nothing else: the parent reads end of file on the child's output and
   * on its exec report once the program alone holds them, and no other
   * watchdog's pipe is held open by this one. */
  close (0);
  close (1);
  close (2);
  close_from (watch >= 0 ? 4 : 3);

  for (;;)
    {
      struct pollfd pfd = { .fd = watch, .events = POLLIN, .revents = 0 };
      int status;
      int ready = poll (&pfd, watch >= 0 ? 1 : 0, 100);

      if (waitpid (app, &status, WNOHANG) == app)
        report (status);
      if (ready > 0)
        abandon (app);
    }
}

/* What the child setup needs; a copy of the parent's memory in the child. */
typedef struct
{
  int      watch;     /* the watchdog pipe's read end */
  int      pid_fd;    /* where the group's id is written for the parent */
  gboolean outlive;   /* no watchdog */
  gboolean background;
} Setup;

/* Takes the first of the processors this process may run on out of its
 * set, when the set has more than one: that processor stays free for the
 * window, whose frames (drawn by a processor too where there is no GPU)
 * would otherwise wait behind the child's work.  Async-signal-safe. */
static void
leave_one_processor (void)
{
  cpu_set_t set;

  CPU_ZERO (&set);
  if (sched_getaffinity (0, sizeof set, &set) != 0 || CPU_COUNT (&set) < 2)
    return;
  for (int cpu = 0; cpu < CPU_SETSIZE; cpu++)
    if (CPU_ISSET (cpu, &set))
      {
        CPU_CLR (cpu, &set);
        break;
      }
  sched_setaffinity (0, sizeof set, &set);
}

static void
child_setup (gpointer user_data)
{
  const Setup *setup = user_data;
  pid_t watchdog;
  pid_t app;
  sigset_t none;

  sigemptyset (&none);
  sigprocmask (SIG_SETMASK, &none, NULL);
  setpgid (0, 0);
  watchdog = getpid ();
  /* The parent learns the group's id from here: GSubprocess forgets the
   * child's once it was reaped, which a quick one may be at once. */
  while (write (setup->pid_fd, &watchdog, sizeof watchdog) < 0 && errno == EINTR)
    ;
  /* Only ever lower: a child of an already nicer process stays as nice. */
  if (setup->background && getpriority (PRIO_PROCESS, 0) < VITRINE_SUPERVISOR_BACKGROUND_NICE)
    setpriority (PRIO_PROCESS, 0, VITRINE_SUPERVISOR_BACKGROUND_NICE);
  if (setup->background)
    leave_one_processor ();
  if (setup->outlive)
    return;
  app = fork ();
  if (app < 0)
    _exit (127);
  if (app > 0)
    watchdog_run (app, setup->watch);

  /* The program: it dies with its watchdog, whatever kills that. */
  prctl (PR_SET_PDEATHSIG, SIGKILL);
  if (getppid () != watchdog)
    _exit (127);
  set_disposition (SIGPIPE, SIG_DFL);
}

/* ---- the owner's side ------------------------------------------------ */

/**
 * vitrine_supervisor_new:
 * @log: (nullable): where output lines go; without one, output the caller
 *   does not read is inherited
 */
VitrineSupervisor *
vitrine_supervisor_new (VitrineLog *log)
{
  VitrineSupervisor *self = g_object_new (VITRINE_TYPE_SUPERVISOR, NULL);

  g_return_val_if_fail (log == NULL || VITRINE_IS_LOG (log), self);

  if (log != NULL)
    self->log = g_object_ref (log);
  return self;
}

/* Kills whatever is left of the group, when anything is. */
static void
kill_group (int pid,
            int sig)
{
  if (pid > 0 && kill (-pid, 0) == 0)
    kill (-pid, sig);
}

static void
maybe_exited (VitrineSupervisor *self)
{
  GList *waiters;
  int pid;

  if (!self->running || !self->process_ended || self->open_streams > 0)
    return;

  g_mutex_lock (&self->lock);
  self->running = FALSE;
  pid = self->pid;
  g_mutex_unlock (&self->lock);

  /* What the program left behind in its group goes with it. */
  kill_group (pid, SIGKILL);
  g_cancellable_cancel (self->cancellable);
  if (self->grace_source != NULL)
    {
      g_source_destroy (self->grace_source);
      g_clear_pointer (&self->grace_source, g_source_unref);
    }
  if (self->drain_source != NULL)
    {
      g_source_destroy (self->drain_source);
      g_clear_pointer (&self->drain_source, g_source_unref);
    }

  g_object_ref (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RUNNING]);
  g_signal_emit (self, signals[EXITED], 0, self->wait_status);
  waiters = g_steal_pointer (&self->waiters);
  for (GList *l = waiters; l != NULL; l = l->next)
    {
      g_task_return_boolean (l->data, TRUE);
      g_object_unref (l->data);
    }
  g_list_free (waiters);
  g_object_unref (self);
}

static gboolean
on_drain_timeout_cb (gpointer user_data)
{
  VitrineSupervisor *self = user_data;

  g_clear_pointer (&self->drain_source, g_source_unref);
  self->open_streams = 0;
  maybe_exited (self);
  return G_SOURCE_REMOVE;
}

static void
on_wait_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(VitrineSupervisor) self = user_data;
  GSubprocess *child = G_SUBPROCESS (source);

  g_subprocess_wait_finish (child, result, NULL);
  g_mutex_lock (&self->lock);
  self->process_ended = TRUE;
  self->wait_status = g_subprocess_get_status (child);
  g_mutex_unlock (&self->lock);

  if (self->open_streams > 0)
    {
      self->drain_source = g_timeout_source_new (DRAIN_MS);
      g_source_set_callback (self->drain_source, on_drain_timeout_cb, self, NULL);
      g_source_attach (self->drain_source, self->context);
      /* It stays counted as open until its end of file or the timeout. */
    }
  maybe_exited (self);
}

typedef struct
{
  VitrineSupervisor *self;
  GInputStream      *stream;
  VitrineLogStream   kind;
  GString           *pending;
  guint8             buffer[READ_CHUNK];
} Reader;

static void
reader_free (Reader *reader)
{
  g_object_unref (reader->self);
  g_object_unref (reader->stream);
  g_string_free (reader->pending, TRUE);
  g_free (reader);
}

static void
reader_flush (Reader   *reader,
              gboolean  all)
{
  char *nl;

  while ((nl = memchr (reader->pending->str, '\n', reader->pending->len)) != NULL)
    {
      *nl = '\0';
      if (reader->self->log != NULL)
        vitrine_log_append (reader->self->log, reader->kind, reader->pending->str);
      g_string_erase (reader->pending, 0, nl + 1 - reader->pending->str);
    }
  if (reader->pending->len > 0 && (all || reader->pending->len >= MAX_PENDING_LINE))
    {
      if (reader->self->log != NULL)
        vitrine_log_append (reader->self->log, reader->kind, reader->pending->str);
      g_string_truncate (reader->pending, 0);
    }
}

static void reader_next (Reader *reader);

static void
on_read_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  Reader *reader = user_data;
  VitrineSupervisor *self = reader->self;
  gssize n = g_input_stream_read_finish (G_INPUT_STREAM (source), result, NULL);

  if (n > 0)
    {
      g_string_append_len (reader->pending, (const char *) reader->buffer, n);
      reader_flush (reader, FALSE);
      reader_next (reader);
      return;
    }
  reader_flush (reader, TRUE);
  /* After a drain timeout, the count is 0 already. */
  if (self->open_streams > 0)
    self->open_streams--;
  if (self->open_streams == 0 && self->drain_source != NULL)
    {
      g_source_destroy (self->drain_source);
      g_clear_pointer (&self->drain_source, g_source_unref);
    }
  g_object_ref (self);
  reader_free (reader);
  maybe_exited (self);
  g_object_unref (self);
}

static void
reader_next (Reader *reader)
{
  g_input_stream_read_async (reader->stream, reader->buffer, sizeof reader->buffer, G_PRIORITY_DEFAULT,
                             reader->self->cancellable, on_read_cb, reader);
}

static void
read_lines (VitrineSupervisor *self,
            GInputStream      *stream,
            VitrineLogStream   kind)
{
  Reader *reader = g_new0 (Reader, 1);

  reader->self = g_object_ref (self);
  reader->stream = g_object_ref (stream);
  reader->kind = kind;
  reader->pending = g_string_new (NULL);
  self->open_streams++;
  reader_next (reader);
}

/**
 * vitrine_supervisor_spawn:
 * @envp: (nullable): the child's whole environment; %NULL for this one's
 * @cwd: (nullable): its working folder
 *
 * Starts @argv, supervised.  One child at a time: spawning again is only
 * allowed once "exited" was emitted.
 */
gboolean
vitrine_supervisor_spawn (VitrineSupervisor       *self,
                          const char * const      *argv,
                          const char * const      *envp,
                          const char              *cwd,
                          VitrineSupervisorFlags   flags,
                          GError                 **error)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) child = NULL;
  GSubprocessFlags subprocess_flags = G_SUBPROCESS_FLAGS_NONE;
  int watch = get_watch_fd ();
  int pid_pipe[2];
  Setup setup = { 0 };
  pid_t pid = 0;

  g_return_val_if_fail (VITRINE_IS_SUPERVISOR (self), FALSE);
  g_return_val_if_fail (argv != NULL && argv[0] != NULL, FALSE);
  g_return_val_if_fail (!self->running, FALSE);

  if (watch < 0)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                           _("Could not set up the watch on a new process."));
      return FALSE;
    }
  if ((flags & VITRINE_SUPERVISOR_STDOUT_PIPE) != 0 || self->log != NULL)
    subprocess_flags |= G_SUBPROCESS_FLAGS_STDOUT_PIPE;
  if (self->log != NULL)
    subprocess_flags |= G_SUBPROCESS_FLAGS_STDERR_PIPE;
  launcher = g_subprocess_launcher_new (subprocess_flags);
  if (envp != NULL)
    g_subprocess_launcher_set_environ (launcher, (char **) envp);
  if (cwd != NULL)
    g_subprocess_launcher_set_cwd (launcher, cwd);
  if (!g_unix_open_pipe (pid_pipe, FD_CLOEXEC, error))
    return FALSE;
  setup.watch = watch;
  setup.pid_fd = pid_pipe[1];
  setup.outlive = (flags & VITRINE_SUPERVISOR_MAY_OUTLIVE) != 0;
  setup.background = (flags & VITRINE_SUPERVISOR_BACKGROUND) != 0;
  g_subprocess_launcher_set_child_setup (launcher, child_setup, &setup, NULL);

  child = g_subprocess_launcher_spawnv (launcher, argv, error);
  close (pid_pipe[1]);
  /* Written before the exec, which the spawn waited for. */
  while (read (pid_pipe[0], &pid, sizeof pid) < 0 && errno == EINTR)
    ;
  close (pid_pipe[0]);
  if (child == NULL)
    return FALSE;

  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  g_clear_pointer (&self->context, g_main_context_unref);
  self->context = g_main_context_ref_thread_default ();

  g_mutex_lock (&self->lock);
  g_set_object (&self->child, child);
  self->pid = (int) pid;
  self->running = TRUE;
  self->process_ended = FALSE;
  self->stop_requested = FALSE;
  self->wait_status = 0;
  g_mutex_unlock (&self->lock);
  self->open_streams = 0;

  if (self->log != NULL)
    {
      if ((flags & VITRINE_SUPERVISOR_STDOUT_PIPE) == 0)
        read_lines (self, g_subprocess_get_stdout_pipe (child), VITRINE_LOG_STREAM_STDOUT);
      read_lines (self, g_subprocess_get_stderr_pipe (child), VITRINE_LOG_STREAM_STDERR);
    }
  g_subprocess_wait_async (child, NULL, on_wait_cb, g_object_ref (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RUNNING]);
  return TRUE;
}

/**
 * vitrine_supervisor_get_stdout_pipe:
 *
 * Returns: (transfer none) (nullable): the child's output, with
 *   %VITRINE_SUPERVISOR_STDOUT_PIPE
 */
GInputStream *
vitrine_supervisor_get_stdout_pipe (VitrineSupervisor *self)
{
  g_return_val_if_fail (VITRINE_IS_SUPERVISOR (self), NULL);
  return self->child != NULL ? g_subprocess_get_stdout_pipe (self->child) : NULL;
}

/* The process group of the child (its watchdog's process id), 0 before. */
int
vitrine_supervisor_get_pid (VitrineSupervisor *self)
{
  int pid;

  g_return_val_if_fail (VITRINE_IS_SUPERVISOR (self), 0);
  g_mutex_lock (&self->lock);
  pid = self->pid;
  g_mutex_unlock (&self->lock);
  return pid;
}

/* Spawned, and "exited" not emitted yet. */
gboolean
vitrine_supervisor_is_running (VitrineSupervisor *self)
{
  gboolean running;

  g_return_val_if_fail (VITRINE_IS_SUPERVISOR (self), FALSE);
  g_mutex_lock (&self->lock);
  running = self->running;
  g_mutex_unlock (&self->lock);
  return running;
}

/* The child's wait status (as waitpid() gives it), once it ended. */
int
vitrine_supervisor_get_wait_status (VitrineSupervisor *self)
{
  g_return_val_if_fail (VITRINE_IS_SUPERVISOR (self), 0);
  return self->wait_status;
}

/**
 * vitrine_supervisor_describe_exit:
 *
 * Returns: (transfer full): how the child ended, for the user
 */
char *
vitrine_supervisor_describe_exit (VitrineSupervisor *self)
{
  int status;

  g_return_val_if_fail (VITRINE_IS_SUPERVISOR (self), NULL);

  status = self->wait_status;
  if (WIFEXITED (status))
    return g_strdup_printf (_("It exited with status %d."), WEXITSTATUS (status));
  if (WIFSIGNALED (status))
    return g_strdup_printf (_("It was stopped by signal %d (%s)."), WTERMSIG (status),
                            g_strsignal (WTERMSIG (status)));
  return g_strdup (_("It ended."));
}

/**
 * vitrine_supervisor_wait_async:
 *
 * Finishes once the child ended and its output was read ("exited").
 */
void
vitrine_supervisor_wait_async (VitrineSupervisor   *self,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);

  g_return_if_fail (VITRINE_IS_SUPERVISOR (self));

  g_task_set_source_tag (task, vitrine_supervisor_wait_async);
  if (!self->running)
    {
      g_task_return_boolean (task, TRUE);
      return;
    }
  self->waiters = g_list_append (self->waiters, g_steal_pointer (&task));
}

gboolean
vitrine_supervisor_wait_finish (VitrineSupervisor  *self,
                                GAsyncResult       *result,
                                GError            **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

static gboolean
on_grace_timeout_cb (gpointer user_data)
{
  VitrineSupervisor *self = user_data;

  g_clear_pointer (&self->grace_source, g_source_unref);
  kill_group (vitrine_supervisor_get_pid (self), SIGKILL);
  return G_SOURCE_REMOVE;
}

/**
 * vitrine_supervisor_stop_async:
 * @grace_ms: how long the group has after SIGTERM before SIGKILL
 *
 * Stops the child and its group; finishes once it exited ("exited" was
 * emitted before).  Call it on the context the child was spawned on.
 */
void
vitrine_supervisor_stop_async (VitrineSupervisor   *self,
                               guint                grace_ms,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_return_if_fail (VITRINE_IS_SUPERVISOR (self));

  if (self->running && !self->process_ended)
    {
      g_mutex_lock (&self->lock);
      self->stop_requested = TRUE;
      g_mutex_unlock (&self->lock);
      kill_group (self->pid, SIGTERM);
      if (self->grace_source == NULL)
        {
          self->grace_source = g_timeout_source_new (grace_ms);
          g_source_set_callback (self->grace_source, on_grace_timeout_cb, self, NULL);
          g_source_attach (self->grace_source, self->context);
        }
    }
  vitrine_supervisor_wait_async (self, cancellable, callback, user_data);
}

gboolean
vitrine_supervisor_stop_finish (VitrineSupervisor  *self,
                                GAsyncResult       *result,
                                GError            **error)
{
  return vitrine_supervisor_wait_finish (self, result, error);
}

static void
on_sync_wait_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_subprocess_wait_finish (G_SUBPROCESS (source), result, NULL);
  *(gboolean *) user_data = TRUE;
}

static gboolean
on_flag_timeout_cb (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
  return G_SOURCE_REMOVE;
}

/**
 * vitrine_supervisor_stop:
 * @grace_ms: how long the group has after SIGTERM before SIGKILL
 *
 * Stops the child and its group, blocking until the child ended (at most
 * @grace_ms and a moment).  Any thread may call it.  "exited" comes later,
 * on the spawn's context.
 */
void
vitrine_supervisor_stop (VitrineSupervisor *self,
                         guint              grace_ms)
{
  g_autoptr(GSubprocess) child = NULL;
  g_autoptr(GMainContext) context = NULL;
  g_autoptr(GSource) timeout = NULL;
  gboolean ended = FALSE;
  gboolean timed_out = FALSE;
  int pid;

  g_return_if_fail (VITRINE_IS_SUPERVISOR (self));

  g_mutex_lock (&self->lock);
  if (self->running && !self->process_ended && self->child != NULL)
    child = g_object_ref (self->child);
  self->stop_requested = TRUE;
  pid = self->pid;
  g_mutex_unlock (&self->lock);
  if (child == NULL)
    return;

  context = g_main_context_new ();
  g_main_context_push_thread_default (context);
  g_subprocess_wait_async (child, NULL, on_sync_wait_cb, &ended);
  kill_group (pid, SIGTERM);
  timeout = g_timeout_source_new (grace_ms);
  g_source_set_callback (timeout, on_flag_timeout_cb, &timed_out, NULL);
  g_source_attach (timeout, context);
  while (!ended && !timed_out)
    g_main_context_iteration (context, TRUE);
  if (!ended)
    {
      kill_group (pid, SIGKILL);
      while (!ended)
        g_main_context_iteration (context, TRUE);
    }
  g_source_destroy (timeout);
  g_main_context_pop_thread_default (context);
  kill_group (pid, SIGKILL);
}

static void
vitrine_supervisor_dispose (GObject *object)
{
  VitrineSupervisor *self = VITRINE_SUPERVISOR (object);

  /* Pending reads and waits hold a reference: a running child is never
   * disposed of.  This is for one that never ran or has ended. */
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->child);
  G_OBJECT_CLASS (vitrine_supervisor_parent_class)->dispose (object);
}

static void
vitrine_supervisor_finalize (GObject *object)
{
  VitrineSupervisor *self = VITRINE_SUPERVISOR (object);

  g_clear_object (&self->log);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->context, g_main_context_unref);
  g_mutex_clear (&self->lock);
  G_OBJECT_CLASS (vitrine_supervisor_parent_class)->finalize (object);
}

static void
vitrine_supervisor_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  VitrineSupervisor *self = VITRINE_SUPERVISOR (object);

  switch (prop_id)
    {
    case PROP_RUNNING:
      g_value_set_boolean (value, vitrine_supervisor_is_running (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vitrine_supervisor_class_init (VitrineSupervisorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = vitrine_supervisor_dispose;
  object_class->finalize = vitrine_supervisor_finalize;
  object_class->get_property = vitrine_supervisor_get_property;

  properties[PROP_RUNNING] =
    g_param_spec_boolean ("running", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * VitrineSupervisor::exited:
   * @wait_status: as waitpid() gives it
   *
   * The child ended and its output was read (or a second passed).
   */
  signals[EXITED] =
    g_signal_new ("exited", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT);
}

static void
vitrine_supervisor_init (VitrineSupervisor *self)
{
  g_mutex_init (&self->lock);
}
