/* vitrine-license-step.h — the publish wizard's License step
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "vitrine-assistant-page.h"
#include "vitrine-card-editor.h"

G_BEGIN_DECLS

#define VITRINE_TYPE_LICENSE_STEP (vitrine_license_step_get_type ())

G_DECLARE_FINAL_TYPE (VitrineLicenseStep, vitrine_license_step, VITRINE, LICENSE_STEP, VitrineAssistantPage)

VitrineLicenseStep *vitrine_license_step_new        (VitrineCardEditor  *editor);
const char         *vitrine_license_step_get_license (VitrineLicenseStep *self);
gboolean            vitrine_license_step_choose     (VitrineLicenseStep *self,
                                                     const char         *id);

G_END_DECLS
