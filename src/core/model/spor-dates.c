/* spor-dates.c — dates, times and time stamps: for storage and for people
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "spor-dates.h"

/* The last day a stored date can have: four digits of year */
#define LAST_YEAR 9999

G_LOCK_DEFINE_STATIC (timestamp_clock);

/* --- storage forms ---------------------------------------------------------------- */

/* The number of the @n digits at @text, or -1 when one of them is not a digit */
static int
digits (const char *text,
        guint       n)
{
  int value = 0;

  for (guint i = 0; i < n; i++)
    {
      if (!g_ascii_isdigit (text[i]))
        return -1;
      value = value * 10 + (text[i] - '0');
    }
  return value;
}

gboolean
spor_date_is_valid (const char *text)
{
  int y, m, d;

  if (text == NULL || strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    return FALSE;
  y = digits (text, 4);
  m = digits (text + 5, 2);
  d = digits (text + 8, 2);
  return y >= 1 && m >= 0 && d >= 0 &&
         g_date_valid_dmy ((GDateDay) d, (GDateMonth) m, (GDateYear) y);
}

gboolean
spor_time_is_valid (const char *text)
{
  if (text == NULL || strlen (text) != 5 || text[2] != ':')
    return FALSE;
  return digits (text, 2) >= 0 && digits (text, 2) < 24 &&
         digits (text + 3, 2) >= 0 && digits (text + 3, 2) < 60;
}

gboolean
spor_date_parse_to (const char *text,
                    GDate      *date)
{
  g_date_clear (date, 1);
  if (!spor_date_is_valid (text))
    return FALSE;
  g_date_set_dmy (date, (GDateDay) digits (text + 8, 2), (GDateMonth) digits (text + 5, 2),
                  (GDateYear) digits (text, 4));
  return TRUE;
}

GDate *
spor_date_parse (const char *text)
{
  GDate date;

  if (!spor_date_parse_to (text, &date))
    return NULL;
  return g_date_copy (&date);
}

void
spor_date_write_iso (const GDate *date,
                     char         out[11])
{
  g_return_if_fail (date != NULL && g_date_valid (date));
  g_snprintf (out, 11, "%04u-%02u-%02u", g_date_get_year (date),
              (guint) g_date_get_month (date), g_date_get_day (date));
}

char *
spor_date_format_iso (const GDate *date)
{
  char out[11];

  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);
  spor_date_write_iso (date, out);
  return g_strdup (out);
}

char *
spor_date_from_dmy (int year,
                    int month,
                    int day)
{
  GDate date;

  if (year < 1 || year > LAST_YEAR || month < 1 || month > 12 || day < 1 ||
      !g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year))
    return NULL;
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, (GDateDay) day, (GDateMonth) month, (GDateYear) year);
  return spor_date_format_iso (&date);
}

char *
spor_date_from_date_time (GDateTime *when)
{
  g_return_val_if_fail (when != NULL, NULL);
  return spor_date_from_dmy (g_date_time_get_year (when), g_date_time_get_month (when),
                             g_date_time_get_day_of_month (when));
}

guint32
spor_date_to_julian (const char *text)
{
  GDate date;

  return spor_date_parse_to (text, &date) ? g_date_get_julian (&date) : 0;
}

char *
spor_date_from_julian (guint32 julian)
{
  GDate date;

  g_return_val_if_fail (g_date_valid_julian (julian), NULL);
  g_date_clear (&date, 1);
  g_date_set_julian (&date, julian);
  return spor_date_format_iso (&date);
}

GDate *
spor_date_add_months (const GDate *date,
                      int          n)
{
  GDate *result = g_date_copy (date);

  /* GLib keeps the day within the target month: 31 January + 1 month = 28/29 February. */
  if (n >= 0)
    g_date_add_months (result, (guint) n);
  else
    g_date_subtract_months (result, (guint) -n);
  return result;
}

char *
spor_date_add_days (const char *text,
                    int         days)
{
  GDate date, last;
  guint32 julian;

  if (!spor_date_parse_to (text, &date))
    return NULL;
  g_date_clear (&last, 1);
  g_date_set_dmy (&last, 31, G_DATE_DECEMBER, LAST_YEAR);
  julian = g_date_get_julian (&date);
  if (days < 0)
    julian = -(gint64) days >= julian ? 1 : (guint32) (julian + days);
  else
    julian = MIN ((guint64) julian + (guint) days, g_date_get_julian (&last));
  return spor_date_from_julian (julian);
}

int
spor_time_to_minutes (const char *text)
{
  if (!spor_time_is_valid (text))
    return -1;
  return digits (text, 2) * 60 + digits (text + 3, 2);
}

void
spor_time_write (int  minutes,
                 char out[6])
{
  g_return_if_fail (minutes >= 0 && minutes < 24 * 60);
  g_snprintf (out, 6, "%02d:%02d", minutes / 60, minutes % 60);
}

/* --- now -------------------------------------------------------------------------- */

char *
spor_date_today (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return spor_date_from_date_time (now);
}

char *
spor_date_or_today (const char *date)
{
  return date != NULL ? g_strdup (date) : spor_date_today ();
}

GTimeZone *
spor_time_zone_copenhagen (void)
{
  static gsize zone;

  if (g_once_init_enter (&zone))
    {
      GTimeZone *tz = g_time_zone_new_identifier ("Europe/Copenhagen");

      /* Without time-zone data the local zone is the best guess there is. */
      if (tz == NULL)
        tz = g_time_zone_new_local ();
      g_once_init_leave (&zone, (gsize) tz);
    }
  return (GTimeZone *) zone;
}

GDateTime *
spor_date_time_local (const GDate *date,
                      const char  *time)
{
  int minutes = spor_time_to_minutes (time);

  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);
  if (minutes < 0)
    minutes = 0;
  return g_date_time_new (spor_time_zone_copenhagen (), g_date_get_year (date),
                          g_date_get_month (date), g_date_get_day (date), minutes / 60,
                          minutes % 60, 0);
}

/* --- time stamps ------------------------------------------------------------------ */

char *
spor_timestamp_now (void)
{
  static gint64 last = 0;
  gint64 now;
  g_autoptr(GDateTime) dt = NULL;
  g_autofree char *seconds = NULL;

  G_LOCK (timestamp_clock);
  now = g_get_real_time ();
  if (now <= last)
    now = last + 1;
  last = now;
  G_UNLOCK (timestamp_clock);

  dt = g_date_time_new_from_unix_utc (now / G_USEC_PER_SEC);
  seconds = g_date_time_format (dt, "%Y-%m-%dT%H:%M:%S");
  return g_strdup_printf ("%s.%06dZ", seconds, (int) (now % G_USEC_PER_SEC));
}

gboolean
spor_timestamp_is_valid (const char *text)
{
  gsize n;
  int y;

  if (text == NULL)
    return FALSE;
  n = strlen (text);
  if (n < 20 || text[4] != '-' || text[7] != '-' || text[10] != 'T' || text[13] != ':' ||
      text[16] != ':' || text[n - 1] != 'Z')
    return FALSE;
  if (n > 20)
    {
      /* a fraction of a second: .d to .ddddddddd */
      if (text[19] != '.' || n < 22 || n > 30 || digits (text + 20, (guint) n - 21) < 0)
        return FALSE;
    }
  y = digits (text, 4);
  return y >= 1 && digits (text + 5, 2) >= 0 && digits (text + 8, 2) >= 0 &&
         g_date_valid_dmy ((GDateDay) digits (text + 8, 2), (GDateMonth) digits (text + 5, 2),
                           (GDateYear) y) &&
         digits (text + 11, 2) >= 0 && digits (text + 11, 2) < 24 &&
         digits (text + 14, 2) >= 0 && digits (text + 14, 2) < 60 &&
         digits (text + 17, 2) >= 0 && digits (text + 17, 2) < 60;
}

/* Time stamps compare as text, but a fraction of a second may have any number of digits. */
int
spor_timestamp_compare (const char *a,
                        const char *b)
{
  const char *fa = a[19] == '.' ? a + 20 : "";
  const char *fb = b[19] == '.' ? b + 20 : "";
  int c = strncmp (a, b, 19);

  while (c == 0 && (g_ascii_isdigit (*fa) || g_ascii_isdigit (*fb)))
    {
      char da = g_ascii_isdigit (*fa) ? *fa++ : '0';
      char db = g_ascii_isdigit (*fb) ? *fb++ : '0';

      c = da - db;
    }
  return c;
}

char *
spor_timestamp_latest_allowed (const char *now)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GDateTime) then = now != NULL ? g_date_time_new_from_iso8601 (now, utc) : NULL;
  g_autoptr(GDateTime) limit = NULL;

  if (then == NULL)
    then = g_date_time_new_now_utc ();
  limit = g_date_time_add_days (then, 1);
  return g_date_time_format (limit, "%Y-%m-%dT%H:%M:%SZ");
}

/* --- for people ------------------------------------------------------------------- */

const char *
spor_date_pattern (void)
{
  /* Translators: how a date is shown, in strftime conversions: %x is the locale's own
   * format; Danish writes 01.12.2026, "%d.%m.%Y". A pattern that starts with the day makes
   * typed dates be read day first. xgettext:no-c-format */
  return C_("date format", "%x");
}

char *
spor_date_format_pattern (const char *iso,
                          const char *pattern)
{
  GDate date;
  char buffer[64];

  if (!spor_date_parse_to (iso, &date))
    return NULL;
  if (g_date_strftime (buffer, sizeof buffer, pattern, &date) == 0)
    return g_strdup (iso);
  return g_strdup (buffer);
}

char *
spor_date_format_locale (const char *iso)
{
  return spor_date_format_pattern (iso, spor_date_pattern ());
}

GDateTime *
spor_date_to_noon (const char *iso)
{
  GDate date;

  if (!spor_date_parse_to (iso, &date))
    return NULL;
  return g_date_time_new_local (g_date_get_year (&date), g_date_get_month (&date),
                                g_date_get_day (&date), 12, 0, 0);
}

/* Takes a number of @min to @max digits from *@p; -1 when there are fewer or more. */
static int
take_number (const char **p,
             guint        min,
             guint        max)
{
  guint n = (guint) strspn (*p, "0123456789");
  int value;

  if (n < min || n > max)
    return -1;
  value = digits (*p, n);
  *p += n;
  return value;
}

/* Three numbers with the same separator (one of @separators) between them, and nothing
 * else: the first of @first_min to @first_max digits, the second of 1 or 2, the last of
 * @last_min to @last_max. */
static gboolean
take_three (const char *text,
            const char *separators,
            guint       first_min,
            guint       first_max,
            guint       last_min,
            guint       last_max,
            int         out[3])
{
  const char *p = text;
  char separator;

  out[0] = take_number (&p, first_min, first_max);
  if (out[0] < 0 || *p == '\0' || strchr (separators, *p) == NULL)
    return FALSE;
  separator = *p++;
  out[1] = take_number (&p, 1, 2);
  if (out[1] < 0 || *p++ != separator)
    return FALSE;
  out[2] = take_number (&p, last_min, last_max);
  return out[2] >= 0 && *p == '\0';
}

char *
spor_date_parse_pattern (const char *text,
                         const char *pattern)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text != NULL ? text : ""));
  int ymd[3];
  GDate date;

  if (*stripped == '\0')
    return NULL;
  if (take_three (stripped, "-", 4, 4, 1, 2, ymd))
    return spor_date_from_dmy (ymd[0], ymd[1], ymd[2]);
  /* as the dates are shown: 01.12.2026 is the first of December, whatever the locale */
  if (g_str_has_prefix (pattern, "%d") || g_str_has_prefix (pattern, "%e"))
    return spor_date_parse_dmy (stripped);
  g_date_clear (&date, 1);
  g_date_set_parse (&date, stripped);
  return g_date_valid (&date) ? spor_date_format_iso (&date) : NULL;
}

char *
spor_date_parse_locale (const char *text)
{
  return spor_date_parse_pattern (text, spor_date_pattern ());
}

char *
spor_date_parse_dmy (const char *text)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text != NULL ? text : ""));
  int dmy[3];

  if (!take_three (stripped, ".-/", 1, 2, 4, 4, dmy))
    return NULL;
  return spor_date_from_dmy (dmy[2], dmy[1], dmy[0]);
}

char *
spor_time_parse_typed (const char *text)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text != NULL ? text : ""));
  const char *p = stripped;
  int hours = take_number (&p, 1, 2), minutes = 0;

  if (hours < 0 || hours > 23)
    return NULL;
  if (*p == ':' || *p == '.')
    {
      p++;
      minutes = take_number (&p, 1, 2);
      if (minutes < 0 || minutes > 59)
        return NULL;
    }
  if (*p != '\0')
    return NULL;
  return g_strdup_printf ("%02d:%02d", hours, minutes);
}
