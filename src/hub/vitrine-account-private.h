/* vitrine-account-private.h — what the account store may change of an
 * account
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "vitrine-account.h"

G_BEGIN_DECLS

void _vitrine_account_set_is_default (VitrineAccount *self,
                                      gboolean        is_default);
void _vitrine_account_set_fullname   (VitrineAccount *self,
                                      const char     *fullname);

G_END_DECLS
