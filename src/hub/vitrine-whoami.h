/* vitrine-whoami.h — who a token signs in as
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "vitrine-hub-object.h"
#include "vitrine-org-membership.h"

G_BEGIN_DECLS

#define VITRINE_TYPE_WHOAMI (vitrine_whoami_get_type ())

G_DECLARE_FINAL_TYPE (VitrineWhoami, vitrine_whoami, VITRINE, WHOAMI, VitrineHubObject)

VitrineWhoami *vitrine_whoami_new_from_json     (JsonObject    *object);
const char    *vitrine_whoami_get_name          (VitrineWhoami *self);
const char    *vitrine_whoami_get_fullname      (VitrineWhoami *self);
const char    *vitrine_whoami_get_account_type  (VitrineWhoami *self);
GListModel    *vitrine_whoami_get_orgs          (VitrineWhoami *self);
const char    *vitrine_whoami_get_token_name    (VitrineWhoami *self);
const char    *vitrine_whoami_get_token_role    (VitrineWhoami *self);
JsonObject    *vitrine_whoami_get_json          (VitrineWhoami *self);

G_END_DECLS
