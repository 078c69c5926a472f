/* vitrine-hub-object.c — the base of the Hub's typed results
 *
 * A result is the JSON object the server sent, kept whole, with typed
 * read-only properties on top that read it through accessors that never
 * trust its shape.  Results never change once made, so list factories can
 * bind to their properties without waiting for notifications.
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "vitrine-hub-object-private.h"

typedef struct
{
  JsonObject *json;
} VitrineHubObjectPrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (VitrineHubObject, vitrine_hub_object, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_JSON,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
vitrine_hub_object_finalize (GObject *object)
{
  VitrineHubObjectPrivate *priv = vitrine_hub_object_get_instance_private (VITRINE_HUB_OBJECT (object));

  g_clear_pointer (&priv->json, json_object_unref);
  G_OBJECT_CLASS (vitrine_hub_object_parent_class)->finalize (object);
}

static void
vitrine_hub_object_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  VitrineHubObject *self = VITRINE_HUB_OBJECT (object);

  switch (prop_id)
    {
    case PROP_JSON:
      g_value_set_boxed (value, vitrine_hub_object_get_json (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vitrine_hub_object_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  VitrineHubObjectPrivate *priv = vitrine_hub_object_get_instance_private (VITRINE_HUB_OBJECT (object));

  switch (prop_id)
    {
    case PROP_JSON:
      /* Never NULL: a result made without JSON reads as an empty one. */
      priv->json = g_value_get_boxed (value) != NULL ? g_value_dup_boxed (value) : json_object_new ();
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vitrine_hub_object_class_init (VitrineHubObjectClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = vitrine_hub_object_finalize;
  object_class->get_property = vitrine_hub_object_get_property;
  object_class->set_property = vitrine_hub_object_set_property;

  /**
   * VitrineHubObject:json:
   *
   * The JSON object the server sent.
   */
  properties[PROP_JSON] =
    g_param_spec_boxed ("json", NULL, NULL,
                        JSON_TYPE_OBJECT,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
vitrine_hub_object_init (VitrineHubObject *self)
{
}

/**
 * vitrine_hub_object_get_json:
 *
 * Returns: (transfer none): the JSON object the server sent, for what no
 *   property covers
 */
JsonObject *
vitrine_hub_object_get_json (VitrineHubObject *self)
{
  VitrineHubObjectPrivate *priv;

  g_return_val_if_fail (VITRINE_IS_HUB_OBJECT (self), NULL);

  priv = vitrine_hub_object_get_instance_private (self);
  return priv->json;
}

/* Makes a read-only string property for each of @members that names one
 * (the others stay as they are), indexed as the class's properties. */
void
_vitrine_hub_object_class_add_strings (GParamSpec              **pspecs,
                                       const VitrineJsonMember  *members,
                                       guint                     n_props)
{
  for (guint i = 0; i < n_props; i++)
    if (members[i].name != NULL)
      pspecs[i] = g_param_spec_string (members[i].name, NULL, NULL, NULL,
                                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
}

/* For get_property(): sets @value when @prop_id is one of @members. */
gboolean
_vitrine_hub_object_get_string (gpointer                  self,
                                const VitrineJsonMember  *members,
                                guint                     prop_id,
                                GValue                   *value)
{
  if (members[prop_id].member == NULL)
    return FALSE;
  g_value_set_string (value, vitrine_json_string (_vitrine_hub_object_json (self), members[prop_id].member));
  return TRUE;
}
