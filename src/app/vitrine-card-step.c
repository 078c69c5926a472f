/* vitrine-card-step.c — the publish wizard's Model Card step
 *
 * The card editor on the folder's README.md.  The step is complete when
 * the card has nothing the Hub would refuse.
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "vitrine-card-step.h"

struct _VitrineCardStep
{
  VitrineAssistantPage  parent_instance;

  VitrineCardEditor    *editor;
};

G_DEFINE_FINAL_TYPE (VitrineCardStep, vitrine_card_step, VITRINE_TYPE_ASSISTANT_PAGE)

static void
on_problems_changed_cb (VitrineCardStep *self)
{
  GPtrArray *problems = vitrine_card_editor_get_problems (self->editor);
  guint n = problems != NULL ? problems->len : 0;
  g_autofree char *problem = NULL;

  if (n > 0)
    problem = g_strdup_printf (ngettext ("The card has %u problem the Hub would refuse",
                                         "The card has %u problems the Hub would refuse", n), n);
  vitrine_assistant_page_set_state (VITRINE_ASSISTANT_PAGE (self), n == 0, FALSE, problem);
}

/**
 * vitrine_card_step_get_editor:
 *
 * Returns: (transfer none): the card editor
 */
VitrineCardEditor *
vitrine_card_step_get_editor (VitrineCardStep *self)
{
  g_return_val_if_fail (VITRINE_IS_CARD_STEP (self), NULL);
  return self->editor;
}

static void
vitrine_card_step_class_init (VitrineCardStepClass *klass)
{
}

static void
vitrine_card_step_init (VitrineCardStep *self)
{
  self->editor = VITRINE_CARD_EDITOR (vitrine_card_editor_new ());
  adw_bin_set_child (ADW_BIN (self), GTK_WIDGET (self->editor));
  vitrine_assistant_page_set_title (VITRINE_ASSISTANT_PAGE (self), _("Model Card"));
  g_signal_connect_object (self->editor, "problems-changed", G_CALLBACK (on_problems_changed_cb),
                           self, G_CONNECT_SWAPPED);
  on_problems_changed_cb (self);
}

VitrineCardStep *
vitrine_card_step_new (void)
{
  return g_object_new (VITRINE_TYPE_CARD_STEP, NULL);
}
