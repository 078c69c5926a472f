/* vitrine-card-editor.h — the model card editor: form, source and preview
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>
#include <webkit/webkit.h>

#include "vitrine-card-document.h"
#include "vitrine-client.h"

G_BEGIN_DECLS

#define VITRINE_TYPE_CARD_EDITOR (vitrine_card_editor_get_type ())

G_DECLARE_FINAL_TYPE (VitrineCardEditor, vitrine_card_editor, VITRINE, CARD_EDITOR, GtkWidget)

GtkWidget     *vitrine_card_editor_new              (void);
gboolean       vitrine_card_editor_load_folder      (VitrineCardEditor    *self,
                                                     GFile                *folder,
                                                     GError              **error);
GFile         *vitrine_card_editor_get_folder       (VitrineCardEditor    *self);
char          *vitrine_card_editor_get_text         (VitrineCardEditor    *self);
const char    *vitrine_card_editor_get_base_text    (VitrineCardEditor    *self);
void           vitrine_card_editor_save_async       (VitrineCardEditor    *self,
                                                     GAsyncReadyCallback   callback,
                                                     gpointer              user_data);
gboolean       vitrine_card_editor_save_finish      (VitrineCardEditor    *self,
                                                     GAsyncResult         *result,
                                                     GError              **error);
GPtrArray     *vitrine_card_editor_get_problems     (VitrineCardEditor    *self);
void           vitrine_card_editor_set_client       (VitrineCardEditor    *self,
                                                     VitrineClient        *client);
void           vitrine_card_editor_set_repo_id      (VitrineCardEditor    *self,
                                                     const char           *repo_id);
void           vitrine_card_editor_compare_async    (VitrineCardEditor    *self,
                                                     GCancellable         *cancellable,
                                                     GAsyncReadyCallback   callback,
                                                     gpointer              user_data);
char          *vitrine_card_editor_compare_finish   (VitrineCardEditor    *self,
                                                     GAsyncResult         *result,
                                                     char                **diff,
                                                     GError              **error);
gboolean       vitrine_card_editor_merge            (VitrineCardEditor    *self,
                                                     const char           *theirs,
                                                     GPtrArray           **conflicts,
                                                     GError              **error);
void           vitrine_card_editor_take_theirs      (VitrineCardEditor    *self,
                                                     const char           *theirs);
void           vitrine_card_editor_keep_mine        (VitrineCardEditor    *self,
                                                     const char           *theirs);
void           vitrine_card_editor_flush            (VitrineCardEditor    *self);
void           vitrine_card_editor_compare_with_hub (VitrineCardEditor    *self,
                                                     const char           *repo_id);
WebKitWebView *vitrine_card_editor_get_preview      (VitrineCardEditor    *self);
VitrineCardDocument *vitrine_card_editor_get_document (VitrineCardEditor  *self);
const char    *vitrine_card_editor_get_repo_id      (VitrineCardEditor    *self);

G_END_DECLS
