/* vitrine-publish-job.h — one recorded publish of a folder
 *
 * API note (issue 11): the job finds its client through
 * vitrine_publish_job_set_client() or a VitrineClientForEndpoint (the
 * queue gives its own, or its account store's); resuming an interrupted
 * publish is vitrine_publish_job_retry().
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "vitrine-client.h"
#include "vitrine-publish.h"
#include "vitrine-publish-plan.h"

G_BEGIN_DECLS

#define VITRINE_TYPE_PUBLISH_JOB (vitrine_publish_job_get_type ())

G_DECLARE_FINAL_TYPE (VitrinePublishJob, vitrine_publish_job, VITRINE, PUBLISH_JOB, GObject)

/* The client for @endpoint (transfer full), or NULL when none is signed
 * in there; called on the main context. */
typedef VitrineClient *(*VitrineClientForEndpoint) (const char *endpoint,
                                                    gpointer    user_data);

VitrinePublishJob   *vitrine_publish_job_new                (const char          *folder,
                                                             const char          *endpoint,
                                                             VitrineRepoType      type,
                                                             const char          *repo_id);
const char          *vitrine_publish_job_get_id             (VitrinePublishJob   *self);
const char          *vitrine_publish_job_get_folder         (VitrinePublishJob   *self);
const char          *vitrine_publish_job_get_endpoint       (VitrinePublishJob   *self);
VitrineRepoType      vitrine_publish_job_get_repo_type      (VitrinePublishJob   *self);
const char          *vitrine_publish_job_get_repo_id        (VitrinePublishJob   *self);
gboolean             vitrine_publish_job_get_private        (VitrinePublishJob   *self);
void                 vitrine_publish_job_set_private        (VitrinePublishJob   *self,
                                                             gboolean             private_);
const char          *vitrine_publish_job_get_gated          (VitrinePublishJob   *self);
void                 vitrine_publish_job_set_gated          (VitrinePublishJob   *self,
                                                             const char          *gated);
const char          *vitrine_publish_job_get_message        (VitrinePublishJob   *self);
void                 vitrine_publish_job_set_message        (VitrinePublishJob   *self,
                                                             const char          *message);
gboolean             vitrine_publish_job_get_create_pr      (VitrinePublishJob   *self);
void                 vitrine_publish_job_set_create_pr      (VitrinePublishJob   *self,
                                                             gboolean             create_pr);
gboolean             vitrine_publish_job_get_replace_card   (VitrinePublishJob   *self);
void                 vitrine_publish_job_set_replace_card   (VitrinePublishJob   *self,
                                                             gboolean             replace_card);
const char * const  *vitrine_publish_job_get_included_secrets (VitrinePublishJob *self);
void                 vitrine_publish_job_set_included_secrets (VitrinePublishJob *self,
                                                             const char * const  *paths);

VitrinePublishState  vitrine_publish_job_get_state          (VitrinePublishJob   *self);
gboolean             vitrine_publish_job_is_finished        (VitrinePublishJob   *self);
gint64               vitrine_publish_job_get_created        (VitrinePublishJob   *self);
gint64               vitrine_publish_job_get_finished       (VitrinePublishJob   *self);
const char          *vitrine_publish_job_get_commit_id      (VitrinePublishJob   *self);
const char          *vitrine_publish_job_get_commit_url     (VitrinePublishJob   *self);
const char          *vitrine_publish_job_get_pr_url         (VitrinePublishJob   *self);
const char          *vitrine_publish_job_get_error_message  (VitrinePublishJob   *self);
const GError        *vitrine_publish_job_get_error          (VitrinePublishJob   *self);
const char          *vitrine_publish_job_get_error_title    (VitrinePublishJob   *self);
const char          *vitrine_publish_job_get_error_hint     (VitrinePublishJob   *self);
VitrinePublisher    *vitrine_publish_job_get_publisher      (VitrinePublishJob   *self);
VitrinePublishProgress *vitrine_publish_job_get_progress    (VitrinePublishJob   *self);
GListModel          *vitrine_publish_job_get_files          (VitrinePublishJob   *self);
const VitrinePublishResult *vitrine_publish_job_get_result  (VitrinePublishJob   *self);

void                 vitrine_publish_job_set_client_func    (VitrinePublishJob   *self,
                                                             VitrineClientForEndpoint func,
                                                             gpointer             user_data,
                                                             GDestroyNotify       destroy);
void                 vitrine_publish_job_set_client         (VitrinePublishJob   *self,
                                                             VitrineClient       *client);
VitrinePublisher    *vitrine_publish_job_create_publisher   (VitrinePublishJob   *self,
                                                             VitrineClient       *client);
void                 vitrine_publish_job_start              (VitrinePublishJob   *self);
void                 vitrine_publish_job_cancel             (VitrinePublishJob   *self);
void                 vitrine_publish_job_retry              (VitrinePublishJob   *self);
void                 vitrine_publish_job_plan_async         (VitrinePublishJob   *self,
                                                             GCancellable        *cancellable,
                                                             GAsyncReadyCallback  callback,
                                                             gpointer             user_data);
VitrinePublishPlan  *vitrine_publish_job_plan_finish        (VitrinePublishJob   *self,
                                                             GAsyncResult        *result,
                                                             GError             **error);

G_END_DECLS
