/* vitrine-account.h — a hub the user is signed in to, with their name there
 *
 * Issue 11 added what whoami says (full name, token role and name, the
 * organisations with the user's role in each) and the write check
 * vitrine_account_can_write(); the list of accounts is
 * VitrineAccountStore (vitrine-account-store.h).
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "vitrine-client.h"
#include "vitrine-hub-types.h"
#include "vitrine-whoami.h"

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
const char         *vitrine_account_get_fullname    (VitrineAccount       *self);
VitrineTokenRole    vitrine_account_get_token_role  (VitrineAccount       *self);
const char         *vitrine_account_get_token_name  (VitrineAccount       *self);
GListModel         *vitrine_account_get_orgs        (VitrineAccount       *self);
gboolean            vitrine_account_get_is_default  (VitrineAccount       *self);
void                vitrine_account_set_whoami      (VitrineAccount       *self,
                                                     VitrineWhoami        *whoami);
VitrineWhoami      *vitrine_account_get_whoami      (VitrineAccount       *self);
gboolean            vitrine_account_can_write       (VitrineAccount       *self,
                                                     const char           *namespace_,
                                                     char                **why_not);
char              **vitrine_account_dup_owners      (VitrineAccount       *self);
void                vitrine_account_refresh_async   (VitrineAccount       *self,
                                                     GCancellable         *cancellable,
                                                     GAsyncReadyCallback   callback,
                                                     gpointer              user_data);
gboolean            vitrine_account_refresh_finish  (VitrineAccount       *self,
                                                     GAsyncResult         *result,
                                                     GError              **error);

VitrineTokenRole    vitrine_token_role_from_string  (const char           *role);

G_END_DECLS
