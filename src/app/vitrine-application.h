/* vitrine-application.h — the application: its settings, its web context
 * and session, this computer's hub and the account windows publish to
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>
#include <webkit/webkit.h>

#include "vitrine-account.h"
#include "vitrine-account-store.h"
#include "vitrine-client.h"
#include "vitrine-publish-queue.h"

G_BEGIN_DECLS

#define VITRINE_TYPE_APPLICATION (vitrine_application_get_type ())

G_DECLARE_FINAL_TYPE (VitrineApplication, vitrine_application, VITRINE, APPLICATION, AdwApplication)

VitrineApplication   *vitrine_application_new                 (const char         *application_id,
                                                               GApplicationFlags   flags);
GSettings            *vitrine_application_get_settings        (VitrineApplication *self);
VitrineClient        *vitrine_application_get_local_client    (VitrineApplication *self);
VitrineAccount       *vitrine_application_get_current_account (VitrineApplication *self);
WebKitWebContext     *vitrine_application_get_web_context     (VitrineApplication *self);
WebKitNetworkSession *vitrine_application_get_network_session (VitrineApplication *self);
void                  vitrine_application_set_current_account (VitrineApplication *self,
                                                               VitrineAccount     *account);
VitrineAccountStore  *vitrine_application_get_account_store   (VitrineApplication *self);
VitrinePublishQueue  *vitrine_application_get_publish_queue   (VitrineApplication *self);
void                  vitrine_application_repository_changed  (VitrineApplication *self,
                                                               const char         *endpoint,
                                                               VitrineRepoType     type,
                                                               const char         *repo_id);
guint                 vitrine_application_count_running_publishes (VitrineApplication *self);
void                  vitrine_application_stop_publishes      (VitrineApplication *self);
void                  vitrine_application_finish_in_background (VitrineApplication *self);
gboolean              vitrine_application_get_quitting        (VitrineApplication *self);
void                  vitrine_application_quit_now            (VitrineApplication *self);
void                  vitrine_application_show_preferences    (VitrineApplication *self,
                                                               const char         *page);

G_END_DECLS
