/* test-publish-queue.c — publishes recorded before they start, resumed
 * after a kill without sending a large file twice, against a real local
 * hub
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <signal.h>
#include <sys/prctl.h>
#include <sys/stat.h>

#include "publish-fixture.h"

#include "vitrine-error.h"
#include "vitrine-publish-queue.h"

static void
flush (VitrinePublishQueue *queue)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  vitrine_publish_queue_flush_async (queue, NULL, test_keep_result_cb, &result);
  wait_for (&result);
  g_assert_true (vitrine_publish_queue_flush_finish (queue, result, &error));
  g_assert_no_error (error);
}

static VitrinePublishQueue *
load_queue (void)
{
  VitrinePublishQueue *queue = vitrine_publish_queue_new (NULL);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  vitrine_publish_queue_load_async (queue, NULL, test_keep_result_cb, &result);
  wait_for (&result);
  g_assert_true (vitrine_publish_queue_load_finish (queue, result, &error));
  g_assert_no_error (error);
  return queue;
}

/* The job's record on disk, parsed. */
static JsonObject *
read_record (const char *id)
{
  g_autofree char *name = g_strconcat (id, ".json", NULL);
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "vitrine", "publishes", name, NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  g_assert_true (json_parser_load_from_file (parser, path, &error));
  g_assert_no_error (error);
  return json_object_ref (json_node_get_object (json_parser_get_root (parser)));
}

/* How many times the first fault rule fired. */
static gint64
fault_fired (Hub *hub)
{
  g_autoptr(Reply) reply = hub_call (hub, "GET", "/api/-/faults", NULL, NULL, NULL, 0);
  JsonArray *rules;

  g_assert_cmpuint (reply->status, ==, 200);
  rules = json_object_get_array_member (json_node_get_object (reply->json), "rules");
  return json_object_get_int_member (json_array_get_object_element (rules, 0), "fired");
}

static void
wait_fault_fired (Hub *hub)
{
  gint64 deadline = g_get_monotonic_time () + 120 * G_USEC_PER_SEC;

  while (fault_fired (hub) < 1)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      for (guint i = 0; i < 20 && g_main_context_iteration (NULL, FALSE); i++)
        ;
      g_usleep (20 * 1000);
    }
}

/* The repository holds exactly @expected (and .gitattributes), each file
 * with the folder's bytes. */
static void
assert_remote_matches (Fixture            *f,
                       const char         *repo,
                       const char * const *expected)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) tree = NULL;
  guint seen = 0;

  vitrine_client_list_tree_async (f->client, VITRINE_REPO_TYPE_MODEL, repo, "main", NULL, TRUE, NULL,
                                  test_keep_result_cb, &result);
  wait_for (&result);
  tree = vitrine_client_list_tree_finish (f->client, result, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (tree); i++)
    {
      g_autoptr(VitrineTreeEntry) entry = g_list_model_get_item (tree, i);
      const char *path = vitrine_tree_entry_get_path (entry);
      g_autofree char *local_path = NULL;
      g_autofree char *local = NULL;
      g_autofree char *url = NULL;
      g_autoptr(Reply) reply = NULL;
      gsize len;

      if (vitrine_tree_entry_is_directory (entry) || g_str_equal (path, ".gitattributes"))
        continue;
      if (!g_strv_contains (expected, path))
        g_error ("the repository has %s", path);
      seen++;
      local_path = g_build_filename (f->folder, path, NULL);
      g_assert_true (g_file_get_contents (local_path, &local, &len, NULL));
      url = g_strdup_printf ("/%s/resolve/main/%s", repo, path);
      reply = hub_call (&f->hub, "GET", url, f->hub.alice, NULL, NULL, 0);
      g_assert_cmpuint (reply->status, ==, 200);
      g_assert_cmpuint (g_bytes_get_size (reply->body), ==, len);
      g_assert_true (memcmp (g_bytes_get_data (reply->body, NULL), local, len) == 0);
    }
  g_assert_cmpuint (seen, ==, g_strv_length ((char **) expected));
}

static const char * const published[] = {
  "README.md", "config.json", "weights/model.bin", ".env", NULL
};

/* The record is on disk, saying "running", while the publish is held up
 * by the hub; a cancel and a retry are recorded too. */
static void
test_queue_record_before_start (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr(VitrinePublishQueue) queue = vitrine_publish_queue_new (NULL);
  g_autoptr(VitrinePublishQueue) again = NULL;
  g_autoptr(VitrinePublishJob) job = NULL;
  g_autoptr(JsonObject) record = NULL;
  g_autoptr(VitrineRepoInfo) info = NULL;
  g_autofree char *url = NULL;
  const char *secrets[] = { ".env", NULL };
  VitrinePublishJob *loaded;
  JsonArray *included;

  job = vitrine_publish_job_new (f->folder, f->hub.url, VITRINE_REPO_TYPE_MODEL, "alice/queued");
  vitrine_publish_job_set_private (job, TRUE);
  vitrine_publish_job_set_gated (job, "auto");
  vitrine_publish_job_set_message (job, "First version");
  vitrine_publish_job_set_included_secrets (job, secrets);
  vitrine_publish_job_set_client (job, f->client);
  vitrine_publish_queue_add (queue, job);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (queue)), ==, 1);
  g_assert_cmpint (vitrine_publish_job_get_state (job), ==, VITRINE_PUBLISH_STATE_QUEUED);
  g_assert_null (vitrine_publish_job_get_progress (job));

  vitrine_publish_job_start (job);
  g_assert_cmpint (vitrine_publish_job_get_state (job), ==, VITRINE_PUBLISH_STATE_RUNNING);
  g_assert_cmpuint (vitrine_publish_queue_get_n_unfinished (queue), ==, 1);

  /* The hub holds the publish (a 503 with Retry-After: 60 on preupload):
   * the record is there, with everything asked. */
  wait_fault_fired (&f->hub);
  record = read_record (vitrine_publish_job_get_id (job));
  g_assert_cmpstr (json_object_get_string_member (record, "state"), ==, "running");
  g_assert_cmpstr (json_object_get_string_member (record, "folder"), ==, vitrine_publish_job_get_folder (job));
  g_assert_cmpstr (json_object_get_string_member (record, "endpoint"), ==, f->hub.url);
  g_assert_cmpstr (json_object_get_string_member (record, "repo-type"), ==, "model");
  g_assert_cmpstr (json_object_get_string_member (record, "repo-id"), ==, "alice/queued");
  g_assert_cmpstr (json_object_get_string_member (record, "visibility"), ==, "private");
  g_assert_cmpstr (json_object_get_string_member (record, "gated"), ==, "auto");
  g_assert_cmpstr (json_object_get_string_member (record, "message"), ==, "First version");
  g_assert_false (json_object_get_boolean_member (record, "open-as-pr"));
  g_assert_false (json_object_get_boolean_member (record, "replace-card"));
  included = json_object_get_array_member (record, "included-secrets");
  g_assert_cmpuint (json_array_get_length (included), ==, 1);
  g_assert_cmpstr (json_array_get_string_element (included, 0), ==, ".env");
  g_assert_cmpint (json_object_get_int_member (record, "created"), >, 0);
  g_assert_true (json_object_get_null_member (record, "finished"));
  /* The run's models are there to bind to. */
  g_assert_nonnull (vitrine_publish_job_get_progress (job));
  g_assert_nonnull (vitrine_publish_job_get_files (job));

  /* Cancelled: recorded so, and said in words. */
  vitrine_publish_job_cancel (job);
  wait_finished (job);
  g_assert_cmpint (vitrine_publish_job_get_state (job), ==, VITRINE_PUBLISH_STATE_CANCELLED);
  g_assert_nonnull (strstr (vitrine_publish_job_get_error_title (job), "stopped"));
  flush (queue);
  g_clear_pointer (&record, json_object_unref);
  record = read_record (vitrine_publish_job_get_id (job));
  g_assert_cmpstr (json_object_get_string_member (record, "state"), ==, "cancelled");
  g_assert_cmpint (json_object_get_int_member (record, "finished"), >, 0);

  /* Retried: published, private, gated, with the included secret only. */
  vitrine_publish_job_retry (job);
  wait_finished (job);
  if (vitrine_publish_job_get_state (job) != VITRINE_PUBLISH_STATE_DONE)
    g_error ("the retry failed: %s", vitrine_publish_job_get_error_message (job));
  g_assert_nonnull (vitrine_publish_job_get_commit_id (job));
  url = g_strdup_printf ("%s/alice/queued/commit/%s", f->hub.url, vitrine_publish_job_get_commit_id (job));
  g_assert_cmpstr (vitrine_publish_job_get_commit_url (job), ==, url);
  g_assert_cmpuint (vitrine_publish_job_get_result (job)->added, ==, 4);
  g_assert_null (vitrine_publish_job_get_error (job));
  assert_remote_matches (f, "alice/queued", published);
  info = repo_info (f, "alice/queued");
  g_assert_true (vitrine_repo_info_get_private (info));
  g_assert_cmpstr (vitrine_repo_info_get_gated (info), ==, "auto");
  g_assert_true (vitrine_publish_queue_last_for_folder (queue, f->folder) == job);
  g_assert_cmpuint (vitrine_publish_queue_get_n_unfinished (queue), ==, 0);

  /* The next start reads it back, done, with its commit. */
  flush (queue);
  again = load_queue ();
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (again)), ==, 1);
  loaded = vitrine_publish_queue_last_for_folder (again, f->folder);
  g_assert_nonnull (loaded);
  g_assert_cmpstr (vitrine_publish_job_get_id (loaded), ==, vitrine_publish_job_get_id (job));
  g_assert_cmpstr (vitrine_publish_job_get_commit_id (loaded), ==, vitrine_publish_job_get_commit_id (job));
  g_assert_cmpstr (vitrine_publish_job_get_commit_url (loaded), ==, url);
  g_assert_cmpstr (vitrine_publish_job_get_repo_id (loaded), ==, "alice/queued");
  g_assert_true (vitrine_publish_job_get_private (loaded));
  g_assert_cmpstr (vitrine_publish_job_get_gated (loaded), ==, "auto");
  g_assert_cmpstr (vitrine_publish_job_get_message (loaded), ==, "First version");
  g_assert_true (g_strv_contains (vitrine_publish_job_get_included_secrets (loaded), ".env"));
  g_assert_cmpint (vitrine_publish_job_get_finished (loaded), >=, vitrine_publish_job_get_created (loaded));
}

/* No account for the endpoint: the job fails at once, in words, and its
 * failure is kept with the record. */
static void
test_queue_not_signed_in (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(VitrinePublishQueue) queue = vitrine_publish_queue_new (NULL);
  g_autoptr(VitrinePublishQueue) again = NULL;
  g_autoptr(VitrinePublishJob) job = vitrine_publish_job_new (f->folder, "https://hub.example.org",
                                                              VITRINE_REPO_TYPE_MODEL, "alice/nowhere");
  VitrinePublishJob *loaded;

  vitrine_publish_queue_add (queue, job);
  vitrine_publish_job_start (job);
  wait_finished (job);
  g_assert_cmpint (vitrine_publish_job_get_state (job), ==, VITRINE_PUBLISH_STATE_FAILED);
  g_assert_error (vitrine_publish_job_get_error (job), VITRINE_ERROR, VITRINE_ERROR_UNAUTHORIZED);
  g_assert_nonnull (strstr (vitrine_publish_job_get_error_message (job), "https://hub.example.org"));
  g_assert_nonnull (strstr (vitrine_publish_job_get_error_hint (job), "Sign in"));
  g_assert_null (vitrine_publish_queue_last_for_folder (queue, f->folder));

  flush (queue);
  again = load_queue ();
  loaded = vitrine_publish_queue_lookup (again, vitrine_publish_job_get_id (job));
  g_assert_nonnull (loaded);
  g_assert_cmpint (vitrine_publish_job_get_state (loaded), ==, VITRINE_PUBLISH_STATE_FAILED);
  g_assert_error (vitrine_publish_job_get_error (loaded), VITRINE_ERROR, VITRINE_ERROR_UNAUTHORIZED);
  g_assert_cmpstr (vitrine_publish_job_get_error_title (loaded), ==, vitrine_publish_job_get_error_title (job));
}

static void
die_with_parent (gpointer user_data)
{
  prctl (PR_SET_PDEATHSIG, SIGKILL);
}

static VitrineClient *
client_for (const char *endpoint,
            gpointer    user_data)
{
  Fixture *f = user_data;

  return g_str_equal (endpoint, f->hub.url) ? g_object_ref (f->client) : NULL;
}

/* A process publishing through the queue is killed with SIGKILL once its
 * large file is stored and before its commit (held by a 503 with
 * Retry-After: 60); the next start finds the publish interrupted and
 * resumes it with one call, which sends the large file no more. */
static void
test_queue_killed_and_resumed (Fixture       *f,
                               gconstpointer  data)
{
  const char *child_exe = g_test_get_filename (G_TEST_BUILT, "publish-child", NULL);
  g_autofree char *objects = g_build_filename (f->hub.data_dir, "lfs", "objects", NULL);
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE);
  g_autoptr(GSubprocess) child = NULL;
  g_autoptr(GDataInputStream) out = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) record = NULL;
  g_autoptr(VitrinePublishQueue) queue = NULL;
  g_autofree char *id = NULL;
  g_autofree char *object = NULL;
  VitrinePublishJob *job;
  GListModel *files;
  struct stat before, after;
  gboolean saw_large = FALSE;

  g_subprocess_launcher_set_child_setup (launcher, die_with_parent, NULL, NULL);
  child = g_subprocess_launcher_spawn (launcher, &error, child_exe, f->hub.url, f->hub.alice, f->folder,
                                       "alice/killed", NULL);
  g_assert_no_error (error);
  out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (child));
  id = g_data_input_stream_read_line_utf8 (out, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (id);

  /* The commit is held up: the large file is stored, the record says running. */
  wait_fault_fired (&f->hub);
  g_assert_cmpuint (count_objects (objects, &object), ==, 1);
  g_assert_cmpint (stat (object, &before), ==, 0);
  g_assert_cmpuint (before.st_size, ==, 12 * 1000 * 1000 + 7);
  record = read_record (id);
  g_assert_cmpstr (json_object_get_string_member (record, "state"), ==, "running");

  g_subprocess_force_exit (child);
  g_subprocess_wait (child, NULL, NULL);
  g_assert_true (g_subprocess_get_if_signaled (child));
  g_assert_cmpint (g_subprocess_get_term_sig (child), ==, SIGKILL);

  /* The next start: interrupted, and so recorded. */
  queue = load_queue ();
  vitrine_publish_queue_set_client_func (queue, client_for, f, NULL);
  job = vitrine_publish_queue_lookup (queue, id);
  g_assert_nonnull (job);
  g_assert_cmpint (vitrine_publish_job_get_state (job), ==, VITRINE_PUBLISH_STATE_INTERRUPTED);
  g_assert_false (vitrine_publish_job_is_finished (job));
  g_assert_cmpuint (vitrine_publish_queue_get_n_unfinished (queue), ==, 1);
  flush (queue);
  g_clear_pointer (&record, json_object_unref);
  record = read_record (id);
  g_assert_cmpstr (json_object_get_string_member (record, "state"), ==, "interrupted");

  /* One call resumes it; the large file is not sent again. */
  vitrine_publish_job_retry (job);
  wait_finished (job);
  if (vitrine_publish_job_get_state (job) != VITRINE_PUBLISH_STATE_DONE)
    g_error ("the resumed publish failed: %s", vitrine_publish_job_get_error_message (job));
  g_assert_cmpuint (vitrine_publish_job_get_result (job)->bytes_uploaded, ==, 0);
  files = vitrine_publish_job_get_files (job);
  for (guint i = 0; i < g_list_model_get_n_items (files); i++)
    {
      g_autoptr(VitrinePublishFile) row = g_list_model_get_item (files, i);

      if (g_str_equal (vitrine_publish_file_get_path (row), "weights/model.bin"))
        {
          saw_large = TRUE;
          g_assert_true (vitrine_publish_file_get_is_large (row));
          g_assert_cmpuint (vitrine_publish_file_get_bytes_sent (row), ==, 0);
          g_assert_cmpint (vitrine_publish_file_get_state (row), ==, VITRINE_FILE_DONE);
        }
    }
  g_assert_true (saw_large);
  /* The object the killed process stored is the one the hub keeps. */
  g_assert_cmpuint (count_objects (objects, NULL), ==, 1);
  g_assert_cmpint (stat (object, &after), ==, 0);
  g_assert_cmpuint (after.st_ino, ==, before.st_ino);
  g_assert_cmpint (after.st_mtim.tv_sec, ==, before.st_mtim.tv_sec);
  g_assert_cmpint (after.st_mtim.tv_nsec, ==, before.st_mtim.tv_nsec);
  {
    const char * const expected[] = { "README.md", "config.json", "weights/model.bin", NULL };

    assert_remote_matches (f, "alice/killed", expected);
  }
}

/* Only the newest finished records are kept; unfinished ones always. */
static void
test_queue_prune (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "vitrine", "publishes", NULL);
  g_autoptr(VitrinePublishQueue) queue = NULL;
  guint n_files = 0;

  g_mkdir_with_parents (dir, 0700);
  for (guint i = 0; i < VITRINE_PUBLISH_QUEUE_KEEP + 5 + 1; i++)
    {
      g_autofree char *name = g_strdup_printf ("old-%02u.json", i);
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autofree char *text = NULL;
      gboolean unfinished = i == 0;

      text = g_strdup_printf ("{\"version\": 1, \"id\": \"old-%02u\", \"folder\": \"/tmp/f%u\", "
                              "\"endpoint\": \"%s\", \"repo-type\": \"model\", \"repo-id\": \"alice/m%u\", "
                              "\"state\": \"%s\", \"created\": %u, \"finished\": %u}",
                              i, i, f->hub.url, i, unfinished ? "running" : "done", 1000 + i, 2000 + i);
      g_assert_true (g_file_set_contents (path, text, -1, NULL));
    }
  /* Not a record: left alone, not loaded. */
  {
    g_autofree char *junk = g_build_filename (dir, "junk.json", NULL);

    g_assert_true (g_file_set_contents (junk, "[1, 2", -1, NULL));
  }

  queue = load_queue ();
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (queue)), ==, VITRINE_PUBLISH_QUEUE_KEEP + 1);
  /* Newest first; the oldest finished ones went, the unfinished one stayed. */
  {
    g_autoptr(VitrinePublishJob) first = g_list_model_get_item (G_LIST_MODEL (queue), 0);

    g_assert_cmpstr (vitrine_publish_job_get_id (first), ==, "old-25");
  }
  g_assert_nonnull (vitrine_publish_queue_lookup (queue, "old-00"));
  g_assert_cmpint (vitrine_publish_job_get_state (vitrine_publish_queue_lookup (queue, "old-00")), ==,
                   VITRINE_PUBLISH_STATE_INTERRUPTED);
  for (guint i = 1; i <= 5; i++)
    {
      g_autofree char *id = g_strdup_printf ("old-%02u", i);

      g_assert_null (vitrine_publish_queue_lookup (queue, id));
    }
  g_assert_nonnull (vitrine_publish_queue_lookup (queue, "old-06"));
  flush (queue);
  {
    g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);

    while (g_dir_read_name (d) != NULL)
      n_files++;
  }
  g_assert_cmpuint (n_files, ==, VITRINE_PUBLISH_QUEUE_KEEP + 1 + 1);
  g_assert_nonnull (vitrine_publish_queue_last_for_folder (queue, "/tmp/f25"));
  g_assert_null (vitrine_publish_queue_last_for_folder (queue, "/tmp/f0"));
}

/* Created private and gated through the hub's settings, as the wizard asks. */
static void
test_queue_public_gated_manual (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr(VitrinePublishQueue) queue = vitrine_publish_queue_new (NULL);
  g_autoptr(VitrinePublishJob) job = vitrine_publish_job_new (f->folder, f->hub.url, VITRINE_REPO_TYPE_MODEL,
                                                              "alice/gated");
  g_autoptr(VitrineRepoInfo) info = NULL;

  vitrine_publish_queue_set_client_func (queue, client_for, f, NULL);
  vitrine_publish_job_set_gated (job, "manual");
  vitrine_publish_queue_add (queue, job);
  vitrine_publish_job_start (job);
  wait_finished (job);
  g_assert_cmpint (vitrine_publish_job_get_state (job), ==, VITRINE_PUBLISH_STATE_DONE);
  info = repo_info (f, "alice/gated");
  g_assert_false (vitrine_repo_info_get_private (info));
  g_assert_cmpstr (vitrine_repo_info_get_gated (info), ==, "manual");
  {
    const char * const expected[] = { "README.md", "config.json", "weights/model.bin", NULL };

    assert_remote_matches (f, "alice/gated", expected);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, data, func) g_test_add (path, Fixture, data, fixture_setup, func, fixture_teardown)
  ADD ("/client/publish-queue/record-before-start", "status:503:/preupload/:1:60", test_queue_record_before_start);
  ADD ("/client/publish-queue/not-signed-in", NULL, test_queue_not_signed_in);
  ADD ("/client/publish-queue/killed-and-resumed", "status:503:/commit/:1:60", test_queue_killed_and_resumed);
  ADD ("/client/publish-queue/prune", NULL, test_queue_prune);
  ADD ("/client/publish-queue/gated", NULL, test_queue_public_gated_manual);
#undef ADD

  return g_test_run ();
}
