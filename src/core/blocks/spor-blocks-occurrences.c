/* spor-blocks-occurrences.c — the occurrences a block's rule gives, exceptions applied
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "spor-blocks.h"
#include "spor-blocks-private.h"
#include "spor-store-private.h"

void
spor_occurrence_free (SporOccurrence *o)
{
  if (o == NULL)
    return;
  g_free (o->block_uuid);
  g_free (o->title);
  g_free (o->kind);
  g_free (o->colour);
  g_free (o->location);
  g_free (o->date);
  g_free (o->actual_date);
  g_free (o->start_time);
  g_free (o->end_time);
  g_clear_pointer (&o->start, g_date_time_unref);
  g_clear_pointer (&o->end, g_date_time_unref);
  g_free (o->reason);
  g_free (o->staff);
  g_free (o->problem_text);
  g_clear_pointer (&o->staff_ids, g_array_unref);
  g_clear_pointer (&o->participant_ids, g_array_unref);
  g_free (o);
}

SporOccurrence *
spor_occurrence_copy (const SporOccurrence *o)
{
  SporOccurrence *c = g_memdup2 (o, sizeof *o);

  c->block_uuid = g_strdup (o->block_uuid);
  c->title = g_strdup (o->title);
  c->kind = g_strdup (o->kind);
  c->colour = g_strdup (o->colour);
  c->location = g_strdup (o->location);
  c->date = g_strdup (o->date);
  c->actual_date = g_strdup (o->actual_date);
  c->start_time = g_strdup (o->start_time);
  c->end_time = g_strdup (o->end_time);
  c->start = o->start ? g_date_time_ref (o->start) : NULL;
  c->end = o->end ? g_date_time_ref (o->end) : NULL;
  c->reason = g_strdup (o->reason);
  c->staff = g_strdup (o->staff);
  c->problem_text = g_strdup (o->problem_text);
  c->staff_ids = o->staff_ids ? g_array_copy (o->staff_ids) : NULL;
  c->participant_ids = o->participant_ids ? g_array_copy (o->participant_ids) : NULL;
  return c;
}

static GPtrArray *
load_exceptions (SporStore *store,
                 gint64     block_id,
                 GError   **error)
{
  sqlite3_stmt *stmt = spor_store_prepare (store,
      "SELECT " SPOR_BLOCKS_EXCEPTION_COLUMNS " FROM block_exceptions WHERE block_id = ?",
      error);
  g_autoptr(GPtrArray) list = NULL;
  int rc;

  if (stmt == NULL)
    return NULL;
  list = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_bind_int64 (stmt, 1, block_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (list, spor_blocks_read_exception (stmt, 0, block_id));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      spor_store_set_error (store, error, rc, "block exceptions");
      return NULL;
    }
  return g_steal_pointer (&list);
}

gboolean
spor_blocks_has_date (SporBlock  *block,
                      const char *date)
{
  SporEntity *e = SPOR_ENTITY (block);
  const char *from = spor_entity_get_text (e, "period_start");
  const char *to = spor_entity_get_text (e, "period_end");
  GDate d;

  if (!spor_date_parse_to (date, &d) || from == NULL || strcmp (date, from) < 0)
    return FALSE;
  if (g_strcmp0 (spor_entity_get_text (e, "kind"), "once") == 0)
    return strcmp (date, from) == 0;
  if (to != NULL && strcmp (date, to) > 0)
    return FALSE;
  return (spor_entity_get_int (e, "weekdays") & SPOR_WEEKDAY_BIT (g_date_get_weekday (&d))) != 0;
}

static SporOccurrence *
make_occurrence (SporBlock   *block,
                 const GDate *date,
                 GPtrArray   *exceptions)
{
  SporEntity *e = SPOR_ENTITY (block);
  SporOccurrence *o = g_new0 (SporOccurrence, 1);
  g_autofree char *key = spor_date_format_iso (date);
  GDate actual = *date;

  o->block_id = spor_entity_get_id (e);
  o->block_uuid = g_strdup (spor_entity_get_uuid (e));
  o->title = g_strdup (spor_entity_get_text (e, "title"));
  o->kind = g_strdup (spor_entity_get_text (e, "kind"));
  o->programme_id = spor_entity_get_int (e, "programme_id");
  o->location_id = spor_entity_get_int (e, "location_id");
  o->capacity = spor_entity_is_set (e, "capacity") ? (gint) spor_entity_get_int (e, "capacity") : -1;
  o->date = g_strdup (key);
  o->start_time = g_strdup (spor_entity_get_text (e, "start_time"));
  o->end_time = g_strdup (spor_entity_get_text (e, "end_time"));

  for (guint i = 0; exceptions != NULL && i < exceptions->len; i++)
    {
      SporEntity *x = g_ptr_array_index (exceptions, i);
      const char *kind = spor_entity_get_text (x, "kind");

      if (g_strcmp0 (spor_entity_get_text (x, "date"), key) != 0)
        continue;
      if (g_strcmp0 (kind, "cancelled") == 0)
        {
          o->cancelled = TRUE;
          g_free (o->reason);
          o->reason = g_strdup (spor_entity_get_text (x, "reason"));
        }
      else if (g_strcmp0 (kind, "moved") == 0)
        {
          const char *nd = spor_entity_get_text (x, "new_date");
          const char *ns = spor_entity_get_text (x, "new_start_time");
          const char *ne = spor_entity_get_text (x, "new_end_time");

          o->moved = TRUE;
          if (nd != NULL)
            spor_date_parse_to (nd, &actual);
          if (ns != NULL)
            {
              g_free (o->start_time);
              o->start_time = g_strdup (ns);
            }
          if (ne != NULL)
            {
              g_free (o->end_time);
              o->end_time = g_strdup (ne);
            }
          if (!o->cancelled)
            {
              g_free (o->reason);
              o->reason = g_strdup (spor_entity_get_text (x, "reason"));
            }
        }
    }
  o->actual_date = spor_date_format_iso (&actual);
  o->start = spor_date_time_local (&actual, o->start_time);
  o->end = spor_date_time_local (&actual, o->end_time);
  return o;
}

int
spor_occurrence_compare (gconstpointer a,
                         gconstpointer b)
{
  const SporOccurrence *x = *(SporOccurrence **) a;
  const SporOccurrence *y = *(SporOccurrence **) b;
  int c = g_date_time_compare (x->start, y->start);

  if (c == 0)
    c = g_date_time_compare (x->end, y->end);
  if (c == 0)
    c = (x->block_id > y->block_id) - (x->block_id < y->block_id);
  return c;
}

GPtrArray *
spor_blocks_expand (SporBlock  *block,
                    GPtrArray  *exceptions,
                    const char *from,
                    const char *to)
{
  SporEntity *e = SPOR_ENTITY (block);
  GPtrArray *result = g_ptr_array_new_with_free_func ((GDestroyNotify) spor_occurrence_free);
  const char *period_start = spor_entity_get_text (e, "period_start");
  const char *period_end = spor_entity_get_text (e, "period_end");
  gboolean once = g_strcmp0 (spor_entity_get_text (e, "kind"), "once") == 0;
  guint weekdays = (guint) spor_entity_get_int (e, "weekdays");
  const char *lo = from, *hi = to;
  GDate d, last;

  g_return_val_if_fail (from != NULL && to != NULL, result);

  if (period_start != NULL && strcmp (period_start, lo) > 0)
    lo = period_start;
  if (once)
    hi = period_start;
  else if (period_end != NULL && strcmp (period_end, hi) < 0)
    hi = period_end;

  /* Dates the rule gives inside the range */
  if (strcmp (lo, hi) <= 0 && strcmp (hi, to) <= 0 && spor_date_parse_to (lo, &d) && spor_date_parse_to (hi, &last))
    {
      for (; g_date_compare (&d, &last) <= 0; g_date_add_days (&d, 1))
        {
          SporOccurrence *o;

          if (!once && (weekdays & SPOR_WEEKDAY_BIT (g_date_get_weekday (&d))) == 0)
            continue;
          o = make_occurrence (block, &d, exceptions);
          if (strcmp (o->actual_date, from) < 0 || strcmp (o->actual_date, to) > 0)
            {
              spor_occurrence_free (o); /* moved out of the range */
              continue;
            }
          g_ptr_array_add (result, o);
        }
    }

  /* Occurrences moved into the range from a date outside it */
  for (guint i = 0; exceptions != NULL && i < exceptions->len; i++)
    {
      SporEntity *x = g_ptr_array_index (exceptions, i);
      const char *date = spor_entity_get_text (x, "date");
      const char *nd = spor_entity_get_text (x, "new_date");
      SporOccurrence *o;
      GDate od;

      if (g_strcmp0 (spor_entity_get_text (x, "kind"), "moved") != 0 || nd == NULL ||
          strcmp (nd, from) < 0 || strcmp (nd, to) > 0 ||
          (strcmp (date, from) >= 0 && strcmp (date, to) <= 0) ||
          !spor_blocks_has_date (block, date) || !spor_date_parse_to (date, &od))
        continue;
      o = make_occurrence (block, &od, exceptions);
      g_ptr_array_add (result, o);
    }

  g_ptr_array_sort (result, spor_occurrence_compare);
  return result;
}

double
spor_occurrence_hours (const SporOccurrence *occurrence)
{
  return (double) g_date_time_difference (occurrence->end, occurrence->start) / G_TIME_SPAN_HOUR;
}

SporOccurrence *
spor_blocks_get_occurrence (SporStore  *store,
                            gint64      block_id,
                            const char *date,
                            GError    **error)
{
  g_autoptr(SporBlock) block = spor_blocks_occurrence_block (store, block_id, date, error);
  g_autoptr(GPtrArray) exceptions = NULL;
  GDate d;

  if (block == NULL)
    return NULL;
  exceptions = load_exceptions (store, block_id, error);
  if (exceptions == NULL)
    return NULL;
  spor_date_parse_to (date, &d);
  return make_occurrence (block, &d, exceptions);
}
