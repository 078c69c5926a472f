/* vitrine-window.h — the main window: its three areas, its account menu
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "vitrine-application.h"

G_BEGIN_DECLS

#define VITRINE_TYPE_WINDOW (vitrine_window_get_type ())

G_DECLARE_FINAL_TYPE (VitrineWindow, vitrine_window, VITRINE, WINDOW, AdwApplicationWindow)

VitrineWindow *vitrine_window_new               (VitrineApplication *application);
gboolean       vitrine_window_open_folder       (VitrineWindow      *self,
                                                 GFile              *folder);
GtkWidget     *vitrine_window_get_card_editor   (VitrineWindow      *self);
GtkWidget     *vitrine_window_get_publish_view  (VitrineWindow      *self);
GtkWidget     *vitrine_window_get_history_page  (VitrineWindow      *self);
GtkWidget     *vitrine_window_get_demos_page    (VitrineWindow      *self);
GtkWidget     *vitrine_window_create_demo       (VitrineWindow      *self,
                                                 const char         *model_id);
const char    *vitrine_window_get_area          (VitrineWindow      *self);
void           vitrine_window_set_area          (VitrineWindow      *self,
                                                 const char         *area);
void           vitrine_window_add_toast         (VitrineWindow      *self,
                                                 AdwToast           *toast);
void           vitrine_window_ask_to_stop       (VitrineWindow      *self,
                                                 gboolean            quitting);

G_END_DECLS
