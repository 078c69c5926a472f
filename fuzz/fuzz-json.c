/* fuzz-json.c — the one gate every JSON document from elsewhere goes
 * through, on both ends of the wire
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdint.h>

#include "vitrine-error.h"
#include "vitrine-json.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) root = vitrine_json_parse ((const char *) data, size, 2048, &error);

  /* Exactly one of a document or an error, and what is too deep is never
   * handed to the parser. */
  g_assert ((root == NULL) != (error == NULL));
  if (root != NULL)
    g_assert (!vitrine_json_too_deep ((const char *) data, size) && size <= 2048);
  if (vitrine_json_too_deep ((const char *) data, size) || size > 2048)
    g_assert (g_error_matches (error, VITRINE_ERROR, VITRINE_ERROR_TOO_LARGE));
  return 0;
}
