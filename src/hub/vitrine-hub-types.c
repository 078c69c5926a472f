/* vitrine-hub-types.c — typed results of the Hub API, for list models
 *
 * Each object keeps the JSON the server sent, read through accessors that
 * never trust its shape.
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "vitrine-hub-types.h"

/* ---- Repository info -------------------------------------------------- */

struct _VitrineRepoInfo
{
  GObject     parent_instance;
  JsonObject *json;
};

G_DEFINE_FINAL_TYPE (VitrineRepoInfo, vitrine_repo_info, G_TYPE_OBJECT)

static void
vitrine_repo_info_finalize (GObject *object)
{
  g_clear_pointer (&VITRINE_REPO_INFO (object)->json, json_object_unref);
  G_OBJECT_CLASS (vitrine_repo_info_parent_class)->finalize (object);
}

static void
vitrine_repo_info_class_init (VitrineRepoInfoClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = vitrine_repo_info_finalize;
}

static void
vitrine_repo_info_init (VitrineRepoInfo *self)
{
}

VitrineRepoInfo *
vitrine_repo_info_new_from_json (JsonObject *object)
{
  VitrineRepoInfo *self = g_object_new (VITRINE_TYPE_REPO_INFO, NULL);

  self->json = json_object_ref (object);
  return self;
}

const char *
vitrine_repo_info_get_id (VitrineRepoInfo *self)
{
  return vitrine_json_string (self->json, "id");
}

const char *
vitrine_repo_info_get_sha (VitrineRepoInfo *self)
{
  return vitrine_json_string (self->json, "sha");
}

gboolean
vitrine_repo_info_get_private (VitrineRepoInfo *self)
{
  return vitrine_json_bool (self->json, "private", FALSE);
}

/* "auto", "manual", or NULL when not gated. */
const char *
vitrine_repo_info_get_gated (VitrineRepoInfo *self)
{
  return vitrine_json_string (self->json, "gated");
}

const char *
vitrine_repo_info_get_last_modified (VitrineRepoInfo *self)
{
  return vitrine_json_string (self->json, "lastModified");
}

const char *
vitrine_repo_info_get_pipeline_tag (VitrineRepoInfo *self)
{
  return vitrine_json_string (self->json, "pipeline_tag");
}

const char *
vitrine_repo_info_get_sdk (VitrineRepoInfo *self)
{
  return vitrine_json_string (self->json, "sdk");
}

JsonObject *
vitrine_repo_info_get_card_data (VitrineRepoInfo *self)
{
  return vitrine_json_object (self->json, "cardData");
}

JsonObject *
vitrine_repo_info_get_json (VitrineRepoInfo *self)
{
  return self->json;
}

/* ---- Tree entries ----------------------------------------------------- */

struct _VitrineTreeEntry
{
  GObject     parent_instance;
  JsonObject *json;
};

G_DEFINE_FINAL_TYPE (VitrineTreeEntry, vitrine_tree_entry, G_TYPE_OBJECT)

static void
vitrine_tree_entry_finalize (GObject *object)
{
  g_clear_pointer (&VITRINE_TREE_ENTRY (object)->json, json_object_unref);
  G_OBJECT_CLASS (vitrine_tree_entry_parent_class)->finalize (object);
}

static void
vitrine_tree_entry_class_init (VitrineTreeEntryClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = vitrine_tree_entry_finalize;
}

static void
vitrine_tree_entry_init (VitrineTreeEntry *self)
{
}

VitrineTreeEntry *
vitrine_tree_entry_new_from_json (JsonObject *object)
{
  VitrineTreeEntry *self = g_object_new (VITRINE_TYPE_TREE_ENTRY, NULL);

  self->json = json_object_ref (object);
  return self;
}

const char *
vitrine_tree_entry_get_path (VitrineTreeEntry *self)
{
  return vitrine_json_string (self->json, "path");
}

gboolean
vitrine_tree_entry_is_directory (VitrineTreeEntry *self)
{
  return g_strcmp0 (vitrine_json_string (self->json, "type"), "directory") == 0;
}

guint64
vitrine_tree_entry_get_size (VitrineTreeEntry *self)
{
  JsonObject *lfs = vitrine_json_object (self->json, "lfs");
  gint64 size = lfs != NULL ? vitrine_json_int (lfs, "size", -1) : -1;

  if (size < 0)
    size = vitrine_json_int (self->json, "size", 0);
  return size < 0 ? 0 : (guint64) size;
}

/* The git blob id (for large files: of the pointer file). */
const char *
vitrine_tree_entry_get_oid (VitrineTreeEntry *self)
{
  return vitrine_json_string (self->json, "oid");
}

/* The SHA-256 of a large file, or NULL. */
const char *
vitrine_tree_entry_get_lfs_oid (VitrineTreeEntry *self)
{
  return vitrine_json_string (vitrine_json_object (self->json, "lfs"), "oid");
}

const char *
vitrine_tree_entry_get_last_commit (VitrineTreeEntry *self)
{
  return vitrine_json_string (vitrine_json_object (self->json, "lastCommit"), "id");
}

/* ---- Commits ---------------------------------------------------------- */

struct _VitrineCommit
{
  GObject     parent_instance;
  JsonObject *json;
};

G_DEFINE_FINAL_TYPE (VitrineCommit, vitrine_commit, G_TYPE_OBJECT)

static void
vitrine_commit_finalize (GObject *object)
{
  g_clear_pointer (&VITRINE_COMMIT (object)->json, json_object_unref);
  G_OBJECT_CLASS (vitrine_commit_parent_class)->finalize (object);
}

static void
vitrine_commit_class_init (VitrineCommitClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = vitrine_commit_finalize;
}

static void
vitrine_commit_init (VitrineCommit *self)
{
}

VitrineCommit *
vitrine_commit_new_from_json (JsonObject *object)
{
  VitrineCommit *self = g_object_new (VITRINE_TYPE_COMMIT, NULL);

  self->json = json_object_ref (object);
  return self;
}

const char *
vitrine_commit_get_id (VitrineCommit *self)
{
  return vitrine_json_string (self->json, "id");
}

const char *
vitrine_commit_get_title (VitrineCommit *self)
{
  return vitrine_json_string (self->json, "title");
}

const char *
vitrine_commit_get_message (VitrineCommit *self)
{
  return vitrine_json_string (self->json, "message");
}

const char *
vitrine_commit_get_author (VitrineCommit *self)
{
  JsonArray *authors = vitrine_json_array (self->json, "authors");
  JsonNode *first;

  if (authors == NULL || json_array_get_length (authors) == 0)
    return NULL;
  first = json_array_get_element (authors, 0);
  return JSON_NODE_HOLDS_OBJECT (first) ? vitrine_json_string (json_node_get_object (first), "user") : NULL;
}

const char *
vitrine_commit_get_date (VitrineCommit *self)
{
  return vitrine_json_string (self->json, "date");
}

/* ---- Refs ------------------------------------------------------------- */

struct _VitrineRef
{
  GObject         parent_instance;
  JsonObject     *json;
  VitrineRefKind  kind;
};

G_DEFINE_FINAL_TYPE (VitrineRef, vitrine_ref, G_TYPE_OBJECT)

static void
vitrine_ref_finalize (GObject *object)
{
  g_clear_pointer (&VITRINE_REF (object)->json, json_object_unref);
  G_OBJECT_CLASS (vitrine_ref_parent_class)->finalize (object);
}

static void
vitrine_ref_class_init (VitrineRefClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = vitrine_ref_finalize;
}

static void
vitrine_ref_init (VitrineRef *self)
{
}

VitrineRef *
vitrine_ref_new_from_json (JsonObject     *object,
                           VitrineRefKind  kind)
{
  VitrineRef *self = g_object_new (VITRINE_TYPE_REF, NULL);

  self->json = json_object_ref (object);
  self->kind = kind;
  return self;
}

const char *
vitrine_ref_get_name (VitrineRef *self)
{
  return vitrine_json_string (self->json, "name");
}

const char *
vitrine_ref_get_ref (VitrineRef *self)
{
  return vitrine_json_string (self->json, "ref");
}

const char *
vitrine_ref_get_target (VitrineRef *self)
{
  return vitrine_json_string (self->json, "targetCommit");
}

VitrineRefKind
vitrine_ref_get_kind (VitrineRef *self)
{
  return self->kind;
}
