/* vitrine-assistant-page.h — one step of an assistant: whether it is
 * complete, and why not
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define VITRINE_TYPE_ASSISTANT_PAGE (vitrine_assistant_page_get_type ())

G_DECLARE_DERIVABLE_TYPE (VitrineAssistantPage, vitrine_assistant_page, VITRINE, ASSISTANT_PAGE, AdwBin)

struct _VitrineAssistantPageClass
{
  AdwBinClass parent_class;

  /* The page became the one shown. */
  void (*shown) (VitrineAssistantPage *self);
};

const char *vitrine_assistant_page_get_title    (VitrineAssistantPage *self);
void        vitrine_assistant_page_set_title    (VitrineAssistantPage *self,
                                                 const char           *title);
gboolean    vitrine_assistant_page_get_complete (VitrineAssistantPage *self);
const char *vitrine_assistant_page_get_problem  (VitrineAssistantPage *self);
gboolean    vitrine_assistant_page_get_waiting  (VitrineAssistantPage *self);
void        vitrine_assistant_page_set_state    (VitrineAssistantPage *self,
                                                 gboolean              complete,
                                                 gboolean              waiting,
                                                 const char           *problem);
void        vitrine_assistant_page_shown        (VitrineAssistantPage *self);

G_END_DECLS
