/* vitrine-accessible.c — names that screen readers read right
 *
 * GTK 4.8 makes some accessible names a screen reader reads wrong, and
 * .ui files cannot say otherwise:
 *
 * - A button with a mnemonic ("_Save") is named by its label property,
 *   underscore included, and by the label that holds its mnemonic: the
 *   name is "_Save Save".  Without the label property, the mnemonic label
 *   alone names it: "Save".
 * - An image nobody named is named after its type, "GtkImage".  Vitrine's
 *   images, and the toolkit's own in rows and switchers, only decorate
 *   what their row or button already says: they are left out, and left
 *   out again each time they show (GTK puts a widget back in the tree
 *   when it becomes visible: an entry row's pencil does, after editing).
 * - The button inside a drop-down has no name; it takes the drop-down's
 *   (given in the .ui file).
 *
 * - An icon-only button with a tooltip is named by its tooltip; the
 *   toast's close button, which has none, is named for what it does.
 *
 * vitrine_accessible_repair() fixes a widget and everything in it; each
 * window calls it once built, and code that builds widgets later calls it
 * on them.  Toasts are built by their overlay when they show:
 * vitrine_accessible_show_toast() shows one at once, and fixes it.
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "vitrine-accessible.h"

static gboolean
hide_again_cb (gpointer data)
{
  gtk_accessible_update_state (GTK_ACCESSIBLE (data), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
  return G_SOURCE_REMOVE;
}

/* GTK says the image is shown once this signal is over: it is left out
 * again right after. */
static void
on_image_visible_cb (GtkWidget *image)
{
  g_idle_add_full (G_PRIORITY_HIGH_IDLE, hide_again_cb, g_object_ref (image), g_object_unref);
}

static void
hide_image (GtkWidget *image)
{
  gtk_accessible_update_state (GTK_ACCESSIBLE (image), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
  if (g_object_get_data (G_OBJECT (image), "vitrine-hidden") != NULL)
    return;
  g_object_set_data (G_OBJECT (image), "vitrine-hidden", GINT_TO_POINTER (TRUE));
  g_signal_connect_after (image, "notify::visible", G_CALLBACK (on_image_visible_cb), NULL);
}

static GtkWidget *
find_toggle_button (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_TOGGLE_BUTTON (child))
        return child;
      if ((found = find_toggle_button (child)) != NULL)
        return found;
    }
  return NULL;
}

/**
 * vitrine_accessible_repair:
 * @root: a widget, with what it holds
 *
 * Gives the widgets under @root the names a screen reader should read.
 */
void
vitrine_accessible_repair (GtkWidget *root)
{
  g_return_if_fail (GTK_IS_WIDGET (root));

  if (GTK_IS_BUTTON (root) && gtk_button_get_use_underline (GTK_BUTTON (root)) &&
      gtk_button_get_label (GTK_BUTTON (root)) != NULL)
    gtk_accessible_reset_property (GTK_ACCESSIBLE (root), GTK_ACCESSIBLE_PROPERTY_LABEL);
  else if (GTK_IS_IMAGE (root) &&
           gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (root)) == GTK_ACCESSIBLE_ROLE_IMG)
    hide_image (root);
  else if (GTK_IS_BUTTON (root) && gtk_button_get_label (GTK_BUTTON (root)) == NULL &&
           GTK_IS_IMAGE (gtk_button_get_child (GTK_BUTTON (root))) &&
           gtk_widget_get_tooltip_text (root) != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (root), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                    gtk_widget_get_tooltip_text (root), -1);
  else if (GTK_IS_BUTTON (root) && g_strcmp0 (gtk_button_get_icon_name (GTK_BUTTON (root)), "window-close-symbolic") == 0)
    gtk_accessible_update_property (GTK_ACCESSIBLE (root), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Close"), -1);
  else if (GTK_IS_DROP_DOWN (root))
    {
      GtkWidget *button = find_toggle_button (root);

      if (button != NULL)
        gtk_accessible_update_relation (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_RELATION_LABELLED_BY, root, NULL, -1);
    }

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    vitrine_accessible_repair (child);
}

/**
 * vitrine_accessible_show_toast:
 * @toast: (transfer full): the toast
 *
 * Shows @toast now, in place of the one showing, with the names of its
 * buttons fixed.
 */
void
vitrine_accessible_show_toast (AdwToastOverlay *overlay,
                               AdwToast        *toast)
{
  AdwToast *showing = g_object_get_data (G_OBJECT (overlay), "vitrine-toast");

  g_return_if_fail (ADW_IS_TOAST_OVERLAY (overlay));
  g_return_if_fail (ADW_IS_TOAST (toast));

  /* One at a time: a toast waiting in the queue would show unfixed. */
  if (showing != NULL)
    adw_toast_dismiss (showing);
  g_object_set_data_full (G_OBJECT (overlay), "vitrine-toast", g_object_ref (toast), g_object_unref);
  adw_toast_overlay_add_toast (overlay, toast);
  vitrine_accessible_repair (GTK_WIDGET (overlay));
}
