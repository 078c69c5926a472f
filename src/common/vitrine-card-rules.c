/* vitrine-card-rules.c — the Hub's rules for card metadata
 *
 * Both ends use these rules: the local hub answers validate-yaml with them,
 * and the card editor checks before publishing.
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "vitrine-card-rules.h"
#include "vitrine-yaml.h"

/* The license ids the Hub accepts (hub-docs, repositories-licenses). */
static const char * const licenses[] = {
  "apache-2.0", "mit", "openrail", "bigscience-openrail-m", "creativeml-openrail-m",
  "bigscience-bloom-rail-1.0", "bigcode-openrail-m", "afl-3.0", "artistic-2.0", "bsl-1.0",
  "bsd", "bsd-2-clause", "bsd-3-clause", "bsd-3-clause-clear", "c-uda", "cc", "cc0-1.0",
  "cc-by-2.0", "cc-by-2.5", "cc-by-3.0", "cc-by-4.0", "cc-by-sa-3.0", "cc-by-sa-4.0",
  "cc-by-nc-2.0", "cc-by-nc-3.0", "cc-by-nc-4.0", "cc-by-nd-4.0", "cc-by-nc-nd-3.0",
  "cc-by-nc-nd-4.0", "cc-by-nc-sa-2.0", "cc-by-nc-sa-3.0", "cc-by-nc-sa-4.0",
  "cdla-sharing-1.0", "cdla-permissive-1.0", "cdla-permissive-2.0", "wtfpl", "ecl-2.0",
  "epl-1.0", "epl-2.0", "etalab-2.0", "eupl-1.1", "eupl-1.2", "agpl-3.0", "gfdl", "gpl",
  "gpl-2.0", "gpl-3.0", "lgpl", "lgpl-2.1", "lgpl-3.0", "isc", "h-research",
  "intel-research", "lppl-1.3c", "ms-pl", "apple-ascl", "apple-amlr", "mpl-2.0", "odc-by",
  "odbl", "openmdw-1.0", "openmdw-1.1", "openrail++", "osl-3.0", "postgresql", "ofl-1.1",
  "ncsa", "unlicense", "zlib", "pddl", "lgpl-lr", "deepfloyd-if-license",
  "fair-noncommercial-research-license", "llama2", "llama3", "llama3.1", "llama3.2",
  "llama3.3", "llama4", "grok2-community", "gemma", "unknown", "other",
  NULL
};

/* The pipeline tags of the Hub's task list. */
static const char * const pipeline_tags[] = {
  "text-classification", "token-classification", "table-question-answering",
  "question-answering", "zero-shot-classification", "translation", "summarization",
  "feature-extraction", "text-generation", "fill-mask", "sentence-similarity",
  "text-to-speech", "text-to-audio", "automatic-speech-recognition", "audio-to-audio",
  "audio-classification", "audio-text-to-text", "voice-activity-detection",
  "depth-estimation", "image-classification", "object-detection", "image-segmentation",
  "text-to-image", "image-to-text", "image-to-image", "image-to-video",
  "unconditional-image-generation", "video-classification", "reinforcement-learning",
  "robotics", "tabular-classification", "tabular-regression", "tabular-to-text",
  "table-to-text", "multiple-choice", "text-ranking", "text-retrieval",
  "time-series-forecasting", "text-to-video", "image-text-to-text", "image-text-to-image",
  "image-text-to-video", "visual-question-answering", "document-question-answering",
  "zero-shot-image-classification", "graph-ml", "mask-generation",
  "zero-shot-object-detection", "text-to-3d", "image-to-3d", "image-feature-extraction",
  "video-text-to-text", "keypoint-detection", "visual-document-retrieval", "any-to-any",
  "video-to-video", "other",
  NULL
};

static const char * const base_model_relations[] = {
  "adapter", "merge", "quantized", "finetune", NULL
};

const char * const *
vitrine_card_licenses (void)
{
  return licenses;
}

const char * const *
vitrine_card_pipeline_tags (void)
{
  return pipeline_tags;
}

gboolean
vitrine_card_is_license (const char *id)
{
  return id != NULL && g_strv_contains (licenses, id);
}

gboolean
vitrine_card_is_pipeline_tag (const char *tag)
{
  return tag != NULL && g_strv_contains (pipeline_tags, tag);
}

/* Problems are kept as "KEY\037message", so the README check can say on
 * which line KEY is; the separator never reaches anyone. */
#define KEY_SEPARATOR '\037'

static void
add (GPtrArray  *errors,
     const char *key,
     const char *format,
     ...) G_GNUC_PRINTF (3, 4);

static void
add (GPtrArray  *errors,
     const char *key,
     const char *format,
     ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_ptr_array_add (errors, g_strdup_printf ("%s%c%s", key != NULL ? key : "", KEY_SEPARATOR, message));
}

static gboolean
is_string (JsonNode *node)
{
  return node != NULL && JSON_NODE_HOLDS_VALUE (node) &&
         json_node_get_value_type (node) == G_TYPE_STRING;
}

/* Calls @check on a string, or on each element of a list of strings. */
static void
each_string (GPtrArray  *errors,
             JsonObject *meta,
             const char *key,
             void      (*check) (GPtrArray *, const char *, const char *))
{
  JsonNode *node = json_object_get_member (meta, key);

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return;
  if (is_string (node))
    {
      check (errors, key, json_node_get_string (node));
      return;
    }
  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *item = json_array_get_element (array, i);

          if (!is_string (item))
            add (errors, key, _("“%s” must be a text or a list of texts."), key);
          else
            check (errors, key, json_node_get_string (item));
        }
      return;
    }
  add (errors, key, _("“%s” must be a text or a list of texts."), key);
}

static void
check_license (GPtrArray  *errors,
               const char *key,
               const char *value)
{
  if (!vitrine_card_is_license (value))
    add (errors, key, _("“%s” is not a license the Hub knows (key “%s”). Use one of its ids, or “other” with “license_name” and “license_link”."),
         value, key);
}

static void
check_language (GPtrArray  *errors,
                const char *key,
                const char *value)
{
  static GRegex *regex = NULL;

  if (g_once_init_enter (&regex))
    g_once_init_leave (&regex, g_regex_new ("^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$", G_REGEX_OPTIMIZE, 0, NULL));
  if (!g_regex_match (regex, value, 0, NULL))
    add (errors, key, _("“%s” is not a language code (key “%s”); write ISO 639-1 codes such as “en” or “fr”."),
         value, key);
}

static void
check_repo_id (GPtrArray  *errors,
               const char *key,
               const char *value)
{
  g_autoptr(GError) error = NULL;

  /* Legacy single-name ids such as "gpt2" are accepted too. */
  if (strchr (value, '/') == NULL ? !vitrine_repo_name_check (value, &error)
                                  : !vitrine_repo_id_parse (value, NULL, NULL, &error))
    add (errors, key, _("“%s” is not a repository id (key “%s”): %s"), value, key, error->message);
}

static void
check_any_string (GPtrArray  *errors,
                  const char *key,
                  const char *value)
{
}

static void
check_model_index (GPtrArray *errors,
                   JsonNode  *node)
{
  JsonArray *models;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      add (errors, "model-index", _("“model-index” must be a list."));
      return;
    }
  models = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (models); i++)
    {
      JsonNode *m = json_array_get_element (models, i);
      JsonObject *model;
      JsonNode *results;

      if (!JSON_NODE_HOLDS_OBJECT (m))
        {
          add (errors, "model-index", _("“model-index” item %u must be a mapping."), i + 1);
          continue;
        }
      model = json_node_get_object (m);
      if (!is_string (json_object_get_member (model, "name")))
        add (errors, "model-index", _("“model-index” item %u needs a “name”."), i + 1);
      results = json_object_get_member (model, "results");
      if (results == NULL || !JSON_NODE_HOLDS_ARRAY (results))
        {
          add (errors, "model-index", _("“model-index” item %u needs a list of “results”."), i + 1);
          continue;
        }
      for (guint r = 0; r < json_array_get_length (json_node_get_array (results)); r++)
        {
          JsonNode *res = json_array_get_element (json_node_get_array (results), r);
          JsonObject *result;
          JsonNode *task, *dataset, *metrics;

          if (!JSON_NODE_HOLDS_OBJECT (res))
            {
              add (errors, "model-index", _("“model-index” result %u.%u must be a mapping."), i + 1, r + 1);
              continue;
            }
          result = json_node_get_object (res);
          task = json_object_get_member (result, "task");
          if (task == NULL || !JSON_NODE_HOLDS_OBJECT (task) ||
              !is_string (json_object_get_member (json_node_get_object (task), "type")))
            add (errors, "model-index", _("“model-index” result %u.%u needs a “task” with a “type”."), i + 1, r + 1);
          dataset = json_object_get_member (result, "dataset");
          if (dataset == NULL || !JSON_NODE_HOLDS_OBJECT (dataset) ||
              !is_string (json_object_get_member (json_node_get_object (dataset), "type")) ||
              !is_string (json_object_get_member (json_node_get_object (dataset), "name")))
            add (errors, "model-index", _("“model-index” result %u.%u needs a “dataset” with a “type” and a “name”."), i + 1, r + 1);
          metrics = json_object_get_member (result, "metrics");
          if (metrics == NULL || !JSON_NODE_HOLDS_ARRAY (metrics))
            add (errors, "model-index", _("“model-index” result %u.%u needs a list of “metrics”."), i + 1, r + 1);
          else
            for (guint k = 0; k < json_array_get_length (json_node_get_array (metrics)); k++)
              {
                JsonNode *mn = json_array_get_element (json_node_get_array (metrics), k);

                if (!JSON_NODE_HOLDS_OBJECT (mn) ||
                    !is_string (json_object_get_member (json_node_get_object (mn), "type")) ||
                    !json_object_has_member (json_node_get_object (mn), "value"))
                  add (errors, "model-index", _("“model-index” metric %u.%u.%u needs a “type” and a “value”."),
                       i + 1, r + 1, k + 1);
              }
        }
    }
}

/* The problems of @metadata, each filed under the key it is about. */
static GPtrArray *
check_metadata_keyed (JsonNode        *metadata,
                      VitrineRepoType  type)
{
  GPtrArray *errors = g_ptr_array_new_with_free_func (g_free);
  JsonObject *meta;
  JsonNode *node;

  if (metadata == NULL || JSON_NODE_HOLDS_NULL (metadata))
    return errors;
  if (!JSON_NODE_HOLDS_OBJECT (metadata))
    {
      add (errors, NULL, _("The metadata must be a YAML mapping of keys to values."));
      return errors;
    }
  meta = json_node_get_object (metadata);

  each_string (errors, meta, "license", check_license);
  each_string (errors, meta, "language", check_language);
  each_string (errors, meta, "tags", check_any_string);
  each_string (errors, meta, "datasets", check_any_string);
  each_string (errors, meta, "base_model", check_repo_id);

  node = json_object_get_member (meta, "license");
  if (node != NULL && is_string (node) && g_str_equal (json_node_get_string (node), "other") &&
      type == VITRINE_REPO_TYPE_MODEL)
    {
      if (!is_string (json_object_get_member (meta, "license_name")))
        add (errors, "license", _("“license: other” needs “license_name”, a short id for the license."));
      if (!is_string (json_object_get_member (meta, "license_link")))
        add (errors, "license", _("“license: other” needs “license_link”, a link to the license or a LICENSE file."));
    }

  node = json_object_get_member (meta, "pipeline_tag");
  if (node != NULL && !JSON_NODE_HOLDS_NULL (node))
    {
      if (!is_string (node))
        add (errors, "pipeline_tag", _("“pipeline_tag” must be a text."));
      else if (!vitrine_card_is_pipeline_tag (json_node_get_string (node)))
        add (errors, "pipeline_tag", _("“%s” is not a pipeline tag the Hub knows (key “pipeline_tag”)."),
             json_node_get_string (node));
    }

  node = json_object_get_member (meta, "library_name");
  if (node != NULL && !JSON_NODE_HOLDS_NULL (node) && !is_string (node))
    add (errors, "library_name", _("“library_name” must be a text."));

  node = json_object_get_member (meta, "base_model_relation");
  if (node != NULL && !JSON_NODE_HOLDS_NULL (node) &&
      (!is_string (node) || !g_strv_contains (base_model_relations, json_node_get_string (node))))
    add (errors, "base_model_relation", _("“base_model_relation” must be one of adapter, merge, quantized or finetune."));

  node = json_object_get_member (meta, "model-index");
  if (node != NULL && !JSON_NODE_HOLDS_NULL (node))
    check_model_index (errors, node);

  return errors;
}

/* Drops the keys problems are filed under. */
static GPtrArray *
strip_keys (GPtrArray *keyed)
{
  GPtrArray *plain = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < keyed->len; i++)
    {
      const char *item = g_ptr_array_index (keyed, i);
      const char *sep = strchr (item, KEY_SEPARATOR);

      g_ptr_array_add (plain, g_strdup (sep != NULL ? sep + 1 : item));
    }
  g_ptr_array_unref (keyed);
  return plain;
}

/**
 * vitrine_card_check_metadata:
 * @metadata: the front matter as JSON (a mapping, or null)
 *
 * Returns: (transfer full): the problems found, as sentences naming the
 *   key; empty when the metadata follows the Hub's rules
 */
GPtrArray *
vitrine_card_check_metadata (JsonNode        *metadata,
                             VitrineRepoType  type)
{
  return strip_keys (check_metadata_keyed (metadata, type));
}

/* The README line (from 1) where top-level @key is written, or 0. */
static guint
key_line (const char *text,
          gsize       len,
          gsize       yaml_start,
          gsize       yaml_len,
          const char *key)
{
  gsize klen = strlen (key);
  guint line = 1;

  for (gsize i = 0; i < yaml_start; i++)
    line += text[i] == '\n';
  for (gsize pos = yaml_start; pos < yaml_start + yaml_len;)
    {
      const char *start = text + pos;
      const char *nl = memchr (start, '\n', yaml_start + yaml_len - pos);
      gsize n = nl != NULL ? (gsize) (nl - start) : yaml_start + yaml_len - pos;

      if ((n > klen && strncmp (start, key, klen) == 0 && start[klen] == ':') ||
          (n > klen + 2 && (start[0] == '"' || start[0] == '\'') && strncmp (start + 1, key, klen) == 0 &&
           start[klen + 1] == start[0] && start[klen + 2] == ':'))
        return line;
      if (nl == NULL)
        break;
      pos += n + 1;
      line++;
    }
  return 0;
}

void
vitrine_card_problem_free (VitrineCardProblem *problem)
{
  if (problem == NULL)
    return;
  g_free (problem->key);
  g_free (problem->message);
  g_free (problem);
}

static VitrineCardProblem *
problem_new (const char *key,
             guint       line,
             guint       column,
             const char *message)
{
  VitrineCardProblem *problem = g_new0 (VitrineCardProblem, 1);

  problem->key = g_strdup (key);
  problem->line = line;
  problem->column = column;
  problem->message = g_strdup (message);
  return problem;
}

/**
 * vitrine_card_find_problems:
 * @metadata: (out) (optional): the front matter as JSON, or %NULL
 *
 * Checks a whole README: its front matter parses as YAML, and its
 * metadata follows the rules.  Each problem says which top-level key it
 * is about and on which line, when that is known.
 *
 * Returns: (transfer full) (element-type VitrineCardProblem): the problems
 */
GPtrArray *
vitrine_card_find_problems (const char       *text,
                            gsize             len,
                            VitrineRepoType   type,
                            JsonNode        **metadata)
{
  g_autoptr(JsonNode) meta = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) keyed = NULL;
  gsize yaml_start, yaml_len, body_start;
  guint error_line = 0;
  guint error_column = 0;
  GPtrArray *problems = g_ptr_array_new_with_free_func ((GDestroyNotify) vitrine_card_problem_free);

  if (metadata != NULL)
    *metadata = NULL;

  if (!vitrine_front_matter_split (text, len, &yaml_start, &yaml_len, &body_start))
    return problems;

  /* The YAML starts on the README's second line. */
  meta = vitrine_yaml_to_json_at (text + yaml_start, yaml_len, 1, &error_line, &error_column, &error);
  if (meta == NULL)
    {
      g_ptr_array_add (problems, problem_new (NULL, error_line, error_column, error->message));
      return problems;
    }

  keyed = check_metadata_keyed (meta, type);
  for (guint i = 0; i < keyed->len; i++)
    {
      const char *item = g_ptr_array_index (keyed, i);
      const char *sep = strchr (item, KEY_SEPARATOR);
      g_autofree char *key = sep != NULL && sep != item ? g_strndup (item, sep - item) : NULL;
      const char *message = sep != NULL ? sep + 1 : item;
      guint line = key != NULL ? key_line (text, len, yaml_start, yaml_len, key) : 0;

      g_ptr_array_add (problems, problem_new (key, line, 0, message));
    }
  if (metadata != NULL)
    *metadata = g_steal_pointer (&meta);
  return problems;
}

/**
 * vitrine_card_check_readme:
 * @metadata: (out) (optional): the front matter as JSON, or %NULL
 *
 * Like vitrine_card_find_problems(), as sentences that start with their
 * line ("Line 3: …") when it is known.
 *
 * Returns: (transfer full) (element-type utf8): the problems
 */
GPtrArray *
vitrine_card_check_readme (const char       *text,
                           gsize             len,
                           VitrineRepoType   type,
                           JsonNode        **metadata)
{
  g_autoptr(GPtrArray) problems = vitrine_card_find_problems (text, len, type, metadata);
  GPtrArray *errors = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < problems->len; i++)
    {
      VitrineCardProblem *problem = g_ptr_array_index (problems, i);

      if (problem->line > 0 && problem->column == 0)
        /* Translators: the first %u is a line number in the README. */
        g_ptr_array_add (errors, g_strdup_printf (_("Line %u: %s"), problem->line, problem->message));
      else
        g_ptr_array_add (errors, g_strdup (problem->message));
    }
  return errors;
}
