/* vitrine-publish-progress-view.h — a publish under way: its progress, its
 * files, and what to do when it fails
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "vitrine-publish-job.h"

G_BEGIN_DECLS

#define VITRINE_TYPE_PUBLISH_PROGRESS_VIEW (vitrine_publish_progress_view_get_type ())

G_DECLARE_FINAL_TYPE (VitrinePublishProgressView, vitrine_publish_progress_view, VITRINE, PUBLISH_PROGRESS_VIEW, GtkWidget)

GtkWidget         *vitrine_publish_progress_view_new     (void);
VitrinePublishJob *vitrine_publish_progress_view_get_job (VitrinePublishProgressView *self);
void               vitrine_publish_progress_view_set_job (VitrinePublishProgressView *self,
                                                          VitrinePublishJob          *job);

G_END_DECLS
