/* vitrine-credentials-redact.c — tokens as logs and messages may show them
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "vitrine-credentials.h"

/* A redacted token shows its last characters only when this many remain
 * hidden before them. */
#define REDACT_MIN_HIDDEN 8
#define REDACT_SHOWN 4

/**
 * vitrine_credentials_redact:
 * @token: (nullable): a token
 *
 * Shows a token the way logs and messages may: its well-known prefix, an
 * ellipsis, and at most its last four characters — those only when the
 * token is long enough for the rest to stay secret.  `hf_abc…` becomes
 * `hf_…wxyz`.
 *
 * Returns: (transfer full): the redacted form, `(none)` for no token
 */
char *
vitrine_credentials_redact (const char *token)
{
  const char *prefixes[] = { "hf_", "api_org_", "api_" };
  const char *prefix = "";
  gsize length;
  gsize hidden;

  if (token == NULL || *token == '\0')
    return g_strdup ("(none)");

  for (const char *p = token; *p != '\0'; p++)
    if ((guchar) *p < 0x21 || (guchar) *p > 0x7e)
      return g_strdup ("…");

  for (guint i = 0; i < G_N_ELEMENTS (prefixes); i++)
    if (g_str_has_prefix (token, prefixes[i]))
      {
        prefix = prefixes[i];
        break;
      }

  length = strlen (token);
  hidden = length - strlen (prefix);
  if (hidden >= REDACT_MIN_HIDDEN + REDACT_SHOWN)
    return g_strconcat (prefix, "…", token + length - REDACT_SHOWN, NULL);

  return g_strconcat (prefix, "…", NULL);
}

/* Group 1 and 2: an `Authorization` scheme and the space after it; 3: its
 * credentials.  Group 4: a bare Hub token anywhere else. */
#define SCRUB_PATTERN \
  "(?i:\\b(bearer)(\\s+))([^\\s\"',;]+)" \
  "|(?<![A-Za-z0-9_])((?:hf|api_org)_[A-Za-z0-9]{8,})"

static GRegex *
scrub_regex (void)
{
  static GRegex *regex;

  if (g_once_init_enter (&regex))
    {
      g_autoptr(GError) local_error = NULL;
      GRegex *compiled = g_regex_new (SCRUB_PATTERN, G_REGEX_RAW | G_REGEX_OPTIMIZE, 0,
                                      &local_error);

      g_assert_no_error (local_error);
      g_once_init_leave (&regex, compiled);
    }

  return regex;
}

static gboolean
scrub_match (const GMatchInfo *match_info,
             GString          *result,
             gpointer          user_data)
{
  int start = -1;
  int end = -1;
  g_autofree char *secret = NULL;
  g_autofree char *redacted = NULL;

  if (g_match_info_fetch_pos (match_info, 3, &start, &end) && start >= 0)
    {
      g_autofree char *scheme = g_match_info_fetch (match_info, 1);
      g_autofree char *space = g_match_info_fetch (match_info, 2);

      g_string_append (result, scheme);
      g_string_append (result, space);
      secret = g_match_info_fetch (match_info, 3);
    }
  else
    secret = g_match_info_fetch (match_info, 4);

  redacted = vitrine_credentials_redact (secret);
  g_string_append (result, redacted);
  return FALSE;
}

/**
 * vitrine_credentials_scrub:
 * @text: (nullable): any text, such as a request as it would be logged
 *
 * Removes what looks like a credential from @text: Hub tokens (`hf_…`,
 * `api_org_…`) wherever they appear and whatever follows `Bearer`.  Each is
 * replaced with its vitrine_credentials_redact() form.
 *
 * Returns: (transfer full) (nullable): the scrubbed text, %NULL for %NULL
 */
char *
vitrine_credentials_scrub (const char *text)
{
  g_autoptr(GError) local_error = NULL;
  char *scrubbed;

  if (text == NULL)
    return NULL;

  scrubbed = g_regex_replace_eval (scrub_regex (), text, -1, 0, 0,
                                   scrub_match, NULL, &local_error);
  if (scrubbed == NULL)
    {
      g_debug ("Could not scrub a text: %s", local_error->message);
      return g_strdup ("[withheld]");
    }

  return scrubbed;
}
