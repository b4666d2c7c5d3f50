/* test-timeline.c — the timeline widget, the phase stepper and the Programmes view on a
 * known cohort in a temporary database
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>

#include "spor-leave-dialog.h"
#include "spor-phase-step-row.h"
#include "spor-phase-stepper.h"
#include "spor-programmes.h"
#include "spor-programmes-view.h"
#include "spor-progress.h"
#include "spor-templates.h"
#include "spor-timeline.h"
#include "spor-timeline-legend-item.h"
#include "spor-timeline-summary-item.h"
#include "spor-timeline-view.h"

#include "gui-test-util.h"

#define TODAY "2026-02-20"

typedef struct {
  char      *dir;
  SporStore *store;
  gint64     programme;
  gint64     cohort;
  gint64     first;   /* "Aase Testesen": sorted first */
} Fixture;

static gint64
add_participant (SporStore  *store,
                 const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SporEntity) p = spor_entity_new (SPOR_TYPE_PARTICIPANT);

  spor_entity_set_text (p, "name", name);
  g_assert_true (spor_store_insert (store, p, &error));
  g_assert_no_error (error);
  return spor_entity_get_id (p);
}

static void
fixture_setup (Fixture      *f,
               gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr(SporProgramme) programme = NULL;
  g_autoptr(SporCohort) cohort = NULL;
  guint extra = GPOINTER_TO_UINT (data);
  gint64 second;

  f->dir = g_dir_make_tmp ("spor-timeline-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (f->dir, "spor.db", NULL);
  f->store = spor_store_open (path, &error);
  g_assert_no_error (error);
  programme = spor_templates_create_programme (f->store, "aspiranterne", &error);
  g_assert_no_error (error);
  f->programme = spor_entity_get_id (SPOR_ENTITY (programme));
  /* Monday 5 January 2026 */
  cohort = spor_programmes_create_cohort (f->store, f->programme, "Hold 1", "2026-01-05", 12, &error);
  g_assert_no_error (error);
  f->cohort = spor_entity_get_id (SPOR_ENTITY (cohort));

  f->first = add_participant (f->store, "Aase Testesen");
  second = add_participant (f->store, "Bent Prøvesen");
  g_assert_true (spor_progress_enrol (f->store, f->first, f->cohort, &error));
  g_assert_true (spor_progress_enrol (f->store, second, f->cohort, &error));
  /* the first started on time and is still in phase 1, planned to end 18 January: overdue */
  g_assert_true (spor_progress_advance (f->store, f->first, "2026-01-05", &error));
  g_assert_no_error (error);

  for (guint i = 0; i < extra; i++)
    {
      g_autofree char *name = g_strdup_printf ("Testperson %04u", i);
      gint64 id = add_participant (f->store, name);

      g_assert_true (spor_progress_enrol (f->store, id, f->cohort, &error));
    }
}

static void
fixture_teardown (Fixture      *f,
                  gconstpointer data)
{
  g_assert_finalize_object (f->store);
  gui_remove_tree (f->dir);
  g_free (f->dir);
}

static void
run_until_drawn (GtkWidget *widget)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (!gtk_widget_get_mapped (widget) || gtk_widget_get_width (widget) == 0)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, FALSE);
    }
  /* a few more frames */
  for (int i = 0; i < 50; i++)
    g_main_context_iteration (NULL, FALSE);
}

static void
test_bars (Fixture      *f,
           gconstpointer data)
{
  GtkWidget *scroller = gtk_scrolled_window_new ();
  SporTimeline *timeline = SPOR_TIMELINE (spor_timeline_new ());
  GtkWidget *window;
  graphene_rect_t a, b, c, below;
  g_autofree char *bar = NULL;
  g_autofree char *row = NULL;
  g_autofree char *later = NULL;

  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (timeline));
  spor_timeline_set_today (timeline, TODAY);
  spor_timeline_set_zoom (timeline, SPOR_TIMELINE_ZOOM_WEEKS);
  spor_timeline_set_source (timeline, f->store, 0, f->cohort);
  window = gui_window_sized (scroller, 1000, 400);
  run_until_drawn (GTK_WIDGET (timeline));

  g_assert_cmpuint (spor_timeline_get_n_rows (timeline), ==, 2);
  g_assert_cmpint (spor_timeline_get_participant (timeline, 0), ==, f->first);

  /* weeks: 22 px a day; phase 1 is 2 weeks, phase 2 (1 month from 19 January) 31 days */
  g_assert_true (spor_timeline_get_bar_area (timeline, 0, 0, &a));
  g_assert_true (spor_timeline_get_bar_area (timeline, 0, 1, &b));
  g_assert_cmpfloat_with_epsilon (a.size.width, 14 * 22, 0.01);
  g_assert_cmpfloat_with_epsilon (b.size.width, 31 * 22, 0.01);
  g_assert_cmpfloat_with_epsilon (b.origin.x, a.origin.x + a.size.width, 0.01);
  g_assert_true (spor_timeline_get_bar_area (timeline, 1, 0, &below));
  g_assert_cmpfloat_with_epsilon (below.origin.x, a.origin.x, 0.01);
  g_assert_cmpfloat (below.origin.y, >, a.origin.y);
  g_assert_false (spor_timeline_get_bar_area (timeline, 0, 99, &c));

  /* months: the same days at 5 px */
  spor_timeline_set_zoom (timeline, SPOR_TIMELINE_ZOOM_MONTHS);
  g_assert_true (spor_timeline_get_bar_area (timeline, 0, 0, &c));
  g_assert_cmpfloat_with_epsilon (c.size.width, 14 * 5, 0.01);

  /* the whole period fits the chart */
  spor_timeline_set_zoom (timeline, SPOR_TIMELINE_ZOOM_PERIOD);
  g_assert_true (spor_timeline_get_bar_area (timeline, 0, 5, &c));
  g_assert_cmpfloat (c.origin.x + c.size.width, <=, gtk_widget_get_width (GTK_WIDGET (timeline)) + 1);

  /* what a screen reader hears */
  bar = spor_timeline_describe (timeline, 0, 0);
  g_assert_nonnull (strstr (bar, "Rekruttering og screening"));
  g_assert_nonnull (strstr (bar, "in progress"));
  g_assert_nonnull (strstr (bar, "overdue"));
  later = spor_timeline_describe (timeline, 0, 3);
  g_assert_nonnull (strstr (later, "not started"));
  g_assert_null (strstr (later, "overdue"));
  row = spor_timeline_describe (timeline, 1, -1);
  g_assert_nonnull (strstr (row, "Bent Prøvesen"));

  /* each row on screen has an accessible child that describes its phases */
  {
    GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (timeline));
    const char *description;
    guint n = 0;

    g_assert_nonnull (child);
    description = g_object_get_data (G_OBJECT (child), "spor-description");
    g_assert_nonnull (strstr (description, "Aase Testesen"));
    g_assert_nonnull (strstr (description, "Rekruttering og screening"));
    g_assert_nonnull (strstr (description, "Opfølgende mentorsamtaler"));
    for (; child != NULL; child = gtk_widget_get_next_sibling (child))
      n++;
    g_assert_cmpuint (n, ==, 2);
  }

  /* selection follows the keyboard model: a row, then a bar in it */
  spor_timeline_select (timeline, 1, 0);
  g_assert_cmpint (spor_timeline_get_selected (timeline), ==, 1);
  spor_timeline_select (timeline, 99, -1);
  g_assert_cmpint (spor_timeline_get_selected (timeline), ==, 1);

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_virtual (Fixture      *f,
              gconstpointer data)
{
  GtkWidget *scroller = gtk_scrolled_window_new ();
  SporTimeline *timeline = SPOR_TIMELINE (spor_timeline_new ());
  GtkWidget *window;
  GtkAdjustment *vadj;
  guint loaded;

  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (timeline));
  spor_timeline_set_today (timeline, TODAY);
  spor_timeline_set_source (timeline, f->store, f->programme, 0);
  window = gui_window_sized (scroller, 900, 420);
  run_until_drawn (GTK_WIDGET (timeline));

  g_assert_cmpuint (spor_timeline_get_n_rows (timeline), ==, 302);
  /* about ten rows fit: only those have been read */
  loaded = spor_timeline_get_n_loaded (timeline);
  g_assert_cmpuint (loaded, >, 0);
  g_assert_cmpuint (loaded, <=, 16);
  {
    guint n = 0;

    for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (timeline)); child != NULL;
         child = gtk_widget_get_next_sibling (child))
      n++;
    g_assert_cmpuint (n, >, 0);
    g_assert_cmpuint (n, <=, 16);
  }

  /* scrolling to the end reads the rows there, not those in between */
  vadj = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (timeline));
  gtk_adjustment_set_value (vadj, gtk_adjustment_get_upper (vadj));
  for (int i = 0; i < 50; i++)
    g_main_context_iteration (NULL, FALSE);
  g_assert_cmpuint (spor_timeline_get_n_loaded (timeline), <=, loaded + 16);

  /* the same source again (the view shown again) keeps the place and the selection */
  {
    GtkAdjustment *hadj = gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (timeline));
    double v, h;
    gint64 selected;

    spor_timeline_select (timeline, 290, -1);
    gtk_adjustment_set_value (hadj, gtk_adjustment_get_value (hadj) + 120);
    run_until_drawn (GTK_WIDGET (timeline));
    v = gtk_adjustment_get_value (vadj);
    h = gtk_adjustment_get_value (hadj);
    selected = spor_timeline_get_participant (timeline, 290);
    g_assert_cmpfloat (v, >, 0);
    spor_timeline_set_source (timeline, f->store, f->programme, 0);
    run_until_drawn (GTK_WIDGET (timeline));
    g_assert_cmpfloat_with_epsilon (gtk_adjustment_get_value (vadj), v, 0.5);
    g_assert_cmpfloat_with_epsilon (gtk_adjustment_get_value (hadj), h, 0.5);
    g_assert_cmpint (spor_timeline_get_selected (timeline), ==, 290);
    g_assert_cmpint (spor_timeline_get_participant (timeline, 290), ==, selected);

    /* another source starts from the top, nothing selected */
    spor_timeline_set_source (timeline, NULL, 0, 0);
    spor_timeline_set_source (timeline, f->store, f->programme, 0);
    g_assert_cmpint (spor_timeline_get_selected (timeline), ==, -1);
    g_assert_cmpfloat (gtk_adjustment_get_value (vadj), ==, 0);
  }

  gtk_window_destroy (GTK_WINDOW (window));
}

static GtkWidget *
find_entry (GtkWidget *widget)
{
  if (GTK_IS_ENTRY (widget))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_entry (child);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
count_changed (SporPhaseStepper *stepper,
               guint            *count)
{
  (*count)++;
}

static void
test_stepper (Fixture      *f,
              gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  SporPhaseStepper *stepper = SPOR_PHASE_STEPPER (spor_phase_stepper_new ());
  GtkWidget *window = gui_window_sized (GTK_WIDGET (stepper), 500, 600);
  g_autoptr(GPtrArray) steps = NULL;
  g_autoptr(SporEntity) participant = NULL;
  guint changed = 0;

  g_signal_connect (stepper, "changed", G_CALLBACK (count_changed), &changed);
  spor_phase_stepper_set_today (stepper, "2026-01-19");
  spor_phase_stepper_set_participant (stepper, f->store, f->first);
  run_until_drawn (GTK_WIDGET (stepper));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (stepper), "stepper.advance", NULL));
  g_assert_cmpuint (changed, ==, 1);
  steps = spor_progress_list_steps (f->store, f->first, "2026-01-19", &error);
  g_assert_cmpstr (((SporPhaseStep *) g_ptr_array_index (steps, 0))->state, ==, "done");
  g_assert_cmpstr (((SporPhaseStep *) g_ptr_array_index (steps, 0))->actual_end, ==, "2026-01-19");
  g_assert_cmpstr (((SporPhaseStep *) g_ptr_array_index (steps, 1))->state, ==, "active");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (stepper), "stepper.hold", NULL));
  participant = spor_store_get (f->store, SPOR_TYPE_PARTICIPANT, f->first, NULL);
  g_assert_cmpstr (spor_entity_get_text (participant, "status"), ==, "on_hold");
  /* on hold: advancing is not offered */
  gtk_widget_activate_action (GTK_WIDGET (stepper), "stepper.advance", NULL);
  g_assert_cmpuint (changed, ==, 2);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (stepper), "stepper.resume", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (stepper), "stepper.skip", NULL));
  g_clear_pointer (&steps, g_ptr_array_unref);
  steps = spor_progress_list_steps (f->store, f->first, "2026-01-19", &error);
  g_assert_cmpstr (((SporPhaseStep *) g_ptr_array_index (steps, 1))->state, ==, "skipped");
  g_assert_cmpstr (((SporPhaseStep *) g_ptr_array_index (steps, 2))->state, ==, "active");

  /* the date of the change: a bad one changes nothing, a typed one is recorded */
  {
    GtkWidget *entry = find_entry (GTK_WIDGET (stepper));
    guint before = changed;

    g_assert_nonnull (entry);
    gtk_editable_set_text (GTK_EDITABLE (entry), "2026-13-45");
    gtk_widget_activate_action (GTK_WIDGET (stepper), "stepper.advance", NULL);
    g_assert_cmpuint (changed, ==, before);
    gtk_editable_set_text (GTK_EDITABLE (entry), "2026-02-01");
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (stepper), "stepper.advance", NULL));
    g_assert_cmpuint (changed, ==, before + 1);
    g_clear_pointer (&steps, g_ptr_array_unref);
    steps = spor_progress_list_steps (f->store, f->first, "2026-02-01", &error);
    g_assert_cmpstr (((SporPhaseStep *) g_ptr_array_index (steps, 2))->actual_end, ==, "2026-02-01");
    g_assert_cmpstr (((SporPhaseStep *) g_ptr_array_index (steps, 3))->state, ==, "active");
  }

  /* not enrolled: nothing to do */
  spor_phase_stepper_set_participant (stepper, f->store, 0);
  spor_phase_stepper_set_participant (stepper, NULL, 0);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* How many labels under @root say @text and are shown */
static guint
n_shown (GtkWidget  *root,
         const char *text)
{
  g_autoptr(GPtrArray) labels = gui_collect (root, GTK_TYPE_LABEL, g_ptr_array_new ());
  guint n = 0;

  for (guint i = 0; i < labels->len; i++)
    if (g_strcmp0 (gtk_label_get_label (g_ptr_array_index (labels, i)), text) == 0 &&
        gtk_widget_get_visible (g_ptr_array_index (labels, i)))
      n++;
  return n;
}

/* A row per phase: the one in progress on 19 January is overdue (planned to end on the
 * 18th) and says so; the others do not. */
static void
test_stepper_rows (Fixture      *f,
                   gconstpointer data)
{
  SporPhaseStepper *stepper = SPOR_PHASE_STEPPER (spor_phase_stepper_new ());
  GtkWidget *window = gui_window_sized (GTK_WIDGET (stepper), 500, 600);
  g_autoptr(GPtrArray) rows = NULL;

  spor_phase_stepper_set_today (stepper, "2026-01-19");
  spor_phase_stepper_set_participant (stepper, f->store, f->first);
  rows = gui_collect (GTK_WIDGET (stepper), SPOR_TYPE_PHASE_STEP_ROW, g_ptr_array_new ());
  g_assert_cmpuint (rows->len, ==, 6);
  g_assert_cmpstr (adw_preferences_row_get_title (g_ptr_array_index (rows, 0)), ==, "Rekruttering og screening");
  g_assert_true (gtk_widget_has_css_class (g_ptr_array_index (rows, 0), "phase-step-current"));
  g_assert_false (gtk_widget_has_css_class (g_ptr_array_index (rows, 1), "phase-step-current"));
  g_assert_cmpuint (n_shown (g_ptr_array_index (rows, 0), "Overdue"), ==, 1);
  g_assert_cmpuint (n_shown (g_ptr_array_index (rows, 0), "In progress"), ==, 1);
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (g_ptr_array_index (rows, 0)), "Started"));
  g_assert_cmpuint (n_shown (g_ptr_array_index (rows, 1), "Overdue"), ==, 0);
  g_assert_cmpuint (n_shown (g_ptr_array_index (rows, 1), "Not started"), ==, 1);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Dropping out needs a reason: Drop Out is offered only once one is typed (spaces are
 * none), and what is typed is recorded; Complete records the destination chosen. */
static void
test_stepper_leave (Fixture      *f,
                    gconstpointer data)
{
  SporPhaseStepper *stepper = SPOR_PHASE_STEPPER (spor_phase_stepper_new ());
  GtkWidget *window = gui_window_sized (GTK_WIDGET (stepper), 500, 600);
  g_autoptr(SporEntity) participant = NULL;
  g_autoptr(GError) error = NULL;
  AdwMessageDialog *dialog;
  GtkWidget *entry;

  spor_phase_stepper_set_today (stepper, "2026-01-19");
  spor_phase_stepper_set_participant (stepper, f->store, f->first);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (stepper), "stepper.drop-out", NULL));
  gui_iterate ();
  dialog = ADW_MESSAGE_DIALOG (gui_find_toplevel (SPOR_TYPE_LEAVE_DIALOG));
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Drop Out?");
  entry = gui_find_widget (GTK_WIDGET (dialog), GTK_TYPE_ENTRY);
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "confirm"));
  gtk_editable_set_text (GTK_EDITABLE (entry), "   ");
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "confirm"));
  gtk_editable_set_text (GTK_EDITABLE (entry), "Flyttet til Aarhus");
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "confirm"));
  gui_answer_dialog ("Drop Out?", "confirm", "leaves the programme", NULL);
  participant = spor_store_get (f->store, SPOR_TYPE_PARTICIPANT, f->first, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (spor_entity_get_text (participant, "status"), ==, "dropped_out");
  g_assert_cmpstr (spor_entity_get_text (participant, "exit_reason"), ==, "Flyttet til Aarhus");
  g_assert_null (gui_find_toplevel (SPOR_TYPE_LEAVE_DIALOG));
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_views (Fixture      *f,
            gconstpointer data)
{
  GtkWidget *programmes = spor_programmes_view_new (f->store);
  GtkWidget *timeline_view = spor_timeline_view_new (f->store);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *window;
  g_autoptr(GError) error = NULL;

  gtk_widget_set_vexpand (programmes, TRUE);
  gtk_widget_set_vexpand (timeline_view, TRUE);
  gtk_box_append (GTK_BOX (box), programmes);
  gtk_box_append (GTK_BOX (box), timeline_view);
  window = gui_window_sized (box, 1000, 800);
  run_until_drawn (programmes);

  g_assert_cmpint (spor_programmes_view_get_programme (SPOR_PROGRAMMES_VIEW (programmes)), ==, f->programme);
  g_assert_true (gtk_widget_activate_action (programmes, "programmes.new-blank", NULL));
  g_assert_cmpint (spor_store_count_all (f->store, SPOR_TYPE_PROGRAMME, &error), ==, 2);
  g_assert_cmpint (spor_programmes_view_get_programme (SPOR_PROGRAMMES_VIEW (programmes)), !=, f->programme);

  /* the timeline view picked the programme and its started cohort */
  g_assert_cmpuint (spor_timeline_get_n_rows (spor_timeline_view_get_timeline (SPOR_TIMELINE_VIEW (timeline_view))), ==, 2);
  /* a card for the cohort and one per phase; the legend names the phases before its key */
  {
    g_autoptr(GPtrArray) cards = gui_collect (timeline_view, SPOR_TYPE_TIMELINE_SUMMARY_ITEM, g_ptr_array_new ());
    g_autoptr(GPtrArray) items = gui_collect (timeline_view, SPOR_TYPE_TIMELINE_LEGEND_ITEM, g_ptr_array_new ());
    GtkWidget *key = gtk_widget_get_next_sibling (g_ptr_array_index (items, items->len - 1));

    g_assert_cmpuint (cards->len, ==, 1 + 6);
    g_assert_cmpuint (n_shown (g_ptr_array_index (cards, 0), "2 participants"), ==, 1);
    g_assert_cmpuint (items->len, ==, 6);
    g_assert_cmpuint (n_shown (g_ptr_array_index (items, 0), "Rekruttering og screening"), ==, 1);
    g_assert_true (GTK_IS_LABEL (key));
    g_assert_true (g_str_has_prefix (gtk_label_get_label (GTK_LABEL (key)), "Outline: planned"));
    g_assert_null (gtk_widget_get_next_sibling (key));
  }

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  if (!gui_test_init (&argc, &argv))
    return 77;

  g_test_add ("/timeline/bars", Fixture, NULL, fixture_setup, test_bars, fixture_teardown);
  g_test_add ("/timeline/virtual", Fixture, GUINT_TO_POINTER (300), fixture_setup, test_virtual, fixture_teardown);
  g_test_add ("/timeline/stepper", Fixture, NULL, fixture_setup, test_stepper, fixture_teardown);
  g_test_add ("/timeline/stepper-rows", Fixture, NULL, fixture_setup, test_stepper_rows, fixture_teardown);
  g_test_add ("/timeline/stepper-leave", Fixture, NULL, fixture_setup, test_stepper_leave, fixture_teardown);
  g_test_add ("/timeline/views", Fixture, NULL, fixture_setup, test_views, fixture_teardown);
  return g_test_run ();
}
