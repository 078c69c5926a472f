/* vitrine-restore-plan.c — what restoring a version of a repository will
 * change on one of its branches
 *
 * A plan is made against the branch's head as it was seen: the files
 * that differ from the head to the version, each to be put back as the
 * version has it.  Committing it names that head as the parent, so a
 * publish made in between is never overwritten: the commit is refused
 * and a new plan is needed (vitrine-client-restore.c).
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "vitrine-file-change.h"
#include "vitrine-restore-plan.h"

struct _VitrineRestorePlan
{
  GObject          parent_instance;

  VitrineRepoType  type;
  char            *repo_id;
  char            *branch;
  char            *head_id;
  char            *revision;
  char            *target_id;
  GListModel      *changes;
};

G_DEFINE_FINAL_TYPE (VitrineRestorePlan, vitrine_restore_plan, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_REPO_ID,
  PROP_BRANCH,
  PROP_HEAD_ID,
  PROP_REVISION,
  PROP_TARGET_ID,
  PROP_CHANGES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
vitrine_restore_plan_finalize (GObject *object)
{
  VitrineRestorePlan *self = VITRINE_RESTORE_PLAN (object);

  g_free (self->repo_id);
  g_free (self->branch);
  g_free (self->head_id);
  g_free (self->revision);
  g_free (self->target_id);
  g_clear_object (&self->changes);
  G_OBJECT_CLASS (vitrine_restore_plan_parent_class)->finalize (object);
}

static void
vitrine_restore_plan_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  VitrineRestorePlan *self = VITRINE_RESTORE_PLAN (object);

  switch (prop_id)
    {
    case PROP_REPO_ID:
      g_value_set_string (value, self->repo_id);
      break;
    case PROP_BRANCH:
      g_value_set_string (value, self->branch);
      break;
    case PROP_HEAD_ID:
      g_value_set_string (value, self->head_id);
      break;
    case PROP_REVISION:
      g_value_set_string (value, self->revision);
      break;
    case PROP_TARGET_ID:
      g_value_set_string (value, self->target_id);
      break;
    case PROP_CHANGES:
      g_value_set_object (value, self->changes);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vitrine_restore_plan_class_init (VitrineRestorePlanClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = vitrine_restore_plan_finalize;
  object_class->get_property = vitrine_restore_plan_get_property;

  properties[PROP_REPO_ID] = g_param_spec_string ("repo-id", NULL, NULL, NULL, flags);
  /* The branch the restoring commit goes to. */
  properties[PROP_BRANCH] = g_param_spec_string ("branch", NULL, NULL, NULL, flags);
  /* The branch's head the plan was made against: the commit's parent. */
  properties[PROP_HEAD_ID] = g_param_spec_string ("head-id", NULL, NULL, NULL, flags);
  /* The version, as it was named (a tag, a branch, a commit id). */
  properties[PROP_REVISION] = g_param_spec_string ("revision", NULL, NULL, NULL, flags);
  /* The version's commit id. */
  properties[PROP_TARGET_ID] = g_param_spec_string ("target-id", NULL, NULL, NULL, flags);
  /* What changes, from the head to the version (#VitrineFileChange). */
  properties[PROP_CHANGES] = g_param_spec_object ("changes", NULL, NULL, G_TYPE_LIST_MODEL, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
vitrine_restore_plan_init (VitrineRestorePlan *self)
{
}

/**
 * vitrine_restore_plan_new:
 * @changes: #VitrineFileChange items, from @head_id to @target_id
 *
 * Returns: (transfer full): the plan
 */
VitrineRestorePlan *
vitrine_restore_plan_new (VitrineRepoType  type,
                          const char      *repo_id,
                          const char      *branch,
                          const char      *head_id,
                          const char      *revision,
                          const char      *target_id,
                          GListModel      *changes)
{
  VitrineRestorePlan *self;

  g_return_val_if_fail (G_IS_LIST_MODEL (changes), NULL);

  self = g_object_new (VITRINE_TYPE_RESTORE_PLAN, NULL);
  self->type = type;
  self->repo_id = g_strdup (repo_id);
  self->branch = g_strdup (branch);
  self->head_id = g_strdup (head_id);
  self->revision = g_strdup (revision);
  self->target_id = g_strdup (target_id);
  self->changes = g_object_ref (changes);
  return self;
}

VitrineRepoType
vitrine_restore_plan_get_repo_type (VitrineRestorePlan *self)
{
  g_return_val_if_fail (VITRINE_IS_RESTORE_PLAN (self), VITRINE_REPO_TYPE_MODEL);
  return self->type;
}

const char *
vitrine_restore_plan_get_repo_id (VitrineRestorePlan *self)
{
  g_return_val_if_fail (VITRINE_IS_RESTORE_PLAN (self), NULL);
  return self->repo_id;
}

const char *
vitrine_restore_plan_get_branch (VitrineRestorePlan *self)
{
  g_return_val_if_fail (VITRINE_IS_RESTORE_PLAN (self), NULL);
  return self->branch;
}

const char *
vitrine_restore_plan_get_head_id (VitrineRestorePlan *self)
{
  g_return_val_if_fail (VITRINE_IS_RESTORE_PLAN (self), NULL);
  return self->head_id;
}

const char *
vitrine_restore_plan_get_revision (VitrineRestorePlan *self)
{
  g_return_val_if_fail (VITRINE_IS_RESTORE_PLAN (self), NULL);
  return self->revision;
}

const char *
vitrine_restore_plan_get_target_id (VitrineRestorePlan *self)
{
  g_return_val_if_fail (VITRINE_IS_RESTORE_PLAN (self), NULL);
  return self->target_id;
}

/**
 * vitrine_restore_plan_get_changes:
 *
 * Returns: (transfer none): #VitrineFileChange items, from the head to
 *   the version
 */
GListModel *
vitrine_restore_plan_get_changes (VitrineRestorePlan *self)
{
  g_return_val_if_fail (VITRINE_IS_RESTORE_PLAN (self), NULL);
  return self->changes;
}

/* Whether the branch already has the version's files. */
gboolean
vitrine_restore_plan_is_empty (VitrineRestorePlan *self)
{
  g_return_val_if_fail (VITRINE_IS_RESTORE_PLAN (self), TRUE);
  return g_list_model_get_n_items (self->changes) == 0;
}
