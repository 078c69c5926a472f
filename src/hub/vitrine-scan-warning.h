/* vitrine-scan-warning.h — something about a folder to tell before
 * publishing it
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "vitrine-hub-types.h"

G_BEGIN_DECLS

#define VITRINE_TYPE_SCAN_WARNING (vitrine_scan_warning_get_type ())

G_DECLARE_FINAL_TYPE (VitrineScanWarning, vitrine_scan_warning, VITRINE, SCAN_WARNING, GObject)

VitrineScanWarning     *vitrine_scan_warning_new         (VitrineScanWarningKind  kind,
                                                          const char             *message,
                                                          const char * const     *paths);
VitrineScanWarningKind  vitrine_scan_warning_get_kind    (VitrineScanWarning     *self);
const char             *vitrine_scan_warning_get_message (VitrineScanWarning     *self);
const char * const     *vitrine_scan_warning_get_paths   (VitrineScanWarning     *self);

G_END_DECLS
