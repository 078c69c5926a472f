/* vitrine-publish-setup.c — what the publish wizard's steps have chosen
 *
 * One object per wizard, shared by its steps: the folder and what was
 * found in it (with the secret-looking files the user chose to include),
 * the account, owner and name of the repository, who may see it, the commit
 * message, and what the hub said about the name (a new repository, an
 * update, a pull request).  Steps write the parts
 * they own and watch the rest through its properties; the review step
 * and the publish read all of it.  The license lives in the card.
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "vitrine-publish-setup.h"

struct _VitrinePublishSetup
{
  GObject                  parent_instance;

  GFile                   *folder;
  VitrineAccount          *account;
  char                    *owner;
  char                    *name;
  char                    *message;
  gboolean                 private_;
  gboolean                 gated;
  gboolean                 create_pr;
  gboolean                 replace_card;
  gboolean                 destination_known;
  VitrineDestinationStatus destination_status;
  VitrineFolderScan       *scan;
};

G_DEFINE_FINAL_TYPE (VitrinePublishSetup, vitrine_publish_setup, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_FOLDER,
  PROP_ACCOUNT,
  PROP_OWNER,
  PROP_NAME,
  PROP_PRIVATE,
  PROP_GATED,
  PROP_MESSAGE,
  PROP_CREATE_PR,
  PROP_REPLACE_CARD,
  PROP_DESTINATION_KNOWN,
  PROP_DESTINATION_STATUS,
  PROP_SCAN,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

VitrinePublishSetup *
vitrine_publish_setup_new (void)
{
  return g_object_new (VITRINE_TYPE_PUBLISH_SETUP, NULL);
}

static void
set_string (VitrinePublishSetup  *self,
            char                **field,
            const char           *value,
            guint                 prop)
{
  if (g_strcmp0 (*field, value) == 0)
    return;
  g_free (*field);
  *field = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

static void
set_boolean (VitrinePublishSetup *self,
             gboolean            *field,
             gboolean             value,
             guint                prop)
{
  if (*field == !!value)
    return;
  *field = !!value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

/**
 * vitrine_publish_setup_get_folder:
 *
 * Returns: (transfer none) (nullable): the folder to publish
 */
GFile *
vitrine_publish_setup_get_folder (VitrinePublishSetup *self)
{
  g_return_val_if_fail (VITRINE_IS_PUBLISH_SETUP (self), NULL);
  return self->folder;
}

void
vitrine_publish_setup_set_folder (VitrinePublishSetup *self,
                                  GFile               *folder)
{
  g_return_if_fail (VITRINE_IS_PUBLISH_SETUP (self));

  if (self->folder == folder || (self->folder != NULL && folder != NULL && g_file_equal (self->folder, folder)))
    return;
  g_set_object (&self->folder, folder);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FOLDER]);
}

/**
 * vitrine_publish_setup_get_account:
 *
 * Returns: (transfer none) (nullable): the account that publishes
 */
VitrineAccount *
vitrine_publish_setup_get_account (VitrinePublishSetup *self)
{
  g_return_val_if_fail (VITRINE_IS_PUBLISH_SETUP (self), NULL);
  return self->account;
}

void
vitrine_publish_setup_set_account (VitrinePublishSetup *self,
                                   VitrineAccount      *account)
{
  g_return_if_fail (VITRINE_IS_PUBLISH_SETUP (self));

  if (g_set_object (&self->account, account))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACCOUNT]);
}

const char *
vitrine_publish_setup_get_owner (VitrinePublishSetup *self)
{
  g_return_val_if_fail (VITRINE_IS_PUBLISH_SETUP (self), NULL);
  return self->owner;
}

void
vitrine_publish_setup_set_owner (VitrinePublishSetup *self,
                                 const char          *owner)
{
  g_return_if_fail (VITRINE_IS_PUBLISH_SETUP (self));
  set_string (self, &self->owner, owner, PROP_OWNER);
}

const char *
vitrine_publish_setup_get_name (VitrinePublishSetup *self)
{
  g_return_val_if_fail (VITRINE_IS_PUBLISH_SETUP (self), NULL);
  return self->name;
}

void
vitrine_publish_setup_set_name (VitrinePublishSetup *self,
                                const char          *name)
{
  g_return_if_fail (VITRINE_IS_PUBLISH_SETUP (self));
  set_string (self, &self->name, name, PROP_NAME);
}

/**
 * vitrine_publish_setup_dup_repo_id:
 *
 * Returns: (transfer full) (nullable): `owner/name`, or %NULL while
 *   either is missing
 */
char *
vitrine_publish_setup_dup_repo_id (VitrinePublishSetup *self)
{
  g_return_val_if_fail (VITRINE_IS_PUBLISH_SETUP (self), NULL);

  if (self->owner == NULL || *self->owner == '\0' || self->name == NULL || *self->name == '\0')
    return NULL;
  return g_strconcat (self->owner, "/", self->name, NULL);
}

gboolean
vitrine_publish_setup_get_private (VitrinePublishSetup *self)
{
  g_return_val_if_fail (VITRINE_IS_PUBLISH_SETUP (self), FALSE);
  return self->private_;
}

void
vitrine_publish_setup_set_private (VitrinePublishSetup *self,
                                   gboolean             private_)
{
  g_return_if_fail (VITRINE_IS_PUBLISH_SETUP (self));
  set_boolean (self, &self->private_, private_, PROP_PRIVATE);
}

gboolean
vitrine_publish_setup_get_gated (VitrinePublishSetup *self)
{
  g_return_val_if_fail (VITRINE_IS_PUBLISH_SETUP (self), FALSE);
  return self->gated;
}

void
vitrine_publish_setup_set_gated (VitrinePublishSetup *self,
                                 gboolean             gated)
{
  g_return_if_fail (VITRINE_IS_PUBLISH_SETUP (self));
  set_boolean (self, &self->gated, gated, PROP_GATED);
}

const char *
vitrine_publish_setup_get_message (VitrinePublishSetup *self)
{
  g_return_val_if_fail (VITRINE_IS_PUBLISH_SETUP (self), NULL);
  return self->message;
}

void
vitrine_publish_setup_set_message (VitrinePublishSetup *self,
                                   const char          *message)
{
  g_return_if_fail (VITRINE_IS_PUBLISH_SETUP (self));
  set_string (self, &self->message, message, PROP_MESSAGE);
}

gboolean
vitrine_publish_setup_get_create_pr (VitrinePublishSetup *self)
{
  g_return_val_if_fail (VITRINE_IS_PUBLISH_SETUP (self), FALSE);
  return self->create_pr;
}

void
vitrine_publish_setup_set_create_pr (VitrinePublishSetup *self,
                                     gboolean             create_pr)
{
  g_return_if_fail (VITRINE_IS_PUBLISH_SETUP (self));
  set_boolean (self, &self->create_pr, create_pr, PROP_CREATE_PR);
}

/**
 * vitrine_publish_setup_get_destination_known:
 *
 * Returns: whether the hub said what the repository's name leads to
 *   (vitrine_publish_setup_get_destination_status()) for the owner and
 *   name as they are
 */
/**
 * vitrine_publish_setup_get_replace_card:
 *
 * Returns: whether the publish may replace a card changed on the Hub
 *   since the last publish (the user compared them and chose)
 */
gboolean
vitrine_publish_setup_get_replace_card (VitrinePublishSetup *self)
{
  g_return_val_if_fail (VITRINE_IS_PUBLISH_SETUP (self), FALSE);
  return self->replace_card;
}

void
vitrine_publish_setup_set_replace_card (VitrinePublishSetup *self,
                                        gboolean             replace_card)
{
  g_return_if_fail (VITRINE_IS_PUBLISH_SETUP (self));
  set_boolean (self, &self->replace_card, replace_card, PROP_REPLACE_CARD);
}

/**
 * vitrine_publish_setup_new_job:
 *
 * A publish of the folder with everything chosen, not recorded nor
 * started: for a plan, or to add to the queue.
 *
 * Returns: (transfer full) (nullable): the job, or %NULL while the folder,
 *   the account or the repository is missing
 */
VitrinePublishJob *
vitrine_publish_setup_new_job (VitrinePublishSetup *self)
{
  g_autofree char *folder = NULL;
  g_autofree char *repo_id = NULL;
  g_auto(GStrv) included = NULL;
  VitrinePublishJob *job;

  g_return_val_if_fail (VITRINE_IS_PUBLISH_SETUP (self), NULL);

  repo_id = vitrine_publish_setup_dup_repo_id (self);
  if (self->folder == NULL || self->account == NULL || repo_id == NULL)
    return NULL;
  folder = g_file_get_path (self->folder);
  job = vitrine_publish_job_new (folder, vitrine_account_get_endpoint (self->account),
                                 VITRINE_REPO_TYPE_MODEL, repo_id);
  vitrine_publish_job_set_client (job, vitrine_account_get_client (self->account));
  vitrine_publish_job_set_private (job, self->private_);
  vitrine_publish_job_set_gated (job, self->gated && !self->private_ ? "auto" : NULL);
  vitrine_publish_job_set_message (job, self->message);
  vitrine_publish_job_set_create_pr (job, self->create_pr);
  vitrine_publish_job_set_replace_card (job, self->replace_card);
  if (self->scan != NULL)
    included = vitrine_folder_scan_dup_included_secrets (self->scan);
  vitrine_publish_job_set_included_secrets (job, (const char * const *) included);
  return job;
}

gboolean
vitrine_publish_setup_get_destination_known (VitrinePublishSetup *self)
{
  g_return_val_if_fail (VITRINE_IS_PUBLISH_SETUP (self), FALSE);
  return self->destination_known;
}

VitrineDestinationStatus
vitrine_publish_setup_get_destination_status (VitrinePublishSetup *self)
{
  g_return_val_if_fail (VITRINE_IS_PUBLISH_SETUP (self), VITRINE_DESTINATION_INVALID);
  return self->destination_status;
}

/**
 * vitrine_publish_setup_set_destination_status:
 * @known: whether @status is what the hub said about the name as it is
 *
 * Says what publishing to the destination would do.
 */
void
vitrine_publish_setup_set_destination_status (VitrinePublishSetup      *self,
                                              gboolean                  known,
                                              VitrineDestinationStatus  status)
{
  g_return_if_fail (VITRINE_IS_PUBLISH_SETUP (self));

  if (!known)
    status = VITRINE_DESTINATION_INVALID;
  g_object_freeze_notify (G_OBJECT (self));
  if (self->destination_status != status)
    {
      self->destination_status = status;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DESTINATION_STATUS]);
    }
  if (self->destination_known != !!known)
    {
      self->destination_known = !!known;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DESTINATION_KNOWN]);
    }
  g_object_thaw_notify (G_OBJECT (self));
}

/**
 * vitrine_publish_setup_get_scan:
 *
 * Returns: (transfer none) (nullable): what was found in the folder
 */
VitrineFolderScan *
vitrine_publish_setup_get_scan (VitrinePublishSetup *self)
{
  g_return_val_if_fail (VITRINE_IS_PUBLISH_SETUP (self), NULL);
  return self->scan;
}

void
vitrine_publish_setup_set_scan (VitrinePublishSetup *self,
                                VitrineFolderScan   *scan)
{
  g_return_if_fail (VITRINE_IS_PUBLISH_SETUP (self));

  if (g_set_object (&self->scan, scan))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SCAN]);
}

static void
vitrine_publish_setup_dispose (GObject *object)
{
  VitrinePublishSetup *self = VITRINE_PUBLISH_SETUP (object);

  g_clear_object (&self->folder);
  g_clear_object (&self->account);
  g_clear_object (&self->scan);

  G_OBJECT_CLASS (vitrine_publish_setup_parent_class)->dispose (object);
}

static void
vitrine_publish_setup_finalize (GObject *object)
{
  VitrinePublishSetup *self = VITRINE_PUBLISH_SETUP (object);

  g_free (self->owner);
  g_free (self->name);
  g_free (self->message);

  G_OBJECT_CLASS (vitrine_publish_setup_parent_class)->finalize (object);
}

static void
vitrine_publish_setup_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  VitrinePublishSetup *self = VITRINE_PUBLISH_SETUP (object);

  switch (prop_id)
    {
    case PROP_FOLDER:
      g_value_set_object (value, self->folder);
      break;
    case PROP_ACCOUNT:
      g_value_set_object (value, self->account);
      break;
    case PROP_OWNER:
      g_value_set_string (value, self->owner);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_PRIVATE:
      g_value_set_boolean (value, self->private_);
      break;
    case PROP_GATED:
      g_value_set_boolean (value, self->gated);
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
    case PROP_DESTINATION_KNOWN:
      g_value_set_boolean (value, self->destination_known);
      break;
    case PROP_DESTINATION_STATUS:
      g_value_set_enum (value, self->destination_status);
      break;
    case PROP_SCAN:
      g_value_set_object (value, self->scan);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vitrine_publish_setup_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  VitrinePublishSetup *self = VITRINE_PUBLISH_SETUP (object);

  switch (prop_id)
    {
    case PROP_FOLDER:
      vitrine_publish_setup_set_folder (self, g_value_get_object (value));
      break;
    case PROP_ACCOUNT:
      vitrine_publish_setup_set_account (self, g_value_get_object (value));
      break;
    case PROP_OWNER:
      vitrine_publish_setup_set_owner (self, g_value_get_string (value));
      break;
    case PROP_NAME:
      vitrine_publish_setup_set_name (self, g_value_get_string (value));
      break;
    case PROP_PRIVATE:
      vitrine_publish_setup_set_private (self, g_value_get_boolean (value));
      break;
    case PROP_GATED:
      vitrine_publish_setup_set_gated (self, g_value_get_boolean (value));
      break;
    case PROP_MESSAGE:
      vitrine_publish_setup_set_message (self, g_value_get_string (value));
      break;
    case PROP_CREATE_PR:
      vitrine_publish_setup_set_create_pr (self, g_value_get_boolean (value));
      break;
    case PROP_REPLACE_CARD:
      vitrine_publish_setup_set_replace_card (self, g_value_get_boolean (value));
      break;
    case PROP_SCAN:
      vitrine_publish_setup_set_scan (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vitrine_publish_setup_class_init (VitrinePublishSetupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = vitrine_publish_setup_dispose;
  object_class->finalize = vitrine_publish_setup_finalize;
  object_class->get_property = vitrine_publish_setup_get_property;
  object_class->set_property = vitrine_publish_setup_set_property;

  properties[PROP_FOLDER] = g_param_spec_object ("folder", NULL, NULL, G_TYPE_FILE, flags);
  properties[PROP_ACCOUNT] = g_param_spec_object ("account", NULL, NULL, VITRINE_TYPE_ACCOUNT, flags);
  properties[PROP_OWNER] = g_param_spec_string ("owner", NULL, NULL, NULL, flags);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, flags);
  properties[PROP_PRIVATE] = g_param_spec_boolean ("private", NULL, NULL, TRUE, flags);
  properties[PROP_GATED] = g_param_spec_boolean ("gated", NULL, NULL, FALSE, flags);
  properties[PROP_MESSAGE] = g_param_spec_string ("message", NULL, NULL, NULL, flags);
  properties[PROP_CREATE_PR] = g_param_spec_boolean ("create-pr", NULL, NULL, FALSE, flags);
  properties[PROP_REPLACE_CARD] = g_param_spec_boolean ("replace-card", NULL, NULL, FALSE, flags);
  properties[PROP_DESTINATION_KNOWN] =
    g_param_spec_boolean ("destination-known", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DESTINATION_STATUS] =
    g_param_spec_enum ("destination-status", NULL, NULL, VITRINE_TYPE_DESTINATION_STATUS,
                       VITRINE_DESTINATION_INVALID,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SCAN] = g_param_spec_object ("scan", NULL, NULL, VITRINE_TYPE_FOLDER_SCAN, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
vitrine_publish_setup_init (VitrinePublishSetup *self)
{
  self->private_ = TRUE;
}
