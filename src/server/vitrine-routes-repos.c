/* vitrine-routes-repos.c — repositories: create, delete, move, settings, info, listings
 *
 * Also who the caller is (whoami-v2) and the model card checks
 * (validate-yaml).
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "vitrine-card-rules.h"
#include "vitrine-error.h"
#include "vitrine-json.h"
#include "vitrine-routes-private.h"
#include "vitrine-yaml.h"

/* GET /api/whoami-v2 */
void
vitrine_route_whoami (VitrineRequest *req)
{
  g_autoptr(JsonNode) node = NULL;

  if (req->caller == NULL)
    {
      vitrine_request_error (req, 401, NULL, "Invalid username or password.");
      return;
    }
  node = vitrine_accounts_whoami (req->data_dir, req->caller);
  vitrine_request_json (req, 200, node);
}

static gboolean
parse_type (const char      *text,
            VitrineRepoType *type)
{
  if (text == NULL)
    {
      *type = VITRINE_REPO_TYPE_MODEL;
      return TRUE;
    }
  return vitrine_repo_type_from_string (text, type);
}

/* POST /api/repos/create */
void
vitrine_route_repo_create (VitrineRequest *req)
{
  g_autoptr(JsonNode) root = vitrine_request_parse_json (req);
  g_autoptr(GError) error = NULL;
  g_autoptr(VitrineRepoMeta) meta = NULL;
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(JsonNode) answer = NULL;
  g_autofree char *url = NULL;
  g_autofree char *id = NULL;
  JsonObject *body;
  const char *name, *ns, *visibility, *sdk;
  VitrineRepoType type;
  gboolean private_ = FALSE;

  body = vitrine_route_body_object (req, root);
  if (body == NULL)
    return;
  if (req->caller == NULL)
    {
      vitrine_request_error (req, 401, NULL, "You must be signed in to create a repository.");
      return;
    }

  name = vitrine_json_string (body, "name");
  if (!vitrine_repo_name_check (name, &error))
    {
      g_autofree char *message = g_strdup_printf ("Invalid repository name: %s", error->message);
      vitrine_request_error (req, 400, NULL, message);
      return;
    }
  if (!parse_type (vitrine_json_string (body, "type"), &type))
    {
      vitrine_request_error (req, 400, NULL, "Invalid repository type: use model, dataset or space");
      return;
    }
  ns = vitrine_json_string (body, "organization");
  if (ns == NULL)
    ns = req->caller->user;
  if (!vitrine_accounts_namespace_exists (req->data_dir, ns))
    {
      vitrine_request_error (req, 404, NULL, "This namespace does not exist");
      return;
    }
  if (!vitrine_route_can_write_namespace (req, ns))
    {
      vitrine_request_error (req, 403, NULL,
                             req->caller->role != VITRINE_ROLE_WRITE
                               ? "This token is read-only: use a token with the write role."
                               : "You don't have the rights to create a repository under this namespace");
      return;
    }

  visibility = vitrine_json_string (body, "visibility");
  if (visibility != NULL)
    {
      if (g_str_equal (visibility, "private") || g_str_equal (visibility, "protected"))
        private_ = TRUE;
      else if (!g_str_equal (visibility, "public"))
        {
          vitrine_request_error (req, 400, NULL, "Invalid visibility: use public, private or protected");
          return;
        }
    }
  else
    vitrine_route_member_bool (body, "private", &private_);

  sdk = vitrine_json_string (body, "sdk");
  if (type == VITRINE_REPO_TYPE_SPACE)
    {
      static const char * const sdks[] = { "gradio", "docker", "static", "streamlit", NULL };
      if (sdk == NULL || !g_strv_contains (sdks, sdk))
        {
          vitrine_request_error (req, 400, NULL, "A Space needs an sdk: gradio, docker, static or streamlit");
          return;
        }
    }
  else
    sdk = NULL;

  id = g_strdup_printf ("%s/%s", ns, name);
  url = g_strdup_printf ("%s/%s%s", req->base_url, vitrine_repo_type_url_prefix (type), id);

  if (!vitrine_store_create (req->data_dir, type, ns, name, private_, sdk, req->caller->user, &error))
    {
      if (g_error_matches (error, VITRINE_ERROR, VITRINE_ERROR_CONFLICT))
        {
          builder = json_builder_new ();
          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "error");
          json_builder_add_string_value (builder, error->message);
          json_builder_set_member_name (builder, "url");
          json_builder_add_string_value (builder, url);
          json_builder_end_object (builder);
          answer = json_builder_get_root (builder);
          vitrine_request_json (req, 409, answer);
          return;
        }
      vitrine_request_gerror (req, error);
      return;
    }

  meta = vitrine_store_lookup (req->data_dir, type, ns, name);
  builder = json_builder_new ();
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "url");
  json_builder_add_string_value (builder, url);
  json_builder_set_member_name (builder, "name");
  json_builder_add_string_value (builder, id);
  json_builder_set_member_name (builder, "id");
  json_builder_add_string_value (builder, meta != NULL ? meta->id : "");
  json_builder_end_object (builder);
  answer = json_builder_get_root (builder);
  vitrine_request_json (req, 200, answer);
}

/* DELETE /api/repos/delete */
void
vitrine_route_repo_delete (VitrineRequest *req)
{
  g_autoptr(JsonNode) root = vitrine_request_parse_json (req);
  g_autoptr(VitrineRepoMeta) meta = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) answer = NULL;
  JsonObject *body;
  const char *ns;
  VitrineRepoType type;

  body = vitrine_route_body_object (req, root);
  if (body == NULL)
    return;
  if (!parse_type (vitrine_json_string (body, "type"), &type))
    {
      vitrine_request_error (req, 400, NULL, "Invalid repository type: use model, dataset or space");
      return;
    }
  ns = vitrine_json_string (body, "organization");
  if (ns == NULL && req->caller != NULL)
    ns = req->caller->user;
  if (ns == NULL || vitrine_json_string (body, "name") == NULL)
    {
      vitrine_route_reply_repo_not_found (req);
      return;
    }

  meta = vitrine_route_open_repo (req, type, ns, vitrine_json_string (body, "name"), TRUE);
  if (meta == NULL)
    return;
  if (!vitrine_store_delete (req->data_dir, meta, &error))
    {
      vitrine_request_gerror (req, error);
      return;
    }
  answer = vitrine_route_empty_object ();
  vitrine_request_json (req, 200, answer);
}

/* POST /api/repos/move: old URLs redirect to the new place. */
void
vitrine_route_repo_move (VitrineRequest *req)
{
  g_autoptr(JsonNode) root = vitrine_request_parse_json (req);
  g_autoptr(VitrineRepoMeta) meta = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) answer = NULL;
  g_autofree char *from_ns = NULL, *from_name = NULL, *to_ns = NULL, *to_name = NULL;
  JsonObject *body;
  VitrineRepoType type;

  body = vitrine_route_body_object (req, root);
  if (body == NULL)
    return;
  if (!parse_type (vitrine_json_string (body, "type"), &type))
    {
      vitrine_request_error (req, 400, NULL, "Invalid repository type: use model, dataset or space");
      return;
    }
  if (!vitrine_repo_id_parse (vitrine_json_string (body, "fromRepo"), &from_ns, &from_name, NULL))
    {
      vitrine_request_error (req, 400, NULL, "Invalid fromRepo");
      return;
    }
  if (!vitrine_repo_id_parse (vitrine_json_string (body, "toRepo"), &to_ns, &to_name, &error))
    {
      g_autofree char *message = g_strdup_printf ("Invalid toRepo: %s", error->message);
      vitrine_request_error (req, 400, NULL, message);
      return;
    }

  meta = vitrine_route_open_repo (req, type, from_ns, from_name, TRUE);
  if (meta == NULL)
    return;
  if (!vitrine_accounts_namespace_exists (req->data_dir, to_ns))
    {
      vitrine_request_error (req, 404, NULL, "This namespace does not exist");
      return;
    }
  if (!vitrine_route_can_write_namespace (req, to_ns))
    {
      vitrine_request_error (req, 403, NULL, "You don't have the rights to move a repository into this namespace");
      return;
    }
  if (!vitrine_store_move (req->data_dir, meta, to_ns, to_name, &error))
    {
      vitrine_request_gerror (req, error);
      return;
    }
  answer = vitrine_route_empty_object ();
  vitrine_request_json (req, 200, answer);
}

/* PUT /api/{type}s/{ns}/{name}/settings: visibility and gating */
void
vitrine_route_repo_settings (VitrineRequest *req)
{
  VitrineRepoMeta *meta = req->repo;
  g_autoptr(JsonNode) root = vitrine_request_parse_json (req);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) answer = NULL;
  JsonObject *body;
  const char *visibility, *gated = NULL;
  JsonNode *gated_node;
  gboolean private_;
  int private_value = -1;

  body = vitrine_route_body_object (req, root);
  if (body == NULL)
    return;

  visibility = vitrine_json_string (body, "visibility");
  if (visibility != NULL)
    {
      if (g_str_equal (visibility, "private") || g_str_equal (visibility, "protected"))
        private_value = 1;
      else if (g_str_equal (visibility, "public"))
        private_value = 0;
      else
        {
          vitrine_request_error (req, 400, NULL, "Invalid visibility: use public, private or protected");
          return;
        }
    }
  else if (vitrine_route_member_bool (body, "private", &private_))
    private_value = private_;

  gated_node = json_object_get_member (body, "gated");
  if (gated_node != NULL)
    {
      gboolean off;

      if (vitrine_route_member_bool (body, "gated", &off) && !off)
        gated = "false";
      else if (g_strcmp0 (vitrine_json_string (body, "gated"), "auto") == 0)
        gated = "auto";
      else if (g_strcmp0 (vitrine_json_string (body, "gated"), "manual") == 0)
        gated = "manual";
      else
        {
          vitrine_request_error (req, 400, NULL, "Invalid gated: use \"auto\", \"manual\" or false");
          return;
        }
    }

  if (private_value < 0 && gated == NULL)
    {
      vitrine_request_error (req, 400, NULL, "Nothing to change: give visibility, private or gated");
      return;
    }
  if (!vitrine_store_set_settings (meta, private_value, gated, &error))
    {
      vitrine_request_gerror (req, error);
      return;
    }
  answer = vitrine_route_empty_object ();
  vitrine_request_json (req, 200, answer);
}

/* The README's front matter at a commit, as JSON, or NULL. */
JsonNode *
vitrine_route_card_data (git_repository *repo,
                         const git_oid  *commit_id)
{
  g_autoptr(GBytes) readme = vitrine_store_read_file (repo, commit_id, "README.md");
  gsize len, yaml_start, yaml_len, body_start;
  const char *text;
  JsonNode *meta;

  if (readme == NULL)
    return NULL;
  text = g_bytes_get_data (readme, &len);
  if (!vitrine_front_matter_split (text, len, &yaml_start, &yaml_len, &body_start))
    return NULL;
  meta = vitrine_yaml_to_json (text + yaml_start, yaml_len, 1, NULL);
  if (meta != NULL && !JSON_NODE_HOLDS_OBJECT (meta))
    g_clear_pointer (&meta, json_node_unref);
  return meta;
}

static void
add_string_or_first (JsonBuilder *builder,
                     JsonObject  *card,
                     const char  *key,
                     const char  *as)
{
  JsonNode *node = card != NULL ? json_object_get_member (card, key) : NULL;

  if (node != NULL && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    {
      json_builder_set_member_name (builder, as);
      json_builder_add_string_value (builder, json_node_get_string (node));
    }
}

static void
add_tags (JsonBuilder *builder,
          JsonObject  *card)
{
  g_autoptr(GPtrArray) tags = g_ptr_array_new_with_free_func (g_free);
  const char *keys[] = { "tags", "license", "language", "datasets", "base_model" };
  const char *prefixes[] = { "", "license:", "", "dataset:", "base_model:" };

  for (guint k = 0; card != NULL && k < G_N_ELEMENTS (keys); k++)
    {
      JsonNode *node = json_object_get_member (card, keys[k]);

      if (node == NULL)
        continue;
      if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
        g_ptr_array_add (tags, g_strconcat (prefixes[k], json_node_get_string (node), NULL));
      else if (JSON_NODE_HOLDS_ARRAY (node))
        for (guint i = 0; i < json_array_get_length (json_node_get_array (node)); i++)
          {
            JsonNode *item = json_array_get_element (json_node_get_array (node), i);
            if (JSON_NODE_HOLDS_VALUE (item) && json_node_get_value_type (item) == G_TYPE_STRING)
              g_ptr_array_add (tags, g_strconcat (prefixes[k], json_node_get_string (item), NULL));
          }
    }
  if (card != NULL && vitrine_json_string (card, "library_name") != NULL)
    g_ptr_array_add (tags, g_strdup (vitrine_json_string (card, "library_name")));
  if (card != NULL && vitrine_json_string (card, "pipeline_tag") != NULL)
    g_ptr_array_add (tags, g_strdup (vitrine_json_string (card, "pipeline_tag")));

  json_builder_set_member_name (builder, "tags");
  json_builder_begin_array (builder);
  for (guint i = 0; i < tags->len; i++)
    {
      gboolean seen = FALSE;
      for (guint j = 0; j < i && !seen; j++)
        seen = g_str_equal (g_ptr_array_index (tags, i), g_ptr_array_index (tags, j));
      if (!seen)
        json_builder_add_string_value (builder, g_ptr_array_index (tags, i));
    }
  json_builder_end_array (builder);
}

/* The repo info payload, at @commit_id. */
static JsonNode *
repo_info (VitrineRequest  *req,
           VitrineRepoMeta *meta,
           git_repository  *repo,
           const git_oid   *commit_id,
           gboolean         blobs,
           gboolean         full)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) card = vitrine_route_card_data (repo, commit_id);
  g_autofree char *id = g_strdup_printf ("%s/%s", meta->ns, meta->name);
  g_autofree char *modified = vitrine_format_date (vitrine_store_last_modified (repo, commit_id));
  JsonObject *card_object = card != NULL ? json_node_get_object (card) : NULL;
  char sha[GIT_OID_HEXSZ + 1];

  git_oid_tostr (sha, sizeof sha, commit_id);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "_id");
  json_builder_add_string_value (builder, meta->id);
  json_builder_set_member_name (builder, "id");
  json_builder_add_string_value (builder, id);
  if (meta->type == VITRINE_REPO_TYPE_MODEL)
    {
      json_builder_set_member_name (builder, "modelId");
      json_builder_add_string_value (builder, id);
    }
  json_builder_set_member_name (builder, "author");
  json_builder_add_string_value (builder, meta->ns);
  json_builder_set_member_name (builder, "sha");
  json_builder_add_string_value (builder, sha);
  json_builder_set_member_name (builder, "lastModified");
  json_builder_add_string_value (builder, modified);
  json_builder_set_member_name (builder, "createdAt");
  json_builder_add_string_value (builder, meta->created_at);
  json_builder_set_member_name (builder, "private");
  json_builder_add_boolean_value (builder, meta->private_);
  json_builder_set_member_name (builder, "disabled");
  json_builder_add_boolean_value (builder, FALSE);
  json_builder_set_member_name (builder, "gated");
  if (g_strcmp0 (meta->gated, "auto") == 0 || g_strcmp0 (meta->gated, "manual") == 0)
    json_builder_add_string_value (builder, meta->gated);
  else
    json_builder_add_boolean_value (builder, FALSE);
  json_builder_set_member_name (builder, "downloads");
  json_builder_add_int_value (builder, 0);
  json_builder_set_member_name (builder, "likes");
  json_builder_add_int_value (builder, 0);
  add_tags (builder, card_object);
  if (meta->type == VITRINE_REPO_TYPE_MODEL)
    {
      add_string_or_first (builder, card_object, "pipeline_tag", "pipeline_tag");
      add_string_or_first (builder, card_object, "library_name", "library_name");
    }
  if (card != NULL)
    {
      json_builder_set_member_name (builder, "cardData");
      json_builder_add_value (builder, json_node_copy (card));
    }

  if (full)
    {
      g_autoptr(GPtrArray) entries = vitrine_store_list_tree (repo, commit_id, "", TRUE, NULL);
      guint64 used = 0;

      json_builder_set_member_name (builder, "siblings");
      json_builder_begin_array (builder);
      for (guint i = 0; entries != NULL && i < entries->len; i++)
        {
          VitrineEntry *entry = g_ptr_array_index (entries, i);

          if (entry->is_dir)
            continue;
          used += entry->size;
          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "rfilename");
          json_builder_add_string_value (builder, entry->path);
          if (blobs)
            {
              json_builder_set_member_name (builder, "size");
              json_builder_add_int_value (builder, entry->size);
              json_builder_set_member_name (builder, "blobId");
              json_builder_add_string_value (builder, entry->oid);
              if (entry->lfs)
                {
                  json_builder_set_member_name (builder, "lfs");
                  json_builder_begin_object (builder);
                  json_builder_set_member_name (builder, "sha256");
                  json_builder_add_string_value (builder, entry->lfs_oid);
                  json_builder_set_member_name (builder, "size");
                  json_builder_add_int_value (builder, entry->size);
                  json_builder_set_member_name (builder, "pointerSize");
                  json_builder_add_int_value (builder, entry->pointer_size);
                  json_builder_end_object (builder);
                }
            }
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      json_builder_set_member_name (builder, "usedStorage");
      json_builder_add_int_value (builder, used);
    }

  if (meta->type == VITRINE_REPO_TYPE_MODEL)
    {
      json_builder_set_member_name (builder, "spaces");
      json_builder_begin_array (builder);
      json_builder_end_array (builder);
    }
  if (meta->type == VITRINE_REPO_TYPE_SPACE)
    {
      g_autofree char *subdomain = vitrine_route_space_subdomain (meta);
      g_autofree char *host = g_strdup_printf ("%s/spaces/%s", req->base_url, id);
      const char *sdk = vitrine_json_string (card_object, "sdk");

      json_builder_set_member_name (builder, "sdk");
      json_builder_add_string_value (builder, sdk != NULL ? sdk : meta->sdk != NULL ? meta->sdk : "static");
      json_builder_set_member_name (builder, "subdomain");
      json_builder_add_string_value (builder, subdomain);
      json_builder_set_member_name (builder, "host");
      json_builder_add_string_value (builder, host);
      json_builder_set_member_name (builder, "runtime");
      vitrine_route_add_runtime (builder, meta, vitrine_route_space_has_app (repo, commit_id, meta, card_object));
      json_builder_set_member_name (builder, "models");
      json_builder_begin_array (builder);
      json_builder_end_array (builder);
      json_builder_set_member_name (builder, "datasets");
      json_builder_begin_array (builder);
      json_builder_end_array (builder);
    }
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

/* Keeps only `_id`, `id` and the fields asked for with `expand`. */
static void
restrict_to_expand (JsonNode  *node,
                    GPtrArray *expand)
{
  JsonObject *object = json_node_get_object (node);
  g_autoptr(GList) members = json_object_get_members (object);

  for (GList *l = members; l != NULL; l = l->next)
    {
      const char *name = l->data;
      gboolean keep = g_str_equal (name, "_id") || g_str_equal (name, "id");

      for (guint i = 0; !keep && i < expand->len; i++)
        keep = g_str_equal (name, g_ptr_array_index (expand, i));
      if (!keep)
        json_object_remove_member (object, name);
    }
}

static void
repo_info_at (VitrineRequest *req,
              const char     *rev)
{
  VitrineRepoMeta *meta = req->repo;
  g_autoptr(GError) error = NULL;
  g_autoptr(git_repository) repo = vitrine_store_open_git (meta, &error);
  g_autoptr(JsonNode) info = NULL;
  g_autoptr(GPtrArray) expand = vitrine_request_query_all (req, "expand");
  git_oid commit_id;

  if (repo == NULL || !vitrine_store_resolve (repo, rev, &commit_id, &error))
    {
      vitrine_request_gerror (req, error);
      return;
    }
  info = repo_info (req, meta, repo, &commit_id, vitrine_request_query_bool (req, "blobs") ||
                    expand->len > 0, TRUE);
  if (expand->len > 0)
    restrict_to_expand (info, expand);
  vitrine_request_json (req, 200, info);
}

/* GET /api/{type}s/{ns}/{name} */
void
vitrine_route_repo_info (VitrineRequest *req)
{
  repo_info_at (req, "main");
}

/* GET /api/{type}s/{ns}/{name}/revision/{rev}: an unencoded slash in the
 * revision joins the rest. */
void
vitrine_route_repo_revision (VitrineRequest *req)
{
  g_autofree char *rev = vitrine_request_join (req, req->tail);

  repo_info_at (req, rev);
}

static gboolean
matches_search (VitrineRepoMeta *meta,
                GPtrArray       *search)
{
  g_autofree char *id = g_strdup_printf ("%s/%s", meta->ns, meta->name);
  g_autofree char *lower = g_ascii_strdown (id, -1);

  for (guint i = 0; i < search->len; i++)
    {
      g_autofree char *needle = g_ascii_strdown (g_ptr_array_index (search, i), -1);
      if (strstr (lower, needle) == NULL)
        return FALSE;
    }
  return TRUE;
}

/* GET /api/{type}s[?author&search&full&limit&cursor], a page at a time */
void
vitrine_route_repo_list (VitrineRequest *req)
{
  g_autoptr(GPtrArray) repos = vitrine_store_list (req->data_dir, req->type);
  g_autoptr(GPtrArray) search = vitrine_request_query_all (req, "search");
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) answer = NULL;
  const char *author = vitrine_request_query (req, "author");
  const char *limit_s = vitrine_request_query (req, "limit");
  gboolean full = vitrine_request_query_bool (req, "full");
  guint offset = vitrine_route_parse_cursor (vitrine_request_query (req, "cursor"));
  guint limit = limit_s != NULL ? (guint) MIN (g_ascii_strtoull (limit_s, NULL, 10), PAGE_SIZE_LIST) : PAGE_SIZE_LIST;
  guint seen = 0, added = 0;
  gboolean more = FALSE;

  if (limit == 0)
    limit = PAGE_SIZE_LIST;

  json_builder_begin_array (builder);
  for (guint i = 0; i < repos->len; i++)
    {
      VitrineRepoMeta *meta = g_ptr_array_index (repos, i);
      g_autoptr(git_repository) repo = NULL;
      g_autoptr(JsonNode) info = NULL;
      git_oid commit_id;

      if (author != NULL && !g_str_equal (author, meta->ns))
        continue;
      if (!vitrine_route_can_read (req, meta) || !matches_search (meta, search))
        continue;
      if (seen++ < offset)
        continue;
      if (added == limit)
        {
          more = TRUE;
          break;
        }
      repo = vitrine_store_open_git (meta, NULL);
      if (repo == NULL || !vitrine_store_resolve (repo, "main", &commit_id, NULL))
        continue;
      info = repo_info (req, meta, repo, &commit_id, FALSE, full);
      json_builder_add_value (builder, g_steal_pointer (&info));
      added++;
    }
  json_builder_end_array (builder);

  if (more)
    {
      g_autofree char *next = g_strdup_printf ("%u", offset + added);
      g_autofree char *cursor = g_base64_encode ((const guchar *) next, strlen (next));
      vitrine_route_add_next_link (req, "cursor", cursor);
    }
  answer = json_builder_get_root (builder);
  vitrine_request_json (req, 200, answer);
}

/* POST /api/validate-yaml: a model card checked against the Hub's rules */
void
vitrine_route_validate_yaml (VitrineRequest *req)
{
  g_autoptr(JsonNode) root = vitrine_request_parse_json (req);
  g_autoptr(GPtrArray) errors = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) answer = NULL;
  JsonObject *body;
  const char *content;
  VitrineRepoType type = VITRINE_REPO_TYPE_MODEL;

  if (root == NULL)
    return;
  body = JSON_NODE_HOLDS_OBJECT (root) ? json_node_get_object (root) : NULL;
  content = vitrine_json_string (body, "content");
  if (content == NULL)
    {
      vitrine_request_error (req, 400, NULL, "Expected {\"content\": README text, \"repoType\": type}");
      return;
    }
  if (vitrine_json_string (body, "repoType") != NULL &&
      !vitrine_repo_type_from_string (vitrine_json_string (body, "repoType"), &type))
    {
      vitrine_request_error (req, 400, NULL, "Invalid repoType: use model, dataset or space");
      return;
    }

  errors = vitrine_card_check_readme (content, strlen (content), type, NULL);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, errors->len > 0 ? "errors" : "warnings");
  json_builder_begin_array (builder);
  for (guint i = 0; i < errors->len; i++)
    {
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "message");
      json_builder_add_string_value (builder, g_ptr_array_index (errors, i));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  answer = json_builder_get_root (builder);
  vitrine_request_json (req, errors->len > 0 ? 400 : 200, answer);
}
