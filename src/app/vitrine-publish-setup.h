/* vitrine-publish-setup.h — what the publish wizard's steps have chosen
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "vitrine-account.h"
#include "vitrine-folder-scan.h"
#include "vitrine-publish-job.h"

G_BEGIN_DECLS

#define VITRINE_TYPE_PUBLISH_SETUP (vitrine_publish_setup_get_type ())

G_DECLARE_FINAL_TYPE (VitrinePublishSetup, vitrine_publish_setup, VITRINE, PUBLISH_SETUP, GObject)

VitrinePublishSetup    *vitrine_publish_setup_new              (void);
GFile                  *vitrine_publish_setup_get_folder       (VitrinePublishSetup     *self);
void                    vitrine_publish_setup_set_folder       (VitrinePublishSetup     *self,
                                                                GFile                   *folder);
VitrineAccount         *vitrine_publish_setup_get_account      (VitrinePublishSetup     *self);
void                    vitrine_publish_setup_set_account      (VitrinePublishSetup     *self,
                                                                VitrineAccount          *account);
const char             *vitrine_publish_setup_get_owner        (VitrinePublishSetup     *self);
void                    vitrine_publish_setup_set_owner        (VitrinePublishSetup     *self,
                                                                const char              *owner);
const char             *vitrine_publish_setup_get_name         (VitrinePublishSetup     *self);
void                    vitrine_publish_setup_set_name         (VitrinePublishSetup     *self,
                                                                const char              *name);
char                   *vitrine_publish_setup_dup_repo_id      (VitrinePublishSetup     *self);
gboolean                vitrine_publish_setup_get_private      (VitrinePublishSetup     *self);
void                    vitrine_publish_setup_set_private      (VitrinePublishSetup     *self,
                                                                gboolean                 private_);
gboolean                vitrine_publish_setup_get_gated        (VitrinePublishSetup     *self);
void                    vitrine_publish_setup_set_gated        (VitrinePublishSetup     *self,
                                                                gboolean                 gated);
const char             *vitrine_publish_setup_get_message      (VitrinePublishSetup     *self);
void                    vitrine_publish_setup_set_message      (VitrinePublishSetup     *self,
                                                                const char              *message);
gboolean                vitrine_publish_setup_get_create_pr    (VitrinePublishSetup     *self);
void                    vitrine_publish_setup_set_create_pr    (VitrinePublishSetup     *self,
                                                                gboolean                 create_pr);
gboolean                vitrine_publish_setup_get_destination_known  (VitrinePublishSetup *self);
VitrineDestinationStatus vitrine_publish_setup_get_destination_status (VitrinePublishSetup *self);
void                    vitrine_publish_setup_set_destination_status (VitrinePublishSetup *self,
                                                                gboolean                 known,
                                                                VitrineDestinationStatus status);
gboolean                vitrine_publish_setup_get_replace_card (VitrinePublishSetup     *self);
void                    vitrine_publish_setup_set_replace_card (VitrinePublishSetup     *self,
                                                                gboolean                 replace_card);
VitrinePublishJob      *vitrine_publish_setup_new_job          (VitrinePublishSetup     *self);
VitrineFolderScan      *vitrine_publish_setup_get_scan         (VitrinePublishSetup     *self);
void                    vitrine_publish_setup_set_scan         (VitrinePublishSetup     *self,
                                                                VitrineFolderScan       *scan);

G_END_DECLS
