/* test-account.c — accounts: what they are, how they are shown, and the
 * user's name asked of a real hub
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "../server/hub-fixture.h"

#include "vitrine-account.h"
#include "vitrine-error.h"

static void
count_cb (GObject    *object,
          GParamSpec *pspec,
          gpointer    user_data)
{
  (*(guint *) user_data)++;
}

static void
test_account_kinds (void)
{
  g_autoptr(VitrineClient) hf = vitrine_client_new ("https://huggingface.co", "hf_token");
  g_autoptr(VitrineClient) other = vitrine_client_new ("http://Hub.Example.org:8080", NULL);
  g_autoptr(VitrineClient) local = vitrine_client_new ("http://127.0.0.1:41234", "hf_local");
  g_autoptr(VitrineAccount) hf_account = vitrine_account_new_for_client (hf, NULL);
  g_autoptr(VitrineAccount) other_account = vitrine_account_new_for_client (other, "bob");
  g_autoptr(VitrineAccount) local_account = vitrine_account_new (VITRINE_ACCOUNT_KIND_LOCAL, local, "me");
  g_autoptr(VitrineClient) bound = NULL;
  g_autofree char *endpoint = NULL;
  VitrineAccountKind kind = VITRINE_ACCOUNT_KIND_LOCAL;
  guint names = 0;
  guint labels = 0;

  g_assert_cmpint (vitrine_account_get_kind (hf_account), ==, VITRINE_ACCOUNT_KIND_HUGGING_FACE);
  g_assert_cmpstr (vitrine_account_get_endpoint (hf_account), ==, "https://huggingface.co");
  g_assert_true (vitrine_account_get_client (hf_account) == hf);
  g_assert_null (vitrine_account_get_name (hf_account));
  g_assert_cmpstr (vitrine_account_get_label (hf_account), ==, "huggingface.co");

  /* Once the name is known, the label says it, and both say they changed. */
  g_signal_connect (hf_account, "notify::name", G_CALLBACK (count_cb), &names);
  g_signal_connect (hf_account, "notify::label", G_CALLBACK (count_cb), &labels);
  vitrine_account_set_name (hf_account, "alice");
  g_assert_cmpstr (vitrine_account_get_label (hf_account), ==, "alice — huggingface.co");
  g_assert_cmpuint (names, ==, 1);
  g_assert_cmpuint (labels, ==, 1);
  vitrine_account_set_name (hf_account, "alice");
  g_assert_cmpuint (names, ==, 1);
  g_assert_cmpuint (labels, ==, 1);

  g_assert_cmpint (vitrine_account_get_kind (other_account), ==, VITRINE_ACCOUNT_KIND_OTHER);
  g_assert_cmpstr (vitrine_account_get_label (other_account), ==, "bob — hub.example.org:8080");

  /* This computer's hub is shown as such, whoever the user is there. */
  g_assert_cmpint (vitrine_account_get_kind (local_account), ==, VITRINE_ACCOUNT_KIND_LOCAL);
  g_assert_cmpstr (vitrine_account_get_label (local_account), ==, "This Computer");
  g_assert_cmpstr (vitrine_account_get_name (local_account), ==, "me");

  /* The same, as properties a window binds to. */
  g_object_get (local_account,
                "kind", &kind,
                "endpoint", &endpoint,
                "client", &bound,
                NULL);
  g_assert_cmpint (kind, ==, VITRINE_ACCOUNT_KIND_LOCAL);
  g_assert_cmpstr (endpoint, ==, "http://127.0.0.1:41234");
  g_assert_true (bound == local);
}

static void
test_account_refresh (Hub           *hub,
                      gconstpointer  data)
{
  g_autoptr(VitrineClient) client = vitrine_client_new (hub->url, hub->bob);
  g_autoptr(VitrineClient) stranger = vitrine_client_new (hub->url, "hf_notatokenofthishub");
  g_autoptr(VitrineAccount) account = vitrine_account_new_for_client (client, NULL);
  g_autoptr(VitrineAccount) unknown = vitrine_account_new_for_client (stranger, NULL);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GAsyncResult) refused = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *label = NULL;
  guint labels = 0;

  g_signal_connect (account, "notify::label", G_CALLBACK (count_cb), &labels);
  vitrine_account_refresh_async (account, NULL, test_keep_result_cb, &result);
  while (!test_has_result (&result))
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (vitrine_account_refresh_finish (account, result, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (vitrine_account_get_name (account), ==, "bob");
  label = g_strdup_printf ("bob — %s", hub->url + strlen ("http://"));
  g_assert_cmpstr (vitrine_account_get_label (account), ==, label);
  g_assert_cmpuint (labels, ==, 1);

  vitrine_client_set_retry (stranger, 0, 0, 0);
  vitrine_account_refresh_async (unknown, NULL, test_keep_result_cb, &refused);
  while (!test_has_result (&refused))
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (vitrine_account_refresh_finish (unknown, refused, &error));
  g_assert_error (error, VITRINE_ERROR, VITRINE_ERROR_UNAUTHORIZED);
  g_assert_null (vitrine_account_get_name (unknown));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/client/account/kinds", test_account_kinds);
  g_test_add ("/client/account/refresh", Hub, NULL, hub_setup, test_account_refresh, hub_teardown);

  return g_test_run ();
}
