/* vitrine-space-address.c — where a hub serves a Space's app
 *
 * huggingface.co serves each Space's app at an origin of its own,
 * `https://{subdomain}.hf.space`, and says so in the Space's info (`host`,
 * `subdomain`).  The address is taken from there, never made up: a hub
 * that gives none, or one that is not the Space's own origin (this
 * computer's hub names a page of its own), does not host the app, and the
 * Space runs only on this computer.
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "vitrine-json.h"
#include "vitrine-space-address.h"

static gboolean
same_origin (GUri *a,
             GUri *b)
{
  return g_ascii_strcasecmp (g_uri_get_scheme (a), g_uri_get_scheme (b)) == 0 &&
         g_ascii_strcasecmp (g_uri_get_host (a), g_uri_get_host (b)) == 0 &&
         g_uri_get_port (a) == g_uri_get_port (b);
}

/**
 * vitrine_space_hosted_address:
 * @info: a Space's info
 * @endpoint: the hub @info came from
 * @dark: whether the app should use its dark style
 *
 * The address where the hub runs the Space's app, with `__theme` asking
 * for the style the desktop uses.
 *
 * Returns: (transfer full) (nullable): the address, or %NULL when the hub
 *   does not run this Space
 */
char *
vitrine_space_hosted_address (VitrineRepoInfo *info,
                              const char      *endpoint,
                              gboolean         dark)
{
  JsonObject *json;
  const char *host;
  const char *subdomain;
  const char *hostname;
  g_autoptr(GUri) uri = NULL;
  g_autoptr(GUri) hub = NULL;
  g_autoptr(GUri) address = NULL;
  gsize len;

  g_return_val_if_fail (VITRINE_IS_REPO_INFO (info), NULL);
  g_return_val_if_fail (endpoint != NULL, NULL);

  if (vitrine_repo_info_get_repo_type (info) != VITRINE_REPO_TYPE_SPACE)
    return NULL;
  json = vitrine_repo_info_get_json (info);
  host = vitrine_json_string (json, "host");
  subdomain = vitrine_json_string (json, "subdomain");
  if (host == NULL || subdomain == NULL || *subdomain == '\0')
    return NULL;

  uri = g_uri_parse (host, G_URI_FLAGS_NONE, NULL);
  hub = g_uri_parse (endpoint, G_URI_FLAGS_NONE, NULL);
  if (uri == NULL || hub == NULL || g_uri_get_host (uri) == NULL)
    return NULL;
  if (g_strcmp0 (g_uri_get_scheme (uri), "https") != 0 && g_strcmp0 (g_uri_get_scheme (uri), "http") != 0)
    return NULL;
  /* The app's own origin, named by its subdomain: `subdomain.` starts
   * the host name. */
  hostname = g_uri_get_host (uri);
  len = strlen (subdomain);
  if (g_ascii_strncasecmp (hostname, subdomain, len) != 0 || hostname[len] != '.')
    return NULL;
  if (same_origin (uri, hub) || g_uri_get_userinfo (uri) != NULL)
    return NULL;

  address = g_uri_build (G_URI_FLAGS_NONE, g_uri_get_scheme (uri), NULL, hostname, g_uri_get_port (uri),
                         "/", dark ? "__theme=dark" : "__theme=light", NULL);
  return g_uri_to_string (address);
}
