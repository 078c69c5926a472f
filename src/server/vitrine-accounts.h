/* vitrine-accounts.h — the local hub's users, organisations and tokens
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

typedef enum
{
  VITRINE_ROLE_NONE,
  VITRINE_ROLE_READ,
  VITRINE_ROLE_WRITE,
  VITRINE_ROLE_ADMIN,
} VitrineRole;

typedef struct
{
  char        *user;
  char        *token_name;
  VitrineRole  role;
  char        *created_at;
} VitrineCaller;

void           vitrine_caller_free              (VitrineCaller *caller);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (VitrineCaller, vitrine_caller_free)

const char    *vitrine_role_to_string           (VitrineRole    role);
gboolean       vitrine_role_from_string         (const char    *string,
                                                 VitrineRole   *role);

gboolean       vitrine_accounts_add_user        (const char    *data_dir,
                                                 const char    *name,
                                                 char         **token,
                                                 GError       **error);
gboolean       vitrine_accounts_add_token       (const char    *data_dir,
                                                 const char    *user,
                                                 VitrineRole    role,
                                                 const char    *display_name,
                                                 char         **token,
                                                 GError       **error);
gboolean       vitrine_accounts_add_org         (const char    *data_dir,
                                                 const char    *org,
                                                 const char * const *members,
                                                 GError       **error);
VitrineCaller *vitrine_accounts_authenticate    (const char    *data_dir,
                                                 const char    *token);
gboolean       vitrine_accounts_namespace_exists (const char   *data_dir,
                                                  const char   *ns);
VitrineRole    vitrine_accounts_namespace_role  (const char    *data_dir,
                                                 const char    *user,
                                                 const char    *ns);
JsonNode      *vitrine_accounts_whoami          (const char    *data_dir,
                                                 VitrineCaller *caller);
char          *vitrine_accounts_user_id         (const char    *data_dir,
                                                 const char    *name);

G_END_DECLS
