/* vitrine-accounts-page.h — Preferences → Accounts
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "vitrine-application.h"

G_BEGIN_DECLS

#define VITRINE_TYPE_ACCOUNTS_PAGE (vitrine_accounts_page_get_type ())

G_DECLARE_FINAL_TYPE (VitrineAccountsPage, vitrine_accounts_page, VITRINE, ACCOUNTS_PAGE, AdwPreferencesPage)

GtkWidget *vitrine_accounts_page_new             (void);
void       vitrine_accounts_page_set_application (VitrineAccountsPage *self,
                                                  VitrineApplication  *application);

G_END_DECLS
