/* test-lfs-pointer.c — the git-lfs pointer format
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "vitrine-hash.h"
#include "vitrine-lfs-pointer.h"

static void
test_pointer_roundtrip (void)
{
  g_autofree char *oid = vitrine_sha256_hex ("hello", 5);
  g_autofree char *text = vitrine_lfs_pointer_format (oid, 5);
  g_autofree char *parsed = NULL;
  guint64 size = 0;

  g_assert_true (g_str_has_prefix (text, "version https://git-lfs.github.com/spec/v1\noid sha256:"));
  g_assert_true (vitrine_lfs_pointer_parse (text, strlen (text), &parsed, &size));
  g_assert_cmpstr (parsed, ==, oid);
  g_assert_cmpuint (size, ==, 5);
}

static void
test_pointer_refused (void)
{
  const char *spec = "version https://git-lfs.github.com/spec/v1";
  /* No terminating NUL: under AddressSanitizer, a read past the end fails. */
  g_autofree char *cut = g_memdup2 (spec, strlen (spec));
  const char *bad[] = {
    "",
    "version https://git-lfs.github.com/spec/v1\n",
    "version https://git-lfs.github.com/spec/v1\noid sha256:abc\nsize 1\n",
    "version https://git-lfs.github.com/spec/v1\noid sha256:"
    "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824\nsize -1\n",
    "version https://git-lfs.github.com/spec/v1\noid sha256:"
    "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824\n",
    "not a pointer at all",
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    g_assert_false (vitrine_lfs_pointer_parse (bad[i], strlen (bad[i]), NULL, NULL));

  /* Exactly the spec line, in a buffer that long and no longer: the
   * parser must not read past it (found by fuzz/fuzz-lfs-pointer). */
  g_assert_false (vitrine_lfs_pointer_parse (cut, strlen (spec), NULL, NULL));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/hub/lfs-pointer/roundtrip", test_pointer_roundtrip);
  g_test_add_func ("/hub/lfs-pointer/refused", test_pointer_refused);

  return g_test_run ();
}
