/* vitrine-log.c — a bounded list of log lines, as a GListModel
 *
 * A ring of at most "max-lines" lines: a long-running app that prints
 * without end costs a bounded amount of memory, and a list view bound to
 * it sees the oldest line go and the new one come.
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "vitrine-log.h"

/* What a line keeps of a longer one: a minified bundle printed whole has
 * no business in a log pane. */
#define MAX_LINE_BYTES 8192

struct _VitrineLog
{
  GObject          parent_instance;

  VitrineLogLine **ring;
  guint            max_lines;
  guint            head;
  guint            n_lines;
};

static void vitrine_log_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (VitrineLog, vitrine_log, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, vitrine_log_list_model_init))

enum {
  PROP_0,
  PROP_MAX_LINES,
  PROP_N_ITEMS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GType
vitrine_log_get_item_type (GListModel *model)
{
  return VITRINE_TYPE_LOG_LINE;
}

static guint
vitrine_log_get_n_items (GListModel *model)
{
  return VITRINE_LOG (model)->n_lines;
}

static gpointer
vitrine_log_get_item (GListModel *model,
                      guint       position)
{
  VitrineLog *self = VITRINE_LOG (model);

  if (position >= self->n_lines)
    return NULL;
  return g_object_ref (self->ring[(self->head + position) % self->max_lines]);
}

static void
vitrine_log_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = vitrine_log_get_item_type;
  iface->get_n_items = vitrine_log_get_n_items;
  iface->get_item = vitrine_log_get_item;
}

/**
 * vitrine_log_new:
 * @max_lines: how many lines it keeps, at least 1
 */
VitrineLog *
vitrine_log_new (guint max_lines)
{
  return g_object_new (VITRINE_TYPE_LOG, "max-lines", MAX (max_lines, 1), NULL);
}

guint
vitrine_log_get_max_lines (VitrineLog *self)
{
  g_return_val_if_fail (VITRINE_IS_LOG (self), 0);
  return self->max_lines;
}

/**
 * vitrine_log_append:
 * @text: one line (see vitrine_log_line_new()); a longer one is cut
 *
 * Adds a line at the end, dropping the oldest when full.
 */
void
vitrine_log_append (VitrineLog       *self,
                    VitrineLogStream  stream,
                    const char       *text)
{
  g_autofree char *cut = NULL;
  VitrineLogLine *line;

  g_return_if_fail (VITRINE_IS_LOG (self));
  g_return_if_fail (text != NULL);

  if (strlen (text) > MAX_LINE_BYTES)
    text = cut = g_strndup (text, MAX_LINE_BYTES);
  line = vitrine_log_line_new (stream, text);
  if (self->n_lines == self->max_lines)
    {
      g_clear_object (&self->ring[self->head]);
      self->head = (self->head + 1) % self->max_lines;
      self->n_lines--;
      g_list_model_items_changed (G_LIST_MODEL (self), 0, 1, 0);
    }
  self->ring[(self->head + self->n_lines) % self->max_lines] = line;
  self->n_lines++;
  g_list_model_items_changed (G_LIST_MODEL (self), self->n_lines - 1, 0, 1);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
}

void
vitrine_log_clear (VitrineLog *self)
{
  guint removed;

  g_return_if_fail (VITRINE_IS_LOG (self));

  removed = self->n_lines;
  for (guint i = 0; i < self->n_lines; i++)
    g_clear_object (&self->ring[(self->head + i) % self->max_lines]);
  self->head = 0;
  self->n_lines = 0;
  if (removed > 0)
    {
      g_list_model_items_changed (G_LIST_MODEL (self), 0, removed, 0);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
    }
}

/**
 * vitrine_log_dup_tail:
 * @n_lines: how many of the last lines
 *
 * Returns: (transfer full): the last @n_lines lines, one per line of the
 *   text, "" when there are none
 */
char *
vitrine_log_dup_tail (VitrineLog *self,
                      guint       n_lines)
{
  GString *text = g_string_new (NULL);
  guint first;

  g_return_val_if_fail (VITRINE_IS_LOG (self), g_string_free (text, FALSE));

  first = self->n_lines > n_lines ? self->n_lines - n_lines : 0;
  for (guint i = first; i < self->n_lines; i++)
    {
      VitrineLogLine *line = self->ring[(self->head + i) % self->max_lines];

      if (text->len > 0)
        g_string_append_c (text, '\n');
      g_string_append (text, vitrine_log_line_get_text (line));
    }
  return g_string_free (text, FALSE);
}

static void
vitrine_log_finalize (GObject *object)
{
  VitrineLog *self = VITRINE_LOG (object);

  for (guint i = 0; i < self->n_lines; i++)
    g_clear_object (&self->ring[(self->head + i) % self->max_lines]);
  g_free (self->ring);
  G_OBJECT_CLASS (vitrine_log_parent_class)->finalize (object);
}

static void
vitrine_log_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  VitrineLog *self = VITRINE_LOG (object);

  switch (prop_id)
    {
    case PROP_MAX_LINES:
      g_value_set_uint (value, self->max_lines);
      break;
    case PROP_N_ITEMS:
      g_value_set_uint (value, self->n_lines);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vitrine_log_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  VitrineLog *self = VITRINE_LOG (object);

  switch (prop_id)
    {
    case PROP_MAX_LINES:
      self->max_lines = g_value_get_uint (value);
      self->ring = g_new0 (VitrineLogLine *, self->max_lines);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vitrine_log_class_init (VitrineLogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = vitrine_log_finalize;
  object_class->get_property = vitrine_log_get_property;
  object_class->set_property = vitrine_log_set_property;

  properties[PROP_MAX_LINES] =
    g_param_spec_uint ("max-lines", NULL, NULL, 1, G_MAXUINT / 2, 2000,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* For GtkListModel-less bindings: how many lines it holds now. */
  properties[PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
vitrine_log_init (VitrineLog *self)
{
}
