/* vitrine-routes-compare.c — what changed between two revisions
 *
 * GET /api/{type}s/{ns}/{name}/compare/{a}..{b}: with `raw=true`, one line
 * per file that differs, in the raw format of shared/reference/hub-api.md
 * §6; without it, the changes as a patch.  Either side may be a branch, a
 * tag, a full ref, a commit id or git's empty tree.
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "vitrine-repo-compare.h"
#include "vitrine-routes-private.h"

/* Splits `a..b` at its first "..": no revision holds one (git refuses
 * them in ref names, and ids are hex). */
static gboolean
split_range (const char  *range,
             char       **from,
             char       **to)
{
  const char *dots = strstr (range, "..");

  if (dots == NULL || dots == range || dots[2] == '\0')
    return FALSE;
  *from = g_strndup (range, dots - range);
  *to = g_strdup (dots + 2);
  return TRUE;
}

void
vitrine_route_compare (VitrineRequest *req)
{
  g_autofree char *range = vitrine_request_join (req, req->tail);
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(git_repository) repo = NULL;

  if (!split_range (range, &from, &to))
    {
      vitrine_request_error (req, 400, NULL, "Compare two revisions: compare/A..B");
      return;
    }
  repo = vitrine_store_open_git (req->repo, &error);
  if (repo == NULL)
    {
      vitrine_request_gerror (req, error);
      return;
    }

  if (vitrine_request_query_bool (req, "raw"))
    {
      g_autoptr(GPtrArray) changes = vitrine_store_compare (repo, from, to, &error);
      GString *out;

      if (changes == NULL)
        {
          vitrine_request_gerror (req, error);
          return;
        }
      out = g_string_new (NULL);
      for (guint i = 0; i < changes->len; i++)
        {
          g_autofree char *line = vitrine_store_change_to_raw (g_ptr_array_index (changes, i));
          g_string_append (out, line);
        }
      vitrine_request_bytes (req, 200, "text/plain; charset=utf-8", g_string_free_to_bytes (out));
    }
  else
    {
      GBytes *patch = vitrine_store_compare_patch (repo, from, to, &error);

      if (patch == NULL)
        {
          vitrine_request_gerror (req, error);
          return;
        }
      vitrine_request_bytes (req, 200, "text/plain; charset=utf-8", patch);
    }
}
