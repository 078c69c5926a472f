/* vitrine-markdown.c — model card bodies as HTML for the preview
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <cmark-gfm.h>
#include <cmark-gfm-core-extensions.h>
#include <glib/gi18n.h>

#include "vitrine-markdown.h"

/* The extensions the Hub renders cards with.  `tagfilter` neutralises the
 * tags GitHub's spec names (script, style, iframe, …) in raw HTML. */
static const char * const extensions[] = {
  "table", "strikethrough", "autolink", "tasklist", "tagfilter",
};

/* Links and images may point at the web, at mail, at an anchor or at a
 * path in the repository; not at `javascript:`, `file:` or anything else
 * a preview has no business opening. */
static gboolean
is_safe_url (const char *url,
             gboolean    image)
{
  const char *colon;

  if (url == NULL || *url == '\0')
    return TRUE;
  colon = strchr (url, ':');
  /* No scheme: relative, or an anchor. */
  if (colon == NULL || (strchr (url, '/') != NULL && strchr (url, '/') < colon) ||
      (strchr (url, '#') != NULL && strchr (url, '#') < colon) ||
      (strchr (url, '?') != NULL && strchr (url, '?') < colon))
    return TRUE;
  if (g_ascii_strncasecmp (url, "https:", 6) == 0 || g_ascii_strncasecmp (url, "http:", 5) == 0)
    return TRUE;
  if (!image && g_ascii_strncasecmp (url, "mailto:", 7) == 0)
    return TRUE;
  if (image && (g_ascii_strncasecmp (url, "data:image/png", 14) == 0 ||
                g_ascii_strncasecmp (url, "data:image/gif", 14) == 0 ||
                g_ascii_strncasecmp (url, "data:image/jpeg", 15) == 0 ||
                g_ascii_strncasecmp (url, "data:image/webp", 15) == 0))
    return TRUE;
  return FALSE;
}

static void
drop_unsafe_urls (cmark_node *document)
{
  cmark_iter *iter = cmark_iter_new (document);
  cmark_event_type event;

  while ((event = cmark_iter_next (iter)) != CMARK_EVENT_DONE)
    {
      cmark_node *node = cmark_iter_get_node (iter);
      cmark_node_type type = cmark_node_get_type (node);

      if (event == CMARK_EVENT_ENTER &&
          (type == CMARK_NODE_LINK || type == CMARK_NODE_IMAGE) &&
          !is_safe_url (cmark_node_get_url (node), type == CMARK_NODE_IMAGE))
        cmark_node_set_url (node, "");
    }
  cmark_iter_free (iter);
}

/**
 * vitrine_markdown_to_html:
 * @len: the length of @markdown, or -1 when it ends with a NUL
 *
 * Renders GitHub-flavoured Markdown.  Raw HTML passes (cards use it for
 * images and alignment); the page it goes into allows no script and no
 * remote load, and Markdown links to `javascript:` and the like lose
 * their address.
 *
 * Returns: (transfer full): an HTML fragment
 */
static char *
render (const char *markdown,
        gssize      len,
        int         options)
{
  cmark_parser *parser;
  cmark_node *document;
  char *rendered;
  char *html;

  if (markdown == NULL)
    markdown = "";
  if (len < 0)
    len = strlen (markdown);

  cmark_gfm_core_extensions_ensure_registered ();
  parser = cmark_parser_new (options);
  for (guint i = 0; i < G_N_ELEMENTS (extensions); i++)
    {
      cmark_syntax_extension *extension = cmark_find_syntax_extension (extensions[i]);

      if (extension != NULL)
        cmark_parser_attach_syntax_extension (parser, extension);
    }
  cmark_parser_feed (parser, markdown, len);
  document = cmark_parser_finish (parser);
  drop_unsafe_urls (document);
  rendered = cmark_render_html (document, options, cmark_parser_get_syntax_extensions (parser));
  html = g_strdup (rendered);

  cmark_get_default_mem_allocator ()->free (rendered);
  cmark_node_free (document);
  cmark_parser_free (parser);
  return html;
}

char *
vitrine_markdown_to_html (const char *markdown,
                          gssize      len)
{
  return render (markdown, len, CMARK_OPT_UNSAFE | CMARK_OPT_FOOTNOTES | CMARK_OPT_GITHUB_PRE_LANG |
                                CMARK_OPT_STRIKETHROUGH_DOUBLE_TILDE);
}

/**
 * vitrine_markdown_to_plain_html:
 *
 * Renders GitHub-flavoured Markdown as vitrine_markdown_to_html() does,
 * but leaves raw HTML out: for pages where scripts run, such as a Space
 * that shows a model card.
 *
 * Returns: (transfer full): an HTML fragment
 */
char *
vitrine_markdown_to_plain_html (const char *markdown,
                                gssize      len)
{
  return render (markdown, len, CMARK_OPT_FOOTNOTES | CMARK_OPT_GITHUB_PRE_LANG |
                                CMARK_OPT_STRIKETHROUGH_DOUBLE_TILDE);
}

static void
append_escaped (GString    *out,
                const char *text)
{
  g_autofree char *escaped = g_markup_escape_text (text, -1);

  g_string_append (out, escaped);
}

/* A string, or the strings of an array, as chips. */
static void
append_values (GString    *out,
               const char *key,
               const char *label,
               JsonObject *object)
{
  JsonNode *node = json_object_get_member (object, key);
  gboolean any = FALSE;

  if (node == NULL)
    return;

  g_string_append_printf (out, "<div class=\"meta-row\" data-key=\"%s\"><span class=\"meta-label\">", key);
  append_escaped (out, label);
  g_string_append (out, "</span><span class=\"chips\">");
  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    {
      g_string_append (out, "<span class=\"chip\">");
      append_escaped (out, json_node_get_string (node));
      g_string_append (out, "</span>");
      any = TRUE;
    }
  else if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *item = json_array_get_element (array, i);

          if (!JSON_NODE_HOLDS_VALUE (item) || json_node_get_value_type (item) != G_TYPE_STRING)
            continue;
          g_string_append (out, "<span class=\"chip\">");
          append_escaped (out, json_node_get_string (item));
          g_string_append (out, "</span>");
          any = TRUE;
        }
    }
  if (!any)
    g_string_append (out, "<span class=\"chip invalid\">?</span>");
  g_string_append (out, "</span></div>");
}

/**
 * vitrine_markdown_metadata_html:
 * @metadata: (nullable): the card's front matter as JSON
 *
 * The metadata the Hub shows above a card, as HTML: license, languages,
 * task, library, base model, datasets and tags.
 *
 * Returns: (transfer full): an HTML fragment, empty without metadata
 */
char *
vitrine_markdown_metadata_html (JsonNode *metadata)
{
  GString *out = g_string_new (NULL);
  JsonObject *object;

  if (metadata == NULL || !JSON_NODE_HOLDS_OBJECT (metadata))
    return g_string_free (out, FALSE);
  object = json_node_get_object (metadata);

  g_string_append (out, "<header class=\"metadata\">");
  append_values (out, "license", _("License"), object);
  append_values (out, "license_name", _("License Name"), object);
  append_values (out, "language", _("Languages"), object);
  append_values (out, "pipeline_tag", _("Task"), object);
  append_values (out, "library_name", _("Library"), object);
  append_values (out, "base_model", _("Base Model"), object);
  append_values (out, "datasets", _("Datasets"), object);
  append_values (out, "tags", _("Tags"), object);
  g_string_append (out, "</header>");
  return g_string_free (out, FALSE);
}

static const char page_style[] =
  ":root { color-scheme: light; --fg: #1e1e1e; --bg: #ffffff; --muted: #6e6e6e;"
  " --line: #d8d8d8; --code: #f3f3f3; --accent: #1c71d8; --chip: #e8eef8; }\n"
  ":root.dark { color-scheme: dark; --fg: #ffffff; --bg: #242424; --muted: #a0a0a0;"
  " --line: #3a3a3a; --code: #303030; --accent: #78aeed; --chip: #2f3b4c; }\n"
  "html { background: var(--bg); color: var(--fg); }\n"
  "body { font: 15px/1.55 'Cantarell', 'Inter', sans-serif; margin: 0 auto; padding: 18px 24px;"
  " max-width: 860px; overflow-wrap: anywhere; }\n"
  "a { color: var(--accent); }\n"
  "h1, h2, h3 { line-height: 1.25; margin: 1.2em 0 0.5em; }\n"
  "h1 { font-size: 1.8em; } h2 { font-size: 1.4em; border-bottom: 1px solid var(--line);"
  " padding-bottom: 0.2em; } h3 { font-size: 1.15em; }\n"
  "pre, code { font-family: 'Source Code Pro', monospace; font-size: 0.9em;"
  " background: var(--code); border-radius: 6px; }\n"
  "code { padding: 0.1em 0.3em; } pre { padding: 10px 12px; overflow-x: auto; }\n"
  "pre code { padding: 0; background: none; }\n"
  "table { border-collapse: collapse; margin: 1em 0; }\n"
  "th, td { border: 1px solid var(--line); padding: 4px 10px; }\n"
  "th { background: var(--code); }\n"
  "blockquote { margin: 0; padding-left: 1em; border-left: 3px solid var(--line); color: var(--muted); }\n"
  "img { max-width: 100%; }\n"
  "ul.contains-task-list { list-style: none; padding-left: 1.2em; }\n"
  ".metadata { display: flex; flex-direction: column; gap: 4px; padding-bottom: 12px;"
  " border-bottom: 1px solid var(--line); margin-bottom: 8px; }\n"
  ".meta-row { display: grid; grid-template-columns: 7.5em 1fr; align-items: baseline; gap: 6px; }\n"
  ".chips { display: flex; flex-wrap: wrap; gap: 4px 6px; }\n"
  ".meta-label { color: var(--muted); font-size: 0.85em; }\n"
  ".chip { background: var(--chip); border-radius: 999px; padding: 1px 10px; font-size: 0.9em; }\n"
  ".chip.invalid { background: #e01b24; color: white; }\n";

/**
 * vitrine_markdown_page:
 * @content_html: the page's content, trusted to come from this module
 * @dark: whether to use dark colours
 *
 * A whole page around rendered content.  Its Content-Security-Policy
 * allows inline styles, `data:` images and the card's folder's own images
 * (`vitrine-folder:`) only: no script runs and nothing is fetched from the
 * network.
 *
 * Returns: (transfer full): the HTML document
 */
char *
vitrine_markdown_page (const char *content_html,
                       gboolean    dark)
{
  return g_strdup_printf ("<!DOCTYPE html>\n"
                          "<html%s><head><meta charset=\"utf-8\">"
                          "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
                          "style-src 'unsafe-inline'; img-src data: vitrine-folder:; form-action 'none'; base-uri 'none'\">"
                          "<style>%s</style></head>"
                          "<body><main id=\"content\">%s</main></body></html>\n",
                          dark ? " class=\"dark\"" : "",
                          page_style,
                          content_html != NULL ? content_html : "");
}
