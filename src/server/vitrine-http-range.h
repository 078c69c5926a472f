/* vitrine-http-range.h — the `Range` request header of downloads
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean vitrine_http_range_parse (const char *range,
                                   guint64     size,
                                   guint64    *start,
                                   guint64    *length);

G_END_DECLS
