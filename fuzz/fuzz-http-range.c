/* fuzz-http-range.c — the Range header of downloads, whatever the bytes
 *
 * The input is the size of the file in decimal, a newline, then the
 * header's value.  What the hub makes of it is checked against a strict
 * reading of the grammar it serves (one range, digits only):
 *
 *   bytes=FIRST-[LAST]  and  bytes=-SUFFIX
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdint.h>
#include <string.h>

#include "vitrine-http-range.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

/* Reads a run of digits, at least one, saturating. */
static const char *
digits (const char *p,
        guint64    *value)
{
  const char *start = p;

  *value = 0;
  for (; *p >= '0' && *p <= '9'; p++)
    {
      guint64 digit = (guint64) (*p - '0');

      *value = *value > (G_MAXUINT64 - digit) / 10 ? G_MAXUINT64 : *value * 10 + digit;
    }
  return p > start ? p : NULL;
}

/* The oracle: TRUE with the range to send, FALSE for 416. */
static gboolean
expected_range (const char *header,
                guint64     size,
                guint64    *start,
                guint64    *length)
{
  const char *p;
  guint64 first, last;

  if (strncmp (header, "bytes=", 6) != 0)
    return FALSE;
  p = header + 6;
  if (*p == '-')
    {
      guint64 suffix;

      p = digits (p + 1, &suffix);
      if (p == NULL || *p != '\0' || suffix == 0 || size == 0)
        return FALSE;
      *length = MIN (suffix, size);
      *start = size - *length;
      return TRUE;
    }
  p = digits (p, &first);
  if (p == NULL || *p != '-' || first >= size)
    return FALSE;
  p++;
  if (*p == '\0')
    {
      *start = first;
      *length = size - first;
      return TRUE;
    }
  p = digits (p, &last);
  if (p == NULL || *p != '\0' || last < first)
    return FALSE;
  *start = first;
  *length = MIN (last, size - 1) - first + 1;
  return TRUE;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *text = g_strndup ((const char *) data, size);
  char *header = strchr (text, '\n');
  guint64 file_size = 1000;
  guint64 start = 0, length = 0, want_start = 0, want_length = 0;
  gboolean ok, want;

  if (header != NULL)
    {
      *header++ = '\0';
      file_size = g_ascii_strtoull (text, NULL, 10);
    }
  else
    header = text;

  ok = vitrine_http_range_parse (header, file_size, &start, &length);
  want = expected_range (header, file_size, &want_start, &want_length);
  if (ok != want)
    g_error ("Range \"%s\" on %" G_GUINT64_FORMAT " bytes: %s, expected %s",
             header, file_size, ok ? "served" : "refused", want ? "served" : "refused");
  if (ok)
    {
      /* Never a byte outside the file, never nothing. */
      g_assert (length >= 1);
      g_assert (start < file_size && length <= file_size - start);
      g_assert (start == want_start && length == want_length);
    }
  return 0;
}
