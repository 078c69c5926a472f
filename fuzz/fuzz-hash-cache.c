/* fuzz-hash-cache.c — the hash cache file, whatever the bytes
 *
 * Each input is written as a cache file and loaded.  What a loaded cache
 * writes back must load to the same cache: the file is saved, loaded and
 * saved again, and both saves must hold the same lines.
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <glib/gstdio.h>

#include "vitrine-hash-cache.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

#define SHA256 "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"

static char *dir;
static char *cache_path;

static void
remove_dir (void)
{
  g_unlink (cache_path);
  g_rmdir (dir);
}

/* Loads the cache file, stores one entry so that it is written again,
 * saves it, and returns its lines. */
static GStrv
load_and_save (void)
{
  g_autoptr(VitrineHashCache) cache = vitrine_hash_cache_new (cache_path);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  struct stat st = { 0 };

  st.st_size = 1;
  vitrine_hash_cache_store (cache, "/fuzz/marker", &st, SHA256, NULL);
  g_assert (vitrine_hash_cache_save (cache, &error));
  g_assert (g_file_get_contents (cache_path, &text, NULL, &error));
  return g_strsplit (text, "\n", -1);
}

static int
compare_strings (const void *a,
                 const void *b)
{
  return strcmp (*(char * const *) a, *(char * const *) b);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) first = NULL;
  g_auto(GStrv) second = NULL;

  if (dir == NULL)
    {
      dir = g_dir_make_tmp ("fuzz-hash-cache-XXXXXX", &error);
      g_assert (dir != NULL);
      cache_path = g_build_filename (dir, "hashes", NULL);
      atexit (remove_dir);
    }

  g_assert (g_file_set_contents (cache_path, (const char *) data, size, &error));
  first = load_and_save ();
  second = load_and_save ();
  qsort (first, g_strv_length (first), sizeof (char *), compare_strings);
  qsort (second, g_strv_length (second), sizeof (char *), compare_strings);
  g_assert (g_strv_equal ((const char * const *) first, (const char * const *) second));
  return 0;
}
