/* vitrine-markdown.h — model card bodies as HTML for the preview
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

char *vitrine_markdown_to_html      (const char *markdown,
                                     gssize      len);
char *vitrine_markdown_to_plain_html (const char *markdown,
                                      gssize      len);
char *vitrine_markdown_metadata_html (JsonNode  *metadata);
char *vitrine_markdown_page          (const char *content_html,
                                      gboolean    dark);

G_END_DECLS
