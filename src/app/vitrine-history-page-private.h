/* vitrine-history-page-private.h — what the History area's files share
 *
 * vitrine-history-page.c has the three panes and their loading;
 * vitrine-history-repos.c the list of repositories;
 * vitrine-history-details.c the chosen version;
 * vitrine-history-actions.c the actions on a version (tag, branch,
 * compare, download) and their dialogs; vitrine-history-restore.c the
 * restore.
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "vitrine-history-page.h"
#include "vitrine-revision-view.h"

G_BEGIN_DECLS

struct _VitrineHistoryPage
{
  GtkWidget            parent_instance;

  VitrineAccount      *account;
  GCancellable        *cancellable;          /* the repositories' loading */
  GListStore          *repos;                /* VitrineRepoInfo */
  guint                repos_pending;
  GError              *repos_error;
  char                *wanted_repo;          /* to select once listed: "ns/name" form */
  VitrineRepoInfo     *repo;                 /* the one shown */
  VitrineCommitList   *commits;
  GtkStringList       *revision_labels;
  GPtrArray           *revisions;            /* what each label names */
  gboolean             filling_revisions;
  char                *wanted_commit;        /* to select once listed */
  VitrineCommit       *commit;               /* the one shown in the details */
  GCancellable        *details_cancellable;
  gint64               selected_at;          /* when a repository was chosen, for timing */

  /* Template widgets */
  AdwToastOverlay     *toast_overlay;
  GtkStack            *stack;
  AdwStatusPage       *history_status;
  GtkButton           *history_publish_button;
  AdwStatusPage       *error_status;
  GtkSpinner          *loading_spinner;
  AdwLeaflet          *leaflet;
  GtkWidget           *repos_pane;
  GtkWidget           *commits_pane;
  GtkSearchEntry      *repo_search;
  GtkListView         *repo_list;
  GtkLabel            *repo_title;
  GtkDropDown         *revision_dropdown;
  GtkSearchEntry      *commit_search;
  GtkStack            *commits_stack;
  GtkSpinner          *commits_spinner;
  AdwStatusPage       *commits_error;
  GtkListView         *commit_list;
  GtkStack            *details_stack;
  GtkScrolledWindow   *details_scroll;
  GtkLabel            *commit_title;
  GtkLabel            *commit_message;
  GtkBox              *refs_box;
  AdwActionRow        *author_row;
  AdwActionRow        *date_row;
  AdwActionRow        *id_row;
  GtkWidget           *actions_box;
  GtkStack            *changes_stack;
  GtkSpinner          *changes_spinner;
  GtkLabel            *changes_error;
  VitrineRevisionView *revision_view;

  /* Models */
  GtkFilterListModel  *repo_filter;
  GtkSingleSelection  *repo_selection;
  GtkFilterListModel  *commit_filter;
  GtkSingleSelection  *commit_selection;
};

/* vitrine-history-page.c */
VitrineClient *_vitrine_history_page_get_client    (VitrineHistoryPage *self);
GtkWindow     *_vitrine_history_page_get_window    (VitrineHistoryPage *self);
gboolean       _vitrine_history_page_is_branch_head (VitrineHistoryPage *self,
                                                    VitrineCommit      *commit);
char          *_vitrine_history_short_id           (const char         *id);
const char    *_vitrine_history_page_get_branch    (VitrineHistoryPage *self);
void           _vitrine_history_page_toast         (VitrineHistoryPage *self,
                                                    const char         *message);
void           _vitrine_history_page_changed       (VitrineHistoryPage *self);
void           _vitrine_history_page_update_actions (VitrineHistoryPage *self);

/* vitrine-history-details.c */
void           _vitrine_history_page_show_commit        (VitrineHistoryPage *self,
                                                         VitrineCommit      *commit);
void           _vitrine_history_page_on_commit_selected (VitrineHistoryPage *self);

/* vitrine-history-repos.c */
void           _vitrine_history_page_init_repositories   (VitrineHistoryPage *self);
void           _vitrine_history_page_list_repositories   (VitrineHistoryPage *self);
void           _vitrine_history_page_read_account        (VitrineHistoryPage *self);
void           _vitrine_history_page_search_repositories (VitrineHistoryPage *self);
guint          _vitrine_history_page_find_repo           (VitrineHistoryPage *self,
                                                          const char         *wanted);

/* vitrine-history-restore.c */
void           _vitrine_history_restore_action      (GtkWidget          *widget,
                                                     const char         *action_name,
                                                     GVariant           *parameter);
void           _vitrine_history_undo_restore_action (GtkWidget          *widget,
                                                     const char         *action_name,
                                                     GVariant           *parameter);

/* vitrine-history-actions.c */
void           _vitrine_history_page_class_init_actions (GtkWidgetClass *widget_class);
char          *_vitrine_history_check_ref_name     (VitrineHistoryPage *self,
                                                    const char         *name,
                                                    VitrineRefKind      kind);

G_END_DECLS
