/* vitrine-commit.h — a commit of a repository's history
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "vitrine-hub-object.h"

G_BEGIN_DECLS

#define VITRINE_TYPE_COMMIT (vitrine_commit_get_type ())

G_DECLARE_FINAL_TYPE (VitrineCommit, vitrine_commit, VITRINE, COMMIT, VitrineHubObject)

VitrineCommit    *vitrine_commit_new_from_json      (JsonObject    *object);
const char       *vitrine_commit_get_id             (VitrineCommit *self);
const char       *vitrine_commit_get_short_id       (VitrineCommit *self);
const char       *vitrine_commit_get_title          (VitrineCommit *self);
const char       *vitrine_commit_get_message        (VitrineCommit *self);
const char       *vitrine_commit_get_author         (VitrineCommit *self);
const char       *vitrine_commit_get_date           (VitrineCommit *self);
GDateTime        *vitrine_commit_get_date_time      (VitrineCommit *self);
const char * const *vitrine_commit_get_parents      (VitrineCommit *self);
GListModel       *vitrine_commit_get_refs           (VitrineCommit *self);
VitrineCommit    *vitrine_commit_with_refs          (VitrineCommit *self,
                                                     GListModel    *refs);

G_END_DECLS
