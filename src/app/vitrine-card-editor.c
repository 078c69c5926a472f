/* vitrine-card-editor.c — the model card editor: form, source and preview
 *
 * The editor puts together the pieces of the card: the document (the
 * text, its base, its draft, its file), the form (the metadata and the
 * problems), the source and the preview.  When the text changes, it has
 * the card checked and rendered once typing pauses and hands the result
 * to each piece; it lays them out side by side or in turns, and runs the
 * comparison with the Hub's card.
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "vitrine-accessible.h"
#include "vitrine-card-editor.h"
#include "vitrine-card-editor-private.h"
#include "vitrine-card-rules.h"
#include "vitrine-error.h"

/* How long typing may pause before the form, problems and preview follow. */
#define REFRESH_DELAY_MS 120
/* A card the local rules accept is shown to the Hub's validate-yaml once
 * typing has paused this long. */
#define REMOTE_CHECK_DELAY_MS 800
/* Cards smaller than this are checked and rendered on the main thread. */
#define RENDER_IN_PLACE_MAX  (64 * 1024)

/* Below this width the form, the source and the preview take turns. */
#define NARROW_WIDTH     900

G_DEFINE_FINAL_TYPE (VitrineCardEditor, vitrine_card_editor, GTK_TYPE_WIDGET)

enum {
  PREVIEW_UPDATED,
  PROBLEMS_CHANGED,
  COMPARED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void refresh (VitrineCardEditor *self,
                     gboolean           may_wait);

void
_vitrine_card_editor_set_status (VitrineCardEditor *self,
            const char        *status)
{
  gtk_label_set_label (self->status_label, status != NULL ? status : "");
}

void
_vitrine_card_editor_toast (VitrineCardEditor *self,
       const char        *title)
{
  AdwToast *t = adw_toast_new (title);

  adw_toast_set_timeout (t, 6);
  vitrine_accessible_show_toast (self->toast_overlay, t);
}

void
_vitrine_card_editor_compared (VitrineCardEditor *self,
                               const char        *answer)
{
  g_signal_emit (self, signals[COMPARED], 0, answer);
}

/* ---- The Hub's own check ---------------------------------------------- */

typedef struct
{
  char  *text;
  guint  generation;
} RemoteCheck;

static void
remote_check_free (RemoteCheck *check)
{
  g_free (check->text);
  g_free (check);
}

static void
remote_check_thread (GTask        *task,
                     gpointer      source,
                     gpointer      task_data,
                     GCancellable *cancellable)
{
  RemoteCheck *check = task_data;
  GError *error = NULL;
  GPtrArray *problems = vitrine_client_validate_yaml (VITRINE_CLIENT (source), check->text,
                                                      VITRINE_REPO_TYPE_MODEL, cancellable, &error);

  if (problems == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, problems, (GDestroyNotify) g_ptr_array_unref);
}

static void
on_remote_checked_cb (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(VitrineCardEditor) self = user_data;
  RemoteCheck *check = g_task_get_task_data (G_TASK (result));
  g_autoptr(GPtrArray) messages = g_task_propagate_pointer (G_TASK (result), NULL);

  /* Offline, or the text changed since: nothing to say. */
  if (messages == NULL || check->generation != self->generation || self->problems == NULL)
    return;
  for (guint i = 0; i < messages->len; i++)
    {
      VitrineCardProblem *problem = g_new0 (VitrineCardProblem, 1);

      /* Translators: %s is what the Hub's own check said about the card. */
      problem->message = g_strdup_printf (_("The Hub says: %s"), (const char *) g_ptr_array_index (messages, i));
      g_ptr_array_add (self->problems, problem);
    }
  if (messages->len > 0)
    {
      vitrine_card_form_show_problems (self->form, self->problems);
      g_signal_emit (self, signals[PROBLEMS_CHANGED], 0);
    }
}

static gboolean
remote_check_cb (gpointer data)
{
  VitrineCardEditor *self = data;
  VitrineClient *client = _vitrine_card_editor_ensure_client (self);
  g_autoptr(GTask) task = NULL;
  RemoteCheck *check;

  self->remote_check_id = 0;
  if (client == NULL)
    return G_SOURCE_REMOVE;

  g_cancellable_cancel (self->remote_check);
  g_clear_object (&self->remote_check);
  self->remote_check = g_cancellable_new ();
  check = g_new0 (RemoteCheck, 1);
  check->text = vitrine_card_document_get_text (self->document);
  check->generation = self->generation;
  task = g_task_new (client, self->remote_check, on_remote_checked_cb, g_object_ref (self));
  g_task_set_task_data (task, check, (GDestroyNotify) remote_check_free);
  g_task_run_in_thread (task, remote_check_thread);
  return G_SOURCE_REMOVE;
}

/* ---- Refresh ---------------------------------------------------------- */

static void
apply_rendering (VitrineCardEditor    *self,
                 VitrineCardRendering *r,
                 gint64                started)
{
  gint64 applying = g_get_monotonic_time ();

  g_clear_pointer (&self->problems, g_ptr_array_unref);
  self->problems = g_steal_pointer (&r->problems);
  vitrine_card_form_set_metadata (self->form, r->metadata, r->editable);
  vitrine_card_form_show_problems (self->form, self->problems);
  vitrine_card_source_mark_problems (self->source, self->problems);
  vitrine_card_preview_show (self->preview, r->html);
  g_signal_emit (self, signals[PROBLEMS_CHANGED], 0);
  g_debug ("Card of %zu bytes checked and rendered in %.1f ms, %.1f ms of it on the main thread",
           strlen (r->text), (g_get_monotonic_time () - started) / 1000.0,
           (g_get_monotonic_time () - applying) / 1000.0);

  /* The Hub may know rules this version does not: ask it too, when the
   * card passes ours. */
  g_clear_handle_id (&self->remote_check_id, g_source_remove);
  if (self->problems->len == 0)
    self->remote_check_id = g_timeout_add (REMOTE_CHECK_DELAY_MS, remote_check_cb, self);
}

typedef struct
{
  VitrineCardEditor *self;
  guint              generation;
  gint64             started;
} Rendering;

static void
on_rendered_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  Rendering *pending = user_data;
  g_autoptr(VitrineCardEditor) self = pending->self;
  g_autoptr(VitrineCardRendering) r = vitrine_card_render_finish (result, NULL);

  /* Disposed meanwhile, or the text changed since: a newer one is due. */
  if (r != NULL && pending->generation == self->generation)
    apply_rendering (self, r, pending->started);
  g_free (pending);
}

static void
refresh (VitrineCardEditor *self,
         gboolean           may_wait)
{
  g_autofree char *text = vitrine_card_document_get_text (self->document);
  gint64 started = g_get_monotonic_time ();

  self->refresh_id = 0;
  /* A usual card takes a few milliseconds: right here.  A large one goes
   * to a worker so typing never waits for it. */
  if (!may_wait || strlen (text) < RENDER_IN_PLACE_MAX)
    {
      g_autoptr(VitrineCardRendering) r = vitrine_card_rendering_new (text);

      apply_rendering (self, r, started);
    }
  else
    {
      Rendering *pending = g_new0 (Rendering, 1);

      pending->self = g_object_ref (self);
      pending->generation = self->generation;
      pending->started = started;
      vitrine_card_render_async (text, self->cancellable, on_rendered_cb, pending);
    }
}

static gboolean
refresh_cb (gpointer data)
{
  refresh (data, TRUE);
  return G_SOURCE_REMOVE;
}

static void
on_buffer_changed_cb (VitrineCardEditor *self)
{
  self->generation++;
  g_cancellable_cancel (self->remote_check);
  g_clear_handle_id (&self->refresh_id, g_source_remove);
  self->refresh_id = g_timeout_add (REFRESH_DELAY_MS, refresh_cb, self);
}

/**
 * vitrine_card_editor_flush:
 *
 * Writes the draft now if typing left one pending, and brings the form,
 * the problems and the preview up to date.
 */
void
vitrine_card_editor_flush (VitrineCardEditor *self)
{
  g_return_if_fail (VITRINE_IS_CARD_EDITOR (self));

  vitrine_card_document_keep_draft (self->document);
  if (self->refresh_id != 0)
    {
      g_clear_handle_id (&self->refresh_id, g_source_remove);
      refresh (self, FALSE);
    }
}

/* ---- Layout ----------------------------------------------------------- */

/* Wide: the three side by side (the preview can be hidden).  Narrow: one
 * at a time, chosen in the bottom bar. */
static void
apply_layout (VitrineCardEditor *self)
{
  gboolean narrow = self->narrow;

  gtk_widget_set_visible (self->pane_switcher, narrow);
  gtk_widget_set_visible (GTK_WIDGET (self->preview_toggle), !narrow);
  gtk_widget_set_visible (GTK_WIDGET (self->status_label), !narrow);
  gtk_widget_set_visible (self->form_pane, !narrow || gtk_toggle_button_get_active (self->form_pane_button));
  gtk_widget_set_visible (self->source_paned, !narrow || !gtk_toggle_button_get_active (self->form_pane_button));
  gtk_widget_set_visible (self->source_pane, !narrow || gtk_toggle_button_get_active (self->source_pane_button));
  gtk_widget_set_visible (self->preview_box,
                          narrow ? gtk_toggle_button_get_active (self->preview_pane_button)
                                 : gtk_toggle_button_get_active (self->preview_toggle));
}

static gboolean
update_narrow_cb (gpointer data)
{
  VitrineCardEditor *self = data;
  int width = gtk_widget_get_width (GTK_WIDGET (self));

  self->layout_id = 0;
  if (width > 0 && (width < NARROW_WIDTH) != self->narrow)
    {
      self->narrow = width < NARROW_WIDTH;
      apply_layout (self);
    }
  return G_SOURCE_REMOVE;
}

/* A bin, which also watches its width. */
static void
vitrine_card_editor_measure (GtkWidget      *widget,
                             GtkOrientation  orientation,
                             int             for_size,
                             int            *minimum,
                             int            *natural,
                             int            *minimum_baseline,
                             int            *natural_baseline)
{
  GtkWidget *child = gtk_widget_get_first_child (widget);

  if (child != NULL)
    gtk_widget_measure (child, orientation, for_size, minimum, natural, minimum_baseline, natural_baseline);
}

static void
vitrine_card_editor_size_allocate (GtkWidget *widget,
                                   int        width,
                                   int        height,
                                   int        baseline)
{
  VitrineCardEditor *self = VITRINE_CARD_EDITOR (widget);
  GtkWidget *child = gtk_widget_get_first_child (widget);

  if (child != NULL)
    gtk_widget_allocate (child, width, height, baseline, NULL);

  /* Visibility changes wait until the allocation is over. */
  if ((width < NARROW_WIDTH) != self->narrow && self->layout_id == 0)
    self->layout_id = g_idle_add (update_narrow_cb, self);
}

static void
on_layout_toggled_cb (VitrineCardEditor *self)
{
  apply_layout (self);
}

static void
on_problem_activated_cb (VitrineCardEditor *self,
                         guint              line,
                         guint              column)
{
  if (self->narrow)
    gtk_toggle_button_set_active (self->source_pane_button, TRUE);
  vitrine_card_source_go_to (self->source, line, column);
}

/* ---- Actions ---------------------------------------------------------- */

static void
save_action_done_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  VitrineCardEditor *self = VITRINE_CARD_EDITOR (source);
  g_autoptr(GError) error = NULL;

  if (!vitrine_card_editor_save_finish (self, result, &error))
    _vitrine_card_editor_toast (self, error->message);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  vitrine_card_editor_save_async (VITRINE_CARD_EDITOR (widget), save_action_done_cb, NULL);
}

static void
find_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  vitrine_card_source_find (VITRINE_CARD_EDITOR (widget)->source);
}

static void
find_next_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  vitrine_card_source_find_next (VITRINE_CARD_EDITOR (widget)->source,
                                 !g_str_equal (action_name, "card.find-previous"));
}

static void
discard_draft_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  VitrineCardEditor *self = VITRINE_CARD_EDITOR (widget);
  g_autoptr(GError) error = NULL;

  if (!vitrine_card_document_discard_draft (self->document, &error))
    _vitrine_card_editor_toast (self, error->message);
  else
    gtk_revealer_set_reveal_child (self->draft_revealer, FALSE);
}

static void
keep_draft_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  gtk_revealer_set_reveal_child (VITRINE_CARD_EDITOR (widget)->draft_revealer, FALSE);
}

/* ---- Public API ------------------------------------------------------- */

GtkWidget *
vitrine_card_editor_new (void)
{
  return g_object_new (VITRINE_TYPE_CARD_EDITOR, NULL);
}

/**
 * vitrine_card_editor_load_folder:
 *
 * Opens the folder's README.md, or a new card made from what the folder
 * holds.  A draft left from an earlier session (or a crash) is restored,
 * with a banner that offers to discard it.
 */
gboolean
vitrine_card_editor_load_folder (VitrineCardEditor  *self,
                                 GFile              *folder,
                                 GError            **error)
{
  g_autofree char *restored = NULL;
  g_autofree char *path = NULL;

  g_return_val_if_fail (VITRINE_IS_CARD_EDITOR (self), FALSE);

  if (!vitrine_card_document_load_folder (self->document, folder, &restored, error))
    return FALSE;
  path = g_file_get_path (folder);
  vitrine_card_preview_set_folder (self->preview, path);
  if (restored != NULL)
    gtk_label_set_label (self->draft_label, restored);
  gtk_revealer_set_reveal_child (self->draft_revealer, restored != NULL);
  g_clear_handle_id (&self->refresh_id, g_source_remove);
  refresh (self, TRUE);
  return TRUE;
}

GFile *
vitrine_card_editor_get_folder (VitrineCardEditor *self)
{
  g_return_val_if_fail (VITRINE_IS_CARD_EDITOR (self), NULL);
  return vitrine_card_document_get_folder (self->document);
}

char *
vitrine_card_editor_get_text (VitrineCardEditor *self)
{
  g_return_val_if_fail (VITRINE_IS_CARD_EDITOR (self), NULL);
  return vitrine_card_document_get_text (self->document);
}

/**
 * vitrine_card_editor_get_base_text:
 *
 * The card the edits started from: README.md as it was when the folder was
 * opened, or the Hub's card once it was compared and settled.
 *
 * Returns: (nullable): the text, %NULL when there was no card
 */
const char *
vitrine_card_editor_get_base_text (VitrineCardEditor *self)
{
  g_return_val_if_fail (VITRINE_IS_CARD_EDITOR (self), NULL);
  return vitrine_card_document_get_base_text (self->document);
}

static void
saved_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  VitrineCardEditor *self = g_task_get_source_object (task);
  GError *error = NULL;

  if (!vitrine_card_document_save_finish (VITRINE_CARD_DOCUMENT (source), result, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  gtk_revealer_set_reveal_child (self->draft_revealer, FALSE);
  if (self->problems != NULL && self->problems->len > 0)
    _vitrine_card_editor_set_status (self, _("Saved to README.md. The Hub will not accept it until its problems are fixed."));
  else
    _vitrine_card_editor_set_status (self, _("Saved to README.md."));
  g_task_return_boolean (task, TRUE);
}

/**
 * vitrine_card_editor_save_async:
 *
 * Writes the card to README.md in the folder and drops the draft (off
 * the main thread: see vitrine_card_document_save_async()).
 */
void
vitrine_card_editor_save_async (VitrineCardEditor   *self,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (VITRINE_IS_CARD_EDITOR (self));

  task = g_task_new (self, NULL, callback, user_data);
  g_task_set_source_tag (task, vitrine_card_editor_save_async);
  vitrine_card_document_save_async (self->document, saved_cb, task);
}

gboolean
vitrine_card_editor_save_finish (VitrineCardEditor  *self,
                                 GAsyncResult       *result,
                                 GError            **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * vitrine_card_editor_get_problems:
 *
 * Returns: (transfer none) (element-type VitrineCardProblem): what the Hub
 *   would refuse in the card as it is now
 */
GPtrArray *
vitrine_card_editor_get_problems (VitrineCardEditor *self)
{
  g_return_val_if_fail (VITRINE_IS_CARD_EDITOR (self), NULL);
  return self->problems;
}

/* The document learns where the Hub's cards it is given come from. */
static void
update_hub (VitrineCardEditor *self)
{
  vitrine_card_document_set_hub (self->document,
                                 self->client != NULL ? vitrine_client_get_endpoint (self->client) : NULL,
                                 self->repo_id);
}

/* The hub to talk to: the one the window gives, its application's current
 * account (HF_ENDPOINT's hub, else this computer's); NULL until there is
 * one.  The editor never looks for tokens itself. */
VitrineClient *
_vitrine_card_editor_ensure_client (VitrineCardEditor *self)
{
  return self->client;
}

void
vitrine_card_editor_set_client (VitrineCardEditor *self,
                                VitrineClient     *client)
{
  g_return_if_fail (VITRINE_IS_CARD_EDITOR (self));
  g_set_object (&self->client, client);
  update_hub (self);
}

void
vitrine_card_editor_set_repo_id (VitrineCardEditor *self,
                                 const char        *repo_id)
{
  g_return_if_fail (VITRINE_IS_CARD_EDITOR (self));
  g_free (self->repo_id);
  self->repo_id = g_strdup (repo_id);
  update_hub (self);
}

/**
 * vitrine_card_editor_merge:
 * @theirs: the card on the Hub now
 * @conflicts: (out) (optional) (element-type utf8): what both sides changed
 *   differently, where this card's version was kept
 *
 * Takes into this card what changed on the Hub since the edits started,
 * as one step that Undo takes back.  Saving then lets the publisher
 * replace the Hub's card.
 */
gboolean
vitrine_card_editor_merge (VitrineCardEditor  *self,
                           const char         *theirs,
                           GPtrArray         **conflicts,
                           GError            **error)
{
  g_return_val_if_fail (VITRINE_IS_CARD_EDITOR (self), FALSE);

  if (!vitrine_card_document_merge (self->document, theirs, conflicts, error))
    return FALSE;
  vitrine_card_editor_flush (self);
  return TRUE;
}

/**
 * vitrine_card_editor_take_theirs:
 *
 * Replaces this card with the Hub's, as one step that Undo takes back.
 */
void
vitrine_card_editor_take_theirs (VitrineCardEditor *self,
                                 const char        *theirs)
{
  g_return_if_fail (VITRINE_IS_CARD_EDITOR (self));

  vitrine_card_document_take_theirs (self->document, theirs);
  vitrine_card_editor_flush (self);
}

/**
 * vitrine_card_editor_keep_mine:
 *
 * Records that the Hub's card was seen and this one is meant to replace
 * it; saving lets the publisher do so.
 */
void
vitrine_card_editor_keep_mine (VitrineCardEditor *self,
                               const char        *theirs)
{
  g_return_if_fail (VITRINE_IS_CARD_EDITOR (self));
  vitrine_card_document_keep_mine (self->document, theirs);
}

WebKitWebView *
vitrine_card_editor_get_preview (VitrineCardEditor *self)
{
  g_return_val_if_fail (VITRINE_IS_CARD_EDITOR (self), NULL);
  return vitrine_card_preview_get_web_view (self->preview);
}

/**
 * vitrine_card_editor_get_document:
 *
 * The card being edited: what changes it (vitrine_card_document_set_key())
 * shows in the form, the source and the preview, as a step Undo takes back.
 *
 * Returns: (transfer none): the document
 */
VitrineCardDocument *
vitrine_card_editor_get_document (VitrineCardEditor *self)
{
  g_return_val_if_fail (VITRINE_IS_CARD_EDITOR (self), NULL);
  return self->document;
}

/**
 * vitrine_card_editor_get_repo_id:
 *
 * Returns: (nullable): the repository the card is compared with
 */
const char *
vitrine_card_editor_get_repo_id (VitrineCardEditor *self)
{
  g_return_val_if_fail (VITRINE_IS_CARD_EDITOR (self), NULL);
  return self->repo_id;
}

/* ---- Object ----------------------------------------------------------- */

static void
on_status_cb (VitrineCardEditor *self)
{
  _vitrine_card_editor_set_status (self, vitrine_card_document_get_status (self->document));
}

static void
on_preview_updated_cb (VitrineCardEditor *self)
{
  g_signal_emit (self, signals[PREVIEW_UPDATED], 0);
}

static void
vitrine_card_editor_dispose (GObject *object)
{
  VitrineCardEditor *self = VITRINE_CARD_EDITOR (object);

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  g_clear_handle_id (&self->layout_id, g_source_remove);
  g_clear_handle_id (&self->remote_check_id, g_source_remove);
  g_cancellable_cancel (self->remote_check);
  g_cancellable_cancel (self->cancellable);
  if (self->document != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->document, self);
      g_signal_handlers_disconnect_by_data (vitrine_card_document_get_buffer (self->document), self);
    }

  gtk_widget_dispose_template (GTK_WIDGET (self), VITRINE_TYPE_CARD_EDITOR);
  /* Nothing typed is lost: the document writes a pending draft. */
  g_clear_object (&self->document);
  g_clear_object (&self->client);

  G_OBJECT_CLASS (vitrine_card_editor_parent_class)->dispose (object);
}

static void
vitrine_card_editor_finalize (GObject *object)
{
  VitrineCardEditor *self = VITRINE_CARD_EDITOR (object);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->remote_check);
  g_clear_pointer (&self->problems, g_ptr_array_unref);
  g_free (self->repo_id);

  G_OBJECT_CLASS (vitrine_card_editor_parent_class)->finalize (object);
}

static void
vitrine_card_editor_class_init (VitrineCardEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vitrine_card_editor_dispose;
  object_class->finalize = vitrine_card_editor_finalize;
  widget_class->measure = vitrine_card_editor_measure;
  widget_class->size_allocate = vitrine_card_editor_size_allocate;

  /**
   * VitrineCardEditor::preview-updated:
   *
   * The preview shows the card as it is now.
   */
  signals[PREVIEW_UPDATED] =
    g_signal_new ("preview-updated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /**
   * VitrineCardEditor::problems-changed:
   *
   * The card was checked again; see vitrine_card_editor_get_problems().
   */
  signals[PROBLEMS_CHANGED] =
    g_signal_new ("problems-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /**
   * VitrineCardEditor::compared:
   * @answer: what came of comparing with the Hub: "merge", "theirs" or
   *   "mine" (the user's choice), "same" (nothing differs), "absent" (no
   *   card there), "failed", or "" (the user closed the comparison)
   *
   * A comparison with the Hub's card, started by Compare With the Hub… or
   * vitrine_card_editor_compare_with_hub(), is over.
   */
  signals[COMPARED] =
    g_signal_new ("compared", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  g_type_ensure (VITRINE_TYPE_CARD_FORM);
  g_type_ensure (VITRINE_TYPE_CARD_SOURCE);
  g_type_ensure (VITRINE_TYPE_CARD_PREVIEW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/ui/vitrine-card-editor.ui");
  gtk_widget_class_set_css_name (widget_class, "cardeditor");
  gtk_widget_class_bind_template_child (widget_class, VitrineCardEditor, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, VitrineCardEditor, draft_revealer);
  gtk_widget_class_bind_template_child (widget_class, VitrineCardEditor, draft_label);
  gtk_widget_class_bind_template_child (widget_class, VitrineCardEditor, form);
  gtk_widget_class_bind_template_child (widget_class, VitrineCardEditor, source);
  gtk_widget_class_bind_template_child (widget_class, VitrineCardEditor, preview);
  gtk_widget_class_bind_template_child (widget_class, VitrineCardEditor, preview_box);
  gtk_widget_class_bind_template_child (widget_class, VitrineCardEditor, status_label);
  gtk_widget_class_bind_template_child (widget_class, VitrineCardEditor, preview_toggle);
  gtk_widget_class_bind_template_child (widget_class, VitrineCardEditor, form_pane);
  gtk_widget_class_bind_template_child (widget_class, VitrineCardEditor, source_paned);
  gtk_widget_class_bind_template_child (widget_class, VitrineCardEditor, source_pane);
  gtk_widget_class_bind_template_child (widget_class, VitrineCardEditor, pane_switcher);
  gtk_widget_class_bind_template_child (widget_class, VitrineCardEditor, form_pane_button);
  gtk_widget_class_bind_template_child (widget_class, VitrineCardEditor, source_pane_button);
  gtk_widget_class_bind_template_child (widget_class, VitrineCardEditor, preview_pane_button);
  gtk_widget_class_bind_template_callback (widget_class, on_layout_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_problem_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_preview_updated_cb);

  gtk_widget_class_install_action (widget_class, "card.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "card.find", NULL, find_action);
  gtk_widget_class_install_action (widget_class, "card.find-next", NULL, find_next_action);
  gtk_widget_class_install_action (widget_class, "card.find-previous", NULL, find_next_action);
  gtk_widget_class_install_action (widget_class, "card.compare", NULL, _vitrine_card_editor_compare_action);
  gtk_widget_class_install_action (widget_class, "card.discard-draft", NULL, discard_draft_action);
  gtk_widget_class_install_action (widget_class, "card.keep-draft", NULL, keep_draft_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "card.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "card.find", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_g, GDK_CONTROL_MASK, "card.find-next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_g, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "card.find-previous", NULL);
}

static void
vitrine_card_editor_init (VitrineCardEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->problems = g_ptr_array_new_with_free_func ((GDestroyNotify) vitrine_card_problem_free);
  self->document = vitrine_card_document_new ();
  vitrine_card_source_set_buffer (self->source, vitrine_card_document_get_buffer (self->document));
  vitrine_card_form_set_document (self->form, self->document);
  g_signal_connect_swapped (vitrine_card_document_get_buffer (self->document), "changed",
                            G_CALLBACK (on_buffer_changed_cb), self);
  g_signal_connect_swapped (self->document, "notify::status", G_CALLBACK (on_status_cb), self);
  g_signal_connect_swapped (self->form, "edit-failed", G_CALLBACK (_vitrine_card_editor_set_status), self);
  apply_layout (self);
  refresh (self, FALSE);
  vitrine_accessible_repair (GTK_WIDGET (self));
}
