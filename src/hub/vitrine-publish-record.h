/* vitrine-publish-record.h — the records of publishes on disk, written in
 * order off the main thread
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

void      _vitrine_publish_record_write_async  (const char          *path,
                                                char                *data,
                                                GAsyncReadyCallback  callback,
                                                gpointer             user_data);
gboolean  _vitrine_publish_record_write_finish (GAsyncResult        *result,
                                                GError             **error);

G_END_DECLS
