/* vitrine-space-runtime.h — where a Space's app is
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "vitrine-hub-object.h"

G_BEGIN_DECLS

#define VITRINE_TYPE_SPACE_RUNTIME (vitrine_space_runtime_get_type ())

G_DECLARE_FINAL_TYPE (VitrineSpaceRuntime, vitrine_space_runtime, VITRINE, SPACE_RUNTIME, VitrineHubObject)

VitrineSpaceRuntime *vitrine_space_runtime_new_from_json         (JsonObject          *object);
const char          *vitrine_space_runtime_get_stage             (VitrineSpaceRuntime *self);
const char          *vitrine_space_runtime_get_hardware          (VitrineSpaceRuntime *self);
const char          *vitrine_space_runtime_get_requested_hardware (VitrineSpaceRuntime *self);
const char          *vitrine_space_runtime_get_sdk               (VitrineSpaceRuntime *self);
const char          *vitrine_space_runtime_get_error_message     (VitrineSpaceRuntime *self);
gint64               vitrine_space_runtime_get_sleep_time        (VitrineSpaceRuntime *self);

G_END_DECLS
