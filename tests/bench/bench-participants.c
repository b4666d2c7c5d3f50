/* bench-participants.c — figures for the Participants view
 *
 * Usage: bench-participants LARGE.db SMALL.db
 * Prints, one per line (name value unit):
 *   participants.search_ms_median / _p95  a fixed list of realistic queries, from setting the
 *                                         search to the model's items-changed
 *   participants.open_ms / open_ms_small  the view with its first rows drawn (median of 7)
 *   participants.rss_growth_mb            resident memory after scrolling through the whole
 *                                         list minus before
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include <adwaita.h>

#include "spor-participants-view.h"
#include "spor-participants.h"

/* Names, prefixes, Danish letters typed with and without them, phone digits, e-mail. */
static const char * const queries[] = {
  "a", "an", "ann", "anna", "søren", "soren", "soe", "aase", "åse", "æ", "ø", "jens",
  "mette h", "hansen", "nielsen", "pedersen", "mo", "moh", "mohammed", "ali", "fatima",
  "kri", "kristian", "christensen", "bøgh", "bogh", "larsen", "l", "2", "20",
  "4512", "jakob j", "emma", "emil", "ida", "freja", "lærke", "laerke",
  "oliver", "noah", "william", "malthe", "sofie", "clara", "andersen", "jørgen", "jorgen",
  "Thomas", "maj",
};

static gint64 changed_at;

static void
on_items_changed (void)
{
  changed_at = g_get_monotonic_time ();
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return x < y ? -1 : x > y;
}

static double
percentile (GArray *values,
            double  p)
{
  guint index;

  g_array_sort (values, compare_doubles);
  index = (guint) (p * (values->len - 1) + 0.5);
  return g_array_index (values, double, index);
}

static void
bench_search (SporStore *store)
{
  g_autoptr(SporParticipantList) list = spor_participant_list_new (store);
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));

  g_signal_connect (list, "items-changed", G_CALLBACK (on_items_changed), NULL);
  /* One pass to warm SQLite's page cache, as a person's second search would be. */
  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    spor_participant_list_set_search (list, queries[i]);
  for (guint round = 0; round < 3; round++)
    for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
      {
        gint64 start;
        double ms;

        spor_participant_list_set_search (list, NULL);
        start = g_get_monotonic_time ();
        changed_at = 0;
        spor_participant_list_set_search (list, queries[i]);
        ms = (changed_at - start) / 1000.0;
        g_array_append_val (times, ms);
      }
  printf ("participants.search_ms_median %.2f ms\n", percentile (times, 0.5));
  printf ("participants.search_ms_p95 %.2f ms\n", percentile (times, 0.95));
}

#define OPENS 7

static gboolean drawn;

static void
on_after_paint (GdkFrameClock *clock,
                gpointer       data)
{
  drawn = TRUE;
}

/* Opens a window with the view, returns ms until the first frame with rows is painted. */
static double
open_view (SporStore  *store,
           GtkWidget **out_window)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *view;
  gint64 start = g_get_monotonic_time ();
  GdkFrameClock *clock;
  gulong handler;

  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 700);
  view = spor_participants_view_new (store);
  if (g_getenv ("SPOR_BENCH_VERBOSE"))
    fprintf (stderr, "view made in %.1f ms\n", (g_get_monotonic_time () - start) / 1000.0);
  gtk_window_set_child (GTK_WINDOW (window), view);
  gtk_window_present (GTK_WINDOW (window));
  while (!gtk_widget_get_realized (window))
    g_main_context_iteration (NULL, TRUE);
  clock = gtk_widget_get_frame_clock (window);
  drawn = FALSE;
  handler = g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), NULL);
  while (!drawn)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handler_disconnect (clock, handler);
  *out_window = window;
  return (g_get_monotonic_time () - start) / 1000.0;
}

static double
rss_mb (void)
{
  long pages = 0, resident = 0;
  FILE *f = fopen ("/proc/self/statm", "r");

  if (f == NULL)
    return 0;
  if (fscanf (f, "%ld %ld", &pages, &resident) != 2)
    resident = 0;
  fclose (f);
  return resident * (double) sysconf (_SC_PAGESIZE) / (1024.0 * 1024.0);
}

static GtkWidget *
find_scrolled (GtkWidget *root)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;
      if (GTK_IS_SCROLLED_WINDOW (child) && GTK_IS_LIST_VIEW (gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (child))) &&
          gtk_widget_has_css_class (gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (child)), "navigation-sidebar"))
        return child;
      if ((found = find_scrolled (child)) != NULL)
        return found;
    }
  return NULL;
}

static void
bench_scroll (GtkWidget *window)
{
  GtkScrolledWindow *scrolled = GTK_SCROLLED_WINDOW (find_scrolled (window));
  GtkAdjustment *adj = gtk_scrolled_window_get_vadjustment (scrolled);
  double before, after;
  guint steps = 0;

  while (g_main_context_iteration (NULL, FALSE))
    ;
  before = rss_mb ();
  for (;;)
    {
      double value = gtk_adjustment_get_value (adj);
      double page = gtk_adjustment_get_page_size (adj);
      double upper = gtk_adjustment_get_upper (adj);

      if (value + page >= upper)
        break;
      gtk_adjustment_set_value (adj, value + page);
      steps++;
      /* Let the list view lay out and bind the rows now on screen. */
      while (g_main_context_iteration (NULL, FALSE))
        ;
      gtk_widget_measure (GTK_WIDGET (scrolled), GTK_ORIENTATION_VERTICAL, -1, NULL, NULL, NULL, NULL);
      while (g_main_context_iteration (NULL, FALSE))
        ;
    }
  after = rss_mb ();
  if (g_getenv ("SPOR_BENCH_VERBOSE"))
    fprintf (stderr, "scrolled %u pages, %.1f → %.1f MB\n", steps, before, after);
  printf ("participants.rss_growth_mb %.1f MB\n", after - before);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SporStore) large = NULL;
  g_autoptr(SporStore) small = NULL;
  GtkWidget *window = NULL;
  GtkWidget *small_window = NULL;
  g_autoptr(GArray) large_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) small_times = g_array_new (FALSE, FALSE, sizeof (double));
  double open_large, open_small;

  if (argc != 3)
    {
      fprintf (stderr, "usage: %s LARGE.db SMALL.db\n", argv[0]);
      return 2;
    }
  gtk_init ();
  adw_init ();

  large = spor_store_open (argv[1], &error);
  if (large == NULL)
    g_error ("%s", error->message);
  small = spor_store_open (argv[2], &error);
  if (small == NULL)
    g_error ("%s", error->message);

  bench_search (large);

  /* Warm both once (page cache, fonts, CSS), then measure each OPENS times, in turns, and
   * take the median: one opening is a few tens of ms, where the machine's noise shows. */
  open_view (small, &small_window);
  gtk_window_destroy (GTK_WINDOW (small_window));
  open_view (large, &window);
  gtk_window_destroy (GTK_WINDOW (window));
  for (guint i = 0; i < OPENS; i++)
    {
      double ms = open_view (small, &small_window);

      g_array_append_val (small_times, ms);
      gtk_window_destroy (GTK_WINDOW (small_window));
      ms = open_view (large, &window);
      g_array_append_val (large_times, ms);
      if (i + 1 < OPENS)
        gtk_window_destroy (GTK_WINDOW (window));
    }
  open_large = percentile (large_times, 0.5);
  open_small = percentile (small_times, 0.5);
  printf ("participants.open_ms %.1f ms\n", open_large);
  printf ("participants.open_ms_small %.1f ms\n", open_small);
  printf ("participants.open_large_vs_small %.2f ratio\n", open_large / open_small);

  bench_scroll (window);
  gtk_window_destroy (GTK_WINDOW (window));
  return 0;
}
