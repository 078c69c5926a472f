/* vitrine-repo-id.c — repository types and the `namespace/name` ids
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "vitrine-error.h"
#include "vitrine-repo-id.h"

/**
 * vitrine_repo_type_from_string:
 *
 * Accepts the singular forms the API takes in bodies (`model`) and the
 * plural forms of its paths (`models`).
 */
gboolean
vitrine_repo_type_from_string (const char      *string,
                               VitrineRepoType *type)
{
  static const struct { const char *word; VitrineRepoType type; } words[] = {
    { "model", VITRINE_REPO_TYPE_MODEL },
    { "models", VITRINE_REPO_TYPE_MODEL },
    { "dataset", VITRINE_REPO_TYPE_DATASET },
    { "datasets", VITRINE_REPO_TYPE_DATASET },
    { "space", VITRINE_REPO_TYPE_SPACE },
    { "spaces", VITRINE_REPO_TYPE_SPACE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    if (g_strcmp0 (string, words[i].word) == 0)
      {
        if (type != NULL)
          *type = words[i].type;
        return TRUE;
      }
  return FALSE;
}

const char *
vitrine_repo_type_to_string (VitrineRepoType type)
{
  switch (type)
    {
    case VITRINE_REPO_TYPE_DATASET:
      return "dataset";
    case VITRINE_REPO_TYPE_SPACE:
      return "space";
    case VITRINE_REPO_TYPE_MODEL:
    default:
      return "model";
    }
}

/* The prefix of a repository's file URLs: "" for models, "datasets/"... */
const char *
vitrine_repo_type_url_prefix (VitrineRepoType type)
{
  switch (type)
    {
    case VITRINE_REPO_TYPE_DATASET:
      return "datasets/";
    case VITRINE_REPO_TYPE_SPACE:
      return "spaces/";
    case VITRINE_REPO_TYPE_MODEL:
    default:
      return "";
    }
}

static gboolean
is_name_char (char c)
{
  return g_ascii_isalnum (c) || c == '-' || c == '_' || c == '.';
}

/**
 * vitrine_repo_name_check:
 *
 * The Hub's rules for one part of an id (a namespace or a name): 1 to 96
 * characters among letters, digits, `-`, `_` and `.`, starting and ending
 * with a letter or digit, without `--` or `..`, and not ending in `.git`.
 */
gboolean
vitrine_repo_name_check (const char  *name,
                         GError     **error)
{
  gsize len;

  if (name == NULL || *name == '\0')
    {
      g_set_error_literal (error, VITRINE_ERROR, VITRINE_ERROR_INVALID_REPO_ID,
                           _("The name is empty."));
      return FALSE;
    }

  len = strlen (name);
  if (len > VITRINE_REPO_NAME_MAX_LENGTH)
    {
      g_set_error (error, VITRINE_ERROR, VITRINE_ERROR_INVALID_REPO_ID,
                   ngettext ("The name is longer than %d character.",
                             "The name is longer than %d characters.",
                             VITRINE_REPO_NAME_MAX_LENGTH),
                   VITRINE_REPO_NAME_MAX_LENGTH);
      return FALSE;
    }

  for (gsize i = 0; i < len; i++)
    if (!is_name_char (name[i]))
      {
        g_set_error_literal (error, VITRINE_ERROR, VITRINE_ERROR_INVALID_REPO_ID,
                             _("A name may only contain letters, digits, “-”, “_” and “.”."));
        return FALSE;
      }

  if (!g_ascii_isalnum (name[0]) || !g_ascii_isalnum (name[len - 1]))
    {
      g_set_error_literal (error, VITRINE_ERROR, VITRINE_ERROR_INVALID_REPO_ID,
                           _("A name must start and end with a letter or a digit."));
      return FALSE;
    }

  if (strstr (name, "--") != NULL || strstr (name, "..") != NULL)
    {
      g_set_error_literal (error, VITRINE_ERROR, VITRINE_ERROR_INVALID_REPO_ID,
                           _("A name must not contain “--” or “..”."));
      return FALSE;
    }

  if (len >= 4 && g_ascii_strcasecmp (name + len - 4, ".git") == 0)
    {
      g_set_error_literal (error, VITRINE_ERROR, VITRINE_ERROR_INVALID_REPO_ID,
                           _("A name must not end with “.git”."));
      return FALSE;
    }

  return TRUE;
}

/**
 * vitrine_repo_id_parse:
 * @repo_id: an id such as `alice/bert-imdb`
 * @namespace_: (out) (optional): the namespace
 * @name: (out) (optional): the name
 *
 * Splits and checks a full repository id.  Both parts are required.
 */
gboolean
vitrine_repo_id_parse (const char  *repo_id,
                       char       **namespace_,
                       char       **name,
                       GError     **error)
{
  g_auto(GStrv) parts = NULL;

  if (repo_id == NULL || strchr (repo_id, '/') == NULL)
    {
      g_set_error (error, VITRINE_ERROR, VITRINE_ERROR_INVALID_REPO_ID,
                   _("“%s” is not a repository id: write it as owner/name."),
                   repo_id != NULL && g_utf8_validate (repo_id, -1, NULL) ? repo_id : "");
      return FALSE;
    }

  parts = g_strsplit (repo_id, "/", 3);
  if (g_strv_length (parts) != 2)
    {
      g_set_error_literal (error, VITRINE_ERROR, VITRINE_ERROR_INVALID_REPO_ID,
                           _("A repository id has exactly one “/”, between owner and name."));
      return FALSE;
    }

  if (!vitrine_repo_name_check (parts[0], error) ||
      !vitrine_repo_name_check (parts[1], error))
    return FALSE;

  if (namespace_ != NULL)
    *namespace_ = g_strdup (parts[0]);
  if (name != NULL)
    *name = g_strdup (parts[1]);
  return TRUE;
}
