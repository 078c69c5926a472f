/* test-card-record.c — which card this computer left on each repository
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <sys/stat.h>
#include <glib/gstdio.h>

#include "vitrine-card-record.h"
#include "../test-util.h"

static const char oid[] = "0123456789abcdef0123456789abcdef01234567";
static const char other_oid[] = "89abcdef0123456789abcdef0123456789abcdef";

static void
test_record_roundtrip (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("vitrine-records-XXXXXX", &error);
  const char *hub = "http://127.0.0.1:8080";
  char *found;

  g_assert_null (vitrine_card_record_read (dir, hub, VITRINE_REPO_TYPE_MODEL, "alice/bert", "main"));
  g_assert_true (vitrine_card_record_write (dir, hub, VITRINE_REPO_TYPE_MODEL, "alice/bert", "main", oid, &error));
  g_assert_no_error (error);

  found = vitrine_card_record_read (dir, hub, VITRINE_REPO_TYPE_MODEL, "alice/bert", NULL);
  g_assert_cmpstr (found, ==, oid);
  g_free (found);

  /* Each hub, kind of repository, repository and branch has its own. */
  g_assert_null (vitrine_card_record_read (dir, "https://huggingface.co", VITRINE_REPO_TYPE_MODEL, "alice/bert", "main"));
  g_assert_null (vitrine_card_record_read (dir, hub, VITRINE_REPO_TYPE_SPACE, "alice/bert", "main"));
  g_assert_null (vitrine_card_record_read (dir, hub, VITRINE_REPO_TYPE_MODEL, "alice/gpt", "main"));
  g_assert_null (vitrine_card_record_read (dir, hub, VITRINE_REPO_TYPE_MODEL, "alice/bert", "dev"));

  /* Replaced, then forgotten. */
  g_assert_true (vitrine_card_record_write (dir, hub, VITRINE_REPO_TYPE_MODEL, "alice/bert", "main", other_oid, &error));
  found = vitrine_card_record_read (dir, hub, VITRINE_REPO_TYPE_MODEL, "alice/bert", "main");
  g_assert_cmpstr (found, ==, other_oid);
  g_free (found);
  g_assert_true (vitrine_card_record_write (dir, hub, VITRINE_REPO_TYPE_MODEL, "alice/bert", "main", NULL, &error));
  g_assert_no_error (error);
  g_assert_null (vitrine_card_record_read (dir, hub, VITRINE_REPO_TYPE_MODEL, "alice/bert", "main"));
  g_assert_true (vitrine_card_record_write (dir, hub, VITRINE_REPO_TYPE_MODEL, "alice/bert", "main", NULL, &error));
  g_assert_no_error (error);

  test_rm_rf (dir);
}

/* Kept in the user's data folder by default, readable by the user alone;
 * a damaged record is no record. */
static void
test_record_default_place (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "vitrine", "published", NULL);
  g_autoptr(GDir) listing = NULL;
  g_autofree char *path = NULL;
  const char *name;
  GStatBuf st;

  g_assert_true (vitrine_card_record_write (NULL, "http://hub", VITRINE_REPO_TYPE_MODEL, "a/b", "main", oid, &error));
  g_assert_no_error (error);
  listing = g_dir_open (dir, 0, &error);
  g_assert_no_error (error);
  name = g_dir_read_name (listing);
  g_assert_nonnull (name);
  g_assert_null (g_dir_read_name (listing));
  path = g_build_filename (dir, name, NULL);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  g_assert_true (g_file_set_contents (path, "not an object id", -1, NULL));
  g_assert_null (vitrine_card_record_read (NULL, "http://hub", VITRINE_REPO_TYPE_MODEL, "a/b", "main"));
  g_assert_true (g_file_set_contents (path, "0123456789abcdef0123456789abcdef0123456g", -1, NULL));
  g_assert_null (vitrine_card_record_read (NULL, "http://hub", VITRINE_REPO_TYPE_MODEL, "a/b", "main"));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *home = test_isolate_home ("vitrine-records-home-XXXXXX");
  int ret;

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/hub/card-record/roundtrip", test_record_roundtrip);
  g_test_add_func ("/hub/card-record/default-place", test_record_default_place);

  ret = g_test_run ();
  test_rm_rf (home);
  return ret;
}
