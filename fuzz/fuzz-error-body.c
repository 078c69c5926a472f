/* fuzz-error-body.c — servers' error answers, whatever their bytes
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdint.h>

#include "vitrine-error.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) body = g_bytes_new (data, size);
  const char *types[] = { "application/json", "text/plain", NULL };

  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    {
      g_autoptr(GError) error = vitrine_error_new_from_response (400 + (size % 200), NULL, NULL,
                                                                 types[i], body);

      /* Whatever came in, the message is valid UTF-8 and bounded. */
      g_assert (g_utf8_validate (error->message, -1, NULL));
      g_assert (g_utf8_strlen (error->message, -1) <= 501);
    }
  return 0;
}
