/* vitrine-card-rewrite.c — a key's new value written over its old one
 *
 * The form changes one key at a time; a change must rewrite only what
 * changed.  The old value is read with its positions (libyaml's events),
 * and a string is written over the old string in its quotes, a list item
 * by item: the lines of the items that stay are kept byte for byte, with
 * their comments, and new items are written the way the list's first item
 * is, indentation and quotes included.
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "vitrine-card-private.h"

/* One string of a list, or the value of a key, as it is written. */
typedef struct
{
  char                *value;
  yaml_scalar_style_t  style;
  gsize                start;   /* bytes in the front matter */
  gsize                end;
  gsize                line;
} Scalar;

typedef enum
{
  SHAPE_OTHER,        /* anything Vitrine rewrites whole */
  SHAPE_SCALAR,       /* a one-line string */
  SHAPE_BLOCK_LIST,   /* one "- item" line per string */
  SHAPE_FLOW_LIST,    /* [a, b] on one line */
} ShapeKind;

/* How a key's value is written, as far as a rewrite needs to know. */
typedef struct
{
  ShapeKind  kind;
  gsize      key_line;
  gsize      key_end;      /* bytes: just after the key's name */
  gsize      start;        /* bytes: the value (a flow list with its brackets) */
  gsize      end;
  gsize      start_line;
  gsize      end_line;
  Scalar     scalar;       /* SHAPE_SCALAR */
  GArray    *items;        /* of Scalar, for lists */
  /* How items of block lists begin in this card, such as "  - ". */
  char      *list_prefix;
} Shape;

static void
scalar_clear (Scalar *scalar)
{
  g_clear_pointer (&scalar->value, g_free);
}

static void
shape_clear (Shape *shape)
{
  scalar_clear (&shape->scalar);
  g_clear_pointer (&shape->items, g_array_unref);
  g_clear_pointer (&shape->list_prefix, g_free);
}

/* Byte offset of a parser mark: its line, then as many characters as its
 * column, never past the end of that line. */
static gsize
mark_offset (VitrineCard       *self,
             const yaml_mark_t *mark)
{
  const char *text = self->yaml->str;
  gsize len = self->yaml->len;
  gsize offset = _vitrine_card_line_offset (text, len, mark->line);

  for (gsize c = 0; c < mark->column && offset < len && text[offset] != '\n'; c++)
    offset = g_utf8_next_char (text + offset) - text;
  return MIN (offset, len);
}

/* Whether the text from the start of @scalar's line to @scalar is the
 * "- " of a block list item, indented with spaces. */
static gboolean
is_item_prefix (VitrineCard *self,
                Scalar      *scalar)
{
  const char *text = self->yaml->str;
  gsize i = _vitrine_card_line_offset (text, self->yaml->len, scalar->line);

  while (i < scalar->start && text[i] == ' ')
    i++;
  if (i >= scalar->start || text[i] != '-')
    return FALSE;
  for (i++; i < scalar->start; i++)
    if (text[i] != ' ')
      return FALSE;
  return text[scalar->start - 1] == ' ';
}

static void
read_scalar (VitrineCard *self,
             yaml_event_t *event,
             Scalar       *scalar,
             gboolean     *simple)
{
  /* A key written twice is read twice: the last one counts. */
  g_free (scalar->value);
  scalar->value = g_strdup ((const char *) event->data.scalar.value);
  scalar->style = event->data.scalar.style;
  scalar->start = mark_offset (self, &event->start_mark);
  scalar->end = mark_offset (self, &event->end_mark);
  scalar->line = event->start_mark.line;
  /* Anchors, tags, block scalars and scalars over several lines are
   * rewritten whole. */
  if (event->data.scalar.anchor != NULL || event->data.scalar.tag != NULL ||
      event->start_mark.line != event->end_mark.line ||
      (scalar->style != YAML_PLAIN_SCALAR_STYLE && scalar->style != YAML_SINGLE_QUOTED_SCALAR_STYLE &&
       scalar->style != YAML_DOUBLE_QUOTED_SCALAR_STYLE))
    *simple = FALSE;
}

/* Reads how top-level key @key is written, and how the card writes the
 * items of its block lists. */
static void
read_shape (VitrineCard *self,
            const char  *key,
            Shape       *shape)
{
  yaml_parser_t parser;
  yaml_event_t event;
  gboolean done = FALSE;
  gboolean expect_key = FALSE;
  gboolean in_value = FALSE;     /* the next event at depth 1 is @key's value */
  gboolean in_list = FALSE;      /* inside @key's list */
  gboolean simple = TRUE;
  gboolean block_list = FALSE;   /* the collection at depth 2 is a block list */
  int depth = 0;

  memset (shape, 0, sizeof *shape);
  shape->kind = SHAPE_OTHER;
  if (self->yaml->len == 0)
    return;

  yaml_parser_initialize (&parser);
  yaml_parser_set_input_string (&parser, (const guchar *) self->yaml->str, self->yaml->len);
  while (!done && yaml_parser_parse (&parser, &event))
    {
      switch (event.type)
        {
        case YAML_STREAM_END_EVENT:
          done = TRUE;
          break;
        case YAML_SCALAR_EVENT:
          if (depth == 1 && expect_key)
            {
              in_value = g_str_equal ((const char *) event.data.scalar.value, key);
              if (in_value)
                {
                  shape->key_line = event.start_mark.line;
                  shape->key_end = mark_offset (self, &event.end_mark);
                }
              expect_key = FALSE;
            }
          else if (depth == 1)
            {
              if (in_value)
                {
                  shape->kind = SHAPE_SCALAR;
                  read_scalar (self, &event, &shape->scalar, &simple);
                  shape->start = shape->scalar.start;
                  shape->end = shape->scalar.end;
                  shape->start_line = event.start_mark.line;
                  shape->end_line = event.end_mark.line;
                  in_value = FALSE;
                }
              expect_key = TRUE;
            }
          else if (depth == 2 && (in_list || (block_list && shape->list_prefix == NULL)))
            {
              Scalar item = { 0 };

              read_scalar (self, &event, &item, &simple);
              if (block_list && shape->list_prefix == NULL && item.start > 0 && is_item_prefix (self, &item))
                {
                  gsize line_start = _vitrine_card_line_offset (self->yaml->str, self->yaml->len, item.line);

                  shape->list_prefix = g_strndup (self->yaml->str + line_start, item.start - line_start);
                }
              if (in_list)
                g_array_append_val (shape->items, item);
              else
                scalar_clear (&item);
            }
          break;
        case YAML_ALIAS_EVENT:
          if (in_list && depth == 2)
            simple = FALSE;
          if (depth == 1 && !expect_key)
            {
              in_value = FALSE;
              expect_key = TRUE;
            }
          else if (depth == 1)
            expect_key = FALSE;
          break;
        case YAML_SEQUENCE_START_EVENT:
        case YAML_MAPPING_START_EVENT:
          if (depth == 0)
            expect_key = TRUE;
          else if (depth == 1 && expect_key)
            expect_key = FALSE;
          else if (depth == 1)
            {
              block_list = event.type == YAML_SEQUENCE_START_EVENT &&
                           event.data.sequence_start.style != YAML_FLOW_SEQUENCE_STYLE;
              if (in_value)
                {
                  shape->start = mark_offset (self, &event.start_mark);
                  shape->start_line = event.start_mark.line;
                  if (event.type == YAML_SEQUENCE_START_EVENT && event.data.sequence_start.anchor == NULL &&
                      event.data.sequence_start.tag == NULL)
                    {
                      shape->kind = block_list ? SHAPE_BLOCK_LIST : SHAPE_FLOW_LIST;
                      shape->items = g_array_new (FALSE, TRUE, sizeof (Scalar));
                      g_array_set_clear_func (shape->items, (GDestroyNotify) scalar_clear);
                      in_list = TRUE;
                    }
                  in_value = FALSE;
                }
            }
          else if (depth == 2 && in_list)
            simple = FALSE;
          depth++;
          break;
        case YAML_SEQUENCE_END_EVENT:
        case YAML_MAPPING_END_EVENT:
          depth--;
          if (depth == 1)
            {
              if (in_list)
                {
                  shape->end = mark_offset (self, &event.end_mark);
                  shape->end_line = event.end_mark.line;
                  in_list = FALSE;
                }
              block_list = FALSE;
              expect_key = TRUE;
            }
          break;
        case YAML_NO_EVENT:
        case YAML_STREAM_START_EVENT:
        case YAML_DOCUMENT_START_EVENT:
        case YAML_DOCUMENT_END_EVENT:
        default:
          break;
        }
      yaml_event_delete (&event);
    }
  yaml_parser_delete (&parser);

  if (!done || !simple)
    shape->kind = SHAPE_OTHER;
  else if (shape->kind == SHAPE_FLOW_LIST && shape->start_line != shape->end_line)
    shape->kind = SHAPE_OTHER;
  else if (shape->kind == SHAPE_BLOCK_LIST)
    for (guint i = 0; i < shape->items->len; i++)
      {
        Scalar *item = &g_array_index (shape->items, Scalar, i);

        if (!is_item_prefix (self, item) || item->line <= shape->key_line ||
            (i > 0 && item->line <= g_array_index (shape->items, Scalar, i - 1).line))
          shape->kind = SHAPE_OTHER;
      }
}

/* The comment at the end of the key's own line, with the spaces before it;
 * NULL when there is none. */
static char *
key_line_comment (VitrineCard *self,
                  Shape       *shape)
{
  const char *text = self->yaml->str;
  gsize len = self->yaml->len;
  gsize i;

  if (shape->start_line > shape->key_line || shape->kind == SHAPE_OTHER)
    {
      /* The value starts on a later line: the comment follows the colon. */
      for (i = shape->key_end; i < len && text[i] != ':' && text[i] != '\n'; i++)
        ;
      if (i < len && text[i] == ':')
        i++;
    }
  else if (shape->end_line == shape->key_line)
    i = shape->end;
  else
    return NULL;

  {
    gsize spaces = i;
    gsize end;

    while (i < len && (text[i] == ' ' || text[i] == '\t'))
      i++;
    if (i >= len || text[i] != '#' || i == spaces)
      return NULL;
    for (end = i; end < len && text[end] != '\n' && text[end] != '\r'; end++)
      ;
    return g_strndup (text + spaces, end - spaces);
  }
}

/* The strings of a list node, NULL when it holds anything else. */
static GPtrArray *
strings_of (JsonNode *value)
{
  g_autoptr(GPtrArray) strings = g_ptr_array_new ();
  JsonArray *array;

  if (!JSON_NODE_HOLDS_ARRAY (value))
    return NULL;
  array = json_node_get_array (value);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *item = json_array_get_element (array, i);

      if (!JSON_NODE_HOLDS_VALUE (item) || json_node_get_value_type (item) != G_TYPE_STRING)
        return NULL;
      g_ptr_array_add (strings, (gpointer) json_node_get_string (item));
    }
  return g_steal_pointer (&strings);
}

/* For each old item, the new item it stays as (-1: it goes), so that as
 * many items as possible stay: the longest common subsequence.  NULL when
 * the lists are too long to compare. */
static int *
match_items (GArray    *old,
             GPtrArray *wanted)
{
  gsize m = old->len, n = wanted->len;
  g_autofree guint *table = NULL;
  int *kept;
  gsize i, j;

  if (m > 4096 || n > 4096 || (m + 1) * (n + 1) > (1 << 20))
    return NULL;
  table = g_new0 (guint, (m + 1) * (n + 1));
  for (i = m; i-- > 0;)
    for (j = n; j-- > 0;)
      table[i * (n + 1) + j] = g_str_equal (g_array_index (old, Scalar, i).value, g_ptr_array_index (wanted, j))
        ? table[(i + 1) * (n + 1) + j + 1] + 1
        : MAX (table[(i + 1) * (n + 1) + j], table[i * (n + 1) + j + 1]);

  kept = g_new (int, MAX (m, 1));
  for (i = 0; i < m; i++)
    kept[i] = -1;
  for (i = 0, j = 0; i < m && j < n;)
    if (g_str_equal (g_array_index (old, Scalar, i).value, g_ptr_array_index (wanted, j)))
      kept[i++] = j++;
    else if (table[(i + 1) * (n + 1) + j] >= table[i * (n + 1) + j + 1])
      i++;
    else
      j++;
  return kept;
}

/* Rewrites a list item by item: items that stay keep their lines (and
 * comments), new ones are written the way the first item is. */
static gboolean
set_list_in_place (VitrineCard *self,
                   Shape       *shape,
                   gsize        first,
                   gsize        last,
                   GPtrArray   *wanted)
{
  const char *text = self->yaml->str;
  gsize len = self->yaml->len;
  GArray *items = shape->items;
  g_autofree int *kept = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  Scalar *model;
  g_autofree char *prefix = NULL;
  gsize next = 0;
  gsize start, end;

  if (items->len == 0 || wanted->len == 0 || (kept = match_items (items, wanted)) == NULL)
    return FALSE;
  model = &g_array_index (items, Scalar, 0);

  if (shape->kind == SHAPE_FLOW_LIST)
    {
      g_string_append_c (out, '[');
      for (guint j = 0; j < wanted->len; j++)
        {
          Scalar *old = NULL;

          for (guint i = 0; i < items->len && old == NULL; i++)
            if (kept[i] == (int) j)
              old = &g_array_index (items, Scalar, i);
          if (j > 0)
            g_string_append (out, ", ");
          if (old != NULL)
            g_string_append_len (out, text + old->start, old->end - old->start);
          else
            _vitrine_card_append_string (out, g_ptr_array_index (wanted, j), model->style);
        }
      g_string_append_c (out, ']');
      g_string_erase (self->yaml, shape->start, shape->end - shape->start);
      g_string_insert (self->yaml, shape->start, out->str);
      return TRUE;
    }

  start = _vitrine_card_line_offset (text, len, model->line);
  prefix = g_strndup (text + start, model->start - start);
  for (gsize line = first; line < last; line++)
    {
      gsize from = _vitrine_card_line_offset (text, len, line);
      gsize to = _vitrine_card_line_offset (text, len, line + 1);
      int item = -1;

      for (guint i = 0; i < items->len && item < 0; i++)
        if (g_array_index (items, Scalar, i).line == line)
          item = i;
      if (item >= 0 && kept[item] >= 0)
        {
          for (; next < (gsize) kept[item]; next++)
            {
              g_string_append (out, prefix);
              _vitrine_card_append_string (out, g_ptr_array_index (wanted, next), model->style);
              g_string_append_c (out, '\n');
            }
          next++;
        }
      if (item < 0 || kept[item] >= 0)
        {
          g_string_append_len (out, text + from, to - from);
          if (to == from || text[to - 1] != '\n')
            g_string_append_c (out, '\n');
        }
      /* What is new after the last item that stays goes after the last item. */
      if (item == (int) items->len - 1)
        for (; next < wanted->len; next++)
          {
            g_string_append (out, prefix);
            _vitrine_card_append_string (out, g_ptr_array_index (wanted, next), model->style);
            g_string_append_c (out, '\n');
          }
    }
  start = _vitrine_card_line_offset (text, len, first);
  end = _vitrine_card_line_offset (text, len, last);
  g_string_erase (self->yaml, start, end - start);
  g_string_insert (self->yaml, start, out->str);
  return TRUE;
}

/**
 * _vitrine_card_set_in_place:
 * @found: whether the key is there, on lines [@first, @last)
 * @list_prefix: (out): how the card begins the items of its block lists
 * @comment: (out): the comment on the key's line, with the spaces before it
 *
 * Writes @value over the key's value as it is written, changing only what
 * differs: a string keeps its quotes and what follows it, a list the
 * lines of the items that stay.  When the two do not have the same simple
 * shape, returns FALSE and says how to write the key anew in the card's
 * style.
 */
gboolean
_vitrine_card_set_in_place (VitrineCard  *self,
                            const char   *key,
                            gboolean      found,
                            gsize         first,
                            gsize         last,
                            JsonNode     *value,
                            char        **list_prefix,
                            char        **comment)
{
  g_autoptr(GPtrArray) wanted = NULL;
  Shape shape;
  gboolean done = FALSE;

  read_shape (self, key, &shape);
  if (!found)
    ;
  else if (shape.kind == SHAPE_SCALAR && JSON_NODE_HOLDS_VALUE (value) &&
           json_node_get_value_type (value) == G_TYPE_STRING)
    {
      g_autoptr(GString) out = g_string_new (NULL);

      _vitrine_card_append_string (out, json_node_get_string (value), shape.scalar.style);
      g_string_erase (self->yaml, shape.start, shape.end - shape.start);
      g_string_insert (self->yaml, shape.start, out->str);
      done = TRUE;
    }
  else if ((shape.kind == SHAPE_BLOCK_LIST || shape.kind == SHAPE_FLOW_LIST) &&
           (wanted = strings_of (value)) != NULL)
    done = set_list_in_place (self, &shape, first, last, wanted);

  if (!done)
    {
      *comment = found ? key_line_comment (self, &shape) : NULL;
      *list_prefix = g_steal_pointer (&shape.list_prefix);
    }
  shape_clear (&shape);
  return done;
}
