/* vitrine-lfs-pointer.c — the git-lfs pointer file format
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "vitrine-hash.h"
#include "vitrine-lfs-pointer.h"

#define SPEC_LINE "version https://git-lfs.github.com/spec/v1"

/**
 * vitrine_lfs_pointer_format:
 * @oid: the object's SHA-256, in lowercase hex
 *
 * Returns: (transfer full): the pointer file's text
 */
char *
vitrine_lfs_pointer_format (const char *oid,
                            guint64     size)
{
  g_return_val_if_fail (vitrine_is_hex (oid, 64), NULL);

  return g_strdup_printf (SPEC_LINE "\noid sha256:%s\nsize %" G_GUINT64_FORMAT "\n", oid, size);
}

/**
 * vitrine_lfs_pointer_parse:
 * @oid: (out) (optional): the SHA-256 the pointer names
 * @size: (out) (optional): the object's size
 *
 * Recognises a pointer file: the spec line first, then `key value` lines
 * in order, among them `oid sha256:…` and `size N`.
 */
gboolean
vitrine_lfs_pointer_parse (const char *data,
                           gsize       len,
                           char      **oid,
                           guint64    *size)
{
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  g_autofree char *found_oid = NULL;
  guint64 found_size = 0;
  gboolean have_size = FALSE;

  if (data == NULL || len < strlen (SPEC_LINE) + 1 || len > VITRINE_LFS_POINTER_MAX_SIZE)
    return FALSE;
  if (memchr (data, '\0', len) != NULL || memcmp (data, SPEC_LINE "\n", strlen (SPEC_LINE) + 1) != 0)
    return FALSE;

  text = g_strndup (data, len);
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 1; lines[i] != NULL; i++)
    {
      const char *line = lines[i];

      if (*line == '\0')
        continue;
      if (g_str_has_prefix (line, "oid sha256:"))
        {
          const char *hex = line + strlen ("oid sha256:");
          if (!vitrine_is_hex (hex, 64))
            return FALSE;
          g_free (found_oid);
          found_oid = g_strdup (hex);
        }
      else if (g_str_has_prefix (line, "size "))
        {
          const char *digits = line + strlen ("size ");
          char *end = NULL;

          if (!g_ascii_isdigit (*digits))
            return FALSE;
          found_size = g_ascii_strtoull (digits, &end, 10);
          if (end == NULL || *end != '\0')
            return FALSE;
          have_size = TRUE;
        }
      else if (strchr (line, ' ') == NULL)
        return FALSE;
    }

  if (found_oid == NULL || !have_size)
    return FALSE;
  if (oid != NULL)
    *oid = g_steal_pointer (&found_oid);
  if (size != NULL)
    *size = found_size;
  return TRUE;
}
