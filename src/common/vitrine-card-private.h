/* vitrine-card-private.h — what the files of VitrineCard share
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <yaml.h>

#include "vitrine-card.h"

G_BEGIN_DECLS

struct _VitrineCard
{
  char    *open_fence;   /* "---\n" as written, or NULL without front matter */
  GString *yaml;
  char    *close_fence;  /* "---\n" as written */
  char    *body;
};

gsize    _vitrine_card_line_offset   (const char           *text,
                                      gsize                 len,
                                      gsize                 line);
void     _vitrine_card_append_string (GString              *out,
                                      const char           *text,
                                      yaml_scalar_style_t   style);
gboolean _vitrine_card_set_in_place  (VitrineCard          *self,
                                      const char           *key,
                                      gboolean              found,
                                      gsize                 first,
                                      gsize                 last,
                                      JsonNode             *value,
                                      char                **list_prefix,
                                      char                **comment);

G_END_DECLS
