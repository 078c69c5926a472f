/* vitrine-account.c — a hub the user is signed in to, with their name there
 *
 * An account is a client (endpoint and token) with what the user is shown
 * of it: whether it is this computer's hub, huggingface.co or another
 * server, the user's name there, and a label made of both.  Windows bind
 * to its properties; the name can be asked of the hub again.
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "vitrine-account.h"
#include "vitrine-json.h"

struct _VitrineAccount
{
  GObject             parent_instance;

  VitrineAccountKind  kind;
  VitrineClient      *client;
  char               *name;
  char               *label;
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
  vitrine_account_set_name (self, vitrine_whoami_get_name (me));
  g_task_return_boolean (task, TRUE);
}

/**
 * vitrine_account_refresh_async:
 *
 * Asks the hub who the token belongs to, and updates the name.
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

  G_OBJECT_CLASS (vitrine_account_parent_class)->dispose (object);
}

static void
vitrine_account_finalize (GObject *object)
{
  VitrineAccount *self = VITRINE_ACCOUNT (object);

  g_free (self->name);
  g_free (self->label);

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
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
vitrine_account_init (VitrineAccount *self)
{
  self->kind = VITRINE_ACCOUNT_KIND_OTHER;
}
