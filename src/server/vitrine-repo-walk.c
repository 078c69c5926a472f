/* vitrine-repo-walk.c — the order of a history, walked once per tip and
 * kept
 *
 * The commits listing pages through a history newest first.  Walking the
 * history from its tip for every page made a page cost what the whole
 * history costs; here one walk is kept, keyed by the repository and the
 * tip's id, with what the listing says of each commit (read from git once,
 * as the walk goes), so a page only copies out the commits it shows.  A commit id names its whole history, so a kept walk never goes
 * stale: a branch that moves has a new tip and a new walk.  A tip that
 * only adds commits of one parent each on top of a kept tip (a publish)
 * extends that walk instead of walking again.
 *
 * The order is git's own default order (`git log`): the newest commit
 * first, each commit after one of its children (see walk_all()).
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "vitrine-repo-history.h"
#include "vitrine-repo-walk.h"

/* How far back a new tip is followed, one parent at a time, to find a
 * kept walk it extends. */
#define MAX_EXTENSION 4096
/* A walk is kept up to this many commits (about 250 bytes each); a longer
 * history is walked for each page, as it was before walks were kept. */
#define MAX_KEPT_COMMITS 500000

typedef struct
{
  char      *git_dir;
  git_oid    tip;
  GPtrArray *commits;    /* VitrineStoreCommit, newest first */
  guint64    used;       /* when it was last used, on the clock below */
} Walk;

static GMutex     walks_lock;
static GPtrArray *walks;          /* Walk */
static guint64    clock_ticks;
static guint      n_full_walks;
static guint      n_extended;

static void
walk_free (Walk *walk)
{
  g_free (walk->git_dir);
  g_ptr_array_unref (walk->commits);
  g_free (walk);
}

/* Called with the lock held. */
static Walk *
find_walk (const char    *git_dir,
           const git_oid *tip)
{
  for (guint i = 0; walks != NULL && i < walks->len; i++)
    {
      Walk *walk = g_ptr_array_index (walks, i);

      if (git_oid_equal (&walk->tip, tip) && g_str_equal (walk->git_dir, git_dir))
        return walk;
    }
  return NULL;
}

/* Keeps @walk, dropping the least recently used one when full.  Called
 * with the lock held. */
static void
keep_walk (Walk *walk)
{
  if (walks == NULL)
    walks = g_ptr_array_new_with_free_func ((GDestroyNotify) walk_free);
  if (walks->len >= VITRINE_WALKS_KEPT)
    {
      guint oldest = 0;

      for (guint i = 1; i < walks->len; i++)
        if (((Walk *) g_ptr_array_index (walks, i))->used < ((Walk *) g_ptr_array_index (walks, oldest))->used)
          oldest = i;
      g_ptr_array_remove_index_fast (walks, oldest);
    }
  walk->used = ++clock_ticks;
  g_ptr_array_add (walks, walk);
}

static GPtrArray *
new_commits (guint size)
{
  return g_ptr_array_new_full (size, (GDestroyNotify) vitrine_store_commit_free);
}

/* The commits from @tip down its first parents while each has exactly
 * one parent, until one of them is the tip of a kept walk: that walk
 * with these on top, or NULL. */
static GPtrArray *
extend_kept_walk (git_repository *repo,
                  const char     *git_dir,
                  const git_oid  *tip)
{
  g_autoptr(GPtrArray) chain = new_commits (0);
  git_oid id = *tip;

  for (guint n = 0; n < MAX_EXTENSION; n++)
    {
      g_autoptr(git_commit) commit = NULL;
      GPtrArray *commits = NULL;

      g_mutex_lock (&walks_lock);
      {
        Walk *walk = n > 0 ? find_walk (git_dir, &id) : NULL;

        if (walk != NULL)
          {
            commits = new_commits (chain->len + walk->commits->len);
            for (guint i = 0; i < chain->len; i++)
              g_ptr_array_add (commits, vitrine_store_commit_ref (g_ptr_array_index (chain, i)));
            for (guint i = 0; i < walk->commits->len; i++)
              g_ptr_array_add (commits, vitrine_store_commit_ref (g_ptr_array_index (walk->commits, i)));
            walk->used = ++clock_ticks;
          }
      }
      g_mutex_unlock (&walks_lock);
      if (commits != NULL)
        return commits;

      if (git_commit_lookup (&commit, repo, &id) != 0 || git_commit_parentcount (commit) != 1)
        return NULL;
      g_ptr_array_add (chain, vitrine_store_commit_new (commit));
      git_oid_cpy (&id, git_commit_parent_id (commit, 0));
    }
  return NULL;
}

/* ---- git's own order --------------------------------------------------- */

/* A commit waiting to be shown: the newest first, and of two as new, the
 * one that waited longer (git's own tie-break). */
typedef struct
{
  git_oid      id;
  git_time_t   time;
  guint64      seq;
} Waiting;

static gboolean
waiting_before (const Waiting *a,
                const Waiting *b)
{
  return a->time > b->time || (a->time == b->time && a->seq < b->seq);
}

static void
heap_push (GArray  *heap,
           Waiting *item)
{
  guint i;

  g_array_append_val (heap, *item);
  for (i = heap->len - 1; i > 0; )
    {
      guint up = (i - 1) / 2;
      Waiting *child = &g_array_index (heap, Waiting, i);
      Waiting *parent = &g_array_index (heap, Waiting, up);
      Waiting tmp;

      if (!waiting_before (child, parent))
        break;
      tmp = *child;
      *child = *parent;
      *parent = tmp;
      i = up;
    }
}

static Waiting
heap_pop (GArray *heap)
{
  Waiting top = g_array_index (heap, Waiting, 0);
  guint i = 0;

  g_array_index (heap, Waiting, 0) = g_array_index (heap, Waiting, heap->len - 1);
  g_array_set_size (heap, heap->len - 1);
  for (;;)
    {
      guint left = 2 * i + 1, right = left + 1, best = i;
      Waiting tmp;

      if (left < heap->len && waiting_before (&g_array_index (heap, Waiting, left), &g_array_index (heap, Waiting, best)))
        best = left;
      if (right < heap->len && waiting_before (&g_array_index (heap, Waiting, right), &g_array_index (heap, Waiting, best)))
        best = right;
      if (best == i)
        break;
      tmp = g_array_index (heap, Waiting, i);
      g_array_index (heap, Waiting, i) = g_array_index (heap, Waiting, best);
      g_array_index (heap, Waiting, best) = tmp;
      i = best;
    }
  return top;
}

static guint
oid_hash (gconstpointer key)
{
  const git_oid *id = key;
  guint hash;

  memcpy (&hash, id->id, sizeof hash);
  return hash;
}

static gboolean
oid_equal (gconstpointer a,
           gconstpointer b)
{
  return git_oid_equal (a, b);
}

/* Walks the whole history of @tip as `git log` does: a commit is shown
 * when it is the newest (by committer date) of those waiting, and its
 * parents wait from then on.  So each commit comes after one of its
 * children, and commits of one date in the order they began to wait. */
static GPtrArray *
walk_all (git_repository  *repo,
          const git_oid   *tip,
          GError         **error)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (oid_hash, oid_equal, g_free, NULL);
  g_autoptr(GArray) heap = g_array_new (FALSE, FALSE, sizeof (Waiting));
  g_autoptr(git_commit) first = NULL;
  GPtrArray *commits;
  guint64 seq = 0;
  Waiting item;

  if (git_commit_lookup (&first, repo, tip) != 0)
    {
      vitrine_store_set_git_error (error);
      return NULL;
    }
  git_oid_cpy (&item.id, tip);
  item.time = git_commit_time (first);
  item.seq = seq++;
  heap_push (heap, &item);
  g_hash_table_add (seen, g_memdup2 (tip, sizeof *tip));

  commits = new_commits (0);
  while (heap->len > 0)
    {
      Waiting next = heap_pop (heap);
      g_autoptr(git_commit) commit = NULL;

      if (git_commit_lookup (&commit, repo, &next.id) != 0)
        continue;
      g_ptr_array_add (commits, vitrine_store_commit_new (commit));
      for (guint p = 0; p < git_commit_parentcount (commit); p++)
        {
          const git_oid *parent_id = git_commit_parent_id (commit, p);
          g_autoptr(git_commit) parent = NULL;

          if (g_hash_table_contains (seen, parent_id))
            continue;
          g_hash_table_add (seen, g_memdup2 (parent_id, sizeof *parent_id));
          /* A parent missing from the store ends that line. */
          if (git_commit_lookup (&parent, repo, parent_id) != 0)
            continue;
          git_oid_cpy (&item.id, parent_id);
          item.time = git_commit_time (parent);
          item.seq = seq++;
          heap_push (heap, &item);
        }
    }
  return commits;
}

/* Refs to the commits of @commits from @skip, @limit of them at most. */
static GPtrArray *
copy_page (GPtrArray *commits,
           guint      skip,
           guint      limit)
{
  guint start = MIN (skip, commits->len);
  guint end = start + MIN (limit, commits->len - start);
  GPtrArray *page = new_commits (end - start);

  for (guint i = start; i < end; i++)
    g_ptr_array_add (page, vitrine_store_commit_ref (g_ptr_array_index (commits, i)));
  return page;
}

/**
 * vitrine_store_walk_page:
 * @tip: the commit the history starts from
 * @skip: how many commits to leave out, newest first
 * @limit: how many to give at most
 * @total: (out): how many commits the history has in all
 *
 * Returns: (transfer full) (element-type VitrineStoreCommit): one page of
 *   the history of @tip, newest first
 */
GPtrArray *
vitrine_store_walk_page (git_repository  *repo,
                         const git_oid   *tip,
                         guint            skip,
                         guint            limit,
                         guint           *total,
                         GError         **error)
{
  const char *git_dir = git_repository_path (repo);
  g_autoptr(GPtrArray) commits = NULL;
  GPtrArray *page = NULL;
  gboolean extended;

  g_mutex_lock (&walks_lock);
  {
    Walk *walk = find_walk (git_dir, tip);

    if (walk != NULL)
      {
        walk->used = ++clock_ticks;
        page = copy_page (walk->commits, skip, limit);
        *total = walk->commits->len;
      }
  }
  g_mutex_unlock (&walks_lock);
  if (page != NULL)
    return page;

  /* Not kept yet: extend a kept one, or walk.  Two requests may both do
   * it; the second keeps the first's walk. */
  commits = extend_kept_walk (repo, git_dir, tip);
  extended = commits != NULL;
  if (commits == NULL)
    commits = walk_all (repo, tip, error);
  if (commits == NULL)
    return NULL;
  page = copy_page (commits, skip, limit);
  *total = commits->len;

  g_mutex_lock (&walks_lock);
  if (extended)
    n_extended++;
  else
    n_full_walks++;
  if (commits->len <= MAX_KEPT_COMMITS && find_walk (git_dir, tip) == NULL)
    {
      Walk *walk = g_new0 (Walk, 1);

      walk->git_dir = g_strdup (git_dir);
      git_oid_cpy (&walk->tip, tip);
      walk->commits = g_steal_pointer (&commits);
      keep_walk (walk);
    }
  g_mutex_unlock (&walks_lock);
  return page;
}

/* Drops every kept walk (tests). */
void
vitrine_store_walks_forget (void)
{
  g_mutex_lock (&walks_lock);
  g_clear_pointer (&walks, g_ptr_array_unref);
  g_mutex_unlock (&walks_lock);
}

/**
 * vitrine_store_walks_stats:
 * @extended: (out) (optional): how many walks were made by extending a
 *   kept one
 *
 * Returns: how many whole histories were walked since the process started
 */
guint
vitrine_store_walks_stats (guint *extended)
{
  guint full;

  g_mutex_lock (&walks_lock);
  full = n_full_walks;
  if (extended != NULL)
    *extended = n_extended;
  g_mutex_unlock (&walks_lock);
  return full;
}
