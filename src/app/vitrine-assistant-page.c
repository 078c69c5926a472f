/* vitrine-assistant-page.c — one step of an assistant: whether it is
 * complete, and why not
 *
 * A page says whether the user may go on (`complete`), and when not, why
 * (`problem`, words the assistant shows on the step and on its buttons),
 * and whether it is only waiting for something to finish (`waiting`: a
 * folder being read, a name being checked) rather than asking the user
 * to fix something.  The assistant reads these and never looks inside.
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "vitrine-assistant-page.h"

typedef struct
{
  char     *title;
  char     *problem;
  gboolean  complete;
  gboolean  waiting;
} VitrineAssistantPagePrivate;

G_DEFINE_TYPE_WITH_PRIVATE (VitrineAssistantPage, vitrine_assistant_page, ADW_TYPE_BIN)

/* Replaces *@field with a copy of @value; whether it changed. */
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

enum {
  PROP_0,
  PROP_TITLE,
  PROP_COMPLETE,
  PROP_PROBLEM,
  PROP_WAITING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

const char *
vitrine_assistant_page_get_title (VitrineAssistantPage *self)
{
  VitrineAssistantPagePrivate *priv = vitrine_assistant_page_get_instance_private (self);

  g_return_val_if_fail (VITRINE_IS_ASSISTANT_PAGE (self), NULL);
  return priv->title;
}

void
vitrine_assistant_page_set_title (VitrineAssistantPage *self,
                                  const char           *title)
{
  VitrineAssistantPagePrivate *priv = vitrine_assistant_page_get_instance_private (self);

  g_return_if_fail (VITRINE_IS_ASSISTANT_PAGE (self));
  if (set_string (&priv->title, title))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

gboolean
vitrine_assistant_page_get_complete (VitrineAssistantPage *self)
{
  VitrineAssistantPagePrivate *priv = vitrine_assistant_page_get_instance_private (self);

  g_return_val_if_fail (VITRINE_IS_ASSISTANT_PAGE (self), FALSE);
  return priv->complete;
}

/**
 * vitrine_assistant_page_get_problem:
 *
 * Returns: (nullable): why the page is not complete, in words
 */
const char *
vitrine_assistant_page_get_problem (VitrineAssistantPage *self)
{
  VitrineAssistantPagePrivate *priv = vitrine_assistant_page_get_instance_private (self);

  g_return_val_if_fail (VITRINE_IS_ASSISTANT_PAGE (self), NULL);
  return priv->problem;
}

gboolean
vitrine_assistant_page_get_waiting (VitrineAssistantPage *self)
{
  VitrineAssistantPagePrivate *priv = vitrine_assistant_page_get_instance_private (self);

  g_return_val_if_fail (VITRINE_IS_ASSISTANT_PAGE (self), FALSE);
  return priv->waiting;
}

/**
 * vitrine_assistant_page_set_state:
 * @complete: whether the user may go on
 * @waiting: whether the page only waits for work of its own to finish
 * @problem: (nullable): why it is not complete; ignored when it is
 *
 * Says where the page stands; the three properties change together.
 */
void
vitrine_assistant_page_set_state (VitrineAssistantPage *self,
                                  gboolean              complete,
                                  gboolean              waiting,
                                  const char           *problem)
{
  VitrineAssistantPagePrivate *priv = vitrine_assistant_page_get_instance_private (self);
  gboolean changed = FALSE;

  g_return_if_fail (VITRINE_IS_ASSISTANT_PAGE (self));

  complete = !!complete;
  waiting = !!waiting && !complete;
  g_object_freeze_notify (G_OBJECT (self));
  if (set_string (&priv->problem, complete ? NULL : problem))
    {
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROBLEM]);
      changed = TRUE;
    }
  if (priv->waiting != waiting)
    {
      priv->waiting = waiting;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WAITING]);
      changed = TRUE;
    }
  /* Notified last, and always with the others, so a handler of
   * notify::complete sees the whole state. */
  if (priv->complete != complete || changed)
    {
      priv->complete = complete;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COMPLETE]);
    }
  g_object_thaw_notify (G_OBJECT (self));
}

/**
 * vitrine_assistant_page_shown:
 *
 * Called by the assistant when the page becomes the one shown.
 */
void
vitrine_assistant_page_shown (VitrineAssistantPage *self)
{
  g_return_if_fail (VITRINE_IS_ASSISTANT_PAGE (self));

  if (VITRINE_ASSISTANT_PAGE_GET_CLASS (self)->shown != NULL)
    VITRINE_ASSISTANT_PAGE_GET_CLASS (self)->shown (self);
}

static void
vitrine_assistant_page_finalize (GObject *object)
{
  VitrineAssistantPage *self = VITRINE_ASSISTANT_PAGE (object);
  VitrineAssistantPagePrivate *priv = vitrine_assistant_page_get_instance_private (self);

  g_free (priv->title);
  g_free (priv->problem);

  G_OBJECT_CLASS (vitrine_assistant_page_parent_class)->finalize (object);
}

static void
vitrine_assistant_page_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  VitrineAssistantPage *self = VITRINE_ASSISTANT_PAGE (object);
  VitrineAssistantPagePrivate *priv = vitrine_assistant_page_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, priv->title);
      break;
    case PROP_COMPLETE:
      g_value_set_boolean (value, priv->complete);
      break;
    case PROP_PROBLEM:
      g_value_set_string (value, priv->problem);
      break;
    case PROP_WAITING:
      g_value_set_boolean (value, priv->waiting);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vitrine_assistant_page_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  VitrineAssistantPage *self = VITRINE_ASSISTANT_PAGE (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      vitrine_assistant_page_set_title (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vitrine_assistant_page_class_init (VitrineAssistantPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = vitrine_assistant_page_finalize;
  object_class->get_property = vitrine_assistant_page_get_property;
  object_class->set_property = vitrine_assistant_page_set_property;

  /**
   * VitrineAssistantPage:title:
   *
   * The step's name, in the assistant's list of steps.
   */
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * VitrineAssistantPage:complete:
   *
   * Whether the user may go on from this step.
   */
  properties[PROP_COMPLETE] =
    g_param_spec_boolean ("complete", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * VitrineAssistantPage:problem:
   *
   * Why the step is not complete, in words; %NULL when it is.
   */
  properties[PROP_PROBLEM] =
    g_param_spec_string ("problem", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * VitrineAssistantPage:waiting:
   *
   * Whether the step waits for work of its own rather than for the user.
   */
  properties[PROP_WAITING] =
    g_param_spec_boolean ("waiting", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
vitrine_assistant_page_init (VitrineAssistantPage *self)
{
}
