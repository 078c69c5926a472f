/* vitrine-sign-in-dialog.h — sign in to Hugging Face or another hub with
 * a token
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "vitrine-application.h"

G_BEGIN_DECLS

#define VITRINE_TYPE_SIGN_IN_DIALOG (vitrine_sign_in_dialog_get_type ())

G_DECLARE_FINAL_TYPE (VitrineSignInDialog, vitrine_sign_in_dialog, VITRINE, SIGN_IN_DIALOG, AdwWindow)

VitrineSignInDialog *vitrine_sign_in_dialog_new (GtkWindow          *parent,
                                                 VitrineApplication *application,
                                                 const char         *kind);

G_END_DECLS
