/* test-card-validate.c — `vitrine-cli card validate`, the Hub's card rules
 * offline
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <signal.h>
#include <string.h>
#include <unistd.h>
#include <gio/gio.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "vitrine-card-rules.h"

static int
validate_with (const char  *endpoint,
               const char  *text,
               char       **out,
               char       **err);

static int
validate (const char  *text,
          char       **out,
          char       **err)
{
  return validate_with (NULL, text, out, err);
}

static int
validate_with (const char  *endpoint,
               const char  *text,
               char       **out,
               char       **err)
{
  const char *cli = g_getenv ("VITRINE_CLI_EXE");
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  int fd = g_file_open_tmp ("card-XXXXXX.md", &path, &error);
  int status;

  g_assert_no_error (error);
  close (fd);
  g_assert_true (g_file_set_contents (path, text, -1, &error));
  g_assert_true (g_spawn_sync (NULL, endpoint != NULL
                                 ? (char *[]) { (char *) cli, (char *) "--endpoint", (char *) endpoint, (char *) "card",
                                                (char *) "validate", path, NULL }
                                 : (char *[]) { (char *) cli, (char *) "card", (char *) "validate", path, NULL },
                               (char *[]) { (char *) "LC_ALL=C.UTF-8", NULL },
                               0, NULL, NULL, out, err, &status, &error));
  g_assert_no_error (error);
  g_unlink (path);
  return g_spawn_check_wait_status (status, NULL) ? 0 : 1;
}

static void
test_card_valid (void)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (validate ("---\nlicense: apache-2.0\nlanguage: [en, fr]\npipeline_tag: text-classification\n"
                             "license_name: x\n---\n# Model\n", &out, &err), ==, 0);
  g_assert_nonnull (strstr (out, "follows"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (validate ("# No front matter at all\n", &out, &err), ==, 0);
}

static void
test_card_invalid (void)
{
  struct {
    const char *text;
    const char *mentions;
  } cases[] = {
    { "---\nlicense: not-a-license\n---\n", "Line 2: “not-a-license” is not a license" },
    { "---\nlicense: other\n---\n", "license_name" },
    { "---\nlicense: other\n---\n", "license_link" },
    { "---\ntags: [a]\npipeline_tag: dancing\n---\n", "Line 3: “dancing” is not a pipeline tag" },
    { "---\nlanguage: English\n---\n", "(key “language”)" },
    { "---\nbase_model: not/a/repo\n---\n", "base_model" },
    { "---\nbase_model_relation: borrowed\n---\n", "base_model_relation" },
    { "---\nmodel-index:\n  - name: m\n    results:\n      - task: {type: t}\n---\n", "dataset" },
    { "---\nlicense: [mit\n---\n", "line 3" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;

      g_assert_cmpint (validate (cases[i].text, &out, &err), ==, 1);
      if (strstr (err, cases[i].mentions) == NULL)
        g_error ("case %u: “%s” not in: %s", i, cases[i].mentions, err);
    }
}

/* With an endpoint, its validate-yaml is asked too. */
static void
test_card_online (void)
{
  const char *hub = g_getenv ("VITRINE_HUB_EXE");
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("card-hub-XXXXXX", &error);
  g_autoptr(GSubprocess) proc = NULL;
  g_autoptr(GDataInputStream) lines = NULL;
  g_autofree char *url = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *out2 = NULL;
  g_autofree char *err2 = NULL;

  proc = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error, hub, "serve", "--data-dir", dir,
                           "--port", "0", NULL);
  g_assert_no_error (error);
  lines = g_data_input_stream_new (g_subprocess_get_stdout_pipe (proc));
  url = g_data_input_stream_read_line_utf8 (lines, NULL, NULL, &error);
  g_assert_nonnull (url);

  g_assert_cmpint (validate_with (url, "---\npipeline_tag: dancing\n---\n", &out, &err), ==, 1);
  /* The same problem, said once. */
  g_assert_nonnull (strstr (err, "dancing"));
  g_assert_null (strstr (strstr (err, "dancing") + 1, "dancing"));
  g_assert_cmpint (validate_with (url, "---\nlicense: mit\n---\n", &out2, &err2), ==, 0);

  g_subprocess_send_signal (proc, SIGTERM);
  g_subprocess_wait (proc, NULL, NULL);

  /* A hub that cannot be reached is said, not skipped. */
  {
    g_autofree char *out3 = NULL;
    g_autofree char *err3 = NULL;

    g_assert_cmpint (validate_with (url, "---\nlicense: mit\n---\n", &out3, &err3), ==, 1);
    g_assert_nonnull (strstr (err3, "could not check"));
  }
}

static void
test_card_problems (void)
{
  const char *card =
    "---\n"
    "language: en\n"
    "license: not-a-license\n"
    "pipeline_tag: text-classification\n"
    "---\n"
    "# Body\n";
  const char *broken =
    "---\n"
    "license: mit\n"
    "tags: [a, b\n"
    "---\n";
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(JsonNode) metadata = NULL;
  VitrineCardProblem *problem;

  problems = vitrine_card_find_problems (card, strlen (card), VITRINE_REPO_TYPE_MODEL, &metadata);
  g_assert_cmpuint (problems->len, ==, 1);
  problem = g_ptr_array_index (problems, 0);
  g_assert_cmpstr (problem->key, ==, "license");
  g_assert_cmpuint (problem->line, ==, 3);
  g_assert_cmpuint (problem->column, ==, 0);
  g_assert_nonnull (strstr (problem->message, "not-a-license"));
  g_assert_nonnull (metadata);
  g_clear_pointer (&problems, g_ptr_array_unref);
  g_clear_pointer (&metadata, json_node_unref);

  problems = vitrine_card_find_problems (broken, strlen (broken), VITRINE_REPO_TYPE_MODEL, &metadata);
  g_assert_cmpuint (problems->len, ==, 1);
  problem = g_ptr_array_index (problems, 0);
  g_assert_null (problem->key);
  /* libyaml finds the unclosed flow sequence where the document ends. */
  g_assert_cmpuint (problem->line, >=, 3);
  g_assert_cmpuint (problem->column, >, 0);
  g_assert_nonnull (strstr (problem->message, "line"));
  g_assert_null (metadata);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/hub/card/validate-valid", test_card_valid);
  g_test_add_func ("/hub/card/validate-invalid", test_card_invalid);
  g_test_add_func ("/hub/card/validate-online", test_card_online);
  g_test_add_func ("/hub/card/problems", test_card_problems);

  return g_test_run ();
}
