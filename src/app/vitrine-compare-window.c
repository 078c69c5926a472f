/* vitrine-compare-window.c — what changed between any two versions of a
 * repository
 *
 * Two choosers (commits, tags and branches, searchable) and the same
 * view of files and card as a version's details.  Choosing another
 * version compares again; a comparison still on its way is dropped.
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "vitrine-accessible.h"
#include "vitrine-compare-window.h"

struct _VitrineCompareWindow
{
  AdwWindow            parent_instance;

  VitrineClient       *client;
  VitrineRepoType      type;
  char                *repo_id;
  GtkStringList       *labels;
  GPtrArray           *revisions;
  GCancellable        *cancellable;
  gboolean             choosing;

  GtkDropDown         *from_dropdown;
  GtkDropDown         *to_dropdown;
  GtkStack            *stack;
  GtkSpinner          *spinner;
  AdwStatusPage       *error_status;
  VitrineRevisionView *view;
};

G_DEFINE_FINAL_TYPE (VitrineCompareWindow, vitrine_compare_window, ADW_TYPE_WINDOW)

static void
on_compared_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(VitrineCompareWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(VitrineRevisionDiff) diff = vitrine_revision_diff_load_finish (result, &error);

  if (g_cancellable_is_cancelled (g_task_get_cancellable (G_TASK (result))))
    return;
  g_clear_object (&self->cancellable);
  gtk_spinner_stop (self->spinner);
  if (diff == NULL)
    {
      adw_status_page_set_description (self->error_status, error->message);
      gtk_stack_set_visible_child_name (self->stack, "error");
      return;
    }
  vitrine_revision_view_set_diff (self->view, diff);
  gtk_stack_set_visible_child_name (self->stack, "changes");
}

static void
compare_chosen (VitrineCompareWindow *self)
{
  guint from = gtk_drop_down_get_selected (self->from_dropdown);
  guint to = gtk_drop_down_get_selected (self->to_dropdown);

  if (self->choosing || from >= self->revisions->len || to >= self->revisions->len)
    return;
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  gtk_spinner_start (self->spinner);
  gtk_stack_set_visible_child_name (self->stack, "loading");
  vitrine_revision_diff_load_async (self->client, self->type, self->repo_id,
                                    g_ptr_array_index (self->revisions, from),
                                    g_ptr_array_index (self->revisions, to),
                                    self->cancellable, on_compared_cb, g_object_ref (self));
}

static guint
index_of (VitrineCompareWindow *self,
          const char           *revision)
{
  for (guint i = 0; i < self->revisions->len; i++)
    if (g_str_equal (g_ptr_array_index (self->revisions, i), revision))
      return i;
  return GTK_INVALID_LIST_POSITION;
}

/**
 * vitrine_compare_window_add_revision:
 * @revision: a branch, tag or commit id
 * @label: how the choosers show it
 */
void
vitrine_compare_window_add_revision (VitrineCompareWindow *self,
                                     const char           *revision,
                                     const char           *label)
{
  g_return_if_fail (VITRINE_IS_COMPARE_WINDOW (self));

  if (index_of (self, revision) != GTK_INVALID_LIST_POSITION)
    return;
  self->choosing = TRUE;
  g_ptr_array_add (self->revisions, g_strdup (revision));
  gtk_string_list_append (self->labels, label);
  self->choosing = FALSE;
}

/**
 * vitrine_compare_window_compare:
 *
 * Chooses @from and @to (added to the choosers if they are not there)
 * and compares them.
 */
void
vitrine_compare_window_compare (VitrineCompareWindow *self,
                                const char           *from,
                                const char           *to)
{
  g_return_if_fail (VITRINE_IS_COMPARE_WINDOW (self));

  vitrine_compare_window_add_revision (self, from, from);
  vitrine_compare_window_add_revision (self, to, to);
  self->choosing = TRUE;
  gtk_drop_down_set_selected (self->from_dropdown, index_of (self, from));
  gtk_drop_down_set_selected (self->to_dropdown, index_of (self, to));
  self->choosing = FALSE;
  compare_chosen (self);
}

VitrineRevisionView *
vitrine_compare_window_get_view (VitrineCompareWindow *self)
{
  g_return_val_if_fail (VITRINE_IS_COMPARE_WINDOW (self), NULL);
  return self->view;
}

/* Whether a comparison is on its way. */
gboolean
vitrine_compare_window_get_loading (VitrineCompareWindow *self)
{
  g_return_val_if_fail (VITRINE_IS_COMPARE_WINDOW (self), FALSE);
  return self->cancellable != NULL;
}

static void
swap_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  VitrineCompareWindow *self = VITRINE_COMPARE_WINDOW (widget);
  guint from = gtk_drop_down_get_selected (self->from_dropdown);

  self->choosing = TRUE;
  gtk_drop_down_set_selected (self->from_dropdown, gtk_drop_down_get_selected (self->to_dropdown));
  gtk_drop_down_set_selected (self->to_dropdown, from);
  self->choosing = FALSE;
  compare_chosen (self);
}

static void
vitrine_compare_window_dispose (GObject *object)
{
  VitrineCompareWindow *self = VITRINE_COMPARE_WINDOW (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), VITRINE_TYPE_COMPARE_WINDOW);
  g_clear_object (&self->client);
  g_clear_object (&self->labels);
  G_OBJECT_CLASS (vitrine_compare_window_parent_class)->dispose (object);
}

static void
vitrine_compare_window_finalize (GObject *object)
{
  VitrineCompareWindow *self = VITRINE_COMPARE_WINDOW (object);

  g_free (self->repo_id);
  g_ptr_array_unref (self->revisions);
  G_OBJECT_CLASS (vitrine_compare_window_parent_class)->finalize (object);
}

static void
vitrine_compare_window_class_init (VitrineCompareWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vitrine_compare_window_dispose;
  object_class->finalize = vitrine_compare_window_finalize;

  g_type_ensure (VITRINE_TYPE_REVISION_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/ui/vitrine-compare-window.ui");
  gtk_widget_class_bind_template_child (widget_class, VitrineCompareWindow, from_dropdown);
  gtk_widget_class_bind_template_child (widget_class, VitrineCompareWindow, to_dropdown);
  gtk_widget_class_bind_template_child (widget_class, VitrineCompareWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, VitrineCompareWindow, spinner);
  gtk_widget_class_bind_template_child (widget_class, VitrineCompareWindow, error_status);
  gtk_widget_class_bind_template_child (widget_class, VitrineCompareWindow, view);
  gtk_widget_class_install_action (widget_class, "compare.swap", NULL, swap_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
vitrine_compare_window_init (VitrineCompareWindow *self)
{
  g_autoptr(GtkExpression) expression = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->revisions = g_ptr_array_new_with_free_func (g_free);
  self->labels = gtk_string_list_new (NULL);
  expression = gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string");
  gtk_drop_down_set_expression (self->from_dropdown, expression);
  gtk_drop_down_set_expression (self->to_dropdown, expression);
  gtk_drop_down_set_model (self->from_dropdown, G_LIST_MODEL (self->labels));
  gtk_drop_down_set_model (self->to_dropdown, G_LIST_MODEL (self->labels));
  g_signal_connect_object (self->from_dropdown, "notify::selected", G_CALLBACK (compare_chosen), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->to_dropdown, "notify::selected", G_CALLBACK (compare_chosen), self,
                           G_CONNECT_SWAPPED);
  vitrine_accessible_repair (GTK_WIDGET (self));
}

/**
 * vitrine_compare_window_new:
 *
 * Returns: (transfer none): the window, not yet shown, with no version
 *   to choose yet
 */
VitrineCompareWindow *
vitrine_compare_window_new (GtkWindow       *parent,
                            VitrineClient   *client,
                            VitrineRepoType  type,
                            const char      *repo_id)
{
  VitrineCompareWindow *self = g_object_new (VITRINE_TYPE_COMPARE_WINDOW, "transient-for", parent, NULL);
  /* Translators: the title of the window that compares two versions of
   * a repository, such as alice/bert. */
  g_autofree char *title = g_strdup_printf (_("Compare Versions of %s"), repo_id);

  self->client = g_object_ref (client);
  self->type = type;
  self->repo_id = g_strdup (repo_id);
  gtk_window_set_title (GTK_WINDOW (self), title);
  return self;
}
