/* vitrine-server-routes.c — the local hub's API, route by route
 *
 * Each route runs in a worker thread with a VitrineRequest and fills in its
 * answer.  Paths, fields, status codes and error shapes follow the Hub's
 * API as the official clients use it (shared/reference/hub-api.md).
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <glib/gstdio.h>

#include "vitrine-card-rules.h"
#include "vitrine-error.h"
#include "vitrine-hash.h"
#include "vitrine-http-range.h"
#include "vitrine-json.h"
#include "vitrine-lfs-pointer.h"
#include "vitrine-path.h"
#include "vitrine-server-private.h"
#include "vitrine-yaml.h"

/* ---- Small helpers ---------------------------------------------------- */

static gboolean
member_bool (JsonObject *object,
             const char *name,
             gboolean   *value)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, name) : NULL;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
    return FALSE;
  *value = json_node_get_boolean (node);
  return TRUE;
}

static gboolean
member_u64 (JsonObject *object,
            const char *name,
            guint64    *value)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, name) : NULL;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return FALSE;
  if (json_node_get_value_type (node) == G_TYPE_INT64 && json_node_get_int (node) >= 0)
    {
      *value = json_node_get_int (node);
      return TRUE;
    }
  if (json_node_get_value_type (node) == G_TYPE_DOUBLE)
    {
      double d = json_node_get_double (node);
      if (d >= 0 && d <= 9.0e15 && (double) (guint64) d == d)
        {
          *value = (guint64) d;
          return TRUE;
        }
    }
  return FALSE;
}

static char *
repo_url (VitrineRequest  *req,
          VitrineRepoMeta *meta)
{
  return g_strdup_printf ("%s/%s%s/%s", req->base_url, vitrine_repo_type_url_prefix (meta->type),
                          meta->ns, meta->name);
}

/* Joins segments [from, n) with "/". */
static char *
join_segments (VitrineRequest *req,
               guint           from)
{
  if (from >= req->n_segments)
    return g_strdup ("");
  return g_strjoinv ("/", req->segments + from);
}

/* Revisions may hold slashes (`refs/pr/1`, `feature/x`).  Clients send
 * them as one encoded segment, but the path reaches us decoded, so the
 * revision is the shortest run of segments from @from that resolves, and
 * the rest is the path. */
static gboolean
resolve_rev_and_path (VitrineRequest  *req,
                      git_repository  *repo,
                      guint            from,
                      git_oid         *commit_id,
                      char           **path,
                      GError         **error)
{
  for (guint k = from; k < req->n_segments; k++)
    {
      g_autofree char *rev = NULL;
      g_auto(GStrv) parts = g_new0 (char *, k - from + 2);

      for (guint i = from; i <= k; i++)
        parts[i - from] = g_strdup (req->segments[i]);
      rev = g_strjoinv ("/", parts);
      if (vitrine_store_resolve (repo, rev, commit_id, NULL))
        {
          *path = join_segments (req, k + 1);
          return TRUE;
        }
    }
  return vitrine_store_resolve (repo, from < req->n_segments ? req->segments[from] : "", commit_id, error);
}

static gboolean
can_read (VitrineRequest  *req,
          VitrineRepoMeta *meta)
{
  if (!meta->private_)
    return TRUE;
  return req->caller != NULL &&
         vitrine_accounts_namespace_role (req->data_dir, req->caller->user, meta->ns) != VITRINE_ROLE_NONE;
}

static gboolean
can_write_namespace (VitrineRequest *req,
                     const char     *ns)
{
  return req->caller != NULL && req->caller->role == VITRINE_ROLE_WRITE &&
         vitrine_accounts_namespace_role (req->data_dir, req->caller->user, ns) >= VITRINE_ROLE_WRITE;
}

static void
reply_repo_not_found (VitrineRequest *req)
{
  if (req->caller == NULL)
    vitrine_request_error (req, 401, "RepoNotFound", "Invalid username or password.");
  else
    vitrine_request_error (req, 404, "RepoNotFound", "Repository not found");
}

/* The repository a request is about, when the caller may see it (and
 * write to it, with @write).  On NULL the answer is set: a 307 to the new
 * place of a moved repository, 401/404 when invisible, 403 when read-only. */
static VitrineRepoMeta *
open_repo (VitrineRequest  *req,
           VitrineRepoType  type,
           const char      *ns,
           const char      *name,
           gboolean         write)
{
  VitrineRepoMeta *meta = vitrine_store_lookup (req->data_dir, type, ns, name);

  if (meta == NULL)
    {
      g_autofree char *moved = vitrine_store_lookup_redirect (req->data_dir, type, ns, name);

      if (moved != NULL)
        {
          g_autofree char *old_id = g_strdup_printf ("/%s/%s", ns, name);
          g_autofree char *new_id = g_strdup_printf ("/%s", moved);
          const char *at = strstr (req->path, old_id);

          if (at != NULL)
            {
              g_autofree char *head = g_strndup (req->path, at - req->path);
              g_autofree char *location = g_strconcat (head, new_id, at + strlen (old_id),
                                                       req->raw_query != NULL ? "?" : "",
                                                       req->raw_query != NULL ? req->raw_query : "",
                                                       NULL);
              req->status = 307;
              vitrine_request_header (req, "Location", location);
              return NULL;
            }
        }
      reply_repo_not_found (req);
      return NULL;
    }

  if (!can_read (req, meta))
    {
      vitrine_repo_meta_free (meta);
      reply_repo_not_found (req);
      return NULL;
    }

  if (write && !can_write_namespace (req, meta->ns))
    {
      vitrine_repo_meta_free (meta);
      if (req->caller == NULL)
        vitrine_request_error (req, 401, NULL, "You must be signed in to write to this repository.");
      else if (req->caller->role != VITRINE_ROLE_WRITE)
        vitrine_request_error (req, 403, NULL, "This token is read-only: use a token with the write role.");
      else
        vitrine_request_error (req, 403, NULL, "You don't have write access to this repository.");
      return NULL;
    }
  return meta;
}

/* The body's JSON object; NULL (answered) when it is missing or not one. */
static JsonObject *
body_object (VitrineRequest *req,
             JsonNode       *root)
{
  if (root == NULL)
    return NULL;
  if (!JSON_NODE_HOLDS_OBJECT (root))
    {
      vitrine_request_error (req, 400, NULL, "Expected a JSON object");
      return NULL;
    }
  return json_node_get_object (root);
}

static JsonNode *
empty_object (void)
{
  return json_node_init_object (json_node_alloc (), json_object_new ());
}

static void
add_entry_json_full (JsonBuilder       *builder,
                     VitrineEntry      *entry,
                     VitrineStoreCommit *last);

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

static void
add_entry_json_full (JsonBuilder       *builder,
                     VitrineEntry      *entry,
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

/* ---- Accounts --------------------------------------------------------- */

static void
route_whoami (VitrineRequest *req)
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

/* ---- Repositories ----------------------------------------------------- */

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

static void
route_repo_create (VitrineRequest *req)
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

  body = body_object (req, root);
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
  if (!can_write_namespace (req, ns))
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
    member_bool (body, "private", &private_);

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

static void
route_repo_delete (VitrineRequest *req)
{
  g_autoptr(JsonNode) root = vitrine_request_parse_json (req);
  g_autoptr(VitrineRepoMeta) meta = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) answer = NULL;
  JsonObject *body;
  const char *ns;
  VitrineRepoType type;

  body = body_object (req, root);
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
      reply_repo_not_found (req);
      return;
    }

  meta = open_repo (req, type, ns, vitrine_json_string (body, "name"), TRUE);
  if (meta == NULL)
    return;
  if (!vitrine_store_delete (req->data_dir, meta, &error))
    {
      vitrine_request_gerror (req, error);
      return;
    }
  answer = empty_object ();
  vitrine_request_json (req, 200, answer);
}

static void
route_repo_move (VitrineRequest *req)
{
  g_autoptr(JsonNode) root = vitrine_request_parse_json (req);
  g_autoptr(VitrineRepoMeta) meta = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) answer = NULL;
  g_autofree char *from_ns = NULL, *from_name = NULL, *to_ns = NULL, *to_name = NULL;
  JsonObject *body;
  VitrineRepoType type;

  body = body_object (req, root);
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

  meta = open_repo (req, type, from_ns, from_name, TRUE);
  if (meta == NULL)
    return;
  if (!vitrine_accounts_namespace_exists (req->data_dir, to_ns))
    {
      vitrine_request_error (req, 404, NULL, "This namespace does not exist");
      return;
    }
  if (!can_write_namespace (req, to_ns))
    {
      vitrine_request_error (req, 403, NULL, "You don't have the rights to move a repository into this namespace");
      return;
    }
  if (!vitrine_store_move (req->data_dir, meta, to_ns, to_name, &error))
    {
      vitrine_request_gerror (req, error);
      return;
    }
  answer = empty_object ();
  vitrine_request_json (req, 200, answer);
}

static void
route_settings (VitrineRequest  *req,
                VitrineRepoMeta *meta)
{
  g_autoptr(JsonNode) root = vitrine_request_parse_json (req);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) answer = NULL;
  JsonObject *body;
  const char *visibility, *gated = NULL;
  JsonNode *gated_node;
  gboolean private_;
  int private_value = -1;

  body = body_object (req, root);
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
  else if (member_bool (body, "private", &private_))
    private_value = private_;

  gated_node = json_object_get_member (body, "gated");
  if (gated_node != NULL)
    {
      gboolean off;

      if (member_bool (body, "gated", &off) && !off)
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
  answer = empty_object ();
  vitrine_request_json (req, 200, answer);
}

/* The README's front matter at a commit, as JSON, or NULL. */
static JsonNode *
card_data (git_repository *repo,
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
      g_autoptr(GList) items = NULL;

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

static char *
space_subdomain (VitrineRepoMeta *meta)
{
  g_autofree char *id = g_strdup_printf ("%s-%s", meta->ns, meta->name);
  char *lower = g_ascii_strdown (id, -1);

  g_strdelimit (lower, "_.", '-');
  return lower;
}

static void
add_runtime (JsonBuilder     *builder,
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

static gboolean
space_has_app (git_repository  *repo,
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
  g_autoptr(JsonNode) card = card_data (repo, commit_id);
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
      g_autofree char *subdomain = space_subdomain (meta);
      g_autofree char *host = g_strdup_printf ("%s/spaces/%s", req->base_url, id);
      const char *sdk = vitrine_json_string (card_object, "sdk");

      json_builder_set_member_name (builder, "sdk");
      json_builder_add_string_value (builder, sdk != NULL ? sdk : meta->sdk != NULL ? meta->sdk : "static");
      json_builder_set_member_name (builder, "subdomain");
      json_builder_add_string_value (builder, subdomain);
      json_builder_set_member_name (builder, "host");
      json_builder_add_string_value (builder, host);
      json_builder_set_member_name (builder, "runtime");
      add_runtime (builder, meta, space_has_app (repo, commit_id, meta, card_object));
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
route_repo_info (VitrineRequest  *req,
                 VitrineRepoMeta *meta,
                 const char      *rev)
{
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

static guint
parse_cursor (const char *cursor)
{
  g_autofree guchar *decoded = NULL;
  g_autofree char *text = NULL;
  gsize len;

  if (cursor == NULL)
    return 0;
  decoded = g_base64_decode (cursor, &len);
  if (decoded == NULL || len == 0 || len > 20)
    return 0;
  text = g_strndup ((const char *) decoded, len);
  return (guint) MIN (g_ascii_strtoull (text, NULL, 10), G_MAXUINT);
}

/* A `Link: <...>; rel="next"` header with the same query and a new cursor. */
static void
add_next_link (VitrineRequest *req,
               const char     *param,
               const char     *value)
{
  GString *url = g_string_new (req->base_url);
  gboolean first = TRUE;
  g_autofree char *escaped = g_uri_escape_string (value, NULL, TRUE);
  g_autofree char *header = NULL;

  g_string_append (url, req->path);
  for (guint i = 0; i + 1 < req->query->len; i += 2)
    {
      const char *key = g_ptr_array_index (req->query, i);
      g_autofree char *k = NULL;
      g_autofree char *v = NULL;

      if (g_str_equal (key, param))
        continue;
      k = g_uri_escape_string (key, "[]", TRUE);
      v = g_uri_escape_string (g_ptr_array_index (req->query, i + 1), NULL, TRUE);
      g_string_append_printf (url, "%c%s=%s", first ? '?' : '&', k, v);
      first = FALSE;
    }
  g_string_append_printf (url, "%c%s=%s", first ? '?' : '&', param, escaped);
  header = g_strdup_printf ("<%s>; rel=\"next\"", url->str);
  g_string_free (url, TRUE);
  vitrine_request_header (req, "Link", header);
}

static void
route_repo_list (VitrineRequest  *req,
                 VitrineRepoType  type)
{
  g_autoptr(GPtrArray) repos = vitrine_store_list (req->data_dir, type);
  g_autoptr(GPtrArray) search = vitrine_request_query_all (req, "search");
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) answer = NULL;
  const char *author = vitrine_request_query (req, "author");
  const char *limit_s = vitrine_request_query (req, "limit");
  gboolean full = vitrine_request_query_bool (req, "full");
  guint offset = parse_cursor (vitrine_request_query (req, "cursor"));
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
      if (!can_read (req, meta) || !matches_search (meta, search))
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
      add_next_link (req, "cursor", cursor);
    }
  answer = json_builder_get_root (builder);
  vitrine_request_json (req, 200, answer);
}

/* ---- Files ------------------------------------------------------------ */

static gboolean
check_path_or_reply (VitrineRequest *req,
                     const char     *path)
{
  g_autoptr(GError) error = NULL;

  if (vitrine_path_check (path, -1, &error))
    return TRUE;
  vitrine_request_error (req, 400, NULL, error->message);
  return FALSE;
}

static void
route_tree (VitrineRequest  *req,
            VitrineRepoMeta *meta,
            guint            from)
{
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(git_repository) repo = vitrine_store_open_git (meta, &error);
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) answer = NULL;
  const char *limit_s = vitrine_request_query (req, "limit");
  gboolean expand = vitrine_request_query_bool (req, "expand");
  guint page = expand ? PAGE_SIZE_TREE_EXPANDED : PAGE_SIZE_TREE;
  guint offset = parse_cursor (vitrine_request_query (req, "cursor"));
  guint limit = limit_s != NULL ? (guint) MIN (g_ascii_strtoull (limit_s, NULL, 10), page) : page;
  git_oid commit_id;
  guint end;

  if (limit == 0)
    limit = page;
  if (repo == NULL || !resolve_rev_and_path (req, repo, from, &commit_id, &path, &error))
    {
      vitrine_request_gerror (req, error);
      return;
    }
  if (*path != '\0' && !check_path_or_reply (req, path))
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
      add_next_link (req, "cursor", cursor);
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
    g_autoptr(JsonParser) parser = json_parser_new ();
    JsonNode *root, *list;

    if (!json_parser_load_from_data (parser, data, len, NULL))
      return paths;
    root = json_parser_get_root (parser);
    if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
      return paths;
    list = json_object_get_member (json_node_get_object (root), "paths");
    member_bool (json_node_get_object (root), "expand", expand);
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

static void
route_paths_info (VitrineRequest  *req,
                  VitrineRepoMeta *meta,
                  const char      *rev)
{
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

static void
route_preupload (VitrineRequest  *req,
                 VitrineRepoMeta *meta,
                 const char      *rev)
{
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

      if (path == NULL || !member_u64 (file, "size", &size))
        {
          vitrine_request_error (req, 400, NULL, "Each file needs a path and a size");
          return;
        }
      if (!check_path_or_reply (req, path))
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

static void
route_commit (VitrineRequest  *req,
              VitrineRepoMeta *meta,
              const char      *rev)
{
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

  url = repo_url (req, meta);
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

static void
route_commits (VitrineRequest  *req,
               VitrineRepoMeta *meta,
               const char      *rev)
{
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
      add_next_link (req, "p", next);
    }
  answer = json_builder_get_root (builder);
  vitrine_request_json (req, 200, answer);
}

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

static void
route_refs (VitrineRequest  *req,
            VitrineRepoMeta *meta)
{
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

static void
route_tag (VitrineRequest  *req,
           VitrineRepoMeta *meta,
           const char      *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) answer = empty_object ();

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

static void
route_branch (VitrineRequest  *req,
              VitrineRepoMeta *meta,
              const char      *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) answer = empty_object ();

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
      member_bool (body, "emptyBranch", &empty);
      member_bool (body, "overwrite", &overwrite);
      if (!vitrine_store_create_branch (meta, name, vitrine_json_string (body, "startingPoint"), empty,
                                        overwrite, req->caller->user, &error))
        {
          vitrine_request_gerror (req, error);
          return;
        }
    }
  vitrine_request_json (req, 200, answer);
}

static void
route_runtime (VitrineRequest  *req,
               VitrineRepoMeta *meta)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(git_repository) repo = vitrine_store_open_git (meta, &error);
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) answer = NULL;
  g_autoptr(JsonNode) card = NULL;
  git_oid commit_id;

  if (repo == NULL || !vitrine_store_resolve (repo, "main", &commit_id, &error))
    {
      vitrine_request_gerror (req, error);
      return;
    }
  card = card_data (repo, &commit_id);
  add_runtime (builder, meta, space_has_app (repo, &commit_id, meta,
                                             card != NULL ? json_node_get_object (card) : NULL));
  answer = json_builder_get_root (builder);
  vitrine_request_json (req, 200, answer);
}

static void
route_validate_yaml (VitrineRequest *req)
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

/* ---- Downloads -------------------------------------------------------- */

static void
route_resolve (VitrineRequest  *req,
               VitrineRepoMeta *meta,
               guint            from,
               gboolean         raw)
{
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

  if (repo == NULL || !resolve_rev_and_path (req, repo, from, &commit_id, &path, &error))
    {
      vitrine_request_gerror (req, error);
      return;
    }
  if (!check_path_or_reply (req, path))
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

/* ---- Large files ------------------------------------------------------ */

static char *
upload_url (VitrineRequest *req,
            const char     *kind,
            const char     *oid,
            guint64         size,
            guint64         expires,
            const char     *part_s,
            const char     *chunk_s)
{
  g_autofree char *message = vitrine_server_capability_message (kind, oid, size, expires, part_s, chunk_s);
  g_autofree char *sig = vitrine_server_sign (req->server, message);
  GString *url = g_string_new (req->base_url);

  g_string_append_printf (url, "/api/lfs-%s/%s?size=%" G_GUINT64_FORMAT, kind, oid, size);
  if (part_s != NULL)
    g_string_append_printf (url, "&part=%s", part_s);
  if (chunk_s != NULL)
    g_string_append_printf (url, "&chunk=%s", chunk_s);
  g_string_append_printf (url, "&expires=%" G_GUINT64_FORMAT "&sig=%s", expires, sig);
  return g_string_free (url, FALSE);
}

static void
route_lfs_batch (VitrineRequest  *req,
                 VitrineRepoType  type,
                 const char      *ns,
                 const char      *name)
{
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(VitrineRepoMeta) meta = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) answer = NULL;
  JsonObject *body;
  JsonNode *objects, *transfers;
  const char *operation;
  gboolean multipart = FALSE;
  guint64 expires = g_get_real_time () / G_USEC_PER_SEC + UPLOAD_URL_LIFETIME;
  g_autofree char *expires_at = vitrine_format_date (expires);

  root = vitrine_request_parse_json (req);
  if (root == NULL)
    return;
  body = JSON_NODE_HOLDS_OBJECT (root) ? json_node_get_object (root) : NULL;
  operation = vitrine_json_string (body, "operation");
  objects = body != NULL ? json_object_get_member (body, "objects") : NULL;
  if (operation == NULL || objects == NULL || !JSON_NODE_HOLDS_ARRAY (objects))
    {
      vitrine_request_error (req, 422, NULL, "Expected {\"operation\", \"objects\": [{\"oid\", \"size\"}]}");
      return;
    }
  if (!g_str_equal (operation, "upload"))
    {
      vitrine_request_error (req, 422, NULL, "Only uploads go through the batch API here; download with /resolve/");
      return;
    }
  meta = open_repo (req, type, ns, name, TRUE);
  if (meta == NULL)
    return;

  transfers = json_object_get_member (body, "transfers");
  if (transfers != NULL && JSON_NODE_HOLDS_ARRAY (transfers))
    for (guint i = 0; i < json_array_get_length (json_node_get_array (transfers)); i++)
      {
        JsonNode *t = json_array_get_element (json_node_get_array (transfers), i);
        if (JSON_NODE_HOLDS_VALUE (t) && json_node_get_value_type (t) == G_TYPE_STRING &&
            g_str_equal (json_node_get_string (t), "multipart"))
          multipart = TRUE;
      }

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "transfer");
  json_builder_add_string_value (builder, multipart ? "multipart" : "basic");
  json_builder_set_member_name (builder, "hash_algo");
  json_builder_add_string_value (builder, "sha256");
  json_builder_set_member_name (builder, "objects");
  json_builder_begin_array (builder);
  for (guint i = 0; i < json_array_get_length (json_node_get_array (objects)); i++)
    {
      JsonNode *item = json_array_get_element (json_node_get_array (objects), i);
      JsonObject *object = JSON_NODE_HOLDS_OBJECT (item) ? json_node_get_object (item) : NULL;
      const char *oid = vitrine_json_string (object, "oid");
      g_autofree char *path = NULL;
      guint64 size = 0;
      GStatBuf st;

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "oid");
      json_builder_add_string_value (builder, oid != NULL ? oid : "");
      if (!vitrine_is_hex (oid, 64) || !member_u64 (object, "size", &size) || size > MAX_LFS_OBJECT)
        {
          json_builder_set_member_name (builder, "size");
          json_builder_add_int_value (builder, (gint64) MIN (size, G_MAXINT64));
          json_builder_set_member_name (builder, "error");
          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "code");
          json_builder_add_int_value (builder, 422);
          json_builder_set_member_name (builder, "message");
          json_builder_add_string_value (builder, size > MAX_LFS_OBJECT ? "Object too large"
                                                                         : "Invalid oid or size");
          json_builder_end_object (builder);
          json_builder_end_object (builder);
          continue;
        }
      json_builder_set_member_name (builder, "size");
      json_builder_add_int_value (builder, size);
      json_builder_set_member_name (builder, "authenticated");
      json_builder_add_boolean_value (builder, TRUE);

      path = vitrine_lfs_object_path (vitrine_server_get_lfs_dir (req->server), oid);
      if (g_stat (path, &st) == 0 && (guint64) st.st_size == size)
        {
          /* Already stored: no action. */
          json_builder_end_object (builder);
          continue;
        }

      json_builder_set_member_name (builder, "actions");
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "upload");
      json_builder_begin_object (builder);
      if (multipart && size >= MULTIPART_THRESHOLD)
        {
          g_autofree char *chunk_s = g_strdup_printf ("%d", MULTIPART_CHUNK);
          g_autofree char *complete = upload_url (req, "complete", oid, size, expires, NULL, chunk_s);
          guint64 n_parts = (size + MULTIPART_CHUNK - 1) / MULTIPART_CHUNK;

          json_builder_set_member_name (builder, "href");
          json_builder_add_string_value (builder, complete);
          json_builder_set_member_name (builder, "header");
          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "chunk_size");
          json_builder_add_string_value (builder, chunk_s);
          for (guint64 k = 1; k <= n_parts; k++)
            {
              g_autofree char *part_s = g_strdup_printf ("%" G_GUINT64_FORMAT, k);
              g_autofree char *key = g_strdup_printf ("%05" G_GUINT64_FORMAT, k);
              g_autofree char *url = upload_url (req, "upload", oid, size, expires, part_s, chunk_s);

              json_builder_set_member_name (builder, key);
              json_builder_add_string_value (builder, url);
            }
          json_builder_end_object (builder);
        }
      else
        {
          g_autofree char *url = upload_url (req, "upload", oid, size, expires, NULL, NULL);

          json_builder_set_member_name (builder, "href");
          json_builder_add_string_value (builder, url);
        }
      json_builder_set_member_name (builder, "expires_at");
      json_builder_add_string_value (builder, expires_at);
      json_builder_end_object (builder);
      json_builder_end_object (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  answer = json_builder_get_root (builder);
  vitrine_request_json (req, 200, answer);
  g_free (req->resp_type);
  req->resp_type = g_strdup ("application/vnd.git-lfs+json");
}

/* The last step of a multipart upload: all parts in, hashed, then stored. */
static void
route_lfs_complete (VitrineRequest *req,
                    const char     *oid)
{
  VitrineServer *server = req->server;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(JsonNode) answer = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *data_path = NULL;
  g_autofree char *object = NULL;
  g_autofree char *object_dir = NULL;
  g_autofree char *hex = NULL;
  g_autofree char *marker_dir = NULL;
  const char *why = NULL;
  guint64 size, part, chunk, n_parts, hashed = 0;
  GStatBuf st;
  int fd;

  if (!g_str_equal (req->method, "POST"))
    {
      vitrine_request_error (req, 405, NULL, "Completing an upload is a POST request");
      return;
    }
  if (!vitrine_server_check_capability (server, "complete", oid,
                                        vitrine_request_query (req, "size"), NULL,
                                        vitrine_request_query (req, "chunk"),
                                        vitrine_request_query (req, "expires"),
                                        vitrine_request_query (req, "sig"),
                                        &size, &part, &chunk, &why) || chunk == 0)
    {
      vitrine_request_error (req, 403, NULL, why != NULL ? why : "Invalid upload URL");
      return;
    }
  root = vitrine_request_parse_json (req);
  if (root == NULL)
    return;

  object = vitrine_lfs_object_path (vitrine_server_get_lfs_dir (server), oid);
  if (g_stat (object, &st) == 0 && (guint64) st.st_size == size)
    {
      answer = empty_object ();
      vitrine_request_json (req, 200, answer);
      return;
    }

  n_parts = (size + chunk - 1) / chunk;
  for (guint64 k = 1; k <= n_parts; k++)
    {
      g_autofree char *marker = vitrine_server_part_marker_path (server, oid, k);

      if (!g_file_test (marker, G_FILE_TEST_EXISTS))
        {
          g_autofree char *message = g_strdup_printf ("Part %" G_GUINT64_FORMAT " of %" G_GUINT64_FORMAT
                                                      " was not uploaded", k, n_parts);
          vitrine_request_error (req, 400, NULL, message);
          return;
        }
    }

  data_path = vitrine_server_multipart_path (server, oid);
  if (!vitrine_sha256_file (data_path, &hex, &hashed, &error))
    {
      vitrine_request_gerror (req, error);
      return;
    }
  if (hashed != size || !g_str_equal (hex, oid))
    {
      g_unlink (data_path);
      marker_dir = g_path_get_dirname (vitrine_server_part_marker_path (server, oid, 1));
      vitrine_request_error (req, 400, NULL, "The uploaded bytes do not match their sha256 oid");
      goto cleanup;
    }

  object_dir = g_path_get_dirname (object);
  fd = open (data_path, O_RDONLY | O_CLOEXEC);
  if (fd < 0 || fsync (fd) != 0 || g_mkdir_with_parents (object_dir, 0700) != 0 ||
      g_rename (data_path, object) != 0)
    {
      if (fd >= 0)
        close (fd);
      vitrine_request_error (req, 500, NULL, "Could not store the upload");
      return;
    }
  close (fd);
  answer = empty_object ();
  vitrine_request_json (req, 200, answer);

cleanup:
  {
    g_autofree char *first = vitrine_server_part_marker_path (server, oid, 1);
    g_autofree char *dir = g_path_get_dirname (first);

    for (guint64 k = 1; k <= n_parts; k++)
      {
        g_autofree char *marker = vitrine_server_part_marker_path (server, oid, k);
        g_unlink (marker);
      }
    g_rmdir (dir);
  }
}

/* ---- The router ------------------------------------------------------- */

static void
route_repo_api (VitrineRequest  *req,
                VitrineRepoType  type)
{
  g_autoptr(VitrineRepoMeta) meta = NULL;
  const char *method = req->method;
  const char *action;
  gboolean is_get = g_str_equal (method, "GET") || g_str_equal (method, "HEAD");
  gboolean write;

  /* /api/{type}s */
  if (req->n_segments == 2)
    {
      if (is_get)
        route_repo_list (req, type);
      else
        vitrine_request_error (req, 405, NULL, "Method not allowed");
      return;
    }
  if (req->n_segments < 4)
    {
      vitrine_request_error (req, 404, NULL, "Sorry, we can't find the page you are looking for.");
      return;
    }

  action = req->n_segments > 4 ? req->segments[4] : "";
  write = g_str_equal (action, "settings") || g_str_equal (action, "commit") ||
          g_str_equal (action, "tag") || g_str_equal (action, "branch") ||
          g_str_equal (action, "preupload");
  meta = open_repo (req, type, req->segments[2], req->segments[3], write);
  if (meta == NULL)
    return;

#define NEED(n) if (req->n_segments < (n)) goto not_found
  if (*action == '\0' && is_get)
    route_repo_info (req, meta, "main");
  else if (g_str_equal (action, "revision") && is_get)
    {
      g_autofree char *rev = NULL;
      NEED (6);
      /* An unencoded slash in the revision joins the rest. */
      rev = join_segments (req, 5);
      route_repo_info (req, meta, rev);
    }
  else if (g_str_equal (action, "settings") && g_str_equal (method, "PUT"))
    route_settings (req, meta);
  else if (g_str_equal (action, "tree") && is_get)
    {
      NEED (6);
      route_tree (req, meta, 5);
    }
  else if (g_str_equal (action, "paths-info") && g_str_equal (method, "POST"))
    {
      g_autofree char *rev = NULL;
      NEED (6);
      rev = join_segments (req, 5);
      route_paths_info (req, meta, rev);
    }
  else if (g_str_equal (action, "preupload") && g_str_equal (method, "POST"))
    {
      g_autofree char *rev = NULL;
      NEED (6);
      rev = join_segments (req, 5);
      route_preupload (req, meta, rev);
    }
  else if (g_str_equal (action, "commit") && g_str_equal (method, "POST"))
    {
      g_autofree char *rev = NULL;
      NEED (6);
      rev = join_segments (req, 5);
      route_commit (req, meta, rev);
    }
  else if (g_str_equal (action, "commits") && is_get)
    {
      g_autofree char *rev = NULL;
      NEED (6);
      rev = join_segments (req, 5);
      route_commits (req, meta, rev);
    }
  else if (g_str_equal (action, "refs") && is_get)
    route_refs (req, meta);
  else if (g_str_equal (action, "tag") && (g_str_equal (method, "POST") || g_str_equal (method, "DELETE")))
    {
      g_autofree char *name = NULL;
      NEED (6);
      name = join_segments (req, 5);
      route_tag (req, meta, name);
    }
  else if (g_str_equal (action, "branch") && (g_str_equal (method, "POST") || g_str_equal (method, "DELETE")))
    {
      g_autofree char *name = NULL;
      NEED (6);
      name = join_segments (req, 5);
      route_branch (req, meta, name);
    }
  else if (g_str_equal (action, "runtime") && is_get && type == VITRINE_REPO_TYPE_SPACE)
    route_runtime (req, meta);
  else if (g_str_equal (action, "auth-check") && is_get)
    {
      g_autoptr(JsonNode) answer = empty_object ();
      vitrine_request_json (req, 200, answer);
    }
  else
    goto not_found;
#undef NEED
  return;

not_found:
  vitrine_request_error (req, 404, NULL, "Sorry, we can't find the page you are looking for.");
}

/* /{prefix}{ns}/{name}/resolve|raw/{rev}/{path} and /{prefix}{ns}/{name}.git/info/lfs/objects/batch */
static gboolean
route_site (VitrineRequest *req)
{
  VitrineRepoType type = VITRINE_REPO_TYPE_MODEL;
  guint i = 0;

  if (req->n_segments > 0 && (g_str_equal (req->segments[0], "datasets") ||
                              g_str_equal (req->segments[0], "spaces")))
    {
      vitrine_repo_type_from_string (req->segments[0], &type);
      i = 1;
    }
  if (req->n_segments < i + 2)
    return FALSE;

  if (req->n_segments == i + 6 && g_str_has_suffix (req->segments[i + 1], ".git") &&
      g_str_equal (req->segments[i + 2], "info") && g_str_equal (req->segments[i + 3], "lfs") &&
      g_str_equal (req->segments[i + 4], "objects") && g_str_equal (req->segments[i + 5], "batch"))
    {
      g_autofree char *name = g_strndup (req->segments[i + 1], strlen (req->segments[i + 1]) - 4);

      if (!g_str_equal (req->method, "POST"))
        vitrine_request_error (req, 405, NULL, "The batch API takes POST requests");
      else
        route_lfs_batch (req, type, req->segments[i], name);
      return TRUE;
    }

  if (req->n_segments >= i + 5 &&
      (g_str_equal (req->segments[i + 2], "resolve") || g_str_equal (req->segments[i + 2], "raw")))
    {
      g_autoptr(VitrineRepoMeta) meta = NULL;

      if (!g_str_equal (req->method, "GET") && !g_str_equal (req->method, "HEAD"))
        {
          vitrine_request_error (req, 405, NULL, "Downloads are GET or HEAD requests");
          return TRUE;
        }
      meta = open_repo (req, type, req->segments[i], req->segments[i + 1], FALSE);
      if (meta != NULL)
        route_resolve (req, meta, i + 3, g_str_equal (req->segments[i + 2], "raw"));
      return TRUE;
    }
  return FALSE;
}

void
vitrine_server_route (VitrineRequest *req)
{
  const char *first = req->n_segments > 0 ? req->segments[0] : "";
  VitrineRepoType type;

  if (g_str_equal (first, "api") && req->n_segments >= 2)
    {
      const char *second = req->segments[1];

      if (g_str_equal (second, "whoami-v2") && req->n_segments == 2)
        route_whoami (req);
      else if (g_str_equal (second, "validate-yaml") && req->n_segments == 2 && g_str_equal (req->method, "POST"))
        route_validate_yaml (req);
      else if (g_str_equal (second, "repos") && req->n_segments == 3)
        {
          if (g_str_equal (req->segments[2], "create") && g_str_equal (req->method, "POST"))
            route_repo_create (req);
          else if (g_str_equal (req->segments[2], "delete") && g_str_equal (req->method, "DELETE"))
            route_repo_delete (req);
          else if (g_str_equal (req->segments[2], "move") && g_str_equal (req->method, "POST"))
            route_repo_move (req);
          else
            vitrine_request_error (req, 404, NULL, "Sorry, we can't find the page you are looking for.");
        }
      else if (g_str_equal (second, "lfs-complete") && req->n_segments == 3)
        route_lfs_complete (req, req->segments[2]);
      else if ((g_str_equal (second, "models") || g_str_equal (second, "datasets") ||
                g_str_equal (second, "spaces")) && vitrine_repo_type_from_string (second, &type))
        route_repo_api (req, type);
      else
        vitrine_request_error (req, 404, NULL, "Sorry, we can't find the page you are looking for.");
      return;
    }

  if (route_site (req))
    return;
  vitrine_request_error (req, 404, NULL, "Sorry, we can't find the page you are looking for.");
}
