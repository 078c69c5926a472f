/* vitrine-credentials-file.c — tokens in files: Vitrine's own, for
 * machines without a keyring, and the one the Hub's tools keep
 *
 * Vitrine's file is `$XDG_CONFIG_HOME/vitrine/tokens`, a key file with one
 * group per endpoint, readable by its owner only.  The Hub's tools keep
 * one token in `$HF_TOKEN_PATH`, else `$HF_HOME/token`, else
 * `$XDG_CACHE_HOME/huggingface/token`, else `~/.cache/huggingface/token`;
 * it is only ever read here.
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <string.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "vitrine-credentials-private.h"
#include "vitrine-error.h"

/* Token files larger than this are not token files. */
#define MAX_TOKEN_FILE_SIZE 4096

/*
 * Paths
 */

static char *
expand_home (const char *path)
{
  if (path[0] == '~' && (path[1] == '\0' || path[1] == G_DIR_SEPARATOR))
    return g_build_filename (g_get_home_dir (), path + 1, NULL);

  return g_strdup (path);
}

/* Read from the environment on every call, unlike g_get_user_config_dir(),
 * so that a changed XDG_CONFIG_HOME is honoured. */
static char *
vitrine_config_dir (void)
{
  const char *config = g_getenv ("XDG_CONFIG_HOME");

  if (config != NULL && g_path_is_absolute (config))
    return g_build_filename (config, "vitrine", NULL);

  return g_build_filename (g_get_home_dir (), ".config", "vitrine", NULL);
}

/* $HF_TOKEN_PATH, else $HF_HOME/token, else
 * $XDG_CACHE_HOME/huggingface/token, else ~/.cache/huggingface/token. */
static char *
hub_token_path (void)
{
  const char *value;
  g_autofree char *dir = NULL;

  value = g_getenv ("HF_TOKEN_PATH");
  if (value != NULL && *value != '\0')
    return expand_home (value);

  value = g_getenv ("HF_HOME");
  if (value != NULL && *value != '\0')
    {
      dir = expand_home (value);
      return g_build_filename (dir, "token", NULL);
    }

  value = g_getenv ("XDG_CACHE_HOME");
  if (value != NULL && *value != '\0')
    {
      dir = expand_home (value);
      return g_build_filename (dir, "huggingface", "token", NULL);
    }

  return g_build_filename (g_get_home_dir (), ".cache", "huggingface", "token", NULL);
}

/* @path with the home folder shown as `~`, as a string that lives as long
 * as the process. */
static const char *
intern_display_path (const char *prefix,
                     const char *path)
{
  const char *home = g_get_home_dir ();
  gsize home_length = strlen (home);
  g_autofree char *display = NULL;
  g_autofree char *shown = NULL;

  if (home_length > 1 &&
      strncmp (path, home, home_length) == 0 &&
      path[home_length] == G_DIR_SEPARATOR)
    display = g_strconcat ("~", path + home_length, NULL);
  else
    display = g_filename_display_name (path);

  shown = g_strconcat (prefix, display, NULL);
  return g_intern_string (shown);
}

/*
 * The Hub's token file
 */

/* Where the Hub's own tools keep their token. */
char *
_vitrine_credentials_hub_file_path (void)
{
  return hub_token_path ();
}

char *
_vitrine_credentials_hub_file_lookup (void)
{
  g_autofree char *path = hub_token_path ();
  g_autofree char *contents = NULL;
  gsize length = 0;
  g_autoptr(GError) local_error = NULL;

  if (!g_file_get_contents (path, &contents, &length, &local_error))
    {
      if (!g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        g_debug ("Cannot read the Hub token file: %s", local_error->message);
      return NULL;
    }

  if (length > MAX_TOKEN_FILE_SIZE || memchr (contents, '\0', length) != NULL)
    {
      g_message ("Ignoring the Hub token file: it does not hold a token");
      return NULL;
    }

  return _vitrine_credentials_take_token (contents, "the Hub token file");
}

/*
 * Vitrine's token file, for machines without a keyring
 */

static char *
tokens_file_path (void)
{
  g_autofree char *dir = vitrine_config_dir ();

  return g_build_filename (dir, "tokens", NULL);
}

/* GKeyFile groups cannot hold `[` or `]`, which IPv6 hosts need. */
static char *
tokens_group (const char *key)
{
  return g_uri_escape_string (key, "!$&'()*+,;=:@/?#", FALSE);
}

static gboolean
tokens_file_load (GKeyFile    *keyfile,
                  const char  *path,
                  GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *display = NULL;

  if (g_key_file_load_from_file (keyfile, path, G_KEY_FILE_NONE, &local_error))
    return TRUE;
  if (g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
    return TRUE;

  display = g_filename_display_name (path);
  /* GKeyFile's own parse errors quote lines of the file, which may hold a
   * token: they are not repeated. */
  if (local_error->domain == G_KEY_FILE_ERROR)
    g_set_error (error, VITRINE_ERROR, VITRINE_ERROR_FAILED,
                 /* Translators: %s is a file path. */
                 _("The token file %s is damaged"), display);
  else
    g_set_error (error, VITRINE_ERROR, VITRINE_ERROR_FAILED,
                 /* Translators: the first %s is a file path, the second the reason. */
                 _("Could not read the token file %s: %s"), display, local_error->message);
  return FALSE;
}

static gboolean
tokens_file_save (GKeyFile    *keyfile,
                  const char  *path,
                  GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *data = NULL;
  gsize length = 0;
  g_autoptr(GError) local_error = NULL;
  gboolean saved;

  if (g_mkdir_with_parents (dir, 0700) != 0 || g_chmod (dir, 0700) != 0)
    {
      int saved_errno = errno;
      g_autofree char *display = g_filename_display_name (dir);

      g_set_error (error, VITRINE_ERROR, VITRINE_ERROR_FAILED,
                   /* Translators: the first %s is a folder path, the second the reason. */
                   _("Could not create the folder %s: %s"), display, g_strerror (saved_errno));
      return FALSE;
    }

  data = g_key_file_to_data (keyfile, &length, NULL);
  /* Written next to the file, then renamed over it: never half a file, and
   * never a moment where the tokens are readable by others. */
  saved = g_file_set_contents_full (path, data, length,
                                    G_FILE_SET_CONTENTS_CONSISTENT, 0600,
                                    &local_error);
  memset (data, 0, length);

  if (!saved)
    {
      g_autofree char *display = g_filename_display_name (path);

      g_set_error (error, VITRINE_ERROR, VITRINE_ERROR_FAILED,
                   /* Translators: the first %s is a file path, the second the reason. */
                   _("Could not save the token file %s: %s"), display, local_error->message);
      return FALSE;
    }

  return TRUE;
}

char *
_vitrine_credentials_file_lookup (const char  *key,
                                  const char **source)
{
  g_autofree char *path = tokens_file_path ();
  g_autofree char *group = tokens_group (key);
  g_autoptr(GKeyFile) keyfile = g_key_file_new ();
  g_autoptr(GError) local_error = NULL;
  g_autofree char *value = NULL;
  char *token;

  if (!tokens_file_load (keyfile, path, &local_error))
    {
      g_debug ("%s", local_error->message);
      return NULL;
    }

  value = g_key_file_get_string (keyfile, group, "token", NULL);
  token = _vitrine_credentials_take_token (value, "Vitrine's token file");
  if (token != NULL && source != NULL)
    *source = intern_display_path ("file ", path);

  return token;
}

gboolean
_vitrine_credentials_file_store (const char  *key,
                                 const char  *token,
                                 char       **path_out,
                                 GError     **error)
{
  g_autofree char *path = tokens_file_path ();
  g_autofree char *group = tokens_group (key);
  g_autoptr(GKeyFile) keyfile = g_key_file_new ();

  if (!tokens_file_load (keyfile, path, error))
    return FALSE;

  g_key_file_set_string (keyfile, group, "token", token);
  if (!tokens_file_save (keyfile, path, error))
    return FALSE;

  *path_out = g_steal_pointer (&path);
  return TRUE;
}

gboolean
_vitrine_credentials_file_remove (const char  *key,
                                  GError     **error)
{
  g_autofree char *path = tokens_file_path ();
  g_autofree char *group = tokens_group (key);
  g_autoptr(GKeyFile) keyfile = g_key_file_new ();
  g_auto(GStrv) groups = NULL;

  if (!tokens_file_load (keyfile, path, error))
    return FALSE;
  if (!g_key_file_has_group (keyfile, group))
    return TRUE;

  g_key_file_remove_group (keyfile, group, NULL);
  groups = g_key_file_get_groups (keyfile, NULL);
  if (groups[0] != NULL)
    return tokens_file_save (keyfile, path, error);

  if (g_unlink (path) != 0 && errno != ENOENT)
    {
      int saved_errno = errno;
      g_autofree char *display = g_filename_display_name (path);

      g_set_error (error, VITRINE_ERROR, VITRINE_ERROR_FAILED,
                   /* Translators: the first %s is a file path, the second the reason. */
                   _("Could not remove the token file %s: %s"), display, g_strerror (saved_errno));
      return FALSE;
    }

  return TRUE;
}
