/* vitrine-space-list.c — the account's Spaces, in the Demos area's sidebar
 *
 * Each row names a Space, its kind (its SDK) and where it runs: here,
 * when it is the demo running on this computer, and as its hub says (on
 * huggingface.co: running, asleep, failed…).  The list asks the account's
 * hub again when the account changes or when asked to (a Space created,
 * F5), and keeps showing what it had until the answer comes.
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "vitrine-accessible.h"
#include "vitrine-json.h"
#include "vitrine-space-list.h"

struct _VitrineSpaceList
{
  GtkWidget       parent_instance;

  VitrineAccount *account;
  GListModel     *spaces;
  GCancellable   *cancellable;
  char           *running;

  /* Template widgets */
  GtkWidget      *box;
  GtkStack       *stack;
  GtkSpinner     *spinner;
  GtkLabel       *loading_label;
  GtkListBox     *list_box;
  GtkLabel       *error_label;
};

G_DEFINE_FINAL_TYPE (VitrineSpaceList, vitrine_space_list, GTK_TYPE_WIDGET)

enum {
  SPACE_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char *
sdk_name (const char *sdk)
{
  if (g_strcmp0 (sdk, "gradio") == 0)
    return "Gradio";
  if (g_strcmp0 (sdk, "streamlit") == 0)
    return "Streamlit";
  if (g_strcmp0 (sdk, "docker") == 0)
    return "Docker";
  if (g_strcmp0 (sdk, "static") == 0)
    return C_("Space kind", "Static");
  return sdk;
}

/* What the hub says of the Space's app, in words; nothing for this
 * computer's hub, which runs none. */
static const char *
stage_words (VitrineRepoInfo *info,
             gboolean         local)
{
  JsonObject *runtime = vitrine_json_object (vitrine_repo_info_get_json (info), "runtime");
  const char *stage = vitrine_json_string (runtime, "stage");

  if (g_strcmp0 (stage, "NO_APP_FILE") == 0)
    return _("No app file");
  if (local || stage == NULL)
    return NULL;
  if (g_str_has_prefix (stage, "RUNNING"))
    return _("Running on the Hub");
  if (g_strcmp0 (stage, "BUILDING") == 0 || g_strcmp0 (stage, "APP_STARTING") == 0)
    return _("Starting on the Hub");
  if (g_strcmp0 (stage, "SLEEPING") == 0)
    return _("Asleep on the Hub");
  if (g_strcmp0 (stage, "PAUSED") == 0 || g_strcmp0 (stage, "STOPPED") == 0)
    return _("Stopped on the Hub");
  if (g_str_has_suffix (stage, "_ERROR"))
    return _("Failed on the Hub");
  return NULL;
}

static char *
row_subtitle (VitrineSpaceList *self,
              VitrineRepoInfo  *info)
{
  gboolean local = self->account != NULL && vitrine_account_get_kind (self->account) == VITRINE_ACCOUNT_KIND_LOCAL;
  const char *sdk = sdk_name (vitrine_repo_info_get_sdk (info));
  const char *where = NULL;
  GStrvBuilder *builder = g_strv_builder_new ();
  g_auto(GStrv) parts = NULL;

  if (g_strcmp0 (self->running, vitrine_repo_info_get_id (info)) == 0)
    where = _("Running here");
  else
    where = stage_words (info, local);
  if (sdk != NULL)
    g_strv_builder_add (builder, sdk);
  if (where != NULL)
    g_strv_builder_add (builder, where);
  if (vitrine_repo_info_get_private (info))
    g_strv_builder_add (builder, _("Private"));
  parts = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);
  return g_strjoinv (" · ", parts);
}

static GtkWidget *
create_row_cb (gpointer item,
               gpointer user_data)
{
  VitrineSpaceList *self = user_data;
  VitrineRepoInfo *info = item;
  g_autofree char *subtitle = row_subtitle (self, info);
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *title = g_markup_escape_text (vitrine_repo_info_get_id (info), -1);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data_full (G_OBJECT (row), "vitrine-space-id", g_strdup (vitrine_repo_info_get_id (info)), g_free);
  g_object_set_data (G_OBJECT (row), "vitrine-space-info", info);
  vitrine_accessible_repair (row);
  return row;
}

static void
update_rows (VitrineSpaceList *self)
{
  for (int i = 0;; i++)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->list_box, i);
      VitrineRepoInfo *info;
      g_autofree char *subtitle = NULL;

      if (row == NULL)
        break;
      info = g_object_get_data (G_OBJECT (row), "vitrine-space-info");
      subtitle = row_subtitle (self, info);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
    }
}

static void
on_row_activated_cb (GtkListBox       *box,
                     GtkListBoxRow    *row,
                     VitrineSpaceList *self)
{
  const char *id = g_object_get_data (G_OBJECT (row), "vitrine-space-id");

  if (id != NULL)
    g_signal_emit (self, signals[SPACE_ACTIVATED], 0, id);
}

static void
show_spaces (VitrineSpaceList *self,
             GListModel       *spaces)
{
  g_set_object (&self->spaces, spaces);
  gtk_list_box_bind_model (self->list_box, spaces, create_row_cb, self, NULL);
  gtk_spinner_stop (self->spinner);
  gtk_stack_set_visible_child_name (self->stack,
                                    spaces != NULL && g_list_model_get_n_items (spaces) > 0 ? "list" : "empty");
}

static void
on_listed_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(VitrineSpaceList) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) spaces = vitrine_client_list_repos_finish (VITRINE_CLIENT (source), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&self->cancellable);
  if (spaces == NULL)
    {
      /* Translators: %s says why. */
      g_autofree char *message = g_strdup_printf (_("Your Spaces could not be listed: %s"), error->message);

      gtk_spinner_stop (self->spinner);
      gtk_label_set_label (self->error_label, message);
      gtk_stack_set_visible_child_name (self->stack, "error");
      return;
    }
  show_spaces (self, spaces);
}

/* Returns: whether the list is being asked for */
gboolean
vitrine_space_list_is_loading (VitrineSpaceList *self)
{
  g_return_val_if_fail (VITRINE_IS_SPACE_LIST (self), FALSE);
  return self->cancellable != NULL;
}

/**
 * vitrine_space_list_refresh:
 *
 * Asks the account's hub for its Spaces again.
 */
void
vitrine_space_list_refresh (VitrineSpaceList *self)
{
  VitrineClient *client;
  const char *name;

  g_return_if_fail (VITRINE_IS_SPACE_LIST (self));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->account == NULL)
    {
      /* The hub is starting: nothing is asked yet. */
      gtk_spinner_stop (self->spinner);
      gtk_label_set_label (self->loading_label, _("Waiting for the hub…"));
      gtk_stack_set_visible_child_name (self->stack, "loading");
      return;
    }
  client = vitrine_account_get_client (self->account);
  name = vitrine_account_get_name (self->account);
  if (name == NULL)
    {
      show_spaces (self, NULL);
      return;
    }
  if (self->spaces == NULL)
    {
      gtk_spinner_start (self->spinner);
      gtk_label_set_label (self->loading_label, _("Loading your Spaces…"));
      gtk_stack_set_visible_child_name (self->stack, "loading");
    }
  self->cancellable = g_cancellable_new ();
  vitrine_client_list_repos_async (client, VITRINE_REPO_TYPE_SPACE, name, NULL, self->cancellable,
                                   on_listed_cb, g_object_ref (self));
}

static void
refresh_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  vitrine_space_list_refresh (VITRINE_SPACE_LIST (widget));
}

/* Returns: (transfer none) (nullable): the account whose Spaces are listed */
VitrineAccount *
vitrine_space_list_get_account (VitrineSpaceList *self)
{
  g_return_val_if_fail (VITRINE_IS_SPACE_LIST (self), NULL);
  return self->account;
}

static void
on_account_name_cb (VitrineSpaceList *self)
{
  vitrine_space_list_refresh (self);
}

/**
 * vitrine_space_list_set_account:
 * @account: (nullable): whose Spaces to list
 */
void
vitrine_space_list_set_account (VitrineSpaceList *self,
                                VitrineAccount   *account)
{
  g_return_if_fail (VITRINE_IS_SPACE_LIST (self));

  if (self->account == account)
    return;
  if (self->account != NULL)
    g_signal_handlers_disconnect_by_data (self->account, self);
  g_set_object (&self->account, account);
  g_clear_object (&self->spaces);
  gtk_list_box_bind_model (self->list_box, NULL, NULL, NULL, NULL);
  if (account != NULL)
    g_signal_connect_object (account, "notify::name", G_CALLBACK (on_account_name_cb), self, G_CONNECT_SWAPPED);
  vitrine_space_list_refresh (self);
}

/* Returns: (transfer none) (nullable): the Spaces listed, VitrineRepoInfo */
GListModel *
vitrine_space_list_get_spaces (VitrineSpaceList *self)
{
  g_return_val_if_fail (VITRINE_IS_SPACE_LIST (self), NULL);
  return self->spaces;
}

/**
 * vitrine_space_list_set_running:
 * @space_id: (nullable): the Space that runs here
 */
void
vitrine_space_list_set_running (VitrineSpaceList *self,
                                const char       *space_id)
{
  g_return_if_fail (VITRINE_IS_SPACE_LIST (self));

  if (g_strcmp0 (self->running, space_id) == 0)
    return;
  g_free (self->running);
  self->running = g_strdup (space_id);
  update_rows (self);
}

/**
 * vitrine_space_list_dup_row_text:
 *
 * Returns: (transfer full) (nullable): what the row of @space_id says,
 *   "title\nsubtitle"
 */
char *
vitrine_space_list_dup_row_text (VitrineSpaceList *self,
                                 const char       *space_id)
{
  g_return_val_if_fail (VITRINE_IS_SPACE_LIST (self), NULL);

  for (int i = 0;; i++)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->list_box, i);

      if (row == NULL)
        return NULL;
      if (g_strcmp0 (g_object_get_data (G_OBJECT (row), "vitrine-space-id"), space_id) == 0)
        return g_strdup_printf ("%s\n%s", adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)),
                                adw_action_row_get_subtitle (ADW_ACTION_ROW (row)));
    }
}

GtkWidget *
vitrine_space_list_new (void)
{
  return g_object_new (VITRINE_TYPE_SPACE_LIST, NULL);
}

static void
vitrine_space_list_dispose (GObject *object)
{
  VitrineSpaceList *self = VITRINE_SPACE_LIST (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->account != NULL)
    g_signal_handlers_disconnect_by_data (self->account, self);
  g_clear_object (&self->account);
  g_clear_object (&self->spaces);
  gtk_widget_dispose_template (GTK_WIDGET (self), VITRINE_TYPE_SPACE_LIST);

  G_OBJECT_CLASS (vitrine_space_list_parent_class)->dispose (object);
}

static void
vitrine_space_list_finalize (GObject *object)
{
  VitrineSpaceList *self = VITRINE_SPACE_LIST (object);

  g_free (self->running);

  G_OBJECT_CLASS (vitrine_space_list_parent_class)->finalize (object);
}

static void
vitrine_space_list_class_init (VitrineSpaceListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vitrine_space_list_dispose;
  object_class->finalize = vitrine_space_list_finalize;

  /**
   * VitrineSpaceList::space-activated:
   * @space_id: the Space chosen, `ns/name`
   */
  signals[SPACE_ACTIVATED] =
    g_signal_new ("space-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/ui/vitrine-space-list.ui");
  gtk_widget_class_bind_template_child (widget_class, VitrineSpaceList, box);
  gtk_widget_class_bind_template_child (widget_class, VitrineSpaceList, stack);
  gtk_widget_class_bind_template_child (widget_class, VitrineSpaceList, spinner);
  gtk_widget_class_bind_template_child (widget_class, VitrineSpaceList, loading_label);
  gtk_widget_class_bind_template_child (widget_class, VitrineSpaceList, list_box);
  gtk_widget_class_bind_template_child (widget_class, VitrineSpaceList, error_label);
  gtk_widget_class_install_action (widget_class, "spaces.refresh", NULL, refresh_action);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
vitrine_space_list_init (VitrineSpaceList *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  vitrine_space_list_refresh (self);
  g_signal_connect (self->list_box, "row-activated", G_CALLBACK (on_row_activated_cb), self);
}
