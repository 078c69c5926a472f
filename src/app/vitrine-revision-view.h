/* vitrine-revision-view.h — what changed between two versions: the files
 * and the model card
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "vitrine-revision-diff.h"

G_BEGIN_DECLS

#define VITRINE_TYPE_REVISION_VIEW (vitrine_revision_view_get_type ())

G_DECLARE_FINAL_TYPE (VitrineRevisionView, vitrine_revision_view, VITRINE, REVISION_VIEW, GtkWidget)

/* Files listed at most; the others are counted. */
#define VITRINE_REVISION_VIEW_MAX_FILES 200

VitrineRevisionDiff *vitrine_revision_view_get_diff      (VitrineRevisionView *self);
void                 vitrine_revision_view_set_diff      (VitrineRevisionView *self,
                                                          VitrineRevisionDiff *diff);
GtkWidget           *vitrine_revision_view_get_card_view (VitrineRevisionView *self);
GtkListBox          *vitrine_revision_view_get_files     (VitrineRevisionView *self);
char                *vitrine_revision_view_describe_change (VitrineFileChange *change);

G_END_DECLS
