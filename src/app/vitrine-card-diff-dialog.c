/* vitrine-card-diff-dialog.c — what differs between the Hub's card and ours
 *
 * Shows what differs from the Hub's card to this one as a readable diff
 * (vitrine-diff-view.c, as the History area shows a card's changes) and
 * asks what to do:
 * the `response` signal says "merge", "theirs" or "mine"; closing the
 * window answers nothing.
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <gtksourceview/gtksource.h>

#include "vitrine-accessible.h"
#include "vitrine-card-diff-dialog.h"
#include "vitrine-diff-view.h"

struct _VitrineCardDiffDialog
{
  AdwWindow      parent_instance;

  GtkLabel        *intro_label;
  VitrineDiffView *diff_view;
};

G_DEFINE_FINAL_TYPE (VitrineCardDiffDialog, vitrine_card_diff_dialog, ADW_TYPE_WINDOW)

enum {
  RESPONSE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
respond_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  g_autoptr(GtkWidget) self = g_object_ref (widget);

  g_signal_emit (self, signals[RESPONSE], 0, g_variant_get_string (parameter, NULL));
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
vitrine_card_diff_dialog_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), VITRINE_TYPE_CARD_DIFF_DIALOG);

  G_OBJECT_CLASS (vitrine_card_diff_dialog_parent_class)->dispose (object);
}

static void
vitrine_card_diff_dialog_class_init (VitrineCardDiffDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vitrine_card_diff_dialog_dispose;

  /**
   * VitrineCardDiffDialog::response:
   * @response: "merge", "theirs" or "mine"
   */
  signals[RESPONSE] =
    g_signal_new ("response", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  g_type_ensure (VITRINE_TYPE_DIFF_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/ui/vitrine-card-diff-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, VitrineCardDiffDialog, intro_label);
  gtk_widget_class_bind_template_child (widget_class, VitrineCardDiffDialog, diff_view);
  gtk_widget_class_install_action (widget_class, "diff.respond", "s", respond_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
vitrine_card_diff_dialog_init (VitrineCardDiffDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  vitrine_accessible_repair (GTK_WIDGET (self));
}

/**
 * vitrine_card_diff_dialog_new:
 * @theirs: the Hub's card
 * @mine: this one
 *
 * Returns: (transfer none): the dialog, not yet shown
 */
VitrineCardDiffDialog *
vitrine_card_diff_dialog_new (GtkWindow  *parent,
                              const char *repo_id,
                              const char *theirs,
                              const char *mine)
{
  VitrineCardDiffDialog *self = g_object_new (VITRINE_TYPE_CARD_DIFF_DIALOG,
                                              "transient-for", parent,
                                              NULL);
  g_autofree char *intro = NULL;

  /* Translators: %s is a repository id such as alice/bert-imdb. */
  intro = g_strdup_printf (_("The card in %s differs from yours. Lines marked − are only on the Hub, lines marked + only in yours. "
                             "Merge keeps your edits and takes what changed on the Hub since you started."),
                           repo_id);
  gtk_label_set_label (self->intro_label, intro);
  vitrine_diff_view_set_texts (self->diff_view, theirs, mine);
  return self;
}

/**
 * vitrine_card_diff_dialog_get_diff_view:
 *
 * Returns: (transfer none): the view of the differences
 */
GtkWidget *
vitrine_card_diff_dialog_get_diff_view (VitrineCardDiffDialog *self)
{
  g_return_val_if_fail (VITRINE_IS_CARD_DIFF_DIALOG (self), NULL);
  return GTK_WIDGET (self->diff_view);
}
