/* vitrine-json.h — reading JSON that came from elsewhere, and the Hub's dates
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* JSON from elsewhere nested deeper than this is refused unread: JSON-GLib
 * reads nesting by recursion, so a few hundred kilobytes of "[" would
 * exhaust a thread's stack. */
#define VITRINE_JSON_MAX_DEPTH 64

/* The largest JSON answer the client reads from a server. */
#define VITRINE_JSON_MAX_ANSWER (64 * 1024 * 1024)

gboolean          vitrine_json_too_deep             (const char       *data,
                                                     gsize             len);
JsonNode         *vitrine_json_parse                (const char       *data,
                                                     gsize             len,
                                                     gsize             max_len,
                                                     GError          **error);

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
