/* test-markdown.c — card bodies rendered for the preview
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <glib.h>

#include "vitrine-markdown.h"

static void
assert_contains (const char *haystack,
                 const char *needle)
{
  if (strstr (haystack, needle) == NULL)
    g_error ("“%s” not found in:\n%s", needle, haystack);
}

static void
test_markdown_gfm (void)
{
  g_autofree char *html = vitrine_markdown_to_html ("| a | b |\n|---|--:|\n| 1 | 2 |\n\n"
                                                    "~~gone~~ and www.example.org\n\n"
                                                    "- [x] done\n- [ ] to do\n\n"
                                                    "```python\nprint(1)\n```\n", -1);

  assert_contains (html, "<table>");
  assert_contains (html, "<td align=\"right\">2</td>");
  assert_contains (html, "<del>gone</del>");
  assert_contains (html, "<a href=\"http://www.example.org\">www.example.org</a>");
  assert_contains (html, "<input type=\"checkbox\" checked=\"\" disabled=\"\" /> done");
  assert_contains (html, "<input type=\"checkbox\" disabled=\"\" /> to do");
  assert_contains (html, "<pre lang=\"python\"><code>print(1)");
}

static void
test_markdown_hostile (void)
{
  g_autofree char *html = vitrine_markdown_to_html ("<script>alert(1)</script>\n\n"
                                                    "[x](javascript:alert(1)) <iframe src=x></iframe>\n\n"
                                                    "<div align=\"center\">kept</div>\n", -1);
  g_autofree char *nul = vitrine_markdown_to_html ("a\0b", 3);

  /* tagfilter neutralises the tags that run or embed things... */
  g_assert_null (strstr (html, "<script>"));
  g_assert_null (strstr (html, "<iframe"));
  assert_contains (html, "&lt;script>");
  /* ...cmark drops javascript: links... */
  g_assert_null (strstr (html, "javascript:"));
  /* ...and plain HTML that cards use for layout stays. */
  assert_contains (html, "<div align=\"center\">kept</div>");
  g_assert_nonnull (nul);
}

static void
test_markdown_metadata (void)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *html = NULL;
  g_autofree char *none = NULL;

  g_assert_true (json_parser_load_from_data (parser,
                                             "{\"license\": \"mit\", \"language\": [\"en\", \"fr\"],"
                                             " \"tags\": [\"<b>bold</b>\", 3], \"extra\": \"not shown\"}",
                                             -1, NULL));
  html = vitrine_markdown_metadata_html (json_parser_get_root (parser));
  assert_contains (html, "data-key=\"license\"");
  assert_contains (html, "<span class=\"chip\">mit</span>");
  assert_contains (html, "<span class=\"chip\">en</span><span class=\"chip\">fr</span>");
  /* Values are text, never markup. */
  assert_contains (html, "&lt;b&gt;bold&lt;/b&gt;");
  g_assert_null (strstr (html, "not shown"));

  none = vitrine_markdown_metadata_html (NULL);
  g_assert_cmpstr (none, ==, "");
}

static void
test_markdown_page (void)
{
  g_autofree char *light = vitrine_markdown_page ("<p>x</p>", FALSE);
  g_autofree char *dark = vitrine_markdown_page ("<p>x</p>", TRUE);

  assert_contains (light, "Content-Security-Policy");
  assert_contains (light, "default-src 'none'");
  assert_contains (light, "<main id=\"content\"><p>x</p></main>");
  g_assert_null (strstr (light, "<html class=\"dark\">"));
  assert_contains (dark, "<html class=\"dark\">");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/hub/markdown/gfm", test_markdown_gfm);
  g_test_add_func ("/hub/markdown/hostile", test_markdown_hostile);
  g_test_add_func ("/hub/markdown/metadata", test_markdown_metadata);
  g_test_add_func ("/hub/markdown/page", test_markdown_page);

  return g_test_run ();
}
