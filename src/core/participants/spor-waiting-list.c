/* spor-waiting-list.c — a programme's waiting list: its order, and taking people off it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "spor-cohort.h"
#include "spor-progress.h"
#include "spor-store-private.h"
#include "spor-waiting-list.h"

GArray *
spor_waiting_list_ids (SporStore  *store,
                       gint64      programme_id,
                       GError    **error)
{
  sqlite3_stmt *stmt = spor_store_prepare (store,
    "SELECT id FROM participants WHERE status = 'waiting' AND (?1 = 0 OR programme_id = ?1)"
    " ORDER BY programme_id, waiting_position IS NULL, waiting_position, waiting_since, id",
    error);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, programme_id);
  return spor_store_collect_ids (store, stmt, _("Reading the waiting list"), error);
}

/* Numbers a programme's waiting list 1, 2, 3 … in @order (participant ids). */
static gboolean
renumber (SporStore  *store,
          GArray     *order,
          GError    **error)
{
  for (guint i = 0; i < order->len; i++)
    {
      g_autoptr(SporParticipant) p = spor_store_get (store, SPOR_TYPE_PARTICIPANT,
                                                     g_array_index (order, gint64, i), error);
      if (p == NULL)
        return FALSE;
      spor_entity_set_int (SPOR_ENTITY (p), "waiting_position", i + 1);
      if (!spor_store_update (store, SPOR_ENTITY (p), error))
        return FALSE;
    }
  return TRUE;
}

gboolean
spor_waiting_list_add (SporStore   *store,
                       gint64       participant_id,
                       gint64       programme_id,
                       const char  *date,
                       GError     **error)
{
  g_autoptr(SporParticipant) p = NULL;
  g_autoptr(GArray) order = NULL;
  g_autofree char *today = NULL;
  gboolean listed = FALSE;
  SporEntity *e;

  if (date == NULL)
    date = today = spor_date_today ();
  if (!spor_date_is_valid (date))
    {
      g_set_error (error, SPOR_STORE_ERROR, SPOR_STORE_ERROR_INVALID, _("Not a real date"));
      return FALSE;
    }
  if (!spor_store_begin (store, error))
    return FALSE;
  p = spor_store_get (store, SPOR_TYPE_PARTICIPANT, participant_id, error);
  if (p == NULL)
    goto fail;
  order = spor_waiting_list_ids (store, programme_id, error);
  if (order == NULL)
    goto fail;
  e = SPOR_ENTITY (p);
  spor_entity_set_text (e, "status", "waiting");
  spor_entity_set_int (e, "programme_id", programme_id);
  spor_entity_unset (e, "cohort_id");
  spor_entity_set_text (e, "waiting_since", date);
  for (guint i = 0; i < order->len; i++)
    if (g_array_index (order, gint64, i) == participant_id)
      {
        g_array_remove_index (order, i--);
        listed = TRUE;
      }
  /* Put on the list again: the others close up, so that the end is after all of them. */
  if (listed && !renumber (store, order, error))
    goto fail;
  spor_entity_set_int (e, "waiting_position", order->len + 1);
  if (!spor_store_update (store, e, error) || !spor_store_commit (store, error))
    goto fail;
  return TRUE;

fail:
  spor_store_rollback (store);
  return FALSE;
}

/* Participant @participant_id, read inside the caller's transaction, when it is on the
 * waiting list; otherwise NULL, and @error says why. */
static SporParticipant *
get_waiting (SporStore  *store,
             gint64      participant_id,
             GError    **error)
{
  g_autoptr(SporParticipant) p = spor_store_get (store, SPOR_TYPE_PARTICIPANT, participant_id,
                                                 error);

  if (p != NULL && g_strcmp0 (spor_entity_get_text (SPOR_ENTITY (p), "status"), "waiting") != 0)
    {
      g_set_error (error, SPOR_STORE_ERROR, SPOR_STORE_ERROR_INVALID,
                   _("The participant is not on the waiting list"));
      return NULL;
    }
  return g_steal_pointer (&p);
}

gboolean
spor_waiting_list_move (SporStore  *store,
                        gint64      participant_id,
                        guint       position,
                        GError    **error)
{
  g_autoptr(SporParticipant) p = NULL;
  g_autoptr(GArray) order = NULL;
  guint from = G_MAXUINT;

  if (!spor_store_begin (store, error))
    return FALSE;
  p = get_waiting (store, participant_id, error);
  if (p == NULL)
    goto fail;
  order = spor_waiting_list_ids (store, spor_entity_get_int (SPOR_ENTITY (p), "programme_id"), error);
  if (order == NULL)
    goto fail;
  for (guint i = 0; i < order->len; i++)
    if (g_array_index (order, gint64, i) == participant_id)
      from = i;
  g_assert (from != G_MAXUINT);
  if (position < 1 || position > order->len)
    {
      g_set_error (error, SPOR_STORE_ERROR, SPOR_STORE_ERROR_INVALID,
                   _("The waiting list has no place %u"), position);
      goto fail;
    }
  g_array_remove_index (order, from);
  g_array_insert_val (order, position - 1, participant_id);
  if (!renumber (store, order, error) || !spor_store_commit (store, error))
    goto fail;
  return TRUE;

fail:
  spor_store_rollback (store);
  return FALSE;
}

gboolean
spor_waiting_list_admit (SporStore  *store,
                         gint64      participant_id,
                         gint64      cohort_id,
                         gboolean   *over_capacity,
                         GError    **error)
{
  g_autoptr(SporParticipant) p = NULL;
  g_autoptr(SporCohort) cohort = NULL;
  g_autoptr(GArray) order = NULL;
  gint64 programme_id, taken = 0, capacity = -1;
  SporEntity *e;

  if (!spor_store_begin (store, error))
    return FALSE;
  p = get_waiting (store, participant_id, error);
  if (p == NULL)
    goto fail;
  cohort = spor_store_get (store, SPOR_TYPE_COHORT, cohort_id, error);
  if (cohort == NULL)
    goto fail;
  e = SPOR_ENTITY (p);
  programme_id = spor_entity_get_int (e, "programme_id");

  spor_entity_set_text (e, "status", "intake");
  spor_entity_unset (e, "waiting_position");
  spor_entity_set_int (e, "programme_id", spor_entity_get_int (SPOR_ENTITY (cohort), "programme_id"));
  spor_entity_set_int (e, "cohort_id", cohort_id);
  if (!spor_store_update (store, e, error))
    goto fail;
  if (!spor_progress_enrol (store, participant_id, cohort_id, error))
    goto fail;

  /* The others close up. */
  order = spor_waiting_list_ids (store, programme_id, error);
  if (order == NULL || !renumber (store, order, error))
    goto fail;
  if (!spor_cohort_occupancy (store, cohort_id, &taken, &capacity, error))
    goto fail;
  if (!spor_store_commit (store, error))
    goto fail;
  if (over_capacity != NULL)
    *over_capacity = capacity >= 0 && taken > capacity;
  return TRUE;

fail:
  spor_store_rollback (store);
  return FALSE;
}
