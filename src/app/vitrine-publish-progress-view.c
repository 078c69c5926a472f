/* vitrine-publish-progress-view.c — a publish under way: its progress, its
 * files, and what to do when it fails
 *
 * One overall bar with the phase, the rate and the time left, and a row
 * per file (waiting, hashing, uploading, committing, done, failed), bound
 * to the job's progress object and its model of files.  Cancel is there
 * as long as the publish runs.  A failure says what happened and what to
 * do in words (the service layer's description of the error), with Retry,
 * and a way back to the wizard, where nothing entered is lost.
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "vitrine-accessible.h"
#include "vitrine-publish-progress-view.h"

struct _VitrinePublishProgressView
{
  GtkWidget          parent_instance;

  VitrinePublishJob *job;
  GSignalGroup      *job_signals;
  GSignalGroup      *progress_signals;
  GPtrArray         *bound;       /* GtkListItem of the rows on screen */

  /* Template widgets */
  GtkLabel          *title_label;
  GtkLabel          *phase_label;
  GtkProgressBar    *overall_bar;
  GtkLabel          *details_label;
  GtkRevealer       *error_revealer;
  GtkLabel          *error_title;
  GtkLabel          *error_hint;
  GtkListView       *file_list;
  GtkButton         *cancel_button;
};

G_DEFINE_FINAL_TYPE (VitrinePublishProgressView, vitrine_publish_progress_view, GTK_TYPE_WIDGET)

enum {
  EDIT,
  HIDE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gboolean
job_failed (VitrinePublishProgressView *self)
{
  return self->job != NULL && vitrine_publish_job_get_state (self->job) == VITRINE_PUBLISH_STATE_FAILED;
}

/* ---- Words ------------------------------------------------------------ */

static const char *
phase_text (VitrinePublishPhase phase)
{
  switch (phase)
    {
    case VITRINE_PUBLISH_PHASE_SCANNING:
      return _("Reading the folder…");
    case VITRINE_PUBLISH_PHASE_HASHING:
      return _("Finding what changed…");
    case VITRINE_PUBLISH_PHASE_UPLOADING:
      return _("Sending the files…");
    case VITRINE_PUBLISH_PHASE_COMMITTING:
      return _("Committing…");
    case VITRINE_PUBLISH_PHASE_DONE:
      return _("Published");
    default:
      return "";
    }
}

static char *
time_left_text (double seconds)
{
  guint n;

  if (seconds < 0)
    return NULL;
  if (seconds < 60)
    {
      n = MAX (1, (guint) (seconds + 0.5));
      return g_strdup_printf (ngettext ("about %u second left", "about %u seconds left", n), n);
    }
  if (seconds < 3600)
    {
      n = (guint) (seconds / 60 + 0.5);
      return g_strdup_printf (ngettext ("about %u minute left", "about %u minutes left", n), n);
    }
  n = (guint) (seconds / 3600 + 0.5);
  return g_strdup_printf (ngettext ("about %u hour left", "about %u hours left", n), n);
}

static const char *
file_state_text (VitrinePublishProgressView *self,
                 VitrineFileState            state)
{
  gboolean unfinished = state == VITRINE_FILE_HASHING || state == VITRINE_FILE_UPLOADING ||
                        state == VITRINE_FILE_COMMITTING;

  /* What was under way when the publish failed failed with it. */
  if (unfinished && job_failed (self))
    return _("failed");
  switch (state)
    {
    case VITRINE_FILE_HASHING:
      return _("hashing");
    case VITRINE_FILE_UNCHANGED:
      return _("unchanged");
    case VITRINE_FILE_WAITING:
      return _("waiting");
    case VITRINE_FILE_UPLOADING:
      return _("uploading");
    case VITRINE_FILE_COMMITTING:
      return _("committing");
    case VITRINE_FILE_DONE:
      return _("done");
    case VITRINE_FILE_DELETED:
      return _("deleted");
    default:
      return "";
    }
}

/* ---- The whole publish ------------------------------------------------ */

static void
update_progress (VitrinePublishProgressView *self)
{
  VitrinePublishProgress *progress = self->job != NULL ? vitrine_publish_job_get_progress (self->job) : NULL;
  g_autoptr(GString) details = g_string_new (NULL);
  g_autofree char *done = NULL;
  g_autofree char *total = NULL;
  g_autofree char *left = NULL;
  guint64 bytes_total;
  double rate;

  if (progress == NULL)
    return;
  /* A publish that stopped says so (update_state). */
  if (vitrine_publish_job_get_state (self->job) == VITRINE_PUBLISH_STATE_RUNNING ||
      vitrine_publish_job_get_state (self->job) == VITRINE_PUBLISH_STATE_DONE)
    gtk_label_set_label (self->phase_label, phase_text (vitrine_publish_progress_get_phase (progress)));
  gtk_progress_bar_set_fraction (self->overall_bar, vitrine_publish_progress_get_fraction (progress));

  bytes_total = vitrine_publish_progress_get_bytes_total (progress);
  if (bytes_total > 0)
    {
      done = g_format_size (vitrine_publish_progress_get_bytes_done (progress));
      total = g_format_size (bytes_total);
      /* Translators: how much of a publish is through: “1.2 GB of 3.4 GB”. */
      g_string_append_printf (details, _("%s of %s"), done, total);
    }
  rate = vitrine_publish_progress_get_bytes_per_second (progress);
  if (rate > 0 && vitrine_publish_job_get_state (self->job) == VITRINE_PUBLISH_STATE_RUNNING)
    {
      g_autofree char *speed = g_format_size ((guint64) rate);

      /* Translators: a rate, such as “45.3 MB/s”. */
      g_autofree char *per_second = g_strdup_printf (_("%s/s"), speed);

      g_string_append_printf (details, details->len > 0 ? " · %s" : "%s", per_second);
    }
  if (vitrine_publish_job_get_state (self->job) == VITRINE_PUBLISH_STATE_RUNNING &&
      (left = time_left_text (vitrine_publish_progress_get_seconds_left (progress))) != NULL)
    g_string_append_printf (details, details->len > 0 ? " · %s" : "%s", left);
  if (vitrine_publish_progress_get_files_total (progress) > 0)
    {
      guint n = vitrine_publish_progress_get_files_total (progress);
      g_autofree char *files = g_strdup_printf (ngettext ("%u of %u file", "%u of %u files", n),
                                                vitrine_publish_progress_get_files_done (progress), n);

      g_string_append_printf (details, details->len > 0 ? " · %s" : "%s", files);
    }
  gtk_label_set_label (self->details_label, details->str);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->overall_bar), GTK_ACCESSIBLE_PROPERTY_VALUE_TEXT,
                                  details->str, -1);
}

static void refresh_rows (VitrinePublishProgressView *self);

static void
update_state (VitrinePublishProgressView *self)
{
  VitrinePublishState state;
  g_autofree char *title = NULL;
  gboolean running;

  if (self->job == NULL)
    return;
  state = vitrine_publish_job_get_state (self->job);
  running = state == VITRINE_PUBLISH_STATE_RUNNING || state == VITRINE_PUBLISH_STATE_QUEUED;
  if (vitrine_publish_job_get_create_pr (self->job))
    /* Translators: %s is a repository, such as “alice/bert-imdb”. */
    title = g_strdup_printf (_("Opening a Pull Request on %s"), vitrine_publish_job_get_repo_id (self->job));
  else
    /* Translators: %s is a repository, such as “alice/bert-imdb”. */
    title = g_strdup_printf (_("Publishing %s"), vitrine_publish_job_get_repo_id (self->job));
  gtk_label_set_label (self->title_label, title);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "progress.cancel", running);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "progress.retry", !running && state != VITRINE_PUBLISH_STATE_DONE);
  gtk_revealer_set_reveal_child (self->error_revealer, !running && state != VITRINE_PUBLISH_STATE_DONE);
  if (state == VITRINE_PUBLISH_STATE_FAILED)
    {
      const char *error_title = vitrine_publish_job_get_error_title (self->job);
      const char *hint = vitrine_publish_job_get_error_hint (self->job);

      gtk_label_set_label (self->error_title, error_title != NULL ? error_title
                                                                  : vitrine_publish_job_get_error_message (self->job));
      gtk_label_set_label (self->error_hint, hint != NULL ? hint : "");
      gtk_label_set_label (self->phase_label, _("The publish stopped"));
    }
  else if (state == VITRINE_PUBLISH_STATE_CANCELLED || state == VITRINE_PUBLISH_STATE_INTERRUPTED)
    {
      gtk_label_set_label (self->error_title, state == VITRINE_PUBLISH_STATE_CANCELLED
                                                ? _("You stopped the publish")
                                                : _("The publish was interrupted"));
      gtk_label_set_label (self->error_hint, _("Retry goes on where it stopped: what the hub already has is not sent again."));
      gtk_label_set_label (self->phase_label, _("Stopped"));
    }
  refresh_rows (self);
  update_progress (self);
}

/* ---- Files ------------------------------------------------------------ */

typedef struct
{
  GtkImage       *icon;
  GtkLabel       *path;
  GtkLabel       *size;
  GtkProgressBar *bar;
  GtkLabel       *state;
} Row;

static void
update_row (VitrinePublishProgressView *self,
            GtkListItem                *item)
{
  Row *row = g_object_get_data (G_OBJECT (item), "row");
  VitrinePublishFile *file = gtk_list_item_get_item (item);
  VitrineFileState state;
  const char *text;
  const char *icon = NULL;
  g_autofree char *name = NULL;

  if (file == NULL)
    return;
  state = vitrine_publish_file_get_state (file);
  text = file_state_text (self, state);
  gtk_label_set_label (row->state, text);
  if (g_str_equal (text, _("failed")))
    icon = "dialog-error-symbolic";
  else if (state == VITRINE_FILE_DONE || state == VITRINE_FILE_UNCHANGED)
    icon = "object-select-symbolic";
  else if (state == VITRINE_FILE_DELETED)
    icon = "list-remove-symbolic";
  gtk_image_set_from_icon_name (row->icon, icon);
  gtk_widget_set_visible (GTK_WIDGET (row->bar), state == VITRINE_FILE_UPLOADING || state == VITRINE_FILE_HASHING);
  /* Read as one line: “weights.bin, 30 MB, uploading”. */
  name = g_strdup_printf ("%s, %s, %s", vitrine_publish_file_get_path (file), gtk_label_get_label (row->size), text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (gtk_list_item_get_child (item)),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
}

static void
refresh_rows (VitrinePublishProgressView *self)
{
  for (guint i = 0; i < self->bound->len; i++)
    update_row (self, g_ptr_array_index (self->bound, i));
}

static gboolean
size_to_text (GBinding     *binding,
              const GValue *from,
              GValue       *to,
              gpointer      user_data)
{
  g_value_take_string (to, g_format_size (g_value_get_uint64 (from)));
  return TRUE;
}

static void
setup_row_cb (GtkSignalListItemFactory   *factory,
              GtkListItem                *item,
              VitrinePublishProgressView *self)
{
  Row *row = g_new0 (Row, 1);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 10);

  row->icon = GTK_IMAGE (gtk_image_new ());
  row->path = GTK_LABEL (gtk_label_new (NULL));
  row->size = GTK_LABEL (gtk_label_new (NULL));
  row->bar = GTK_PROGRESS_BAR (gtk_progress_bar_new ());
  row->state = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_set_size_request (GTK_WIDGET (row->icon), 16, 16);
  gtk_accessible_update_state (GTK_ACCESSIBLE (row->icon), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
  gtk_label_set_xalign (row->path, 0);
  gtk_label_set_ellipsize (row->path, PANGO_ELLIPSIZE_MIDDLE);
  gtk_widget_set_hexpand (GTK_WIDGET (row->path), TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (row->size), "dim-label");
  gtk_widget_add_css_class (GTK_WIDGET (row->size), "numeric");
  gtk_widget_set_size_request (GTK_WIDGET (row->bar), 120, -1);
  gtk_widget_set_valign (GTK_WIDGET (row->bar), GTK_ALIGN_CENTER);
  gtk_label_set_xalign (row->state, 0);
  gtk_label_set_width_chars (row->state, 11);
  gtk_widget_add_css_class (GTK_WIDGET (row->state), "dim-label");
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (row->icon));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (row->path));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (row->size));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (row->bar));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (row->state));
  gtk_widget_set_margin_top (box, 4);
  gtk_widget_set_margin_bottom (box, 4);
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  gtk_list_item_set_child (item, box);
  gtk_list_item_set_activatable (item, FALSE);
  g_object_set_data_full (G_OBJECT (item), "row", row, g_free);
}

static void
on_file_state_cb (GtkListItem *item)
{
  VitrinePublishProgressView *self = g_object_get_data (G_OBJECT (item), "view");

  if (self != NULL)
    update_row (self, item);
}

static void
bind_row_cb (GtkSignalListItemFactory   *factory,
             GtkListItem                *item,
             VitrinePublishProgressView *self)
{
  Row *row = g_object_get_data (G_OBJECT (item), "row");
  VitrinePublishFile *file = gtk_list_item_get_item (item);
  GPtrArray *bindings = g_ptr_array_new ();

  g_ptr_array_add (bindings, g_object_bind_property (file, "path", row->path, "label", G_BINDING_SYNC_CREATE));
  g_ptr_array_add (bindings, g_object_bind_property_full (file, "size", row->size, "label", G_BINDING_SYNC_CREATE,
                                                          size_to_text, NULL, NULL, NULL));
  g_ptr_array_add (bindings, g_object_bind_property (file, "fraction", row->bar, "fraction", G_BINDING_SYNC_CREATE));
  g_object_set_data_full (G_OBJECT (item), "bindings", bindings, (GDestroyNotify) g_ptr_array_unref);
  g_object_set_data (G_OBJECT (item), "view", self);
  g_signal_connect_object (file, "notify::state", G_CALLBACK (on_file_state_cb), item, G_CONNECT_SWAPPED);
  g_ptr_array_add (self->bound, item);
  update_row (self, item);
}

static void
unbind_row_cb (GtkSignalListItemFactory   *factory,
               GtkListItem                *item,
               VitrinePublishProgressView *self)
{
  GPtrArray *bindings = g_object_get_data (G_OBJECT (item), "bindings");
  VitrinePublishFile *file = gtk_list_item_get_item (item);

  for (guint i = 0; bindings != NULL && i < bindings->len; i++)
    g_binding_unbind (g_ptr_array_index (bindings, i));
  g_object_set_data (G_OBJECT (item), "bindings", NULL);
  g_object_set_data (G_OBJECT (item), "view", NULL);
  if (file != NULL)
    g_signal_handlers_disconnect_by_func (file, on_file_state_cb, item);
  g_ptr_array_remove_fast (self->bound, item);
}

/* ---- The job ---------------------------------------------------------- */

/**
 * vitrine_publish_progress_view_get_job:
 *
 * Returns: (transfer none) (nullable): the publish shown
 */
VitrinePublishJob *
vitrine_publish_progress_view_get_job (VitrinePublishProgressView *self)
{
  g_return_val_if_fail (VITRINE_IS_PUBLISH_PROGRESS_VIEW (self), NULL);
  return self->job;
}

/* The job's progress and files come with each run's publisher. */
static void
bind_run (VitrinePublishProgressView *self)
{
  GListModel *files = self->job != NULL ? vitrine_publish_job_get_files (self->job) : NULL;
  GtkSelectionModel *current = gtk_list_view_get_model (self->file_list);
  GtkNoSelection *selection = NULL;

  g_signal_group_set_target (self->progress_signals,
                             self->job != NULL ? vitrine_publish_job_get_progress (self->job) : NULL);
  if (current != NULL && gtk_no_selection_get_model (GTK_NO_SELECTION (current)) == files)
    return;
  if (files != NULL)
    selection = gtk_no_selection_new (g_object_ref (files));
  gtk_list_view_set_model (self->file_list, GTK_SELECTION_MODEL (selection));
  g_clear_object (&selection);
  update_progress (self);
}

void
vitrine_publish_progress_view_set_job (VitrinePublishProgressView *self,
                                       VitrinePublishJob          *job)
{
  g_return_if_fail (VITRINE_IS_PUBLISH_PROGRESS_VIEW (self));

  if (!g_set_object (&self->job, job))
    return;
  g_signal_group_set_target (self->job_signals, job);
  gtk_label_set_label (self->details_label, "");
  gtk_label_set_label (self->phase_label, _("Getting ready…"));
  gtk_progress_bar_set_fraction (self->overall_bar, 0);
  bind_run (self);
  update_state (self);
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  VitrinePublishProgressView *self = VITRINE_PUBLISH_PROGRESS_VIEW (widget);

  if (self->job != NULL)
    vitrine_publish_job_cancel (self->job);
}

static void
retry_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  VitrinePublishProgressView *self = VITRINE_PUBLISH_PROGRESS_VIEW (widget);

  if (self->job != NULL)
    vitrine_publish_job_retry (self->job);
}

static void
signal_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  g_signal_emit (widget, signals[g_str_equal (action_name, "progress.edit") ? EDIT : HIDE], 0);
}

/* ---- Object ----------------------------------------------------------- */

static void
vitrine_publish_progress_view_dispose (GObject *object)
{
  VitrinePublishProgressView *self = VITRINE_PUBLISH_PROGRESS_VIEW (object);
  GtkWidget *child;

  if (self->job_signals != NULL)
    g_signal_group_set_target (self->job_signals, NULL);
  if (self->progress_signals != NULL)
    g_signal_group_set_target (self->progress_signals, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), VITRINE_TYPE_PUBLISH_PROGRESS_VIEW);
  /* The template's top widget has no id: it goes here. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->job_signals);
  g_clear_object (&self->progress_signals);
  g_clear_object (&self->job);

  G_OBJECT_CLASS (vitrine_publish_progress_view_parent_class)->dispose (object);
}

static void
vitrine_publish_progress_view_finalize (GObject *object)
{
  VitrinePublishProgressView *self = VITRINE_PUBLISH_PROGRESS_VIEW (object);

  g_ptr_array_unref (self->bound);

  G_OBJECT_CLASS (vitrine_publish_progress_view_parent_class)->finalize (object);
}

static void
vitrine_publish_progress_view_class_init (VitrinePublishProgressViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vitrine_publish_progress_view_dispose;
  object_class->finalize = vitrine_publish_progress_view_finalize;

  /**
   * VitrinePublishProgressView::edit:
   *
   * The user wants to change what is published, back in the wizard.
   */
  signals[EDIT] = g_signal_new ("edit", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /**
   * VitrinePublishProgressView::hide:
   *
   * The user wants the list of publishes while this one goes on.
   */
  signals[HIDE] = g_signal_new ("hide-requested", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/ui/vitrine-publish-progress-view.ui");
  gtk_widget_class_bind_template_child (widget_class, VitrinePublishProgressView, title_label);
  gtk_widget_class_bind_template_child (widget_class, VitrinePublishProgressView, phase_label);
  gtk_widget_class_bind_template_child (widget_class, VitrinePublishProgressView, overall_bar);
  gtk_widget_class_bind_template_child (widget_class, VitrinePublishProgressView, details_label);
  gtk_widget_class_bind_template_child (widget_class, VitrinePublishProgressView, error_revealer);
  gtk_widget_class_bind_template_child (widget_class, VitrinePublishProgressView, error_title);
  gtk_widget_class_bind_template_child (widget_class, VitrinePublishProgressView, error_hint);
  gtk_widget_class_bind_template_child (widget_class, VitrinePublishProgressView, file_list);
  gtk_widget_class_bind_template_child (widget_class, VitrinePublishProgressView, cancel_button);

  gtk_widget_class_install_action (widget_class, "progress.cancel", NULL, cancel_action);
  gtk_widget_class_install_action (widget_class, "progress.retry", NULL, retry_action);
  gtk_widget_class_install_action (widget_class, "progress.edit", NULL, signal_action);
  gtk_widget_class_install_action (widget_class, "progress.hide", NULL, signal_action);
}

static void
vitrine_publish_progress_view_init (VitrinePublishProgressView *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  self->bound = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect_object (factory, "setup", G_CALLBACK (setup_row_cb), self, 0);
  g_signal_connect_object (factory, "bind", G_CALLBACK (bind_row_cb), self, 0);
  g_signal_connect_object (factory, "unbind", G_CALLBACK (unbind_row_cb), self, 0);
  gtk_list_view_set_factory (self->file_list, factory);
  g_object_unref (factory);

  self->job_signals = g_signal_group_new (VITRINE_TYPE_PUBLISH_JOB);
  g_signal_group_connect_swapped (self->job_signals, "notify::state", G_CALLBACK (update_state), self);
  g_signal_group_connect_swapped (self->job_signals, "notify::files", G_CALLBACK (bind_run), self);
  self->progress_signals = g_signal_group_new (VITRINE_TYPE_PUBLISH_PROGRESS);
  g_signal_group_connect_swapped (self->progress_signals, "notify", G_CALLBACK (update_progress), self);
  vitrine_accessible_repair (GTK_WIDGET (self));
}

GtkWidget *
vitrine_publish_progress_view_new (void)
{
  return g_object_new (VITRINE_TYPE_PUBLISH_PROGRESS_VIEW, NULL);
}
