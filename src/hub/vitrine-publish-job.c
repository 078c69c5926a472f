/* vitrine-publish-job.c — one recorded publish of a folder
 *
 * A job is what the user asked (folder, destination, visibility, gating,
 * message, pull request or not, the secret-looking files included, the
 * card decision) and how it went (state, times, result, error), kept in
 * a record, `<id>.json` in the queue's folder, before the publish starts
 * and whenever its state changes.  Its run (vitrine-publish-job-run.c)
 * exposes the publisher's progress and file models, which the window
 * binds to.  This file holds the object and its record.
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "vitrine-error.h"
#include "vitrine-error-describe.h"
#include "vitrine-json.h"
#include "vitrine-publish-job-private.h"
#include "vitrine-publish-record.h"

#define RECORD_VERSION 1

G_DEFINE_FINAL_TYPE (VitrinePublishJob, vitrine_publish_job, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_FOLDER,
  PROP_ENDPOINT,
  PROP_REPO_TYPE,
  PROP_REPO_ID,
  PROP_PRIVATE,
  PROP_GATED,
  PROP_MESSAGE,
  PROP_CREATE_PR,
  PROP_REPLACE_CARD,
  PROP_INCLUDED_SECRETS,
  PROP_STATE,
  PROP_FINISHED_STATE,
  PROP_CREATED,
  PROP_FINISHED,
  PROP_COMMIT_ID,
  PROP_COMMIT_URL,
  PROP_PR_URL,
  PROP_ERROR_MESSAGE,
  PROP_ERROR_TITLE,
  PROP_ERROR_HINT,
  PROP_PUBLISHER,
  PROP_PROGRESS,
  PROP_FILES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
vitrine_publish_job_dispose (GObject *object)
{
  VitrinePublishJob *self = VITRINE_PUBLISH_JOB (object);

  g_clear_object (&self->client);
  g_clear_object (&self->publisher);
  g_clear_object (&self->cancellable);
  if (self->client_destroy != NULL)
    g_clear_pointer (&self->client_data, self->client_destroy);
  self->client_func = NULL;

  G_OBJECT_CLASS (vitrine_publish_job_parent_class)->dispose (object);
}

static void
vitrine_publish_job_finalize (GObject *object)
{
  VitrinePublishJob *self = VITRINE_PUBLISH_JOB (object);

  g_free (self->id);
  g_free (self->folder);
  g_free (self->endpoint);
  g_free (self->repo_id);
  g_free (self->gated);
  g_free (self->message);
  g_strfreev (self->included_secrets);
  g_free (self->commit_id);
  g_free (self->commit_url);
  g_free (self->pr_url);
  g_clear_error (&self->error);
  g_free (self->error_title);
  g_free (self->error_hint);
  g_free (self->records_dir);
  vitrine_publish_result_clear (&self->result);

  G_OBJECT_CLASS (vitrine_publish_job_parent_class)->finalize (object);
}

static void
vitrine_publish_job_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  VitrinePublishJob *self = VITRINE_PUBLISH_JOB (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_FOLDER:
      g_value_set_string (value, self->folder);
      break;
    case PROP_ENDPOINT:
      g_value_set_string (value, self->endpoint);
      break;
    case PROP_REPO_TYPE:
      g_value_set_enum (value, self->type);
      break;
    case PROP_REPO_ID:
      g_value_set_string (value, self->repo_id);
      break;
    case PROP_PRIVATE:
      g_value_set_boolean (value, self->private_);
      break;
    case PROP_GATED:
      g_value_set_string (value, self->gated);
      break;
    case PROP_MESSAGE:
      g_value_set_string (value, self->message);
      break;
    case PROP_CREATE_PR:
      g_value_set_boolean (value, self->create_pr);
      break;
    case PROP_REPLACE_CARD:
      g_value_set_boolean (value, self->replace_card);
      break;
    case PROP_INCLUDED_SECRETS:
      g_value_set_boxed (value, self->included_secrets);
      break;
    case PROP_STATE:
      g_value_set_enum (value, self->state);
      break;
    case PROP_FINISHED_STATE:
      g_value_set_boolean (value, vitrine_publish_job_is_finished (self));
      break;
    case PROP_CREATED:
      g_value_set_int64 (value, self->created);
      break;
    case PROP_FINISHED:
      g_value_set_int64 (value, self->finished);
      break;
    case PROP_COMMIT_ID:
      g_value_set_string (value, self->commit_id);
      break;
    case PROP_COMMIT_URL:
      g_value_set_string (value, self->commit_url);
      break;
    case PROP_PR_URL:
      g_value_set_string (value, self->pr_url);
      break;
    case PROP_ERROR_MESSAGE:
      g_value_set_string (value, vitrine_publish_job_get_error_message (self));
      break;
    case PROP_ERROR_TITLE:
      g_value_set_string (value, self->error_title);
      break;
    case PROP_ERROR_HINT:
      g_value_set_string (value, self->error_hint);
      break;
    case PROP_PUBLISHER:
      g_value_set_object (value, self->publisher);
      break;
    case PROP_PROGRESS:
      g_value_set_object (value, vitrine_publish_job_get_progress (self));
      break;
    case PROP_FILES:
      g_value_set_object (value, vitrine_publish_job_get_files (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vitrine_publish_job_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  VitrinePublishJob *self = VITRINE_PUBLISH_JOB (object);

  switch (prop_id)
    {
    case PROP_PRIVATE:
      vitrine_publish_job_set_private (self, g_value_get_boolean (value));
      break;
    case PROP_GATED:
      vitrine_publish_job_set_gated (self, g_value_get_string (value));
      break;
    case PROP_MESSAGE:
      vitrine_publish_job_set_message (self, g_value_get_string (value));
      break;
    case PROP_CREATE_PR:
      vitrine_publish_job_set_create_pr (self, g_value_get_boolean (value));
      break;
    case PROP_REPLACE_CARD:
      vitrine_publish_job_set_replace_card (self, g_value_get_boolean (value));
      break;
    case PROP_INCLUDED_SECRETS:
      vitrine_publish_job_set_included_secrets (self, g_value_get_boxed (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vitrine_publish_job_class_init (VitrinePublishJobClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags ro = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  const GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = vitrine_publish_job_dispose;
  object_class->finalize = vitrine_publish_job_finalize;
  object_class->get_property = vitrine_publish_job_get_property;
  object_class->set_property = vitrine_publish_job_set_property;

  properties[PROP_ID] = g_param_spec_string ("id", NULL, NULL, NULL, ro);
  properties[PROP_FOLDER] = g_param_spec_string ("folder", NULL, NULL, NULL, ro);
  properties[PROP_ENDPOINT] = g_param_spec_string ("endpoint", NULL, NULL, NULL, ro);
  properties[PROP_REPO_TYPE] =
    g_param_spec_enum ("repo-type", NULL, NULL, VITRINE_TYPE_REPO_TYPE, VITRINE_REPO_TYPE_MODEL, ro);
  properties[PROP_REPO_ID] = g_param_spec_string ("repo-id", NULL, NULL, NULL, ro);
  /* A new repository is made private (else public). */
  properties[PROP_PRIVATE] = g_param_spec_boolean ("private", NULL, NULL, FALSE, rw);
  /* "auto" or "manual" to gate the repository; NULL not to. */
  properties[PROP_GATED] = g_param_spec_string ("gated", NULL, NULL, NULL, rw);
  properties[PROP_MESSAGE] = g_param_spec_string ("message", NULL, NULL, NULL, rw);
  /* Open a pull request rather than commit to the branch. */
  properties[PROP_CREATE_PR] = g_param_spec_boolean ("create-pr", NULL, NULL, FALSE, rw);
  /* Replace the Hub's card even when it changed since the last publish. */
  properties[PROP_REPLACE_CARD] = g_param_spec_boolean ("replace-card", NULL, NULL, FALSE, rw);
  /* Files that look like secrets and are sent all the same. */
  properties[PROP_INCLUDED_SECRETS] = g_param_spec_boxed ("included-secrets", NULL, NULL, G_TYPE_STRV, rw);
  properties[PROP_STATE] =
    g_param_spec_enum ("state", NULL, NULL, VITRINE_TYPE_PUBLISH_STATE, VITRINE_PUBLISH_STATE_QUEUED, ro);
  /* Done, failed or cancelled. */
  properties[PROP_FINISHED_STATE] = g_param_spec_boolean ("is-finished", NULL, NULL, FALSE, ro);
  /* Unix time, in seconds. */
  properties[PROP_CREATED] = g_param_spec_int64 ("created", NULL, NULL, 0, G_MAXINT64, 0, ro);
  /* Unix time, in seconds; 0 until the job finished. */
  properties[PROP_FINISHED] = g_param_spec_int64 ("finished", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_COMMIT_ID] = g_param_spec_string ("commit-id", NULL, NULL, NULL, ro);
  /* The commit's page on the hub. */
  properties[PROP_COMMIT_URL] = g_param_spec_string ("commit-url", NULL, NULL, NULL, ro);
  properties[PROP_PR_URL] = g_param_spec_string ("pr-url", NULL, NULL, NULL, ro);
  /* What failed, as the hub or the system said it. */
  properties[PROP_ERROR_MESSAGE] = g_param_spec_string ("error-message", NULL, NULL, NULL, ro);
  /* The failure in words, and what to do (vitrine_error_describe_for_publish()). */
  properties[PROP_ERROR_TITLE] = g_param_spec_string ("error-title", NULL, NULL, NULL, ro);
  properties[PROP_ERROR_HINT] = g_param_spec_string ("error-hint", NULL, NULL, NULL, ro);
  /* The run's publisher; a new one at each (re)start. */
  properties[PROP_PUBLISHER] = g_param_spec_object ("publisher", NULL, NULL, VITRINE_TYPE_PUBLISHER, ro);
  /* The publisher's progress and file rows (VitrinePublishFile), or NULL before a run. */
  properties[PROP_PROGRESS] =
    g_param_spec_object ("progress", NULL, NULL, VITRINE_TYPE_PUBLISH_PROGRESS, ro);
  properties[PROP_FILES] = g_param_spec_object ("files", NULL, NULL, G_TYPE_LIST_MODEL, ro);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
vitrine_publish_job_init (VitrinePublishJob *self)
{
  self->state = VITRINE_PUBLISH_STATE_QUEUED;
  self->included_secrets = g_new0 (char *, 1);
  self->records_dir = g_build_filename (g_get_user_data_dir (), "vitrine", "publishes", NULL);
}

/**
 * vitrine_publish_job_new:
 * @folder: the folder to publish
 * @endpoint: the hub to publish to
 * @repo_id: `owner/name`
 *
 * Returns: (transfer full): a job, queued; add it to a
 *   #VitrinePublishQueue, which records it, then start it
 */
VitrinePublishJob *
vitrine_publish_job_new (const char      *folder,
                         const char      *endpoint,
                         VitrineRepoType  type,
                         const char      *repo_id)
{
  VitrinePublishJob *self;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *stamp = NULL;
  g_autofree char *uuid = g_uuid_string_random ();

  g_return_val_if_fail (folder != NULL, NULL);
  g_return_val_if_fail (endpoint != NULL, NULL);
  g_return_val_if_fail (repo_id != NULL, NULL);

  self = g_object_new (VITRINE_TYPE_PUBLISH_JOB, NULL);
  /* Sorts by time, and never the same twice. */
  stamp = g_date_time_format (now, "%Y%m%dT%H%M%S");
  self->id = g_strdup_printf ("%s-%.8s", stamp, uuid);
  self->folder = g_canonicalize_filename (folder, NULL);
  self->endpoint = g_strdup (endpoint);
  self->type = type;
  self->repo_id = g_strdup (repo_id);
  self->created = g_date_time_to_unix (now);
  return self;
}

const char *
vitrine_publish_job_get_id (VitrinePublishJob *self)
{
  g_return_val_if_fail (VITRINE_IS_PUBLISH_JOB (self), NULL);
  return self->id;
}

const char *
vitrine_publish_job_get_folder (VitrinePublishJob *self)
{
  g_return_val_if_fail (VITRINE_IS_PUBLISH_JOB (self), NULL);
  return self->folder;
}

const char *
vitrine_publish_job_get_endpoint (VitrinePublishJob *self)
{
  g_return_val_if_fail (VITRINE_IS_PUBLISH_JOB (self), NULL);
  return self->endpoint;
}

VitrineRepoType
vitrine_publish_job_get_repo_type (VitrinePublishJob *self)
{
  g_return_val_if_fail (VITRINE_IS_PUBLISH_JOB (self), VITRINE_REPO_TYPE_MODEL);
  return self->type;
}

const char *
vitrine_publish_job_get_repo_id (VitrinePublishJob *self)
{
  g_return_val_if_fail (VITRINE_IS_PUBLISH_JOB (self), NULL);
  return self->repo_id;
}

#define SETTER_BOOL(field, prop) \
  g_return_if_fail (VITRINE_IS_PUBLISH_JOB (self)); \
  if (self->field == !!value) \
    return; \
  self->field = !!value; \
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop])

#define SETTER_STRING(field, prop) \
  g_return_if_fail (VITRINE_IS_PUBLISH_JOB (self)); \
  if (g_strcmp0 (self->field, value) == 0) \
    return; \
  g_free (self->field); \
  self->field = g_strdup (value); \
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop])

gboolean
vitrine_publish_job_get_private (VitrinePublishJob *self)
{
  g_return_val_if_fail (VITRINE_IS_PUBLISH_JOB (self), FALSE);
  return self->private_;
}

void
vitrine_publish_job_set_private (VitrinePublishJob *self,
                                 gboolean           value)
{
  SETTER_BOOL (private_, PROP_PRIVATE);
}

/**
 * vitrine_publish_job_get_gated:
 *
 * Returns: (nullable): "auto" or "manual" when the repository is to be
 *   gated, %NULL when not
 */
const char *
vitrine_publish_job_get_gated (VitrinePublishJob *self)
{
  g_return_val_if_fail (VITRINE_IS_PUBLISH_JOB (self), NULL);
  return self->gated;
}

/**
 * vitrine_publish_job_set_gated:
 * @value: (nullable): "auto" (access granted at once) or "manual" (the
 *   owners grant it); %NULL or "false" for no gate
 */
void
vitrine_publish_job_set_gated (VitrinePublishJob *self,
                               const char        *value)
{
  if (g_strcmp0 (value, "false") == 0)
    value = NULL;
  SETTER_STRING (gated, PROP_GATED);
}

const char *
vitrine_publish_job_get_message (VitrinePublishJob *self)
{
  g_return_val_if_fail (VITRINE_IS_PUBLISH_JOB (self), NULL);
  return self->message;
}

void
vitrine_publish_job_set_message (VitrinePublishJob *self,
                                 const char        *value)
{
  SETTER_STRING (message, PROP_MESSAGE);
}

gboolean
vitrine_publish_job_get_create_pr (VitrinePublishJob *self)
{
  g_return_val_if_fail (VITRINE_IS_PUBLISH_JOB (self), FALSE);
  return self->create_pr;
}

void
vitrine_publish_job_set_create_pr (VitrinePublishJob *self,
                                   gboolean           value)
{
  SETTER_BOOL (create_pr, PROP_CREATE_PR);
}

gboolean
vitrine_publish_job_get_replace_card (VitrinePublishJob *self)
{
  g_return_val_if_fail (VITRINE_IS_PUBLISH_JOB (self), FALSE);
  return self->replace_card;
}

void
vitrine_publish_job_set_replace_card (VitrinePublishJob *self,
                                      gboolean           value)
{
  SETTER_BOOL (replace_card, PROP_REPLACE_CARD);
}

/**
 * vitrine_publish_job_get_included_secrets:
 *
 * Returns: (transfer none): the files that look like secrets and are sent
 *   all the same, possibly none
 */
const char * const *
vitrine_publish_job_get_included_secrets (VitrinePublishJob *self)
{
  g_return_val_if_fail (VITRINE_IS_PUBLISH_JOB (self), NULL);
  return (const char * const *) self->included_secrets;
}

/**
 * vitrine_publish_job_set_included_secrets:
 * @paths: (nullable): paths in the folder, as
 *   vitrine_folder_scan_dup_included_secrets() gives them
 */
void
vitrine_publish_job_set_included_secrets (VitrinePublishJob  *self,
                                          const char * const *paths)
{
  const char * const none[] = { NULL };

  g_return_if_fail (VITRINE_IS_PUBLISH_JOB (self));
  g_strfreev (self->included_secrets);
  self->included_secrets = g_strdupv ((char **) (paths != NULL ? paths : none));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INCLUDED_SECRETS]);
}

VitrinePublishState
vitrine_publish_job_get_state (VitrinePublishJob *self)
{
  g_return_val_if_fail (VITRINE_IS_PUBLISH_JOB (self), VITRINE_PUBLISH_STATE_QUEUED);
  return self->state;
}

/* Done, failed or cancelled: not running, and not waiting to resume. */
gboolean
vitrine_publish_job_is_finished (VitrinePublishJob *self)
{
  g_return_val_if_fail (VITRINE_IS_PUBLISH_JOB (self), FALSE);
  return self->state == VITRINE_PUBLISH_STATE_DONE || self->state == VITRINE_PUBLISH_STATE_FAILED ||
         self->state == VITRINE_PUBLISH_STATE_CANCELLED;
}

gint64
vitrine_publish_job_get_created (VitrinePublishJob *self)
{
  g_return_val_if_fail (VITRINE_IS_PUBLISH_JOB (self), 0);
  return self->created;
}

gint64
vitrine_publish_job_get_finished (VitrinePublishJob *self)
{
  g_return_val_if_fail (VITRINE_IS_PUBLISH_JOB (self), 0);
  return self->finished;
}

const char *
vitrine_publish_job_get_commit_id (VitrinePublishJob *self)
{
  g_return_val_if_fail (VITRINE_IS_PUBLISH_JOB (self), NULL);
  return self->commit_id;
}

const char *
vitrine_publish_job_get_commit_url (VitrinePublishJob *self)
{
  g_return_val_if_fail (VITRINE_IS_PUBLISH_JOB (self), NULL);
  return self->commit_url;
}

const char *
vitrine_publish_job_get_pr_url (VitrinePublishJob *self)
{
  g_return_val_if_fail (VITRINE_IS_PUBLISH_JOB (self), NULL);
  return self->pr_url;
}

const char *
vitrine_publish_job_get_error_message (VitrinePublishJob *self)
{
  g_return_val_if_fail (VITRINE_IS_PUBLISH_JOB (self), NULL);
  return self->error != NULL ? self->error->message : NULL;
}

/**
 * vitrine_publish_job_get_error:
 *
 * Returns: (transfer none) (nullable): what the last run failed with (also
 *   after a restart, read back from the record)
 */
const GError *
vitrine_publish_job_get_error (VitrinePublishJob *self)
{
  g_return_val_if_fail (VITRINE_IS_PUBLISH_JOB (self), NULL);
  return self->error;
}

const char *
vitrine_publish_job_get_error_title (VitrinePublishJob *self)
{
  g_return_val_if_fail (VITRINE_IS_PUBLISH_JOB (self), NULL);
  return self->error_title;
}

const char *
vitrine_publish_job_get_error_hint (VitrinePublishJob *self)
{
  g_return_val_if_fail (VITRINE_IS_PUBLISH_JOB (self), NULL);
  return self->error_hint;
}

/**
 * vitrine_publish_job_get_publisher:
 *
 * Returns: (transfer none) (nullable): the publisher of the current or
 *   last run of this session
 */
VitrinePublisher *
vitrine_publish_job_get_publisher (VitrinePublishJob *self)
{
  g_return_val_if_fail (VITRINE_IS_PUBLISH_JOB (self), NULL);
  return self->publisher;
}

/**
 * vitrine_publish_job_get_progress:
 *
 * Returns: (transfer none) (nullable): the run's progress, %NULL before a run
 */
VitrinePublishProgress *
vitrine_publish_job_get_progress (VitrinePublishJob *self)
{
  g_return_val_if_fail (VITRINE_IS_PUBLISH_JOB (self), NULL);
  return self->publisher != NULL ? vitrine_publisher_get_progress (self->publisher) : NULL;
}

/**
 * vitrine_publish_job_get_files:
 *
 * Returns: (transfer none) (nullable): the run's files, a model of
 *   #VitrinePublishFile; %NULL before a run
 */
GListModel *
vitrine_publish_job_get_files (VitrinePublishJob *self)
{
  g_return_val_if_fail (VITRINE_IS_PUBLISH_JOB (self), NULL);
  return self->publisher != NULL ? vitrine_publisher_get_files (self->publisher) : NULL;
}

/**
 * vitrine_publish_job_get_result:
 *
 * Returns: (nullable): the counts of the last run that finished in this
 *   session, %NULL otherwise
 */
const VitrinePublishResult *
vitrine_publish_job_get_result (VitrinePublishJob *self)
{
  g_return_val_if_fail (VITRINE_IS_PUBLISH_JOB (self), NULL);
  return self->has_result ? &self->result : NULL;
}

/* ---- Changes made by the run ------------------------------------------- */

void
_vitrine_publish_job_set_state (VitrinePublishJob   *self,
                                VitrinePublishState  state)
{
  gboolean was_finished = vitrine_publish_job_is_finished (self);

  if (self->state == state)
    return;
  self->state = state;
  if (vitrine_publish_job_is_finished (self))
    {
      self->finished = g_get_real_time () / G_USEC_PER_SEC;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FINISHED]);
    }
  else if (self->finished != 0)
    {
      self->finished = 0;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FINISHED]);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
  if (was_finished != vitrine_publish_job_is_finished (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FINISHED_STATE]);
}

void
_vitrine_publish_job_set_error (VitrinePublishJob *self,
                                const GError      *error)
{
  g_clear_error (&self->error);
  g_clear_pointer (&self->error_title, g_free);
  g_clear_pointer (&self->error_hint, g_free);
  if (error != NULL)
    {
      self->error = g_error_copy (error);
      vitrine_error_describe_for_publish (error, &self->error_title, &self->error_hint);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ERROR_MESSAGE]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ERROR_TITLE]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ERROR_HINT]);
}

static char *
commit_url (VitrinePublishJob *self,
            const char        *commit)
{
  return g_strdup_printf ("%s/%s%s/commit/%s", self->endpoint, vitrine_repo_type_url_prefix (self->type),
                          self->repo_id, commit);
}

void
_vitrine_publish_job_set_result (VitrinePublishJob    *self,
                                 VitrinePublishResult *result)
{
  vitrine_publish_result_clear (&self->result);
  self->result = *result;
  memset (result, 0, sizeof *result);
  self->has_result = TRUE;

  g_free (self->commit_id);
  g_free (self->commit_url);
  g_free (self->pr_url);
  self->commit_id = g_strdup (self->result.commit_id);
  self->commit_url = self->commit_id != NULL ? commit_url (self, self->commit_id) : NULL;
  self->pr_url = g_strdup (self->result.pr_url);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COMMIT_ID]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COMMIT_URL]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PR_URL]);
}

void
_vitrine_publish_job_set_publisher (VitrinePublishJob *self,
                                    VitrinePublisher  *publisher)
{
  if (!g_set_object (&self->publisher, publisher))
    return;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PUBLISHER]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROGRESS]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILES]);
}

void
_vitrine_publish_job_set_records_dir (VitrinePublishJob *self,
                                      const char        *dir)
{
  g_free (self->records_dir);
  self->records_dir = g_strdup (dir);
}

char *
_vitrine_publish_job_record_path (VitrinePublishJob *self)
{
  g_autofree char *name = g_strconcat (self->id, ".json", NULL);

  return g_build_filename (self->records_dir, name, NULL);
}

/* ---- The record --------------------------------------------------------- */

static const char *
state_nick (VitrinePublishState state)
{
  GEnumClass *states = g_type_class_ref (VITRINE_TYPE_PUBLISH_STATE);
  const char *nick = g_enum_get_value (states, state)->value_nick;

  g_type_class_unref (states);
  return nick;
}

static void
add_string (JsonBuilder *builder,
            const char  *name,
            const char  *value)
{
  json_builder_set_member_name (builder, name);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

/* The record, as it is written. */
char *
_vitrine_publish_job_to_data (VitrinePublishJob *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, RECORD_VERSION);
  add_string (builder, "id", self->id);
  add_string (builder, "folder", self->folder);
  add_string (builder, "endpoint", self->endpoint);
  add_string (builder, "repo-type", vitrine_repo_type_to_string (self->type));
  add_string (builder, "repo-id", self->repo_id);
  add_string (builder, "visibility", self->private_ ? "private" : "public");
  add_string (builder, "gated", self->gated);
  add_string (builder, "message", self->message);
  json_builder_set_member_name (builder, "open-as-pr");
  json_builder_add_boolean_value (builder, self->create_pr);
  json_builder_set_member_name (builder, "replace-card");
  json_builder_add_boolean_value (builder, self->replace_card);
  json_builder_set_member_name (builder, "included-secrets");
  json_builder_begin_array (builder);
  for (guint i = 0; self->included_secrets[i] != NULL; i++)
    json_builder_add_string_value (builder, self->included_secrets[i]);
  json_builder_end_array (builder);
  add_string (builder, "state", state_nick (self->state));
  json_builder_set_member_name (builder, "created");
  json_builder_add_int_value (builder, self->created);
  json_builder_set_member_name (builder, "finished");
  if (self->finished != 0)
    json_builder_add_int_value (builder, self->finished);
  else
    json_builder_add_null_value (builder);

  json_builder_set_member_name (builder, "result");
  if (self->commit_id != NULL || self->pr_url != NULL)
    {
      json_builder_begin_object (builder);
      add_string (builder, "commit-id", self->commit_id);
      add_string (builder, "commit-url", self->commit_url);
      add_string (builder, "pr-url", self->pr_url);
      json_builder_end_object (builder);
    }
  else
    json_builder_add_null_value (builder);

  json_builder_set_member_name (builder, "error");
  if (self->error != NULL)
    {
      json_builder_begin_object (builder);
      add_string (builder, "domain", g_quark_to_string (self->error->domain));
      json_builder_set_member_name (builder, "code");
      json_builder_add_int_value (builder, self->error->code);
      add_string (builder, "message", self->error->message);
      json_builder_set_member_name (builder, "status");
      json_builder_add_int_value (builder, vitrine_error_get_status (self->error));
      add_string (builder, "hub-code", vitrine_error_get_hub_code (self->error));
      json_builder_end_object (builder);
    }
  else
    json_builder_add_null_value (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  return json_generator_to_data (generator, NULL);
}

/* A job as its record tells it; NULL when the record is not one. */
VitrinePublishJob *
_vitrine_publish_job_new_from_json (JsonObject  *object,
                                    GError     **error)
{
  g_autoptr(VitrinePublishJob) self = NULL;
  const char *id = vitrine_json_string (object, "id");
  const char *folder = vitrine_json_string (object, "folder");
  const char *endpoint = vitrine_json_string (object, "endpoint");
  const char *repo_id = vitrine_json_string (object, "repo-id");
  GEnumClass *states = NULL;
  GEnumValue *state;
  JsonArray *secrets;
  JsonObject *result;
  JsonObject *failure;
  VitrineRepoType type = VITRINE_REPO_TYPE_MODEL;

  if (id == NULL || folder == NULL || endpoint == NULL || repo_id == NULL ||
      strchr (id, '/') != NULL || !vitrine_repo_type_from_string (vitrine_json_string (object, "repo-type"), &type))
    {
      g_set_error_literal (error, VITRINE_ERROR, VITRINE_ERROR_PROTOCOL, _("This is not a record of a publish."));
      return NULL;
    }

  self = g_object_new (VITRINE_TYPE_PUBLISH_JOB, NULL);
  self->id = g_strdup (id);
  self->folder = g_strdup (folder);
  self->endpoint = g_strdup (endpoint);
  self->type = type;
  self->repo_id = g_strdup (repo_id);
  self->private_ = g_strcmp0 (vitrine_json_string (object, "visibility"), "private") == 0;
  self->gated = g_strdup (vitrine_json_string (object, "gated"));
  self->message = g_strdup (vitrine_json_string (object, "message"));
  self->create_pr = vitrine_json_bool (object, "open-as-pr", FALSE);
  self->replace_card = vitrine_json_bool (object, "replace-card", FALSE);
  secrets = vitrine_json_array (object, "included-secrets");
  if (secrets != NULL)
    {
      GStrvBuilder *paths = g_strv_builder_new ();

      for (guint i = 0; i < json_array_get_length (secrets); i++)
        {
          JsonNode *node = json_array_get_element (secrets, i);

          if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
            g_strv_builder_add (paths, json_node_get_string (node));
        }
      g_strfreev (self->included_secrets);
      self->included_secrets = g_strv_builder_end (paths);
      g_strv_builder_unref (paths);
    }
  states = g_type_class_ref (VITRINE_TYPE_PUBLISH_STATE);
  state = g_enum_get_value_by_nick (states, vitrine_json_string (object, "state") ?: "");
  self->state = state != NULL ? (VitrinePublishState) state->value : VITRINE_PUBLISH_STATE_INTERRUPTED;
  g_type_class_unref (states);
  self->created = vitrine_json_int (object, "created", 0);
  self->finished = vitrine_json_int (object, "finished", 0);

  result = vitrine_json_object (object, "result");
  self->commit_id = g_strdup (vitrine_json_string (result, "commit-id"));
  self->commit_url = g_strdup (vitrine_json_string (result, "commit-url"));
  self->pr_url = g_strdup (vitrine_json_string (result, "pr-url"));

  failure = vitrine_json_object (object, "error");
  if (failure != NULL)
    {
      GQuark domain = g_quark_from_string (vitrine_json_string (failure, "domain") ?: "vitrine-error-quark");
      int code = vitrine_json_int (failure, "code", 0);
      const char *message = vitrine_json_string (failure, "message") ?: "";
      g_autoptr(GError) read = NULL;

      if (domain == VITRINE_ERROR)
        read = vitrine_error_new_with_status (code, vitrine_json_int (failure, "status", 0),
                                              vitrine_json_string (failure, "hub-code"), message);
      else
        read = g_error_new_literal (domain, code, message);
      self->error = g_steal_pointer (&read);
      vitrine_error_describe_for_publish (self->error, &self->error_title, &self->error_hint);
    }
  return g_steal_pointer (&self);
}

static void
saved_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!_vitrine_publish_record_write_finish (result, &error))
    g_warning ("Could not record a publish: %s", error->message);
}

/* Writes the record as the job is now, after the writes asked before;
 * @callback (or a warning, without one) says when it is on disk. */
void
_vitrine_publish_job_save (VitrinePublishJob   *self,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autofree char *path = _vitrine_publish_job_record_path (self);

  _vitrine_publish_record_write_async (path, _vitrine_publish_job_to_data (self),
                                       callback != NULL ? callback : saved_cb, user_data);
}
