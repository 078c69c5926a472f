/* vitrine-space-env.c — a Space's Python environment
 *
 * One virtual environment per Space, made with `python -m venv
 * --system-site-packages` so that the system's packages (Debian's Flask,
 * say) serve where they can, then pre-requirements.txt and
 * requirements.txt installed into it with pip, whose output goes to the
 * run's log.  pip reads its own settings as always (PIP_INDEX_URL,
 * PIP_FIND_LINKS, its configuration files): Vitrine only turns off its
 * version check.  A stamp (a hash of the interpreter and both files)
 * lets the next run reuse the environment while they stay the same.
 *
 * When pip fails (offline, a package that does not exist), each
 * requirement is looked up in the environment, and those that are not
 * there are named: that, not pip's traceback, is what the user sees.
 *
 * A Space that does `import spaces` (ZeroGPU) finds a stand-in whose GPU
 * decorator does nothing, as the real one does outside ZeroGPU.
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "vitrine-error.h"
#include "vitrine-space-run-private.h"

#define STAMP_NAME ".vitrine-stamp"
#define STAMP_VERSION "vitrine-env-1"
#define MAX_REQUIREMENTS (1024 * 1024)

static const char spaces_stub[] =
  "# A stand-in for the Hub's `spaces` package, from Vitrine.\n"
  "#\n"
  "# On ZeroGPU hardware, @spaces.GPU gives a function a GPU while it runs;\n"
  "# anywhere else it does nothing, and neither does this one.\n"
  "\n"
  "__version__ = \"0+vitrine\"\n"
  "\n"
  "\n"
  "def GPU(func=None, **kwargs):\n"
  "    if callable(func):\n"
  "        return func\n"
  "\n"
  "    def decorator(function):\n"
  "        return function\n"
  "\n"
  "    return decorator\n"
  "\n"
  "\n"
  "class config:\n"
  "    zero_gpu = False\n";

/* Prints the requirements of the files named on its command line that no
 * installed distribution provides, one per line, by their names there. */
static const char check_script[] =
  "import re, sys\n"
  "from importlib import metadata\n"
  "try:\n"
  "    from pip._vendor.packaging.requirements import Requirement\n"
  "except Exception:\n"
  "    Requirement = None\n"
  "missing = []\n"
  "for path in sys.argv[1:]:\n"
  "    for line in open(path, encoding='utf-8', errors='replace'):\n"
  "        line = line.split(' #', 1)[0].split('\\t#', 1)[0].strip()\n"
  "        if not line or line.startswith(('#', '-')):\n"
  "            continue\n"
  "        match = re.match(r'[A-Za-z0-9][A-Za-z0-9._-]*', line)\n"
  "        if not match or match.group(0).lower() == 'spaces':\n"
  "            continue\n"
  "        if Requirement is not None and ';' in line:\n"
  "            try:\n"
  "                marker = Requirement(line).marker\n"
  "                if marker is not None and not marker.evaluate():\n"
  "                    continue\n"
  "            except Exception:\n"
  "                pass\n"
  "        try:\n"
  "            metadata.distribution(match.group(0))\n"
  "        except metadata.PackageNotFoundError:\n"
  "            if match.group(0) not in missing:\n"
  "                missing.append(match.group(0))\n"
  "print('\\n'.join(missing))\n";

/**
 * _vitrine_space_env_find_python:
 * @wanted: (nullable): the interpreter the user chose
 * @python_version: (nullable): the Space's `python_version`
 *
 * Returns: (transfer full): the interpreter's path
 */
char *
_vitrine_space_env_find_python (const char  *wanted,
                                const char  *python_version,
                                GError     **error)
{
  char *found;

  if (wanted != NULL && wanted[0] != '\0')
    {
      found = g_find_program_in_path (wanted);
      if (found == NULL)
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                     _("The Python interpreter “%s” was not found."), wanted);
      return found;
    }
  if (python_version != NULL)
    {
      g_auto(GStrv) parts = g_strsplit (python_version, ".", 3);

      if (parts[0] != NULL && parts[1] != NULL)
        {
          g_autofree char *name = g_strdup_printf ("python%s.%s", parts[0], parts[1]);

          found = g_find_program_in_path (name);
          if (found != NULL)
            return found;
        }
    }
  found = g_find_program_in_path ("python3");
  if (found == NULL)
    g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                         _("Python 3 is needed to run this Space: install python3 and python3-venv."));
  return found;
}

/**
 * _vitrine_space_env_stub_dir:
 *
 * Returns: (transfer full): a folder holding the `spaces` stand-in, to go
 *   on PYTHONPATH
 */
char *
_vitrine_space_env_stub_dir (const char  *cache_dir,
                             GError     **error)
{
  g_autofree char *dir = g_build_filename (cache_dir, "python", NULL);
  g_autofree char *package = g_build_filename (dir, "spaces", NULL);
  g_autofree char *init = g_build_filename (package, "__init__.py", NULL);
  g_autofree char *current = NULL;

  g_mkdir_with_parents (package, 0755);
  if (!g_file_get_contents (init, &current, NULL, NULL) || !g_str_equal (current, spaces_stub))
    if (!g_file_set_contents (init, spaces_stub, -1, error))
      return NULL;
  return g_steal_pointer (&dir);
}

/* Removes a folder and what it holds, never following links out of it. */
static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);
      GStatBuf st;

      if (g_lstat (child, &st) == 0 && S_ISDIR (st.st_mode))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

typedef enum
{
  STEP_BEGIN,
  STEP_VENV,
  STEP_PIP,
  STEP_CHECK,
  STEP_DONE,
} Step;

typedef struct
{
  char              *python;
  char              *env_dir;
  char              *env_python;
  char              *folder;
  char              *stamp;
  char              *pre_text;
  char              *requirements_text;
  char             **base_env;
  GPtrArray         *pip_files;     /* the copies pip reads, in order */
  guint              pip_index;
  gboolean           install;
  VitrineLog        *log;
  VitrineLog        *check_log;
  VitrineSupervisor *child;
  GCancellable      *cancellable;
  gulong             cancel_id;
  Step               step;
  int                status;
  gboolean           pip_failed;
  char             **missing;
} Prepare;

static void
prepare_free (Prepare *p)
{
  if (p->cancellable != NULL)
    g_cancellable_disconnect (p->cancellable, p->cancel_id);
  g_clear_object (&p->cancellable);
  g_free (p->python);
  g_free (p->env_dir);
  g_free (p->env_python);
  g_free (p->folder);
  g_free (p->stamp);
  g_free (p->pre_text);
  g_free (p->requirements_text);
  g_strfreev (p->base_env);
  g_ptr_array_unref (p->pip_files);
  g_clear_object (&p->log);
  g_clear_object (&p->check_log);
  g_clear_object (&p->child);
  g_strfreev (p->missing);
  g_free (p);
}

static char *
read_requirements (const char *folder,
                   const char *name)
{
  g_autofree char *path = g_build_filename (folder, name, NULL);
  char *text = NULL;
  gsize len;

  if (!g_file_get_contents (path, &text, &len, NULL))
    return NULL;
  if (len > MAX_REQUIREMENTS)
    {
      g_free (text);
      return NULL;
    }
  return text;
}

/* A copy of a requirements file for pip: without `spaces` (the stand-in
 * serves), and with the files it includes named by absolute paths. */
static char *
write_requirements_copy (Prepare     *p,
                         const char  *name,
                         const char  *text,
                         GError     **error)
{
  g_autofree char *copy_name = g_strconcat (".vitrine-", name, NULL);
  g_autofree char *copy = g_build_filename (p->env_dir, copy_name, NULL);
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GRegex) spaces = g_regex_new ("^\\s*spaces\\s*([<>=!~;\\[#].*)?$", G_REGEX_CASELESS, 0, NULL);
  g_autoptr(GRegex) include = g_regex_new ("^\\s*(-r|-c|--requirement|--constraint)\\s+(\\S+)\\s*$",
                                           0, 0, NULL);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autoptr(GMatchInfo) match = NULL;

      if (g_regex_match (spaces, lines[i], 0, NULL))
        continue;
      if (g_regex_match (include, lines[i], 0, &match))
        {
          g_autofree char *option = g_match_info_fetch (match, 1);
          g_autofree char *file = g_match_info_fetch (match, 2);
          g_autofree char *absolute = g_path_is_absolute (file) ? g_strdup (file)
                                                                : g_build_filename (p->folder, file, NULL);

          g_string_append_printf (out, "%s %s\n", option, absolute);
          continue;
        }
      g_string_append (out, lines[i]);
      g_string_append_c (out, '\n');
    }
  if (!g_file_set_contents (copy, out->str, out->len, error))
    return NULL;
  return g_steal_pointer (&copy);
}

/* The stamp of an environment that @python made for these requirements. */
static char *
make_stamp (const char *python,
            const char *pre,
            const char *requirements,
            gboolean    install)
{
  g_autoptr(GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);
  char *resolved = realpath (python, NULL);

  g_checksum_update (sum, (const guchar *) STAMP_VERSION "\n", -1);
  g_checksum_update (sum, (const guchar *) (resolved != NULL ? resolved : python), -1);
  free (resolved);
  g_checksum_update (sum, (const guchar *) "\n", 1);
  g_checksum_update (sum, (const guchar *) (pre != NULL ? pre : ""), -1);
  g_checksum_update (sum, (const guchar *) "\n--\n", -1);
  g_checksum_update (sum, (const guchar *) (requirements != NULL ? requirements : ""), -1);
  g_checksum_update (sum, (const guchar *) (install ? "\ninstall" : "\nas-is"), -1);
  return g_strdup (g_checksum_get_string (sum));
}

static gboolean
stamp_matches (Prepare *p)
{
  g_autofree char *path = g_build_filename (p->env_dir, STAMP_NAME, NULL);
  g_autofree char *kept = NULL;

  return g_file_test (p->env_python, G_FILE_TEST_IS_EXECUTABLE) &&
         g_file_get_contents (path, &kept, NULL, NULL) && g_str_equal (g_strstrip (kept), p->stamp);
}

static void next_step (GTask *task);

static void
on_step_exited_cb (VitrineSupervisor *child,
                   int                wait_status,
                   gpointer           user_data)
{
  GTask *task = user_data;
  Prepare *p = g_task_get_task_data (task);

  g_signal_handlers_disconnect_by_data (child, task);
  p->status = wait_status;
  next_step (task);
  g_object_unref (task);
}

/* Runs @argv for the current step; its end brings the next one. */
static gboolean
spawn_step (GTask       *task,
            const char **argv,
            VitrineLog  *log)
{
  Prepare *p = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;

  g_clear_object (&p->child);
  p->child = vitrine_supervisor_new (log);
  g_signal_connect (p->child, "exited", G_CALLBACK (on_step_exited_cb), g_object_ref (task));
  if (!vitrine_supervisor_spawn (p->child, argv, (const char * const *) p->base_env, p->folder,
                                 VITRINE_SUPERVISOR_NONE, &error))
    {
      g_signal_handlers_disconnect_by_data (p->child, task);
      g_task_return_error (task, g_steal_pointer (&error));
      g_object_unref (task);
      return FALSE;
    }
  return TRUE;
}

static gboolean
log_mentions (VitrineLog *log,
              const char *needle)
{
  g_autofree char *tail = vitrine_log_dup_tail (log, 40);

  return strstr (tail, needle) != NULL;
}

static void
say (Prepare    *p,
     const char *line)
{
  vitrine_log_append (p->log, VITRINE_LOG_STREAM_STATUS, line);
}

static void
begin (GTask *task)
{
  Prepare *p = g_task_get_task_data (task);
  g_autofree char *parent = g_path_get_dirname (p->env_dir);
  g_autofree char *line = NULL;
  gboolean has_requirements = p->pre_text != NULL || p->requirements_text != NULL;

  if (stamp_matches (p))
    {
      say (p, _("The Space’s Python environment is ready (its requirements have not changed)."));
      p->step = STEP_DONE;
      next_step (task);
      return;
    }
  remove_tree (p->env_dir);
  g_mkdir_with_parents (parent, 0755);
  line = g_strdup_printf (_("Making a Python environment with %s…"), p->python);
  say (p, line);
  p->step = STEP_VENV;
  {
    const char *argv[] = { p->python, "-m", "venv", "--system-site-packages",
                           has_requirements && p->install ? p->env_dir : "--without-pip",
                           has_requirements && p->install ? NULL : p->env_dir, NULL };
    spawn_step (task, argv, p->log);
  }
}

static void
after_venv (GTask *task)
{
  Prepare *p = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;

  if (!WIFEXITED (p->status) || WEXITSTATUS (p->status) != 0)
    {
      g_task_return_new_error (task, VITRINE_ERROR, VITRINE_ERROR_FAILED, "%s%s",
                               _("Could not make the Space’s Python environment."),
                               log_mentions (p->log, "ensurepip") || log_mentions (p->log, "venv")
                                 ? _(" On Debian, install python3-venv.") : "");
      return;
    }
  if (p->install && p->pre_text != NULL)
    {
      char *copy = write_requirements_copy (p, "pre-requirements.txt", p->pre_text, &error);

      if (copy == NULL)
        {
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }
      g_ptr_array_add (p->pip_files, copy);
    }
  if (p->install && p->requirements_text != NULL)
    {
      char *copy = write_requirements_copy (p, "requirements.txt", p->requirements_text, &error);

      if (copy == NULL)
        {
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }
      g_ptr_array_add (p->pip_files, copy);
    }
  p->step = STEP_PIP;
  p->pip_index = 0;
  p->status = 0;
  next_step (task);
}

static void
run_pip (GTask *task)
{
  Prepare *p = g_task_get_task_data (task);

  /* The status of the previous pip, if any. */
  if (p->pip_index > 0 && (!WIFEXITED (p->status) || WEXITSTATUS (p->status) != 0))
    p->pip_failed = TRUE;
  if (p->pip_index < p->pip_files->len)
    {
      const char *file = p->pip_files->pdata[p->pip_index++];
      const char *argv[] = { p->env_python, "-m", "pip", "install", "-r", file, NULL };
      g_autofree char *base = g_path_get_basename (file);
      g_autofree char *line = g_strdup_printf (_("Installing %s…"), base + strlen (".vitrine-"));

      say (p, line);
      spawn_step (task, argv, p->log);
      return;
    }
  p->step = STEP_CHECK;
  if (p->pre_text == NULL && p->requirements_text == NULL)
    {
      p->step = STEP_DONE;
      next_step (task);
      return;
    }
  {
    g_autofree char *pre = g_build_filename (p->folder, "pre-requirements.txt", NULL);
    g_autofree char *req = g_build_filename (p->folder, "requirements.txt", NULL);
    const char *argv[] = { p->env_python, "-c", check_script,
                           p->pre_text != NULL ? pre : req, p->pre_text != NULL && p->requirements_text != NULL ? req : NULL,
                           NULL };

    g_clear_object (&p->check_log);
    p->check_log = vitrine_log_new (1000);
    spawn_step (task, argv, p->check_log);
  }
}

static void
after_check (GTask *task)
{
  Prepare *p = g_task_get_task_data (task);
  g_autoptr(GStrvBuilder) missing = g_strv_builder_new ();
  guint n = g_list_model_get_n_items (G_LIST_MODEL (p->check_log));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(VitrineLogLine) line = g_list_model_get_item (G_LIST_MODEL (p->check_log), i);

      if (vitrine_log_line_get_stream (line) == VITRINE_LOG_STREAM_STDOUT &&
          vitrine_log_line_get_text (line)[0] != '\0')
        g_strv_builder_add (missing, vitrine_log_line_get_text (line));
    }
  p->missing = g_strv_builder_end (missing);
  if (!WIFEXITED (p->status) || WEXITSTATUS (p->status) != 0)
    {
      g_task_return_new_error (task, VITRINE_ERROR, VITRINE_ERROR_FAILED,
                               _("Could not check the Space’s requirements in its environment."));
      return;
    }
  p->step = STEP_DONE;
  next_step (task);
}

static void
done (GTask *task)
{
  Prepare *p = g_task_get_task_data (task);

  if (p->missing != NULL && p->missing[0] != NULL)
    {
      g_autofree char *names = g_strjoinv (", ", p->missing);

      g_task_return_new_error (task, VITRINE_ERROR, VITRINE_ERROR_NOT_FOUND,
                               p->install
                                 ? _("These requirements of the Space could not be installed: %s. pip "
                                     "needs a network or a package index that has them (PIP_INDEX_URL, "
                                     "PIP_FIND_LINKS or pip.conf).")
                                 : _("These requirements of the Space are not installed: %s."),
                               names);
      return;
    }
  if (p->pip_failed)
    say (p, _("pip reported errors, but every requirement is there: the Space starts."));
  else
    {
      g_autofree char *path = g_build_filename (p->env_dir, STAMP_NAME, NULL);
      g_autoptr(GError) error = NULL;

      if (!g_file_set_contents (path, p->stamp, -1, &error))
        g_warning ("Could not keep the environment’s stamp: %s", error->message);
    }
  g_task_return_boolean (task, TRUE);
}

static void
next_step (GTask *task)
{
  Prepare *p = g_task_get_task_data (task);

  if (g_task_return_error_if_cancelled (task))
    return;
  switch (p->step)
    {
    case STEP_BEGIN:
      begin (task);
      break;
    case STEP_VENV:
      after_venv (task);
      break;
    case STEP_PIP:
      run_pip (task);
      break;
    case STEP_CHECK:
      after_check (task);
      break;
    case STEP_DONE:
      done (task);
      break;
    default:
      g_assert_not_reached ();
    }
}

static void
on_cancelled_cb (GCancellable *cancellable,
                 gpointer      user_data)
{
  Prepare *p = user_data;

  if (p->child != NULL && vitrine_supervisor_is_running (p->child))
    vitrine_supervisor_stop_async (p->child, 2000, NULL, NULL, NULL);
}

/**
 * _vitrine_space_env_prepare_async:
 * @python: the interpreter that makes the environment
 * @env_dir: where the environment goes
 * @folder: the Space's files
 * @install: whether to pip-install the requirements
 * @base_env: the environment of the children (pip's settings in it)
 * @log: where pip's output goes
 *
 * Makes (or reuses) the Space's environment, on the thread-default main
 * context.  A cancel stops the child that runs.
 */
void
_vitrine_space_env_prepare_async (const char          *python,
                                  const char          *env_dir,
                                  const char          *folder,
                                  gboolean             install,
                                  const char * const  *base_env,
                                  VitrineLog          *log,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  Prepare *p = g_new0 (Prepare, 1);

  g_task_set_source_tag (task, _vitrine_space_env_prepare_async);
  p->python = g_strdup (python);
  p->env_dir = g_strdup (env_dir);
  p->env_python = g_build_filename (env_dir, "bin", "python", NULL);
  p->folder = g_strdup (folder);
  p->install = install;
  p->base_env = g_strdupv ((char **) base_env);
  p->log = g_object_ref (log);
  p->pip_files = g_ptr_array_new_with_free_func (g_free);
  p->pre_text = read_requirements (folder, "pre-requirements.txt");
  p->requirements_text = read_requirements (folder, "requirements.txt");
  p->stamp = make_stamp (python, p->pre_text, p->requirements_text, install);
  g_task_set_task_data (task, p, (GDestroyNotify) prepare_free);
  if (cancellable != NULL)
    {
      p->cancellable = g_object_ref (cancellable);
      p->cancel_id = g_cancellable_connect (cancellable, G_CALLBACK (on_cancelled_cb), p, NULL);
    }
  next_step (task);
}

/**
 * _vitrine_space_env_prepare_finish:
 * @missing: (out) (optional) (transfer full): the requirements that could
 *   not be installed, also when it failed for them
 */
gboolean
_vitrine_space_env_prepare_finish (GAsyncResult  *result,
                                   char        ***missing,
                                   GError       **error)
{
  Prepare *p = g_task_get_task_data (G_TASK (result));

  if (missing != NULL)
    *missing = p->missing != NULL && p->missing[0] != NULL ? g_strdupv (p->missing) : NULL;
  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * _vitrine_space_missing_from_log:
 *
 * Returns: (transfer full) (nullable): the modules an app's last lines say
 *   it could not import
 */
char **
_vitrine_space_missing_from_log (VitrineLog *log,
                                 guint       n_lines)
{
  g_autofree char *tail = vitrine_log_dup_tail (log, n_lines);
  g_autoptr(GRegex) regex = g_regex_new ("No module named '?([A-Za-z0-9_]+)", 0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  char **result;

  g_regex_match (regex, tail, 0, &match);
  while (g_match_info_matches (match))
    {
      char *name = g_match_info_fetch (match, 1);

      if (g_hash_table_add (seen, name))
        g_strv_builder_add (names, name);
      g_match_info_next (match, NULL);
    }
  result = g_strv_builder_end (names);
  if (result[0] == NULL)
    g_clear_pointer (&result, g_strfreev);
  return result;
}
