/* vitrine-scan-entry.h — one file or folder of a scanned folder
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "vitrine-hub-types.h"

G_BEGIN_DECLS

#define VITRINE_TYPE_SCAN_ENTRY (vitrine_scan_entry_get_type ())

G_DECLARE_FINAL_TYPE (VitrineScanEntry, vitrine_scan_entry, VITRINE, SCAN_ENTRY, GObject)

const char     *vitrine_scan_entry_get_name         (VitrineScanEntry *self);
const char     *vitrine_scan_entry_get_path         (VitrineScanEntry *self);
gboolean        vitrine_scan_entry_get_is_directory (VitrineScanEntry *self);
guint64         vitrine_scan_entry_get_size         (VitrineScanEntry *self);
gboolean        vitrine_scan_entry_get_is_large     (VitrineScanEntry *self);
gboolean        vitrine_scan_entry_get_ignored      (VitrineScanEntry *self);
VitrineLeftOut  vitrine_scan_entry_get_left_out     (VitrineScanEntry *self);
const char     *vitrine_scan_entry_get_ignore_rule  (VitrineScanEntry *self);
gboolean        vitrine_scan_entry_get_looks_secret (VitrineScanEntry *self);
gboolean        vitrine_scan_entry_get_included     (VitrineScanEntry *self);
GListModel     *vitrine_scan_entry_get_children     (VitrineScanEntry *self);

G_END_DECLS
