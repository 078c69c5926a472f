/* vitrine-error.c
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "vitrine-error.h"
#include "vitrine-json.h"

/* Bodies larger than this are not worth parsing for a message. */
#define MAX_ERROR_BODY (64 * 1024)
/* Messages shown to people are cut to this many characters. */
#define MAX_MESSAGE_CHARS 500

typedef struct
{
  guint  status;
  char  *hub_code;
  char  *server_message;
} VitrineErrorPrivate;

static void
vitrine_error_private_init (VitrineErrorPrivate *priv)
{
  priv->status = 0;
  priv->hub_code = NULL;
  priv->server_message = NULL;
}

static void
vitrine_error_private_copy (const VitrineErrorPrivate *src,
                            VitrineErrorPrivate       *dest)
{
  dest->status = src->status;
  dest->hub_code = g_strdup (src->hub_code);
  dest->server_message = g_strdup (src->server_message);
}

static void
vitrine_error_private_clear (VitrineErrorPrivate *priv)
{
  g_clear_pointer (&priv->hub_code, g_free);
  g_clear_pointer (&priv->server_message, g_free);
}

G_DEFINE_EXTENDED_ERROR (VitrineError, vitrine_error)

static const VitrineErrorPrivate *
get_private (const GError *error)
{
  if (error == NULL || error->domain != VITRINE_ERROR)
    return NULL;
  return vitrine_error_get_private (error);
}

/**
 * vitrine_error_get_status:
 *
 * Returns: the HTTP status the server answered with, or 0 when the error
 *   did not come from a server.
 */
guint
vitrine_error_get_status (const GError *error)
{
  const VitrineErrorPrivate *priv = get_private (error);

  return priv != NULL ? priv->status : 0;
}

/**
 * vitrine_error_get_hub_code:
 *
 * Returns: (nullable): the server's `X-Error-Code`, such as `RepoNotFound`.
 */
const char *
vitrine_error_get_hub_code (const GError *error)
{
  const VitrineErrorPrivate *priv = get_private (error);

  return priv != NULL ? priv->hub_code : NULL;
}

/**
 * vitrine_error_get_server_message:
 *
 * Returns: (nullable): the message the server gave, as it gave it.
 */
const char *
vitrine_error_get_server_message (const GError *error)
{
  const VitrineErrorPrivate *priv = get_private (error);

  return priv != NULL ? priv->server_message : NULL;
}

VitrineErrorCode
vitrine_error_code_for_status (guint       status,
                               const char *x_error_code)
{
  if (g_strcmp0 (x_error_code, "RepoNotFound") == 0)
    return VITRINE_ERROR_REPO_NOT_FOUND;
  if (g_strcmp0 (x_error_code, "RevisionNotFound") == 0)
    return VITRINE_ERROR_REVISION_NOT_FOUND;
  if (g_strcmp0 (x_error_code, "EntryNotFound") == 0)
    return VITRINE_ERROR_ENTRY_NOT_FOUND;
  if (g_strcmp0 (x_error_code, "GatedRepo") == 0)
    return VITRINE_ERROR_GATED;

  switch (status)
    {
    case 400:
    case 422:
      return VITRINE_ERROR_INVALID_ARGUMENT;
    case 401:
      return VITRINE_ERROR_UNAUTHORIZED;
    case 403:
      return VITRINE_ERROR_FORBIDDEN;
    case 404:
      return VITRINE_ERROR_NOT_FOUND;
    case 409:
      return VITRINE_ERROR_CONFLICT;
    case 412:
      return VITRINE_ERROR_PRECONDITION_FAILED;
    case 413:
      return VITRINE_ERROR_TOO_LARGE;
    case 429:
      return VITRINE_ERROR_RATE_LIMITED;
    default:
      if (status >= 500 && status < 600)
        return VITRINE_ERROR_SERVER;
      return VITRINE_ERROR_FAILED;
    }
}

static char *
string_from_node (JsonNode *node)
{
  if (node == NULL)
    return NULL;

  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    return g_strdup (json_node_get_string (node));

  /* {"error": ["first", "second"]} */
  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);
      g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
      guint n = json_array_get_length (array);

      for (guint i = 0; i < n; i++)
        {
          JsonNode *item = json_array_get_element (array, i);
          char *text = NULL;

          if (JSON_NODE_HOLDS_OBJECT (item))
            {
              JsonObject *obj = json_node_get_object (item);
              if (json_object_has_member (obj, "message"))
                text = string_from_node (json_object_get_member (obj, "message"));
            }
          else
            text = string_from_node (item);

          if (text != NULL && *text != '\0')
            g_ptr_array_add (parts, text);
          else
            g_free (text);
        }

      if (parts->len == 0)
        return NULL;
      g_ptr_array_add (parts, NULL);
      return g_strjoinv ("; ", (char **) parts->pdata);
    }

  return NULL;
}

/* Reads the message out of the body shapes the Hub is known to send:
 * {"error": "m"}, {"error": ["m1", "m2"]}, {"message": "m"},
 * {"error": "...", "error_description": "..."}, {"errors": [{"message": "m"}]},
 * and plain text.
 */
static char *
message_from_body (const char *content_type,
                   GBytes     *body)
{
  g_autoptr(JsonNode) root = NULL;
  const char *data;
  gsize len;

  if (body == NULL)
    return NULL;

  data = g_bytes_get_data (body, &len);
  if (data == NULL || len == 0 || len > MAX_ERROR_BODY)
    return NULL;

  root = vitrine_json_parse (data, len, MAX_ERROR_BODY, NULL);
  if (root != NULL)
    {
      JsonObject *obj;
      const char *keys[] = { "error", "message", "errors" };
      g_autofree char *message = NULL;

      if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
        return NULL;

      obj = json_node_get_object (root);
      for (guint i = 0; i < G_N_ELEMENTS (keys) && message == NULL; i++)
        if (json_object_has_member (obj, keys[i]))
          message = string_from_node (json_object_get_member (obj, keys[i]));

      if (json_object_has_member (obj, "error_description"))
        {
          g_autofree char *description =
            string_from_node (json_object_get_member (obj, "error_description"));

          if (description != NULL && message != NULL)
            {
              char *both = g_strdup_printf ("%s: %s", message, description);
              g_free (message);
              message = both;
            }
          else if (description != NULL)
            message = g_steal_pointer (&description);
        }

      return g_steal_pointer (&message);
    }

  /* Plain text, but never HTML pages nor binary noise. */
  if (content_type != NULL && !g_str_has_prefix (content_type, "text/plain"))
    return NULL;
  if (!g_utf8_validate (data, len, NULL))
    return NULL;

  return g_strstrip (g_strndup (data, len));
}

static char *
truncate_message (char *message)
{
  if (message != NULL && g_utf8_strlen (message, -1) > MAX_MESSAGE_CHARS)
    {
      char *cut = g_utf8_substring (message, 0, MAX_MESSAGE_CHARS);
      char *with_ellipsis = g_strconcat (cut, "…", NULL);

      g_free (cut);
      g_free (message);
      return with_ellipsis;
    }
  return message;
}

static const char *
fallback_message (VitrineErrorCode code,
                  guint            status)
{
  switch (code)
    {
    case VITRINE_ERROR_REPO_NOT_FOUND:
      return _("The repository does not exist, or you are not allowed to see it.");
    case VITRINE_ERROR_REVISION_NOT_FOUND:
      return _("This version of the repository does not exist.");
    case VITRINE_ERROR_ENTRY_NOT_FOUND:
      return _("This file does not exist in the repository.");
    case VITRINE_ERROR_GATED:
      return _("This repository is gated: accept its conditions on the Hub first.");
    case VITRINE_ERROR_UNAUTHORIZED:
      return _("The server did not accept your sign-in. Sign in again with a valid token.");
    case VITRINE_ERROR_FORBIDDEN:
      return _("Your account is not allowed to do this.");
    case VITRINE_ERROR_CONFLICT:
      return _("Something with this name already exists on the server.");
    case VITRINE_ERROR_PRECONDITION_FAILED:
      return _("The repository changed in the meantime.");
    case VITRINE_ERROR_TOO_LARGE:
      return _("The data is too large for the server.");
    case VITRINE_ERROR_RATE_LIMITED:
      return _("The server is receiving too many requests. Try again in a moment.");
    case VITRINE_ERROR_SERVER:
      return _("The server had a problem. Try again later.");
    case VITRINE_ERROR_NOT_FOUND:
      return _("The server could not find what was asked for.");
    case VITRINE_ERROR_FAILED:
    case VITRINE_ERROR_INVALID_ARGUMENT:
    case VITRINE_ERROR_INVALID_PATH:
    case VITRINE_ERROR_INVALID_REPO_ID:
    case VITRINE_ERROR_PROTOCOL:
    case VITRINE_ERROR_CARD_CHANGED:
    default:
      return status >= 400 && status < 500
        ? _("The server refused the request.")
        : _("The server answered in an unexpected way.");
    }
}

/**
 * vitrine_error_new_from_response:
 * @status: the HTTP status
 * @x_error_code: (nullable): the `X-Error-Code` header
 * @x_error_message: (nullable): the `X-Error-Message` header
 * @content_type: (nullable): the response's content type
 * @body: (nullable): the response body
 *
 * Builds an error in the %VITRINE_ERROR domain from a server's answer,
 * keeping the status, the Hub's error code and its message.  The message
 * joins `X-Error-Message` and the body's message as the official clients do.
 *
 * Returns: (transfer full): a new #GError
 */
GError *
vitrine_error_new_from_response (guint        status,
                                 const char  *x_error_code,
                                 const char  *x_error_message,
                                 const char  *content_type,
                                 GBytes      *body)
{
  VitrineErrorCode code = vitrine_error_code_for_status (status, x_error_code);
  g_autofree char *body_message = message_from_body (content_type, body);
  g_autofree char *server_message = NULL;
  VitrineErrorPrivate *priv;
  GError *error;

  if (x_error_message != NULL && *x_error_message != '\0' &&
      body_message != NULL && *body_message != '\0' &&
      g_strcmp0 (x_error_message, body_message) != 0)
    server_message = g_strdup_printf ("%s %s", x_error_message, body_message);
  else if (body_message != NULL && *body_message != '\0')
    server_message = g_steal_pointer (&body_message);
  else if (x_error_message != NULL && *x_error_message != '\0')
    server_message = g_strdup (x_error_message);

  server_message = truncate_message (g_steal_pointer (&server_message));

  error = g_error_new_literal (VITRINE_ERROR, code,
                               server_message != NULL
                                 ? server_message
                                 : fallback_message (code, status));
  priv = vitrine_error_get_private (error);
  priv->status = status;
  priv->hub_code = g_strdup (x_error_code);
  priv->server_message = g_steal_pointer (&server_message);

  return error;
}

/**
 * vitrine_error_new_with_status:
 * @status: the HTTP status, or 0
 * @hub_code: (nullable): the server's `X-Error-Code`
 * @message: the message
 *
 * An error as vitrine_error_new_from_response() makes it, from its parts:
 * for an error kept on disk and read back.
 *
 * Returns: (transfer full): a new #GError
 */
GError *
vitrine_error_new_with_status (VitrineErrorCode  code,
                               guint             status,
                               const char       *hub_code,
                               const char       *message)
{
  GError *error = g_error_new_literal (VITRINE_ERROR, code, message != NULL ? message : "");
  VitrineErrorPrivate *priv = vitrine_error_get_private (error);

  priv->status = status;
  priv->hub_code = g_strdup (hub_code);
  priv->server_message = status != 0 ? g_strdup (message) : NULL;
  return error;
}
