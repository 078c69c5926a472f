/* test-card-editor.c — the model card editor in a real X server, with a real
 * WebKit preview and a real local hub
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <signal.h>
#include <unistd.h>
#include <string.h>
#include <adwaita.h>
#include <glib/gstdio.h>
#include <gtksourceview/gtksource.h>

#include "../server/hub-fixture.h"
#include "vitrine-card-diff-dialog.h"
#include "vitrine-card-editor.h"
#include "vitrine-card-rules.h"
#include "vitrine-error.h"

static const char card[] =
  "---\n"
  "# A comment the editor keeps\n"
  "license: mit\n"
  "language:\n"
  "- en\n"
  "- fr\n"
  "tags: [text-classification, sentiment]\n"
  "datasets:\n"
  "- imdb\n"
  "pipeline_tag: text-classification\n"
  "model-index:\n"
  "- name: bert-imdb\n"
  "  results: []\n"
  "---\n"
  "\n"
  "# bert-imdb\n"
  "\n"
  "A ~~small~~ **tiny** model. See https://example.org for more.\n"
  "\n"
  "| Split | Accuracy |\n"
  "|-------|---------:|\n"
  "| test  | 0.93     |\n"
  "\n"
  "- [x] trained\n"
  "- [ ] evaluated\n";

static guint preview_updates;

/* ---- Helpers ---------------------------------------------------------- */

typedef gboolean (*Condition) (gpointer data);

static gboolean
timed_out_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

static void
wait_until (Condition   condition,
            gpointer    data,
            const char *what)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add_seconds (30, timed_out_cb, &timed_out);

  while (!condition (data) && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (timed_out)
    g_error ("Timed out waiting for %s", what);
  g_source_remove (id);
}

static void
spin (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, timed_out_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

static gboolean
preview_updated_since (gpointer data)
{
  return preview_updates > GPOINTER_TO_UINT (data);
}

static void
on_preview_updated_cb (VitrineCardEditor *editor)
{
  preview_updates++;
}

/* Lets the editor's typing delay pass and its preview catch up. */
static void
settle (VitrineCardEditor *editor)
{
  guint before = preview_updates;

  vitrine_card_editor_flush (editor);
  wait_until (preview_updated_since, GUINT_TO_POINTER (before), "the preview");
}

static gpointer
child (VitrineCardEditor *editor,
       const char        *name)
{
  GObject *object = gtk_widget_get_template_child (GTK_WIDGET (editor), VITRINE_TYPE_CARD_EDITOR, name);

  g_assert_nonnull (object);
  return object;
}

typedef struct
{
  GtkWindow         *window;
  VitrineCardEditor *editor;
  char              *folder;
} Fixture;

static char *
make_folder (const char *readme)
{
  g_autoptr(GError) error = NULL;
  char *folder = g_dir_make_tmp ("vitrine-card-XXXXXX", &error);

  g_assert_no_error (error);
  if (readme != NULL)
    {
      g_autofree char *path = g_build_filename (folder, "README.md", NULL);

      g_assert_true (g_file_set_contents (path, readme, -1, &error));
    }
  return folder;
}

static void
open_editor (Fixture    *f,
             const char *folder)
{
  g_autoptr(GFile) file = g_file_new_for_path (folder);
  g_autoptr(GError) error = NULL;

  f->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (f->window, 1100, 700);
  f->editor = VITRINE_CARD_EDITOR (vitrine_card_editor_new ());
  g_signal_connect (f->editor, "preview-updated", G_CALLBACK (on_preview_updated_cb), NULL);
  gtk_window_set_child (f->window, GTK_WIDGET (f->editor));
  gtk_window_present (f->window);

  {
    guint before = preview_updates;

    g_assert_true (vitrine_card_editor_load_folder (f->editor, file, &error));
    g_assert_no_error (error);
    wait_until (preview_updated_since, GUINT_TO_POINTER (before), "the first preview");
  }
}

static void
close_editor (Fixture *f)
{
  gtk_window_destroy (f->window);
  f->window = NULL;
  f->editor = NULL;
  spin (50);
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  f->folder = make_folder (data);
  open_editor (f, f->folder);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GFile) file = g_file_new_for_path (f->folder);
  g_autofree char *draft = vitrine_card_editor_get_draft_path (file);

  if (f->window != NULL)
    close_editor (f);
  g_unlink (draft);
  fixture_rm_rf (f->folder);
  g_free (f->folder);
}

static char *
text_of (VitrineCardEditor *editor)
{
  return vitrine_card_editor_get_text (editor);
}

typedef struct
{
  gboolean  done;
  char     *result;
} Eval;

static void
on_eval_done_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  Eval *eval = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(JSCValue) value = webkit_web_view_evaluate_javascript_finish (WEBKIT_WEB_VIEW (source), result, &error);

  g_assert_no_error (error);
  eval->result = jsc_value_to_string (value);
  eval->done = TRUE;
}

static gboolean
eval_done (gpointer data)
{
  return ((Eval *) data)->done;
}

/* Asks the preview page something; the page's own scripts never run, but
 * the application's do. */
static char *
preview_eval (VitrineCardEditor *editor,
              const char        *script)
{
  Eval eval = { 0 };

  webkit_web_view_evaluate_javascript (vitrine_card_editor_get_preview (editor), script, -1, NULL, NULL,
                                       NULL, on_eval_done_cb, &eval);
  wait_until (eval_done, &eval, "a script in the preview");
  return eval.result;
}

static guint
position_of (GtkDropDown *dropdown,
             const char  *value)
{
  GListModel *model = gtk_drop_down_get_model (dropdown);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GtkStringObject) item = g_list_model_get_item (model, i);

      if (g_strcmp0 (gtk_string_object_get_string (item), value) == 0)
        return i;
    }
  g_error ("“%s” is not in the list", value);
  return 0;
}

static const char *
dropdown_value (GtkDropDown *dropdown)
{
  GtkStringObject *item = gtk_drop_down_get_selected_item (dropdown);

  return gtk_string_object_get_string (item);
}

static VitrineCardProblem *
problem_for (VitrineCardEditor *editor,
             const char        *key)
{
  GPtrArray *problems = vitrine_card_editor_get_problems (editor);

  for (guint i = 0; i < problems->len; i++)
    {
      VitrineCardProblem *problem = g_ptr_array_index (problems, i);

      if (g_strcmp0 (problem->key, key) == 0)
        return problem;
    }
  return NULL;
}

/* Replaces the first occurrence of @old in the source, as typing would. */
static void
edit_source (VitrineCardEditor *editor,
             const char        *old,
             const char        *replacement)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (child (editor, "source_view"));
  GtkTextIter start, match_start, match_end;

  gtk_text_buffer_get_start_iter (buffer, &start);
  g_assert_true (gtk_text_iter_forward_search (&start, old, 0, &match_start, &match_end, NULL));
  gtk_text_buffer_begin_user_action (buffer);
  gtk_text_buffer_delete (buffer, &match_start, &match_end);
  gtk_text_buffer_insert (buffer, &match_start, replacement, -1);
  gtk_text_buffer_end_user_action (buffer);
}

/* ---- Tests ------------------------------------------------------------ */

static void
test_editor_form_follows (Fixture       *f,
                          gconstpointer  data)
{
  GtkDropDown *license = child (f->editor, "license_dropdown");
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (child (f->editor, "source_view"));
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *shown = NULL;
  g_autofree char *table = NULL;
  const char *body = strstr (card, "\n---\n") + 5;

  /* The source knows the front matter is YAML and the rest Markdown. */
  {
    GtkSourceBuffer *source = GTK_SOURCE_BUFFER (buffer);
    GtkTextIter start, end, iter;

    g_assert_cmpstr (gtk_source_language_get_id (gtk_source_buffer_get_language (source)), ==, "vitrine-card");
    gtk_text_buffer_get_bounds (buffer, &start, &end);
    gtk_source_buffer_ensure_highlight (source, &start, &end);
    gtk_text_buffer_get_iter_at_line_offset (buffer, &iter, 2, 1);
    g_assert_true (gtk_source_buffer_iter_has_context_class (source, &iter, "no-spell-check"));
    gtk_text_buffer_get_iter_at_line_offset (buffer, &iter, 17, 3);
    g_assert_false (gtk_source_buffer_iter_has_context_class (source, &iter, "no-spell-check"));
  }

  /* The form shows what the YAML says. */
  g_assert_cmpstr (dropdown_value (license), ==, "mit");
  g_assert_cmpstr (dropdown_value (child (f->editor, "pipeline_dropdown")), ==, "text-classification");
  g_assert_cmpstr (gtk_editable_get_text (child (f->editor, "language_row")), ==, "en, fr");
  g_assert_cmpstr (gtk_editable_get_text (child (f->editor, "tags_row")), ==, "text-classification, sentiment");
  g_assert_cmpstr (gtk_editable_get_text (child (f->editor, "datasets_row")), ==, "imdb");
  g_assert_cmpuint (vitrine_card_editor_get_problems (f->editor)->len, ==, 0);

  /* The preview renders GitHub-flavoured Markdown. */
  shown = preview_eval (f->editor, "document.querySelector('[data-key=license] .chip').textContent");
  g_assert_cmpstr (shown, ==, "mit");
  table = preview_eval (f->editor,
                        "[document.querySelectorAll('table td').length, document.querySelectorAll('del').length,"
                        " document.querySelectorAll('input[type=checkbox]').length,"
                        " document.querySelector('a[href=\"https://example.org\"]') !== null].join(',')");
  g_assert_cmpstr (table, ==, "2,1,2,true");

  /* Change the license in the form: the YAML and the preview follow. */
  before = text_of (f->editor);
  gtk_drop_down_set_selected (license, position_of (license, "apache-2.0"));
  after = text_of (f->editor);
  g_assert_nonnull (strstr (after, "\nlicense: apache-2.0\n"));
  g_assert_null (strstr (after, "license: mit"));
  /* Everything else keeps its text: the comment, the flow list, the body. */
  g_assert_nonnull (strstr (after, "# A comment the editor keeps\n"));
  g_assert_nonnull (strstr (after, "tags: [text-classification, sentiment]\n"));
  g_assert_true (g_str_has_suffix (after, body));
  settle (f->editor);
  g_clear_pointer (&shown, g_free);
  shown = preview_eval (f->editor, "document.querySelector('[data-key=license] .chip').textContent");
  g_assert_cmpstr (shown, ==, "apache-2.0");

  /* One undo takes the change back, and the form follows the YAML. */
  g_assert_true (gtk_text_buffer_get_can_undo (buffer));
  gtk_text_buffer_undo (buffer);
  g_clear_pointer (&after, g_free);
  after = text_of (f->editor);
  g_assert_cmpstr (after, ==, before);
  settle (f->editor);
  g_assert_cmpstr (dropdown_value (license), ==, "mit");

  /* Entries write lists; emptying one removes its key. */
  gtk_editable_set_text (child (f->editor, "language_row"), "en, fr, de");
  gtk_editable_set_text (child (f->editor, "tags_row"), "");
  gtk_editable_set_text (child (f->editor, "base_model_row"), "google-bert/bert-base-uncased");
  g_clear_pointer (&after, g_free);
  after = text_of (f->editor);
  g_assert_nonnull (strstr (after, "- de\n"));
  g_assert_null (strstr (after, "tags:"));
  g_assert_nonnull (strstr (after, "base_model: google-bert/bert-base-uncased\n"));
  g_assert_true (g_str_has_suffix (after, body));
  settle (f->editor);
  g_clear_pointer (&shown, g_free);
  shown = preview_eval (f->editor, "document.querySelectorAll('[data-key=language] .chip').length + ','"
                                   " + (document.querySelector('[data-key=tags]') === null)");
  g_assert_cmpstr (shown, ==, "3,true");
}

static void
test_editor_problems (Fixture       *f,
                      gconstpointer  data)
{
  GtkDropDown *license = child (f->editor, "license_dropdown");
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (child (f->editor, "source_view"));
  GtkListBox *list = child (f->editor, "problems_list");
  VitrineCardProblem *problem;
  GtkListBoxRow *row = NULL;
  GtkTextIter cursor;

  /* “other” asks for the license's name and link. */
  gtk_drop_down_set_selected (license, position_of (license, "other"));
  settle (f->editor);
  g_assert_true (gtk_widget_get_visible (child (f->editor, "license_name_row")));
  g_assert_true (gtk_widget_get_visible (child (f->editor, "license_link_row")));
  problem = problem_for (f->editor, "license");
  g_assert_nonnull (problem);
  g_assert_nonnull (strstr (problem->message, "license_name"));
  g_assert_cmpuint (problem->line, ==, 3);
  g_assert_true (gtk_widget_has_css_class (child (f->editor, "license_row"), "error"));
  gtk_editable_set_text (child (f->editor, "license_name_row"), "my-license");
  gtk_editable_set_text (child (f->editor, "license_link_row"), "LICENSE.md");
  settle (f->editor);
  g_assert_null (problem_for (f->editor, "license"));
  g_assert_false (gtk_widget_has_css_class (child (f->editor, "license_row"), "error"));

  /* An invalid value typed in the source shows its message, with its line. */
  edit_source (f->editor, "pipeline_tag: text-classification", "pipeline_tag: not-a-task");
  settle (f->editor);
  problem = problem_for (f->editor, "pipeline_tag");
  g_assert_nonnull (problem);
  g_assert_nonnull (strstr (problem->message, "not-a-task"));
  g_assert_cmpuint (problem->line, ==, 12); /* two lines lower: license_name and license_link went under license */
  g_assert_true (gtk_widget_has_css_class (child (f->editor, "pipeline_row"), "error"));

  /* Its row in the list jumps to that line. */
  for (GtkWidget *w = gtk_widget_get_first_child (GTK_WIDGET (list)); w != NULL; w = gtk_widget_get_next_sibling (w))
    if (GTK_IS_LIST_BOX_ROW (w) && g_object_get_data (G_OBJECT (w), "problem") == problem)
      row = GTK_LIST_BOX_ROW (w);
  g_assert_nonnull (row);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, problem->message);
  g_signal_emit_by_name (list, "row-activated", row);
  gtk_text_buffer_get_iter_at_mark (buffer, &cursor, gtk_text_buffer_get_insert (buffer));
  g_assert_cmpint (gtk_text_iter_get_line (&cursor), ==, 11);

  /* Broken YAML: line and column, and the form waits for a fix. */
  edit_source (f->editor, "tags: [text-classification, sentiment]", "tags: [text-classification, sentiment");
  settle (f->editor);
  problem = g_ptr_array_index (vitrine_card_editor_get_problems (f->editor), 0);
  g_assert_null (problem->key);
  g_assert_cmpuint (problem->line, >, 0);
  g_assert_cmpuint (problem->column, >, 0);
  g_assert_false (gtk_widget_get_sensitive (child (f->editor, "form_group")));
  edit_source (f->editor, "sentiment\n", "sentiment]\n");
  settle (f->editor);
  g_assert_true (gtk_widget_get_sensitive (child (f->editor, "form_group")));
  g_assert_nonnull (problem_for (f->editor, "pipeline_tag"));
}

/* The child edits the card and dies without saving, once the draft is on
 * disk; the parent opens the folder again. */
static void
test_editor_draft_survives_crash (void)
{
  const char *folder = g_getenv ("VITRINE_TEST_FOLDER");

  if (g_test_subprocess ())
    {
      Fixture f = { 0 };
      g_autoptr(GFile) file = g_file_new_for_path (folder);
      g_autofree char *draft = vitrine_card_editor_get_draft_path (file);

      open_editor (&f, folder);
      edit_source (f.editor, "# bert-imdb\n", "# bert-imdb\n\nWritten just before the crash.\n");
      gtk_editable_set_text (child (f.editor, "datasets_row"), "imdb, sst2");
      /* Typing pauses; the draft is written by the editor's own timer. */
      while (!g_file_test (draft, G_FILE_TEST_EXISTS))
        g_main_context_iteration (NULL, TRUE);
      spin (600);
      raise (SIGKILL);
    }
  else
    {
      g_autofree char *dir = make_folder (card);
      g_autofree char *readme = g_build_filename (dir, "README.md", NULL);
      g_autofree char *on_disk = NULL;
      g_autofree char *text = NULL;
      g_autofree char *draft = NULL;
      g_autoptr(GFile) file = g_file_new_for_path (dir);
      Fixture f = { 0 };
      GtkTextBuffer *buffer;

      g_setenv ("VITRINE_TEST_FOLDER", dir, TRUE);
      g_test_trap_subprocess (NULL, 60 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_INHERIT_STDERR);
      g_test_trap_assert_failed ();

      /* README.md was never written; the draft holds the edits. */
      g_assert_true (g_file_get_contents (readme, &on_disk, NULL, NULL));
      g_assert_cmpstr (on_disk, ==, card);
      draft = vitrine_card_editor_get_draft_path (file);
      g_assert_true (g_file_test (draft, G_FILE_TEST_EXISTS));

      open_editor (&f, dir);
      text = text_of (f.editor);
      g_assert_nonnull (strstr (text, "Written just before the crash."));
      g_assert_nonnull (strstr (text, "- sst2\n"));
      g_assert_true (gtk_revealer_get_reveal_child (child (f.editor, "draft_revealer")));
      g_assert_cmpstr (gtk_editable_get_text (child (f.editor, "datasets_row")), ==, "imdb, sst2");

      /* Discarding goes back to README.md, and Undo brings the draft back. */
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f.editor), "card.discard-draft", NULL));
      g_clear_pointer (&text, g_free);
      text = text_of (f.editor);
      g_assert_cmpstr (text, ==, card);
      g_assert_false (g_file_test (draft, G_FILE_TEST_EXISTS));
      buffer = gtk_text_view_get_buffer (child (f.editor, "source_view"));
      gtk_text_buffer_undo (buffer);
      g_clear_pointer (&text, g_free);
      text = text_of (f.editor);
      g_assert_nonnull (strstr (text, "Written just before the crash."));

      /* Saving writes README.md and leaves no draft. */
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f.editor), "card.save", NULL));
      g_clear_pointer (&on_disk, g_free);
      g_assert_true (g_file_get_contents (readme, &on_disk, NULL, NULL));
      g_assert_cmpstr (on_disk, ==, text);
      g_assert_false (g_file_test (draft, G_FILE_TEST_EXISTS));
      close_editor (&f);

      /* Opened again: README.md as saved, no banner. */
      open_editor (&f, dir);
      g_clear_pointer (&on_disk, g_free);
      on_disk = text_of (f.editor);
      g_assert_cmpstr (on_disk, ==, text);
      g_assert_false (gtk_revealer_get_reveal_child (child (f.editor, "draft_revealer")));
      close_editor (&f);
      fixture_rm_rf (dir);
    }
}

/* Starts @server on loopback; its base URL, with or without the final
 * slash. */
static char *
listen_locally (SoupServer *server,
                gboolean    slash)
{
  g_autoptr(GError) error = NULL;
  GSList *uris;
  char *base;

  g_assert_true (soup_server_listen_local (server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error));
  g_assert_no_error (error);
  uris = soup_server_get_uris (server);
  base = g_uri_to_string (uris->data);
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);
  if (!slash && g_str_has_suffix (base, "/"))
    base[strlen (base) - 1] = '\0';
  return base;
}

static void
count_request_cb (SoupServer        *server,
                  SoupServerMessage *msg,
                  const char        *path,
                  GHashTable        *query,
                  gpointer           user_data)
{
  (*(guint *) user_data)++;
  soup_server_message_set_status (msg, 200, NULL);
  soup_server_message_set_response (msg, "image/png", SOUP_MEMORY_STATIC, "x", 1);
}

/* Nothing in a card runs or loads anything. */
static void
test_editor_preview_is_inert (void)
{
  g_autoptr(SoupServer) server = soup_server_new (NULL, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *base = NULL;
  g_autofree char *readme = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *title = NULL;
  g_autofree char *counts = NULL;
  guint requests = 0;
  Fixture f = { 0 };

  soup_server_add_handler (server, NULL, count_request_cb, &requests, NULL);
  base = listen_locally (server, TRUE);

  readme = g_strdup_printf ("---\nlicense: mit\n---\n"
                            "# Hostile\n\n"
                            "![remote](%sa.png)\n\n"
                            "<img src=\"%sb.png\" onerror=\"document.title='ran'\">\n"
                            "<link rel=\"stylesheet\" href=\"%sc.css\">\n"
                            "<iframe src=\"%sd.html\"></iframe>\n"
                            "<script>document.title = 'ran';</script>\n"
                            "<style>@import url(%se.css);</style>\n"
                            "<div style=\"background: url(%sf.png)\">styled</div>\n"
                            "<meta http-equiv=\"refresh\" content=\"0; url=%sg.html\">\n\n"
                            "[link](javascript:document.title='ran')\n",
                            base, base, base, base, base, base, base);
  dir = make_folder (readme);
  open_editor (&f, dir);
  spin (1500);

  title = preview_eval (f.editor, "document.title");
  g_assert_cmpstr (title, !=, "ran");
  counts = preview_eval (f.editor, "[document.querySelectorAll('script').length,"
                                   " document.querySelectorAll('a[href^=javascript]').length,"
                                   " location.href].join(',')");
  g_assert_cmpstr (counts, ==, "0,0,vitrine-folder:///");
  g_assert_cmpuint (requests, ==, 0);

  close_editor (&f);
  fixture_rm_rf (dir);
}

static void
test_editor_search (Fixture       *f,
                    gconstpointer  data)
{
  GtkSearchBar *bar = child (f->editor, "search_bar");
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (child (f->editor, "source_view"));
  GtkTextIter start, end;
  g_autofree char *selected = NULL;
  int line_first;

  g_assert_false (gtk_search_bar_get_search_mode (bar));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->editor), "card.find", NULL));
  g_assert_true (gtk_search_bar_get_search_mode (bar));
  gtk_editable_set_text (child (f->editor, "search_entry"), "bert-imdb");
  spin (400);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->editor), "card.find-next", NULL));
  g_assert_true (gtk_text_buffer_get_selection_bounds (buffer, &start, &end));
  selected = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  g_assert_cmpstr (selected, ==, "bert-imdb");
  line_first = gtk_text_iter_get_line (&start);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->editor), "card.find-next", NULL));
  gtk_text_buffer_get_selection_bounds (buffer, &start, &end);
  g_assert_cmpint (gtk_text_iter_get_line (&start), !=, line_first);
}

static char *
compare (VitrineCardEditor  *editor,
         char              **diff,
         GError            **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  vitrine_card_editor_compare_async (editor, NULL, test_keep_result_cb, &result);
  wait_until (test_has_result, &result, "the card on the Hub");
  return vitrine_card_editor_compare_finish (editor, result, diff, error);
}

static gpointer
find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return window;
    }
  return NULL;
}

static gboolean
toplevel_shown (gpointer type)
{
  return find_toplevel ((GType) type) != NULL;
}

/* The card on the Hub changed after the folder was published: comparing
 * shows it, and merging keeps both sides' edits. */
static void
test_editor_compare_and_merge (void)
{
  Hub hub = { 0 };
  g_autoptr(VitrineClient) client = NULL;
  g_autofree char *dir = make_folder (card);
  g_autofree char *theirs_text = NULL;
  g_autofree char *payload = NULL;
  g_autofree char *op = NULL;
  g_autofree char *mine = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GPtrArray) conflicts = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *theirs = NULL;
  g_autofree char *diff = NULL;
  const char *old_tags = "tags: [text-classification, sentiment]";
  const char *new_tags = "tags: [text-classification, sentiment, movies]";
  Fixture f = { 0 };
  GtkDropDown *license;
  GtkTextBuffer *buffer;
  char *at;

  hub_setup (&hub, NULL);
  hub_create_repo (&hub, hub.alice, "{\"name\": \"bert-imdb\", \"type\": \"model\"}");
  client = vitrine_client_new (hub.url, hub.alice);
  open_editor (&f, dir);
  vitrine_card_editor_set_client (f.editor, client);

  /* A repository without a card: nothing to compare, no error. */
  vitrine_card_editor_set_repo_id (f.editor, "alice/bert-imdb");
  theirs = compare (f.editor, &diff, &error);
  g_assert_no_error (error);
  g_assert_null (theirs);

  /* A repository that does not exist is an error that says so. */
  vitrine_card_editor_set_repo_id (f.editor, "alice/nothing-here");
  theirs = compare (f.editor, &diff, &error);
  g_assert_null (theirs);
  g_assert_error (error, VITRINE_ERROR, VITRINE_ERROR_REPO_NOT_FOUND);
  g_clear_error (&error);

  /* The folder was published, then someone edited the card on the Hub. */
  op = file_op ("README.md", card);
  payload = ndjson_commit ("Publish", NULL, op);
  {
    g_autoptr(Reply) reply = hub_commit (&hub, "alice/bert-imdb", hub.alice, payload);
    g_assert_cmpuint (reply->status, ==, 200);
  }
  at = strstr (card, old_tags);
  {
    g_autofree char *head = g_strndup (card, at - card);
    g_autofree char *op2 = NULL;
    g_autofree char *payload2 = NULL;
    g_autoptr(Reply) reply = NULL;

    theirs_text = g_strconcat (head, new_tags, at + strlen (old_tags), "\nEdited on the Hub.\n", NULL);
    op2 = file_op ("README.md", theirs_text);
    payload2 = ndjson_commit ("Edit the card", NULL, op2);
    reply = hub_commit (&hub, "alice/bert-imdb", hub.alice, payload2);
    g_assert_cmpuint (reply->status, ==, 200);
  }

  /* Meanwhile, here, the license changes. */
  vitrine_card_editor_set_repo_id (f.editor, "alice/bert-imdb");
  license = child (f.editor, "license_dropdown");
  gtk_drop_down_set_selected (license, position_of (license, "apache-2.0"));
  settle (f.editor);
  mine = text_of (f.editor);

  theirs = compare (f.editor, &diff, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (theirs, ==, theirs_text);
  /* The diff goes from the Hub's card to this one. */
  g_assert_true (g_str_has_prefix (diff, "--- "));
  g_assert_nonnull (strstr (diff, "\n-license: mit\n"));
  g_assert_nonnull (strstr (diff, "\n+license: apache-2.0\n"));
  g_assert_nonnull (strstr (diff, "\n-tags: [text-classification, sentiment, movies]\n"));
  g_assert_nonnull (strstr (diff, "\n-Edited on the Hub.\n"));

  /* Merging keeps this license and takes the Hub's tags and paragraph. */
  g_assert_true (vitrine_card_editor_merge (f.editor, theirs, &conflicts, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (conflicts->len, ==, 0);
  text = text_of (f.editor);
  g_assert_nonnull (strstr (text, "license: apache-2.0\n"));
  g_assert_nonnull (strstr (text, "movies"));
  g_assert_true (g_str_has_suffix (text, "\nEdited on the Hub.\n"));
  g_assert_cmpstr (vitrine_card_editor_get_base_text (f.editor), ==, theirs);
  settle (f.editor);
  g_assert_cmpstr (gtk_editable_get_text (child (f.editor, "tags_row")), ==,
                   "text-classification, sentiment, movies");

  /* Undo takes the merge back in one step. */
  buffer = gtk_text_view_get_buffer (child (f.editor, "source_view"));
  gtk_text_buffer_undo (buffer);
  g_clear_pointer (&text, g_free);
  text = text_of (f.editor);
  g_assert_cmpstr (text, ==, mine);
  /* ...and the base the edits started from with it. */
  g_assert_cmpstr (vitrine_card_editor_get_base_text (f.editor), ==, card);

  /* The same through the window: Compare With the Hub…, the repository,
   * then Merge in the dialog that shows the differences. */
  {
    AdwMessageDialog *ask;
    VitrineCardDiffDialog *diff_dialog;

    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f.editor), "card.compare", NULL));
    ask = find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
    g_assert_nonnull (ask);
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (adw_message_dialog_get_extra_child (ask))), ==,
                     "alice/bert-imdb");
    adw_message_dialog_response (ask, "compare");
    wait_until (toplevel_shown, (gpointer) VITRINE_TYPE_CARD_DIFF_DIALOG, "the differences");
    diff_dialog = find_toplevel (VITRINE_TYPE_CARD_DIFF_DIALOG);
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (diff_dialog), "diff.respond", "s", "merge"));
    g_clear_pointer (&text, g_free);
    text = text_of (f.editor);
    g_assert_nonnull (strstr (text, "license: apache-2.0\n"));
    g_assert_true (g_str_has_suffix (text, "\nEdited on the Hub.\n"));
    g_assert_null (find_toplevel (VITRINE_TYPE_CARD_DIFF_DIALOG));
  }

  /* Taking the Hub's card makes them equal: nothing left to show. */
  vitrine_card_editor_take_theirs (f.editor, theirs);
  g_clear_pointer (&theirs, g_free);
  g_clear_pointer (&diff, g_free);
  theirs = compare (f.editor, &diff, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (diff, ==, "");

  close_editor (&f);
  fixture_rm_rf (dir);
  hub_teardown (&hub, NULL);
}

static void
test_editor_new_card_from_folder (void)
{
  g_autofree char *dir = make_folder (NULL);
  g_autofree char *config = g_build_filename (dir, "config.json", NULL);
  g_autofree char *readme = g_build_filename (dir, "README.md", NULL);
  g_autofree char *text = NULL;
  Fixture f = { 0 };

  g_assert_true (g_file_set_contents (config, "{\"architectures\": [\"BertForMaskedLM\"], \"model_type\": \"bert\"}",
                                      -1, NULL));
  open_editor (&f, dir);
  text = text_of (f.editor);
  g_assert_nonnull (strstr (text, "BertForMaskedLM"));
  g_assert_nonnull (strstr (text, "## Uses"));
  /* Nothing is written until the user saves. */
  g_assert_false (g_file_test (readme, G_FILE_TEST_EXISTS));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f.editor), "card.save", NULL));
  g_assert_true (g_file_test (readme, G_FILE_TEST_EXISTS));
  close_editor (&f);
  fixture_rm_rf (dir);
}

static void
test_editor_refuses_bad_folders (void)
{
  g_autofree char *dir = make_folder (NULL);
  g_autofree char *readme = g_build_filename (dir, "README.md", NULL);
  g_autofree char *missing = g_build_filename (dir, "missing", NULL);
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  g_autoptr(GFile) nowhere = g_file_new_for_path (missing);
  g_autoptr(GError) error = NULL;
  GtkWidget *editor = g_object_ref_sink (vitrine_card_editor_new ());

  g_assert_true (g_file_set_contents (readme, "---\nlicense: mit\n---\n\xff\xfe not text\n", -1, NULL));
  g_assert_false (vitrine_card_editor_load_folder (VITRINE_CARD_EDITOR (editor), folder, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  g_clear_error (&error);

  g_assert_false (vitrine_card_editor_load_folder (VITRINE_CARD_EDITOR (editor), nowhere, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_DIRECTORY);

  g_object_unref (editor);
  fixture_rm_rf (dir);
}

static gboolean
is_visible (gpointer widget)
{
  return gtk_widget_get_visible (widget);
}

/* A narrow window shows the form, the source and the preview in turn. */
static void
test_editor_narrow (Fixture       *f,
                    gconstpointer  data)
{
  GtkWidget *switcher = child (f->editor, "pane_switcher");
  GtkWidget *form = child (f->editor, "form_pane");
  GtkWidget *source = child (f->editor, "source_pane");
  GtkWidget *preview = child (f->editor, "preview_box");
  GtkListBox *list = child (f->editor, "problems_list");
  GtkWidget *row;

  g_assert_false (gtk_widget_get_visible (switcher));
  g_assert_true (gtk_widget_get_visible (form) && gtk_widget_get_visible (source) && gtk_widget_get_visible (preview));

  gtk_window_set_default_size (f->window, 600, 700);
  wait_until (is_visible, switcher, "the narrow layout");
  g_assert_true (gtk_widget_get_visible (form));
  g_assert_false (gtk_widget_get_visible (source));
  g_assert_false (gtk_widget_get_visible (preview));
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (f->window)), <, 900);

  gtk_toggle_button_set_active (child (f->editor, "preview_pane_button"), TRUE);
  g_assert_false (gtk_widget_get_visible (form));
  g_assert_true (gtk_widget_get_visible (preview));

  /* A problem leads to its line, so to the source. */
  edit_source (f->editor, "license: mit", "license: nope");
  settle (f->editor);
  gtk_toggle_button_set_active (child (f->editor, "form_pane_button"), TRUE);
  row = gtk_widget_get_first_child (GTK_WIDGET (list));
  g_signal_emit_by_name (list, "row-activated", row);
  g_assert_true (gtk_widget_get_visible (source));
  g_assert_false (gtk_widget_get_visible (form));

  /* Wide again: all three. */
  gtk_window_set_default_size (f->window, 1200, 700);
  while (gtk_widget_get_visible (switcher))
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (gtk_widget_get_visible (form) && gtk_widget_get_visible (source) && gtk_widget_get_visible (preview));
}

typedef struct
{
  guint requests;
  char *last_body;
} Validator;

/* A hub whose validate-yaml knows one more rule than Vitrine does. */
static void
validate_yaml_cb (SoupServer        *server,
                  SoupServerMessage *msg,
                  const char        *path,
                  GHashTable        *query,
                  gpointer           user_data)
{
  Validator *v = user_data;
  SoupMessageBody *body = soup_server_message_get_request_body (msg);
  g_autoptr(GBytes) bytes = soup_message_body_flatten (body);
  static const char answer[] = "{\"errors\": [{\"message\": \"Cards here must have a tags key.\"}]}";

  v->requests++;
  g_free (v->last_body);
  v->last_body = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  if (strstr (v->last_body, "tags:") != NULL)
    {
      soup_server_message_set_status (msg, 200, NULL);
      soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_STATIC, "{}", 2);
      return;
    }
  soup_server_message_set_status (msg, 400, NULL);
  soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_STATIC, answer, strlen (answer));
}

static gboolean
has_hub_problem (gpointer data)
{
  GPtrArray *problems = vitrine_card_editor_get_problems (data);

  for (guint i = 0; i < problems->len; i++)
    if (strstr (((VitrineCardProblem *) g_ptr_array_index (problems, i))->message, "must have a tags key") != NULL)
      return TRUE;
  return FALSE;
}

typedef struct
{
  Validator *v;
  guint      before;
} OneMore;

static gboolean
one_more_request (gpointer data)
{
  OneMore *m = data;

  return m->v->requests > m->before;
}

/* A card our rules accept is shown to the hub's validate-yaml too. */
static void
test_editor_asks_the_hub (void)
{
  g_autoptr(SoupServer) server = soup_server_new (NULL, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(VitrineClient) client = NULL;
  g_autofree char *base = NULL;
  g_autofree char *dir = make_folder ("---\nlicense: mit\n---\n# Card\n");
  Validator v = { 0 };
  Fixture f = { 0 };
  guint before;

  soup_server_add_handler (server, "/api/validate-yaml", validate_yaml_cb, &v, NULL);
  base = listen_locally (server, FALSE);
  client = vitrine_client_new (base, NULL);

  open_editor (&f, dir);
  vitrine_card_editor_set_client (f.editor, client);
  edit_source (f.editor, "# Card", "# The card");
  wait_until (has_hub_problem, f.editor, "the hub's answer");
  g_assert_nonnull (strstr (v.last_body, "# The card"));
  g_assert_nonnull (strstr (v.last_body, "\"repoType\":\"model\""));

  /* Fixed as the hub asks: its problem goes. */
  edit_source (f.editor, "license: mit\n", "license: mit\ntags:\n- demo\n");
  settle (f.editor);
  g_assert_false (has_hub_problem (f.editor));
  before = v.requests;
  wait_until (one_more_request, &(OneMore) { &v, before }, "the second check");
  spin (300);
  g_assert_cmpuint (v.requests, ==, before + 1);
  g_assert_cmpuint (vitrine_card_editor_get_problems (f.editor)->len, ==, 0);

  /* A card our own rules refuse is not sent. */
  edit_source (f.editor, "license: mit", "license: nope");
  settle (f.editor);
  before = v.requests;
  spin (1500);
  g_assert_cmpuint (v.requests, ==, before);

  close_editor (&f);
  fixture_rm_rf (dir);
  g_free (v.last_body);
}

/* A card too large to read between two keystrokes is read on a worker;
 * the form, the problems and the preview still follow. */
static void
test_editor_large_card (void)
{
  g_autoptr(GString) big = g_string_new ("---\nlicense: mit\npipeline_tag: not-a-task\n---\n# Large\n\n| n | x |\n|---|---|\n");
  g_autofree char *dir = NULL;
  g_autofree char *rows = NULL;
  g_autofree char *shown = NULL;
  Fixture f = { 0 };
  GtkDropDown *license;
  guint before;

  for (guint i = 0; i < 4000; i++)
    g_string_append_printf (big, "| %u | **row** %u |\n", i, i * 7);
  g_assert_cmpuint (big->len, >, 64 * 1024);
  dir = make_folder (big->str);
  open_editor (&f, dir);

  g_assert_nonnull (problem_for (f.editor, "pipeline_tag"));
  rows = preview_eval (f.editor, "String (document.querySelectorAll('tbody tr').length)");
  g_assert_cmpstr (rows, ==, "4000");

  license = child (f.editor, "license_dropdown");
  before = preview_updates;
  gtk_drop_down_set_selected (license, position_of (license, "apache-2.0"));
  wait_until (preview_updated_since, GUINT_TO_POINTER (before), "the large preview");
  shown = preview_eval (f.editor, "document.querySelector('[data-key=license] .chip').textContent");
  g_assert_cmpstr (shown, ==, "apache-2.0");
  g_assert_cmpstr (dropdown_value (license), ==, "apache-2.0");

  close_editor (&f);
  fixture_rm_rf (dir);
}

static gboolean
images_complete (gpointer data)
{
  g_autofree char *done = preview_eval (data, "String (Array.from (document.images).every (i => i.complete))");

  return g_strcmp0 (done, "true") == 0;
}

/* Images the card names by a path in its folder show, as on the Hub;
 * nothing outside the folder does. */
static void
test_editor_folder_images (void)
{
  static const guint8 pixel[4] = { 255, 0, 0, 255 };
  g_autoptr(GBytes) pixel_bytes = g_bytes_new_static (pixel, sizeof pixel);
  g_autoptr(GdkTexture) texture = gdk_memory_texture_new (1, 1, GDK_MEMORY_R8G8B8A8, pixel_bytes, 4);
  g_autoptr(GBytes) png = gdk_texture_save_to_png_bytes (texture);
  g_autofree char *dir = make_folder ("---\nlicense: mit\n---\n"
                                      "![plot](assets/plot.png)\n\n"
                                      "<img src=\"assets/plot.png\">\n\n"
                                      "![up](../outside.png)\n\n"
                                      "![link](link.png)\n\n"
                                      "![text](notes.txt)\n\n"
                                      "![encoded](%2e%2e/outside.png)\n");
  g_autofree char *assets = g_build_filename (dir, "assets", NULL);
  g_autofree char *plot = g_build_filename (dir, "assets", "plot.png", NULL);
  g_autofree char *notes = g_build_filename (dir, "notes.txt", NULL);
  g_autofree char *link = g_build_filename (dir, "link.png", NULL);
  g_autofree char *parent = g_path_get_dirname (dir);
  g_autofree char *outside = g_build_filename (parent, "outside.png", NULL);
  g_autofree char *widths = NULL;
  Fixture f = { 0 };

  g_assert_cmpint (g_mkdir (assets, 0755), ==, 0);
  g_assert_true (g_file_set_contents (plot, g_bytes_get_data (png, NULL), g_bytes_get_size (png), NULL));
  g_assert_true (g_file_set_contents (outside, g_bytes_get_data (png, NULL), g_bytes_get_size (png), NULL));
  g_assert_true (g_file_set_contents (notes, "not an image", -1, NULL));
  g_assert_cmpint (symlink (outside, link), ==, 0);

  open_editor (&f, dir);
  wait_until (images_complete, f.editor, "the images");
  widths = preview_eval (f.editor, "Array.from (document.images).map (i => i.naturalWidth).join (',')");
  g_assert_cmpstr (widths, ==, "1,1,0,0,0,0");

  close_editor (&f);
  g_unlink (outside);
  fixture_rm_rf (dir);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  /* WebKit's sandbox needs a plain program name. */
  g_set_prgname ("vitrine-test-card-editor");
  adw_init ();
  gtk_source_init ();

  g_test_add ("/app/card-editor/form-follows", Fixture, card,
              fixture_setup, test_editor_form_follows, fixture_teardown);
  g_test_add ("/app/card-editor/problems", Fixture, card,
              fixture_setup, test_editor_problems, fixture_teardown);
  g_test_add ("/app/card-editor/search", Fixture, card,
              fixture_setup, test_editor_search, fixture_teardown);
  g_test_add ("/app/card-editor/narrow", Fixture, card,
              fixture_setup, test_editor_narrow, fixture_teardown);
  g_test_add_func ("/app/card-editor/draft-survives-crash", test_editor_draft_survives_crash);
  g_test_add_func ("/app/card-editor/preview-is-inert", test_editor_preview_is_inert);
  g_test_add_func ("/app/card-editor/compare-and-merge", test_editor_compare_and_merge);
  g_test_add_func ("/app/card-editor/new-card", test_editor_new_card_from_folder);
  g_test_add_func ("/app/card-editor/asks-the-hub", test_editor_asks_the_hub);
  g_test_add_func ("/app/card-editor/large-card", test_editor_large_card);
  g_test_add_func ("/app/card-editor/folder-images", test_editor_folder_images);
  g_test_add_func ("/app/card-editor/bad-folders", test_editor_refuses_bad_folders);

  return g_test_run ();
}
