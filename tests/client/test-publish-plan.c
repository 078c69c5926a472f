/* test-publish-plan.c — what a publish would change, before anything is
 * sent, and whether a destination is new, to update, for a pull request
 * or not allowed, against a real local hub
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "publish-fixture.h"

#include "vitrine-account.h"
#include "vitrine-destination.h"
#include "vitrine-error.h"
#include "vitrine-publish.h"

static VitrinePublishPlan *
plan (VitrinePublisher *publisher)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  VitrinePublishPlan *p;

  vitrine_publisher_plan_async (publisher, NULL, test_keep_result_cb, &result);
  wait_for (&result);
  p = vitrine_publisher_plan_finish (publisher, result, &error);
  g_assert_no_error (error);
  return p;
}

static VitrinePlanEntry *
entry_at (GListModel *model,
          guint       i)
{
  VitrinePlanEntry *entry = g_list_model_get_item (model, i);

  g_object_unref (entry);
  return entry;
}

static gboolean
publish_with (VitrinePublisher *publisher)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  VitrinePublishResult r;
  gboolean ok;

  vitrine_publisher_run_async (publisher, NULL, test_keep_result_cb, &result);
  wait_for (&result);
  ok = vitrine_publisher_run_finish (publisher, result, &r, &error);
  g_assert_no_error (error);
  vitrine_publish_result_clear (&r);
  return ok;
}

static VitrinePublisher *
publisher_for (Fixture    *f,
               const char *folder,
               const char *cards)
{
  VitrinePublisher *publisher = vitrine_publisher_new (f->client, VITRINE_REPO_TYPE_MODEL, "alice/planned", folder);
  g_autofree char *cards_dir = g_build_filename (f->hub.tmp, cards, NULL);

  vitrine_publisher_set_cards_dir (publisher, cards_dir);
  return publisher;
}

static guint
count_commits (Fixture *f)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GListModel) commits = NULL;
  guint total = 0;

  vitrine_client_list_commits_async (f->client, VITRINE_REPO_TYPE_MODEL, "alice/planned", NULL, 0, 1, NULL,
                                     test_keep_result_cb, &result);
  wait_for (&result);
  commits = vitrine_client_list_commits_finish (f->client, result, &total, NULL);
  return total;
}

/* What changed since the last publish, with nothing sent; and the card
 * changed on the hub meanwhile. */
static void
test_plan (Fixture       *f,
           gconstpointer  data)
{
  g_autofree char *objects = g_build_filename (f->hub.data_dir, "lfs", "objects", NULL);
  g_autoptr(VitrinePublisher) first = publisher_for (f, f->folder, "cards");
  g_autoptr(VitrinePublishPlan) fresh = NULL;
  g_autoptr(VitrinePublishPlan) later = NULL;
  g_autoptr(VitrinePublishPlan) guarded = NULL;
  g_autoptr(VitrinePublisher) again = NULL;
  g_autoptr(VitrinePublisher) other = NULL;
  g_autoptr(VitrinePublisher) third = NULL;
  g_autofree char *other_folder = g_build_filename (f->hub.tmp, "other", NULL);
  VitrinePlanEntry *entry;
  guint commits;

  /* A repository that does not exist yet: everything is added. */
  fresh = plan (first);
  g_assert_false (vitrine_publish_plan_get_repo_exists (fresh));
  g_assert_cmpuint (g_list_model_get_n_items (vitrine_publish_plan_get_added (fresh)), ==, 3);
  g_assert_cmpuint (vitrine_publish_plan_get_n_files (fresh), ==, 3);
  g_assert_cmpuint (vitrine_publish_plan_get_bytes_to_send (fresh), ==, 400 + 200 + 12 * 1000 * 1000 + 7);
  g_assert_cmpuint (vitrine_publish_plan_get_n_bytes (fresh), ==, 400 + 200 + 12 * 1000 * 1000 + 7);
  g_assert_false (vitrine_publish_plan_get_card_changed (fresh));
  entry = entry_at (vitrine_publish_plan_get_added (fresh), 2);
  g_assert_cmpstr (vitrine_plan_entry_get_path (entry), ==, "weights/model.bin");
  g_assert_true (vitrine_plan_entry_get_is_large (entry));
  /* Nothing was made or sent. */
  g_assert_cmpuint (count_objects (objects, NULL), ==, 0);
  {
    g_autoptr(GAsyncResult) result = NULL;
    g_autoptr(GError) error = NULL;
    g_autoptr(VitrineRepoInfo) info = NULL;

    vitrine_client_repo_info_async (f->client, VITRINE_REPO_TYPE_MODEL, "alice/planned", NULL, NULL,
                                    test_keep_result_cb, &result);
    wait_for (&result);
    info = vitrine_client_repo_info_finish (f->client, result, &error);
    g_assert_error (error, VITRINE_ERROR, VITRINE_ERROR_REPO_NOT_FOUND);
  }

  g_assert_true (publish_with (first));
  commits = count_commits (f);

  /* One file added, one changed, one deleted. */
  write_file (f->folder, "notes.txt", 33, 9);
  write_file (f->folder, "config.json", 250, 10);
  {
    g_autofree char *model = g_build_filename (f->folder, "weights", "model.bin", NULL);

    g_assert_cmpint (g_unlink (model), ==, 0);
  }
  again = publisher_for (f, f->folder, "cards");
  later = plan (again);
  g_assert_true (vitrine_publish_plan_get_repo_exists (later));
  g_assert_true (vitrine_publish_plan_has_changes (later));
  g_assert_cmpuint (g_list_model_get_n_items (vitrine_publish_plan_get_added (later)), ==, 1);
  g_assert_cmpstr (vitrine_plan_entry_get_path (entry_at (vitrine_publish_plan_get_added (later), 0)), ==, "notes.txt");
  g_assert_cmpuint (g_list_model_get_n_items (vitrine_publish_plan_get_changed (later)), ==, 1);
  entry = entry_at (vitrine_publish_plan_get_changed (later), 0);
  g_assert_cmpstr (vitrine_plan_entry_get_path (entry), ==, "config.json");
  g_assert_cmpuint (vitrine_plan_entry_get_size (entry), ==, 250);
  g_assert_cmpuint (vitrine_plan_entry_get_old_size (entry), ==, 200);
  g_assert_cmpuint (g_list_model_get_n_items (vitrine_publish_plan_get_deleted (later)), ==, 1);
  entry = entry_at (vitrine_publish_plan_get_deleted (later), 0);
  g_assert_cmpstr (vitrine_plan_entry_get_path (entry), ==, "weights/model.bin");
  g_assert_cmpuint (vitrine_plan_entry_get_old_size (entry), ==, 12 * 1000 * 1000 + 7);
  g_assert_true (vitrine_plan_entry_get_is_large (entry));
  g_assert_cmpuint (vitrine_publish_plan_get_n_unchanged (later), ==, 1);
  g_assert_cmpuint (vitrine_publish_plan_get_bytes_to_send (later), ==, 33 + 250);
  g_assert_false (vitrine_publish_plan_get_card_changed (later));
  g_assert_cmpuint (count_commits (f), ==, commits);

  /* Someone publishes another card (from elsewhere): the plan says the
   * Hub's card changed since it was last published from here. */
  write_file (other_folder, "README.md", 500, 77);
  other = publisher_for (f, other_folder, "elsewhere");
  vitrine_publisher_set_delete_remote (other, FALSE);
  vitrine_publisher_set_replace_card (other, TRUE);
  g_assert_true (publish_with (other));
  third = publisher_for (f, f->folder, "cards");
  guarded = plan (third);
  g_assert_true (vitrine_publish_plan_get_card_changed (guarded));
  entry = entry_at (vitrine_publish_plan_get_changed (guarded), 0);
  g_assert_cmpstr (vitrine_plan_entry_get_path (entry), ==, "README.md");
}

static VitrineDestinationStatus
check (VitrineAccount  *account,
       const char      *repo_id,
       char           **message)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  VitrineDestinationStatus status;

  vitrine_destination_check_async (account, VITRINE_REPO_TYPE_MODEL, repo_id, NULL, test_keep_result_cb, &result);
  wait_for (&result);
  status = vitrine_destination_check_finish (result, message, NULL, &error);
  g_assert_no_error (error);
  return status;
}

static void
refresh (VitrineAccount *account)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  vitrine_account_refresh_async (account, NULL, test_keep_result_cb, &result);
  wait_for (&result);
  g_assert_true (vitrine_account_refresh_finish (account, result, &error));
  g_assert_no_error (error);
}

/* New, update, pull request, not allowed, and names the Hub refuses. */
static void
test_destination (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(VitrineClient) bob_client = vitrine_client_new (f->hub.url, f->hub.bob);
  g_autoptr(VitrineAccount) alice = vitrine_account_new_for_client (f->client, NULL);
  g_autoptr(VitrineAccount) bob = vitrine_account_new_for_client (bob_client, NULL);
  g_autoptr(VitrinePublisher) publisher = vitrine_publisher_new (f->client, VITRINE_REPO_TYPE_MODEL, "alice/there",
                                                                 f->folder);
  g_autofree char *message = NULL;

  refresh (alice);
  refresh (bob);

  g_assert_false (vitrine_destination_check_name ("alice", "bad--name", &message));
  g_assert_nonnull (strstr (message, "--"));
  g_clear_pointer (&message, g_free);
  g_assert_false (vitrine_destination_check_name ("alice", "", &message));
  g_clear_pointer (&message, g_free);
  g_assert_false (vitrine_destination_check_name (NULL, "model", &message));
  g_clear_pointer (&message, g_free);
  g_assert_true (vitrine_destination_check_name ("alice", "my-model.v2", &message));
  g_assert_null (message);

  g_assert_cmpint (check (alice, "alice/bad..name", &message), ==, VITRINE_DESTINATION_INVALID);
  g_clear_pointer (&message, g_free);
  g_assert_cmpint (check (alice, "alice/there", &message), ==, VITRINE_DESTINATION_NEW);
  g_assert_nonnull (strstr (message, "creates"));
  g_clear_pointer (&message, g_free);
  g_assert_cmpint (check (alice, "team/new-one", NULL), ==, VITRINE_DESTINATION_NEW);

  g_assert_true (publish_with (publisher));
  g_assert_cmpint (check (alice, "alice/there", &message), ==, VITRINE_DESTINATION_UPDATE);
  g_assert_nonnull (strstr (message, "new commit"));
  g_clear_pointer (&message, g_free);
  g_assert_cmpint (check (bob, "alice/there", &message), ==, VITRINE_DESTINATION_PULL_REQUEST);
  g_assert_nonnull (strstr (message, "pull request"));
  g_clear_pointer (&message, g_free);
  g_assert_cmpint (check (bob, "team/new-one", &message), ==, VITRINE_DESTINATION_NOT_ALLOWED);
  g_assert_nonnull (strstr (message, "team"));

  /* Another server than this computer's or huggingface.co can gate when
   * it tells a repository's gate, as vitrine-hub does. */
  {
    g_autoptr(VitrineRepoInfo) info = repo_info (f, "alice/there");
    g_autoptr(VitrineAccount) local = vitrine_account_new (VITRINE_ACCOUNT_KIND_LOCAL, f->client, "alice");

    g_assert_cmpint (vitrine_account_get_kind (alice), ==, VITRINE_ACCOUNT_KIND_OTHER);
    g_assert_false (vitrine_destination_supports_gating (alice, NULL));
    g_assert_true (vitrine_destination_supports_gating (alice, info));
    g_assert_true (vitrine_destination_supports_gating (local, NULL));
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, data, func) g_test_add (path, Fixture, data, fixture_setup, func, fixture_teardown)
  ADD ("/client/publish-plan/changes", NULL, test_plan);
  ADD ("/client/destination/check", NULL, test_destination);
#undef ADD

  return g_test_run ();
}
