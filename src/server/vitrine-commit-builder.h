/* vitrine-commit-builder.h — a commit built from operations, published by
 * a compare-and-swap of its branch
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "vitrine-commit-payload.h"
#include "vitrine-repo-store.h"

G_BEGIN_DECLS

gboolean vitrine_store_commit (VitrineRepoMeta             *meta,
                               const char                  *lfs_objects_dir,
                               const char                  *branch,
                               gboolean                     create_pr,
                               const VitrineCommitPayload  *payload,
                               const char                  *author,
                               char                       **commit_id,
                               char                       **pr_ref,
                               GError                     **error);

G_END_DECLS
