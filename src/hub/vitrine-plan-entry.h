/* vitrine-plan-entry.h — one file a publish would add, change or delete
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "vitrine-hub-types.h"

G_BEGIN_DECLS

#define VITRINE_TYPE_PLAN_ENTRY (vitrine_plan_entry_get_type ())

G_DECLARE_FINAL_TYPE (VitrinePlanEntry, vitrine_plan_entry, VITRINE, PLAN_ENTRY, GObject)

const char        *vitrine_plan_entry_get_path     (VitrinePlanEntry *self);
VitrinePlanChange  vitrine_plan_entry_get_change   (VitrinePlanEntry *self);
guint64            vitrine_plan_entry_get_size     (VitrinePlanEntry *self);
guint64            vitrine_plan_entry_get_old_size (VitrinePlanEntry *self);
gboolean           vitrine_plan_entry_get_is_large (VitrinePlanEntry *self);

G_END_DECLS
