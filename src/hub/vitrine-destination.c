/* vitrine-destination.c — whether a repository can be published to, and
 * how
 *
 * The Destination step checks the name as the user types (the Hub's
 * rules, no network), then, after a short pause, asks the hub about the
 * repository: one of the user's that exists is updated by a new commit;
 * someone else's that the account cannot write to can only get a pull
 * request; a new one is created, if the account may create it there.
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "vitrine-destination.h"
#include "vitrine-error.h"

/**
 * vitrine_destination_check_name:
 * @owner: (nullable): the user or organisation the repository belongs to
 * @name: (nullable): the repository's name, as typed
 * @message: (out) (optional) (transfer full) (nullable): what is wrong,
 *   in a sentence
 *
 * Checks a repository's owner and name against the Hub's rules, without
 * asking anyone.
 *
 * Returns: whether the Hub would take them
 */
gboolean
vitrine_destination_check_name (const char  *owner,
                                const char  *name,
                                char       **message)
{
  g_autoptr(GError) error = NULL;

  if (message != NULL)
    *message = NULL;
  if (owner == NULL || *owner == '\0')
    {
      if (message != NULL)
        *message = g_strdup (_("Choose who the repository belongs to."));
      return FALSE;
    }
  if (name == NULL || *name == '\0')
    {
      if (message != NULL)
        *message = g_strdup (_("Give the repository a name."));
      return FALSE;
    }
  if (!vitrine_repo_name_check (name, &error) || !vitrine_repo_name_check (owner, &error))
    {
      if (message != NULL)
        *message = g_strdup (error->message);
      return FALSE;
    }
  return TRUE;
}

typedef struct
{
  VitrineAccount           *account;
  char                     *namespace_;
  VitrineDestinationStatus  status;
  char                     *message;
  VitrineRepoInfo          *info;
} Check;

static void
check_free (Check *check)
{
  g_clear_object (&check->account);
  g_free (check->namespace_);
  g_free (check->message);
  g_clear_object (&check->info);
  g_free (check);
}

static void
repo_info_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Check *check = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autofree char *why_not = NULL;
  gboolean can_write;

  check->info = vitrine_client_repo_info_finish (VITRINE_CLIENT (source), result, &error);
  can_write = vitrine_account_can_write (check->account, check->namespace_, &why_not);
  if (check->info != NULL)
    {
      if (can_write)
        {
          check->status = VITRINE_DESTINATION_UPDATE;
          check->message = g_strdup (_("This repository exists: publishing adds a new commit to it."));
        }
      else
        {
          check->status = VITRINE_DESTINATION_PULL_REQUEST;
          /* Translators: %s is a user or organisation name. */
          check->message = g_strdup_printf (_("This repository belongs to %s and you cannot write to it: "
                                              "publishing opens a pull request for its owners to accept."),
                                            check->namespace_);
        }
    }
  else if (g_error_matches (error, VITRINE_ERROR, VITRINE_ERROR_REPO_NOT_FOUND) ||
           g_error_matches (error, VITRINE_ERROR, VITRINE_ERROR_NOT_FOUND))
    {
      if (can_write)
        {
          check->status = VITRINE_DESTINATION_NEW;
          check->message = g_strdup (_("No repository has this name yet: publishing creates it."));
        }
      else
        {
          check->status = VITRINE_DESTINATION_NOT_ALLOWED;
          check->message = g_steal_pointer (&why_not);
        }
    }
  else
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  g_task_return_boolean (task, TRUE);
}

/**
 * vitrine_destination_check_async:
 * @account: the account that would publish
 * @repo_id: `owner/name`
 *
 * Checks @repo_id's form, then asks the account's hub whether it exists
 * and compares that with what the account may write.
 */
void
vitrine_destination_check_async (VitrineAccount      *account,
                                 VitrineRepoType      type,
                                 const char          *repo_id,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  Check *check;

  g_return_if_fail (VITRINE_IS_ACCOUNT (account));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, vitrine_destination_check_async);
  check = g_new0 (Check, 1);
  check->account = g_object_ref (account);
  g_task_set_task_data (task, check, (GDestroyNotify) check_free);

  if (!vitrine_repo_id_parse (repo_id, &check->namespace_, NULL, &error))
    {
      check->status = VITRINE_DESTINATION_INVALID;
      check->message = g_strdup (error->message);
      g_task_return_boolean (task, TRUE);
      return;
    }
  vitrine_client_repo_info_async (vitrine_account_get_client (account), type, repo_id, NULL, cancellable,
                                  repo_info_cb, g_steal_pointer (&task));
}

/**
 * vitrine_destination_check_finish:
 * @message: (out) (optional) (transfer full): what the status means, in a
 *   sentence for the user
 * @info: (out) (optional) (transfer full) (nullable): the repository, when
 *   it exists
 *
 * Returns: what publishing there would do; %VITRINE_DESTINATION_INVALID
 *   with @error set when the hub could not be asked
 */
VitrineDestinationStatus
vitrine_destination_check_finish (GAsyncResult     *result,
                                  char            **message,
                                  VitrineRepoInfo **info,
                                  GError          **error)
{
  Check *check;

  g_return_val_if_fail (g_task_is_valid (result, NULL), VITRINE_DESTINATION_INVALID);

  if (message != NULL)
    *message = NULL;
  if (info != NULL)
    *info = NULL;
  if (!g_task_propagate_boolean (G_TASK (result), error))
    return VITRINE_DESTINATION_INVALID;
  check = g_task_get_task_data (G_TASK (result));
  if (message != NULL)
    *message = g_strdup (check->message);
  if (info != NULL && check->info != NULL)
    *info = g_object_ref (check->info);
  return check->status;
}

/**
 * vitrine_destination_supports_gating:
 * @info: (nullable): a repository of the account's hub, when one is known
 *
 * Whether the hub can gate a repository (ask people to accept conditions
 * before they download): huggingface.co and this computer's hub do; of
 * another server, only when it tells a repository's `gated` setting.
 */
gboolean
vitrine_destination_supports_gating (VitrineAccount  *account,
                                     VitrineRepoInfo *info)
{
  g_return_val_if_fail (VITRINE_IS_ACCOUNT (account), FALSE);

  if (vitrine_account_get_kind (account) != VITRINE_ACCOUNT_KIND_OTHER)
    return TRUE;
  return info != NULL && json_object_has_member (vitrine_repo_info_get_json (info), "gated");
}
