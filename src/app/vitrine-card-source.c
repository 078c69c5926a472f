/* vitrine-card-source.c — the model card's text, as written, with search
 *
 * A GtkSourceView on the document's buffer, highlighted as YAML then
 * Markdown, in the light or dark scheme the desktop asks for; the lines
 * with problems underlined and marked in the margin; and a search bar.
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "vitrine-card-rules.h"
#include "vitrine-card-source.h"

struct _VitrineCardSource
{
  GtkWidget               parent_instance;

  GtkSourceBuffer        *buffer;
  GtkSourceSearchContext *search;
  GtkTextTag             *problem_tag;

  /* Template widgets */
  GtkSearchBar           *search_bar;
  GtkSearchEntry         *search_entry;
  GtkSourceView          *source_view;
};

G_DEFINE_FINAL_TYPE (VitrineCardSource, vitrine_card_source, GTK_TYPE_WIDGET)

/* YAML front matter, then Markdown: our own language, shipped in the
 * resources, built on GtkSourceView's yaml and markdown. */
static GtkSourceLanguage *
card_language (void)
{
  GtkSourceLanguageManager *languages = gtk_source_language_manager_get_default ();
  static gsize added = 0;
  GtkSourceLanguage *language;

  if (g_once_init_enter (&added))
    {
      gtk_source_language_manager_append_search_path (languages, "resource://" RESOURCE_BASE_PATH "/language-specs");
      g_once_init_leave (&added, 1);
    }
  language = gtk_source_language_manager_get_language (languages, "vitrine-card");
  return language != NULL ? language : gtk_source_language_manager_get_language (languages, "markdown");
}

static void
set_scheme (VitrineCardSource *self)
{
  GtkSourceStyleSchemeManager *schemes = gtk_source_style_scheme_manager_get_default ();
  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());

  if (self->buffer != NULL)
    gtk_source_buffer_set_style_scheme (self->buffer,
                                        gtk_source_style_scheme_manager_get_scheme (schemes, dark ? "Adwaita-dark" : "Adwaita"));
}

/**
 * vitrine_card_source_set_buffer:
 *
 * The text to show and edit, highlighted as a card.
 */
void
vitrine_card_source_set_buffer (VitrineCardSource *self,
                                GtkSourceBuffer   *buffer)
{
  g_return_if_fail (VITRINE_IS_CARD_SOURCE (self));

  g_set_object (&self->buffer, buffer);
  gtk_source_buffer_set_language (buffer, card_language ());
  gtk_text_view_set_buffer (GTK_TEXT_VIEW (self->source_view), GTK_TEXT_BUFFER (buffer));
  set_scheme (self);
  self->problem_tag = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (GTK_TEXT_BUFFER (buffer)), "problem");
  if (self->problem_tag == NULL)
    self->problem_tag = gtk_text_buffer_create_tag (GTK_TEXT_BUFFER (buffer), "problem",
                                                    "underline", PANGO_UNDERLINE_ERROR,
                                                    NULL);
  g_clear_object (&self->search);
  self->search = gtk_source_search_context_new (buffer, NULL);
  gtk_source_search_settings_set_wrap_around (gtk_source_search_context_get_settings (self->search), TRUE);
}

/**
 * vitrine_card_source_mark_problems:
 * @problems: (element-type VitrineCardProblem): what the Hub would refuse
 *
 * Underlines the lines the problems are on, with a sign in the margin.
 */
void
vitrine_card_source_mark_problems (VitrineCardSource *self,
                                   GPtrArray         *problems)
{
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (self->buffer);
  GtkTextIter start, end;

  g_return_if_fail (VITRINE_IS_CARD_SOURCE (self));

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  gtk_source_buffer_remove_source_marks (self->buffer, &start, &end, "problem");
  gtk_text_buffer_remove_tag (buffer, self->problem_tag, &start, &end);
  for (guint i = 0; problems != NULL && i < problems->len; i++)
    {
      VitrineCardProblem *problem = g_ptr_array_index (problems, i);
      GtkTextIter line_start, line_end;

      if (problem->line == 0 || problem->line > (guint) gtk_text_buffer_get_line_count (buffer))
        continue;
      gtk_text_buffer_get_iter_at_line (buffer, &line_start, problem->line - 1);
      line_end = line_start;
      if (!gtk_text_iter_ends_line (&line_end))
        gtk_text_iter_forward_to_line_end (&line_end);
      gtk_source_buffer_create_source_mark (self->buffer, NULL, "problem", &line_start);
      gtk_text_buffer_apply_tag (buffer, self->problem_tag, &line_start, &line_end);
    }
}

/**
 * vitrine_card_source_go_to:
 * @line: from 1
 * @column: from 1, or 0 for the start of the line
 *
 * Puts the cursor there, shows it and gives the text the focus.
 */
void
vitrine_card_source_go_to (VitrineCardSource *self,
                           guint              line,
                           guint              column)
{
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (self->buffer);
  GtkTextIter iter;

  g_return_if_fail (VITRINE_IS_CARD_SOURCE (self));

  if (line == 0)
    return;
  gtk_text_buffer_get_iter_at_line (buffer, &iter, line - 1);
  if (column > 1)
    {
      GtkTextIter end = iter;

      if (!gtk_text_iter_ends_line (&end))
        gtk_text_iter_forward_to_line_end (&end);
      gtk_text_iter_set_line_offset (&iter, MIN ((int) column - 1, gtk_text_iter_get_line_offset (&end)));
    }
  gtk_text_buffer_place_cursor (buffer, &iter);
  gtk_text_view_scroll_to_iter (GTK_TEXT_VIEW (self->source_view), &iter, 0.1, FALSE, 0, 0);
  gtk_widget_grab_focus (GTK_WIDGET (self->source_view));
}

/* ---- Search ----------------------------------------------------------- */

void
vitrine_card_source_find (VitrineCardSource *self)
{
  g_return_if_fail (VITRINE_IS_CARD_SOURCE (self));

  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/**
 * vitrine_card_source_find_next:
 *
 * Selects the next (or previous) match of the search, going round the
 * end of the text.
 */
void
vitrine_card_source_find_next (VitrineCardSource *self,
                               gboolean           forward)
{
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (self->buffer);
  GtkTextIter start, end, match_start, match_end;
  gboolean found;

  g_return_if_fail (VITRINE_IS_CARD_SOURCE (self));

  gtk_text_buffer_get_selection_bounds (buffer, &start, &end);
  if (forward)
    found = gtk_source_search_context_forward (self->search, &end, &match_start, &match_end, NULL);
  else
    found = gtk_source_search_context_backward (self->search, &start, &match_start, &match_end, NULL);
  if (!found)
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      return;
    }
  gtk_text_buffer_select_range (buffer, &match_start, &match_end);
  gtk_text_view_scroll_to_iter (GTK_TEXT_VIEW (self->source_view), &match_start, 0.1, FALSE, 0, 0);
}

static void
on_search_changed_cb (VitrineCardSource *self,
                      GtkSearchEntry    *entry)
{
  GtkSourceSearchSettings *settings = gtk_source_search_context_get_settings (self->search);
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));

  gtk_source_search_settings_set_search_text (settings, *text != '\0' ? text : NULL);
}

static void
on_search_activate_cb (VitrineCardSource *self,
                       GtkSearchEntry    *entry)
{
  vitrine_card_source_find_next (self, TRUE);
}

static void
on_search_stop_cb (VitrineCardSource *self,
                   GtkSearchEntry    *entry)
{
  gtk_search_bar_set_search_mode (self->search_bar, FALSE);
  gtk_widget_grab_focus (GTK_WIDGET (self->source_view));
}

/* ---- Object ----------------------------------------------------------- */

static void
vitrine_card_source_dispose (GObject *object)
{
  VitrineCardSource *self = VITRINE_CARD_SOURCE (object);
  GtkWidget *child;

  g_signal_handlers_disconnect_by_data (adw_style_manager_get_default (), self);
  gtk_widget_dispose_template (GTK_WIDGET (self), VITRINE_TYPE_CARD_SOURCE);
  /* The box that holds the rest, which no field names. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->search);
  g_clear_object (&self->buffer);

  G_OBJECT_CLASS (vitrine_card_source_parent_class)->dispose (object);
}

static void
vitrine_card_source_class_init (VitrineCardSourceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vitrine_card_source_dispose;

  g_type_ensure (GTK_SOURCE_TYPE_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/ui/vitrine-card-source.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_bind_template_child (widget_class, VitrineCardSource, search_bar);
  gtk_widget_class_bind_template_child (widget_class, VitrineCardSource, search_entry);
  gtk_widget_class_bind_template_child (widget_class, VitrineCardSource, source_view);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_stop_cb);
}

static void
vitrine_card_source_init (VitrineCardSource *self)
{
  g_autoptr(GtkSourceMarkAttributes) attributes = gtk_source_mark_attributes_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_source_mark_attributes_set_icon_name (attributes, "dialog-warning-symbolic");
  gtk_source_view_set_mark_attributes (self->source_view, "problem", attributes, 10);
  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));
  gtk_search_bar_set_key_capture_widget (self->search_bar, NULL);
  g_signal_connect_swapped (adw_style_manager_get_default (), "notify::dark", G_CALLBACK (set_scheme), self);
}
