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

/* GET /api/{type}s/{ns}/{name}/commits/{rev}[?p=N&limit=N], newest first */
void
vitrine_route_commits (VitrineRequest *req)
{
  VitrineRepoMeta *meta = req->repo;
  g_autofree char *rev = vitrine_request_join (req, req->tail);
  g_autoptr(GError) error = NULL;
  g_autoptr(git_repository) repo = vitrine_store_open_git (meta, &error);
  g_autoptr(GPtrArray) commits = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) answer = NULL;
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

  json_builder_begin_array (builder);
  for (guint i = 0; i < commits->len; i++)
    {
      VitrineStoreCommit *info = g_ptr_array_index (commits, i);
      g_autofree char *date = vitrine_format_date (info->date);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_string_value (builder, info->id);
      json_builder_set_member_name (builder, "title");
      json_builder_add_string_value (builder, info->title);
      json_builder_set_member_name (builder, "message");
      json_builder_add_string_value (builder, info->message);
      json_builder_set_member_name (builder, "authors");
      json_builder_begin_array (builder);
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "user");
      json_builder_add_string_value (builder, info->author);
      json_builder_set_member_name (builder, "avatar");
      json_builder_add_string_value (builder, "");
      json_builder_end_object (builder);
      json_builder_end_array (builder);
      json_builder_set_member_name (builder, "date");
      json_builder_add_string_value (builder, date);
      /* Not in the Hub's answer: clients that know it compare a commit
       * with its parent instead of with the next one listed. */
      json_builder_set_member_name (builder, "parents");
      json_builder_begin_array (builder);
      for (guint p = 0; info->parents[p] != NULL; p++)
        json_builder_add_string_value (builder, info->parents[p]);
      json_builder_end_array (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

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
  answer = json_builder_get_root (builder);
  vitrine_request_json (req, 200, answer);
}
