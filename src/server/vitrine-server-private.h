/* vitrine-server-private.h — what the local hub's route files share
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

#include "vitrine-accounts.h"
#include "vitrine-commit-builder.h"
#include "vitrine-repo-history.h"
#include "vitrine-repo-store.h"
#include "vitrine-repo-tree.h"
#include "vitrine-server.h"

G_BEGIN_DECLS

/* Bounds on what a request may send. */
#define MAX_JSON_BODY      (16 * 1024 * 1024)
#define MAX_COMMIT_BODY    (512 * 1024 * 1024)
#define MAX_LFS_OBJECT     (G_GUINT64_CONSTANT (500) * 1024 * 1024 * 1024)
#define MULTIPART_THRESHOLD (20 * 1024 * 1024)
#define MULTIPART_CHUNK    (8 * 1024 * 1024)
#define UPLOAD_URL_LIFETIME (24 * 60 * 60)
#define PAGE_SIZE_TREE     1000
#define PAGE_SIZE_TREE_EXPANDED 100
#define PAGE_SIZE_LIST     1000

/* A request, copied out of libsoup so a worker thread can answer it. */
typedef struct
{
  VitrineServer  *server;
  const char     *data_dir;
  char           *method;
  char           *path;
  char          **segments;
  guint           n_segments;
  GPtrArray      *query;          /* name, value, name, value... decoded */
  char           *raw_query;
  GBytes         *body;
  gboolean        body_too_large;
  char           *content_type;
  char           *authorization;
  char           *range;
  char           *base_url;
  VitrineCaller  *caller;
  gboolean        bad_token;

  /* The answer */
  guint           status;
  GPtrArray      *headers;        /* name, value, name, value... */
  char           *resp_type;
  GBytes         *resp_body;
  char           *file_path;
  guint64         file_offset;
  guint64         file_length;
} VitrineRequest;

const char *vitrine_request_query        (VitrineRequest *req,
                                          const char     *name);
GPtrArray  *vitrine_request_query_all    (VitrineRequest *req,
                                          const char     *name);
gboolean    vitrine_request_query_bool   (VitrineRequest *req,
                                          const char     *name);
void        vitrine_request_header       (VitrineRequest *req,
                                          const char     *name,
                                          const char     *value);
void        vitrine_request_error        (VitrineRequest *req,
                                          guint           status,
                                          const char     *hub_code,
                                          const char     *message);
void        vitrine_request_gerror       (VitrineRequest *req,
                                          const GError   *error);
void        vitrine_request_json         (VitrineRequest *req,
                                          guint           status,
                                          JsonNode       *node);
JsonNode   *vitrine_request_parse_json   (VitrineRequest *req);
gboolean    vitrine_json_has_nul         (const char     *data,
                                          gsize           len);

/* Routes (vitrine-server-routes.c), run in a worker thread. */
void        vitrine_server_route         (VitrineRequest *req);

/* The local hub's secrets and folders. */
const char *vitrine_server_get_lfs_dir   (VitrineServer  *self);
const char *vitrine_server_get_tmp_dir   (VitrineServer  *self);
char       *vitrine_server_sign          (VitrineServer  *self,
                                          const char     *message);
char       *vitrine_server_capability_message (const char *kind,
                                               const char *oid,
                                               guint64     size,
                                               guint64     expires,
                                               const char *part_s,
                                               const char *chunk_s);
gboolean    vitrine_server_check_capability (VitrineServer  *self,
                                             const char     *kind,
                                             const char     *oid,
                                             const char     *size_s,
                                             const char     *part_s,
                                             const char     *chunk_s,
                                             const char     *expires_s,
                                             const char     *sig,
                                             guint64        *size,
                                             guint64        *part,
                                             guint64        *chunk,
                                             const char    **why);
char       *vitrine_server_multipart_path (VitrineServer *self,
                                           const char    *oid);
char       *vitrine_server_part_marker_path (VitrineServer *self,
                                             const char    *oid,
                                             guint64        part);

G_END_DECLS
