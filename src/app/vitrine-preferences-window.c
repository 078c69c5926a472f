/* vitrine-preferences-window.c — Preferences: General (style, publishing)
 * and Accounts
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "vitrine-accessible.h"
#include "vitrine-accounts-page.h"
#include "vitrine-preferences-window.h"
#include "vitrine-settings.h"

struct _VitrinePreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  GSettings            *settings;

  AdwComboRow          *style_row;
  GtkSwitch            *private_switch;
  GtkSpinButton        *parallel_spin;
  VitrineAccountsPage  *accounts_page;
};

enum {
  PROP_0,
  PROP_SETTINGS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (VitrinePreferencesWindow, vitrine_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

/* The style key is an enum; the combo row shows its values in order. */
static gboolean
style_get_mapping (GValue   *value,
                   GVariant *variant,
                   gpointer  user_data)
{
  const char *nick = g_variant_get_string (variant, NULL);
  guint position = 0;

  if (g_str_equal (nick, "light"))
    position = 1;
  else if (g_str_equal (nick, "dark"))
    position = 2;

  g_value_set_uint (value, position);
  return TRUE;
}

static GVariant *
style_set_mapping (const GValue       *value,
                   const GVariantType *expected_type,
                   gpointer            user_data)
{
  static const char *nicks[] = { "default", "light", "dark" };
  guint position = g_value_get_uint (value);

  if (position >= G_N_ELEMENTS (nicks))
    return NULL;
  return g_variant_new_string (nicks[position]);
}

static void
vitrine_preferences_window_constructed (GObject *object)
{
  VitrinePreferencesWindow *self = VITRINE_PREFERENCES_WINDOW (object);

  G_OBJECT_CLASS (vitrine_preferences_window_parent_class)->constructed (object);

  g_settings_bind_with_mapping (self->settings, VITRINE_PREFS_STYLE,
                                self->style_row, "selected",
                                G_SETTINGS_BIND_DEFAULT,
                                style_get_mapping, style_set_mapping,
                                NULL, NULL);
  g_settings_bind (self->settings, VITRINE_PREFS_NEW_REPOS_PRIVATE,
                   self->private_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, VITRINE_PREFS_PARALLEL_UPLOADS,
                   self->parallel_spin, "value",
                   G_SETTINGS_BIND_DEFAULT);
}

/**
 * vitrine_preferences_window_set_application:
 *
 * Gives the Accounts page the application's accounts.
 */
void
vitrine_preferences_window_set_application (VitrinePreferencesWindow *self,
                                            VitrineApplication       *application)
{
  g_return_if_fail (VITRINE_IS_PREFERENCES_WINDOW (self));
  vitrine_accounts_page_set_application (self->accounts_page, application);
}

static void
vitrine_preferences_window_dispose (GObject *object)
{
  VitrinePreferencesWindow *self = VITRINE_PREFERENCES_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), VITRINE_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (vitrine_preferences_window_parent_class)->dispose (object);
}

static void
vitrine_preferences_window_set_property (GObject      *object,
                                         guint         prop_id,
                                         const GValue *value,
                                         GParamSpec   *pspec)
{
  VitrinePreferencesWindow *self = VITRINE_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vitrine_preferences_window_class_init (VitrinePreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = vitrine_preferences_window_constructed;
  object_class->dispose = vitrine_preferences_window_dispose;
  object_class->set_property = vitrine_preferences_window_set_property;

  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL,
                         G_TYPE_SETTINGS,
                         (G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/ui/vitrine-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, VitrinePreferencesWindow, style_row);
  gtk_widget_class_bind_template_child (widget_class, VitrinePreferencesWindow, private_switch);
  gtk_widget_class_bind_template_child (widget_class, VitrinePreferencesWindow, parallel_spin);
  gtk_widget_class_bind_template_child (widget_class, VitrinePreferencesWindow, accounts_page);
}

static void
vitrine_preferences_window_init (VitrinePreferencesWindow *self)
{
  g_type_ensure (VITRINE_TYPE_ACCOUNTS_PAGE);
  gtk_widget_init_template (GTK_WIDGET (self));
  vitrine_accessible_repair (GTK_WIDGET (self));
}

VitrinePreferencesWindow *
vitrine_preferences_window_new (GSettings *settings)
{
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  return g_object_new (VITRINE_TYPE_PREFERENCES_WINDOW,
                       "settings", settings,
                       NULL);
}
