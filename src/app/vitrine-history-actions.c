/* vitrine-history-actions.c — what the History area does to a version:
 * name it (tags), branch from it, compare it, download it; and which of
 * these can be done
 *
 * Each action that changes the repository asks first where it cannot be
 * undone (deleting a tag) or where it changes the branch (restoring, with
 * the list of what will change), says when it is done in a toast, and
 * says the repository changed so that every view refreshes.  A restore
 * made against a branch someone published to meanwhile is refused by the
 * hub; the list of changes is then made again and shown again, so what
 * was published is never overwritten unseen (vitrine-history-restore.c).
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "vitrine-accessible.h"
#include "vitrine-compare-window.h"
#include "vitrine-error.h"
#include "vitrine-history-page-private.h"

void
_vitrine_history_page_update_actions (VitrineHistoryPage *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  gboolean chosen = self->commit != NULL && _vitrine_history_page_get_client (self) != NULL;

  gtk_widget_action_set_enabled (widget, "history.copy-id", chosen);
  gtk_widget_action_set_enabled (widget, "history.tag", chosen);
  gtk_widget_action_set_enabled (widget, "history.delete-tag", chosen);
  gtk_widget_action_set_enabled (widget, "history.branch", chosen);
  gtk_widget_action_set_enabled (widget, "history.restore", chosen && !_vitrine_history_page_is_branch_head (self, self->commit));
  gtk_widget_action_set_enabled (widget, "history.compare", chosen);
  gtk_widget_action_set_enabled (widget, "history.download", chosen);
  /* Only huggingface.co has pages to show. */
  gtk_widget_action_set_enabled (widget, "history.view-on-hub",
                                 chosen && vitrine_account_get_kind (self->account) == VITRINE_ACCOUNT_KIND_HUGGING_FACE);
}

static void
copy_id_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  VitrineHistoryPage *self = VITRINE_HISTORY_PAGE (widget);

  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), vitrine_commit_get_id (self->commit));
  _vitrine_history_page_toast (self, _("Copied the commit id."));
}

/* ---- Names: tags and branches ----------------------------------------- */

/**
 * _vitrine_history_check_ref_name:
 *
 * Returns: (transfer full) (nullable): what is wrong with @name as the
 *   name of a new tag or branch, or %NULL when it can be one
 */
char *
_vitrine_history_check_ref_name (VitrineHistoryPage *self,
                                 const char         *name,
                                 VitrineRefKind      kind)
{
  GListModel *refs = self->commits != NULL ? vitrine_commit_list_get_refs (self->commits) : NULL;
  gsize len = strlen (name);

  if (len == 0)
    return g_strdup (kind == VITRINE_REF_TAG ? _("Give the tag a name, such as v1.0.")
                                             : _("Give the branch a name, such as experiment."));
  for (const char *p = name; *p != '\0'; p++)
    if (g_ascii_isspace (*p) || g_ascii_iscntrl (*p) || strchr ("~^:?*[\\", *p) != NULL)
      return g_strdup_printf (_("A name cannot hold spaces or any of ~ ^ : ? * [ \\."));
  if (strstr (name, "..") != NULL || strstr (name, "@{") != NULL || strstr (name, "//") != NULL ||
      name[0] == '-' || name[0] == '.' || name[0] == '/' || name[len - 1] == '.' || name[len - 1] == '/' ||
      g_str_has_suffix (name, ".lock") || g_str_equal (name, "@") || strstr (name, "/.") != NULL)
    return g_strdup (_("A name cannot start with - or a dot, end with a dot, / or .lock, or hold .. or @{."));
  if (kind == VITRINE_REF_TAG && strchr (name, '/') != NULL)
    return g_strdup (_("A tag’s name cannot hold /."));
  for (guint i = 0; refs != NULL && i < g_list_model_get_n_items (refs); i++)
    {
      g_autoptr(VitrineRef) ref = g_list_model_get_item (refs, i);

      if (vitrine_ref_get_kind (ref) == kind && g_str_equal (vitrine_ref_get_name (ref), name))
        return g_strdup_printf (kind == VITRINE_REF_TAG ? _("There is a tag named “%s” already.")
                                                        : _("There is a branch named “%s” already."), name);
    }
  return NULL;
}

typedef struct
{
  VitrineHistoryPage *self;
  VitrineRefKind      kind;
  char               *commit_id;
  char               *title;
  AdwEntryRow        *name_row;
  AdwEntryRow        *message_row;
  GtkLabel           *problem;
} NameDialog;

static void
name_dialog_free (NameDialog *d)
{
  g_object_unref (d->self);
  g_free (d->commit_id);
  g_free (d->title);
  g_free (d);
}

static void
on_name_changed_cb (AdwMessageDialog *dialog)
{
  NameDialog *d = g_object_get_data (G_OBJECT (dialog), "name-dialog");
  g_autofree char *problem = _vitrine_history_check_ref_name (d->self, gtk_editable_get_text (GTK_EDITABLE (d->name_row)),
                                                              d->kind);
  gboolean empty = *gtk_editable_get_text (GTK_EDITABLE (d->name_row)) == '\0';

  /* An empty name is not a mistake yet: only the button says so. */
  gtk_label_set_label (d->problem, problem != NULL && !empty ? problem : "");
  gtk_widget_set_visible (GTK_WIDGET (d->problem), problem != NULL && !empty);
  adw_message_dialog_set_response_enabled (dialog, "create", problem == NULL);
  if (problem != NULL && !empty)
    gtk_widget_add_css_class (GTK_WIDGET (d->name_row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (d->name_row), "error");
}

typedef struct
{
  VitrineHistoryPage *self;
  char               *message;
} Done;

static Done *
done_new (VitrineHistoryPage *self,
          char               *message)
{
  Done *done = g_new0 (Done, 1);

  done->self = g_object_ref (self);
  done->message = message;
  return done;
}

static void
done_free (Done *done)
{
  g_object_unref (done->self);
  g_free (done->message);
  g_free (done);
}

/* A tag or branch made or deleted: toast, and refresh. */
static void
on_ref_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  Done *done = user_data;
  g_autoptr(GError) error = NULL;
  gpointer ok = g_task_propagate_pointer (G_TASK (result), &error);

  if (ok == NULL)
    _vitrine_history_page_toast (done->self, error->message);
  else
    {
      _vitrine_history_page_toast (done->self, done->message);
      _vitrine_history_page_changed (done->self);
    }
  done_free (done);
}

/* The client's boolean calls share one finish: each _finish of a ref call
 * takes the same GTask, so the result is read here. */
static void
ref_call_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  GTask *task = user_data;
  GError *error = NULL;
  gboolean ok;

  if (g_task_get_source_tag (task) == vitrine_client_create_tag_async)
    ok = vitrine_client_create_tag_finish (VITRINE_CLIENT (source), result, &error);
  else if (g_task_get_source_tag (task) == vitrine_client_create_branch_async)
    ok = vitrine_client_create_branch_finish (VITRINE_CLIENT (source), result, &error);
  else
    ok = vitrine_client_delete_tag_finish (VITRINE_CLIENT (source), result, &error);
  if (ok)
    g_task_return_pointer (task, GINT_TO_POINTER (TRUE), NULL);
  else
    g_task_return_error (task, error);
  g_object_unref (task);
}

static void
on_name_response_cb (AdwMessageDialog *dialog,
                     const char       *response)
{
  NameDialog *d = g_object_get_data (G_OBJECT (dialog), "name-dialog");
  VitrineHistoryPage *self = d->self;
  const char *name = gtk_editable_get_text (GTK_EDITABLE (d->name_row));
  VitrineClient *client = _vitrine_history_page_get_client (self);
  GTask *task;
  char *message;

  if (!g_str_equal (response, "create") || client == NULL || self->repo == NULL)
    return;
  if (d->kind == VITRINE_REF_TAG)
    {
      const char *text = gtk_editable_get_text (GTK_EDITABLE (d->message_row));

      /* Translators: "Tagged “Better weights” as v1.0." */
      message = g_strdup_printf (_("Tagged “%s” as %s."), d->title, name);
      task = g_task_new (self, NULL, on_ref_done_cb, done_new (self, message));
      g_task_set_source_tag (task, vitrine_client_create_tag_async);
      vitrine_client_create_tag_async (client, vitrine_repo_info_get_repo_type (self->repo), vitrine_repo_info_get_id (self->repo), d->commit_id, name,
                                       *text != '\0' ? text : NULL, NULL, ref_call_cb, task);
    }
  else
    {
      /* Translators: "Created the branch experiment at “Better weights”." */
      message = g_strdup_printf (_("Created the branch %s at “%s”."), name, d->title);
      task = g_task_new (self, NULL, on_ref_done_cb, done_new (self, message));
      g_task_set_source_tag (task, vitrine_client_create_branch_async);
      vitrine_client_create_branch_async (client, vitrine_repo_info_get_repo_type (self->repo), vitrine_repo_info_get_id (self->repo), name, d->commit_id, NULL,
                                          ref_call_cb, task);
    }
}

static void
ask_name (VitrineHistoryPage *self,
          VitrineRefKind      kind)
{
  NameDialog *d = g_new0 (NameDialog, 1);
  GtkWidget *dialog;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *list = gtk_list_box_new ();
  g_autofree char *short_commit = _vitrine_history_short_id (vitrine_commit_get_id (self->commit));
  g_autofree char *body = NULL;

  d->self = g_object_ref (self);
  d->kind = kind;
  d->commit_id = g_strdup (vitrine_commit_get_id (self->commit));
  d->title = g_strdup (vitrine_commit_get_title (self->commit) != NULL ? vitrine_commit_get_title (self->commit)
                                                                        : short_commit);
  if (kind == VITRINE_REF_TAG)
    /* Translators: %s is a version's title. */
    body = g_strdup_printf (_("A tag names “%s” so that you and others can find it, and download it by its name."),
                            d->title);
  else
    body = g_strdup_printf (_("A branch starts at “%s” and takes publishes of its own; main stays as it is."),
                            d->title);
  dialog = adw_message_dialog_new (_vitrine_history_page_get_window (self), kind == VITRINE_REF_TAG ? _("Tag This Version")
                                                                                 : _("Create a Branch"), body);
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  d->name_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (d->name_row), _("Name"));
  gtk_list_box_append (GTK_LIST_BOX (list), GTK_WIDGET (d->name_row));
  if (kind == VITRINE_REF_TAG)
    {
      d->message_row = ADW_ENTRY_ROW (adw_entry_row_new ());
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (d->message_row), _("Message (optional)"));
      gtk_list_box_append (GTK_LIST_BOX (list), GTK_WIDGET (d->message_row));
    }
  d->problem = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (d->problem, TRUE);
  gtk_label_set_xalign (d->problem, 0);
  gtk_widget_add_css_class (GTK_WIDGET (d->problem), "error");
  gtk_widget_set_visible (GTK_WIDGET (d->problem), FALSE);
  gtk_box_append (GTK_BOX (box), list);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (d->problem));
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "create", kind == VITRINE_REF_TAG ? _("_Tag") : _("C_reate"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "create", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "create");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "name-dialog", d, (GDestroyNotify) name_dialog_free);
  g_signal_connect_swapped (d->name_row, "changed", G_CALLBACK (on_name_changed_cb), dialog);
  g_signal_connect (dialog, "response", G_CALLBACK (on_name_response_cb), NULL);
  on_name_changed_cb (ADW_MESSAGE_DIALOG (dialog));
  vitrine_accessible_repair (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (GTK_WIDGET (d->name_row));
}

static void
tag_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  ask_name (VITRINE_HISTORY_PAGE (widget), VITRINE_REF_TAG);
}

static void
branch_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  ask_name (VITRINE_HISTORY_PAGE (widget), VITRINE_REF_BRANCH);
}

static void
on_delete_tag_response_cb (AdwMessageDialog *dialog,
                           const char       *response,
                           gpointer          user_data)
{
  VitrineHistoryPage *self = g_object_get_data (G_OBJECT (dialog), "page");
  const char *tag = g_object_get_data (G_OBJECT (dialog), "tag");
  VitrineClient *client = _vitrine_history_page_get_client (self);
  GTask *task;

  if (!g_str_equal (response, "delete") || client == NULL || self->repo == NULL)
    return;
  task = g_task_new (self, NULL, on_ref_done_cb,
                     /* Translators: %s is a tag, such as v1.0. */
                     done_new (self, g_strdup_printf (_("Deleted the tag %s."), tag)));
  g_task_set_source_tag (task, vitrine_client_delete_tag_async);
  vitrine_client_delete_tag_async (client, vitrine_repo_info_get_repo_type (self->repo), vitrine_repo_info_get_id (self->repo), tag, NULL, ref_call_cb, task);
}

static void
delete_tag_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  VitrineHistoryPage *self = VITRINE_HISTORY_PAGE (widget);
  const char *tag = g_variant_get_string (parameter, NULL);
  g_autofree char *heading = g_strdup_printf (_("Delete the Tag “%s”?"), tag);
  /* Translators: %s is a tag, such as v1.0. */
  g_autofree char *body = g_strdup_printf (_("The version stays in the history; only its name goes. "
                                             "Whoever downloads “%s” will no longer find it."), tag);
  GtkWidget *dialog = adw_message_dialog_new (_vitrine_history_page_get_window (self), heading, body);

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "delete", _("_Delete"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "delete", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "page", g_object_ref (self), g_object_unref);
  g_object_set_data_full (G_OBJECT (dialog), "tag", g_strdup (tag), g_free);
  g_signal_connect (dialog, "response", G_CALLBACK (on_delete_tag_response_cb), NULL);
  vitrine_accessible_repair (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ---- Compare, download, the Hub's page -------------------------------- */

static void
compare_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  VitrineHistoryPage *self = VITRINE_HISTORY_PAGE (widget);
  VitrineCompareWindow *window = vitrine_compare_window_new (_vitrine_history_page_get_window (self),
                                                             _vitrine_history_page_get_client (self),
                                                             vitrine_repo_info_get_repo_type (self->repo), vitrine_repo_info_get_id (self->repo));
  GListModel *refs = vitrine_commit_list_get_refs (self->commits);
  GListModel *commits = G_LIST_MODEL (self->commits);
  g_autofree char *mine = _vitrine_history_short_id (vitrine_commit_get_id (self->commit));
  g_autofree char *mine_label = g_strdup_printf ("%s — %s", mine, vitrine_commit_get_title (self->commit));

  /* Branches and tags first, then the versions listed so far. */
  for (guint i = 0; refs != NULL && i < g_list_model_get_n_items (refs); i++)
    {
      g_autoptr(VitrineRef) ref = g_list_model_get_item (refs, i);
      g_autofree char *label = vitrine_ref_get_kind (ref) == VITRINE_REF_TAG
        ? g_strdup_printf (_("%s (tag)"), vitrine_ref_get_name (ref))
        : g_strdup_printf (_("%s (branch)"), vitrine_ref_get_name (ref));

      if (vitrine_ref_get_kind (ref) == VITRINE_REF_BRANCH || vitrine_ref_get_kind (ref) == VITRINE_REF_TAG)
        vitrine_compare_window_add_revision (window, vitrine_ref_get_name (ref), label);
    }
  vitrine_compare_window_add_revision (window, vitrine_commit_get_id (self->commit), mine_label);
  for (guint i = 0; i < g_list_model_get_n_items (commits); i++)
    {
      g_autoptr(VitrineCommit) commit = g_list_model_get_item (commits, i);
      g_autofree char *id = _vitrine_history_short_id (vitrine_commit_get_id (commit));
      g_autofree char *label = g_strdup_printf ("%s — %s", id, vitrine_commit_get_title (commit));

      vitrine_compare_window_add_revision (window, vitrine_commit_get_id (commit), label);
    }
  vitrine_compare_window_compare (window, vitrine_commit_get_id (self->commit),
                                  vitrine_commit_list_get_revision (self->commits));
  gtk_window_present (GTK_WINDOW (window));
}

static void
on_downloaded_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(VitrineHistoryPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *folder = vitrine_client_download_snapshot_finish (VITRINE_CLIENT (source), result, &error);
  g_autofree char *message = NULL;
  AdwToast *toast;

  if (folder == NULL)
    {
      _vitrine_history_page_toast (self, error->message);
      return;
    }
  /* Translators: %s is a folder. */
  message = g_strdup_printf (_("Downloaded to %s."), folder);
  toast = adw_toast_new (message);
  adw_toast_set_timeout (toast, 8);
  vitrine_accessible_show_toast (self->toast_overlay, toast);
}

static void
download_into (VitrineHistoryPage *self,
               const char         *commit_id,
               const char         *folder,
               const char         *cache)
{
  g_autofree char *short_commit = _vitrine_history_short_id (commit_id);
  /* Translators: %s is a short commit id. */
  g_autofree char *message = g_strdup_printf (_("Downloading version %s…"), short_commit);

  _vitrine_history_page_toast (self, message);
  vitrine_client_download_snapshot_async (_vitrine_history_page_get_client (self), vitrine_repo_info_get_repo_type (self->repo), vitrine_repo_info_get_id (self->repo),
                                          commit_id, folder, cache, NULL, NULL, NULL, on_downloaded_cb,
                                          g_object_ref (self));
}

static void
on_download_folder_cb (GtkNativeDialog    *chooser,
                       int                 response,
                       VitrineHistoryPage *self)
{
  const char *commit_id = g_object_get_data (G_OBJECT (chooser), "commit");

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) parent = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *parent_path = parent != NULL ? g_file_get_path (parent) : NULL;
      g_autofree char *short_commit = _vitrine_history_short_id (commit_id);
      g_autofree char *name = g_strdup_printf ("%s-%s", vitrine_repo_info_get_name (self->repo), short_commit);
      g_autofree char *folder = parent_path != NULL ? g_build_filename (parent_path, name, NULL) : NULL;

      if (folder != NULL)
        download_into (self, commit_id, folder, NULL);
    }
  g_object_unref (chooser);
  g_object_unref (self);
}

/* The Hub cache of the other tools: HF_HUB_CACHE, HF_HOME/hub, else
 * ~/.cache/huggingface/hub. */
static char *
hub_cache (void)
{
  const char *hub_cache = g_getenv ("HF_HUB_CACHE");
  const char *hf_home = g_getenv ("HF_HOME");

  if (hub_cache != NULL && *hub_cache != '\0')
    return g_strdup (hub_cache);
  if (hf_home != NULL && *hf_home != '\0')
    return g_build_filename (hf_home, "hub", NULL);
  return g_build_filename (g_get_user_cache_dir (), "huggingface", "hub", NULL);
}

static void
on_download_response_cb (AdwMessageDialog   *dialog,
                         const char         *response,
                         VitrineHistoryPage *self)
{
  const char *commit_id = g_object_get_data (G_OBJECT (dialog), "commit");

  if (g_str_equal (response, "cache"))
    {
      g_autofree char *cache = hub_cache ();
      download_into (self, commit_id, NULL, cache);
    }
  else if (g_str_equal (response, "folder"))
    {
      GtkFileChooserNative *chooser = gtk_file_chooser_native_new (_("Download Into"), _vitrine_history_page_get_window (self),
                                                                   GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER,
                                                                   _("_Download Here"), _("_Cancel"));

      g_object_set_data_full (G_OBJECT (chooser), "commit", g_strdup (commit_id), g_free);
      gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
      g_signal_connect (chooser, "response", G_CALLBACK (on_download_folder_cb), g_object_ref (self));
      gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
    }
}

static void
download_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  VitrineHistoryPage *self = VITRINE_HISTORY_PAGE (widget);
  GtkWidget *dialog;
  /* Translators: %s is a version's title. */
  g_autofree char *body = g_strdup_printf (_("Vitrine can put the files of “%s” in a folder you choose, or in the "
                                             "Hugging Face cache, where the Hub’s own tools find them."),
                                           vitrine_commit_get_title (self->commit));

  dialog = adw_message_dialog_new (_vitrine_history_page_get_window (self), _("Download This Version"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "cache", _("Into the _Hub Cache"),
                                    "folder", _("Choose a _Folder…"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "folder", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "folder");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "commit", g_strdup (vitrine_commit_get_id (self->commit)), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_download_response_cb), self, 0);
  vitrine_accessible_repair (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
view_on_hub_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  VitrineHistoryPage *self = VITRINE_HISTORY_PAGE (widget);
  g_autofree char *url = g_strdup_printf ("%s/%s%s/commit/%s", vitrine_account_get_endpoint (self->account),
                                          vitrine_repo_type_url_prefix (vitrine_repo_info_get_repo_type (self->repo)), vitrine_repo_info_get_id (self->repo),
                                          vitrine_commit_get_id (self->commit));

  gtk_show_uri (_vitrine_history_page_get_window (self), url, GDK_CURRENT_TIME);
}

void
_vitrine_history_page_class_init_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "history.copy-id", NULL, copy_id_action);
  gtk_widget_class_install_action (widget_class, "history.tag", NULL, tag_action);
  gtk_widget_class_install_action (widget_class, "history.delete-tag", "s", delete_tag_action);
  gtk_widget_class_install_action (widget_class, "history.branch", NULL, branch_action);
  gtk_widget_class_install_action (widget_class, "history.restore", NULL, _vitrine_history_restore_action);
  gtk_widget_class_install_action (widget_class, "history.undo-restore", "s", _vitrine_history_undo_restore_action);
  gtk_widget_class_install_action (widget_class, "history.compare", NULL, compare_action);
  gtk_widget_class_install_action (widget_class, "history.download", NULL, download_action);
  gtk_widget_class_install_action (widget_class, "history.view-on-hub", NULL, view_on_hub_action);
}
