/* publish-fixture.h — a real local hub, a client and a folder to
 * publish, for the publish queue and plan tests
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <sys/stat.h>

#include "../server/hub-fixture.h"

#include "vitrine-publish-queue.h"

typedef struct
{
  Hub            hub;
  char          *folder;
  VitrineClient *client;
} Fixture;

static inline void
write_file (const char *root,
            const char *path,
            gsize       size,
            guint       seed)
{
  g_autofree char *full = g_build_filename (root, path, NULL);
  g_autofree char *dir = g_path_get_dirname (full);
  g_autofree guint8 *data = g_malloc (MAX (size, 1));
  guint32 x = seed * 2654435761u + 1;

  for (gsize i = 0; i < size; i++)
    {
      x ^= x << 13, x ^= x >> 17, x ^= x << 5;
      data[i] = g_str_has_suffix (path, ".bin") ? (x & 0xff) : "abcdefghij klmnop\n"[x % 18];
    }
  g_mkdir_with_parents (dir, 0755);
  g_assert_true (g_file_set_contents (full, (const char *) data, size, NULL));
}

static inline void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *records = g_build_filename (g_get_user_data_dir (), "vitrine", "publishes", NULL);

  /* Each test starts with no record of an earlier one. */
  test_rm_rf (records);
  if (data != NULL)
    g_setenv ("VITRINE_HUB_FAULTS", data, TRUE);
  hub_setup (&f->hub, NULL);
  g_unsetenv ("VITRINE_HUB_FAULTS");
  f->folder = g_build_filename (f->hub.tmp, "folder", NULL);
  f->client = vitrine_client_new (f->hub.url, f->hub.alice);
  vitrine_client_set_retry (f->client, 5, 20, 200);

  write_file (f->folder, "README.md", 400, 1);
  write_file (f->folder, "config.json", 200, 2);
  write_file (f->folder, "weights/model.bin", 12 * 1000 * 1000 + 7, 3);
  write_file (f->folder, ".env", 20, 4);
  write_file (f->folder, "keys/id_rsa", 30, 5);
}

static inline void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_clear_object (&f->client);
  g_free (f->folder);
  hub_teardown (&f->hub, NULL);
}

static inline void
wait_for (GAsyncResult **result)
{
  while (*result == NULL)
    g_main_context_iteration (NULL, TRUE);
}

static inline void
wait_finished (VitrinePublishJob *job)
{
  gint64 deadline = g_get_monotonic_time () + 120 * G_USEC_PER_SEC;

  while (!vitrine_publish_job_is_finished (job))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
}

static inline VitrineRepoInfo *
repo_info (Fixture    *f,
           const char *repo)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  VitrineRepoInfo *info;

  vitrine_client_repo_info_async (f->client, VITRINE_REPO_TYPE_MODEL, repo, NULL, NULL, test_keep_result_cb, &result);
  wait_for (&result);
  info = vitrine_client_repo_info_finish (f->client, result, &error);
  g_assert_no_error (error);
  return info;
}

static inline guint
count_objects (const char *dir,
               char      **last)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;
  guint n = 0;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *child = g_build_filename (dir, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        n += count_objects (child, last);
      else
        {
          n++;
          if (last != NULL)
            {
              g_free (*last);
              *last = g_strdup (child);
            }
        }
    }
  return n;
}

