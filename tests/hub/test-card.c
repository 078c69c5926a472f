/* test-card.c — model cards keep what Vitrine does not manage
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "vitrine-card.h"
#include "vitrine-card-rules.h"
#include "vitrine-card-template.h"
#include "vitrine-error.h"

static const char *corpus[] = {
  /* Anchors, aliases and comments. */
  "---\n# A comment first\nlicense: mit\ndefaults: &d\n  lr: 0.001\n  epochs: 3\nrun: *d\n---\n# Title\n\nText.\n",
  /* Multi-line strings, unicode, a long model-index. */
  "---\nlanguage:\n- fr\n- en\ndescription: |\n  Un modèle « entraîné »\n  sur deux lignes — 🚀\nsummary: >\n  folded\n  text\n"
  "model-index:\n- name: m\n  results:\n  - task:\n      type: text-classification\n    dataset:\n      type: imdb\n"
  "      name: IMDB\n    metrics:\n    - type: accuracy\n      value: 0.93\n    - type: f1\n      value: 0.91\n"
  "tags: [a, b]\n---\nBody with --- inside\n---\nand more\n",
  /* No front matter. */
  "# Just a README\n\nNo metadata here.\n",
  /* Only front matter. */
  "---\nlicense: apache-2.0\n---\n",
  /* Trailing spaces on the fences, CRLF in the body. */
  "---  \nlicense: mit\n---  \r\nbody\r\nline\r\n",
};

static VitrineCard *
load (const char *text)
{
  g_autoptr(GError) error = NULL;
  VitrineCard *card = vitrine_card_new_from_text (text, -1, &error);

  g_assert_no_error (error);
  return card;
}

static JsonNode *
string_node (const char *s)
{
  return json_node_init_string (json_node_alloc (), s);
}

static void
test_card_roundtrip (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (corpus); i++)
    {
      g_autoptr(VitrineCard) card = load (corpus[i]);
      g_autofree char *text = vitrine_card_to_text (card);

      g_assert_cmpstr (text, ==, corpus[i]);
    }
}

static void
test_card_set_keeps_the_rest (void)
{
  g_autoptr(VitrineCard) card = load (corpus[0]);
  g_autoptr(JsonNode) license = string_node ("apache-2.0");
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) meta = NULL;
  g_autofree char *text = NULL;
  g_autofree char *expected = NULL;
  const char *at = strstr (corpus[0], "license: mit\n");

  g_assert_true (vitrine_card_set (card, "license", license, &error));
  g_assert_no_error (error);
  text = vitrine_card_to_text (card);

  /* Exactly the license line changed; comment, anchors, alias and body stay. */
  expected = g_strdup_printf ("%.*slicense: apache-2.0\n%s", (int) (at - corpus[0]), corpus[0],
                              at + strlen ("license: mit\n"));
  g_assert_cmpstr (text, ==, expected);

  meta = vitrine_card_get_metadata (card, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (meta), "license"), ==, "apache-2.0");
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (json_node_get_object (meta), "run"),
                                               "epochs"), ==, 3);
}

static void
test_card_set_block_list (void)
{
  g_autoptr(VitrineCard) card = load (corpus[1]);
  g_autoptr(JsonArray) languages = json_array_new ();
  g_autoptr(JsonNode) value = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *before_body = NULL;

  json_array_add_string_element (languages, "de");
  value = json_node_init_array (json_node_alloc (), languages);
  g_assert_true (vitrine_card_set (card, "language", value, &error));
  text = vitrine_card_to_text (card);

  /* The two-line list became one item; everything after it is unchanged. */
  g_assert_true (g_str_has_prefix (text, "---\nlanguage:\n- de\ndescription: |\n"));
  g_assert_true (g_str_has_suffix (text, strstr (corpus[1], "description: |")));
  g_assert_cmpstr (vitrine_card_get_body (card), ==, "Body with --- inside\n---\nand more\n");
}

static JsonNode *
list_node (const char *first,
           ...)
{
  JsonArray *array = json_array_new ();
  JsonNode *node = json_node_alloc ();
  va_list args;

  va_start (args, first);
  for (const char *s = first; s != NULL; s = va_arg (args, const char *))
    json_array_add_string_element (array, s);
  va_end (args);
  json_node_init_array (node, array);
  json_array_unref (array);
  return node;
}

static char *
set_and_show (const char *text,
              const char *key,
              JsonNode   *value)
{
  g_autoptr(VitrineCard) card = load (text);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) owned = value;

  g_assert_true (vitrine_card_set (card, key, owned, &error));
  g_assert_no_error (error);
  return vitrine_card_to_text (card);
}

/* A change in the form rewrites only what changed: comments on the key
 * and its items, the list's indentation and its quotes stay. */
static void
test_card_set_keeps_comments_and_indent (void)
{
  static const char text[] =
    "---\n"
    "license: mit  # chosen by legal\n"
    "tags:  # what the model is about\n"
    "  - bert   # the architecture\n"
    "  # one comment between items\n"
    "  - nlp\n"
    "language: ['en']\n"
    "datasets:\n"
    "    - \"imdb\"\n"
    "---\n"
    "Body\n";
  g_autofree char *added = set_and_show (text, "tags", list_node ("bert", "nlp", "sentiment", NULL));
  g_autofree char *inserted = set_and_show (text, "tags", list_node ("bert", "new", "nlp", NULL));
  g_autofree char *removed = set_and_show (text, "tags", list_node ("nlp", NULL));
  g_autofree char *replaced = set_and_show (text, "tags", list_node ("other", NULL));
  g_autofree char *license = set_and_show (text, "license", string_node ("apache-2.0"));
  g_autofree char *flow = set_and_show (text, "language", list_node ("en", "it's", NULL));
  g_autofree char *quoted = set_and_show (text, "datasets", list_node ("imdb", "sst2", NULL));
  g_autofree char *fresh = set_and_show (text, "base_model", list_node ("org/a", "org/b", NULL));
  g_autofree char *shape = set_and_show (text, "license", list_node ("mit", "apache-2.0", NULL));

  g_assert_cmpstr (added, ==,
                   "---\nlicense: mit  # chosen by legal\ntags:  # what the model is about\n"
                   "  - bert   # the architecture\n  # one comment between items\n  - nlp\n  - sentiment\n"
                   "language: ['en']\ndatasets:\n    - \"imdb\"\n---\nBody\n");
  g_assert_cmpstr (inserted, ==,
                   "---\nlicense: mit  # chosen by legal\ntags:  # what the model is about\n"
                   "  - bert   # the architecture\n  # one comment between items\n  - new\n  - nlp\n"
                   "language: ['en']\ndatasets:\n    - \"imdb\"\n---\nBody\n");
  /* The item goes, with its own comment; the comment between items stays. */
  g_assert_cmpstr (removed, ==,
                   "---\nlicense: mit  # chosen by legal\ntags:  # what the model is about\n"
                   "  # one comment between items\n  - nlp\n"
                   "language: ['en']\ndatasets:\n    - \"imdb\"\n---\nBody\n");
  g_assert_cmpstr (replaced, ==,
                   "---\nlicense: mit  # chosen by legal\ntags:  # what the model is about\n"
                   "  # one comment between items\n  - other\n"
                   "language: ['en']\ndatasets:\n    - \"imdb\"\n---\nBody\n");
  g_assert_cmpstr (license, ==,
                   "---\nlicense: apache-2.0  # chosen by legal\ntags:  # what the model is about\n"
                   "  - bert   # the architecture\n  # one comment between items\n  - nlp\n"
                   "language: ['en']\ndatasets:\n    - \"imdb\"\n---\nBody\n");
  /* A list on one line stays on one line, in its quotes. */
  g_assert_true (strstr (flow, "\nlanguage: ['en', 'it''s']\ndatasets:") != NULL);
  g_assert_true (strstr (quoted, "\ndatasets:\n    - \"imdb\"\n    - \"sst2\"\n---\n") != NULL);
  /* A new list is indented like the card's others. */
  g_assert_true (strstr (fresh, "base_model:\n  - org/a\n  - org/b\n") != NULL);
  /* A value of another shape is written anew, its key's comment kept. */
  g_assert_true (strstr (shape, "\nlicense:  # chosen by legal\n  - mit\n  - apache-2.0\ntags:") != NULL);

  /* Each of them still reads as what was set. */
  {
    const char *results[] = { added, inserted, removed, replaced, license, flow, quoted, fresh, shape };

    for (guint i = 0; i < G_N_ELEMENTS (results); i++)
      {
        g_autoptr(VitrineCard) card = load (results[i]);
        g_autoptr(GError) error = NULL;
        g_autoptr(JsonNode) meta = vitrine_card_get_metadata (card, &error);

        g_assert_no_error (error);
        g_assert_nonnull (meta);
      }
  }
}

static void
test_card_add_and_remove (void)
{
  g_autoptr(VitrineCard) card = load (corpus[3]);
  g_autoptr(JsonNode) tag = string_node ("text-classification");
  g_autoptr(GError) error = NULL;
  g_autofree char *added = NULL;
  g_autofree char *removed = NULL;

  g_assert_true (vitrine_card_set (card, "pipeline_tag", tag, &error));
  added = vitrine_card_to_text (card);
  g_assert_cmpstr (added, ==, "---\nlicense: apache-2.0\npipeline_tag: text-classification\n---\n");

  g_assert_true (vitrine_card_remove (card, "license", &error));
  removed = vitrine_card_to_text (card);
  g_assert_cmpstr (removed, ==, "---\npipeline_tag: text-classification\n---\n");

  /* Removing what is not there changes nothing. */
  g_assert_true (vitrine_card_remove (card, "datasets", &error));
  g_assert_no_error (error);
}

static void
test_card_without_front_matter (void)
{
  g_autoptr(VitrineCard) card = load (corpus[2]);
  g_autoptr(JsonNode) license = string_node ("mit");
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  g_assert_true (vitrine_card_set (card, "license", license, &error));
  text = vitrine_card_to_text (card);
  g_assert_cmpstr (text, ==, "---\nlicense: mit\n---\n# Just a README\n\nNo metadata here.\n");
}

static void
test_card_refused (void)
{
  g_autoptr(VitrineCard) flow = load ("---\n{license: mit, tags: [a]}\n---\nbody\n");
  g_autoptr(VitrineCard) broken = load ("---\nlicense: [mit\n---\nbody\n");
  g_autoptr(JsonNode) license = string_node ("mit");
  g_autoptr(GError) error = NULL;
  g_autofree char *flow_text = NULL;

  g_assert_false (vitrine_card_set (flow, "license", license, &error));
  g_assert_error (error, VITRINE_ERROR, VITRINE_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);
  /* Nothing was lost. */
  flow_text = vitrine_card_to_text (flow);
  g_assert_cmpstr (flow_text, ==, "---\n{license: mit, tags: [a]}\n---\nbody\n");

  g_assert_false (vitrine_card_set (broken, "license", license, &error));
  g_assert_nonnull (strstr (error->message, "line"));
  g_clear_error (&error);

  g_assert_null (vitrine_card_new_from_text ("---\nlicense: \xff\n---\n", -1, &error));
  g_assert_error (error, VITRINE_ERROR, VITRINE_ERROR_INVALID_ARGUMENT);
}

/* A safetensors file: 8 bytes of header length, the JSON header, data. */
static char *
write_safetensors (const char *dir,
                   const char *name,
                   const char *header,
                   gssize      declared)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  guint64 len = declared >= 0 ? (guint64) declared : strlen (header);
  guint8 prefix[8];

  for (int i = 0; i < 8; i++)
    prefix[i] = (len >> (8 * i)) & 0xff;
  g_byte_array_append (bytes, prefix, 8);
  g_byte_array_append (bytes, (const guint8 *) header, strlen (header));
  g_byte_array_append (bytes, (const guint8 *) "\0\0\0\0\0\0\0\0", 8);
  g_assert_true (g_file_set_contents (path, (const char *) bytes->data, bytes->len, NULL));
  return g_steal_pointer (&path);
}

static void
test_card_template (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("card-XXXXXX", &error);
  g_autofree char *weights = NULL;
  g_autofree char *config = g_build_filename (dir, "config.json", NULL);
  g_autoptr(GHashTable) per_dtype = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autofree char *card = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  const char *languages[] = { "en", "fr", NULL };
  guint64 parameters = 0;

  weights = write_safetensors (dir, "model.safetensors",
                               "{\"__metadata__\":{\"format\":\"pt\"},"
                               "\"w\":{\"dtype\":\"F32\",\"shape\":[1000,768],\"data_offsets\":[0,0]},"
                               "\"b\":{\"dtype\":\"BF16\",\"shape\":[768],\"data_offsets\":[0,0]}}", -1);
  g_assert_true (g_file_set_contents (config, "{\"model_type\":\"bert\",\"architectures\":[\"BertModel\"]}", -1, NULL));

  /* Counted from the header alone. */
  g_assert_true (vitrine_safetensors_count (weights, &parameters, per_dtype, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (parameters, ==, 768768);
  g_assert_cmpuint (*(guint64 *) g_hash_table_lookup (per_dtype, "F32"), ==, 768000);
  g_assert_cmpuint (*(guint64 *) g_hash_table_lookup (per_dtype, "BF16"), ==, 768);

  card = vitrine_card_template (dir, "apache-2.0", languages, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (card, "- **Model type:** bert"));
  g_assert_nonnull (strstr (card, "- **Parameters:** 768.8K (768768)"));
  g_assert_nonnull (strstr (card, "- **Tensor types:** BF16, F32"));
  for (guint i = 0; i < 8; i++)
    {
      const char *sections[] = { "## Model Details", "## Uses", "## Bias, Risks and Limitations",
                                 "## How to Get Started", "## Training", "## Evaluation",
                                 "## Environmental Impact", "## Citation" };
      g_assert_nonnull (strstr (card, sections[i]));
    }
  /* A new card follows the Hub's rules. */
  problems = vitrine_card_check_readme (card, strlen (card), VITRINE_REPO_TYPE_MODEL, NULL);
  g_assert_cmpuint (problems->len, ==, 0);

  g_unlink (weights);
  g_unlink (config);
  g_rmdir (dir);
}

static void
test_card_hostile_safetensors (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("card-XXXXXX", &error);
  struct {
    const char *header;
    gssize      declared;
  } cases[] = {
    { "{}", G_MAXINT64 },
    { "{\"w\":{\"dtype\":\"F32\",\"shape\":[2]}}", 1000 },
    { "{\"w\":{\"dtype\":\"F32\",\"shape\":[-1]}}", -1 },
    { "{\"w\":{\"dtype\":\"F32\",\"shape\":[4294967296,4294967296,16]}}", -1 },
    /* Each fits, their sum does not (fuzz/fuzz-safetensors.c checks it). */
    { "{\"a\":{\"dtype\":\"F32\",\"shape\":[4611686018427387904,2]},"
      "\"b\":{\"dtype\":\"BF16\",\"shape\":[4611686018427387904,2]}}", -1 },
    { "{\"w\":{\"shape\":[2]}}", -1 },
    { "not json", -1 },
    { "[1,2]", -1 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = write_safetensors (dir, "bad.safetensors", cases[i].header, cases[i].declared);
      guint64 parameters = 0;

      g_assert_false (vitrine_safetensors_count (path, &parameters, NULL, &error));
      g_assert_error (error, VITRINE_ERROR, VITRINE_ERROR_INVALID_ARGUMENT);
      g_clear_error (&error);
      g_unlink (path);
    }
  g_rmdir (dir);
}

/* Values are written bare only when they read back as the same string. */
static void
test_card_set_quotes_when_needed (void)
{
  static const char * const values[] = {
    "apache-2.0", "yes", "No", "null", "2024-01-01", "3", "a: b", "#x", "x #y", "trailing ",
    "- dash", "été", "google-bert/bert-base-uncased", "Apache License 2.0", "*alias", "&anchor", "",
  };
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    {
      VitrineCard *c = vitrine_card_new_from_text ("---\nlicense: mit\n---\nBody\n", -1, &error);
      g_autoptr(JsonNode) value = json_node_init_string (json_node_alloc (), values[i]);
      g_autoptr(JsonNode) meta = NULL;
      g_autofree char *text = NULL;
      VitrineCard *again;

      g_assert_no_error (error);
      g_assert_true (vitrine_card_set (c, "tag", value, &error));
      text = vitrine_card_to_text (c);
      again = vitrine_card_new_from_text (text, -1, &error);
      g_assert_no_error (error);
      meta = vitrine_card_get_metadata (again, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (json_object_get_string_member (json_node_get_object (meta), "tag"), ==, values[i]);
      vitrine_card_free (again);
      vitrine_card_free (c);
    }
}

/* New keys go where people look for them: license_name under license,
 * everything before the evaluation results. */
static void
test_card_set_new_key_place (void)
{
  g_autoptr(GError) error = NULL;
  VitrineCard *c = vitrine_card_new_from_text ("---\nlicense: other\n# results\nmodel-index:\n- name: m\n---\nBody\n",
                                               -1, &error);
  g_autoptr(JsonNode) name = json_node_init_string (json_node_alloc (), "my-license");
  g_autoptr(JsonNode) tag = json_node_init_string (json_node_alloc (), "custom");
  g_autofree char *text = NULL;

  g_assert_no_error (error);
  g_assert_true (vitrine_card_set (c, "license_name", name, &error));
  g_assert_true (vitrine_card_set (c, "thumbnail", tag, &error));
  text = vitrine_card_to_text (c);
  /* The comment above model-index stays with it. */
  g_assert_cmpstr (text, ==, "---\nlicense: other\nlicense_name: my-license\nthumbnail: custom\n# results\n"
                             "model-index:\n- name: m\n---\nBody\n");
  vitrine_card_free (c);
}

/* The managed keys, typed: strings, and lists that also take one string. */
static void
test_card_typed_metadata (void)
{
  g_autoptr(GError) error = NULL;
  VitrineCard *c = vitrine_card_new_from_text ("---\nlicense: mit\nlanguage: en\ntags: [a, 3, b]\n"
                                               "datasets: {not: a list}\npipeline_tag: [x]\n"
                                               "base_model:\n- org/one\n- org/two\n---\n", -1, &error);
  g_autoptr(JsonNode) json = vitrine_card_get_metadata (c, &error);
  g_autoptr(VitrineCardMetadata) meta = vitrine_card_metadata_new_from_json (json);
  g_autoptr(VitrineCardMetadata) none = vitrine_card_metadata_new_from_json (NULL);
  const char * const en[] = { "en", NULL };
  const char * const tags[] = { "a", "b", NULL };
  const char * const bases[] = { "org/one", "org/two", NULL };

  g_assert_no_error (error);
  g_assert_cmpstr (meta->license, ==, "mit");
  g_assert_null (meta->license_name);
  g_assert_true (g_strv_equal ((const char * const *) meta->languages, en));
  g_assert_true (g_strv_equal ((const char * const *) meta->tags, tags));
  g_assert_true (g_strv_equal ((const char * const *) meta->base_models, bases));
  /* Wrong shapes read as absent. */
  g_assert_null (meta->datasets);
  g_assert_null (meta->pipeline_tag);
  g_assert_null (none->license);
  g_assert_null (none->tags);
  vitrine_card_free (c);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/hub/card/typed-metadata", test_card_typed_metadata);
  g_test_add_func ("/hub/card/set-new-key-place", test_card_set_new_key_place);
  g_test_add_func ("/hub/card/set-quotes-when-needed", test_card_set_quotes_when_needed);
  g_test_add_func ("/hub/card/roundtrip", test_card_roundtrip);
  g_test_add_func ("/hub/card/set-keeps-the-rest", test_card_set_keeps_the_rest);
  g_test_add_func ("/hub/card/set-block-list", test_card_set_block_list);
  g_test_add_func ("/hub/card/set-keeps-comments-and-indent", test_card_set_keeps_comments_and_indent);
  g_test_add_func ("/hub/card/add-and-remove", test_card_add_and_remove);
  g_test_add_func ("/hub/card/without-front-matter", test_card_without_front_matter);
  g_test_add_func ("/hub/card/refused", test_card_refused);
  g_test_add_func ("/hub/card/template", test_card_template);
  g_test_add_func ("/hub/card/hostile-safetensors", test_card_hostile_safetensors);

  return g_test_run ();
}
