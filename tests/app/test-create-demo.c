/* test-create-demo.c — Create a Demo for a Model: the files its task asks
 * for, reviewed and changed, a Space name checked, then the Space made on
 * this computer's hub (the real vitrine-hub), published and run here
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gtksourceview/gtksource.h>

#include "demos-fixture.h"
#include "vitrine-create-demo-dialog.h"
#include "vitrine-space-list.h"
#include "vitrine-space-templates.h"

static Demos demos;

static gpointer
dialog_child (VitrineCreateDemoDialog *dialog,
              const char              *name)
{
  GObject *child = gtk_widget_get_template_child (GTK_WIDGET (dialog), VITRINE_TYPE_CREATE_DEMO_DIALOG, name);

  g_assert_nonnull (child);
  return child;
}

static gboolean
dialog_ready (gpointer data)
{
  return vitrine_create_demo_dialog_is_ready (data);
}

/* The Space's name is checked: not ready until it is, with a reason. */
static gboolean
dialog_says (gpointer data)
{
  VitrineCreateDemoDialog *dialog = ((gpointer *) data)[0];
  const char *problem = vitrine_create_demo_dialog_get_problem (dialog);

  return problem != NULL && strstr (problem, ((gpointer *) data)[1]) != NULL;
}

static const char *
file_text (VitrineCreateDemoDialog *dialog,
           const char              *path)
{
  GPtrArray *files = vitrine_create_demo_dialog_get_files (dialog);

  for (guint i = 0; i < files->len; i++)
    {
      VitrineSpaceFile *file = g_ptr_array_index (files, i);

      if (g_str_equal (file->path, path))
        return file->contents;
    }
  return NULL;
}

static gboolean
has_files (gpointer data)
{
  return vitrine_create_demo_dialog_get_files (data)->len > 0;
}

static gboolean
has_card_body (gpointer data)
{
  const char *page = file_text (data, "index.html");

  return dialog_ready (data) && page != NULL && strstr (page, "A tiny sentiment model") != NULL;
}

static gboolean
weak_gone (gpointer data)
{
  return *(gpointer *) data == NULL;
}

static gboolean
list_has (gpointer data)
{
  VitrineSpaceList *list = VITRINE_SPACE_LIST (gtk_widget_get_template_child (GTK_WIDGET (demos.page),
                                                                              VITRINE_TYPE_DEMOS_PAGE,
                                                                              "space_list"));
  g_autofree char *row = vitrine_space_list_dup_row_text (list, data);

  return row != NULL;
}

static void
test_create_demo (void)
{
  g_autofree char *model = publish (&demos, VITRINE_REPO_TYPE_MODEL, "bert-imdb", NULL,
                                    (const char *[]) { "config.json", "{\"model_type\": \"bert\"}",
                                                       "README.md", "---\nlicense: mit\nlanguage: en\n"
                                                                    "pipeline_tag: text-classification\n---\n"
                                                                    "# bert-imdb\n\nA tiny sentiment model.\n",
                                                       NULL });
  g_autofree char *taken = publish (&demos, VITRINE_REPO_TYPE_SPACE, "taken", "static",
                                    (const char *[]) { "README.md", "---\nsdk: static\n---\n", "index.html", "x", NULL });
  g_autofree char *space = g_strdup_printf ("%s-demo", model);
  g_autofree char *app_line = g_strdup_printf ("pipeline(\"sentiment-analysis\", model=\"%s\")", model);
  VitrineCreateDemoDialog *dialog;
  gpointer watch;
  GtkSourceView *view;
  GtkTextBuffer *buffer;
  GtkTextIter end;
  guint changed_before;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (demos.window), "win.create-demo", "s", model));
  dialog = NULL;
  {
    GListModel *toplevels = gtk_window_get_toplevels ();

    for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
      {
        g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

        if (VITRINE_IS_CREATE_DEMO_DIALOG (window))
          dialog = VITRINE_CREATE_DEMO_DIALOG (window);
      }
  }
  g_assert_nonnull (dialog);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (demos.window));
  wait_until (dialog_ready, dialog, "the model to be looked up");

  /* A text classification model: the seed's sentiment-analysis app. */
  g_assert_cmpuint (adw_combo_row_get_selected (dialog_child (dialog, "template_row")), ==,
                    VITRINE_SPACE_TEMPLATE_TEXT_CLASSIFICATION);
  g_assert_cmpstr (adw_action_row_get_subtitle (dialog_child (dialog, "task_row")), ==, "text-classification");
  g_assert_nonnull (strstr (file_text (dialog, "app.py"), app_line));
  g_assert_nonnull (file_text (dialog, "requirements.txt"));
  g_assert_nonnull (strstr (file_text (dialog, "README.md"), "sdk: gradio"));
  g_assert_cmpstr (gtk_editable_get_text (dialog_child (dialog, "space_row")), ==, space);
  screenshot (GTK_WIDGET (dialog), "create-demo");

  /* A name already taken, or none, is refused. */
  gtk_editable_set_text (dialog_child (dialog, "space_row"), taken);
  wait_until (dialog_says, (gpointer[]) { dialog, (gpointer) "already" }, "the name to be found taken");
  g_assert_false (vitrine_create_demo_dialog_is_ready (dialog));
  gtk_editable_set_text (dialog_child (dialog, "space_row"), "no slash");
  wait_until (dialog_says, (gpointer[]) { dialog, (gpointer) "" }, "the name to be refused");
  g_assert_false (vitrine_create_demo_dialog_is_ready (dialog));
  g_assert_false (gtk_widget_activate_action (GTK_WIDGET (dialog), "demo.create", NULL) &&
                  vitrine_create_demo_dialog_is_busy (dialog));
  gtk_editable_set_text (dialog_child (dialog, "space_row"), space);
  wait_until (dialog_says, (gpointer[]) { dialog, (gpointer) "new Space" }, "the name to be found free");

  /* A page about the model runs with no package to install: chosen, it
   * shows the model's card. */
  adw_combo_row_set_selected (dialog_child (dialog, "template_row"), VITRINE_SPACE_TEMPLATE_STATIC);
  wait_until (has_card_body, dialog, "the page that describes the model");
  g_assert_null (file_text (dialog, "app.py"));

  /* A new title is in every file ... */
  gtk_editable_set_text (dialog_child (dialog, "title_row"), "Sentiment, Tried");
  g_assert_nonnull (strstr (file_text (dialog, "README.md"), "title: \"Sentiment, Tried\""));
  g_assert_nonnull (strstr (file_text (dialog, "index.html"), "<h1 id=\"title\">Sentiment, Tried</h1>"));

  /* ... and the files can be changed before they go, and stay so. */
  gtk_list_box_select_row (dialog_child (dialog, "files_list"),
                           gtk_list_box_get_row_at_index (dialog_child (dialog, "files_list"), 0));
  view = dialog_child (dialog, "file_view");
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_buffer_insert (buffer, &end, "<!-- reviewed by a person -->\n", -1);
  g_assert_nonnull (strstr (file_text (dialog, "index.html"), "<!-- reviewed by a person -->"));
  gtk_editable_set_text (dialog_child (dialog, "title_row"), "Sentiment, Tried!");
  gtk_editable_set_text (dialog_child (dialog, "title_row"), "Sentiment, Tried");
  g_assert_nonnull (strstr (file_text (dialog, "index.html"), "<!-- reviewed by a person -->"));
  gtk_switch_set_active (dialog_child (dialog, "private_switch"), FALSE);

  /* Create: the Space is made, published and run here. */
  changed_before = demos.spaces_changed;
  watch = dialog;
  g_object_add_weak_pointer (G_OBJECT (dialog), &watch);
  g_assert_true (vitrine_create_demo_dialog_is_ready (dialog));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "demo.create", NULL));
  g_assert_true (vitrine_create_demo_dialog_is_busy (dialog));
  wait_until (weak_gone, &watch, "the Space to be made");
  g_assert_cmpuint (demos.spaces_changed, >, changed_before);
  g_assert_cmpstr (vitrine_window_get_area (demos.window), ==, "demos");
  wait_until (demo_shown, &demos, "the new demo");
  {
    g_autofree char *shown = demo_eval (&demos, "document.getElementById('model').textContent + '|' +"
                                                " document.getElementById('title').textContent + '|' +"
                                                " new XMLSerializer ().serializeToString (document).includes ('reviewed by a person')");
    g_autofree char *want = g_strdup_printf ("%s|Sentiment, Tried|true", model);

    g_assert_cmpstr (shown, ==, want);
  }
  screenshot (GTK_WIDGET (demos.window), "demo-created");

  /* On the hub, as a static Space, with its files. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(VitrineRepoInfo) info = vitrine_client_repo_info (demos_client (&demos), VITRINE_REPO_TYPE_SPACE,
                                                                space, NULL, NULL, &error);
    g_autoptr(GBytes) readme = NULL;

    g_assert_no_error (error);
    g_assert_cmpstr (vitrine_repo_info_get_sdk (info), ==, "static");
    g_assert_false (vitrine_repo_info_get_private (info));
    readme = vitrine_client_read_file (demos_client (&demos), VITRINE_REPO_TYPE_SPACE, space, NULL, "README.md",
                                       65536, NULL, &error);
    g_assert_no_error (error);
    g_assert_nonnull (g_strstr_len (g_bytes_get_data (readme, NULL), g_bytes_get_size (readme), model));
  }
  /* Listed with the user's Spaces, running here. */
  wait_until (list_has, space, "the new Space in the list");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (demos.page), "demos.run-or-stop", NULL));
}

/* From the Demos area's empty state, no model given: the user names it. */
static void
test_create_demo_asks_model (void)
{
  VitrineCreateDemoDialog *dialog = NULL;
  GListModel *toplevels = gtk_window_get_toplevels ();

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (demos.window), "win.create-demo", "s", ""));
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (VITRINE_IS_CREATE_DEMO_DIALOG (window))
        dialog = VITRINE_CREATE_DEMO_DIALOG (window);
    }
  g_assert_nonnull (dialog);
  g_assert_cmpstr (gtk_editable_get_text (dialog_child (dialog, "model_row")), ==, "");
  g_assert_false (vitrine_create_demo_dialog_is_ready (dialog));
  g_assert_cmpuint (vitrine_create_demo_dialog_get_files (dialog)->len, ==, 0);

  {
    g_autofree char *model = g_strdup_printf ("%s/bert-imdb", demos_user (&demos));

    gtk_editable_set_text (dialog_child (dialog, "model_row"), model);
  }
  g_signal_emit_by_name (dialog_child (dialog, "model_row"), "apply");
  wait_until (has_files, dialog, "the model named to be looked up");
  g_assert_cmpuint (adw_combo_row_get_selected (dialog_child (dialog, "template_row")), ==,
                    VITRINE_SPACE_TEMPLATE_TEXT_CLASSIFICATION);
  /* The name it offers is the Space the test before made. */
  wait_until (dialog_says, (gpointer[]) { dialog, (gpointer) "already" }, "the name to be found taken");
  g_assert_false (vitrine_create_demo_dialog_is_ready (dialog));
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static int test_status;

static void
run_tests (void)
{
  test_status = g_test_run ();
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  gtk_test_init (&argc, &argv, NULL);
  g_set_prgname ("vitrine-test-create-demo");
  adw_init ();
  gtk_source_init ();

  g_test_add_func ("/app/create-demo/create", test_create_demo);
  g_test_add_func ("/app/create-demo/asks-model", test_create_demo_asks_model);

  ret = demos_run (&demos, "io.github.vitrine.Vitrine.CreateDemoTest", run_tests);
  g_assert_cmpint (ret, ==, 0);
  return test_status;
}
