/* vitrine-commit-list.h — the history of a branch or tag as a list model
 * that fetches its pages as they are read
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "vitrine-client.h"

G_BEGIN_DECLS

#define VITRINE_TYPE_COMMIT_LIST (vitrine_commit_list_get_type ())

G_DECLARE_FINAL_TYPE (VitrineCommitList, vitrine_commit_list, VITRINE, COMMIT_LIST, GObject)

/* Commits fetched at a time unless told otherwise. */
#define VITRINE_COMMIT_LIST_PAGE_SIZE 100

VitrineCommitList *vitrine_commit_list_new            (VitrineClient     *client,
                                                       VitrineRepoType    type,
                                                       const char        *repo_id,
                                                       const char        *revision,
                                                       guint              page_size);
VitrineClient     *vitrine_commit_list_get_client     (VitrineCommitList *self);
VitrineRepoType    vitrine_commit_list_get_repo_type  (VitrineCommitList *self);
const char        *vitrine_commit_list_get_repo_id    (VitrineCommitList *self);
const char        *vitrine_commit_list_get_revision   (VitrineCommitList *self);
guint              vitrine_commit_list_get_n_total    (VitrineCommitList *self);
gboolean           vitrine_commit_list_get_loading    (VitrineCommitList *self);
gboolean           vitrine_commit_list_get_complete   (VitrineCommitList *self);
gboolean           vitrine_commit_list_get_started    (VitrineCommitList *self);
const GError      *vitrine_commit_list_get_error      (VitrineCommitList *self);
GListModel        *vitrine_commit_list_get_refs       (VitrineCommitList *self);
guint              vitrine_commit_list_get_pages_fetched (VitrineCommitList *self);
void               vitrine_commit_list_load_more      (VitrineCommitList *self);
void               vitrine_commit_list_reload         (VitrineCommitList *self);
VitrineCommit     *vitrine_commit_list_find           (VitrineCommitList *self,
                                                       const char        *commit_id,
                                                       guint             *position);
char              *vitrine_commit_list_dup_parent_id  (VitrineCommitList *self,
                                                       VitrineCommit     *commit);

G_END_DECLS
