/* vitrine-publish-job-private.h — what the job, its run and the queue
 * share
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "vitrine-publish-job.h"

G_BEGIN_DECLS

struct _VitrinePublishJob
{
  GObject                   parent_instance;

  /* What to publish, where: kept in the record */
  char                     *id;
  char                     *folder;
  char                     *endpoint;
  VitrineRepoType           type;
  char                     *repo_id;
  gboolean                  private_;
  char                     *gated;
  char                     *message;
  gboolean                  create_pr;
  gboolean                  replace_card;
  char                    **included_secrets;

  /* How it went: kept in the record */
  VitrinePublishState       state;
  gint64                    created;       /* unix seconds */
  gint64                    finished;      /* unix seconds, 0 while not finished */
  char                     *commit_id;
  char                     *commit_url;
  char                     *pr_url;
  GError                   *error;
  char                     *error_title;
  char                     *error_hint;

  /* Where the record goes */
  char                     *records_dir;

  /* A run */
  VitrineClient            *client;
  VitrineClientForEndpoint  client_func;
  gpointer                  client_data;
  GDestroyNotify            client_destroy;
  VitrinePublisher         *publisher;
  GCancellable             *cancellable;
  VitrinePublishResult      result;
  gboolean                  has_result;
};

/* vitrine-publish-job.c */
void               _vitrine_publish_job_set_state       (VitrinePublishJob   *self,
                                                         VitrinePublishState  state);
void               _vitrine_publish_job_set_error       (VitrinePublishJob   *self,
                                                         const GError        *error);
void               _vitrine_publish_job_set_result      (VitrinePublishJob   *self,
                                                         VitrinePublishResult *result);
void               _vitrine_publish_job_set_publisher   (VitrinePublishJob   *self,
                                                         VitrinePublisher    *publisher);
void               _vitrine_publish_job_set_records_dir (VitrinePublishJob   *self,
                                                         const char          *dir);
char              *_vitrine_publish_job_record_path     (VitrinePublishJob   *self);
char              *_vitrine_publish_job_to_data         (VitrinePublishJob   *self);
VitrinePublishJob *_vitrine_publish_job_new_from_json   (JsonObject          *object,
                                                         GError             **error);
void               _vitrine_publish_job_save            (VitrinePublishJob   *self,
                                                         GAsyncReadyCallback  callback,
                                                         gpointer             user_data);

G_END_DECLS
