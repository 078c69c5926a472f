/* vitrine-renderer.c — how the window is drawn where there is no GPU
 *
 * GTK draws with OpenGL when it can.  On a computer without a GPU (a
 * virtual machine, a remote session) OpenGL is Mesa's software
 * rasterizer, and drawing the window through it costs the processor
 * several times what GTK's Cairo renderer does for the same frames:
 * measured with bench/publish-window.sh, the longest stall of the main
 * loop during a publish went from about 70 ms to under 30, and the publish
 * itself got faster, since it shares the processor with the drawing.  So
 * where no GPU is there to render, Vitrine asks for Cairo, and turns its
 * animations off (vitrine_renderer_apply_settings()): with them, the
 * crossfade to the progress page alone stalled the main loop for 80 ms.
 * A renderer the user chose (GSK_RENDERER) is kept.
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gtk/gtk.h>

#include "vitrine-renderer.h"

static gboolean software_chosen;

static gboolean
has_render_node (const char *dri_dir)
{
  g_autoptr(GDir) dir = g_dir_open (dri_dir, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_prefix (name, "renderD"))
      return TRUE;
  return FALSE;
}

static gboolean
software_gl_forced (void)
{
  const char *value = g_getenv ("LIBGL_ALWAYS_SOFTWARE");

  return value != NULL && *value != '\0' && !g_str_equal (value, "0") && g_ascii_strcasecmp (value, "false") != 0;
}

/**
 * vitrine_renderer_choose:
 * @dri_dir: where the kernel lists the GPUs' device nodes (`/dev/dri`)
 *
 * Returns: (nullable): the GSK renderer Vitrine asks for ("cairo" when no
 *   GPU can render), or %NULL to let GTK choose
 */
const char *
vitrine_renderer_choose (const char *dri_dir)
{
  g_return_val_if_fail (dri_dir != NULL, NULL);

  if (g_getenv ("GSK_RENDERER") != NULL)
    return NULL;
  if (software_gl_forced () || !has_render_node (dri_dir))
    return "cairo";
  return NULL;
}

/**
 * vitrine_renderer_setup:
 *
 * Applies vitrine_renderer_choose() to this process.  Called before GTK
 * draws anything, and before other threads start (it sets the
 * environment).
 */
void
vitrine_renderer_setup (void)
{
  const char *renderer = vitrine_renderer_choose ("/dev/dri");

  if (renderer != NULL)
    {
      g_setenv ("GSK_RENDERER", renderer, TRUE);
      software_chosen = TRUE;
    }
}

/**
 * vitrine_renderer_apply_settings:
 *
 * Once the display is open: where vitrine_renderer_setup() found no GPU,
 * animations are turned off (a transition draws every frame of it in
 * software, twice over for a crossfade, while the work it shows wants the
 * processor too), as GNOME's own shell does in a software-rendered
 * session.
 */
void
vitrine_renderer_apply_settings (void)
{
  GdkDisplay *display = gdk_display_get_default ();

  if (software_chosen && display != NULL)
    g_object_set (gtk_settings_get_for_display (display), "gtk-enable-animations", FALSE, NULL);
}
