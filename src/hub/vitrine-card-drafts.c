/* vitrine-card-drafts.c — model cards being edited, kept until they are saved
 *
 * A draft is one small JSON file per folder under the user's data folder
 * (`vitrine/drafts/`), named by a digest of the folder's path, readable by
 * the user alone and replaced whole on each write, so a crash never leaves
 * half a draft.  It names its folder, so a digest that matched another
 * folder would still not restore the wrong card.
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <gio/gio.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "vitrine-card-drafts.h"
#include "vitrine-json.h"

/* Drafts larger than this are not read back: a card is at most a few MB. */
#define DRAFT_MAX_SIZE (64 * 1024 * 1024)

VitrineCardDraft *
vitrine_card_draft_new (void)
{
  return g_new0 (VitrineCardDraft, 1);
}

void
vitrine_card_draft_free (VitrineCardDraft *draft)
{
  if (draft == NULL)
    return;
  g_free (draft->text);
  g_free (draft->base);
  g_clear_pointer (&draft->saved, g_date_time_unref);
  g_free (draft->base_endpoint);
  g_free (draft->base_repo_id);
  g_free (draft->base_oid);
  g_free (draft);
}

/**
 * vitrine_card_draft_path:
 * @folder: the model folder's path
 *
 * Where the draft of a folder's card is kept while it is edited.
 *
 * Returns: (transfer full): a path under the user's data folder
 */
char *
vitrine_card_draft_path (const char *folder)
{
  g_autofree char *digest = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (folder != NULL, NULL);

  digest = g_compute_checksum_for_string (G_CHECKSUM_SHA256, folder, -1);
  name = g_strconcat (digest, ".json", NULL);
  return g_build_filename (g_get_user_data_dir (), "vitrine", "drafts", name, NULL);
}

/**
 * vitrine_card_draft_read:
 *
 * Returns: (transfer full) (nullable): the folder's draft; %NULL with
 *   @error unset when there is none, or none this folder can use (a
 *   damaged file, or one for another folder)
 */
VitrineCardDraft *
vitrine_card_draft_read (const char  *folder,
                         GError     **error)
{
  g_autofree char *path = vitrine_card_draft_path (folder);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) local_error = NULL;
  g_autoptr(VitrineCardDraft) draft = NULL;
  g_autofree char *contents = NULL;
  gsize len = 0;
  JsonObject *object;
  JsonObject *from;
  JsonNode *root;
  const char *saved;

  if (!g_file_get_contents (path, &contents, &len, &local_error))
    {
      if (g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        return NULL;
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  if (len > DRAFT_MAX_SIZE || !json_parser_load_from_data (parser, contents, len, NULL))
    return NULL;
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return NULL;
  object = json_node_get_object (root);
  if (g_strcmp0 (vitrine_json_string (object, "folder"), folder) != 0 ||
      vitrine_json_string (object, "text") == NULL)
    return NULL;

  draft = vitrine_card_draft_new ();
  draft->text = g_strdup (vitrine_json_string (object, "text"));
  draft->base = g_strdup (vitrine_json_string (object, "base"));
  saved = vitrine_json_string (object, "saved");
  draft->saved = saved != NULL ? g_date_time_new_from_iso8601 (saved, NULL) : NULL;
  from = vitrine_json_object (object, "base_from");
  if (draft->base != NULL && from != NULL &&
      vitrine_json_string (from, "endpoint") != NULL && vitrine_json_string (from, "repo_id") != NULL &&
      vitrine_json_string (from, "oid") != NULL)
    {
      draft->base_endpoint = g_strdup (vitrine_json_string (from, "endpoint"));
      draft->base_repo_id = g_strdup (vitrine_json_string (from, "repo_id"));
      draft->base_oid = g_strdup (vitrine_json_string (from, "oid"));
    }
  return g_steal_pointer (&draft);
}

/**
 * vitrine_card_draft_write:
 *
 * Keeps the draft of the folder's card, replacing the last one whole; the
 * file is readable by the user alone.  A draft without a time is stamped
 * with now.
 */
gboolean
vitrine_card_draft_write (const char              *folder,
                          const VitrineCardDraft  *draft,
                          GError                 **error)
{
  g_autofree char *path = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *json = NULL;
  g_autofree char *stamp = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GDateTime) now = NULL;

  g_return_val_if_fail (folder != NULL, FALSE);
  g_return_val_if_fail (draft != NULL && draft->text != NULL, FALSE);

  if (draft->saved != NULL)
    stamp = g_date_time_format_iso8601 (draft->saved);
  else
    {
      now = g_date_time_new_now_utc ();
      stamp = g_date_time_format_iso8601 (now);
    }

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "folder");
  json_builder_add_string_value (builder, folder);
  json_builder_set_member_name (builder, "saved");
  json_builder_add_string_value (builder, stamp);
  json_builder_set_member_name (builder, "text");
  json_builder_add_string_value (builder, draft->text);
  json_builder_set_member_name (builder, "base");
  if (draft->base != NULL)
    json_builder_add_string_value (builder, draft->base);
  else
    json_builder_add_null_value (builder);
  if (draft->base != NULL && draft->base_endpoint != NULL && draft->base_repo_id != NULL &&
      draft->base_oid != NULL)
    {
      json_builder_set_member_name (builder, "base_from");
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "endpoint");
      json_builder_add_string_value (builder, draft->base_endpoint);
      json_builder_set_member_name (builder, "repo_id");
      json_builder_add_string_value (builder, draft->base_repo_id);
      json_builder_set_member_name (builder, "oid");
      json_builder_add_string_value (builder, draft->base_oid);
      json_builder_end_object (builder);
    }
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  json = json_to_string (root, FALSE);

  path = vitrine_card_draft_path (folder);
  dir = g_path_get_dirname (path);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int errsv = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errsv),
                   _("Could not create “%s”: %s"), dir, g_strerror (errsv));
      return FALSE;
    }
  return g_file_set_contents_full (path, json, -1, G_FILE_SET_CONTENTS_CONSISTENT, 0600, error);
}

/**
 * vitrine_card_draft_delete:
 *
 * Drops the folder's draft; there being none is not an error.
 */
gboolean
vitrine_card_draft_delete (const char  *folder,
                           GError     **error)
{
  g_autofree char *path = NULL;

  g_return_val_if_fail (folder != NULL, FALSE);

  path = vitrine_card_draft_path (folder);
  if (g_unlink (path) != 0 && errno != ENOENT)
    {
      int errsv = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errsv),
                   _("Could not remove the draft “%s”: %s"), path, g_strerror (errsv));
      return FALSE;
    }
  return TRUE;
}
