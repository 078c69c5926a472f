/* vitrine-application-private.h — what the files of the application share
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "vitrine-application.h"
#include "vitrine-local-hub.h"

G_BEGIN_DECLS

struct _VitrineApplication
{
  AdwApplication        parent_instance;

  GSettings            *settings;
  WebKitWebContext     *web_context;
  WebKitNetworkSession *network_session;
  VitrineLocalHub      *local_hub;
  GCancellable         *cancellable;
  VitrineClient        *local_client;
  VitrineAccount       *local_account;
  /* The hub named by HF_ENDPOINT, which wins over this computer's. */
  VitrineAccount       *configured_account;
  gboolean              configured_resolved;
  VitrineAccount       *current_account;
  /* The account the user chose in this session, over the default. */
  VitrineAccount       *chosen_account;
  VitrineAccountStore  *accounts;
  VitrinePublishQueue  *queue;
  gboolean              quitting;
  gboolean              in_background;
  guint                 sigterm_id;
  guint                 sigint_id;
};

void _vitrine_application_update_current_account (VitrineApplication *self);
void _vitrine_application_publish_startup  (VitrineApplication *self);
void _vitrine_application_publish_shutdown (VitrineApplication *self);

G_END_DECLS
