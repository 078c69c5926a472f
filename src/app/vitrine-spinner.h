/* vitrine-spinner.h — spinners that show only for waits worth showing
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* How long a wait goes unmarked before its spinner turns, in ms. */
#define VITRINE_SPINNER_DELAY_MS 250

void vitrine_spinner_start_soon (GtkSpinner *spinner);
void vitrine_spinner_stop       (GtkSpinner *spinner);

G_END_DECLS
