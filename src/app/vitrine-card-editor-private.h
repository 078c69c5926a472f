/* vitrine-card-editor-private.h — what the files of the card editor share
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "vitrine-card-editor.h"
#include "vitrine-card-form.h"
#include "vitrine-card-preview.h"
#include "vitrine-card-source.h"

G_BEGIN_DECLS

struct _VitrineCardEditor
{
  GtkWidget            parent_instance;

  VitrineCardDocument *document;
  VitrineClient       *client;
  char                *repo_id;
  GPtrArray           *problems;
  GCancellable        *cancellable;

  guint                refresh_id;
  guint                remote_check_id;
  GCancellable        *remote_check;
  /* Bumped at each change of the text: answers about older text are dropped. */
  guint                generation;
  gboolean             narrow;
  guint                layout_id;

  /* Template widgets */
  AdwToastOverlay     *toast_overlay;
  GtkRevealer         *draft_revealer;
  GtkLabel            *draft_label;
  VitrineCardForm     *form;
  VitrineCardSource   *source;
  VitrineCardPreview  *preview;
  GtkWidget           *preview_box;
  GtkLabel            *status_label;
  GtkToggleButton     *preview_toggle;
  GtkWidget           *form_pane;
  GtkWidget           *source_paned;
  GtkWidget           *source_pane;
  GtkWidget           *pane_switcher;
  GtkToggleButton     *form_pane_button;
  GtkToggleButton     *source_pane_button;
  GtkToggleButton     *preview_pane_button;
};

VitrineClient *_vitrine_card_editor_ensure_client (VitrineCardEditor *self);
void _vitrine_card_editor_set_status     (VitrineCardEditor *self,
                                          const char        *status);
void _vitrine_card_editor_toast          (VitrineCardEditor *self,
                                          const char        *title);
void _vitrine_card_editor_compared      (VitrineCardEditor *self,
                                          const char        *answer);
void _vitrine_card_editor_compare_action (GtkWidget         *widget,
                                          const char        *action_name,
                                          GVariant          *parameter);

G_END_DECLS
