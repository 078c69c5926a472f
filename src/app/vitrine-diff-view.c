/* vitrine-diff-view.c — two versions of a text as one readable diff
 *
 * The text is shown as it reads, not as a patch: lines that stayed are
 * plain, removed lines are on a red background just above the green
 * lines that replace them, and where a changed line is still mostly the
 * same line, the words that differ are marked within it.  Long runs of
 * unchanged lines fold into one "⋯ N unchanged lines" line, so that the
 * changes of a long card stay together; there are no "@@" headers.  The
 * gutter says − and + for the lines that went and came, for those who do
 * not see the colours, and the view's description counts them.
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <adwaita.h>
#include <glib/gi18n.h>

#include "vitrine-diff-view.h"
#include "vitrine-diff.h"

/* Unchanged lines kept around each change. */
#define CONTEXT_LINES 3

struct _VitrineDiffView
{
  GtkSourceView            parent_instance;

  GArray                  *rows;          /* guint8, a VitrineDiffRow per buffer line */
  GtkSourceGutterRenderer *signs;
  guint                    n_added;
  guint                    n_removed;
  guint                    n_emphasis;
};

G_DEFINE_FINAL_TYPE (VitrineDiffView, vitrine_diff_view, GTK_SOURCE_TYPE_VIEW)

/* A run of a line: its byte offsets. */
typedef struct
{
  guint start;
  guint len;
} Span;

/* ---- Words within a line ---------------------------------------------- */

typedef enum
{
  TOKEN_WORD,
  TOKEN_SPACE,
  TOKEN_OTHER,
} TokenClass;

static TokenClass
token_class (gunichar c)
{
  if (g_unichar_isalnum (c) || c == '_')
    return TOKEN_WORD;
  if (g_unichar_isspace (c))
    return TOKEN_SPACE;
  return TOKEN_OTHER;
}

/* Words, runs of spaces, and each other character alone. */
static GArray *
tokenize (const char *text)
{
  GArray *tokens = g_array_new (FALSE, FALSE, sizeof (Span));
  const char *p = text;

  while (*p != '\0')
    {
      const char *start = p;
      TokenClass class = token_class (g_utf8_get_char (p));
      Span span;

      p = g_utf8_next_char (p);
      if (class != TOKEN_OTHER)
        while (*p != '\0' && token_class (g_utf8_get_char (p)) == class)
          p = g_utf8_next_char (p);
      span.start = start - text;
      span.len = p - start;
      g_array_append_val (tokens, span);
    }
  return tokens;
}

static char *
join_tokens (const char *text,
             GArray     *tokens)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < tokens->len; i++)
    {
      Span *span = &g_array_index (tokens, Span, i);

      g_string_append_len (out, text + span->start, span->len);
      g_string_append_c (out, '\n');
    }
  return g_string_free (out, FALSE);
}

static gboolean
is_space_token (const char *text,
                Span       *span)
{
  return token_class (g_utf8_get_char (text + span->start)) == TOKEN_SPACE;
}

/* The words that differ between two versions of a line, as spans of
 * each; nothing when the lines have too little in common for it to help
 * (the whole line is marked already). */
static void
word_changes (const char *before,
              const char *after,
              GArray     *removed,
              GArray     *added)
{
  g_autoptr(GArray) old_tokens = tokenize (before);
  g_autoptr(GArray) new_tokens = tokenize (after);
  g_autofree char *old_joined = join_tokens (before, old_tokens);
  g_autofree char *new_joined = join_tokens (after, new_tokens);
  g_autoptr(GPtrArray) diff = vitrine_diff_lines (old_joined, new_joined);
  guint same = 0, old_words = 0, new_words = 0;

  for (guint i = 0; i < old_tokens->len; i++)
    old_words += !is_space_token (before, &g_array_index (old_tokens, Span, i));
  for (guint i = 0; i < new_tokens->len; i++)
    new_words += !is_space_token (after, &g_array_index (new_tokens, Span, i));
  for (guint i = 0; i < diff->len; i++)
    {
      VitrineDiffLine *line = g_ptr_array_index (diff, i);

      if (line->kind == VITRINE_DIFF_SAME && !is_space_token (before, &g_array_index (old_tokens, Span, line->old_line - 1)))
        same++;
    }
  /* Mostly another line: marking words would mark nearly all of it. */
  if (same == 0 || same * 3 < MAX (old_words, new_words))
    return;

  for (guint i = 0; i < diff->len; i++)
    {
      VitrineDiffLine *line = g_ptr_array_index (diff, i);

      if (line->kind == VITRINE_DIFF_REMOVED)
        g_array_append_val (removed, g_array_index (old_tokens, Span, line->old_line - 1));
      else if (line->kind == VITRINE_DIFF_ADDED)
        g_array_append_val (added, g_array_index (new_tokens, Span, line->new_line - 1));
    }
}

/* ---- Building the view ------------------------------------------------ */

typedef struct
{
  VitrineDiffRow  kind;
  const char     *text;      /* the line, or NULL for a fold */
  guint           skipped;   /* for a fold: how many lines */
  GArray         *words;     /* Span, the words to mark; may be NULL */
} Row;

static void
row_clear (Row *row)
{
  g_clear_pointer (&row->words, g_array_unref);
}

static VitrineDiffRow
row_kind (VitrineDiffKind kind)
{
  switch (kind)
    {
    case VITRINE_DIFF_ADDED:
      return VITRINE_DIFF_ROW_ADDED;
    case VITRINE_DIFF_REMOVED:
      return VITRINE_DIFF_ROW_REMOVED;
    case VITRINE_DIFF_SAME:
    default:
      return VITRINE_DIFF_ROW_SAME;
    }
}

/* The rows to show: every change with a few lines around it, the other
 * unchanged lines folded; words marked in lines that changed a little. */
static GArray *
make_rows (GPtrArray *lines)
{
  GArray *rows = g_array_new (FALSE, TRUE, sizeof (Row));
  g_autofree gboolean *keep = g_new0 (gboolean, lines->len + 1);
  gboolean any_change = vitrine_diff_has_changes (lines);

  /* What stays in view. */
  for (guint i = 0; i < lines->len; i++)
    if (!any_change || ((VitrineDiffLine *) g_ptr_array_index (lines, i))->kind != VITRINE_DIFF_SAME)
      for (guint j = i > CONTEXT_LINES ? i - CONTEXT_LINES : 0; j <= i + CONTEXT_LINES && j < lines->len; j++)
        keep[j] = TRUE;

  g_array_set_clear_func (rows, (GDestroyNotify) row_clear);
  for (guint i = 0; i < lines->len; )
    {
      VitrineDiffLine *line = g_ptr_array_index (lines, i);
      guint run = 0;

      /* A fold of two lines or more; one line is shown as it is. */
      while (i + run < lines->len && !keep[i + run])
        run++;
      if (run >= 2)
        {
          Row row = { VITRINE_DIFF_ROW_SKIPPED, NULL, run, NULL };

          g_array_append_val (rows, row);
          i += run;
          continue;
        }

      /* A change: lines removed, then the lines that replace them. */
      if (line->kind == VITRINE_DIFF_REMOVED)
        {
          guint n_removed = 0, n_added = 0;
          guint first_added;

          while (i + n_removed < lines->len &&
                 ((VitrineDiffLine *) g_ptr_array_index (lines, i + n_removed))->kind == VITRINE_DIFF_REMOVED)
            n_removed++;
          first_added = i + n_removed;
          while (first_added + n_added < lines->len &&
                 ((VitrineDiffLine *) g_ptr_array_index (lines, first_added + n_added))->kind == VITRINE_DIFF_ADDED)
            n_added++;
          for (guint k = 0; k < n_removed + n_added; k++)
            {
              VitrineDiffLine *at = g_ptr_array_index (lines, i + k);
              Row row = { row_kind (at->kind), at->text, 0, NULL };

              g_array_append_val (rows, row);
            }
          /* Pairs of a line and the line that replaced it. */
          for (guint k = 0; k < MIN (n_removed, n_added); k++)
            {
              Row *before = &g_array_index (rows, Row, rows->len - n_removed - n_added + k);
              Row *after = &g_array_index (rows, Row, rows->len - n_added + k);

              before->words = g_array_new (FALSE, FALSE, sizeof (Span));
              after->words = g_array_new (FALSE, FALSE, sizeof (Span));
              word_changes (before->text, after->text, before->words, after->words);
            }
          i += n_removed + n_added;
          continue;
        }

      {
        Row row = { row_kind (line->kind), line->text, 0, NULL };

        g_array_append_val (rows, row);
        i++;
      }
    }
  return rows;
}

static void
create_tags (VitrineDiffView *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
  GdkRGBA removed = { 0.878, 0.106, 0.141, 0.16 };
  GdkRGBA added = { 0.180, 0.761, 0.494, 0.18 };
  GdkRGBA removed_word = { 0.878, 0.106, 0.141, 0.42 };
  GdkRGBA added_word = { 0.180, 0.761, 0.494, 0.48 };

  g_autoptr(GtkSourceMarkAttributes) removed_line = gtk_source_mark_attributes_new ();
  g_autoptr(GtkSourceMarkAttributes) added_line = gtk_source_mark_attributes_new ();

  /* Whole lines, empty ones too, through marks; words through tags. */
  gtk_source_mark_attributes_set_background (removed_line, &removed);
  gtk_source_mark_attributes_set_background (added_line, &added);
  gtk_source_view_set_mark_attributes (GTK_SOURCE_VIEW (self), "removed", removed_line, 0);
  gtk_source_view_set_mark_attributes (GTK_SOURCE_VIEW (self), "added", added_line, 0);
  gtk_text_buffer_create_tag (buffer, "removed", NULL);
  gtk_text_buffer_create_tag (buffer, "added", NULL);
  gtk_text_buffer_create_tag (buffer, "removed-word", "background-rgba", &removed_word, NULL);
  gtk_text_buffer_create_tag (buffer, "added-word", "background-rgba", &added_word, NULL);
  gtk_text_buffer_create_tag (buffer, "skipped", "style", PANGO_STYLE_ITALIC, "scale", 0.9,
                              "foreground-rgba", &(GdkRGBA) { 0.5, 0.5, 0.5, 1.0 },
                              "pixels-above-lines", 4, "pixels-below-lines", 4, NULL);
}

/* Inserts @text at the end, with @tag when given. */
static void
append (GtkTextBuffer *buffer,
        const char    *text,
        const char    *tag)
{
  GtkTextIter end;

  gtk_text_buffer_get_end_iter (buffer, &end);
  if (tag != NULL)
    gtk_text_buffer_insert_with_tags_by_name (buffer, &end, text, -1, tag, NULL);
  else
    gtk_text_buffer_insert (buffer, &end, text, -1);
}

/* Marks the words of the line @line_number of the buffer. */
static void
mark_words (GtkTextBuffer *buffer,
            int            line_number,
            const char    *text,
            GArray        *words,
            const char    *tag)
{
  for (guint i = 0; i < words->len; i++)
    {
      Span *span = &g_array_index (words, Span, i);
      GtkTextIter start, end;

      gtk_text_buffer_get_iter_at_line_index (buffer, &start, line_number, span->start);
      gtk_text_buffer_get_iter_at_line_index (buffer, &end, line_number, span->start + span->len);
      gtk_text_buffer_apply_tag_by_name (buffer, tag, &start, &end);
    }
}

static void
update_description (VitrineDiffView *self)
{
  g_autofree char *added = g_strdup_printf (ngettext ("%u line added", "%u lines added", self->n_added),
                                            self->n_added);
  g_autofree char *removed = g_strdup_printf (ngettext ("%u line removed", "%u lines removed", self->n_removed),
                                              self->n_removed);
  g_autofree char *description = NULL;

  if (self->n_added == 0 && self->n_removed == 0)
    description = g_strdup (_("No lines changed"));
  else
    /* Translators: "3 lines added, 1 line removed". */
    description = g_strdup_printf (_("%s, %s"), added, removed);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description, -1);
}

/**
 * vitrine_diff_view_set_texts:
 * @before: (nullable): the text before; %NULL or "" for none
 * @after: (nullable): the text after; %NULL or "" for none
 *
 * Shows what changed from @before to @after.
 */
void
vitrine_diff_view_set_texts (VitrineDiffView *self,
                             const char      *before,
                             const char      *after)
{
  GtkTextBuffer *buffer;
  g_autoptr(GPtrArray) lines = NULL;
  g_autoptr(GArray) rows = NULL;
  GtkTextIter start;

  g_return_if_fail (VITRINE_IS_DIFF_VIEW (self));

  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
  lines = vitrine_diff_lines (before, after);
  rows = make_rows (lines);

  self->n_added = self->n_removed = self->n_emphasis = 0;
  g_array_set_size (self->rows, 0);
  {
    GtkTextIter first, last;

    gtk_text_buffer_get_bounds (buffer, &first, &last);
    gtk_source_buffer_remove_source_marks (GTK_SOURCE_BUFFER (buffer), &first, &last, NULL);
  }
  gtk_text_buffer_set_text (buffer, "", 0);
  for (guint i = 0; i < rows->len; i++)
    {
      Row *row = &g_array_index (rows, Row, i);
      guint8 kind = row->kind;
      const char *tag = NULL;

      switch (row->kind)
        {
        case VITRINE_DIFF_ROW_SKIPPED:
          {
            g_autofree char *text = g_strdup_printf (ngettext ("⋯ %u unchanged line", "⋯ %u unchanged lines",
                                                               row->skipped), row->skipped);
            append (buffer, text, "skipped");
          }
          break;
        case VITRINE_DIFF_ROW_ADDED:
          tag = "added";
          self->n_added++;
          break;
        case VITRINE_DIFF_ROW_REMOVED:
          tag = "removed";
          self->n_removed++;
          break;
        case VITRINE_DIFF_ROW_SAME:
        default:
          break;
        }
      if (row->kind != VITRINE_DIFF_ROW_SKIPPED)
        {
          /* A "\r" kept from a CRLF text would show as a box. */
          g_autofree char *text = g_strdup (row->text);
          gsize len = strlen (text);

          if (len > 0 && text[len - 1] == '\r')
            text[len - 1] = '\0';
          append (buffer, text, tag);
          if (row->words != NULL && row->words->len > 0)
            {
              mark_words (buffer, (int) i, text, row->words,
                          row->kind == VITRINE_DIFF_ROW_ADDED ? "added-word" : "removed-word");
              self->n_emphasis += row->words->len;
            }
        }
      /* The line's end carries its colour: an empty line shows it too. */
      if (i + 1 < rows->len)
        append (buffer, "\n", tag);
      g_array_append_val (self->rows, kind);
    }
  gtk_text_buffer_get_start_iter (buffer, &start);
  for (guint i = 0; i < self->rows->len; i++)
    {
      VitrineDiffRow kind = g_array_index (self->rows, guint8, i);
      GtkTextIter at;

      if (kind != VITRINE_DIFF_ROW_ADDED && kind != VITRINE_DIFF_ROW_REMOVED)
        continue;
      gtk_text_buffer_get_iter_at_line (buffer, &at, (int) i);
      gtk_source_buffer_create_source_mark (GTK_SOURCE_BUFFER (buffer), NULL,
                                            kind == VITRINE_DIFF_ROW_ADDED ? "added" : "removed", &at);
    }
  gtk_text_buffer_place_cursor (buffer, &start);
  gtk_widget_queue_draw (GTK_WIDGET (self->signs));
  update_description (self);
}

/* ---- The gutter ------------------------------------------------------- */

static void
on_query_data_cb (GtkSourceGutterRenderer *renderer,
                  GtkSourceGutterLines    *lines,
                  guint                    line,
                  VitrineDiffView         *self)
{
  const char *sign = "";

  if (line < self->rows->len)
    switch ((VitrineDiffRow) g_array_index (self->rows, guint8, line))
      {
      case VITRINE_DIFF_ROW_ADDED:
        sign = "+";
        break;
      case VITRINE_DIFF_ROW_REMOVED:
        sign = "−";
        break;
      case VITRINE_DIFF_ROW_SAME:
      case VITRINE_DIFF_ROW_SKIPPED:
      default:
        break;
      }
  gtk_source_gutter_renderer_text_set_text (GTK_SOURCE_GUTTER_RENDERER_TEXT (renderer), sign, -1);
}

static void
update_style_cb (VitrineDiffView *self)
{
  GtkSourceStyleSchemeManager *schemes = gtk_source_style_scheme_manager_get_default ();
  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
  GtkSourceBuffer *buffer = GTK_SOURCE_BUFFER (gtk_text_view_get_buffer (GTK_TEXT_VIEW (self)));

  gtk_source_buffer_set_style_scheme (buffer, gtk_source_style_scheme_manager_get_scheme (schemes,
                                                                                           dark ? "Adwaita-dark" : "Adwaita"));
}

/* ---- The object ------------------------------------------------------- */

static void
vitrine_diff_view_finalize (GObject *object)
{
  VitrineDiffView *self = VITRINE_DIFF_VIEW (object);

  g_array_unref (self->rows);
  G_OBJECT_CLASS (vitrine_diff_view_parent_class)->finalize (object);
}

static void
vitrine_diff_view_class_init (VitrineDiffViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = vitrine_diff_view_finalize;
}

static void
vitrine_diff_view_init (VitrineDiffView *self)
{
  GtkSourceGutter *gutter = gtk_source_view_get_gutter (GTK_SOURCE_VIEW (self), GTK_TEXT_WINDOW_LEFT);
  int width = 0, height = 0;

  self->rows = g_array_new (FALSE, FALSE, sizeof (guint8));
  gtk_text_view_set_editable (GTK_TEXT_VIEW (self), FALSE);
  gtk_text_view_set_monospace (GTK_TEXT_VIEW (self), TRUE);
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (self), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (self), 6);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (self), 6);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (self), 6);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (self), 6);
  gtk_source_view_set_highlight_current_line (GTK_SOURCE_VIEW (self), FALSE);
  gtk_widget_add_css_class (GTK_WIDGET (self), "diff-view");

  self->signs = gtk_source_gutter_renderer_text_new ();
  gtk_source_gutter_renderer_text_measure (GTK_SOURCE_GUTTER_RENDERER_TEXT (self->signs), "+", &width, &height);
  gtk_widget_set_size_request (GTK_WIDGET (self->signs), width + 12, -1);
  gtk_source_gutter_renderer_set_xalign (self->signs, 0.5);
  g_signal_connect_object (self->signs, "query-data", G_CALLBACK (on_query_data_cb), self, 0);
  gtk_source_gutter_insert (gutter, self->signs, 0);

  create_tags (self);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark", G_CALLBACK (update_style_cb), self,
                           G_CONNECT_SWAPPED);
  update_style_cb (self);
  update_description (self);
}

GtkWidget *
vitrine_diff_view_new (void)
{
  return g_object_new (VITRINE_TYPE_DIFF_VIEW, NULL);
}

guint
vitrine_diff_view_get_n_added (VitrineDiffView *self)
{
  g_return_val_if_fail (VITRINE_IS_DIFF_VIEW (self), 0);
  return self->n_added;
}

guint
vitrine_diff_view_get_n_removed (VitrineDiffView *self)
{
  g_return_val_if_fail (VITRINE_IS_DIFF_VIEW (self), 0);
  return self->n_removed;
}

/* How many lines the view shows. */
guint
vitrine_diff_view_get_n_rows (VitrineDiffView *self)
{
  g_return_val_if_fail (VITRINE_IS_DIFF_VIEW (self), 0);
  return self->rows->len;
}

VitrineDiffRow
vitrine_diff_view_get_row (VitrineDiffView *self,
                           guint            row)
{
  g_return_val_if_fail (VITRINE_IS_DIFF_VIEW (self), VITRINE_DIFF_ROW_SAME);
  g_return_val_if_fail (row < self->rows->len, VITRINE_DIFF_ROW_SAME);
  return g_array_index (self->rows, guint8, row);
}

/* How many words are marked within changed lines. */
guint
vitrine_diff_view_count_emphasis (VitrineDiffView *self)
{
  g_return_val_if_fail (VITRINE_IS_DIFF_VIEW (self), 0);
  return self->n_emphasis;
}
