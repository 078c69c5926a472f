/* vitrine-commit-list.c — the history of a branch or tag as a list model
 * that fetches its pages as they are read
 *
 * As gitg's commit model does, the list grows while it is read: it holds
 * the commits fetched so far (newest first), and reading an item near its
 * end fetches the next page, whose commits are appended with
 * items-changed.  A view over it asks only for the rows it shows, so a
 * history of any length costs the pages scrolled through.  The
 * repository's branches and tags are fetched with the first page, and
 * each commit comes with the ones that point at it.  A commit already
 * listed is not listed again when the branch moved between two pages.
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "vitrine-commit-list.h"

struct _VitrineCommitList
{
  GObject          parent_instance;

  VitrineClient   *client;
  VitrineRepoType  type;
  char            *repo_id;
  char            *revision;
  guint            page_size;

  GPtrArray       *items;          /* VitrineCommit, with their refs */
  GHashTable      *positions;      /* id -> position + 1 */
  guint            n_total;
  guint            next_page;
  guint            pages_fetched;
  gboolean         started;        /* the first page is in */
  gboolean         complete;
  gboolean         loading;        /* a page is on its way: never two */
  gboolean         want_more;      /* a page was asked for while loading */
  guint            more_id;        /* a read near the end asks for more */
  GError          *error;

  GListModel      *refs;           /* NULL until fetched */
  GHashTable      *refs_by_target; /* commit id -> GListStore of VitrineRef */
  GListModel      *waiting_page;   /* a page in before the refs */
  guint            waiting_total;

  GCancellable    *cancellable;
};

static void vitrine_commit_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (VitrineCommitList, vitrine_commit_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, vitrine_commit_list_model_init))

enum {
  PROP_0,
  PROP_N_TOTAL,
  PROP_LOADING,
  PROP_COMPLETE,
  PROP_STARTED,
  PROP_ERROR,
  PROP_REFS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void start_page (VitrineCommitList *self);

static gboolean
load_more_cb (gpointer data)
{
  VitrineCommitList *self = data;

  self->more_id = 0;
  vitrine_commit_list_load_more (self);
  return G_SOURCE_REMOVE;
}

/* ---- GListModel ------------------------------------------------------- */

static GType
vitrine_commit_list_get_item_type (GListModel *model)
{
  return VITRINE_TYPE_COMMIT;
}

static guint
vitrine_commit_list_get_n_items (GListModel *model)
{
  return VITRINE_COMMIT_LIST (model)->items->len;
}

static gpointer
vitrine_commit_list_get_item (GListModel *model,
                              guint       position)
{
  VitrineCommitList *self = VITRINE_COMMIT_LIST (model);

  if (position >= self->items->len)
    return NULL;
  /* Reading near the end fetches what comes next: later, never while the
   * view asks, and once what the view shows now is drawn (a view that
   * reads ahead, as GtkListView does, would otherwise have the next page
   * come in, and its rows made, before the first frame). */
  if (position + self->page_size / 2 >= self->items->len && self->more_id == 0 && !self->complete)
    {
      self->more_id = g_idle_add_full (G_PRIORITY_LOW, load_more_cb, self, NULL);
      g_source_set_name_by_id (self->more_id, "[vitrine] commit list read-ahead");
    }
  return g_object_ref (g_ptr_array_index (self->items, position));
}

static void
vitrine_commit_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = vitrine_commit_list_get_item_type;
  iface->get_n_items = vitrine_commit_list_get_n_items;
  iface->get_item = vitrine_commit_list_get_item;
}

/* ---- Pages ------------------------------------------------------------ */

static void
set_loading (VitrineCommitList *self,
             gboolean           loading)
{
  if (self->loading == loading)
    return;
  self->loading = loading;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

static GListModel *
refs_of (VitrineCommitList *self,
         const char        *commit_id)
{
  GListModel *refs = self->refs_by_target != NULL ? g_hash_table_lookup (self->refs_by_target, commit_id) : NULL;

  return refs != NULL ? g_object_ref (refs) : G_LIST_MODEL (g_list_store_new (VITRINE_TYPE_REF));
}

static void
add_page (VitrineCommitList *self,
          GListModel        *page,
          guint              total)
{
  guint before = self->items->len;
  guint n = g_list_model_get_n_items (page);
  gboolean was_started = self->started;
  gboolean wanted = self->want_more;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(VitrineCommit) commit = g_list_model_get_item (page, i);
      const char *id = vitrine_commit_get_id (commit);
      g_autoptr(GListModel) refs = NULL;

      if (id == NULL || g_hash_table_contains (self->positions, id))
        continue;
      refs = refs_of (self, id);
      g_ptr_array_add (self->items, vitrine_commit_with_refs (commit, refs));
      g_hash_table_insert (self->positions, g_strdup (id), GUINT_TO_POINTER (self->items->len));
    }
  self->pages_fetched++;
  self->next_page++;
  self->started = TRUE;
  /* A short page is the last one, whatever the count said. */
  self->complete = n < self->page_size || (guint64) self->next_page * self->page_size >= total;
  self->want_more = FALSE;
  set_loading (self, FALSE);

  /* A view told of the new rows may read near the end at once, and more
   * than once: that asks for the next page once, later (see
   * vitrine_commit_list_get_item()). */
  if (self->items->len > before)
    g_list_model_items_changed (G_LIST_MODEL (self), before, 0, self->items->len - before);
  if (self->n_total != total)
    {
      self->n_total = total;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_TOTAL]);
    }
  if (self->complete)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COMPLETE]);
  if (!was_started)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STARTED]);

  /* More was asked for while this page was on its way, or a page of
   * commits already listed (the branch moved) showed nothing new: the
   * next one is fetched now, unless a view started it already. */
  if ((wanted || self->items->len == before) && !self->complete && !self->loading)
    start_page (self);
}

static void
on_page_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(VitrineCommitList) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) page = NULL;
  guint total = 0;

  page = vitrine_client_list_commits_finish (VITRINE_CLIENT (source), result, &total, &error);
  /* A page for a list that was reloaded since is not this list's. */
  if (g_cancellable_is_cancelled (g_task_get_cancellable (G_TASK (result))))
    return;
  if (page == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      g_clear_error (&self->error);
      self->error = g_steal_pointer (&error);
      self->want_more = FALSE;
      set_loading (self, FALSE);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ERROR]);
      return;
    }
  if (self->refs == NULL)
    {
      /* The first page waits for the branches and tags. */
      g_set_object (&self->waiting_page, page);
      self->waiting_total = total;
      return;
    }
  add_page (self, page, total);
}

static void
start_page (VitrineCommitList *self)
{
  set_loading (self, TRUE);
  vitrine_client_list_commits_async (self->client, self->type, self->repo_id, self->revision, self->next_page,
                                     self->page_size, self->cancellable, on_page_cb, g_object_ref (self));
}

static void
on_refs_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(VitrineCommitList) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) refs = vitrine_client_list_refs_finish (VITRINE_CLIENT (source), result, &error);

  if (g_cancellable_is_cancelled (g_task_get_cancellable (G_TASK (result))))
    return;
  if (refs == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      /* The history stands without its chips. */
      g_debug ("No branches and tags for %s: %s", self->repo_id, error->message);
      refs = G_LIST_MODEL (g_list_store_new (VITRINE_TYPE_REF));
    }

  g_clear_pointer (&self->refs_by_target, g_hash_table_unref);
  self->refs_by_target = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  for (guint i = 0; i < g_list_model_get_n_items (refs); i++)
    {
      g_autoptr(VitrineRef) ref = g_list_model_get_item (refs, i);
      const char *target = vitrine_ref_get_target (ref);
      GListStore *store;

      if (target == NULL)
        continue;
      store = g_hash_table_lookup (self->refs_by_target, target);
      if (store == NULL)
        {
          store = g_list_store_new (VITRINE_TYPE_REF);
          g_hash_table_insert (self->refs_by_target, g_strdup (target), store);
        }
      g_list_store_append (store, ref);
    }
  g_set_object (&self->refs, refs);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REFS]);

  if (self->waiting_page != NULL)
    {
      g_autoptr(GListModel) page = g_steal_pointer (&self->waiting_page);

      add_page (self, page, self->waiting_total);
    }
}

static void
start (VitrineCommitList *self)
{
  self->cancellable = g_cancellable_new ();
  vitrine_client_list_refs_async (self->client, self->type, self->repo_id, FALSE, self->cancellable,
                                  on_refs_cb, g_object_ref (self));
  start_page (self);
}

/* ---- The object ------------------------------------------------------- */

static void
vitrine_commit_list_dispose (GObject *object)
{
  VitrineCommitList *self = VITRINE_COMMIT_LIST (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->waiting_page);
  g_clear_handle_id (&self->more_id, g_source_remove);
  G_OBJECT_CLASS (vitrine_commit_list_parent_class)->dispose (object);
}

static void
vitrine_commit_list_finalize (GObject *object)
{
  VitrineCommitList *self = VITRINE_COMMIT_LIST (object);

  g_clear_object (&self->client);
  g_free (self->repo_id);
  g_free (self->revision);
  g_ptr_array_unref (self->items);
  g_hash_table_unref (self->positions);
  g_clear_error (&self->error);
  g_clear_object (&self->refs);
  g_clear_pointer (&self->refs_by_target, g_hash_table_unref);
  G_OBJECT_CLASS (vitrine_commit_list_parent_class)->finalize (object);
}

static void
vitrine_commit_list_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  VitrineCommitList *self = VITRINE_COMMIT_LIST (object);

  switch (prop_id)
    {
    case PROP_N_TOTAL:
      g_value_set_uint (value, self->n_total);
      break;
    case PROP_LOADING:
      g_value_set_boolean (value, self->loading);
      break;
    case PROP_COMPLETE:
      g_value_set_boolean (value, self->complete);
      break;
    case PROP_STARTED:
      g_value_set_boolean (value, self->started);
      break;
    case PROP_ERROR:
      g_value_set_boxed (value, self->error);
      break;
    case PROP_REFS:
      g_value_set_object (value, self->refs);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vitrine_commit_list_class_init (VitrineCommitListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = vitrine_commit_list_dispose;
  object_class->finalize = vitrine_commit_list_finalize;
  object_class->get_property = vitrine_commit_list_get_property;

  /* How many commits the whole history has, as the server counts them. */
  properties[PROP_N_TOTAL] = g_param_spec_uint ("n-total", NULL, NULL, 0, G_MAXUINT, 0, flags);
  /* Whether a page is on its way. */
  properties[PROP_LOADING] = g_param_spec_boolean ("loading", NULL, NULL, FALSE, flags);
  /* Whether every page is in. */
  properties[PROP_COMPLETE] = g_param_spec_boolean ("complete", NULL, NULL, FALSE, flags);
  /* Whether the first page is in. */
  properties[PROP_STARTED] = g_param_spec_boolean ("started", NULL, NULL, FALSE, flags);
  /* Why the last page could not be fetched, or NULL. */
  properties[PROP_ERROR] = g_param_spec_boxed ("error", NULL, NULL, G_TYPE_ERROR, flags);
  /* The repository's branches and tags, once fetched (#VitrineRef). */
  properties[PROP_REFS] = g_param_spec_object ("refs", NULL, NULL, G_TYPE_LIST_MODEL, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
vitrine_commit_list_init (VitrineCommitList *self)
{
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
  self->positions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->page_size = VITRINE_COMMIT_LIST_PAGE_SIZE;
}

/**
 * vitrine_commit_list_new:
 * @revision: (nullable): the branch, tag or commit the history starts
 *   from; %NULL for main
 * @page_size: commits a page; 0 for %VITRINE_COMMIT_LIST_PAGE_SIZE
 *
 * Starts fetching the first page and the repository's branches and tags,
 * on the thread-default main context.
 *
 * Returns: (transfer full): the list, empty until its first page is in
 */
VitrineCommitList *
vitrine_commit_list_new (VitrineClient   *client,
                         VitrineRepoType  type,
                         const char      *repo_id,
                         const char      *revision,
                         guint            page_size)
{
  VitrineCommitList *self;

  g_return_val_if_fail (VITRINE_IS_CLIENT (client), NULL);
  g_return_val_if_fail (repo_id != NULL, NULL);

  self = g_object_new (VITRINE_TYPE_COMMIT_LIST, NULL);
  self->client = g_object_ref (client);
  self->type = type;
  self->repo_id = g_strdup (repo_id);
  self->revision = g_strdup (revision != NULL ? revision : "main");
  if (page_size > 0)
    self->page_size = MIN (page_size, 1000);
  start (self);
  return self;
}

/**
 * vitrine_commit_list_load_more:
 *
 * Fetches the next page, unless one is on its way or all are in.  After
 * an error, tries again.
 */
void
vitrine_commit_list_load_more (VitrineCommitList *self)
{
  g_return_if_fail (VITRINE_IS_COMMIT_LIST (self));

  if (self->complete)
    return;
  if (self->loading || !self->started)
    {
      if (self->started)
        self->want_more = TRUE;
      return;
    }
  if (self->error != NULL)
    {
      g_clear_error (&self->error);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ERROR]);
    }
  start_page (self);
}

/**
 * vitrine_commit_list_reload:
 *
 * Forgets what was fetched, branches and tags too, and starts again from
 * the first page.
 */
void
vitrine_commit_list_reload (VitrineCommitList *self)
{
  guint removed;

  g_return_if_fail (VITRINE_IS_COMMIT_LIST (self));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->waiting_page);
  g_clear_object (&self->refs);
  g_clear_pointer (&self->refs_by_target, g_hash_table_unref);
  g_clear_error (&self->error);
  removed = self->items->len;
  g_ptr_array_set_size (self->items, 0);
  g_hash_table_remove_all (self->positions);
  self->next_page = 0;
  self->started = FALSE;
  self->complete = FALSE;
  self->want_more = FALSE;
  self->loading = FALSE;
  g_clear_handle_id (&self->more_id, g_source_remove);
  if (removed > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, removed, 0);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STARTED]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REFS]);
  start (self);
}

VitrineClient *
vitrine_commit_list_get_client (VitrineCommitList *self)
{
  g_return_val_if_fail (VITRINE_IS_COMMIT_LIST (self), NULL);
  return self->client;
}

VitrineRepoType
vitrine_commit_list_get_repo_type (VitrineCommitList *self)
{
  g_return_val_if_fail (VITRINE_IS_COMMIT_LIST (self), VITRINE_REPO_TYPE_MODEL);
  return self->type;
}

const char *
vitrine_commit_list_get_repo_id (VitrineCommitList *self)
{
  g_return_val_if_fail (VITRINE_IS_COMMIT_LIST (self), NULL);
  return self->repo_id;
}

const char *
vitrine_commit_list_get_revision (VitrineCommitList *self)
{
  g_return_val_if_fail (VITRINE_IS_COMMIT_LIST (self), NULL);
  return self->revision;
}

guint
vitrine_commit_list_get_n_total (VitrineCommitList *self)
{
  g_return_val_if_fail (VITRINE_IS_COMMIT_LIST (self), 0);
  return self->n_total;
}

gboolean
vitrine_commit_list_get_loading (VitrineCommitList *self)
{
  g_return_val_if_fail (VITRINE_IS_COMMIT_LIST (self), FALSE);
  return self->loading;
}

gboolean
vitrine_commit_list_get_complete (VitrineCommitList *self)
{
  g_return_val_if_fail (VITRINE_IS_COMMIT_LIST (self), FALSE);
  return self->complete;
}

gboolean
vitrine_commit_list_get_started (VitrineCommitList *self)
{
  g_return_val_if_fail (VITRINE_IS_COMMIT_LIST (self), FALSE);
  return self->started;
}

/**
 * vitrine_commit_list_get_error:
 *
 * Returns: (transfer none) (nullable): why the last page could not be
 *   fetched
 */
const GError *
vitrine_commit_list_get_error (VitrineCommitList *self)
{
  g_return_val_if_fail (VITRINE_IS_COMMIT_LIST (self), NULL);
  return self->error;
}

/**
 * vitrine_commit_list_get_refs:
 *
 * Returns: (transfer none) (nullable): the repository's branches and
 *   tags (#VitrineRef), once fetched
 */
GListModel *
vitrine_commit_list_get_refs (VitrineCommitList *self)
{
  g_return_val_if_fail (VITRINE_IS_COMMIT_LIST (self), NULL);
  return self->refs;
}

/* How many pages were fetched so far. */
guint
vitrine_commit_list_get_pages_fetched (VitrineCommitList *self)
{
  g_return_val_if_fail (VITRINE_IS_COMMIT_LIST (self), 0);
  return self->pages_fetched;
}

/**
 * vitrine_commit_list_find:
 * @position: (out) (optional): where it is
 *
 * Returns: (transfer none) (nullable): the commit @commit_id, if fetched
 */
VitrineCommit *
vitrine_commit_list_find (VitrineCommitList *self,
                          const char        *commit_id,
                          guint             *position)
{
  guint at;

  g_return_val_if_fail (VITRINE_IS_COMMIT_LIST (self), NULL);

  at = commit_id != NULL ? GPOINTER_TO_UINT (g_hash_table_lookup (self->positions, commit_id)) : 0;
  if (at == 0)
    return NULL;
  if (position != NULL)
    *position = at - 1;
  return g_ptr_array_index (self->items, at - 1);
}

/**
 * vitrine_commit_list_dup_parent_id:
 *
 * The commit to compare @commit with to see what it changed: its first
 * parent where the server names it, else the commit listed after it, else
 * %VITRINE_EMPTY_TREE_ID for the first commit of all.
 *
 * Returns: (transfer full) (nullable): that commit, or %NULL when it is
 *   not fetched yet (see vitrine_commit_list_load_more())
 */
char *
vitrine_commit_list_dup_parent_id (VitrineCommitList *self,
                                   VitrineCommit     *commit)
{
  const char * const *parents;
  guint position;

  g_return_val_if_fail (VITRINE_IS_COMMIT_LIST (self), NULL);
  g_return_val_if_fail (VITRINE_IS_COMMIT (commit), NULL);

  parents = vitrine_commit_get_parents (commit);
  if (parents != NULL)
    return g_strdup (parents[0] != NULL ? parents[0] : VITRINE_EMPTY_TREE_ID);
  if (vitrine_commit_list_find (self, vitrine_commit_get_id (commit), &position) == NULL)
    return NULL;
  if (position + 1 < self->items->len)
    return g_strdup (vitrine_commit_get_id (g_ptr_array_index (self->items, position + 1)));
  return self->complete ? g_strdup (VITRINE_EMPTY_TREE_ID) : NULL;
}
