/* vitrine-json.c — reading JSON that came from elsewhere, and the Hub's dates
 *
 * Every JSON document from outside — a request body, a line of an NDJSON
 * commit, an answer or an error body a server sent — is parsed by
 * vitrine_json_parse(), which bounds its size and nesting before JSON-GLib
 * sees it.  The accessors never trust a document's shape: a missing member
 * and a member of another type read alike, as absent.
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "vitrine-error.h"
#include "vitrine-json.h"

/**
 * vitrine_json_too_deep:
 *
 * Whether arrays and objects in @data nest deeper than
 * %VITRINE_JSON_MAX_DEPTH.  Brackets inside strings do not count.  The
 * text need not be valid JSON: this only bounds what the parser would do.
 */
gboolean
vitrine_json_too_deep (const char *data,
                       gsize       len)
{
  gboolean in_string = FALSE;
  guint depth = 0;

  for (gsize i = 0; i < len; i++)
    {
      char c = data[i];

      if (in_string)
        {
          if (c == '\\')
            i++;
          else if (c == '"')
            in_string = FALSE;
        }
      else if (c == '"')
        in_string = TRUE;
      else if (c == '[' || c == '{')
        {
          if (++depth > VITRINE_JSON_MAX_DEPTH)
            return TRUE;
        }
      else if ((c == ']' || c == '}') && depth > 0)
        depth--;
    }
  return FALSE;
}

/**
 * vitrine_json_parse:
 * @data: the text, not necessarily nul-terminated
 * @len: its length
 * @max_len: the longest text accepted, or 0 for no bound
 *
 * Parses a JSON document that came from elsewhere, after checking that it
 * is no longer than @max_len and nests no deeper than
 * %VITRINE_JSON_MAX_DEPTH.  Its messages are the protocol's, in English,
 * as the hub's answers are.
 *
 * Returns: (transfer full) (nullable): the document's root, or %NULL with
 *   @error set (%VITRINE_ERROR_TOO_LARGE for a text too long or nested
 *   too deeply, %VITRINE_ERROR_INVALID_ARGUMENT else)
 */
JsonNode *
vitrine_json_parse (const char  *data,
                    gsize        len,
                    gsize        max_len,
                    GError     **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) parse_error = NULL;
  JsonNode *root;

  if (max_len > 0 && len > max_len)
    {
      g_set_error (error, VITRINE_ERROR, VITRINE_ERROR_TOO_LARGE,
                   "The JSON document is too large (%" G_GSIZE_FORMAT " bytes).", len);
      return NULL;
    }
  if (data == NULL || len == 0)
    {
      g_set_error_literal (error, VITRINE_ERROR, VITRINE_ERROR_INVALID_ARGUMENT,
                           "The JSON document is empty.");
      return NULL;
    }
  if (vitrine_json_too_deep (data, len))
    {
      g_set_error_literal (error, VITRINE_ERROR, VITRINE_ERROR_TOO_LARGE,
                           "The JSON document is nested too deeply.");
      return NULL;
    }
  parser = json_parser_new ();
  if (!json_parser_load_from_data (parser, data, len, &parse_error))
    {
      g_set_error (error, VITRINE_ERROR, VITRINE_ERROR_INVALID_ARGUMENT,
                   "The JSON document is not valid: %s", parse_error->message);
      return NULL;
    }
  root = json_parser_get_root (parser);
  if (root == NULL)
    {
      g_set_error_literal (error, VITRINE_ERROR, VITRINE_ERROR_INVALID_ARGUMENT,
                           "The JSON document is empty.");
      return NULL;
    }
  return json_node_ref (root);
}

/**
 * vitrine_format_date:
 *
 * Returns: (transfer full): the time in the Hub's format,
 *   `2026-11-26T04:26:50.000Z`
 */
char *
vitrine_format_date (gint64 unix_seconds)
{
  g_autoptr(GDateTime) dt = g_date_time_new_from_unix_utc (unix_seconds);

  return g_date_time_format (dt, "%Y-%m-%dT%H:%M:%S.000Z");
}

const char *
vitrine_json_string (JsonObject *object,
                     const char *member)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, member) : NULL;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

gboolean
vitrine_json_bool (JsonObject *object,
                   const char *member,
                   gboolean    fallback)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, member) : NULL;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
    return fallback;
  return json_node_get_boolean (node);
}

gint64
vitrine_json_int (JsonObject *object,
                  const char *member,
                  gint64      fallback)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, member) : NULL;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return fallback;
  if (json_node_get_value_type (node) == G_TYPE_INT64)
    return json_node_get_int (node);
  if (json_node_get_value_type (node) == G_TYPE_DOUBLE)
    return (gint64) json_node_get_double (node);
  return fallback;
}

JsonObject *
vitrine_json_object (JsonObject *object,
                     const char *member)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, member) : NULL;

  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

JsonArray *
vitrine_json_array (JsonObject *object,
                    const char *member)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, member) : NULL;

  return node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
}
