/* test-folder-scan.c — the tree of a real folder, what a publish sends of
 * it, the rules that leave files out, and files that look like secrets
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <fcntl.h>
#include <unistd.h>

#include "../test-util.h"

#include "vitrine-folder-rules.h"
#include "vitrine-folder-scan.h"

static void
write_file (const char *root,
            const char *path,
            const char *text)
{
  g_autofree char *full = g_build_filename (root, path, NULL);
  g_autofree char *dir = g_path_get_dirname (full);

  g_mkdir_with_parents (dir, 0755);
  g_assert_true (g_file_set_contents (full, text, -1, NULL));
}

/* A file of @size bytes that takes no room on disk. */
static void
write_sparse (const char *root,
              const char *path,
              guint64     size)
{
  g_autofree char *full = g_build_filename (root, path, NULL);
  g_autofree char *dir = g_path_get_dirname (full);
  int fd;

  g_mkdir_with_parents (dir, 0755);
  fd = open (full, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (ftruncate (fd, size), ==, 0);
  close (fd);
}

static char *
make_folder (void)
{
  g_autoptr(GError) error = NULL;
  char *folder = g_dir_make_tmp ("scan-XXXXXX", &error);

  g_assert_no_error (error);
  write_file (folder, ".gitignore", "# build products\n\n*.log\n!keep.log\nscratch/\n");
  write_file (folder, "README.md", "# A model\n");
  write_file (folder, "config.json", "{\"hidden_size\": 8}\n");
  write_sparse (folder, "weights/model.safetensors", 12 * 1000 * 1000);
  write_file (folder, "weights/empty.bin", "");
  write_file (folder, "weights/nested/deeper/notes.txt", "deep\n");
  write_file (folder, "train.log", "loss 0.1\n");
  write_file (folder, "keep.log", "kept\n");
  write_file (folder, "scratch/tmp.txt", "scratch\n");
  write_file (folder, ".git/config", "[core]\n");
  write_file (folder, "src/__pycache__/m.cpython-311.pyc", "x");
  write_file (folder, ".env", "API_KEY=abc\n");
  write_file (folder, ".env.production", "API_KEY=def\n");
  write_file (folder, "keys/id_rsa", "-----BEGIN OPENSSH PRIVATE KEY-----\nabc\n-----END OPENSSH PRIVATE KEY-----\n");
  /* A private key under a name that does not say so. */
  write_file (folder, "deploy", "-----BEGIN RSA PRIVATE KEY-----\nxyz\n-----END RSA PRIVATE KEY-----\n");
  write_file (folder, "cert.pem", "-----BEGIN CERTIFICATE-----\n");
  write_file (folder, ".netrc", "machine example.org login a password b\n");
  write_file (folder, ".npmrc", "//registry.npmjs.org/:_authToken=npm_abc\n");
  write_file (folder, "tools/.npmrc", "fund=false\n");
  write_file (folder, "token", "hf_abc\n");
  write_file (folder, "tokenizer.json", "{}\n");
  return folder;
}

typedef struct
{
  const char     *path;
  gboolean        ignored;
  VitrineLeftOut  left_out;
  const char     *rule;        /* NULL: none; a prefix otherwise */
  gboolean        looks_secret;
} Expect;

static const Expect expected[] = {
  { "README.md", FALSE, VITRINE_LEFT_OUT_NONE, NULL, FALSE },
  { "config.json", FALSE, VITRINE_LEFT_OUT_NONE, NULL, FALSE },
  { "weights/model.safetensors", FALSE, VITRINE_LEFT_OUT_NONE, NULL, FALSE },
  { "weights/empty.bin", FALSE, VITRINE_LEFT_OUT_NONE, NULL, FALSE },
  { "weights/nested/deeper/notes.txt", FALSE, VITRINE_LEFT_OUT_NONE, NULL, FALSE },
  { "train.log", TRUE, VITRINE_LEFT_OUT_GITIGNORE, ".gitignore line 3: *.log", FALSE },
  { "keep.log", FALSE, VITRINE_LEFT_OUT_NONE, NULL, FALSE },
  { "scratch", TRUE, VITRINE_LEFT_OUT_GITIGNORE, ".gitignore line 5: scratch/", FALSE },
  { ".git", TRUE, VITRINE_LEFT_OUT_ALWAYS, "always left out: .git", FALSE },
  { "src/__pycache__", TRUE, VITRINE_LEFT_OUT_ALWAYS, "always left out: __pycache__/", FALSE },
  { ".env", TRUE, VITRINE_LEFT_OUT_SECRET, "looks like a secret: an environment file", TRUE },
  { ".env.production", TRUE, VITRINE_LEFT_OUT_SECRET, "looks like a secret: an environment file", TRUE },
  { "keys/id_rsa", TRUE, VITRINE_LEFT_OUT_SECRET, "looks like a secret: a private key", TRUE },
  { "deploy", TRUE, VITRINE_LEFT_OUT_SECRET, "looks like a secret: a private key", TRUE },
  { "cert.pem", TRUE, VITRINE_LEFT_OUT_SECRET, "looks like a secret: a certificate", TRUE },
  { ".netrc", TRUE, VITRINE_LEFT_OUT_SECRET, "looks like a secret: a token or credentials file", TRUE },
  { ".npmrc", TRUE, VITRINE_LEFT_OUT_SECRET, "looks like a secret: a token or credentials file", TRUE },
  { "tools/.npmrc", FALSE, VITRINE_LEFT_OUT_NONE, NULL, FALSE },
  { "token", TRUE, VITRINE_LEFT_OUT_SECRET, "looks like a secret: a token or credentials file", TRUE },
  { "tokenizer.json", FALSE, VITRINE_LEFT_OUT_NONE, NULL, FALSE },
};

static VitrineFolderScan *
scan (const char         *folder,
      const char * const *included)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  VitrineFolderScan *scan;

  vitrine_folder_scan_async (folder, included, NULL, test_keep_result_cb, &result);
  while (!test_has_result (&result))
    g_main_context_iteration (NULL, TRUE);
  scan = vitrine_folder_scan_finish (result, &error);
  g_assert_no_error (error);
  g_assert_nonnull (scan);
  return scan;
}

static VitrineScanWarning *
find_warning (VitrineFolderScan      *s,
              VitrineScanWarningKind  kind)
{
  GListModel *warnings = vitrine_folder_scan_get_warnings (s);

  for (guint i = 0; i < g_list_model_get_n_items (warnings); i++)
    {
      g_autoptr(VitrineScanWarning) warning = g_list_model_get_item (warnings, i);

      if (vitrine_scan_warning_get_kind (warning) == kind)
        return warning;
    }
  return NULL;
}

static void
test_scan_tree (void)
{
  g_autofree char *folder = make_folder ();
  g_autoptr(VitrineFolderScan) s = scan (folder, NULL);
  VitrineScanEntry *root = vitrine_folder_scan_get_root (s);
  VitrineScanEntry *weights;
  VitrineScanEntry *entry;
  VitrineScanWarning *secrets;
  g_autoptr(GListModel) children = NULL;
  g_autofree char *base = g_path_get_basename (folder);
  guint64 sent = 0;

  g_assert_cmpstr (vitrine_scan_entry_get_name (root), ==, base);
  g_assert_cmpstr (vitrine_scan_entry_get_path (root), ==, "");
  g_assert_true (vitrine_scan_entry_get_is_directory (root));

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      const Expect *e = &expected[i];

      entry = vitrine_folder_scan_lookup (s, e->path);
      if (entry == NULL)
        g_error ("no entry for %s", e->path);
      if (vitrine_scan_entry_get_ignored (entry) != e->ignored)
        g_error ("%s should %sbe ignored (rule: %s)", e->path, e->ignored ? "" : "not ",
                 vitrine_scan_entry_get_ignore_rule (entry));
      g_assert_cmpint (vitrine_scan_entry_get_included (entry), ==, !e->ignored);
      g_assert_cmpint (vitrine_scan_entry_get_left_out (entry), ==, e->left_out);
      g_assert_cmpint (vitrine_scan_entry_get_looks_secret (entry), ==, e->looks_secret);
      if (e->rule == NULL)
        g_assert_null (vitrine_scan_entry_get_ignore_rule (entry));
      else if (!g_str_has_prefix (vitrine_scan_entry_get_ignore_rule (entry), e->rule))
        g_error ("%s: rule “%s”, expected “%s”", e->path, vitrine_scan_entry_get_ignore_rule (entry), e->rule);
    }

  /* Folders left out are shown, not entered. */
  g_assert_null (vitrine_folder_scan_lookup (s, ".git/config"));
  g_assert_null (vitrine_folder_scan_lookup (s, "scratch/tmp.txt"));
  g_assert_cmpuint (g_list_model_get_n_items (vitrine_scan_entry_get_children (vitrine_folder_scan_lookup (s, ".git"))), ==, 0);

  /* The tree: the root's children in name order, folders with children. */
  children = g_object_ref (vitrine_scan_entry_get_children (root));
  for (guint i = 1; i < g_list_model_get_n_items (children); i++)
    {
      g_autoptr(VitrineScanEntry) a = g_list_model_get_item (children, i - 1);
      g_autoptr(VitrineScanEntry) b = g_list_model_get_item (children, i);

      g_assert_cmpint (g_strcmp0 (vitrine_scan_entry_get_name (a), vitrine_scan_entry_get_name (b)), <, 0);
    }
  weights = vitrine_folder_scan_lookup (s, "weights");
  g_assert_true (vitrine_scan_entry_get_is_directory (weights));
  g_assert_cmpuint (g_list_model_get_n_items (vitrine_scan_entry_get_children (weights)), ==, 3);
  g_assert_null (vitrine_scan_entry_get_children (vitrine_folder_scan_lookup (s, "README.md")));
  g_assert_nonnull (vitrine_folder_scan_lookup (s, "weights/nested/deeper"));

  /* Sizes: files, the 0-byte file, folders as the total of what is sent. */
  entry = vitrine_folder_scan_lookup (s, "weights/model.safetensors");
  g_assert_cmpuint (vitrine_scan_entry_get_size (entry), ==, 12 * 1000 * 1000);
  g_assert_true (vitrine_scan_entry_get_is_large (entry));
  entry = vitrine_folder_scan_lookup (s, "weights/empty.bin");
  g_assert_cmpuint (vitrine_scan_entry_get_size (entry), ==, 0);
  g_assert_false (vitrine_scan_entry_get_is_large (entry));
  g_assert_false (vitrine_scan_entry_get_is_large (vitrine_folder_scan_lookup (s, "README.md")));
  g_assert_cmpuint (vitrine_scan_entry_get_size (weights), ==, 12 * 1000 * 1000 + 5);

  /* Totals count what is sent. */
  g_assert_cmpuint (vitrine_folder_scan_get_n_files (s), ==, 9);
  g_assert_cmpuint (vitrine_folder_scan_get_n_large_files (s), ==, 1);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    if (!expected[i].ignored)
      sent += vitrine_scan_entry_get_size (vitrine_folder_scan_lookup (s, expected[i].path));
  sent += vitrine_scan_entry_get_size (vitrine_folder_scan_lookup (s, ".gitignore"));
  g_assert_cmpuint (vitrine_folder_scan_get_n_bytes (s), ==, sent);
  g_assert_cmpuint (vitrine_scan_entry_get_size (root), ==, sent);
  g_assert_cmpuint (vitrine_folder_scan_get_n_ignored (s), ==, 12);

  /* One warning: the secrets, naming each. */
  g_assert_cmpuint (g_list_model_get_n_items (vitrine_folder_scan_get_warnings (s)), ==, 1);
  secrets = find_warning (s, VITRINE_SCAN_WARNING_SECRETS);
  g_assert_nonnull (secrets);
  g_assert_cmpuint (g_strv_length ((char **) vitrine_scan_warning_get_paths (secrets)), ==, 8);
  g_assert_true (g_strv_contains (vitrine_scan_warning_get_paths (secrets), "keys/id_rsa"));
  g_assert_nonnull (strstr (vitrine_scan_warning_get_message (secrets), "8 files"));
  g_assert_cmpuint (g_list_model_get_n_items (vitrine_folder_scan_get_secrets (s)), ==, 8);
  g_assert_null (find_warning (s, VITRINE_SCAN_WARNING_FILE_TOO_LARGE));
  g_assert_null (find_warning (s, VITRINE_SCAN_WARNING_TOO_MANY_FILES));

  test_rm_rf (folder);
}

static void
count_cb (GObject    *object,
          GParamSpec *pspec,
          gpointer    user_data)
{
  (*(guint *) user_data)++;
}

static void
test_scan_include_secret (void)
{
  g_autofree char *folder = make_folder ();
  g_autoptr(VitrineFolderScan) s = scan (folder, NULL);
  g_autoptr(VitrineFolderScan) again = NULL;
  VitrineScanEntry *env = vitrine_folder_scan_lookup (s, ".env");
  VitrineScanEntry *root = vitrine_folder_scan_get_root (s);
  guint files = vitrine_folder_scan_get_n_files (s);
  guint64 bytes = vitrine_folder_scan_get_n_bytes (s);
  guint64 root_size = vitrine_scan_entry_get_size (root);
  guint64 keys_size = vitrine_scan_entry_get_size (vitrine_folder_scan_lookup (s, "keys"));
  guint included_notes = 0, n_files_notes = 0;
  g_auto(GStrv) paths = NULL;
  const char *one[] = { "keys/id_rsa", NULL };

  g_signal_connect (env, "notify::included", G_CALLBACK (count_cb), &included_notes);
  g_signal_connect (s, "notify::n-files", G_CALLBACK (count_cb), &n_files_notes);

  /* Only files that look like secrets can be included one by one. */
  g_assert_false (vitrine_folder_scan_set_included (s, "train.log", TRUE));
  g_assert_false (vitrine_folder_scan_set_included (s, "README.md", TRUE));
  g_assert_false (vitrine_folder_scan_set_included (s, "nothing-here", TRUE));
  g_assert_true (vitrine_scan_entry_get_ignored (vitrine_folder_scan_lookup (s, "train.log")));

  g_assert_true (vitrine_folder_scan_set_included (s, ".env", TRUE));
  g_assert_true (vitrine_scan_entry_get_included (env));
  g_assert_false (vitrine_scan_entry_get_ignored (env));
  g_assert_null (vitrine_scan_entry_get_ignore_rule (env));
  g_assert_true (vitrine_scan_entry_get_looks_secret (env));
  g_assert_cmpuint (included_notes, ==, 1);
  g_assert_cmpuint (n_files_notes, ==, 1);
  g_assert_cmpuint (vitrine_folder_scan_get_n_files (s), ==, files + 1);
  g_assert_cmpuint (vitrine_folder_scan_get_n_bytes (s), ==, bytes + 12);
  g_assert_cmpuint (vitrine_scan_entry_get_size (root), ==, root_size + 12);

  g_assert_true (vitrine_folder_scan_set_included (s, "keys/id_rsa", TRUE));
  g_assert_cmpuint (vitrine_scan_entry_get_size (vitrine_folder_scan_lookup (s, "keys")), >, keys_size);
  paths = vitrine_folder_scan_dup_included_secrets (s);
  g_assert_cmpuint (g_strv_length (paths), ==, 2);
  g_assert_true (g_strv_contains ((const char * const *) paths, ".env"));
  g_assert_true (g_strv_contains ((const char * const *) paths, "keys/id_rsa"));

  /* Left out again, with its rule back. */
  g_assert_true (vitrine_folder_scan_set_included (s, ".env", FALSE));
  g_assert_true (vitrine_scan_entry_get_ignored (env));
  g_assert_true (g_str_has_prefix (vitrine_scan_entry_get_ignore_rule (env), "looks like a secret"));
  g_assert_cmpuint (vitrine_folder_scan_get_n_files (s), ==, files + 1);

  /* A new scan takes the files included before. */
  again = scan (folder, one);
  g_assert_true (vitrine_scan_entry_get_included (vitrine_folder_scan_lookup (again, "keys/id_rsa")));
  g_assert_true (vitrine_scan_entry_get_ignored (vitrine_folder_scan_lookup (again, ".env")));
  g_assert_cmpuint (vitrine_folder_scan_get_n_files (again), ==, files + 1);

  test_rm_rf (folder);
}

static void
test_scan_warnings (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *folder = g_dir_make_tmp ("scan-XXXXXX", &error);
  g_autoptr(VitrineFolderScan) s = NULL;
  VitrineScanWarning *warning;

  /* Over the Hub's per-file limit, without taking the room. */
  write_sparse (folder, "huge.bin", 51ULL * 1000 * 1000 * 1000);
  write_file (folder, "small.txt", "x");
  s = scan (folder, NULL);
  warning = find_warning (s, VITRINE_SCAN_WARNING_FILE_TOO_LARGE);
  g_assert_nonnull (warning);
  g_assert_true (g_strv_contains (vitrine_scan_warning_get_paths (warning), "huge.bin"));
  g_assert_nonnull (strstr (vitrine_scan_warning_get_message (warning), "50 GB"));
  g_assert_null (find_warning (s, VITRINE_SCAN_WARNING_SECRETS));
  g_assert_cmpuint (vitrine_folder_scan_get_n_large_files (s), ==, 1);
  g_clear_object (&s);

  /* More than 100,000 files. */
  for (guint i = 0; i < 100001; i++)
    {
      g_autofree char *name = g_strdup_printf ("%s/many/%03u/%u", folder, i / 1000, i);

      if (i % 1000 == 0)
        {
          g_autofree char *dir = g_path_get_dirname (name);
          g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);
        }
      g_assert_true (g_file_set_contents (name, "", 0, NULL));
    }
  s = scan (folder, NULL);
  g_assert_cmpuint (vitrine_folder_scan_get_n_files (s), ==, 100003);
  warning = find_warning (s, VITRINE_SCAN_WARNING_TOO_MANY_FILES);
  g_assert_nonnull (warning);
  g_assert_nonnull (strstr (vitrine_scan_warning_get_message (warning), "100003"));

  test_rm_rf (folder);
}

static void
test_scan_not_a_folder (void)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(VitrineFolderScan) s = NULL;

  vitrine_folder_scan_async ("/nonexistent/folder", NULL, NULL, test_keep_result_cb, &result);
  while (!test_has_result (&result))
    g_main_context_iteration (NULL, TRUE);
  s = vitrine_folder_scan_finish (result, &error);
  g_assert_null (s);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_DIRECTORY);
}

static void
test_looks_secret (void)
{
  g_assert_true (vitrine_path_looks_secret (".env", NULL));
  g_assert_true (vitrine_path_looks_secret ("a/b/.env.local", NULL));
  g_assert_true (vitrine_path_looks_secret ("server.key", NULL));
  g_assert_true (vitrine_path_looks_secret ("bundle.p12", NULL));
  g_assert_true (vitrine_path_looks_secret ("x/.git-credentials", NULL));
  g_assert_true (vitrine_path_looks_secret ("credentials.json", NULL));
  g_assert_false (vitrine_path_looks_secret ("id_rsa.pub", NULL));
  g_assert_false (vitrine_path_looks_secret ("environment.yml", NULL));
  g_assert_false (vitrine_path_looks_secret ("model.safetensors", NULL));
  /* .npmrc and .pypirc only when they hold a token: by name alone, no. */
  g_assert_false (vitrine_path_looks_secret (".pypirc", NULL));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/hub/folder-scan/tree", test_scan_tree);
  g_test_add_func ("/hub/folder-scan/include-secret", test_scan_include_secret);
  g_test_add_func ("/hub/folder-scan/warnings", test_scan_warnings);
  g_test_add_func ("/hub/folder-scan/not-a-folder", test_scan_not_a_folder);
  g_test_add_func ("/hub/folder-scan/looks-secret", test_looks_secret);

  return g_test_run ();
}
