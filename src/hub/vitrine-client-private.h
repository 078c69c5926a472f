/* vitrine-client-private.h — what the pieces of VitrineClient share
 *
 * The HTTP layer stays behind this header: requests and answers are
 * described here without any libsoup type, and only vitrine-client.c
 * speaks libsoup.
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "vitrine-client.h"

G_BEGIN_DECLS

/* ---- Requests and answers (vitrine-client.c) ---------------------------- */

typedef enum
{
  VITRINE_REQUEST_DEFAULT    = 0,
  /* Retry connection errors too, not only 408/429/5xx answers. */
  VITRINE_REQUEST_IDEMPOTENT = 1 << 0,
  VITRINE_REQUEST_NO_AUTH    = 1 << 1,
  VITRINE_REQUEST_NO_RETRY   = 1 << 2,
  /* Hand the body of a successful answer over as a stream (downloads). */
  VITRINE_REQUEST_STREAM     = 1 << 3,
} VitrineRequestFlags;

/* Opens a request body again for each attempt (retries resend it). */
typedef GInputStream *(*VitrineBodyFunc) (gpointer   user_data,
                                          GError   **error);

typedef struct
{
  const char          *method;
  const char          *url;            /* a path on the endpoint, or a whole address */
  const char          *content_type;
  GBytes              *body;           /* a body held in memory, or */
  VitrineBodyFunc      body_func;      /* one streamed, body_length long */
  gpointer             body_data;
  goffset              body_length;
  VitrineRequestFlags  flags;
  guint64              range_start;    /* > 0: only the bytes from there on */
  guint               *attempt;        /* retries spent, shared with the caller's own (NULL: none) */
} VitrineRequest;

typedef struct _VitrineResponse VitrineResponse;

VitrineResponse *_vitrine_client_request            (VitrineClient         *self,
                                                     const VitrineRequest  *request,
                                                     GCancellable          *cancellable,
                                                     GError               **error);
gboolean         _vitrine_client_can_retry          (VitrineClient         *self,
                                                     guint                  attempt);
gboolean         _vitrine_client_backoff            (VitrineClient         *self,
                                                     guint                 *attempt,
                                                     GCancellable          *cancellable,
                                                     GError               **error);

gboolean         _vitrine_client_lacks_compare      (VitrineClient         *self);
void             _vitrine_client_set_lacks_compare  (VitrineClient         *self);

/* vitrine-client-calls.c */
JsonNode        *_vitrine_client_call               (VitrineClient         *self,
                                                     const char            *method,
                                                     const char            *path,
                                                     const char            *content_type,
                                                     GBytes                *body,
                                                     VitrineRequestFlags    flags,
                                                     VitrineResponse      **response,
                                                     GCancellable          *cancellable,
                                                     GError               **error);
JsonNode        *_vitrine_client_call_json          (VitrineClient         *self,
                                                     const char            *method,
                                                     const char            *path,
                                                     JsonNode              *body,
                                                     VitrineRequestFlags    flags,
                                                     VitrineResponse      **response,
                                                     GCancellable          *cancellable,
                                                     GError               **error);

guint            _vitrine_response_get_status       (VitrineResponse       *response);
const char      *_vitrine_response_get_header       (VitrineResponse       *response,
                                                     const char            *name);
const char      *_vitrine_response_get_first_header (VitrineResponse       *response,
                                                     const char            *name);
goffset          _vitrine_response_get_content_length (VitrineResponse     *response);
GBytes          *_vitrine_response_get_body         (VitrineResponse       *response);
GInputStream    *_vitrine_response_get_stream       (VitrineResponse       *response);
char            *_vitrine_response_dup_next_link    (VitrineResponse       *response);
GError          *_vitrine_response_to_error         (VitrineResponse       *response);
void             _vitrine_response_free             (VitrineResponse       *response);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (VitrineResponse, _vitrine_response_free)

/* ---- Shared by the calls (vitrine-client-calls.c) ----------------------- */

void             _vitrine_client_set_protocol_error (GError               **error);
JsonNode        *_vitrine_json_parse                (GBytes                *bytes,
                                                     GError               **error);
GBytes          *_vitrine_json_to_bytes             (JsonNode              *node);
gboolean         _vitrine_client_check_repo_id      (const char            *repo_id,
                                                     GError               **error);
const char      *_vitrine_client_api_segment        (VitrineRepoType        type);
char            *_vitrine_client_api_path           (VitrineRepoType        type,
                                                     const char            *repo_id,
                                                     const char            *action,
                                                     const char            *revision);
char            *_vitrine_client_resolve_url        (VitrineClient         *self,
                                                     VitrineRepoType        type,
                                                     const char            *repo_id,
                                                     const char            *revision,
                                                     const char            *path);
gboolean         _vitrine_client_append_objects     (GListStore            *store,
                                                     JsonNode              *answer,
                                                     VitrineRepoType        type,
                                                     GError               **error);
gboolean         _vitrine_client_collect_pages      (VitrineClient         *self,
                                                     const char            *first,
                                                     GListStore            *store,
                                                     VitrineRepoType        type,
                                                     GCancellable          *cancellable,
                                                     GError               **error);

/* ---- _async/_finish for every call (vitrine-client-async.c) ------------- */

typedef enum
{
  VITRINE_CALL_WHOAMI,
  VITRINE_CALL_CREATE_REPO,
  VITRINE_CALL_DELETE_REPO,
  VITRINE_CALL_UPDATE_SETTINGS,
  VITRINE_CALL_REPO_INFO,
  VITRINE_CALL_LIST_REPOS,
  VITRINE_CALL_SPACE_RUNTIME,
  VITRINE_CALL_LIST_TREE,
  VITRINE_CALL_PATHS_INFO,
  VITRINE_CALL_READ_FILE,
  VITRINE_CALL_DOWNLOAD_FILE,
  VITRINE_CALL_DOWNLOAD_SNAPSHOT,
  VITRINE_CALL_LIST_COMMITS,
  VITRINE_CALL_LIST_REFS,
  VITRINE_CALL_CREATE_TAG,
  VITRINE_CALL_DELETE_TAG,
  VITRINE_CALL_CREATE_BRANCH,
  VITRINE_CALL_DELETE_BRANCH,
  VITRINE_CALL_COMPARE,
  VITRINE_CALL_PLAN_RESTORE,
  VITRINE_CALL_RESTORE_COMMIT,
  VITRINE_N_CALLS
} VitrineCallKind;

/* The arguments of a call, whichever it is: each _async fills in what its
 * blocking call takes, and the call keeps a copy for its worker thread. */
typedef struct
{
  VitrineRepoType      type;
  const char          *repo_id;
  const char          *revision;
  const char          *path;            /* a file, or the folder to list */
  const char          *name;            /* a tag or a branch */
  const char          *message;         /* a tag's, or a commit's title */
  const char          *description;     /* a commit's message */
  const char          *from;            /* the older side of a comparison */
  gpointer             plan;            /* a VitrineRestorePlan to commit */
  const char          *starting_point;  /* a new branch's */
  const char          *author;          /* repositories to list */
  const char          *search;
  const char          *sdk;             /* a new Space's */
  const char          *gated;
  const char          *destination;     /* a downloaded file, or a snapshot's folder */
  const char          *cache_dir;
  const char * const  *paths;
  gboolean             recursive;
  gboolean             expand;
  gboolean             private_;
  gboolean             exist_ok;
  gboolean             include_prs;
  int                  visibility;      /* update_settings(): 1 private, 0 public, -1 as it is */
  guint                page;
  guint                limit;
  gsize                max_size;
  VitrineProgressFunc  progress;
  gpointer             progress_data;
} VitrineCallArgs;

/* What a call hands back besides its result. */
typedef struct
{
  guint  total;
  char  *commit_id;
  char  *etag;
} VitrineCallOutput;

void                     _vitrine_client_call_async  (VitrineClient          *self,
                                                      VitrineCallKind         kind,
                                                      const VitrineCallArgs  *args,
                                                      GCancellable           *cancellable,
                                                      GAsyncReadyCallback     callback,
                                                      gpointer                user_data);
gpointer                 _vitrine_client_call_finish (VitrineClient          *self,
                                                      GAsyncResult           *result,
                                                      VitrineCallKind         kind,
                                                      GError                **error);
const VitrineCallOutput *_vitrine_client_call_output (GAsyncResult           *result);

/* The public _async and _finish of a call, each a shim over the two above.
 *
 * VITRINE_CLIENT_ASYNC() defines vitrine_client_NAME_async() with the
 * parameter list @params (which names its client `self` and ends with
 * `cancellable`, `callback` and `user_data`); the rest are the designated
 * initializers of the VitrineCallArgs its blocking call takes.
 * VITRINE_CLIENT_FINISH() defines vitrine_client_NAME_finish(), which
 * hands over the blocking call's result (transfer full) as @type;
 * VITRINE_CLIENT_FINISH_BOOLEAN() one that says whether it worked. */
#define VITRINE_CLIENT_ASYNC(name, kind, params, ...) \
  void \
  vitrine_client_##name##_async params \
  { \
    VitrineCallArgs args = { __VA_ARGS__ }; \
    _vitrine_client_call_async (self, kind, &args, cancellable, callback, user_data); \
  }

#define VITRINE_CLIENT_FINISH(name, kind, type) \
  type \
  vitrine_client_##name##_finish (VitrineClient  *self, \
                                  GAsyncResult   *result, \
                                  GError        **error) \
  { \
    return _vitrine_client_call_finish (self, result, kind, error); \
  }

#define VITRINE_CLIENT_FINISH_BOOLEAN(name, kind) \
  gboolean \
  vitrine_client_##name##_finish (VitrineClient  *self, \
                                  GAsyncResult   *result, \
                                  GError        **error) \
  { \
    return _vitrine_client_call_finish (self, result, kind, error) != NULL; \
  }

G_END_DECLS
