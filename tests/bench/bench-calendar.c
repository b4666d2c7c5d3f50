/* bench-calendar.c — the Calendar's figures on an existing database
 *
 *   bench-calendar DATABASE
 *
 * Prints
 *   calendar.week_query_ms   all occurrences, staffing, attendance counts and problems of the
 *                            busiest week of the database (median of 9 runs)
 *   calendar.week_frame_ms   one frame (layout to paint) of the week grid with 300
 *                            occurrences (median of 40 frames)
 *   calendar.ics_export_ms   the .ics of the programme with the most blocks (median of 5)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>

#include "spor-blocks.h"
#include "spor-ical.h"
#include "spor-store-private.h"
#include "spor-week-grid.h"

#define FRAMES 40

static int
compare (gconstpointer a,
         gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static double
median (GArray *times)
{
  g_array_sort (times, compare);
  return times->len > 0 ? g_array_index (times, double, times->len / 2) : 0;
}

/* The Monday with the most weekly blocks running, over the database's whole span */
static char *
busiest_monday (SporStore *store)
{
  sqlite3 *db = spor_store_get_db (store);
  sqlite3_stmt *stmt;
  char *best = NULL;

  /* Mondays from the first block to the last, counted in SQL */
  sqlite3_prepare_v2 (db,
      "WITH RECURSIVE mondays (d) AS ("
      "  SELECT date (min (period_start), 'weekday 1') FROM blocks"
      "  UNION ALL SELECT date (d, '+7 days') FROM mondays"
      "  WHERE d < (SELECT max (coalesce (period_end, period_start)) FROM blocks)) "
      "SELECT d, (SELECT count (*) FROM blocks b WHERE b.period_start <= date (d, '+6 days') "
      "           AND coalesce (b.period_end, b.period_start) >= d) AS n "
      "FROM mondays ORDER BY n DESC LIMIT 1", -1, &stmt, NULL);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    best = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return best;
}

static void
bench_week_query (SporStore            *store,
                  const char           *monday,
                  const SporWeekFilter *filter,
                  const char           *name)
{
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  guint n = 0, problems = 0;

  for (int i = 0; i < 10; i++)
    {
      g_autoptr(GError) error = NULL;
      gint64 start = g_get_monotonic_time ();
      g_autoptr(SporWeek) week = spor_blocks_query_week (store, monday, filter, &error);
      double ms = (g_get_monotonic_time () - start) / 1000.0;

      if (week == NULL)
        g_error ("%s", error->message);
      if (i > 0)  /* the first run warms the page cache */
        g_array_append_val (times, ms);
      n = week->occurrences->len;
      problems = week->n_problems;
    }
  g_print ("calendar.week_query_ms%s %.2f ms\n", name, median (times));
  g_printerr ("calendar: week of %s%s: %u occurrences, %u with problems\n", monday, name, n, problems);
}

typedef struct {
  GtkWidget *grid;
  GArray    *times;
  gint64     started;
  guint      frame;
  gboolean   done;
} Frames;

static void
on_layout (GdkFrameClock *clock,
           Frames        *f)
{
  f->started = g_get_monotonic_time ();
}

static void
on_after_paint (GdkFrameClock *clock,
                Frames        *f)
{
  double ms;

  if (f->started == 0)
    return;
  ms = (g_get_monotonic_time () - f->started) / 1000.0;
  f->started = 0;
  if (f->frame > 0)
    g_array_append_val (f->times, ms);
  if (++f->frame > FRAMES)
    f->done = TRUE;
}

/* Every frame draws the whole week again */
static gboolean
on_tick (GtkWidget     *widget,
         GdkFrameClock *clock,
         gpointer       data)
{
  gtk_widget_queue_draw (widget);
  return G_SOURCE_CONTINUE;
}

/* 300 occurrences over a week: blocks of 1–3 hours from 07:00, several at once each day */
static SporWeek *
synthetic_week (void)
{
  SporWeek *week = g_new0 (SporWeek, 1);
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Europe/Copenhagen");
  static const char * const colours[] = { "#3584e4", "#2ec27e", "#e66100", "#9141ac" };

  week->monday = g_strdup ("2026-11-23");
  week->occurrences = g_ptr_array_new_with_free_func ((GDestroyNotify) spor_occurrence_free);
  for (guint i = 0; i < 300; i++)
    {
      SporOccurrence *o = g_new0 (SporOccurrence, 1);
      guint day = i % 7, start = 7 + (i / 7) % 11, length = 1 + i % 3;

      o->block_id = i + 1;
      o->title = g_strdup_printf ("Værksted %u", i + 1);
      o->location = g_strdup ("Kulturskolen Rønde");
      o->colour = g_strdup (colours[i % G_N_ELEMENTS (colours)]);
      o->date = g_strdup_printf ("2026-11-%02u", 23 + day);
      o->actual_date = g_strdup (o->date);
      o->start_time = g_strdup_printf ("%02u:00", start);
      o->end_time = g_strdup_printf ("%02u:00", MIN (start + length, 23));
      o->start = g_date_time_new (tz, 2026, 11, 23 + day, start, 0, 0);
      o->end = g_date_time_new (tz, 2026, 11, 23 + day, MIN (start + length, 23), 0, 0);
      o->problems = i % 5 == 0 ? SPOR_PROBLEM_MISSING_ROLE : 0;
      g_ptr_array_add (week->occurrences, o);
    }
  return week;
}

static void
bench_frame (void)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *grid = spor_week_grid_new ();
  g_autoptr(SporWeek) week = synthetic_week ();
  Frames f = { grid, g_array_new (FALSE, FALSE, sizeof (double)) };
  GdkFrameClock *clock;
  gint64 deadline;

  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), grid);
  gtk_window_set_child (GTK_WINDOW (window), scroller);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  spor_week_grid_set_week (SPOR_WEEK_GRID (grid), week, "2026-11-25");
  gtk_window_present (GTK_WINDOW (window));
  while (!gtk_widget_get_mapped (grid))
    g_main_context_iteration (NULL, TRUE);
  clock = gtk_widget_get_frame_clock (window);
  /* The tick callback requests the update phase of every frame: time from there */
  g_signal_connect (clock, "update", G_CALLBACK (on_layout), &f);
  g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), &f);
  gtk_widget_add_tick_callback (grid, on_tick, NULL, NULL);
  gtk_widget_queue_draw (grid);
  deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;
  while (!f.done && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handlers_disconnect_by_data (clock, &f);
  g_print ("calendar.week_frame_ms %.2f ms\n", median (f.times));
  g_printerr ("calendar: %u occurrences drawn, %u frames\n",
              spor_week_grid_get_n_occurrences (SPOR_WEEK_GRID (grid)), f.times->len);
  gtk_window_destroy (GTK_WINDOW (window));
  g_array_unref (f.times);
}

static void
bench_ics (SporStore *store)
{
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  SporIcalSelection selection = { 0 };
  sqlite3_stmt *stmt;
  guint n = 0;
  gsize size = 0;

  sqlite3_prepare_v2 (spor_store_get_db (store),
                      "SELECT programme_id FROM blocks WHERE programme_id IS NOT NULL "
                      "GROUP BY programme_id ORDER BY count (*) DESC LIMIT 1", -1, &stmt, NULL);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    selection.programme_id = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);

  for (int i = 0; i < 6; i++)
    {
      g_autoptr(GError) error = NULL;
      gint64 start = g_get_monotonic_time ();
      g_autofree char *text = spor_ical_export (store, &selection, &n, &error);
      double ms = (g_get_monotonic_time () - start) / 1000.0;

      if (text == NULL)
        g_error ("%s", error->message);
      size = strlen (text);
      if (i > 0)
        g_array_append_val (times, ms);
    }
  g_print ("calendar.ics_export_ms %.2f ms\n", median (times));
  g_printerr ("calendar: programme .ics with %u blocks, %" G_GSIZE_FORMAT " bytes\n", n, size);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SporStore) store = NULL;
  g_autofree char *monday = NULL;

  if (argc != 2)
    {
      g_printerr ("usage: bench-calendar DATABASE\n");
      return 1;
    }
  store = spor_store_open (argv[1], &error);
  if (store == NULL)
    {
      g_printerr ("bench-calendar: %s\n", error->message);
      return 1;
    }
  monday = busiest_monday (store);
  if (monday == NULL)
    {
      g_printerr ("bench-calendar: the database has no blocks\n");
      return 1;
    }
  bench_week_query (store, monday, NULL, "");
  {
    /* The same week as the largest programme's staff see it */
    SporWeekFilter filter = { 0 };
    sqlite3_stmt *stmt;

    sqlite3_prepare_v2 (spor_store_get_db (store),
                        "SELECT programme_id FROM blocks WHERE programme_id IS NOT NULL "
                        "GROUP BY programme_id ORDER BY count (*) DESC LIMIT 1", -1, &stmt, NULL);
    if (sqlite3_step (stmt) == SQLITE_ROW)
      filter.programme_id = sqlite3_column_int64 (stmt, 0);
    sqlite3_finalize (stmt);
    bench_week_query (store, monday, &filter, "_programme");
  }
  bench_ics (store);

  gtk_init ();
  adw_init ();
  bench_frame ();
  return 0;
}
