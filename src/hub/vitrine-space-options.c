/* vitrine-space-options.c — how a Space is to be run on this computer
 *
 * Plain values with properties, so that a preferences page can bind them;
 * a run reads them when it starts.
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "vitrine-space-options.h"

struct _VitrineSpaceOptions
{
  GObject  parent_instance;
  char    *endpoint;
  char    *token;
  gboolean share_token;
  gboolean system_spaces;
  char    *python;
  gboolean install_requirements;
  gboolean keep_environment;
  guint    port;
  gboolean watch;
  char    *container_engine;
  char    *revision;
  char    *space_id;
};

G_DEFINE_FINAL_TYPE (VitrineSpaceOptions, vitrine_space_options, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ENDPOINT,
  PROP_TOKEN,
  PROP_SHARE_TOKEN,
  PROP_SYSTEM_SPACES,
  PROP_PYTHON,
  PROP_INSTALL_REQUIREMENTS,
  PROP_KEEP_ENVIRONMENT,
  PROP_PORT,
  PROP_WATCH,
  PROP_CONTAINER_ENGINE,
  PROP_REVISION,
  PROP_SPACE_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Replaces *@field with a copy of @value; TRUE when it changed. */
static gboolean
set_string (char       **field,
            const char  *value)
{
  if (g_strcmp0 (*field, value) == 0)
    return FALSE;
  g_free (*field);
  *field = g_strdup (value);
  return TRUE;
}

VitrineSpaceOptions *
vitrine_space_options_new (void)
{
  return g_object_new (VITRINE_TYPE_SPACE_OPTIONS, NULL);
}

/**
 * vitrine_space_options_copy:
 *
 * Returns: (transfer full): new options with the same values
 */
VitrineSpaceOptions *
vitrine_space_options_copy (VitrineSpaceOptions *self)
{
  VitrineSpaceOptions *copy = vitrine_space_options_new ();

  g_return_val_if_fail (VITRINE_IS_SPACE_OPTIONS (self), copy);

  for (guint i = 1; i < N_PROPS; i++)
    {
      g_auto(GValue) value = G_VALUE_INIT;

      g_value_init (&value, properties[i]->value_type);
      g_object_get_property (G_OBJECT (self), properties[i]->name, &value);
      g_object_set_property (G_OBJECT (copy), properties[i]->name, &value);
    }
  return copy;
}

const char *
vitrine_space_options_get_endpoint (VitrineSpaceOptions *self)
{
  g_return_val_if_fail (VITRINE_IS_SPACE_OPTIONS (self), NULL);
  return self->endpoint;
}

void
vitrine_space_options_set_endpoint (VitrineSpaceOptions *self,
                                    const char          *endpoint)
{
  g_return_if_fail (VITRINE_IS_SPACE_OPTIONS (self));
  if (set_string (&self->endpoint, endpoint))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ENDPOINT]);
}

const char *
vitrine_space_options_get_token (VitrineSpaceOptions *self)
{
  g_return_val_if_fail (VITRINE_IS_SPACE_OPTIONS (self), NULL);
  return self->token;
}

void
vitrine_space_options_set_token (VitrineSpaceOptions *self,
                                 const char          *token)
{
  g_return_if_fail (VITRINE_IS_SPACE_OPTIONS (self));
  if (set_string (&self->token, token))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TOKEN]);
}

gboolean
vitrine_space_options_get_share_token (VitrineSpaceOptions *self)
{
  g_return_val_if_fail (VITRINE_IS_SPACE_OPTIONS (self), FALSE);
  return self->share_token;
}

void
vitrine_space_options_set_share_token (VitrineSpaceOptions *self,
                                       gboolean             share_token)
{
  g_return_if_fail (VITRINE_IS_SPACE_OPTIONS (self));
  if (self->share_token != !!share_token)
    {
      self->share_token = !!share_token;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHARE_TOKEN]);
    }
}

gboolean
vitrine_space_options_get_system_spaces (VitrineSpaceOptions *self)
{
  g_return_val_if_fail (VITRINE_IS_SPACE_OPTIONS (self), FALSE);
  return self->system_spaces;
}

void
vitrine_space_options_set_system_spaces (VitrineSpaceOptions *self,
                                         gboolean             system_spaces)
{
  g_return_if_fail (VITRINE_IS_SPACE_OPTIONS (self));
  if (self->system_spaces != !!system_spaces)
    {
      self->system_spaces = !!system_spaces;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SYSTEM_SPACES]);
    }
}

const char *
vitrine_space_options_get_python (VitrineSpaceOptions *self)
{
  g_return_val_if_fail (VITRINE_IS_SPACE_OPTIONS (self), NULL);
  return self->python;
}

void
vitrine_space_options_set_python (VitrineSpaceOptions *self,
                                  const char          *python)
{
  g_return_if_fail (VITRINE_IS_SPACE_OPTIONS (self));
  if (set_string (&self->python, python))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PYTHON]);
}

gboolean
vitrine_space_options_get_install_requirements (VitrineSpaceOptions *self)
{
  g_return_val_if_fail (VITRINE_IS_SPACE_OPTIONS (self), FALSE);
  return self->install_requirements;
}

void
vitrine_space_options_set_install_requirements (VitrineSpaceOptions *self,
                                                gboolean             install)
{
  g_return_if_fail (VITRINE_IS_SPACE_OPTIONS (self));
  if (self->install_requirements != !!install)
    {
      self->install_requirements = !!install;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INSTALL_REQUIREMENTS]);
    }
}

gboolean
vitrine_space_options_get_keep_environment (VitrineSpaceOptions *self)
{
  g_return_val_if_fail (VITRINE_IS_SPACE_OPTIONS (self), FALSE);
  return self->keep_environment;
}

void
vitrine_space_options_set_keep_environment (VitrineSpaceOptions *self,
                                            gboolean             keep)
{
  g_return_if_fail (VITRINE_IS_SPACE_OPTIONS (self));
  if (self->keep_environment != !!keep)
    {
      self->keep_environment = !!keep;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KEEP_ENVIRONMENT]);
    }
}

guint
vitrine_space_options_get_port (VitrineSpaceOptions *self)
{
  g_return_val_if_fail (VITRINE_IS_SPACE_OPTIONS (self), 0);
  return self->port;
}

void
vitrine_space_options_set_port (VitrineSpaceOptions *self,
                                guint                port)
{
  g_return_if_fail (VITRINE_IS_SPACE_OPTIONS (self));
  if (self->port != port)
    {
      self->port = port;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PORT]);
    }
}

gboolean
vitrine_space_options_get_watch (VitrineSpaceOptions *self)
{
  g_return_val_if_fail (VITRINE_IS_SPACE_OPTIONS (self), FALSE);
  return self->watch;
}

void
vitrine_space_options_set_watch (VitrineSpaceOptions *self,
                                 gboolean             watch)
{
  g_return_if_fail (VITRINE_IS_SPACE_OPTIONS (self));
  if (self->watch != !!watch)
    {
      self->watch = !!watch;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WATCH]);
    }
}

const char *
vitrine_space_options_get_container_engine (VitrineSpaceOptions *self)
{
  g_return_val_if_fail (VITRINE_IS_SPACE_OPTIONS (self), NULL);
  return self->container_engine;
}

void
vitrine_space_options_set_container_engine (VitrineSpaceOptions *self,
                                            const char          *container_engine)
{
  g_return_if_fail (VITRINE_IS_SPACE_OPTIONS (self));
  if (set_string (&self->container_engine, container_engine))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONTAINER_ENGINE]);
}

const char *
vitrine_space_options_get_revision (VitrineSpaceOptions *self)
{
  g_return_val_if_fail (VITRINE_IS_SPACE_OPTIONS (self), NULL);
  return self->revision;
}

void
vitrine_space_options_set_revision (VitrineSpaceOptions *self,
                                    const char          *revision)
{
  g_return_if_fail (VITRINE_IS_SPACE_OPTIONS (self));
  if (set_string (&self->revision, revision))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REVISION]);
}

const char *
vitrine_space_options_get_space_id (VitrineSpaceOptions *self)
{
  g_return_val_if_fail (VITRINE_IS_SPACE_OPTIONS (self), NULL);
  return self->space_id;
}

void
vitrine_space_options_set_space_id (VitrineSpaceOptions *self,
                                    const char          *space_id)
{
  g_return_if_fail (VITRINE_IS_SPACE_OPTIONS (self));
  if (set_string (&self->space_id, space_id))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SPACE_ID]);
}

static void
vitrine_space_options_finalize (GObject *object)
{
  VitrineSpaceOptions *self = VITRINE_SPACE_OPTIONS (object);

  g_free (self->endpoint);
  g_free (self->token);
  g_free (self->python);
  g_free (self->container_engine);
  g_free (self->revision);
  g_free (self->space_id);
  G_OBJECT_CLASS (vitrine_space_options_parent_class)->finalize (object);
}

static void
vitrine_space_options_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  VitrineSpaceOptions *self = VITRINE_SPACE_OPTIONS (object);

  switch (prop_id)
    {
    case PROP_ENDPOINT:
      g_value_set_string (value, self->endpoint);
      break;
    case PROP_TOKEN:
      g_value_set_string (value, self->token);
      break;
    case PROP_SHARE_TOKEN:
      g_value_set_boolean (value, self->share_token);
      break;
    case PROP_SYSTEM_SPACES:
      g_value_set_boolean (value, self->system_spaces);
      break;
    case PROP_PYTHON:
      g_value_set_string (value, self->python);
      break;
    case PROP_INSTALL_REQUIREMENTS:
      g_value_set_boolean (value, self->install_requirements);
      break;
    case PROP_KEEP_ENVIRONMENT:
      g_value_set_boolean (value, self->keep_environment);
      break;
    case PROP_PORT:
      g_value_set_uint (value, self->port);
      break;
    case PROP_WATCH:
      g_value_set_boolean (value, self->watch);
      break;
    case PROP_CONTAINER_ENGINE:
      g_value_set_string (value, self->container_engine);
      break;
    case PROP_REVISION:
      g_value_set_string (value, self->revision);
      break;
    case PROP_SPACE_ID:
      g_value_set_string (value, self->space_id);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vitrine_space_options_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  VitrineSpaceOptions *self = VITRINE_SPACE_OPTIONS (object);

  switch (prop_id)
    {
    case PROP_ENDPOINT:
      vitrine_space_options_set_endpoint (self, g_value_get_string (value));
      break;
    case PROP_TOKEN:
      vitrine_space_options_set_token (self, g_value_get_string (value));
      break;
    case PROP_SHARE_TOKEN:
      vitrine_space_options_set_share_token (self, g_value_get_boolean (value));
      break;
    case PROP_SYSTEM_SPACES:
      vitrine_space_options_set_system_spaces (self, g_value_get_boolean (value));
      break;
    case PROP_PYTHON:
      vitrine_space_options_set_python (self, g_value_get_string (value));
      break;
    case PROP_INSTALL_REQUIREMENTS:
      vitrine_space_options_set_install_requirements (self, g_value_get_boolean (value));
      break;
    case PROP_KEEP_ENVIRONMENT:
      vitrine_space_options_set_keep_environment (self, g_value_get_boolean (value));
      break;
    case PROP_PORT:
      vitrine_space_options_set_port (self, g_value_get_uint (value));
      break;
    case PROP_WATCH:
      vitrine_space_options_set_watch (self, g_value_get_boolean (value));
      break;
    case PROP_CONTAINER_ENGINE:
      vitrine_space_options_set_container_engine (self, g_value_get_string (value));
      break;
    case PROP_REVISION:
      vitrine_space_options_set_revision (self, g_value_get_string (value));
      break;
    case PROP_SPACE_ID:
      vitrine_space_options_set_space_id (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vitrine_space_options_class_init (VitrineSpaceOptionsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = vitrine_space_options_finalize;
  object_class->get_property = vitrine_space_options_get_property;
  object_class->set_property = vitrine_space_options_set_property;

  properties[PROP_ENDPOINT] = g_param_spec_string ("endpoint", NULL, NULL, NULL, flags);
  properties[PROP_TOKEN] = g_param_spec_string ("token", NULL, NULL, NULL, flags);
  properties[PROP_SHARE_TOKEN] = g_param_spec_boolean ("share-token", NULL, NULL, FALSE, flags);
  properties[PROP_SYSTEM_SPACES] = g_param_spec_boolean ("system-spaces", NULL, NULL, FALSE, flags);
  properties[PROP_PYTHON] = g_param_spec_string ("python", NULL, NULL, NULL, flags);
  properties[PROP_INSTALL_REQUIREMENTS] = g_param_spec_boolean ("install-requirements", NULL, NULL, TRUE, flags);
  properties[PROP_KEEP_ENVIRONMENT] = g_param_spec_boolean ("keep-environment", NULL, NULL, TRUE, flags);
  properties[PROP_PORT] = g_param_spec_uint ("port", NULL, NULL, 0, 65535, 0, flags);
  properties[PROP_WATCH] = g_param_spec_boolean ("watch", NULL, NULL, FALSE, flags);
  properties[PROP_CONTAINER_ENGINE] = g_param_spec_string ("container-engine", NULL, NULL, "auto", flags);
  properties[PROP_REVISION] = g_param_spec_string ("revision", NULL, NULL, NULL, flags);
  properties[PROP_SPACE_ID] = g_param_spec_string ("space-id", NULL, NULL, NULL, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
vitrine_space_options_init (VitrineSpaceOptions *self)
{
  self->install_requirements = TRUE;
  self->keep_environment = TRUE;
  self->container_engine = g_strdup ("auto");
}
