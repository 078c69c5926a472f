/* vitrine-http-range.c — the `Range` request header of downloads
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "vitrine-http-range.h"

/* Reads one or more digits, and nothing else (no sign, no space), into
 * @value, saturating.  Returns what follows, or NULL without a digit. */
static const char *
read_number (const char *p,
             guint64    *value)
{
  const char *start = p;

  *value = 0;
  for (; g_ascii_isdigit (*p); p++)
    {
      guint64 digit = (guint64) (*p - '0');

      *value = *value > (G_MAXUINT64 - digit) / 10 ? G_MAXUINT64 : *value * 10 + digit;
    }
  return p > start ? p : NULL;
}

/**
 * vitrine_http_range_parse:
 * @range: the header's value: `bytes=FIRST-LAST`, `bytes=FIRST-` or
 *   `bytes=-SUFFIX`, with digits only
 * @size: the size of what is asked for
 * @start: (out): the first byte to send
 * @length: (out): how many bytes to send, at least one
 *
 * Reads one byte range against @size.  Several ranges are not served;
 * a LAST past the end means the end.
 *
 * Returns: %FALSE when the range cannot be served (416)
 */
gboolean
vitrine_http_range_parse (const char *range,
                          guint64     size,
                          guint64    *start,
                          guint64    *length)
{
  const char *p;
  guint64 first, last;

  if (!g_str_has_prefix (range, "bytes="))
    return FALSE;
  p = range + strlen ("bytes=");

  /* The last SUFFIX bytes. */
  if (*p == '-')
    {
      guint64 suffix;

      p = read_number (p + 1, &suffix);
      if (p == NULL || *p != '\0' || suffix == 0 || size == 0)
        return FALSE;
      *length = MIN (suffix, size);
      *start = size - *length;
      return TRUE;
    }

  p = read_number (p, &first);
  if (p == NULL || *p != '-' || first >= size)
    return FALSE;
  if (p[1] == '\0')
    {
      *start = first;
      *length = size - first;
      return TRUE;
    }
  p = read_number (p + 1, &last);
  if (p == NULL || *p != '\0' || last < first)
    return FALSE;
  *start = first;
  *length = MIN (last, size - 1) - first + 1;
  return TRUE;
}
