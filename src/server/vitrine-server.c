/* vitrine-server.c — the local hub: its data folder, its secret, and the
 * address it listens on
 *
 * The HTTP front is vitrine-server-http.c; the routes, vitrine-routes*.c.
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <gnutls/crypto.h>

#include "vitrine-hash.h"
#include "vitrine-repo-store.h"
#include "vitrine-routes-private.h"
#include "vitrine-server-private.h"

enum {
  PROP_0,
  PROP_DATA_DIR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (VitrineServer, vitrine_server, G_TYPE_OBJECT)

static void
vitrine_server_finalize (GObject *object)
{
  VitrineServer *self = (VitrineServer *)object;

  _vitrine_server_http_finish (self);
  _vitrine_conn_free_table (self);
  g_clear_pointer (&self->data_dir, g_free);
  g_clear_pointer (&self->lfs_dir, g_free);
  g_clear_pointer (&self->tmp_dir, g_free);
  g_clear_pointer (&self->hooks_dir, g_free);
  g_clear_pointer (&self->url, g_free);
  if (self->lock_fd >= 0)
    close (self->lock_fd);
  g_clear_pointer (&self->faults, vitrine_faults_free);

  G_OBJECT_CLASS (vitrine_server_parent_class)->finalize (object);
}

static void
vitrine_server_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  VitrineServer *self = VITRINE_SERVER (object);

  switch (prop_id)
    {
    case PROP_DATA_DIR:
      g_value_set_string (value, self->data_dir);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vitrine_server_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  VitrineServer *self = VITRINE_SERVER (object);

  switch (prop_id)
    {
    case PROP_DATA_DIR:
      /* Absolute: git's programs run in the repositories, and read the
       * hooks and the store from there. */
      self->data_dir = g_canonicalize_filename (g_value_get_string (value), NULL);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vitrine_server_class_init (VitrineServerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = vitrine_server_finalize;
  object_class->get_property = vitrine_server_get_property;
  object_class->set_property = vitrine_server_set_property;

  properties[PROP_DATA_DIR] =
    g_param_spec_string ("data-dir", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
vitrine_server_init (VitrineServer *self)
{
  /* Writing to a git program that exited, or to a client that left, is an
   * error to handle, not a reason to die. */
  signal (SIGPIPE, SIG_IGN);
  vitrine_store_init ();
  self->lock_fd = -1;
  _vitrine_server_http_init (self);
}

VitrineServer *
vitrine_server_new (const char *data_dir)
{
  g_return_val_if_fail (data_dir != NULL, NULL);

  return g_object_new (VITRINE_TYPE_SERVER, "data-dir", data_dir, NULL);
}

const char *
vitrine_server_get_data_dir (VitrineServer *self)
{
  g_return_val_if_fail (VITRINE_IS_SERVER (self), NULL);

  return self->data_dir;
}

/* The secret that signs upload URLs, made once per data folder. */
static gboolean
load_secret (VitrineServer  *self,
             GError        **error)
{
  g_autofree char *path = g_build_filename (self->data_dir, "secret", NULL);
  g_autofree char *contents = NULL;
  gsize len;

  if (!g_file_get_contents (path, &contents, &len, NULL) || len != sizeof self->secret)
    {
      if (gnutls_rnd (GNUTLS_RND_KEY, self->secret, sizeof self->secret) < 0)
        g_error ("No random numbers");
      if (!g_file_set_contents_full (path, (const char *) self->secret, sizeof self->secret,
                                     G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                     0600, error))
        return FALSE;
      return TRUE;
    }
  memcpy (self->secret, contents, sizeof self->secret);
  return TRUE;
}

/* Single-request uploads cut short are useless once the server restarts;
 * multipart uploads keep their parts for a day, so a client can resume. */
static void
clean_tmp (const char *tmp_dir)
{
  g_autoptr(GDir) dir = g_dir_open (tmp_dir, 0, NULL);
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (tmp_dir, name, NULL);
      GStatBuf st;

      if (g_stat (path, &st) != 0)
        continue;
      if (S_ISREG (st.st_mode) &&
          (!g_str_has_suffix (name, ".multipart") || now - st.st_mtime > UPLOAD_URL_LIFETIME))
        g_unlink (path);
      else if (S_ISDIR (st.st_mode) && now - st.st_mtime > UPLOAD_URL_LIFETIME)
        {
          g_autoptr(GDir) parts = g_dir_open (path, 0, NULL);
          const char *part;

          while (parts != NULL && (part = g_dir_read_name (parts)) != NULL)
            {
              g_autofree char *part_path = g_build_filename (path, part, NULL);
              g_unlink (part_path);
            }
          g_rmdir (path);
        }
    }
}

static char *
shell_quote (const char *text)
{
  g_auto(GStrv) parts = g_strsplit (text, "'", -1);
  g_autofree char *joined = g_strjoinv ("'\\''", parts);

  return g_strconcat ("'", joined, "'", NULL);
}

/* The hooks git's receive-pack runs for pushes (core.hooksPath): the
 * Hub's checks, by this very program (vitrine-git-receive.c).  Written at
 * each start, so they name the program that serves. */
static gboolean
write_hooks (VitrineServer  *self,
             GError        **error)
{
  const char *exe_env = g_getenv ("VITRINE_HUB_EXE");
  g_autofree char *exe = NULL;
  g_autofree char *hook = NULL;
  g_autofree char *script = NULL;
  g_autofree char *q_exe = NULL;
  g_autofree char *q_lfs = NULL;

  if (exe_env != NULL && g_file_test (exe_env, G_FILE_TEST_IS_EXECUTABLE))
    exe = g_strdup (exe_env);
  else
    exe = g_file_read_link ("/proc/self/exe", NULL);
  if (exe == NULL)
    exe = g_strdup ("vitrine-hub");
  self->hooks_dir = g_build_filename (self->data_dir, "hooks", NULL);
  if (g_mkdir_with_parents (self->hooks_dir, 0700) != 0)
    {
      int errsv = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errsv),
                   _("Could not create the data folder “%s”: %s"), self->hooks_dir, g_strerror (errsv));
      return FALSE;
    }
  q_exe = shell_quote (exe);
  q_lfs = shell_quote (self->lfs_dir);
  script = g_strdup_printf ("#!/bin/sh\n"
                            "# Written by vitrine-hub at each start: the Hub's checks on a push.\n"
                            "exec %s git-pre-receive --lfs-dir %s\n", q_exe, q_lfs);
  hook = g_build_filename (self->hooks_dir, "pre-receive", NULL);
  if (!g_file_set_contents_full (hook, script, -1, G_FILE_SET_CONTENTS_CONSISTENT, 0700, error))
    return FALSE;
  return TRUE;
}

/**
 * vitrine_server_listen:
 * @host: the address to listen on, such as `127.0.0.1`
 * @port: the port, or 0 to pick a free one
 *
 * Prepares the data folder (private to its owner) and starts listening.
 */
gboolean
vitrine_server_listen (VitrineServer  *self,
                       const char     *host,
                       guint           port,
                       GError        **error)
{
  g_autoptr(GInetAddress) inet = NULL;

  g_return_val_if_fail (VITRINE_IS_SERVER (self), FALSE);
  g_return_val_if_fail (host != NULL, FALSE);
  g_return_val_if_fail (self->url == NULL, FALSE);

  inet = g_inet_address_new_from_string (host);
  if (inet == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("“%s” is not an IP address."), host);
      return FALSE;
    }
  if (port > G_MAXUINT16)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("%u is not a valid port."), port);
      return FALSE;
    }

  self->lfs_dir = g_build_filename (self->data_dir, "lfs", "objects", NULL);
  self->tmp_dir = g_build_filename (self->data_dir, "lfs", "tmp", NULL);
  if (g_mkdir_with_parents (self->data_dir, 0700) != 0 ||
      g_mkdir_with_parents (self->lfs_dir, 0700) != 0 ||
      g_mkdir_with_parents (self->tmp_dir, 0700) != 0)
    {
      int errsv = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errsv),
                   _("Could not create the data folder “%s”: %s"),
                   self->data_dir, g_strerror (errsv));
      return FALSE;
    }
  /* One server per data folder: it alone writes to the repositories. */
  {
    g_autofree char *lock_path = g_build_filename (self->data_dir, "server.lock", NULL);

    self->lock_fd = open (lock_path, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
    if (self->lock_fd < 0 || flock (self->lock_fd, LOCK_EX | LOCK_NB) != 0)
      {
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_BUSY,
                     _("Another local hub is already serving “%s”."), self->data_dir);
        if (self->lock_fd >= 0)
          close (self->lock_fd);
        self->lock_fd = -1;
        return FALSE;
      }
  }
  if (!load_secret (self, error) || !write_hooks (self, error))
    return FALSE;
  clean_tmp (self->tmp_dir);
  if (g_getenv ("VITRINE_HUB_FAULTS") != NULL)
    self->faults = vitrine_faults_new (g_getenv ("VITRINE_HUB_FAULTS"));
  vitrine_store_recover (self->data_dir);

  if (!_vitrine_conn_listen (self, inet, port, error))
    return FALSE;
  if (g_inet_address_get_family (inet) == G_SOCKET_FAMILY_IPV6)
    self->url = g_strdup_printf ("http://[%s]:%u", host, self->port);
  else
    self->url = g_strdup_printf ("http://%s:%u", host, self->port);

  return TRUE;
}

/**
 * vitrine_server_dup_url:
 *
 * Returns: (nullable): the base URL, such as `http://127.0.0.1:41234`, once
 *   listening
 */
char *
vitrine_server_dup_url (VitrineServer *self)
{
  g_return_val_if_fail (VITRINE_IS_SERVER (self), NULL);

  return g_strdup (self->url);
}

guint
vitrine_server_get_port (VitrineServer *self)
{
  g_return_val_if_fail (VITRINE_IS_SERVER (self), 0);

  return self->port;
}

const char *
vitrine_server_get_lfs_dir (VitrineServer *self)
{
  return self->lfs_dir;
}

const char *
vitrine_server_get_tmp_dir (VitrineServer *self)
{
  return self->tmp_dir;
}

const char *
vitrine_server_get_hooks_dir (VitrineServer *self)
{
  return self->hooks_dir;
}

VitrineFaults *
_vitrine_server_get_faults (VitrineServer *self)
{
  return self->faults;
}

char *
vitrine_server_sign (VitrineServer *self,
                     const char    *message)
{
  return vitrine_hmac_sha256_hex (self->secret, sizeof self->secret, message);
}
