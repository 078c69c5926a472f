/* test-git.c — the local hub as a git remote, driven by real git and
 * git-lfs: clones of private and public repositories, pushes checked as
 * the Hub checks them, pushes racing API commits, branches and tags, the
 * seed's workflow end to end, and a hub killed in the middle of a push
 *
 * Each test runs `vitrine-hub serve` as a process and git as git is run
 * by people: the token as the password in the remote's URL, git-lfs
 * installed in the test's own home.
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <signal.h>
#include <sys/prctl.h>

#include "../server/hub-fixture.h"
#include "vitrine-lfs-pointer.h"

typedef struct
{
  Hub          hub;
  GSubprocess *proc;
  char        *host;     /* 127.0.0.1:PORT */
  char        *work;     /* where clones go */
} Git;

static void
die_with_test (gpointer data)
{
  prctl (PR_SET_PDEATHSIG, SIGKILL);
}

static void
hub_start_proc (Git        *g,
                const char *faults)
{
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE);
  g_autoptr(GDataInputStream) out = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *line = NULL;

  if (g->proc != NULL)
    {
      g_subprocess_send_signal (g->proc, SIGTERM);
      g_subprocess_wait (g->proc, NULL, NULL);
      g_clear_object (&g->proc);
    }
  if (faults != NULL)
    g_subprocess_launcher_setenv (launcher, "VITRINE_HUB_FAULTS", faults, TRUE);
  g_subprocess_launcher_set_child_setup (launcher, die_with_test, NULL, NULL);
  g->proc = g_subprocess_launcher_spawn (launcher, &error, g_getenv ("VITRINE_HUB_EXE"), "serve",
                                         "--data-dir", g->hub.data_dir, "--port", "0", NULL);
  g_assert_no_error (error);
  out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (g->proc));
  line = g_data_input_stream_read_line_utf8 (out, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (line);
  g_free (g->hub.url);
  g->hub.url = g_steal_pointer (&line);
  g_free (g->host);
  g->host = g_strdup (g->hub.url + strlen ("http://"));
  g_clear_object (&g->hub.session);
  g->hub.session = soup_session_new_with_options ("timeout", 120, NULL);
}

/* Runs a program in @cwd; its exit status, with its output in @out and
 * @err when asked. */
static int
run (const char  *cwd,
     char       **out,
     char       **err,
     const char  *first,
     ...)
{
  g_autoptr(GSubprocessLauncher) launcher =
    g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocess) proc = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *o = NULL;
  g_autofree char *e = NULL;
  va_list args;

  va_start (args, first);
  for (const char *a = first; a != NULL; a = va_arg (args, const char *))
    g_ptr_array_add (argv, (char *) a);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  g_subprocess_launcher_set_cwd (launcher, cwd);
  g_subprocess_launcher_setenv (launcher, "GIT_TERMINAL_PROMPT", "0", TRUE);
  g_subprocess_launcher_setenv (launcher, "GIT_AUTHOR_NAME", "Alice", TRUE);
  g_subprocess_launcher_setenv (launcher, "GIT_AUTHOR_EMAIL", "alice@example.org", TRUE);
  g_subprocess_launcher_setenv (launcher, "GIT_COMMITTER_NAME", "Alice", TRUE);
  g_subprocess_launcher_setenv (launcher, "GIT_COMMITTER_EMAIL", "alice@example.org", TRUE);
  g_subprocess_launcher_unsetenv (launcher, "HF_TOKEN");
  g_subprocess_launcher_unsetenv (launcher, "HF_ENDPOINT");
  proc = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_communicate_utf8 (proc, NULL, NULL, &o, &e, &error));
  g_assert_no_error (error);
  if (g_subprocess_get_exit_status (proc) != 0)
    g_test_message ("%s: %s", first, e);
  if (out != NULL)
    *out = g_steal_pointer (&o);
  if (err != NULL)
    *err = g_steal_pointer (&e);
  return g_subprocess_get_exit_status (proc);
}

/* A remote's URL, with a token as the password (or none). */
static char *
remote (Git        *g,
        const char *repo,
        const char *token)
{
  if (token == NULL)
    return g_strdup_printf ("http://%s/%s", g->host, repo);
  return g_strdup_printf ("http://user:%s@%s/%s", token, g->host, repo);
}

static void
git_setup (Git           *g,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  const char *members[] = { "alice:write", NULL };

  g->hub.tmp = g_dir_make_tmp ("vitrine-git-XXXXXX", &error);
  g_assert_no_error (error);
  g->hub.data_dir = g_build_filename (g->hub.tmp, "data", NULL);
  g->work = g_build_filename (g->hub.tmp, "work", NULL);
  g_mkdir_with_parents (g->work, 0700);
  g_assert_true (vitrine_accounts_add_user (g->hub.data_dir, "alice", &g->hub.alice, &error));
  g_assert_true (vitrine_accounts_add_token (g->hub.data_dir, "alice", VITRINE_ROLE_READ, NULL,
                                             &g->hub.alice_ro, &error));
  g_assert_true (vitrine_accounts_add_user (g->hub.data_dir, "bob", &g->hub.bob, &error));
  g_assert_true (vitrine_accounts_add_org (g->hub.data_dir, "team", members, &error));
  /* git-lfs, in this test's own home. */
  g_assert_cmpint (run (g->work, NULL, NULL, "git", "lfs", "install", "--skip-repo", NULL), ==, 0);
  hub_start_proc (g, NULL);
}

static void
git_teardown (Git           *g,
              gconstpointer  data)
{
  if (g->proc != NULL)
    {
      g_subprocess_send_signal (g->proc, SIGTERM);
      g_subprocess_wait (g->proc, NULL, NULL);
      g_clear_object (&g->proc);
    }
  g_clear_object (&g->hub.session);
  fixture_rm_rf (g->hub.tmp);
  g_free (g->hub.tmp);
  g_free (g->hub.data_dir);
  g_free (g->hub.url);
  g_free (g->hub.alice);
  g_free (g->hub.alice_ro);
  g_free (g->hub.bob);
  g_free (g->host);
  g_free (g->work);
}

/* ---- Through the API ---------------------------------------------------- */

static char *
api_lfs_upload (Git          *g,
                const char   *repo,
                const guint8 *bytes,
                gsize         size)
{
  char *oid = vitrine_sha256_hex (bytes, size);
  g_autofree char *path = g_strdup_printf ("/%s.git/info/lfs/objects/batch", repo);
  g_autofree char *body = g_strdup_printf ("{\"operation\":\"upload\",\"objects\":[{\"oid\":\"%s\",\"size\":%"
                                           G_GSIZE_FORMAT "}]}", oid, size);
  g_autoptr(Reply) reply = hub_call (&g->hub, "POST", path, g->hub.alice, "application/vnd.git-lfs+json", body, -1);
  JsonObject *object = json_array_get_object_element (
    json_object_get_array_member (json_node_get_object (reply->json), "objects"), 0);

  if (json_object_has_member (object, "actions"))
    {
      const char *href = json_object_get_string_member (
        json_object_get_object_member (json_object_get_object_member (object, "actions"), "upload"), "href");
      g_autoptr(Reply) put = hub_call (&g->hub, "PUT", href, NULL, "application/octet-stream", bytes, size);

      g_assert_cmpuint (put->status, ==, 200);
    }
  return oid;
}

static char *
api_commit (Git        *g,
            const char *repo,
            const char *summary,
            const char *ops)
{
  g_autofree char *payload = ndjson_commit (summary, NULL, ops);
  g_autofree char *path = g_strdup_printf ("/api/models/%s/commit/main", repo);
  g_autoptr(Reply) reply = hub_call (&g->hub, "POST", path, g->hub.alice, "application/x-ndjson", payload, -1);

  g_assert_cmpuint (reply->status, ==, 200);
  return g_strdup (reply_string (reply, "commitOid"));
}

static char *
lfs_op (const char *path,
        const char *oid,
        gsize       size)
{
  return g_strdup_printf ("{\"key\":\"lfsFile\",\"value\":{\"path\":\"%s\",\"algo\":\"sha256\",\"oid\":\"%s\",\"size\":%"
                          G_GSIZE_FORMAT "}}\n", path, oid, size);
}

static guint8 *
seeded (gsize size,
        guint seed)
{
  guint8 *bytes = g_malloc (size);
  GRand *rand = g_rand_new_with_seed (seed);

  for (gsize i = 0; i < size; i++)
    bytes[i] = (guint8) g_rand_int (rand);
  g_rand_free (rand);
  return bytes;
}

static char *
api_head (Git        *g,
          const char *repo)
{
  g_autofree char *path = g_strdup_printf ("/api/models/%s", repo);
  g_autoptr(Reply) reply = hub_call (&g->hub, "GET", path, g->hub.alice, NULL, NULL, 0);

  g_assert_cmpuint (reply->status, ==, 200);
  return g_strdup (reply_string (reply, "sha"));
}

static char *
git_head (const char *dir,
          const char *rev)
{
  g_autofree char *out = NULL;

  g_assert_cmpint (run (dir, &out, NULL, "git", "rev-parse", rev, NULL), ==, 0);
  return g_strdup (g_strstrip (out));
}

static void
assert_file (const char   *dir,
             const char   *name,
             const guint8 *bytes,
             gsize         size)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autofree char *contents = NULL;
  gsize len;

  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  g_assert_cmpuint (len, ==, size);
  g_assert_true (memcmp (contents, bytes, size) == 0);
}

static void
write_file (const char *dir,
            const char *name,
            const void *bytes,
            gssize      size)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autofree char *parent = g_path_get_dirname (path);
  g_autoptr(GError) error = NULL;

  g_mkdir_with_parents (parent, 0700);
  g_file_set_contents (path, bytes, size, &error);
  g_assert_no_error (error);
}

/* ---- Tests ----------------------------------------------------------------- */

/* A private model with a large file: its owner clones it byte for byte
 * (git-lfs fetching the large file from the same store); anonymous git
 * is asked for credentials (and has none), a token that may not see it
 * is told it does not exist. */
static void
test_clone_private (Git           *g,
                    gconstpointer  data)
{
  gsize size = 3 * 1024 * 1024 + 17;
  g_autofree guint8 *weights = seeded (size, 1);
  g_autofree char *oid = NULL;
  g_autofree char *ops = NULL;
  g_autofree char *text = NULL;
  g_autofree char *lfs = NULL;
  g_autofree char *commit = NULL;
  g_autofree char *url = NULL;
  g_autofree char *dir = g_build_filename (g->work, "clone", NULL);
  g_autofree char *err = NULL;

  hub_create_repo (&g->hub, g->hub.alice, "{\"name\":\"private\",\"private\":true}");
  oid = api_lfs_upload (g, "alice/private", weights, size);
  text = file_op ("config.json", "{\"hidden_size\": 8}\n");
  lfs = lfs_op ("model.safetensors", oid, size);
  ops = g_strconcat (text, lfs, NULL);
  commit = api_commit (g, "alice/private", "Add the model", ops);

  url = remote (g, "alice/private", g->hub.alice);
  g_assert_cmpint (run (g->work, NULL, NULL, "git", "clone", url, dir, NULL), ==, 0);
  assert_file (dir, "model.safetensors", weights, size);
  assert_file (dir, "config.json", (const guint8 *) "{\"hidden_size\": 8}\n", 19);
  {
    g_autofree char *head = git_head (dir, "HEAD");
    g_assert_cmpstr (head, ==, commit);
  }

  /* A fetch with many commits of its own to tell about (git gzips such
   * requests) gets what the API added since. */
  for (guint i = 0; i < 60; i++)
    g_assert_cmpint (run (dir, NULL, NULL, "git", "commit", "-q", "--allow-empty", "-m", "Local", NULL), ==, 0);
  {
    g_autofree char *op = file_op ("later.txt", "later");
    g_autofree char *later = api_commit (g, "alice/private", "Later", op);
    g_autofree char *fetched = NULL;

    g_assert_cmpint (run (dir, NULL, NULL, "git", "fetch", "-q", "origin", NULL), ==, 0);
    fetched = git_head (dir, "origin/main");
    g_assert_cmpstr (fetched, ==, later);
  }

  /* Anonymous: 401 with a Basic challenge, so git asks for a password. */
  g_free (url);
  url = remote (g, "alice/private", NULL);
  g_assert_cmpint (run (g->work, NULL, &err, "git", "clone", url, "anonymous", NULL), !=, 0);
  g_assert_nonnull (strstr (err, "could not read Username"));
  {
    g_autofree char *head = g_build_filename (g->work, "anonymous", ".git", "HEAD", NULL);
    g_assert_false (g_file_test (head, G_FILE_TEST_EXISTS));
  }
  /* Someone else: not found. */
  g_free (url);
  g_free (err);
  url = remote (g, "alice/private", g->hub.bob);
  g_assert_cmpint (run (g->work, NULL, &err, "git", "clone", url, "foreign", NULL), !=, 0);
  g_assert_nonnull (strstr (err, "not found"));
}

/* Public datasets and Spaces clone without a token; .git in the URL or
 * not. */
static void
test_clone_public (Git           *g,
                   gconstpointer  data)
{
  g_autofree char *dataset = g_strdup_printf ("http://%s/datasets/alice/corpus", g->host);
  g_autofree char *space = g_strdup_printf ("http://%s/spaces/alice/demo.git", g->host);
  g_autofree char *d1 = g_build_filename (g->work, "corpus", NULL);
  g_autofree char *d2 = g_build_filename (g->work, "demo", NULL);
  g_autofree char *readme = g_build_filename (d2, "README.md", NULL);
  g_autofree char *text = NULL;

  hub_create_repo (&g->hub, g->hub.alice, "{\"name\":\"corpus\",\"type\":\"dataset\"}");
  hub_create_repo (&g->hub, g->hub.alice, "{\"name\":\"demo\",\"type\":\"space\",\"sdk\":\"static\"}");
  g_assert_cmpint (run (g->work, NULL, NULL, "git", "clone", dataset, d1, NULL), ==, 0);
  {
    g_autofree char *attributes = g_build_filename (d1, ".gitattributes", NULL);
    g_assert_true (g_file_test (attributes, G_FILE_TEST_EXISTS));
  }
  g_assert_cmpint (run (g->work, NULL, NULL, "git", "clone", space, d2, NULL), ==, 0);
  g_assert_true (g_file_get_contents (readme, &text, NULL, NULL));
  g_assert_nonnull (strstr (text, "sdk: static"));
}

/* The seed's flow end to end: clone, git lfs track, add, commit, push;
 * then the API, vitrine-cli download (into the Hub's cache layout) and a
 * fresh clone all see what was pushed, at once. */
static void
test_seed_flow (Git           *g,
                gconstpointer  data)
{
  gsize size = 12 * 1000 * 1000;
  g_autofree guint8 *weights = seeded (size, 2);
  g_autofree char *oid = vitrine_sha256_hex (weights, size);
  g_autofree char *url = NULL;
  g_autofree char *dir = g_build_filename (g->work, "seed", NULL);
  g_autofree char *hf_home = g_build_filename (g->work, "hf-home", NULL);
  g_autofree char *pushed = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *snapshot = NULL;

  hub_create_repo (&g->hub, g->hub.alice, "{\"name\":\"seed\"}");
  url = remote (g, "alice/seed", g->hub.alice);
  g_assert_cmpint (run (g->work, NULL, NULL, "git", "clone", url, dir, NULL), ==, 0);
  g_assert_cmpint (run (dir, NULL, NULL, "git", "lfs", "install", NULL), ==, 0);
  g_assert_cmpint (run (dir, NULL, NULL, "git", "lfs", "track", "*.bin", NULL), ==, 0);
  write_file (dir, "pytorch_model.bin", weights, size);
  write_file (dir, "config.json", "{\"model_type\": \"seed\"}\n", -1);
  g_assert_cmpint (run (dir, NULL, NULL, "git", "add", ".gitattributes", "pytorch_model.bin", "config.json", NULL), ==, 0);
  g_assert_cmpint (run (dir, NULL, NULL, "git", "commit", "-q", "-m", "Add the model", NULL), ==, 0);
  g_assert_cmpint (run (dir, NULL, &err, "git", "push", "origin", "main", NULL), ==, 0);
  pushed = git_head (dir, "HEAD");

  /* The API says so at once. */
  {
    g_autofree char *head = api_head (g, "alice/seed");
    g_autoptr(Reply) tree = hub_call (&g->hub, "GET", "/api/models/alice/seed/tree/main", g->hub.alice,
                                      NULL, NULL, 0);
    g_autofree char *text = g_strndup (g_bytes_get_data (tree->body, NULL), g_bytes_get_size (tree->body));

    g_assert_cmpstr (head, ==, pushed);
    g_assert_nonnull (strstr (text, oid));
  }
  /* vitrine-cli downloads it into the Hub's cache layout. */
  {
    g_autoptr(GSubprocessLauncher) launcher =
      g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE);
    g_autoptr(GSubprocess) cli = NULL;
    g_autoptr(GError) error = NULL;
    g_autofree char *blob = NULL;
    g_autofree char *ref = NULL;
    g_autofree char *ref_path = g_build_filename (hf_home, "hub", "models--alice--seed", "refs", "main", NULL);

    g_subprocess_launcher_setenv (launcher, "HF_HOME", hf_home, TRUE);
    g_subprocess_launcher_unsetenv (launcher, "HF_HUB_CACHE");
    cli = g_subprocess_launcher_spawn (launcher, &error, g_getenv ("VITRINE_CLI_EXE"), "--endpoint", g->hub.url,
                                       "--token", g->hub.alice, "download", "alice/seed", NULL);
    g_assert_no_error (error);
    g_clear_pointer (&err, g_free);
    g_assert_true (g_subprocess_communicate_utf8 (cli, NULL, NULL, &out, &err, &error));
    g_assert_cmpint (g_subprocess_get_exit_status (cli), ==, 0);
    snapshot = g_build_filename (hf_home, "hub", "models--alice--seed", "snapshots", pushed, NULL);
    assert_file (snapshot, "pytorch_model.bin", weights, size);
    g_assert_true (g_file_get_contents (ref_path, &ref, NULL, NULL));
    g_assert_cmpstr (g_strstrip (ref), ==, pushed);
    blob = g_build_filename (hf_home, "hub", "models--alice--seed", "blobs", oid, NULL);
    g_assert_true (g_file_test (blob, G_FILE_TEST_EXISTS));
  }
  /* A fresh clone has the large file itself, not its pointer. */
  {
    g_autofree char *again = g_build_filename (g->work, "seed-again", NULL);

    g_assert_cmpint (run (g->work, NULL, NULL, "git", "clone", url, again, NULL), ==, 0);
    assert_file (again, "pytorch_model.bin", weights, size);
  }
}

/* A push with a file over 10 MB that is not an LFS pointer is refused with
 * the Hub's message, naming the file, even when a later commit of the
 * same push removes it; the branch stays where it was.  So is a pointer
 * to a large file the hub does not have. */
static void
test_push_refused (Git           *g,
                   gconstpointer  data)
{
  gsize size = 11 * 1000 * 1000;
  g_autofree guint8 *big = seeded (size, 3);
  g_autofree char *url = NULL;
  g_autofree char *dir = g_build_filename (g->work, "refused", NULL);
  g_autofree char *before = NULL;
  g_autofree char *err = NULL;
  g_autofree char *after = NULL;

  hub_create_repo (&g->hub, g->hub.alice, "{\"name\":\"refused\"}");
  before = api_head (g, "alice/refused");
  url = remote (g, "alice/refused", g->hub.alice);
  g_assert_cmpint (run (g->work, NULL, NULL, "git", "clone", url, dir, NULL), ==, 0);
  write_file (dir, "data/big.dat", big, size);
  g_assert_cmpint (run (dir, NULL, NULL, "git", "add", "data/big.dat", NULL), ==, 0);
  g_assert_cmpint (run (dir, NULL, NULL, "git", "commit", "-q", "-m", "Big", NULL), ==, 0);
  g_assert_cmpint (run (dir, NULL, NULL, "git", "rm", "-q", "data/big.dat", NULL), ==, 0);
  g_assert_cmpint (run (dir, NULL, NULL, "git", "commit", "-q", "-m", "Gone again", NULL), ==, 0);
  g_assert_cmpint (run (dir, NULL, &err, "git", "push", "origin", "main", NULL), !=, 0);
  g_assert_nonnull (strstr (err, "Your push was rejected because it contains files larger than 10M."));
  g_assert_nonnull (strstr (err, "Offending files:"));
  g_assert_nonnull (strstr (err, "- data/big.dat (ref: refs/heads/main)"));
  g_assert_nonnull (strstr (err, "pre-receive hook declined"));
  after = api_head (g, "alice/refused");
  g_assert_cmpstr (before, ==, after);

  /* A pointer to an object the store lacks (pushed without git-lfs). */
  {
    g_autofree char *pointer = vitrine_lfs_pointer_format (
      "9f2c8a1b0d3e4f5a6b7c8d9e0f1a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c", 1234);
    g_autofree char *err2 = NULL;

    g_assert_cmpint (run (dir, NULL, NULL, "git", "reset", "-q", "--hard", "origin/main", NULL), ==, 0);
    /* Not a name .gitattributes sends to git-lfs: committed as it is. */
    write_file (dir, "ghost.pointer", pointer, -1);
    g_assert_cmpint (run (dir, NULL, NULL, "git", "add", "ghost.pointer", NULL), ==, 0);
    g_assert_cmpint (run (dir, NULL, NULL, "git", "commit", "-q", "-m", "Ghost", NULL), ==, 0);
    g_assert_cmpint (run (dir, NULL, &err2, "git", "push", "--no-verify", "origin", "main", NULL), !=, 0);
    g_assert_nonnull (strstr (err2, "- ghost.pointer (ref: refs/heads/main)"));
  }
  g_free (after);
  after = api_head (g, "alice/refused");
  g_assert_cmpstr (before, ==, after);
}

/* A read token clones, never pushes. */
static void
test_read_token (Git           *g,
                 gconstpointer  data)
{
  g_autofree char *url = NULL;
  g_autofree char *dir = g_build_filename (g->work, "read", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *err = NULL;

  hub_create_repo (&g->hub, g->hub.alice, "{\"name\":\"read\",\"private\":true}");
  before = api_head (g, "alice/read");
  url = remote (g, "alice/read", g->hub.alice_ro);
  g_assert_cmpint (run (g->work, NULL, NULL, "git", "clone", url, dir, NULL), ==, 0);
  write_file (dir, "note.txt", "read only\n", -1);
  g_assert_cmpint (run (dir, NULL, NULL, "git", "add", "note.txt", NULL), ==, 0);
  g_assert_cmpint (run (dir, NULL, NULL, "git", "commit", "-q", "-m", "Try", NULL), ==, 0);
  g_assert_cmpint (run (dir, NULL, &err, "git", "push", "origin", "main", NULL), !=, 0);
  g_assert_nonnull (strstr (err, "403"));
  after = api_head (g, "alice/read");
  g_assert_cmpstr (before, ==, after);
}

/* Branches and tags pushed appear in the API's refs; a branch deleted by
 * push is gone; the default branch is never deleted. */
static void
test_branches_and_tags (Git           *g,
                        gconstpointer  data)
{
  g_autofree char *url = NULL;
  g_autofree char *dir = g_build_filename (g->work, "refs", NULL);
  g_autofree char *err = NULL;

  hub_create_repo (&g->hub, g->hub.alice, "{\"name\":\"refs\"}");
  url = remote (g, "alice/refs", g->hub.alice);
  g_assert_cmpint (run (g->work, NULL, NULL, "git", "clone", url, dir, NULL), ==, 0);
  g_assert_cmpint (run (dir, NULL, NULL, "git", "checkout", "-q", "-b", "experiment", NULL), ==, 0);
  write_file (dir, "idea.txt", "an idea\n", -1);
  g_assert_cmpint (run (dir, NULL, NULL, "git", "add", "idea.txt", NULL), ==, 0);
  g_assert_cmpint (run (dir, NULL, NULL, "git", "commit", "-q", "-m", "Idea", NULL), ==, 0);
  g_assert_cmpint (run (dir, NULL, NULL, "git", "tag", "-a", "v1", "-m", "First", NULL), ==, 0);
  g_assert_cmpint (run (dir, NULL, NULL, "git", "push", "origin", "experiment", "v1", NULL), ==, 0);
  {
    g_autoptr(Reply) reply = hub_call (&g->hub, "GET", "/api/models/alice/refs/refs", g->hub.alice, NULL, NULL, 0);
    g_autofree char *text = g_strndup (g_bytes_get_data (reply->body, NULL), g_bytes_get_size (reply->body));

    g_assert_nonnull (strstr (text, "\"refs/heads/experiment\""));
    g_assert_nonnull (strstr (text, "\"refs/tags/v1\""));
  }
  g_assert_cmpint (run (dir, NULL, NULL, "git", "push", "origin", "--delete", "experiment", NULL), ==, 0);
  g_assert_cmpint (run (dir, NULL, &err, "git", "push", "origin", "--delete", "main", NULL), !=, 0);
  g_assert_nonnull (strstr (err, "default branch"));
  {
    g_autoptr(Reply) reply = hub_call (&g->hub, "GET", "/api/models/alice/refs/refs", g->hub.alice, NULL, NULL, 0);
    g_autofree char *text = g_strndup (g_bytes_get_data (reply->body, NULL), g_bytes_get_size (reply->body));

    g_assert_null (strstr (text, "\"refs/heads/experiment\""));
    g_assert_nonnull (strstr (text, "\"refs/heads/main\""));
  }
}

/* A push and an API commit on the same branch at the same time: the API
 * commit, held in flight by a fault, lands after the push moved the
 * branch, on top of it; then a push that raced an API commit and lost is
 * refused (non-fast-forward), and goes through once rebased.  Nothing is
 * lost either way. */
static void
test_push_races_api (Git           *g,
                     gconstpointer  data)
{
  g_autofree char *url = NULL;
  g_autofree char *dir = g_build_filename (g->work, "race", NULL);
  g_autofree char *op = file_op ("from-api.txt", "api");
  g_autofree char *payload = ndjson_commit ("From the API", NULL, op);
  g_autofree char *pushed = NULL;
  g_autofree char *log = NULL;
  g_autofree char *err = NULL;
  Pending *commit;

  hub_start_proc (g, "delay:1500:/commit/:1");
  hub_create_repo (&g->hub, g->hub.alice, "{\"name\":\"race\"}");
  url = remote (g, "alice/race", g->hub.alice);
  g_assert_cmpint (run (g->work, NULL, NULL, "git", "clone", url, dir, NULL), ==, 0);
  write_file (dir, "from-git.txt", "git\n", -1);
  g_assert_cmpint (run (dir, NULL, NULL, "git", "add", "from-git.txt", NULL), ==, 0);
  g_assert_cmpint (run (dir, NULL, NULL, "git", "commit", "-q", "-m", "From git", NULL), ==, 0);
  pushed = git_head (dir, "HEAD");

  /* The API commit starts first and is held; the push moves main. */
  commit = hub_start (&g->hub, "POST", "/api/models/alice/race/commit/main", g->hub.alice,
                      "application/x-ndjson", payload, -1);
  /* (On a slow machine the API may win after all: then the push is
   * refused, and goes through rebased.  Either way both stay.) */
  if (run (dir, NULL, NULL, "git", "push", "origin", "main", NULL) != 0)
    {
      g_autoptr(Reply) reply = hub_finish (g_steal_pointer (&commit));

      g_assert_cmpuint (reply->status, ==, 200);
      g_assert_cmpint (run (dir, NULL, NULL, "git", "pull", "-q", "--rebase", "origin", "main", NULL), ==, 0);
      g_assert_cmpint (run (dir, NULL, NULL, "git", "push", "origin", "main", NULL), ==, 0);
      g_free (pushed);
      pushed = git_head (dir, "HEAD");
    }
  if (commit != NULL)
    {
      g_autoptr(Reply) reply = hub_finish (commit);
      g_assert_cmpuint (reply->status, ==, 200);
    }
  g_assert_cmpint (run (dir, NULL, NULL, "git", "fetch", "-q", "origin", NULL), ==, 0);
  g_assert_cmpint (run (dir, &log, NULL, "git", "log", "--format=%H %s", "origin/main", NULL), ==, 0);
  g_assert_nonnull (strstr (log, pushed));
  g_assert_nonnull (strstr (log, "From the API"));

  /* Now the API wins: the push must not overwrite it. */
  g_assert_cmpint (run (dir, NULL, NULL, "git", "reset", "-q", "--hard", "origin/main", NULL), ==, 0);
  write_file (dir, "second.txt", "second\n", -1);
  g_assert_cmpint (run (dir, NULL, NULL, "git", "add", "second.txt", NULL), ==, 0);
  g_assert_cmpint (run (dir, NULL, NULL, "git", "commit", "-q", "-m", "Second from git", NULL), ==, 0);
  g_free (api_commit (g, "alice/race", "Second from the API", op));
  g_assert_cmpint (run (dir, NULL, &err, "git", "push", "origin", "main", NULL), !=, 0);
  g_assert_cmpint (run (dir, NULL, NULL, "git", "pull", "-q", "--rebase", "origin", "main", NULL), ==, 0);
  g_assert_cmpint (run (dir, NULL, NULL, "git", "push", "origin", "main", NULL), ==, 0);
  g_free (log);
  g_assert_cmpint (run (dir, NULL, NULL, "git", "fetch", "-q", "origin", NULL), ==, 0);
  g_assert_cmpint (run (dir, &log, NULL, "git", "log", "--format=%s", "origin/main", NULL), ==, 0);
  g_assert_nonnull (strstr (log, "Second from git"));
  g_assert_nonnull (strstr (log, "Second from the API"));
  g_assert_nonnull (strstr (log, "From the API"));
  g_assert_nonnull (strstr (log, "From git"));
}

static gboolean
has_leftovers (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (g_str_has_prefix (name, "tmp_objdir-") || g_str_has_prefix (name, "tmp_pack_") ||
          g_str_has_prefix (name, "tmp_idx_") || g_str_has_suffix (name, ".lock"))
        return TRUE;
      if (g_file_test (path, G_FILE_TEST_IS_DIR) && has_leftovers (path))
        return TRUE;
    }
  return FALSE;
}

/* kill -9 of the hub while a push is being received: after a restart the
 * repository is whole (git fsck), main is where it was or where the push
 * put it, never on missing objects, and nothing of the push is left. */
static void
test_kill_during_push (Git           *g,
                       gconstpointer  data)
{
  g_autofree char *url = NULL;
  g_autofree char *dir = g_build_filename (g->work, "killed", NULL);
  g_autofree char *git_dir = g_build_filename (g->hub.data_dir, "repos", "models", "alice", "killed.git", NULL);
  g_autofree char *before = NULL;
  g_autofree char *pushed = NULL;
  g_autoptr(GSubprocess) push = NULL;
  g_autoptr(GAsyncResult) pushed_all = NULL;
  g_autoptr(GError) error = NULL;

  hub_create_repo (&g->hub, g->hub.alice, "{\"name\":\"killed\"}");
  before = api_head (g, "alice/killed");
  url = remote (g, "alice/killed", g->hub.alice);
  g_assert_cmpint (run (g->work, NULL, NULL, "git", "clone", url, dir, NULL), ==, 0);
  /* Many incompressible files under 10 MB: a push that takes a while. */
  for (guint i = 0; i < 24; i++)
    {
      g_autofree char *name = g_strdup_printf ("part-%02u.dat", i);
      g_autofree guint8 *bytes = seeded (4 * 1024 * 1024, 100 + i);

      write_file (dir, name, bytes, 4 * 1024 * 1024);
    }
  g_assert_cmpint (run (dir, NULL, NULL, "git", "add", ".", NULL), ==, 0);
  g_assert_cmpint (run (dir, NULL, NULL, "git", "commit", "-q", "-m", "A large push", NULL), ==, 0);
  pushed = git_head (dir, "HEAD");

  {
    g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE |
                                                                         G_SUBPROCESS_FLAGS_STDERR_SILENCE);
    g_subprocess_launcher_set_cwd (launcher, dir);
    g_subprocess_launcher_setenv (launcher, "GIT_TERMINAL_PROMPT", "0", TRUE);
    push = g_subprocess_launcher_spawn (launcher, &error, "git", "push", "origin", "main", NULL);
    g_assert_no_error (error);
  }
  /* Kill the hub once receive-pack has started receiving (or, on a
   * machine fast enough to be done first, after the push). */
  {
    g_autofree char *objects = g_build_filename (git_dir, "objects", NULL);
    gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;
    gboolean receiving = FALSE;

    g_subprocess_wait_async (push, NULL, test_keep_result_cb, &pushed_all);
    while (!receiving && pushed_all == NULL && g_get_monotonic_time () < deadline)
      {
        g_autoptr(GDir) d = g_dir_open (objects, 0, NULL);
        const char *name;

        while (d != NULL && (name = g_dir_read_name (d)) != NULL)
          receiving = receiving || g_str_has_prefix (name, "tmp_objdir-");
        while (g_main_context_iteration (NULL, FALSE))
          ;
        if (!receiving)
          g_usleep (500);
      }
    g_test_message ("receiving when killed: %d", receiving);
  }
  g_subprocess_send_signal (g->proc, SIGKILL);
  g_subprocess_wait (g->proc, NULL, NULL);
  g_clear_object (&g->proc);
  while (pushed_all == NULL)
    g_main_context_iteration (NULL, TRUE);

  hub_start_proc (g, NULL);
  g_assert_false (has_leftovers (git_dir));
  g_assert_cmpint (run (git_dir, NULL, NULL, "git", "fsck", "--strict", "--no-dangling", NULL), ==, 0);
  {
    g_autofree char *head = api_head (g, "alice/killed");

    g_assert_true (g_str_equal (head, before) || g_str_equal (head, pushed));
    g_test_message ("main after the crash: %s", g_str_equal (head, before) ? "old" : "new");
  }
  /* And the push goes through when tried again (the hub has a new port). */
  g_free (url);
  url = remote (g, "alice/killed", g->hub.alice);
  g_assert_cmpint (run (dir, NULL, NULL, "git", "remote", "set-url", "origin", url, NULL), ==, 0);
  g_assert_cmpint (run (dir, NULL, NULL, "git", "push", "origin", "main", NULL), ==, 0);
  {
    g_autofree char *head = api_head (g, "alice/killed");
    g_assert_cmpstr (head, ==, pushed);
  }
}

/* A client that goes away in the middle of a push leaves no ref moved and
 * nothing received behind. */
static void
test_client_leaves_mid_push (Git           *g,
                             gconstpointer  data)
{
  g_autofree char *git_dir = g_build_filename (g->hub.data_dir, "repos", "models", "alice", "left.git", NULL);
  g_autofree char *before = NULL;
  g_autofree guint8 *junk = seeded (8 * 1024 * 1024, 9);
  g_autofree char *request = NULL;
  g_autoptr(GSocketClient) client = g_socket_client_new ();
  g_autoptr(GSocketConnection) conn = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *auth = NULL;
  g_autofree char *basic = NULL;
  g_autofree char *head = NULL;
  GOutputStream *out;

  hub_create_repo (&g->hub, g->hub.alice, "{\"name\":\"left\"}");
  before = api_head (g, "alice/left");
  auth = g_strconcat ("x:", g->hub.alice, NULL);
  basic = g_base64_encode ((const guchar *) auth, strlen (auth));
  /* A receive-pack request that announces a branch update, then sends
   * half a pack and leaves. */
  request = g_strdup_printf ("POST /alice/left/git-receive-pack HTTP/1.1\r\nHost: %s\r\n"
                             "Authorization: Basic %s\r\nContent-Type: application/x-git-receive-pack-request\r\n"
                             "Content-Length: %d\r\n\r\n", g->host, basic, 64 * 1024 * 1024);
  conn = g_socket_client_connect_to_host (client, g->host, 0, NULL, &error);
  g_assert_no_error (error);
  out = g_io_stream_get_output_stream (G_IO_STREAM (conn));
  g_assert_true (g_output_stream_write_all (out, request, strlen (request), NULL, NULL, &error));
  {
    /* One pkt-line: "OLD NEW refs/heads/main\0report-status" (111 bytes). */
    GString *pkt = g_string_new ("0073");

    g_string_append_printf (pkt, "%s 1111111111111111111111111111111111111111 refs/heads/main", before);
    g_string_append_c (pkt, '\0');
    g_string_append (pkt, "report-status0000PACK");
    g_assert_true (g_output_stream_write_all (out, pkt->str, pkt->len, NULL, NULL, &error));
    g_string_free (pkt, TRUE);
    g_output_stream_write_all (out, junk, 8 * 1024 * 1024, NULL, NULL, NULL);
  }
  g_io_stream_close (G_IO_STREAM (conn), NULL, NULL);

  /* receive-pack notices, and cleans up after itself: wait for it. */
  {
    gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

    while (has_leftovers (git_dir) && g_get_monotonic_time () < deadline)
      g_usleep (10 * 1000);
  }
  g_assert_false (has_leftovers (git_dir));
  head = api_head (g, "alice/left");
  g_assert_cmpstr (head, ==, before);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Git, NULL, git_setup, func, git_teardown)
  ADD ("/git/clone-private", test_clone_private);
  ADD ("/git/clone-public", test_clone_public);
  ADD ("/git/seed-flow", test_seed_flow);
  ADD ("/git/push-refused", test_push_refused);
  ADD ("/git/read-token", test_read_token);
  ADD ("/git/branches-and-tags", test_branches_and_tags);
  ADD ("/git/push-races-api", test_push_races_api);
  ADD ("/git/kill-during-push", test_kill_during_push);
  ADD ("/git/client-leaves-mid-push", test_client_leaves_mid_push);
#undef ADD

  return g_test_run ();
}
