/* vitrine-sign-in-dialog.c — sign in to Hugging Face or another hub with
 * a token
 *
 * Hugging Face, or “Other Hub…” with its address; the token (a link opens
 * the page where the hub makes them); a token already on this computer
 * (HF_TOKEN, the Hub's token file) offered for import.  Signing in asks
 * the hub who the token belongs to and keeps the token in the keyring
 * (VitrineAccountStore); the dialog then shows the user, what the token
 * allows, with a word on a token that can only read, and the
 * organisations the user may publish for.  The new account becomes the
 * one publishing goes to.
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "vitrine-accessible.h"
#include "vitrine-account-store.h"
#include "vitrine-credentials.h"
#include "vitrine-sign-in-dialog.h"

/* Where huggingface.co makes tokens. */
#define HF_TOKENS_URL "https://huggingface.co/settings/tokens"

struct _VitrineSignInDialog
{
  AdwWindow           parent_instance;

  VitrineApplication *application;
  GCancellable       *cancellable;
  GCancellable       *import_cancellable;
  char               *import_token;
  VitrineAccount     *account;
  gboolean            busy;

  /* Template widgets */
  AdwPreferencesGroup *kind_group;
  GtkCheckButton      *hf_check;
  GtkCheckButton      *other_check;
  AdwEntryRow         *url_row;
  AdwPasswordEntryRow *token_row;
  AdwActionRow        *link_row;
  AdwActionRow        *import_row;
  AdwPreferencesGroup *token_group;
  AdwPreferencesGroup *result_group;
  AdwActionRow        *user_row;
  AdwActionRow        *role_row;
  AdwActionRow        *orgs_row;
  GtkLabel            *error_label;
  GtkSpinner          *spinner;
  GtkButton           *sign_in_button;
};

G_DEFINE_FINAL_TYPE (VitrineSignInDialog, vitrine_sign_in_dialog, ADW_TYPE_WINDOW)

static gboolean
is_other (VitrineSignInDialog *self)
{
  return gtk_check_button_get_active (self->other_check);
}

/* The endpoint typed, as a URL the client takes, or NULL. */
static char *
dup_endpoint (VitrineSignInDialog *self)
{
  g_autofree char *text = NULL;
  g_autoptr(GUri) uri = NULL;

  if (!is_other (self))
    return g_strdup (VITRINE_DEFAULT_ENDPOINT);
  text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->url_row))));
  if (*text == '\0')
    return NULL;
  if (strstr (text, "://") == NULL)
    {
      g_autofree char *with_scheme = g_strconcat ("https://", text, NULL);

      g_free (text);
      text = g_steal_pointer (&with_scheme);
    }
  uri = g_uri_parse (text, G_URI_FLAGS_NONE, NULL);
  if (uri == NULL || g_uri_get_host (uri) == NULL || *g_uri_get_host (uri) == '\0' ||
      (g_strcmp0 (g_uri_get_scheme (uri), "http") != 0 && g_strcmp0 (g_uri_get_scheme (uri), "https") != 0))
    return NULL;
  while (g_str_has_suffix (text, "/"))
    text[strlen (text) - 1] = '\0';
  return g_steal_pointer (&text);
}

static char *
tokens_url (VitrineSignInDialog *self)
{
  g_autofree char *endpoint = dup_endpoint (self);

  if (endpoint == NULL || g_str_equal (endpoint, VITRINE_DEFAULT_ENDPOINT))
    return g_strdup (HF_TOKENS_URL);
  return g_strconcat (endpoint, "/settings/tokens", NULL);
}

static void
update (VitrineSignInDialog *self)
{
  g_autofree char *endpoint = dup_endpoint (self);
  g_autofree char *url = tokens_url (self);
  const char *token = gtk_editable_get_text (GTK_EDITABLE (self->token_row));

  gtk_widget_set_visible (GTK_WIDGET (self->url_row), is_other (self));
  adw_action_row_set_subtitle (self->link_row, url);
  gtk_widget_set_visible (GTK_WIDGET (self->link_row), !is_other (self) || endpoint != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->import_row), self->import_token != NULL && self->account == NULL);
  gtk_spinner_set_spinning (self->spinner, self->busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->kind_group), !self->busy && self->account == NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->token_group), !self->busy && self->account == NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "sign-in.sign-in",
                                 !self->busy && (self->account != NULL || (endpoint != NULL && *token != '\0')));
  gtk_button_set_label (self->sign_in_button, self->account != NULL ? _("_Done") : _("_Sign In"));
  vitrine_accessible_repair (GTK_WIDGET (self->sign_in_button));
}

static void
show_error (VitrineSignInDialog *self,
            const char          *message)
{
  gtk_label_set_label (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

/* ---- A token already here --------------------------------------------- */

static void
on_importable_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  VitrineSignInDialog *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *where = NULL;
  g_autofree char *token = vitrine_account_store_find_importable_token_finish (result, &where, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_pointer (&self->import_token, g_free);
  self->import_token = g_steal_pointer (&token);
  if (self->import_token != NULL)
    {
      /* Translators: %s is where a token was found: “HF_TOKEN”, or a file. */
      g_autofree char *subtitle = g_strdup_printf (_("Found in %s"), where != NULL ? where : "");

      adw_action_row_set_subtitle (self->import_row, subtitle);
    }
  update (self);
}

static void
look_for_token (VitrineSignInDialog *self)
{
  g_autofree char *endpoint = dup_endpoint (self);

  g_cancellable_cancel (self->import_cancellable);
  g_clear_object (&self->import_cancellable);
  g_clear_pointer (&self->import_token, g_free);
  if (endpoint == NULL)
    return;
  self->import_cancellable = g_cancellable_new ();
  vitrine_account_store_find_importable_token_async (endpoint, self->import_cancellable, on_importable_cb, self);
}

static void
on_import_clicked_cb (VitrineSignInDialog *self)
{
  if (self->import_token != NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->token_row), self->import_token);
  gtk_widget_grab_focus (GTK_WIDGET (self->sign_in_button));
}

/* ---- Signing in ------------------------------------------------------- */

static const char *
role_text (VitrineTokenRole role)
{
  switch (role)
    {
    case VITRINE_TOKEN_ROLE_READ:
      return _("Read only: you can see and download, but not publish. Make a token with write access to publish.");
    case VITRINE_TOKEN_ROLE_WRITE:
      return _("Read and write: you can publish");
    case VITRINE_TOKEN_ROLE_FINE_GRAINED:
      return _("Chosen permissions: publishing works where the token allows it");
    case VITRINE_TOKEN_ROLE_UNKNOWN:
    default:
      return _("Not said by the hub");
    }
}

static void
show_account (VitrineSignInDialog *self)
{
  VitrineAccount *account = self->account;
  const char *fullname = vitrine_account_get_fullname (account);
  g_auto(GStrv) owners = vitrine_account_dup_owners (account);
  g_autofree char *user = NULL;
  g_autofree char *orgs = NULL;

  if (fullname != NULL && *fullname != '\0')
    /* Translators: a user's handle, then their full name. */
    user = g_strdup_printf (_("%s (%s)"), vitrine_account_get_name (account), fullname);
  else
    user = g_strdup (vitrine_account_get_name (account));
  adw_action_row_set_subtitle (self->user_row, user);
  adw_action_row_set_subtitle (self->role_row, role_text (vitrine_account_get_token_role (account)));
  /* The first owner is the user. */
  if (owners != NULL && owners[0] != NULL && owners[1] != NULL)
    orgs = g_strjoinv (", ", owners + 1);
  adw_action_row_set_subtitle (self->orgs_row, orgs != NULL ? orgs : _("None"));
  gtk_widget_set_visible (GTK_WIDGET (self->result_group), TRUE);
}

static void
on_signed_in_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  VitrineSignInDialog *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(VitrineWhoami) whoami = NULL;
  VitrineAccount *account;

  account = vitrine_account_store_sign_in_finish (VITRINE_ACCOUNT_STORE (source), result, &whoami, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self->busy = FALSE;
  if (account == NULL)
    {
      show_error (self, error->message);
      update (self);
      return;
    }
  g_set_object (&self->account, account);
  show_error (self, NULL);
  show_account (self);
  vitrine_application_set_current_account (self->application, account);
  update (self);
}

static void
sign_in_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  VitrineSignInDialog *self = VITRINE_SIGN_IN_DIALOG (widget);
  g_autofree char *endpoint = dup_endpoint (self);
  g_autofree char *token = NULL;

  if (self->account != NULL)
    {
      gtk_window_close (GTK_WINDOW (self));
      return;
    }
  if (endpoint == NULL || self->busy)
    return;
  token = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->token_row))));
  if (*token == '\0')
    return;
  self->busy = TRUE;
  show_error (self, NULL);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  vitrine_account_store_sign_in_async (vitrine_application_get_account_store (self->application), endpoint, token,
                                       self->cancellable, on_signed_in_cb, self);
  update (self);
}

/* ---- Input ------------------------------------------------------------ */

static void
on_kind_toggled_cb (VitrineSignInDialog *self)
{
  update (self);
  look_for_token (self);
}

static void
on_input_changed_cb (VitrineSignInDialog *self,
                     GtkEditable         *editable)
{
  if (editable == GTK_EDITABLE (self->url_row))
    look_for_token (self);
  update (self);
}

static void
on_token_activated_cb (VitrineSignInDialog *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "sign-in.sign-in", NULL);
}

static void
on_link_activated_cb (VitrineSignInDialog *self)
{
  g_autofree char *url = tokens_url (self);

  gtk_show_uri (GTK_WINDOW (self), url, GDK_CURRENT_TIME);
}

/* ---- Object ----------------------------------------------------------- */

static void
vitrine_sign_in_dialog_dispose (GObject *object)
{
  VitrineSignInDialog *self = VITRINE_SIGN_IN_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  g_cancellable_cancel (self->import_cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), VITRINE_TYPE_SIGN_IN_DIALOG);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->import_cancellable);
  g_clear_object (&self->account);
  g_clear_object (&self->application);

  G_OBJECT_CLASS (vitrine_sign_in_dialog_parent_class)->dispose (object);
}

static void
vitrine_sign_in_dialog_finalize (GObject *object)
{
  VitrineSignInDialog *self = VITRINE_SIGN_IN_DIALOG (object);

  g_free (self->import_token);

  G_OBJECT_CLASS (vitrine_sign_in_dialog_parent_class)->finalize (object);
}

static void
vitrine_sign_in_dialog_class_init (VitrineSignInDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vitrine_sign_in_dialog_dispose;
  object_class->finalize = vitrine_sign_in_dialog_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/ui/vitrine-sign-in-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, VitrineSignInDialog, kind_group);
  gtk_widget_class_bind_template_child (widget_class, VitrineSignInDialog, hf_check);
  gtk_widget_class_bind_template_child (widget_class, VitrineSignInDialog, other_check);
  gtk_widget_class_bind_template_child (widget_class, VitrineSignInDialog, url_row);
  gtk_widget_class_bind_template_child (widget_class, VitrineSignInDialog, token_row);
  gtk_widget_class_bind_template_child (widget_class, VitrineSignInDialog, link_row);
  gtk_widget_class_bind_template_child (widget_class, VitrineSignInDialog, import_row);
  gtk_widget_class_bind_template_child (widget_class, VitrineSignInDialog, token_group);
  gtk_widget_class_bind_template_child (widget_class, VitrineSignInDialog, result_group);
  gtk_widget_class_bind_template_child (widget_class, VitrineSignInDialog, user_row);
  gtk_widget_class_bind_template_child (widget_class, VitrineSignInDialog, role_row);
  gtk_widget_class_bind_template_child (widget_class, VitrineSignInDialog, orgs_row);
  gtk_widget_class_bind_template_child (widget_class, VitrineSignInDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, VitrineSignInDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, VitrineSignInDialog, sign_in_button);
  gtk_widget_class_bind_template_callback (widget_class, on_kind_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_input_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_token_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_link_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_import_clicked_cb);

  gtk_widget_class_install_action (widget_class, "sign-in.sign-in", NULL, sign_in_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
vitrine_sign_in_dialog_init (VitrineSignInDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  vitrine_accessible_repair (GTK_WIDGET (self));
}

/**
 * vitrine_sign_in_dialog_new:
 * @kind: (nullable): `hugging-face` or `other` to sign in there only;
 *   %NULL lets the user choose
 */
VitrineSignInDialog *
vitrine_sign_in_dialog_new (GtkWindow          *parent,
                            VitrineApplication *application,
                            const char         *kind)
{
  VitrineSignInDialog *self;

  g_return_val_if_fail (VITRINE_IS_APPLICATION (application), NULL);

  self = g_object_new (VITRINE_TYPE_SIGN_IN_DIALOG, "transient-for", parent, NULL);
  self->application = g_object_ref (application);
  if (kind != NULL)
    {
      gboolean other = g_str_equal (kind, "other");

      gtk_check_button_set_active (other ? self->other_check : self->hf_check, TRUE);
      gtk_widget_set_visible (GTK_WIDGET (self->kind_group), FALSE);
      gtk_window_set_title (GTK_WINDOW (self), other ? _("Sign In to Another Hub") : _("Sign In to Hugging Face"));
    }
  update (self);
  look_for_token (self);
  return self;
}
