/* fuzz-card.c — the card model, whatever the README
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdint.h>
#include <string.h>

#include "vitrine-card.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VitrineCard) card = vitrine_card_new_from_text ((const char *) data, size, &error);
  g_autoptr(JsonNode) value = NULL;
  g_autofree char *text = NULL;
  g_autofree char *body_before = NULL;

  if (card == NULL)
    return 0;

  /* Unchanged, a card is written back byte for byte. */
  text = vitrine_card_to_text (card);
  g_assert (strlen (text) == size && memcmp (text, data, size) == 0);

  /* Setting a key never touches the body, and keeps the card readable. */
  body_before = g_strdup (vitrine_card_get_body (card));
  value = json_node_init_string (json_node_alloc (), "mit");
  if (vitrine_card_set (card, "license", value, NULL))
    {
      g_autoptr(JsonNode) meta = vitrine_card_get_metadata (card, NULL);

      g_assert (g_str_equal (body_before, vitrine_card_get_body (card)));
      if (meta != NULL && JSON_NODE_HOLDS_OBJECT (meta))
        {
          JsonNode *license = json_object_get_member (json_node_get_object (meta), "license");
          g_assert (license != NULL && JSON_NODE_HOLDS_VALUE (license));
        }
    }

  /* A list set in place of whatever the key held reads back as that list,
   * and the body stays. */
  {
    g_autoptr(JsonArray) tags = json_array_new ();
    g_autoptr(JsonNode) list = json_node_alloc ();

    json_array_add_string_element (tags, "a");
    json_array_add_string_element (tags, "b c");
    json_node_init_array (list, tags);
    if (vitrine_card_set (card, "tags", list, NULL))
      {
        g_autoptr(JsonNode) meta = vitrine_card_get_metadata (card, NULL);

        g_assert (g_str_equal (body_before, vitrine_card_get_body (card)));
        if (meta != NULL && JSON_NODE_HOLDS_OBJECT (meta))
          {
            JsonNode *got = json_object_get_member (json_node_get_object (meta), "tags");
            g_assert (got != NULL && json_node_equal (got, list));
          }
      }
  }
  return 0;
}
