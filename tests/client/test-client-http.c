/* test-client-http.c — the client's HTTP behaviour: errors as the hub
 * says them, redirects that never carry the token to another origin, and
 * downloads that resume where they stopped
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "../server/hub-fixture.h"
#include "vitrine-client.h"
#include "vitrine-error.h"
#include "vitrine-publish.h"

#define SECRET "hf_secretsecretsecretsecret"
#define COMMIT "0123456789abcdef0123456789abcdef01234567"

/* Serves the main context until the call is back. */
static GAsyncResult *
await (GAsyncResult **result)
{
  while (!test_has_result (result))
    g_main_context_iteration (NULL, TRUE);
  return *result;
}

static char *
listen_url (SoupServer *server)
{
  g_autoptr(GError) error = NULL;
  GSList *uris;
  char *url;

  g_assert_true (soup_server_listen_local (server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error));
  g_assert_no_error (error);
  uris = soup_server_get_uris (server);
  url = g_strdup_printf ("http://127.0.0.1:%d", g_uri_get_port (uris->data));
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);
  return url;
}

/* ---- Errors ----------------------------------------------------------- */

static void
publish_done_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  GError **error = user_data;
  VitrinePublishResult out = { 0 };

  g_assert_false (vitrine_publisher_run_finish (VITRINE_PUBLISHER (source), result, &out, error));
  g_assert_nonnull (*error);
}

static void
test_errors (void)
{
  g_autofree char *cache = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *readme = NULL;
  g_autoptr(VitrineClient) anonymous = NULL;
  g_autoptr(VitrineClient) wrong = NULL;
  g_autoptr(VitrineClient) reader = NULL;
  g_autoptr(VitrineClient) alice = NULL;
  g_autoptr(GError) error = NULL;
  Hub hub;

  hub_setup (&hub, NULL);
  anonymous = vitrine_client_new (hub.url, NULL);
  wrong = vitrine_client_new (hub.url, "hf_doesnotexistdoesnotexist");
  reader = vitrine_client_new (hub.url, hub.alice_ro);
  alice = vitrine_client_new (hub.url, hub.alice);

  /* No token: not signed in, and no request to tell. */
  {
    g_autoptr(GAsyncResult) result = NULL;

    vitrine_client_whoami_async (anonymous, NULL, test_keep_result_cb, &result);
    g_assert_null (vitrine_client_whoami_finish (anonymous, await (&result), &error));
    g_assert_error (error, VITRINE_ERROR, VITRINE_ERROR_UNAUTHORIZED);
    g_clear_error (&error);
  }

  /* A token the hub does not know. */
  {
    g_autoptr(GAsyncResult) result = NULL;

    vitrine_client_whoami_async (wrong, NULL, test_keep_result_cb, &result);
    g_assert_null (vitrine_client_whoami_finish (wrong, await (&result), &error));
    g_assert_error (error, VITRINE_ERROR, VITRINE_ERROR_UNAUTHORIZED);
    g_assert_cmpuint (vitrine_error_get_status (error), ==, 401);
    /* The token never appears in what the user is told. */
    g_assert_null (strstr (error->message, "hf_doesnotexist"));
    g_clear_error (&error);
  }

  /* A repository that is not there: the hub's own code. */
  {
    g_autoptr(GAsyncResult) result = NULL;

    vitrine_client_repo_info_async (alice, VITRINE_REPO_TYPE_MODEL, "alice/none", NULL, NULL,
                                    test_keep_result_cb, &result);
    g_assert_null (vitrine_client_repo_info_finish (alice, await (&result), &error));
    g_assert_error (error, VITRINE_ERROR, VITRINE_ERROR_REPO_NOT_FOUND);
    g_assert_cmpstr (vitrine_error_get_hub_code (error), ==, "RepoNotFound");
    g_clear_error (&error);
  }

  /* A read token cannot publish: a clear error, nothing written. */
  cache = g_build_filename (hub.tmp, "hashes", NULL);
  folder = g_build_filename (hub.tmp, "folder", NULL);
  readme = g_build_filename (folder, "README.md", NULL);
  g_mkdir_with_parents (folder, 0755);
  g_assert_true (g_file_set_contents (readme, "# Read only\n", -1, NULL));
  {
    g_autoptr(VitrinePublisher) publisher = vitrine_publisher_new (reader, VITRINE_REPO_TYPE_MODEL, "alice/ro",
                                                                   folder);

    vitrine_publisher_set_hash_cache (publisher, cache);
    vitrine_publisher_run_async (publisher, NULL, publish_done_cb, &error);
    while (error == NULL)
      g_main_context_iteration (NULL, TRUE);
    g_assert_error (error, VITRINE_ERROR, VITRINE_ERROR_FORBIDDEN);
  }

  g_clear_object (&anonymous);
  g_clear_object (&wrong);
  g_clear_object (&reader);
  g_clear_object (&alice);
  hub_teardown (&hub, NULL);
}

/* ---- Redirects -------------------------------------------------------- */

/* Server A is the endpoint: it sends everything to server B, as the Hub
 * sends large files to its storage. */
typedef struct
{
  char    *url_b;
  char    *seen_auth_a;
  char    *seen_auth_b;
  GBytes  *file;
} Redirect;

static void
server_a_cb (SoupServer        *server,
             SoupServerMessage *msg,
             const char        *path,
             GHashTable        *query,
             gpointer           user_data)
{
  Redirect *r = user_data;
  g_autofree char *location = g_strconcat (r->url_b, path, NULL);

  g_free (r->seen_auth_a);
  r->seen_auth_a = g_strdup (soup_message_headers_get_one (soup_server_message_get_request_headers (msg),
                                                           "Authorization"));
  /* Only the endpoint knows which commit a revision is. */
  soup_message_headers_replace (soup_server_message_get_response_headers (msg), "X-Repo-Commit", COMMIT);
  soup_server_message_set_redirect (msg, 302, location);
}

static void
server_b_cb (SoupServer        *server,
             SoupServerMessage *msg,
             const char        *path,
             GHashTable        *query,
             gpointer           user_data)
{
  Redirect *r = user_data;
  const char *auth = soup_message_headers_get_one (soup_server_message_get_request_headers (msg), "Authorization");

  g_free (r->seen_auth_b);
  r->seen_auth_b = g_strdup (auth != NULL ? auth : "(none)");
  soup_server_message_set_status (msg, 200, NULL);
  if (g_str_has_suffix (path, "/whoami-v2"))
    soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_STATIC,
                                      "{\"name\":\"b\",\"auth\":{}}", 22);
  else
    soup_server_message_set_response (msg, "application/octet-stream", SOUP_MEMORY_COPY,
                                      g_bytes_get_data (r->file, NULL), g_bytes_get_size (r->file));
}

static void
test_redirect_drops_token (void)
{
  g_autoptr(SoupServer) a = soup_server_new (NULL, NULL);
  g_autoptr(SoupServer) b = soup_server_new (NULL, NULL);
  g_autoptr(VitrineClient) client = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *url_a = NULL;
  g_autofree char *tmp = g_dir_make_tmp ("vitrine-redirect-XXXXXX", NULL);
  g_autofree char *destination = g_build_filename (tmp, "weights.bin", NULL);
  Redirect r = { 0 };

  r.file = g_bytes_new_static ("the bytes of the file", 21);
  soup_server_add_handler (a, NULL, server_a_cb, &r, NULL);
  soup_server_add_handler (b, NULL, server_b_cb, &r, NULL);
  url_a = listen_url (a);
  r.url_b = listen_url (b);
  client = vitrine_client_new (url_a, SECRET);

  /* A plain request. */
  {
    g_autoptr(GAsyncResult) result = NULL;
    g_autoptr(VitrineWhoami) answer = NULL;

    vitrine_client_whoami_async (client, NULL, test_keep_result_cb, &result);
    answer = vitrine_client_whoami_finish (client, await (&result), &error);
    g_assert_no_error (error);
    g_assert_cmpstr (vitrine_whoami_get_name (answer), ==, "b");
    g_assert_cmpstr (r.seen_auth_a, ==, "Bearer " SECRET);
    g_assert_cmpstr (r.seen_auth_b, ==, "(none)");
  }

  /* A download, streamed, through the same loop. */
  g_clear_pointer (&r.seen_auth_a, g_free);
  g_clear_pointer (&r.seen_auth_b, g_free);
  {
    g_autoptr(GAsyncResult) result = NULL;
    g_autofree char *commit_id = NULL;
    g_autofree char *content = NULL;
    gsize len;

    vitrine_client_download_file_async (client, VITRINE_REPO_TYPE_MODEL, "alice/model", NULL, "weights.bin",
                                        destination, NULL, NULL, NULL, test_keep_result_cb, &result);
    g_assert_true (vitrine_client_download_file_finish (client, await (&result), &commit_id, NULL, &error));
    g_assert_no_error (error);
    g_assert_cmpstr (r.seen_auth_a, ==, "Bearer " SECRET);
    g_assert_cmpstr (r.seen_auth_b, ==, "(none)");
    /* The endpoint's answer named the commit; the storage's did not. */
    g_assert_cmpstr (commit_id, ==, COMMIT);
    g_assert_true (g_file_get_contents (destination, &content, &len, NULL));
    g_assert_cmpmem (content, len, "the bytes of the file", 21);
  }

  g_free (r.seen_auth_a);
  g_free (r.seen_auth_b);
  g_free (r.url_b);
  g_bytes_unref (r.file);
  test_rm_rf (tmp);
}

/* ---- Resumed downloads ------------------------------------------------ */

#define FILE_SIZE (200 * 1000)
#define CUT_AT (70 * 1000)

/* A server by hand, to break a connection in the middle of an answer. */
typedef struct
{
  guint8  *data;
  GMutex   lock;
  GArray  *ranges;     /* where each request started: 0, or its Range */
  guint    requests;
} Flaky;

static gboolean
flaky_run_cb (GThreadedSocketService *service,
              GSocketConnection      *connection,
              GObject                *source,
              gpointer                user_data)
{
  Flaky *flaky = user_data;
  g_autoptr(GDataInputStream) in = g_data_input_stream_new (g_io_stream_get_input_stream (G_IO_STREAM (connection)));
  GOutputStream *out = g_io_stream_get_output_stream (G_IO_STREAM (connection));
  g_autofree char *head = NULL;
  guint64 from = 0;
  guint request;

  for (;;)
    {
      g_autofree char *line = g_data_input_stream_read_line (in, NULL, NULL, NULL);

      if (line == NULL || *g_strstrip (line) == '\0')
        break;
      if (g_ascii_strncasecmp (line, "Range: bytes=", 13) == 0)
        from = g_ascii_strtoull (line + 13, NULL, 10);
    }
  g_mutex_lock (&flaky->lock);
  request = flaky->requests++;
  g_array_append_val (flaky->ranges, from);
  g_mutex_unlock (&flaky->lock);

  if (from > 0)
    head = g_strdup_printf ("HTTP/1.1 206 Partial Content\r\nContent-Length: %u\r\n"
                            "Content-Range: bytes %" G_GUINT64_FORMAT "-%u/%u\r\nETag: \"e\"\r\n"
                            "Connection: close\r\n\r\n",
                            (guint) (FILE_SIZE - from), from, FILE_SIZE - 1, FILE_SIZE);
  else
    head = g_strdup_printf ("HTTP/1.1 200 OK\r\nContent-Length: %u\r\nETag: \"e\"\r\n"
                            "Connection: close\r\n\r\n", FILE_SIZE);
  g_output_stream_write_all (out, head, strlen (head), NULL, NULL, NULL);
  /* The first answer breaks off after CUT_AT bytes; the others are whole. */
  g_output_stream_write_all (out, flaky->data + from,
                             (request == 0 ? CUT_AT : FILE_SIZE) - from, NULL, NULL, NULL);
  g_io_stream_close (G_IO_STREAM (connection), NULL, NULL);
  return TRUE;
}

static void
test_download_resumes (void)
{
  g_autoptr(GSocketService) service = g_threaded_socket_service_new (4);
  g_autoptr(VitrineClient) client = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *tmp = g_dir_make_tmp ("vitrine-resume-XXXXXX", NULL);
  g_autofree char *destination = g_build_filename (tmp, "model.bin", NULL);
  g_autofree char *partial = g_strconcat (destination, ".incomplete", NULL);
  g_autofree char *url = NULL;
  g_autofree char *content = NULL;
  gsize len;
  guint16 port;
  Flaky flaky = { 0 };

  flaky.data = g_malloc (FILE_SIZE);
  for (guint i = 0; i < FILE_SIZE; i++)
    flaky.data[i] = (guint8) (i * 7 + i / 251);
  flaky.ranges = g_array_new (FALSE, FALSE, sizeof (guint64));
  g_mutex_init (&flaky.lock);
  port = g_socket_listener_add_any_inet_port (G_SOCKET_LISTENER (service), NULL, &error);
  g_assert_no_error (error);
  g_signal_connect (service, "run", G_CALLBACK (flaky_run_cb), &flaky);
  g_socket_service_start (service);
  url = g_strdup_printf ("http://127.0.0.1:%u", port);
  client = vitrine_client_new (url, SECRET);
  vitrine_client_set_retry (client, 3, 10, 50);

  /* Cut short at CUT_AT: the client asks for the rest, and only the rest. */
  {
    g_autoptr(GAsyncResult) result = NULL;

    vitrine_client_download_file_async (client, VITRINE_REPO_TYPE_MODEL, "alice/model", NULL, "model.bin",
                                        destination, NULL, NULL, NULL, test_keep_result_cb, &result);
    g_assert_true (vitrine_client_download_file_finish (client, await (&result), NULL, NULL, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (flaky.ranges->len, ==, 2);
    g_assert_cmpuint (g_array_index (flaky.ranges, guint64, 0), ==, 0);
    g_assert_cmpuint (g_array_index (flaky.ranges, guint64, 1), ==, CUT_AT);
    g_assert_true (g_file_get_contents (destination, &content, &len, NULL));
    g_assert_cmpmem (content, len, flaky.data, FILE_SIZE);
    g_assert_false (g_file_test (partial, G_FILE_TEST_EXISTS));
  }

  /* What an earlier run left in DESTINATION.incomplete is kept too. */
  g_clear_pointer (&content, g_free);
  g_unlink (destination);
  g_assert_true (g_file_set_contents (partial, (const char *) flaky.data, 1000, NULL));
  {
    g_autoptr(GAsyncResult) result = NULL;

    vitrine_client_download_file_async (client, VITRINE_REPO_TYPE_MODEL, "alice/model", NULL, "model.bin",
                                        destination, NULL, NULL, NULL, test_keep_result_cb, &result);
    g_assert_true (vitrine_client_download_file_finish (client, await (&result), NULL, NULL, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (flaky.ranges->len, ==, 3);
    g_assert_cmpuint (g_array_index (flaky.ranges, guint64, 2), ==, 1000);
    g_assert_true (g_file_get_contents (destination, &content, &len, NULL));
    g_assert_cmpmem (content, len, flaky.data, FILE_SIZE);
  }

  g_socket_service_stop (service);
  g_socket_listener_close (G_SOCKET_LISTENER (service));
  g_array_unref (flaky.ranges);
  g_mutex_clear (&flaky.lock);
  g_free (flaky.data);
  test_rm_rf (tmp);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/client/http/errors", test_errors);
  g_test_add_func ("/client/http/redirect-drops-token", test_redirect_drops_token);
  g_test_add_func ("/client/http/download-resumes", test_download_resumes);

  return g_test_run ();
}
