/* vitrine-server-request.h — one request to the local hub, copied out of
 * libsoup so a worker thread can answer it, and the ways to answer
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

#include "vitrine-accounts.h"
#include "vitrine-json.h"
#include "vitrine-repo-store.h"
#include "vitrine-server.h"

G_BEGIN_DECLS

typedef struct _VitrineRoute VitrineRoute;
typedef struct _VitrineStreamIO VitrineStreamIO;

typedef struct
{
  VitrineServer      *server;
  const char         *data_dir;
  char               *method;
  char               *path;           /* as sent, still encoded */
  char              **segments;       /* the path's segments, decoded */
  guint               n_segments;
  GPtrArray          *query;          /* name, value, name, value... decoded */
  char               *raw_query;
  GBytes             *body;
  gboolean            body_too_large;
  char               *content_type;
  gint64              content_length; /* -1 when not announced */
  char               *range;
  char               *git_protocol;   /* the Git-Protocol header */
  char               *content_encoding;
  char               *base_url;
  VitrineCaller      *caller;
  gboolean            bad_token;

  /* Where the route table sent it (vitrine-routes.c) */
  const VitrineRoute *route;          /* NULL: no such page */
  gboolean            wrong_method;   /* the route, but not this method */
  gboolean            need_write;     /* the repository must be writable */
  gboolean            basic_auth;     /* a 401 asks for Basic credentials (git) */
  VitrineRepoType     type;           /* from {type} or {site} */
  char               *ns;             /* from {ns}, or NULL */
  char               *name;           /* from {name}, or NULL */
  guint               tail;           /* the first segment a wildcard took */
  VitrineRepoMeta    *repo;           /* opened for REPO_READ and REPO_WRITE routes */

  /* A body read by the route itself (VITRINE_BODY_STREAM), in a worker
   * that has the connection (vitrine-server-stream.c) */
  VitrineStreamIO    *io;
  gpointer            stream;         /* the route's own state */
  GDestroyNotify      stream_free;
  guint64             stream_received;

  /* The answer */
  guint               status;
  GPtrArray          *headers;        /* name, value, name, value... */
  char               *resp_type;
  GBytes             *resp_body;
  char               *file_path;
  guint64             file_offset;
  guint64             file_length;
} VitrineRequest;

VitrineRequest *vitrine_request_new          (VitrineServer     *server,
                                              SoupServerMessage *msg);
void            vitrine_request_free         (VitrineRequest    *req);

const char     *vitrine_request_query        (VitrineRequest    *req,
                                              const char        *name);
GPtrArray      *vitrine_request_query_all    (VitrineRequest    *req,
                                              const char        *name);
gboolean        vitrine_request_query_bool   (VitrineRequest    *req,
                                              const char        *name);
char           *vitrine_request_join         (VitrineRequest    *req,
                                              guint              from);

void            vitrine_request_header       (VitrineRequest    *req,
                                              const char        *name,
                                              const char        *value);
void            vitrine_request_error        (VitrineRequest    *req,
                                              guint              status,
                                              const char        *hub_code,
                                              const char        *message);
void            vitrine_request_gerror       (VitrineRequest    *req,
                                              const GError      *error);
void            vitrine_request_json         (VitrineRequest    *req,
                                              guint              status,
                                              JsonNode          *node);

void            vitrine_request_bytes        (VitrineRequest    *req,
                                              guint              status,
                                              const char        *content_type,
                                              GBytes            *body);

JsonNode       *vitrine_request_parse_json   (VitrineRequest    *req);

/* Streamed requests (vitrine-server-stream.c), in their worker */
gssize          vitrine_request_read_body    (VitrineRequest    *req,
                                              void              *buf,
                                              gsize              count,
                                              GError           **error);
void            vitrine_request_cut          (VitrineRequest    *req);
gboolean        vitrine_request_answer_begin (VitrineRequest    *req,
                                              GError           **error);
gboolean        vitrine_request_answer_write (VitrineRequest    *req,
                                              const void        *data,
                                              gsize              len,
                                              GError           **error);
gboolean        vitrine_json_has_nul         (const char        *data,
                                              gsize              len);

G_END_DECLS
