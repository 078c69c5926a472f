/* vitrine-ref.c — a branch, tag or other ref of a repository
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "vitrine-hub-object-private.h"
#include "vitrine-ref.h"

struct _VitrineRef
{
  VitrineHubObject  parent_instance;

  VitrineRefKind    kind;
};

G_DEFINE_FINAL_TYPE (VitrineRef, vitrine_ref, VITRINE_TYPE_HUB_OBJECT)

enum {
  PROP_0,
  PROP_NAME,
  PROP_REF,
  PROP_TARGET,
  PROP_KIND,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* name (such as "main" or "v1.0"), ref (such as "refs/heads/main"),
 * target (the commit it points at). */
static const VitrineJsonMember strings[N_PROPS] = {
  [PROP_NAME] = { "name", "name" },
  [PROP_REF] = { "ref", "ref" },
  [PROP_TARGET] = { "target", "targetCommit" },
};

static void
vitrine_ref_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  VitrineRef *self = VITRINE_REF (object);

  if (_vitrine_hub_object_get_string (self, strings, prop_id, value))
    return;
  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vitrine_ref_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  VitrineRef *self = VITRINE_REF (object);

  switch (prop_id)
    {
    case PROP_KIND:
      self->kind = g_value_get_enum (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vitrine_ref_class_init (VitrineRefClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = vitrine_ref_get_property;
  object_class->set_property = vitrine_ref_set_property;

  _vitrine_hub_object_class_add_strings (properties, strings, N_PROPS);
  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL,
                       VITRINE_TYPE_REF_KIND, VITRINE_REF_BRANCH,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
vitrine_ref_init (VitrineRef *self)
{
}

/**
 * vitrine_ref_new_from_json:
 * @object: a ref as the refs listing describes it
 * @kind: the list it came in
 *
 * Returns: (transfer full): the ref
 */
VitrineRef *
vitrine_ref_new_from_json (JsonObject     *object,
                           VitrineRefKind  kind)
{
  return g_object_new (VITRINE_TYPE_REF, "json", object, "kind", kind, NULL);
}

const char *
vitrine_ref_get_name (VitrineRef *self)
{
  g_return_val_if_fail (VITRINE_IS_REF (self), NULL);
  return vitrine_json_string (_vitrine_hub_object_json (self), "name");
}

const char *
vitrine_ref_get_ref (VitrineRef *self)
{
  g_return_val_if_fail (VITRINE_IS_REF (self), NULL);
  return vitrine_json_string (_vitrine_hub_object_json (self), "ref");
}

const char *
vitrine_ref_get_target (VitrineRef *self)
{
  g_return_val_if_fail (VITRINE_IS_REF (self), NULL);
  return vitrine_json_string (_vitrine_hub_object_json (self), "targetCommit");
}

VitrineRefKind
vitrine_ref_get_kind (VitrineRef *self)
{
  g_return_val_if_fail (VITRINE_IS_REF (self), VITRINE_REF_BRANCH);
  return self->kind;
}
