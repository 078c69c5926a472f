/* vitrine-publish-commit.c — a publish's plan as NDJSON commits with
 * parentCommit
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "vitrine-publish-private.h"

/* Small files travel in the commit itself, base64: no more than this a
 * commit. */
#define MAX_INLINE_BYTES (64 * 1024 * 1024)

static void
append_line (GString    *out,
             const char *key,
             JsonNode   *value)
{
  g_autoptr(JsonObject) line = json_object_new ();
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *text = NULL;

  json_object_set_string_member (line, "key", key);
  json_object_set_member (line, "value", value);
  node = json_node_init_object (json_node_alloc (), line);
  text = json_to_string (node, FALSE);
  g_string_append (out, text);
  g_string_append_c (out, '\n');
}

static JsonNode *
path_value (const char *path)
{
  JsonObject *object = json_object_new ();

  json_object_set_string_member (object, "path", path);
  return json_node_init_object (json_node_alloc (), object);
}

/**
 * _vitrine_publisher_commit:
 * @files: the VitrineLocalFile to add or change
 * @deletions: the paths to delete
 * @parent: (nullable): the commit the plan was made against
 *
 * Commits the plan, in several commits when it has more operations (or
 * more inline bytes) than one should carry, each on top of the last.
 */
gboolean
_vitrine_publisher_commit (VitrinePublisher      *self,
                           GPtrArray             *files,
                           GPtrArray             *deletions,
                           const char            *parent,
                           VitrinePublishResult  *result,
                           GCancellable          *cancellable,
                           GError               **error)
{
  guint total_ops = files->len + deletions->len;
  guint n_commits = 0;
  guint index = 0;
  g_autofree char *current_parent = g_strdup (parent);
  const char *summary = self->summary != NULL ? self->summary : _("Upload folder with Vitrine");

  _vitrine_publisher_set_phase (self, VITRINE_PUBLISH_PHASE_COMMITTING, total_ops, 0);
  for (guint i = 0; i < files->len; i++)
    _vitrine_publisher_file_state (self, g_ptr_array_index (files, i), VITRINE_FILE_COMMITTING);

  while (index < total_ops)
    {
      g_autoptr(GString) payload = g_string_new (NULL);
      g_autoptr(GBytes) bytes = NULL;
      g_autofree char *commit_id = NULL;
      g_autofree char *pr_url = NULL;
      g_autofree char *title = NULL;
      JsonObject *header = json_object_new ();
      guint64 inline_bytes = 0;
      guint ops = 0;

      title = n_commits == 0 && index + self->max_operations >= total_ops
        ? g_strdup (summary)
        : g_strdup_printf (_("%s (part %u)"), summary, n_commits + 1);
      json_object_set_string_member (header, "summary", title);
      json_object_set_string_member (header, "description", self->description != NULL ? self->description : "");
      if (current_parent != NULL && !self->create_pr)
        json_object_set_string_member (header, "parentCommit", current_parent);
      append_line (payload, "header", json_node_init_object (json_node_alloc (), header));

      while (index < total_ops && ops < self->max_operations && inline_bytes < MAX_INLINE_BYTES)
        {
          if (index < files->len)
            {
              VitrineLocalFile *file = g_ptr_array_index (files, index);
              JsonObject *value = json_object_new ();

              json_object_set_string_member (value, "path", file->path);
              if (file->lfs)
                {
                  json_object_set_string_member (value, "algo", "sha256");
                  json_object_set_string_member (value, "oid", file->sha256);
                  json_object_set_int_member (value, "size", file->size);
                  append_line (payload, "lfsFile", json_node_init_object (json_node_alloc (), value));
                }
              else
                {
                  g_autofree char *content = NULL;
                  g_autofree char *b64 = NULL;
                  gsize len;

                  if (!g_file_get_contents (file->abs_path, &content, &len, error))
                    {
                      json_object_unref (value);
                      return FALSE;
                    }
                  b64 = g_base64_encode ((const guchar *) content, len);
                  json_object_set_string_member (value, "content", b64);
                  json_object_set_string_member (value, "encoding", "base64");
                  append_line (payload, "file", json_node_init_object (json_node_alloc (), value));
                  inline_bytes += len;
                }
            }
          else
            append_line (payload, "deletedFile",
                         path_value (g_ptr_array_index (deletions, index - files->len)));
          index++;
          ops++;
        }

      bytes = g_string_free_to_bytes (g_steal_pointer (&payload));
      if (!vitrine_client_commit (self->client, self->type, self->repo_id, self->branch, bytes,
                                  self->create_pr && n_commits == 0, &commit_id, &pr_url,
                                  cancellable, error))
        return FALSE;
      n_commits++;
      _vitrine_publisher_add_progress (self, ops, 0, NULL);
      for (guint i = index - ops; i < index; i++)
        if (i < files->len)
          _vitrine_publisher_file_state (self, g_ptr_array_index (files, i), VITRINE_FILE_DONE);
        else
          _vitrine_publisher_file_deleted (self, g_ptr_array_index (deletions, i - files->len));
      g_free (current_parent);
      current_parent = g_strdup (commit_id);
      g_free (result->commit_id);
      result->commit_id = g_steal_pointer (&commit_id);
      if (pr_url != NULL)
        {
          g_free (result->pr_url);
          result->pr_url = g_steal_pointer (&pr_url);
        }
    }
  result->commits = n_commits;
  return TRUE;
}
