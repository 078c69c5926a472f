/* vitrine-commit.c — a commit of a repository's history
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "vitrine-commit.h"
#include "vitrine-hub-object-private.h"

/* As git shows a commit in one line. */
#define SHORT_ID_LENGTH 7

struct _VitrineCommit
{
  VitrineHubObject  parent_instance;

  char             *short_id;
  GDateTime        *date_time;
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

  self->short_id = id != NULL ? g_strndup (id, SHORT_ID_LENGTH) : NULL;
  self->date_time = date != NULL ? g_date_time_new_from_iso8601 (date, utc) : NULL;
}

static void
vitrine_commit_finalize (GObject *object)
{
  VitrineCommit *self = VITRINE_COMMIT (object);

  g_free (self->short_id);
  g_clear_pointer (&self->date_time, g_date_time_unref);
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

  _vitrine_hub_object_class_add_strings (properties, strings, N_PROPS);
  /* The first characters of the id, as git shows it in one line. */
  properties[PROP_SHORT_ID] = g_param_spec_string ("short-id", NULL, NULL, NULL, flags);
  /* Who made it (the first author). */
  properties[PROP_AUTHOR] = g_param_spec_string ("author", NULL, NULL, NULL, flags);
  /* When it was made, or NULL when the server did not say in a way
   * that can be read. */
  properties[PROP_DATE_TIME] = g_param_spec_boxed ("date-time", NULL, NULL, G_TYPE_DATE_TIME, flags);
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
