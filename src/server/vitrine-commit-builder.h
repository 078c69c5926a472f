/* vitrine-commit-builder.h — a commit built from operations, published by
 * a compare-and-swap of its branch
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "vitrine-repo-store.h"

G_BEGIN_DECLS

typedef enum
{
  VITRINE_OP_FILE,
  VITRINE_OP_LFS_FILE,
  VITRINE_OP_DELETE_FILE,
  VITRINE_OP_DELETE_FOLDER,
} VitrineOpKind;

typedef struct
{
  VitrineOpKind  kind;
  char          *path;
  GBytes        *content;
  char          *lfs_oid;
  guint64        lfs_size;
} VitrineOp;

void              vitrine_op_free                (VitrineOp       *op);

gboolean          vitrine_store_commit           (VitrineRepoMeta *meta,
                                                  const char      *lfs_objects_dir,
                                                  const char      *branch,
                                                  const char      *parent_commit,
                                                  gboolean         create_pr,
                                                  GPtrArray       *ops,
                                                  const char      *summary,
                                                  const char      *description,
                                                  const char      *author,
                                                  char           **commit_id,
                                                  char           **pr_ref,
                                                  GError         **error);

G_END_DECLS
