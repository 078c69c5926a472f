/* vitrine-credentials-keyring.c — tokens in the desktop keyring (libsecret)
 *
 * libsecret's synchronous calls wait as long as D-Bus lets them, and
 * activating a keyring daemon that never answers can take that long.  So
 * each call here is made asynchronously on a private main context that is
 * run until the call ends or a timeout cancels it.  One call at a time.
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <libsecret/secret.h>

#include "vitrine-credentials-private.h"
#include "vitrine-error.h"

/* How long the keyring may take to answer at all.  D-Bus activation of a
 * keyring daemon that never comes up must not stall the caller. */
#define KEYRING_PROBE_TIMEOUT_MS 1000
/* How long a keyring that did answer may take over one call. */
#define KEYRING_CALL_TIMEOUT_MS 2000
/* How long to wait for a call to wind down once it has been cancelled. */
#define KEYRING_GRACE_MS 250
/* After the keyring failed to answer, it is left alone this long. */
#define KEYRING_RETRY_SECONDS 60

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

/* Looks up, stores or clears the token kept for @key.  UNAVAILABLE says no
 * keyring answered (the caller falls back to the file); FAILED that one
 * answered and refused, with @error set. */
VitrineKeyringStatus
_vitrine_keyring_call (VitrineKeyringAction   action,
                       const char            *key,
                       const char            *token,
                       char                 **token_out,
                       GError               **error)
{
  g_autoptr(GCancellable) cancellable = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *label = NULL;
  KeyringWait *wait;
  VitrineKeyringStatus status;
  gboolean timed_out = FALSE;
  gboolean ok = FALSE;

  if (!keyring_enter ())
    return VITRINE_KEYRING_UNAVAILABLE;

  cancellable = g_cancellable_new ();
  wait = keyring_wait_new ();

  switch (action)
    {
    case VITRINE_KEYRING_LOOKUP:
      secret_password_lookup (token_schema (), cancellable, on_keyring_ready, wait,
                              "endpoint", key, NULL);
      break;

    case VITRINE_KEYRING_STORE:
      /* Translators: the label of the token in the keyring, as shown by
       * Passwords and Keys; %s is a server address. */
      label = g_strdup_printf (_("Hugging Face token for %s"), key);
      secret_password_store (token_schema (), SECRET_COLLECTION_DEFAULT, label, token,
                             cancellable, on_keyring_ready, wait,
                             "endpoint", key, NULL);
      break;

    case VITRINE_KEYRING_CLEAR:
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
        case VITRINE_KEYRING_LOOKUP:
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

        case VITRINE_KEYRING_STORE:
          ok = secret_password_store_finish (result, &local_error);
          break;

        case VITRINE_KEYRING_CLEAR:
          /* FALSE without an error only says there was nothing to remove. */
          secret_password_clear_finish (result, &local_error);
          ok = local_error == NULL;
          break;

        default:
          g_assert_not_reached ();
        }
    }

  if (ok)
    status = VITRINE_KEYRING_OK;
  else if (result == NULL || timed_out ||
           (local_error != NULL && keyring_error_is_unavailable (local_error)))
    {
      g_debug ("The keyring is unavailable: %s",
               local_error != NULL && !timed_out ? local_error->message : "no answer in time");
      keyring_mark_unavailable ();
      status = VITRINE_KEYRING_UNAVAILABLE;
    }
  else
    {
      /* The keyring answered and said no: locked, or a prompt was dismissed. */
      if (action == VITRINE_KEYRING_CLEAR)
        g_set_error (error, VITRINE_ERROR, VITRINE_ERROR_FAILED,
                     /* Translators: %s is the keyring's reason. */
                     _("The keyring did not remove the token: %s"),
                     local_error != NULL ? local_error->message : _("the request was dismissed"));
      else
        g_set_error (error, VITRINE_ERROR, VITRINE_ERROR_FAILED,
                     /* Translators: %s is the keyring's reason. */
                     _("The keyring did not store the token: %s"),
                     local_error != NULL ? local_error->message : _("the request was dismissed"));
      status = VITRINE_KEYRING_FAILED;
    }

  keyring_leave ();
  return status;
}
