/* vitrine-format.c — dates and sizes as people read them
 *
 * Recent dates are said relative to now ("5 minutes ago", "yesterday"),
 * older ones as a date, without the year when it is this year's.  Sizes
 * are g_format_size()'s.
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "vitrine-format.h"

/**
 * vitrine_format_relative_date:
 * @now: (nullable): the time to say it from; %NULL for now
 *
 * Returns: (transfer full): when @when was, relative to @now
 */
char *
vitrine_format_relative_date (GDateTime *when,
                              GDateTime *now)
{
  g_autoptr(GDateTime) local_now = now != NULL ? g_date_time_to_local (now) : g_date_time_new_now_local ();
  g_autoptr(GDateTime) local = g_date_time_to_local (when);
  GTimeSpan span = g_date_time_difference (local_now, local);
  int days;

  if (span < 0)
    span = 0;
  if (span < G_TIME_SPAN_MINUTE)
    return g_strdup (_("Just now"));
  if (span < G_TIME_SPAN_HOUR)
    {
      int minutes = span / G_TIME_SPAN_MINUTE;
      return g_strdup_printf (ngettext ("%d minute ago", "%d minutes ago", minutes), minutes);
    }

  /* Days count from midnight: 23:00 yesterday is "yesterday" at 01:00. */
  {
    g_autoptr(GDateTime) today = g_date_time_new_local (g_date_time_get_year (local_now),
                                                        g_date_time_get_month (local_now),
                                                        g_date_time_get_day_of_month (local_now), 0, 0, 0);
    g_autoptr(GDateTime) that_day = g_date_time_new_local (g_date_time_get_year (local),
                                                           g_date_time_get_month (local),
                                                           g_date_time_get_day_of_month (local), 0, 0, 0);

    days = (int) ((g_date_time_difference (today, that_day) + G_TIME_SPAN_HOUR) / G_TIME_SPAN_DAY);
  }
  if (days <= 0)
    {
      int hours = span / G_TIME_SPAN_HOUR;
      return g_strdup_printf (ngettext ("%d hour ago", "%d hours ago", hours), hours);
    }
  if (days == 1)
    return g_strdup (_("Yesterday"));
  if (days < 7)
    return g_strdup_printf (ngettext ("%d day ago", "%d days ago", days), days);
  if (g_date_time_get_year (local) == g_date_time_get_year (local_now))
    /* Translators: a date this year, as g_date_time_format() writes it:
     * "12 March".  xgettext:no-c-format */
    return g_date_time_format (local, _("%-d %B"));
  /* Translators: a date, as g_date_time_format() writes it: "12 March
   * 2025".  xgettext:no-c-format */
  return g_date_time_format (local, _("%-d %B %Y"));
}

/**
 * vitrine_format_full_date:
 *
 * Returns: (transfer full): the date and time in full, in local time
 */
char *
vitrine_format_full_date (GDateTime *when)
{
  g_autoptr(GDateTime) local = g_date_time_to_local (when);

  /* Translators: a date and time, as g_date_time_format() writes it:
   * "12 March 2025, 14:05".  xgettext:no-c-format */
  return g_date_time_format (local, _("%-d %B %Y, %H:%M"));
}
