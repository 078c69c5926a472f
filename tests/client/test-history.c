/* test-history.c — the history through the client, against a real local
 * hub: a paged commit list with branches and tags, what each version
 * changed, compare through the endpoint and from tree listings, restore
 * (byte for byte, nothing re-uploaded, never losing a concurrent
 * publish) and downloading an old version
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <git2.h>

#include "../server/hub-fixture.h"
#include "vitrine-client.h"
#include "vitrine-commit-list.h"
#include "vitrine-error.h"
#include "vitrine-publish.h"
#include "vitrine-revision-diff.h"

#define N_SMALL_COMMITS 230
#define CARD_V1 "---\nlicense: mit\n---\n# Bert for reviews\n\nIt reads film reviews and says whether they are kind.\n\n" \
                "## Training\n\nTrained for two epochs.\n"
#define CARD_V2 "---\nlicense: apache-2.0\n---\n# Bert for reviews\n\nIt reads film reviews and says whether they are kind.\n\n" \
                "## Training\n\nTrained for three epochs on more data.\n\n## Limits\n\nEnglish only.\n"

typedef struct
{
  Hub            hub;
  char          *folder;
  VitrineClient *client;
  /* What the history holds. */
  char          *v1;
  char          *v2;
  char          *v3;
  char          *exp;
  char          *head;
  GHashTable    *v1_files;     /* path -> GBytes, the files of v1 */
  GHashTable    *v2_files;
} Fixture;

/* ---- Helpers ---------------------------------------------------------- */

static GBytes *
random_bytes (gsize size,
              guint seed)
{
  guint8 *data = g_malloc (size);
  guint32 x = seed * 2654435761u + 1;

  for (gsize i = 0; i < size; i++)
    {
      x ^= x << 13, x ^= x >> 17, x ^= x << 5;
      data[i] = x & 0xff;
    }
  return g_bytes_new_take (data, size);
}

static void
put_file (Fixture    *f,
          GHashTable *files,
          const char *path,
          GBytes     *bytes)
{
  g_autofree char *full = g_build_filename (f->folder, path, NULL);
  g_autofree char *dir = g_path_get_dirname (full);
  gsize len;
  const char *data = g_bytes_get_data (bytes, &len);

  g_mkdir_with_parents (dir, 0755);
  g_assert_true (g_file_set_contents (full, data, len, NULL));
  if (files != NULL)
    g_hash_table_insert (files, g_strdup (path), g_bytes_ref (bytes));
}

static void
remove_file (Fixture    *f,
             const char *path)
{
  g_autofree char *full = g_build_filename (f->folder, path, NULL);

  g_assert_cmpint (g_unlink (full), ==, 0);
}

/* Publishes the folder as it is, as the window and vitrine-cli do. */
static char *
publish (Fixture    *f,
         const char *message)
{
  g_autoptr(VitrinePublisher) publisher = vitrine_publisher_new (f->client, VITRINE_REPO_TYPE_MODEL,
                                                                 "alice/hist", f->folder);
  g_autofree char *cache = g_build_filename (f->hub.tmp, "hashes", NULL);
  g_autofree char *cards = g_build_filename (f->hub.tmp, "cards", NULL);
  g_autoptr(GAsyncResult) done = NULL;
  g_autoptr(GError) error = NULL;
  VitrinePublishResult result = { 0 };
  char *commit_id;

  vitrine_publisher_set_hash_cache (publisher, cache);
  vitrine_publisher_set_cards_dir (publisher, cards);
  vitrine_publisher_set_message (publisher, message, NULL);
  vitrine_publisher_set_delete_remote (publisher, TRUE);
  vitrine_publisher_set_replace_card (publisher, TRUE);
  vitrine_publisher_run_async (publisher, NULL, test_keep_result_cb, &done);
  while (done == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (vitrine_publisher_run_finish (publisher, done, &result, &error));
  g_assert_no_error (error);
  g_assert_nonnull (result.commit_id);
  commit_id = g_strdup (result.commit_id);
  vitrine_publish_result_clear (&result);
  return commit_id;
}

static char *
commit_small (Fixture    *f,
              const char *branch,
              const char *path,
              const char *content)
{
  g_autofree char *op = file_op (path, content);
  g_autofree char *payload = ndjson_commit (content, NULL, op);
  g_autofree char *url = g_strdup_printf ("/api/models/alice/hist/commit/%s", branch);
  g_autoptr(Reply) reply = hub_call (&f->hub, "POST", url, f->hub.alice, "application/x-ndjson", payload, -1);

  g_assert_cmpuint (reply->status, ==, 200);
  return g_strdup (reply_string (reply, "commitOid"));
}

static void
tag (Fixture    *f,
     const char *revision,
     const char *name)
{
  g_autofree char *url = g_strdup_printf ("/api/models/alice/hist/tag/%s", revision);
  g_autofree char *body = g_strdup_printf ("{\"tag\":\"%s\"}", name);
  g_autoptr(Reply) reply = hub_call (&f->hub, "POST", url, f->hub.alice, NULL, body, -1);

  g_assert_cmpuint (reply->status, ==, 200);
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

static GThread *
start_blocking (Blocking   *b,
                GThreadFunc func,
                gpointer    data)
{
  b->func = func;
  b->data = data;
  b->done = 0;
  return g_thread_new ("blocking", blocking_thread, b);
}

static gpointer
finish_blocking (Blocking *b,
                 GThread  *thread)
{
  while (!g_atomic_int_get (&b->done))
    g_main_context_iteration (NULL, TRUE);
  g_thread_join (thread);
  return b->result;
}

static gpointer
blocking (GThreadFunc func,
          gpointer    data)
{
  Blocking b;
  GThread *thread = start_blocking (&b, func, data);

  return finish_blocking (&b, thread);
}

static gpointer
wait_result (GAsyncResult **result)
{
  while (*result == NULL)
    g_main_context_iteration (NULL, TRUE);
  return *result;
}

/* The tree of @revision, by the hub's bare repository (as git sees it). */
static char *
tree_id (Fixture    *f,
         const char *revision)
{
  g_autofree char *dir = g_build_filename (f->hub.data_dir, "repos", "models", "alice", "hist.git", NULL);
  git_repository *repo = NULL;
  git_object *object = NULL;
  git_commit *commit = NULL;
  char hex[GIT_OID_HEXSZ + 1];

  g_assert_cmpint (git_repository_open (&repo, dir), ==, 0);
  g_assert_cmpint (git_revparse_single (&object, repo, revision), ==, 0);
  g_assert_cmpint (git_commit_lookup (&commit, repo, git_object_id (object)), ==, 0);
  git_oid_tostr (hex, sizeof hex, git_commit_tree_id (commit));
  git_commit_free (commit);
  git_object_free (object);
  git_repository_free (repo);
  return g_strdup (hex);
}

static char *
first_parent (Fixture    *f,
              const char *revision)
{
  g_autofree char *dir = g_build_filename (f->hub.data_dir, "repos", "models", "alice", "hist.git", NULL);
  git_repository *repo = NULL;
  git_object *object = NULL;
  git_commit *commit = NULL;
  char hex[GIT_OID_HEXSZ + 1];

  g_assert_cmpint (git_repository_open (&repo, dir), ==, 0);
  g_assert_cmpint (git_revparse_single (&object, repo, revision), ==, 0);
  g_assert_cmpint (git_commit_lookup (&commit, repo, git_object_id (object)), ==, 0);
  g_assert_cmpuint (git_commit_parentcount (commit), ==, 1);
  git_oid_tostr (hex, sizeof hex, git_commit_parent_id (commit, 0));
  git_commit_free (commit);
  git_object_free (object);
  git_repository_free (repo);
  return g_strdup (hex);
}

/* Every file of the large-file store: name, size and change time. */
static char *
lfs_store_listing (Fixture *f)
{
  g_autofree char *root = g_build_filename (f->hub.data_dir, "lfs", NULL);
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GPtrArray) dirs = g_ptr_array_new_with_free_func (g_free);

  g_ptr_array_add (dirs, g_strdup (root));
  while (dirs->len > 0)
    {
      g_autofree char *dir = g_ptr_array_steal_index (dirs, dirs->len - 1);
      g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
      const char *name;

      while (handle != NULL && (name = g_dir_read_name (handle)) != NULL)
        {
          g_autofree char *path = g_build_filename (dir, name, NULL);
          GStatBuf st;

          g_assert_cmpint (g_stat (path, &st), ==, 0);
          if (S_ISDIR (st.st_mode))
            g_ptr_array_add (dirs, g_strdup (path));
          else
            g_string_append_printf (out, "%s %" G_GINT64_FORMAT " %" G_GINT64_FORMAT "\n", path,
                                    (gint64) st.st_size, (gint64) st.st_ctime);
        }
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static VitrineServer *
start_hub (const char  *data_dir,
           const char  *faults,
           char       **url)
{
  g_autoptr(GError) error = NULL;
  VitrineServer *server;

  g_setenv ("VITRINE_HUB_FAULTS", faults, TRUE);
  server = vitrine_server_new (data_dir);
  g_assert_true (vitrine_server_listen (server, "127.0.0.1", 0, &error));
  g_unsetenv ("VITRINE_HUB_FAULTS");
  g_assert_no_error (error);
  *url = vitrine_server_dup_url (server);
  return server;
}

/* Stops the hub and starts it again on the same data, with @faults; the
 * fixture's client talks to the new one. */
static void
restart_hub (Fixture    *f,
             const char *faults)
{
  g_clear_object (&f->hub.server);
  g_clear_pointer (&f->hub.url, g_free);
  f->hub.server = start_hub (f->hub.data_dir, faults, &f->hub.url);
  g_clear_object (&f->client);
  f->client = vitrine_client_new (f->hub.url, f->hub.alice);
  vitrine_client_set_retry (f->client, 0, 10, 10);
}

/* Another hub, on a copy of the data (one hub serves a data folder),
 * started with @faults. */
static VitrineServer *
copy_hub (Fixture     *f,
          const char  *faults,
          char       **url)
{
  g_autofree char *copy = g_build_filename (f->hub.tmp, "copy", NULL);
  const char *argv[] = { "cp", "-a", f->hub.data_dir, copy, NULL };
  int status = 0;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL,
                               &status, NULL));
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return start_hub (copy, faults, url);
}

/* How often the @index-th fault rule of the hub at @url fired. */
static gint64
fault_fired (Fixture    *f,
             const char *url,
             guint       index)
{
  g_autofree char *report = g_strconcat (url, "/api/-/faults", NULL);
  g_autoptr(Reply) reply = hub_call (&f->hub, "GET", report, NULL, NULL, NULL, 0);
  JsonArray *rules;

  g_assert_cmpuint (reply->status, ==, 200);
  rules = json_object_get_array_member (json_node_get_object (reply->json), "rules");
  return json_object_get_int_member (json_array_get_object_element (rules, index), "fired");
}

/* ---- The history ------------------------------------------------------ */

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GBytes) card1 = g_bytes_new_static (CARD_V1, strlen (CARD_V1));
  g_autoptr(GBytes) card2 = g_bytes_new_static (CARD_V2, strlen (CARD_V2));
  g_autoptr(GBytes) config1 = g_bytes_new_static ("{\"layers\": 12}\n", 15);
  g_autoptr(GBytes) config3 = g_bytes_new_static ("{\"layers\": 24}\n", 15);
  g_autoptr(GBytes) notes = g_bytes_new_static ("first notes\n", 12);
  g_autoptr(GBytes) model1 = random_bytes (1536 * 1024 + 7, 1);
  g_autoptr(GBytes) model2 = random_bytes (2 * 1024 * 1024, 2);
  g_autoptr(GBytes) extra = random_bytes (1024 * 1024, 3);

  hub_setup (&f->hub, NULL);
  f->folder = g_build_filename (f->hub.tmp, "folder", NULL);
  f->client = vitrine_client_new (f->hub.url, f->hub.alice);
  vitrine_client_set_retry (f->client, 3, 20, 200);
  f->v1_files = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_bytes_unref);
  f->v2_files = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_bytes_unref);
  hub_create_repo (&f->hub, f->hub.alice, "{\"name\":\"hist\"}");

  /* v1: a card, a config, notes and large weights. */
  put_file (f, f->v1_files, "README.md", card1);
  put_file (f, f->v1_files, "config.json", config1);
  put_file (f, f->v1_files, "notes.txt", notes);
  put_file (f, f->v1_files, "weights/model.bin", model1);
  f->v1 = publish (f, "First version");
  tag (f, f->v1, "v1");

  /* v2: the card edited, new weights, one more large file, notes gone. */
  put_file (f, f->v2_files, "README.md", card2);
  put_file (f, f->v2_files, "config.json", config1);
  put_file (f, f->v2_files, "weights/model.bin", model2);
  put_file (f, f->v2_files, "weights/extra.bin", extra);
  remove_file (f, "notes.txt");
  f->v2 = publish (f, "Better weights");
  tag (f, f->v2, "v2");

  /* A branch from v1 with a commit of its own. */
  {
    g_autofree char *body = g_strdup_printf ("{\"startingPoint\":\"%s\"}", f->v1);
    g_autoptr(Reply) reply = hub_call (&f->hub, "POST", "/api/models/alice/hist/branch/exp", f->hub.alice, NULL,
                                       body, -1);
    g_assert_cmpuint (reply->status, ==, 200);
    f->exp = commit_small (f, "exp", "idea.txt", "an idea\n");
  }

  /* v3: a bigger config; then many small commits. */
  put_file (f, NULL, "config.json", config3);
  f->v3 = publish (f, "Bigger model");
  for (guint i = 0; i < N_SMALL_COMMITS; i++)
    {
      g_autofree char *content = g_strdup_printf ("step %u\n", i);

      g_free (f->head);
      f->head = commit_small (f, "main", "steps.txt", content);
      if (i == 100)
        tag (f, f->head, "step-100");
    }
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_clear_object (&f->client);
  g_free (f->folder);
  g_free (f->v1);
  g_free (f->v2);
  g_free (f->v3);
  g_free (f->exp);
  g_free (f->head);
  g_hash_table_unref (f->v1_files);
  g_hash_table_unref (f->v2_files);
  hub_teardown (&f->hub, NULL);
}

/* ---- The commit list -------------------------------------------------- */

typedef struct
{
  guint calls;
  guint added;
  guint last_position;
} Changes;

static void
on_items_changed_cb (GListModel *model,
                     guint       position,
                     guint       removed,
                     guint       added,
                     Changes    *changes)
{
  g_assert_cmpuint (removed, ==, 0);
  g_assert_cmpuint (position, ==, changes->added);
  changes->calls++;
  changes->added += added;
  changes->last_position = position;
}

/* Reads the last rows of @model each time rows are added, as a list view
 * scrolled to the bottom does, from inside the signal. */
static void
read_last_rows_cb (GListModel *model,
                   guint       position,
                   guint       removed,
                   guint       added,
                   gpointer    data)
{
  guint n = g_list_model_get_n_items (model);

  for (guint i = n > 3 ? n - 3 : 0; i < n; i++)
    g_object_unref (g_list_model_get_item (model, i));
}

/* A view that reads near the end several times while it hears of a page
 * asks for the next page once: each page comes once, in order, and the
 * list stops asking when it is complete. */
static void
test_commit_list_reads_in_signal (Fixture       *f,
                                  gconstpointer  data)
{
  g_autoptr(VitrineCommitList) list = vitrine_commit_list_new (f->client, VITRINE_REPO_TYPE_MODEL, "alice/hist",
                                                               NULL, 50);
  GListModel *model = G_LIST_MODEL (list);
  Changes changes = { 0 };
  guint total = N_SMALL_COMMITS + 4;
  guint pages = (total + 49) / 50;

  g_signal_connect (list, "items-changed", G_CALLBACK (on_items_changed_cb), &changes);
  g_signal_connect (list, "items-changed", G_CALLBACK (read_last_rows_cb), NULL);
  while (!vitrine_commit_list_get_complete (list))
    g_main_context_iteration (NULL, TRUE);
  /* Whatever was still on its way lands (and would show here). */
  while (vitrine_commit_list_get_loading (list))
    g_main_context_iteration (NULL, TRUE);
  while (g_main_context_iteration (NULL, FALSE))
    ;

  g_assert_cmpuint (g_list_model_get_n_items (model), ==, total);
  g_assert_cmpuint (changes.added, ==, total);
  g_assert_cmpuint (vitrine_commit_list_get_pages_fetched (list), ==, pages);
  for (guint i = 0; i + 1 < total; i++)
    {
      g_autoptr(VitrineCommit) commit = g_list_model_get_item (model, i);
      g_autoptr(VitrineCommit) next = g_list_model_get_item (model, i + 1);
      g_autofree char *parent = vitrine_commit_list_dup_parent_id (list, commit);

      g_assert_cmpstr (parent, ==, vitrine_commit_get_id (next));
    }
}

static gboolean
ref_named (VitrineCommit *commit,
           const char    *name,
           VitrineRefKind kind)
{
  GListModel *refs = vitrine_commit_get_refs (commit);

  for (guint i = 0; i < g_list_model_get_n_items (refs); i++)
    {
      g_autoptr(VitrineRef) ref = g_list_model_get_item (refs, i);

      if (g_str_equal (vitrine_ref_get_name (ref), name) && vitrine_ref_get_kind (ref) == kind)
        return TRUE;
    }
  return FALSE;
}

static void
test_commit_list (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(VitrineCommitList) list = vitrine_commit_list_new (f->client, VITRINE_REPO_TYPE_MODEL, "alice/hist",
                                                               NULL, 100);
  GListModel *model = G_LIST_MODEL (list);
  Changes changes = { 0 };
  guint total = N_SMALL_COMMITS + 4;   /* the repository's first commit, v1, v2, v3 */
  gboolean seen_v1 = FALSE, seen_v2 = FALSE, seen_step = FALSE;

  g_signal_connect (list, "items-changed", G_CALLBACK (on_items_changed_cb), &changes);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 0);
  g_assert_true (g_list_model_get_item_type (model) == VITRINE_TYPE_COMMIT);
  while (!vitrine_commit_list_get_started (list))
    g_main_context_iteration (NULL, TRUE);

  /* One page, and the count of the whole history. */
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 100);
  g_assert_cmpuint (vitrine_commit_list_get_n_total (list), ==, total);
  g_assert_cmpuint (vitrine_commit_list_get_pages_fetched (list), ==, 1);
  g_assert_false (vitrine_commit_list_get_complete (list));
  g_assert_nonnull (vitrine_commit_list_get_refs (list));

  /* The head is first, with its branch. */
  {
    g_autoptr(VitrineCommit) first = g_list_model_get_item (model, 0);

    g_assert_cmpstr (vitrine_commit_get_id (first), ==, f->head);
    g_assert_true (ref_named (first, "main", VITRINE_REF_BRANCH));
  }
  /* Reading the top rows fetches nothing more. */
  for (guint i = 0; i < 20; i++)
    g_object_unref (g_list_model_get_item (model, i));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_cmpuint (vitrine_commit_list_get_pages_fetched (list), ==, 1);

  /* Reading near the end fetches the next page, appended: asked for once
   * the main loop has drawn what it shows (nothing higher waits), not
   * while the view reads. */
  g_object_unref (g_list_model_get_item (model, 99));
  g_assert_false (vitrine_commit_list_get_loading (list));
  while (g_list_model_get_n_items (model) < 200)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (vitrine_commit_list_get_pages_fetched (list), ==, 2);
  g_assert_cmpuint (changes.last_position, ==, 100);

  /* Reading on to the end: every commit once, in the hub's order. */
  while (!vitrine_commit_list_get_complete (list))
    {
      g_object_unref (g_list_model_get_item (model, g_list_model_get_n_items (model) - 1));
      g_main_context_iteration (NULL, TRUE);
    }
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, total);
  g_assert_cmpuint (changes.added, ==, total);
  g_assert_cmpuint (vitrine_commit_list_get_pages_fetched (list), ==, 3);
  for (guint i = 0; i < total; i++)
    {
      g_autoptr(VitrineCommit) commit = g_list_model_get_item (model, i);
      const char *id = vitrine_commit_get_id (commit);
      g_autofree char *parent = vitrine_commit_list_dup_parent_id (list, commit);

      g_assert_nonnull (vitrine_commit_get_title (commit));
      g_assert_nonnull (vitrine_commit_get_date_time (commit));
      /* Each is compared with the commit below it (the history is a line). */
      if (i + 1 < total)
        {
          g_autoptr(VitrineCommit) next = g_list_model_get_item (model, i + 1);
          g_assert_cmpstr (parent, ==, vitrine_commit_get_id (next));
        }
      else
        g_assert_cmpstr (parent, ==, VITRINE_EMPTY_TREE_ID);

      if (g_str_equal (id, f->v1))
        {
          seen_v1 = TRUE;
          g_assert_true (ref_named (commit, "v1", VITRINE_REF_TAG));
          g_assert_cmpstr (vitrine_commit_get_title (commit), ==, "First version");
        }
      if (g_str_equal (id, f->v2))
        {
          seen_v2 = TRUE;
          g_assert_true (ref_named (commit, "v2", VITRINE_REF_TAG));
          g_assert_false (ref_named (commit, "v1", VITRINE_REF_TAG));
        }
      seen_step |= ref_named (commit, "step-100", VITRINE_REF_TAG);
    }
  g_assert_true (seen_v1 && seen_v2 && seen_step);
  g_assert_nonnull (vitrine_commit_list_find (list, f->v3, NULL));
  g_assert_null (vitrine_commit_list_find (list, f->exp, NULL));

  /* A tag's history, and a branch's. */
  {
    g_autoptr(VitrineCommitList) at_v2 = vitrine_commit_list_new (f->client, VITRINE_REPO_TYPE_MODEL, "alice/hist",
                                                                  "v2", 0);
    g_autoptr(VitrineCommitList) exp = vitrine_commit_list_new (f->client, VITRINE_REPO_TYPE_MODEL, "alice/hist",
                                                                "exp", 0);
    g_autoptr(VitrineCommit) top = NULL;

    while (!vitrine_commit_list_get_complete (at_v2) || !vitrine_commit_list_get_complete (exp))
      g_main_context_iteration (NULL, TRUE);
    g_assert_cmpuint (vitrine_commit_list_get_n_total (at_v2), ==, 3);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (exp)), ==, 3);
    top = g_list_model_get_item (G_LIST_MODEL (exp), 0);
    g_assert_cmpstr (vitrine_commit_get_id (top), ==, f->exp);
    g_assert_true (ref_named (top, "exp", VITRINE_REF_BRANCH));
  }

  /* Reloading starts over, and sees a new commit. */
  {
    g_autofree char *newest = commit_small (f, "main", "steps.txt", "one more\n");
    g_autoptr(VitrineCommit) first = NULL;

    g_signal_handlers_disconnect_by_func (list, on_items_changed_cb, &changes);
    vitrine_commit_list_reload (list);
    g_assert_cmpuint (g_list_model_get_n_items (model), ==, 0);
    while (!vitrine_commit_list_get_started (list))
      g_main_context_iteration (NULL, TRUE);
    g_assert_cmpuint (vitrine_commit_list_get_n_total (list), ==, total + 1);
    first = g_list_model_get_item (model, 0);
    g_assert_cmpstr (vitrine_commit_get_id (first), ==, newest);
  }

  /* A repository that is not there: an error, no items. */
  {
    g_autoptr(VitrineCommitList) missing = vitrine_commit_list_new (f->client, VITRINE_REPO_TYPE_MODEL,
                                                                    "alice/nope", NULL, 0);

    while (vitrine_commit_list_get_error (missing) == NULL)
      g_main_context_iteration (NULL, TRUE);
    g_assert_true (g_error_matches (vitrine_commit_list_get_error (missing), VITRINE_ERROR,
                                    VITRINE_ERROR_REPO_NOT_FOUND));
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (missing)), ==, 0);
  }
}

/* ---- What changed ----------------------------------------------------- */

static VitrineFileChange *
change_at (GListModel *changes,
           const char *path)
{
  for (guint i = 0; i < g_list_model_get_n_items (changes); i++)
    {
      g_autoptr(VitrineFileChange) change = g_list_model_get_item (changes, i);

      if (g_str_equal (vitrine_file_change_get_path (change), path))
        return change;
    }
  return NULL;
}

static void
test_revision_diff (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(VitrineRevisionDiff) diff = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *changes;
  VitrineFileChange *change;

  /* What v2 changed, as its details show it. */
  vitrine_revision_diff_load_async (f->client, VITRINE_REPO_TYPE_MODEL, "alice/hist", f->v1, f->v2, NULL,
                                    test_keep_result_cb, &result);
  diff = vitrine_revision_diff_load_finish (wait_result (&result), &error);
  g_assert_no_error (error);
  changes = vitrine_revision_diff_get_changes (diff);
  g_assert_cmpuint (g_list_model_get_n_items (changes), ==, 4);
  g_assert_cmpuint (vitrine_revision_diff_count (diff, VITRINE_CHANGE_KIND_ADDED), ==, 1);
  g_assert_cmpuint (vitrine_revision_diff_count (diff, VITRINE_CHANGE_KIND_MODIFIED), ==, 2);
  g_assert_cmpuint (vitrine_revision_diff_count (diff, VITRINE_CHANGE_KIND_DELETED), ==, 1);

  /* By path. */
  {
    static const char * const order[] = { "README.md", "notes.txt", "weights/extra.bin", "weights/model.bin" };

    for (guint i = 0; i < G_N_ELEMENTS (order); i++)
      {
        g_autoptr(VitrineFileChange) at = g_list_model_get_item (changes, i);
        g_assert_cmpstr (vitrine_file_change_get_path (at), ==, order[i]);
      }
  }

  /* Large weights: old and new sizes, their contents'. */
  change = change_at (changes, "weights/model.bin");
  g_assert_cmpint (vitrine_file_change_get_kind (change), ==, VITRINE_CHANGE_KIND_MODIFIED);
  g_assert_true (vitrine_file_change_is_lfs (change));
  g_assert_cmpuint (vitrine_file_change_get_old_size (change), ==, 1536 * 1024 + 7);
  g_assert_cmpuint (vitrine_file_change_get_new_size (change), ==, 2 * 1024 * 1024);
  change = change_at (changes, "weights/extra.bin");
  g_assert_cmpint (vitrine_file_change_get_kind (change), ==, VITRINE_CHANGE_KIND_ADDED);
  g_assert_null (vitrine_file_change_get_before (change));
  g_assert_cmpuint (vitrine_file_change_get_new_size (change), ==, 1024 * 1024);
  g_assert_cmpint (vitrine_file_change_get_letter (change), ==, 'A');
  change = change_at (changes, "notes.txt");
  g_assert_cmpint (vitrine_file_change_get_kind (change), ==, VITRINE_CHANGE_KIND_DELETED);
  g_assert_null (vitrine_file_change_get_after (change));
  g_assert_cmpuint (vitrine_file_change_get_old_size (change), ==, 12);
  g_assert_false (vitrine_file_change_is_lfs (change));

  /* The card, both sides, for a readable diff. */
  g_assert_true (vitrine_revision_diff_card_changed (diff));
  g_assert_cmpstr (vitrine_revision_diff_get_card_before (diff), ==, CARD_V1);
  g_assert_cmpstr (vitrine_revision_diff_get_card_after (diff), ==, CARD_V2);

  /* v3 changed the config only: no card. */
  g_clear_object (&result);
  g_clear_object (&diff);
  vitrine_revision_diff_load_async (f->client, VITRINE_REPO_TYPE_MODEL, "alice/hist", f->v2, f->v3, NULL,
                                    test_keep_result_cb, &result);
  diff = vitrine_revision_diff_load_finish (wait_result (&result), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (vitrine_revision_diff_get_changes (diff)), ==, 1);
  g_assert_false (vitrine_revision_diff_card_changed (diff));
  g_assert_null (vitrine_revision_diff_get_card_after (diff));

  /* The first commit of all, against nothing: every file added. */
  g_clear_object (&result);
  g_clear_object (&diff);
  vitrine_revision_diff_load_async (f->client, VITRINE_REPO_TYPE_MODEL, "alice/hist", VITRINE_EMPTY_TREE_ID,
                                    "v1", NULL, test_keep_result_cb, &result);
  diff = vitrine_revision_diff_load_finish (wait_result (&result), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (vitrine_revision_diff_count (diff, VITRINE_CHANGE_KIND_ADDED), ==,
                    g_list_model_get_n_items (vitrine_revision_diff_get_changes (diff)));
  g_assert_nonnull (change_at (vitrine_revision_diff_get_changes (diff), "weights/model.bin"));
  g_assert_cmpstr (vitrine_revision_diff_get_card_before (diff), ==, "");
  g_assert_cmpstr (vitrine_revision_diff_get_card_after (diff), ==, CARD_V1);

  /* A revision that is not there. */
  g_clear_object (&result);
  g_clear_object (&diff);
  vitrine_revision_diff_load_async (f->client, VITRINE_REPO_TYPE_MODEL, "alice/hist", "v9", "main", NULL,
                                    test_keep_result_cb, &result);
  diff = vitrine_revision_diff_load_finish (wait_result (&result), &error);
  g_assert_null (diff);
  g_assert_error (error, VITRINE_ERROR, VITRINE_ERROR_REVISION_NOT_FOUND);
}

/* ---- Compare: the endpoint, and without it ---------------------------- */

typedef struct
{
  VitrineClient *client;
  const char    *from;
  const char    *to;
  gboolean       trees;
} CompareData;

static gpointer
compare_thread (gpointer user_data)
{
  CompareData *d = user_data;
  g_autoptr(GError) error = NULL;
  GListModel *changes;

  if (d->trees)
    changes = vitrine_client_compare_trees (d->client, VITRINE_REPO_TYPE_MODEL, "alice/hist", d->from, d->to,
                                            NULL, &error);
  else
    changes = vitrine_client_compare (d->client, VITRINE_REPO_TYPE_MODEL, "alice/hist", d->from, d->to,
                                      NULL, &error);
  g_assert_no_error (error);
  return changes;
}

/* One line a file: what the two ways must agree on. */
static char *
describe (GListModel *changes)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (changes); i++)
    {
      g_autoptr(VitrineFileChange) change = g_list_model_get_item (changes, i);
      VitrineTreeEntry *before = vitrine_file_change_get_before (change);
      VitrineTreeEntry *after = vitrine_file_change_get_after (change);

      g_string_append_printf (out, "%c %s %" G_GUINT64_FORMAT " %" G_GUINT64_FORMAT " %s %s %s %s\n",
                              vitrine_file_change_get_letter (change), vitrine_file_change_get_path (change),
                              vitrine_file_change_get_old_size (change), vitrine_file_change_get_new_size (change),
                              before != NULL ? vitrine_tree_entry_get_oid (before) : "-",
                              after != NULL ? vitrine_tree_entry_get_oid (after) : "-",
                              before != NULL && vitrine_tree_entry_get_lfs_oid (before) != NULL
                                ? vitrine_tree_entry_get_lfs_oid (before) : "-",
                              after != NULL && vitrine_tree_entry_get_lfs_oid (after) != NULL
                                ? vitrine_tree_entry_get_lfs_oid (after) : "-");
    }
  return g_string_free (out, FALSE);
}

static void
test_compare_endpoint_and_fallback (Fixture       *f,
                                    gconstpointer  data)
{
  g_autofree char *with_url = NULL;
  g_autoptr(VitrineServer) with = NULL;
  g_autoptr(VitrineClient) fallback = NULL;
  g_autoptr(VitrineClient) endpoint = NULL;
  g_autofree char *short_v1 = g_strndup (f->v1, 7);
  const char *pairs[][2] = {
    { "v1", "main" }, { "main", "v1" }, { "v1", "v2" }, { VITRINE_EMPTY_TREE_ID, "v1" },
    { "v2", VITRINE_EMPTY_TREE_ID }, { "exp", "main" }, { NULL, "v2" }, { NULL, NULL },
  };

  /* One hub has no compare endpoint; on the other, listing a tree fails,
   * so only the endpoint can answer there. */
  with = copy_hub (f, "status:500:/tree/:1000", &with_url);
  restart_hub (f, "status:404:/compare/:1000");
  fallback = g_object_ref (f->client);
  endpoint = vitrine_client_new (with_url, f->hub.alice);
  vitrine_client_set_retry (endpoint, 0, 10, 10);
  pairs[6][0] = short_v1;
  pairs[7][0] = pairs[7][1] = f->v3;
  for (guint i = 0; i < G_N_ELEMENTS (pairs); i++)
    {
      CompareData a = { fallback, pairs[i][0], pairs[i][1], FALSE };
      CompareData b = { endpoint, pairs[i][0], pairs[i][1], FALSE };
      g_autoptr(GListModel) by_trees = blocking (compare_thread, &a);
      g_autoptr(GListModel) by_endpoint = blocking (compare_thread, &b);
      g_autofree char *x = describe (by_trees);
      g_autofree char *y = describe (by_endpoint);

      g_test_message ("%s..%s:\n%s", pairs[i][0], pairs[i][1], y);
      g_assert_cmpstr (x, ==, y);
      if (g_str_equal (pairs[i][0], pairs[i][1]))
        g_assert_cmpuint (g_list_model_get_n_items (by_endpoint), ==, 0);
      else
        g_assert_cmpuint (g_list_model_get_n_items (by_endpoint), >, 0);
    }

  /* The endpoint without compare was asked once, then never again; the
   * other never had to list a tree. */
  g_assert_cmpint (fault_fired (f, f->hub.url, 0), ==, 1);
  g_assert_cmpint (fault_fired (f, with_url, 0), ==, 0);

  /* Asked for the fallback by name, a client that never met the missing
   * endpoint gives the same again. */
  {
    g_autoptr(VitrineClient) fresh = vitrine_client_new (f->hub.url, f->hub.alice);
    CompareData a = { fresh, "v1", "v2", TRUE };
    CompareData b = { endpoint, "v1", "v2", FALSE };
    g_autoptr(GListModel) x = blocking (compare_thread, &a);
    g_autoptr(GListModel) y = blocking (compare_thread, &b);
    g_autofree char *dx = describe (x);
    g_autofree char *dy = describe (y);

    g_assert_cmpstr (dx, ==, dy);
  }
}

/* A stand-in for a hub whose compare answers in a shape of its own: it
 * passes every other request on to the real hub. */
typedef struct
{
  SoupServer  *server;
  SoupSession *session;
  char        *target;
  char        *url;
  guint        compares;
} StandIn;

typedef struct
{
  SoupServerMessage *msg;
  SoupMessage       *out;
} Forward;

static void
copy_header_cb (const char *name,
                const char *value,
                gpointer    user_data)
{
  if (g_ascii_strcasecmp (name, "Content-Length") != 0 && g_ascii_strcasecmp (name, "Transfer-Encoding") != 0 &&
      g_ascii_strcasecmp (name, "Connection") != 0 && g_ascii_strcasecmp (name, "Content-Type") != 0)
    soup_message_headers_append (user_data, name, value);
}

static void
forwarded_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  Forward *forward = user_data;
  g_autoptr(GBytes) body = soup_session_send_and_read_finish (SOUP_SESSION (source), result, NULL);
  SoupMessageHeaders *answer = soup_message_get_response_headers (forward->out);
  const char *type = soup_message_headers_get_content_type (answer, NULL);
  gsize len = 0;
  const char *data = body != NULL ? g_bytes_get_data (body, &len) : NULL;

  soup_message_headers_foreach (answer, copy_header_cb, soup_server_message_get_response_headers (forward->msg));
  soup_server_message_set_status (forward->msg, body != NULL ? soup_message_get_status (forward->out) : 502, NULL);
  soup_server_message_set_response (forward->msg, type != NULL ? type : "application/octet-stream", SOUP_MEMORY_COPY,
                                    data, len);
  soup_server_message_unpause (forward->msg);
  g_object_unref (forward->msg);
  g_object_unref (forward->out);
  g_free (forward);
}

static void
stand_in_cb (SoupServer        *server,
             SoupServerMessage *msg,
             const char        *path,
             GHashTable        *query,
             gpointer           user_data)
{
  StandIn *stand_in = user_data;
  GUri *uri = soup_server_message_get_uri (msg);
  g_autofree char *url = NULL;
  g_autoptr(GBytes) body = NULL;
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);
  Forward *forward;

  if (strstr (path, "/compare/") != NULL)
    {
      stand_in->compares++;
      soup_server_message_set_status (msg, 200, NULL);
      soup_server_message_set_response (msg, "text/plain", SOUP_MEMORY_STATIC, "Files differ.\n", 14);
      return;
    }
  url = g_strconcat (stand_in->target, g_uri_get_path (uri), g_uri_get_query (uri) != NULL ? "?" : "",
                     g_uri_get_query (uri) != NULL ? g_uri_get_query (uri) : "", NULL);
  forward = g_new0 (Forward, 1);
  forward->msg = g_object_ref (msg);
  forward->out = soup_message_new (soup_server_message_get_method (msg), url);
  soup_message_headers_foreach (headers, copy_header_cb, soup_message_get_request_headers (forward->out));
  body = soup_message_body_flatten (soup_server_message_get_request_body (msg));
  if (g_bytes_get_size (body) > 0)
    soup_message_set_request_body_from_bytes (forward->out, soup_message_headers_get_content_type (headers, NULL),
                                              body);
  soup_server_message_pause (msg);
  soup_session_send_and_read_async (stand_in->session, forward->out, G_PRIORITY_DEFAULT, NULL, forwarded_cb, forward);
}

static void
test_compare_other_shape (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  StandIn stand_in = { 0 };
  g_autoptr(VitrineClient) client = NULL;
  GSList *uris;
  const char *pairs[][2] = { { "v1", "v2" }, { "v2", "main" } };

  stand_in.target = f->hub.url;
  stand_in.session = soup_session_new ();
  stand_in.server = soup_server_new (NULL, NULL);
  soup_server_add_handler (stand_in.server, NULL, stand_in_cb, &stand_in, NULL);
  g_assert_true (soup_server_listen_local (stand_in.server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error));
  g_assert_no_error (error);
  uris = soup_server_get_uris (stand_in.server);
  stand_in.url = g_uri_to_string (uris->data);
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);
  if (g_str_has_suffix (stand_in.url, "/"))
    stand_in.url[strlen (stand_in.url) - 1] = '\0';
  client = vitrine_client_new (stand_in.url, f->hub.alice);
  vitrine_client_set_retry (client, 0, 10, 10);

  /* Its compare is not read, and not asked again: the listings answer,
   * as the real hub's compare does. */
  for (guint i = 0; i < G_N_ELEMENTS (pairs); i++)
    {
      CompareData a = { client, pairs[i][0], pairs[i][1], FALSE };
      CompareData b = { f->client, pairs[i][0], pairs[i][1], FALSE };
      g_autoptr(GListModel) by_stand_in = blocking (compare_thread, &a);
      g_autoptr(GListModel) by_hub = blocking (compare_thread, &b);
      g_autofree char *x = describe (by_stand_in);
      g_autofree char *y = describe (by_hub);

      g_assert_cmpuint (g_list_model_get_n_items (by_hub), >, 0);
      g_assert_cmpstr (x, ==, y);
    }
  g_assert_cmpuint (stand_in.compares, ==, 1);

  g_clear_object (&client);
  g_clear_object (&stand_in.server);
  g_clear_object (&stand_in.session);
  g_free (stand_in.url);
}

/* ---- Restore ---------------------------------------------------------- */

typedef struct
{
  VitrineClient  *client;
  const char     *revision;
  char           *commit_id;
  GError         *error;
  gboolean        ok;
} RestoreData;

static gpointer
restore_thread (gpointer user_data)
{
  RestoreData *d = user_data;

  d->ok = vitrine_client_restore (d->client, VITRINE_REPO_TYPE_MODEL, "alice/hist", NULL, d->revision, NULL, NULL,
                                  NULL, &d->commit_id, NULL, &d->error);
  return NULL;
}

static void
test_restore (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *store_before = lfs_store_listing (f);
  g_autofree char *store_after = NULL;
  g_autofree char *v1_tree = tree_id (f, f->v1);
  g_autofree char *head_tree = tree_id (f, f->head);
  g_autofree char *restored_tree = NULL;
  g_autofree char *parent = NULL;
  RestoreData d = { NULL, "v1", NULL, NULL, FALSE };

  /* Any request that could carry a large file's bytes trips a wire. */
  restart_hub (f, "status:500:/lfs-upload/:1000;status:500:/info/lfs/:1000;status:500:/preupload/:1000");
  d.client = f->client;
  g_assert_cmpstr (v1_tree, !=, head_tree);

  /* Restoring v1 on main: one commit on top of the head. */
  blocking (restore_thread, &d);
  g_assert_no_error (d.error);
  g_assert_true (d.ok);
  g_assert_nonnull (d.commit_id);
  restored_tree = tree_id (f, d.commit_id);
  parent = first_parent (f, d.commit_id);

  /* The tree is v1's, byte for byte: the same git tree, so every file
   * and every large file's pointer is the same. */
  g_assert_cmpstr (restored_tree, ==, v1_tree);
  g_assert_cmpstr (parent, ==, f->head);
  {
    g_autoptr(Reply) info = hub_call (&f->hub, "GET", "/api/models/alice/hist", f->hub.alice, NULL, NULL, 0);
    g_autoptr(Reply) commits = hub_call (&f->hub, "GET", "/api/models/alice/hist/commits/main?limit=1",
                                         f->hub.alice, NULL, NULL, 0);
    JsonObject *newest = json_array_get_object_element (json_node_get_array (commits->json), 0);

    g_assert_cmpstr (reply_string (info, "sha"), ==, d.commit_id);
    g_assert_cmpstr (json_object_get_string_member (newest, "title"), ==, "Restore v1");
  }
  /* Each file downloads as it was in v1. */
  {
    GHashTableIter iter;
    gpointer path, bytes;

    g_hash_table_iter_init (&iter, f->v1_files);
    while (g_hash_table_iter_next (&iter, &path, &bytes))
      {
        g_autofree char *url = g_strdup_printf ("/alice/hist/resolve/main/%s", (char *) path);
        g_autoptr(Reply) reply = hub_call (&f->hub, "GET", url, f->hub.alice, NULL, NULL, 0);

        g_assert_cmpuint (reply->status, ==, 200);
        g_assert_true (g_bytes_equal (reply->body, bytes));
      }
  }

  /* The large-file store received nothing: no request could have carried
   * bytes, and the store is as it was. */
  for (guint i = 0; i < 3; i++)
    g_assert_cmpint (fault_fired (f, f->hub.url, i), ==, 0);
  store_after = lfs_store_listing (f);
  g_assert_cmpstr (store_after, ==, store_before);

  /* Restoring the commit before it undoes it. */
  g_clear_pointer (&d.commit_id, g_free);
  d.revision = f->head;
  blocking (restore_thread, &d);
  g_assert_no_error (d.error);
  {
    g_autofree char *undone = tree_id (f, d.commit_id);
    g_assert_cmpstr (undone, ==, head_tree);
  }

  /* Restoring what the branch has already commits nothing. */
  g_clear_pointer (&d.commit_id, g_free);
  blocking (restore_thread, &d);
  g_assert_no_error (d.error);
  g_assert_true (d.ok);
  g_assert_null (d.commit_id);
}

typedef struct
{
  VitrineClient       *client;
  VitrineRestorePlan  *plan;
  char                *commit_id;
  GError              *error;
} CommitData;

static gpointer
plan_thread (gpointer user_data)
{
  CommitData *d = user_data;

  return vitrine_client_plan_restore (d->client, VITRINE_REPO_TYPE_MODEL, "alice/hist", "main", "v2", NULL,
                                      &d->error);
}

static gpointer
commit_plan_thread (gpointer user_data)
{
  CommitData *d = user_data;

  return GINT_TO_POINTER (vitrine_client_restore_commit (d->client, d->plan, NULL, NULL, &d->commit_id, NULL,
                                                         &d->error));
}

static void
test_restore_concurrent (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(VitrineRestorePlan) plan = NULL;
  g_autofree char *concurrent = NULL;
  g_autofree char *v2_tree = tree_id (f, f->v2);
  CommitData c = { f->client, NULL, NULL, NULL };

  /* A plan shown to someone, then a publish, then the restore: refused,
   * and the publish is still the head. */
  plan = blocking (plan_thread, &c);
  g_assert_no_error (c.error);
  g_assert_cmpstr (vitrine_restore_plan_get_head_id (plan), ==, f->head);
  g_assert_cmpstr (vitrine_restore_plan_get_target_id (plan), ==, f->v2);
  g_assert_false (vitrine_restore_plan_is_empty (plan));
  concurrent = commit_small (f, "main", "late.txt", "published meanwhile\n");
  c.plan = plan;
  g_assert_false (GPOINTER_TO_INT (blocking (commit_plan_thread, &c)));
  g_assert_error (c.error, VITRINE_ERROR, VITRINE_ERROR_PRECONDITION_FAILED);
  g_assert_null (c.commit_id);
  {
    g_autofree char *head = hub_head (&f->hub, "alice/hist");
    g_assert_cmpstr (head, ==, concurrent);
  }
  g_clear_error (&c.error);

  /* A restore whose commit is held while someone publishes: the hub
   * refuses it (412), the client plans again on the new head and
   * commits; both commits are in the history. */
  {
    g_autofree char *racing = NULL;
    g_autofree char *parent = NULL;
    g_autofree char *restored_tree = NULL;
    RestoreData d = { NULL, "v2", NULL, NULL, FALSE };
    Blocking b;
    GThread *thread;

    restart_hub (f, "hold:/commit/main:1");
    d.client = f->client;
    thread = start_blocking (&b, restore_thread, &d);
    while (fault_fired (f, f->hub.url, 0) == 0)
      g_main_context_iteration (NULL, TRUE);
    racing = commit_small (f, "main", "race.txt", "published during the restore\n");
    finish_blocking (&b, thread);

    g_assert_no_error (d.error);
    g_assert_true (d.ok);
    parent = first_parent (f, d.commit_id);
    g_assert_cmpstr (parent, ==, racing);
    restored_tree = tree_id (f, d.commit_id);
    g_assert_cmpstr (restored_tree, ==, v2_tree);
    g_free (d.commit_id);
  }
}

/* ---- Downloading an old version --------------------------------------- */

static void
test_download_version (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *to = g_build_filename (f->hub.tmp, "v1-copy", NULL);
  g_autofree char *cache = g_build_filename (f->hub.tmp, "hf-cache", NULL);
  g_autofree char *folder = NULL;
  g_autofree char *snapshot = NULL;
  GHashTableIter iter;
  gpointer path, bytes;

  /* Into a folder: v1's files, and only those. */
  vitrine_client_download_snapshot_async (f->client, VITRINE_REPO_TYPE_MODEL, "alice/hist", "v1", to, NULL,
                                          NULL, NULL, NULL, test_keep_result_cb, &result);
  folder = vitrine_client_download_snapshot_finish (f->client, wait_result (&result), &error);
  g_assert_no_error (error);
  g_hash_table_iter_init (&iter, f->v1_files);
  while (g_hash_table_iter_next (&iter, &path, &bytes))
    {
      g_autofree char *file = g_build_filename (folder, path, NULL);
      g_autofree char *content = NULL;
      gsize len;

      g_assert_true (g_file_get_contents (file, &content, &len, NULL));
      g_assert_cmpmem (content, len, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
    }
  {
    g_autofree char *extra = g_build_filename (folder, "weights", "extra.bin", NULL);
    g_assert_false (g_file_test (extra, G_FILE_TEST_EXISTS));
  }

  /* Into the Hub cache: snapshots/COMMIT, for other tools. */
  g_clear_object (&result);
  vitrine_client_download_snapshot_async (f->client, VITRINE_REPO_TYPE_MODEL, "alice/hist", f->v2, NULL, cache,
                                          NULL, NULL, NULL, test_keep_result_cb, &result);
  snapshot = vitrine_client_download_snapshot_finish (f->client, wait_result (&result), &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_suffix (snapshot, f->v2));
  g_assert_nonnull (strstr (snapshot, "models--alice--hist"));
  g_hash_table_iter_init (&iter, f->v2_files);
  while (g_hash_table_iter_next (&iter, &path, &bytes))
    {
      g_autofree char *file = g_build_filename (snapshot, path, NULL);
      g_autofree char *content = NULL;
      gsize len;

      g_assert_true (g_file_get_contents (file, &content, &len, NULL));
      g_assert_cmpmem (content, len, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  git_libgit2_init ();

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/client/history/commit-list", test_commit_list);
  ADD ("/client/history/commit-list-reads-in-signal", test_commit_list_reads_in_signal);
  ADD ("/client/history/revision-diff", test_revision_diff);
  ADD ("/client/history/compare-endpoint-and-fallback", test_compare_endpoint_and_fallback);
  ADD ("/client/history/compare-other-shape", test_compare_other_shape);
  ADD ("/client/history/restore", test_restore);
  ADD ("/client/history/restore-concurrent", test_restore_concurrent);
  ADD ("/client/history/download-version", test_download_version);
#undef ADD

  return g_test_run ();
}
