/* vitrine-card-preview.c — the model card as the Hub will show it
 *
 * The card is checked and rendered (cmark-gfm, under the metadata the Hub
 * shows) into a VitrineCardRendering; a large card on a worker thread.
 * The preview is a WebKit view, loaded once with an empty page where no
 * script of the card runs and nothing is fetched; each new rendering goes
 * into that page's content, so the scroll position stays.
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <adwaita.h>
#include <glib/gi18n.h>

#include "vitrine-card-preview.h"
#include "vitrine-card-rules.h"
#include "vitrine-markdown.h"
#include "vitrine-web.h"
#include "vitrine-yaml.h"

struct _VitrineCardPreview
{
  GtkWidget      parent_instance;

  WebKitWebView *view;
  GCancellable  *cancellable;
  /* The content to show, and whether the page shows it already. */
  char          *html;
  gboolean       shown;
  gboolean       page_ready;
};

G_DEFINE_FINAL_TYPE (VitrineCardPreview, vitrine_card_preview, GTK_TYPE_WIDGET)

enum {
  UPDATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* ---- Rendering -------------------------------------------------------- */

/**
 * vitrine_card_rendering_new:
 *
 * Checks and renders a version of the card, here and now.
 *
 * Returns: (transfer full): what the card says
 */
VitrineCardRendering *
vitrine_card_rendering_new (const char *text)
{
  VitrineCardRendering *r = g_new0 (VitrineCardRendering, 1);
  gsize len = strlen (text);
  gsize yaml_start, yaml_len, body_start = 0;
  gboolean has_front_matter;
  g_autofree char *meta_html = NULL;
  g_autofree char *body_html = NULL;

  r->text = g_strdup (text);
  r->problems = vitrine_card_find_problems (text, len, VITRINE_REPO_TYPE_MODEL, &r->metadata);
  has_front_matter = vitrine_front_matter_split (text, len, &yaml_start, &yaml_len, &body_start);
  if (!has_front_matter)
    body_start = 0;

  /* The form writes through the YAML: not while it cannot be read. */
  r->editable = !has_front_matter || r->metadata != NULL;
  /* The metadata the Hub shows, then the body. */
  meta_html = vitrine_markdown_metadata_html (r->metadata);
  body_html = vitrine_markdown_to_html (text + body_start, -1);
  r->html = g_strconcat (meta_html, body_html, NULL);
  return r;
}

void
vitrine_card_rendering_free (VitrineCardRendering *r)
{
  if (r == NULL)
    return;
  g_free (r->text);
  g_clear_pointer (&r->problems, g_ptr_array_unref);
  g_clear_pointer (&r->metadata, json_node_unref);
  g_free (r->html);
  g_free (r);
}

static void
render_thread (GTask        *task,
               gpointer      source,
               gpointer      task_data,
               GCancellable *cancellable)
{
  g_task_return_pointer (task, vitrine_card_rendering_new (task_data),
                         (GDestroyNotify) vitrine_card_rendering_free);
}

/**
 * vitrine_card_render_async:
 *
 * Checks and renders a version of the card on a worker thread.
 */
void
vitrine_card_render_async (const char          *text,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);

  g_task_set_source_tag (task, vitrine_card_render_async);
  g_task_set_task_data (task, g_strdup (text), g_free);
  g_task_run_in_thread (task, render_thread);
}

/**
 * vitrine_card_render_finish:
 *
 * Returns: (transfer full): what the card says; %NULL when cancelled
 */
VitrineCardRendering *
vitrine_card_render_finish (GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* ---- The view --------------------------------------------------------- */

static void
on_script_done_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(VitrineCardPreview) self = user_data;
  g_autoptr(JSCValue) value = NULL;
  g_autoptr(GError) error = NULL;

  value = webkit_web_view_evaluate_javascript_finish (WEBKIT_WEB_VIEW (source), result, &error);
  if (value == NULL && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (value == NULL)
    g_warning ("Could not update the preview: %s", error->message);
  if (self->view != NULL)
    g_signal_emit (self, signals[UPDATED], 0);
}

static void
push (VitrineCardPreview *self)
{
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *literal = NULL;
  g_autofree char *script = NULL;

  if (!self->page_ready || self->shown || self->html == NULL)
    return;

  /* The HTML goes in as a JSON string: nothing in it can end the script. */
  node = json_node_init_string (json_node_alloc (), self->html);
  literal = json_to_string (node, FALSE);
  script = g_strdup_printf ("document.getElementById('content').innerHTML = %s; true", literal);
  self->shown = TRUE;
  webkit_web_view_evaluate_javascript (self->view, script, -1, NULL, NULL, self->cancellable,
                                       on_script_done_cb, g_object_ref (self));
}

/**
 * vitrine_card_preview_show:
 * @html: the content, as a rendering made it
 *
 * Shows new content; VitrineCardPreview::updated says when it shows.
 */
void
vitrine_card_preview_show (VitrineCardPreview *self,
                           const char         *html)
{
  g_return_if_fail (VITRINE_IS_CARD_PREVIEW (self));

  g_free (self->html);
  self->html = g_strdup (html);
  self->shown = FALSE;
  push (self);
}

static void
load_page (VitrineCardPreview *self)
{
  g_autofree char *page = vitrine_markdown_page ("", adw_style_manager_get_dark (adw_style_manager_get_default ()));

  self->page_ready = FALSE;
  self->shown = FALSE;
  webkit_web_view_load_html (self->view, page, VITRINE_FOLDER_BASE);
}

static void
on_load_changed_cb (VitrineCardPreview *self,
                    WebKitLoadEvent     event,
                    WebKitWebView      *view)
{
  if (event != WEBKIT_LOAD_FINISHED)
    return;
  self->page_ready = TRUE;
  push (self);
}

WebKitWebView *
vitrine_card_preview_get_web_view (VitrineCardPreview *self)
{
  g_return_val_if_fail (VITRINE_IS_CARD_PREVIEW (self), NULL);
  return self->view;
}

/**
 * vitrine_card_preview_set_folder:
 *
 * The folder whose images the card may show.
 */
void
vitrine_card_preview_set_folder (VitrineCardPreview *self,
                                 const char         *folder)
{
  g_return_if_fail (VITRINE_IS_CARD_PREVIEW (self));
  vitrine_web_set_folder (self->view, folder);
}

static void
vitrine_card_preview_dispose (GObject *object)
{
  VitrineCardPreview *self = VITRINE_CARD_PREVIEW (object);

  g_cancellable_cancel (self->cancellable);
  g_signal_handlers_disconnect_by_data (adw_style_manager_get_default (), self);
  if (self->view != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->view, self);
      gtk_widget_unparent (GTK_WIDGET (self->view));
      self->view = NULL;
    }

  G_OBJECT_CLASS (vitrine_card_preview_parent_class)->dispose (object);
}

static void
vitrine_card_preview_finalize (GObject *object)
{
  VitrineCardPreview *self = VITRINE_CARD_PREVIEW (object);

  g_clear_object (&self->cancellable);
  g_free (self->html);

  G_OBJECT_CLASS (vitrine_card_preview_parent_class)->finalize (object);
}

static void
vitrine_card_preview_class_init (VitrineCardPreviewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vitrine_card_preview_dispose;
  object_class->finalize = vitrine_card_preview_finalize;

  /**
   * VitrineCardPreview::updated:
   *
   * The preview shows the content last given.
   */
  signals[UPDATED] =
    g_signal_new ("updated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  /* cmark registers its extensions once, here rather than on a worker. */
  g_free (vitrine_markdown_to_html ("", 0));
}

static void
on_dark_changed_cb (VitrineCardPreview *self)
{
  /* The page reloads in the other colours, and shows the content again. */
  load_page (self);
}

static void
vitrine_card_preview_init (VitrineCardPreview *self)
{
  self->cancellable = g_cancellable_new ();
  self->view = vitrine_web_preview_new ();
  gtk_widget_set_vexpand (GTK_WIDGET (self->view), TRUE);
  gtk_widget_set_hexpand (GTK_WIDGET (self->view), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Preview of the model card"), -1);
  gtk_widget_set_parent (GTK_WIDGET (self->view), GTK_WIDGET (self));
  g_signal_connect_swapped (self->view, "load-changed", G_CALLBACK (on_load_changed_cb), self);
  g_signal_connect_swapped (adw_style_manager_get_default (), "notify::dark",
                            G_CALLBACK (on_dark_changed_cb), self);
  load_page (self);
}
