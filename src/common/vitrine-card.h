/* vitrine-card.h — a model card (README.md) that keeps what it does not manage
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

typedef struct _VitrineCard VitrineCard;

VitrineCard *vitrine_card_new_from_text (const char   *text,
                                         gssize        len,
                                         GError      **error);
void         vitrine_card_free          (VitrineCard  *self);
char        *vitrine_card_to_text       (VitrineCard  *self);
const char  *vitrine_card_get_body      (VitrineCard  *self);
void         vitrine_card_set_body      (VitrineCard  *self,
                                         const char   *body);
JsonNode    *vitrine_card_get_metadata  (VitrineCard  *self,
                                         GError      **error);
gboolean     vitrine_card_set           (VitrineCard  *self,
                                         const char   *key,
                                         JsonNode     *value,
                                         GError      **error);
char        *vitrine_card_dup_key_text  (VitrineCard  *self,
                                         const char   *key,
                                         GError      **error);
gboolean     vitrine_card_set_key_text  (VitrineCard  *self,
                                         const char   *key,
                                         const char   *lines,
                                         GError      **error);
gboolean     vitrine_card_remove        (VitrineCard  *self,
                                         const char   *key,
                                         GError      **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (VitrineCard, vitrine_card_free)

/* The metadata the editor manages, typed.  A key that is absent, or whose
 * value has the wrong shape, reads as NULL; lists accept a single string
 * as the Hub does. */
typedef struct
{
  char  *license;
  char  *license_name;
  char  *license_link;
  char **languages;
  char  *pipeline_tag;
  char  *library_name;
  char **base_models;
  char **datasets;
  char **tags;
} VitrineCardMetadata;

VitrineCardMetadata *vitrine_card_metadata_new_from_json (JsonNode            *metadata);
void                 vitrine_card_metadata_free          (VitrineCardMetadata *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (VitrineCardMetadata, vitrine_card_metadata_free)

G_END_DECLS
