/* vitrine-credentials-private.h — what the parts of the credentials share
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* vitrine-credentials.c: what a token looks like. */
char     *_vitrine_credentials_strip_token        (const char  *raw);
gboolean  _vitrine_credentials_token_is_sendable  (const char  *token);
char     *_vitrine_credentials_take_token         (const char  *raw,
                                                   const char  *what);

/* vitrine-credentials-file.c: Vitrine's token file and the Hub's. */
char     *_vitrine_credentials_hub_file_lookup    (void);
char     *_vitrine_credentials_hub_file_path      (void);
char     *_vitrine_credentials_file_lookup        (const char  *key,
                                                   const char **source);
gboolean  _vitrine_credentials_file_store         (const char  *key,
                                                   const char  *token,
                                                   char       **path_out,
                                                   GError     **error);
gboolean  _vitrine_credentials_file_remove        (const char  *key,
                                                   GError     **error);

/* vitrine-credentials-keyring.c: the desktop keyring. */
typedef enum
{
  VITRINE_KEYRING_OK,
  VITRINE_KEYRING_UNAVAILABLE,
  VITRINE_KEYRING_FAILED,
} VitrineKeyringStatus;

typedef enum
{
  VITRINE_KEYRING_LOOKUP,
  VITRINE_KEYRING_STORE,
  VITRINE_KEYRING_CLEAR,
} VitrineKeyringAction;

VitrineKeyringStatus _vitrine_keyring_call        (VitrineKeyringAction   action,
                                                   const char            *key,
                                                   const char            *token,
                                                   char                 **token_out,
                                                   GError               **error);

G_END_DECLS
