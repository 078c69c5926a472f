/* vitrine-publish-progress.h — how far a publish is, in total
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "vitrine-hub-types.h"

G_BEGIN_DECLS

#define VITRINE_TYPE_PUBLISH_PROGRESS (vitrine_publish_progress_get_type ())

G_DECLARE_FINAL_TYPE (VitrinePublishProgress, vitrine_publish_progress, VITRINE, PUBLISH_PROGRESS, GObject)

VitrinePublishPhase vitrine_publish_progress_get_phase            (VitrinePublishProgress *self);
guint               vitrine_publish_progress_get_files_total      (VitrinePublishProgress *self);
guint               vitrine_publish_progress_get_files_done       (VitrinePublishProgress *self);
guint64             vitrine_publish_progress_get_bytes_total      (VitrinePublishProgress *self);
guint64             vitrine_publish_progress_get_bytes_done       (VitrinePublishProgress *self);
double              vitrine_publish_progress_get_bytes_per_second (VitrinePublishProgress *self);
double              vitrine_publish_progress_get_seconds_left     (VitrinePublishProgress *self);
double              vitrine_publish_progress_get_fraction         (VitrinePublishProgress *self);
const char         *vitrine_publish_progress_get_current_path     (VitrinePublishProgress *self);

G_END_DECLS
