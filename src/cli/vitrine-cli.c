/* vitrine-cli.c — `vitrine-cli`: its options, its command table, its help
 *
 * Each command is one row of a table: its name, its arguments, a one-line
 * summary, the options it reads and the function that runs it.  The help,
 * the check of the arguments and the reading of a repository argument
 * (`NS/NAME`, or the Hub's `datasets/NS/NAME` and `spaces/NS/NAME`) are
 * done here from that table, once for every command.
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "vitrine-cli.h"
#include "vitrine-cli-private.h"
#include "vitrine-credentials.h"
#include "vitrine-error.h"
#include "vitrine-error-describe.h"

typedef struct
{
  /* One word, or a word and a subcommand ("card new"). */
  const char            *name;
  /* The arguments, in order; their number is checked before @run. */
  const char            *args;
  const char            *summary;
  /* Long names of the options it reads, besides --endpoint and --token. */
  const char            *options;
  VitrineCliCommandFunc  run;
  /* Talks to a hub: reads --endpoint and --token. */
  gboolean               uses_hub;
  /* One of @args is REPO: it reads --type too, and takes the Hub's
   * `datasets/NS/NAME` and `spaces/NS/NAME`. */
  gboolean               takes_repo;
} Command;

static const Command commands[] = {
  { "login", "", N_("Check a token and keep it for this hub"),
    "", _vitrine_cli_login, TRUE, FALSE },
  { "whoami", "", N_("Say whom the token belongs to"),
    "", _vitrine_cli_whoami, TRUE, FALSE },
  { "create", "REPO", N_("Create a repository"),
    "sdk private", _vitrine_cli_create, TRUE, TRUE },
  { "upload", "DIR REPO", N_("Publish a folder to a repository, sending only what changed"),
    "message include exclude include-secret branch pr private keep-remote replace-card parallel sdk",
    _vitrine_cli_upload, TRUE, TRUE },
  { "download", "REPO", N_("Download a repository into the Hub cache or a folder"),
    "revision to", _vitrine_cli_download, TRUE, TRUE },
  { "log", "REPO", N_("List the commits of a branch, with their tags and branches"),
    "revision", _vitrine_cli_log, TRUE, TRUE },
  { "diff", "REPO A B", N_("List the files that differ between two versions"),
    "stat", _vitrine_cli_diff, TRUE, TRUE },
  { "restore", "REPO REVISION", N_("Make the files of a branch those of an older version again"),
    "message branch", _vitrine_cli_restore, TRUE, TRUE },
  { "refs", "REPO", N_("List the branches and tags"),
    "", _vitrine_cli_refs, TRUE, TRUE },
  { "tag", "REPO NAME", N_("Tag a revision"),
    "revision message", _vitrine_cli_tag, TRUE, TRUE },
  { "branch", "REPO NAME", N_("Create a branch"),
    "from", _vitrine_cli_branch, TRUE, TRUE },
  { "delete", "REPO", N_("Delete a repository"),
    "", _vitrine_cli_delete, TRUE, TRUE },
  { "card validate", "FILE", N_("Check a model card against the Hub’s rules"),
    "type endpoint", _vitrine_cli_card_validate, FALSE, FALSE },
  { "card new", "", N_("Write a new model card to standard output"),
    "license language from-folder", _vitrine_cli_card_new, FALSE, FALSE },
  { "check-id", "REPO_ID", N_("Check that a repository id is well formed"),
    "", _vitrine_cli_check_id, FALSE, FALSE },
  { "space run", "SPACE_OR_FOLDER", N_("Run a Space, or a Space’s folder, on this computer until Ctrl+C"),
    "port revision share-token system-spaces python watch", _vitrine_cli_space_run, TRUE, FALSE },
};

/* The widest command name, for the columns of the help. */
#define NAME_WIDTH 15
#define OPTION_WIDTH 28
#define LINE_WIDTH 79

static void
options_clear (VitrineCliOptions *o)
{
  g_free (o->endpoint);
  if (o->token != NULL)
    memset (o->token, 0, strlen (o->token));
  g_free (o->token);
  g_free (o->type_s);
  g_free (o->revision);
  g_free (o->message);
  g_free (o->branch);
  g_free (o->sdk);
  g_free (o->to);
  g_free (o->from);
  g_strfreev (o->includes);
  g_strfreev (o->excludes);
  g_strfreev (o->include_secrets);
  g_free (o->license);
  g_strfreev (o->languages);
  g_free (o->from_folder);
  g_free (o->python);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (VitrineCliOptions, options_clear)

/* Every option of every command, pointing into @o; ends with an empty
 * entry. */
static GOptionEntry *
option_entries (VitrineCliOptions *o)
{
  const GOptionEntry entries[] = {
    { "endpoint", 0, 0, G_OPTION_ARG_STRING, &o->endpoint, N_("The hub to talk to (default: HF_ENDPOINT, else this computer’s hub)"), N_("URL") },
    { "token", 0, 0, G_OPTION_ARG_STRING, &o->token, N_("An access token (default: HF_TOKEN, else the stored one)"), N_("TOKEN") },
    { "type", 0, 0, G_OPTION_ARG_STRING, &o->type_s, N_("model, dataset or space"), N_("TYPE") },
    { "revision", 'r', 0, G_OPTION_ARG_STRING, &o->revision, N_("A branch, tag or commit"), N_("REVISION") },
    { "message", 'm', 0, G_OPTION_ARG_STRING, &o->message, N_("The commit or tag message"), N_("MESSAGE") },
    { "branch", 'b', 0, G_OPTION_ARG_STRING, &o->branch, N_("The branch to commit to (default main)"), N_("BRANCH") },
    { "sdk", 0, 0, G_OPTION_ARG_STRING, &o->sdk, N_("A Space’s SDK: gradio, docker, static or streamlit"), N_("SDK") },
    { "to", 0, 0, G_OPTION_ARG_FILENAME, &o->to, N_("Download into this folder instead of the Hub cache"), N_("DIR") },
    { "from", 0, 0, G_OPTION_ARG_STRING, &o->from, N_("Where a new branch starts"), N_("REVISION") },
    { "include", 0, 0, G_OPTION_ARG_STRING_ARRAY, &o->includes, N_("Publish only files matching this pattern"), N_("PATTERN") },
    { "exclude", 0, 0, G_OPTION_ARG_STRING_ARRAY, &o->excludes, N_("Leave out files matching this pattern"), N_("PATTERN") },
    { "include-secret", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &o->include_secrets, N_("Publish this file although it looks like a secret (a path in the folder)"), N_("PATH") },
    { "private", 0, 0, G_OPTION_ARG_NONE, &o->private_, N_("Make a new repository private"), NULL },
    { "license", 0, 0, G_OPTION_ARG_STRING, &o->license, N_("A new card’s license id"), N_("LICENSE") },
    { "language", 0, 0, G_OPTION_ARG_STRING_ARRAY, &o->languages, N_("A new card’s language code"), N_("CODE") },
    { "from-folder", 0, 0, G_OPTION_ARG_FILENAME, &o->from_folder, N_("Fill a new card from this model folder"), N_("DIR") },
    { "pr", 0, 0, G_OPTION_ARG_NONE, &o->pr, N_("Open a pull request instead of committing to the branch"), NULL },
    { "keep-remote", 0, 0, G_OPTION_ARG_NONE, &o->keep_remote, N_("Keep files on the server that the folder no longer has"), NULL },
    { "replace-card", 0, 0, G_OPTION_ARG_NONE, &o->replace_card, N_("Replace the model card even if it was changed on the Hub since it was last published from here"), NULL },
    { "stat", 0, 0, G_OPTION_ARG_NONE, &o->stat, N_("Add each file’s size before and after"), NULL },
    { "parallel", 0, 0, G_OPTION_ARG_INT, &o->parallel, N_("Uploads at the same time (default 4)"), N_("N") },
    { "port", 0, 0, G_OPTION_ARG_INT, &o->port, N_("The loopback port to serve on (default: a free one)"), N_("PORT") },
    { "share-token", 0, 0, G_OPTION_ARG_NONE, &o->share_token, N_("Give the Space the token, as HF_TOKEN"), NULL },
    { "system-spaces", 0, 0, G_OPTION_ARG_NONE, &o->system_spaces, N_("Set SYSTEM=spaces, as the Hub does"), NULL },
    { "python", 0, 0, G_OPTION_ARG_FILENAME, &o->python, N_("The Python interpreter that makes the Space’s environment"), N_("PROGRAM") },
    { "watch", 0, 0, G_OPTION_ARG_NONE, &o->watch, N_("Restart or reload when the folder’s files change"), NULL },
    { "help", 'h', 0, G_OPTION_ARG_NONE, &o->help, N_("Show the commands, or what a command takes"), NULL },
    { NULL }
  };

  return g_memdup2 (entries, sizeof entries);
}

static const GOptionEntry *
find_entry (const GOptionEntry *entries,
            const char         *long_name)
{
  for (guint i = 0; entries[i].long_name != NULL; i++)
    if (g_str_equal (entries[i].long_name, long_name))
      return &entries[i];
  g_assert_not_reached ();
  return NULL;
}

/* The options @command reads, in the order its help lists them. */
static GStrv
command_options (const Command *command)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) own = g_strsplit (command->options, " ", -1);

  for (guint i = 0; own[i] != NULL; i++)
    if (*own[i] != '\0')
      g_strv_builder_add (builder, own[i]);
  if (command->takes_repo)
    g_strv_builder_add (builder, "type");
  if (command->uses_hub)
    {
      g_strv_builder_add (builder, "endpoint");
      g_strv_builder_add (builder, "token");
    }
  return g_strv_builder_end (builder);
}

/* `[-m MESSAGE]`, `[--pr]`, `[--type model|dataset|space]` */
static char *
option_synopsis (const GOptionEntry *entry)
{
  if (g_str_equal (entry->long_name, "type"))
    return g_strdup ("[--type model|dataset|space]");
  if (entry->arg_description == NULL)
    return g_strdup_printf ("[--%s]", entry->long_name);
  if (entry->short_name != 0)
    return g_strdup_printf ("[-%c %s]", entry->short_name, _(entry->arg_description));
  return g_strdup_printf ("[--%s %s]", entry->long_name, _(entry->arg_description));
}

/* "  vitrine-cli upload DIR REPO [-m MESSAGE] …", wrapped under its
 * arguments. */
static void
append_synopsis (GString            *out,
                 const Command      *command,
                 const GOptionEntry *entries)
{
  g_auto(GStrv) names = command_options (command);
  g_autofree char *lead = g_strdup_printf ("  vitrine-cli %s", command->name);
  gsize indent = strlen (lead) + 1;
  gsize column;

  g_string_append (out, lead);
  column = strlen (lead);
  if (*command->args != '\0')
    {
      g_string_append_printf (out, " %s", command->args);
      column += 1 + strlen (command->args);
    }
  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autofree char *item = NULL;

      if (g_str_equal (names[i], "endpoint") || g_str_equal (names[i], "token"))
        continue;
      item = option_synopsis (find_entry (entries, names[i]));
      if (column + 1 + strlen (item) > LINE_WIDTH)
        {
          g_string_append_printf (out, "\n%*s", (int) indent - 1, "");
          column = indent - 1;
        }
      g_string_append_printf (out, " %s", item);
      column += 1 + strlen (item);
    }
  g_string_append_c (out, '\n');
}

static void
append_option (GString            *out,
               const GOptionEntry *entry)
{
  g_autoptr(GString) left = g_string_new ("  ");

  if (entry->short_name != 0)
    g_string_append_printf (left, "-%c, ", entry->short_name);
  g_string_append_printf (left, "--%s", entry->long_name);
  if (entry->arg_description != NULL)
    g_string_append_printf (left, " %s", _(entry->arg_description));
  if (left->len < OPTION_WIDTH)
    g_string_append_printf (out, "%-*s%s\n", OPTION_WIDTH, left->str, _(entry->description));
  else
    g_string_append_printf (out, "%s\n%*s%s\n", left->str, OPTION_WIDTH, "", _(entry->description));
}

/* Whether @command is @word, or a subcommand of it. */
static gboolean
command_in_group (const Command *command,
                  const char    *word)
{
  gsize len = strlen (word);

  return strncmp (command->name, word, len) == 0 &&
         (command->name[len] == '\0' || command->name[len] == ' ');
}

/* The help of every command of @group ("card": both subcommands). */
static char *
command_help (const char         *group,
              const GOptionEntry *entries)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GPtrArray) listed = g_ptr_array_new ();
  gboolean repo = FALSE;

  g_string_append_printf (out, "%s\n", _("Usage:"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (command_in_group (&commands[i], group))
      {
        append_synopsis (out, &commands[i], entries);
        repo |= commands[i].takes_repo;
      }

  g_string_append_c (out, '\n');
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (command_in_group (&commands[i], group))
      {
        if (strchr (commands[i].name, ' ') != NULL)
          g_string_append_printf (out, "%s: ", commands[i].name);
        g_string_append_printf (out, "%s.\n", _(commands[i].summary));
      }
  if (repo)
    g_string_append_printf (out, "\n%s\n",
                            _("REPO is NAMESPACE/NAME; as in the Hub’s addresses, datasets/NAMESPACE/NAME\n"
                              "names a dataset and spaces/NAMESPACE/NAME a Space."));

  g_string_append_printf (out, "\n%s\n", _("Options:"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_auto(GStrv) names = NULL;

      if (!command_in_group (&commands[i], group))
        continue;
      names = command_options (&commands[i]);
      for (guint j = 0; names[j] != NULL; j++)
        {
          const GOptionEntry *entry = find_entry (entries, names[j]);

          if (g_ptr_array_find (listed, entry, NULL))
            continue;
          g_ptr_array_add (listed, (gpointer) entry);
          append_option (out, entry);
        }
    }
  append_option (out, find_entry (entries, "help"));
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static char *
main_help (const GOptionEntry *entries)
{
  g_autoptr(GString) out = g_string_new (NULL);

  g_string_append_printf (out, "%s\n  vitrine-cli [--endpoint URL] [--token TOKEN] %s\n\n%s\n",
                          _("Usage:"), _("COMMAND [ARGUMENT…]"), _("Commands:"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    g_string_append_printf (out, "  %-*s%s\n", NAME_WIDTH, commands[i].name, _(commands[i].summary));

  g_string_append_printf (out, "\n%s\n", _("Options:"));
  append_option (out, find_entry (entries, "endpoint"));
  append_option (out, find_entry (entries, "token"));
  append_option (out, find_entry (entries, "help"));
  g_string_append_printf (out, "  %-*s%s\n", OPTION_WIDTH - 2, "--version", _("Show the version"));
  g_string_append_printf (out, "\n%s\n", _("“vitrine-cli COMMAND --help” says what a command takes."));
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* Says what went wrong and what to do, without any secret. */
int
_vitrine_cli_fail (const GError *error,
                   const char   *what)
{
  g_autofree char *message = vitrine_credentials_scrub (error->message);
  const char *hint = NULL;

  if (error->domain == VITRINE_ERROR)
    switch ((VitrineErrorCode) error->code)
      {
      case VITRINE_ERROR_UNAUTHORIZED:
        hint = _("Sign in with “vitrine-cli login”, or set HF_TOKEN.");
        break;
      case VITRINE_ERROR_FORBIDDEN:
        hint = _("Your token cannot do this here: use a token with the write role, on a repository you may write to.");
        break;
      case VITRINE_ERROR_REPO_NOT_FOUND:
        hint = _("Check the repository’s name and your token, or create it with “vitrine-cli create”.");
        break;
      case VITRINE_ERROR_REVISION_NOT_FOUND:
        hint = _("See the branches and tags with “vitrine-cli refs”.");
        break;
      case VITRINE_ERROR_CONFLICT:
        hint = _("The name is taken: choose another one.");
        break;
      case VITRINE_ERROR_CARD_CHANGED:
        hint = _("Open the folder in Vitrine, use Compare With the Hub… to merge the two cards and save, then publish again.");
        break;
      case VITRINE_ERROR_PRECONDITION_FAILED:
        hint = _("Someone else changed the repository: run the command again.");
        break;
      case VITRINE_ERROR_RATE_LIMITED:
        hint = _("Wait a little, then try again.");
        break;
      case VITRINE_ERROR_FAILED:
      case VITRINE_ERROR_INVALID_ARGUMENT:
      case VITRINE_ERROR_INVALID_PATH:
      case VITRINE_ERROR_INVALID_REPO_ID:
      case VITRINE_ERROR_NOT_FOUND:
      case VITRINE_ERROR_ENTRY_NOT_FOUND:
      case VITRINE_ERROR_GATED:
      case VITRINE_ERROR_TOO_LARGE:
      case VITRINE_ERROR_SERVER:
      case VITRINE_ERROR_PROTOCOL:
      default:
        break;
      }
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_printerr ("vitrine-cli: %s\n", _("Stopped. Run the same command again to go on where it stopped."));
      return 130;
    }
  else if (error->domain == G_IO_ERROR && error->code == G_IO_ERROR_CONNECTION_REFUSED)
    hint = _("Check the address and your network; for this computer’s hub, start Vitrine.");

  if (what != NULL)
    g_printerr ("vitrine-cli: %s: %s\n", what, message);
  else
    g_printerr ("vitrine-cli: %s\n", message);
  if (hint != NULL)
    g_printerr ("  %s\n", hint);
  return 1;
}

/* A publish that failed: what happened, the server's words, what to do. */
int
_vitrine_cli_fail_publish (const GError *error)
{
  g_autofree char *message = NULL;
  g_autofree char *title = NULL;
  g_autofree char *hint = NULL;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return _vitrine_cli_fail (error, NULL);
  message = vitrine_credentials_scrub (error->message);
  vitrine_error_describe_for_publish (error, &title, &hint);
  g_printerr ("vitrine-cli: %s: %s\n", title, message);
  g_printerr ("  %s\n", hint);
  return 1;
}

VitrineClient *
_vitrine_cli_make_client (VitrineCliOptions  *o,
                          GError            **error)
{
  g_autofree char *endpoint = NULL;
  g_autofree char *token = NULL;

  if (!vitrine_credentials_resolve (o->endpoint, o->token, &endpoint, &token))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                           _("No hub to talk to: give --endpoint URL (or set HF_ENDPOINT), or start Vitrine, which runs this computer’s hub."));
      return NULL;
    }
  return vitrine_client_new (endpoint, token);
}

/* Turns the Hub's `datasets/NS/NAME` and `spaces/NS/NAME` into NS/NAME and
 * a type, which must agree with --type when it is given.  Anything else is
 * left as it is, for the client to check. */
static gboolean
resolve_repo (VitrineCliOptions  *o,
              char              **arg,
              GError            **error)
{
  static const struct {
    const char      *prefix;
    VitrineRepoType  type;
  } prefixes[] = {
    { "datasets/", VITRINE_REPO_TYPE_DATASET },
    { "spaces/", VITRINE_REPO_TYPE_SPACE },
  };
  const char *id = *arg;

  for (guint i = 0; i < G_N_ELEMENTS (prefixes); i++)
    {
      const char *rest;

      if (!g_str_has_prefix (id, prefixes[i].prefix))
        continue;
      rest = id + strlen (prefixes[i].prefix);
      /* `datasets/NAME` is the model NAME of the user `datasets`. */
      if (strchr (rest, '/') == NULL)
        return TRUE;
      if (o->type_s != NULL && o->type != prefixes[i].type)
        {
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                       prefixes[i].type == VITRINE_REPO_TYPE_DATASET
                       ? _("“%s” names a dataset, but --type says “%s”: give one or the other.")
                       : _("“%s” names a Space, but --type says “%s”: give one or the other."),
                       id, o->type_s);
          return FALSE;
        }
      o->type = prefixes[i].type;
      *arg = (char *) rest;
      return TRUE;
    }
  return TRUE;
}

/* The row of the table that @argv (the command and what follows) names,
 * and how many words its name took. */
static const Command *
find_command (int     argc,
              char  **argv,
              int    *words)
{
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_auto(GStrv) name = g_strsplit (commands[i].name, " ", -1);
      int n = g_strv_length (name);
      gboolean match = argc >= n;

      for (int j = 0; j < n && match; j++)
        match = g_str_equal (argv[j], name[j]);
      if (match)
        {
          *words = n;
          return &commands[i];
        }
    }
  return NULL;
}

static gboolean
is_group (const char *word)
{
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (command_in_group (&commands[i], word))
      return TRUE;
  return FALSE;
}

static int
count_words (const char *text)
{
  g_auto(GStrv) words = g_strsplit (text, " ", -1);
  int n = 0;

  for (guint i = 0; words[i] != NULL; i++)
    n += *words[i] != '\0';
  return n;
}

/* Which argument is REPO, or -1. */
static int
repo_index (const Command *command)
{
  g_auto(GStrv) words = g_strsplit (command->args, " ", -1);

  for (int i = 0; words[i] != NULL; i++)
    if (g_str_equal (words[i], "REPO"))
      return i;
  return -1;
}

int
vitrine_cli_run (int    argc,
                 char **argv)
{
  g_auto(VitrineCliOptions) o = { 0 };
  g_autofree GOptionEntry *entries = option_entries (&o);
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *help = NULL;
  const Command *command;
  int words = 0;
  int repo;

  if (argc == 2 && g_strcmp0 (argv[1], "--version") == 0)
    {
      g_print ("vitrine-cli %s\n", PACKAGE_VERSION);
      return 0;
    }

  /* --help is ours: it knows the command it follows. */
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_help_enabled (context, FALSE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("vitrine-cli: %s\n", error->message);
      return 2;
    }
  if (o.type_s != NULL && !vitrine_repo_type_from_string (o.type_s, &o.type))
    {
      g_printerr ("vitrine-cli: ");
      g_printerr (_("--type is model, dataset or space, not “%s”."), o.type_s);
      g_printerr ("\n");
      return 2;
    }

  if (argc < 2)
    {
      help = main_help (entries);
      if (o.help)
        {
          g_print ("%s", help);
          return 0;
        }
      g_printerr ("%s", help);
      return 2;
    }

  command = find_command (argc - 1, argv + 1, &words);
  if (command == NULL)
    {
      if (is_group (argv[1]))
        {
          /* `card` alone: the usage of each of its subcommands. */
          help = command_help (argv[1], entries);
          if (o.help)
            {
              g_print ("%s", help);
              return 0;
            }
          g_printerr ("%s", help);
          return 2;
        }
      help = main_help (entries);
      g_printerr ("vitrine-cli: ");
      g_printerr (_("“%s” is not a command."), argv[1]);
      g_printerr ("\n\n%s", help);
      return 2;
    }

  help = command_help (command->name, entries);
  if (o.help)
    {
      g_print ("%s", help);
      return 0;
    }
  if (argc - 1 - words != count_words (command->args))
    {
      g_printerr ("%s", help);
      return 2;
    }

  repo = repo_index (command);
  g_assert ((repo >= 0) == command->takes_repo);
  if (repo >= 0 && !resolve_repo (&o, &argv[1 + words + repo], &error))
    {
      g_printerr ("vitrine-cli: %s\n", error->message);
      return 2;
    }
  return command->run (&o, argv + 1 + words);
}
