/* vitrine-server-private.h — the local hub's object, shared by its files
 *
 * vitrine-server.c owns the object and its data folder,
 * vitrine-server-http.c is its HTTP front, vitrine-server-faults.c the
 * faults tests inject, and vitrine-routes*.c answer requests.
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <libsoup/soup.h>

#include "vitrine-server-faults.h"
#include "vitrine-server.h"

G_BEGIN_DECLS

struct _VitrineServer
{
  GObject        parent_instance;

  char          *data_dir;
  char          *lfs_dir;
  char          *tmp_dir;
  guint8         secret[32];
  SoupServer    *soup;
  char          *url;
  guint          port;
  GThreadPool   *pool;
  int            lock_fd;

  /* Faults to inject, for tests only (VITRINE_HUB_FAULTS), or NULL. */
  VitrineFaults *faults;
};

/* vitrine-server-http.c */
void           _vitrine_server_http_init   (VitrineServer *self);
void           _vitrine_server_http_finish (VitrineServer *self);

/* vitrine-server.c */
VitrineFaults *_vitrine_server_get_faults  (VitrineServer *self);
const char    *vitrine_server_get_lfs_dir  (VitrineServer *self);
const char    *vitrine_server_get_tmp_dir  (VitrineServer *self);
char          *vitrine_server_sign         (VitrineServer *self,
                                            const char    *message);

G_END_DECLS
