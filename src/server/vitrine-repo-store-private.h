/* vitrine-repo-store-private.h — what the store's files share
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "vitrine-repo-store.h"

G_BEGIN_DECLS

gboolean       _vitrine_store_rm_rf              (const char      *path);
git_signature *_vitrine_store_signature          (const char      *author);
gboolean       _vitrine_store_add_blob           (git_repository  *repo,
                                                  git_index       *index,
                                                  const char      *path,
                                                  const void      *data,
                                                  gsize            len,
                                                  GError         **error);
gboolean       _vitrine_store_peel_to_commit     (git_repository  *repo,
                                                  const git_oid   *id,
                                                  git_oid         *commit_id);
gboolean       _vitrine_store_revision_not_found (GError         **error,
                                                  const char      *rev);
gboolean       _vitrine_store_entry_not_found    (GError         **error,
                                                  const char      *path,
                                                  const char      *rev);

G_END_DECLS
