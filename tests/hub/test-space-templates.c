/* test-space-templates.c — a new Space that shows a model: the right app
 * for its task, code Python reads, a README that says how it runs
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <glib/gstdio.h>

#include "vitrine-card.h"
#include "vitrine-json.h"
#include "vitrine-repo-id.h"
#include "vitrine-space-templates.h"
#include "../test-util.h"

static const char *
file_text (GPtrArray  *files,
           const char *path)
{
  for (guint i = 0; i < files->len; i++)
    {
      VitrineSpaceFile *file = g_ptr_array_index (files, i);

      if (g_strcmp0 (file->path, path) == 0)
        return file->contents;
    }
  return NULL;
}

static char **
file_paths (GPtrArray *files)
{
  GStrvBuilder *builder = g_strv_builder_new ();
  char **paths;

  for (guint i = 0; i < files->len; i++)
    g_strv_builder_add (builder, ((VitrineSpaceFile *) g_ptr_array_index (files, i))->path);
  paths = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);
  return paths;
}

/* The README's front matter, as JSON. */
static JsonObject *
front_matter (GPtrArray *files)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VitrineCard) card = vitrine_card_new_from_text (file_text (files, "README.md"), -1, &error);
  g_autoptr(JsonNode) metadata = NULL;

  g_assert_no_error (error);
  metadata = vitrine_card_get_metadata (card, &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (metadata));
  return json_object_ref (json_node_get_object (metadata));
}

/* What Python itself makes of app.py: that it parses, the task and model
 * of its pipeline, and the title of its Interface, as "task|model|title". */
static char *
python_reads (const char *app)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("space-template-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "app.py", NULL);
  g_autoptr(GSubprocess) python = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  static const char script[] =
    "import ast, sys\n"
    "tree = ast.parse(open(sys.argv[1], encoding='utf-8').read())\n"
    "task = model = title = None\n"
    "for node in ast.walk(tree):\n"
    "    if isinstance(node, ast.Call) and getattr(node.func, 'id', None) == 'pipeline':\n"
    "        task = node.args[0].value\n"
    "        model = [k.value.value for k in node.keywords if k.arg == 'model'][0]\n"
    "    if isinstance(node, ast.Call) and getattr(node.func, 'attr', None) == 'Interface':\n"
    "        title = [k.value.value for k in node.keywords if k.arg == 'title'][0]\n"
    "sys.stdout.write('%s|%s|%s' % (task, model, title))\n";

  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (path, app, -1, &error));
  python = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE, &error,
                             "python3", "-c", script, path, NULL);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_communicate_utf8 (python, NULL, NULL, &out, &err, &error));
  g_assert_no_error (error);
  if (!g_subprocess_get_successful (python))
    g_error ("Python could not read app.py: %s\n%s", err, app);
  g_unlink (path);
  g_rmdir (dir);
  return g_steal_pointer (&out);
}

static void
test_for_pipeline (void)
{
  g_assert_cmpint (vitrine_space_template_for_pipeline ("text-classification"), ==,
                   VITRINE_SPACE_TEMPLATE_TEXT_CLASSIFICATION);
  g_assert_cmpint (vitrine_space_template_for_pipeline ("text-generation"), ==,
                   VITRINE_SPACE_TEMPLATE_TEXT_GENERATION);
  g_assert_cmpint (vitrine_space_template_for_pipeline ("image-classification"), ==,
                   VITRINE_SPACE_TEMPLATE_IMAGE_CLASSIFICATION);
  g_assert_cmpint (vitrine_space_template_for_pipeline ("automatic-speech-recognition"), ==,
                   VITRINE_SPACE_TEMPLATE_STATIC);
  g_assert_cmpint (vitrine_space_template_for_pipeline (NULL), ==, VITRINE_SPACE_TEMPLATE_STATIC);

  g_assert_cmpstr (vitrine_space_template_get_sdk (VITRINE_SPACE_TEMPLATE_STATIC), ==, "static");
  g_assert_cmpstr (vitrine_space_template_get_app_file (VITRINE_SPACE_TEMPLATE_STATIC), ==, "index.html");
  for (guint t = VITRINE_SPACE_TEMPLATE_TEXT_CLASSIFICATION; t < VITRINE_SPACE_TEMPLATE_COUNT; t++)
    {
      g_assert_cmpstr (vitrine_space_template_get_sdk (t), ==, "gradio");
      g_assert_cmpstr (vitrine_space_template_get_app_file (t), ==, "app.py");
      g_assert_nonnull (vitrine_space_template_get_label (t));
    }
}

static void
test_names (void)
{
  g_autofree char *title = vitrine_space_template_title ("alice/bert_imdb-small");
  g_autofree char *id = vitrine_space_template_default_id ("bob", "alice/bert-imdb");
  g_autofree char *long_name = g_strnfill (VITRINE_REPO_NAME_MAX_LENGTH, 'x');
  g_autofree char *long_model = g_strdup_printf ("alice/%s", long_name);
  g_autofree char *long_id = vitrine_space_template_default_id ("bob", long_model);
  g_autofree char *ns = NULL;
  g_autofree char *name = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpstr (title, ==, "Bert Imdb Small");
  g_assert_cmpstr (id, ==, "bob/bert-imdb-demo");
  /* Still a name the Hub takes. */
  g_assert_true (vitrine_repo_id_parse (long_id, &ns, &name, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (strlen (name), ==, VITRINE_REPO_NAME_MAX_LENGTH);
  g_assert_true (g_str_has_suffix (name, "-demo"));
}

/* The seed's app: a sentiment-analysis pipeline on the model, in Gradio. */
static void
test_text_classification (void)
{
  VitrineSpaceModel model = { .model_id = "alice/bert-imdb", .pipeline_tag = "text-classification",
                              .model_url = "https://huggingface.co/alice/bert-imdb" };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) files = vitrine_space_template_render (VITRINE_SPACE_TEMPLATE_TEXT_CLASSIFICATION,
                                                              &model, &error);
  g_auto(GStrv) paths = NULL;
  g_autoptr(JsonObject) meta = NULL;
  g_autofree char *read = NULL;
  const char *app;
  JsonArray *models;

  g_assert_no_error (error);
  paths = file_paths (files);
  g_assert_cmpstrv (paths, ((const char * const []) { "app.py", "requirements.txt", "README.md", NULL }));

  app = file_text (files, "app.py");
  g_assert_nonnull (strstr (app, "pipeline(\"sentiment-analysis\", model=\"alice/bert-imdb\")"));
  g_assert_nonnull (strstr (app, "import gradio as gr"));
  g_assert_nonnull (strstr (app, ".launch()"));
  read = python_reads (app);
  g_assert_cmpstr (read, ==, "sentiment-analysis|alice/bert-imdb|Bert Imdb");

  g_assert_nonnull (strstr (file_text (files, "requirements.txt"), "gradio\n"));
  g_assert_nonnull (strstr (file_text (files, "requirements.txt"), "transformers\n"));

  meta = front_matter (files);
  g_assert_cmpstr (vitrine_json_string (meta, "sdk"), ==, "gradio");
  g_assert_cmpstr (vitrine_json_string (meta, "app_file"), ==, "app.py");
  g_assert_cmpstr (vitrine_json_string (meta, "title"), ==, "Bert Imdb");
  g_assert_cmpstr (vitrine_json_string (meta, "emoji"), ==, "💬");
  models = json_object_get_array_member (meta, "models");
  g_assert_cmpuint (json_array_get_length (models), ==, 1);
  g_assert_cmpstr (json_array_get_string_element (models, 0), ==, "alice/bert-imdb");
  g_assert_nonnull (strstr (file_text (files, "README.md"),
                            "[alice/bert-imdb](https://huggingface.co/alice/bert-imdb)"));
}

static void
test_gradio_templates (void)
{
  static const struct {
    VitrineSpaceTemplate template_;
    const char *task;
    const char *requirement;
  } cases[] = {
    { VITRINE_SPACE_TEMPLATE_TEXT_GENERATION, "text-generation", "torch\n" },
    { VITRINE_SPACE_TEMPLATE_IMAGE_CLASSIFICATION, "image-classification", "pillow\n" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      VitrineSpaceModel model = { .model_id = "team/tiny.model_v2" };
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) files = vitrine_space_template_render (cases[i].template_, &model, &error);
      g_autoptr(JsonObject) meta = NULL;
      g_autofree char *read = NULL;
      g_autofree char *want = g_strdup_printf ("%s|team/tiny.model_v2|Tiny Model V2", cases[i].task);

      g_assert_no_error (error);
      read = python_reads (file_text (files, "app.py"));
      g_assert_cmpstr (read, ==, want);
      g_assert_nonnull (strstr (file_text (files, "requirements.txt"), cases[i].requirement));
      meta = front_matter (files);
      g_assert_cmpstr (vitrine_json_string (meta, "sdk"), ==, "gradio");
      g_assert_cmpstr (vitrine_json_string (meta, "app_file"), ==, "app.py");
      g_assert_cmpstr (json_array_get_string_element (json_object_get_array_member (meta, "models"), 0), ==,
                       "team/tiny.model_v2");
    }
}

/* A title the user typed lands in Python and YAML as the very string
 * typed, whatever quotes or backslashes it holds, on one line. */
static void
test_hostile_title (void)
{
  static const char title[] = "Bob's \"demo\" \\ \"); import os; os.system(\"x\") #\nnext line";
  VitrineSpaceModel model = { .model_id = "alice/bert-imdb", .title = title };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) files = vitrine_space_template_render (VITRINE_SPACE_TEMPLATE_TEXT_CLASSIFICATION,
                                                              &model, &error);
  g_autoptr(JsonObject) meta = NULL;
  g_autofree char *read = NULL;
  g_autofree char *one_line = g_strdup (title);
  g_autofree char *want = NULL;

  g_assert_no_error (error);
  g_strdelimit (one_line, "\n", ' ');
  want = g_strdup_printf ("sentiment-analysis|alice/bert-imdb|%s", one_line);
  read = python_reads (file_text (files, "app.py"));
  g_assert_cmpstr (read, ==, want);
  meta = front_matter (files);
  g_assert_cmpstr (vitrine_json_string (meta, "title"), ==, one_line);

  /* A model id that is none is refused before anything is made. */
  model.model_id = "alice/\"); import os #";
  g_assert_null (vitrine_space_template_render (VITRINE_SPACE_TEMPLATE_TEXT_CLASSIFICATION, &model, &error));
  g_assert_nonnull (error);
}

/* A page that describes the model from its card, with nothing to load
 * and nothing to run. */
static void
test_static_page (void)
{
  g_autoptr(JsonNode) card_data = json_from_string ("{\"license\": \"apache-2.0\", \"language\": [\"en\", \"fr\"],"
                                                    " \"library_name\": \"transformers\","
                                                    " \"tags\": [\"<script>document.title='ran'</script>\", \"audio\"],"
                                                    " \"datasets\": \"librispeech\"}", NULL);
  VitrineSpaceModel model = {
    .model_id = "alice/whisper-tiny-fr",
    .pipeline_tag = "automatic-speech-recognition",
    .card_data = json_node_get_object (card_data),
    .card_body = "# Whisper Tiny FR\n\nTranscribes **French**.\n\n"
                 "<img src=\"https://example.org/x.png\" onerror=\"document.title='ran'\">\n\n"
                 "[docs](javascript:alert(1))\n",
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) files = vitrine_space_template_render (VITRINE_SPACE_TEMPLATE_STATIC, &model, &error);
  g_auto(GStrv) paths = NULL;
  g_autoptr(JsonObject) meta = NULL;
  const char *page;

  g_assert_no_error (error);
  paths = file_paths (files);
  /* No code, so nothing to install. */
  g_assert_cmpstrv (paths, ((const char * const []) { "index.html", "README.md", NULL }));

  page = file_text (files, "index.html");
  g_assert_nonnull (strstr (page, "<h1 id=\"title\">Whisper Tiny Fr</h1>"));
  g_assert_nonnull (strstr (page, "<p id=\"model\">alice/whisper-tiny-fr</p>"));
  g_assert_nonnull (strstr (page, "<td data-key=\"pipeline_tag\">automatic-speech-recognition</td>"));
  g_assert_nonnull (strstr (page, "<td data-key=\"license\">apache-2.0</td>"));
  g_assert_nonnull (strstr (page, "<span class=\"chip\">fr</span>"));
  g_assert_nonnull (strstr (page, "<td data-key=\"datasets\">librispeech</td>"));
  g_assert_nonnull (strstr (page, "<strong>French</strong>"));
  /* Nothing from the card becomes markup, and nothing loads or runs. */
  g_assert_nonnull (strstr (page, "&lt;script&gt;"));
  g_assert_null (strstr (page, "<script"));
  g_assert_null (strstr (page, "onerror"));
  g_assert_null (strstr (page, "javascript:"));
  g_assert_null (strstr (page, "src="));
  g_assert_null (strstr (page, "<link"));
  g_assert_null (strstr (page, "@import"));
  /* Without an address to see the model at, no link to it. */
  g_assert_null (strstr (page, "model-link"));

  meta = front_matter (files);
  g_assert_cmpstr (vitrine_json_string (meta, "sdk"), ==, "static");
  g_assert_cmpstr (vitrine_json_string (meta, "app_file"), ==, "index.html");
  g_assert_cmpstr (vitrine_json_string (meta, "emoji"), ==, "📄");
  g_assert_cmpstr (json_array_get_string_element (json_object_get_array_member (meta, "models"), 0), ==,
                   "alice/whisper-tiny-fr");
}

static void
test_write (void)
{
  VitrineSpaceModel model = { .model_id = "alice/bert-imdb" };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) files = vitrine_space_template_render (VITRINE_SPACE_TEMPLATE_TEXT_CLASSIFICATION,
                                                              &model, &error);
  g_autofree char *tmp = g_dir_make_tmp ("space-write-XXXXXX", &error);
  g_autofree char *folder = g_build_filename (tmp, "new", "space", NULL);
  g_autofree char *outside = g_build_filename (tmp, "new", "evil", NULL);

  g_assert_no_error (error);
  g_assert_true (vitrine_space_files_write (files, folder, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < files->len; i++)
    {
      VitrineSpaceFile *file = g_ptr_array_index (files, i);
      g_autofree char *path = g_build_filename (folder, file->path, NULL);
      g_autofree char *text = NULL;

      g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
      g_assert_cmpstr (text, ==, file->contents);
    }

  /* A path that leads out of the folder is refused. */
  g_ptr_array_add (files, vitrine_space_file_new ("../evil", "x"));
  g_assert_false (vitrine_space_files_write (files, folder, &error));
  g_assert_nonnull (error);
  g_assert_false (g_file_test (outside, G_FILE_TEST_EXISTS));

  test_rm_rf (tmp);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/hub/space-templates/for-pipeline", test_for_pipeline);
  g_test_add_func ("/hub/space-templates/names", test_names);
  g_test_add_func ("/hub/space-templates/text-classification", test_text_classification);
  g_test_add_func ("/hub/space-templates/gradio", test_gradio_templates);
  g_test_add_func ("/hub/space-templates/hostile-title", test_hostile_title);
  g_test_add_func ("/hub/space-templates/static-page", test_static_page);
  g_test_add_func ("/hub/space-templates/write", test_write);
  return g_test_run ();
}
