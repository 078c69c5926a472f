/* vitrine-log-view.c — a demo's output as it comes, following its end
 *
 * The lines of a VitrineLog in a read-only text view, so they can be
 * selected and copied.  The log is bounded: its oldest lines go as new
 * ones come, and the view follows its changes line by line instead of
 * starting over.  While the view shows the last line it keeps showing it
 * as lines arrive; scrolled up, it stays where the user left it.  (The
 * text view sets its own scroll position as it lays lines out, so the
 * view is taken to the end on the next frame, not at once.)
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "vitrine-log-view.h"

struct _VitrineLogView
{
  GtkWidget          parent_instance;

  GtkScrolledWindow *scroller;
  GtkTextView       *text_view;
  GtkTextBuffer     *buffer;
  VitrineLog        *log;
  guint              shown;      /* lines in the buffer */
  gboolean           at_end;
  guint              scroll_tick;
};

G_DEFINE_FINAL_TYPE (VitrineLogView, vitrine_log_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_LOG,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
append_line (VitrineLogView *self,
             VitrineLogLine *line)
{
  GtkTextIter end;
  const char *tag = vitrine_log_line_get_stream (line) == VITRINE_LOG_STREAM_STATUS ? "status" : NULL;

  gtk_text_buffer_get_end_iter (self->buffer, &end);
  gtk_text_buffer_insert_with_tags_by_name (self->buffer, &end, vitrine_log_line_get_text (line), -1, tag, NULL);
  gtk_text_buffer_get_end_iter (self->buffer, &end);
  gtk_text_buffer_insert (self->buffer, &end, "\n", 1);
  self->shown++;
}

static void
append_items (VitrineLogView *self,
              guint           from,
              guint           n)
{
  for (guint i = from; i < from + n; i++)
    {
      g_autoptr(VitrineLogLine) line = g_list_model_get_item (G_LIST_MODEL (self->log), i);

      if (line != NULL)
        append_line (self, line);
    }
}

static void
rebuild (VitrineLogView *self)
{
  gtk_text_buffer_set_text (self->buffer, "", 0);
  self->shown = 0;
  if (self->log != NULL)
    append_items (self, 0, g_list_model_get_n_items (G_LIST_MODEL (self->log)));
}

static void
scroll_to_end (VitrineLogView *self)
{
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->scroller);

  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment) -
                                        gtk_adjustment_get_page_size (adjustment));
}

static gboolean
scroll_tick_cb (GtkWidget     *widget,
                GdkFrameClock *clock,
                gpointer       user_data)
{
  VitrineLogView *self = VITRINE_LOG_VIEW (widget);

  self->scroll_tick = 0;
  if (self->at_end)
    scroll_to_end (self);
  return G_SOURCE_REMOVE;
}

/* The text view lays new lines out, and sets its adjustment, over the
 * next frames: the end is where it is once they are drawn. */
static void
queue_scroll_to_end (VitrineLogView *self)
{
  if (self->scroll_tick == 0 && gtk_widget_get_mapped (GTK_WIDGET (self)))
    self->scroll_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self), scroll_tick_cb, NULL, NULL);
}

/* Whether the user reads the end: then the view follows it as lines
 * come.  Scrolled up, it stays where the user left it.  Known only while
 * it shows, and not while it is on its way to the end. */
static void
update_at_end (VitrineLogView *self)
{
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->scroller);
  double bottom = gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment);

  if (gtk_widget_get_mapped (GTK_WIDGET (self)) && self->scroll_tick == 0)
    self->at_end = gtk_adjustment_get_value (adjustment) >= bottom - 8;
}

static void
on_items_changed_cb (GListModel     *log,
                     guint           position,
                     guint           removed,
                     guint           added,
                     VitrineLogView *self)
{
  guint n = g_list_model_get_n_items (log);

  update_at_end (self);
  if (position == 0 && removed > 0 && added == 0 && removed <= self->shown)
    {
      /* The oldest lines went. */
      GtkTextIter start, cut;

      gtk_text_buffer_get_start_iter (self->buffer, &start);
      gtk_text_buffer_get_iter_at_line (self->buffer, &cut, removed);
      gtk_text_buffer_delete (self->buffer, &start, &cut);
      self->shown -= removed;
    }
  else if (removed == 0 && position == self->shown && position + added == n)
    append_items (self, position, added);
  else
    rebuild (self);

  if (self->at_end)
    queue_scroll_to_end (self);
}

/* The text grew, or the pane changed size: a view that follows the end
 * keeps showing it. */
static void
on_adjustment_changed_cb (GtkAdjustment  *adjustment,
                          VitrineLogView *self)
{
  if (self->at_end)
    queue_scroll_to_end (self);
}

static void
on_map_cb (VitrineLogView *self)
{
  if (self->at_end)
    queue_scroll_to_end (self);
}

/* Returns: whether the view shows the log's last line */
gboolean
vitrine_log_view_is_at_end (VitrineLogView *self)
{
  g_return_val_if_fail (VITRINE_IS_LOG_VIEW (self), FALSE);
  update_at_end (self);
  return self->at_end;
}

/* Returns: (transfer full): what the view shows */
char *
vitrine_log_view_dup_text (VitrineLogView *self)
{
  GtkTextIter start, end;

  g_return_val_if_fail (VITRINE_IS_LOG_VIEW (self), NULL);
  gtk_text_buffer_get_bounds (self->buffer, &start, &end);
  return gtk_text_buffer_get_text (self->buffer, &start, &end, FALSE);
}

/* Returns: (transfer none) (nullable): the log shown */
VitrineLog *
vitrine_log_view_get_log (VitrineLogView *self)
{
  g_return_val_if_fail (VITRINE_IS_LOG_VIEW (self), NULL);
  return self->log;
}

/**
 * vitrine_log_view_set_log:
 * @log: (nullable): the log to show
 */
void
vitrine_log_view_set_log (VitrineLogView *self,
                          VitrineLog     *log)
{
  g_return_if_fail (VITRINE_IS_LOG_VIEW (self));
  g_return_if_fail (log == NULL || VITRINE_IS_LOG (log));

  if (self->log == log)
    return;
  if (self->log != NULL)
    g_signal_handlers_disconnect_by_data (self->log, self);
  g_set_object (&self->log, log);
  if (log != NULL)
    g_signal_connect_object (log, "items-changed", G_CALLBACK (on_items_changed_cb), self, 0);
  self->at_end = TRUE;
  rebuild (self);
  queue_scroll_to_end (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOG]);
}

GtkWidget *
vitrine_log_view_new (void)
{
  return g_object_new (VITRINE_TYPE_LOG_VIEW, NULL);
}

static void
vitrine_log_view_dispose (GObject *object)
{
  VitrineLogView *self = VITRINE_LOG_VIEW (object);

  if (self->log != NULL)
    g_signal_handlers_disconnect_by_data (self->log, self);
  g_clear_object (&self->log);
  if (self->scroll_tick != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->scroll_tick);
  self->scroll_tick = 0;
  g_clear_pointer ((GtkWidget **) &self->scroller, gtk_widget_unparent);

  G_OBJECT_CLASS (vitrine_log_view_parent_class)->dispose (object);
}

static void
vitrine_log_view_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  VitrineLogView *self = VITRINE_LOG_VIEW (object);

  switch (prop_id)
    {
    case PROP_LOG:
      g_value_set_object (value, self->log);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vitrine_log_view_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  VitrineLogView *self = VITRINE_LOG_VIEW (object);

  switch (prop_id)
    {
    case PROP_LOG:
      vitrine_log_view_set_log (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vitrine_log_view_class_init (VitrineLogViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vitrine_log_view_dispose;
  object_class->get_property = vitrine_log_view_get_property;
  object_class->set_property = vitrine_log_view_set_property;

  properties[PROP_LOG] =
    g_param_spec_object ("log", NULL, NULL,
                         VITRINE_TYPE_LOG,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "logview");
}

static void
vitrine_log_view_init (VitrineLogView *self)
{
  GtkAdjustment *adjustment;

  self->at_end = TRUE;
  self->buffer = gtk_text_buffer_new (NULL);
  gtk_text_buffer_create_tag (self->buffer, "status", "weight", 700, NULL);
  self->text_view = GTK_TEXT_VIEW (gtk_text_view_new_with_buffer (self->buffer));
  g_object_unref (self->buffer);
  gtk_text_view_set_editable (self->text_view, FALSE);
  gtk_text_view_set_cursor_visible (self->text_view, FALSE);
  gtk_text_view_set_monospace (self->text_view, TRUE);
  gtk_text_view_set_wrap_mode (self->text_view, GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_left_margin (self->text_view, 12);
  gtk_text_view_set_right_margin (self->text_view, 12);
  gtk_text_view_set_top_margin (self->text_view, 6);
  gtk_text_view_set_bottom_margin (self->text_view, 6);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->text_view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("The demo’s output"), -1);

  self->scroller = GTK_SCROLLED_WINDOW (gtk_scrolled_window_new ());
  gtk_scrolled_window_set_child (self->scroller, GTK_WIDGET (self->text_view));
  gtk_scrolled_window_set_policy (self->scroller, GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_parent (GTK_WIDGET (self->scroller), GTK_WIDGET (self));
  adjustment = gtk_scrolled_window_get_vadjustment (self->scroller);
  g_signal_connect_object (adjustment, "changed", G_CALLBACK (on_adjustment_changed_cb), self, 0);
  g_signal_connect (self, "map", G_CALLBACK (on_map_cb), NULL);
}
