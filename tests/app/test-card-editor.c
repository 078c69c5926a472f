/* test-card-editor.c — the model card editor in a real X server: the form,
 * the problems, the source, the layout, drafts and new cards
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <signal.h>
#include <string.h>
#include <unistd.h>

#include "card-editor-fixture.h"

/* ---- Tests ------------------------------------------------------------ */

/* A request that holds the disk writer until the test opens it. */
typedef struct
{
  GMutex   lock;
  GCond    cond;
  gboolean open;
} Gate;

static gboolean
gate_hold (gpointer   data,
           GError   **error)
{
  Gate *gate = data;

  g_mutex_lock (&gate->lock);
  while (!gate->open)
    g_cond_wait (&gate->cond, &gate->lock);
  g_mutex_unlock (&gate->lock);
  return TRUE;
}

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
      g_autofree char *draft = vitrine_card_draft_path (folder);

      open_editor (&f, folder);
      edit_source (f.editor, "# bert-imdb\n", "# bert-imdb\n\nWritten just before the crash.\n");
      gtk_editable_set_text (child (f.editor, "datasets_row"), "imdb, sst2");
      /* Typing pauses; the draft is written by the editor's own timer. */
      while (!g_file_test (draft, G_FILE_TEST_EXISTS))
        g_main_context_iteration (NULL, TRUE);
      test_spin (600);
      raise (SIGKILL);
    }
  else
    {
      g_autofree char *dir = make_folder (card);
      g_autofree char *readme = g_build_filename (dir, "README.md", NULL);
      g_autofree char *on_disk = NULL;
      g_autofree char *text = NULL;
      g_autofree char *draft = NULL;
      Fixture f = { 0 };
      GtkTextBuffer *buffer;

      g_setenv ("VITRINE_TEST_FOLDER", dir, TRUE);
      g_test_trap_subprocess (NULL, 60 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_INHERIT_STDERR);
      g_test_trap_assert_failed ();

      /* README.md was never written; the draft holds the edits. */
      g_assert_true (g_file_get_contents (readme, &on_disk, NULL, NULL));
      g_assert_cmpstr (on_disk, ==, card);
      draft = vitrine_card_draft_path (dir);
      g_assert_true (g_file_test (draft, G_FILE_TEST_EXISTS));

      open_editor (&f, dir);
      text = text_of (f.editor);
      g_assert_nonnull (strstr (text, "Written just before the crash."));
      g_assert_nonnull (strstr (text, "- sst2\n"));
      g_assert_true (gtk_revealer_get_reveal_child (child (f.editor, "draft_revealer")));
      g_assert_cmpstr (gtk_editable_get_text (child (f.editor, "datasets_row")), ==, "imdb, sst2");

      /* Discarding goes back to README.md, and Undo brings the draft back. */
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f.editor), "card.discard-draft", NULL));
      wait_for_disk ();
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
      wait_for_disk ();
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
  test_spin (400);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->editor), "card.find-next", NULL));
  g_assert_true (gtk_text_buffer_get_selection_bounds (buffer, &start, &end));
  selected = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  g_assert_cmpstr (selected, ==, "bert-imdb");
  line_first = gtk_text_iter_get_line (&start);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->editor), "card.find-next", NULL));
  gtk_text_buffer_get_selection_bounds (buffer, &start, &end);
  g_assert_cmpint (gtk_text_iter_get_line (&start), !=, line_first);
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
  /* What config.json says is in the form, and the Hub has nothing to
   * object to. */
  g_assert_cmpstr (dropdown_value (child (f.editor, "pipeline_dropdown")), ==, "fill-mask");
  g_assert_cmpstr (gtk_editable_get_text (child (f.editor, "library_row")), ==, "transformers");
  g_assert_cmpstr (gtk_editable_get_text (child (f.editor, "tags_row")), ==, "");
  g_assert_null (strstr (text, "tags:"));
  g_assert_cmpuint (vitrine_card_editor_get_problems (f.editor)->len, ==, 0);
  /* Nothing is written until the user saves. */
  g_assert_false (g_file_test (readme, G_FILE_TEST_EXISTS));
  /* Saving never writes on the main thread: with the disk writer held
   * (a disk that takes its time), Save returns, the window goes on and
   * the file comes once the writer can go on. */
  {
    Gate gate = { 0 };

    g_mutex_init (&gate.lock);
    g_cond_init (&gate.cond);
    vitrine_disk_writer_run_async (gate_hold, &gate, NULL, NULL, NULL);
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f.editor), "card.save", NULL));
    test_spin (100);
    g_assert_false (g_file_test (readme, G_FILE_TEST_EXISTS));
    g_mutex_lock (&gate.lock);
    gate.open = TRUE;
    g_cond_signal (&gate.cond);
    g_mutex_unlock (&gate.lock);
    wait_for_disk ();
    g_mutex_clear (&gate.lock);
    g_cond_clear (&gate.cond);
  }
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

/* Types @text at the end of a form row, one character at a time, as a
 * keyboard would. */
static void
type_into (GtkEditable *row,
           const char  *text)
{
  for (const char *c = text; *c != '\0'; c = g_utf8_next_char (c))
    {
      int position = g_utf8_strlen (gtk_editable_get_text (row), -1);

      gtk_editable_insert_text (row, c, g_utf8_next_char (c) - c, &position);
    }
}

/* A tag typed in the form is one edit: one Undo takes all of it back, and
 * nothing else. */
static void
test_editor_form_edit_is_one_step (Fixture       *f,
                                   gconstpointer  data)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (child (f->editor, "source_view"));
  GtkEditable *tags = child (f->editor, "tags_row");
  GtkDropDown *license = child (f->editor, "license_dropdown");
  g_autofree char *by_hand = NULL;
  g_autofree char *typed = NULL;
  g_autofree char *text = NULL;

  /* An edit by hand in the source comes first. */
  edit_source (f->editor, "# bert-imdb\n", "# bert-imdb\n\nEdited by hand.\n");
  settle (f->editor);
  by_hand = text_of (f->editor);

  /* The form writes the tag as it is typed. */
  type_into (tags, ", nlp");
  typed = text_of (f->editor);
  g_assert_nonnull (strstr (typed, "\ntags: [text-classification, sentiment, nlp]\n"));
  settle (f->editor);

  /* One undo: the tag goes, whole; the edit by hand stays. */
  g_assert_true (gtk_text_buffer_get_can_undo (buffer));
  gtk_text_buffer_undo (buffer);
  text = text_of (f->editor);
  g_assert_cmpstr (text, ==, by_hand);
  settle (f->editor);
  g_assert_cmpstr (gtk_editable_get_text (tags), ==, "text-classification, sentiment");
  /* The next undo takes the edit by hand back. */
  gtk_text_buffer_undo (buffer);
  g_clear_pointer (&text, g_free);
  text = text_of (f->editor);
  g_assert_cmpstr (text, ==, card);
  /* Redo brings both back, one step each. */
  gtk_text_buffer_redo (buffer);
  gtk_text_buffer_redo (buffer);
  g_clear_pointer (&text, g_free);
  text = text_of (f->editor);
  g_assert_cmpstr (text, ==, typed);
  settle (f->editor);

  /* Edits of two rows are two steps. */
  type_into (tags, ", bert");
  gtk_drop_down_set_selected (license, position_of (license, "apache-2.0"));
  gtk_text_buffer_undo (buffer);
  g_clear_pointer (&text, g_free);
  text = text_of (f->editor);
  g_assert_nonnull (strstr (text, "\nlicense: mit\n"));
  g_assert_nonnull (strstr (text, "\ntags: [text-classification, sentiment, nlp, bert]\n"));
  gtk_text_buffer_undo (buffer);
  g_clear_pointer (&text, g_free);
  text = text_of (f->editor);
  g_assert_cmpstr (text, ==, typed);
}

static const char commented_card[] =
  "---\n"
  "license: mit  # chosen with legal\n"
  "language:\n"
  "  - en\n"
  "  - fr\n"
  "tags:  # what the model is about\n"
  "  - bert  # the architecture\n"
  "  - nlp\n"
  "---\n"
  "# Card\n";

/* A form edit rewrites only what changed: the comments, the indentation of
 * the lists and their shape stay. */
static void
test_editor_form_keeps_comments (Fixture       *f,
                                 gconstpointer  data)
{
  GtkEditable *tags = child (f->editor, "tags_row");
  GtkEditable *languages = child (f->editor, "language_row");
  GtkDropDown *license = child (f->editor, "license_dropdown");
  g_autofree char *text = NULL;

  type_into (tags, ", sentiment");
  text = text_of (f->editor);
  g_assert_cmpstr (text, ==,
                   "---\nlicense: mit  # chosen with legal\nlanguage:\n  - en\n  - fr\n"
                   "tags:  # what the model is about\n  - bert  # the architecture\n  - nlp\n  - sentiment\n"
                   "---\n# Card\n");

  /* Replacing the row's text (as a paste does) keeps them too. */
  gtk_editable_set_text (tags, "bert, sentiment");
  g_clear_pointer (&text, g_free);
  text = text_of (f->editor);
  g_assert_nonnull (strstr (text, "\ntags:  # what the model is about\n  - bert  # the architecture\n"
                                  "  - sentiment\n---\n"));

  /* One language left is still a list. */
  gtk_editable_set_text (languages, "en");
  gtk_drop_down_set_selected (license, position_of (license, "apache-2.0"));
  g_clear_pointer (&text, g_free);
  text = text_of (f->editor);
  g_assert_true (g_str_has_prefix (text, "---\nlicense: apache-2.0  # chosen with legal\nlanguage:\n  - en\ntags:"));
  settle (f->editor);
  g_assert_cmpuint (vitrine_card_editor_get_problems (f->editor)->len, ==, 0);
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
  g_test_add ("/app/card-editor/form-edit-is-one-step", Fixture, card,
              fixture_setup, test_editor_form_edit_is_one_step, fixture_teardown);
  g_test_add ("/app/card-editor/form-keeps-comments", Fixture, commented_card,
              fixture_setup, test_editor_form_keeps_comments, fixture_teardown);
  g_test_add_func ("/app/card-editor/draft-survives-crash", test_editor_draft_survives_crash);
  g_test_add_func ("/app/card-editor/new-card", test_editor_new_card_from_folder);
  g_test_add_func ("/app/card-editor/bad-folders", test_editor_refuses_bad_folders);

  return g_test_run ();
}
