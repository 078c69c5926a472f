/* test-repo-id.c — repository types and ids
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "vitrine-error.h"
#include "vitrine-repo-id.h"

static void
test_repo_types (void)
{
  VitrineRepoType type = VITRINE_REPO_TYPE_MODEL;

  g_assert_true (vitrine_repo_type_from_string ("datasets", &type));
  g_assert_cmpint (type, ==, VITRINE_REPO_TYPE_DATASET);
  g_assert_true (vitrine_repo_type_from_string ("space", &type));
  g_assert_cmpint (type, ==, VITRINE_REPO_TYPE_SPACE);
  g_assert_true (vitrine_repo_type_from_string ("model", &type));
  g_assert_cmpint (type, ==, VITRINE_REPO_TYPE_MODEL);
  g_assert_false (vitrine_repo_type_from_string ("kernel", &type));
  g_assert_false (vitrine_repo_type_from_string (NULL, &type));

  g_assert_cmpstr (vitrine_repo_type_to_string (VITRINE_REPO_TYPE_SPACE), ==, "space");
  g_assert_cmpstr (vitrine_repo_type_url_prefix (VITRINE_REPO_TYPE_MODEL), ==, "");
  g_assert_cmpstr (vitrine_repo_type_url_prefix (VITRINE_REPO_TYPE_DATASET), ==, "datasets/");
  g_assert_cmpstr (vitrine_repo_type_url_prefix (VITRINE_REPO_TYPE_SPACE), ==, "spaces/");
}

static void
test_repo_ids (void)
{
  const char *good[] = { "alice/bert-imdb", "org_1/model.v2", "a/b", "Alice/GPT-2_small" };
  const char *bad[] = {
    "", "gpt2", "alice/", "/model", "a/b/c", "alice/-model", "alice/model-",
    "alice/my--model", "alice/my..model", "alice/model.git", "alice/spaces here",
    "alice/mødel",
  };
  g_autofree char *x96 = g_strnfill (96, 'x');
  g_autofree char *x97 = g_strnfill (97, 'x');
  g_autofree char *longest = g_strconcat ("alice/", x96, NULL);
  g_autofree char *too_long = g_strconcat ("alice/", x97, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *ns = NULL;
      g_autofree char *name = NULL;
      g_autofree char *joined = NULL;

      g_assert_true (vitrine_repo_id_parse (good[i], &ns, &name, &error));
      g_assert_no_error (error);
      joined = g_strconcat (ns, "/", name, NULL);
      g_assert_cmpstr (good[i], ==, joined);
    }

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_false (vitrine_repo_id_parse (bad[i], NULL, NULL, &error));
      g_assert_error (error, VITRINE_ERROR, VITRINE_ERROR_INVALID_REPO_ID);
    }

  g_assert_true (vitrine_repo_id_parse (longest, NULL, NULL, NULL));
  g_assert_false (vitrine_repo_id_parse (too_long, NULL, NULL, NULL));
}

/* The command-line front end says what is wrong and fails. */
static void
test_repo_id_cli (void)
{
  const char *cli = g_getenv ("VITRINE_CLI_EXE");
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  g_assert_nonnull (cli);

  g_assert_true (g_spawn_sync (NULL, (char *[]) { (char *) cli, (char *) "check-id", (char *) "alice/bert", NULL },
                               NULL, 0, NULL, NULL, &out, &err, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_assert_cmpstr (out, ==, "alice/bert\n");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_true (g_spawn_sync (NULL, (char *[]) { (char *) cli, (char *) "check-id", (char *) "alice/my--bert", NULL },
                               NULL, 0, NULL, NULL, &out, &err, &status, &error));
  g_assert_false (g_spawn_check_wait_status (status, NULL));
  g_assert_nonnull (strstr (err, "--"));
  g_assert_cmpstr (out, ==, "");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/hub/repo-id/types", test_repo_types);
  g_test_add_func ("/hub/repo-id/ids", test_repo_ids);
  g_test_add_func ("/hub/repo-id/cli", test_repo_id_cli);

  return g_test_run ();
}
