/* vitrine-revision-diff.h — what changed from one revision to another:
 * the files, and the model card's text on both sides
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "vitrine-client.h"

G_BEGIN_DECLS

#define VITRINE_TYPE_REVISION_DIFF (vitrine_revision_diff_get_type ())

G_DECLARE_FINAL_TYPE (VitrineRevisionDiff, vitrine_revision_diff, VITRINE, REVISION_DIFF, GObject)

/* The model card's file. */
#define VITRINE_CARD_PATH "README.md"

void                 vitrine_revision_diff_load_async    (VitrineClient        *client,
                                                          VitrineRepoType       type,
                                                          const char           *repo_id,
                                                          const char           *from,
                                                          const char           *to,
                                                          GCancellable         *cancellable,
                                                          GAsyncReadyCallback   callback,
                                                          gpointer              user_data);
VitrineRevisionDiff *vitrine_revision_diff_load_finish   (GAsyncResult         *result,
                                                          GError              **error);
VitrineRevisionDiff *vitrine_revision_diff_load          (VitrineClient        *client,
                                                          VitrineRepoType       type,
                                                          const char           *repo_id,
                                                          const char           *from,
                                                          const char           *to,
                                                          GCancellable         *cancellable,
                                                          GError              **error);
const char          *vitrine_revision_diff_get_from      (VitrineRevisionDiff  *self);
const char          *vitrine_revision_diff_get_to        (VitrineRevisionDiff  *self);
GListModel          *vitrine_revision_diff_get_changes   (VitrineRevisionDiff  *self);
guint                vitrine_revision_diff_count         (VitrineRevisionDiff  *self,
                                                          VitrineChangeKind     kind);
gboolean             vitrine_revision_diff_card_changed  (VitrineRevisionDiff  *self);
const char          *vitrine_revision_diff_get_card_before (VitrineRevisionDiff *self);
const char          *vitrine_revision_diff_get_card_after (VitrineRevisionDiff *self);

G_END_DECLS
