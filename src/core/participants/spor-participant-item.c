/* spor-participant-item.c — one row of the list of participants
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "spor-participant-item.h"
#include "spor-store-private.h"

struct _SporParticipantItem
{
  GObject  parent_instance;
  gint64   id;
  char    *name;
  char    *status;
  char    *programme_name;
  char    *cohort_name;
  char    *phase_name;
  char    *start_date;
  gint64   waiting_position;
  char    *waiting_since;
};

G_DEFINE_FINAL_TYPE (SporParticipantItem, spor_participant_item, G_TYPE_OBJECT)

static void
spor_participant_item_finalize (GObject *object)
{
  SporParticipantItem *self = SPOR_PARTICIPANT_ITEM (object);

  g_free (self->name);
  g_free (self->status);
  g_free (self->programme_name);
  g_free (self->cohort_name);
  g_free (self->phase_name);
  g_free (self->start_date);
  g_free (self->waiting_since);
  G_OBJECT_CLASS (spor_participant_item_parent_class)->finalize (object);
}

static void
spor_participant_item_class_init (SporParticipantItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = spor_participant_item_finalize;
}

static void
spor_participant_item_init (SporParticipantItem *self)
{
}

gint64 spor_participant_item_get_id (SporParticipantItem *self) { return self->id; }
const char *spor_participant_item_get_name (SporParticipantItem *self) { return self->name; }
const char *spor_participant_item_get_status (SporParticipantItem *self) { return self->status; }
const char *spor_participant_item_get_programme_name (SporParticipantItem *self) { return self->programme_name; }
const char *spor_participant_item_get_cohort_name (SporParticipantItem *self) { return self->cohort_name; }
const char *spor_participant_item_get_phase_name (SporParticipantItem *self) { return self->phase_name; }
const char *spor_participant_item_get_start_date (SporParticipantItem *self) { return self->start_date; }
gint64 spor_participant_item_get_waiting_position (SporParticipantItem *self) { return self->waiting_position; }
const char *spor_participant_item_get_waiting_since (SporParticipantItem *self) { return self->waiting_since; }

static char *
column_text (sqlite3_stmt *stmt,
             int           column)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);
  return text != NULL ? g_strdup (text) : NULL;
}

SporParticipantItem *
spor_participant_item_load (SporStore  *store,
                            gint64      id,
                            GError    **error)
{
  static const char sql[] =
    "SELECT p.name, p.status, g.name, c.name, p.start_date,"
    "       (SELECT ph.name FROM phase_progress pp JOIN phases ph ON ph.id = pp.phase_id"
    "         WHERE pp.participant_id = p.id AND pp.state IN ('active', 'on_hold')"
    "         ORDER BY ph.position LIMIT 1),"
    "       p.waiting_position, p.waiting_since"
    "  FROM participants p"
    "  LEFT JOIN programmes g ON g.id = p.programme_id"
    "  LEFT JOIN cohorts c ON c.id = p.cohort_id"
    " WHERE p.id = ?";
  sqlite3_stmt *stmt = spor_store_prepare (store, sql, error);
  SporParticipantItem *item;
  int rc;

  item = g_object_new (SPOR_TYPE_PARTICIPANT_ITEM, NULL);
  item->id = id;
  if (stmt == NULL)
    {
      item->name = g_strdup ("");
      item->status = g_strdup ("waiting");
      return item;
    }
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      item->name = column_text (stmt, 0);
      item->status = column_text (stmt, 1);
      item->programme_name = column_text (stmt, 2);
      item->cohort_name = column_text (stmt, 3);
      item->start_date = column_text (stmt, 4);
      item->phase_name = column_text (stmt, 5);
      item->waiting_position = sqlite3_column_int64 (stmt, 6);
      item->waiting_since = column_text (stmt, 7);
    }
  else
    {
      /* Erased meanwhile by another connection (SQLITE_DONE): an empty row until the next
       * refresh. */
      item->name = g_strdup ("");
      item->status = g_strdup ("waiting");
    }
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    spor_store_set_error (store, error, rc, _("Reading a participant"));
  return item;
}
