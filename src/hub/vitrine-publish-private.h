/* vitrine-publish-private.h — what the pieces of VitrinePublisher share
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <sys/stat.h>

#include "vitrine-client-private.h"
#include "vitrine-folder-rules.h"
#include "vitrine-hash-cache.h"
#include "vitrine-publish.h"

G_BEGIN_DECLS

/* Over this, a file is a large file on the Hub whatever its content. */
#define VITRINE_PUBLISH_REGULAR_LIMIT VITRINE_REGULAR_FILE_LIMIT

typedef enum
{
  VITRINE_CHANGE_ADDED,
  VITRINE_CHANGE_CHANGED,
  VITRINE_CHANGE_UNCHANGED,
} VitrineChange;

/* A file of the folder. */
typedef struct
{
  char          *path;
  char          *abs_path;
  guint64        size;
  struct stat    st;
  char          *sha256;
  char          *git_sha1;
  gboolean       lfs;
  VitrineChange  change;
  guint64        sent;       /* uploaded so far, under the publisher's lock */
} VitrineLocalFile;

/* A file of the repository. */
typedef struct
{
  char     *path;
  char     *oid;
  char     *lfs_oid;
  guint64   size;
} VitrineRemoteFile;

/* The figures of VitrinePublishProgress. */
typedef struct
{
  VitrinePublishPhase  phase;
  guint                files_total;
  guint                files_done;
  guint64              bytes_total;
  guint64              bytes_done;
  double               bytes_per_second;
  double               seconds_left;     /* < 0 when unknown */
  char                *current_path;
} VitrinePublishCounts;

/* The figures of a VitrinePublishFile. */
typedef struct
{
  VitrineFileState  state;
  guint64           size;
  guint64           bytes_done;
  guint64           bytes_sent;
  gboolean          is_large;
} VitrinePublishFileUpdate;

struct _VitrinePublisher
{
  GObject                 parent_instance;

  VitrineClient          *client;
  VitrineRepoType         type;
  char                   *repo_id;
  char                   *folder;
  char                   *branch;
  char                   *summary;
  char                   *description;
  char                   *sdk;
  char                   *cache_file;
  gboolean                create_pr;
  gboolean                private_;
  gboolean                delete_remote;
  gboolean                replace_card;
  char                   *cards_dir;
  guint                   parallel;
  guint                   max_operations;
  GPtrArray              *includes;
  GPtrArray              *excludes;
  GPtrArray              *included_secrets;

  /* While running, under the lock */
  GMutex                  lock;
  VitrinePublishCounts    counts;
  gint64                  started_us;
  guint64                 bytes_sent;

  /* What waits for the main context, under the lock (vitrine-publish-report.c) */
  GMainContext           *context;
  GSource                *flush_source;
  gboolean                flush_urgent;
  gint64                  last_flush_us;
  gint64                  flush_interval_us;
  GPtrArray              *phases;          /* VitrinePublishCounts *, each phase that began */
  GPtrArray              *updates;         /* FileUpdate *, in the order files came */
  GHashTable             *update_index;    /* path -> index in updates + 1 */

  /* On the main context only */
  VitrinePublishProgress *progress;
  GListStore             *files;
  GHashTable             *rows;            /* path -> VitrinePublishFile */
};

void              _vitrine_local_file_free        (VitrineLocalFile   *file);
void              _vitrine_remote_file_free       (VitrineRemoteFile  *file);
int               _vitrine_compare_strings        (gconstpointer       a,
                                                   gconstpointer       b);

/* vitrine-publish-scan.c */
GPtrArray        *_vitrine_publisher_scan          (VitrinePublisher   *self,
                                                    GPtrArray          *left_out_secrets,
                                                    GCancellable       *cancellable,
                                                    GError            **error);
GHashTable       *_vitrine_publisher_remote_files  (VitrinePublisher   *self,
                                                    const char         *commit,
                                                    GCancellable       *cancellable,
                                                    GError            **error);
gboolean          _vitrine_publisher_card_guard    (VitrinePublisher   *self,
                                                    VitrineHashCache   *cache,
                                                    GPtrArray          *files,
                                                    GHashTable         *remote,
                                                    GCancellable       *cancellable,
                                                    GError            **error);
gboolean          _vitrine_publisher_card_changed  (VitrinePublisher   *self,
                                                    VitrineHashCache   *cache,
                                                    GPtrArray          *files,
                                                    GHashTable         *remote,
                                                    gboolean           *changed,
                                                    GCancellable       *cancellable,
                                                    GError            **error);
void              _vitrine_publisher_card_remember (VitrinePublisher   *self,
                                                    GPtrArray          *files,
                                                    GHashTable         *remote);

/* vitrine-publish.c */
VitrineHashCache *_vitrine_publisher_open_hash_cache (VitrinePublisher *self);

/* vitrine-publish-upload.c */
typedef struct _VitrineUploadRun VitrineUploadRun;

VitrineUploadRun *_vitrine_upload_run_start        (VitrinePublisher   *self,
                                                    GCancellable       *cancellable);
gboolean          _vitrine_upload_run_add          (VitrineUploadRun   *run,
                                                    GPtrArray          *files,
                                                    GCancellable       *cancellable,
                                                    GError            **error);
guint64           _vitrine_upload_run_get_total    (VitrineUploadRun   *run);
gboolean          _vitrine_upload_run_finish       (VitrineUploadRun   *run,
                                                    gboolean            ok,
                                                    GCancellable       *cancellable,
                                                    GError            **error);

/* vitrine-publish-commit.c */
gboolean          _vitrine_publisher_commit        (VitrinePublisher     *self,
                                                    GPtrArray            *files,
                                                    GPtrArray            *deletions,
                                                    const char           *parent,
                                                    VitrinePublishResult *result,
                                                    GCancellable         *cancellable,
                                                    GError              **error);

/* vitrine-publish-report.c: from the publishing threads to the main context */
void              _vitrine_publisher_report_init   (VitrinePublisher   *self);
void              _vitrine_publisher_report_clear  (VitrinePublisher   *self);
void              _vitrine_publisher_report_start  (VitrinePublisher   *self);
void              _vitrine_publisher_flush         (VitrinePublisher   *self);
void              _vitrine_publisher_set_phase     (VitrinePublisher   *self,
                                                    VitrinePublishPhase phase,
                                                    guint               files_total,
                                                    guint64             bytes_total);
void              _vitrine_publisher_add_progress  (VitrinePublisher   *self,
                                                    guint               files,
                                                    guint64             bytes,
                                                    const char         *path);
void              _vitrine_publisher_changed       (VitrinePublisher   *self);
void              _vitrine_publisher_file_state    (VitrinePublisher   *self,
                                                    VitrineLocalFile   *file,
                                                    VitrineFileState    state);
void              _vitrine_publisher_file_deleted  (VitrinePublisher   *self,
                                                    const char         *path);

/* vitrine-publish-progress.c, vitrine-publish-file.c */
void                _vitrine_publish_progress_set (VitrinePublishProgress         *self,
                                                   const VitrinePublishCounts     *counts,
                                                   gboolean                        phase_began);
VitrinePublishFile *_vitrine_publish_file_new     (const char                     *path);
void                _vitrine_publish_file_set     (VitrinePublishFile             *self,
                                                   const VitrinePublishFileUpdate *update);

/* How often, at most, progress reaches the caller's main context: each
 * time is a frame of a window that shows it. */
#define VITRINE_PUBLISH_REPORT_INTERVAL_MS 200

void              _vitrine_publisher_set_report_interval (VitrinePublisher *self,
                                                          guint             ms);

/* The niceness of a publish run in the background (_async). */
#define VITRINE_PUBLISH_NICE 10

G_END_DECLS
