/* test-dates.c — dates as the widgets show them and read them back
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>

#include "spor-gui.h"

/* A real date shows in the locale's format and reads back as itself; what is not a date
 * shows as it is, and NULL as nothing. */
static void
test_format (void)
{
  static const char * const dates[] = { "2026-11-24", "2024-02-29", "2027-01-01", "1999-12-31" };

  for (guint i = 0; i < G_N_ELEMENTS (dates); i++)
    {
      g_autofree char *shown = spor_gui_format_date (dates[i]);
      g_autofree char *read = spor_gui_parse_date (shown);

      g_assert_cmpstr (shown, !=, dates[i]);
      g_assert_cmpstr (read, ==, dates[i]);
    }
  {
    g_autofree char *none = spor_gui_format_date (NULL);
    g_autofree char *leap = spor_gui_format_date ("2026-02-29");
    g_autofree char *word = spor_gui_format_date ("tirsdag");

    g_assert_cmpstr (none, ==, "");
    g_assert_cmpstr (leap, ==, "2026-02-29");
    g_assert_cmpstr (word, ==, "tirsdag");
  }
}

/* Typed dates: ISO with spaces around, or the locale's form; not a date, an impossible day
 * and nothing at all are NULL. */
static void
test_parse (void)
{
  static const struct { const char *text; const char *iso; } cases[] = {
    { "2026-11-24", "2026-11-24" },
    { "  2026-11-24 ", "2026-11-24" },
    { "11/24/2026", "2026-11-24" },
    { "2026-02-30", NULL },
    { "31-02-skrald", NULL },
    { "", NULL },
    { "   ", NULL },
    { NULL, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *iso = spor_gui_parse_date (cases[i].text);

      g_assert_cmpstr (iso, ==, cases[i].iso);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  /* the tests' environment is C.UTF-8: month/day/year */
  setlocale (LC_ALL, "");

  g_test_add_func ("/dates/format", test_format);
  g_test_add_func ("/dates/parse", test_parse);
  return g_test_run ();
}
