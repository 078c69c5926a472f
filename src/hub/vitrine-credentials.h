/* vitrine-credentials.h — where the endpoint and the token come from
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

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

char     *vitrine_credentials_endpoint_key     (const char   *endpoint);
char     *vitrine_credentials_find_hub_token   (const char   *endpoint,
                                                char        **where);
char     *vitrine_credentials_redact           (const char   *token);
char     *vitrine_credentials_local_hub_token_key (const char *data_dir);
gboolean  vitrine_credentials_resolve          (const char   *explicit_endpoint,
                                                const char   *explicit_token,
                                                char        **endpoint,
                                                char        **token);
char     *vitrine_credentials_scrub            (const char   *text);

/**
 * VitrineResolveFlags:
 * @VITRINE_RESOLVE_DEFAULT: the endpoint named, else HF_ENDPOINT, else the
 *   local hub that runs on this computer
 * @VITRINE_RESOLVE_CONFIGURED_ONLY: the endpoint named, else HF_ENDPOINT;
 *   never the local hub
 */
typedef enum
{
  VITRINE_RESOLVE_DEFAULT         = 0,
  VITRINE_RESOLVE_CONFIGURED_ONLY = 1 << 0,
} VitrineResolveFlags;

/* The same, on a worker thread: the keyring is never asked on the
 * caller's thread. */
void      vitrine_credentials_resolve_async        (const char           *explicit_endpoint,
                                                    const char           *explicit_token,
                                                    VitrineResolveFlags   flags,
                                                    GCancellable         *cancellable,
                                                    GAsyncReadyCallback   callback,
                                                    gpointer              user_data);
gboolean  vitrine_credentials_resolve_finish       (GAsyncResult         *result,
                                                    char                **endpoint,
                                                    char                **token,
                                                    GError              **error);
void      vitrine_credentials_lookup_token_async   (const char           *endpoint,
                                                    const char           *explicit_token,
                                                    GCancellable         *cancellable,
                                                    GAsyncReadyCallback   callback,
                                                    gpointer              user_data);
char     *vitrine_credentials_lookup_token_finish  (GAsyncResult         *result,
                                                    const char          **source,
                                                    GError              **error);
void      vitrine_credentials_store_token_async    (const char           *endpoint,
                                                    const char           *token,
                                                    GCancellable         *cancellable,
                                                    GAsyncReadyCallback   callback,
                                                    gpointer              user_data);
gboolean  vitrine_credentials_store_token_finish   (GAsyncResult         *result,
                                                    const char          **where,
                                                    GError              **error);
void      vitrine_credentials_forget_token_async   (const char           *endpoint,
                                                    GCancellable         *cancellable,
                                                    GAsyncReadyCallback   callback,
                                                    gpointer              user_data);
gboolean  vitrine_credentials_forget_token_finish  (GAsyncResult         *result,
                                                    GError              **error);

G_END_DECLS
