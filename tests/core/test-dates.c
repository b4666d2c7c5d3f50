/* test-dates.c — dates, times and time stamps: the stored forms at their edges, counting
 * days and months, Copenhagen's clock, and what people type
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "spor-dates.h"

static void
test_stored_forms (void)
{
  static const char * const dates[] = {
    "2026-01-15", "2024-02-29", "0001-01-01", "9999-12-31", "2000-02-29", NULL
  };
  static const char * const not_dates[] = {
    "2023-02-29", "1900-02-29", "0000-01-01", "2026-13-01", "2026-00-10", "2026-01-00",
    "2026-1-5", "2026-01-5", "26-01-05", "2026/01/05", "2026-01-05 ", " 2026-01-05",
    "2026-01-05T10:00", "20260105", "2026-O1-05", "+026-01-05", "", NULL
  };
  static const char * const times[] = { "00:00", "09:00", "23:59", "12:05", NULL };
  static const char * const not_times[] = {
    "24:00", "9:00", "09:0", "09:60", "0900", "09.00", "09:00:00", "-1:00", " 9:00", "", NULL
  };
  GDate date;
  char out[11];

  for (guint i = 0; dates[i] != NULL; i++)
    {
      g_autoptr(GDate) parsed = spor_date_parse (dates[i]);
      g_autofree char *again = NULL;

      g_assert_true (spor_date_is_valid (dates[i]));
      g_assert_nonnull (parsed);
      again = spor_date_format_iso (parsed);
      g_assert_cmpstr (again, ==, dates[i]);
      g_assert_true (spor_date_parse_to (dates[i], &date));
      spor_date_write_iso (&date, out);
      g_assert_cmpstr (out, ==, dates[i]);
    }
  for (guint i = 0; not_dates[i] != NULL; i++)
    {
      if (spor_date_is_valid (not_dates[i]))
        g_error ("“%s” taken for a date", not_dates[i]);
      g_assert_null (spor_date_parse (not_dates[i]));
      g_date_set_dmy (&date, 1, 1, 2000);
      g_assert_false (spor_date_parse_to (not_dates[i], &date));
      g_assert_false (g_date_valid (&date));
    }
  g_assert_false (spor_date_is_valid (NULL));
  g_assert_null (spor_date_parse (NULL));

  for (guint i = 0; times[i] != NULL; i++)
    g_assert_true (spor_time_is_valid (times[i]));
  for (guint i = 0; not_times[i] != NULL; i++)
    if (spor_time_is_valid (not_times[i]))
      g_error ("“%s” taken for a time", not_times[i]);
  g_assert_false (spor_time_is_valid (NULL));

  g_assert_cmpint (spor_time_to_minutes ("00:00"), ==, 0);
  g_assert_cmpint (spor_time_to_minutes ("09:30"), ==, 570);
  g_assert_cmpint (spor_time_to_minutes ("23:59"), ==, 1439);
  g_assert_cmpint (spor_time_to_minutes ("24:00"), ==, -1);
  g_assert_cmpint (spor_time_to_minutes (NULL), ==, -1);
  spor_time_write (0, out);
  g_assert_cmpstr (out, ==, "00:00");
  spor_time_write (570, out);
  g_assert_cmpstr (out, ==, "09:30");
  spor_time_write (1439, out);
  g_assert_cmpstr (out, ==, "23:59");
}

static void
assert_dmy (int year, int month, int day, const char *expected)
{
  g_autofree char *date = spor_date_from_dmy (year, month, day);

  g_assert_cmpstr (date, ==, expected);
}

static void
assert_add_days (const char *date, int days, const char *expected)
{
  g_autofree char *result = spor_date_add_days (date, days);

  g_assert_cmpstr (result, ==, expected);
}

static void
assert_add_months (const char *date, int months, const char *expected)
{
  g_autoptr(GDate) start = spor_date_parse (date);
  g_autoptr(GDate) result = spor_date_add_months (start, months);
  g_autofree char *text = spor_date_format_iso (result);

  g_assert_cmpstr (text, ==, expected);
}

static void
test_counting (void)
{
  g_autoptr(GDateTime) when = NULL;
  g_autofree char *from_when = NULL;
  g_autofree char *back = NULL;
  guint32 julian;

  assert_dmy (2026, 1, 5, "2026-01-05");
  assert_dmy (2024, 2, 29, "2024-02-29");
  assert_dmy (2023, 2, 29, NULL);
  assert_dmy (2026, 13, 1, NULL);
  assert_dmy (2026, 0, 1, NULL);
  assert_dmy (2026, 4, 31, NULL);
  assert_dmy (0, 1, 1, NULL);
  assert_dmy (10000, 1, 1, NULL);
  assert_dmy (-5, 1, 1, NULL);

  when = g_date_time_new_utc (2026, 11, 23, 23, 30, 0);
  from_when = spor_date_from_date_time (when);
  g_assert_cmpstr (from_when, ==, "2026-11-23");

  /* Julian day 1 is 1 January of the year 1, a Monday */
  g_assert_cmpuint (spor_date_to_julian ("0001-01-01"), ==, 1);
  g_assert_cmpuint (spor_date_to_julian ("0001-01-08"), ==, 8);
  g_assert_cmpuint (spor_date_to_julian ("not a date"), ==, 0);
  g_assert_cmpuint (spor_date_to_julian (NULL), ==, 0);
  julian = spor_date_to_julian ("2026-03-01");
  g_assert_cmpuint (julian - spor_date_to_julian ("2026-02-28"), ==, 1);
  g_assert_cmpuint (spor_date_to_julian ("2024-03-01") - spor_date_to_julian ("2024-02-28"), ==, 2);
  back = spor_date_from_julian (julian);
  g_assert_cmpstr (back, ==, "2026-03-01");

  assert_add_days ("2026-01-05", 0, "2026-01-05");
  assert_add_days ("2026-01-05", 6, "2026-01-11");
  assert_add_days ("2026-12-28", 7, "2027-01-04");
  assert_add_days ("2024-02-28", 1, "2024-02-29");
  assert_add_days ("2026-01-05", -5, "2025-12-31");
  assert_add_days ("9999-12-25", 6, "9999-12-31");
  assert_add_days ("9999-12-25", 7, "9999-12-31");
  assert_add_days ("9999-12-25", G_MAXINT, "9999-12-31");
  assert_add_days ("0001-01-03", -2, "0001-01-01");
  assert_add_days ("0001-01-03", -3, "0001-01-01");
  assert_add_days ("0001-01-03", G_MININT, "0001-01-01");
  g_assert_null (spor_date_add_days ("2026-02-30", 1));
  g_assert_null (spor_date_add_days (NULL, 1));

  /* as people count months: the day stays within the month */
  assert_add_months ("2026-01-31", 1, "2026-02-28");
  assert_add_months ("2024-01-31", 1, "2024-02-29");
  assert_add_months ("2026-01-31", 3, "2026-04-30");
  assert_add_months ("2026-03-31", -1, "2026-02-28");
  assert_add_months ("2026-01-15", 0, "2026-01-15");
  assert_add_months ("2026-11-15", 2, "2027-01-15");
  assert_add_months ("2026-01-15", -13, "2024-12-15");
}

/* Copenhagen's clock, on both sides of a change to summer time */
static void
test_copenhagen (void)
{
  GTimeZone *zone = spor_time_zone_copenhagen ();
  GDate winter, summer;
  g_autoptr(GDateTime) before = NULL;
  g_autoptr(GDateTime) after = NULL;
  g_autoptr(GDateTime) midnight = NULL;
  g_autofree char *today = spor_date_today ();
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *expected_today = spor_date_from_date_time (now);

  g_assert_true (zone == spor_time_zone_copenhagen ());
  {
    g_autofree char *given = spor_date_or_today ("2026-01-05");
    g_autofree char *defaulted = spor_date_or_today (NULL);

    g_assert_cmpstr (given, ==, "2026-01-05");
    g_assert_cmpstr (defaulted, ==, today);
  }
  g_assert_true (spor_date_is_valid (today));
  g_assert_cmpstr (today, ==, expected_today);

  /* summer time began on 29 March 2026 */
  spor_date_parse_to ("2026-03-28", &winter);
  spor_date_parse_to ("2026-03-30", &summer);
  before = spor_date_time_local (&winter, "09:00");
  after = spor_date_time_local (&summer, "09:00");
  g_assert_cmpint (g_date_time_get_hour (before), ==, 9);
  g_assert_cmpint (g_date_time_get_hour (after), ==, 9);
  g_assert_cmpint (g_date_time_get_utc_offset (before) / G_TIME_SPAN_HOUR, ==, 1);
  g_assert_cmpint (g_date_time_get_utc_offset (after) / G_TIME_SPAN_HOUR, ==, 2);
  g_assert_cmpint (g_date_time_difference (after, before) / G_TIME_SPAN_HOUR, ==, 47);

  /* a time that is not one counts as midnight */
  midnight = spor_date_time_local (&winter, "25:00");
  g_assert_cmpint (g_date_time_get_hour (midnight), ==, 0);
  g_assert_cmpint (g_date_time_get_minute (midnight), ==, 0);
}

static void
test_timestamps (void)
{
  g_autofree char *a = spor_timestamp_now ();
  g_autofree char *b = spor_timestamp_now ();
  g_autofree char *latest = spor_timestamp_latest_allowed ("2026-11-23T13:00:00.123456Z");
  g_autofree char *latest_now = spor_timestamp_latest_allowed (NULL);

  g_assert_true (spor_timestamp_is_valid (a));
  g_assert_cmpint (strlen (a), ==, 27);
  g_assert_cmpint (spor_timestamp_compare (a, b), <, 0);
  g_assert_cmpstr (latest, ==, "2026-11-24T13:00:00Z");
  g_assert_cmpint (spor_timestamp_compare (latest_now, a), >, 0);

  g_assert_true (spor_timestamp_is_valid ("2026-11-23T13:00:00Z"));
  g_assert_true (spor_timestamp_is_valid ("2026-11-23T13:00:00.5Z"));
  g_assert_true (spor_timestamp_is_valid ("2026-11-23T23:59:59.123456789Z"));
  g_assert_false (spor_timestamp_is_valid ("2026-11-23T13:00:00.1234567890Z"));
  g_assert_false (spor_timestamp_is_valid ("2026-11-23T13:00:00.Z"));
  g_assert_false (spor_timestamp_is_valid ("2026-11-23T13:00:00"));
  g_assert_false (spor_timestamp_is_valid ("2026-11-23 13:00:00Z"));
  g_assert_false (spor_timestamp_is_valid ("2026-11-23T24:00:00Z"));
  g_assert_false (spor_timestamp_is_valid ("2026-11-23T13:60:00Z"));
  g_assert_false (spor_timestamp_is_valid ("2026-02-30T13:00:00Z"));
  g_assert_false (spor_timestamp_is_valid ("0000-01-01T00:00:00Z"));
  g_assert_false (spor_timestamp_is_valid ("2026-11-23T13:00:0xZ"));
  g_assert_false (spor_timestamp_is_valid (NULL));

  g_assert_cmpint (spor_timestamp_compare ("2026-11-23T13:00:00.5Z", "2026-11-23T13:00:00.500000Z"), ==, 0);
  g_assert_cmpint (spor_timestamp_compare ("2026-11-23T13:00:00Z", "2026-11-23T13:00:00.000001Z"), <, 0);
  g_assert_cmpint (spor_timestamp_compare ("2026-11-23T13:00:00.9Z", "2026-11-23T13:00:00.10Z"), >, 0);
  g_assert_cmpint (spor_timestamp_compare ("2026-11-24T00:00:00Z", "2026-11-23T23:59:59.9Z"), >, 0);
}

static void
assert_typed (char *(*parse) (const char *), const char *typed, const char *expected)
{
  g_autofree char *result = parse (typed);

  if (g_strcmp0 (result, expected) != 0)
    g_error ("“%s” read as %s, not %s", typed, result ? result : "nothing", expected ? expected : "nothing");
}

/* What people type, in the C locale of the tests */
static void
test_typed (void)
{
  g_autofree char *shown = spor_date_format_locale ("2026-01-15");
  g_autoptr(GDateTime) noon = spor_date_to_noon ("2026-07-01");

  g_assert_cmpstr (shown, ==, "01/15/26");
  g_assert_null (spor_date_format_locale ("2026-02-30"));
  g_assert_null (spor_date_format_locale (NULL));
  g_assert_cmpint (g_date_time_get_hour (noon), ==, 12);
  g_assert_cmpint (g_date_time_get_day_of_month (noon), ==, 1);
  g_assert_null (spor_date_to_noon ("2026-7-1"));

  assert_typed (spor_date_parse_locale, "2026-01-15", "2026-01-15");
  assert_typed (spor_date_parse_locale, "  2026-1-5 ", "2026-01-05");
  assert_typed (spor_date_parse_locale, "2026-02-30", NULL);
  assert_typed (spor_date_parse_locale, "1/15/2026", "2026-01-15");
  assert_typed (spor_date_parse_locale, "", NULL);
  assert_typed (spor_date_parse_locale, "   ", NULL);
  assert_typed (spor_date_parse_locale, "soon", NULL);
  assert_typed (spor_date_parse_locale, NULL, NULL);

  /* day first, whatever the locale: as the participant form has always read them */
  assert_typed (spor_date_parse_dmy, "24.12.2001", "2001-12-24");
  assert_typed (spor_date_parse_dmy, "1-2-2001", "2001-02-01");
  assert_typed (spor_date_parse_dmy, "01/02/2001", "2001-02-01");
  assert_typed (spor_date_parse_dmy, " 29.02.2024 ", "2024-02-29");
  assert_typed (spor_date_parse_dmy, "29.02.2023", NULL);
  assert_typed (spor_date_parse_dmy, "24.12-2001", NULL);
  assert_typed (spor_date_parse_dmy, "24,12,2001", NULL);
  assert_typed (spor_date_parse_dmy, "24.12.01", NULL);
  assert_typed (spor_date_parse_dmy, "24.12.20011", NULL);
  assert_typed (spor_date_parse_dmy, "124.12.2001", NULL);
  /* a number has at most its digits, also when the leading ones are noughts */
  assert_typed (spor_date_parse_dmy, "024.12.2001", NULL);
  assert_typed (spor_date_parse_dmy, "24.012.2001", NULL);
  assert_typed (spor_date_parse_dmy, "24.12.02001", NULL);
  assert_typed (spor_date_parse_dmy, "24.12.2001x", NULL);
  assert_typed (spor_date_parse_dmy, "2001-12-24", NULL);
  assert_typed (spor_date_parse_dmy, "", NULL);
  assert_typed (spor_date_parse_dmy, NULL, NULL);

  assert_typed (spor_time_parse_typed, "9", "09:00");
  assert_typed (spor_time_parse_typed, " 9.30 ", "09:30");
  assert_typed (spor_time_parse_typed, "9:5", "09:05");
  assert_typed (spor_time_parse_typed, "23:59", "23:59");
  assert_typed (spor_time_parse_typed, "00", "00:00");
  assert_typed (spor_time_parse_typed, "24", NULL);
  assert_typed (spor_time_parse_typed, "9:60", NULL);
  assert_typed (spor_time_parse_typed, "9:", NULL);
  assert_typed (spor_time_parse_typed, "9:300", NULL);
  assert_typed (spor_time_parse_typed, "9:030", NULL);
  assert_typed (spor_time_parse_typed, "009", NULL);
  assert_typed (spor_time_parse_typed, "9,30", NULL);
  assert_typed (spor_time_parse_typed, "nine", NULL);
  assert_typed (spor_time_parse_typed, "", NULL);
  assert_typed (spor_time_parse_typed, NULL, NULL);
}

/* Dates shown day first (Danish 01.12.2026) are read back day first, whatever the locale;
 * ISO is read in any pattern. */
static void
test_day_first_pattern (void)
{
  static const struct { const char *typed, *iso; } read[] = {
    { "01.12.2026", "2026-12-01" },
    { " 1.12.2026 ", "2026-12-01" },
    { "01-12-2026", "2026-12-01" },
    { "24/12/2026", "2026-12-24" },
    { "2026-12-01", "2026-12-01" },
    { "12/31/2026", NULL },
    { "31.11.2026", NULL },
    { "01.12.26", NULL },
    { "", NULL },
  };
  g_autofree char *shown = spor_date_format_pattern ("2026-12-01", "%d.%m.%Y");
  g_autofree char *none = spor_date_format_pattern ("2026-02-30", "%d.%m.%Y");

  g_assert_cmpstr (shown, ==, "01.12.2026");
  g_assert_null (none);
  for (guint i = 0; i < G_N_ELEMENTS (read); i++)
    {
      g_autofree char *iso = spor_date_parse_pattern (read[i].typed, "%d.%m.%Y");

      g_assert_cmpstr (iso, ==, read[i].iso);
    }
  /* what is shown is read back as the same day */
  {
    g_autofree char *again = spor_date_parse_pattern (shown, "%d.%m.%Y");

    g_assert_cmpstr (again, ==, "2026-12-01");
  }
}

int
main (int argc, char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/dates/day-first-pattern", test_day_first_pattern);
  g_test_add_func ("/dates/stored-forms", test_stored_forms);
  g_test_add_func ("/dates/counting", test_counting);
  g_test_add_func ("/dates/copenhagen", test_copenhagen);
  g_test_add_func ("/dates/timestamps", test_timestamps);
  g_test_add_func ("/dates/typed", test_typed);
  return g_test_run ();
}
