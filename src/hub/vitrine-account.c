/* vitrine-account.c — a hub the user is signed in to, with their name there
 *
 * An account is a client (endpoint and token) with what the user is shown
 * of it: whether it is this computer's hub, huggingface.co or another
 * server, the user's name there, and a label made of both.  Windows bind
 * to its properties; the name can be asked of the hub again.
 *
 * Once the hub said who the token belongs to (whoami), the account also
 * knows the user's full name, the token's role and name, and the
 * organisations with the user's role in each, and so whether a publish to
 * a namespace would be allowed: vitrine_account_can_write() says why not
 * before the hub answers 403.
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "vitrine-account-private.h"
#include "vitrine-json.h"

struct _VitrineAccount
{
  GObject             parent_instance;

  VitrineAccountKind  kind;
  VitrineClient      *client;
  char               *name;
  char               *label;
  char               *fullname;
  VitrineWhoami      *whoami;
  VitrineTokenRole    token_role;
  GListStore         *orgs;
  gboolean            is_default;
};

G_DEFINE_FINAL_TYPE (VitrineAccount, vitrine_account, G_TYPE_OBJECT)

G_DEFINE_ENUM_TYPE (VitrineAccountKind, vitrine_account_kind,
  G_DEFINE_ENUM_VALUE (VITRINE_ACCOUNT_KIND_LOCAL, "local"),
  G_DEFINE_ENUM_VALUE (VITRINE_ACCOUNT_KIND_HUGGING_FACE, "hugging-face"),
  G_DEFINE_ENUM_VALUE (VITRINE_ACCOUNT_KIND_OTHER, "other"))

enum {
  PROP_0,
  PROP_KIND,
  PROP_CLIENT,
  PROP_ENDPOINT,
  PROP_NAME,
  PROP_LABEL,
  PROP_FULLNAME,
  PROP_TOKEN_ROLE,
  PROP_TOKEN_NAME,
  PROP_ORGS,
  PROP_IS_DEFAULT,
  PROP_WHOAMI,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The server as the user knows it: its host, and its port when it is not
 * the usual one. */
static char *
server_name (const char *endpoint)
{
  g_autoptr(GUri) uri = g_uri_parse (endpoint, G_URI_FLAGS_NONE, NULL);
  g_autofree char *host = NULL;

  if (uri == NULL || g_uri_get_host (uri) == NULL || *g_uri_get_host (uri) == '\0')
    return g_strdup (endpoint);
  host = g_ascii_strdown (g_uri_get_host (uri), -1);
  if (g_uri_get_port (uri) > 0)
    return g_strdup_printf ("%s:%d", host, g_uri_get_port (uri));
  return g_steal_pointer (&host);
}

static void
update_label (VitrineAccount *self)
{
  g_autofree char *server = NULL;
  g_autofree char *label = NULL;

  if (self->kind == VITRINE_ACCOUNT_KIND_LOCAL)
    label = g_strdup (_("This Computer"));
  else
    {
      server = server_name (vitrine_client_get_endpoint (self->client));
      if (self->name != NULL && *self->name != '\0')
        /* Translators: an account as a menu shows it, such as
         * “alice — huggingface.co”: the user's name, then the server. */
        label = g_strdup_printf (_("%s — %s"), self->name, server);
      else
        label = g_steal_pointer (&server);
    }

  if (g_strcmp0 (label, self->label) == 0)
    return;
  g_free (self->label);
  self->label = g_steal_pointer (&label);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LABEL]);
}

/**
 * vitrine_account_new:
 * @kind: what the hub is
 * @client: a client for the hub, with the user's token
 * @name: (nullable): the user's name there, when known
 */
VitrineAccount *
vitrine_account_new (VitrineAccountKind  kind,
                     VitrineClient      *client,
                     const char         *name)
{
  g_return_val_if_fail (VITRINE_IS_CLIENT (client), NULL);

  return g_object_new (VITRINE_TYPE_ACCOUNT,
                       "kind", kind,
                       "client", client,
                       "name", name,
                       NULL);
}

/**
 * vitrine_account_new_for_client:
 * @client: a client for a hub other than this computer's
 * @name: (nullable): the user's name there, when known
 *
 * An account whose kind is told by @client's endpoint: huggingface.co or
 * another server.
 */
VitrineAccount *
vitrine_account_new_for_client (VitrineClient *client,
                                const char    *name)
{
  g_autoptr(GUri) uri = NULL;
  VitrineAccountKind kind = VITRINE_ACCOUNT_KIND_OTHER;

  g_return_val_if_fail (VITRINE_IS_CLIENT (client), NULL);

  uri = g_uri_parse (vitrine_client_get_endpoint (client), G_URI_FLAGS_NONE, NULL);
  if (uri != NULL &&
      g_ascii_strcasecmp (g_uri_get_scheme (uri), "https") == 0 &&
      g_uri_get_host (uri) != NULL &&
      g_ascii_strcasecmp (g_uri_get_host (uri), "huggingface.co") == 0 &&
      (g_uri_get_port (uri) == -1 || g_uri_get_port (uri) == 443))
    kind = VITRINE_ACCOUNT_KIND_HUGGING_FACE;

  return vitrine_account_new (kind, client, name);
}

VitrineAccountKind
vitrine_account_get_kind (VitrineAccount *self)
{
  g_return_val_if_fail (VITRINE_IS_ACCOUNT (self), VITRINE_ACCOUNT_KIND_OTHER);
  return self->kind;
}

const char *
vitrine_account_get_endpoint (VitrineAccount *self)
{
  g_return_val_if_fail (VITRINE_IS_ACCOUNT (self), NULL);
  return vitrine_client_get_endpoint (self->client);
}

/**
 * vitrine_account_get_client:
 *
 * Returns: (transfer none): the client for the hub, with the user's token
 */
VitrineClient *
vitrine_account_get_client (VitrineAccount *self)
{
  g_return_val_if_fail (VITRINE_IS_ACCOUNT (self), NULL);
  return self->client;
}

/**
 * vitrine_account_get_name:
 *
 * Returns: (nullable): the user's name on the hub, when known
 */
const char *
vitrine_account_get_name (VitrineAccount *self)
{
  g_return_val_if_fail (VITRINE_IS_ACCOUNT (self), NULL);
  return self->name;
}

void
vitrine_account_set_name (VitrineAccount *self,
                          const char     *name)
{
  g_return_if_fail (VITRINE_IS_ACCOUNT (self));

  if (g_strcmp0 (self->name, name) == 0)
    return;
  g_free (self->name);
  self->name = g_strdup (name);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
  update_label (self);
}

/**
 * vitrine_account_get_label:
 *
 * Returns: the account as the user is shown it: “This Computer”, or the
 *   user's name and the server, such as “alice — huggingface.co”
 */
const char *
vitrine_account_get_label (VitrineAccount *self)
{
  g_return_val_if_fail (VITRINE_IS_ACCOUNT (self), NULL);
  return self->label;
}

static void
on_whoami_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  VitrineAccount *self = g_task_get_source_object (task);
  g_autoptr(VitrineWhoami) me = NULL;
  GError *error = NULL;

  me = vitrine_client_whoami_finish (VITRINE_CLIENT (source), result, &error);
  if (me == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  vitrine_account_set_whoami (self, me);
  g_task_return_boolean (task, TRUE);
}

/**
 * vitrine_account_refresh_async:
 *
 * Asks the hub who the token belongs to, and updates the name, the token
 * role and the organisations.
 */
void
vitrine_account_refresh_async (VitrineAccount      *self,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (VITRINE_IS_ACCOUNT (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, vitrine_account_refresh_async);
  vitrine_client_whoami_async (self->client, cancellable, on_whoami_cb, task);
}

/**
 * vitrine_account_refresh_finish:
 *
 * Returns: whether the hub said who the user is
 */
gboolean
vitrine_account_refresh_finish (VitrineAccount  *self,
                                GAsyncResult    *result,
                                GError         **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
vitrine_account_constructed (GObject *object)
{
  VitrineAccount *self = VITRINE_ACCOUNT (object);

  G_OBJECT_CLASS (vitrine_account_parent_class)->constructed (object);

  g_assert (VITRINE_IS_CLIENT (self->client));
  update_label (self);
}

static void
vitrine_account_dispose (GObject *object)
{
  VitrineAccount *self = VITRINE_ACCOUNT (object);

  g_clear_object (&self->client);
  g_clear_object (&self->whoami);

  G_OBJECT_CLASS (vitrine_account_parent_class)->dispose (object);
}

static void
vitrine_account_finalize (GObject *object)
{
  VitrineAccount *self = VITRINE_ACCOUNT (object);

  g_free (self->name);
  g_free (self->label);
  g_free (self->fullname);
  g_clear_object (&self->orgs);

  G_OBJECT_CLASS (vitrine_account_parent_class)->finalize (object);
}

static void
vitrine_account_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  VitrineAccount *self = VITRINE_ACCOUNT (object);

  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;

    case PROP_CLIENT:
      g_value_set_object (value, self->client);
      break;

    case PROP_ENDPOINT:
      g_value_set_string (value, vitrine_account_get_endpoint (self));
      break;

    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_LABEL:
      g_value_set_string (value, self->label);
      break;

    case PROP_FULLNAME:
      g_value_set_string (value, self->fullname);
      break;

    case PROP_TOKEN_ROLE:
      g_value_set_enum (value, self->token_role);
      break;

    case PROP_TOKEN_NAME:
      g_value_set_string (value, vitrine_account_get_token_name (self));
      break;

    case PROP_ORGS:
      g_value_set_object (value, self->orgs);
      break;

    case PROP_IS_DEFAULT:
      g_value_set_boolean (value, self->is_default);
      break;

    case PROP_WHOAMI:
      g_value_set_object (value, self->whoami);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vitrine_account_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  VitrineAccount *self = VITRINE_ACCOUNT (object);

  switch (prop_id)
    {
    case PROP_KIND:
      self->kind = g_value_get_enum (value);
      break;

    case PROP_CLIENT:
      self->client = g_value_dup_object (value);
      break;

    case PROP_NAME:
      vitrine_account_set_name (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vitrine_account_class_init (VitrineAccountClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = vitrine_account_constructed;
  object_class->dispose = vitrine_account_dispose;
  object_class->finalize = vitrine_account_finalize;
  object_class->get_property = vitrine_account_get_property;
  object_class->set_property = vitrine_account_set_property;

  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL,
                       VITRINE_TYPE_ACCOUNT_KIND, VITRINE_ACCOUNT_KIND_OTHER,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CLIENT] =
    g_param_spec_object ("client", NULL, NULL,
                         VITRINE_TYPE_CLIENT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ENDPOINT] =
    g_param_spec_string ("endpoint", NULL, NULL,
                         NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LABEL] =
    g_param_spec_string ("label", NULL, NULL,
                         NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* The user's full name, once the hub said it. */
  properties[PROP_FULLNAME] =
    g_param_spec_string ("fullname", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* What the token may do: unknown until the hub was asked. */
  properties[PROP_TOKEN_ROLE] =
    g_param_spec_enum ("token-role", NULL, NULL,
                       VITRINE_TYPE_TOKEN_ROLE, VITRINE_TOKEN_ROLE_UNKNOWN,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* The name the user gave the token on the hub. */
  properties[PROP_TOKEN_NAME] =
    g_param_spec_string ("token-name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* The organisations the user belongs to: VitrineOrgMembership (name, role). */
  properties[PROP_ORGS] =
    g_param_spec_object ("orgs", NULL, NULL, G_TYPE_LIST_MODEL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  /* Whether the account store publishes to this account unless told otherwise. */
  properties[PROP_IS_DEFAULT] =
    g_param_spec_boolean ("is-default", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* What the hub last said of the token, or NULL. */
  properties[PROP_WHOAMI] =
    g_param_spec_object ("whoami", NULL, NULL, VITRINE_TYPE_WHOAMI,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
vitrine_account_init (VitrineAccount *self)
{
  self->kind = VITRINE_ACCOUNT_KIND_OTHER;
  self->orgs = g_list_store_new (VITRINE_TYPE_ORG_MEMBERSHIP);
}

/**
 * vitrine_token_role_from_string:
 * @role: (nullable): `read`, `write` or `fineGrained`, as whoami-v2 says
 *   (`admin` and `contributor` write too)
 */
VitrineTokenRole
vitrine_token_role_from_string (const char *role)
{
  if (role == NULL)
    return VITRINE_TOKEN_ROLE_UNKNOWN;
  if (g_str_equal (role, "read"))
    return VITRINE_TOKEN_ROLE_READ;
  if (g_str_equal (role, "write") || g_str_equal (role, "admin") || g_str_equal (role, "contributor"))
    return VITRINE_TOKEN_ROLE_WRITE;
  if (g_str_equal (role, "fineGrained"))
    return VITRINE_TOKEN_ROLE_FINE_GRAINED;
  return VITRINE_TOKEN_ROLE_UNKNOWN;
}

void
_vitrine_account_set_fullname (VitrineAccount *self,
                               const char     *fullname)
{
  if (g_strcmp0 (self->fullname, fullname) == 0)
    return;
  g_free (self->fullname);
  self->fullname = g_strdup (fullname);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FULLNAME]);
}

void
_vitrine_account_set_is_default (VitrineAccount *self,
                                 gboolean        is_default)
{
  if (self->is_default == !!is_default)
    return;
  self->is_default = !!is_default;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_IS_DEFAULT]);
}

/**
 * vitrine_account_set_whoami:
 * @whoami: what the hub said of the account's token
 *
 * Takes the user's names, the token's role and name and the
 * organisations from @whoami.
 */
void
vitrine_account_set_whoami (VitrineAccount *self,
                            VitrineWhoami  *whoami)
{
  GListModel *orgs;
  VitrineTokenRole role;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

  g_return_if_fail (VITRINE_IS_ACCOUNT (self));
  g_return_if_fail (VITRINE_IS_WHOAMI (whoami));

  g_object_freeze_notify (G_OBJECT (self));
  if (g_set_object (&self->whoami, whoami))
    {
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WHOAMI]);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TOKEN_NAME]);
    }
  vitrine_account_set_name (self, vitrine_whoami_get_name (whoami));
  _vitrine_account_set_fullname (self, vitrine_whoami_get_fullname (whoami));
  role = vitrine_token_role_from_string (vitrine_whoami_get_token_role (whoami));
  if (role != self->token_role)
    {
      self->token_role = role;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TOKEN_ROLE]);
    }
  orgs = vitrine_whoami_get_orgs (whoami);
  for (guint i = 0; i < g_list_model_get_n_items (orgs); i++)
    g_ptr_array_add (items, g_list_model_get_item (orgs, i));
  g_list_store_splice (self->orgs, 0, g_list_model_get_n_items (G_LIST_MODEL (self->orgs)),
                       items->pdata, items->len);
  g_object_thaw_notify (G_OBJECT (self));
}

/**
 * vitrine_account_get_whoami:
 *
 * Returns: (transfer none) (nullable): what the hub last said of the token
 */
VitrineWhoami *
vitrine_account_get_whoami (VitrineAccount *self)
{
  g_return_val_if_fail (VITRINE_IS_ACCOUNT (self), NULL);
  return self->whoami;
}

/**
 * vitrine_account_get_fullname:
 *
 * Returns: (nullable): the user's full name, once the hub said it
 */
const char *
vitrine_account_get_fullname (VitrineAccount *self)
{
  g_return_val_if_fail (VITRINE_IS_ACCOUNT (self), NULL);
  return self->fullname;
}

VitrineTokenRole
vitrine_account_get_token_role (VitrineAccount *self)
{
  g_return_val_if_fail (VITRINE_IS_ACCOUNT (self), VITRINE_TOKEN_ROLE_UNKNOWN);
  return self->token_role;
}

/**
 * vitrine_account_get_token_name:
 *
 * Returns: (nullable): the name the token has on the hub
 */
const char *
vitrine_account_get_token_name (VitrineAccount *self)
{
  g_return_val_if_fail (VITRINE_IS_ACCOUNT (self), NULL);
  return self->whoami != NULL ? vitrine_whoami_get_token_name (self->whoami) : NULL;
}

/**
 * vitrine_account_get_orgs:
 *
 * Returns: (transfer none): the user's organisations, a model of
 *   #VitrineOrgMembership (its name and the user's role in it), empty
 *   until the hub said them
 */
GListModel *
vitrine_account_get_orgs (VitrineAccount *self)
{
  g_return_val_if_fail (VITRINE_IS_ACCOUNT (self), NULL);
  return G_LIST_MODEL (self->orgs);
}

gboolean
vitrine_account_get_is_default (VitrineAccount *self)
{
  g_return_val_if_fail (VITRINE_IS_ACCOUNT (self), FALSE);
  return self->is_default;
}

/* Whether a fine-grained token may write repositories of @namespace_:
 * `repo.write` among its global permissions, or among those scoped to
 * that user or organisation. */
static gboolean
fine_grained_can_write (VitrineAccount *self,
                        const char     *namespace_)
{
  JsonObject *json = self->whoami != NULL ? vitrine_whoami_get_json (self->whoami) : NULL;
  JsonObject *fine = vitrine_json_object (vitrine_json_object (vitrine_json_object (json, "auth"), "accessToken"),
                                          "fineGrained");
  JsonArray *global = vitrine_json_array (fine, "global");
  JsonArray *scoped = vitrine_json_array (fine, "scoped");

  for (guint i = 0; global != NULL && i < json_array_get_length (global); i++)
    if (g_strcmp0 (json_node_get_string (json_array_get_element (global, i)), "repo.write") == 0)
      return TRUE;
  for (guint i = 0; scoped != NULL && i < json_array_get_length (scoped); i++)
    {
      JsonNode *node = json_array_get_element (scoped, i);
      JsonObject *scope = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
      JsonArray *permissions = vitrine_json_array (scope, "permissions");

      if (g_strcmp0 (vitrine_json_string (vitrine_json_object (scope, "entity"), "name"), namespace_) != 0)
        continue;
      for (guint j = 0; permissions != NULL && j < json_array_get_length (permissions); j++)
        if (g_strcmp0 (json_node_get_string (json_array_get_element (permissions, j)), "repo.write") == 0)
          return TRUE;
    }
  return FALSE;
}

/**
 * vitrine_account_can_write:
 * @namespace_: a user or organisation name, the owner of a repository
 * @why_not: (out) (optional) (transfer full) (nullable): when the answer
 *   is no, why, in a sentence for the user
 *
 * Whether this account may publish to repositories of @namespace_: its
 * own namespace with a token that writes; an organisation in which the
 * user is admin, writer or contributor, with a token that writes.  A
 * fine-grained token writes where it was given `repo.write`.  Until the
 * hub was asked (vitrine_account_refresh_async()), the answer is yes:
 * the hub decides.
 *
 * Returns: whether a publish there would be allowed
 */
gboolean
vitrine_account_can_write (VitrineAccount  *self,
                           const char      *namespace_,
                           char           **why_not)
{
  VitrineOrgMembership *member = NULL;
  const char *role;

  if (why_not != NULL)
    *why_not = NULL;

  g_return_val_if_fail (VITRINE_IS_ACCOUNT (self), FALSE);
  g_return_val_if_fail (namespace_ != NULL, FALSE);

  if (self->token_role == VITRINE_TOKEN_ROLE_UNKNOWN)
    return TRUE;
  if (self->token_role == VITRINE_TOKEN_ROLE_READ)
    {
      if (why_not != NULL)
        *why_not = g_strdup (_("This access token can only read. Publishing needs a token with the write role: "
                               "make one in your account’s settings on the hub, then sign in again with it."));
      return FALSE;
    }

  if (g_strcmp0 (namespace_, self->name) != 0)
    {
      for (guint i = 0; member == NULL && i < g_list_model_get_n_items (G_LIST_MODEL (self->orgs)); i++)
        {
          g_autoptr(VitrineOrgMembership) org = g_list_model_get_item (G_LIST_MODEL (self->orgs), i);

          if (g_strcmp0 (vitrine_org_membership_get_name (org), namespace_) == 0)
            member = org;
        }
      if (member == NULL)
        {
          if (why_not != NULL)
            /* Translators: %s is a user or organisation name. */
            *why_not = g_strdup_printf (_("“%s” is neither you nor one of your organisations: "
                                          "you can only open a pull request there."), namespace_);
          return FALSE;
        }
      role = vitrine_org_membership_get_role (member);
      if (g_strcmp0 (role, "admin") != 0 && g_strcmp0 (role, "write") != 0 && g_strcmp0 (role, "contributor") != 0)
        {
          if (why_not != NULL)
            /* Translators: %s is an organisation name. */
            *why_not = g_strdup_printf (_("You may only read in the organisation “%s”: "
                                          "ask one of its admins for the write role."), namespace_);
          return FALSE;
        }
    }

  if (self->token_role == VITRINE_TOKEN_ROLE_FINE_GRAINED && !fine_grained_can_write (self, namespace_))
    {
      if (why_not != NULL)
        /* Translators: %s is a user or organisation name. */
        *why_not = g_strdup_printf (_("This fine-grained access token may not write to repositories of “%s”: "
                                      "give it that permission on the hub, or sign in with another token."),
                                    namespace_);
      return FALSE;
    }
  return TRUE;
}

/**
 * vitrine_account_dup_owners:
 *
 * Returns: (transfer full): the namespaces this account may publish to:
 *   the user's own, then the organisations it may write in
 */
char **
vitrine_account_dup_owners (VitrineAccount *self)
{
  GStrvBuilder *builder = g_strv_builder_new ();
  char **owners;

  if (self->name != NULL)
    g_strv_builder_add (builder, self->name);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->orgs)); i++)
    {
      g_autoptr(VitrineOrgMembership) org = g_list_model_get_item (G_LIST_MODEL (self->orgs), i);
      const char *name = vitrine_org_membership_get_name (org);

      if (name != NULL && vitrine_account_can_write (self, name, NULL))
        g_strv_builder_add (builder, name);
    }
  owners = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);
  return owners;
}
