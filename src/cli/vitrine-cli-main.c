/* vitrine-cli-main.c — the repo service layer on the command line
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <glib/gi18n.h>

#include "vitrine-error.h"
#include "vitrine-repo-id.h"

static int
check_id (const char *repo_id)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *ns = NULL;
  g_autofree char *name = NULL;

  if (!vitrine_repo_id_parse (repo_id, &ns, &name, &error))
    {
      g_printerr ("vitrine-cli: %s\n", error->message);
      return 1;
    }
  g_print ("%s/%s\n", ns, name);
  return 0;
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (argc == 2 && g_strcmp0 (argv[1], "--version") == 0)
    {
      g_print ("vitrine-cli %s\n", PACKAGE_VERSION);
      return 0;
    }
  if (argc == 3 && g_strcmp0 (argv[1], "check-id") == 0)
    return check_id (argv[2]);

  g_printerr ("%s\n  vitrine-cli --version\n  vitrine-cli check-id OWNER/NAME\n", _("Usage:"));
  return 2;
}
