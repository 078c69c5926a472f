/* vitrine-publish-queue-view.h — recent and unfinished publishes
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "vitrine-publish-queue.h"

G_BEGIN_DECLS

#define VITRINE_TYPE_PUBLISH_QUEUE_VIEW (vitrine_publish_queue_view_get_type ())

G_DECLARE_FINAL_TYPE (VitrinePublishQueueView, vitrine_publish_queue_view, VITRINE, PUBLISH_QUEUE_VIEW, GtkWidget)

GtkWidget *vitrine_publish_queue_view_new       (void);
void       vitrine_publish_queue_view_set_queue (VitrinePublishQueueView *self,
                                                 VitrinePublishQueue     *queue);
char      *vitrine_publish_job_describe_when    (VitrinePublishJob       *job);

G_END_DECLS
