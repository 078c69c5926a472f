/* vitrine-card-template.h — a new model card, pre-filled from the folder
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Headers larger than this are not read. */
#define VITRINE_SAFETENSORS_MAX_HEADER (100 * 1024 * 1024)

gboolean  vitrine_safetensors_count  (const char          *path,
                                      guint64             *parameters,
                                      GHashTable          *per_dtype,
                                      GError             **error);
char     *vitrine_card_template      (const char          *folder,
                                      const char          *license,
                                      const char * const  *languages,
                                      GError             **error);

G_END_DECLS
