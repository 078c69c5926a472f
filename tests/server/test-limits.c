/* test-limits.c — no client can crash, wedge or bloat the local hub: the
 * listen backlog, running out of descriptors, idle and half-sent
 * requests, connections per address, bodies refused before they are
 * read, stopping with work in flight, and what a crash leaves
 *
 * Most tests run `vitrine-hub` as a process, so that they can limit its
 * descriptors, read its memory and signal it.  None depends on speed:
 * each waits for what it expects, with a generous bound.
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <netinet/in.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>

#include "hub-fixture.h"

#define WAIT_MS 60000

typedef struct
{
  Hub          hub;
  GSubprocess *proc;
  guint        port;
  guint        fd_limit;
} Proc;

static void
child_setup (gpointer data)
{
  guint limit = GPOINTER_TO_UINT (data);

  prctl (PR_SET_PDEATHSIG, SIGKILL);
  if (limit > 0)
    {
      struct rlimit rl = { limit, limit };
      setrlimit (RLIMIT_NOFILE, &rl);
    }
}

/* Starts `vitrine-hub serve` with @args (NULL-terminated) and, when
 * @fd_limit is set, a hard limit on its descriptors. */
static void
proc_start (Proc        *p,
            guint        fd_limit,
            const char  *faults,
            const char  *first_arg,
            ...)
{
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE);
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GDataInputStream) out = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *line = NULL;
  va_list args;

  g_ptr_array_add (argv, (char *) g_getenv ("VITRINE_HUB_EXE"));
  g_ptr_array_add (argv, (char *) "serve");
  g_ptr_array_add (argv, (char *) "--data-dir");
  g_ptr_array_add (argv, p->hub.data_dir);
  va_start (args, first_arg);
  for (const char *a = first_arg; a != NULL; a = va_arg (args, const char *))
    g_ptr_array_add (argv, (char *) a);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  if (faults != NULL)
    g_subprocess_launcher_setenv (launcher, "VITRINE_HUB_FAULTS", faults, TRUE);
  g_subprocess_launcher_set_child_setup (launcher, child_setup, GUINT_TO_POINTER (fd_limit), NULL);
  p->proc = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);
  out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (p->proc));
  line = g_data_input_stream_read_line_utf8 (out, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (line);
  g_free (p->hub.url);
  p->hub.url = g_steal_pointer (&line);
  p->port = atoi (strrchr (p->hub.url, ':') + 1);
}

static void
proc_setup (Proc          *p,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  p->hub.tmp = g_dir_make_tmp ("vitrine-limits-XXXXXX", &error);
  g_assert_no_error (error);
  p->hub.data_dir = g_build_filename (p->hub.tmp, "data", NULL);
  g_assert_true (vitrine_accounts_add_user (p->hub.data_dir, "alice", &p->hub.alice, &error));
  g_assert_true (vitrine_accounts_add_token (p->hub.data_dir, "alice", VITRINE_ROLE_READ, NULL,
                                             &p->hub.alice_ro, &error));
  p->hub.session = soup_session_new_with_options ("max-conns", 64, "max-conns-per-host", 64, "timeout", 120, NULL);
}

static void
proc_teardown (Proc          *p,
               gconstpointer  data)
{
  if (p->proc != NULL)
    {
      g_subprocess_send_signal (p->proc, SIGKILL);
      g_subprocess_wait (p->proc, NULL, NULL);
      g_clear_object (&p->proc);
    }
  g_clear_object (&p->hub.session);
  fixture_rm_rf (p->hub.tmp);
  g_free (p->hub.tmp);
  g_free (p->hub.data_dir);
  g_free (p->hub.url);
  g_free (p->hub.alice);
  g_free (p->hub.alice_ro);
}

/* ---- Raw connections --------------------------------------------------- */

static int
raw_connect (guint port)
{
  struct sockaddr_in addr = { 0 };
  int fd = socket (AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);

  g_assert_cmpint (fd, >=, 0);
  addr.sin_family = AF_INET;
  addr.sin_port = htons (port);
  addr.sin_addr.s_addr = htonl (INADDR_LOOPBACK);
  if (connect (fd, (struct sockaddr *) &addr, sizeof addr) != 0)
    {
      close (fd);
      return -1;
    }
  return fd;
}

static void
raw_send (int         fd,
          const char *text)
{
  g_assert_cmpint (send (fd, text, strlen (text), MSG_NOSIGNAL), ==, (gssize) strlen (text));
}

/* What the hub sends on @fd until it closes it or @timeout_ms pass;
 * @closed says whether it closed it. */
static char *
raw_read_until_close (int       fd,
                      int       timeout_ms,
                      gboolean *closed)
{
  GString *text = g_string_new (NULL);
  gint64 deadline = g_get_monotonic_time () + (gint64) timeout_ms * 1000;

  *closed = FALSE;
  while (g_get_monotonic_time () < deadline)
    {
      struct pollfd pfd = { fd, POLLIN, 0 };
      char buf[4096];
      gssize n;

      if (poll (&pfd, 1, 100) <= 0)
        continue;
      n = recv (fd, buf, sizeof buf, 0);
      if (n <= 0)
        {
          *closed = TRUE;
          break;
        }
      g_string_append_len (text, buf, n);
    }
  return g_string_free (text, FALSE);
}

/* The status line's code of what arrives on @fd within @timeout_ms, or 0. */
static guint
raw_read_status (int fd,
                 int timeout_ms)
{
  GString *text = g_string_new (NULL);
  gint64 deadline = g_get_monotonic_time () + (gint64) timeout_ms * 1000;
  guint status = 0;

  while (g_get_monotonic_time () < deadline && strstr (text->str, "\r\n") == NULL)
    {
      struct pollfd pfd = { fd, POLLIN, 0 };
      char c;

      if (poll (&pfd, 1, 100) <= 0)
        continue;
      if (recv (fd, &c, 1, 0) != 1)
        break;
      g_string_append_c (text, c);
    }
  if (g_str_has_prefix (text->str, "HTTP/1.1 "))
    status = atoi (text->str + 9);
  g_string_free (text, TRUE);
  return status;
}

static guint
whoami_status (Proc *p)
{
  g_autoptr(Reply) reply = hub_call (&p->hub, "GET", "/api/whoami-v2", p->hub.alice, NULL, NULL, 0);

  return reply->status;
}

static guint64
hub_memory_kib (Proc       *p,
                const char *field)
{
  g_autofree char *path = g_strdup_printf ("/proc/%s/status", g_subprocess_get_identifier (p->proc));
  g_autofree char *text = NULL;
  const char *at;

  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  at = strstr (text, field);
  g_assert_nonnull (at);
  return g_ascii_strtoull (at + strlen (field) + 1, NULL, 10);
}

/* ---- The listen backlog -------------------------------------------------- */

/* 200 clients connecting at once, while the hub accepts nothing (its main
 * loop does not run): with a backlog of 10, all but the first few would
 * wait in SYN retries, seconds long; now the kernel queues them all. */
static void
test_backlog (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *tmp = g_dir_make_tmp ("vitrine-backlog-XXXXXX", &error);
  g_autofree char *data_dir = g_build_filename (tmp, "data", NULL);
  g_autoptr(VitrineServer) server = vitrine_server_new (data_dir);
  struct pollfd fds[200];
  guint connected = 0;

  g_assert_true (vitrine_server_listen (server, "127.0.0.1", 0, &error));
  for (guint i = 0; i < G_N_ELEMENTS (fds); i++)
    {
      struct sockaddr_in addr = { 0 };
      int fd = socket (AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);

      addr.sin_family = AF_INET;
      addr.sin_port = htons (vitrine_server_get_port (server));
      addr.sin_addr.s_addr = htonl (INADDR_LOOPBACK);
      if (connect (fd, (struct sockaddr *) &addr, sizeof addr) != 0)
        g_assert_cmpint (errno, ==, EINPROGRESS);
      fds[i].fd = fd;
      fds[i].events = POLLOUT;
    }
  /* Give the kernel ample time: a dropped SYN is retried after 1 s only,
   * and nobody accepts meanwhile. */
  {
    gint64 deadline = g_get_monotonic_time () + 3 * G_USEC_PER_SEC;

    while (connected < G_N_ELEMENTS (fds) && g_get_monotonic_time () < deadline)
      {
        connected = 0;
        poll (fds, G_N_ELEMENTS (fds), 100);
        for (guint i = 0; i < G_N_ELEMENTS (fds); i++)
          {
            int err = 0;
            socklen_t len = sizeof err;

            if ((fds[i].revents & POLLOUT) &&
                getsockopt (fds[i].fd, SOL_SOCKET, SO_ERROR, &err, &len) == 0 && err == 0)
              connected++;
          }
      }
  }
  g_assert_cmpuint (connected, ==, G_N_ELEMENTS (fds));
  for (guint i = 0; i < G_N_ELEMENTS (fds); i++)
    close (fds[i].fd);
  g_clear_object (&server);
  test_rm_rf (tmp);
}

/* ---- Descriptors, timeouts, connections per address --------------------- */

/* A hub allowed 64 descriptors, and 300 connections that send nothing:
 * it runs out, and once they are gone it must accept again (libsoup's
 * listener stopped for good at the first EMFILE). */
static void
test_out_of_descriptors (Proc          *p,
                         gconstpointer  data)
{
  int fds[300];
  guint refused = 0;

  proc_start (p, 64, NULL, "--request-timeout", "30", NULL);
  g_assert_cmpuint (whoami_status (p), ==, 200);

  for (guint i = 0; i < G_N_ELEMENTS (fds); i++)
    fds[i] = raw_connect (p->port);
  /* Those past the limit are answered 503 and closed, not left hanging. */
  for (guint i = 0; i < G_N_ELEMENTS (fds); i++)
    if (fds[i] >= 0)
      {
        struct pollfd pfd = { fds[i], POLLIN, 0 };

        if (poll (&pfd, 1, 0) > 0)
          {
            gboolean closed;
            g_autofree char *text = raw_read_until_close (fds[i], 2000, &closed);

            if (g_str_has_prefix (text, "HTTP/1.1 503"))
              refused++;
          }
      }
  g_test_message ("%u connections turned away with 503 at once", refused);
  for (guint i = 0; i < G_N_ELEMENTS (fds); i++)
    if (fds[i] >= 0)
      close (fds[i]);

  /* All gone: the hub answers again. */
  g_assert_cmpuint (whoami_status (p), ==, 200);
}

/* A connection that sends nothing, one that sends half its headers, one
 * that stops in the middle of its body, and one idle after an answer:
 * each is closed by the hub, not held forever. */
static void
test_timeouts (Proc          *p,
               gconstpointer  data)
{
  const char *half[] = {
    "",
    "GET /api/whoami-v2 HTTP/1.1\r\nHost: x\r\n",
    "POST /api/validate-yaml HTTP/1.1\r\nHost: x\r\nContent-Length: 1000\r\n\r\n{\"content\":",
  };
  gboolean closed;

  proc_start (p, 0, NULL, "--request-timeout", "1", "--idle-timeout", "2", NULL);
  for (guint i = 0; i < G_N_ELEMENTS (half); i++)
    {
      int fd = raw_connect (p->port);
      g_autofree char *text = NULL;

      if (*half[i] != '\0')
        raw_send (fd, half[i]);
      text = raw_read_until_close (fd, WAIT_MS, &closed);
      g_assert_true (closed);
      close (fd);
    }
  {
    int fd = raw_connect (p->port);
    g_autofree char *text = NULL;

    raw_send (fd, "GET /api/whoami-v2 HTTP/1.1\r\nHost: x\r\n\r\n");
    text = raw_read_until_close (fd, WAIT_MS, &closed);
    g_assert_true (g_str_has_prefix (text, "HTTP/1.1 401"));
    g_assert_true (closed);
    close (fd);
  }
}

static void
test_per_address (Proc          *p,
                  gconstpointer  data)
{
  int held[4];
  gint64 deadline;
  guint status = 0;

  proc_start (p, 0, NULL, "--max-connections-per-address", "4", NULL);
  /* Four connections that say nothing yet (the hub takes connections in
   * the order they came, so the fifth comes after them). */
  for (guint i = 0; i < G_N_ELEMENTS (held); i++)
    held[i] = raw_connect (p->port);
  /* A fifth is turned away, with a 503 that says when to try again. */
  {
    int fd = raw_connect (p->port);
    gboolean closed;
    g_autofree char *text = NULL;

    raw_send (fd, "GET /api/whoami-v2 HTTP/1.1\r\nHost: x\r\n\r\n");
    text = raw_read_until_close (fd, WAIT_MS, &closed);
    g_assert_true (g_str_has_prefix (text, "HTTP/1.1 503"));
    g_assert_nonnull (strstr (text, "Retry-After: 1"));
    g_assert_true (closed);
    close (fd);
  }
  /* One let go: a new one is taken. */
  close (held[0]);
  deadline = g_get_monotonic_time () + WAIT_MS * 1000;
  while (status != 401 && g_get_monotonic_time () < deadline)
    {
      int fd = raw_connect (p->port);

      raw_send (fd, "GET /api/whoami-v2 HTTP/1.1\r\nHost: x\r\n\r\n");
      status = raw_read_status (fd, WAIT_MS);
      close (fd);
      if (status != 401)
        g_usleep (50 * 1000);
    }
  g_assert_cmpuint (status, ==, 401);
  for (guint i = 1; i < G_N_ELEMENTS (held); i++)
    close (held[i]);
}

/* ---- Bodies checked before they are read -------------------------------- */

static void
test_refused_before_body (Proc          *p,
                          gconstpointer  data)
{
  g_autofree char *auth = NULL;
  g_autofree char *ro = NULL;

  proc_start (p, 0, NULL, NULL);
  hub_create_repo (&p->hub, p->hub.alice, "{\"name\":\"m\"}");
  auth = g_strdup_printf ("Authorization: Bearer %s\r\n", p->hub.alice);
  ro = g_strdup_printf ("Authorization: Bearer %s\r\n", p->hub.alice_ro);

  /* Bodies larger than a small bound are refused unread; (smaller ones are
   * read and dropped, so that any client reads the answer). */
  struct {
    const char *headers;
    const char *token;
    guint       status;
  } cases[] = {
    /* Anonymous commit: 401 before a byte of the body. */
    { "POST /api/models/alice/m/commit/main HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-ndjson\r\n"
      "Content-Length: 419430400\r\n", "", 401 },
    /* A read token: 403, and a client waiting for 100 Continue gets it instead. */
    { "POST /api/models/alice/m/commit/main HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\n"
      "Content-Length: 1000\r\n", ro, 403 },
    /* Too large for its route: 413 before it is read. */
    { "POST /api/models/alice/m/commit/main HTTP/1.1\r\nHost: x\r\nContent-Length: 4294967296\r\n", auth, 413 },
    { "POST /api/repos/create HTTP/1.1\r\nHost: x\r\nContent-Length: 104857600\r\n", auth, 413 },
    /* An upload URL that is not signed. */
    { "PUT /api/lfs-upload/0000000000000000000000000000000000000000000000000000000000000000?size=1048576"
      "&expires=99999999999&sig=00 HTTP/1.1\r\nHost: x\r\nContent-Length: 1048576\r\n", "", 403 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      int fd = raw_connect (p->port);
      g_autofree char *request = g_strconcat (cases[i].headers, cases[i].token, "\r\n", NULL);

      raw_send (fd, request);
      g_assert_cmpuint (raw_read_status (fd, WAIT_MS), ==, cases[i].status);
      close (fd);
    }
  /* And a client that waits for 100 Continue, when all is well, gets it. */
  {
    int fd = raw_connect (p->port);
    g_autofree char *request =
      g_strdup_printf ("POST /api/validate-yaml HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\n"
                       "Content-Type: application/json\r\nContent-Length: 27\r\n%s\r\n", auth);

    raw_send (fd, request);
    g_assert_cmpuint (raw_read_status (fd, WAIT_MS), ==, 100);
    close (fd);
  }
}

typedef struct
{
  guint   port;
  guint64 sent;
} Poster;

static gpointer
anonymous_post_thread (gpointer data)
{
  Poster *poster = data;
  g_autofree char *zeros = g_malloc0 (1 << 20);
  int fd = raw_connect (poster->port);

  raw_send (fd, "POST /api/models/alice/m/commit/main HTTP/1.1\r\nHost: x\r\n"
                "Content-Type: application/x-ndjson\r\nContent-Length: 419430400\r\n\r\n");
  while (poster->sent < 419430400)
    {
      gssize n = send (fd, zeros, 1 << 20, MSG_NOSIGNAL);

      if (n <= 0)
        break;
      poster->sent += n;
    }
  close (fd);
  return NULL;
}

/* Four anonymous 400 MiB commit posts at once took the hub to 2.7 GB:
 * now they are refused unread, and its memory stays small. */
static void
test_anonymous_posts_memory (Proc          *p,
                             gconstpointer  data)
{
  GThread *threads[4];
  Poster posters[4] = { { 0 } };
  guint64 peak;

  proc_start (p, 0, NULL, NULL);
  hub_create_repo (&p->hub, p->hub.alice, "{\"name\":\"m\"}");
  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    {
      posters[i].port = p->port;
      threads[i] = g_thread_new ("post", anonymous_post_thread, &posters[i]);
    }
  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    g_thread_join (threads[i]);
  peak = hub_memory_kib (p, "VmHWM:");
  g_test_message ("hub peak memory %" G_GUINT64_FORMAT " KiB; sent %" G_GUINT64_FORMAT " bytes",
                  peak, posters[0].sent);
  g_assert_cmpuint (peak, <, 128 * 1024);
  g_assert_cmpuint (whoami_status (p), ==, 200);
}

/* An upload whose client waits for 100 Continue gets it, then its 200. */
static void
test_upload_expect_continue (Proc          *p,
                             gconstpointer  data)
{
  gsize size = 3 * 1024 * 1024;
  g_autofree guint8 *bytes = g_malloc (size);
  g_autofree char *oid = NULL;
  g_autofree char *body = NULL;
  g_autofree char *href = NULL;
  g_autofree char *request = NULL;
  g_autoptr(GUri) uri = NULL;
  int fd;

  for (gsize i = 0; i < size; i++)
    bytes[i] = (guint8) (i % 251);
  oid = vitrine_sha256_hex (bytes, size);
  proc_start (p, 0, NULL, NULL);
  hub_create_repo (&p->hub, p->hub.alice, "{\"name\":\"m\"}");
  body = g_strdup_printf ("{\"operation\":\"upload\",\"objects\":[{\"oid\":\"%s\",\"size\":%" G_GSIZE_FORMAT "}]}",
                          oid, size);
  {
    g_autoptr(Reply) reply = hub_call (&p->hub, "POST", "/alice/m.git/info/lfs/objects/batch", p->hub.alice,
                                       "application/vnd.git-lfs+json", body, -1);
    JsonObject *object = json_array_get_object_element (
      json_object_get_array_member (json_node_get_object (reply->json), "objects"), 0);

    href = g_strdup (json_object_get_string_member (
      json_object_get_object_member (json_object_get_object_member (object, "actions"), "upload"), "href"));
  }
  uri = g_uri_parse (href, G_URI_FLAGS_ENCODED, NULL);
  request = g_strdup_printf ("PUT %s?%s HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\n"
                             "Content-Length: %" G_GSIZE_FORMAT "\r\n\r\n",
                             g_uri_get_path (uri), g_uri_get_query (uri), size);
  fd = raw_connect (p->port);
  raw_send (fd, request);
  g_assert_cmpuint (raw_read_status (fd, WAIT_MS), ==, 100);
  /* The rest of the interim answer: its empty line. */
  {
    char crlf[2];
    g_assert_cmpint (recv (fd, crlf, 2, MSG_WAITALL), ==, 2);
  }
  g_assert_cmpint (send (fd, bytes, size, MSG_NOSIGNAL), ==, (gssize) size);
  g_assert_cmpuint (raw_read_status (fd, WAIT_MS), ==, 200);
  close (fd);
}

/* ---- Stopping ------------------------------------------------------------ */

typedef struct
{
  char    *href;
  guint64  sent;
  gboolean cut;
} Trickle;

/* An upload that never ends: headers for a large object, then a stream
 * of bytes until the hub closes the connection. */
static gpointer
endless_upload_thread (gpointer data)
{
  Trickle *t = data;
  g_autoptr(GUri) uri = g_uri_parse (t->href, G_URI_FLAGS_ENCODED, NULL);
  g_autofree char *zeros = g_malloc0 (65536);
  g_autofree char *request =
    g_strdup_printf ("PUT %s?%s HTTP/1.1\r\nHost: x\r\nContent-Length: %d\r\n\r\n",
                     g_uri_get_path (uri), g_uri_get_query (uri), 1 << 30);
  int fd = raw_connect (g_uri_get_port (uri));

  raw_send (fd, request);
  for (;;)
    {
      gssize n = send (fd, zeros, 65536, MSG_NOSIGNAL);

      if (n <= 0)
        break;
      t->sent += n;
      if (t->sent > 512 * 1024 * 1024)
        g_usleep (10 * 1000);
    }
  t->cut = TRUE;
  close (fd);
  return NULL;
}

static char *
upload_href (Proc    *p,
             guint64  size)
{
  g_autofree char *oid = g_strnfill (64, 'a');
  g_autofree char *body =
    g_strdup_printf ("{\"operation\":\"upload\",\"transfers\":[\"basic\"],"
                     "\"objects\":[{\"oid\":\"%s\",\"size\":%" G_GUINT64_FORMAT "}]}", oid, size);
  g_autoptr(Reply) reply = hub_call (&p->hub, "POST", "/alice/m.git/info/lfs/objects/batch", p->hub.alice,
                                     "application/vnd.git-lfs+json", body, -1);
  JsonObject *object;

  g_assert_cmpuint (reply->status, ==, 200);
  object = json_array_get_object_element (
    json_object_get_array_member (json_node_get_object (reply->json), "objects"), 0);
  return g_strdup (json_object_get_string_member (
    json_object_get_object_member (json_object_get_object_member (object, "actions"), "upload"), "href"));
}

static gint64
fault_fired (Proc *p)
{
  g_autoptr(Reply) reply = hub_call (&p->hub, "GET", "/api/-/faults", NULL, NULL, NULL, 0);
  JsonArray *rules = json_object_get_array_member (json_node_get_object (reply->json), "rules");

  return json_object_get_int_member (json_array_get_object_element (rules, 0), "fired");
}

/* SIGTERM while an upload streams at full speed and a commit is being
 * made: the hub stops accepting, answers the commit, cuts the upload and
 * exits, within seconds (before, the upload kept it alive to its end and
 * the commit went unanswered). */
static void
test_sigterm (Proc          *p,
              gconstpointer  data)
{
  g_autofree char *op = file_op ("in-flight.txt", "made while stopping");
  g_autofree char *payload = ndjson_commit ("In flight", NULL, op);
  g_autoptr(GThread) thread = NULL;
  g_autoptr(Reply) reply = NULL;
  g_autoptr(GError) error = NULL;
  Trickle trickle = { 0 };
  Pending *commit;
  gint64 start;

  proc_start (p, 0, "delay:1500:/commit/:1", NULL);
  hub_create_repo (&p->hub, p->hub.alice, "{\"name\":\"m\"}");
  trickle.href = upload_href (p, 1 << 30);
  thread = g_thread_new ("upload", endless_upload_thread, &trickle);
  while (trickle.sent < 16 * 1024 * 1024)
    g_usleep (10 * 1000);

  commit = hub_start (&p->hub, "POST", "/api/models/alice/m/commit/main", p->hub.alice,
                      "application/x-ndjson", payload, -1);
  while (fault_fired (p) == 0)
    g_main_context_iteration (NULL, FALSE);

  start = g_get_monotonic_time ();
  g_subprocess_send_signal (p->proc, SIGTERM);
  reply = hub_finish (commit);
  g_assert_cmpuint (reply->status, ==, 200);
  g_assert_nonnull (reply_string (reply, "commitOid"));

  g_assert_true (g_subprocess_wait (p->proc, NULL, &error));
  g_assert_true (g_subprocess_get_if_exited (p->proc));
  g_assert_cmpint (g_subprocess_get_exit_status (p->proc), ==, 0);
  g_test_message ("stopped in %" G_GINT64_FORMAT " ms", (g_get_monotonic_time () - start) / 1000);
  g_thread_join (g_steal_pointer (&thread));
  g_assert_true (trickle.cut);
  g_assert_cmpuint (trickle.sent, <, (guint64) 1 << 30);
  g_clear_object (&p->proc);
  g_free (trickle.href);

  /* Nothing listens any more. */
  g_assert_cmpint (raw_connect (p->port), ==, -1);
}

/* ---- Leftovers ------------------------------------------------------------ */

static void
test_leftovers (Proc          *p,
                gconstpointer  data)
{
  g_autofree char *git_dir = g_build_filename (p->hub.data_dir, "repos", "models", "alice", "m.git", NULL);
  g_autofree char *loose = g_build_filename (git_dir, "objects", "tmp_object_git2_a1b2c3", NULL);
  g_autofree char *pack = g_build_filename (git_dir, "objects", "pack", "tmp_pack_x1y2z3", NULL);
  g_autofree char *pack_dir = g_path_get_dirname (pack);

  proc_start (p, 0, NULL, NULL);
  hub_create_repo (&p->hub, p->hub.alice, "{\"name\":\"m\"}");
  g_subprocess_send_signal (p->proc, SIGKILL);
  g_subprocess_wait (p->proc, NULL, NULL);
  g_clear_object (&p->proc);

  g_mkdir_with_parents (pack_dir, 0700);
  g_assert_true (g_file_set_contents (loose, "half an object", -1, NULL));
  g_assert_true (g_file_set_contents (pack, "half a pack", -1, NULL));
  proc_start (p, 0, NULL, NULL);
  g_assert_false (g_file_test (loose, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (pack, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (whoami_status (p), ==, 200);
}

/* A batch of 100,000 objects held 300 MB that the hub never gave back. */
static void
test_batch_memory (Proc          *p,
                   gconstpointer  data)
{
  GString *body = NULL;
  guint64 before, after;

#ifdef __SANITIZE_ADDRESS__
  /* AddressSanitizer's allocator holds freed memory on purpose. */
  g_test_skip ("Memory given back cannot be seen under AddressSanitizer");
  return;
#endif
  body = g_string_new ("{\"operation\":\"upload\",\"transfers\":[\"basic\"],\"objects\":[");
  proc_start (p, 0, NULL, NULL);
  hub_create_repo (&p->hub, p->hub.alice, "{\"name\":\"m\"}");
  before = hub_memory_kib (p, "VmRSS:");
  for (guint i = 0; i < 100000; i++)
    g_string_append_printf (body, "%s{\"oid\":\"%064x\",\"size\":%u}", i > 0 ? "," : "", i, i + 1);
  g_string_append (body, "]}");
  {
    g_autoptr(Reply) reply = hub_call (&p->hub, "POST", "/alice/m.git/info/lfs/objects/batch", p->hub.alice,
                                       "application/vnd.git-lfs+json", body->str, body->len);
    g_assert_cmpuint (reply->status, ==, 200);
  }
  g_string_free (body, TRUE);
  /* The answer is out; the memory is given back (on the main thread,
   * right after: a request that follows is answered after it). */
  g_assert_cmpuint (whoami_status (p), ==, 200);
  after = hub_memory_kib (p, "VmRSS:");
  g_test_message ("hub memory %" G_GUINT64_FORMAT " KiB before the batch, %" G_GUINT64_FORMAT " KiB after, "
                  "peak %" G_GUINT64_FORMAT " KiB", before, after, hub_memory_kib (p, "VmHWM:"));
  g_assert_cmpuint (after, <, before + 64 * 1024);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/server/limits/backlog", test_backlog);
#define ADD(path, func) g_test_add (path, Proc, NULL, proc_setup, func, proc_teardown)
  ADD ("/server/limits/out-of-descriptors", test_out_of_descriptors);
  ADD ("/server/limits/timeouts", test_timeouts);
  ADD ("/server/limits/per-address", test_per_address);
  ADD ("/server/limits/refused-before-body", test_refused_before_body);
  ADD ("/server/limits/anonymous-posts-memory", test_anonymous_posts_memory);
  ADD ("/server/limits/upload-expect-continue", test_upload_expect_continue);
  ADD ("/server/limits/sigterm", test_sigterm);
  ADD ("/server/limits/leftovers", test_leftovers);
  ADD ("/server/limits/batch-memory", test_batch_memory);
#undef ADD

  return g_test_run ();
}
