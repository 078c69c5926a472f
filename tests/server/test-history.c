/* test-history.c — the local hub's history: the compare endpoint in the
 * Hub's raw format, and a commits listing whose pages cost what they show
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <git2.h>

#include "hub-fixture.h"
#include "vitrine-lfs-pointer.h"
#include "vitrine-repo-walk.h"

#define EMPTY_TREE "4b825dc642cb6eb9a060e54bf8d69288fbee4904"
#define ZEROS "0000000000000000000000000000000000000000"
#define LFS_SIZE 100000

static char *
text (Reply *reply)
{
  gsize len;
  const char *data = g_bytes_get_data (reply->body, &len);

  return g_strndup (data, len);
}

static char *
commit_ok (Hub        *hub,
           const char *repo,
           const char *branch,
           const char *summary,
           const char *ops)
{
  g_autofree char *payload = ndjson_commit (summary, NULL, ops);
  g_autofree char *path = g_strdup_printf ("/api/models/%s/commit/%s", repo, branch);
  g_autoptr(Reply) reply = hub_call (hub, "POST", path, hub->alice, "application/x-ndjson", payload, -1);

  g_assert_cmpuint (reply->status, ==, 200);
  return g_strdup (reply_string (reply, "commitOid"));
}

static char *
delete_op (const char *path)
{
  return g_strdup_printf ("{\"key\":\"deletedFile\",\"value\":{\"path\":\"%s\"}}\n", path);
}

/* Uploads @content as a large file through the batch API, as a client
 * does, and returns the NDJSON line that commits it at @path. */
static char *
lfs_op (Hub          *hub,
        const char   *repo,
        const char   *path,
        const guint8 *content,
        gsize         len)
{
  g_autofree char *oid = vitrine_sha256_hex (content, len);
  g_autofree char *body = g_strdup_printf ("{\"operation\":\"upload\",\"transfers\":[\"basic\"],"
                                           "\"objects\":[{\"oid\":\"%s\",\"size\":%" G_GSIZE_FORMAT "}]}",
                                           oid, len);
  g_autofree char *batch_path = g_strdup_printf ("/%s.git/info/lfs/objects/batch", repo);
  g_autoptr(Reply) batch = hub_call (hub, "POST", batch_path, hub->alice, "application/vnd.git-lfs+json", body, -1);
  JsonObject *object;

  g_assert_cmpuint (batch->status, ==, 200);
  object = json_array_get_object_element (json_object_get_array_member (json_node_get_object (batch->json),
                                                                        "objects"), 0);
  if (json_object_has_member (object, "actions"))
    {
      const char *href = json_object_get_string_member (json_object_get_object_member (
        json_object_get_object_member (object, "actions"), "upload"), "href");
      g_autoptr(Reply) put = hub_call (hub, "PUT", href, NULL, "application/octet-stream", content, len);

      g_assert_cmpuint (put->status, ==, 200);
    }
  return g_strdup_printf ("{\"key\":\"lfsFile\",\"value\":{\"path\":\"%s\",\"algo\":\"sha256\",\"oid\":\"%s\","
                          "\"size\":%" G_GSIZE_FORMAT "}}\n", path, oid, len);
}

static Reply *
compare (Hub        *hub,
         const char *token,
         const char *repo,
         const char *range,
         gboolean    raw)
{
  g_autofree char *path = g_strdup_printf ("/api/models/%s/compare/%s%s", repo, range, raw ? "?raw=true" : "");

  return hub_call (hub, "GET", path, token, NULL, NULL, 0);
}

static char *
blob_id (const char *content,
         gsize       len)
{
  return vitrine_git_blob_sha1 (content, len);
}

/* Two commits that add, change and delete small, binary and large
 * files; a tag and a branch on the first. */
static void
make_history (Hub   *hub,
              char **first,
              char **second,
              char **lfs_oid)
{
  g_autofree guint8 *weights = g_malloc (LFS_SIZE);
  g_autofree char *ops1 = NULL;
  g_autofree char *ops2 = NULL;

  for (guint i = 0; i < LFS_SIZE; i++)
    weights[i] = (guint8) (i * 13 + 5);
  hub_create_repo (hub, hub->alice, "{\"name\":\"hist\"}");
  {
    g_autofree char *a = file_op ("a.txt", "one\n");
    g_autofree char *card = file_op ("README.md", "# v1\n");
    /* A small file that is not text: a NUL in it. */
    g_autofree char *bin = g_strdup_printf ("{\"key\":\"file\",\"value\":{\"path\":\"bin.dat\",\"content\":\"AAECAw==\","
                                            "\"encoding\":\"base64\"}}\n");
    ops1 = g_strconcat (a, card, bin, NULL);
  }
  *first = commit_ok (hub, "alice/hist", "main", "First", ops1);
  {
    g_autofree char *a = file_op ("a.txt", "two\n");
    g_autofree char *del = delete_op ("bin.dat");
    g_autofree char *w = lfs_op (hub, "alice/hist", "w.bin", weights, LFS_SIZE);
    ops2 = g_strconcat (a, del, w, NULL);
  }
  *second = commit_ok (hub, "alice/hist", "main", "Second", ops2);
  *lfs_oid = vitrine_sha256_hex (weights, LFS_SIZE);

  {
    g_autofree char *path = g_strdup_printf ("/api/models/alice/hist/tag/%s", *first);
    g_autoptr(Reply) tag = hub_call (hub, "POST", path, hub->alice, NULL, "{\"tag\":\"v1\"}", -1);
    g_autoptr(Reply) branch = NULL;

    g_assert_cmpuint (tag->status, ==, 200);
    g_free (path);
    path = g_strdup_printf ("{\"startingPoint\":\"%s\"}", *first);
    branch = hub_call (hub, "POST", "/api/models/alice/hist/branch/exp", hub->alice, NULL, path, -1);
    g_assert_cmpuint (branch->status, ==, 200);
  }
}

static void
test_compare_raw (Hub           *hub,
                  gconstpointer  data)
{
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *lfs_oid = NULL;
  g_autofree char *pointer = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *one = blob_id ("one\n", 4);
  g_autofree char *two = blob_id ("two\n", 4);
  g_autofree char *bin = blob_id ("\0\1\2\3", 4);
  g_autofree char *pointer_id = NULL;

  make_history (hub, &first, &second, &lfs_oid);
  pointer = vitrine_lfs_pointer_format (lfs_oid, LFS_SIZE);
  pointer_id = blob_id (pointer, strlen (pointer));

  /* By path: a text file changed, a binary one deleted (its size is the
   * new one: none), a large file added with its content's size. */
  expected = g_strdup_printf ("T 4\t:100644 100644 %s %s M\ta.txt\n"
                              "B 0\t:100644 000000 %s " ZEROS " D\tbin.dat\n"
                              "B %u\t:000000 100644 " ZEROS " %s A\tw.bin\n",
                              one, two, bin, LFS_SIZE, pointer_id);

  /* Every way of naming the two sides gives the same answer. */
  {
    g_autofree char *short_first = g_strndup (first, 7);
    const char *ranges[] = { "v1..main", "exp..main", "refs%2Fheads%2Fexp..refs%2Fheads%2Fmain",
                             "refs/tags/v1..main", NULL, NULL, NULL };
    g_autofree char *by_id = g_strdup_printf ("%s..%s", first, second);
    g_autofree char *by_short = g_strdup_printf ("%s..main", short_first);
    g_autofree char *mixed = g_strdup_printf ("v1..%s", second);

    ranges[4] = by_id;
    ranges[5] = by_short;
    ranges[6] = mixed;
    for (guint i = 0; i < G_N_ELEMENTS (ranges); i++)
      {
        g_autoptr(Reply) reply = compare (hub, hub->alice, "alice/hist", ranges[i], TRUE);
        g_autofree char *body = text (reply);

        g_test_message ("compare %s", ranges[i]);
        g_assert_cmpuint (reply->status, ==, 200);
        g_assert_true (g_str_has_prefix (soup_message_headers_get_content_type (reply->headers, NULL), "text/plain"));
        g_assert_cmpstr (body, ==, expected);
      }
  }

  /* The other way round: what was added is deleted, and back. */
  {
    g_autoptr(Reply) reply = compare (hub, hub->alice, "alice/hist", "main..v1", TRUE);
    g_autofree char *body = text (reply);
    g_autofree char *back = g_strdup_printf ("T 4\t:100644 100644 %s %s M\ta.txt\n"
                                             "B 4\t:000000 100644 " ZEROS " %s A\tbin.dat\n"
                                             "B 0\t:100644 000000 %s " ZEROS " D\tw.bin\n",
                                             two, one, bin, pointer_id);

    g_assert_cmpstr (body, ==, back);
  }

  /* Nothing between a revision and itself. */
  {
    g_autoptr(Reply) reply = compare (hub, hub->alice, "alice/hist", "main..main", TRUE);

    g_assert_cmpuint (reply->status, ==, 200);
    g_assert_cmpuint (g_bytes_get_size (reply->body), ==, 0);
  }

  /* Without raw: a patch, as git diff writes it. */
  {
    g_autoptr(Reply) reply = compare (hub, hub->alice, "alice/hist", "v1..main", FALSE);
    g_autofree char *body = text (reply);

    g_assert_cmpuint (reply->status, ==, 200);
    g_assert_nonnull (strstr (body, "diff --git a/a.txt b/a.txt\n"));
    g_assert_nonnull (strstr (body, "\n-one\n+two\n"));
    g_assert_nonnull (strstr (body, lfs_oid));
  }
}

static void
test_compare_empty_tree (Hub           *hub,
                         gconstpointer  data)
{
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *lfs_oid = NULL;
  g_autoptr(Reply) tree = NULL;
  g_autoptr(Reply) added = NULL;
  g_autoptr(Reply) deleted = NULL;
  g_auto(GStrv) added_lines = NULL;
  g_auto(GStrv) deleted_lines = NULL;
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_free);
  JsonArray *entries;

  make_history (hub, &first, &second, &lfs_oid);
  tree = hub_call (hub, "GET", "/api/models/alice/hist/tree/main?recursive=true", hub->alice, NULL, NULL, 0);
  entries = json_node_get_array (tree->json);
  for (guint i = 0; i < json_array_get_length (entries); i++)
    {
      JsonObject *entry = json_array_get_object_element (entries, i);

      if (g_str_equal (json_object_get_string_member (entry, "type"), "file"))
        g_ptr_array_add (files, g_strdup (json_object_get_string_member (entry, "path")));
    }
  g_assert_cmpuint (files->len, >=, 4);

  /* From nothing, every file is added; to nothing, every file deleted. */
  added = compare (hub, hub->alice, "alice/hist", EMPTY_TREE "..main", TRUE);
  deleted = compare (hub, hub->alice, "alice/hist", "main.." EMPTY_TREE, TRUE);
  g_assert_cmpuint (added->status, ==, 200);
  g_assert_cmpuint (deleted->status, ==, 200);
  {
    g_autofree char *a = text (added);
    g_autofree char *d = text (deleted);

    added_lines = g_strsplit (a, "\n", -1);
    deleted_lines = g_strsplit (d, "\n", -1);
  }
  g_assert_cmpuint (g_strv_length (added_lines), ==, files->len + 1);
  g_assert_cmpuint (g_strv_length (deleted_lines), ==, files->len + 1);
  for (guint i = 0; i < files->len; i++)
    {
      g_autofree char *tail_a = g_strdup_printf (" A\t%s", (char *) g_ptr_array_index (files, i));
      g_autofree char *tail_d = g_strdup_printf (" D\t%s", (char *) g_ptr_array_index (files, i));
      gboolean found_a = FALSE, found_d = FALSE;

      for (guint j = 0; added_lines[j] != NULL; j++)
        found_a |= g_str_has_suffix (added_lines[j], tail_a) && strstr (added_lines[j], ":000000 100644 " ZEROS) != NULL;
      for (guint j = 0; deleted_lines[j] != NULL; j++)
        found_d |= g_str_has_suffix (deleted_lines[j], tail_d) && strstr (deleted_lines[j], " 000000 ") != NULL;
      g_assert_true (found_a);
      g_assert_true (found_d);
    }
  g_assert_cmpstr (added_lines[files->len], ==, "");
}

static void
test_compare_errors (Hub           *hub,
                     gconstpointer  data)
{
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *lfs_oid = NULL;
  static const char * const malformed[] = { "main", "..main", "main..", "" };

  make_history (hub, &first, &second, &lfs_oid);

  for (guint i = 0; i < G_N_ELEMENTS (malformed); i++)
    {
      g_autoptr(Reply) reply = compare (hub, hub->alice, "alice/hist", malformed[i], TRUE);

      g_test_message ("compare “%s”", malformed[i]);
      g_assert_cmpuint (reply->status, ==, 400);
    }

  /* A revision that is not there: the Hub's RevisionNotFound, either side. */
  {
    g_autoptr(Reply) a = compare (hub, hub->alice, "alice/hist", "nope..main", TRUE);
    g_autoptr(Reply) b = compare (hub, hub->alice, "alice/hist", "main..v9", TRUE);

    g_assert_cmpuint (a->status, ==, 404);
    g_assert_cmpstr (soup_message_headers_get_one (a->headers, "X-Error-Code"), ==, "RevisionNotFound");
    g_assert_cmpuint (b->status, ==, 404);
    g_assert_cmpstr (soup_message_headers_get_one (b->headers, "X-Error-Code"), ==, "RevisionNotFound");
  }

  /* A private repository stays invisible. */
  {
    g_autoptr(Reply) settings = hub_call (hub, "PUT", "/api/models/alice/hist/settings", hub->alice, NULL,
                                          "{\"private\":true}", -1);
    g_autoptr(Reply) bob = NULL;
    g_autoptr(Reply) nobody = NULL;
    g_autoptr(Reply) alice = NULL;

    g_assert_cmpuint (settings->status, ==, 200);
    bob = compare (hub, hub->bob, "alice/hist", "v1..main", TRUE);
    nobody = compare (hub, NULL, "alice/hist", "v1..main", TRUE);
    alice = compare (hub, hub->alice, "alice/hist", "v1..main", TRUE);
    g_assert_cmpuint (bob->status, ==, 404);
    g_assert_cmpstr (soup_message_headers_get_one (bob->headers, "X-Error-Code"), ==, "RepoNotFound");
    g_assert_cmpuint (nobody->status, ==, 401);
    g_assert_cmpuint (alice->status, ==, 200);
  }

  /* Only reading. */
  {
    g_autoptr(Reply) reply = hub_call (hub, "POST", "/api/models/alice/hist/compare/v1..main", hub->alice, NULL,
                                       "{}", -1);
    g_assert_cmpuint (reply->status, !=, 200);
  }
}

/* ---- Paging ------------------------------------------------------------ */

static char *
git_dir (Hub        *hub,
         const char *name)
{
  return g_build_filename (hub->data_dir, "repos", "models", "alice", name, NULL);
}

/* What `git log` lists: each commit's id, then its parents' ids. */
static GStrv
git_log (const char *dir)
{
  const char *argv[] = { "git", "--git-dir", dir, "log", "--format=%H %P", "main", NULL };
  g_autofree char *out = NULL;
  int status = 0;
  GStrv lines;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                               NULL, NULL, &out, NULL, &status, NULL));
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  lines = g_strsplit (g_strchomp (out), "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    g_strchomp (lines[i]);
  return lines;
}

/* The pages hold the commits git lists, in git's order, with the same
 * parents: newest first, each after one of its children. */
static void
assert_same_history (GPtrArray *ids,
                     GPtrArray *parents,
                     GStrv      log)
{
  g_autoptr(GHashTable) expected = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  g_assert_cmpuint (ids->len, ==, g_strv_length (log));
  for (guint i = 0; log[i] != NULL; i++)
    {
      char *space = strchr (log[i], ' ');

      if (space != NULL)
        *space = '\0';
      g_hash_table_insert (expected, log[i], space != NULL ? space + 1 : (char *) "");
    }
  /* In git's own order, ties of one second included. */
  for (guint i = 0; i < ids->len; i++)
    g_assert_cmpstr (g_ptr_array_index (ids, i), ==, log[i]);
  for (guint i = 0; i < ids->len; i++)
    {
      const char *id = g_ptr_array_index (ids, i);
      g_autofree char *joined = g_strjoinv (" ", g_ptr_array_index (parents, i));

      g_assert_true (g_hash_table_contains (expected, id));
      g_assert_cmpstr (g_hash_table_lookup (expected, id), ==, joined);
      g_assert_false (g_hash_table_contains (seen, id));
      g_hash_table_add (seen, (gpointer) id);
    }
  /* Each commit after one of its children. */
  {
    g_autoptr(GHashTable) shown = g_hash_table_new (g_str_hash, g_str_equal);
    g_autoptr(GHashTable) reached = g_hash_table_new (g_str_hash, g_str_equal);

    for (guint i = 0; i < ids->len; i++)
      {
        const char *id = g_ptr_array_index (ids, i);
        GStrv ps = g_ptr_array_index (parents, i);

        g_assert_true (i == 0 || g_hash_table_contains (reached, id));
        g_hash_table_add (shown, (gpointer) id);
        for (guint p = 0; ps[p] != NULL; p++)
          {
            g_assert_false (g_hash_table_contains (shown, ps[p]));
            g_hash_table_add (reached, ps[p]);
          }
      }
  }
}

/* Merges the head of @from into main with libgit2, as a push could:
 * the history is no longer a line. */
static void
merge_into_main (const char *dir,
                 const char *from)
{
  git_repository *repo = NULL;
  git_commit *ours = NULL, *theirs = NULL;
  git_tree *tree = NULL;
  git_signature *sig = NULL;
  git_oid id, main_id, from_id;
  g_autofree char *ref = g_strconcat ("refs/heads/", from, NULL);
  const git_commit *parents[2];

  g_assert_cmpint (git_repository_open (&repo, dir), ==, 0);
  g_assert_cmpint (git_reference_name_to_id (&main_id, repo, "refs/heads/main"), ==, 0);
  g_assert_cmpint (git_reference_name_to_id (&from_id, repo, ref), ==, 0);
  g_assert_cmpint (git_commit_lookup (&ours, repo, &main_id), ==, 0);
  g_assert_cmpint (git_commit_lookup (&theirs, repo, &from_id), ==, 0);
  g_assert_cmpint (git_commit_tree (&tree, ours), ==, 0);
  /* A minute after the newest commit, so the order does not hang on a tie. */
  g_assert_cmpint (git_signature_new (&sig, "Merger", "merge@example.com",
                                      MAX (git_commit_time (ours), git_commit_time (theirs)) + 60, 0), ==, 0);
  parents[0] = ours;
  parents[1] = theirs;
  g_assert_cmpint (git_commit_create (&id, repo, "refs/heads/main", sig, sig, NULL, "Merge exp\n", tree, 2,
                                      parents), ==, 0);
  git_signature_free (sig);
  git_tree_free (tree);
  git_commit_free (ours);
  git_commit_free (theirs);
  git_repository_free (repo);
}

/* Walks every page of main's history, as the official clients do: from
 * p=0, following Link until there is none. */
static GPtrArray *
walk_pages (Hub        *hub,
            guint       limit,
            guint      *total,
            GPtrArray **parents)
{
  GPtrArray *ids = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *url = g_strdup_printf ("/api/models/alice/paged/commits/main?limit=%u", limit);
  guint pages = 0;

  *parents = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  while (url != NULL)
    {
      g_autoptr(Reply) reply = hub_call (hub, "GET", url, hub->alice, NULL, NULL, 0);
      JsonArray *page;
      const char *link;

      g_assert_cmpuint (reply->status, ==, 200);
      *total = g_ascii_strtoull (soup_message_headers_get_one (reply->headers, "X-Total-Count"), NULL, 10);
      page = json_node_get_array (reply->json);
      g_assert_cmpuint (json_array_get_length (page), <=, limit);
      for (guint i = 0; i < json_array_get_length (page); i++)
        {
          JsonObject *commit = json_array_get_object_element (page, i);
          JsonArray *ps = json_object_get_array_member (commit, "parents");
          GStrv strv = g_new0 (char *, json_array_get_length (ps) + 1);

          for (guint p = 0; p < json_array_get_length (ps); p++)
            strv[p] = g_strdup (json_array_get_string_element (ps, p));
          g_ptr_array_add (ids, g_strdup (json_object_get_string_member (commit, "id")));
          g_ptr_array_add (*parents, strv);
        }
      link = soup_message_headers_get_one (reply->headers, "Link");
      g_clear_pointer (&url, g_free);
      if (link != NULL)
        {
          const char *end = strstr (link, ">; rel=\"next\"");

          g_assert_true (link[0] == '<' && end != NULL);
          url = g_strndup (link + 1, end - link - 1);
          g_assert_nonnull (strstr (url, "limit="));
          g_assert_nonnull (strstr (url, "p="));
          /* Only a full page has a next one. */
          g_assert_cmpuint (json_array_get_length (page), ==, limit);
        }
      pages++;
      g_assert_cmpuint (pages, <, 1000);
    }
  return ids;
}

static void
test_paging (Hub           *hub,
             gconstpointer  data)
{
  g_autofree char *dir = git_dir (hub, "paged.git");
  g_autoptr(GPtrArray) ids = NULL;
  g_autoptr(GPtrArray) parents = NULL;
  g_auto(GStrv) log = NULL;
  guint full_before, full_after, extended_before, extended_after, total = 0;

  hub_create_repo (hub, hub->alice, "{\"name\":\"paged\"}");
  for (guint i = 0; i < 40; i++)
    {
      g_autofree char *content = g_strdup_printf ("version %u\n", i);
      g_autofree char *op = file_op ("v.txt", content);
      g_autofree char *id = commit_ok (hub, "alice/paged", "main", content, op);
    }
  {
    g_autoptr(Reply) branch = hub_call (hub, "POST", "/api/models/alice/paged/branch/exp", hub->alice, NULL,
                                        "{\"startingPoint\":\"main\"}", -1);
    g_assert_cmpuint (branch->status, ==, 200);
  }
  for (guint i = 0; i < 5; i++)
    {
      g_autofree char *content = g_strdup_printf ("side %u\n", i);
      g_autofree char *op = file_op ("side.txt", content);
      g_autofree char *id = commit_ok (hub, "alice/paged", "exp", content, op);
      g_autofree char *op2 = file_op ("main.txt", content);
      g_autofree char *id2 = commit_ok (hub, "alice/paged", "main", content, op2);
    }
  merge_into_main (dir, "exp");

  /* Every page, in git's own order, with each commit's parents. */
  full_before = vitrine_store_walks_stats (&extended_before);
  ids = walk_pages (hub, 7, &total, &parents);
  full_after = vitrine_store_walks_stats (&extended_after);
  log = git_log (dir);
  g_assert_cmpuint (total, ==, g_strv_length (log));
  assert_same_history (ids, parents, log);
  g_assert_cmpuint (g_strv_length (g_ptr_array_index (parents, 0)), ==, 2);
  g_assert_cmpuint (g_strv_length (g_ptr_array_index (parents, ids->len - 1)), ==, 0);

  /* The history was walked once for all its pages. */
  g_assert_cmpuint (full_after - full_before, ==, 1);
  g_assert_cmpuint (extended_after, ==, extended_before);

  /* A page past the end is empty, with the total and no next page. */
  {
    g_autoptr(Reply) reply = hub_call (hub, "GET", "/api/models/alice/paged/commits/main?p=50&limit=7", hub->alice,
                                       NULL, NULL, 0);
    g_autofree char *count = g_strdup_printf ("%u", total);

    g_assert_cmpuint (reply->status, ==, 200);
    g_assert_cmpuint (json_array_get_length (json_node_get_array (reply->json)), ==, 0);
    g_assert_cmpstr (soup_message_headers_get_one (reply->headers, "X-Total-Count"), ==, count);
    g_assert_null (soup_message_headers_get_one (reply->headers, "Link"));
  }

  /* A publish on top extends the kept walk instead of walking again. */
  {
    g_autofree char *op = file_op ("v.txt", "newest\n");
    g_autofree char *id = commit_ok (hub, "alice/paged", "main", "Newest", op);
    g_autoptr(GPtrArray) again = NULL;
    g_autoptr(GPtrArray) again_parents = NULL;
    g_auto(GStrv) log2 = git_log (dir);
    guint total2 = 0;

    full_before = vitrine_store_walks_stats (&extended_before);
    again = walk_pages (hub, 10, &total2, &again_parents);
    full_after = vitrine_store_walks_stats (&extended_after);
    g_assert_cmpuint (full_after, ==, full_before);
    g_assert_cmpuint (extended_after - extended_before, ==, 1);
    g_assert_cmpuint (total2, ==, total + 1);
    g_assert_cmpstr (g_ptr_array_index (again, 0), ==, id);
    assert_same_history (again, again_parents, log2);
    /* Under the new commit, the same order as before. */
    for (guint i = 0; i < ids->len; i++)
      g_assert_cmpstr (g_ptr_array_index (again, i + 1), ==, g_ptr_array_index (ids, i));
  }

  /* The default page is 50, and the Link names the limit. */
  {
    g_autoptr(Reply) reply = hub_call (hub, "GET", "/api/models/alice/paged/commits/main", hub->alice,
                                       NULL, NULL, 0);

    g_assert_cmpuint (json_array_get_length (json_node_get_array (reply->json)), ==, 50);
    g_assert_nonnull (strstr (soup_message_headers_get_one (reply->headers, "Link"), "limit=50"));
    g_assert_nonnull (strstr (soup_message_headers_get_one (reply->headers, "Link"), "p=1"));
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  git_libgit2_init ();

#define ADD(path, func) g_test_add (path, Hub, NULL, hub_setup, func, hub_teardown)
  ADD ("/server/history/compare-raw", test_compare_raw);
  ADD ("/server/history/compare-empty-tree", test_compare_empty_tree);
  ADD ("/server/history/compare-errors", test_compare_errors);
  ADD ("/server/history/paging", test_paging);
#undef ADD

  return g_test_run ();
}
