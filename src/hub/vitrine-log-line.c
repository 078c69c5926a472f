/* vitrine-log-line.c — one line of a child's output, or of the runner's
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "vitrine-log-line.h"

struct _VitrineLogLine
{
  GObject           parent_instance;

  char             *text;
  VitrineLogStream  stream;
  gint64            time;
};

G_DEFINE_FINAL_TYPE (VitrineLogLine, vitrine_log_line, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_TEXT,
  PROP_STREAM,
  PROP_TIME,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/**
 * vitrine_log_line_new:
 * @text: a line, in any encoding: what is not UTF-8 is replaced, and a
 *   carriage return keeps what follows it only (a progress bar's last
 *   state)
 */
VitrineLogLine *
vitrine_log_line_new (VitrineLogStream  stream,
                      const char       *text)
{
  VitrineLogLine *self = g_object_new (VITRINE_TYPE_LOG_LINE, NULL);
  const char *cr;
  gsize len;

  g_return_val_if_fail (text != NULL, self);

  len = strlen (text);
  while (len > 0 && (text[len - 1] == '\r' || text[len - 1] == '\n'))
    len--;
  cr = memrchr (text, '\r', len);
  if (cr != NULL)
    {
      len -= (cr + 1) - text;
      text = cr + 1;
    }
  self->text = g_utf8_make_valid (text, len);
  g_strdelimit (self->text, "\n", ' ');
  self->stream = stream;
  self->time = g_get_real_time ();
  return self;
}

const char *
vitrine_log_line_get_text (VitrineLogLine *self)
{
  g_return_val_if_fail (VITRINE_IS_LOG_LINE (self), NULL);
  return self->text;
}

VitrineLogStream
vitrine_log_line_get_stream (VitrineLogLine *self)
{
  g_return_val_if_fail (VITRINE_IS_LOG_LINE (self), VITRINE_LOG_STREAM_STATUS);
  return self->stream;
}

gint64
vitrine_log_line_get_time (VitrineLogLine *self)
{
  g_return_val_if_fail (VITRINE_IS_LOG_LINE (self), 0);
  return self->time;
}

static void
vitrine_log_line_finalize (GObject *object)
{
  VitrineLogLine *self = VITRINE_LOG_LINE (object);

  g_free (self->text);
  G_OBJECT_CLASS (vitrine_log_line_parent_class)->finalize (object);
}

static void
vitrine_log_line_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  VitrineLogLine *self = VITRINE_LOG_LINE (object);

  switch (prop_id)
    {
    case PROP_TEXT:
      g_value_set_string (value, self->text);
      break;
    case PROP_STREAM:
      g_value_set_enum (value, self->stream);
      break;
    case PROP_TIME:
      g_value_set_int64 (value, self->time);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vitrine_log_line_class_init (VitrineLogLineClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = vitrine_log_line_finalize;
  object_class->get_property = vitrine_log_line_get_property;

  properties[PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_STREAM] =
    g_param_spec_enum ("stream", NULL, NULL, VITRINE_TYPE_LOG_STREAM, VITRINE_LOG_STREAM_STATUS,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_TIME] =
    g_param_spec_int64 ("time", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
vitrine_log_line_init (VitrineLogLine *self)
{
}
