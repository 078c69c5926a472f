/* vitrine-commit-payload.c — the Hub's NDJSON commit payload, read and
 * checked
 *
 * A payload is one JSON object a line: a header (summary, description,
 * parentCommit), then operations (file, lfsFile, deletedFile,
 * deletedFolder).  Every line is read and checked before anything is
 * written, so a payload is taken whole or refused whole.
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdarg.h>
#include <string.h>
#include <json-glib/json-glib.h>

#include "vitrine-commit-payload.h"
#include "vitrine-error.h"
#include "vitrine-hash.h"
#include "vitrine-json.h"
#include "vitrine-path.h"
#include "vitrine-server-request.h"

#define MAX_SUMMARY     4096
#define MAX_DESCRIPTION (1024 * 1024)

void
vitrine_op_free (VitrineOp *op)
{
  if (op == NULL)
    return;
  g_free (op->path);
  g_clear_pointer (&op->content, g_bytes_unref);
  g_free (op->lfs_oid);
  g_free (op);
}

void
vitrine_commit_payload_free (VitrineCommitPayload *payload)
{
  if (payload == NULL)
    return;
  g_free (payload->summary);
  g_free (payload->description);
  g_free (payload->parent_commit);
  g_clear_pointer (&payload->ops, g_ptr_array_unref);
  g_free (payload);
}

/* Sets @error, whatever bytes the message quotes: it must fit in the
 * JSON answer. */
static gboolean G_GNUC_PRINTF (3, 4)
fail (GError           **error,
      VitrineErrorCode   code,
      const char        *format,
      ...)
{
  g_autofree char *message = NULL;
  g_autofree char *valid = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  valid = g_utf8_make_valid (message, -1);
  g_set_error_literal (error, VITRINE_ERROR, code, valid);
  return FALSE;
}

static gboolean
invalid (GError     **error,
         const char  *message)
{
  return fail (error, VITRINE_ERROR_INVALID_ARGUMENT, "%s", message);
}

static gboolean
member_u64 (JsonObject *object,
            const char *name,
            guint64    *value)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return FALSE;
  if (json_node_get_value_type (node) == G_TYPE_INT64 && json_node_get_int (node) >= 0)
    {
      *value = json_node_get_int (node);
      return TRUE;
    }
  if (json_node_get_value_type (node) == G_TYPE_DOUBLE)
    {
      double d = json_node_get_double (node);

      if (d >= 0 && d <= 9.0e15 && (double) (guint64) d == d)
        {
          *value = (guint64) d;
          return TRUE;
        }
    }
  return FALSE;
}

/* A file's content, as base64 (the default) or UTF-8 text. */
static gboolean
read_content (VitrineOp   *op,
              JsonObject  *value,
              GError     **error)
{
  const char *content = vitrine_json_string (value, "content");
  const char *encoding = vitrine_json_string (value, "encoding");

  if (content == NULL)
    return invalid (error, "A file operation needs its content");
  if (encoding == NULL || g_ascii_strcasecmp (encoding, "base64") == 0)
    {
      gsize len;
      guchar *bytes;

      /* g_base64_decode() accepts anything; check the alphabet first. */
      if (strspn (content, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=\n\r")
          != strlen (content))
        return invalid (error, "A file's content is not valid base64");
      bytes = g_base64_decode (content, &len);
      op->content = g_bytes_new_take (bytes, len);
    }
  else if (g_ascii_strcasecmp (encoding, "utf-8") == 0 || g_ascii_strcasecmp (encoding, "utf8") == 0)
    op->content = g_bytes_new (content, strlen (content));
  else
    return invalid (error, "Unknown file encoding: use base64 or utf-8");
  return TRUE;
}

/* Reads one operation line's value into @ops. */
static gboolean
read_operation (const char  *key,
                JsonObject  *value,
                GPtrArray   *ops,
                GError     **error)
{
  const char *path = vitrine_json_string (value, "path");
  VitrineOp *op;

  if (path == NULL)
    {
      return fail (error, VITRINE_ERROR_INVALID_ARGUMENT, "The %s operation needs a path", key);
    }
  if (!vitrine_path_check (path, -1, error))
    return FALSE;

  op = g_new0 (VitrineOp, 1);
  op->path = g_strdup (path);
  g_ptr_array_add (ops, op);

  if (g_str_equal (key, "file"))
    {
      op->kind = VITRINE_OP_FILE;
      return read_content (op, value, error);
    }
  if (g_str_equal (key, "lfsFile"))
    {
      const char *oid = vitrine_json_string (value, "oid");
      const char *algo = vitrine_json_string (value, "algo");

      op->kind = VITRINE_OP_LFS_FILE;
      if (algo != NULL && !g_str_equal (algo, "sha256"))
        return invalid (error, "Large files are named by their sha256");
      if (!vitrine_is_hex (oid, 64))
        return invalid (error, "A large file's oid must be 64 lowercase hex digits");
      op->lfs_oid = g_strdup (oid);
      if (!member_u64 (value, "size", &op->lfs_size))
        op->lfs_size = G_MAXUINT64;
      return TRUE;
    }
  if (g_str_equal (key, "deletedFile"))
    {
      op->kind = VITRINE_OP_DELETE_FILE;
      return TRUE;
    }
  if (g_str_equal (key, "deletedFolder"))
    {
      op->kind = VITRINE_OP_DELETE_FOLDER;
      return TRUE;
    }
  return fail (error, VITRINE_ERROR_INVALID_ARGUMENT, "Unknown operation: %s", key);
}

/* Reads one non-empty line: the header first, operations after it. */
static gboolean
read_line (VitrineCommitPayload  *payload,
           const char            *line,
           gsize                  line_len,
           guint                  n_lines,
           GError               **error)
{
  g_autoptr(GError) parse_error = NULL;
  g_autoptr(JsonNode) root = NULL;
  JsonNode *value;
  JsonObject *object;
  const char *key;

  root = vitrine_json_parse (line, line_len, 0, &parse_error);
  if (g_error_matches (parse_error, VITRINE_ERROR, VITRINE_ERROR_TOO_LARGE))
    return fail (error, VITRINE_ERROR_INVALID_ARGUMENT, "Line %u of the commit payload is nested too deeply",
                 n_lines + 1);
  if (root == NULL)
    {
      return fail (error, VITRINE_ERROR_INVALID_ARGUMENT, "Invalid JSON on line %u of the commit payload: %s",
                   n_lines + 1, parse_error->message);
    }
  object = root != NULL && JSON_NODE_HOLDS_OBJECT (root) ? json_node_get_object (root) : NULL;
  key = vitrine_json_string (object, "key");
  value = object != NULL ? json_object_get_member (object, "value") : NULL;
  if (key == NULL || value == NULL || !JSON_NODE_HOLDS_OBJECT (value))
    {
      return fail (error, VITRINE_ERROR_INVALID_ARGUMENT,
                   "Line %u of the commit payload must be {\"key\", \"value\"}", n_lines + 1);
    }

  if (n_lines == 0)
    {
      JsonObject *header = json_node_get_object (value);

      if (!g_str_equal (key, "header") || vitrine_json_string (header, "summary") == NULL)
        return invalid (error, "The commit payload must start with a header that has a summary");
      payload->summary = g_strdup (vitrine_json_string (header, "summary"));
      payload->description = g_strdup (vitrine_json_string (header, "description"));
      payload->parent_commit = g_strdup (vitrine_json_string (header, "parentCommit"));
      return TRUE;
    }
  if (g_str_equal (key, "header"))
    return invalid (error, "A commit payload has one header");
  if (payload->ops->len >= VITRINE_COMMIT_MAX_OPERATIONS)
    return fail (error, VITRINE_ERROR_TOO_LARGE, "Too many operations in one commit: split it");
  return read_operation (key, json_node_get_object (value), payload->ops, error);
}

/**
 * vitrine_commit_payload_parse:
 * @data: the request body
 * @len: its length
 *
 * Reads and checks a whole NDJSON commit payload: every line is JSON, the
 * first is a header with a non-empty summary, every operation is known
 * and names a valid path, and the limits hold.  Blank lines (and lines
 * ending in CRLF) are allowed.
 *
 * Returns: (transfer full) (nullable): the payload, or %NULL with @error
 *   set: %VITRINE_ERROR_TOO_LARGE for too many operations, else a 400
 *   error (%VITRINE_ERROR_INVALID_ARGUMENT or %VITRINE_ERROR_INVALID_PATH)
 */
VitrineCommitPayload *
vitrine_commit_payload_parse (const char  *data,
                              gsize        len,
                              GError     **error)
{
  g_autoptr(VitrineCommitPayload) payload = g_new0 (VitrineCommitPayload, 1);
  const char *end;
  guint n_lines = 0;

  payload->ops = g_ptr_array_new_with_free_func ((GDestroyNotify) vitrine_op_free);
  if (data == NULL || len == 0)
    {
      invalid (error, "Empty commit payload");
      return NULL;
    }
  if (vitrine_json_has_nul (data, len))
    {
      invalid (error, "NUL characters are not allowed in a commit payload");
      return NULL;
    }

  end = data + len;
  for (const char *line = data; line < end;)
    {
      const char *nl = memchr (line, '\n', end - line);
      gsize line_len = (nl != NULL ? nl : end) - line;

      if (line_len > 0 && !(line_len == 1 && line[0] == '\r'))
        {
          if (!read_line (payload, line, line_len, n_lines, error))
            return NULL;
          n_lines++;
        }
      line = nl != NULL ? nl + 1 : end;
    }

  if (n_lines == 0)
    {
      invalid (error, "Empty commit payload");
      return NULL;
    }
  if (g_strstrip (payload->summary)[0] == '\0')
    {
      invalid (error, "The commit summary is empty");
      return NULL;
    }
  /* JSON-GLib lets a lone UTF-16 surrogate (\\ud800) through as bytes
   * that are not UTF-8: the message would break every answer quoting it. */
  if (!g_utf8_validate (payload->summary, -1, NULL) ||
      (payload->description != NULL && !g_utf8_validate (payload->description, -1, NULL)))
    {
      invalid (error, "The commit message is not valid UTF-8");
      return NULL;
    }
  if (strlen (payload->summary) > MAX_SUMMARY ||
      (payload->description != NULL && strlen (payload->description) > MAX_DESCRIPTION))
    {
      invalid (error, "The commit message is too long");
      return NULL;
    }
  if (payload->parent_commit != NULL &&
      (strlen (payload->parent_commit) < 7 || strlen (payload->parent_commit) > 40 ||
       !vitrine_is_hex (payload->parent_commit, strlen (payload->parent_commit))))
    {
      invalid (error, "parentCommit must be a commit id");
      return NULL;
    }
  return g_steal_pointer (&payload);
}
