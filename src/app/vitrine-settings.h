/* vitrine-settings.h — the names of Vitrine's settings keys
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#define VITRINE_SETTINGS_SCHEMA          "io.github.vitrine.Vitrine"
#define VITRINE_SETTINGS_STATE_SCHEMA    "io.github.vitrine.Vitrine.state"

#define VITRINE_PREFS_STYLE              "style"
#define VITRINE_PREFS_NEW_REPOS_PRIVATE  "new-repos-private"
#define VITRINE_PREFS_PARALLEL_UPLOADS   "parallel-uploads"

#define VITRINE_STATE_WINDOW_SIZE        "window-size"
#define VITRINE_STATE_IS_MAXIMIZED       "is-maximized"
#define VITRINE_STATE_AREA               "area"
