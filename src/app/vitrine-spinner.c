/* vitrine-spinner.c — spinners that show only for waits worth showing
 *
 * Most answers from the hub come in well under a quarter of a second.  A
 * spinner started at once flashes for them, and each of its frames is
 * drawn while the answer is being made: on a machine without a GPU that
 * drawing takes the processor the wait is for.  So a spinner turns only
 * when the wait has lasted VITRINE_SPINNER_DELAY_MS.
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "vitrine-spinner.h"

#define PENDING_KEY "vitrine-spinner-pending"

static gboolean
start_cb (gpointer data)
{
  GtkSpinner *spinner = data;

  g_object_set_data (G_OBJECT (spinner), PENDING_KEY, NULL);
  gtk_spinner_start (spinner);
  return G_SOURCE_REMOVE;
}

/**
 * vitrine_spinner_start_soon:
 *
 * Starts @spinner once VITRINE_SPINNER_DELAY_MS have passed, unless
 * vitrine_spinner_stop() is called first.
 */
void
vitrine_spinner_start_soon (GtkSpinner *spinner)
{
  guint id;

  g_return_if_fail (GTK_IS_SPINNER (spinner));

  if (gtk_spinner_get_spinning (spinner) || g_object_get_data (G_OBJECT (spinner), PENDING_KEY) != NULL)
    return;
  id = g_timeout_add_full (G_PRIORITY_DEFAULT, VITRINE_SPINNER_DELAY_MS, start_cb,
                           g_object_ref (spinner), g_object_unref);
  g_source_set_name_by_id (id, "[vitrine] spinner delay");
  g_object_set_data (G_OBJECT (spinner), PENDING_KEY, GUINT_TO_POINTER (id));
}

/**
 * vitrine_spinner_stop:
 *
 * Stops @spinner, or keeps it from starting.
 */
void
vitrine_spinner_stop (GtkSpinner *spinner)
{
  guint id;

  g_return_if_fail (GTK_IS_SPINNER (spinner));

  id = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (spinner), PENDING_KEY));
  if (id != 0)
    {
      g_object_set_data (G_OBJECT (spinner), PENDING_KEY, NULL);
      g_source_remove (id);
    }
  gtk_spinner_stop (spinner);
}
