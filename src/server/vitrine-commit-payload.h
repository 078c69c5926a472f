/* vitrine-commit-payload.h — the Hub's NDJSON commit payload, read and
 * checked
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* More operations than this in one commit are refused. */
#define VITRINE_COMMIT_MAX_OPERATIONS 100000

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
  GBytes        *content;     /* VITRINE_OP_FILE */
  char          *lfs_oid;     /* VITRINE_OP_LFS_FILE */
  guint64        lfs_size;    /* G_MAXUINT64 when not given */
} VitrineOp;

typedef struct
{
  char      *summary;
  char      *description;     /* nullable */
  char      *parent_commit;   /* nullable: a full or abbreviated commit id */
  GPtrArray *ops;             /* VitrineOp */
} VitrineCommitPayload;

void                  vitrine_op_free                (VitrineOp            *op);
void                  vitrine_commit_payload_free    (VitrineCommitPayload *payload);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (VitrineCommitPayload, vitrine_commit_payload_free)

VitrineCommitPayload *vitrine_commit_payload_parse   (const char           *data,
                                                      gsize                 len,
                                                      GError              **error);

G_END_DECLS
