/* test-templates.c — the four built-in programmes of the seed descriptions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "core-test-util.h"
#include "spor-templates.h"

typedef struct { const char *name; int duration; const char *unit; const char *track; } PhaseSpec;

static GPtrArray *
list_children (SporStore  *store,
               GType       type,
               gint64      programme)
{
  g_autoptr(SporQuery) query = spor_query_new (type);
  g_autoptr(GError) error = NULL;
  GPtrArray *list;

  spor_query_where_int (query, "programme_id", programme);
  spor_query_order_by (query, "position", FALSE);
  list = spor_store_list (store, query, &error);
  g_assert_no_error (error);
  return list;
}

static void
assert_phases (SporStore       *store,
               gint64           programme,
               const PhaseSpec *spec,
               guint            n)
{
  g_autoptr(GPtrArray) phases = list_children (store, SPOR_TYPE_PHASE, programme);

  g_assert_cmpuint (phases->len, ==, n);
  for (guint i = 0; i < n; i++)
    {
      SporEntity *phase = g_ptr_array_index (phases, i);

      g_assert_cmpstr (spor_entity_get_text (phase, "name"), ==, spec[i].name);
      g_assert_cmpint (spor_entity_get_int (phase, "duration"), ==, spec[i].duration);
      g_assert_cmpstr (spor_entity_get_text (phase, "duration_unit"), ==, spec[i].unit);
      g_assert_cmpstr (spor_entity_get_text (phase, "track"), ==, spec[i].track);
      g_assert_cmpint (spor_entity_get_int (phase, "position"), ==, i);
    }
}

static void
test_list (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) templates = spor_templates_list (&error);
  const char *keys[] = { "aspiranterne", "sy-og-design", "digitale-ressourcebank", "unge-med-kant" };

  g_assert_no_error (error);
  g_assert_cmpuint (templates->len, ==, G_N_ELEMENTS (keys));
  for (guint i = 0; i < templates->len; i++)
    {
      SporTemplate *t = g_ptr_array_index (templates, i);

      g_assert_cmpstr (t->key, ==, keys[i]);
      g_assert_nonnull (t->name);
      g_assert_nonnull (t->description);
      g_assert_cmpuint (t->n_phases, >=, 4);
    }
}

static void
test_aspiranterne (void)
{
  g_autoptr(SporStore) store = test_open_new_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(SporProgramme) programme = spor_templates_create_programme (store, "aspiranterne", &error);
  SporEntity *p = SPOR_ENTITY (programme);
  static const PhaseSpec phases[] = {
    { "Rekruttering og screening", 2, "weeks", "sequential" },
    { "Storytelling", 1, "months", "sequential" },
    { "Kulturelt iværksætterforløb", 2, "months", "sequential" },
    { "Praktisk læring på kulturinstitutioner", 3, "months", "sequential" },
    { "Exitplan", 2, "weeks", "sequential" },
    { "Opfølgende mentorsamtaler", 3, "months", "sequential" },
  };
  g_autoptr(GPtrArray) goals = NULL;
  int expected[][2] = { { 2, 12 }, { 4, 12 }, { 1, 12 } };

  g_assert_no_error (error);
  g_assert_cmpstr (spor_entity_get_text (p, "name"), ==, "Aspiranterne");
  g_assert_cmpstr (spor_entity_get_text (p, "template"), ==, "aspiranterne");
  g_assert_cmpint (spor_entity_get_int (p, "min_age"), ==, 18);
  g_assert_cmpint (spor_entity_get_int (p, "max_age"), ==, 25);
  g_assert_cmpint (spor_entity_get_int (p, "capacity"), ==, 12);
  g_assert_true (spor_entity_get_bool (p, "not_self_supporting"));
  assert_phases (store, spor_entity_get_id (p), phases, G_N_ELEMENTS (phases));

  /* of 12: 2 into education, 4 paid work trial, 1 internship with wage subsidy */
  goals = list_children (store, SPOR_TYPE_PROGRAMME_GOAL, spor_entity_get_id (p));
  g_assert_cmpuint (goals->len, ==, 3);
  for (guint i = 0; i < goals->len; i++)
    {
      SporEntity *goal = g_ptr_array_index (goals, i);
      g_assert_cmpint (spor_entity_get_int (goal, "target_min"), ==, expected[i][0]);
      g_assert_cmpint (spor_entity_get_int (goal, "of_total"), ==, expected[i][1]);
    }
}

static void
test_sy_og_design (void)
{
  g_autoptr(SporStore) store = test_open_new_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(SporProgramme) programme = spor_templates_create_programme (store, "sy-og-design", &error);
  SporEntity *p = SPOR_ENTITY (programme);
  static const PhaseSpec phases[] = {
    { "Visitation og opstartsaftaler", 4, "weeks", "sequential" },
    { "Kreativ produktion", 4, "months", "sequential" },
    { "Virksomhedspraktik", 3, "months", "sequential" },
    { "Efterværn", 2, "months", "sequential" },
  };
  g_autoptr(GPtrArray) goals = NULL;
  SporEntity *employment;

  g_assert_no_error (error);
  g_assert_cmpint (spor_entity_get_int (p, "capacity"), ==, 10);
  g_assert_false (spor_entity_is_set (p, "max_age"));
  assert_phases (store, spor_entity_get_id (p), phases, G_N_ELEMENTS (phases));
  goals = list_children (store, SPOR_TYPE_PROGRAMME_GOAL, spor_entity_get_id (p));
  employment = g_ptr_array_index (goals, 0);
  g_assert_cmpstr (spor_entity_get_text (employment, "outcome"), ==, "employment");
  g_assert_cmpint (spor_entity_get_int (employment, "target_min"), ==, 2);
  g_assert_cmpint (spor_entity_get_int (employment, "target_max"), ==, 3);
  g_assert_cmpint (spor_entity_get_int (employment, "of_total"), ==, 10);
}

static void
test_unge_med_kant (void)
{
  g_autoptr(SporStore) store = test_open_new_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(SporProgramme) programme = spor_templates_create_programme (store, "unge-med-kant", &error);
  SporEntity *p = SPOR_ENTITY (programme);
  g_autoptr(GPtrArray) phases = NULL;
  guint parallel = 0;

  g_assert_no_error (error);
  g_assert_cmpint (spor_entity_get_int (p, "capacity"), ==, 20);
  g_assert_cmpint (spor_entity_get_int (p, "waiting_capacity"), ==, 10);
  g_assert_cmpint (spor_entity_get_int (p, "min_age"), ==, 22);
  g_assert_cmpint (spor_entity_get_int (p, "max_age"), ==, 29);
  phases = list_children (store, SPOR_TYPE_PHASE, spor_entity_get_id (p));
  for (guint i = 0; i < phases->len; i++)
    parallel += g_strcmp0 (spor_entity_get_text (g_ptr_array_index (phases, i), "track"), "parallel") == 0;
  g_assert_cmpuint (parallel, ==, 4);
}

static void
test_all_load (void)
{
  g_autoptr(SporStore) store = test_open_new_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) templates = spor_templates_list (&error);

  for (guint i = 0; i < templates->len; i++)
    {
      SporTemplate *t = g_ptr_array_index (templates, i);
      g_autoptr(SporProgramme) programme = spor_templates_create_programme (store, t->key, &error);
      g_autoptr(GPtrArray) phases = NULL;

      g_assert_no_error (error);
      phases = list_children (store, SPOR_TYPE_PHASE, spor_entity_get_id (SPOR_ENTITY (programme)));
      g_assert_cmpuint (phases->len, ==, t->n_phases);
    }
  g_assert_cmpint (spor_store_count_all (store, SPOR_TYPE_PROGRAMME, NULL), ==, 4);
}

static void
test_unknown (void)
{
  g_autoptr(SporStore) store = test_open_new_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(SporProgramme) programme = spor_templates_create_programme (store, "nope", &error);

  g_assert_null (programme);
  g_assert_error (error, SPOR_STORE_ERROR, SPOR_STORE_ERROR_NOT_FOUND);
  g_assert_cmpint (test_count_rows (store, "programmes"), ==, 0);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/templates/list", test_list);
  g_test_add_func ("/templates/aspiranterne", test_aspiranterne);
  g_test_add_func ("/templates/sy-og-design", test_sy_og_design);
  g_test_add_func ("/templates/unge-med-kant", test_unge_med_kant);
  g_test_add_func ("/templates/all-load", test_all_load);
  g_test_add_func ("/templates/unknown", test_unknown);

  return g_test_run ();
}
