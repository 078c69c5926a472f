/* fuzz-yaml.c — front matter and YAML, whatever the bytes
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdint.h>

#include "vitrine-card-rules.h"
#include "vitrine-yaml.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = vitrine_yaml_to_json ((const char *) data, size, 0, &error);
  g_autoptr(GPtrArray) problems = NULL;

  /* Either JSON or an error with a message, never both, never neither. */
  g_assert ((node == NULL) != (error == NULL));
  if (error != NULL)
    g_assert (g_utf8_validate (error->message, -1, NULL));

  problems = vitrine_card_check_readme ((const char *) data, size, VITRINE_REPO_TYPE_MODEL, NULL);
  for (guint i = 0; i < problems->len; i++)
    g_assert (g_ptr_array_index (problems, i) != NULL);
  return 0;
}
