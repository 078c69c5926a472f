/* test-publish.c — publishing through the window's wizard, end to end,
 * against real hubs
 *
 * The application runs with its window under the test's X server and
 * starts this computer's hub (`vitrine-hub serve`) as it always does.  A
 * generated folder, with a large file and a .env, goes through every step
 * of the wizard, driven through its widgets and actions as a user would,
 * and is published as a private repository with its card and a license of
 * its own (`other`, with a name and a link).  The client then sees exactly
 * those files (no .env), the card's metadata and the visibility, and
 * another user of the hub does not see the repository at all.
 *
 * The accounts test signs in to a second hub with the sign-in dialog
 * ("Other Hub…"), with the real GNOME keyring on the test's bus (started
 * for the whole program, since whether one runs is found once), publishes
 * there for an organisation, signs out from Preferences → Accounts, and
 * checks the token is gone from the keyring.
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "publish-fixture.h"
#include "../test-keyring.h"
#include "vitrine-card.h"
#include "vitrine-error.h"
#include "vitrine-preferences-window.h"
#include "vitrine-sign-in-dialog.h"

/* ---- Helpers ---------------------------------------------------------- */

/* Runs `vitrine-hub ARGS...` and returns what it printed. */
static char *
run_hub (const char * const *args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocess) hub = NULL;
  g_autofree char *out = NULL;

  g_ptr_array_add (argv, (gpointer) g_getenv ("VITRINE_HUB_EXE"));
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);
  hub = g_subprocess_newv ((const char * const *) argv->pdata, G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_communicate_utf8 (hub, NULL, NULL, &out, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_successful (hub));
  return g_strstrip (g_steal_pointer (&out));
}

static int
compare_paths (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* The paths of a repository's files, sorted, joined by spaces. */
static char *
repo_paths (VitrineClient *client,
            const char    *repo_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) tree = vitrine_client_list_tree (client, VITRINE_REPO_TYPE_MODEL, repo_id, NULL, NULL,
                                                         TRUE, NULL, &error);
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);

  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (tree); i++)
    {
      g_autoptr(VitrineTreeEntry) entry = g_list_model_get_item (tree, i);

      if (!vitrine_tree_entry_is_directory (entry))
        g_ptr_array_add (paths, g_strdup (vitrine_tree_entry_get_path (entry)));
    }
  g_ptr_array_sort (paths, compare_paths);
  g_ptr_array_add (paths, NULL);
  return g_strjoinv (" ", (char **) paths->pdata);
}

/* Goes through the wizard from the Folder step to the done page. */
static void
publish_through_wizard (VitrineWindow *window,
                        const char    *license,
                        const char    *owner,
                        const char    *name,
                        gboolean       wait)
{
  VitrineAssistant *assistant = assistant_of (window);
  gpointer license_step = step (window, STEP_LICENSE);
  gpointer destination = step (window, STEP_DESTINATION);
  GtkEditable *search;
  GtkEditable *name_row;

  g_assert_true (vitrine_assistant_get_current_page (assistant) == step (window, STEP_FOLDER));
  wait_complete (step (window, STEP_FOLDER), "the folder");
  press_next (window);

  g_assert_true (vitrine_assistant_get_current_page (assistant) == step (window, STEP_CARD));
  wait_complete (step (window, STEP_CARD), "the card");
  press_next (window);

  /* The license, found by searching, taken with Enter. */
  g_assert_true (vitrine_assistant_get_current_page (assistant) == license_step);
  search = child_of (license_step, VITRINE_TYPE_LICENSE_STEP, "search_entry");
  type_into (search, license);
  g_signal_emit_by_name (search, "activate");
  iterate_until_idle ();
  g_assert_cmpstr (vitrine_license_step_get_license (license_step), ==, license);
  if (g_str_equal (license, "other"))
    {
      /* A license of one's own needs its name and a link. */
      g_assert_false (vitrine_assistant_page_get_complete (license_step));
      g_assert_true (gtk_widget_get_visible (child_of (license_step, VITRINE_TYPE_LICENSE_STEP, "details_group")));
      type_into (child_of (license_step, VITRINE_TYPE_LICENSE_STEP, "name_row"), "Vitrine Test License");
      type_into (child_of (license_step, VITRINE_TYPE_LICENSE_STEP, "link_row"), "https://example.org/license");
    }
  wait_complete (license_step, "the license");
  press_next (window);

  g_assert_true (vitrine_assistant_get_current_page (assistant) == destination);
  if (owner != NULL)
    {
      AdwComboRow *owner_row = child_of (destination, VITRINE_TYPE_DESTINATION_STEP, "owner_row");
      GListModel *owners = adw_combo_row_get_model (owner_row);
      guint found = GTK_INVALID_LIST_POSITION;

      wait_until (page_not_waiting, destination, "the account's organisations");
      for (guint i = 0; i < g_list_model_get_n_items (owners); i++)
        {
          g_autoptr(GtkStringObject) item = g_list_model_get_item (owners, i);

          if (g_str_equal (gtk_string_object_get_string (item), owner))
            found = i;
        }
      g_assert_cmpuint (found, !=, GTK_INVALID_LIST_POSITION);
      adw_combo_row_set_selected (owner_row, found);
    }
  name_row = child_of (destination, VITRINE_TYPE_DESTINATION_STEP, "name_row");
  type_into (name_row, name);
  wait_complete (destination, "the destination");
  press_next (window);

  g_assert_true (vitrine_assistant_get_current_page (assistant) == step (window, STEP_REVIEW));
  wait_complete (step (window, STEP_REVIEW), "the review");
  /* Publish: under way, or (a small folder on a quick machine) already
   * done. */
  press_next (window);
  wait_until (view_left_wizard, publish_view (window), "the publish to start");
  if (wait)
    wait_until (view_shows_done, publish_view (window), "the publish");
}

/* ---- End to end ------------------------------------------------------- */

static gboolean
publish_end_to_end (VitrineApplication *app,
                    gpointer            data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *tmp = g_dir_make_tmp ("vitrine-publish-XXXXXX", &error);
  g_autofree char *folder = make_model_folder (tmp, "bert imdb", 30);
  VitrineWindow *window = app_window (app);
  VitrinePublishSetup *setup = vitrine_publish_view_get_setup (publish_view (window));
  VitrineClient *client = vitrine_application_get_local_client (app);
  const char *user = vitrine_account_get_name (vitrine_application_get_current_account (app));
  g_autofree char *repo_id = g_strdup_printf ("%s/bert-imdb-test", user);
  g_autofree char *paths = NULL;
  g_autofree char *data_dir = g_build_filename (g_get_user_data_dir (), "vitrine", "hub", NULL);
  g_autoptr(VitrineRepoInfo) info = NULL;
  g_autoptr(GBytes) readme = NULL;
  g_autoptr(VitrineCard) card = NULL;
  g_autoptr(JsonNode) metadata = NULL;
  g_autoptr(VitrineCardMetadata) meta = NULL;
  VitrineFolderScan *scan;
  VitrineScanEntry *entry;

  g_assert_no_error (error);
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 800);

  /* The account menu names the user this computer's hub publishes as. */
  {
    GtkMenuButton *button = GTK_MENU_BUTTON (gtk_widget_get_template_child (GTK_WIDGET (window), VITRINE_TYPE_WINDOW,
                                                                            "account_button"));
    g_autoptr(GMenuModel) section = NULL;
    g_autofree char *label = NULL;
    g_autofree char *expected = g_strdup_printf ("This Computer (%s)", user);

    gtk_menu_button_popup (button);
    iterate_until_idle ();
    section = g_menu_model_get_item_link (gtk_menu_button_get_menu_model (button), 0, G_MENU_LINK_SECTION);
    g_assert_true (g_menu_model_get_item_attribute (section, 0, G_MENU_ATTRIBUTE_LABEL, "s", &label));
    g_assert_cmpstr (label, ==, expected);
    gtk_menu_button_popdown (button);
    iterate_until_idle ();
  }

  /* `win.publish-folder` starts the wizard on the folder. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.publish-folder", "s", folder));
  g_assert_cmpstr (vitrine_window_get_area (window), ==, "publish");
  g_assert_cmpstr (vitrine_publish_view_get_page (publish_view (window)), ==, "wizard");
  /* Its name, made for the Hub out of the folder's. */
  g_assert_cmpstr (vitrine_publish_setup_get_name (setup), ==, "bert-imdb");
  /* Private unless Preferences say otherwise. */
  g_assert_true (vitrine_publish_setup_get_private (setup));

  /* The folder as it will go: the large file is one, the .env stays out. */
  wait_complete (step (window, STEP_FOLDER), "the folder");
  scan = vitrine_publish_setup_get_scan (setup);
  entry = vitrine_folder_scan_lookup (scan, "weights.bin");
  g_assert_nonnull (entry);
  g_assert_true (vitrine_scan_entry_get_is_large (entry));
  entry = vitrine_folder_scan_lookup (scan, ".env");
  g_assert_nonnull (entry);
  g_assert_true (vitrine_scan_entry_get_looks_secret (entry));
  g_assert_false (vitrine_scan_entry_get_included (entry));
  g_assert_true (gtk_widget_get_visible (child_of (step (window, STEP_FOLDER), VITRINE_TYPE_FOLDER_STEP,
                                                   "warnings_list")));

  publish_through_wizard (window, "other", NULL, "bert-imdb-test", TRUE);

  /* Exactly the folder's files, its card, and no .env. */
  paths = repo_paths (client, repo_id);
  g_assert_cmpstr (paths, ==, ".gitattributes README.md config.json weights.bin");
  info = vitrine_client_repo_info (client, VITRINE_REPO_TYPE_MODEL, repo_id, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (vitrine_repo_info_get_private (info));
  readme = vitrine_client_read_file (client, VITRINE_REPO_TYPE_MODEL, repo_id, NULL, "README.md",
                                     1024 * 1024, NULL, &error);
  g_assert_no_error (error);
  card = vitrine_card_new_from_text (g_bytes_get_data (readme, NULL), g_bytes_get_size (readme), &error);
  g_assert_no_error (error);
  metadata = vitrine_card_get_metadata (card, &error);
  g_assert_no_error (error);
  meta = vitrine_card_metadata_new_from_json (metadata);
  g_assert_cmpstr (meta->license, ==, "other");
  g_assert_cmpstr (meta->license_name, ==, "Vitrine Test License");
  g_assert_cmpstr (meta->license_link, ==, "https://example.org/license");

  /* The folder again: straight to Review, with its last destination,
   * and nothing to publish until something changes. */
  {
    g_autoptr(GFile) again = g_file_new_for_path (folder);
    g_autoptr(GListModel) before = NULL;
    g_autoptr(GListModel) after = NULL;
    guint n_before = 0, n_after = 0;
    gpointer review = step (window, STEP_REVIEW);
    AdwActionRow *plan_row = child_of (review, VITRINE_TYPE_REVIEW_STEP, "plan_row");

    g_assert_true (vitrine_window_open_folder (window, again));
    g_assert_true (vitrine_assistant_get_current_page (assistant_of (window)) == review);
    g_assert_cmpstr (vitrine_publish_setup_get_name (setup), ==, "bert-imdb-test");
    g_assert_cmpstr (vitrine_publish_setup_get_owner (setup), ==, user);
    wait_until (page_not_waiting, review, "the plan of a folder published before");
    g_assert_false (vitrine_assistant_page_get_complete (review));
    g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (plan_row)), ==,
                     "Nothing changed since the last publish");

    /* One file changed: only it goes, as a new commit. */
    before = vitrine_client_list_commits (client, VITRINE_REPO_TYPE_MODEL, repo_id, NULL, 0, 10, &n_before,
                                          NULL, &error);
    g_assert_no_error (error);
    write_file (folder, "config.json", "{\"model_type\": \"bert\", \"num_labels\": 2}\n", -1);
    g_assert_true (vitrine_window_open_folder (window, again));
    wait_complete (step (window, STEP_FOLDER), "the folder read again");
    wait_complete (review, "the plan of the change");
    g_assert_nonnull (strstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (plan_row)), "0 added, 1 changed, 0 deleted"));
    /* The hub is asked again: the same name is now a repository of the
     * user's, so the review says so and the message proposes an update. */
    wait_complete (step (window, STEP_DESTINATION), "the destination checked again");
    g_assert_true (vitrine_publish_setup_get_destination_known (setup));
    g_assert_cmpint (vitrine_publish_setup_get_destination_status (setup), ==, VITRINE_DESTINATION_UPDATE);
    g_assert_nonnull (strstr (adw_action_row_get_subtitle (child_of (review, VITRINE_TYPE_REVIEW_STEP, "where_row")),
                              "an update of your repository"));
    g_assert_cmpstr (vitrine_publish_setup_get_message (setup), ==, "Update bert-imdb-test");
    press_next (window);
    wait_until (view_shows_done, publish_view (window), "the second publish");
    after = vitrine_client_list_commits (client, VITRINE_REPO_TYPE_MODEL, repo_id, NULL, 0, 10, &n_after,
                                         NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (n_after, ==, n_before + 1);
    {
      g_autoptr(VitrineCommit) newest = g_list_model_get_item (after, 0);

      g_assert_cmpstr (vitrine_commit_get_title (newest), ==, "Update bert-imdb-test");
    }
  }

  /* Another user of the hub does not see it. */
  {
    const char * const add[] = { "user", "add", "bob", "--data-dir", data_dir, NULL };
    g_autofree char *bob_token = run_hub (add);
    g_autoptr(VitrineClient) bob = vitrine_client_new (vitrine_client_get_endpoint (client), bob_token);
    g_autoptr(VitrineRepoInfo) seen = vitrine_client_repo_info (bob, VITRINE_REPO_TYPE_MODEL, repo_id, NULL,
                                                                NULL, &error);

    g_assert_null (seen);
    g_assert_error (error, VITRINE_ERROR, VITRINE_ERROR_REPO_NOT_FOUND);
    g_clear_error (&error);
  }

  test_rm_rf (tmp);
  return TRUE;
}

static void
test_publish_end_to_end (void)
{
  run_in_application ("io.github.vitrine.Vitrine.PublishTest", publish_end_to_end, NULL);
}

/* ---- Another hub, an organisation, signing out ------------------------ */

typedef struct
{
  GSubprocess *process;
  char        *data_dir;
  char        *url;
  char        *token;
} OtherHub;

static void
other_hub_start (OtherHub   *hub,
                 const char *tmp)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDataInputStream) out = NULL;
  const char *exe = g_getenv ("VITRINE_HUB_EXE");

  hub->data_dir = g_build_filename (tmp, "other-hub", NULL);
  {
    const char * const add[] = { "user", "add", "alice", "--data-dir", hub->data_dir, NULL };
    const char * const org[] = { "org", "add", "team", "--member", "alice:write", "--data-dir", hub->data_dir, NULL };
    g_autofree char *printed = NULL;

    hub->token = run_hub (add);
    printed = run_hub (org);
  }
  hub->process = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error, exe, "serve", "--data-dir",
                                   hub->data_dir, "--port", "0", NULL);
  g_assert_no_error (error);
  out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (hub->process));
  hub->url = g_data_input_stream_read_line_utf8 (out, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (hub->url, "http://127.0.0.1:"));
}

static void
other_hub_stop (OtherHub *hub)
{
  g_subprocess_send_signal (hub->process, SIGTERM);
  g_subprocess_wait (hub->process, NULL, NULL);
  g_clear_object (&hub->process);
  g_free (hub->data_dir);
  g_free (hub->url);
  g_free (hub->token);
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
find_button_for (GtkWidget  *widget,
                 const char *endpoint)
{
  VitrineAccount *account = g_object_get_data (G_OBJECT (widget), "account");

  if (GTK_IS_BUTTON (widget) && account != NULL &&
      g_strcmp0 (vitrine_account_get_endpoint (account), endpoint) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button_for (child, endpoint);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
is_signed_in_there (gpointer data)
{
  VitrineApplication *app = ((gpointer *) data)[0];
  const char *endpoint = ((gpointer *) data)[1];
  VitrineAccount *account = vitrine_application_get_current_account (app);

  return account != NULL && g_strcmp0 (vitrine_account_get_endpoint (account), endpoint) == 0 &&
         vitrine_account_get_whoami (account) != NULL;
}

static gboolean
is_signed_out_there (gpointer data)
{
  VitrineApplication *app = ((gpointer *) data)[0];
  const char *endpoint = ((gpointer *) data)[1];

  return vitrine_account_store_find (vitrine_application_get_account_store (app), endpoint) == NULL;
}

/* Whether the keyring holds one of Vitrine's tokens whose item names
 * @host (its label does: "… token for http://HOST"). */
static gboolean
keyring_has (gpointer host)
{
  const char * const search[] = { "search", "--all", "xdg:schema", "io.github.vitrine.Vitrine.Token", NULL };
  g_autofree char *found = test_secret_tool (search);

  return found != NULL && strstr (found, host) != NULL;
}

static gboolean
publish_other_hub (VitrineApplication *app,
                   gpointer            data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *tmp = g_dir_make_tmp ("vitrine-other-hub-XXXXXX", &error);
  g_autofree char *folder = make_model_folder (tmp, "shared", 12);
  OtherHub hub = { 0 };
  VitrineWindow *window;
  VitrineSignInDialog *dialog;
  gpointer both[2];
  g_autoptr(VitrineClient) alice = NULL;
  g_autoptr(VitrineRepoInfo) info = NULL;
  g_autofree char *paths = NULL;
  g_autofree char *host = NULL;
  g_autoptr(GFile) folder_file = NULL;
  GtkWidget *prefs;
  GtkWidget *sign_out;
  AdwMessageDialog *confirm;

  g_assert_no_error (error);
  other_hub_start (&hub, tmp);
  /* How the keyring's attribute names it. */
  host = g_strdup (hub.url + strlen ("http://"));
  window = app_window (app);
  both[0] = app;
  both[1] = hub.url;

  /* Add Account…: Other Hub, its address and a token. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.add-account", NULL));
  iterate_until_idle ();
  dialog = find_toplevel (VITRINE_TYPE_SIGN_IN_DIALOG);
  g_assert_nonnull (dialog);
  gtk_check_button_set_active (child_of (dialog, VITRINE_TYPE_SIGN_IN_DIALOG, "other_check"), TRUE);
  type_into (child_of (dialog, VITRINE_TYPE_SIGN_IN_DIALOG, "url_row"), hub.url);
  type_into (child_of (dialog, VITRINE_TYPE_SIGN_IN_DIALOG, "token_row"), hub.token);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "sign-in.sign-in", NULL));
  wait_until (is_signed_in_there, both, "signing in to the other hub");
  /* Who the token belongs to, and where it may publish. */
  g_assert_true (gtk_widget_get_visible (child_of (dialog, VITRINE_TYPE_SIGN_IN_DIALOG, "result_group")));
  g_assert_cmpstr (adw_action_row_get_subtitle (child_of (dialog, VITRINE_TYPE_SIGN_IN_DIALOG, "orgs_row")), ==,
                   "team");
  gtk_window_destroy (GTK_WINDOW (dialog));
  /* The token is in the keyring, under the hub's address. */
  wait_until (keyring_has, host, "the token in the keyring");

  /* Published there, for the organisation. */
  folder_file = g_file_new_for_path (folder);
  g_assert_true (vitrine_window_open_folder (window, folder_file));
  g_assert_cmpstr (vitrine_account_get_endpoint (vitrine_publish_setup_get_account (
                     vitrine_publish_view_get_setup (publish_view (window)))), ==, hub.url);
  publish_through_wizard (window, "mit", "team", "shared-model", TRUE);
  alice = vitrine_client_new (hub.url, hub.token);
  info = vitrine_client_repo_info (alice, VITRINE_REPO_TYPE_MODEL, "team/shared-model", NULL, NULL, &error);
  g_assert_no_error (error);
  paths = repo_paths (alice, "team/shared-model");
  g_assert_cmpstr (paths, ==, ".gitattributes README.md config.json weights.bin");

  /* Preferences → Accounts → Sign Out, confirmed. */
  vitrine_application_show_preferences (app, "accounts");
  iterate_until_idle ();
  prefs = find_toplevel (VITRINE_TYPE_PREFERENCES_WINDOW);
  g_assert_nonnull (prefs);
  sign_out = find_button_for (prefs, hub.url);
  g_assert_nonnull (sign_out);
  g_signal_emit_by_name (sign_out, "clicked");
  iterate_until_idle ();
  confirm = find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (confirm);
  adw_message_dialog_response (confirm, "sign-out");
  wait_until (is_signed_out_there, both, "signing out");
  gtk_window_destroy (GTK_WINDOW (prefs));

  /* The secret is gone from the keyring. */
  g_assert_false (keyring_has (host));

  other_hub_stop (&hub);
  test_rm_rf (tmp);
  return TRUE;
}

static void
test_publish_other_hub (void)
{
  run_in_application ("io.github.vitrine.Vitrine.OtherHubTest", publish_other_hub, NULL);
}

/* ---- Closing while publishing ---------------------------------------- */

static gboolean
publish_then_close (VitrineApplication *app,
                    gpointer            data)
{
  g_autoptr(GError) error = NULL;
  char *tmp = data;
  g_autofree char *folder = make_model_folder (tmp, "background", 12);
  g_autoptr(GFile) file = g_file_new_for_path (folder);
  VitrineWindow *window = app_window (app);
  AdwMessageDialog *ask;

  g_assert_true (vitrine_window_open_folder (window, file));
  publish_through_wizard (window, "mit", NULL, "background-model", FALSE);
  /* The hub holds the large file back: the progress page shows. */
  g_assert_cmpstr (vitrine_publish_view_get_page (publish_view (window)), ==, "progress");

  /* Closing asks, since the publish runs (the hub holds its uploads). */
  gtk_window_close (GTK_WINDOW (window));
  iterate_until_idle ();
  ask = find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (ask);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));
  g_assert_cmpuint (vitrine_application_count_running_publishes (app), ==, 1);

  /* Finish in the Background: the window goes, the application stays
   * until the publish is done, then ends by itself. */
  adw_message_dialog_response (ask, "background");
  iterate_until_idle ();
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (window)));
  return FALSE;
}

static gboolean
is_loaded (gpointer data)
{
  return *(GAsyncResult **) data != NULL;
}

static void
test_publish_in_background (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *tmp = g_dir_make_tmp ("vitrine-background-XXXXXX", &error);
  g_autofree char *records = g_build_filename (g_get_user_data_dir (), "vitrine", "publishes", NULL);
  g_autoptr(VitrinePublishQueue) queue = NULL;
  g_autoptr(GAsyncResult) loaded = NULL;
  gboolean found = FALSE;

  g_assert_no_error (error);
  /* The large file's upload is answered "come back in 2 s" twice. */
  g_setenv ("VITRINE_HUB_FAULTS", "status:503:lfs-upload:2:2", TRUE);
  run_in_application ("io.github.vitrine.Vitrine.BackgroundTest", publish_then_close, tmp);
  g_unsetenv ("VITRINE_HUB_FAULTS");

  /* The application ended by itself, the publish done: its record says so. */
  queue = vitrine_publish_queue_new (records);
  vitrine_publish_queue_load_async (queue, NULL, test_keep_result_cb, &loaded);
  wait_until (is_loaded, &loaded, "the records");
  g_assert_true (vitrine_publish_queue_load_finish (queue, loaded, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (queue)); i++)
    {
      g_autoptr(VitrinePublishJob) job = g_list_model_get_item (G_LIST_MODEL (queue), i);

      if (g_str_has_suffix (vitrine_publish_job_get_repo_id (job), "/background-model"))
        {
          g_assert_cmpint (vitrine_publish_job_get_state (job), ==, VITRINE_PUBLISH_STATE_DONE);
          found = TRUE;
        }
    }
  g_assert_true (found);
  test_rm_rf (tmp);
}

int
main (int   argc,
      char *argv[])
{
  GSubprocess *keyring;
  int ret;

  gtk_test_init (&argc, &argv, NULL);
  /* WebKit's sandbox needs a plain program name. */
  g_set_prgname ("vitrine-test-publish");
  adw_init ();
  gtk_source_init ();

  g_test_add_func ("/app/publish/end-to-end", test_publish_end_to_end);
  g_test_add_func ("/app/publish/other-hub", test_publish_other_hub);
  g_test_add_func ("/app/publish/in-background", test_publish_in_background);

  /* The real keyring, for the whole program: whether one runs is found
   * once per process. */
  keyring = test_keyring_start ();
  ret = g_test_run ();
  test_keyring_stop (keyring);
  return ret;
}
