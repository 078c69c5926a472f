/* test-crash.c — kill -9 the local hub in the middle of work: nothing
 * half-written is ever visible, and it comes back working
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <signal.h>
#include <sys/prctl.h>
#include <git2.h>

#include "hub-fixture.h"
#include "vitrine-lfs-pointer.h"

typedef struct
{
  Hub          hub;
  GSubprocess *proc;
} Crash;

/* The server dies with the test, even when the test aborts. */
static void
die_with_parent (gpointer user_data)
{
  prctl (PR_SET_PDEATHSIG, SIGKILL);
}

static void
start_server (Crash *c)
{
  const char *exe = g_getenv ("VITRINE_HUB_EXE");
  g_autoptr(GError) error = NULL;
  g_autoptr(GDataInputStream) out = NULL;
  g_autofree char *line = NULL;

  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE);

  g_assert_nonnull (exe);
  g_subprocess_launcher_set_child_setup (launcher, die_with_parent, NULL, NULL);
  c->proc = g_subprocess_launcher_spawn (launcher, &error,
                                         exe, "serve", "--data-dir", c->hub.data_dir, "--port", "0", NULL);
  g_assert_no_error (error);
  out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (c->proc));
  line = g_data_input_stream_read_line_utf8 (out, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (line);
  g_free (c->hub.url);
  c->hub.url = g_steal_pointer (&line);
}

static void
kill_server (Crash *c)
{
  g_subprocess_send_signal (c->proc, SIGKILL);
  g_subprocess_wait (c->proc, NULL, NULL);
  g_clear_object (&c->proc);
  /* Connections to the dead server must not be reused. */
  g_clear_object (&c->hub.session);
  c->hub.session = soup_session_new_with_options ("max-conns", 64, "max-conns-per-host", 64, NULL);
}

static void
crash_setup (Crash         *c,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  c->hub.tmp = g_dir_make_tmp ("vitrine-crash-XXXXXX", &error);
  g_assert_no_error (error);
  c->hub.data_dir = g_build_filename (c->hub.tmp, "data", NULL);
  g_assert_true (vitrine_accounts_add_user (c->hub.data_dir, "alice", &c->hub.alice, &error));
  c->hub.session = soup_session_new_with_options ("max-conns", 64, "max-conns-per-host", 64, NULL);
  start_server (c);
  git_libgit2_init ();
}

static void
crash_teardown (Crash         *c,
                gconstpointer  data)
{
  if (c->proc != NULL)
    {
      g_subprocess_send_signal (c->proc, SIGTERM);
      g_subprocess_wait (c->proc, NULL, NULL);
      g_clear_object (&c->proc);
    }
  g_clear_object (&c->hub.session);
  fixture_rm_rf (c->hub.tmp);
  g_free (c->hub.tmp);
  g_free (c->hub.data_dir);
  g_free (c->hub.url);
  g_free (c->hub.alice);
  git_libgit2_shutdown ();
}

static char *
object_path (Crash      *c,
             const char *oid)
{
  char a[3] = { oid[0], oid[1], 0 };
  char b[3] = { oid[2], oid[3], 0 };

  return g_build_filename (c->hub.data_dir, "lfs", "objects", a, b, oid, NULL);
}

/* Sends the headers and half of a large upload on a raw socket. */
static GSocketConnection *
half_upload (const char *href,
             gsize       size)
{
  g_autoptr(GUri) uri = g_uri_parse (href, G_URI_FLAGS_ENCODED, NULL);
  g_autoptr(GSocketClient) client = g_socket_client_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *request = NULL;
  g_autofree guint8 *zeros = g_malloc0 (1 << 20);
  GSocketConnection *conn;
  GOutputStream *out;

  conn = g_socket_client_connect_to_host (client, g_uri_get_host (uri), g_uri_get_port (uri), NULL, &error);
  g_assert_no_error (error);
  out = g_io_stream_get_output_stream (G_IO_STREAM (conn));
  request = g_strdup_printf ("PUT %s?%s HTTP/1.1\r\nHost: %s:%d\r\nContent-Length: %" G_GSIZE_FORMAT "\r\n\r\n",
                             g_uri_get_path (uri), g_uri_get_query (uri), g_uri_get_host (uri),
                             g_uri_get_port (uri), size);
  g_assert_true (g_output_stream_write_all (out, request, strlen (request), NULL, NULL, &error));
  for (gsize sent = 0; sent < size / 2; sent += 1 << 20)
    g_assert_true (g_output_stream_write_all (out, zeros, 1 << 20, NULL, NULL, &error));
  g_output_stream_flush (out, NULL, NULL);
  return conn;
}

static void
test_crash_during_upload (Crash         *c,
                          gconstpointer  data)
{
  gsize size = 64 << 20;
  g_autofree guint8 *zeros = g_malloc0 (size);
  g_autofree char *oid = vitrine_sha256_hex (zeros, size);
  g_autofree char *body = g_strdup_printf ("{\"operation\":\"upload\",\"transfers\":[\"basic\"],"
                                           "\"objects\":[{\"oid\":\"%s\",\"size\":%" G_GSIZE_FORMAT "}]}",
                                           oid, size);
  g_autofree char *object = object_path (c, oid);
  g_autoptr(GSocketConnection) conn = NULL;
  g_autofree char *href = NULL;

  hub_create_repo (&c->hub, c->hub.alice, "{\"name\":\"up\"}");
  {
    g_autoptr(Reply) reply = hub_call (&c->hub, "POST", "/alice/up.git/info/lfs/objects/batch",
                                       c->hub.alice, "application/vnd.git-lfs+json", body, -1);
    JsonObject *obj = json_array_get_object_element (
      json_object_get_array_member (json_node_get_object (reply->json), "objects"), 0);
    href = g_strdup (json_object_get_string_member (
      json_object_get_object_member (json_object_get_object_member (obj, "actions"), "upload"), "href"));
  }

  conn = half_upload (href, size);
  g_usleep (200 * 1000);
  kill_server (c);
  g_io_stream_close (G_IO_STREAM (conn), NULL, NULL);

  /* Half an object is never an object. */
  g_assert_false (g_file_test (object, G_FILE_TEST_EXISTS));

  start_server (c);
  g_assert_false (g_file_test (object, G_FILE_TEST_EXISTS));
  {
    g_autoptr(Reply) reply = hub_call (&c->hub, "POST", "/alice/up.git/info/lfs/objects/batch",
                                       c->hub.alice, "application/vnd.git-lfs+json", body, -1);
    JsonObject *obj = json_array_get_object_element (
      json_object_get_array_member (json_node_get_object (reply->json), "objects"), 0);
    g_assert_true (json_object_has_member (obj, "actions"));
    /* The new server has a new port: take the new URL. */
    g_free (href);
    href = g_strdup (json_object_get_string_member (
      json_object_get_object_member (json_object_get_object_member (obj, "actions"), "upload"), "href"));
  }
  /* The upload done again, whole, is accepted. */
  {
    g_autoptr(Reply) reply = hub_call (&c->hub, "PUT", href, NULL, "application/octet-stream", zeros, size);
    g_assert_cmpuint (reply->status, ==, 200);
    g_assert_true (g_file_test (object, G_FILE_TEST_EXISTS));
  }
}

static int
check_tree_cb (const char           *root,
               const git_tree_entry *entry,
               void                 *payload)
{
  git_repository *repo = payload;
  git_object *object = NULL;

  g_assert_cmpint (git_tree_entry_to_object (&object, repo, entry), ==, 0);
  git_object_free (object);
  return 0;
}

/* Every commit of main, its trees and blobs are all readable. */
static guint
check_repository (const char *git_dir)
{
  git_repository *repo = NULL;
  git_revwalk *walk = NULL;
  git_oid id;
  guint n = 0;

  g_assert_cmpint (git_repository_open_bare (&repo, git_dir), ==, 0);
  g_assert_cmpint (git_revwalk_new (&walk, repo), ==, 0);
  g_assert_cmpint (git_revwalk_push_ref (walk, "refs/heads/main"), ==, 0);
  while (git_revwalk_next (&id, walk) == 0)
    {
      git_commit *commit = NULL;
      git_tree *tree = NULL;

      g_assert_cmpint (git_commit_lookup (&commit, repo, &id), ==, 0);
      g_assert_cmpint (git_commit_tree (&tree, commit), ==, 0);
      g_assert_cmpint (git_tree_walk (tree, GIT_TREEWALK_PRE, check_tree_cb, repo), ==, 0);
      git_tree_free (tree);
      git_commit_free (commit);
      n++;
    }
  git_revwalk_free (walk);
  git_repository_free (repo);
  return n;
}

#define N_COMMITS 40

static void
test_crash_during_commits (Crash         *c,
                           gconstpointer  data)
{
  Pending *pending[N_COMMITS];
  gboolean succeeded[N_COMMITS] = { FALSE };
  g_autofree char *git_dir = g_build_filename (c->hub.data_dir, "repos", "models", "alice", "busy.git", NULL);
  guint done = 0, ok = 0, commits;

  hub_create_repo (&c->hub, c->hub.alice, "{\"name\":\"busy\"}");

  for (guint i = 0; i < N_COMMITS; i++)
    {
      g_autofree char *path = g_strdup_printf ("f%02u.txt", i);
      g_autofree char *op = file_op (path, path);
      g_autofree char *payload = ndjson_commit (path, NULL, op);

      pending[i] = hub_start (&c->hub, "POST", "/api/models/alice/busy/commit/main", c->hub.alice,
                              "application/x-ndjson", payload, -1);
    }

  /* Kill the server once a few commits are through, others in flight. */
  while (done < 8)
    {
      g_main_context_iteration (NULL, TRUE);
      done = 0;
      for (guint i = 0; i < N_COMMITS; i++)
        done += pending[i]->done;
    }
  g_subprocess_send_signal (c->proc, SIGKILL);
  g_subprocess_wait (c->proc, NULL, NULL);
  g_clear_object (&c->proc);

  /* Requests in flight to the dead server fail (status 0). */
  for (guint i = 0; i < N_COMMITS; i++)
    {
      g_autoptr(Reply) reply = hub_finish (pending[i]);

      if (reply->status == 200)
        {
          succeeded[i] = TRUE;
          ok++;
        }
    }
  g_assert_cmpuint (ok, >=, 8);

  /* The repository is whole, and every commit that was answered is in it. */
  commits = check_repository (git_dir);
  g_assert_cmpuint (commits, >=, ok + 1);

  g_clear_object (&c->hub.session);
  c->hub.session = soup_session_new ();
  start_server (c);
  for (guint i = 0; i < N_COMMITS; i++)
    if (succeeded[i])
      {
        g_autofree char *path = g_strdup_printf ("/alice/busy/resolve/main/f%02u.txt", i);
        g_autoptr(Reply) reply = hub_call (&c->hub, "GET", path, NULL, NULL, NULL, 0);
        g_assert_cmpuint (reply->status, ==, 200);
      }

  /* And it takes new commits: no lock was left behind. */
  {
    g_autofree char *op = file_op ("after.txt", "after");
    g_autofree char *payload = ndjson_commit ("after the crash", NULL, op);
    g_autoptr(Reply) reply = hub_commit (&c->hub, "alice/busy", c->hub.alice, payload);
    g_assert_cmpuint (reply->status, ==, 200);
  }
  g_assert_cmpuint (check_repository (git_dir), ==, commits + 1);
}

static void
test_one_server_per_folder (Crash         *c,
                            gconstpointer  data)
{
  const char *exe = g_getenv ("VITRINE_HUB_EXE");
  g_autoptr(GSubprocess) second = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;

  second = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE | G_SUBPROCESS_FLAGS_STDERR_PIPE, &error,
                             exe, "serve", "--data-dir", c->hub.data_dir, "--port", "0", NULL);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_communicate_utf8 (second, NULL, NULL, NULL, &err, &error));
  g_assert_cmpint (g_subprocess_get_exit_status (second), ==, 1);
  g_assert_nonnull (strstr (err, "already"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/server/crash/during-upload", Crash, NULL, crash_setup, test_crash_during_upload, crash_teardown);
  g_test_add ("/server/crash/during-commits", Crash, NULL, crash_setup, test_crash_during_commits, crash_teardown);
  g_test_add ("/server/crash/one-server-per-folder", Crash, NULL, crash_setup, test_one_server_per_folder,
              crash_teardown);

  return g_test_run ();
}
