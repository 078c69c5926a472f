/* vitrine-routes.c — the local hub's API: the route table, and what the
 * routes share
 *
 * Paths, fields, status codes and error shapes follow the Hub's API as the
 * official clients use it (shared/reference/hub-api.md).  Each area's
 * routes are in a file of their own: vitrine-routes-repos.c, -files.c,
 * -commits.c, -compare.c, -refs.c, -lfs.c, -upload.c and -spaces.c.
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "vitrine-json.h"
#include "vitrine-path.h"
#include "vitrine-routes-private.h"
#include "vitrine-server-faults.h"

#define PUBLIC      VITRINE_ACCESS_PUBLIC
#define USER        VITRINE_ACCESS_USER
#define REPO_READ   VITRINE_ACCESS_REPO_READ
#define REPO_WRITE  VITRINE_ACCESS_REPO_WRITE
#define SIGNED      VITRINE_ACCESS_SIGNED
#define NONE        VITRINE_BODY_NONE
#define JSON        VITRINE_BODY_JSON
#define NDJSON      VITRINE_BODY_NDJSON
#define STREAM      VITRINE_BODY_STREAM

#define REPO_API "/api/{type}/{ns}/{name}"
#define DOWNLOAD "Downloads are GET or HEAD requests"
#define GIT_METHOD "Not a request of git's smart HTTP protocol"

/* The front (vitrine-server-http.c) walks this table for every request. */
const VitrineRoute vitrine_routes[] = {
  /* Accounts and model cards */
  { NULL,          "/api/whoami-v2",            PUBLIC,     NONE,   vitrine_route_whoami },
  { "POST",        "/api/validate-yaml",        PUBLIC,     JSON,   vitrine_route_validate_yaml },

  /* Repositories, named in the body */
  { "POST",        "/api/repos/create",         USER,       JSON,   vitrine_route_repo_create },
  { "DELETE",      "/api/repos/delete",         USER,       JSON,   vitrine_route_repo_delete },
  { "POST",        "/api/repos/move",           USER,       JSON,   vitrine_route_repo_move },

  /* Large files: where the batch API sends their bytes, read off the main
   * thread, the URL's signature checked before the body is read. */
  { "PUT",         "/api/lfs-upload/**",        SIGNED,     STREAM, vitrine_route_upload,
    "Uploads are PUT requests", vitrine_route_upload_check },
  { "POST",        "/api/lfs-complete/*",       SIGNED,     JSON,   vitrine_route_lfs_complete,
    "Completing an upload is a POST request", vitrine_route_lfs_complete_check },
  { "GET HEAD",    "/api/lfs-download/*",       SIGNED,     NONE,   vitrine_route_lfs_download,
    DOWNLOAD, vitrine_route_lfs_download_check },

  /* For tests: what VITRINE_HUB_FAULTS injected (404 without it) */
  { "GET HEAD",    VITRINE_FAULTS_PATH,         PUBLIC,     NONE,   vitrine_route_faults },

  /* Listings, and one repository's API */
  { "GET HEAD",    "/api/{type}",               PUBLIC,     NONE,   vitrine_route_repo_list,
    "Method not allowed" },
  { "GET HEAD",    REPO_API,                    REPO_READ,  NONE,   vitrine_route_repo_info },
  { "GET HEAD",    REPO_API "//**",             REPO_READ,  NONE,   vitrine_route_repo_info },
  { "GET HEAD",    REPO_API "/revision/+",      REPO_READ,  NONE,   vitrine_route_repo_revision },
  { "PUT",         REPO_API "/settings/**",     REPO_WRITE, JSON,   vitrine_route_repo_settings },
  { "GET HEAD",    REPO_API "/tree/+",          REPO_READ,  NONE,   vitrine_route_tree },
  { "POST",        REPO_API "/paths-info/+",    REPO_READ,  JSON,   vitrine_route_paths_info },
  { "POST",        REPO_API "/preupload/+",     REPO_WRITE, JSON,   vitrine_route_preupload },
  { "POST",        REPO_API "/commit/+",        REPO_WRITE, NDJSON, vitrine_route_commit },
  { "GET HEAD",    REPO_API "/commits/+",       REPO_READ,  NONE,   vitrine_route_commits },
  { "GET HEAD",    REPO_API "/compare/+",       REPO_READ,  NONE,   vitrine_route_compare },
  { "GET HEAD",    REPO_API "/refs/**",         REPO_READ,  NONE,   vitrine_route_refs },
  { "POST DELETE", REPO_API "/tag/+",           REPO_WRITE, JSON,   vitrine_route_tag },
  { "POST DELETE", REPO_API "/branch/+",        REPO_WRITE, JSON,   vitrine_route_branch },
  { "GET HEAD",    REPO_API "/runtime/**",      REPO_READ,  NONE,   vitrine_route_runtime },
  { "GET HEAD",    REPO_API "/auth-check/**",   REPO_READ,  NONE,   vitrine_route_empty },
  { NULL,          REPO_API "/**",              REPO_READ,  NONE,   vitrine_route_not_found },
  { NULL,          "/api/**",                   PUBLIC,     NONE,   vitrine_route_not_found },

  /* The site: every repository is a git remote (vitrine-routes-git.c),
   * with or without .git (that way first, so that "name.git" is never
   * taken for a name); git-lfs's batch API (uploads need write access,
   * which the batch checks) and its locks (not supported). */
  { "GET",         "/{site}/{ns}/{name}.git/info/refs",  REPO_READ, STREAM, vitrine_route_git_info_refs,
    GIT_METHOD, vitrine_route_git_check, TRUE },
  { "POST",        "/{site}/{ns}/{name}.git/git-upload-pack", REPO_READ, STREAM, vitrine_route_git_upload_pack,
    GIT_METHOD, vitrine_route_git_check, TRUE },
  { "POST",        "/{site}/{ns}/{name}.git/git-receive-pack", REPO_READ, STREAM, vitrine_route_git_receive_pack,
    GIT_METHOD, vitrine_route_git_check, TRUE },
  { "GET",         "/{site}/{ns}/{name}/info/refs",      REPO_READ, STREAM, vitrine_route_git_info_refs,
    GIT_METHOD, vitrine_route_git_check, TRUE },
  { "POST",        "/{site}/{ns}/{name}/git-upload-pack", REPO_READ, STREAM, vitrine_route_git_upload_pack,
    GIT_METHOD, vitrine_route_git_check, TRUE },
  { "POST",        "/{site}/{ns}/{name}/git-receive-pack", REPO_READ, STREAM, vitrine_route_git_receive_pack,
    GIT_METHOD, vitrine_route_git_check, TRUE },
  { "POST",        "/{site}/{ns}/{name}.git/info/lfs/objects/batch", REPO_READ, JSON,
    vitrine_route_lfs_batch, "The batch API takes POST requests", NULL, TRUE },
  { NULL,          "/{site}/{ns}/{name}.git/info/lfs/locks/**", REPO_READ, NONE,
    vitrine_route_lfs_locks, NULL, NULL, TRUE },

  { "GET HEAD",    "/{site}/{ns}/{name}/resolve/*/+", REPO_READ, NONE, vitrine_route_resolve, DOWNLOAD },
  { "GET HEAD",    "/{site}/{ns}/{name}/raw/*/+",     REPO_READ, NONE, vitrine_route_resolve, DOWNLOAD },
};

const guint vitrine_n_routes = G_N_ELEMENTS (vitrine_routes);

void
vitrine_route_not_found (VitrineRequest *req)
{
  vitrine_request_error (req, 404, NULL, "Sorry, we can't find the page you are looking for.");
}

/* An empty JSON object: the answer of routes that only check access. */
void
vitrine_route_empty (VitrineRequest *req)
{
  g_autoptr(JsonNode) answer = vitrine_route_empty_object ();

  vitrine_request_json (req, 200, answer);
}

/* ---- Shared helpers -------------------------------------------------- */

gboolean
vitrine_route_member_bool (JsonObject *object,
                           const char *name,
                           gboolean   *value)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, name) : NULL;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
    return FALSE;
  *value = json_node_get_boolean (node);
  return TRUE;
}

gboolean
vitrine_route_member_u64 (JsonObject *object,
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

char *
vitrine_route_repo_url (VitrineRequest  *req,
                        VitrineRepoMeta *meta)
{
  return g_strdup_printf ("%s/%s%s/%s", req->base_url, vitrine_repo_type_url_prefix (meta->type),
                          meta->ns, meta->name);
}

/* Revisions may hold slashes (`refs/pr/1`, `feature/x`).  Clients send
 * them as one encoded segment, but the path reaches us decoded, so the
 * revision is the shortest run of segments from @from that resolves, and
 * the rest is the path. */
gboolean
vitrine_route_resolve_rev_and_path (VitrineRequest  *req,
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
          *path = vitrine_request_join (req, k + 1);
          return TRUE;
        }
    }
  return vitrine_store_resolve (repo, from < req->n_segments ? req->segments[from] : "", commit_id, error);
}

gboolean
vitrine_route_can_read (VitrineRequest  *req,
                        VitrineRepoMeta *meta)
{
  if (!meta->private_)
    return TRUE;
  return req->caller != NULL &&
         vitrine_accounts_namespace_role (req->data_dir, req->caller->user, meta->ns) != VITRINE_ROLE_NONE;
}

gboolean
vitrine_route_can_write_namespace (VitrineRequest *req,
                                   const char     *ns)
{
  return req->caller != NULL && req->caller->role == VITRINE_ROLE_WRITE &&
         vitrine_accounts_namespace_role (req->data_dir, req->caller->user, ns) >= VITRINE_ROLE_WRITE;
}

void
vitrine_route_reply_repo_not_found (VitrineRequest *req)
{
  if (req->caller == NULL)
    vitrine_request_error (req, 401, "RepoNotFound", "Invalid username or password.");
  else
    vitrine_request_error (req, 404, "RepoNotFound", "Repository not found");
}

/* The repository a request is about, when the caller may see it (and
 * write to it, with @write).  On NULL the answer is set: a 307 to the new
 * place of a moved repository, 401/404 when invisible, 403 when read-only. */
VitrineRepoMeta *
vitrine_route_open_repo (VitrineRequest  *req,
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
      vitrine_route_reply_repo_not_found (req);
      return NULL;
    }

  if (!vitrine_route_can_read (req, meta))
    {
      vitrine_repo_meta_free (meta);
      vitrine_route_reply_repo_not_found (req);
      return NULL;
    }

  if (write && !vitrine_route_can_write_namespace (req, meta->ns))
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
JsonObject *
vitrine_route_body_object (VitrineRequest *req,
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

JsonNode *
vitrine_route_empty_object (void)
{
  g_autoptr(JsonObject) object = json_object_new ();

  /* The node takes a reference of its own. */
  return json_node_init_object (json_node_alloc (), object);
}

gboolean
vitrine_route_check_path (VitrineRequest *req,
                          const char     *path)
{
  g_autoptr(GError) error = NULL;

  if (vitrine_path_check (path, -1, &error))
    return TRUE;
  vitrine_request_error (req, 400, NULL, error->message);
  return FALSE;
}

guint
vitrine_route_parse_cursor (const char *cursor)
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
void
vitrine_route_add_next_link (VitrineRequest *req,
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
