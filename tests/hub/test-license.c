/* test-license.c — every license of the Hub's list, with a name and a
 * sentence of ours on what it allows, in English and in French
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <string.h>
#include <glib/gi18n.h>

#include "vitrine-card-rules.h"
#include "vitrine-license.h"

static void
test_license_list (void)
{
  g_autoptr(GListModel) list = vitrine_license_list_new ();
  const char * const *ids = vitrine_card_licenses ();
  g_autoptr(GHashTable) descriptions = g_hash_table_new (g_str_hash, g_str_equal);
  guint n = g_list_model_get_n_items (list);

  g_assert_cmpuint (n, ==, g_strv_length ((char **) ids));
  g_assert_cmpuint (n, >=, 80);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(VitrineLicense) license = g_list_model_get_item (list, i);
      const char *description = vitrine_license_get_description (license);
      g_autofree char *name = NULL;

      g_assert_cmpstr (vitrine_license_get_id (license), ==, ids[i]);
      if (!_vitrine_license_describes (ids[i]))
        g_error ("%s has no sentence of its own", ids[i]);
      g_object_get (license, "name", &name, NULL);
      g_assert_cmpstr (name, ==, vitrine_license_get_name (license));
      g_assert_cmpuint (strlen (name), >, 2);
      /* One plain sentence. */
      g_assert_cmpuint (strlen (description), >, 20);
      g_assert_cmpuint (g_utf8_strlen (description, -1), <, 200);
      g_assert_true (g_str_has_suffix (description, "."));
      g_assert_null (strchr (description, '\n'));
      g_assert_cmpint (vitrine_license_get_needs_details (license), ==, g_str_equal (ids[i], "other"));
      g_hash_table_add (descriptions, (gpointer) description);
    }
  /* Licenses that differ are told apart. */
  g_assert_cmpuint (g_hash_table_size (descriptions), >=, 40);
}

static void
test_license_lookup (void)
{
  g_autoptr(VitrineLicense) mit = vitrine_license_lookup ("mit");
  g_autoptr(VitrineLicense) nc = vitrine_license_lookup ("cc-by-nc-4.0");
  g_autoptr(VitrineLicense) other = vitrine_license_lookup ("other");
  g_autoptr(VitrineLicense) none = vitrine_license_lookup ("not-a-license");

  g_assert_cmpstr (vitrine_license_get_name (mit), ==, "MIT License");
  g_assert_nonnull (strstr (vitrine_license_get_description (mit), "commercially"));
  g_assert_nonnull (strstr (vitrine_license_get_description (nc), "not for commercial use"));
  g_assert_true (vitrine_license_get_needs_details (other));
  g_assert_nonnull (strstr (vitrine_license_get_description (other), "name and a link"));
  g_assert_null (none);
  g_assert_null (vitrine_license_lookup (NULL));
}

/* Every sentence has its French translation. */
static void
test_license_french (void)
{
  const char *localedir = g_getenv ("VITRINE_LOCALEDIR");
  g_autoptr(GListModel) english = vitrine_license_list_new ();
  g_autoptr(GListModel) french = NULL;
  g_autofree char *old = g_strdup (setlocale (LC_ALL, NULL));

  g_assert_nonnull (localedir);
  /* The French locale must exist; build-aux/setup.sh generates it. */
  g_setenv ("LANGUAGE", "fr", TRUE);
  g_assert_cmpstr (setlocale (LC_ALL, "fr_FR.UTF-8"), ==, "fr_FR.UTF-8");
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  french = vitrine_license_list_new ();
  for (guint i = 0; i < g_list_model_get_n_items (english); i++)
    {
      g_autoptr(VitrineLicense) en = g_list_model_get_item (english, i);
      g_autoptr(VitrineLicense) fr = g_list_model_get_item (french, i);

      if (g_str_equal (vitrine_license_get_description (en), vitrine_license_get_description (fr)))
        g_error ("%s is not translated", vitrine_license_get_id (en));
    }
  {
    g_autoptr(VitrineLicense) other = vitrine_license_lookup ("other");

    g_assert_cmpstr (vitrine_license_get_name (other), ==, "Autre");
  }
  setlocale (LC_ALL, old);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/hub/license/list", test_license_list);
  g_test_add_func ("/hub/license/lookup", test_license_lookup);
  g_test_add_func ("/hub/license/french", test_license_french);

  return g_test_run ();
}
