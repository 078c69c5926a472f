/* vitrine-yaml.c — YAML front matter, read into JSON, with limits
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <glib/gi18n.h>
#include <yaml.h>

#include "vitrine-error.h"
#include "vitrine-yaml.h"

/* A line made of `---` and optional trailing blanks. */
static gboolean
is_fence (const char *line,
          gsize       len)
{
  if (len < 3 || strncmp (line, "---", 3) != 0)
    return FALSE;
  for (gsize i = 3; i < len; i++)
    if (line[i] != ' ' && line[i] != '\t' && line[i] != '\r')
      return FALSE;
  return TRUE;
}

/**
 * vitrine_front_matter_split:
 * @yaml_start: (out): where the YAML begins
 * @yaml_len: (out): its length
 * @body_start: (out): where the Markdown body begins
 *
 * Finds the front matter of a README: a first line `---`, then YAML up to
 * the next `---` line.
 *
 * Returns: %FALSE when there is no front matter
 */
gboolean
vitrine_front_matter_split (const char *text,
                            gsize       len,
                            gsize      *yaml_start,
                            gsize      *yaml_len,
                            gsize      *body_start)
{
  const char *nl;
  gsize pos;

  if (text == NULL || len < 3)
    return FALSE;

  nl = memchr (text, '\n', len);
  if (nl == NULL || !is_fence (text, nl - text))
    return FALSE;

  pos = nl - text + 1;
  *yaml_start = pos;
  while (pos <= len)
    {
      const char *line = text + pos;
      const char *end = memchr (line, '\n', len - pos);
      gsize line_len = end != NULL ? (gsize) (end - line) : len - pos;

      if (is_fence (line, line_len))
        {
          *yaml_len = pos - *yaml_start;
          *body_start = end != NULL ? pos + line_len + 1 : len;
          return TRUE;
        }
      if (end == NULL)
        break;
      pos += line_len + 1;
    }
  return FALSE;
}

typedef struct
{
  yaml_parser_t parser;
  GHashTable   *anchors;
  guint         nodes;
  guint         line_offset;
  guint         error_line;
  guint         error_column;
  GError      **error;
} Reader;

static gboolean
fail_at (Reader      *reader,
         yaml_mark_t  mark,
         const char  *message)
{
  reader->error_line = (guint) mark.line + 1 + reader->line_offset;
  reader->error_column = (guint) mark.column + 1;
  g_set_error (reader->error, VITRINE_ERROR, VITRINE_ERROR_INVALID_ARGUMENT,
               /* Translators: YAML error: line, column, then what is wrong. */
               _("YAML error at line %u, column %u: %s"),
               (guint) mark.line + 1 + reader->line_offset, (guint) mark.column + 1, message);
  return FALSE;
}

static gboolean
count_node (Reader      *reader,
            yaml_mark_t  mark,
            guint        n)
{
  reader->nodes += n;
  if (reader->nodes > VITRINE_YAML_MAX_NODES)
    return fail_at (reader, mark, _("the document is too large (too many values or aliases)"));
  return TRUE;
}

static guint
count_json_nodes (JsonNode *node)
{
  guint n = 1;

  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObjectIter iter;
      JsonNode *member;

      json_object_iter_init (&iter, json_node_get_object (node));
      while (json_object_iter_next (&iter, NULL, &member))
        n += count_json_nodes (member);
    }
  else if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);
      for (guint i = 0; i < json_array_get_length (array); i++)
        n += count_json_nodes (json_array_get_element (array, i));
    }
  return n;
}

/* [-+]?(0|[1-9][0-9]*) */
static gboolean
looks_like_int (const char *p)
{
  if (*p == '-' || *p == '+')
    p++;
  if (*p == '0')
    return p[1] == '\0';
  if (!g_ascii_isdigit (*p))
    return FALSE;
  while (g_ascii_isdigit (*p))
    p++;
  return *p == '\0';
}

/* [-+]?([0-9]+\.[0-9]*|\.[0-9]+)([eE][-+]?[0-9]+)? */
static gboolean
looks_like_float (const char *p)
{
  gboolean digits = FALSE;

  if (*p == '-' || *p == '+')
    p++;
  while (g_ascii_isdigit (*p))
    p++, digits = TRUE;
  if (*p != '.')
    return FALSE;
  p++;
  while (g_ascii_isdigit (*p))
    p++, digits = TRUE;
  if (!digits)
    return FALSE;
  if (*p == 'e' || *p == 'E')
    {
      p++;
      if (*p == '-' || *p == '+')
        p++;
      if (!g_ascii_isdigit (*p))
        return FALSE;
      while (g_ascii_isdigit (*p))
        p++;
    }
  return *p == '\0';
}

/* Resolves a plain scalar as the YAML core schema does for common cases. */
static JsonNode *
plain_scalar (const char *value,
              gsize       len)
{
  JsonNode *node = json_node_alloc ();

  if (len == 0 || strcmp (value, "~") == 0 || strcmp (value, "null") == 0 ||
      strcmp (value, "Null") == 0 || strcmp (value, "NULL") == 0)
    return json_node_init_null (node);
  if (strcmp (value, "true") == 0 || strcmp (value, "True") == 0 || strcmp (value, "TRUE") == 0)
    return json_node_init_boolean (node, TRUE);
  if (strcmp (value, "false") == 0 || strcmp (value, "False") == 0 || strcmp (value, "FALSE") == 0)
    return json_node_init_boolean (node, FALSE);
  if (looks_like_int (value))
    {
      errno = 0;
      {
        gint64 i = g_ascii_strtoll (value, NULL, 10);
        if (errno == 0)
          return json_node_init_int (node, i);
      }
    }
  if (looks_like_float (value))
    return json_node_init_double (node, g_ascii_strtod (value, NULL));

  return json_node_init_string (node, value);
}

static JsonNode *read_node (Reader *reader, yaml_event_t *event, guint depth);

static gboolean
next_event (Reader       *reader,
            yaml_event_t *event)
{
  if (!yaml_parser_parse (&reader->parser, event))
    {
      fail_at (reader, reader->parser.problem_mark,
               reader->parser.problem != NULL ? reader->parser.problem : _("invalid YAML"));
      return FALSE;
    }
  return TRUE;
}

static void
remember_anchor (Reader        *reader,
                 const guchar  *anchor,
                 JsonNode      *node)
{
  if (anchor != NULL)
    g_hash_table_replace (reader->anchors, g_strdup ((const char *) anchor), json_node_copy (node));
}

static JsonNode *
read_mapping (Reader       *reader,
              yaml_event_t *start,
              guint         depth)
{
  g_autoptr(JsonObject) object = json_object_new ();
  g_autofree char *anchor = g_strdup ((const char *) start->data.mapping_start.anchor);
  JsonNode *node;

  for (;;)
    {
      yaml_event_t event;
      g_autofree char *key = NULL;
      JsonNode *value;

      if (!next_event (reader, &event))
        return NULL;
      if (event.type == YAML_MAPPING_END_EVENT)
        {
          yaml_event_delete (&event);
          break;
        }
      if (event.type != YAML_SCALAR_EVENT)
        {
          fail_at (reader, event.start_mark, _("only plain keys are supported in a mapping"));
          yaml_event_delete (&event);
          return NULL;
        }
      key = g_strndup ((const char *) event.data.scalar.value, event.data.scalar.length);
      yaml_event_delete (&event);

      if (!next_event (reader, &event))
        return NULL;
      value = read_node (reader, &event, depth + 1);
      yaml_event_delete (&event);
      if (value == NULL)
        return NULL;
      json_object_set_member (object, key, value);
    }

  node = json_node_init_object (json_node_alloc (), object);
  remember_anchor (reader, (const guchar *) anchor, node);
  return node;
}

static JsonNode *
read_sequence (Reader       *reader,
               yaml_event_t *start,
               guint         depth)
{
  g_autoptr(JsonArray) array = json_array_new ();
  g_autofree char *anchor = g_strdup ((const char *) start->data.sequence_start.anchor);
  JsonNode *node;

  for (;;)
    {
      yaml_event_t event;
      JsonNode *value;

      if (!next_event (reader, &event))
        return NULL;
      if (event.type == YAML_SEQUENCE_END_EVENT)
        {
          yaml_event_delete (&event);
          break;
        }
      value = read_node (reader, &event, depth + 1);
      yaml_event_delete (&event);
      if (value == NULL)
        return NULL;
      json_array_add_element (array, value);
    }

  node = json_node_init_array (json_node_alloc (), array);
  remember_anchor (reader, (const guchar *) anchor, node);
  return node;
}

static JsonNode *
read_node (Reader       *reader,
           yaml_event_t *event,
           guint         depth)
{
  if (depth > VITRINE_YAML_MAX_DEPTH)
    {
      fail_at (reader, event->start_mark, _("the document is nested too deeply"));
      return NULL;
    }
  if (!count_node (reader, event->start_mark, 1))
    return NULL;

  switch (event->type)
    {
    case YAML_SCALAR_EVENT:
      {
        const char *value = (const char *) event->data.scalar.value;
        gsize len = event->data.scalar.length;
        JsonNode *node;

        if (len > VITRINE_YAML_MAX_SCALAR)
          {
            fail_at (reader, event->start_mark, _("a value is too long"));
            return NULL;
          }
        if (memchr (value, '\0', len) != NULL)
          {
            fail_at (reader, event->start_mark, _("a value contains a NUL character"));
            return NULL;
          }
        if (event->data.scalar.style == YAML_PLAIN_SCALAR_STYLE && event->data.scalar.tag == NULL)
          node = plain_scalar (value, len);
        else
          node = json_node_init_string (json_node_alloc (), value);
        remember_anchor (reader, event->data.scalar.anchor, node);
        return node;
      }

    case YAML_ALIAS_EVENT:
      {
        JsonNode *target = g_hash_table_lookup (reader->anchors, event->data.alias.anchor);

        if (target == NULL)
          {
            fail_at (reader, event->start_mark, _("an alias refers to an unknown anchor"));
            return NULL;
          }
        /* Every expansion counts, so alias bombs stop early. */
        if (!count_node (reader, event->start_mark, count_json_nodes (target)))
          return NULL;
        return json_node_copy (target);
      }

    case YAML_MAPPING_START_EVENT:
      return read_mapping (reader, event, depth);

    case YAML_SEQUENCE_START_EVENT:
      return read_sequence (reader, event, depth);

    case YAML_NO_EVENT:
    case YAML_STREAM_START_EVENT:
    case YAML_STREAM_END_EVENT:
    case YAML_DOCUMENT_START_EVENT:
    case YAML_DOCUMENT_END_EVENT:
    case YAML_SEQUENCE_END_EVENT:
    case YAML_MAPPING_END_EVENT:
    default:
      fail_at (reader, event->start_mark, _("unexpected YAML structure"));
      return NULL;
    }
}

/**
 * vitrine_yaml_to_json:
 *
 * Reads one YAML document into JSON, refusing documents nested deeper than
 * %VITRINE_YAML_MAX_DEPTH, with more than %VITRINE_YAML_MAX_NODES values
 * once aliases are expanded, or with a value over %VITRINE_YAML_MAX_SCALAR
 * bytes.  An empty document gives a JSON null.  Error lines are counted
 * from 1, plus @line_offset (the line the YAML starts at in its file,
 * minus one).
 *
 * Returns: (transfer full): the JSON, or %NULL with @error set (the
 *   message gives the line and column)
 */
JsonNode *
vitrine_yaml_to_json (const char  *yaml,
                      gsize        len,
                      guint        line_offset,
                      GError     **error)
{
  return vitrine_yaml_to_json_at (yaml, len, line_offset, NULL, NULL, error);
}

/**
 * vitrine_yaml_to_json_at:
 * @error_line: (out) (optional): where the error is, counted as above
 * @error_column: (out) (optional): its column, from 1
 *
 * Like vitrine_yaml_to_json(), and says where an error is.
 */
JsonNode *
vitrine_yaml_to_json_at (const char  *yaml,
                         gsize        len,
                         guint        line_offset,
                         guint       *error_line,
                         guint       *error_column,
                         GError     **error)
{
  Reader reader = { 0 };
  yaml_event_t event;
  JsonNode *root = NULL;
  gboolean ok = FALSE;

  reader.error = error;
  reader.line_offset = line_offset;
  reader.anchors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                          (GDestroyNotify) json_node_unref);
  yaml_parser_initialize (&reader.parser);
  yaml_parser_set_input_string (&reader.parser, (const guchar *) yaml, len);

  /* STREAM-START, then DOCUMENT-START or STREAM-END. */
  if (!next_event (&reader, &event))
    goto out;
  yaml_event_delete (&event);
  if (!next_event (&reader, &event))
    goto out;
  if (event.type == YAML_STREAM_END_EVENT)
    {
      yaml_event_delete (&event);
      root = json_node_init_null (json_node_alloc ());
      ok = TRUE;
      goto out;
    }
  yaml_event_delete (&event);

  if (!next_event (&reader, &event))
    goto out;
  root = read_node (&reader, &event, 0);
  yaml_event_delete (&event);
  if (root == NULL)
    goto out;

  /* DOCUMENT-END, then nothing more than STREAM-END. */
  if (!next_event (&reader, &event))
    goto out;
  yaml_event_delete (&event);
  if (!next_event (&reader, &event))
    goto out;
  if (event.type != YAML_STREAM_END_EVENT)
    {
      fail_at (&reader, event.start_mark, _("only one YAML document is allowed"));
      yaml_event_delete (&event);
      goto out;
    }
  yaml_event_delete (&event);
  ok = TRUE;

out:
  yaml_parser_delete (&reader.parser);
  g_hash_table_unref (reader.anchors);
  if (!ok)
    g_clear_pointer (&root, json_node_unref);
  if (error_line != NULL)
    *error_line = ok ? 0 : reader.error_line;
  if (error_column != NULL)
    *error_column = ok ? 0 : reader.error_column;
  return root;
}
