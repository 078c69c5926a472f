/* test-translation.c — with a French locale, the window speaks French
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <adwaita.h>
#include <glib/gi18n.h>

#include "vitrine-application.h"
#include "vitrine-publish-view.h"
#include "vitrine-window.h"

static void
test_translation_french_window (void)
{
  g_autoptr(VitrineApplication) app = NULL;
  g_autoptr(GError) error = NULL;
  VitrineWindow *window;
  AdwStatusPage *status;
  GtkLabel *account;

  app = vitrine_application_new ("io.github.vitrine.Vitrine.TestFr", G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

  window = vitrine_window_new (app);
  status = ADW_STATUS_PAGE (gtk_widget_get_template_child (vitrine_window_get_publish_view (window),
                                                           VITRINE_TYPE_PUBLISH_VIEW, "publish_status"));
  account = GTK_LABEL (gtk_widget_get_template_child (GTK_WIDGET (window), VITRINE_TYPE_WINDOW,
                                                      "account_label"));

  g_assert_cmpstr (adw_status_page_get_title (status), ==, "Publier un modèle");
  g_assert_cmpstr (gtk_label_get_label (account), ==, "Cet ordinateur");

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  const char *localedir = g_getenv ("VITRINE_LOCALEDIR");

  /* The French locale must exist; build-aux/setup.sh generates it. */
  g_setenv ("LANGUAGE", "fr", TRUE);
  g_setenv ("LC_ALL", "fr_FR.UTF-8", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  g_set_prgname ("vitrine-test");
  /* gtk_test_init() forces the C locale; ask for French again. */
  g_assert_cmpstr (setlocale (LC_ALL, "fr_FR.UTF-8"), ==, "fr_FR.UTF-8");

  g_assert_nonnull (localedir);
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  adw_init ();

  g_test_add_func ("/app/translation/french-window", test_translation_french_window);

  return g_test_run ();
}
