/* vitrine-repo-walk.h — the order of a history, walked once per tip and
 * kept, so that each page of the commits listing costs what it shows
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "vitrine-repo-store.h"

G_BEGIN_DECLS

/* How many walks are kept (the least recently used goes first). */
#define VITRINE_WALKS_KEPT 8

GPtrArray *vitrine_store_walk_page  (git_repository  *repo,
                                     const git_oid   *tip,
                                     guint            skip,
                                     guint            limit,
                                     guint           *total,
                                     GError         **error);
void     vitrine_store_walks_forget (void);
guint    vitrine_store_walks_stats  (guint           *extended);

G_END_DECLS
