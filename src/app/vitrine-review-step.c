/* vitrine-review-step.c — the publish wizard's Review step
 *
 * Everything the publish will do, before it does it: where it goes, who
 * can see it, the license, how many files and how large, the commit
 * message, and what changes since the last publish (added, changed,
 * deleted), as the service layer plans it against the repository.  When
 * the model card changed on the Hub since it was last published from
 * here, the card editor's comparison shows both, and the step stays
 * incomplete until the user merged, took the Hub's or kept theirs.
 *
 * The card is saved to README.md when the plan is made: what is planned
 * and published is the folder as it is on disk.
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "vitrine-accessible.h"
#include "vitrine-card.h"
#include "vitrine-license.h"
#include "vitrine-review-step.h"

/* Files listed under each kind of change; the rest are counted. */
#define MAX_LISTED 100

struct _VitrineReviewStep
{
  VitrineAssistantPage  parent_instance;

  VitrinePublishSetup  *setup;
  VitrineCardEditor    *editor;
  GCancellable         *cancellable;
  VitrinePublishJob    *job;        /* the one planned */
  VitrinePublishPlan   *plan;
  char                 *plan_error;
  GPtrArray            *change_rows;
  gboolean              planning;
  gboolean              comparing;
  gboolean              shown;
  /* The user answered the comparison of the cards for this destination. */
  gboolean              card_settled;

  /* Template widgets */
  AdwPreferencesGroup  *card_group;
  AdwActionRow         *card_row;
  GtkImage             *card_icon;
  GtkButton            *compare_button;
  AdwActionRow         *where_row;
  AdwActionRow         *visibility_row;
  AdwActionRow         *license_row;
  AdwActionRow         *files_row;
  AdwActionRow         *message_row;
  AdwPreferencesGroup  *changes_group;
  AdwActionRow         *plan_row;
  GtkStack             *plan_marker;
  GtkButton            *replan_button;
};

G_DEFINE_FINAL_TYPE (VitrineReviewStep, vitrine_review_step, VITRINE_TYPE_ASSISTANT_PAGE)

enum {
  PROP_0,
  PROP_SETUP,
  PROP_EDITOR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* ---- The summary ------------------------------------------------------ */

static char *
server_name (VitrineAccount *account)
{
  g_autoptr(GUri) uri = NULL;

  if (vitrine_account_get_kind (account) == VITRINE_ACCOUNT_KIND_LOCAL)
    return g_strdup (_("this computer"));
  uri = g_uri_parse (vitrine_account_get_endpoint (account), G_URI_FLAGS_NONE, NULL);
  if (uri == NULL || g_uri_get_host (uri) == NULL)
    return g_strdup (vitrine_account_get_endpoint (account));
  return g_strdup (g_uri_get_host (uri));
}

static char *
card_license (VitrineReviewStep *self)
{
  g_autofree char *text = vitrine_card_editor_get_text (self->editor);
  g_autoptr(VitrineCard) card = vitrine_card_new_from_text (text, -1, NULL);
  g_autoptr(JsonNode) metadata = card != NULL ? vitrine_card_get_metadata (card, NULL) : NULL;
  g_autoptr(VitrineCardMetadata) meta = metadata != NULL ? vitrine_card_metadata_new_from_json (metadata) : NULL;
  g_autoptr(VitrineLicense) license = NULL;

  if (meta == NULL || meta->license == NULL)
    return g_strdup (_("None"));
  license = vitrine_license_lookup (meta->license);
  if (license != NULL && vitrine_license_get_needs_details (license) && meta->license_name != NULL)
    /* Translators: a license of the user's own: its name, then where its text is. */
    return g_strdup_printf (_("%s (%s)"), meta->license_name, meta->license_link != NULL ? meta->license_link : "");
  return g_strdup (license != NULL ? vitrine_license_get_name (license) : meta->license);
}

static void
set_subtitle (AdwActionRow *row,
              const char   *text)
{
  adw_action_row_set_subtitle (row, text != NULL ? text : "");
}

static void
update_summary (VitrineReviewStep *self)
{
  VitrinePublishSetup *setup = self->setup;
  VitrineAccount *account = vitrine_publish_setup_get_account (setup);
  VitrineFolderScan *scan = vitrine_publish_setup_get_scan (setup);
  g_autofree char *repo_id = vitrine_publish_setup_dup_repo_id (setup);
  g_autofree char *where = NULL;
  g_autofree char *license = card_license (self);
  g_autofree char *message = NULL;
  const char *what;
  const char *visibility;

  switch (vitrine_publish_setup_get_destination_status (setup))
    {
    case VITRINE_DESTINATION_NEW:
      what = _("a new repository");
      break;
    case VITRINE_DESTINATION_UPDATE:
      what = _("an update of your repository");
      break;
    case VITRINE_DESTINATION_PULL_REQUEST:
      what = _("a pull request to its owners");
      break;
    case VITRINE_DESTINATION_INVALID:
    case VITRINE_DESTINATION_NOT_ALLOWED:
    default:
      what = "";
      break;
    }
  if (account != NULL && repo_id != NULL)
    {
      g_autofree char *server = server_name (account);

      /* Translators: where a publish goes: “alice/bert-imdb on
       * huggingface.co — a new repository”. */
      where = g_strdup_printf (_("%s on %s — %s"), repo_id, server, what);
    }
  set_subtitle (self->where_row, where);

  if (vitrine_publish_setup_get_private (setup) && account != NULL &&
      g_strcmp0 (vitrine_account_get_name (account), vitrine_publish_setup_get_owner (setup)) == 0)
    visibility = _("Private: only you");
  else if (vitrine_publish_setup_get_private (setup))
    visibility = _("Private: only the members of the organisation");
  else if (vitrine_publish_setup_get_gated (setup))
    visibility = _("Public, gated: anyone who shares their contact details");
  else
    visibility = _("Public: anyone");
  set_subtitle (self->visibility_row, visibility);
  set_subtitle (self->license_row, license);

  /* The plan counts the card as saved; the scan, the folder as it was read. */
  if (self->plan != NULL || scan != NULL)
    {
      guint n = self->plan != NULL ? vitrine_publish_plan_get_n_files (self->plan)
                                   : vitrine_folder_scan_get_n_files (scan);
      guint64 bytes = self->plan != NULL ? vitrine_publish_plan_get_n_bytes (self->plan)
                                         : vitrine_folder_scan_get_n_bytes (scan);
      g_autofree char *size = g_format_size (bytes);
      g_autofree char *files = g_strdup_printf (ngettext ("%u file, %s", "%u files, %s", n), n, size);

      set_subtitle (self->files_row, files);
    }
  if (vitrine_publish_setup_get_create_pr (setup))
    /* Translators: a commit message, then how it is sent. */
    message = g_strdup_printf (_("%s (as a pull request)"), vitrine_publish_setup_get_message (setup));
  else
    message = g_strdup (vitrine_publish_setup_get_message (setup));
  set_subtitle (self->message_row, message);
}

/* ---- The changes ------------------------------------------------------ */

static void
clear_changes (VitrineReviewStep *self)
{
  for (guint i = 0; i < self->change_rows->len; i++)
    adw_preferences_group_remove (self->changes_group, g_ptr_array_index (self->change_rows, i));
  g_ptr_array_set_size (self->change_rows, 0);
}

static void
add_changes (VitrineReviewStep *self,
             GListModel        *entries,
             const char        *icon_name,
             const char        *title)
{
  guint n = entries != NULL ? g_list_model_get_n_items (entries) : 0;
  GtkWidget *row;

  if (n == 0)
    return;
  row = adw_expander_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  {
    g_autofree char *count = g_strdup_printf (ngettext ("%u file", "%u files", n), n);

    adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), count);
  }
  adw_expander_row_set_icon_name (ADW_EXPANDER_ROW (row), icon_name);
  for (guint i = 0; i < MIN (n, MAX_LISTED); i++)
    {
      g_autoptr(VitrinePlanEntry) entry = g_list_model_get_item (entries, i);
      GtkWidget *child = adw_action_row_new ();
      GtkWidget *size = NULL;
      g_autofree char *bytes = g_format_size (vitrine_plan_entry_get_change (entry) == VITRINE_PLAN_DELETED
                                                ? vitrine_plan_entry_get_old_size (entry)
                                                : vitrine_plan_entry_get_size (entry));

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (child), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (child), vitrine_plan_entry_get_path (entry));
      if (vitrine_plan_entry_get_is_large (entry))
        adw_action_row_set_subtitle (ADW_ACTION_ROW (child), _("large file"));
      size = gtk_label_new (bytes);
      gtk_widget_add_css_class (size, "dim-label");
      gtk_widget_add_css_class (size, "numeric");
      adw_action_row_add_suffix (ADW_ACTION_ROW (child), size);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), child);
    }
  if (n > MAX_LISTED)
    {
      GtkWidget *more = adw_action_row_new ();
      g_autofree char *text = g_strdup_printf (ngettext ("And %u more file", "And %u more files", n - MAX_LISTED),
                                               n - MAX_LISTED);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (more), text);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), more);
    }
  adw_preferences_group_add (self->changes_group, row);
  g_ptr_array_add (self->change_rows, row);
}

static void
update_plan (VitrineReviewStep *self)
{
  VitrinePublishPlan *plan = self->plan;
  gboolean card_changed = plan != NULL && vitrine_publish_plan_get_card_changed (plan);
  g_autofree char *problem = NULL;
  gboolean waiting = FALSE;

  clear_changes (self);
  gtk_widget_set_visible (GTK_WIDGET (self->replan_button), self->plan_error != NULL);
  if (self->planning)
    {
      gtk_stack_set_visible_child_name (self->plan_marker, "working");
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->plan_row), _("Comparing the folder with the repository…"));
      waiting = TRUE;
      problem = g_strdup (_("Comparing the folder with the repository…"));
    }
  else if (self->plan_error != NULL)
    {
      gtk_stack_set_visible_child_name (self->plan_marker, "problem");
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->plan_row), self->plan_error);
      /* Translators: %s says why. */
      problem = g_strdup_printf (_("Could not compare the folder with the repository: %s"), self->plan_error);
    }
  else if (plan != NULL)
    {
      guint added = g_list_model_get_n_items (vitrine_publish_plan_get_added (plan));
      guint changed = g_list_model_get_n_items (vitrine_publish_plan_get_changed (plan));
      guint deleted = g_list_model_get_n_items (vitrine_publish_plan_get_deleted (plan));
      g_autofree char *to_send = g_format_size (vitrine_publish_plan_get_bytes_to_send (plan));
      g_autofree char *title = NULL;

      gtk_stack_set_visible_child_name (self->plan_marker, "done");
      if (!vitrine_publish_plan_has_changes (plan))
        {
          title = g_strdup (_("Nothing changed since the last publish"));
          problem = g_strdup (_("Nothing to publish: the repository already has this folder as it is"));
        }
      else
        {
          g_autofree char *a = g_strdup_printf (ngettext ("%u added", "%u added", added), added);
          g_autofree char *c = g_strdup_printf (ngettext ("%u changed", "%u changed", changed), changed);
          g_autofree char *d = g_strdup_printf (ngettext ("%u deleted", "%u deleted", deleted), deleted);

          /* Translators: the changes of a publish: “3 added, 1 changed,
           * 0 deleted — 1.2 GB to send”. */
          title = g_strdup_printf (_("%s, %s, %s — %s to send"), a, c, d, to_send);
        }
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->plan_row), title);
      add_changes (self, vitrine_publish_plan_get_added (plan), "list-add-symbolic", _("Added"));
      add_changes (self, vitrine_publish_plan_get_changed (plan), "document-edit-symbolic", _("Changed"));
      add_changes (self, vitrine_publish_plan_get_deleted (plan), "list-remove-symbolic", _("Deleted"));
    }
  else
    {
      gtk_stack_set_visible_child_name (self->plan_marker, "working");
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->plan_row), "");
      problem = g_strdup (_("Finish the steps before this one"));
    }

  gtk_widget_set_visible (GTK_WIDGET (self->card_group), card_changed);
  if (card_changed && self->card_settled)
    {
      gtk_image_set_from_icon_name (self->card_icon, "object-select-symbolic");
      gtk_widget_remove_css_class (GTK_WIDGET (self->card_icon), "warning");
      adw_action_row_set_subtitle (self->card_row, _("You compared the cards: the card as it is now will be published."));
    }
  else
    {
      gtk_image_set_from_icon_name (self->card_icon, "dialog-warning-symbolic");
      gtk_widget_add_css_class (GTK_WIDGET (self->card_icon), "warning");
      adw_action_row_set_subtitle (self->card_row, _("Someone edited it since you last published from this computer. Compare it with yours, so that nothing is lost."));
    }
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "review.compare", card_changed && !self->comparing);
  if (problem == NULL && card_changed && !self->card_settled)
    problem = g_strdup (_("The model card changed on the Hub: compare it with yours first"));

  vitrine_accessible_repair (GTK_WIDGET (self->changes_group));
  vitrine_assistant_page_set_state (VITRINE_ASSISTANT_PAGE (self), problem == NULL, waiting, problem);
}

static void
on_planned_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  VitrineReviewStep *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(VitrinePublishPlan) plan = vitrine_publish_job_plan_finish (VITRINE_PUBLISH_JOB (source), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self->planning = FALSE;
  g_clear_pointer (&self->plan_error, g_free);
  if (plan == NULL)
    self->plan_error = g_strdup (error->message);
  g_set_object (&self->plan, plan);
  update_summary (self);
  update_plan (self);
}

typedef struct
{
  VitrineReviewStep *self;
  GCancellable      *cancellable;   /* this plan's */
} PlanStart;

static void
on_card_saved_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  PlanStart *start = user_data;
  g_autoptr(VitrineReviewStep) self = start->self;
  g_autoptr(GCancellable) cancellable = start->cancellable;
  g_autoptr(GError) error = NULL;
  gboolean saved;

  g_free (start);
  saved = vitrine_card_editor_save_finish (VITRINE_CARD_EDITOR (source), result, &error);
  /* Planned again (or gone) meanwhile: that plan is the one. */
  if (g_cancellable_is_cancelled (cancellable) || self->job == NULL)
    return;
  if (!saved)
    {
      self->planning = FALSE;
      self->plan_error = g_strdup (error->message);
      update_plan (self);
      return;
    }
  vitrine_publish_job_plan_async (self->job, cancellable, on_planned_cb, self);
}

/**
 * vitrine_review_step_plan:
 *
 * Saves the card, then compares the folder with the repository (again).
 */
void
vitrine_review_step_plan (VitrineReviewStep *self)
{
  g_return_if_fail (VITRINE_IS_REVIEW_STEP (self));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->plan);
  g_clear_object (&self->job);
  g_clear_pointer (&self->plan_error, g_free);
  update_summary (self);

  self->job = vitrine_publish_setup_new_job (self->setup);
  if (self->job == NULL)
    {
      self->planning = FALSE;
      update_plan (self);
      return;
    }
  /* What is planned, and published, is the folder as it is on disk. */
  self->planning = TRUE;
  self->cancellable = g_cancellable_new ();
  {
    PlanStart *start = g_new0 (PlanStart, 1);

    start->self = g_object_ref (self);
    start->cancellable = g_object_ref (self->cancellable);
    vitrine_card_editor_save_async (self->editor, on_card_saved_cb, start);
  }
  update_plan (self);
}

static void
plan_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  vitrine_review_step_plan (VITRINE_REVIEW_STEP (widget));
}

/* ---- The card on the Hub ---------------------------------------------- */

static void
on_compared_cb (VitrineReviewStep *self,
                const char        *answer)
{
  if (!self->comparing)
    return;
  self->comparing = FALSE;
  /* A choice, or nothing to choose: the card as it is now goes. */
  if (g_strv_contains ((const char * const[]) { "merge", "theirs", "mine", "same", "absent", NULL }, answer))
    {
      self->card_settled = TRUE;
      vitrine_publish_setup_set_replace_card (self->setup, TRUE);
      vitrine_review_step_plan (self);
      return;
    }
  update_plan (self);
}

static void
compare_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  VitrineReviewStep *self = VITRINE_REVIEW_STEP (widget);
  g_autofree char *repo_id = vitrine_publish_setup_dup_repo_id (self->setup);
  VitrineAccount *account = vitrine_publish_setup_get_account (self->setup);

  if (repo_id == NULL || account == NULL)
    return;
  self->comparing = TRUE;
  vitrine_card_editor_set_client (self->editor, vitrine_account_get_client (account));
  vitrine_card_editor_compare_with_hub (self->editor, repo_id);
  update_plan (self);
}

/* A new destination or folder: its card has not been compared. */
static void
on_destination_changed_cb (VitrineReviewStep *self)
{
  self->shown = FALSE;
  self->card_settled = FALSE;
  vitrine_publish_setup_set_replace_card (self->setup, FALSE);
  g_cancellable_cancel (self->cancellable);
  self->planning = FALSE;
  g_clear_object (&self->plan);
  g_clear_pointer (&self->plan_error, g_free);
  update_plan (self);
}

/* ---- Object ----------------------------------------------------------- */

static void
vitrine_review_step_shown (VitrineAssistantPage *page)
{
  VitrineReviewStep *self = VITRINE_REVIEW_STEP (page);

  self->shown = TRUE;
  vitrine_review_step_plan (self);
}

/* The folder was read (again), with the secret-looking files included:
 * the plan is made again, if it was made. */
static void
on_scan_changed_cb (VitrineReviewStep *self)
{
  if (self->shown && vitrine_publish_setup_get_scan (self->setup) != NULL)
    vitrine_review_step_plan (self);
}

static void
vitrine_review_step_constructed (GObject *object)
{
  VitrineReviewStep *self = VITRINE_REVIEW_STEP (object);
  static const char * const destination[] = { "notify::folder", "notify::account", "notify::owner", "notify::name" };

  G_OBJECT_CLASS (vitrine_review_step_parent_class)->constructed (object);

  for (guint i = 0; i < G_N_ELEMENTS (destination); i++)
    g_signal_connect_object (self->setup, destination[i], G_CALLBACK (on_destination_changed_cb), self,
                             G_CONNECT_SWAPPED);
  g_signal_connect_object (self->setup, "notify::scan", G_CALLBACK (on_scan_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->setup, "notify", G_CALLBACK (update_summary), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->editor, "compared", G_CALLBACK (on_compared_cb), self, G_CONNECT_SWAPPED);
  update_plan (self);
}

static void
vitrine_review_step_dispose (GObject *object)
{
  VitrineReviewStep *self = VITRINE_REVIEW_STEP (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), VITRINE_TYPE_REVIEW_STEP);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->plan);
  g_clear_object (&self->job);
  g_clear_object (&self->editor);
  g_clear_object (&self->setup);

  G_OBJECT_CLASS (vitrine_review_step_parent_class)->dispose (object);
}

static void
vitrine_review_step_finalize (GObject *object)
{
  VitrineReviewStep *self = VITRINE_REVIEW_STEP (object);

  g_free (self->plan_error);
  g_ptr_array_unref (self->change_rows);

  G_OBJECT_CLASS (vitrine_review_step_parent_class)->finalize (object);
}

static void
vitrine_review_step_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  VitrineReviewStep *self = VITRINE_REVIEW_STEP (object);

  switch (prop_id)
    {
    case PROP_SETUP:
      self->setup = g_value_dup_object (value);
      break;
    case PROP_EDITOR:
      self->editor = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vitrine_review_step_class_init (VitrineReviewStepClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  VitrineAssistantPageClass *page_class = VITRINE_ASSISTANT_PAGE_CLASS (klass);

  object_class->constructed = vitrine_review_step_constructed;
  object_class->dispose = vitrine_review_step_dispose;
  object_class->finalize = vitrine_review_step_finalize;
  object_class->set_property = vitrine_review_step_set_property;
  page_class->shown = vitrine_review_step_shown;

  properties[PROP_SETUP] =
    g_param_spec_object ("setup", NULL, NULL, VITRINE_TYPE_PUBLISH_SETUP,
                         G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_EDITOR] =
    g_param_spec_object ("editor", NULL, NULL, VITRINE_TYPE_CARD_EDITOR,
                         G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/ui/vitrine-review-step.ui");
  gtk_widget_class_bind_template_child (widget_class, VitrineReviewStep, card_group);
  gtk_widget_class_bind_template_child (widget_class, VitrineReviewStep, card_row);
  gtk_widget_class_bind_template_child (widget_class, VitrineReviewStep, card_icon);
  gtk_widget_class_bind_template_child (widget_class, VitrineReviewStep, compare_button);
  gtk_widget_class_bind_template_child (widget_class, VitrineReviewStep, where_row);
  gtk_widget_class_bind_template_child (widget_class, VitrineReviewStep, visibility_row);
  gtk_widget_class_bind_template_child (widget_class, VitrineReviewStep, license_row);
  gtk_widget_class_bind_template_child (widget_class, VitrineReviewStep, files_row);
  gtk_widget_class_bind_template_child (widget_class, VitrineReviewStep, message_row);
  gtk_widget_class_bind_template_child (widget_class, VitrineReviewStep, changes_group);
  gtk_widget_class_bind_template_child (widget_class, VitrineReviewStep, plan_row);
  gtk_widget_class_bind_template_child (widget_class, VitrineReviewStep, plan_marker);
  gtk_widget_class_bind_template_child (widget_class, VitrineReviewStep, replan_button);

  gtk_widget_class_install_action (widget_class, "review.plan", NULL, plan_action);
  gtk_widget_class_install_action (widget_class, "review.compare", NULL, compare_action);
}

static void
vitrine_review_step_init (VitrineReviewStep *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->change_rows = g_ptr_array_new ();
  vitrine_assistant_page_set_title (VITRINE_ASSISTANT_PAGE (self), _("Review"));
  vitrine_accessible_repair (GTK_WIDGET (self));
}

VitrineReviewStep *
vitrine_review_step_new (VitrinePublishSetup *setup,
                         VitrineCardEditor   *editor)
{
  g_return_val_if_fail (VITRINE_IS_PUBLISH_SETUP (setup), NULL);
  g_return_val_if_fail (VITRINE_IS_CARD_EDITOR (editor), NULL);

  return g_object_new (VITRINE_TYPE_REVIEW_STEP, "setup", setup, "editor", editor, NULL);
}
