/* vitrine-discovery.h — the file that says where this computer's hub runs
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

char     *vitrine_discovery_path  (void);
gboolean  vitrine_discovery_read  (char       **url,
                                   gint64      *pid,
                                   char       **data_dir);
gboolean  vitrine_discovery_write (const char  *url,
                                   const char  *data_dir,
                                   GError     **error);
void      vitrine_discovery_remove (void);

G_END_DECLS
