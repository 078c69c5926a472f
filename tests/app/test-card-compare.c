/* test-card-compare.c — the model card editor and the Hub: comparing,
 * merging, the Hub's own check, and publishing what was merged
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <signal.h>
#include <string.h>
#include <unistd.h>

#include "card-editor-fixture.h"
#include "vitrine-card-diff-dialog.h"
#include "vitrine-diff-view.h"
#include "vitrine-error.h"
#include "vitrine-publish.h"

/* The card on the Hub changed after the folder was published: comparing
 * shows it, and merging keeps both sides' edits. */
static void
test_editor_compare_and_merge (void)
{
  Hub hub = { 0 };
  g_autoptr(VitrineClient) client = NULL;
  g_autofree char *dir = make_folder (card);
  g_autofree char *theirs_text = NULL;
  g_autofree char *payload = NULL;
  g_autofree char *op = NULL;
  g_autofree char *mine = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GPtrArray) conflicts = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *theirs = NULL;
  g_autofree char *diff = NULL;
  const char *old_tags = "tags: [text-classification, sentiment]";
  const char *new_tags = "tags: [text-classification, sentiment, movies]";
  Fixture f = { 0 };
  GtkDropDown *license;
  GtkTextBuffer *buffer;
  char *at;

  hub_setup (&hub, NULL);
  hub_create_repo (&hub, hub.alice, "{\"name\": \"bert-imdb\", \"type\": \"model\"}");
  client = vitrine_client_new (hub.url, hub.alice);
  open_editor (&f, dir);
  vitrine_card_editor_set_client (f.editor, client);

  /* A repository without a card: nothing to compare, no error. */
  vitrine_card_editor_set_repo_id (f.editor, "alice/bert-imdb");
  theirs = compare (f.editor, &diff, &error);
  g_assert_no_error (error);
  g_assert_null (theirs);

  /* A repository that does not exist is an error that says so. */
  vitrine_card_editor_set_repo_id (f.editor, "alice/nothing-here");
  theirs = compare (f.editor, &diff, &error);
  g_assert_null (theirs);
  g_assert_error (error, VITRINE_ERROR, VITRINE_ERROR_REPO_NOT_FOUND);
  g_clear_error (&error);

  /* The folder was published, then someone edited the card on the Hub. */
  op = file_op ("README.md", card);
  payload = ndjson_commit ("Publish", NULL, op);
  {
    g_autoptr(Reply) reply = hub_commit (&hub, "alice/bert-imdb", hub.alice, payload);
    g_assert_cmpuint (reply->status, ==, 200);
  }
  at = strstr (card, old_tags);
  {
    g_autofree char *head = g_strndup (card, at - card);
    g_autofree char *op2 = NULL;
    g_autofree char *payload2 = NULL;
    g_autoptr(Reply) reply = NULL;

    theirs_text = g_strconcat (head, new_tags, at + strlen (old_tags), "\nEdited on the Hub.\n", NULL);
    op2 = file_op ("README.md", theirs_text);
    payload2 = ndjson_commit ("Edit the card", NULL, op2);
    reply = hub_commit (&hub, "alice/bert-imdb", hub.alice, payload2);
    g_assert_cmpuint (reply->status, ==, 200);
  }

  /* Meanwhile, here, the license changes. */
  vitrine_card_editor_set_repo_id (f.editor, "alice/bert-imdb");
  license = child (f.editor, "license_dropdown");
  gtk_drop_down_set_selected (license, position_of (license, "apache-2.0"));
  settle (f.editor);
  mine = text_of (f.editor);

  theirs = compare (f.editor, &diff, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (theirs, ==, theirs_text);
  /* The diff goes from the Hub's card to this one. */
  g_assert_true (g_str_has_prefix (diff, "--- "));
  g_assert_nonnull (strstr (diff, "\n-license: mit\n"));
  g_assert_nonnull (strstr (diff, "\n+license: apache-2.0\n"));
  g_assert_nonnull (strstr (diff, "\n-tags: [text-classification, sentiment, movies]\n"));
  g_assert_nonnull (strstr (diff, "\n-Edited on the Hub.\n"));

  /* Merging keeps this license and takes the Hub's tags and paragraph. */
  g_assert_true (vitrine_card_editor_merge (f.editor, theirs, &conflicts, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (conflicts->len, ==, 0);
  text = text_of (f.editor);
  g_assert_nonnull (strstr (text, "license: apache-2.0\n"));
  g_assert_nonnull (strstr (text, "movies"));
  g_assert_true (g_str_has_suffix (text, "\nEdited on the Hub.\n"));
  g_assert_cmpstr (vitrine_card_editor_get_base_text (f.editor), ==, theirs);
  settle (f.editor);
  g_assert_cmpstr (gtk_editable_get_text (child (f.editor, "tags_row")), ==,
                   "text-classification, sentiment, movies");

  /* Undo takes the merge back in one step. */
  buffer = gtk_text_view_get_buffer (child (f.editor, "source_view"));
  gtk_text_buffer_undo (buffer);
  g_clear_pointer (&text, g_free);
  text = text_of (f.editor);
  g_assert_cmpstr (text, ==, mine);
  /* ...and the base the edits started from with it. */
  g_assert_cmpstr (vitrine_card_editor_get_base_text (f.editor), ==, card);

  /* The same through the window: Compare With the Hub…, the repository,
   * then Merge in the dialog that shows the differences. */
  {
    AdwMessageDialog *ask;
    VitrineCardDiffDialog *diff_dialog;

    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f.editor), "card.compare", NULL));
    ask = find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
    g_assert_nonnull (ask);
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (adw_message_dialog_get_extra_child (ask))), ==,
                     "alice/bert-imdb");
    adw_message_dialog_response (ask, "compare");
    wait_until (toplevel_shown, (gpointer) VITRINE_TYPE_CARD_DIFF_DIALOG, "the differences");
    diff_dialog = find_toplevel (VITRINE_TYPE_CARD_DIFF_DIALOG);
    /* The differences read as the card does: no patch headers, the
     * license's line removed then added, "mit" marked within it. */
    {
      VitrineDiffView *view = VITRINE_DIFF_VIEW (vitrine_card_diff_dialog_get_diff_view (diff_dialog));
      GtkTextBuffer *shown = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
      g_autofree char *shown_text = NULL;
      GtkTextIter start, end;
      gboolean removed_then_added = FALSE;

      gtk_text_buffer_get_bounds (shown, &start, &end);
      shown_text = gtk_text_buffer_get_text (shown, &start, &end, FALSE);
      g_assert_null (strstr (shown_text, "@@"));
      g_assert_null (strstr (shown_text, "+++"));
      g_assert_nonnull (strstr (shown_text, "license: mit\nlicense: apache-2.0\n"));
      guint minus = 0, plus = 0;
      g_auto(GStrv) patch = g_strsplit (diff, "\n", -1);

      /* As many lines as the unified diff removes and adds. */
      for (guint i = 2; patch[i] != NULL; i++)
        {
          minus += patch[i][0] == '-';
          plus += patch[i][0] == '+';
        }
      g_assert_cmpuint (vitrine_diff_view_get_n_removed (view), ==, minus);
      g_assert_cmpuint (vitrine_diff_view_get_n_added (view), ==, plus);
      g_assert_cmpuint (minus, >, 0);
      g_assert_cmpuint (vitrine_diff_view_count_emphasis (view), >, 0);
      for (guint i = 0; i + 1 < vitrine_diff_view_get_n_rows (view); i++)
        removed_then_added |= vitrine_diff_view_get_row (view, i) == VITRINE_DIFF_ROW_REMOVED &&
                              vitrine_diff_view_get_row (view, i + 1) == VITRINE_DIFF_ROW_ADDED;
      g_assert_true (removed_then_added);
    }
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (diff_dialog), "diff.respond", "s", "merge"));
    g_clear_pointer (&text, g_free);
    text = text_of (f.editor);
    g_assert_nonnull (strstr (text, "license: apache-2.0\n"));
    g_assert_true (g_str_has_suffix (text, "\nEdited on the Hub.\n"));
    g_assert_null (find_toplevel (VITRINE_TYPE_CARD_DIFF_DIALOG));
  }

  /* Taking the Hub's card makes them equal: nothing left to show. */
  vitrine_card_editor_take_theirs (f.editor, theirs);
  g_clear_pointer (&theirs, g_free);
  g_clear_pointer (&diff, g_free);
  theirs = compare (f.editor, &diff, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (diff, ==, "");

  close_editor (&f);
  fixture_rm_rf (dir);
  hub_teardown (&hub, NULL);
}

typedef struct
{
  guint requests;
  char *last_body;
} Validator;

/* A hub whose validate-yaml knows one more rule than Vitrine does. */
static void
validate_yaml_cb (SoupServer        *server,
                  SoupServerMessage *msg,
                  const char        *path,
                  GHashTable        *query,
                  gpointer           user_data)
{
  Validator *v = user_data;
  SoupMessageBody *body = soup_server_message_get_request_body (msg);
  g_autoptr(GBytes) bytes = soup_message_body_flatten (body);
  static const char answer[] = "{\"errors\": [{\"message\": \"Cards here must have a tags key.\"}]}";

  v->requests++;
  g_free (v->last_body);
  v->last_body = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  if (strstr (v->last_body, "tags:") != NULL)
    {
      soup_server_message_set_status (msg, 200, NULL);
      soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_STATIC, "{}", 2);
      return;
    }
  soup_server_message_set_status (msg, 400, NULL);
  soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_STATIC, answer, strlen (answer));
}

static gboolean
has_hub_problem (gpointer data)
{
  GPtrArray *problems = vitrine_card_editor_get_problems (data);

  for (guint i = 0; i < problems->len; i++)
    if (strstr (((VitrineCardProblem *) g_ptr_array_index (problems, i))->message, "must have a tags key") != NULL)
      return TRUE;
  return FALSE;
}

typedef struct
{
  Validator *v;
  guint      before;
} OneMore;

static gboolean
one_more_request (gpointer data)
{
  OneMore *m = data;

  return m->v->requests > m->before;
}

/* A card our rules accept is shown to the hub's validate-yaml too. */
static void
test_editor_asks_the_hub (void)
{
  g_autoptr(SoupServer) server = soup_server_new (NULL, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(VitrineClient) client = NULL;
  g_autofree char *base = NULL;
  g_autofree char *dir = make_folder ("---\nlicense: mit\n---\n# Card\n");
  Validator v = { 0 };
  Fixture f = { 0 };
  guint before;

  soup_server_add_handler (server, "/api/validate-yaml", validate_yaml_cb, &v, NULL);
  base = listen_locally (server, FALSE);
  client = vitrine_client_new (base, NULL);

  open_editor (&f, dir);
  vitrine_card_editor_set_client (f.editor, client);
  edit_source (f.editor, "# Card", "# The card");
  wait_until (has_hub_problem, f.editor, "the hub's answer");
  g_assert_nonnull (strstr (v.last_body, "# The card"));
  g_assert_nonnull (strstr (v.last_body, "\"repoType\":\"model\""));

  /* Fixed as the hub asks: its problem goes. */
  edit_source (f.editor, "license: mit\n", "license: mit\ntags:\n- demo\n");
  settle (f.editor);
  g_assert_false (has_hub_problem (f.editor));
  before = v.requests;
  wait_until (one_more_request, &(OneMore) { &v, before }, "the second check");
  test_spin (300);
  g_assert_cmpuint (v.requests, ==, before + 1);
  g_assert_cmpuint (vitrine_card_editor_get_problems (f.editor)->len, ==, 0);

  /* A card our own rules refuse is not sent. */
  edit_source (f.editor, "license: mit", "license: nope");
  settle (f.editor);
  before = v.requests;
  test_spin (1500);
  g_assert_cmpuint (v.requests, ==, before);

  close_editor (&f);
  fixture_rm_rf (dir);
  g_free (v.last_body);
}

/* Publishes @dir to alice/bert-imdb as the application does: the guard
 * reads the same record the card editor writes. */
static gboolean
publish_folder (VitrineClient  *client,
                const char     *dir,
                GError        **error)
{
  g_autoptr(VitrinePublisher) publisher = vitrine_publisher_new (client, VITRINE_REPO_TYPE_MODEL,
                                                                 "alice/bert-imdb", dir);
  g_autoptr(GAsyncResult) result = NULL;
  VitrinePublishResult out = { 0 };
  gboolean ok;

  vitrine_publisher_run_async (publisher, NULL, test_keep_result_cb, &result);
  wait_until (test_has_result, &result, "the publish");
  ok = vitrine_publisher_run_finish (publisher, result, &out, error);
  vitrine_publish_result_clear (&out);
  return ok;
}

static void
edit_on_the_hub (Hub        *hub,
                 const char *text)
{
  g_autofree char *op = file_op ("README.md", text);
  g_autofree char *payload = ndjson_commit ("Edit the card on the Hub", NULL, op);
  g_autoptr(Reply) reply = hub_commit (hub, "alice/bert-imdb", hub->alice, payload);

  g_assert_cmpuint (reply->status, ==, 200);
}

/* The card was edited on the Hub after the folder was published from
 * here: publishing the folder again stops, so nobody's edit is lost.
 * Taking the Hub's card in (Merge, or Keep Mine) and saving lets the next
 * publish through; merging without saving does not. */
static void
test_editor_merge_lets_publish (void)
{
  Hub hub = { 0 };
  g_autoptr(VitrineClient) client = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = make_folder (card);
  g_autofree char *theirs_text = g_strconcat (card, "\nEdited on the Hub.\n", NULL);
  g_autofree char *again_text = g_strconcat (card, "\nEdited on the Hub again.\n", NULL);
  g_autofree char *theirs = NULL;
  g_autofree char *diff = NULL;
  g_autofree char *mine = NULL;
  g_autoptr(GPtrArray) conflicts = NULL;
  Fixture f = { 0 };
  GtkDropDown *license;

  hub_setup (&hub, NULL);
  hub_create_repo (&hub, hub.alice, "{\"name\": \"bert-imdb\", \"type\": \"model\"}");
  client = vitrine_client_new (hub.url, hub.alice);
  g_assert_true (publish_folder (client, dir, &error));
  g_assert_no_error (error);

  edit_on_the_hub (&hub, theirs_text);
  g_assert_false (publish_folder (client, dir, &error));
  g_assert_error (error, VITRINE_ERROR, VITRINE_ERROR_CARD_CHANGED);
  g_clear_error (&error);

  /* Here, the license changes; the Hub's card is merged in. */
  open_editor (&f, dir);
  vitrine_card_editor_set_client (f.editor, client);
  vitrine_card_editor_set_repo_id (f.editor, "alice/bert-imdb");
  license = child (f.editor, "license_dropdown");
  gtk_drop_down_set_selected (license, position_of (license, "apache-2.0"));
  theirs = compare (f.editor, &diff, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (theirs, ==, theirs_text);
  g_assert_true (vitrine_card_editor_merge (f.editor, theirs, &conflicts, &error));
  g_assert_no_error (error);

  /* Merged, not saved: the folder's card would still replace the Hub's. */
  g_assert_false (publish_folder (client, dir, &error));
  g_assert_error (error, VITRINE_ERROR, VITRINE_ERROR_CARD_CHANGED);
  g_clear_error (&error);

  /* Saved: published, and the Hub has the merged card. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f.editor), "card.save", NULL));
  wait_for_disk ();
  g_assert_true (publish_folder (client, dir, &error));
  g_assert_no_error (error);
  mine = text_of (f.editor);
  g_assert_nonnull (strstr (mine, "license: apache-2.0\n"));
  g_assert_true (g_str_has_suffix (mine, "\nEdited on the Hub.\n"));
  g_clear_pointer (&theirs, g_free);
  g_clear_pointer (&diff, g_free);
  theirs = compare (f.editor, &diff, &error);
  g_assert_cmpstr (theirs, ==, mine);
  g_assert_cmpstr (diff, ==, "");

  /* Edited on the Hub again; this time Keep Mine, through the window. */
  edit_on_the_hub (&hub, again_text);
  g_assert_false (publish_folder (client, dir, &error));
  g_assert_error (error, VITRINE_ERROR, VITRINE_ERROR_CARD_CHANGED);
  g_clear_error (&error);
  {
    AdwMessageDialog *ask;

    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f.editor), "card.compare", NULL));
    ask = find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
    g_assert_nonnull (ask);
    adw_message_dialog_response (ask, "compare");
    wait_until (toplevel_shown, (gpointer) VITRINE_TYPE_CARD_DIFF_DIALOG, "the differences");
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (find_toplevel (VITRINE_TYPE_CARD_DIFF_DIALOG)),
                                               "diff.respond", "s", "mine"));
  }
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f.editor), "card.save", NULL));
  wait_for_disk ();
  g_assert_true (publish_folder (client, dir, &error));
  g_assert_no_error (error);
  g_clear_pointer (&theirs, g_free);
  g_clear_pointer (&diff, g_free);
  theirs = compare (f.editor, &diff, &error);
  g_assert_cmpstr (theirs, ==, mine);

  close_editor (&f);
  vitrine_card_draft_delete (dir, NULL);
  fixture_rm_rf (dir);
  hub_teardown (&hub, NULL);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  /* WebKit's sandbox needs a plain program name. */
  g_set_prgname ("vitrine-test-card-compare");
  adw_init ();
  gtk_source_init ();

  g_test_add_func ("/app/card-compare/compare-and-merge", test_editor_compare_and_merge);
  g_test_add_func ("/app/card-compare/merge-lets-publish", test_editor_merge_lets_publish);
  g_test_add_func ("/app/card-compare/asks-the-hub", test_editor_asks_the_hub);

  return g_test_run ();
}
