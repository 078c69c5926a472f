/* vitrine-license-step.c — the publish wizard's License step
 *
 * The Hub's licenses, searchable, each with a plain line on what it
 * allows; the one chosen is written into the model card through the card
 * editor's document, so it shows in the card's form and source and Undo
 * takes it back.  A license that needs details (`other`) asks for its
 * name and a link to its text.  Edits of the card elsewhere (its form, its
 * source) show here too.
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "vitrine-accessible.h"
#include "vitrine-card.h"
#include "vitrine-license.h"
#include "vitrine-license-step.h"

struct _VitrineLicenseStep
{
  VitrineAssistantPage  parent_instance;

  VitrineCardEditor    *editor;
  GListModel           *licenses;
  GtkFilterListModel   *filtered;
  GtkCustomFilter      *filter;
  GtkSortListModel     *sorted;
  GtkCustomSorter      *sorter;
  GtkSingleSelection   *selection;
  char                 *license;
  char                 *search;
  gboolean              updating;

  /* Template widgets */
  GtkSearchEntry       *search_entry;
  GtkListView          *license_list;
  GtkLabel             *chosen_label;
  AdwPreferencesGroup  *details_group;
  AdwEntryRow          *name_row;
  AdwEntryRow          *link_row;
};

G_DEFINE_FINAL_TYPE (VitrineLicenseStep, vitrine_license_step, VITRINE_TYPE_ASSISTANT_PAGE)

enum {
  PROP_0,
  PROP_EDITOR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
is_blank (const char *text)
{
  for (; text != NULL && *text != '\0'; text = g_utf8_next_char (text))
    if (!g_unichar_isspace (g_utf8_get_char (text)))
      return FALSE;
  return TRUE;
}

/* ---- The card --------------------------------------------------------- */

static VitrineCardMetadata *
read_metadata (VitrineLicenseStep *self)
{
  g_autofree char *text = vitrine_card_editor_get_text (self->editor);
  g_autoptr(VitrineCard) card = vitrine_card_new_from_text (text, -1, NULL);
  g_autoptr(JsonNode) metadata = NULL;

  if (card == NULL || (metadata = vitrine_card_get_metadata (card, NULL)) == NULL)
    return NULL;
  return vitrine_card_metadata_new_from_json (metadata);
}

static void
write_key (VitrineLicenseStep *self,
           const char         *key,
           const char         *value)
{
  VitrineCardDocument *document = vitrine_card_editor_get_document (self->editor);
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) error = NULL;

  if (value != NULL)
    node = json_node_init_string (json_node_alloc (), value);
  if (!vitrine_card_document_set_key (document, key, node, &error))
    {
      /* The card's YAML is broken: the Model Card step says where. */
      g_autofree char *problem = g_strdup_printf (_("The license could not be written to the card: %s"),
                                                  error->message);

      vitrine_assistant_page_set_state (VITRINE_ASSISTANT_PAGE (self), FALSE, FALSE, problem);
    }
}

/* ---- State ------------------------------------------------------------ */

static void
update_state (VitrineLicenseStep *self)
{
  g_autoptr(VitrineLicense) license = self->license != NULL ? vitrine_license_lookup (self->license) : NULL;
  gboolean details = license != NULL && vitrine_license_get_needs_details (license);
  g_autofree char *chosen = NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->details_group), details);
  if (license != NULL)
    /* Translators: %s is a license's name, such as “MIT License”. */
    chosen = g_strdup_printf (_("Chosen: %s"), vitrine_license_get_name (license));
  else if (self->license != NULL)
    chosen = g_strdup_printf (_("The card names a license the Hub does not know: %s"), self->license);
  else
    chosen = g_strdup (_("No license chosen yet"));
  gtk_label_set_label (self->chosen_label, chosen);

  if (license == NULL)
    vitrine_assistant_page_set_state (VITRINE_ASSISTANT_PAGE (self), FALSE, FALSE,
                                      self->license == NULL ? _("Choose a license")
                                                            : _("Choose a license the Hub knows"));
  else if (details && is_blank (gtk_editable_get_text (GTK_EDITABLE (self->name_row))))
    vitrine_assistant_page_set_state (VITRINE_ASSISTANT_PAGE (self), FALSE, FALSE,
                                      _("Give your license a name"));
  else if (details && is_blank (gtk_editable_get_text (GTK_EDITABLE (self->link_row))))
    vitrine_assistant_page_set_state (VITRINE_ASSISTANT_PAGE (self), FALSE, FALSE,
                                      _("Say where your license’s text is"));
  else
    vitrine_assistant_page_set_state (VITRINE_ASSISTANT_PAGE (self), TRUE, FALSE, NULL);
}

static void
select_current (VitrineLicenseStep *self)
{
  GListModel *model = G_LIST_MODEL (self->sorted);
  guint position = GTK_INVALID_LIST_POSITION;

  for (guint i = 0; self->license != NULL && i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(VitrineLicense) license = g_list_model_get_item (model, i);

      if (g_str_equal (vitrine_license_get_id (license), self->license))
        {
          position = i;
          break;
        }
    }
  self->updating = TRUE;
  gtk_single_selection_set_selected (self->selection, position);
  self->updating = FALSE;
}

static void
set_entry (VitrineLicenseStep *self,
           AdwEntryRow        *row,
           const char         *text)
{
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (row)), text != NULL ? text : "") == 0)
    return;
  self->updating = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
  self->updating = FALSE;
}

/* The card changed (here, in its form or in its source): the step follows. */
static void
sync_from_card (VitrineLicenseStep *self)
{
  g_autoptr(VitrineCardMetadata) meta = read_metadata (self);

  g_free (self->license);
  self->license = meta != NULL ? g_strdup (meta->license) : NULL;
  set_entry (self, self->name_row, meta != NULL ? meta->license_name : NULL);
  set_entry (self, self->link_row, meta != NULL ? meta->license_link : NULL);
  select_current (self);
  update_state (self);
}

/**
 * vitrine_license_step_choose:
 * @id: a license id the Hub knows, such as `mit` or `other`
 *
 * Writes @id into the card as its license.
 *
 * Returns: whether the Hub knows @id
 */
gboolean
vitrine_license_step_choose (VitrineLicenseStep *self,
                             const char         *id)
{
  g_autoptr(VitrineLicense) license = NULL;

  g_return_val_if_fail (VITRINE_IS_LICENSE_STEP (self), FALSE);

  if (id == NULL || (license = vitrine_license_lookup (id)) == NULL)
    return FALSE;
  if (g_strcmp0 (self->license, id) != 0)
    write_key (self, "license", id);
  vitrine_card_editor_flush (self->editor);
  sync_from_card (self);
  return TRUE;
}

/**
 * vitrine_license_step_get_license:
 *
 * Returns: (nullable): the card's license id
 */
const char *
vitrine_license_step_get_license (VitrineLicenseStep *self)
{
  g_return_val_if_fail (VITRINE_IS_LICENSE_STEP (self), NULL);
  return self->license;
}

static void
on_selected_cb (VitrineLicenseStep *self)
{
  VitrineLicense *license = gtk_single_selection_get_selected_item (self->selection);

  /* Filtered out is not unchosen. */
  if (self->updating || license == NULL)
    return;
  vitrine_license_step_choose (self, vitrine_license_get_id (license));
}

static void
on_license_activated_cb (VitrineLicenseStep *self,
                         guint               position)
{
  g_autoptr(VitrineLicense) license = g_list_model_get_item (G_LIST_MODEL (self->sorted), position);

  if (license != NULL)
    vitrine_license_step_choose (self, vitrine_license_get_id (license));
}

static void
on_details_changed_cb (VitrineLicenseStep *self,
                       GtkEditable        *row)
{
  g_autofree char *text = NULL;

  if (self->updating)
    return;
  text = g_strstrip (g_strdup (gtk_editable_get_text (row)));
  write_key (self, row == GTK_EDITABLE (self->name_row) ? "license_name" : "license_link",
             *text != '\0' ? text : NULL);
  update_state (self);
}

/* ---- Search ----------------------------------------------------------- */

static gboolean
contains (const char *haystack,
          const char *needle)
{
  g_autofree char *folded = haystack != NULL ? g_utf8_casefold (haystack, -1) : NULL;

  return folded != NULL && strstr (folded, needle) != NULL;
}

static gboolean
filter_cb (gpointer item,
           gpointer user_data)
{
  VitrineLicenseStep *self = user_data;
  VitrineLicense *license = item;
  g_auto(GStrv) words = NULL;

  if (self->search == NULL || *self->search == '\0')
    return TRUE;
  words = g_strsplit_set (self->search, " \t", -1);
  for (guint i = 0; words[i] != NULL; i++)
    if (*words[i] != '\0' &&
        !contains (vitrine_license_get_id (license), words[i]) &&
        !contains (vitrine_license_get_name (license), words[i]) &&
        !contains (vitrine_license_get_description (license), words[i]))
      return FALSE;
  return TRUE;
}

static gboolean
starts_with (const char *text,
             const char *prefix)
{
  g_autofree char *folded = text != NULL ? g_utf8_casefold (text, -1) : NULL;

  return folded != NULL && g_str_has_prefix (folded, prefix);
}

static gboolean
equals (const char *text,
        const char *other)
{
  g_autofree char *folded = text != NULL ? g_utf8_casefold (text, -1) : NULL;

  return folded != NULL && g_str_equal (folded, other);
}

/* How well a license answers the search: its id or name itself first,
 * then those they start with, then the names that hold it, then the
 * rest (found in a description). */
static int
rank (VitrineLicenseStep *self,
      VitrineLicense     *license)
{
  const char *id = vitrine_license_get_id (license);
  const char *name = vitrine_license_get_name (license);

  if (self->search == NULL || *self->search == '\0')
    return 0;
  if (equals (id, self->search) || equals (name, self->search))
    return 0;
  if (starts_with (id, self->search) || starts_with (name, self->search))
    return 1;
  if (contains (id, self->search) || contains (name, self->search))
    return 2;
  return 3;
}

static int
sort_cb (gconstpointer a,
         gconstpointer b,
         gpointer      user_data)
{
  /* Equal ranks keep the list's own order (the sort is stable). */
  return rank (user_data, (VitrineLicense *) a) - rank (user_data, (VitrineLicense *) b);
}

static void
on_search_changed_cb (VitrineLicenseStep *self)
{
  g_free (self->search);
  self->search = g_utf8_casefold (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)), -1);
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  gtk_sorter_changed (GTK_SORTER (self->sorter), GTK_SORTER_CHANGE_DIFFERENT);
  select_current (self);
}

/* Enter in the search takes the license found first: the best match. */
static void
on_search_activate_cb (VitrineLicenseStep *self)
{
  g_autofree char *typed = g_utf8_casefold (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)), -1);

  /* Enter may come before the search entry's pause: search now. */
  if (g_strcmp0 (typed, self->search) != 0)
    on_search_changed_cb (self);
  if (g_list_model_get_n_items (G_LIST_MODEL (self->sorted)) > 0)
    on_license_activated_cb (self, 0);
}

/* Down in the search goes to the list, as in a file chooser. */
static gboolean
on_search_key_cb (GtkEventControllerKey *controller,
                  guint                  keyval,
                  guint                  keycode,
                  GdkModifierType        state,
                  VitrineLicenseStep    *self)
{
  if ((keyval != GDK_KEY_Down && keyval != GDK_KEY_KP_Down) ||
      (state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SHIFT_MASK)) != 0)
    return FALSE;
  return gtk_widget_child_focus (GTK_WIDGET (self->license_list), GTK_DIR_TAB_FORWARD);
}

/* ---- Rows ------------------------------------------------------------- */

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *description = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_xalign (GTK_LABEL (description), 0);
  gtk_label_set_wrap (GTK_LABEL (description), TRUE);
  gtk_widget_add_css_class (title, "heading");
  gtk_widget_add_css_class (description, "dim-label");
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), description);
  gtk_list_item_set_child (item, box);
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item)
{
  VitrineLicense *license = gtk_list_item_get_item (item);
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *title = gtk_widget_get_first_child (box);
  GtkWidget *description = gtk_widget_get_next_sibling (title);
  /* Translators: a license in the list: its name, then its id on the Hub. */
  g_autofree char *heading = g_strdup_printf (_("%s (%s)"), vitrine_license_get_name (license),
                                              vitrine_license_get_id (license));
  g_autofree char *name = g_strdup_printf ("%s: %s", heading, vitrine_license_get_description (license));

  gtk_label_set_label (GTK_LABEL (title), heading);
  gtk_label_set_label (GTK_LABEL (description), vitrine_license_get_description (license));
  gtk_accessible_update_property (GTK_ACCESSIBLE (box), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
}

/* ---- Object ----------------------------------------------------------- */

static void
vitrine_license_step_shown (VitrineAssistantPage *page)
{
  VitrineLicenseStep *self = VITRINE_LICENSE_STEP (page);

  vitrine_card_editor_flush (self->editor);
  sync_from_card (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
vitrine_license_step_constructed (GObject *object)
{
  VitrineLicenseStep *self = VITRINE_LICENSE_STEP (object);

  G_OBJECT_CLASS (vitrine_license_step_parent_class)->constructed (object);

  /* After every check of the card, which follows every change of it. */
  g_signal_connect_object (self->editor, "problems-changed", G_CALLBACK (sync_from_card), self,
                           G_CONNECT_SWAPPED);
  sync_from_card (self);
}

static void
vitrine_license_step_dispose (GObject *object)
{
  VitrineLicenseStep *self = VITRINE_LICENSE_STEP (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), VITRINE_TYPE_LICENSE_STEP);
  g_clear_object (&self->selection);
  g_clear_object (&self->licenses);
  g_clear_object (&self->editor);

  G_OBJECT_CLASS (vitrine_license_step_parent_class)->dispose (object);
}

static void
vitrine_license_step_finalize (GObject *object)
{
  VitrineLicenseStep *self = VITRINE_LICENSE_STEP (object);

  g_free (self->license);
  g_free (self->search);

  G_OBJECT_CLASS (vitrine_license_step_parent_class)->finalize (object);
}

static void
vitrine_license_step_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  VitrineLicenseStep *self = VITRINE_LICENSE_STEP (object);

  switch (prop_id)
    {
    case PROP_EDITOR:
      self->editor = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vitrine_license_step_class_init (VitrineLicenseStepClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  VitrineAssistantPageClass *page_class = VITRINE_ASSISTANT_PAGE_CLASS (klass);

  object_class->constructed = vitrine_license_step_constructed;
  object_class->dispose = vitrine_license_step_dispose;
  object_class->finalize = vitrine_license_step_finalize;
  object_class->set_property = vitrine_license_step_set_property;
  page_class->shown = vitrine_license_step_shown;

  properties[PROP_EDITOR] =
    g_param_spec_object ("editor", NULL, NULL, VITRINE_TYPE_CARD_EDITOR,
                         G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/ui/vitrine-license-step.ui");
  gtk_widget_class_bind_template_child (widget_class, VitrineLicenseStep, search_entry);
  gtk_widget_class_bind_template_child (widget_class, VitrineLicenseStep, license_list);
  gtk_widget_class_bind_template_child (widget_class, VitrineLicenseStep, chosen_label);
  gtk_widget_class_bind_template_child (widget_class, VitrineLicenseStep, details_group);
  gtk_widget_class_bind_template_child (widget_class, VitrineLicenseStep, name_row);
  gtk_widget_class_bind_template_child (widget_class, VitrineLicenseStep, link_row);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_license_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_details_changed_cb);
}

static void
vitrine_license_step_init (VitrineLicenseStep *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  vitrine_assistant_page_set_title (VITRINE_ASSISTANT_PAGE (self), _("License"));

  self->licenses = vitrine_license_list_new ();
  self->filter = gtk_custom_filter_new (filter_cb, self, NULL);
  self->filtered = gtk_filter_list_model_new (g_object_ref (self->licenses), GTK_FILTER (self->filter));
  self->sorter = gtk_custom_sorter_new (sort_cb, self, NULL);
  self->sorted = gtk_sort_list_model_new (G_LIST_MODEL (self->filtered), GTK_SORTER (self->sorter));
  self->selection = gtk_single_selection_new (G_LIST_MODEL (self->sorted));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  g_signal_connect_object (self->selection, "notify::selected-item", G_CALLBACK (on_selected_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_list_view_set_model (self->license_list, GTK_SELECTION_MODEL (self->selection));
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), NULL);
  gtk_list_view_set_factory (self->license_list, factory);
  g_object_unref (factory);
  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self));
  {
    GtkEventController *keys = gtk_event_controller_key_new ();

    g_signal_connect_object (keys, "key-pressed", G_CALLBACK (on_search_key_cb), self, 0);
    gtk_widget_add_controller (GTK_WIDGET (self->search_entry), keys);
  }
  vitrine_accessible_repair (GTK_WIDGET (self));
}

VitrineLicenseStep *
vitrine_license_step_new (VitrineCardEditor *editor)
{
  g_return_val_if_fail (VITRINE_IS_CARD_EDITOR (editor), NULL);
  return g_object_new (VITRINE_TYPE_LICENSE_STEP, "editor", editor, NULL);
}
