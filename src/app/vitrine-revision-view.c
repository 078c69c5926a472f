/* vitrine-revision-view.c — what changed between two versions: the files
 * and the model card
 *
 * The History area shows it for a commit (against its parent) and for two
 * versions the user compares.  Files are listed by path with what
 * happened to them and their sizes (a large file's before and after);
 * the card's changes are a readable diff (vitrine-diff-view.c).
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "vitrine-accessible.h"
#include "vitrine-diff-view.h"
#include "vitrine-revision-view.h"

struct _VitrineRevisionView
{
  GtkWidget            parent_instance;

  VitrineRevisionDiff *diff;

  GtkLabel            *summary_label;
  GtkListBox          *files_list;
  GtkLabel            *card_note;
  GtkWidget           *card_frame;
  VitrineDiffView     *card_view;
};

G_DEFINE_FINAL_TYPE (VitrineRevisionView, vitrine_revision_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DIFF,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/**
 * vitrine_revision_view_describe_change:
 *
 * Returns: (transfer full): what happened to a file, with its sizes:
 *   "Added · 1.2 MB", "Changed · 1.5 MB → 2.0 MB", "Removed · was 12 bytes"
 */
char *
vitrine_revision_view_describe_change (VitrineFileChange *change)
{
  g_autofree char *before = g_format_size (vitrine_file_change_get_old_size (change));
  g_autofree char *after = g_format_size (vitrine_file_change_get_new_size (change));

  switch (vitrine_file_change_get_kind (change))
    {
    case VITRINE_CHANGE_KIND_ADDED:
      /* Translators: a file added, and its size. */
      return g_strdup_printf (_("Added · %s"), after);
    case VITRINE_CHANGE_KIND_DELETED:
      /* Translators: a file removed, and the size it had. */
      return g_strdup_printf (_("Removed · was %s"), before);
    case VITRINE_CHANGE_KIND_MODIFIED:
    default:
      /* Translators: a file changed, its size before and after. */
      return g_strdup_printf (_("Changed · %s → %s"), before, after);
    }
}

static const char *
kind_icon (VitrineChangeKind kind)
{
  switch (kind)
    {
    case VITRINE_CHANGE_KIND_ADDED:
      return "list-add-symbolic";
    case VITRINE_CHANGE_KIND_DELETED:
      return "list-remove-symbolic";
    case VITRINE_CHANGE_KIND_MODIFIED:
    default:
      return "document-edit-symbolic";
    }
}

static GtkWidget *
change_row (VitrineFileChange *change)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon = gtk_image_new_from_icon_name (kind_icon (vitrine_file_change_get_kind (change)));
  g_autofree char *subtitle = vitrine_revision_view_describe_change (change);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), vitrine_file_change_get_path (change));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 2);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
  gtk_widget_add_css_class (icon, vitrine_file_change_get_kind (change) == VITRINE_CHANGE_KIND_ADDED ? "success"
                                  : vitrine_file_change_get_kind (change) == VITRINE_CHANGE_KIND_DELETED ? "error"
                                  : "accent");
  if (vitrine_file_change_is_lfs (change))
    {
      GtkWidget *badge = gtk_label_new (_("large file"));

      gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (badge, "chip");
      gtk_widget_add_css_class (badge, "chip-large");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), badge);
    }
  g_object_set_data_full (G_OBJECT (row), "change", g_object_ref (change), g_object_unref);
  /* The icon says what the subtitle says: screen readers skip it. */
  vitrine_accessible_repair (row);
  return row;
}

static void
update (VitrineRevisionView *self)
{
  GListModel *changes;
  GtkWidget *child;
  guint n;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->files_list))) != NULL)
    gtk_list_box_remove (self->files_list, child);
  if (self->diff == NULL)
    {
      gtk_label_set_label (self->summary_label, "");
      gtk_label_set_label (self->card_note, "");
      gtk_widget_set_visible (self->card_frame, FALSE);
      return;
    }

  changes = vitrine_revision_diff_get_changes (self->diff);
  n = g_list_model_get_n_items (changes);
  if (n == 0)
    gtk_label_set_label (self->summary_label, _("No file changed."));
  else
    {
      guint added = vitrine_revision_diff_count (self->diff, VITRINE_CHANGE_KIND_ADDED);
      guint changed = vitrine_revision_diff_count (self->diff, VITRINE_CHANGE_KIND_MODIFIED);
      guint removed = vitrine_revision_diff_count (self->diff, VITRINE_CHANGE_KIND_DELETED);
      g_autofree char *files = g_strdup_printf (ngettext ("%u file changed", "%u files changed", n), n);
      /* Translators: "3 files changed: 1 added, 1 changed, 1 removed." */
      g_autofree char *summary = g_strdup_printf (_("%s: %u added, %u changed, %u removed."), files, added,
                                                  changed, removed);

      gtk_label_set_label (self->summary_label, summary);
    }
  for (guint i = 0; i < MIN (n, VITRINE_REVISION_VIEW_MAX_FILES); i++)
    {
      g_autoptr(VitrineFileChange) change = g_list_model_get_item (changes, i);

      gtk_list_box_append (self->files_list, change_row (change));
    }
  if (n > VITRINE_REVISION_VIEW_MAX_FILES)
    {
      GtkWidget *more = adw_action_row_new ();
      guint rest = n - VITRINE_REVISION_VIEW_MAX_FILES;
      g_autofree char *title = g_strdup_printf (ngettext ("And %u more file", "And %u more files", rest), rest);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (more), title);
      gtk_list_box_append (self->files_list, more);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->files_list), n > 0);

  if (!vitrine_revision_diff_card_changed (self->diff))
    {
      gtk_label_set_label (self->card_note, _("The model card did not change."));
      gtk_widget_set_visible (self->card_frame, FALSE);
    }
  else if (vitrine_revision_diff_get_card_before (self->diff) == NULL ||
           vitrine_revision_diff_get_card_after (self->diff) == NULL)
    {
      gtk_label_set_label (self->card_note, _("The model card changed, but it is too large or not text to show here."));
      gtk_widget_set_visible (self->card_frame, FALSE);
    }
  else
    {
      vitrine_diff_view_set_texts (self->card_view, vitrine_revision_diff_get_card_before (self->diff),
                                   vitrine_revision_diff_get_card_after (self->diff));
      gtk_label_set_label (self->card_note, _("Lines marked − were removed, lines marked + added."));
      gtk_widget_set_visible (self->card_frame, TRUE);
    }
}

VitrineRevisionDiff *
vitrine_revision_view_get_diff (VitrineRevisionView *self)
{
  g_return_val_if_fail (VITRINE_IS_REVISION_VIEW (self), NULL);
  return self->diff;
}

/**
 * vitrine_revision_view_set_diff:
 * @diff: (nullable): what to show
 */
void
vitrine_revision_view_set_diff (VitrineRevisionView *self,
                                VitrineRevisionDiff *diff)
{
  g_return_if_fail (VITRINE_IS_REVISION_VIEW (self));

  if (!g_set_object (&self->diff, diff))
    return;
  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DIFF]);
}

/**
 * vitrine_revision_view_get_card_view:
 *
 * Returns: (transfer none): the card's diff (a #VitrineDiffView)
 */
GtkWidget *
vitrine_revision_view_get_card_view (VitrineRevisionView *self)
{
  g_return_val_if_fail (VITRINE_IS_REVISION_VIEW (self), NULL);
  return GTK_WIDGET (self->card_view);
}

/**
 * vitrine_revision_view_get_files:
 *
 * Returns: (transfer none): the list of files; each row holds its
 *   #VitrineFileChange as the data "change"
 */
GtkListBox *
vitrine_revision_view_get_files (VitrineRevisionView *self)
{
  g_return_val_if_fail (VITRINE_IS_REVISION_VIEW (self), NULL);
  return self->files_list;
}

static void
vitrine_revision_view_dispose (GObject *object)
{
  VitrineRevisionView *self = VITRINE_REVISION_VIEW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), VITRINE_TYPE_REVISION_VIEW);
  /* The template's outer box is not bound: it goes too. */
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL;)
    gtk_widget_unparent (child);
  g_clear_object (&self->diff);
  G_OBJECT_CLASS (vitrine_revision_view_parent_class)->dispose (object);
}

static void
vitrine_revision_view_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  VitrineRevisionView *self = VITRINE_REVISION_VIEW (object);

  switch (prop_id)
    {
    case PROP_DIFF:
      g_value_set_object (value, self->diff);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vitrine_revision_view_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  VitrineRevisionView *self = VITRINE_REVISION_VIEW (object);

  switch (prop_id)
    {
    case PROP_DIFF:
      vitrine_revision_view_set_diff (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vitrine_revision_view_class_init (VitrineRevisionViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vitrine_revision_view_dispose;
  object_class->get_property = vitrine_revision_view_get_property;
  object_class->set_property = vitrine_revision_view_set_property;

  properties[PROP_DIFF] =
    g_param_spec_object ("diff", NULL, NULL, VITRINE_TYPE_REVISION_DIFF,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (VITRINE_TYPE_DIFF_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/ui/vitrine-revision-view.ui");
  gtk_widget_class_bind_template_child (widget_class, VitrineRevisionView, summary_label);
  gtk_widget_class_bind_template_child (widget_class, VitrineRevisionView, files_list);
  gtk_widget_class_bind_template_child (widget_class, VitrineRevisionView, card_note);
  gtk_widget_class_bind_template_child (widget_class, VitrineRevisionView, card_frame);
  gtk_widget_class_bind_template_child (widget_class, VitrineRevisionView, card_view);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
vitrine_revision_view_init (VitrineRevisionView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  update (self);
}
