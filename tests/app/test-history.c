/* test-history.c — the History area in a real window, against a real
 * local hub: choose a repository and a version, see its files and its
 * card's changes, tag it, restore it through the confirmation (also when
 * someone publishes meanwhile), compare two versions, delete a tag.
 *
 * With VITRINE_SCREENSHOT_DIR set, each step leaves a PNG of the window
 * (or dialog) there, to look at.
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <gtksourceview/gtksource.h>

#include "../server/hub-fixture.h"
#include "vitrine-application.h"
#include "vitrine-compare-window.h"
#include "vitrine-diff-view.h"
#include "vitrine-history-page.h"
#include "vitrine-window.h"

#define CARD_V1 "---\nlicense: mit\n---\n# Bert for reviews\n\nIt reads film reviews and says whether they are kind.\n\n" \
                "## Training\n\nTrained for two epochs on the small set.\n\n## Use\n\nFor English reviews.\n"
#define CARD_V2 "---\nlicense: apache-2.0\n---\n# Bert for reviews\n\nIt reads film reviews and says whether they are kind.\n\n" \
                "## Training\n\nTrained for three epochs on the large set.\n\n## Use\n\nFor English reviews.\n\n" \
                "## Limits\n\nShort reviews only.\n"

static VitrineApplication *app;

typedef struct
{
  Hub                 hub;
  VitrineClient      *client;
  VitrineAccount     *account;
  VitrineWindow      *window;
  VitrineHistoryPage *page;
  char               *first;     /* the version tagged v1 */
  char               *second;    /* the version whose card changed */
  char               *third;
} Fixture;

/* ---- Waiting and looking ---------------------------------------------- */

typedef gboolean (*Condition) (Fixture *f);

static gboolean
timed_out_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

static void
wait_until (Fixture    *f,
            Condition   condition,
            const char *what)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add_seconds (60, timed_out_cb, &timed_out);

  while (!condition (f) && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (timed_out)
    g_error ("Timed out waiting for %s", what);
  g_source_remove (id);
}

static gpointer
page_child (Fixture    *f,
            const char *name)
{
  GObject *child = gtk_widget_get_template_child (GTK_WIDGET (f->page), VITRINE_TYPE_HISTORY_PAGE, name);

  g_assert_nonnull (child);
  return child;
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

static GtkWidget *
find_widget (GtkWidget *root,
             GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static guint
count_rows (GtkWidget *list)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (list); child != NULL; child = gtk_widget_get_next_sibling (child))
    n += GTK_IS_LIST_BOX_ROW (child);
  return n;
}

/* Leaves a PNG of @window in VITRINE_SCREENSHOT_DIR, once it is drawn. */
static void
screenshot (GtkWidget  *window,
            const char *name)
{
  const char *dir = g_getenv ("VITRINE_SCREENSHOT_DIR");
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = NULL;
  GtkSnapshot *snapshot;
  int width, height;

  test_spin (300);
  if (dir == NULL)
    return;
  width = gtk_widget_get_width (window);
  height = gtk_widget_get_height (window);
  paintable = gtk_widget_paintable_new (window);
  /* Between two frames there may be nothing to take: wait for one. */
  for (guint attempt = 0; node == NULL && attempt < 20; attempt++)
    {
      snapshot = gtk_snapshot_new ();
      gdk_paintable_snapshot (paintable, snapshot, width, height);
      node = gtk_snapshot_free_to_node (snapshot);
      if (node == NULL)
        test_spin (100);
    }
  if (node == NULL)
    {
      g_test_message ("no screenshot: %s was not drawn", name);
      return;
    }
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  g_mkdir_with_parents (dir, 0755);
  path = g_build_filename (dir, name, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("screenshot: %s", path);
}

/* ---- The repository --------------------------------------------------- */

static char *
commit_ops (Fixture    *f,
            const char *repo,
            const char *summary,
            const char *ops)
{
  g_autofree char *payload = ndjson_commit (summary, NULL, ops);
  g_autofree char *path = g_strdup_printf ("/api/%s/commit/main", repo);
  g_autoptr(Reply) reply = hub_call (&f->hub, "POST", path, f->hub.alice, "application/x-ndjson", payload, -1);

  g_assert_cmpuint (reply->status, ==, 200);
  return g_strdup (reply_string (reply, "commitOid"));
}

/* A large file, uploaded as clients do, then named in a commit. */
static char *
lfs_op (Fixture    *f,
        const char *path,
        gsize       size,
        guint       seed)
{
  g_autofree guint8 *content = g_malloc (size);
  g_autofree char *oid = NULL;
  g_autofree char *body = NULL;
  g_autoptr(Reply) batch = NULL;
  JsonObject *object;

  for (gsize i = 0; i < size; i++)
    content[i] = (guint8) (i * seed + 7);
  oid = vitrine_sha256_hex (content, size);
  body = g_strdup_printf ("{\"operation\":\"upload\",\"transfers\":[\"basic\"],"
                          "\"objects\":[{\"oid\":\"%s\",\"size\":%" G_GSIZE_FORMAT "}]}", oid, size);
  batch = hub_call (&f->hub, "POST", "/alice/bert.git/info/lfs/objects/batch", f->hub.alice,
                    "application/vnd.git-lfs+json", body, -1);
  g_assert_cmpuint (batch->status, ==, 200);
  object = json_array_get_object_element (json_object_get_array_member (json_node_get_object (batch->json),
                                                                        "objects"), 0);
  if (json_object_has_member (object, "actions"))
    {
      const char *href = json_object_get_string_member (json_object_get_object_member (
        json_object_get_object_member (object, "actions"), "upload"), "href");
      g_autoptr(Reply) put = hub_call (&f->hub, "PUT", href, NULL, "application/octet-stream", content, size);

      g_assert_cmpuint (put->status, ==, 200);
    }
  return g_strdup_printf ("{\"key\":\"lfsFile\",\"value\":{\"path\":\"%s\",\"algo\":\"sha256\",\"oid\":\"%s\","
                          "\"size\":%" G_GSIZE_FORMAT "}}\n", path, oid, size);
}

static char *
tree_of (Fixture    *f,
         const char *revision)
{
  g_autofree char *path = g_strdup_printf ("/api/models/alice/bert/tree/%s?recursive=true", revision);
  g_autoptr(Reply) reply = hub_call (&f->hub, "GET", path, f->hub.alice, NULL, NULL, 0);
  g_autoptr(GString) out = g_string_new (NULL);
  JsonArray *entries;

  g_assert_cmpuint (reply->status, ==, 200);
  entries = json_node_get_array (reply->json);
  for (guint i = 0; i < json_array_get_length (entries); i++)
    {
      JsonObject *entry = json_array_get_object_element (entries, i);

      g_string_append_printf (out, "%s %s\n", json_object_get_string_member (entry, "path"),
                              json_object_get_string_member (entry, "oid"));
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  hub_setup (&f->hub, NULL);
  hub_create_repo (&f->hub, f->hub.alice, "{\"name\":\"bert\"}");
  hub_create_repo (&f->hub, f->hub.alice, "{\"name\":\"reviews\",\"type\":\"dataset\",\"private\":true}");
  hub_create_repo (&f->hub, f->hub.alice, "{\"name\":\"demo\",\"type\":\"space\",\"sdk\":\"static\"}");
  {
    g_autofree char *card = file_op ("README.md", CARD_V1);
    g_autofree char *config = file_op ("config.json", "{\"layers\": 12}\n");
    g_autofree char *notes = file_op ("notes.txt", "Early notes.\n");
    g_autofree char *weights = lfs_op (f, "model.safetensors", 1536 * 1024, 3);
    g_autofree char *ops = g_strconcat (card, config, notes, weights, NULL);

    f->first = commit_ops (f, "models/alice/bert", "First version", ops);
  }
  {
    g_autofree char *path = g_strdup_printf ("/api/models/alice/bert/tag/%s", f->first);
    g_autoptr(Reply) reply = hub_call (&f->hub, "POST", path, f->hub.alice, NULL, "{\"tag\":\"v1\"}", -1);
    g_assert_cmpuint (reply->status, ==, 200);
  }
  {
    g_autofree char *card = file_op ("README.md", CARD_V2);
    g_autofree char *weights = lfs_op (f, "model.safetensors", 2 * 1024 * 1024, 5);
    g_autofree char *gone = g_strdup ("{\"key\":\"deletedFile\",\"value\":{\"path\":\"notes.txt\"}}\n");
    g_autofree char *tokenizer = file_op ("tokenizer.json", "{\"vocab\": 30522}\n");
    g_autofree char *ops = g_strconcat (card, weights, gone, tokenizer, NULL);

    f->second = commit_ops (f, "models/alice/bert", "Better weights and a longer card", ops);
  }
  {
    g_autofree char *config = file_op ("config.json", "{\"layers\": 24}\n");

    f->third = commit_ops (f, "models/alice/bert", "Bigger model", config);
  }

  f->client = vitrine_client_new (f->hub.url, f->hub.alice);
  f->account = vitrine_account_new (VITRINE_ACCOUNT_KIND_LOCAL, f->client, "alice");
  f->window = vitrine_window_new (app);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1280, 800);
  gtk_window_present (GTK_WINDOW (f->window));
  while (!gtk_widget_get_mapped (GTK_WIDGET (f->window)))
    g_main_context_iteration (NULL, TRUE);
  f->page = VITRINE_HISTORY_PAGE (vitrine_window_get_history_page (f->window));
  vitrine_history_page_set_account (f->page, f->account);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  test_spin (100);
  g_clear_object (&f->account);
  g_clear_object (&f->client);
  g_free (f->first);
  g_free (f->second);
  g_free (f->third);
  hub_teardown (&f->hub, NULL);
}

/* ---- Conditions ------------------------------------------------------- */

static gboolean
repositories_listed (Fixture *f)
{
  return g_strcmp0 (gtk_stack_get_visible_child_name (page_child (f, "stack")), "main") == 0;
}

static gboolean
versions_listed (Fixture *f)
{
  VitrineCommitList *commits = vitrine_history_page_get_commits (f->page);

  return commits != NULL && vitrine_commit_list_get_started (commits) &&
         g_strcmp0 (gtk_stack_get_visible_child_name (page_child (f, "commits_stack")), "list") == 0;
}

static gboolean
changes_shown (Fixture *f)
{
  return g_strcmp0 (gtk_stack_get_visible_child_name (page_child (f, "changes_stack")), "changes") == 0;
}

static gboolean
message_dialog_shown (Fixture *f)
{
  return find_toplevel (ADW_TYPE_MESSAGE_DIALOG) != NULL;
}

static gboolean
compare_window_shown (Fixture *f)
{
  VitrineCompareWindow *window = find_toplevel (VITRINE_TYPE_COMPARE_WINDOW);

  return window != NULL && !vitrine_compare_window_get_loading (window) &&
         vitrine_revision_view_get_diff (vitrine_compare_window_get_view (window)) != NULL;
}

static char *waited_id;

static gboolean
head_is_not_waited (Fixture *f)
{
  g_autofree char *head = hub_head (&f->hub, "alice/bert");

  return g_strcmp0 (head, waited_id) != 0;
}

static gboolean
first_listed_is_head (Fixture *f)
{
  /* Asking the hub turns the main loop: the list may be new after it. */
  g_autofree char *head = hub_head (&f->hub, "alice/bert");
  VitrineCommitList *commits = vitrine_history_page_get_commits (f->page);
  g_autoptr(VitrineCommit) first = NULL;

  if (commits == NULL || g_list_model_get_n_items (G_LIST_MODEL (commits)) == 0)
    return FALSE;
  first = g_list_model_get_item (G_LIST_MODEL (commits), 0);
  return g_strcmp0 (vitrine_commit_get_id (first), head) == 0;
}

static gboolean
selected_is_waited (Fixture *f)
{
  VitrineCommit *commit = vitrine_history_page_get_selected_commit (f->page);

  return commit != NULL && g_strcmp0 (vitrine_commit_get_id (commit), waited_id) == 0 && changes_shown (f);
}

static const char *wanted_tag;
static gboolean wanted_tag_present;

/* The selected version shows (or not) the chip of @wanted_tag. */
static gboolean
selected_has_tag (Fixture *f)
{
  VitrineCommit *commit = vitrine_history_page_get_selected_commit (f->page);
  GListModel *refs;
  gboolean found = FALSE;

  if (commit == NULL)
    return FALSE;
  refs = vitrine_commit_get_refs (commit);
  for (guint i = 0; i < g_list_model_get_n_items (refs); i++)
    {
      g_autoptr(VitrineRef) ref = g_list_model_get_item (refs, i);
      found |= g_str_equal (vitrine_ref_get_name (ref), wanted_tag);
    }
  return found == wanted_tag_present;
}

/* ---- The steps -------------------------------------------------------- */

static void
choose_version (Fixture    *f,
                const char *id)
{
  waited_id = (char *) id;
  g_assert_true (vitrine_history_page_select_commit (f->page, id));
  wait_until (f, selected_is_waited, "the version's changes");
}

static AdwMessageDialog *
dialog_shown (Fixture    *f,
              const char *heading)
{
  AdwMessageDialog *dialog;

  wait_until (f, message_dialog_shown, heading);
  dialog = find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, heading);
  return dialog;
}

static void
answer (AdwMessageDialog *dialog,
        const char       *response)
{
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, response));
  adw_message_dialog_response (dialog, response);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
test_history_area (Fixture       *f,
                   gconstpointer  data)
{
  GtkWidget *window = GTK_WIDGET (f->window);
  VitrineRevisionView *view = page_child (f, "revision_view");
  VitrineDiffView *card;
  VitrineCommitList *commits;
  g_autofree char *v1_tree = tree_of (f, f->first);

  /* The three repositories of the account, then one chosen by address. */
  wait_until (f, repositories_listed, "the repositories");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_list_view_get_model (page_child (f, "repo_list")))),
                    ==, 3);
  g_assert_true (gtk_widget_activate_action (window, "win.show-history", "s", "alice/bert"));
  g_assert_cmpstr (vitrine_window_get_area (f->window), ==, "history");
  wait_until (f, versions_listed, "the versions");
  commits = vitrine_history_page_get_commits (f->page);
  g_assert_cmpstr (vitrine_commit_list_get_repo_id (commits), ==, "alice/bert");
  g_assert_cmpuint (vitrine_commit_list_get_n_total (commits), ==, 4);
  g_assert_cmpstr (gtk_label_get_label (page_child (f, "repo_title")), ==, "alice/bert");
  screenshot (window, "history-1-repository.png");

  /* A version: its title, id, files with sizes, and its card's changes
   * as a readable diff. */
  choose_version (f, f->second);
  g_assert_cmpstr (gtk_label_get_label (page_child (f, "commit_title")), ==, "Better weights and a longer card");
  g_assert_cmpstr (adw_action_row_get_subtitle (page_child (f, "id_row")), ==, f->second);
  g_assert_cmpuint (count_rows (GTK_WIDGET (vitrine_revision_view_get_files (view))), ==, 4);
  {
    GtkListBoxRow *row = gtk_list_box_get_row_at_index (vitrine_revision_view_get_files (view), 1);
    g_autofree char *before = g_format_size (1536 * 1024);
    g_autofree char *after = g_format_size (2 * 1024 * 1024);
    g_autofree char *sizes = g_strdup_printf ("Changed · %s → %s", before, after);

    /* model.safetensors, a large file: its old and new sizes. */
    g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "model.safetensors");
    g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, sizes);
  }
  card = VITRINE_DIFF_VIEW (vitrine_revision_view_get_card_view (view));
  g_assert_true (gtk_widget_get_visible (gtk_widget_get_parent (GTK_WIDGET (card))));
  g_assert_cmpuint (vitrine_diff_view_get_n_removed (card), ==, 2);
  g_assert_cmpuint (vitrine_diff_view_get_n_added (card), ==, 6);
  g_assert_cmpuint (vitrine_diff_view_count_emphasis (card), >, 0);
  {
    GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (card));
    g_autofree char *text = NULL;
    GtkTextIter start, end;

    gtk_text_buffer_get_bounds (buffer, &start, &end);
    text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
    g_assert_null (strstr (text, "@@"));
    g_assert_nonnull (strstr (text, "license: mit\nlicense: apache-2.0\n"));
  }
  screenshot (window, "history-2-details.png");
  {
    GtkAdjustment *scroll = gtk_scrolled_window_get_vadjustment (page_child (f, "details_scroll"));

    test_spin (300);
    gtk_adjustment_set_value (scroll, gtk_adjustment_get_upper (scroll) - gtk_adjustment_get_page_size (scroll));
    screenshot (window, "history-2-card.png");
    gtk_adjustment_set_value (scroll, 0);
  }

  /* Tag it: the name is checked as it is typed. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "history.tag", NULL));
  {
    AdwMessageDialog *dialog = dialog_shown (f, "Tag This Version");
    GtkWidget *name = find_widget (adw_message_dialog_get_extra_child (dialog), ADW_TYPE_ENTRY_ROW);

    g_assert_false (adw_message_dialog_get_response_enabled (dialog, "create"));
    gtk_editable_set_text (GTK_EDITABLE (name), "two words");
    g_assert_false (adw_message_dialog_get_response_enabled (dialog, "create"));
    gtk_editable_set_text (GTK_EDITABLE (name), "v1");
    g_assert_false (adw_message_dialog_get_response_enabled (dialog, "create"));
    screenshot (GTK_WIDGET (dialog), "history-3-tag-taken.png");
    gtk_editable_set_text (GTK_EDITABLE (name), "v2-final");
    g_assert_true (adw_message_dialog_get_response_enabled (dialog, "create"));
    screenshot (GTK_WIDGET (dialog), "history-3-tag.png");
    answer (dialog, "create");
  }
  wanted_tag = "v2-final";
  wanted_tag_present = TRUE;
  wait_until (f, selected_has_tag, "the new tag's chip");
  screenshot (window, "history-4-tagged.png");

  /* Restore the first version: the confirmation lists what changes. */
  choose_version (f, f->first);
  waited_id = hub_head (&f->hub, "alice/bert");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "history.restore", NULL));
  {
    AdwMessageDialog *dialog = dialog_shown (f, "Restore This Version?");
    GtkWidget *list = find_widget (adw_message_dialog_get_extra_child (dialog), GTK_TYPE_LIST_BOX);

    /* README, config, notes back, model, tokenizer gone. */
    g_assert_cmpuint (count_rows (list), ==, 5);
    screenshot (GTK_WIDGET (dialog), "history-5-restore.png");
    answer (dialog, "restore");
  }
  wait_until (f, head_is_not_waited, "the restoring commit");
  g_free (waited_id);
  {
    g_autofree char *head_tree = tree_of (f, "main");
    g_assert_cmpstr (head_tree, ==, v1_tree);
  }
  /* The list shows it first, chosen. */
  wait_until (f, first_listed_is_head, "the restoring commit in the list");
  waited_id = hub_head (&f->hub, "alice/bert");
  wait_until (f, selected_is_waited, "the restoring commit chosen");
  g_assert_nonnull (strstr (gtk_label_get_label (page_child (f, "commit_title")), "Restore “First version”"));
  screenshot (window, "history-6-restored.png");
  g_free (waited_id);

  /* Compare two versions. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "history.compare", NULL));
  wait_until (f, compare_window_shown, "the comparison");
  {
    VitrineCompareWindow *compare = find_toplevel (VITRINE_TYPE_COMPARE_WINDOW);
    VitrineRevisionDiff *diff = vitrine_revision_view_get_diff (vitrine_compare_window_get_view (compare));

    /* The restoring commit against main: the same. */
    g_assert_cmpuint (g_list_model_get_n_items (vitrine_revision_diff_get_changes (diff)), ==, 0);
    vitrine_compare_window_compare (compare, f->first, f->third);
    wait_until (f, compare_window_shown, "the second comparison");
    diff = vitrine_revision_view_get_diff (vitrine_compare_window_get_view (compare));
    g_assert_cmpuint (g_list_model_get_n_items (vitrine_revision_diff_get_changes (diff)), ==, 5);
    g_assert_true (vitrine_revision_diff_card_changed (diff));
    screenshot (GTK_WIDGET (compare), "history-7-compare.png");
    {
      GtkWidget *scroll = find_widget (GTK_WIDGET (compare), GTK_TYPE_SCROLLED_WINDOW);
      GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroll));

      test_spin (300);
      gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
      screenshot (GTK_WIDGET (compare), "history-7-compare-card.png");
    }
    gtk_window_destroy (GTK_WINDOW (compare));
  }

  /* Delete the tag, after a confirmation. */
  choose_version (f, f->second);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "history.delete-tag", "s", "v2-final"));
  {
    AdwMessageDialog *dialog = dialog_shown (f, "Delete the Tag “v2-final”?");

    screenshot (GTK_WIDGET (dialog), "history-8-delete-tag.png");
    answer (dialog, "delete");
  }
  wanted_tag_present = FALSE;
  wait_until (f, selected_has_tag, "the tag gone");
}

/* A restore confirmed after someone published: nothing is overwritten;
 * the confirmation comes again with what restoring changes now. */
static void
test_history_restore_meanwhile (Fixture       *f,
                                gconstpointer  data)
{
  g_autofree char *v1_tree = tree_of (f, f->first);
  g_autofree char *late = NULL;

  wait_until (f, repositories_listed, "the repositories");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-history", "s", "alice/bert"));
  wait_until (f, versions_listed, "the versions");
  choose_version (f, f->first);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "history.restore", NULL));
  {
    AdwMessageDialog *dialog = dialog_shown (f, "Restore This Version?");
    g_autofree char *op = file_op ("late.txt", "published meanwhile\n");

    late = commit_ops (f, "models/alice/bert", "Published meanwhile", op);
    answer (dialog, "restore");
  }
  {
    AdwMessageDialog *again = dialog_shown (f, "Restore This Version?");
    GtkWidget *list = find_widget (adw_message_dialog_get_extra_child (again), GTK_TYPE_LIST_BOX);

    g_assert_nonnull (strstr (adw_message_dialog_get_body (again), "meanwhile"));
    /* late.txt goes too now. */
    g_assert_cmpuint (count_rows (list), ==, 6);
    screenshot (GTK_WIDGET (again), "history-9-restore-again.png");
    waited_id = late;
    answer (again, "restore");
  }
  wait_until (f, head_is_not_waited, "the restoring commit");
  {
    g_autofree char *head_tree = tree_of (f, "main");
    g_autofree char *path = g_strdup ("/api/models/alice/bert/commits/main?limit=2");
    g_autoptr(Reply) reply = hub_call (&f->hub, "GET", path, f->hub.alice, NULL, NULL, 0);
    JsonArray *newest = json_node_get_array (reply->json);

    g_assert_cmpstr (head_tree, ==, v1_tree);
    /* What was published is in the history, under the restore. */
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (newest, 1), "id"), ==, late);
  }
  waited_id = NULL;

  /* F5 reads everything again. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.refresh", NULL));
  wait_until (f, first_listed_is_head, "the list after F5");
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int ret;

  gtk_test_init (&argc, &argv, NULL);
  g_set_prgname ("vitrine-test-history");
  adw_init ();
  gtk_source_init ();

  app = vitrine_application_new ("io.github.vitrine.Vitrine.HistoryTest", G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

  g_test_add ("/app/history/area", Fixture, NULL, fixture_setup, test_history_area, fixture_teardown);
  g_test_add ("/app/history/restore-meanwhile", Fixture, NULL, fixture_setup, test_history_restore_meanwhile,
              fixture_teardown);

  ret = g_test_run ();
  g_clear_object (&app);
  return ret;
}
