/* vitrine-create-demo-dialog.h — Create a Demo for a Model
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "vitrine-application.h"

G_BEGIN_DECLS

#define VITRINE_TYPE_CREATE_DEMO_DIALOG (vitrine_create_demo_dialog_get_type ())

G_DECLARE_FINAL_TYPE (VitrineCreateDemoDialog, vitrine_create_demo_dialog, VITRINE, CREATE_DEMO_DIALOG, AdwWindow)

VitrineCreateDemoDialog *vitrine_create_demo_dialog_new       (GtkWindow               *parent,
                                                               VitrineApplication      *application,
                                                               VitrineAccount          *account,
                                                               const char              *model_id);
gboolean                 vitrine_create_demo_dialog_is_ready  (VitrineCreateDemoDialog *self);
gboolean                 vitrine_create_demo_dialog_is_busy   (VitrineCreateDemoDialog *self);
GPtrArray               *vitrine_create_demo_dialog_get_files (VitrineCreateDemoDialog *self);
const char              *vitrine_create_demo_dialog_get_problem (VitrineCreateDemoDialog *self);

G_END_DECLS
