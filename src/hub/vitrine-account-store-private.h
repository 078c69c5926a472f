/* vitrine-account-store-private.h — what the parts of the account store
 * share
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "vitrine-account-store.h"

G_BEGIN_DECLS

/* The default account, when it is this computer's. */
#define LOCAL_DEFAULT "local"

struct _VitrineAccountStore
{
  GObject         parent_instance;

  char           *file;
  GPtrArray      *accounts;        /* VitrineAccount, the local one first when set */
  VitrineAccount *local;
  char           *default_key;     /* endpoint key of the default, LOCAL_DEFAULT, or NULL */
  GCancellable   *cancellable;     /* refreshes started by the store */

  /* Writes of the file, on worker threads, the newest winning. */
  GMutex          write_lock;
  guint64         generation;      /* main thread: the last snapshot taken */
  guint64         written;         /* under write_lock: the last snapshot written */
};

char *_vitrine_account_store_key_of          (VitrineAccountStore *self,
                                             VitrineAccount      *account);
void  _vitrine_account_store_update_defaults (VitrineAccountStore *self);
void  _vitrine_account_store_items_changed   (VitrineAccountStore *self,
                                             guint                position,
                                             guint                removed,
                                             guint                added);
int   _vitrine_account_store_find_index      (VitrineAccountStore *self,
                                             const char          *key);

G_END_DECLS
