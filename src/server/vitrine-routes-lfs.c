/* vitrine-routes-lfs.c — large files: the batch API, completing multipart
 * uploads, and the signed capabilities of upload URLs
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

#include "vitrine-hash.h"
#include "vitrine-json.h"
#include "vitrine-lfs-known.h"
#include "vitrine-routes-private.h"

/* ---- Signed upload URLs ---------------------------------------------- */

static gboolean
parse_u64 (const char *text,
           guint64    *value)
{
  char *end = NULL;

  if (text == NULL || !g_ascii_isdigit (*text))
    return FALSE;
  errno = 0;
  *value = g_ascii_strtoull (text, &end, 10);
  return errno == 0 && end != NULL && *end == '\0';
}

static char *
capability_message (const char *kind,
                    const char *oid,
                    guint64     size,
                    guint64     expires,
                    const char *part_s,
                    const char *chunk_s,
                    const char *repo_s)
{
  return g_strdup_printf ("%s\n%s\n%" G_GUINT64_FORMAT "\n%" G_GUINT64_FORMAT "\n%s\n%s\n%s",
                          kind, oid, size, expires,
                          part_s != NULL ? part_s : "", chunk_s != NULL ? chunk_s : "",
                          repo_s != NULL ? repo_s : "");
}

/**
 * vitrine_lfs_repo_of:
 * @repo_s: an upload URL's `repo`, "TYPE/NS/NAME"
 *
 * Returns: (transfer full) (nullable): the repository an upload was made
 *   for, which then knows the object (vitrine-lfs-known.c)
 */
VitrineRepoMeta *
vitrine_lfs_repo_of (VitrineServer *self,
                     const char    *repo_s)
{
  g_auto(GStrv) parts = repo_s != NULL ? g_strsplit (repo_s, "/", 3) : NULL;
  VitrineRepoType type;

  if (parts == NULL || g_strv_length (parts) != 3 || !vitrine_repo_type_from_string (parts[0], &type))
    return NULL;
  return vitrine_store_lookup (vitrine_server_get_data_dir (self), type, parts[1], parts[2]);
}

/**
 * vitrine_lfs_check_capability:
 * @kind: "upload" or "complete"
 *
 * Checks an upload URL's capability: what it may write, for which
 * repository, until when, signed with the hub's secret, so it needs no
 * Authorization header and cannot be turned to another object, size,
 * part, part size or repository.
 */
gboolean
vitrine_lfs_check_capability (VitrineServer  *self,
                              const char     *kind,
                              const char     *oid,
                              const char     *size_s,
                              const char     *part_s,
                              const char     *chunk_s,
                              const char     *repo_s,
                              const char     *expires_s,
                              const char     *sig,
                              guint64        *size,
                              guint64        *part,
                              guint64        *chunk,
                              const char    **why)
{
  g_autofree char *message = NULL;
  g_autofree char *expected = NULL;
  guint64 expires;

  *part = 0;
  *chunk = 0;
  if (!vitrine_is_hex (oid, 64) || !parse_u64 (size_s, size) || !parse_u64 (expires_s, &expires) ||
      (part_s != NULL && !parse_u64 (part_s, part)) ||
      (chunk_s != NULL && !parse_u64 (chunk_s, chunk)) || sig == NULL)
    {
      *why = "Invalid upload URL";
      return FALSE;
    }
  message = capability_message (kind, oid, *size, expires, part_s, chunk_s, repo_s);
  expected = vitrine_server_sign (self, message);
  if (!vitrine_constant_time_equal (sig, expected))
    {
      *why = "Invalid upload signature";
      return FALSE;
    }
  if ((gint64) expires < g_get_real_time () / G_USEC_PER_SEC)
    {
      *why = "This upload URL has expired; ask the batch API for a new one";
      return FALSE;
    }
  return TRUE;
}

/* Where the parts of a multipart upload are written, each at its place. */
char *
vitrine_lfs_multipart_path (VitrineServer *self,
                            const char    *oid)
{
  g_autofree char *name = g_strconcat (oid, ".multipart", NULL);

  return g_build_filename (vitrine_server_get_tmp_dir (self), name, NULL);
}

/* What says that a part of a multipart upload was received whole. */
char *
vitrine_lfs_part_marker_path (VitrineServer *self,
                              const char    *oid,
                              guint64        part)
{
  g_autofree char *dir = g_strconcat (oid, ".parts", NULL);
  g_autofree char *name = g_strdup_printf ("%" G_GUINT64_FORMAT, part);

  return g_build_filename (vitrine_server_get_tmp_dir (self), dir, name, NULL);
}

/* ---- Routes ---------------------------------------------------------- */

static char *
upload_url (VitrineRequest *req,
            const char     *kind,
            const char     *oid,
            guint64         size,
            guint64         expires,
            const char     *part_s,
            const char     *chunk_s)
{
  /* Uploads are made for one repository, which then knows the object. */
  g_autofree char *repo_s = g_str_equal (kind, "download") ? NULL :
    g_strdup_printf ("%s/%s/%s", vitrine_repo_type_to_string (req->repo->type), req->repo->ns, req->repo->name);
  g_autofree char *message = capability_message (kind, oid, size, expires, part_s, chunk_s, repo_s);
  g_autofree char *sig = vitrine_server_sign (req->server, message);
  GString *url = g_string_new (req->base_url);

  g_string_append_printf (url, "/api/lfs-%s/%s?size=%" G_GUINT64_FORMAT, kind, oid, size);
  if (part_s != NULL)
    g_string_append_printf (url, "&part=%s", part_s);
  if (chunk_s != NULL)
    g_string_append_printf (url, "&chunk=%s", chunk_s);
  if (repo_s != NULL)
    {
      g_autofree char *escaped = g_uri_escape_string (repo_s, "/", TRUE);
      g_string_append_printf (url, "&repo=%s", escaped);
    }
  g_string_append_printf (url, "&expires=%" G_GUINT64_FORMAT "&sig=%s", expires, sig);
  return g_string_free (url, FALSE);
}

/* A git-lfs download batch: a signed URL for each object the repository
 * knows (vitrine-lfs-known.c).  The store is shared by every repository:
 * an object this one does not know is "not found", whoever else has it. */
static void
lfs_batch_download (VitrineRequest *req,
                    JsonArray      *objects)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) answer = NULL;
  guint64 expires = g_get_real_time () / G_USEC_PER_SEC + UPLOAD_URL_LIFETIME;
  g_autofree char *expires_at = vitrine_format_date (expires);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "transfer");
  json_builder_add_string_value (builder, "basic");
  json_builder_set_member_name (builder, "hash_algo");
  json_builder_add_string_value (builder, "sha256");
  json_builder_set_member_name (builder, "objects");
  json_builder_begin_array (builder);
  for (guint i = 0; i < json_array_get_length (objects); i++)
    {
      JsonNode *item = json_array_get_element (objects, i);
      JsonObject *object = JSON_NODE_HOLDS_OBJECT (item) ? json_node_get_object (item) : NULL;
      const char *oid = vitrine_json_string (object, "oid");
      g_autofree char *path = NULL;
      guint64 size = 0;
      GStatBuf st;

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "oid");
      json_builder_add_string_value (builder, oid != NULL ? oid : "");
      vitrine_route_member_u64 (object, "size", &size);
      json_builder_set_member_name (builder, "size");
      json_builder_add_int_value (builder, (gint64) MIN (size, G_MAXINT64));
      if (vitrine_is_hex (oid, 64))
        path = vitrine_lfs_object_path (vitrine_server_get_lfs_dir (req->server), oid);
      if (path == NULL || !vitrine_lfs_known_has (req->repo->git_dir, oid) || g_stat (path, &st) != 0 ||
          (guint64) st.st_size != size)
        {
          json_builder_set_member_name (builder, "error");
          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "code");
          json_builder_add_int_value (builder, 404);
          json_builder_set_member_name (builder, "message");
          json_builder_add_string_value (builder, "Object does not exist");
          json_builder_end_object (builder);
          json_builder_end_object (builder);
          continue;
        }
      {
        g_autofree char *url = upload_url (req, "download", oid, size, expires, NULL, NULL);

        json_builder_set_member_name (builder, "authenticated");
        json_builder_add_boolean_value (builder, TRUE);
        json_builder_set_member_name (builder, "actions");
        json_builder_begin_object (builder);
        json_builder_set_member_name (builder, "download");
        json_builder_begin_object (builder);
        json_builder_set_member_name (builder, "href");
        json_builder_add_string_value (builder, url);
        json_builder_set_member_name (builder, "expires_at");
        json_builder_add_string_value (builder, expires_at);
        json_builder_end_object (builder);
        json_builder_end_object (builder);
      }
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  answer = json_builder_get_root (builder);
  vitrine_request_json (req, 200, answer);
  vitrine_route_lfs_media_type (req);
}

/**
 * vitrine_route_lfs_media_type:
 *
 * Says the answer is git-lfs's JSON, as git-lfs wants every answer of its
 * API to say (errors included).
 */
void
vitrine_route_lfs_media_type (VitrineRequest *req)
{
  g_free (req->resp_type);
  req->resp_type = g_strdup ("application/vnd.git-lfs+json");
}

/* GET /api/lfs-download/{oid}: the URL's signature, before anything. */
void
vitrine_route_lfs_download_check (VitrineRequest *req)
{
  const char *why = NULL;
  guint64 size, part, chunk;

  if (!vitrine_lfs_check_capability (req->server, "download", req->segments[req->tail],
                                     vitrine_request_query (req, "size"), NULL, NULL, NULL,
                                     vitrine_request_query (req, "expires"),
                                     vitrine_request_query (req, "sig"),
                                     &size, &part, &chunk, &why))
    vitrine_request_error (req, 403, NULL, why != NULL ? why : "Invalid download URL");
}

/* GET /api/lfs-download/{oid}, where a download batch sends git-lfs. */
void
vitrine_route_lfs_download (VitrineRequest *req)
{
  const char *oid = req->segments[req->tail];
  g_autofree char *path = vitrine_lfs_object_path (vitrine_server_get_lfs_dir (req->server), oid);
  guint64 size = g_ascii_strtoull (vitrine_request_query (req, "size"), NULL, 10);
  GStatBuf st;

  if (g_stat (path, &st) != 0 || (guint64) st.st_size != size)
    {
      vitrine_request_error (req, 404, NULL, "Object does not exist");
      return;
    }
  req->status = 200;
  req->file_path = g_steal_pointer (&path);
  req->file_offset = 0;
  req->file_length = size;
  vitrine_request_header (req, "Content-Type", "application/octet-stream");
}

/* POST /{site}/{ns}/{name}.git/info/lfs/objects/batch: where to upload
 * what the server does not have yet, or where to download from. */
void
vitrine_route_lfs_batch (VitrineRequest *req)
{
  g_autoptr(JsonNode) root = NULL;
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
  if (g_str_equal (operation, "download"))
    {
      lfs_batch_download (req, json_node_get_array (objects));
      return;
    }
  if (!g_str_equal (operation, "upload"))
    {
      vitrine_request_error (req, 422, NULL, "The batch API knows the operations upload and download");
      return;
    }
  if (!vitrine_route_can_write_namespace (req, req->repo->ns))
    {
      if (req->caller == NULL)
        vitrine_request_error (req, 401, NULL, "You must be signed in to write to this repository.");
      else if (req->caller->role != VITRINE_ROLE_WRITE)
        vitrine_request_error (req, 403, NULL, "This token is read-only: use a token with the write role.");
      else
        vitrine_request_error (req, 403, NULL, "You don't have write access to this repository.");
      return;
    }
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
      if (!vitrine_is_hex (oid, 64) || !vitrine_route_member_u64 (object, "size", &size) || size > MAX_LFS_OBJECT)
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
      /* Already stored, and shown to be this repository's: no action.
       * Stored for another repository only: the bytes must come, which
       * shows their sender has them (and the store keeps one copy). */
      if (g_stat (path, &st) == 0 && (guint64) st.st_size == size &&
          vitrine_lfs_known_has (req->repo->git_dir, oid))
        {
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
  vitrine_route_lfs_media_type (req);
}

/* POST /api/lfs-complete/{oid}: the URL's signature, checked before the
 * body is read (in the main thread). */
void
vitrine_route_lfs_complete_check (VitrineRequest *req)
{
  const char *why = NULL;
  guint64 size, part, chunk;

  if (!vitrine_lfs_check_capability (req->server, "complete", req->segments[req->tail],
                                     vitrine_request_query (req, "size"), NULL,
                                     vitrine_request_query (req, "chunk"),
                                     vitrine_request_query (req, "repo"),
                                     vitrine_request_query (req, "expires"),
                                     vitrine_request_query (req, "sig"),
                                     &size, &part, &chunk, &why) || chunk == 0)
    vitrine_request_error (req, 403, NULL, why != NULL ? why : "Invalid upload URL");
}

static void
mark_known (VitrineServer *server,
            const char    *repo_s,
            const char    *oid)
{
  g_autoptr(VitrineRepoMeta) meta = vitrine_lfs_repo_of (server, repo_s);

  if (meta != NULL)
    vitrine_lfs_known_add (meta->git_dir, oid);
}

static void
forget_parts (VitrineServer *server,
              const char    *oid,
              guint64        n_parts)
{
  g_autofree char *first = vitrine_lfs_part_marker_path (server, oid, 1);
  g_autofree char *dir = g_path_get_dirname (first);

  for (guint64 k = 1; k <= n_parts; k++)
    {
      g_autofree char *marker = vitrine_lfs_part_marker_path (server, oid, k);
      g_unlink (marker);
    }
  g_rmdir (dir);
  vitrine_multipart_forget (server, oid);
}

/* POST /api/lfs-complete/{oid}, the last step of a multipart upload: all
 * parts in, the hash (made as they arrived) checked, the object stored. */
void
vitrine_route_lfs_complete (VitrineRequest *req)
{
  VitrineServer *server = req->server;
  const char *oid = req->segments[req->tail];
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(JsonNode) answer = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *data_path = NULL;
  g_autofree char *object = NULL;
  g_autofree char *object_dir = NULL;
  g_autofree char *hex = NULL;
  VitrineMultipart *m;
  const char *why = NULL;
  guint64 size, part, chunk, n_parts, hashed = 0;
  GStatBuf st;
  int fd;

  if (!vitrine_lfs_check_capability (server, "complete", oid,
                                     vitrine_request_query (req, "size"), NULL,
                                     vitrine_request_query (req, "chunk"),
                                     vitrine_request_query (req, "repo"),
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
  data_path = vitrine_lfs_multipart_path (server, oid);
  /* Stored already, by another upload: this one's parts show its sender
   * has the bytes only if they hash to the object, checked below. */
  if (g_stat (object, &st) == 0 && (guint64) st.st_size == size && !g_file_test (data_path, G_FILE_TEST_EXISTS))
    {
      answer = vitrine_route_empty_object ();
      vitrine_request_json (req, 200, answer);
      return;
    }

  n_parts = (size + chunk - 1) / chunk;
  for (guint64 k = 1; k <= n_parts; k++)
    {
      g_autofree char *marker = vitrine_lfs_part_marker_path (server, oid, k);

      if (!g_file_test (marker, G_FILE_TEST_EXISTS))
        {
          g_autofree char *message = g_strdup_printf ("Part %" G_GUINT64_FORMAT " of %" G_GUINT64_FORMAT
                                                      " was not uploaded", k, n_parts);
          vitrine_request_error (req, 400, NULL, message);
          return;
        }
    }

  /* The parts were hashed as they came; the file is read again only when
   * that could not be done (a restart, a part sent again differently). */
  m = vitrine_multipart_lookup (server, oid, size, chunk, FALSE);
  if (m != NULL)
    {
      hex = vitrine_multipart_finish (m);
      vitrine_multipart_unref (m);
      if (hex != NULL && g_stat (data_path, &st) == 0)
        hashed = st.st_size;
    }
  if (hex == NULL && !vitrine_sha256_file (data_path, &hex, &hashed, &error))
    {
      vitrine_request_gerror (req, error);
      return;
    }
  if (hashed != size || !g_str_equal (hex, oid))
    {
      g_unlink (data_path);
      vitrine_request_error (req, 400, NULL, "The uploaded bytes do not match their sha256 oid");
      forget_parts (server, oid, n_parts);
      return;
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
  mark_known (server, vitrine_request_query (req, "repo"), oid);
  answer = vitrine_route_empty_object ();
  vitrine_request_json (req, 200, answer);
  forget_parts (server, oid, n_parts);
}
