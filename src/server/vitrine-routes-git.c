/* vitrine-routes-git.c — every repository is a git remote: git's smart
 * HTTP protocol, served by git's own programs
 *
 * `git upload-pack` and `git receive-pack` (--stateless-rpc) run as the
 * hub's children, in a worker of their own (vitrine-server-stream.c): the
 * request body goes to the program as it arrives (inflated when the
 * client gzipped it), and what the program writes goes out as it comes,
 * in HTTP chunks: neither is ever held whole.  The hub authenticates and
 * authorises (the route table); git speaks the protocol, v2 included
 * (the Git-Protocol header is passed on).  A push runs the hub's checks
 * in receive-pack's pre-receive hook (vitrine-git-receive.c), with what
 * it sent in git's quarantine: a refused push moves no ref and leaves no
 * object.  Refs move by git's own locked compare-and-swap, under the same
 * lock files as the API's commits (libgit2's), so neither loses the other.
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <signal.h>
#include <string.h>
#include <sys/prctl.h>
#include <glib/gstdio.h>

#include "vitrine-routes-private.h"

#define PIPE_CHUNK       (64 * 1024)
#define MAX_STDERR       (64 * 1024)
/* A fetch's request lists what the client wants and has: small. */
#define MAX_FETCH_BODY   (64 * 1024 * 1024)
/* A push is bounded as an API commit is. */
#define MAX_PUSH_BODY    MAX_COMMIT_BODY

static gboolean
service_of (const char  *name,
            const char **service)
{
  if (g_strcmp0 (name, "git-upload-pack") == 0)
    *service = "upload-pack";
  else if (g_strcmp0 (name, "git-receive-pack") == 0)
    *service = "receive-pack";
  else
    return FALSE;
  return TRUE;
}

/* The Git-Protocol header, passed on to git when it is plain. */
static const char *
git_protocol (VitrineRequest *req)
{
  const char *value = req->git_protocol;

  if (value == NULL || strlen (value) > 256 ||
      strspn (value, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789=:._-") != strlen (value))
    return NULL;
  return value;
}

static void
child_setup (gpointer data)
{
  /* A git program never outlives the hub (nor the worker waiting for it). */
  prctl (PR_SET_PDEATHSIG, SIGKILL);
}

static GSubprocess *
spawn_git (VitrineRequest  *req,
           const char      *service,
           gboolean         advertise,
           GError         **error)
{
  g_autoptr(GSubprocessLauncher) launcher =
    g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                               G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);
  const char *protocol = git_protocol (req);

  g_subprocess_launcher_set_child_setup (launcher, child_setup, NULL, NULL);
  g_subprocess_launcher_unsetenv (launcher, "GIT_DIR");
  g_subprocess_launcher_setenv (launcher, "GIT_TERMINAL_PROMPT", "0", TRUE);
  g_subprocess_launcher_setenv (launcher, "GIT_CONFIG_NOSYSTEM", "1", TRUE);
  if (protocol != NULL)
    g_subprocess_launcher_setenv (launcher, "GIT_PROTOCOL", protocol, TRUE);
  else
    g_subprocess_launcher_unsetenv (launcher, "GIT_PROTOCOL");

  g_ptr_array_add (argv, g_strdup ("git"));
  if (g_str_equal (service, "receive-pack"))
    {
      g_ptr_array_add (argv, g_strdup ("-c"));
      g_ptr_array_add (argv, g_strdup_printf ("core.hooksPath=%s", vitrine_server_get_hooks_dir (req->server)));
      g_ptr_array_add (argv, g_strdup ("-c"));
      g_ptr_array_add (argv, g_strdup_printf ("receive.maxInputSize=%d", MAX_PUSH_BODY));
      g_ptr_array_add (argv, g_strdup ("-c"));
      g_ptr_array_add (argv, g_strdup ("receive.autogc=false"));
      g_ptr_array_add (argv, g_strdup ("-c"));
      g_ptr_array_add (argv, g_strdup ("receive.fsckObjects=true"));
      g_ptr_array_add (argv, g_strdup ("-c"));
      g_ptr_array_add (argv, g_strdup ("core.logAllRefUpdates=false"));
    }
  else
    {
      /* Packing a large clone with bounded memory. */
      g_ptr_array_add (argv, g_strdup ("-c"));
      g_ptr_array_add (argv, g_strdup ("pack.windowMemory=64m"));
      g_ptr_array_add (argv, g_strdup ("-c"));
      g_ptr_array_add (argv, g_strdup ("pack.threads=1"));
      g_ptr_array_add (argv, g_strdup ("-c"));
      g_ptr_array_add (argv, g_strdup ("uploadpack.allowFilter=true"));
    }
  g_ptr_array_add (argv, g_strdup (service));
  g_ptr_array_add (argv, g_strdup ("--stateless-rpc"));
  if (advertise)
    g_ptr_array_add (argv, g_strdup ("--advertise-refs"));
  g_ptr_array_add (argv, g_strdup (req->repo->git_dir));
  g_ptr_array_add (argv, NULL);
  return g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, error);
}

/* ---- The body into git's standard input ----------------------------- */

typedef struct
{
  VitrineRequest *req;
  GOutputStream  *to_git;
  gboolean        gzip;
  guint64         limit;
  gboolean        failed;
  char           *why;
} Feeder;

static gboolean
write_to_git (Feeder     *f,
              const void *data,
              gsize       len)
{
  return g_output_stream_write_all (f->to_git, data, len, NULL, NULL, NULL);
}

static gpointer
feed_thread (gpointer data)
{
  Feeder *f = data;
  g_autofree guint8 *in = g_malloc (PIPE_CHUNK);
  g_autofree guint8 *out = g_malloc (PIPE_CHUNK);
  g_autoptr(GConverter) inflate = NULL;
  g_autoptr(GError) error = NULL;
  guint64 total = 0;

  if (f->gzip)
    inflate = G_CONVERTER (g_zlib_decompressor_new (G_ZLIB_COMPRESSOR_FORMAT_GZIP));
  for (;;)
    {
      gssize n = vitrine_request_read_body (f->req, in, PIPE_CHUNK, &error);
      gsize off = 0;

      if (n < 0)
        {
          f->failed = TRUE;
          f->why = g_strdup (error->message);
          break;
        }
      total += n;
      if (total > f->limit)
        {
          f->failed = TRUE;
          f->why = g_strdup ("The request is too large");
          break;
        }
      if (inflate == NULL)
        {
          if (n == 0 || !write_to_git (f, in, n))
            break;
          continue;
        }
      /* Inflated as it comes; at the end, what the inflater still holds. */
      for (;;)
        {
          gsize read = 0, written = 0;
          GConverterResult r = g_converter_convert (inflate, in + off, n - off, out, PIPE_CHUNK,
                                                    n == 0 ? G_CONVERTER_INPUT_AT_END : G_CONVERTER_NO_FLAGS,
                                                    &read, &written, &error);

          if (r == G_CONVERTER_ERROR && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_PARTIAL_INPUT) && n > 0)
            {
              g_clear_error (&error);
              break;
            }
          if (r == G_CONVERTER_ERROR)
            {
              f->failed = TRUE;
              f->why = g_strdup (error->message);
              goto done;
            }
          off += read;
          if (written > 0 && !write_to_git (f, out, written))
            goto done;
          if (r == G_CONVERTER_FINISHED)
            goto done;
          if (off == (gsize) n && written == 0)
            break;
        }
      if (n == 0)
        break;
    }

done:
  g_output_stream_close (f->to_git, NULL, NULL);
  return NULL;
}

/* ---- Running a git service ---------------------------------------------- */

static gpointer
drain_stderr_thread (gpointer data)
{
  GInputStream *err = data;
  GString *text = g_string_new (NULL);
  char buf[4096];
  gssize n;

  while ((n = g_input_stream_read (err, buf, sizeof buf, NULL, NULL)) > 0)
    if (text->len < MAX_STDERR)
      g_string_append_len (text, buf, MIN ((gsize) n, MAX_STDERR - text->len));
  return g_string_free (text, FALSE);
}

static char *
pkt_line (const char *text)
{
  return g_strdup_printf ("%04x%s", (guint) strlen (text) + 4, text);
}

/* Runs git @service on the request's repository: the body (if any) in,
 * the answer out as it comes, after @preface. */
static void
run_service (VitrineRequest *req,
             const char     *service,
             gboolean        advertise,
             const char     *content_type,
             const char     *preface)
{
  g_autoptr(GSubprocess) proc = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GThread) feeder_thread = NULL;
  g_autoptr(GThread) stderr_thread = NULL;
  g_autofree guint8 *buf = g_malloc (PIPE_CHUNK);
  g_autofree char *err_text = NULL;
  GInputStream *from_git;
  Feeder feeder = { 0 };
  gboolean started = FALSE;
  gboolean client_gone = FALSE;

  proc = spawn_git (req, service, advertise, &error);
  if (proc == NULL)
    {
      g_warning ("Could not run git %s: %s", service, error->message);
      vitrine_request_error (req, 500, NULL, "The hub could not run git");
      return;
    }
  stderr_thread = g_thread_new ("git-stderr", drain_stderr_thread, g_subprocess_get_stderr_pipe (proc));
  feeder.req = req;
  feeder.to_git = g_subprocess_get_stdin_pipe (proc);
  feeder.gzip = g_strcmp0 (req->content_encoding, "gzip") == 0;
  feeder.limit = g_str_equal (service, "receive-pack") ? MAX_PUSH_BODY : MAX_FETCH_BODY;
  if (advertise)
    g_output_stream_close (feeder.to_git, NULL, NULL);
  else
    feeder_thread = g_thread_new ("git-body", feed_thread, &feeder);

  from_git = g_subprocess_get_stdout_pipe (proc);
  for (;;)
    {
      gssize n = g_input_stream_read (from_git, buf, PIPE_CHUNK, NULL, NULL);

      if (n <= 0)
        break;
      if (!started)
        {
          req->status = 200;
          g_free (req->resp_type);
          req->resp_type = g_strdup (content_type);
          vitrine_request_header (req, "Cache-Control", "no-cache");
          started = TRUE;
          if (!vitrine_request_answer_begin (req, NULL) ||
              (preface != NULL && !vitrine_request_answer_write (req, preface, strlen (preface), NULL)))
            {
              client_gone = TRUE;
              break;
            }
        }
      if (!vitrine_request_answer_write (req, buf, n, NULL))
        {
          client_gone = TRUE;
          break;
        }
    }

  /* The client went away: so does git (a push half sent moves nothing). */
  if (client_gone)
    g_subprocess_force_exit (proc);
  if (feeder_thread != NULL)
    g_thread_join (g_steal_pointer (&feeder_thread));
  g_subprocess_wait (proc, NULL, NULL);
  err_text = g_thread_join (g_steal_pointer (&stderr_thread));
  if (!g_subprocess_get_if_exited (proc) || g_subprocess_get_exit_status (proc) != 0)
    g_debug ("git %s on %s: %s%s", service, req->repo->git_dir, err_text, feeder.why != NULL ? feeder.why : "");
  /* Nothing to say is an answer too (git probes with an empty request
   * before it sends a large one). */
  if (!started && !feeder.failed && g_subprocess_get_if_exited (proc) && g_subprocess_get_exit_status (proc) == 0)
    {
      req->status = 200;
      g_free (req->resp_type);
      req->resp_type = g_strdup (content_type);
      vitrine_request_header (req, "Cache-Control", "no-cache");
      if (preface != NULL)
        req->resp_body = g_bytes_new (preface, strlen (preface));
    }
  else if (!started)
    vitrine_request_error (req, feeder.failed ? 400 : 500, NULL,
                           feeder.why != NULL ? feeder.why : "git failed to answer");
  g_free (feeder.why);
}

/* In the main thread, once the headers are in: a push (or its ref
 * listing) needs write access. */
void
vitrine_route_git_check (VitrineRequest *req)
{
  const char *service = NULL;
  gboolean push;

  if (g_str_equal (req->method, "POST"))
    push = g_str_has_suffix (req->path, "/git-receive-pack");
  else if (!service_of (vitrine_request_query (req, "service"), &service))
    {
      vitrine_request_error (req, 403, NULL, "Only git's smart HTTP protocol is served: update git");
      return;
    }
  else
    push = g_str_equal (service, "receive-pack");

  if (push && g_str_equal (req->method, "POST"))
    {
      g_autofree char *hook = g_build_filename (vitrine_server_get_hooks_dir (req->server), "pre-receive", NULL);

      /* Without its hook, receive-pack would take any push unchecked. */
      if (!g_file_test (hook, G_FILE_TEST_IS_EXECUTABLE))
        {
          vitrine_request_error (req, 500, NULL, "The hub cannot check pushes: its pre-receive hook is missing");
          return;
        }
    }
  if (push && !vitrine_route_can_write_namespace (req, req->repo->ns))
    {
      if (req->caller == NULL)
        vitrine_request_error (req, 401, NULL, "You must be signed in to push: use a token as the password.");
      else if (req->caller->role != VITRINE_ROLE_WRITE)
        vitrine_request_error (req, 403, NULL, "This token is read-only: use a token with the write role.");
      else
        vitrine_request_error (req, 403, NULL, "You don't have write access to this repository.");
    }
}

/* GET {remote}/info/refs?service=git-upload-pack|git-receive-pack */
void
vitrine_route_git_info_refs (VitrineRequest *req)
{
  const char *name = vitrine_request_query (req, "service");
  const char *service = NULL;
  g_autofree char *type = NULL;
  g_autofree char *line = NULL;
  g_autofree char *preface = NULL;
  const char *protocol = git_protocol (req);

  service_of (name, &service);
  type = g_strdup_printf ("application/x-%s-advertisement", name);
  /* Protocol v2 has no service line: the capability advertisement itself
   * comes first. */
  if (protocol == NULL || strstr (protocol, "version=2") == NULL || g_str_equal (service, "receive-pack"))
    {
      g_autofree char *text = g_strdup_printf ("# service=%s\n", name);

      line = pkt_line (text);
      preface = g_strconcat (line, "0000", NULL);
    }
  run_service (req, service, TRUE, type, preface);
}

/* POST {remote}/git-upload-pack */
void
vitrine_route_git_upload_pack (VitrineRequest *req)
{
  run_service (req, "upload-pack", FALSE, "application/x-git-upload-pack-result", NULL);
}

/* POST {remote}/git-receive-pack */
void
vitrine_route_git_receive_pack (VitrineRequest *req)
{
  run_service (req, "receive-pack", FALSE, "application/x-git-receive-pack-result", NULL);
}

/* {remote}.git/info/lfs/locks...: not here, as git-lfs understands it
 * (it stops verifying locks for this remote and goes on). */
void
vitrine_route_lfs_locks (VitrineRequest *req)
{
  vitrine_request_error (req, 501, NULL, "File locking is not supported by this hub");
  vitrine_route_lfs_media_type (req);
}
