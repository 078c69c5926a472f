/* vitrine-card-preview.h — the model card as the Hub will show it
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>
#include <json-glib/json-glib.h>
#include <webkit/webkit.h>

G_BEGIN_DECLS

#define VITRINE_TYPE_CARD_PREVIEW (vitrine_card_preview_get_type ())

G_DECLARE_FINAL_TYPE (VitrineCardPreview, vitrine_card_preview, VITRINE, CARD_PREVIEW, GtkWidget)

/* What a version of the card says: its problems, its metadata and its
 * preview.  Made without touching any widget, so a large card can be read
 * on a worker thread while typing goes on. */
typedef struct
{
  char      *text;
  GPtrArray *problems;   /* of VitrineCardProblem */
  JsonNode  *metadata;   /* (nullable) the front matter as JSON */
  gboolean   editable;   /* the front matter can be read, so written by the form */
  char      *html;       /* the preview's content */
} VitrineCardRendering;

VitrineCardRendering *vitrine_card_rendering_new     (const char            *text);
void                  vitrine_card_rendering_free    (VitrineCardRendering  *rendering);
void                  vitrine_card_render_async      (const char            *text,
                                                      GCancellable          *cancellable,
                                                      GAsyncReadyCallback    callback,
                                                      gpointer               user_data);
VitrineCardRendering *vitrine_card_render_finish     (GAsyncResult          *result,
                                                      GError               **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (VitrineCardRendering, vitrine_card_rendering_free)

WebKitWebView        *vitrine_card_preview_get_web_view (VitrineCardPreview *self);
void                  vitrine_card_preview_set_folder   (VitrineCardPreview *self,
                                                         const char         *folder);
void                  vitrine_card_preview_show         (VitrineCardPreview *self,
                                                         const char         *html);

G_END_DECLS
