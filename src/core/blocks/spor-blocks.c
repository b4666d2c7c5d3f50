/* spor-blocks.c — work blocks: checking, saving and deleting one
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "spor-blocks.h"
#include "spor-blocks-private.h"
#include "spor-rules.h"
#include "spor-store-private.h"
#include "spor-util.h"

/* Longest period a weekly block with an end may have: a programme runs for months or a few
 * years; more is a typing mistake or a crafted file (and would fill every export). */
#define MAX_PERIOD_YEARS 10

/* The record rules of a block (spor-rules.h) */
void
spor_block_rules (SporEntity *e,
                  SporStore  *store,
                  GPtrArray  *problems)
{
  const char *kind = spor_entity_get_text (e, "kind");
  const char *start = spor_entity_get_text (e, "start_time");
  const char *end = spor_entity_get_text (e, "end_time");
  const char *from = spor_entity_get_text (e, "period_start");
  const char *to = spor_entity_get_text (e, "period_end");
  gint64 cohort_id = spor_entity_get_int (e, "cohort_id");
  gint64 programme_id = spor_entity_get_int (e, "programme_id");

  if (spor_time_is_valid (start) && spor_time_is_valid (end) && strcmp (end, start) <= 0)
    spor_problems_add (problems, "end_time", _("The block must end after it starts."));
  if (g_strcmp0 (kind, "once") != 0 && (spor_entity_get_int (e, "weekdays") & 0x7f) == 0)
    spor_problems_add (problems, "weekdays", _("Choose at least one weekday."));
  spor_rules_dates (e, store, problems);
  if (spor_date_is_valid (from) && spor_date_is_valid (to) && strcmp (to, from) >= 0)
    {
      GDate a, b;

      g_date_clear (&a, 1);
      g_date_clear (&b, 1);
      if (spor_date_parse_to (from, &a) && spor_date_parse_to (to, &b))
        {
          g_date_add_years (&a, MAX_PERIOD_YEARS);
          if (g_date_compare (&b, &a) > 0)
            {
              g_autofree char *message =
                g_strdup_printf (ngettext ("A period of a block is at most %d year.",
                                           "A period of a block is at most %d years.",
                                           MAX_PERIOD_YEARS), MAX_PERIOD_YEARS);
              spor_problems_add (problems, "period_end", message);
            }
        }
    }
  if (cohort_id > 0 && programme_id > 0 && store != NULL)
    {
      gint64 of = spor_rules_cohort_programme (store, cohort_id, problems);

      if (of != 0 && of != programme_id)
        spor_problems_add (problems, "cohort_id", _("The cohort belongs to another programme"));
    }
}

gboolean
spor_blocks_validate (SporBlock *block,
                      GError   **error)
{
  SporEntity *e = SPOR_ENTITY (block);
  const char *title = spor_entity_get_text (e, "title");
  const char *kind = spor_entity_get_text (e, "kind");
  const char *start = spor_entity_get_text (e, "start_time");
  const char *end = spor_entity_get_text (e, "end_time");
  const char *from = spor_entity_get_text (e, "period_start");
  const char *to = spor_entity_get_text (e, "period_end");

  /* The words of the block editor first; then the checker that every write path shares. */
  if (spor_text_is_blank (title))
    return spor_store_invalid (error, _("A work block needs a title."));
  if (start == NULL || !spor_time_is_valid (start))
    return spor_store_invalid (error, _("Enter the start time as hours and minutes, for example 09:00."));
  if (end == NULL || !spor_time_is_valid (end))
    return spor_store_invalid (error, _("Enter the end time as hours and minutes, for example 12:00."));
  if (from == NULL || !spor_date_is_valid (from))
    return spor_store_invalid (error, g_strcmp0 (kind, "once") == 0
                           ? _("Choose the day of the block.")
                           : _("Choose the first day of the period."));
  if (to != NULL && !spor_date_is_valid (to))
    return spor_store_invalid (error, _("The last day of the period is not a valid date."));
  return spor_check_record_error (e, NULL, error);
}

/* Writing */

gboolean
spor_blocks_save (SporStore *store,
                  SporBlock *block,
                  GError   **error)
{
  if (!spor_entity_is_set (SPOR_ENTITY (block), "kind"))
    spor_entity_set_text (SPOR_ENTITY (block), "kind", "weekly");
  if (!spor_blocks_validate (block, error))
    return FALSE;
  if (spor_entity_get_id (SPOR_ENTITY (block)) == 0)
    return spor_store_insert (store, SPOR_ENTITY (block), error);
  return spor_store_update (store, SPOR_ENTITY (block), error);
}

gboolean
spor_blocks_delete (SporStore *store,
                    gint64     block_id,
                    GError   **error)
{
  g_autoptr(SporBlock) block = spor_store_get (store, SPOR_TYPE_BLOCK, block_id, error);

  if (block == NULL)
    return FALSE;
  return spor_store_delete (store, SPOR_ENTITY (block), error);
}
