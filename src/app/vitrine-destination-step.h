/* vitrine-destination-step.h — the publish wizard's Destination step
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "vitrine-assistant-page.h"
#include "vitrine-publish-setup.h"

G_BEGIN_DECLS

#define VITRINE_TYPE_DESTINATION_STEP (vitrine_destination_step_get_type ())

G_DECLARE_FINAL_TYPE (VitrineDestinationStep, vitrine_destination_step, VITRINE, DESTINATION_STEP, VitrineAssistantPage)

VitrineDestinationStep *vitrine_destination_step_new          (VitrinePublishSetup    *setup);
void                    vitrine_destination_step_check_again (VitrineDestinationStep *self);
void                    vitrine_destination_step_set_accounts (VitrineDestinationStep *self,
                                                               GListModel             *accounts);

G_END_DECLS
