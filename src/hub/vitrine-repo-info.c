/* vitrine-repo-info.c — what the Hub says about a repository
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "vitrine-hub-object-private.h"
#include "vitrine-repo-info.h"

struct _VitrineRepoInfo
{
  VitrineHubObject  parent_instance;

  VitrineRepoType   type;
  char             *author;
  char             *name;
};

G_DEFINE_FINAL_TYPE (VitrineRepoInfo, vitrine_repo_info, VITRINE_TYPE_HUB_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_AUTHOR,
  PROP_NAME,
  PROP_REPO_TYPE,
  PROP_SHA,
  PROP_PRIVATE,
  PROP_GATED,
  PROP_LAST_MODIFIED,
  PROP_CREATED_AT,
  PROP_PIPELINE_TAG,
  PROP_LIBRARY_NAME,
  PROP_SDK,
  PROP_HOST,
  PROP_LIKES,
  PROP_DOWNLOADS,
  PROP_TAGS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
vitrine_repo_info_constructed (GObject *object)
{
  VitrineRepoInfo *self = VITRINE_REPO_INFO (object);
  const char *id = vitrine_json_string (_vitrine_hub_object_json (self), "id");
  const char *slash = id != NULL ? strchr (id, '/') : NULL;

  G_OBJECT_CLASS (vitrine_repo_info_parent_class)->constructed (object);

  /* The Hub names the owner in "author"; a bare listing only in the id. */
  self->author = g_strdup (vitrine_json_string (_vitrine_hub_object_json (self), "author"));
  if (self->author == NULL && slash != NULL)
    self->author = g_strndup (id, slash - id);
  self->name = g_strdup (slash != NULL ? slash + 1 : id);
}

static void
vitrine_repo_info_finalize (GObject *object)
{
  VitrineRepoInfo *self = VITRINE_REPO_INFO (object);

  g_free (self->author);
  g_free (self->name);
  G_OBJECT_CLASS (vitrine_repo_info_parent_class)->finalize (object);
}

/* The properties that are a string member of the JSON: id, sha (the
 * commit the revision resolved to), gated ("auto", "manual", or NULL when
 * anyone may download the files), last-modified, created-at,
 * pipeline-tag, library-name, sdk (a Space's), host (where a Space is
 * served). */
static const VitrineJsonMember strings[N_PROPS] = {
  [PROP_ID] = { "id", "id" },
  [PROP_SHA] = { "sha", "sha" },
  [PROP_GATED] = { "gated", "gated" },
  [PROP_LAST_MODIFIED] = { "last-modified", "lastModified" },
  [PROP_CREATED_AT] = { "created-at", "createdAt" },
  [PROP_PIPELINE_TAG] = { "pipeline-tag", "pipeline_tag" },
  [PROP_LIBRARY_NAME] = { "library-name", "library_name" },
  [PROP_SDK] = { "sdk", "sdk" },
  [PROP_HOST] = { "host", "host" },
};

static void
vitrine_repo_info_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  VitrineRepoInfo *self = VITRINE_REPO_INFO (object);

  if (_vitrine_hub_object_get_string (self, strings, prop_id, value))
    return;
  switch (prop_id)
    {
    case PROP_AUTHOR:
      g_value_set_string (value, self->author);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_REPO_TYPE:
      g_value_set_enum (value, self->type);
      break;
    case PROP_PRIVATE:
      g_value_set_boolean (value, vitrine_repo_info_get_private (self));
      break;
    case PROP_LIKES:
      g_value_set_int64 (value, vitrine_repo_info_get_likes (self));
      break;
    case PROP_DOWNLOADS:
      g_value_set_int64 (value, vitrine_repo_info_get_downloads (self));
      break;
    case PROP_TAGS:
      g_value_take_boxed (value, vitrine_repo_info_dup_tags (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vitrine_repo_info_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  VitrineRepoInfo *self = VITRINE_REPO_INFO (object);

  switch (prop_id)
    {
    case PROP_REPO_TYPE:
      self->type = g_value_get_enum (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vitrine_repo_info_class_init (VitrineRepoInfoClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->constructed = vitrine_repo_info_constructed;
  object_class->finalize = vitrine_repo_info_finalize;
  object_class->get_property = vitrine_repo_info_get_property;
  object_class->set_property = vitrine_repo_info_set_property;

  _vitrine_hub_object_class_add_strings (properties, strings, N_PROPS);
  /* The user or organisation the repository belongs to. */
  properties[PROP_AUTHOR] = g_param_spec_string ("author", NULL, NULL, NULL, flags);
  /* The id without its namespace. */
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, flags);
  properties[PROP_REPO_TYPE] =
    g_param_spec_enum ("repo-type", NULL, NULL,
                       VITRINE_TYPE_REPO_TYPE, VITRINE_REPO_TYPE_MODEL,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PRIVATE] = g_param_spec_boolean ("private", NULL, NULL, FALSE, flags);
  properties[PROP_LIKES] = g_param_spec_int64 ("likes", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_DOWNLOADS] = g_param_spec_int64 ("downloads", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_TAGS] = g_param_spec_boxed ("tags", NULL, NULL, G_TYPE_STRV, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
vitrine_repo_info_init (VitrineRepoInfo *self)
{
}

/**
 * vitrine_repo_info_new_from_json:
 * @object: a repository as the Hub's info or listing describes it
 * @type: the kind of repository it is (the JSON does not say)
 *
 * Returns: (transfer full): the repository's information
 */
VitrineRepoInfo *
vitrine_repo_info_new_from_json (JsonObject      *object,
                                 VitrineRepoType  type)
{
  return g_object_new (VITRINE_TYPE_REPO_INFO, "json", object, "repo-type", type, NULL);
}

const char *
vitrine_repo_info_get_id (VitrineRepoInfo *self)
{
  g_return_val_if_fail (VITRINE_IS_REPO_INFO (self), NULL);
  return vitrine_json_string (_vitrine_hub_object_json (self), "id");
}

const char *
vitrine_repo_info_get_author (VitrineRepoInfo *self)
{
  g_return_val_if_fail (VITRINE_IS_REPO_INFO (self), NULL);
  return self->author;
}

const char *
vitrine_repo_info_get_name (VitrineRepoInfo *self)
{
  g_return_val_if_fail (VITRINE_IS_REPO_INFO (self), NULL);
  return self->name;
}

VitrineRepoType
vitrine_repo_info_get_repo_type (VitrineRepoInfo *self)
{
  g_return_val_if_fail (VITRINE_IS_REPO_INFO (self), VITRINE_REPO_TYPE_MODEL);
  return self->type;
}

const char *
vitrine_repo_info_get_sha (VitrineRepoInfo *self)
{
  g_return_val_if_fail (VITRINE_IS_REPO_INFO (self), NULL);
  return vitrine_json_string (_vitrine_hub_object_json (self), "sha");
}

gboolean
vitrine_repo_info_get_private (VitrineRepoInfo *self)
{
  g_return_val_if_fail (VITRINE_IS_REPO_INFO (self), FALSE);
  return vitrine_json_bool (_vitrine_hub_object_json (self), "private", FALSE);
}

/* "auto", "manual", or NULL when not gated (the Hub says false). */
const char *
vitrine_repo_info_get_gated (VitrineRepoInfo *self)
{
  g_return_val_if_fail (VITRINE_IS_REPO_INFO (self), NULL);
  return vitrine_json_string (_vitrine_hub_object_json (self), "gated");
}

const char *
vitrine_repo_info_get_last_modified (VitrineRepoInfo *self)
{
  g_return_val_if_fail (VITRINE_IS_REPO_INFO (self), NULL);
  return vitrine_json_string (_vitrine_hub_object_json (self), "lastModified");
}

const char *
vitrine_repo_info_get_created_at (VitrineRepoInfo *self)
{
  g_return_val_if_fail (VITRINE_IS_REPO_INFO (self), NULL);
  return vitrine_json_string (_vitrine_hub_object_json (self), "createdAt");
}

const char *
vitrine_repo_info_get_pipeline_tag (VitrineRepoInfo *self)
{
  g_return_val_if_fail (VITRINE_IS_REPO_INFO (self), NULL);
  return vitrine_json_string (_vitrine_hub_object_json (self), "pipeline_tag");
}

const char *
vitrine_repo_info_get_library_name (VitrineRepoInfo *self)
{
  g_return_val_if_fail (VITRINE_IS_REPO_INFO (self), NULL);
  return vitrine_json_string (_vitrine_hub_object_json (self), "library_name");
}

const char *
vitrine_repo_info_get_sdk (VitrineRepoInfo *self)
{
  g_return_val_if_fail (VITRINE_IS_REPO_INFO (self), NULL);
  return vitrine_json_string (_vitrine_hub_object_json (self), "sdk");
}

const char *
vitrine_repo_info_get_host (VitrineRepoInfo *self)
{
  g_return_val_if_fail (VITRINE_IS_REPO_INFO (self), NULL);
  return vitrine_json_string (_vitrine_hub_object_json (self), "host");
}

gint64
vitrine_repo_info_get_likes (VitrineRepoInfo *self)
{
  g_return_val_if_fail (VITRINE_IS_REPO_INFO (self), 0);
  return MAX (vitrine_json_int (_vitrine_hub_object_json (self), "likes", 0), 0);
}

gint64
vitrine_repo_info_get_downloads (VitrineRepoInfo *self)
{
  g_return_val_if_fail (VITRINE_IS_REPO_INFO (self), 0);
  return MAX (vitrine_json_int (_vitrine_hub_object_json (self), "downloads", 0), 0);
}

/**
 * vitrine_repo_info_dup_tags:
 *
 * Returns: (transfer full): the repository's tags, strings only
 */
char **
vitrine_repo_info_dup_tags (VitrineRepoInfo *self)
{
  JsonArray *tags;
  GStrvBuilder *builder;
  char **result;

  g_return_val_if_fail (VITRINE_IS_REPO_INFO (self), NULL);

  tags = vitrine_json_array (_vitrine_hub_object_json (self), "tags");
  builder = g_strv_builder_new ();
  for (guint i = 0; tags != NULL && i < json_array_get_length (tags); i++)
    {
      JsonNode *node = json_array_get_element (tags, i);

      if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
        g_strv_builder_add (builder, json_node_get_string (node));
    }
  result = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);
  return result;
}

/**
 * vitrine_repo_info_get_card_data:
 *
 * Returns: (transfer none) (nullable): the card's metadata, as the Hub read it
 */
JsonObject *
vitrine_repo_info_get_card_data (VitrineRepoInfo *self)
{
  g_return_val_if_fail (VITRINE_IS_REPO_INFO (self), NULL);
  return vitrine_json_object (_vitrine_hub_object_json (self), "cardData");
}

/**
 * vitrine_repo_info_get_json:
 *
 * Returns: (transfer none): the JSON the server sent
 */
JsonObject *
vitrine_repo_info_get_json (VitrineRepoInfo *self)
{
  g_return_val_if_fail (VITRINE_IS_REPO_INFO (self), NULL);
  return _vitrine_hub_object_json (self);
}
