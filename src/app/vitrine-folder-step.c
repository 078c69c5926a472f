/* vitrine-folder-step.c — the publish wizard's Folder step
 *
 * What the folder holds, as a tree with sizes: which files go as large
 * files, which are left out and by which rule (greyed), which look like
 * secrets (left out unless included one by one, with a switch on each),
 * the totals, and the warnings on top (a file over the Hub's limit, too
 * many files, secrets).  The folder is read off the main thread; the step
 * is complete once it is read, holds a file to publish and none the Hub
 * would refuse.
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "vitrine-accessible.h"
#include "vitrine-folder-step.h"

struct _VitrineFolderStep
{
  VitrineAssistantPage  parent_instance;

  VitrinePublishSetup  *setup;
  GCancellable         *cancellable;
  char                 *error;
  gboolean              updating;

  /* Template widgets */
  GtkStack             *stack;
  AdwStatusPage        *failed_status;
  GtkLabel             *totals_label;
  GtkListBox           *warnings_list;
  GtkListView          *file_list;
};

G_DEFINE_FINAL_TYPE (VitrineFolderStep, vitrine_folder_step, VITRINE_TYPE_ASSISTANT_PAGE)

enum {
  PROP_0,
  PROP_SETUP,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static VitrineFolderScan *
scan_of (VitrineFolderStep *self)
{
  return vitrine_publish_setup_get_scan (self->setup);
}

static gboolean
has_warning (VitrineFolderScan      *scan,
             VitrineScanWarningKind  kind)
{
  GListModel *warnings = vitrine_folder_scan_get_warnings (scan);

  for (guint i = 0; warnings != NULL && i < g_list_model_get_n_items (warnings); i++)
    {
      g_autoptr(VitrineScanWarning) warning = g_list_model_get_item (warnings, i);

      if (vitrine_scan_warning_get_kind (warning) == kind)
        return TRUE;
    }
  return FALSE;
}

static void
update_state (VitrineFolderStep *self)
{
  VitrineFolderScan *scan = scan_of (self);
  g_autofree char *size = NULL;
  g_autofree char *totals = NULL;
  guint n_files, n_large, n_ignored;

  if (self->error != NULL)
    {
      adw_status_page_set_description (self->failed_status, self->error);
      gtk_stack_set_visible_child_name (self->stack, "failed");
      vitrine_assistant_page_set_state (VITRINE_ASSISTANT_PAGE (self), FALSE, FALSE, self->error);
      return;
    }
  if (scan == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "scanning");
      vitrine_assistant_page_set_state (VITRINE_ASSISTANT_PAGE (self), FALSE, TRUE, _("Reading the folder…"));
      return;
    }

  n_files = vitrine_folder_scan_get_n_files (scan);
  n_large = vitrine_folder_scan_get_n_large_files (scan);
  n_ignored = vitrine_folder_scan_get_n_ignored (scan);
  size = g_format_size (vitrine_folder_scan_get_n_bytes (scan));
  /* Translators: the totals of a folder: “12 files, 1.2 GB”, then how many
   * go as large files and how many are left out. */
  totals = g_strdup_printf (ngettext ("%u file to publish, %s", "%u files to publish, %s", n_files), n_files, size);
  if (n_large > 0)
    {
      g_autofree char *more = g_strdup_printf (ngettext ("%u large file", "%u large files", n_large), n_large);
      g_autofree char *joined = g_strdup_printf ("%s · %s", totals, more);

      g_free (totals);
      totals = g_steal_pointer (&joined);
    }
  if (n_ignored > 0)
    {
      g_autofree char *more = g_strdup_printf (ngettext ("%u left out", "%u left out", n_ignored), n_ignored);
      g_autofree char *joined = g_strdup_printf ("%s · %s", totals, more);

      g_free (totals);
      totals = g_steal_pointer (&joined);
    }
  gtk_label_set_label (self->totals_label, totals);
  gtk_stack_set_visible_child_name (self->stack, "files");

  if (n_files == 0)
    vitrine_assistant_page_set_state (VITRINE_ASSISTANT_PAGE (self), FALSE, FALSE,
                                      _("The folder has no file to publish"));
  else if (has_warning (scan, VITRINE_SCAN_WARNING_FILE_TOO_LARGE))
    vitrine_assistant_page_set_state (VITRINE_ASSISTANT_PAGE (self), FALSE, FALSE,
                                      _("A file is larger than the Hub accepts: leave it out with a .gitignore rule"));
  else
    vitrine_assistant_page_set_state (VITRINE_ASSISTANT_PAGE (self), TRUE, FALSE, NULL);
}

/* ---- Secrets ---------------------------------------------------------- */

static void
set_included (VitrineFolderStep *self,
              const char        *path,
              gboolean           included)
{
  VitrineFolderScan *scan = scan_of (self);

  if (self->updating || scan == NULL)
    return;
  /* The entry and the totals say so (notify), and what shows them follows. */
  vitrine_folder_scan_set_included (scan, path, included);
}

static void
on_secret_switch_cb (GtkSwitch         *toggle,
                     GParamSpec        *pspec,
                     VitrineFolderStep *self)
{
  const char *path = g_object_get_data (G_OBJECT (toggle), "path");

  if (path != NULL)
    set_included (self, path, gtk_switch_get_active (toggle));
}

static void
on_entry_included_cb (GtkSwitch        *toggle,
                      GParamSpec       *pspec,
                      VitrineScanEntry *entry)
{
  gtk_switch_set_active (toggle, vitrine_scan_entry_get_included (entry));
}

/* A switch that includes @entry, labelled by its row (the file's path). */
static GtkWidget *
secret_switch (VitrineFolderStep *self,
               VitrineScanEntry  *entry)
{
  GtkWidget *toggle = gtk_switch_new ();

  gtk_widget_set_valign (toggle, GTK_ALIGN_CENTER);
  gtk_switch_set_active (GTK_SWITCH (toggle), vitrine_scan_entry_get_included (entry));
  gtk_widget_set_tooltip_text (toggle, _("Publish this file although it looks like a secret"));
  g_object_set_data_full (G_OBJECT (toggle), "path", g_strdup (vitrine_scan_entry_get_path (entry)), g_free);
  g_signal_connect_object (toggle, "notify::active", G_CALLBACK (on_secret_switch_cb), self, 0);
  /* The same file's switch in the tree may change it too. */
  g_signal_connect_object (entry, "notify::included", G_CALLBACK (on_entry_included_cb), toggle,
                           G_CONNECT_SWAPPED);
  return toggle;
}

/* ---- Warnings --------------------------------------------------------- */

static GtkWidget *
warning_row (VitrineFolderStep  *self,
             VitrineScanWarning *warning)
{
  VitrineFolderScan *scan = scan_of (self);
  GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
  GtkWidget *row;

  gtk_widget_add_css_class (icon, "warning");
  if (vitrine_scan_warning_get_kind (warning) == VITRINE_SCAN_WARNING_SECRETS)
    {
      GListModel *secrets = vitrine_folder_scan_get_secrets (scan);

      row = adw_expander_row_new ();
      adw_expander_row_add_prefix (ADW_EXPANDER_ROW (row), icon);
      adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), _("Open to choose which to publish"));
      for (guint i = 0; secrets != NULL && i < g_list_model_get_n_items (secrets); i++)
        {
          g_autoptr(VitrineScanEntry) entry = g_list_model_get_item (secrets, i);
          GtkWidget *child = adw_action_row_new ();
          GtkWidget *toggle = secret_switch (self, entry);

          /* Translators: a switch's row: %s is a file that looks like a secret. */
          g_autofree char *title = g_strdup_printf (_("Publish %s"), vitrine_scan_entry_get_path (entry));

          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (child), title);
          adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (child), FALSE);
          adw_action_row_add_suffix (ADW_ACTION_ROW (child), toggle);
          adw_action_row_set_activatable_widget (ADW_ACTION_ROW (child), toggle);
          adw_expander_row_add_row (ADW_EXPANDER_ROW (row), child);
        }
    }
  else
    {
      row = adw_action_row_new ();
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
    }
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), vitrine_scan_warning_get_message (warning));
  return row;
}

static void
fill_warnings (VitrineFolderStep *self)
{
  VitrineFolderScan *scan = scan_of (self);
  GListModel *warnings = scan != NULL ? vitrine_folder_scan_get_warnings (scan) : NULL;
  GtkWidget *child;
  guint n = warnings != NULL ? g_list_model_get_n_items (warnings) : 0;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->warnings_list))) != NULL)
    gtk_list_box_remove (self->warnings_list, child);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(VitrineScanWarning) warning = g_list_model_get_item (warnings, i);

      gtk_list_box_append (self->warnings_list, warning_row (self, warning));
    }
  gtk_widget_set_visible (GTK_WIDGET (self->warnings_list), n > 0);
  vitrine_accessible_repair (GTK_WIDGET (self->warnings_list));
}

/* ---- The tree --------------------------------------------------------- */

static GListModel *
create_children_cb (gpointer item,
                    gpointer user_data)
{
  VitrineScanEntry *entry = item;
  GListModel *children;

  if (!vitrine_scan_entry_get_is_directory (entry))
    return NULL;
  children = vitrine_scan_entry_get_children (entry);
  return children != NULL ? g_object_ref (children) : NULL;
}

typedef struct
{
  GtkTreeExpander *expander;
  GtkWidget       *box;
  GtkImage        *icon;
  GtkLabel        *name;
  GtkLabel        *badge;
  GtkLabel        *rule;
  GtkLabel        *size;
  GtkSwitch       *toggle;
} Row;

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              VitrineFolderStep        *self)
{
  Row *row = g_new0 (Row, 1);

  row->expander = GTK_TREE_EXPANDER (gtk_tree_expander_new ());
  row->box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  row->icon = GTK_IMAGE (gtk_image_new ());
  row->name = GTK_LABEL (gtk_label_new (NULL));
  row->badge = GTK_LABEL (gtk_label_new (_("large file")));
  row->rule = GTK_LABEL (gtk_label_new (NULL));
  row->size = GTK_LABEL (gtk_label_new (NULL));
  row->toggle = GTK_SWITCH (gtk_switch_new ());

  gtk_accessible_update_state (GTK_ACCESSIBLE (row->icon), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
  gtk_label_set_xalign (row->name, 0);
  gtk_label_set_ellipsize (row->name, PANGO_ELLIPSIZE_MIDDLE);
  gtk_widget_set_hexpand (GTK_WIDGET (row->name), TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (row->badge), "large-file-badge");
  gtk_widget_add_css_class (GTK_WIDGET (row->badge), "caption");
  gtk_widget_add_css_class (GTK_WIDGET (row->rule), "caption");
  gtk_widget_add_css_class (GTK_WIDGET (row->rule), "dim-label");
  gtk_label_set_ellipsize (row->rule, PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (GTK_WIDGET (row->size), "numeric");
  gtk_widget_add_css_class (GTK_WIDGET (row->size), "dim-label");
  gtk_widget_set_valign (GTK_WIDGET (row->toggle), GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (GTK_WIDGET (row->toggle), _("Publish this file although it looks like a secret"));
  g_signal_connect_object (row->toggle, "notify::active", G_CALLBACK (on_secret_switch_cb), self, 0);

  gtk_box_append (GTK_BOX (row->box), GTK_WIDGET (row->icon));
  gtk_box_append (GTK_BOX (row->box), GTK_WIDGET (row->name));
  gtk_box_append (GTK_BOX (row->box), GTK_WIDGET (row->badge));
  gtk_box_append (GTK_BOX (row->box), GTK_WIDGET (row->rule));
  gtk_box_append (GTK_BOX (row->box), GTK_WIDGET (row->size));
  gtk_box_append (GTK_BOX (row->box), GTK_WIDGET (row->toggle));
  gtk_tree_expander_set_child (row->expander, row->box);
  gtk_list_item_set_child (item, GTK_WIDGET (row->expander));
  g_object_set_data_full (G_OBJECT (item), "row", row, g_free);
}

/* Why a file stays out, in words. */
static char *
left_out_text (VitrineScanEntry *entry)
{
  const char *rule = vitrine_scan_entry_get_ignore_rule (entry);

  switch (vitrine_scan_entry_get_left_out (entry))
    {
    case VITRINE_LEFT_OUT_NONE:
      return NULL;
    case VITRINE_LEFT_OUT_ALWAYS:
      /* Translators: why a file is not published; %s is a rule such as “.git/”. */
      return g_strdup_printf (_("never published (%s)"), rule != NULL ? rule : "");
    case VITRINE_LEFT_OUT_GITIGNORE:
    case VITRINE_LEFT_OUT_EXCLUDE:
      /* Translators: why a file is not published; %s is the rule, such as
       * “.gitignore line 3: *.log”. */
      return g_strdup_printf (_("left out: %s"), rule != NULL ? rule : "");
    case VITRINE_LEFT_OUT_NOT_INCLUDED:
      return g_strdup (_("not among the files to include"));
    case VITRINE_LEFT_OUT_SECRET:
      return g_strdup (_("looks like a secret: left out"));
    default:
      return NULL;
    }
}

/* Shows @item's entry as it is now. */
static void
update_row (GtkListItem *item)
{
  Row *row = g_object_get_data (G_OBJECT (item), "row");
  GtkTreeListRow *list_row = gtk_list_item_get_item (item);
  g_autoptr(VitrineScanEntry) entry = list_row != NULL ? gtk_tree_list_row_get_item (list_row) : NULL;
  gboolean directory, secret, ignored;
  g_autofree char *rule = NULL;
  g_autofree char *size = NULL;
  g_autofree char *name = NULL;

  if (entry == NULL)
    return;
  directory = vitrine_scan_entry_get_is_directory (entry);
  secret = vitrine_scan_entry_get_looks_secret (entry);
  ignored = vitrine_scan_entry_get_ignored (entry) && !(secret && vitrine_scan_entry_get_included (entry));
  rule = ignored ? left_out_text (entry) : NULL;
  size = g_format_size (vitrine_scan_entry_get_size (entry));
  gtk_image_set_from_icon_name (row->icon, directory ? "folder-symbolic" : "text-x-generic-symbolic");
  gtk_label_set_label (row->name, vitrine_scan_entry_get_name (entry));
  gtk_widget_set_visible (GTK_WIDGET (row->badge), vitrine_scan_entry_get_is_large (entry) && !ignored);
  gtk_label_set_label (row->rule, rule != NULL ? rule : "");
  gtk_widget_set_visible (GTK_WIDGET (row->rule), rule != NULL);
  gtk_label_set_label (row->size, size);
  /* What a folder left out holds does not count. */
  gtk_widget_set_visible (GTK_WIDGET (row->size), !(directory && ignored));
  if (ignored)
    gtk_widget_add_css_class (row->box, "left-out");
  else
    gtk_widget_remove_css_class (row->box, "left-out");

  /* The switch follows the entry without telling the scan. */
  g_object_set_data (G_OBJECT (row->toggle), "path", NULL);
  gtk_switch_set_active (row->toggle, vitrine_scan_entry_get_included (entry));
  gtk_widget_set_visible (GTK_WIDGET (row->toggle), secret);
  if (secret)
    {
      /* Translators: the name of a switch, read by screen readers; %s is a file. */
      g_autofree char *label = g_strdup_printf (_("Publish %s"), vitrine_scan_entry_get_path (entry));

      gtk_accessible_update_property (GTK_ACCESSIBLE (row->toggle), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
      g_object_set_data_full (G_OBJECT (row->toggle), "path", g_strdup (vitrine_scan_entry_get_path (entry)), g_free);
    }

  /* Read as one line: “weights.bin, 30 MB, large file”. */
  name = g_strdup_printf ("%s, %s%s%s%s%s", vitrine_scan_entry_get_name (entry), size,
                          gtk_widget_get_visible (GTK_WIDGET (row->badge)) ? ", " : "",
                          gtk_widget_get_visible (GTK_WIDGET (row->badge)) ? _("large file") : "",
                          rule != NULL ? ", " : "", rule != NULL ? rule : "");
  gtk_accessible_update_property (GTK_ACCESSIBLE (row->expander), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             VitrineFolderStep        *self)
{
  Row *row = g_object_get_data (G_OBJECT (item), "row");
  GtkTreeListRow *list_row = gtk_list_item_get_item (item);
  g_autoptr(VitrineScanEntry) entry = gtk_tree_list_row_get_item (list_row);

  gtk_tree_expander_set_list_row (row->expander, list_row);
  /* Included or left out again, or its size changed: the row follows. */
  g_signal_connect_object (entry, "notify", G_CALLBACK (update_row), item, G_CONNECT_SWAPPED);
  update_row (item);
}

static void
unbind_row_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               VitrineFolderStep        *self)
{
  Row *row = g_object_get_data (G_OBJECT (item), "row");
  GtkTreeListRow *list_row = gtk_list_item_get_item (item);
  g_autoptr(VitrineScanEntry) entry = list_row != NULL ? gtk_tree_list_row_get_item (list_row) : NULL;

  if (entry != NULL)
    g_signal_handlers_disconnect_by_func (entry, update_row, item);
  g_object_set_data (G_OBJECT (row->toggle), "path", NULL);
  gtk_tree_expander_set_list_row (row->expander, NULL);
}

static void
show_tree (VitrineFolderStep *self)
{
  VitrineFolderScan *scan = scan_of (self);
  GListModel *top;
  GtkTreeListModel *tree;
  GtkNoSelection *selection;

  if (scan == NULL)
    {
      gtk_list_view_set_model (self->file_list, NULL);
      return;
    }
  top = vitrine_scan_entry_get_children (vitrine_folder_scan_get_root (scan));
  tree = gtk_tree_list_model_new (g_object_ref (top), FALSE, FALSE, create_children_cb, NULL, NULL);
  selection = gtk_no_selection_new (G_LIST_MODEL (tree));
  gtk_list_view_set_model (self->file_list, GTK_SELECTION_MODEL (selection));
  g_object_unref (selection);
}

/* ---- Reading the folder ----------------------------------------------- */

static void
on_scanned_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  VitrineFolderStep *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(VitrineFolderScan) scan = vitrine_folder_scan_finish (result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_pointer (&self->error, g_free);
  if (scan == NULL)
    self->error = g_strdup (error->message);
  else
    g_signal_connect_object (scan, "notify", G_CALLBACK (update_state), self, G_CONNECT_SWAPPED);
  vitrine_publish_setup_set_scan (self->setup, scan);
  show_tree (self);
  fill_warnings (self);
  update_state (self);
}

/**
 * vitrine_folder_step_scan:
 * @included_secrets: (nullable) (array zero-terminated=1): secret-looking
 *   files already included one by one
 *
 * Reads the setup's folder (again).
 */
void
vitrine_folder_step_scan (VitrineFolderStep  *self,
                          const char * const *included_secrets)
{
  GFile *folder;
  g_autofree char *path = NULL;

  g_return_if_fail (VITRINE_IS_FOLDER_STEP (self));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->error, g_free);
  vitrine_publish_setup_set_scan (self->setup, NULL);
  show_tree (self);
  update_state (self);
  folder = vitrine_publish_setup_get_folder (self->setup);
  if (folder == NULL)
    return;
  path = g_file_get_path (folder);
  self->cancellable = g_cancellable_new ();
  vitrine_folder_scan_async (path, included_secrets, self->cancellable, on_scanned_cb, self);
}

static void
rescan_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  VitrineFolderStep *self = VITRINE_FOLDER_STEP (widget);
  VitrineFolderScan *scan = scan_of (self);
  g_auto(GStrv) included = scan != NULL ? vitrine_folder_scan_dup_included_secrets (scan) : NULL;

  vitrine_folder_step_scan (self, (const char * const *) included);
}

/* ---- Object ----------------------------------------------------------- */

static void
vitrine_folder_step_constructed (GObject *object)
{
  G_OBJECT_CLASS (vitrine_folder_step_parent_class)->constructed (object);
  update_state (VITRINE_FOLDER_STEP (object));
}

static void
vitrine_folder_step_dispose (GObject *object)
{
  VitrineFolderStep *self = VITRINE_FOLDER_STEP (object);

  g_cancellable_cancel (self->cancellable);
  /* The bin's child is a template child: the bin lets it go first. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), VITRINE_TYPE_FOLDER_STEP);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->setup);

  G_OBJECT_CLASS (vitrine_folder_step_parent_class)->dispose (object);
}

static void
vitrine_folder_step_finalize (GObject *object)
{
  VitrineFolderStep *self = VITRINE_FOLDER_STEP (object);

  g_free (self->error);

  G_OBJECT_CLASS (vitrine_folder_step_parent_class)->finalize (object);
}

static void
vitrine_folder_step_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  VitrineFolderStep *self = VITRINE_FOLDER_STEP (object);

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
vitrine_folder_step_class_init (VitrineFolderStepClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = vitrine_folder_step_constructed;
  object_class->dispose = vitrine_folder_step_dispose;
  object_class->finalize = vitrine_folder_step_finalize;
  object_class->set_property = vitrine_folder_step_set_property;

  properties[PROP_SETUP] =
    g_param_spec_object ("setup", NULL, NULL, VITRINE_TYPE_PUBLISH_SETUP,
                         G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/ui/vitrine-folder-step.ui");
  gtk_widget_class_bind_template_child (widget_class, VitrineFolderStep, stack);
  gtk_widget_class_bind_template_child (widget_class, VitrineFolderStep, failed_status);
  gtk_widget_class_bind_template_child (widget_class, VitrineFolderStep, totals_label);
  gtk_widget_class_bind_template_child (widget_class, VitrineFolderStep, warnings_list);
  gtk_widget_class_bind_template_child (widget_class, VitrineFolderStep, file_list);

  gtk_widget_class_install_action (widget_class, "folder.rescan", NULL, rescan_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "folder.rescan", NULL);
}

static void
vitrine_folder_step_init (VitrineFolderStep *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  vitrine_assistant_page_set_title (VITRINE_ASSISTANT_PAGE (self), _("Folder"));
  g_signal_connect_object (factory, "setup", G_CALLBACK (setup_row_cb), self, 0);
  g_signal_connect_object (factory, "bind", G_CALLBACK (bind_row_cb), self, 0);
  g_signal_connect_object (factory, "unbind", G_CALLBACK (unbind_row_cb), self, 0);
  gtk_list_view_set_factory (self->file_list, factory);
  g_object_unref (factory);
  vitrine_accessible_repair (GTK_WIDGET (self));
}

VitrineFolderStep *
vitrine_folder_step_new (VitrinePublishSetup *setup)
{
  g_return_val_if_fail (VITRINE_IS_PUBLISH_SETUP (setup), NULL);
  return g_object_new (VITRINE_TYPE_FOLDER_STEP, "setup", setup, NULL);
}
