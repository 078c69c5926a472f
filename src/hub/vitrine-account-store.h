/* vitrine-account-store.h — the accounts the user signed in with
 *
 * A GListModel of VitrineAccount: "This Computer" first, then every hub
 * signed in to, kept without secrets in `$XDG_CONFIG_HOME/vitrine/
 * accounts.json`; tokens only through vitrine-credentials (the keyring,
 * else the 0600 file).
 *
 * API note (issue 11): `find_importable_token_async (endpoint)` is
 * vitrine_account_store_find_importable_token_async(), which needs no
 * store; sign_in_finish() gives the whoami as an out argument.
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "vitrine-account.h"

G_BEGIN_DECLS

#define VITRINE_TYPE_ACCOUNT_STORE (vitrine_account_store_get_type ())

G_DECLARE_FINAL_TYPE (VitrineAccountStore, vitrine_account_store, VITRINE, ACCOUNT_STORE, GObject)

VitrineAccountStore *vitrine_account_store_new                (const char           *config_dir);
const char          *vitrine_account_store_get_file           (VitrineAccountStore  *self);
void                 vitrine_account_store_set_local_account  (VitrineAccountStore  *self,
                                                               VitrineAccount       *account);
VitrineAccount      *vitrine_account_store_get_local_account  (VitrineAccountStore  *self);
VitrineAccount      *vitrine_account_store_find               (VitrineAccountStore  *self,
                                                               const char           *endpoint);
VitrineAccount      *vitrine_account_store_get_default        (VitrineAccountStore  *self);
void                 vitrine_account_store_set_default        (VitrineAccountStore  *self,
                                                               VitrineAccount       *account);

void                 vitrine_account_store_load_async         (VitrineAccountStore  *self,
                                                               GCancellable         *cancellable,
                                                               GAsyncReadyCallback   callback,
                                                               gpointer              user_data);
gboolean             vitrine_account_store_load_finish        (VitrineAccountStore  *self,
                                                               GAsyncResult         *result,
                                                               GError              **error);
void                 vitrine_account_store_save_async         (VitrineAccountStore  *self,
                                                               GCancellable         *cancellable,
                                                               GAsyncReadyCallback   callback,
                                                               gpointer              user_data);
gboolean             vitrine_account_store_save_finish        (VitrineAccountStore  *self,
                                                               GAsyncResult         *result,
                                                               GError              **error);
void                 vitrine_account_store_sign_in_async      (VitrineAccountStore  *self,
                                                               const char           *endpoint,
                                                               const char           *token,
                                                               GCancellable         *cancellable,
                                                               GAsyncReadyCallback   callback,
                                                               gpointer              user_data);
VitrineAccount      *vitrine_account_store_sign_in_finish     (VitrineAccountStore  *self,
                                                               GAsyncResult         *result,
                                                               VitrineWhoami       **whoami,
                                                               GError              **error);
void                 vitrine_account_store_sign_out_async     (VitrineAccountStore  *self,
                                                               VitrineAccount       *account,
                                                               GCancellable         *cancellable,
                                                               GAsyncReadyCallback   callback,
                                                               gpointer              user_data);
gboolean             vitrine_account_store_sign_out_finish    (VitrineAccountStore  *self,
                                                               GAsyncResult         *result,
                                                               GError              **error);

void                 vitrine_account_store_find_importable_token_async  (const char           *endpoint,
                                                                         GCancellable         *cancellable,
                                                                         GAsyncReadyCallback   callback,
                                                                         gpointer              user_data);
char                *vitrine_account_store_find_importable_token_finish (GAsyncResult         *result,
                                                                         char                **where,
                                                                         GError              **error);

G_END_DECLS
