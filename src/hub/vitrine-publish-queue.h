/* vitrine-publish-queue.h — every publish, recorded before it starts
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "vitrine-account-store.h"
#include "vitrine-publish-job.h"

G_BEGIN_DECLS

#define VITRINE_TYPE_PUBLISH_QUEUE (vitrine_publish_queue_get_type ())

G_DECLARE_FINAL_TYPE (VitrinePublishQueue, vitrine_publish_queue, VITRINE, PUBLISH_QUEUE, GObject)

/* Finished records kept; older ones are pruned. */
#define VITRINE_PUBLISH_QUEUE_KEEP 20

VitrinePublishQueue *vitrine_publish_queue_new               (const char           *records_dir);
const char          *vitrine_publish_queue_get_dir           (VitrinePublishQueue  *self);
void                 vitrine_publish_queue_set_client_func   (VitrinePublishQueue  *self,
                                                              VitrineClientForEndpoint func,
                                                              gpointer              user_data,
                                                              GDestroyNotify        destroy);
void                 vitrine_publish_queue_set_account_store (VitrinePublishQueue  *self,
                                                              VitrineAccountStore  *store);
void                 vitrine_publish_queue_load_async        (VitrinePublishQueue  *self,
                                                              GCancellable         *cancellable,
                                                              GAsyncReadyCallback   callback,
                                                              gpointer              user_data);
gboolean             vitrine_publish_queue_load_finish       (VitrinePublishQueue  *self,
                                                              GAsyncResult         *result,
                                                              GError              **error);
void                 vitrine_publish_queue_add               (VitrinePublishQueue  *self,
                                                              VitrinePublishJob    *job);
void                 vitrine_publish_queue_remove            (VitrinePublishQueue  *self,
                                                              VitrinePublishJob    *job);
VitrinePublishJob   *vitrine_publish_queue_lookup            (VitrinePublishQueue  *self,
                                                              const char           *id);
VitrinePublishJob   *vitrine_publish_queue_last_for_folder   (VitrinePublishQueue  *self,
                                                              const char           *folder);
guint                vitrine_publish_queue_get_n_unfinished  (VitrinePublishQueue  *self);
void                 vitrine_publish_queue_flush_async       (VitrinePublishQueue  *self,
                                                              GCancellable         *cancellable,
                                                              GAsyncReadyCallback   callback,
                                                              gpointer              user_data);
gboolean             vitrine_publish_queue_flush_finish      (VitrinePublishQueue  *self,
                                                              GAsyncResult         *result,
                                                              GError              **error);

G_END_DECLS
