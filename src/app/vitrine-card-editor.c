/* vitrine-card-editor.c — the model card editor: form, source and preview
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <string.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <gtksourceview/gtksource.h>

#include "vitrine-card.h"
#include "vitrine-card-diff-dialog.h"
#include "vitrine-card-editor.h"
#include "vitrine-card-merge.h"
#include "vitrine-card-rules.h"
#include "vitrine-card-template.h"
#include "vitrine-diff.h"
#include "vitrine-error.h"
#include "vitrine-hub-types.h"
#include "vitrine-repo-id.h"
#include "vitrine-markdown.h"
#include "vitrine-web.h"
#include "vitrine-yaml.h"

/* How long typing may pause before the form, problems and preview follow,
 * and before the draft is written. */
#define REFRESH_DELAY_MS 120
#define DRAFT_DELAY_MS   400
/* A card the local rules accept is shown to the Hub's validate-yaml once
 * typing has paused this long. */
#define REMOTE_CHECK_DELAY_MS 800
/* Cards smaller than this are checked and rendered on the main thread. */
#define ANALYSE_IN_PLACE_MAX  (64 * 1024)

/* Below this width the form, the source and the preview take turns. */
#define NARROW_WIDTH     900

struct _VitrineCardEditor
{
  GtkWidget               parent_instance;

  GFile                  *folder;
  char                   *readme_path;
  char                   *draft_path;
  /* README.md as it is on disk, NULL when the folder has none. */
  char                   *saved_text;
  /* The card the edits started from: what the Hub had, as far as we know. */
  char                   *base_text;
  /* Before the last merge (or Use the Hub's): the text and its base, so an
   * Undo back to that text brings that base back too. */
  char                   *before_merge_text;
  char                   *before_merge_base;
  GPtrArray              *problems;
  VitrineClient          *client;
  char                   *repo_id;
  GCancellable           *cancellable;

  GtkSourceBuffer        *buffer;
  GtkSourceSearchContext *search;
  GtkTextTag             *problem_tag;
  GtkStringList          *licenses;
  GtkStringList          *pipelines;
  WebKitWebView          *preview;
  char                   *preview_content;
  gboolean                preview_ready;

  guint                   refresh_id;
  guint                   draft_id;
  guint                   remote_check_id;
  GCancellable           *remote_check;
  /* Bumped at each change of the text: answers about older text are dropped. */
  guint                   generation;
  /* The form is being set from the YAML: its signals are ours. */
  gboolean                updating_form;
  /* The next refresh follows an edit made in the form. */
  gboolean                skip_form;
  gboolean                narrow;
  guint                   layout_id;

  /* Template widgets */
  AdwToastOverlay        *toast_overlay;
  GtkRevealer            *draft_revealer;
  GtkLabel               *draft_label;
  AdwPreferencesGroup    *form_group;
  AdwActionRow           *license_row;
  GtkDropDown            *license_dropdown;
  AdwEntryRow            *license_name_row;
  AdwEntryRow            *license_link_row;
  AdwEntryRow            *language_row;
  AdwActionRow           *pipeline_row;
  GtkDropDown            *pipeline_dropdown;
  AdwEntryRow            *library_row;
  AdwEntryRow            *base_model_row;
  AdwEntryRow            *datasets_row;
  AdwEntryRow            *tags_row;
  GtkListBox             *problems_list;
  GtkSearchBar           *search_bar;
  GtkSearchEntry         *search_entry;
  GtkSourceView          *source_view;
  GtkBox                 *preview_box;
  GtkLabel               *status_label;
  GtkToggleButton        *preview_toggle;
  GtkWidget              *form_pane;
  GtkWidget              *source_paned;
  GtkWidget              *source_pane;
  GtkWidget              *pane_switcher;
  GtkToggleButton        *form_pane_button;
  GtkToggleButton        *source_pane_button;
  GtkToggleButton        *preview_pane_button;
};

G_DEFINE_FINAL_TYPE (VitrineCardEditor, vitrine_card_editor, GTK_TYPE_WIDGET)

enum {
  PREVIEW_UPDATED,
  PROBLEMS_CHANGED,
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
  { "license", G_STRUCT_OFFSET (VitrineCardEditor, license_row), FIELD_STRING },
  { "license_name", G_STRUCT_OFFSET (VitrineCardEditor, license_name_row), FIELD_STRING },
  { "license_link", G_STRUCT_OFFSET (VitrineCardEditor, license_link_row), FIELD_STRING },
  { "language", G_STRUCT_OFFSET (VitrineCardEditor, language_row), FIELD_STRING_OR_LIST },
  { "pipeline_tag", G_STRUCT_OFFSET (VitrineCardEditor, pipeline_row), FIELD_STRING },
  { "library_name", G_STRUCT_OFFSET (VitrineCardEditor, library_row), FIELD_STRING },
  { "base_model", G_STRUCT_OFFSET (VitrineCardEditor, base_model_row), FIELD_STRING_OR_LIST },
  { "datasets", G_STRUCT_OFFSET (VitrineCardEditor, datasets_row), FIELD_LIST },
  { "tags", G_STRUCT_OFFSET (VitrineCardEditor, tags_row), FIELD_LIST },
};

static void           schedule_refresh (VitrineCardEditor *self);
static VitrineClient *ensure_client    (VitrineCardEditor *self);
static gboolean       refresh_cb       (gpointer           data);
static void           refresh          (VitrineCardEditor *self,
                                        gboolean           may_wait);

/* ---- Text ------------------------------------------------------------- */

char *
vitrine_card_editor_get_text (VitrineCardEditor *self)
{
  GtkTextIter start, end;

  g_return_val_if_fail (VITRINE_IS_CARD_EDITOR (self), NULL);

  gtk_text_buffer_get_bounds (GTK_TEXT_BUFFER (self->buffer), &start, &end);
  return gtk_text_buffer_get_text (GTK_TEXT_BUFFER (self->buffer), &start, &end, TRUE);
}

/* Replaces only the part of the text that differs, as one step of undo,
 * so the cursor, the scroll position and the rest of the card stay. */
static void
replace_text (VitrineCardEditor *self,
              const char        *text)
{
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (self->buffer);
  g_autofree char *old = vitrine_card_editor_get_text (self);
  gsize old_len = strlen (old);
  gsize new_len = strlen (text);
  gsize prefix = 0;
  gsize suffix = 0;
  GtkTextIter start, end;

  if (strcmp (old, text) == 0)
    return;

  while (prefix < old_len && prefix < new_len && old[prefix] == text[prefix])
    prefix++;
  while (prefix > 0 && (old[prefix] & 0xC0) == 0x80)
    prefix--;
  while (suffix < old_len - prefix && suffix < new_len - prefix &&
         old[old_len - 1 - suffix] == text[new_len - 1 - suffix])
    suffix++;
  while (suffix > 0 && (old[old_len - suffix] & 0xC0) == 0x80)
    suffix--;

  gtk_text_buffer_get_iter_at_offset (buffer, &start, g_utf8_strlen (old, prefix));
  gtk_text_buffer_get_iter_at_offset (buffer, &end, g_utf8_strlen (old, old_len - suffix));
  gtk_text_buffer_begin_user_action (buffer);
  gtk_text_buffer_delete (buffer, &start, &end);
  gtk_text_buffer_insert (buffer, &start, text + prefix, new_len - suffix - prefix);
  gtk_text_buffer_end_user_action (buffer);
}

/* Sets the text as a new start: nothing to undo before it. */
static void
set_text_irreversibly (VitrineCardEditor *self,
                       const char        *text)
{
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (self->buffer);
  GtkTextIter start;

  gtk_text_buffer_begin_irreversible_action (buffer);
  gtk_text_buffer_set_text (buffer, text, -1);
  gtk_text_buffer_end_irreversible_action (buffer);
  gtk_text_buffer_get_start_iter (buffer, &start);
  gtk_text_buffer_place_cursor (buffer, &start);
  gtk_text_buffer_set_modified (buffer, FALSE);
}

static void
set_status (VitrineCardEditor *self,
            const char        *status)
{
  gtk_label_set_label (self->status_label, status);
}

/* The base of the text as it is now (see before_merge_text). */
static const char *
current_base (VitrineCardEditor *self)
{
  if (self->before_merge_text != NULL)
    {
      g_autofree char *text = vitrine_card_editor_get_text (self);

      if (strcmp (text, self->before_merge_text) == 0)
        {
          g_free (self->base_text);
          self->base_text = g_steal_pointer (&self->before_merge_base);
          g_clear_pointer (&self->before_merge_text, g_free);
        }
    }
  return self->base_text;
}

/* The Hub's card is now part of this one. */
static void
set_base_from_hub (VitrineCardEditor *self,
                   const char        *before,
                   const char        *theirs)
{
  g_free (self->before_merge_text);
  self->before_merge_text = g_strdup (before);
  g_free (self->before_merge_base);
  self->before_merge_base = g_steal_pointer (&self->base_text);
  self->base_text = g_strdup (theirs);
}

/* ---- Drafts ----------------------------------------------------------- */

/**
 * vitrine_card_editor_get_draft_path:
 *
 * Where the draft of a folder's card is kept while it is edited.
 *
 * Returns: (transfer full): a path under the user's data folder
 */
char *
vitrine_card_editor_get_draft_path (GFile *folder)
{
  g_autofree char *path = g_file_get_path (folder);
  g_autofree char *digest = g_compute_checksum_for_string (G_CHECKSUM_SHA256, path != NULL ? path : "", -1);
  g_autofree char *name = g_strconcat (digest, ".json", NULL);

  return g_build_filename (g_get_user_data_dir (), "vitrine", "drafts", name, NULL);
}

static void
delete_draft (VitrineCardEditor *self)
{
  if (self->draft_path != NULL && g_unlink (self->draft_path) != 0 && errno != ENOENT)
    g_warning ("Could not remove the draft %s: %s", self->draft_path, g_strerror (errno));
}

static gboolean
write_draft (VitrineCardEditor  *self,
             GError            **error)
{
  g_autofree char *text = vitrine_card_editor_get_text (self);
  g_autofree char *folder = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *json = NULL;
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *stamp = g_date_time_format_iso8601 (now);
  const char *base;

  if (self->draft_path == NULL)
    return TRUE;

  /* Nothing differs from the file: nothing to keep. */
  if (self->saved_text != NULL && strcmp (text, self->saved_text) == 0)
    {
      delete_draft (self);
      return TRUE;
    }

  folder = g_file_get_path (self->folder);
  builder = json_builder_new ();
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "folder");
  json_builder_add_string_value (builder, folder);
  json_builder_set_member_name (builder, "saved");
  json_builder_add_string_value (builder, stamp);
  json_builder_set_member_name (builder, "text");
  json_builder_add_string_value (builder, text);
  json_builder_set_member_name (builder, "base");
  base = current_base (self);
  if (base != NULL)
    json_builder_add_string_value (builder, base);
  else
    json_builder_add_null_value (builder);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  json = json_to_string (root, FALSE);

  dir = g_path_get_dirname (self->draft_path);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int errsv = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errsv),
                   _("Could not create “%s”: %s"), dir, g_strerror (errsv));
      return FALSE;
    }
  return g_file_set_contents_full (self->draft_path, json, -1,
                                   G_FILE_SET_CONTENTS_CONSISTENT, 0600, error);
}

static gboolean
save_draft_cb (gpointer data)
{
  VitrineCardEditor *self = data;
  g_autoptr(GError) error = NULL;

  self->draft_id = 0;
  if (!write_draft (self, &error))
    {
      g_autofree char *message = g_strdup_printf (_("Your changes could not be kept as a draft: %s"),
                                                  error->message);
      set_status (self, message);
    }
  else if (gtk_text_buffer_get_modified (GTK_TEXT_BUFFER (self->buffer)))
    set_status (self, _("Draft kept. Save to write README.md."));
  return G_SOURCE_REMOVE;
}

/**
 * vitrine_card_editor_flush:
 *
 * Writes the draft now if typing left one pending, and brings the form,
 * the problems and the preview up to date.
 */
void
vitrine_card_editor_flush (VitrineCardEditor *self)
{
  g_return_if_fail (VITRINE_IS_CARD_EDITOR (self));

  if (self->draft_id != 0)
    {
      g_clear_handle_id (&self->draft_id, g_source_remove);
      save_draft_cb (self);
    }
  if (self->refresh_id != 0)
    {
      g_clear_handle_id (&self->refresh_id, g_source_remove);
      refresh (self, FALSE);
    }
}

typedef struct
{
  char *text;
  char *base;
  char *saved;
} Draft;

static void
draft_clear (Draft *draft)
{
  g_clear_pointer (&draft->text, g_free);
  g_clear_pointer (&draft->base, g_free);
  g_clear_pointer (&draft->saved, g_free);
}

/* A draft for this folder, if a readable one is there. */
static gboolean
read_draft (VitrineCardEditor *self,
            const char        *folder,
            Draft             *draft)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *object;
  JsonNode *root;

  if (!json_parser_load_from_mapped_file (parser, self->draft_path, NULL))
    return FALSE;
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return FALSE;
  object = json_node_get_object (root);
  if (g_strcmp0 (vitrine_json_string (object, "folder"), folder) != 0 ||
      vitrine_json_string (object, "text") == NULL)
    return FALSE;
  draft->text = g_strdup (vitrine_json_string (object, "text"));
  draft->base = g_strdup (vitrine_json_string (object, "base"));
  draft->saved = g_strdup (vitrine_json_string (object, "saved"));
  return TRUE;
}

/* ---- Form ------------------------------------------------------------- */

/* What a form field holds, as the YAML value; NULL when it is empty. */
static JsonNode *
field_value (const char *text,
             FieldKind   kind)
{
  g_auto(GStrv) parts = NULL;
  g_autoptr(JsonArray) array = NULL;
  JsonNode *node;

  if (kind == FIELD_STRING)
    {
      g_autofree char *value = g_strstrip (g_strdup (text));

      if (*value == '\0')
        return NULL;
      node = json_node_init_string (json_node_alloc (), value);
      return node;
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
  if (kind == FIELD_STRING_OR_LIST && json_array_get_length (array) == 1)
    return json_node_init_string (json_node_alloc (), json_array_get_string_element (array, 0));
  node = json_node_alloc ();
  json_node_init_array (node, array);
  return node;
}

/* Puts one key's new value into the YAML; the rest of the card stays as
 * written. */
static void
apply_to_source (VitrineCardEditor *self,
                 const char        *key,
                 JsonNode          *value)
{
  g_autofree char *text = NULL;
  g_autofree char *new_text = NULL;
  g_autoptr(GError) error = NULL;
  VitrineCard *card;
  gboolean ok;

  if (self->updating_form)
    return;

  text = vitrine_card_editor_get_text (self);
  card = vitrine_card_new_from_text (text, -1, &error);
  if (card == NULL)
    {
      set_status (self, error->message);
      return;
    }
  if (value != NULL)
    ok = vitrine_card_set (card, key, value, &error);
  else
    ok = vitrine_card_remove (card, key, &error);
  if (ok)
    new_text = vitrine_card_to_text (card);
  vitrine_card_free (card);
  if (!ok)
    {
      set_status (self, error->message);
      return;
    }

  self->skip_form = TRUE;
  replace_text (self, new_text);
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
update_license_rows (VitrineCardEditor *self)
{
  gboolean other = g_strcmp0 (dropdown_value (self->license_dropdown), "other") == 0;

  gtk_widget_set_visible (GTK_WIDGET (self->license_name_row),
                          other || *gtk_editable_get_text (GTK_EDITABLE (self->license_name_row)) != '\0');
  gtk_widget_set_visible (GTK_WIDGET (self->license_link_row),
                          other || *gtk_editable_get_text (GTK_EDITABLE (self->license_link_row)) != '\0');
}

static void
on_dropdown_selected_cb (VitrineCardEditor *self,
                         GParamSpec        *pspec,
                         GtkDropDown       *dropdown)
{
  const char *value = dropdown_value (dropdown);
  const char *key = dropdown == self->license_dropdown ? "license" : "pipeline_tag";
  g_autoptr(JsonNode) node = NULL;

  if (dropdown == self->license_dropdown)
    update_license_rows (self);
  if (self->updating_form)
    return;
  if (value != NULL)
    node = json_node_init_string (json_node_alloc (), value);
  apply_to_source (self, key, node);
}

static void
on_entry_changed_cb (VitrineCardEditor *self,
                     GtkEditable       *editable)
{
  if (self->updating_form)
    return;

  for (guint i = 0; i < G_N_ELEMENTS (form_rows); i++)
    if (G_STRUCT_MEMBER (GtkEditable *, self, form_rows[i].offset) == editable)
      {
        g_autoptr(JsonNode) node = field_value (gtk_editable_get_text (editable), form_rows[i].kind);

        apply_to_source (self, form_rows[i].key, node);
        return;
      }
  g_return_if_reached ();
}

static void
set_entry (AdwEntryRow *row,
           const char  *text)
{
  g_autoptr(JsonNode) current = field_value (gtk_editable_get_text (GTK_EDITABLE (row)), FIELD_LIST);
  g_autoptr(JsonNode) wanted = field_value (text != NULL ? text : "", FIELD_LIST);

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

static void
update_form (VitrineCardEditor *self,
             JsonNode          *metadata,
             gboolean           editable)
{
  g_autoptr(VitrineCardMetadata) meta = vitrine_card_metadata_new_from_json (metadata);

  self->updating_form = TRUE;
  gtk_widget_set_sensitive (GTK_WIDGET (self->form_group), editable);
  adw_preferences_group_set_description (self->form_group,
                                         editable ? NULL : _("Fix the problem in the YAML to use the form again."));
  if (editable)
    {
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
    }
  self->updating_form = FALSE;
}

/* ---- Problems --------------------------------------------------------- */

static GtkWidget *
row_for_key (VitrineCardEditor *self,
             const char        *key)
{
  for (guint i = 0; i < G_N_ELEMENTS (form_rows); i++)
    if (strcmp (form_rows[i].key, key) == 0)
      return G_STRUCT_MEMBER (GtkWidget *, self, form_rows[i].offset);
  return NULL;
}

static void
clear_row_errors (VitrineCardEditor *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (form_rows); i++)
    {
      GtkWidget *row = G_STRUCT_MEMBER (GtkWidget *, self, form_rows[i].offset);

      gtk_widget_remove_css_class (row, "error");
      gtk_widget_set_tooltip_text (row, NULL);
    }
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

static void
update_problems (VitrineCardEditor *self)
{
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (self->buffer);
  GtkTextIter start, end;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->problems_list))) != NULL)
    gtk_list_box_remove (self->problems_list, child);
  clear_row_errors (self);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  gtk_source_buffer_remove_source_marks (self->buffer, &start, &end, "problem");
  gtk_text_buffer_remove_tag (buffer, self->problem_tag, &start, &end);

  if (self->problems->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *icon = gtk_image_new_from_icon_name ("emblem-ok-symbolic");

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No problems: the Hub will accept this card"));
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
      gtk_widget_add_css_class (icon, "success");
      gtk_list_box_append (self->problems_list, row);
      return;
    }

  for (guint i = 0; i < self->problems->len; i++)
    {
      VitrineCardProblem *problem = g_ptr_array_index (self->problems, i);
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
      g_object_set_data (G_OBJECT (row), "problem", problem);
      gtk_list_box_append (self->problems_list, row);

      if (form_row != NULL)
        {
          gtk_widget_add_css_class (form_row, "error");
          gtk_widget_set_tooltip_text (form_row, problem->message);
        }

      if (problem->line > 0 && problem->line <= (guint) gtk_text_buffer_get_line_count (buffer))
        {
          GtkTextIter line_start, line_end;

          gtk_text_buffer_get_iter_at_line (buffer, &line_start, problem->line - 1);
          line_end = line_start;
          if (!gtk_text_iter_ends_line (&line_end))
            gtk_text_iter_forward_to_line_end (&line_end);
          gtk_source_buffer_create_source_mark (self->buffer, NULL, "problem", &line_start);
          gtk_text_buffer_apply_tag (buffer, self->problem_tag, &line_start, &line_end);
        }
    }
}

/* ---- Layout ----------------------------------------------------------- */

/* Wide: the three side by side (the preview can be hidden).  Narrow: one
 * at a time, chosen in the bottom bar. */
static void
apply_layout (VitrineCardEditor *self)
{
  gboolean narrow = self->narrow;

  gtk_widget_set_visible (self->pane_switcher, narrow);
  gtk_widget_set_visible (GTK_WIDGET (self->preview_toggle), !narrow);
  gtk_widget_set_visible (GTK_WIDGET (self->status_label), !narrow);
  gtk_widget_set_visible (self->form_pane, !narrow || gtk_toggle_button_get_active (self->form_pane_button));
  gtk_widget_set_visible (self->source_paned, !narrow || !gtk_toggle_button_get_active (self->form_pane_button));
  gtk_widget_set_visible (self->source_pane, !narrow || gtk_toggle_button_get_active (self->source_pane_button));
  gtk_widget_set_visible (GTK_WIDGET (self->preview_box),
                          narrow ? gtk_toggle_button_get_active (self->preview_pane_button)
                                 : gtk_toggle_button_get_active (self->preview_toggle));
}

static gboolean
update_narrow_cb (gpointer data)
{
  VitrineCardEditor *self = data;
  int width = gtk_widget_get_width (GTK_WIDGET (self));

  self->layout_id = 0;
  if (width > 0 && (width < NARROW_WIDTH) != self->narrow)
    {
      self->narrow = width < NARROW_WIDTH;
      apply_layout (self);
    }
  return G_SOURCE_REMOVE;
}

/* A bin, which also watches its width. */
static void
vitrine_card_editor_measure (GtkWidget      *widget,
                             GtkOrientation  orientation,
                             int             for_size,
                             int            *minimum,
                             int            *natural,
                             int            *minimum_baseline,
                             int            *natural_baseline)
{
  GtkWidget *child = gtk_widget_get_first_child (widget);

  if (child != NULL)
    gtk_widget_measure (child, orientation, for_size, minimum, natural, minimum_baseline, natural_baseline);
}

static void
vitrine_card_editor_size_allocate (GtkWidget *widget,
                                   int        width,
                                   int        height,
                                   int        baseline)
{
  VitrineCardEditor *self = VITRINE_CARD_EDITOR (widget);

  GtkWidget *child = gtk_widget_get_first_child (widget);

  if (child != NULL)
    gtk_widget_allocate (child, width, height, baseline, NULL);

  /* Visibility changes wait until the allocation is over. */
  if ((width < NARROW_WIDTH) != self->narrow && self->layout_id == 0)
    self->layout_id = g_idle_add (update_narrow_cb, self);
}

static void
on_layout_toggled_cb (VitrineCardEditor *self)
{
  apply_layout (self);
}

static void
go_to (VitrineCardEditor *self,
       guint              line,
       guint              column)
{
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (self->buffer);
  GtkTextIter iter;

  if (line == 0)
    return;
  if (self->narrow)
    gtk_toggle_button_set_active (self->source_pane_button, TRUE);
  gtk_text_buffer_get_iter_at_line (buffer, &iter, line - 1);
  if (column > 1)
    {
      GtkTextIter end = iter;

      if (!gtk_text_iter_ends_line (&end))
        gtk_text_iter_forward_to_line_end (&end);
      gtk_text_iter_set_line_offset (&iter, MIN ((int) column - 1, gtk_text_iter_get_line_offset (&end)));
    }
  gtk_text_buffer_place_cursor (buffer, &iter);
  gtk_text_view_scroll_to_iter (GTK_TEXT_VIEW (self->source_view), &iter, 0.1, FALSE, 0, 0);
  gtk_widget_grab_focus (GTK_WIDGET (self->source_view));
}

static void
on_problem_activated_cb (VitrineCardEditor *self,
                         GtkListBoxRow     *row)
{
  VitrineCardProblem *problem = g_object_get_data (G_OBJECT (row), "problem");

  if (problem != NULL)
    go_to (self, problem->line, problem->column);
}

/**
 * vitrine_card_editor_get_problems:
 *
 * Returns: (transfer none) (element-type VitrineCardProblem): what the Hub
 *   would refuse in the card as it is now
 */
GPtrArray *
vitrine_card_editor_get_problems (VitrineCardEditor *self)
{
  g_return_val_if_fail (VITRINE_IS_CARD_EDITOR (self), NULL);
  return self->problems;
}

/* ---- Preview ---------------------------------------------------------- */

static void
on_preview_script_done_cb (GObject      *source,
                           GAsyncResult *result,
                           gpointer      user_data)
{
  g_autoptr(VitrineCardEditor) self = user_data;
  g_autoptr(JSCValue) value = NULL;
  g_autoptr(GError) error = NULL;

  value = webkit_web_view_evaluate_javascript_finish (WEBKIT_WEB_VIEW (source), result, &error);
  if (value == NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_warning ("Could not update the preview: %s", error->message);
  if (self->preview != NULL)
    g_signal_emit (self, signals[PREVIEW_UPDATED], 0);
}

static void
push_preview (VitrineCardEditor *self)
{
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *literal = NULL;
  g_autofree char *script = NULL;

  if (!self->preview_ready || self->preview_content == NULL)
    return;

  /* The HTML goes in as a JSON string: nothing in it can end the script. */
  node = json_node_init_string (json_node_alloc (), self->preview_content);
  literal = json_to_string (node, FALSE);
  script = g_strdup_printf ("document.getElementById('content').innerHTML = %s; true", literal);
  g_clear_pointer (&self->preview_content, g_free);
  webkit_web_view_evaluate_javascript (self->preview, script, -1, NULL, NULL, self->cancellable,
                                       on_preview_script_done_cb, g_object_ref (self));
}

static void
load_preview_page (VitrineCardEditor *self)
{
  g_autofree char *page = vitrine_markdown_page ("", adw_style_manager_get_dark (adw_style_manager_get_default ()));

  self->preview_ready = FALSE;
  webkit_web_view_load_html (self->preview, page, VITRINE_FOLDER_BASE);
}

static void
on_preview_load_changed_cb (VitrineCardEditor *self,
                            WebKitLoadEvent    event,
                            WebKitWebView     *view)
{
  if (event != WEBKIT_LOAD_FINISHED)
    return;
  self->preview_ready = TRUE;
  push_preview (self);
}

static void
set_scheme (VitrineCardEditor *self)
{
  GtkSourceStyleSchemeManager *schemes = gtk_source_style_scheme_manager_get_default ();
  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());

  gtk_source_buffer_set_style_scheme (self->buffer,
                                      gtk_source_style_scheme_manager_get_scheme (schemes, dark ? "Adwaita-dark" : "Adwaita"));
}

static void
on_dark_changed_cb (VitrineCardEditor *self)
{
  set_scheme (self);
  load_preview_page (self);
  schedule_refresh (self);
}

/* The preview's content: the metadata the Hub shows, then the body. */
static char *
render_preview (const char *body,
                JsonNode   *metadata)
{
  g_autofree char *meta_html = vitrine_markdown_metadata_html (metadata);
  g_autofree char *body_html = vitrine_markdown_to_html (body, -1);

  return g_strconcat (meta_html, body_html, NULL);
}

/* ---- The Hub's own check ---------------------------------------------- */

typedef struct
{
  char  *text;
  guint  generation;
} RemoteCheck;

static void
remote_check_free (RemoteCheck *check)
{
  g_free (check->text);
  g_free (check);
}

static void
remote_check_thread (GTask        *task,
                     gpointer      source,
                     gpointer      task_data,
                     GCancellable *cancellable)
{
  VitrineClient *client = VITRINE_CLIENT (source);
  RemoteCheck *check = task_data;
  GError *error = NULL;
  GPtrArray *problems = vitrine_client_validate_yaml (client, check->text, VITRINE_REPO_TYPE_MODEL,
                                                      cancellable, &error);

  if (problems == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, problems, (GDestroyNotify) g_ptr_array_unref);
}

static void
on_remote_checked_cb (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(VitrineCardEditor) self = user_data;
  RemoteCheck *check = g_task_get_task_data (G_TASK (result));
  g_autoptr(GPtrArray) messages = g_task_propagate_pointer (G_TASK (result), NULL);

  /* Offline, or the text changed since: nothing to say. */
  if (messages == NULL || check->generation != self->generation || self->problems == NULL)
    return;
  for (guint i = 0; i < messages->len; i++)
    {
      VitrineCardProblem *problem = g_new0 (VitrineCardProblem, 1);

      /* Translators: %s is what the Hub's own check said about the card. */
      problem->message = g_strdup_printf (_("The Hub says: %s"), (const char *) g_ptr_array_index (messages, i));
      g_ptr_array_add (self->problems, problem);
    }
  if (messages->len > 0)
    {
      update_problems (self);
      g_signal_emit (self, signals[PROBLEMS_CHANGED], 0);
    }
}

static gboolean
remote_check_cb (gpointer data)
{
  VitrineCardEditor *self = data;
  VitrineClient *client = ensure_client (self);
  g_autoptr(GTask) task = NULL;
  RemoteCheck *check;

  self->remote_check_id = 0;
  if (client == NULL)
    return G_SOURCE_REMOVE;

  g_cancellable_cancel (self->remote_check);
  g_clear_object (&self->remote_check);
  self->remote_check = g_cancellable_new ();
  check = g_new0 (RemoteCheck, 1);
  check->text = vitrine_card_editor_get_text (self);
  check->generation = self->generation;
  task = g_task_new (client, self->remote_check, on_remote_checked_cb, g_object_ref (self));
  g_task_set_task_data (task, check, (GDestroyNotify) remote_check_free);
  g_task_run_in_thread (task, remote_check_thread);
  return G_SOURCE_REMOVE;
}

/* ---- Refresh ---------------------------------------------------------- */

/* What a version of the text says: its problems, metadata and preview.
 * Made without touching any widget, so large cards are read on a worker
 * thread while typing goes on. */
typedef struct
{
  char      *text;
  guint      generation;
  gboolean   skip_form;
  GPtrArray *problems;
  JsonNode  *metadata;
  gboolean   editable;
  char      *html;
  gint64     started;
} Analysis;

static void
analysis_free (Analysis *a)
{
  g_free (a->text);
  g_clear_pointer (&a->problems, g_ptr_array_unref);
  g_clear_pointer (&a->metadata, json_node_unref);
  g_free (a->html);
  g_free (a);
}

static void
analyse (Analysis *a)
{
  gsize len = strlen (a->text);
  gsize yaml_start, yaml_len, body_start = 0;
  gboolean has_front_matter;

  a->problems = vitrine_card_find_problems (a->text, len, VITRINE_REPO_TYPE_MODEL, &a->metadata);
  has_front_matter = vitrine_front_matter_split (a->text, len, &yaml_start, &yaml_len, &body_start);

  if (!has_front_matter)
    body_start = 0;

  /* The form writes through the YAML: not while it cannot be read. */
  a->editable = !has_front_matter || a->metadata != NULL;
  a->html = render_preview (a->text + body_start, a->metadata);
}

static void
apply_analysis (VitrineCardEditor *self,
                Analysis          *a)
{
  gint64 applying = g_get_monotonic_time ();

  g_clear_pointer (&self->problems, g_ptr_array_unref);
  self->problems = g_steal_pointer (&a->problems);
  if (!a->skip_form || !a->editable)
    update_form (self, a->metadata, a->editable);
  update_problems (self);
  g_free (self->preview_content);
  self->preview_content = g_steal_pointer (&a->html);
  push_preview (self);
  g_signal_emit (self, signals[PROBLEMS_CHANGED], 0);
  g_debug ("Card of %zu bytes checked and rendered in %.1f ms, %.1f ms of it on the main thread",
           strlen (a->text), (g_get_monotonic_time () - a->started) / 1000.0,
           (g_get_monotonic_time () - applying) / 1000.0);

  /* The Hub may know rules this version does not: ask it too, when the
   * card passes ours. */
  g_clear_handle_id (&self->remote_check_id, g_source_remove);
  if (self->problems->len == 0)
    self->remote_check_id = g_timeout_add (REMOTE_CHECK_DELAY_MS, remote_check_cb, self);
}

static void
analyse_thread (GTask        *task,
                gpointer      source,
                gpointer      task_data,
                GCancellable *cancellable)
{
  analyse (task_data);
  g_task_return_boolean (task, TRUE);
}

static void
on_analysed_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  VitrineCardEditor *self = VITRINE_CARD_EDITOR (source);
  Analysis *a = g_task_get_task_data (G_TASK (result));

  /* Disposed meanwhile, or the text changed since: a newer one is due. */
  if (!g_task_propagate_boolean (G_TASK (result), NULL) || a->generation != self->generation)
    return;
  apply_analysis (self, a);
}

static void
refresh (VitrineCardEditor *self,
         gboolean           may_wait)
{
  Analysis *a = g_new0 (Analysis, 1);

  self->refresh_id = 0;
  a->text = vitrine_card_editor_get_text (self);
  a->generation = self->generation;
  a->skip_form = self->skip_form;
  a->started = g_get_monotonic_time ();
  self->skip_form = FALSE;

  /* A usual card takes a few milliseconds: right here.  A large one goes
   * to a worker so typing never waits for it. */
  if (!may_wait || strlen (a->text) < ANALYSE_IN_PLACE_MAX)
    {
      analyse (a);
      apply_analysis (self, a);
      analysis_free (a);
    }
  else
    {
      g_autoptr(GTask) task = g_task_new (self, self->cancellable, on_analysed_cb, NULL);

      g_task_set_task_data (task, a, (GDestroyNotify) analysis_free);
      g_task_run_in_thread (task, analyse_thread);
    }
}

static gboolean
refresh_cb (gpointer data)
{
  refresh (data, TRUE);
  return G_SOURCE_REMOVE;
}

static void
schedule_refresh (VitrineCardEditor *self)
{
  g_clear_handle_id (&self->refresh_id, g_source_remove);
  self->refresh_id = g_timeout_add (REFRESH_DELAY_MS, refresh_cb, self);
}

static void
on_buffer_changed_cb (VitrineCardEditor *self,
                      GtkTextBuffer     *buffer)
{
  self->generation++;
  g_cancellable_cancel (self->remote_check);
  schedule_refresh (self);
  if (self->folder == NULL)
    return;
  g_clear_handle_id (&self->draft_id, g_source_remove);
  self->draft_id = g_timeout_add (DRAFT_DELAY_MS, save_draft_cb, self);
  set_status (self, _("Edited"));
}

/* ---- Loading and saving ----------------------------------------------- */

/**
 * vitrine_card_editor_load_folder:
 *
 * Opens the folder's README.md, or a new card made from what the folder
 * holds.  A draft left from an earlier session (or a crash) is restored,
 * with a banner that offers to discard it.
 */
gboolean
vitrine_card_editor_load_folder (VitrineCardEditor  *self,
                                 GFile              *folder,
                                 GError            **error)
{
  g_autofree char *path = NULL;
  g_autofree char *readme = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *initial = NULL;
  g_autoptr(GError) read_error = NULL;
  Draft draft = { 0 };
  gsize len = 0;

  g_return_val_if_fail (VITRINE_IS_CARD_EDITOR (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (folder), FALSE);

  path = g_file_get_path (folder);
  if (path == NULL || !g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_DIRECTORY,
                   _("“%s” is not a folder on this computer."), g_file_peek_path (folder) ? g_file_peek_path (folder) : "?");
      return FALSE;
    }

  readme = g_build_filename (path, "README.md", NULL);
  if (g_file_get_contents (readme, &contents, &len, &read_error))
    {
      if (len > VITRINE_CARD_MAX_SIZE)
        {
          g_set_error (error, VITRINE_ERROR, VITRINE_ERROR_TOO_LARGE,
                       _("README.md is larger than 4 MB: Vitrine will not open it as a model card."));
          return FALSE;
        }
      if (!g_utf8_validate_len (contents, len, NULL) || memchr (contents, '\0', len) != NULL)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       _("README.md is not UTF-8 text. Save it as UTF-8, then open the folder again."));
          return FALSE;
        }
      initial = g_strdup (contents);
    }
  else if (g_error_matches (read_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
    {
      g_clear_pointer (&contents, g_free);
      initial = vitrine_card_template (path, NULL, NULL, error);
      if (initial == NULL)
        return FALSE;
    }
  else
    {
      g_propagate_error (error, g_steal_pointer (&read_error));
      return FALSE;
    }

  vitrine_card_editor_flush (self);
  g_set_object (&self->folder, folder);
  g_free (self->readme_path);
  self->readme_path = g_steal_pointer (&readme);
  g_free (self->draft_path);
  self->draft_path = vitrine_card_editor_get_draft_path (folder);
  vitrine_web_set_folder (self->preview, path);
  g_free (self->saved_text);
  self->saved_text = g_steal_pointer (&contents);
  g_free (self->base_text);
  self->base_text = g_strdup (self->saved_text);
  g_clear_pointer (&self->before_merge_text, g_free);
  g_clear_pointer (&self->before_merge_base, g_free);

  if (read_draft (self, path, &draft) && strcmp (draft.text, initial) != 0)
    {
      g_autoptr(GDateTime) when = draft.saved != NULL ? g_date_time_new_from_iso8601 (draft.saved, NULL) : NULL;
      g_autoptr(GDateTime) local = when != NULL ? g_date_time_to_local (when) : NULL;
      g_autofree char *time = local != NULL ? g_date_time_format (local, "%x %X") : NULL;
      g_autofree char *message = NULL;

      if (time != NULL)
        /* Translators: %s is a date and time. */
        message = g_strdup_printf (_("Vitrine restored changes you had not saved (last kept %s)."), time);
      else
        message = g_strdup (_("Vitrine restored changes you had not saved."));
      gtk_label_set_label (self->draft_label, message);
      gtk_revealer_set_reveal_child (self->draft_revealer, TRUE);
      g_free (self->base_text);
      self->base_text = g_steal_pointer (&draft.base);
      set_text_irreversibly (self, draft.text);
      gtk_text_buffer_set_modified (GTK_TEXT_BUFFER (self->buffer), TRUE);
      set_status (self, _("Restored from a draft. Save to write README.md."));
    }
  else
    {
      gtk_revealer_set_reveal_child (self->draft_revealer, FALSE);
      set_text_irreversibly (self, initial);
      if (self->saved_text != NULL)
        {
          g_autofree char *name = g_file_get_basename (folder);
          g_autofree char *where = g_build_filename (name, "README.md", NULL);

          set_status (self, where);
        }
      else
        set_status (self, _("A new card, made from what the folder holds. Save to write README.md."));
    }
  draft_clear (&draft);

  /* Setting the text scheduled a draft: there is nothing new to keep. */
  g_clear_handle_id (&self->draft_id, g_source_remove);
  g_clear_handle_id (&self->refresh_id, g_source_remove);
  refresh_cb (self);
  return TRUE;
}

GFile *
vitrine_card_editor_get_folder (VitrineCardEditor *self)
{
  g_return_val_if_fail (VITRINE_IS_CARD_EDITOR (self), NULL);
  return self->folder;
}

/**
 * vitrine_card_editor_get_base_text:
 *
 * The card the edits started from: README.md as it was when the folder was
 * opened, or the Hub's card once it was compared and settled.
 *
 * Returns: (nullable): the text, %NULL when there was no card
 */
const char *
vitrine_card_editor_get_base_text (VitrineCardEditor *self)
{
  g_return_val_if_fail (VITRINE_IS_CARD_EDITOR (self), NULL);
  return current_base (self);
}

/**
 * vitrine_card_editor_save:
 *
 * Writes the card to README.md in the folder (replacing it whole, never
 * half-written) and drops the draft.
 */
gboolean
vitrine_card_editor_save (VitrineCardEditor  *self,
                          GError            **error)
{
  g_autofree char *text = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (VITRINE_IS_CARD_EDITOR (self), FALSE);

  if (self->readme_path == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_INITIALIZED, _("No folder is open."));
      return FALSE;
    }

  text = vitrine_card_editor_get_text (self);
  if (!g_file_set_contents_full (self->readme_path, text, -1, G_FILE_SET_CONTENTS_CONSISTENT, 0644, &local_error))
    {
      g_set_error (error, local_error->domain, local_error->code,
                   _("Could not save README.md: %s"), local_error->message);
      return FALSE;
    }
  g_free (self->saved_text);
  self->saved_text = g_steal_pointer (&text);
  g_clear_handle_id (&self->draft_id, g_source_remove);
  delete_draft (self);
  gtk_text_buffer_set_modified (GTK_TEXT_BUFFER (self->buffer), FALSE);
  gtk_revealer_set_reveal_child (self->draft_revealer, FALSE);
  if (self->problems != NULL && self->problems->len > 0)
    set_status (self, _("Saved to README.md. The Hub will not accept it until its problems are fixed."));
  else
    set_status (self, _("Saved to README.md."));
  return TRUE;
}

/* ---- Comparing with the Hub ------------------------------------------- */

/* The hub to talk to: the one the window gives, its application's current
 * account (HF_ENDPOINT's hub, else this computer's); NULL until there is
 * one.  The editor never looks for tokens itself. */
static VitrineClient *
ensure_client (VitrineCardEditor *self)
{
  return self->client;
}

void
vitrine_card_editor_set_client (VitrineCardEditor *self,
                                VitrineClient     *client)
{
  g_return_if_fail (VITRINE_IS_CARD_EDITOR (self));
  g_set_object (&self->client, client);
}

void
vitrine_card_editor_set_repo_id (VitrineCardEditor *self,
                                 const char        *repo_id)
{
  g_return_if_fail (VITRINE_IS_CARD_EDITOR (self));
  g_free (self->repo_id);
  self->repo_id = g_strdup (repo_id);
}

static void
on_remote_card_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  VitrineCardEditor *self = g_task_get_source_object (task);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *mine = NULL;
  g_autofree char *theirs = NULL;
  const char *data;
  gsize len;

  bytes = vitrine_client_read_file_finish (VITRINE_CLIENT (source), result, &error);
  if (bytes == NULL)
    {
      /* No card there yet: publishing will not replace anything. */
      if (g_error_matches (error, VITRINE_ERROR, VITRINE_ERROR_ENTRY_NOT_FOUND))
        g_task_return_pointer (task, NULL, NULL);
      else
        g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  data = g_bytes_get_data (bytes, &len);
  if (!g_utf8_validate_len (data, len, NULL) || (len > 0 && memchr (data, '\0', len) != NULL))
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                               _("The card on the Hub is not UTF-8 text."));
      return;
    }
  mine = vitrine_card_editor_get_text (self);
  theirs = g_strndup (data, len);
  g_task_set_task_data (task, vitrine_diff_unified (theirs, mine, _("On the Hub"), _("Yours"), 3), g_free);
  g_task_return_pointer (task, g_steal_pointer (&theirs), g_free);
}

/**
 * vitrine_card_editor_compare_async:
 *
 * Fetches the card on the Hub (the client's endpoint, the repository set
 * with vitrine_card_editor_set_repo_id()) to compare it with this one.
 */
void
vitrine_card_editor_compare_async (VitrineCardEditor   *self,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, vitrine_card_editor_compare_async);
  if (ensure_client (self) == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_CONNECTED,
                               _("There is no hub to compare with: start Vitrine’s local hub or set HF_ENDPOINT."));
      return;
    }
  if (self->repo_id == NULL)
    {
      g_task_return_new_error (task, VITRINE_ERROR, VITRINE_ERROR_INVALID_REPO_ID,
                               _("Say which repository to compare with."));
      return;
    }
  vitrine_client_read_file_async (self->client, VITRINE_REPO_TYPE_MODEL, self->repo_id, NULL, "README.md",
                                  VITRINE_CARD_MAX_SIZE, cancellable, on_remote_card_cb,
                                  g_steal_pointer (&task));
}

/**
 * vitrine_card_editor_compare_finish:
 * @diff: (out) (optional): a unified diff from the Hub's card to this one,
 *   empty when they are the same
 *
 * Returns: (transfer full) (nullable): the card on the Hub; %NULL with
 *   @error unset when the repository has no card
 */
char *
vitrine_card_editor_compare_finish (VitrineCardEditor  *self,
                                    GAsyncResult       *result,
                                    char              **diff,
                                    GError            **error)
{
  char *theirs;

  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  theirs = g_task_propagate_pointer (G_TASK (result), error);
  if (diff != NULL)
    *diff = theirs != NULL ? g_strdup (g_task_get_task_data (G_TASK (result))) : NULL;
  return theirs;
}

/**
 * vitrine_card_editor_merge:
 * @theirs: the card on the Hub now
 * @conflicts: (out) (optional) (element-type utf8): what both sides changed
 *   differently, where this card's version was kept
 *
 * Takes into this card what changed on the Hub since the edits started,
 * key by key and for the body, as one step that Undo takes back.
 */
gboolean
vitrine_card_editor_merge (VitrineCardEditor  *self,
                           const char         *theirs,
                           GPtrArray         **conflicts,
                           GError            **error)
{
  g_autofree char *mine = vitrine_card_editor_get_text (self);
  g_autofree char *merged = vitrine_card_merge (current_base (self), mine, theirs, conflicts, error);

  if (merged == NULL)
    return FALSE;
  replace_text (self, merged);
  set_base_from_hub (self, mine, theirs);
  vitrine_card_editor_flush (self);
  return TRUE;
}

/**
 * vitrine_card_editor_take_theirs:
 *
 * Replaces this card with the Hub's, as one step that Undo takes back.
 */
void
vitrine_card_editor_take_theirs (VitrineCardEditor *self,
                                 const char        *theirs)
{
  g_autofree char *mine = vitrine_card_editor_get_text (self);

  replace_text (self, theirs);
  set_base_from_hub (self, mine, theirs);
  vitrine_card_editor_flush (self);
}

/**
 * vitrine_card_editor_keep_mine:
 *
 * Records that the Hub's card was seen and this one is meant to replace it.
 */
void
vitrine_card_editor_keep_mine (VitrineCardEditor *self,
                               const char        *theirs)
{
  g_free (self->base_text);
  self->base_text = g_strdup (theirs);
  g_clear_pointer (&self->before_merge_text, g_free);
  g_clear_pointer (&self->before_merge_base, g_free);
  if (self->draft_path != NULL)
    {
      g_clear_handle_id (&self->draft_id, g_source_remove);
      save_draft_cb (self);
    }
}

static void
toast (VitrineCardEditor *self,
       const char        *title)
{
  AdwToast *t = adw_toast_new (title);

  adw_toast_set_timeout (t, 6);
  adw_toast_overlay_add_toast (self->toast_overlay, t);
}

static void
on_diff_response_cb (VitrineCardDiffDialog *dialog,
                     const char            *response,
                     VitrineCardEditor     *self)
{
  const char *theirs = g_object_get_data (G_OBJECT (dialog), "theirs");

  if (g_str_equal (response, "merge"))
    {
      g_autoptr(GPtrArray) conflicts = NULL;
      g_autoptr(GError) error = NULL;

      if (!vitrine_card_editor_merge (self, theirs, &conflicts, &error))
        toast (self, error->message);
      else if (conflicts->len == 0)
        toast (self, _("Took the Hub’s changes into your card. Undo takes them back."));
      else
        {
          g_autofree char *names = NULL;
          g_autofree char *message = NULL;

          g_ptr_array_add (conflicts, NULL);
          names = g_strjoinv (", ", (char **) conflicts->pdata);
          /* Translators: %s is a list of metadata keys, such as “license, tags”. */
          message = g_strdup_printf (_("Took the Hub’s changes; yours were kept where both changed: %s."), names);
          toast (self, message);
        }
    }
  else if (g_str_equal (response, "theirs"))
    {
      vitrine_card_editor_take_theirs (self, theirs);
      toast (self, _("Your card is now the Hub’s. Undo brings yours back."));
    }
  else
    vitrine_card_editor_keep_mine (self, theirs);
}

static void
show_diff_dialog (VitrineCardEditor *self,
                  const char        *theirs,
                  const char        *diff)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  VitrineCardDiffDialog *dialog = vitrine_card_diff_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                                self->repo_id, diff);

  g_object_set_data_full (G_OBJECT (dialog), "theirs", g_strdup (theirs), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_diff_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_compare_done_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  VitrineCardEditor *self = VITRINE_CARD_EDITOR (source);
  g_autoptr(GError) error = NULL;
  g_autofree char *diff = NULL;
  g_autofree char *theirs = vitrine_card_editor_compare_finish (self, result, &diff, &error);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "card.compare", TRUE);
  set_status (self, "");
  if (error != NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        toast (self, error->message);
      return;
    }
  if (theirs == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("%s has no model card on the Hub yet: publishing adds yours."), self->repo_id);
      toast (self, message);
      return;
    }
  if (*diff == '\0')
    {
      toast (self, _("The card on the Hub is the same as yours."));
      vitrine_card_editor_keep_mine (self, theirs);
      return;
    }
  show_diff_dialog (self, theirs, diff);
}

static void
start_compare (VitrineCardEditor *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "card.compare", FALSE);
  set_status (self, _("Fetching the card on the Hub…"));
  vitrine_card_editor_compare_async (self, self->cancellable, on_compare_done_cb, NULL);
}

static void
on_repo_dialog_response_cb (AdwMessageDialog  *dialog,
                            const char        *response,
                            VitrineCardEditor *self)
{
  GtkEditable *entry = GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog));
  g_autoptr(GError) error = NULL;
  g_autofree char *repo_id = NULL;
  g_autofree char *owner = NULL;
  g_autofree char *name = NULL;

  if (g_strcmp0 (response, "compare") != 0)
    return;
  repo_id = g_strstrip (g_strdup (gtk_editable_get_text (entry)));
  if (!vitrine_repo_id_parse (repo_id, &owner, &name, &error))
    {
      toast (self, error->message);
      return;
    }
  vitrine_card_editor_set_repo_id (self, repo_id);
  start_compare (self);
}

static void
compare_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  VitrineCardEditor *self = VITRINE_CARD_EDITOR (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *dialog;
  GtkWidget *entry;

  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   _("Compare With the Hub"),
                                   _("Which repository will this card go to? Vitrine fetches its card and shows what differs, so nothing edited on the Hub is lost when you publish."));
  entry = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("owner/name, such as alice/bert-imdb"));
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Repository"), -1);
  if (self->repo_id != NULL)
    gtk_editable_set_text (GTK_EDITABLE (entry), self->repo_id);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "compare", _("C_ompare"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "compare", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "compare");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_repo_dialog_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ---- Actions ---------------------------------------------------------- */

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  VitrineCardEditor *self = VITRINE_CARD_EDITOR (widget);
  g_autoptr(GError) error = NULL;

  if (!vitrine_card_editor_save (self, &error))
    toast (self, error->message);
}

static void
find_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  VitrineCardEditor *self = VITRINE_CARD_EDITOR (widget);

  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
find_move (VitrineCardEditor *self,
           gboolean           forward)
{
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (self->buffer);
  GtkTextIter start, end, match_start, match_end;
  gboolean found;

  gtk_text_buffer_get_selection_bounds (buffer, &start, &end);
  if (forward)
    found = gtk_source_search_context_forward (self->search, &end, &match_start, &match_end, NULL);
  else
    found = gtk_source_search_context_backward (self->search, &start, &match_start, &match_end, NULL);
  if (!found)
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      return;
    }
  gtk_text_buffer_select_range (buffer, &match_start, &match_end);
  gtk_text_view_scroll_to_iter (GTK_TEXT_VIEW (self->source_view), &match_start, 0.1, FALSE, 0, 0);
}

static void
find_next_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  find_move (VITRINE_CARD_EDITOR (widget), !g_str_equal (action_name, "card.find-previous"));
}

static void
on_search_changed_cb (VitrineCardEditor *self,
                      GtkSearchEntry    *entry)
{
  GtkSourceSearchSettings *settings = gtk_source_search_context_get_settings (self->search);
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));

  gtk_source_search_settings_set_search_text (settings, *text != '\0' ? text : NULL);
}

static void
on_search_activate_cb (VitrineCardEditor *self,
                       GtkSearchEntry    *entry)
{
  find_move (self, TRUE);
}

static void
on_search_stop_cb (VitrineCardEditor *self,
                   GtkSearchEntry    *entry)
{
  gtk_search_bar_set_search_mode (self->search_bar, FALSE);
  gtk_widget_grab_focus (GTK_WIDGET (self->source_view));
}

static void
discard_draft_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  VitrineCardEditor *self = VITRINE_CARD_EDITOR (widget);
  g_autofree char *path = self->folder != NULL ? g_file_get_path (self->folder) : NULL;
  g_autofree char *original = NULL;
  g_autoptr(GError) error = NULL;

  if (path == NULL)
    return;
  original = self->saved_text != NULL ? g_strdup (self->saved_text) : vitrine_card_template (path, NULL, NULL, &error);
  if (original == NULL)
    {
      toast (self, error->message);
      return;
    }
  /* One step of undo, so the draft can still come back. */
  replace_text (self, original);
  g_free (self->base_text);
  self->base_text = g_strdup (self->saved_text);
  g_clear_pointer (&self->before_merge_text, g_free);
  g_clear_pointer (&self->before_merge_base, g_free);
  g_clear_handle_id (&self->draft_id, g_source_remove);
  delete_draft (self);
  gtk_revealer_set_reveal_child (self->draft_revealer, FALSE);
  set_status (self, _("Restored changes discarded. Undo brings them back."));
}

static void
keep_draft_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  gtk_revealer_set_reveal_child (VITRINE_CARD_EDITOR (widget)->draft_revealer, FALSE);
}

/* ---- Object ----------------------------------------------------------- */

/* YAML front matter, then Markdown: our own language, shipped in the
 * resources, built on GtkSourceView's yaml and markdown. */
static GtkSourceLanguage *
card_language (GtkSourceLanguageManager *languages)
{
  static gsize added = 0;
  GtkSourceLanguage *language;

  if (g_once_init_enter (&added))
    {
      gtk_source_language_manager_append_search_path (languages, "resource://" RESOURCE_BASE_PATH "/language-specs");
      g_once_init_leave (&added, 1);
    }
  language = gtk_source_language_manager_get_language (languages, "vitrine-card");
  return language != NULL ? language : gtk_source_language_manager_get_language (languages, "markdown");
}

GtkWidget *
vitrine_card_editor_new (void)
{
  return g_object_new (VITRINE_TYPE_CARD_EDITOR, NULL);
}

WebKitWebView *
vitrine_card_editor_get_preview (VitrineCardEditor *self)
{
  g_return_val_if_fail (VITRINE_IS_CARD_EDITOR (self), NULL);
  return self->preview;
}

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
vitrine_card_editor_dispose (GObject *object)
{
  VitrineCardEditor *self = VITRINE_CARD_EDITOR (object);

  /* Nothing typed is lost: a pending draft is written now. */
  if (self->draft_id != 0)
    {
      g_clear_handle_id (&self->draft_id, g_source_remove);
      save_draft_cb (self);
    }
  g_clear_handle_id (&self->refresh_id, g_source_remove);
  g_clear_handle_id (&self->layout_id, g_source_remove);
  g_clear_handle_id (&self->remote_check_id, g_source_remove);
  g_cancellable_cancel (self->remote_check);
  g_cancellable_cancel (self->cancellable);
  if (self->preview != NULL)
    g_signal_handlers_disconnect_by_data (self->preview, self);
  g_signal_handlers_disconnect_by_data (adw_style_manager_get_default (), self);
  self->preview = NULL;

  gtk_widget_dispose_template (GTK_WIDGET (self), VITRINE_TYPE_CARD_EDITOR);
  g_clear_object (&self->search);
  g_clear_object (&self->buffer);
  g_clear_object (&self->licenses);
  g_clear_object (&self->pipelines);
  g_clear_object (&self->client);
  g_clear_object (&self->folder);

  G_OBJECT_CLASS (vitrine_card_editor_parent_class)->dispose (object);
}

static void
vitrine_card_editor_finalize (GObject *object)
{
  VitrineCardEditor *self = VITRINE_CARD_EDITOR (object);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->remote_check);
  g_clear_pointer (&self->problems, g_ptr_array_unref);
  g_clear_pointer (&self->readme_path, g_free);
  g_clear_pointer (&self->draft_path, g_free);
  g_clear_pointer (&self->saved_text, g_free);
  g_clear_pointer (&self->base_text, g_free);
  g_clear_pointer (&self->before_merge_text, g_free);
  g_clear_pointer (&self->before_merge_base, g_free);
  g_clear_pointer (&self->repo_id, g_free);
  g_clear_pointer (&self->preview_content, g_free);

  G_OBJECT_CLASS (vitrine_card_editor_parent_class)->finalize (object);
}

static void
vitrine_card_editor_class_init (VitrineCardEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vitrine_card_editor_dispose;
  object_class->finalize = vitrine_card_editor_finalize;
  widget_class->measure = vitrine_card_editor_measure;
  widget_class->size_allocate = vitrine_card_editor_size_allocate;

  /**
   * VitrineCardEditor::preview-updated:
   *
   * The preview shows the card as it is now.
   */
  signals[PREVIEW_UPDATED] =
    g_signal_new ("preview-updated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /**
   * VitrineCardEditor::problems-changed:
   *
   * The card was checked again; see vitrine_card_editor_get_problems().
   */
  signals[PROBLEMS_CHANGED] =
    g_signal_new ("problems-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  g_type_ensure (GTK_SOURCE_TYPE_VIEW);
  /* cmark registers its extensions once, here rather than on a worker. */
  g_free (vitrine_markdown_to_html ("", 0));
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/ui/vitrine-card-editor.ui");
  gtk_widget_class_set_css_name (widget_class, "cardeditor");
  gtk_widget_class_bind_template_child (widget_class, VitrineCardEditor, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, VitrineCardEditor, draft_revealer);
  gtk_widget_class_bind_template_child (widget_class, VitrineCardEditor, draft_label);
  gtk_widget_class_bind_template_child (widget_class, VitrineCardEditor, form_group);
  gtk_widget_class_bind_template_child (widget_class, VitrineCardEditor, license_row);
  gtk_widget_class_bind_template_child (widget_class, VitrineCardEditor, license_dropdown);
  gtk_widget_class_bind_template_child (widget_class, VitrineCardEditor, license_name_row);
  gtk_widget_class_bind_template_child (widget_class, VitrineCardEditor, license_link_row);
  gtk_widget_class_bind_template_child (widget_class, VitrineCardEditor, language_row);
  gtk_widget_class_bind_template_child (widget_class, VitrineCardEditor, pipeline_row);
  gtk_widget_class_bind_template_child (widget_class, VitrineCardEditor, pipeline_dropdown);
  gtk_widget_class_bind_template_child (widget_class, VitrineCardEditor, library_row);
  gtk_widget_class_bind_template_child (widget_class, VitrineCardEditor, base_model_row);
  gtk_widget_class_bind_template_child (widget_class, VitrineCardEditor, datasets_row);
  gtk_widget_class_bind_template_child (widget_class, VitrineCardEditor, tags_row);
  gtk_widget_class_bind_template_child (widget_class, VitrineCardEditor, problems_list);
  gtk_widget_class_bind_template_child (widget_class, VitrineCardEditor, search_bar);
  gtk_widget_class_bind_template_child (widget_class, VitrineCardEditor, search_entry);
  gtk_widget_class_bind_template_child (widget_class, VitrineCardEditor, source_view);
  gtk_widget_class_bind_template_child (widget_class, VitrineCardEditor, preview_box);
  gtk_widget_class_bind_template_child (widget_class, VitrineCardEditor, status_label);
  gtk_widget_class_bind_template_child (widget_class, VitrineCardEditor, preview_toggle);
  gtk_widget_class_bind_template_child (widget_class, VitrineCardEditor, form_pane);
  gtk_widget_class_bind_template_child (widget_class, VitrineCardEditor, source_paned);
  gtk_widget_class_bind_template_child (widget_class, VitrineCardEditor, source_pane);
  gtk_widget_class_bind_template_child (widget_class, VitrineCardEditor, pane_switcher);
  gtk_widget_class_bind_template_child (widget_class, VitrineCardEditor, form_pane_button);
  gtk_widget_class_bind_template_child (widget_class, VitrineCardEditor, source_pane_button);
  gtk_widget_class_bind_template_child (widget_class, VitrineCardEditor, preview_pane_button);

  gtk_widget_class_install_action (widget_class, "card.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "card.find", NULL, find_action);
  gtk_widget_class_install_action (widget_class, "card.find-next", NULL, find_next_action);
  gtk_widget_class_install_action (widget_class, "card.find-previous", NULL, find_next_action);
  gtk_widget_class_install_action (widget_class, "card.compare", NULL, compare_action);
  gtk_widget_class_install_action (widget_class, "card.discard-draft", NULL, discard_draft_action);
  gtk_widget_class_install_action (widget_class, "card.keep-draft", NULL, keep_draft_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "card.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "card.find", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_g, GDK_CONTROL_MASK, "card.find-next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_g, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "card.find-previous", NULL);
}

static void
vitrine_card_editor_init (VitrineCardEditor *self)
{
  GtkSourceLanguageManager *languages = gtk_source_language_manager_get_default ();
  AdwStyleManager *style = adw_style_manager_get_default ();
  g_autoptr(GtkSourceMarkAttributes) attributes = gtk_source_mark_attributes_new ();
  GtkExpression *expression;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->problems = g_ptr_array_new_with_free_func ((GDestroyNotify) vitrine_card_problem_free);

  self->buffer = gtk_source_buffer_new_with_language (card_language (languages));
  gtk_source_buffer_set_highlight_matching_brackets (self->buffer, FALSE);
  gtk_text_view_set_buffer (GTK_TEXT_VIEW (self->source_view), GTK_TEXT_BUFFER (self->buffer));
  set_scheme (self);
  self->problem_tag = gtk_text_buffer_create_tag (GTK_TEXT_BUFFER (self->buffer), "problem",
                                                  "underline", PANGO_UNDERLINE_ERROR,
                                                  NULL);
  gtk_source_mark_attributes_set_icon_name (attributes, "dialog-warning-symbolic");
  gtk_source_view_set_mark_attributes (self->source_view, "problem", attributes, 10);
  g_signal_connect_swapped (self->buffer, "changed", G_CALLBACK (on_buffer_changed_cb), self);

  self->search = gtk_source_search_context_new (self->buffer, NULL);
  gtk_source_search_settings_set_wrap_around (gtk_source_search_context_get_settings (self->search), TRUE);
  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));
  gtk_search_bar_set_key_capture_widget (self->search_bar, NULL);
  g_signal_connect_swapped (self->search_entry, "search-changed", G_CALLBACK (on_search_changed_cb), self);
  g_signal_connect_swapped (self->search_entry, "activate", G_CALLBACK (on_search_activate_cb), self);
  g_signal_connect_swapped (self->search_entry, "stop-search", G_CALLBACK (on_search_stop_cb), self);

  self->licenses = choices_model (vitrine_card_licenses ());
  self->pipelines = choices_model (vitrine_card_pipeline_tags ());
  expression = gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string");
  gtk_drop_down_set_expression (self->license_dropdown, expression);
  gtk_drop_down_set_expression (self->pipeline_dropdown, expression);
  gtk_expression_unref (expression);
  gtk_drop_down_set_model (self->license_dropdown, G_LIST_MODEL (self->licenses));
  gtk_drop_down_set_model (self->pipeline_dropdown, G_LIST_MODEL (self->pipelines));
  g_signal_connect_swapped (self->license_dropdown, "notify::selected", G_CALLBACK (on_dropdown_selected_cb), self);
  g_signal_connect_swapped (self->pipeline_dropdown, "notify::selected", G_CALLBACK (on_dropdown_selected_cb), self);

  g_signal_connect_swapped (self->license_name_row, "changed", G_CALLBACK (on_entry_changed_cb), self);
  g_signal_connect_swapped (self->license_link_row, "changed", G_CALLBACK (on_entry_changed_cb), self);
  g_signal_connect_swapped (self->language_row, "changed", G_CALLBACK (on_entry_changed_cb), self);
  g_signal_connect_swapped (self->library_row, "changed", G_CALLBACK (on_entry_changed_cb), self);
  g_signal_connect_swapped (self->base_model_row, "changed", G_CALLBACK (on_entry_changed_cb), self);
  g_signal_connect_swapped (self->datasets_row, "changed", G_CALLBACK (on_entry_changed_cb), self);
  g_signal_connect_swapped (self->tags_row, "changed", G_CALLBACK (on_entry_changed_cb), self);
  g_signal_connect_swapped (self->problems_list, "row-activated", G_CALLBACK (on_problem_activated_cb), self);

  self->preview = vitrine_web_preview_new ();
  gtk_widget_set_vexpand (GTK_WIDGET (self->preview), TRUE);
  gtk_widget_set_hexpand (GTK_WIDGET (self->preview), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->preview), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Preview of the model card"), -1);
  gtk_box_append (self->preview_box, GTK_WIDGET (self->preview));
  g_signal_connect_swapped (self->preview_toggle, "notify::active", G_CALLBACK (on_layout_toggled_cb), self);
  g_signal_connect_swapped (self->form_pane_button, "notify::active", G_CALLBACK (on_layout_toggled_cb), self);
  g_signal_connect_swapped (self->source_pane_button, "notify::active", G_CALLBACK (on_layout_toggled_cb), self);
  g_signal_connect_swapped (self->preview_pane_button, "notify::active", G_CALLBACK (on_layout_toggled_cb), self);
  apply_layout (self);
  g_signal_connect_swapped (self->preview, "load-changed", G_CALLBACK (on_preview_load_changed_cb), self);
  g_signal_connect_swapped (style, "notify::dark", G_CALLBACK (on_dark_changed_cb), self);
  load_preview_page (self);

  refresh_cb (self);
}
