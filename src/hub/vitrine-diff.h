/* vitrine-diff.h — a line diff between two versions of a text
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  VITRINE_DIFF_SAME,
  VITRINE_DIFF_ADDED,
  VITRINE_DIFF_REMOVED,
} VitrineDiffKind;

typedef struct
{
  VitrineDiffKind kind;
  guint           old_line;   /* 1-based line in the old text, 0 for ADDED */
  guint           new_line;   /* 1-based line in the new text, 0 for REMOVED */
  char           *text;       /* the line without its "\n" (a trailing "\r" kept) */
} VitrineDiffLine;

GPtrArray *vitrine_diff_lines       (const char *old_text,
                                     const char *new_text);
char      *vitrine_diff_unified     (const char *old_text,
                                     const char *new_text,
                                     const char *old_label,
                                     const char *new_label,
                                     guint       context);
gboolean   vitrine_diff_has_changes (GPtrArray  *lines);

G_END_DECLS
