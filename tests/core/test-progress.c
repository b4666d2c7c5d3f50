/* test-progress.c — planned dates, enrolment and the steps of a participant's progress
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "core-test-util.h"
#include "spor-programmes.h"
#include "spor-phase-plan.h"
#include "spor-progress.h"
#include "spor-templates.h"

static void
assert_end (const char      *start,
            int              amount,
            SporDurationUnit unit,
            const char      *expected)
{
  g_autofree char *end = spor_progress_planned_end (start, amount, unit);

  g_assert_cmpstr (end, ==, expected);
}

static void
test_months (void)
{
  struct { const char *from; int n; const char *to; } cases[] = {
    { "2026-01-31", 1, "2026-02-28" },
    { "2028-01-31", 1, "2028-02-29" },   /* leap year */
    { "2028-02-29", 12, "2029-02-28" },
    { "2026-03-31", 1, "2026-04-30" },
    { "2026-08-31", 6, "2027-02-28" },
    { "2026-01-15", 1, "2026-02-15" },
    { "2026-12-31", 2, "2027-02-28" },
    { "2026-05-31", -1, "2026-04-30" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GDate) from = spor_date_parse (cases[i].from);
      g_autoptr(GDate) to = spor_date_add_months (from, cases[i].n);
      g_autofree char *text = spor_date_format_iso (to);

      g_assert_cmpstr (text, ==, cases[i].to);
    }
  g_assert_null (spor_date_parse ("2026-02-30"));
  g_assert_null (spor_date_parse ("gibberish"));
}

static void
test_planned_end (void)
{
  assert_end ("2026-01-05", 1, SPOR_DURATION_MONTHS, "2026-02-04");
  assert_end ("2026-01-31", 1, SPOR_DURATION_MONTHS, "2026-02-27");
  assert_end ("2028-01-31", 1, SPOR_DURATION_MONTHS, "2028-02-28");
  assert_end ("2026-01-05", 2, SPOR_DURATION_WEEKS, "2026-01-18");
  assert_end ("2026-12-28", 1, SPOR_DURATION_WEEKS, "2027-01-03");
  assert_end ("2028-02-28", 2, SPOR_DURATION_DAYS, "2028-02-29");
  assert_end ("2026-01-05", 0, SPOR_DURATION_DAYS, "2026-01-05");
  g_assert_null (spor_progress_planned_end ("2026-13-01", 1, SPOR_DURATION_DAYS));
  g_assert_cmpint (spor_duration_unit_from_string ("months"), ==, SPOR_DURATION_MONTHS);
  g_assert_cmpstr (spor_duration_unit_to_string (SPOR_DURATION_DAYS), ==, "days");
}

/* @n phases planned from @start: each first and last day as "YYYY-MM-DD..YYYY-MM-DD", and
 * the first day after them */
static void
assert_plan (const SporPhasePlan *phases,
             guint                n,
             const char          *start,
             const char * const  *expected,
             const char          *after)
{
  g_autofree guint32 *starts = g_new0 (guint32, n + 1);
  g_autofree guint32 *ends = g_new0 (guint32, n + 1);
  guint32 next = spor_phase_plan_dates (phases, n, spor_date_to_julian (start), starts, ends);
  g_autofree char *next_text = spor_date_from_julian (next);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *from = spor_date_from_julian (starts[i]);
      g_autofree char *to = spor_date_from_julian (ends[i]);
      g_autofree char *range = g_strdup_printf ("%s..%s", from, to);

      g_assert_cmpstr (range, ==, expected[i]);
    }
  g_assert_cmpstr (next_text, ==, after);
}

/* The one plan of enrolment, new cohorts and the sample data */
static void
test_phase_plan (void)
{
  /* Aspiranterne: one month, two months, three months, one after the other */
  static const SporPhasePlan sequential[] = {
    { 1, SPOR_DURATION_MONTHS, FALSE }, { 2, SPOR_DURATION_MONTHS, FALSE },
    { 3, SPOR_DURATION_MONTHS, FALSE },
  };
  static const char * const sequential_dates[] = {
    "2026-01-31..2026-02-27", "2026-02-28..2026-04-27", "2026-04-28..2026-07-27",
  };
  /* a parallel group of 2 and 3 weeks between two sequential phases */
  static const SporPhasePlan group[] = {
    { 1, SPOR_DURATION_WEEKS, FALSE }, { 2, SPOR_DURATION_WEEKS, TRUE },
    { 3, SPOR_DURATION_WEEKS, TRUE }, { 4, SPOR_DURATION_DAYS, FALSE },
  };
  static const char * const group_dates[] = {
    "2026-01-05..2026-01-11", "2026-01-12..2026-01-25", "2026-01-12..2026-02-01",
    "2026-02-02..2026-02-05",
  };
  /* a trailing group: what comes after waits for the longest track */
  static const SporPhasePlan trailing[] = {
    { 10, SPOR_DURATION_DAYS, TRUE }, { 3, SPOR_DURATION_DAYS, TRUE },
  };
  static const char * const trailing_dates[] = { "2026-01-05..2026-01-14", "2026-01-05..2026-01-07" };
  /* no length, and a length below zero, end on their first day */
  static const SporPhasePlan empty[] = {
    { 0, SPOR_DURATION_WEEKS, FALSE }, { -3, SPOR_DURATION_MONTHS, FALSE },
    { 0, SPOR_DURATION_DAYS, TRUE },
  };
  static const char * const empty_dates[] = {
    "2026-01-05..2026-01-05", "2026-01-06..2026-01-06", "2026-01-07..2026-01-07",
  };

  assert_plan (sequential, G_N_ELEMENTS (sequential), "2026-01-31", sequential_dates, "2026-07-28");
  assert_plan (group, G_N_ELEMENTS (group), "2026-01-05", group_dates, "2026-02-06");
  assert_plan (trailing, G_N_ELEMENTS (trailing), "2026-01-05", trailing_dates, "2026-01-15");
  assert_plan (empty, G_N_ELEMENTS (empty), "2026-01-05", empty_dates, "2026-01-08");
  assert_plan (NULL, 0, "2026-01-05", NULL, "2026-01-05");

  g_assert_cmpuint (spor_phase_plan_add (spor_date_to_julian ("2026-01-31"), 1, SPOR_DURATION_MONTHS),
                    ==, spor_date_to_julian ("2026-02-28"));
  g_assert_cmpuint (spor_phase_plan_add (spor_date_to_julian ("2026-01-05"), 2, SPOR_DURATION_WEEKS),
                    ==, spor_date_to_julian ("2026-01-19"));
  g_assert_cmpuint (spor_phase_plan_add (spor_date_to_julian ("2026-01-05"), -1, SPOR_DURATION_DAYS),
                    ==, spor_date_to_julian ("2026-01-05"));
}

typedef struct {
  SporStore *store;
  gint64     programme;
  gint64     cohort;
  gint64     participant;
} Fixture;

static void
fixture_set_up (Fixture      *f,
                gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SporProgramme) programme = NULL;
  g_autoptr(SporCohort) cohort = NULL;

  f->store = test_open_new_store ();
  programme = spor_templates_create_programme (f->store, "aspiranterne", &error);
  g_assert_no_error (error);
  f->programme = spor_entity_get_id (SPOR_ENTITY (programme));
  cohort = spor_programmes_create_cohort (f->store, f->programme, "Hold 1", "2026-01-31", 12, &error);
  g_assert_no_error (error);
  f->cohort = spor_entity_get_id (SPOR_ENTITY (cohort));
  f->participant = test_insert_named (f->store, SPOR_TYPE_PARTICIPANT, "Testa Prøvesen");
}

static void
fixture_tear_down (Fixture      *f,
                   gconstpointer data)
{
  g_assert_finalize_object (f->store);
}

static GPtrArray *
steps (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *list = spor_progress_list_steps (f->store, f->participant, "2026-03-15", &error);

  g_assert_no_error (error);
  return list;
}

#define STEP(list, i) ((SporPhaseStep *) g_ptr_array_index ((list), (i)))

static void
test_enrol (Fixture      *f,
            gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(SporEntity) participant = NULL;
  gint64 rows, audits;

  assert_ok (spor_progress_enrol (f->store, f->participant, f->cohort, &error));
  list = steps (f);
  g_assert_cmpuint (list->len, ==, 6);
  /* 2 weeks, 1 month, 2 months, 3 months, 2 weeks, 3 months from 31 January 2026 */
  g_assert_cmpstr (STEP (list, 0)->planned_start, ==, "2026-01-31");
  g_assert_cmpstr (STEP (list, 0)->planned_end, ==, "2026-02-13");
  g_assert_cmpstr (STEP (list, 1)->planned_start, ==, "2026-02-14");
  g_assert_cmpstr (STEP (list, 1)->planned_end, ==, "2026-03-13");
  g_assert_cmpstr (STEP (list, 2)->planned_start, ==, "2026-03-14");
  g_assert_cmpstr (STEP (list, 2)->planned_end, ==, "2026-05-13");
  g_assert_cmpstr (STEP (list, 3)->planned_start, ==, "2026-05-14");
  g_assert_cmpstr (STEP (list, 3)->planned_end, ==, "2026-08-13");
  g_assert_cmpstr (STEP (list, 5)->planned_end, ==, "2026-11-27");
  for (guint i = 0; i < list->len; i++)
    g_assert_cmpstr (STEP (list, i)->state, ==, "planned");
  /* 15 March: the first two phases should have ended */
  g_assert_true (STEP (list, 0)->overdue);
  g_assert_true (STEP (list, 1)->overdue);
  g_assert_false (STEP (list, 2)->overdue);

  participant = spor_store_get (f->store, SPOR_TYPE_PARTICIPANT, f->participant, &error);
  g_assert_cmpint (spor_entity_get_int (participant, "cohort_id"), ==, f->cohort);
  g_assert_cmpint (spor_entity_get_int (participant, "programme_id"), ==, f->programme);
  g_assert_cmpstr (spor_entity_get_text (participant, "start_date"), ==, "2026-01-31");

  /* idempotent: nothing new, nothing audited */
  rows = test_count_rows (f->store, "phase_progress");
  audits = test_count_rows (f->store, "audit_log");
  assert_ok (spor_progress_enrol (f->store, f->participant, f->cohort, &error));
  g_assert_cmpint (test_count_rows (f->store, "phase_progress"), ==, rows);
  g_assert_cmpint (test_count_rows (f->store, "audit_log"), ==, audits);

  /* a missing cohort changes nothing */
  g_assert_false (spor_progress_enrol (f->store, f->participant, 9999, &error));
  g_assert_error (error, SPOR_STORE_ERROR, SPOR_STORE_ERROR_NOT_FOUND);
  g_assert_cmpint (test_count_rows (f->store, "phase_progress"), ==, rows);
}

static void
test_replan (Fixture      *f,
             gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(SporEntity) phase = NULL;

  assert_ok (spor_progress_enrol (f->store, f->participant, f->cohort, &error));
  assert_ok (spor_progress_advance (f->store, f->participant, "2026-02-02", &error));
  list = steps (f);
  /* the first phase becomes 4 weeks long: the later phases move, the started one keeps its start */
  phase = spor_store_get (f->store, SPOR_TYPE_PHASE, STEP (list, 0)->phase_id, &error);
  spor_entity_set_int (phase, "duration", 4);
  assert_ok (spor_store_update (f->store, phase, &error));
  g_assert_cmpint (spor_progress_replan_cohort (f->store, f->cohort, &error), ==, 1);
  g_clear_pointer (&list, g_ptr_array_unref);
  list = steps (f);
  g_assert_cmpstr (STEP (list, 0)->planned_end, ==, "2026-02-27");
  g_assert_cmpstr (STEP (list, 0)->actual_start, ==, "2026-02-02");
  g_assert_cmpstr (STEP (list, 0)->state, ==, "active");
  g_assert_cmpstr (STEP (list, 1)->planned_start, ==, "2026-02-28");
  g_assert_cmpint (spor_progress_replan_cohort (f->store, 4242, &error), ==, 0);
}

static void
test_enrol_other_programme (Fixture      *f,
                            gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SporProgramme) other = NULL;
  g_autoptr(SporCohort) cohort = NULL;
  g_autoptr(GPtrArray) list = NULL;

  assert_ok (spor_progress_enrol (f->store, f->participant, f->cohort, &error));
  other = spor_templates_create_programme (f->store, "unge-med-kant", &error);
  g_assert_no_error (error);
  cohort = spor_programmes_create_cohort (f->store, spor_entity_get_id (SPOR_ENTITY (other)),
                                          "Kant 1", "2026-03-02", -1, &error);
  g_assert_no_error (error);
  /* parallel tracks run side by side; the last phase starts after the longest (6 months) */
  g_assert_cmpstr (spor_entity_get_text (SPOR_ENTITY (cohort), "end_date"), ==, "2026-10-01");
  assert_ok (spor_progress_enrol (f->store, f->participant,
                                  spor_entity_get_id (SPOR_ENTITY (cohort)), &error));
  list = steps (f);
  g_assert_cmpuint (list->len, ==, 5);
  for (guint i = 0; i < 4; i++)
    {
      g_assert_true (STEP (list, i)->parallel);
      g_assert_cmpstr (STEP (list, i)->planned_start, ==, "2026-03-02");
    }
  g_assert_cmpstr (STEP (list, 0)->planned_end, ==, "2026-05-01");
  g_assert_cmpstr (STEP (list, 1)->planned_end, ==, "2026-09-01");
  g_assert_false (STEP (list, 4)->parallel);
  g_assert_cmpstr (STEP (list, 4)->planned_start, ==, "2026-09-02");
  g_assert_cmpstr (STEP (list, 4)->planned_end, ==, "2026-10-01");

  /* advancing starts all parallel tracks together */
  assert_ok (spor_progress_advance (f->store, f->participant, "2026-03-02", &error));
  g_clear_pointer (&list, g_ptr_array_unref);
  list = steps (f);
  for (guint i = 0; i < 4; i++)
    g_assert_cmpstr (STEP (list, i)->state, ==, "active");
  g_assert_cmpstr (STEP (list, 4)->state, ==, "planned");
}

static void
test_advance (Fixture      *f,
              gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(SporEntity) participant = NULL;

  g_assert_false (spor_progress_advance (f->store, f->participant, "2026-02-02", &error));
  g_assert_error (error, SPOR_STORE_ERROR, SPOR_STORE_ERROR_INVALID);
  g_clear_error (&error);

  assert_ok (spor_progress_enrol (f->store, f->participant, f->cohort, &error));
  assert_ok (spor_progress_advance (f->store, f->participant, "2026-02-02", &error));
  list = steps (f);
  g_assert_cmpstr (STEP (list, 0)->state, ==, "active");
  g_assert_cmpstr (STEP (list, 0)->actual_start, ==, "2026-02-02");
  g_assert_cmpint (spor_progress_current (f->store, f->participant, &error), ==,
                   STEP (list, 0)->progress_id);
  g_clear_pointer (&list, g_ptr_array_unref);

  assert_ok (spor_progress_advance (f->store, f->participant, "2026-02-16", &error));
  list = steps (f);
  g_assert_cmpstr (STEP (list, 0)->state, ==, "done");
  g_assert_cmpstr (STEP (list, 0)->actual_end, ==, "2026-02-16");
  g_assert_false (STEP (list, 0)->overdue);
  g_assert_cmpstr (STEP (list, 1)->state, ==, "active");
  g_assert_cmpstr (STEP (list, 1)->actual_start, ==, "2026-02-16");
  g_clear_pointer (&list, g_ptr_array_unref);

  /* a date before the phase began changes nothing */
  g_assert_false (spor_progress_advance (f->store, f->participant, "2026-02-10", &error));
  g_assert_error (error, SPOR_STORE_ERROR, SPOR_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (spor_progress_advance (f->store, f->participant, "2026-02-31", &error));
  g_assert_error (error, SPOR_STORE_ERROR, SPOR_STORE_ERROR_INVALID);
  g_clear_error (&error);
  list = steps (f);
  g_assert_cmpstr (STEP (list, 1)->state, ==, "active");
  g_assert_null (STEP (list, 1)->actual_end);

  /* skip the current phase: the next starts */
  assert_ok (spor_progress_skip (f->store, STEP (list, 1)->progress_id, "2026-03-01", &error));
  g_clear_pointer (&list, g_ptr_array_unref);
  list = steps (f);
  g_assert_cmpstr (STEP (list, 1)->state, ==, "skipped");
  g_assert_cmpstr (STEP (list, 2)->state, ==, "active");
  g_assert_cmpstr (STEP (list, 2)->actual_start, ==, "2026-03-01");
  /* skip a later planned phase: the current stays */
  assert_ok (spor_progress_skip (f->store, STEP (list, 4)->progress_id, "2026-03-01", &error));
  g_assert_false (spor_progress_skip (f->store, STEP (list, 4)->progress_id, "2026-03-01", &error));
  g_assert_error (error, SPOR_STORE_ERROR, SPOR_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (spor_progress_current (f->store, f->participant, &error), ==,
                   STEP (list, 2)->progress_id);
  g_clear_pointer (&list, g_ptr_array_unref);

  /* advancing past a skipped phase */
  assert_ok (spor_progress_advance (f->store, f->participant, "2026-05-01", &error));
  assert_ok (spor_progress_advance (f->store, f->participant, "2026-08-01", &error));
  list = steps (f);
  g_assert_cmpstr (STEP (list, 3)->state, ==, "done");
  g_assert_cmpstr (STEP (list, 4)->state, ==, "skipped");
  g_assert_cmpstr (STEP (list, 5)->state, ==, "active");
  assert_ok (spor_progress_advance (f->store, f->participant, "2026-11-01", &error));
  g_assert_false (spor_progress_advance (f->store, f->participant, "2026-11-02", &error));
  g_assert_error (error, SPOR_STORE_ERROR, SPOR_STORE_ERROR_INVALID);

  participant = spor_store_get (f->store, SPOR_TYPE_PARTICIPANT, f->participant, NULL);
  g_assert_cmpstr (spor_entity_get_text (participant, "status"), ==, "active");
}

static void
test_hold (Fixture      *f,
           gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(SporEntity) participant = NULL;

  assert_ok (spor_progress_enrol (f->store, f->participant, f->cohort, &error));
  assert_ok (spor_progress_advance (f->store, f->participant, "2026-02-02", &error));
  assert_ok (spor_progress_hold (f->store, f->participant, &error));
  list = steps (f);
  g_assert_cmpstr (STEP (list, 0)->state, ==, "on_hold");
  participant = spor_store_get (f->store, SPOR_TYPE_PARTICIPANT, f->participant, NULL);
  g_assert_cmpstr (spor_entity_get_text (participant, "status"), ==, "on_hold");

  /* on hold: no advancing, no second hold */
  g_assert_false (spor_progress_advance (f->store, f->participant, "2026-02-20", &error));
  g_assert_error (error, SPOR_STORE_ERROR, SPOR_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (spor_progress_hold (f->store, f->participant, &error));
  g_assert_error (error, SPOR_STORE_ERROR, SPOR_STORE_ERROR_INVALID);
  g_clear_error (&error);

  assert_ok (spor_progress_resume (f->store, f->participant, &error));
  g_clear_pointer (&list, g_ptr_array_unref);
  list = steps (f);
  g_assert_cmpstr (STEP (list, 0)->state, ==, "active");
  g_assert_false (spor_progress_resume (f->store, f->participant, &error));
  g_assert_error (error, SPOR_STORE_ERROR, SPOR_STORE_ERROR_INVALID);
}

static void
test_drop_out (Fixture      *f,
               gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(SporEntity) participant = NULL;
  g_autoptr(GPtrArray) audit = NULL;
  gint64 audits;

  assert_ok (spor_progress_enrol (f->store, f->participant, f->cohort, &error));
  assert_ok (spor_progress_advance (f->store, f->participant, "2026-02-02", &error));

  audits = test_count_rows (f->store, "audit_log");
  g_assert_false (spor_progress_drop_out (f->store, f->participant, "   ", "2026-02-10", &error));
  g_assert_error (error, SPOR_STORE_ERROR, SPOR_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (spor_progress_drop_out (f->store, f->participant, "Flyttet", "2025-12-01", &error));
  g_assert_error (error, SPOR_STORE_ERROR, SPOR_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (test_count_rows (f->store, "audit_log"), ==, audits);

  assert_ok (spor_progress_drop_out (f->store, f->participant, "Flyttet til anden kommune",
                                     "2026-02-10", &error));
  participant = spor_store_get (f->store, SPOR_TYPE_PARTICIPANT, f->participant, NULL);
  g_assert_cmpstr (spor_entity_get_text (participant, "status"), ==, "dropped_out");
  g_assert_cmpstr (spor_entity_get_text (participant, "exit_reason"), ==, "Flyttet til anden kommune");
  g_assert_cmpstr (spor_entity_get_text (participant, "end_date"), ==, "2026-02-10");
  list = steps (f);
  g_assert_cmpstr (STEP (list, 0)->state, ==, "skipped");
  g_assert_cmpstr (STEP (list, 0)->actual_end, ==, "2026-02-10");
  /* later planned phases are no longer overdue once the participant has left? they stay
   * planned, but the cohort count leaves dropped-out participants out */
  g_assert_cmpint (spor_progress_count_overdue (f->store, f->cohort, "2026-12-31", &error), ==, 0);

  /* the audit log names fields, never the reason itself */
  audit = spor_store_list_audit (f->store, spor_entity_get_uuid (participant), &error);
  for (guint i = 0; i < audit->len; i++)
    {
      SporAuditEntry *entry = g_ptr_array_index (audit, i);
      g_assert_null (strstr (entry->fields ? entry->fields : "", "Flyttet"));
    }

  g_assert_false (spor_progress_advance (f->store, f->participant, "2026-02-20", &error));
  g_assert_error (error, SPOR_STORE_ERROR, SPOR_STORE_ERROR_INVALID);
}

static void
test_complete (Fixture      *f,
               gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GPtrArray) outcomes = NULL;
  g_autoptr(SporQuery) query = spor_query_new (SPOR_TYPE_OUTCOME);
  g_autoptr(SporEntity) participant = NULL;

  assert_ok (spor_progress_enrol (f->store, f->participant, f->cohort, &error));
  assert_ok (spor_progress_advance (f->store, f->participant, "2026-02-02", &error));

  g_assert_false (spor_progress_complete (f->store, f->participant, "moon", NULL, "2026-08-01", &error));
  g_assert_error (error, SPOR_STORE_ERROR, SPOR_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (test_count_rows (f->store, "outcomes"), ==, 0);

  assert_ok (spor_progress_complete (f->store, f->participant, "education",
                                     "Starter på HF", "2026-08-01", &error));
  participant = spor_store_get (f->store, SPOR_TYPE_PARTICIPANT, f->participant, NULL);
  g_assert_cmpstr (spor_entity_get_text (participant, "status"), ==, "completed");
  g_assert_cmpstr (spor_entity_get_text (participant, "end_date"), ==, "2026-08-01");
  list = steps (f);
  g_assert_cmpstr (STEP (list, 0)->state, ==, "done");
  spor_query_where_int (query, "participant_id", f->participant);
  outcomes = spor_store_list (f->store, query, &error);
  g_assert_cmpuint (outcomes->len, ==, 1);
  g_assert_cmpstr (spor_entity_get_text (g_ptr_array_index (outcomes, 0), "kind"), ==, "plan");
  g_assert_cmpstr (spor_entity_get_text (g_ptr_array_index (outcomes, 0), "destination"), ==, "education");

  g_assert_false (spor_progress_complete (f->store, f->participant, "job", NULL, "2026-08-02", &error));
  g_assert_error (error, SPOR_STORE_ERROR, SPOR_STORE_ERROR_INVALID);
  g_assert_cmpint (test_count_rows (f->store, "outcomes"), ==, 1);
}

static void
test_summary (Fixture      *f,
              gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SporCohortSummary) summary = NULL;
  gint64 second = test_insert_named (f->store, SPOR_TYPE_PARTICIPANT, "Anden Prøveperson");
  gint64 third = test_insert_named (f->store, SPOR_TYPE_PARTICIPANT, "Tredje Prøveperson");
  SporPhaseCount *count;

  assert_ok (spor_progress_enrol (f->store, f->participant, f->cohort, &error));
  assert_ok (spor_progress_enrol (f->store, second, f->cohort, &error));
  assert_ok (spor_progress_enrol (f->store, third, f->cohort, &error));
  assert_ok (spor_progress_advance (f->store, f->participant, "2026-01-31", &error));
  assert_ok (spor_progress_advance (f->store, second, "2026-01-31", &error));
  assert_ok (spor_progress_advance (f->store, second, "2026-02-14", &error));
  assert_ok (spor_progress_drop_out (f->store, third, "Fik job", "2026-02-01", &error));

  /* 20 February: the first is still in phase 1 (planned end 13 February): behind */
  summary = spor_progress_summarise (f->store, 0, f->cohort, "2026-02-20", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (summary->participants, ==, 3);
  g_assert_cmpuint (summary->dropped_out, ==, 1);
  g_assert_cmpuint (summary->behind, ==, 1);
  g_assert_cmpuint (summary->phases->len, ==, 6);
  count = g_ptr_array_index (summary->phases, 0);
  g_assert_cmpuint (count->in_phase, ==, 1);
  g_assert_cmpuint (count->behind, ==, 1);
  g_assert_cmpuint (count->on_time, ==, 0);
  count = g_ptr_array_index (summary->phases, 1);
  g_assert_cmpuint (count->in_phase, ==, 1);
  g_assert_cmpuint (count->on_time, ==, 1);
  g_assert_cmpint (spor_progress_count_overdue (f->store, f->cohort, "2026-02-20", &error), ==, 1);

  g_clear_pointer (&summary, spor_cohort_summary_free);
  summary = spor_progress_summarise (f->store, f->programme, 0, "2026-02-20", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (summary->participants, ==, 3);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/progress/months", test_months);
  g_test_add_func ("/progress/planned-end", test_planned_end);
  g_test_add_func ("/progress/phase-plan", test_phase_plan);
#define ADD(path, fn) g_test_add (path, Fixture, NULL, fixture_set_up, fn, fixture_tear_down)
  ADD ("/progress/enrol", test_enrol);
  ADD ("/progress/enrol-other-programme", test_enrol_other_programme);
  ADD ("/progress/replan", test_replan);
  ADD ("/progress/advance-skip", test_advance);
  ADD ("/progress/hold-resume", test_hold);
  ADD ("/progress/drop-out", test_drop_out);
  ADD ("/progress/complete", test_complete);
  ADD ("/progress/summary", test_summary);
  return g_test_run ();
}
