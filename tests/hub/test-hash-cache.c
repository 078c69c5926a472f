/* test-hash-cache.c — unchanged files are never read twice
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>
#include <glib/gstdio.h>

#include "vitrine-hash.h"
#include "vitrine-hash-cache.h"

typedef struct
{
  char *dir;
} Fixture;

static void
remove_tree (const char *path)
{
  GDir *dir = g_dir_open (path, 0, NULL);

  if (dir != NULL)
    {
      const char *name;

      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
            remove_tree (child);
          else
            g_unlink (child);
        }
      g_dir_close (dir);
    }
  g_rmdir (path);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("vitrine-hash-cache-XXXXXX", &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  remove_tree (fixture->dir);
  g_free (fixture->dir);
}

/* Content that is not all the same byte, of any length. */
static GBytes *
make_content (gsize  len,
              guint  seed)
{
  guint8 *data = g_malloc (len);
  guint32 x = seed * 2654435761u + 1;

  for (gsize i = 0; i < len; i++)
    {
      x ^= x << 13;
      x ^= x >> 17;
      x ^= x << 5;
      data[i] = x & 0xff;
    }
  return g_bytes_new_take (data, len);
}

static char *
write_file (Fixture    *fixture,
            const char *name,
            GBytes     *content)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (fixture->dir, name, NULL);
  gsize len;
  const char *data = g_bytes_get_data (content, &len);

  g_file_set_contents (path, data != NULL ? data : "", len, &error);
  g_assert_no_error (error);
  return path;
}

/* Hashes @path and checks the result against @content; returns how many
 * bytes were read. */
static guint64
hash_and_check (VitrineHashCache *cache,
                const char       *path,
                GBytes           *content,
                gboolean          want_git_sha1)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *sha256 = NULL;
  g_autofree char *git_sha1 = NULL;
  g_autofree char *expected_sha256 = NULL;
  g_autofree char *expected_git_sha1 = NULL;
  guint64 size = G_MAXUINT64;
  guint64 bytes_read = G_MAXUINT64;
  gsize len;
  const void *data = g_bytes_get_data (content, &len);

  expected_sha256 = vitrine_sha256_hex (data != NULL ? data : "", len);
  expected_git_sha1 = vitrine_git_blob_sha1 (data != NULL ? data : "", len);

  g_assert_true (vitrine_hash_cache_hash_file (cache, path, want_git_sha1, &sha256, &git_sha1,
                                               &size, &bytes_read, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (sha256, ==, expected_sha256);
  if (want_git_sha1)
    g_assert_cmpstr (git_sha1, ==, expected_git_sha1);
  else
    g_assert_null (git_sha1);
  g_assert_cmpuint (size, ==, len);
  g_assert_true (bytes_read == 0 || bytes_read == len);
  return bytes_read;
}

static void
set_mtime (const char *path,
           time_t      sec,
           long        nsec)
{
  struct timespec times[2] = {
    { 0, UTIME_OMIT },
    { sec, nsec },
  };

  g_assert_cmpint (utimensat (AT_FDCWD, path, times, 0), ==, 0);
}

static void
test_hash_matches (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(VitrineHashCache) cache = vitrine_hash_cache_new (NULL);
  const gsize sizes[] = { 0, 1, 5, 1 << 20, (1 << 20) + 1, 3 * (1 << 20) + 123 };

  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      g_autofree char *name = g_strdup_printf ("file-%u.bin", i);
      g_autoptr(GBytes) content = make_content (sizes[i], i);
      g_autofree char *path = write_file (fixture, name, content);

      g_assert_cmpuint (hash_and_check (cache, path, content, TRUE), ==, sizes[i]);
      /* The second time nothing is read. */
      g_assert_cmpuint (hash_and_check (cache, path, content, TRUE), ==, 0);
      g_assert_cmpuint (hash_and_check (cache, path, content, FALSE), ==, 0);

      /* Without a cache, every call reads. */
      g_assert_cmpuint (hash_and_check (NULL, path, content, TRUE), ==, sizes[i]);
      g_assert_cmpuint (hash_and_check (NULL, path, content, FALSE), ==, sizes[i]);
    }
}

static void
test_hash_git_sha1_later (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(VitrineHashCache) cache = vitrine_hash_cache_new (NULL);
  g_autoptr(GBytes) content = make_content (4096, 7);
  g_autofree char *path = write_file (fixture, "a.bin", content);

  g_assert_cmpuint (hash_and_check (cache, path, content, FALSE), ==, 4096);
  g_assert_cmpuint (hash_and_check (cache, path, content, FALSE), ==, 0);
  /* The git blob id was not computed: it takes a read. */
  g_assert_cmpuint (hash_and_check (cache, path, content, TRUE), ==, 4096);
  g_assert_cmpuint (hash_and_check (cache, path, content, TRUE), ==, 0);
  g_assert_cmpuint (hash_and_check (cache, path, content, FALSE), ==, 0);
}

static void
test_hash_changes_miss (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(VitrineHashCache) cache = vitrine_hash_cache_new (NULL);
  g_autoptr(GBytes) content = make_content (10000, 1);
  g_autoptr(GBytes) same_size = make_content (10000, 2);
  g_autoptr(GBytes) longer = make_content (10001, 3);
  g_autofree char *path = write_file (fixture, "a.bin", content);
  struct stat st;
  int fd;

  set_mtime (path, 1700000000, 100);
  g_assert_cmpuint (hash_and_check (cache, path, content, TRUE), ==, 10000);
  g_assert_cmpuint (hash_and_check (cache, path, content, TRUE), ==, 0);

  /* Touching the file, even by a nanosecond, is a change. */
  set_mtime (path, 1700000000, 101);
  g_assert_cmpuint (hash_and_check (cache, path, content, TRUE), ==, 10000);
  g_assert_cmpuint (hash_and_check (cache, path, content, TRUE), ==, 0);
  set_mtime (path, 1700000001, 101);
  g_assert_cmpuint (hash_and_check (cache, path, content, TRUE), ==, 10000);

  /* Replaced by a new file of the same size, with the same time: the
   * inode differs. */
  g_free (write_file (fixture, "a.bin", same_size));
  set_mtime (path, 1700000001, 101);
  g_assert_cmpuint (hash_and_check (cache, path, same_size, TRUE), ==, 10000);
  g_assert_cmpuint (hash_and_check (cache, path, same_size, TRUE), ==, 0);

  /* Rewritten in place, longer. */
  g_assert_cmpint (stat (path, &st), ==, 0);
  fd = open (path, O_WRONLY | O_TRUNC);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (write (fd, g_bytes_get_data (longer, NULL), 10001), ==, 10001);
  close (fd);
  set_mtime (path, st.st_mtim.tv_sec, st.st_mtim.tv_nsec);
  g_assert_cmpuint (hash_and_check (cache, path, longer, TRUE), ==, 10001);
  g_assert_cmpuint (hash_and_check (cache, path, longer, TRUE), ==, 0);
}

static void
test_hash_lookup_store (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(VitrineHashCache) cache = vitrine_hash_cache_new (NULL);
  g_autoptr(GBytes) content = make_content (10, 1);
  g_autofree char *path = write_file (fixture, "a.bin", content);
  g_autofree char *sha256 = NULL;
  g_autofree char *git_sha1 = NULL;
  const char *fake_sha256 = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
  const char *fake_git_sha1 = "0123456789abcdef0123456789abcdef01234567";
  struct stat st, other;

  g_assert_cmpint (stat (path, &st), ==, 0);
  g_assert_false (vitrine_hash_cache_lookup (cache, path, &st, &sha256, &git_sha1));
  g_assert_null (sha256);
  g_assert_null (git_sha1);

  vitrine_hash_cache_store (cache, path, &st, fake_sha256, NULL);
  g_assert_true (vitrine_hash_cache_lookup (cache, path, &st, &sha256, &git_sha1));
  g_assert_cmpstr (sha256, ==, fake_sha256);
  g_assert_null (git_sha1);
  g_clear_pointer (&sha256, g_free);

  vitrine_hash_cache_store (cache, path, &st, fake_sha256, fake_git_sha1);
  /* Storing again without a blob id keeps the one known for this state. */
  vitrine_hash_cache_store (cache, path, &st, fake_sha256, NULL);
  g_assert_true (vitrine_hash_cache_lookup (cache, path, &st, NULL, &git_sha1));
  g_assert_cmpstr (git_sha1, ==, fake_git_sha1);
  g_clear_pointer (&git_sha1, g_free);

  /* Any difference in size, time, inode or device is a miss. */
  other = st;
  other.st_size++;
  g_assert_false (vitrine_hash_cache_lookup (cache, path, &other, &sha256, NULL));
  other = st;
  other.st_mtim.tv_nsec = (other.st_mtim.tv_nsec + 1) % 1000000000;
  g_assert_false (vitrine_hash_cache_lookup (cache, path, &other, &sha256, NULL));
  other = st;
  other.st_mtim.tv_sec++;
  g_assert_false (vitrine_hash_cache_lookup (cache, path, &other, &sha256, NULL));
  other = st;
  other.st_ino++;
  g_assert_false (vitrine_hash_cache_lookup (cache, path, &other, &sha256, NULL));
  other = st;
  other.st_dev++;
  g_assert_false (vitrine_hash_cache_lookup (cache, path, &other, &sha256, NULL));
  g_assert_null (sha256);

  /* Another path with the same state is not the same file. */
  g_assert_false (vitrine_hash_cache_lookup (cache, "/elsewhere/a.bin", &st, NULL, NULL));
}

static void
test_hash_save_reload (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *cache_dir = g_build_filename (fixture->dir, "state", "vitrine", NULL);
  g_autofree char *cache_file = g_build_filename (cache_dir, "hashes", NULL);
  g_autoptr(GBytes) content = make_content (3 * (1 << 20), 4);
  g_autoptr(GBytes) small = make_content (100, 5);
  g_autoptr(GBytes) odd = make_content (200, 6);
  g_autofree char *path = write_file (fixture, "weights.bin", content);
  g_autofree char *small_path = write_file (fixture, "config \"q\" \\ \t.json", small);
  g_autofree char *odd_path = write_file (fixture, "\xff\xfe.bin", odd);
  g_autofree char *newline_path = write_file (fixture, "two\nlines", small);
  struct stat st;

  {
    g_autoptr(VitrineHashCache) cache = vitrine_hash_cache_new (cache_file);

    g_assert_cmpuint (hash_and_check (cache, path, content, TRUE), ==, 3 * (1 << 20));
    g_assert_cmpuint (hash_and_check (cache, small_path, small, FALSE), ==, 100);
    g_assert_cmpuint (hash_and_check (cache, odd_path, odd, TRUE), ==, 200);
    g_assert_cmpuint (hash_and_check (cache, newline_path, small, TRUE), ==, 100);
    g_assert_cmpuint (hash_and_check (cache, newline_path, small, TRUE), ==, 0);
    g_assert_true (vitrine_hash_cache_save (cache, &error));
    g_assert_no_error (error);
    /* Nothing changed: nothing to write. */
    g_assert_true (vitrine_hash_cache_save (cache, &error));
    g_assert_no_error (error);
  }

  g_assert_cmpint (stat (cache_file, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_cmpint (stat (cache_dir, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);

  {
    g_autoptr(VitrineHashCache) cache = vitrine_hash_cache_new (cache_file);

    g_assert_cmpuint (hash_and_check (cache, path, content, TRUE), ==, 0);
    g_assert_cmpuint (hash_and_check (cache, odd_path, odd, TRUE), ==, 0);
    g_assert_cmpuint (hash_and_check (cache, small_path, small, FALSE), ==, 0);
    g_assert_cmpuint (hash_and_check (cache, small_path, small, TRUE), ==, 100);
    /* A path with a newline is not written to the file. */
    g_assert_cmpuint (hash_and_check (cache, newline_path, small, TRUE), ==, 100);
    g_assert_true (vitrine_hash_cache_save (cache, &error));
    g_assert_no_error (error);
  }

  {
    g_autoptr(VitrineHashCache) cache = vitrine_hash_cache_new (cache_file);

    g_assert_cmpuint (hash_and_check (cache, small_path, small, TRUE), ==, 0);
  }
}

static void
test_hash_garbage_cache (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *cache_file = g_build_filename (fixture->dir, "hashes", NULL);
  g_autoptr(GBytes) content = make_content (1000, 8);
  g_autoptr(GBytes) noise = make_content (5000, 9);
  g_autofree char *path = write_file (fixture, "a.bin", content);
  g_autofree char *sha256 = NULL;
  g_autofree char *good = NULL;
  g_autoptr(GString) file = g_string_new ("vitrine-hash-cache 1\n");
  const char *zeros = "0000000000000000000000000000000000000000000000000000000000000000";
  static const char nul_line[] = " - 1000 1 2 3 4 /a\0b\n";
  g_autoptr(GPtrArray) bad_lines = g_ptr_array_new_with_free_func (g_free);
  const char *garbage[] = {
    "",
    "vitrine-hash-cache",
    "vitrine-hash-cache 2\n",
    "{\"version\":1,\"entries\":[]}",
    "\nvitrine-hash-cache 1\n",
  };
  struct stat st;

  for (guint i = 0; i <= G_N_ELEMENTS (garbage); i++)
    {
      g_autoptr(VitrineHashCache) cache = NULL;
      g_autoptr(GError) error = NULL;

      if (i < G_N_ELEMENTS (garbage))
        g_file_set_contents (cache_file, garbage[i], -1, &error);
      else
        g_file_set_contents (cache_file, g_bytes_get_data (noise, NULL), 5000, &error);
      g_assert_no_error (error);

      cache = vitrine_hash_cache_new (cache_file);
      g_assert_cmpuint (hash_and_check (cache, path, content, TRUE), ==, 1000);
    }

  /* A cache file whose path is a folder. */
  g_unlink (cache_file);
  g_assert_cmpint (g_mkdir (cache_file, 0700), ==, 0);
  {
    g_autoptr(VitrineHashCache) cache = vitrine_hash_cache_new (cache_file);
    g_autoptr(GError) error = NULL;

    g_assert_cmpuint (hash_and_check (cache, path, content, TRUE), ==, 1000);
    g_assert_false (vitrine_hash_cache_save (cache, &error));
    g_assert_nonnull (error);
  }
  g_rmdir (cache_file);

  /* Bad lines are dropped one by one; good ones stay. */
  g_ptr_array_add (bad_lines, g_strdup (""));
  g_ptr_array_add (bad_lines, g_strdup ("junk"));
  g_ptr_array_add (bad_lines, g_strdup_printf ("%s - 1000 1 2 3 4 relative", zeros));
  g_ptr_array_add (bad_lines, g_strdup_printf ("%s - 1000 1 2 3 4 ", zeros));
  g_ptr_array_add (bad_lines, g_strdup_printf ("%s - 1000 1 2 3 4", zeros));
  g_ptr_array_add (bad_lines, g_strdup_printf ("%s - 1000 1 2000000000 3 4 /a", zeros));
  g_ptr_array_add (bad_lines, g_strdup_printf ("%s - 99999999999999999999999 1 2 3 4 /a", zeros));
  g_ptr_array_add (bad_lines, g_strdup_printf ("%s - -1 1 2 3 4 /a", zeros));
  g_ptr_array_add (bad_lines, g_strdup_printf ("%s - 1000 1.5 2 3 4 /a", zeros));
  g_ptr_array_add (bad_lines, g_strdup_printf ("%s xyz 1000 1 2 3 4 /a", zeros));
  g_ptr_array_add (bad_lines, g_strdup_printf ("%s  1000 1 2 3 4 /a", zeros));
  g_ptr_array_add (bad_lines, g_strdup_printf ("%.63s - 1000 1 2 3 4 /a", zeros));
  g_ptr_array_add (bad_lines, g_strdup_printf ("%.63sA - 1000 1 2 3 4 /a", zeros));
  g_assert_cmpint (stat (path, &st), ==, 0);
  sha256 = vitrine_sha256_hex (g_bytes_get_data (content, NULL), 1000);
  good = g_strdup_printf ("%s - %" G_GINT64_FORMAT " %" G_GINT64_FORMAT " %ld %" G_GUINT64_FORMAT
                          " %" G_GUINT64_FORMAT " %s",
                          sha256, (gint64) st.st_size, (gint64) st.st_mtim.tv_sec,
                          (long) st.st_mtim.tv_nsec, (guint64) st.st_ino, (guint64) st.st_dev,
                          path);
  for (guint i = 0; i < bad_lines->len; i++)
    {
      g_string_append (file, g_ptr_array_index (bad_lines, i));
      g_string_append_c (file, '\n');
    }
  /* A NUL inside a path. */
  g_string_append (file, zeros);
  g_string_append_len (file, nul_line, sizeof nul_line - 1);
  g_string_append_printf (file, "%s\n", good);
  g_string_append_printf (file, "%s - 1000 1 2 3 4 /b c\n", zeros);
  g_string_append (file, "\n\n");
  g_string_append_len (file, g_bytes_get_data (noise, NULL), 5000);
  g_string_append (file, "\n");
  /* Cut short: no newline. */
  g_string_append (file, good);
  g_assert_true (g_file_set_contents (cache_file, file->str, file->len, NULL));
  {
    g_autoptr(VitrineHashCache) cache = vitrine_hash_cache_new (cache_file);
    g_autoptr(GError) error = NULL;

    struct stat fake = { 0 };
    g_autofree char *fake_sha256 = NULL;

    g_assert_cmpuint (hash_and_check (cache, path, content, FALSE), ==, 0);

    /* None of the bad lines for "/a" was taken; the good one for "/b c" was. */
    fake.st_size = 1000;
    fake.st_mtim.tv_sec = 1;
    fake.st_mtim.tv_nsec = 2;
    fake.st_ino = 3;
    fake.st_dev = 4;
    g_assert_false (vitrine_hash_cache_lookup (cache, "/a", &fake, NULL, NULL));
    g_assert_true (vitrine_hash_cache_lookup (cache, "/b c", &fake, &fake_sha256, NULL));
    g_assert_cmpstr (fake_sha256, ==, zeros);

    g_assert_true (vitrine_hash_cache_save (cache, &error));
    g_assert_no_error (error);
  }

  /* The same line, cut short, is not used. */
  g_string_truncate (file, 0);
  g_string_append_printf (file, "vitrine-hash-cache 1\n%s", good);
  g_assert_true (g_file_set_contents (cache_file, file->str, file->len, NULL));
  {
    g_autoptr(VitrineHashCache) cache = vitrine_hash_cache_new (cache_file);

    g_assert_cmpuint (hash_and_check (cache, path, content, FALSE), ==, 1000);
  }
}

static void
test_hash_cancelled (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(VitrineHashCache) cache = vitrine_hash_cache_new (NULL);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GBytes) content = make_content (2 * (1 << 20), 10);
  g_autofree char *path = write_file (fixture, "a.bin", content);
  g_autoptr(GError) error = NULL;
  g_autofree char *sha256 = NULL;
  g_autofree char *git_sha1 = NULL;
  guint64 bytes_read = 1;

  g_cancellable_cancel (cancellable);
  g_assert_false (vitrine_hash_cache_hash_file (cache, path, TRUE, &sha256, &git_sha1, NULL,
                                                &bytes_read, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (sha256);
  g_assert_null (git_sha1);
  g_assert_cmpuint (bytes_read, ==, 0);

  /* Nothing was stored. */
  g_assert_cmpuint (hash_and_check (cache, path, content, TRUE), ==, 2 * (1 << 20));
}

static void
test_hash_errors (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(VitrineHashCache) cache = vitrine_hash_cache_new (NULL);
  g_autofree char *missing = g_build_filename (fixture->dir, "missing", NULL);
  g_autofree char *fifo = g_build_filename (fixture->dir, "fifo", NULL);
  g_autofree char *sha256 = NULL;

  {
    g_autoptr(GError) error = NULL;

    g_assert_false (vitrine_hash_cache_hash_file (cache, missing, TRUE, &sha256, NULL, NULL,
                                                  NULL, NULL, &error));
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
    g_assert_true (g_utf8_validate (error->message, -1, NULL));
  }

  {
    g_autoptr(GError) error = NULL;

    g_assert_false (vitrine_hash_cache_hash_file (cache, fixture->dir, TRUE, &sha256, NULL,
                                                  NULL, NULL, NULL, &error));
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE);
  }

  /* Refused, never waited on. */
  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  {
    g_autoptr(GError) error = NULL;

    g_assert_false (vitrine_hash_cache_hash_file (cache, fifo, FALSE, &sha256, NULL, NULL,
                                                  NULL, NULL, &error));
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE);
  }
  g_assert_null (sha256);
}

typedef struct
{
  VitrineHashCache *cache;
  char            **paths;
  GBytes          **contents;
  guint             n;
} ThreadData;

static gpointer
hash_all_thread (gpointer user_data)
{
  ThreadData *data = user_data;

  for (guint round = 0; round < 3; round++)
    for (guint i = 0; i < data->n; i++)
      hash_and_check (data->cache, data->paths[i], data->contents[i], round % 2 == 0);
  return NULL;
}

static void
test_hash_threads (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_autoptr(VitrineHashCache) cache = vitrine_hash_cache_new (NULL);
  char *paths[16];
  GBytes *contents[16];
  GThread *threads[6];
  ThreadData data = { cache, paths, contents, G_N_ELEMENTS (paths) };

  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      g_autofree char *name = g_strdup_printf ("f%u", i);

      contents[i] = make_content (1000 * i + 70000, i);
      paths[i] = write_file (fixture, name, contents[i]);
    }

  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    threads[i] = g_thread_new ("hash", hash_all_thread, &data);
  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    g_thread_join (threads[i]);

  /* By now everything is known. */
  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      g_assert_cmpuint (hash_and_check (cache, paths[i], contents[i], TRUE), ==, 0);
      g_free (paths[i]);
      g_bytes_unref (contents[i]);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/hub/hash-cache/hash-matches", test_hash_matches);
  ADD ("/hub/hash-cache/git-sha1-later", test_hash_git_sha1_later);
  ADD ("/hub/hash-cache/changes-miss", test_hash_changes_miss);
  ADD ("/hub/hash-cache/lookup-store", test_hash_lookup_store);
  ADD ("/hub/hash-cache/save-reload", test_hash_save_reload);
  ADD ("/hub/hash-cache/garbage-cache", test_hash_garbage_cache);
  ADD ("/hub/hash-cache/cancelled", test_hash_cancelled);
  ADD ("/hub/hash-cache/errors", test_hash_errors);
  ADD ("/hub/hash-cache/threads", test_hash_threads);

#undef ADD

  return g_test_run ();
}
