/* vitrine-card-editor-compare.c — the card editor, comparing with the Hub
 *
 * Compare With the Hub… asks which repository the card goes to, fetches
 * that repository's card, shows what differs and does what the user
 * chooses: merge, use the Hub's, or keep this one.
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "vitrine-accessible.h"
#include "vitrine-card-diff-dialog.h"
#include "vitrine-card-editor-private.h"
#include "vitrine-diff.h"
#include "vitrine-error.h"
#include "vitrine-repo-id.h"

static void
on_remote_card_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  VitrineCardEditor *self = g_task_get_source_object (task);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *mine = NULL;
  g_autofree char *theirs = NULL;
  const char *data;
  gsize len;

  bytes = vitrine_client_read_file_finish (VITRINE_CLIENT (source), result, &error);
  if (bytes == NULL)
    {
      /* No card there yet: publishing will not replace anything. */
      if (g_error_matches (error, VITRINE_ERROR, VITRINE_ERROR_ENTRY_NOT_FOUND))
        g_task_return_pointer (task, NULL, NULL);
      else
        g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  data = g_bytes_get_data (bytes, &len);
  if (!g_utf8_validate_len (data, len, NULL) || (len > 0 && memchr (data, '\0', len) != NULL))
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                               _("The card on the Hub is not UTF-8 text."));
      return;
    }
  mine = vitrine_card_document_get_text (self->document);
  theirs = g_strndup (data, len);
  g_task_set_task_data (task, vitrine_diff_unified (theirs, mine, _("On the Hub"), _("Yours"), 3), g_free);
  g_task_return_pointer (task, g_steal_pointer (&theirs), g_free);
}

/**
 * vitrine_card_editor_compare_async:
 *
 * Fetches the card on the Hub (the client's endpoint, the repository set
 * with vitrine_card_editor_set_repo_id(), its main branch) to compare it
 * with this one.
 */
void
vitrine_card_editor_compare_async (VitrineCardEditor   *self,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);
  VitrineClient *client = _vitrine_card_editor_ensure_client (self);
  const char *repo_id = self->repo_id;

  g_task_set_source_tag (task, vitrine_card_editor_compare_async);
  if (client == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_CONNECTED,
                               _("There is no hub to compare with: start Vitrine’s local hub or set HF_ENDPOINT."));
      return;
    }
  if (repo_id == NULL)
    {
      g_task_return_new_error (task, VITRINE_ERROR, VITRINE_ERROR_INVALID_REPO_ID,
                               _("Say which repository to compare with."));
      return;
    }
  vitrine_client_read_file_async (client, VITRINE_REPO_TYPE_MODEL, repo_id, NULL, "README.md",
                                  VITRINE_CARD_MAX_SIZE, cancellable, on_remote_card_cb,
                                  g_steal_pointer (&task));
}

/**
 * vitrine_card_editor_compare_finish:
 * @diff: (out) (optional): a unified diff from the Hub's card to this one,
 *   empty when they are the same
 *
 * Returns: (transfer full) (nullable): the card on the Hub; %NULL with
 *   @error unset when the repository has no card
 */
char *
vitrine_card_editor_compare_finish (VitrineCardEditor  *self,
                                    GAsyncResult       *result,
                                    char              **diff,
                                    GError            **error)
{
  char *theirs;

  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  theirs = g_task_propagate_pointer (G_TASK (result), error);
  if (diff != NULL)
    *diff = theirs != NULL ? g_strdup (g_task_get_task_data (G_TASK (result))) : NULL;
  return theirs;
}

static void
on_diff_response_cb (VitrineCardDiffDialog *dialog,
                     const char            *response,
                     VitrineCardEditor     *self)
{
  const char *theirs = g_object_get_data (G_OBJECT (dialog), "theirs");

  if (g_str_equal (response, "merge"))
    {
      g_autoptr(GPtrArray) conflicts = NULL;
      g_autoptr(GError) error = NULL;

      if (!vitrine_card_editor_merge (self, theirs, &conflicts, &error))
        _vitrine_card_editor_toast (self, error->message);
      else if (conflicts->len == 0)
        _vitrine_card_editor_toast (self, _("Took the Hub’s changes into your card. Undo takes them back."));
      else
        {
          g_autofree char *names = NULL;
          g_autofree char *message = NULL;

          g_ptr_array_add (conflicts, NULL);
          names = g_strjoinv (", ", (char **) conflicts->pdata);
          /* Translators: %s is a list of metadata keys, such as “license, tags”. */
          message = g_strdup_printf (_("Took the Hub’s changes; yours were kept where both changed: %s."), names);
          _vitrine_card_editor_toast (self, message);
        }
    }
  else if (g_str_equal (response, "theirs"))
    {
      vitrine_card_editor_take_theirs (self, theirs);
      _vitrine_card_editor_toast (self, _("Your card is now the Hub’s. Undo brings yours back."));
    }
  else
    vitrine_card_editor_keep_mine (self, theirs);
  g_object_set_data (G_OBJECT (dialog), "answered", GINT_TO_POINTER (TRUE));
  _vitrine_card_editor_compared (self, response);
}

/* Closed without an answer. */
static void
on_diff_destroyed_cb (VitrineCardDiffDialog *dialog,
                      VitrineCardEditor     *self)
{
  if (g_object_get_data (G_OBJECT (dialog), "answered") == NULL)
    _vitrine_card_editor_compared (self, "");
}

static void
on_compare_done_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  VitrineCardEditor *self = VITRINE_CARD_EDITOR (source);
  const char *repo_id = self->repo_id;
  g_autoptr(GError) error = NULL;
  g_autofree char *diff = NULL;
  g_autofree char *theirs = vitrine_card_editor_compare_finish (self, result, &diff, &error);
  g_autofree char *mine = NULL;
  VitrineCardDiffDialog *dialog;
  GtkRoot *root;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "card.compare", TRUE);
  _vitrine_card_editor_set_status (self, "");
  if (error != NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          _vitrine_card_editor_toast (self, error->message);
          _vitrine_card_editor_compared (self, "failed");
        }
      return;
    }
  if (theirs == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("%s has no model card on the Hub yet: publishing adds yours."), repo_id);
      _vitrine_card_editor_toast (self, message);
      _vitrine_card_editor_compared (self, "absent");
      return;
    }
  if (*diff == '\0')
    {
      _vitrine_card_editor_toast (self, _("The card on the Hub is the same as yours."));
      vitrine_card_editor_keep_mine (self, theirs);
      _vitrine_card_editor_compared (self, "same");
      return;
    }

  root = gtk_widget_get_root (GTK_WIDGET (self));
  mine = vitrine_card_document_get_text (self->document);
  dialog = vitrine_card_diff_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, repo_id, theirs, mine);
  g_object_set_data_full (G_OBJECT (dialog), "theirs", g_steal_pointer (&theirs), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_diff_response_cb), self, 0);
  g_signal_connect_object (dialog, "destroy", G_CALLBACK (on_diff_destroyed_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/**
 * vitrine_card_editor_compare_with_hub:
 * @repo_id: the repository the card goes to, on the editor's hub
 *
 * Fetches that repository's card and, when it differs, shows what
 * differs and does what the user chooses, as Compare With the Hub… does
 * after asking for the repository.  #VitrineCardEditor::compared says
 * how it ended.
 */
void
vitrine_card_editor_compare_with_hub (VitrineCardEditor *self,
                                      const char        *repo_id)
{
  g_return_if_fail (VITRINE_IS_CARD_EDITOR (self));
  g_return_if_fail (repo_id != NULL);

  vitrine_card_editor_set_repo_id (self, repo_id);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "card.compare", FALSE);
  _vitrine_card_editor_set_status (self, _("Fetching the card on the Hub…"));
  vitrine_card_editor_compare_async (self, self->cancellable, on_compare_done_cb, NULL);
}

static void
on_repo_dialog_response_cb (AdwMessageDialog  *dialog,
                            const char        *response,
                            VitrineCardEditor *self)
{
  GtkEditable *entry = GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog));
  g_autoptr(GError) error = NULL;
  g_autofree char *repo_id = NULL;

  if (g_strcmp0 (response, "compare") != 0)
    return;
  repo_id = g_strstrip (g_strdup (gtk_editable_get_text (entry)));
  if (!vitrine_repo_id_parse (repo_id, NULL, NULL, &error))
    {
      _vitrine_card_editor_toast (self, error->message);
      return;
    }
  vitrine_card_editor_compare_with_hub (self, repo_id);
}

void
_vitrine_card_editor_compare_action (GtkWidget  *widget,
                                     const char *action_name,
                                     GVariant   *parameter)
{
  VitrineCardEditor *self = VITRINE_CARD_EDITOR (widget);
  const char *repo_id = self->repo_id;
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *dialog;
  GtkWidget *entry;

  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   _("Compare With the Hub"),
                                   _("Which repository will this card go to? Vitrine fetches its card and shows what differs, so nothing edited on the Hub is lost when you publish."));
  entry = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("owner/name, such as alice/bert-imdb"));
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Repository"), -1);
  if (repo_id != NULL)
    gtk_editable_set_text (GTK_EDITABLE (entry), repo_id);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "compare", _("C_ompare"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "compare", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "compare");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_repo_dialog_response_cb), self, 0);
  vitrine_accessible_repair (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}
