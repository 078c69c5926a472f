/* test-card-validate.c — `vitrine-cli card validate`, the Hub's card rules
 * offline
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <unistd.h>
#include <gio/gio.h>
#include <glib/gstdio.h>

static int
validate (const char  *text,
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
  g_assert_true (g_spawn_sync (NULL, (char *[]) { (char *) cli, (char *) "card", (char *) "validate", path, NULL },
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

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/hub/card/validate-valid", test_card_valid);
  g_test_add_func ("/hub/card/validate-invalid", test_card_invalid);

  return g_test_run ();
}
