/* vitrine-routes-private.h — the local hub's route table, and what the
 * route files share
 *
 * vitrine-routes.c holds the table and the helpers below; each area has
 * its own file: repos, files, commits, compare, refs, lfs, upload,
 * spaces.
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "vitrine-repo-history.h"
#include "vitrine-repo-store.h"
#include "vitrine-repo-tree.h"
#include "vitrine-server-private.h"
#include "vitrine-server-request.h"

G_BEGIN_DECLS

/* Bounds on what a request may send. */
#define MAX_JSON_BODY      (16 * 1024 * 1024)
#define MAX_COMMIT_BODY    (512 * 1024 * 1024)
/* A refused request's body up to this size is read and dropped, so that
 * any client reads the answer; a larger one is not read. */
#define SMALL_BODY         (64 * 1024)
#define MAX_LFS_OBJECT     (G_GUINT64_CONSTANT (500) * 1024 * 1024 * 1024)
#define MULTIPART_THRESHOLD (20 * 1024 * 1024)
#define MULTIPART_CHUNK    (8 * 1024 * 1024)
#define UPLOAD_URL_LIFETIME (24 * 60 * 60)
#define PAGE_SIZE_TREE     1000
#define PAGE_SIZE_TREE_EXPANDED 100
#define PAGE_SIZE_LIST     1000

/* Who may use a route.  The front checks it before the handler runs. */
typedef enum
{
  VITRINE_ACCESS_PUBLIC,       /* anyone (the handler may ask for more); a
                                * token, when sent, must be valid */
  VITRINE_ACCESS_USER,         /* a caller with a valid token */
  VITRINE_ACCESS_REPO_READ,    /* the repository {type|site}/{ns}/{name} is
                                * opened into req->repo if the caller may see it */
  VITRINE_ACCESS_REPO_WRITE,   /* ... and write to it */
  VITRINE_ACCESS_SIGNED,       /* the URL carries a signed capability, which
                                * the route's check reads; Authorization is
                                * not read */
} VitrineAccess;

/* What a route does with a request body. */
typedef enum
{
  VITRINE_BODY_NONE,           /* read (up to MAX_JSON_BODY) and dropped */
  VITRINE_BODY_JSON,           /* collected into req->body, up to MAX_JSON_BODY */
  VITRINE_BODY_NDJSON,         /* collected, up to MAX_COMMIT_BODY */
  VITRINE_BODY_STREAM,         /* read by the handler itself, in a worker of
                                * its own (vitrine_request_read_body()) */
} VitrineBody;

typedef void (*VitrineRouteFunc) (VitrineRequest *req);

/* One row of the table.
 *
 * @pattern is matched against the decoded path segments:
 *   literal     the segment itself ("" matches an empty segment)
 *   {type}      models, datasets or spaces: sets req->type
 *   {site}      an optional datasets/ or spaces/ before a repository on
 *               the site (none: a model): sets req->type
 *   {ns}        any segment: req->ns
 *   {name}      any segment: req->name; {name}.git: a segment ending in .git
 *   *           any one segment
 *   +  **       one or more, zero or more segments, at the end only
 * The first wildcard's segment is req->tail.
 *
 * The front walks the rows in order and takes the first whose pattern and
 * method match.  A row whose pattern matches but not the method answers
 * 405 with @wrong_method when it has one; else the walk goes on (and a
 * later row that opens the same repository asks for write access when the
 * skipped row did).  No row: 404.
 *
 * All of @access is checked, and @check called, once the headers are in
 * and before the body is read: a request that fails is answered unread.
 */
struct _VitrineRoute
{
  const char       *methods;       /* "GET HEAD", "POST"...; NULL for any */
  const char       *pattern;
  VitrineAccess     access;
  VitrineBody       body;
  VitrineRouteFunc  handler;       /* in a worker thread */
  const char       *wrong_method;
  /* In the main thread, once the headers are in: more checks, which
   * refuse the request by setting an answer. */
  VitrineRouteFunc  check;
  /* A 401 asks for Basic credentials, as git and git-lfs want. */
  gboolean          basic_auth;
};

extern const VitrineRoute vitrine_routes[];
extern const guint        vitrine_n_routes;

/* ---- Handlers, by area ------------------------------------------------ */

/* vitrine-routes-repos.c */
void        vitrine_route_whoami          (VitrineRequest *req);
void        vitrine_route_repo_create     (VitrineRequest *req);
void        vitrine_route_repo_delete     (VitrineRequest *req);
void        vitrine_route_repo_move       (VitrineRequest *req);
void        vitrine_route_repo_settings   (VitrineRequest *req);
void        vitrine_route_repo_info       (VitrineRequest *req);
void        vitrine_route_repo_revision   (VitrineRequest *req);
void        vitrine_route_repo_list       (VitrineRequest *req);
void        vitrine_route_validate_yaml   (VitrineRequest *req);

/* vitrine-routes-files.c */
void        vitrine_route_tree            (VitrineRequest *req);
void        vitrine_route_paths_info      (VitrineRequest *req);
void        vitrine_route_preupload       (VitrineRequest *req);
void        vitrine_route_resolve         (VitrineRequest *req);

/* vitrine-routes-commits.c */
void        vitrine_route_commit          (VitrineRequest *req);
void        vitrine_route_commits         (VitrineRequest *req);

/* vitrine-routes-compare.c */
void        vitrine_route_compare         (VitrineRequest *req);

/* vitrine-routes-refs.c */
void        vitrine_route_refs            (VitrineRequest *req);
void        vitrine_route_tag             (VitrineRequest *req);
void        vitrine_route_branch          (VitrineRequest *req);

/* vitrine-routes-lfs.c */
void        vitrine_route_lfs_batch       (VitrineRequest *req);
void        vitrine_route_lfs_media_type  (VitrineRequest *req);
void        vitrine_route_lfs_complete_check (VitrineRequest *req);
void        vitrine_route_lfs_complete    (VitrineRequest *req);

/* vitrine-routes-upload.c */
typedef struct _VitrineMultipart VitrineMultipart;

void        vitrine_route_upload_check    (VitrineRequest *req);
void        vitrine_route_upload          (VitrineRequest *req);
VitrineMultipart *vitrine_multipart_lookup (VitrineServer *server,
                                            const char    *oid,
                                            guint64        size,
                                            guint64        chunk,
                                            gboolean       create);
VitrineMultipart *vitrine_multipart_ref   (VitrineMultipart *m);
void        vitrine_multipart_unref       (VitrineMultipart *m);
char       *vitrine_multipart_finish      (VitrineMultipart *m);
void        vitrine_multipart_forget      (VitrineServer  *server,
                                           const char     *oid);

/* vitrine-routes-spaces.c */
void        vitrine_route_runtime         (VitrineRequest *req);

/* vitrine-routes-git.c */
void        vitrine_route_git_check       (VitrineRequest *req);
void        vitrine_route_git_info_refs   (VitrineRequest *req);
void        vitrine_route_git_upload_pack (VitrineRequest *req);
void        vitrine_route_git_receive_pack (VitrineRequest *req);
void        vitrine_route_lfs_locks       (VitrineRequest *req);
void        vitrine_route_lfs_download_check (VitrineRequest *req);
void        vitrine_route_lfs_download    (VitrineRequest *req);

/* ---- Shared helpers (vitrine-routes.c) -------------------------------- */

void        vitrine_route_not_found       (VitrineRequest *req);
void        vitrine_route_empty           (VitrineRequest *req);
void        vitrine_route_reply_repo_not_found (VitrineRequest *req);
gboolean    vitrine_route_can_read        (VitrineRequest  *req,
                                           VitrineRepoMeta *meta);
gboolean    vitrine_route_can_write_namespace (VitrineRequest *req,
                                               const char     *ns);
VitrineRepoMeta *vitrine_route_open_repo  (VitrineRequest  *req,
                                           VitrineRepoType  type,
                                           const char      *ns,
                                           const char      *name,
                                           gboolean         write);
gboolean    vitrine_route_resolve_rev_and_path (VitrineRequest  *req,
                                                git_repository  *repo,
                                                guint            from,
                                                git_oid         *commit_id,
                                                char           **path,
                                                GError         **error);
gboolean    vitrine_route_check_path      (VitrineRequest *req,
                                           const char     *path);
gboolean    vitrine_route_member_bool     (JsonObject     *object,
                                           const char     *name,
                                           gboolean       *value);
gboolean    vitrine_route_member_u64      (JsonObject     *object,
                                           const char     *name,
                                           guint64        *value);
JsonObject *vitrine_route_body_object     (VitrineRequest *req,
                                           JsonNode       *root);
JsonNode   *vitrine_route_empty_object    (void);
guint       vitrine_route_parse_cursor    (const char     *cursor);
void        vitrine_route_add_next_link   (VitrineRequest *req,
                                           const char     *param,
                                           const char     *value);
char       *vitrine_route_repo_url        (VitrineRequest  *req,
                                           VitrineRepoMeta *meta);

/* vitrine-routes-repos.c */
JsonNode   *vitrine_route_card_data       (git_repository *repo,
                                           const git_oid  *commit_id);

/* vitrine-routes-spaces.c */
char       *vitrine_route_space_subdomain (VitrineRepoMeta *meta);
gboolean    vitrine_route_space_has_app   (git_repository  *repo,
                                           const git_oid   *commit_id,
                                           VitrineRepoMeta *meta,
                                           JsonObject      *card);
void        vitrine_route_add_runtime     (JsonBuilder     *builder,
                                           VitrineRepoMeta *meta,
                                           gboolean         has_app);

/* vitrine-routes-lfs.c */
gboolean    vitrine_lfs_check_capability  (VitrineServer  *server,
                                           const char     *kind,
                                           const char     *oid,
                                           const char     *size_s,
                                           const char     *part_s,
                                           const char     *chunk_s,
                                           const char     *repo_s,
                                           const char     *expires_s,
                                           const char     *sig,
                                           guint64        *size,
                                           guint64        *part,
                                           guint64        *chunk,
                                           const char    **why);
VitrineRepoMeta *vitrine_lfs_repo_of      (VitrineServer  *server,
                                           const char     *repo_s);
char       *vitrine_lfs_multipart_path    (VitrineServer  *server,
                                           const char     *oid);
char       *vitrine_lfs_part_marker_path  (VitrineServer  *server,
                                           const char     *oid,
                                           guint64         part);

G_END_DECLS
