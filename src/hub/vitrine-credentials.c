/* vitrine-credentials.c — where the endpoint and the token come from
 *
 * The order in which endpoints and tokens are looked for, and what a token
 * must look like.  Where tokens are kept is in vitrine-credentials-keyring.c
 * and vitrine-credentials-file.c; the asynchronous forms of these calls are
 * in vitrine-credentials-async.c.
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "vitrine-credentials.h"
#include "vitrine-credentials-private.h"
#include "vitrine-discovery.h"
#include "vitrine-error.h"

/*
 * Tokens
 */

/* Drops CR and LF anywhere, then surrounding whitespace, as the Hub's own
 * tools do. */
char *
_vitrine_credentials_strip_token (const char *raw)
{
  GString *cleaned = g_string_sized_new (strlen (raw));

  for (const char *p = raw; *p != '\0'; p++)
    if (*p != '\r' && *p != '\n')
      g_string_append_c (cleaned, *p);

  g_strstrip (cleaned->str);
  return g_string_free (cleaned, FALSE);
}

/* Whether @token can travel in an `Authorization` header as is. */
gboolean
_vitrine_credentials_token_is_sendable (const char *token)
{
  if (*token == '\0')
    return FALSE;

  for (const char *p = token; *p != '\0'; p++)
    if ((guchar) *p < 0x21 || (guchar) *p > 0x7e)
      return FALSE;

  return TRUE;
}

/* The cleaned token in @raw, or %NULL when it holds none or an unusable one.
 * @what names where it came from, for the log; never the token itself. */
char *
_vitrine_credentials_take_token (const char *raw,
                                 const char *what)
{
  g_autofree char *token = NULL;

  if (raw == NULL)
    return NULL;

  token = _vitrine_credentials_strip_token (raw);
  if (*token == '\0')
    return NULL;

  if (!_vitrine_credentials_token_is_sendable (token))
    {
      g_message ("Ignoring the token from %s: it contains spaces or control characters", what);
      return NULL;
    }

  return g_steal_pointer (&token);
}

static gboolean
env_is_true (const char *name)
{
  const char *value = g_getenv (name);

  if (value == NULL)
    return FALSE;

  return g_strcmp0 (value, "1") == 0 ||
         g_ascii_strcasecmp (value, "ON") == 0 ||
         g_ascii_strcasecmp (value, "YES") == 0 ||
         g_ascii_strcasecmp (value, "TRUE") == 0;
}

/*
 * Endpoints
 */

static void
strip_trailing_slashes (char *s)
{
  gsize length = strlen (s);

  while (length > 0 && s[length - 1] == '/')
    s[--length] = '\0';
}

/* @value without surrounding whitespace and trailing slashes, or %NULL when
 * nothing is left. */
static char *
clean_endpoint (const char *value)
{
  g_autofree char *endpoint = NULL;

  if (value == NULL)
    return NULL;

  endpoint = g_strstrip (g_strdup (value));
  strip_trailing_slashes (endpoint);
  if (*endpoint == '\0')
    return NULL;

  return g_steal_pointer (&endpoint);
}

/* The form under which a token is kept for @endpoint: scheme and host in
 * lower case, no default port, no user info, query or trailing slash, so
 * that `https://HuggingFace.co:443/` and `https://huggingface.co` share
 * their token. */
static char *
endpoint_key (const char *endpoint)
{
  g_autofree char *cleaned = clean_endpoint (endpoint);
  g_autoptr(GUri) uri = NULL;
  g_autofree char *scheme = NULL;
  g_autofree char *host = NULL;
  g_autofree char *path = NULL;

  if (cleaned == NULL)
    return NULL;

  uri = g_uri_parse (cleaned, G_URI_FLAGS_ENCODED | G_URI_FLAGS_SCHEME_NORMALIZE, NULL);
  if (uri == NULL || g_uri_get_host (uri) == NULL || *g_uri_get_host (uri) == '\0')
    return g_steal_pointer (&cleaned);

  scheme = g_ascii_strdown (g_uri_get_scheme (uri), -1);
  host = g_ascii_strdown (g_uri_get_host (uri), -1);
  path = g_strdup (g_uri_get_path (uri));
  strip_trailing_slashes (path);

  return g_uri_join (G_URI_FLAGS_ENCODED, scheme, NULL, host,
                     g_uri_get_port (uri), path, NULL, NULL);
}

/* Whether the Hub's own token file is meant for the endpoint with @key:
 * the public Hub, or whatever HF_ENDPOINT points the Hub's tools at. */
static gboolean
key_is_hub (const char *key)
{
  g_autofree char *hub = endpoint_key (VITRINE_DEFAULT_ENDPOINT);
  g_autofree char *configured = endpoint_key (g_getenv ("HF_ENDPOINT"));

  return g_strcmp0 (key, hub) == 0 ||
         (configured != NULL && g_strcmp0 (key, configured) == 0);
}

/**
 * vitrine_credentials_resolve_endpoint:
 * @explicit_endpoint: (nullable): an endpoint the user named, such as the
 *   value of `--endpoint`
 *
 * Finds the Hub endpoint to talk to, as the Hub's own tools do:
 * @explicit_endpoint when given, else the `HF_ENDPOINT` environment
 * variable.  Surrounding whitespace and trailing slashes are removed.
 *
 * Returns: (transfer full) (nullable): the endpoint, or %NULL when none is
 *   configured and the caller should use the local hub
 */
char *
vitrine_credentials_resolve_endpoint (const char *explicit_endpoint)
{
  char *endpoint = clean_endpoint (explicit_endpoint);

  if (endpoint != NULL)
    return endpoint;

  return clean_endpoint (g_getenv ("HF_ENDPOINT"));
}

/* The token kept for @key: keyring, else the tokens file. */
static char *
stored_lookup (const char  *key,
               const char **source)
{
  char *token = NULL;

  if (_vitrine_keyring_call (VITRINE_KEYRING_LOOKUP, key, NULL, &token, NULL) == VITRINE_KEYRING_OK &&
      token != NULL)
    {
      g_autofree char *stored = g_steal_pointer (&token);

      token = _vitrine_credentials_take_token (stored, "the keyring");
      if (token != NULL)
        {
          if (source != NULL)
            *source = "keyring";
          return token;
        }
    }
  g_clear_pointer (&token, g_free);

  return _vitrine_credentials_file_lookup (key, source);
}

/**
 * vitrine_credentials_lookup_stored_token:
 *
 * The token Vitrine itself keeps for @endpoint (keyring, else its 0600
 * file), never one from the environment or the Hub's own files.
 *
 * Returns: (transfer full) (nullable): the token
 */
char *
vitrine_credentials_lookup_stored_token (const char *endpoint)
{
  g_autofree char *key = endpoint_key (endpoint);

  return key != NULL ? stored_lookup (key, NULL) : NULL;
}

/**
 * vitrine_credentials_lookup_token:
 * @endpoint: the endpoint the token is for, such as %VITRINE_DEFAULT_ENDPOINT
 * @explicit_token: (nullable): a token the user gave for this call
 * @source: (out) (optional) (nullable): where the token came from, a short
 *   description that never contains the token
 *
 * Finds the token to send to @endpoint, in this order: @explicit_token; the
 * `HF_TOKEN` environment variable (or the older `HUGGING_FACE_HUB_TOKEN`); a
 * token stored with vitrine_credentials_store_token() for @endpoint, in the
 * keyring or else in Vitrine's token file; and, for the public Hub or the
 * endpoint named by `HF_ENDPOINT`, the token file of the Hub's own tools.
 *
 * When `HF_HUB_DISABLE_IMPLICIT_TOKEN` is set to a true value, the
 * environment and the Hub's token file are not consulted.  Whitespace, CR
 * and LF around a token are removed; a token with spaces or control
 * characters inside is not used.  An explicit token that is unusable is not
 * replaced by another one.
 *
 * Returns: (transfer full) (nullable): the token, or %NULL when there is none
 */
char *
vitrine_credentials_lookup_token (const char  *endpoint,
                                  const char  *explicit_token,
                                  const char **source)
{
  g_autofree char *key = NULL;
  gboolean implicit;
  char *token = NULL;

  if (source != NULL)
    *source = NULL;

  g_return_val_if_fail (endpoint != NULL, NULL);

  if (explicit_token != NULL)
    {
      g_autofree char *stripped = _vitrine_credentials_strip_token (explicit_token);

      if (*stripped != '\0')
        {
          token = _vitrine_credentials_take_token (stripped, "the explicit token");
          if (token != NULL && source != NULL)
            *source = "explicit";
          return token;
        }
    }

  implicit = !env_is_true ("HF_HUB_DISABLE_IMPLICIT_TOKEN");

  if (implicit)
    {
      const char *names[] = { "HF_TOKEN", "HUGGING_FACE_HUB_TOKEN" };

      for (guint i = 0; i < G_N_ELEMENTS (names); i++)
        {
          token = _vitrine_credentials_take_token (g_getenv (names[i]), names[i]);
          if (token != NULL)
            {
              if (source != NULL)
                *source = names[i];
              return token;
            }
        }
    }

  key = endpoint_key (endpoint);
  if (key == NULL)
    return NULL;

  token = stored_lookup (key, source);
  if (token != NULL)
    return token;

  if (implicit && key_is_hub (key))
    {
      token = _vitrine_credentials_hub_file_lookup ();
      if (token != NULL)
        {
          if (source != NULL)
            *source = "huggingface token file";
          return token;
        }
    }

  return NULL;
}

/**
 * vitrine_credentials_endpoint_key:
 *
 * The form two spellings of the same endpoint share (scheme and host in
 * lower case, no default port, no trailing slash), under which its token
 * is kept.
 *
 * Returns: (transfer full) (nullable): the key, or %NULL for no endpoint
 */
char *
vitrine_credentials_endpoint_key (const char *endpoint)
{
  return endpoint_key (endpoint);
}

/**
 * vitrine_credentials_find_hub_token:
 * @endpoint: the endpoint a token is wanted for
 * @where: (out) (optional) (transfer full): where it was found: `HF_TOKEN`
 *   (or `HUGGING_FACE_HUB_TOKEN`), or the path of the Hub's token file
 *
 * A token the user already has for the public Hub (or the endpoint
 * HF_ENDPOINT names) from the Hub's own tools, to offer for import:
 * `HF_TOKEN`, else the token file (`HF_TOKEN_PATH`, `HF_HOME/token`,
 * `~/.cache/huggingface/token`).  Reads a file: not on the main thread.
 *
 * Returns: (transfer full) (nullable): the token, or %NULL
 */
char *
vitrine_credentials_find_hub_token (const char  *endpoint,
                                    char       **where)
{
  g_autofree char *key = endpoint_key (endpoint);
  const char *names[] = { "HF_TOKEN", "HUGGING_FACE_HUB_TOKEN" };
  char *token;

  if (where != NULL)
    *where = NULL;
  if (key == NULL || !key_is_hub (key))
    return NULL;
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      token = _vitrine_credentials_take_token (g_getenv (names[i]), names[i]);
      if (token != NULL)
        {
          if (where != NULL)
            *where = g_strdup (names[i]);
          return token;
        }
    }
  token = _vitrine_credentials_hub_file_lookup ();
  if (token != NULL && where != NULL)
    *where = _vitrine_credentials_hub_file_path ();
  return token;
}

/**
 * vitrine_credentials_store_token:
 * @endpoint: the endpoint the token is for
 * @token: the token
 * @where: (out) (optional) (nullable): where the token went: `keyring`, or
 *   the path of the file it was written to
 * @error: return location for a #GError
 *
 * Keeps @token for @endpoint, in the desktop keyring when one answers, and
 * otherwise (no Secret Service on the session bus, no bus at all) in
 * `$XDG_CONFIG_HOME/vitrine/tokens`, readable by the owner only.  Storing
 * in the keyring removes any copy of an earlier token from that file.  When
 * the keyring answers but refuses, for example because its unlock prompt
 * was dismissed, the token is not written to the file either.
 *
 * Returns: %TRUE when the token was stored
 */
gboolean
vitrine_credentials_store_token (const char  *endpoint,
                                 const char  *token,
                                 const char **where,
                                 GError     **error)
{
  g_autofree char *key = NULL;
  g_autofree char *cleaned = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) local_error = NULL;

  if (where != NULL)
    *where = NULL;

  g_return_val_if_fail (endpoint != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  key = endpoint_key (endpoint);
  if (key == NULL)
    {
      g_set_error_literal (error, VITRINE_ERROR, VITRINE_ERROR_INVALID_ARGUMENT,
                           _("No endpoint was given for the token"));
      return FALSE;
    }

  cleaned = token != NULL ? _vitrine_credentials_strip_token (token) : g_strdup ("");
  if (*cleaned == '\0')
    {
      g_set_error_literal (error, VITRINE_ERROR, VITRINE_ERROR_INVALID_ARGUMENT,
                           _("The token is empty"));
      return FALSE;
    }
  if (!_vitrine_credentials_token_is_sendable (cleaned))
    {
      g_set_error_literal (error, VITRINE_ERROR, VITRINE_ERROR_INVALID_ARGUMENT,
                           _("The token contains spaces or control characters"));
      return FALSE;
    }

  switch (_vitrine_keyring_call (VITRINE_KEYRING_STORE, key, cleaned, NULL, error))
    {
    case VITRINE_KEYRING_OK:
      if (!_vitrine_credentials_file_remove (key, &local_error))
        g_debug ("Could not remove the older token from the file: %s", local_error->message);
      if (where != NULL)
        *where = "keyring";
      return TRUE;

    case VITRINE_KEYRING_FAILED:
      return FALSE;

    case VITRINE_KEYRING_UNAVAILABLE:
      break;

    default:
      g_assert_not_reached ();
    }

  if (!_vitrine_credentials_file_store (key, cleaned, &path, error))
    return FALSE;

  if (where != NULL)
    *where = g_intern_string (path);
  return TRUE;
}

/**
 * vitrine_credentials_forget_token:
 * @endpoint: the endpoint whose token to forget
 * @error: return location for a #GError
 *
 * Removes the token stored for @endpoint from the keyring and from
 * Vitrine's token file.  Forgetting a token that was never stored is not an
 * error.  Tokens in the environment or in the Hub's own token file are left
 * alone.
 *
 * Returns: %TRUE when no stored token remains
 */
gboolean
vitrine_credentials_forget_token (const char  *endpoint,
                                  GError     **error)
{
  g_autofree char *key = NULL;
  g_autoptr(GError) keyring_error = NULL;
  g_autoptr(GError) file_error = NULL;
  VitrineKeyringStatus status;
  gboolean file_ok;

  g_return_val_if_fail (endpoint != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  key = endpoint_key (endpoint);
  if (key == NULL)
    {
      g_set_error_literal (error, VITRINE_ERROR, VITRINE_ERROR_INVALID_ARGUMENT,
                           _("No endpoint was given for the token"));
      return FALSE;
    }

  status = _vitrine_keyring_call (VITRINE_KEYRING_CLEAR, key, NULL, NULL, &keyring_error);
  file_ok = _vitrine_credentials_file_remove (key, &file_error);

  if (status == VITRINE_KEYRING_FAILED)
    {
      g_propagate_error (error, g_steal_pointer (&keyring_error));
      return FALSE;
    }
  if (!file_ok)
    {
      g_propagate_error (error, g_steal_pointer (&file_error));
      return FALSE;
    }

  return TRUE;
}

/**
 * vitrine_credentials_local_hub_token_key:
 * @data_dir: (nullable): the local hub's data folder
 *
 * The name the user's token for the local hub on @data_dir is kept under:
 * its port changes from one start to the next, its folder does not.
 */
char *
vitrine_credentials_local_hub_token_key (const char *data_dir)
{
  return g_strconcat ("vitrine-local-hub:", data_dir != NULL ? data_dir : "", NULL);
}

/**
 * vitrine_credentials_resolve:
 * @explicit_endpoint: (nullable): an endpoint the user named
 * @explicit_token: (nullable): a token the user gave
 * @endpoint: (out): the hub to talk to
 * @token: (out) (nullable): the token to send it
 *
 * The hub and token a client of the user's should use: the endpoint named
 * (else HF_ENDPOINT) with its token, else the local hub Vitrine runs with
 * the token kept for it (never HF_TOKEN, which is for another hub).
 *
 * Returns: whether there is a hub to talk to
 */
gboolean
vitrine_credentials_resolve (const char  *explicit_endpoint,
                             const char  *explicit_token,
                             char       **endpoint,
                             char       **token)
{
  g_autofree char *data_dir = NULL;
  g_autofree char *key = NULL;

  *token = NULL;
  *endpoint = vitrine_credentials_resolve_endpoint (explicit_endpoint);
  if (*endpoint != NULL)
    {
      *token = vitrine_credentials_lookup_token (*endpoint, explicit_token, NULL);
      return TRUE;
    }
  if (!vitrine_discovery_read (endpoint, NULL, &data_dir))
    return FALSE;
  if (explicit_token != NULL)
    *token = vitrine_credentials_lookup_token (*endpoint, explicit_token, NULL);
  if (*token == NULL)
    {
      key = vitrine_credentials_local_hub_token_key (data_dir);
      *token = vitrine_credentials_lookup_stored_token (key);
    }
  return TRUE;
}
