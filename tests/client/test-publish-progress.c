/* test-publish-progress.c — a publish's progress object and file model,
 * changed on the main context the run was started from, never elsewhere
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "../server/hub-fixture.h"
#include "vitrine-client.h"
#include "vitrine-publish.h"
#include "vitrine-publish-private.h"

#define LARGE_SIZE (3 * 1024 * 1024 + 5)

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
            gsize       size)
{
  g_autofree char *full = g_build_filename (root, path, NULL);
  g_autofree char *dir = g_path_get_dirname (full);
  g_autofree char *data = g_malloc (MAX (size, 1));
  guint32 x = size * 2654435761u + 1;

  /* Binary for .bin files (the hub sends those to large-file storage),
   * text for the others. */
  for (gsize i = 0; i < size; i++)
    {
      x ^= x << 13, x ^= x >> 17, x ^= x << 5;
      data[i] = g_str_has_suffix (path, ".bin") ? (char) (x & 0xff) : "abcdef ghij\n"[x % 12];
    }
  g_mkdir_with_parents (dir, 0755);
  g_assert_true (g_file_set_contents (full, data, size, NULL));
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  hub_setup (&f->hub, NULL);
  f->folder = g_build_filename (f->hub.tmp, "folder", NULL);
  f->cache = g_build_filename (f->hub.tmp, "hashes", NULL);
  f->client = vitrine_client_new (f->hub.url, f->hub.alice);
  vitrine_client_set_retry (f->client, 2, 20, 100);
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

static VitrinePublisher *
make_publisher (Fixture    *f,
                const char *repo)
{
  VitrinePublisher *publisher = vitrine_publisher_new (f->client, VITRINE_REPO_TYPE_MODEL, repo, f->folder);
  g_autofree char *cards = g_strconcat (f->cache, ".cards", NULL);

  vitrine_publisher_set_hash_cache (publisher, f->cache);
  vitrine_publisher_set_cards_dir (publisher, cards);
  return publisher;
}

/* What the caller saw of a run, and where. */
typedef struct
{
  GThread          *thread;          /* where everything must happen */
  GArray           *phases;          /* each phase that began, in order */
  guint             files_done_notifies;
  guint             row_notifies;
  int               publish_nice;    /* of the thread that publishes, once seen */
  int               other_nice;      /* the highest of this process's other threads */
  gboolean          finished;
  gboolean          ok;
  GError           *error;
  VitrinePublishResult result;
} Watch;

static void
assert_thread (Watch *watch)
{
  g_assert_true (g_thread_self () == watch->thread);
}

/* Calls @func with the name and niceness of each of this process's
 * threads (one that ends meanwhile is passed over). */
static void
foreach_thread (void     (*func) (const char *name, int nice, gpointer data),
                gpointer   data)
{
  g_autoptr(GDir) dir = g_dir_open ("/proc/self/task", 0, NULL);
  const char *tid;

  g_assert_nonnull (dir);
  while ((tid = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *comm_path = g_build_filename ("/proc/self/task", tid, "comm", NULL);
      g_autofree char *comm = NULL;
      int nice;

      errno = 0;
      nice = getpriority (PRIO_PROCESS, (id_t) g_ascii_strtoull (tid, NULL, 10));
      if (errno == 0 && g_file_get_contents (comm_path, &comm, NULL, NULL))
        func (g_strchomp (comm), nice, data);
    }
}

static void
sample_thread (const char *name,
               int         nice,
               gpointer    data)
{
  Watch *watch = data;

  if (g_str_equal (name, "vitrine-publish"))
    watch->publish_nice = nice;
  else if (!g_str_equal (name, "vitrine-upload"))
    watch->other_nice = MAX (watch->other_nice, nice);
}

/* Looks at this process's threads: the niceness of the one that
 * publishes, and the highest of the others but the uploaders. */
static void
sample_threads (Watch *watch)
{
  foreach_thread (sample_thread, watch);
}

static void
progress_notify_cb (VitrinePublishProgress *progress,
                    GParamSpec             *pspec,
                    gpointer                user_data)
{
  Watch *watch = user_data;

  assert_thread (watch);
  if (g_str_equal (pspec->name, "phase"))
    {
      VitrinePublishPhase phase = vitrine_publish_progress_get_phase (progress);
      g_array_append_val (watch->phases, phase);
      /* While it hashes and sends, the publishing thread is at work. */
      if (phase == VITRINE_PUBLISH_PHASE_HASHING || phase == VITRINE_PUBLISH_PHASE_UPLOADING)
        sample_threads (watch);
    }
  else if (g_str_equal (pspec->name, "files-done"))
    watch->files_done_notifies++;
}

static void
row_notify_cb (VitrinePublishFile *row,
               GParamSpec         *pspec,
               gpointer            user_data)
{
  Watch *watch = user_data;

  assert_thread (watch);
  watch->row_notifies++;
}

static void
items_changed_cb (GListModel *files,
                  guint       position,
                  guint       removed,
                  guint       added,
                  gpointer    user_data)
{
  Watch *watch = user_data;

  assert_thread (watch);
  for (guint i = position; i < position + added; i++)
    {
      g_autoptr(VitrinePublishFile) row = g_list_model_get_item (files, i);
      g_signal_connect (row, "notify", G_CALLBACK (row_notify_cb), watch);
    }
}

static void
run_done_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  Watch *watch = user_data;

  assert_thread (watch);
  watch->ok = vitrine_publisher_run_finish (VITRINE_PUBLISHER (source), result, &watch->result, &watch->error);
  watch->finished = TRUE;
}

/* Runs @publisher from this thread's main context, watching it. */
static void
watch_run (VitrinePublisher *publisher,
           Watch            *watch,
           GMainContext     *context)
{
  watch->thread = g_thread_self ();
  watch->phases = g_array_new (FALSE, FALSE, sizeof (VitrinePublishPhase));
  watch->publish_nice = G_MININT;
  watch->other_nice = G_MININT;
  g_signal_connect (vitrine_publisher_get_progress (publisher), "notify", G_CALLBACK (progress_notify_cb), watch);
  g_signal_connect (vitrine_publisher_get_files (publisher), "items-changed", G_CALLBACK (items_changed_cb), watch);
  vitrine_publisher_run_async (publisher, NULL, run_done_cb, watch);
  while (!watch->finished)
    g_main_context_iteration (context, TRUE);
  g_signal_handlers_disconnect_by_data (vitrine_publisher_get_progress (publisher), watch);
  g_signal_handlers_disconnect_by_data (vitrine_publisher_get_files (publisher), watch);
}

static void
watch_clear (Watch *watch)
{
  g_array_unref (watch->phases);
  g_clear_error (&watch->error);
  vitrine_publish_result_clear (&watch->result);
}

static void
assert_phases (Watch                     *watch,
               const VitrinePublishPhase *expected,
               guint                      n_expected)
{
  g_assert_cmpuint (watch->phases->len, ==, n_expected);
  for (guint i = 0; i < n_expected; i++)
    g_assert_cmpint (g_array_index (watch->phases, VitrinePublishPhase, i), ==, expected[i]);
}

static VitrinePublishFile *
row_at (VitrinePublisher *publisher,
        guint             position)
{
  return g_list_model_get_item (vitrine_publisher_get_files (publisher), position);
}

/* The row at @position is @path, in @state, with these figures. */
static void
assert_row (VitrinePublisher *publisher,
            guint             position,
            const char       *path,
            VitrineFileState  state,
            guint64           size,
            gboolean          is_large,
            guint64           bytes_sent)
{
  g_autoptr(VitrinePublishFile) row = row_at (publisher, position);
  g_autofree char *row_path = NULL;
  VitrineFileState row_state;
  guint64 row_size, bytes_done, row_sent;
  gboolean row_large;
  double fraction;

  g_object_get (row, "path", &row_path, "state", &row_state, "size", &row_size, "bytes-done", &bytes_done,
                "bytes-sent", &row_sent, "is-large", &row_large, "fraction", &fraction, NULL);
  g_assert_cmpstr (row_path, ==, path);
  g_assert_cmpint (row_state, ==, state);
  g_assert_cmpuint (row_size, ==, size);
  g_assert_cmpint (row_large, ==, is_large);
  g_assert_cmpuint (row_sent, ==, bytes_sent);
  if (state == VITRINE_FILE_DELETED)
    g_assert_cmpuint (bytes_done, ==, 0);
  else
    {
      g_assert_cmpuint (bytes_done, ==, size);
      g_assert_cmpfloat (fraction, ==, 1.0);
    }
}

typedef struct
{
  Fixture *f;
  Watch    watch;
  gint     done;
} Runner;

/* A thread of its own, with a main context of its own: the run's objects
 * change there and nowhere else, while the main thread serves the hub. */
static gpointer
runner_thread (gpointer user_data)
{
  Runner *runner = user_data;
  g_autoptr(GMainContext) context = g_main_context_new ();
  g_autoptr(VitrinePublisher) publisher = NULL;

  g_main_context_push_thread_default (context);
  publisher = make_publisher (runner->f, "alice/progress");
  watch_run (publisher, &runner->watch, context);
  g_assert_true (runner->watch.ok);
  g_assert_no_error (runner->watch.error);

  /* The rows, in the order the run came to the files, in their final
   * states when the caller hears the run is over. */
  g_assert_cmpuint (g_list_model_get_n_items (vitrine_publisher_get_files (publisher)), ==, 4);
  assert_row (publisher, 0, "README.md", VITRINE_FILE_DONE, 700, FALSE, 0);
  assert_row (publisher, 1, "config.json", VITRINE_FILE_DONE, 300, FALSE, 0);
  assert_row (publisher, 2, "data/a.txt", VITRINE_FILE_DONE, 50, FALSE, 0);
  assert_row (publisher, 3, "weights/model.bin", VITRINE_FILE_DONE, LARGE_SIZE, TRUE, LARGE_SIZE);
  g_assert_cmpint (vitrine_publish_progress_get_phase (vitrine_publisher_get_progress (publisher)), ==,
                   VITRINE_PUBLISH_PHASE_DONE);
  g_assert_cmpuint (runner->watch.row_notifies, >, 0);

  g_clear_object (&publisher);
  g_main_context_pop_thread_default (context);
  g_atomic_int_set (&runner->done, 1);
  g_main_context_wakeup (NULL);
  return NULL;
}

static void
test_progress_on_callers_context (Fixture       *f,
                                  gconstpointer  data)
{
  static const VitrinePublishPhase all_phases[] = {
    VITRINE_PUBLISH_PHASE_SCANNING, VITRINE_PUBLISH_PHASE_HASHING, VITRINE_PUBLISH_PHASE_UPLOADING,
    VITRINE_PUBLISH_PHASE_COMMITTING, VITRINE_PUBLISH_PHASE_DONE,
  };
  static const VitrinePublishPhase no_change[] = {
    VITRINE_PUBLISH_PHASE_SCANNING, VITRINE_PUBLISH_PHASE_HASHING, VITRINE_PUBLISH_PHASE_DONE,
  };
  Runner runner = { f };
  GThread *thread;

  write_file (f->folder, "README.md", 700);
  write_file (f->folder, "config.json", 300);
  write_file (f->folder, "data/a.txt", 50);
  write_file (f->folder, "weights/model.bin", LARGE_SIZE);

  thread = g_thread_new ("runner", runner_thread, &runner);
  while (!g_atomic_int_get (&runner.done))
    g_main_context_iteration (NULL, TRUE);
  g_thread_join (thread);
  /* Each phase was seen, once, in order. */
  assert_phases (&runner.watch, all_phases, G_N_ELEMENTS (all_phases));
  /* The publish ran as background work; the threads that show it and
   * serve the hub kept their priority. */
  g_assert_cmpint (runner.watch.publish_nice, ==, VITRINE_PUBLISH_NICE);
  g_assert_cmpint (runner.watch.other_nice, <, VITRINE_PUBLISH_NICE);
  watch_clear (&runner.watch);

  /* Again, from this thread: nothing changed, nothing deleted. */
  {
    g_autoptr(VitrinePublisher) publisher = make_publisher (f, "alice/progress");
    Watch watch = { 0 };

    watch_run (publisher, &watch, NULL);
    g_assert_true (watch.ok);
    assert_phases (&watch, no_change, G_N_ELEMENTS (no_change));
    g_assert_cmpuint (g_list_model_get_n_items (vitrine_publisher_get_files (publisher)), ==, 4);
    assert_row (publisher, 0, "README.md", VITRINE_FILE_UNCHANGED, 700, FALSE, 0);
    assert_row (publisher, 3, "weights/model.bin", VITRINE_FILE_UNCHANGED, LARGE_SIZE, FALSE, 0);
    watch_clear (&watch);
  }

  /* A file gone from the folder: its row says it was deleted. */
  {
    g_autoptr(VitrinePublisher) publisher = make_publisher (f, "alice/progress");
    g_autofree char *gone = g_build_filename (f->folder, "data", "a.txt", NULL);
    Watch watch = { 0 };

    g_unlink (gone);
    watch_run (publisher, &watch, NULL);
    g_assert_true (watch.ok);
    g_assert_cmpuint (watch.result.deleted, ==, 1);
    g_assert_cmpuint (g_list_model_get_n_items (vitrine_publisher_get_files (publisher)), ==, 4);
    assert_row (publisher, 2, "weights/model.bin", VITRINE_FILE_UNCHANGED, LARGE_SIZE, FALSE, 0);
    assert_row (publisher, 3, "data/a.txt", VITRINE_FILE_DELETED, 0, FALSE, 0);
    watch_clear (&watch);
  }
}

/* Hundreds of small files go by faster than anyone reads: the caller
 * hears of them a few times a second, not once a file. */
static void
test_progress_is_throttled (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(VitrinePublisher) publisher = make_publisher (f, "alice/many");
  Watch watch = { 0 };
  guint n_files = 400;
  gint64 start, elapsed_ms;

  for (guint i = 0; i < n_files; i++)
    {
      g_autofree char *path = g_strdup_printf ("files/%03u.txt", i);
      write_file (f->folder, path, 20 + i);
    }

  start = g_get_monotonic_time ();
  watch_run (publisher, &watch, NULL);
  elapsed_ms = (g_get_monotonic_time () - start) / 1000;
  g_assert_true (watch.ok);
  g_assert_cmpuint (g_list_model_get_n_items (vitrine_publisher_get_files (publisher)), ==, n_files);
  for (guint i = 0; i < n_files; i++)
    {
      g_autoptr(VitrinePublishFile) row = row_at (publisher, i);
      g_assert_cmpint (vitrine_publish_file_get_state (row), ==, VITRINE_FILE_DONE);
    }
  /* At most one flush every 200 ms, one for each of the five phases, and
   * the last; each notifies files-done twice at the most. */
  g_test_message ("%u files-done notifications in %" G_GINT64_FORMAT " ms",
                  watch.files_done_notifies, elapsed_ms);
  g_assert_cmpuint (watch.files_done_notifies, <=, 2 * (elapsed_ms / 200 + 1) + 2 * 5 + 2);
  g_assert_cmpuint (watch.files_done_notifies, <, n_files);
  watch_clear (&watch);
}

typedef struct
{
  const char *name;
  GArray     *found;
} NamedThreads;

static void
add_if_named (const char *name,
              int         nice,
              gpointer    data)
{
  NamedThreads *named = data;

  if (g_str_equal (name, named->name))
    g_array_append_val (named->found, nice);
}

/* The niceness of each of this process's threads named @name. */
static GArray *
nice_of_threads (const char *name)
{
  NamedThreads named = { name, g_array_new (FALSE, FALSE, sizeof (int)) };

  foreach_thread (add_if_named, &named);
  return named.found;
}

typedef struct
{
  Fixture *f;
  int      nice;
  int      seen[2];   /* the uploaders' niceness, lowest and highest */
} UploadersAt;

/* Starts the uploaders from a thread of niceness @at->nice; they wait for
 * work (none comes) until the run is finished. */
static gpointer
start_uploaders_thread (gpointer data)
{
  UploadersAt *at = data;
  g_autoptr(VitrinePublisher) publisher = make_publisher (at->f, "alice/uploaders");
  VitrineUploadRun *run;
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  g_assert_cmpint (setpriority (PRIO_PROCESS, (id_t) syscall (SYS_gettid), at->nice), ==, 0);
  vitrine_publisher_set_parallel (publisher, 3);
  run = _vitrine_upload_run_start (publisher, NULL);
  for (;;)
    {
      g_autoptr(GArray) nices = nice_of_threads ("vitrine-upload");

      if (nices->len == 3)
        {
          at->seen[0] = at->seen[1] = g_array_index (nices, int, 0);
          for (guint i = 1; i < nices->len; i++)
            {
              at->seen[0] = MIN (at->seen[0], g_array_index (nices, int, i));
              at->seen[1] = MAX (at->seen[1], g_array_index (nices, int, i));
            }
          /* Each sets its own as it starts. */
          if (at->seen[0] == at->seen[1] && at->seen[0] == at->nice)
            break;
        }
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_usleep (1000);
    }
  g_assert_true (_vitrine_upload_run_finish (run, TRUE, NULL, NULL));
  return NULL;
}

/* The threads that send a publish's files take the priority of the
 * publish: a background one's (from a window), or the caller's own (the
 * command line publishes at full speed). */
static void
test_uploaders_take_the_publish_priority (Fixture       *f,
                                          gconstpointer  data)
{
  int own = getpriority (PRIO_PROCESS, 0);

  g_assert_cmpint (own, <, VITRINE_PUBLISH_NICE);
  for (guint i = 0; i < 2; i++)
    {
      UploadersAt at = { f, i == 0 ? own : VITRINE_PUBLISH_NICE, { G_MININT, G_MININT } };

      g_autoptr(GArray) left = NULL;

      g_thread_join (g_thread_new ("uploaders", start_uploaders_thread, &at));
      g_assert_cmpint (at.seen[0], ==, at.nice);
      g_assert_cmpint (at.seen[1], ==, at.nice);
      left = nice_of_threads ("vitrine-upload");
      g_assert_cmpuint (left->len, ==, 0);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/client/publish-progress/callers-context", Fixture, NULL,
              fixture_setup, test_progress_on_callers_context, fixture_teardown);
  g_test_add ("/client/publish-progress/throttled", Fixture, NULL,
              fixture_setup, test_progress_is_throttled, fixture_teardown);
  g_test_add ("/client/publish-progress/uploaders-priority", Fixture, NULL,
              fixture_setup, test_uploaders_take_the_publish_priority, fixture_teardown);

  return g_test_run ();
}
