/* vitrine-folder-scan-private.h — what the folder scan and its entries
 * share
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "vitrine-folder-scan.h"

G_BEGIN_DECLS

VitrineScanEntry *_vitrine_scan_entry_new          (const char       *name,
                                                    const char       *path,
                                                    gboolean          is_directory,
                                                    VitrineScanEntry *parent);
void              _vitrine_scan_entry_set_file     (VitrineScanEntry *self,
                                                    guint64           size,
                                                    gboolean          is_large);
void              _vitrine_scan_entry_set_left_out (VitrineScanEntry *self,
                                                    VitrineLeftOut    left_out,
                                                    const char       *rule,
                                                    gboolean          looks_secret);
void              _vitrine_scan_entry_add_size     (VitrineScanEntry *self,
                                                    gint64            delta);
void              _vitrine_scan_entry_append       (VitrineScanEntry *self,
                                                    VitrineScanEntry *child);
VitrineScanEntry *_vitrine_scan_entry_get_parent   (VitrineScanEntry *self);

G_END_DECLS
