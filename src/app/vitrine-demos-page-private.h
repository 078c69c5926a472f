/* vitrine-demos-page-private.h — what the files of the Demos area share
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "vitrine-demos-page.h"
#include "vitrine-log-view.h"
#include "vitrine-space-list.h"

G_BEGIN_DECLS

struct _VitrineDemosPage
{
  GtkWidget           parent_instance;

  VitrineApplication *application;
  VitrineAccount     *account;

  /* The demo shown: a Space of the account's hub, or a folder. */
  char               *space_id;
  char               *folder;
  VitrineClient      *client;
  gboolean            on_hub;
  gboolean            log_visible;
  int                 share_token;    /* -1 until asked */
  VitrineSpaceRun    *run;
  GCancellable       *run_cancellable;
  VitrineDemoView    *view;
  VitrineDemoView    *hub_view;
  char               *hub_address;
  VitrineRepoInfo    *info;
  GCancellable       *info_cancellable;
  char               *info_error;
  /* Runs being stopped, stopped for good with the page. */
  GPtrArray          *stopping;

  /* Template widgets */
  AdwLeaflet         *leaflet;
  VitrineSpaceList   *space_list;
  GtkLabel           *title_label;
  GtkLabel           *subtitle_label;
  GtkToggleButton    *here_button;
  GtkToggleButton    *hub_button;
  GtkButton          *run_button;
  GtkPaned           *paned;
  GtkStack           *content_stack;
  AdwStatusPage      *ready_status;
  GtkSpinner         *starting_spinner;
  GtkLabel           *starting_title;
  GtkLabel           *starting_label;
  VitrineLogView     *starting_log;
  GtkStack           *web_stack;
  AdwStatusPage      *problem_status;
  GtkLabel           *problem_log;
  GtkSpinner         *loading_spinner;
  AdwStatusPage      *hub_status;
  VitrineLogView     *log_view;
};

static inline gboolean
_vitrine_space_state_is_active (VitrineSpaceState state)
{
  return state == VITRINE_SPACE_STATE_FETCHING || state == VITRINE_SPACE_STATE_PREPARING ||
         state == VITRINE_SPACE_STATE_STARTING || state == VITRINE_SPACE_STATE_RUNNING;
}

static inline VitrineSpaceState
_vitrine_demos_page_run_state (VitrineDemosPage *self)
{
  return self->run != NULL ? vitrine_space_run_get_state (self->run) : VITRINE_SPACE_STATE_IDLE;
}

/* vitrine-demos-page.c */
void        _vitrine_demos_page_toast             (VitrineDemosPage  *self,
                                                   const char        *message);
void        _vitrine_demos_page_start_run         (VitrineDemosPage  *self);
void        _vitrine_demos_page_stop_run          (VitrineDemosPage  *self);

/* vitrine-demos-page-show.c: what the area shows */
void        _vitrine_demos_page_update            (VitrineDemosPage  *self);
const char *_vitrine_demos_page_shown_address     (VitrineDemosPage  *self);
void        _vitrine_demos_page_drop_view         (VitrineDemosPage  *self,
                                                   VitrineDemoView  **view);

/* vitrine-demos-page-actions.c: the toolbar's and the sidebar's actions */
void        _vitrine_demos_page_install_actions   (GtkWidgetClass    *widget_class);

G_END_DECLS
