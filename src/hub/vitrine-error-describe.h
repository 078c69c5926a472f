/* vitrine-error-describe.h — a publishing failure in words, with what to
 * do about it
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

void vitrine_error_describe_for_publish (const GError  *error,
                                         char         **title,
                                         char         **hint);

G_END_DECLS
