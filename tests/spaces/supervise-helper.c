/* supervise-helper.c — a parent for the supervisor's tests to kill: it
 * spawns its arguments under a VitrineSupervisor (with
 * VITRINE_SUPERVISOR_MAY_OUTLIVE after --may-outlive), prints the child's
 * process group, and runs until it is killed
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>

#include "vitrine-supervisor.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(VitrineSupervisor) supervisor = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  VitrineSupervisorFlags flags = VITRINE_SUPERVISOR_NONE;

  if (argc > 1 && g_str_equal (argv[1], "--may-outlive"))
    {
      flags = VITRINE_SUPERVISOR_MAY_OUTLIVE;
      argc--;
      argv++;
    }
  if (argc < 2)
    {
      fprintf (stderr, "usage: supervise-helper [--may-outlive] PROGRAM [ARGS…]\n");
      return 2;
    }
  supervisor = vitrine_supervisor_new (NULL);
  if (!vitrine_supervisor_spawn (supervisor, (const char * const *) argv + 1, NULL, NULL,
                                 flags, &error))
    {
      fprintf (stderr, "%s\n", error->message);
      return 1;
    }
  printf ("%d\n", vitrine_supervisor_get_pid (supervisor));
  fflush (stdout);
  g_main_loop_run (loop);
  return 0;
}
