/* fuzz-merge.c — three-way card merges and line diffs, whatever the cards
 *
 * The input is three cards separated by NUL bytes: base, mine, theirs.
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdint.h>
#include <string.h>

#include "vitrine-card.h"
#include "vitrine-card-merge.h"
#include "vitrine-diff.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *copy = g_strndup ((const char *) data, size);
  g_autoptr(GPtrArray) conflicts = NULL;
  g_autoptr(GPtrArray) lines = NULL;
  g_autofree char *merged = NULL;
  g_autofree char *diff = NULL;
  const char *parts[3] = { "", "", "" };
  const char *end = copy + size;
  const char *p = copy;
  guint old_lines = 0, new_lines = 0;

  for (guint i = 0; i < 3 && p <= end; i++)
    {
      parts[i] = p;
      p += strlen (p) + 1;
    }

  /* A diff accounts for every line of both sides, in order. */
  lines = vitrine_diff_lines (parts[0], parts[1]);
  for (guint i = 0; i < lines->len; i++)
    {
      VitrineDiffLine *line = g_ptr_array_index (lines, i);

      if (line->kind != VITRINE_DIFF_ADDED)
        g_assert (line->old_line == ++old_lines);
      if (line->kind != VITRINE_DIFF_REMOVED)
        g_assert (line->new_line == ++new_lines);
    }
  diff = vitrine_diff_unified (parts[0], parts[1], "a", "b", 3);
  g_assert ((*diff == '\0') == (strcmp (parts[0], parts[1]) == 0));

  /* A merge either fails cleanly or gives a card that reads back. */
  merged = vitrine_card_merge (parts[0], parts[1], parts[2], &conflicts, NULL);
  if (merged != NULL)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(VitrineCard) card = vitrine_card_new_from_text (merged, -1, &error);

      g_assert (card != NULL);
      g_assert (conflicts != NULL);
      /* Nothing changed on either side: nothing changes. */
      if (strcmp (parts[0], parts[1]) == 0 && strcmp (parts[0], parts[2]) == 0)
        g_assert (strcmp (merged, parts[1]) == 0);
    }
  return 0;
}
