/* space-fixture.h — what the Space runner's tests share: a real
 * vitrine-hub (this computer's hub, started as the application starts it),
 * Spaces written to folders and published to it, runs waited for, and
 * HTTP requests to what they serve
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <string.h>
#include <gio/gio.h>
#include <glib/gstdio.h>

#include "vitrine-local-hub.h"
#include "vitrine-publish.h"
#include "vitrine-space-run.h"
#include "process-util.h"
#include "../test-util.h"

/* Generous: a loaded machine makes virtual environments slowly. */
#define SPACE_TIMEOUT_S 240

/* Debian's interpreter: it has python3-venv, and python3-flask. */
#define TEST_PYTHON "/usr/bin/python3"

/* The data of the tests that want a hub. */
static const char space_fixture_with_hub[] = "with a hub";
#define WITH_HUB ((gconstpointer) space_fixture_with_hub)

typedef struct
{
  char            *tmp;
  char            *cache;
  VitrineLocalHub *hub;
  VitrineClient   *client;
  char            *user;
} SpaceFixture;

static inline void
space_fixture_set_up (SpaceFixture  *f,
                      gconstpointer  data)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *hub_dir = NULL;

  f->tmp = test_isolate_home ("vitrine-spaces-XXXXXX");
  f->cache = g_build_filename (f->tmp, "cache", NULL);
  if (data != WITH_HUB)
    return;
  hub_dir = g_build_filename (f->tmp, "hub", NULL);
  f->hub = vitrine_local_hub_new (hub_dir);
  vitrine_local_hub_start_async (f->hub, NULL, test_keep_result_cb, &result);
  while (!test_has_result (&result))
    g_main_context_iteration (NULL, TRUE);
  f->client = vitrine_local_hub_start_finish (f->hub, result, &error);
  g_assert_no_error (error);
  f->user = g_strdup (vitrine_local_hub_get_user_name (f->hub));
}

static inline void
space_fixture_tear_down (SpaceFixture  *f,
                         gconstpointer  data)
{
  g_clear_object (&f->client);
  if (f->hub != NULL)
    vitrine_local_hub_stop (f->hub);
  g_clear_object (&f->hub);
  test_rm_rf (f->tmp);
  g_free (f->tmp);
  g_free (f->cache);
  g_free (f->user);
}


/* Writes @contents to @dir/@name, making the folders on the way. */
static inline void
write_file (const char *dir,
            const char *name,
            const char *contents)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autofree char *parent = g_path_get_dirname (path);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir_with_parents (parent, 0755), ==, 0);
  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
}

static inline char *
read_file (const char *dir,
           const char *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  char *contents = NULL;

  if (!g_file_get_contents (path, &contents, NULL, NULL))
    return NULL;
  return contents;
}

/* A new folder for a Space under the fixture's. */
static inline char *
space_folder (SpaceFixture *f,
              const char   *name)
{
  char *dir = g_build_filename (f->tmp, "spaces", name, NULL);

  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);
  return dir;
}

/* Publishes @folder to the hub as @repo (`NAME`, under the user). */
static inline char *
publish (SpaceFixture    *f,
         VitrineRepoType  type,
         const char      *name,
         const char      *folder,
         const char      *sdk)
{
  g_autofree char *repo = g_strdup_printf ("%s/%s", f->user, name);
  g_autofree char *cards = g_build_filename (f->tmp, "cards", NULL);
  g_autoptr(VitrinePublisher) publisher = vitrine_publisher_new (f->client, type, repo, folder);
  VitrinePublishResult result = { 0 };
  g_autoptr(GError) error = NULL;

  vitrine_publisher_set_cards_dir (publisher, cards);
  vitrine_publisher_set_replace_card (publisher, TRUE);
  vitrine_publisher_set_delete_remote (publisher, TRUE);
  vitrine_publisher_set_message (publisher, "Publish from the Space tests", NULL);
  if (sdk != NULL)
    vitrine_publisher_set_sdk (publisher, sdk);
  g_assert_true (vitrine_publisher_run (publisher, &result, NULL, &error));
  g_assert_no_error (error);
  vitrine_publish_result_clear (&result);
  return g_steal_pointer (&repo);
}

static inline VitrineSpaceOptions *
test_options (void)
{
  VitrineSpaceOptions *options = vitrine_space_options_new ();

  vitrine_space_options_set_python (options, TEST_PYTHON);
  vitrine_space_options_set_container_engine (options, "none");
  return options;
}

static inline gboolean
run_not_running (gpointer data)
{
  return vitrine_space_run_get_state (data) != VITRINE_SPACE_STATE_RUNNING;
}

/* Iterates the main context until @done (@data) or the timeout. */
static inline void
wait_for (gboolean (*done) (gpointer),
          gpointer  data)
{
  gint64 deadline = g_get_monotonic_time () + (gint64) SPACE_TIMEOUT_S * G_USEC_PER_SEC;

  while (!done (data))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, FALSE);
      if (!done (data))
        g_usleep (5 * 1000);
    }
}

/* Starts @run and waits for its start to finish; TRUE when running.
 * @ms: (out) (optional): how long that took */
static inline gboolean
start_run (VitrineSpaceRun  *run,
           GError          **error,
           double           *ms)
{
  g_autoptr(GAsyncResult) result = NULL;
  gint64 begin = g_get_monotonic_time ();
  gboolean ok;

  vitrine_space_run_start_async (run, NULL, test_keep_result_cb, &result);
  wait_for (test_has_result, &result);
  ok = vitrine_space_run_start_finish (run, result, error);
  if (ms != NULL)
    *ms = (g_get_monotonic_time () - begin) / 1000.0;
  return ok;
}

static inline void
stop_run (VitrineSpaceRun *run)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  vitrine_space_run_stop_async (run, NULL, test_keep_result_cb, &result);
  wait_for (test_has_result, &result);
  g_assert_true (vitrine_space_run_stop_finish (run, result, &error));
  g_assert_no_error (error);
  g_assert_cmpint (vitrine_space_run_get_state (run), ==, VITRINE_SPACE_STATE_STOPPED);
}

/* Whether the log holds a line containing @needle. */
static inline gboolean
log_has (VitrineSpaceRun *run,
         const char      *needle)
{
  GListModel *log = G_LIST_MODEL (vitrine_space_run_get_log (run));

  for (guint i = 0; i < g_list_model_get_n_items (log); i++)
    {
      g_autoptr(VitrineLogLine) line = g_list_model_get_item (log, i);

      if (strstr (vitrine_log_line_get_text (line), needle) != NULL)
        return TRUE;
    }
  return FALSE;
}

/* ---- HTTP, in a thread while the main context runs --------------------- */

typedef struct
{
  char   *url;
  char   *request_path;  /* sent as it is, when set */
  guint   status;
  char   *body;
  gint    done;
} Get;

static gpointer
get_thread (gpointer data)
{
  Get *get = data;
  g_autoptr(GUri) uri = g_uri_parse (get->url, G_URI_FLAGS_ENCODED, NULL);
  g_autoptr(GSocketClient) client = g_socket_client_new ();
  g_autoptr(GSocketConnection) connection = NULL;
  g_autoptr(GByteArray) all = g_byte_array_new ();
  g_autofree char *request = NULL;
  const char *path;
  const char *query;
  char buffer[4096];
  gssize n;

  g_assert_nonnull (uri);
  g_socket_client_set_timeout (client, 60);
  connection = g_socket_client_connect_to_host (client, g_uri_get_host (uri), g_uri_get_port (uri), NULL, NULL);
  if (connection != NULL)
    {
      path = get->request_path != NULL ? get->request_path : g_uri_get_path (uri);
      query = g_uri_get_query (uri);
      request = g_strdup_printf ("GET %s%s%s HTTP/1.0\r\nHost: %s:%d\r\nConnection: close\r\n\r\n",
                                 path[0] != '\0' ? path : "/", query != NULL ? "?" : "", query != NULL ? query : "",
                                 g_uri_get_host (uri), g_uri_get_port (uri));
      g_output_stream_write_all (g_io_stream_get_output_stream (G_IO_STREAM (connection)), request,
                                 strlen (request), NULL, NULL, NULL);
      while ((n = g_input_stream_read (g_io_stream_get_input_stream (G_IO_STREAM (connection)), buffer,
                                       sizeof buffer, NULL, NULL)) > 0)
        g_byte_array_append (all, (const guint8 *) buffer, n);
      g_byte_array_append (all, (const guint8 *) "", 1);
      if (sscanf ((const char *) all->data, "HTTP/1.%*d %u", &get->status) == 1)
        {
          const char *body = strstr ((const char *) all->data, "\r\n\r\n");

          get->body = g_strdup (body != NULL ? body + 4 : "");
        }
    }
  g_atomic_int_set (&get->done, 1);
  g_main_context_wakeup (NULL);
  return NULL;
}

static inline gboolean
get_done (gpointer data)
{
  return g_atomic_int_get (&((Get *) data)->done) != 0;
}

/* GETs @url (with @raw_path as the request's path when given); returns
 * the body and sets @status (0: no answer). */
static inline char *
http_get_raw (const char *url,
              const char *raw_path,
              guint      *status)
{
  Get get = { .url = (char *) url, .request_path = (char *) raw_path };
  GThread *thread = g_thread_new ("get", get_thread, &get);

  wait_for (get_done, &get);
  g_thread_join (thread);
  if (status != NULL)
    *status = get.status;
  return get.body;
}

static inline char *
http_get (const char *url,
          guint      *status)
{
  return http_get_raw (url, NULL, status);
}
