/* test-faults.c — the faults tests inject in the local hub, and what the
 * hub says about them
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "hub-fixture.h"

static void
hub_setup_with_faults (Hub        *hub,
                       const char *faults)
{
  g_setenv ("VITRINE_HUB_FAULTS", faults, TRUE);
  hub_setup (hub, NULL);
  g_unsetenv ("VITRINE_HUB_FAULTS");
}

static JsonObject *
report_rule (Reply *report,
             guint  i)
{
  JsonArray *rules = json_object_get_array_member (json_node_get_object (report->json), "rules");

  return json_array_get_object_element (rules, i);
}

/* A hub started without faults has no report: nothing tells a client
 * about a testing switch. */
static void
test_faults_report_only_with_faults (void)
{
  Hub hub = { 0 };
  g_autoptr(Reply) reply = NULL;

  g_unsetenv ("VITRINE_HUB_FAULTS");
  hub_setup (&hub, NULL);
  reply = hub_call (&hub, "GET", "/api/-/faults", hub.alice, NULL, NULL, 0);
  g_assert_cmpuint (reply->status, ==, 404);
  hub_teardown (&hub, NULL);
}

/* A status rule answers its error as many times as it says, then lets
 * requests through; its count says so, and that the request came again. */
static void
test_faults_status_counts (void)
{
  Hub hub = { 0 };
  JsonObject *rule;

  hub_setup_with_faults (&hub, "status:503:/whoami-v2:2:3;status:500:/never-asked/:1;status:500:/api/-/:5");

  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(Reply) reply = hub_call (&hub, "GET", "/api/whoami-v2", hub.alice, NULL, NULL, 0);

      g_assert_cmpuint (reply->status, ==, 503);
      g_assert_cmpstr (soup_message_headers_get_one (reply->headers, "Retry-After"), ==, "3");
    }
  {
    g_autoptr(Reply) report = hub_call (&hub, "GET", "/api/-/faults", NULL, NULL, NULL, 0);

    /* Not retried yet. */
    g_assert_cmpuint (report->status, ==, 200);
    rule = report_rule (report, 0);
    g_assert_cmpstr (json_object_get_string_member (rule, "rule"), ==, "status:503:/whoami-v2:2:3");
    g_assert_cmpstr (json_object_get_string_member (rule, "kind"), ==, "status");
    g_assert_cmpint (json_object_get_int_member (rule, "count"), ==, 2);
    g_assert_cmpint (json_object_get_int_member (rule, "fired"), ==, 2);
    g_assert_cmpint (json_object_get_int_member (rule, "retried"), ==, 0);
    g_assert_false (json_object_has_member (rule, "shortestRetryMs"));
  }
  {
    g_autoptr(Reply) reply = hub_call (&hub, "GET", "/api/whoami-v2", hub.alice, NULL, NULL, 0);

    g_assert_cmpuint (reply->status, ==, 200);
  }
  {
    g_autoptr(Reply) report = hub_call (&hub, "GET", "/api/-/faults", NULL, NULL, NULL, 0);

    /* Both broken requests were retried by the one that went through. */
    rule = report_rule (report, 0);
    g_assert_cmpint (json_object_get_int_member (rule, "fired"), ==, 2);
    g_assert_cmpint (json_object_get_int_member (rule, "retried"), ==, 2);
    g_assert_cmpint (json_object_get_int_member (rule, "shortestRetryMs"), >=, 0);
    /* A rule that matched nothing fired nothing; the report is never broken. */
    rule = report_rule (report, 1);
    g_assert_cmpint (json_object_get_int_member (rule, "fired"), ==, 0);
    g_assert_cmpint (json_object_get_int_member (rule, "retried"), ==, 0);
    rule = report_rule (report, 2);
    g_assert_cmpint (json_object_get_int_member (rule, "fired"), ==, 0);
  }
  hub_teardown (&hub, NULL);
}

static char *
upload_href (Hub        *hub,
             const char *oid,
             gsize       size)
{
  g_autofree char *body = g_strdup_printf ("{\"operation\":\"upload\",\"transfers\":[\"basic\"],"
                                           "\"objects\":[{\"oid\":\"%s\",\"size\":%" G_GSIZE_FORMAT "}]}",
                                           oid, size);
  g_autoptr(Reply) reply = hub_call (hub, "POST", "/alice/cut.git/info/lfs/objects/batch", hub->alice,
                                     "application/vnd.git-lfs+json", body, -1);
  JsonObject *object;

  g_assert_cmpuint (reply->status, ==, 200);
  object = json_array_get_object_element (json_object_get_array_member (json_node_get_object (reply->json),
                                                                        "objects"), 0);
  return g_strdup (json_object_get_string_member (json_object_get_object_member (
    json_object_get_object_member (object, "actions"), "upload"), "href"));
}

/* A drop-upload rule cuts an upload once enough of it is in, only uploads
 * that get that far, and counts the upload sent again. */
static void
test_faults_drop_counts (void)
{
  Hub hub = { 0 };
  g_autofree guint8 *content = g_malloc (300000);
  g_autofree char *oid = NULL;
  g_autofree char *small_oid = NULL;
  g_autofree char *href = NULL;
  g_autofree char *small_href = NULL;
  JsonObject *rule;

  for (guint i = 0; i < 300000; i++)
    content[i] = (guint8) (i * 13 + 5);
  oid = vitrine_sha256_hex (content, 300000);
  small_oid = vitrine_sha256_hex (content, 1000);

  hub_setup_with_faults (&hub, "drop-upload:100000:1");
  hub_create_repo (&hub, hub.alice, "{\"name\":\"cut\"}");

  /* Smaller than the rule's threshold: not cut, and the rule is not spent. */
  small_href = upload_href (&hub, small_oid, 1000);
  {
    g_autoptr(Reply) reply = hub_call (&hub, "PUT", small_href, NULL, "application/octet-stream", content, 1000);

    g_assert_cmpuint (reply->status, ==, 200);
  }

  href = upload_href (&hub, oid, 300000);
  {
    SoupSession *shared = hub.session;
    g_autoptr(Reply) reply = NULL;

    /* On a connection of its own: libsoup sends a request again by itself
     * when a connection it reused breaks. */
    hub.session = soup_session_new ();
    reply = hub_call (&hub, "PUT", href, NULL, "application/octet-stream", content, 300000);
    g_object_unref (hub.session);
    hub.session = shared;
    /* The connection was cut: no answer. */
    g_assert_cmpuint (reply->status, ==, 0);
  }
  {
    g_autoptr(Reply) report = hub_call (&hub, "GET", "/api/-/faults", NULL, NULL, NULL, 0);

    rule = report_rule (report, 0);
    g_assert_cmpstr (json_object_get_string_member (rule, "kind"), ==, "drop-upload");
    g_assert_cmpint (json_object_get_int_member (rule, "fired"), ==, 1);
    g_assert_cmpint (json_object_get_int_member (rule, "retried"), ==, 0);
  }
  {
    g_autoptr(Reply) reply = hub_call (&hub, "PUT", href, NULL, "application/octet-stream", content, 300000);

    g_assert_cmpuint (reply->status, ==, 200);
  }
  hub_assert_faults_fired (&hub, 1);
  hub_teardown (&hub, NULL);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/server/faults/report-only-with-faults", test_faults_report_only_with_faults);
  g_test_add_func ("/server/faults/status-counts", test_faults_status_counts);
  g_test_add_func ("/server/faults/drop-counts", test_faults_drop_counts);

  return g_test_run ();
}
