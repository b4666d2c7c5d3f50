/* test-participants.c — search, filters, sort, paging, validation, warnings, the waiting
 * list, erasure and meetings
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define _GNU_SOURCE
#include <string.h>

#include "core-test-util.h"
#include "spor-participants.h"

static gint64
add_programme (SporStore  *store,
               const char *name,
               int         min_age,
               int         max_age,
               gboolean    not_self_supporting)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SporProgramme) p = spor_entity_new (SPOR_TYPE_PROGRAMME);

  spor_entity_set_text (SPOR_ENTITY (p), "name", name);
  spor_entity_set_int (SPOR_ENTITY (p), "min_age", min_age);
  spor_entity_set_int (SPOR_ENTITY (p), "max_age", max_age);
  spor_entity_set_bool (SPOR_ENTITY (p), "not_self_supporting", not_self_supporting);
  assert_ok (spor_store_insert (store, SPOR_ENTITY (p), &error));
  return spor_entity_get_id (SPOR_ENTITY (p));
}

static gint64
add_cohort (SporStore  *store,
            gint64      programme_id,
            const char *name,
            int         capacity)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SporCohort) c = spor_entity_new (SPOR_TYPE_COHORT);

  spor_entity_set_int (SPOR_ENTITY (c), "programme_id", programme_id);
  spor_entity_set_text (SPOR_ENTITY (c), "name", name);
  spor_entity_set_text (SPOR_ENTITY (c), "start_date", "2026-01-05");
  spor_entity_set_int (SPOR_ENTITY (c), "capacity", capacity);
  assert_ok (spor_store_insert (store, SPOR_ENTITY (c), &error));
  return spor_entity_get_id (SPOR_ENTITY (c));
}

static gint64
add_participant (SporStore  *store,
                 const char *name,
                 const char *status,
                 gint64      programme_id,
                 const char *start_date,
                 const char *email,
                 const char *phone)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SporParticipant) p = spor_entity_new (SPOR_TYPE_PARTICIPANT);

  spor_entity_set_text (SPOR_ENTITY (p), "name", name);
  spor_entity_set_text (SPOR_ENTITY (p), "status", status);
  if (programme_id > 0)
    spor_entity_set_int (SPOR_ENTITY (p), "programme_id", programme_id);
  if (start_date)
    spor_entity_set_text (SPOR_ENTITY (p), "start_date", start_date);
  if (email)
    spor_entity_set_text (SPOR_ENTITY (p), "email", email);
  if (phone)
    spor_entity_set_text (SPOR_ENTITY (p), "phone", phone);
  assert_ok (spor_participant_save (store, p, &error));
  return spor_entity_get_id (SPOR_ENTITY (p));
}

static GArray *
query (SporStore           *store,
       const char          *search,
       gint64               programme_id,
       const char          *status,
       SporParticipantSort  sort)
{
  g_autoptr(GError) error = NULL;
  GArray *ids = spor_participant_list_query_ids (store, search, programme_id, 0, status, sort, 0, 0,
                                             &error);
  g_assert_no_error (error);
  g_assert_nonnull (ids);
  return ids;
}

#define ID(a, i) g_array_index ((a), gint64, (i))

static void
test_search (void)
{
  g_autoptr(SporStore) store = test_open_new_store ();
  gint64 soeren, aase, aeble, bo;

  soeren = add_participant (store, "Søren Testesen", "active", 0, NULL,
                            "soeren.t@eksempel.invalid", "+45 12 34 56 78");
  aase = add_participant (store, "Åse Opdigtet", "waiting", 0, NULL, NULL, "87654321");
  aeble = add_participant (store, "Ærbar Fiktivsen", "intake", 0, NULL, NULL, NULL);
  bo = add_participant (store, "Bo Sørensen-Prøve", "active", 0, NULL, NULL, NULL);

  {
    g_autoptr(GArray) ids = query (store, "soren", 0, NULL, SPOR_PARTICIPANT_SORT_NAME);
    /* "soren" finds Søren, and Sørensen by its prefix */
    g_assert_cmpuint (ids->len, ==, 2);
    g_assert_cmpint (ID (ids, 0), ==, bo);
    g_assert_cmpint (ID (ids, 1), ==, soeren);
  }
  {
    g_autoptr(GArray) ids = query (store, "aase", 0, NULL, SPOR_PARTICIPANT_SORT_NAME);
    g_assert_cmpuint (ids->len, ==, 1);
    g_assert_cmpint (ID (ids, 0), ==, aase);
  }
  {
    g_autoptr(GArray) ids = query (store, "Åse", 0, NULL, SPOR_PARTICIPANT_SORT_NAME);
    g_assert_cmpuint (ids->len, ==, 1);
  }
  {
    g_autoptr(GArray) ids = query (store, "aer", 0, NULL, SPOR_PARTICIPANT_SORT_NAME);
    g_assert_cmpuint (ids->len, ==, 1);
    g_assert_cmpint (ID (ids, 0), ==, aeble);
  }
  {
    g_autoptr(GArray) ids = query (store, "søren test", 0, NULL, SPOR_PARTICIPANT_SORT_NAME);
    g_assert_cmpuint (ids->len, ==, 1);
    g_assert_cmpint (ID (ids, 0), ==, soeren);
  }
  {
    g_autoptr(GArray) ids = query (store, "12345678", 0, NULL, SPOR_PARTICIPANT_SORT_NAME);
    g_assert_cmpuint (ids->len, ==, 1);
    g_assert_cmpint (ID (ids, 0), ==, soeren);
  }
  {
    g_autoptr(GArray) ids = query (store, "8765", 0, NULL, SPOR_PARTICIPANT_SORT_NAME);
    g_assert_cmpuint (ids->len, ==, 1);
    g_assert_cmpint (ID (ids, 0), ==, aase);
  }
  {
    g_autoptr(GArray) ids = query (store, "soeren.t@eksempel.invalid", 0, NULL,
                                   SPOR_PARTICIPANT_SORT_NAME);
    g_assert_cmpuint (ids->len, ==, 1);
    g_assert_cmpint (ID (ids, 0), ==, soeren);
  }
  {
    /* FTS5 syntax typed by a person is only text */
    g_autoptr(GArray) ids = query (store, "\"NEAR(a b)\" OR * -", 0, NULL, SPOR_PARTICIPANT_SORT_NAME);
    g_assert_cmpuint (ids->len, ==, 0);
  }
  {
    g_autoptr(GArray) ids = query (store, "   ", 0, NULL, SPOR_PARTICIPANT_SORT_NAME);
    g_assert_cmpuint (ids->len, ==, 4);
  }
  {
    g_autoptr(GArray) ids = query (store, "zzzz", 0, NULL, SPOR_PARTICIPANT_SORT_NAME);
    g_assert_cmpuint (ids->len, ==, 0);
  }
}

static void
test_filter_sort_page (void)
{
  g_autoptr(SporStore) store = test_open_new_store ();
  g_autoptr(GError) error = NULL;
  gint64 prog_a = add_programme (store, "Programme A", 18, 29, FALSE);
  gint64 prog_b = add_programme (store, "Programme B", 16, 24, FALSE);
  gint64 anna, bent, carl, dora;

  anna = add_participant (store, "Anna Prøve", "completed", prog_a, "2025-01-06", NULL, NULL);
  bent = add_participant (store, "Bent Prøve", "waiting", prog_a, NULL, NULL, NULL);
  carl = add_participant (store, "carl Prøve", "active", prog_b, "2026-02-02", NULL, NULL);
  dora = add_participant (store, "Dora Prøve", "active", prog_a, "2025-09-01", NULL, NULL);

  {
    g_autoptr(GArray) ids = query (store, NULL, 0, NULL, SPOR_PARTICIPANT_SORT_NAME);
    g_assert_cmpuint (ids->len, ==, 4);
    /* case does not decide the order */
    g_assert_cmpint (ID (ids, 2), ==, carl);
  }
  {
    g_autoptr(GArray) ids = query (store, NULL, prog_a, NULL, SPOR_PARTICIPANT_SORT_NAME);
    g_assert_cmpuint (ids->len, ==, 3);
  }
  {
    g_autoptr(GArray) ids = query (store, NULL, prog_a, "active", SPOR_PARTICIPANT_SORT_NAME);
    g_assert_cmpuint (ids->len, ==, 1);
    g_assert_cmpint (ID (ids, 0), ==, dora);
  }
  {
    g_autoptr(GArray) ids = query (store, NULL, 0, NULL, SPOR_PARTICIPANT_SORT_START_DATE);
    g_assert_cmpint (ID (ids, 0), ==, carl);
    g_assert_cmpint (ID (ids, 1), ==, dora);
    g_assert_cmpint (ID (ids, 2), ==, anna);
    g_assert_cmpint (ID (ids, 3), ==, bent);
  }
  {
    g_autoptr(GArray) ids = query (store, NULL, 0, NULL, SPOR_PARTICIPANT_SORT_STATUS);
    g_assert_cmpint (ID (ids, 0), ==, bent);
    g_assert_cmpint (ID (ids, 3), ==, anna);
  }
  {
    g_autoptr(GArray) page = spor_participant_list_query_ids (store, "prøve", 0, 0, NULL,
                                                          SPOR_PARTICIPANT_SORT_NAME, 1, 2, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (page->len, ==, 2);
    g_assert_cmpint (ID (page, 0), ==, bent);
    g_assert_cmpint (ID (page, 1), ==, carl);
  }
}

static void
on_items_changed (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  guint      *count)
{
  (*count)++;
}

static void
test_list_model (void)
{
  g_autoptr(SporStore) store = test_open_new_store ();
  g_autoptr(SporParticipantList) list = NULL;
  g_autoptr(SporParticipantItem) item = NULL;
  gint64 prog = add_programme (store, "Værksted", 18, 29, FALSE);
  gint64 anna;
  guint changes = 0;

  anna = add_participant (store, "Anna Prøve", "active", prog, NULL, NULL, NULL);
  add_participant (store, "Bent Prøve", "waiting", 0, NULL, NULL, NULL);
  list = spor_participant_list_new (store);
  g_signal_connect (list, "items-changed", G_CALLBACK (on_items_changed), &changes);

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 2);
  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (list)) == SPOR_TYPE_PARTICIPANT_ITEM);
  item = g_list_model_get_item (G_LIST_MODEL (list), 0);
  g_assert_cmpint (spor_participant_item_get_id (item), ==, anna);
  g_assert_cmpstr (spor_participant_item_get_name (item), ==, "Anna Prøve");
  g_assert_cmpstr (spor_participant_item_get_programme_name (item), ==, "Værksted");
  g_assert_cmpstr (spor_participant_item_get_status (item), ==, "active");
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (list), 2));

  spor_participant_list_set_search (list, "bent");
  g_assert_cmpuint (changes, >, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);
  /* "bent " asks the same as "bent": no second query */
  changes = 0;
  spor_participant_list_set_search (list, "bent ");
  g_assert_cmpuint (changes, ==, 0);
  spor_participant_list_set_search (list, NULL);
  spor_participant_list_set_status (list, "active");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);
  g_assert_cmpuint (spor_participant_list_find (list, anna), ==, 0);
  spor_participant_list_set_status (list, NULL);
  spor_participant_list_set_programme (list, prog);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);
  /* a participant waiting for erasure is left out until undone */
  spor_participant_list_set_hidden (list, anna, TRUE);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 0);
  spor_participant_list_set_hidden (list, anna, FALSE);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);
}

typedef struct {
  guint position, removed, added;
} Change;

static void
record_change (GListModel *model,
               guint       position,
               guint       removed,
               guint       added,
               Change     *change)
{
  *change = (Change) { position, removed, added };
}

/* A long list opens with its first rows and its full length; the rest is read when asked
 * for or when idle, in the same order. */
static void
test_list_partial (void)
{
  Change change = { 0 };
  g_autoptr(SporStore) store = test_open_new_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(SporParticipantList) list = NULL;
  g_autoptr(GArray) all = NULL;

  assert_ok (spor_store_begin (store, &error));
  for (int i = 0; i < 450; i++)
    {
      g_autofree char *name = g_strdup_printf ("Række Person %03d", 449 - i);
      add_participant (store, name, "active", 0, NULL, NULL, NULL);
    }
  assert_ok (spor_store_commit (store, &error));
  all = query (store, NULL, 0, NULL, SPOR_PARTICIPANT_SORT_NAME);

  list = spor_participant_list_new (store);
  /* a screenful of rows first, the rest announced when idle (after the first frame) */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 64);
  g_assert_cmpuint (spor_participant_list_get_count (list), ==, 450);
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (list), 64));
  g_signal_connect (list, "items-changed", G_CALLBACK (record_change), &change);
  /* one iteration: the growth runs before the reading of the whole order (lower priority) */
  g_main_context_iteration (NULL, FALSE);
  g_assert_cmpuint (change.position, ==, 64);
  g_assert_cmpuint (change.removed, ==, 0);
  g_assert_cmpuint (change.added, ==, 450 - 64);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 450);
  for (guint i = 0; i < 450; i += 7)
    {
      g_autoptr(SporParticipantItem) item = g_list_model_get_item (G_LIST_MODEL (list), 449 - i);
      g_assert_cmpint (spor_participant_item_get_id (item), ==, ID (all, 449 - i));
    }
  g_assert_cmpint (spor_participant_list_get_id (list, 449), ==, ID (all, 449));

  /* the idle completion */
  g_clear_object (&list);
  list = spor_participant_list_new (store);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_cmpuint (spor_participant_list_find (list, ID (all, 300)), ==, 300);
  {
    g_autoptr(SporParticipantItem) item = g_list_model_get_item (G_LIST_MODEL (list), 0);
    g_assert_cmpstr (spor_participant_item_get_name (item), ==, "Række Person 000");
  }
}

static void
test_cpr (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *digits = NULL;
  g_autofree char *birth = NULL;
  g_autofree char *mask = NULL;

  assert_ok (spor_cpr_parse ("010203-1234", &digits, &birth, &error));
  g_assert_cmpstr (digits, ==, "0102031234");
  g_assert_cmpstr (birth, ==, "1903-02-01");
  g_clear_pointer (&birth, g_free);
  assert_ok (spor_cpr_parse ("2902044321", NULL, &birth, &error));
  g_assert_cmpstr (birth, ==, "2004-02-29");
  g_clear_pointer (&birth, g_free);
  g_assert_false (spor_cpr_parse ("150199 5555", NULL, NULL, &error));
  g_clear_error (&error);
  assert_ok (spor_cpr_parse (" 150170-5555 ", NULL, &birth, &error));
  g_assert_cmpstr (birth, ==, "1870-01-15");

  g_assert_false (spor_cpr_parse ("290203-1234", NULL, NULL, &error)); /* 1903 no leap day */
  g_assert_error (error, SPOR_STORE_ERROR, SPOR_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (spor_cpr_parse ("321299-1234", NULL, NULL, &error));
  g_clear_error (&error);
  g_assert_false (spor_cpr_parse ("12345", NULL, NULL, &error));
  g_clear_error (&error);
  g_assert_false (spor_cpr_parse ("01020a-1234", NULL, NULL, &error));
  g_clear_error (&error);

  mask = spor_cpr_mask ("0102031234");
  g_assert_cmpstr (mask, ==, "010203-xxxx");
  g_assert_null (spor_cpr_mask ("123"));

  g_assert_true (spor_email_is_valid ("a.b@eksempel.invalid"));
  g_assert_false (spor_email_is_valid ("a.b@"));
  g_assert_false (spor_email_is_valid ("ab.eksempel.invalid"));
  g_assert_false (spor_email_is_valid ("a b@eksempel.invalid"));
  g_assert_true (spor_phone_is_valid ("12 34 56 78"));
  g_assert_true (spor_phone_is_valid ("+45 12345678"));
  g_assert_false (spor_phone_is_valid ("1234"));
  g_assert_false (spor_phone_is_valid ("12a45678"));
}

static gboolean
has_problem (GPtrArray  *problems,
             const char *field)
{
  for (guint i = 0; i < problems->len; i++)
    if (g_strcmp0 (((SporProblem *) problems->pdata[i])->field, field) == 0)
      return TRUE;
  return FALSE;
}

static void
test_check_and_save (void)
{
  g_autoptr(SporStore) store = test_open_new_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(SporParticipant) p = spor_entity_new (SPOR_TYPE_PARTICIPANT);
  g_autoptr(GPtrArray) problems = NULL;

  spor_entity_set_text (SPOR_ENTITY (p), "name", "  ");
  spor_entity_set_text (SPOR_ENTITY (p), "cpr", "310299-1234");
  spor_entity_set_text (SPOR_ENTITY (p), "email", "nope");
  spor_entity_set_text (SPOR_ENTITY (p), "phone", "12");
  spor_entity_set_text (SPOR_ENTITY (p), "start_date", "2026-03-01");
  spor_entity_set_text (SPOR_ENTITY (p), "end_date", "2026-02-01");
  spor_entity_set_text (SPOR_ENTITY (p), "referral_date", "2026-02-30");
  problems = spor_participant_check (p);
  g_assert_true (has_problem (problems, "name"));
  g_assert_true (has_problem (problems, "cpr"));
  g_assert_true (has_problem (problems, "email"));
  g_assert_true (has_problem (problems, "phone"));
  g_assert_true (has_problem (problems, "end_date"));
  g_assert_true (has_problem (problems, "referral_date"));

  /* A failed save writes nothing */
  g_assert_false (spor_participant_save (store, p, &error));
  g_assert_error (error, SPOR_STORE_ERROR, SPOR_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (test_count_rows (store, "participants"), ==, 0);
  g_assert_cmpint (spor_entity_get_id (SPOR_ENTITY (p)), ==, 0);

  spor_entity_set_text (SPOR_ENTITY (p), "name", "Testa Person");
  spor_entity_set_text (SPOR_ENTITY (p), "cpr", "010203-1234");
  spor_entity_set_text (SPOR_ENTITY (p), "email", "testa@eksempel.invalid");
  spor_entity_set_text (SPOR_ENTITY (p), "phone", "12 34 56 78");
  spor_entity_unset (SPOR_ENTITY (p), "end_date");
  spor_entity_unset (SPOR_ENTITY (p), "referral_date");
  assert_ok (spor_participant_save (store, p, &error));
  /* the CPR number is stored as digits and gives the birth date */
  {
    g_autoptr(SporParticipant) stored = spor_store_get (store, SPOR_TYPE_PARTICIPANT,
                                                        spor_entity_get_id (SPOR_ENTITY (p)), &error);
    g_assert_cmpstr (spor_entity_get_text (SPOR_ENTITY (stored), "cpr"), ==, "0102031234");
    g_assert_cmpstr (spor_entity_get_text (SPOR_ENTITY (stored), "birth_date"), ==, "1903-02-01");
  }
  /* a CPR number that disagrees with the birth date */
  spor_entity_set_text (SPOR_ENTITY (p), "birth_date", "1990-01-01");
  g_clear_pointer (&problems, g_ptr_array_unref);
  problems = spor_participant_check (p);
  g_assert_true (has_problem (problems, "cpr"));
}

static void
test_warnings (void)
{
  g_autoptr(SporStore) store = test_open_new_store ();
  g_autoptr(GError) error = NULL;
  gint64 prog = add_programme (store, "Sy og design", 18, 29, TRUE);
  gint64 cohort = add_cohort (store, prog, "Hold 1", 1);
  g_autoptr(SporParticipant) p = spor_entity_new (SPOR_TYPE_PARTICIPANT);
  g_autoptr(GPtrArray) warnings = NULL;

  add_participant (store, "Fyldt Plads", "active", 0, NULL, NULL, NULL);
  {
    g_autoptr(SporParticipant) first = spor_store_get (store, SPOR_TYPE_PARTICIPANT, 1, &error);
    spor_entity_set_int (SPOR_ENTITY (first), "cohort_id", cohort);
    assert_ok (spor_participant_save (store, first, &error));
  }

  spor_entity_set_text (SPOR_ENTITY (p), "name", "Ny Prøveperson");
  spor_entity_set_text (SPOR_ENTITY (p), "birth_date", "1990-06-15");
  spor_entity_set_text (SPOR_ENTITY (p), "provision", "self_supporting");
  spor_entity_set_text (SPOR_ENTITY (p), "status", "intake");
  spor_entity_set_int (SPOR_ENTITY (p), "programme_id", prog);
  spor_entity_set_int (SPOR_ENTITY (p), "cohort_id", cohort);
  warnings = spor_participant_warnings (store, p, "2026-11-23", &error);
  g_assert_no_error (error);
  g_assert_true (has_problem (warnings, "birth_date"));
  g_assert_true (has_problem (warnings, "provision"));
  g_assert_true (has_problem (warnings, "cohort_id"));

  /* warnings are not walls */
  assert_ok (spor_participant_save (store, p, &error));

  g_clear_pointer (&warnings, g_ptr_array_unref);
  spor_entity_set_text (SPOR_ENTITY (p), "birth_date", "2000-11-23");
  spor_entity_set_text (SPOR_ENTITY (p), "provision", "cash_benefit");
  spor_entity_unset (SPOR_ENTITY (p), "cohort_id");
  warnings = spor_participant_warnings (store, p, "2026-11-23", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (warnings->len, ==, 0);
}

static void
test_waiting_list (void)
{
  g_autoptr(SporStore) store = test_open_new_store ();
  g_autoptr(GError) error = NULL;
  gint64 prog = add_programme (store, "Unge med Kant", 22, 29, FALSE);
  gint64 cohort = add_cohort (store, prog, "Forår", 20);
  gint64 ids[10];
  gboolean over = TRUE;

  /* Ishøj: 20 places, 10 waiting */
  for (int i = 0; i < 20; i++)
    {
      g_autofree char *name = g_strdup_printf ("Plads Person %d", i);
      gint64 id = add_participant (store, name, "intake", 0, NULL, NULL, NULL);
      g_autoptr(SporParticipant) p = spor_store_get (store, SPOR_TYPE_PARTICIPANT, id, &error);
      spor_entity_set_int (SPOR_ENTITY (p), "cohort_id", cohort);
      assert_ok (spor_participant_save (store, p, &error));
    }
  for (int i = 0; i < 10; i++)
    {
      g_autofree char *name = g_strdup_printf ("Venter Person %d", i);
      ids[i] = add_participant (store, name, "waiting", 0, NULL, NULL, NULL);
      assert_ok (spor_waiting_list_add (store, ids[i], prog, "2026-10-01", &error));
    }
  {
    g_autoptr(GArray) order = spor_waiting_list_ids (store, prog, &error);
    g_assert_cmpuint (order->len, ==, 10);
    for (int i = 0; i < 10; i++)
      g_assert_cmpint (ID (order, i), ==, ids[i]);
  }

  assert_ok (spor_waiting_list_move (store, ids[7], 1, &error));
  assert_ok (spor_waiting_list_move (store, ids[0], 10, &error));
  g_assert_false (spor_waiting_list_move (store, ids[1], 11, &error));
  g_assert_error (error, SPOR_STORE_ERROR, SPOR_STORE_ERROR_INVALID);
  g_clear_error (&error);
  {
    g_autoptr(GArray) order = spor_waiting_list_ids (store, prog, &error);
    g_autoptr(SporParticipant) p = spor_store_get (store, SPOR_TYPE_PARTICIPANT, ids[7], &error);
    g_assert_cmpint (ID (order, 0), ==, ids[7]);
    g_assert_cmpint (ID (order, 1), ==, ids[1]);
    g_assert_cmpint (ID (order, 9), ==, ids[0]);
    g_assert_cmpint (spor_entity_get_int (SPOR_ENTITY (p), "waiting_position"), ==, 1);
  }

  {
    g_autoptr(GArray) sorted = spor_participant_list_query_ids (store, NULL, prog, 0, "waiting",
                                                            SPOR_PARTICIPANT_SORT_WAITING, 0, 0, &error);
    g_assert_cmpint (ID (sorted, 0), ==, ids[7]);
    g_assert_cmpint (ID (sorted, 9), ==, ids[0]);
  }

  /* admitting the 21st into a cohort of 20 works and warns */
  assert_ok (spor_waiting_list_admit (store, ids[7], cohort, &over, &error));
  g_assert_true (over);
  {
    g_autoptr(GArray) order = spor_waiting_list_ids (store, prog, &error);
    g_autoptr(SporParticipant) p = spor_store_get (store, SPOR_TYPE_PARTICIPANT, ids[7], &error);
    g_autoptr(SporParticipant) next = spor_store_get (store, SPOR_TYPE_PARTICIPANT, ids[1], &error);
    g_assert_cmpuint (order->len, ==, 9);
    g_assert_cmpint (ID (order, 0), ==, ids[1]);
    g_assert_cmpint (spor_entity_get_int (SPOR_ENTITY (next), "waiting_position"), ==, 1);
    g_assert_cmpint (spor_entity_get_int (SPOR_ENTITY (p), "cohort_id"), ==, cohort);
    g_assert_false (spor_entity_is_set (SPOR_ENTITY (p), "waiting_position"));
    g_assert_cmpstr (spor_entity_get_text (SPOR_ENTITY (p), "status"), !=, "waiting");
  }
  /* admitting someone who is not waiting changes nothing */
  g_assert_false (spor_waiting_list_admit (store, ids[7], cohort, NULL, &error));
  g_assert_error (error, SPOR_STORE_ERROR, SPOR_STORE_ERROR_INVALID);
}

static gboolean
file_contains (const char *path,
               const char *needle)
{
  g_autofree char *data = NULL;
  gsize len = 0;

  if (!g_file_get_contents (path, &data, &len, NULL))
    return FALSE;
  return memmem (data, len, needle, strlen (needle)) != NULL;
}

static void
test_erase (void)
{
  g_autoptr(SporStore) store = test_open_new_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) audit = NULL;
  g_autoptr(SporParticipant) p = NULL;
  g_autofree char *uuid = NULL;
  g_autofree char *wal = NULL;
  gint64 prog = add_programme (store, "Slet", 18, 29, FALSE);
  gint64 id, other;
  const char *tables[] = { "participants", "meetings", "agreements", "needs", "placements",
                           "outcomes", "portfolio_items", "participant_staff" };

  id = add_participant (store, "Xylofonia Quintessa", "active", prog, NULL,
                        "xylofonia@eksempel.invalid", "11223344");
  other = add_participant (store, "Anden Prøve", "active", prog, NULL, NULL, NULL);
  assert_ok (spor_meetings_add (store, id, "coaching", "2026-11-02", 0,
                                "Xylofonia talked about music", &error));
  assert_ok (spor_meetings_add (store, other, "coaching", "2026-11-02", 0, NULL, &error));
  {
    g_autoptr(SporAgreement) a = spor_entity_new (SPOR_TYPE_AGREEMENT);
    g_autoptr(SporNeed) n = spor_entity_new (SPOR_TYPE_NEED);
    g_autoptr(SporPlacement) pl = spor_entity_new (SPOR_TYPE_PLACEMENT);
    g_autoptr(SporOutcome) o = spor_entity_new (SPOR_TYPE_OUTCOME);
    g_autoptr(SporPortfolioItem) pi = spor_entity_new (SPOR_TYPE_PORTFOLIO_ITEM);
    g_autoptr(SporStaff) s = spor_entity_new (SPOR_TYPE_STAFF);
    g_autoptr(SporParticipantStaff) ps = spor_entity_new (SPOR_TYPE_PARTICIPANT_STAFF);

    spor_entity_set_int (SPOR_ENTITY (a), "participant_id", id);
    spor_entity_set_int (SPOR_ENTITY (a), "version", 1);
    spor_entity_set_text (SPOR_ENTITY (a), "goals", "Xylofonia wants a job");
    assert_ok (spor_store_insert (store, SPOR_ENTITY (a), &error));
    spor_entity_set_int (SPOR_ENTITY (n), "participant_id", id);
    spor_entity_set_text (SPOR_ENTITY (n), "subject", "Maths");
    assert_ok (spor_store_insert (store, SPOR_ENTITY (n), &error));
    spor_entity_set_int (SPOR_ENTITY (pl), "participant_id", id);
    spor_entity_set_text (SPOR_ENTITY (pl), "kind", "internship");
    assert_ok (spor_store_insert (store, SPOR_ENTITY (pl), &error));
    spor_entity_set_int (SPOR_ENTITY (o), "participant_id", id);
    spor_entity_set_text (SPOR_ENTITY (o), "kind", "exit");
    spor_entity_set_text (SPOR_ENTITY (o), "date", "2026-11-01");
    spor_entity_set_text (SPOR_ENTITY (o), "destination", "job");
    assert_ok (spor_store_insert (store, SPOR_ENTITY (o), &error));
    spor_entity_set_int (SPOR_ENTITY (pi), "participant_id", id);
    spor_entity_set_text (SPOR_ENTITY (pi), "kind", "course");
    spor_entity_set_text (SPOR_ENTITY (pi), "title", "First aid");
    assert_ok (spor_store_insert (store, SPOR_ENTITY (pi), &error));
    spor_entity_set_text (SPOR_ENTITY (s), "name", "Mentor Prøve");
    assert_ok (spor_store_insert (store, SPOR_ENTITY (s), &error));
    spor_entity_set_int (SPOR_ENTITY (ps), "participant_id", id);
    spor_entity_set_int (SPOR_ENTITY (ps), "staff_id", spor_entity_get_id (SPOR_ENTITY (s)));
    spor_entity_set_text (SPOR_ENTITY (ps), "role", "mentor");
    assert_ok (spor_store_insert (store, SPOR_ENTITY (ps), &error));
  }
  p = spor_store_get (store, SPOR_TYPE_PARTICIPANT, id, &error);
  uuid = g_strdup (spor_entity_get_uuid (SPOR_ENTITY (p)));

  assert_ok (spor_participant_erase (store, id, &error));

  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    g_assert_cmpint (test_count_rows (store, tables[i]), ==, g_str_equal (tables[i], "participants") ||
                                                             g_str_equal (tables[i], "meetings") ? 1 : 0);
  {
    g_autoptr(GArray) found = query (store, "xylofonia", 0, NULL, SPOR_PARTICIPANT_SORT_NAME);
    g_assert_cmpuint (found->len, ==, 0);
  }
  audit = spor_store_list_audit (store, uuid, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (((SporAuditEntry *) audit->pdata[audit->len - 1])->action, ==, "erase");
  for (guint i = 0; i < audit->len; i++)
    g_assert_null (g_strstr_len (((SporAuditEntry *) audit->pdata[i])->fields ?: "", -1, "Xylo"));
  g_assert_cmpint (test_count_rows (store, "tombstones"), ==, 8);

  /* The text is gone from the file itself, index shadow tables included. */
  g_assert_false (file_contains (spor_store_get_path (store), "Xylofonia"));
  g_assert_false (file_contains (spor_store_get_path (store), "xylofonia"));
  wal = g_strconcat (spor_store_get_path (store), "-wal", NULL);
  g_assert_false (file_contains (wal, "Xylofonia"));

  g_assert_false (spor_participant_erase (store, id, &error));
  g_assert_error (error, SPOR_STORE_ERROR, SPOR_STORE_ERROR_NOT_FOUND);
}

static void
test_meetings (void)
{
  g_autoptr(SporStore) store = test_open_new_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) meetings = NULL;
  gint64 id = add_participant (store, "Møde Prøve", "active", 0, NULL, NULL, NULL);

  assert_ok (spor_meetings_add (store, id, "coaching", "2026-10-01", 0, "a", &error));
  assert_ok (spor_meetings_add (store, id, "evaluation", "2026-11-01", 0, NULL, &error));
  g_assert_false (spor_meetings_add (store, id, "party", "2026-11-01", 0, NULL, &error));
  g_clear_error (&error);
  g_assert_false (spor_meetings_add (store, id, "coaching", "2026-02-30", 0, NULL, &error));
  g_clear_error (&error);
  /* mentors: links added and removed to match */
  {
    g_autoptr(SporStaff) a = spor_entity_new (SPOR_TYPE_STAFF);
    g_autoptr(SporStaff) b = spor_entity_new (SPOR_TYPE_STAFF);
    g_autoptr(GArray) want = g_array_new (FALSE, FALSE, sizeof (gint64));
    g_autoptr(GArray) got = NULL;
    gint64 aid, bid;

    spor_entity_set_text (SPOR_ENTITY (a), "name", "Mentor En");
    spor_entity_set_text (SPOR_ENTITY (b), "name", "Mentor To");
    assert_ok (spor_store_insert (store, SPOR_ENTITY (a), &error));
    assert_ok (spor_store_insert (store, SPOR_ENTITY (b), &error));
    aid = spor_entity_get_id (SPOR_ENTITY (a));
    bid = spor_entity_get_id (SPOR_ENTITY (b));
    g_array_append_val (want, aid);
    g_array_append_val (want, bid);
    assert_ok (spor_participant_staff_set_ids (store, id, "mentor", want, &error));
    g_array_remove_index (want, 0);
    assert_ok (spor_participant_staff_set_ids (store, id, "mentor", want, &error));
    got = spor_participant_staff_get_ids (store, id, "mentor", &error);
    g_assert_cmpuint (got->len, ==, 1);
    g_assert_cmpint (g_array_index (got, gint64, 0), ==, bid);
    g_assert_cmpint (test_count_rows (store, "participant_staff"), ==, 1);
  }
  meetings = spor_meetings_list (store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (meetings->len, ==, 2);
  g_assert_cmpstr (spor_entity_get_text (meetings->pdata[0], "kind"), ==, "evaluation");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/participants/search", test_search);
  g_test_add_func ("/participants/filter-sort-page", test_filter_sort_page);
  g_test_add_func ("/participants/list-model", test_list_model);
  g_test_add_func ("/participants/list-partial", test_list_partial);
  g_test_add_func ("/participants/cpr-email-phone", test_cpr);
  g_test_add_func ("/participants/check-and-save", test_check_and_save);
  g_test_add_func ("/participants/warnings", test_warnings);
  g_test_add_func ("/participants/waiting-list", test_waiting_list);
  g_test_add_func ("/participants/erase", test_erase);
  g_test_add_func ("/participants/meetings", test_meetings);

  return g_test_run ();
}
