/* vitrine-space-config.c — what a Space's README and Dockerfile say about
 * running it
 *
 * The README's front matter gives the kind (`sdk`) and its details; a
 * folder without one is recognised by its files.  A Dockerfile is read
 * for its ENV lines and its command (ENTRYPOINT and CMD), so that a
 * Docker Space whose command is plain Python (a script, flask, uvicorn,
 * gunicorn, streamlit) runs without a container, with the port it is
 * given instead of the one it names.
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "vitrine-error.h"
#include "vitrine-json.h"
#include "vitrine-path.h"
#include "vitrine-space-run-private.h"
#include "vitrine-yaml.h"

#define MAX_README (1024 * 1024)
#define MAX_DOCKERFILE (256 * 1024)
#define DEFAULT_APP_PORT 7860

void
_vitrine_space_config_free (VitrineSpaceConfig *config)
{
  if (config == NULL)
    return;
  g_free (config->sdk);
  g_free (config->title);
  g_free (config->app_file);
  g_free (config->python_version);
  g_free (config->base_path);
  g_free (config->app_build_command);
  g_strfreev (config->models);
  g_free (config);
}

static gboolean
has_file (const char *folder,
          const char *name)
{
  g_autofree char *path = g_build_filename (folder, name, NULL);

  return g_file_test (path, G_FILE_TEST_IS_REGULAR);
}

/* `python_version: 3.10` is the float 3.1 to YAML: the text is read as
 * written instead. */
static char *
raw_python_version (const char *yaml,
                    gsize       len)
{
  g_autoptr(GRegex) regex = g_regex_new ("^python_version:[ \\t]*[\"']?([0-9]+(\\.[0-9]+)*)",
                                         G_REGEX_MULTILINE, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  g_autofree char *copy = g_strndup (yaml, len);

  if (g_regex_match (regex, copy, 0, &match))
    return g_match_info_fetch (match, 1);
  return NULL;
}

static char **
string_list (JsonObject *object,
             const char *member)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func (g_free);
  JsonArray *array = vitrine_json_array (object, member);
  const char *single = vitrine_json_string (object, member);

  if (single != NULL)
    g_ptr_array_add (list, g_strdup (single));
  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);

      if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
        g_ptr_array_add (list, g_strdup (json_node_get_string (node)));
    }
  g_ptr_array_add (list, NULL);
  return (char **) g_ptr_array_free (g_steal_pointer (&list), FALSE);
}

/* Reads the front matter of @folder's README.md, when there is one. */
static gboolean
read_front_matter (VitrineSpaceConfig  *config,
                   const char          *folder,
                   GError             **error)
{
  g_autofree char *readme = g_build_filename (folder, "README.md", NULL);
  g_autofree char *text = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) local_error = NULL;
  gsize len, yaml_start, yaml_len, body_start;
  JsonObject *object;
  gint64 port;

  if (!g_file_get_contents (readme, &text, &len, NULL))
    return TRUE;
  if (len > MAX_README)
    {
      g_set_error (error, VITRINE_ERROR, VITRINE_ERROR_TOO_LARGE,
                   _("The Space’s README.md is too large to read."));
      return FALSE;
    }
  if (!vitrine_front_matter_split (text, len, &yaml_start, &yaml_len, &body_start))
    return TRUE;
  root = vitrine_yaml_to_json (text + yaml_start, yaml_len, 1, &local_error);
  if (root == NULL)
    {
      g_set_error (error, VITRINE_ERROR, VITRINE_ERROR_INVALID_ARGUMENT,
                   _("The front matter of the Space’s README.md could not be read: %s"),
                   local_error->message);
      return FALSE;
    }
  if (!JSON_NODE_HOLDS_OBJECT (root))
    return TRUE;
  object = json_node_get_object (root);

  config->sdk = g_ascii_strdown (vitrine_json_string (object, "sdk") ?: "", -1);
  if (config->sdk[0] == '\0')
    g_clear_pointer (&config->sdk, g_free);
  config->title = g_strdup (vitrine_json_string (object, "title"));
  config->app_file = g_strdup (vitrine_json_string (object, "app_file"));
  config->base_path = g_strdup (vitrine_json_string (object, "base_path"));
  config->app_build_command = g_strdup (vitrine_json_string (object, "app_build_command"));
  config->python_version = raw_python_version (text + yaml_start, yaml_len);
  config->models = string_list (object, "models");
  port = vitrine_json_int (object, "app_port", 0);
  if (port == 0 && vitrine_json_string (object, "app_port") != NULL)
    port = g_ascii_strtoll (vitrine_json_string (object, "app_port"), NULL, 10);
  if (port > 0 && port < 65536)
    config->app_port = (guint) port;
  return TRUE;
}

/**
 * _vitrine_space_config_read:
 *
 * Reads how @folder's Space runs: its front matter, else its files
 * (Dockerfile: docker, app.py: gradio, index.html: static).
 */
VitrineSpaceConfig *
_vitrine_space_config_read (const char  *folder,
                            GError     **error)
{
  g_autoptr(VitrineSpaceConfig) config = g_new0 (VitrineSpaceConfig, 1);

  if (!read_front_matter (config, folder, error))
    return NULL;

  if (config->sdk == NULL)
    {
      if (has_file (folder, "Dockerfile"))
        config->sdk = g_strdup ("docker");
      else if (has_file (folder, config->app_file != NULL ? config->app_file : "app.py"))
        config->sdk = g_strdup ("gradio");
      else if (has_file (folder, config->app_file != NULL ? config->app_file : "index.html"))
        config->sdk = g_strdup ("static");
      else
        {
          g_set_error (error, VITRINE_ERROR, VITRINE_ERROR_NOT_FOUND,
                       _("This folder does not say how to run it: its README.md has no “sdk” in "
                         "its front matter, and it has no app.py, index.html or Dockerfile."));
          return NULL;
        }
    }

  if (!g_str_equal (config->sdk, "static") && !g_str_equal (config->sdk, "gradio") &&
      !g_str_equal (config->sdk, "streamlit") && !g_str_equal (config->sdk, "docker"))
    {
      g_set_error (error, VITRINE_ERROR, VITRINE_ERROR_INVALID_ARGUMENT,
                   _("Spaces of the kind “%s” cannot run on this computer: only static, gradio, "
                     "streamlit and docker ones can."), config->sdk);
      return NULL;
    }

  if (config->app_file == NULL && !g_str_equal (config->sdk, "docker"))
    config->app_file = g_strdup (g_str_equal (config->sdk, "static") ? "index.html" : "app.py");
  if (config->app_file != NULL)
    {
      g_autoptr(GError) path_error = NULL;

      if (!vitrine_path_check (config->app_file, -1, &path_error))
        {
          g_set_error (error, VITRINE_ERROR, VITRINE_ERROR_INVALID_PATH,
                       _("The Space’s app file “%s” is not a path inside the Space."), config->app_file);
          return NULL;
        }
      if (!g_str_equal (config->sdk, "docker") && !has_file (folder, config->app_file))
        {
          g_set_error (error, VITRINE_ERROR, VITRINE_ERROR_NOT_FOUND,
                       _("The Space’s app file “%s” is missing."), config->app_file);
          return NULL;
        }
    }
  if (g_str_equal (config->sdk, "docker") && !has_file (folder, "Dockerfile"))
    {
      g_set_error (error, VITRINE_ERROR, VITRINE_ERROR_NOT_FOUND,
                   _("This Docker Space has no Dockerfile."));
      return NULL;
    }
  if (config->app_port == 0)
    config->app_port = DEFAULT_APP_PORT;
  if (config->models == NULL)
    config->models = g_new0 (char *, 1);
  return g_steal_pointer (&config);
}

/* ---- Dockerfile ------------------------------------------------------- */

void
_vitrine_docker_plan_free (VitrineDockerPlan *plan)
{
  if (plan == NULL)
    return;
  g_strfreev (plan->argv);
  g_strfreev (plan->env_pairs);
  g_free (plan);
}

/* A command in exec form (a JSON array of strings) or shell form (plain
 * words only: a shell's operators need a shell, and a container). */
static char **
parse_command (const char *text,
               gboolean   *shell_form)
{
  char **argv = NULL;

  *shell_form = text[0] != '[';
  if (!*shell_form)
    {
      g_autoptr(JsonParser) parser = json_parser_new ();
      g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func (g_free);
      JsonNode *root;
      JsonArray *array;

      if (!json_parser_load_from_data (parser, text, -1, NULL))
        return NULL;
      root = json_parser_get_root (parser);
      if (!JSON_NODE_HOLDS_ARRAY (root))
        return NULL;
      array = json_node_get_array (root);
      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *node = json_array_get_element (array, i);

          if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
            return NULL;
          g_ptr_array_add (list, g_strdup (json_node_get_string (node)));
        }
      g_ptr_array_add (list, NULL);
      return (char **) g_ptr_array_free (g_steal_pointer (&list), FALSE);
    }
  if (strpbrk (text, ";&|<>$`()\\") != NULL)
    return NULL;
  if (!g_shell_parse_argv (text, NULL, &argv, NULL))
    return NULL;
  return argv;
}

static void
add_env (GPtrArray  *env,
         const char *key,
         const char *value)
{
  /* The container's own paths mean nothing here. */
  if (strchr (value, '$') != NULL || g_str_equal (key, "PATH") || g_str_equal (key, "HOME") ||
      g_str_equal (key, "PYTHONPATH") || g_str_equal (key, "PORT"))
    return;
  g_ptr_array_add (env, g_strconcat (key, "=", value, NULL));
}

static void
parse_env (GPtrArray  *env,
           const char *rest)
{
  g_auto(GStrv) words = NULL;

  if (!g_shell_parse_argv (rest, NULL, &words, NULL))
    return;
  if (strchr (words[0], '=') == NULL)
    {
      /* ENV KEY value with spaces */
      const char *value = rest + strlen (words[0]);

      while (*value == ' ' || *value == '\t')
        value++;
      add_env (env, words[0], value);
      return;
    }
  for (guint i = 0; words[i] != NULL; i++)
    {
      char *eq = strchr (words[i], '=');

      if (eq == NULL)
        continue;
      *eq = '\0';
      add_env (env, words[i], eq + 1);
    }
}

/* Drops an option and its value from @args, in either `--name value` or
 * `--name=value` form (and `-x value` for its short name). */
static void
drop_option (GPtrArray  *args,
             const char *name,
             const char *short_name)
{
  for (guint i = 0; i < args->len;)
    {
      const char *arg = args->pdata[i];
      gsize n = strlen (name);

      if (g_str_equal (arg, name) || (short_name != NULL && g_str_equal (arg, short_name)))
        {
          g_ptr_array_remove_index (args, i);
          if (i < args->len)
            g_ptr_array_remove_index (args, i);
        }
      else if (g_str_has_prefix (arg, name) && arg[n] == '=')
        g_ptr_array_remove_index (args, i);
      else
        i++;
    }
}

static gboolean
is_python (const char *program)
{
  g_autofree char *base = g_path_get_basename (program);

  return g_str_equal (base, "python") || g_str_equal (base, "python3") ||
         g_regex_match_simple ("^python3\\.[0-9]+$", base, 0, 0);
}

/* Makes the command of @words run here: "@PYTHON@" for the interpreter,
 * "@PORT@" for the port. */
static gboolean
plan_command (VitrineDockerPlan  *plan,
              char              **words)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *program = g_path_get_basename (words[0]);
  guint first = 1;

  if (is_python (words[0]))
    {
      /* Interpreter options, then a script or -m MODULE. */
      while (words[first] != NULL && words[first][0] == '-' && !g_str_equal (words[first], "-m"))
        first++;
      if (words[first] == NULL)
        return FALSE;
      if (!g_str_equal (words[first], "-m"))
        {
          g_ptr_array_add (args, g_strdup ("@PYTHON@"));
          for (guint i = 1; words[i] != NULL; i++)
            {
              const char *word = words[i];

              /* The Space's root is the container's working folder. */
              if (i == first && g_path_is_absolute (word))
                word = strrchr (word, '/') + 1;
              g_ptr_array_add (args, g_strdup (word));
            }
          g_ptr_array_add (args, NULL);
          plan->argv = (char **) g_ptr_array_free (g_steal_pointer (&args), FALSE);
          plan->port_in_env = TRUE;
          return TRUE;
        }
      if (words[first + 1] == NULL)
        return FALSE;
      g_free (program);
      program = g_strdup (words[first + 1]);
      first += 2;
    }

  g_ptr_array_add (args, g_strdup ("@PYTHON@"));
  if (g_str_equal (program, "gradio"))
    {
      /* `gradio app.py` runs the app with reloading: plainly is enough. */
      for (guint i = first; words[i] != NULL; i++)
        g_ptr_array_add (args, g_strdup (words[i]));
      plan->port_in_env = TRUE;
    }
  else if (g_str_equal (program, "flask") || g_str_equal (program, "uvicorn") ||
           g_str_equal (program, "gunicorn") || g_str_equal (program, "streamlit"))
    {
      g_ptr_array_add (args, g_strdup ("-m"));
      g_ptr_array_add (args, g_strdup (program));
      for (guint i = first; words[i] != NULL; i++)
        g_ptr_array_add (args, g_strdup (words[i]));
      if (g_str_equal (program, "gunicorn"))
        {
          drop_option (args, "--bind", "-b");
          g_ptr_array_add (args, g_strdup ("--bind"));
          g_ptr_array_add (args, g_strdup ("127.0.0.1:@PORT@"));
        }
      else if (g_str_equal (program, "streamlit"))
        {
          drop_option (args, "--server.port", NULL);
          drop_option (args, "--server.address", NULL);
          drop_option (args, "--server.headless", NULL);
          g_ptr_array_add (args, g_strdup ("--server.port"));
          g_ptr_array_add (args, g_strdup ("@PORT@"));
          g_ptr_array_add (args, g_strdup ("--server.address"));
          g_ptr_array_add (args, g_strdup ("127.0.0.1"));
          g_ptr_array_add (args, g_strdup ("--server.headless"));
          g_ptr_array_add (args, g_strdup ("true"));
        }
      else
        {
          drop_option (args, "--host", g_str_equal (program, "flask") ? "-h" : NULL);
          drop_option (args, "--port", g_str_equal (program, "flask") ? "-p" : NULL);
          g_ptr_array_add (args, g_strdup ("--host"));
          g_ptr_array_add (args, g_strdup ("127.0.0.1"));
          g_ptr_array_add (args, g_strdup ("--port"));
          g_ptr_array_add (args, g_strdup ("@PORT@"));
        }
    }
  else
    return FALSE;
  g_ptr_array_add (args, NULL);
  plan->argv = (char **) g_ptr_array_free (g_steal_pointer (&args), FALSE);
  return TRUE;
}

/**
 * _vitrine_docker_plan_read:
 *
 * Reads @dockerfile's command and environment, to run it without a
 * container when its command is plain Python.
 */
VitrineDockerPlan *
_vitrine_docker_plan_read (const char  *dockerfile,
                           GError     **error)
{
  g_autoptr(VitrineDockerPlan) plan = g_new0 (VitrineDockerPlan, 1);
  g_autoptr(GPtrArray) env = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *text = NULL;
  g_autofree char *cmd = NULL;
  g_autofree char *entrypoint = NULL;
  g_auto(GStrv) lines = NULL;
  g_auto(GStrv) words = NULL;
  g_auto(GStrv) cmd_words = NULL;
  g_auto(GStrv) entry_words = NULL;
  gboolean cmd_shell = FALSE, entry_shell = FALSE;
  gsize len;

  if (!g_file_get_contents (dockerfile, &text, &len, error))
    return NULL;
  if (len > MAX_DOCKERFILE)
    {
      g_set_error (error, VITRINE_ERROR, VITRINE_ERROR_TOO_LARGE, _("The Dockerfile is too large to read."));
      return NULL;
    }

  /* Lines continued with a backslash are one instruction. */
  {
    g_autoptr(GRegex) continued = g_regex_new ("\\\\[ \\t]*\\r?\\n", 0, 0, NULL);
    g_autofree char *joined = g_regex_replace_literal (continued, text, -1, 0, " ", 0, NULL);

    lines = g_strsplit (joined, "\n", -1);
  }
  for (guint i = 0; lines[i] != NULL; i++)
    {
      char *line = g_strstrip (lines[i]);
      char *rest;
      g_autofree char *keyword = NULL;

      if (line[0] == '#' || line[0] == '\0')
        continue;
      rest = line + strcspn (line, " \t");
      keyword = g_ascii_strup (line, rest - line);
      while (*rest == ' ' || *rest == '\t')
        rest++;
      if (g_str_equal (keyword, "ENV"))
        parse_env (env, rest);
      else if (g_str_equal (keyword, "CMD"))
        {
          g_free (cmd);
          cmd = g_strdup (rest);
        }
      else if (g_str_equal (keyword, "ENTRYPOINT"))
        {
          g_free (entrypoint);
          entrypoint = g_strdup (rest);
        }
      else if (g_str_equal (keyword, "RUN"))
        plan->has_run_steps = TRUE;
    }

  if (cmd != NULL)
    cmd_words = parse_command (cmd, &cmd_shell);
  if (entrypoint != NULL)
    entry_words = parse_command (entrypoint, &entry_shell);
  if ((cmd != NULL && cmd_words == NULL) || (entrypoint != NULL && entry_words == NULL))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("The Dockerfile’s command needs a shell: run it with podman or docker."));
      return NULL;
    }
  /* An entrypoint in exec form takes the command as its arguments. */
  if (entry_words != NULL && !entry_shell && cmd_words != NULL)
    {
      g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

      g_strv_builder_addv (builder, (const char **) entry_words);
      g_strv_builder_addv (builder, (const char **) cmd_words);
      words = g_strv_builder_end (builder);
    }
  else if (entry_words != NULL)
    words = g_strdupv (entry_words);
  else
    words = g_strdupv (cmd_words);

  if (words == NULL || words[0] == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("The Dockerfile has no command (CMD or ENTRYPOINT): it runs only with podman or "
                     "docker."));
      return NULL;
    }
  if (!plan_command (plan, words))
    {
      g_autofree char *shown = g_strjoinv (" ", words);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("The Dockerfile runs “%s”, which is not a plain Python command: it runs only in "
                     "a container. Install podman (or docker) to run it here."), shown);
      return NULL;
    }
  g_ptr_array_add (env, NULL);
  plan->env_pairs = (char **) g_ptr_array_free (g_steal_pointer (&env), FALSE);
  return g_steal_pointer (&plan);
}
