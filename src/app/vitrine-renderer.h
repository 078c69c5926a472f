/* vitrine-renderer.h — how the window is drawn where there is no GPU
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

const char *vitrine_renderer_choose (const char *dri_dir);
void        vitrine_renderer_setup  (void);
void        vitrine_renderer_apply_settings (void);

G_END_DECLS
