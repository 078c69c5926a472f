/* vitrine-folder-rules.c — which files of a folder a publish sends
 *
 * One decision for the folder scan the window shows and the files the
 * publisher sends, so that what the user saw is what goes: the ignore
 * rules (vitrine-ignore.c: defaults, the folder's .gitignore, exclude and
 * include patterns), then files that look like secrets (environment
 * files, private keys, certificate stores, token and credentials files),
 * which stay out unless the user includes them one by one.  Each decision
 * comes with the rule that made it, in words.
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <glib/gi18n.h>

#include "vitrine-folder-rules.h"
#include "vitrine-ignore.h"

/* Content is looked at only in files this small: keys and credentials
 * files are tiny, and model weights are never opened for it. */
#define SNIFF_MAX_SIZE (64 * 1024)

struct _VitrineFolderRules
{
  char          *folder;
  VitrineIgnore *ignore;
  GHashTable    *included_secrets;
};

typedef enum
{
  SECRET_NONE,
  SECRET_ENV,
  SECRET_PRIVATE_KEY,
  SECRET_CERTIFICATE,
  SECRET_CREDENTIALS,
} SecretKind;

/**
 * vitrine_folder_rules_new:
 * @folder: the folder, whose `.gitignore` is read now
 *
 * Returns: (transfer full): the rules, free with vitrine_folder_rules_free()
 */
VitrineFolderRules *
vitrine_folder_rules_new (const char *folder)
{
  VitrineFolderRules *self = g_new0 (VitrineFolderRules, 1);
  g_autofree char *gitignore_path = g_build_filename (folder, ".gitignore", NULL);
  g_autofree char *gitignore = NULL;

  self->folder = g_strdup (folder);
  self->ignore = vitrine_ignore_new ();
  self->included_secrets = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  if (g_file_get_contents (gitignore_path, &gitignore, NULL, NULL))
    vitrine_ignore_add_gitignore (self->ignore, gitignore);
  return self;
}

void
vitrine_folder_rules_add_include (VitrineFolderRules *self,
                                  const char         *pattern)
{
  vitrine_ignore_add_include (self->ignore, pattern);
}

void
vitrine_folder_rules_add_exclude (VitrineFolderRules *self,
                                  const char         *pattern)
{
  vitrine_ignore_add_exclude (self->ignore, pattern);
}

/**
 * vitrine_folder_rules_include_secret:
 * @path: a path relative to the folder, with `/` between components
 *
 * Sends @path even though it looks like a secret.  Ignore rules still
 * apply to it.
 */
void
vitrine_folder_rules_include_secret (VitrineFolderRules *self,
                                     const char         *path)
{
  g_hash_table_add (self->included_secrets, g_strdup (path));
}

gboolean
vitrine_folder_rules_is_included_secret (VitrineFolderRules *self,
                                         const char         *path)
{
  return g_hash_table_contains (self->included_secrets, path);
}

static gboolean
name_matches (const char         *name,
              const char * const *patterns)
{
  for (guint i = 0; patterns[i] != NULL; i++)
    if (g_pattern_match_simple (patterns[i], name))
      return TRUE;
  return FALSE;
}

/* Up to SNIFF_MAX_SIZE bytes of a small regular file, or NULL. */
static char *
read_small (const char *abs_path,
            gsize      *len)
{
  g_autofree char *data = NULL;
  struct stat st;
  ssize_t n;
  int fd;

  *len = 0;
  if (abs_path == NULL)
    return NULL;
  fd = open (abs_path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
  if (fd < 0)
    return NULL;
  if (fstat (fd, &st) != 0 || !S_ISREG (st.st_mode) || st.st_size > SNIFF_MAX_SIZE)
    {
      close (fd);
      return NULL;
    }
  data = g_malloc (st.st_size + 1);
  n = read (fd, data, st.st_size);
  close (fd);
  if (n < 0)
    return NULL;
  data[n] = '\0';
  *len = n;
  return g_steal_pointer (&data);
}

static gboolean
holds_private_key (const char *data,
                   gsize       len)
{
  const char *end;

  if (data == NULL || len < 11 || strncmp (data, "-----BEGIN ", 11) != 0)
    return FALSE;
  end = memchr (data, '\n', len);
  if (end == NULL)
    end = data + len;
  return g_strstr_len (data, end - data, "PRIVATE KEY-----") != NULL;
}

/* An .npmrc or .pypirc holds a secret when it sets one of these. */
static gboolean
holds_registry_token (const char *data,
                      gsize       len)
{
  static const char * const keys[] = { "_authToken", "_auth", "_password", "password", NULL };

  if (data == NULL)
    return FALSE;
  for (guint i = 0; keys[i] != NULL; i++)
    if (g_strstr_len (data, len, keys[i]) != NULL)
      return TRUE;
  return FALSE;
}

static SecretKind
secret_kind (const char *path,
             const char *abs_path)
{
  static const char * const env_names[] = { ".env", ".env.*", "*.env", NULL };
  static const char * const key_names[] = {
    "id_rsa", "id_dsa", "id_ecdsa", "id_ed25519", "id_ecdsa_sk", "id_ed25519_sk", "*.key", NULL
  };
  static const char * const certificate_names[] = { "*.pem", "*.p12", "*.pfx", "*.jks", "*.keystore", NULL };
  static const char * const credentials_names[] = {
    ".netrc", "_netrc", "credentials.json", "credentials", "token", ".git-credentials",
    ".htpasswd", "secrets.json", "secrets.yaml", "secrets.yml", "service-account*.json", NULL
  };
  const char *slash = strrchr (path, '/');
  const char *name = slash != NULL ? slash + 1 : path;
  g_autofree char *data = NULL;
  gsize len = 0;

  if (name_matches (name, env_names))
    return SECRET_ENV;
  if (name_matches (name, key_names))
    return SECRET_PRIVATE_KEY;
  if (name_matches (name, certificate_names))
    return SECRET_CERTIFICATE;
  if (name_matches (name, credentials_names))
    return SECRET_CREDENTIALS;

  data = read_small (abs_path, &len);
  if (g_str_equal (name, ".npmrc") || g_str_equal (name, ".pypirc"))
    return holds_registry_token (data, len) ? SECRET_CREDENTIALS : SECRET_NONE;
  if (holds_private_key (data, len))
    return SECRET_PRIVATE_KEY;
  return SECRET_NONE;
}

/**
 * vitrine_path_looks_secret:
 * @path: a path relative to its folder
 * @abs_path: (nullable): where it is, to look at its first bytes; %NULL
 *   to judge by its name alone
 *
 * Returns: whether the file looks like it holds a secret
 */
gboolean
vitrine_path_looks_secret (const char *path,
                           const char *abs_path)
{
  return secret_kind (path, abs_path) != SECRET_NONE;
}

static char *
secret_rule (SecretKind kind)
{
  switch (kind)
    {
    case SECRET_ENV:
      return g_strdup (_("looks like a secret: an environment file, which often holds passwords and tokens"));
    case SECRET_PRIVATE_KEY:
      return g_strdup (_("looks like a secret: a private key"));
    case SECRET_CERTIFICATE:
      return g_strdup (_("looks like a secret: a certificate or key store"));
    case SECRET_CREDENTIALS:
      return g_strdup (_("looks like a secret: a token or credentials file"));
    case SECRET_NONE:
    default:
      g_assert_not_reached ();
    }
}

static char *
ignore_rule_text (const VitrineIgnoreRule *rule)
{
  switch (rule->source)
    {
    case VITRINE_IGNORE_SOURCE_DEFAULT:
      /* Translators: %s is a pattern, such as “.git” or “__pycache__/”. */
      return g_strdup_printf (_("always left out: %s"), rule->pattern);
    case VITRINE_IGNORE_SOURCE_GITIGNORE:
      /* Translators: “.gitignore line 3: *.log”. */
      return g_strdup_printf (_(".gitignore line %u: %s"), rule->line, rule->pattern);
    case VITRINE_IGNORE_SOURCE_EXCLUDE:
      return g_strdup_printf (_("excluded by the pattern %s"), rule->pattern);
    case VITRINE_IGNORE_SOURCE_INCLUDE:
    default:
      return g_strdup (_("matches none of the patterns to include"));
    }
}

/**
 * vitrine_folder_rules_check:
 * @path: a path relative to the folder, with `/` between components
 * @is_dir: whether @path is a folder
 * @looks_secret: (out) (optional): whether @path looks like a secret,
 *   included or not
 * @rule: (out) (optional) (transfer full) (nullable): the rule that left
 *   it out, in words, such as “.gitignore line 3: *.log”
 *
 * Returns: why @path stays out, or %VITRINE_LEFT_OUT_NONE when it is sent
 */
VitrineLeftOut
vitrine_folder_rules_check (VitrineFolderRules  *self,
                            const char          *path,
                            gboolean             is_dir,
                            gboolean            *looks_secret,
                            char               **rule)
{
  const VitrineIgnoreRule *ignore_rule = NULL;
  g_autofree char *abs_path = NULL;
  SecretKind kind;

  if (looks_secret != NULL)
    *looks_secret = FALSE;
  if (rule != NULL)
    *rule = NULL;

  if (vitrine_ignore_match_rule (self->ignore, path, is_dir, &ignore_rule))
    {
      if (rule != NULL)
        *rule = ignore_rule_text (ignore_rule);
      switch (ignore_rule->source)
        {
        case VITRINE_IGNORE_SOURCE_DEFAULT:
          return VITRINE_LEFT_OUT_ALWAYS;
        case VITRINE_IGNORE_SOURCE_GITIGNORE:
          return VITRINE_LEFT_OUT_GITIGNORE;
        case VITRINE_IGNORE_SOURCE_EXCLUDE:
          return VITRINE_LEFT_OUT_EXCLUDE;
        case VITRINE_IGNORE_SOURCE_INCLUDE:
        default:
          return VITRINE_LEFT_OUT_NOT_INCLUDED;
        }
    }
  if (is_dir)
    return VITRINE_LEFT_OUT_NONE;

  abs_path = g_build_filename (self->folder, path, NULL);
  kind = secret_kind (path, abs_path);
  if (kind == SECRET_NONE)
    return VITRINE_LEFT_OUT_NONE;
  if (looks_secret != NULL)
    *looks_secret = TRUE;
  if (g_hash_table_contains (self->included_secrets, path))
    return VITRINE_LEFT_OUT_NONE;
  if (rule != NULL)
    *rule = secret_rule (kind);
  return VITRINE_LEFT_OUT_SECRET;
}

void
vitrine_folder_rules_free (VitrineFolderRules *self)
{
  if (self == NULL)
    return;
  g_free (self->folder);
  vitrine_ignore_free (self->ignore);
  g_hash_table_unref (self->included_secrets);
  g_free (self);
}
