/* vitrine-yaml.h — YAML front matter, read into JSON, with limits
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* Limits against hostile YAML. */
#define VITRINE_YAML_MAX_DEPTH   64
#define VITRINE_YAML_MAX_NODES   200000
#define VITRINE_YAML_MAX_SCALAR  (1024 * 1024)

gboolean  vitrine_front_matter_split (const char  *text,
                                      gsize        len,
                                      gsize       *yaml_start,
                                      gsize       *yaml_len,
                                      gsize       *body_start);
JsonNode *vitrine_yaml_to_json       (const char  *yaml,
                                      gsize        len,
                                      guint        line_offset,
                                      GError     **error);
JsonNode *vitrine_yaml_to_json_at    (const char  *yaml,
                                      gsize        len,
                                      guint        line_offset,
                                      guint       *error_line,
                                      guint       *error_column,
                                      GError     **error);

G_END_DECLS
