/* test-rules-agreements.c — start agreements at their edges: version numbers, what a new
 * version copies and what it does not, what signing needs, a draft's fixed version, and
 * what a failed signing leaves behind
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "rules-test-util.h"
#include "spor-agreements.h"

static SporAgreement *
start_version (SporStore *store,
               gint64     participant)
{
  g_autoptr(GError) error = NULL;
  SporAgreement *a = spor_agreement_start_version (store, participant, &error);

  g_assert_no_error (error);
  g_assert_nonnull (a);
  return a;
}

static void
sign (SporStore     *store,
      SporAgreement *a,
      const char    *date)
{
  g_autoptr(GError) error = NULL;

  assert_ok (spor_agreement_sign (store, a, date, "Testa Testesen", "Rådgiver Prøvesen", &error));
}

static gint64
version_of (SporAgreement *a)
{
  return spor_entity_get_int (SPOR_ENTITY (a), "version");
}

static void
test_version_numbers (void)
{
  g_autoptr(SporStore) store = test_open_new_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) versions = NULL;
  gint64 person = rules_add_participant (store, "Testa Testesen", "intake");
  gint64 other = rules_add_participant (store, "Bodil Prøvesen", "intake");
  const char *dates[] = { "2026-01-05", "2026-03-02", "2026-06-01" };

  for (guint i = 0; i < G_N_ELEMENTS (dates); i++)
    {
      g_autoptr(SporAgreement) a = start_version (store, person);

      g_assert_cmpint (version_of (a), ==, i + 1);
      sign (store, a, dates[i]);
    }
  /* another participant's versions count on their own */
  {
    g_autoptr(SporAgreement) first = start_version (store, other);
    g_assert_cmpint (version_of (first), ==, 1);
  }
  versions = spor_agreement_list_versions (store, person, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (versions->len, ==, 3);
  for (guint i = 0; i < versions->len; i++)
    {
      g_assert_cmpint (version_of (versions->pdata[i]), ==, i + 1);
      g_assert_cmpstr (spor_entity_get_text (versions->pdata[i], "state"), ==, "signed");
      g_assert_cmpstr (spor_entity_get_text (versions->pdata[i], "signed_date"), ==, dates[i]);
    }
  {
    g_autoptr(SporAgreement) current = spor_agreement_get_current (store, person, &error);
    g_assert_cmpint (version_of (current), ==, 3);
  }
}

/* The next version starts as a copy of every part of the agreement, without the
 * signatures. */
static void
test_new_version_copies (void)
{
  g_autoptr(SporStore) store = test_open_new_store ();
  g_autoptr(SporAgreement) v1 = NULL;
  g_autoptr(SporAgreement) v2 = NULL;
  gint64 person = rules_add_participant (store, "Testa Testesen", "intake");
  gint64 adviser = rules_add_staff (store, "Rådgiver Prøvesen");
  gint64 creative = rules_add_staff (store, "Testa Kreativsen");
  static const char * const texts[][2] = {
    { "goals", "Lære at sy en jakke" }, { "needs", "Pauser" }, { "schedule", "Tirsdag og torsdag 9–12" },
    { "programme_provides", "Symaskine" }, { "participant_commits", "Møde til tiden" },
    { "start_date", "2026-01-05" }, { "review_date", "2026-03-02" },
  };
  SporEntity *e;

  v1 = start_version (store, person);
  e = SPOR_ENTITY (v1);
  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    spor_entity_set_text (e, texts[i][0], texts[i][1]);
  spor_entity_set_real (e, "weekly_hours", 6.5);
  spor_entity_set_int (e, "adviser_id", adviser);
  spor_entity_set_int (e, "creative_id", creative);
  {
    g_autoptr(GError) error = NULL;
    assert_ok (spor_agreement_save_draft (store, v1, &error));
  }
  sign (store, v1, "2026-01-05");

  v2 = start_version (store, person);
  e = SPOR_ENTITY (v2);
  g_assert_cmpint (version_of (v2), ==, 2);
  g_assert_cmpstr (spor_entity_get_text (e, "state"), ==, "draft");
  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    g_assert_cmpstr (spor_entity_get_text (e, texts[i][0]), ==, texts[i][1]);
  g_assert_cmpfloat (spor_entity_get_real (e, "weekly_hours"), ==, 6.5);
  g_assert_cmpint (spor_entity_get_int (e, "adviser_id"), ==, adviser);
  g_assert_cmpint (spor_entity_get_int (e, "creative_id"), ==, creative);
  g_assert_false (spor_entity_is_set (e, "signed_date"));
  g_assert_null (spor_entity_get_text (e, "signed_by_participant"));
  g_assert_null (spor_entity_get_text (e, "signed_by_adviser"));
}

/* The rule holds for every write, not only for spor_agreement_sign(): a copy marked signed
 * without the adviser's name, as an import or another program would write it, is refused
 * and the stored draft stays as it was. */
static void
test_signed_copy_needs_names (void)
{
  g_autoptr(SporStore) store = test_open_new_store ();
  g_autoptr(GError) error = NULL;
  gint64 person = rules_add_participant (store, "Testa Testesen", "intake");
  g_autoptr(SporAgreement) draft = start_version (store, person);
  const char *advisers[] = { NULL, "  " };

  for (guint i = 0; i < G_N_ELEMENTS (advisers); i++)
    {
      g_autoptr(SporEntity) copy = spor_store_get (store, SPOR_TYPE_AGREEMENT,
                                                   spor_entity_get_id (SPOR_ENTITY (draft)), &error);
      g_autoptr(SporEntity) stored = NULL;

      g_assert_no_error (error);
      spor_entity_set_text (copy, "state", "signed");
      spor_entity_set_text (copy, "signed_date", "2026-01-05");
      spor_entity_set_text (copy, "signed_by_participant", "Testa Testesen");
      if (advisers[i] != NULL)
        spor_entity_set_text (copy, "signed_by_adviser", advisers[i]);
      g_assert_false (spor_store_update (store, copy, &error));
      rules_assert_invalid (error, "The names of the participant and the adviser are required to sign");
      g_clear_error (&error);
      stored = spor_store_get (store, SPOR_TYPE_AGREEMENT, spor_entity_get_id (copy), &error);
      g_assert_no_error (error);
      g_assert_cmpstr (spor_entity_get_text (stored, "state"), ==, "draft");
    }
}

static void
test_signing_needs (void)
{
  g_autoptr(SporStore) store = test_open_new_store ();
  g_autoptr(GError) error = NULL;
  gint64 person = rules_add_participant (store, "Testa Testesen", "intake");
  g_autoptr(SporAgreement) draft = start_version (store, person);
  static const char names_needed[] = "The names of the participant and the adviser are required to sign";
  static const char no_date[] = "The date of signing is not a real date";
  const struct { const char *date, *participant, *adviser, *message; } refused[] = {
    { "2026-01-05", "Testa Testesen", " ", names_needed },
    { "2026-01-05", "Testa Testesen", NULL, names_needed },
    { "2026-01-05", "\t", "Rådgiver Prøvesen", names_needed },
    { "2026-02-29", "Testa Testesen", "Rådgiver Prøvesen", no_date },
    { NULL, "Testa Testesen", "Rådgiver Prøvesen", no_date },
  };

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_assert_false (spor_agreement_sign (store, draft, refused[i].date, refused[i].participant,
                                           refused[i].adviser, &error));
      rules_assert_invalid (error, refused[i].message);
      g_clear_error (&error);
    }
  g_assert_cmpstr (spor_entity_get_text (SPOR_ENTITY (draft), "state"), ==, "draft");

  /* a second draft next to the first */
  {
    g_autoptr(SporAgreement) extra = spor_entity_new (SPOR_TYPE_AGREEMENT);

    spor_entity_set_int (SPOR_ENTITY (extra), "participant_id", person);
    g_assert_false (spor_agreement_save_draft (store, extra, &error));
    rules_assert_invalid (error, "The participant already has a draft agreement");
    g_clear_error (&error);
  }
  sign (store, draft, "2026-01-05");
  g_assert_false (spor_agreement_sign (store, draft, "2026-01-06", "A", "B", &error));
  rules_assert_invalid (error, "The agreement is signed already");
  g_clear_error (&error);
  spor_entity_set_text (SPOR_ENTITY (draft), "goals", "Noget andet");
  g_assert_false (spor_agreement_save_draft (store, draft, &error));
  rules_assert_invalid (error, "A signed agreement cannot be changed: start a new version");
  g_clear_error (&error);

  rules_reopen (&store);
  {
    g_autoptr(GPtrArray) versions = spor_agreement_list_versions (store, person, &error);

    g_assert_cmpuint (versions->len, ==, 1);
    g_assert_null (spor_entity_get_text (versions->pdata[0], "goals"));
    g_assert_cmpstr (spor_entity_get_text (versions->pdata[0], "signed_date"), ==, "2026-01-05");
  }
}

/* A draft keeps its version and its participant whatever the caller's copy says. */
static void
test_draft_keeps_its_version (void)
{
  g_autoptr(SporStore) store = test_open_new_store ();
  g_autoptr(GError) error = NULL;
  gint64 person = rules_add_participant (store, "Testa Testesen", "intake");
  gint64 other = rules_add_participant (store, "Bodil Prøvesen", "intake");
  g_autoptr(SporAgreement) draft = start_version (store, person);
  g_autoptr(SporAgreement) stored = NULL;

  spor_entity_set_int (SPOR_ENTITY (draft), "version", 5);
  spor_entity_set_int (SPOR_ENTITY (draft), "participant_id", other);
  spor_entity_set_text (SPOR_ENTITY (draft), "goals", "Lære at sy");
  assert_ok (spor_agreement_save_draft (store, draft, &error));
  g_assert_cmpint (version_of (draft), ==, 1);
  stored = spor_store_get (store, SPOR_TYPE_AGREEMENT, spor_entity_get_id (SPOR_ENTITY (draft)), &error);
  g_assert_cmpint (version_of (stored), ==, 1);
  g_assert_cmpint (spor_entity_get_int (SPOR_ENTITY (stored), "participant_id"), ==, person);
  g_assert_cmpstr (spor_entity_get_text (SPOR_ENTITY (stored), "goals"), ==, "Lære at sy");
}

/* Signing a copy that is out of date fails, and leaves the caller's copy a draft and the
 * stored one as it was, also after a reopen. */
static void
test_failed_signing (void)
{
  g_autoptr(SporStore) store = test_open_new_store ();
  g_autoptr(GError) error = NULL;
  gint64 person = rules_add_participant (store, "Testa Testesen", "intake");
  g_autoptr(SporAgreement) mine = start_version (store, person);
  gint64 id = spor_entity_get_id (SPOR_ENTITY (mine));
  g_autoptr(SporAgreement) theirs = spor_store_get (store, SPOR_TYPE_AGREEMENT, id, &error);

  spor_entity_set_text (SPOR_ENTITY (theirs), "goals", "Skrevet i et andet vindue");
  assert_ok (spor_agreement_save_draft (store, theirs, &error));
  g_assert_false (spor_agreement_sign (store, mine, "2026-01-05", "Testa Testesen",
                                       "Rådgiver Prøvesen", &error));
  g_assert_error (error, SPOR_STORE_ERROR, SPOR_STORE_ERROR_CHANGED);
  g_assert_cmpstr (error->message, ==, "The record was changed elsewhere after it was opened here.");
  g_assert_cmpstr (spor_entity_get_text (SPOR_ENTITY (mine), "state"), ==, "draft");
  g_assert_false (spor_entity_is_set (SPOR_ENTITY (mine), "signed_date"));

  rules_reopen (&store);
  {
    g_autofree char *state = rules_get_text (store, SPOR_TYPE_AGREEMENT, id, "state");
    g_autofree char *signed_date = rules_get_text (store, SPOR_TYPE_AGREEMENT, id, "signed_date");
    g_autofree char *goals = rules_get_text (store, SPOR_TYPE_AGREEMENT, id, "goals");

    g_assert_cmpstr (state, ==, "draft");
    g_assert_null (signed_date);
    g_assert_cmpstr (goals, ==, "Skrevet i et andet vindue");
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/rules/agreements/version-numbers", test_version_numbers);
  g_test_add_func ("/rules/agreements/new-version-copies", test_new_version_copies);
  g_test_add_func ("/rules/agreements/signing-needs", test_signing_needs);
  g_test_add_func ("/rules/agreements/signed-copy-needs-names", test_signed_copy_needs_names);
  g_test_add_func ("/rules/agreements/draft-keeps-its-version", test_draft_keeps_its_version);
  g_test_add_func ("/rules/agreements/failed-signing", test_failed_signing);

  return g_test_run ();
}
