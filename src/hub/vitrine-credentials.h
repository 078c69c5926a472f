/* vitrine-credentials.h
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The public Hub, used when nothing else names an endpoint for a token. */
#define VITRINE_DEFAULT_ENDPOINT "https://huggingface.co"

char     *vitrine_credentials_resolve_endpoint (const char   *explicit_endpoint);

char     *vitrine_credentials_lookup_token     (const char   *endpoint,
                                                const char   *explicit_token,
                                                const char  **source);

char     *vitrine_credentials_lookup_stored_token (const char *endpoint);
gboolean  vitrine_credentials_store_token      (const char   *endpoint,
                                                const char   *token,
                                                const char  **where,
                                                GError      **error);
gboolean  vitrine_credentials_forget_token     (const char   *endpoint,
                                                GError      **error);

char     *vitrine_credentials_redact           (const char   *token);
char     *vitrine_credentials_local_hub_token_key (const char *data_dir);
gboolean  vitrine_credentials_resolve          (const char   *explicit_endpoint,
                                                const char   *explicit_token,
                                                char        **endpoint,
                                                char        **token);
char     *vitrine_credentials_scrub            (const char   *text);

G_END_DECLS
