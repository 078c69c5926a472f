/* vitrine-hash.h — SHA-256 and git blob ids, through GnuTLS
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _VitrineSha256 VitrineSha256;

VitrineSha256 *vitrine_sha256_new       (void);
void           vitrine_sha256_update    (VitrineSha256 *self,
                                         const void    *data,
                                         gsize          len);
char          *vitrine_sha256_finish    (VitrineSha256 *self);
void           vitrine_sha256_free      (VitrineSha256 *self);
char          *vitrine_sha256_hex       (const void    *data,
                                         gsize          len);
gboolean       vitrine_sha256_file      (const char    *path,
                                         char         **hex,
                                         guint64       *size,
                                         GError       **error);
char          *vitrine_git_blob_sha1    (const void    *data,
                                         gsize          len);
char          *vitrine_hmac_sha256_hex  (const void    *key,
                                         gsize          key_len,
                                         const char    *message);
char          *vitrine_hex_encode       (const guint8  *digest,
                                         gsize          len);
gboolean       vitrine_is_hex           (const char    *text,
                                         gsize          len);
gboolean       vitrine_constant_time_equal (const char *a,
                                            const char *b);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (VitrineSha256, vitrine_sha256_free)

G_END_DECLS
