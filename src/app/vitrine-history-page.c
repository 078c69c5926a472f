/* vitrine-history-page.c — the History area: repositories, their versions,
 * and what changed in each
 *
 * Three panes in a leaflet (one at a time in a narrow window): the
 * repositories of the current account (models, datasets and Spaces, a
 * lock on private ones, a search), the versions of the chosen one on a
 * branch or tag (a VitrineCommitList, fetched as it scrolls, filtered by
 * text), and the chosen version's details (vitrine-history-details.c;
 * vitrine-revision-view.c shows what it changed).  The list of
 * repositories is in vitrine-history-repos.c, the actions on a version in
 * vitrine-history-actions.c and vitrine-history-restore.c.  Whatever
 * changes a repository says so through the application's
 * repository-changed, and the page refreshes.
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "vitrine-accessible.h"
#include "vitrine-application.h"
#include "vitrine-commit-row.h"
#include "vitrine-history-page-private.h"
#include "vitrine-spinner.h"

G_DEFINE_FINAL_TYPE (VitrineHistoryPage, vitrine_history_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_ACCOUNT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void show_repository (VitrineHistoryPage *self,
                             VitrineRepoInfo    *repo);
static void load_commits    (VitrineHistoryPage *self,
                             const char         *revision);

/* ---- Shared with the actions ------------------------------------------ */

VitrineClient *
_vitrine_history_page_get_client (VitrineHistoryPage *self)
{
  return self->account != NULL ? vitrine_account_get_client (self->account) : NULL;
}

/* The branch a restore goes to: the one shown, or main when a tag is. */
const char *
_vitrine_history_page_get_branch (VitrineHistoryPage *self)
{
  const char *revision = self->commits != NULL ? vitrine_commit_list_get_revision (self->commits) : NULL;
  GListModel *refs = self->commits != NULL ? vitrine_commit_list_get_refs (self->commits) : NULL;

  for (guint i = 0; refs != NULL && revision != NULL && i < g_list_model_get_n_items (refs); i++)
    {
      g_autoptr(VitrineRef) ref = g_list_model_get_item (refs, i);

      if (vitrine_ref_get_kind (ref) == VITRINE_REF_BRANCH && g_strcmp0 (vitrine_ref_get_name (ref), revision) == 0)
        return revision;
    }
  return "main";
}

GtkWindow *
_vitrine_history_page_get_window (VitrineHistoryPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

/* A commit id as git shows it in one line. */
char *
_vitrine_history_short_id (const char *id)
{
  return g_strndup (id, 7);
}

/* Whether @commit is the head of the branch a restore would go to. */
gboolean
_vitrine_history_page_is_branch_head (VitrineHistoryPage *self,
                                      VitrineCommit      *commit)
{
  GListModel *refs = vitrine_commit_get_refs (commit);
  const char *branch = _vitrine_history_page_get_branch (self);

  for (guint i = 0; i < g_list_model_get_n_items (refs); i++)
    {
      g_autoptr(VitrineRef) ref = g_list_model_get_item (refs, i);

      if (vitrine_ref_get_kind (ref) == VITRINE_REF_BRANCH && g_strcmp0 (vitrine_ref_get_name (ref), branch) == 0)
        return TRUE;
    }
  return FALSE;
}

void
_vitrine_history_page_toast (VitrineHistoryPage *self,
                             const char         *message)
{
  vitrine_accessible_show_toast (self->toast_overlay, adw_toast_new (message));
}

/* Something here changed the repository shown: say so, and whoever shows
 * it refreshes (this page too, through the window). */
void
_vitrine_history_page_changed (VitrineHistoryPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkApplication *application = GTK_IS_WINDOW (root) ? gtk_window_get_application (GTK_WINDOW (root)) : NULL;

  if (self->repo == NULL)
    return;
  if (VITRINE_IS_APPLICATION (application))
    vitrine_application_repository_changed (VITRINE_APPLICATION (application),
                                            vitrine_account_get_endpoint (self->account),
                                            vitrine_repo_info_get_repo_type (self->repo),
                                            vitrine_repo_info_get_id (self->repo));
  else
    vitrine_history_page_repository_changed (self, vitrine_account_get_endpoint (self->account),
                                             vitrine_repo_info_get_repo_type (self->repo),
                                             vitrine_repo_info_get_id (self->repo));
}

/* ---- Repositories (the listing is in vitrine-history-repos.c) ---------- */

/**
 * vitrine_history_page_refresh:
 *
 * Reads the repositories again, and the versions of the one shown,
 * keeping what is selected.
 */
void
vitrine_history_page_refresh (VitrineHistoryPage *self)
{
  g_return_if_fail (VITRINE_IS_HISTORY_PAGE (self));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  if (self->account == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }
  if (g_list_model_get_n_items (G_LIST_MODEL (self->repos)) == 0)
    {
      vitrine_spinner_start_soon (self->loading_spinner);
      gtk_stack_set_visible_child_name (self->stack, "loading");
    }
  if (self->commits != NULL)
    {
      if (self->commit != NULL && self->wanted_commit == NULL)
        self->wanted_commit = g_strdup (vitrine_commit_get_id (self->commit));
      load_commits (self, vitrine_commit_list_get_revision (self->commits));
    }
  if (vitrine_account_get_name (self->account) == NULL)
    _vitrine_history_page_read_account (self);
  else
    _vitrine_history_page_list_repositories (self);
}

static void
on_repo_selected_cb (VitrineHistoryPage *self)
{
  VitrineRepoInfo *repo = gtk_single_selection_get_selected_item (self->repo_selection);

  if (repo == NULL)
    return;
  /* The same repository, listed again by a refresh: nothing to redo. */
  if (self->repo != NULL && vitrine_repo_info_get_repo_type (repo) == vitrine_repo_info_get_repo_type (self->repo) &&
      g_strcmp0 (vitrine_repo_info_get_id (repo), vitrine_repo_info_get_id (self->repo)) == 0)
    {
      g_set_object (&self->repo, repo);
      return;
    }
  show_repository (self, repo);
  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child (self->leaflet, self->commits_pane);
}

/* ---- Versions --------------------------------------------------------- */

/* The tick after the first page: it is on screen. */
static gboolean
first_page_drawn_cb (GtkWidget     *widget,
                     GdkFrameClock *clock,
                     gpointer       user_data)
{
  VitrineHistoryPage *self = user_data;

  if (self->selected_at != 0)
    g_debug ("History: the first page of %s was shown %.1f ms after it was chosen",
             self->repo != NULL ? vitrine_repo_info_get_id (self->repo) : "?",
             (g_get_monotonic_time () - self->selected_at) / 1000.0);
  self->selected_at = 0;
  return G_SOURCE_REMOVE;
}

static void
select_wanted_commit (VitrineHistoryPage *self)
{
  GListModel *model = G_LIST_MODEL (self->commit_filter);

  if (self->wanted_commit == NULL)
    return;
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(VitrineCommit) commit = g_list_model_get_item (model, i);

      if (g_str_equal (vitrine_commit_get_id (commit), self->wanted_commit))
        {
          g_clear_pointer (&self->wanted_commit, g_free);
          gtk_single_selection_set_selected (self->commit_selection, i);
          gtk_widget_activate_action (GTK_WIDGET (self->commit_list), "list.scroll-to-item", "u", i);
          return;
        }
    }
}

static void
on_commits_state_cb (VitrineHistoryPage *self)
{
  const GError *error = vitrine_commit_list_get_error (self->commits);

  if (vitrine_commit_list_get_started (self->commits))
    {
      if (!g_str_equal (gtk_stack_get_visible_child_name (self->commits_stack), "list"))
        {
          gtk_stack_set_visible_child_name (self->commits_stack, "list");
          vitrine_spinner_stop (self->commits_spinner);
          gtk_widget_add_tick_callback (GTK_WIDGET (self->commit_list), first_page_drawn_cb, self, NULL);
        }
      select_wanted_commit (self);
    }
  else if (error != NULL)
    {
      adw_status_page_set_description (self->commits_error, error->message);
      gtk_stack_set_visible_child_name (self->commits_stack, "error");
      vitrine_spinner_stop (self->commits_spinner);
    }
}

static void
fill_revisions (VitrineHistoryPage *self)
{
  GListModel *refs = vitrine_commit_list_get_refs (self->commits);
  const char *current = vitrine_commit_list_get_revision (self->commits);
  guint selected = 0;
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);

  self->filling_revisions = TRUE;
  g_ptr_array_set_size (self->revisions, 0);
  for (int pass = 0; pass < 2 && refs != NULL; pass++)
    for (guint i = 0; i < g_list_model_get_n_items (refs); i++)
      {
        g_autoptr(VitrineRef) ref = g_list_model_get_item (refs, i);
        VitrineRefKind kind = vitrine_ref_get_kind (ref);

        if ((pass == 0 && kind != VITRINE_REF_BRANCH) || (pass == 1 && kind != VITRINE_REF_TAG))
          continue;
        if (g_strcmp0 (vitrine_ref_get_name (ref), current) == 0)
          selected = self->revisions->len;
        g_ptr_array_add (self->revisions, g_strdup (vitrine_ref_get_name (ref)));
        /* Translators: a tag in the list of branches and tags. */
        g_ptr_array_add (labels, kind == VITRINE_REF_TAG ? g_strdup_printf (_("%s (tag)"), vitrine_ref_get_name (ref))
                                                         : g_strdup (vitrine_ref_get_name (ref)));
      }
  if (self->revisions->len == 0)
    {
      g_ptr_array_add (self->revisions, g_strdup (current));
      g_ptr_array_add (labels, g_strdup (current));
    }
  g_ptr_array_add (labels, NULL);
  gtk_string_list_splice (self->revision_labels, 0,
                          g_list_model_get_n_items (G_LIST_MODEL (self->revision_labels)),
                          (const char * const *) labels->pdata);
  gtk_drop_down_set_selected (self->revision_dropdown, selected);
  self->filling_revisions = FALSE;
}

static void
on_revision_selected_cb (VitrineHistoryPage *self)
{
  guint selected = gtk_drop_down_get_selected (self->revision_dropdown);

  if (self->filling_revisions || self->commits == NULL || selected >= self->revisions->len)
    return;
  if (g_strcmp0 (g_ptr_array_index (self->revisions, selected), vitrine_commit_list_get_revision (self->commits)) != 0)
    load_commits (self, g_ptr_array_index (self->revisions, selected));
}

static gboolean
commit_matches (gpointer item,
                gpointer user_data)
{
  VitrineHistoryPage *self = user_data;
  VitrineCommit *commit = item;
  g_autofree char *needle = g_utf8_casefold (gtk_editable_get_text (GTK_EDITABLE (self->commit_search)), -1);
  const char *fields[] = {
    vitrine_commit_get_title (commit), vitrine_commit_get_message (commit), vitrine_commit_get_author (commit),
  };
  GListModel *refs = vitrine_commit_get_refs (commit);

  if (g_str_has_prefix (vitrine_commit_get_id (commit), needle))
    return TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      g_autofree char *hay = fields[i] != NULL ? g_utf8_casefold (fields[i], -1) : NULL;

      if (hay != NULL && strstr (hay, needle) != NULL)
        return TRUE;
    }
  for (guint i = 0; i < g_list_model_get_n_items (refs); i++)
    {
      g_autoptr(VitrineRef) ref = g_list_model_get_item (refs, i);
      g_autofree char *hay = g_utf8_casefold (vitrine_ref_get_name (ref), -1);

      if (strstr (hay, needle) != NULL)
        return TRUE;
    }
  return FALSE;
}

/* Without a search the list stays lazy; with one, every page is read as
 * the filter goes through it. */
static void
on_commit_search_changed_cb (VitrineHistoryPage *self)
{
  const char *search = gtk_editable_get_text (GTK_EDITABLE (self->commit_search));

  if (*search == '\0')
    gtk_filter_list_model_set_filter (self->commit_filter, NULL);
  else
    {
      g_autoptr(GtkCustomFilter) filter = gtk_custom_filter_new (commit_matches, self, NULL);
      gtk_filter_list_model_set_filter (self->commit_filter, GTK_FILTER (filter));
    }
}

static void
load_commits (VitrineHistoryPage *self,
              const char         *revision)
{
  g_autofree char *wanted = g_strdup (revision);

  if (self->commits != NULL)
    g_signal_handlers_disconnect_by_data (self->commits, self);
  g_clear_object (&self->commits);
  /* A refresh keeps the version shown until it is listed again. */
  if (self->wanted_commit == NULL)
    _vitrine_history_page_show_commit (self, NULL);
  self->commits = vitrine_commit_list_new (_vitrine_history_page_get_client (self),
                                           vitrine_repo_info_get_repo_type (self->repo),
                                           vitrine_repo_info_get_id (self->repo), wanted, 0);
  g_signal_connect_object (self->commits, "notify::started", G_CALLBACK (on_commits_state_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->commits, "notify::error", G_CALLBACK (on_commits_state_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->commits, "notify::refs", G_CALLBACK (fill_revisions), self, G_CONNECT_SWAPPED);
  gtk_filter_list_model_set_model (self->commit_filter, G_LIST_MODEL (self->commits));
  vitrine_spinner_start_soon (self->commits_spinner);
  gtk_stack_set_visible_child_name (self->commits_stack, "loading");
}

static void
show_repository (VitrineHistoryPage *self,
                 VitrineRepoInfo    *repo)
{
  g_set_object (&self->repo, repo);
  self->selected_at = g_get_monotonic_time ();
  gtk_label_set_label (self->repo_title, vitrine_repo_info_get_id (repo));
  gtk_editable_set_text (GTK_EDITABLE (self->commit_search), "");
  load_commits (self, NULL);
  fill_revisions (self);
  _vitrine_history_page_update_actions (self);
}

/* ---- Public API ------------------------------------------------------- */

VitrineAccount *
vitrine_history_page_get_account (VitrineHistoryPage *self)
{
  g_return_val_if_fail (VITRINE_IS_HISTORY_PAGE (self), NULL);
  return self->account;
}

/**
 * vitrine_history_page_set_account:
 * @account: (nullable): whose repositories to show
 */
void
vitrine_history_page_set_account (VitrineHistoryPage *self,
                                  VitrineAccount     *account)
{
  g_return_if_fail (VITRINE_IS_HISTORY_PAGE (self));

  if (!g_set_object (&self->account, account))
    return;
  if (self->commits != NULL)
    g_signal_handlers_disconnect_by_data (self->commits, self);
  g_clear_object (&self->commits);
  g_clear_object (&self->repo);
  _vitrine_history_page_show_commit (self, NULL);
  gtk_filter_list_model_set_model (self->commit_filter, NULL);
  gtk_stack_set_visible_child_name (self->commits_stack, "none");
  g_list_store_remove_all (self->repos);
  vitrine_history_page_refresh (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACCOUNT]);
}

/**
 * vitrine_history_page_select_repository:
 * @repository: `ns/name`, `datasets/ns/name` or `spaces/ns/name`
 *
 * Shows that repository's versions, now if it is listed, else once the
 * list comes in.
 *
 * Returns: whether it was listed already
 */
gboolean
vitrine_history_page_select_repository (VitrineHistoryPage *self,
                                        const char         *repository)
{
  guint position;

  g_return_val_if_fail (VITRINE_IS_HISTORY_PAGE (self), FALSE);
  g_return_val_if_fail (repository != NULL, FALSE);

  gtk_editable_set_text (GTK_EDITABLE (self->repo_search), "");
  position = self->repos_pending == 0 ? _vitrine_history_page_find_repo (self, repository) : GTK_INVALID_LIST_POSITION;
  if (position != GTK_INVALID_LIST_POSITION)
    {
      gtk_single_selection_set_selected (self->repo_selection, position);
      return TRUE;
    }
  /* Not listed: just published, perhaps; the list is read again. */
  g_free (self->wanted_repo);
  self->wanted_repo = g_strdup (repository);
  if (self->repos_pending == 0 && self->account != NULL)
    vitrine_history_page_refresh (self);
  return FALSE;
}

/**
 * vitrine_history_page_repository_changed:
 *
 * Something changed @repo_id on @endpoint: the lists that show it are
 * read again.
 */
void
vitrine_history_page_repository_changed (VitrineHistoryPage *self,
                                         const char         *endpoint,
                                         VitrineRepoType     type,
                                         const char         *repo_id)
{
  g_return_if_fail (VITRINE_IS_HISTORY_PAGE (self));

  if (self->account == NULL || g_strcmp0 (endpoint, vitrine_account_get_endpoint (self->account)) != 0)
    return;
  vitrine_history_page_refresh (self);
}

/**
 * vitrine_history_page_get_commits:
 *
 * Returns: (transfer none) (nullable): the versions shown
 */
VitrineCommitList *
vitrine_history_page_get_commits (VitrineHistoryPage *self)
{
  g_return_val_if_fail (VITRINE_IS_HISTORY_PAGE (self), NULL);
  return self->commits;
}

/**
 * vitrine_history_page_get_selected_commit:
 *
 * Returns: (transfer none) (nullable): the version whose details show
 */
VitrineCommit *
vitrine_history_page_get_selected_commit (VitrineHistoryPage *self)
{
  g_return_val_if_fail (VITRINE_IS_HISTORY_PAGE (self), NULL);
  return self->commit;
}

/**
 * vitrine_history_page_select_commit:
 *
 * Returns: whether the version is listed, and now shown
 */
gboolean
vitrine_history_page_select_commit (VitrineHistoryPage *self,
                                    const char         *commit_id)
{
  g_return_val_if_fail (VITRINE_IS_HISTORY_PAGE (self), FALSE);

  g_free (self->wanted_commit);
  self->wanted_commit = g_strdup (commit_id);
  if (self->commits != NULL)
    select_wanted_commit (self);
  return self->wanted_commit == NULL;
}

/* ---- The object ------------------------------------------------------- */

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  adw_leaflet_navigate (VITRINE_HISTORY_PAGE (widget)->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
refresh_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  vitrine_history_page_refresh (VITRINE_HISTORY_PAGE (widget));
}

static void
find_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  VitrineHistoryPage *self = VITRINE_HISTORY_PAGE (widget);

  gtk_widget_grab_focus (GTK_WIDGET (self->repo != NULL ? self->commit_search : self->repo_search));
}

static void
vitrine_history_page_dispose (GObject *object)
{
  VitrineHistoryPage *self = VITRINE_HISTORY_PAGE (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  if (self->details_cancellable != NULL)
    g_cancellable_cancel (self->details_cancellable);
  if (self->commits != NULL)
    g_signal_handlers_disconnect_by_data (self->commits, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), VITRINE_TYPE_HISTORY_PAGE);
  /* The template's outer box is not bound: it goes too. */
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL;)
    gtk_widget_unparent (child);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->details_cancellable);
  g_clear_object (&self->account);
  g_clear_object (&self->repos);
  g_clear_object (&self->repo);
  g_clear_object (&self->commits);
  g_clear_object (&self->commit);
  g_clear_object (&self->revision_labels);
  g_clear_object (&self->repo_filter);
  g_clear_object (&self->repo_selection);
  g_clear_object (&self->commit_filter);
  g_clear_object (&self->commit_selection);
  G_OBJECT_CLASS (vitrine_history_page_parent_class)->dispose (object);
}

static void
vitrine_history_page_finalize (GObject *object)
{
  VitrineHistoryPage *self = VITRINE_HISTORY_PAGE (object);

  g_clear_error (&self->repos_error);
  g_free (self->wanted_repo);
  g_free (self->wanted_commit);
  g_ptr_array_unref (self->revisions);
  G_OBJECT_CLASS (vitrine_history_page_parent_class)->finalize (object);
}

static void
vitrine_history_page_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  VitrineHistoryPage *self = VITRINE_HISTORY_PAGE (object);

  switch (prop_id)
    {
    case PROP_ACCOUNT:
      g_value_set_object (value, self->account);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vitrine_history_page_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  VitrineHistoryPage *self = VITRINE_HISTORY_PAGE (object);

  switch (prop_id)
    {
    case PROP_ACCOUNT:
      vitrine_history_page_set_account (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vitrine_history_page_class_init (VitrineHistoryPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vitrine_history_page_dispose;
  object_class->finalize = vitrine_history_page_finalize;
  object_class->get_property = vitrine_history_page_get_property;
  object_class->set_property = vitrine_history_page_set_property;

  properties[PROP_ACCOUNT] =
    g_param_spec_object ("account", NULL, NULL, VITRINE_TYPE_ACCOUNT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (VITRINE_TYPE_COMMIT_ROW);
  g_type_ensure (VITRINE_TYPE_REVISION_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/ui/vitrine-history-page.ui");
  gtk_widget_class_bind_template_child (widget_class, VitrineHistoryPage, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, VitrineHistoryPage, stack);
  gtk_widget_class_bind_template_child (widget_class, VitrineHistoryPage, history_status);
  gtk_widget_class_bind_template_child (widget_class, VitrineHistoryPage, history_publish_button);
  gtk_widget_class_bind_template_child (widget_class, VitrineHistoryPage, error_status);
  gtk_widget_class_bind_template_child (widget_class, VitrineHistoryPage, loading_spinner);
  gtk_widget_class_bind_template_child (widget_class, VitrineHistoryPage, leaflet);
  gtk_widget_class_bind_template_child (widget_class, VitrineHistoryPage, repos_pane);
  gtk_widget_class_bind_template_child (widget_class, VitrineHistoryPage, commits_pane);
  gtk_widget_class_bind_template_child (widget_class, VitrineHistoryPage, repo_search);
  gtk_widget_class_bind_template_child (widget_class, VitrineHistoryPage, repo_list);
  gtk_widget_class_bind_template_child (widget_class, VitrineHistoryPage, repo_title);
  gtk_widget_class_bind_template_child (widget_class, VitrineHistoryPage, revision_dropdown);
  gtk_widget_class_bind_template_child (widget_class, VitrineHistoryPage, commit_search);
  gtk_widget_class_bind_template_child (widget_class, VitrineHistoryPage, commits_stack);
  gtk_widget_class_bind_template_child (widget_class, VitrineHistoryPage, commits_spinner);
  gtk_widget_class_bind_template_child (widget_class, VitrineHistoryPage, commits_error);
  gtk_widget_class_bind_template_child (widget_class, VitrineHistoryPage, commit_list);
  gtk_widget_class_bind_template_child (widget_class, VitrineHistoryPage, details_stack);
  gtk_widget_class_bind_template_child (widget_class, VitrineHistoryPage, details_scroll);
  gtk_widget_class_bind_template_child (widget_class, VitrineHistoryPage, commit_title);
  gtk_widget_class_bind_template_child (widget_class, VitrineHistoryPage, commit_message);
  gtk_widget_class_bind_template_child (widget_class, VitrineHistoryPage, refs_box);
  gtk_widget_class_bind_template_child (widget_class, VitrineHistoryPage, author_row);
  gtk_widget_class_bind_template_child (widget_class, VitrineHistoryPage, date_row);
  gtk_widget_class_bind_template_child (widget_class, VitrineHistoryPage, id_row);
  gtk_widget_class_bind_template_child (widget_class, VitrineHistoryPage, actions_box);
  gtk_widget_class_bind_template_child (widget_class, VitrineHistoryPage, changes_stack);
  gtk_widget_class_bind_template_child (widget_class, VitrineHistoryPage, changes_spinner);
  gtk_widget_class_bind_template_child (widget_class, VitrineHistoryPage, changes_error);
  gtk_widget_class_bind_template_child (widget_class, VitrineHistoryPage, revision_view);
  gtk_widget_class_bind_template_callback_full (widget_class, "on_repo_search_changed_cb",
                                                G_CALLBACK (_vitrine_history_page_search_repositories));
  gtk_widget_class_bind_template_callback (widget_class, on_commit_search_changed_cb);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);

  gtk_widget_class_install_action (widget_class, "history.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "history.refresh", NULL, refresh_action);
  gtk_widget_class_install_action (widget_class, "history.find", NULL, find_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "history.find", NULL);
  _vitrine_history_page_class_init_actions (widget_class);
}

static void
vitrine_history_page_init (VitrineHistoryPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->revisions = g_ptr_array_new_with_free_func (g_free);
  _vitrine_history_page_init_repositories (self);
  g_signal_connect_object (self->repo_selection, "notify::selected", G_CALLBACK (on_repo_selected_cb), self,
                           G_CONNECT_SWAPPED);

  self->commit_filter = gtk_filter_list_model_new (NULL, NULL);
  gtk_filter_list_model_set_incremental (self->commit_filter, TRUE);
  /* Once the filter and the selection took new versions in. */
  g_signal_connect_object (self->commit_filter, "items-changed", G_CALLBACK (select_wanted_commit), self,
                           G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  self->commit_selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->commit_filter)));
  gtk_single_selection_set_autoselect (self->commit_selection, FALSE);
  gtk_single_selection_set_can_unselect (self->commit_selection, TRUE);
  g_signal_connect_object (self->commit_selection, "notify::selected-item", G_CALLBACK (_vitrine_history_page_on_commit_selected), self,
                           G_CONNECT_SWAPPED);
  gtk_list_view_set_model (self->commit_list, GTK_SELECTION_MODEL (self->commit_selection));

  self->revision_labels = gtk_string_list_new (NULL);
  gtk_drop_down_set_model (self->revision_dropdown, G_LIST_MODEL (self->revision_labels));
  g_signal_connect_object (self->revision_dropdown, "notify::selected", G_CALLBACK (on_revision_selected_cb), self,
                           G_CONNECT_SWAPPED);

  vitrine_accessible_repair (GTK_WIDGET (self));
  gtk_stack_set_visible_child_name (self->stack, "empty");
  gtk_stack_set_visible_child_name (self->commits_stack, "none");
  gtk_stack_set_visible_child_name (self->details_stack, "none");
  _vitrine_history_page_update_actions (self);
}
