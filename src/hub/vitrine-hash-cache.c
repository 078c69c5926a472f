/* vitrine-hash-cache.c — remembers the hashes of files that did not change
 *
 * A file whose size, modification time (to the nanosecond), inode and
 * device are those it had when it was hashed is taken as unchanged, so a
 * second publish of a large folder reads nothing again.
 *
 * The cache file is text, one line per file after a header line:
 *
 *   vitrine-hash-cache 1
 *   <sha256> <git sha1, or -> <size> <mtime s> <mtime ns> <inode> <device> <path>
 *
 * The path runs to the end of the line, so it may hold spaces or any byte
 * but a newline.  Lines are read in one pass over the mapped file, about a
 * tenth of a second for 100 000 entries; a line that is not in this shape is
 * skipped, a file without the header ignored whole.
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <gnutls/crypto.h>

#include "vitrine-hash.h"
#include "vitrine-hash-cache.h"

#define CACHE_HEADER "vitrine-hash-cache 1\n"
#define CHUNK_SIZE (1 << 20)
/* Far more than 100 000 entries need; anything larger is not ours. */
#define MAX_CACHE_FILE_SIZE (256 * 1024 * 1024)

typedef struct
{
  guint64 size;
  gint64  mtime_sec;
  gint64  mtime_nsec;
  guint64 ino;
  guint64 dev;
  char    sha256[65];
  char    git_sha1[41];   /* empty when not known */
} Entry;

struct _VitrineHashCache
{
  GMutex      mutex;
  char       *path;       /* NULL: kept in memory only */
  GHashTable *entries;    /* absolute path → Entry */
  gboolean    dirty;
};

static gboolean
entry_matches (const Entry       *entry,
               const struct stat *st)
{
  return entry->size == (guint64) st->st_size
         && entry->mtime_sec == (gint64) st->st_mtim.tv_sec
         && entry->mtime_nsec == (gint64) st->st_mtim.tv_nsec
         && entry->ino == (guint64) st->st_ino
         && entry->dev == (guint64) st->st_dev;
}

static gboolean
same_file_state (const struct stat *a,
                 const struct stat *b)
{
  return a->st_size == b->st_size
         && a->st_mtim.tv_sec == b->st_mtim.tv_sec
         && a->st_mtim.tv_nsec == b->st_mtim.tv_nsec
         && a->st_ino == b->st_ino
         && a->st_dev == b->st_dev;
}

/* Reads a decimal number that ends with a space. */
static gboolean
parse_number (const char **p,
              const char  *end,
              gboolean     allow_sign,
              guint64     *value,
              gboolean    *negative)
{
  const char *q = *p;
  guint64 v = 0;

  *negative = FALSE;
  if (allow_sign && q < end && *q == '-')
    {
      *negative = TRUE;
      q++;
    }
  if (q >= end || !g_ascii_isdigit (*q))
    return FALSE;
  while (q < end && g_ascii_isdigit (*q))
    {
      guint digit = *q - '0';

      if (v > (G_MAXUINT64 - digit) / 10)
        return FALSE;
      v = v * 10 + digit;
      q++;
    }
  if (q >= end || *q != ' ')
    return FALSE;

  *value = v;
  *p = q + 1;
  return TRUE;
}

static gboolean
parse_hex (const char **p,
           const char  *end,
           gsize        len,
           char        *out)
{
  const char *q = *p;

  if ((gsize) (end - q) < len + 1 || q[len] != ' ')
    return FALSE;
  for (gsize i = 0; i < len; i++)
    if (!g_ascii_isdigit (q[i]) && !(q[i] >= 'a' && q[i] <= 'f'))
      return FALSE;

  memcpy (out, q, len);
  out[len] = '\0';
  *p = q + len + 1;
  return TRUE;
}

/* Adds the entry on the line from @p to @end, when it is well formed. */
static void
load_line (VitrineHashCache *self,
           const char       *p,
           const char       *end)
{
  Entry entry = { 0 };
  guint64 sec, nsec;
  gboolean negative, ignored;

  if (!parse_hex (&p, end, 64, entry.sha256))
    return;
  if (end - p >= 2 && p[0] == '-' && p[1] == ' ')
    p += 2;
  else if (!parse_hex (&p, end, 40, entry.git_sha1))
    return;

  if (!parse_number (&p, end, FALSE, &entry.size, &ignored)
      || !parse_number (&p, end, TRUE, &sec, &negative)
      || !parse_number (&p, end, FALSE, &nsec, &ignored)
      || !parse_number (&p, end, FALSE, &entry.ino, &ignored)
      || !parse_number (&p, end, FALSE, &entry.dev, &ignored))
    return;
  if (sec > G_MAXINT64 || nsec >= 1000000000)
    return;
  entry.mtime_sec = negative ? -(gint64) sec : (gint64) sec;
  entry.mtime_nsec = nsec;

  if (p >= end || *p != '/' || memchr (p, '\0', end - p) != NULL)
    return;

  g_hash_table_replace (self->entries, g_strndup (p, end - p), g_memdup2 (&entry, sizeof entry));
}

/* Reads the cache file; anything unexpected leaves the cache empty, and
 * marks it to be written again. */
static void
load (VitrineHashCache *self)
{
  g_autoptr(GMappedFile) mapped = NULL;
  g_autoptr(GError) error = NULL;
  const char *data;
  const char *end;
  const char *line;
  GStatBuf st;

  if (g_stat (self->path, &st) != 0)
    return;

  self->dirty = TRUE;
  if (!S_ISREG (st.st_mode) || st.st_size > MAX_CACHE_FILE_SIZE)
    {
      g_debug ("Ignoring the hash cache “%s”: not a regular file, or too large", self->path);
      return;
    }

  mapped = g_mapped_file_new (self->path, FALSE, &error);
  if (mapped == NULL)
    {
      g_debug ("Ignoring the hash cache “%s”: %s", self->path, error->message);
      return;
    }

  data = g_mapped_file_get_contents (mapped);
  end = data + g_mapped_file_get_length (mapped);
  if (data == NULL
      || (gsize) (end - data) < strlen (CACHE_HEADER)
      || memcmp (data, CACHE_HEADER, strlen (CACHE_HEADER)) != 0)
    {
      g_debug ("Ignoring the hash cache “%s”: not a hash cache", self->path);
      return;
    }

  /* A last line without its newline was cut short: it is left out. */
  line = data + strlen (CACHE_HEADER);
  while (line < end)
    {
      const char *eol = memchr (line, '\n', end - line);

      if (eol == NULL)
        break;
      load_line (self, line, eol);
      line = eol + 1;
    }

  self->dirty = FALSE;
}

/**
 * vitrine_hash_cache_new:
 * @cache_file: (nullable): where the cache is kept, or %NULL to keep it in
 *   memory only
 *
 * Creates a cache of file hashes, loading @cache_file when it exists.  A
 * cache file that cannot be read or understood is ignored: the cache then
 * starts empty, and the next vitrine_hash_cache_save() replaces it.
 *
 * Every function may be called from several threads at once.
 *
 * Returns: (transfer full): the cache, free with vitrine_hash_cache_free()
 */
VitrineHashCache *
vitrine_hash_cache_new (const char *cache_file)
{
  VitrineHashCache *self = g_new0 (VitrineHashCache, 1);

  g_mutex_init (&self->mutex);
  self->path = g_strdup (cache_file);
  self->entries = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  if (self->path != NULL)
    load (self);

  return self;
}

/**
 * vitrine_hash_cache_lookup:
 * @self: the cache
 * @abs_path: the absolute path of a file
 * @st: what stat() says of it now
 * @sha256: (out) (optional) (transfer full): its SHA-256, in hex
 * @git_sha1: (out) (optional) (transfer full) (nullable): its git blob id,
 *   or %NULL when the entry has none
 *
 * Looks @abs_path up.  An entry is only used when the size, modification
 * time (to the nanosecond), inode and device in @st are those it was stored
 * with.
 *
 * Returns: %TRUE on a hit
 */
gboolean
vitrine_hash_cache_lookup (VitrineHashCache   *self,
                           const char         *abs_path,
                           const struct stat  *st,
                           char              **sha256,
                           char              **git_sha1)
{
  g_autoptr(GMutexLocker) locker = NULL;
  const Entry *entry;

  if (sha256 != NULL)
    *sha256 = NULL;
  if (git_sha1 != NULL)
    *git_sha1 = NULL;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (abs_path != NULL, FALSE);
  g_return_val_if_fail (st != NULL, FALSE);

  locker = g_mutex_locker_new (&self->mutex);
  entry = g_hash_table_lookup (self->entries, abs_path);
  if (entry == NULL || !entry_matches (entry, st))
    return FALSE;

  if (sha256 != NULL)
    *sha256 = g_strdup (entry->sha256);
  if (git_sha1 != NULL && entry->git_sha1[0] != '\0')
    *git_sha1 = g_strdup (entry->git_sha1);
  return TRUE;
}

/**
 * vitrine_hash_cache_store:
 * @self: the cache
 * @abs_path: the absolute path of a file
 * @st: what stat() said of it before it was hashed
 * @sha256: its SHA-256, 64 lowercase hex digits
 * @git_sha1: (nullable): its git blob id, 40 lowercase hex digits, or %NULL
 *   when it was not computed
 *
 * Remembers the hashes of @abs_path, replacing what was known.  A git blob
 * id already known for the same state of the file is kept when @git_sha1 is
 * %NULL.
 */
void
vitrine_hash_cache_store (VitrineHashCache  *self,
                          const char        *abs_path,
                          const struct stat *st,
                          const char        *sha256,
                          const char        *git_sha1)
{
  g_autoptr(GMutexLocker) locker = NULL;
  const Entry *old;
  Entry *entry;

  g_return_if_fail (self != NULL);
  g_return_if_fail (abs_path != NULL && g_path_is_absolute (abs_path));
  g_return_if_fail (st != NULL);
  g_return_if_fail (vitrine_is_hex (sha256, 64));
  g_return_if_fail (git_sha1 == NULL || vitrine_is_hex (git_sha1, 40));

  entry = g_new0 (Entry, 1);
  entry->size = (guint64) st->st_size;
  entry->mtime_sec = (gint64) st->st_mtim.tv_sec;
  entry->mtime_nsec = (gint64) st->st_mtim.tv_nsec;
  entry->ino = (guint64) st->st_ino;
  entry->dev = (guint64) st->st_dev;
  memcpy (entry->sha256, sha256, 65);
  if (git_sha1 != NULL)
    memcpy (entry->git_sha1, git_sha1, 41);

  locker = g_mutex_locker_new (&self->mutex);
  old = g_hash_table_lookup (self->entries, abs_path);
  if (git_sha1 == NULL && old != NULL && entry_matches (old, st)
      && strcmp (old->sha256, sha256) == 0)
    memcpy (entry->git_sha1, old->git_sha1, 41);
  g_hash_table_replace (self->entries, g_strdup (abs_path), entry);
  self->dirty = TRUE;
}

/**
 * vitrine_hash_cache_save:
 * @self: the cache
 * @error: return location for a #GError
 *
 * Writes the cache to its file, if it changed: atomically, readable by the
 * user alone, creating the folders above it (mode 0700) as needed.  Entries
 * for paths with a newline are kept in memory only.  A cache without a file
 * has nothing to do.
 *
 * Returns: %TRUE on success
 */
gboolean
vitrine_hash_cache_save (VitrineHashCache  *self,
                         GError           **error)
{
  g_autoptr(GString) out = NULL;
  g_autofree char *dir = NULL;
  GHashTableIter iter;
  gpointer key, value;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (self->path == NULL)
    return TRUE;

  g_mutex_lock (&self->mutex);
  if (!self->dirty)
    {
      g_mutex_unlock (&self->mutex);
      return TRUE;
    }

  out = g_string_sized_new (64 + 200 * g_hash_table_size (self->entries));
  g_string_append (out, CACHE_HEADER);
  g_hash_table_iter_init (&iter, self->entries);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      const char *path = key;
      const Entry *entry = value;

      if (strchr (path, '\n') != NULL)
        continue;

      g_string_append_printf (out, "%s %s %" G_GUINT64_FORMAT " %" G_GINT64_FORMAT
                              " %" G_GINT64_FORMAT " %" G_GUINT64_FORMAT " %" G_GUINT64_FORMAT
                              " %s\n",
                              entry->sha256, entry->git_sha1[0] != '\0' ? entry->git_sha1 : "-",
                              entry->size, entry->mtime_sec, entry->mtime_nsec,
                              entry->ino, entry->dev, path);
    }

  /* Stores made while writing will mark it dirty again. */
  self->dirty = FALSE;
  g_mutex_unlock (&self->mutex);

  dir = g_path_get_dirname (self->path);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int errsv = errno;
      g_autofree char *shown = g_filename_display_name (dir);

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errsv),
                   _("Could not create “%s”: %s"), shown, g_strerror (errsv));
      goto failed;
    }

  if (!g_file_set_contents_full (self->path, out->str, out->len,
                                 G_FILE_SET_CONTENTS_CONSISTENT, 0600, error))
    goto failed;

  return TRUE;

failed:
  g_mutex_lock (&self->mutex);
  self->dirty = TRUE;
  g_mutex_unlock (&self->mutex);
  return FALSE;
}

void
vitrine_hash_cache_free (VitrineHashCache *self)
{
  if (self == NULL)
    return;

  g_hash_table_unref (self->entries);
  g_free (self->path);
  g_mutex_clear (&self->mutex);
  g_free (self);
}

static gboolean
set_errno_error (GError     **error,
                 int          errsv,
                 const char  *path)
{
  g_autofree char *shown = g_filename_display_name (path);

  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errsv),
               _("Could not read “%s”: %s"), shown, g_strerror (errsv));
  return FALSE;
}

static gboolean
not_regular (GError     **error,
             const char  *path)
{
  g_autofree char *shown = g_filename_display_name (path);

  g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
               _("“%s” is not a regular file"), shown);
  return FALSE;
}

/* Reads the whole of @fd once, feeding SHA-256 and, when @git_sha1 is
 * wanted, the git blob SHA-1 whose header needs @expected_size up front. */
static gboolean
hash_fd (int            fd,
         const char    *path,
         guint64        expected_size,
         char         **sha256,
         char         **git_sha1,
         guint64       *total,
         GCancellable  *cancellable,
         GError       **error)
{
  g_autoptr(VitrineSha256) sha = vitrine_sha256_new ();
  g_autofree guint8 *buf = g_malloc (CHUNK_SIZE);
  gnutls_hash_hd_t sha1 = NULL;
  guint8 digest[20];

  *total = 0;

  if (git_sha1 != NULL)
    {
      char header[64];
      int n = g_snprintf (header, sizeof header, "blob %" G_GUINT64_FORMAT, expected_size);

      if (gnutls_hash_init (&sha1, GNUTLS_DIG_SHA1) < 0)
        g_error ("GnuTLS cannot compute SHA-1");
      gnutls_hash (sha1, header, n + 1);
    }

  posix_fadvise (fd, 0, 0, POSIX_FADV_SEQUENTIAL);

  for (;;)
    {
      ssize_t n;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        goto failed;

      n = read (fd, buf, CHUNK_SIZE);
      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          set_errno_error (error, errno, path);
          goto failed;
        }
      if (n == 0)
        break;

      vitrine_sha256_update (sha, buf, n);
      if (sha1 != NULL)
        gnutls_hash (sha1, buf, n);
      *total += n;
    }

  *sha256 = vitrine_sha256_finish (sha);
  if (sha1 != NULL)
    {
      gnutls_hash_deinit (sha1, digest);
      *git_sha1 = vitrine_hex_encode (digest, sizeof digest);
    }
  return TRUE;

failed:
  if (sha1 != NULL)
    gnutls_hash_deinit (sha1, NULL);
  return FALSE;
}

/**
 * vitrine_hash_cache_hash_file:
 * @self: (nullable): the cache, or %NULL to hash without one
 * @abs_path: the absolute path of a regular file
 * @want_git_sha1: whether the git blob id is needed too
 * @sha256: (out) (transfer full): the SHA-256 of the content, in hex
 * @git_sha1: (out) (optional) (transfer full) (nullable): the git blob id
 *   when @want_git_sha1, otherwise %NULL
 * @size: (out) (optional): the size of the file
 * @bytes_read: (out) (optional): how many bytes were read: 0 on a hit
 * @cancellable: (nullable): a #GCancellable, checked between chunks
 * @error: return location for a #GError
 *
 * Hashes @abs_path, or takes its hashes from the cache when the file did
 * not change since they were stored.  On a miss the file is read once, a
 * chunk of 1 MiB at a time, and the result is stored, unless the file
 * changed while it was read.  A file whose size changed meanwhile is an
 * error, since its git blob id would be wrong.
 *
 * Returns: %TRUE on success
 */
gboolean
vitrine_hash_cache_hash_file (VitrineHashCache  *self,
                              const char        *abs_path,
                              gboolean           want_git_sha1,
                              char             **sha256,
                              char             **git_sha1,
                              guint64           *size,
                              guint64           *bytes_read,
                              GCancellable      *cancellable,
                              GError           **error)
{
  g_autofree char *new_sha256 = NULL;
  g_autofree char *new_git_sha1 = NULL;
  struct stat before, after;
  guint64 total = 0;
  gboolean ok;
  int fd;

  if (bytes_read != NULL)
    *bytes_read = 0;

  g_return_val_if_fail (abs_path != NULL && g_path_is_absolute (abs_path), FALSE);
  g_return_val_if_fail (sha256 != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  *sha256 = NULL;
  if (git_sha1 != NULL)
    *git_sha1 = NULL;

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  if (stat (abs_path, &before) != 0)
    return set_errno_error (error, errno, abs_path);
  if (!S_ISREG (before.st_mode))
    return not_regular (error, abs_path);

  if (self != NULL
      && vitrine_hash_cache_lookup (self, abs_path, &before, &new_sha256, &new_git_sha1)
      && (!want_git_sha1 || new_git_sha1 != NULL))
    {
      *sha256 = g_steal_pointer (&new_sha256);
      if (git_sha1 != NULL && want_git_sha1)
        *git_sha1 = g_steal_pointer (&new_git_sha1);
      if (size != NULL)
        *size = before.st_size;
      return TRUE;
    }
  g_clear_pointer (&new_sha256, g_free);
  g_clear_pointer (&new_git_sha1, g_free);

  /* Non-blocking, in case a FIFO took the file's place since stat(). */
  fd = open (abs_path, O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);
  if (fd < 0)
    return set_errno_error (error, errno, abs_path);
  if (fstat (fd, &before) != 0)
    {
      int errsv = errno;

      close (fd);
      return set_errno_error (error, errsv, abs_path);
    }
  if (!S_ISREG (before.st_mode))
    {
      close (fd);
      return not_regular (error, abs_path);
    }

  ok = hash_fd (fd, abs_path, before.st_size, &new_sha256,
                want_git_sha1 ? &new_git_sha1 : NULL, &total, cancellable, error);
  if (bytes_read != NULL)
    *bytes_read = total;
  if (ok && fstat (fd, &after) != 0)
    {
      ok = FALSE;
      set_errno_error (error, errno, abs_path);
    }
  close (fd);
  if (!ok)
    return FALSE;

  if (total != (guint64) before.st_size || after.st_size != before.st_size)
    {
      g_autofree char *shown = g_filename_display_name (abs_path);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("“%s” changed while it was being read"), shown);
      return FALSE;
    }

  if (self != NULL && same_file_state (&before, &after))
    vitrine_hash_cache_store (self, abs_path, &before, new_sha256, new_git_sha1);

  *sha256 = g_steal_pointer (&new_sha256);
  if (git_sha1 != NULL)
    *git_sha1 = g_steal_pointer (&new_git_sha1);
  if (size != NULL)
    *size = total;
  return TRUE;
}
