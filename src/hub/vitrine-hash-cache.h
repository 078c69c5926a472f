/* vitrine-hash-cache.h — remembers the hashes of files that did not change
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <sys/stat.h>
#include <gio/gio.h>

G_BEGIN_DECLS

typedef struct _VitrineHashCache VitrineHashCache;

VitrineHashCache *vitrine_hash_cache_new       (const char          *cache_file);
gboolean          vitrine_hash_cache_lookup    (VitrineHashCache    *self,
                                                const char          *abs_path,
                                                const struct stat   *st,
                                                char               **sha256,
                                                char               **git_sha1);
void              vitrine_hash_cache_store     (VitrineHashCache    *self,
                                                const char          *abs_path,
                                                const struct stat   *st,
                                                const char          *sha256,
                                                const char          *git_sha1);
gboolean          vitrine_hash_cache_save      (VitrineHashCache    *self,
                                                GError             **error);
void              vitrine_hash_cache_free      (VitrineHashCache    *self);
gboolean          vitrine_hash_cache_hash_file (VitrineHashCache    *self,
                                                const char          *abs_path,
                                                gboolean             want_git_sha1,
                                                char               **sha256,
                                                char               **git_sha1,
                                                guint64             *size,
                                                guint64             *bytes_read,
                                                GCancellable        *cancellable,
                                                GError             **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (VitrineHashCache, vitrine_hash_cache_free)

G_END_DECLS
