/* vitrine-space-templates.c — the files of a new Space that shows a model
 *
 * A template is chosen by the model's task (its pipeline tag): a Gradio
 * app for the tasks the transformers pipeline serves in a few lines, and
 * otherwise a static page that says what the model is and works with no
 * network at all.  Each writes its app (app.py or index.html), the
 * packages the app needs (requirements.txt, Gradio apps only) and a README
 * whose front matter says how the Space runs (sdk, app_file) and which
 * model it shows (models).  Everything that comes from the model or the
 * user is quoted for the language it lands in: Python, YAML or HTML.
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

#include "vitrine-error.h"
#include "vitrine-json.h"
#include "vitrine-markdown.h"
#include "vitrine-path.h"
#include "vitrine-repo-id.h"
#include "vitrine-space-templates.h"

static const struct {
  const char *sdk;
  const char *app_file;
  const char *emoji;
  const char *label;
} templates[VITRINE_SPACE_TEMPLATE_COUNT] = {
  [VITRINE_SPACE_TEMPLATE_STATIC] = { "static", "index.html", "📄", N_("Page About the Model") },
  [VITRINE_SPACE_TEMPLATE_TEXT_CLASSIFICATION] = { "gradio", "app.py", "💬", N_("Text Classification") },
  [VITRINE_SPACE_TEMPLATE_TEXT_GENERATION] = { "gradio", "app.py", "✍️", N_("Text Generation") },
  [VITRINE_SPACE_TEMPLATE_IMAGE_CLASSIFICATION] = { "gradio", "app.py", "🖼️", N_("Image Classification") },
};

/**
 * vitrine_space_template_for_pipeline:
 * @pipeline_tag: (nullable): the model's task
 *
 * Returns: the template that shows a model of this task best
 */
VitrineSpaceTemplate
vitrine_space_template_for_pipeline (const char *pipeline_tag)
{
  if (g_strcmp0 (pipeline_tag, "text-classification") == 0)
    return VITRINE_SPACE_TEMPLATE_TEXT_CLASSIFICATION;
  if (g_strcmp0 (pipeline_tag, "text-generation") == 0)
    return VITRINE_SPACE_TEMPLATE_TEXT_GENERATION;
  if (g_strcmp0 (pipeline_tag, "image-classification") == 0)
    return VITRINE_SPACE_TEMPLATE_IMAGE_CLASSIFICATION;
  return VITRINE_SPACE_TEMPLATE_STATIC;
}

/* Returns: the Space's `sdk`: `gradio` or `static` */
const char *
vitrine_space_template_get_sdk (VitrineSpaceTemplate template_)
{
  g_return_val_if_fail (template_ < VITRINE_SPACE_TEMPLATE_COUNT, NULL);
  return templates[template_].sdk;
}

/* Returns: the Space's `app_file` */
const char *
vitrine_space_template_get_app_file (VitrineSpaceTemplate template_)
{
  g_return_val_if_fail (template_ < VITRINE_SPACE_TEMPLATE_COUNT, NULL);
  return templates[template_].app_file;
}

/* Returns: what the template makes, for people, translated */
const char *
vitrine_space_template_get_label (VitrineSpaceTemplate template_)
{
  g_return_val_if_fail (template_ < VITRINE_SPACE_TEMPLATE_COUNT, NULL);
  return _(templates[template_].label);
}

/**
 * vitrine_space_template_title:
 * @model_id: `namespace/name`
 *
 * A title for a Space that shows @model_id: the model's name in words,
 * "bert-imdb" as "Bert Imdb".
 *
 * Returns: (transfer full): the title
 */
char *
vitrine_space_template_title (const char *model_id)
{
  const char *slash = strrchr (model_id, '/');
  g_autofree char *name = g_strdup (slash != NULL ? slash + 1 : model_id);
  GString *title = g_string_new (NULL);
  gboolean start = TRUE;

  g_strdelimit (name, "-_.", ' ');
  for (const char *p = name; *p != '\0'; p++)
    {
      if (*p == ' ')
        {
          if (!start)
            g_string_append_c (title, ' ');
          start = TRUE;
          continue;
        }
      g_string_append_c (title, start ? g_ascii_toupper (*p) : *p);
      start = FALSE;
    }
  if (title->len > 0 && title->str[title->len - 1] == ' ')
    g_string_truncate (title, title->len - 1);
  if (title->len == 0)
    g_string_append (title, model_id);
  return g_string_free (title, FALSE);
}

/**
 * vitrine_space_template_default_id:
 * @owner: the user's name on the hub
 * @model_id: the model's id
 *
 * The id a Space that shows @model_id gets unless the user names it:
 * `owner/name-demo`, within the Hub's length limit.
 *
 * Returns: (transfer full): the id
 */
char *
vitrine_space_template_default_id (const char *owner,
                                   const char *model_id)
{
  const char *slash = strrchr (model_id, '/');
  g_autofree char *name = g_strdup (slash != NULL ? slash + 1 : model_id);
  static const char suffix[] = "-demo";

  if (strlen (name) + strlen (suffix) > VITRINE_REPO_NAME_MAX_LENGTH)
    name[VITRINE_REPO_NAME_MAX_LENGTH - strlen (suffix)] = '\0';
  return g_strdup_printf ("%s/%s%s", owner, name, suffix);
}

/* ---- Quoting ---------------------------------------------------------- */

/* A string literal for Python or YAML (both read these escapes in double
 * quotes); non-ASCII characters stay as they are, both read UTF-8. */
static void
append_quoted (GString    *out,
               const char *text)
{
  g_string_append_c (out, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      guchar c = *p;

      if (c == '"' || c == '\\')
        g_string_append_printf (out, "\\%c", c);
      else if (c == '\n')
        g_string_append (out, "\\n");
      else if (c == '\t')
        g_string_append (out, "\\t");
      else if (c < 0x20 || c == 0x7f)
        g_string_append_printf (out, "\\x%02x", c);
      else
        g_string_append_c (out, c);
    }
  g_string_append_c (out, '"');
}

static char *
quoted (const char *text)
{
  GString *out = g_string_new (NULL);

  append_quoted (out, text);
  return g_string_free (out, FALSE);
}

static void
append_html (GString    *out,
             const char *text)
{
  g_autofree char *escaped = g_markup_escape_text (text, -1);

  g_string_append (out, escaped);
}

/* ---- The files -------------------------------------------------------- */

VitrineSpaceFile *
vitrine_space_file_new (const char *path,
                        const char *contents)
{
  VitrineSpaceFile *file = g_new0 (VitrineSpaceFile, 1);

  file->path = g_strdup (path);
  file->contents = g_strdup (contents);
  return file;
}

void
vitrine_space_file_free (VitrineSpaceFile *file)
{
  if (file == NULL)
    return;
  g_free (file->path);
  g_free (file->contents);
  g_free (file);
}

static char *
readme (VitrineSpaceTemplate     template_,
        const VitrineSpaceModel *model,
        const char              *title)
{
  GString *out = g_string_new ("---\ntitle: ");
  g_autofree char *short_description = NULL;
  g_autofree char *link = NULL;

  append_quoted (out, title);
  g_string_append (out, "\nemoji: ");
  append_quoted (out, templates[template_].emoji);
  g_string_append_printf (out, "\ncolorFrom: blue\ncolorTo: purple\nsdk: %s\napp_file: %s\n",
                          templates[template_].sdk, templates[template_].app_file);
  g_string_append (out, "pinned: false\nmodels:\n- ");
  append_quoted (out, model->model_id);
  /* Translators: the Space's short description; %s is a model's id. */
  short_description = g_strdup_printf (_("A demo of %s"), model->model_id);
  g_string_append (out, "\nshort_description: ");
  append_quoted (out, short_description);
  g_string_append (out, "\n---\n\n# ");
  g_string_append (out, title);
  g_string_append (out, "\n\n");
  if (model->model_url != NULL && strpbrk (model->model_url, " ()<>") == NULL &&
      (g_str_has_prefix (model->model_url, "https://") || g_str_has_prefix (model->model_url, "http://")))
    link = g_strdup_printf ("[%s](%s)", model->model_id, model->model_url);
  else
    link = g_strdup_printf ("`%s`", model->model_id);
  /* Translators: the first line of a new Space's README; %s is a model's
   * id, in Markdown. */
  g_string_append_printf (out, _("A demo of the model %s, made with Vitrine."), link);
  g_string_append_c (out, '\n');
  return g_string_free (out, FALSE);
}

static const char text_classification_app[] =
  "import gradio as gr\n"
  "from transformers import pipeline\n"
  "\n"
  "# The model is fetched from the hub HF_ENDPOINT names (huggingface.co\n"
  "# when it is not set), the first time the app starts.\n"
  "classifier = pipeline(\"sentiment-analysis\", model=@MODEL@)\n"
  "\n"
  "\n"
  "def analyze_sentiment(text):\n"
  "    results = classifier(text, top_k=None)\n"
  "    return {result[\"label\"]: result[\"score\"] for result in results}\n"
  "\n"
  "\n"
  "demo = gr.Interface(\n"
  "    fn=analyze_sentiment,\n"
  "    inputs=gr.Textbox(label=\"Text\", lines=3),\n"
  "    outputs=gr.Label(label=\"Sentiment\"),\n"
  "    title=@TITLE@,\n"
  "    examples=[\"I loved every minute of it.\", \"What a waste of an evening.\"],\n"
  ")\n"
  "\n"
  "demo.launch()\n";

static const char text_generation_app[] =
  "import gradio as gr\n"
  "from transformers import pipeline\n"
  "\n"
  "# The model is fetched from the hub HF_ENDPOINT names (huggingface.co\n"
  "# when it is not set), the first time the app starts.\n"
  "generator = pipeline(\"text-generation\", model=@MODEL@)\n"
  "\n"
  "\n"
  "def generate(prompt, new_tokens):\n"
  "    outputs = generator(prompt, max_new_tokens=int(new_tokens), do_sample=True)\n"
  "    return outputs[0][\"generated_text\"]\n"
  "\n"
  "\n"
  "demo = gr.Interface(\n"
  "    fn=generate,\n"
  "    inputs=[\n"
  "        gr.Textbox(label=\"Prompt\", lines=4),\n"
  "        gr.Slider(1, 256, value=64, step=1, label=\"New tokens\"),\n"
  "    ],\n"
  "    outputs=gr.Textbox(label=\"Text\", lines=8),\n"
  "    title=@TITLE@,\n"
  "    examples=[[\"Once upon a time\", 64]],\n"
  ")\n"
  "\n"
  "demo.launch()\n";

static const char image_classification_app[] =
  "import gradio as gr\n"
  "from transformers import pipeline\n"
  "\n"
  "# The model is fetched from the hub HF_ENDPOINT names (huggingface.co\n"
  "# when it is not set), the first time the app starts.\n"
  "classifier = pipeline(\"image-classification\", model=@MODEL@)\n"
  "\n"
  "\n"
  "def classify(image):\n"
  "    if image is None:\n"
  "        return {}\n"
  "    return {result[\"label\"]: result[\"score\"] for result in classifier(image)}\n"
  "\n"
  "\n"
  "demo = gr.Interface(\n"
  "    fn=classify,\n"
  "    inputs=gr.Image(type=\"pil\", label=\"Image\"),\n"
  "    outputs=gr.Label(label=\"Labels\", num_top_classes=5),\n"
  "    title=@TITLE@,\n"
  ")\n"
  "\n"
  "demo.launch()\n";

static char *
gradio_app (const char              *source,
            const VitrineSpaceModel *model,
            const char              *title)
{
  g_autoptr(GString) out = g_string_new (source);
  g_autofree char *model_literal = quoted (model->model_id);
  g_autofree char *title_literal = quoted (title);

  g_string_replace (out, "@MODEL@", model_literal, 0);
  g_string_replace (out, "@TITLE@", title_literal, 0);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static const char requirements[] =
  "gradio\n"
  "transformers\n"
  "torch\n";

static const char image_requirements[] =
  "gradio\n"
  "transformers\n"
  "torch\n"
  "pillow\n";

/* A row of the page's table: a key of the card's metadata, a string or a
 * list of strings. */
static void
append_fact (GString    *out,
             const char *label,
             JsonObject *card_data,
             const char *key,
             const char *value)
{
  JsonNode *node = value == NULL && card_data != NULL ? json_object_get_member (card_data, key) : NULL;
  gboolean any = FALSE;

  if (value == NULL && node == NULL)
    return;
  g_string_append (out, "      <tr><th>");
  append_html (out, label);
  g_string_append_printf (out, "</th><td data-key=\"%s\">", key);
  if (value != NULL)
    {
      append_html (out, value);
      any = TRUE;
    }
  else if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    {
      append_html (out, json_node_get_string (node));
      any = TRUE;
    }
  else if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array) && i < 64; i++)
        {
          JsonNode *item = json_array_get_element (array, i);

          if (!JSON_NODE_HOLDS_VALUE (item) || json_node_get_value_type (item) != G_TYPE_STRING)
            continue;
          g_string_append (out, "<span class=\"chip\">");
          append_html (out, json_node_get_string (item));
          g_string_append (out, "</span> ");
          any = TRUE;
        }
    }
  if (!any)
    g_string_append (out, "—");
  g_string_append (out, "</td></tr>\n");
}

static const char page_style[] =
  "    :root { color-scheme: light dark; --fg: #1e1e1e; --bg: #fafafa; --card: #ffffff;\n"
  "            --dim: #5e5c64; --accent: #3584e4; --line: #deddda; }\n"
  "    @media (prefers-color-scheme: dark) {\n"
  "      :root { --fg: #ffffff; --bg: #242424; --card: #303030; --dim: #c0bfbc;\n"
  "              --accent: #78aeed; --line: #4a4a4a; } }\n"
  "    body { font-family: Cantarell, system-ui, sans-serif; margin: 0; padding: 2rem 1rem;\n"
  "           background: var(--bg); color: var(--fg); line-height: 1.5; }\n"
  "    main { max-width: 48rem; margin: 0 auto; }\n"
  "    header h1 { margin: 0; font-size: 2rem; }\n"
  "    header p { margin: .25rem 0 1.5rem; color: var(--dim); font-family: monospace; }\n"
  "    section { background: var(--card); border: 1px solid var(--line); border-radius: 12px;\n"
  "              padding: 1rem 1.5rem; margin-bottom: 1.5rem; }\n"
  "    table { border-collapse: collapse; width: 100%; }\n"
  "    th { text-align: left; color: var(--dim); font-weight: normal; padding: .25rem 1rem .25rem 0;\n"
  "         width: 10rem; vertical-align: top; }\n"
  "    td { padding: .25rem 0; }\n"
  "    .chip { display: inline-block; border: 1px solid var(--line); border-radius: 1rem;\n"
  "            padding: 0 .6rem; margin: 0 .2rem .2rem 0; font-size: .9em; }\n"
  "    a { color: var(--accent); }\n"
  "    pre { overflow-x: auto; }\n"
  "    img { max-width: 100%; }\n";

static char *
static_page (const VitrineSpaceModel *model,
             const char              *title)
{
  GString *out = g_string_new ("<!DOCTYPE html>\n<html>\n<head>\n  <meta charset=\"utf-8\">\n"
                               "  <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                               "  <title>");

  append_html (out, title);
  g_string_append (out, "</title>\n  <style>\n");
  g_string_append (out, page_style);
  g_string_append (out, "  </style>\n</head>\n<body>\n<main>\n  <header>\n    <h1 id=\"title\">");
  append_html (out, title);
  g_string_append (out, "</h1>\n    <p id=\"model\">");
  append_html (out, model->model_id);
  g_string_append (out, "</p>\n  </header>\n  <section id=\"facts\">\n    <table>\n");
  append_fact (out, _("Task"), model->card_data, "pipeline_tag", model->pipeline_tag);
  append_fact (out, _("Library"), model->card_data, "library_name", NULL);
  append_fact (out, _("License"), model->card_data, "license", NULL);
  append_fact (out, _("Languages"), model->card_data, "language", NULL);
  append_fact (out, _("Trained From"), model->card_data, "base_model", NULL);
  append_fact (out, _("Datasets"), model->card_data, "datasets", NULL);
  append_fact (out, _("Tags"), model->card_data, "tags", NULL);
  g_string_append (out, "    </table>\n");
  if (model->model_url != NULL &&
      (g_str_has_prefix (model->model_url, "https://") || g_str_has_prefix (model->model_url, "http://")))
    {
      g_string_append (out, "    <p><a id=\"model-link\" href=\"");
      append_html (out, model->model_url);
      g_string_append (out, "\">");
      append_html (out, _("See the model"));
      g_string_append (out, "</a></p>\n");
    }
  g_string_append (out, "  </section>\n");
  if (model->card_body != NULL && *model->card_body != '\0')
    {
      g_autofree char *body = vitrine_markdown_to_plain_html (model->card_body, -1);

      g_string_append (out, "  <section id=\"card\">\n");
      g_string_append (out, body);
      g_string_append (out, "  </section>\n");
    }
  g_string_append (out, "</main>\n</body>\n</html>\n");
  return g_string_free (out, FALSE);
}

/**
 * vitrine_space_template_render:
 * @template_: what the Space does
 * @model: the model it shows
 *
 * The files of a new Space that shows @model: its app, the packages it
 * needs and its README.
 *
 * Returns: (transfer full) (element-type VitrineSpaceFile): the files, in
 *   the order people read them; %NULL when @model's id is none
 */
GPtrArray *
vitrine_space_template_render (VitrineSpaceTemplate      template_,
                               const VitrineSpaceModel  *model,
                               GError                  **error)
{
  g_autoptr(GPtrArray) files = NULL;
  g_autofree char *title = NULL;
  g_autofree char *app = NULL;
  g_autofree char *text = NULL;

  g_return_val_if_fail (template_ < VITRINE_SPACE_TEMPLATE_COUNT, NULL);
  g_return_val_if_fail (model != NULL && model->model_id != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!vitrine_repo_id_parse (model->model_id, NULL, NULL, error))
    return NULL;

  title = model->title != NULL && *model->title != '\0' ? g_strstrip (g_strdup (model->title))
                                                         : vitrine_space_template_title (model->model_id);
  /* One line: the title is a YAML scalar and a Markdown heading. */
  g_strdelimit (title, "\r\n", ' ');
  files = g_ptr_array_new_with_free_func ((GDestroyNotify) vitrine_space_file_free);

  switch (template_)
    {
    case VITRINE_SPACE_TEMPLATE_STATIC:
      app = static_page (model, title);
      break;
    case VITRINE_SPACE_TEMPLATE_TEXT_CLASSIFICATION:
      app = gradio_app (text_classification_app, model, title);
      break;
    case VITRINE_SPACE_TEMPLATE_TEXT_GENERATION:
      app = gradio_app (text_generation_app, model, title);
      break;
    case VITRINE_SPACE_TEMPLATE_IMAGE_CLASSIFICATION:
      app = gradio_app (image_classification_app, model, title);
      break;
    default:
      g_assert_not_reached ();
    }
  g_ptr_array_add (files, vitrine_space_file_new (templates[template_].app_file, app));
  if (template_ == VITRINE_SPACE_TEMPLATE_IMAGE_CLASSIFICATION)
    g_ptr_array_add (files, vitrine_space_file_new ("requirements.txt", image_requirements));
  else if (template_ != VITRINE_SPACE_TEMPLATE_STATIC)
    g_ptr_array_add (files, vitrine_space_file_new ("requirements.txt", requirements));
  text = readme (template_, model, title);
  g_ptr_array_add (files, vitrine_space_file_new ("README.md", text));
  return g_steal_pointer (&files);
}

/**
 * vitrine_space_files_write:
 * @files: (element-type VitrineSpaceFile): what to write
 * @folder: where, made if it is not there
 *
 * Writes a new Space's files into @folder, each replaced as a whole.
 *
 * Returns: whether all were written
 */
gboolean
vitrine_space_files_write (GPtrArray   *files,
                           const char  *folder,
                           GError     **error)
{
  g_return_val_if_fail (files != NULL, FALSE);
  g_return_val_if_fail (folder != NULL, FALSE);

  if (g_mkdir_with_parents (folder, 0755) != 0)
    {
      int saved = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("Could not make the folder “%s”: %s"), folder, g_strerror (saved));
      return FALSE;
    }
  for (guint i = 0; i < files->len; i++)
    {
      VitrineSpaceFile *file = g_ptr_array_index (files, i);
      g_autofree char *path = NULL;
      g_autofree char *parent = NULL;

      if (!vitrine_path_check (file->path, -1, error))
        return FALSE;
      path = g_build_filename (folder, file->path, NULL);
      parent = g_path_get_dirname (path);
      if (g_mkdir_with_parents (parent, 0755) != 0 ||
          !g_file_set_contents_full (path, file->contents, -1, G_FILE_SET_CONTENTS_CONSISTENT, 0644, error))
        {
          if (error != NULL && *error == NULL)
            g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not write “%s”."), file->path);
          return FALSE;
        }
    }
  return TRUE;
}
