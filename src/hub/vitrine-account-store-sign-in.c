/* vitrine-account-store-sign-in.c — signing in to a hub, out of it, and
 * the tokens the Hub's own tools left
 *
 * Signing in asks the hub who the token belongs to before anything is
 * kept: then the token goes to the keyring (else the 0600 file) and the
 * account into the store, replacing one on the same hub.  Signing out
 * forgets the token wherever it was kept, and the account.
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "vitrine-account-private.h"
#include "vitrine-account-store-private.h"
#include "vitrine-credentials.h"
#include "vitrine-error.h"

/* ---- Signing in and out ------------------------------------------------ */

typedef struct
{
  char           *endpoint;
  char           *token;
  VitrineClient  *client;
  VitrineWhoami  *whoami;
  VitrineAccount *account;
} SignIn;

static void
sign_in_free (SignIn *data)
{
  g_free (data->endpoint);
  if (data->token != NULL)
    memset (data->token, 0, strlen (data->token));
  g_free (data->token);
  g_clear_object (&data->client);
  g_clear_object (&data->whoami);
  g_clear_object (&data->account);
  g_free (data);
}

static void
sign_in_saved_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  if (!vitrine_account_store_save_finish (VITRINE_ACCOUNT_STORE (source), result, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
sign_in_stored_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  VitrineAccountStore *self = g_task_get_source_object (task);
  SignIn *data = g_task_get_task_data (task);
  g_autofree char *key = vitrine_credentials_endpoint_key (data->endpoint);
  GCancellable *cancellable;
  GError *error = NULL;
  int i;

  if (!vitrine_credentials_store_token_finish (result, NULL, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  data->account = vitrine_account_new_for_client (data->client, NULL);
  vitrine_account_set_whoami (data->account, data->whoami);
  i = _vitrine_account_store_find_index (self, key);
  if (i >= 0)
    {
      g_object_unref (g_ptr_array_index (self->accounts, i));
      g_ptr_array_index (self->accounts, i) = g_object_ref (data->account);
      _vitrine_account_store_items_changed (self, i, 1, 1);
    }
  else
    {
      g_ptr_array_add (self->accounts, g_object_ref (data->account));
      _vitrine_account_store_items_changed (self, self->accounts->len - 1, 0, 1);
    }
  _vitrine_account_store_update_defaults (self);
  cancellable = g_task_get_cancellable (task);
  vitrine_account_store_save_async (self, cancellable, sign_in_saved_cb, g_steal_pointer (&task));
}

static void
sign_in_whoami_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  SignIn *data = g_task_get_task_data (task);
  GCancellable *cancellable;
  GError *error = NULL;

  data->whoami = vitrine_client_whoami_finish (VITRINE_CLIENT (source), result, &error);
  if (data->whoami == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  cancellable = g_task_get_cancellable (task);
  vitrine_credentials_store_token_async (data->endpoint, data->token, cancellable,
                                         sign_in_stored_cb, g_steal_pointer (&task));
}

/**
 * vitrine_account_store_sign_in_async:
 * @endpoint: the hub's address, such as `https://huggingface.co`
 * @token: an access token made on that hub
 *
 * Asks the hub who @token belongs to; only when it answers is the token
 * kept (keyring, else the 0600 file) and the account added, or updated
 * when the store had one on that hub.
 */
void
vitrine_account_store_sign_in_async (VitrineAccountStore *self,
                                     const char          *endpoint,
                                     const char          *token,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *cleaned = NULL;
  g_autofree char *key = NULL;
  g_autofree char *stripped = token != NULL ? g_strstrip (g_strdup (token)) : NULL;
  SignIn *data;

  g_return_if_fail (VITRINE_IS_ACCOUNT_STORE (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, vitrine_account_store_sign_in_async);

  cleaned = endpoint != NULL ? g_strstrip (g_strdup (endpoint)) : NULL;
  while (cleaned != NULL && g_str_has_suffix (cleaned, "/"))
    cleaned[strlen (cleaned) - 1] = '\0';
  key = cleaned != NULL ? vitrine_credentials_endpoint_key (cleaned) : NULL;
  if (key == NULL ||
      !(g_str_has_prefix (cleaned, "http://") || g_str_has_prefix (cleaned, "https://")))
    {
      g_task_return_new_error (task, VITRINE_ERROR, VITRINE_ERROR_INVALID_ARGUMENT,
                               _("“%s” is not the address of a hub: write it as https://host."),
                               endpoint != NULL ? endpoint : "");
      return;
    }
  if (stripped == NULL || *stripped == '\0')
    {
      g_task_return_new_error (task, VITRINE_ERROR, VITRINE_ERROR_INVALID_ARGUMENT,
                               _("Paste an access token to sign in."));
      return;
    }

  data = g_new0 (SignIn, 1);
  data->endpoint = g_steal_pointer (&cleaned);
  data->token = g_steal_pointer (&stripped);
  data->client = vitrine_client_new (data->endpoint, data->token);
  g_task_set_task_data (task, data, (GDestroyNotify) sign_in_free);
  vitrine_client_whoami_async (data->client, cancellable, sign_in_whoami_cb, g_steal_pointer (&task));
}

/**
 * vitrine_account_store_sign_in_finish:
 * @whoami: (out) (optional) (transfer full): who the hub says the user is:
 *   name, full name, organisations with the user's role, the token's
 *   role and name
 *
 * Returns: (transfer full): the account, or %NULL with @error set
 */
VitrineAccount *
vitrine_account_store_sign_in_finish (VitrineAccountStore  *self,
                                      GAsyncResult         *result,
                                      VitrineWhoami       **whoami,
                                      GError              **error)
{
  SignIn *data;

  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  if (whoami != NULL)
    *whoami = NULL;
  if (!g_task_propagate_boolean (G_TASK (result), error))
    return NULL;
  data = g_task_get_task_data (G_TASK (result));
  if (whoami != NULL)
    *whoami = g_object_ref (data->whoami);
  return g_object_ref (data->account);
}

static void
sign_out_forgotten_cb (GObject      *source,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  VitrineAccountStore *self = g_task_get_source_object (task);
  VitrineAccount *account = g_task_get_task_data (task);
  GCancellable *cancellable;
  GError *error = NULL;
  guint i;

  if (!vitrine_credentials_forget_token_finish (result, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  if (g_ptr_array_find (self->accounts, account, &i))
    {
      g_autofree char *key = _vitrine_account_store_key_of (self, account);

      /* Signed out of the default: "This Computer" is the default again. */
      if (g_strcmp0 (key, self->default_key) == 0)
        g_clear_pointer (&self->default_key, g_free);
      g_ptr_array_remove_index (self->accounts, i);
      _vitrine_account_store_items_changed (self, i, 1, 0);
      _vitrine_account_set_is_default (account, FALSE);
      _vitrine_account_store_update_defaults (self);
    }
  cancellable = g_task_get_cancellable (task);
  vitrine_account_store_save_async (self, cancellable, sign_in_saved_cb, g_steal_pointer (&task));
}

/**
 * vitrine_account_store_sign_out_async:
 * @account: an account of the store other than "This Computer"
 *
 * Forgets the account's token (in the keyring and the token file) and the
 * account.  When it was the default, "This Computer" is again.
 */
void
vitrine_account_store_sign_out_async (VitrineAccountStore *self,
                                      VitrineAccount      *account,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (VITRINE_IS_ACCOUNT_STORE (self));
  g_return_if_fail (VITRINE_IS_ACCOUNT (account));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, vitrine_account_store_sign_out_async);
  g_task_set_task_data (task, g_object_ref (account), g_object_unref);
  if (account == self->local || vitrine_account_get_kind (account) == VITRINE_ACCOUNT_KIND_LOCAL)
    {
      g_task_return_new_error (task, VITRINE_ERROR, VITRINE_ERROR_INVALID_ARGUMENT,
                               _("This Computer cannot be signed out of."));
      return;
    }
  vitrine_credentials_forget_token_async (vitrine_account_get_endpoint (account), cancellable,
                                          sign_out_forgotten_cb, g_steal_pointer (&task));
}

gboolean
vitrine_account_store_sign_out_finish (VitrineAccountStore  *self,
                                       GAsyncResult         *result,
                                       GError              **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

/* ---- A token the user has already -------------------------------------- */

typedef struct
{
  char *token;
  char *where;
} Found;

static void
found_free (Found *found)
{
  if (found->token != NULL)
    memset (found->token, 0, strlen (found->token));
  g_free (found->token);
  g_free (found->where);
  g_free (found);
}

static void
find_thread (GTask        *task,
             gpointer      source,
             gpointer      task_data,
             GCancellable *cancellable)
{
  Found *found = g_new0 (Found, 1);

  found->token = vitrine_credentials_find_hub_token (task_data, &found->where);
  g_task_return_pointer (task, found, (GDestroyNotify) found_free);
}

/**
 * vitrine_account_store_find_importable_token_async:
 * @endpoint: the hub the user signs in to
 *
 * Looks, off the main thread, for a token the Hub's own tools left for
 * @endpoint (huggingface.co, or the hub HF_ENDPOINT names): `HF_TOKEN`,
 * else the Hub's token file, to offer for import.
 */
void
vitrine_account_store_find_importable_token_async (const char          *endpoint,
                                                   GCancellable        *cancellable,
                                                   GAsyncReadyCallback  callback,
                                                   gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (endpoint != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, vitrine_account_store_find_importable_token_async);
  g_task_set_name (task, "vitrine_account_store_find_importable_token");
  g_task_set_task_data (task, g_strdup (endpoint), g_free);
  g_task_run_in_thread (task, find_thread);
}

/**
 * vitrine_account_store_find_importable_token_finish:
 * @where: (out) (optional) (transfer full) (nullable): where it was found:
 *   `HF_TOKEN`, or the path of the token file
 *
 * Returns: (transfer full) (nullable): the token, or %NULL when there is
 *   none (and @error is not set)
 */
char *
vitrine_account_store_find_importable_token_finish (GAsyncResult  *result,
                                                    char         **where,
                                                    GError       **error)
{
  Found *found;
  char *token;

  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  if (where != NULL)
    *where = NULL;
  found = g_task_propagate_pointer (G_TASK (result), error);
  if (found == NULL)
    return NULL;
  token = g_steal_pointer (&found->token);
  if (where != NULL)
    *where = g_steal_pointer (&found->where);
  found_free (found);
  return token;
}
