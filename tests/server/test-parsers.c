/* test-parsers.c — the local hub's parsers of what clients send: the Range
 * header, the NDJSON commit payload and JSON bodies, on their own and
 * over HTTP
 *
 * The cases marked "fuzz" are what the fuzz targets found.
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "hub-fixture.h"
#include "vitrine-commit-payload.h"
#include "vitrine-error.h"
#include "vitrine-http-range.h"
#include "vitrine-server-request.h"

static void
test_range (void)
{
  const struct {
    const char *header;
    guint64     size;
    gboolean    ok;
    guint64     start;
    guint64     length;
  } cases[] = {
    { "bytes=0-0", 10, TRUE, 0, 1 },
    { "bytes=2-5", 10, TRUE, 2, 4 },
    { "bytes=2-", 10, TRUE, 2, 8 },
    { "bytes=2-100", 10, TRUE, 2, 8 },
    { "bytes=-3", 10, TRUE, 7, 3 },
    { "bytes=-30", 10, TRUE, 0, 10 },
    { "bytes=0-99999999999999999999999", 10, TRUE, 0, 10 },
    { "bytes=-99999999999999999999999", 10, TRUE, 0, 10 },
    { "bytes=10-", 10, FALSE },
    { "bytes=5-2", 10, FALSE },
    { "bytes=-0", 10, FALSE },
    { "bytes=0-0", 0, FALSE },
    { "bytes=-1", 0, FALSE },
    { "bytes=0-1,4-5", 10, FALSE },
    { "bytes=", 10, FALSE },
    { "bytes=-", 10, FALSE },
    { "bytes=1-2x", 10, FALSE },
    { "items=0-1", 10, FALSE },
    /* fuzz: signs and spaces were read as part of the numbers */
    { "bytes=--2", 10, FALSE },
    { "bytes=-+2", 10, FALSE },
    { "bytes=+1-2", 10, FALSE },
    { "bytes=1-+2", 10, FALSE },
    { "bytes=1--2", 10, FALSE },
    { "bytes= 1-2", 10, FALSE },
    { "bytes=1- 2", 10, FALSE },
    { "bytes=- 2", 10, FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      guint64 start = G_MAXUINT64, length = G_MAXUINT64;
      gboolean ok = vitrine_http_range_parse (cases[i].header, cases[i].size, &start, &length);

      g_test_message ("%s on %" G_GUINT64_FORMAT " bytes", cases[i].header, cases[i].size);
      g_assert_cmpint (ok, ==, cases[i].ok);
      if (ok)
        {
          g_assert_cmpuint (start, ==, cases[i].start);
          g_assert_cmpuint (length, ==, cases[i].length);
        }
    }
}

static void
test_commit_payload (void)
{
  const char *good =
    "{\"key\":\"header\",\"value\":{\"summary\":\"  Add  \",\"description\":\"Why\",\"parentCommit\":\"abcdef0\"}}\r\n"
    "\n"
    "{\"key\":\"file\",\"value\":{\"path\":\"a/b.txt\",\"content\":\"aGk=\"}}\n"
    "{\"key\":\"file\",\"value\":{\"path\":\"c.txt\",\"content\":\"h\\u00e9\",\"encoding\":\"utf-8\"}}\n"
    "{\"key\":\"lfsFile\",\"value\":{\"path\":\"w.bin\",\"algo\":\"sha256\",\"size\":4,"
    "\"oid\":\"9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08\"}}\n"
    "{\"key\":\"deletedFile\",\"value\":{\"path\":\"old.txt\"}}\n"
    "{\"key\":\"deletedFolder\",\"value\":{\"path\":\"logs\"}}";
  g_autoptr(GError) error = NULL;
  g_autoptr(VitrineCommitPayload) payload = vitrine_commit_payload_parse (good, strlen (good), &error);
  VitrineOp *op;

  g_assert_no_error (error);
  g_assert_cmpstr (payload->summary, ==, "Add");
  g_assert_cmpstr (payload->description, ==, "Why");
  g_assert_cmpstr (payload->parent_commit, ==, "abcdef0");
  g_assert_cmpuint (payload->ops->len, ==, 5);
  op = g_ptr_array_index (payload->ops, 0);
  g_assert_cmpint (op->kind, ==, VITRINE_OP_FILE);
  g_assert_cmpmem (g_bytes_get_data (op->content, NULL), g_bytes_get_size (op->content), "hi", 2);
  op = g_ptr_array_index (payload->ops, 1);
  g_assert_cmpmem (g_bytes_get_data (op->content, NULL), g_bytes_get_size (op->content), "h\xc3\xa9", 3);
  op = g_ptr_array_index (payload->ops, 2);
  g_assert_cmpint (op->kind, ==, VITRINE_OP_LFS_FILE);
  g_assert_cmpuint (op->lfs_size, ==, 4);
  g_assert_cmpint (((VitrineOp *) g_ptr_array_index (payload->ops, 3))->kind, ==, VITRINE_OP_DELETE_FILE);
  g_assert_cmpint (((VitrineOp *) g_ptr_array_index (payload->ops, 4))->kind, ==, VITRINE_OP_DELETE_FOLDER);
}

static void
test_commit_payload_refused (void)
{
  const struct {
    const char *payload;
    int         code;
    const char *message_part;
  } cases[] = {
    { "", VITRINE_ERROR_INVALID_ARGUMENT, "Empty commit payload" },
    { "\n\r\n", VITRINE_ERROR_INVALID_ARGUMENT, "Empty commit payload" },
    { "{\"key\":\"file\",\"value\":{}}", VITRINE_ERROR_INVALID_ARGUMENT, "must start with a header" },
    { "{\"key\":\"header\",\"value\":{\"summary\":\" \"}}", VITRINE_ERROR_INVALID_ARGUMENT, "summary is empty" },
    { "{\"key\":\"header\",\"value\":{\"summary\":\"s\",\"parentCommit\":\"xyz\"}}", VITRINE_ERROR_INVALID_ARGUMENT,
      "parentCommit" },
    { "{\"key\":\"header\",\"value\":{\"summary\":\"s\"}}\n{\"key\":\"file\",\"value\":{\"path\":\"../x\",\"content\":\"\"}}",
      VITRINE_ERROR_INVALID_PATH, NULL },
    { "{\"key\":\"header\",\"value\":{\"summary\":\"s\"}}\n{\"key\":\"file\",\"value\":{\"path\":\"x\",\"content\":\"!\"}}",
      VITRINE_ERROR_INVALID_ARGUMENT, "base64" },
    { "{\"key\":\"header\",\"value\":{\"summary\":\"s\"}}\n{\"key\":\"move\",\"value\":{\"path\":\"x\"}}",
      VITRINE_ERROR_INVALID_ARGUMENT, "Unknown operation: move" },
    { "{\"key\":\"header\",\"value\":{\"summary\":\"s\\u0000\"}}", VITRINE_ERROR_INVALID_ARGUMENT, "NUL" },
    /* fuzz: JSON-GLib quotes the bytes of a bad escape in its message */
    { "2{\"key\":\"hea\\uder\",\"value\":{\"summary\":\"Large\"}}", VITRINE_ERROR_INVALID_ARGUMENT, "line 1" },
    /* fuzz: a lone UTF-16 surrogate became bytes that are not UTF-8 */
    { "{\"key\":\"header\",\"value\":{\"summary\":\"bad \\ud800x\"}}", VITRINE_ERROR_INVALID_ARGUMENT,
      "not valid UTF-8" },
    { "{\"key\":\"header\",\"value\":{\"summary\":\"s\",\"description\":\"\\udbff.\"}}", VITRINE_ERROR_INVALID_ARGUMENT,
      "not valid UTF-8" },
    { "{\"key\":\"header\",\"value\":{\"summary\":\"s\"}}\n{\"key\":\"\\ud800x\",\"value\":{\"path\":\"x\"}}",
      VITRINE_ERROR_INVALID_ARGUMENT, "Unknown operation" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(VitrineCommitPayload) payload =
        vitrine_commit_payload_parse (cases[i].payload, strlen (cases[i].payload), &error);

      g_test_message ("%s", cases[i].payload);
      g_assert_null (payload);
      g_assert_error (error, VITRINE_ERROR, cases[i].code);
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
      if (cases[i].message_part != NULL)
        g_assert_nonnull (strstr (error->message, cases[i].message_part));
    }
}

/* The same, through the hub: refused, the answer valid JSON, and nothing
 * committed; a signed range is not served. */
static void
test_parsers_over_http (Hub           *hub,
                        gconstpointer  data)
{
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  const char *payloads[] = {
    "{\"key\":\"header\",\"value\":{\"summary\":\"bad \\ud800x\"}}\n",
    "2{\"key\":\"hea\\uder\",\"value\":{\"summary\":\"Large\"}}\n",
  };

  hub_create_repo (hub, hub->alice, "{\"name\":\"parsed\"}");
  before = hub_head (hub, "alice/parsed");
  for (guint i = 0; i < G_N_ELEMENTS (payloads); i++)
    {
      g_autoptr(Reply) reply = hub_commit (hub, "alice/parsed", hub->alice, payloads[i]);

      g_assert_cmpuint (reply->status, ==, 400);
      g_assert_nonnull (reply_string (reply, "error"));
      g_assert_true (g_utf8_validate (reply_string (reply, "error"), -1, NULL));
    }
  after = hub_head (hub, "alice/parsed");
  g_assert_cmpstr (before, ==, after);

  {
    g_autofree char *url = g_strconcat (hub->url, "/alice/parsed/resolve/main/.gitattributes", NULL);
    g_autoptr(Reply) whole = hub_call (hub, "GET", url, NULL, NULL, NULL, 0);
    g_autofree char *unsatisfied = NULL;
    g_autoptr(Reply) reply = NULL;
    Pending *p = g_new0 (Pending, 1);

    g_assert_cmpuint (whole->status, ==, 200);
    unsatisfied = g_strdup_printf ("bytes */%" G_GSIZE_FORMAT, g_bytes_get_size (whole->body));
    p->msg = soup_message_new ("GET", url);
    p->reply = g_new0 (Reply, 1);
    soup_message_headers_replace (soup_message_get_request_headers (p->msg), "Range", "bytes=--2");
    soup_session_send_and_read_async (hub->session, p->msg, G_PRIORITY_DEFAULT, NULL, pending_done_cb, p);
    reply = hub_finish (p);
    g_assert_cmpuint (reply->status, ==, 416);
    g_assert_cmpstr (soup_message_headers_get_one (reply->headers, "Content-Range"), ==, unsatisfied);
  }
}

static char *
nested (guint       depth,
        const char *inside)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < depth; i++)
    g_string_append_c (text, i % 2 == 0 ? '[' : '{');
  g_string_append (text, inside);
  for (guint i = depth; i > 0; i--)
    g_string_append_c (text, (i - 1) % 2 == 0 ? ']' : '}');
  return g_string_free (text, FALSE);
}

static void
test_json_depth (void)
{
  g_autofree char *deepest = nested (VITRINE_JSON_MAX_DEPTH, "");
  g_autofree char *deeper = nested (VITRINE_JSON_MAX_DEPTH + 1, "");
  g_autofree char *quoted = g_strdup_printf ("{\"a\":\"%s\\\"[[\"}", deeper);

  g_assert_false (vitrine_json_too_deep (deepest, strlen (deepest)));
  g_assert_true (vitrine_json_too_deep (deeper, strlen (deeper)));
  /* Brackets in strings, escaped quotes included, do not count. */
  g_assert_false (vitrine_json_too_deep (quoted, strlen (quoted)));
}

/* A body nested a million deep took the whole hub down (JSON-GLib reads
 * nesting by recursion, on a worker thread's stack): now it is refused,
 * on every route that reads JSON, and the hub goes on answering. */
static void
test_deep_json_over_http (Hub           *hub,
                          gconstpointer  data)
{
  gsize depth = 1000000;
  g_autofree char *deep = g_malloc (depth + 1);
  g_autofree char *commit = NULL;

  memset (deep, '[', depth);
  deep[depth] = '\0';
  hub_create_repo (hub, hub->alice, "{\"name\":\"deep\"}");
  {
    g_autoptr(Reply) reply = hub_call (hub, "POST", "/api/validate-yaml", NULL, NULL, deep, depth);

    g_assert_cmpuint (reply->status, ==, 400);
    g_assert_nonnull (strstr (reply_string (reply, "error"), "nested too deeply"));
  }
  {
    g_autoptr(Reply) reply = hub_call (hub, "POST", "/api/models/alice/deep/paths-info/main", hub->alice, NULL,
                                       deep, depth);

    g_assert_cmpuint (reply->status, ==, 200);
    g_assert_cmpuint (json_array_get_length (json_node_get_array (reply->json)), ==, 0);
  }
  /* Every other route that reads JSON: refused, nothing changed. */
  {
    const char *routes[][2] = {
      { "POST", "/api/repos/create" },
      { "DELETE", "/api/repos/delete" },
      { "POST", "/api/repos/move" },
      { "PUT", "/api/models/alice/deep/settings" },
      { "POST", "/api/models/alice/deep/preupload/main" },
      { "POST", "/api/models/alice/deep/tag/main" },
      { "POST", "/api/models/alice/deep/branch/b" },
      { "POST", "/alice/deep.git/info/lfs/objects/batch" },
    };

    for (guint i = 0; i < G_N_ELEMENTS (routes); i++)
      {
        g_autoptr(Reply) reply = hub_call (hub, routes[i][0], routes[i][1], hub->alice, NULL, deep, depth);

        if (reply->status != 400 && reply->status != 422)
          g_error ("%s %s answered %u", routes[i][0], routes[i][1], reply->status);
      }
  }
  commit = g_strconcat ("{\"key\":\"header\",\"value\":{\"summary\":\"s\"}}\n", deep, "\n", NULL);
  {
    g_autoptr(Reply) reply = hub_commit (hub, "alice/deep", hub->alice, commit);

    g_assert_cmpuint (reply->status, ==, 400);
    g_assert_nonnull (strstr (reply_string (reply, "error"), "Line 2 of the commit payload is nested too deeply"));
  }
  {
    g_autoptr(Reply) reply = hub_call (hub, "GET", "/api/whoami-v2", hub->alice, NULL, NULL, 0);

    g_assert_cmpuint (reply->status, ==, 200);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/server/parsers/range", test_range);
  g_test_add_func ("/server/parsers/commit-payload", test_commit_payload);
  g_test_add_func ("/server/parsers/commit-payload-refused", test_commit_payload_refused);
  g_test_add_func ("/server/parsers/json-depth", test_json_depth);
  g_test_add ("/server/parsers/over-http", Hub, NULL, hub_setup, test_parsers_over_http, hub_teardown);
  g_test_add ("/server/parsers/deep-json", Hub, NULL, hub_setup, test_deep_json_over_http, hub_teardown);

  return g_test_run ();
}
