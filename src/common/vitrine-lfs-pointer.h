/* vitrine-lfs-pointer.h — the git-lfs pointer file format
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Pointer files are small; anything larger is content. */
#define VITRINE_LFS_POINTER_MAX_SIZE 1024

char     *vitrine_lfs_pointer_format (const char *oid,
                                      guint64     size);
gboolean  vitrine_lfs_pointer_parse  (const char *data,
                                      gsize       len,
                                      char      **oid,
                                      guint64    *size);

G_END_DECLS
