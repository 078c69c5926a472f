/* vitrine-org-membership.h — an organisation a signed-in user belongs to
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "vitrine-hub-object.h"

G_BEGIN_DECLS

#define VITRINE_TYPE_ORG_MEMBERSHIP (vitrine_org_membership_get_type ())

G_DECLARE_FINAL_TYPE (VitrineOrgMembership, vitrine_org_membership, VITRINE, ORG_MEMBERSHIP, VitrineHubObject)

VitrineOrgMembership *vitrine_org_membership_new_from_json (JsonObject           *object);
const char           *vitrine_org_membership_get_name      (VitrineOrgMembership *self);
const char           *vitrine_org_membership_get_fullname  (VitrineOrgMembership *self);
const char           *vitrine_org_membership_get_role      (VitrineOrgMembership *self);

G_END_DECLS
