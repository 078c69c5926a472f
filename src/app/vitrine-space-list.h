/* vitrine-space-list.h — the account's Spaces, in the Demos area's sidebar
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "vitrine-account.h"

G_BEGIN_DECLS

#define VITRINE_TYPE_SPACE_LIST (vitrine_space_list_get_type ())

G_DECLARE_FINAL_TYPE (VitrineSpaceList, vitrine_space_list, VITRINE, SPACE_LIST, GtkWidget)

GtkWidget      *vitrine_space_list_new         (void);
VitrineAccount *vitrine_space_list_get_account (VitrineSpaceList *self);
void            vitrine_space_list_set_account (VitrineSpaceList *self,
                                                VitrineAccount   *account);
void            vitrine_space_list_refresh     (VitrineSpaceList *self);
GListModel     *vitrine_space_list_get_spaces  (VitrineSpaceList *self);
gboolean        vitrine_space_list_is_loading  (VitrineSpaceList *self);
void            vitrine_space_list_set_running (VitrineSpaceList *self,
                                                const char       *space_id);
char           *vitrine_space_list_dup_row_text (VitrineSpaceList *self,
                                                 const char       *space_id);

G_END_DECLS
