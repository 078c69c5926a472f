/* vitrine-card-metadata.c — the metadata the card editor manages, typed
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "vitrine-card.h"

static char *
member_string (JsonObject *object,
               const char *key)
{
  JsonNode *node = json_object_get_member (object, key);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return g_strdup (json_node_get_string (node));
}

/* A string or a list of strings (other items are skipped), as a vector. */
static char **
member_strings (JsonObject *object,
                const char *key)
{
  JsonNode *node = json_object_get_member (object, key);
  g_autoptr(GStrvBuilder) builder = NULL;
  JsonArray *array;

  if (node == NULL)
    return NULL;
  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    {
      char **one = g_new0 (char *, 2);

      one[0] = g_strdup (json_node_get_string (node));
      return one;
    }
  if (!JSON_NODE_HOLDS_ARRAY (node))
    return NULL;

  builder = g_strv_builder_new ();
  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *item = json_array_get_element (array, i);

      if (JSON_NODE_HOLDS_VALUE (item) && json_node_get_value_type (item) == G_TYPE_STRING)
        g_strv_builder_add (builder, json_node_get_string (item));
    }
  return g_strv_builder_end (builder);
}

/**
 * vitrine_card_metadata_new_from_json:
 * @metadata: (nullable): a card's front matter as JSON
 *
 * Returns: (transfer full): the managed keys, typed
 */
VitrineCardMetadata *
vitrine_card_metadata_new_from_json (JsonNode *metadata)
{
  VitrineCardMetadata *self = g_new0 (VitrineCardMetadata, 1);
  JsonObject *object;

  if (metadata == NULL || !JSON_NODE_HOLDS_OBJECT (metadata))
    return self;
  object = json_node_get_object (metadata);
  self->license = member_string (object, "license");
  self->license_name = member_string (object, "license_name");
  self->license_link = member_string (object, "license_link");
  self->languages = member_strings (object, "language");
  self->pipeline_tag = member_string (object, "pipeline_tag");
  self->library_name = member_string (object, "library_name");
  self->base_models = member_strings (object, "base_model");
  self->datasets = member_strings (object, "datasets");
  self->tags = member_strings (object, "tags");
  return self;
}

void
vitrine_card_metadata_free (VitrineCardMetadata *self)
{
  if (self == NULL)
    return;
  g_free (self->license);
  g_free (self->license_name);
  g_free (self->license_link);
  g_strfreev (self->languages);
  g_free (self->pipeline_tag);
  g_free (self->library_name);
  g_strfreev (self->base_models);
  g_strfreev (self->datasets);
  g_strfreev (self->tags);
  g_free (self);
}
