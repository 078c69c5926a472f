/* vitrine-discovery.c — the file that says where this computer's hub runs
 *
 * `vitrine-hub serve --register` writes it when it is ready and removes it
 * when it stops; the application, vitrine-cli and the card editor read it
 * to find the hub and the folder its data lives in.  It is written and read
 * here only.
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <unistd.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "vitrine-discovery.h"
#include "vitrine-json.h"

/* The discovery file is a few lines: anything larger is not one. */
#define MAX_DISCOVERY_FILE (64 * 1024)

/**
 * vitrine_discovery_path:
 *
 * Where a local hub started with `--register` says where it is:
 * `$XDG_RUNTIME_DIR/vitrine/local-hub.json`.
 *
 * Returns: (transfer full): the discovery file's path
 */
char *
vitrine_discovery_path (void)
{
  return g_build_filename (g_get_user_runtime_dir (), "vitrine", "local-hub.json", NULL);
}

/**
 * vitrine_discovery_read:
 * @url: (out) (optional): where it listens
 * @pid: (out) (optional): its process, 0 when the file does not say
 * @data_dir: (out) (optional) (nullable): its data folder
 *
 * Reads the discovery file of the local hub.
 *
 * Returns: whether there is one with a URL
 */
gboolean
vitrine_discovery_read (char   **url,
                        gint64  *pid,
                        char   **data_dir)
{
  g_autofree char *path = vitrine_discovery_path ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *text = NULL;
  JsonObject *object;
  gsize len;

  if (!g_file_get_contents (path, &text, &len, NULL))
    return FALSE;
  root = vitrine_json_parse (text, len, MAX_DISCOVERY_FILE, NULL);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return FALSE;
  object = json_node_get_object (root);
  if (vitrine_json_string (object, "url") == NULL)
    return FALSE;
  if (url != NULL)
    *url = g_strdup (vitrine_json_string (object, "url"));
  if (pid != NULL)
    *pid = vitrine_json_int (object, "pid", 0);
  if (data_dir != NULL)
    *data_dir = g_strdup (vitrine_json_string (object, "dataDir"));
  return TRUE;
}

/**
 * vitrine_discovery_write:
 * @url: where this process's hub listens
 * @data_dir: its data folder
 *
 * Says, privately (0600 in a 0700 folder), that this process serves @url
 * from @data_dir.  The file is replaced whole, never seen half-written.
 */
gboolean
vitrine_discovery_write (const char  *url,
                         const char  *data_dir,
                         GError     **error)
{
  g_autofree char *path = vitrine_discovery_path ();
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *abs_data = g_canonicalize_filename (data_dir, NULL);
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *text = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "url");
  json_builder_add_string_value (builder, url);
  json_builder_set_member_name (builder, "pid");
  json_builder_add_int_value (builder, getpid ());
  json_builder_set_member_name (builder, "dataDir");
  json_builder_add_string_value (builder, abs_data);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  text = json_to_string (root, TRUE);

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                   "Could not make %s: %s", dir, g_strerror (saved));
      return FALSE;
    }
  return g_file_set_contents_full (path, text, -1, G_FILE_SET_CONTENTS_CONSISTENT, 0600, error);
}

/**
 * vitrine_discovery_remove:
 *
 * Removes the discovery file, when a registered hub stops.
 */
void
vitrine_discovery_remove (void)
{
  g_autofree char *path = vitrine_discovery_path ();

  g_unlink (path);
}
