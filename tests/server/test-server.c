/* test-server.c — the local hub answers over real HTTP
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <signal.h>
#include <sys/stat.h>
#include <glib/gstdio.h>
#include <libsoup/soup.h>

#include "vitrine-error.h"
#include "vitrine-server.h"
#include "../test-util.h"

typedef struct
{
  SoupMessage *msg;
  GBytes      *body;
  GError      *error;
  gboolean     done;
} Request;

static void
request_done_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  Request *req = user_data;

  req->body = soup_session_send_and_read_finish (SOUP_SESSION (source), result, &req->error);
  req->done = TRUE;
}

/* Sends a request and runs the main loop, which the in-process server needs,
 * until the answer is in. */
static GBytes *
request (SoupSession  *session,
         const char   *method,
         const char   *url,
         SoupMessage **out_msg)
{
  Request req = { 0 };

  req.msg = soup_message_new (method, url);
  g_assert_nonnull (req.msg);
  soup_session_send_and_read_async (session, req.msg, G_PRIORITY_DEFAULT, NULL,
                                    request_done_cb, &req);
  while (!req.done)
    g_main_context_iteration (NULL, TRUE);

  g_assert_no_error (req.error);
  *out_msg = req.msg;
  return req.body;
}

static char *
make_data_dir (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *tmp = g_dir_make_tmp ("vitrine-hub-XXXXXX", &error);

  g_assert_no_error (error);
  /* A folder that does not exist yet: the server makes it. */
  return g_build_filename (tmp, "data", NULL);
}

static void
remove_data_dir (const char *data_dir)
{
  g_autofree char *parent = g_path_get_dirname (data_dir);

  test_rm_rf (parent);
}

static void
test_server_error_shape (void)
{
  g_autofree char *data_dir = make_data_dir ();
  g_autoptr(VitrineServer) server = vitrine_server_new (data_dir);
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(SoupMessage) msg = NULL;
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GError) parsed = NULL;
  g_autofree char *url = NULL;
  g_autofree char *whoami = NULL;
  g_autofree char *missing = NULL;
  SoupMessageHeaders *headers;
  GStatBuf st;

  g_assert_true (vitrine_server_listen (server, "127.0.0.1", 0, &error));
  g_assert_no_error (error);

  /* The data folder is created, private to its owner. */
  g_assert_cmpint (g_stat (data_dir, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);

  url = vitrine_server_dup_url (server);
  g_assert_true (g_str_has_prefix (url, "http://127.0.0.1:"));
  g_assert_cmpuint (vitrine_server_get_port (server), >, 0);

  /* Anonymous whoami: the Hub's observed 401 shape. */
  whoami = g_strconcat (url, "/api/whoami-v2", NULL);
  body = request (session, "GET", whoami, &msg);
  headers = soup_message_get_response_headers (msg);
  g_assert_cmpuint (soup_message_get_status (msg), ==, 401);
  g_assert_cmpstr (soup_message_headers_get_one (headers, "X-Error-Message"), ==,
                   "Invalid username or password.");
  g_assert_nonnull (soup_message_headers_get_one (headers, "WWW-Authenticate"));
  g_assert_true (g_str_has_prefix (soup_message_headers_get_content_type (headers, NULL),
                                   "application/json"));

  /* The client side of the protocol reads what the server side wrote. */
  parsed = vitrine_error_new_from_response (soup_message_get_status (msg),
                                            soup_message_headers_get_one (headers, "X-Error-Code"),
                                            soup_message_headers_get_one (headers, "X-Error-Message"),
                                            soup_message_headers_get_content_type (headers, NULL),
                                            body);
  g_assert_error (parsed, VITRINE_ERROR, VITRINE_ERROR_UNAUTHORIZED);
  g_assert_cmpstr (parsed->message, ==, "Invalid username or password.");
  g_clear_object (&msg);
  g_clear_pointer (&body, g_bytes_unref);
  g_clear_error (&parsed);

  /* Unknown routes get a 404 in the same shape. */
  missing = g_strconcat (url, "/api/no-such-route", NULL);
  body = request (session, "GET", missing, &msg);
  g_assert_cmpuint (soup_message_get_status (msg), ==, 404);
  headers = soup_message_get_response_headers (msg);
  parsed = vitrine_error_new_from_response (soup_message_get_status (msg),
                                            soup_message_headers_get_one (headers, "X-Error-Code"),
                                            soup_message_headers_get_one (headers, "X-Error-Message"),
                                            soup_message_headers_get_content_type (headers, NULL),
                                            body);
  g_assert_error (parsed, VITRINE_ERROR, VITRINE_ERROR_NOT_FOUND);
  g_assert_cmpstr (vitrine_error_get_server_message (parsed), !=, NULL);

  g_clear_object (&server);
  remove_data_dir (data_dir);
}

static void
test_server_refuses_bad_host (void)
{
  g_autofree char *data_dir = make_data_dir ();
  g_autoptr(VitrineServer) server = vitrine_server_new (data_dir);
  g_autoptr(GError) error = NULL;

  g_assert_false (vitrine_server_listen (server, "not-an-address", 0, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_assert_null (vitrine_server_dup_url (server));

  g_clear_object (&server);
  remove_data_dir (data_dir);
}

/* The `vitrine-hub` program: prints its URL when ready, writes the port
 * file, answers, and stops cleanly on SIGTERM. */
static void
test_server_program (void)
{
  const char *exe = g_getenv ("VITRINE_HUB_EXE");
  g_autofree char *data_dir = make_data_dir ();
  g_autofree char *port_file = NULL;
  g_autofree char *port_text = NULL;
  g_autofree char *line = NULL;
  g_autofree char *whoami = NULL;
  g_autoptr(GSubprocess) proc = NULL;
  g_autoptr(GDataInputStream) out = NULL;
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autoptr(SoupMessage) msg = NULL;
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *parent = g_path_get_dirname (data_dir);

  g_assert_nonnull (exe);
  port_file = g_build_filename (parent, "port", NULL);

  proc = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error,
                           exe, "serve", "--data-dir", data_dir,
                           "--port", "0", "--port-file", port_file, NULL);
  g_assert_no_error (error);

  out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (proc));
  line = g_data_input_stream_read_line_utf8 (out, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (line);
  g_assert_true (g_str_has_prefix (line, "http://127.0.0.1:"));

  g_assert_true (g_file_get_contents (port_file, &port_text, NULL, &error));
  g_assert_no_error (error);
  g_strstrip (port_text);
  g_assert_true (g_str_has_suffix (line, port_text));

  whoami = g_strconcat (line, "/api/whoami-v2", NULL);
  body = request (session, "GET", whoami, &msg);
  g_assert_cmpuint (soup_message_get_status (msg), ==, 401);

  g_subprocess_send_signal (proc, SIGTERM);
  g_assert_true (g_subprocess_wait (proc, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (proc));
  g_assert_cmpint (g_subprocess_get_exit_status (proc), ==, 0);

  g_unlink (port_file);
  remove_data_dir (data_dir);
}

static void
test_server_program_usage (void)
{
  const char *exe = g_getenv ("VITRINE_HUB_EXE");
  struct {
    const char *argv[6];
    int expected_status;
    const char *expected_message;
  } cases[] = {
    { { "serve", NULL }, 2, "--data-dir" },
    { { "serve", "--data-dir", "/tmp/x", "--port", "70000", NULL }, 2, "--port" },
    { { "serve", "--data-dir", "/proc/forbidden/x", NULL }, 1, "/proc/forbidden/x" },
    { { "frobnicate", NULL }, 2, "vitrine-hub serve" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GPtrArray) argv = g_ptr_array_new ();
      g_autoptr(GSubprocess) proc = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *err = NULL;

      g_ptr_array_add (argv, (char *) exe);
      for (guint j = 0; cases[i].argv[j] != NULL; j++)
        g_ptr_array_add (argv, (char *) cases[i].argv[j]);
      g_ptr_array_add (argv, NULL);

      proc = g_subprocess_newv ((const char * const *) argv->pdata,
                                G_SUBPROCESS_FLAGS_STDOUT_SILENCE | G_SUBPROCESS_FLAGS_STDERR_PIPE,
                                &error);
      g_assert_no_error (error);
      g_assert_true (g_subprocess_communicate_utf8 (proc, NULL, NULL, NULL, &err, &error));
      g_assert_no_error (error);
      g_assert_cmpint (g_subprocess_get_exit_status (proc), ==, cases[i].expected_status);
      g_assert_nonnull (strstr (err, cases[i].expected_message));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/server/http/error-shape", test_server_error_shape);
  g_test_add_func ("/server/http/refuses-bad-host", test_server_refuses_bad_host);
  g_test_add_func ("/server/program/serve", test_server_program);
  g_test_add_func ("/server/program/usage", test_server_program_usage);

  return g_test_run ();
}
