/* vitrine-publish-view.h — the Publish area: the publishes, the wizard,
 * a publish under way and one that finished
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "vitrine-application.h"
#include "vitrine-assistant.h"
#include "vitrine-card-editor.h"
#include "vitrine-publish-job.h"
#include "vitrine-publish-setup.h"

G_BEGIN_DECLS

#define VITRINE_TYPE_PUBLISH_VIEW (vitrine_publish_view_get_type ())

G_DECLARE_FINAL_TYPE (VitrinePublishView, vitrine_publish_view, VITRINE, PUBLISH_VIEW, GtkWidget)

void                 vitrine_publish_view_set_application (VitrinePublishView  *self,
                                                           VitrineApplication  *application);
gboolean             vitrine_publish_view_open_folder     (VitrinePublishView  *self,
                                                           GFile               *folder,
                                                           GError             **error);
const char          *vitrine_publish_view_get_page        (VitrinePublishView  *self);
VitrineAssistant    *vitrine_publish_view_get_assistant   (VitrinePublishView  *self);
VitrineCardEditor   *vitrine_publish_view_get_card_editor (VitrinePublishView  *self);
VitrinePublishSetup *vitrine_publish_view_get_setup       (VitrinePublishView  *self);
void                 vitrine_publish_view_show_job        (VitrinePublishView  *self,
                                                           VitrinePublishJob   *job);
void                 vitrine_publish_view_resume_job      (VitrinePublishView  *self,
                                                           VitrinePublishJob   *job);

G_END_DECLS
