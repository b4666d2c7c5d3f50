/* test-agreements.c — drafts, signing and versions of start agreements
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "core-test-util.h"
#include "spor-agreements.h"

static gint64
add_participant (SporStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SporParticipant) p = spor_entity_new (SPOR_TYPE_PARTICIPANT);

  spor_entity_set_text (SPOR_ENTITY (p), "name", "Aftale Prøve");
  assert_ok (spor_store_insert (store, SPOR_ENTITY (p), &error));
  return spor_entity_get_id (SPOR_ENTITY (p));
}

static void
test_versions (void)
{
  g_autoptr(SporStore) store = test_open_new_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(SporAgreement) draft = NULL;
  g_autoptr(SporAgreement) v2 = NULL;
  g_autoptr(SporAgreement) current = NULL;
  g_autoptr(GPtrArray) versions = NULL;
  gint64 pid = add_participant (store);

  current = spor_agreement_get_current (store, pid, &error);
  g_assert_no_error (error);
  g_assert_null (current);

  draft = spor_agreement_start_version (store, pid, &error);
  g_assert_no_error (error);
  g_assert_cmpint (spor_entity_get_int (SPOR_ENTITY (draft), "version"), ==, 1);
  spor_entity_set_text (SPOR_ENTITY (draft), "goals", "Lære at sy en jakke");
  spor_entity_set_text (SPOR_ENTITY (draft), "schedule", "Tuesday and Thursday 9–12");
  spor_entity_set_real (SPOR_ENTITY (draft), "weekly_hours", 6);
  assert_ok (spor_agreement_save_draft (store, draft, &error));
  /* a second start while the draft is open gives the same draft */
  {
    g_autoptr(SporAgreement) again = spor_agreement_start_version (store, pid, &error);
    g_assert_cmpint (spor_entity_get_id (SPOR_ENTITY (again)), ==, spor_entity_get_id (SPOR_ENTITY (draft)));
  }
  /* a second new draft next to it is refused */
  {
    g_autoptr(SporAgreement) extra = spor_entity_new (SPOR_TYPE_AGREEMENT);
    spor_entity_set_int (SPOR_ENTITY (extra), "participant_id", pid);
    g_assert_false (spor_agreement_save_draft (store, extra, &error));
    g_assert_error (error, SPOR_STORE_ERROR, SPOR_STORE_ERROR_INVALID);
    g_clear_error (&error);
  }

  /* signing needs a date and both names */
  g_assert_false (spor_agreement_sign (store, draft, "2026-02-30", "A", "B", &error));
  g_clear_error (&error);
  g_assert_false (spor_agreement_sign (store, draft, "2026-11-23", " ", "B", &error));
  g_clear_error (&error);
  assert_ok (spor_agreement_sign (store, draft, "2026-11-23", "Aftale Prøve", "Rådgiver Prøve", &error));

  /* signed is never edited in place */
  spor_entity_set_text (SPOR_ENTITY (draft), "goals", "changed");
  g_assert_false (spor_agreement_save_draft (store, draft, &error));
  g_assert_error (error, SPOR_STORE_ERROR, SPOR_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (spor_agreement_sign (store, draft, "2026-11-24", "A", "B", &error));
  g_clear_error (&error);

  v2 = spor_agreement_start_version (store, pid, &error);
  g_assert_no_error (error);
  g_assert_cmpint (spor_entity_get_int (SPOR_ENTITY (v2), "version"), ==, 2);
  g_assert_cmpstr (spor_entity_get_text (SPOR_ENTITY (v2), "state"), ==, "draft");
  g_assert_cmpstr (spor_entity_get_text (SPOR_ENTITY (v2), "goals"), ==, "Lære at sy en jakke");
  g_assert_cmpfloat (spor_entity_get_real (SPOR_ENTITY (v2), "weekly_hours"), ==, 6);
  g_assert_false (spor_entity_is_set (SPOR_ENTITY (v2), "signed_date"));
  spor_entity_set_text (SPOR_ENTITY (v2), "goals", "Lære at sy en kjole");
  assert_ok (spor_agreement_save_draft (store, v2, &error));

  versions = spor_agreement_list_versions (store, pid, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (versions->len, ==, 2);
  g_assert_cmpstr (spor_entity_get_text (versions->pdata[0], "goals"), ==, "Lære at sy en jakke");
  g_assert_cmpstr (spor_entity_get_text (versions->pdata[0], "state"), ==, "signed");
  g_assert_cmpstr (spor_entity_get_text (versions->pdata[0], "signed_by_adviser"), ==, "Rådgiver Prøve");
  g_assert_cmpstr (spor_entity_get_text (versions->pdata[1], "goals"), ==, "Lære at sy en kjole");

  g_clear_object (&current);
  current = spor_agreement_get_current (store, pid, &error);
  g_assert_cmpint (spor_entity_get_int (SPOR_ENTITY (current), "version"), ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/agreements/versions", test_versions);
  return g_test_run ();
}
