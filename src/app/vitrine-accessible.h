/* vitrine-accessible.h — names that screen readers read right
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

void vitrine_accessible_repair     (GtkWidget       *root);
void vitrine_accessible_show_toast (AdwToastOverlay *overlay,
                                    AdwToast        *toast);

G_END_DECLS
