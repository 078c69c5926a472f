/* vitrine-hub-types.h — the service layer's shared enums
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

/* The results are read from the Hub's JSON through these accessors. */
#include "vitrine-json.h"

G_BEGIN_DECLS

/**
 * VitrineRefKind:
 *
 * What a ref of a repository is.
 */
typedef enum
{
  VITRINE_REF_BRANCH,
  VITRINE_REF_TAG,
  VITRINE_REF_CONVERT,
  VITRINE_REF_PULL_REQUEST,
} VitrineRefKind;

/**
 * VitrineChangeKind:
 *
 * What happened to a file between two revisions.
 */
typedef enum
{
  VITRINE_CHANGE_KIND_ADDED,
  VITRINE_CHANGE_KIND_MODIFIED,
  VITRINE_CHANGE_KIND_DELETED,
} VitrineChangeKind;

/**
 * VitrinePublishPhase:
 *
 * Where a publish is.
 */
typedef enum
{
  VITRINE_PUBLISH_PHASE_SCANNING,
  VITRINE_PUBLISH_PHASE_HASHING,
  VITRINE_PUBLISH_PHASE_UPLOADING,
  VITRINE_PUBLISH_PHASE_COMMITTING,
  VITRINE_PUBLISH_PHASE_DONE,
} VitrinePublishPhase;

/**
 * VitrineFileState:
 *
 * Where one file of a publish is.
 */
typedef enum
{
  VITRINE_FILE_HASHING,
  VITRINE_FILE_UNCHANGED,
  VITRINE_FILE_WAITING,
  VITRINE_FILE_UPLOADING,
  VITRINE_FILE_COMMITTING,
  VITRINE_FILE_DONE,
  VITRINE_FILE_DELETED,
} VitrineFileState;

G_END_DECLS

#include "vitrine-hub-enums.h"
