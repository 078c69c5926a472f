/* vitrine-routes-files.c — what a repository holds: tree, paths-info,
 * preupload, and downloads (resolve, raw)
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <glib/gstdio.h>

#include "vitrine-http-range.h"
#include "vitrine-json.h"
#include "vitrine-path.h"
#include "vitrine-routes-private.h"

/* An entry of a tree or paths-info answer; with @last, the commit that
 * last changed it. */
static void
add_entry_json_full (JsonBuilder        *builder,
                     VitrineEntry       *entry,
                     VitrineStoreCommit *last)
{
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "type");
  json_builder_add_string_value (builder, entry->is_dir ? "directory" : "file");
  json_builder_set_member_name (builder, "oid");
  json_builder_add_string_value (builder, entry->oid);
  json_builder_set_member_name (builder, "size");
  json_builder_add_int_value (builder, entry->is_dir ? 0 : (gint64) entry->size);
  json_builder_set_member_name (builder, "path");
  json_builder_add_string_value (builder, entry->path);
  if (entry->lfs)
    {
      json_builder_set_member_name (builder, "lfs");
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "oid");
      json_builder_add_string_value (builder, entry->lfs_oid);
      json_builder_set_member_name (builder, "size");
      json_builder_add_int_value (builder, entry->size);
      json_builder_set_member_name (builder, "pointerSize");
      json_builder_add_int_value (builder, entry->pointer_size);
      json_builder_end_object (builder);
    }
  if (last != NULL)
    {
      json_builder_set_member_name (builder, "lastCommit");
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_string_value (builder, last->id);
      json_builder_set_member_name (builder, "title");
      json_builder_add_string_value (builder, last->title);
      json_builder_set_member_name (builder, "date");
      {
        g_autofree char *date = vitrine_format_date (last->date);
        json_builder_add_string_value (builder, date);
      }
      json_builder_end_object (builder);
    }
  json_builder_end_object (builder);
}

static void
add_entry_json (JsonBuilder  *builder,
                VitrineEntry *entry)
{
  add_entry_json_full (builder, entry, NULL);
}

/* With `expand`, an entry also says which commit last changed it. */
static void
add_entry_expanded (JsonBuilder    *builder,
                    git_repository *repo,
                    const git_oid  *commit_id,
                    VitrineEntry   *entry)
{
  VitrineStoreCommit *last = vitrine_store_last_commit (repo, commit_id, entry->path);

  add_entry_json_full (builder, entry, last);
  vitrine_store_commit_free (last);
}

/* GET /api/{type}s/{ns}/{name}/tree/{rev}/{path} */
void
vitrine_route_tree (VitrineRequest *req)
{
  VitrineRepoMeta *meta = req->repo;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(git_repository) repo = vitrine_store_open_git (meta, &error);
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) answer = NULL;
  const char *limit_s = vitrine_request_query (req, "limit");
  gboolean expand = vitrine_request_query_bool (req, "expand");
  guint page = expand ? PAGE_SIZE_TREE_EXPANDED : PAGE_SIZE_TREE;
  guint offset = vitrine_route_parse_cursor (vitrine_request_query (req, "cursor"));
  guint limit = limit_s != NULL ? (guint) MIN (g_ascii_strtoull (limit_s, NULL, 10), page) : page;
  git_oid commit_id;
  guint end;

  if (limit == 0)
    limit = page;
  if (repo == NULL || !vitrine_route_resolve_rev_and_path (req, repo, req->tail, &commit_id, &path, &error))
    {
      vitrine_request_gerror (req, error);
      return;
    }
  if (*path != '\0' && !vitrine_route_check_path (req, path))
    return;
  entries = vitrine_store_list_tree (repo, &commit_id, path,
                                     vitrine_request_query_bool (req, "recursive"), &error);
  if (entries == NULL)
    {
      g_autoptr(VitrineEntry) file = vitrine_store_entry (repo, &commit_id, path, NULL);

      /* The Hub answers a file's path with the file alone. */
      if (file != NULL && !file->is_dir)
        {
          json_builder_begin_array (builder);
          if (expand)
            add_entry_expanded (builder, repo, &commit_id, file);
          else
            add_entry_json (builder, file);
          json_builder_end_array (builder);
          answer = json_builder_get_root (builder);
          vitrine_request_json (req, 200, answer);
          return;
        }
      vitrine_request_gerror (req, error);
      return;
    }

  end = MIN (entries->len, offset + limit);
  json_builder_begin_array (builder);
  for (guint i = offset; i < end; i++)
    if (expand)
      add_entry_expanded (builder, repo, &commit_id, g_ptr_array_index (entries, i));
    else
      add_entry_json (builder, g_ptr_array_index (entries, i));
  json_builder_end_array (builder);
  if (end < entries->len)
    {
      g_autofree char *next = g_strdup_printf ("%u", end);
      g_autofree char *cursor = g_base64_encode ((const guchar *) next, strlen (next));
      vitrine_route_add_next_link (req, "cursor", cursor);
    }
  answer = json_builder_get_root (builder);
  vitrine_request_json (req, 200, answer);
}

/* Paths from a JSON body `{"paths": [...]}` or a form body `paths=a&paths=b`. */
static GPtrArray *
body_paths (VitrineRequest *req,
            gboolean       *expand)
{
  GPtrArray *paths = g_ptr_array_new_with_free_func (g_free);
  gsize len;
  const char *data = req->body != NULL ? g_bytes_get_data (req->body, &len) : NULL;

  if (data == NULL || len == 0)
    return paths;

  if (req->content_type != NULL && g_str_has_prefix (req->content_type, "application/x-www-form-urlencoded"))
    {
      g_autofree char *text = g_strndup (data, len);

      {
        g_auto(GStrv) pairs = g_strsplit (text, "&", 100000);
        for (guint i = 0; pairs[i] != NULL; i++)
          {
            char *eq = strchr (pairs[i], '=');
            g_autofree char *key = NULL;

            if (eq == NULL)
              continue;
            *eq = '\0';
            g_strdelimit (pairs[i], "+", ' ');
            g_strdelimit (eq + 1, "+", ' ');
            key = g_uri_unescape_string (pairs[i], NULL);
            if (g_strcmp0 (key, "expand") == 0)
              *expand = g_str_equal (eq + 1, "true") || g_str_equal (eq + 1, "1");
            if (g_strcmp0 (key, "paths") == 0 || g_strcmp0 (key, "paths[]") == 0)
              {
                char *value = g_uri_unescape_string (eq + 1, NULL);
                if (value != NULL)
                  g_ptr_array_add (paths, value);
              }
          }
      }
      return paths;
    }

  {
    g_autoptr(JsonNode) root = vitrine_json_parse (data, len, 0, NULL);
    JsonNode *list;

    if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
      return paths;
    list = json_object_get_member (json_node_get_object (root), "paths");
    vitrine_route_member_bool (json_node_get_object (root), "expand", expand);
    if (list == NULL || !JSON_NODE_HOLDS_ARRAY (list))
      return paths;
    for (guint i = 0; i < json_array_get_length (json_node_get_array (list)); i++)
      {
        JsonNode *item = json_array_get_element (json_node_get_array (list), i);
        if (JSON_NODE_HOLDS_VALUE (item) && json_node_get_value_type (item) == G_TYPE_STRING)
          g_ptr_array_add (paths, g_strdup (json_node_get_string (item)));
      }
  }
  return paths;
}

/* POST /api/{type}s/{ns}/{name}/paths-info/{rev} */
void
vitrine_route_paths_info (VitrineRequest *req)
{
  VitrineRepoMeta *meta = req->repo;
  g_autofree char *rev = vitrine_request_join (req, req->tail);
  g_autoptr(GError) error = NULL;
  g_autoptr(git_repository) repo = vitrine_store_open_git (meta, &error);
  g_autoptr(GPtrArray) paths = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) answer = NULL;
  gboolean expand = FALSE;
  git_oid commit_id;

  if (req->body_too_large)
    {
      vitrine_request_error (req, 413, NULL, "Request body too large");
      return;
    }
  if (repo == NULL || !vitrine_store_resolve (repo, rev, &commit_id, &error))
    {
      vitrine_request_gerror (req, error);
      return;
    }
  if (req->body != NULL &&
      vitrine_json_has_nul (g_bytes_get_data (req->body, NULL), g_bytes_get_size (req->body)))
    {
      vitrine_request_error (req, 400, NULL, "NUL characters are not allowed");
      return;
    }
  paths = body_paths (req, &expand);
  json_builder_begin_array (builder);
  for (guint i = 0; i < paths->len; i++)
    {
      const char *path = g_ptr_array_index (paths, i);
      g_autoptr(VitrineEntry) entry = NULL;

      /* Paths that do not exist (or cannot) are left out. */
      if (!vitrine_path_check (path, -1, NULL))
        continue;
      entry = vitrine_store_entry (repo, &commit_id, path, NULL);
      if (entry != NULL && expand)
        add_entry_expanded (builder, repo, &commit_id, entry);
      else if (entry != NULL)
        add_entry_json (builder, entry);
    }
  json_builder_end_array (builder);
  answer = json_builder_get_root (builder);
  vitrine_request_json (req, 200, answer);
}

/* POST /api/{type}s/{ns}/{name}/preupload/{rev}: which files go to
 * large-file storage, and which the repository has already. */
void
vitrine_route_preupload (VitrineRequest *req)
{
  VitrineRepoMeta *meta = req->repo;
  g_autofree char *rev = vitrine_request_join (req, req->tail);
  g_autoptr(JsonNode) root = vitrine_request_parse_json (req);
  g_autoptr(GError) error = NULL;
  g_autoptr(git_repository) repo = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) answer = NULL;
  g_autoptr(GBytes) attributes_blob = NULL;
  g_autofree char *attributes = NULL;
  JsonNode *files;
  const char *override;
  git_oid commit_id;
  char sha[GIT_OID_HEXSZ + 1];

  if (root == NULL)
    return;
  if (!JSON_NODE_HOLDS_OBJECT (root) ||
      (files = json_object_get_member (json_node_get_object (root), "files")) == NULL ||
      !JSON_NODE_HOLDS_ARRAY (files))
    {
      vitrine_request_error (req, 400, NULL, "Expected {\"files\": [{\"path\", \"sample\", \"size\"}]}");
      return;
    }

  repo = vitrine_store_open_git (meta, &error);
  if (repo == NULL || !vitrine_store_resolve (repo, rev, &commit_id, &error))
    {
      vitrine_request_gerror (req, error);
      return;
    }
  git_oid_tostr (sha, sizeof sha, &commit_id);

  override = vitrine_json_string (json_node_get_object (root), "gitAttributes");
  if (override != NULL)
    attributes = g_strdup (override);
  else if ((attributes_blob = vitrine_store_read_file (repo, &commit_id, ".gitattributes")) != NULL)
    attributes = g_strndup (g_bytes_get_data (attributes_blob, NULL), g_bytes_get_size (attributes_blob));

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "files");
  json_builder_begin_array (builder);
  for (guint i = 0; i < json_array_get_length (json_node_get_array (files)); i++)
    {
      JsonNode *item = json_array_get_element (json_node_get_array (files), i);
      JsonObject *file = JSON_NODE_HOLDS_OBJECT (item) ? json_node_get_object (item) : NULL;
      const char *path = vitrine_json_string (file, "path");
      const char *sample = vitrine_json_string (file, "sample");
      g_autoptr(VitrineEntry) existing = NULL;
      gboolean lfs;
      guint64 size = 0;

      if (path == NULL || !vitrine_route_member_u64 (file, "size", &size))
        {
          vitrine_request_error (req, 400, NULL, "Each file needs a path and a size");
          return;
        }
      if (!vitrine_route_check_path (req, path))
        return;

      lfs = size > VITRINE_LFS_THRESHOLD || vitrine_store_attributes_match_lfs (attributes, path);
      if (!lfs && sample != NULL)
        {
          gsize n;
          g_autofree guchar *bytes = g_base64_decode (sample, &n);
          lfs = bytes != NULL && memchr (bytes, '\0', n) != NULL;
        }
      if (size == 0)
        lfs = FALSE;

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "path");
      json_builder_add_string_value (builder, path);
      json_builder_set_member_name (builder, "uploadMode");
      json_builder_add_string_value (builder, lfs ? "lfs" : "regular");
      json_builder_set_member_name (builder, "shouldIgnore");
      json_builder_add_boolean_value (builder, FALSE);
      existing = vitrine_store_entry (repo, &commit_id, path, NULL);
      if (existing != NULL && !existing->is_dir)
        {
          json_builder_set_member_name (builder, "oid");
          json_builder_add_string_value (builder, existing->lfs ? existing->lfs_oid : existing->oid);
        }
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "commitOid");
  json_builder_add_string_value (builder, sha);
  json_builder_end_object (builder);
  answer = json_builder_get_root (builder);
  vitrine_request_json (req, 200, answer);
}

/* GET|HEAD /{site}/{ns}/{name}/resolve|raw/{rev}/{path}: a file's bytes
 * (raw: a large file's pointer), whole or a range of them. */
void
vitrine_route_resolve (VitrineRequest *req)
{
  VitrineRepoMeta *meta = req->repo;
  gboolean raw = g_str_equal (req->segments[req->tail - 1], "raw");
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(git_repository) repo = vitrine_store_open_git (meta, &error);
  g_autoptr(VitrineEntry) entry = NULL;
  g_autoptr(GBytes) content = NULL;
  g_autofree char *etag = NULL;
  g_autofree char *size_s = NULL;
  g_autofree char *disposition = NULL;
  g_autofree char *escaped_name = NULL;
  const char *name;
  char sha[GIT_OID_HEXSZ + 1];
  git_oid commit_id;
  guint64 size, start = 0, length;

  if (repo == NULL || !vitrine_route_resolve_rev_and_path (req, repo, req->tail, &commit_id, &path, &error))
    {
      vitrine_request_gerror (req, error);
      return;
    }
  if (!vitrine_route_check_path (req, path))
    return;
  git_oid_tostr (sha, sizeof sha, &commit_id);
  entry = vitrine_store_entry (repo, &commit_id, path, NULL);
  if (entry == NULL || entry->is_dir)
    {
      req->status = 404;
      vitrine_request_header (req, "X-Error-Code", "EntryNotFound");
      vitrine_request_header (req, "X-Error-Message", "Entry not found");
      vitrine_request_header (req, "X-Repo-Commit", sha);
      req->resp_type = g_strdup ("text/plain; charset=utf-8");
      req->resp_body = g_bytes_new_static ("Entry not found", strlen ("Entry not found"));
      return;
    }

  vitrine_request_header (req, "X-Repo-Commit", sha);
  vitrine_request_header (req, "Accept-Ranges", "bytes");
  name = strrchr (path, '/') != NULL ? strrchr (path, '/') + 1 : path;
  escaped_name = g_uri_escape_string (name, NULL, FALSE);
  disposition = g_strdup_printf ("inline; filename*=UTF-8''%s", escaped_name);
  vitrine_request_header (req, "Content-Disposition", disposition);

  if (entry->lfs && !raw)
    {
      g_autofree char *object = vitrine_lfs_object_path (vitrine_server_get_lfs_dir (req->server),
                                                         entry->lfs_oid);
      GStatBuf st;

      if (g_stat (object, &st) != 0)
        {
          vitrine_request_error (req, 500, NULL, "The large file is missing from the store");
          return;
        }
      etag = g_strdup_printf ("\"%s\"", entry->lfs_oid);
      size = st.st_size;
      req->file_path = g_steal_pointer (&object);
      vitrine_request_header (req, "X-Linked-Etag", etag);
    }
  else
    {
      content = vitrine_store_read_blob (repo, entry->oid, &error);
      if (content == NULL)
        {
          vitrine_request_gerror (req, error);
          return;
        }
      etag = g_strdup_printf ("\"%s\"", entry->oid);
      size = g_bytes_get_size (content);
    }
  vitrine_request_header (req, "ETag", etag);
  size_s = g_strdup_printf ("%" G_GUINT64_FORMAT, size);
  vitrine_request_header (req, "X-Linked-Size", size_s);

  length = size;
  req->status = 200;
  if (req->range != NULL && size == 0)
    {
      /* No byte to give, but the size still: the official JS client asks
       * every file for bytes=0-0 and reads the size from Content-Range. */
      vitrine_request_header (req, "Content-Range", "bytes */0");
    }
  else if (req->range != NULL)
    {
      g_autofree char *content_range = NULL;

      if (!vitrine_http_range_parse (req->range, size, &start, &length))
        {
          g_autofree char *unsatisfied = g_strdup_printf ("bytes */%" G_GUINT64_FORMAT, size);
          g_clear_pointer (&req->file_path, g_free);
          vitrine_request_header (req, "Content-Range", unsatisfied);
          vitrine_request_error (req, 416, NULL, "Requested range not satisfiable");
          return;
        }
      content_range = g_strdup_printf ("bytes %" G_GUINT64_FORMAT "-%" G_GUINT64_FORMAT "/%" G_GUINT64_FORMAT,
                                       start, start + length - 1, size);
      vitrine_request_header (req, "Content-Range", content_range);
      req->status = 206;
    }

  if (req->file_path != NULL)
    {
      req->file_offset = start;
      req->file_length = length;
      req->resp_type = g_strdup ("application/octet-stream");
    }
  else
    {
      req->resp_type = g_strdup ("application/octet-stream");
      req->resp_body = g_bytes_new_from_bytes (content, start, length);
    }
}
