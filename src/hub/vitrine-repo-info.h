/* vitrine-repo-info.h — what the Hub says about a repository
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "vitrine-hub-object.h"
#include "vitrine-repo-id.h"

G_BEGIN_DECLS

#define VITRINE_TYPE_REPO_INFO (vitrine_repo_info_get_type ())

G_DECLARE_FINAL_TYPE (VitrineRepoInfo, vitrine_repo_info, VITRINE, REPO_INFO, VitrineHubObject)

VitrineRepoInfo  *vitrine_repo_info_new_from_json     (JsonObject      *object,
                                                       VitrineRepoType  type);
const char       *vitrine_repo_info_get_id            (VitrineRepoInfo *self);
const char       *vitrine_repo_info_get_author        (VitrineRepoInfo *self);
const char       *vitrine_repo_info_get_name          (VitrineRepoInfo *self);
VitrineRepoType   vitrine_repo_info_get_repo_type     (VitrineRepoInfo *self);
const char       *vitrine_repo_info_get_sha           (VitrineRepoInfo *self);
gboolean          vitrine_repo_info_get_private       (VitrineRepoInfo *self);
const char       *vitrine_repo_info_get_gated         (VitrineRepoInfo *self);
const char       *vitrine_repo_info_get_last_modified (VitrineRepoInfo *self);
const char       *vitrine_repo_info_get_created_at    (VitrineRepoInfo *self);
const char       *vitrine_repo_info_get_pipeline_tag  (VitrineRepoInfo *self);
const char       *vitrine_repo_info_get_library_name  (VitrineRepoInfo *self);
const char       *vitrine_repo_info_get_sdk           (VitrineRepoInfo *self);
const char       *vitrine_repo_info_get_host          (VitrineRepoInfo *self);
gint64            vitrine_repo_info_get_likes         (VitrineRepoInfo *self);
gint64            vitrine_repo_info_get_downloads     (VitrineRepoInfo *self);
char            **vitrine_repo_info_dup_tags          (VitrineRepoInfo *self);
JsonObject       *vitrine_repo_info_get_card_data     (VitrineRepoInfo *self);
JsonObject       *vitrine_repo_info_get_json          (VitrineRepoInfo *self);

G_END_DECLS
