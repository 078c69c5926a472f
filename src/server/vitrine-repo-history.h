/* vitrine-repo-history.h — a repository's revisions: resolving them,
 * walking commits, and its refs (branches, tags, pull requests)
 *
 * Results are plain records; the routes turn them into the Hub's JSON.
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "vitrine-repo-store.h"

G_BEGIN_DECLS

/* One commit. */
typedef struct
{
  char   *id;         /* full hex id */
  char   *title;      /* the message's first paragraph, on one line */
  char   *message;    /* the rest of the message ("" when none) */
  char   *author;     /* the author's name */
  gint64  date;       /* the author's date, seconds since 1970 */
  char  **parents;    /* hex ids of its parents, first parent first */
} VitrineStoreCommit;

/* One ref and the commit it leads to. */
typedef struct
{
  char *name;         /* without its prefix: `main`, `v1`, `1` */
  char *ref;          /* in full: `refs/heads/main` */
  char *target;       /* hex id of the commit (tags are peeled) */
} VitrineStoreRef;

VitrineStoreCommit *vitrine_store_commit_new      (git_commit         *commit);
VitrineStoreCommit *vitrine_store_commit_ref      (VitrineStoreCommit *commit);
void                vitrine_store_commit_free     (VitrineStoreCommit *commit);
void                vitrine_store_ref_free        (VitrineStoreRef    *ref);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (VitrineStoreCommit, vitrine_store_commit_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (VitrineStoreRef, vitrine_store_ref_free)

gboolean            vitrine_store_resolve         (git_repository  *repo,
                                                   const char      *rev,
                                                   git_oid         *commit_id,
                                                   GError         **error);
GPtrArray          *vitrine_store_commits         (git_repository  *repo,
                                                   const git_oid   *commit_id,
                                                   guint            skip,
                                                   guint            limit,
                                                   guint           *total,
                                                   GError         **error);
VitrineStoreCommit *vitrine_store_last_commit     (git_repository  *repo,
                                                   const git_oid   *commit_id,
                                                   const char      *path);
gint64              vitrine_store_last_modified   (git_repository  *repo,
                                                   const git_oid   *commit_id);
GPtrArray          *vitrine_store_list_refs       (git_repository  *repo,
                                                   const char      *prefix);

gboolean            vitrine_store_create_tag      (VitrineRepoMeta *meta,
                                                   const char      *rev,
                                                   const char      *tag,
                                                   const char      *message,
                                                   const char      *author,
                                                   GError         **error);
gboolean            vitrine_store_delete_ref      (VitrineRepoMeta *meta,
                                                   const char      *refname,
                                                   GError         **error);
gboolean            vitrine_store_create_branch   (VitrineRepoMeta *meta,
                                                   const char      *branch,
                                                   const char      *starting_point,
                                                   gboolean         empty,
                                                   gboolean         overwrite,
                                                   const char      *author,
                                                   GError         **error);

G_END_DECLS
