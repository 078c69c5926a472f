/* vitrine-history-details.c — the History area's third pane: the chosen
 * version
 *
 * Its title, message, author, date and id (with a copy button), the
 * branches and tags on it (a tag can be deleted from its chip), and what
 * it changed against its parent (vitrine-revision-view.c), loaded once
 * the header shows.
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "vitrine-commit-row.h"
#include "vitrine-format.h"
#include "vitrine-history-page-private.h"
#include "vitrine-spinner.h"

static void
on_diff_loaded_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(VitrineHistoryPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(VitrineRevisionDiff) diff = vitrine_revision_diff_load_finish (result, &error);

  /* What another version changed, asked for before this one was chosen. */
  if (g_cancellable_is_cancelled (g_task_get_cancellable (G_TASK (result))) || self->commit == NULL ||
      (diff != NULL && g_strcmp0 (vitrine_revision_diff_get_to (diff), vitrine_commit_get_id (self->commit)) != 0))
    return;
  if (diff == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      gtk_label_set_label (self->changes_error, error->message);
      gtk_stack_set_visible_child_name (self->changes_stack, "error");
      vitrine_spinner_stop (self->changes_spinner);
      return;
    }
  vitrine_revision_view_set_diff (self->revision_view, diff);
  gtk_stack_set_visible_child_name (self->changes_stack, "changes");
  vitrine_spinner_stop (self->changes_spinner);
}

static void load_changes (VitrineHistoryPage *self);

/* The commit below the last one fetched: fetched first. */
static void
on_more_for_parent_cb (VitrineHistoryPage *self)
{
  g_signal_handlers_disconnect_by_func (self->commits, on_more_for_parent_cb, self);
  load_changes (self);
}

static void
load_changes (VitrineHistoryPage *self)
{
  g_autofree char *parent = NULL;

  if (self->commit == NULL)
    return;
  parent = vitrine_commit_list_dup_parent_id (self->commits, self->commit);
  vitrine_spinner_start_soon (self->changes_spinner);
  gtk_stack_set_visible_child_name (self->changes_stack, "loading");
  if (parent == NULL)
    {
      g_signal_connect_object (self->commits, "items-changed", G_CALLBACK (on_more_for_parent_cb), self,
                               G_CONNECT_SWAPPED);
      vitrine_commit_list_load_more (self->commits);
      return;
    }
  vitrine_revision_diff_load_async (_vitrine_history_page_get_client (self),
                                    vitrine_repo_info_get_repo_type (self->repo),
                                    vitrine_repo_info_get_id (self->repo), parent,
                                    vitrine_commit_get_id (self->commit), self->details_cancellable,
                                    on_diff_loaded_cb, g_object_ref (self));
}

static void
fill_refs (VitrineHistoryPage *self)
{
  GListModel *refs = vitrine_commit_get_refs (self->commit);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->refs_box))) != NULL)
    gtk_box_remove (self->refs_box, child);
  for (guint i = 0; i < g_list_model_get_n_items (refs); i++)
    {
      g_autoptr(VitrineRef) ref = g_list_model_get_item (refs, i);

      vitrine_commit_row_add_chip (self->refs_box, ref);
      if (vitrine_ref_get_kind (ref) == VITRINE_REF_TAG)
        {
          GtkWidget *remove = gtk_button_new_from_icon_name ("window-close-symbolic");
          /* Translators: the button that deletes a tag, such as v1. */
          g_autofree char *tooltip = g_strdup_printf (_("Delete the Tag “%s”…"), vitrine_ref_get_name (ref));

          gtk_widget_set_tooltip_text (remove, tooltip);
          gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
          gtk_widget_add_css_class (remove, "flat");
          gtk_widget_add_css_class (remove, "circular");
          gtk_widget_add_css_class (remove, "chip-remove");
          gtk_actionable_set_action_name (GTK_ACTIONABLE (remove), "history.delete-tag");
          gtk_actionable_set_action_target (GTK_ACTIONABLE (remove), "s", vitrine_ref_get_name (ref));
          gtk_box_append (self->refs_box, remove);
        }
    }
}

void
_vitrine_history_page_show_commit (VitrineHistoryPage *self,
                                   VitrineCommit      *commit)
{
  VitrineRevisionDiff *shown = vitrine_revision_view_get_diff (self->revision_view);
  /* The same version again (the list was read again): what it changed
   * is known already. */
  gboolean same = commit != NULL && shown != NULL &&
                  g_strcmp0 (vitrine_revision_diff_get_to (shown), vitrine_commit_get_id (commit)) == 0;

  g_cancellable_cancel (self->details_cancellable);
  g_clear_object (&self->details_cancellable);
  g_set_object (&self->commit, commit);
  if (!same)
    vitrine_revision_view_set_diff (self->revision_view, NULL);
  _vitrine_history_page_update_actions (self);
  if (commit == NULL)
    {
      gtk_stack_set_visible_child_name (self->details_stack, "none");
      return;
    }

  self->details_cancellable = g_cancellable_new ();
  {
    const char *title = vitrine_commit_get_title (commit);
    const char *message = vitrine_commit_get_message (commit);
    GDateTime *when = vitrine_commit_get_date_time (commit);
    g_autofree char *full = when != NULL ? vitrine_format_full_date (when) : NULL;
    g_autofree char *relative = when != NULL ? vitrine_format_relative_date (when, NULL) : NULL;
    g_autofree char *date = when != NULL ? g_strdup_printf ("%s (%s)", full, relative) : g_strdup ("");
    g_autofree char *body = message != NULL ? g_strstrip (g_strdup (message)) : g_strdup ("");

    gtk_label_set_label (self->commit_title, title != NULL && *title != '\0' ? title : _("(No title)"));
    gtk_label_set_label (self->commit_message, body);
    gtk_widget_set_visible (GTK_WIDGET (self->commit_message), *body != '\0');
    adw_action_row_set_subtitle (self->author_row, vitrine_commit_get_author (commit) != NULL
                                                   ? vitrine_commit_get_author (commit) : _("Someone"));
    adw_action_row_set_subtitle (self->date_row, date);
    adw_action_row_set_subtitle (self->id_row, vitrine_commit_get_id (commit));
  }
  fill_refs (self);
  gtk_stack_set_visible_child_name (self->details_stack, "details");
  if (same)
    gtk_stack_set_visible_child_name (self->changes_stack, "changes");
  else
    load_changes (self);
}

void
_vitrine_history_page_on_commit_selected (VitrineHistoryPage *self)
{
  VitrineCommit *commit = gtk_single_selection_get_selected_item (self->commit_selection);

  /* The list is being read again, and the version shown will be chosen
   * again once it is in: its details stay meanwhile. */
  if (commit == self->commit || (commit == NULL && self->wanted_commit != NULL))
    return;
  if (commit != NULL)
    g_clear_pointer (&self->wanted_commit, g_free);
  _vitrine_history_page_show_commit (self, commit);
  if (commit != NULL && adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child (self->leaflet, GTK_WIDGET (self->details_stack));
}
