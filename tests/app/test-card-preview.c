/* test-card-preview.c — the model card editor's preview: a real WebKit view
 * that shows the card and runs nothing of it
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <signal.h>
#include <string.h>
#include <unistd.h>

#include "card-editor-fixture.h"

static void
count_request_cb (SoupServer        *server,
                  SoupServerMessage *msg,
                  const char        *path,
                  GHashTable        *query,
                  gpointer           user_data)
{
  (*(guint *) user_data)++;
  soup_server_message_set_status (msg, 200, NULL);
  soup_server_message_set_response (msg, "image/png", SOUP_MEMORY_STATIC, "x", 1);
}

/* Nothing in a card runs or loads anything, and what is harmless in it
 * shows. */
static void
test_editor_preview_is_inert (void)
{
  g_autoptr(SoupServer) server = soup_server_new (NULL, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *base = NULL;
  g_autofree char *readme = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *title = NULL;
  g_autofree char *counts = NULL;
  g_autofree char *shown = NULL;
  guint requests = 0;
  Fixture f = { 0 };

  soup_server_add_handler (server, NULL, count_request_cb, &requests, NULL);
  base = listen_locally (server, TRUE);

  readme = g_strdup_printf ("---\nlicense: mit\n---\n"
                            "# Hostile\n\n"
                            "Harmless words stay **here**.\n\n"
                            "![remote](%sa.png)\n\n"
                            "<img src=\"%sb.png\" onerror=\"document.title='ran'\">\n"
                            "<link rel=\"stylesheet\" href=\"%sc.css\">\n"
                            "<iframe src=\"%sd.html\"></iframe>\n"
                            "<script>document.title = 'ran';</script>\n"
                            "<style>@import url(%se.css);</style>\n"
                            "<div style=\"background: url(%sf.png)\">styled</div>\n"
                            "<meta http-equiv=\"refresh\" content=\"0; url=%sg.html\">\n\n"
                            "[link](javascript:document.title='ran')\n",
                            base, base, base, base, base, base, base);
  dir = make_folder (readme);
  open_editor (&f, dir);
  test_spin (1500);

  title = preview_eval (f.editor, "document.title");
  g_assert_cmpstr (title, !=, "ran");
  counts = preview_eval (f.editor, "[document.querySelectorAll('script').length,"
                                   " document.querySelectorAll('a[href^=javascript]').length,"
                                   " location.href].join(',')");
  g_assert_cmpstr (counts, ==, "0,0,vitrine-folder:///");
  g_assert_cmpuint (requests, ==, 0);

  /* The card did render: its metadata, its heading, its paragraph, the
   * text of the elements that lost what they would have loaded. */
  shown = preview_eval (f.editor, "[document.querySelector('[data-key=license] .chip').textContent,"
                                  " document.querySelector('h1').textContent,"
                                  " document.querySelector('h1 + p').textContent,"
                                  " document.querySelector('p strong').textContent,"
                                  " document.querySelector('#content > div').textContent,"
                                  " Array.from (document.querySelectorAll('a')).map (a => a.textContent).join ('')]"
                                  ".join('|')");
  g_assert_cmpstr (shown, ==, "mit|Hostile|Harmless words stay here.|here|styled|link");

  close_editor (&f);
  fixture_rm_rf (dir);
}

static gboolean
large_card_checked (gpointer data)
{
  g_autofree char *rows = NULL;

  if (problem_for (data, "pipeline_tag") == NULL)
    return FALSE;
  rows = preview_eval (data, "String (document.querySelectorAll('tbody tr').length)");
  return g_strcmp0 (rows, "4000") == 0;
}

/* A card too large to read between two keystrokes is read on a worker;
 * the form, the problems and the preview still follow. */
static void
test_editor_large_card (void)
{
  g_autoptr(GString) big = g_string_new ("---\nlicense: mit\npipeline_tag: not-a-task\n---\n# Large\n\n| n | x |\n|---|---|\n");
  g_autofree char *dir = NULL;
  g_autofree char *rows = NULL;
  g_autofree char *shown = NULL;
  Fixture f = { 0 };
  GtkDropDown *license;
  guint before;

  for (guint i = 0; i < 4000; i++)
    g_string_append_printf (big, "| %u | **row** %u |\n", i, i * 7);
  g_assert_cmpuint (big->len, >, 64 * 1024);
  dir = make_folder (big->str);
  open_editor (&f, dir);

  /* The first preview may still be the empty card's, shown while the
   * worker read this one: wait for the worker's problems and page. */
  wait_until (large_card_checked, f.editor, "the large card's problems and preview");
  rows = preview_eval (f.editor, "String (document.querySelectorAll('tbody tr').length)");
  g_assert_cmpstr (rows, ==, "4000");

  license = child (f.editor, "license_dropdown");
  before = preview_updates;
  gtk_drop_down_set_selected (license, position_of (license, "apache-2.0"));
  wait_until (preview_updated_since, GUINT_TO_POINTER (before), "the large preview");
  shown = preview_eval (f.editor, "document.querySelector('[data-key=license] .chip').textContent");
  g_assert_cmpstr (shown, ==, "apache-2.0");
  g_assert_cmpstr (dropdown_value (license), ==, "apache-2.0");

  close_editor (&f);
  fixture_rm_rf (dir);
}

static gboolean
images_complete (gpointer data)
{
  g_autofree char *done = preview_eval (data, "String (Array.from (document.images).every (i => i.complete))");

  return g_strcmp0 (done, "true") == 0;
}

/* Images the card names by a path in its folder show, as on the Hub;
 * nothing outside the folder does. */
static void
test_editor_folder_images (void)
{
  static const guint8 pixel[4] = { 255, 0, 0, 255 };
  g_autoptr(GBytes) pixel_bytes = g_bytes_new_static (pixel, sizeof pixel);
  g_autoptr(GdkTexture) texture = gdk_memory_texture_new (1, 1, GDK_MEMORY_R8G8B8A8, pixel_bytes, 4);
  g_autoptr(GBytes) png = gdk_texture_save_to_png_bytes (texture);
  g_autofree char *dir = make_folder ("---\nlicense: mit\n---\n"
                                      "![plot](assets/plot.png)\n\n"
                                      "<img src=\"assets/plot.png\">\n\n"
                                      "![up](../outside.png)\n\n"
                                      "![link](link.png)\n\n"
                                      "![text](notes.txt)\n\n"
                                      "![encoded](%2e%2e/outside.png)\n");
  g_autofree char *assets = g_build_filename (dir, "assets", NULL);
  g_autofree char *plot = g_build_filename (dir, "assets", "plot.png", NULL);
  g_autofree char *notes = g_build_filename (dir, "notes.txt", NULL);
  g_autofree char *link = g_build_filename (dir, "link.png", NULL);
  g_autofree char *parent = g_path_get_dirname (dir);
  g_autofree char *outside = g_build_filename (parent, "outside.png", NULL);
  g_autofree char *widths = NULL;
  Fixture f = { 0 };

  g_assert_cmpint (g_mkdir (assets, 0755), ==, 0);
  g_assert_true (g_file_set_contents (plot, g_bytes_get_data (png, NULL), g_bytes_get_size (png), NULL));
  g_assert_true (g_file_set_contents (outside, g_bytes_get_data (png, NULL), g_bytes_get_size (png), NULL));
  g_assert_true (g_file_set_contents (notes, "not an image", -1, NULL));
  g_assert_cmpint (symlink (outside, link), ==, 0);

  open_editor (&f, dir);
  wait_until (images_complete, f.editor, "the images");
  widths = preview_eval (f.editor, "Array.from (document.images).map (i => i.naturalWidth).join (',')");
  g_assert_cmpstr (widths, ==, "1,1,0,0,0,0");

  close_editor (&f);
  g_unlink (outside);
  fixture_rm_rf (dir);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  /* WebKit's sandbox needs a plain program name. */
  g_set_prgname ("vitrine-test-card-preview");
  adw_init ();
  gtk_source_init ();

  g_test_add_func ("/app/card-preview/is-inert", test_editor_preview_is_inert);
  g_test_add_func ("/app/card-preview/large-card", test_editor_large_card);
  g_test_add_func ("/app/card-preview/folder-images", test_editor_folder_images);

  return g_test_run ();
}
