/* vitrine-routes-spaces.c — Spaces: their runtime, and what Space info adds
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "vitrine-json.h"
#include "vitrine-path.h"
#include "vitrine-routes-private.h"

char *
vitrine_route_space_subdomain (VitrineRepoMeta *meta)
{
  g_autofree char *id = g_strdup_printf ("%s-%s", meta->ns, meta->name);
  char *lower = g_ascii_strdown (id, -1);

  g_strdelimit (lower, "_.", '-');
  return lower;
}

void
vitrine_route_add_runtime (JsonBuilder     *builder,
                           VitrineRepoMeta *meta,
                           gboolean         has_app)
{
  json_builder_begin_object (builder);
  /* The local hub stores Spaces; Vitrine runs them on this computer. */
  json_builder_set_member_name (builder, "stage");
  json_builder_add_string_value (builder, has_app ? "STOPPED" : "NO_APP_FILE");
  json_builder_set_member_name (builder, "hardware");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "current");
  json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "requested");
  json_builder_add_string_value (builder, "cpu-basic");
  json_builder_end_object (builder);
  json_builder_set_member_name (builder, "storage");
  json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "gcTimeout");
  json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "replicas");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "requested");
  json_builder_add_int_value (builder, 1);
  json_builder_set_member_name (builder, "current");
  json_builder_add_int_value (builder, 0);
  json_builder_end_object (builder);
  json_builder_set_member_name (builder, "devMode");
  json_builder_add_boolean_value (builder, FALSE);
  json_builder_set_member_name (builder, "domains");
  json_builder_begin_array (builder);
  json_builder_end_array (builder);
  if (meta->sdk != NULL)
    {
      json_builder_set_member_name (builder, "sdk");
      json_builder_add_string_value (builder, meta->sdk);
    }
  json_builder_end_object (builder);
}

gboolean
vitrine_route_space_has_app (git_repository  *repo,
                             const git_oid   *commit_id,
                             VitrineRepoMeta *meta,
                             JsonObject      *card)
{
  const char *app_file = vitrine_json_string (card, "app_file");
  const char *sdk = vitrine_json_string (card, "sdk");
  g_autoptr(VitrineEntry) entry = NULL;

  if (sdk == NULL)
    sdk = meta->sdk;
  if (app_file == NULL)
    {
      if (g_strcmp0 (sdk, "static") == 0)
        app_file = "index.html";
      else if (g_strcmp0 (sdk, "docker") == 0)
        app_file = "Dockerfile";
      else
        app_file = "app.py";
    }
  if (!vitrine_path_check (app_file, -1, NULL))
    return FALSE;
  entry = vitrine_store_entry (repo, commit_id, app_file, NULL);
  return entry != NULL && !entry->is_dir;
}

/* GET /api/spaces/{ns}/{name}/runtime */
void
vitrine_route_runtime (VitrineRequest *req)
{
  VitrineRepoMeta *meta = req->repo;
  g_autoptr(GError) error = NULL;
  g_autoptr(git_repository) repo = vitrine_store_open_git (meta, &error);
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) answer = NULL;
  g_autoptr(JsonNode) card = NULL;
  git_oid commit_id;

  if (req->type != VITRINE_REPO_TYPE_SPACE)
    {
      vitrine_route_not_found (req);
      return;
    }
  if (repo == NULL || !vitrine_store_resolve (repo, "main", &commit_id, &error))
    {
      vitrine_request_gerror (req, error);
      return;
    }
  card = vitrine_route_card_data (repo, &commit_id);
  vitrine_route_add_runtime (builder, meta, vitrine_route_space_has_app (repo, &commit_id, meta,
                                             card != NULL ? json_node_get_object (card) : NULL));
  answer = json_builder_get_root (builder);
  vitrine_request_json (req, 200, answer);
}
