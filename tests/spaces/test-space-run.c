/* test-space-run.c — Spaces run on this computer, with real processes and
 * a real vitrine-hub: a static Space fetched and served, only what changed
 * fetched again, a docker-style Flask Space reading a model's config.json
 * from the hub, a gradio-kind Space and the environment its app sees,
 * crashes, stops that leave no process behind (also when the parent is
 * killed), and folders watched
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <signal.h>
#include <json-glib/json-glib.h>

#include "space-fixture.h"

static const char static_readme[] =
  "---\ntitle: Static demo\nemoji: 🪟\nsdk: static\napp_file: index.html\n---\n\nA static Space.\n";
static const char static_index[] =
  "<!DOCTYPE html>\n<html><head><link rel=\"stylesheet\" href=\"style.css\"></head>\n"
  "<body><h1 id=\"greeting\">Hello from a static Space</h1></body></html>\n";

static void
write_static_space (const char *dir)
{
  write_file (dir, "README.md", static_readme);
  write_file (dir, "index.html", static_index);
  write_file (dir, "style.css", "h1 { color: teal; }\n");
  write_file (dir, "pages/about.html", "<p id=\"about\">About this Space</p>\n");
}

static void
on_state_cb (VitrineSpaceRun *run,
             GParamSpec      *pspec,
             gpointer         user_data)
{
  GArray *states = user_data;
  VitrineSpaceState state = vitrine_space_run_get_state (run);

  g_array_append_val (states, state);
}

static gboolean
array_has (GArray            *states,
           VitrineSpaceState  state)
{
  for (guint i = 0; i < states->len; i++)
    if (g_array_index (states, VitrineSpaceState, i) == state)
      return TRUE;
  return FALSE;
}

/* A static Space published to the hub: fetched through the client, served
 * on loopback without a child, and nothing out of its folder. */
static void
test_static_space (SpaceFixture  *f,
                   gconstpointer  data)
{
  g_autofree char *dir = space_folder (f, "static");
  g_autofree char *repo = NULL;
  g_autoptr(VitrineSpaceOptions) options = test_options ();
  g_autoptr(VitrineSpaceRun) run = NULL;
  g_autoptr(GArray) states = g_array_new (FALSE, FALSE, sizeof (VitrineSpaceState));
  g_autoptr(GError) error = NULL;
  g_autofree char *body = NULL;
  g_autofree char *page = NULL;
  g_autofree char *root = NULL;
  guint status;
  double ms;

  write_static_space (dir);
  repo = publish (f, VITRINE_REPO_TYPE_SPACE, "static-demo", dir, "static");
  run = vitrine_space_run_new_for_repo (f->client, repo, f->cache, options);
  g_assert_cmpint (vitrine_space_run_get_state (run), ==, VITRINE_SPACE_STATE_IDLE);
  g_assert_cmpstr (vitrine_space_run_get_space_id (run), ==, repo);
  g_assert_false (vitrine_space_run_is_folder (run));
  g_signal_connect (run, "notify::state", G_CALLBACK (on_state_cb), states);

  g_assert_true (start_run (run, &error, NULL));
  g_assert_no_error (error);
  g_assert_true (array_has (states, VITRINE_SPACE_STATE_FETCHING));
  g_assert_cmpint (vitrine_space_run_get_state (run), ==, VITRINE_SPACE_STATE_RUNNING);
  g_assert_cmpstr (vitrine_space_run_get_sdk (run), ==, "static");
  g_assert_cmpstr (vitrine_space_run_get_title (run), ==, "Static demo");
  g_assert_null (vitrine_space_run_get_command (run));
  g_assert_true (g_str_has_prefix (vitrine_space_run_get_folder (run), f->cache));
  g_assert_true (g_str_has_prefix (vitrine_space_run_get_url (run), "http://127.0.0.1:"));
  g_assert_cmpuint (vitrine_space_run_get_port (run), >, 0);

  body = http_get (vitrine_space_run_get_url (run), &status);
  g_assert_cmpuint (status, ==, 200);
  g_assert_nonnull (strstr (body, "<h1 id=\"greeting\">Hello from a static Space</h1>"));
  root = g_strdup_printf ("http://127.0.0.1:%u/", vitrine_space_run_get_port (run));
  {
    g_autofree char *url = g_strconcat (root, "pages/about.html", NULL);
    page = http_get (url, &status);
    g_assert_cmpuint (status, ==, 200);
    g_assert_nonnull (strstr (page, "About this Space"));
  }
  /* Nothing outside the Space's folder: its manifest and environment
   * are one folder up, the hub's token further. */
  {
    static const char * const escapes[] = {
      "/../manifest.json", "/%2e%2e/manifest.json", "/pages/../../manifest.json", "/..%2fmanifest.json",
      "/%2e%2e/%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/passwd", "/.%2e/manifest.json",
    };

    for (guint i = 0; i < G_N_ELEMENTS (escapes); i++)
      {
        g_autofree char *escaped = http_get_raw (root, escapes[i], &status);

        /* Refused: by the server (400) or by the folder's confinement. */
        g_test_message ("%s: %u", escapes[i], status);
        g_assert_true (status == 404 || status == 400);
        g_assert_null (strstr (escaped, "commit"));
      }
  }

  stop_run (run);
  g_assert_null (vitrine_space_run_get_url (run));
  g_free (http_get (root, &status));
  g_assert_cmpuint (status, ==, 0);

  /* Again, its files already here. */
  g_assert_true (start_run (run, &error, &ms));
  g_assert_no_error (error);
  g_test_message ("static Space: start to ready in %.0f ms (files already fetched)", ms);
  g_assert_true (log_has (run, "files fetched 0,"));
  stop_run (run);
}

/* Symbolic links in a folder are followed only when they stay inside. */
static void
test_static_folder_links (SpaceFixture  *f,
                          gconstpointer  data)
{
  g_autofree char *dir = space_folder (f, "links");
  g_autofree char *outside = g_build_filename (f->tmp, "secret.txt", NULL);
  g_autofree char *leak = g_build_filename (dir, "leak.txt", NULL);
  g_autofree char *inside = g_build_filename (dir, "same.html", NULL);
  g_autoptr(VitrineSpaceOptions) options = test_options ();
  g_autoptr(VitrineSpaceRun) run = NULL;
  g_autoptr(GError) error = NULL;
  guint status;

  write_static_space (dir);
  write_file (dir, ".git/config", "[core]\n");
  write_file (f->tmp, "secret.txt", "the secret\n");
  g_assert_cmpint (symlink (outside, leak), ==, 0);
  g_assert_cmpint (symlink ("index.html", inside), ==, 0);
  run = vitrine_space_run_new_for_folder (dir, f->cache, options);
  g_assert_true (vitrine_space_run_is_folder (run));
  g_assert_cmpstr (vitrine_space_run_get_space_id (run), ==, "local/links");
  g_assert_true (start_run (run, &error, NULL));
  g_assert_no_error (error);
  g_assert_cmpstr (vitrine_space_run_get_folder (run), ==, dir);
  {
    g_autofree char *url = g_strconcat (vitrine_space_run_get_url (run), "leak.txt", NULL);
    g_autofree char *body = http_get (url, &status);

    g_assert_cmpuint (status, ==, 404);
    g_assert_null (strstr (body, "the secret"));
  }
  {
    g_autofree char *url = g_strconcat (vitrine_space_run_get_url (run), ".git/config", NULL);
    g_autofree char *body = http_get (url, &status);

    g_assert_cmpuint (status, ==, 404);
  }
  {
    g_autofree char *url = g_strconcat (vitrine_space_run_get_url (run), "same.html", NULL);
    g_autofree char *body = http_get (url, &status);

    g_assert_cmpuint (status, ==, 200);
    g_assert_nonnull (strstr (body, "Hello from a static Space"));
  }
  stop_run (run);
}

static void
stat_file (const char *path,
           GStatBuf   *st)
{
  g_assert_cmpint (g_stat (path, st), ==, 0);
}

/* The second run fetches only the file that changed, and removes the one
 * the Space no longer has. */
static void
test_refetch_changed (SpaceFixture  *f,
                      gconstpointer  data)
{
  g_autofree char *dir = space_folder (f, "refetch");
  g_autofree char *repo = NULL;
  g_autoptr(VitrineSpaceOptions) options = test_options ();
  g_autoptr(VitrineSpaceRun) run = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *kept = NULL;
  g_autofree char *gone = NULL;
  g_autofree char *body = NULL;
  GStatBuf before, after;
  guint status;

  write_static_space (dir);
  write_file (dir, "old.txt", "soon gone\n");
  repo = publish (f, VITRINE_REPO_TYPE_SPACE, "refetch", dir, "static");
  run = vitrine_space_run_new_for_repo (f->client, repo, f->cache, options);
  g_assert_true (start_run (run, &error, NULL));
  g_assert_no_error (error);
  stop_run (run);

  kept = g_build_filename (vitrine_space_run_get_folder (run), "style.css", NULL);
  gone = g_build_filename (vitrine_space_run_get_folder (run), "old.txt", NULL);
  stat_file (kept, &before);
  g_assert_true (g_file_test (gone, G_FILE_TEST_EXISTS));

  write_file (dir, "index.html", "<h1 id=\"greeting\">The second version</h1>\n");
  {
    g_autofree char *old = g_build_filename (dir, "old.txt", NULL);
    g_assert_cmpint (g_unlink (old), ==, 0);
  }
  g_free (publish (f, VITRINE_REPO_TYPE_SPACE, "refetch", dir, "static"));

  vitrine_log_clear (vitrine_space_run_get_log (run));
  g_assert_true (start_run (run, &error, NULL));
  g_assert_no_error (error);
  g_assert_true (log_has (run, "files fetched 1,"));
  g_assert_true (log_has (run, "removed 1."));
  g_assert_true (log_has (run, "Fetching index.html"));
  g_assert_false (log_has (run, "Fetching style.css"));
  stat_file (kept, &after);
  g_assert_cmpuint (before.st_ino, ==, after.st_ino);
  g_assert_cmpint (before.st_mtime, ==, after.st_mtime);
  g_assert_false (g_file_test (gone, G_FILE_TEST_EXISTS));
  body = http_get (vitrine_space_run_get_url (run), &status);
  g_assert_cmpuint (status, ==, 200);
  g_assert_nonnull (strstr (body, "The second version"));
  stop_run (run);
}

static const char flask_app[] =
  "import json, os, urllib.request\n"
  "from flask import Flask\n"
  "\n"
  "app = Flask(__name__)\n"
  "MODEL = os.environ['SPACE_AUTHOR_NAME'] + '/tiny-model'\n"
  "\n"
  "@app.route('/')\n"
  "def index():\n"
  "    url = f\"{os.environ['HF_ENDPOINT']}/{MODEL}/resolve/main/config.json\"\n"
  "    with urllib.request.urlopen(url) as response:\n"
  "        config = json.load(response)\n"
  "    return f\"<h1 id='value'>{os.environ['GREETING']}: hidden_size={config['hidden_size']}</h1>\"\n"
  "\n"
  "if __name__ == '__main__':\n"
  "    app.run(host='127.0.0.1', port=int(os.environ.get('PORT', 7860)))\n";

static const char flask_dockerfile[] =
  "FROM python:3.11-slim\n"
  "WORKDIR /app\n"
  "COPY requirements.txt .\n"
  "RUN pip install --no-cache-dir -r requirements.txt\n"
  "COPY . .\n"
  "ENV GREETING=\"Read from the hub\"\n"
  "EXPOSE 7860\n"
  "CMD [\"python\", \"app.py\"]\n";

/* A docker-style Flask Space (Debian's python3-flask) that reads a model's
 * config.json from the hub through HF_ENDPOINT and shows a value. */
static void
test_flask_space (SpaceFixture  *f,
                  gconstpointer  data)
{
  g_autofree char *model = space_folder (f, "tiny-model");
  g_autofree char *dir = space_folder (f, "flask");
  g_autofree char *repo = NULL;
  g_autofree char *readme = NULL;
  g_autofree char *body = NULL;
  g_autoptr(VitrineSpaceOptions) options = test_options ();
  g_autoptr(VitrineSpaceRun) run = NULL;
  g_autoptr(GError) error = NULL;
  guint status;
  double ms;

  write_file (model, "config.json", "{\"model_type\": \"tiny\", \"hidden_size\": 1234}\n");
  write_file (model, "README.md", "---\nlicense: mit\n---\n\nA tiny model.\n");
  g_free (publish (f, VITRINE_REPO_TYPE_MODEL, "tiny-model", model, NULL));

  readme = g_strdup_printf ("---\ntitle: Flask demo\nsdk: docker\napp_port: 7860\nmodels:\n  - %s/tiny-model\n"
                            "---\n", f->user);
  write_file (dir, "README.md", readme);
  write_file (dir, "Dockerfile", flask_dockerfile);
  write_file (dir, "requirements.txt", "flask\n");
  write_file (dir, "app.py", flask_app);
  repo = publish (f, VITRINE_REPO_TYPE_SPACE, "flask-demo", dir, "docker");

  run = vitrine_space_run_new_for_repo (f->client, repo, f->cache, options);
  g_assert_true (start_run (run, &error, NULL));
  g_assert_no_error (error);
  g_assert_cmpstr (vitrine_space_run_get_sdk (run), ==, "docker");
  g_assert_nonnull (strstr (vitrine_space_run_get_command (run), "app.py"));
  g_assert_true (log_has (run, "without a container"));
  body = http_get (vitrine_space_run_get_url (run), &status);
  g_assert_cmpuint (status, ==, 200);
  g_assert_nonnull (strstr (body, "Read from the hub: hidden_size=1234"));
  stop_run (run);

  /* Its environment is made: reused, and quicker to start. */
  vitrine_log_clear (vitrine_space_run_get_log (run));
  g_assert_true (start_run (run, &error, &ms));
  g_assert_no_error (error);
  g_test_message ("Flask Space: start to ready in %.0f ms (environment already made)", ms);
  g_assert_true (log_has (run, "requirements have not changed"));
  g_assert_false (log_has (run, "Making a Python environment"));
  g_clear_pointer (&body, g_free);
  body = http_get (vitrine_space_run_get_url (run), &status);
  g_assert_nonnull (strstr (body, "hidden_size=1234"));
  stop_run (run);
}

static const char env_app[] =
  "import json, os, http.server\n"
  "import spaces\n"
  "\n"
  "@spaces.GPU\n"
  "def plain():\n"
  "    return 'plain'\n"
  "\n"
  "@spaces.GPU(duration=60)\n"
  "def timed():\n"
  "    return 'timed'\n"
  "\n"
  "NAMES = ('HF_ENDPOINT', 'HF_TOKEN', 'HF_TOKEN_PATH', 'SPACE_ID', 'SPACE_AUTHOR_NAME',\n"
  "         'SPACE_REPO_NAME', 'SPACE_HOST', 'SPACE_TITLE', 'SYSTEM', 'GRADIO_SERVER_PORT',\n"
  "         'GRADIO_SERVER_NAME', 'GRADIO_SSR_MODE', 'PORT')\n"
  "\n"
  "class Handler(http.server.BaseHTTPRequestHandler):\n"
  "    def do_GET(self):\n"
  "        seen = {name: os.environ[name] for name in NAMES if name in os.environ}\n"
  "        seen['gpu'] = plain() + ',' + timed()\n"
  "        body = json.dumps(seen).encode()\n"
  "        self.send_response(200)\n"
  "        self.send_header('Content-Type', 'application/json')\n"
  "        self.end_headers()\n"
  "        self.wfile.write(body)\n"
  "\n"
  "print('serving on', os.environ['GRADIO_SERVER_PORT'])\n"
  "http.server.HTTPServer((os.environ['GRADIO_SERVER_NAME'], int(os.environ['GRADIO_SERVER_PORT'])),\n"
  "                       Handler).serve_forever()\n";

static JsonObject *
get_json (VitrineSpaceRun *run,
          JsonParser      *parser)
{
  g_autofree char *body = NULL;
  g_autoptr(GError) error = NULL;
  guint status;

  body = http_get (vitrine_space_run_get_url (run), &status);
  g_assert_cmpuint (status, ==, 200);
  g_assert_true (json_parser_load_from_data (parser, body, -1, &error));
  g_assert_no_error (error);
  return json_node_get_object (json_parser_get_root (parser));
}

/* A gradio-kind Space (a stand-in app on GRADIO_SERVER_PORT: Gradio cannot
 * be installed offline) and what its app is given: the Hub's variables,
 * the token only when shared, SYSTEM only when asked, `import spaces`. */
static void
test_gradio_environment (SpaceFixture  *f,
                         gconstpointer  data)
{
  g_autofree char *dir = space_folder (f, "env-demo");
  g_autoptr(VitrineSpaceOptions) options = test_options ();
  g_autoptr(VitrineSpaceRun) run = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *port = NULL;
  g_autofree char *host = NULL;
  JsonObject *seen;

  write_file (dir, "README.md", "---\ntitle: What the app sees\nsdk: gradio\napp_file: app.py\n---\n");
  write_file (dir, "app.py", env_app);
  vitrine_space_options_set_endpoint (options, "http://127.0.0.1:9/a-hub");
  vitrine_space_options_set_token (options, "hf_shared_with_consent");
  vitrine_space_options_set_share_token (options, TRUE);
  vitrine_space_options_set_system_spaces (options, TRUE);
  vitrine_space_options_set_space_id (options, "alice/env-demo");
  run = vitrine_space_run_new_for_folder (dir, f->cache, options);
  g_assert_true (start_run (run, &error, NULL));
  g_assert_no_error (error);
  g_assert_cmpstr (vitrine_space_run_get_sdk (run), ==, "gradio");
  g_assert_true (g_str_has_suffix (vitrine_space_run_get_command (run), "/bin/python app.py"));

  seen = get_json (run, parser);
  port = g_strdup_printf ("%u", vitrine_space_run_get_port (run));
  host = g_strdup_printf ("127.0.0.1:%u", vitrine_space_run_get_port (run));
  g_assert_cmpstr (json_object_get_string_member (seen, "GRADIO_SERVER_PORT"), ==, port);
  g_assert_cmpstr (json_object_get_string_member (seen, "GRADIO_SERVER_NAME"), ==, "127.0.0.1");
  g_assert_cmpstr (json_object_get_string_member (seen, "GRADIO_SSR_MODE"), ==, "False");
  g_assert_cmpstr (json_object_get_string_member (seen, "HF_ENDPOINT"), ==, "http://127.0.0.1:9/a-hub");
  g_assert_cmpstr (json_object_get_string_member (seen, "HF_TOKEN"), ==, "hf_shared_with_consent");
  g_assert_cmpstr (json_object_get_string_member (seen, "SPACE_ID"), ==, "alice/env-demo");
  g_assert_cmpstr (json_object_get_string_member (seen, "SPACE_AUTHOR_NAME"), ==, "alice");
  g_assert_cmpstr (json_object_get_string_member (seen, "SPACE_REPO_NAME"), ==, "env-demo");
  g_assert_cmpstr (json_object_get_string_member (seen, "SPACE_HOST"), ==, host);
  g_assert_cmpstr (json_object_get_string_member (seen, "SPACE_TITLE"), ==, "What the app sees");
  g_assert_cmpstr (json_object_get_string_member (seen, "SYSTEM"), ==, "spaces");
  g_assert_cmpstr (json_object_get_string_member (seen, "gpu"), ==, "plain,timed");
  stop_run (run);

  /* Not shared, not asked: no token (not the user's own either), no
   * SYSTEM; a token file is named where none is. */
  g_setenv ("HF_TOKEN", "hf_from_the_environment", TRUE);
  g_setenv ("SYSTEM", "not-spaces", TRUE);
  vitrine_space_options_set_share_token (options, FALSE);
  vitrine_space_options_set_system_spaces (options, FALSE);
  g_assert_true (start_run (run, &error, NULL));
  g_unsetenv ("HF_TOKEN");
  g_unsetenv ("SYSTEM");
  g_assert_no_error (error);
  seen = get_json (run, parser);
  g_assert_false (json_object_has_member (seen, "HF_TOKEN"));
  g_assert_false (json_object_has_member (seen, "SYSTEM"));
  g_assert_true (json_object_has_member (seen, "HF_TOKEN_PATH"));
  g_assert_false (g_file_test (json_object_get_string_member (seen, "HF_TOKEN_PATH"), G_FILE_TEST_EXISTS));
  stop_run (run);
}

static const char crash_at_start[] =
  "import sys\n"
  "print('starting')\n"
  "print('boom: the app failed on purpose', file=sys.stderr)\n"
  "sys.exit(3)\n";

static const char crash_later[] =
  "import os, sys, http.server\n"
  "class Handler(http.server.BaseHTTPRequestHandler):\n"
  "    def do_GET(self):\n"
  "        if self.path == '/crash':\n"
  "            print('crashing now, as asked', file=sys.stderr, flush=True)\n"
  "            os._exit(4)\n"
  "        self.send_response(200)\n"
  "        self.end_headers()\n"
  "        self.wfile.write(b'alive')\n"
  "http.server.HTTPServer(('127.0.0.1', int(os.environ['GRADIO_SERVER_PORT'])), Handler).serve_forever()\n";

static VitrineSpaceRun *
gradio_folder (SpaceFixture        *f,
               const char          *name,
               const char          *app,
               VitrineSpaceOptions *options)
{
  g_autofree char *dir = space_folder (f, name);

  write_file (dir, "README.md", "---\nsdk: gradio\n---\n");
  write_file (dir, "app.py", app);
  return vitrine_space_run_new_for_folder (dir, f->cache, options);
}

/* An app that stops by itself, before or after it answers, is crashed,
 * with its last lines; one that lacks a module says which. */
static void
test_crash (SpaceFixture  *f,
            gconstpointer  data)
{
  g_autoptr(VitrineSpaceOptions) options = test_options ();
  g_autoptr(VitrineSpaceRun) early = gradio_folder (f, "crash-early", crash_at_start, options);
  g_autoptr(VitrineSpaceRun) later = gradio_folder (f, "crash-later", crash_later, options);
  g_autoptr(VitrineSpaceRun) missing = gradio_folder (f, "needs-gradio", "import gradio as gr\n", options);
  g_autoptr(GError) error = NULL;
  const char *message;
  guint status;

  g_assert_false (start_run (early, &error, NULL));
  g_assert_nonnull (error);
  g_assert_cmpint (vitrine_space_run_get_state (early), ==, VITRINE_SPACE_STATE_CRASHED);
  message = vitrine_space_run_get_error_message (early);
  g_assert_nonnull (strstr (message, "boom: the app failed on purpose"));
  g_assert_nonnull (strstr (message, "status 3"));
  g_assert_nonnull (strstr (error->message, "boom"));
  g_assert_null (vitrine_space_run_get_url (early));
  g_clear_error (&error);

  g_assert_true (start_run (later, &error, NULL));
  g_assert_no_error (error);
  {
    g_autofree char *url = g_strconcat (vitrine_space_run_get_url (later), "crash", NULL);
    g_free (http_get (url, &status));
  }
  wait_for (run_not_running, later);
  g_assert_cmpint (vitrine_space_run_get_state (later), ==, VITRINE_SPACE_STATE_CRASHED);
  g_assert_nonnull (strstr (vitrine_space_run_get_error_message (later), "crashing now, as asked"));
  g_assert_nonnull (strstr (vitrine_space_run_get_error_message (later), "status 4"));

  g_assert_false (start_run (missing, &error, NULL));
  g_assert_cmpint (vitrine_space_run_get_state (missing), ==, VITRINE_SPACE_STATE_CRASHED);
  g_assert_nonnull (vitrine_space_run_get_missing_modules (missing));
  g_assert_cmpstr (vitrine_space_run_get_missing_modules (missing)[0], ==, "gradio");
  g_assert_null (vitrine_space_run_get_missing_modules (missing)[1]);
  g_assert_nonnull (strstr (vitrine_space_run_get_error_message (missing), "gradio"));
}

/* An app with a process of its own, which writes its process group. */
static const char family_app[] =
  "import os, subprocess, http.server\n"
  "child = subprocess.Popen(['sleep', '300'])\n"
  "with open(os.path.join(os.environ['FAMILY_DIR'], 'pgid.tmp'), 'w') as f:\n"
  "    f.write(str(os.getpgrp()))\n"
  "os.rename(os.path.join(os.environ['FAMILY_DIR'], 'pgid.tmp'),\n"
  "          os.path.join(os.environ['FAMILY_DIR'], 'pgid'))\n"
  "class Handler(http.server.BaseHTTPRequestHandler):\n"
  "    def do_GET(self):\n"
  "        self.send_response(200)\n"
  "        self.end_headers()\n"
  "        self.wfile.write(b'family')\n"
  "http.server.HTTPServer(('127.0.0.1', int(os.environ['GRADIO_SERVER_PORT'])), Handler).serve_forever()\n";

static gboolean
file_exists (gpointer path)
{
  return g_file_test (path, G_FILE_TEST_EXISTS);
}

/* The app's process group, once it wrote it, with its two processes. */
static int
family_pgid (const char *family_dir)
{
  g_autofree char *path = g_build_filename (family_dir, "pgid", NULL);
  g_autofree char *text = NULL;
  int pgid;

  wait_for (file_exists, path);
  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  pgid = atoi (text);
  g_assert_cmpint (pgid, >, 1);
  g_assert_cmpint (pgid, !=, getpgrp ());
  /* The watchdog, the app and its sleep. */
  g_assert_cmpuint (test_group_count (pgid), >=, 3);
  return pgid;
}

static VitrineSpaceRun *
family_run (SpaceFixture *f,
            const char   *name,
            char        **family_dir)
{
  g_autoptr(VitrineSpaceOptions) options = test_options ();

  *family_dir = g_build_filename (f->tmp, name, NULL);
  g_mkdir_with_parents (*family_dir, 0755);
  g_setenv ("FAMILY_DIR", *family_dir, TRUE);
  return gradio_folder (f, name, family_app, options);
}

/* A stop, and the application quitting (the run disposed of): no
 * process of the Space remains. */
static void
test_stop_leaves_nothing (SpaceFixture  *f,
                          gconstpointer  data)
{
  g_autofree char *family = NULL;
  g_autofree char *family2 = NULL;
  g_autoptr(VitrineSpaceRun) run = family_run (f, "family-stop", &family);
  VitrineSpaceRun *quitting;
  g_autoptr(GError) error = NULL;
  int pgid;

  g_assert_true (start_run (run, &error, NULL));
  g_assert_no_error (error);
  pgid = family_pgid (family);
  stop_run (run);
  g_assert_cmpuint (test_group_count (pgid), ==, 0);

  quitting = family_run (f, "family-quit", &family2);
  g_assert_true (start_run (quitting, &error, NULL));
  g_assert_no_error (error);
  pgid = family_pgid (family2);
  g_object_unref (quitting);
  g_assert_true (test_group_wait_empty (pgid, 10));
}

/* `vitrine-cli space run` stops everything on Ctrl+C; killed with
 * SIGKILL, it leaves nothing either, within seconds. */
static void
test_cli_parent_gone (SpaceFixture  *f,
                      gconstpointer  data)
{
  int sig = GPOINTER_TO_INT (data);
  g_autofree char *dir = space_folder (f, "cli-family");
  g_autofree char *family = g_build_filename (f->tmp, "cli-family-pids", NULL);
  g_autoptr(GSubprocess) cli = NULL;
  g_autoptr(GDataInputStream) out = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *url = NULL;
  g_autofree char *body = NULL;
  guint status;
  int pgid;

  write_file (dir, "README.md", "---\nsdk: gradio\n---\n");
  write_file (dir, "app.py", family_app);
  g_mkdir_with_parents (family, 0755);
  g_setenv ("FAMILY_DIR", family, TRUE);
  cli = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error, g_getenv ("VITRINE_CLI_EXE"), "space", "run",
                          dir, "--python", TEST_PYTHON, NULL);
  g_assert_no_error (error);
  out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (cli));
  url = g_data_input_stream_read_line (out, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (url);
  g_assert_true (g_str_has_prefix (url, "http://127.0.0.1:"));
  body = http_get (url, &status);
  g_assert_cmpuint (status, ==, 200);
  g_assert_cmpstr (body, ==, "family");
  pgid = family_pgid (family);

  g_subprocess_send_signal (cli, sig);
  g_assert_true (g_subprocess_wait (cli, NULL, &error));
  if (sig == SIGINT)
    {
      /* Stopped before it ended, and ended well. */
      g_assert_true (g_subprocess_get_if_exited (cli));
      g_assert_cmpint (g_subprocess_get_exit_status (cli), ==, 0);
      g_assert_cmpuint (test_group_count (pgid), ==, 0);
    }
  else
    g_assert_true (test_group_wait_empty (pgid, 8));
}

static void
on_files_changed_cb (VitrineSpaceRun *run,
                     gpointer         user_data)
{
  (*(guint *) user_data)++;
}

static gboolean
counted (gpointer data)
{
  return *(guint *) data > 0;
}

/* A watched folder: a static page says so at once; an app is restarted
 * first, and serves the new code; a fix saved after a crash runs. */
static void
test_watch (SpaceFixture  *f,
            gconstpointer  data)
{
  g_autofree char *dir = space_folder (f, "watched-static");
  g_autoptr(VitrineSpaceOptions) options = test_options ();
  g_autoptr(VitrineSpaceRun) run = NULL;
  g_autoptr(VitrineSpaceRun) app = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *body = NULL;
  guint changes = 0, app_changes = 0;
  guint status;

  write_static_space (dir);
  vitrine_space_options_set_watch (options, TRUE);
  run = vitrine_space_run_new_for_folder (dir, f->cache, options);
  g_signal_connect (run, "files-changed", G_CALLBACK (on_files_changed_cb), &changes);
  g_assert_true (start_run (run, &error, NULL));
  g_assert_no_error (error);
  write_file (dir, "index.html", "<h1>Edited while it runs</h1>\n");
  wait_for (counted, &changes);
  body = http_get (vitrine_space_run_get_url (run), &status);
  g_assert_nonnull (strstr (body, "Edited while it runs"));
  stop_run (run);

  app = gradio_folder (f, "watched-app", crash_later, options);
  g_signal_connect (app, "files-changed", G_CALLBACK (on_files_changed_cb), &app_changes);
  g_assert_true (start_run (app, &error, NULL));
  g_assert_no_error (error);
  g_clear_pointer (&body, g_free);
  body = http_get (vitrine_space_run_get_url (app), &status);
  g_assert_cmpstr (body, ==, "alive");
  {
    g_autoptr(GString) edited = g_string_new (crash_later);

    g_string_replace (edited, "b'alive'", "b'edited and restarted'", 0);
    write_file (vitrine_space_run_get_folder (app), "app.py", edited->str);
  }
  wait_for (counted, &app_changes);
  g_assert_cmpint (vitrine_space_run_get_state (app), ==, VITRINE_SPACE_STATE_RUNNING);
  g_clear_pointer (&body, g_free);
  body = http_get (vitrine_space_run_get_url (app), &status);
  g_assert_cmpstr (body, ==, "edited and restarted");
  stop_run (app);

  {
    g_autoptr(VitrineSpaceRun) broken = gradio_folder (f, "watched-crash", crash_at_start, options);
    guint fixed = 0;

    g_signal_connect (broken, "files-changed", G_CALLBACK (on_files_changed_cb), &fixed);
    g_assert_false (start_run (broken, &error, NULL));
    g_clear_error (&error);
    g_assert_cmpint (vitrine_space_run_get_state (broken), ==, VITRINE_SPACE_STATE_CRASHED);
    write_file (vitrine_space_run_get_folder (broken), "app.py", crash_later);
    wait_for (counted, &fixed);
    g_assert_cmpint (vitrine_space_run_get_state (broken), ==, VITRINE_SPACE_STATE_RUNNING);
    g_assert_null (vitrine_space_run_get_error_message (broken));
    stop_run (broken);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func, data) \
  g_test_add ("/spaces/run/" path, SpaceFixture, data, space_fixture_set_up, func, space_fixture_tear_down)

  ADD ("static", test_static_space, WITH_HUB);
  ADD ("static-folder-links", test_static_folder_links, NULL);
  ADD ("refetch-changed", test_refetch_changed, WITH_HUB);
  ADD ("flask", test_flask_space, WITH_HUB);
  ADD ("gradio-environment", test_gradio_environment, NULL);
  ADD ("crash", test_crash, NULL);
  ADD ("stop-leaves-nothing", test_stop_leaves_nothing, NULL);
  ADD ("cli-interrupted", test_cli_parent_gone, GINT_TO_POINTER (SIGINT));
  ADD ("cli-killed", test_cli_parent_gone, GINT_TO_POINTER (SIGKILL));
  ADD ("watch", test_watch, NULL);
  return g_test_run ();
}
