/* test-rules-schema.c — the database's own rules, written past the store with plain SQL:
 * attendance states and hours, block times and weekdays, agreement versions and signing,
 * and the unique assignments. A CHECK or UNIQUE taken out of schema-1.sql fails here.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <sqlite3.h>

#include "rules-test-util.h"
#include "spor-blocks.h"
#include "spor-store-private.h"

#define T "'2026-01-05T10:00:00.000000Z'"

typedef struct {
  SporStore *store;
  sqlite3   *db;
  guint      next_uuid;
} Fixture;

/* A new UUID for a row written here */
static char *
uuid (Fixture *f)
{
  return g_strdup_printf ("00000000-0000-7000-8000-%012x", ++f->next_uuid);
}

/* Runs one INSERT whose "%s" is a new UUID; returns SQLite's extended result code. */
static int
insert (Fixture    *f,
        const char *format)
{
  g_autofree char *id = uuid (f);
  g_autofree char *sql = NULL;
  int rc;

  /* The statements are constants of this test; only the generated UUID goes into them. */
  sql = g_strdup_printf (format, id);
  rc = sqlite3_exec (f->db, sql, NULL, NULL, NULL);
  return rc == SQLITE_OK ? rc : sqlite3_extended_errcode (f->db);
}

static void
assert_accepted (Fixture    *f,
                 const char *format)
{
  int rc = insert (f, format);

  if (rc != SQLITE_OK)
    g_error ("refused (%s): %s", sqlite3_errmsg (f->db), format);
}

/* Refused by the rule @rc (SQLITE_CONSTRAINT_CHECK or _UNIQUE) that names @what. */
static void
assert_refused (Fixture    *f,
                int         rc,
                const char *what,
                const char *format)
{
  int got = insert (f, format);

  if (got != rc || strstr (sqlite3_errmsg (f->db), what) == NULL)
    g_error ("%s: expected a refusal naming “%s”, got %d (%s)", format, what, got,
             got == SQLITE_OK ? "accepted" : sqlite3_errmsg (f->db));
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->store = test_open_new_store ();
  f->db = spor_store_get_db (f->store);
  /* programme 1, participant 1, staff 1, block 1 (Tuesdays), phase 1 */
  assert_accepted (f, "INSERT INTO programmes (uuid, created_at, updated_at, name) VALUES ('%s', "T", "T", 'P')");
  assert_accepted (f, "INSERT INTO participants (uuid, created_at, updated_at, name) VALUES ('%s', "T", "T", 'Testa Testesen')");
  assert_accepted (f, "INSERT INTO staff (uuid, created_at, updated_at, name) VALUES ('%s', "T", "T", 'Rådgiver Prøvesen')");
  assert_accepted (f, "INSERT INTO blocks (uuid, created_at, updated_at, title, kind, weekdays, start_time, "
                      "end_time, period_start) VALUES ('%s', "T", "T", 'B', 'weekly', 2, '09:00', '12:00', '2026-01-05')");
  assert_accepted (f, "INSERT INTO phases (uuid, created_at, updated_at, programme_id, position, name) "
                      "VALUES ('%s', "T", "T", 1, 0, 'Fase')");
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_assert_finalize_object (f->store);
}

#define ATTENDANCE(date, status, hours) \
  "INSERT INTO attendance (uuid, created_at, updated_at, block_id, participant_id, date, status, " \
  "hours) VALUES ('%s', "T", "T", 1, 1, '" date "', " status ", " hours ")"

static void
test_attendance (Fixture       *f,
                 gconstpointer  data)
{
  assert_accepted (f, ATTENDANCE ("2026-01-06", "'present'", "3"));
  assert_accepted (f, ATTENDANCE ("2026-01-13", "'late'", "24"));
  assert_accepted (f, ATTENDANCE ("2026-01-20", "'absent_notice'", "0"));
  assert_accepted (f, ATTENDANCE ("2026-01-27", "'absent'", "NULL"));
  assert_accepted (f, ATTENDANCE ("2026-02-03", "'sick'", "0"));
  assert_refused (f, SQLITE_CONSTRAINT_CHECK, "status", ATTENDANCE ("2026-02-10", "'unknown'", "0"));
  assert_refused (f, SQLITE_CONSTRAINT_CHECK, "status", ATTENDANCE ("2026-02-10", "'Present'", "0"));
  assert_refused (f, SQLITE_CONSTRAINT_NOTNULL, "status", ATTENDANCE ("2026-02-10", "NULL", "0"));
  assert_refused (f, SQLITE_CONSTRAINT_CHECK, "hours", ATTENDANCE ("2026-02-10", "'present'", "24.5"));
  assert_refused (f, SQLITE_CONSTRAINT_CHECK, "hours", ATTENDANCE ("2026-02-10", "'present'", "-0.5"));
  assert_refused (f, SQLITE_CONSTRAINT_CHECK, "date", ATTENDANCE ("2026-13-01", "'present'", "1"));
  assert_refused (f, SQLITE_CONSTRAINT_CHECK, "date", ATTENDANCE ("2026-02-32", "'present'", "1"));
  /* one registration per person and occurrence */
  assert_refused (f, SQLITE_CONSTRAINT_UNIQUE, "attendance.block_id, attendance.date, attendance.participant_id",
                  ATTENDANCE ("2026-01-06", "'late'", "1"));
  g_assert_cmpint (test_count_rows (f->store, "attendance"), ==, 5);
}

#define BLOCK(kind, weekdays, start, end) \
  "INSERT INTO blocks (uuid, created_at, updated_at, title, kind, weekdays, start_time, end_time, " \
  "period_start) VALUES ('%s', "T", "T", 'B', '" kind "', " weekdays ", '" start "', '" end "', '2026-01-05')"

static void
test_block_times (Fixture       *f,
                  gconstpointer  data)
{
  assert_accepted (f, BLOCK ("weekly", "127", "00:00", "23:59"));
  assert_accepted (f, BLOCK ("once", "0", "09:00", "09:01"));
  assert_refused (f, SQLITE_CONSTRAINT_CHECK, "start_time < end_time", BLOCK ("weekly", "2", "09:00", "09:00"));
  assert_refused (f, SQLITE_CONSTRAINT_CHECK, "start_time < end_time", BLOCK ("weekly", "2", "12:00", "09:00"));
  assert_refused (f, SQLITE_CONSTRAINT_CHECK, "end_time", BLOCK ("weekly", "2", "09:00", "24:00"));
  assert_refused (f, SQLITE_CONSTRAINT_CHECK, "start_time", BLOCK ("weekly", "2", "9:00", "12:00"));
  assert_refused (f, SQLITE_CONSTRAINT_CHECK, "weekdays > 0", BLOCK ("weekly", "0", "09:00", "12:00"));
  assert_refused (f, SQLITE_CONSTRAINT_CHECK, "weekdays", BLOCK ("weekly", "128", "09:00", "12:00"));
  assert_refused (f, SQLITE_CONSTRAINT_CHECK, "kind", BLOCK ("daily", "2", "09:00", "12:00"));
  assert_refused (f, SQLITE_CONSTRAINT_CHECK, "period_start <= period_end",
                  "INSERT INTO blocks (uuid, created_at, updated_at, title, weekdays, start_time, end_time, "
                  "period_start, period_end) VALUES ('%s', "T", "T", 'B', 2, '09:00', '12:00', '2026-01-05', "
                  "'2026-01-04')");
  g_assert_cmpint (test_count_rows (f->store, "blocks"), ==, 3);
}

#define AGREEMENT(version, state, signed_date) \
  "INSERT INTO agreements (uuid, created_at, updated_at, participant_id, version, state, signed_date) " \
  "VALUES ('%s', "T", "T", 1, " version ", '" state "', " signed_date ")"

static void
test_agreement_versions (Fixture       *f,
                         gconstpointer  data)
{
  assert_accepted (f, AGREEMENT ("1", "signed", "'2026-01-05'"));
  assert_accepted (f, AGREEMENT ("2", "draft", "NULL"));
  assert_refused (f, SQLITE_CONSTRAINT_UNIQUE, "agreements.participant_id, agreements.version",
                  AGREEMENT ("2", "draft", "NULL"));
  assert_refused (f, SQLITE_CONSTRAINT_UNIQUE, "agreements.participant_id, agreements.version",
                  AGREEMENT ("1", "signed", "'2026-02-02'"));
  assert_refused (f, SQLITE_CONSTRAINT_CHECK, "version >= 1", AGREEMENT ("0", "draft", "NULL"));
  assert_refused (f, SQLITE_CONSTRAINT_CHECK, "signed_date IS NOT NULL", AGREEMENT ("3", "signed", "NULL"));
  assert_refused (f, SQLITE_CONSTRAINT_CHECK, "state", AGREEMENT ("3", "final", "'2026-02-02'"));
  assert_accepted (f, AGREEMENT ("3", "signed", "'2026-02-02'"));
  g_assert_cmpint (test_count_rows (f->store, "agreements"), ==, 3);
}

static void
test_unique_assignments (Fixture       *f,
                         gconstpointer  data)
{
  static const struct { const char *sql; const char *other; const char *columns; } links[] = {
    { "INSERT INTO block_staff (uuid, created_at, updated_at, block_id, staff_id, role) "
      "VALUES ('%s', "T", "T", 1, 1, 'creative')",
      "INSERT INTO block_staff (uuid, created_at, updated_at, block_id, staff_id, role) "
      "VALUES ('%s', "T", "T", 1, 1, 'adviser')",
      "block_staff.block_id, block_staff.staff_id, block_staff.role" },
    { "INSERT INTO participant_staff (uuid, created_at, updated_at, participant_id, staff_id, role) "
      "VALUES ('%s', "T", "T", 1, 1, 'mentor')",
      "INSERT INTO participant_staff (uuid, created_at, updated_at, participant_id, staff_id, role) "
      "VALUES ('%s', "T", "T", 1, 1, 'contact_person')",
      "participant_staff.participant_id, participant_staff.staff_id, participant_staff.role" },
    { "INSERT INTO block_participants (uuid, created_at, updated_at, block_id, participant_id) "
      "VALUES ('%s', "T", "T", 1, 1)", NULL,
      "block_participants.block_id, block_participants.participant_id" },
    { "INSERT INTO phase_progress (uuid, created_at, updated_at, participant_id, phase_id) "
      "VALUES ('%s', "T", "T", 1, 1)", NULL,
      "phase_progress.participant_id, phase_progress.phase_id" },
    { "INSERT INTO block_requirements (uuid, created_at, updated_at, block_id, role, count) "
      "VALUES ('%s', "T", "T", 1, 'adviser', 1)",
      "INSERT INTO block_requirements (uuid, created_at, updated_at, block_id, role, count) "
      "VALUES ('%s', "T", "T", 1, 'mentor', 2)",
      "block_requirements.block_id, block_requirements.role" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (links); i++)
    {
      g_test_message ("%s", links[i].columns);
      assert_accepted (f, links[i].sql);
      assert_refused (f, SQLITE_CONSTRAINT_UNIQUE, links[i].columns, links[i].sql);
      if (links[i].other != NULL)
        assert_accepted (f, links[i].other);
    }
}

/* Through the store the same rules hold, and a refusal says it is a duplicate. */
static void
test_unique_through_store (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  assert_ok (spor_blocks_assign_staff (f->store, 1, 1, "creative", &error));
  g_assert_false (spor_blocks_assign_staff (f->store, 1, 1, "creative", &error));
  g_assert_error (error, SPOR_STORE_ERROR, SPOR_STORE_ERROR_CONSTRAINT);
  g_assert_true (g_str_has_prefix (error->message, "block_staff: a record with the same key already exists"));
  g_clear_error (&error);
  assert_ok (spor_blocks_add_participant (f->store, 1, 1, &error));
  g_assert_false (spor_blocks_add_participant (f->store, 1, 1, &error));
  g_assert_error (error, SPOR_STORE_ERROR, SPOR_STORE_ERROR_CONSTRAINT);
  g_assert_true (g_str_has_prefix (error->message, "block_participant: a record with the same key already exists"));
  g_clear_error (&error);

  rules_reopen (&f->store);
  f->db = spor_store_get_db (f->store);
  g_assert_cmpint (test_count_rows (f->store, "block_staff"), ==, 1);
  g_assert_cmpint (test_count_rows (f->store, "block_participants"), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, fn) g_test_add (path, Fixture, NULL, fixture_set_up, fn, fixture_tear_down)
  ADD ("/rules/schema/attendance", test_attendance);
  ADD ("/rules/schema/block-times", test_block_times);
  ADD ("/rules/schema/agreement-versions", test_agreement_versions);
  ADD ("/rules/schema/unique-assignments", test_unique_assignments);
  ADD ("/rules/schema/unique-through-store", test_unique_through_store);
#undef ADD

  return g_test_run ();
}
