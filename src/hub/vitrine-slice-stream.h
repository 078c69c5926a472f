/* vitrine-slice-stream.h — part of a file as an input stream
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define VITRINE_TYPE_SLICE_STREAM (vitrine_slice_stream_get_type ())

G_DECLARE_FINAL_TYPE (VitrineSliceStream, vitrine_slice_stream, VITRINE, SLICE_STREAM, GInputStream)

typedef void (*VitrineSliceReadFunc) (gsize    n_bytes,
                                      gpointer user_data);

GInputStream *vitrine_slice_stream_new (const char            *path,
                                        guint64                offset,
                                        guint64                length,
                                        VitrineSliceReadFunc   on_read,
                                        gpointer               user_data,
                                        GError               **error);

G_END_DECLS
