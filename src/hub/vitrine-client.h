/* vitrine-client.h — one client for the Hub, the local hub and any
 * Hub-compatible endpoint
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "vitrine-commit.h"
#include "vitrine-file-change.h"
#include "vitrine-hub-types.h"
#include "vitrine-ref.h"
#include "vitrine-repo-id.h"
#include "vitrine-repo-info.h"
#include "vitrine-restore-plan.h"
#include "vitrine-space-runtime.h"
#include "vitrine-tree-entry.h"
#include "vitrine-whoami.h"

G_BEGIN_DECLS

#define VITRINE_TYPE_CLIENT (vitrine_client_get_type ())

G_DECLARE_FINAL_TYPE (VitrineClient, vitrine_client, VITRINE, CLIENT, GObject)

/* How far a download is.  The blocking calls call it from their thread;
 * the _async ones on the main context that was the thread-default when
 * they were called, at most every 50 ms. */
typedef void (*VitrineProgressFunc) (guint64  done,
                                     guint64  total,
                                     gpointer user_data);

typedef struct
{
  char    *path;
  char    *mode;   /* "lfs" or "regular" */
  char    *remote_oid;
} VitrinePreuploadResult;

VitrineClient   *vitrine_client_new                 (const char           *endpoint,
                                                     const char           *token);
const char      *vitrine_client_get_endpoint        (VitrineClient        *self);
gboolean         vitrine_client_has_token           (VitrineClient        *self);
char            *vitrine_client_dup_token           (VitrineClient        *self);
void             vitrine_client_set_retry           (VitrineClient        *self,
                                                     guint                 max_retries,
                                                     guint                 base_delay_ms,
                                                     guint                 max_delay_ms);
gboolean         vitrine_client_ping                (VitrineClient        *self,
                                                     GCancellable         *cancellable,
                                                     GError              **error);

/* Accounts and repositories */
VitrineWhoami   *vitrine_client_whoami              (VitrineClient        *self,
                                                     GCancellable         *cancellable,
                                                     GError              **error);
void             vitrine_client_whoami_async        (VitrineClient        *self,
                                                     GCancellable         *cancellable,
                                                     GAsyncReadyCallback   callback,
                                                     gpointer              user_data);
VitrineWhoami   *vitrine_client_whoami_finish       (VitrineClient        *self,
                                                     GAsyncResult         *result,
                                                     GError              **error);
char            *vitrine_client_create_repo         (VitrineClient        *self,
                                                     VitrineRepoType       type,
                                                     const char           *repo_id,
                                                     gboolean              private_,
                                                     const char           *sdk,
                                                     gboolean              exist_ok,
                                                     GCancellable         *cancellable,
                                                     GError              **error);
void             vitrine_client_create_repo_async   (VitrineClient        *self,
                                                     VitrineRepoType       type,
                                                     const char           *repo_id,
                                                     gboolean              private_,
                                                     const char           *sdk,
                                                     gboolean              exist_ok,
                                                     GCancellable         *cancellable,
                                                     GAsyncReadyCallback   callback,
                                                     gpointer              user_data);
char            *vitrine_client_create_repo_finish  (VitrineClient        *self,
                                                     GAsyncResult         *result,
                                                     GError              **error);
gboolean         vitrine_client_delete_repo         (VitrineClient        *self,
                                                     VitrineRepoType       type,
                                                     const char           *repo_id,
                                                     GCancellable         *cancellable,
                                                     GError              **error);
void             vitrine_client_delete_repo_async   (VitrineClient        *self,
                                                     VitrineRepoType       type,
                                                     const char           *repo_id,
                                                     GCancellable         *cancellable,
                                                     GAsyncReadyCallback   callback,
                                                     gpointer              user_data);
gboolean         vitrine_client_delete_repo_finish  (VitrineClient        *self,
                                                     GAsyncResult         *result,
                                                     GError              **error);
gboolean         vitrine_client_move_repo           (VitrineClient        *self,
                                                     VitrineRepoType       type,
                                                     const char           *from_id,
                                                     const char           *to_id,
                                                     GCancellable         *cancellable,
                                                     GError              **error);
gboolean         vitrine_client_update_settings     (VitrineClient        *self,
                                                     VitrineRepoType       type,
                                                     const char           *repo_id,
                                                     int                   private_,
                                                     const char           *gated,
                                                     GCancellable         *cancellable,
                                                     GError              **error);
void             vitrine_client_update_settings_async (VitrineClient      *self,
                                                     VitrineRepoType       type,
                                                     const char           *repo_id,
                                                     int                   private_,
                                                     const char           *gated,
                                                     GCancellable         *cancellable,
                                                     GAsyncReadyCallback   callback,
                                                     gpointer              user_data);
gboolean         vitrine_client_update_settings_finish (VitrineClient     *self,
                                                     GAsyncResult         *result,
                                                     GError              **error);
VitrineRepoInfo *vitrine_client_repo_info           (VitrineClient        *self,
                                                     VitrineRepoType       type,
                                                     const char           *repo_id,
                                                     const char           *revision,
                                                     GCancellable         *cancellable,
                                                     GError              **error);
void             vitrine_client_repo_info_async     (VitrineClient        *self,
                                                     VitrineRepoType       type,
                                                     const char           *repo_id,
                                                     const char           *revision,
                                                     GCancellable         *cancellable,
                                                     GAsyncReadyCallback   callback,
                                                     gpointer              user_data);
VitrineRepoInfo *vitrine_client_repo_info_finish    (VitrineClient        *self,
                                                     GAsyncResult         *result,
                                                     GError              **error);
GListModel      *vitrine_client_list_repos          (VitrineClient        *self,
                                                     VitrineRepoType       type,
                                                     const char           *author,
                                                     const char           *search,
                                                     GCancellable         *cancellable,
                                                     GError              **error);
void             vitrine_client_list_repos_async    (VitrineClient        *self,
                                                     VitrineRepoType       type,
                                                     const char           *author,
                                                     const char           *search,
                                                     GCancellable         *cancellable,
                                                     GAsyncReadyCallback   callback,
                                                     gpointer              user_data);
GListModel      *vitrine_client_list_repos_finish   (VitrineClient        *self,
                                                     GAsyncResult         *result,
                                                     GError              **error);
VitrineSpaceRuntime *vitrine_client_space_runtime   (VitrineClient        *self,
                                                     const char           *space_id,
                                                     GCancellable         *cancellable,
                                                     GError              **error);
void             vitrine_client_space_runtime_async (VitrineClient        *self,
                                                     const char           *space_id,
                                                     GCancellable         *cancellable,
                                                     GAsyncReadyCallback   callback,
                                                     gpointer              user_data);
VitrineSpaceRuntime *vitrine_client_space_runtime_finish (VitrineClient   *self,
                                                     GAsyncResult         *result,
                                                     GError              **error);

/* Files */
GListModel      *vitrine_client_list_tree           (VitrineClient        *self,
                                                     VitrineRepoType       type,
                                                     const char           *repo_id,
                                                     const char           *revision,
                                                     const char           *path,
                                                     gboolean              recursive,
                                                     GCancellable         *cancellable,
                                                     GError              **error);
void             vitrine_client_list_tree_async     (VitrineClient        *self,
                                                     VitrineRepoType       type,
                                                     const char           *repo_id,
                                                     const char           *revision,
                                                     const char           *path,
                                                     gboolean              recursive,
                                                     GCancellable         *cancellable,
                                                     GAsyncReadyCallback   callback,
                                                     gpointer              user_data);
GListModel      *vitrine_client_list_tree_finish    (VitrineClient        *self,
                                                     GAsyncResult         *result,
                                                     GError              **error);
GListModel      *vitrine_client_paths_info          (VitrineClient        *self,
                                                     VitrineRepoType       type,
                                                     const char           *repo_id,
                                                     const char           *revision,
                                                     const char * const   *paths,
                                                     gboolean              expand,
                                                     GCancellable         *cancellable,
                                                     GError              **error);
void             vitrine_client_paths_info_async    (VitrineClient        *self,
                                                     VitrineRepoType       type,
                                                     const char           *repo_id,
                                                     const char           *revision,
                                                     const char * const   *paths,
                                                     gboolean              expand,
                                                     GCancellable         *cancellable,
                                                     GAsyncReadyCallback   callback,
                                                     gpointer              user_data);
GListModel      *vitrine_client_paths_info_finish   (VitrineClient        *self,
                                                     GAsyncResult         *result,
                                                     GError              **error);
GBytes          *vitrine_client_read_file           (VitrineClient        *self,
                                                     VitrineRepoType       type,
                                                     const char           *repo_id,
                                                     const char           *revision,
                                                     const char           *path,
                                                     gsize                 max_size,
                                                     GCancellable         *cancellable,
                                                     GError              **error);
void             vitrine_client_read_file_async     (VitrineClient        *self,
                                                     VitrineRepoType       type,
                                                     const char           *repo_id,
                                                     const char           *revision,
                                                     const char           *path,
                                                     gsize                 max_size,
                                                     GCancellable         *cancellable,
                                                     GAsyncReadyCallback   callback,
                                                     gpointer              user_data);
GBytes          *vitrine_client_read_file_finish    (VitrineClient        *self,
                                                     GAsyncResult         *result,
                                                     GError              **error);
GPtrArray       *vitrine_client_validate_yaml       (VitrineClient        *self,
                                                     const char           *content,
                                                     VitrineRepoType       type,
                                                     GCancellable         *cancellable,
                                                     GError              **error);

/* Downloads */
gboolean         vitrine_client_download_file       (VitrineClient        *self,
                                                     VitrineRepoType       type,
                                                     const char           *repo_id,
                                                     const char           *revision,
                                                     const char           *path,
                                                     const char           *destination,
                                                     VitrineProgressFunc   progress,
                                                     gpointer              progress_data,
                                                     char                **commit_id,
                                                     char                **etag,
                                                     GCancellable         *cancellable,
                                                     GError              **error);
void             vitrine_client_download_file_async (VitrineClient        *self,
                                                     VitrineRepoType       type,
                                                     const char           *repo_id,
                                                     const char           *revision,
                                                     const char           *path,
                                                     const char           *destination,
                                                     VitrineProgressFunc   progress,
                                                     gpointer              progress_data,
                                                     GCancellable         *cancellable,
                                                     GAsyncReadyCallback   callback,
                                                     gpointer              user_data);
gboolean         vitrine_client_download_file_finish (VitrineClient       *self,
                                                     GAsyncResult         *result,
                                                     char                **commit_id,
                                                     char                **etag,
                                                     GError              **error);
char            *vitrine_client_download_snapshot   (VitrineClient        *self,
                                                     VitrineRepoType       type,
                                                     const char           *repo_id,
                                                     const char           *revision,
                                                     const char           *to_dir,
                                                     const char           *cache_dir,
                                                     VitrineProgressFunc   progress,
                                                     gpointer              progress_data,
                                                     GCancellable         *cancellable,
                                                     GError              **error);
void             vitrine_client_download_snapshot_async (VitrineClient    *self,
                                                     VitrineRepoType       type,
                                                     const char           *repo_id,
                                                     const char           *revision,
                                                     const char           *to_dir,
                                                     const char           *cache_dir,
                                                     VitrineProgressFunc   progress,
                                                     gpointer              progress_data,
                                                     GCancellable         *cancellable,
                                                     GAsyncReadyCallback   callback,
                                                     gpointer              user_data);
char            *vitrine_client_download_snapshot_finish (VitrineClient   *self,
                                                     GAsyncResult         *result,
                                                     GError              **error);

/* History */
GListModel      *vitrine_client_list_commits        (VitrineClient        *self,
                                                     VitrineRepoType       type,
                                                     const char           *repo_id,
                                                     const char           *revision,
                                                     guint                 page,
                                                     guint                 limit,
                                                     guint                *total,
                                                     GCancellable         *cancellable,
                                                     GError              **error);
void             vitrine_client_list_commits_async  (VitrineClient        *self,
                                                     VitrineRepoType       type,
                                                     const char           *repo_id,
                                                     const char           *revision,
                                                     guint                 page,
                                                     guint                 limit,
                                                     GCancellable         *cancellable,
                                                     GAsyncReadyCallback   callback,
                                                     gpointer              user_data);
GListModel      *vitrine_client_list_commits_finish (VitrineClient        *self,
                                                     GAsyncResult         *result,
                                                     guint                *total,
                                                     GError              **error);
GListModel      *vitrine_client_list_refs           (VitrineClient        *self,
                                                     VitrineRepoType       type,
                                                     const char           *repo_id,
                                                     gboolean              include_prs,
                                                     GCancellable         *cancellable,
                                                     GError              **error);
void             vitrine_client_list_refs_async     (VitrineClient        *self,
                                                     VitrineRepoType       type,
                                                     const char           *repo_id,
                                                     gboolean              include_prs,
                                                     GCancellable         *cancellable,
                                                     GAsyncReadyCallback   callback,
                                                     gpointer              user_data);
GListModel      *vitrine_client_list_refs_finish    (VitrineClient        *self,
                                                     GAsyncResult         *result,
                                                     GError              **error);
gboolean         vitrine_client_create_tag          (VitrineClient        *self,
                                                     VitrineRepoType       type,
                                                     const char           *repo_id,
                                                     const char           *revision,
                                                     const char           *tag,
                                                     const char           *message,
                                                     GCancellable         *cancellable,
                                                     GError              **error);
void             vitrine_client_create_tag_async    (VitrineClient        *self,
                                                     VitrineRepoType       type,
                                                     const char           *repo_id,
                                                     const char           *revision,
                                                     const char           *tag,
                                                     const char           *message,
                                                     GCancellable         *cancellable,
                                                     GAsyncReadyCallback   callback,
                                                     gpointer              user_data);
gboolean         vitrine_client_create_tag_finish   (VitrineClient        *self,
                                                     GAsyncResult         *result,
                                                     GError              **error);
gboolean         vitrine_client_delete_tag          (VitrineClient        *self,
                                                     VitrineRepoType       type,
                                                     const char           *repo_id,
                                                     const char           *tag,
                                                     GCancellable         *cancellable,
                                                     GError              **error);
void             vitrine_client_delete_tag_async    (VitrineClient        *self,
                                                     VitrineRepoType       type,
                                                     const char           *repo_id,
                                                     const char           *tag,
                                                     GCancellable         *cancellable,
                                                     GAsyncReadyCallback   callback,
                                                     gpointer              user_data);
gboolean         vitrine_client_delete_tag_finish   (VitrineClient        *self,
                                                     GAsyncResult         *result,
                                                     GError              **error);
gboolean         vitrine_client_create_branch       (VitrineClient        *self,
                                                     VitrineRepoType       type,
                                                     const char           *repo_id,
                                                     const char           *branch,
                                                     const char           *starting_point,
                                                     GCancellable         *cancellable,
                                                     GError              **error);
void             vitrine_client_create_branch_async (VitrineClient        *self,
                                                     VitrineRepoType       type,
                                                     const char           *repo_id,
                                                     const char           *branch,
                                                     const char           *starting_point,
                                                     GCancellable         *cancellable,
                                                     GAsyncReadyCallback   callback,
                                                     gpointer              user_data);
gboolean         vitrine_client_create_branch_finish (VitrineClient       *self,
                                                     GAsyncResult         *result,
                                                     GError              **error);
gboolean         vitrine_client_delete_branch       (VitrineClient        *self,
                                                     VitrineRepoType       type,
                                                     const char           *repo_id,
                                                     const char           *branch,
                                                     GCancellable         *cancellable,
                                                     GError              **error);
void             vitrine_client_delete_branch_async (VitrineClient        *self,
                                                     VitrineRepoType       type,
                                                     const char           *repo_id,
                                                     const char           *branch,
                                                     GCancellable         *cancellable,
                                                     GAsyncReadyCallback   callback,
                                                     gpointer              user_data);
gboolean         vitrine_client_delete_branch_finish (VitrineClient       *self,
                                                     GAsyncResult         *result,
                                                     GError              **error);

/* Comparing and restoring versions */
GListModel      *vitrine_client_compare             (VitrineClient        *self,
                                                     VitrineRepoType       type,
                                                     const char           *repo_id,
                                                     const char           *from,
                                                     const char           *to,
                                                     GCancellable         *cancellable,
                                                     GError              **error);
void             vitrine_client_compare_async       (VitrineClient        *self,
                                                     VitrineRepoType       type,
                                                     const char           *repo_id,
                                                     const char           *from,
                                                     const char           *to,
                                                     GCancellable         *cancellable,
                                                     GAsyncReadyCallback   callback,
                                                     gpointer              user_data);
GListModel      *vitrine_client_compare_finish      (VitrineClient        *self,
                                                     GAsyncResult         *result,
                                                     GError              **error);
GListModel      *vitrine_client_compare_trees       (VitrineClient        *self,
                                                     VitrineRepoType       type,
                                                     const char           *repo_id,
                                                     const char           *from,
                                                     const char           *to,
                                                     GCancellable         *cancellable,
                                                     GError              **error);
VitrineRestorePlan *vitrine_client_plan_restore     (VitrineClient        *self,
                                                     VitrineRepoType       type,
                                                     const char           *repo_id,
                                                     const char           *branch,
                                                     const char           *revision,
                                                     GCancellable         *cancellable,
                                                     GError              **error);
void             vitrine_client_plan_restore_async  (VitrineClient        *self,
                                                     VitrineRepoType       type,
                                                     const char           *repo_id,
                                                     const char           *branch,
                                                     const char           *revision,
                                                     GCancellable         *cancellable,
                                                     GAsyncReadyCallback   callback,
                                                     gpointer              user_data);
VitrineRestorePlan *vitrine_client_plan_restore_finish (VitrineClient     *self,
                                                     GAsyncResult         *result,
                                                     GError              **error);
gboolean         vitrine_client_restore_commit      (VitrineClient        *self,
                                                     VitrineRestorePlan   *plan,
                                                     const char           *summary,
                                                     const char           *description,
                                                     char                **commit_id,
                                                     GCancellable         *cancellable,
                                                     GError              **error);
void             vitrine_client_restore_commit_async (VitrineClient       *self,
                                                     VitrineRestorePlan   *plan,
                                                     const char           *summary,
                                                     const char           *description,
                                                     GCancellable         *cancellable,
                                                     GAsyncReadyCallback   callback,
                                                     gpointer              user_data);
gboolean         vitrine_client_restore_commit_finish (VitrineClient      *self,
                                                     GAsyncResult         *result,
                                                     char                **commit_id,
                                                     GError              **error);
gboolean         vitrine_client_restore             (VitrineClient        *self,
                                                     VitrineRepoType       type,
                                                     const char           *repo_id,
                                                     const char           *branch,
                                                     const char           *revision,
                                                     const char           *summary,
                                                     const char           *description,
                                                     VitrineRestorePlan  **plan,
                                                     char                **commit_id,
                                                     GCancellable         *cancellable,
                                                     GError              **error);

/* The upload protocol, for the publisher */
GPtrArray       *vitrine_client_preupload           (VitrineClient        *self,
                                                     VitrineRepoType       type,
                                                     const char           *repo_id,
                                                     const char           *revision,
                                                     JsonNode             *files,
                                                     GCancellable         *cancellable,
                                                     GError              **error);
JsonNode        *vitrine_client_lfs_batch           (VitrineClient        *self,
                                                     VitrineRepoType       type,
                                                     const char           *repo_id,
                                                     const char           *branch,
                                                     JsonNode             *objects,
                                                     GCancellable         *cancellable,
                                                     GError              **error);
gboolean         vitrine_client_commit              (VitrineClient        *self,
                                                     VitrineRepoType       type,
                                                     const char           *repo_id,
                                                     const char           *branch,
                                                     GBytes               *ndjson,
                                                     gboolean              create_pr,
                                                     char                **commit_id,
                                                     char                **pr_url,
                                                     GCancellable         *cancellable,
                                                     GError              **error);
void             vitrine_preupload_result_free      (VitrinePreuploadResult *result);

G_END_DECLS
