/* test-diff.c — line diffs between two versions of a card
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "vitrine-diff.h"

typedef struct
{
  VitrineDiffKind  kind;
  guint            old_line;
  guint            new_line;
  const char      *text;
} Expected;

static void
assert_lines (GPtrArray      *lines,
              const Expected *expected,
              guint           n_expected)
{
  g_assert_cmpuint (lines->len, ==, n_expected);
  for (guint i = 0; i < n_expected; i++)
    {
      VitrineDiffLine *line = g_ptr_array_index (lines, i);

      g_assert_cmpint (line->kind, ==, expected[i].kind);
      g_assert_cmpuint (line->old_line, ==, expected[i].old_line);
      g_assert_cmpuint (line->new_line, ==, expected[i].new_line);
      g_assert_cmpstr (line->text, ==, expected[i].text);
    }
}

/* The text with a final "\n" when it lacks one, as the lines give it back. */
static char *
terminated (const char *text)
{
  if (text == NULL || *text == '\0')
    return g_strdup ("");
  if (g_str_has_suffix (text, "\n"))
    return g_strdup (text);
  return g_strconcat (text, "\n", NULL);
}

/* Both texts can be read back from the lines, numbered in order, and each
 * change lists its removals before its additions.  Returns how many lines
 * were removed or added. */
static guint
assert_consistent (GPtrArray  *lines,
                   const char *old_text,
                   const char *new_text)
{
  g_autoptr(GString) old = g_string_new (NULL);
  g_autoptr(GString) new = g_string_new (NULL);
  g_autofree char *old_expected = terminated (old_text);
  g_autofree char *new_expected = terminated (new_text);
  guint old_line = 0, new_line = 0, edits = 0;
  VitrineDiffKind previous = VITRINE_DIFF_SAME;

  for (guint i = 0; i < lines->len; i++)
    {
      VitrineDiffLine *line = g_ptr_array_index (lines, i);

      if (line->kind != VITRINE_DIFF_ADDED)
        {
          g_assert_cmpuint (line->old_line, ==, ++old_line);
          g_string_append_printf (old, "%s\n", line->text);
        }
      else
        g_assert_cmpuint (line->old_line, ==, 0);

      if (line->kind != VITRINE_DIFF_REMOVED)
        {
          g_assert_cmpuint (line->new_line, ==, ++new_line);
          g_string_append_printf (new, "%s\n", line->text);
        }
      else
        g_assert_cmpuint (line->new_line, ==, 0);

      if (line->kind == VITRINE_DIFF_REMOVED)
        g_assert_cmpint (previous, !=, VITRINE_DIFF_ADDED);
      if (line->kind != VITRINE_DIFF_SAME)
        edits++;
      previous = line->kind;
    }

  g_assert_cmpstr (old->str, ==, old_expected);
  g_assert_cmpstr (new->str, ==, new_expected);
  return edits;
}

static void
test_diff_equal (void)
{
  const char *texts[] = { "a\nb\nc\n", "a\nb", "", "\n\n", "x\r\ny\r\n" };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autofree char *copy = g_strdup (texts[i]);
      g_autoptr(GPtrArray) lines = vitrine_diff_lines (texts[i], copy);
      g_autofree char *unified = vitrine_diff_unified (texts[i], copy, "a", "b", 3);

      g_assert_false (vitrine_diff_has_changes (lines));
      g_assert_cmpuint (assert_consistent (lines, texts[i], copy), ==, 0);
      g_assert_cmpstr (unified, ==, "");
    }

  {
    g_autoptr(GPtrArray) lines = vitrine_diff_lines (NULL, "");
    g_autofree char *unified = vitrine_diff_unified (NULL, NULL, NULL, NULL, 3);

    g_assert_cmpuint (lines->len, ==, 0);
    g_assert_false (vitrine_diff_has_changes (lines));
    g_assert_cmpstr (unified, ==, "");
  }
}

static void
test_diff_insert (void)
{
  const Expected expected[] = {
    { VITRINE_DIFF_SAME, 1, 1, "a" },
    { VITRINE_DIFF_ADDED, 0, 2, "x" },
    { VITRINE_DIFF_ADDED, 0, 3, "y" },
    { VITRINE_DIFF_SAME, 2, 4, "b" },
  };
  g_autoptr(GPtrArray) lines = vitrine_diff_lines ("a\nb\n", "a\nx\ny\nb\n");
  g_autofree char *unified = vitrine_diff_unified ("a\nb\n", "a\nx\ny\nb\n",
                                                   "a/README.md", "b/README.md", 3);

  assert_lines (lines, expected, G_N_ELEMENTS (expected));
  g_assert_true (vitrine_diff_has_changes (lines));
  g_assert_cmpstr (unified, ==,
                   "--- a/README.md\n"
                   "+++ b/README.md\n"
                   "@@ -1,2 +1,4 @@\n"
                   " a\n"
                   "+x\n"
                   "+y\n"
                   " b\n");
}

static void
test_diff_delete (void)
{
  const Expected expected[] = {
    { VITRINE_DIFF_REMOVED, 1, 0, "a" },
    { VITRINE_DIFF_SAME, 2, 1, "b" },
    { VITRINE_DIFF_REMOVED, 3, 0, "c" },
  };
  g_autoptr(GPtrArray) lines = vitrine_diff_lines ("a\nb\nc\n", "b\n");
  g_autofree char *unified = vitrine_diff_unified ("a\nb\nc\n", "b\n", "old", "new", 0);

  assert_lines (lines, expected, G_N_ELEMENTS (expected));
  /* Without context, as diff -U0: a hunk with no lines on one side names
   * the line before it. */
  g_assert_cmpstr (unified, ==,
                   "--- old\n"
                   "+++ new\n"
                   "@@ -1 +0,0 @@\n"
                   "-a\n"
                   "@@ -3 +1,0 @@\n"
                   "-c\n");
}

static void
test_diff_change (void)
{
  const Expected expected[] = {
    { VITRINE_DIFF_SAME, 1, 1, "license: mit" },
    { VITRINE_DIFF_REMOVED, 2, 0, "tags: a" },
    { VITRINE_DIFF_REMOVED, 3, 0, "datasets: b" },
    { VITRINE_DIFF_ADDED, 0, 2, "tags: x" },
    { VITRINE_DIFF_ADDED, 0, 3, "datasets: y" },
    { VITRINE_DIFF_SAME, 4, 4, "---" },
  };
  const char *old_text = "license: mit\ntags: a\ndatasets: b\n---\n";
  const char *new_text = "license: mit\ntags: x\ndatasets: y\n---\n";
  g_autoptr(GPtrArray) lines = vitrine_diff_lines (old_text, new_text);

  assert_lines (lines, expected, G_N_ELEMENTS (expected));
}

static void
test_diff_no_final_newline (void)
{
  /* Missing on both sides. */
  {
    g_autoptr(GPtrArray) lines = vitrine_diff_lines ("a\nb", "a\nc");
    g_autofree char *unified = vitrine_diff_unified ("a\nb", "a\nc", "o", "n", 3);
    const Expected expected[] = {
      { VITRINE_DIFF_SAME, 1, 1, "a" },
      { VITRINE_DIFF_REMOVED, 2, 0, "b" },
      { VITRINE_DIFF_ADDED, 0, 2, "c" },
    };

    assert_lines (lines, expected, G_N_ELEMENTS (expected));
    g_assert_cmpstr (unified, ==,
                     "--- o\n"
                     "+++ n\n"
                     "@@ -1,2 +1,2 @@\n"
                     " a\n"
                     "-b\n"
                     "\\ No newline at end of file\n"
                     "+c\n"
                     "\\ No newline at end of file\n");
  }

  /* Only the newline was added: the last line changed. */
  {
    g_autoptr(GPtrArray) lines = vitrine_diff_lines ("a\nb", "a\nb\n");
    g_autofree char *unified = vitrine_diff_unified ("a\nb", "a\nb\n", "o", "n", 3);
    const Expected expected[] = {
      { VITRINE_DIFF_SAME, 1, 1, "a" },
      { VITRINE_DIFF_REMOVED, 2, 0, "b" },
      { VITRINE_DIFF_ADDED, 0, 2, "b" },
    };

    assert_lines (lines, expected, G_N_ELEMENTS (expected));
    g_assert_true (vitrine_diff_has_changes (lines));
    g_assert_cmpstr (unified, ==,
                     "--- o\n"
                     "+++ n\n"
                     "@@ -1,2 +1,2 @@\n"
                     " a\n"
                     "-b\n"
                     "\\ No newline at end of file\n"
                     "+b\n");
  }

  /* Only the newline was removed. */
  {
    g_autofree char *unified = vitrine_diff_unified ("a\nb\n", "a\nb", "o", "n", 3);

    g_assert_cmpstr (unified, ==,
                     "--- o\n"
                     "+++ n\n"
                     "@@ -1,2 +1,2 @@\n"
                     " a\n"
                     "-b\n"
                     "+b\n"
                     "\\ No newline at end of file\n");
  }

  /* An unchanged last line without newline, as context. */
  {
    g_autofree char *unified = vitrine_diff_unified ("a\nb\nc", "x\nb\nc", "o", "n", 3);

    g_assert_cmpstr (unified, ==,
                     "--- o\n"
                     "+++ n\n"
                     "@@ -1,3 +1,3 @@\n"
                     "-a\n"
                     "+x\n"
                     " b\n"
                     " c\n"
                     "\\ No newline at end of file\n");
  }
}

static void
test_diff_crlf (void)
{
  const Expected expected[] = {
    { VITRINE_DIFF_SAME, 1, 1, "a\r" },
    { VITRINE_DIFF_REMOVED, 2, 0, "b\r" },
    { VITRINE_DIFF_ADDED, 0, 2, "b" },
    { VITRINE_DIFF_SAME, 3, 3, "c\r" },
  };
  g_autoptr(GPtrArray) lines = vitrine_diff_lines ("a\r\nb\r\nc\r\n", "a\r\nb\nc\r\n");
  g_autofree char *unified = vitrine_diff_unified ("a\r\nb\r\nc\r\n", "a\r\nb\nc\r\n", "o", "n", 1);

  /* "\r" is part of the line: a line that lost it changed. */
  assert_lines (lines, expected, G_N_ELEMENTS (expected));
  g_assert_cmpstr (unified, ==,
                   "--- o\n"
                   "+++ n\n"
                   "@@ -1,3 +1,3 @@\n"
                   " a\r\n"
                   "-b\r\n"
                   "+b\n"
                   " c\r\n");
}

static void
test_diff_empty (void)
{
  const char *text = "---\nlicense: mit\n---\n";

  {
    g_autoptr(GPtrArray) lines = vitrine_diff_lines (NULL, text);
    g_autofree char *unified = vitrine_diff_unified (NULL, text, NULL, NULL, 3);
    const Expected expected[] = {
      { VITRINE_DIFF_ADDED, 0, 1, "---" },
      { VITRINE_DIFF_ADDED, 0, 2, "license: mit" },
      { VITRINE_DIFF_ADDED, 0, 3, "---" },
    };

    assert_lines (lines, expected, G_N_ELEMENTS (expected));
    g_assert_cmpstr (unified, ==,
                     "--- a\n"
                     "+++ b\n"
                     "@@ -0,0 +1,3 @@\n"
                     "+---\n"
                     "+license: mit\n"
                     "+---\n");
  }

  {
    g_autoptr(GPtrArray) lines = vitrine_diff_lines (text, "");
    g_autofree char *unified = vitrine_diff_unified (text, "", "a", "b", 3);
    const Expected expected[] = {
      { VITRINE_DIFF_REMOVED, 1, 0, "---" },
      { VITRINE_DIFF_REMOVED, 2, 0, "license: mit" },
      { VITRINE_DIFF_REMOVED, 3, 0, "---" },
    };

    assert_lines (lines, expected, G_N_ELEMENTS (expected));
    g_assert_cmpstr (unified, ==,
                     "--- a\n"
                     "+++ b\n"
                     "@@ -1,3 +0,0 @@\n"
                     "----\n"
                     "-license: mit\n"
                     "----\n");
  }

  /* One empty line is a line. */
  {
    g_autoptr(GPtrArray) lines = vitrine_diff_lines ("", "\n");
    const Expected expected[] = {
      { VITRINE_DIFF_ADDED, 0, 1, "" },
    };

    assert_lines (lines, expected, G_N_ELEMENTS (expected));
  }
}

static char *
numbers (guint       count,
         const char *changes[])
{
  GString *text = g_string_new (NULL);

  for (guint i = 1; i <= count; i++)
    {
      if (changes != NULL && changes[i] != NULL)
        g_string_append (text, changes[i]);
      else
        g_string_append_printf (text, "%u\n", i);
    }
  return g_string_free (text, FALSE);
}

static void
test_diff_unified_hunks (void)
{
  const char *apart[11] = { [3] = "x\n", [7] = "y\n" };
  const char *close[11] = { [3] = "x\n", [6] = "y\n" };
  g_autofree char *old_text = numbers (10, NULL);
  g_autofree char *new_apart = numbers (10, apart);
  g_autofree char *new_close = numbers (10, close);
  g_autofree char *separate = vitrine_diff_unified (old_text, new_apart, "o", "n", 1);
  g_autofree char *shared = vitrine_diff_unified (old_text, new_close, "o", "n", 1);
  g_autofree char *wide = vitrine_diff_unified (old_text, new_apart, "o", "n", 3);

  /* Three unchanged lines between the changes are more than 2 × 1. */
  g_assert_cmpstr (separate, ==,
                   "--- o\n"
                   "+++ n\n"
                   "@@ -2,3 +2,3 @@\n"
                   " 2\n"
                   "-3\n"
                   "+x\n"
                   " 4\n"
                   "@@ -6,3 +6,3 @@\n"
                   " 6\n"
                   "-7\n"
                   "+y\n"
                   " 8\n");

  /* Two are not: one hunk. */
  g_assert_cmpstr (shared, ==,
                   "--- o\n"
                   "+++ n\n"
                   "@@ -2,6 +2,6 @@\n"
                   " 2\n"
                   "-3\n"
                   "+x\n"
                   " 4\n"
                   " 5\n"
                   "-6\n"
                   "+y\n"
                   " 7\n");

  /* Context stops at the ends of the texts. */
  g_assert_cmpstr (wide, ==,
                   "--- o\n"
                   "+++ n\n"
                   "@@ -1,10 +1,10 @@\n"
                   " 1\n"
                   " 2\n"
                   "-3\n"
                   "+x\n"
                   " 4\n"
                   " 5\n"
                   " 6\n"
                   "-7\n"
                   "+y\n"
                   " 8\n"
                   " 9\n"
                   " 10\n");
}

static void
test_diff_large (void)
{
  g_autoptr(GString) old_text = g_string_new (NULL);
  g_autoptr(GString) new_text = g_string_new (NULL);
  g_autoptr(GPtrArray) lines = NULL;
  g_autofree char *unified = NULL;
  g_autofree char *expected = NULL;
  guint edits = 0;

  /* Line 100 changed, line 1500 removed, a line added after 2500, and the
   * last line changed. */
  for (guint i = 1; i <= 3000; i++)
    {
      g_string_append_printf (old_text, "line %u\n", i);
      if (i == 100)
        g_string_append (new_text, "line one hundred\n");
      else if (i == 1500)
        ;
      else if (i == 3000)
        g_string_append (new_text, "the end\n");
      else
        g_string_append_printf (new_text, "line %u\n", i);
      if (i == 2500)
        g_string_append (new_text, "inserted\n");
    }

  lines = vitrine_diff_lines (old_text->str, new_text->str);
  g_assert_cmpuint (lines->len, ==, 3003);
  for (guint i = 0; i < lines->len; i++)
    {
      VitrineDiffLine *line = g_ptr_array_index (lines, i);

      if (line->kind != VITRINE_DIFF_SAME)
        edits++;
    }
  g_assert_cmpuint (edits, ==, 6);
  g_assert_cmpuint (assert_consistent (lines, old_text->str, new_text->str), ==, 6);

  unified = vitrine_diff_unified (old_text->str, new_text->str, "a/README.md", "b/README.md", 2);
  expected = g_strconcat ("--- a/README.md\n"
                          "+++ b/README.md\n"
                          "@@ -98,5 +98,5 @@\n"
                          " line 98\n"
                          " line 99\n"
                          "-line 100\n"
                          "+line one hundred\n"
                          " line 101\n"
                          " line 102\n",
                          "@@ -1498,5 +1498,4 @@\n"
                          " line 1498\n"
                          " line 1499\n"
                          "-line 1500\n"
                          " line 1501\n"
                          " line 1502\n",
                          "@@ -2499,4 +2498,5 @@\n"
                          " line 2499\n"
                          " line 2500\n"
                          "+inserted\n"
                          " line 2501\n"
                          " line 2502\n",
                          "@@ -2998,3 +2998,3 @@\n"
                          " line 2998\n"
                          " line 2999\n"
                          "-line 3000\n"
                          "+the end\n",
                          NULL);
  g_assert_cmpstr (unified, ==, expected);
}

/* Nothing in common, and a change too costly to search in full: still a
 * correct diff, found quickly. */
static void
test_diff_rewritten (void)
{
  g_autoptr(GString) old_text = g_string_new (NULL);
  g_autoptr(GString) new_text = g_string_new (NULL);
  g_autoptr(GString) big_old = g_string_new (NULL);
  g_autoptr(GString) big_new = g_string_new (NULL);
  g_autoptr(GPtrArray) lines = NULL;
  g_autoptr(GPtrArray) big = NULL;
  VitrineDiffLine *first, *middle;
  gint64 started;

  for (guint i = 0; i < 3000; i++)
    {
      g_string_append_printf (old_text, "old %u\n", i);
      g_string_append_printf (new_text, "new %u\n", i);
    }
  lines = vitrine_diff_lines (old_text->str, new_text->str);
  g_assert_cmpuint (assert_consistent (lines, old_text->str, new_text->str), ==, 6000);
  first = g_ptr_array_index (lines, 0);
  middle = g_ptr_array_index (lines, 3000);
  g_assert_cmpint (first->kind, ==, VITRINE_DIFF_REMOVED);
  g_assert_cmpint (middle->kind, ==, VITRINE_DIFF_ADDED);

  /* Every third line of 50000 changed. */
  for (guint i = 0; i < 50000; i++)
    {
      g_string_append_printf (big_old, "%u\n", i);
      if (i % 3 == 1)
        g_string_append_printf (big_new, "changed %u\n", i);
      else
        g_string_append_printf (big_new, "%u\n", i);
    }
  started = g_get_monotonic_time ();
  big = vitrine_diff_lines (big_old->str, big_new->str);
  g_test_message ("50000 lines diffed in %" G_GINT64_FORMAT " ms",
                  (g_get_monotonic_time () - started) / 1000);
  g_assert_cmpuint (assert_consistent (big, big_old->str, big_new->str), >=, 2 * 16666);
}

static guint
lcs_length (const guint *a,
            guint        n,
            const guint *b,
            guint        m)
{
  g_autofree guint *table = g_new0 (guint, (n + 1) * (m + 1));

  for (guint i = 1; i <= n; i++)
    for (guint j = 1; j <= m; j++)
      {
        guint *cell = &table[i * (m + 1) + j];

        if (a[i - 1] == b[j - 1])
          *cell = table[(i - 1) * (m + 1) + j - 1] + 1;
        else
          *cell = MAX (table[(i - 1) * (m + 1) + j], table[i * (m + 1) + j - 1]);
      }
  return table[n * (m + 1) + m];
}

/* Random texts over a few lines: the diff is correct and as short as the
 * longest common subsequence allows. */
static void
test_diff_minimal (void)
{
  for (guint round = 0; round < 500; round++)
    {
      guint a[40], b[40];
      guint n = g_test_rand_int_range (0, 40);
      guint m = g_test_rand_int_range (0, 40);
      guint symbols = g_test_rand_int_range (1, 6);
      g_autoptr(GString) old_text = g_string_new (NULL);
      g_autoptr(GString) new_text = g_string_new (NULL);
      g_autoptr(GPtrArray) lines = NULL;

      for (guint i = 0; i < n; i++)
        {
          a[i] = g_test_rand_int_range (0, symbols);
          g_string_append_printf (old_text, "%c\n", 'a' + a[i]);
        }
      for (guint i = 0; i < m; i++)
        {
          b[i] = g_test_rand_int_range (0, symbols);
          g_string_append_printf (new_text, "%c\n", 'a' + b[i]);
        }

      lines = vitrine_diff_lines (old_text->str, new_text->str);
      g_assert_cmpuint (assert_consistent (lines, old_text->str, new_text->str),
                        ==, n + m - 2 * lcs_length (a, n, b, m));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/hub/diff/equal", test_diff_equal);
  g_test_add_func ("/hub/diff/insert", test_diff_insert);
  g_test_add_func ("/hub/diff/delete", test_diff_delete);
  g_test_add_func ("/hub/diff/change", test_diff_change);
  g_test_add_func ("/hub/diff/no-final-newline", test_diff_no_final_newline);
  g_test_add_func ("/hub/diff/crlf", test_diff_crlf);
  g_test_add_func ("/hub/diff/empty", test_diff_empty);
  g_test_add_func ("/hub/diff/unified-hunks", test_diff_unified_hunks);
  g_test_add_func ("/hub/diff/large", test_diff_large);
  g_test_add_func ("/hub/diff/rewritten", test_diff_rewritten);
  g_test_add_func ("/hub/diff/minimal", test_diff_minimal);

  return g_test_run ();
}
