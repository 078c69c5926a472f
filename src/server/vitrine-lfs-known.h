/* vitrine-lfs-known.h — which large files a repository has shown it has
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

void     vitrine_lfs_known_init (const char *git_dir);
gboolean vitrine_lfs_known_has  (const char *git_dir,
                                 const char *oid);
void     vitrine_lfs_known_add  (const char *git_dir,
                                 const char *oid);

G_END_DECLS
