/* vitrine-commit-row.c — one commit in the History area's list
 *
 * Its title, who made it and when (relative to now), its short id, and a
 * chip for each branch and tag that points at it.  Bound to the list's
 * items by the factory in vitrine-history-page.ui.
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "vitrine-commit-row.h"
#include "vitrine-format.h"
#include "vitrine-ref.h"

struct _VitrineCommitRow
{
  GtkWidget      parent_instance;

  VitrineCommit *commit;

  GtkLabel      *title_label;
  GtkLabel      *meta_label;
  GtkBox        *chips_box;
};

G_DEFINE_FINAL_TYPE (VitrineCommitRow, vitrine_commit_row, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_COMMIT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/**
 * vitrine_commit_row_add_chip:
 *
 * Adds to @box the chip of a branch or tag.
 *
 * Returns: (transfer none): the chip
 */
GtkWidget *
vitrine_commit_row_add_chip (GtkBox     *box,
                             VitrineRef *ref)
{
  gboolean tag = vitrine_ref_get_kind (ref) == VITRINE_REF_TAG;
  GtkWidget *chip = gtk_label_new (vitrine_ref_get_name (ref));
  g_autofree char *described = NULL;

  gtk_label_set_ellipsize (GTK_LABEL (chip), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (chip), 18);
  gtk_widget_add_css_class (chip, "chip");
  gtk_widget_add_css_class (chip, tag ? "chip-tag" : "chip-branch");
  gtk_widget_set_tooltip_text (chip, tag ? _("Tag") : _("Branch"));
  /* Translators: said of a chip on a commit: "tag v1", "branch main". */
  described = g_strdup_printf (tag ? _("tag %s") : _("branch %s"), vitrine_ref_get_name (ref));
  gtk_accessible_update_property (GTK_ACCESSIBLE (chip), GTK_ACCESSIBLE_PROPERTY_LABEL, described, -1);
  gtk_box_append (box, chip);
  return chip;
}

static void
update (VitrineCommitRow *self)
{
  GtkWidget *child;
  g_autoptr(GString) described = g_string_new (NULL);
  GListModel *refs;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->chips_box))) != NULL)
    gtk_box_remove (self->chips_box, child);
  if (self->commit == NULL)
    {
      gtk_label_set_label (self->title_label, "");
      gtk_label_set_label (self->meta_label, "");
      gtk_widget_set_visible (GTK_WIDGET (self->chips_box), FALSE);
      return;
    }

  {
    const char *title = vitrine_commit_get_title (self->commit);
    const char *author = vitrine_commit_get_author (self->commit);
    GDateTime *when = vitrine_commit_get_date_time (self->commit);
    g_autofree char *date = when != NULL ? vitrine_format_relative_date (when, NULL) : g_strdup ("");
    g_autofree char *meta = NULL;

    gtk_label_set_label (self->title_label, title != NULL && *title != '\0' ? title : _("(No title)"));
    /* Translators: who made a commit, when, and its short id:
     * "alice · 2 days ago · 3f2a9c1". */
    meta = g_strdup_printf (_("%s · %s · %s"), author != NULL ? author : _("Someone"), date,
                            vitrine_commit_get_short_id (self->commit));
    gtk_label_set_label (self->meta_label, meta);
    g_string_append_printf (described, "%s, %s", gtk_label_get_label (self->title_label), meta);
  }

  refs = vitrine_commit_get_refs (self->commit);
  for (guint i = 0; i < g_list_model_get_n_items (refs); i++)
    {
      g_autoptr(VitrineRef) ref = g_list_model_get_item (refs, i);
      vitrine_commit_row_add_chip (self->chips_box, ref);
      g_string_append_printf (described, ", %s", vitrine_ref_get_name (ref));
    }
  gtk_widget_set_visible (GTK_WIDGET (self->chips_box), g_list_model_get_n_items (refs) > 0);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, described->str, -1);
}

VitrineCommit *
vitrine_commit_row_get_commit (VitrineCommitRow *self)
{
  g_return_val_if_fail (VITRINE_IS_COMMIT_ROW (self), NULL);
  return self->commit;
}

void
vitrine_commit_row_set_commit (VitrineCommitRow *self,
                               VitrineCommit    *commit)
{
  g_return_if_fail (VITRINE_IS_COMMIT_ROW (self));

  if (!g_set_object (&self->commit, commit))
    return;
  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COMMIT]);
}

static void
vitrine_commit_row_dispose (GObject *object)
{
  VitrineCommitRow *self = VITRINE_COMMIT_ROW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), VITRINE_TYPE_COMMIT_ROW);
  /* The template's outer box is not bound: it goes too. */
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL;)
    gtk_widget_unparent (child);
  g_clear_object (&self->commit);
  G_OBJECT_CLASS (vitrine_commit_row_parent_class)->dispose (object);
}

static void
vitrine_commit_row_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  VitrineCommitRow *self = VITRINE_COMMIT_ROW (object);

  switch (prop_id)
    {
    case PROP_COMMIT:
      g_value_set_object (value, self->commit);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vitrine_commit_row_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  VitrineCommitRow *self = VITRINE_COMMIT_ROW (object);

  switch (prop_id)
    {
    case PROP_COMMIT:
      vitrine_commit_row_set_commit (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vitrine_commit_row_class_init (VitrineCommitRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vitrine_commit_row_dispose;
  object_class->get_property = vitrine_commit_row_get_property;
  object_class->set_property = vitrine_commit_row_set_property;

  properties[PROP_COMMIT] =
    g_param_spec_object ("commit", NULL, NULL, VITRINE_TYPE_COMMIT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/ui/vitrine-commit-row.ui");
  gtk_widget_class_bind_template_child (widget_class, VitrineCommitRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, VitrineCommitRow, meta_label);
  gtk_widget_class_bind_template_child (widget_class, VitrineCommitRow, chips_box);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "commitrow");
}

static void
vitrine_commit_row_init (VitrineCommitRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
