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

/**
 * VitrineSpaceState:
 * @VITRINE_SPACE_STATE_IDLE: not started yet
 * @VITRINE_SPACE_STATE_FETCHING: the Space's files are being fetched
 * @VITRINE_SPACE_STATE_PREPARING: its Python environment is being made
 *   (venv, pip)
 * @VITRINE_SPACE_STATE_STARTING: the app runs; its port does not answer yet
 * @VITRINE_SPACE_STATE_RUNNING: its port answers: the URL can be loaded
 * @VITRINE_SPACE_STATE_STOPPING: being stopped
 * @VITRINE_SPACE_STATE_STOPPED: stopped on request; nothing of it remains
 * @VITRINE_SPACE_STATE_CRASHED: the app quit by itself; the error message
 *   and the log's last lines say how
 * @VITRINE_SPACE_STATE_FAILED: it could not be run (fetch, environment,
 *   no way to run its kind); the error message says what is needed
 *
 * Where a run of a Space is.
 */
typedef enum
{
  VITRINE_SPACE_STATE_IDLE,
  VITRINE_SPACE_STATE_FETCHING,
  VITRINE_SPACE_STATE_PREPARING,
  VITRINE_SPACE_STATE_STARTING,
  VITRINE_SPACE_STATE_RUNNING,
  VITRINE_SPACE_STATE_STOPPING,
  VITRINE_SPACE_STATE_STOPPED,
  VITRINE_SPACE_STATE_CRASHED,
  VITRINE_SPACE_STATE_FAILED,
} VitrineSpaceState;

/**
 * VitrineLogStream:
 * @VITRINE_LOG_STREAM_STDOUT: a child's standard output
 * @VITRINE_LOG_STREAM_STDERR: a child's standard error
 * @VITRINE_LOG_STREAM_STATUS: what Vitrine itself says about the run
 *
 * Where a log line comes from.
 */
typedef enum
{
  VITRINE_LOG_STREAM_STDOUT,
  VITRINE_LOG_STREAM_STDERR,
  VITRINE_LOG_STREAM_STATUS,
} VitrineLogStream;

G_END_DECLS

#include "vitrine-hub-enums.h"
