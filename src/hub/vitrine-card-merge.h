/* vitrine-card-merge.h — a three-way merge of model cards
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *vitrine_card_merge (const char  *base,
                          const char  *mine,
                          const char  *theirs,
                          GPtrArray  **conflicts,
                          GError     **error);

G_END_DECLS
