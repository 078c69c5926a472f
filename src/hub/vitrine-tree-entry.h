/* vitrine-tree-entry.h — a file or folder of a repository
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "vitrine-hub-object.h"

G_BEGIN_DECLS

#define VITRINE_TYPE_TREE_ENTRY (vitrine_tree_entry_get_type ())

G_DECLARE_FINAL_TYPE (VitrineTreeEntry, vitrine_tree_entry, VITRINE, TREE_ENTRY, VitrineHubObject)

VitrineTreeEntry *vitrine_tree_entry_new_from_json   (JsonObject       *object);
const char       *vitrine_tree_entry_get_path        (VitrineTreeEntry *self);
const char       *vitrine_tree_entry_get_name        (VitrineTreeEntry *self);
gboolean          vitrine_tree_entry_is_directory    (VitrineTreeEntry *self);
gboolean          vitrine_tree_entry_is_lfs          (VitrineTreeEntry *self);
guint64           vitrine_tree_entry_get_size        (VitrineTreeEntry *self);
const char       *vitrine_tree_entry_get_oid         (VitrineTreeEntry *self);
const char       *vitrine_tree_entry_get_lfs_oid     (VitrineTreeEntry *self);
const char       *vitrine_tree_entry_get_last_commit (VitrineTreeEntry *self);

G_END_DECLS
