/* vitrine-routes-refs.c — refs, tags and branches
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "vitrine-json.h"
#include "vitrine-routes-private.h"

static void
add_refs (JsonBuilder    *builder,
          git_repository *repo,
          const char     *member,
          const char     *prefix)
{
  g_autoptr(GPtrArray) refs = vitrine_store_list_refs (repo, prefix);

  json_builder_set_member_name (builder, member);
  json_builder_begin_array (builder);
  for (guint i = 0; i < refs->len; i++)
    {
      VitrineStoreRef *ref = g_ptr_array_index (refs, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "name");
      json_builder_add_string_value (builder, ref->name);
      json_builder_set_member_name (builder, "ref");
      json_builder_add_string_value (builder, ref->ref);
      json_builder_set_member_name (builder, "targetCommit");
      json_builder_add_string_value (builder, ref->target);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

/* GET /api/{type}s/{ns}/{name}/refs[?include_prs=1] */
void
vitrine_route_refs (VitrineRequest *req)
{
  VitrineRepoMeta *meta = req->repo;
  g_autoptr(GError) error = NULL;
  g_autoptr(git_repository) repo = vitrine_store_open_git (meta, &error);
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) answer = NULL;

  if (repo == NULL)
    {
      vitrine_request_gerror (req, error);
      return;
    }
  json_builder_begin_object (builder);
  add_refs (builder, repo, "branches", "refs/heads/");
  add_refs (builder, repo, "tags", "refs/tags/");
  add_refs (builder, repo, "converts", "refs/convert/");
  if (vitrine_request_query_bool (req, "include_prs"))
    add_refs (builder, repo, "pullRequests", "refs/pr/");
  json_builder_end_object (builder);
  answer = json_builder_get_root (builder);
  vitrine_request_json (req, 200, answer);
}

/* POST|DELETE /api/{type}s/{ns}/{name}/tag/{rev or tag}: tags the
 * revision (POST, the tag in the body), or deletes the tag. */
void
vitrine_route_tag (VitrineRequest *req)
{
  VitrineRepoMeta *meta = req->repo;
  g_autofree char *name = vitrine_request_join (req, req->tail);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) answer = vitrine_route_empty_object ();

  if (g_str_equal (req->method, "DELETE"))
    {
      g_autofree char *refname = g_strconcat ("refs/tags/", name, NULL);

      if (!vitrine_store_delete_ref (meta, refname, &error))
        {
          vitrine_request_gerror (req, error);
          return;
        }
    }
  else
    {
      g_autoptr(JsonNode) root = vitrine_request_parse_json (req);
      JsonObject *body;

      if (root == NULL)
        return;
      body = JSON_NODE_HOLDS_OBJECT (root) ? json_node_get_object (root) : NULL;
      if (vitrine_json_string (body, "tag") == NULL)
        {
          vitrine_request_error (req, 400, NULL, "Expected {\"tag\": name}");
          return;
        }
      if (!vitrine_store_create_tag (meta, name, vitrine_json_string (body, "tag"),
                                     vitrine_json_string (body, "message"), req->caller->user, &error))
        {
          vitrine_request_gerror (req, error);
          return;
        }
    }
  vitrine_request_json (req, 200, answer);
}

/* POST|DELETE /api/{type}s/{ns}/{name}/branch/{branch} */
void
vitrine_route_branch (VitrineRequest *req)
{
  VitrineRepoMeta *meta = req->repo;
  g_autofree char *name = vitrine_request_join (req, req->tail);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) answer = vitrine_route_empty_object ();

  if (g_str_equal (req->method, "DELETE"))
    {
      g_autofree char *refname = g_strconcat ("refs/heads/", name, NULL);

      if (g_str_equal (name, "main"))
        {
          vitrine_request_error (req, 403, NULL, "The default branch cannot be deleted");
          return;
        }
      if (!vitrine_store_delete_ref (meta, refname, &error))
        {
          vitrine_request_gerror (req, error);
          return;
        }
    }
  else
    {
      g_autoptr(JsonNode) root = NULL;
      JsonObject *body = NULL;
      gboolean empty = FALSE, overwrite = FALSE;

      if (req->body != NULL && g_bytes_get_size (req->body) > 0)
        {
          root = vitrine_request_parse_json (req);
          if (root == NULL)
            return;
          body = JSON_NODE_HOLDS_OBJECT (root) ? json_node_get_object (root) : NULL;
        }
      vitrine_route_member_bool (body, "emptyBranch", &empty);
      vitrine_route_member_bool (body, "overwrite", &overwrite);
      if (!vitrine_store_create_branch (meta, name, vitrine_json_string (body, "startingPoint"), empty,
                                        overwrite, req->caller->user, &error))
        {
          vitrine_request_gerror (req, error);
          return;
        }
    }
  vitrine_request_json (req, 200, answer);
}
