/* test-accessibility.c — what a screen reader hears: every control of
 * Vitrine's windows and dialogs has a name of its own
 *
 * The names are read the way assistive technologies read them: over
 * AT-SPI, from the accessibility bus of the test's own D-Bus session, so
 * what GTK computes from labels, mnemonics, tooltips and relations is
 * what is checked.  The windows are Vitrine's own: the main window with
 * its areas and menus, the card editor, the preferences and the card's
 * dialogs, the Demos area with a demo running and crashed, and its
 * dialogs (the About and Shortcuts windows are the toolkit's).
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <unistd.h>
#include <adwaita.h>
#include <glib/gstdio.h>
#include <gtksourceview/gtksource.h>

#include "../server/hub-fixture.h"
#include "vitrine-application.h"
#include "vitrine-assistant.h"
#include "vitrine-card-diff-dialog.h"
#include "vitrine-compare-window.h"
#include "vitrine-history-page.h"
#include "vitrine-card-editor.h"
#include "vitrine-card-form.h"
#include "vitrine-card-source.h"
#include "vitrine-create-demo-dialog.h"
#include "vitrine-demos-page.h"
#include "vitrine-folder-step.h"
#include "vitrine-license-step.h"
#include "vitrine-preferences-window.h"
#include "vitrine-publish-done-view.h"
#include "vitrine-publish-progress-view.h"
#include "vitrine-publish-view.h"
#include "vitrine-sign-in-dialog.h"
#include "vitrine-window.h"

static VitrineApplication *app;

/* ---- AT-SPI ----------------------------------------------------------- */

typedef struct
{
  GDBusConnection *bus;
  char            *gtk;     /* GTK's name on the bus */
} A11y;

static A11y a11y;

typedef struct
{
  gboolean  done;
  GVariant *reply;
  GError   *error;
} Call;

static void
call_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  Call *call = user_data;

  call->reply = g_dbus_connection_call_finish (G_DBUS_CONNECTION (source), result, &call->error);
  call->done = TRUE;
}

/* A call into this very process (GTK answers from the main loop), so the
 * loop turns while it waits. */
static GVariant *
call (const char *dest,
      const char *path,
      const char *iface,
      const char *method,
      GVariant   *params,
      const char *reply_type)
{
  Call c = { 0 };

  g_dbus_connection_call (a11y.bus, dest, path, iface, method, params, G_VARIANT_TYPE (reply_type),
                          G_DBUS_CALL_FLAGS_NONE, 10000, NULL, call_done_cb, &c);
  while (!c.done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_no_error (c.error);
  return c.reply;
}

/* The same, for an object that may have gone while the loop turned (a
 * list remade its rows): NULL then. */
static GVariant *
call_object (const char *dest,
             const char *path,
             const char *iface,
             const char *method,
             GVariant   *params,
             const char *reply_type)
{
  Call c = { 0 };

  g_dbus_connection_call (a11y.bus, dest, path, iface, method, params, G_VARIANT_TYPE (reply_type),
                          G_DBUS_CALL_FLAGS_NONE, 10000, NULL, call_done_cb, &c);
  while (!c.done)
    g_main_context_iteration (NULL, TRUE);
  if (g_error_matches (c.error, G_DBUS_ERROR, G_DBUS_ERROR_UNKNOWN_METHOD) ||
      g_error_matches (c.error, G_DBUS_ERROR, G_DBUS_ERROR_UNKNOWN_OBJECT))
    {
      g_test_message ("%s went while the tree was read", path);
      g_clear_error (&c.error);
      return NULL;
    }
  g_assert_no_error (c.error);
  return c.reply;
}

static void
connect_to_a11y_bus (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDBusConnection) session = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, &error);
  g_autoptr(GVariant) address = NULL;
  g_autoptr(GVariant) names = NULL;
  g_autoptr(GVariantIter) iter = NULL;
  const char *address_text;
  const char *name;

  g_assert_no_error (error);
  address = g_dbus_connection_call_sync (session, "org.a11y.Bus", "/org/a11y/bus", "org.a11y.Bus", "GetAddress",
                                         NULL, G_VARIANT_TYPE ("(s)"), G_DBUS_CALL_FLAGS_NONE, 10000, NULL, &error);
  g_assert_no_error (error);
  g_variant_get (address, "(&s)", &address_text);
  a11y.bus = g_dbus_connection_new_for_address_sync (address_text,
                                                     G_DBUS_CONNECTION_FLAGS_AUTHENTICATION_CLIENT |
                                                     G_DBUS_CONNECTION_FLAGS_MESSAGE_BUS_CONNECTION,
                                                     NULL, NULL, &error);
  g_assert_no_error (error);

  /* GTK's connection is the one of this process that is not ours. */
  names = call ("org.freedesktop.DBus", "/org/freedesktop/DBus", "org.freedesktop.DBus", "ListNames", NULL, "(as)");
  g_variant_get (names, "(as)", &iter);
  while (a11y.gtk == NULL && g_variant_iter_next (iter, "&s", &name))
    {
      g_autoptr(GVariant) pid = NULL;
      guint32 process;

      if (name[0] != ':' || g_str_equal (name, g_dbus_connection_get_unique_name (a11y.bus)))
        continue;
      pid = call ("org.freedesktop.DBus", "/org/freedesktop/DBus", "org.freedesktop.DBus",
                  "GetConnectionUnixProcessID", g_variant_new ("(s)", name), "(u)");
      g_variant_get (pid, "(u)", &process);
      if (process == (guint32) getpid ())
        a11y.gtk = g_strdup (name);
    }
  g_assert_nonnull (a11y.gtk);

  /* GTK answers for its windows once the registry took it in. */
  for (gboolean registered = FALSE; !registered;)
    {
      g_autoptr(GVariant) apps = call ("org.a11y.atspi.Registry", "/org/a11y/atspi/accessible/root",
                                       "org.a11y.atspi.Accessible", "GetChildren", NULL, "(a(so))");
      g_autoptr(GVariantIter) children = NULL;
      const char *path;

      g_variant_get (apps, "(a(so))", &children);
      while (g_variant_iter_next (children, "(&s&o)", &name, &path))
        registered |= g_str_equal (name, a11y.gtk);
      for (guint i = 0; i < 50; i++)
        g_main_context_iteration (NULL, FALSE);
    }
}

/* What a screen reader hears of each object GTK presents, as lines of
 * "where: role “name”".  FALSE when an object went while it was read:
 * the tree changed, and is read again. */
static gboolean
walk (const char *path,
      const char *where,
      GPtrArray  *nodes)
{
  g_autoptr(GVariant) name_reply = call_object (a11y.gtk, path, "org.freedesktop.DBus.Properties", "Get",
                                                g_variant_new ("(ss)", "org.a11y.atspi.Accessible", "Name"), "(v)");
  g_autoptr(GVariant) role_reply = NULL;
  g_autoptr(GVariant) children = NULL;
  g_autoptr(GVariant) name = NULL;
  g_autofree char *here = NULL;
  g_autoptr(GVariantIter) iter = NULL;
  const char *role;
  const char *dest, *child;

  if (name_reply == NULL)
    return FALSE;
  role_reply = call_object (a11y.gtk, path, "org.a11y.atspi.Accessible", "GetRoleName", NULL, "(s)");
  if (role_reply == NULL)
    return FALSE;
  children = call_object (a11y.gtk, path, "org.a11y.atspi.Accessible", "GetChildren", NULL, "(a(so))");
  if (children == NULL)
    return FALSE;
  g_variant_get (name_reply, "(v)", &name);
  g_variant_get (role_reply, "(&s)", &role);
  here = g_strdup_printf ("%s/%s", where, role);

  g_ptr_array_add (nodes, g_strdup_printf ("%s\t%s\t%s", here, role, g_variant_get_string (name, NULL)));
  g_variant_get (children, "(a(so))", &iter);
  while (g_variant_iter_next (iter, "(&s&o)", &dest, &child))
    /* Web content is the web process's to present, not GTK's. */
    if (g_str_equal (dest, a11y.gtk) && !walk (child, here, nodes))
      return FALSE;
  return TRUE;
}

/* The roles of what the user acts on: each needs a name. */
static const char * const control_roles[] = {
  "button", "push button", "toggle button", "check box", "radio button", "menu item",
  "check menu item", "radio menu item", "combo box", "entry", "text", "text box", "password text",
  "spin button", "slider", "switch", "page tab", "link", NULL
};

/* Whether @name says a label twice, once with its mnemonic marker: the
 * "_Save Save" that GTK 4.8 makes of a button with a mnemonic. */
static gboolean
has_mnemonic_marker (const char *name)
{
  g_auto(GStrv) words = g_strsplit (name, " ", -1);

  for (guint i = 0; words[i] != NULL; i++)
    {
      g_autoptr(GString) bare = NULL;

      if (strchr (words[i], '_') == NULL)
        continue;
      bare = g_string_new (words[i]);
      g_string_replace (bare, "_", "", 0);
      if (g_strv_contains ((const char * const *) words, bare->str))
        return TRUE;
    }
  return FALSE;
}

/* A name GTK made up from a widget's type, for want of a real one. */
static gboolean
is_type_name (const char *name)
{
  return (g_str_has_prefix (name, "Gtk") || g_str_has_prefix (name, "Adw") ||
          g_str_has_prefix (name, "Vitrine") || g_str_has_prefix (name, "WebKit")) &&
         strchr (name, ' ') == NULL && g_ascii_isupper (name[3]);
}

static void iterate_until_idle (void);

/* Walks every window shown and collects what a screen reader would
 * stumble on; @state names the state of the application it is in. */
static void
check_names (const char *state,
             GString    *failures)
{
  g_autoptr(GPtrArray) nodes = g_ptr_array_new_with_free_func (g_free);
  GtkSettings *settings = gtk_settings_get_default ();

  for (guint i = 0; i < 20; i++)
    g_main_context_iteration (NULL, FALSE);
  /* Every question the walk asks is answered by this process's own main
   * loop: a spinner turning somewhere would draw a frame between each of
   * thousands of them.  What is checked is names, not motion; the states
   * in between still animate as they do for users. */
  g_object_set (settings, "gtk-enable-animations", FALSE, NULL);
  for (guint attempt = 0; !walk ("/org/a11y/atspi/accessible/root", "", nodes); attempt++)
    {
      g_assert_cmpuint (attempt, <, 20);
      g_ptr_array_set_size (nodes, 0);
      iterate_until_idle ();
    }
  g_object_set (settings, "gtk-enable-animations", TRUE, NULL);
  g_assert_cmpuint (nodes->len, >, 10);
  for (guint i = 0; i < nodes->len; i++)
    {
      g_auto(GStrv) fields = g_strsplit (g_ptr_array_index (nodes, i), "\t", 3);
      const char *where = fields[0], *role = fields[1], *name = fields[2];
      gboolean control = g_strv_contains (control_roles, role);
      const char *problem = NULL;

      if (strstr (name, "GtkImage") != NULL || (control && is_type_name (name)))
        problem = "is named after its type";
      else if (has_mnemonic_marker (name))
        problem = "says its label twice";
      else if (control && *name == '\0')
        problem = "has no name";
      else if (control && strchr (name, '_') != NULL)
        problem = "has a mnemonic underscore in its name";
      if (problem != NULL)
        g_string_append_printf (failures, "%s: %s “%s” %s\n    (%s)\n", state, role, name, problem, where);
      if (g_test_verbose ())
        g_test_message ("%s\t%s\t“%s”", state, where, name);
    }
}

/* ---- The windows ------------------------------------------------------ */

static void
iterate_until_idle (void)
{
  for (guint i = 0; i < 200 && g_main_context_pending (NULL); i++)
    g_main_context_iteration (NULL, FALSE);
}

static gpointer
find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return window;
    }
  return NULL;
}

static void
find_menu_buttons (GtkWidget *widget,
                   GPtrArray *found)
{
  if (GTK_IS_MENU_BUTTON (widget) && gtk_widget_is_drawable (widget))
    g_ptr_array_add (found, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    find_menu_buttons (child, found);
}

static gpointer
editor_child (VitrineCardEditor *editor,
              const char        *name)
{
  GObject *object = gtk_widget_get_template_child (GTK_WIDGET (editor), VITRINE_TYPE_CARD_EDITOR, name);
  GtkWidget *form = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (editor), VITRINE_TYPE_CARD_EDITOR, "form"));

  if (object == NULL)
    object = gtk_widget_get_template_child (form, VITRINE_TYPE_CARD_FORM, name);
  g_assert_nonnull (object);
  return object;
}

static gpointer
history_child (GtkWidget  *page,
               const char *name)
{
  GObject *object = gtk_widget_get_template_child (page, VITRINE_TYPE_HISTORY_PAGE, name);

  g_assert_nonnull (object);
  return object;
}

static gboolean
stack_shows (GtkWidget  *page,
             const char *stack,
             const char *child)
{
  return g_strcmp0 (gtk_stack_get_visible_child_name (history_child (page, stack)), child) == 0;
}

static gboolean
waited_too_long_cb (gpointer data)
{
  g_error ("Timed out waiting for %s", (const char *) data);
  return G_SOURCE_REMOVE;
}

/* Turns the main loop until the history page's @stack shows @child. */
static void
wait_for_stack (GtkWidget  *page,
                const char *stack,
                const char *child)
{
  guint id = g_timeout_add_seconds (60, waited_too_long_cb, (gpointer) child);

  while (!stack_shows (page, stack, child))
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (id);
}

static GtkWidget *
wait_for_toplevel (GType type)
{
  guint id = g_timeout_add_seconds (60, waited_too_long_cb, (gpointer) g_type_name (type));
  GtkWidget *found;

  while ((found = find_toplevel (type)) == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (id);
  return found;
}

typedef struct
{
  int   width;
  int   height;
  guint stable;
  guint frames;
} Settling;

static gboolean
settle_frame_cb (GtkWidget     *widget,
                 GdkFrameClock *clock,
                 gpointer       data)
{
  Settling *s = data;
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);

  s->stable = width == s->width && height == s->height ? s->stable + 1 : 0;
  s->width = width;
  s->height = height;
  s->frames++;
  return s->stable < 3 && s->frames < 100 ? G_SOURCE_CONTINUE : G_SOURCE_REMOVE;
}

/* A window is laid out over a few frames (a dialog chooses where its
 * buttons go once its size is known, lists make their rows): its size the
 * same for three frames, what a screen reader is about to read stays. */
static void
settle_frames (GtkWidget *widget)
{
  Settling s = { -1, -1, 0, 0 };

  gtk_widget_add_tick_callback (widget, settle_frame_cb, &s, NULL);
  while (s.stable < 3 && s.frames < 100)
    g_main_context_iteration (NULL, TRUE);
  iterate_until_idle ();
}

/* The History area with a repository, a version, and each of its
 * dialogs; then narrow, one pane at a time. */
static void
check_history (VitrineWindow *window,
               GString       *failures)
{
  Hub hub = { 0 };
  g_autoptr(VitrineClient) client = NULL;
  g_autoptr(VitrineAccount) account = NULL;
  g_autofree char *first = NULL;
  GtkWidget *page = vitrine_window_get_history_page (window);
  GtkWidget *dialog;

  hub_setup (&hub, NULL);
  hub_create_repo (&hub, hub.alice, "{\"name\":\"bert\"}");
  hub_create_repo (&hub, hub.alice, "{\"name\":\"reviews\",\"type\":\"dataset\",\"private\":true}");
  {
    g_autofree char *op = file_op ("README.md", "---\nlicense: mit\n---\n# Bert\n\nTrained twice.\n");
    g_autofree char *payload = ndjson_commit ("First version", NULL, op);
    g_autoptr(Reply) reply = hub_commit (&hub, "alice/bert", hub.alice, payload);

    g_assert_cmpuint (reply->status, ==, 200);
    first = g_strdup (reply_string (reply, "commitOid"));
  }
  {
    g_autofree char *path = g_strdup_printf ("/api/models/alice/bert/tag/%s", first);
    g_autoptr(Reply) reply = hub_call (&hub, "POST", path, hub.alice, NULL, "{\"tag\":\"v1\"}", -1);
    g_assert_cmpuint (reply->status, ==, 200);
  }
  {
    g_autofree char *op = file_op ("README.md", "---\nlicense: apache-2.0\n---\n# Bert\n\nTrained three times.\n");
    g_autofree char *payload = ndjson_commit ("Second version", NULL, op);
    g_autoptr(Reply) reply = hub_commit (&hub, "alice/bert", hub.alice, payload);

    g_assert_cmpuint (reply->status, ==, 200);
  }

  client = vitrine_client_new (hub.url, hub.alice);
  account = vitrine_account_new (VITRINE_ACCOUNT_KIND_LOCAL, client, "alice");
  vitrine_history_page_set_account (VITRINE_HISTORY_PAGE (page), account);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-history", "s", "alice/bert"));
  wait_for_stack (page, "commits_stack", "list");
  g_assert_true (vitrine_history_page_select_commit (VITRINE_HISTORY_PAGE (page), first));
  wait_for_stack (page, "changes_stack", "changes");
  settle_frames (GTK_WIDGET (window));
  check_names ("history", failures);

  /* Its dialogs, each shown, then closed. */
  {
    static const struct { const char *action; const char *target; const char *state; } dialogs[] = {
      { "history.tag", NULL, "tag dialog" },
      { "history.branch", NULL, "branch dialog" },
      { "history.restore", NULL, "restore confirmation" },
      { "history.download", NULL, "download dialog" },
      { "history.delete-tag", "v1", "delete-tag dialog" },
    };

    for (guint i = 0; i < G_N_ELEMENTS (dialogs); i++)
      {
        if (dialogs[i].target != NULL)
          g_assert_true (gtk_widget_activate_action (page, dialogs[i].action, "s", dialogs[i].target));
        else
          g_assert_true (gtk_widget_activate_action (page, dialogs[i].action, NULL));
        dialog = wait_for_toplevel (ADW_TYPE_MESSAGE_DIALOG);
        settle_frames (dialog);
        check_names (dialogs[i].state, failures);
        gtk_window_destroy (GTK_WINDOW (dialog));
        iterate_until_idle ();
      }
  }
  g_assert_true (gtk_widget_activate_action (page, "history.compare", NULL));
  dialog = wait_for_toplevel (VITRINE_TYPE_COMPARE_WINDOW);
  while (vitrine_compare_window_get_loading (VITRINE_COMPARE_WINDOW (dialog)))
    g_main_context_iteration (NULL, TRUE);
  settle_frames (dialog);
  check_names ("compare window", failures);
  gtk_window_destroy (GTK_WINDOW (dialog));
  iterate_until_idle ();

  /* Narrow: one pane at a time, with a way back. */
  gtk_window_set_default_size (GTK_WINDOW (window), 600, 700);
  while (!adw_leaflet_get_folded (history_child (page, "leaflet")) ||
         adw_leaflet_get_child_transition_running (history_child (page, "leaflet")))
    g_main_context_iteration (NULL, TRUE);
  settle_frames (GTK_WIDGET (window));
  check_names ("narrow history", failures);
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 800);
  iterate_until_idle ();

  vitrine_history_page_set_account (VITRINE_HISTORY_PAGE (page), NULL);
  iterate_until_idle ();
  hub_teardown (&hub, NULL);
}

static gboolean
demos_page_shows (gpointer data)
{
  VitrineDemosPage *page = ((gpointer *) data)[0];
  VitrineDemoView *view = vitrine_demos_page_get_view (page);

  if (g_strcmp0 (vitrine_demos_page_get_shown (page), ((gpointer *) data)[1]) != 0)
    return FALSE;
  return view == NULL || !webkit_web_view_is_loading (vitrine_demo_view_get_web_view (view));
}

static void
wait_for_page (VitrineDemosPage *page,
               const char       *name)
{
  gpointer data[] = { page, (gpointer) name };
  gint64 deadline = g_get_monotonic_time () + 120 * G_USEC_PER_SEC;

  while (!demos_page_shows (data))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
}

/* The Demos area with a demo, with its log, crashed; its dialogs. */
static void
check_demos (VitrineWindow *window,
             GString       *failures)
{
  VitrineDemosPage *page = VITRINE_DEMOS_PAGE (vitrine_window_get_demos_page (window));
  g_autoptr(GError) error = NULL;
  g_autofree char *tmp = g_dir_make_tmp ("vitrine-a11y-demo-XXXXXX", &error);
  g_autofree char *good = g_build_filename (tmp, "good", NULL);
  g_autofree char *bad = g_build_filename (tmp, "bad", NULL);
  g_autofree char *good_readme = g_build_filename (good, "README.md", NULL);
  g_autofree char *good_page = g_build_filename (good, "index.html", NULL);
  g_autofree char *bad_readme = g_build_filename (bad, "README.md", NULL);
  g_autofree char *bad_app = g_build_filename (bad, "app.py", NULL);
  g_autoptr(VitrineClient) client = vitrine_client_new ("http://127.0.0.1:9", NULL);
  g_autoptr(VitrineAccount) account = vitrine_account_new (VITRINE_ACCOUNT_KIND_LOCAL, client, "alice");
  GtkWidget *dialog;

  g_mkdir (good, 0700);
  g_mkdir (bad, 0700);
  g_assert_true (g_file_set_contents (good_readme, "---\nsdk: static\n---\n", -1, NULL));
  g_assert_true (g_file_set_contents (good_page, "<h1>Hello</h1>", -1, NULL));
  g_assert_true (g_file_set_contents (bad_readme, "---\nsdk: gradio\napp_file: app.py\n---\n", -1, NULL));
  g_assert_true (g_file_set_contents (bad_app, "raise SystemExit('no')\n", -1, NULL));

  vitrine_window_set_area (window, "demos");
  vitrine_demos_page_run_folder (page, good);
  wait_for_page (page, "web");
  g_object_set (page, "log-visible", TRUE, NULL);
  iterate_until_idle ();
  check_names ("demo with its log", failures);

  vitrine_demos_page_run_folder (page, bad);
  wait_for_page (page, "problem");
  check_names ("crashed demo", failures);
  g_object_set (page, "log-visible", FALSE, NULL);

  /* Open a Space… asks for its id. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "demos.open-space", NULL));
  iterate_until_idle ();
  dialog = find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  check_names ("open a Space", failures);
  gtk_window_destroy (GTK_WINDOW (dialog));
  iterate_until_idle ();

  /* Create a Demo for a Model. */
  dialog = GTK_WIDGET (vitrine_create_demo_dialog_new (GTK_WINDOW (window), app, account, NULL));
  gtk_window_present (GTK_WINDOW (dialog));
  iterate_until_idle ();
  check_names ("create a demo", failures);
  gtk_window_destroy (GTK_WINDOW (dialog));
  iterate_until_idle ();

  vitrine_demos_page_stop (page);
  test_rm_rf (tmp);
}

static void
test_accessible_names (void)
{
  g_autoptr(GString) failures = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("vitrine-a11y-XXXXXX", &error);
  g_autofree char *readme = g_build_filename (dir, "README.md", NULL);
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  static const char * const areas[] = { "publish", "history", "demos" };
  VitrineWindow *window;
  VitrineCardEditor *editor;
  g_autofree char *secret = g_build_filename (dir, ".env", NULL);
  GtkDropDown *license;
  GtkWidget *dialog;
  VitrineAssistant *assistant;

  window = vitrine_window_new (app);
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 800);
  gtk_window_present (GTK_WINDOW (window));
  while (!gtk_widget_get_mapped (GTK_WIDGET (window)))
    g_main_context_iteration (NULL, TRUE);
  iterate_until_idle ();
  connect_to_a11y_bus ();

  /* Each area as it is before anything is published. */
  for (guint i = 0; i < G_N_ELEMENTS (areas); i++)
    {
      vitrine_window_set_area (window, areas[i]);
      iterate_until_idle ();
      check_names (areas[i], failures);
    }

  /* The menus of the header bar. */
  {
    g_autoptr(GPtrArray) menus = g_ptr_array_new ();

    find_menu_buttons (GTK_WIDGET (window), menus);
    g_assert_cmpuint (menus->len, ==, 2);
    for (guint i = 0; i < menus->len; i++)
      {
        g_autofree char *state = g_strdup_printf ("menu %u", i + 1);

        gtk_menu_button_popup (g_ptr_array_index (menus, i));
        iterate_until_idle ();
        check_names (state, failures);
        gtk_menu_button_popdown (g_ptr_array_index (menus, i));
        iterate_until_idle ();
      }
  }

  /* The publish wizard: each step, with a secret-looking file found, a
   * license of one's own asking for its name and link, and the
   * destination and review as they are without an account. */
  g_assert_true (g_file_set_contents (readme, "---\nlicense: other\ntags:\n- demo\n---\n# A card\n", -1, NULL));
  g_assert_true (g_file_set_contents (secret, "TOKEN=hf_xxxxxxxxxxxxxxxxxxxxxxxx\n", -1, NULL));
  vitrine_window_set_area (window, "publish");
  g_assert_true (vitrine_window_open_folder (window, folder));
  assistant = vitrine_publish_view_get_assistant (VITRINE_PUBLISH_VIEW (vitrine_window_get_publish_view (window)));
  while (vitrine_assistant_page_get_waiting (vitrine_assistant_get_page (assistant, 0)))
    g_main_context_iteration (NULL, TRUE);
  iterate_until_idle ();
  check_names ("folder step", failures);
  for (guint i = 2; i < vitrine_assistant_get_n_pages (assistant); i++)
    {
      VitrineAssistantPage *page = vitrine_assistant_get_page (assistant, i);
      g_autofree char *state = g_strdup_printf ("%s step", vitrine_assistant_page_get_title (page));

      vitrine_assistant_set_current_page (assistant, page);
      iterate_until_idle ();
      check_names (state, failures);
    }

  /* The card editor, wide, with a problem, the license's own rows, the
   * draft banner and the search bar showing. */
  vitrine_assistant_set_current_page (assistant, vitrine_assistant_get_page (assistant, 1));
  editor = VITRINE_CARD_EDITOR (vitrine_window_get_card_editor (window));
  license = editor_child (editor, "license_dropdown");
  g_assert_cmpstr (gtk_string_object_get_string (gtk_drop_down_get_selected_item (license)), ==, "other");
  gtk_revealer_set_reveal_child (editor_child (editor, "draft_revealer"), TRUE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "card.find", NULL));
  iterate_until_idle ();
  check_names ("card editor", failures);

  /* Narrow: the panes take turns, chosen in the bottom bar. */
  gtk_window_set_default_size (GTK_WINDOW (window), 600, 700);
  while (!gtk_widget_get_visible (editor_child (editor, "pane_switcher")))
    g_main_context_iteration (NULL, TRUE);
  check_names ("narrow card editor", failures);
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 800);

  /* Compare With the Hub… asks for the repository. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "card.compare", NULL));
  iterate_until_idle ();
  dialog = find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  check_names ("compare dialog", failures);
  /* A repository id that is none: the editor says so in a toast. */
  gtk_editable_set_text (GTK_EDITABLE (adw_message_dialog_get_extra_child (ADW_MESSAGE_DIALOG (dialog))), "nobody");
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "compare");
  gtk_window_destroy (GTK_WINDOW (dialog));
  iterate_until_idle ();
  check_names ("toast", failures);

  /* What differs from the Hub's card. */
  dialog = GTK_WIDGET (vitrine_card_diff_dialog_new (GTK_WINDOW (window), "alice/bert-imdb", "a\n", "b\n"));
  gtk_window_present (GTK_WINDOW (dialog));
  iterate_until_idle ();
  check_names ("differences dialog", failures);
  gtk_window_destroy (GTK_WINDOW (dialog));
  iterate_until_idle ();

  /* A publish under way, one that stopped, and one done. */
  {
    GtkWidget *view = vitrine_window_get_publish_view (window);
    GtkWidget *progress = GTK_WIDGET (gtk_widget_get_template_child (view, VITRINE_TYPE_PUBLISH_VIEW, "progress_view"));
    GtkWidget *done = GTK_WIDGET (gtk_widget_get_template_child (view, VITRINE_TYPE_PUBLISH_VIEW, "done_view"));
    GtkStack *stack = GTK_STACK (gtk_widget_get_template_child (view, VITRINE_TYPE_PUBLISH_VIEW, "publish_stack"));
    g_autoptr(VitrinePublishJob) job = vitrine_publish_job_new (dir, "https://huggingface.co",
                                                                VITRINE_REPO_TYPE_MODEL, "alice/bert-imdb");

    vitrine_publish_progress_view_set_job (VITRINE_PUBLISH_PROGRESS_VIEW (progress), job);
    gtk_stack_set_visible_child_name (stack, "progress");
    iterate_until_idle ();
    check_names ("progress page", failures);
    gtk_revealer_set_reveal_child (GTK_REVEALER (gtk_widget_get_template_child (progress, VITRINE_TYPE_PUBLISH_PROGRESS_VIEW,
                                                                                 "error_revealer")), TRUE);
    iterate_until_idle ();
    check_names ("stopped publish", failures);
    vitrine_publish_done_view_set_job (VITRINE_PUBLISH_DONE_VIEW (done), job);
    gtk_stack_set_visible_child_name (stack, "done");
    iterate_until_idle ();
    check_names ("done page", failures);
    gtk_stack_set_visible_child_name (stack, "empty");
  }

  /* Add Account…, Hugging Face and Other Hub. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.add-account", NULL));
  iterate_until_idle ();
  dialog = find_toplevel (VITRINE_TYPE_SIGN_IN_DIALOG);
  g_assert_nonnull (dialog);
  check_names ("sign-in dialog", failures);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (gtk_widget_get_template_child (dialog, VITRINE_TYPE_SIGN_IN_DIALOG,
                                                                                "other_check")), TRUE);
  iterate_until_idle ();
  check_names ("sign-in dialog, other hub", failures);
  gtk_window_destroy (GTK_WINDOW (dialog));
  iterate_until_idle ();

  /* History, with a repository and its versions. */
  check_history (window, failures);

  /* Preferences, with its Accounts page. */
  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  iterate_until_idle ();
  check_names ("preferences", failures);
  dialog = find_toplevel (VITRINE_TYPE_PREFERENCES_WINDOW);
  g_assert_nonnull (dialog);
  adw_preferences_window_set_visible_page_name (ADW_PREFERENCES_WINDOW (dialog), "accounts");
  iterate_until_idle ();
  check_names ("preferences, accounts", failures);
  gtk_window_destroy (GTK_WINDOW (dialog));
  iterate_until_idle ();

  check_demos (window, failures);

  if (failures->len > 0)
    g_error ("What a screen reader would say is wrong:\n%s", failures->str);

  gtk_window_destroy (GTK_WINDOW (window));
  iterate_until_idle ();
  test_rm_rf (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int ret;

  gtk_test_init (&argc, &argv, NULL);
  /* WebKit's sandbox needs a plain program name. */
  g_set_prgname ("vitrine-test-accessibility");
  adw_init ();
  gtk_source_init ();
  app = vitrine_application_new ("io.github.vitrine.Vitrine.A11yTest", G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

  g_test_add_func ("/app/accessibility/names", test_accessible_names);

  ret = g_test_run ();
  g_clear_object (&a11y.bus);
  g_free (a11y.gtk);
  g_clear_object (&app);
  return ret;
}
