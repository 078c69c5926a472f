/* vitrine-folder-step.h — the publish wizard's Folder step
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "vitrine-assistant-page.h"
#include "vitrine-publish-setup.h"

G_BEGIN_DECLS

#define VITRINE_TYPE_FOLDER_STEP (vitrine_folder_step_get_type ())

G_DECLARE_FINAL_TYPE (VitrineFolderStep, vitrine_folder_step, VITRINE, FOLDER_STEP, VitrineAssistantPage)

VitrineFolderStep *vitrine_folder_step_new  (VitrinePublishSetup *setup);
void               vitrine_folder_step_scan (VitrineFolderStep   *self,
                                             const char * const  *included_secrets);

G_END_DECLS
