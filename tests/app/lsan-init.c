/* lsan-init.c — tell LeakSanitizer about the libraries' start-up memory
 *
 * GLib allocates its quark table in a constructor and, by design, drops the
 * old table whenever it grows (a lock-free lookup needs it to stay valid);
 * WebKit and GtkSourceView make the table grow past its first block.  The
 * frames under that allocation have no frame pointers, so no suppression
 * can name it.  Allocations made while shared libraries start up are
 * therefore not counted as leaks: LeakSanitizer is off from the
 * executable's pre-initialisation until its own constructors run, which is
 * after every library's.
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#if defined(__SANITIZE_ADDRESS__)

#include <sanitizer/lsan_interface.h>

static void
lsan_off (int    argc,
          char **argv,
          char **envp)
{
  __lsan_disable ();
}

__attribute__ ((section (".preinit_array"), used))
static void (*lsan_off_at_preinit) (int, char **, char **) = lsan_off;

__attribute__ ((constructor))
static void
lsan_on (void)
{
  __lsan_enable ();
}

#endif
