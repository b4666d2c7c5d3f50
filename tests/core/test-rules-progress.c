/* test-rules-progress.c — phases and progress at their edges: parallel tracks (the longest
 * decides), a phase of no length, a phase's last planned day, enrolment on the cohort's
 * first day, skipped and finished phases, hold, leaving before a phase began, the messages
 * of every refusal, goals at their limits, and what a refused step leaves behind
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "rules-test-util.h"
#include "spor-programmes.h"
#include "spor-progress.h"
#include "spor-util.h"

#define STEP(list, i) ((SporPhaseStep *) g_ptr_array_index ((list), (i)))

static GPtrArray *
steps_on (SporStore  *store,
          gint64      participant,
          const char *today)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *list = spor_progress_list_steps (store, participant, today, &error);

  g_assert_no_error (error);
  g_assert_nonnull (list);
  return list;
}

/* Two parallel tracks (4 weeks and, last, 1 week), then a month, a phase of no length and
 * two days, all sequential. */
static gint64
add_parallel_programme (SporStore *store)
{
  gint64 prog = rules_add_programme (store, "Unge med Kant, prøve", -1, -1);

  rules_add_phase (store, prog, "Åbne værksteder", 4, "weeks", "parallel");
  rules_add_phase (store, prog, "Afklaring", 1, "weeks", "parallel");
  rules_add_phase (store, prog, "Praktik", 1, "months", "sequential");
  rules_add_phase (store, prog, "Milepæl", 0, "days", "sequential");
  rules_add_phase (store, prog, "Evaluering", 2, "days", "sequential");
  return prog;
}

/* Three sequential phases: 2 weeks, 1 month, 1 month. */
static gint64
add_sequential_programme (SporStore *store)
{
  gint64 prog = rules_add_programme (store, "Aspiranterne, prøve", -1, -1);

  rules_add_phase (store, prog, "Screening", 2, "weeks", "sequential");
  rules_add_phase (store, prog, "Storytelling", 1, "months", "sequential");
  rules_add_phase (store, prog, "Iværksætteri", 1, "months", "sequential");
  return prog;
}

static gint64
enrolled (SporStore  *store,
          gint64      cohort,
          const char *name)
{
  g_autoptr(GError) error = NULL;
  gint64 id = rules_add_participant (store, name, "intake");

  assert_ok (spor_progress_enrol (store, id, cohort, &error));
  return id;
}

static void
assert_plan (GPtrArray  *list,
             guint       i,
             const char *start,
             const char *end)
{
  g_test_message ("phase %u", i);
  g_assert_cmpstr (STEP (list, i)->planned_start, ==, start);
  g_assert_cmpstr (STEP (list, i)->planned_end, ==, end);
}

static void
test_parallel_plan (void)
{
  g_autoptr(SporStore) store = test_open_new_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(SporCohort) cohort = NULL;
  gint64 prog = add_parallel_programme (store);

  cohort = spor_programmes_create_cohort (store, prog, "Hold 1", "2026-01-31", -1, &error);
  g_assert_no_error (error);
  list = steps_on (store, enrolled (store, spor_entity_get_id (SPOR_ENTITY (cohort)), "Testa Testesen"),
                   "2026-01-31");
  g_assert_cmpuint (list->len, ==, 5);
  assert_plan (list, 0, "2026-01-31", "2026-02-27");
  assert_plan (list, 1, "2026-01-31", "2026-02-06");
  /* the longest track decides when the next phase starts, not the last one */
  assert_plan (list, 2, "2026-02-28", "2026-03-27");
  /* a phase of no length is its one day; the next starts the day after */
  assert_plan (list, 3, "2026-03-28", "2026-03-28");
  assert_plan (list, 4, "2026-03-29", "2026-03-30");
  g_assert_true (STEP (list, 0)->parallel);
  g_assert_false (STEP (list, 2)->parallel);
  /* the cohort ends with the last planned day */
  g_assert_cmpstr (spor_entity_get_text (SPOR_ENTITY (cohort), "end_date"), ==, "2026-03-30");
}

/* A programme that ends with parallel tracks: its cohort ends with the longest of them,
 * not with the one listed last. */
static void
test_cohort_ends_with_longest_track (void)
{
  g_autoptr(SporStore) store = test_open_new_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(SporCohort) cohort = NULL;
  g_autofree char *stored_end = NULL;
  gint64 prog = rules_add_programme (store, "Kreativt værksted, prøve", -1, -1);

  rules_add_phase (store, prog, "Screening", 1, "weeks", "sequential");
  rules_add_phase (store, prog, "Værksted", 3, "weeks", "parallel");
  rules_add_phase (store, prog, "Afklaring", 1, "weeks", "parallel");
  cohort = spor_programmes_create_cohort (store, prog, "Hold forår", "2026-03-02", -1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (spor_entity_get_text (SPOR_ENTITY (cohort), "end_date"), ==, "2026-03-29");
  stored_end = rules_get_text (store, SPOR_TYPE_COHORT, spor_entity_get_id (SPOR_ENTITY (cohort)),
                               "end_date");
  g_assert_cmpstr (stored_end, ==, "2026-03-29");
}

/* A month from the last days of a month: to the same day of the next month, or the last
 * day it has. */
static void
test_month_ends (void)
{
  static const char *cases[][3] = {
    { "2026-01-31", "2026-02-27", "2026-02-28" }, { "2028-01-31", "2028-02-28", "2028-02-29" },
    { "2026-01-30", "2026-02-27", "2026-02-28" }, { "2026-01-28", "2026-02-27", "2026-02-28" },
    { "2026-01-27", "2026-02-26", "2026-02-27" }, { "2026-03-31", "2026-04-29", "2026-04-30" },
    { "2026-12-31", "2027-01-30", "2027-01-31" }, { "2026-02-28", "2026-03-27", "2026-03-28" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *end = spor_progress_planned_end (cases[i][0], 1, SPOR_DURATION_MONTHS);
      g_autoptr(SporStore) store = test_open_new_store ();
      gint64 prog = rules_add_programme (store, "Måned", -1, -1);
      g_autoptr(GPtrArray) list = NULL;

      g_test_message ("%s", cases[i][0]);
      g_assert_cmpstr (end, ==, cases[i][1]);
      rules_add_phase (store, prog, "En måned", 1, "months", "sequential");
      rules_add_phase (store, prog, "Dagen efter", 1, "days", "sequential");
      list = steps_on (store, enrolled (store, rules_add_cohort (store, prog, cases[i][0], -1),
                                        "Testa Testesen"), cases[i][0]);
      assert_plan (list, 0, cases[i][0], cases[i][1]);
      assert_plan (list, 1, cases[i][2], cases[i][2]);
    }
}

static char *
date_from_today (int days)
{
  g_autoptr(GDate) date = NULL;
  g_autofree char *today = spor_date_today ();

  date = spor_date_parse (today);
  if (days >= 0)
    g_date_add_days (date, (guint) days);
  else
    g_date_subtract_days (date, (guint) -days);
  return spor_date_format_iso (date);
}

/* Enrolment makes a waiting or intake participant active once the cohort has started, on
 * its first day too (the rule is about today, so today's date it is). */
static void
test_enrol_status (void)
{
  g_autoptr(SporStore) store = test_open_new_store ();
  g_autoptr(GError) error = NULL;
  g_autofree char *today = spor_date_today ();
  g_autofree char *tomorrow = date_from_today (1);
  g_autofree char *last_year = date_from_today (-365);
  gint64 prog = add_sequential_programme (store);
  const struct { const char *start; const char *status; const char *expected; } cases[] = {
    { today, "waiting", "active" }, { today, "intake", "active" }, { last_year, "intake", "active" },
    { tomorrow, "waiting", "intake" }, { tomorrow, "intake", "intake" }, { today, "on_hold", "on_hold" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      gint64 cohort = rules_add_cohort (store, prog, cases[i].start, -1);
      gint64 id = rules_add_participant (store, "Testa Testesen", cases[i].status);
      g_autofree char *status = NULL;
      g_autofree char *start = NULL;

      g_test_message ("%s from %s", cases[i].status, cases[i].start);
      assert_ok (spor_progress_enrol (store, id, cohort, &error));
      status = rules_get_text (store, SPOR_TYPE_PARTICIPANT, id, "status");
      start = rules_get_text (store, SPOR_TYPE_PARTICIPANT, id, "start_date");
      g_assert_cmpstr (status, ==, cases[i].expected);
      g_assert_cmpstr (start, ==, cases[i].start);
    }

  /* a start date of the participant's own stays */
  {
    gint64 cohort = rules_add_cohort (store, prog, "2026-01-05", -1);
    gint64 id = rules_add_participant (store, "Bodil Prøvesen", "intake");
    g_autoptr(SporEntity) p = spor_store_get (store, SPOR_TYPE_PARTICIPANT, id, &error);
    g_autofree char *start = NULL;

    spor_entity_set_text (p, "start_date", "2026-01-19");
    assert_ok (spor_store_update (store, p, &error));
    assert_ok (spor_progress_enrol (store, id, cohort, &error));
    start = rules_get_text (store, SPOR_TYPE_PARTICIPANT, id, "start_date");
    g_assert_cmpstr (start, ==, "2026-01-19");
  }
}

typedef struct {
  SporStore *store;
  gint64     cohort;
  gint64     participant;
} Fixture;

/* A participant enrolled in a cohort of the sequential programme from 31 January 2026:
 * 31 Jan–13 Feb, 14 Feb–13 Mar, 14 Mar–13 Apr. */
static void
sequential_set_up (Fixture       *f,
                   gconstpointer  data)
{
  f->store = test_open_new_store ();
  f->cohort = rules_add_cohort (f->store, add_sequential_programme (f->store), "2026-01-31", -1);
  f->participant = enrolled (f->store, f->cohort, "Testa Testesen");
}

/* The same in the parallel programme */
static void
parallel_set_up (Fixture       *f,
                 gconstpointer  data)
{
  f->store = test_open_new_store ();
  f->cohort = rules_add_cohort (f->store, add_parallel_programme (f->store), "2026-01-31", -1);
  f->participant = enrolled (f->store, f->cohort, "Testa Testesen");
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_assert_finalize_object (f->store);
}

static void
advance (Fixture    *f,
         const char *date)
{
  g_autoptr(GError) error = NULL;

  assert_ok (spor_progress_advance (f->store, f->participant, date, &error));
}

static char *
states_of (Fixture *f)
{
  g_autoptr(GPtrArray) list = steps_on (f->store, f->participant, "2026-01-31");
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < list->len; i++)
    g_string_append_printf (text, "%s%s", i > 0 ? " " : "", STEP (list, i)->state);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

#define assert_states(f, expected) G_STMT_START { \
    g_autofree char *s_ = states_of (f); \
    g_assert_cmpstr (s_, ==, (expected)); \
  } G_STMT_END

/* Skipping or finishing one parallel track does not start what comes after while another
 * track runs. */
static void
test_parallel_tracks (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;

  advance (f, "2026-01-31");
  assert_states (f, "active active planned planned planned");
  list = steps_on (f->store, f->participant, "2026-02-03");
  assert_ok (spor_progress_skip (f->store, STEP (list, 1)->progress_id, "2026-02-03", &error));
  assert_states (f, "active skipped planned planned planned");
  g_clear_pointer (&list, g_ptr_array_unref);
  list = steps_on (f->store, f->participant, "2026-02-03");
  g_assert_cmpstr (STEP (list, 1)->actual_end, ==, "2026-02-03");
  assert_ok (spor_progress_skip (f->store, STEP (list, 0)->progress_id, "2026-02-20", &error));
  assert_states (f, "skipped skipped active planned planned");
  g_clear_pointer (&list, g_ptr_array_unref);
  list = steps_on (f->store, f->participant, "2026-02-20");
  g_assert_cmpstr (STEP (list, 2)->actual_start, ==, "2026-02-20");
}

static void
test_advance_parallel (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GPtrArray) list = NULL;

  advance (f, "2026-01-31");
  advance (f, "2026-02-06");
  assert_states (f, "done active planned planned planned");
  advance (f, "2026-02-27");
  assert_states (f, "done done active planned planned");
  list = steps_on (f->store, f->participant, "2026-02-27");
  g_assert_cmpstr (STEP (list, 0)->actual_end, ==, "2026-02-06");
  g_assert_cmpstr (STEP (list, 1)->actual_end, ==, "2026-02-27");
  g_assert_cmpstr (STEP (list, 2)->actual_start, ==, "2026-02-27");
}

static void
test_current_and_skip (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = steps_on (f->store, f->participant, "2026-01-31");

  /* nothing started: the first planned phase is the current one */
  g_assert_cmpint (spor_progress_current (f->store, f->participant, &error), ==, STEP (list, 0)->progress_id);
  advance (f, "2026-02-02");
  assert_ok (spor_progress_hold (f->store, f->participant, &error));
  /* on hold it is still the current phase */
  g_assert_cmpint (spor_progress_current (f->store, f->participant, &error), ==, STEP (list, 0)->progress_id);
  assert_ok (spor_progress_resume (f->store, f->participant, &error));
  advance (f, "2026-02-16");

  /* a finished phase cannot be skipped */
  g_assert_false (spor_progress_skip (f->store, STEP (list, 0)->progress_id, "2026-02-20", &error));
  rules_assert_invalid (error, "The phase is already finished.");
  g_clear_error (&error);
  /* skipping the phase under way ends it that day and starts the next */
  assert_ok (spor_progress_skip (f->store, STEP (list, 1)->progress_id, "2026-03-01", &error));
  g_assert_false (spor_progress_skip (f->store, STEP (list, 1)->progress_id, "2026-03-02", &error));
  rules_assert_invalid (error, "The phase is already finished.");
  g_clear_error (&error);
  g_clear_pointer (&list, g_ptr_array_unref);
  list = steps_on (f->store, f->participant, "2026-03-01");
  g_assert_cmpstr (STEP (list, 1)->state, ==, "skipped");
  g_assert_cmpstr (STEP (list, 1)->actual_start, ==, "2026-02-16");
  g_assert_cmpstr (STEP (list, 1)->actual_end, ==, "2026-03-01");
  g_assert_cmpstr (STEP (list, 2)->state, ==, "active");
  g_assert_cmpstr (STEP (list, 2)->actual_start, ==, "2026-03-01");
  g_assert_cmpint (spor_progress_current (f->store, f->participant, &error), ==, STEP (list, 2)->progress_id);

  g_assert_false (spor_progress_skip (f->store, 4242, "2026-03-01", &error));
  g_assert_error (error, SPOR_STORE_ERROR, SPOR_STORE_ERROR_NOT_FOUND);
}

/* The messages of every refused step; none of them writes anything, and the store goes on
 * after them: the next step is committed and there after a reopen. */
static void
test_refusals (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 stranger = rules_add_participant (f->store, "Carl Prøvesen", "waiting");
  gint64 audit;

  g_assert_false (spor_progress_advance (f->store, stranger, "2026-02-02", &error));
  rules_assert_invalid (error, "The participant is not enrolled in a cohort.");
  g_clear_error (&error);
  advance (f, "2026-02-02");
  audit = test_count_rows (f->store, "audit_log");
  g_assert_false (spor_progress_advance (f->store, f->participant, "2026-02-01", &error));
  rules_assert_invalid (error, "The date is before the phase started.");
  g_clear_error (&error);
  g_assert_false (spor_progress_advance (f->store, f->participant, "2026-02-30", &error));
  rules_assert_invalid (error, "“2026-02-30” is not a valid date");
  g_clear_error (&error);
  g_assert_false (spor_progress_resume (f->store, f->participant, &error));
  rules_assert_invalid (error, "The participant is not on hold.");
  g_clear_error (&error);
  g_assert_false (spor_progress_drop_out (f->store, f->participant, " \t", "2026-02-10", &error));
  rules_assert_invalid (error, "Give a reason for the drop-out.");
  g_clear_error (&error);
  g_assert_false (spor_progress_drop_out (f->store, f->participant, "Flyttet", "2026-01-30", &error));
  rules_assert_invalid (error, "The end date is before the participant started.");
  g_clear_error (&error);
  g_assert_false (spor_progress_complete (f->store, f->participant, "moon", NULL, "2026-08-01", &error));
  rules_assert_invalid (error, "Choose where the participant is headed.");
  g_clear_error (&error);
  g_assert_cmpint (test_count_rows (f->store, "audit_log"), ==, audit);
  advance (f, "2026-02-16");

  rules_reopen (&f->store);
  assert_states (f, "done active planned");
  assert_ok (spor_progress_hold (f->store, f->participant, &error));
  g_assert_false (spor_progress_advance (f->store, f->participant, "2026-02-20", &error));
  rules_assert_invalid (error, "The participant is on hold; resume first.");
  g_clear_error (&error);
  g_assert_false (spor_progress_hold (f->store, f->participant, &error));
  rules_assert_invalid (error, "Only an active participant can be put on hold.");
}

static void
test_hold_intake (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *status = NULL;

  /* the cohort started long ago, so enrolment made the participant active: back to intake */
  {
    g_autoptr(SporEntity) p = spor_store_get (f->store, SPOR_TYPE_PARTICIPANT, f->participant, &error);

    spor_entity_set_text (p, "status", "intake");
    assert_ok (spor_store_update (f->store, p, &error));
  }
  assert_ok (spor_progress_hold (f->store, f->participant, &error));
  status = rules_get_text (f->store, SPOR_TYPE_PARTICIPANT, f->participant, "status");
  g_assert_cmpstr (status, ==, "on_hold");
}

/* Leaving on the day one started is fine; a phase that began after the day one leaves ends
 * when it began. */
static void
test_leaving_edges (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;
  gint64 second = enrolled (f->store, f->cohort, "Bodil Prøvesen");
  g_autofree char *end = NULL;

  advance (f, "2026-03-01");
  assert_ok (spor_progress_drop_out (f->store, f->participant, "Fik job", "2026-02-15", &error));
  list = steps_on (f->store, f->participant, "2026-02-15");
  g_assert_cmpstr (STEP (list, 0)->state, ==, "skipped");
  g_assert_cmpstr (STEP (list, 0)->actual_start, ==, "2026-03-01");
  g_assert_cmpstr (STEP (list, 0)->actual_end, ==, "2026-03-01");
  g_assert_false (spor_progress_drop_out (f->store, f->participant, "Igen", "2026-03-15", &error));
  rules_assert_invalid (error, "The participant has already left the programme.");
  g_clear_error (&error);
  g_assert_false (spor_progress_advance (f->store, f->participant, "2026-03-15", &error));
  rules_assert_invalid (error, "The participant has dropped out.");
  g_clear_error (&error);

  /* completing on the first day, headed nowhere yet */
  assert_ok (spor_progress_complete (f->store, second, "none", "Afklares", "2026-01-31", &error));
  end = rules_get_text (f->store, SPOR_TYPE_PARTICIPANT, second, "end_date");
  g_assert_cmpstr (end, ==, "2026-01-31");
  {
    g_autofree char *destination = test_query_text (f->store, "SELECT destination FROM outcomes");
    g_assert_cmpstr (destination, ==, "none");
  }
  g_assert_false (spor_progress_advance (f->store, second, "2026-02-01", &error));
  rules_assert_invalid (error, "The participant has completed the programme.");
  g_clear_error (&error);
  g_assert_false (spor_progress_complete (f->store, second, "job", NULL, "2026-02-01", &error));
  rules_assert_invalid (error, "The participant has already left the programme.");
}

/* A phase is overdue from the day after its last planned day; done and skipped ones never. */
static void
test_last_planned_day (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) on_day = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(SporCohortSummary) summary = NULL;
  SporPhaseCount *count;

  advance (f, "2026-01-31");
  on_day = steps_on (f->store, f->participant, "2026-02-13");
  after = steps_on (f->store, f->participant, "2026-02-14");
  g_assert_cmpstr (STEP (on_day, 0)->planned_end, ==, "2026-02-13");
  g_assert_false (STEP (on_day, 0)->overdue);
  g_assert_true (STEP (after, 0)->overdue);
  g_assert_false (spor_progress_is_overdue (f->store, STEP (on_day, 0)->progress_id, "2026-02-13", &error));
  g_assert_true (spor_progress_is_overdue (f->store, STEP (on_day, 0)->progress_id, "2026-02-14", &error));
  g_assert_cmpint (spor_progress_count_overdue (f->store, f->cohort, "2026-02-13", &error), ==, 0);
  g_assert_cmpint (spor_progress_count_overdue (f->store, f->cohort, "2026-02-14", &error), ==, 1);

  summary = spor_progress_summarise (f->store, 0, f->cohort, "2026-02-13", &error);
  g_assert_no_error (error);
  count = g_ptr_array_index (summary->phases, 0);
  g_assert_cmpuint (count->in_phase, ==, 1);
  g_assert_cmpuint (count->behind, ==, 0);
  g_assert_cmpuint (count->on_time, ==, 1);
  g_assert_cmpuint (summary->behind, ==, 0);
  g_clear_pointer (&summary, spor_cohort_summary_free);
  summary = spor_progress_summarise (f->store, 0, f->cohort, "2026-02-14", &error);
  count = g_ptr_array_index (summary->phases, 0);
  g_assert_cmpuint (count->behind, ==, 1);
  g_assert_cmpuint (count->on_time, ==, 0);
  g_assert_cmpuint (summary->behind, ==, 1);

  /* a skipped later phase is not overdue after its planned end */
  assert_ok (spor_progress_skip (f->store, STEP (on_day, 2)->progress_id, "2026-02-01", &error));
  {
    g_autoptr(GPtrArray) late = steps_on (f->store, f->participant, "2026-12-31");

    g_assert_false (STEP (late, 2)->overdue);
    g_assert_true (STEP (late, 1)->overdue);
    g_assert_false (spor_progress_is_overdue (f->store, STEP (late, 2)->progress_id, "2026-12-31", &error));
  }
  g_assert_cmpint (spor_progress_count_overdue (f->store, f->cohort, "2026-12-31", &error), ==, 2);
}

/* ---- programmes: goals and refused changes ------------------------------------------------ */

static void
test_goal_limits (void)
{
  g_autoptr(SporStore) store = test_open_new_store ();
  g_autoptr(GError) error = NULL;
  gint64 prog = rules_add_programme (store, "Sy og design", -1, -1);
  struct { int min, max, total; const char *text; } fine[] = {
    { 10, 10, 10, "10 of 10" }, { 2, 2, 10, "2 of 10" }, { 2, 3, 10, "2–3 of 10" }, { 0, -1, 1, "0 of 1" },
  };
  struct { int min, max, total; const char *message; } refused[] = {
    { 11, -1, 10, "The target is larger than the number of participants." },
    { 2, 11, 10, "The target is larger than the number of participants." },
    { -1, -1, 0, "The target is larger than the number of participants." },
    { 3, 2, 10, "The lowest target is above the highest." },
  };

  for (guint i = 0; i < G_N_ELEMENTS (fine); i++)
    {
      g_autoptr(SporProgrammeGoal) goal = spor_programmes_add_goal (store, prog, "employment", "I job",
                                                                    fine[i].min, fine[i].max,
                                                                    fine[i].total, &error);
      g_autofree char *text = NULL;

      g_assert_no_error (error);
      text = spor_programme_goal_format_target (goal);
      g_assert_cmpstr (text, ==, fine[i].text);
    }
  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_assert_null (spor_programmes_add_goal (store, prog, "employment", "I job", refused[i].min,
                                               refused[i].max, refused[i].total, &error));
      rules_assert_invalid (error, refused[i].message);
      g_clear_error (&error);
    }
  g_assert_null (spor_programmes_add_goal (store, prog, "employment", "  ", 1, 2, 10, &error));
  rules_assert_invalid (error, "A goal needs a description.");
  g_clear_error (&error);
  g_assert_cmpint (test_count_rows (store, "programme_goals"), ==, G_N_ELEMENTS (fine));

  /* the refusals left no transaction open: a goal added after them is kept */
  {
    g_autoptr(SporProgrammeGoal) last = spor_programmes_add_goal (store, prog, "education", "I uddannelse",
                                                                  1, 3, 10, &error);

    g_assert_no_error (error);
    g_assert_nonnull (last);
  }
  rules_reopen (&store);
  g_assert_cmpint (test_count_rows (store, "programme_goals"), ==, G_N_ELEMENTS (fine) + 1);
}

static void
test_programme_refusal_rolls_back (void)
{
  g_autoptr(SporStore) store = test_open_new_store ();
  g_autoptr(GError) error = NULL;
  gint64 prog = rules_add_programme (store, "Sy og design", -1, -1);

  g_assert_null (spor_programmes_add_phase (store, 4242, "Intet forløb", 1, "weeks", "sequential", &error));
  g_assert_error (error, SPOR_STORE_ERROR, SPOR_STORE_ERROR_CONSTRAINT);
  g_assert_cmpstr (error->message, ==, "phase: it refers to a record that does not exist");
  g_clear_error (&error);
  g_assert_false (spor_programmes_remove_phase (store, 4242, &error));
  g_assert_error (error, SPOR_STORE_ERROR, SPOR_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_null (spor_programmes_add_phase (store, prog, " ", 1, "weeks", "sequential", &error));
  rules_assert_invalid (error, "A phase needs a name.");
  g_clear_error (&error);
  rules_add_phase (store, prog, "Visitation", 4, "weeks", "sequential");

  rules_reopen (&store);
  g_assert_cmpint (test_count_rows (store, "phases"), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/rules/progress/parallel-plan", test_parallel_plan);
  g_test_add_func ("/rules/progress/month-ends", test_month_ends);
  g_test_add_func ("/rules/progress/cohort-ends-with-longest-track", test_cohort_ends_with_longest_track);
  g_test_add_func ("/rules/progress/enrol-status", test_enrol_status);
#define SEQ(path, fn) g_test_add (path, Fixture, NULL, sequential_set_up, fn, fixture_tear_down)
#define PAR(path, fn) g_test_add (path, Fixture, NULL, parallel_set_up, fn, fixture_tear_down)
  PAR ("/rules/progress/parallel-tracks", test_parallel_tracks);
  PAR ("/rules/progress/advance-parallel", test_advance_parallel);
  SEQ ("/rules/progress/current-and-skip", test_current_and_skip);
  SEQ ("/rules/progress/refusals", test_refusals);
  SEQ ("/rules/progress/hold-intake", test_hold_intake);
  SEQ ("/rules/progress/leaving-edges", test_leaving_edges);
  SEQ ("/rules/progress/last-planned-day", test_last_planned_day);
#undef SEQ
#undef PAR
  g_test_add_func ("/rules/programmes/goal-limits", test_goal_limits);
  g_test_add_func ("/rules/programmes/refusal-rolls-back", test_programme_refusal_rolls_back);

  return g_test_run ();
}
