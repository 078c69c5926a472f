/* vitrine-server-stream.c — requests the front reads and answers itself,
 * off the main thread
 *
 * A route whose body is VITRINE_BODY_STREAM (large-file uploads, git's
 * packs) takes its request's connection from libsoup once the headers
 * are in and checked: a worker of the stream pool then reads the body
 * (Content-Length or chunked) with blocking reads as large as the
 * handler asks, straight into its buffers, and writes the answer, whole
 * or streamed in chunks.  The main thread never sees those bytes, so a
 * large upload does not hold up anyone else's small request.  The
 * connection closes after the answer, as all of the hub's do.
 *
 * The same workers refuse, without reading it, the large body of a
 * request that failed its checks: the answer is written, then what the
 * client goes on sending is dropped, up to a bound in time and bytes, so
 * that it can read the answer, and the connection is closed.
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>

#include "vitrine-routes-private.h"
#include "vitrine-server-private.h"

#define STREAM_WORKERS   32
#define LINE_MAX_LEN     4096
/* Many clients (libsoup's among them) read an answer only once they sent
 * the whole body: a refused body is dropped, up to a bound, so that they
 * can. */
#define LINGER_MS        5000
#define LINGER_BYTES     (64 * 1024 * 1024)

struct _VitrineStreamIO
{
  VitrineConn   *conn;
  GIOStream     *stolen;        /* libsoup's stream over the connection */
  GInputStream  *in;
  GOutputStream *out;
  gboolean       expect_continue;
  gboolean       refuse;        /* answer only, the body unread */

  /* The request body */
  gboolean       chunked;
  guint64        remaining;     /* of the body, or of the current chunk */
  gboolean       body_done;
  guint8        *line_buf;      /* what was read past a chunk's size line */
  gsize          line_pos;
  gsize          line_len;

  /* The answer */
  gboolean       head_written;
  gboolean       answer_chunked;
  gboolean       broken;        /* the connection failed or was cut */
};

/* ---- Reading the body ------------------------------------------------- */

static gboolean
fill_line_buf (VitrineStreamIO  *io,
               GError          **error)
{
  gssize n;

  if (io->line_buf == NULL)
    io->line_buf = g_malloc (LINE_MAX_LEN);
  if (io->line_pos > 0)
    {
      memmove (io->line_buf, io->line_buf + io->line_pos, io->line_len - io->line_pos);
      io->line_len -= io->line_pos;
      io->line_pos = 0;
    }
  if (io->line_len == LINE_MAX_LEN)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "Line too long in a chunked body");
      return FALSE;
    }
  n = g_input_stream_read (io->in, io->line_buf + io->line_len, LINE_MAX_LEN - io->line_len, NULL, error);
  if (n == 0)
    g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CONNECTION_CLOSED, "The client closed the connection");
  if (n <= 0)
    return FALSE;
  io->line_len += n;
  return TRUE;
}

/* One CRLF-ended line of a chunked body, without its end. */
static char *
read_line (VitrineStreamIO  *io,
           GError          **error)
{
  for (;;)
    {
      guint8 *start = io->line_buf != NULL ? io->line_buf + io->line_pos : NULL;
      guint8 *nl = start != NULL ? memchr (start, '\n', io->line_len - io->line_pos) : NULL;

      if (nl != NULL)
        {
          gsize len = nl - start;
          char *line = g_strndup ((const char *) start, len > 0 && start[len - 1] == '\r' ? len - 1 : len);

          io->line_pos += len + 1;
          return line;
        }
      if (!fill_line_buf (io, error))
        return NULL;
    }
}

/* Raw bytes of the body: what the line buffer holds first. */
static gssize
read_raw (VitrineStreamIO  *io,
          void             *buf,
          gsize             count,
          GError          **error)
{
  gssize n;

  if (io->line_buf != NULL && io->line_pos < io->line_len)
    {
      n = MIN (count, io->line_len - io->line_pos);
      memcpy (buf, io->line_buf + io->line_pos, n);
      io->line_pos += n;
      return n;
    }
  n = g_input_stream_read (io->in, buf, count, NULL, error);
  if (n == 0)
    g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CONNECTION_CLOSED, "The client closed the connection");
  return n > 0 ? n : -1;
}

static gboolean
next_chunk (VitrineStreamIO  *io,
            GError          **error)
{
  g_autofree char *line = read_line (io, error);
  char *end = NULL;
  guint64 size;

  if (line == NULL)
    return FALSE;
  errno = 0;
  size = g_ascii_strtoull (line, &end, 16);
  if (end == line || errno != 0 || (*end != '\0' && *end != ';' && *end != ' '))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "Invalid chunk size");
      return FALSE;
    }
  if (size > 0)
    {
      io->remaining = size;
      return TRUE;
    }
  /* The last chunk: trailers, then an empty line. */
  for (guint i = 0; i < 64; i++)
    {
      g_autofree char *trailer = read_line (io, error);

      if (trailer == NULL)
        return FALSE;
      if (*trailer == '\0')
        {
          io->body_done = TRUE;
          return TRUE;
        }
    }
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "Too many trailers");
  return FALSE;
}

/**
 * vitrine_request_read_body:
 *
 * Reads the next bytes of a streamed request body (VITRINE_BODY_STREAM),
 * blocking, in the route's worker.  A read that stalls longer than the
 * hub's request timeout fails.
 *
 * Returns: the number of bytes read, 0 at the end of the body, -1 on an
 *   error
 */
gssize
vitrine_request_read_body (VitrineRequest  *req,
                           void            *buf,
                           gsize            count,
                           GError         **error)
{
  VitrineStreamIO *io = req->io;
  gssize n;

  g_return_val_if_fail (io != NULL, -1);

  if (io->broken)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_BROKEN_PIPE, "The connection was cut");
      return -1;
    }
  if (io->body_done || count == 0)
    return 0;
  if (io->chunked && io->remaining == 0)
    {
      if (!next_chunk (io, error))
        goto failed;
      if (io->body_done)
        return 0;
    }
  n = read_raw (io, buf, MIN (count, io->remaining), error);
  if (n < 0)
    goto failed;
  io->remaining -= n;
  io->conn->since = g_get_monotonic_time ();
  if (io->remaining == 0)
    {
      if (!io->chunked)
        io->body_done = TRUE;
      else
        {
          g_autofree char *end = read_line (io, error);

          if (end == NULL || *end != '\0')
            {
              if (end != NULL)
                g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "Invalid chunk end");
              goto failed;
            }
        }
    }
  return n;

failed:
  io->broken = TRUE;
  return -1;
}

/**
 * vitrine_request_cut:
 *
 * Breaks the connection of a streamed request, as a client vanishing
 * would (faults tests inject).
 */
void
vitrine_request_cut (VitrineRequest *req)
{
  g_return_if_fail (req->io != NULL);

  req->io->broken = TRUE;
  _vitrine_conn_cut (req->io->conn);
}

/* ---- Writing the answer ----------------------------------------------- */

static gboolean
write_all (VitrineStreamIO  *io,
           const void       *data,
           gsize             len,
           GError          **error)
{
  if (io->broken)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_BROKEN_PIPE, "The connection was cut");
      return FALSE;
    }
  if (!g_output_stream_write_all (io->out, data, len, NULL, NULL, error))
    {
      io->broken = TRUE;
      return FALSE;
    }
  return TRUE;
}

/* The status line and headers of @req's answer. */
static gboolean
write_head (VitrineRequest  *req,
            gint64           content_length,
            GError         **error)
{
  VitrineStreamIO *io = req->io;
  GString *head = g_string_new (NULL);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *date = g_date_time_format (now, "%a, %d %b %Y %H:%M:%S GMT");
  guint status = req->status != 0 ? req->status : 500;
  gboolean ok;

  g_string_append_printf (head, "HTTP/1.1 %u %s\r\nDate: %s\r\nServer: vitrine-hub/" PACKAGE_VERSION "\r\n",
                          status, soup_status_get_phrase (status), date);
  for (guint i = 0; i + 1 < req->headers->len; i += 2)
    g_string_append_printf (head, "%s: %s\r\n", (char *) g_ptr_array_index (req->headers, i),
                            (char *) g_ptr_array_index (req->headers, i + 1));
  if (req->resp_type != NULL)
    g_string_append_printf (head, "Content-Type: %s\r\n", req->resp_type);
  if (content_length >= 0)
    g_string_append_printf (head, "Content-Length: %" G_GINT64_FORMAT "\r\n", content_length);
  else
    g_string_append (head, "Transfer-Encoding: chunked\r\n");
  g_string_append (head, "Connection: close\r\n");
  g_string_append (head, "\r\n");
  ok = write_all (io, head->str, head->len, error);
  g_string_free (head, TRUE);
  io->head_written = TRUE;
  return ok;
}

/**
 * vitrine_request_answer_begin:
 *
 * Starts a streamed answer to a streamed request: the status, headers and
 * type set on @req so far go out now, and the body follows in pieces
 * (vitrine_request_answer_write()), in HTTP chunks.
 */
gboolean
vitrine_request_answer_begin (VitrineRequest  *req,
                              GError         **error)
{
  g_return_val_if_fail (req->io != NULL && !req->io->head_written, FALSE);

  req->io->answer_chunked = TRUE;
  return write_head (req, -1, error);
}

gboolean
vitrine_request_answer_write (VitrineRequest  *req,
                              const void      *data,
                              gsize            len,
                              GError         **error)
{
  char size[32];

  g_return_val_if_fail (req->io != NULL && req->io->answer_chunked, FALSE);

  if (len == 0)
    return TRUE;
  g_snprintf (size, sizeof size, "%" G_GSIZE_MODIFIER "x\r\n", len);
  return write_all (req->io, size, strlen (size), error) &&
         write_all (req->io, data, len, error) &&
         write_all (req->io, "\r\n", 2, error);
}

/* The answer the handler left on @req, unless it streamed one. */
static void
finish_answer (VitrineRequest *req)
{
  VitrineStreamIO *io = req->io;
  g_autoptr(GError) error = NULL;

  if (io->answer_chunked)
    {
      write_all (io, "0\r\n\r\n", 5, &error);
      return;
    }
  if (!io->head_written)
    {
      gsize len = 0;
      const char *data = req->resp_body != NULL ? g_bytes_get_data (req->resp_body, &len) : NULL;

      if (write_head (req, len, &error) && len > 0)
        write_all (io, data, len, &error);
    }
  if (error != NULL)
    g_debug ("%s %s: the answer could not be sent: %s", req->method, req->path, error->message);
}

/* ---- The workers -------------------------------------------------------- */

/* After a refusal: what the client goes on sending is dropped for a
 * moment, so that it reads the answer before the connection closes. */
static void
linger (VitrineStreamIO *io)
{
  GSocket *socket = io->conn->socket;
  gint64 deadline = g_get_monotonic_time () + LINGER_MS * 1000;
  g_autofree guint8 *drop = g_malloc (65536);
  guint64 dropped = 0;

  g_output_stream_flush (io->out, NULL, NULL);
  g_socket_shutdown (socket, FALSE, TRUE, NULL);
  while (dropped < LINGER_BYTES && g_get_monotonic_time () < deadline && !io->conn->cut)
    {
      gssize n;

      if (!g_socket_condition_timed_wait (socket, G_IO_IN, deadline - g_get_monotonic_time (), NULL, NULL))
        break;
      n = g_input_stream_read (io->in, drop, 65536, NULL, NULL);
      if (n <= 0)
        break;
      dropped += n;
    }
}

static void
stream_io_free (VitrineStreamIO *io)
{
  g_clear_object (&io->stolen);
  g_free (io->line_buf);
  g_free (io);
}

static void
stream_job_run (gpointer data,
                gpointer user_data)
{
  VitrineRequest *req = data;
  VitrineServer *self = req->server;
  VitrineStreamIO *io = req->io;
  VitrineConn *conn = io->conn;
  g_autoptr(GError) error = NULL;

  g_socket_set_timeout (conn->socket, self->request_timeout);
  if (io->refuse)
    {
      finish_answer (req);
      linger (io);
    }
  else
    {
      if (io->expect_continue)
        write_all (io, "HTTP/1.1 100 Continue\r\n\r\n", 25, &error);
      if (!io->broken)
        req->route->handler (req);
      finish_answer (req);
      if (self->faults != NULL && !io->broken && req->status != 0)
        vitrine_faults_note_answer (self->faults, req);
      /* Answered before the whole body was read (a write that failed):
       * the client gets to read the answer before the connection goes. */
      if (!io->body_done && !io->broken)
        linger (io);
    }

  g_output_stream_flush (io->out, NULL, NULL);
  g_io_stream_close (G_IO_STREAM (conn->stream), NULL, NULL);

  /* A large request leaves its memory behind in this thread's arena:
   * give it back to the system. */
  if (req->content_length > 1024 * 1024 || io->chunked)
    vitrine_server_trim_memory ();

  req->io = NULL;
  g_object_unref (conn->stream);
  stream_io_free (io);
  vitrine_request_free (req);
  _vitrine_conn_unref (conn);
  g_atomic_int_dec_and_test (&self->jobs);
  g_main_context_wakeup (NULL);
}

/* Takes @msg's connection from libsoup for a worker.  In the main thread,
 * from got-headers. */
static void
take_connection (VitrineServer     *self,
                 SoupServerMessage *msg,
                 VitrineRequest    *req,
                 VitrineConn       *conn,
                 gboolean           refuse)
{
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);
  VitrineStreamIO *io = g_new0 (VitrineStreamIO, 1);

  io->conn = _vitrine_conn_ref (conn);
  io->refuse = refuse;
  io->expect_continue = (soup_message_headers_get_expectations (headers) & SOUP_EXPECTATION_CONTINUE) != 0;
  io->chunked = soup_message_headers_get_encoding (headers) == SOUP_ENCODING_CHUNKED;
  io->remaining = io->chunked ? 0 : (guint64) MAX (req->content_length, 0);
  io->body_done = !io->chunked && io->remaining == 0;
  req->io = io;

  conn->stolen = TRUE;
  conn->phase = VITRINE_CONN_BUSY;
  /* The stream stays alive while the worker has it. */
  g_object_ref (conn->stream);
  g_object_ref (msg);
  io->stolen = soup_server_message_steal_connection (msg);
  g_object_unref (msg);
  io->in = g_io_stream_get_input_stream (io->stolen);
  io->out = g_io_stream_get_output_stream (io->stolen);

  g_atomic_int_inc (&self->jobs);
  g_thread_pool_push (self->stream_pool, req, NULL);
}

/**
 * _vitrine_stream_take:
 *
 * A request of a streamed route passed its checks: a worker reads its body
 * and answers it.  Takes over @req.
 */
void
_vitrine_stream_take (VitrineServer     *self,
                      SoupServerMessage *msg,
                      VitrineRequest    *req,
                      VitrineConn       *conn)
{
  take_connection (self, msg, req, conn, FALSE);
}

/**
 * _vitrine_stream_refuse:
 *
 * @req is answered already, before its (large) body: a worker writes the
 * answer and closes the connection, without reading the body.  Takes
 * over @req.
 */
void
_vitrine_stream_refuse (VitrineServer     *self,
                        SoupServerMessage *msg,
                        VitrineRequest    *req,
                        VitrineConn       *conn)
{
  take_connection (self, msg, req, conn, TRUE);
}

void
_vitrine_stream_init (VitrineServer *self)
{
  self->stream_pool = g_thread_pool_new (stream_job_run, self, STREAM_WORKERS, FALSE, NULL);
}

void
_vitrine_stream_finish (VitrineServer *self)
{
  if (self->stream_pool != NULL)
    g_thread_pool_free (self->stream_pool, FALSE, TRUE);
  self->stream_pool = NULL;
}
