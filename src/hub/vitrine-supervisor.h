/* vitrine-supervisor.h — one child process, in a group of its own, that
 * never outlives Vitrine
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "vitrine-log.h"

G_BEGIN_DECLS

#define VITRINE_TYPE_SUPERVISOR (vitrine_supervisor_get_type ())

/**
 * VitrineSupervisorFlags:
 * @VITRINE_SUPERVISOR_NONE: standard output and error go to the log (or
 *   are inherited without one)
 * @VITRINE_SUPERVISOR_STDOUT_PIPE: the caller reads standard output
 *   (vitrine_supervisor_get_stdout_pipe()); standard error still goes to
 *   the log
 * @VITRINE_SUPERVISOR_MAY_OUTLIVE: no watchdog: the child (in its group)
 *   is stopped by the supervisor but keeps running if this process dies
 *   (this computer's hub, which the next start finds and reuses)
 * @VITRINE_SUPERVISOR_BACKGROUND: the child runs at a lower priority
 *   (niceness %VITRINE_SUPERVISOR_BACKGROUND_NICE) and, where this process
 *   may run on more than one processor, not on the first of them: its work
 *   gives way to the window's
 */
typedef enum
{
  VITRINE_SUPERVISOR_NONE        = 0,
  VITRINE_SUPERVISOR_STDOUT_PIPE = 1 << 0,
  VITRINE_SUPERVISOR_MAY_OUTLIVE = 1 << 1,
  VITRINE_SUPERVISOR_BACKGROUND  = 1 << 2,
} VitrineSupervisorFlags;

#define VITRINE_SUPERVISOR_BACKGROUND_NICE 5

/* The local hub's starter and the Space runner share it.  A spawned
 * child leads a process group of its own, the group holding every process
 * it starts; a stop signals the group (SIGTERM, then SIGKILL after the
 * grace time).  When this process ends in any way (a quit, a crash,
 * SIGKILL), the group gets SIGTERM at once and SIGKILL three seconds
 * later: a watchdog process, which the child is forked under, watches a
 * pipe only this process holds open (unless %VITRINE_SUPERVISOR_MAY_OUTLIVE).  Output lines are appended to the
 * log on the main context that was the thread-default one at spawn time,
 * where "exited" is also emitted (after the output's last line). */
G_DECLARE_FINAL_TYPE (VitrineSupervisor, vitrine_supervisor, VITRINE, SUPERVISOR, GObject)

VitrineSupervisor *vitrine_supervisor_new             (VitrineLog              *log);
gboolean           vitrine_supervisor_spawn           (VitrineSupervisor       *self,
                                                       const char * const      *argv,
                                                       const char * const      *envp,
                                                       const char              *cwd,
                                                       VitrineSupervisorFlags   flags,
                                                       GError                 **error);
GInputStream      *vitrine_supervisor_get_stdout_pipe (VitrineSupervisor       *self);
int                vitrine_supervisor_get_pid         (VitrineSupervisor       *self);
gboolean           vitrine_supervisor_is_running      (VitrineSupervisor       *self);
int                vitrine_supervisor_get_wait_status (VitrineSupervisor       *self);
char              *vitrine_supervisor_describe_exit   (VitrineSupervisor       *self);
void               vitrine_supervisor_wait_async      (VitrineSupervisor       *self,
                                                       GCancellable            *cancellable,
                                                       GAsyncReadyCallback      callback,
                                                       gpointer                 user_data);
gboolean           vitrine_supervisor_wait_finish     (VitrineSupervisor       *self,
                                                       GAsyncResult            *result,
                                                       GError                 **error);
void               vitrine_supervisor_stop_async      (VitrineSupervisor       *self,
                                                       guint                    grace_ms,
                                                       GCancellable            *cancellable,
                                                       GAsyncReadyCallback      callback,
                                                       gpointer                 user_data);
gboolean           vitrine_supervisor_stop_finish     (VitrineSupervisor       *self,
                                                       GAsyncResult            *result,
                                                       GError                 **error);
void               vitrine_supervisor_stop            (VitrineSupervisor       *self,
                                                       guint                    grace_ms);

G_END_DECLS
