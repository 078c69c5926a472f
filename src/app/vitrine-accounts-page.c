/* vitrine-accounts-page.c — Preferences → Accounts
 *
 * This Computer, with the user's name on its hub (people must know it:
 * it is the owner of what they publish there); Hugging Face; other hubs.
 * Each account says who the user is there, what its token allows (a
 * token that can only read is said so, with what to do) and for which
 * organisations it may publish; Sign Out removes the token from the
 * keyring.  The default account is the one a new publish goes to.
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "vitrine-accessible.h"
#include "vitrine-account-store.h"
#include "vitrine-accounts-page.h"
#include "vitrine-sign-in-dialog.h"

struct _VitrineAccountsPage
{
  AdwPreferencesPage   parent_instance;

  VitrineApplication  *application;
  GPtrArray           *rows;      /* the rows made for the accounts */
  GtkCheckButton      *default_group;
  gboolean             updating;

  /* Template widgets */
  AdwPreferencesGroup *local_group;
  AdwPreferencesGroup *hf_group;
  AdwPreferencesGroup *other_group;
};

G_DEFINE_FINAL_TYPE (VitrineAccountsPage, vitrine_accounts_page, ADW_TYPE_PREFERENCES_PAGE)

static void rebuild (VitrineAccountsPage *self);

static VitrineAccountStore *
store_of (VitrineAccountsPage *self)
{
  return self->application != NULL ? vitrine_application_get_account_store (self->application) : NULL;
}

static GtkWindow *
window_of (VitrineAccountsPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static char *
describe (VitrineAccount *account)
{
  g_auto(GStrv) owners = NULL;
  g_autofree char *orgs = NULL;
  const char *role;

  if (vitrine_account_get_kind (account) == VITRINE_ACCOUNT_KIND_LOCAL)
    {
      const char *name = vitrine_account_get_name (account);

      if (name == NULL)
        return g_strdup (_("Starting this computer’s hub…"));
      /* Translators: %s is the user's name on this computer's hub. */
      return g_strdup_printf (_("You are %s here: what you publish goes under that name"), name);
    }
  switch (vitrine_account_get_token_role (account))
    {
    case VITRINE_TOKEN_ROLE_READ:
      role = _("The token can only read: publishing needs one with write access. Make one on the hub and sign in again.");
      break;
    case VITRINE_TOKEN_ROLE_WRITE:
      role = _("The token can read and write");
      break;
    case VITRINE_TOKEN_ROLE_FINE_GRAINED:
      role = _("The token has chosen permissions");
      break;
    case VITRINE_TOKEN_ROLE_UNKNOWN:
    default:
      role = _("Not checked yet");
      break;
    }
  owners = vitrine_account_dup_owners (account);
  if (owners != NULL && owners[0] != NULL && owners[1] != NULL)
    {
      g_autofree char *list = g_strjoinv (", ", owners + 1);

      /* Translators: what a token allows, then the organisations one may publish for. */
      return g_strdup_printf (_("%s · Publishes for %s"), role, list);
    }
  return g_strdup (role);
}

/* ---- Default ---------------------------------------------------------- */

static void
on_default_toggled_cb (GtkCheckButton      *check,
                       VitrineAccountsPage *self)
{
  VitrineAccount *account = g_object_get_data (G_OBJECT (check), "account");
  VitrineAccountStore *store = store_of (self);

  if (self->updating || store == NULL || !gtk_check_button_get_active (check))
    return;
  vitrine_account_store_set_default (store, account);
  vitrine_account_store_save_async (store, NULL, NULL, NULL);
  vitrine_application_set_current_account (self->application, account);
}

/* ---- Sign out --------------------------------------------------------- */

static void
on_signed_out_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(VitrineAccountsPage) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!vitrine_account_store_sign_out_finish (VITRINE_ACCOUNT_STORE (source), result, &error))
    {
      GtkWindow *window = window_of (self);

      if (ADW_IS_PREFERENCES_WINDOW (window))
        adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (window), adw_toast_new (error->message));
    }
}

static void
on_sign_out_response_cb (AdwMessageDialog    *dialog,
                         const char          *response,
                         VitrineAccountsPage *self)
{
  VitrineAccount *account = g_object_get_data (G_OBJECT (dialog), "account");

  if (!g_str_equal (response, "sign-out") || store_of (self) == NULL)
    return;
  vitrine_account_store_sign_out_async (store_of (self), account, NULL, on_signed_out_cb, g_object_ref (self));
}

static void
on_sign_out_clicked_cb (GtkButton           *button,
                        VitrineAccountsPage *self)
{
  VitrineAccount *account = g_object_get_data (G_OBJECT (button), "account");
  g_autofree char *heading = NULL;
  GtkWidget *dialog;

  /* Translators: %s is an account, such as “alice — huggingface.co”. */
  heading = g_strdup_printf (_("Sign Out of %s?"), vitrine_account_get_label (account));
  dialog = adw_message_dialog_new (window_of (self), heading,
                                   _("Its token is removed from this computer’s keyring. What you published stays on the hub; to publish there again, sign in again."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "sign-out", _("_Sign Out"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "sign-out", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "account", g_object_ref (account), g_object_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_sign_out_response_cb), self, 0);
  vitrine_accessible_repair (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ---- Sign in ---------------------------------------------------------- */

static void
on_sign_in_clicked_cb (GtkButton           *button,
                       VitrineAccountsPage *self)
{
  const char *kind = g_object_get_data (G_OBJECT (button), "kind");
  VitrineSignInDialog *dialog;

  if (self->application == NULL)
    return;
  dialog = vitrine_sign_in_dialog_new (window_of (self), self->application, kind);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ---- Rows ------------------------------------------------------------- */

static void
add_row (VitrineAccountsPage *self,
         AdwPreferencesGroup *group,
         GtkWidget           *row)
{
  adw_preferences_group_add (group, row);
  g_ptr_array_add (self->rows, row);
  g_object_set_data (G_OBJECT (row), "group", group);
}

static GtkWidget *
account_row (VitrineAccountsPage *self,
             VitrineAccount      *account,
             gboolean             is_default)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *check = gtk_check_button_new ();
  g_autofree char *subtitle = describe (account);
  /* Translators: the name of a check button, read by screen readers; %s is an account. */
  g_autofree char *check_name = g_strdup_printf (_("Publish with %s by default"), vitrine_account_get_label (account));

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), vitrine_account_get_label (account));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (check, _("Publish with this account by default"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL, check_name, -1);
  if (self->default_group == NULL)
    self->default_group = GTK_CHECK_BUTTON (check);
  else
    gtk_check_button_set_group (GTK_CHECK_BUTTON (check), self->default_group);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), is_default);
  g_object_set_data_full (G_OBJECT (check), "account", g_object_ref (account), g_object_unref);
  g_signal_connect_object (check, "toggled", G_CALLBACK (on_default_toggled_cb), self, 0);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  /* With one account, there is no default to choose. */
  gtk_widget_set_visible (check, g_list_model_get_n_items (G_LIST_MODEL (store_of (self))) > 1);

  if (vitrine_account_get_kind (account) != VITRINE_ACCOUNT_KIND_LOCAL)
    {
      /* No mnemonic: its label would be read after the name given below. */
      GtkWidget *sign_out = gtk_button_new_with_label (_("Sign Out"));
      /* Translators: the name of a button, read by screen readers; %s is an account. */
      g_autofree char *name = g_strdup_printf (_("Sign out of %s"), vitrine_account_get_label (account));

      gtk_widget_set_valign (sign_out, GTK_ALIGN_CENTER);
      gtk_accessible_update_property (GTK_ACCESSIBLE (sign_out), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
      g_object_set_data_full (G_OBJECT (sign_out), "account", g_object_ref (account), g_object_unref);
      g_signal_connect_object (sign_out, "clicked", G_CALLBACK (on_sign_out_clicked_cb), self, 0);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), sign_out);
    }
  if (vitrine_account_get_token_role (account) == VITRINE_TOKEN_ROLE_READ)
    {
      GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

      gtk_widget_add_css_class (icon, "warning");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), icon);
    }
  g_signal_connect_object (account, "notify", G_CALLBACK (rebuild), self, G_CONNECT_SWAPPED);
  return row;
}

static GtkWidget *
sign_in_row (VitrineAccountsPage *self,
             const char          *kind)
{
  GtkWidget *row = adw_action_row_new ();
  gboolean other = g_str_equal (kind, "other");
  /* No mnemonic: its label would be read after the name given below. */
  GtkWidget *button = gtk_button_new_with_label (other ? _("Add…") : _("Sign In…"));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                 other ? _("Add Other Hub") : _("Not signed in"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                               other ? _("Its address and an access token")
                                     : _("Sign in with an access token to publish on huggingface.co"));
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  other ? _("Add Other Hub") : _("Sign In to Hugging Face"), -1);
  g_object_set_data (G_OBJECT (button), "kind", (gpointer) kind);
  g_signal_connect_object (button, "clicked", G_CALLBACK (on_sign_in_clicked_cb), self, 0);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), button);
  return row;
}

static void
rebuild (VitrineAccountsPage *self)
{
  VitrineAccountStore *store = store_of (self);
  VitrineAccount *local = NULL;
  VitrineAccount *fallback;
  VitrineAccount *default_account;
  gboolean has_hf = FALSE;
  guint n;

  for (guint i = 0; i < self->rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->rows, i);

      adw_preferences_group_remove (g_object_get_data (G_OBJECT (row), "group"), row);
    }
  g_ptr_array_set_size (self->rows, 0);
  self->default_group = NULL;
  if (store == NULL)
    return;
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (store)); i++)
    {
      g_autoptr(VitrineAccount) account = g_list_model_get_item (G_LIST_MODEL (store), i);

      g_signal_handlers_disconnect_by_func (account, rebuild, self);
    }

  self->updating = TRUE;
  default_account = vitrine_account_store_get_default (store);
  local = vitrine_account_store_get_local_account (store);
  fallback = local;
  n = g_list_model_get_n_items (G_LIST_MODEL (store));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(VitrineAccount) account = g_list_model_get_item (G_LIST_MODEL (store), i);
      gboolean is_default = account == default_account || (default_account == NULL && account == fallback);
      GtkWidget *row = account_row (self, account, is_default);

      switch (vitrine_account_get_kind (account))
        {
        case VITRINE_ACCOUNT_KIND_LOCAL:
          add_row (self, self->local_group, row);
          break;
        case VITRINE_ACCOUNT_KIND_HUGGING_FACE:
          has_hf = TRUE;
          add_row (self, self->hf_group, row);
          break;
        case VITRINE_ACCOUNT_KIND_OTHER:
        default:
          add_row (self, self->other_group, row);
          break;
        }
    }
  if (local == NULL)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Starting this computer’s hub…"));
      add_row (self, self->local_group, row);
    }
  if (!has_hf)
    add_row (self, self->hf_group, sign_in_row (self, "hugging-face"));
  add_row (self, self->other_group, sign_in_row (self, "other"));
  self->updating = FALSE;
  vitrine_accessible_repair (GTK_WIDGET (self));
}

void
vitrine_accounts_page_set_application (VitrineAccountsPage *self,
                                       VitrineApplication  *application)
{
  VitrineAccountStore *store;

  g_return_if_fail (VITRINE_IS_ACCOUNTS_PAGE (self));

  g_set_object (&self->application, application);
  store = store_of (self);
  if (store != NULL)
    g_signal_connect_object (store, "items-changed", G_CALLBACK (rebuild), self, G_CONNECT_SWAPPED);
  rebuild (self);
}

static void
vitrine_accounts_page_dispose (GObject *object)
{
  VitrineAccountsPage *self = VITRINE_ACCOUNTS_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), VITRINE_TYPE_ACCOUNTS_PAGE);
  g_clear_object (&self->application);

  G_OBJECT_CLASS (vitrine_accounts_page_parent_class)->dispose (object);
}

static void
vitrine_accounts_page_finalize (GObject *object)
{
  VitrineAccountsPage *self = VITRINE_ACCOUNTS_PAGE (object);

  g_ptr_array_unref (self->rows);

  G_OBJECT_CLASS (vitrine_accounts_page_parent_class)->finalize (object);
}

static void
vitrine_accounts_page_class_init (VitrineAccountsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vitrine_accounts_page_dispose;
  object_class->finalize = vitrine_accounts_page_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/ui/vitrine-accounts-page.ui");
  gtk_widget_class_bind_template_child (widget_class, VitrineAccountsPage, local_group);
  gtk_widget_class_bind_template_child (widget_class, VitrineAccountsPage, hf_group);
  gtk_widget_class_bind_template_child (widget_class, VitrineAccountsPage, other_group);
}

static void
vitrine_accounts_page_init (VitrineAccountsPage *self)
{
  self->rows = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
vitrine_accounts_page_new (void)
{
  return g_object_new (VITRINE_TYPE_ACCOUNTS_PAGE, NULL);
}
