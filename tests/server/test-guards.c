/* test-guards.c — JSON from elsewhere is bounded before it is parsed, on
 * both ends of the wire: the hub's request bodies, and the answers and
 * error bodies the client reads from a server
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <libsoup/soup.h>

#include "vitrine-client.h"
#include "vitrine-error.h"
#include "vitrine-json.h"
#include "../test-util.h"

static char *
nested (guint depth)
{
  char *text = g_malloc (2 * depth + 1);

  memset (text, '[', depth);
  memset (text + depth, ']', depth);
  text[2 * depth] = '\0';
  return text;
}

static void
test_parse_bounds (void)
{
  g_autofree char *deepest = nested (VITRINE_JSON_MAX_DEPTH);
  g_autofree char *deeper = nested (VITRINE_JSON_MAX_DEPTH + 1);
  g_autofree char *million = nested (1000000);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) ok = NULL;
  g_autoptr(JsonNode) refused = NULL;

  ok = vitrine_json_parse (deepest, strlen (deepest), 0, &error);
  g_assert_no_error (error);
  g_assert_nonnull (ok);

  refused = vitrine_json_parse (deeper, strlen (deeper), 0, &error);
  g_assert_null (refused);
  g_assert_error (error, VITRINE_ERROR, VITRINE_ERROR_TOO_LARGE);
  g_clear_error (&error);

  /* A million levels: refused, not a crash. */
  g_assert_null (vitrine_json_parse (million, strlen (million), 0, &error));
  g_assert_error (error, VITRINE_ERROR, VITRINE_ERROR_TOO_LARGE);
  g_clear_error (&error);

  /* Longer than allowed: refused before it is read. */
  g_assert_null (vitrine_json_parse ("{\"a\":1}", 7, 6, &error));
  g_assert_error (error, VITRINE_ERROR, VITRINE_ERROR_TOO_LARGE);
  g_clear_error (&error);

  g_assert_null (vitrine_json_parse ("{\"a\":", 5, 0, &error));
  g_assert_error (error, VITRINE_ERROR, VITRINE_ERROR_INVALID_ARGUMENT);
}

/* ---- A hostile server, and the client reading it ----------------------- */

typedef enum
{
  ANSWER_DEEP,          /* 200, a million levels of arrays */
  ANSWER_DEEP_ERROR,    /* 400, an error body nested 60,000 deep */
  ANSWER_HUGE,          /* 200, more JSON than any answer may be */
} Answer;

static void
hostile_cb (SoupServer        *server,
            SoupServerMessage *msg,
            const char        *path,
            GHashTable        *query,
            gpointer           user_data)
{
  Answer answer = GPOINTER_TO_INT (user_data);
  char *body;
  gsize len;

  switch (answer)
    {
    case ANSWER_DEEP:
      body = nested (1000000);
      len = strlen (body);
      soup_server_message_set_status (msg, 200, NULL);
      break;
    case ANSWER_DEEP_ERROR:
      {
        g_autofree char *inside = nested (60000);
        body = g_strdup_printf ("{\"error\":%s}", inside);
        len = strlen (body);
        soup_server_message_set_status (msg, 400, NULL);
      }
      break;
    case ANSWER_HUGE:
    default:
      len = VITRINE_JSON_MAX_ANSWER + 1024 * 1024;
      body = g_malloc (len);
      memset (body, ' ', len);
      body[0] = '{';
      body[len - 1] = '}';
      soup_server_message_set_status (msg, 200, NULL);
      break;
    }
  soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_TAKE, body, len);
}

typedef struct
{
  char          *url;
  VitrineWhoami *whoami;
  GError        *error;
  gboolean       done;
} Call;

static gpointer
call_thread (gpointer data)
{
  Call *call = data;
  g_autoptr(VitrineClient) client = vitrine_client_new (call->url, "hf_aaaaaaaaaaaaaaaaaaaaaaaa");

  vitrine_client_set_retry (client, 0, 1, 1);
  call->whoami = vitrine_client_whoami (client, NULL, &call->error);
  g_atomic_int_set (&call->done, TRUE);
  g_main_context_wakeup (NULL);
  return NULL;
}

/* The client, in a thread of its own, asks a server that answers as
 * @answer says; the main thread serves. */
static GError *
ask_hostile_server (Answer answer)
{
  g_autoptr(SoupServer) server = soup_server_new (NULL, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GThread) thread = NULL;
  GSList *uris;
  Call call = { 0 };

  soup_server_add_handler (server, NULL, hostile_cb, GINT_TO_POINTER (answer), NULL);
  g_assert_true (soup_server_listen_local (server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error));
  g_assert_no_error (error);
  uris = soup_server_get_uris (server);
  call.url = g_strdup_printf ("http://127.0.0.1:%d", g_uri_get_port (uris->data));
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);

  thread = g_thread_new ("client", call_thread, &call);
  while (!g_atomic_int_get (&call.done))
    g_main_context_iteration (NULL, TRUE);
  g_thread_join (g_steal_pointer (&thread));
  g_assert_null (call.whoami);
  g_free (call.url);
  return call.error;
}

static void
test_client_deep_answer (void)
{
  g_autoptr(GError) error = ask_hostile_server (ANSWER_DEEP);

  g_assert_error (error, VITRINE_ERROR, VITRINE_ERROR_PROTOCOL);
}

static void
test_client_deep_error_body (void)
{
  g_autoptr(GError) error = ask_hostile_server (ANSWER_DEEP_ERROR);

  /* The status still says what happened; the body is not read as JSON. */
  g_assert_nonnull (error);
  g_assert_true (error->domain == VITRINE_ERROR);
  g_assert_cmpint (error->code, !=, VITRINE_ERROR_PROTOCOL);
}

static void
test_client_huge_answer (void)
{
  g_autoptr(GError) error = ask_hostile_server (ANSWER_HUGE);

  g_assert_error (error, VITRINE_ERROR, VITRINE_ERROR_PROTOCOL);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/guards/json/parse-bounds", test_parse_bounds);
  g_test_add_func ("/guards/client/deep-answer", test_client_deep_answer);
  g_test_add_func ("/guards/client/deep-error-body", test_client_deep_error_body);
  g_test_add_func ("/guards/client/huge-answer", test_client_huge_answer);

  return g_test_run ();
}
