/* vitrine-accounts.c — the local hub's users, organisations and tokens
 *
 * Everything is a small JSON file under DATA/accounts/, written atomically,
 * so the command line can add users and tokens while a server runs on the
 * same folder: the server reads the files at each request.  Tokens are kept
 * only as their SHA-256: the file name is the hash of the token.
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>
#include <gio/gio.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <gnutls/crypto.h>

#include "vitrine-accounts.h"
#include "vitrine-error.h"
#include "vitrine-hash.h"
#include "vitrine-json.h"
#include "vitrine-repo-id.h"

/* Bounds on what an account file may hold. */
#define MAX_ACCOUNT_FILE (256 * 1024)

void
vitrine_caller_free (VitrineCaller *caller)
{
  if (caller == NULL)
    return;
  g_free (caller->user);
  g_free (caller->token_name);
  g_free (caller->created_at);
  g_free (caller);
}

const char *
vitrine_role_to_string (VitrineRole role)
{
  switch (role)
    {
    case VITRINE_ROLE_READ:
      return "read";
    case VITRINE_ROLE_WRITE:
      return "write";
    case VITRINE_ROLE_ADMIN:
      return "admin";
    case VITRINE_ROLE_NONE:
    default:
      return "none";
    }
}

gboolean
vitrine_role_from_string (const char  *string,
                          VitrineRole *role)
{
  if (g_strcmp0 (string, "read") == 0)
    *role = VITRINE_ROLE_READ;
  else if (g_strcmp0 (string, "write") == 0)
    *role = VITRINE_ROLE_WRITE;
  else if (g_strcmp0 (string, "admin") == 0)
    *role = VITRINE_ROLE_ADMIN;
  else
    return FALSE;
  return TRUE;
}

static char *
random_hex (guint bytes)
{
  g_autofree guint8 *buf = g_malloc (bytes);
  GString *hex = g_string_sized_new (bytes * 2);

  if (gnutls_rnd (GNUTLS_RND_NONCE, buf, bytes) < 0)
    g_error ("No random numbers");
  for (guint i = 0; i < bytes; i++)
    g_string_append_printf (hex, "%02x", buf[i]);
  return g_string_free (hex, FALSE);
}

/* A token in the Hub's shape: "hf_" and 34 letters. */
static char *
new_token (void)
{
  static const char letters[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
  guint8 buf[34];
  char *token = g_malloc (3 + 34 + 1);

  if (gnutls_rnd (GNUTLS_RND_KEY, buf, sizeof buf) < 0)
    g_error ("No random numbers");
  memcpy (token, "hf_", 3);
  for (guint i = 0; i < 34; i++)
    token[3 + i] = letters[buf[i] % 52];
  token[37] = '\0';
  return token;
}

static char *
accounts_path (const char *data_dir,
               const char *kind,
               const char *name)
{
  g_autofree char *file = g_strconcat (name, ".json", NULL);

  return g_build_filename (data_dir, "accounts", kind, file, NULL);
}

/* Writes @json to @path only if no file is there yet: a temporary file,
 * then link(), which fails when the name exists. */
static gboolean
create_exclusive (const char  *path,
                  JsonNode    *json,
                  GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *tmp = NULL;
  g_autofree char *text = json_to_string (json, TRUE);
  g_autofree char *nonce = random_hex (8);
  int errsv;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      errsv = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errsv),
                   _("Could not create “%s”: %s"), dir, g_strerror (errsv));
      return FALSE;
    }

  tmp = g_strdup_printf ("%s.%s.tmp", path, nonce);
  if (!g_file_set_contents_full (tmp, text, -1,
                                 G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                 0600, error))
    return FALSE;

  if (link (tmp, path) != 0)
    {
      errsv = errno;
      g_unlink (tmp);
      if (errsv == EEXIST)
        g_set_error_literal (error, VITRINE_ERROR, VITRINE_ERROR_CONFLICT,
                             _("This name is already taken."));
      else
        g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errsv),
                     _("Could not create “%s”: %s"), path, g_strerror (errsv));
      return FALSE;
    }
  g_unlink (tmp);
  return TRUE;
}

static JsonObject *
read_object (const char *path)
{
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *text = NULL;
  gsize len;

  if (!g_file_get_contents (path, &text, &len, NULL))
    return NULL;
  root = vitrine_json_parse (text, len, MAX_ACCOUNT_FILE, NULL);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return NULL;
  return json_object_ref (json_node_get_object (root));
}

gboolean
vitrine_accounts_namespace_exists (const char *data_dir,
                                   const char *ns)
{
  g_autofree char *user = accounts_path (data_dir, "users", ns);
  g_autofree char *org = accounts_path (data_dir, "orgs", ns);

  return g_file_test (user, G_FILE_TEST_EXISTS) || g_file_test (org, G_FILE_TEST_EXISTS);
}

static gboolean
check_new_name (const char  *data_dir,
                const char  *name,
                GError     **error)
{
  if (!vitrine_repo_name_check (name, error))
    return FALSE;
  if (vitrine_accounts_namespace_exists (data_dir, name))
    {
      g_set_error (error, VITRINE_ERROR, VITRINE_ERROR_CONFLICT,
                   _("“%s” is already a user or an organisation."), name);
      return FALSE;
    }
  return TRUE;
}

/**
 * vitrine_accounts_add_token:
 * @token: (out): the new token, shown once and never stored
 */
gboolean
vitrine_accounts_add_token (const char   *data_dir,
                            const char   *user,
                            VitrineRole   role,
                            const char   *display_name,
                            char        **token,
                            GError      **error)
{
  g_autofree char *user_path = accounts_path (data_dir, "users", user);
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) record = NULL;
  g_autofree char *secret = NULL;
  g_autofree char *hash = NULL;
  g_autofree char *path = NULL;
  g_autofree char *created = vitrine_format_date (g_get_real_time () / G_USEC_PER_SEC);
  g_autofree char *name = NULL;

  if (!g_file_test (user_path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, VITRINE_ERROR, VITRINE_ERROR_NOT_FOUND,
                   _("There is no user “%s”."), user);
      return FALSE;
    }
  if (role != VITRINE_ROLE_READ && role != VITRINE_ROLE_WRITE)
    {
      g_set_error_literal (error, VITRINE_ERROR, VITRINE_ERROR_INVALID_ARGUMENT,
                           _("A token’s role is read or write."));
      return FALSE;
    }

  secret = new_token ();
  hash = vitrine_sha256_hex (secret, strlen (secret));
  name = display_name != NULL ? g_strdup (display_name)
                              : g_strdup_printf ("%s-%s", vitrine_role_to_string (role), hash + 56);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "user");
  json_builder_add_string_value (builder, user);
  json_builder_set_member_name (builder, "role");
  json_builder_add_string_value (builder, vitrine_role_to_string (role));
  json_builder_set_member_name (builder, "displayName");
  json_builder_add_string_value (builder, name);
  json_builder_set_member_name (builder, "createdAt");
  json_builder_add_string_value (builder, created);
  json_builder_end_object (builder);
  record = json_builder_get_root (builder);

  path = accounts_path (data_dir, "tokens", hash);
  if (!create_exclusive (path, record, error))
    return FALSE;

  *token = g_steal_pointer (&secret);
  return TRUE;
}

/**
 * vitrine_accounts_add_user:
 * @token: (out): a write token for the new user
 */
gboolean
vitrine_accounts_add_user (const char  *data_dir,
                           const char  *name,
                           char       **token,
                           GError     **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) record = NULL;
  g_autofree char *path = NULL;
  g_autofree char *id = random_hex (12);
  g_autofree char *created = vitrine_format_date (g_get_real_time () / G_USEC_PER_SEC);

  if (!check_new_name (data_dir, name, error))
    return FALSE;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_string_value (builder, id);
  json_builder_set_member_name (builder, "name");
  json_builder_add_string_value (builder, name);
  json_builder_set_member_name (builder, "createdAt");
  json_builder_add_string_value (builder, created);
  json_builder_end_object (builder);
  record = json_builder_get_root (builder);

  path = accounts_path (data_dir, "users", name);
  if (!create_exclusive (path, record, error))
    return FALSE;

  return vitrine_accounts_add_token (data_dir, name, VITRINE_ROLE_WRITE, NULL, token, error);
}

/**
 * vitrine_accounts_add_org:
 * @members: `NAME:ROLE` strings, roles being read, write or admin
 */
gboolean
vitrine_accounts_add_org (const char          *data_dir,
                          const char          *org,
                          const char * const  *members,
                          GError             **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) record = NULL;
  g_autofree char *path = NULL;
  g_autofree char *id = random_hex (12);
  g_autofree char *created = vitrine_format_date (g_get_real_time () / G_USEC_PER_SEC);

  if (!check_new_name (data_dir, org, error))
    return FALSE;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_string_value (builder, id);
  json_builder_set_member_name (builder, "name");
  json_builder_add_string_value (builder, org);
  json_builder_set_member_name (builder, "createdAt");
  json_builder_add_string_value (builder, created);
  json_builder_set_member_name (builder, "members");
  json_builder_begin_object (builder);
  for (guint i = 0; members != NULL && members[i] != NULL; i++)
    {
      const char *colon = strrchr (members[i], ':');
      g_autofree char *member = NULL;
      g_autofree char *member_path = NULL;
      VitrineRole role;

      if (colon == NULL || !vitrine_role_from_string (colon + 1, &role))
        {
          g_set_error (error, VITRINE_ERROR, VITRINE_ERROR_INVALID_ARGUMENT,
                       _("“%s” is not NAME:ROLE, with a role among read, write and admin."), members[i]);
          return FALSE;
        }
      member = g_strndup (members[i], colon - members[i]);
      member_path = accounts_path (data_dir, "users", member);
      if (!vitrine_repo_name_check (member, NULL) || !g_file_test (member_path, G_FILE_TEST_EXISTS))
        {
          g_set_error (error, VITRINE_ERROR, VITRINE_ERROR_NOT_FOUND,
                       _("There is no user “%s”."), member);
          return FALSE;
        }
      json_builder_set_member_name (builder, member);
      json_builder_add_string_value (builder, vitrine_role_to_string (role));
    }
  json_builder_end_object (builder);
  json_builder_end_object (builder);
  record = json_builder_get_root (builder);

  path = accounts_path (data_dir, "orgs", org);
  return create_exclusive (path, record, error);
}

/**
 * vitrine_accounts_authenticate:
 *
 * Returns: (nullable): who the token belongs to, or %NULL when it is not
 *   a valid token here
 */
VitrineCaller *
vitrine_accounts_authenticate (const char *data_dir,
                               const char *token)
{
  g_autofree char *hash = NULL;
  g_autofree char *path = NULL;
  g_autofree char *user_path = NULL;
  g_autoptr(JsonObject) record = NULL;
  VitrineCaller *caller;
  VitrineRole role;

  if (token == NULL || !g_str_has_prefix (token, "hf_") || strlen (token) > 256)
    return NULL;

  hash = vitrine_sha256_hex (token, strlen (token));
  path = accounts_path (data_dir, "tokens", hash);
  record = read_object (path);
  if (record == NULL || vitrine_json_string (record, "user") == NULL ||
      !vitrine_role_from_string (vitrine_json_string (record, "role"), &role))
    return NULL;

  /* A token outlives nothing: no user, no access. */
  user_path = accounts_path (data_dir, "users", vitrine_json_string (record, "user"));
  if (!vitrine_repo_name_check (vitrine_json_string (record, "user"), NULL) ||
      !g_file_test (user_path, G_FILE_TEST_EXISTS))
    return NULL;

  caller = g_new0 (VitrineCaller, 1);
  caller->user = g_strdup (vitrine_json_string (record, "user"));
  caller->token_name = g_strdup (vitrine_json_string (record, "displayName"));
  caller->created_at = g_strdup (vitrine_json_string (record, "createdAt"));
  caller->role = role;
  return caller;
}

/**
 * vitrine_accounts_namespace_role:
 *
 * Returns: what @user may do in namespace @ns: admin in their own, their
 *   role in an organisation they belong to, else nothing
 */
VitrineRole
vitrine_accounts_namespace_role (const char *data_dir,
                                 const char *user,
                                 const char *ns)
{
  g_autofree char *path = NULL;
  g_autoptr(JsonObject) org = NULL;
  JsonNode *members;
  VitrineRole role;

  if (user == NULL || ns == NULL)
    return VITRINE_ROLE_NONE;
  if (g_str_equal (user, ns))
    return VITRINE_ROLE_ADMIN;
  if (!vitrine_repo_name_check (ns, NULL))
    return VITRINE_ROLE_NONE;

  path = accounts_path (data_dir, "orgs", ns);
  org = read_object (path);
  if (org == NULL)
    return VITRINE_ROLE_NONE;
  members = json_object_get_member (org, "members");
  if (members == NULL || !JSON_NODE_HOLDS_OBJECT (members))
    return VITRINE_ROLE_NONE;
  if (!vitrine_role_from_string (vitrine_json_string (json_node_get_object (members), user), &role))
    return VITRINE_ROLE_NONE;
  return role;
}

char *
vitrine_accounts_user_id (const char *data_dir,
                          const char *name)
{
  g_autofree char *path = accounts_path (data_dir, "users", name);
  g_autoptr(JsonObject) record = read_object (path);

  return g_strdup (vitrine_json_string (record, "id"));
}

/**
 * vitrine_accounts_whoami:
 *
 * Returns: (transfer full): the whoami-v2 answer for @caller
 */
JsonNode *
vitrine_accounts_whoami (const char    *data_dir,
                         VitrineCaller *caller)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree char *user_path = accounts_path (data_dir, "users", caller->user);
  g_autofree char *orgs_dir = g_build_filename (data_dir, "accounts", "orgs", NULL);
  g_autoptr(JsonObject) user = read_object (user_path);
  g_autoptr(GDir) dir = g_dir_open (orgs_dir, 0, NULL);
  g_autofree char *email = g_strdup_printf ("%s@localhost", caller->user);
  const char *entry;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "type");
  json_builder_add_string_value (builder, "user");
  json_builder_set_member_name (builder, "id");
  json_builder_add_string_value (builder, vitrine_json_string (user, "id"));
  json_builder_set_member_name (builder, "name");
  json_builder_add_string_value (builder, caller->user);
  json_builder_set_member_name (builder, "fullname");
  json_builder_add_string_value (builder, caller->user);
  json_builder_set_member_name (builder, "email");
  json_builder_add_string_value (builder, email);
  json_builder_set_member_name (builder, "emailVerified");
  json_builder_add_boolean_value (builder, FALSE);
  json_builder_set_member_name (builder, "avatarUrl");
  json_builder_add_string_value (builder, "");
  json_builder_set_member_name (builder, "isPro");
  json_builder_add_boolean_value (builder, FALSE);
  json_builder_set_member_name (builder, "canPay");
  json_builder_add_boolean_value (builder, FALSE);
  json_builder_set_member_name (builder, "periodEnd");
  json_builder_add_null_value (builder);

  json_builder_set_member_name (builder, "orgs");
  json_builder_begin_array (builder);
  while (dir != NULL && (entry = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *org_name = NULL;
      g_autofree char *org_path = NULL;
      g_autoptr(JsonObject) org = NULL;
      VitrineRole role;

      if (!g_str_has_suffix (entry, ".json"))
        continue;
      org_name = g_strndup (entry, strlen (entry) - 5);
      role = vitrine_accounts_namespace_role (data_dir, caller->user, org_name);
      if (role == VITRINE_ROLE_NONE)
        continue;
      org_path = accounts_path (data_dir, "orgs", org_name);
      org = read_object (org_path);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "type");
      json_builder_add_string_value (builder, "org");
      json_builder_set_member_name (builder, "id");
      json_builder_add_string_value (builder, vitrine_json_string (org, "id"));
      json_builder_set_member_name (builder, "name");
      json_builder_add_string_value (builder, org_name);
      json_builder_set_member_name (builder, "fullname");
      json_builder_add_string_value (builder, org_name);
      json_builder_set_member_name (builder, "avatarUrl");
      json_builder_add_string_value (builder, "");
      json_builder_set_member_name (builder, "roleInOrg");
      json_builder_add_string_value (builder, vitrine_role_to_string (role));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "auth");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "type");
  json_builder_add_string_value (builder, "access_token");
  json_builder_set_member_name (builder, "accessToken");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "displayName");
  json_builder_add_string_value (builder, caller->token_name);
  json_builder_set_member_name (builder, "role");
  json_builder_add_string_value (builder, vitrine_role_to_string (caller->role));
  json_builder_set_member_name (builder, "createdAt");
  json_builder_add_string_value (builder, caller->created_at);
  json_builder_end_object (builder);
  json_builder_end_object (builder);

  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}
