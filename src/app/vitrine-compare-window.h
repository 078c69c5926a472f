/* vitrine-compare-window.h — what changed between any two versions of a
 * repository
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "vitrine-client.h"
#include "vitrine-revision-view.h"

G_BEGIN_DECLS

#define VITRINE_TYPE_COMPARE_WINDOW (vitrine_compare_window_get_type ())

G_DECLARE_FINAL_TYPE (VitrineCompareWindow, vitrine_compare_window, VITRINE, COMPARE_WINDOW, AdwWindow)

VitrineCompareWindow *vitrine_compare_window_new            (GtkWindow            *parent,
                                                             VitrineClient        *client,
                                                             VitrineRepoType       type,
                                                             const char           *repo_id);
void                  vitrine_compare_window_add_revision   (VitrineCompareWindow *self,
                                                             const char           *revision,
                                                             const char           *label);
void                  vitrine_compare_window_compare        (VitrineCompareWindow *self,
                                                             const char           *from,
                                                             const char           *to);
VitrineRevisionView  *vitrine_compare_window_get_view       (VitrineCompareWindow *self);
gboolean              vitrine_compare_window_get_loading    (VitrineCompareWindow *self);

G_END_DECLS
