/* vitrine-server-conn.c — the local hub's connections: accepting them,
 * bounding them, and closing them
 *
 * The hub accepts connections itself, from a socket listening with the
 * largest backlog the system allows, and hands each to libsoup.  So it
 * knows every connection from the moment it exists:
 *
 * - a client address holds at most max_per_address connections at once;
 * - a connection whose request does not arrive within request_timeout
 *   seconds (headers or body stalled, or nothing sent at all) is cut, and
 *   one whose client stops reading its answer, after idle_timeout;
 * - when the process runs out of descriptors, accept() fails: the hub
 *   then gives up a descriptor it keeps in reserve to answer the waiting
 *   client 503, closes connections idle between requests, and tries
 *   again a moment later.  (libsoup's own listener stops for good at the
 *   first failed accept().)
 * - vitrine_server_stop() stops accepting, cuts what is only waiting or
 *   sending, lets answers being made finish and go out, and gives up
 *   after a deadline.
 *
 * libsoup keeps connections alive between requests only while it has a
 * listener of its own: it is given one on a socket pair that never
 * receives a connection.
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>

#include "vitrine-server-private.h"

#define DEFAULT_IDLE_TIMEOUT      60
#define DEFAULT_REQUEST_TIMEOUT   20
#define DEFAULT_MAX_PER_ADDRESS   256
#define ACCEPT_RETRY_MS           100
#define ACCEPTS_PER_WAKEUP        64

static const char busy_answer[] =
  "HTTP/1.1 503 Service Unavailable\r\n"
  "Content-Type: application/json\r\n"
  "Retry-After: 1\r\n"
  "Connection: close\r\n"
  "Content-Length: 59\r\n"
  "\r\n"
  "{\"error\":\"Too many connections to the hub: try again later\"}";

/* ---- Connections ----------------------------------------------------- */

VitrineConn *
_vitrine_conn_ref (VitrineConn *conn)
{
  return g_atomic_rc_box_acquire (conn);
}

static void
conn_clear (VitrineConn *conn)
{
  g_clear_object (&conn->socket);
  g_clear_object (&conn->local);
  g_clear_object (&conn->remote);
  g_free (conn->address);
  g_free (conn->key);
}

void
_vitrine_conn_unref (VitrineConn *conn)
{
  g_atomic_rc_box_release_full (conn, (GDestroyNotify) conn_clear);
}

/* The connection's stream is gone: libsoup (or a worker) let it go. */
static void
stream_gone_cb (gpointer  data,
                GObject  *where_the_object_was)
{
  VitrineConn *conn = data;
  VitrineServer *self = conn->server;
  guint count;

  g_debug ("Connection from %s closed", conn->key);
  g_mutex_lock (&self->conns_lock);
  if (g_hash_table_remove (self->conns, conn))
    {
      count = GPOINTER_TO_UINT (g_hash_table_lookup (self->per_address, conn->address));
      if (count <= 1)
        g_hash_table_remove (self->per_address, conn->address);
      else
        g_hash_table_insert (self->per_address, g_strdup (conn->address), GUINT_TO_POINTER (count - 1));
    }
  g_mutex_unlock (&self->conns_lock);
  g_main_context_wakeup (NULL);
  _vitrine_conn_unref (conn);
}

/* Ends @conn: whatever libsoup or a worker is doing with it fails now. */
void
_vitrine_conn_cut (VitrineConn *conn)
{
  conn->cut = TRUE;
  g_socket_shutdown (conn->socket, TRUE, TRUE, NULL);
}

/* Hands @conn to libsoup.  In the main thread. */
static void
conn_give_to_soup (VitrineConn *conn)
{
  VitrineServer *self = conn->server;

  self->accepting = conn;
  soup_server_accept_iostream (self->soup, G_IO_STREAM (conn->stream), conn->local, conn->remote, NULL);
  self->accepting = NULL;
}

static char *
address_key (GSocketAddress *address)
{
  if (G_IS_INET_SOCKET_ADDRESS (address))
    {
      g_autofree char *ip = g_inet_address_to_string (
        g_inet_socket_address_get_address (G_INET_SOCKET_ADDRESS (address)));

      return g_strdup_printf ("%s:%u", ip, g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (address)));
    }
  return g_strdup ("");
}

/* The connection a request came on.  In the main thread. */
VitrineConn *
_vitrine_conn_for_message (VitrineServer     *self,
                           SoupServerMessage *msg)
{
  GSocketAddress *remote = soup_server_message_get_remote_address (msg);
  g_autofree char *key = remote != NULL ? address_key (remote) : NULL;
  VitrineConn *found = NULL;
  GHashTableIter iter;
  gpointer conn;

  if (self->accepting != NULL)
    return _vitrine_conn_ref (self->accepting);
  if (key == NULL)
    return NULL;
  g_mutex_lock (&self->conns_lock);
  g_hash_table_iter_init (&iter, self->conns);
  while (found == NULL && g_hash_table_iter_next (&iter, &conn, NULL))
    if (g_str_equal (((VitrineConn *) conn)->key, key))
      found = _vitrine_conn_ref (conn);
  g_mutex_unlock (&self->conns_lock);
  return found;
}

/* ---- What a request does to its connection's phase ------------------ */

static void
progress (VitrineConn      *conn,
          VitrineConnPhase  phase)
{
  conn->phase = phase;
  conn->since = g_get_monotonic_time ();
}

static void
got_headers_cb (SoupServerMessage *msg,
                VitrineConn       *conn)
{
  progress (conn, VITRINE_CONN_BODY);
}

static void
got_chunk_cb (SoupServerMessage *msg,
              GBytes            *chunk,
              VitrineConn       *conn)
{
  conn->since = g_get_monotonic_time ();
}

static void
got_body_cb (SoupServerMessage *msg,
             VitrineConn       *conn)
{
  progress (conn, VITRINE_CONN_BUSY);
}

static void
wrote_informational_cb (SoupServerMessage *msg,
                        VitrineConn       *conn)
{
  progress (conn, VITRINE_CONN_BODY);
}

static void
wrote_cb (SoupServerMessage *msg,
          VitrineConn       *conn)
{
  progress (conn, VITRINE_CONN_WRITING);
}

static void
finished_cb (SoupServerMessage *msg,
             VitrineConn       *conn)
{
  progress (conn, VITRINE_CONN_IDLE);
}

/**
 * _vitrine_conn_track:
 *
 * Follows @msg on @conn, from its start (request-started) to its end, so
 * the sweep knows how long it has waited and for what.
 */
void
_vitrine_conn_track (SoupServerMessage *msg,
                     VitrineConn       *conn)
{
  VitrineServer *self = conn->server;

  /* libsoup starts a connection's first request as it accepts it, before
   * any byte came; later ones start with their first byte. */
  if (self->accepting != conn)
    progress (conn, VITRINE_CONN_HEADERS);
  if (self->draining)
    _vitrine_conn_cut (conn);

  g_object_set_data_full (G_OBJECT (msg), "vitrine-conn", _vitrine_conn_ref (conn),
                          (GDestroyNotify) _vitrine_conn_unref);
  g_signal_connect (msg, "got-headers", G_CALLBACK (got_headers_cb), conn);
  g_signal_connect (msg, "got-chunk", G_CALLBACK (got_chunk_cb), conn);
  g_signal_connect (msg, "got-body", G_CALLBACK (got_body_cb), conn);
  g_signal_connect (msg, "wrote-informational", G_CALLBACK (wrote_informational_cb), conn);
  g_signal_connect (msg, "wrote-headers", G_CALLBACK (wrote_cb), conn);
  g_signal_connect (msg, "wrote-chunk", G_CALLBACK (wrote_cb), conn);
  g_signal_connect (msg, "finished", G_CALLBACK (finished_cb), conn);
}

/* ---- Timeouts --------------------------------------------------------- */

/* Cuts what waited too long; with @idle_too, also every connection idle
 * between requests (when descriptors run out). */
static void
sweep (VitrineServer *self,
       gboolean       idle_too)
{
  g_autoptr(GPtrArray) to_cut = g_ptr_array_new_with_free_func ((GDestroyNotify) _vitrine_conn_unref);
  gint64 now = g_get_monotonic_time ();
  gint64 request_us = (gint64) self->request_timeout * G_USEC_PER_SEC;
  gint64 idle_us = (gint64) self->idle_timeout * G_USEC_PER_SEC;
  GHashTableIter iter;
  gpointer key;

  g_mutex_lock (&self->conns_lock);
  g_hash_table_iter_init (&iter, self->conns);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      VitrineConn *conn = key;
      gboolean late = FALSE;

      if (conn->stolen || conn->cut)
        continue;
      switch (conn->phase)
        {
        case VITRINE_CONN_NEW:
        case VITRINE_CONN_HEADERS:
        case VITRINE_CONN_BODY:
          late = now - conn->since > request_us;
          break;
        case VITRINE_CONN_IDLE:
          late = idle_too || now - conn->since > idle_us;
          break;
        case VITRINE_CONN_WRITING:
          late = now - conn->since > idle_us;
          break;
        case VITRINE_CONN_BUSY:
        default:
          break;
        }
      if (late)
        g_ptr_array_add (to_cut, _vitrine_conn_ref (conn));
    }
  g_mutex_unlock (&self->conns_lock);

  for (guint i = 0; i < to_cut->len; i++)
    _vitrine_conn_cut (g_ptr_array_index (to_cut, i));
}

static gboolean
sweep_cb (gpointer data)
{
  sweep (data, FALSE);
  return G_SOURCE_CONTINUE;
}

static void
restart_sweep (VitrineServer *self)
{
  guint shortest = MIN (self->idle_timeout, self->request_timeout);
  guint interval = CLAMP (shortest * 1000 / 4, 100, 1000);

  g_clear_handle_id (&self->sweep_id, g_source_remove);
  self->sweep_id = g_timeout_add (interval, sweep_cb, self);
}

/**
 * vitrine_server_set_limits:
 * @idle_timeout: seconds a connection may stay idle between requests
 * @request_timeout: seconds a request may take to arrive, and its body
 *   may stall
 * @max_per_address: connections one client address may hold at once
 *
 * Zero keeps a limit as it is.
 */
void
vitrine_server_set_limits (VitrineServer *self,
                           guint          idle_timeout,
                           guint          request_timeout,
                           guint          max_per_address)
{
  g_return_if_fail (VITRINE_IS_SERVER (self));

  if (idle_timeout > 0)
    self->idle_timeout = idle_timeout;
  if (request_timeout > 0)
    self->request_timeout = request_timeout;
  if (max_per_address > 0)
    self->max_per_address = max_per_address;
  if (self->sweep_id != 0)
    restart_sweep (self);
}

/* ---- Accepting -------------------------------------------------------- */

static void accept_resume (VitrineServer *self);

/* Answers a connection the hub cannot take (the caller closes it). */
static void
turn_away (int fd)
{
  char drain[4096];

  (void) !send (fd, busy_answer, sizeof busy_answer - 1, MSG_NOSIGNAL | MSG_DONTWAIT);
  shutdown (fd, SHUT_WR);
  /* What the client sent already, read so that closing does not reset
   * the connection before it reads the answer. */
  while (recv (fd, drain, sizeof drain, MSG_DONTWAIT) > 0)
    ;
}

static gboolean
accept_retry_cb (gpointer data)
{
  VitrineServer *self = data;

  self->accept_retry_id = 0;
  accept_resume (self);
  return G_SOURCE_REMOVE;
}

/* Out of descriptors: answer the first waiting client with the one kept
 * in reserve, close idle connections, and try again in a moment. */
static void
out_of_descriptors (VitrineServer *self)
{
  g_warning ("Out of file descriptors: turning connections away");
  if (self->spare_fd >= 0)
    {
      int fd;

      close (self->spare_fd);
      self->spare_fd = -1;
      fd = accept4 (g_socket_get_fd (self->listener), NULL, NULL, SOCK_CLOEXEC);
      if (fd >= 0)
        {
          turn_away (fd);
          close (fd);
        }
    }
  sweep (self, TRUE);
  g_clear_pointer (&self->accept_source, g_source_destroy);
  self->accept_retry_id = g_timeout_add (ACCEPT_RETRY_MS, accept_retry_cb, self);
}

static void
take_connection (VitrineServer *self,
                 int            fd)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSocket) socket = g_socket_new_from_fd (fd, &error);
  VitrineConn *conn;
  guint count;

  if (socket == NULL)
    {
      close (fd);
      return;
    }
  conn = g_atomic_rc_box_new0 (VitrineConn);
  conn->server = self;
  conn->socket = g_object_ref (socket);
  conn->local = g_socket_get_local_address (socket, NULL);
  conn->remote = g_socket_get_remote_address (socket, NULL);
  if (conn->local == NULL || conn->remote == NULL)
    {
      _vitrine_conn_unref (conn);
      return;
    }
  conn->address = g_inet_address_to_string (
    g_inet_socket_address_get_address (G_INET_SOCKET_ADDRESS (conn->remote)));
  conn->key = address_key (conn->remote);
  conn->phase = VITRINE_CONN_NEW;
  conn->since = g_get_monotonic_time ();

  g_mutex_lock (&self->conns_lock);
  count = GPOINTER_TO_UINT (g_hash_table_lookup (self->per_address, conn->address));
  if (count >= self->max_per_address)
    {
      g_mutex_unlock (&self->conns_lock);
      g_debug ("%s holds %u connections already: turning one away", conn->address, count);
      turn_away (fd);
      g_socket_close (socket, NULL);
      _vitrine_conn_unref (conn);
      return;
    }
  g_hash_table_insert (self->per_address, g_strdup (conn->address), GUINT_TO_POINTER (count + 1));
  g_hash_table_add (self->conns, conn);
  g_mutex_unlock (&self->conns_lock);

  g_socket_set_option (socket, IPPROTO_TCP, TCP_NODELAY, TRUE, NULL);
  conn->stream = g_socket_connection_factory_create_connection (socket);
  /* The table's reference goes when the stream does. */
  g_object_weak_ref (G_OBJECT (conn->stream), stream_gone_cb, conn);
  g_debug ("Connection from %s accepted", conn->key);
  conn_give_to_soup (conn);
  g_object_unref (conn->stream);
}

static gboolean
accept_cb (GSocket      *listener,
           GIOCondition  condition,
           gpointer      data)
{
  VitrineServer *self = data;

  for (guint i = 0; i < ACCEPTS_PER_WAKEUP; i++)
    {
      int fd = accept4 (g_socket_get_fd (listener), NULL, NULL, SOCK_CLOEXEC | SOCK_NONBLOCK);

      if (fd >= 0)
        {
          take_connection (self, fd);
          continue;
        }
      if (errno == EINTR || errno == ECONNABORTED)
        continue;
      if (errno == EAGAIN)
        break;
      if (errno == EMFILE || errno == ENFILE || errno == ENOBUFS || errno == ENOMEM)
        out_of_descriptors (self);
      else
        {
          g_warning ("Could not accept a connection: %s", g_strerror (errno));
          g_clear_pointer (&self->accept_source, g_source_destroy);
          self->accept_retry_id = g_timeout_add (ACCEPT_RETRY_MS, accept_retry_cb, self);
        }
      return G_SOURCE_REMOVE;
    }
  return G_SOURCE_CONTINUE;
}

static void
accept_resume (VitrineServer *self)
{
  if (self->listener == NULL || self->draining)
    return;
  if (self->spare_fd < 0)
    self->spare_fd = open ("/dev/null", O_RDONLY | O_CLOEXEC);
  g_assert (self->accept_source == NULL);
  self->accept_source = g_socket_create_source (self->listener, G_IO_IN, NULL);
  g_source_set_callback (self->accept_source, G_SOURCE_FUNC (accept_cb), self, NULL);
  g_source_attach (self->accept_source, NULL);
  g_source_unref (self->accept_source);
}

/* As many descriptors as the system lets this process have: the soft
 * limit is often far below the hard one. */
static void
raise_descriptor_limit (void)
{
  struct rlimit limit;

  if (getrlimit (RLIMIT_NOFILE, &limit) == 0 && limit.rlim_cur < limit.rlim_max)
    {
      limit.rlim_cur = limit.rlim_max;
      setrlimit (RLIMIT_NOFILE, &limit);
    }
}

gboolean
_vitrine_conn_listen (VitrineServer  *self,
                      GInetAddress   *inet,
                      guint           port,
                      GError        **error)
{
  g_autoptr(GSocket) socket = NULL;
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new (inet, port);
  g_autoptr(GSocketAddress) bound = NULL;

  raise_descriptor_limit ();
  socket = g_socket_new (g_inet_address_get_family (inet), G_SOCKET_TYPE_STREAM,
                         G_SOCKET_PROTOCOL_TCP, error);
  if (socket == NULL)
    return FALSE;
  if (g_inet_address_get_family (inet) == G_SOCKET_FAMILY_IPV6)
    g_socket_set_option (socket, IPPROTO_IPV6, IPV6_V6ONLY, TRUE, NULL);
  /* Clients connecting all at once wait in the kernel's queue, not in
   * SYN retries: as long a queue as the system allows. */
  g_socket_set_listen_backlog (socket, SOMAXCONN > 4096 ? SOMAXCONN : 4096);
  if (!g_socket_bind (socket, address, TRUE, error) || !g_socket_listen (socket, error))
    return FALSE;
  bound = g_socket_get_local_address (socket, error);
  if (bound == NULL)
    return FALSE;
  self->port = g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound));
  self->listener = g_steal_pointer (&socket);
  accept_resume (self);
  restart_sweep (self);
  return TRUE;
}

/* ---- Stopping --------------------------------------------------------- */

static void
stop_listening (VitrineServer *self)
{
  g_clear_pointer (&self->accept_source, g_source_destroy);
  g_clear_handle_id (&self->accept_retry_id, g_source_remove);
  if (self->listener != NULL)
    g_socket_close (self->listener, NULL);
  g_clear_object (&self->listener);
}

/* Cuts connections; with @all FALSE only those that are not being
 * answered. */
static void
cut_connections (VitrineServer *self,
                 gboolean       all)
{
  g_autoptr(GPtrArray) to_cut = g_ptr_array_new_with_free_func ((GDestroyNotify) _vitrine_conn_unref);
  GHashTableIter iter;
  gpointer key;

  g_mutex_lock (&self->conns_lock);
  g_hash_table_iter_init (&iter, self->conns);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      VitrineConn *conn = key;

      if (all || conn->stolen || (conn->phase != VITRINE_CONN_BUSY && conn->phase != VITRINE_CONN_WRITING))
        g_ptr_array_add (to_cut, _vitrine_conn_ref (conn));
    }
  g_mutex_unlock (&self->conns_lock);
  for (guint i = 0; i < to_cut->len; i++)
    _vitrine_conn_cut (g_ptr_array_index (to_cut, i));
}

static gboolean
done_draining (VitrineServer *self)
{
  gboolean done;

  g_mutex_lock (&self->conns_lock);
  done = g_hash_table_size (self->conns) == 0;
  g_mutex_unlock (&self->conns_lock);
  return done && g_atomic_int_get (&self->jobs) == 0;
}

static gboolean
tick_cb (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

/* Runs the main context until the connections are gone, or @deadline. */
static void
run_until_drained (VitrineServer *self,
                   gint64         deadline)
{
  guint tick = g_timeout_add (20, tick_cb, NULL);

  while (!done_draining (self) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (tick);
}

/**
 * vitrine_server_stop:
 * @timeout_ms: how long answers being made may take to finish
 *
 * Stops the hub: it accepts no more connections, cuts those that are only
 * waiting or sending (uploads included: they can be sent again), lets the
 * answers being made finish and be written, then, after @timeout_ms at
 * most, cuts everything.  Runs the thread-default main context meanwhile.
 *
 * Returns: %FALSE when work was still running in a worker at the end
 */
gboolean
vitrine_server_stop (VitrineServer *self,
                     guint          timeout_ms)
{
  gint64 deadline = g_get_monotonic_time () + (gint64) timeout_ms * 1000;

  g_return_val_if_fail (VITRINE_IS_SERVER (self), FALSE);

  self->draining = TRUE;
  stop_listening (self);
  cut_connections (self, FALSE);
  run_until_drained (self, deadline);
  if (!done_draining (self))
    {
      g_message ("Stopping: cutting what is still in progress");
      cut_connections (self, TRUE);
      run_until_drained (self, g_get_monotonic_time () + 500 * 1000);
    }
  return g_atomic_int_get (&self->jobs) == 0;
}

/* ---- Setting up and tearing down ------------------------------------- */

void
_vitrine_conn_init (VitrineServer *self)
{
  g_mutex_init (&self->conns_lock);
  self->conns = g_hash_table_new (NULL, NULL);
  self->per_address = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->idle_timeout = DEFAULT_IDLE_TIMEOUT;
  self->request_timeout = DEFAULT_REQUEST_TIMEOUT;
  self->max_per_address = DEFAULT_MAX_PER_ADDRESS;
  self->spare_fd = -1;
}

void
_vitrine_conn_finish (VitrineServer *self)
{
  stop_listening (self);
  g_clear_handle_id (&self->sweep_id, g_source_remove);
  if (self->conns != NULL)
    cut_connections (self, TRUE);
  if (self->spare_fd >= 0)
    close (self->spare_fd);
  self->spare_fd = -1;
}

/* The connections' table is freed last, once libsoup let every one go. */
void
_vitrine_conn_free_table (VitrineServer *self)
{
  GHashTableIter iter;
  gpointer key;

  if (self->conns == NULL)
    return;
  g_mutex_lock (&self->conns_lock);
  g_hash_table_iter_init (&iter, self->conns);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      VitrineConn *conn = key;

      /* Still alive somewhere: it will not come back to the table. */
      if (conn->stream != NULL)
        g_object_weak_unref (G_OBJECT (conn->stream), stream_gone_cb, conn);
      g_hash_table_iter_remove (&iter);
      _vitrine_conn_unref (conn);
    }
  g_mutex_unlock (&self->conns_lock);
  g_clear_pointer (&self->conns, g_hash_table_unref);
  g_clear_pointer (&self->per_address, g_hash_table_unref);
  g_mutex_clear (&self->conns_lock);
}
