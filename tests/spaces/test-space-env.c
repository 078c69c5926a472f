/* test-space-env.c — a Space's Python environment and its kinds: pip
 * installing from a package index served on loopback (a wheel the test
 * builds), the environment reused while the requirements stay the same,
 * an offline install that names what is missing, streamlit's command,
 * Docker Spaces (a container engine that cannot fetch its base image, an
 * app that insists on its port, a command that needs a container), and
 * how front matter and Dockerfiles are read
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <signal.h>

#include "vitrine-error.h"
#include "vitrine-space-run-private.h"
#include "space-fixture.h"

/* Builds a pure-Python wheel by hand: a module with VALUE, its metadata
 * and a RECORD pip checks. */
static const char wheel_script[] =
  "import base64, hashlib, os, sys, zipfile\n"
  "out, name, version, module, value = sys.argv[1:6]\n"
  "dist = name.replace('-', '_')\n"
  "info = f'{dist}-{version}.dist-info'\n"
  "files = {\n"
  "    f'{module}/__init__.py': f'VALUE = {value!r}\\n',\n"
  "    f'{info}/METADATA': f'Metadata-Version: 2.1\\nName: {name}\\nVersion: {version}\\n',\n"
  "    f'{info}/WHEEL': 'Wheel-Version: 1.0\\nGenerator: vitrine-tests\\nRoot-Is-Purelib: true\\n'\n"
  "                    'Tag: py3-none-any\\n',\n"
  "}\n"
  "lines = []\n"
  "for path, text in files.items():\n"
  "    data = text.encode()\n"
  "    digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b'=').decode()\n"
  "    lines.append(f'{path},sha256={digest},{len(data)}')\n"
  "lines.append(f'{info}/RECORD,,')\n"
  "files[f'{info}/RECORD'] = '\\n'.join(lines) + '\\n'\n"
  "wheel = os.path.join(out, f'{dist}-{version}-py3-none-any.whl')\n"
  "with zipfile.ZipFile(wheel, 'w') as z:\n"
  "    for path, text in files.items():\n"
  "        z.writestr(path, text)\n"
  "print(os.path.basename(wheel), hashlib.sha256(open(wheel, 'rb').read()).hexdigest())\n";

/* Adds a project with one wheel to the simple index in @root. */
static void
add_to_index (const char *root,
              const char *name,
              const char *module,
              const char *value)
{
  g_autofree char *files = g_build_filename (root, "files", NULL);
  g_autofree char *out = NULL;
  g_autofree char *page = NULL;
  g_autofree char *page_name = g_build_filename ("simple", name, "index.html", NULL);
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) words = NULL;
  const char *argv[] = { TEST_PYTHON, "-c", wheel_script, files, name, "1.0", module, value, NULL };
  int status;

  g_mkdir_with_parents (files, 0755);
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, NULL,
                               &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  words = g_strsplit (g_strstrip (out), " ", 2);
  page = g_strdup_printf ("<!DOCTYPE html><html><body>\n<a href=\"../../files/%s#sha256=%s\">%s</a>\n"
                          "</body></html>\n", words[0], words[1], words[0]);
  write_file (root, page_name, page);
}

static gboolean
port_answers (gpointer data)
{
  return _vitrine_space_port_answers (GPOINTER_TO_UINT (data));
}

/* A package index on loopback, served by Python's own HTTP server. */
static GSubprocess *
serve_index (const char *root,
             guint      *port)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *port_s = NULL;
  GSubprocess *server;

  *port = _vitrine_space_free_port (&error);
  g_assert_no_error (error);
  port_s = g_strdup_printf ("%u", *port);
  server = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE | G_SUBPROCESS_FLAGS_STDERR_SILENCE, &error,
                             TEST_PYTHON, "-m", "http.server", port_s, "--bind", "127.0.0.1",
                             "--directory", root, NULL);
  g_assert_no_error (error);
  wait_for (port_answers, GUINT_TO_POINTER (*port));
  return server;
}

static guint
log_index (VitrineSpaceRun *run,
           const char      *needle)
{
  GListModel *log = G_LIST_MODEL (vitrine_space_run_get_log (run));

  for (guint i = 0; i < g_list_model_get_n_items (log); i++)
    {
      g_autoptr(VitrineLogLine) line = g_list_model_get_item (log, i);

      if (strstr (vitrine_log_line_get_text (line), needle) != NULL)
        return i;
    }
  g_assert_not_reached ();
  return 0;
}

static const char wheels_app[] =
  "import os, http.server\n"
  "import spaces, vitrine_tiny, vitrine_tiny_pre\n"
  "class Handler(http.server.BaseHTTPRequestHandler):\n"
  "    def do_GET(self):\n"
  "        self.send_response(200)\n"
  "        self.end_headers()\n"
  "        self.wfile.write(f'{vitrine_tiny.VALUE} / {vitrine_tiny_pre.VALUE}'.encode())\n"
  "http.server.HTTPServer(('127.0.0.1', int(os.environ['GRADIO_SERVER_PORT'])), Handler).serve_forever()\n";

/* pre-requirements.txt then requirements.txt, from an index pip finds
 * through its own setting (PIP_INDEX_URL); `spaces` is the stand-in's;
 * the environment is reused until the requirements change. */
static void
test_pip_index (SpaceFixture  *f,
                gconstpointer  data)
{
  g_autofree char *index = g_build_filename (f->tmp, "index", NULL);
  g_autofree char *dir = space_folder (f, "wheels");
  g_autofree char *index_url = NULL;
  g_autofree char *body = NULL;
  g_autofree char *in_folder = NULL;
  g_autoptr(GSubprocess) server = NULL;
  g_autoptr(VitrineSpaceOptions) options = test_options ();
  g_autoptr(VitrineSpaceRun) run = NULL;
  g_autoptr(GError) error = NULL;
  guint port, status;

  add_to_index (index, "vitrine-tiny", "vitrine_tiny", "from the wheel");
  add_to_index (index, "vitrine-tiny-pre", "vitrine_tiny_pre", "installed first");
  server = serve_index (index, &port);
  index_url = g_strdup_printf ("http://127.0.0.1:%u/simple/", port);
  g_setenv ("PIP_INDEX_URL", index_url, TRUE);

  write_file (dir, "README.md", "---\nsdk: gradio\napp_file: app.py\n---\n");
  write_file (dir, "pre-requirements.txt", "vitrine-tiny-pre==1.0\n");
  write_file (dir, "requirements.txt", "# What the Space needs\nvitrine-tiny==1.0\nspaces\nflask>=2  # Debian's\n");
  write_file (dir, "app.py", wheels_app);
  run = vitrine_space_run_new_for_folder (dir, f->cache, options);
  g_assert_true (start_run (run, &error, NULL));
  g_assert_no_error (error);
  body = http_get (vitrine_space_run_get_url (run), &status);
  g_assert_cmpstr (body, ==, "from the wheel / installed first");
  g_assert_cmpuint (log_index (run, "Installing pre-requirements.txt"), <,
                    log_index (run, "Installing requirements.txt"));
  g_assert_true (log_has (run, "Successfully installed vitrine-tiny-1.0"));
  /* The environment is the cache's, not the Space's folder's. */
  in_folder = g_build_filename (dir, "env", NULL);
  g_assert_false (g_file_test (in_folder, G_FILE_TEST_EXISTS));
  stop_run (run);

  /* The same requirements: the same environment, no pip. */
  vitrine_log_clear (vitrine_space_run_get_log (run));
  g_assert_true (start_run (run, &error, NULL));
  g_assert_no_error (error);
  g_assert_true (log_has (run, "requirements have not changed"));
  g_assert_false (log_has (run, "Installing"));
  stop_run (run);

  /* Changed: made again. */
  write_file (dir, "requirements.txt", "vitrine-tiny==1.0\nspaces\n");
  vitrine_log_clear (vitrine_space_run_get_log (run));
  g_assert_true (start_run (run, &error, NULL));
  g_assert_no_error (error);
  g_assert_true (log_has (run, "Making a Python environment"));
  g_assert_true (log_has (run, "Installing requirements.txt"));
  stop_run (run);

  g_unsetenv ("PIP_INDEX_URL");
  g_subprocess_force_exit (server);
  g_subprocess_wait (server, NULL, NULL);
}

/* No index to reach: the missing requirement is named, not a traceback;
 * what the system has (Flask) is not. */
static void
test_offline (SpaceFixture  *f,
              gconstpointer  data)
{
  g_autofree char *dir = space_folder (f, "offline");
  g_autofree char *index_url = NULL;
  g_autoptr(VitrineSpaceOptions) options = test_options ();
  g_autoptr(VitrineSpaceRun) run = NULL;
  g_autoptr(GError) error = NULL;
  const char * const *missing;
  guint closed = _vitrine_space_free_port (&error);

  g_assert_no_error (error);
  index_url = g_strdup_printf ("http://127.0.0.1:%u/simple/", closed);
  g_setenv ("PIP_INDEX_URL", index_url, TRUE);
  g_setenv ("PIP_RETRIES", "0", TRUE);

  write_file (dir, "README.md", "---\nsdk: gradio\n---\n");
  write_file (dir, "requirements.txt", "flask\nvitrine-absent==2.0\n");
  write_file (dir, "app.py", "import vitrine_absent\n");
  run = vitrine_space_run_new_for_folder (dir, f->cache, options);
  g_assert_false (start_run (run, &error, NULL));
  g_unsetenv ("PIP_INDEX_URL");
  g_unsetenv ("PIP_RETRIES");
  g_assert_nonnull (error);
  g_assert_cmpint (vitrine_space_run_get_state (run), ==, VITRINE_SPACE_STATE_FAILED);
  missing = vitrine_space_run_get_missing_modules (run);
  g_assert_nonnull (missing);
  g_assert_cmpstr (missing[0], ==, "vitrine-absent");
  g_assert_null (missing[1]);
  g_assert_nonnull (strstr (vitrine_space_run_get_error_message (run), "vitrine-absent"));
  g_assert_null (strstr (vitrine_space_run_get_error_message (run), "Traceback"));
  g_assert_null (strstr (vitrine_space_run_get_error_message (run), "flask"));
  /* pip had its say in the log. */
  g_assert_true (log_has (run, "vitrine-absent"));
}

/* streamlit's own command line; without streamlit installed, the crash
 * names it. */
static void
test_streamlit (SpaceFixture  *f,
                gconstpointer  data)
{
  g_autofree char *dir = space_folder (f, "streamlit");
  g_autofree char *expected = NULL;
  g_autoptr(VitrineSpaceOptions) options = test_options ();
  g_autoptr(VitrineSpaceRun) run = NULL;
  g_autoptr(GError) error = NULL;

  write_file (dir, "README.md", "---\nsdk: streamlit\napp_file: main.py\n---\n");
  write_file (dir, "main.py", "import streamlit as st\nst.write('hello')\n");
  vitrine_space_options_set_port (options, _vitrine_space_free_port (NULL));
  run = vitrine_space_run_new_for_folder (dir, f->cache, options);
  g_assert_false (start_run (run, &error, NULL));
  expected = g_strdup_printf ("-m streamlit run main.py --server.port %u --server.address 127.0.0.1 "
                              "--server.headless true", vitrine_space_options_get_port (options));
  g_assert_nonnull (strstr (vitrine_space_run_get_command (run), expected));
  g_assert_cmpint (vitrine_space_run_get_state (run), ==, VITRINE_SPACE_STATE_CRASHED);
  g_assert_nonnull (vitrine_space_run_get_missing_modules (run));
  g_assert_cmpstr (vitrine_space_run_get_missing_modules (run)[0], ==, "streamlit");
}

static const char port_app[] =
  "import os, http.server\n"
  "class Handler(http.server.BaseHTTPRequestHandler):\n"
  "    def do_GET(self):\n"
  "        self.send_response(200)\n"
  "        self.end_headers()\n"
  "        self.wfile.write(b'served on ' + str(self.server.server_port).encode())\n"
  "http.server.HTTPServer(('127.0.0.1', PORT_HERE), Handler).serve_forever()\n";

static char *
docker_folder (SpaceFixture *f,
               const char   *name,
               guint         app_port,
               const char   *port_expression,
               const char   *cmd)
{
  char *dir = space_folder (f, name);
  g_autofree char *readme = g_strdup_printf ("---\nsdk: docker\napp_port: %u\n---\n", app_port);
  g_autofree char *dockerfile = g_strdup_printf ("FROM python:3.11-slim\nWORKDIR /app\nCOPY . .\nCMD %s\n", cmd);
  g_autoptr(GString) app = g_string_new (port_app);

  g_string_replace (app, "PORT_HERE", port_expression, 0);
  write_file (dir, "README.md", readme);
  write_file (dir, "Dockerfile", dockerfile);
  write_file (dir, "app.py", app->str);
  return dir;
}

/* A container engine that answers but cannot fetch the base image (as
 * podman here, offline): said plainly, and the Space runs without it. */
static void
test_docker_engine_offline (SpaceFixture  *f,
                            gconstpointer  data)
{
  g_autofree char *engine = g_build_filename (f->tmp, "fake-podman", NULL);
  g_autofree char *dir = docker_folder (f, "offline-engine", 7860, "int(os.environ['PORT'])",
                                        "[\"python\", \"app.py\"]");
  g_autoptr(VitrineSpaceOptions) options = test_options ();
  g_autoptr(VitrineSpaceRun) run = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *body = NULL;
  g_autofree char *expected = NULL;
  guint status;

  write_file (f->tmp, "fake-podman",
              "#!/bin/sh\n"
              "case \"$1\" in\n"
              "  info) echo 'host: fake'; exit 0 ;;\n"
              "  build) echo 'STEP 1/3: FROM python:3.11-slim'\n"
              "    echo 'Error: creating build container: initializing source docker://python:3.11-slim: "
              "pinging container registry registry-1.docker.io: Get \"https://registry-1.docker.io/v2/\": "
              "dial tcp: lookup registry-1.docker.io: Temporary failure in name resolution' >&2\n"
              "    exit 125 ;;\n"
              "esac\n"
              "exit 1\n");
  g_assert_cmpint (g_chmod (engine, 0755), ==, 0);
  vitrine_space_options_set_container_engine (options, engine);
  run = vitrine_space_run_new_for_folder (dir, f->cache, options);
  g_assert_true (start_run (run, &error, NULL));
  g_assert_no_error (error);
  g_assert_true (log_has (run, "Temporary failure in name resolution"));
  g_assert_true (log_has (run, "could not fetch the image the Dockerfile starts from"));
  g_assert_true (log_has (run, "without a container"));
  body = http_get (vitrine_space_run_get_url (run), &status);
  expected = g_strdup_printf ("served on %u", vitrine_space_run_get_port (run));
  g_assert_cmpstr (body, ==, expected);
  stop_run (run);

  /* One that does not answer at all is passed over too. */
  write_file (f->tmp, "fake-podman", "#!/bin/sh\necho 'Cannot connect to the service' >&2\nexit 1\n");
  g_assert_cmpint (g_chmod (engine, 0755), ==, 0);
  vitrine_log_clear (vitrine_space_run_get_log (run));
  g_assert_true (start_run (run, &error, NULL));
  g_assert_no_error (error);
  g_assert_true (log_has (run, "does not work here"));
  stop_run (run);
}

/* An app that serves on the port its code names, whatever PORT says: it
 * is shown there, and the log says why. */
static void
test_docker_hardcoded_port (SpaceFixture  *f,
                            gconstpointer  data)
{
  guint app_port = _vitrine_space_free_port (NULL);
  g_autofree char *literal = g_strdup_printf ("%u", app_port);
  g_autofree char *dir = docker_folder (f, "own-port", app_port, literal, "python app.py");
  g_autoptr(VitrineSpaceOptions) options = test_options ();
  g_autoptr(VitrineSpaceRun) run = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *body = NULL;
  g_autofree char *expected = g_strdup_printf ("served on %u", app_port);
  guint status;

  run = vitrine_space_run_new_for_folder (dir, f->cache, options);
  g_assert_true (start_run (run, &error, NULL));
  g_assert_no_error (error);
  g_assert_cmpuint (vitrine_space_run_get_port (run), ==, app_port);
  g_assert_true (log_has (run, "which its code names"));
  body = http_get (vitrine_space_run_get_url (run), &status);
  g_assert_cmpstr (body, ==, expected);
  stop_run (run);
}

/* A command that needs a container, with none: what is needed. */
static void
test_docker_needs_container (SpaceFixture  *f,
                             gconstpointer  data)
{
  g_autofree char *dir = docker_folder (f, "node", 7860, "7860", "[\"node\", \"server.js\"]");
  g_autofree char *shell = docker_folder (f, "shell", 7860, "7860", "pip install x && python app.py");
  g_autoptr(VitrineSpaceOptions) options = test_options ();
  g_autoptr(VitrineSpaceRun) run = vitrine_space_run_new_for_folder (dir, f->cache, options);
  g_autoptr(VitrineSpaceRun) shell_run = vitrine_space_run_new_for_folder (shell, f->cache, options);
  g_autoptr(GError) error = NULL;

  g_assert_false (start_run (run, &error, NULL));
  g_assert_cmpint (vitrine_space_run_get_state (run), ==, VITRINE_SPACE_STATE_FAILED);
  g_assert_nonnull (strstr (vitrine_space_run_get_error_message (run), "node server.js"));
  g_assert_nonnull (strstr (vitrine_space_run_get_error_message (run), "podman"));
  g_clear_error (&error);
  g_assert_false (start_run (shell_run, &error, NULL));
  g_assert_nonnull (strstr (vitrine_space_run_get_error_message (shell_run), "shell"));
}

static VitrineDockerPlan *
plan_for (SpaceFixture *f,
          const char   *dockerfile,
          GError      **error)
{
  g_autofree char *path = g_build_filename (f->tmp, "Dockerfile", NULL);

  write_file (f->tmp, "Dockerfile", dockerfile);
  return _vitrine_docker_plan_read (path, error);
}

static void
assert_argv (VitrineDockerPlan *plan,
             const char        *expected)
{
  g_autofree char *joined = NULL;

  g_assert_nonnull (plan);
  joined = g_strjoinv (" ", plan->argv);
  g_assert_cmpstr (joined, ==, expected);
}

/* The Python commands a Dockerfile may run, and the port each is given. */
static void
test_dockerfile_commands (SpaceFixture  *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VitrineDockerPlan) flask = plan_for (f, "FROM x\nCMD [\"flask\", \"run\", \"--host\", \"0.0.0.0\", "
                                                 "\"--port\", \"7860\"]\n", &error);
  g_autoptr(VitrineDockerPlan) uvicorn = plan_for (f, "FROM x\nCMD uvicorn main:app --host=0.0.0.0 \\\n"
                                                   "    --port 7860 --workers 1\n", &error);
  g_autoptr(VitrineDockerPlan) gunicorn = plan_for (f, "FROM x\nENTRYPOINT [\"gunicorn\"]\n"
                                                    "CMD [\"-b\", \"0.0.0.0:7860\", \"-w\", \"2\", \"app:server\"]\n",
                                                    &error);
  g_autoptr(VitrineDockerPlan) script = plan_for (f, "FROM x\n# A comment\ncmd [\"python3\", \"-u\", \"/app/main.py\"]\n"
                                                  "ENV A=1 B=\"two words\"\nENV LEGACY a value\n"
                                                  "ENV PATH=/home/user/.local/bin:$PATH HOME=/home/user\n", &error);
  g_autoptr(VitrineDockerPlan) streamlit = plan_for (f, "FROM x\nCMD python -m streamlit run app.py "
                                                     "--server.port=8501\n", &error);
  g_autoptr(VitrineDockerPlan) none = NULL;

  g_assert_no_error (error);
  assert_argv (flask, "@PYTHON@ -m flask run --host 127.0.0.1 --port @PORT@");
  assert_argv (uvicorn, "@PYTHON@ -m uvicorn main:app --workers 1 --host 127.0.0.1 --port @PORT@");
  assert_argv (gunicorn, "@PYTHON@ -m gunicorn -w 2 app:server --bind 127.0.0.1:@PORT@");
  assert_argv (script, "@PYTHON@ -u main.py");
  g_assert_true (script->port_in_env);
  g_assert_false (flask->port_in_env);
  g_assert_cmpstr (script->env_pairs[0], ==, "A=1");
  g_assert_cmpstr (script->env_pairs[1], ==, "B=two words");
  g_assert_cmpstr (script->env_pairs[2], ==, "LEGACY=a value");
  g_assert_null (script->env_pairs[3]);
  assert_argv (streamlit, "@PYTHON@ -m streamlit run app.py --server.port @PORT@ --server.address 127.0.0.1 "
                          "--server.headless true");

  none = plan_for (f, "FROM x\nRUN true\n", &error);
  g_assert_null (none);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED);
}

/* What a folder's README says, or its files when it says nothing. */
static void
test_front_matter (SpaceFixture  *f,
                   gconstpointer  data)
{
  g_autofree char *dir = space_folder (f, "front-matter");
  g_autoptr(VitrineSpaceConfig) config = NULL;
  g_autoptr(GError) error = NULL;

  write_file (dir, "README.md", "---\ntitle: Versions\nsdk: Gradio\napp_file: src/demo.py\npython_version: 3.10\n"
                                "models:\n  - a/b\n  - c/d\n---\n");
  write_file (dir, "src/demo.py", "pass\n");
  config = _vitrine_space_config_read (dir, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (config->sdk, ==, "gradio");
  g_assert_cmpstr (config->app_file, ==, "src/demo.py");
  g_assert_cmpstr (config->python_version, ==, "3.10");
  g_assert_cmpuint (config->app_port, ==, 7860);
  g_assert_cmpstr (config->models[1], ==, "c/d");
  g_clear_pointer (&config, _vitrine_space_config_free);

  /* No front matter: an app.py makes it a Gradio Space. */
  write_file (dir, "README.md", "Just words.\n");
  write_file (dir, "app.py", "pass\n");
  config = _vitrine_space_config_read (dir, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (config->sdk, ==, "gradio");
  g_assert_cmpstr (config->app_file, ==, "app.py");
  g_clear_pointer (&config, _vitrine_space_config_free);

  write_file (dir, "README.md", "---\nsdk: gradio\napp_file: ../outside.py\n---\n");
  g_assert_null (_vitrine_space_config_read (dir, &error));
  g_assert_error (error, VITRINE_ERROR, VITRINE_ERROR_INVALID_PATH);
  g_clear_error (&error);
  write_file (dir, "README.md", "---\nsdk: shiny\n---\n");
  g_assert_null (_vitrine_space_config_read (dir, &error));
  g_assert_nonnull (strstr (error->message, "shiny"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/spaces/env/" path, SpaceFixture, NULL, space_fixture_set_up, func, space_fixture_tear_down)

  ADD ("pip-index", test_pip_index);
  ADD ("offline", test_offline);
  ADD ("streamlit", test_streamlit);
  ADD ("docker-engine-offline", test_docker_engine_offline);
  ADD ("docker-hardcoded-port", test_docker_hardcoded_port);
  ADD ("docker-needs-container", test_docker_needs_container);
  ADD ("dockerfile-commands", test_dockerfile_commands);
  ADD ("front-matter", test_front_matter);
  return g_test_run ();
}
