/* test-credentials.c — where the endpoint and the token come from, asked
 * directly or on a worker thread
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <sys/stat.h>
#include <glib/gstdio.h>

#include "../test-util.h"

#include "vitrine-credentials.h"
#include "vitrine-discovery.h"
#include "vitrine-error.h"

#define HUB "https://huggingface.co"
#define LOCAL "http://127.0.0.1:8080"
#define LONG_TOKEN "hf_abcdefghijklmnopqrstuvwxyz123456"

/* Every variable the code under test reads. */
static const char *variables[] = {
  "HF_TOKEN",
  "HUGGING_FACE_HUB_TOKEN",
  "HF_TOKEN_PATH",
  "HF_HOME",
  "HF_ENDPOINT",
  "HF_HUB_DISABLE_IMPLICIT_TOKEN",
};

typedef struct
{
  char *dir;
  char *config;
  char *cache;
  char *old_config;
  char *old_cache;
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

          if (g_file_test (child, G_FILE_TEST_IS_DIR) &&
              !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
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
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("vitrine-credentials-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->config = g_build_filename (fixture->dir, "config", NULL);
  fixture->cache = g_build_filename (fixture->dir, "cache", NULL);

  fixture->old_config = g_strdup (g_getenv ("XDG_CONFIG_HOME"));
  fixture->old_cache = g_strdup (g_getenv ("XDG_CACHE_HOME"));
  g_setenv ("XDG_CONFIG_HOME", fixture->config, TRUE);
  g_setenv ("XDG_CACHE_HOME", fixture->cache, TRUE);

  for (guint i = 0; i < G_N_ELEMENTS (variables); i++)
    g_unsetenv (variables[i]);
}

static void
restore (const char *name,
         const char *value)
{
  if (value != NULL)
    g_setenv (name, value, TRUE);
  else
    g_unsetenv (name);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  for (guint i = 0; i < G_N_ELEMENTS (variables); i++)
    g_unsetenv (variables[i]);
  restore ("XDG_CONFIG_HOME", fixture->old_config);
  restore ("XDG_CACHE_HOME", fixture->old_cache);

  remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->config);
  g_free (fixture->cache);
  g_free (fixture->old_config);
  g_free (fixture->old_cache);
}

static void
write_file (const char *path,
            const char *contents)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
}

static char *
hub_token_file (Fixture *fixture)
{
  return g_build_filename (fixture->cache, "huggingface", "token", NULL);
}

/* Looks a token up, checks where it came from, and that it did not wait on
 * a keyring. */
static void
assert_token (const char *endpoint,
              const char *explicit_token,
              const char *expected,
              const char *expected_source)
{
  g_autofree char *token = NULL;
  const char *source = "unset";
  gint64 start = g_get_monotonic_time ();

  token = vitrine_credentials_lookup_token (endpoint, explicit_token, &source);
  g_assert_cmpint (g_get_monotonic_time () - start, <, 3 * G_USEC_PER_SEC);

  g_assert_cmpstr (token, ==, expected);
  if (expected == NULL)
    g_assert_null (source);
  else if (expected_source != NULL && g_str_equal (expected_source, "stored"))
    g_assert_true (g_str_equal (source, "keyring") || g_str_has_prefix (source, "file "));
  else if (expected_source != NULL)
    g_assert_cmpstr (source, ==, expected_source);
}

static void
store (const char *endpoint,
       const char *token)
{
  g_autoptr(GError) error = NULL;
  const char *where = NULL;
  gint64 start = g_get_monotonic_time ();

  g_assert_true (vitrine_credentials_store_token (endpoint, token, &where, &error));
  g_assert_no_error (error);
  g_assert_nonnull (where);
  g_assert_cmpint (g_get_monotonic_time () - start, <, 3 * G_USEC_PER_SEC);
}

static void
forget (const char *endpoint)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (vitrine_credentials_forget_token (endpoint, &error));
  g_assert_no_error (error);
}

static void
test_endpoint (Fixture       *fixture,
               gconstpointer  user_data)
{
  g_autofree char *none = NULL;
  g_autofree char *from_env = NULL;
  g_autofree char *explicit = NULL;
  g_autofree char *blank = NULL;

  none = vitrine_credentials_resolve_endpoint (NULL);
  g_assert_null (none);

  g_setenv ("HF_ENDPOINT", "https://hub.example.org/", TRUE);
  from_env = vitrine_credentials_resolve_endpoint (NULL);
  g_assert_cmpstr (from_env, ==, "https://hub.example.org");

  explicit = vitrine_credentials_resolve_endpoint ("http://localhost:9000");
  g_assert_cmpstr (explicit, ==, "http://localhost:9000");

  /* An empty --endpoint does not hide the environment. */
  blank = vitrine_credentials_resolve_endpoint ("");
  g_assert_cmpstr (blank, ==, "https://hub.example.org");

  g_setenv ("HF_ENDPOINT", "", TRUE);
  g_clear_pointer (&none, g_free);
  none = vitrine_credentials_resolve_endpoint (NULL);
  g_assert_null (none);
}

static void
test_token_file (Fixture       *fixture,
                 gconstpointer  user_data)
{
  g_autofree char *path = hub_token_file (fixture);

  assert_token (HUB, NULL, NULL, NULL);

  /* Whitespace, CR and LF around the token are not part of it. */
  write_file (path, "  hf_fromfile123\r\n\n");
  assert_token (HUB, NULL, "hf_fromfile123", "huggingface token file");
  assert_token (HUB "/", NULL, "hf_fromfile123", "huggingface token file");

  /* The Hub's token is for the Hub, not for any server. */
  assert_token (LOCAL, NULL, NULL, NULL);

  /* ... unless the Hub's tools are pointed at that server. */
  g_setenv ("HF_ENDPOINT", LOCAL "/", TRUE);
  assert_token (LOCAL, NULL, "hf_fromfile123", "huggingface token file");
  assert_token (HUB, NULL, "hf_fromfile123", "huggingface token file");
  g_unsetenv ("HF_ENDPOINT");

  /* An empty file holds no token. */
  write_file (path, " \r\n\t\n");
  assert_token (HUB, NULL, NULL, NULL);
  write_file (path, "");
  assert_token (HUB, NULL, NULL, NULL);
}

static void
test_token_file_paths (Fixture       *fixture,
                       gconstpointer  user_data)
{
  g_autofree char *cache_path = hub_token_file (fixture);
  g_autofree char *hf_home = g_build_filename (fixture->dir, "hf-home", NULL);
  g_autofree char *home_path = g_build_filename (hf_home, "token", NULL);
  g_autofree char *explicit_path = g_build_filename (fixture->dir, "elsewhere", "my-token", NULL);

  write_file (cache_path, "hf_cache\n");
  write_file (home_path, "hf_home\n");
  write_file (explicit_path, "hf_path\n");

  assert_token (HUB, NULL, "hf_cache", "huggingface token file");

  g_setenv ("HF_HOME", hf_home, TRUE);
  assert_token (HUB, NULL, "hf_home", "huggingface token file");

  g_setenv ("HF_TOKEN_PATH", explicit_path, TRUE);
  assert_token (HUB, NULL, "hf_path", "huggingface token file");

  /* HF_TOKEN_PATH names the file: no fallback when it is missing. */
  g_assert_cmpint (g_unlink (explicit_path), ==, 0);
  assert_token (HUB, NULL, NULL, NULL);
}

static void
test_precedence (Fixture       *fixture,
                 gconstpointer  user_data)
{
  g_autofree char *path = hub_token_file (fixture);

  write_file (path, "hf_file\n");
  store (HUB, "hf_stored");
  g_setenv ("HUGGING_FACE_HUB_TOKEN", "hf_legacy", TRUE);
  g_setenv ("HF_TOKEN", " hf_env\n", TRUE);

  assert_token (HUB, "hf_explicit", "hf_explicit", "explicit");
  assert_token (HUB, " hf_explicit\r\n", "hf_explicit", "explicit");
  assert_token (HUB, "", "hf_env", "HF_TOKEN");
  assert_token (HUB, NULL, "hf_env", "HF_TOKEN");
  /* The environment holds for every endpoint, as for the Hub's tools. */
  assert_token (LOCAL, NULL, "hf_env", "HF_TOKEN");

  g_setenv ("HF_TOKEN", "", TRUE);
  assert_token (HUB, NULL, "hf_legacy", "HUGGING_FACE_HUB_TOKEN");

  g_unsetenv ("HF_TOKEN");
  g_unsetenv ("HUGGING_FACE_HUB_TOKEN");
  assert_token (HUB, NULL, "hf_stored", "stored");
  assert_token (LOCAL, NULL, NULL, NULL);

  forget (HUB);
  assert_token (HUB, NULL, "hf_file", "huggingface token file");

  /* An explicit token that cannot be sent is not swapped for another. */
  assert_token (HUB, "hf_with space", NULL, NULL);
}

static void
test_disable_implicit (Fixture       *fixture,
                       gconstpointer  user_data)
{
  g_autofree char *path = hub_token_file (fixture);
  const char *values[] = { "1", "true", "YES", "On" };

  write_file (path, "hf_file\n");
  g_setenv ("HF_TOKEN", "hf_env", TRUE);

  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    {
      g_setenv ("HF_HUB_DISABLE_IMPLICIT_TOKEN", values[i], TRUE);
      assert_token (HUB, NULL, NULL, NULL);
      assert_token (HUB, "hf_explicit", "hf_explicit", "explicit");
    }

  store (HUB, "hf_stored");
  assert_token (HUB, NULL, "hf_stored", "stored");
  forget (HUB);
  assert_token (HUB, NULL, NULL, NULL);

  g_setenv ("HF_HUB_DISABLE_IMPLICIT_TOKEN", "0", TRUE);
  assert_token (HUB, NULL, "hf_env", "HF_TOKEN");
}

static void
assert_mode (const char *path,
             guint       mode)
{
  GStatBuf buf;

  g_assert_cmpint (g_stat (path, &buf), ==, 0);
  g_assert_cmpuint (buf.st_mode & 0777, ==, mode);
}

static void
test_store_file (Fixture       *fixture,
                 gconstpointer  user_data)
{
  g_autofree char *dir = g_build_filename (fixture->config, "vitrine", NULL);
  g_autofree char *path = g_build_filename (dir, "tokens", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  const char *where = NULL;
  const char *source = NULL;
  char *token;

  /* A folder that already exists with looser permissions is tightened. */
  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);
  g_assert_cmpint (g_chmod (dir, 0755), ==, 0);

  g_assert_true (vitrine_credentials_store_token (HUB, LONG_TOKEN, &where, &error));
  g_assert_no_error (error);
  if (g_strcmp0 (where, "keyring") == 0)
    {
      forget (HUB);
      g_test_skip ("A keyring answers on this session bus; the file fallback is not used");
      return;
    }

  g_assert_cmpstr (where, ==, path);
  assert_mode (dir, 0700);
  assert_mode (path, 0600);

  token = vitrine_credentials_lookup_token (HUB, NULL, &source);
  g_assert_cmpstr (token, ==, LONG_TOKEN);
  g_free (token);
  g_assert_true (g_str_has_prefix (source, "file "));
  g_assert_true (g_str_has_suffix (source, "/vitrine/tokens"));
  g_assert_null (strstr (source, "hf_"));

  /* Each endpoint keeps its own token, under a normalised name. */
  store (LOCAL "/", "hf_local");
  store ("http://[::1]:8080", "hf_ipv6");
  assert_token ("HTTPS://HuggingFace.co:443/", NULL, LONG_TOKEN, "stored");
  assert_token (LOCAL, NULL, "hf_local", "stored");
  assert_token ("http://[::1]:8080/", NULL, "hf_ipv6", "stored");
  assert_mode (path, 0600);

  /* Storing again replaces the token. */
  store (LOCAL, "hf_local2");
  assert_token (LOCAL, NULL, "hf_local2", "stored");
  assert_token (HUB, NULL, LONG_TOKEN, "stored");

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (contents, "[http://127.0.0.1:8080]"));
  g_assert_null (strstr (contents, "hf_local\n"));

  forget (LOCAL);
  assert_token (LOCAL, NULL, NULL, NULL);
  assert_token (HUB, NULL, LONG_TOKEN, "stored");

  /* Forgetting twice is fine; forgetting the last token removes the file. */
  forget (LOCAL);
  forget (HUB);
  forget ("http://[::1]:8080");
  assert_token (HUB, NULL, NULL, NULL);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

static void
test_store_refused (Fixture       *fixture,
                    gconstpointer  user_data)
{
  const char *bad[] = { "", " \r\n", "hf_two words", "hf_tab\tinside" };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      const char *where = "unset";

      g_assert_false (vitrine_credentials_store_token (HUB, bad[i], &where, &error));
      g_assert_error (error, VITRINE_ERROR, VITRINE_ERROR_INVALID_ARGUMENT);
      g_assert_null (where);
      g_assert_null (strstr (error->message, "words"));
      g_assert_null (strstr (error->message, "inside"));
    }

  assert_token (HUB, NULL, NULL, NULL);
}

static void
test_damaged_file (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_autofree char *path = g_build_filename (fixture->config, "vitrine", "tokens", NULL);
  g_autoptr(GError) error = NULL;

  write_file (path, "hf_leakedleakedleaked\n[broken\n");
  assert_token (HUB, NULL, NULL, NULL);

  if (vitrine_credentials_store_token (HUB, "hf_new", NULL, &error))
    {
      /* A keyring took it; forgetting it also reads the damaged file. */
      g_assert_cmpint (g_unlink (path), ==, 0);
      forget (HUB);
      g_test_skip ("A keyring answers on this session bus; the file fallback is not used");
      return;
    }

  g_assert_error (error, VITRINE_ERROR, VITRINE_ERROR_FAILED);
  g_assert_null (strstr (error->message, "leaked"));
}

static void
test_redact (Fixture       *fixture,
             gconstpointer  user_data)
{
  struct {
    const char *token;
    const char *redacted;
  } cases[] = {
    { LONG_TOKEN, "hf_…3456" },
    { "hf_abc", "hf_…" },
    { "hf_abcdefghijk", "hf_…" },
    { "hf_abcdefghijkl", "hf_…ijkl" },
    { "api_org_abcdefghijklmnop", "api_org_…mnop" },
    { "plain-secret-value-9876", "…9876" },
    { "short", "…" },
    { "two words here and more", "…" },
    { "", "(none)" },
    { NULL, "(none)" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *redacted = vitrine_credentials_redact (cases[i].token);

      g_assert_cmpstr (redacted, ==, cases[i].redacted);
    }
}

static void
test_scrub (Fixture       *fixture,
            gconstpointer  user_data)
{
  struct {
    const char *text;
    const char *secret;
  } cases[] = {
    { "Authorization: Bearer " LONG_TOKEN, "abcdefghijklmnopqrstuvwxyz" },
    { "GET /api/whoami-v2\r\nauthorization: bearer  sometokenvalue123\r\n", "sometokenvalue" },
    { "{\"Authorization\":\"Bearer opaque.jwt.value\"}", "opaque.jwt" },
    { "token " LONG_TOKEN " leaked", "abcdefghijklmnopqrstuvwxyz" },
    { "https://user:" LONG_TOKEN "@huggingface.co/x.git", "abcdefghijklmnopqrstuvwxyz" },
    { "api_org_ABCDEFGHIJKLMNOPQRSTU and more", "ABCDEFGHIJKLMNOP" },
  };
  g_autofree char *header = NULL;
  g_autofree char *harmless = NULL;
  g_autofree char *binary = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *scrubbed = vitrine_credentials_scrub (cases[i].text);

      g_assert_nonnull (scrubbed);
      g_assert_null (strstr (scrubbed, cases[i].secret));
    }

  header = vitrine_credentials_scrub ("Authorization: Bearer " LONG_TOKEN);
  g_assert_cmpstr (header, ==, "Authorization: Bearer hf_…3456");

  /* Words that merely start with hf_ are left alone. */
  harmless = vitrine_credentials_scrub ("called hf_hub_download for gpt2");
  g_assert_cmpstr (harmless, ==, "called hf_hub_download for gpt2");

  /* Text that is not UTF-8 is still scrubbed. */
  binary = vitrine_credentials_scrub ("\xff\xfe " LONG_TOKEN);
  g_assert_null (strstr (binary, "abcdefghijklmnop"));

  g_assert_null (vitrine_credentials_scrub (NULL));
}

/* Runs the calling thread's main context until @result is set. */
static void
wait_for (GAsyncResult **result)
{
  while (*result == NULL)
    g_main_context_iteration (NULL, TRUE);
}

static void
test_async (Fixture       *fixture,
            gconstpointer  user_data)
{
  g_autoptr(GAsyncResult) stored = NULL;
  g_autoptr(GAsyncResult) found = NULL;
  g_autoptr(GAsyncResult) forgotten = NULL;
  g_autoptr(GAsyncResult) missing = NULL;
  g_autoptr(GAsyncResult) refused = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *token = NULL;
  g_autofree char *none = NULL;
  const char *where = NULL;
  const char *source = NULL;

  vitrine_credentials_store_token_async (HUB, " " LONG_TOKEN "\n", NULL, test_keep_result_cb, &stored);
  /* Nothing is done on the caller's thread: the result comes later. */
  g_assert_null (stored);
  wait_for (&stored);
  g_assert_true (vitrine_credentials_store_token_finish (stored, &where, &error));
  g_assert_no_error (error);
  g_assert_true (g_str_equal (where, "keyring") || g_str_has_suffix (where, "/vitrine/tokens"));

  vitrine_credentials_lookup_token_async ("HTTPS://huggingface.co/", NULL, NULL, test_keep_result_cb, &found);
  g_assert_null (found);
  wait_for (&found);
  token = vitrine_credentials_lookup_token_finish (found, &source, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (token, ==, LONG_TOKEN);
  g_assert_true (g_str_equal (source, "keyring") || g_str_has_prefix (source, "file "));

  vitrine_credentials_forget_token_async (HUB, NULL, test_keep_result_cb, &forgotten);
  wait_for (&forgotten);
  g_assert_true (vitrine_credentials_forget_token_finish (forgotten, &error));
  g_assert_no_error (error);

  vitrine_credentials_lookup_token_async (HUB, NULL, NULL, test_keep_result_cb, &missing);
  wait_for (&missing);
  source = "unset";
  none = vitrine_credentials_lookup_token_finish (missing, &source, &error);
  g_assert_no_error (error);
  g_assert_null (none);
  g_assert_null (source);

  /* A token that cannot be sent is refused as the synchronous call does. */
  vitrine_credentials_store_token_async (HUB, "hf_two words", NULL, test_keep_result_cb, &refused);
  wait_for (&refused);
  where = "unset";
  g_assert_false (vitrine_credentials_store_token_finish (refused, &where, &error));
  g_assert_error (error, VITRINE_ERROR, VITRINE_ERROR_INVALID_ARGUMENT);
  g_assert_null (where);
}

/* Resolves on a worker thread and waits on this one. */
static gboolean
resolve (const char           *explicit_endpoint,
         const char           *explicit_token,
         VitrineResolveFlags   flags,
         char                **endpoint,
         char                **token,
         GError              **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  vitrine_credentials_resolve_async (explicit_endpoint, explicit_token, flags, NULL,
                                     test_keep_result_cb, &result);
  g_assert_null (result);
  wait_for (&result);
  return vitrine_credentials_resolve_finish (result, endpoint, token, error);
}

static void
test_resolve_async (Fixture       *fixture,
                    gconstpointer  user_data)
{
  g_autofree char *data_dir = g_build_filename (fixture->dir, "hub", NULL);
  g_autofree char *key = NULL;
  g_autofree char *local = NULL;
  g_autoptr(GError) error = NULL;
  char *endpoint = NULL;
  char *token = NULL;

  /* Nothing named, configured or running. */
  g_assert_false (resolve (NULL, NULL, VITRINE_RESOLVE_DEFAULT, &endpoint, &token, &error));
  g_assert_error (error, VITRINE_ERROR, VITRINE_ERROR_NOT_FOUND);
  g_assert_null (endpoint);
  g_assert_null (token);
  g_clear_error (&error);

  /* A local hub runs, with the user's token kept under its folder. */
  g_assert_cmpint (g_mkdir_with_parents (data_dir, 0700), ==, 0);
  g_assert_true (vitrine_discovery_write (LOCAL, data_dir, &error));
  g_assert_no_error (error);
  local = g_canonicalize_filename (data_dir, NULL);
  key = vitrine_credentials_local_hub_token_key (local);
  store (key, "hf_local");
  g_setenv ("HF_TOKEN", "hf_env", TRUE);

  g_assert_true (resolve (NULL, NULL, VITRINE_RESOLVE_DEFAULT, &endpoint, &token, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (endpoint, ==, LOCAL);
  /* HF_TOKEN is for another hub, never for the local one. */
  g_assert_cmpstr (token, ==, "hf_local");
  g_clear_pointer (&endpoint, g_free);
  g_clear_pointer (&token, g_free);

  /* ... but it is not an answer when only a configured hub will do. */
  g_assert_false (resolve (NULL, NULL, VITRINE_RESOLVE_CONFIGURED_ONLY, &endpoint, &token, &error));
  g_assert_error (error, VITRINE_ERROR, VITRINE_ERROR_NOT_FOUND);
  g_assert_null (endpoint);
  g_clear_error (&error);

  /* HF_ENDPOINT wins over the local hub, with the token for it. */
  g_setenv ("HF_ENDPOINT", "https://hub.example.org/", TRUE);
  g_assert_true (resolve (NULL, NULL, VITRINE_RESOLVE_CONFIGURED_ONLY, &endpoint, &token, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (endpoint, ==, "https://hub.example.org");
  g_assert_cmpstr (token, ==, "hf_env");
  g_clear_pointer (&endpoint, g_free);
  g_clear_pointer (&token, g_free);

  g_assert_true (resolve (NULL, NULL, VITRINE_RESOLVE_DEFAULT, &endpoint, &token, &error));
  g_assert_cmpstr (endpoint, ==, "https://hub.example.org");
  g_clear_pointer (&endpoint, g_free);
  g_clear_pointer (&token, g_free);

  /* And a named endpoint and token win over both. */
  g_assert_true (resolve (HUB, "hf_explicit", VITRINE_RESOLVE_CONFIGURED_ONLY, &endpoint, &token, &error));
  g_assert_cmpstr (endpoint, ==, HUB);
  g_assert_cmpstr (token, ==, "hf_explicit");
  g_clear_pointer (&endpoint, g_free);
  g_clear_pointer (&token, g_free);

  forget (key);
  vitrine_discovery_remove ();
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *runtime = NULL;
  int status;

  /* A runtime folder of its own, so no other test's hub is found. */
  runtime = g_dir_make_tmp ("vitrine-credentials-runtime-XXXXXX", NULL);
  g_assert_nonnull (runtime);
  g_setenv ("XDG_RUNTIME_DIR", runtime, TRUE);

  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/hub/credentials/endpoint", test_endpoint);
  ADD ("/hub/credentials/token-file", test_token_file);
  ADD ("/hub/credentials/token-file-paths", test_token_file_paths);
  ADD ("/hub/credentials/precedence", test_precedence);
  ADD ("/hub/credentials/disable-implicit", test_disable_implicit);
  ADD ("/hub/credentials/store-file", test_store_file);
  ADD ("/hub/credentials/store-refused", test_store_refused);
  ADD ("/hub/credentials/damaged-file", test_damaged_file);
  ADD ("/hub/credentials/redact", test_redact);
  ADD ("/hub/credentials/scrub", test_scrub);
  ADD ("/hub/credentials/async", test_async);
  ADD ("/hub/credentials/resolve-async", test_resolve_async);

#undef ADD

  status = g_test_run ();
  test_rm_rf (runtime);
  return status;
}
