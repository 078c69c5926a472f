/* vitrine-local-hub.h — this computer's hub, started or found
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "vitrine-client.h"

G_BEGIN_DECLS

#define VITRINE_TYPE_LOCAL_HUB (vitrine_local_hub_get_type ())

G_DECLARE_FINAL_TYPE (VitrineLocalHub, vitrine_local_hub, VITRINE, LOCAL_HUB, GObject)

VitrineLocalHub *vitrine_local_hub_new           (const char          *data_dir);
const char      *vitrine_local_hub_get_data_dir  (VitrineLocalHub     *self);
const char      *vitrine_local_hub_get_url       (VitrineLocalHub     *self);
const char      *vitrine_local_hub_get_user_name (VitrineLocalHub     *self);
gboolean         vitrine_local_hub_is_child      (VitrineLocalHub     *self);
void             vitrine_local_hub_start_async   (VitrineLocalHub     *self,
                                                  GCancellable        *cancellable,
                                                  GAsyncReadyCallback  callback,
                                                  gpointer             user_data);
VitrineClient   *vitrine_local_hub_start_finish  (VitrineLocalHub     *self,
                                                  GAsyncResult        *result,
                                                  GError             **error);
void             vitrine_local_hub_stop          (VitrineLocalHub     *self);

G_END_DECLS
