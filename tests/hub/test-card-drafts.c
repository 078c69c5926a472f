/* test-card-drafts.c — drafts of model cards on disk
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <sys/stat.h>
#include <glib/gstdio.h>

#include "vitrine-card-drafts.h"
#include "../test-util.h"

static char *home;

static void
test_drafts_path (void)
{
  g_autofree char *a = vitrine_card_draft_path ("/models/a");
  g_autofree char *again = vitrine_card_draft_path ("/models/a");
  g_autofree char *b = vitrine_card_draft_path ("/models/b");
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "vitrine", "drafts", NULL);
  g_autofree char *a_dir = g_path_get_dirname (a);
  g_autofree char *name = g_path_get_basename (a);

  /* One file per folder, in the user's data folder, named by no part of
   * the folder's path. */
  g_assert_cmpstr (a, ==, again);
  g_assert_cmpstr (a, !=, b);
  g_assert_cmpstr (a_dir, ==, dir);
  g_assert_true (g_str_has_suffix (name, ".json"));
  g_assert_null (strstr (name, "models"));
}

static void
test_drafts_roundtrip (void)
{
  const char *folder = "/models/roundtrip";
  g_autofree char *path = vitrine_card_draft_path (folder);
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr(VitrineCardDraft) draft = vitrine_card_draft_new ();
  g_autoptr(VitrineCardDraft) back = NULL;
  g_autoptr(VitrineCardDraft) plain_back = NULL;
  g_autoptr(VitrineCardDraft) plain = vitrine_card_draft_new ();
  g_autoptr(GDateTime) before = g_date_time_new_now_utc ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) listing = NULL;
  GStatBuf st;
  const char *name;

  g_assert_null (vitrine_card_draft_read (folder, &error));
  g_assert_no_error (error);

  draft->text = g_strdup ("---\nlicense: mit\n---\n# Café « ü »\n\"quoted\" \\ and\ttab\n");
  draft->base = g_strdup ("---\nlicense: mit\n---\n");
  draft->base_endpoint = g_strdup ("http://127.0.0.1:1234");
  draft->base_repo_id = g_strdup ("alice/bert");
  draft->base_oid = g_strdup ("0123456789abcdef0123456789abcdef01234567");
  g_assert_true (vitrine_card_draft_write (folder, draft, &error));
  g_assert_no_error (error);

  /* Readable by the user alone; nothing left beside it. */
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_cmpint (g_stat (dir, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);
  listing = g_dir_open (dir, 0, &error);
  g_assert_no_error (error);
  while ((name = g_dir_read_name (listing)) != NULL)
    g_assert_true (g_str_has_suffix (name, ".json"));

  back = vitrine_card_draft_read (folder, &error);
  g_assert_no_error (error);
  g_assert_nonnull (back);
  g_assert_cmpstr (back->text, ==, draft->text);
  g_assert_cmpstr (back->base, ==, draft->base);
  g_assert_cmpstr (back->base_endpoint, ==, draft->base_endpoint);
  g_assert_cmpstr (back->base_repo_id, ==, draft->base_repo_id);
  g_assert_cmpstr (back->base_oid, ==, draft->base_oid);
  /* Stamped when it was written. */
  g_assert_nonnull (back->saved);
  g_assert_cmpint (g_date_time_to_unix (back->saved), >=, g_date_time_to_unix (before));
  g_assert_cmpint (g_date_time_to_unix (back->saved), <=, g_date_time_to_unix (before) + 60);

  /* A new card has no base, and no hub it came from; writing replaces. */
  plain->text = g_strdup ("# New\n");
  g_assert_true (vitrine_card_draft_write (folder, plain, &error));
  g_assert_no_error (error);
  plain_back = vitrine_card_draft_read (folder, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (plain_back->text, ==, "# New\n");
  g_assert_null (plain_back->base);
  g_assert_null (plain_back->base_oid);

  g_assert_true (vitrine_card_draft_delete (folder, &error));
  g_assert_no_error (error);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_null (vitrine_card_draft_read (folder, &error));
  g_assert_no_error (error);
  /* Deleting what is not there is not an error. */
  g_assert_true (vitrine_card_draft_delete (folder, &error));
  g_assert_no_error (error);
}

/* A draft this folder cannot use is no draft: damaged, or another's. */
static void
test_drafts_unusable (void)
{
  const char *folder = "/models/unusable";
  g_autofree char *path = vitrine_card_draft_path (folder);
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *other_path = vitrine_card_draft_path ("/models/other");
  g_autofree char *other = NULL;
  g_autoptr(VitrineCardDraft) draft = vitrine_card_draft_new ();
  g_autoptr(VitrineCardDraft) found = NULL;
  g_autoptr(GError) error = NULL;
  const char * const damaged[] = {
    "", "{", "[]", "\"text\"", "{\"folder\": \"/models/unusable\"}",
    "{\"folder\": \"/models/unusable\", \"text\": 3}",
    "{\"folder\": \"/elsewhere\", \"text\": \"x\"}",
  };

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (damaged); i++)
    {
      g_assert_true (g_file_set_contents (path, damaged[i], -1, NULL));
      g_assert_null (vitrine_card_draft_read (folder, &error));
      g_assert_no_error (error);
    }

  /* Another folder's draft under this folder's name is not restored. */
  draft->text = g_strdup ("# Someone else's\n");
  g_assert_true (vitrine_card_draft_write ("/models/other", draft, &error));
  g_assert_true (g_file_get_contents (other_path, &other, NULL, NULL));
  g_assert_true (g_file_set_contents (path, other, -1, NULL));
  g_assert_null (vitrine_card_draft_read (folder, &error));
  g_assert_no_error (error);

  /* The one that is its own is. */
  g_assert_true (vitrine_card_draft_write (folder, draft, &error));
  found = vitrine_card_draft_read (folder, &error);
  g_assert_no_error (error);
  g_assert_nonnull (found);
  g_assert_cmpstr (found->text, ==, "# Someone else's\n");

  vitrine_card_draft_delete (folder, NULL);
  vitrine_card_draft_delete ("/models/other", NULL);
}

/* Where the draft cannot be written, the error says so and nothing
 * is left half-written. */
static void
test_drafts_write_fails (void)
{
  const char *folder = "/models/blocked";
  g_autofree char *drafts = g_build_filename (g_get_user_data_dir (), "vitrine", "drafts", NULL);
  g_autofree char *moved = g_strconcat (drafts, ".moved", NULL);
  g_autoptr(VitrineCardDraft) draft = vitrine_card_draft_new ();
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir_with_parents (drafts, 0700), ==, 0);
  g_assert_cmpint (g_rename (drafts, moved), ==, 0);
  /* A file where the folder of drafts should be. */
  g_assert_true (g_file_set_contents (drafts, "not a folder", -1, NULL));
  draft->text = g_strdup ("# Blocked\n");
  g_assert_false (vitrine_card_draft_write (folder, draft, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_unlink (drafts);
  g_assert_cmpint (g_rename (moved, drafts), ==, 0);
  g_assert_null (vitrine_card_draft_read (folder, &error));
  g_assert_no_error (error);
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  home = test_isolate_home ("vitrine-drafts-XXXXXX");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/hub/card-drafts/path", test_drafts_path);
  g_test_add_func ("/hub/card-drafts/roundtrip", test_drafts_roundtrip);
  g_test_add_func ("/hub/card-drafts/unusable", test_drafts_unusable);
  g_test_add_func ("/hub/card-drafts/write-fails", test_drafts_write_fails);

  ret = g_test_run ();
  test_rm_rf (home);
  g_free (home);
  return ret;
}
