/* fuzz-ignore.c — .gitignore rules and the paths they judge, whatever the
 * bytes
 *
 * An input is up to four parts split at NUL bytes: the .gitignore text,
 * --exclude patterns (one a line), --include patterns (one a line), and the
 * paths to judge (one a line; a trailing `/` makes a folder).
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdint.h>
#include <string.h>

#include "vitrine-ignore.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static char *
take_part (const char **p,
           const char  *end)
{
  const char *nul = memchr (*p, '\0', end - *p);
  const char *stop = nul != NULL ? nul : end;
  char *part = g_strndup (*p, stop - *p);

  *p = nul != NULL ? nul + 1 : end;
  return part;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  const char *p = (const char *) data;
  const char *end = p + size;
  g_autoptr(VitrineIgnore) ignore = vitrine_ignore_new ();
  g_autofree char *gitignore = take_part (&p, end);
  g_autofree char *excludes = take_part (&p, end);
  g_autofree char *includes = take_part (&p, end);
  g_autofree char *paths = take_part (&p, end);
  g_auto(GStrv) exclude_lines = g_strsplit (excludes, "\n", -1);
  g_auto(GStrv) include_lines = g_strsplit (includes, "\n", -1);
  g_auto(GStrv) path_lines = g_strsplit (paths, "\n", 64);

  vitrine_ignore_add_gitignore (ignore, gitignore);
  for (guint i = 0; exclude_lines[i] != NULL; i++)
    if (*exclude_lines[i] != '\0')
      vitrine_ignore_add_exclude (ignore, exclude_lines[i]);
  for (guint i = 0; include_lines[i] != NULL; i++)
    if (*include_lines[i] != '\0')
      vitrine_ignore_add_include (ignore, include_lines[i]);

  for (guint i = 0; path_lines[i] != NULL; i++)
    {
      const char *path = path_lines[i];
      gboolean is_dir = g_str_has_suffix (path, "/");
      const char *rule = NULL;
      const char *again_rule = NULL;
      gboolean ignored = vitrine_ignore_match (ignore, path, is_dir, &rule);

      /* The same question gets the same answer, and an ignored path
       * always names the rule that decided. */
      g_assert (vitrine_ignore_match (ignore, path, is_dir, &again_rule) == ignored);
      g_assert (rule == again_rule);
      g_assert (!ignored || rule != NULL);

      /* What an ignored folder holds is ignored too. */
      if (ignored && is_dir)
        {
          g_autofree char *child = g_strconcat (path, "child", NULL);

          g_assert (vitrine_ignore_match (ignore, child, FALSE, NULL));
        }
    }
  return 0;
}
