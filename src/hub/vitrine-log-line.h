/* vitrine-log-line.h — one line of a child's output, or of the runner's
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "vitrine-hub-types.h"

G_BEGIN_DECLS

#define VITRINE_TYPE_LOG_LINE (vitrine_log_line_get_type ())

G_DECLARE_FINAL_TYPE (VitrineLogLine, vitrine_log_line, VITRINE, LOG_LINE, GObject)

/* Properties (read-only): "text" (string, valid UTF-8, no line break),
 * "stream" (VitrineLogStream), "time" (int64, microseconds since the
 * epoch). */
VitrineLogLine   *vitrine_log_line_new        (VitrineLogStream  stream,
                                               const char       *text);
const char       *vitrine_log_line_get_text   (VitrineLogLine   *self);
VitrineLogStream  vitrine_log_line_get_stream (VitrineLogLine   *self);
gint64            vitrine_log_line_get_time   (VitrineLogLine   *self);

G_END_DECLS
