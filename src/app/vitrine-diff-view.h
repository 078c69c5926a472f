/* vitrine-diff-view.h — two versions of a text as one readable diff
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtksourceview/gtksource.h>

G_BEGIN_DECLS

#define VITRINE_TYPE_DIFF_VIEW (vitrine_diff_view_get_type ())

G_DECLARE_FINAL_TYPE (VitrineDiffView, vitrine_diff_view, VITRINE, DIFF_VIEW, GtkSourceView)

/* How a line of the view reads. */
typedef enum
{
  VITRINE_DIFF_ROW_SAME,
  VITRINE_DIFF_ROW_ADDED,
  VITRINE_DIFF_ROW_REMOVED,
  VITRINE_DIFF_ROW_SKIPPED,    /* "⋯ N unchanged lines" */
} VitrineDiffRow;

GtkWidget      *vitrine_diff_view_new            (void);
void            vitrine_diff_view_set_texts      (VitrineDiffView *self,
                                                  const char      *before,
                                                  const char      *after);
guint           vitrine_diff_view_get_n_added    (VitrineDiffView *self);
guint           vitrine_diff_view_get_n_removed  (VitrineDiffView *self);
guint           vitrine_diff_view_get_n_rows     (VitrineDiffView *self);
VitrineDiffRow  vitrine_diff_view_get_row        (VitrineDiffView *self,
                                                  guint            row);
guint           vitrine_diff_view_count_emphasis (VitrineDiffView *self);

G_END_DECLS
