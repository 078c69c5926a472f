/* vitrine-credentials-async.c — the credentials, asked on a worker thread
 *
 * Looking a token up may ask the desktop keyring over D-Bus, which can
 * take seconds when its daemon is slow to start or a prompt is shown; a
 * window's thread never waits for that.  Each call here runs its
 * synchronous twin in GTask's thread pool and reports on the caller's
 * thread-default main context.
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

typedef struct
{
  /* In */
  char                *endpoint;
  char                *token;
  VitrineResolveFlags  flags;
  /* Out: interned or static strings that never name the token. */
  const char          *source;
} Request;

static void
request_free (Request *request)
{
  g_free (request->endpoint);
  if (request->token != NULL)
    memset (request->token, 0, strlen (request->token));
  g_free (request->token);
  g_free (request);
}

static GTask *
request_task (gpointer             source_tag,
              const char          *endpoint,
              const char          *token,
              GCancellable        *cancellable,
              GAsyncReadyCallback  callback,
              gpointer             user_data)
{
  GTask *task = g_task_new (NULL, cancellable, callback, user_data);
  Request *request = g_new0 (Request, 1);

  request->endpoint = g_strdup (endpoint);
  request->token = g_strdup (token);
  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, request, (GDestroyNotify) request_free);
  return task;
}

/* The endpoint and token, as one value a task can return. */
typedef struct
{
  char *endpoint;
  char *token;
} Resolved;

static void
resolved_free (Resolved *resolved)
{
  g_free (resolved->endpoint);
  if (resolved->token != NULL)
    memset (resolved->token, 0, strlen (resolved->token));
  g_free (resolved->token);
  g_free (resolved);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Resolved, resolved_free)

static void
resolve_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  Request *request = task_data;
  g_autoptr(Resolved) resolved = g_new0 (Resolved, 1);

  if (request->flags & VITRINE_RESOLVE_CONFIGURED_ONLY)
    {
      resolved->endpoint = vitrine_credentials_resolve_endpoint (request->endpoint);
      if (resolved->endpoint == NULL)
        {
          g_task_return_new_error (task, VITRINE_ERROR, VITRINE_ERROR_NOT_FOUND,
                                   _("No hub is named: neither an endpoint nor HF_ENDPOINT is set."));
          return;
        }
      resolved->token = vitrine_credentials_lookup_token (resolved->endpoint, request->token, NULL);
    }
  else if (!vitrine_credentials_resolve (request->endpoint, request->token,
                                         &resolved->endpoint, &resolved->token))
    {
      g_task_return_new_error (task, VITRINE_ERROR, VITRINE_ERROR_NOT_FOUND,
                               _("There is no hub to talk to: start Vitrine’s local hub or set HF_ENDPOINT."));
      return;
    }

  g_task_return_pointer (task, g_steal_pointer (&resolved), (GDestroyNotify) resolved_free);
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
  g_autoptr(GTask) task = request_task (vitrine_credentials_resolve_async,
                                        explicit_endpoint, explicit_token,
                                        cancellable, callback, user_data);
  Request *request = g_task_get_task_data (task);

  request->flags = flags;
  g_task_run_in_thread (task, resolve_thread);
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
  g_autoptr(Resolved) resolved = NULL;

  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == vitrine_credentials_resolve_async, FALSE);
  g_return_val_if_fail (endpoint != NULL && token != NULL, FALSE);

  *endpoint = NULL;
  *token = NULL;
  resolved = g_task_propagate_pointer (G_TASK (result), error);
  if (resolved == NULL)
    return FALSE;

  *endpoint = g_steal_pointer (&resolved->endpoint);
  *token = g_steal_pointer (&resolved->token);
  return TRUE;
}

static void
lookup_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  Request *request = task_data;

  g_task_return_pointer (task,
                         vitrine_credentials_lookup_token (request->endpoint, request->token,
                                                           &request->source),
                         g_free);
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
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (endpoint != NULL);

  task = request_task (vitrine_credentials_lookup_token_async, endpoint, explicit_token,
                       cancellable, callback, user_data);
  g_task_run_in_thread (task, lookup_thread);
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
  char *token;

  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == vitrine_credentials_lookup_token_async, NULL);

  if (source != NULL)
    *source = NULL;
  token = g_task_propagate_pointer (G_TASK (result), error);
  if (token != NULL && source != NULL)
    *source = ((Request *) g_task_get_task_data (G_TASK (result)))->source;
  return token;
}

static void
store_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  Request *request = task_data;
  GError *error = NULL;

  if (vitrine_credentials_store_token (request->endpoint, request->token, &request->source, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
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
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (endpoint != NULL);

  task = request_task (vitrine_credentials_store_token_async, endpoint, token,
                       cancellable, callback, user_data);
  g_task_run_in_thread (task, store_thread);
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
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == vitrine_credentials_store_token_async, FALSE);

  if (where != NULL)
    *where = NULL;
  if (!g_task_propagate_boolean (G_TASK (result), error))
    return FALSE;
  if (where != NULL)
    *where = ((Request *) g_task_get_task_data (G_TASK (result)))->source;
  return TRUE;
}

static void
forget_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  Request *request = task_data;
  GError *error = NULL;

  if (vitrine_credentials_forget_token (request->endpoint, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
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
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (endpoint != NULL);

  task = request_task (vitrine_credentials_forget_token_async, endpoint, NULL,
                       cancellable, callback, user_data);
  g_task_run_in_thread (task, forget_thread);
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
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == vitrine_credentials_forget_token_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
