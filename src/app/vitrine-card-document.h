/* vitrine-card-document.h — the model card being edited: its text, the card
 * it started from, its draft and its file
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtksourceview/gtksource.h>
#include <json-glib/json-glib.h>


G_BEGIN_DECLS

#define VITRINE_TYPE_CARD_DOCUMENT (vitrine_card_document_get_type ())

G_DECLARE_FINAL_TYPE (VitrineCardDocument, vitrine_card_document, VITRINE, CARD_DOCUMENT, GObject)

/* Cards larger than this are not opened. */
#define VITRINE_CARD_MAX_SIZE (4 * 1024 * 1024)

VitrineCardDocument *vitrine_card_document_new            (void);
GtkSourceBuffer     *vitrine_card_document_get_buffer     (VitrineCardDocument  *self);
char                *vitrine_card_document_get_text       (VitrineCardDocument  *self);
GFile               *vitrine_card_document_get_folder     (VitrineCardDocument  *self);
const char          *vitrine_card_document_get_status     (VitrineCardDocument  *self);
const char          *vitrine_card_document_get_base_text  (VitrineCardDocument  *self);
gboolean             vitrine_card_document_load_folder    (VitrineCardDocument  *self,
                                                           GFile                *folder,
                                                           char                **restored,
                                                           GError              **error);
void                 vitrine_card_document_save_async     (VitrineCardDocument  *self,
                                                           GAsyncReadyCallback   callback,
                                                           gpointer              user_data);
gboolean             vitrine_card_document_save_finish    (VitrineCardDocument  *self,
                                                           GAsyncResult         *result,
                                                           GError              **error);
void                 vitrine_card_document_keep_draft     (VitrineCardDocument  *self);
gboolean             vitrine_card_document_discard_draft  (VitrineCardDocument  *self,
                                                           GError              **error);
void                 vitrine_card_document_replace        (VitrineCardDocument  *self,
                                                           const char           *text);
gboolean             vitrine_card_document_set_key        (VitrineCardDocument  *self,
                                                           const char           *key,
                                                           JsonNode             *value,
                                                           GError              **error);

void                 vitrine_card_document_set_hub        (VitrineCardDocument  *self,
                                                           const char           *endpoint,
                                                           const char           *repo_id);
gboolean             vitrine_card_document_merge          (VitrineCardDocument  *self,
                                                           const char           *theirs,
                                                           GPtrArray           **conflicts,
                                                           GError              **error);
void                 vitrine_card_document_take_theirs    (VitrineCardDocument  *self,
                                                           const char           *theirs);
void                 vitrine_card_document_keep_mine      (VitrineCardDocument  *self,
                                                           const char           *theirs);

G_END_DECLS
