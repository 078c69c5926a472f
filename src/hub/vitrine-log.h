/* vitrine-log.h — a bounded list of log lines, as a GListModel
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "vitrine-log-line.h"

G_BEGIN_DECLS

#define VITRINE_TYPE_LOG (vitrine_log_get_type ())

/* A GListModel of VitrineLogLine that keeps the last "max-lines" lines:
 * when full, the oldest line goes (items-changed (0, 1, 0)) before the new
 * one comes (items-changed (n - 1, 0, 1)).  Not thread-safe: it is changed
 * on one main context (a Space run's: the one that was thread-default when
 * it was made), and read there. */
G_DECLARE_FINAL_TYPE (VitrineLog, vitrine_log, VITRINE, LOG, GObject)

VitrineLog *vitrine_log_new           (guint             max_lines);
guint       vitrine_log_get_max_lines (VitrineLog       *self);
void        vitrine_log_append        (VitrineLog       *self,
                                       VitrineLogStream  stream,
                                       const char       *text);
void        vitrine_log_clear         (VitrineLog       *self);
char       *vitrine_log_dup_tail      (VitrineLog       *self,
                                       guint             n_lines);

G_END_DECLS
