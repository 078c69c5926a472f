/* vitrine-scan-warning.c — something about a folder to tell before
 * publishing it
 *
 * A warning of a folder scan: its kind, a sentence for the user, and the
 * files it is about.
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "vitrine-scan-warning.h"

struct _VitrineScanWarning
{
  GObject                 parent_instance;

  VitrineScanWarningKind  kind;
  char                   *message;
  char                  **paths;
};

G_DEFINE_FINAL_TYPE (VitrineScanWarning, vitrine_scan_warning, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_KIND,
  PROP_MESSAGE,
  PROP_PATHS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
vitrine_scan_warning_finalize (GObject *object)
{
  VitrineScanWarning *self = VITRINE_SCAN_WARNING (object);

  g_free (self->message);
  g_strfreev (self->paths);
  G_OBJECT_CLASS (vitrine_scan_warning_parent_class)->finalize (object);
}

static void
vitrine_scan_warning_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  VitrineScanWarning *self = VITRINE_SCAN_WARNING (object);

  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;
    case PROP_MESSAGE:
      g_value_set_string (value, self->message);
      break;
    case PROP_PATHS:
      g_value_set_boxed (value, self->paths);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vitrine_scan_warning_class_init (VitrineScanWarningClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = vitrine_scan_warning_finalize;
  object_class->get_property = vitrine_scan_warning_get_property;

  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL, VITRINE_TYPE_SCAN_WARNING_KIND,
                       VITRINE_SCAN_WARNING_FILE_TOO_LARGE, flags);
  properties[PROP_MESSAGE] = g_param_spec_string ("message", NULL, NULL, NULL, flags);
  properties[PROP_PATHS] = g_param_spec_boxed ("paths", NULL, NULL, G_TYPE_STRV, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
vitrine_scan_warning_init (VitrineScanWarning *self)
{
}

/**
 * vitrine_scan_warning_new:
 * @paths: (nullable): the files the warning is about
 */
VitrineScanWarning *
vitrine_scan_warning_new (VitrineScanWarningKind  kind,
                          const char             *message,
                          const char * const     *paths)
{
  VitrineScanWarning *self = g_object_new (VITRINE_TYPE_SCAN_WARNING, NULL);
  const char * const none[] = { NULL };

  self->kind = kind;
  self->message = g_strdup (message);
  self->paths = g_strdupv ((char **) (paths != NULL ? paths : none));
  return self;
}

VitrineScanWarningKind
vitrine_scan_warning_get_kind (VitrineScanWarning *self)
{
  g_return_val_if_fail (VITRINE_IS_SCAN_WARNING (self), VITRINE_SCAN_WARNING_FILE_TOO_LARGE);
  return self->kind;
}

const char *
vitrine_scan_warning_get_message (VitrineScanWarning *self)
{
  g_return_val_if_fail (VITRINE_IS_SCAN_WARNING (self), NULL);
  return self->message;
}

/**
 * vitrine_scan_warning_get_paths:
 *
 * Returns: (transfer none): the files the warning is about, in the
 *   folder, possibly none
 */
const char * const *
vitrine_scan_warning_get_paths (VitrineScanWarning *self)
{
  g_return_val_if_fail (VITRINE_IS_SCAN_WARNING (self), NULL);
  return (const char * const *) self->paths;
}
