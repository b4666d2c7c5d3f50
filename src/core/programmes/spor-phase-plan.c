/* spor-phase-plan.c — the planned dates of a programme's phases
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "spor-phase-plan.h"

guint32
spor_phase_plan_add (guint32          start,
                     int              amount,
                     SporDurationUnit unit)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, start);
  amount = MAX (amount, 0);
  switch (unit)
    {
    case SPOR_DURATION_MONTHS:
      {
        g_autoptr(GDate) later = spor_date_add_months (&date, amount);

        return g_date_get_julian (later);
      }
    case SPOR_DURATION_WEEKS:
      g_date_add_days (&date, (guint) amount * 7);
      break;
    case SPOR_DURATION_DAYS:
    default:
      g_date_add_days (&date, (guint) amount);
      break;
    }
  return g_date_get_julian (&date);
}

guint32
spor_phase_plan_dates (const SporPhasePlan *phases,
                       guint                n,
                       guint32              start,
                       guint32             *starts,
                       guint32             *ends)
{
  guint32 cursor = start, group_end = start;

  for (guint i = 0; i < n; i++)
    {
      guint32 end = spor_phase_plan_add (cursor, phases[i].duration, phases[i].unit);

      starts[i] = cursor;
      ends[i] = end > cursor ? end - 1 : cursor;
      if (phases[i].parallel)
        group_end = MAX (group_end, ends[i] + 1);
      else
        cursor = group_end = ends[i] + 1;
      /* a parallel group ends: what follows waits for its longest track */
      if (phases[i].parallel && (i + 1 == n || !phases[i + 1].parallel))
        cursor = group_end;
    }
  return cursor;
}
