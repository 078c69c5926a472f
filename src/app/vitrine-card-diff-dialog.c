/* vitrine-card-diff-dialog.c — what differs between the Hub's card and ours
 *
 * Shows a unified diff from the Hub's card to this one and asks what to do:
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

struct _VitrineCardDiffDialog
{
  AdwWindow      parent_instance;

  GtkLabel      *intro_label;
  GtkSourceView *diff_view;
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

  g_type_ensure (GTK_SOURCE_TYPE_VIEW);
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
 * @diff: a unified diff from the Hub's card to this one
 *
 * Returns: (transfer none): the dialog, not yet shown
 */
VitrineCardDiffDialog *
vitrine_card_diff_dialog_new (GtkWindow  *parent,
                              const char *repo_id,
                              const char *diff)
{
  VitrineCardDiffDialog *self = g_object_new (VITRINE_TYPE_CARD_DIFF_DIALOG,
                                              "transient-for", parent,
                                              NULL);
  GtkSourceLanguageManager *languages = gtk_source_language_manager_get_default ();
  GtkSourceStyleSchemeManager *schemes = gtk_source_style_scheme_manager_get_default ();
  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
  GtkSourceBuffer *buffer = GTK_SOURCE_BUFFER (gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->diff_view)));
  g_autofree char *intro = NULL;

  /* Translators: %s is a repository id such as alice/bert-imdb. */
  intro = g_strdup_printf (_("The card in %s differs from yours. Lines marked − are only on the Hub, lines marked + only in yours. "
                             "Merge keeps your edits and takes what changed on the Hub since you started."),
                           repo_id);
  gtk_label_set_label (self->intro_label, intro);
  gtk_source_buffer_set_language (buffer, gtk_source_language_manager_get_language (languages, "diff"));
  gtk_source_buffer_set_style_scheme (buffer,
                                      gtk_source_style_scheme_manager_get_scheme (schemes, dark ? "Adwaita-dark" : "Adwaita"));
  gtk_text_buffer_set_text (GTK_TEXT_BUFFER (buffer), diff, -1);
  return self;
}
