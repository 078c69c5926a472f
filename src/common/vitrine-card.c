/* vitrine-card.c — a model card (README.md) that keeps what it does not manage
 *
 * The front matter is kept as text.  Setting a key rewrites only the lines
 * of that top-level key (or adds them at the end of the front matter);
 * every other key keeps its text, comments, anchors and order, and the
 * Markdown body is kept byte for byte.
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>
#include <yaml.h>

#include "vitrine-card.h"
#include "vitrine-card-private.h"
#include "vitrine-error.h"
#include "vitrine-yaml.h"

void
vitrine_card_free (VitrineCard *self)
{
  if (self == NULL)
    return;
  g_free (self->open_fence);
  g_string_free (self->yaml, TRUE);
  g_free (self->close_fence);
  g_free (self->body);
  g_free (self);
}

/**
 * vitrine_card_new_from_text:
 *
 * Returns: (transfer full): the card; its front matter is not parsed
 *   until asked for
 */
VitrineCard *
vitrine_card_new_from_text (const char  *text,
                            gssize       len,
                            GError     **error)
{
  VitrineCard *self;
  gsize yaml_start, yaml_len, body_start;

  if (len < 0)
    len = strlen (text);
  if (!g_utf8_validate (text, len, NULL))
    {
      g_set_error_literal (error, VITRINE_ERROR, VITRINE_ERROR_INVALID_ARGUMENT,
                           _("The model card is not UTF-8 text."));
      return NULL;
    }

  self = g_new0 (VitrineCard, 1);
  if (vitrine_front_matter_split (text, len, &yaml_start, &yaml_len, &body_start))
    {
      self->open_fence = g_strndup (text, yaml_start);
      self->yaml = g_string_new_len (text + yaml_start, yaml_len);
      self->close_fence = g_strndup (text + yaml_start + yaml_len, body_start - yaml_start - yaml_len);
      self->body = g_strndup (text + body_start, len - body_start);
    }
  else
    {
      self->yaml = g_string_new (NULL);
      self->body = g_strndup (text, len);
    }
  return self;
}

/**
 * vitrine_card_to_text:
 *
 * Returns: (transfer full): the README, unchanged parts byte for byte
 */
char *
vitrine_card_to_text (VitrineCard *self)
{
  if (self->open_fence == NULL && self->yaml->len == 0)
    return g_strdup (self->body);
  if (self->open_fence == NULL)
    return g_strconcat ("---\n", self->yaml->str, "---\n", self->body, NULL);
  return g_strconcat (self->open_fence, self->yaml->str, self->close_fence, self->body, NULL);
}

const char *
vitrine_card_get_body (VitrineCard *self)
{
  return self->body;
}

void
vitrine_card_set_body (VitrineCard *self,
                       const char  *body)
{
  g_free (self->body);
  self->body = g_strdup (body);
}

JsonNode *
vitrine_card_get_metadata (VitrineCard  *self,
                           GError      **error)
{
  return vitrine_yaml_to_json (self->yaml->str, self->yaml->len, 1, error);
}

/* Byte offset of the start of line @line (0-based) in @text. */
gsize
_vitrine_card_line_offset (const char *text,
                           gsize       len,
                           gsize       line)
{
  const guchar *t = (const guchar *) text;
  gsize offset = 0;

  /* Lines end as libyaml (whose marks count them) ends them: at "\r\n",
   * "\r", "\n", and the Unicode NEL, LS and PS. */
  for (gsize l = 0; l < line; l++)
    {
      gsize brk = 0;

      while (offset < len && brk == 0)
        {
          if (t[offset] == '\n')
            brk = 1;
          else if (t[offset] == '\r')
            brk = offset + 1 < len && t[offset + 1] == '\n' ? 2 : 1;
          else if (t[offset] == 0xC2 && offset + 1 < len && t[offset + 1] == 0x85)
            brk = 2;
          else if (t[offset] == 0xE2 && offset + 2 < len && t[offset + 1] == 0x80 &&
                   (t[offset + 2] == 0xA8 || t[offset + 2] == 0xA9))
            brk = 3;
          else
            offset++;
        }
      if (brk == 0)
        return len;
      offset += brk;
    }
  return offset;
}

/* Finds the lines of top-level key @key: [*first, *last).  *found is FALSE
 * when the key is absent; an error when the front matter is not a block
 * mapping.  @key_lines (nullable) receives every top-level key with its
 * first line plus one. */
static gboolean
find_key_lines (VitrineCard  *self,
                const char   *key,
                gboolean     *found,
                gsize        *first,
                gsize        *last,
                GHashTable   *key_lines,
                GError      **error)
{
  yaml_parser_t parser;
  yaml_event_t event;
  gboolean ok = TRUE, done = FALSE;
  int depth = 0;
  gboolean expect_key = FALSE;
  gboolean in_match = FALSE;

  *found = FALSE;
  if (self->yaml->len == 0)
    return TRUE;

  yaml_parser_initialize (&parser);
  yaml_parser_set_input_string (&parser, (const guchar *) self->yaml->str, self->yaml->len);
  while (!done)
    {
      if (!yaml_parser_parse (&parser, &event))
        {
          g_set_error (error, VITRINE_ERROR, VITRINE_ERROR_INVALID_ARGUMENT,
                       _("YAML error at line %u, column %u: %s"),
                       (guint) parser.problem_mark.line + 2, (guint) parser.problem_mark.column + 1,
                       parser.problem != NULL ? parser.problem : _("invalid YAML"));
          ok = FALSE;
          break;
        }
      switch (event.type)
        {
        case YAML_MAPPING_START_EVENT:
          if (depth == 0 && event.data.mapping_start.style == YAML_FLOW_MAPPING_STYLE)
            {
              g_set_error_literal (error, VITRINE_ERROR, VITRINE_ERROR_INVALID_ARGUMENT,
                                   _("The front matter is written on one line; Vitrine edits only the usual “key: value” form."));
              ok = FALSE;
              done = TRUE;
            }
          if (depth == 0)
            expect_key = TRUE;
          else if (depth == 1)
            expect_key = !expect_key;
          depth++;
          break;
        case YAML_SEQUENCE_START_EVENT:
          if (depth == 1)
            expect_key = !expect_key;
          depth++;
          break;
        case YAML_MAPPING_END_EVENT:
        case YAML_SEQUENCE_END_EVENT:
          depth--;
          if (depth == 1 && in_match)
            {
              *last = event.end_mark.column == 0 ? event.end_mark.line : event.end_mark.line + 1;
              in_match = FALSE;
            }
          break;
        case YAML_SCALAR_EVENT:
        case YAML_ALIAS_EVENT:
          if (depth == 1 && expect_key && event.type == YAML_SCALAR_EVENT)
            {
              const char *name = (const char *) event.data.scalar.value;

              if (key_lines != NULL && !g_hash_table_contains (key_lines, name))
                g_hash_table_insert (key_lines, g_strdup (name), GSIZE_TO_POINTER (event.start_mark.line + 1));
              if (g_str_equal (name, key))
                {
                  *found = TRUE;
                  in_match = TRUE;
                  *first = event.start_mark.line;
                }
              expect_key = FALSE;
            }
          else if (depth == 1)
            {
              if (in_match)
                {
                  *last = event.end_mark.column == 0 ? event.end_mark.line : event.end_mark.line + 1;
                  in_match = FALSE;
                }
              expect_key = TRUE;
            }
          break;
        case YAML_STREAM_END_EVENT:
          done = TRUE;
          break;
        case YAML_NO_EVENT:
        case YAML_STREAM_START_EVENT:
        case YAML_DOCUMENT_START_EVENT:
        case YAML_DOCUMENT_END_EVENT:
        default:
          break;
        }
      /* After a collection value at depth 1 closes, the next is a key. */
      if ((event.type == YAML_MAPPING_END_EVENT || event.type == YAML_SEQUENCE_END_EVENT) && depth == 1)
        expect_key = TRUE;
      yaml_event_delete (&event);
    }
  yaml_parser_delete (&parser);
  return ok;
}

/* Whether a string reads back as the same string when written bare: it
 * starts with a letter, holds only letters, digits and `._/+-` (and inner
 * spaces), and is not a word YAML parsers take for a boolean or null. */
static gboolean
is_plain_safe (const char *text)
{
  static const char * const words[] = {
    "true", "false", "yes", "no", "on", "off", "y", "n", "null", "nan", "inf",
  };
  gsize len = strlen (text);

  if (len == 0 || len > 200 || !g_ascii_isalpha (text[0]) || text[len - 1] == ' ')
    return FALSE;
  for (gsize i = 0; i < len; i++)
    if (!g_ascii_isalnum (text[i]) && strchr ("._/+- ", text[i]) == NULL)
      return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    if (g_ascii_strcasecmp (text, words[i]) == 0)
      return FALSE;
  return TRUE;
}

/* A string as YAML in @style where that reads back the same, else
 * plain when safe, else double-quoted (JSON is YAML). */
void
_vitrine_card_append_string (GString             *out,
               const char          *text,
               yaml_scalar_style_t  style)
{
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *json = NULL;

  if (style == YAML_SINGLE_QUOTED_SCALAR_STYLE && strpbrk (text, "\n\r\t") == NULL)
    {
      g_string_append_c (out, '\'');
      for (const char *c = text; *c != '\0'; c++)
        {
          if (*c == '\'')
            g_string_append_c (out, '\'');
          g_string_append_c (out, *c);
        }
      g_string_append_c (out, '\'');
      return;
    }
  if (style != YAML_DOUBLE_QUOTED_SCALAR_STYLE && is_plain_safe (text))
    {
      g_string_append (out, text);
      return;
    }
  node = json_node_init_string (json_node_alloc (), text);
  json = json_to_string (node, FALSE);
  g_string_append (out, json);
}

/* A scalar or a collection on one line: anything not plain-safe comes out
 * double-quoted and escaped. */
static void
append_value (GString       *out,
              JsonGenerator *generator,
              JsonNode      *value)
{
  g_autofree char *text = NULL;

  if (JSON_NODE_HOLDS_VALUE (value) && json_node_get_value_type (value) == G_TYPE_STRING)
    {
      _vitrine_card_append_string (out, json_node_get_string (value), YAML_ANY_SCALAR_STYLE);
      return;
    }
  json_generator_set_root (generator, value);
  text = json_generator_to_data (generator, NULL);
  g_string_append (out, text);
}

/* Writes @value as a YAML block for @key, one or more lines.  Lists take
 * @list_prefix before each item (the card's own style, else "- ");
 * @comment (nullable) ends the key's line. */
static void
render (GString    *out,
        const char *key,
        JsonNode   *value,
        const char *list_prefix,
        const char *comment)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();

  if (comment == NULL)
    comment = "";
  if (JSON_NODE_HOLDS_ARRAY (value) && json_array_get_length (json_node_get_array (value)) > 0)
    {
      JsonArray *array = json_node_get_array (value);

      g_string_append_printf (out, "%s:%s\n", key, comment);
      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          g_string_append (out, list_prefix != NULL ? list_prefix : "- ");
          append_value (out, generator, json_array_get_element (array, i));
          g_string_append_c (out, '\n');
        }
      return;
    }

  g_string_append_printf (out, "%s: ", key);
  append_value (out, generator, value);
  g_string_append_printf (out, "%s\n", comment);
}

/* Where the keys the Hub documents usually sit, top to bottom; the
 * evaluation results (model-index) come last. */
static const char * const key_order[] = {
  "license", "license_name", "license_link", "language", "library_name", "pipeline_tag",
  "base_model", "base_model_relation", "datasets", "metrics", "tags", "model-index",
};

static int
key_rank (const char *key)
{
  for (guint i = 0; i < G_N_ELEMENTS (key_order); i++)
    if (strcmp (key_order[i], key) == 0)
      return i;
  return -1;
}

/* The line a new key goes on: before the first key written there that
 * usually comes after it, else at the end (-1).  @key_lines is what
 * find_key_lines() saw. */
static gssize
insert_line (GHashTable *key_lines,
             const char *key)
{
  int rank = key_rank (key);
  gssize line = -1;

  if (rank < 0)
    rank = G_N_ELEMENTS (key_order) - 2;
  for (guint i = rank + 1; i < G_N_ELEMENTS (key_order); i++)
    {
      gsize first = GPOINTER_TO_SIZE (g_hash_table_lookup (key_lines, key_order[i]));

      if (first > 0 && (line < 0 || (gssize) first - 1 < line))
        line = first - 1;
    }
  return line;
}

/**
 * vitrine_card_dup_key_text:
 *
 * The lines a top-level key is written on, as they are written (with
 * their formatting, anchors and inner comments).
 *
 * Returns: (transfer full) (nullable): the lines, each ending with a
 *   newline; %NULL when the key is absent or the front matter cannot be
 *   read (then @error says why)
 */
char *
vitrine_card_dup_key_text (VitrineCard  *self,
                           const char   *key,
                           GError      **error)
{
  gboolean found;
  gsize first = 0, last = 0;
  gsize start, end;
  char *text;

  if (!find_key_lines (self, key, &found, &first, &last, NULL, error) || !found)
    return NULL;
  start = _vitrine_card_line_offset (self->yaml->str, self->yaml->len, first);
  end = _vitrine_card_line_offset (self->yaml->str, self->yaml->len, last);
  if (end < start)
    end = start;
  text = g_strndup (self->yaml->str + start, end - start);
  if (end > start && text[end - start - 1] != '\n')
    {
      char *with_newline = g_strconcat (text, "\n", NULL);

      g_free (text);
      text = with_newline;
    }
  return text;
}

/**
 * vitrine_card_set_key_text:
 * @lines: the key's lines, as vitrine_card_dup_key_text() gives them
 *
 * Writes a top-level key as given: over its old lines when it is there,
 * where such keys usually sit when it is new.  The caller answers for
 * @lines being that key's YAML.
 */
gboolean
vitrine_card_set_key_text (VitrineCard  *self,
                           const char   *key,
                           const char   *lines,
                           GError      **error)
{
  g_autoptr(GHashTable) key_lines = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  gboolean found;
  gsize first = 0, last = 0;

  if (!find_key_lines (self, key, &found, &first, &last, key_lines, error))
    return FALSE;

  if (found)
    {
      gsize start = _vitrine_card_line_offset (self->yaml->str, self->yaml->len, first);
      gsize end = _vitrine_card_line_offset (self->yaml->str, self->yaml->len, last);

      if (end < start)
        end = start;
      g_string_erase (self->yaml, start, end - start);
      g_string_insert (self->yaml, start, lines);
    }
  else
    {
      gssize line = insert_line (key_lines, key);

      /* Comments just above a key belong to it and stay with it. */
      while (line > 0 && self->yaml->str[_vitrine_card_line_offset (self->yaml->str, self->yaml->len, line - 1)] == '#')
        line--;
      if (line >= 0)
        g_string_insert (self->yaml, _vitrine_card_line_offset (self->yaml->str, self->yaml->len, line), lines);
      else
        {
          if (self->yaml->len > 0 && self->yaml->str[self->yaml->len - 1] != '\n')
            g_string_append_c (self->yaml, '\n');
          g_string_append (self->yaml, lines);
        }
    }
  return TRUE;
}

/**
 * vitrine_card_set:
 * @value: a string, number, boolean, or list or mapping of them
 *
 * Sets a top-level key, rewriting only what changed in its own lines: a
 * string keeps its quotes and the comment after it, a list keeps the
 * lines of the items that stay (with their comments) and its
 * indentation.  A new key, or a value of another shape, is written whole,
 * in the style of the card's other lists.
 */
gboolean
vitrine_card_set (VitrineCard  *self,
                  const char   *key,
                  JsonNode     *value,
                  GError      **error)
{
  g_autoptr(GString) block = g_string_new (NULL);
  g_autofree char *list_prefix = NULL;
  g_autofree char *comment = NULL;
  gboolean found;
  gsize first = 0, last = 0;

  if (!find_key_lines (self, key, &found, &first, &last, NULL, error))
    return FALSE;
  if (_vitrine_card_set_in_place (self, key, found, first, last, value, &list_prefix, &comment))
    return TRUE;
  render (block, key, value, list_prefix, comment);
  return vitrine_card_set_key_text (self, key, block->str, error);
}

gboolean
vitrine_card_remove (VitrineCard  *self,
                     const char   *key,
                     GError      **error)
{
  gboolean found;
  gsize first = 0, last = 0;

  if (!find_key_lines (self, key, &found, &first, &last, NULL, error))
    return FALSE;
  if (found)
    {
      gsize start = _vitrine_card_line_offset (self->yaml->str, self->yaml->len, first);
      gsize end = _vitrine_card_line_offset (self->yaml->str, self->yaml->len, last);

      if (end > start)
        g_string_erase (self->yaml, start, end - start);
    }
  return TRUE;
}
