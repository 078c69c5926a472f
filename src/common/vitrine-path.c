/* vitrine-path.c — the rules a path inside a repository follows
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "vitrine-error.h"
#include "vitrine-path.h"

static gboolean
invalid (GError     **error,
         const char  *path,
         const char  *why)
{
  g_autofree char *shown = NULL;

  /* Show at most a short, valid UTF-8 prefix of what was refused. */
  if (path != NULL && g_utf8_validate (path, -1, NULL))
    {
      if (g_utf8_strlen (path, -1) > 80)
        {
          g_autofree char *cut = g_utf8_substring (path, 0, 80);
          shown = g_strconcat (cut, "…", NULL);
        }
      else
        shown = g_strdup (path);
    }

  if (shown != NULL)
    g_set_error (error, VITRINE_ERROR, VITRINE_ERROR_INVALID_PATH,
                 /* Translators: the first %s is a file path, the second says why it is refused. */
                 _("Invalid path “%s”: %s"), shown, why);
  else
    g_set_error (error, VITRINE_ERROR, VITRINE_ERROR_INVALID_PATH,
                 _("Invalid path: %s"), why);
  return FALSE;
}

/**
 * vitrine_path_check:
 * @path: a path inside a repository, such as `weights/model.safetensors`
 * @length: its length in bytes, or -1 when @path is nul-terminated
 * @error: return location for a #GError
 *
 * Checks the rules both the client and the local hub apply to paths in a
 * repository: not empty, valid UTF-8, relative (no leading `/`), no empty,
 * `.` or `..` component, no `.git` component, no NUL byte, no backslash,
 * and at most %VITRINE_PATH_MAX_LENGTH bytes.  When @length is given, a NUL
 * inside the first @length bytes is refused rather than silently cutting
 * the path short.
 *
 * Returns: %TRUE when @path is acceptable
 */
gboolean
vitrine_path_check (const char  *path,
                    gssize       length,
                    GError     **error)
{
  const char *p;
  const char *end;

  if (path == NULL)
    return invalid (error, NULL, _("the path is empty"));

  if (length < 0)
    length = strlen (path);
  else if (memchr (path, '\0', length) != NULL)
    return invalid (error, NULL, _("the path contains a NUL byte"));

  if (length == 0)
    return invalid (error, NULL, _("the path is empty"));
  if (length > VITRINE_PATH_MAX_LENGTH)
    return invalid (error, NULL, _("the path is too long"));
  if (!g_utf8_validate (path, length, NULL))
    return invalid (error, NULL, _("the path is not valid UTF-8"));

  {
    g_autofree char *copy = g_strndup (path, length);

    if (copy[0] == '/')
      return invalid (error, copy, _("the path must not start with “/”"));
    if (strchr (copy, '\\') != NULL)
      return invalid (error, copy, _("the path must not contain “\\”"));

    end = copy + length;
    p = copy;
    while (p <= end)
      {
        const char *slash = memchr (p, '/', end - p);
        gsize n = (slash != NULL ? slash : end) - p;

        if (n == 0)
          return invalid (error, copy, _("the path has an empty component"));
        if ((n == 1 && p[0] == '.') || (n == 2 && p[0] == '.' && p[1] == '.'))
          return invalid (error, copy, _("the path must not contain “.” or “..”"));
        if (n == 4 && g_ascii_strncasecmp (p, ".git", 4) == 0)
          return invalid (error, copy, _("the path must not contain a “.git” folder"));

        if (slash == NULL)
          break;
        p = slash + 1;
      }
  }

  return TRUE;
}
