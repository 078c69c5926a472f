/* vitrine-repo-store.h — repositories as bare git repositories
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <git2.h>
#include <json-glib/json-glib.h>

#include "vitrine-repo-id.h"

G_BEGIN_DECLS

/* Files larger than this are large files (LFS) when clients ask. */
#define VITRINE_LFS_THRESHOLD (10 * 1000 * 1000)

typedef struct
{
  VitrineRepoType  type;
  char            *ns;
  char            *name;
  char            *git_dir;
  char            *id;
  char            *created_at;
  char            *gated;
  char            *sdk;
  gboolean         private_;
} VitrineRepoMeta;

typedef struct
{
  char     *path;
  gboolean  is_dir;
  char      oid[GIT_OID_HEXSZ + 1];
  guint64   size;
  gboolean  lfs;
  char     *lfs_oid;
  guint64   pointer_size;
} VitrineEntry;

typedef enum
{
  VITRINE_OP_FILE,
  VITRINE_OP_LFS_FILE,
  VITRINE_OP_DELETE_FILE,
  VITRINE_OP_DELETE_FOLDER,
} VitrineOpKind;

typedef struct
{
  VitrineOpKind  kind;
  char          *path;
  GBytes        *content;
  char          *lfs_oid;
  guint64        lfs_size;
} VitrineOp;

typedef struct
{
  char    *id;
  char    *title;
  char    *message;
  char    *author;
  char    *date;
} VitrineCommitInfo;

void              vitrine_store_init             (void);
void              vitrine_store_recover          (const char      *data_dir);
void              vitrine_repo_meta_free         (VitrineRepoMeta *meta);
void              vitrine_entry_free             (VitrineEntry    *entry);
void              vitrine_op_free                (VitrineOp       *op);
void              vitrine_commit_info_free       (VitrineCommitInfo *info);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (VitrineRepoMeta, vitrine_repo_meta_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (VitrineEntry, vitrine_entry_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (git_repository, git_repository_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (git_commit, git_commit_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (git_tree, git_tree_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (git_tree_entry, git_tree_entry_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (git_blob, git_blob_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (git_reference, git_reference_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (git_revwalk, git_revwalk_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (git_index, git_index_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (git_object, git_object_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (git_signature, git_signature_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (git_config, git_config_free)

gboolean          vitrine_store_set_git_error    (GError         **error);

VitrineRepoMeta  *vitrine_store_lookup           (const char      *data_dir,
                                                  VitrineRepoType  type,
                                                  const char      *ns,
                                                  const char      *name);
char             *vitrine_store_lookup_redirect  (const char      *data_dir,
                                                  VitrineRepoType  type,
                                                  const char      *ns,
                                                  const char      *name);
GPtrArray        *vitrine_store_list             (const char      *data_dir,
                                                  VitrineRepoType  type);
gboolean          vitrine_store_create           (const char      *data_dir,
                                                  VitrineRepoType  type,
                                                  const char      *ns,
                                                  const char      *name,
                                                  gboolean         private_,
                                                  const char      *sdk,
                                                  const char      *author,
                                                  GError         **error);
gboolean          vitrine_store_delete           (const char      *data_dir,
                                                  VitrineRepoMeta *meta,
                                                  GError         **error);
gboolean          vitrine_store_move             (const char      *data_dir,
                                                  VitrineRepoMeta *meta,
                                                  const char      *to_ns,
                                                  const char      *to_name,
                                                  GError         **error);
gboolean          vitrine_store_set_settings     (VitrineRepoMeta *meta,
                                                  int              private_,
                                                  const char      *gated,
                                                  GError         **error);

git_repository   *vitrine_store_open_git         (VitrineRepoMeta *meta,
                                                  GError         **error);
gboolean          vitrine_store_resolve          (git_repository  *repo,
                                                  const char      *rev,
                                                  git_oid         *commit_id,
                                                  GError         **error);
VitrineEntry     *vitrine_store_entry            (git_repository  *repo,
                                                  const git_oid   *commit_id,
                                                  const char      *path,
                                                  GError         **error);
GPtrArray        *vitrine_store_list_tree        (git_repository  *repo,
                                                  const git_oid   *commit_id,
                                                  const char      *path,
                                                  gboolean         recursive,
                                                  GError         **error);
GBytes           *vitrine_store_read_blob        (git_repository  *repo,
                                                  const char      *oid_hex,
                                                  GError         **error);
GBytes           *vitrine_store_read_file        (git_repository  *repo,
                                                  const git_oid   *commit_id,
                                                  const char      *path);
GPtrArray        *vitrine_store_commits          (git_repository  *repo,
                                                  const git_oid   *commit_id,
                                                  guint            skip,
                                                  guint            limit,
                                                  guint           *total,
                                                  GError         **error);
VitrineCommitInfo *vitrine_store_last_commit     (git_repository  *repo,
                                                  const git_oid   *commit_id,
                                                  const char      *path);
JsonNode         *vitrine_store_refs             (git_repository  *repo,
                                                  gboolean         include_prs);
gint64            vitrine_store_last_modified    (git_repository  *repo,
                                                  const git_oid   *commit_id);

gboolean          vitrine_store_commit           (VitrineRepoMeta *meta,
                                                  const char      *lfs_objects_dir,
                                                  const char      *branch,
                                                  const char      *parent_commit,
                                                  gboolean         create_pr,
                                                  GPtrArray       *ops,
                                                  const char      *summary,
                                                  const char      *description,
                                                  const char      *author,
                                                  char           **commit_id,
                                                  char           **pr_ref,
                                                  GError         **error);
gboolean          vitrine_store_create_tag       (VitrineRepoMeta *meta,
                                                  const char      *rev,
                                                  const char      *tag,
                                                  const char      *message,
                                                  const char      *author,
                                                  GError         **error);
gboolean          vitrine_store_delete_ref       (VitrineRepoMeta *meta,
                                                  const char      *refname,
                                                  GError         **error);
gboolean          vitrine_store_create_branch    (VitrineRepoMeta *meta,
                                                  const char      *branch,
                                                  const char      *starting_point,
                                                  gboolean         empty,
                                                  gboolean         overwrite,
                                                  const char      *author,
                                                  GError         **error);

gboolean          vitrine_store_attributes_match_lfs (const char  *attributes,
                                                      const char  *path);
char             *vitrine_lfs_object_path        (const char      *lfs_objects_dir,
                                                  const char      *oid);

G_END_DECLS
