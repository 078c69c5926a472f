/* vitrine-credentials-async.c — the credentials, asked on a worker thread
 *
 * Looking a token up may ask the desktop keyring over D-Bus, which can
 * take seconds when its daemon is slow to start or a prompt is shown; a
 * window's thread never waits for that.  Each call here is a Request of
 * one Op that run_request() hands to GTask's thread pool, where
 * request_thread() calls its synchronous twin; the answer comes back on
 * the caller's thread-default main context and finish_request() takes it.
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "vitrine-credentials.h"
#include "vitrine-error.h"

typedef enum
{
  OP_RESOLVE,
  OP_LOOKUP,
  OP_STORE,
  OP_FORGET,
} Op;

typedef struct
{
  /* In */
  Op                   op;
  char                *endpoint;
  char                *token;
  VitrineResolveFlags  flags;
  /* Out: interned or static strings that never name the token. */
  const char          *source;
  char                *out_endpoint;
  char                *out_token;
} Request;

static void
wipe_free (char *secret)
{
  if (secret != NULL)
    memset (secret, 0, strlen (secret));
  g_free (secret);
}

static void
request_free (Request *request)
{
  g_free (request->endpoint);
  wipe_free (request->token);
  g_free (request->out_endpoint);
  wipe_free (request->out_token);
  g_free (request);
}

/* Resolution as vitrine_credentials_resolve_async() documents it. */
static gboolean
resolve (Request  *request,
         GError  **error)
{
  if (request->flags & VITRINE_RESOLVE_CONFIGURED_ONLY)
    {
      request->out_endpoint = vitrine_credentials_resolve_endpoint (request->endpoint);
      if (request->out_endpoint == NULL)
        {
          g_set_error_literal (error, VITRINE_ERROR, VITRINE_ERROR_NOT_FOUND,
                               _("No hub is named: neither an endpoint nor HF_ENDPOINT is set."));
          return FALSE;
        }
      request->out_token = vitrine_credentials_lookup_token (request->out_endpoint, request->token, NULL);
      return TRUE;
    }
  if (!vitrine_credentials_resolve (request->endpoint, request->token,
                                    &request->out_endpoint, &request->out_token))
    {
      g_set_error_literal (error, VITRINE_ERROR, VITRINE_ERROR_NOT_FOUND,
                           _("There is no hub to talk to: start Vitrine’s local hub or set HF_ENDPOINT."));
      return FALSE;
    }
  return TRUE;
}

static void
request_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  Request *request = task_data;
  GError *error = NULL;
  gboolean ok = FALSE;

  switch (request->op)
    {
    case OP_RESOLVE:
      ok = resolve (request, &error);
      break;
    case OP_LOOKUP:
      /* No token is an answer too, not an error. */
      request->out_token = vitrine_credentials_lookup_token (request->endpoint, request->token,
                                                             &request->source);
      ok = TRUE;
      break;
    case OP_STORE:
      ok = vitrine_credentials_store_token (request->endpoint, request->token, &request->source, &error);
      break;
    case OP_FORGET:
      ok = vitrine_credentials_forget_token (request->endpoint, &error);
      break;
    default:
      g_assert_not_reached ();
    }

  if (ok)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
run_request (gpointer             source_tag,
             Op                   op,
             const char          *endpoint,
             const char          *token,
             VitrineResolveFlags  flags,
             GCancellable        *cancellable,
             GAsyncReadyCallback  callback,
             gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  Request *request = g_new0 (Request, 1);

  request->op = op;
  request->endpoint = g_strdup (endpoint);
  request->token = g_strdup (token);
  request->flags = flags;
  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, request, (GDestroyNotify) request_free);
  g_task_run_in_thread (task, request_thread);
}

/* The request behind @result when it succeeded, else NULL and @error. */
static Request *
finish_request (GAsyncResult  *result,
                gpointer       source_tag,
                GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == source_tag, NULL);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return NULL;
  return g_task_get_task_data (G_TASK (result));
}

/**
 * vitrine_credentials_resolve_async:
 * @explicit_endpoint: (nullable): an endpoint the user named
 * @explicit_token: (nullable): a token the user gave
 * @flags: whether the local hub may be the answer
 * @cancellable: (nullable): a #GCancellable
 * @callback: called on the caller's thread-default main context
 * @user_data: data for @callback
 *
 * vitrine_credentials_resolve() on a worker thread.  With
 * %VITRINE_RESOLVE_CONFIGURED_ONLY, only the endpoint named or set in
 * HF_ENDPOINT is an answer, with the token that
 * vitrine_credentials_lookup_token() finds for it.
 */
void
vitrine_credentials_resolve_async (const char          *explicit_endpoint,
                                   const char          *explicit_token,
                                   VitrineResolveFlags  flags,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  run_request (vitrine_credentials_resolve_async, OP_RESOLVE, explicit_endpoint, explicit_token,
               flags, cancellable, callback, user_data);
}

/**
 * vitrine_credentials_resolve_finish:
 * @result: the result given to the callback
 * @endpoint: (out): the hub to talk to
 * @token: (out) (nullable): the token to send it
 * @error: return location for a #GError: %VITRINE_ERROR_NOT_FOUND when
 *   there is no hub to talk to
 *
 * Returns: whether there is a hub to talk to
 */
gboolean
vitrine_credentials_resolve_finish (GAsyncResult  *result,
                                    char         **endpoint,
                                    char         **token,
                                    GError       **error)
{
  Request *request = finish_request (result, vitrine_credentials_resolve_async, error);

  g_return_val_if_fail (endpoint != NULL && token != NULL, FALSE);

  *endpoint = request != NULL ? g_steal_pointer (&request->out_endpoint) : NULL;
  *token = request != NULL ? g_steal_pointer (&request->out_token) : NULL;
  return request != NULL;
}

/**
 * vitrine_credentials_lookup_token_async:
 * @endpoint: the endpoint the token is for
 * @explicit_token: (nullable): a token the user gave for this call
 * @cancellable: (nullable): a #GCancellable
 * @callback: called on the caller's thread-default main context
 * @user_data: data for @callback
 *
 * vitrine_credentials_lookup_token() on a worker thread.
 */
void
vitrine_credentials_lookup_token_async (const char          *endpoint,
                                        const char          *explicit_token,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data)
{
  g_return_if_fail (endpoint != NULL);

  run_request (vitrine_credentials_lookup_token_async, OP_LOOKUP, endpoint, explicit_token,
               0, cancellable, callback, user_data);
}

/**
 * vitrine_credentials_lookup_token_finish:
 * @result: the result given to the callback
 * @source: (out) (optional) (nullable): where the token came from, as
 *   vitrine_credentials_lookup_token() says it
 * @error: return location for a #GError (only set when cancelled)
 *
 * Returns: (transfer full) (nullable): the token, or %NULL when there is
 *   none
 */
char *
vitrine_credentials_lookup_token_finish (GAsyncResult  *result,
                                         const char   **source,
                                         GError       **error)
{
  Request *request = finish_request (result, vitrine_credentials_lookup_token_async, error);
  char *token = request != NULL ? g_steal_pointer (&request->out_token) : NULL;

  if (source != NULL)
    *source = token != NULL ? request->source : NULL;
  return token;
}

/**
 * vitrine_credentials_store_token_async:
 * @endpoint: the endpoint the token is for
 * @token: the token
 * @cancellable: (nullable): a #GCancellable
 * @callback: called on the caller's thread-default main context
 * @user_data: data for @callback
 *
 * vitrine_credentials_store_token() on a worker thread.
 */
void
vitrine_credentials_store_token_async (const char          *endpoint,
                                       const char          *token,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  g_return_if_fail (endpoint != NULL);

  run_request (vitrine_credentials_store_token_async, OP_STORE, endpoint, token,
               0, cancellable, callback, user_data);
}

/**
 * vitrine_credentials_store_token_finish:
 * @result: the result given to the callback
 * @where: (out) (optional) (nullable): where the token went, as
 *   vitrine_credentials_store_token() says it
 * @error: return location for a #GError
 *
 * Returns: %TRUE when the token was stored
 */
gboolean
vitrine_credentials_store_token_finish (GAsyncResult  *result,
                                        const char   **where,
                                        GError       **error)
{
  Request *request = finish_request (result, vitrine_credentials_store_token_async, error);

  if (where != NULL)
    *where = request != NULL ? request->source : NULL;
  return request != NULL;
}

/**
 * vitrine_credentials_forget_token_async:
 * @endpoint: the endpoint whose token to forget
 * @cancellable: (nullable): a #GCancellable
 * @callback: called on the caller's thread-default main context
 * @user_data: data for @callback
 *
 * vitrine_credentials_forget_token() on a worker thread.
 */
void
vitrine_credentials_forget_token_async (const char          *endpoint,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data)
{
  g_return_if_fail (endpoint != NULL);

  run_request (vitrine_credentials_forget_token_async, OP_FORGET, endpoint, NULL,
               0, cancellable, callback, user_data);
}

/**
 * vitrine_credentials_forget_token_finish:
 * @result: the result given to the callback
 * @error: return location for a #GError
 *
 * Returns: %TRUE when no stored token remains
 */
gboolean
vitrine_credentials_forget_token_finish (GAsyncResult  *result,
                                         GError       **error)
{
  return finish_request (result, vitrine_credentials_forget_token_async, error) != NULL;
}
