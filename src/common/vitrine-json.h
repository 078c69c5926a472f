/* vitrine-json.h — reading JSON that came from elsewhere, and the Hub's dates
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

char             *vitrine_format_date               (gint64            unix_seconds);

/* Type-checked accessors: NULL or a default on missing or mistyped members. */
const char       *vitrine_json_string               (JsonObject       *object,
                                                     const char       *member);
gboolean          vitrine_json_bool                 (JsonObject       *object,
                                                     const char       *member,
                                                     gboolean          fallback);
gint64            vitrine_json_int                  (JsonObject       *object,
                                                     const char       *member,
                                                     gint64            fallback);
JsonObject       *vitrine_json_object               (JsonObject       *object,
                                                     const char       *member);
JsonArray        *vitrine_json_array                (JsonObject       *object,
                                                     const char       *member);

G_END_DECLS
