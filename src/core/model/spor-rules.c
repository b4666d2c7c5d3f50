/* spor-rules.c — record rules that several kinds of record share
 *
 * The rules of each kind of record are kept with their feature (spor-rules.h says where);
 * these are the ones several share.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "spor-rules.h"

typedef struct
{
  const char *entity;
  const char *first;
  const char *last;
  const char *message;
} DateOrder;

static const DateOrder date_orders[] = {
  { "programme", "period_start", "period_end", N_("The period ends before it starts") },
  { "cohort", "start_date", "end_date", N_("The cohort ends before it starts") },
  { "staff", "active_from", "active_to", N_("The last active day is before the first") },
  { "participant", "start_date", "end_date", N_("The end date is before the start date") },
  { "participant", "consent_date", "consent_withdrawn_date",
    N_("Consent was withdrawn before it was given") },
  { "phase_progress", "planned_start", "planned_end", N_("The planned end is before the planned start") },
  { "phase_progress", "actual_start", "actual_end", N_("The end is before the start") },
  { "agreement", "start_date", "review_date", N_("The review date is before the start of the agreement") },
  { "block", "period_start", "period_end", N_("The period must end on or after its first day.") },
  { "placement", "start_date", "end_date", N_("The placement ends before it starts") },
  { "match", "start_date", "end_date", N_("The match ends before it starts") },
};

void
spor_rules_dates (SporEntity *entity,
                  SporStore  *store,
                  GPtrArray  *problems)
{
  const char *name = spor_entity_get_info (entity)->name;

  for (guint i = 0; i < G_N_ELEMENTS (date_orders); i++)
    {
      const DateOrder *o = &date_orders[i];
      const char *first, *last;

      if (strcmp (o->entity, name) != 0)
        continue;
      first = spor_entity_get_text (entity, o->first);
      last = spor_entity_get_text (entity, o->last);
      if (spor_date_is_valid (first) && spor_date_is_valid (last) && strcmp (last, first) < 0)
        spor_problems_add (problems, o->last, _(o->message));
    }
}

gpointer
spor_rules_get (SporStore  *store,
                GType       type,
                gint64      id,
                GPtrArray  *problems,
                const char *field)
{
  g_autoptr(GError) error = NULL;
  SporEntity *record;

  if (store == NULL || id <= 0)
    return NULL;
  record = spor_store_get (store, type, id, &error);
  /* no such record: the database refuses the reference when it is written */
  if (record == NULL && !g_error_matches (error, SPOR_STORE_ERROR, SPOR_STORE_ERROR_NOT_FOUND))
    {
      g_autofree char *message = g_strdup_printf (_("The record could not be checked: %s"),
                                                  error->message);
      spor_problems_add (problems, field, message);
    }
  return record;
}

gint64
spor_rules_cohort_programme (SporStore *store,
                             gint64     cohort_id,
                             GPtrArray *problems)
{
  g_autoptr(SporEntity) cohort = spor_rules_get (store, SPOR_TYPE_COHORT, cohort_id, problems,
                                                 "cohort_id");

  return cohort != NULL ? spor_entity_get_int (cohort, "programme_id") : 0;
}
