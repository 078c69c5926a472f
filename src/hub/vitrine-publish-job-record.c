/* vitrine-publish-job-record.c — a publish job as its record on disk
 *
 * The record is JSON: what was asked (folder, endpoint, repository type
 * and id, visibility, gate, message, open as a pull request, the secret-
 * looking files included, the card decision) and how it went (state,
 * created and finished times, the commit or pull request, the error with
 * its domain, code, HTTP status and the hub's code, so that it can be
 * described again after a restart).
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "vitrine-error.h"
#include "vitrine-error-describe.h"
#include "vitrine-json.h"
#include "vitrine-publish-job-private.h"
#include "vitrine-publish-record.h"

#define RECORD_VERSION 1

/* ---- The record --------------------------------------------------------- */

static const char *
state_nick (VitrinePublishState state)
{
  GEnumClass *states = g_type_class_ref (VITRINE_TYPE_PUBLISH_STATE);
  const char *nick = g_enum_get_value (states, state)->value_nick;

  g_type_class_unref (states);
  return nick;
}

static void
add_string (JsonBuilder *builder,
            const char  *name,
            const char  *value)
{
  json_builder_set_member_name (builder, name);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

/* The record, as it is written. */
char *
_vitrine_publish_job_to_data (VitrinePublishJob *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, RECORD_VERSION);
  add_string (builder, "id", self->id);
  add_string (builder, "folder", self->folder);
  add_string (builder, "endpoint", self->endpoint);
  add_string (builder, "repo-type", vitrine_repo_type_to_string (self->type));
  add_string (builder, "repo-id", self->repo_id);
  add_string (builder, "visibility", self->private_ ? "private" : "public");
  add_string (builder, "gated", self->gated);
  add_string (builder, "message", self->message);
  json_builder_set_member_name (builder, "open-as-pr");
  json_builder_add_boolean_value (builder, self->create_pr);
  json_builder_set_member_name (builder, "replace-card");
  json_builder_add_boolean_value (builder, self->replace_card);
  json_builder_set_member_name (builder, "included-secrets");
  json_builder_begin_array (builder);
  for (guint i = 0; self->included_secrets[i] != NULL; i++)
    json_builder_add_string_value (builder, self->included_secrets[i]);
  json_builder_end_array (builder);
  add_string (builder, "state", state_nick (self->state));
  json_builder_set_member_name (builder, "created");
  json_builder_add_int_value (builder, self->created);
  json_builder_set_member_name (builder, "finished");
  if (self->finished != 0)
    json_builder_add_int_value (builder, self->finished);
  else
    json_builder_add_null_value (builder);

  json_builder_set_member_name (builder, "result");
  if (self->commit_id != NULL || self->pr_url != NULL)
    {
      json_builder_begin_object (builder);
      add_string (builder, "commit-id", self->commit_id);
      add_string (builder, "commit-url", self->commit_url);
      add_string (builder, "pr-url", self->pr_url);
      json_builder_end_object (builder);
    }
  else
    json_builder_add_null_value (builder);

  json_builder_set_member_name (builder, "error");
  if (self->error != NULL)
    {
      json_builder_begin_object (builder);
      add_string (builder, "domain", g_quark_to_string (self->error->domain));
      json_builder_set_member_name (builder, "code");
      json_builder_add_int_value (builder, self->error->code);
      add_string (builder, "message", self->error->message);
      json_builder_set_member_name (builder, "status");
      json_builder_add_int_value (builder, vitrine_error_get_status (self->error));
      add_string (builder, "hub-code", vitrine_error_get_hub_code (self->error));
      json_builder_end_object (builder);
    }
  else
    json_builder_add_null_value (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  return json_generator_to_data (generator, NULL);
}

/* A job as its record tells it; NULL when the record is not one. */
VitrinePublishJob *
_vitrine_publish_job_new_from_json (JsonObject  *object,
                                    GError     **error)
{
  g_autoptr(VitrinePublishJob) self = NULL;
  const char *id = vitrine_json_string (object, "id");
  const char *folder = vitrine_json_string (object, "folder");
  const char *endpoint = vitrine_json_string (object, "endpoint");
  const char *repo_id = vitrine_json_string (object, "repo-id");
  GEnumClass *states = NULL;
  GEnumValue *state;
  JsonArray *secrets;
  JsonObject *result;
  JsonObject *failure;
  VitrineRepoType type = VITRINE_REPO_TYPE_MODEL;

  if (id == NULL || folder == NULL || endpoint == NULL || repo_id == NULL ||
      strchr (id, '/') != NULL || !vitrine_repo_type_from_string (vitrine_json_string (object, "repo-type"), &type))
    {
      g_set_error_literal (error, VITRINE_ERROR, VITRINE_ERROR_PROTOCOL, _("This is not a record of a publish."));
      return NULL;
    }

  self = g_object_new (VITRINE_TYPE_PUBLISH_JOB, NULL);
  self->id = g_strdup (id);
  self->folder = g_strdup (folder);
  self->endpoint = g_strdup (endpoint);
  self->type = type;
  self->repo_id = g_strdup (repo_id);
  self->private_ = g_strcmp0 (vitrine_json_string (object, "visibility"), "private") == 0;
  self->gated = g_strdup (vitrine_json_string (object, "gated"));
  self->message = g_strdup (vitrine_json_string (object, "message"));
  self->create_pr = vitrine_json_bool (object, "open-as-pr", FALSE);
  self->replace_card = vitrine_json_bool (object, "replace-card", FALSE);
  secrets = vitrine_json_array (object, "included-secrets");
  if (secrets != NULL)
    {
      GStrvBuilder *paths = g_strv_builder_new ();

      for (guint i = 0; i < json_array_get_length (secrets); i++)
        {
          JsonNode *node = json_array_get_element (secrets, i);

          if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
            g_strv_builder_add (paths, json_node_get_string (node));
        }
      g_strfreev (self->included_secrets);
      self->included_secrets = g_strv_builder_end (paths);
      g_strv_builder_unref (paths);
    }
  states = g_type_class_ref (VITRINE_TYPE_PUBLISH_STATE);
  state = g_enum_get_value_by_nick (states, vitrine_json_string (object, "state") ?: "");
  self->state = state != NULL ? (VitrinePublishState) state->value : VITRINE_PUBLISH_STATE_INTERRUPTED;
  g_type_class_unref (states);
  self->created = vitrine_json_int (object, "created", 0);
  self->finished = vitrine_json_int (object, "finished", 0);

  result = vitrine_json_object (object, "result");
  self->commit_id = g_strdup (vitrine_json_string (result, "commit-id"));
  self->commit_url = g_strdup (vitrine_json_string (result, "commit-url"));
  self->pr_url = g_strdup (vitrine_json_string (result, "pr-url"));

  failure = vitrine_json_object (object, "error");
  if (failure != NULL)
    {
      GQuark domain = g_quark_from_string (vitrine_json_string (failure, "domain") ?: "vitrine-error-quark");
      int code = vitrine_json_int (failure, "code", 0);
      const char *message = vitrine_json_string (failure, "message") ?: "";
      g_autoptr(GError) read = NULL;

      if (domain == VITRINE_ERROR)
        read = vitrine_error_new_with_status (code, vitrine_json_int (failure, "status", 0),
                                              vitrine_json_string (failure, "hub-code"), message);
      else
        read = g_error_new_literal (domain, code, message);
      self->error = g_steal_pointer (&read);
      vitrine_error_describe_for_publish (self->error, &self->error_title, &self->error_hint);
    }
  return g_steal_pointer (&self);
}

static void
saved_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!_vitrine_publish_record_write_finish (result, &error))
    g_warning ("Could not record a publish: %s", error->message);
}

/* Writes the record as the job is now, after the writes asked before;
 * @callback (or a warning, without one) says when it is on disk. */
void
_vitrine_publish_job_save (VitrinePublishJob   *self,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autofree char *path = _vitrine_publish_job_record_path (self);

  _vitrine_publish_record_write_async (path, _vitrine_publish_job_to_data (self),
                                       callback != NULL ? callback : saved_cb, user_data);
}
