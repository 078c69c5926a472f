/* vitrine-log-view.h — a demo's output as it comes, following its end
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "vitrine-log.h"

G_BEGIN_DECLS

#define VITRINE_TYPE_LOG_VIEW (vitrine_log_view_get_type ())

G_DECLARE_FINAL_TYPE (VitrineLogView, vitrine_log_view, VITRINE, LOG_VIEW, GtkWidget)

GtkWidget   *vitrine_log_view_new      (void);
VitrineLog  *vitrine_log_view_get_log  (VitrineLogView *self);
void         vitrine_log_view_set_log  (VitrineLogView *self,
                                        VitrineLog     *log);
char        *vitrine_log_view_dup_text (VitrineLogView *self);
gboolean     vitrine_log_view_is_at_end (VitrineLogView *self);

G_END_DECLS
