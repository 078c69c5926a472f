/* vitrine-hub-types.h — typed results of the Hub API, for list models
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "vitrine-json.h"

G_BEGIN_DECLS

#define VITRINE_TYPE_REPO_INFO (vitrine_repo_info_get_type ())
G_DECLARE_FINAL_TYPE (VitrineRepoInfo, vitrine_repo_info, VITRINE, REPO_INFO, GObject)

#define VITRINE_TYPE_TREE_ENTRY (vitrine_tree_entry_get_type ())
G_DECLARE_FINAL_TYPE (VitrineTreeEntry, vitrine_tree_entry, VITRINE, TREE_ENTRY, GObject)

#define VITRINE_TYPE_COMMIT (vitrine_commit_get_type ())
G_DECLARE_FINAL_TYPE (VitrineCommit, vitrine_commit, VITRINE, COMMIT, GObject)

#define VITRINE_TYPE_REF (vitrine_ref_get_type ())
G_DECLARE_FINAL_TYPE (VitrineRef, vitrine_ref, VITRINE, REF, GObject)

VitrineRepoInfo  *vitrine_repo_info_new_from_json   (JsonObject       *object);
const char       *vitrine_repo_info_get_id          (VitrineRepoInfo  *self);
const char       *vitrine_repo_info_get_sha         (VitrineRepoInfo  *self);
gboolean          vitrine_repo_info_get_private     (VitrineRepoInfo  *self);
const char       *vitrine_repo_info_get_gated       (VitrineRepoInfo  *self);
const char       *vitrine_repo_info_get_last_modified (VitrineRepoInfo *self);
const char       *vitrine_repo_info_get_pipeline_tag (VitrineRepoInfo *self);
const char       *vitrine_repo_info_get_sdk         (VitrineRepoInfo  *self);
JsonObject       *vitrine_repo_info_get_card_data   (VitrineRepoInfo  *self);
JsonObject       *vitrine_repo_info_get_json        (VitrineRepoInfo  *self);

VitrineTreeEntry *vitrine_tree_entry_new_from_json  (JsonObject       *object);
const char       *vitrine_tree_entry_get_path       (VitrineTreeEntry *self);
gboolean          vitrine_tree_entry_is_directory   (VitrineTreeEntry *self);
guint64           vitrine_tree_entry_get_size       (VitrineTreeEntry *self);
const char       *vitrine_tree_entry_get_oid        (VitrineTreeEntry *self);
const char       *vitrine_tree_entry_get_lfs_oid    (VitrineTreeEntry *self);
const char       *vitrine_tree_entry_get_last_commit (VitrineTreeEntry *self);

VitrineCommit    *vitrine_commit_new_from_json      (JsonObject       *object);
const char       *vitrine_commit_get_id             (VitrineCommit    *self);
const char       *vitrine_commit_get_title          (VitrineCommit    *self);
const char       *vitrine_commit_get_message        (VitrineCommit    *self);
const char       *vitrine_commit_get_author         (VitrineCommit    *self);
const char       *vitrine_commit_get_date           (VitrineCommit    *self);

typedef enum
{
  VITRINE_REF_BRANCH,
  VITRINE_REF_TAG,
  VITRINE_REF_CONVERT,
  VITRINE_REF_PULL_REQUEST,
} VitrineRefKind;

VitrineRef       *vitrine_ref_new_from_json         (JsonObject       *object,
                                                     VitrineRefKind    kind);
const char       *vitrine_ref_get_name              (VitrineRef       *self);
const char       *vitrine_ref_get_ref               (VitrineRef       *self);
const char       *vitrine_ref_get_target            (VitrineRef       *self);
VitrineRefKind    vitrine_ref_get_kind              (VitrineRef       *self);

G_END_DECLS
