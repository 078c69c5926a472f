/* vitrine-hub-object.h — the base of the Hub's typed results
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "vitrine-json.h"

G_BEGIN_DECLS

#define VITRINE_TYPE_HUB_OBJECT (vitrine_hub_object_get_type ())

G_DECLARE_DERIVABLE_TYPE (VitrineHubObject, vitrine_hub_object, VITRINE, HUB_OBJECT, GObject)

struct _VitrineHubObjectClass
{
  GObjectClass parent_class;

  gpointer     padding[4];
};

JsonObject *vitrine_hub_object_get_json (VitrineHubObject *self);

G_END_DECLS
