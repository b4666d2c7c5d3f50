/* bench-timeline.c — frame times of the timeline while it scrolls
 *
 *   bench-timeline --cohort500 FOLDER   a new database in FOLDER with a cohort of 500
 *   bench-timeline --programme DATABASE the largest programme of an existing database
 *
 * Prints "timeline.frame_ms_<name> <median> ms": the time from the start of a frame's layout
 * to the end of its paint, over frames that each scroll to rows not seen before, so every
 * frame reads its rows from the store.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>

#include "spor-programmes.h"
#include "spor-progress.h"
#include "spor-store-private.h"
#include "spor-templates.h"
#include "spor-timeline.h"

#define FRAMES 60

typedef struct {
  GtkAdjustment *vadj;
  GtkAdjustment *hadj;
  GArray        *times;
  gint64         started;
  guint          frame;
  gboolean       done;
} Bench;

static void
on_layout (GdkFrameClock *clock,
           Bench         *bench)
{
  bench->started = g_get_monotonic_time ();
}

static void
on_after_paint (GdkFrameClock *clock,
                Bench         *bench)
{
  double ms;

  if (bench->started == 0)
    return;
  ms = (double) (g_get_monotonic_time () - bench->started) / 1000.0;
  bench->started = 0;
  if (bench->frame > 0)  /* the first frame sets everything up */
    g_array_append_val (bench->times, ms);
  if (++bench->frame > FRAMES)
    {
      bench->done = TRUE;
      return;
    }
  /* a page further down each frame (wrapping), and a little to the right */
  {
    double upper = gtk_adjustment_get_upper (bench->vadj);
    double page = gtk_adjustment_get_page_size (bench->vadj);
    double next = gtk_adjustment_get_value (bench->vadj) + page * 1.7;

    if (next > upper - page)
      next = fmod (next, MAX (upper - page, 1)) + 7;
    gtk_adjustment_set_value (bench->vadj, next);
    gtk_adjustment_set_value (bench->hadj, gtk_adjustment_get_value (bench->hadj) + 3);
  }
}

static int
compare (gconstpointer a,
         gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static void
measure (SporStore  *store,
         gint64      programme_id,
         gint64      cohort_id,
         const char *name)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *timeline = spor_timeline_new ();
  Bench bench = { 0 };
  GdkFrameClock *clock;
  gint64 deadline;

  bench.times = g_array_new (FALSE, FALSE, sizeof (double));
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), timeline);
  gtk_window_set_child (GTK_WINDOW (window), scroller);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  spor_timeline_set_source (SPOR_TIMELINE (timeline), store, programme_id, cohort_id);
  gtk_window_present (GTK_WINDOW (window));
  while (!gtk_widget_get_mapped (timeline))
    g_main_context_iteration (NULL, TRUE);

  bench.vadj = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (timeline));
  bench.hadj = gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (timeline));
  clock = gtk_widget_get_frame_clock (window);
  g_signal_connect (clock, "layout", G_CALLBACK (on_layout), &bench);
  g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), &bench);
  gtk_widget_queue_draw (timeline);

  deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;
  while (!bench.done && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);

  g_signal_handlers_disconnect_by_data (clock, &bench);
  g_array_sort (bench.times, compare);
  if (bench.times->len > 0)
    g_print ("timeline.frame_ms_%s %.2f ms\n", name,
             g_array_index (bench.times, double, bench.times->len / 2));
  g_printerr ("timeline %s: %u rows, %u rows read, %u frames, slowest %.2f ms\n", name,
              spor_timeline_get_n_rows (SPOR_TIMELINE (timeline)),
              spor_timeline_get_n_loaded (SPOR_TIMELINE (timeline)), bench.times->len,
              bench.times->len ? g_array_index (bench.times, double, bench.times->len - 1) : 0);
  gtk_window_destroy (GTK_WINDOW (window));
  g_array_unref (bench.times);
}

static SporStore *
make_cohort500 (const char *folder,
                gint64     *cohort_id)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (folder, "timeline500.db", NULL);
  g_autoptr(SporStore) store = spor_store_open (path, &error);
  g_autoptr(SporProgramme) programme = NULL;
  g_autoptr(SporCohort) cohort = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) start = g_date_time_add_months (now, -3);
  g_autofree char *start_text = g_date_time_format (start, "%Y-%m-%d");

  if (store == NULL)
    g_error ("%s", error->message);
  programme = spor_templates_create_programme (store, "aspiranterne", &error);
  cohort = programme == NULL ? NULL
    : spor_programmes_create_cohort (store, spor_entity_get_id (SPOR_ENTITY (programme)),
                                     "Bench", start_text, 500, &error);
  if (cohort == NULL)
    g_error ("%s", error->message);
  *cohort_id = spor_entity_get_id (SPOR_ENTITY (cohort));

  if (!spor_store_begin (store, &error))
    g_error ("%s", error->message);
  for (guint i = 0; i < 500; i++)
    {
      g_autoptr(SporEntity) p = spor_entity_new (SPOR_TYPE_PARTICIPANT);
      g_autofree char *name = g_strdup_printf ("Benchperson %03u", i);

      spor_entity_set_text (p, "name", name);
      if (!spor_store_insert (store, p, &error) ||
          !spor_progress_enrol (store, spor_entity_get_id (p), *cohort_id, &error) ||
          (i % 3 != 0 && !spor_progress_advance (store, spor_entity_get_id (p), start_text, &error)))
        g_error ("%s", error->message);
    }
  if (!spor_store_commit (store, &error))
    g_error ("%s", error->message);
  return g_steal_pointer (&store);
}

static gint64
largest_programme (SporStore *store)
{
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt = spor_store_prepare (store,
    "SELECT programme_id FROM participants WHERE programme_id IS NOT NULL "
    "GROUP BY programme_id ORDER BY count(*) DESC LIMIT 1", &error);
  gint64 id = 0;

  if (stmt == NULL)
    g_error ("%s", error->message);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return id;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;

  gtk_init ();
  adw_init ();
  if (argc == 3 && g_str_equal (argv[1], "--cohort500"))
    {
      gint64 cohort_id = 0;
      g_autoptr(SporStore) store = make_cohort500 (argv[2], &cohort_id);

      measure (store, 0, cohort_id, "cohort500");
      return 0;
    }
  if (argc == 3 && g_str_equal (argv[1], "--programme"))
    {
      g_autoptr(SporStore) store = spor_store_open (argv[2], &error);
      g_autofree char *name = NULL;

      if (store == NULL)
        g_error ("%s", error->message);
      name = g_strdup_printf ("%" G_GINT64_FORMAT,
                              spor_store_count_all (store, SPOR_TYPE_PARTICIPANT, NULL));
      measure (store, largest_programme (store), 0, name);
      return 0;
    }
  g_printerr ("usage: %s --cohort500 FOLDER | --programme DATABASE\n", argv[0]);
  return 2;
}
