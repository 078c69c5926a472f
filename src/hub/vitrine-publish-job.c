/* vitrine-publish-job.c — one recorded publish of a folder
 *
 * A job is what the user asked (folder, destination, visibility, gating,
 * message, pull request or not, the secret-looking files included, the
 * card decision) and how it went (state, times, result, error), kept in
 * a record, `<id>.json` in the queue's folder, before the publish starts
 * and whenever its state changes.  Its run (vitrine-publish-job-run.c)
 * exposes the publisher's progress and file models, which the window
 * binds to.  This file holds the object; vitrine-publish-job-record.c
 * its record.
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "vitrine-error.h"
#include "vitrine-error-describe.h"
#include "vitrine-publish-job-private.h"

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
