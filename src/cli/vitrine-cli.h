/* vitrine-cli.h
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

int vitrine_cli_run (int    argc,
                     char **argv);

G_END_DECLS
