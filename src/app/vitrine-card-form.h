/* vitrine-card-form.h — the model card's metadata as a form, and its problems
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "vitrine-card-document.h"

G_BEGIN_DECLS

#define VITRINE_TYPE_CARD_FORM (vitrine_card_form_get_type ())

G_DECLARE_FINAL_TYPE (VitrineCardForm, vitrine_card_form, VITRINE, CARD_FORM, GtkWidget)

void vitrine_card_form_set_document  (VitrineCardForm     *self,
                                      VitrineCardDocument *document);
void vitrine_card_form_set_metadata  (VitrineCardForm     *self,
                                      JsonNode            *metadata,
                                      gboolean             editable);
void vitrine_card_form_show_problems (VitrineCardForm     *self,
                                      GPtrArray           *problems);

G_END_DECLS
