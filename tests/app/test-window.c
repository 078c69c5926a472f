/* test-window.c — the main window, its areas and its state, in a real X server
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include <glib/gstdio.h>
#include <string.h>

#include "../test-util.h"

#include "vitrine-application.h"
#include "vitrine-card-editor.h"
#include "vitrine-history-page.h"
#include "vitrine-demos-page.h"
#include "vitrine-preferences-window.h"
#include "vitrine-publish-view.h"
#include "vitrine-renderer.h"
#include "vitrine-settings.h"
#include "vitrine-spinner.h"
#include "vitrine-window.h"

static VitrineApplication *app;

static void
iterate_until_idle (void)
{
  for (guint i = 0; i < 50 && g_main_context_pending (NULL); i++)
    g_main_context_iteration (NULL, FALSE);
}

static gpointer
template_child (gpointer    window,
                const char *name)
{
  GObject *child = gtk_widget_get_template_child (GTK_WIDGET (window), VITRINE_TYPE_WINDOW, name);

  /* The History area's empty state is its page's own. */
  if (child == NULL)
    child = gtk_widget_get_template_child (vitrine_window_get_history_page (window), VITRINE_TYPE_HISTORY_PAGE, name);
  g_assert_nonnull (child);
  return child;
}

static gpointer
demos_child (GtkWidget  *page,
             const char *name)
{
  GObject *child = gtk_widget_get_template_child (page, VITRINE_TYPE_DEMOS_PAGE, name);

  g_assert_nonnull (child);
  return child;
}

/* A widget of the Publish area's. */
static gpointer
publish_child (gpointer    window,
               const char *name)
{
  GtkWidget *view = vitrine_window_get_publish_view (window);
  GObject *child = gtk_widget_get_template_child (view, VITRINE_TYPE_PUBLISH_VIEW, name);

  g_assert_nonnull (child);
  return child;
}

static VitrineWindow *
open_window (void)
{
  VitrineWindow *window = vitrine_window_new (app);

  gtk_window_present (GTK_WINDOW (window));
  while (!gtk_widget_get_mapped (GTK_WIDGET (window)))
    g_main_context_iteration (NULL, TRUE);
  iterate_until_idle ();
  return window;
}

static void
close_window (VitrineWindow *window)
{
  gtk_window_close (GTK_WINDOW (window));
  iterate_until_idle ();
}

static void
test_window_areas (void)
{
  static const struct {
    const char *name;
    const char *title;
    const char *status_id;
    const char *status_title;
    const char *button_id;
  } expected[] = {
    { "publish", "_Publish", "publish_status", "Publish a Model", "choose_folder_button" },
    { "history", "_History", "history_status", "No Versions Yet", "history_publish_button" },
    { "demos", "_Demos", "empty_status", "No Demo Running", "create_demo_button" },
  };
  VitrineWindow *window = open_window ();
  AdwViewStack *stack = template_child (window, "stack");
  AdwViewSwitcherTitle *switcher = template_child (window, "switcher_title");
  g_autoptr(GtkSelectionModel) pages = adw_view_stack_get_pages (stack);

  g_assert_true (adw_view_switcher_title_get_stack (switcher) == stack);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (pages)), ==, 3);

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autoptr(AdwViewStackPage) page = g_list_model_get_item (G_LIST_MODEL (pages), i);
      /* Publish and Demos are pages of their own, empty until a folder
       * or a demo is chosen; History finds its own children. */
      GtkWidget *demos = i == 2 ? vitrine_window_get_demos_page (window) : NULL;
      AdwStatusPage *status = i == 0 ? publish_child (window, expected[i].status_id)
                              : demos != NULL ? demos_child (demos, expected[i].status_id)
                              : template_child (window, expected[i].status_id);
      GtkWidget *button = i == 0 ? publish_child (window, expected[i].button_id)
                          : demos != NULL ? demos_child (demos, expected[i].button_id)
                          : template_child (window, expected[i].button_id);

      g_assert_cmpstr (adw_view_stack_page_get_name (page), ==, expected[i].name);
      g_assert_cmpstr (adw_view_stack_page_get_title (page), ==, expected[i].title);
      g_assert_nonnull (adw_view_stack_page_get_icon_name (page));
      /* Publish shows its empty state until a folder is open, with the
       * publishes under it. */
      if (i == 0)
        {
          GtkStack *publish = publish_child (window, "publish_stack");

          g_assert_true (adw_view_stack_page_get_child (page) == vitrine_window_get_publish_view (window));
          g_assert_true (gtk_stack_get_visible_child (publish) == GTK_WIDGET (status));
          g_assert_true (gtk_widget_get_parent (button) == adw_status_page_get_child (status));
          g_assert_true (gtk_widget_get_parent (publish_child (window, "queue_view")) != NULL);
          g_assert_true (gtk_widget_is_ancestor (publish_child (window, "queue_view"), GTK_WIDGET (status)));
        }
      /* History too, until there is an account with repositories. */
      else if (i == 1)
        {
          GtkWidget *history = vitrine_window_get_history_page (window);
          GtkStack *history_stack = GTK_STACK (gtk_widget_get_template_child (history, VITRINE_TYPE_HISTORY_PAGE,
                                                                              "stack"));

          g_assert_true (adw_view_stack_page_get_child (page) == history);
          g_assert_true (gtk_stack_get_visible_child (history_stack) == GTK_WIDGET (status));
        }
      else if (demos != NULL)
        {
          g_assert_true (adw_view_stack_page_get_child (page) == demos);
          g_assert_cmpstr (vitrine_demos_page_get_shown (VITRINE_DEMOS_PAGE (demos)), ==, "empty");
        }
      else
        {
          g_assert_true (adw_view_stack_page_get_child (page) == GTK_WIDGET (status));
          g_assert_true (adw_status_page_get_child (status) == button);
        }

      /* Each area is an empty state that says what it is for, and offers
       * its main action. */
      g_assert_cmpstr (adw_status_page_get_title (status), ==, expected[i].status_title);
      g_assert_nonnull (gtk_actionable_get_action_name (GTK_ACTIONABLE (button)));

      /* Every area can be reached and shows its page. */
      vitrine_window_set_area (window, expected[i].name);
      /* Shown once laid out (the Demos area's panes need a size). */
      {
        gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

        while (!gtk_widget_is_drawable (GTK_WIDGET (status)) && g_get_monotonic_time () < deadline)
          g_main_context_iteration (NULL, TRUE);
      }
      g_assert_true (gtk_widget_is_drawable (GTK_WIDGET (status)));
    }

  /* The account switcher shows the only account there is yet. */
  g_assert_cmpstr (gtk_label_get_label (template_child (window, "account_label")), ==, "This Computer");
  g_assert_nonnull (gtk_menu_button_get_menu_model (template_child (window, "account_button")));

  close_window (window);
}

static void
test_window_actions (void)
{
  VitrineWindow *window = open_window ();
  GtkWidget *history_button = template_child (window, "history_publish_button");
  g_auto(GStrv) quit_accels = NULL;
  g_auto(GStrv) prefs_accels = NULL;
  gboolean found[3] = { FALSE, FALSE, FALSE };
  static const char *areas[] = { "publish", "history", "demos" };

  /* The history page's button leads to Publish. */
  vitrine_window_set_area (window, "history");
  g_assert_true (gtk_widget_is_sensitive (history_button));
  g_signal_emit_by_name (history_button, "clicked");
  iterate_until_idle ();
  g_assert_cmpstr (vitrine_window_get_area (window), ==, "publish");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-area", "s", "demos"));
  g_assert_cmpstr (vitrine_window_get_area (window), ==, "demos");

  /* Ctrl+1, Ctrl+2 and Ctrl+3 are bound to the three areas. */
  for (guint a = 0; a < G_N_ELEMENTS (areas); a++)
    {
      g_autofree char *accel = g_strdup_printf ("<Control>%u", a + 1);
      g_autofree char *want = g_strdup_printf ("win.show-area::%s", areas[a]);
      g_auto(GStrv) actions = gtk_application_get_actions_for_accel (GTK_APPLICATION (app), accel);

      found[a] = actions != NULL && g_strv_contains ((const char * const *) actions, want);
    }
  g_assert_true (found[0] && found[1] && found[2]);

  /* Application actions and their keys. */
  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (app), "quit"));
  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (app), "about"));
  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (app), "preferences"));
  quit_accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "app.quit");
  prefs_accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "app.preferences");
  g_assert_true (g_strv_contains ((const char * const *) quit_accels, "<Control>q"));
  g_assert_true (g_strv_contains ((const char * const *) prefs_accels, "<Control>comma"));

  /* Create a Demo for a Model takes the model's id, as the other areas
   * give it (or "" to ask for one). */
  {
    GtkWidgetClass *klass = GTK_WIDGET_GET_CLASS (window);
    gboolean create_demo = FALSE;
    const char *name;
    const GVariantType *type;
    GType owner;
    const char *property;

    for (guint i = 0; gtk_widget_class_query_action (klass, i, &owner, &name, &type, &property); i++)
      if (g_str_equal (name, "win.create-demo"))
        {
          g_assert_nonnull (type);
          g_assert_true (g_variant_type_equal (type, G_VARIANT_TYPE_STRING));
          create_demo = TRUE;
        }
    g_assert_true (create_demo);
  }

  /* The keyboard shortcuts window comes from the resources. */
  g_assert_nonnull (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window)));
  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (window), "show-help-overlay"));

  close_window (window);
}

static void
test_window_state_saved (void)
{
  g_autoptr(GSettings) state = g_settings_new (VITRINE_SETTINGS_STATE_SCHEMA);
  VitrineWindow *window = open_window ();
  int width;
  int height;

  gtk_window_set_default_size (GTK_WINDOW (window), 900, 640);
  vitrine_window_set_area (window, "demos");
  close_window (window);

  g_settings_get (state, VITRINE_STATE_WINDOW_SIZE, "(ii)", &width, &height);
  g_assert_cmpint (width, ==, 900);
  g_assert_cmpint (height, ==, 640);
  g_assert_cmpint (g_settings_get_enum (state, VITRINE_STATE_AREA), ==, 2);

  /* A new window comes back as the last one was left. */
  window = open_window ();
  gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
  g_assert_cmpint (width, ==, 900);
  g_assert_cmpint (height, ==, 640);
  g_assert_cmpstr (vitrine_window_get_area (window), ==, "demos");
  close_window (window);

  g_settings_reset (state, VITRINE_STATE_WINDOW_SIZE);
  g_settings_reset (state, VITRINE_STATE_AREA);
}

static void
test_window_preferences (void)
{
  GSettings *settings = vitrine_application_get_settings (app);
  AdwStyleManager *style = adw_style_manager_get_default ();
  VitrineWindow *window = open_window ();
  VitrinePreferencesWindow *prefs = NULL;
  AdwComboRow *style_row;
  GtkSwitch *private_switch;

  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  iterate_until_idle ();

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l; l = l->next)
    if (VITRINE_IS_PREFERENCES_WINDOW (l->data))
      prefs = l->data;
  g_assert_nonnull (prefs);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (prefs)) == GTK_WINDOW (window));

  /* The system's style is followed unless the user picks one. */
  g_assert_cmpint (adw_style_manager_get_color_scheme (style), ==, ADW_COLOR_SCHEME_DEFAULT);

  style_row = ADW_COMBO_ROW (gtk_widget_get_template_child (GTK_WIDGET (prefs),
                                                            VITRINE_TYPE_PREFERENCES_WINDOW,
                                                            "style_row"));
  adw_combo_row_set_selected (style_row, 2);
  g_assert_cmpint (g_settings_get_enum (settings, VITRINE_PREFS_STYLE), ==, 2);
  g_assert_cmpint (adw_style_manager_get_color_scheme (style), ==, ADW_COLOR_SCHEME_FORCE_DARK);

  /* And the other way: a settings change moves the row. */
  g_settings_set_enum (settings, VITRINE_PREFS_STYLE, 1);
  g_assert_cmpuint (adw_combo_row_get_selected (style_row), ==, 1);
  g_assert_cmpint (adw_style_manager_get_color_scheme (style), ==, ADW_COLOR_SCHEME_FORCE_LIGHT);
  g_settings_reset (settings, VITRINE_PREFS_STYLE);
  g_assert_cmpint (adw_style_manager_get_color_scheme (style), ==, ADW_COLOR_SCHEME_DEFAULT);

  private_switch = GTK_SWITCH (gtk_widget_get_template_child (GTK_WIDGET (prefs),
                                                              VITRINE_TYPE_PREFERENCES_WINDOW,
                                                              "private_switch"));
  g_assert_true (gtk_switch_get_active (private_switch));
  gtk_switch_set_active (private_switch, FALSE);
  g_assert_false (g_settings_get_boolean (settings, VITRINE_PREFS_NEW_REPOS_PRIVATE));
  g_settings_reset (settings, VITRINE_PREFS_NEW_REPOS_PRIVATE);
  gtk_window_destroy (GTK_WINDOW (prefs));
  iterate_until_idle ();

  /* The account menu's Manage Accounts… opens them at their Accounts
   * page. */
  prefs = NULL;
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.manage-accounts", NULL));
  iterate_until_idle ();
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l; l = l->next)
    if (VITRINE_IS_PREFERENCES_WINDOW (l->data))
      prefs = l->data;
  g_assert_nonnull (prefs);
  g_assert_cmpstr (adw_preferences_window_get_visible_page_name (ADW_PREFERENCES_WINDOW (prefs)), ==, "accounts");

  gtk_window_destroy (GTK_WINDOW (prefs));
  close_window (window);
}

/* Choosing a folder opens the publish wizard on it, with its card; a file
 * does not. */
static void
test_window_open_folder (void)
{
  VitrineWindow *window = open_window ();
  GtkStack *publish = publish_child (window, "publish_stack");
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("vitrine-window-XXXXXX", &error);
  g_autofree char *readme = g_build_filename (dir, "README.md", NULL);
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  g_autoptr(GFile) file = g_file_new_for_path (readme);
  g_autofree char *text = NULL;

  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (readme, "---\nlicense: mit\n---\n# Hello\n", -1, NULL));
  vitrine_window_set_area (window, "demos");

  g_assert_false (vitrine_window_open_folder (window, file));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (publish), ==, "empty");

  g_assert_true (vitrine_window_open_folder (window, folder));
  g_assert_cmpstr (vitrine_window_get_area (window), ==, "publish");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (publish), ==, "wizard");
  text = vitrine_card_editor_get_text (VITRINE_CARD_EDITOR (vitrine_window_get_card_editor (window)));
  g_assert_cmpstr (text, ==, "---\nlicense: mit\n---\n# Hello\n");

  /* Ctrl+O chooses a folder. */
  {
    g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "win.choose-folder");
    g_assert_true (g_strv_contains ((const char * const *) accels, "<Control>o"));
  }

  close_window (window);
  g_unlink (readme);
  g_rmdir (dir);
}

/* The window is drawn by the renderer GTK picked (tests/meson.build says
 * which one each build runs with), and the drawing has content. */
static void
test_window_renders (void)
{
  VitrineWindow *window = open_window ();
  GskRenderer *renderer = gtk_native_get_renderer (GTK_NATIVE (window));
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (GTK_WIDGET (window));
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree guchar *pixels = NULL;
  const char *debug = g_getenv ("GDK_DEBUG");
  int width, height;
  gsize stride, distinct = 0;
  guint32 first;

  g_assert_nonnull (renderer);
  g_test_message ("renderer: %s", G_OBJECT_TYPE_NAME (renderer));
  if (debug != NULL && strstr (debug, "gl-disable") != NULL)
    g_assert_cmpstr (G_OBJECT_TYPE_NAME (renderer), ==, "GskCairoRenderer");

  width = gtk_widget_get_width (GTK_WIDGET (window));
  height = gtk_widget_get_height (GTK_WIDGET (window));
  g_assert_cmpint (width, >, 0);
  g_assert_cmpint (height, >, 0);
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (renderer, node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  g_assert_nonnull (texture);
  g_assert_cmpint (gdk_texture_get_width (texture), ==, width);

  stride = (gsize) width * 4;
  pixels = g_malloc (stride * height);
  gdk_texture_download (texture, pixels, stride);
  memcpy (&first, pixels, sizeof first);
  /* Text, the header bar and the status page's button differ from the
   * corner pixel in many places; a blank or failed drawing nowhere. */
  for (gsize i = 0; i < stride * height && distinct < 64; i += 4)
    {
      guint32 px;

      memcpy (&px, pixels + i, sizeof px);
      if (px != first)
        distinct++;
    }
  g_assert_cmpuint (distinct, >=, 64);

  close_window (window);
}

/* A spinner shows only for a wait that lasts: stopped in time, it never
 * turns; left alone, it turns after the delay. */
static void
test_spinner_waits (void)
{
  GtkSpinner *spinner = GTK_SPINNER (g_object_ref_sink (gtk_spinner_new ()));

  vitrine_spinner_start_soon (spinner);
  g_assert_false (gtk_spinner_get_spinning (spinner));
  test_spin (VITRINE_SPINNER_DELAY_MS / 5);
  vitrine_spinner_stop (spinner);
  test_spin (VITRINE_SPINNER_DELAY_MS * 2);
  g_assert_false (gtk_spinner_get_spinning (spinner));

  vitrine_spinner_start_soon (spinner);
  vitrine_spinner_start_soon (spinner);
  g_assert_false (gtk_spinner_get_spinning (spinner));
  test_spin (VITRINE_SPINNER_DELAY_MS + 50);
  g_assert_true (gtk_spinner_get_spinning (spinner));
  vitrine_spinner_stop (spinner);
  g_assert_false (gtk_spinner_get_spinning (spinner));
  g_object_unref (spinner);
}

/* Where no GPU can render (no render node, or software GL asked for),
 * the window is drawn with Cairo; where one can, GTK chooses; a renderer
 * the user set is kept. */
static void
test_renderer_choice (void)
{
  g_autofree char *none = g_dir_make_tmp ("vitrine-dri-XXXXXX", NULL);
  g_autofree char *gpu = g_dir_make_tmp ("vitrine-dri-XXXXXX", NULL);
  g_autofree char *card = g_build_filename (none, "card0", NULL);
  g_autofree char *node = g_build_filename (gpu, "renderD128", NULL);
  g_autofree char *missing = g_build_filename (none, "missing", NULL);
  g_autofree char *saved_renderer = g_strdup (g_getenv ("GSK_RENDERER"));
  g_autofree char *saved_software = g_strdup (g_getenv ("LIBGL_ALWAYS_SOFTWARE"));

  /* A display card alone (a virtual machine's) renders nothing. */
  g_assert_true (g_file_set_contents (card, "", 0, NULL));
  g_assert_true (g_file_set_contents (node, "", 0, NULL));
  g_unsetenv ("GSK_RENDERER");
  g_unsetenv ("LIBGL_ALWAYS_SOFTWARE");

  g_assert_cmpstr (vitrine_renderer_choose (none), ==, "cairo");
  g_assert_cmpstr (vitrine_renderer_choose (missing), ==, "cairo");
  g_assert_null (vitrine_renderer_choose (gpu));
  g_setenv ("LIBGL_ALWAYS_SOFTWARE", "0", TRUE);
  g_assert_null (vitrine_renderer_choose (gpu));
  g_setenv ("LIBGL_ALWAYS_SOFTWARE", "1", TRUE);
  g_assert_cmpstr (vitrine_renderer_choose (gpu), ==, "cairo");
  g_setenv ("GSK_RENDERER", "gl", TRUE);
  g_assert_null (vitrine_renderer_choose (none));
  g_assert_null (vitrine_renderer_choose (gpu));

  /* Set up for this process: Cairo, and no animations once the display
   * is there. */
  {
    GtkSettings *settings = gtk_settings_get_default ();
    gboolean before, animations;

    g_object_get (settings, "gtk-enable-animations", &before, NULL);
    g_object_set (settings, "gtk-enable-animations", TRUE, NULL);
    g_unsetenv ("GSK_RENDERER");
    vitrine_renderer_setup ();
    g_assert_cmpstr (g_getenv ("GSK_RENDERER"), ==, "cairo");
    vitrine_renderer_apply_settings ();
    g_object_get (settings, "gtk-enable-animations", &animations, NULL);
    g_assert_false (animations);
    g_object_set (settings, "gtk-enable-animations", before, NULL);
  }

  if (saved_renderer != NULL)
    g_setenv ("GSK_RENDERER", saved_renderer, TRUE);
  else
    g_unsetenv ("GSK_RENDERER");
  if (saved_software != NULL)
    g_setenv ("LIBGL_ALWAYS_SOFTWARE", saved_software, TRUE);
  else
    g_unsetenv ("LIBGL_ALWAYS_SOFTWARE");
  g_unlink (card);
  g_unlink (node);
  g_rmdir (none);
  g_rmdir (gpu);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int ret;

  gtk_test_init (&argc, &argv, NULL);
  g_set_prgname ("vitrine-test");
  adw_init ();

  app = vitrine_application_new ("io.github.vitrine.Vitrine.Test", G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

  g_test_add_func ("/app/window/areas", test_window_areas);
  g_test_add_func ("/app/spinner/waits", test_spinner_waits);
  g_test_add_func ("/app/renderer/choice", test_renderer_choice);
  g_test_add_func ("/app/window/renders", test_window_renders);
  g_test_add_func ("/app/window/actions", test_window_actions);
  g_test_add_func ("/app/window/state-saved", test_window_state_saved);
  g_test_add_func ("/app/window/preferences", test_window_preferences);
  g_test_add_func ("/app/window/open-folder", test_window_open_folder);

  ret = g_test_run ();
  g_clear_object (&app);
  return ret;
}
