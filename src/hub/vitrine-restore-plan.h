/* vitrine-restore-plan.h — what restoring a version of a repository will
 * change on one of its branches
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "vitrine-repo-id.h"

G_BEGIN_DECLS

#define VITRINE_TYPE_RESTORE_PLAN (vitrine_restore_plan_get_type ())

G_DECLARE_FINAL_TYPE (VitrineRestorePlan, vitrine_restore_plan, VITRINE, RESTORE_PLAN, GObject)

VitrineRestorePlan *vitrine_restore_plan_new            (VitrineRepoType     type,
                                                         const char         *repo_id,
                                                         const char         *branch,
                                                         const char         *head_id,
                                                         const char         *revision,
                                                         const char         *target_id,
                                                         GListModel         *changes);
VitrineRepoType     vitrine_restore_plan_get_repo_type  (VitrineRestorePlan *self);
const char         *vitrine_restore_plan_get_repo_id    (VitrineRestorePlan *self);
const char         *vitrine_restore_plan_get_branch     (VitrineRestorePlan *self);
const char         *vitrine_restore_plan_get_head_id    (VitrineRestorePlan *self);
const char         *vitrine_restore_plan_get_revision   (VitrineRestorePlan *self);
const char         *vitrine_restore_plan_get_target_id  (VitrineRestorePlan *self);
GListModel         *vitrine_restore_plan_get_changes    (VitrineRestorePlan *self);
gboolean            vitrine_restore_plan_is_empty       (VitrineRestorePlan *self);

G_END_DECLS
