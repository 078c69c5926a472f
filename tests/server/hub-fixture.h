/* hub-fixture.h — a real local hub in the test process, and an HTTP client
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <string.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

#include "vitrine-accounts.h"
#include "vitrine-hash.h"
#include "vitrine-server.h"
#include "../test-util.h"

typedef struct
{
  char          *tmp;
  char          *data_dir;
  VitrineServer *server;
  char          *url;
  SoupSession   *session;
  char          *alice;     /* write token */
  char          *alice_ro;  /* read token */
  char          *bob;       /* write token, member of team with read */
} Hub;

typedef struct
{
  guint               status;
  GBytes             *body;
  SoupMessageHeaders *headers;
  JsonNode           *json;
} Reply;

static inline void
reply_free (Reply *reply)
{
  g_clear_pointer (&reply->body, g_bytes_unref);
  g_clear_pointer (&reply->headers, soup_message_headers_unref);
  g_clear_pointer (&reply->json, json_node_unref);
  g_free (reply);
}
G_DEFINE_AUTOPTR_CLEANUP_FUNC (Reply, reply_free)

static inline void
fixture_rm_rf (const char *path)
{
  test_rm_rf (path);
}

static inline void
hub_setup (Hub           *hub,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  const char *members[] = { "alice:write", "bob:read", NULL };

  hub->tmp = g_dir_make_tmp ("vitrine-test-XXXXXX", &error);
  g_assert_no_error (error);
  hub->data_dir = g_build_filename (hub->tmp, "data", NULL);
  g_assert_true (vitrine_accounts_add_user (hub->data_dir, "alice", &hub->alice, &error));
  g_assert_true (vitrine_accounts_add_token (hub->data_dir, "alice", VITRINE_ROLE_READ, NULL,
                                             &hub->alice_ro, &error));
  g_assert_true (vitrine_accounts_add_user (hub->data_dir, "bob", &hub->bob, &error));
  g_assert_true (vitrine_accounts_add_org (hub->data_dir, "team", members, &error));
  g_assert_no_error (error);

  hub->server = vitrine_server_new (hub->data_dir);
  g_assert_true (vitrine_server_listen (hub->server, "127.0.0.1", 0, &error));
  g_assert_no_error (error);
  hub->url = vitrine_server_dup_url (hub->server);
  hub->session = soup_session_new_with_options ("max-conns", 64, "max-conns-per-host", 64, NULL);
}

static inline void
hub_teardown (Hub           *hub,
              gconstpointer  data)
{
  g_clear_object (&hub->session);
  g_clear_object (&hub->server);
  fixture_rm_rf (hub->tmp);
  g_free (hub->tmp);
  g_free (hub->data_dir);
  g_free (hub->url);
  g_free (hub->alice);
  g_free (hub->alice_ro);
  g_free (hub->bob);
}

typedef struct
{
  SoupMessage *msg;
  Reply       *reply;
  gboolean     done;
} Pending;

static inline void
pending_done_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  Pending *p = user_data;
  g_autoptr(GError) error = NULL;

  p->reply->body = soup_session_send_and_read_finish (SOUP_SESSION (source), result, &error);
  /* A connection that failed (a server killed on purpose) is status 0. */
  if (p->reply->body == NULL)
    p->reply->body = g_bytes_new (NULL, 0);
  if (error != NULL)
    g_test_message ("request failed: %s", error->message);
  p->reply->status = error != NULL ? 0 : soup_message_get_status (p->msg);
  p->reply->headers = soup_message_headers_ref (soup_message_get_response_headers (p->msg));
  {
    const char *type = soup_message_headers_get_content_type (p->reply->headers, NULL);
    gsize len;
    const char *text = g_bytes_get_data (p->reply->body, &len);

    if (type != NULL && strstr (type, "json") != NULL && len > 0)
      {
        g_autoptr(JsonParser) parser = json_parser_new ();
        if (json_parser_load_from_data (parser, text, len, NULL))
          p->reply->json = json_node_ref (json_parser_get_root (parser));
      }
  }
  p->done = TRUE;
}

/* Starts a request; the answer arrives while the main loop runs. */
static inline Pending *
hub_start (Hub        *hub,
           const char *method,
           const char *path,
           const char *token,
           const char *content_type,
           const void *body,
           gssize      len)
{
  g_autofree char *url = g_str_has_prefix (path, "http") ? g_strdup (path) : g_strconcat (hub->url, path, NULL);
  Pending *p = g_new0 (Pending, 1);

  p->msg = soup_message_new (method, url);
  g_assert_nonnull (p->msg);
  p->reply = g_new0 (Reply, 1);
  if (token != NULL)
    {
      g_autofree char *auth = g_strconcat ("Bearer ", token, NULL);
      soup_message_headers_replace (soup_message_get_request_headers (p->msg), "Authorization", auth);
    }
  if (body != NULL)
    {
      g_autoptr(GBytes) bytes = g_bytes_new (body, len >= 0 ? (gsize) len : strlen (body));
      soup_message_set_request_body_from_bytes (p->msg, content_type != NULL ? content_type : "application/json",
                                                bytes);
    }
  soup_session_send_and_read_async (hub->session, p->msg, G_PRIORITY_DEFAULT, NULL, pending_done_cb, p);
  return p;
}

static inline Reply *
hub_finish (Pending *p)
{
  Reply *reply;

  while (!p->done)
    g_main_context_iteration (NULL, TRUE);
  reply = p->reply;
  g_object_unref (p->msg);
  g_free (p);
  return reply;
}

static inline Reply *
hub_call (Hub        *hub,
          const char *method,
          const char *path,
          const char *token,
          const char *content_type,
          const void *body,
          gssize      len)
{
  return hub_finish (hub_start (hub, method, path, token, content_type, body, len));
}

static inline const char *
reply_string (Reply      *reply,
              const char *member)
{
  JsonObject *object;

  if (reply->json == NULL || !JSON_NODE_HOLDS_OBJECT (reply->json))
    return NULL;
  object = json_node_get_object (reply->json);
  if (!json_object_has_member (object, member))
    return NULL;
  return json_object_get_string_member (object, member);
}

static inline void
hub_create_repo (Hub        *hub,
                 const char *token,
                 const char *json)
{
  g_autoptr(Reply) reply = hub_call (hub, "POST", "/api/repos/create", token, NULL, json, -1);

  g_assert_cmpuint (reply->status, ==, 200);
}

/* The head of a model repository's main branch. */
static inline char *
hub_head (Hub        *hub,
          const char *repo)
{
  g_autofree char *path = g_strdup_printf ("/api/models/%s", repo);
  g_autoptr(Reply) reply = hub_call (hub, "GET", path, hub->alice, NULL, NULL, 0);

  g_assert_cmpuint (reply->status, ==, 200);
  return g_strdup (reply_string (reply, "sha"));
}

static inline char *
ndjson_commit (const char *summary,
               const char *parent,
               const char *ops)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) header = NULL;
  g_autofree char *line = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "key");
  json_builder_add_string_value (builder, "header");
  json_builder_set_member_name (builder, "value");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "summary");
  json_builder_add_string_value (builder, summary);
  if (parent != NULL)
    {
      json_builder_set_member_name (builder, "parentCommit");
      json_builder_add_string_value (builder, parent);
    }
  json_builder_end_object (builder);
  json_builder_end_object (builder);
  header = json_builder_get_root (builder);
  line = json_to_string (header, FALSE);
  return g_strconcat (line, "\n", ops, NULL);
}

/* One NDJSON line adding a small file. */
static inline char *
file_op (const char *path,
         const char *content)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *b64 = g_base64_encode ((const guchar *) content, strlen (content));
  g_autofree char *line = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "key");
  json_builder_add_string_value (builder, "file");
  json_builder_set_member_name (builder, "value");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "path");
  json_builder_add_string_value (builder, path);
  json_builder_set_member_name (builder, "content");
  json_builder_add_string_value (builder, b64);
  json_builder_set_member_name (builder, "encoding");
  json_builder_add_string_value (builder, "base64");
  json_builder_end_object (builder);
  json_builder_end_object (builder);
  node = json_builder_get_root (builder);
  line = json_to_string (node, FALSE);
  return g_strconcat (line, "\n", NULL);
}

static inline Reply *
hub_commit (Hub        *hub,
            const char *repo,
            const char *token,
            const char *payload)
{
  g_autofree char *path = g_strdup_printf ("/api/models/%s/commit/main", repo);

  return hub_call (hub, "POST", path, token, "application/x-ndjson", payload, -1);
}

/* What a hub started with VITRINE_HUB_FAULTS says its faults did: each of
 * its @n_rules rules fired exactly as often as it was told to, and every
 * request it broke was sent again and then answered without an error (the
 * client retried).  A rule with a Retry-After waited at least that long
 * before its retry. */
static inline void
hub_assert_faults_fired (Hub   *hub,
                         guint  n_rules)
{
  g_autoptr(Reply) reply = hub_call (hub, "GET", "/api/-/faults", NULL, NULL, NULL, 0);
  JsonArray *rules;

  g_assert_cmpuint (reply->status, ==, 200);
  g_assert_nonnull (reply->json);
  rules = json_object_get_array_member (json_node_get_object (reply->json), "rules");
  g_assert_cmpuint (json_array_get_length (rules), ==, n_rules);
  for (guint i = 0; i < n_rules; i++)
    {
      JsonObject *rule = json_array_get_object_element (rules, i);
      const char *text = json_object_get_string_member (rule, "rule");
      gint64 count = json_object_get_int_member (rule, "count");
      gint64 fired = json_object_get_int_member (rule, "fired");
      gint64 retried = json_object_get_int_member (rule, "retried");
      g_auto(GStrv) fields = g_strsplit (text, ":", -1);

      g_test_message ("fault %s: fired %" G_GINT64_FORMAT ", retried %" G_GINT64_FORMAT, text, fired, retried);
      g_assert_cmpint (count, >, 0);
      g_assert_cmpint (fired, ==, count);
      g_assert_cmpint (retried, ==, fired);
      /* status:CODE:PATH_PART:COUNT:SECS */
      if (g_str_equal (fields[0], "status") && g_strv_length (fields) == 5)
        g_assert_cmpint (json_object_get_int_member (rule, "shortestRetryMs"), >=,
                         g_ascii_strtoll (fields[4], NULL, 10) * 1000 - 100);
    }
}
