/* vitrine-git-receive.h — the Hub's checks on a git push, before any ref
 * moves
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean vitrine_git_check_push (const char *git_dir,
                                 const char *quarantine,
                                 const char *lfs_dir,
                                 const char *updates,
                                 GString    *out);

G_END_DECLS
