/* fuzz-path.c — the path rules, whatever the bytes
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdint.h>
#include <string.h>

#include "vitrine-path.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  const char *path = (const char *) data;

  if (vitrine_path_check (path, size, &error))
    {
      g_autofree char *copy = g_strndup (path, size);

      /* What is accepted can never climb out of the repository. */
      g_assert (copy[0] != '/');
      g_assert (strcmp (copy, "..") != 0);
      g_assert (!g_str_has_prefix (copy, "../"));
      g_assert (strstr (copy, "/../") == NULL);
      g_assert (!g_str_has_suffix (copy, "/.."));
      g_assert (memchr (path, '\0', size) == NULL);
    }
  else
    g_assert (g_utf8_validate (error->message, -1, NULL));
  return 0;
}
