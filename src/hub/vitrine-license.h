/* vitrine-license.h — the Hub's licenses, each with what it allows
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define VITRINE_TYPE_LICENSE (vitrine_license_get_type ())

G_DECLARE_FINAL_TYPE (VitrineLicense, vitrine_license, VITRINE, LICENSE, GObject)

GListModel     *vitrine_license_list_new          (void);
VitrineLicense *vitrine_license_lookup            (const char     *id);
const char     *vitrine_license_get_id            (VitrineLicense *self);
const char     *vitrine_license_get_name          (VitrineLicense *self);
const char     *vitrine_license_get_description   (VitrineLicense *self);
gboolean        vitrine_license_get_needs_details (VitrineLicense *self);

gboolean        _vitrine_license_describes        (const char     *id);

G_END_DECLS
