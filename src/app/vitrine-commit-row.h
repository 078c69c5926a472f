/* vitrine-commit-row.h — one commit in the History area's list
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "vitrine-commit.h"
#include "vitrine-ref.h"

G_BEGIN_DECLS

#define VITRINE_TYPE_COMMIT_ROW (vitrine_commit_row_get_type ())

G_DECLARE_FINAL_TYPE (VitrineCommitRow, vitrine_commit_row, VITRINE, COMMIT_ROW, GtkWidget)

VitrineCommit *vitrine_commit_row_get_commit (VitrineCommitRow *self);
void           vitrine_commit_row_set_commit (VitrineCommitRow *self,
                                              VitrineCommit    *commit);
GtkWidget     *vitrine_commit_row_add_chip   (GtkBox           *box,
                                              VitrineRef       *ref);

G_END_DECLS
