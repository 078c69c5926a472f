/* test-card-template.c — a new card says what the model folder tells
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <string.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "vitrine-card.h"
#include "vitrine-card-rules.h"
#include "vitrine-card-template.h"
#include "vitrine-json.h"
#include "vitrine-markdown.h"
#include "../test-util.h"

/* A folder with this config.json, and a safetensors file of @parameters
 * float32 values when @parameters > 0. */
static char *
model_folder (const char *config,
              guint64     parameters)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("card-template-XXXXXX", &error);

  g_assert_no_error (error);
  if (config != NULL)
    {
      g_autofree char *path = g_build_filename (dir, "config.json", NULL);

      g_assert_true (g_file_set_contents (path, config, -1, &error));
    }
  if (parameters > 0)
    {
      g_autofree char *path = g_build_filename (dir, "model.safetensors", NULL);
      g_autofree char *header = g_strdup_printf ("{\"w\":{\"dtype\":\"F32\",\"shape\":[%" G_GUINT64_FORMAT "],"
                                                 "\"data_offsets\":[0,0]}}", parameters);
      g_autoptr(GByteArray) bytes = g_byte_array_new ();
      guint64 len = strlen (header);

      for (guint i = 0; i < 8; i++)
        {
          guint8 b = (len >> (8 * i)) & 0xff;
          g_byte_array_append (bytes, &b, 1);
        }
      g_byte_array_append (bytes, (const guint8 *) header, len);
      g_assert_true (g_file_set_contents (path, (const char *) bytes->data, bytes->len, &error));
    }
  return dir;
}

/* The card for a folder, checked: the Hub's rules accept it. */
static char *
template_for (const char *dir)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  char *card = vitrine_card_template (dir, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (card);
  problems = vitrine_card_check_readme (card, strlen (card), VITRINE_REPO_TYPE_MODEL, NULL);
  for (guint i = 0; i < problems->len; i++)
    g_test_message ("problem: %s", (const char *) g_ptr_array_index (problems, i));
  g_assert_cmpuint (problems->len, ==, 0);
  /* An empty list says nothing: never written. */
  g_assert_null (strstr (card, "[]"));
  return card;
}

static JsonObject *
metadata_of (const char *card,
             JsonNode  **keep)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VitrineCard) parsed = vitrine_card_new_from_text (card, -1, &error);

  g_assert_no_error (error);
  *keep = vitrine_card_get_metadata (parsed, &error);
  g_assert_no_error (error);
  if (*keep == NULL)
    return NULL;
  g_assert_true (JSON_NODE_HOLDS_OBJECT (*keep));
  return json_node_get_object (*keep);
}

static void
test_template_pipeline_tag (void)
{
  static const struct {
    const char *architecture;
    const char *model_type;
    const char *tag;
  } cases[] = {
    { "BertForSequenceClassification", "bert", "text-classification" },
    { "RobertaForTokenClassification", "roberta", "token-classification" },
    { "LlamaForCausalLM", "llama", "text-generation" },
    { "GPT2LMHeadModel", "gpt2", "text-generation" },
    { "DistilBertForQuestionAnswering", "distilbert", "question-answering" },
    { "TapasForQuestionAnswering", "tapas", "question-answering" },
    { "BertForMaskedLM", "bert", "fill-mask" },
    { "ViTForImageClassification", "vit", "image-classification" },
    { "DetrForObjectDetection", "detr", "object-detection" },
    { "Wav2Vec2ForCTC", "wav2vec2", "automatic-speech-recognition" },
    { "WhisperForConditionalGeneration", "whisper", "automatic-speech-recognition" },
    /* A sequence-to-sequence text model has no task in the Hub's list. */
    { "T5ForConditionalGeneration", "t5", NULL },
    { "BertModel", "bert", NULL },
    { "SomethingNew", "new", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *config = g_strdup_printf ("{\"architectures\": [\"%s\"], \"model_type\": \"%s\"}",
                                                 cases[i].architecture, cases[i].model_type);
      g_autofree char *dir = model_folder (config, 0);
      g_autofree char *card = template_for (dir);
      g_autoptr(JsonNode) keep = NULL;
      JsonObject *meta = metadata_of (card, &keep);

      g_test_message ("%s", cases[i].architecture);
      g_assert_nonnull (meta);
      g_assert_cmpstr (vitrine_json_string (meta, "library_name"), ==, "transformers");
      g_assert_cmpstr (vitrine_json_string (meta, "pipeline_tag"), ==, cases[i].tag);
      g_assert_false (json_object_has_member (meta, "tags"));
      test_rm_rf (dir);
    }
}

static void
test_template_base_model (void)
{
  static const struct {
    const char *name_or_path;
    const char *base_model;
  } cases[] = {
    { "google-bert/bert-base-uncased", "google-bert/bert-base-uncased" },
    { "meta-llama/Llama-3.2-1B", "meta-llama/Llama-3.2-1B" },
    /* Paths on the computer that trained it, and names that are no Hub id. */
    { "/home/alice/checkpoints/run-1", NULL },
    { "./outputs/checkpoint-500", NULL },
    { "../bert", NULL },
    { "~/models/bert", NULL },
    { "C:\\\\models\\\\bert", NULL },
    { "outputs/checkpoint-500/final", NULL },
    { "bert-base-uncased", NULL },
    { "", NULL },
    /* A folder of that name next to the model is a folder. */
    { "checkpoints/run-1", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *config = g_strdup_printf ("{\"architectures\": [\"BertForSequenceClassification\"],"
                                                 " \"_name_or_path\": \"%s\"}", cases[i].name_or_path);
      g_autofree char *dir = model_folder (config, 0);
      g_autofree char *checkpoints = g_build_filename (dir, "checkpoints", "run-1", NULL);
      g_autofree char *card = NULL;
      g_autoptr(JsonNode) keep = NULL;
      JsonObject *meta;

      g_assert_cmpint (g_mkdir_with_parents (checkpoints, 0700), ==, 0);
      card = template_for (dir);
      meta = metadata_of (card, &keep);
      g_test_message ("%s", cases[i].name_or_path);
      g_assert_cmpstr (vitrine_json_string (meta, "base_model"), ==, cases[i].base_model);
      if (cases[i].base_model != NULL)
        g_assert_nonnull (strstr (card, cases[i].base_model));
      test_rm_rf (dir);
    }
}

static void
test_template_labels (void)
{
  g_autofree char *dir = model_folder ("{\"architectures\": [\"BertForSequenceClassification\"],"
                                       " \"id2label\": {\"1\": \"POSITIVE\", \"0\": \"NEGATIVE\","
                                       " \"10\": \"<b>mixed</b> | *both*\", \"2\": \"NEUTRAL\"}}", 0);
  g_autofree char *placeholders = model_folder ("{\"architectures\": [\"BertForSequenceClassification\"],"
                                                " \"id2label\": {\"0\": \"LABEL_0\", \"1\": \"LABEL_1\"}}", 0);
  g_autofree char *card = template_for (dir);
  g_autofree char *plain = template_for (placeholders);
  g_autofree char *html = NULL;
  const char *table;

  /* In the body, by id, as a table the Hub renders. */
  table = strstr (card, "### Labels\n");
  g_assert_nonnull (table);
  g_assert_true (g_str_has_prefix (table, "### Labels\n\n| Id | Label |\n|---:|-------|\n"
                                          "| 0 | NEGATIVE |\n| 1 | POSITIVE |\n| 2 | NEUTRAL |\n| 10 | "));
  g_assert_null (strstr (card, "<b>"));
  html = vitrine_markdown_to_html (table, -1);
  g_assert_nonnull (strstr (html, "<td>NEGATIVE</td>"));
  g_assert_nonnull (strstr (html, "<td>&lt;b&gt;mixed&lt;/b&gt; | *both*</td>"));
  /* The placeholders Transformers writes say nothing. */
  g_assert_null (strstr (plain, "Labels"));
  g_assert_null (strstr (plain, "LABEL_0"));

  test_rm_rf (dir);
  test_rm_rf (placeholders);
}

/* Card text is English, numbers included, in any locale. */
static void
test_template_locale (void)
{
  static const struct {
    guint64     parameters;
    const char *shown;
  } counts[] = {
    { 999, "999 (999)" },
    { 3300, "3.3K (3300)" },
    { 768768, "768.8K (768768)" },
    { 999960, "1.0M (999960)" },
    { 1500000, "1.5M (1500000)" },
  };
  g_autofree char *old = g_strdup (setlocale (LC_ALL, NULL));

  if (setlocale (LC_ALL, "fr_FR.UTF-8") == NULL || strcmp (localeconv ()->decimal_point, ",") != 0)
    {
      setlocale (LC_ALL, old);
      g_test_skip ("The French locale is not installed");
      return;
    }
  for (guint i = 0; i < G_N_ELEMENTS (counts); i++)
    {
      g_autofree char *dir = model_folder ("{\"architectures\": [\"BertForMaskedLM\"]}", counts[i].parameters);
      g_autofree char *card = template_for (dir);
      g_autofree char *line = g_strdup_printf ("- **Parameters:** %s\n", counts[i].shown);

      g_assert_nonnull (strstr (card, line));
      test_rm_rf (dir);
    }
  setlocale (LC_ALL, old);
}

/* The same card from `vitrine-cli card new --from-folder`, in French. */
static void
test_template_cli (void)
{
  const char *cli = g_getenv ("VITRINE_CLI_EXE");
  g_autofree char *dir = model_folder ("{\"architectures\": [\"BertForTokenClassification\"],"
                                       " \"_name_or_path\": \"google-bert/bert-base-cased\","
                                       " \"id2label\": {\"0\": \"O\", \"1\": \"B-PER\"}}", 3300);
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int status;

  g_assert_true (g_spawn_sync (NULL, (char *[]) { (char *) cli, (char *) "card", (char *) "new",
                                                  (char *) "--license", (char *) "mit",
                                                  (char *) "--from-folder", dir, NULL },
                               (char *[]) { (char *) "LC_ALL=fr_FR.UTF-8", (char *) "LANGUAGE=fr", NULL },
                               0, NULL, NULL, &out, &err, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_assert_true (g_str_has_prefix (out, "---\nlicense: \"mit\"\n"));
  g_assert_nonnull (strstr (out, "pipeline_tag: \"token-classification\"\n"));
  g_assert_nonnull (strstr (out, "base_model: \"google-bert/bert-base-cased\"\n"));
  g_assert_nonnull (strstr (out, "| 1 | B-PER |\n"));
  g_assert_nonnull (strstr (out, "- **Parameters:** 3.3K (3300)\n"));
  g_assert_null (strstr (out, "tags:"));
  test_rm_rf (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/hub/card-template/pipeline-tag", test_template_pipeline_tag);
  g_test_add_func ("/hub/card-template/base-model", test_template_base_model);
  g_test_add_func ("/hub/card-template/labels", test_template_labels);
  g_test_add_func ("/hub/card-template/locale", test_template_locale);
  g_test_add_func ("/hub/card-template/cli", test_template_cli);

  return g_test_run ();
}
