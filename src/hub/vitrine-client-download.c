/* vitrine-client-download.c — downloads: one file, resumable, or a whole
 * snapshot, into a folder or into the Hub's cache layout
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <string.h>
#include <unistd.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "vitrine-client-private.h"
#include "vitrine-error.h"
#include "vitrine-path.h"

#define DOWNLOAD_CHUNK (1024 * 1024)

static gboolean set_errno_error (GError     **error,
                                 const char  *format,
                                 ...) G_GNUC_PRINTF (2, 3);

/* Sets @error from errno, with a message that names what failed. */
static gboolean
set_errno_error (GError     **error,
                 const char  *format,
                 ...)
{
  int errsv = errno;
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error_literal (error, G_IO_ERROR, g_io_error_from_errno (errsv), message);
  return FALSE;
}

static gboolean
write_all (int            fd,
           const guint8  *data,
           gsize          len,
           GError       **error)
{
  while (len > 0)
    {
      ssize_t n = write (fd, data, len);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          int errsv = errno;
          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errsv),
                       _("Could not write the download: %s"), g_strerror (errsv));
          return FALSE;
        }
      data += n;
      len -= n;
    }
  return TRUE;
}

static char *
strip_etag (const char *etag)
{
  g_autofree char *copy = NULL;

  if (etag == NULL)
    return NULL;
  if (g_str_has_prefix (etag, "W/"))
    etag += 2;
  copy = g_strdup (etag);
  g_strstrip (copy);
  if (copy[0] == '"' && strlen (copy) >= 2 && copy[strlen (copy) - 1] == '"')
    return g_strndup (copy + 1, strlen (copy) - 2);
  return g_steal_pointer (&copy);
}

/* Appends (or, from 0, writes) what @stream brings to @partial; FALSE with
 * @read_error set when the stream broke, with @error set when writing did. */
static gboolean
receive (GInputStream         *stream,
         const char           *partial,
         guint64              *have,
         guint64               total,
         VitrineProgressFunc   progress,
         gpointer              progress_data,
         GCancellable         *cancellable,
         GError              **read_error,
         GError              **error)
{
  g_autofree guint8 *buf = NULL;
  gboolean ok = TRUE;
  int fd = open (partial, O_WRONLY | O_CREAT | O_CLOEXEC | (*have == 0 ? O_TRUNC : O_APPEND), 0644);

  if (fd < 0)
    return set_errno_error (error, _("Could not write “%s”: %s"), partial, g_strerror (errno));
  buf = g_malloc (DOWNLOAD_CHUNK);
  for (;;)
    {
      gssize n = g_input_stream_read (stream, buf, DOWNLOAD_CHUNK, cancellable, read_error);

      if (n <= 0)
        {
          ok = n == 0;
          break;
        }
      if (!write_all (fd, buf, n, error))
        {
          ok = FALSE;
          break;
        }
      *have += n;
      if (progress != NULL)
        progress (*have, total, progress_data);
    }
  close (fd);
  return ok;
}

/**
 * vitrine_client_download_file:
 * @revision: (nullable): a branch, tag or commit; %NULL for main
 * @destination: the file to write; `DESTINATION.incomplete` holds a partial
 *   download, which a later call resumes with a Range request
 * @progress: (nullable) (scope call): called as the bytes arrive
 * @commit_id: (out) (optional): the commit the revision resolved to
 * @etag: (out) (optional): the file's etag (sha256 for large files)
 *
 * Downloads a file with bounded memory, resuming where a previous attempt
 * stopped; the destination appears only once complete.
 */
gboolean
vitrine_client_download_file (VitrineClient        *self,
                              VitrineRepoType       type,
                              const char           *repo_id,
                              const char           *revision,
                              const char           *path,
                              const char           *destination,
                              VitrineProgressFunc   progress,
                              gpointer              progress_data,
                              char                **commit_id,
                              char                **etag,
                              GCancellable         *cancellable,
                              GError              **error)
{
  g_autofree char *url = NULL;
  g_autofree char *partial = g_strconcat (destination, ".incomplete", NULL);
  g_autofree char *dir = g_path_get_dirname (destination);
  VitrineRequest request = { .method = "GET", .flags = VITRINE_REQUEST_IDEMPOTENT | VITRINE_REQUEST_STREAM };
  guint attempt = 0;

  g_return_val_if_fail (VITRINE_IS_CLIENT (self), FALSE);

  if (!_vitrine_client_check_repo_id (repo_id, error) || !vitrine_path_check (path, -1, error))
    return FALSE;
  url = _vitrine_client_resolve_url (self, type, repo_id, revision, path);
  if (g_mkdir_with_parents (dir, 0755) != 0)
    return set_errno_error (error, _("Could not create “%s”: %s"), dir, g_strerror (errno));
  request.url = url;
  /* Retries of the request and of a body cut short share one budget. */
  request.attempt = &attempt;

  for (;;)
    {
      g_autoptr(VitrineResponse) response = NULL;
      g_autoptr(GError) read_error = NULL;
      GStatBuf st;
      guint64 have = 0, total;
      guint status;

      if (g_stat (partial, &st) == 0)
        have = st.st_size;
      request.range_start = have;
      response = _vitrine_client_request (self, &request, cancellable, error);
      if (response == NULL)
        return FALSE;
      status = _vitrine_response_get_status (response);
      if (status == 416 && have > 0)
        {
          /* The partial file is longer than the file: start again. */
          g_unlink (partial);
          continue;
        }
      if (status >= 400)
        {
          g_propagate_error (error, _vitrine_response_to_error (response));
          return FALSE;
        }

      /* The endpoint says which commit; a storage it redirects to cannot. */
      if (commit_id != NULL && *commit_id == NULL)
        {
          const char *first = _vitrine_response_get_first_header (response, "X-Repo-Commit");
          *commit_id = g_strdup (first != NULL ? first : _vitrine_response_get_header (response, "X-Repo-Commit"));
        }
      if (etag != NULL && *etag == NULL)
        {
          const char *linked = _vitrine_response_get_header (response, "X-Linked-Etag");
          *etag = strip_etag (linked != NULL ? linked : _vitrine_response_get_header (response, "ETag"));
        }

      /* A 200 to a Range request means: the whole file again. */
      if (status != 206)
        have = 0;
      total = have + MAX (_vitrine_response_get_content_length (response), 0);

      if (!receive (_vitrine_response_get_stream (response), partial, &have, total, progress, progress_data,
                    cancellable, &read_error, error))
        {
          if (read_error == NULL)
            return FALSE;
          if (g_cancellable_is_cancelled (cancellable))
            {
              g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CANCELLED, _("Cancelled"));
              return FALSE;
            }
          /* Cut short: resume from what arrived. */
          if (_vitrine_client_can_retry (self, attempt))
            {
              if (!_vitrine_client_backoff (self, &attempt, cancellable, error))
                return FALSE;
              continue;
            }
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_PARTIAL_INPUT,
                       _("The download of “%s” was cut short: %s"), path, read_error->message);
          return FALSE;
        }
      if (total > 0 && have != total)
        {
          if (_vitrine_client_can_retry (self, attempt++))
            continue;
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_PARTIAL_INPUT,
                       _("The download of “%s” was cut short."), path);
          return FALSE;
        }
      if (g_rename (partial, destination) != 0)
        return set_errno_error (error, _("Could not write “%s”: %s"), destination, g_strerror (errno));
      return TRUE;
    }
}

/* "models--ns--name", the Hub cache's folder name. */
static char *
cache_folder_name (VitrineRepoType  type,
                   const char      *repo_id)
{
  g_auto(GStrv) parts = g_strsplit (repo_id, "/", 2);

  return g_strdup_printf ("%s--%s--%s", _vitrine_client_api_segment (type), parts[0], parts[1]);
}

/* The cache's snapshots/COMMIT/ folder, with refs/REVISION naming COMMIT. */
static char *
cache_snapshot (const char   *repo_dir,
                const char   *revision,
                const char   *commit,
                GError      **error)
{
  g_autofree char *refs_dir = g_build_filename (repo_dir, "refs", NULL);

  g_mkdir_with_parents (refs_dir, 0755);
  if (revision == NULL || !g_str_equal (revision, commit))
    {
      g_autofree char *ref_file = g_build_filename (refs_dir, revision != NULL ? revision : "main", NULL);
      g_autofree char *ref_parent = g_path_get_dirname (ref_file);

      g_mkdir_with_parents (ref_parent, 0755);
      if (!g_file_set_contents (ref_file, commit, -1, error))
        return NULL;
    }
  return g_build_filename (repo_dir, "snapshots", commit, NULL);
}

/* Puts @entry in the cache: its blob (downloaded once) and a link to it
 * at @target, relative as the Hub's tools make it. */
static gboolean
cache_entry (VitrineClient     *self,
             VitrineRepoType    type,
             const char        *repo_id,
             const char        *commit,
             const char        *repo_dir,
             VitrineTreeEntry  *entry,
             const char        *target,
             GCancellable      *cancellable,
             GError           **error)
{
  const char *path = vitrine_tree_entry_get_path (entry);
  const char *blob_id = vitrine_tree_entry_get_lfs_oid (entry);
  g_autofree char *blob = NULL;
  g_autofree char *link_dir = g_path_get_dirname (target);
  g_autoptr(GString) relative = g_string_new ("../../");

  if (blob_id == NULL)
    blob_id = vitrine_tree_entry_get_oid (entry);
  if (blob_id == NULL || !g_regex_match_simple ("^[0-9a-f]{40,64}$", blob_id, 0, 0))
    {
      _vitrine_client_set_protocol_error (error);
      return FALSE;
    }
  blob = g_build_filename (repo_dir, "blobs", blob_id, NULL);
  if (!g_file_test (blob, G_FILE_TEST_EXISTS) &&
      !vitrine_client_download_file (self, type, repo_id, commit, path, blob, NULL, NULL,
                                     NULL, NULL, cancellable, error))
    return FALSE;

  /* snapshots/COMMIT/path -> ../../blobs/ID, one more ../ a folder. */
  for (const char *p = path; *p; p++)
    if (*p == '/')
      g_string_append (relative, "../");
  g_string_append_printf (relative, "blobs/%s", blob_id);
  g_mkdir_with_parents (link_dir, 0755);
  g_unlink (target);
  if (symlink (relative->str, target) != 0)
    return set_errno_error (error, _("Could not write “%s”: %s"), target, g_strerror (errno));
  return TRUE;
}

/**
 * vitrine_client_download_snapshot:
 * @revision: (nullable): a branch, tag or commit; %NULL for main
 * @to_dir: (nullable): a folder to put the files in, or
 * @cache_dir: (nullable): a Hub cache (`HF_HUB_CACHE`), laid out as the
 *   official tools lay it out, so they can use it too
 * @progress: (nullable) (scope call): called after each file
 *
 * Returns: (transfer full): the folder the files are in
 */
char *
vitrine_client_download_snapshot (VitrineClient        *self,
                                  VitrineRepoType       type,
                                  const char           *repo_id,
                                  const char           *revision,
                                  const char           *to_dir,
                                  const char           *cache_dir,
                                  VitrineProgressFunc   progress,
                                  gpointer              progress_data,
                                  GCancellable         *cancellable,
                                  GError              **error)
{
  g_autoptr(VitrineRepoInfo) info = NULL;
  g_autoptr(GListModel) tree = NULL;
  g_autofree char *repo_dir = NULL;
  g_autofree char *snapshot = NULL;
  g_autofree char *commit = NULL;
  guint64 total = 0, done = 0;
  guint n;

  g_return_val_if_fail (VITRINE_IS_CLIENT (self), NULL);
  g_return_val_if_fail ((to_dir != NULL) != (cache_dir != NULL), NULL);

  info = vitrine_client_repo_info (self, type, repo_id, revision, cancellable, error);
  if (info == NULL)
    return NULL;
  commit = g_strdup (vitrine_repo_info_get_sha (info));
  if (commit == NULL || strlen (commit) != 40)
    {
      g_set_error (error, VITRINE_ERROR, VITRINE_ERROR_PROTOCOL, _("The server did not say which commit this is."));
      return NULL;
    }
  /* List at the commit, so every file comes from the same version. */
  tree = vitrine_client_list_tree (self, type, repo_id, commit, NULL, TRUE, cancellable, error);
  if (tree == NULL)
    return NULL;

  n = g_list_model_get_n_items (tree);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(VitrineTreeEntry) entry = g_list_model_get_item (tree, i);
      if (!vitrine_tree_entry_is_directory (entry))
        total += vitrine_tree_entry_get_size (entry);
    }

  if (cache_dir != NULL)
    {
      g_autofree char *folder = cache_folder_name (type, repo_id);

      repo_dir = g_build_filename (cache_dir, folder, NULL);
      snapshot = cache_snapshot (repo_dir, revision, commit, error);
      if (snapshot == NULL)
        return NULL;
    }
  else
    snapshot = g_strdup (to_dir);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(VitrineTreeEntry) entry = g_list_model_get_item (tree, i);
      const char *path = vitrine_tree_entry_get_path (entry);
      g_autofree char *target = NULL;

      if (vitrine_tree_entry_is_directory (entry))
        continue;
      if (!vitrine_path_check (path, -1, error))
        return NULL;
      target = g_build_filename (snapshot, path, NULL);

      if (cache_dir != NULL)
        {
          if (!cache_entry (self, type, repo_id, commit, repo_dir, entry, target, cancellable, error))
            return NULL;
        }
      else if (!vitrine_client_download_file (self, type, repo_id, commit, path, target, NULL, NULL,
                                              NULL, NULL, cancellable, error))
        return NULL;

      done += vitrine_tree_entry_get_size (entry);
      if (progress != NULL)
        progress (done, total, progress_data);
    }
  return g_steal_pointer (&snapshot);
}

/* ---- _async and _finish ----------------------------------------------- */

VITRINE_CLIENT_ASYNC (download_file, VITRINE_CALL_DOWNLOAD_FILE,
                      (VitrineClient *self, VitrineRepoType type, const char *repo_id, const char *revision,
                       const char *path, const char *destination, VitrineProgressFunc progress,
                       gpointer progress_data, GCancellable *cancellable, GAsyncReadyCallback callback,
                       gpointer user_data),
                      .type = type, .repo_id = repo_id, .revision = revision, .path = path,
                      .destination = destination, .progress = progress, .progress_data = progress_data)

/**
 * vitrine_client_download_file_finish:
 * @commit_id: (out) (optional): the commit the revision resolved to
 * @etag: (out) (optional): the file's etag (sha256 for large files)
 */
gboolean
vitrine_client_download_file_finish (VitrineClient  *self,
                                     GAsyncResult   *result,
                                     char          **commit_id,
                                     char          **etag,
                                     GError        **error)
{
  gboolean ok = _vitrine_client_call_finish (self, result, VITRINE_CALL_DOWNLOAD_FILE, error) != NULL;

  if (ok && commit_id != NULL)
    *commit_id = g_strdup (_vitrine_client_call_output (result)->commit_id);
  if (ok && etag != NULL)
    *etag = g_strdup (_vitrine_client_call_output (result)->etag);
  return ok;
}

VITRINE_CLIENT_ASYNC (download_snapshot, VITRINE_CALL_DOWNLOAD_SNAPSHOT,
                      (VitrineClient *self, VitrineRepoType type, const char *repo_id, const char *revision,
                       const char *to_dir, const char *cache_dir, VitrineProgressFunc progress,
                       gpointer progress_data, GCancellable *cancellable, GAsyncReadyCallback callback,
                       gpointer user_data),
                      .type = type, .repo_id = repo_id, .revision = revision, .destination = to_dir,
                      .cache_dir = cache_dir, .progress = progress, .progress_data = progress_data)
VITRINE_CLIENT_FINISH (download_snapshot, VITRINE_CALL_DOWNLOAD_SNAPSHOT, char *)
