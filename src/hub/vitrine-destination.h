/* vitrine-destination.h — whether a repository can be published to, and
 * how
 *
 * API note (issue 11): the name check is vitrine_destination_check_name()
 * (owner and name as typed); whether gating is offered is
 * vitrine_destination_supports_gating (account, info), since only the
 * account's kind and a repository's answer can tell it.
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "vitrine-account.h"

G_BEGIN_DECLS

gboolean                 vitrine_destination_check_name   (const char           *owner,
                                                           const char           *name,
                                                           char                **message);
void                     vitrine_destination_check_async  (VitrineAccount       *account,
                                                           VitrineRepoType       type,
                                                           const char           *repo_id,
                                                           GCancellable         *cancellable,
                                                           GAsyncReadyCallback   callback,
                                                           gpointer              user_data);
VitrineDestinationStatus vitrine_destination_check_finish (GAsyncResult         *result,
                                                           char                **message,
                                                           VitrineRepoInfo     **info,
                                                           GError              **error);
gboolean                 vitrine_destination_supports_gating (VitrineAccount    *account,
                                                              VitrineRepoInfo   *info);

G_END_DECLS
