/* vitrine-demos-page.h — the Demos area: Spaces run here or on the Hub
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "vitrine-application.h"
#include "vitrine-demo-view.h"
#include "vitrine-space-run.h"

G_BEGIN_DECLS

#define VITRINE_TYPE_DEMOS_PAGE (vitrine_demos_page_get_type ())

G_DECLARE_FINAL_TYPE (VitrineDemosPage, vitrine_demos_page, VITRINE, DEMOS_PAGE, GtkWidget)

GtkWidget       *vitrine_demos_page_new             (void);
void             vitrine_demos_page_set_application (VitrineDemosPage   *self,
                                                     VitrineApplication *application);
void             vitrine_demos_page_open_space      (VitrineDemosPage   *self,
                                                     const char         *space_id,
                                                     gboolean            run);
void             vitrine_demos_page_run_folder      (VitrineDemosPage   *self,
                                                     const char         *folder);
void             vitrine_demos_page_show_on_hub     (VitrineDemosPage   *self,
                                                     gboolean            on_hub);
void             vitrine_demos_page_stop            (VitrineDemosPage   *self);
VitrineSpaceRun *vitrine_demos_page_get_run         (VitrineDemosPage   *self);
VitrineDemoView *vitrine_demos_page_get_view        (VitrineDemosPage   *self);
const char      *vitrine_demos_page_get_shown       (VitrineDemosPage   *self);

G_END_DECLS
