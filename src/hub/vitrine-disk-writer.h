/* vitrine-disk-writer.h — writes to disk in order, off the main thread
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Runs on the writer's thread; FALSE with @error set on failure. */
typedef gboolean (*VitrineDiskWriteFunc) (gpointer   data,
                                          GError   **error);

void      vitrine_disk_writer_run_async  (VitrineDiskWriteFunc  func,
                                          gpointer              data,
                                          GDestroyNotify        data_free,
                                          GAsyncReadyCallback   callback,
                                          gpointer              user_data);
gboolean  vitrine_disk_writer_run_finish (GAsyncResult         *result,
                                          GError              **error);
void      vitrine_disk_writer_wait       (void);

G_END_DECLS
