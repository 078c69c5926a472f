/* vitrine-publish-file.h — one file of a publish, as a list row
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "vitrine-hub-types.h"

G_BEGIN_DECLS

#define VITRINE_TYPE_PUBLISH_FILE (vitrine_publish_file_get_type ())

G_DECLARE_FINAL_TYPE (VitrinePublishFile, vitrine_publish_file, VITRINE, PUBLISH_FILE, GObject)

const char       *vitrine_publish_file_get_path       (VitrinePublishFile *self);
guint64           vitrine_publish_file_get_size       (VitrinePublishFile *self);
VitrineFileState  vitrine_publish_file_get_state      (VitrinePublishFile *self);
guint64           vitrine_publish_file_get_bytes_done (VitrinePublishFile *self);
guint64           vitrine_publish_file_get_bytes_sent (VitrinePublishFile *self);
gboolean          vitrine_publish_file_get_is_large   (VitrinePublishFile *self);
double            vitrine_publish_file_get_fraction   (VitrinePublishFile *self);

G_END_DECLS
