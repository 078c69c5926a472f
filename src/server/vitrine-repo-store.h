/* vitrine-repo-store.h — repositories as bare git repositories: where they
 * live, their settings, creating, moving and deleting them
 *
 * What is inside a repository is read with vitrine-repo-tree.h and
 * vitrine-repo-history.h, and written with vitrine-commit-builder.h.
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <git2.h>
#include <gio/gio.h>

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

void              vitrine_store_init             (void);
void              vitrine_store_recover          (const char      *data_dir);
void              vitrine_repo_meta_free         (VitrineRepoMeta *meta);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (VitrineRepoMeta, vitrine_repo_meta_free)
void              vitrine_store_release_git      (git_repository  *repo);
void              vitrine_store_forget_git       (const char      *git_dir);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (git_repository, vitrine_store_release_git)
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
G_DEFINE_AUTOPTR_CLEANUP_FUNC (git_odb, git_odb_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (git_diff, git_diff_free)

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

char             *vitrine_lfs_object_path        (const char      *lfs_objects_dir,
                                                  const char      *oid);

G_END_DECLS
