/* test-rules-participants.c — the rules for participants at their edges: the CPR century
 * table, CPR, e-mail and phone formats, age on a birthday, the programme's target ages,
 * cohort places, the waiting list, and what a refused save leaves behind
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "rules-test-util.h"
#include "spor-participants.h"
#include "spor-values.h"

/* ---- CPR numbers ---------------------------------------------------------------------- */

static void
assert_birth (const char *cpr,
              const char *expected)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *digits = NULL;
  g_autofree char *birth = NULL;

  g_test_message ("%s", cpr);
  assert_ok (spor_cpr_parse (cpr, &digits, &birth, &error));
  g_assert_cmpstr (birth, ==, expected);
  g_assert_cmpuint (strlen (digits), ==, 10);
}

static void
assert_cpr_refused (const char *cpr,
                    const char *message)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *birth = NULL;

  g_test_message ("%s", cpr);
  g_assert_false (spor_cpr_parse (cpr, NULL, &birth, &error));
  rules_assert_invalid (error, message);
  g_assert_null (birth);
}

#define NOT_A_DATE "The first six digits of a CPR number are a real date of birth (DDMMYY)"
#define NOT_TEN_DIGITS "A CPR number has ten digits: DDMMYY-XXXX"

/* The CPR office's table: 0–3 the 1900s; 4 and 9: 2000–2036, else the 1900s; 5–8:
 * 2000–2057, else the 1800s. Every edge of it. */
static void
test_cpr_century (void)
{
  assert_birth ("010160-0123", "1960-01-01");
  assert_birth ("010203-3234", "1903-02-01");
  assert_birth ("311299-3234", "1999-12-31");
  assert_birth ("010136-4123", "2036-01-01");
  assert_birth ("010137-4123", "1937-01-01");
  assert_birth ("010100-4123", "2000-01-01");
  assert_birth ("010136-9123", "2036-01-01");
  assert_birth ("010137-9123", "1937-01-01");
  assert_birth ("010140-9123", "1940-01-01");
  assert_birth ("010157-5123", "2057-01-01");
  assert_birth ("010158-5123", "1858-01-01");
  assert_birth ("010157-8123", "2057-01-01");
  assert_birth ("010199-8123", "1899-01-01");
  assert_birth ("010100-6123", "2000-01-01");
  assert_birth ("010140-7123", "2040-01-01");

  /* 29 February exists in the century the seventh digit gives, and only there */
  assert_birth ("290200-4123", "2000-02-29");
  assert_cpr_refused ("290200-1123", NOT_A_DATE);  /* 1900 */
  assert_birth ("290296-5123", "1896-02-29");
  assert_birth ("290296-2123", "1996-02-29");
  assert_birth ("290256-5123", "2056-02-29");
  assert_cpr_refused ("290257-5123", NOT_A_DATE);  /* 2057 */
  assert_cpr_refused ("310405-1234", NOT_A_DATE);  /* 31 April */
  assert_cpr_refused ("001205-1234", NOT_A_DATE);
  assert_cpr_refused ("011305-1234", NOT_A_DATE);
  assert_cpr_refused ("010005-1234", NOT_A_DATE);
}

static void
test_cpr_format (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *digits = NULL;

  assert_ok (spor_cpr_parse (" 010203-1234\t", &digits, NULL, &error));
  g_assert_cmpstr (digits, ==, "0102031234");
  g_clear_pointer (&digits, g_free);
  assert_ok (spor_cpr_parse ("0102031234", &digits, NULL, &error));
  g_assert_cmpstr (digits, ==, "0102031234");

  assert_cpr_refused ("010203-123x", NOT_TEN_DIGITS);
  assert_cpr_refused ("010203-x234", NOT_TEN_DIGITS);
  assert_cpr_refused ("01020x-1234", NOT_TEN_DIGITS);
  assert_cpr_refused ("010203-12345", NOT_TEN_DIGITS);
  assert_cpr_refused ("010203-123", NOT_TEN_DIGITS);
  assert_cpr_refused ("01020312345", NOT_TEN_DIGITS);
  assert_cpr_refused ("010203123", NOT_TEN_DIGITS);
  assert_cpr_refused ("010203 1234", NOT_TEN_DIGITS);
  assert_cpr_refused ("0102-031234", NOT_TEN_DIGITS);
  assert_cpr_refused ("", NOT_TEN_DIGITS);
}

static void
test_email_phone (void)
{
  g_assert_true (spor_email_is_valid ("testa@eksempel.dk"));
  g_assert_true (spor_email_is_valid ("t@e.dk"));
  g_assert_false (spor_email_is_valid ("testa@.dk"));
  /* an empty first label also when a later dot makes the rest look fine */
  g_assert_false (spor_email_is_valid ("testa@.eksempel.dk"));
  g_assert_false (spor_email_is_valid ("testa@eksempel..dk"));
  g_assert_false (spor_email_is_valid ("@eksempel.dk"));
  g_assert_false (spor_email_is_valid ("testa@eksempel."));
  g_assert_false (spor_email_is_valid ("testa@eksempel"));
  g_assert_false (spor_email_is_valid ("testa@eks@empel.dk"));
  g_assert_false (spor_email_is_valid (""));

  g_assert_true (spor_phone_is_valid ("12345678"));           /* 8 digits */
  g_assert_false (spor_phone_is_valid ("1234567"));           /* 7 */
  g_assert_true (spor_phone_is_valid ("+45 123 456 789 0123"));  /* 15 */
  g_assert_false (spor_phone_is_valid ("+45 1234 5678 901234")); /* 16 */
  g_assert_true (spor_phone_is_valid ("+45 (12) 34-56-78"));
  g_assert_false (spor_phone_is_valid ("12+345678"));
  g_assert_false (spor_phone_is_valid ("++4512345678"));
  g_assert_false (spor_phone_is_valid ("1234 5678."));
}

/* ---- checks and the messages a refused save gives ---------------------------------------- */

static SporParticipant *
new_participant (const char *name)
{
  SporParticipant *p = spor_entity_new (SPOR_TYPE_PARTICIPANT);

  spor_entity_set_text (SPOR_ENTITY (p), "name", name);
  return p;
}

static const char *
problem_for (GPtrArray  *problems,
             const char *field)
{
  for (guint i = 0; i < problems->len; i++)
    if (g_strcmp0 (((SporProblem *) problems->pdata[i])->field, field) == 0)
      return ((SporProblem *) problems->pdata[i])->message;
  return NULL;
}

static void
test_end_date (void)
{
  g_autoptr(SporParticipant) p = new_participant ("Testa Testesen");
  g_autoptr(GPtrArray) same_day = NULL;
  g_autoptr(GPtrArray) before = NULL;

  spor_entity_set_text (SPOR_ENTITY (p), "start_date", "2026-03-02");
  spor_entity_set_text (SPOR_ENTITY (p), "end_date", "2026-03-02");
  same_day = spor_participant_check (p);
  g_assert_cmpuint (same_day->len, ==, 0);
  spor_entity_set_text (SPOR_ENTITY (p), "end_date", "2026-03-01");
  before = spor_participant_check (p);
  g_assert_cmpuint (before->len, ==, 1);
  g_assert_cmpstr (problem_for (before, "end_date"), ==, "The end date is before the start date");
}

/* A refused save says what is wrong, in words, and writes nothing, also after a reopen. */
static void
assert_save_refused (SporStore   *store,
                     const char  *field,
                     const char  *value,
                     const char  *message)
{
  g_autoptr(SporParticipant) p = new_participant ("Testa Testesen");
  g_autoptr(GError) error = NULL;

  g_test_message ("%s = %s", field, value);
  spor_entity_set_text (SPOR_ENTITY (p), field, value);
  g_assert_false (spor_participant_save (store, p, &error));
  rules_assert_invalid (error, message);
  g_assert_cmpint (spor_entity_get_id (SPOR_ENTITY (p)), ==, 0);
}

static void
test_save_messages (void)
{
  g_autoptr(SporStore) store = test_open_new_store ();
  g_autoptr(SporParticipant) kept = new_participant ("Bodil Prøvesen");
  g_autoptr(GError) error = NULL;
  gint64 audit;

  assert_save_refused (store, "name", " \t ", "A name is required");
  assert_save_refused (store, "cpr", "310405-1234", NOT_A_DATE);
  assert_save_refused (store, "cpr", "3104051234x", NOT_TEN_DIGITS);
  assert_save_refused (store, "email", "testa@.dk", "Not an e-mail address (name@example.org)");
  assert_save_refused (store, "phone", "12+345678", "Not a phone number (8 digits, + for abroad)");
  assert_save_refused (store, "birth_date", "2026-02-29", "Not a real date");
  {
    g_autoptr(SporParticipant) p = new_participant ("Testa Testesen");

    spor_entity_set_text (SPOR_ENTITY (p), "cpr", "010203-1234");
    spor_entity_set_text (SPOR_ENTITY (p), "birth_date", "2003-02-01");
    g_assert_false (spor_participant_save (store, p, &error));
    rules_assert_invalid (error, "The CPR number does not match the date of birth");
    g_clear_error (&error);
  }

  /* a stored participant with a bad change keeps what it had */
  spor_entity_set_text (SPOR_ENTITY (kept), "email", "bodil@eksempel.dk");
  assert_ok (spor_participant_save (store, kept, &error));
  audit = test_count_rows (store, "audit_log");
  spor_entity_set_text (SPOR_ENTITY (kept), "email", "bodil@eksempel");
  spor_entity_set_text (SPOR_ENTITY (kept), "phone", "87654321");
  g_assert_false (spor_participant_save (store, kept, &error));
  rules_assert_invalid (error, "Not an e-mail address (name@example.org)");

  rules_reopen (&store);
  g_assert_cmpint (test_count_rows (store, "participants"), ==, 1);
  g_assert_cmpint (test_count_rows (store, "audit_log"), ==, audit);
  {
    g_autofree char *email = rules_get_text (store, SPOR_TYPE_PARTICIPANT,
                                             spor_entity_get_id (SPOR_ENTITY (kept)), "email");
    g_autofree char *phone = rules_get_text (store, SPOR_TYPE_PARTICIPANT,
                                             spor_entity_get_id (SPOR_ENTITY (kept)), "phone");

    g_assert_cmpstr (email, ==, "bodil@eksempel.dk");
    g_assert_null (phone);
  }
}

/* A save that fails inside its transaction (the cohort is gone) rolls it back: the next
 * save is committed on its own and is there after a reopen. */
static void
test_failed_save_rolls_back (void)
{
  g_autoptr(SporStore) store = test_open_new_store ();
  g_autoptr(SporParticipant) lost = new_participant ("Testa Testesen");
  g_autoptr(SporParticipant) next = new_participant ("Bodil Prøvesen");
  g_autoptr(GError) error = NULL;

  spor_entity_set_int (SPOR_ENTITY (lost), "cohort_id", 4242);
  g_assert_false (spor_participant_save (store, lost, &error));
  g_assert_error (error, SPOR_STORE_ERROR, SPOR_STORE_ERROR_NOT_FOUND);
  g_assert_cmpstr (error->message, ==, "There is no such cohort record");
  g_clear_error (&error);
  g_assert_cmpint (spor_entity_get_id (SPOR_ENTITY (lost)), ==, 0);
  assert_ok (spor_participant_save (store, next, &error));

  rules_reopen (&store);
  g_assert_cmpint (test_count_rows (store, "participants"), ==, 1);
  {
    g_autofree char *name = rules_get_text (store, SPOR_TYPE_PARTICIPANT,
                                            spor_entity_get_id (SPOR_ENTITY (next)), "name");
    g_assert_cmpstr (name, ==, "Bodil Prøvesen");
  }
}

/* ---- age and the programme's rules --------------------------------------------------------- */

static const char *
warning_for (GPtrArray  *warnings,
             const char *field)
{
  return problem_for (warnings, field);
}

/* The warning about age on @today for someone born on @birth, or NULL. */
static char *
age_warning (SporStore  *store,
             gint64      programme_id,
             const char *birth,
             const char *today)
{
  g_autoptr(SporParticipant) p = new_participant ("Testa Testesen");
  g_autoptr(GPtrArray) warnings = NULL;
  g_autoptr(GError) error = NULL;

  spor_entity_set_int (SPOR_ENTITY (p), "programme_id", programme_id);
  spor_entity_set_text (SPOR_ENTITY (p), "birth_date", birth);
  warnings = spor_participant_warnings (store, p, today, &error);
  g_assert_no_error (error);
  return g_strdup (warning_for (warnings, "birth_date"));
}

#define assert_age_warning(store, prog, birth, today, expected) G_STMT_START { \
    g_autofree char *w_ = age_warning ((store), (prog), (birth), (today)); \
    g_assert_cmpstr (w_, ==, (expected)); \
  } G_STMT_END

static void
test_age_on_birthday (void)
{
  g_autoptr(SporStore) store = test_open_new_store ();
  gint64 prog = rules_add_programme (store, "Aspiranterne", 18, 29);

  /* 18 on the birthday itself, 17 the day before */
  assert_age_warning (store, prog, "2008-11-23", "2026-11-23", NULL);
  assert_age_warning (store, prog, "2008-11-24", "2026-11-23",
                      "Age 17 is outside the programme's target range 18–29");
  /* earlier in the month of the birthday, and later */
  assert_age_warning (store, prog, "2008-11-10", "2026-11-23", NULL);
  assert_age_warning (store, prog, "2008-11-30", "2026-11-23",
                      "Age 17 is outside the programme's target range 18–29");
  assert_age_warning (store, prog, "2008-12-01", "2026-11-30",
                      "Age 17 is outside the programme's target range 18–29");
  assert_age_warning (store, prog, "2008-10-31", "2026-11-01", NULL);
  /* born on 29 February: a year older from 1 March in a year without one */
  assert_age_warning (store, prog, "2008-02-29", "2026-02-28",
                      "Age 17 is outside the programme's target range 18–29");
  assert_age_warning (store, prog, "2008-02-29", "2026-03-01", NULL);
  assert_age_warning (store, prog, "2008-02-29", "2028-02-29", NULL);
  /* the highest age: 29 until the day before the 30th birthday */
  assert_age_warning (store, prog, "1996-11-24", "2026-11-23", NULL);
  assert_age_warning (store, prog, "1996-11-23", "2026-11-23",
                      "Age 30 is outside the programme's target range 18–29");
}

static void
test_target_age_one_sided (void)
{
  g_autoptr(SporStore) store = test_open_new_store ();
  gint64 from_16 = rules_add_programme (store, "Den Digitale Ressourcebank", 16, -1);
  gint64 to_24 = rules_add_programme (store, "Ressourcebank Ung", -1, 24);
  gint64 open = rules_add_programme (store, "Åbent værksted", -1, -1);

  assert_age_warning (store, from_16, "2010-11-23", "2026-11-23", NULL);
  assert_age_warning (store, from_16, "2010-11-24", "2026-11-23",
                      "Age 15 is outside the programme's target range");
  assert_age_warning (store, from_16, "1926-01-01", "2026-11-23", NULL);
  assert_age_warning (store, to_24, "2001-11-24", "2026-11-23", NULL);
  assert_age_warning (store, to_24, "2001-11-23", "2026-11-23",
                      "Age 25 is outside the programme's target range");
  assert_age_warning (store, open, "2020-01-01", "2026-11-23", NULL);
}

static GPtrArray *
warnings_of (SporStore       *store,
             SporParticipant *p)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *warnings = spor_participant_warnings (store, p, "2026-11-23", &error);

  g_assert_no_error (error);
  g_assert_nonnull (warnings);
  return warnings;
}

static void
test_self_supporting (void)
{
  g_autoptr(SporStore) store = test_open_new_store ();
  g_autoptr(GError) error = NULL;
  gint64 open = rules_add_programme (store, "Unge med Kant", -1, -1);
  gint64 strict = rules_add_programme (store, "Sy og design", -1, -1);
  g_autoptr(SporParticipant) p = new_participant ("Testa Testesen");

  {
    g_autoptr(SporEntity) prog = spor_store_get (store, SPOR_TYPE_PROGRAMME, strict, &error);

    spor_entity_set_bool (prog, "not_self_supporting", TRUE);
    assert_ok (spor_store_update (store, prog, &error));
  }
  spor_entity_set_text (SPOR_ENTITY (p), "provision", "self_supporting");
  spor_entity_set_int (SPOR_ENTITY (p), "programme_id", open);
  {
    g_autoptr(GPtrArray) w = warnings_of (store, p);
    g_assert_cmpuint (w->len, ==, 0);
  }
  spor_entity_set_int (SPOR_ENTITY (p), "programme_id", strict);
  {
    g_autoptr(GPtrArray) w = warnings_of (store, p);
    g_assert_cmpuint (w->len, ==, 1);
    g_assert_cmpstr (warning_for (w, "provision"), ==,
                     "The programme is for people who are not self-supporting");
  }
  spor_entity_set_text (SPOR_ENTITY (p), "provision", "cash_benefit");
  {
    g_autoptr(GPtrArray) w = warnings_of (store, p);
    g_assert_cmpuint (w->len, ==, 0);
  }
}

/* ---- cohort places ------------------------------------------------------------------------ */

/* A participant stored straight into a cohort with @status (no enrolment). */
static gint64
add_in_cohort (SporStore  *store,
               gint64      programme_id,
               gint64      cohort_id,
               const char *name,
               const char *status)
{
  g_autoptr(SporParticipant) p = new_participant (name);
  g_autoptr(GError) error = NULL;

  spor_entity_set_int (SPOR_ENTITY (p), "programme_id", programme_id);
  spor_entity_set_int (SPOR_ENTITY (p), "cohort_id", cohort_id);
  spor_entity_set_text (SPOR_ENTITY (p), "status", status);
  assert_ok (spor_store_insert (store, SPOR_ENTITY (p), &error));
  return spor_entity_get_id (SPOR_ENTITY (p));
}

/* Intake, active and on hold take a place; waiting, completed and dropped out do not. */
static void
test_occupancy_statuses (void)
{
  g_autoptr(SporStore) store = test_open_new_store ();
  g_autoptr(GError) error = NULL;
  gint64 prog = rules_add_programme (store, "Unge med Kant", -1, -1);
  gint64 cohort = rules_add_cohort (store, prog, "2026-01-05", 20);
  gint64 open = rules_add_cohort (store, prog, "2026-08-03", -1);
  const SporValueList *statuses = &spor_values_participant_status;
  gint64 taken = -1, capacity = -1;

  for (guint i = 0; i < spor_value_list_get_n_values (statuses); i++)
    add_in_cohort (store, prog, cohort, spor_value_list_get_value (statuses, i),
                   spor_value_list_get_value (statuses, i));
  assert_ok (spor_cohort_occupancy (store, cohort, &taken, &capacity, &error));
  g_assert_cmpint (taken, ==, 3);
  g_assert_cmpint (capacity, ==, 20);
  assert_ok (spor_cohort_occupancy (store, open, &taken, &capacity, &error));
  g_assert_cmpint (taken, ==, 0);
  g_assert_cmpint (capacity, ==, -1);

  g_assert_false (spor_cohort_occupancy (store, 4242, &taken, &capacity, &error));
  g_assert_error (error, SPOR_STORE_ERROR, SPOR_STORE_ERROR_NOT_FOUND);
  g_assert_cmpstr (error->message, ==, "No such cohort");
}

static const char *
capacity_warning (GPtrArray *warnings)
{
  return warning_for (warnings, "cohort_id");
}

/* The warning counts both numbers right: one participant, one place, none. */
static void
test_cohort_capacity_counts (void)
{
  g_autoptr(SporStore) store = test_open_new_store ();
  gint64 prog = rules_add_programme (store, "Sy og design", -1, -1);
  gint64 one = rules_add_cohort (store, prog, "2026-01-05", 1);
  gint64 none = rules_add_cohort (store, prog, "2026-03-02", 0);
  g_autoptr(SporParticipant) p = new_participant ("Anden Prøve");

  add_in_cohort (store, prog, one, "Første Prøve", "active");
  spor_entity_set_int (SPOR_ENTITY (p), "programme_id", prog);
  spor_entity_set_text (SPOR_ENTITY (p), "status", "active");
  spor_entity_set_int (SPOR_ENTITY (p), "cohort_id", one);
  {
    g_autoptr(GPtrArray) w = warnings_of (store, p);
    g_assert_cmpstr (capacity_warning (w), ==,
                     "The cohort is above capacity: 2 participants for 1 place");
  }
  spor_entity_set_int (SPOR_ENTITY (p), "cohort_id", none);
  {
    g_autoptr(GPtrArray) w = warnings_of (store, p);
    g_assert_cmpstr (capacity_warning (w), ==,
                     "The cohort is above capacity: 1 participant for 0 places");
  }
}

static void
test_cohort_exactly_full (void)
{
  g_autoptr(SporStore) store = test_open_new_store ();
  g_autoptr(GError) error = NULL;
  gint64 prog = rules_add_programme (store, "Sy og design", -1, -1);
  gint64 cohort = rules_add_cohort (store, prog, "2026-01-05", 2);
  gint64 first = add_in_cohort (store, prog, cohort, "Første Prøve", "active");
  g_autoptr(SporParticipant) second = new_participant ("Anden Prøve");
  g_autoptr(SporParticipant) stored = NULL;

  /* the second of two places: exactly full, no warning */
  spor_entity_set_int (SPOR_ENTITY (second), "cohort_id", cohort);
  spor_entity_set_text (SPOR_ENTITY (second), "status", "intake");
  {
    g_autoptr(GPtrArray) w = warnings_of (store, second);
    g_assert_null (capacity_warning (w));
  }
  add_in_cohort (store, prog, cohort, "Tredje Prøve", "on_hold");
  /* now one more than the places */
  {
    g_autoptr(GPtrArray) w = warnings_of (store, second);
    g_assert_cmpstr (capacity_warning (w), ==,
                     "The cohort is above capacity: 3 participants for 2 places");
  }
  /* one who does not take a place adds nothing */
  spor_entity_set_text (SPOR_ENTITY (second), "status", "waiting");
  {
    g_autoptr(GPtrArray) w = warnings_of (store, second);
    g_assert_null (capacity_warning (w));
  }
  /* on hold takes a place */
  spor_entity_set_text (SPOR_ENTITY (second), "status", "on_hold");
  {
    g_autoptr(GPtrArray) w = warnings_of (store, second);
    g_assert_cmpstr (capacity_warning (w), ==,
                     "The cohort is above capacity: 3 participants for 2 places");
  }
  /* someone already in the full cohort is counted once */
  stored = spor_store_get (store, SPOR_TYPE_PARTICIPANT, first, &error);
  g_assert_no_error (error);
  {
    g_autoptr(GPtrArray) w = warnings_of (store, stored);
    g_assert_cmpuint (w->len, ==, 0);
  }
}

/* ---- the waiting list --------------------------------------------------------------------- */

static gint64
add_waiting (SporStore  *store,
             gint64      programme_id,
             const char *name,
             const char *date)
{
  g_autoptr(GError) error = NULL;
  gint64 id = rules_add_participant (store, name, "waiting");

  assert_ok (spor_waiting_list_add (store, id, programme_id, date, &error));
  return id;
}

/* Admits one waiting participant into a new cohort of @capacity places that holds
 * @already active participants; asserts what it says about the capacity. */
static void
assert_admit (SporStore *store,
              gint64     programme_id,
              int        capacity,
              guint      already,
              gboolean   expect_over)
{
  g_autoptr(GError) error = NULL;
  gint64 cohort = rules_add_cohort (store, programme_id, "2026-01-05", capacity);
  gint64 id = add_waiting (store, programme_id, "Venter Prøve", "2026-10-01");
  gboolean over = !expect_over;
  gint64 taken = 0;

  for (guint i = 0; i < already; i++)
    add_in_cohort (store, programme_id, cohort, "Plads Prøve", "active");
  assert_ok (spor_waiting_list_admit (store, id, cohort, &over, &error));
  g_assert_cmpint (over, ==, expect_over);
  assert_ok (spor_cohort_occupancy (store, cohort, &taken, NULL, &error));
  g_assert_cmpint (taken, ==, already + 1);
}

static void
test_admit_capacity (void)
{
  g_autoptr(SporStore) store = test_open_new_store ();
  gint64 prog = rules_add_programme (store, "Unge med Kant", -1, -1);

  assert_admit (store, prog, 2, 1, FALSE);  /* the last place: exactly full */
  assert_admit (store, prog, 1, 1, TRUE);
  assert_admit (store, prog, -1, 3, FALSE); /* no limit */
  assert_admit (store, prog, 0, 0, TRUE);   /* no places at all */
}

static GArray *
waiting_ids (SporStore *store,
             gint64     programme_id)
{
  g_autoptr(GError) error = NULL;
  GArray *ids = spor_waiting_list_ids (store, programme_id, &error);

  g_assert_no_error (error);
  return ids;
}

#define ID(a, i) g_array_index ((a), gint64, (i))

/* Those with a place first, by place; then those without one (from another site), by the
 * date they were added. */
static void
test_waiting_order (void)
{
  g_autoptr(SporStore) store = test_open_new_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) order = NULL;
  gint64 prog = rules_add_programme (store, "Unge med Kant", -1, -1);
  gint64 placed = add_waiting (store, prog, "Plads Prøve", "2026-10-01");
  gint64 later = rules_add_participant (store, "Sen Prøve", "waiting");
  gint64 earlier = rules_add_participant (store, "Tidlig Prøve", "waiting");
  const struct { gint64 id; const char *since; } unplaced[] = {
    { later, "2026-09-01" }, { earlier, "2026-08-01" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (unplaced); i++)
    {
      g_autoptr(SporEntity) p = spor_store_get (store, SPOR_TYPE_PARTICIPANT, unplaced[i].id, &error);

      spor_entity_set_int (p, "programme_id", prog);
      spor_entity_set_text (p, "waiting_since", unplaced[i].since);
      assert_ok (spor_store_update (store, p, &error));
    }
  order = waiting_ids (store, prog);
  g_assert_cmpuint (order->len, ==, 3);
  g_assert_cmpint (ID (order, 0), ==, placed);
  g_assert_cmpint (ID (order, 1), ==, earlier);
  g_assert_cmpint (ID (order, 2), ==, later);
}

static void
test_waiting_move (void)
{
  g_autoptr(SporStore) store = test_open_new_store ();
  g_autoptr(GError) error = NULL;
  gint64 prog = rules_add_programme (store, "Unge med Kant", -1, -1);
  gint64 a = add_waiting (store, prog, "Anna Prøve", "2026-10-01");
  gint64 b = add_waiting (store, prog, "Bent Prøve", "2026-10-02");
  gint64 c = add_waiting (store, prog, "Carl Prøve", "2026-10-03");
  gint64 outside = rules_add_participant (store, "Dora Prøve", "active");
  gint64 cohort = rules_add_cohort (store, prog, "2026-01-05", 5);

  /* to the last place */
  assert_ok (spor_waiting_list_move (store, a, 3, &error));
  {
    g_autoptr(GArray) order = waiting_ids (store, prog);
    g_assert_cmpint (ID (order, 0), ==, b);
    g_assert_cmpint (ID (order, 1), ==, c);
    g_assert_cmpint (ID (order, 2), ==, a);
  }
  /* refusals say why, and change nothing, also after a reopen */
  g_assert_false (spor_waiting_list_move (store, a, 4, &error));
  rules_assert_invalid (error, "The waiting list has no place 4");
  g_clear_error (&error);
  g_assert_false (spor_waiting_list_move (store, a, 0, &error));
  rules_assert_invalid (error, "The waiting list has no place 0");
  g_clear_error (&error);
  g_assert_false (spor_waiting_list_move (store, outside, 1, &error));
  rules_assert_invalid (error, "The participant is not on the waiting list");
  g_clear_error (&error);
  g_assert_false (spor_waiting_list_admit (store, outside, cohort, NULL, &error));
  rules_assert_invalid (error, "The participant is not on the waiting list");
  g_clear_error (&error);
  assert_ok (spor_waiting_list_move (store, c, 1, &error));

  rules_reopen (&store);
  {
    g_autoptr(GArray) order = waiting_ids (store, prog);
    g_autofree char *status = rules_get_text (store, SPOR_TYPE_PARTICIPANT, outside, "status");

    g_assert_cmpuint (order->len, ==, 3);
    g_assert_cmpint (ID (order, 0), ==, c);
    g_assert_cmpint (ID (order, 1), ==, b);
    g_assert_cmpint (ID (order, 2), ==, a);
    g_assert_cmpstr (status, ==, "active");
  }
}

/* Put on the list again, a participant goes to its end. */
static void
test_waiting_add_again (void)
{
  g_autoptr(SporStore) store = test_open_new_store ();
  gint64 prog = rules_add_programme (store, "Unge med Kant", -1, -1);
  gint64 a = add_waiting (store, prog, "Anna Prøve", "2026-10-01");
  gint64 b = add_waiting (store, prog, "Bent Prøve", "2026-10-01");
  g_autoptr(GArray) order = NULL;
  g_autoptr(GError) error = NULL;

  assert_ok (spor_waiting_list_add (store, a, prog, "2026-10-01", &error));
  order = waiting_ids (store, prog);
  g_assert_cmpuint (order->len, ==, 2);
  g_assert_cmpint (ID (order, 0), ==, b);
  g_assert_cmpint (ID (order, 1), ==, a);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/rules/participants/cpr-century", test_cpr_century);
  g_test_add_func ("/rules/participants/cpr-format", test_cpr_format);
  g_test_add_func ("/rules/participants/email-phone", test_email_phone);
  g_test_add_func ("/rules/participants/end-date", test_end_date);
  g_test_add_func ("/rules/participants/save-messages", test_save_messages);
  g_test_add_func ("/rules/participants/failed-save-rolls-back", test_failed_save_rolls_back);
  g_test_add_func ("/rules/participants/age-on-birthday", test_age_on_birthday);
  g_test_add_func ("/rules/participants/target-age-one-sided", test_target_age_one_sided);
  g_test_add_func ("/rules/participants/self-supporting", test_self_supporting);
  g_test_add_func ("/rules/participants/occupancy-statuses", test_occupancy_statuses);
  g_test_add_func ("/rules/participants/cohort-exactly-full", test_cohort_exactly_full);
  g_test_add_func ("/rules/participants/cohort-capacity-counts", test_cohort_capacity_counts);
  g_test_add_func ("/rules/participants/admit-capacity", test_admit_capacity);
  g_test_add_func ("/rules/participants/waiting-order", test_waiting_order);
  g_test_add_func ("/rules/participants/waiting-move", test_waiting_move);
  g_test_add_func ("/rules/participants/waiting-add-again", test_waiting_add_again);

  return g_test_run ();
}
