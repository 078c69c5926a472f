/* vitrine-ref.h — a branch, tag or other ref of a repository
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "vitrine-hub-object.h"
#include "vitrine-hub-types.h"

G_BEGIN_DECLS

#define VITRINE_TYPE_REF (vitrine_ref_get_type ())

G_DECLARE_FINAL_TYPE (VitrineRef, vitrine_ref, VITRINE, REF, VitrineHubObject)

VitrineRef       *vitrine_ref_new_from_json         (JsonObject       *object,
                                                     VitrineRefKind    kind);
const char       *vitrine_ref_get_name              (VitrineRef       *self);
const char       *vitrine_ref_get_ref               (VitrineRef       *self);
const char       *vitrine_ref_get_target            (VitrineRef       *self);
VitrineRefKind    vitrine_ref_get_kind              (VitrineRef       *self);

G_END_DECLS
