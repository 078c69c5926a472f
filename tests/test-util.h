/* test-util.h — small helpers every kind of test uses
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <glib/gstdio.h>

#include "vitrine-discovery.h"

/* Removes a folder and what it holds, never following links out of it. */
static inline void
test_rm_rf (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        test_rm_rf (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

/* A fresh home of its own for a test that wants to start from nothing:
 * the runtime, config and data folders move into a new folder (inside the
 * private one test-isolate.c gave the program), which the caller removes. */
static inline char *
test_isolate_home (const char *tmpl)
{
  static const char * const names[] = { "XDG_RUNTIME_DIR", "XDG_CONFIG_HOME", "XDG_DATA_HOME" };
  g_autoptr(GError) error = NULL;
  char *tmp = g_dir_make_tmp (tmpl, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *dir = g_build_filename (tmp, names[i], NULL);

      g_mkdir_with_parents (dir, 0700);
      g_setenv (names[i], dir, TRUE);
    }
  return tmp;
}

static inline gboolean
test_set_flag_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main loop for @ms milliseconds. */
static inline void
test_spin (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, test_set_flag_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

/* A GAsyncReadyCallback that keeps the result in the GAsyncResult * that
 * @user_data points at. */
static inline void
test_keep_result_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

/* Whether test_keep_result_cb() has run for @data (a GAsyncResult **). */
static inline gboolean
test_has_result (gpointer data)
{
  return *(GAsyncResult **) data != NULL;
}

/* The process a local hub's discovery file names, or 0 without one. */
static inline gint64
test_discovery_pid (void)
{
  gint64 pid = 0;

  if (!vitrine_discovery_read (NULL, &pid, NULL))
    return 0;
  return pid;
}
