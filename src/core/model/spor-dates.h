/* spor-dates.h — dates, times and time stamps: for storage and for people
 *
 * Stored, a date is YYYY-MM-DD, a time of day HH:MM (24 hours, local time of the programme:
 * Europe/Copenhagen) and a time stamp 2026-11-23T13:00:00.000000Z (UTC). These strings
 * compare as text in time order, so the database and the code compare them as strings.
 * People read and type dates in their locale's format; times are always 24-hour.
 *
 * Everything that turns such a string into numbers or back is here, so that no other file
 * parses or formats dates by hand.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* --- storage forms ---------------------------------------------------------------- */

/* Whether @text is a real calendar date YYYY-MM-DD (year 1 or later) / a time HH:MM. */
gboolean   spor_date_is_valid          (const char  *text);
gboolean   spor_time_is_valid          (const char  *text);

/* @text (YYYY-MM-DD) as a GDate: a new one, NULL when it is not a date; or into @date,
 * which is cleared first and stays invalid (FALSE) when it is not. */
GDate     *spor_date_parse             (const char  *text);
gboolean   spor_date_parse_to          (const char  *text,
                                        GDate       *date);
/* A valid @date as YYYY-MM-DD: a new string, or into @out. */
char      *spor_date_format_iso        (const GDate *date);
void       spor_date_write_iso         (const GDate *date,
                                        char         out[11]);
/* The date of @year, @month and @day as YYYY-MM-DD, NULL when there is no such day. */
char      *spor_date_from_dmy          (int          year,
                                        int          month,
                                        int          day);
/* The date of @when (in its own time zone) as YYYY-MM-DD. */
char      *spor_date_from_date_time    (GDateTime   *when);

/* Julian days (1 = 1 January of the year 1, a Monday) of GDate: for counting days.
 * spor_date_to_julian() gives 0 when @text is not a date. */
guint32    spor_date_to_julian         (const char  *text);
char      *spor_date_from_julian       (guint32      julian);

/* @date plus @n months as people count them: the day is kept within the month, so
 * 31 January + 1 month is the last day of February. @n may be negative. */
GDate     *spor_date_add_months        (const GDate *date,
                                        int          n);
/* @text plus @days (may be negative) as YYYY-MM-DD, kept within the years 1 to 9999; NULL
 * when @text is not a date. */
char      *spor_date_add_days          (const char  *text,
                                        int          days);

/* The minutes since midnight of a time HH:MM, -1 when @text is not one; and back (for
 * 0 … 1439, into @out). */
int        spor_time_to_minutes        (const char  *text);
void       spor_time_write             (int          minutes,
                                        char         out[6]);

/* --- now -------------------------------------------------------------------------- */

/* Today's date here (local time) as YYYY-MM-DD; spor_date_or_today() gives a copy of @date,
 * or today for NULL (for the many calls whose date defaults to today). */
char      *spor_date_today             (void);
char      *spor_date_or_today          (const char  *date);
/* Europe/Copenhagen, made once and kept (the local zone where the system has no zone
 * data): the zone of every time of day Spor stores. Not to be unreferenced. */
GTimeZone *spor_time_zone_copenhagen   (void);
/* @date at @time (HH:MM; midnight when it is not a time) in Europe/Copenhagen. */
GDateTime *spor_date_time_local        (const GDate *date,
                                        const char  *time);

/* --- time stamps ------------------------------------------------------------------ */

/* Now in UTC as 2026-11-23T13:00:00.000000Z; later calls never give an earlier value. */
char      *spor_timestamp_now          (void);
/* 2026-11-23T13:00:00Z, with an optional fraction of a second of 1 to 9 digits */
gboolean   spor_timestamp_is_valid     (const char  *text);
/* <0, 0, >0 as @a is before, at or after @b; fractions of any length compare right. */
int        spor_timestamp_compare      (const char  *a,
                                        const char  *b);
/* The latest time stamp a record may carry at @now (NULL: now): a day later. */
char      *spor_timestamp_latest_allowed (const char *now);

/* --- for people ------------------------------------------------------------------- */

/* The pattern dates are shown in (strftime conversions): the translation's, for Danish
 * "%d.%m.%Y" (01.12.2026, where glibc's %x gives 01-12-2026), else the locale's %x. */
const char *spor_date_pattern          (void);
/* @iso in spor_date_pattern(), NULL when it is not a date. */
char      *spor_date_format_locale     (const char  *iso);
/* @iso in @pattern (strftime conversions), NULL when it is not a date. */
char      *spor_date_format_pattern    (const char  *iso,
                                        const char  *pattern);
/* The local midday of @iso, for g_date_time_format() with names of days and months;
 * NULL when it is not a date. */
GDateTime *spor_date_to_noon           (const char  *iso);
/* A date as typed, as YYYY-MM-DD, or NULL: YYYY-MM-DD (also without leading zeros, the
 * year of four digits); when spor_date_pattern() puts the day first, a date typed day
 * first (spor_date_parse_dmy()); else what g_date_set_parse() reads in the user's locale.
 * White space around it does not count. */
char      *spor_date_parse_locale      (const char  *text);
/* The same for dates shown in @pattern */
char      *spor_date_parse_pattern     (const char  *text,
                                        const char  *pattern);
/* A date typed day first, DD.MM.YYYY, DD-MM-YYYY or DD/MM/YYYY (one kind of separator, the
 * year of four digits), as YYYY-MM-DD; NULL for anything else. */
char      *spor_date_parse_dmy         (const char  *text);
/* A time as typed, as HH:MM, or NULL: "9" is 09:00, "9.30" and "9:30" are 09:30. */
char      *spor_time_parse_typed       (const char  *text);

G_END_DECLS
