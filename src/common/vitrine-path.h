/* vitrine-path.h
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Longest path inside a repository that either end accepts, in bytes. */
#define VITRINE_PATH_MAX_LENGTH 1024

gboolean vitrine_path_check (const char  *path,
                             gssize       length,
                             GError     **error);

G_END_DECLS
