/* vitrine-repo-tree.h — what a repository holds at a commit: entries,
 * folder listings and file contents
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "vitrine-repo-store.h"

G_BEGIN_DECLS

typedef struct
{
  char     *path;
  gboolean  is_dir;
  char      oid[GIT_OID_HEXSZ + 1];
  guint64   size;
  gboolean  lfs;
  char     *lfs_oid;
  guint64   pointer_size;
} VitrineEntry;

void              vitrine_entry_free             (VitrineEntry    *entry);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (VitrineEntry, vitrine_entry_free)

VitrineEntry     *vitrine_store_blob_entry       (git_repository  *repo,
                                                  const char      *path,
                                                  const git_oid   *blob_id);
VitrineEntry     *vitrine_store_entry            (git_repository  *repo,
                                                  const git_oid   *commit_id,
                                                  const char      *path,
                                                  GError         **error);
GPtrArray        *vitrine_store_list_tree        (git_repository  *repo,
                                                  const git_oid   *commit_id,
                                                  const char      *path,
                                                  gboolean         recursive,
                                                  GError         **error);
GBytes           *vitrine_store_read_blob        (git_repository  *repo,
                                                  const char      *oid_hex,
                                                  GError         **error);
GBytes           *vitrine_store_read_file        (git_repository  *repo,
                                                  const git_oid   *commit_id,
                                                  const char      *path);
gboolean          vitrine_store_attributes_match_lfs (const char  *attributes,
                                                      const char  *path);

G_END_DECLS
