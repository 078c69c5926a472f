/* test-run-isolated.c — runs a test that is not a C program (a script, a
 * validator, Node.js) as isolated as the C tests are
 *
 *   test-run-isolated PROGRAM [ARGUMENT...]
 *
 * test-isolate.c, linked in here too, has given this process its private
 * folders and bus before main(); PROGRAM inherits them, and they go when
 * it has ended.  Exits with PROGRAM's status (128 + the signal that ended
 * it).
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

int
main (int   argc,
      char *argv[])
{
  pid_t pid;
  int status;

  if (argc < 2)
    {
      fprintf (stderr, "usage: test-run-isolated PROGRAM [ARGUMENT...]\n");
      return 2;
    }

  pid = fork ();
  if (pid < 0)
    {
      perror ("test-run-isolated: fork");
      return 99;
    }
  if (pid == 0)
    {
      execvp (argv[1], argv + 1);
      fprintf (stderr, "test-run-isolated: %s: %s\n", argv[1], strerror (errno));
      _exit (127);
    }

  while (waitpid (pid, &status, 0) < 0)
    if (errno != EINTR)
      {
        perror ("test-run-isolated: waitpid");
        return 99;
      }
  if (WIFSIGNALED (status))
    return 128 + WTERMSIG (status);
  return WEXITSTATUS (status);
}
