/* vitrine-review-step.h — the publish wizard's Review step
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "vitrine-assistant-page.h"
#include "vitrine-card-editor.h"
#include "vitrine-publish-setup.h"

G_BEGIN_DECLS

#define VITRINE_TYPE_REVIEW_STEP (vitrine_review_step_get_type ())

G_DECLARE_FINAL_TYPE (VitrineReviewStep, vitrine_review_step, VITRINE, REVIEW_STEP, VitrineAssistantPage)

VitrineReviewStep *vitrine_review_step_new      (VitrinePublishSetup *setup,
                                                 VitrineCardEditor   *editor);
void               vitrine_review_step_plan     (VitrineReviewStep   *self);

G_END_DECLS
