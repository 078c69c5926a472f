/* vitrine-window-private.h — what the files of the main window share
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "vitrine-demos-page.h"
#include "vitrine-history-page.h"
#include "vitrine-publish-view.h"
#include "vitrine-window.h"

G_BEGIN_DECLS

struct _VitrineWindow
{
  AdwApplicationWindow  parent_instance;

  GSettings            *state;
  GMenu                *account_menu;
  GMenu                *account_section;
  GSignalGroup         *account_signals;   /* the current account's */
  /* Set once the user chose how to close with publishes running. */
  gboolean              may_close;

  /* Template widgets */
  AdwToastOverlay      *toast_overlay;
  AdwViewStack         *stack;
  AdwViewSwitcherTitle *switcher_title;
  GtkMenuButton        *account_button;
  GtkImage             *account_icon;
  GtkLabel             *account_label;
  VitrinePublishView   *publish_view;
  VitrineHistoryPage   *history_page;
  VitrineDemosPage     *demos_page;
};

void  _vitrine_window_accounts_init    (VitrineWindow *self);
char *_vitrine_window_dup_account      (VitrineWindow *self);
void  _vitrine_window_set_account      (VitrineWindow *self,
                                        const char    *endpoint);
void _vitrine_window_accounts_install (GtkWidgetClass *widget_class);

G_END_DECLS
