/* test-util.h — small helpers every kind of test uses
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

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

/* The process a local hub's discovery file names, or 0 without one. */
static inline gint64
test_discovery_pid (void)
{
  g_autofree char *path = g_build_filename (g_get_user_runtime_dir (), "vitrine", "local-hub.json", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();

  if (!json_parser_load_from_file (parser, path, NULL) || json_parser_get_root (parser) == NULL ||
      !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    return 0;
  return json_object_get_int_member_with_default (json_node_get_object (json_parser_get_root (parser)), "pid", 0);
}
