/* vitrine-folder-scan.h — what a folder holds, and what of it a publish
 * would send
 *
 * API note (issue 11): the brief's `vitrine_folder_scan_async (folder,
 * options, …)` takes, as its options, the secret-looking files already
 * included one by one (`included_secrets`); the ignore decision itself is
 * vitrine-folder-rules.h, shared with the publisher.
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "vitrine-scan-entry.h"
#include "vitrine-scan-warning.h"

G_BEGIN_DECLS

#define VITRINE_TYPE_FOLDER_SCAN (vitrine_folder_scan_get_type ())

G_DECLARE_FINAL_TYPE (VitrineFolderScan, vitrine_folder_scan, VITRINE, FOLDER_SCAN, GObject)

/* @included_secrets: secret-looking paths the user already included one
 * by one (such as a recorded publish's), or NULL. */
void               vitrine_folder_scan_async              (const char           *folder,
                                                           const char * const   *included_secrets,
                                                           GCancellable         *cancellable,
                                                           GAsyncReadyCallback   callback,
                                                           gpointer              user_data);
VitrineFolderScan *vitrine_folder_scan_finish             (GAsyncResult         *result,
                                                           GError              **error);

const char        *vitrine_folder_scan_get_folder         (VitrineFolderScan    *self);
VitrineScanEntry  *vitrine_folder_scan_get_root           (VitrineFolderScan    *self);
VitrineScanEntry  *vitrine_folder_scan_lookup             (VitrineFolderScan    *self,
                                                           const char           *path);
guint              vitrine_folder_scan_get_n_files        (VitrineFolderScan    *self);
guint64            vitrine_folder_scan_get_n_bytes        (VitrineFolderScan    *self);
guint              vitrine_folder_scan_get_n_large_files  (VitrineFolderScan    *self);
guint              vitrine_folder_scan_get_n_ignored      (VitrineFolderScan    *self);
GListModel        *vitrine_folder_scan_get_warnings       (VitrineFolderScan    *self);
GListModel        *vitrine_folder_scan_get_secrets        (VitrineFolderScan    *self);
gboolean           vitrine_folder_scan_set_included       (VitrineFolderScan    *self,
                                                           const char           *path,
                                                           gboolean              included);
char             **vitrine_folder_scan_dup_included_secrets (VitrineFolderScan  *self);

G_END_DECLS
