/* test-publish.c — the client and the publish pipeline against a real
 * local hub, with faults: dropped connections, 500s, 429s, a cancel, a
 * crash
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <signal.h>
#include <sys/prctl.h>

#include "../server/hub-fixture.h"
#include "vitrine-client.h"
#include "vitrine-error.h"
#include "vitrine-publish.h"
#include "vitrine-publish-private.h"

typedef struct
{
  Hub            hub;
  char          *folder;
  char          *cache;
  VitrineClient *client;
} Fixture;

static void
write_file (const char *root,
            const char *path,
            gsize       size,
            guint       seed)
{
  g_autofree char *full = g_build_filename (root, path, NULL);
  g_autofree char *dir = g_path_get_dirname (full);
  g_autofree guint8 *data = g_malloc (MAX (size, 1));
  guint32 x = seed * 2654435761u + 1;

  /* Binary for large files, text for the others (the hub sends binary
   * content to large-file storage). */
  for (gsize i = 0; i < size; i++)
    {
      x ^= x << 13, x ^= x >> 17, x ^= x << 5;
      data[i] = g_str_has_suffix (path, ".bin") ? (x & 0xff) : "abcdefghij klmnop\n"[x % 18];
    }
  g_mkdir_with_parents (dir, 0755);
  g_assert_true (g_file_set_contents (full, (const char *) data, size, NULL));
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  const char *faults = data;

  if (faults != NULL)
    g_setenv ("VITRINE_HUB_FAULTS", faults, TRUE);
  hub_setup (&f->hub, NULL);
  g_unsetenv ("VITRINE_HUB_FAULTS");
  f->folder = g_build_filename (f->hub.tmp, "folder", NULL);
  f->cache = g_build_filename (f->hub.tmp, "hashes", NULL);
  f->client = vitrine_client_new (f->hub.url, f->hub.alice);
  vitrine_client_set_retry (f->client, 5, 20, 200);

  write_file (f->folder, "config.json", 300, 1);
  write_file (f->folder, "README.md", 1200, 2);
  write_file (f->folder, "weights/model.bin", 3 * 1024 * 1024 + 17, 3);
  write_file (f->folder, "weights/extra.bin", 2 * 1024 * 1024, 4);
  write_file (f->folder, "data/a b é.txt", 50, 5);
  write_file (f->folder, "__pycache__/x.pyc", 10, 6);
  write_file (f->folder, "scratch.tmp", 10, 7);
  {
    g_autofree char *gitignore = g_build_filename (f->folder, ".gitignore", NULL);
    g_assert_true (g_file_set_contents (gitignore, "*.tmp\n", -1, NULL));
  }
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_clear_object (&f->client);
  g_free (f->folder);
  g_free (f->cache);
  hub_teardown (&f->hub, NULL);
}

/* Runs a publisher while the main loop serves the in-process hub. */
static gboolean
publish (VitrinePublisher      *publisher,
         GCancellable          *cancellable,
         VitrinePublishResult  *result,
         GError               **error)
{
  g_autoptr(GAsyncResult) done = NULL;

  vitrine_publisher_run_async (publisher, cancellable, test_keep_result_cb, &done);
  while (done == NULL)
    g_main_context_iteration (NULL, TRUE);
  return vitrine_publisher_run_finish (publisher, done, result, error);
}

static VitrinePublisher *
make_publisher (Fixture    *f,
                const char *repo)
{
  VitrinePublisher *publisher = vitrine_publisher_new (f->client, VITRINE_REPO_TYPE_MODEL, repo, f->folder);

  g_autofree char *cards = g_strconcat (f->cache, ".cards", NULL);

  vitrine_publisher_set_hash_cache (publisher, f->cache);
  vitrine_publisher_set_cards_dir (publisher, cards);
  vitrine_publisher_set_message (publisher, "Publish from the test", NULL);
  return publisher;
}

/* Runs blocking client code in a thread while the main loop serves the
 * in-process hub. */
typedef struct
{
  GThreadFunc  func;
  gpointer     data;
  gpointer     result;
  gint         done;
} Blocking;

static gpointer
blocking_thread (gpointer user_data)
{
  Blocking *b = user_data;

  b->result = b->func (b->data);
  g_atomic_int_set (&b->done, 1);
  g_main_context_wakeup (NULL);
  return NULL;
}

static gpointer
blocking (GThreadFunc func,
          gpointer    data)
{
  Blocking b = { func, data, NULL, 0 };
  GThread *thread = g_thread_new ("blocking", blocking_thread, &b);

  while (!g_atomic_int_get (&b.done))
    g_main_context_iteration (NULL, TRUE);
  g_thread_join (thread);
  return b.result;
}

typedef struct
{
  VitrineClient *client;
  const char    *repo;
  const char    *revision;
} ListData;

static gpointer
list_tree_thread (gpointer user_data)
{
  ListData *d = user_data;
  g_autoptr(GError) error = NULL;
  GListModel *tree = vitrine_client_list_tree (d->client, VITRINE_REPO_TYPE_MODEL, d->repo, d->revision,
                                               NULL, TRUE, NULL, &error);
  g_assert_no_error (error);
  return tree;
}

static gpointer
count_commits_thread (gpointer user_data)
{
  ListData *d = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) commits = NULL;
  guint total = 0;

  commits = vitrine_client_list_commits (d->client, VITRINE_REPO_TYPE_MODEL, d->repo, NULL, 0, 1, &total,
                                         NULL, &error);
  g_assert_no_error (error);
  return GUINT_TO_POINTER (total);
}

static guint
count_commits (Fixture    *f,
               const char *repo)
{
  ListData d = { f->client, repo, NULL };

  return GPOINTER_TO_UINT (blocking (count_commits_thread, &d));
}

/* The repository holds exactly @expected (and .gitattributes), each file
 * with the folder's bytes. */
static void
assert_remote_matches (Fixture            *f,
                       const char         *repo,
                       const char * const *expected)
{
  ListData d = { f->client, repo, "main" };
  g_autoptr(GListModel) tree = blocking (list_tree_thread, &d);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint n = g_list_model_get_n_items (tree);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(VitrineTreeEntry) entry = g_list_model_get_item (tree, i);
      const char *path = vitrine_tree_entry_get_path (entry);
      g_autofree char *local = NULL;
      g_autofree char *url = NULL;
      g_autofree char *escaped = NULL;
      gsize len;

      if (vitrine_tree_entry_is_directory (entry) || g_str_equal (path, ".gitattributes"))
        continue;
      g_assert_true (g_strv_contains (expected, path));
      g_hash_table_add (seen, g_strdup (path));

      /* Byte for byte, through the hub's own download route. */
      g_autofree char *local_path = g_build_filename (f->folder, path, NULL);

      g_assert_true (g_file_get_contents (local_path, &local, &len, NULL));
      escaped = g_uri_escape_string (path, "/", FALSE);
      url = g_strdup_printf ("/%s/resolve/main/%s", repo, escaped);
      {
        g_autoptr(Reply) reply = hub_call (&f->hub, "GET", url, f->hub.alice, NULL, NULL, 0);
        g_assert_cmpuint (reply->status, ==, 200);
        g_assert_cmpuint (g_bytes_get_size (reply->body), ==, len);
        g_assert_true (memcmp (g_bytes_get_data (reply->body, NULL), local, len) == 0);
      }
      /* Large files went through LFS. */
      if (g_str_has_suffix (path, ".bin"))
        g_assert_nonnull (vitrine_tree_entry_get_lfs_oid (entry));
    }
  g_assert_cmpuint (g_hash_table_size (seen), ==, g_strv_length ((char **) expected));
}

/* The row of the publisher's file model for @path. */
static VitrinePublishFile *
file_row (VitrinePublisher *publisher,
          const char       *path)
{
  GListModel *files = vitrine_publisher_get_files (publisher);

  for (guint i = 0; i < g_list_model_get_n_items (files); i++)
    {
      g_autoptr(VitrinePublishFile) row = g_list_model_get_item (files, i);

      if (g_str_equal (vitrine_publish_file_get_path (row), path))
        return row;
    }
  g_assert_not_reached ();
}

static VitrineFileState
file_state (VitrinePublisher *publisher,
            const char       *path)
{
  return vitrine_publish_file_get_state (file_row (publisher, path));
}

/* What this publish sent of the file at @path. */
static guint64
file_sent (VitrinePublisher *publisher,
           const char       *path)
{
  return vitrine_publish_file_get_bytes_sent (file_row (publisher, path));
}

static const char * const all_files[] = {
  "config.json", "README.md", "weights/model.bin", "weights/extra.bin", "data/a b é.txt", ".gitignore", NULL
};

static void
test_publish_roundtrip (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  VitrinePublishResult result;
  const char * const after_change[] = {
    "config.json", "README.md", "weights/model.bin", "data/a b é.txt", ".gitignore", "new.txt", NULL
  };

  {
    g_autoptr(VitrinePublisher) publisher = make_publisher (f, "alice/round");
    g_assert_true (publish (publisher, NULL, &result, &error));
    g_assert_no_error (error);
    /* Each file was followed to the end; large files byte by byte. */
    g_assert_cmpuint (g_list_model_get_n_items (vitrine_publisher_get_files (publisher)), ==, 6);
    for (guint i = 0; all_files[i] != NULL; i++)
      g_assert_cmpint (file_state (publisher, all_files[i]), ==, VITRINE_FILE_DONE);
    g_assert_cmpuint (file_sent (publisher, "weights/model.bin"), ==, 3 * 1024 * 1024 + 17);
    g_assert_cmpuint (file_sent (publisher, "weights/extra.bin"), ==, 2 * 1024 * 1024);
    g_assert_cmpuint (result.added, ==, 6);
    g_assert_cmpuint (result.commits, ==, 1);
    g_assert_cmpuint (result.bytes_uploaded, ==, 5 * 1024 * 1024 + 17);
    g_assert_nonnull (result.commit_id);
    vitrine_publish_result_clear (&result);
  }
  assert_remote_matches (f, "alice/round", all_files);
  g_assert_cmpuint (count_commits (f, "alice/round"), ==, 2);

  /* Again, nothing changed: no commit, no file read, nothing sent. */
  {
    g_autoptr(VitrinePublisher) publisher = make_publisher (f, "alice/round");
    g_assert_true (publish (publisher, NULL, &result, &error));
    g_assert_cmpuint (g_list_model_get_n_items (vitrine_publisher_get_files (publisher)), ==, 6);
    for (guint i = 0; all_files[i] != NULL; i++)
      g_assert_cmpint (file_state (publisher, all_files[i]), ==, VITRINE_FILE_UNCHANGED);
    g_assert_null (result.commit_id);
    g_assert_cmpuint (result.unchanged, ==, 6);
    g_assert_cmpuint (result.bytes_hashed, ==, 0);
    g_assert_cmpuint (result.bytes_uploaded, ==, 0);
    vitrine_publish_result_clear (&result);
  }
  g_assert_cmpuint (count_commits (f, "alice/round"), ==, 2);

  /* A change, an addition, a deletion: one commit with just those. */
  write_file (f->folder, "config.json", 310, 11);
  write_file (f->folder, "new.txt", 5, 12);
  {
    g_autofree char *extra = g_build_filename (f->folder, "weights/extra.bin", NULL);
    g_unlink (extra);
  }
  {
    g_autoptr(VitrinePublisher) publisher = make_publisher (f, "alice/round");
    g_assert_true (publish (publisher, NULL, &result, &error));
    g_assert_cmpuint (result.added, ==, 1);
    g_assert_cmpuint (result.changed, ==, 1);
    g_assert_cmpuint (result.deleted, ==, 1);
    g_assert_cmpuint (result.unchanged, ==, 4);
    g_assert_cmpuint (result.bytes_uploaded, ==, 0);
    vitrine_publish_result_clear (&result);
  }
  assert_remote_matches (f, "alice/round", after_change);
  g_assert_cmpuint (count_commits (f, "alice/round"), ==, 3);
}

static void
test_publish_split (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(VitrinePublisher) publisher = make_publisher (f, "alice/split");
  g_autoptr(GError) error = NULL;
  VitrinePublishResult result;

  /* Six files, two operations a commit: three commits, each on the last. */
  vitrine_publisher_set_max_operations (publisher, 2);
  g_assert_true (publish (publisher, NULL, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (result.commits, ==, 3);
  vitrine_publish_result_clear (&result);
  assert_remote_matches (f, "alice/split", all_files);
  g_assert_cmpuint (count_commits (f, "alice/split"), ==, 4);
}

typedef struct
{
  Fixture  *f;
  gboolean  scheduled;
  gboolean  interfered;
  guint     plans;
} Interfere;

static gboolean
interfere_idle_cb (gpointer user_data)
{
  Interfere *i = user_data;
  const char *text = "{\"key\":\"header\",\"value\":{\"summary\":\"Someone else\"}}\n"
                     "{\"key\":\"file\",\"value\":{\"path\":\"theirs.txt\",\"content\":\"dGhlaXJz\"}}\n";
  g_autoptr(Reply) reply = hub_commit (&i->f->hub, "alice/race", i->f->hub.alice, text);

  g_assert_cmpuint (reply->status, ==, 200);
  i->interfered = TRUE;
  return G_SOURCE_REMOVE;
}

/* Once the publisher has read the head and starts hashing, someone else
 * commits (before anything else the hub serves, so long before the
 * publisher's own commit, which comes after its uploads). */
static void
interfere_cb (VitrinePublishProgress *progress,
              GParamSpec             *pspec,
              gpointer                user_data)
{
  Interfere *i = user_data;

  if (vitrine_publish_progress_get_phase (progress) != VITRINE_PUBLISH_PHASE_HASHING)
    return;
  i->plans++;
  if (i->scheduled)
    return;
  i->scheduled = TRUE;
  g_idle_add_full (G_PRIORITY_HIGH, interfere_idle_cb, i, NULL);
}

static void
test_publish_replans_on_412 (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(VitrinePublisher) publisher = make_publisher (f, "alice/race");
  g_autoptr(GError) error = NULL;
  Interfere interfere = { f, FALSE, FALSE, 0 };
  VitrinePublishResult result;

  hub_create_repo (&f->hub, f->hub.alice, "{\"name\":\"race\"}");
  g_signal_connect (vitrine_publisher_get_progress (publisher), "notify::phase",
                    G_CALLBACK (interfere_cb), &interfere);
  g_assert_true (publish (publisher, NULL, &result, &error));
  g_assert_no_error (error);
  g_assert_true (interfere.interfered);
  /* The first plan's commit was refused: a second plan was made. */
  g_assert_cmpuint (interfere.plans, ==, 2);
  vitrine_publish_result_clear (&result);

  /* The other commit's file was a remote extra, and the folder is mirrored:
   * the second plan saw it and deleted it, on top of their commit. */
  assert_remote_matches (f, "alice/race", all_files);
  g_assert_cmpuint (count_commits (f, "alice/race"), ==, 3);
}

/* Cancels once the second large file is a megabyte into its upload. */
static void
cancel_cb (VitrinePublishFile *row,
           GParamSpec         *pspec,
           gpointer            user_data)
{
  GCancellable *cancellable = user_data;

  if (g_str_equal (vitrine_publish_file_get_path (row), "weights/model.bin") &&
      vitrine_publish_file_get_state (row) == VITRINE_FILE_UPLOADING &&
      vitrine_publish_file_get_bytes_sent (row) >= 1024 * 1024)
    g_cancellable_cancel (cancellable);
}

static void
watch_rows_cb (GListModel *files,
               guint       position,
               guint       removed,
               guint       added,
               gpointer    user_data)
{
  for (guint i = position; i < position + added; i++)
    {
      g_autoptr(VitrinePublishFile) row = g_list_model_get_item (files, i);

      g_signal_connect (row, "notify::bytes-sent", G_CALLBACK (cancel_cb), user_data);
    }
}

static void
test_publish_cancel_and_resume (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  VitrinePublishResult result;
  const char * const files[] = {
    "config.json", "README.md", "weights/big-first.bin", "weights/model.bin", "weights/extra.bin",
    "data/a b é.txt", ".gitignore", NULL
  };

  /* One upload at a time, in this order: big-first.bin (12 MiB) and
   * model.bin (96 MiB) as soon as they are hashed, then extra.bin (2 MiB)
   * once the preupload names it a large file. */
  write_file (f->folder, "weights/big-first.bin", 12 * 1024 * 1024, 32);
  write_file (f->folder, "weights/model.bin", 96 * 1024 * 1024, 31);
  {
    g_autoptr(VitrinePublisher) publisher = make_publisher (f, "alice/resume");
    vitrine_publisher_set_parallel (publisher, 1);
    /* Figures often enough to cancel in the middle of a quick upload. */
    _vitrine_publisher_set_report_interval (publisher, 5);
    g_signal_connect (vitrine_publisher_get_files (publisher), "items-changed",
                      G_CALLBACK (watch_rows_cb), cancellable);
    g_assert_false (publish (publisher, cancellable, &result, &error));
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
    g_clear_error (&error);
  }
  /* Nothing half-done is visible: no commit besides the first. */
  g_assert_cmpuint (count_commits (f, "alice/resume"), ==, 1);

  /* The rerun sends what the server does not have: not big-first.bin. */
  {
    g_autoptr(VitrinePublisher) publisher = make_publisher (f, "alice/resume");
    guint64 extra_sent;

    g_assert_true (publish (publisher, NULL, &result, &error));
    g_assert_no_error (error);
    /* big-first.bin was stored before the cancel: not sent again.
     * model.bin was cut short: sent whole.  extra.bin is queued by the
     * preupload, which can race with model.bin's own batch call: if it
     * went first it was stored before the cancel and is not sent again. */
    extra_sent = file_sent (publisher, "weights/extra.bin");
    g_assert_cmpuint (file_sent (publisher, "weights/big-first.bin"), ==, 0);
    g_assert_cmpint (file_state (publisher, "weights/big-first.bin"), ==, VITRINE_FILE_DONE);
    g_assert_cmpuint (file_sent (publisher, "weights/model.bin"), ==, 96 * 1024 * 1024);
    g_assert_true (extra_sent == 0 || extra_sent == 2 * 1024 * 1024);
    g_assert_cmpuint (result.bytes_uploaded, ==, 96 * 1024 * 1024 + extra_sent);
    g_assert_cmpuint (result.bytes_hashed, ==, 0);
    vitrine_publish_result_clear (&result);
  }
  assert_remote_matches (f, "alice/resume", files);
}

/* Someone edits the card on the Hub after a publish: publishing the
 * folder again would replace their edit, so it stops and says so. */
static void
test_publish_card_guard (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  VitrinePublishResult result;
  g_autofree char *readme = g_build_filename (f->folder, "README.md", NULL);
  g_autofree char *hub_card = NULL;
  const char *edited = "---\nlicense: mit\ntags: [edited-on-the-hub]\n---\n# Edited on the Hub\n";

  {
    g_autoptr(VitrinePublisher) publisher = make_publisher (f, "alice/guarded");
    g_assert_true (publish (publisher, NULL, &result, &error));
    g_assert_no_error (error);
    vitrine_publish_result_clear (&result);
  }

  /* Publishing an unchanged folder again is fine. */
  {
    g_autoptr(VitrinePublisher) publisher = make_publisher (f, "alice/guarded");
    g_assert_true (publish (publisher, NULL, &result, &error));
    g_assert_no_error (error);
    vitrine_publish_result_clear (&result);
  }

  /* The card is edited on the Hub. */
  {
    g_autofree char *op = file_op ("README.md", edited);
    g_autofree char *payload = ndjson_commit ("Edit the card on the Hub", NULL, op);
    g_autoptr(Reply) reply = hub_commit (&f->hub, "alice/guarded", f->hub.alice, payload);

    g_assert_cmpuint (reply->status, ==, 200);
  }
  g_assert_cmpuint (count_commits (f, "alice/guarded"), ==, 3);

  /* The folder, unchanged or edited, would replace it: stopped, nothing sent. */
  write_file (f->folder, "weights/new.bin", 1000, 9);
  {
    g_autoptr(VitrinePublisher) publisher = make_publisher (f, "alice/guarded");

    g_assert_false (publish (publisher, NULL, &result, &error));
    g_assert_error (error, VITRINE_ERROR, VITRINE_ERROR_CARD_CHANGED);
    g_assert_nonnull (strstr (error->message, "--replace-card"));
    g_clear_error (&error);
    g_assert_cmpuint (result.bytes_uploaded, ==, 0);
    vitrine_publish_result_clear (&result);
  }
  g_assert_cmpuint (count_commits (f, "alice/guarded"), ==, 3);

  /* A folder that has the Hub's card goes through, and so does the next one. */
  g_assert_true (g_file_set_contents (readme, edited, -1, NULL));
  {
    g_autoptr(VitrinePublisher) publisher = make_publisher (f, "alice/guarded");
    g_assert_true (publish (publisher, NULL, &result, &error));
    g_assert_no_error (error);
    vitrine_publish_result_clear (&result);
  }
  g_assert_true (g_file_set_contents (readme, "---\nlicense: mit\n---\n# Mine again\n", -1, NULL));
  {
    g_autoptr(VitrinePublisher) publisher = make_publisher (f, "alice/guarded");
    g_assert_true (publish (publisher, NULL, &result, &error));
    g_assert_no_error (error);
    vitrine_publish_result_clear (&result);
  }

  /* Edited on the Hub again: --replace-card publishes anyway. */
  {
    g_autofree char *op = file_op ("README.md", edited);
    g_autofree char *payload = ndjson_commit ("Edit the card again", NULL, op);
    g_autoptr(Reply) reply = hub_commit (&f->hub, "alice/guarded", f->hub.alice, payload);

    g_assert_cmpuint (reply->status, ==, 200);
  }
  {
    g_autoptr(VitrinePublisher) publisher = make_publisher (f, "alice/guarded");

    g_assert_false (publish (publisher, NULL, &result, &error));
    g_assert_error (error, VITRINE_ERROR, VITRINE_ERROR_CARD_CHANGED);
    g_clear_error (&error);
    vitrine_publish_result_clear (&result);
    vitrine_publisher_set_replace_card (publisher, TRUE);
    g_assert_true (publish (publisher, NULL, &result, &error));
    g_assert_no_error (error);
    vitrine_publish_result_clear (&result);
  }
  g_file_get_contents (readme, &hub_card, NULL, NULL);
  g_assert_cmpstr (hub_card, ==, "---\nlicense: mit\n---\n# Mine again\n");
  {
    const char * const files[] = {
      "config.json", "README.md", "weights/model.bin", "weights/extra.bin", "weights/new.bin",
      "data/a b é.txt", ".gitignore", NULL
    };
    assert_remote_matches (f, "alice/guarded", files);
  }
}

/* Faults injected in the real server: the same result, every time. */
static void
test_publish_through_faults (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(VitrinePublisher) publisher = make_publisher (f, "alice/faults");
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) rules = g_strsplit (data, ";", -1);
  VitrinePublishResult result;
  gint64 start = g_get_monotonic_time ();

  publish (publisher, NULL, &result, &error);
  g_assert_no_error (error);
  vitrine_publish_result_clear (&result);
  assert_remote_matches (f, "alice/faults", all_files);

  /* Every fault happened, and the client retried what each one broke. */
  hub_assert_faults_fired (&f->hub, g_strv_length (rules));

  /* A 429 with Retry-After: 1 was waited for, not hammered. */
  if (strstr (data, "429") != NULL)
    g_assert_cmpint (g_get_monotonic_time () - start, >=, 900 * 1000);
}

/* Files that look like secrets stay out of a publish, as the folder scan
 * shows them, until one is included by name. */
static void
test_publish_secrets (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VitrinePublisher) first = NULL;
  g_autoptr(VitrinePublisher) second = NULL;
  VitrinePublishResult result;
  const char * const without[] = {
    "config.json", "README.md", "weights/model.bin", "weights/extra.bin", "data/a b é.txt", ".gitignore", NULL
  };
  const char * const with_env[] = {
    "config.json", "README.md", "weights/model.bin", "weights/extra.bin", "data/a b é.txt", ".gitignore",
    ".env", NULL
  };

  write_file (f->folder, ".env", 20, 30);
  write_file (f->folder, "keys/id_rsa", 40, 31);

  first = make_publisher (f, "alice/secrets");
  g_assert_true (publish (first, NULL, &result, &error));
  g_assert_no_error (error);
  g_assert_nonnull (result.left_out_secrets);
  g_assert_cmpuint (g_strv_length (result.left_out_secrets), ==, 2);
  g_assert_cmpstr (result.left_out_secrets[0], ==, ".env");
  g_assert_cmpstr (result.left_out_secrets[1], ==, "keys/id_rsa");
  vitrine_publish_result_clear (&result);
  assert_remote_matches (f, "alice/secrets", without);

  second = make_publisher (f, "alice/secrets");
  vitrine_publisher_include_secret (second, ".env");
  g_assert_true (publish (second, NULL, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (result.added, ==, 1);
  g_assert_cmpuint (g_strv_length (result.left_out_secrets), ==, 1);
  g_assert_cmpstr (result.left_out_secrets[0], ==, "keys/id_rsa");
  vitrine_publish_result_clear (&result);
  assert_remote_matches (f, "alice/secrets", with_env);
}

/* vitrine-cli killed with SIGKILL in the middle of a publish, then run
 * again: the result is the folder, and finished large files are not sent
 * again. */
static void
die_with_parent (gpointer user_data)
{
  prctl (PR_SET_PDEATHSIG, SIGKILL);
}

static GSubprocess *
spawn_cli (Fixture    *f,
           GError    **error)
{
  const char *cli = g_getenv ("VITRINE_CLI_EXE");
  g_autoptr(GSubprocessLauncher) launcher =
    g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_autofree char *cache_home = g_build_filename (f->hub.tmp, "cli-cache", NULL);

  g_subprocess_launcher_set_child_setup (launcher, die_with_parent, NULL, NULL);
  g_subprocess_launcher_setenv (launcher, "XDG_CACHE_HOME", cache_home, TRUE);
  g_subprocess_launcher_setenv (launcher, "HF_TOKEN", f->hub.alice, TRUE);
  g_subprocess_launcher_setenv (launcher, "LC_ALL", "C.UTF-8", TRUE);
  return g_subprocess_launcher_spawn (launcher, error, cli, "--endpoint", f->hub.url, "upload",
                                      "--parallel", "1", f->folder, "alice/killed", NULL);
}

static guint
count_objects (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;
  guint n = 0;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *child = g_build_filename (dir, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        n += count_objects (child);
      else
        n++;
    }
  return n;
}

typedef struct
{
  char     *out;
  char     *err;
  gboolean  done;
} CommData;

static void
communicate_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  CommData *c = user_data;
  g_autoptr(GError) error = NULL;

  g_subprocess_communicate_utf8_finish (G_SUBPROCESS (source), result, &c->out, &c->err, &error);
  g_assert_no_error (error);
  c->done = TRUE;
}

static void
test_cli_killed_and_rerun (Fixture       *f,
                           gconstpointer  data)
{
  g_autofree char *objects = g_build_filename (f->hub.data_dir, "lfs", "objects", NULL);
  g_autoptr(GSubprocess) first = NULL;
  g_autoptr(GSubprocess) second = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  gint64 deadline;

  /* Two files over 10 MB: they upload while the rest is hashed, one at a
   * time, in name order; the second is large enough to be on its way when
   * the first is stored. */
  write_file (f->folder, "weights/extra.bin", 12 * 1024 * 1024, 22);
  write_file (f->folder, "weights/model.bin", 48 * 1024 * 1024, 21);

  first = spawn_cli (f, &error);
  g_assert_no_error (error);
  deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;
  /* One event at a time: draining them all could let the whole upload
   * through before the check. */
  while (count_objects (objects) < 1 && g_get_monotonic_time () < deadline)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (1000);
  /* The first large file is stored; the second is on its way. */
  g_assert_cmpuint (count_objects (objects), ==, 1);
  g_subprocess_force_exit (first);
  g_subprocess_wait (first, NULL, NULL);
  g_assert_true (g_subprocess_get_if_signaled (first));
  g_assert_cmpuint (count_commits (f, "alice/killed"), ==, 1);

  second = spawn_cli (f, &error);
  g_assert_no_error (error);
  {
    CommData c = { NULL, NULL, FALSE };

    g_subprocess_communicate_utf8_async (second, NULL, NULL, communicate_cb, &c);
    while (!c.done)
      g_main_context_iteration (NULL, TRUE);
    out = c.out;
    err = c.err;
  }
  g_assert_cmpint (g_subprocess_get_exit_status (second), ==, 0);
  /* Only the second file (48 MiB) went again: the first (12 MiB) was kept. */
  g_assert_nonnull (strstr (out, "Published alice/killed"));
  g_test_message ("rerun said: %s", out);
  g_assert_nonnull (strstr (out, "50.3"));
  g_assert_nonnull (strstr (out, "MB of large files sent"));
  g_assert_null (strstr (out, "62.9"));
  assert_remote_matches (f, "alice/killed", all_files);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, data, func) g_test_add (path, Fixture, data, fixture_setup, func, fixture_teardown)
  ADD ("/client/publish/roundtrip", NULL, test_publish_roundtrip);
  ADD ("/client/publish/split", NULL, test_publish_split);
  ADD ("/client/publish/replans-on-412", NULL, test_publish_replans_on_412);
  ADD ("/client/publish/cancel-and-resume", NULL, test_publish_cancel_and_resume);
  ADD ("/client/publish/card-guard", NULL, test_publish_card_guard);
  ADD ("/client/publish/secrets", NULL, test_publish_secrets);
  ADD ("/client/faults/dropped-upload", "drop-upload:1000000:2", test_publish_through_faults);
  ADD ("/client/faults/server-errors", "status:500:/preupload/:2;status:503:/lfs-upload/:1;status:502:/commit/:1",
       test_publish_through_faults);
  ADD ("/client/faults/rate-limited", "status:429:/tree/:1:1;status:429:/commit/:1:1", test_publish_through_faults);
  ADD ("/client/cli/killed-and-rerun", NULL, test_cli_killed_and_rerun);
#undef ADD

  return g_test_run ();
}
