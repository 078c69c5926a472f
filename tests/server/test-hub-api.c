/* test-hub-api.c — the local hub refuses bad input, keeps private things
 * private, and loses no commit when many arrive at once
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "hub-fixture.h"

static void
test_hostile_paths (Hub           *hub,
                    gconstpointer  data)
{
  const char *bad[] = {
    "../escape", "a/../../b", "/etc/passwd", ".", "..", "a//b", "a/./b", ".git/config",
    "sub/.git/HEAD", "", "trailing/", "back\\slash",
  };
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  hub_create_repo (hub, hub->alice, "{\"name\":\"paths\"}");
  before = hub_head (hub, "alice/paths");

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autofree char *op = file_op (bad[i], "x");
      g_autofree char *payload = ndjson_commit ("hostile", NULL, op);
      g_autoptr(Reply) reply = hub_commit (hub, "alice/paths", hub->alice, payload);

      if (reply->status != 400)
        g_error ("“%s” was accepted (%u)", bad[i], reply->status);
      g_assert_nonnull (reply_string (reply, "error"));
    }

  /* A NUL inside a JSON string is refused too. */
  {
    const char *payload = "{\"key\":\"header\",\"value\":{\"summary\":\"nul\"}}\n"
                          "{\"key\":\"file\",\"value\":{\"path\":\"ok.txt\\u0000../../x\",\"content\":\"eA==\"}}\n";
    g_autoptr(Reply) reply = hub_commit (hub, "alice/paths", hub->alice, payload);
    g_assert_cmpuint (reply->status, ==, 400);
  }

  /* Downloads refuse them as well. */
  {
    g_autoptr(Reply) reply = hub_call (hub, "GET", "/alice/paths/resolve/main/..%2F..%2Fsecret",
                                       NULL, NULL, NULL, 0);
    g_assert_cmpuint (reply->status, ==, 400);
  }

  after = hub_head (hub, "alice/paths");
  g_assert_cmpstr (before, ==, after);
}

static void
test_malformed_commits (Hub           *hub,
                        gconstpointer  data)
{
  g_autofree char *good = file_op ("good.txt", "good");
  g_autofree char *valid_then_garbage = g_strconcat ("{\"key\":\"header\",\"value\":{\"summary\":\"s\"}}\n",
                                                     good, "{not json\n", NULL);
  g_autofree char *two_headers = g_strconcat ("{\"key\":\"header\",\"value\":{\"summary\":\"s\"}}\n",
                                              "{\"key\":\"header\",\"value\":{\"summary\":\"t\"}}\n", NULL);
  g_autofree char *no_header = g_strdup (good);
  const char *payloads[] = {
    valid_then_garbage,
    two_headers,
    no_header,
    "",
    "not json at all",
    "{\"key\":\"header\",\"value\":{}}\n",
    "{\"key\":\"header\",\"value\":{\"summary\":\"s\"}}\n{\"key\":\"frobnicate\",\"value\":{\"path\":\"a\"}}\n",
    "{\"key\":\"header\",\"value\":{\"summary\":\"s\"}}\n{\"key\":\"file\",\"value\":{\"path\":\"a\",\"content\":\"@@@\"}}\n",
    "{\"key\":\"header\",\"value\":{\"summary\":\"s\",\"parentCommit\":\"zz\"}}\n",
    "[1,2,3]\n",
  };
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  hub_create_repo (hub, hub->alice, "{\"name\":\"ndjson\"}");
  before = hub_head (hub, "alice/ndjson");

  for (guint i = 0; i < G_N_ELEMENTS (payloads); i++)
    {
      g_autoptr(Reply) reply = hub_commit (hub, "alice/ndjson", hub->alice, payloads[i]);

      g_assert_cmpuint (reply->status, ==, 400);
    }

  /* Nothing of the valid lines was committed. */
  after = hub_head (hub, "alice/ndjson");
  g_assert_cmpstr (before, ==, after);
  {
    g_autoptr(Reply) reply = hub_call (hub, "GET", "/alice/ndjson/resolve/main/good.txt", NULL, NULL, NULL, 0);
    g_assert_cmpuint (reply->status, ==, 404);
    g_assert_cmpstr (soup_message_headers_get_one (reply->headers, "X-Error-Code"), ==, "EntryNotFound");
  }

  /* Deleting what is not there is an error, not a silent success. */
  {
    const char *payload = "{\"key\":\"header\",\"value\":{\"summary\":\"s\"}}\n"
                          "{\"key\":\"deletedFile\",\"value\":{\"path\":\"nope.txt\"}}\n";
    g_autoptr(Reply) reply = hub_commit (hub, "alice/ndjson", hub->alice, payload);
    g_assert_cmpuint (reply->status, ==, 404);
  }
}

static void
test_lfs_not_uploaded (Hub           *hub,
                       gconstpointer  data)
{
  g_autofree char *oid = vitrine_sha256_hex ("never sent", 10);
  g_autofree char *payload = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(Reply) reply = NULL;

  hub_create_repo (hub, hub->alice, "{\"name\":\"lfs\"}");
  before = hub_head (hub, "alice/lfs");
  payload = g_strdup_printf ("{\"key\":\"header\",\"value\":{\"summary\":\"s\"}}\n"
                             "{\"key\":\"lfsFile\",\"value\":{\"path\":\"w.bin\",\"algo\":\"sha256\",\"oid\":\"%s\",\"size\":10}}\n",
                             oid);
  reply = hub_commit (hub, "alice/lfs", hub->alice, payload);
  g_assert_cmpuint (reply->status, ==, 400);
  g_assert_nonnull (strstr (reply_string (reply, "error"), "not uploaded"));
  after = hub_head (hub, "alice/lfs");
  g_assert_cmpstr (before, ==, after);
}

static char *
batch (Hub        *hub,
       const char *oid,
       gsize       size,
       const char *transfers,
       Reply     **out)
{
  g_autofree char *body = g_strdup_printf ("{\"operation\":\"upload\",\"transfers\":%s,\"hash_algo\":\"sha256\","
                                           "\"objects\":[{\"oid\":\"%s\",\"size\":%" G_GSIZE_FORMAT "}]}",
                                           transfers, oid, size);
  Reply *reply = hub_call (hub, "POST", "/alice/up.git/info/lfs/objects/batch", hub->alice,
                           "application/vnd.git-lfs+json", body, -1);
  JsonObject *object;

  g_assert_cmpuint (reply->status, ==, 200);
  g_assert_nonnull (reply->json);
  object = json_array_get_object_element (json_object_get_array_member (json_node_get_object (reply->json),
                                                                        "objects"), 0);
  *out = reply;
  if (!json_object_has_member (object, "actions"))
    return NULL;
  return g_strdup (json_object_get_string_member (json_object_get_object_member (
    json_object_get_object_member (object, "actions"), "upload"), "href"));
}

static void
test_upload_checks (Hub           *hub,
                    gconstpointer  data)
{
  g_autofree guint8 *content = g_malloc (100000);
  g_autofree char *oid = NULL;
  g_autofree char *other_oid = NULL;
  g_autofree char *href = NULL;
  g_autofree char *again = NULL;
  g_autofree char *tampered = NULL;
  g_autofree char *other = NULL;
  Reply *batch_reply = NULL;

  for (guint i = 0; i < 100000; i++)
    content[i] = (guint8) (i * 7 + 3);
  oid = vitrine_sha256_hex (content, 100000);
  other_oid = vitrine_sha256_hex (content, 99999);

  hub_create_repo (hub, hub->alice, "{\"name\":\"up\"}");
  href = batch (hub, oid, 100000, "[\"basic\"]", &batch_reply);
  reply_free (batch_reply);
  g_assert_nonnull (href);
  g_assert_null (strstr (href, hub->alice));

  /* Bytes that are not the object's are refused, and not stored. */
  {
    g_autofree guint8 *wrong = g_memdup2 (content, 100000);
    g_autoptr(Reply) reply = NULL;

    wrong[500] ^= 1;
    reply = hub_call (hub, "PUT", href, NULL, "application/octet-stream", wrong, 100000);
    g_assert_cmpuint (reply->status, ==, 400);
  }
  again = batch (hub, oid, 100000, "[\"basic\"]", &batch_reply);
  reply_free (batch_reply);
  g_assert_nonnull (again);

  /* Too few bytes. */
  {
    g_autoptr(Reply) reply = hub_call (hub, "PUT", href, NULL, "application/octet-stream", content, 5000);
    g_assert_cmpuint (reply->status, ==, 400);
  }

  /* A forged signature, or the URL of one object for another, is refused. */
  tampered = g_strdup (href);
  tampered[strlen (tampered) - 1] = tampered[strlen (tampered) - 1] == '0' ? '1' : '0';
  {
    g_autoptr(Reply) reply = hub_call (hub, "PUT", tampered, NULL, "application/octet-stream", content, 100000);
    g_assert_cmpuint (reply->status, ==, 403);
  }
  {
    g_autofree char *prefix = g_strdup_printf ("/api/lfs-upload/%s", oid);
    g_autofree char *replacement = g_strdup_printf ("/api/lfs-upload/%s", other_oid);
    char *at = strstr (href, prefix);
    g_autoptr(Reply) reply = NULL;

    g_assert_nonnull (at);
    *at = '\0';
    other = g_strconcat (href, replacement, at + strlen (prefix), NULL);
    *at = '/';
    reply = hub_call (hub, "PUT", other, NULL, "application/octet-stream", content, 99999);
    g_assert_cmpuint (reply->status, ==, 403);
  }

  /* The right bytes are stored; then the batch has nothing more to ask. */
  {
    g_autoptr(Reply) reply = hub_call (hub, "PUT", href, NULL, "application/octet-stream", content, 100000);
    g_autofree char *none = NULL;

    g_assert_cmpuint (reply->status, ==, 200);
    none = batch (hub, oid, 100000, "[\"basic\"]", &batch_reply);
    reply_free (batch_reply);
    g_assert_null (none);
  }

  /* Invalid oids get a per-object error. */
  {
    g_autoptr(Reply) reply = NULL;
    JsonObject *object;

    g_free (batch (hub, "abc", 10, "[\"basic\"]", &batch_reply));
    reply = batch_reply;
    object = json_array_get_object_element (json_object_get_array_member (json_node_get_object (reply->json),
                                                                          "objects"), 0);
    g_assert_true (json_object_has_member (object, "error"));
  }
}

static void
test_repo_names (Hub           *hub,
                 gconstpointer  data)
{
  g_autofree char *x97 = g_strnfill (97, 'x');
  const char *bad[] = { "", "a/b", "-x", "x-", "x--y", "x..y", "x.git", "é", "sp ace", x97 };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autofree char *body = g_strdup_printf ("{\"name\":\"%s\"}", bad[i]);
      g_autoptr(Reply) reply = hub_call (hub, "POST", "/api/repos/create", hub->alice, NULL, body, -1);

      g_assert_cmpuint (reply->status, ==, 400);
    }

  /* A Space needs a known SDK; a type must be known. */
  {
    g_autoptr(Reply) reply = hub_call (hub, "POST", "/api/repos/create", hub->alice, NULL,
                                       "{\"name\":\"s\",\"type\":\"space\",\"sdk\":\"php\"}", -1);
    g_assert_cmpuint (reply->status, ==, 400);
  }
  {
    g_autoptr(Reply) reply = hub_call (hub, "POST", "/api/repos/create", hub->alice, NULL,
                                       "{\"name\":\"s\",\"type\":\"kernel\"}", -1);
    g_assert_cmpuint (reply->status, ==, 400);
  }
  {
    g_autoptr(Reply) reply = hub_call (hub, "POST", "/api/repos/create", hub->alice, NULL,
                                       "{\"name\":", -1);
    g_assert_cmpuint (reply->status, ==, 400);
  }
}

static void
test_body_bounds (Hub           *hub,
                  gconstpointer  data)
{
  gsize size = 17 * 1024 * 1024;
  g_autofree char *big = g_malloc (size);
  g_autoptr(Reply) reply = NULL;

  memset (big, ' ', size);
  big[0] = '{';
  big[size - 1] = '}';
  reply = hub_call (hub, "POST", "/api/repos/create", hub->alice, NULL, big, size);
  g_assert_cmpuint (reply->status, ==, 413);
}

static void
test_privacy (Hub           *hub,
              gconstpointer  data)
{
  hub_create_repo (hub, hub->alice, "{\"name\":\"secret\",\"private\":true}");
  hub_create_repo (hub, hub->alice, "{\"name\":\"shared\",\"organization\":\"team\",\"visibility\":\"private\"}");

  /* Anonymous: 401, as the Hub answers. */
  {
    g_autoptr(Reply) reply = hub_call (hub, "GET", "/api/models/alice/secret", NULL, NULL, NULL, 0);
    g_assert_cmpuint (reply->status, ==, 401);
    g_assert_cmpstr (soup_message_headers_get_one (reply->headers, "X-Error-Code"), ==, "RepoNotFound");
  }
  /* Someone else: 404, the same as a repository that does not exist. */
  {
    g_autoptr(Reply) reply = hub_call (hub, "GET", "/api/models/alice/secret", hub->bob, NULL, NULL, 0);
    g_autoptr(Reply) missing = hub_call (hub, "GET", "/api/models/alice/nothing", hub->bob, NULL, NULL, 0);
    g_assert_cmpuint (reply->status, ==, 404);
    g_assert_cmpstr (soup_message_headers_get_one (reply->headers, "X-Error-Code"), ==, "RepoNotFound");
    g_assert_cmpuint (missing->status, ==, 404);
    g_assert_cmpstr (reply_string (reply, "error"), ==, reply_string (missing, "error"));
  }
  {
    g_autoptr(Reply) reply = hub_call (hub, "GET", "/alice/secret/resolve/main/.gitattributes",
                                       hub->bob, NULL, NULL, 0);
    g_assert_cmpuint (reply->status, ==, 404);
  }
  /* Not even in listings. */
  {
    g_autoptr(Reply) reply = hub_call (hub, "GET", "/api/models?author=alice", hub->bob, NULL, NULL, 0);
    g_autofree char *text = g_strndup (g_bytes_get_data (reply->body, NULL), g_bytes_get_size (reply->body));
    g_assert_cmpuint (reply->status, ==, 200);
    g_assert_null (strstr (text, "secret"));
  }
  /* The owner, even with a read token, sees it. */
  {
    g_autoptr(Reply) reply = hub_call (hub, "GET", "/api/models/alice/secret", hub->alice_ro, NULL, NULL, 0);
    g_assert_cmpuint (reply->status, ==, 200);
    g_assert_true (json_object_get_boolean_member (json_node_get_object (reply->json), "private"));
  }
  /* Organisation members see the org's private repositories; a read
   * member cannot write to them, nor can a read token. */
  {
    g_autofree char *op = file_op ("a.txt", "a");
    g_autofree char *payload = ndjson_commit ("s", NULL, op);
    g_autoptr(Reply) seen = hub_call (hub, "GET", "/api/models/team/shared", hub->bob, NULL, NULL, 0);
    g_autoptr(Reply) bob_write = hub_commit (hub, "team/shared", hub->bob, payload);
    g_autoptr(Reply) ro_write = hub_commit (hub, "team/shared", hub->alice_ro, payload);
    g_autoptr(Reply) alice_write = hub_commit (hub, "team/shared", hub->alice, payload);

    g_assert_cmpuint (seen->status, ==, 200);
    g_assert_cmpuint (bob_write->status, ==, 403);
    g_assert_cmpuint (ro_write->status, ==, 403);
    g_assert_cmpuint (alice_write->status, ==, 200);
  }
  /* Nobody creates repositories in someone else's namespace. */
  {
    g_autoptr(Reply) reply = hub_call (hub, "POST", "/api/repos/create", hub->bob, NULL,
                                       "{\"name\":\"x\",\"organization\":\"alice\"}", -1);
    g_assert_cmpuint (reply->status, ==, 403);
  }
  /* A token that does not exist is refused outright. */
  {
    g_autoptr(Reply) reply = hub_call (hub, "GET", "/api/models/alice/shared", "hf_notavalidtoken", NULL, NULL, 0);
    g_assert_cmpuint (reply->status, ==, 401);
  }
}

#define N_CONCURRENT 20

static void
test_concurrent_commits (Hub           *hub,
                         gconstpointer  data)
{
  Pending *pending[N_CONCURRENT];
  g_autoptr(Reply) tree = NULL;
  g_autoptr(Reply) commits = NULL;

  hub_create_repo (hub, hub->alice, "{\"name\":\"busy\"}");

  /* Twenty commits in flight at once, none naming a parent. */
  for (guint i = 0; i < N_CONCURRENT; i++)
    {
      g_autofree char *path = g_strdup_printf ("file-%02u.txt", i);
      g_autofree char *op = file_op (path, path);
      g_autofree char *payload = ndjson_commit (path, NULL, op);

      pending[i] = hub_start (hub, "POST", "/api/models/alice/busy/commit/main", hub->alice,
                              "application/x-ndjson", payload, -1);
    }
  for (guint i = 0; i < N_CONCURRENT; i++)
    {
      g_autoptr(Reply) reply = hub_finish (pending[i]);
      g_assert_cmpuint (reply->status, ==, 200);
    }

  tree = hub_call (hub, "GET", "/api/models/alice/busy/tree/main", NULL, NULL, NULL, 0);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (tree->json)), ==, N_CONCURRENT + 1);
  commits = hub_call (hub, "GET", "/api/models/alice/busy/commits/main", NULL, NULL, NULL, 0);
  g_assert_cmpstr (soup_message_headers_get_one (commits->headers, "X-Total-Count"), ==, "21");
}

static void
test_stale_parent (Hub           *hub,
                   gconstpointer  data)
{
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *op1 = file_op ("one.txt", "1");
  g_autofree char *op2 = file_op ("two.txt", "2");
  g_autofree char *payload1 = NULL;
  g_autofree char *payload2 = NULL;
  g_autofree char *after = NULL;

  hub_create_repo (hub, hub->alice, "{\"name\":\"stale\"}");
  first = hub_head (hub, "alice/stale");
  payload1 = ndjson_commit ("one", first, op1);
  {
    g_autoptr(Reply) reply = hub_commit (hub, "alice/stale", hub->alice, payload1);
    g_assert_cmpuint (reply->status, ==, 200);
  }
  second = hub_head (hub, "alice/stale");

  /* Based on the first head, now stale: 412, and nothing written. */
  payload2 = ndjson_commit ("two", first, op2);
  {
    g_autoptr(Reply) reply = hub_commit (hub, "alice/stale", hub->alice, payload2);
    g_assert_cmpuint (reply->status, ==, 412);
  }
  after = hub_head (hub, "alice/stale");
  g_assert_cmpstr (after, ==, second);
  {
    g_autoptr(Reply) reply = hub_call (hub, "GET", "/alice/stale/resolve/main/two.txt", NULL, NULL, NULL, 0);
    g_assert_cmpuint (reply->status, ==, 404);
  }
}

static void
test_validate_yaml (Hub           *hub,
                    gconstpointer  data)
{
  struct {
    const char *content;
    guint       status;
    const char *mentions;
  } cases[] = {
    { "---\\nlicense: mit\\nlanguage: [en, fr]\\n---\\n# Hi\\n", 200, NULL },
    { "---\\nlicense: not-a-license\\n---\\n", 400, "license" },
    { "---\\nlicense: other\\n---\\n", 400, "license_name" },
    { "---\\npipeline_tag: dancing\\n---\\n", 400, "pipeline_tag" },
    { "---\\nlicense: [mit\\n---\\n", 400, "line" },
    { "---\\na: &a [x, x, x, x, x, x, x, x, x, x]\\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\\n"
      "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\\n"
      "e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]\\nf: [*e, *e, *e, *e, *e, *e, *e, *e, *e, *e]\\n---\\n",
      400, "too large" },
    { "No front matter at all\\n", 200, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *body = g_strdup_printf ("{\"content\":\"%s\",\"repoType\":\"model\"}", cases[i].content);
      g_autoptr(Reply) reply = hub_call (hub, "POST", "/api/validate-yaml", NULL, NULL, body, -1);
      g_autofree char *text = g_strndup (g_bytes_get_data (reply->body, NULL), g_bytes_get_size (reply->body));

      g_assert_cmpuint (reply->status, ==, cases[i].status);
      if (cases[i].mentions != NULL)
        g_assert_nonnull (strstr (text, cases[i].mentions));
    }
}

static void
test_card_data_and_moves (Hub           *hub,
                          gconstpointer  data)
{
  g_autofree char *op = file_op ("README.md", "---\nlicense: apache-2.0\npipeline_tag: text-classification\n"
                                              "library_name: transformers\ntags: [demo]\n---\n# Card\n");
  g_autofree char *payload = ndjson_commit ("card", NULL, op);
  JsonObject *info;

  hub_create_repo (hub, hub->alice, "{\"name\":\"carded\"}");
  {
    g_autoptr(Reply) reply = hub_commit (hub, "alice/carded", hub->alice, payload);
    g_assert_cmpuint (reply->status, ==, 200);
  }
  {
    g_autoptr(Reply) reply = hub_call (hub, "GET", "/api/models/alice/carded", NULL, NULL, NULL, 0);
    info = json_node_get_object (reply->json);
    g_assert_cmpstr (json_object_get_string_member (info, "pipeline_tag"), ==, "text-classification");
    g_assert_cmpstr (json_object_get_string_member (info, "library_name"), ==, "transformers");
    g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (info, "cardData"),
                                                    "license"), ==, "apache-2.0");
  }

  /* Moved: the old id redirects to the new one. */
  {
    g_autoptr(Reply) reply = hub_call (hub, "POST", "/api/repos/move", hub->alice, NULL,
                                       "{\"fromRepo\":\"alice/carded\",\"toRepo\":\"team/carded\",\"type\":\"model\"}", -1);
    g_assert_cmpuint (reply->status, ==, 200);
  }
  {
    g_autoptr(Reply) reply = hub_call (hub, "GET", "/api/models/alice/carded/tree/main", NULL, NULL, NULL, 0);

    /* libsoup follows the 307 to the new place. */
    g_assert_cmpuint (reply->status, ==, 200);
    g_assert_cmpuint (json_array_get_length (json_node_get_array (reply->json)), ==, 2);
  }
}

static void
test_refs_tags_prs (Hub           *hub,
                    gconstpointer  data)
{
  g_autofree char *head = NULL;
  g_autofree char *op = file_op ("dir/sub/a.txt", "a");
  g_autofree char *op2 = file_op ("dir/b.txt", "b");
  g_autofree char *ops = g_strconcat (op, op2, NULL);
  g_autofree char *payload = ndjson_commit ("two files", NULL, ops);
  JsonObject *refs;

  hub_create_repo (hub, hub->alice, "{\"name\":\"refs\"}");
  {
    g_autoptr(Reply) reply = hub_commit (hub, "alice/refs", hub->alice, payload);
    g_assert_cmpuint (reply->status, ==, 200);
  }
  head = hub_head (hub, "alice/refs");

  /* Tags: create, refuse a duplicate, list, delete. */
  {
    g_autoptr(Reply) a = hub_call (hub, "POST", "/api/models/alice/refs/tag/main", hub->alice, NULL,
                                   "{\"tag\":\"v1\",\"message\":\"First version\"}", -1);
    g_autoptr(Reply) b = hub_call (hub, "POST", "/api/models/alice/refs/tag/main", hub->alice, NULL,
                                   "{\"tag\":\"v1\"}", -1);
    g_autoptr(Reply) c = hub_call (hub, "POST", "/api/models/alice/refs/tag/main", hub->alice_ro, NULL,
                                   "{\"tag\":\"v2\"}", -1);
    g_assert_cmpuint (a->status, ==, 200);
    g_assert_cmpuint (b->status, ==, 409);
    g_assert_cmpuint (c->status, ==, 403);
  }
  {
    g_autoptr(Reply) reply = hub_call (hub, "GET", "/api/models/alice/refs/refs?include_prs=1", NULL, NULL, NULL, 0);
    JsonObject *tag;

    refs = json_node_get_object (reply->json);
    g_assert_cmpuint (json_array_get_length (json_object_get_array_member (refs, "tags")), ==, 1);
    tag = json_array_get_object_element (json_object_get_array_member (refs, "tags"), 0);
    g_assert_cmpstr (json_object_get_string_member (tag, "name"), ==, "v1");
    g_assert_cmpstr (json_object_get_string_member (tag, "ref"), ==, "refs/tags/v1");
    g_assert_cmpstr (json_object_get_string_member (tag, "targetCommit"), ==, head);
    g_assert_true (json_object_has_member (refs, "pullRequests"));
  }
  /* A tag is a revision: files resolve through it. */
  {
    g_autoptr(Reply) reply = hub_call (hub, "GET", "/alice/refs/resolve/v1/dir/b.txt", NULL, NULL, NULL, 0);
    g_assert_cmpuint (reply->status, ==, 200);
    g_assert_cmpstr (soup_message_headers_get_one (reply->headers, "X-Repo-Commit"), ==, head);
  }
  {
    g_autoptr(Reply) del = hub_call (hub, "DELETE", "/api/models/alice/refs/tag/v1", hub->alice, NULL, NULL, 0);
    g_autoptr(Reply) again = hub_call (hub, "DELETE", "/api/models/alice/refs/tag/v1", hub->alice, NULL, NULL, 0);
    g_assert_cmpuint (del->status, ==, 200);
    g_assert_cmpuint (again->status, ==, 404);
    g_assert_cmpstr (soup_message_headers_get_one (again->headers, "X-Error-Code"), ==, "RevisionNotFound");
  }

  /* A pull request: the commit goes to refs/pr/1, main does not move. */
  {
    g_autofree char *pr_op = file_op ("proposal.txt", "p");
    g_autofree char *pr_payload = ndjson_commit ("proposal", NULL, pr_op);
    g_autoptr(Reply) reply = hub_call (hub, "POST", "/api/models/alice/refs/commit/main?create_pr=1",
                                       hub->alice, "application/x-ndjson", pr_payload, -1);
    g_autofree char *after = NULL;

    g_assert_cmpuint (reply->status, ==, 200);
    g_assert_true (g_str_has_suffix (reply_string (reply, "pullRequestUrl"), "/discussions/1"));
    after = hub_head (hub, "alice/refs");
    g_assert_cmpstr (after, ==, head);
  }
  {
    g_autoptr(Reply) reply = hub_call (hub, "GET", "/alice/refs/resolve/refs%2Fpr%2F1/proposal.txt",
                                       NULL, NULL, NULL, 0);
    g_assert_cmpuint (reply->status, ==, 200);
  }

  /* deletedFolder removes a whole folder. */
  {
    const char *del = "{\"key\":\"header\",\"value\":{\"summary\":\"rm\"}}\n"
                      "{\"key\":\"deletedFolder\",\"value\":{\"path\":\"dir\"}}\n";
    g_autoptr(Reply) reply = hub_commit (hub, "alice/refs", hub->alice, del);
    g_autoptr(Reply) tree = NULL;

    g_assert_cmpuint (reply->status, ==, 200);
    tree = hub_call (hub, "GET", "/api/models/alice/refs/tree/main?recursive=true", NULL, NULL, NULL, 0);
    g_assert_cmpuint (json_array_get_length (json_node_get_array (tree->json)), ==, 1);
  }

  /* The main branch stays. */
  {
    g_autoptr(Reply) reply = hub_call (hub, "DELETE", "/api/models/alice/refs/branch/main", hub->alice,
                                       NULL, NULL, 0);
    g_assert_cmpuint (reply->status, ==, 403);
  }
}

static void
test_listing_and_settings (Hub           *hub,
                           gconstpointer  data)
{
  g_autofree char *next = NULL;
  guint total = 0;

  for (guint i = 0; i < 5; i++)
    {
      g_autofree char *body = g_strdup_printf ("{\"name\":\"model-%u\"}", i);
      hub_create_repo (hub, hub->alice, body);
    }
  hub_create_repo (hub, hub->bob, "{\"name\":\"other\"}");

  /* Pages of two, followed through Link until there is none. */
  next = g_strdup ("/api/models?author=alice&limit=2");
  while (next != NULL)
    {
      g_autoptr(Reply) reply = hub_call (hub, "GET", next, NULL, NULL, NULL, 0);
      const char *link = soup_message_headers_get_one (reply->headers, "Link");

      g_assert_cmpuint (reply->status, ==, 200);
      total += json_array_get_length (json_node_get_array (reply->json));
      g_clear_pointer (&next, g_free);
      if (link != NULL)
        {
          g_assert_true (g_str_has_prefix (link, "<http://"));
          next = g_strndup (link + 1, strchr (link, '>') - link - 1);
        }
    }
  g_assert_cmpuint (total, ==, 5);

  {
    g_autoptr(Reply) reply = hub_call (hub, "GET", "/api/models?search=model-3", NULL, NULL, NULL, 0);
    g_assert_cmpuint (json_array_get_length (json_node_get_array (reply->json)), ==, 1);
  }

  /* Settings: private, then gated. */
  {
    g_autoptr(Reply) reply = hub_call (hub, "PUT", "/api/models/alice/model-1/settings", hub->alice, NULL,
                                       "{\"visibility\":\"private\",\"gated\":\"manual\"}", -1);
    g_autoptr(Reply) anon = hub_call (hub, "GET", "/api/models/alice/model-1", NULL, NULL, NULL, 0);
    g_autoptr(Reply) mine = hub_call (hub, "GET", "/api/models/alice/model-1", hub->alice, NULL, NULL, 0);

    g_assert_cmpuint (reply->status, ==, 200);
    g_assert_cmpuint (anon->status, ==, 401);
    g_assert_cmpstr (reply_string (mine, "gated"), ==, "manual");
  }
  {
    g_autoptr(Reply) reply = hub_call (hub, "PUT", "/api/models/alice/model-2/settings", hub->bob, NULL,
                                       "{\"private\":true}", -1);
    g_autoptr(Reply) bad = hub_call (hub, "PUT", "/api/models/alice/model-2/settings", hub->alice, NULL,
                                     "{\"gated\":\"sometimes\"}", -1);
    g_assert_cmpuint (reply->status, ==, 403);
    g_assert_cmpuint (bad->status, ==, 400);
  }

  /* Deleting: the repository is gone, its name free again. */
  {
    g_autoptr(Reply) reply = hub_call (hub, "DELETE", "/api/repos/delete", hub->alice, NULL,
                                       "{\"name\":\"model-4\",\"type\":\"model\"}", -1);
    g_autoptr(Reply) gone = hub_call (hub, "GET", "/api/models/alice/model-4", hub->alice, NULL, NULL, 0);
    g_assert_cmpuint (reply->status, ==, 200);
    g_assert_cmpuint (gone->status, ==, 404);
    hub_create_repo (hub, hub->alice, "{\"name\":\"model-4\"}");
  }
}

static guint
resolve_status (Hub        *hub,
                const char *path)
{
  g_autoptr(Reply) reply = hub_call (hub, "GET", path, hub->alice, NULL, NULL, 0);

  return reply->status;
}

static void
commit_one (Hub        *hub,
            const char *repo,
            const char *path,
            const char *content)
{
  g_autofree char *op = file_op (path, content);
  g_autofree char *payload = ndjson_commit ("one file", NULL, op);
  g_autoptr(Reply) reply = hub_commit (hub, repo, hub->alice, payload);

  g_assert_cmpuint (reply->status, ==, 200);
}

/* The hub keeps repositories open between requests: one deleted and
 * made again under its name, or moved, is never answered from what was
 * kept of the old one. */
static void
test_repos_kept_open (Hub           *hub,
                      gconstpointer  data)
{
  hub_create_repo (hub, hub->alice, "{\"name\":\"kept\"}");
  commit_one (hub, "alice/kept", "old.txt", "the first repository");
  for (guint i = 0; i < 3; i++)
    g_assert_cmpuint (resolve_status (hub, "/alice/kept/resolve/main/old.txt"), ==, 200);

  {
    g_autoptr(Reply) reply = hub_call (hub, "DELETE", "/api/repos/delete", hub->alice, NULL,
                                       "{\"name\":\"kept\",\"type\":\"model\"}", -1);
    g_assert_cmpuint (reply->status, ==, 200);
  }
  g_assert_cmpuint (resolve_status (hub, "/alice/kept/resolve/main/old.txt"), ==, 404);
  hub_create_repo (hub, hub->alice, "{\"name\":\"kept\"}");
  commit_one (hub, "alice/kept", "new.txt", "the second repository");
  g_assert_cmpuint (resolve_status (hub, "/alice/kept/resolve/main/old.txt"), ==, 404);
  g_assert_cmpuint (resolve_status (hub, "/alice/kept/resolve/main/new.txt"), ==, 200);
  {
    g_autoptr(Reply) commits = hub_call (hub, "GET", "/api/models/alice/kept/commits/main", hub->alice, NULL,
                                         NULL, 0);
    g_assert_cmpuint (commits->status, ==, 200);
    /* Its own two commits: the first and the one above. */
    g_assert_cmpuint (json_array_get_length (json_node_get_array (commits->json)), ==, 2);
  }

  /* Moved: the new name answers with it, a new repository under the old
   * name knows nothing of it. */
  {
    g_autoptr(Reply) reply = hub_call (hub, "POST", "/api/repos/move", hub->alice, NULL,
                                       "{\"fromRepo\":\"alice/kept\",\"toRepo\":\"alice/moved\","
                                       "\"type\":\"model\"}", -1);
    g_assert_cmpuint (reply->status, ==, 200);
  }
  g_assert_cmpuint (resolve_status (hub, "/alice/moved/resolve/main/new.txt"), ==, 200);
  hub_create_repo (hub, hub->alice, "{\"name\":\"kept\"}");
  g_assert_cmpuint (resolve_status (hub, "/alice/kept/resolve/main/new.txt"), ==, 404);
  commit_one (hub, "alice/kept", "third.txt", "the third repository");
  g_assert_cmpuint (resolve_status (hub, "/alice/kept/resolve/main/third.txt"), ==, 200);
  g_assert_cmpuint (resolve_status (hub, "/alice/moved/resolve/main/third.txt"), ==, 404);
}

static void
test_paths_info_and_raw (Hub           *hub,
                         gconstpointer  data)
{
  g_autofree char *op = file_op ("a b/é.txt", "hello");
  g_autofree char *payload = ndjson_commit ("unicode", NULL, op);

  hub_create_repo (hub, hub->alice, "{\"name\":\"pi\"}");
  {
    g_autoptr(Reply) reply = hub_commit (hub, "alice/pi", hub->alice, payload);
    g_assert_cmpuint (reply->status, ==, 200);
  }

  /* The form body huggingface_hub sends, with a path that does not exist. */
  {
    g_autoptr(Reply) reply = hub_call (hub, "POST", "/api/models/alice/pi/paths-info/main", NULL,
                                       "application/x-www-form-urlencoded",
                                       "paths=a+b%2F%C3%A9.txt&paths=nope&paths=a+b&expand=true", -1);
    JsonArray *entries = json_node_get_array (reply->json);
    JsonObject *file;

    g_assert_cmpuint (reply->status, ==, 200);
    g_assert_cmpuint (json_array_get_length (entries), ==, 2);
    file = json_array_get_object_element (entries, 0);
    g_assert_cmpstr (json_object_get_string_member (file, "path"), ==, "a b/é.txt");
    g_assert_cmpint (json_object_get_int_member (file, "size"), ==, 5);
    g_assert_true (json_object_has_member (file, "lastCommit"));
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (entries, 1), "type"),
                     ==, "directory");
  }

  /* HEAD answers with the headers and no body. */
  {
    g_autoptr(Reply) reply = hub_call (hub, "HEAD", "/alice/pi/resolve/main/a%20b/%C3%A9.txt", NULL, NULL, NULL, 0);
    g_assert_cmpuint (reply->status, ==, 200);
    g_assert_cmpint (soup_message_headers_get_content_length (reply->headers), ==, 5);
    g_assert_nonnull (soup_message_headers_get_one (reply->headers, "ETag"));
    g_assert_nonnull (soup_message_headers_get_one (reply->headers, "X-Repo-Commit"));
    g_assert_cmpuint (g_bytes_get_size (reply->body), ==, 0);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Hub, NULL, hub_setup, func, hub_teardown)
  ADD ("/server/api/hostile-paths", test_hostile_paths);
  ADD ("/server/api/repos-kept-open", test_repos_kept_open);
  ADD ("/server/api/malformed-commits", test_malformed_commits);
  ADD ("/server/api/lfs-not-uploaded", test_lfs_not_uploaded);
  ADD ("/server/api/upload-checks", test_upload_checks);
  ADD ("/server/api/repo-names", test_repo_names);
  ADD ("/server/api/body-bounds", test_body_bounds);
  ADD ("/server/api/privacy", test_privacy);
  ADD ("/server/api/concurrent-commits", test_concurrent_commits);
  ADD ("/server/api/stale-parent", test_stale_parent);
  ADD ("/server/api/validate-yaml", test_validate_yaml);
  ADD ("/server/api/card-data-and-moves", test_card_data_and_moves);
  ADD ("/server/api/refs-tags-prs", test_refs_tags_prs);
  ADD ("/server/api/listing-and-settings", test_listing_and_settings);
  ADD ("/server/api/paths-info-and-raw", test_paths_info_and_raw);
#undef ADD

  return g_test_run ();
}
