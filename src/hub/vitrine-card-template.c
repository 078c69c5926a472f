/* vitrine-card-template.c — a new model card, pre-filled from the folder
 *
 * What the folder tells: config.json (model type, architectures, hence the
 * task, the model it was trained from, the labels) and the safetensors
 * headers (parameter count and dtypes, read without loading a single
 * weight).
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>
#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "vitrine-card-rules.h"
#include "vitrine-card-template.h"
#include "vitrine-error.h"
#include "vitrine-hub-types.h"
#include "vitrine-repo-id.h"

static gboolean
bad_file (GError     **error,
          const char  *path)
{
  g_autofree char *name = g_path_get_basename (path);

  g_set_error (error, VITRINE_ERROR, VITRINE_ERROR_INVALID_ARGUMENT,
               _("“%s” is not a valid safetensors file."), name);
  return FALSE;
}

/**
 * vitrine_safetensors_count:
 * @parameters: (out): how many values the tensors hold
 * @per_dtype: (nullable): dtype name → a g_new'd guint64 count, added to
 *
 * Reads only the header: 8 bytes of length, then JSON.
 */
gboolean
vitrine_safetensors_count (const char  *path,
                           guint64     *parameters,
                           GHashTable  *per_dtype,
                           GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *header = NULL;
  guint8 prefix[8];
  guint64 len = 0, total = 0;
  JsonNode *root;
  JsonObjectIter iter;
  const char *name;
  JsonNode *tensor;
  int fd = open (path, O_RDONLY | O_CLOEXEC);

  if (fd < 0)
    {
      int errsv = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errsv),
                   _("Could not read “%s”: %s"), path, g_strerror (errsv));
      return FALSE;
    }
  if (read (fd, prefix, 8) != 8)
    {
      close (fd);
      return bad_file (error, path);
    }
  for (int i = 7; i >= 0; i--)
    len = (len << 8) | prefix[i];
  if (len < 2 || len > VITRINE_SAFETENSORS_MAX_HEADER)
    {
      close (fd);
      return bad_file (error, path);
    }
  header = g_malloc (len);
  if (pread (fd, header, len, 8) != (ssize_t) len)
    {
      close (fd);
      return bad_file (error, path);
    }
  close (fd);

  if (!json_parser_load_from_data (parser, header, len, NULL) ||
      (root = json_parser_get_root (parser)) == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return bad_file (error, path);

  json_object_iter_init (&iter, json_node_get_object (root));
  while (json_object_iter_next (&iter, &name, &tensor))
    {
      JsonObject *t;
      JsonArray *shape;
      const char *dtype;
      guint64 count = 1;

      if (g_str_equal (name, "__metadata__"))
        continue;
      if (!JSON_NODE_HOLDS_OBJECT (tensor))
        return bad_file (error, path);
      t = json_node_get_object (tensor);
      dtype = vitrine_json_string (t, "dtype");
      shape = vitrine_json_array (t, "shape");
      if (dtype == NULL || shape == NULL)
        return bad_file (error, path);
      for (guint i = 0; i < json_array_get_length (shape); i++)
        {
          JsonNode *dim = json_array_get_element (shape, i);
          gint64 d = JSON_NODE_HOLDS_VALUE (dim) && json_node_get_value_type (dim) == G_TYPE_INT64
                     ? json_node_get_int (dim) : -1;

          if (d < 0 || (d > 0 && count > G_MAXUINT64 / (guint64) d))
            return bad_file (error, path);
          count *= d;
        }
      /* Tensors that add up to more than 2^64 values are not a model. */
      if (count > G_MAXUINT64 - total)
        return bad_file (error, path);
      total += count;
      if (per_dtype != NULL)
        {
          guint64 *slot = g_hash_table_lookup (per_dtype, dtype);

          if (slot == NULL)
            {
              slot = g_new0 (guint64, 1);
              g_hash_table_insert (per_dtype, g_strdup (dtype), slot);
            }
          *slot += count;
        }
    }
  *parameters = total;
  return TRUE;
}

/* A count as people read it, "768.8K": card text is English whatever the
 * user's locale, so no locale's decimal comma. */
static char *
human_count (guint64 n)
{
  static const char suffixes[] = "KMB";
  guint64 unit = 1000;
  guint64 tenths;
  guint i;

  if (n < unit)
    return g_strdup_printf ("%" G_GUINT64_FORMAT, n);
  for (i = 0; i + 1 < strlen (suffixes) && n >= unit * 1000; i++)
    unit *= 1000;
  /* In tenths of the unit, rounded half up; 999.96K is 1.0M. */
  tenths = n / (unit / 10) + (n % (unit / 10) >= unit / 20 ? 1 : 0);
  if (tenths >= 10000 && i + 1 < strlen (suffixes))
    {
      unit *= 1000;
      i++;
      tenths = n / (unit / 10) + (n % (unit / 10) >= unit / 20 ? 1 : 0);
    }
  return g_strdup_printf ("%" G_GUINT64_FORMAT ".%u%c", tenths / 10, (guint) (tenths % 10), suffixes[i]);
}

static void
yaml_string (GString    *out,
             const char *value)
{
  g_autoptr(JsonNode) node = json_node_init_string (json_node_alloc (), value);
  g_autofree char *text = json_to_string (node, FALSE);

  g_string_append (out, text);
}

/* What the class names of Transformers say a model does, as the Hub's
 * pipeline tags. */
static const struct {
  const char *suffix;
  const char *tag;
} architecture_tasks[] = {
  { "ForSequenceClassification", "text-classification" },
  { "ForTokenClassification", "token-classification" },
  { "ForQuestionAnswering", "question-answering" },
  { "ForTableQuestionAnswering", "table-question-answering" },
  { "ForDocumentQuestionAnswering", "document-question-answering" },
  { "ForVisualQuestionAnswering", "visual-question-answering" },
  { "ForMultipleChoice", "multiple-choice" },
  { "ForCausalLM", "text-generation" },
  { "LMHeadModel", "text-generation" },
  { "ForMaskedLM", "fill-mask" },
  { "ForImageClassification", "image-classification" },
  { "ForImageClassificationWithTeacher", "image-classification" },
  { "ForObjectDetection", "object-detection" },
  { "ForSemanticSegmentation", "image-segmentation" },
  { "ForInstanceSegmentation", "image-segmentation" },
  { "ForUniversalSegmentation", "image-segmentation" },
  { "ForDepthEstimation", "depth-estimation" },
  { "ForAudioClassification", "audio-classification" },
  { "ForCTC", "automatic-speech-recognition" },
  { "ForSpeechSeq2Seq", "automatic-speech-recognition" },
  { "ForVideoClassification", "video-classification" },
  { "ForMaskGeneration", "mask-generation" },
  { "ForTextToSpeech", "text-to-speech" },
};

/* `*ForConditionalGeneration` says nothing by itself: the model type does.
 * Sequence-to-sequence text models (T5, BART) have no tag in the Hub's
 * list of tasks and get none. */
static const struct {
  const char *model_type;
  const char *tag;
} generation_tasks[] = {
  { "whisper", "automatic-speech-recognition" },
  { "speech_to_text", "automatic-speech-recognition" },
  { "blip", "image-to-text" },
  { "blip-2", "image-to-text" },
  { "llava", "image-text-to-text" },
  { "llava_next", "image-text-to-text" },
  { "paligemma", "image-text-to-text" },
};

static const char *
pipeline_tag_for (JsonArray  *architectures,
                  const char *model_type)
{
  for (guint i = 0; architectures != NULL && i < json_array_get_length (architectures); i++)
    {
      JsonNode *node = json_array_get_element (architectures, i);
      const char *name;

      if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
        continue;
      name = json_node_get_string (node);
      for (guint k = 0; k < G_N_ELEMENTS (architecture_tasks); k++)
        if (g_str_has_suffix (name, architecture_tasks[k].suffix) &&
            strlen (name) > strlen (architecture_tasks[k].suffix) &&
            vitrine_card_is_pipeline_tag (architecture_tasks[k].tag))
          return architecture_tasks[k].tag;
      if (g_str_has_suffix (name, "ForConditionalGeneration") && model_type != NULL)
        for (guint k = 0; k < G_N_ELEMENTS (generation_tasks); k++)
          if (g_str_equal (model_type, generation_tasks[k].model_type) &&
              vitrine_card_is_pipeline_tag (generation_tasks[k].tag))
            return generation_tasks[k].tag;
    }
  return NULL;
}

/* config.json's `_name_or_path` is where the model was loaded from before
 * training: a repository on the Hub ("google-bert/bert-base-uncased") or a
 * folder.  Only a Hub id is a base model. */
static char *
base_model_for (const char *folder,
                const char *name_or_path)
{
  g_autofree char *parent = NULL;
  g_autofree char *beside = NULL;
  g_autofree char *inside = NULL;

  if (name_or_path == NULL || *name_or_path == '\0' || g_path_is_absolute (name_or_path) ||
      name_or_path[0] == '.' || name_or_path[0] == '~' || strchr (name_or_path, '\\') != NULL ||
      strchr (name_or_path, '/') == NULL || strchr (name_or_path, '/') != strrchr (name_or_path, '/') ||
      !vitrine_repo_id_parse (name_or_path, NULL, NULL, NULL))
    return NULL;
  /* "checkpoints/run-1" is a folder when there is one by that name. */
  if (folder != NULL)
    {
      parent = g_path_get_dirname (folder);
      beside = g_build_filename (parent, name_or_path, NULL);
      inside = g_build_filename (folder, name_or_path, NULL);
      if (g_file_test (beside, G_FILE_TEST_IS_DIR) || g_file_test (inside, G_FILE_TEST_IS_DIR))
        return NULL;
    }
  return g_strdup (name_or_path);
}

typedef struct
{
  gint64      id;
  const char *name;
} Label;

static int
label_compare (gconstpointer a,
               gconstpointer b)
{
  const Label *la = a;
  const Label *lb = b;

  return (la->id > lb->id) - (la->id < lb->id);
}

/* A label as Markdown text in a table cell: what Markdown or HTML would
 * read as markup is escaped. */
static void
append_cell (GString    *out,
             const char *text)
{
  for (const char *c = text; *c != '\0'; c++)
    {
      if (*c == '\n' || *c == '\r' || *c == '\t')
        g_string_append_c (out, ' ');
      else
        {
          if (strchr ("\\`*_[]<>|#!~&", *c) != NULL)
            g_string_append_c (out, '\\');
          g_string_append_c (out, *c);
        }
    }
}

/* The labels of a classifier (config.json's `id2label`) as a table, by
 * id; nothing when there are none, or only the placeholders Transformers
 * writes (LABEL_0, LABEL_1, ...). */
static void
append_labels (GString    *out,
               JsonObject *config)
{
  JsonObject *id2label = vitrine_json_object (config, "id2label");
  g_autoptr(GArray) labels = g_array_new (FALSE, FALSE, sizeof (Label));
  gboolean named = FALSE;
  JsonObjectIter iter;
  const char *key;
  JsonNode *value;
  guint shown;

  if (id2label == NULL)
    return;
  json_object_iter_init (&iter, id2label);
  while (json_object_iter_next (&iter, &key, &value))
    {
      Label label;
      g_autofree char *placeholder = NULL;
      char *end = NULL;

      if (!JSON_NODE_HOLDS_VALUE (value) || json_node_get_value_type (value) != G_TYPE_STRING)
        continue;
      label.id = g_ascii_strtoll (key, &end, 10);
      if (end == key || *end != '\0' || label.id < 0)
        continue;
      label.name = json_node_get_string (value);
      placeholder = g_strdup_printf ("LABEL_%" G_GINT64_FORMAT, label.id);
      named |= !g_str_equal (label.name, placeholder);
      g_array_append_val (labels, label);
    }
  if (labels->len == 0 || !named)
    return;
  g_array_sort (labels, label_compare);

  g_string_append (out, "\n### Labels\n\n| Id | Label |\n|---:|-------|\n");
  shown = MIN (labels->len, 1000);
  for (guint i = 0; i < shown; i++)
    {
      Label *label = &g_array_index (labels, Label, i);

      g_string_append_printf (out, "| %" G_GINT64_FORMAT " | ", label->id);
      append_cell (out, label->name);
      g_string_append (out, " |\n");
    }
  if (shown < labels->len)
    g_string_append_printf (out, "\nAnd %u more, listed in config.json.\n", labels->len - shown);
}

/**
 * vitrine_card_template:
 * @folder: (nullable): the model's folder, read for config.json and
 *   safetensors headers
 * @license: (nullable): a license id
 * @languages: (nullable): language codes
 *
 * A new card with what the folder tells: the task (from the model's
 * architecture), the library, the model it was trained from, its labels,
 * its size.  Card text is English and reads the same in every locale.
 *
 * Returns: (transfer full): a README with the usual sections, ready to be
 *   completed
 */
char *
vitrine_card_template (const char          *folder,
                       const char          *license,
                       const char * const  *languages,
                       GError             **error)
{
  g_autoptr(GString) meta = g_string_new (NULL);
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(JsonParser) config_parser = json_parser_new ();
  g_autoptr(GHashTable) per_dtype = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autofree char *config_path = folder != NULL ? g_build_filename (folder, "config.json", NULL) : NULL;
  g_autofree char *base_model = NULL;
  JsonObject *config = NULL;
  const char *model_type = NULL;
  const char *pipeline_tag = NULL;
  JsonArray *architectures = NULL;
  guint64 parameters = 0;
  guint n_safetensors = 0;

  if (config_path != NULL && json_parser_load_from_file (config_parser, config_path, NULL) &&
      json_parser_get_root (config_parser) != NULL && JSON_NODE_HOLDS_OBJECT (json_parser_get_root (config_parser)))
    {
      config = json_node_get_object (json_parser_get_root (config_parser));
      model_type = vitrine_json_string (config, "model_type");
      architectures = vitrine_json_array (config, "architectures");
      pipeline_tag = pipeline_tag_for (architectures, model_type);
      base_model = base_model_for (folder, vitrine_json_string (config, "_name_or_path"));
    }

  if (folder != NULL)
    {
      g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *path = NULL;
          guint64 count = 0;

          if (!g_str_has_suffix (name, ".safetensors"))
            continue;
          path = g_build_filename (folder, name, NULL);
          if (!vitrine_safetensors_count (path, &count, per_dtype, error))
            return NULL;
          parameters += count;
          n_safetensors++;
        }
    }

  /* Front matter: the keys the Hub reads, those that are known.  An empty
   * list (`tags: []`) says nothing and is not written. */
  if (license != NULL)
    {
      g_string_append (meta, "license: ");
      yaml_string (meta, license);
      g_string_append_c (meta, '\n');
    }
  if (languages != NULL && languages[0] != NULL)
    {
      g_string_append (meta, "language:\n");
      for (guint i = 0; languages[i] != NULL; i++)
        {
          g_string_append (meta, "- ");
          yaml_string (meta, languages[i]);
          g_string_append_c (meta, '\n');
        }
    }
  if (architectures != NULL)
    g_string_append (meta, "library_name: \"transformers\"\n");
  if (pipeline_tag != NULL)
    g_string_append_printf (meta, "pipeline_tag: \"%s\"\n", pipeline_tag);
  if (base_model != NULL)
    {
      g_string_append (meta, "base_model: ");
      yaml_string (meta, base_model);
      g_string_append_c (meta, '\n');
    }
  if (meta->len > 0)
    g_string_append_printf (out, "---\n%s---\n\n", meta->str);

  /* The body: the usual sections, with what is known. */
  g_string_append (out, "# Model Card\n\n");
  g_string_append (out, "## Model Details\n\n");
  if (model_type != NULL)
    g_string_append_printf (out, "- **Model type:** %s\n", model_type);
  for (guint i = 0; architectures != NULL && i < json_array_get_length (architectures); i++)
    {
      JsonNode *a = json_array_get_element (architectures, i);
      if (JSON_NODE_HOLDS_VALUE (a) && json_node_get_value_type (a) == G_TYPE_STRING)
        g_string_append_printf (out, "- **Architecture:** %s\n", json_node_get_string (a));
    }
  if (base_model != NULL)
    g_string_append_printf (out, "- **Trained from:** [%s](https://huggingface.co/%s)\n", base_model, base_model);
  if (n_safetensors > 0)
    {
      g_autofree char *count = human_count (parameters);
      g_autoptr(GList) dtypes = g_hash_table_get_keys (per_dtype);

      g_string_append_printf (out, "- **Parameters:** %s (%" G_GUINT64_FORMAT ")\n", count, parameters);
      dtypes = g_list_sort (dtypes, (GCompareFunc) g_strcmp0);
      g_string_append (out, "- **Tensor types:**");
      for (GList *l = dtypes; l != NULL; l = l->next)
        g_string_append_printf (out, " %s%s", (const char *) l->data, l->next != NULL ? "," : "");
      g_string_append_c (out, '\n');
    }
  if (license != NULL)
    g_string_append_printf (out, "- **License:** %s\n", license);
  if (config != NULL)
    append_labels (out, config);
  g_string_append (out, "\nDescribe what the model does, who made it and from what.\n\n");
  g_string_append (out, "## Uses\n\nWhat the model is meant for, and what it is not meant for.\n\n");
  g_string_append (out, "## Bias, Risks and Limitations\n\nWhere the model fails, and who could be harmed.\n\n");
  g_string_append (out, "## How to Get Started\n\nA few lines of code that load the model and use it.\n\n");
  g_string_append (out, "## Training\n\nThe data, the procedure and the settings used to train it.\n\n");
  g_string_append (out, "## Evaluation\n\nHow it was tested, on what, and the results.\n\n");
  g_string_append (out, "## Environmental Impact\n\nThe hardware, the hours of training and, if known, the emissions.\n\n");
  g_string_append (out, "## Citation\n\nHow to cite this model.\n");
  return g_string_free (g_steal_pointer (&out), FALSE);
}
