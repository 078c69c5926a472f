/* vitrine-commit.c — a commit of a repository's history
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "vitrine-commit.h"
#include "vitrine-hub-object-private.h"
#include "vitrine-ref.h"

/* As git shows a commit in one line. */
#define SHORT_ID_LENGTH 7

struct _VitrineCommit
{
  VitrineHubObject  parent_instance;

  char             *short_id;
  GDateTime        *date_time;
  GStrv             parents;
  GListModel       *refs;
};

G_DEFINE_FINAL_TYPE (VitrineCommit, vitrine_commit, VITRINE_TYPE_HUB_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_SHORT_ID,
  PROP_TITLE,
  PROP_MESSAGE,
  PROP_AUTHOR,
  PROP_DATE,
  PROP_DATE_TIME,
  PROP_REFS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* id (the whole commit id), title (the first line), message (the rest),
 * date (as the server wrote it, ISO 8601). */
static const VitrineJsonMember strings[N_PROPS] = {
  [PROP_ID] = { "id", "id" },
  [PROP_TITLE] = { "title", "title" },
  [PROP_MESSAGE] = { "message", "message" },
  [PROP_DATE] = { "date", "date" },
};

static void
vitrine_commit_constructed (GObject *object)
{
  VitrineCommit *self = VITRINE_COMMIT (object);
  const char *id = vitrine_json_string (_vitrine_hub_object_json (self), "id");
  const char *date = vitrine_json_string (_vitrine_hub_object_json (self), "date");
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();

  G_OBJECT_CLASS (vitrine_commit_parent_class)->constructed (object);

  JsonArray *parents = vitrine_json_array (_vitrine_hub_object_json (self), "parents");

  self->short_id = id != NULL ? g_strndup (id, SHORT_ID_LENGTH) : NULL;
  self->date_time = date != NULL ? g_date_time_new_from_iso8601 (date, utc) : NULL;
  /* Not in every server's answer: NULL when not said. */
  if (parents != NULL)
    {
      g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

      for (guint i = 0; i < json_array_get_length (parents); i++)
        {
          JsonNode *node = json_array_get_element (parents, i);

          if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
            g_strv_builder_add (builder, json_node_get_string (node));
        }
      self->parents = g_strv_builder_end (builder);
    }
  if (self->refs == NULL)
    self->refs = G_LIST_MODEL (g_list_store_new (VITRINE_TYPE_REF));
}

static void
vitrine_commit_finalize (GObject *object)
{
  VitrineCommit *self = VITRINE_COMMIT (object);

  g_free (self->short_id);
  g_clear_pointer (&self->date_time, g_date_time_unref);
  g_strfreev (self->parents);
  g_clear_object (&self->refs);
  G_OBJECT_CLASS (vitrine_commit_parent_class)->finalize (object);
}

static void
vitrine_commit_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  VitrineCommit *self = VITRINE_COMMIT (object);

  if (_vitrine_hub_object_get_string (self, strings, prop_id, value))
    return;
  switch (prop_id)
    {
    case PROP_SHORT_ID:
      g_value_set_string (value, self->short_id);
      break;
    case PROP_AUTHOR:
      g_value_set_string (value, vitrine_commit_get_author (self));
      break;
    case PROP_DATE_TIME:
      g_value_set_boxed (value, self->date_time);
      break;
    case PROP_REFS:
      g_value_set_object (value, self->refs);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vitrine_commit_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  VitrineCommit *self = VITRINE_COMMIT (object);

  switch (prop_id)
    {
    case PROP_REFS:
      g_set_object (&self->refs, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vitrine_commit_class_init (VitrineCommitClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->constructed = vitrine_commit_constructed;
  object_class->finalize = vitrine_commit_finalize;
  object_class->get_property = vitrine_commit_get_property;
  object_class->set_property = vitrine_commit_set_property;

  _vitrine_hub_object_class_add_strings (properties, strings, N_PROPS);
  /* The first characters of the id, as git shows it in one line. */
  properties[PROP_SHORT_ID] = g_param_spec_string ("short-id", NULL, NULL, NULL, flags);
  /* Who made it (the first author). */
  properties[PROP_AUTHOR] = g_param_spec_string ("author", NULL, NULL, NULL, flags);
  /* When it was made, or NULL when the server did not say in a way
   * that can be read. */
  properties[PROP_DATE_TIME] = g_param_spec_boxed ("date-time", NULL, NULL, G_TYPE_DATE_TIME, flags);
  /* The branches and tags that point at it, as far as the list that made
   * it knew (#VitrineRef items; empty when none). */
  properties[PROP_REFS] = g_param_spec_object ("refs", NULL, NULL, G_TYPE_LIST_MODEL,
                                               G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
vitrine_commit_init (VitrineCommit *self)
{
}

/**
 * vitrine_commit_new_from_json:
 * @object: a commit as the commits listing describes it
 *
 * Returns: (transfer full): the commit
 */
VitrineCommit *
vitrine_commit_new_from_json (JsonObject *object)
{
  return g_object_new (VITRINE_TYPE_COMMIT, "json", object, NULL);
}

const char *
vitrine_commit_get_id (VitrineCommit *self)
{
  g_return_val_if_fail (VITRINE_IS_COMMIT (self), NULL);
  return vitrine_json_string (_vitrine_hub_object_json (self), "id");
}

const char *
vitrine_commit_get_short_id (VitrineCommit *self)
{
  g_return_val_if_fail (VITRINE_IS_COMMIT (self), NULL);
  return self->short_id;
}

const char *
vitrine_commit_get_title (VitrineCommit *self)
{
  g_return_val_if_fail (VITRINE_IS_COMMIT (self), NULL);
  return vitrine_json_string (_vitrine_hub_object_json (self), "title");
}

const char *
vitrine_commit_get_message (VitrineCommit *self)
{
  g_return_val_if_fail (VITRINE_IS_COMMIT (self), NULL);
  return vitrine_json_string (_vitrine_hub_object_json (self), "message");
}

const char *
vitrine_commit_get_author (VitrineCommit *self)
{
  JsonArray *authors;
  JsonNode *first;

  g_return_val_if_fail (VITRINE_IS_COMMIT (self), NULL);

  authors = vitrine_json_array (_vitrine_hub_object_json (self), "authors");
  if (authors == NULL || json_array_get_length (authors) == 0)
    return NULL;
  first = json_array_get_element (authors, 0);
  return JSON_NODE_HOLDS_OBJECT (first) ? vitrine_json_string (json_node_get_object (first), "user") : NULL;
}

const char *
vitrine_commit_get_date (VitrineCommit *self)
{
  g_return_val_if_fail (VITRINE_IS_COMMIT (self), NULL);
  return vitrine_json_string (_vitrine_hub_object_json (self), "date");
}

/**
 * vitrine_commit_get_date_time:
 *
 * Returns: (transfer none) (nullable): when the commit was made
 */
GDateTime *
vitrine_commit_get_date_time (VitrineCommit *self)
{
  g_return_val_if_fail (VITRINE_IS_COMMIT (self), NULL);
  return self->date_time;
}

/**
 * vitrine_commit_get_parents:
 *
 * Returns: (transfer none) (nullable): the ids of its parents, first
 *   parent first; %NULL when the server did not say
 */
const char * const *
vitrine_commit_get_parents (VitrineCommit *self)
{
  g_return_val_if_fail (VITRINE_IS_COMMIT (self), NULL);
  return (const char * const *) self->parents;
}

/**
 * vitrine_commit_get_refs:
 *
 * Returns: (transfer none): the branches and tags that point at it
 *   (#VitrineRef items)
 */
GListModel *
vitrine_commit_get_refs (VitrineCommit *self)
{
  g_return_val_if_fail (VITRINE_IS_COMMIT (self), NULL);
  return self->refs;
}

/**
 * vitrine_commit_with_refs:
 * @refs: #VitrineRef items that point at it
 *
 * Results never change once made: this is a new one, the same commit
 * with @refs.
 *
 * Returns: (transfer full): the commit, with @refs
 */
VitrineCommit *
vitrine_commit_with_refs (VitrineCommit *self,
                          GListModel    *refs)
{
  g_return_val_if_fail (VITRINE_IS_COMMIT (self), NULL);
  g_return_val_if_fail (G_IS_LIST_MODEL (refs), NULL);

  return g_object_new (VITRINE_TYPE_COMMIT,
                       "json", _vitrine_hub_object_json (self),
                       "refs", refs,
                       NULL);
}
