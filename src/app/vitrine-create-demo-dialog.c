/* vitrine-create-demo-dialog.c — Create a Demo for a Model
 *
 * The model is looked up on the account's hub (its task picks the kind
 * of demo, its card fills the page that describes it); the files of the
 * new Space are made (vitrine-space-templates.c) and shown, each of them
 * editable; the Space's id is checked (a valid id, not taken); then the
 * Space is created, its files written to a folder of its own under
 * ~/.local/share/vitrine/demos and published through the client, and the
 * `created` signal says which Space to run.
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <gtksourceview/gtksource.h>

#include "vitrine-accessible.h"
#include "vitrine-create-demo-dialog.h"
#include "vitrine-error.h"
#include "vitrine-publish.h"
#include "vitrine-repo-id.h"
#include "vitrine-settings.h"
#include "vitrine-space-templates.h"
#include "vitrine-yaml.h"

struct _VitrineCreateDemoDialog
{
  AdwWindow             parent_instance;

  VitrineApplication   *application;
  VitrineAccount       *account;
  VitrineClient        *client;

  /* The model */
  char                 *model_id;
  VitrineRepoInfo      *model_info;
  char                 *card_body;
  GCancellable         *lookup_cancellable;

  /* The files, and which the user changed */
  GPtrArray            *files;
  GHashTable           *edited;
  int                   selected;
  gboolean              filling;

  /* The Space's id */
  gboolean              space_edited;
  gboolean              space_ok;
  char                 *problem;
  GCancellable         *check_cancellable;
  guint                 check_id;

  /* Making it */
  GCancellable         *work_cancellable;
  VitrinePublisher     *publisher;
  char                 *creating;
  gboolean              created;

  /* Template widgets */
  AdwToastOverlay      *toast_overlay;
  AdwWindowTitle       *window_title;
  GtkStack             *stack;
  AdwEntryRow          *model_row;
  AdwActionRow         *task_row;
  GtkSpinner           *model_spinner;
  AdwComboRow          *template_row;
  GtkStringList        *template_list;
  AdwEntryRow          *title_row;
  AdwEntryRow          *space_row;
  GtkSwitch            *private_switch;
  GtkLabel             *space_problem;
  GtkListBox           *files_list;
  GtkSourceView        *file_view;
  GtkSpinner           *working_spinner;
  GtkLabel             *working_label;
  GtkProgressBar       *progress_bar;
};

G_DEFINE_FINAL_TYPE (VitrineCreateDemoDialog, vitrine_create_demo_dialog, ADW_TYPE_WINDOW)

enum {
  CREATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
show_toast (VitrineCreateDemoDialog *self,
            const char              *message)
{
  AdwToast *toast = adw_toast_new (message);

  adw_toast_set_timeout (toast, 0);
  vitrine_accessible_show_toast (self->toast_overlay, toast);
}

static void
update_actions (VitrineCreateDemoDialog *self)
{
  gboolean busy = self->work_cancellable != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "demo.create", vitrine_create_demo_dialog_is_ready (self));
  gtk_widget_set_sensitive (GTK_WIDGET (self->model_row), !busy);
  gtk_label_set_label (self->space_problem, self->problem != NULL ? self->problem : "");
  if (self->problem != NULL && !self->space_ok)
    gtk_widget_add_css_class (GTK_WIDGET (self->space_row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->space_row), "error");
}

/* ---- The files -------------------------------------------------------- */

static void
show_file (VitrineCreateDemoDialog *self,
           int                      index)
{
  GtkSourceBuffer *buffer = GTK_SOURCE_BUFFER (gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->file_view)));
  GtkSourceLanguageManager *languages = gtk_source_language_manager_get_default ();
  VitrineSpaceFile *file = index >= 0 && index < (int) self->files->len ? g_ptr_array_index (self->files, index) : NULL;

  self->selected = file != NULL ? index : -1;
  self->filling = TRUE;
  gtk_text_buffer_set_text (GTK_TEXT_BUFFER (buffer), file != NULL ? file->contents : "", -1);
  self->filling = FALSE;
  gtk_source_buffer_set_language (buffer, file != NULL ? gtk_source_language_manager_guess_language (languages, file->path, NULL) : NULL);
  gtk_text_view_set_editable (GTK_TEXT_VIEW (self->file_view), file != NULL);
}

static void
on_buffer_changed_cb (GtkTextBuffer           *buffer,
                      VitrineCreateDemoDialog *self)
{
  VitrineSpaceFile *file;
  GtkTextIter start, end;

  if (self->filling || self->selected < 0)
    return;
  file = g_ptr_array_index (self->files, self->selected);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  g_free (file->contents);
  file->contents = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  g_hash_table_add (self->edited, g_strdup (file->path));
}

static void
on_file_selected_cb (GtkListBox              *box,
                     GtkListBoxRow           *row,
                     VitrineCreateDemoDialog *self)
{
  if (self->file_view == NULL)
    return;
  show_file (self, row != NULL ? gtk_list_box_row_get_index (row) : -1);
}

static void
fill_files_list (VitrineCreateDemoDialog *self)
{
  GtkWidget *child;
  int selected = self->selected;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->files_list))) != NULL)
    gtk_list_box_remove (self->files_list, child);
  for (guint i = 0; i < self->files->len; i++)
    {
      VitrineSpaceFile *file = g_ptr_array_index (self->files, i);
      GtkWidget *label = gtk_label_new (file->path);

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_MIDDLE);
      gtk_list_box_append (self->files_list, label);
    }
  if (selected < 0 || selected >= (int) self->files->len)
    selected = 0;
  if (self->files->len > 0)
    gtk_list_box_select_row (self->files_list, gtk_list_box_get_row_at_index (self->files_list, selected));
  else
    show_file (self, -1);
}

/* Makes the files again; with @keep_edits, the files the user changed
 * keep what they wrote. */
static void
render (VitrineCreateDemoDialog *self,
        gboolean                 keep_edits)
{
  g_autoptr(GPtrArray) files = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *model_url = NULL;
  VitrineSpaceTemplate template_ = adw_combo_row_get_selected (self->template_row);
  VitrineSpaceModel model = { 0 };

  if (self->model_info == NULL)
    return;
  if (template_ >= VITRINE_SPACE_TEMPLATE_COUNT)
    template_ = VITRINE_SPACE_TEMPLATE_STATIC;
  /* This computer's hub moves from port to port: no link to it lasts. */
  if (vitrine_account_get_kind (self->account) != VITRINE_ACCOUNT_KIND_LOCAL)
    model_url = g_strdup_printf ("%s/%s", vitrine_client_get_endpoint (self->client), self->model_id);
  model.model_id = self->model_id;
  model.title = gtk_editable_get_text (GTK_EDITABLE (self->title_row));
  model.pipeline_tag = vitrine_repo_info_get_pipeline_tag (self->model_info);
  model.card_data = vitrine_repo_info_get_card_data (self->model_info);
  model.card_body = self->card_body;
  model.model_url = model_url;

  files = vitrine_space_template_render (template_, &model, &error);
  if (files == NULL)
    {
      show_toast (self, error->message);
      return;
    }
  if (keep_edits)
    for (guint i = 0; i < files->len; i++)
      {
        VitrineSpaceFile *file = g_ptr_array_index (files, i);

        for (guint j = 0; j < self->files->len; j++)
          {
            VitrineSpaceFile *old = g_ptr_array_index (self->files, j);

            if (g_str_equal (old->path, file->path) && g_hash_table_contains (self->edited, file->path))
              {
                g_free (file->contents);
                file->contents = g_strdup (old->contents);
              }
          }
      }
  else
    g_hash_table_remove_all (self->edited);
  g_ptr_array_unref (self->files);
  self->files = g_steal_pointer (&files);
  fill_files_list (self);
  update_actions (self);
}

static void
on_template_cb (VitrineCreateDemoDialog *self)
{
  /* Another kind of demo is other files. */
  render (self, FALSE);
}

static void
on_title_cb (VitrineCreateDemoDialog *self)
{
  if (!self->filling)
    render (self, TRUE);
}

/* ---- The Space's id --------------------------------------------------- */

static void
on_space_info_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(VitrineCreateDemoDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(VitrineRepoInfo) info = vitrine_client_repo_info_finish (VITRINE_CLIENT (source), result, &error);
  const char *id = gtk_editable_get_text (GTK_EDITABLE (self->space_row));

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&self->check_cancellable);
  g_clear_pointer (&self->problem, g_free);
  if (info != NULL)
    {
      self->space_ok = FALSE;
      /* Translators: %s is a Space's id. */
      self->problem = g_strdup_printf (_("There is already a Space %s on this hub: choose another name."), id);
    }
  else if (g_error_matches (error, VITRINE_ERROR, VITRINE_ERROR_REPO_NOT_FOUND) ||
           g_error_matches (error, VITRINE_ERROR, VITRINE_ERROR_NOT_FOUND))
    {
      self->space_ok = TRUE;
      /* Translators: %s is a Space's id. */
      self->problem = g_strdup_printf (_("The demo will be the new Space %s."), id);
    }
  else
    {
      self->space_ok = FALSE;
      /* Translators: %s says why. */
      self->problem = g_strdup_printf (_("Whether this name is free could not be checked: %s"), error->message);
    }
  update_actions (self);
}

static gboolean
check_space_cb (gpointer user_data)
{
  VitrineCreateDemoDialog *self = user_data;
  g_autofree char *id = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->space_row))));
  g_autoptr(GError) error = NULL;

  self->check_id = 0;
  if (!vitrine_repo_id_parse (id, NULL, NULL, &error))
    {
      g_free (self->problem);
      self->problem = g_strdup (error->message);
      update_actions (self);
      return G_SOURCE_REMOVE;
    }
  self->check_cancellable = g_cancellable_new ();
  vitrine_client_repo_info_async (self->client, VITRINE_REPO_TYPE_SPACE, id, NULL, self->check_cancellable,
                                  on_space_info_cb, g_object_ref (self));
  return G_SOURCE_REMOVE;
}

static void
on_space_changed_cb (VitrineCreateDemoDialog *self)
{
  if (!self->filling)
    self->space_edited = TRUE;
  g_cancellable_cancel (self->check_cancellable);
  g_clear_object (&self->check_cancellable);
  g_clear_handle_id (&self->check_id, g_source_remove);
  self->space_ok = FALSE;
  g_clear_pointer (&self->problem, g_free);
  update_actions (self);
  /* Asked once typing pauses. */
  self->check_id = g_timeout_add (300, check_space_cb, self);
}

/* ---- The model -------------------------------------------------------- */

static void
set_task (VitrineCreateDemoDialog *self,
          const char              *text)
{
  adw_action_row_set_subtitle (self->task_row, text);
}

static void
on_readme_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(VitrineCreateDemoDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = vitrine_client_read_file_finish (VITRINE_CLIENT (source), result, &error);
  gsize yaml_start, yaml_len, body_start, len;
  const char *text;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&self->lookup_cancellable);
  gtk_spinner_stop (self->model_spinner);
  if (bytes != NULL)
    {
      text = g_bytes_get_data (bytes, &len);
      if (g_utf8_validate (text, len, NULL))
        {
          if (vitrine_front_matter_split (text, len, &yaml_start, &yaml_len, &body_start))
            self->card_body = g_strndup (text + body_start, len - body_start);
          else
            self->card_body = g_strndup (text, len);
        }
    }
  /* Only the page about the model shows its card. */
  if (adw_combo_row_get_selected (self->template_row) == VITRINE_SPACE_TEMPLATE_STATIC)
    render (self, TRUE);
  update_actions (self);
}

static void
on_model_info_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(VitrineCreateDemoDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(VitrineRepoInfo) info = vitrine_client_repo_info_finish (VITRINE_CLIENT (source), result, &error);
  const char *tag;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (info == NULL)
    {
      g_clear_object (&self->lookup_cancellable);
      gtk_spinner_stop (self->model_spinner);
      if (g_error_matches (error, VITRINE_ERROR, VITRINE_ERROR_REPO_NOT_FOUND) ||
          g_error_matches (error, VITRINE_ERROR, VITRINE_ERROR_NOT_FOUND))
        show_toast (self, _("There is no such model on this hub."));
      else
        show_toast (self, error->message);
      set_task (self, _("Not found"));
      update_actions (self);
      return;
    }

  self->model_info = g_steal_pointer (&info);
  tag = vitrine_repo_info_get_pipeline_tag (self->model_info);
  set_task (self, tag != NULL ? tag : _("Not said in its card"));
  adw_window_title_set_subtitle (self->window_title, self->model_id);

  self->filling = TRUE;
  if (*gtk_editable_get_text (GTK_EDITABLE (self->title_row)) == '\0')
    {
      g_autofree char *title = vitrine_space_template_title (self->model_id);

      gtk_editable_set_text (GTK_EDITABLE (self->title_row), title);
    }
  if (!self->space_edited && vitrine_account_get_name (self->account) != NULL)
    {
      g_autofree char *id = vitrine_space_template_default_id (vitrine_account_get_name (self->account),
                                                               self->model_id);

      gtk_editable_set_text (GTK_EDITABLE (self->space_row), id);
    }
  self->filling = FALSE;
  if (adw_combo_row_get_selected (self->template_row) == vitrine_space_template_for_pipeline (tag))
    render (self, FALSE);
  else
    adw_combo_row_set_selected (self->template_row, vitrine_space_template_for_pipeline (tag));

  /* The card, for the page that describes the model. */
  vitrine_client_read_file_async (self->client, VITRINE_REPO_TYPE_MODEL, self->model_id, NULL, "README.md",
                                  1024 * 1024, self->lookup_cancellable, on_readme_cb, g_object_ref (self));
}

static void
look_up (VitrineCreateDemoDialog *self)
{
  g_autofree char *id = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->model_row))));
  g_autoptr(GError) error = NULL;

  g_cancellable_cancel (self->lookup_cancellable);
  g_clear_object (&self->lookup_cancellable);
  g_clear_object (&self->model_info);
  g_clear_pointer (&self->card_body, g_free);
  g_ptr_array_set_size (self->files, 0);
  g_hash_table_remove_all (self->edited);
  fill_files_list (self);
  update_actions (self);
  if (!vitrine_repo_id_parse (id, NULL, NULL, &error))
    {
      set_task (self, error->message);
      return;
    }
  g_free (self->model_id);
  self->model_id = g_steal_pointer (&id);
  set_task (self, _("Looking it up…"));
  gtk_spinner_start (self->model_spinner);
  self->lookup_cancellable = g_cancellable_new ();
  vitrine_client_repo_info_async (self->client, VITRINE_REPO_TYPE_MODEL, self->model_id, NULL,
                                  self->lookup_cancellable, on_model_info_cb, g_object_ref (self));
}

/* ---- Making the Space ------------------------------------------------- */

static void
back_to_form (VitrineCreateDemoDialog *self,
              const char              *message)
{
  g_clear_object (&self->work_cancellable);
  g_clear_object (&self->publisher);
  gtk_spinner_stop (self->working_spinner);
  gtk_stack_set_visible_child_name (self->stack, "form");
  show_toast (self, message);
  update_actions (self);
}

static void
on_progress_cb (VitrinePublishProgress  *progress,
                GParamSpec              *pspec,
                VitrineCreateDemoDialog *self)
{
  gtk_progress_bar_set_fraction (self->progress_bar, vitrine_publish_progress_get_fraction (progress));
}

static void
on_published_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(VitrineCreateDemoDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = g_strdup (self->creating);
  VitrinePublishResult published = { 0 };

  if (!vitrine_publisher_run_finish (VITRINE_PUBLISHER (source), result, &published, &error))
    {
      /* Translators: %s says why. */
      g_autofree char *message = g_strdup_printf (_("The Space was made, but its files could not be published: %s"),
                                                  error->message);

      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        back_to_form (self, message);
      return;
    }
  vitrine_publish_result_clear (&published);
  g_clear_object (&self->work_cancellable);
  if (self->application != NULL)
    vitrine_application_repository_changed (self->application, vitrine_client_get_endpoint (self->client),
                                            VITRINE_REPO_TYPE_SPACE, id);
  g_signal_emit (self, signals[CREATED], 0, id);
  gtk_window_destroy (GTK_WINDOW (self));
}

/* A folder of its own for the Space's files, kept for later changes. */
static char *
new_folder (const char *space_id)
{
  g_auto(GStrv) parts = g_strsplit (space_id, "/", 2);
  g_autofree char *base = g_build_filename (g_get_user_data_dir (), "vitrine", "demos", parts[0], parts[1], NULL);

  for (guint i = 1;; i++)
    {
      char *folder = i == 1 ? g_strdup (base) : g_strdup_printf ("%s-%u", base, i);

      if (!g_file_test (folder, G_FILE_TEST_EXISTS))
        return folder;
      g_free (folder);
    }
}

static void
on_repo_created_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(VitrineCreateDemoDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *url = vitrine_client_create_repo_finish (VITRINE_CLIENT (source), result, &error);
  g_autofree char *folder = NULL;
  g_autofree char *summary = NULL;
  VitrineSpaceTemplate template_ = adw_combo_row_get_selected (self->template_row);

  if (url == NULL)
    {
      /* Translators: %s says why. */
      g_autofree char *message = g_strdup_printf (_("The Space could not be made: %s"), error->message);

      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        back_to_form (self, message);
      return;
    }
  self->created = TRUE;

  folder = new_folder (self->creating);
  if (!vitrine_space_files_write (self->files, folder, &error))
    {
      back_to_form (self, error->message);
      return;
    }

  /* Translators: the message of the Space's first commit; %s is a model's
   * id. */
  summary = g_strdup_printf (_("Create a demo for %s"), self->model_id);
  self->publisher = vitrine_publisher_new (self->client, VITRINE_REPO_TYPE_SPACE, self->creating, folder);
  vitrine_publisher_set_sdk (self->publisher, vitrine_space_template_get_sdk (template_));
  vitrine_publisher_set_private (self->publisher, gtk_switch_get_active (self->private_switch));
  vitrine_publisher_set_message (self->publisher, summary, NULL);
  g_signal_connect_object (vitrine_publisher_get_progress (self->publisher), "notify::fraction",
                           G_CALLBACK (on_progress_cb), self, 0);
  gtk_label_set_label (self->working_label, _("Publishing its files…"));
  vitrine_publisher_run_async (self->publisher, self->work_cancellable, on_published_cb, g_object_ref (self));
}

static void
create_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  VitrineCreateDemoDialog *self = VITRINE_CREATE_DEMO_DIALOG (widget);
  VitrineSpaceTemplate template_ = adw_combo_row_get_selected (self->template_row);

  if (!vitrine_create_demo_dialog_is_ready (self))
    return;
  g_free (self->creating);
  self->creating = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->space_row))));
  self->work_cancellable = g_cancellable_new ();
  gtk_label_set_label (self->working_label, _("Making the Space…"));
  gtk_progress_bar_set_fraction (self->progress_bar, 0);
  gtk_spinner_start (self->working_spinner);
  gtk_stack_set_visible_child_name (self->stack, "working");
  update_actions (self);
  /* A Space this dialog made already, whose files did not go, is used
   * again. */
  vitrine_client_create_repo_async (self->client, VITRINE_REPO_TYPE_SPACE, self->creating,
                                    gtk_switch_get_active (self->private_switch),
                                    vitrine_space_template_get_sdk (template_), self->created,
                                    self->work_cancellable, on_repo_created_cb, g_object_ref (self));
}

/* ---- Public ----------------------------------------------------------- */

/* Returns: whether everything is known and checked for Create */
gboolean
vitrine_create_demo_dialog_is_ready (VitrineCreateDemoDialog *self)
{
  g_return_val_if_fail (VITRINE_IS_CREATE_DEMO_DIALOG (self), FALSE);
  return self->model_info != NULL && self->lookup_cancellable == NULL && self->files->len > 0 &&
         self->space_ok && self->check_id == 0 && self->check_cancellable == NULL &&
         self->work_cancellable == NULL;
}

/* Returns: whether the Space is being made */
gboolean
vitrine_create_demo_dialog_is_busy (VitrineCreateDemoDialog *self)
{
  g_return_val_if_fail (VITRINE_IS_CREATE_DEMO_DIALOG (self), FALSE);
  return self->work_cancellable != NULL;
}

/* Returns: (transfer none) (element-type VitrineSpaceFile): the files as
 *   they will be published */
GPtrArray *
vitrine_create_demo_dialog_get_files (VitrineCreateDemoDialog *self)
{
  g_return_val_if_fail (VITRINE_IS_CREATE_DEMO_DIALOG (self), NULL);
  return self->files;
}

/* Returns: (nullable): what is said under the Space's id */
const char *
vitrine_create_demo_dialog_get_problem (VitrineCreateDemoDialog *self)
{
  g_return_val_if_fail (VITRINE_IS_CREATE_DEMO_DIALOG (self), NULL);
  return self->problem;
}

/**
 * vitrine_create_demo_dialog_new:
 * @parent: (nullable): the window it belongs to
 * @account: where the model is, and the Space will be
 * @model_id: (nullable): the model, else the user names it
 */
VitrineCreateDemoDialog *
vitrine_create_demo_dialog_new (GtkWindow          *parent,
                                VitrineApplication *application,
                                VitrineAccount     *account,
                                const char         *model_id)
{
  VitrineCreateDemoDialog *self;

  g_return_val_if_fail (VITRINE_IS_ACCOUNT (account), NULL);

  self = g_object_new (VITRINE_TYPE_CREATE_DEMO_DIALOG, "transient-for", parent, NULL);
  self->application = application;
  if (application != NULL)
    g_object_add_weak_pointer (G_OBJECT (application), (gpointer *) &self->application);
  self->account = g_object_ref (account);
  self->client = g_object_ref (vitrine_account_get_client (account));
  if (application != NULL)
    gtk_switch_set_active (self->private_switch,
                           g_settings_get_boolean (vitrine_application_get_settings (application),
                                                   VITRINE_PREFS_NEW_REPOS_PRIVATE));
  if (model_id != NULL && *model_id != '\0')
    {
      gtk_editable_set_text (GTK_EDITABLE (self->model_row), model_id);
      look_up (self);
    }
  else
    gtk_widget_grab_focus (GTK_WIDGET (self->model_row));
  return self;
}

static void
vitrine_create_demo_dialog_dispose (GObject *object)
{
  VitrineCreateDemoDialog *self = VITRINE_CREATE_DEMO_DIALOG (object);

  g_clear_handle_id (&self->check_id, g_source_remove);
  g_cancellable_cancel (self->lookup_cancellable);
  g_cancellable_cancel (self->check_cancellable);
  g_cancellable_cancel (self->work_cancellable);
  g_clear_object (&self->lookup_cancellable);
  g_clear_object (&self->check_cancellable);
  g_clear_object (&self->work_cancellable);
  if (self->application != NULL)
    {
      g_object_remove_weak_pointer (G_OBJECT (self->application), (gpointer *) &self->application);
      self->application = NULL;
    }
  if (self->files_list != NULL)
    g_signal_handlers_disconnect_by_data (self->files_list, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), VITRINE_TYPE_CREATE_DEMO_DIALOG);
  g_clear_object (&self->publisher);
  g_clear_object (&self->model_info);
  g_clear_object (&self->client);
  g_clear_object (&self->account);

  G_OBJECT_CLASS (vitrine_create_demo_dialog_parent_class)->dispose (object);
}

static void
vitrine_create_demo_dialog_finalize (GObject *object)
{
  VitrineCreateDemoDialog *self = VITRINE_CREATE_DEMO_DIALOG (object);

  g_free (self->model_id);
  g_free (self->card_body);
  g_free (self->problem);
  g_free (self->creating);
  g_ptr_array_unref (self->files);
  g_hash_table_unref (self->edited);

  G_OBJECT_CLASS (vitrine_create_demo_dialog_parent_class)->finalize (object);
}

static void
vitrine_create_demo_dialog_class_init (VitrineCreateDemoDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vitrine_create_demo_dialog_dispose;
  object_class->finalize = vitrine_create_demo_dialog_finalize;

  /**
   * VitrineCreateDemoDialog::created:
   * @space_id: the Space made and published, to run
   */
  signals[CREATED] =
    g_signal_new ("created", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  g_type_ensure (GTK_SOURCE_TYPE_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/ui/vitrine-create-demo-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, VitrineCreateDemoDialog, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, VitrineCreateDemoDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, VitrineCreateDemoDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, VitrineCreateDemoDialog, model_row);
  gtk_widget_class_bind_template_child (widget_class, VitrineCreateDemoDialog, task_row);
  gtk_widget_class_bind_template_child (widget_class, VitrineCreateDemoDialog, model_spinner);
  gtk_widget_class_bind_template_child (widget_class, VitrineCreateDemoDialog, template_row);
  gtk_widget_class_bind_template_child (widget_class, VitrineCreateDemoDialog, template_list);
  gtk_widget_class_bind_template_child (widget_class, VitrineCreateDemoDialog, title_row);
  gtk_widget_class_bind_template_child (widget_class, VitrineCreateDemoDialog, space_row);
  gtk_widget_class_bind_template_child (widget_class, VitrineCreateDemoDialog, private_switch);
  gtk_widget_class_bind_template_child (widget_class, VitrineCreateDemoDialog, space_problem);
  gtk_widget_class_bind_template_child (widget_class, VitrineCreateDemoDialog, files_list);
  gtk_widget_class_bind_template_child (widget_class, VitrineCreateDemoDialog, file_view);
  gtk_widget_class_bind_template_child (widget_class, VitrineCreateDemoDialog, working_spinner);
  gtk_widget_class_bind_template_child (widget_class, VitrineCreateDemoDialog, working_label);
  gtk_widget_class_bind_template_child (widget_class, VitrineCreateDemoDialog, progress_bar);
  gtk_widget_class_install_action (widget_class, "demo.create", NULL, create_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK, "demo.create", NULL);
}

static void
vitrine_create_demo_dialog_init (VitrineCreateDemoDialog *self)
{
  self->files = g_ptr_array_new_with_free_func ((GDestroyNotify) vitrine_space_file_free);
  self->edited = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->selected = -1;

  gtk_widget_init_template (GTK_WIDGET (self));
  for (guint i = 0; i < VITRINE_SPACE_TEMPLATE_COUNT; i++)
    gtk_string_list_append (self->template_list, vitrine_space_template_get_label (i));
  adw_combo_row_set_selected (self->template_row, VITRINE_SPACE_TEMPLATE_STATIC);

  g_signal_connect_swapped (self->model_row, "apply", G_CALLBACK (look_up), self);
  g_signal_connect_swapped (self->model_row, "entry-activated", G_CALLBACK (look_up), self);
  g_signal_connect_swapped (self->template_row, "notify::selected", G_CALLBACK (on_template_cb), self);
  g_signal_connect_swapped (self->title_row, "changed", G_CALLBACK (on_title_cb), self);
  g_signal_connect_swapped (self->space_row, "changed", G_CALLBACK (on_space_changed_cb), self);
  g_signal_connect (self->files_list, "row-selected", G_CALLBACK (on_file_selected_cb), self);
  g_signal_connect (gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->file_view)), "changed",
                    G_CALLBACK (on_buffer_changed_cb), self);
  vitrine_accessible_repair (GTK_WIDGET (self));
  update_actions (self);
}
