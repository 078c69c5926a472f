/* card-editor-fixture.h — the card editor in a window, and what its tests
 * share: waiting for it, reaching its widgets, asking its preview
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <string.h>
#include <adwaita.h>
#include <glib/gstdio.h>
#include <gtksourceview/gtksource.h>

#include "../server/hub-fixture.h"
#include "vitrine-card-drafts.h"
#include "vitrine-card-editor.h"
#include "vitrine-card-form.h"
#include "vitrine-card-rules.h"
#include "vitrine-card-source.h"
#include "vitrine-disk-writer.h"

G_GNUC_UNUSED static const char card[] =
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

G_GNUC_UNUSED static guint preview_updates;

/* ---- Helpers ---------------------------------------------------------- */

typedef gboolean (*Condition) (gpointer data);

static inline gboolean
timed_out_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

static inline void
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

static inline gboolean
preview_updated_since (gpointer data)
{
  return preview_updates > GPOINTER_TO_UINT (data);
}

static inline void
on_preview_updated_cb (VitrineCardEditor *editor)
{
  preview_updates++;
}

/* Lets the editor's typing delay pass and its preview catch up. */
static inline void
settle (VitrineCardEditor *editor)
{
  guint before = preview_updates;

  vitrine_card_editor_flush (editor);
  wait_until (preview_updated_since, GUINT_TO_POINTER (before), "the preview");
}

/* A widget of the editor's, or of its form's or its source's. */
static inline gpointer
child (VitrineCardEditor *editor,
       const char        *name)
{
  GObject *object = gtk_widget_get_template_child (GTK_WIDGET (editor), VITRINE_TYPE_CARD_EDITOR, name);
  GtkWidget *form = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (editor), VITRINE_TYPE_CARD_EDITOR, "form"));
  GtkWidget *source = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (editor), VITRINE_TYPE_CARD_EDITOR, "source"));

  if (object == NULL)
    object = gtk_widget_get_template_child (form, VITRINE_TYPE_CARD_FORM, name);
  if (object == NULL)
    object = gtk_widget_get_template_child (source, VITRINE_TYPE_CARD_SOURCE, name);
  g_assert_nonnull (object);
  return object;
}

typedef struct
{
  GtkWindow         *window;
  VitrineCardEditor *editor;
  char              *folder;
} Fixture;

static inline char *
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

static inline void
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

/* Until every write asked for is on disk, and what each one's end asked
 * for in turn (saving a card, then removing its draft). */
static inline void
wait_for_disk (void)
{
  gboolean dispatched;

  do
    {
      vitrine_disk_writer_wait ();
      dispatched = FALSE;
      while (g_main_context_iteration (NULL, FALSE))
        dispatched = TRUE;
    }
  while (dispatched);
}

static inline void
close_editor (Fixture *f)
{
  gtk_window_destroy (f->window);
  f->window = NULL;
  f->editor = NULL;
  test_spin (50);
  /* A draft kept as the editor went is written before the next one
   * reads the folder. */
  wait_for_disk ();
}

static inline void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  f->folder = make_folder (data);
  open_editor (f, f->folder);
}

static inline void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *draft = vitrine_card_draft_path (f->folder);

  if (f->window != NULL)
    close_editor (f);
  g_unlink (draft);
  fixture_rm_rf (f->folder);
  g_free (f->folder);
}

static inline char *
text_of (VitrineCardEditor *editor)
{
  return vitrine_card_editor_get_text (editor);
}

typedef struct
{
  gboolean  done;
  char     *result;
} Eval;

static inline void
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

static inline gboolean
eval_done (gpointer data)
{
  return ((Eval *) data)->done;
}

/* Asks the preview page something; the page's own scripts never run, but
 * the application's do. */
static inline char *
preview_eval (VitrineCardEditor *editor,
              const char        *script)
{
  Eval eval = { 0 };

  webkit_web_view_evaluate_javascript (vitrine_card_editor_get_preview (editor), script, -1, NULL, NULL,
                                       NULL, on_eval_done_cb, &eval);
  wait_until (eval_done, &eval, "a script in the preview");
  return eval.result;
}

static inline guint
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

static inline const char *
dropdown_value (GtkDropDown *dropdown)
{
  GtkStringObject *item = gtk_drop_down_get_selected_item (dropdown);

  return gtk_string_object_get_string (item);
}

static inline VitrineCardProblem *
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
static inline void
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

/* Starts @server on loopback; its base URL, with or without the final
 * slash. */
static inline char *
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

static inline char *
compare (VitrineCardEditor  *editor,
         char              **diff,
         GError            **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  vitrine_card_editor_compare_async (editor, NULL, test_keep_result_cb, &result);
  wait_until (test_has_result, &result, "the card on the Hub");
  return vitrine_card_editor_compare_finish (editor, result, diff, error);
}

static inline gpointer
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

static inline gboolean
toplevel_shown (gpointer type)
{
  return find_toplevel ((GType) type) != NULL;
}

