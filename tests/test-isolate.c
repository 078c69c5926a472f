/* test-isolate.c — every test program gets a home, XDG folders and a
 * session bus of its own
 *
 * Linked into every test executable (tests/meson.build), and into
 * test-run-isolated, which runs the tests that are not C programs.  Before
 * main() runs, and so before GLib or anything else has read them, HOME,
 * XDG_CONFIG_HOME, XDG_CACHE_HOME, XDG_DATA_HOME, XDG_STATE_HOME,
 * XDG_RUNTIME_DIR and TMPDIR point into a new temporary folder, the Hub's
 * own variables (HF_TOKEN, HF_HOME, ...) are forgotten, and
 * DBUS_SESSION_BUS_ADDRESS names a private dbus-daemon, on which no
 * keyring can start.  A plain `meson test` therefore never reads or writes
 * the user's drafts, keyring or token file, hash cache or discovery file,
 * nor registers anything on the user's bus.  What a test starts (vitrine-hub,
 * vitrine-cli, a g_test_trap_subprocess() child) inherits all of it; a child
 * that is itself a test program sees the folder is its parent's and keeps
 * it.  When the program that made the folder exits, the bus stops and the
 * folder goes, with every temporary file a test left in it.
 *
 * Only the C library is used: GLib caches what it reads of the environment.
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define ROOT_VARIABLE "VITRINE_TEST_ROOT"

static char root[PATH_MAX];
static pid_t owner;
static pid_t bus_pid;

static const struct {
  const char *variable;
  const char *folder;
} folders[] = {
  { "HOME", "home" },
  { "XDG_CONFIG_HOME", "config" },
  { "XDG_CACHE_HOME", "cache" },
  { "XDG_DATA_HOME", "data" },
  { "XDG_STATE_HOME", "state" },
  { "XDG_RUNTIME_DIR", "runtime" },
  { "TMPDIR", "tmp" },
};

/* Read by the code under test; the tests give them when they mean to. */
static const char * const forgotten[] = {
  "HF_TOKEN", "HUGGING_FACE_HUB_TOKEN", "HF_TOKEN_PATH", "HF_HOME", "HF_HUB_CACHE",
  "HF_ENDPOINT", "HF_HUB_DISABLE_IMPLICIT_TOKEN",
};

static void
die (const char *what)
{
  fprintf (stderr, "test-isolate: %s: %s\n", what, strerror (errno));
  _exit (99);
}

/* @dir/@name into @out, PATH_MAX bytes long. */
static void
join (char       *out,
      const char *dir,
      const char *name)
{
  int n = snprintf (out, PATH_MAX, "%s/%s", dir, name);

  if (n < 0 || n >= PATH_MAX)
    {
      errno = ENAMETOOLONG;
      die (name);
    }
}

static void
path_in_root (char       *out,
              const char *name)
{
  join (out, root, name);
}

static int
make_writable (const char        *path,
               const struct stat *st,
               int                flag,
               struct FTW        *ftw)
{
  if (flag == FTW_D || flag == FTW_DNR)
    chmod (path, 0700);
  return 0;
}

static int
remove_one (const char        *path,
            const struct stat *st,
            int                flag,
            struct FTW        *ftw)
{
  remove (path);
  return 0;
}

static void
finish (void)
{
  int status;

  /* A fork()ed child that returns does not take the folder with it. */
  if (getpid () != owner)
    return;
  if (bus_pid > 0)
    {
      kill (bus_pid, SIGTERM);
      waitpid (bus_pid, &status, 0);
    }
  nftw (root, make_writable, 16, FTW_PHYS);
  nftw (root, remove_one, 16, FTW_PHYS | FTW_DEPTH);
}

/* The one service the bus may start: the accessibility bus GTK asks for. */
static void
add_a11y_service (const char *services)
{
  const char *dirs = getenv ("XDG_DATA_DIRS");
  char list[PATH_MAX];
  char *save = NULL;

  snprintf (list, sizeof list, "%s", dirs != NULL && *dirs != '\0' ? dirs : "/usr/local/share:/usr/share");
  for (char *dir = strtok_r (list, ":", &save); dir != NULL; dir = strtok_r (NULL, ":", &save))
    {
      char from[PATH_MAX];
      char to[PATH_MAX];

      join (from, dir, "dbus-1/services/org.a11y.Bus.service");
      join (to, services, "org.a11y.Bus.service");
      if (access (from, R_OK) == 0)
        {
          if (symlink (from, to) != 0)
            die ("symlink");
          return;
        }
    }
}

/* Starts a dbus-daemon listening in the private runtime folder and points
 * DBUS_SESSION_BUS_ADDRESS at it.  Without dbus-daemon, the address names
 * a socket that does not exist: no bus, rather than the user's. */
static void
start_bus (void)
{
  char config[PATH_MAX];
  char services[PATH_MAX];
  char runtime[PATH_MAX];
  char address[PATH_MAX + 32];
  char config_arg[PATH_MAX + 16];
  size_t len = 0;
  int fds[2];
  FILE *out;
  pid_t parent = getpid ();

  path_in_root (config, "bus.conf");
  path_in_root (services, "bus-services");
  path_in_root (runtime, "runtime");
  if (mkdir (services, 0700) != 0)
    die ("mkdir");
  add_a11y_service (services);

  out = fopen (config, "w");
  if (out == NULL)
    die (config);
  fprintf (out,
           "<!DOCTYPE busconfig PUBLIC \"-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN\"\n"
           " \"http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd\">\n"
           "<busconfig>\n"
           "  <type>session</type>\n"
           "  <listen>unix:dir=%s</listen>\n"
           "  <auth>EXTERNAL</auth>\n"
           "  <servicedir>%s</servicedir>\n"
           "  <policy context=\"default\">\n"
           "    <allow send_destination=\"*\" eavesdrop=\"true\"/>\n"
           "    <allow eavesdrop=\"true\"/>\n"
           "    <allow own=\"*\"/>\n"
           "  </policy>\n"
           "</busconfig>\n", runtime, services);
  if (fclose (out) != 0)
    die (config);

  if (pipe2 (fds, O_CLOEXEC) != 0)
    die ("pipe");
  snprintf (config_arg, sizeof config_arg, "--config-file=%s", config);
  bus_pid = fork ();
  if (bus_pid < 0)
    die ("fork");
  if (bus_pid == 0)
    {
      /* The bus goes with the test, however the test ends. */
      prctl (PR_SET_PDEATHSIG, SIGTERM);
      if (getppid () != parent)
        _exit (0);
      /* Standard output is the test's TAP stream: what the bus or the
       * services it starts print goes to standard error. */
      if (fds[1] == 3)
        fcntl (3, F_SETFD, 0);
      else if (dup2 (fds[1], 3) < 0)
        _exit (127);
      if (dup2 (STDERR_FILENO, STDOUT_FILENO) < 0)
        _exit (127);
      execlp ("dbus-daemon", "dbus-daemon", "--nofork", "--print-address=3", config_arg, (char *) NULL);
      _exit (127);
    }
  close (fds[1]);
  while (len < sizeof address - 1)
    {
      ssize_t n = read (fds[0], address + len, sizeof address - 1 - len);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        break;
      len += n;
      if (memchr (address, '\n', len) != NULL)
        break;
    }
  close (fds[0]);
  address[len] = '\0';
  address[strcspn (address, "\n")] = '\0';

  if (address[0] == '\0')
    {
      int status;

      fprintf (stderr, "test-isolate: no dbus-daemon could start; the tests run without a session bus\n");
      waitpid (bus_pid, &status, 0);
      bus_pid = 0;
      snprintf (address, sizeof address, "unix:path=%s/no-bus", runtime);
    }
  setenv ("DBUS_SESSION_BUS_ADDRESS", address, 1);
}

/* Whether process @pid carries this test's root in its environment: it
 * was started, directly or not, by this test. */
static int
is_ours (const char *pid,
         const char *marker,
         size_t      marker_len)
{
  char path[64];
  char buf[65536];
  size_t len = 0;
  ssize_t n;
  int fd;

  snprintf (path, sizeof path, "/proc/%s/environ", pid);
  fd = open (path, O_RDONLY | O_CLOEXEC);
  if (fd < 0)
    return 0;
  while (len < sizeof buf && (n = read (fd, buf + len, sizeof buf - len)) > 0)
    len += n;
  close (fd);
  for (size_t i = 0; i + marker_len <= len; i += strnlen (buf + i, len - i) + 1)
    if (memcmp (buf + i, marker, marker_len) == 0)
      return 1;
  return 0;
}

/* Signals every process but this one that carries the test's root;
 * returns how many there were. */
static int
signal_ours (int signal_number)
{
  char marker[PATH_MAX + 32];
  size_t marker_len = snprintf (marker, sizeof marker, "%s=%s", ROOT_VARIABLE, root) + 1;
  DIR *proc = opendir ("/proc");
  struct dirent *entry;
  int found = 0;

  if (proc == NULL)
    return 0;
  while ((entry = readdir (proc)) != NULL)
    {
      pid_t pid = (pid_t) strtol (entry->d_name, NULL, 10);

      if (pid <= 0 || pid == getpid () || !is_ours (entry->d_name, marker, marker_len))
        continue;
      kill (pid, signal_number);
      found++;
    }
  closedir (proc);
  return found;
}

/* However the test ends (an assertion's abort, a crash, a timeout's
 * SIGKILL), what it started goes, and so do its folders: a process of its
 * own waits for it to end, then stops every process that carries its root
 * (a hub the application left running, a demo, a bus) and removes the
 * root.  Without it, a hub left by a failed test kept meson waiting for
 * the test's output to close until the timeout. */
static void
start_reaper (void)
{
  int fds[2];
  pid_t pid;
  char byte;

  if (pipe2 (fds, O_CLOEXEC) != 0)
    die ("pipe");
  pid = fork ();
  if (pid < 0)
    die ("fork");
  if (pid > 0)
    {
      close (fds[0]);
      return;
    }

  /* Out of the test's process group (a timeout kills the group) and off
   * its output (meson waits for it to close). */
  setsid ();
  close (fds[1]);
  for (int fd = 0; fd <= 2; fd++)
    {
      int null = open ("/dev/null", O_RDWR);

      if (null >= 0 && null != fd)
        {
          dup2 (null, fd);
          close (null);
        }
    }
  while (read (fds[0], &byte, 1) < 0 && errno == EINTR)
    ;
  /* The test has ended: its end of the pipe closed with it. */
  if (signal_ours (SIGTERM) > 0)
    {
      struct timespec tick = { 0, 100 * 1000 * 1000 };

      for (int i = 0; i < 30 && signal_ours (0) > 0; i++)
        nanosleep (&tick, NULL);
      signal_ours (SIGKILL);
    }
  nftw (root, make_writable, 16, FTW_PHYS);
  nftw (root, remove_one, 16, FTW_PHYS | FTW_DEPTH);
  _exit (0);
}

__attribute__ ((constructor (101)))
static void
isolate (void)
{
  const char *inherited = getenv (ROOT_VARIABLE);
  const char *home = getenv ("HOME");
  const char *tmp = getenv ("TMPDIR");
  char path[PATH_MAX];

  /* A test program started by one that is isolated already: the same
   * folders, kept by the one that made them. */
  if (inherited != NULL && home != NULL &&
      snprintf (path, sizeof path, "%s/home", inherited) < (int) sizeof path &&
      strcmp (path, home) == 0)
    return;

  if (tmp == NULL || tmp[0] != '/')
    tmp = "/tmp";
  if ((size_t) snprintf (root, sizeof root, "%s/vitrine-test-XXXXXX", tmp) >= sizeof root ||
      mkdtemp (root) == NULL)
    die ("mkdtemp");
  owner = getpid ();
  atexit (finish);

  for (size_t i = 0; i < sizeof folders / sizeof folders[0]; i++)
    {
      path_in_root (path, folders[i].folder);
      if (mkdir (path, 0700) != 0)
        die (path);
      setenv (folders[i].variable, path, 1);
    }
  for (size_t i = 0; i < sizeof forgotten / sizeof forgotten[0]; i++)
    unsetenv (forgotten[i]);
  setenv (ROOT_VARIABLE, root, 1);

  start_reaper ();
  start_bus ();
}
