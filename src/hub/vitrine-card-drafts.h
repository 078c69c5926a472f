/* vitrine-card-drafts.h — model cards being edited, kept until they are saved
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* What a draft keeps of a card being edited. */
typedef struct
{
  char      *text;           /* the card as it was being edited */
  char      *base;           /* (nullable) the card the edits started from */
  GDateTime *saved;          /* (nullable) when the draft was kept */
  /* (nullable) When the base is the card of a repository on a hub: where,
   * and the git object id of that README.md. */
  char      *base_endpoint;
  char      *base_repo_id;
  char      *base_oid;
} VitrineCardDraft;

VitrineCardDraft *vitrine_card_draft_new    (void);
void              vitrine_card_draft_free   (VitrineCardDraft        *draft);
char             *vitrine_card_draft_path   (const char              *folder);
VitrineCardDraft *vitrine_card_draft_read   (const char              *folder,
                                             GError                 **error);
gboolean          vitrine_card_draft_write  (const char              *folder,
                                             const VitrineCardDraft  *draft,
                                             GError                 **error);
gboolean          vitrine_card_draft_delete (const char              *folder,
                                             GError                 **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (VitrineCardDraft, vitrine_card_draft_free)

G_END_DECLS
