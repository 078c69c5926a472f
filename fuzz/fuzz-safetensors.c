/* fuzz-safetensors.c — a safetensors header, whatever the bytes
 *
 * The reader takes a path, so each input is put in an in-memory file
 * (memfd) and read through /proc/self/fd.
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdint.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "vitrine-card-template.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  static int fd = -1;
  static char *path = NULL;
  g_autoptr(GHashTable) per_dtype = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GError) error = NULL;
  guint64 parameters = 0;

  if (fd < 0)
    {
      fd = memfd_create ("fuzz-safetensors", MFD_CLOEXEC);
      g_assert (fd >= 0);
      path = g_strdup_printf ("/proc/self/fd/%d", fd);
    }
  g_assert (ftruncate (fd, 0) == 0);
  g_assert (size == 0 || pwrite (fd, data, size, 0) == (ssize_t) size);

  if (vitrine_safetensors_count (path, &parameters, per_dtype, &error))
    {
      GHashTableIter iter;
      gpointer value;
      guint64 sum = 0;

      /* The counts per dtype add up to the whole, without wrapping. */
      g_hash_table_iter_init (&iter, per_dtype);
      while (g_hash_table_iter_next (&iter, NULL, &value))
        {
          guint64 count = *(guint64 *) value;

          g_assert (count <= parameters && sum <= parameters - count);
          sum += count;
        }
      g_assert (sum == parameters);
      g_assert (error == NULL);
    }
  else
    {
      g_assert (error != NULL);
      g_assert (g_utf8_validate (error->message, -1, NULL));
    }
  return 0;
}
