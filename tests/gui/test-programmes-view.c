/* test-programmes-view.c — the Programmes view's rows and forms: phases, goals, cohorts,
 * enrolment and a new cohort, through the buttons and actions the user has
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "spor-programmes.h"
#include "spor-templates.h"

#include "spor-candidate-row.h"
#include "spor-cohort-row.h"
#include "spor-enrol-dialog.h"
#include "spor-goal-row.h"
#include "spor-phase-row.h"
#include "spor-programmes-view.h"

#include "gui-test-util.h"

typedef struct {
  GuiFixture  base;
  gint64      programme;
  gint64      cohort;
  gint64      asta;
  GtkWidget  *view;
  GtkWidget  *window;
} Fixture;

static void
set_up (Fixture       *f,
        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SporProgramme) programme = NULL;
  g_autoptr(SporCohort) cohort = NULL;

  gui_fixture_set_up (&f->base, data);
  programme = spor_templates_create_programme (f->base.store, "aspiranterne", &error);
  g_assert_no_error (error);
  f->programme = spor_entity_get_id (SPOR_ENTITY (programme));
  cohort = spor_programmes_create_cohort (f->base.store, f->programme, "Hold 1", "2026-01-05", 12, &error);
  g_assert_no_error (error);
  f->cohort = spor_entity_get_id (SPOR_ENTITY (cohort));
  f->asta = gui_add_participant (f->base.store, "Asta Afprøvning", NULL);
  f->view = spor_programmes_view_new (f->base.store);
  f->window = gui_window_with (f->view);
}

static void
tear_down (Fixture       *f,
           gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  gui_fixture_tear_down (&f->base, data);
}

static guint
n_rows (Fixture *f,
        GType    type)
{
  g_autoptr(GPtrArray) rows = gui_collect (f->view, type, g_ptr_array_new ());

  return rows->len;
}

static gint64
count (Fixture *f,
       GType    type,
       const char *field,
       gint64   id)
{
  g_autoptr(SporQuery) query = spor_query_new (type);
  g_autoptr(GError) error = NULL;
  gint64 n;

  spor_query_where_int (query, field, id);
  n = spor_store_count (f->base.store, query, &error);
  g_assert_no_error (error);
  return n;
}

/* A row per phase, goal and cohort; a goal added through the form becomes a row above
 * "Add a Goal" and the form is emptied; Remove on a row removes that goal. */
static void
test_goals (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GPtrArray) goals = NULL;
  GtkWidget *add_goal;

  g_assert_cmpuint (n_rows (f, SPOR_TYPE_PHASE_ROW), ==, 6);
  g_assert_cmpuint (n_rows (f, SPOR_TYPE_GOAL_ROW), ==, 3);
  g_assert_cmpuint (n_rows (f, SPOR_TYPE_COHORT_ROW), ==, 1);
  g_assert_true (gui_subtitle_shows (f->view, "0 of 12 enrolled"));

  gtk_editable_set_text (GTK_EDITABLE (gui_find_entry_row (f->view, "Goal")), "Job efter forløbet");
  g_signal_emit_by_name (gui_find_button (f->view, "_Add Goal"), "clicked");
  gui_iterate ();
  g_assert_cmpint (count (f, SPOR_TYPE_PROGRAMME_GOAL, "programme_id", f->programme), ==, 4);
  g_assert_cmpuint (n_rows (f, SPOR_TYPE_GOAL_ROW), ==, 4);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (gui_find_entry_row (f->view, "Goal"))), ==, "");
  /* the form stays the group's last row */
  add_goal = gtk_widget_get_ancestor (GTK_WIDGET (gui_find_entry_row (f->view, "Goal")), ADW_TYPE_EXPANDER_ROW);
  goals = gui_collect (f->view, SPOR_TYPE_GOAL_ROW, g_ptr_array_new ());
  for (GtkWidget *row = add_goal; row != NULL; row = gtk_widget_get_next_sibling (row))
    g_assert_false (SPOR_IS_GOAL_ROW (row));
  g_assert_cmpstr (adw_preferences_row_get_title (g_ptr_array_index (goals, 3)), ==, "Job efter forløbet");

  g_assert_true (gtk_widget_activate_action (g_ptr_array_index (goals, 0), "programmes.remove-goal", "x",
                                             g_variant_get_int64 (gtk_actionable_get_action_target_value (
                                               GTK_ACTIONABLE (gui_find_widget (g_ptr_array_index (goals, 0),
                                                                                GTK_TYPE_BUTTON))))));
  gui_iterate ();
  g_assert_cmpint (count (f, SPOR_TYPE_PROGRAMME_GOAL, "programme_id", f->programme), ==, 3);
  g_assert_cmpuint (n_rows (f, SPOR_TYPE_GOAL_ROW), ==, 3);
}

/* Moving a phase up renumbers the rows; a phase with a name typed but not saved keeps it
 * when another connection changes a phase, and its Save writes it; an empty name is
 * refused with a message and writes nothing. */
static void
test_phases (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GPtrArray) rows = gui_collect (f->view, SPOR_TYPE_PHASE_ROW, g_ptr_array_new ());
  g_autoptr(SporStore) other = gui_open_store (&f->base);
  g_autoptr(GError) error = NULL;
  g_autoptr(SporEntity) first = NULL;
  SporPhaseRow *third;
  gint64 third_id;

  g_signal_emit_by_name (g_ptr_array_index (rows, 1), "move", -1);
  gui_iterate ();
  g_ptr_array_set_size (rows, 0);
  gui_collect (f->view, SPOR_TYPE_PHASE_ROW, rows);
  g_assert_cmpstr (adw_preferences_row_get_title (g_ptr_array_index (rows, 0)), ==, "1. Storytelling");
  g_assert_cmpstr (adw_preferences_row_get_title (g_ptr_array_index (rows, 1)), ==, "2. Rekruttering og screening");

  third = g_ptr_array_index (rows, 2);
  third_id = spor_entity_get_id (spor_phase_row_get_phase (third));
  gtk_editable_set_text (GTK_EDITABLE (gui_find_entry_row (GTK_WIDGET (third), "Name")), "Iværksætteri");
  g_assert_true (spor_phase_row_get_touched (third));
  first = spor_store_get (other, SPOR_TYPE_PHASE,
                          spor_entity_get_id (spor_phase_row_get_phase (g_ptr_array_index (rows, 0))), &error);
  spor_entity_set_text (first, "name", "Fortælling");
  g_assert_true (spor_store_update (other, first, &error));
  g_assert_no_error (error);
  g_assert_true (spor_store_poll (f->base.store));
  gui_iterate ();
  /* the phases were not built again under the typed name */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (gui_find_entry_row (GTK_WIDGET (third), "Name"))),
                   ==, "Iværksætteri");

  gtk_editable_set_text (GTK_EDITABLE (gui_find_entry_row (GTK_WIDGET (third), "Name")), "  ");
  g_signal_emit_by_name (gui_find_button (GTK_WIDGET (third), "Sa_ve Phase"), "clicked");
  gui_iterate ();
  g_assert_true (gui_toast_shows (f->window, "A phase needs a name."));
  {
    g_autofree char *stored = gui_read_text (&f->base, SPOR_TYPE_PHASE, third_id, "name");

    g_assert_cmpstr (stored, ==, "Kulturelt iværksætterforløb");
  }
  gtk_editable_set_text (GTK_EDITABLE (gui_find_entry_row (GTK_WIDGET (third), "Name")), "Iværksætteri");
  g_signal_emit_by_name (gui_find_button (GTK_WIDGET (third), "Sa_ve Phase"), "clicked");
  gui_iterate ();
  {
    g_autofree char *stored = gui_read_text (&f->base, SPOR_TYPE_PHASE, third_id, "name");

    g_assert_cmpstr (stored, ==, "Iværksætteri");
  }
  /* nothing is touched now: the list is built again, with the change made elsewhere */
  g_ptr_array_set_size (rows, 0);
  gui_collect (f->view, SPOR_TYPE_PHASE_ROW, rows);
  g_assert_cmpstr (adw_preferences_row_get_title (g_ptr_array_index (rows, 0)), ==, "1. Fortælling");
  g_assert_cmpstr (adw_preferences_row_get_title (g_ptr_array_index (rows, 2)), ==, "3. Iværksætteri");
}

static SporEnrolDialog *
open_enrol (Fixture *f)
{
  GtkWidget *row = gui_find_widget (f->view, SPOR_TYPE_COHORT_ROW);

  g_signal_emit_by_name (gui_find_button (row, "_Enrol…"), "clicked");
  gui_iterate ();
  return SPOR_ENROL_DIALOG (gui_find_toplevel (SPOR_TYPE_ENROL_DIALOG));
}

/* Enrol… lists the candidates; Enrol on one enrols them and closes the dialog. */
static void
test_enrol (Fixture       *f,
            gconstpointer  data)
{
  SporEnrolDialog *dialog;

  gui_add_participant (f->base.store, "Bent Bladsen", NULL);
  dialog = open_enrol (f);
  g_assert_nonnull (dialog);
  {
    g_autoptr(GPtrArray) candidates = gui_collect (GTK_WIDGET (dialog), SPOR_TYPE_CANDIDATE_ROW, g_ptr_array_new ());
    g_autoptr(GPtrArray) names = g_ptr_array_new ();

    for (guint i = 0; i < candidates->len; i++)
      g_ptr_array_add (names, (gpointer) adw_preferences_row_get_title (g_ptr_array_index (candidates, i)));
    g_ptr_array_add (names, NULL);
    g_assert_cmpstrv ((const char * const *) names->pdata,
                      ((const char * const[]) { "Asta Afprøvning", "Bent Bladsen", NULL }));
  }
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "enrol.participant", "x", f->asta));
  gui_iterate ();
  g_assert_null (gui_find_toplevel (SPOR_TYPE_ENROL_DIALOG));
  g_assert_cmpint (count (f, SPOR_TYPE_PARTICIPANT, "cohort_id", f->cohort), ==, 1);
  g_assert_true (gui_subtitle_shows (f->view, "1 of 12 enrolled"));
  g_assert_true (gui_toast_shows (f->window, "Participant enrolled"));
}

/* One erased elsewhere while the dialog is open is not enrolled: the reason is shown, the
 * dialog stays, and nothing is written. */
static void
test_enrol_gone (Fixture       *f,
                 gconstpointer  data)
{
  gint64 bent = gui_add_participant (f->base.store, "Bent Bladsen", NULL);
  SporEnrolDialog *dialog = g_object_ref (open_enrol (f));

  gui_erase_participant (f->base.store, bent);
  gui_iterate ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "enrol.participant", "x", bent));
  gui_iterate ();
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  g_assert_true (gui_toast_shows (f->window, "There is no such participant record"));
  g_assert_cmpint (count (f, SPOR_TYPE_PARTICIPANT, "cohort_id", f->cohort), ==, 0);
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_object_unref (dialog);
}

/* A start date that is not a date is refused with a message and marked; nothing is written.
 * A real one starts the cohort, which gets its row, and the form is emptied. */
static void
test_new_cohort (Fixture       *f,
                 gconstpointer  data)
{
  AdwEntryRow *start = gui_find_entry_row (f->view, "Start Date");

  gtk_editable_set_text (GTK_EDITABLE (gui_find_entry_row (f->view, "Cohort Name")), "Hold 2");
  gtk_editable_set_text (GTK_EDITABLE (start), "31-02-skrald");
  g_signal_emit_by_name (gui_find_button (f->view, "Start _Cohort"), "clicked");
  gui_iterate ();
  g_assert_true (gui_toast_shows (f->window, "The start date is not a date."));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (start), "error"));
  g_assert_cmpint (count (f, SPOR_TYPE_COHORT, "programme_id", f->programme), ==, 1);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (start)), ==, "31-02-skrald");

  gtk_editable_set_text (GTK_EDITABLE (start), "2026-08-03");
  g_signal_emit_by_name (gui_find_button (f->view, "Start _Cohort"), "clicked");
  gui_iterate ();
  g_assert_cmpint (count (f, SPOR_TYPE_COHORT, "programme_id", f->programme), ==, 2);
  g_assert_cmpuint (n_rows (f, SPOR_TYPE_COHORT_ROW), ==, 2);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (start)), ==, "");
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (start), "error"));
}

int
main (int   argc,
      char *argv[])
{
  if (!gui_test_init (&argc, &argv))
    return 77;

#define ADD(path, fn) g_test_add (path, Fixture, NULL, set_up, fn, tear_down)
  ADD ("/programmes-view/goals", test_goals);
  ADD ("/programmes-view/phases", test_phases);
  ADD ("/programmes-view/enrol", test_enrol);
  ADD ("/programmes-view/enrol-gone", test_enrol_gone);
  ADD ("/programmes-view/new-cohort", test_new_cohort);
#undef ADD

  return g_test_run ();
}
