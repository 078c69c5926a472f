/* vitrine-card-record.h — which card this computer left on each repository
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "vitrine-repo-id.h"

G_BEGIN_DECLS

char     *vitrine_card_record_read  (const char       *records_dir,
                                     const char       *endpoint,
                                     VitrineRepoType   type,
                                     const char       *repo_id,
                                     const char       *branch);
gboolean  vitrine_card_record_write (const char       *records_dir,
                                     const char       *endpoint,
                                     VitrineRepoType   type,
                                     const char       *repo_id,
                                     const char       *branch,
                                     const char       *oid,
                                     GError          **error);

G_END_DECLS
