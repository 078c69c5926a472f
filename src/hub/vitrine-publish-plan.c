/* vitrine-publish-plan.c — what a publish would change, before it runs
 *
 * The Review step shows it: the folder is scanned with the publisher's
 * rules and hashed (through the hash cache, so that an unchanged file is
 * not read again), the repository's tree is listed, and the two are
 * compared as a publish would: files added, changed and deleted (with
 * their sizes), how many are unchanged, the bytes a publish would send,
 * and whether the card on the server changed since it was last published
 * from here (the card guard), so the window can offer the Compare dialog
 * first.  Nothing is uploaded.
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "vitrine-error.h"
#include "vitrine-publish-plan-private.h"
#include "vitrine-publish-private.h"

struct _VitrinePublishPlan
{
  GObject     parent_instance;

  GListStore *added;
  GListStore *changed;
  GListStore *deleted;
  guint       n_unchanged;
  guint       n_files;
  guint64     n_bytes;
  guint64     bytes_to_send;
  gboolean    repo_exists;
  gboolean    card_changed;
};

G_DEFINE_FINAL_TYPE (VitrinePublishPlan, vitrine_publish_plan, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ADDED,
  PROP_CHANGED,
  PROP_DELETED,
  PROP_N_UNCHANGED,
  PROP_N_FILES,
  PROP_N_BYTES,
  PROP_BYTES_TO_SEND,
  PROP_REPO_EXISTS,
  PROP_CARD_CHANGED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
vitrine_publish_plan_finalize (GObject *object)
{
  VitrinePublishPlan *self = VITRINE_PUBLISH_PLAN (object);

  g_clear_object (&self->added);
  g_clear_object (&self->changed);
  g_clear_object (&self->deleted);
  G_OBJECT_CLASS (vitrine_publish_plan_parent_class)->finalize (object);
}

static void
vitrine_publish_plan_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  VitrinePublishPlan *self = VITRINE_PUBLISH_PLAN (object);

  switch (prop_id)
    {
    case PROP_ADDED:
      g_value_set_object (value, self->added);
      break;
    case PROP_CHANGED:
      g_value_set_object (value, self->changed);
      break;
    case PROP_DELETED:
      g_value_set_object (value, self->deleted);
      break;
    case PROP_N_UNCHANGED:
      g_value_set_uint (value, self->n_unchanged);
      break;
    case PROP_N_FILES:
      g_value_set_uint (value, self->n_files);
      break;
    case PROP_N_BYTES:
      g_value_set_uint64 (value, self->n_bytes);
      break;
    case PROP_BYTES_TO_SEND:
      g_value_set_uint64 (value, self->bytes_to_send);
      break;
    case PROP_REPO_EXISTS:
      g_value_set_boolean (value, self->repo_exists);
      break;
    case PROP_CARD_CHANGED:
      g_value_set_boolean (value, self->card_changed);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vitrine_publish_plan_class_init (VitrinePublishPlanClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = vitrine_publish_plan_finalize;
  object_class->get_property = vitrine_publish_plan_get_property;

  /* VitrinePlanEntry models, in path order. */
  properties[PROP_ADDED] = g_param_spec_object ("added", NULL, NULL, G_TYPE_LIST_MODEL, flags);
  properties[PROP_CHANGED] = g_param_spec_object ("changed", NULL, NULL, G_TYPE_LIST_MODEL, flags);
  properties[PROP_DELETED] = g_param_spec_object ("deleted", NULL, NULL, G_TYPE_LIST_MODEL, flags);
  properties[PROP_N_UNCHANGED] = g_param_spec_uint ("n-unchanged", NULL, NULL, 0, G_MAXUINT, 0, flags);
  /* The files of the folder a publish sends, and their size in all. */
  properties[PROP_N_FILES] = g_param_spec_uint ("n-files", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_N_BYTES] = g_param_spec_uint64 ("n-bytes", NULL, NULL, 0, G_MAXUINT64, 0, flags);
  /* What the added and changed files weigh. */
  properties[PROP_BYTES_TO_SEND] = g_param_spec_uint64 ("bytes-to-send", NULL, NULL, 0, G_MAXUINT64, 0, flags);
  /* FALSE: the publish creates the repository. */
  properties[PROP_REPO_EXISTS] = g_param_spec_boolean ("repo-exists", NULL, NULL, FALSE, flags);
  /* The Hub's README.md changed since it was last published from here,
   * and publishing would replace it: compare the cards first. */
  properties[PROP_CARD_CHANGED] = g_param_spec_boolean ("card-changed", NULL, NULL, FALSE, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
vitrine_publish_plan_init (VitrinePublishPlan *self)
{
  self->added = g_list_store_new (VITRINE_TYPE_PLAN_ENTRY);
  self->changed = g_list_store_new (VITRINE_TYPE_PLAN_ENTRY);
  self->deleted = g_list_store_new (VITRINE_TYPE_PLAN_ENTRY);
}

VitrinePublishPlan *
_vitrine_publish_plan_new (void)
{
  return g_object_new (VITRINE_TYPE_PUBLISH_PLAN, NULL);
}

void
_vitrine_publish_plan_add (VitrinePublishPlan *self,
                           VitrinePlanEntry   *entry)
{
  switch (vitrine_plan_entry_get_change (entry))
    {
    case VITRINE_PLAN_ADDED:
      g_list_store_append (self->added, entry);
      self->bytes_to_send += vitrine_plan_entry_get_size (entry);
      break;
    case VITRINE_PLAN_CHANGED:
      g_list_store_append (self->changed, entry);
      self->bytes_to_send += vitrine_plan_entry_get_size (entry);
      break;
    case VITRINE_PLAN_DELETED:
    default:
      g_list_store_append (self->deleted, entry);
      break;
    }
}

void
_vitrine_publish_plan_set_facts (VitrinePublishPlan *self,
                                 guint               n_files,
                                 guint64             n_bytes,
                                 guint               n_unchanged,
                                 gboolean            repo_exists,
                                 gboolean            card_changed)
{
  self->n_files = n_files;
  self->n_bytes = n_bytes;
  self->n_unchanged = n_unchanged;
  self->repo_exists = repo_exists;
  self->card_changed = card_changed;
}

/**
 * vitrine_publish_plan_get_added:
 *
 * Returns: (transfer none): the files a publish would add, a model of
 *   #VitrinePlanEntry
 */
GListModel *
vitrine_publish_plan_get_added (VitrinePublishPlan *self)
{
  g_return_val_if_fail (VITRINE_IS_PUBLISH_PLAN (self), NULL);
  return G_LIST_MODEL (self->added);
}

/**
 * vitrine_publish_plan_get_changed:
 *
 * Returns: (transfer none): the files a publish would change
 */
GListModel *
vitrine_publish_plan_get_changed (VitrinePublishPlan *self)
{
  g_return_val_if_fail (VITRINE_IS_PUBLISH_PLAN (self), NULL);
  return G_LIST_MODEL (self->changed);
}

/**
 * vitrine_publish_plan_get_deleted:
 *
 * Returns: (transfer none): the files a publish would delete on the server
 */
GListModel *
vitrine_publish_plan_get_deleted (VitrinePublishPlan *self)
{
  g_return_val_if_fail (VITRINE_IS_PUBLISH_PLAN (self), NULL);
  return G_LIST_MODEL (self->deleted);
}

guint
vitrine_publish_plan_get_n_unchanged (VitrinePublishPlan *self)
{
  g_return_val_if_fail (VITRINE_IS_PUBLISH_PLAN (self), 0);
  return self->n_unchanged;
}

guint
vitrine_publish_plan_get_n_files (VitrinePublishPlan *self)
{
  g_return_val_if_fail (VITRINE_IS_PUBLISH_PLAN (self), 0);
  return self->n_files;
}

guint64
vitrine_publish_plan_get_n_bytes (VitrinePublishPlan *self)
{
  g_return_val_if_fail (VITRINE_IS_PUBLISH_PLAN (self), 0);
  return self->n_bytes;
}

guint64
vitrine_publish_plan_get_bytes_to_send (VitrinePublishPlan *self)
{
  g_return_val_if_fail (VITRINE_IS_PUBLISH_PLAN (self), 0);
  return self->bytes_to_send;
}

gboolean
vitrine_publish_plan_get_repo_exists (VitrinePublishPlan *self)
{
  g_return_val_if_fail (VITRINE_IS_PUBLISH_PLAN (self), FALSE);
  return self->repo_exists;
}

gboolean
vitrine_publish_plan_get_card_changed (VitrinePublishPlan *self)
{
  g_return_val_if_fail (VITRINE_IS_PUBLISH_PLAN (self), FALSE);
  return self->card_changed;
}

/* Whether a publish would make a commit. */
gboolean
vitrine_publish_plan_has_changes (VitrinePublishPlan *self)
{
  g_return_val_if_fail (VITRINE_IS_PUBLISH_PLAN (self), FALSE);
  return g_list_model_get_n_items (G_LIST_MODEL (self->added)) > 0 ||
         g_list_model_get_n_items (G_LIST_MODEL (self->changed)) > 0 ||
         g_list_model_get_n_items (G_LIST_MODEL (self->deleted)) > 0;
}

/* ---- Making one, on a worker thread ----------------------------------- */

static int
compare_remote (gconstpointer a,
                gconstpointer b)
{
  const VitrineRemoteFile *x = *(VitrineRemoteFile * const *) a;
  const VitrineRemoteFile *y = *(VitrineRemoteFile * const *) b;

  return g_strcmp0 (x->path, y->path);
}

static VitrinePublishPlan *
make_plan (VitrinePublisher  *self,
           GCancellable      *cancellable,
           GError           **error)
{
  g_autoptr(VitrinePublishPlan) plan = _vitrine_publish_plan_new ();
  g_autoptr(GPtrArray) files = NULL;
  g_autoptr(GHashTable) remote = NULL;
  g_autoptr(GHashTable) local_paths = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(VitrineHashCache) cache = NULL;
  g_autoptr(VitrineRepoInfo) info = NULL;
  g_autoptr(GPtrArray) deleted = g_ptr_array_new ();
  g_autoptr(GError) local_error = NULL;
  gboolean card_changed = FALSE;
  guint n_unchanged = 0;
  guint64 n_bytes = 0;
  GHashTableIter iter;
  VitrineRemoteFile *rf;

  if (!vitrine_repo_id_parse (self->repo_id, NULL, NULL, error))
    return NULL;
  files = _vitrine_publisher_scan (self, NULL, cancellable, error);
  if (files == NULL)
    return NULL;

  info = vitrine_client_repo_info (self->client, self->type, self->repo_id, self->branch, cancellable, &local_error);
  if (info != NULL)
    remote = _vitrine_publisher_remote_files (self, vitrine_repo_info_get_sha (info) != NULL
                                                    ? vitrine_repo_info_get_sha (info) : self->branch,
                                              cancellable, error);
  else if (g_error_matches (local_error, VITRINE_ERROR, VITRINE_ERROR_REPO_NOT_FOUND) ||
           g_error_matches (local_error, VITRINE_ERROR, VITRINE_ERROR_NOT_FOUND) ||
           g_error_matches (local_error, VITRINE_ERROR, VITRINE_ERROR_REVISION_NOT_FOUND))
    /* Not there yet (or not the branch): everything is new. */
    remote = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) _vitrine_remote_file_free);
  else
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  if (remote == NULL)
    return NULL;

  cache = _vitrine_publisher_open_hash_cache (self);
  if (!_vitrine_publisher_card_changed (self, cache, files, remote, &card_changed, cancellable, error))
    return NULL;

  for (guint i = 0; i < files->len; i++)
    {
      VitrineLocalFile *file = g_ptr_array_index (files, i);
      g_autoptr(VitrinePlanEntry) entry = NULL;
      guint64 size = 0, read = 0;

      g_clear_pointer (&file->sha256, g_free);
      g_clear_pointer (&file->git_sha1, g_free);
      if (!vitrine_hash_cache_hash_file (cache, file->abs_path, file->size <= VITRINE_PUBLISH_REGULAR_LIMIT,
                                         &file->sha256, &file->git_sha1, &size, &read, cancellable, error))
        {
          vitrine_hash_cache_save (cache, NULL);
          return NULL;
        }
      file->size = size;
      n_bytes += size;
      g_hash_table_add (local_paths, file->path);
      rf = g_hash_table_lookup (remote, file->path);
      if (rf == NULL)
        entry = _vitrine_plan_entry_new (file->path, VITRINE_PLAN_ADDED, size, 0,
                                         size > VITRINE_PUBLISH_REGULAR_LIMIT);
      else if ((rf->lfs_oid != NULL && g_strcmp0 (rf->lfs_oid, file->sha256) == 0) ||
               (rf->lfs_oid == NULL && file->git_sha1 != NULL && g_strcmp0 (rf->oid, file->git_sha1) == 0))
        n_unchanged++;
      else
        entry = _vitrine_plan_entry_new (file->path, VITRINE_PLAN_CHANGED, size, rf->size,
                                         size > VITRINE_PUBLISH_REGULAR_LIMIT || rf->lfs_oid != NULL);
      if (entry != NULL)
        _vitrine_publish_plan_add (plan, entry);
    }
  {
    g_autoptr(GError) save_error = NULL;

    if (!vitrine_hash_cache_save (cache, &save_error))
      g_debug ("Could not save the hash cache: %s", save_error->message);
  }

  if (self->delete_remote)
    {
      g_hash_table_iter_init (&iter, remote);
      while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &rf))
        if (!g_hash_table_contains (local_paths, rf->path) && !g_str_equal (rf->path, ".gitattributes"))
          g_ptr_array_add (deleted, rf);
      g_ptr_array_sort (deleted, compare_remote);
      for (guint i = 0; i < deleted->len; i++)
        {
          VitrineRemoteFile *gone = g_ptr_array_index (deleted, i);
          g_autoptr(VitrinePlanEntry) entry = _vitrine_plan_entry_new (gone->path, VITRINE_PLAN_DELETED, 0,
                                                                       gone->size, gone->lfs_oid != NULL);

          _vitrine_publish_plan_add (plan, entry);
        }
    }

  _vitrine_publish_plan_set_facts (plan, files->len, n_bytes, n_unchanged, info != NULL, card_changed);
  return g_steal_pointer (&plan);
}

static void
plan_thread (GTask        *task,
             gpointer      source,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GError *error = NULL;
  VitrinePublishPlan *plan = make_plan (source, cancellable, &error);

  if (plan == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, plan, g_object_unref);
}

/**
 * vitrine_publisher_plan_async:
 *
 * Says, on a worker thread, what a run would change: the folder scanned
 * and hashed (through the hash cache) against the repository's tree.
 * Nothing is uploaded, and the repository is not created.
 */
void
vitrine_publisher_plan_async (VitrinePublisher    *self,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (VITRINE_IS_PUBLISHER (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, vitrine_publisher_plan_async);
  g_task_set_name (task, "vitrine_publisher_plan");
  g_task_run_in_thread (task, plan_thread);
}

/**
 * vitrine_publisher_plan_finish:
 *
 * Returns: (transfer full): the plan, or %NULL with @error set
 */
VitrinePublishPlan *
vitrine_publisher_plan_finish (VitrinePublisher  *self,
                               GAsyncResult      *result,
                               GError           **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
