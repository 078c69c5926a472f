/* vitrine-destination-step.c — the publish wizard's Destination step
 *
 * Which account publishes, for which owner (the user, or an organisation
 * they may publish for), under which name, who may see the repository,
 * and the commit's message.  The name is checked as it is typed, for its
 * form at once and, once typing pauses, on the hub: a new repository, one
 * of the user's that publishing updates, or one they cannot write to,
 * where only a pull request can go.  A token that can only read is said
 * so here, before a publish could fail on it.
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "vitrine-accessible.h"
#include "vitrine-destination.h"
#include "vitrine-destination-step.h"
#include "vitrine-error.h"

/* How long typing may pause before the hub is asked about the name. */
#define CHECK_DELAY_MS 300

struct _VitrineDestinationStep
{
  VitrineAssistantPage  parent_instance;

  VitrinePublishSetup  *setup;
  GListModel           *accounts;
  GCancellable         *whoami_cancellable;
  char                 *whoami_error;
  GCancellable         *check_cancellable;
  guint                 check_id;
  /* What the hub said about the name, or why it could not be asked. */
  char                 *check_message;
  gboolean              checking;
  gboolean              unreachable;
  gboolean              message_edited;
  gboolean              updating;

  /* Template widgets */
  AdwComboRow          *account_row;
  AdwActionRow         *read_only_row;
  AdwComboRow          *owner_row;
  GtkStringList        *owners;
  AdwEntryRow          *name_row;
  GtkStack             *name_marker;
  GtkLabel             *name_status;
  AdwActionRow         *private_row;
  AdwActionRow         *public_row;
  GtkCheckButton       *private_check;
  GtkCheckButton       *public_check;
  AdwActionRow         *gated_row;
  GtkSwitch            *gated_switch;
  AdwEntryRow          *message_row;
  AdwActionRow         *pr_row;
  GtkSwitch            *pr_switch;
};

G_DEFINE_FINAL_TYPE (VitrineDestinationStep, vitrine_destination_step, VITRINE_TYPE_ASSISTANT_PAGE)

enum {
  PROP_0,
  PROP_SETUP,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void check_name (VitrineDestinationStep *self);

static VitrineAccount *
current_account (VitrineDestinationStep *self)
{
  return vitrine_publish_setup_get_account (self->setup);
}

/* Whether the hub told who the account is (its organisations, its
 * token's role). */
static gboolean
account_known (VitrineDestinationStep *self)
{
  return current_account (self) != NULL && vitrine_account_get_whoami (current_account (self)) != NULL;
}

static gboolean
token_is_read_only (VitrineDestinationStep *self)
{
  return account_known (self) && vitrine_account_get_token_role (current_account (self)) == VITRINE_TOKEN_ROLE_READ;
}

/* ---- State ------------------------------------------------------------ */

static gboolean
is_blank (const char *text)
{
  for (; text != NULL && *text != '\0'; text = g_utf8_next_char (text))
    if (!g_unichar_isspace (g_utf8_get_char (text)))
      return FALSE;
  return TRUE;
}

static void
set_status (VitrineDestinationStep *self,
            const char             *marker,
            const char             *text)
{
  gtk_stack_set_visible_child_name (self->name_marker, marker);
  gtk_label_set_label (self->name_status, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->name_status), text != NULL && *text != '\0');
}

static void
update_state (VitrineDestinationStep *self)
{
  VitrinePublishSetup *setup = self->setup;
  gboolean known = vitrine_publish_setup_get_destination_known (setup);
  VitrineDestinationStatus status = vitrine_publish_setup_get_destination_status (setup);
  const char *owner = vitrine_publish_setup_get_owner (setup);
  const char *name = vitrine_publish_setup_get_name (setup);
  g_autofree char *repo_id = vitrine_publish_setup_dup_repo_id (setup);
  g_autofree char *format_problem = NULL;
  g_autofree char *problem = NULL;
  gboolean waiting = FALSE;
  gboolean exists = known && (status == VITRINE_DESTINATION_UPDATE || status == VITRINE_DESTINATION_PULL_REQUEST);
  gboolean gating = current_account (self) != NULL &&
                    vitrine_destination_supports_gating (current_account (self), NULL);

  if (name != NULL && *name != '\0' && owner != NULL)
    vitrine_destination_check_name (owner, name, &format_problem);

  gtk_widget_set_visible (GTK_WIDGET (self->read_only_row), token_is_read_only (self));
  /* A pull request goes to a repository that exists. */
  gtk_widget_set_sensitive (GTK_WIDGET (self->pr_row), exists);
  /* Who may see an existing repository is the Hub's to change, not a publish's. */
  gtk_widget_set_sensitive (GTK_WIDGET (self->private_row), !exists);
  gtk_widget_set_sensitive (GTK_WIDGET (self->public_row), !exists);
  gtk_widget_set_visible (GTK_WIDGET (self->gated_row),
                          gating && !exists && !vitrine_publish_setup_get_private (setup));

  if (format_problem != NULL)
    set_status (self, "problem", format_problem);
  else if (self->checking)
    set_status (self, "checking", _("Checking the name on the hub…"));
  else if (self->unreachable)
    {
      /* Translators: %s says why. */
      g_autofree char *text = g_strdup_printf (_("Could not check the name: %s"), self->check_message);
      set_status (self, "problem", text);
    }
  else if (known)
    {
      g_autofree char *text = NULL;
      const char *marker = "ok";

      switch (status)
        {
        case VITRINE_DESTINATION_NEW:
          /* Translators: %s is a repository, such as “alice/bert-imdb”. */
          text = g_strdup_printf (_("%s is free: publishing makes a new repository."), repo_id);
          break;
        case VITRINE_DESTINATION_UPDATE:
          text = g_strdup_printf (_("%s exists: publishing will update your repository."), repo_id);
          break;
        case VITRINE_DESTINATION_PULL_REQUEST:
          text = g_strdup_printf (_("%s exists and you can’t write to it: Open as a Pull Request proposes your changes to its owners."), repo_id);
          if (!vitrine_publish_setup_get_create_pr (setup))
            marker = "problem";
          break;
        case VITRINE_DESTINATION_NOT_ALLOWED:
        case VITRINE_DESTINATION_INVALID:
        default:
          text = g_strdup (self->check_message);
          marker = "problem";
          break;
        }
      set_status (self, marker, text);
    }
  else
    set_status (self, "none", NULL);

  if (current_account (self) == NULL)
    problem = g_strdup (_("Choose an account to publish with"));
  else if (self->whoami_error != NULL)
    problem = g_strdup_printf (_("The hub did not say who you are: %s"), self->whoami_error);
  else if (!account_known (self))
    {
      waiting = TRUE;
      problem = g_strdup (_("Asking the hub who you are…"));
    }
  else if (token_is_read_only (self))
    problem = g_strdup (_("This account’s token can only read: sign in with one that can write"));
  else if (owner == NULL)
    problem = g_strdup (_("Choose who owns the repository"));
  else if (name == NULL || *name == '\0')
    problem = g_strdup (_("Give the repository a name"));
  else if (format_problem != NULL)
    problem = g_strdup (format_problem);
  else if (self->unreachable)
    problem = g_strdup_printf (_("Could not check the name: %s"), self->check_message);
  else if (self->checking || !known)
    {
      waiting = TRUE;
      problem = g_strdup (_("Checking the name on the hub…"));
    }
  else if (status == VITRINE_DESTINATION_PULL_REQUEST && !vitrine_publish_setup_get_create_pr (setup))
    problem = g_strdup_printf (_("You can’t write to %s: open a pull request, or choose another name"), repo_id);
  else if (status == VITRINE_DESTINATION_NOT_ALLOWED || status == VITRINE_DESTINATION_INVALID)
    problem = g_strdup (self->check_message != NULL ? self->check_message : _("You can’t publish there"));
  else if (is_blank (vitrine_publish_setup_get_message (setup)))
    problem = g_strdup (_("Write a commit message"));

  vitrine_assistant_page_set_state (VITRINE_ASSISTANT_PAGE (self), problem == NULL, waiting, problem);
}

/* The message says what the publish does, until the user writes theirs. */
static void
update_default_message (VitrineDestinationStep *self)
{
  const char *name = vitrine_publish_setup_get_name (self->setup);
  VitrineDestinationStatus status = vitrine_publish_setup_get_destination_status (self->setup);
  g_autofree char *message = NULL;

  if (self->message_edited)
    return;
  if (vitrine_publish_setup_get_destination_known (self->setup) &&
      (status == VITRINE_DESTINATION_UPDATE || status == VITRINE_DESTINATION_PULL_REQUEST))
    /* Translators: the default commit message of a publish that updates a repository. */
    message = g_strdup_printf (_("Update %s"), name != NULL ? name : "");
  else
    /* Translators: the default commit message of a repository's first publish. */
    message = g_strdup_printf (_("Publish %s"), name != NULL ? name : "");
  self->updating = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->message_row), message);
  self->updating = FALSE;
  vitrine_publish_setup_set_message (self->setup, message);
}

/* ---- The name on the hub ---------------------------------------------- */

static void
on_checked_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  VitrineDestinationStep *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(VitrineRepoInfo) info = NULL;
  g_autofree char *message = NULL;
  VitrineDestinationStatus status;

  status = vitrine_destination_check_finish (result, &message, &info, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self->checking = FALSE;
  g_clear_pointer (&self->check_message, g_free);
  if (error != NULL)
    {
      self->unreachable = TRUE;
      self->check_message = g_strdup (error->message);
      vitrine_publish_setup_set_destination_status (self->setup, FALSE, VITRINE_DESTINATION_INVALID);
    }
  else
    {
      self->check_message = g_steal_pointer (&message);
      vitrine_publish_setup_set_destination_status (self->setup, TRUE, status);
      if (info != NULL)
        vitrine_publish_setup_set_private (self->setup, vitrine_repo_info_get_private (info));
      /* Someone else's repository takes a pull request; a new one cannot. */
      vitrine_publish_setup_set_create_pr (self->setup, status == VITRINE_DESTINATION_PULL_REQUEST);
    }
  update_default_message (self);
  update_state (self);
}

static gboolean
check_on_hub_cb (gpointer data)
{
  VitrineDestinationStep *self = data;
  g_autofree char *repo_id = vitrine_publish_setup_dup_repo_id (self->setup);

  self->check_id = 0;
  if (current_account (self) == NULL || repo_id == NULL)
    return G_SOURCE_REMOVE;
  g_cancellable_cancel (self->check_cancellable);
  g_clear_object (&self->check_cancellable);
  self->check_cancellable = g_cancellable_new ();
  vitrine_destination_check_async (current_account (self), VITRINE_REPO_TYPE_MODEL, repo_id,
                                   self->check_cancellable, on_checked_cb, self);
  return G_SOURCE_REMOVE;
}

/* The form at once; the hub once typing pauses. */
static void
check_name (VitrineDestinationStep *self)
{
  const char *name = vitrine_publish_setup_get_name (self->setup);
  const char *owner = vitrine_publish_setup_get_owner (self->setup);

  g_clear_handle_id (&self->check_id, g_source_remove);
  g_cancellable_cancel (self->check_cancellable);
  self->unreachable = FALSE;
  vitrine_publish_setup_set_destination_status (self->setup, FALSE, VITRINE_DESTINATION_INVALID);
  self->checking = account_known (self) && owner != NULL && name != NULL &&
                   vitrine_destination_check_name (owner, name, NULL);
  if (self->checking)
    self->check_id = g_timeout_add (CHECK_DELAY_MS, check_on_hub_cb, self);
  update_default_message (self);
  update_state (self);
}

static void
on_name_changed_cb (VitrineDestinationStep *self)
{
  g_autofree char *name = NULL;

  if (self->updating)
    return;
  name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row))));
  vitrine_publish_setup_set_name (self->setup, name);
  check_name (self);
}

/* ---- Owners and accounts ---------------------------------------------- */

static void
fill_owners (VitrineDestinationStep *self)
{
  const char *wanted = vitrine_publish_setup_get_owner (self->setup);
  g_auto(GStrv) names = NULL;
  guint selected = 0;

  if (account_known (self))
    names = vitrine_account_dup_owners (current_account (self));
  if (names == NULL)
    names = g_new0 (char *, 1);
  for (guint i = 0; names[i] != NULL; i++)
    if (g_strcmp0 (wanted, names[i]) == 0)
      selected = i;

  self->updating = TRUE;
  gtk_string_list_splice (self->owners, 0, g_list_model_get_n_items (G_LIST_MODEL (self->owners)),
                          (const char * const *) names);
  adw_combo_row_set_selected (self->owner_row, selected);
  self->updating = FALSE;
  vitrine_publish_setup_set_owner (self->setup, names[0] != NULL ? names[selected] : NULL);
  check_name (self);
}

static void
on_owner_selected_cb (VitrineDestinationStep *self)
{
  GtkStringObject *item = adw_combo_row_get_selected_item (self->owner_row);

  if (self->updating || item == NULL)
    return;
  vitrine_publish_setup_set_owner (self->setup, gtk_string_object_get_string (item));
  check_name (self);
}

static void
on_refreshed_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  VitrineDestinationStep *self = user_data;
  g_autoptr(GError) error = NULL;

  if (!vitrine_account_refresh_finish (VITRINE_ACCOUNT (source), result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      g_clear_pointer (&self->whoami_error, g_free);
      self->whoami_error = g_strdup (error->message);
    }
  fill_owners (self);
}

static void
on_account_changed_cb (VitrineDestinationStep *self)
{
  g_cancellable_cancel (self->whoami_cancellable);
  g_clear_object (&self->whoami_cancellable);
  g_clear_pointer (&self->whoami_error, g_free);
  fill_owners (self);
  /* Who the user is there, their organisations and the token's role. */
  if (current_account (self) == NULL || account_known (self))
    return;
  self->whoami_cancellable = g_cancellable_new ();
  vitrine_account_refresh_async (current_account (self), self->whoami_cancellable, on_refreshed_cb, self);
}

static void
select_setup_account (VitrineDestinationStep *self)
{
  VitrineAccount *account = vitrine_publish_setup_get_account (self->setup);

  for (guint i = 0; self->accounts != NULL && i < g_list_model_get_n_items (self->accounts); i++)
    {
      g_autoptr(VitrineAccount) item = g_list_model_get_item (self->accounts, i);

      if (item == account)
        {
          self->updating = TRUE;
          adw_combo_row_set_selected (self->account_row, i);
          self->updating = FALSE;
          return;
        }
    }
}

static void
on_account_selected_cb (VitrineDestinationStep *self)
{
  VitrineAccount *account = adw_combo_row_get_selected_item (self->account_row);

  if (self->updating || account == NULL)
    return;
  vitrine_publish_setup_set_account (self->setup, account);
}

/**
 * vitrine_destination_step_set_accounts:
 * @accounts: (element-type VitrineAccount): the accounts one may publish with
 */
void
vitrine_destination_step_set_accounts (VitrineDestinationStep *self,
                                       GListModel             *accounts)
{
  g_return_if_fail (VITRINE_IS_DESTINATION_STEP (self));

  g_set_object (&self->accounts, accounts);
  self->updating = TRUE;
  adw_combo_row_set_model (self->account_row, accounts);
  self->updating = FALSE;
  select_setup_account (self);
}

/* ---- The rest of the form --------------------------------------------- */

static void
on_visibility_toggled_cb (VitrineDestinationStep *self)
{
  if (self->updating)
    return;
  vitrine_publish_setup_set_private (self->setup, gtk_check_button_get_active (self->private_check));
}

static void
on_private_changed_cb (VitrineDestinationStep *self)
{
  gboolean private_ = vitrine_publish_setup_get_private (self->setup);

  self->updating = TRUE;
  gtk_check_button_set_active (private_ ? self->private_check : self->public_check, TRUE);
  self->updating = FALSE;
  if (private_)
    vitrine_publish_setup_set_gated (self->setup, FALSE);
  update_state (self);
}

static void
on_message_changed_cb (VitrineDestinationStep *self)
{
  if (self->updating)
    return;
  self->message_edited = TRUE;
  vitrine_publish_setup_set_message (self->setup, gtk_editable_get_text (GTK_EDITABLE (self->message_row)));
  update_state (self);
}

/* The setup changed under the step (a folder published before brings its
 * last destination): the form follows. */
static void
on_setup_destination_cb (VitrineDestinationStep *self)
{
  const char *name = vitrine_publish_setup_get_name (self->setup);
  const char *message = vitrine_publish_setup_get_message (self->setup);

  self->updating = TRUE;
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->name_row)), name != NULL ? name : "") != 0)
    gtk_editable_set_text (GTK_EDITABLE (self->name_row), name != NULL ? name : "");
  if (message != NULL && g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->message_row)), message) != 0)
    {
      gtk_editable_set_text (GTK_EDITABLE (self->message_row), message);
      self->message_edited = TRUE;
    }
  self->updating = FALSE;
  fill_owners (self);
}

static void
on_folder_changed_cb (VitrineDestinationStep *self)
{
  self->message_edited = FALSE;
}

/**
 * vitrine_destination_step_check_again:
 *
 * Starts over on the setup's destination as it is now: asks the hub about
 * the name again and proposes the commit message anew.  For a folder
 * opened again, whose name and owner may be the same as before while the
 * repository now exists.
 */
void
vitrine_destination_step_check_again (VitrineDestinationStep *self)
{
  g_return_if_fail (VITRINE_IS_DESTINATION_STEP (self));

  self->message_edited = FALSE;
  check_name (self);
}

/* ---- Object ----------------------------------------------------------- */

static void
vitrine_destination_step_constructed (GObject *object)
{
  VitrineDestinationStep *self = VITRINE_DESTINATION_STEP (object);

  G_OBJECT_CLASS (vitrine_destination_step_parent_class)->constructed (object);

  g_object_bind_property (self->setup, "gated", self->gated_switch, "active",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  g_object_bind_property (self->setup, "create-pr", self->pr_switch, "active",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  g_signal_connect_object (self->setup, "notify::account", G_CALLBACK (on_account_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->setup, "notify::account", G_CALLBACK (select_setup_account), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->setup, "notify::private", G_CALLBACK (on_private_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->setup, "notify::create-pr", G_CALLBACK (update_state), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->setup, "notify::name", G_CALLBACK (on_setup_destination_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->setup, "notify::owner", G_CALLBACK (on_setup_destination_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->setup, "notify::folder", G_CALLBACK (on_folder_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->account_row, "notify::selected", G_CALLBACK (on_account_selected_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->owner_row, "notify::selected", G_CALLBACK (on_owner_selected_cb), self,
                           G_CONNECT_SWAPPED);
  on_private_changed_cb (self);
  on_account_changed_cb (self);
}

static void
vitrine_destination_step_dispose (GObject *object)
{
  VitrineDestinationStep *self = VITRINE_DESTINATION_STEP (object);

  g_clear_handle_id (&self->check_id, g_source_remove);
  g_cancellable_cancel (self->check_cancellable);
  g_cancellable_cancel (self->whoami_cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), VITRINE_TYPE_DESTINATION_STEP);
  g_clear_object (&self->check_cancellable);
  g_clear_object (&self->whoami_cancellable);
  g_clear_object (&self->accounts);
  g_clear_object (&self->setup);

  G_OBJECT_CLASS (vitrine_destination_step_parent_class)->dispose (object);
}

static void
vitrine_destination_step_finalize (GObject *object)
{
  VitrineDestinationStep *self = VITRINE_DESTINATION_STEP (object);

  g_free (self->whoami_error);
  g_free (self->check_message);

  G_OBJECT_CLASS (vitrine_destination_step_parent_class)->finalize (object);
}

static void
vitrine_destination_step_set_property (GObject      *object,
                                       guint         prop_id,
                                       const GValue *value,
                                       GParamSpec   *pspec)
{
  VitrineDestinationStep *self = VITRINE_DESTINATION_STEP (object);

  switch (prop_id)
    {
    case PROP_SETUP:
      self->setup = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vitrine_destination_step_class_init (VitrineDestinationStepClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = vitrine_destination_step_constructed;
  object_class->dispose = vitrine_destination_step_dispose;
  object_class->finalize = vitrine_destination_step_finalize;
  object_class->set_property = vitrine_destination_step_set_property;

  properties[PROP_SETUP] =
    g_param_spec_object ("setup", NULL, NULL, VITRINE_TYPE_PUBLISH_SETUP,
                         G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/ui/vitrine-destination-step.ui");
  gtk_widget_class_bind_template_child (widget_class, VitrineDestinationStep, account_row);
  gtk_widget_class_bind_template_child (widget_class, VitrineDestinationStep, read_only_row);
  gtk_widget_class_bind_template_child (widget_class, VitrineDestinationStep, owner_row);
  gtk_widget_class_bind_template_child (widget_class, VitrineDestinationStep, owners);
  gtk_widget_class_bind_template_child (widget_class, VitrineDestinationStep, name_row);
  gtk_widget_class_bind_template_child (widget_class, VitrineDestinationStep, name_marker);
  gtk_widget_class_bind_template_child (widget_class, VitrineDestinationStep, name_status);
  gtk_widget_class_bind_template_child (widget_class, VitrineDestinationStep, private_row);
  gtk_widget_class_bind_template_child (widget_class, VitrineDestinationStep, public_row);
  gtk_widget_class_bind_template_child (widget_class, VitrineDestinationStep, private_check);
  gtk_widget_class_bind_template_child (widget_class, VitrineDestinationStep, public_check);
  gtk_widget_class_bind_template_child (widget_class, VitrineDestinationStep, gated_row);
  gtk_widget_class_bind_template_child (widget_class, VitrineDestinationStep, gated_switch);
  gtk_widget_class_bind_template_child (widget_class, VitrineDestinationStep, message_row);
  gtk_widget_class_bind_template_child (widget_class, VitrineDestinationStep, pr_row);
  gtk_widget_class_bind_template_child (widget_class, VitrineDestinationStep, pr_switch);
  gtk_widget_class_bind_template_callback (widget_class, on_name_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_visibility_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_message_changed_cb);
}

static void
vitrine_destination_step_init (VitrineDestinationStep *self)
{
  g_autoptr(GtkExpression) label = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));
  vitrine_assistant_page_set_title (VITRINE_ASSISTANT_PAGE (self), _("Destination"));
  label = gtk_property_expression_new (VITRINE_TYPE_ACCOUNT, NULL, "label");
  adw_combo_row_set_expression (self->account_row, label);
  vitrine_accessible_repair (GTK_WIDGET (self));
}

VitrineDestinationStep *
vitrine_destination_step_new (VitrinePublishSetup *setup)
{
  VitrineDestinationStep *self;

  g_return_val_if_fail (VITRINE_IS_PUBLISH_SETUP (setup), NULL);

  self = g_object_new (VITRINE_TYPE_DESTINATION_STEP, "setup", setup, NULL);
  return self;
}
