/* vitrine-assistant.h — steps listed at the side, one page at a time, Back
 * and Next in a bottom bar
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "vitrine-assistant-page.h"

G_BEGIN_DECLS

#define VITRINE_TYPE_ASSISTANT (vitrine_assistant_get_type ())

G_DECLARE_FINAL_TYPE (VitrineAssistant, vitrine_assistant, VITRINE, ASSISTANT, GtkWidget)

GtkWidget            *vitrine_assistant_new              (void);
void                  vitrine_assistant_append_page      (VitrineAssistant     *self,
                                                          VitrineAssistantPage *page);
guint                 vitrine_assistant_get_n_pages      (VitrineAssistant     *self);
VitrineAssistantPage *vitrine_assistant_get_page         (VitrineAssistant     *self,
                                                          guint                 index);
VitrineAssistantPage *vitrine_assistant_get_current_page (VitrineAssistant     *self);
void                  vitrine_assistant_set_current_page (VitrineAssistant     *self,
                                                          VitrineAssistantPage *page);
gboolean              vitrine_assistant_next             (VitrineAssistant     *self);
gboolean              vitrine_assistant_back             (VitrineAssistant     *self);
void                  vitrine_assistant_reset            (VitrineAssistant     *self);
char                 *vitrine_assistant_dup_finish_problem (VitrineAssistant   *self);

G_END_DECLS
