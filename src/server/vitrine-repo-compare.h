/* vitrine-repo-compare.h — what changed between two revisions of a
 * repository, file by file
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "vitrine-repo-tree.h"

G_BEGIN_DECLS

/* One file that differs. */
typedef struct
{
  char          status;                        /* 'A', 'M' or 'D' */
  char         *path;
  guint32       old_mode;                      /* 0 when added */
  guint32       new_mode;                      /* 0 when deleted */
  char          old_oid[GIT_OID_HEXSZ + 1];    /* zeros when added */
  char          new_oid[GIT_OID_HEXSZ + 1];    /* zeros when deleted */
  VitrineEntry *old_entry;                     /* NULL when added */
  VitrineEntry *new_entry;                     /* NULL when deleted */
  gboolean      binary;                        /* a large file, or not text */
} VitrineStoreChange;

void        vitrine_store_change_free     (VitrineStoreChange *change);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (VitrineStoreChange, vitrine_store_change_free)

GPtrArray  *vitrine_store_compare         (git_repository     *repo,
                                           const char         *from,
                                           const char         *to,
                                           GError            **error);
char       *vitrine_store_change_to_raw   (const VitrineStoreChange *change);
GBytes     *vitrine_store_compare_patch   (git_repository     *repo,
                                           const char         *from,
                                           const char         *to,
                                           GError            **error);

G_END_DECLS
