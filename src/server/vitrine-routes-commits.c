/* vitrine-routes-commits.c — the NDJSON commit, and the commits listing
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "vitrine-commit-builder.h"
#include "vitrine-json.h"
#include "vitrine-routes-private.h"

/* POST /api/{type}s/{ns}/{name}/commit/{rev}, with an NDJSON body */
void
vitrine_route_commit (VitrineRequest *req)
{
  VitrineRepoMeta *meta = req->repo;
  g_autofree char *rev = vitrine_request_join (req, req->tail);
  g_autoptr(VitrineCommitPayload) payload = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(JsonNode) answer = NULL;
  g_autofree char *commit_id = NULL;
  g_autofree char *pr_ref = NULL;
  g_autofree char *url = NULL;
  gboolean create_pr = vitrine_request_query_bool (req, "create_pr");
  const char *data;
  gsize len = 0;

  if (req->body_too_large)
    {
      vitrine_request_error (req, 413, NULL, "Commit payload too large");
      return;
    }
  data = req->body != NULL ? g_bytes_get_data (req->body, &len) : NULL;
  payload = vitrine_commit_payload_parse (data, len, &error);
  if (payload == NULL ||
      !vitrine_store_commit (meta, vitrine_server_get_lfs_dir (req->server), rev, create_pr,
                             payload, req->caller->user, &commit_id, &pr_ref, &error))
    {
      vitrine_request_gerror (req, error);
      return;
    }

  url = vitrine_route_repo_url (req, meta);
  builder = json_builder_new ();
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "success");
  json_builder_add_boolean_value (builder, TRUE);
  json_builder_set_member_name (builder, "commitOid");
  json_builder_add_string_value (builder, commit_id);
  json_builder_set_member_name (builder, "commitUrl");
  {
    g_autofree char *commit_url = g_strdup_printf ("%s/commit/%s", url, commit_id);
    json_builder_add_string_value (builder, commit_url);
  }
  if (pr_ref != NULL)
    {
      g_autofree char *pr_url = g_strdup_printf ("%s/discussions/%s", url, pr_ref + strlen ("refs/pr/"));
      json_builder_set_member_name (builder, "pullRequestUrl");
      json_builder_add_string_value (builder, pr_url);
    }
  json_builder_end_object (builder);
  answer = json_builder_get_root (builder);
  vitrine_request_json (req, 200, answer);
}

/* A JSON string: quoted, escaped, and UTF-8 (git does not insist). */
static void
append_json_string (GString    *out,
                    const char *text)
{
  g_autofree char *valid = NULL;

  if (text == NULL)
    text = "";
  if (!g_utf8_validate (text, -1, NULL))
    text = valid = g_utf8_make_valid (text, -1);
  g_string_append_c (out, '"');
  for (const char *p = text; *p != '\0'; p++)
    switch (*p)
      {
      case '"':
        g_string_append (out, "\\\"");
        break;
      case '\\':
        g_string_append (out, "\\\\");
        break;
      case '\n':
        g_string_append (out, "\\n");
        break;
      case '\t':
        g_string_append (out, "\\t");
        break;
      case '\r':
        g_string_append (out, "\\r");
        break;
      default:
        if ((guchar) *p < 0x20)
          g_string_append_printf (out, "\\u%04x", (guchar) *p);
        else
          g_string_append_c (out, *p);
        break;
      }
  g_string_append_c (out, '"');
}

/* GET /api/{type}s/{ns}/{name}/commits/{rev}[?p=N&limit=N], newest first */
void
vitrine_route_commits (VitrineRequest *req)
{
  VitrineRepoMeta *meta = req->repo;
  g_autofree char *rev = vitrine_request_join (req, req->tail);
  g_autoptr(GError) error = NULL;
  g_autoptr(git_repository) repo = vitrine_store_open_git (meta, &error);
  g_autoptr(GPtrArray) commits = NULL;
  g_autoptr(GString) body = NULL;
  g_autofree char *total_s = NULL;
  const char *limit_s = vitrine_request_query (req, "limit");
  const char *page_s = vitrine_request_query (req, "p");
  guint64 limit = limit_s != NULL ? g_ascii_strtoull (limit_s, NULL, 10) : 50;
  guint64 page = page_s != NULL ? g_ascii_strtoull (page_s, NULL, 10) : 0;
  git_oid commit_id;
  guint total = 0;

  if (limit == 0 || limit > 1000)
    limit = limit == 0 ? 50 : 1000;
  if (page > G_MAXUINT / limit)
    page = G_MAXUINT / limit;
  if (repo == NULL || !vitrine_store_resolve (repo, rev, &commit_id, &error))
    {
      vitrine_request_gerror (req, error);
      return;
    }
  commits = vitrine_store_commits (repo, &commit_id, page * limit, limit, &total, &error);
  if (commits == NULL)
    {
      vitrine_request_gerror (req, error);
      return;
    }

  /* Written by hand: a page is mostly strings, and this is where paging
   * through a long history spends its time. */
  body = g_string_sized_new (256 * commits->len + 2);
  g_string_append_c (body, '[');
  for (guint i = 0; i < commits->len; i++)
    {
      VitrineStoreCommit *info = g_ptr_array_index (commits, i);
      g_autofree char *date = vitrine_format_date (info->date);

      if (i > 0)
        g_string_append_c (body, ',');
      g_string_append (body, "{\"id\":");
      append_json_string (body, info->id);
      g_string_append (body, ",\"title\":");
      append_json_string (body, info->title);
      g_string_append (body, ",\"message\":");
      append_json_string (body, info->message);
      g_string_append (body, ",\"authors\":[{\"user\":");
      append_json_string (body, info->author);
      g_string_append (body, ",\"avatar\":\"\"}],\"date\":");
      append_json_string (body, date);
      /* Not in the Hub's answer: clients that know it compare a commit
       * with its parent instead of with the next one listed. */
      g_string_append (body, ",\"parents\":[");
      for (guint p = 0; info->parents[p] != NULL; p++)
        {
          if (p > 0)
            g_string_append_c (body, ',');
          append_json_string (body, info->parents[p]);
        }
      g_string_append (body, "]}");
    }
  g_string_append_c (body, ']');

  total_s = g_strdup_printf ("%u", total);
  vitrine_request_header (req, "X-Total-Count", total_s);
  if ((page + 1) * limit < total)
    {
      g_autofree char *next = g_strdup_printf ("%" G_GUINT64_FORMAT, page + 1);
      g_autofree char *limit_text = g_strdup_printf ("%" G_GUINT64_FORMAT, limit);
      GPtrArray *query = req->query;
      gboolean has_limit = vitrine_request_query (req, "limit") != NULL;

      if (!has_limit)
        {
          g_ptr_array_add (query, g_strdup ("limit"));
          g_ptr_array_add (query, g_strdup (limit_text));
        }
      vitrine_route_add_next_link (req, "p", next);
    }
  vitrine_request_bytes (req, 200, "application/json; charset=utf-8", g_string_free_to_bytes (g_steal_pointer (&body)));
}
