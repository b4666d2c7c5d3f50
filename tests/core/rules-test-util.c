/* rules-test-util.c — shared set-up for the tests of the core's rules
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "rules-test-util.h"

#include "spor-blocks.h"
#include "spor-programmes.h"

void
rules_reopen (SporStore **store)
{
  g_autofree char *path = g_strdup (spor_store_get_path (*store));
  g_autoptr(GError) error = NULL;

  g_assert_finalize_object (*store);
  *store = spor_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (*store);
}

gint64
rules_add_programme (SporStore  *store,
                     const char *name,
                     int         min_age,
                     int         max_age)
{
  g_autoptr(SporEntity) p = spor_entity_new (SPOR_TYPE_PROGRAMME);

  spor_entity_set_text (p, "name", name);
  if (min_age >= 0)
    spor_entity_set_int (p, "min_age", min_age);
  if (max_age >= 0)
    spor_entity_set_int (p, "max_age", max_age);
  return test_insert (store, p);
}

gint64
rules_add_cohort (SporStore  *store,
                  gint64      programme_id,
                  const char *start_date,
                  int         capacity)
{
  g_autoptr(SporEntity) c = spor_entity_new (SPOR_TYPE_COHORT);

  spor_entity_set_int (c, "programme_id", programme_id);
  spor_entity_set_text (c, "name", "Hold Prøve");
  spor_entity_set_text (c, "start_date", start_date);
  if (capacity >= 0)
    spor_entity_set_int (c, "capacity", capacity);
  return test_insert (store, c);
}

gint64
rules_add_participant (SporStore  *store,
                       const char *name,
                       const char *status)
{
  g_autoptr(SporEntity) p = spor_entity_new (SPOR_TYPE_PARTICIPANT);

  spor_entity_set_text (p, "name", name);
  spor_entity_set_text (p, "status", status);
  return test_insert (store, p);
}

gint64
rules_add_staff (SporStore  *store,
                 const char *name)
{
  g_autoptr(SporEntity) s = spor_entity_new (SPOR_TYPE_STAFF);

  spor_entity_set_text (s, "name", name);
  return test_insert (store, s);
}

gint64
rules_add_phase (SporStore  *store,
                 gint64      programme_id,
                 const char *name,
                 int         duration,
                 const char *unit,
                 const char *track)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SporPhase) phase = spor_programmes_add_phase (store, programme_id, name, duration,
                                                          unit, track, &error);

  g_assert_no_error (error);
  g_assert_nonnull (phase);
  return spor_entity_get_id (SPOR_ENTITY (phase));
}

gint64
rules_add_weekly_block (SporStore  *store,
                        const char *title,
                        guint       weekdays,
                        const char *start_time,
                        const char *end_time,
                        const char *from,
                        const char *to)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SporEntity) b = spor_entity_new (SPOR_TYPE_BLOCK);

  spor_entity_set_text (b, "title", title);
  spor_entity_set_text (b, "kind", "weekly");
  spor_entity_set_int (b, "weekdays", weekdays);
  spor_entity_set_text (b, "start_time", start_time);
  spor_entity_set_text (b, "end_time", end_time);
  spor_entity_set_text (b, "period_start", from);
  if (to != NULL)
    spor_entity_set_text (b, "period_end", to);
  assert_ok (spor_blocks_save (store, SPOR_BLOCK (b), &error));
  return spor_entity_get_id (b);
}

char *
rules_get_text (SporStore  *store,
                GType       type,
                gint64      id,
                const char *field)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SporEntity) e = spor_store_get (store, type, id, &error);

  g_assert_no_error (error);
  return g_strdup (spor_entity_get_text (e, field));
}
