/* vitrine-card-form.c — the model card's metadata as a form, and its problems
 *
 * The form shows the keys of the front matter the editor manages (license,
 * languages, task, library, base model, datasets, tags) and writes each
 * change into the document as YAML, one key at a time, through
 * VitrineCard: the rest of the card keeps its text.  Above it, the list of
 * problems the Hub would refuse; a problem marks its row, and activating
 * it asks for its line in the source.
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
#include "vitrine-card-form.h"
#include "vitrine-card-rules.h"

struct _VitrineCardForm
{
  GtkWidget            parent_instance;

  VitrineCardDocument *document;
  GtkStringList       *licenses;
  GtkStringList       *pipelines;
  /* The metadata the form shows, as the YAML last said. */
  JsonNode            *metadata;
  /* The form is being set from the YAML: its signals are ours. */
  gboolean             updating;

  /* Template widgets */
  AdwPreferencesGroup *problems_group;
  GtkListBox          *problems_list;
  AdwPreferencesGroup *form_group;
  AdwActionRow        *license_row;
  GtkDropDown         *license_dropdown;
  AdwEntryRow         *license_name_row;
  AdwEntryRow         *license_link_row;
  AdwEntryRow         *language_row;
  AdwActionRow        *pipeline_row;
  GtkDropDown         *pipeline_dropdown;
  AdwEntryRow         *library_row;
  AdwEntryRow         *base_model_row;
  AdwEntryRow         *datasets_row;
  AdwEntryRow         *tags_row;
};

G_DEFINE_FINAL_TYPE (VitrineCardForm, vitrine_card_form, GTK_TYPE_WIDGET)

enum {
  PROBLEM_ACTIVATED,
  EDIT_FAILED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

typedef enum
{
  FIELD_STRING,
  FIELD_LIST,
  FIELD_STRING_OR_LIST,
} FieldKind;

/* The form's row for each key it manages. */
static const struct {
  const char *key;
  gsize       offset;
  FieldKind   kind;   /* for entry rows: how their text becomes YAML */
} form_rows[] = {
  { "license", G_STRUCT_OFFSET (VitrineCardForm, license_row), FIELD_STRING },
  { "license_name", G_STRUCT_OFFSET (VitrineCardForm, license_name_row), FIELD_STRING },
  { "license_link", G_STRUCT_OFFSET (VitrineCardForm, license_link_row), FIELD_STRING },
  { "language", G_STRUCT_OFFSET (VitrineCardForm, language_row), FIELD_STRING_OR_LIST },
  { "pipeline_tag", G_STRUCT_OFFSET (VitrineCardForm, pipeline_row), FIELD_STRING },
  { "library_name", G_STRUCT_OFFSET (VitrineCardForm, library_row), FIELD_STRING },
  { "base_model", G_STRUCT_OFFSET (VitrineCardForm, base_model_row), FIELD_STRING_OR_LIST },
  { "datasets", G_STRUCT_OFFSET (VitrineCardForm, datasets_row), FIELD_LIST },
  { "tags", G_STRUCT_OFFSET (VitrineCardForm, tags_row), FIELD_LIST },
};

/* ---- From the form to the YAML ---------------------------------------- */

/* What a form field holds, as the YAML value; NULL when it is empty.  A
 * field that takes one value or a list writes a list when the card
 * already has one there. */
static JsonNode *
field_value (const char *text,
             FieldKind   kind,
             gboolean    was_list)
{
  g_auto(GStrv) parts = NULL;
  g_autoptr(JsonArray) array = NULL;
  JsonNode *node;

  if (kind == FIELD_STRING)
    {
      g_autofree char *value = g_strstrip (g_strdup (text));

      if (*value == '\0')
        return NULL;
      return json_node_init_string (json_node_alloc (), value);
    }

  array = json_array_new ();
  parts = g_strsplit (text, ",", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_strstrip (parts[i]);
      if (*parts[i] != '\0')
        json_array_add_string_element (array, parts[i]);
    }
  if (json_array_get_length (array) == 0)
    return NULL;
  if (kind == FIELD_STRING_OR_LIST && json_array_get_length (array) == 1 && !was_list)
    return json_node_init_string (json_node_alloc (), json_array_get_string_element (array, 0));
  node = json_node_alloc ();
  json_node_init_array (node, array);
  return node;
}

static gboolean
is_list_now (VitrineCardForm *self,
             const char      *key)
{
  JsonNode *node;

  if (self->metadata == NULL || !JSON_NODE_HOLDS_OBJECT (self->metadata))
    return FALSE;
  node = json_object_get_member (json_node_get_object (self->metadata), key);
  return node != NULL && JSON_NODE_HOLDS_ARRAY (node);
}

/* Puts one key's new value into the card. */
static void
apply (VitrineCardForm *self,
       const char      *key,
       JsonNode        *value)
{
  g_autoptr(GError) error = NULL;

  if (self->updating || self->document == NULL)
    return;
  if (!vitrine_card_document_set_key (self->document, key, value, &error))
    g_signal_emit (self, signals[EDIT_FAILED], 0, error->message);
}

static const char *
dropdown_value (GtkDropDown *dropdown)
{
  guint selected = gtk_drop_down_get_selected (dropdown);
  GtkStringObject *item;

  /* The first item is “None”. */
  if (selected == 0 || selected == GTK_INVALID_LIST_POSITION)
    return NULL;
  item = gtk_drop_down_get_selected_item (dropdown);
  return item != NULL ? gtk_string_object_get_string (item) : NULL;
}

static void
update_license_rows (VitrineCardForm *self)
{
  gboolean other = g_strcmp0 (dropdown_value (self->license_dropdown), "other") == 0;

  gtk_widget_set_visible (GTK_WIDGET (self->license_name_row),
                          other || *gtk_editable_get_text (GTK_EDITABLE (self->license_name_row)) != '\0');
  gtk_widget_set_visible (GTK_WIDGET (self->license_link_row),
                          other || *gtk_editable_get_text (GTK_EDITABLE (self->license_link_row)) != '\0');
}

static void
on_dropdown_selected_cb (VitrineCardForm *self,
                         GParamSpec      *pspec,
                         GtkDropDown     *dropdown)
{
  const char *value = dropdown_value (dropdown);
  const char *key = dropdown == self->license_dropdown ? "license" : "pipeline_tag";
  g_autoptr(JsonNode) node = NULL;

  if (dropdown == self->license_dropdown)
    update_license_rows (self);
  if (value != NULL)
    node = json_node_init_string (json_node_alloc (), value);
  apply (self, key, node);
}

static void
on_entry_changed_cb (VitrineCardForm *self,
                     GtkEditable     *editable)
{
  if (self->updating)
    return;

  for (guint i = 0; i < G_N_ELEMENTS (form_rows); i++)
    if (G_STRUCT_MEMBER (GtkEditable *, self, form_rows[i].offset) == editable)
      {
        g_autoptr(JsonNode) node = field_value (gtk_editable_get_text (editable), form_rows[i].kind,
                                                is_list_now (self, form_rows[i].key));

        apply (self, form_rows[i].key, node);
        return;
      }
  g_return_if_reached ();
}

/* ---- From the YAML to the form ---------------------------------------- */

static void
set_entry (AdwEntryRow *row,
           const char  *text)
{
  g_autoptr(JsonNode) current = field_value (gtk_editable_get_text (GTK_EDITABLE (row)), FIELD_LIST, TRUE);
  g_autoptr(JsonNode) wanted = field_value (text != NULL ? text : "", FIELD_LIST, TRUE);

  /* “en,fr” and “en, fr” say the same: leave what the user typed. */
  if ((current == NULL && wanted == NULL) ||
      (current != NULL && wanted != NULL && json_node_equal (current, wanted)))
    return;
  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
}

static void
set_entry_list (AdwEntryRow        *row,
                const char * const *values)
{
  g_autofree char *text = values != NULL ? g_strjoinv (", ", (char **) values) : NULL;

  set_entry (row, text);
}

static void
set_dropdown (GtkDropDown   *dropdown,
              GtkStringList *model,
              const char    *value)
{
  guint position = 0;

  if (value != NULL)
    {
      guint n = g_list_model_get_n_items (G_LIST_MODEL (model));

      /* A value the list does not have shows as nothing, not as “None”;
       * the row's problem says what is wrong with it. */
      position = GTK_INVALID_LIST_POSITION;
      for (guint i = 1; i < n; i++)
        if (strcmp (gtk_string_list_get_string (model, i), value) == 0)
          {
            position = i;
            break;
          }
    }
  if (gtk_drop_down_get_selected (dropdown) != position)
    gtk_drop_down_set_selected (dropdown, position);
}

/**
 * vitrine_card_form_set_metadata:
 * @metadata: (nullable): the card's front matter as JSON
 * @editable: whether the YAML can be read, so written through the form
 *
 * Shows what the YAML says.  Rows whose text says the same as the YAML
 * (“en,fr” for en and fr) are left as the user typed them.
 */
void
vitrine_card_form_set_metadata (VitrineCardForm *self,
                                JsonNode        *metadata,
                                gboolean         editable)
{
  g_autoptr(VitrineCardMetadata) meta = NULL;

  g_return_if_fail (VITRINE_IS_CARD_FORM (self));

  gtk_widget_set_sensitive (GTK_WIDGET (self->form_group), editable);
  adw_preferences_group_set_description (self->form_group,
                                         editable ? NULL : _("Fix the problem in the YAML to use the form again."));
  if (!editable)
    return;

  g_clear_pointer (&self->metadata, json_node_unref);
  self->metadata = metadata != NULL ? json_node_ref (metadata) : NULL;
  meta = vitrine_card_metadata_new_from_json (metadata);
  self->updating = TRUE;
  set_dropdown (self->license_dropdown, self->licenses, meta->license);
  set_entry (self->license_name_row, meta->license_name);
  set_entry (self->license_link_row, meta->license_link);
  set_entry_list (self->language_row, (const char * const *) meta->languages);
  set_dropdown (self->pipeline_dropdown, self->pipelines, meta->pipeline_tag);
  set_entry (self->library_row, meta->library_name);
  set_entry_list (self->base_model_row, (const char * const *) meta->base_models);
  set_entry_list (self->datasets_row, (const char * const *) meta->datasets);
  set_entry_list (self->tags_row, (const char * const *) meta->tags);
  update_license_rows (self);
  self->updating = FALSE;
}

/**
 * vitrine_card_form_set_document:
 *
 * The card the form writes into.
 */
void
vitrine_card_form_set_document (VitrineCardForm     *self,
                                VitrineCardDocument *document)
{
  g_return_if_fail (VITRINE_IS_CARD_FORM (self));
  g_set_object (&self->document, document);
}

/* ---- Problems --------------------------------------------------------- */

static GtkWidget *
row_for_key (VitrineCardForm *self,
             const char      *key)
{
  for (guint i = 0; i < G_N_ELEMENTS (form_rows); i++)
    if (strcmp (form_rows[i].key, key) == 0)
      return G_STRUCT_MEMBER (GtkWidget *, self, form_rows[i].offset);
  return NULL;
}

static char *
problem_place (VitrineCardProblem *problem)
{
  if (problem->line > 0 && problem->column > 0)
    return g_strdup_printf (_("Line %u, column %u"), problem->line, problem->column);
  if (problem->line > 0)
    return g_strdup_printf (_("Line %u"), problem->line);
  return NULL;
}

/**
 * vitrine_card_form_show_problems:
 * @problems: (element-type VitrineCardProblem): what the Hub would refuse
 *
 * Lists the problems and marks the rows of the keys they are about.  The
 * form keeps @problems while it shows them.
 */
void
vitrine_card_form_show_problems (VitrineCardForm *self,
                                 GPtrArray       *problems)
{
  GtkWidget *child;

  g_return_if_fail (VITRINE_IS_CARD_FORM (self));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->problems_list))) != NULL)
    gtk_list_box_remove (self->problems_list, child);
  for (guint i = 0; i < G_N_ELEMENTS (form_rows); i++)
    {
      GtkWidget *row = G_STRUCT_MEMBER (GtkWidget *, self, form_rows[i].offset);

      gtk_widget_remove_css_class (row, "error");
      gtk_widget_set_tooltip_text (row, NULL);
    }

  if (problems == NULL || problems->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *icon = gtk_image_new_from_icon_name ("emblem-ok-symbolic");

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No problems: the Hub will accept this card"));
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
      gtk_widget_add_css_class (icon, "success");
      gtk_list_box_append (self->problems_list, row);
      vitrine_accessible_repair (row);
      return;
    }

  for (guint i = 0; i < problems->len; i++)
    {
      VitrineCardProblem *problem = g_ptr_array_index (problems, i);
      g_autofree char *place = problem_place (problem);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
      GtkWidget *form_row = problem->key != NULL ? row_for_key (self, problem->key) : NULL;

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), problem->message);
      adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
      if (place != NULL)
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), place);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
      gtk_widget_add_css_class (icon, "warning");
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), problem->line > 0);
      g_object_set_data_full (G_OBJECT (row), "problems", g_ptr_array_ref (problems),
                              (GDestroyNotify) g_ptr_array_unref);
      g_object_set_data (G_OBJECT (row), "problem", problem);
      gtk_list_box_append (self->problems_list, row);
      vitrine_accessible_repair (row);

      if (form_row != NULL)
        {
          gtk_widget_add_css_class (form_row, "error");
          gtk_widget_set_tooltip_text (form_row, problem->message);
        }
    }
}

static void
on_problem_activated_cb (VitrineCardForm *self,
                         GtkListBoxRow   *row)
{
  VitrineCardProblem *problem = g_object_get_data (G_OBJECT (row), "problem");

  if (problem != NULL && problem->line > 0)
    g_signal_emit (self, signals[PROBLEM_ACTIVATED], 0, problem->line, problem->column);
}

/* ---- Object ----------------------------------------------------------- */

static GtkStringList *
choices_model (const char * const *values)
{
  GtkStringList *list = gtk_string_list_new (NULL);

  gtk_string_list_append (list, _("None"));
  for (guint i = 0; values[i] != NULL; i++)
    gtk_string_list_append (list, values[i]);
  return list;
}

static void
vitrine_card_form_dispose (GObject *object)
{
  VitrineCardForm *self = VITRINE_CARD_FORM (object);
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), VITRINE_TYPE_CARD_FORM);
  /* The box that holds the rest, which no field names. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->document);
  g_clear_object (&self->licenses);
  g_clear_object (&self->pipelines);
  g_clear_pointer (&self->metadata, json_node_unref);

  G_OBJECT_CLASS (vitrine_card_form_parent_class)->dispose (object);
}

static void
vitrine_card_form_class_init (VitrineCardFormClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vitrine_card_form_dispose;

  /**
   * VitrineCardForm::problem-activated:
   * @line: the problem's line, from 1
   * @column: its column, from 1, or 0 when unknown
   *
   * The user asked to see where a problem is.
   */
  signals[PROBLEM_ACTIVATED] =
    g_signal_new ("problem-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_UINT, G_TYPE_UINT);
  /**
   * VitrineCardForm::edit-failed:
   * @message: why the change could not be written
   */
  signals[EDIT_FAILED] =
    g_signal_new ("edit-failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/ui/vitrine-card-form.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_bind_template_child (widget_class, VitrineCardForm, problems_group);
  gtk_widget_class_bind_template_child (widget_class, VitrineCardForm, problems_list);
  gtk_widget_class_bind_template_child (widget_class, VitrineCardForm, form_group);
  gtk_widget_class_bind_template_child (widget_class, VitrineCardForm, license_row);
  gtk_widget_class_bind_template_child (widget_class, VitrineCardForm, license_dropdown);
  gtk_widget_class_bind_template_child (widget_class, VitrineCardForm, license_name_row);
  gtk_widget_class_bind_template_child (widget_class, VitrineCardForm, license_link_row);
  gtk_widget_class_bind_template_child (widget_class, VitrineCardForm, language_row);
  gtk_widget_class_bind_template_child (widget_class, VitrineCardForm, pipeline_row);
  gtk_widget_class_bind_template_child (widget_class, VitrineCardForm, pipeline_dropdown);
  gtk_widget_class_bind_template_child (widget_class, VitrineCardForm, library_row);
  gtk_widget_class_bind_template_child (widget_class, VitrineCardForm, base_model_row);
  gtk_widget_class_bind_template_child (widget_class, VitrineCardForm, datasets_row);
  gtk_widget_class_bind_template_child (widget_class, VitrineCardForm, tags_row);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_dropdown_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_problem_activated_cb);
}

static void
vitrine_card_form_init (VitrineCardForm *self)
{
  GtkExpression *expression;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->licenses = choices_model (vitrine_card_licenses ());
  self->pipelines = choices_model (vitrine_card_pipeline_tags ());
  expression = gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string");
  gtk_drop_down_set_expression (self->license_dropdown, expression);
  gtk_drop_down_set_expression (self->pipeline_dropdown, expression);
  gtk_expression_unref (expression);
  self->updating = TRUE;
  gtk_drop_down_set_model (self->license_dropdown, G_LIST_MODEL (self->licenses));
  gtk_drop_down_set_model (self->pipeline_dropdown, G_LIST_MODEL (self->pipelines));
  self->updating = FALSE;
  vitrine_card_form_show_problems (self, NULL);
}
