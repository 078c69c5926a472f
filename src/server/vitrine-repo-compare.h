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

/* git's id of the tree that holds nothing: as a revision, "no files". */
#define VITRINE_EMPTY_TREE_ID "4b825dc642cb6eb9a060e54bf8d69288fbee4904"

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
