/* vitrine-repo-id.h
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "vitrine-common-enums.h"

G_BEGIN_DECLS

typedef enum
{
  VITRINE_REPO_TYPE_MODEL,
  VITRINE_REPO_TYPE_DATASET,
  VITRINE_REPO_TYPE_SPACE,
} VitrineRepoType;

/* git's id of the tree that holds nothing: as a revision to compare
 * with, "no files at all" (the Hub's compare endpoint takes it too). */
#define VITRINE_EMPTY_TREE_ID "4b825dc642cb6eb9a060e54bf8d69288fbee4904"

/* Longest repository name (without namespace) the Hub accepts. */
#define VITRINE_REPO_NAME_MAX_LENGTH 96

gboolean    vitrine_repo_type_from_string (const char      *string,
                                           VitrineRepoType *type);
const char *vitrine_repo_type_to_string   (VitrineRepoType  type);
const char *vitrine_repo_type_url_prefix  (VitrineRepoType  type);
gboolean    vitrine_repo_name_check       (const char      *name,
                                           GError         **error);
gboolean    vitrine_repo_id_parse         (const char      *repo_id,
                                           char           **namespace_,
                                           char           **name,
                                           GError         **error);

G_END_DECLS
