/* vitrine-publish-plan.h — what a publish would change, before it runs
 *
 * API note (issue 11): the rows are VitrinePlanEntry, in
 * vitrine-plan-entry.h; a plan is made by vitrine_publisher_plan_async()
 * or vitrine_publish_job_plan_async().
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "vitrine-plan-entry.h"

G_BEGIN_DECLS

#define VITRINE_TYPE_PUBLISH_PLAN (vitrine_publish_plan_get_type ())

G_DECLARE_FINAL_TYPE (VitrinePublishPlan, vitrine_publish_plan, VITRINE, PUBLISH_PLAN, GObject)

GListModel        *vitrine_publish_plan_get_added         (VitrinePublishPlan *self);
GListModel        *vitrine_publish_plan_get_changed       (VitrinePublishPlan *self);
GListModel        *vitrine_publish_plan_get_deleted       (VitrinePublishPlan *self);
guint              vitrine_publish_plan_get_n_unchanged   (VitrinePublishPlan *self);
guint              vitrine_publish_plan_get_n_files       (VitrinePublishPlan *self);
guint64            vitrine_publish_plan_get_n_bytes       (VitrinePublishPlan *self);
guint64            vitrine_publish_plan_get_bytes_to_send (VitrinePublishPlan *self);
gboolean           vitrine_publish_plan_get_repo_exists   (VitrinePublishPlan *self);
gboolean           vitrine_publish_plan_get_card_changed  (VitrinePublishPlan *self);
gboolean           vitrine_publish_plan_has_changes       (VitrinePublishPlan *self);

G_END_DECLS
