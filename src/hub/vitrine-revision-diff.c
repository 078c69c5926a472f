/* vitrine-revision-diff.c — what changed from one revision to another:
 * the files, and the model card's text on both sides
 *
 * Loaded in one go on a worker thread: the comparison (the endpoint's, or
 * computed from tree listings, see vitrine-client-compare.c), then, when
 * the card changed, its text before and after, for a readable diff.  A
 * card that is not UTF-8 text is left out.
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "vitrine-error.h"
#include "vitrine-revision-diff.h"

/* A card longer than this is not shown as a diff. */
#define MAX_CARD_SIZE (4 * 1024 * 1024)

struct _VitrineRevisionDiff
{
  GObject      parent_instance;

  char        *from;
  char        *to;
  GListModel  *changes;
  gboolean     card_changed;
  char        *card_before;
  char        *card_after;
};

G_DEFINE_FINAL_TYPE (VitrineRevisionDiff, vitrine_revision_diff, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_FROM,
  PROP_TO,
  PROP_CHANGES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
vitrine_revision_diff_finalize (GObject *object)
{
  VitrineRevisionDiff *self = VITRINE_REVISION_DIFF (object);

  g_free (self->from);
  g_free (self->to);
  g_clear_object (&self->changes);
  g_free (self->card_before);
  g_free (self->card_after);
  G_OBJECT_CLASS (vitrine_revision_diff_parent_class)->finalize (object);
}

static void
vitrine_revision_diff_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  VitrineRevisionDiff *self = VITRINE_REVISION_DIFF (object);

  switch (prop_id)
    {
    case PROP_FROM:
      g_value_set_string (value, self->from);
      break;
    case PROP_TO:
      g_value_set_string (value, self->to);
      break;
    case PROP_CHANGES:
      g_value_set_object (value, self->changes);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vitrine_revision_diff_class_init (VitrineRevisionDiffClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = vitrine_revision_diff_finalize;
  object_class->get_property = vitrine_revision_diff_get_property;

  properties[PROP_FROM] = g_param_spec_string ("from", NULL, NULL, NULL, flags);
  properties[PROP_TO] = g_param_spec_string ("to", NULL, NULL, NULL, flags);
  /* The files that differ, by path (#VitrineFileChange). */
  properties[PROP_CHANGES] = g_param_spec_object ("changes", NULL, NULL, G_TYPE_LIST_MODEL, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
vitrine_revision_diff_init (VitrineRevisionDiff *self)
{
}

/* The card's text at @revision, or NULL when it has none that is text. */
static char *
read_card (VitrineClient    *client,
           VitrineRepoType   type,
           const char       *repo_id,
           const char       *revision,
           GCancellable     *cancellable,
           GError          **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *data;
  gsize len;

  if (g_str_equal (revision, VITRINE_EMPTY_TREE_ID))
    return g_strdup ("");
  bytes = vitrine_client_read_file (client, type, repo_id, revision, VITRINE_CARD_PATH, MAX_CARD_SIZE,
                                    cancellable, &local_error);
  if (bytes == NULL)
    {
      if (g_error_matches (local_error, VITRINE_ERROR, VITRINE_ERROR_ENTRY_NOT_FOUND))
        return g_strdup ("");
      if (g_error_matches (local_error, VITRINE_ERROR, VITRINE_ERROR_TOO_LARGE))
        return NULL;
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  data = g_bytes_get_data (bytes, &len);
  if (len > 0 && (!g_utf8_validate_len (data, len, NULL) || memchr (data, '\0', len) != NULL))
    return NULL;
  return g_strndup (data, len);
}

/**
 * vitrine_revision_diff_load:
 * @from: a revision, or %VITRINE_EMPTY_TREE_ID
 * @to: a revision, or %VITRINE_EMPTY_TREE_ID
 *
 * Returns: (transfer full): what changed from @from to @to
 */
VitrineRevisionDiff *
vitrine_revision_diff_load (VitrineClient    *client,
                            VitrineRepoType   type,
                            const char       *repo_id,
                            const char       *from,
                            const char       *to,
                            GCancellable     *cancellable,
                            GError          **error)
{
  g_autoptr(VitrineRevisionDiff) self = NULL;
  g_autoptr(GListModel) changes = NULL;

  g_return_val_if_fail (VITRINE_IS_CLIENT (client), NULL);
  g_return_val_if_fail (from != NULL && to != NULL, NULL);

  changes = vitrine_client_compare (client, type, repo_id, from, to, cancellable, error);
  if (changes == NULL)
    return NULL;

  self = g_object_new (VITRINE_TYPE_REVISION_DIFF, NULL);
  self->from = g_strdup (from);
  self->to = g_strdup (to);
  self->changes = g_steal_pointer (&changes);
  for (guint i = 0; i < g_list_model_get_n_items (self->changes); i++)
    {
      g_autoptr(VitrineFileChange) change = g_list_model_get_item (self->changes, i);

      if (g_str_equal (vitrine_file_change_get_path (change), VITRINE_CARD_PATH))
        self->card_changed = TRUE;
    }
  if (self->card_changed)
    {
      g_autoptr(GError) local_error = NULL;

      self->card_before = read_card (client, type, repo_id, from, cancellable, &local_error);
      if (local_error == NULL)
        self->card_after = read_card (client, type, repo_id, to, cancellable, &local_error);
      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
    }
  return g_steal_pointer (&self);
}

typedef struct
{
  VitrineRepoType  type;
  char            *repo_id;
  char            *from;
  char            *to;
} LoadData;

static void
load_data_free (LoadData *data)
{
  g_free (data->repo_id);
  g_free (data->from);
  g_free (data->to);
  g_free (data);
}

static void
load_thread (GTask        *task,
             gpointer      source,
             gpointer      task_data,
             GCancellable *cancellable)
{
  LoadData *data = task_data;
  GError *error = NULL;
  VitrineRevisionDiff *diff = vitrine_revision_diff_load (source, data->type, data->repo_id, data->from,
                                                          data->to, cancellable, &error);

  if (diff == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, diff, g_object_unref);
}

void
vitrine_revision_diff_load_async (VitrineClient        *client,
                                  VitrineRepoType       type,
                                  const char           *repo_id,
                                  const char           *from,
                                  const char           *to,
                                  GCancellable         *cancellable,
                                  GAsyncReadyCallback   callback,
                                  gpointer              user_data)
{
  g_autoptr(GTask) task = NULL;
  LoadData *data;

  g_return_if_fail (VITRINE_IS_CLIENT (client));
  g_return_if_fail (from != NULL && to != NULL);

  task = g_task_new (client, cancellable, callback, user_data);
  g_task_set_source_tag (task, vitrine_revision_diff_load_async);
  data = g_new0 (LoadData, 1);
  data->type = type;
  data->repo_id = g_strdup (repo_id);
  data->from = g_strdup (from);
  data->to = g_strdup (to);
  g_task_set_task_data (task, data, (GDestroyNotify) load_data_free);
  g_task_run_in_thread (task, load_thread);
}

/**
 * vitrine_revision_diff_load_finish:
 *
 * Returns: (transfer full): what changed
 */
VitrineRevisionDiff *
vitrine_revision_diff_load_finish (GAsyncResult  *result,
                                   GError       **error)
{
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == vitrine_revision_diff_load_async, NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

const char *
vitrine_revision_diff_get_from (VitrineRevisionDiff *self)
{
  g_return_val_if_fail (VITRINE_IS_REVISION_DIFF (self), NULL);
  return self->from;
}

const char *
vitrine_revision_diff_get_to (VitrineRevisionDiff *self)
{
  g_return_val_if_fail (VITRINE_IS_REVISION_DIFF (self), NULL);
  return self->to;
}

/**
 * vitrine_revision_diff_get_changes:
 *
 * Returns: (transfer none): the files that differ (#VitrineFileChange)
 */
GListModel *
vitrine_revision_diff_get_changes (VitrineRevisionDiff *self)
{
  g_return_val_if_fail (VITRINE_IS_REVISION_DIFF (self), NULL);
  return self->changes;
}

/* How many files were added, changed or deleted. */
guint
vitrine_revision_diff_count (VitrineRevisionDiff *self,
                             VitrineChangeKind    kind)
{
  guint n = 0;

  g_return_val_if_fail (VITRINE_IS_REVISION_DIFF (self), 0);

  for (guint i = 0; i < g_list_model_get_n_items (self->changes); i++)
    {
      g_autoptr(VitrineFileChange) change = g_list_model_get_item (self->changes, i);

      n += vitrine_file_change_get_kind (change) == kind;
    }
  return n;
}

gboolean
vitrine_revision_diff_card_changed (VitrineRevisionDiff *self)
{
  g_return_val_if_fail (VITRINE_IS_REVISION_DIFF (self), FALSE);
  return self->card_changed;
}

/**
 * vitrine_revision_diff_get_card_before:
 *
 * Returns: (nullable): the card's text before ("" when there was none),
 *   or %NULL when it did not change or is not text
 */
const char *
vitrine_revision_diff_get_card_before (VitrineRevisionDiff *self)
{
  g_return_val_if_fail (VITRINE_IS_REVISION_DIFF (self), NULL);
  return self->card_before;
}

/**
 * vitrine_revision_diff_get_card_after:
 *
 * Returns: (nullable): the card's text after ("" when it was deleted), or
 *   %NULL when it did not change or is not text
 */
const char *
vitrine_revision_diff_get_card_after (VitrineRevisionDiff *self)
{
  g_return_val_if_fail (VITRINE_IS_REVISION_DIFF (self), NULL);
  return self->card_after;
}
