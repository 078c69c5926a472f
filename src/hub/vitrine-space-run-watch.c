/* vitrine-space-run-watch.c — a folder run's files watched, so that the
 * view shows what the user just saved
 *
 * Every folder of it is watched (GFileMonitor is not recursive), except
 * hidden ones, caches and node_modules; a change counts once the folder
 * has been quiet for a moment.  A static Space then says so at once
 * (files-changed: the view reloads); an app is restarted first, and
 * files-changed comes once it answers again.  The folder is watched from
 * the start, so that saving a fix restarts an app that crashed or could
 * not start.
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "vitrine-space-run-private.h"

/* How long a folder must be quiet before a change counts. */
#define DEBOUNCE_MS 400
/* How deep a watched folder is watched. */
#define WATCH_DEPTH 8

static gboolean
ignored_name (const char *name)
{
  return name[0] == '.' || g_str_equal (name, "__pycache__") || g_str_equal (name, "node_modules") ||
         g_str_has_suffix (name, ".pyc") || g_str_has_suffix (name, ".log") || g_str_has_suffix (name, "~") ||
         g_str_has_suffix (name, ".swp") || g_str_has_suffix (name, ".tmp");
}

static void
on_restarted_for_change_cb (GObject      *source,
                            GAsyncResult *result,
                            gpointer      user_data)
{
  vitrine_space_run_restart_finish (VITRINE_SPACE_RUN (source), result, NULL);
}

static gboolean
on_debounce_cb (gpointer user_data)
{
  VitrineSpaceRun *self = user_data;

  g_clear_pointer (&self->debounce, g_source_unref);
  _vitrine_space_run_say (self, _("The folder’s files changed."));
  if (g_strcmp0 (self->sdk, "static") == 0)
    {
      /* New folders get watched too. */
      _vitrine_space_run_unwatch (self);
      _vitrine_space_run_watch (self);
      _vitrine_space_run_emit_files_changed (self);
    }
  else if (self->state == VITRINE_SPACE_STATE_RUNNING || self->state == VITRINE_SPACE_STATE_CRASHED ||
           self->state == VITRINE_SPACE_STATE_FAILED)
    {
      /* A fix saved after a crash runs at once, too. */
      self->restarting_for_change = TRUE;
      vitrine_space_run_restart_async (self, NULL, on_restarted_for_change_cb, NULL);
    }
  return G_SOURCE_REMOVE;
}

static void
on_folder_changed_cb (GFileMonitor      *monitor,
                      GFile             *file,
                      GFile             *other,
                      GFileMonitorEvent  event,
                      gpointer           user_data)
{
  VitrineSpaceRun *self = user_data;
  g_autofree char *name = g_file_get_basename (file);

  if (ignored_name (name) || event == G_FILE_MONITOR_EVENT_ATTRIBUTE_CHANGED)
    return;
  if (self->debounce != NULL)
    {
      g_source_destroy (self->debounce);
      g_clear_pointer (&self->debounce, g_source_unref);
    }
  self->debounce = g_timeout_source_new (DEBOUNCE_MS);
  g_source_set_callback (self->debounce, on_debounce_cb, self, NULL);
  g_source_attach (self->debounce, self->context);
}

static void
watch_dir (VitrineSpaceRun *self,
           const char      *path,
           guint            depth)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GDir) dir = NULL;
  GFileMonitor *monitor;
  const char *name;

  monitor = g_file_monitor_directory (file, G_FILE_MONITOR_WATCH_MOVES, NULL, NULL);
  if (monitor == NULL)
    return;
  g_signal_connect (monitor, "changed", G_CALLBACK (on_folder_changed_cb), self);
  g_ptr_array_add (self->monitors, monitor);
  if (depth >= WATCH_DEPTH || (dir = g_dir_open (path, 0, NULL)) == NULL)
    return;
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (!ignored_name (name) && g_file_test (child, G_FILE_TEST_IS_DIR) &&
          !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        watch_dir (self, child, depth + 1);
    }
}

void
_vitrine_space_run_watch (VitrineSpaceRun *self)
{
  if (!vitrine_space_options_get_watch (self->options) || self->source_folder == NULL || self->monitors != NULL)
    return;
  self->monitors = g_ptr_array_new ();
  watch_dir (self, self->source_folder, 0);
}

void
_vitrine_space_run_unwatch (VitrineSpaceRun *self)
{
  if (self->debounce != NULL)
    {
      g_source_destroy (self->debounce);
      g_clear_pointer (&self->debounce, g_source_unref);
    }
  if (self->monitors == NULL)
    return;
  for (guint i = 0; i < self->monitors->len; i++)
    {
      GFileMonitor *monitor = self->monitors->pdata[i];

      g_signal_handlers_disconnect_by_data (monitor, self);
      g_file_monitor_cancel (monitor);
      g_object_unref (monitor);
    }
  g_clear_pointer (&self->monitors, g_ptr_array_unref);
}
