/* test-client-async.c — every _async/_finish pair of the client against a
 * real local hub, and the properties of what they hand back
 *
 * One hub and one repository (published with the publisher, so it has a
 * large file) serve a table of cases, run in order: some change what the
 * next ones see (a tag made, then listed, then deleted).
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

#define REPO "alice/fixture"
#define SPACE "alice/demo"
#define CARD "---\nlicense: mit\n---\n# Fixture\n"
#define LARGE_SIZE (64 * 1024)

typedef struct
{
  char          *tmp;
  Hub            hub;
  VitrineClient *client;
  char          *head;
  GThread       *main_thread;
} Fixture;

static Fixture fixture;

/* Keeps the result, checking it came on the main context's thread. */
static void
keep_result_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_assert_true (g_thread_self () == fixture.main_thread);
  test_keep_result_cb (source, result, user_data);
}

/* Serves the hub until the call is back. */
static GAsyncResult *
await (GAsyncResult **result)
{
  while (!test_has_result (result))
    g_main_context_iteration (NULL, TRUE);
  return *result;
}

static void
write_file (const char *root,
            const char *path,
            const char *content,
            gssize      len)
{
  g_autofree char *full = g_build_filename (root, path, NULL);
  g_autofree char *dir = g_path_get_dirname (full);

  g_mkdir_with_parents (dir, 0755);
  g_assert_true (g_file_set_contents (full, content, len, NULL));
}

/* Binary bytes: the hub sends such a file to large-file storage. */
static char *
large_content (void)
{
  char *data = g_malloc (LARGE_SIZE);

  for (gsize i = 0; i < LARGE_SIZE; i++)
    data[i] = (char) ((i * 2654435761u) >> 13);
  return data;
}

static void
publish_done_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  VitrinePublishResult *out = user_data;

  g_assert_true (vitrine_publisher_run_finish (VITRINE_PUBLISHER (source), result, out, &error));
  g_assert_no_error (error);
}

static void
fixture_setup (void)
{
  g_autofree char *folder = NULL;
  g_autofree char *cache = NULL;
  g_autofree char *large = large_content ();
  g_autoptr(VitrinePublisher) publisher = NULL;
  VitrinePublishResult result = { 0 };

  fixture.tmp = test_isolate_home ("vitrine-client-async-XXXXXX");
  fixture.main_thread = g_thread_self ();
  hub_setup (&fixture.hub, NULL);
  fixture.client = vitrine_client_new (fixture.hub.url, fixture.hub.alice);
  vitrine_client_set_retry (fixture.client, 2, 20, 100);

  folder = g_build_filename (fixture.tmp, "folder", NULL);
  cache = g_build_filename (fixture.tmp, "hashes", NULL);
  write_file (folder, "README.md", CARD, -1);
  write_file (folder, "config.json", "{\"hidden_size\": 8}\n", -1);
  write_file (folder, "weights/model.bin", large, LARGE_SIZE);

  publisher = vitrine_publisher_new (fixture.client, VITRINE_REPO_TYPE_MODEL, REPO, folder);
  vitrine_publisher_set_hash_cache (publisher, cache);
  vitrine_publisher_set_message (publisher, "Add the fixture", "With a large file.");
  vitrine_publisher_run_async (publisher, NULL, publish_done_cb, &result);
  while (result.commit_id == NULL)
    g_main_context_iteration (NULL, TRUE);
  fixture.head = g_steal_pointer (&result.commit_id);
  vitrine_publish_result_clear (&result);

  hub_create_repo (&fixture.hub, fixture.hub.alice, "{\"name\":\"demo\",\"type\":\"space\",\"sdk\":\"static\"}");
}

static void
fixture_teardown (void)
{
  g_clear_object (&fixture.client);
  hub_teardown (&fixture.hub, NULL);
  test_rm_rf (fixture.tmp);
  g_free (fixture.tmp);
  g_free (fixture.head);
}

/* ---- Accounts and repositories ---------------------------------------- */

static void
test_whoami (void)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(VitrineWhoami) me = NULL;
  g_autoptr(GListModel) orgs = NULL;
  g_autoptr(VitrineOrgMembership) org = NULL;
  g_autofree char *name = NULL, *account_type = NULL, *token_role = NULL, *org_name = NULL, *role = NULL;

  vitrine_client_whoami_async (fixture.client, NULL, keep_result_cb, &result);
  me = vitrine_client_whoami_finish (fixture.client, await (&result), &error);
  g_assert_no_error (error);

  g_object_get (me, "name", &name, "account-type", &account_type, "token-role", &token_role,
                "orgs", &orgs, NULL);
  g_assert_cmpstr (name, ==, "alice");
  g_assert_cmpstr (account_type, ==, "user");
  g_assert_cmpstr (token_role, ==, "write");
  g_assert_cmpuint (g_list_model_get_n_items (orgs), ==, 1);
  org = g_list_model_get_item (orgs, 0);
  g_object_get (org, "name", &org_name, "role-in-org", &role, NULL);
  g_assert_cmpstr (org_name, ==, "team");
  g_assert_cmpstr (role, ==, "write");
  /* The answer itself stays at hand. */
  g_assert_cmpstr (vitrine_json_string (vitrine_whoami_get_json (me), "name"), ==, "alice");
}

static VitrineRepoInfo *
repo_info (const char  *repo_id,
           GError     **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  vitrine_client_repo_info_async (fixture.client, VITRINE_REPO_TYPE_MODEL, repo_id, NULL, NULL,
                                  keep_result_cb, &result);
  return vitrine_client_repo_info_finish (fixture.client, await (&result), error);
}

static void
test_create_repo (void)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GAsyncResult) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(VitrineRepoInfo) info = NULL;
  g_autofree char *url = NULL;
  g_autofree char *url_again = NULL;

  vitrine_client_create_repo_async (fixture.client, VITRINE_REPO_TYPE_MODEL, "alice/created", TRUE, NULL, FALSE,
                                    NULL, keep_result_cb, &result);
  url = vitrine_client_create_repo_finish (fixture.client, await (&result), &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_suffix (url, "/alice/created"));
  info = repo_info ("alice/created", &error);
  g_assert_no_error (error);
  g_assert_true (vitrine_repo_info_get_private (info));

  /* There already: a conflict, unless that is fine. */
  vitrine_client_create_repo_async (fixture.client, VITRINE_REPO_TYPE_MODEL, "alice/created", TRUE, NULL, FALSE,
                                    NULL, keep_result_cb, &again);
  g_assert_null (vitrine_client_create_repo_finish (fixture.client, await (&again), &error));
  g_assert_error (error, VITRINE_ERROR, VITRINE_ERROR_CONFLICT);
  g_clear_object (&again);
  g_clear_error (&error);
  vitrine_client_create_repo_async (fixture.client, VITRINE_REPO_TYPE_MODEL, "alice/created", TRUE, NULL, TRUE,
                                    NULL, keep_result_cb, &again);
  url_again = vitrine_client_create_repo_finish (fixture.client, await (&again), &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_suffix (url_again, "/alice/created"));
}

static void
test_repo_info (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VitrineRepoInfo) info = repo_info (REPO, &error);
  g_autofree char *id = NULL, *author = NULL, *name = NULL, *sha = NULL, *gated = NULL;
  g_autofree char *last_modified = NULL;
  VitrineRepoType type = VITRINE_REPO_TYPE_SPACE;
  gboolean private_ = TRUE;

  g_assert_no_error (error);
  g_object_get (info, "id", &id, "author", &author, "name", &name, "repo-type", &type, "private", &private_,
                "sha", &sha, "gated", &gated, "last-modified", &last_modified, NULL);
  g_assert_cmpstr (id, ==, REPO);
  g_assert_cmpstr (author, ==, "alice");
  g_assert_cmpstr (name, ==, "fixture");
  g_assert_cmpint (type, ==, VITRINE_REPO_TYPE_MODEL);
  g_assert_false (private_);
  g_assert_cmpstr (sha, ==, fixture.head);
  g_assert_null (gated);
  g_assert_nonnull (last_modified);
  /* The card's metadata, as the hub read it. */
  g_assert_cmpstr (vitrine_json_string (vitrine_repo_info_get_card_data (info), "license"), ==, "mit");
}

static void
test_list_repos (void)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) repos = NULL;
  gboolean seen_fixture = FALSE, seen_created = FALSE;

  vitrine_client_list_repos_async (fixture.client, VITRINE_REPO_TYPE_MODEL, "alice", NULL, NULL,
                                   keep_result_cb, &result);
  repos = vitrine_client_list_repos_finish (fixture.client, await (&result), &error);
  g_assert_no_error (error);
  g_assert_true (g_list_model_get_item_type (repos) == VITRINE_TYPE_REPO_INFO);
  for (guint i = 0; i < g_list_model_get_n_items (repos); i++)
    {
      g_autoptr(VitrineRepoInfo) info = g_list_model_get_item (repos, i);
      g_autofree char *id = NULL;
      g_autofree char *author = NULL;
      VitrineRepoType type;

      g_object_get (info, "id", &id, "author", &author, "repo-type", &type, NULL);
      g_assert_cmpstr (author, ==, "alice");
      g_assert_cmpint (type, ==, VITRINE_REPO_TYPE_MODEL);
      seen_fixture |= g_str_equal (id, REPO);
      seen_created |= g_str_equal (id, "alice/created");
    }
  g_assert_true (seen_fixture);
  g_assert_true (seen_created);
}

static void
test_update_settings (void)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(VitrineRepoInfo) info = NULL;

  vitrine_client_update_settings_async (fixture.client, VITRINE_REPO_TYPE_MODEL, "alice/created", 0, NULL,
                                        NULL, keep_result_cb, &result);
  g_assert_true (vitrine_client_update_settings_finish (fixture.client, await (&result), &error));
  g_assert_no_error (error);
  info = repo_info ("alice/created", &error);
  g_assert_no_error (error);
  g_assert_false (vitrine_repo_info_get_private (info));
}

static void
test_space_runtime (void)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(VitrineSpaceRuntime) runtime = NULL;
  g_autofree char *stage = NULL, *requested = NULL, *sdk = NULL;
  gint64 sleep_time = 0;

  vitrine_client_space_runtime_async (fixture.client, SPACE, NULL, keep_result_cb, &result);
  runtime = vitrine_client_space_runtime_finish (fixture.client, await (&result), &error);
  g_assert_no_error (error);
  g_object_get (runtime, "stage", &stage, "requested-hardware", &requested, "sdk", &sdk,
                "sleep-time", &sleep_time, NULL);
  /* The local hub stores Spaces; it runs none of them itself. */
  g_assert_cmpstr (stage, ==, "NO_APP_FILE");
  g_assert_cmpstr (requested, ==, "cpu-basic");
  g_assert_cmpstr (sdk, ==, "static");
  g_assert_cmpint (sleep_time, ==, -1);

  /* The blocking call, from a thread, says the same. */
  {
    g_autoptr(GAsyncResult) missing = NULL;

    vitrine_client_space_runtime_async (fixture.client, "alice/nothing", NULL, keep_result_cb, &missing);
    g_assert_null (vitrine_client_space_runtime_finish (fixture.client, await (&missing), &error));
    g_assert_error (error, VITRINE_ERROR, VITRINE_ERROR_REPO_NOT_FOUND);
  }
}

static void
test_delete_repo (void)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(VitrineRepoInfo) info = NULL;

  vitrine_client_delete_repo_async (fixture.client, VITRINE_REPO_TYPE_MODEL, "alice/created", NULL,
                                    keep_result_cb, &result);
  g_assert_true (vitrine_client_delete_repo_finish (fixture.client, await (&result), &error));
  g_assert_no_error (error);
  info = repo_info ("alice/created", &error);
  g_assert_null (info);
  g_assert_error (error, VITRINE_ERROR, VITRINE_ERROR_REPO_NOT_FOUND);
}

/* ---- Files ------------------------------------------------------------ */

static VitrineTreeEntry *
find_entry (GListModel *entries,
            const char *path)
{
  for (guint i = 0; i < g_list_model_get_n_items (entries); i++)
    {
      g_autoptr(VitrineTreeEntry) entry = g_list_model_get_item (entries, i);

      if (g_strcmp0 (vitrine_tree_entry_get_path (entry), path) == 0)
        return g_steal_pointer (&entry);
    }
  return NULL;
}

static void
test_list_tree (void)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GAsyncResult) folder = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) tree = NULL;
  g_autoptr(GListModel) weights = NULL;
  g_autoptr(VitrineTreeEntry) large = NULL;
  g_autoptr(VitrineTreeEntry) dir = NULL;
  g_autofree char *path = NULL, *name = NULL, *oid = NULL, *lfs_oid = NULL;
  g_autofree char *expected_oid = NULL;
  g_autofree char *content = large_content ();
  guint64 size = 0;
  gboolean is_directory = TRUE, is_lfs = FALSE;

  vitrine_client_list_tree_async (fixture.client, VITRINE_REPO_TYPE_MODEL, REPO, NULL, NULL, TRUE, NULL,
                                  keep_result_cb, &result);
  tree = vitrine_client_list_tree_finish (fixture.client, await (&result), &error);
  g_assert_no_error (error);
  g_assert_true (g_list_model_get_item_type (tree) == VITRINE_TYPE_TREE_ENTRY);

  large = find_entry (tree, "weights/model.bin");
  g_assert_nonnull (large);
  g_object_get (large, "path", &path, "name", &name, "size", &size, "is-directory", &is_directory,
                "oid", &oid, "lfs-oid", &lfs_oid, "is-lfs", &is_lfs, NULL);
  expected_oid = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) content, LARGE_SIZE);
  g_assert_cmpstr (path, ==, "weights/model.bin");
  g_assert_cmpstr (name, ==, "model.bin");
  g_assert_cmpuint (size, ==, LARGE_SIZE);
  g_assert_false (is_directory);
  g_assert_true (is_lfs);
  g_assert_cmpstr (lfs_oid, ==, expected_oid);
  g_assert_cmpuint (strlen (oid), ==, 40);

  dir = find_entry (tree, "weights");
  g_assert_nonnull (dir);
  g_object_get (dir, "is-directory", &is_directory, "is-lfs", &is_lfs, NULL);
  g_assert_true (is_directory);
  g_assert_false (is_lfs);

  /* One folder, not recursive. */
  vitrine_client_list_tree_async (fixture.client, VITRINE_REPO_TYPE_MODEL, REPO, fixture.head, "weights", FALSE,
                                  NULL, keep_result_cb, &folder);
  weights = vitrine_client_list_tree_finish (fixture.client, await (&folder), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (weights), ==, 1);
}

static void
test_paths_info (void)
{
  const char * const paths[] = { "README.md", "weights/model.bin", "not-there.txt", NULL };
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) entries = NULL;
  g_autoptr(VitrineTreeEntry) card = NULL;
  g_autoptr(VitrineTreeEntry) large = NULL;

  vitrine_client_paths_info_async (fixture.client, VITRINE_REPO_TYPE_MODEL, REPO, NULL, paths, FALSE, NULL,
                                   keep_result_cb, &result);
  entries = vitrine_client_paths_info_finish (fixture.client, await (&result), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (entries), ==, 2);
  card = find_entry (entries, "README.md");
  large = find_entry (entries, "weights/model.bin");
  g_assert_cmpuint (vitrine_tree_entry_get_size (card), ==, strlen (CARD));
  g_assert_false (vitrine_tree_entry_is_lfs (card));
  g_assert_true (vitrine_tree_entry_is_lfs (large));
}

static void
test_read_file (void)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GAsyncResult) small = NULL;
  g_autoptr(GAsyncResult) missing = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;

  vitrine_client_read_file_async (fixture.client, VITRINE_REPO_TYPE_MODEL, REPO, NULL, "README.md", 4096, NULL,
                                  keep_result_cb, &result);
  bytes = vitrine_client_read_file_finish (fixture.client, await (&result), &error);
  g_assert_no_error (error);
  g_assert_cmpmem (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), CARD, strlen (CARD));

  vitrine_client_read_file_async (fixture.client, VITRINE_REPO_TYPE_MODEL, REPO, NULL, "README.md", 4, NULL,
                                  keep_result_cb, &small);
  g_assert_null (vitrine_client_read_file_finish (fixture.client, await (&small), &error));
  g_assert_error (error, VITRINE_ERROR, VITRINE_ERROR_TOO_LARGE);
  g_clear_error (&error);

  vitrine_client_read_file_async (fixture.client, VITRINE_REPO_TYPE_MODEL, REPO, NULL, "nope.md", 4096, NULL,
                                  keep_result_cb, &missing);
  g_assert_null (vitrine_client_read_file_finish (fixture.client, await (&missing), &error));
  g_assert_error (error, VITRINE_ERROR, VITRINE_ERROR_ENTRY_NOT_FOUND);
}

/* ---- Downloads -------------------------------------------------------- */

typedef struct
{
  guint   calls;
  guint64 done;
  guint64 total;
} Progress;

static void
progress_cb (guint64  done,
             guint64  total,
             gpointer user_data)
{
  Progress *progress = user_data;

  /* On the main context the call was made from, never the worker's. */
  g_assert_true (g_thread_self () == fixture.main_thread);
  g_assert_cmpuint (done, <=, total);
  progress->calls++;
  progress->done = done;
  progress->total = total;
}

static void
assert_file_has (const char *path,
                 const char *content,
                 gsize       len)
{
  g_autofree char *data = NULL;
  gsize data_len;

  g_assert_true (g_file_get_contents (path, &data, &data_len, NULL));
  g_assert_cmpmem (data, data_len, content, len);
}

static void
test_download_file (void)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *destination = g_build_filename (fixture.tmp, "one", "model.bin", NULL);
  g_autofree char *content = large_content ();
  g_autofree char *sha256 = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) content, LARGE_SIZE);
  g_autofree char *commit_id = NULL;
  g_autofree char *etag = NULL;
  Progress progress = { 0 };

  vitrine_client_download_file_async (fixture.client, VITRINE_REPO_TYPE_MODEL, REPO, NULL, "weights/model.bin",
                                      destination, progress_cb, &progress, NULL, keep_result_cb, &result);
  g_assert_true (vitrine_client_download_file_finish (fixture.client, await (&result), &commit_id, &etag,
                                                      &error));
  g_assert_no_error (error);
  assert_file_has (destination, content, LARGE_SIZE);
  g_assert_cmpstr (commit_id, ==, fixture.head);
  g_assert_cmpstr (etag, ==, sha256);
  g_assert_cmpuint (progress.calls, >=, 1);
  g_assert_cmpuint (progress.total, ==, LARGE_SIZE);
}

static void
test_download_snapshot (void)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *to_dir = g_build_filename (fixture.tmp, "snapshot", NULL);
  g_autofree char *folder = NULL;
  g_autofree char *card = NULL;
  g_autofree char *large = NULL;
  g_autofree char *content = large_content ();
  Progress progress = { 0 };

  vitrine_client_download_snapshot_async (fixture.client, VITRINE_REPO_TYPE_MODEL, REPO, NULL, to_dir, NULL,
                                          progress_cb, &progress, NULL, keep_result_cb, &result);
  folder = vitrine_client_download_snapshot_finish (fixture.client, await (&result), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (folder, ==, to_dir);
  card = g_build_filename (folder, "README.md", NULL);
  large = g_build_filename (folder, "weights", "model.bin", NULL);
  assert_file_has (card, CARD, strlen (CARD));
  assert_file_has (large, content, LARGE_SIZE);
  g_assert_cmpuint (progress.calls, >=, 1);
}

/* ---- History ---------------------------------------------------------- */

static void
test_list_commits (void)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GAsyncResult) second = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) page = NULL;
  g_autoptr(GListModel) next = NULL;
  g_autoptr(VitrineCommit) commit = NULL;
  g_autoptr(GDateTime) date_time = NULL;
  g_autofree char *id = NULL, *short_id = NULL, *title = NULL, *message = NULL, *author = NULL, *date = NULL;
  g_autofree char *formatted = NULL;
  guint total = 0;

  vitrine_client_list_commits_async (fixture.client, VITRINE_REPO_TYPE_MODEL, REPO, NULL, 0, 1, NULL,
                                     keep_result_cb, &result);
  page = vitrine_client_list_commits_finish (fixture.client, await (&result), &total, &error);
  g_assert_no_error (error);
  /* The repository's first commit, then the publish. */
  g_assert_cmpuint (total, ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (page), ==, 1);

  commit = g_list_model_get_item (page, 0);
  g_object_get (commit, "id", &id, "short-id", &short_id, "title", &title, "message", &message,
                "author", &author, "date", &date, "date-time", &date_time, NULL);
  g_assert_cmpstr (id, ==, fixture.head);
  g_assert_cmpuint (strlen (short_id), ==, 7);
  g_assert_true (g_str_has_prefix (id, short_id));
  g_assert_cmpstr (title, ==, "Add the fixture");
  g_assert_nonnull (strstr (message, "With a large file."));
  g_assert_cmpstr (author, ==, "alice");
  g_assert_nonnull (date_time);
  /* The same time, as a string and as a date. */
  formatted = g_date_time_format (date_time, "%Y-%m-%dT%H:%M:%S");
  g_assert_true (g_str_has_prefix (date, formatted));

  /* The next page: the first commit. */
  vitrine_client_list_commits_async (fixture.client, VITRINE_REPO_TYPE_MODEL, REPO, "main", 1, 1, NULL,
                                     keep_result_cb, &second);
  next = vitrine_client_list_commits_finish (fixture.client, await (&second), NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (next), ==, 1);
}

/* The ref of @kind named @name, or NULL. */
static VitrineRef *
find_ref (VitrineRefKind  kind,
          const char     *name)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) refs = NULL;

  vitrine_client_list_refs_async (fixture.client, VITRINE_REPO_TYPE_MODEL, REPO, FALSE, NULL,
                                  keep_result_cb, &result);
  refs = vitrine_client_list_refs_finish (fixture.client, await (&result), &error);
  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (refs); i++)
    {
      g_autoptr(VitrineRef) ref = g_list_model_get_item (refs, i);

      if (vitrine_ref_get_kind (ref) == kind && g_str_equal (vitrine_ref_get_name (ref), name))
        return g_steal_pointer (&ref);
    }
  return NULL;
}

static void
test_list_refs (void)
{
  g_autoptr(VitrineRef) main_ref = find_ref (VITRINE_REF_BRANCH, "main");
  g_autofree char *name = NULL, *ref = NULL, *target = NULL;
  VitrineRefKind kind = VITRINE_REF_TAG;

  g_assert_nonnull (main_ref);
  g_object_get (main_ref, "name", &name, "ref", &ref, "target", &target, "kind", &kind, NULL);
  g_assert_cmpstr (name, ==, "main");
  g_assert_cmpstr (ref, ==, "refs/heads/main");
  g_assert_cmpstr (target, ==, fixture.head);
  g_assert_cmpint (kind, ==, VITRINE_REF_BRANCH);
}

static void
test_tags (void)
{
  g_autoptr(GAsyncResult) created = NULL;
  g_autoptr(GAsyncResult) deleted = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(VitrineRef) tag = NULL;
  g_autoptr(VitrineRef) gone = NULL;

  vitrine_client_create_tag_async (fixture.client, VITRINE_REPO_TYPE_MODEL, REPO, NULL, "v1.0", "First",
                                   NULL, keep_result_cb, &created);
  g_assert_true (vitrine_client_create_tag_finish (fixture.client, await (&created), &error));
  g_assert_no_error (error);
  tag = find_ref (VITRINE_REF_TAG, "v1.0");
  g_assert_nonnull (tag);
  g_assert_cmpstr (vitrine_ref_get_target (tag), ==, fixture.head);

  vitrine_client_delete_tag_async (fixture.client, VITRINE_REPO_TYPE_MODEL, REPO, "v1.0", NULL,
                                   keep_result_cb, &deleted);
  g_assert_true (vitrine_client_delete_tag_finish (fixture.client, await (&deleted), &error));
  g_assert_no_error (error);
  gone = find_ref (VITRINE_REF_TAG, "v1.0");
  g_assert_null (gone);
}

static void
test_branches (void)
{
  g_autoptr(GAsyncResult) created = NULL;
  g_autoptr(GAsyncResult) deleted = NULL;
  g_autoptr(GAsyncResult) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(VitrineRef) branch = NULL;
  g_autoptr(VitrineRef) gone = NULL;

  vitrine_client_create_branch_async (fixture.client, VITRINE_REPO_TYPE_MODEL, REPO, "dev", fixture.head,
                                      NULL, keep_result_cb, &created);
  g_assert_true (vitrine_client_create_branch_finish (fixture.client, await (&created), &error));
  g_assert_no_error (error);
  branch = find_ref (VITRINE_REF_BRANCH, "dev");
  g_assert_nonnull (branch);
  g_assert_cmpstr (vitrine_ref_get_target (branch), ==, fixture.head);

  vitrine_client_delete_branch_async (fixture.client, VITRINE_REPO_TYPE_MODEL, REPO, "dev", NULL,
                                      keep_result_cb, &deleted);
  g_assert_true (vitrine_client_delete_branch_finish (fixture.client, await (&deleted), &error));
  g_assert_no_error (error);
  gone = find_ref (VITRINE_REF_BRANCH, "dev");
  g_assert_null (gone);

  /* Gone, so it cannot go again. */
  vitrine_client_delete_branch_async (fixture.client, VITRINE_REPO_TYPE_MODEL, REPO, "dev", NULL,
                                      keep_result_cb, &again);
  g_assert_false (vitrine_client_delete_branch_finish (fixture.client, await (&again), &error));
  g_assert_nonnull (error);
}

/* ---- Cancellation ----------------------------------------------------- */

static void
test_cancelled (void)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) tree = NULL;

  g_cancellable_cancel (cancellable);
  vitrine_client_list_tree_async (fixture.client, VITRINE_REPO_TYPE_MODEL, REPO, NULL, NULL, TRUE, cancellable,
                                  keep_result_cb, &result);
  tree = vitrine_client_list_tree_finish (fixture.client, await (&result), &error);
  g_assert_null (tree);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

int
main (int   argc,
      char *argv[])
{
  /* In order: each case may count on what the ones before did. */
  static const struct
  {
    const char *path;
    GTestFunc   func;
  } cases[] = {
    { "/client/async/whoami", test_whoami },
    { "/client/async/create-repo", test_create_repo },
    { "/client/async/repo-info", test_repo_info },
    { "/client/async/list-repos", test_list_repos },
    { "/client/async/update-settings", test_update_settings },
    { "/client/async/space-runtime", test_space_runtime },
    { "/client/async/list-tree", test_list_tree },
    { "/client/async/paths-info", test_paths_info },
    { "/client/async/read-file", test_read_file },
    { "/client/async/download-file", test_download_file },
    { "/client/async/download-snapshot", test_download_snapshot },
    { "/client/async/list-commits", test_list_commits },
    { "/client/async/list-refs", test_list_refs },
    { "/client/async/tags", test_tags },
    { "/client/async/branches", test_branches },
    { "/client/async/delete-repo", test_delete_repo },
    { "/client/async/cancelled", test_cancelled },
  };
  int status;

  g_test_init (&argc, &argv, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_test_add_func (cases[i].path, cases[i].func);

  fixture_setup ();
  status = g_test_run ();
  fixture_teardown ();
  return status;
}
