/* vitrine-account.h — a hub the user is signed in to, with their name there
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "vitrine-client.h"

G_BEGIN_DECLS

/**
 * VitrineAccountKind:
 * @VITRINE_ACCOUNT_KIND_LOCAL: this computer's hub
 * @VITRINE_ACCOUNT_KIND_HUGGING_FACE: huggingface.co
 * @VITRINE_ACCOUNT_KIND_OTHER: any other Hub-compatible server
 */
typedef enum
{
  VITRINE_ACCOUNT_KIND_LOCAL,
  VITRINE_ACCOUNT_KIND_HUGGING_FACE,
  VITRINE_ACCOUNT_KIND_OTHER,
} VitrineAccountKind;

#define VITRINE_TYPE_ACCOUNT_KIND (vitrine_account_kind_get_type ())
GType vitrine_account_kind_get_type (void) G_GNUC_CONST;

#define VITRINE_TYPE_ACCOUNT (vitrine_account_get_type ())

G_DECLARE_FINAL_TYPE (VitrineAccount, vitrine_account, VITRINE, ACCOUNT, GObject)

VitrineAccount     *vitrine_account_new             (VitrineAccountKind    kind,
                                                     VitrineClient        *client,
                                                     const char           *name);
VitrineAccount     *vitrine_account_new_for_client  (VitrineClient        *client,
                                                     const char           *name);
VitrineAccountKind  vitrine_account_get_kind        (VitrineAccount       *self);
const char         *vitrine_account_get_endpoint    (VitrineAccount       *self);
VitrineClient      *vitrine_account_get_client      (VitrineAccount       *self);
const char         *vitrine_account_get_name        (VitrineAccount       *self);
void                vitrine_account_set_name        (VitrineAccount       *self,
                                                     const char           *name);
const char         *vitrine_account_get_label       (VitrineAccount       *self);
void                vitrine_account_refresh_async   (VitrineAccount       *self,
                                                     GCancellable         *cancellable,
                                                     GAsyncReadyCallback   callback,
                                                     gpointer              user_data);
gboolean            vitrine_account_refresh_finish  (VitrineAccount       *self,
                                                     GAsyncResult         *result,
                                                     GError              **error);

G_END_DECLS
