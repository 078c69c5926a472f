/* vitrine-server.h
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <libsoup/soup.h>

G_BEGIN_DECLS

#define VITRINE_TYPE_SERVER (vitrine_server_get_type ())

G_DECLARE_FINAL_TYPE (VitrineServer, vitrine_server, VITRINE, SERVER, GObject)

VitrineServer *vitrine_server_new         (const char         *data_dir);
const char    *vitrine_server_get_data_dir (VitrineServer     *self);
gboolean       vitrine_server_listen      (VitrineServer      *self,
                                           const char         *host,
                                           guint               port,
                                           GError            **error);
void           vitrine_server_set_limits  (VitrineServer      *self,
                                           guint               idle_timeout,
                                           guint               request_timeout,
                                           guint               max_per_address);
gboolean       vitrine_server_stop        (VitrineServer      *self,
                                           guint               timeout_ms);
char          *vitrine_server_dup_url     (VitrineServer      *self);
guint          vitrine_server_get_port    (VitrineServer      *self);
void           vitrine_server_reply_error (SoupServerMessage  *msg,
                                           guint               status,
                                           const char         *hub_code,
                                           const char         *message);

G_END_DECLS
