/* test-cli.c — `vitrine-cli` itself: its help, its usage, and the Hub's
 * `datasets/NS/NAME` and `spaces/NS/NAME` against a real vitrine-hub
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <signal.h>
#include <string.h>
#include <gio/gio.h>
#include <glib/gstdio.h>

#include "../test-util.h"

/* What the command line offers; the help must list each of these. */
static const char * const commands[] = {
  "login", "whoami", "create", "upload", "download", "log", "diff", "restore", "refs", "tag", "branch",
  "delete", "card validate", "card new", "check-id", "space run",
};

/* The commands that name a repository. */
static const char * const repo_commands[] = {
  "create", "upload", "download", "log", "diff", "restore", "refs", "tag", "branch", "delete", NULL,
};

typedef struct
{
  int   status;
  char *out;
  char *err;
} Run;

static void
run_clear (Run *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

/* Runs vitrine-cli with @args (a NULL-terminated list) in the C locale. */
static void
cli_run (Run        *run,
         const char *first,
         ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) env = g_get_environ ();
  const char *arg;
  va_list ap;

  run_clear (run);
  g_ptr_array_add (argv, (char *) g_getenv ("VITRINE_CLI_EXE"));
  g_assert_nonnull (argv->pdata[0]);
  va_start (ap, first);
  for (arg = first; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (argv, (char *) arg);
  va_end (ap);
  g_ptr_array_add (argv, NULL);

  env = g_environ_setenv (env, "LC_ALL", "C.UTF-8", TRUE);
  env = g_environ_unsetenv (env, "HF_ENDPOINT");
  env = g_environ_unsetenv (env, "HF_TOKEN");
  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, env, G_SPAWN_DEFAULT, NULL, NULL,
                               &run->out, &run->err, &run->status, &error));
  g_assert_no_error (error);
  run->status = WIFEXITED (run->status) ? WEXITSTATUS (run->status) : -1;
}

/* The line of @text that holds @needle, or NULL. */
static char *
line_with (const char *text,
           const char *needle)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    if (strstr (lines[i], needle) != NULL)
      return g_strdup (lines[i]);
  return NULL;
}

/* Whether a synopsis has the argument REPO. */
static gboolean
names_repo (const char *synopsis)
{
  g_auto(GStrv) words = g_strsplit (synopsis, " ", -1);

  return g_strv_contains ((const char * const *) words, "REPO");
}

/* "  NAME   Summary": a command listed with a summary after it. */
static void
assert_listed (const char *help,
               const char *command)
{
  g_autofree char *needle = g_strdup_printf ("  %s ", command);
  g_autofree char *line = line_with (help, needle);

  if (line == NULL)
    g_error ("“%s” is not listed in:\n%s", command, help);
  g_assert_cmpuint (strlen (g_strstrip (line + strlen (needle))), >, 10);
}

/* `--help` and no arguments at all list every command with its summary. */
static void
test_cli_help (void)
{
  g_auto(Run) run = { 0 };

  cli_run (&run, "--help", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    assert_listed (run.out, commands[i]);
  g_assert_nonnull (strstr (run.out, "COMMAND --help"));

  cli_run (&run, NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_cmpstr (run.out, ==, "");
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    assert_listed (run.err, commands[i]);

  /* A word that is no command says so, then lists them. */
  cli_run (&run, "publish", "x", NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, "“publish” is not a command"));
  assert_listed (run.err, "upload");
}

/* `COMMAND --help` shows its usage; every command that names a repository
 * documents --type, and says how REPO is written. */
static void
test_cli_usage (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_auto(Run) run = { 0 };
      g_auto(GStrv) words = g_strsplit (commands[i], " ", -1);
      g_autofree char *synopsis_start = g_strdup_printf ("vitrine-cli %s", commands[i]);
      g_autofree char *synopsis = NULL;
      gboolean repo = g_strv_contains (repo_commands, commands[i]);

      if (words[1] != NULL)
        cli_run (&run, words[0], words[1], "--help", NULL);
      else
        cli_run (&run, words[0], "--help", NULL);
      g_assert_cmpint (run.status, ==, 0);
      synopsis = line_with (run.out, synopsis_start);
      if (synopsis == NULL)
        g_error ("no usage for “%s” in:\n%s", commands[i], run.out);
      g_assert_true (g_str_has_prefix (run.out, "Usage:\n"));
      g_assert_nonnull (strstr (run.out, "Options:"));

      if (repo || names_repo (synopsis))
        {
          g_assert_true (repo);
          g_assert_true (names_repo (synopsis));
          if (strstr (run.out, "[--type model|dataset|space]") == NULL)
            g_error ("“%s --help” does not document --type:\n%s", commands[i], run.out);
          g_assert_nonnull (strstr (run.out, "datasets/NAMESPACE/NAME"));
          g_assert_nonnull (strstr (run.out, "spaces/NAMESPACE/NAME"));
        }
    }

  /* Options may come first; `--help` is about the command it follows. */
  {
    g_auto(Run) run = { 0 };

    cli_run (&run, "--help", "upload", NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_nonnull (strstr (run.out, "vitrine-cli upload DIR REPO"));
    g_assert_nonnull (strstr (run.out, "--keep-remote"));
    g_assert_null (strstr (run.out, "--from-folder"));

    /* `card` alone: both of its subcommands. */
    cli_run (&run, "card", NULL);
    g_assert_cmpint (run.status, ==, 2);
    g_assert_nonnull (strstr (run.err, "vitrine-cli card validate FILE"));
    g_assert_nonnull (strstr (run.err, "vitrine-cli card new"));

    /* Wrong number of arguments: the command's usage, on standard error. */
    cli_run (&run, "tag", "alice/model", NULL);
    g_assert_cmpint (run.status, ==, 2);
    g_assert_cmpstr (run.out, ==, "");
    g_assert_nonnull (strstr (run.err, "vitrine-cli tag REPO NAME"));
  }
}

typedef struct
{
  char        *tmp;
  char        *data_dir;
  GSubprocess *hub;
  char        *url;
  char        *token;
} Hub;

static void
hub_start (Hub *hub)
{
  const char *exe = g_getenv ("VITRINE_HUB_EXE");
  g_autoptr(GError) error = NULL;
  g_autoptr(GDataInputStream) lines = NULL;
  g_autofree char *out = NULL;
  int status;

  g_assert_nonnull (exe);
  hub->tmp = g_dir_make_tmp ("vitrine-cli-XXXXXX", &error);
  g_assert_no_error (error);
  hub->data_dir = g_build_filename (hub->tmp, "hub", NULL);

  g_assert_true (g_spawn_sync (NULL, (char *[]) { (char *) exe, (char *) "user", (char *) "add", (char *) "alice",
                                                  (char *) "--data-dir", hub->data_dir, NULL },
                               NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  hub->token = g_strdup (g_strstrip (out));

  hub->hub = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error, exe, "serve",
                               "--data-dir", hub->data_dir, "--port", "0", NULL);
  g_assert_no_error (error);
  lines = g_data_input_stream_new (g_subprocess_get_stdout_pipe (hub->hub));
  hub->url = g_data_input_stream_read_line_utf8 (lines, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (hub->url, "http://127.0.0.1:"));
}

static void
hub_stop (Hub *hub)
{
  g_subprocess_send_signal (hub->hub, SIGTERM);
  g_subprocess_wait (hub->hub, NULL, NULL);
  g_clear_object (&hub->hub);
  test_rm_rf (hub->tmp);
  g_free (hub->tmp);
  g_free (hub->data_dir);
  g_free (hub->url);
  g_free (hub->token);
}

/* Whether the hub's store holds the bare repository of @kind ("datasets",
 * "spaces", "models") alice/@name. */
static gboolean
hub_has (Hub        *hub,
         const char *kind,
         const char *name)
{
  g_autofree char *git = g_strconcat (name, ".git", NULL);
  g_autofree char *path = g_build_filename (hub->data_dir, "repos", kind, "alice", git, NULL);

  return g_file_test (path, G_FILE_TEST_IS_DIR);
}

/* `datasets/alice/NAME` and `spaces/alice/NAME`, as the Hub writes them in
 * its addresses, reach the dataset and the Space; a --type that says
 * otherwise is refused before anything is sent. */
static void
test_cli_repo_url_forms (void)
{
  Hub hub = { 0 };
  g_auto(Run) run = { 0 };
  g_autofree char *folder = NULL;
  g_autofree char *file = NULL;
  g_autofree char *copy = NULL;
  g_autofree char *copied = NULL;
  g_autoptr(GError) error = NULL;

  hub_start (&hub);

  cli_run (&run, "--endpoint", hub.url, "--token", hub.token, "create", "datasets/alice/numbers", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "datasets/alice/numbers"));
  g_assert_true (hub_has (&hub, "datasets", "numbers"));
  g_assert_false (hub_has (&hub, "models", "numbers"));

  /* Published and read back through the same form. */
  folder = g_build_filename (hub.tmp, "numbers", NULL);
  file = g_build_filename (folder, "data.csv", NULL);
  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  g_assert_true (g_file_set_contents (file, "n\n1\n2\n", -1, &error));
  cli_run (&run, "--endpoint", hub.url, "--token", hub.token, "upload", folder, "datasets/alice/numbers",
           "-m", "Numbers", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "Published alice/numbers"));

  cli_run (&run, "--endpoint", hub.url, "--token", hub.token, "log", "datasets/alice/numbers", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "Numbers"));

  copy = g_build_filename (hub.tmp, "copy", NULL);
  cli_run (&run, "--endpoint", hub.url, "--token", hub.token, "download", "datasets/alice/numbers",
           "--to", copy, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_clear_pointer (&file, g_free);
  file = g_build_filename (copy, "data.csv", NULL);
  g_assert_true (g_file_get_contents (file, &copied, NULL, &error));
  g_assert_cmpstr (copied, ==, "n\n1\n2\n");

  /* The same as --type dataset; without either it is a model, which is
   * not there. */
  cli_run (&run, "--endpoint", hub.url, "--token", hub.token, "refs", "--type", "dataset", "alice/numbers", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "main"));
  cli_run (&run, "--endpoint", hub.url, "--token", hub.token, "refs", "datasets/alice/numbers",
           "--type", "dataset", NULL);
  g_assert_cmpint (run.status, ==, 0);
  cli_run (&run, "--endpoint", hub.url, "--token", hub.token, "refs", "alice/numbers", NULL);
  g_assert_cmpint (run.status, ==, 1);

  /* A Space, and a --type that contradicts its address. */
  cli_run (&run, "--endpoint", hub.url, "--token", hub.token, "create", "spaces/alice/demo", "--sdk", "static", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (hub_has (&hub, "spaces", "demo"));

  cli_run (&run, "--endpoint", hub.url, "--token", hub.token, "delete", "spaces/alice/demo", "--type", "model", NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, "“spaces/alice/demo” names a Space, but --type says “model”"));
  g_assert_true (hub_has (&hub, "spaces", "demo"));
  cli_run (&run, "--endpoint", hub.url, "--token", hub.token, "create", "datasets/alice/other", "--type", "space", NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, "names a dataset, but --type says “space”"));
  g_assert_false (hub_has (&hub, "datasets", "other"));
  g_assert_false (hub_has (&hub, "spaces", "other"));

  cli_run (&run, "--endpoint", hub.url, "--token", hub.token, "delete", "spaces/alice/demo", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_false (hub_has (&hub, "spaces", "demo"));

  hub_stop (&hub);
}

/* upload leaves out what looks like a secret and says so; one named with
 * --include-secret goes; a failure says what happened and what to do. */
static void
test_cli_upload_secrets (void)
{
  Hub hub = { 0 };
  g_auto(Run) run = { 0 };
  g_autofree char *folder = NULL;
  g_autoptr(GError) error = NULL;
  const char *files[][2] = {
    { "README.md", "# Model\n" },
    { ".env", "KEY=1\n" },
    { "id_rsa", "-----BEGIN OPENSSH PRIVATE KEY-----\n" },
  };

  hub_start (&hub);
  folder = g_build_filename (hub.tmp, "model", NULL);
  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *path = g_build_filename (folder, files[i][0], NULL);

      g_assert_true (g_file_set_contents (path, files[i][1], -1, &error));
    }

  cli_run (&run, "--endpoint", hub.url, "--token", hub.token, "upload", folder, "alice/model", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "1 added"));
  g_assert_nonnull (strstr (run.err, "Left out 2 files that look like secrets"));
  g_assert_nonnull (strstr (run.err, "  .env\n"));
  g_assert_nonnull (strstr (run.err, "  id_rsa\n"));
  g_assert_nonnull (strstr (run.err, "--include-secret PATH"));

  cli_run (&run, "--endpoint", hub.url, "--token", hub.token, "upload", folder, "alice/model",
           "--include-secret", "./.env", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "1 added"));
  g_assert_nonnull (strstr (run.err, "Left out 1 file that looks like a secret"));
  g_assert_null (strstr (run.err, "  .env\n"));

  /* Someone else's namespace: refused, in words, with what to do. */
  cli_run (&run, "--endpoint", hub.url, "--token", "hf_notatokenofthishub", "upload", folder, "alice/model", NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "The hub did not accept your sign-in"));
  g_assert_nonnull (strstr (run.err, "Sign in again"));

  hub_stop (&hub);
}

static void
write_text (const char *folder,
            const char *name,
            const char *text)
{
  g_autofree char *path = g_build_filename (folder, name, NULL);

  g_assert_true (g_file_set_contents (path, text, -1, NULL));
}

/* The last line of @text that is not empty. */
static char *
last_line (const char *text)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

  for (guint i = g_strv_length (lines); i > 0; i--)
    if (*lines[i - 1] != '\0')
      return g_strdup (lines[i - 1]);
  return NULL;
}

/* `log` with tags and branches, `diff` and `restore`, against a real hub. */
static void
test_cli_history (void)
{
  Hub hub = { 0 };
  g_auto(Run) run = { 0 };
  g_autofree char *folder = NULL;
  g_autofree char *v1 = NULL;
  g_autofree char *restored = NULL;
  g_autofree char *head = NULL;

  hub_start (&hub);
  folder = g_build_filename (hub.tmp, "model", NULL);
  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  write_text (folder, "README.md", "# A model\n");
  write_text (folder, "old.txt", "old\n");
  write_text (folder, "config.json", "{}\n");
  cli_run (&run, "--endpoint", hub.url, "--token", hub.token, "upload", folder, "alice/m", "-m", "First", NULL);
  g_assert_cmpint (run.status, ==, 0);
  v1 = last_line (run.out);
  g_assert_cmpuint (strlen (v1), ==, 40);
  cli_run (&run, "--endpoint", hub.url, "--token", hub.token, "tag", "alice/m", "v1", NULL);
  g_assert_cmpint (run.status, ==, 0);

  write_text (folder, "README.md", "# A model\n\nNow with more words.\n");
  write_text (folder, "new.txt", "new\n");
  {
    g_autofree char *old = g_build_filename (folder, "old.txt", NULL);
    g_assert_cmpint (g_unlink (old), ==, 0);
  }
  cli_run (&run, "--endpoint", hub.url, "--token", hub.token, "upload", folder, "alice/m", "-m", "Second", NULL);
  g_assert_cmpint (run.status, ==, 0);

  /* log: each commit with what points at it. */
  cli_run (&run, "--endpoint", hub.url, "--token", hub.token, "log", "alice/m", NULL);
  g_assert_cmpint (run.status, ==, 0);
  {
    g_auto(GStrv) lines = g_strsplit (run.out, "\n", -1);
    g_autofree char *short_v1 = g_strndup (v1, 12);
    g_autofree char *tagged = line_with (run.out, short_v1);

    g_assert_true (g_str_has_suffix (lines[0], "Second (main)"));
    g_assert_nonnull (tagged);
    g_assert_true (g_str_has_suffix (tagged, "First (tag: v1)"));
  }

  /* diff: A, M or D, a tab, the path, by path. */
  cli_run (&run, "--endpoint", hub.url, "--token", hub.token, "diff", "alice/m", "v1", "main", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, "M\tREADME.md\nA\tnew.txt\nD\told.txt\n");
  cli_run (&run, "--endpoint", hub.url, "--token", hub.token, "diff", "alice/m", "main", v1, NULL);
  g_assert_cmpstr (run.out, ==, "M\tREADME.md\nD\tnew.txt\nA\told.txt\n");

  /* --stat: the sizes before and after, and a summary. */
  cli_run (&run, "--endpoint", hub.url, "--token", hub.token, "diff", "--stat", "alice/m", "v1", "main", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==,
                   "M\tREADME.md\t10 bytes → 32 bytes\n"
                   "A\tnew.txt\t— → 4 bytes\n"
                   "D\told.txt\t4 bytes → —\n"
                   "3 files differ: 1 added, 1 changed, 1 deleted\n");

  /* A revision that is not there. */
  cli_run (&run, "--endpoint", hub.url, "--token", hub.token, "diff", "alice/m", "v9", "main", NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "vitrine-cli refs"));

  /* restore: the new commit's id, and main has v1's files again. */
  cli_run (&run, "--endpoint", hub.url, "--token", hub.token, "restore", "alice/m", "v1", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "Restored v1 on main: 1 added, 1 changed, 1 deleted."));
  restored = last_line (run.out);
  g_assert_cmpuint (strlen (restored), ==, 40);
  cli_run (&run, "--endpoint", hub.url, "--token", hub.token, "refs", "alice/m", NULL);
  head = line_with (run.out, "main");
  g_assert_nonnull (strstr (head, restored));
  cli_run (&run, "--endpoint", hub.url, "--token", hub.token, "diff", "alice/m", "v1", "main", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, "");
  cli_run (&run, "--endpoint", hub.url, "--token", hub.token, "log", "alice/m", NULL);
  g_assert_true (g_str_has_prefix (run.out, restored) || strncmp (run.out, restored, 12) == 0);
  g_assert_nonnull (strstr (run.out, "Restore v1 (main)"));

  /* Again: nothing to do, no commit. */
  cli_run (&run, "--endpoint", hub.url, "--token", hub.token, "restore", "alice/m", "v1", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "Nothing to restore"));

  /* On another branch, with a message. */
  cli_run (&run, "--endpoint", hub.url, "--token", hub.token, "branch", "alice/m", "exp", NULL);
  g_assert_cmpint (run.status, ==, 0);
  {
    g_autofree char *second = NULL;

    cli_run (&run, "--endpoint", hub.url, "--token", hub.token, "log", "alice/m", NULL);
    second = line_with (run.out, "Second");
    second[12] = '\0';
    cli_run (&run, "--endpoint", hub.url, "--token", hub.token, "restore", "alice/m", second, "--branch", "exp",
             "-m", "Back to the second", NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_free (restored);
    restored = last_line (run.out);
    cli_run (&run, "--endpoint", hub.url, "--token", hub.token, "log", "alice/m", "--revision", "exp", NULL);
    g_assert_nonnull (strstr (run.out, "Back to the second (exp)"));
    cli_run (&run, "--endpoint", hub.url, "--token", hub.token, "diff", "alice/m", second, "exp", NULL);
    g_assert_cmpstr (run.out, ==, "");
  }

  hub_stop (&hub);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli/help", test_cli_help);
  g_test_add_func ("/cli/usage", test_cli_usage);
  g_test_add_func ("/cli/repo-url-forms", test_cli_repo_url_forms);
  g_test_add_func ("/cli/upload-secrets", test_cli_upload_secrets);
  g_test_add_func ("/cli/history", test_cli_history);

  return g_test_run ();
}
