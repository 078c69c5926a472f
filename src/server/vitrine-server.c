/* vitrine-server.c — the local hub's HTTP front
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "vitrine-server.h"

struct _VitrineServer
{
  GObject     parent_instance;

  char       *data_dir;
  SoupServer *soup;
  char       *url;
  guint       port;
};

enum {
  PROP_0,
  PROP_DATA_DIR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (VitrineServer, vitrine_server, G_TYPE_OBJECT)

/**
 * vitrine_server_reply_error:
 * @msg: the request to answer
 * @status: the HTTP status
 * @hub_code: (nullable): the Hub's `X-Error-Code`, such as `RepoNotFound`
 * @message: what went wrong, for people
 *
 * Answers with the Hub's error shape: the status, `X-Error-Code` when
 * given, `X-Error-Message` and a `{"error": message}` JSON body.
 */
void
vitrine_server_reply_error (SoupServerMessage *msg,
                            guint              status,
                            const char        *hub_code,
                            const char        *message)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  SoupMessageHeaders *headers;
  char *body;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "error");
  json_builder_add_string_value (builder, message);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  body = json_to_string (root, FALSE);

  headers = soup_server_message_get_response_headers (msg);
  if (hub_code != NULL)
    soup_message_headers_replace (headers, "X-Error-Code", hub_code);
  /* Header values must stay on one line. */
  if (strpbrk (message, "\r\n") == NULL)
    soup_message_headers_replace (headers, "X-Error-Message", message);
  if (status == SOUP_STATUS_UNAUTHORIZED)
    soup_message_headers_replace (headers, "WWW-Authenticate",
                                  "Bearer realm=\"Authentication required\", charset=\"UTF-8\"");

  soup_server_message_set_status (msg, status, NULL);
  soup_server_message_set_response (msg, "application/json; charset=utf-8",
                                    SOUP_MEMORY_TAKE, body, strlen (body));
}

static void
whoami_cb (SoupServer        *server,
           SoupServerMessage *msg,
           const char        *path,
           GHashTable        *query,
           gpointer           user_data)
{
  /* No account exists yet on this hub, so no token can be valid. */
  vitrine_server_reply_error (msg, SOUP_STATUS_UNAUTHORIZED, NULL,
                              "Invalid username or password.");
}

static void
default_cb (SoupServer        *server,
            SoupServerMessage *msg,
            const char        *path,
            GHashTable        *query,
            gpointer           user_data)
{
  vitrine_server_reply_error (msg, SOUP_STATUS_NOT_FOUND, NULL,
                              "Sorry, we can't find the page you are looking for.");
}

static void
vitrine_server_finalize (GObject *object)
{
  VitrineServer *self = (VitrineServer *)object;

  if (self->soup != NULL)
    soup_server_disconnect (self->soup);
  g_clear_object (&self->soup);
  g_clear_pointer (&self->data_dir, g_free);
  g_clear_pointer (&self->url, g_free);

  G_OBJECT_CLASS (vitrine_server_parent_class)->finalize (object);
}

static void
vitrine_server_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  VitrineServer *self = VITRINE_SERVER (object);

  switch (prop_id)
    {
    case PROP_DATA_DIR:
      g_value_set_string (value, self->data_dir);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vitrine_server_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  VitrineServer *self = VITRINE_SERVER (object);

  switch (prop_id)
    {
    case PROP_DATA_DIR:
      self->data_dir = g_value_dup_string (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vitrine_server_class_init (VitrineServerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = vitrine_server_finalize;
  object_class->get_property = vitrine_server_get_property;
  object_class->set_property = vitrine_server_set_property;

  properties[PROP_DATA_DIR] =
    g_param_spec_string ("data-dir", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
vitrine_server_init (VitrineServer *self)
{
  self->soup = soup_server_new ("server-header", "vitrine-hub/" PACKAGE_VERSION " ", NULL);
  soup_server_add_handler (self->soup, NULL, default_cb, self, NULL);
  soup_server_add_handler (self->soup, "/api/whoami-v2", whoami_cb, self, NULL);
}

VitrineServer *
vitrine_server_new (const char *data_dir)
{
  g_return_val_if_fail (data_dir != NULL, NULL);

  return g_object_new (VITRINE_TYPE_SERVER, "data-dir", data_dir, NULL);
}

const char *
vitrine_server_get_data_dir (VitrineServer *self)
{
  g_return_val_if_fail (VITRINE_IS_SERVER (self), NULL);

  return self->data_dir;
}

/**
 * vitrine_server_listen:
 * @host: the address to listen on, such as `127.0.0.1`
 * @port: the port, or 0 to pick a free one
 *
 * Prepares the data folder (private to its owner) and starts listening.
 */
gboolean
vitrine_server_listen (VitrineServer  *self,
                       const char     *host,
                       guint           port,
                       GError        **error)
{
  g_autoptr(GInetAddress) inet = NULL;
  g_autoptr(GSocketAddress) address = NULL;
  GSList *uris;

  g_return_val_if_fail (VITRINE_IS_SERVER (self), FALSE);
  g_return_val_if_fail (host != NULL, FALSE);
  g_return_val_if_fail (self->url == NULL, FALSE);

  if (g_mkdir_with_parents (self->data_dir, 0700) != 0)
    {
      int errsv = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errsv),
                   _("Could not create the data folder “%s”: %s"),
                   self->data_dir, g_strerror (errsv));
      return FALSE;
    }

  inet = g_inet_address_new_from_string (host);
  if (inet == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("“%s” is not an IP address."), host);
      return FALSE;
    }
  if (port > G_MAXUINT16)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("%u is not a valid port."), port);
      return FALSE;
    }

  address = g_inet_socket_address_new (inet, port);
  if (!soup_server_listen (self->soup, address, 0, error))
    return FALSE;

  uris = soup_server_get_uris (self->soup);
  g_assert (uris != NULL);
  self->port = g_uri_get_port (uris->data);
  if (g_inet_address_get_family (inet) == G_SOCKET_FAMILY_IPV6)
    self->url = g_strdup_printf ("http://[%s]:%u", host, self->port);
  else
    self->url = g_strdup_printf ("http://%s:%u", host, self->port);
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);

  return TRUE;
}

/**
 * vitrine_server_dup_url:
 *
 * Returns: (nullable): the base URL, such as `http://127.0.0.1:41234`, once
 *   listening
 */
char *
vitrine_server_dup_url (VitrineServer *self)
{
  g_return_val_if_fail (VITRINE_IS_SERVER (self), NULL);

  return g_strdup (self->url);
}

guint
vitrine_server_get_port (VitrineServer *self)
{
  g_return_val_if_fail (VITRINE_IS_SERVER (self), 0);

  return self->port;
}
