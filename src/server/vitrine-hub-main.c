/* vitrine-hub-main.c — `vitrine-hub`, the local hub as a program
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <glib/gi18n.h>
#include <errno.h>
#include <unistd.h>
#include <glib-unix.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "vitrine-accounts.h"
#include "vitrine-discovery.h"
#include "vitrine-git-receive.h"
#include "vitrine-server.h"

/* How long answers being made may take once the hub is told to stop. */
#define STOP_TIMEOUT_MS 3000

static gboolean
quit_cb (gpointer user_data)
{
  g_main_loop_quit (user_data);
  return G_SOURCE_REMOVE;
}

static int
serve (int    argc,
       char **argv)
{
  g_autofree char *data_dir = NULL;
  g_autofree char *host = NULL;
  g_autofree char *port_file = NULL;
  g_autofree char *url = NULL;
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(VitrineServer) server = NULL;
  g_autoptr(GMainLoop) loop = NULL;
  g_autoptr(GError) error = NULL;
  int port = 0;
  int idle_timeout = 0;
  int request_timeout = 0;
  int max_per_address = 0;
  gboolean register_hub = FALSE;
  GOptionEntry entries[] = {
    { "register", 0, 0, G_OPTION_ARG_NONE, &register_hub, N_("Tell Vitrine and vitrine-cli on this computer where the hub is"), NULL },
    { "data-dir", 'd', 0, G_OPTION_ARG_FILENAME, &data_dir, N_("Where repositories are stored"), N_("DIR") },
    { "host", 0, 0, G_OPTION_ARG_STRING, &host, N_("Address to listen on (default 127.0.0.1)"), N_("ADDRESS") },
    { "port", 'p', 0, G_OPTION_ARG_INT, &port, N_("Port to listen on (default 0: pick a free one)"), N_("PORT") },
    { "port-file", 0, 0, G_OPTION_ARG_FILENAME, &port_file, N_("Write the port to this file once listening"), N_("FILE") },
    { "idle-timeout", 0, 0, G_OPTION_ARG_INT, &idle_timeout, N_("Cut connections whose client stops reading its answer for this many seconds (default 60)"), N_("SECONDS") },
    { "request-timeout", 0, 0, G_OPTION_ARG_INT, &request_timeout, N_("Cut requests that take longer than this to arrive, or stall (default 20)"), N_("SECONDS") },
    { "max-connections-per-address", 0, 0, G_OPTION_ARG_INT, &max_per_address, N_("Connections one client address may hold at once (default 256)"), N_("N") },
    { NULL }
  };

  context = g_option_context_new (NULL);
  g_option_context_set_summary (context, _("Serves the local hub: a Hub-compatible server for this computer."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("vitrine-hub: %s\n", error->message);
      return 2;
    }
  if (data_dir == NULL)
    {
      g_printerr ("vitrine-hub: %s\n", _("--data-dir is required"));
      return 2;
    }
  if (port < 0 || port > G_MAXUINT16)
    {
      g_printerr ("vitrine-hub: %s\n", _("--port must be between 0 and 65535"));
      return 2;
    }

  if (idle_timeout < 0 || request_timeout < 0 || max_per_address < 0)
    {
      g_printerr ("vitrine-hub: %s\n", _("Timeouts and limits must be positive"));
      return 2;
    }

  server = vitrine_server_new (data_dir);
  vitrine_server_set_limits (server, idle_timeout, request_timeout, max_per_address);
  if (!vitrine_server_listen (server, host != NULL ? host : "127.0.0.1", port, &error))
    {
      g_printerr ("vitrine-hub: %s\n", error->message);
      return 1;
    }

  if (port_file != NULL)
    {
      g_autofree char *text = g_strdup_printf ("%u\n", vitrine_server_get_port (server));
      if (!g_file_set_contents (port_file, text, -1, &error))
        {
          g_printerr ("vitrine-hub: %s\n", error->message);
          return 1;
        }
    }

  url = vitrine_server_dup_url (server);

  /* The discovery file, for the application and vitrine-cli. */
  if (register_hub && !vitrine_discovery_write (url, data_dir, &error))
    {
      g_printerr ("vitrine-hub: %s\n", error->message);
      return 1;
    }

  g_print ("%s\n", url);
  fflush (stdout);

  loop = g_main_loop_new (NULL, FALSE);
  g_unix_signal_add (SIGINT, quit_cb, loop);
  g_unix_signal_add (SIGTERM, quit_cb, loop);
  g_main_loop_run (loop);

  /* Stopping: no new connection, what is being answered finishes (a few
   * seconds at most), the rest is cut. */
  if (register_hub)
    vitrine_discovery_remove ();
  if (!vitrine_server_stop (server, STOP_TIMEOUT_MS))
    {
      /* Work still running in a thread (a commit) is left to the exit:
       * commits publish by compare-and-swap, a cut one leaves nothing. */
      fflush (stdout);
      _exit (0);
    }
  return 0;
}

/* `git-pre-receive`: the hook git receive-pack runs for a push (the hub
 * writes it in DATA/hooks), in the repository, with what the push sent
 * in git's quarantine.  Says why a push is refused on standard error,
 * which git passes on to the client. */
static int
git_pre_receive (int    argc,
                 char **argv)
{
  g_autofree char *lfs_dir = NULL;
  g_autofree char *git_dir = g_get_current_dir ();
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) updates = g_string_new (NULL);
  g_autoptr(GString) out = g_string_new (NULL);
  GOptionEntry entries[] = {
    { "lfs-dir", 0, 0, G_OPTION_ARG_FILENAME, &lfs_dir, NULL, NULL },
    { NULL }
  };
  char buf[4096];
  size_t n;
  gboolean ok;

  context = g_option_context_new (NULL);
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || lfs_dir == NULL)
    {
      g_printerr ("vitrine-hub: the push could not be checked\n");
      return 2;
    }
  while ((n = fread (buf, 1, sizeof buf, stdin)) > 0 && updates->len < 16 * 1024 * 1024)
    g_string_append_len (updates, buf, n);
  ok = vitrine_git_check_push (git_dir, g_getenv ("GIT_QUARANTINE_PATH"), lfs_dir, updates->str, out);
  if (out->len > 0)
    g_printerr ("%s", out->str);
  return ok ? 0 : 1;
}

static void
usage (void)
{
  g_printerr ("%s\n"
              "  vitrine-hub serve --data-dir DIR [--host 127.0.0.1] [--port 0] [--port-file FILE]\n"
              "                    [--idle-timeout S] [--request-timeout S] [--max-connections-per-address N]\n"
              "  vitrine-hub user add NAME --data-dir DIR\n"
              "  vitrine-hub token add NAME --role read|write --data-dir DIR\n"
              "  vitrine-hub org add ORG --member NAME:ROLE [--member ...] --data-dir DIR\n",
              _("Usage:"));
}

/* `user add`, `token add` and `org add`: print a token or nothing. */
static int
accounts_command (const char  *what,
                  int          argc,
                  char       **argv)
{
  g_autofree char *data_dir = NULL;
  g_autofree char *role_s = NULL;
  g_autofree char *token = NULL;
  g_auto(GStrv) members = NULL;
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  GOptionEntry entries[] = {
    { "data-dir", 'd', 0, G_OPTION_ARG_FILENAME, &data_dir, N_("Where repositories are stored"), N_("DIR") },
    { "role", 0, 0, G_OPTION_ARG_STRING, &role_s, N_("A token's role: read or write"), N_("ROLE") },
    { "member", 0, 0, G_OPTION_ARG_STRING_ARRAY, &members, N_("An organisation member, as NAME:ROLE"), N_("NAME:ROLE") },
    { NULL }
  };
  const char *name;
  gboolean ok;

  context = g_option_context_new (NULL);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("vitrine-hub: %s\n", error->message);
      return 2;
    }
  if (argc != 3 || !g_str_equal (argv[1], "add"))
    {
      usage ();
      return 2;
    }
  if (data_dir == NULL)
    {
      g_printerr ("vitrine-hub: %s\n", _("--data-dir is required"));
      return 2;
    }
  name = argv[2];

  if (g_str_equal (what, "user"))
    ok = vitrine_accounts_add_user (data_dir, name, &token, &error);
  else if (g_str_equal (what, "token"))
    {
      VitrineRole role;

      if (role_s == NULL || !vitrine_role_from_string (role_s, &role) || role == VITRINE_ROLE_ADMIN)
        {
          g_printerr ("vitrine-hub: %s\n", _("--role must be read or write"));
          return 2;
        }
      ok = vitrine_accounts_add_token (data_dir, name, role, NULL, &token, &error);
    }
  else
    ok = vitrine_accounts_add_org (data_dir, name, (const char * const *) members, &error);

  if (!ok)
    {
      g_printerr ("vitrine-hub: %s\n", error->message);
      return 1;
    }
  if (token != NULL)
    g_print ("%s\n", token);
  return 0;
}

int
main (int    argc,
      char **argv)
{
  /* GLib before 2.76 keeps the small blocks it frees (GSlice) for good,
   * so a large request (a batch of 100,000 objects) would leave hundreds
   * of megabytes behind: the hub runs with plain malloc, which gives
   * memory back.  GSlice reads its setting before main(), hence the
   * exec. */
  if (argc >= 2 && g_strcmp0 (argv[1], "serve") == 0 && g_strcmp0 (g_getenv ("G_SLICE"), "always-malloc") != 0)
    {
      g_setenv ("G_SLICE", "always-malloc", TRUE);
      execv ("/proc/self/exe", argv);
    }

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (argc >= 2 && g_strcmp0 (argv[1], "--version") == 0)
    {
      g_print ("vitrine-hub %s\n", PACKAGE_VERSION);
      return 0;
    }
  if (argc >= 2 && g_strcmp0 (argv[1], "serve") == 0)
    return serve (argc - 1, argv + 1);
  if (argc >= 2 && g_strcmp0 (argv[1], "git-pre-receive") == 0)
    return git_pre_receive (argc - 1, argv + 1);
  if (argc >= 2 && (g_strcmp0 (argv[1], "user") == 0 || g_strcmp0 (argv[1], "token") == 0 ||
                    g_strcmp0 (argv[1], "org") == 0))
    return accounts_command (argv[1], argc - 1, argv + 1);

  usage ();
  return 2;
}
