/* process-util.h — what the Space tests ask about processes: which live in
 * a process group, found by a scan of /proc
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <stdio.h>
#include <string.h>
#include <glib.h>

/* How many processes of group @pgid live (zombies, which no longer run,
 * are not counted: a container's first process may never reap them). */
static inline guint
test_group_count (int pgid)
{
  g_autoptr(GDir) proc = g_dir_open ("/proc", 0, NULL);
  const char *name;
  guint count = 0;

  g_assert_nonnull (proc);
  while ((name = g_dir_read_name (proc)) != NULL)
    {
      g_autofree char *path = NULL;
      g_autofree char *stat = NULL;
      const char *after;
      char state;
      int ppid, pgrp;

      if (!g_ascii_isdigit (name[0]))
        continue;
      path = g_build_filename ("/proc", name, "stat", NULL);
      if (!g_file_get_contents (path, &stat, NULL, NULL))
        continue;
      /* pid (comm) state ppid pgrp ...; comm may hold anything. */
      after = strrchr (stat, ')');
      if (after == NULL || sscanf (after + 1, " %c %d %d", &state, &ppid, &pgrp) != 3)
        continue;
      if (pgrp == pgid && state != 'Z' && state != 'X')
        count++;
    }
  return count;
}

/* Waits (up to @timeout_s seconds, iterating the default main context)
 * until no process of group @pgid lives. */
static inline gboolean
test_group_wait_empty (int pgid,
                       guint timeout_s)
{
  gint64 deadline = g_get_monotonic_time () + (gint64) timeout_s * G_USEC_PER_SEC;

  while (test_group_count (pgid) > 0)
    {
      if (g_get_monotonic_time () > deadline)
        return FALSE;
      g_main_context_iteration (NULL, FALSE);
      g_usleep (20 * 1000);
    }
  return TRUE;
}
