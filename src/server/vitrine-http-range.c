/* vitrine-http-range.c — the `Range` request header of downloads
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "vitrine-http-range.h"

/**
 * vitrine_http_range_parse:
 * @range: the header's value, such as `bytes=0-99`, `bytes=100-` or `bytes=-100`
 * @size: the size of what is asked for
 * @start: (out): the first byte to send
 * @length: (out): how many bytes to send, at least one
 *
 * Reads one byte range against @size.  Several ranges are not served.
 *
 * Returns: %FALSE when the range cannot be served (416)
 */
gboolean
vitrine_http_range_parse (const char *range,
                          guint64     size,
                          guint64    *start,
                          guint64    *length)
{
  const char *spec;
  const char *dash;
  char *end = NULL;

  if (!g_str_has_prefix (range, "bytes="))
    return FALSE;
  spec = range + strlen ("bytes=");
  if (strchr (spec, ',') != NULL)
    return FALSE;
  dash = strchr (spec, '-');
  if (dash == NULL)
    return FALSE;

  if (dash == spec)
    {
      guint64 suffix = g_ascii_strtoull (dash + 1, &end, 10);
      if (end == dash + 1 || *end != '\0' || suffix == 0 || size == 0)
        return FALSE;
      suffix = MIN (suffix, size);
      *start = size - suffix;
      *length = suffix;
      return TRUE;
    }

  *start = g_ascii_strtoull (spec, &end, 10);
  if (end != dash || *start >= size)
    return FALSE;
  if (dash[1] == '\0')
    *length = size - *start;
  else
    {
      guint64 last = g_ascii_strtoull (dash + 1, &end, 10);
      if (*end != '\0' || last < *start)
        return FALSE;
      last = MIN (last, size - 1);
      *length = last - *start + 1;
    }
  return TRUE;
}
