/* vitrine-window-accounts.c — the main window's account menu
 *
 * The header bar's menu button shows the account publishing goes to
 * (“This Computer”, or “alice — huggingface.co”); its menu lists every
 * account signed in to, to switch, then Add Account… (the sign-in
 * dialog) and Manage Accounts… (Preferences, on its Accounts page).
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "vitrine-accessible.h"
#include "vitrine-account-store.h"
#include "vitrine-sign-in-dialog.h"
#include "vitrine-window-private.h"

static VitrineApplication *
get_application (VitrineWindow *self)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  return VITRINE_IS_APPLICATION (app) ? VITRINE_APPLICATION (app) : NULL;
}

/* The button shows the current account. */
static void
update_button (VitrineWindow *self)
{
  VitrineApplication *app = get_application (self);
  VitrineAccount *account = app != NULL ? vitrine_application_get_current_account (app) : NULL;
  g_autofree char *name = NULL;
  const char *label;

  g_signal_group_set_target (self->account_signals, account);
  if (account == NULL)
    label = _("This Computer");
  else
    label = vitrine_account_get_label (account);
  gtk_label_set_label (self->account_label, label);
  gtk_image_set_from_icon_name (self->account_icon,
                                account == NULL || vitrine_account_get_kind (account) == VITRINE_ACCOUNT_KIND_LOCAL
                                  ? "computer-symbolic" : "avatar-default-symbolic");
  /* Translators: the account menu button, read by screen readers; %s is
   * the account, such as “This Computer” or “alice — huggingface.co”. */
  name = g_strdup_printf (_("Account: %s"), label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->account_button), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  /* The menu marks it. */
  g_object_notify (G_OBJECT (self), "account");
}

static void
rebuild_menu (VitrineWindow *self)
{
  VitrineApplication *app = get_application (self);
  VitrineAccountStore *store = app != NULL ? vitrine_application_get_account_store (app) : NULL;
  guint n = store != NULL ? g_list_model_get_n_items (G_LIST_MODEL (store)) : 0;

  g_menu_remove_all (self->account_section);
  if (n == 0)
    {
      g_autoptr(GMenuItem) item = g_menu_item_new (_("This Computer"), NULL);

      g_menu_item_set_action_and_target (item, "win.account", "s", "");
      g_menu_append_item (self->account_section, item);
    }
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(VitrineAccount) account = g_list_model_get_item (G_LIST_MODEL (store), i);
      g_autofree char *with_name = NULL;
      g_autoptr(GMenuItem) item = NULL;

      /* This computer's hub with the name what is published goes under. */
      if (vitrine_account_get_kind (account) == VITRINE_ACCOUNT_KIND_LOCAL && vitrine_account_get_name (account) != NULL)
        /* Translators: the account menu's entry for this computer's hub;
         * %s is the user's name on it, which what they publish goes under. */
        with_name = g_strdup_printf (_("This Computer (%s)"), vitrine_account_get_name (account));
      item = g_menu_item_new (with_name != NULL ? with_name : vitrine_account_get_label (account), NULL);

      g_menu_item_set_action_and_target (item, "win.account", "s", vitrine_account_get_endpoint (account));
      g_menu_append_item (self->account_section, item);
    }
}

/**
 * _vitrine_window_dup_account:
 *
 * Returns: (transfer full): the endpoint of the account publishing goes
 *   to, "" while there is none: the state of `win.account`
 */
char *
_vitrine_window_dup_account (VitrineWindow *self)
{
  VitrineApplication *app = get_application (self);
  VitrineAccount *account = app != NULL ? vitrine_application_get_current_account (app) : NULL;

  return g_strdup (account != NULL ? vitrine_account_get_endpoint (account) : "");
}

/* `win.account` (an endpoint): publish with the account signed in there. */
void
_vitrine_window_set_account (VitrineWindow *self,
                             const char    *endpoint)
{
  VitrineApplication *app = get_application (self);
  VitrineAccountStore *store = app != NULL ? vitrine_application_get_account_store (app) : NULL;
  VitrineAccount *account;

  if (store == NULL || endpoint == NULL)
    return;
  account = vitrine_account_store_find (store, endpoint);
  if (account != NULL)
    vitrine_application_set_current_account (app, account);
}

static void
add_account_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  VitrineWindow *self = VITRINE_WINDOW (widget);
  VitrineApplication *app = get_application (self);
  VitrineSignInDialog *dialog;

  if (app == NULL)
    return;
  dialog = vitrine_sign_in_dialog_new (GTK_WINDOW (self), app, NULL);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
manage_accounts_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  VitrineApplication *app = get_application (VITRINE_WINDOW (widget));

  if (app != NULL)
    vitrine_application_show_preferences (app, "accounts");
}

void
_vitrine_window_accounts_install (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_property_action (widget_class, "win.account", "account");
  gtk_widget_class_install_action (widget_class, "win.add-account", NULL, add_account_action);
  gtk_widget_class_install_action (widget_class, "win.manage-accounts", NULL, manage_accounts_action);
}

void
_vitrine_window_accounts_init (VitrineWindow *self)
{
  VitrineApplication *app = get_application (self);
  VitrineAccountStore *store = app != NULL ? vitrine_application_get_account_store (app) : NULL;
  g_autoptr(GMenu) actions = g_menu_new ();

  self->account_menu = g_menu_new ();
  self->account_section = g_menu_new ();
  g_menu_append_section (self->account_menu, _("Publish To"), G_MENU_MODEL (self->account_section));
  g_menu_append (actions, _("_Add Account…"), "win.add-account");
  g_menu_append (actions, _("_Manage Accounts…"), "win.manage-accounts");
  g_menu_append_section (self->account_menu, NULL, G_MENU_MODEL (actions));
  gtk_menu_button_set_menu_model (self->account_button, G_MENU_MODEL (self->account_menu));

  self->account_signals = g_signal_group_new (VITRINE_TYPE_ACCOUNT);
  g_signal_group_connect_swapped (self->account_signals, "notify::label", G_CALLBACK (update_button), self);
  /* Labels change as hubs say who the user is: the menu is made as it opens. */
  g_signal_connect_object (self->account_button, "notify::active", G_CALLBACK (rebuild_menu), self,
                           G_CONNECT_SWAPPED);
  if (store != NULL)
    g_signal_connect_object (store, "items-changed", G_CALLBACK (rebuild_menu), self, G_CONNECT_SWAPPED);
  if (app != NULL)
    g_signal_connect_object (app, "notify::current-account", G_CALLBACK (update_button), self, G_CONNECT_SWAPPED);
  rebuild_menu (self);
  update_button (self);
}
