/* vitrine-publish-plan-private.h — how a plan is filled
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "vitrine-publish-plan.h"

G_BEGIN_DECLS

VitrinePlanEntry   *_vitrine_plan_entry_new         (const char         *path,
                                                     VitrinePlanChange   change,
                                                     guint64             size,
                                                     guint64             old_size,
                                                     gboolean            is_large);
VitrinePublishPlan *_vitrine_publish_plan_new       (void);
void                _vitrine_publish_plan_add       (VitrinePublishPlan *self,
                                                     VitrinePlanEntry   *entry);
void                _vitrine_publish_plan_set_facts (VitrinePublishPlan *self,
                                                     guint               n_files,
                                                     guint64             n_bytes,
                                                     guint               n_unchanged,
                                                     gboolean            repo_exists,
                                                     gboolean            card_changed);

G_END_DECLS
