/* vitrine-card-record.c — which card this computer left on each repository
 *
 * A model card edited on the Hub after it was published from here must
 * not be replaced without the user knowing.  For each endpoint, repository
 * and branch, this record keeps the git object id of the README.md that
 * this computer last published there, or whose changes the user took into
 * the folder's card (merged in the card editor, then saved).  The
 * publisher stops when the Hub's card is another one.
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <string.h>
#include <gio/gio.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "vitrine-card-record.h"
#include "vitrine-hash.h"

/* One file per endpoint, repository and branch, named by a digest so no
 * name from the network becomes a path. */
static char *
record_path (const char      *records_dir,
             const char      *endpoint,
             VitrineRepoType  type,
             const char      *repo_id,
             const char      *branch)
{
  g_autofree char *key = g_strdup_printf ("%s\n%s\n%s\n%s", endpoint, vitrine_repo_type_to_string (type),
                                          repo_id, branch != NULL ? branch : "main");
  g_autofree char *digest = g_compute_checksum_for_string (G_CHECKSUM_SHA256, key, -1);

  if (records_dir != NULL)
    return g_build_filename (records_dir, digest, NULL);
  return g_build_filename (g_get_user_data_dir (), "vitrine", "published", digest, NULL);
}

/**
 * vitrine_card_record_read:
 * @records_dir: (nullable): where the records are kept; %NULL for
 *   `vitrine/published` in the user's data folder
 * @branch: (nullable): the branch, `main` when %NULL
 *
 * Returns: (transfer full) (nullable): the git object id of the card last
 *   left on that branch from here, %NULL when there is none
 */
char *
vitrine_card_record_read (const char      *records_dir,
                          const char      *endpoint,
                          VitrineRepoType  type,
                          const char      *repo_id,
                          const char      *branch)
{
  g_autofree char *path = NULL;
  g_autofree char *oid = NULL;

  g_return_val_if_fail (endpoint != NULL && repo_id != NULL, NULL);

  path = record_path (records_dir, endpoint, type, repo_id, branch);
  if (!g_file_get_contents (path, &oid, NULL, NULL))
    return NULL;
  g_strstrip (oid);
  return strlen (oid) == 40 && vitrine_is_hex (oid, 40) ? g_steal_pointer (&oid) : NULL;
}

/**
 * vitrine_card_record_write:
 * @oid: (nullable): the git object id of the card now on that branch;
 *   %NULL forgets the record
 *
 * Remembers which card is on a branch as far as this computer knows,
 * replacing the record whole (never half-written).
 */
gboolean
vitrine_card_record_write (const char       *records_dir,
                           const char       *endpoint,
                           VitrineRepoType   type,
                           const char       *repo_id,
                           const char       *branch,
                           const char       *oid,
                           GError          **error)
{
  g_autofree char *path = NULL;
  g_autofree char *dir = NULL;

  g_return_val_if_fail (endpoint != NULL && repo_id != NULL, FALSE);
  g_return_val_if_fail (oid == NULL || (strlen (oid) == 40 && vitrine_is_hex (oid, 40)), FALSE);

  path = record_path (records_dir, endpoint, type, repo_id, branch);
  if (oid == NULL)
    {
      if (g_unlink (path) != 0 && errno != ENOENT)
        {
          int errsv = errno;

          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errsv),
                       _("Could not remove “%s”: %s"), path, g_strerror (errsv));
          return FALSE;
        }
      return TRUE;
    }
  dir = g_path_get_dirname (path);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int errsv = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errsv),
                   _("Could not create “%s”: %s"), dir, g_strerror (errsv));
      return FALSE;
    }
  return g_file_set_contents_full (path, oid, -1, G_FILE_SET_CONTENTS_CONSISTENT, 0600, error);
}
