/* vitrine-ignore.h — which files of a folder stay out of a publish
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Longer patterns are skipped, in bytes. */
#define VITRINE_IGNORE_MAX_PATTERN_LENGTH 1024
/* At most this many rules from .gitignore files, and as many of each of
 * --exclude and --include; the rest are skipped. */
#define VITRINE_IGNORE_MAX_RULES 10000

typedef struct _VitrineIgnore VitrineIgnore;

/**
 * VitrineIgnoreSource:
 * @VITRINE_IGNORE_SOURCE_DEFAULT: one of the defaults every folder has
 * @VITRINE_IGNORE_SOURCE_GITIGNORE: a line of the folder's .gitignore
 * @VITRINE_IGNORE_SOURCE_EXCLUDE: an exclude pattern (`--exclude`)
 * @VITRINE_IGNORE_SOURCE_INCLUDE: an include pattern (`--include`), or,
 *   without a pattern, that none of them matched
 */
typedef enum
{
  VITRINE_IGNORE_SOURCE_DEFAULT,
  VITRINE_IGNORE_SOURCE_GITIGNORE,
  VITRINE_IGNORE_SOURCE_EXCLUDE,
  VITRINE_IGNORE_SOURCE_INCLUDE,
} VitrineIgnoreSource;

/* The rule that decided, as vitrine_ignore_match_rule() tells it. */
typedef struct
{
  VitrineIgnoreSource  source;
  guint                line;      /* from 1, for .gitignore rules; else 0 */
  const char          *pattern;   /* as written; NULL for "not included" */
  gboolean             negated;   /* a `!` rule that brought the path back */
} VitrineIgnoreRule;

VitrineIgnore *vitrine_ignore_new           (void);
void           vitrine_ignore_add_gitignore (VitrineIgnore  *self,
                                             const char     *text);
void           vitrine_ignore_add_exclude   (VitrineIgnore  *self,
                                             const char     *pattern);
void           vitrine_ignore_add_include   (VitrineIgnore  *self,
                                             const char     *pattern);
gboolean       vitrine_ignore_match         (VitrineIgnore  *self,
                                             const char     *path,
                                             gboolean        is_dir,
                                             const char    **rule);
gboolean       vitrine_ignore_match_rule    (VitrineIgnore  *self,
                                             const char     *path,
                                             gboolean        is_dir,
                                             const VitrineIgnoreRule **rule);
void           vitrine_ignore_free          (VitrineIgnore  *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (VitrineIgnore, vitrine_ignore_free)

G_END_DECLS
