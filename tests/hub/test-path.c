/* test-path.c — the rules for paths inside a repository
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "vitrine-error.h"
#include "vitrine-path.h"

static void
test_path_accepted (void)
{
  const char *good[] = {
    "README.md",
    "weights/model.safetensors",
    "a/b/c/d/e.bin",
    ".gitattributes",
    ".github/workflows/ci.yml",
    "dir.git/file",
    "données/modèle.bin",
    "..hidden",
    "x..y",
  };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_true (vitrine_path_check (good[i], -1, &error));
      g_assert_no_error (error);
    }
}

static void
test_path_refused (void)
{
  const char *bad[] = {
    "",
    "/etc/passwd",
    "..",
    "../outside",
    "a/../../b",
    "a/./b",
    ".",
    "a//b",
    "a/",
    ".git",
    ".git/config",
    "sub/.GIT/HEAD",
    "win\\path",
    "\xff\xfe",
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_false (vitrine_path_check (bad[i], -1, &error));
      g_assert_error (error, VITRINE_ERROR, VITRINE_ERROR_INVALID_PATH);
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
    }

  g_assert_false (vitrine_path_check (NULL, -1, NULL));
}

static void
test_path_nul_and_length (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *longest = g_strnfill (VITRINE_PATH_MAX_LENGTH, 'a');
  g_autofree char *too_long = g_strnfill (VITRINE_PATH_MAX_LENGTH + 1, 'a');

  /* A NUL inside the given length must not silently shorten the path. */
  g_assert_false (vitrine_path_check ("ok.txt\0../../etc", 16, &error));
  g_assert_error (error, VITRINE_ERROR, VITRINE_ERROR_INVALID_PATH);
  g_clear_error (&error);

  g_assert_true (vitrine_path_check ("ok.txtGARBAGE", 6, &error));
  g_assert_no_error (error);

  g_assert_true (vitrine_path_check (longest, -1, &error));
  g_assert_no_error (error);
  g_assert_false (vitrine_path_check (too_long, -1, &error));
  g_assert_error (error, VITRINE_ERROR, VITRINE_ERROR_INVALID_PATH);
  /* The message never repeats a huge path whole. */
  g_assert_cmpuint (strlen (error->message), <, 300);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/hub/path/accepted", test_path_accepted);
  g_test_add_func ("/hub/path/refused", test_path_refused);
  g_test_add_func ("/hub/path/nul-and-length", test_path_nul_and_length);

  return g_test_run ();
}
