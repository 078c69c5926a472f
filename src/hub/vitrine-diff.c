/* vitrine-diff.c — a line diff between two versions of a text
 *
 * Lines are compared by number: every distinct line (with or without its
 * final "\n") gets an id, then the common prefix and suffix are set aside
 * and Myers' O(ND) algorithm, in its linear-space form, finds a shortest
 * edit script for the middle.  Each search is bounded so that a huge,
 * wholly rewritten text costs a bounded amount of time; past the bound the
 * middle is given as all removed, then all added, which is still a correct
 * (if not the shortest) diff.
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "vitrine-diff.h"

/* About how many comparisons one search may make before giving up. */
#define DIFF_WORK       (1 << 25)
#define DIFF_MIN_STEPS  64

typedef struct
{
  const char *start;
  gsize       len;       /* without the "\n" */
  gboolean    newline;   /* whether a "\n" ends it */
} Line;

typedef struct
{
  GArray *lines;         /* Line */
  guint  *ids;
} Text;

typedef struct
{
  GArray *ops;           /* guint8, a VitrineDiffKind per step */
  gssize  max_steps;
} Differ;

static void
text_init (Text       *self,
           const char *text)
{
  const char *p = text != NULL ? text : "";

  self->lines = g_array_new (FALSE, FALSE, sizeof (Line));
  while (*p != '\0')
    {
      const char *nl = strchr (p, '\n');
      Line line;

      line.start = p;
      line.newline = nl != NULL;
      line.len = nl != NULL ? (gsize) (nl - p) : strlen (p);
      g_array_append_val (self->lines, line);
      p += line.len + (nl != NULL ? 1 : 0);
    }
  self->ids = g_new (guint, self->lines->len + 1);
}

static void
text_clear (Text *self)
{
  g_clear_pointer (&self->lines, g_array_unref);
  g_clear_pointer (&self->ids, g_free);
}

static gboolean
text_missing_newline (Text *self)
{
  return self->lines->len > 0 &&
         !g_array_index (self->lines, Line, self->lines->len - 1).newline;
}

static guint
line_hash (gconstpointer data)
{
  const Line *line = data;
  guint hash = line->newline ? 5381 : 5387;

  for (gsize i = 0; i < line->len; i++)
    hash = hash * 33 + (guchar) line->start[i];
  return hash;
}

static gboolean
line_equal (gconstpointer a,
            gconstpointer b)
{
  const Line *la = a;
  const Line *lb = b;

  return la->len == lb->len &&
         la->newline == lb->newline &&
         memcmp (la->start, lb->start, la->len) == 0;
}

/* Numbers the lines of both texts so that equal lines get equal ids.  A
 * last line without "\n" differs from the same text with one, as in diff. */
static void
assign_ids (Text *old,
            Text *new)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (line_hash, line_equal);
  Text *texts[] = { old, new };

  for (guint t = 0; t < G_N_ELEMENTS (texts); t++)
    for (guint i = 0; i < texts[t]->lines->len; i++)
      {
        Line *line = &g_array_index (texts[t]->lines, Line, i);
        gpointer id;

        if (!g_hash_table_lookup_extended (seen, line, NULL, &id))
          {
            id = GUINT_TO_POINTER (g_hash_table_size (seen));
            g_hash_table_insert (seen, line, id);
          }
        texts[t]->ids[i] = GPOINTER_TO_UINT (id);
      }
}

static void
emit (Differ          *self,
      VitrineDiffKind  kind,
      gssize           count)
{
  guint8 op = kind;

  for (gssize i = 0; i < count; i++)
    g_array_append_val (self->ops, op);
}

static void diff_range (Differ      *self,
                        const guint *a,
                        gssize       n,
                        const guint *b,
                        gssize       m);

/* Finds where a shortest path through the edit graph of @a and @b crosses
 * the middle, searching from both corners at once, and diffs the two
 * halves on either side of that point.  @a and @b are not empty and
 * differ in their first and in their last lines. */
static void
bisect (Differ      *self,
        const guint *a,
        gssize       n,
        const guint *b,
        gssize       m)
{
  gssize steps = MIN ((n + m + 1) / 2, self->max_steps);
  gssize offset = steps;
  gssize size = 2 * steps + 2;
  gssize delta = n - m;
  gboolean odd = (delta & 1) != 0;
  gssize fwd_lo = 0, fwd_hi = 0, bwd_lo = 0, bwd_hi = 0;
  g_autofree gssize *fwd = g_new (gssize, size);
  g_autofree gssize *bwd = g_new (gssize, size);

  /* fwd[offset + k]: the furthest x reached on diagonal k = x - y from
   * the top left; bwd likewise from the bottom right, with x and y counted
   * back from the ends.  -1 is "not reached". */
  for (gssize i = 0; i < size; i++)
    fwd[i] = bwd[i] = -1;
  fwd[offset + 1] = 0;
  bwd[offset + 1] = 0;

  for (gssize d = 0; d < steps; d++)
    {
      for (gssize k = -d + fwd_lo; k <= d - fwd_hi; k += 2)
        {
          gssize at = offset + k;
          gssize x, y;

          if (k == -d || (k != d && fwd[at - 1] < fwd[at + 1]))
            x = fwd[at + 1];
          else
            x = fwd[at - 1] + 1;
          y = x - k;
          while (x < n && y < m && a[x] == b[y])
            {
              x++;
              y++;
            }
          fwd[at] = x;

          /* Off the right or the bottom edge: stop following this side. */
          if (x > n)
            fwd_hi += 2;
          else if (y > m)
            fwd_lo += 2;
          else if (odd)
            {
              gssize other = offset + delta - k;

              if (other >= 0 && other < size && bwd[other] != -1 && x >= n - bwd[other])
                {
                  diff_range (self, a, x, b, y);
                  diff_range (self, a + x, n - x, b + y, m - y);
                  return;
                }
            }
        }

      for (gssize k = -d + bwd_lo; k <= d - bwd_hi; k += 2)
        {
          gssize at = offset + k;
          gssize x, y;

          if (k == -d || (k != d && bwd[at - 1] < bwd[at + 1]))
            x = bwd[at + 1];
          else
            x = bwd[at - 1] + 1;
          y = x - k;
          while (x < n && y < m && a[n - 1 - x] == b[m - 1 - y])
            {
              x++;
              y++;
            }
          bwd[at] = x;

          if (x > n)
            bwd_hi += 2;
          else if (y > m)
            bwd_lo += 2;
          else if (!odd)
            {
              gssize other = offset + delta - k;

              if (other >= 0 && other < size && fwd[other] != -1)
                {
                  gssize fx = fwd[other];
                  gssize fy = fx - (delta - k);

                  if (fx >= n - x)
                    {
                      diff_range (self, a, fx, b, fy);
                      diff_range (self, a + fx, n - fx, b + fy, m - fy);
                      return;
                    }
                }
            }
        }
    }

  /* Nothing in common, or too costly to find out. */
  emit (self, VITRINE_DIFF_REMOVED, n);
  emit (self, VITRINE_DIFF_ADDED, m);
}

static void
diff_range (Differ      *self,
            const guint *a,
            gssize       n,
            const guint *b,
            gssize       m)
{
  gssize prefix = 0, suffix = 0;

  while (prefix < n && prefix < m && a[prefix] == b[prefix])
    prefix++;
  emit (self, VITRINE_DIFF_SAME, prefix);
  a += prefix;
  b += prefix;
  n -= prefix;
  m -= prefix;

  while (suffix < n && suffix < m && a[n - 1 - suffix] == b[m - 1 - suffix])
    suffix++;
  n -= suffix;
  m -= suffix;

  if (n == 0)
    emit (self, VITRINE_DIFF_ADDED, m);
  else if (m == 0)
    emit (self, VITRINE_DIFF_REMOVED, n);
  else
    bisect (self, a, n, b, m);

  emit (self, VITRINE_DIFF_SAME, suffix);
}

static void
diff_line_free (gpointer data)
{
  VitrineDiffLine *line = data;

  g_free (line->text);
  g_free (line);
}

static void
add_line (GPtrArray       *lines,
          VitrineDiffKind  kind,
          guint            old_line,
          guint            new_line,
          const Line      *from)
{
  VitrineDiffLine *line = g_new (VitrineDiffLine, 1);

  line->kind = kind;
  line->old_line = old_line;
  line->new_line = new_line;
  line->text = g_strndup (from->start, from->len);
  g_ptr_array_add (lines, line);
}

static GPtrArray *
diff_texts (Text *old,
            Text *new)
{
  Differ differ;
  GPtrArray *lines = g_ptr_array_new_with_free_func (diff_line_free);
  gssize n = old->lines->len;
  gssize m = new->lines->len;
  guint i = 0, o = 0, w = 0;
  const guint8 *ops;

  assign_ids (old, new);
  differ.ops = g_array_sized_new (FALSE, FALSE, sizeof (guint8), MAX (n, m));
  differ.max_steps = MAX (DIFF_MIN_STEPS, DIFF_WORK / MAX (n + m, 1));
  diff_range (&differ, old->ids, n, new->ids, m);

  /* Within each change, every removal comes before every addition. */
  ops = (const guint8 *) differ.ops->data;
  while (i < differ.ops->len)
    {
      guint removed = 0, added = 0;

      if (ops[i] == VITRINE_DIFF_SAME)
        {
          add_line (lines, VITRINE_DIFF_SAME, o + 1, w + 1, &g_array_index (old->lines, Line, o));
          o++;
          w++;
          i++;
          continue;
        }

      for (; i < differ.ops->len && ops[i] != VITRINE_DIFF_SAME; i++)
        {
          if (ops[i] == VITRINE_DIFF_REMOVED)
            removed++;
          else
            added++;
        }
      for (guint r = 0; r < removed; r++, o++)
        add_line (lines, VITRINE_DIFF_REMOVED, o + 1, 0, &g_array_index (old->lines, Line, o));
      for (guint r = 0; r < added; r++, w++)
        add_line (lines, VITRINE_DIFF_ADDED, 0, w + 1, &g_array_index (new->lines, Line, w));
    }

  g_assert (o == old->lines->len && w == new->lines->len);
  g_array_unref (differ.ops);
  return lines;
}

/**
 * vitrine_diff_lines:
 * @old_text: (nullable): the text before, %NULL for an empty one
 * @new_text: (nullable): the text after, %NULL for an empty one
 *
 * Diffs two texts line by line.  A last line without a "\n" counts as
 * different from the same line with one.
 *
 * Returns: (transfer container) (element-type VitrineDiffLine): every line
 *   of both texts, in order, removals before additions within a change
 */
GPtrArray *
vitrine_diff_lines (const char *old_text,
                    const char *new_text)
{
  Text old, new;
  GPtrArray *lines;

  text_init (&old, old_text);
  text_init (&new, new_text);
  lines = diff_texts (&old, &new);
  text_clear (&old);
  text_clear (&new);
  return lines;
}

gboolean
vitrine_diff_has_changes (GPtrArray *lines)
{
  if (lines == NULL)
    return FALSE;
  for (guint i = 0; i < lines->len; i++)
    if (((VitrineDiffLine *) g_ptr_array_index (lines, i))->kind != VITRINE_DIFF_SAME)
      return TRUE;
  return FALSE;
}

/* "l,n" as diff -u writes it: "l" alone for one line, and for none the
 * line before the hunk. */
static void
append_range (GString *out,
              guint    before,
              guint    count)
{
  if (count == 0)
    g_string_append_printf (out, "%u,0", before);
  else if (count == 1)
    g_string_append_printf (out, "%u", before + 1);
  else
    g_string_append_printf (out, "%u,%u", before + 1, count);
}

static VitrineDiffKind
kind_at (GPtrArray *lines,
         guint      i)
{
  return ((VitrineDiffLine *) g_ptr_array_index (lines, i))->kind;
}

/**
 * vitrine_diff_unified:
 * @old_label: (nullable): the name on the "---" line, "a" when %NULL
 * @new_label: (nullable): the name on the "+++" line, "b" when %NULL
 * @context: how many unchanged lines to show around each change
 *
 * Writes the differences between two texts the way `diff -u` does, without
 * dates.  Changes less than 2 × @context lines apart share a hunk.
 *
 * Returns: (transfer full): the diff, or "" when the texts are equal
 */
char *
vitrine_diff_unified (const char *old_text,
                      const char *new_text,
                      const char *old_label,
                      const char *new_label,
                      guint       context)
{
  Text old, new;
  g_autoptr(GPtrArray) lines = NULL;
  GString *out;
  gboolean old_missing, new_missing;
  guint old_count, new_count;
  guint pos = 0, old_before = 0, new_before = 0;

  text_init (&old, old_text);
  text_init (&new, new_text);
  lines = diff_texts (&old, &new);
  old_count = old.lines->len;
  new_count = new.lines->len;
  old_missing = text_missing_newline (&old);
  new_missing = text_missing_newline (&new);
  text_clear (&old);
  text_clear (&new);

  if (!vitrine_diff_has_changes (lines))
    return g_strdup ("");

  out = g_string_new (NULL);
  g_string_append_printf (out, "--- %s\n+++ %s\n",
                          old_label != NULL ? old_label : "a",
                          new_label != NULL ? new_label : "b");

  for (;;)
    {
      guint first, last, start, end;
      guint old_lines = 0, new_lines = 0;

      for (first = pos; first < lines->len && kind_at (lines, first) == VITRINE_DIFF_SAME; first++)
        ;
      if (first == lines->len)
        break;

      /* Take in every later change no more than 2 × context lines away. */
      last = first;
      for (guint i = first + 1; i < lines->len && i - last - 1 <= 2 * (gsize) context; i++)
        if (kind_at (lines, i) != VITRINE_DIFF_SAME)
          last = i;

      start = first - MIN (first - pos, context);
      end = last + 1 + MIN (lines->len - last - 1, context);

      /* Lines of each text before the hunk, then in it. */
      for (; pos < start; pos++)
        {
          VitrineDiffKind kind = kind_at (lines, pos);

          old_before += kind != VITRINE_DIFF_ADDED;
          new_before += kind != VITRINE_DIFF_REMOVED;
        }
      for (guint i = start; i < end; i++)
        {
          VitrineDiffKind kind = kind_at (lines, i);

          old_lines += kind != VITRINE_DIFF_ADDED;
          new_lines += kind != VITRINE_DIFF_REMOVED;
        }

      g_string_append (out, "@@ -");
      append_range (out, old_before, old_lines);
      g_string_append (out, " +");
      append_range (out, new_before, new_lines);
      g_string_append (out, " @@\n");

      for (; pos < end; pos++)
        {
          VitrineDiffLine *line = g_ptr_array_index (lines, pos);
          gboolean ends_old = line->kind != VITRINE_DIFF_ADDED && line->old_line == old_count;
          gboolean ends_new = line->kind != VITRINE_DIFF_REMOVED && line->new_line == new_count;

          switch (line->kind)
            {
            case VITRINE_DIFF_SAME:
              g_string_append_c (out, ' ');
              break;
            case VITRINE_DIFF_ADDED:
              g_string_append_c (out, '+');
              break;
            case VITRINE_DIFF_REMOVED:
              g_string_append_c (out, '-');
              break;
            default:
              g_assert_not_reached ();
            }
          g_string_append (out, line->text);
          g_string_append_c (out, '\n');
          if ((ends_old && old_missing) || (ends_new && new_missing))
            g_string_append (out, "\\ No newline at end of file\n");

          old_before += line->kind != VITRINE_DIFF_ADDED;
          new_before += line->kind != VITRINE_DIFF_REMOVED;
        }
    }

  return g_string_free (out, FALSE);
}
