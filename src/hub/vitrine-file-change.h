/* vitrine-file-change.h — a file that differs between two revisions
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "vitrine-hub-types.h"
#include "vitrine-tree-entry.h"

G_BEGIN_DECLS

#define VITRINE_TYPE_FILE_CHANGE (vitrine_file_change_get_type ())

G_DECLARE_FINAL_TYPE (VitrineFileChange, vitrine_file_change, VITRINE, FILE_CHANGE, GObject)

VitrineFileChange *vitrine_file_change_new          (VitrineChangeKind  kind,
                                                     const char        *path,
                                                     VitrineTreeEntry  *before,
                                                     VitrineTreeEntry  *after);
VitrineChangeKind  vitrine_file_change_get_kind     (VitrineFileChange *self);
const char        *vitrine_file_change_get_path     (VitrineFileChange *self);
VitrineTreeEntry  *vitrine_file_change_get_before   (VitrineFileChange *self);
VitrineTreeEntry  *vitrine_file_change_get_after    (VitrineFileChange *self);
guint64            vitrine_file_change_get_old_size (VitrineFileChange *self);
guint64            vitrine_file_change_get_new_size (VitrineFileChange *self);
gboolean           vitrine_file_change_is_lfs       (VitrineFileChange *self);
char               vitrine_file_change_get_letter   (VitrineFileChange *self);

G_END_DECLS
