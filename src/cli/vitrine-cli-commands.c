/* vitrine-cli-commands.c — what each `vitrine-cli` command does
 *
 * The command table in vitrine-cli.c has checked the arguments and turned
 * a repository argument into NAMESPACE/NAME and a type before these run.
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>
#include <glib/gi18n.h>
#include <glib-unix.h>
#include <json-glib/json-glib.h>

#include "vitrine-cli-private.h"
#include "vitrine-card-rules.h"
#include "vitrine-card-template.h"
#include "vitrine-credentials.h"
#include "vitrine-discovery.h"
#include "vitrine-publish.h"

static char *
human_size (guint64 bytes)
{
  return g_format_size (bytes);
}

/* ---- upload ----------------------------------------------------------- */

typedef struct
{
  gboolean  tty;
  int       last_phase;
  GMainLoop *loop;
  gboolean   ok;
  GError    *error;
  VitrinePublishResult result;
} Upload;

static const char *
phase_name (VitrinePublishPhase phase)
{
  switch (phase)
    {
    case VITRINE_PUBLISH_PHASE_SCANNING:
      return _("Looking at the folder");
    case VITRINE_PUBLISH_PHASE_HASHING:
      return _("Checking files");
    case VITRINE_PUBLISH_PHASE_UPLOADING:
      return _("Uploading large files");
    case VITRINE_PUBLISH_PHASE_COMMITTING:
      return _("Committing");
    case VITRINE_PUBLISH_PHASE_DONE:
    default:
      return _("Done");
    }
}

/* The publisher's progress object changed (on this thread's main loop). */
static void
upload_progress_cb (VitrinePublishProgress *progress,
                    GParamSpec             *pspec,
                    gpointer                user_data)
{
  Upload *up = user_data;
  VitrinePublishPhase phase = vitrine_publish_progress_get_phase (progress);
  guint64 bytes_done = vitrine_publish_progress_get_bytes_done (progress);
  guint64 bytes_total = vitrine_publish_progress_get_bytes_total (progress);
  guint files_total = vitrine_publish_progress_get_files_total (progress);
  double seconds_left = vitrine_publish_progress_get_seconds_left (progress);

  if (up->tty)
    {
      double fraction = bytes_total > 0 ? (double) bytes_done / bytes_total : 0;
      int filled = (int) (fraction * 30);
      g_autofree char *done = human_size (bytes_done);
      g_autofree char *total = human_size (bytes_total);
      g_autofree char *rate = human_size ((guint64) vitrine_publish_progress_get_bytes_per_second (progress));
      char bar[31];

      for (int i = 0; i < 30; i++)
        bar[i] = i < filled ? '#' : '.';
      bar[30] = '\0';
      if (phase == VITRINE_PUBLISH_PHASE_DONE)
        g_printerr ("\r\033[K");
      else if (seconds_left >= 0)
        {
          int left = (int) (seconds_left + 0.5);
          g_autofree char *eta = g_strdup_printf (ngettext ("%d second left", "%d seconds left", left), left);

          g_printerr ("\r\033[K%-22s [%s] %3d%%  %s / %s  %s/s  %s", phase_name (phase), bar,
                      (int) (fraction * 100), done, total, rate, eta);
        }
      else
        g_printerr ("\r\033[K%-22s [%s] %3d%%  %s / %s", phase_name (phase), bar,
                    (int) (fraction * 100), done, total);
    }
  else if ((int) phase != up->last_phase)
    {
      g_autofree char *total = human_size (bytes_total);

      if (phase == VITRINE_PUBLISH_PHASE_DONE)
        ;
      else if (files_total > 0)
        {
          g_autofree char *files = g_strdup_printf (ngettext ("%u file", "%u files", files_total),
                                                    files_total);
          g_printerr ("%s: %s, %s\n", phase_name (phase), files, total);
        }
      else
        g_printerr ("%s\n", phase_name (phase));
    }
  up->last_phase = phase;
}

static void
upload_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  Upload *up = user_data;

  up->ok = vitrine_publisher_run_finish (VITRINE_PUBLISHER (source), result, &up->result, &up->error);
  g_main_loop_quit (up->loop);
}

static gboolean
interrupt_cb (gpointer user_data)
{
  g_cancellable_cancel (user_data);
  return G_SOURCE_CONTINUE;
}

int
_vitrine_cli_upload (VitrineCliOptions  *o,
                     char              **args)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VitrineClient) client = NULL;
  g_autoptr(VitrinePublisher) publisher = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  Upload up = { 0 };
  guint sigint, sigterm;

  client = _vitrine_cli_make_client (o, &error);
  if (client == NULL)
    return _vitrine_cli_fail (error, NULL);

  publisher = vitrine_publisher_new (client, o->type, args[1], args[0]);
  vitrine_publisher_set_branch (publisher, o->branch);
  vitrine_publisher_set_message (publisher, o->message, NULL);
  vitrine_publisher_set_create_pr (publisher, o->pr);
  vitrine_publisher_set_private (publisher, o->private_);
  vitrine_publisher_set_sdk (publisher, o->sdk);
  vitrine_publisher_set_delete_remote (publisher, !o->keep_remote);
  vitrine_publisher_set_replace_card (publisher, o->replace_card);
  if (o->parallel > 0)
    vitrine_publisher_set_parallel (publisher, o->parallel);
  for (guint i = 0; o->includes != NULL && o->includes[i] != NULL; i++)
    vitrine_publisher_add_include (publisher, o->includes[i]);
  for (guint i = 0; o->excludes != NULL && o->excludes[i] != NULL; i++)
    vitrine_publisher_add_exclude (publisher, o->excludes[i]);
  for (guint i = 0; o->include_secrets != NULL && o->include_secrets[i] != NULL; i++)
    {
      g_autofree char *path = g_strdup (o->include_secrets[i]);

      /* A path in the folder, as the user may write it: ./.env, keys//id_rsa */
      g_strdelimit (path, "\\", '/');
      while (g_str_has_prefix (path, "./"))
        memmove (path, path + 2, strlen (path + 2) + 1);
      vitrine_publisher_include_secret (publisher, path);
    }

  up.tty = isatty (STDERR_FILENO);
  up.last_phase = -1;
  up.loop = loop;
  g_signal_connect (vitrine_publisher_get_progress (publisher), "notify",
                    G_CALLBACK (upload_progress_cb), &up);

  sigint = g_unix_signal_add (SIGINT, interrupt_cb, cancellable);
  sigterm = g_unix_signal_add (SIGTERM, interrupt_cb, cancellable);
  vitrine_publisher_run_async (publisher, cancellable, upload_done_cb, &up);
  g_main_loop_run (loop);
  g_source_remove (sigint);
  g_source_remove (sigterm);

  if (up.tty)
    g_printerr ("\r\033[K");
  if (!up.ok)
    {
      int status = _vitrine_cli_fail_publish (up.error);
      g_clear_error (&up.error);
      return status;
    }

  if (up.result.left_out_secrets != NULL && up.result.left_out_secrets[0] != NULL)
    {
      guint n = g_strv_length (up.result.left_out_secrets);

      g_printerr (ngettext ("Left out %u file that looks like a secret:\n",
                            "Left out %u files that look like secrets:\n", n), n);
      for (guint i = 0; i < n; i++)
        g_printerr ("  %s\n", up.result.left_out_secrets[i]);
      g_printerr ("  %s\n", _("To publish one anyway, name it with --include-secret PATH."));
    }

  if (up.result.commit_id == NULL)
    g_print (ngettext ("Nothing changed: %s already has this folder (%u file).\n",
                       "Nothing changed: %s already has this folder (%u files).\n", up.result.unchanged),
             args[1], up.result.unchanged);
  else
    {
      g_autofree char *sent = human_size (up.result.bytes_uploaded);

      g_print (_("Published %s: %u added, %u changed, %u deleted, %u unchanged; %s of large files sent.\n"),
               args[1], up.result.added, up.result.changed, up.result.deleted, up.result.unchanged, sent);
      g_print ("%s\n", up.result.commit_id);
      if (up.result.pr_url != NULL)
        g_print ("%s\n", up.result.pr_url);
    }
  vitrine_publish_result_clear (&up.result);
  return 0;
}

/* ---- the other commands ----------------------------------------------- */

static char *
read_secret (const char *prompt)
{
  struct termios old, quiet;
  char buf[512];
  gboolean tty = isatty (STDIN_FILENO);

  if (tty)
    {
      g_printerr ("%s", prompt);
      tcgetattr (STDIN_FILENO, &old);
      quiet = old;
      quiet.c_lflag &= ~ECHO;
      tcsetattr (STDIN_FILENO, TCSANOW, &quiet);
    }
  if (fgets (buf, sizeof buf, stdin) == NULL)
    buf[0] = '\0';
  if (tty)
    {
      tcsetattr (STDIN_FILENO, TCSANOW, &old);
      g_printerr ("\n");
    }
  return g_strstrip (g_strdup (buf));
}

int
_vitrine_cli_login (VitrineCliOptions  *o,
                    char              **args)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VitrineClient) client = NULL;
  g_autoptr(VitrineWhoami) me = NULL;
  g_autofree char *endpoint = vitrine_credentials_resolve_endpoint (o->endpoint);
  g_autofree char *token = NULL;
  const char *where = NULL;

  if (endpoint == NULL)
    vitrine_discovery_read (&endpoint, NULL, NULL);
  if (endpoint == NULL)
    endpoint = g_strdup (VITRINE_DEFAULT_ENDPOINT);
  token = o->token != NULL ? g_strdup (o->token) : read_secret (_("Token: "));
  if (token == NULL || *token == '\0')
    {
      g_printerr ("vitrine-cli: %s\n", _("No token given."));
      return 2;
    }
  client = vitrine_client_new (endpoint, token);
  me = vitrine_client_whoami (client, NULL, &error);
  if (me == NULL)
    return _vitrine_cli_fail (error, _("The token was not accepted"));
  if (!vitrine_credentials_store_token (endpoint, token, &where, &error))
    return _vitrine_cli_fail (error, NULL);
  g_print (_("Signed in to %s as %s (token kept in %s).\n"), endpoint,
           vitrine_whoami_get_name (me), where);
  memset (token, 0, strlen (token));
  return 0;
}

int
_vitrine_cli_whoami (VitrineCliOptions  *o,
                     char              **args)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VitrineClient) client = _vitrine_cli_make_client (o, &error);
  g_autoptr(VitrineWhoami) me = NULL;
  GListModel *orgs;

  if (client == NULL)
    return _vitrine_cli_fail (error, NULL);
  me = vitrine_client_whoami (client, NULL, &error);
  if (me == NULL)
    return _vitrine_cli_fail (error, NULL);
  g_print ("%s\n", vitrine_whoami_get_name (me));
  orgs = vitrine_whoami_get_orgs (me);
  for (guint i = 0; i < g_list_model_get_n_items (orgs); i++)
    {
      g_autoptr(VitrineOrgMembership) org = g_list_model_get_item (orgs, i);
      g_print ("  %s (%s)\n", vitrine_org_membership_get_name (org), vitrine_org_membership_get_role (org));
    }
  return 0;
}

int
_vitrine_cli_create (VitrineCliOptions  *o,
                     char              **args)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VitrineClient) client = NULL;
  g_autofree char *url = NULL;

  client = _vitrine_cli_make_client (o, &error);
  if (client == NULL)
    return _vitrine_cli_fail (error, NULL);
  url = vitrine_client_create_repo (client, o->type, args[0], o->private_, o->sdk, FALSE, NULL, &error);
  if (url == NULL)
    return _vitrine_cli_fail (error, NULL);
  g_print ("%s\n", url);
  return 0;
}

int
_vitrine_cli_delete (VitrineCliOptions  *o,
                     char              **args)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VitrineClient) client = NULL;

  client = _vitrine_cli_make_client (o, &error);
  if (client == NULL || !vitrine_client_delete_repo (client, o->type, args[0], NULL, &error))
    return _vitrine_cli_fail (error, NULL);
  g_print (_("Deleted %s.\n"), args[0]);
  return 0;
}

static void
download_progress_cb (guint64  done,
                      guint64  total,
                      gpointer user_data)
{
  if (GPOINTER_TO_INT (user_data))
    {
      g_autofree char *d = human_size (done);
      g_autofree char *t = human_size (total);
      g_printerr ("\r\033[K%s / %s", d, t);
    }
}

int
_vitrine_cli_download (VitrineCliOptions  *o,
                       char              **args)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VitrineClient) client = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *cache = NULL;
  gboolean tty = isatty (STDERR_FILENO);

  client = _vitrine_cli_make_client (o, &error);
  if (client == NULL)
    return _vitrine_cli_fail (error, NULL);
  if (o->to == NULL)
    {
      const char *hub_cache = g_getenv ("HF_HUB_CACHE");
      const char *hf_home = g_getenv ("HF_HOME");

      if (hub_cache != NULL && *hub_cache != '\0')
        cache = g_strdup (hub_cache);
      else if (hf_home != NULL && *hf_home != '\0')
        cache = g_build_filename (hf_home, "hub", NULL);
      else
        cache = g_build_filename (g_get_user_cache_dir (), "huggingface", "hub", NULL);
    }
  folder = vitrine_client_download_snapshot (client, o->type, args[0], o->revision, o->to, cache,
                                             download_progress_cb, GINT_TO_POINTER (tty), NULL, &error);
  if (tty)
    g_printerr ("\r\033[K");
  if (folder == NULL)
    return _vitrine_cli_fail (error, NULL);
  g_print ("%s\n", folder);
  return 0;
}

/* What points at each commit, as git log --decorate says it: branches by
 * name, tags as "tag: NAME". */
static GHashTable *
decorations (VitrineClient      *client,
             VitrineCliOptions  *o,
             const char         *repo)
{
  g_autoptr(GHashTable) by_commit = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                           (GDestroyNotify) g_ptr_array_unref);
  g_autoptr(GListModel) refs = vitrine_client_list_refs (client, o->type, repo, FALSE, NULL, NULL);

  for (guint i = 0; refs != NULL && i < g_list_model_get_n_items (refs); i++)
    {
      g_autoptr(VitrineRef) ref = g_list_model_get_item (refs, i);
      const char *target = vitrine_ref_get_target (ref);
      GPtrArray *names;

      if (target == NULL || vitrine_ref_get_name (ref) == NULL)
        continue;
      names = g_hash_table_lookup (by_commit, target);
      if (names == NULL)
        {
          names = g_ptr_array_new_with_free_func (g_free);
          g_hash_table_insert (by_commit, g_strdup (target), names);
        }
      if (vitrine_ref_get_kind (ref) == VITRINE_REF_TAG)
        g_ptr_array_add (names, g_strdup_printf ("tag: %s", vitrine_ref_get_name (ref)));
      else
        g_ptr_array_add (names, g_strdup (vitrine_ref_get_name (ref)));
    }
  return g_steal_pointer (&by_commit);
}

int
_vitrine_cli_log (VitrineCliOptions  *o,
                  char              **args)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VitrineClient) client = NULL;
  g_autoptr(GHashTable) decorated = NULL;
  guint total = 0;

  client = _vitrine_cli_make_client (o, &error);
  if (client == NULL)
    return _vitrine_cli_fail (error, NULL);
  decorated = decorations (client, o, args[0]);
  for (guint page = 0; ; page++)
    {
      g_autoptr(GListModel) commits = vitrine_client_list_commits (client, o->type, args[0], o->revision,
                                                                   page, 100, &total, NULL, &error);
      guint n;

      if (commits == NULL)
        return _vitrine_cli_fail (error, NULL);
      n = g_list_model_get_n_items (commits);
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(VitrineCommit) commit = g_list_model_get_item (commits, i);
          GPtrArray *names = g_hash_table_lookup (decorated, vitrine_commit_get_id (commit));
          g_autofree char *refs = NULL;

          if (names != NULL)
            {
              g_ptr_array_add (names, NULL);
              refs = g_strjoinv (", ", (char **) names->pdata);
              g_ptr_array_remove_index (names, names->len - 1);
            }
          g_print ("%.12s  %s  %-12s  %s%s%s%s\n", vitrine_commit_get_id (commit),
                   vitrine_commit_get_date (commit) != NULL ? vitrine_commit_get_date (commit) : "",
                   vitrine_commit_get_author (commit) != NULL ? vitrine_commit_get_author (commit) : "",
                   vitrine_commit_get_title (commit) != NULL ? vitrine_commit_get_title (commit) : "",
                   refs != NULL ? " (" : "", refs != NULL ? refs : "", refs != NULL ? ")" : "");
        }
      if (n == 0 || (page + 1) * 100 >= total)
        break;
    }
  return 0;
}

/* A size for --stat, or "—" for a side the file is not on. */
static char *
side_size (VitrineTreeEntry *entry)
{
  return entry != NULL ? human_size (vitrine_tree_entry_get_size (entry)) : g_strdup ("—");
}

/* `diff REPO A B`: one line a file, "X\tPATH" as git diff --name-status
 * writes it; --stat adds the sizes and a summary. */
int
_vitrine_cli_diff (VitrineCliOptions  *o,
                   char              **args)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VitrineClient) client = NULL;
  g_autoptr(GListModel) changes = NULL;
  guint counts[3] = { 0, 0, 0 };
  guint n;

  client = _vitrine_cli_make_client (o, &error);
  if (client == NULL)
    return _vitrine_cli_fail (error, NULL);
  changes = vitrine_client_compare (client, o->type, args[0], args[1], args[2], NULL, &error);
  if (changes == NULL)
    return _vitrine_cli_fail (error, NULL);
  n = g_list_model_get_n_items (changes);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(VitrineFileChange) change = g_list_model_get_item (changes, i);

      counts[vitrine_file_change_get_kind (change)]++;
      if (!o->stat)
        g_print ("%c\t%s\n", vitrine_file_change_get_letter (change), vitrine_file_change_get_path (change));
      else
        {
          g_autofree char *before = side_size (vitrine_file_change_get_before (change));
          g_autofree char *after = side_size (vitrine_file_change_get_after (change));

          g_print ("%c\t%s\t%s → %s%s\n", vitrine_file_change_get_letter (change),
                   vitrine_file_change_get_path (change), before, after,
                   vitrine_file_change_is_lfs (change) ? _(" (large file)") : "");
        }
    }
  if (o->stat)
    {
      g_autofree char *files = g_strdup_printf (ngettext ("%u file differs", "%u files differ", n), n);

      /* Translators: the first %s is "N files differ"; then how many of
       * them were added, changed and deleted. */
      g_print (_("%s: %u added, %u changed, %u deleted\n"), files, counts[VITRINE_CHANGE_KIND_ADDED],
               counts[VITRINE_CHANGE_KIND_MODIFIED], counts[VITRINE_CHANGE_KIND_DELETED]);
    }
  return 0;
}

/* `restore REPO REVISION`: one commit on the branch that makes its files
 * those of REVISION; prints its id. */
int
_vitrine_cli_restore (VitrineCliOptions  *o,
                      char              **args)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VitrineClient) client = NULL;
  g_autoptr(VitrineRestorePlan) plan = NULL;
  g_autofree char *commit_id = NULL;
  const char *branch = o->branch != NULL ? o->branch : "main";
  guint counts[3] = { 0, 0, 0 };
  GListModel *changes;

  client = _vitrine_cli_make_client (o, &error);
  if (client == NULL)
    return _vitrine_cli_fail (error, NULL);
  if (!vitrine_client_restore (client, o->type, args[0], branch, args[1], o->message, NULL, &plan, &commit_id,
                               NULL, &error))
    return _vitrine_cli_fail (error, NULL);
  if (commit_id == NULL)
    {
      g_print (_("Nothing to restore: %s already has the files of %s.\n"), branch, args[1]);
      return 0;
    }
  changes = vitrine_restore_plan_get_changes (plan);
  for (guint i = 0; i < g_list_model_get_n_items (changes); i++)
    {
      g_autoptr(VitrineFileChange) change = g_list_model_get_item (changes, i);
      counts[vitrine_file_change_get_kind (change)]++;
    }
  /* Translators: "Restored v1 on main: 1 added, 2 changed, 0 deleted."
   * Added, changed and deleted say what the restore did to the branch. */
  g_print (_("Restored %s on %s: %u added, %u changed, %u deleted.\n"), args[1], branch,
           counts[VITRINE_CHANGE_KIND_ADDED], counts[VITRINE_CHANGE_KIND_MODIFIED],
           counts[VITRINE_CHANGE_KIND_DELETED]);
  g_print ("%s\n", commit_id);
  return 0;
}

int
_vitrine_cli_refs (VitrineCliOptions  *o,
                   char              **args)
{
  static const char *kinds[] = { "branch", "tag", "convert", "pr" };
  g_autoptr(GError) error = NULL;
  g_autoptr(VitrineClient) client = NULL;
  g_autoptr(GListModel) refs = NULL;

  client = _vitrine_cli_make_client (o, &error);
  if (client == NULL)
    return _vitrine_cli_fail (error, NULL);
  refs = vitrine_client_list_refs (client, o->type, args[0], TRUE, NULL, &error);
  if (refs == NULL)
    return _vitrine_cli_fail (error, NULL);
  for (guint i = 0; i < g_list_model_get_n_items (refs); i++)
    {
      g_autoptr(VitrineRef) ref = g_list_model_get_item (refs, i);
      g_print ("%-7s %-30s %s\n", kinds[vitrine_ref_get_kind (ref)], vitrine_ref_get_name (ref),
               vitrine_ref_get_target (ref));
    }
  return 0;
}

int
_vitrine_cli_tag (VitrineCliOptions  *o,
                  char              **args)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VitrineClient) client = NULL;

  client = _vitrine_cli_make_client (o, &error);
  if (client == NULL ||
      !vitrine_client_create_tag (client, o->type, args[0], o->revision, args[1], o->message, NULL, &error))
    return _vitrine_cli_fail (error, NULL);
  g_print (_("Tagged %s as %s.\n"), o->revision != NULL ? o->revision : "main", args[1]);
  return 0;
}

int
_vitrine_cli_branch (VitrineCliOptions  *o,
                     char              **args)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VitrineClient) client = NULL;

  client = _vitrine_cli_make_client (o, &error);
  if (client == NULL ||
      !vitrine_client_create_branch (client, o->type, args[0], args[1], o->from, NULL, &error))
    return _vitrine_cli_fail (error, NULL);
  g_print (_("Created branch %s.\n"), args[1]);
  return 0;
}

/* `card new`: a new card on standard output. */
int
_vitrine_cli_card_new (VitrineCliOptions  *o,
                       char              **args)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *card = vitrine_card_template (o->from_folder, o->license,
                                                 (const char * const *) o->languages, &error);

  if (card == NULL)
    return _vitrine_cli_fail (error, NULL);
  g_print ("%s", card);
  return 0;
}

/* `card validate FILE`: the Hub's rules, offline. */
int
_vitrine_cli_card_validate (VitrineCliOptions  *o,
                            char              **args)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autofree char *text = NULL;
  gsize len;

  if (!g_file_get_contents (args[0], &text, &len, &error))
    return _vitrine_cli_fail (error, NULL);
  if (!g_utf8_validate (text, len, NULL))
    {
      g_printerr ("vitrine-cli: %s: %s\n", args[0], _("the file is not UTF-8 text"));
      return 1;
    }
  problems = vitrine_card_check_readme (text, len, o->type, NULL);
  for (guint i = 0; i < problems->len; i++)
    g_printerr ("%s: %s\n", args[0], (const char *) g_ptr_array_index (problems, i));

  /* With an endpoint named, it is asked too: the Hub's word is the last. */
  {
    g_autofree char *endpoint = vitrine_credentials_resolve_endpoint (o->endpoint);

    if (endpoint != NULL)
      {
        g_autoptr(VitrineClient) client = vitrine_client_new (endpoint, NULL);
        g_autoptr(GPtrArray) remote = NULL;

        /* A check, not a transfer: a hub that does not answer is said quickly. */
        vitrine_client_set_retry (client, 2, 250, 1000);
        remote = vitrine_client_validate_yaml (client, text, o->type, NULL, &error);

        if (remote == NULL)
          return _vitrine_cli_fail (error, _("The hub could not check the card"));
        for (guint i = 0; i < remote->len; i++)
          {
            const char *message = g_ptr_array_index (remote, i);
            gboolean known = FALSE;

            for (guint j = 0; j < problems->len && !known; j++)
              known = g_str_equal (message, g_ptr_array_index (problems, j));
            if (!known)
              {
                g_printerr ("%s: %s (%s)\n", args[0], message, endpoint);
                g_ptr_array_add (problems, g_strdup (message));
              }
          }
      }
  }
  if (problems->len > 0)
    return 1;
  g_print (_("%s follows the Hub’s rules.\n"), args[0]);
  return 0;
}

int
_vitrine_cli_check_id (VitrineCliOptions  *o,
                       char              **args)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *ns = NULL;
  g_autofree char *name = NULL;

  if (!vitrine_repo_id_parse (args[0], &ns, &name, &error))
    {
      g_printerr ("vitrine-cli: %s\n", error->message);
      return 1;
    }
  g_print ("%s/%s\n", ns, name);
  return 0;
}
