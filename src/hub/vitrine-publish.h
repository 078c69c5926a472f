/* vitrine-publish.h — publish a folder to a repository
 *
 * Issue 11: files that look like secrets stay out unless included one by
 * one (vitrine_publisher_include_secret()), the result names those left
 * out, and vitrine_publisher_plan_async() says what a run would change.
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "vitrine-client.h"
#include "vitrine-publish-file.h"
#include "vitrine-publish-plan.h"
#include "vitrine-publish-progress.h"

G_BEGIN_DECLS

#define VITRINE_TYPE_PUBLISHER (vitrine_publisher_get_type ())

G_DECLARE_FINAL_TYPE (VitrinePublisher, vitrine_publisher, VITRINE, PUBLISHER, GObject)

typedef struct
{
  guint     added;
  guint     changed;
  guint     unchanged;
  guint     deleted;
  guint     commits;
  guint64   bytes_uploaded;   /* large files actually sent */
  guint64   bytes_hashed;     /* file content read to hash it */
  char     *commit_id;        /* the last commit, or NULL when nothing changed */
  char     *pr_url;
  char    **left_out_secrets; /* secret-looking files not sent, NULL-terminated */
} VitrinePublishResult;

VitrinePublisher *vitrine_publisher_new            (VitrineClient     *client,
                                                    VitrineRepoType    type,
                                                    const char        *repo_id,
                                                    const char        *folder);
void              vitrine_publisher_set_branch     (VitrinePublisher  *self,
                                                    const char        *branch);
void              vitrine_publisher_set_message    (VitrinePublisher  *self,
                                                    const char        *summary,
                                                    const char        *description);
void              vitrine_publisher_set_create_pr  (VitrinePublisher  *self,
                                                    gboolean           create_pr);
void              vitrine_publisher_set_private    (VitrinePublisher  *self,
                                                    gboolean           private_);
void              vitrine_publisher_set_sdk        (VitrinePublisher  *self,
                                                    const char        *sdk);
void              vitrine_publisher_add_include    (VitrinePublisher  *self,
                                                    const char        *pattern);
void              vitrine_publisher_add_exclude    (VitrinePublisher  *self,
                                                    const char        *pattern);
void              vitrine_publisher_include_secret (VitrinePublisher  *self,
                                                    const char        *path);
void              vitrine_publisher_set_delete_remote (VitrinePublisher *self,
                                                    gboolean           delete_remote);
void              vitrine_publisher_set_replace_card (VitrinePublisher *self,
                                                      gboolean          replace_card);
void              vitrine_publisher_set_cards_dir  (VitrinePublisher  *self,
                                                    const char        *cards_dir);
void              vitrine_publisher_set_parallel   (VitrinePublisher  *self,
                                                    guint              parallel);
void              vitrine_publisher_set_max_operations (VitrinePublisher *self,
                                                    guint              max_operations);
void              vitrine_publisher_set_hash_cache (VitrinePublisher  *self,
                                                    const char        *cache_file);

VitrinePublishProgress *vitrine_publisher_get_progress (VitrinePublisher *self);
GListModel             *vitrine_publisher_get_files    (VitrinePublisher *self);

gboolean          vitrine_publisher_run            (VitrinePublisher      *self,
                                                    VitrinePublishResult  *result,
                                                    GCancellable          *cancellable,
                                                    GError               **error);
void              vitrine_publish_result_clear     (VitrinePublishResult  *result);

void              vitrine_publisher_run_async      (VitrinePublisher      *self,
                                                    GCancellable          *cancellable,
                                                    GAsyncReadyCallback    callback,
                                                    gpointer               user_data);
gboolean          vitrine_publisher_run_finish     (VitrinePublisher      *self,
                                                    GAsyncResult          *result,
                                                    VitrinePublishResult  *out,
                                                    GError               **error);

void              vitrine_publisher_plan_async     (VitrinePublisher      *self,
                                                    GCancellable          *cancellable,
                                                    GAsyncReadyCallback    callback,
                                                    gpointer               user_data);
VitrinePublishPlan *vitrine_publisher_plan_finish  (VitrinePublisher      *self,
                                                    GAsyncResult          *result,
                                                    GError               **error);

G_END_DECLS
