/* vitrine-preferences-window.h
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "vitrine-application.h"

G_BEGIN_DECLS

#define VITRINE_TYPE_PREFERENCES_WINDOW (vitrine_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (VitrinePreferencesWindow, vitrine_preferences_window, VITRINE, PREFERENCES_WINDOW, AdwPreferencesWindow)

VitrinePreferencesWindow *vitrine_preferences_window_new             (GSettings                *settings);
void                      vitrine_preferences_window_set_application (VitrinePreferencesWindow *self,
                                                                      VitrineApplication       *application);

G_END_DECLS
