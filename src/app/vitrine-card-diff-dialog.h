/* vitrine-card-diff-dialog.h — what differs between the Hub's card and ours
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define VITRINE_TYPE_CARD_DIFF_DIALOG (vitrine_card_diff_dialog_get_type ())

G_DECLARE_FINAL_TYPE (VitrineCardDiffDialog, vitrine_card_diff_dialog, VITRINE, CARD_DIFF_DIALOG, AdwWindow)

VitrineCardDiffDialog *vitrine_card_diff_dialog_new           (GtkWindow             *parent,
                                                               const char            *repo_id,
                                                               const char            *theirs,
                                                               const char            *mine);
GtkWidget             *vitrine_card_diff_dialog_get_diff_view (VitrineCardDiffDialog *self);

G_END_DECLS
