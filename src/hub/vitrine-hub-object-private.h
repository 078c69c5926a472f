/* vitrine-hub-object-private.h — what the typed results share
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "vitrine-hub-object.h"
#include "vitrine-json.h"

G_BEGIN_DECLS

/* A read-only string property that is a string member of the JSON. */
typedef struct
{
  const char *name;     /* the property, in kebab case */
  const char *member;   /* the JSON member, as the server names it */
} VitrineJsonMember;

void     _vitrine_hub_object_class_add_strings (GParamSpec              **pspecs,
                                                const VitrineJsonMember  *members,
                                                guint                     n_props);
gboolean _vitrine_hub_object_get_string        (gpointer                  self,
                                                const VitrineJsonMember  *members,
                                                guint                     prop_id,
                                                GValue                   *value);

/* The JSON of a result, never NULL. */
static inline JsonObject *
_vitrine_hub_object_json (gpointer self)
{
  return vitrine_hub_object_get_json (VITRINE_HUB_OBJECT (self));
}

G_END_DECLS
