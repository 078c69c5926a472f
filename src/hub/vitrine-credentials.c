/* vitrine-credentials.c — where the endpoint and the token come from
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <string.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <libsecret/secret.h>

#include "vitrine-credentials.h"
#include "vitrine-discovery.h"
#include "vitrine-error.h"
#include "vitrine-hub-types.h"

/* How long the keyring may take to answer at all.  D-Bus activation of a
 * keyring daemon that never comes up must not stall the caller. */
#define KEYRING_PROBE_TIMEOUT_MS 1000
/* How long a keyring that did answer may take over one call. */
#define KEYRING_CALL_TIMEOUT_MS 2000
/* How long to wait for a call to wind down once it has been cancelled. */
#define KEYRING_GRACE_MS 250
/* After the keyring failed to answer, it is left alone this long. */
#define KEYRING_RETRY_SECONDS 60

/* Token files larger than this are not token files. */
#define MAX_TOKEN_FILE_SIZE 4096
/* A redacted token shows its last characters only when this many remain
 * hidden before them. */
#define REDACT_MIN_HIDDEN 8
#define REDACT_SHOWN 4

/*
 * Tokens
 */

/* Drops CR and LF anywhere, then surrounding whitespace, as the Hub's own
 * tools do. */
static char *
strip_token (const char *raw)
{
  GString *cleaned = g_string_sized_new (strlen (raw));

  for (const char *p = raw; *p != '\0'; p++)
    if (*p != '\r' && *p != '\n')
      g_string_append_c (cleaned, *p);

  g_strstrip (cleaned->str);
  return g_string_free (cleaned, FALSE);
}

/* Whether @token can travel in an `Authorization` header as is. */
static gboolean
token_is_sendable (const char *token)
{
  if (*token == '\0')
    return FALSE;

  for (const char *p = token; *p != '\0'; p++)
    if ((guchar) *p < 0x21 || (guchar) *p > 0x7e)
      return FALSE;

  return TRUE;
}

/* The cleaned token in @raw, or %NULL when it holds none or an unusable one.
 * @what names where it came from, for the log; never the token itself. */
static char *
take_token (const char *raw,
            const char *what)
{
  g_autofree char *token = NULL;

  if (raw == NULL)
    return NULL;

  token = strip_token (raw);
  if (*token == '\0')
    return NULL;

  if (!token_is_sendable (token))
    {
      g_message ("Ignoring the token from %s: it contains spaces or control characters", what);
      return NULL;
    }

  return g_steal_pointer (&token);
}

static gboolean
env_is_true (const char *name)
{
  const char *value = g_getenv (name);

  if (value == NULL)
    return FALSE;

  return g_strcmp0 (value, "1") == 0 ||
         g_ascii_strcasecmp (value, "ON") == 0 ||
         g_ascii_strcasecmp (value, "YES") == 0 ||
         g_ascii_strcasecmp (value, "TRUE") == 0;
}

/*
 * Endpoints
 */

static void
strip_trailing_slashes (char *s)
{
  gsize length = strlen (s);

  while (length > 0 && s[length - 1] == '/')
    s[--length] = '\0';
}

/* @value without surrounding whitespace and trailing slashes, or %NULL when
 * nothing is left. */
static char *
clean_endpoint (const char *value)
{
  g_autofree char *endpoint = NULL;

  if (value == NULL)
    return NULL;

  endpoint = g_strstrip (g_strdup (value));
  strip_trailing_slashes (endpoint);
  if (*endpoint == '\0')
    return NULL;

  return g_steal_pointer (&endpoint);
}

/* The form under which a token is kept for @endpoint: scheme and host in
 * lower case, no default port, no user info, query or trailing slash, so
 * that `https://HuggingFace.co:443/` and `https://huggingface.co` share
 * their token. */
static char *
endpoint_key (const char *endpoint)
{
  g_autofree char *cleaned = clean_endpoint (endpoint);
  g_autoptr(GUri) uri = NULL;
  g_autofree char *scheme = NULL;
  g_autofree char *host = NULL;
  g_autofree char *path = NULL;

  if (cleaned == NULL)
    return NULL;

  uri = g_uri_parse (cleaned, G_URI_FLAGS_ENCODED | G_URI_FLAGS_SCHEME_NORMALIZE, NULL);
  if (uri == NULL || g_uri_get_host (uri) == NULL || *g_uri_get_host (uri) == '\0')
    return g_steal_pointer (&cleaned);

  scheme = g_ascii_strdown (g_uri_get_scheme (uri), -1);
  host = g_ascii_strdown (g_uri_get_host (uri), -1);
  path = g_strdup (g_uri_get_path (uri));
  strip_trailing_slashes (path);

  return g_uri_join (G_URI_FLAGS_ENCODED, scheme, NULL, host,
                     g_uri_get_port (uri), path, NULL, NULL);
}

/* Whether the Hub's own token file is meant for the endpoint with @key:
 * the public Hub, or whatever HF_ENDPOINT points the Hub's tools at. */
static gboolean
key_is_hub (const char *key)
{
  g_autofree char *hub = endpoint_key (VITRINE_DEFAULT_ENDPOINT);
  g_autofree char *configured = endpoint_key (g_getenv ("HF_ENDPOINT"));

  return g_strcmp0 (key, hub) == 0 ||
         (configured != NULL && g_strcmp0 (key, configured) == 0);
}

/*
 * Paths
 */

static char *
expand_home (const char *path)
{
  if (path[0] == '~' && (path[1] == '\0' || path[1] == G_DIR_SEPARATOR))
    return g_build_filename (g_get_home_dir (), path + 1, NULL);

  return g_strdup (path);
}

/* Read from the environment on every call, unlike g_get_user_config_dir(),
 * so that a changed XDG_CONFIG_HOME is honoured. */
static char *
vitrine_config_dir (void)
{
  const char *config = g_getenv ("XDG_CONFIG_HOME");

  if (config != NULL && g_path_is_absolute (config))
    return g_build_filename (config, "vitrine", NULL);

  return g_build_filename (g_get_home_dir (), ".config", "vitrine", NULL);
}

/* $HF_TOKEN_PATH, else $HF_HOME/token, else
 * $XDG_CACHE_HOME/huggingface/token, else ~/.cache/huggingface/token. */
static char *
hub_token_path (void)
{
  const char *value;
  g_autofree char *dir = NULL;

  value = g_getenv ("HF_TOKEN_PATH");
  if (value != NULL && *value != '\0')
    return expand_home (value);

  value = g_getenv ("HF_HOME");
  if (value != NULL && *value != '\0')
    {
      dir = expand_home (value);
      return g_build_filename (dir, "token", NULL);
    }

  value = g_getenv ("XDG_CACHE_HOME");
  if (value != NULL && *value != '\0')
    {
      dir = expand_home (value);
      return g_build_filename (dir, "huggingface", "token", NULL);
    }

  return g_build_filename (g_get_home_dir (), ".cache", "huggingface", "token", NULL);
}

/* @path with the home folder shown as `~`, as a string that lives as long
 * as the process. */
static const char *
intern_display_path (const char *prefix,
                     const char *path)
{
  const char *home = g_get_home_dir ();
  gsize home_length = strlen (home);
  g_autofree char *display = NULL;
  g_autofree char *shown = NULL;

  if (home_length > 1 &&
      strncmp (path, home, home_length) == 0 &&
      path[home_length] == G_DIR_SEPARATOR)
    display = g_strconcat ("~", path + home_length, NULL);
  else
    display = g_filename_display_name (path);

  shown = g_strconcat (prefix, display, NULL);
  return g_intern_string (shown);
}

/*
 * The Hub's token file
 */

static char *
hub_file_lookup (void)
{
  g_autofree char *path = hub_token_path ();
  g_autofree char *contents = NULL;
  gsize length = 0;
  g_autoptr(GError) local_error = NULL;

  if (!g_file_get_contents (path, &contents, &length, &local_error))
    {
      if (!g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        g_debug ("Cannot read the Hub token file: %s", local_error->message);
      return NULL;
    }

  if (length > MAX_TOKEN_FILE_SIZE || memchr (contents, '\0', length) != NULL)
    {
      g_message ("Ignoring the Hub token file: it does not hold a token");
      return NULL;
    }

  return take_token (contents, "the Hub token file");
}

/*
 * Vitrine's token file, for machines without a keyring
 */

static char *
tokens_file_path (void)
{
  g_autofree char *dir = vitrine_config_dir ();

  return g_build_filename (dir, "tokens", NULL);
}

/* GKeyFile groups cannot hold `[` or `]`, which IPv6 hosts need. */
static char *
tokens_group (const char *key)
{
  return g_uri_escape_string (key, "!$&'()*+,;=:@/?#", FALSE);
}

static gboolean
tokens_file_load (GKeyFile    *keyfile,
                  const char  *path,
                  GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *display = NULL;

  if (g_key_file_load_from_file (keyfile, path, G_KEY_FILE_NONE, &local_error))
    return TRUE;
  if (g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
    return TRUE;

  display = g_filename_display_name (path);
  /* GKeyFile's own parse errors quote lines of the file, which may hold a
   * token: they are not repeated. */
  if (local_error->domain == G_KEY_FILE_ERROR)
    g_set_error (error, VITRINE_ERROR, VITRINE_ERROR_FAILED,
                 /* Translators: %s is a file path. */
                 _("The token file %s is damaged"), display);
  else
    g_set_error (error, VITRINE_ERROR, VITRINE_ERROR_FAILED,
                 /* Translators: the first %s is a file path, the second the reason. */
                 _("Could not read the token file %s: %s"), display, local_error->message);
  return FALSE;
}

static gboolean
tokens_file_save (GKeyFile    *keyfile,
                  const char  *path,
                  GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *data = NULL;
  gsize length = 0;
  g_autoptr(GError) local_error = NULL;
  gboolean saved;

  if (g_mkdir_with_parents (dir, 0700) != 0 || g_chmod (dir, 0700) != 0)
    {
      int saved_errno = errno;
      g_autofree char *display = g_filename_display_name (dir);

      g_set_error (error, VITRINE_ERROR, VITRINE_ERROR_FAILED,
                   /* Translators: the first %s is a folder path, the second the reason. */
                   _("Could not create the folder %s: %s"), display, g_strerror (saved_errno));
      return FALSE;
    }

  data = g_key_file_to_data (keyfile, &length, NULL);
  /* Written next to the file, then renamed over it: never half a file, and
   * never a moment where the tokens are readable by others. */
  saved = g_file_set_contents_full (path, data, length,
                                    G_FILE_SET_CONTENTS_CONSISTENT, 0600,
                                    &local_error);
  memset (data, 0, length);

  if (!saved)
    {
      g_autofree char *display = g_filename_display_name (path);

      g_set_error (error, VITRINE_ERROR, VITRINE_ERROR_FAILED,
                   /* Translators: the first %s is a file path, the second the reason. */
                   _("Could not save the token file %s: %s"), display, local_error->message);
      return FALSE;
    }

  return TRUE;
}

static char *
tokens_file_lookup (const char  *key,
                    const char **source)
{
  g_autofree char *path = tokens_file_path ();
  g_autofree char *group = tokens_group (key);
  g_autoptr(GKeyFile) keyfile = g_key_file_new ();
  g_autoptr(GError) local_error = NULL;
  g_autofree char *value = NULL;
  char *token;

  if (!tokens_file_load (keyfile, path, &local_error))
    {
      g_debug ("%s", local_error->message);
      return NULL;
    }

  value = g_key_file_get_string (keyfile, group, "token", NULL);
  token = take_token (value, "Vitrine's token file");
  if (token != NULL && source != NULL)
    *source = intern_display_path ("file ", path);

  return token;
}

static gboolean
tokens_file_store (const char  *key,
                   const char  *token,
                   char       **path_out,
                   GError     **error)
{
  g_autofree char *path = tokens_file_path ();
  g_autofree char *group = tokens_group (key);
  g_autoptr(GKeyFile) keyfile = g_key_file_new ();

  if (!tokens_file_load (keyfile, path, error))
    return FALSE;

  g_key_file_set_string (keyfile, group, "token", token);
  if (!tokens_file_save (keyfile, path, error))
    return FALSE;

  *path_out = g_steal_pointer (&path);
  return TRUE;
}

static gboolean
tokens_file_remove (const char  *key,
                    GError     **error)
{
  g_autofree char *path = tokens_file_path ();
  g_autofree char *group = tokens_group (key);
  g_autoptr(GKeyFile) keyfile = g_key_file_new ();
  g_auto(GStrv) groups = NULL;

  if (!tokens_file_load (keyfile, path, error))
    return FALSE;
  if (!g_key_file_has_group (keyfile, group))
    return TRUE;

  g_key_file_remove_group (keyfile, group, NULL);
  groups = g_key_file_get_groups (keyfile, NULL);
  if (groups[0] != NULL)
    return tokens_file_save (keyfile, path, error);

  if (g_unlink (path) != 0 && errno != ENOENT)
    {
      int saved_errno = errno;
      g_autofree char *display = g_filename_display_name (path);

      g_set_error (error, VITRINE_ERROR, VITRINE_ERROR_FAILED,
                   /* Translators: the first %s is a file path, the second the reason. */
                   _("Could not remove the token file %s: %s"), display, g_strerror (saved_errno));
      return FALSE;
    }

  return TRUE;
}

/*
 * The keyring
 *
 * libsecret's synchronous calls wait as long as D-Bus lets them, and
 * activating a keyring daemon that never answers can take that long.  So
 * each call here is made asynchronously on a private main context that is
 * run until the call ends or a timeout cancels it.  One call at a time.
 */

typedef enum
{
  KEYRING_OK,
  KEYRING_UNAVAILABLE,
  KEYRING_FAILED,
} KeyringStatus;

typedef enum
{
  KEYRING_LOOKUP,
  KEYRING_STORE,
  KEYRING_CLEAR,
} KeyringAction;

static GMutex keyring_lock;
static GMainContext *keyring_main_context;
/* Monotonic time before which the keyring is not tried again. */
static gint64 keyring_retry_after;

static const SecretSchema *
token_schema (void)
{
  static const SecretSchema schema = {
    .name = "io.github.vitrine.Vitrine.Token",
    .flags = SECRET_SCHEMA_NONE,
    .attributes = {
      { "endpoint", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { NULL, 0 },
    },
  };

  return &schema;
}

/* Outlives the caller when a call is abandoned: the late callback then
 * drops the last reference. */
typedef struct
{
  gboolean      done;
  GAsyncResult *result;
} KeyringWait;

static void
keyring_wait_clear (gpointer data)
{
  KeyringWait *wait = data;

  g_clear_object (&wait->result);
}

static void
keyring_wait_unref (KeyringWait *wait)
{
  g_atomic_rc_box_release_full (wait, keyring_wait_clear);
}

static void
on_keyring_ready (GObject      *source_object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  KeyringWait *wait = user_data;

  wait->result = g_object_ref (result);
  wait->done = TRUE;
  keyring_wait_unref (wait);
}

typedef struct
{
  GCancellable *cancellable;
  gboolean      expired;
  gboolean      gave_up;
} KeyringTimer;

static gboolean
on_keyring_expired (gpointer user_data)
{
  KeyringTimer *timer = user_data;

  timer->expired = TRUE;
  g_cancellable_cancel (timer->cancellable);
  return G_SOURCE_REMOVE;
}

static gboolean
on_keyring_gave_up (gpointer user_data)
{
  KeyringTimer *timer = user_data;

  timer->gave_up = TRUE;
  return G_SOURCE_REMOVE;
}

static GSource *
keyring_add_timeout (guint        timeout_ms,
                     GSourceFunc  callback,
                     gpointer     user_data)
{
  GSource *source = g_timeout_source_new (timeout_ms);

  g_source_set_callback (source, callback, user_data, NULL);
  g_source_attach (source, keyring_main_context);
  return source;
}

/* Runs the private context until the call that will complete @wait ends,
 * cancelling @cancellable after @timeout_ms.  Consumes the caller's
 * reference to @wait.  Returns the call's result, or %NULL when it did not
 * end even once cancelled. */
static GAsyncResult *
keyring_wait_run (KeyringWait  *wait,
                  GCancellable *cancellable,
                  guint         timeout_ms,
                  gboolean     *timed_out)
{
  KeyringTimer timer = { cancellable, FALSE, FALSE };
  GSource *expire;
  GSource *give_up;
  GAsyncResult *result = NULL;

  expire = keyring_add_timeout (timeout_ms, on_keyring_expired, &timer);
  give_up = keyring_add_timeout (timeout_ms + KEYRING_GRACE_MS, on_keyring_gave_up, &timer);

  while (!wait->done && !timer.gave_up)
    g_main_context_iteration (keyring_main_context, TRUE);

  g_source_destroy (expire);
  g_source_unref (expire);
  g_source_destroy (give_up);
  g_source_unref (give_up);

  if (wait->done)
    result = g_object_ref (wait->result);
  *timed_out = timer.expired;
  keyring_wait_unref (wait);

  return result;
}

static KeyringWait *
keyring_wait_new (void)
{
  /* One reference for the caller, one for the callback. */
  KeyringWait *wait = g_atomic_rc_box_new0 (KeyringWait);

  return g_atomic_rc_box_acquire (wait);
}

static void
keyring_mark_unavailable (void)
{
  keyring_retry_after = g_get_monotonic_time () + KEYRING_RETRY_SECONDS * G_USEC_PER_SEC;
}

/* Whether the keyring answers at all: opening a session needs the daemon,
 * but never a prompt. */
static gboolean
keyring_probe (void)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(SecretService) service = NULL;
  KeyringWait *wait = keyring_wait_new ();
  gboolean timed_out = FALSE;

  secret_service_get (SECRET_SERVICE_OPEN_SESSION, cancellable, on_keyring_ready, wait);
  result = keyring_wait_run (wait, cancellable, KEYRING_PROBE_TIMEOUT_MS, &timed_out);
  if (result == NULL)
    {
      g_debug ("No keyring answered within %u ms", KEYRING_PROBE_TIMEOUT_MS);
      return FALSE;
    }

  service = secret_service_get_finish (result, &local_error);
  if (service == NULL)
    {
      g_debug ("No keyring: %s", timed_out ? "no answer in time" : local_error->message);
      return FALSE;
    }

  return TRUE;
}

/* Locks the keyring for this thread and checks that it answers.  On %TRUE,
 * keyring_leave() must follow. */
static gboolean
keyring_enter (void)
{
  g_mutex_lock (&keyring_lock);

  if (keyring_retry_after != 0 && g_get_monotonic_time () < keyring_retry_after)
    {
      g_mutex_unlock (&keyring_lock);
      return FALSE;
    }

  if (keyring_main_context == NULL)
    keyring_main_context = g_main_context_new ();
  g_main_context_push_thread_default (keyring_main_context);

  if (!keyring_probe ())
    {
      keyring_mark_unavailable ();
      g_main_context_pop_thread_default (keyring_main_context);
      g_mutex_unlock (&keyring_lock);
      return FALSE;
    }

  keyring_retry_after = 0;
  return TRUE;
}

static void
keyring_leave (void)
{
  g_main_context_pop_thread_default (keyring_main_context);
  g_mutex_unlock (&keyring_lock);
}

/* Errors that say no keyring can be reached, rather than that one refused:
 * the bus, the daemon or the default collection is missing, or the call
 * was cut short. */
static gboolean
keyring_error_is_unavailable (const GError *error)
{
  return error->domain == G_DBUS_ERROR ||
         error->domain == G_IO_ERROR ||
         error->domain == G_SPAWN_ERROR ||
         g_error_matches (error, SECRET_ERROR, SECRET_ERROR_NO_SUCH_OBJECT);
}

static KeyringStatus
keyring_call (KeyringAction   action,
              const char     *key,
              const char     *token,
              char          **token_out,
              GError        **error)
{
  g_autoptr(GCancellable) cancellable = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *label = NULL;
  KeyringWait *wait;
  KeyringStatus status;
  gboolean timed_out = FALSE;
  gboolean ok = FALSE;

  if (!keyring_enter ())
    return KEYRING_UNAVAILABLE;

  cancellable = g_cancellable_new ();
  wait = keyring_wait_new ();

  switch (action)
    {
    case KEYRING_LOOKUP:
      secret_password_lookup (token_schema (), cancellable, on_keyring_ready, wait,
                              "endpoint", key, NULL);
      break;

    case KEYRING_STORE:
      /* Translators: the label of the token in the keyring, as shown by
       * Passwords and Keys; %s is a server address. */
      label = g_strdup_printf (_("Hugging Face token for %s"), key);
      secret_password_store (token_schema (), SECRET_COLLECTION_DEFAULT, label, token,
                             cancellable, on_keyring_ready, wait,
                             "endpoint", key, NULL);
      break;

    case KEYRING_CLEAR:
      secret_password_clear (token_schema (), cancellable, on_keyring_ready, wait,
                             "endpoint", key, NULL);
      break;

    default:
      g_assert_not_reached ();
    }

  result = keyring_wait_run (wait, cancellable, KEYRING_CALL_TIMEOUT_MS, &timed_out);

  if (result != NULL)
    {
      switch (action)
        {
        case KEYRING_LOOKUP:
          {
            char *password = secret_password_lookup_finish (result, &local_error);

            if (password != NULL)
              {
                *token_out = g_strdup (password);
                secret_password_free (password);
              }
            ok = local_error == NULL;
          }
          break;

        case KEYRING_STORE:
          ok = secret_password_store_finish (result, &local_error);
          break;

        case KEYRING_CLEAR:
          /* FALSE without an error only says there was nothing to remove. */
          secret_password_clear_finish (result, &local_error);
          ok = local_error == NULL;
          break;

        default:
          g_assert_not_reached ();
        }
    }

  if (ok)
    status = KEYRING_OK;
  else if (result == NULL || timed_out ||
           (local_error != NULL && keyring_error_is_unavailable (local_error)))
    {
      g_debug ("The keyring is unavailable: %s",
               local_error != NULL && !timed_out ? local_error->message : "no answer in time");
      keyring_mark_unavailable ();
      status = KEYRING_UNAVAILABLE;
    }
  else
    {
      /* The keyring answered and said no: locked, or a prompt was dismissed. */
      if (action == KEYRING_CLEAR)
        g_set_error (error, VITRINE_ERROR, VITRINE_ERROR_FAILED,
                     /* Translators: %s is the keyring's reason. */
                     _("The keyring did not remove the token: %s"),
                     local_error != NULL ? local_error->message : _("the request was dismissed"));
      else
        g_set_error (error, VITRINE_ERROR, VITRINE_ERROR_FAILED,
                     /* Translators: %s is the keyring's reason. */
                     _("The keyring did not store the token: %s"),
                     local_error != NULL ? local_error->message : _("the request was dismissed"));
      status = KEYRING_FAILED;
    }

  keyring_leave ();
  return status;
}

/*
 * Public API
 */

/**
 * vitrine_credentials_resolve_endpoint:
 * @explicit_endpoint: (nullable): an endpoint the user named, such as the
 *   value of `--endpoint`
 *
 * Finds the Hub endpoint to talk to, as the Hub's own tools do:
 * @explicit_endpoint when given, else the `HF_ENDPOINT` environment
 * variable.  Surrounding whitespace and trailing slashes are removed.
 *
 * Returns: (transfer full) (nullable): the endpoint, or %NULL when none is
 *   configured and the caller should use the local hub
 */
char *
vitrine_credentials_resolve_endpoint (const char *explicit_endpoint)
{
  char *endpoint = clean_endpoint (explicit_endpoint);

  if (endpoint != NULL)
    return endpoint;

  return clean_endpoint (g_getenv ("HF_ENDPOINT"));
}

/* The token kept for @key: keyring, else the tokens file. */
static char *
stored_lookup (const char  *key,
               const char **source)
{
  char *token = NULL;

  if (keyring_call (KEYRING_LOOKUP, key, NULL, &token, NULL) == KEYRING_OK && token != NULL)
    {
      g_autofree char *stored = g_steal_pointer (&token);

      token = take_token (stored, "the keyring");
      if (token != NULL)
        {
          if (source != NULL)
            *source = "keyring";
          return token;
        }
    }
  g_clear_pointer (&token, g_free);

  return tokens_file_lookup (key, source);
}

/**
 * vitrine_credentials_lookup_stored_token:
 *
 * The token Vitrine itself keeps for @endpoint (keyring, else its 0600
 * file), never one from the environment or the Hub's own files.
 *
 * Returns: (transfer full) (nullable): the token
 */
char *
vitrine_credentials_lookup_stored_token (const char *endpoint)
{
  g_autofree char *key = endpoint_key (endpoint);

  return key != NULL ? stored_lookup (key, NULL) : NULL;
}

/**
 * vitrine_credentials_lookup_token:
 * @endpoint: the endpoint the token is for, such as %VITRINE_DEFAULT_ENDPOINT
 * @explicit_token: (nullable): a token the user gave for this call
 * @source: (out) (optional) (nullable): where the token came from, a short
 *   description that never contains the token
 *
 * Finds the token to send to @endpoint, in this order: @explicit_token; the
 * `HF_TOKEN` environment variable (or the older `HUGGING_FACE_HUB_TOKEN`); a
 * token stored with vitrine_credentials_store_token() for @endpoint, in the
 * keyring or else in Vitrine's token file; and, for the public Hub or the
 * endpoint named by `HF_ENDPOINT`, the token file of the Hub's own tools.
 *
 * When `HF_HUB_DISABLE_IMPLICIT_TOKEN` is set to a true value, the
 * environment and the Hub's token file are not consulted.  Whitespace, CR
 * and LF around a token are removed; a token with spaces or control
 * characters inside is not used.  An explicit token that is unusable is not
 * replaced by another one.
 *
 * Returns: (transfer full) (nullable): the token, or %NULL when there is none
 */
char *
vitrine_credentials_lookup_token (const char  *endpoint,
                                  const char  *explicit_token,
                                  const char **source)
{
  g_autofree char *key = NULL;
  gboolean implicit;
  char *token = NULL;

  if (source != NULL)
    *source = NULL;

  g_return_val_if_fail (endpoint != NULL, NULL);

  if (explicit_token != NULL)
    {
      g_autofree char *stripped = strip_token (explicit_token);

      if (*stripped != '\0')
        {
          token = take_token (stripped, "the explicit token");
          if (token != NULL && source != NULL)
            *source = "explicit";
          return token;
        }
    }

  implicit = !env_is_true ("HF_HUB_DISABLE_IMPLICIT_TOKEN");

  if (implicit)
    {
      const char *names[] = { "HF_TOKEN", "HUGGING_FACE_HUB_TOKEN" };

      for (guint i = 0; i < G_N_ELEMENTS (names); i++)
        {
          token = take_token (g_getenv (names[i]), names[i]);
          if (token != NULL)
            {
              if (source != NULL)
                *source = names[i];
              return token;
            }
        }
    }

  key = endpoint_key (endpoint);
  if (key == NULL)
    return NULL;

  token = stored_lookup (key, source);
  if (token != NULL)
    return token;

  if (implicit && key_is_hub (key))
    {
      token = hub_file_lookup ();
      if (token != NULL)
        {
          if (source != NULL)
            *source = "huggingface token file";
          return token;
        }
    }

  return NULL;
}

/**
 * vitrine_credentials_store_token:
 * @endpoint: the endpoint the token is for
 * @token: the token
 * @where: (out) (optional) (nullable): where the token went: `keyring`, or
 *   the path of the file it was written to
 * @error: return location for a #GError
 *
 * Keeps @token for @endpoint, in the desktop keyring when one answers, and
 * otherwise (no Secret Service on the session bus, no bus at all) in
 * `$XDG_CONFIG_HOME/vitrine/tokens`, readable by the owner only.  Storing
 * in the keyring removes any copy of an earlier token from that file.  When
 * the keyring answers but refuses, for example because its unlock prompt
 * was dismissed, the token is not written to the file either.
 *
 * Returns: %TRUE when the token was stored
 */
gboolean
vitrine_credentials_store_token (const char  *endpoint,
                                 const char  *token,
                                 const char **where,
                                 GError     **error)
{
  g_autofree char *key = NULL;
  g_autofree char *cleaned = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) local_error = NULL;

  if (where != NULL)
    *where = NULL;

  g_return_val_if_fail (endpoint != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  key = endpoint_key (endpoint);
  if (key == NULL)
    {
      g_set_error_literal (error, VITRINE_ERROR, VITRINE_ERROR_INVALID_ARGUMENT,
                           _("No endpoint was given for the token"));
      return FALSE;
    }

  cleaned = token != NULL ? strip_token (token) : g_strdup ("");
  if (*cleaned == '\0')
    {
      g_set_error_literal (error, VITRINE_ERROR, VITRINE_ERROR_INVALID_ARGUMENT,
                           _("The token is empty"));
      return FALSE;
    }
  if (!token_is_sendable (cleaned))
    {
      g_set_error_literal (error, VITRINE_ERROR, VITRINE_ERROR_INVALID_ARGUMENT,
                           _("The token contains spaces or control characters"));
      return FALSE;
    }

  switch (keyring_call (KEYRING_STORE, key, cleaned, NULL, error))
    {
    case KEYRING_OK:
      if (!tokens_file_remove (key, &local_error))
        g_debug ("Could not remove the older token from the file: %s", local_error->message);
      if (where != NULL)
        *where = "keyring";
      return TRUE;

    case KEYRING_FAILED:
      return FALSE;

    case KEYRING_UNAVAILABLE:
      break;

    default:
      g_assert_not_reached ();
    }

  if (!tokens_file_store (key, cleaned, &path, error))
    return FALSE;

  if (where != NULL)
    *where = g_intern_string (path);
  return TRUE;
}

/**
 * vitrine_credentials_forget_token:
 * @endpoint: the endpoint whose token to forget
 * @error: return location for a #GError
 *
 * Removes the token stored for @endpoint from the keyring and from
 * Vitrine's token file.  Forgetting a token that was never stored is not an
 * error.  Tokens in the environment or in the Hub's own token file are left
 * alone.
 *
 * Returns: %TRUE when no stored token remains
 */
gboolean
vitrine_credentials_forget_token (const char  *endpoint,
                                  GError     **error)
{
  g_autofree char *key = NULL;
  g_autoptr(GError) keyring_error = NULL;
  g_autoptr(GError) file_error = NULL;
  KeyringStatus status;
  gboolean file_ok;

  g_return_val_if_fail (endpoint != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  key = endpoint_key (endpoint);
  if (key == NULL)
    {
      g_set_error_literal (error, VITRINE_ERROR, VITRINE_ERROR_INVALID_ARGUMENT,
                           _("No endpoint was given for the token"));
      return FALSE;
    }

  status = keyring_call (KEYRING_CLEAR, key, NULL, NULL, &keyring_error);
  file_ok = tokens_file_remove (key, &file_error);

  if (status == KEYRING_FAILED)
    {
      g_propagate_error (error, g_steal_pointer (&keyring_error));
      return FALSE;
    }
  if (!file_ok)
    {
      g_propagate_error (error, g_steal_pointer (&file_error));
      return FALSE;
    }

  return TRUE;
}

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

/**
 * vitrine_credentials_local_hub_token_key:
 * @data_dir: (nullable): the local hub's data folder
 *
 * The name the user's token for the local hub on @data_dir is kept under:
 * its port changes from one start to the next, its folder does not.
 */
char *
vitrine_credentials_local_hub_token_key (const char *data_dir)
{
  return g_strconcat ("vitrine-local-hub:", data_dir != NULL ? data_dir : "", NULL);
}

/**
 * vitrine_credentials_resolve:
 * @explicit_endpoint: (nullable): an endpoint the user named
 * @explicit_token: (nullable): a token the user gave
 * @endpoint: (out): the hub to talk to
 * @token: (out) (nullable): the token to send it
 *
 * The hub and token a client of the user's should use: the endpoint named
 * (else HF_ENDPOINT) with its token, else the local hub Vitrine runs with
 * the token kept for it (never HF_TOKEN, which is for another hub).
 *
 * Returns: whether there is a hub to talk to
 */
gboolean
vitrine_credentials_resolve (const char  *explicit_endpoint,
                             const char  *explicit_token,
                             char       **endpoint,
                             char       **token)
{
  g_autofree char *data_dir = NULL;
  g_autofree char *key = NULL;

  *token = NULL;
  *endpoint = vitrine_credentials_resolve_endpoint (explicit_endpoint);
  if (*endpoint != NULL)
    {
      *token = vitrine_credentials_lookup_token (*endpoint, explicit_token, NULL);
      return TRUE;
    }
  if (!vitrine_discovery_read (endpoint, NULL, &data_dir))
    return FALSE;
  if (explicit_token != NULL)
    *token = vitrine_credentials_lookup_token (*endpoint, explicit_token, NULL);
  if (*token == NULL)
    {
      key = vitrine_credentials_local_hub_token_key (data_dir);
      *token = vitrine_credentials_lookup_stored_token (key);
    }
  return TRUE;
}
