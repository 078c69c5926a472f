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
void           vitrine_ignore_free          (VitrineIgnore  *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (VitrineIgnore, vitrine_ignore_free)

G_END_DECLS
