/* vitrine-server-private.h — the local hub's object, shared by its files
 *
 * vitrine-server.c owns the object and its data folder,
 * vitrine-server-conn.c its connections (accepting, limits, timeouts,
 * stopping), vitrine-server-http.c its HTTP front, vitrine-server-stream.c
 * the requests it reads and answers itself, vitrine-server-faults.c the
 * faults tests inject, and vitrine-routes*.c answer requests.
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <malloc.h>

#include <libsoup/soup.h>

#include "vitrine-server-faults.h"
#include "vitrine-server.h"

G_BEGIN_DECLS

/* Where a connection is in its life, as the front sees it. */
typedef enum
{
  VITRINE_CONN_NEW,       /* accepted, its first request not in yet */
  VITRINE_CONN_IDLE,      /* answered */
  VITRINE_CONN_HEADERS,   /* a request's headers arriving */
  VITRINE_CONN_BODY,      /* a request's body arriving */
  VITRINE_CONN_BUSY,      /* being answered (a worker has it) */
  VITRINE_CONN_WRITING,   /* its answer being written */
} VitrineConnPhase;

/* One client connection (vitrine-server-conn.c).  Reference counted:
 * the server's table holds one until the connection is gone, and each
 * request on it one. */
typedef struct
{
  VitrineServer     *server;
  GSocket           *socket;
  GSocketConnection *stream;     /* not a reference: alive while the
                                  * connection is, which the table tracks */
  GSocketAddress    *local;
  GSocketAddress    *remote;
  char              *address;    /* the client's IP address */
  char              *key;        /* and port */
  VitrineConnPhase   phase;
  gint64             since;      /* when it last made progress */
  gboolean           stolen;     /* read and answered by the front itself */
  gboolean           cut;
} VitrineConn;

struct _VitrineServer
{
  GObject        parent_instance;

  char          *data_dir;
  char          *lfs_dir;
  char          *tmp_dir;
  char          *hooks_dir;
  guint8         secret[32];
  SoupServer    *soup;
  char          *url;
  guint          port;
  GThreadPool   *pool;
  int            lock_fd;

  /* Faults to inject, for tests only (VITRINE_HUB_FAULTS), or NULL. */
  VitrineFaults *faults;

  /* Connections (vitrine-server-conn.c) */
  GSocket       *listener;
  GSource       *accept_source;
  guint          accept_retry_id;
  guint          sweep_id;
  int            spare_fd;        /* given up to answer when out of descriptors */
  GMutex         conns_lock;
  GHashTable    *conns;           /* VitrineConn -> itself */
  GHashTable    *per_address;     /* address -> count */
  VitrineConn   *accepting;       /* being handed to libsoup right now */
  guint          idle_timeout;    /* seconds */
  guint          request_timeout; /* seconds */
  guint          max_per_address;
  gboolean       draining;

  /* Requests the front reads and answers itself (vitrine-server-stream.c) */
  GThreadPool   *stream_pool;
  gint           jobs;            /* requests being answered by a worker */
};

/* vitrine-server-http.c */
void           _vitrine_server_http_init   (VitrineServer *self);
void           _vitrine_server_http_finish (VitrineServer *self);
void           _vitrine_server_apply_answer (SoupServerMessage *msg,
                                             VitrineRequest    *req);

/* vitrine-server-conn.c */
void           _vitrine_conn_init          (VitrineServer     *self);
void           _vitrine_conn_finish        (VitrineServer     *self);
void           _vitrine_conn_free_table    (VitrineServer     *self);
gboolean       _vitrine_conn_listen        (VitrineServer     *self,
                                            GInetAddress      *inet,
                                            guint              port,
                                            GError           **error);
VitrineConn   *_vitrine_conn_for_message   (VitrineServer     *self,
                                            SoupServerMessage *msg);
VitrineConn   *_vitrine_conn_ref           (VitrineConn       *conn);
void           _vitrine_conn_unref         (VitrineConn       *conn);
void           _vitrine_conn_cut           (VitrineConn       *conn);
void           _vitrine_conn_track         (SoupServerMessage *msg,
                                            VitrineConn       *conn);

/* vitrine-server-stream.c */
void           _vitrine_stream_init        (VitrineServer     *self);
void           _vitrine_stream_finish      (VitrineServer     *self);
void           _vitrine_stream_take        (VitrineServer     *self,
                                            SoupServerMessage *msg,
                                            VitrineRequest    *req,
                                            VitrineConn       *conn);
void           _vitrine_stream_refuse      (VitrineServer     *self,
                                            SoupServerMessage *msg,
                                            VitrineRequest    *req,
                                            VitrineConn       *conn);

/* vitrine-server.c */
VitrineFaults *_vitrine_server_get_faults  (VitrineServer *self);
const char    *vitrine_server_get_lfs_dir  (VitrineServer *self);
const char    *vitrine_server_get_tmp_dir  (VitrineServer *self);
const char    *vitrine_server_get_hooks_dir (VitrineServer *self);
char          *vitrine_server_sign         (VitrineServer *self,
                                            const char    *message);

/* Gives the memory the allocator keeps free back to the system, after a
 * large request.  Under AddressSanitizer its own allocator stands in for
 * glibc's, whose arenas malloc_trim() would then walk uninitialised (a
 * crash seen in CI), so there it does nothing. */
static inline void
vitrine_server_trim_memory (void)
{
#ifndef __SANITIZE_ADDRESS__
  malloc_trim (0);
#endif
}

G_END_DECLS
