/* vitrine-publish-done-view.h — a publish that finished, and where to go
 * from it
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "vitrine-publish-job.h"

G_BEGIN_DECLS

#define VITRINE_TYPE_PUBLISH_DONE_VIEW (vitrine_publish_done_view_get_type ())

G_DECLARE_FINAL_TYPE (VitrinePublishDoneView, vitrine_publish_done_view, VITRINE, PUBLISH_DONE_VIEW, GtkWidget)

GtkWidget *vitrine_publish_done_view_new     (void);
void       vitrine_publish_done_view_set_job (VitrinePublishDoneView *self,
                                              VitrinePublishJob      *job);
char      *vitrine_publish_dup_web_url       (VitrinePublishJob      *job);

G_END_DECLS
