/* vitrine-client-compare.c — what changed between two revisions
 *
 * Asks the endpoint's compare endpoint (`compare/A..B?raw=true`, the raw
 * format of shared/reference/hub-api.md §6) where it has one, and
 * otherwise computes the same from the two revisions' tree listings;
 * an endpoint that answers that it has no such page (or answers in a
 * shape this file cannot read) is remembered, so the question is asked
 * once per client.  Either way the files come
 * back with what they were and are (paths-info fills in what the raw
 * format does not say), sorted by path, renames as a deletion and an
 * addition.
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "vitrine-client-private.h"
#include "vitrine-error.h"
#include "vitrine-file-change.h"

/* Paths asked about in one paths-info request. */
#define PATHS_PER_REQUEST 500
/* A raw answer longer than this is not read. */
#define MAX_RAW_ANSWER (64 * 1024 * 1024)

typedef struct
{
  VitrineChangeKind  kind;
  char              *path;
} RawChange;

static void
raw_change_free (RawChange *change)
{
  g_free (change->path);
  g_free (change);
}

static gboolean
is_empty_tree (const char *revision)
{
  return g_strcmp0 (revision, VITRINE_EMPTY_TREE_ID) == 0;
}

/* A path of the raw format: as it is, or quoted with C escapes. */
static char *
unquote_path (const char *text)
{
  GString *out;

  if (text[0] != '"')
    return g_strdup (text);
  out = g_string_new (NULL);
  for (const char *p = text + 1; *p != '\0' && *p != '"'; p++)
    {
      if (*p != '\\' || p[1] == '\0')
        {
          g_string_append_c (out, *p);
          continue;
        }
      p++;
      switch (*p)
        {
        case 't':
          g_string_append_c (out, '\t');
          break;
        case 'n':
          g_string_append_c (out, '\n');
          break;
        case 'r':
          g_string_append_c (out, '\r');
          break;
        case '0': case '1': case '2': case '3':
          if (p[1] >= '0' && p[1] <= '7' && p[2] >= '0' && p[2] <= '7')
            {
              g_string_append_c (out, (char) (((p[0] - '0') << 6) | ((p[1] - '0') << 3) | (p[2] - '0')));
              p += 2;
            }
          break;
        default:
          g_string_append_c (out, *p);
          break;
        }
    }
  return g_string_free (out, FALSE);
}

/* Reads the raw answer: `T|B <size>\t:<modes> <blobs> <X>\t<path>` lines
 * (a rename or copy, `R100\t<old>\t<new>`, as a deletion and an
 * addition).  Lines that cannot be read are a protocol error. */
static GPtrArray *
parse_raw (GBytes  *body,
           GError **error)
{
  g_autoptr(GPtrArray) changes = g_ptr_array_new_with_free_func ((GDestroyNotify) raw_change_free);
  g_auto(GStrv) lines = NULL;
  gsize len;
  const char *data = g_bytes_get_data (body, &len);
  g_autofree char *text = NULL;

  if (len == 0)
    return g_steal_pointer (&changes);
  if (len > MAX_RAW_ANSWER || memchr (data, '\0', len) != NULL)
    {
      _vitrine_client_set_protocol_error (error);
      return NULL;
    }
  text = g_strndup (data, len);
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = NULL;
      g_auto(GStrv) words = NULL;
      const char *status;
      guint n;

      if (*lines[i] == '\0')
        continue;
      fields = g_strsplit (lines[i], "\t", -1);
      n = g_strv_length (fields);
      if (n < 3)
        goto bad;
      words = g_strsplit (fields[1], " ", -1);
      if (g_strv_length (words) != 5 || words[0][0] != ':')
        goto bad;
      status = words[4];
      switch (status[0])
        {
        case 'A':
        case 'M':
        case 'D':
        case 'T':
          {
            RawChange *change = g_new0 (RawChange, 1);

            change->kind = status[0] == 'A' ? VITRINE_CHANGE_KIND_ADDED
                         : status[0] == 'D' ? VITRINE_CHANGE_KIND_DELETED : VITRINE_CHANGE_KIND_MODIFIED;
            change->path = unquote_path (fields[2]);
            g_ptr_array_add (changes, change);
          }
          break;
        case 'R':
        case 'C':
          {
            RawChange *added = g_new0 (RawChange, 1);

            if (n < 4)
              goto bad;
            if (status[0] == 'R')
              {
                RawChange *deleted = g_new0 (RawChange, 1);

                deleted->kind = VITRINE_CHANGE_KIND_DELETED;
                deleted->path = unquote_path (fields[2]);
                g_ptr_array_add (changes, deleted);
              }
            added->kind = VITRINE_CHANGE_KIND_ADDED;
            added->path = unquote_path (fields[3]);
            g_ptr_array_add (changes, added);
          }
          break;
        default:
          goto bad;
        }
    }
  return g_steal_pointer (&changes);

bad:
  _vitrine_client_set_protocol_error (error);
  return NULL;
}

/* The endpoint's raw compare; NULL with no error when it has none. */
static GPtrArray *
compare_endpoint (VitrineClient    *self,
                  VitrineRepoType   type,
                  const char       *repo_id,
                  const char       *from,
                  const char       *to,
                  GCancellable     *cancellable,
                  GError          **error)
{
  g_autofree char *a = g_uri_escape_string (from, NULL, FALSE);
  g_autofree char *b = g_uri_escape_string (to, NULL, FALSE);
  g_autofree char *range = g_strdup_printf ("%s..%s", a, b);
  g_autofree char *base = _vitrine_client_api_path (type, repo_id, "compare", NULL);
  g_autofree char *url = g_strdup_printf ("%s/%s?raw=true", base, range);
  VitrineRequest request = {
    .method = "GET",
    .url = url,
    .flags = VITRINE_REQUEST_IDEMPOTENT,
  };
  g_autoptr(VitrineResponse) response = _vitrine_client_request (self, &request, cancellable, error);
  guint status;

  if (response == NULL)
    return NULL;
  status = _vitrine_response_get_status (response);
  /* No such page (a 404 that names no repository, revision or entry),
   * or not that method: an endpoint without compare. */
  if ((status == 404 && _vitrine_response_get_header (response, "X-Error-Code") == NULL) ||
      status == 405 || status == 501)
    {
      g_debug ("%s has no compare endpoint (%u): comparing tree listings", vitrine_client_get_endpoint (self),
               status);
      _vitrine_client_set_lacks_compare (self);
      return NULL;
    }
  if (status >= 400)
    {
      g_propagate_error (error, _vitrine_response_to_error (response));
      return NULL;
    }
  {
    g_autoptr(GError) local_error = NULL;
    GPtrArray *changes = parse_raw (_vitrine_response_get_body (response), &local_error);

    /* An answer in another shape than ours: the listings say it too. */
    if (changes == NULL)
      {
        g_debug ("%s answers compare in a shape Vitrine cannot read: comparing tree listings",
                 vitrine_client_get_endpoint (self));
        _vitrine_client_set_lacks_compare (self);
      }
    return changes;
  }
}

/* Adds the files (not the folders) of @entries to @table, by path; the
 * table keeps the entries, and the keys are theirs. */
static void
add_files (GHashTable *table,
           GListModel *entries)
{
  for (guint i = 0; i < g_list_model_get_n_items (entries); i++)
    {
      VitrineTreeEntry *entry = g_list_model_get_item (entries, i);
      const char *path = vitrine_tree_entry_get_path (entry);

      if (path == NULL || vitrine_tree_entry_is_directory (entry))
        g_object_unref (entry);
      else
        g_hash_table_replace (table, (gpointer) path, entry);
    }
}

/* What @paths are at @revision, by path. */
static GHashTable *
entries_at (VitrineClient      *self,
            VitrineRepoType     type,
            const char         *repo_id,
            const char         *revision,
            GPtrArray          *paths,
            GCancellable       *cancellable,
            GError            **error)
{
  g_autoptr(GHashTable) entries = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_object_unref);

  for (guint start = 0; start < paths->len; start += PATHS_PER_REQUEST)
    {
      guint n = MIN (PATHS_PER_REQUEST, paths->len - start);
      g_autofree const char **batch = g_new0 (const char *, n + 1);
      g_autoptr(GListModel) found = NULL;

      for (guint i = 0; i < n; i++)
        batch[i] = g_ptr_array_index (paths, start + i);
      found = vitrine_client_paths_info (self, type, repo_id, revision, batch, FALSE, cancellable, error);
      if (found == NULL)
        return NULL;
      add_files (entries, found);
    }
  return g_steal_pointer (&entries);
}

/* The files of @revision, by path (none for the empty tree). */
static GHashTable *
files_at (VitrineClient    *self,
          VitrineRepoType   type,
          const char       *repo_id,
          const char       *revision,
          GCancellable     *cancellable,
          GError          **error)
{
  g_autoptr(GHashTable) files = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_object_unref);
  g_autoptr(GListModel) tree = NULL;

  if (is_empty_tree (revision))
    return g_steal_pointer (&files);
  tree = vitrine_client_list_tree (self, type, repo_id, revision, NULL, TRUE, cancellable, error);
  if (tree == NULL)
    return NULL;
  add_files (files, tree);
  return g_steal_pointer (&files);
}

static int
compare_paths (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  return strcmp (vitrine_file_change_get_path ((VitrineFileChange *) a),
                 vitrine_file_change_get_path ((VitrineFileChange *) b));
}

/* The same, from the two revisions' tree listings: files only one has
 * are added or deleted, files whose blob differs are changed. */
static GListStore *
compare_trees (VitrineClient    *self,
               VitrineRepoType   type,
               const char       *repo_id,
               const char       *from,
               const char       *to,
               GCancellable     *cancellable,
               GError          **error)
{
  g_autoptr(GHashTable) before = files_at (self, type, repo_id, from, cancellable, error);
  g_autoptr(GHashTable) after = NULL;
  g_autoptr(GListStore) store = g_list_store_new (VITRINE_TYPE_FILE_CHANGE);
  GHashTableIter iter;
  gpointer key, value;

  if (before == NULL)
    return NULL;
  after = files_at (self, type, repo_id, to, cancellable, error);
  if (after == NULL)
    return NULL;

  g_hash_table_iter_init (&iter, after);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      VitrineTreeEntry *old_entry = g_hash_table_lookup (before, key);
      g_autoptr(VitrineFileChange) change = NULL;

      if (old_entry == NULL)
        change = vitrine_file_change_new (VITRINE_CHANGE_KIND_ADDED, key, NULL, value);
      else if (g_strcmp0 (vitrine_tree_entry_get_oid (old_entry), vitrine_tree_entry_get_oid (value)) != 0)
        change = vitrine_file_change_new (VITRINE_CHANGE_KIND_MODIFIED, key, old_entry, value);
      if (change != NULL)
        g_list_store_append (store, change);
    }
  g_hash_table_iter_init (&iter, before);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (!g_hash_table_contains (after, key))
      {
        g_autoptr(VitrineFileChange) change = vitrine_file_change_new (VITRINE_CHANGE_KIND_DELETED, key, value, NULL);
        g_list_store_append (store, change);
      }
  g_list_store_sort (store, compare_paths, NULL);
  return g_steal_pointer (&store);
}

/* The endpoint's changes, with what each file was and is. */
static GListStore *
describe_changes (VitrineClient    *self,
                  VitrineRepoType   type,
                  const char       *repo_id,
                  const char       *from,
                  const char       *to,
                  GPtrArray        *raw,
                  GCancellable     *cancellable,
                  GError          **error)
{
  g_autoptr(GPtrArray) old_paths = g_ptr_array_new ();
  g_autoptr(GPtrArray) new_paths = g_ptr_array_new ();
  g_autoptr(GHashTable) before = NULL;
  g_autoptr(GHashTable) after = NULL;
  g_autoptr(GListStore) store = g_list_store_new (VITRINE_TYPE_FILE_CHANGE);

  for (guint i = 0; i < raw->len; i++)
    {
      RawChange *change = g_ptr_array_index (raw, i);

      if (change->kind != VITRINE_CHANGE_KIND_ADDED)
        g_ptr_array_add (old_paths, change->path);
      if (change->kind != VITRINE_CHANGE_KIND_DELETED)
        g_ptr_array_add (new_paths, change->path);
    }
  before = old_paths->len > 0 && !is_empty_tree (from)
    ? entries_at (self, type, repo_id, from, old_paths, cancellable, error)
    : g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_object_unref);
  if (before == NULL)
    return NULL;
  after = new_paths->len > 0 && !is_empty_tree (to)
    ? entries_at (self, type, repo_id, to, new_paths, cancellable, error)
    : g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_object_unref);
  if (after == NULL)
    return NULL;

  for (guint i = 0; i < raw->len; i++)
    {
      RawChange *raw_change = g_ptr_array_index (raw, i);
      VitrineTreeEntry *old_entry = raw_change->kind != VITRINE_CHANGE_KIND_ADDED
        ? g_hash_table_lookup (before, raw_change->path) : NULL;
      VitrineTreeEntry *new_entry = raw_change->kind != VITRINE_CHANGE_KIND_DELETED
        ? g_hash_table_lookup (after, raw_change->path) : NULL;
      g_autoptr(VitrineFileChange) change = NULL;

      /* A side the endpoint names must be there. */
      if ((raw_change->kind != VITRINE_CHANGE_KIND_ADDED && old_entry == NULL) ||
          (raw_change->kind != VITRINE_CHANGE_KIND_DELETED && new_entry == NULL))
        {
          _vitrine_client_set_protocol_error (error);
          return NULL;
        }
      change = vitrine_file_change_new (raw_change->kind, raw_change->path, old_entry, new_entry);
      g_list_store_append (store, change);
    }
  g_list_store_sort (store, compare_paths, NULL);
  return g_steal_pointer (&store);
}

/**
 * vitrine_client_compare:
 * @from: a branch, tag or commit, or %VITRINE_EMPTY_TREE_ID
 * @to: a branch, tag or commit, or %VITRINE_EMPTY_TREE_ID
 *
 * Lists the files that differ from @from to @to: through the endpoint's
 * compare where it has one, else from the two tree listings.
 *
 * Returns: (transfer full): #VitrineFileChange items, by path
 */
GListModel *
vitrine_client_compare (VitrineClient    *self,
                        VitrineRepoType   type,
                        const char       *repo_id,
                        const char       *from,
                        const char       *to,
                        GCancellable     *cancellable,
                        GError          **error)
{
  g_autoptr(GPtrArray) raw = NULL;
  GListStore *store;

  g_return_val_if_fail (VITRINE_IS_CLIENT (self), NULL);
  g_return_val_if_fail (from != NULL && to != NULL, NULL);

  if (!_vitrine_client_check_repo_id (repo_id, error))
    return NULL;

  if (!_vitrine_client_lacks_compare (self))
    {
      GError *local_error = NULL;

      raw = compare_endpoint (self, type, repo_id, from, to, cancellable, &local_error);
      if (raw == NULL && local_error != NULL)
        {
          g_propagate_error (error, local_error);
          return NULL;
        }
    }
  if (raw != NULL)
    {
      GError *local_error = NULL;

      store = describe_changes (self, type, repo_id, from, to, raw, cancellable, &local_error);
      /* Files the endpoint named that the listings do not have: its
       * compare is not to be trusted. */
      if (store == NULL && g_error_matches (local_error, VITRINE_ERROR, VITRINE_ERROR_PROTOCOL))
        {
          g_clear_error (&local_error);
          _vitrine_client_set_lacks_compare (self);
          store = compare_trees (self, type, repo_id, from, to, cancellable, error);
        }
      else if (store == NULL)
        g_propagate_error (error, local_error);
    }
  else
    store = compare_trees (self, type, repo_id, from, to, cancellable, error);
  return store != NULL ? G_LIST_MODEL (store) : NULL;
}

/**
 * vitrine_client_compare_trees:
 *
 * Like vitrine_client_compare(), always from the two tree listings.
 *
 * Returns: (transfer full): #VitrineFileChange items, by path
 */
GListModel *
vitrine_client_compare_trees (VitrineClient    *self,
                              VitrineRepoType   type,
                              const char       *repo_id,
                              const char       *from,
                              const char       *to,
                              GCancellable     *cancellable,
                              GError          **error)
{
  g_return_val_if_fail (VITRINE_IS_CLIENT (self), NULL);
  g_return_val_if_fail (from != NULL && to != NULL, NULL);

  if (!_vitrine_client_check_repo_id (repo_id, error))
    return NULL;
  return G_LIST_MODEL (compare_trees (self, type, repo_id, from, to, cancellable, error));
}

/* ---- _async and _finish ----------------------------------------------- */

VITRINE_CLIENT_ASYNC (compare, VITRINE_CALL_COMPARE,
                      (VitrineClient *self, VitrineRepoType type, const char *repo_id, const char *from,
                       const char *to, GCancellable *cancellable, GAsyncReadyCallback callback,
                       gpointer user_data),
                      .type = type, .repo_id = repo_id, .from = from, .revision = to)
VITRINE_CLIENT_FINISH (compare, VITRINE_CALL_COMPARE, GListModel *)
