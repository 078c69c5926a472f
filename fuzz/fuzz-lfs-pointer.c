/* fuzz-lfs-pointer.c — git-lfs pointer files, whatever the bytes
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdint.h>
#include <string.h>

#include "vitrine-hash.h"
#include "vitrine-lfs-pointer.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *oid = NULL;
  guint64 object_size = 0;

  if (vitrine_lfs_pointer_parse ((const char *) data, size, &oid, &object_size))
    {
      g_autofree char *again = vitrine_lfs_pointer_format (oid, object_size);
      g_autofree char *oid2 = NULL;
      guint64 size2 = 0;

      /* What parses formats back to a pointer that parses the same. */
      g_assert (vitrine_is_hex (oid, 64));
      g_assert (vitrine_lfs_pointer_parse (again, strlen (again), &oid2, &size2));
      g_assert (g_str_equal (oid, oid2) && size2 == object_size);
    }
  return 0;
}
