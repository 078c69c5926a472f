/* vitrine-card-step.h — the publish wizard's Model Card step
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "vitrine-assistant-page.h"
#include "vitrine-card-editor.h"

G_BEGIN_DECLS

#define VITRINE_TYPE_CARD_STEP (vitrine_card_step_get_type ())

G_DECLARE_FINAL_TYPE (VitrineCardStep, vitrine_card_step, VITRINE, CARD_STEP, VitrineAssistantPage)

VitrineCardStep   *vitrine_card_step_new        (void);
VitrineCardEditor *vitrine_card_step_get_editor (VitrineCardStep *self);

G_END_DECLS
