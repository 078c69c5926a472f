/* vitrine-card-rules.h — the Hub's rules for card metadata
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "vitrine-repo-id.h"

G_BEGIN_DECLS

const char * const *vitrine_card_licenses      (void);
const char * const *vitrine_card_pipeline_tags (void);
gboolean            vitrine_card_is_license    (const char      *id);
gboolean            vitrine_card_is_pipeline_tag (const char    *tag);
GPtrArray          *vitrine_card_check_metadata (JsonNode       *metadata,
                                                 VitrineRepoType type);
typedef struct
{
  char  *key;      /* the top-level key it is about, or NULL */
  guint  line;     /* from 1; 0 when unknown */
  guint  column;   /* from 1; 0 when unknown */
  char  *message;
} VitrineCardProblem;

void                vitrine_card_problem_free   (VitrineCardProblem *problem);
GPtrArray          *vitrine_card_find_problems  (const char     *text,
                                                 gsize           len,
                                                 VitrineRepoType type,
                                                 JsonNode      **metadata);
GPtrArray          *vitrine_card_check_readme   (const char     *text,
                                                 gsize           len,
                                                 VitrineRepoType type,
                                                 JsonNode      **metadata);

G_END_DECLS
