/* vitrine-card-source.h — the model card's text, as written, with search
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtksourceview/gtksource.h>

G_BEGIN_DECLS

#define VITRINE_TYPE_CARD_SOURCE (vitrine_card_source_get_type ())

G_DECLARE_FINAL_TYPE (VitrineCardSource, vitrine_card_source, VITRINE, CARD_SOURCE, GtkWidget)

void vitrine_card_source_set_buffer    (VitrineCardSource *self,
                                        GtkSourceBuffer   *buffer);
void vitrine_card_source_mark_problems (VitrineCardSource *self,
                                        GPtrArray         *problems);
void vitrine_card_source_go_to         (VitrineCardSource *self,
                                        guint              line,
                                        guint              column);
void vitrine_card_source_find          (VitrineCardSource *self);
void vitrine_card_source_find_next     (VitrineCardSource *self,
                                        gboolean           forward);

G_END_DECLS
