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
 * VitrineTokenRole:
 * @VITRINE_TOKEN_ROLE_UNKNOWN: not known yet (the hub was not asked)
 * @VITRINE_TOKEN_ROLE_READ: may read, never write
 * @VITRINE_TOKEN_ROLE_WRITE: may read and write wherever its user may
 * @VITRINE_TOKEN_ROLE_FINE_GRAINED: permissions given one by one
 *
 * What a token may do, as whoami-v2 says (`auth.accessToken.role`).
 */
typedef enum
{
  VITRINE_TOKEN_ROLE_UNKNOWN,
  VITRINE_TOKEN_ROLE_READ,
  VITRINE_TOKEN_ROLE_WRITE,
  VITRINE_TOKEN_ROLE_FINE_GRAINED,
} VitrineTokenRole;

/**
 * VitrinePublishState:
 * @VITRINE_PUBLISH_STATE_QUEUED: recorded, not started
 * @VITRINE_PUBLISH_STATE_RUNNING: under way
 * @VITRINE_PUBLISH_STATE_FAILED: stopped by an error (see its error)
 * @VITRINE_PUBLISH_STATE_CANCELLED: stopped by the user
 * @VITRINE_PUBLISH_STATE_DONE: published
 * @VITRINE_PUBLISH_STATE_INTERRUPTED: was running when Vitrine stopped
 *   (a crash, a kill, a quit): can be resumed
 *
 * Where a recorded publish is.
 */
typedef enum
{
  VITRINE_PUBLISH_STATE_QUEUED,
  VITRINE_PUBLISH_STATE_RUNNING,
  VITRINE_PUBLISH_STATE_FAILED,
  VITRINE_PUBLISH_STATE_CANCELLED,
  VITRINE_PUBLISH_STATE_DONE,
  VITRINE_PUBLISH_STATE_INTERRUPTED,
} VitrinePublishState;

/**
 * VitrineLeftOut:
 * @VITRINE_LEFT_OUT_NONE: the file is sent
 * @VITRINE_LEFT_OUT_ALWAYS: a rule no folder can undo (`.git/`, caches)
 * @VITRINE_LEFT_OUT_GITIGNORE: a rule of the folder's `.gitignore`
 * @VITRINE_LEFT_OUT_EXCLUDE: an exclude pattern given for the publish
 * @VITRINE_LEFT_OUT_NOT_INCLUDED: include patterns were given and none
 *   matches
 * @VITRINE_LEFT_OUT_SECRET: it looks like a secret and was not included
 *   one by one
 *
 * Why a file of a folder stays out of a publish.
 */
typedef enum
{
  VITRINE_LEFT_OUT_NONE,
  VITRINE_LEFT_OUT_ALWAYS,
  VITRINE_LEFT_OUT_GITIGNORE,
  VITRINE_LEFT_OUT_EXCLUDE,
  VITRINE_LEFT_OUT_NOT_INCLUDED,
  VITRINE_LEFT_OUT_SECRET,
} VitrineLeftOut;

/**
 * VitrineScanWarningKind:
 * @VITRINE_SCAN_WARNING_FILE_TOO_LARGE: a file is over the Hub's
 *   per-file limit (50 GB)
 * @VITRINE_SCAN_WARNING_TOO_MANY_FILES: more than 100,000 files
 * @VITRINE_SCAN_WARNING_SECRETS: files that look like secrets (left out
 *   unless included one by one)
 */
typedef enum
{
  VITRINE_SCAN_WARNING_FILE_TOO_LARGE,
  VITRINE_SCAN_WARNING_TOO_MANY_FILES,
  VITRINE_SCAN_WARNING_SECRETS,
} VitrineScanWarningKind;

/**
 * VitrinePlanChange:
 * @VITRINE_PLAN_ADDED: in the folder, not on the server
 * @VITRINE_PLAN_CHANGED: on both, with other content
 * @VITRINE_PLAN_DELETED: on the server, no longer in the folder
 */
typedef enum
{
  VITRINE_PLAN_ADDED,
  VITRINE_PLAN_CHANGED,
  VITRINE_PLAN_DELETED,
} VitrinePlanChange;

/**
 * VitrineDestinationStatus:
 * @VITRINE_DESTINATION_INVALID: the name is not one the Hub accepts
 * @VITRINE_DESTINATION_NEW: no such repository: publishing creates it
 * @VITRINE_DESTINATION_UPDATE: a repository the account may write to:
 *   publishing adds a commit
 * @VITRINE_DESTINATION_PULL_REQUEST: someone else's repository the
 *   account cannot write to: publishing can only open a pull request
 * @VITRINE_DESTINATION_NOT_ALLOWED: the account can neither create nor
 *   write it (another user's namespace, a read-only token)
 */
typedef enum
{
  VITRINE_DESTINATION_INVALID,
  VITRINE_DESTINATION_NEW,
  VITRINE_DESTINATION_UPDATE,
  VITRINE_DESTINATION_PULL_REQUEST,
  VITRINE_DESTINATION_NOT_ALLOWED,
} VitrineDestinationStatus;

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
