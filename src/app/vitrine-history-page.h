/* vitrine-history-page.h — the History area: repositories, their versions,
 * and what changed in each
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "vitrine-account.h"
#include "vitrine-commit-list.h"

G_BEGIN_DECLS

#define VITRINE_TYPE_HISTORY_PAGE (vitrine_history_page_get_type ())

G_DECLARE_FINAL_TYPE (VitrineHistoryPage, vitrine_history_page, VITRINE, HISTORY_PAGE, GtkWidget)

VitrineAccount    *vitrine_history_page_get_account         (VitrineHistoryPage *self);
void               vitrine_history_page_set_account         (VitrineHistoryPage *self,
                                                             VitrineAccount     *account);
void               vitrine_history_page_refresh             (VitrineHistoryPage *self);
gboolean           vitrine_history_page_select_repository   (VitrineHistoryPage *self,
                                                             const char         *repository);
void               vitrine_history_page_repository_changed  (VitrineHistoryPage *self,
                                                             const char         *endpoint,
                                                             VitrineRepoType     type,
                                                             const char         *repo_id);
VitrineCommitList *vitrine_history_page_get_commits         (VitrineHistoryPage *self);
gboolean           vitrine_history_page_select_commit       (VitrineHistoryPage *self,
                                                             const char         *commit_id);
VitrineCommit     *vitrine_history_page_get_selected_commit (VitrineHistoryPage *self);

G_END_DECLS
