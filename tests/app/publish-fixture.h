/* publish-fixture.h — the application with its window and this computer's
 * hub, a model folder to publish, and the wizard's widgets
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <string.h>
#include <adwaita.h>
#include <glib/gstdio.h>
#include <gtksourceview/gtksource.h>

#include "vitrine-application.h"
#include "vitrine-assistant.h"
#include "vitrine-card-step.h"
#include "vitrine-destination-step.h"
#include "vitrine-folder-step.h"
#include "vitrine-license-step.h"
#include "vitrine-publish-view.h"
#include "vitrine-review-step.h"
#include "vitrine-window.h"
#include "../test-util.h"

/* Steps of the wizard, in order. */
enum {
  STEP_FOLDER,
  STEP_CARD,
  STEP_LICENSE,
  STEP_DESTINATION,
  STEP_REVIEW,
};

typedef gboolean (*Condition) (gpointer data);

static inline gboolean
fixture_timed_out_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main loop until @condition holds; a test that waits longer
 * than two minutes fails, naming @what. */
static inline void
wait_until (Condition   condition,
            gpointer    data,
            const char *what)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add_seconds (120, fixture_timed_out_cb, &timed_out);

  while (!condition (data) && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (timed_out)
    g_error ("Timed out waiting for %s", what);
  g_source_remove (id);
}

static inline void
iterate_until_idle (void)
{
  for (guint i = 0; i < 200 && g_main_context_pending (NULL); i++)
    g_main_context_iteration (NULL, FALSE);
}

static inline gpointer
child_of (gpointer    widget,
          GType       type,
          const char *name)
{
  GObject *object = gtk_widget_get_template_child (GTK_WIDGET (widget), type, name);

  g_assert_nonnull (object);
  return object;
}

/* ---- The application -------------------------------------------------- */

static inline gboolean
has_current_account (gpointer data)
{
  VitrineAccount *account = vitrine_application_get_current_account (data);

  return account != NULL && vitrine_account_get_name (account) != NULL;
}

/* Returns whether the application quits now; if not, it must end by
 * itself (its last window gone, nothing held). */
typedef gboolean (*AppBody) (VitrineApplication *app,
                             gpointer            data);

typedef struct
{
  AppBody  body;
  gpointer data;
} AppRun;

static inline void
fixture_activated_cb (GApplication *app,
                      AppRun       *run)
{
  wait_until (has_current_account, app, "this computer's hub and its account");
  /* Ends as SIGTERM ends it: at once, the hub it started stopped. */
  if (run->body (VITRINE_APPLICATION (app), run->data))
    vitrine_application_quit_now (VITRINE_APPLICATION (app));
}

/* Runs the application as `vitrine` does (its window shows and this
 * computer's hub starts, as `vitrine-hub serve`), with @body once it is
 * ready, then quits it: the hub it started stops. */
static inline void
run_in_application (const char *id,
                    AppBody     body,
                    gpointer    data)
{
  VitrineApplication *app = vitrine_application_new (id, G_APPLICATION_NON_UNIQUE);
  AppRun run = { body, data };

  g_signal_connect_after (app, "activate", G_CALLBACK (fixture_activated_cb), &run);
  g_assert_cmpint (g_application_run (G_APPLICATION (app), 0, NULL), ==, 0);
  g_object_unref (app);
}

static inline VitrineWindow *
app_window (VitrineApplication *app)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  g_assert_true (VITRINE_IS_WINDOW (window));
  return VITRINE_WINDOW (window);
}

/* ---- The wizard ------------------------------------------------------- */

static inline VitrinePublishView *
publish_view (VitrineWindow *window)
{
  return VITRINE_PUBLISH_VIEW (vitrine_window_get_publish_view (window));
}

static inline VitrineAssistant *
assistant_of (VitrineWindow *window)
{
  return vitrine_publish_view_get_assistant (publish_view (window));
}

static inline gpointer
step (VitrineWindow *window,
      guint          index)
{
  return vitrine_assistant_get_page (assistant_of (window), index);
}

static inline gboolean
page_complete (gpointer page)
{
  return vitrine_assistant_page_get_complete (page);
}

static inline gboolean
page_not_waiting (gpointer page)
{
  return !vitrine_assistant_page_get_waiting (page);
}

static inline void
wait_complete (gpointer    page,
               const char *what)
{
  wait_until (page_not_waiting, page, what);
  if (!vitrine_assistant_page_get_complete (page))
    g_error ("%s: not complete: %s", what, vitrine_assistant_page_get_problem (page));
}

/* Next, as the bottom bar's button does. */
static inline void
press_next (VitrineWindow *window)
{
  VitrineAssistant *assistant = assistant_of (window);
  VitrineAssistantPage *before = vitrine_assistant_get_current_page (assistant);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (assistant), "assistant.next", NULL));
  if (before != vitrine_assistant_get_page (assistant, vitrine_assistant_get_n_pages (assistant) - 1))
    g_assert_true (vitrine_assistant_get_current_page (assistant) != before);
  iterate_until_idle ();
}

static inline void
type_into (gpointer    editable,
           const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (editable), text);
  iterate_until_idle ();
}

static inline gboolean
view_shows_done (gpointer data)
{
  const char *page = vitrine_publish_view_get_page (data);

  return g_str_equal (page, "done");
}

/* Publish pressed: the card is saved (off the main thread), then the
 * publish starts. */
static inline gboolean
view_left_wizard (gpointer data)
{
  const char *page = vitrine_publish_view_get_page (data);

  return g_str_equal (page, "progress") || g_str_equal (page, "done");
}

/* ---- A model folder --------------------------------------------------- */

static inline void
write_file (const char *dir,
            const char *name,
            const char *contents,
            gssize      len)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (path, contents, len, &error));
  g_assert_no_error (error);
}

/* A model folder: a config, a large file of @large_mb MiB (random bytes)
 * and a .env that looks like a secret. */
static inline char *
make_model_folder (const char *parent,
                   const char *name,
                   guint       large_mb)
{
  g_autofree char *dir = g_build_filename (parent, name, NULL);
  g_autofree char *weights = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);
  gsize size = (gsize) large_mb * 1024 * 1024;
  guint32 *data = g_malloc (size);

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  write_file (dir, "config.json", "{\"architectures\": [\"BertForSequenceClassification\"], \"model_type\": \"bert\"}\n", -1);
  write_file (dir, ".env", "HF_TOKEN=hf_notarealtokenbutitlooksalikeone\n", -1);
  for (gsize i = 0; i < size / sizeof (guint32); i++)
    data[i] = g_rand_int (rand);
  weights = g_build_filename (dir, "weights.bin", NULL);
  g_assert_true (g_file_set_contents (weights, (const char *) data, size, NULL));
  g_free (data);
  return g_steal_pointer (&dir);
}
