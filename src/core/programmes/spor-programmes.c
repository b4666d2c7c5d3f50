/* spor-programmes.c — editing programmes, their phases, goals and cohorts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "spor-phase-plan.h"
#include "spor-programmes.h"
#include "spor-rules.h"
#include "spor-progress.h"
#include "spor-store-private.h"
#include "spor-util.h"

static gboolean
blank (const char *text)
{
  g_autofree char *copy = g_strstrip (g_strdup (text != NULL ? text : ""));

  return *copy == '\0';
}

SporProgramme *
spor_programmes_create_blank (SporStore  *store,
                              const char *name,
                              GError    **error)
{
  g_autoptr(SporProgramme) programme = NULL;

  if (blank (name))
    {
      g_set_error_literal (error, SPOR_STORE_ERROR, SPOR_STORE_ERROR_INVALID,
                           _("A programme needs a name."));
      return NULL;
    }
  programme = spor_entity_new (SPOR_TYPE_PROGRAMME);
  spor_entity_set_text (SPOR_ENTITY (programme), "name", name);
  if (!spor_store_insert (store, SPOR_ENTITY (programme), error))
    return NULL;
  return g_steal_pointer (&programme);
}

GPtrArray *
spor_programmes_list_phases (SporStore *store,
                             gint64     programme_id,
                             GError   **error)
{
  return spor_store_list_by (store, SPOR_TYPE_PHASE, "programme_id", programme_id, "position",
                             FALSE, error);
}

SporPhase *
spor_programmes_add_phase (SporStore  *store,
                           gint64      programme_id,
                           const char *name,
                           int         duration,
                           const char *unit,
                           const char *track,
                           GError    **error)
{
  g_autoptr(SporPhase) phase = NULL;
  g_autoptr(GPtrArray) phases = NULL;

  if (blank (name))
    {
      g_set_error_literal (error, SPOR_STORE_ERROR, SPOR_STORE_ERROR_INVALID,
                           _("A phase needs a name."));
      return NULL;
    }
  if (!spor_store_begin (store, error))
    return NULL;
  phases = spor_programmes_list_phases (store, programme_id, error);
  if (phases == NULL)
    return spor_store_fail (store), NULL;
  phase = spor_entity_new (SPOR_TYPE_PHASE);
  spor_entity_set_int (SPOR_ENTITY (phase), "programme_id", programme_id);
  spor_entity_set_int (SPOR_ENTITY (phase), "position", phases->len);
  spor_entity_set_text (SPOR_ENTITY (phase), "name", name);
  if (duration >= 0)
    spor_entity_set_int (SPOR_ENTITY (phase), "duration", duration);
  spor_entity_set_text (SPOR_ENTITY (phase), "duration_unit", unit != NULL ? unit : "weeks");
  spor_entity_set_text (SPOR_ENTITY (phase), "track", track != NULL ? track : "sequential");
  if (!spor_store_insert (store, SPOR_ENTITY (phase), error) || !spor_store_commit (store, error))
    return spor_store_fail (store), NULL;
  return g_steal_pointer (&phase);
}

/* Writes positions 0, 1, 2 … in array order; only changed rows are written. */
static gboolean
renumber (SporStore *store,
          GPtrArray *phases,
          GError   **error)
{
  /* Positions are not unique in the schema, so rows can be renumbered one by one. */
  for (guint i = 0; i < phases->len; i++)
    {
      SporEntity *phase = g_ptr_array_index (phases, i);

      if (spor_entity_get_int (phase, "position") == (gint64) i)
        continue;
      spor_entity_set_int (phase, "position", i);
      if (!spor_store_update (store, phase, error))
        return FALSE;
    }
  return TRUE;
}

static int
find_index (GPtrArray *list,
            gint64     id)
{
  for (guint i = 0; i < list->len; i++)
    if (spor_entity_get_id (g_ptr_array_index (list, i)) == id)
      return (int) i;
  return -1;
}

/* Removes record @id of @type (a phase or a goal) and closes the gap in the positions of
 * the others of its programme */
static gboolean
remove_positioned (SporStore  *store,
                   GType       type,
                   gint64      id,
                   GError    **error)
{
  g_autoptr(SporEntity) record = NULL;
  g_autoptr(GPtrArray) siblings = NULL;

  if (!spor_store_begin (store, error))
    return FALSE;
  record = spor_store_get (store, type, id, error);
  if (record == NULL)
    return spor_store_fail (store);
  siblings = spor_store_list_by (store, type, "programme_id",
                                 spor_entity_get_int (record, "programme_id"), "position", FALSE,
                                 error);
  if (siblings == NULL)
    return spor_store_fail (store);
  g_ptr_array_remove_index (siblings, (guint) find_index (siblings, id));
  if (!spor_store_delete (store, record, error) || !renumber (store, siblings, error))
    return spor_store_fail (store);
  return spor_store_commit (store, error) || spor_store_fail (store);
}

gboolean
spor_programmes_remove_phase (SporStore *store,
                              gint64     phase_id,
                              GError   **error)
{
  return remove_positioned (store, SPOR_TYPE_PHASE, phase_id, error);
}

gint64
spor_programmes_count_phase_progress (SporStore *store,
                                      gint64     phase_id,
                                      GError   **error)
{
  static const char sql[] = "SELECT count(*) FROM phase_progress WHERE phase_id = ?1";
  sqlite3_stmt *stmt = spor_store_prepare (store, sql, error);

  if (stmt == NULL)
    return -1;
  sqlite3_bind_int64 (stmt, 1, phase_id);
  return spor_store_collect_count (store, stmt, "phase progress", error);
}

gboolean
spor_programmes_move_phase (SporStore *store,
                            gint64     phase_id,
                            guint      position,
                            GError   **error)
{
  g_autoptr(SporEntity) phase = NULL;
  g_autoptr(GPtrArray) phases = NULL;
  gpointer item;
  int index;

  if (!spor_store_begin (store, error))
    return FALSE;
  phase = spor_store_get (store, SPOR_TYPE_PHASE, phase_id, error);
  if (phase == NULL)
    return spor_store_fail (store);
  phases = spor_programmes_list_phases (store, spor_entity_get_int (phase, "programme_id"), error);
  if (phases == NULL)
    return spor_store_fail (store);
  index = find_index (phases, phase_id);
  item = g_ptr_array_steal_index (phases, (guint) index);
  position = MIN (position, phases->len);
  g_ptr_array_insert (phases, (int) position, item);
  if (!renumber (store, phases, error))
    return spor_store_fail (store);
  return spor_store_commit (store, error) || spor_store_fail (store);
}

GPtrArray *
spor_programmes_list_goals (SporStore *store,
                            gint64     programme_id,
                            GError   **error)
{
  return spor_store_list_by (store, SPOR_TYPE_PROGRAMME_GOAL, "programme_id", programme_id,
                             "position", FALSE, error);
}

/* The record rules of a programme (spor-rules.h) */
void
spor_programme_rules (SporEntity *entity,
                      SporStore  *store,
                      GPtrArray  *problems)
{
  if (spor_entity_is_set (entity, "min_age") && spor_entity_is_set (entity, "max_age") &&
      spor_entity_get_int (entity, "min_age") > spor_entity_get_int (entity, "max_age"))
    spor_problems_add (problems, "min_age", _("The lowest age is above the highest."));
  spor_rules_dates (entity, store, problems);
}

/* The record rules of a goal (spor-rules.h) */
void
spor_programme_goal_rules (SporEntity *entity,
                           SporStore  *store,
                           GPtrArray  *problems)
{
  gboolean has_min = spor_entity_is_set (entity, "target_min");
  gboolean has_max = spor_entity_is_set (entity, "target_max");
  gint64 min = spor_entity_get_int (entity, "target_min");
  gint64 max = spor_entity_get_int (entity, "target_max");

  if (has_min && has_max && min > max)
    spor_problems_add (problems, "target_min", _("The lowest target is above the highest."));
  else if (spor_entity_is_set (entity, "of_total") &&
           MAX (has_min ? min : 0, has_max ? max : 0) > spor_entity_get_int (entity, "of_total"))
    spor_problems_add (problems, "of_total", _("The target is larger than the number of participants."));
}

SporProgrammeGoal *
spor_programmes_add_goal (SporStore  *store,
                          gint64      programme_id,
                          const char *outcome,
                          const char *label,
                          int         target_min,
                          int         target_max,
                          int         of_total,
                          GError    **error)
{
  g_autoptr(SporProgrammeGoal) goal = NULL;
  g_autoptr(GPtrArray) goals = NULL;
  SporEntity *entity;

  if (blank (label))
    {
      g_set_error_literal (error, SPOR_STORE_ERROR, SPOR_STORE_ERROR_INVALID,
                           _("A goal needs a description."));
      return NULL;
    }
  if (of_total == 0)
    {
      g_set_error_literal (error, SPOR_STORE_ERROR, SPOR_STORE_ERROR_INVALID,
                           _("The target is larger than the number of participants."));
      return NULL;
    }
  /* the targets' order is a rule of the record: spor_programme_goal_rules() */
  if (!spor_store_begin (store, error))
    return NULL;
  goals = spor_programmes_list_goals (store, programme_id, error);
  if (goals == NULL)
    return spor_store_fail (store), NULL;
  goal = spor_entity_new (SPOR_TYPE_PROGRAMME_GOAL);
  entity = SPOR_ENTITY (goal);
  spor_entity_set_int (entity, "programme_id", programme_id);
  spor_entity_set_int (entity, "position", goals->len);
  spor_entity_set_text (entity, "outcome", outcome != NULL ? outcome : "other");
  spor_entity_set_text (entity, "label", label);
  if (target_min >= 0)
    spor_entity_set_int (entity, "target_min", target_min);
  if (target_max >= 0)
    spor_entity_set_int (entity, "target_max", target_max);
  if (of_total >= 0)
    spor_entity_set_int (entity, "of_total", of_total);
  if (!spor_store_insert (store, entity, error) || !spor_store_commit (store, error))
    return spor_store_fail (store), NULL;
  return g_steal_pointer (&goal);
}

gboolean
spor_programmes_remove_goal (SporStore *store,
                             gint64     goal_id,
                             GError   **error)
{
  return remove_positioned (store, SPOR_TYPE_PROGRAMME_GOAL, goal_id, error);
}

char *
spor_programme_goal_format_target (SporProgrammeGoal *goal)
{
  SporEntity *e = SPOR_ENTITY (goal);
  gboolean has_min = spor_entity_is_set (e, "target_min");
  gboolean has_max = spor_entity_is_set (e, "target_max");
  gint64 min = spor_entity_get_int (e, "target_min"), max = spor_entity_get_int (e, "target_max");
  g_autofree char *range = NULL;

  if (has_min && has_max && min != max)
    range = g_strdup_printf ("%" G_GINT64_FORMAT "–%" G_GINT64_FORMAT, min, max);
  else if (has_min || has_max)
    range = g_strdup_printf ("%" G_GINT64_FORMAT, has_min ? min : max);

  if (spor_entity_is_set (e, "of_total"))
    {
      if (range != NULL)
        /* Translators: a goal's target, e.g. "2–3 of 10" participants */
        return g_strdup_printf (_("%s of %ld"), range,
                                (long) spor_entity_get_int (e, "of_total"));
      /* Translators: a goal without a number, e.g. "of 30" participants */
      return g_strdup_printf (_("of %ld"), (long) spor_entity_get_int (e, "of_total"));
    }
  return range != NULL ? g_steal_pointer (&range) : g_strdup ("");
}

GPtrArray *
spor_programmes_list_cohorts (SporStore *store,
                              gint64     programme_id,
                              GError   **error)
{
  return spor_store_list_by (store, SPOR_TYPE_COHORT, "programme_id", programme_id,
                             "start_date", TRUE, error);
}

SporCohort *
spor_programmes_create_cohort (SporStore  *store,
                               gint64      programme_id,
                               const char *name,
                               const char *start_date,
                               int         capacity,
                               GError    **error)
{
  g_autoptr(SporCohort) cohort = NULL;
  g_autoptr(GPtrArray) phases = NULL;
  g_autoptr(GDate) start = NULL;
  g_autofree SporPhasePlan *plans = NULL;
  g_autofree guint32 *starts = NULL;
  g_autofree guint32 *ends = NULL;
  SporEntity *entity;
  guint32 after;

  if (blank (name))
    {
      g_set_error_literal (error, SPOR_STORE_ERROR, SPOR_STORE_ERROR_INVALID,
                           _("A cohort needs a name."));
      return NULL;
    }
  start = spor_date_parse (start_date);
  if (start == NULL)
    {
      g_set_error (error, SPOR_STORE_ERROR, SPOR_STORE_ERROR_INVALID,
                   _("“%s” is not a valid start date"), start_date != NULL ? start_date : "");
      return NULL;
    }
  if (!spor_store_begin (store, error))
    return NULL;
  phases = spor_programmes_list_phases (store, programme_id, error);
  if (phases == NULL)
    return spor_store_fail (store), NULL;

  /* the planned end: the same plan as enrolment's */
  plans = g_new0 (SporPhasePlan, phases->len + 1);
  starts = g_new0 (guint32, phases->len + 1);
  ends = g_new0 (guint32, phases->len + 1);
  for (guint i = 0; i < phases->len; i++)
    {
      SporEntity *phase = g_ptr_array_index (phases, i);

      plans[i].duration = (int) spor_entity_get_int (phase, "duration");
      plans[i].unit = spor_duration_unit_from_string (spor_entity_get_text (phase, "duration_unit"));
      plans[i].parallel = g_strcmp0 (spor_entity_get_text (phase, "track"), "parallel") == 0;
    }
  after = spor_phase_plan_dates (plans, phases->len, g_date_get_julian (start), starts, ends);

  cohort = spor_entity_new (SPOR_TYPE_COHORT);
  entity = SPOR_ENTITY (cohort);
  spor_entity_set_int (entity, "programme_id", programme_id);
  spor_entity_set_text (entity, "name", name);
  spor_entity_set_text (entity, "start_date", start_date);
  if (after > g_date_get_julian (start))
    {
      g_autofree char *end = spor_date_from_julian (after - 1);

      spor_entity_set_text (entity, "end_date", end);
    }
  if (capacity >= 0)
    spor_entity_set_int (entity, "capacity", capacity);
  if (!spor_store_insert (store, entity, error) || !spor_store_commit (store, error))
    return spor_store_fail (store), NULL;
  return g_steal_pointer (&cohort);
}

gint64
spor_programmes_count_enrolled (SporStore *store,
                                gint64     cohort_id,
                                GError   **error)
{
  static const char sql[] =
    "SELECT count(*) FROM participants WHERE cohort_id = ?1 AND status <> 'waiting'";
  sqlite3_stmt *stmt = spor_store_prepare (store, sql, error);

  if (stmt == NULL)
    return -1;
  sqlite3_bind_int64 (stmt, 1, cohort_id);
  return spor_store_collect_count (store, stmt, "participants", error);
}

void
spor_candidate_free (SporCandidate *candidate)
{
  if (candidate == NULL)
    return;
  g_free (candidate->name);
  g_free (candidate->status);
  g_free (candidate);
}

GPtrArray *
spor_programmes_find_candidates (SporStore  *store,
                                 gint64      programme_id,
                                 const char *text,
                                 guint       limit,
                                 GError    **error)
{
  /* ?2 is a LIKE pattern built from the typed text with its wildcards escaped. */
  static const char sql[] =
    "SELECT p.id, p.name, p.status FROM participants p "
    "WHERE p.status NOT IN ('completed', 'dropped_out') "
    "  AND (p.cohort_id IS NULL OR p.programme_id IS NOT ?1) "
    "  AND p.name LIKE ?2 ESCAPE '\\' "
    "ORDER BY p.programme_id IS NOT ?1, p.status <> 'waiting', p.name COLLATE NOCASE, p.id "
    "LIMIT ?3";
  g_autoptr(GPtrArray) result = g_ptr_array_new_with_free_func ((GDestroyNotify) spor_candidate_free);
  g_autoptr(GString) pattern = g_string_new ("%");
  sqlite3_stmt *stmt;
  int rc;

  for (const char *c = text != NULL ? text : ""; *c; c++)
    {
      if (*c == '%' || *c == '_' || *c == '\\')
        g_string_append_c (pattern, '\\');
      g_string_append_c (pattern, *c);
    }
  g_string_append_c (pattern, '%');
  stmt = spor_store_prepare (store, sql, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, programme_id);
  sqlite3_bind_text (stmt, 2, pattern->str, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 3, limit);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SporCandidate *candidate = g_new0 (SporCandidate, 1);

      candidate->id = sqlite3_column_int64 (stmt, 0);
      candidate->name = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      candidate->status = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      g_ptr_array_add (result, candidate);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      spor_store_set_error (store, error, rc, "participants");
      return NULL;
    }
  return g_steal_pointer (&result);
}
