/* test-programmes.c — programmes from templates and blank, phases, goals, cohorts, timeline rows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "core-test-util.h"
#include "spor-programmes.h"
#include "spor-progress.h"
#include "spor-templates.h"

static gint64
id_of (gpointer entity)
{
  return spor_entity_get_id (SPOR_ENTITY (entity));
}

static void
assert_names (GPtrArray         *phases,
              const char * const *names)
{
  g_assert_cmpuint (phases->len, ==, g_strv_length ((char **) names));
  for (guint i = 0; i < phases->len; i++)
    {
      g_assert_cmpstr (spor_entity_get_text (g_ptr_array_index (phases, i), "name"), ==, names[i]);
      g_assert_cmpint (spor_entity_get_int (g_ptr_array_index (phases, i), "position"), ==, i);
    }
}

static void
test_templates (void)
{
  g_autoptr(SporStore) store = test_open_new_store ();
  g_autoptr(GError) error = NULL;
  struct { const char *key; guint n; const char *first; int duration; const char *unit; } seeds[] = {
    { "aspiranterne", 6, "Rekruttering og screening", 2, "weeks" },
    { "sy-og-design", 4, "Visitation og opstartsaftaler", 4, "weeks" },
    { "digitale-ressourcebank", 4, "Screening og kontakt", 2, "weeks" },
    { "unge-med-kant", 5, "Afklaring", 2, "months" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (seeds); i++)
    {
      g_autoptr(SporProgramme) programme =
        spor_templates_create_programme (store, seeds[i].key, &error);
      g_autoptr(GPtrArray) phases = NULL;
      SporEntity *first;

      g_assert_no_error (error);
      phases = spor_programmes_list_phases (store, id_of (programme), &error);
      g_assert_no_error (error);
      g_assert_cmpuint (phases->len, ==, seeds[i].n);
      first = g_ptr_array_index (phases, 0);
      g_assert_cmpstr (spor_entity_get_text (first, "name"), ==, seeds[i].first);
      g_assert_cmpint (spor_entity_get_int (first, "duration"), ==, seeds[i].duration);
      g_assert_cmpstr (spor_entity_get_text (first, "duration_unit"), ==, seeds[i].unit);
    }

  /* Aspiranterne: 1 month storytelling, 2 months entrepreneurship, 3 months practical learning */
  {
    g_autoptr(SporProgramme) programme =
      spor_templates_create_programme (store, "aspiranterne", &error);
    g_autoptr(GPtrArray) phases = spor_programmes_list_phases (store, id_of (programme), &error);
    int months[] = { 1, 2, 3 };

    for (guint i = 0; i < 3; i++)
      {
        g_assert_cmpint (spor_entity_get_int (g_ptr_array_index (phases, i + 1), "duration"), ==, months[i]);
        g_assert_cmpstr (spor_entity_get_text (g_ptr_array_index (phases, i + 1), "duration_unit"), ==, "months");
      }
  }
  g_assert_null (spor_templates_create_programme (store, "no-such-template", &error));
  g_assert_nonnull (error);
}

static void
test_phases (void)
{
  g_autoptr(SporStore) store = test_open_new_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(SporProgramme) programme = NULL;
  g_autoptr(SporPhase) a = NULL, b = NULL, c = NULL;
  g_autoptr(GPtrArray) phases = NULL;
  const char *abc[] = { "Intake", "Workshop", "Internship", NULL };
  const char *cab[] = { "Internship", "Intake", "Workshop", NULL };
  const char *ca[] = { "Internship", "Intake", NULL };
  gint64 audits;

  g_assert_null (spor_programmes_create_blank (store, "  ", &error));
  g_assert_error (error, SPOR_STORE_ERROR, SPOR_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (test_count_rows (store, "programmes"), ==, 0);

  programme = spor_programmes_create_blank (store, "Test programme", &error);
  g_assert_no_error (error);
  a = spor_programmes_add_phase (store, id_of (programme), "Intake", 2, "weeks", "sequential", &error);
  b = spor_programmes_add_phase (store, id_of (programme), "Workshop", 3, "months", "sequential", &error);
  c = spor_programmes_add_phase (store, id_of (programme), "Internship", 6, "weeks", "parallel", &error);
  g_assert_no_error (error);
  phases = spor_programmes_list_phases (store, id_of (programme), &error);
  assert_names (phases, abc);
  g_clear_pointer (&phases, g_ptr_array_unref);

  g_assert_null (spor_programmes_add_phase (store, id_of (programme), "", 1, "weeks", NULL, &error));
  g_assert_error (error, SPOR_STORE_ERROR, SPOR_STORE_ERROR_INVALID);
  g_clear_error (&error);
  audits = test_count_rows (store, "audit_log");
  g_assert_null (spor_programmes_add_phase (store, id_of (programme), "Too long", 5000, "weeks", NULL, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_cmpint (test_count_rows (store, "phases"), ==, 3);
  g_assert_cmpint (test_count_rows (store, "audit_log"), ==, audits);

  assert_ok (spor_programmes_move_phase (store, id_of (c), 0, &error));
  phases = spor_programmes_list_phases (store, id_of (programme), &error);
  assert_names (phases, cab);
  g_clear_pointer (&phases, g_ptr_array_unref);
  assert_ok (spor_programmes_move_phase (store, id_of (c), 99, &error));
  assert_ok (spor_programmes_move_phase (store, id_of (c), 0, &error));

  assert_ok (spor_programmes_remove_phase (store, id_of (b), &error));
  phases = spor_programmes_list_phases (store, id_of (programme), &error);
  assert_names (phases, ca);
}

static void
test_goals (void)
{
  g_autoptr(SporStore) store = test_open_new_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(SporProgramme) programme = spor_programmes_create_blank (store, "Goals", &error);
  g_autoptr(SporProgrammeGoal) employment = NULL, education = NULL, open = NULL;
  g_autoptr(GPtrArray) goals = NULL;
  g_autofree char *t1 = NULL, *t2 = NULL, *t3 = NULL;

  employment = spor_programmes_add_goal (store, id_of (programme), "employment", "Into employment",
                                         2, 3, 10, &error);
  g_assert_no_error (error);
  education = spor_programmes_add_goal (store, id_of (programme), "education", "Started education",
                                        2, 2, 12, &error);
  open = spor_programmes_add_goal (store, id_of (programme), "other", "Exam passed", -1, -1, 30, &error);
  g_assert_no_error (error);
  t1 = spor_programme_goal_format_target (employment);
  t2 = spor_programme_goal_format_target (education);
  t3 = spor_programme_goal_format_target (open);
  g_assert_cmpstr (t1, ==, "2–3 of 10");
  g_assert_cmpstr (t2, ==, "2 of 12");
  g_assert_cmpstr (t3, ==, "of 30");

  /* bad numbers change nothing */
  g_assert_null (spor_programmes_add_goal (store, id_of (programme), "job", "Jobs", 3, 2, 10, &error));
  g_assert_error (error, SPOR_STORE_ERROR, SPOR_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (spor_programmes_add_goal (store, id_of (programme), "employment", "Jobs", 2, 11, 10, &error));
  g_assert_error (error, SPOR_STORE_ERROR, SPOR_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (spor_programmes_add_goal (store, id_of (programme), "employment", " ", 1, 1, 10, &error));
  g_assert_error (error, SPOR_STORE_ERROR, SPOR_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (test_count_rows (store, "programme_goals"), ==, 3);

  assert_ok (spor_programmes_remove_goal (store, id_of (employment), &error));
  goals = spor_programmes_list_goals (store, id_of (programme), &error);
  g_assert_cmpuint (goals->len, ==, 2);
  g_assert_cmpstr (spor_entity_get_text (g_ptr_array_index (goals, 0), "label"), ==, "Started education");
  g_assert_cmpint (spor_entity_get_int (g_ptr_array_index (goals, 0), "position"), ==, 0);
}

static void
test_cohorts (void)
{
  g_autoptr(SporStore) store = test_open_new_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(SporProgramme) programme =
    spor_templates_create_programme (store, "sy-og-design", &error);
  g_autoptr(SporCohort) cohort = NULL;
  g_autoptr(SporCohort) later = NULL;
  g_autoptr(GPtrArray) cohorts = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(SporProgressRow) row = NULL;
  g_autofree char *first = NULL, *last = NULL;
  g_autoptr(SporEntity) p = spor_entity_new (SPOR_TYPE_PARTICIPANT);
  g_autoptr(SporEntity) q = spor_entity_new (SPOR_TYPE_PARTICIPANT);

  g_assert_null (spor_programmes_create_cohort (store, id_of (programme), "Forår", "2026-02-30", 10, &error));
  g_assert_error (error, SPOR_STORE_ERROR, SPOR_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (spor_programmes_create_cohort (store, id_of (programme), "", "2026-02-02", 10, &error));
  g_assert_error (error, SPOR_STORE_ERROR, SPOR_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (test_count_rows (store, "cohorts"), ==, 0);

  /* 4 weeks + 4 months + 3 months + 2 months from Monday 2 February 2026 */
  cohort = spor_programmes_create_cohort (store, id_of (programme), "Forår 2026", "2026-02-02", 10, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (spor_entity_get_text (SPOR_ENTITY (cohort), "end_date"), ==, "2026-12-01");
  g_assert_cmpint (spor_entity_get_int (SPOR_ENTITY (cohort), "capacity"), ==, 10);
  later = spor_programmes_create_cohort (store, id_of (programme), "Efterår 2026", "2026-08-03", -1, &error);
  g_assert_no_error (error);
  cohorts = spor_programmes_list_cohorts (store, id_of (programme), &error);
  g_assert_cmpuint (cohorts->len, ==, 2);
  g_assert_cmpint (id_of (g_ptr_array_index (cohorts, 0)), ==, id_of (later));

  spor_entity_set_text (p, "name", "Bodil Prøve");
  spor_entity_set_text (q, "name", "Aksel Prøve");
  assert_ok (spor_store_insert (store, p, &error));
  assert_ok (spor_store_insert (store, q, &error));
  g_assert_cmpint (spor_programmes_count_enrolled (store, id_of (cohort), &error), ==, 0);
  assert_ok (spor_progress_enrol (store, id_of (p), id_of (cohort), &error));
  assert_ok (spor_progress_enrol (store, id_of (q), id_of (cohort), &error));
  g_assert_cmpint (spor_programmes_count_enrolled (store, id_of (cohort), &error), ==, 2);
  {
    g_autoptr(GPtrArray) phases = spor_programmes_list_phases (store, id_of (programme), &error);
    g_autoptr(SporPhase) extra = spor_programmes_add_phase (store, id_of (programme), "Extra", 1,
                                                            "weeks", NULL, &error);

    g_assert_cmpint (spor_programmes_count_phase_progress (store, id_of (g_ptr_array_index (phases, 0)), &error), ==, 2);
    g_assert_cmpint (spor_programmes_count_phase_progress (store, id_of (extra), &error), ==, 0);
    /* enrolling again brings the new phase in; removing a phase takes its rows along */
    assert_ok (spor_progress_enrol (store, id_of (p), id_of (cohort), &error));
    g_assert_cmpint (spor_programmes_count_phase_progress (store, id_of (extra), &error), ==, 1);
    assert_ok (spor_programmes_remove_phase (store, id_of (extra), &error));
    g_assert_cmpint (test_count_rows (store, "phase_progress"), ==, 8);
  }

  /* timeline rows: ids by name, one row with its bars */
  ids = spor_progress_rows_list_ids (store, 0, id_of (cohort), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ids->len, ==, 2);
  g_assert_cmpint (g_array_index (ids, gint64, 0), ==, id_of (q));
  g_clear_pointer (&ids, g_array_unref);
  ids = spor_progress_rows_list_ids (store, id_of (programme), 0, &error);
  g_assert_cmpuint (ids->len, ==, 2);

  row = spor_progress_rows_get (store, id_of (p), "2026-03-15", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (row->name, ==, "Bodil Prøve");
  g_assert_cmpuint (row->bars->len, ==, 4);
  g_assert_cmpstr (((SporProgressBar *) g_ptr_array_index (row->bars, 0))->planned_end, ==, "2026-03-01");
  g_assert_true (((SporProgressBar *) g_ptr_array_index (row->bars, 0))->overdue);
  g_assert_null (row->exit_date);
  g_assert_null (spor_progress_rows_get (store, 424242, NULL, &error));
  g_assert_error (error, SPOR_STORE_ERROR, SPOR_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  assert_ok (spor_progress_rows_get_range (store, 0, id_of (cohort), &first, &last, &error));
  g_assert_cmpstr (first, ==, "2026-02-02");
  g_assert_cmpstr (last, ==, "2026-12-01");
  g_clear_pointer (&first, g_free);
  g_clear_pointer (&last, g_free);
  assert_ok (spor_progress_rows_get_range (store, id_of (programme), 0, &first, &last, &error));
  g_assert_cmpstr (first, ==, "2026-02-02");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/programmes/templates", test_templates);
  g_test_add_func ("/programmes/phases", test_phases);
  g_test_add_func ("/programmes/goals", test_goals);
  g_test_add_func ("/programmes/cohorts", test_cohorts);
  return g_test_run ();
}
