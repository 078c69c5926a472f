/* test-account-store.c — signing in to real hubs, with the real GNOME
 * keyring: the token goes to the keyring and never to accounts.json,
 * comes back at the next start, and is gone after signing out; roles in
 * organisations and read-only tokens say where a publish would fail
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <signal.h>
#include <sys/stat.h>

#include "../server/hub-fixture.h"
#include "../test-keyring.h"

#include "vitrine-account-store.h"
#include "vitrine-credentials.h"
#include "vitrine-error.h"
#include "vitrine-error-describe.h"

typedef struct
{
  Hub            hub;        /* alice (write, and a read token), bob, team (alice:write, bob:read) */
  VitrineServer *other;      /* "Other Hub": carol, lab (carol:admin) */
  char          *other_dir;
  char          *other_url;
  char          *carol;
  char          *config;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  const char *members[] = { "carol:admin", NULL };

  hub_setup (&f->hub, NULL);
  f->other_dir = g_build_filename (f->hub.tmp, "other", NULL);
  g_assert_true (vitrine_accounts_add_user (f->other_dir, "carol", &f->carol, &error));
  g_assert_true (vitrine_accounts_add_org (f->other_dir, "lab", members, &error));
  g_assert_no_error (error);
  f->other = vitrine_server_new (f->other_dir);
  g_assert_true (vitrine_server_listen (f->other, "127.0.0.1", 0, &error));
  g_assert_no_error (error);
  f->other_url = vitrine_server_dup_url (f->other);
  f->config = g_build_filename (f->hub.tmp, "config", NULL);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_clear_object (&f->other);
  g_free (f->other_dir);
  g_free (f->other_url);
  g_free (f->carol);
  g_free (f->config);
  hub_teardown (&f->hub, NULL);
}

static void
wait_for (GAsyncResult **result)
{
  while (*result == NULL)
    g_main_context_iteration (NULL, TRUE);
}

/* A store with "This Computer" (alice on the first hub), loaded. */
static VitrineAccountStore *
open_store (Fixture *f)
{
  VitrineAccountStore *store = vitrine_account_store_new (f->config);
  g_autoptr(VitrineClient) local = vitrine_client_new (f->hub.url, f->hub.alice);
  g_autoptr(VitrineAccount) account = vitrine_account_new (VITRINE_ACCOUNT_KIND_LOCAL, local, "alice");
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  vitrine_account_store_set_local_account (store, account);
  vitrine_account_store_load_async (store, NULL, test_keep_result_cb, &result);
  wait_for (&result);
  g_assert_true (vitrine_account_store_load_finish (store, result, &error));
  g_assert_no_error (error);
  return store;
}

static VitrineAccount *
sign_in (VitrineAccountStore  *store,
         const char           *endpoint,
         const char           *token,
         VitrineWhoami       **whoami,
         GError              **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  vitrine_account_store_sign_in_async (store, endpoint, token, NULL, test_keep_result_cb, &result);
  wait_for (&result);
  return vitrine_account_store_sign_in_finish (store, result, whoami, error);
}

static gboolean
sign_out (VitrineAccountStore  *store,
          VitrineAccount       *account,
          GError              **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  vitrine_account_store_sign_out_async (store, account, NULL, test_keep_result_cb, &result);
  wait_for (&result);
  return vitrine_account_store_sign_out_finish (store, result, error);
}

static char *
keyring_lookup (const char *endpoint)
{
  g_autofree char *key = vitrine_credentials_endpoint_key (endpoint);
  const char * const args[] = { "lookup", "endpoint", key, NULL };

  return test_secret_tool (args);
}

static char *
read_accounts_file (VitrineAccountStore *store)
{
  char *text = NULL;
  struct stat st;

  g_assert_true (g_file_get_contents (vitrine_account_store_get_file (store), &text, NULL, NULL));
  g_assert_cmpint (stat (vitrine_account_store_get_file (store), &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  return text;
}

static VitrineAccount *
item (VitrineAccountStore *store,
      guint                position)
{
  VitrineAccount *account = g_list_model_get_item (G_LIST_MODEL (store), position);

  g_object_unref (account);
  return account;
}

/* "Other Hub…": sign in, the token in the keyring and not in the file,
 * the account back at the next start, signed out and the secret gone. */
static void
test_store_other_hub (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(VitrineAccountStore) store = open_store (f);
  g_autoptr(VitrineAccountStore) again = NULL;
  g_autoptr(VitrineAccount) carol = NULL;
  g_autoptr(VitrineWhoami) whoami = NULL;
  g_autoptr(VitrineOrgMembership) lab = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *stored = NULL;
  g_autofree char *text = NULL;
  g_autofree char *why = NULL;
  VitrineAccount *loaded;
  gint64 deadline;

  /* "This Computer" first, and the default. */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, 1);
  g_assert_true (item (store, 0) == vitrine_account_store_get_local_account (store));
  g_assert_true (vitrine_account_store_get_default (store) == vitrine_account_store_get_local_account (store));
  g_assert_true (vitrine_account_get_is_default (item (store, 0)));
  g_assert_null (keyring_lookup (f->other_url));

  carol = sign_in (store, f->other_url, f->carol, &whoami, &error);
  g_assert_no_error (error);
  g_assert_nonnull (carol);
  g_assert_cmpstr (vitrine_whoami_get_name (whoami), ==, "carol");
  g_assert_cmpstr (vitrine_account_get_name (carol), ==, "carol");
  g_assert_cmpstr (vitrine_account_get_fullname (carol), ==, "carol");
  g_assert_cmpint (vitrine_account_get_kind (carol), ==, VITRINE_ACCOUNT_KIND_OTHER);
  g_assert_cmpint (vitrine_account_get_token_role (carol), ==, VITRINE_TOKEN_ROLE_WRITE);
  g_assert_nonnull (vitrine_account_get_token_name (carol));
  g_assert_cmpuint (g_list_model_get_n_items (vitrine_account_get_orgs (carol)), ==, 1);
  lab = g_list_model_get_item (vitrine_account_get_orgs (carol), 0);
  g_assert_cmpstr (vitrine_org_membership_get_name (lab), ==, "lab");
  g_assert_cmpstr (vitrine_org_membership_get_role (lab), ==, "admin");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, 2);
  g_assert_true (item (store, 1) == carol);
  g_assert_true (vitrine_account_store_find (store, f->other_url) == carol);

  /* The token is in the real keyring, under the endpoint. */
  stored = keyring_lookup (f->other_url);
  g_assert_cmpstr (stored, ==, f->carol);

  /* accounts.json: the account, never its token. */
  vitrine_account_store_set_default (store, carol);
  g_assert_true (vitrine_account_get_is_default (carol));
  g_assert_false (vitrine_account_get_is_default (item (store, 0)));
  {
    g_autoptr(GAsyncResult) result = NULL;

    vitrine_account_store_save_async (store, NULL, test_keep_result_cb, &result);
    wait_for (&result);
    g_assert_true (vitrine_account_store_save_finish (store, result, &error));
  }
  text = read_accounts_file (store);
  g_assert_nonnull (strstr (text, f->other_url));
  g_assert_nonnull (strstr (text, "\"carol\""));
  g_assert_nonnull (strstr (text, "\"other\""));
  g_assert_null (strstr (text, f->carol));
  g_assert_null (strstr (text, f->hub.alice));

  /* The next start: the account, its token from the keyring, its roles
   * asked of its hub again, and still the default. */
  again = open_store (f);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (again)), ==, 2);
  loaded = item (again, 1);
  g_assert_cmpstr (vitrine_account_get_endpoint (loaded), ==, f->other_url);
  g_assert_cmpstr (vitrine_account_get_name (loaded), ==, "carol");
  g_assert_true (vitrine_client_has_token (vitrine_account_get_client (loaded)));
  g_assert_true (vitrine_account_store_get_default (again) == loaded);
  deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;
  while (vitrine_account_get_token_role (loaded) == VITRINE_TOKEN_ROLE_UNKNOWN)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
  g_assert_true (vitrine_account_can_write (loaded, "carol", NULL));
  g_assert_true (vitrine_account_can_write (loaded, "lab", NULL));
  g_assert_false (vitrine_account_can_write (loaded, "alice", &why));
  g_assert_nonnull (strstr (why, "pull request"));

  /* Signing out: the secret leaves the keyring, the account the list and
   * the file, and "This Computer" is the default again. */
  g_assert_true (sign_out (again, loaded, &error));
  g_assert_no_error (error);
  g_assert_null (keyring_lookup (f->other_url));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (again)), ==, 1);
  g_assert_true (vitrine_account_store_get_default (again) == vitrine_account_store_get_local_account (again));
  g_clear_pointer (&text, g_free);
  text = read_accounts_file (again);
  g_assert_null (strstr (text, f->other_url));

  /* "This Computer" cannot be signed out of. */
  g_assert_false (sign_out (again, vitrine_account_store_get_local_account (again), &error));
  g_assert_error (error, VITRINE_ERROR, VITRINE_ERROR_INVALID_ARGUMENT);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (again)), ==, 1);
}

/* A refused token keeps nothing. */
static void
test_store_refused (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(VitrineAccountStore) store = open_store (f);
  g_autoptr(VitrineAccount) account = NULL;
  g_autoptr(GError) error = NULL;

  account = sign_in (store, f->other_url, "hf_notatokenofthishub", NULL, &error);
  g_assert_null (account);
  g_assert_error (error, VITRINE_ERROR, VITRINE_ERROR_UNAUTHORIZED);
  g_assert_null (keyring_lookup (f->other_url));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, 1);
  g_assert_false (g_file_test (vitrine_account_store_get_file (store), G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  account = sign_in (store, "not a url", f->carol, NULL, &error);
  g_assert_null (account);
  g_assert_error (error, VITRINE_ERROR, VITRINE_ERROR_INVALID_ARGUMENT);
}

/* Organisation roles and token roles decide where a publish may go, and
 * a read-only token is told before the hub's 403. */
static void
test_store_roles (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(VitrineAccountStore) store = open_store (f);
  g_autoptr(VitrineAccount) alice = NULL;
  g_autoptr(VitrineAccount) reader = NULL;
  g_autoptr(VitrineAccount) bob = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autofree char *why = NULL;
  g_autofree char *title = NULL;
  g_autofree char *hint = NULL;
  g_autofree char *url = NULL;
  g_auto(GStrv) owners = NULL;

  alice = sign_in (store, f->hub.url, f->hub.alice, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (vitrine_account_get_token_role (alice), ==, VITRINE_TOKEN_ROLE_WRITE);
  g_assert_true (vitrine_account_can_write (alice, "alice", NULL));
  g_assert_true (vitrine_account_can_write (alice, "team", NULL));
  g_assert_false (vitrine_account_can_write (alice, "bob", NULL));
  owners = vitrine_account_dup_owners (alice);
  g_assert_cmpuint (g_strv_length (owners), ==, 2);
  g_assert_cmpstr (owners[0], ==, "alice");
  g_assert_cmpstr (owners[1], ==, "team");

  /* The same hub with a read token replaces the account. */
  reader = sign_in (store, f->hub.url, f->hub.alice_ro, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, 2);
  g_assert_true (vitrine_account_store_find (store, f->hub.url) == reader);
  g_assert_cmpint (vitrine_account_get_token_role (reader), ==, VITRINE_TOKEN_ROLE_READ);
  g_assert_false (vitrine_account_can_write (reader, "alice", &why));
  g_assert_nonnull (strstr (why, "only read"));
  g_clear_pointer (&why, g_free);

  /* What the hub answers to that token, described the same way. */
  vitrine_client_create_repo_async (vitrine_account_get_client (reader), VITRINE_REPO_TYPE_MODEL, "alice/refused",
                                    FALSE, NULL, TRUE, NULL, test_keep_result_cb, &result);
  wait_for (&result);
  url = vitrine_client_create_repo_finish (vitrine_account_get_client (reader), result, &error);
  g_assert_null (url);
  g_assert_error (error, VITRINE_ERROR, VITRINE_ERROR_FORBIDDEN);
  vitrine_error_describe_for_publish (error, &title, &hint);
  g_assert_nonnull (strstr (title, "can only read"));
  g_assert_nonnull (strstr (hint, "write role"));
  g_clear_error (&error);

  /* bob reads in team: his own namespace yes, team no. */
  bob = sign_in (store, f->hub.url, f->hub.bob, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (vitrine_account_can_write (bob, "bob", NULL));
  g_assert_false (vitrine_account_can_write (bob, "team", &why));
  g_assert_nonnull (strstr (why, "team"));
  g_clear_pointer (&owners, g_strfreev);
  owners = vitrine_account_dup_owners (bob);
  g_assert_cmpuint (g_strv_length (owners), ==, 1);
}

/* A fine-grained token writes where it was allowed to. */
static void
test_fine_grained (void)
{
  const char *json =
    "{\"type\": \"user\", \"name\": \"dana\", \"fullname\": \"Dana D.\","
    " \"orgs\": [{\"type\": \"org\", \"name\": \"lab\", \"roleInOrg\": \"write\"},"
    "            {\"type\": \"org\", \"name\": \"club\", \"roleInOrg\": \"contributor\"}],"
    " \"auth\": {\"type\": \"access_token\", \"accessToken\": {\"displayName\": \"laptop\","
    "  \"role\": \"fineGrained\", \"fineGrained\": {\"global\": [\"discussion.write\"],"
    "  \"scoped\": [{\"entity\": {\"type\": \"org\", \"name\": \"lab\"}, \"permissions\": [\"repo.content.read\", \"repo.write\"]},"
    "              {\"entity\": {\"type\": \"user\", \"name\": \"dana\"}, \"permissions\": [\"repo.content.read\"]}]}}}}";
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(VitrineWhoami) whoami = NULL;
  g_autoptr(VitrineClient) client = vitrine_client_new ("https://huggingface.co", "hf_x");
  g_autoptr(VitrineAccount) account = vitrine_account_new_for_client (client, NULL);
  g_autofree char *why = NULL;

  /* Before the hub was asked, the hub decides. */
  g_assert_true (vitrine_account_can_write (account, "anyone", NULL));

  g_assert_true (json_parser_load_from_data (parser, json, -1, NULL));
  whoami = vitrine_whoami_new_from_json (json_node_get_object (json_parser_get_root (parser)));
  vitrine_account_set_whoami (account, whoami);
  g_assert_cmpstr (vitrine_account_get_name (account), ==, "dana");
  g_assert_cmpstr (vitrine_account_get_fullname (account), ==, "Dana D.");
  g_assert_cmpstr (vitrine_account_get_token_name (account), ==, "laptop");
  g_assert_cmpint (vitrine_account_get_token_role (account), ==, VITRINE_TOKEN_ROLE_FINE_GRAINED);
  g_assert_true (vitrine_account_can_write (account, "lab", NULL));
  g_assert_false (vitrine_account_can_write (account, "dana", &why));
  g_assert_nonnull (strstr (why, "fine-grained"));
  g_assert_false (vitrine_account_can_write (account, "club", NULL));
}

/* A token the Hub's own tools left: HF_TOKEN, then the token file; only
 * for huggingface.co. */
static void
test_importable_token (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *hf_home = g_build_filename (f->hub.tmp, "hf-home", NULL);
  g_autofree char *token_file = g_build_filename (hf_home, "token", NULL);
  struct {
    const char *endpoint;
    const char *token;
    const char *where;
  } cases[3];

  g_setenv ("HF_TOKEN", "hf_fromtheenvironment", TRUE);
  g_setenv ("HF_HOME", hf_home, TRUE);
  g_mkdir_with_parents (hf_home, 0700);
  g_assert_true (g_file_set_contents (token_file, "hf_fromthefile\n", -1, NULL));

  cases[0].endpoint = "https://huggingface.co";
  cases[0].token = "hf_fromtheenvironment";
  cases[0].where = "HF_TOKEN";
  cases[1].endpoint = "https://huggingface.co/";
  cases[1].token = "hf_fromthefile";
  cases[1].where = token_file;
  cases[2].endpoint = f->other_url;
  cases[2].token = NULL;
  cases[2].where = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GAsyncResult) result = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *token = NULL;
      g_autofree char *where = NULL;

      if (i == 1)
        g_unsetenv ("HF_TOKEN");
      vitrine_account_store_find_importable_token_async (cases[i].endpoint, NULL, test_keep_result_cb, &result);
      wait_for (&result);
      token = vitrine_account_store_find_importable_token_finish (result, &where, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (token, ==, cases[i].token);
      g_assert_cmpstr (where, ==, cases[i].where);
    }
  g_unsetenv ("HF_HOME");
}

int
main (int   argc,
      char *argv[])
{
  GSubprocess *keyring;
  int status;

  g_test_init (&argc, &argv, NULL);

  keyring = test_keyring_start ();

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/client/account-store/other-hub", test_store_other_hub);
  ADD ("/client/account-store/refused", test_store_refused);
  ADD ("/client/account-store/roles", test_store_roles);
  ADD ("/client/account-store/importable-token", test_importable_token);
#undef ADD
  g_test_add_func ("/client/account-store/fine-grained", test_fine_grained);

  status = g_test_run ();
  test_keyring_stop (keyring);
  return status;
}
