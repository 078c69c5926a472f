/* vitrine-folder-rules.h — which files of a folder a publish sends
 *
 * The one decision the folder scan (what the window shows) and the
 * publisher (what it sends) share: ignore rules (defaults, the folder's
 * .gitignore, exclude and include patterns) and files that look like
 * secrets, which stay out unless included one by one.
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "vitrine-hub-types.h"

G_BEGIN_DECLS

/* The Hub refuses a file larger than this. */
#define VITRINE_HUB_FILE_LIMIT (50ULL * 1000 * 1000 * 1000)
/* More files than this in one repository is more than the Hub advises. */
#define VITRINE_HUB_FILES_ADVISED 100000
/* Over this, a file is a large file on the Hub whatever its content. */
#define VITRINE_REGULAR_FILE_LIMIT (10 * 1000 * 1000)

typedef struct _VitrineFolderRules VitrineFolderRules;

VitrineFolderRules *vitrine_folder_rules_new            (const char          *folder);
void                vitrine_folder_rules_add_include    (VitrineFolderRules  *self,
                                                         const char          *pattern);
void                vitrine_folder_rules_add_exclude    (VitrineFolderRules  *self,
                                                         const char          *pattern);
void                vitrine_folder_rules_include_secret (VitrineFolderRules  *self,
                                                         const char          *path);
gboolean            vitrine_folder_rules_is_included_secret (VitrineFolderRules *self,
                                                         const char          *path);
VitrineLeftOut      vitrine_folder_rules_check          (VitrineFolderRules  *self,
                                                         const char          *path,
                                                         gboolean             is_dir,
                                                         gboolean            *looks_secret,
                                                         char               **rule);
void                vitrine_folder_rules_free           (VitrineFolderRules  *self);

gboolean            vitrine_path_looks_secret           (const char          *path,
                                                         const char          *abs_path);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (VitrineFolderRules, vitrine_folder_rules_free)

G_END_DECLS
