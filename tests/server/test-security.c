/* test-security.c — what the local hub promises (docs/security.md): who
 * reads and writes what, what a token allows, what a signed upload URL
 * allows and for how long, and what the data folder keeps
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <sys/stat.h>

#include "hub-fixture.h"

/* @pattern with "%s" replaced by @repo. */
static char *
fill (const char *pattern,
      const char *repo)
{
  g_auto(GStrv) parts = g_strsplit (pattern, "%s", 2);

  return g_strjoinv (repo, parts);
}

static guint
status_of (Hub        *hub,
           const char *method,
           const char *path,
           const char *token,
           const char *body)
{
  g_autoptr(Reply) reply = hub_call (hub, method, path, token, NULL, body, body != NULL ? -1 : 0);

  return reply->status;
}

/* A read token reads, never writes; an organisation's read member the
 * same in its repositories; nobody writes in another's namespace. */
static void
test_token_roles (Hub           *hub,
                  gconstpointer  data)
{
  g_autofree char *op = file_op ("x.txt", "x");
  g_autofree char *payload = ndjson_commit ("Write", NULL, op);
  const char *batch = "{\"operation\":\"upload\",\"objects\":[{\"oid\":\""
                      "0000000000000000000000000000000000000000000000000000000000000000\",\"size\":1}]}";
  struct {
    const char *method;
    const char *path;
    const char *body;
  } writes[] = {
    { "POST", "/api/models/%s/commit/main", NULL },
    { "POST", "/api/models/%s/preupload/main", "{\"files\":[]}" },
    { "POST", "/api/models/%s/tag/main", "{\"tag\":\"v1\"}" },
    { "POST", "/api/models/%s/branch/b", "{}" },
    { "PUT", "/api/models/%s/settings", "{\"private\":false}" },
    { "POST", "/%s.git/info/lfs/objects/batch", batch },
  };
  const char *repos[] = { "alice/own", "team/shared" };

  hub_create_repo (hub, hub->alice, "{\"name\":\"own\",\"private\":true}");
  hub_create_repo (hub, hub->alice, "{\"name\":\"shared\",\"organization\":\"team\",\"private\":true}");

  for (guint r = 0; r < G_N_ELEMENTS (repos); r++)
    {
      /* alice's read token on her repositories, bob (team:read) on team's. */
      const char *token = r == 0 ? hub->alice_ro : hub->bob;
      g_autofree char *info = g_strdup_printf ("/api/models/%s", repos[r]);

      g_assert_cmpuint (status_of (hub, "GET", info, token, NULL), ==, 200);
      for (guint i = 0; i < G_N_ELEMENTS (writes); i++)
        {
          g_autofree char *path = fill (writes[i].path, repos[r]);
          g_autoptr(Reply) reply = NULL;

          if (writes[i].body == NULL)
            reply = hub_commit (hub, repos[r], token, payload);
          else
            reply = hub_call (hub, writes[i].method, path, token, NULL, writes[i].body, -1);
          if (reply->status != 403)
            g_error ("%s %s with a read role answered %u", writes[i].method, path, reply->status);
        }
    }
  /* Deleting and creating need a write token in the namespace. */
  g_assert_cmpuint (status_of (hub, "DELETE", "/api/repos/delete", hub->alice_ro,
                               "{\"type\":\"model\",\"name\":\"own\"}"), ==, 403);
  g_assert_cmpuint (status_of (hub, "POST", "/api/repos/create", hub->alice_ro, "{\"name\":\"new\"}"), ==, 403);
  g_assert_cmpuint (status_of (hub, "POST", "/api/repos/create", hub->bob,
                               "{\"name\":\"new\",\"organization\":\"team\"}"), ==, 403);
  g_assert_cmpuint (status_of (hub, "POST", "/api/repos/create", hub->bob,
                               "{\"name\":\"new\",\"organization\":\"alice\"}"), ==, 403);
  /* Nothing was created. */
  g_assert_cmpuint (status_of (hub, "GET", "/api/models/team/new", hub->alice, NULL), ==, 404);
  g_assert_cmpuint (status_of (hub, "GET", "/api/models/alice/new", hub->alice, NULL), ==, 404);
}

/* A token that is not one is refused everywhere, even where no token is
 * needed; a token travels as Bearer, or as the password of Basic. */
static void
test_tokens (Hub           *hub,
             gconstpointer  data)
{
  g_autofree char *basic_credentials = g_strconcat ("anyone:", hub->alice, NULL);
  g_autofree char *basic = g_base64_encode ((const guchar *) basic_credentials, strlen (basic_credentials));
  g_autofree char *header = g_strconcat ("Basic ", basic, NULL);

  hub_create_repo (hub, hub->alice, "{\"name\":\"public\"}");
  g_assert_cmpuint (status_of (hub, "GET", "/api/models/alice/public", NULL, NULL), ==, 200);
  g_assert_cmpuint (status_of (hub, "GET", "/api/models/alice/public", "hf_notatokennotatoken", NULL), ==, 401);
  g_assert_cmpuint (status_of (hub, "GET", "/api/whoami-v2", "hf_notatokennotatoken", NULL), ==, 401);
  {
    g_autofree char *url = g_strconcat (hub->url, "/api/whoami-v2", NULL);
    Pending *p = g_new0 (Pending, 1);
    g_autoptr(Reply) reply = NULL;

    p->msg = soup_message_new ("GET", url);
    p->reply = g_new0 (Reply, 1);
    soup_message_headers_replace (soup_message_get_request_headers (p->msg), "Authorization", header);
    soup_session_send_and_read_async (hub->session, p->msg, G_PRIORITY_DEFAULT, NULL, pending_done_cb, p);
    reply = hub_finish (p);
    g_assert_cmpuint (reply->status, ==, 200);
    g_assert_cmpstr (reply_string (reply, "name"), ==, "alice");
  }
}

/* A private repository looks, to everyone else, exactly like one that
 * does not exist, through every route. */
static void
test_private_everywhere (Hub           *hub,
                         gconstpointer  data)
{
  const char *paths[] = {
    "/api/models/%s", "/api/models/%s/tree/main", "/api/models/%s/commits/main", "/api/models/%s/refs",
    "/api/models/%s/revision/main", "/%s/resolve/main/.gitattributes", "/%s/raw/main/.gitattributes",
  };

  hub_create_repo (hub, hub->alice, "{\"name\":\"secret\",\"private\":true}");
  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      g_autofree char *secret = fill (paths[i], "alice/secret");
      g_autofree char *missing = fill (paths[i], "alice/missing");
      g_autoptr(Reply) bob_secret = hub_call (hub, "GET", secret, hub->bob, NULL, NULL, 0);
      g_autoptr(Reply) bob_missing = hub_call (hub, "GET", missing, hub->bob, NULL, NULL, 0);
      g_autoptr(Reply) anonymous = hub_call (hub, "GET", secret, NULL, NULL, NULL, 0);

      g_assert_cmpuint (bob_secret->status, ==, 404);
      g_assert_cmpuint (bob_missing->status, ==, 404);
      g_assert_cmpstr (reply_string (bob_secret, "error"), ==, reply_string (bob_missing, "error"));
      g_assert_cmpuint (anonymous->status, ==, 401);
      g_assert_cmpuint (status_of (hub, "GET", secret, hub->alice_ro, NULL), ==, 200);
    }
  g_assert_cmpuint (status_of (hub, "POST", "/api/models/alice/secret/paths-info/main", hub->bob,
                               "{\"paths\":[\".gitattributes\"]}"), ==, 404);
}

static char *
upload_href (Hub        *hub,
             const char *oid,
             gsize       size)
{
  g_autofree char *body = g_strdup_printf ("{\"operation\":\"upload\",\"objects\":[{\"oid\":\"%s\",\"size\":%"
                                           G_GSIZE_FORMAT "}]}", oid, size);
  g_autoptr(Reply) reply = hub_call (hub, "POST", "/alice/up.git/info/lfs/objects/batch", hub->alice,
                                     "application/vnd.git-lfs+json", body, -1);
  JsonObject *object = json_array_get_object_element (
    json_object_get_array_member (json_node_get_object (reply->json), "objects"), 0);

  return g_strdup (json_object_get_string_member (
    json_object_get_object_member (json_object_get_object_member (object, "actions"), "upload"), "href"));
}

/* An upload URL writes one object, of one size, until it expires: signed
 * with the data folder's secret, it can be neither forged, nor moved to
 * another kind of use, nor used late. */
static void
test_signed_urls (Hub           *hub,
                  gconstpointer  data)
{
  const char *content = "signed content";
  g_autofree char *oid = vitrine_sha256_hex (content, strlen (content));
  g_autofree char *href = NULL;
  g_autofree char *secret_path = g_build_filename (hub->data_dir, "secret", NULL);
  g_autofree char *secret = NULL;
  gsize secret_len;
  GStatBuf st;

  hub_create_repo (hub, hub->alice, "{\"name\":\"up\"}");
  href = upload_href (hub, oid, strlen (content));
  g_assert_true (g_str_has_prefix (href, hub->url));
  g_assert_nonnull (strstr (href, "&expires="));

  /* Expired: signed with the real secret, for a time past. */
  g_assert_true (g_file_get_contents (secret_path, &secret, &secret_len, NULL));
  g_assert_cmpuint (secret_len, ==, 32);
  g_assert_cmpint (g_stat (secret_path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  {
    g_autofree char *message = g_strdup_printf ("upload\n%s\n%" G_GSIZE_FORMAT "\n%d\n\n\nmodel/alice/up", oid,
                                                strlen (content), 1000);
    g_autofree char *sig = vitrine_hmac_sha256_hex (secret, secret_len, message);
    g_autofree char *late = g_strdup_printf ("%s/api/lfs-upload/%s?size=%" G_GSIZE_FORMAT "&repo=model/alice/up"
                                             "&expires=1000&sig=%s", hub->url, oid, strlen (content), sig);
    g_autoptr(Reply) reply = hub_call (hub, "PUT", late, NULL, "application/octet-stream", content, -1);

    g_assert_cmpuint (reply->status, ==, 403);
    g_assert_nonnull (strstr (reply_string (reply, "error"), "expired"));
  }
  /* An upload URL is no completion URL: its signature names its use. */
  {
    const char *at = strstr (href, "/api/lfs-upload/");
    g_autofree char *head = g_strndup (href, at - href);
    g_autofree char *url = g_strconcat (head, "/api/lfs-complete/", at + strlen ("/api/lfs-upload/"), "&chunk=1", NULL);
    g_autoptr(Reply) reply = hub_call (hub, "POST", url, NULL, "application/json", "{}", -1);

    g_assert_cmpuint (reply->status, ==, 403);
  }
  /* The URL carries no token, and works without one. */
  g_assert_null (strstr (href, hub->alice));
  {
    g_autoptr(Reply) reply = hub_call (hub, "PUT", href, NULL, "application/octet-stream", content, -1);
    g_assert_cmpuint (reply->status, ==, 200);
  }
}

static void
assert_private_tree (const char *path,
                     const char *token)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;
  GStatBuf st;

  g_assert_cmpint (g_lstat (path, &st), ==, 0);
  if (S_ISDIR (st.st_mode))
    {
      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);
          assert_private_tree (child, token);
        }
      return;
    }
  if (S_ISREG (st.st_mode))
    {
      g_autofree char *contents = NULL;
      gsize len;

      g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
      /* Tokens are kept as their hashes only. */
      if (g_strstr_len (contents, len, token) != NULL)
        g_error ("%s holds a token in clear", path);
    }
}

/* Knowing a stored object's hash is not having it: a writer who knows
 * the sha256 and size of someone else's private file can neither commit
 * it to a repository of theirs nor skip sending its bytes; once they send
 * the bytes, they show they have it.  A repository from before this
 * rule still knows what its history names. */
static void
test_lfs_possession (Hub           *hub,
                     gconstpointer  data)
{
  gsize size = 200000;
  g_autofree guint8 *secret = g_malloc (size);
  g_autofree char *oid = NULL;
  g_autofree char *batch_body = NULL;
  g_autofree char *lfs = NULL;
  g_autofree char *payload = NULL;

  for (gsize i = 0; i < size; i++)
    secret[i] = (guint8) (i * 31 + 7);
  oid = vitrine_sha256_hex (secret, size);
  batch_body = g_strdup_printf ("{\"operation\":\"upload\",\"objects\":[{\"oid\":\"%s\",\"size\":%" G_GSIZE_FORMAT
                                "}]}", oid, size);
  lfs = g_strdup_printf ("{\"key\":\"lfsFile\",\"value\":{\"path\":\"w.bin\",\"algo\":\"sha256\","
                         "\"oid\":\"%s\",\"size\":%" G_GSIZE_FORMAT "}}\n", oid, size);
  payload = ndjson_commit ("Take it", NULL, lfs);

  /* alice stores a private file. */
  hub_create_repo (hub, hub->alice, "{\"name\":\"vault\",\"private\":true}");
  {
    g_autoptr(Reply) batch = hub_call (hub, "POST", "/alice/vault.git/info/lfs/objects/batch", hub->alice,
                                       "application/vnd.git-lfs+json", batch_body, -1);
    JsonObject *object = json_array_get_object_element (
      json_object_get_array_member (json_node_get_object (batch->json), "objects"), 0);
    const char *href = json_object_get_string_member (
      json_object_get_object_member (json_object_get_object_member (object, "actions"), "upload"), "href");
    g_autoptr(Reply) put = hub_call (hub, "PUT", href, NULL, "application/octet-stream", secret, size);
    g_autoptr(Reply) commit = hub_commit (hub, "alice/vault", hub->alice, payload);

    g_assert_cmpuint (put->status, ==, 200);
    g_assert_cmpuint (commit->status, ==, 200);
  }

  /* bob knows the hash: his repository may not name it, and the batch
   * asks him for the bytes. */
  hub_create_repo (hub, hub->bob, "{\"name\":\"mine\"}");
  {
    g_autoptr(Reply) commit = hub_commit (hub, "bob/mine", hub->bob, payload);
    g_autoptr(Reply) batch = hub_call (hub, "POST", "/bob/mine.git/info/lfs/objects/batch", hub->bob,
                                       "application/vnd.git-lfs+json", batch_body, -1);
    g_autofree char *download = g_strdup_printf ("{\"operation\":\"download\",\"objects\":[{\"oid\":\"%s\","
                                                 "\"size\":%" G_GSIZE_FORMAT "}]}", oid, size);
    g_autoptr(Reply) get = hub_call (hub, "POST", "/bob/mine.git/info/lfs/objects/batch", hub->bob,
                                     "application/vnd.git-lfs+json", download, -1);
    JsonObject *object = json_array_get_object_element (
      json_object_get_array_member (json_node_get_object (batch->json), "objects"), 0);
    JsonObject *got = json_array_get_object_element (
      json_object_get_array_member (json_node_get_object (get->json), "objects"), 0);

    g_assert_cmpuint (commit->status, ==, 400);
    g_assert_nonnull (strstr (reply_string (commit, "error"), "not uploaded"));
    g_assert_true (json_object_has_member (object, "actions"));
    g_assert_true (json_object_has_member (got, "error"));
    g_assert_false (json_object_has_member (got, "actions"));

    /* Other bytes do not do; the right ones do, and then the commit. */
    {
      const char *href = json_object_get_string_member (
        json_object_get_object_member (json_object_get_object_member (object, "actions"), "upload"), "href");
      g_autofree guint8 *wrong = g_memdup2 (secret, size);
      g_autoptr(Reply) bad = NULL;
      g_autoptr(Reply) good = NULL;
      g_autoptr(Reply) again = NULL;

      wrong[0] ^= 1;
      bad = hub_call (hub, "PUT", href, NULL, "application/octet-stream", wrong, size);
      g_assert_cmpuint (bad->status, ==, 400);
      again = hub_commit (hub, "bob/mine", hub->bob, payload);
      g_assert_cmpuint (again->status, ==, 400);
      good = hub_call (hub, "PUT", href, NULL, "application/octet-stream", secret, size);
      g_assert_cmpuint (good->status, ==, 200);
    }
  }
  {
    g_autoptr(Reply) commit = hub_commit (hub, "bob/mine", hub->bob, payload);
    g_assert_cmpuint (commit->status, ==, 200);
  }

  /* A repository from before: what its history names is known. */
  {
    g_autofree char *list = g_build_filename (hub->data_dir, "repos", "models", "alice", "vault.git", "vitrine-lfs", NULL);
    g_autofree char *copy = g_strdup_printf ("{\"key\":\"lfsFile\",\"value\":{\"path\":\"copy.bin\",\"algo\":"
                                             "\"sha256\",\"oid\":\"%s\",\"size\":%" G_GSIZE_FORMAT "}}\n", oid, size);
    g_autofree char *copy_payload = ndjson_commit ("Copy", NULL, copy);
    g_autoptr(Reply) commit = NULL;

    test_rm_rf (list);
    commit = hub_commit (hub, "alice/vault", hub->alice, copy_payload);
    g_assert_cmpuint (commit->status, ==, 200);
  }
}

/* The data folder is its owner's alone, and holds no token in clear. */
static void
test_data_folder (Hub           *hub,
                  gconstpointer  data)
{
  GStatBuf st;

  hub_create_repo (hub, hub->alice, "{\"name\":\"m\"}");
  g_assert_cmpint (g_stat (hub->data_dir, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0077, ==, 0);
  assert_private_tree (hub->data_dir, hub->alice);
  assert_private_tree (hub->data_dir, hub->alice_ro);
}

/* URLs the hub hands out name the address it listens on unless the Host
 * header is a plausible host: a forged Host cannot inject into them. */
static void
test_host_header (Hub           *hub,
                  gconstpointer  data)
{
  const char *oid = "1111111111111111111111111111111111111111111111111111111111111111";
  g_autofree char *body = g_strdup_printf ("{\"operation\":\"upload\",\"objects\":[{\"oid\":\"%s\",\"size\":5}]}", oid);
  Pending *p = g_new0 (Pending, 1);
  g_autofree char *url = g_strconcat (hub->url, "/alice/h.git/info/lfs/objects/batch", NULL);
  g_autofree char *auth = g_strconcat ("Bearer ", hub->alice, NULL);
  g_autoptr(GBytes) bytes = g_bytes_new (body, strlen (body));
  g_autoptr(Reply) reply = NULL;
  g_autofree char *text = NULL;

  hub_create_repo (hub, hub->alice, "{\"name\":\"h\"}");
  p->msg = soup_message_new ("POST", url);
  p->reply = g_new0 (Reply, 1);
  soup_message_headers_replace (soup_message_get_request_headers (p->msg), "Authorization", auth);
  soup_message_headers_replace (soup_message_get_request_headers (p->msg), "Host", "evil_host");
  soup_message_set_request_body_from_bytes (p->msg, "application/vnd.git-lfs+json", bytes);
  soup_session_send_and_read_async (hub->session, p->msg, G_PRIORITY_DEFAULT, NULL, pending_done_cb, p);
  reply = hub_finish (p);
  g_assert_cmpuint (reply->status, ==, 200);
  text = g_strndup (g_bytes_get_data (reply->body, NULL), g_bytes_get_size (reply->body));
  g_assert_null (strstr (text, "evil_host"));
  g_assert_nonnull (strstr (text, hub->url));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Hub, NULL, hub_setup, func, hub_teardown)
  ADD ("/server/security/token-roles", test_token_roles);
  ADD ("/server/security/tokens", test_tokens);
  ADD ("/server/security/private-everywhere", test_private_everywhere);
  ADD ("/server/security/signed-urls", test_signed_urls);
  ADD ("/server/security/data-folder", test_data_folder);
  ADD ("/server/security/lfs-possession", test_lfs_possession);
  ADD ("/server/security/host-header", test_host_header);
#undef ADD

  return g_test_run ();
}
