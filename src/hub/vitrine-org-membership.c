/* vitrine-org-membership.c — an organisation a signed-in user belongs to
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "vitrine-hub-object-private.h"
#include "vitrine-org-membership.h"

struct _VitrineOrgMembership
{
  VitrineHubObject  parent_instance;
};

G_DEFINE_FINAL_TYPE (VitrineOrgMembership, vitrine_org_membership, VITRINE_TYPE_HUB_OBJECT)

enum {
  PROP_0,
  PROP_NAME,
  PROP_FULLNAME,
  PROP_ROLE_IN_ORG,
  PROP_AVATAR_URL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* name (the organisation's handle), fullname, role-in-org ("admin",
 * "write", "contributor" or "read"), avatar-url. */
static const VitrineJsonMember strings[N_PROPS] = {
  [PROP_NAME] = { "name", "name" },
  [PROP_FULLNAME] = { "fullname", "fullname" },
  [PROP_ROLE_IN_ORG] = { "role-in-org", "roleInOrg" },
  [PROP_AVATAR_URL] = { "avatar-url", "avatarUrl" },
};

static void
vitrine_org_membership_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  if (!_vitrine_hub_object_get_string (object, strings, prop_id, value))
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
vitrine_org_membership_class_init (VitrineOrgMembershipClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = vitrine_org_membership_get_property;

  _vitrine_hub_object_class_add_strings (properties, strings, N_PROPS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
vitrine_org_membership_init (VitrineOrgMembership *self)
{
}

/**
 * vitrine_org_membership_new_from_json:
 * @object: an item of whoami-v2's `orgs`
 *
 * Returns: (transfer full): the membership
 */
VitrineOrgMembership *
vitrine_org_membership_new_from_json (JsonObject *object)
{
  return g_object_new (VITRINE_TYPE_ORG_MEMBERSHIP, "json", object, NULL);
}

const char *
vitrine_org_membership_get_name (VitrineOrgMembership *self)
{
  g_return_val_if_fail (VITRINE_IS_ORG_MEMBERSHIP (self), NULL);
  return vitrine_json_string (_vitrine_hub_object_json (self), "name");
}

const char *
vitrine_org_membership_get_fullname (VitrineOrgMembership *self)
{
  g_return_val_if_fail (VITRINE_IS_ORG_MEMBERSHIP (self), NULL);
  return vitrine_json_string (_vitrine_hub_object_json (self), "fullname");
}

/* "admin", "write", "contributor" or "read". */
const char *
vitrine_org_membership_get_role (VitrineOrgMembership *self)
{
  g_return_val_if_fail (VITRINE_IS_ORG_MEMBERSHIP (self), NULL);
  return vitrine_json_string (_vitrine_hub_object_json (self), "roleInOrg");
}
