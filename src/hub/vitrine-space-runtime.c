/* vitrine-space-runtime.c — where a Space's app is
 *
 * What GET /api/spaces/{id}/runtime answers: the stage (RUNNING,
 * BUILDING, SLEEPING, ...), the hardware and the app's error.
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "vitrine-hub-object-private.h"
#include "vitrine-space-runtime.h"

struct _VitrineSpaceRuntime
{
  VitrineHubObject  parent_instance;
};

G_DEFINE_FINAL_TYPE (VitrineSpaceRuntime, vitrine_space_runtime, VITRINE_TYPE_HUB_OBJECT)

enum {
  PROP_0,
  PROP_STAGE,
  PROP_HARDWARE,
  PROP_REQUESTED_HARDWARE,
  PROP_SDK,
  PROP_SDK_VERSION,
  PROP_ERROR_MESSAGE,
  PROP_DEV_MODE,
  PROP_SLEEP_TIME,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* stage (such as "RUNNING", "BUILDING", "SLEEPING" or "NO_APP_FILE"),
 * sdk, sdk-version, error-message (why the app stopped). */
static const VitrineJsonMember strings[N_PROPS] = {
  [PROP_STAGE] = { "stage", "stage" },
  [PROP_SDK] = { "sdk", "sdk" },
  [PROP_SDK_VERSION] = { "sdk-version", "sdkVersion" },
  [PROP_ERROR_MESSAGE] = { "error-message", "errorMessage" },
};

static void
vitrine_space_runtime_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  VitrineSpaceRuntime *self = VITRINE_SPACE_RUNTIME (object);

  if (_vitrine_hub_object_get_string (self, strings, prop_id, value))
    return;
  switch (prop_id)
    {
    case PROP_HARDWARE:
      g_value_set_string (value, vitrine_space_runtime_get_hardware (self));
      break;
    case PROP_REQUESTED_HARDWARE:
      g_value_set_string (value, vitrine_space_runtime_get_requested_hardware (self));
      break;
    case PROP_DEV_MODE:
      g_value_set_boolean (value, vitrine_json_bool (_vitrine_hub_object_json (self), "devMode", FALSE));
      break;
    case PROP_SLEEP_TIME:
      g_value_set_int64 (value, vitrine_space_runtime_get_sleep_time (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vitrine_space_runtime_class_init (VitrineSpaceRuntimeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->get_property = vitrine_space_runtime_get_property;

  _vitrine_hub_object_class_add_strings (properties, strings, N_PROPS);
  /* The hardware it runs on now (NULL when it does not run), and the one
   * asked for, such as "cpu-basic". */
  properties[PROP_HARDWARE] = g_param_spec_string ("hardware", NULL, NULL, NULL, flags);
  properties[PROP_REQUESTED_HARDWARE] = g_param_spec_string ("requested-hardware", NULL, NULL, NULL, flags);
  properties[PROP_DEV_MODE] = g_param_spec_boolean ("dev-mode", NULL, NULL, FALSE, flags);
  /* Seconds without a visit before it sleeps, or -1 when the server does
   * not say. */
  properties[PROP_SLEEP_TIME] = g_param_spec_int64 ("sleep-time", NULL, NULL, -1, G_MAXINT64, -1, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
vitrine_space_runtime_init (VitrineSpaceRuntime *self)
{
}

/**
 * vitrine_space_runtime_new_from_json:
 * @object: a Space's runtime, as the server describes it
 *
 * Returns: (transfer full): the runtime
 */
VitrineSpaceRuntime *
vitrine_space_runtime_new_from_json (JsonObject *object)
{
  return g_object_new (VITRINE_TYPE_SPACE_RUNTIME, "json", object, NULL);
}

const char *
vitrine_space_runtime_get_stage (VitrineSpaceRuntime *self)
{
  g_return_val_if_fail (VITRINE_IS_SPACE_RUNTIME (self), NULL);
  return vitrine_json_string (_vitrine_hub_object_json (self), "stage");
}

static JsonObject *
hardware (VitrineSpaceRuntime *self)
{
  return vitrine_json_object (_vitrine_hub_object_json (self), "hardware");
}

const char *
vitrine_space_runtime_get_hardware (VitrineSpaceRuntime *self)
{
  g_return_val_if_fail (VITRINE_IS_SPACE_RUNTIME (self), NULL);
  return vitrine_json_string (hardware (self), "current");
}

const char *
vitrine_space_runtime_get_requested_hardware (VitrineSpaceRuntime *self)
{
  g_return_val_if_fail (VITRINE_IS_SPACE_RUNTIME (self), NULL);
  return vitrine_json_string (hardware (self), "requested");
}

const char *
vitrine_space_runtime_get_sdk (VitrineSpaceRuntime *self)
{
  g_return_val_if_fail (VITRINE_IS_SPACE_RUNTIME (self), NULL);
  return vitrine_json_string (_vitrine_hub_object_json (self), "sdk");
}

const char *
vitrine_space_runtime_get_error_message (VitrineSpaceRuntime *self)
{
  g_return_val_if_fail (VITRINE_IS_SPACE_RUNTIME (self), NULL);
  return vitrine_json_string (_vitrine_hub_object_json (self), "errorMessage");
}

/* The Hub's gcTimeout: seconds without a visit before the Space sleeps. */
gint64
vitrine_space_runtime_get_sleep_time (VitrineSpaceRuntime *self)
{
  g_return_val_if_fail (VITRINE_IS_SPACE_RUNTIME (self), -1);
  return MAX (vitrine_json_int (_vitrine_hub_object_json (self), "gcTimeout", -1), -1);
}
