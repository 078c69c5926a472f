/* vitrine-whoami.c — who a token signs in as
 *
 * What whoami-v2 answers: the account, the organisations it belongs to
 * (a list model of VitrineOrgMembership) and what the token may do.
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "vitrine-hub-object-private.h"
#include "vitrine-org-membership.h"
#include "vitrine-whoami.h"

struct _VitrineWhoami
{
  VitrineHubObject  parent_instance;

  GListStore       *orgs;
};

G_DEFINE_FINAL_TYPE (VitrineWhoami, vitrine_whoami, VITRINE_TYPE_HUB_OBJECT)

enum {
  PROP_0,
  PROP_NAME,
  PROP_FULLNAME,
  PROP_EMAIL,
  PROP_AVATAR_URL,
  PROP_ACCOUNT_TYPE,
  PROP_ORGS,
  PROP_TOKEN_NAME,
  PROP_TOKEN_ROLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* name (the handle), fullname, email, avatar-url, account-type ("user",
 * "org" or "app"). */
static const VitrineJsonMember strings[N_PROPS] = {
  [PROP_NAME] = { "name", "name" },
  [PROP_FULLNAME] = { "fullname", "fullname" },
  [PROP_EMAIL] = { "email", "email" },
  [PROP_AVATAR_URL] = { "avatar-url", "avatarUrl" },
  [PROP_ACCOUNT_TYPE] = { "account-type", "type" },
};

static JsonObject *
access_token (VitrineWhoami *self)
{
  return vitrine_json_object (vitrine_json_object (_vitrine_hub_object_json (self), "auth"), "accessToken");
}

static void
vitrine_whoami_constructed (GObject *object)
{
  VitrineWhoami *self = VITRINE_WHOAMI (object);
  JsonArray *orgs;

  G_OBJECT_CLASS (vitrine_whoami_parent_class)->constructed (object);

  orgs = vitrine_json_array (_vitrine_hub_object_json (self), "orgs");
  for (guint i = 0; orgs != NULL && i < json_array_get_length (orgs); i++)
    {
      JsonNode *node = json_array_get_element (orgs, i);

      if (JSON_NODE_HOLDS_OBJECT (node))
        {
          g_autoptr(VitrineOrgMembership) org = vitrine_org_membership_new_from_json (json_node_get_object (node));
          g_list_store_append (self->orgs, org);
        }
    }
}

static void
vitrine_whoami_dispose (GObject *object)
{
  VitrineWhoami *self = VITRINE_WHOAMI (object);

  g_clear_object (&self->orgs);
  G_OBJECT_CLASS (vitrine_whoami_parent_class)->dispose (object);
}

static void
vitrine_whoami_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  VitrineWhoami *self = VITRINE_WHOAMI (object);

  if (_vitrine_hub_object_get_string (self, strings, prop_id, value))
    return;
  switch (prop_id)
    {
    case PROP_ORGS:
      g_value_set_object (value, self->orgs);
      break;
    case PROP_TOKEN_NAME:
      g_value_set_string (value, vitrine_whoami_get_token_name (self));
      break;
    case PROP_TOKEN_ROLE:
      g_value_set_string (value, vitrine_whoami_get_token_role (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vitrine_whoami_class_init (VitrineWhoamiClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->constructed = vitrine_whoami_constructed;
  object_class->dispose = vitrine_whoami_dispose;
  object_class->get_property = vitrine_whoami_get_property;

  _vitrine_hub_object_class_add_strings (properties, strings, N_PROPS);
  /* The organisations the account belongs to, VitrineOrgMembership items. */
  properties[PROP_ORGS] = g_param_spec_object ("orgs", NULL, NULL, G_TYPE_LIST_MODEL, flags);
  /* The name the token was given. */
  properties[PROP_TOKEN_NAME] = g_param_spec_string ("token-name", NULL, NULL, NULL, flags);
  /* "read", "write" or "fineGrained". */
  properties[PROP_TOKEN_ROLE] = g_param_spec_string ("token-role", NULL, NULL, NULL, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
vitrine_whoami_init (VitrineWhoami *self)
{
  self->orgs = g_list_store_new (VITRINE_TYPE_ORG_MEMBERSHIP);
}

/**
 * vitrine_whoami_new_from_json:
 * @object: the whoami-v2 answer
 *
 * Returns: (transfer full): who the token signs in as
 */
VitrineWhoami *
vitrine_whoami_new_from_json (JsonObject *object)
{
  return g_object_new (VITRINE_TYPE_WHOAMI, "json", object, NULL);
}

const char *
vitrine_whoami_get_name (VitrineWhoami *self)
{
  g_return_val_if_fail (VITRINE_IS_WHOAMI (self), NULL);
  return vitrine_json_string (_vitrine_hub_object_json (self), "name");
}

const char *
vitrine_whoami_get_fullname (VitrineWhoami *self)
{
  g_return_val_if_fail (VITRINE_IS_WHOAMI (self), NULL);
  return vitrine_json_string (_vitrine_hub_object_json (self), "fullname");
}

/* "user", "org" or "app". */
const char *
vitrine_whoami_get_account_type (VitrineWhoami *self)
{
  g_return_val_if_fail (VITRINE_IS_WHOAMI (self), NULL);
  return vitrine_json_string (_vitrine_hub_object_json (self), "type");
}

/**
 * vitrine_whoami_get_orgs:
 *
 * Returns: (transfer none): the organisations, VitrineOrgMembership items
 */
GListModel *
vitrine_whoami_get_orgs (VitrineWhoami *self)
{
  g_return_val_if_fail (VITRINE_IS_WHOAMI (self), NULL);
  return G_LIST_MODEL (self->orgs);
}

const char *
vitrine_whoami_get_token_name (VitrineWhoami *self)
{
  g_return_val_if_fail (VITRINE_IS_WHOAMI (self), NULL);
  return vitrine_json_string (access_token (self), "displayName");
}

const char *
vitrine_whoami_get_token_role (VitrineWhoami *self)
{
  g_return_val_if_fail (VITRINE_IS_WHOAMI (self), NULL);
  return vitrine_json_string (access_token (self), "role");
}

/**
 * vitrine_whoami_get_json:
 *
 * Returns: (transfer none): the whoami-v2 answer as the server sent it
 */
JsonObject *
vitrine_whoami_get_json (VitrineWhoami *self)
{
  g_return_val_if_fail (VITRINE_IS_WHOAMI (self), NULL);
  return _vitrine_hub_object_json (self);
}
