/* vitrine-history-repos.c — the History area's first pane: the
 * repositories of the current account
 *
 * Models, datasets and Spaces of the account's user, listed together,
 * the newest first, a lock on private ones, searched by name.  Once
 * listed, the one asked for (win.show-history), else the one shown
 * before a refresh, else the newest is chosen.
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "vitrine-accessible.h"
#include "vitrine-history-page-private.h"
#include "vitrine-spinner.h"

static const char *
type_icon (VitrineRepoType type)
{
  switch (type)
    {
    case VITRINE_REPO_TYPE_DATASET:
      return "x-office-spreadsheet-symbolic";
    case VITRINE_REPO_TYPE_SPACE:
      return "media-playback-start-symbolic";
    case VITRINE_REPO_TYPE_MODEL:
    default:
      return "package-x-generic-symbolic";
    }
}

static const char *
type_name (VitrineRepoType type)
{
  switch (type)
    {
    case VITRINE_REPO_TYPE_DATASET:
      return _("Dataset");
    case VITRINE_REPO_TYPE_SPACE:
      return _("Space");
    case VITRINE_REPO_TYPE_MODEL:
    default:
      return _("Model");
    }
}

static void
setup_repo_row_cb (GtkSignalListItemFactory *factory,
                   GtkListItem              *item)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *icon = gtk_image_new ();
  GtkWidget *label = gtk_label_new (NULL);
  GtkWidget *lock = gtk_image_new_from_icon_name ("changes-prevent-symbolic");

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_MIDDLE);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_set_tooltip_text (lock, _("Private"));
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), lock);
  vitrine_accessible_repair (box);
  gtk_list_item_set_child (item, box);
}

static void
bind_repo_row_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *item)
{
  VitrineRepoInfo *repo = gtk_list_item_get_item (item);
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *icon = gtk_widget_get_first_child (box);
  GtkWidget *label = gtk_widget_get_next_sibling (icon);
  GtkWidget *lock = gtk_widget_get_next_sibling (label);
  VitrineRepoType type = vitrine_repo_info_get_repo_type (repo);
  gboolean private_ = vitrine_repo_info_get_private (repo);
  g_autofree char *described = NULL;

  gtk_image_set_from_icon_name (GTK_IMAGE (icon), type_icon (type));
  gtk_widget_set_tooltip_text (icon, type_name (type));
  gtk_label_set_label (GTK_LABEL (label), vitrine_repo_info_get_id (repo));
  gtk_widget_set_visible (lock, private_);
  /* Translators: a repository as a screen reader says it: "Model
   * alice/bert, private". */
  described = private_ ? g_strdup_printf (_("%s %s, private"), type_name (type), vitrine_repo_info_get_id (repo))
                       : g_strdup_printf (_("%s %s"), type_name (type), vitrine_repo_info_get_id (repo));
  gtk_accessible_update_property (GTK_ACCESSIBLE (box), GTK_ACCESSIBLE_PROPERTY_LABEL, described, -1);
}

static gboolean
repo_matches (gpointer item,
              gpointer user_data)
{
  VitrineHistoryPage *self = user_data;
  const char *search = gtk_editable_get_text (GTK_EDITABLE (self->repo_search));
  g_autofree char *needle = g_utf8_casefold (search, -1);
  g_autofree char *id = g_utf8_casefold (vitrine_repo_info_get_id (item), -1);

  return strstr (id, needle) != NULL;
}

void
_vitrine_history_page_search_repositories (VitrineHistoryPage *self)
{
  const char *search = gtk_editable_get_text (GTK_EDITABLE (self->repo_search));

  if (*search == '\0')
    gtk_filter_list_model_set_filter (self->repo_filter, NULL);
  else
    {
      g_autoptr(GtkCustomFilter) filter = gtk_custom_filter_new (repo_matches, self, NULL);
      gtk_filter_list_model_set_filter (self->repo_filter, GTK_FILTER (filter));
    }
}

/* Whether @repo is what @wanted names: `ns/name`, `datasets/ns/name` or
 * `spaces/ns/name`. */
static gboolean
repo_is (VitrineRepoInfo *repo,
         const char      *wanted)
{
  g_autofree char *url_form = g_strconcat (vitrine_repo_type_url_prefix (vitrine_repo_info_get_repo_type (repo)),
                                           vitrine_repo_info_get_id (repo), NULL);

  return g_strcmp0 (url_form, wanted) == 0;
}

guint
_vitrine_history_page_find_repo (VitrineHistoryPage *self,
                                 const char         *wanted)
{
  GListModel *model = G_LIST_MODEL (self->repo_filter);

  for (guint i = 0; wanted != NULL && i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(VitrineRepoInfo) repo = g_list_model_get_item (model, i);

      if (repo_is (repo, wanted))
        return i;
    }
  return GTK_INVALID_LIST_POSITION;
}

static int
newest_first (gconstpointer a,
              gconstpointer b,
              gpointer      user_data)
{
  const char *da = vitrine_repo_info_get_last_modified ((VitrineRepoInfo *) a);
  const char *db = vitrine_repo_info_get_last_modified ((VitrineRepoInfo *) b);
  int by_date = g_strcmp0 (db, da);

  return by_date != 0 ? by_date : g_strcmp0 (vitrine_repo_info_get_id ((VitrineRepoInfo *) a),
                                             vitrine_repo_info_get_id ((VitrineRepoInfo *) b));
}

static void
repos_loaded (VitrineHistoryPage *self)
{
  g_autofree char *keep = NULL;
  guint position;

  vitrine_spinner_stop (self->loading_spinner);
  if (self->repos_error != NULL && g_list_model_get_n_items (G_LIST_MODEL (self->repos)) == 0)
    {
      adw_status_page_set_description (self->error_status, self->repos_error->message);
      gtk_stack_set_visible_child_name (self->stack, "error");
      return;
    }
  g_list_store_sort (self->repos, newest_first, NULL);
  if (g_list_model_get_n_items (G_LIST_MODEL (self->repos)) == 0)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }
  gtk_stack_set_visible_child_name (self->stack, "main");

  /* The one asked for, else the one shown before, else the newest. */
  if (self->wanted_repo != NULL)
    keep = g_strdup (self->wanted_repo);
  else if (self->repo != NULL)
    keep = g_strconcat (vitrine_repo_type_url_prefix (vitrine_repo_info_get_repo_type (self->repo)),
                        vitrine_repo_info_get_id (self->repo), NULL);
  position = _vitrine_history_page_find_repo (self, keep);
  if (position == GTK_INVALID_LIST_POSITION && keep == NULL && !adw_leaflet_get_folded (self->leaflet))
    position = 0;
  if (position != GTK_INVALID_LIST_POSITION)
    {
      g_clear_pointer (&self->wanted_repo, g_free);
      gtk_single_selection_set_selected (self->repo_selection, position);
    }
}

typedef struct
{
  VitrineHistoryPage *self;
  GCancellable       *cancellable;
} Pending;

static void
on_repos_listed_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  Pending *pending = user_data;
  VitrineHistoryPage *self = pending->self;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) repos = vitrine_client_list_repos_finish (VITRINE_CLIENT (source), result, &error);
  gboolean stale = g_cancellable_is_cancelled (pending->cancellable);

  g_object_unref (pending->cancellable);
  g_free (pending);
  if (stale)
    {
      g_object_unref (self);
      return;
    }
  if (repos == NULL)
    {
      if (self->repos_error == NULL)
        self->repos_error = g_steal_pointer (&error);
    }
  else
    for (guint i = 0; i < g_list_model_get_n_items (repos); i++)
      {
        g_autoptr(VitrineRepoInfo) repo = g_list_model_get_item (repos, i);
        g_list_store_append (self->repos, repo);
      }
  if (--self->repos_pending == 0)
    repos_loaded (self);
  g_object_unref (self);
}

void
_vitrine_history_page_list_repositories (VitrineHistoryPage *self)
{
  static const VitrineRepoType types[] = {
    VITRINE_REPO_TYPE_MODEL, VITRINE_REPO_TYPE_DATASET, VITRINE_REPO_TYPE_SPACE,
  };
  VitrineClient *client = vitrine_account_get_client (self->account);

  g_list_store_remove_all (self->repos);
  g_clear_error (&self->repos_error);
  self->repos_pending = G_N_ELEMENTS (types);
  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    {
      Pending *pending = g_new0 (Pending, 1);

      pending->self = g_object_ref (self);
      pending->cancellable = g_object_ref (self->cancellable);
      vitrine_client_list_repos_async (client, types[i], vitrine_account_get_name (self->account), NULL,
                                       self->cancellable, on_repos_listed_cb, pending);
    }
}

static void
on_account_refreshed_cb (GObject      *source,
                         GAsyncResult *result,
                         gpointer      user_data)
{
  g_autoptr(VitrineHistoryPage) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!vitrine_account_refresh_finish (VITRINE_ACCOUNT (source), result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || VITRINE_ACCOUNT (source) != self->account)
        return;
      vitrine_spinner_stop (self->loading_spinner);
      adw_status_page_set_description (self->error_status, error->message);
      gtk_stack_set_visible_child_name (self->stack, "error");
      return;
    }
  if (VITRINE_ACCOUNT (source) == self->account)
    _vitrine_history_page_list_repositories (self);
}

/* Reads the account's user name, then lists. */
void
_vitrine_history_page_read_account (VitrineHistoryPage *self)
{
  vitrine_account_refresh_async (self->account, self->cancellable, on_account_refreshed_cb, g_object_ref (self));
}

void
_vitrine_history_page_init_repositories (VitrineHistoryPage *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  self->repos = g_list_store_new (VITRINE_TYPE_REPO_INFO);
  self->repo_filter = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->repos)), NULL);
  self->repo_selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->repo_filter)));
  gtk_single_selection_set_autoselect (self->repo_selection, FALSE);
  gtk_single_selection_set_can_unselect (self->repo_selection, TRUE);
  g_signal_connect (factory, "setup", G_CALLBACK (setup_repo_row_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_repo_row_cb), NULL);
  gtk_list_view_set_factory (self->repo_list, factory);
  gtk_list_view_set_model (self->repo_list, GTK_SELECTION_MODEL (self->repo_selection));
}
