/* vitrine-history-restore.c — Restore This Version…: a new version of a
 * branch with the files of an older one
 *
 * What will change is listed before anything is done, and the restore is
 * one commit whose parent is the head that list was made against.  When
 * someone publishes to the branch meanwhile, the hub refuses it: nothing
 * is overwritten, the list is made again against what is there now and
 * shown again.  Once done, a toast offers Undo, which restores the head
 * the restore was made on.
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "vitrine-accessible.h"
#include "vitrine-error.h"
#include "vitrine-history-page-private.h"

/* Files listed in the confirmation at most. */
#define MAX_LISTED_CHANGES 50

typedef struct
{
  VitrineHistoryPage *self;
  char               *title;       /* the version's */
  char               *commit_id;
  gboolean            again;       /* the branch moved since the last plan */
  gboolean            undo;        /* undoing a restore: no question asked */
} Restore;

static void
restore_free (Restore *r)
{
  g_object_unref (r->self);
  g_free (r->title);
  g_free (r->commit_id);
  g_free (r);
}

static void plan_restore (Restore *r);

/* What restoring does to a file, for the confirmation. */
static char *
describe_restore (VitrineFileChange *change)
{
  g_autofree char *before = g_format_size (vitrine_file_change_get_old_size (change));
  g_autofree char *after = g_format_size (vitrine_file_change_get_new_size (change));

  switch (vitrine_file_change_get_kind (change))
    {
    case VITRINE_CHANGE_KIND_ADDED:
      /* Translators: a file the restore brings back, with its size. */
      return g_strdup_printf (_("Comes back · %s"), after);
    case VITRINE_CHANGE_KIND_DELETED:
      /* Translators: a file the restore removes, with its size now. */
      return g_strdup_printf (_("Removed · %s now"), before);
    case VITRINE_CHANGE_KIND_MODIFIED:
    default:
      /* Translators: a file the restore changes back: its size now, then. */
      return g_strdup_printf (_("Changed back · %s → %s"), before, after);
    }
}

static GtkWidget *
changes_list (GListModel *changes)
{
  GtkWidget *scroll = gtk_scrolled_window_new ();
  GtkWidget *list = gtk_list_box_new ();
  guint n = g_list_model_get_n_items (changes);

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("What restoring changes"), -1);
  for (guint i = 0; i < MIN (n, MAX_LISTED_CHANGES); i++)
    {
      g_autoptr(VitrineFileChange) change = g_list_model_get_item (changes, i);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *subtitle = describe_restore (change);

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), vitrine_file_change_get_path (change));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_list_box_append (GTK_LIST_BOX (list), row);
    }
  if (n > MAX_LISTED_CHANGES)
    {
      GtkWidget *row = adw_action_row_new ();
      guint rest = n - MAX_LISTED_CHANGES;
      g_autofree char *title = g_strdup_printf (ngettext ("And %u more file", "And %u more files", rest), rest);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      gtk_list_box_append (GTK_LIST_BOX (list), row);
    }
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroll), list);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroll), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroll), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroll), 260);
  return scroll;
}

static void
on_restored_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  Restore *r = g_object_get_data (G_OBJECT (user_data), "restore");
  VitrineRestorePlan *plan = user_data;
  VitrineHistoryPage *self = r->self;
  g_autoptr(GError) error = NULL;
  g_autofree char *commit_id = NULL;

  if (!vitrine_client_restore_commit_finish (VITRINE_CLIENT (source), result, &commit_id, &error))
    {
      /* Someone published meanwhile: nothing was overwritten; the list
       * of changes is made again, against what is there now. */
      if (g_error_matches (error, VITRINE_ERROR, VITRINE_ERROR_PRECONDITION_FAILED))
        {
          Restore *again = g_new0 (Restore, 1);

          again->self = g_object_ref (self);
          again->title = g_strdup (r->title);
          again->commit_id = g_strdup (r->commit_id);
          again->again = TRUE;
          again->undo = r->undo;
          _vitrine_history_page_changed (self);
          plan_restore (again);
        }
      else
        _vitrine_history_page_toast (self, error->message);
      g_object_unref (plan);
      return;
    }

  if (commit_id != NULL)
    {
      AdwToast *toast;
      /* Translators: %s is the title of the version that was restored. */
      g_autofree char *message = r->undo ? g_strdup (_("Undid the restore: the files are as they were before."))
                                         : g_strdup_printf (_("Restored “%s” as a new version."), r->title);

      toast = adw_toast_new (message);
      if (!r->undo)
        {
          /* Undo restores the head the restore was made on. */
          adw_toast_set_button_label (toast, _("_Undo"));
          adw_toast_set_action_name (toast, "history.undo-restore");
          adw_toast_set_action_target_value (toast, g_variant_new_string (vitrine_restore_plan_get_head_id (plan)));
        }
      vitrine_accessible_show_toast (self->toast_overlay, toast);
      g_free (self->wanted_commit);
      self->wanted_commit = g_strdup (commit_id);
      _vitrine_history_page_changed (self);
    }
  g_object_unref (plan);
}

static void
commit_restore (VitrineRestorePlan *plan)
{
  Restore *r = g_object_get_data (G_OBJECT (plan), "restore");
  g_autofree char *short_commit = _vitrine_history_short_id (r->commit_id);
  /* Translators: the title of the commit that restores a version:
   * “Restore “Better weights” (3f2a9c1)”. */
  g_autofree char *summary = g_strdup_printf (_("Restore “%s” (%s)"), r->title, short_commit);

  vitrine_client_restore_commit_async (_vitrine_history_page_get_client (r->self), plan, summary, NULL, NULL,
                                       on_restored_cb, plan);
}

static void
on_confirm_response_cb (AdwMessageDialog   *dialog,
                        const char         *response,
                        VitrineRestorePlan *plan)
{
  if (g_str_equal (response, "restore"))
    commit_restore (g_object_ref (plan));
}

static void
confirm_restore (VitrineRestorePlan *plan)
{
  Restore *r = g_object_get_data (G_OBJECT (plan), "restore");
  VitrineHistoryPage *self = r->self;
  const char *branch = vitrine_restore_plan_get_branch (plan);
  g_autofree char *short_commit = _vitrine_history_short_id (r->commit_id);
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  /* Translators: %1$s is a branch (main), %2$s a version's title, %3$s its
   * short id. */
  body = g_strdup_printf (_("A new version on %1$s will have the files of “%2$s” (%3$s). The versions since stay "
                            "in the history: restoring the version before the new one undoes it."),
                          branch, r->title, short_commit);
  if (r->again)
    {
      g_autofree char *first = g_strdup_printf (_("Someone published to %s meanwhile; this is what restoring "
                                                  "changes now."), branch);
      g_autofree char *both = g_strconcat (first, "\n\n", body, NULL);

      g_free (body);
      body = g_steal_pointer (&both);
    }
  dialog = adw_message_dialog_new (_vitrine_history_page_get_window (self), _("Restore This Version?"), body);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog),
                                      changes_list (vitrine_restore_plan_get_changes (plan)));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "restore", _("_Restore"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "restore", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "plan", g_object_ref (plan), g_object_unref);
  g_signal_connect (dialog, "response", G_CALLBACK (on_confirm_response_cb), plan);
  vitrine_accessible_repair (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_planned_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  Restore *r = user_data;
  g_autoptr(GError) error = NULL;
  VitrineRestorePlan *plan = vitrine_client_plan_restore_finish (VITRINE_CLIENT (source), result, &error);

  gtk_widget_action_set_enabled (GTK_WIDGET (r->self), "history.restore",
                                 r->self->commit != NULL && !_vitrine_history_page_is_branch_head (r->self, r->self->commit));
  if (plan == NULL)
    {
      _vitrine_history_page_toast (r->self, error->message);
      restore_free (r);
      return;
    }
  g_object_set_data_full (G_OBJECT (plan), "restore", r, (GDestroyNotify) restore_free);
  if (vitrine_restore_plan_is_empty (plan))
    {
      g_autofree char *message = g_strdup_printf (_("%s has the files of this version already."),
                                                  vitrine_restore_plan_get_branch (plan));
      _vitrine_history_page_toast (r->self, message);
      g_object_unref (plan);
    }
  else if (r->undo)
    commit_restore (plan);
  else
    {
      confirm_restore (plan);
      g_object_unref (plan);
    }
}

static void
plan_restore (Restore *r)
{
  VitrineHistoryPage *self = r->self;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "history.restore", FALSE);
  vitrine_client_plan_restore_async (_vitrine_history_page_get_client (self), vitrine_repo_info_get_repo_type (self->repo), vitrine_repo_info_get_id (self->repo),
                                     _vitrine_history_page_get_branch (self), r->commit_id, NULL, on_planned_cb, r);
}

void
_vitrine_history_restore_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  VitrineHistoryPage *self = VITRINE_HISTORY_PAGE (widget);
  Restore *r = g_new0 (Restore, 1);
  const char *title = vitrine_commit_get_title (self->commit);

  r->self = g_object_ref (self);
  r->commit_id = g_strdup (vitrine_commit_get_id (self->commit));
  r->title = title != NULL && *title != '\0' ? g_strdup (title) : _vitrine_history_short_id (r->commit_id);
  plan_restore (r);
}

/* The toast's Undo: the head before the restore, restored. */
void
_vitrine_history_undo_restore_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  VitrineHistoryPage *self = VITRINE_HISTORY_PAGE (widget);
  Restore *r = g_new0 (Restore, 1);

  if (self->repo == NULL)
    return;
  r->self = g_object_ref (self);
  r->commit_id = g_strdup (g_variant_get_string (parameter, NULL));
  r->title = _vitrine_history_short_id (r->commit_id);
  r->undo = TRUE;
  plan_restore (r);
}
