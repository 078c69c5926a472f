/* vitrine-space-address.h — where a hub serves a Space's app
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "vitrine-repo-info.h"

G_BEGIN_DECLS

char *vitrine_space_hosted_address (VitrineRepoInfo *info,
                                    const char      *endpoint,
                                    gboolean         dark);

G_END_DECLS
