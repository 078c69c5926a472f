/* vitrine-card-merge.c — a three-way merge of model cards
 *
 * Before publishing, the user's card is merged with the one on the Hub so
 * that edits made there meanwhile are not silently overwritten.  The merge
 * works on whole top-level metadata keys and on the body as one piece: a
 * part the user left as it was takes the Hub's version, a part only the
 * user changed keeps the user's, and a part both changed differently is a
 * conflict that keeps the user's.  The result starts from the user's text,
 * so everything not taken from the Hub keeps its bytes.
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "vitrine-card-merge.h"
#include "vitrine-card.h"
#include "vitrine-error.h"

/* Reads @text, %NULL being a card with nothing in it, and its top-level
 * keys. */
static VitrineCard *
load (const char  *text,
      JsonObject **metadata,
      GError     **error)
{
  g_autoptr(VitrineCard) card = NULL;
  g_autoptr(JsonNode) node = NULL;

  card = vitrine_card_new_from_text (text != NULL ? text : "", -1, error);
  if (card == NULL)
    return NULL;
  node = vitrine_card_get_metadata (card, error);
  if (node == NULL)
    return NULL;

  if (JSON_NODE_HOLDS_NULL (node))
    *metadata = json_object_new ();
  else if (JSON_NODE_HOLDS_OBJECT (node))
    *metadata = json_object_ref (json_node_get_object (node));
  else
    {
      /* The message vitrine-card-rules.c gives, so it is translated. */
      g_set_error_literal (error, VITRINE_ERROR, VITRINE_ERROR_INVALID_ARGUMENT,
                           gettext ("The metadata must be a YAML mapping of keys to values."));
      return NULL;
    }
  return g_steal_pointer (&card);
}

/* Absent (%NULL) equals only absent. */
static gboolean
same_value (JsonNode *a,
            JsonNode *b)
{
  if (a == NULL || b == NULL)
    return a == b;
  return json_node_equal (a, b);
}

static gboolean
merge_key (VitrineCard  *card,
           VitrineCard  *theirs_card,
           const char   *key,
           JsonObject   *base,
           JsonObject   *mine,
           JsonObject   *theirs,
           GPtrArray    *conflicts,
           GError      **error)
{
  JsonNode *base_value = json_object_get_member (base, key);
  JsonNode *mine_value = json_object_get_member (mine, key);
  JsonNode *theirs_value = json_object_get_member (theirs, key);

  /* Unchanged on the Hub, or changed the same way on both sides. */
  if (same_value (theirs_value, base_value) || same_value (mine_value, theirs_value))
    return TRUE;

  if (same_value (mine_value, base_value))
    {
      g_autofree char *lines = NULL;

      if (theirs_value == NULL)
        return vitrine_card_remove (card, key, error);
      /* Their lines as they wrote them, so their formatting stays. */
      lines = vitrine_card_dup_key_text (theirs_card, key, NULL);
      if (lines != NULL)
        {
          g_autoptr(JsonNode) check = NULL;

          if (!vitrine_card_set_key_text (card, key, lines, error))
            return FALSE;
          /* An alias to an anchor elsewhere in their card does not carry
           * over: then the value is written out instead. */
          check = vitrine_card_get_metadata (card, NULL);
          if (check != NULL)
            return TRUE;
        }
      return vitrine_card_set (card, key, theirs_value, error);
    }

  g_ptr_array_add (conflicts, g_strdup (key));
  return TRUE;
}

/**
 * vitrine_card_merge:
 * @base: (nullable): the card as it was when the user started editing,
 *   %NULL if there was none
 * @mine: (nullable): the user's card
 * @theirs: (nullable): the card on the server now, %NULL if there is none
 * @conflicts: (out) (optional) (transfer container) (element-type utf8):
 *   the names of the keys, and "body", that both sides changed
 *   differently; empty when there are none, %NULL on error
 *
 * Merges the changes made on the server since @base into @mine.  For each
 * top-level metadata key and for the body, the server's version is taken
 * when @mine has it as @base had it; when all three differ, @mine's stays
 * and the part is listed in @conflicts.  Keys keep @mine's order; keys
 * taken from the server that @mine lacks go at the end of the front
 * matter.  A %NULL card counts as an empty one.
 *
 * Returns: (transfer full): the merged card, or %NULL with @error set when
 *   a card is not UTF-8, its front matter is not valid YAML or not a
 *   mapping, or @mine's front matter cannot be edited
 */
char *
vitrine_card_merge (const char  *base,
                    const char  *mine,
                    const char  *theirs,
                    GPtrArray  **conflicts,
                    GError     **error)
{
  g_autoptr(VitrineCard) base_card = NULL;
  g_autoptr(VitrineCard) mine_card = NULL;
  g_autoptr(VitrineCard) theirs_card = NULL;
  g_autoptr(JsonObject) base_meta = NULL;
  g_autoptr(JsonObject) mine_meta = NULL;
  g_autoptr(JsonObject) theirs_meta = NULL;
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GList) mine_keys = NULL;
  g_autoptr(GList) theirs_keys = NULL;
  const char *base_body, *mine_body, *theirs_body;

  if (conflicts != NULL)
    *conflicts = NULL;

  if ((base_card = load (base, &base_meta, error)) == NULL ||
      (mine_card = load (mine, &mine_meta, error)) == NULL ||
      (theirs_card = load (theirs, &theirs_meta, error)) == NULL)
    return NULL;

  /* Read both lists first: setting keys does not touch these objects. */
  mine_keys = json_object_get_members (mine_meta);
  theirs_keys = json_object_get_members (theirs_meta);

  for (GList *l = mine_keys; l != NULL; l = l->next)
    if (!merge_key (mine_card, theirs_card, l->data, base_meta, mine_meta, theirs_meta, found, error))
      return NULL;

  /* Keys the server has and the user has not: added there, or removed
   * here.  A key neither has now needs nothing. */
  for (GList *l = theirs_keys; l != NULL; l = l->next)
    if (!json_object_has_member (mine_meta, l->data) &&
        !merge_key (mine_card, theirs_card, l->data, base_meta, mine_meta, theirs_meta, found, error))
      return NULL;

  base_body = vitrine_card_get_body (base_card);
  mine_body = vitrine_card_get_body (mine_card);
  theirs_body = vitrine_card_get_body (theirs_card);
  if (!g_str_equal (theirs_body, base_body) && !g_str_equal (mine_body, theirs_body))
    {
      if (g_str_equal (mine_body, base_body))
        vitrine_card_set_body (mine_card, theirs_body);
      else
        g_ptr_array_add (found, g_strdup ("body"));
    }

  if (conflicts != NULL)
    *conflicts = g_steal_pointer (&found);
  return vitrine_card_to_text (mine_card);
}
