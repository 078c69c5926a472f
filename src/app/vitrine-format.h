/* vitrine-format.h — dates and sizes as people read them
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *vitrine_format_relative_date (GDateTime *when,
                                    GDateTime *now);
char *vitrine_format_full_date     (GDateTime *when);

G_END_DECLS
