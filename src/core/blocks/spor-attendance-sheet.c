/* spor-attendance-sheet.c — what a printed attendance sheet shows
 *
 * The week query already applies moves and substitutes, so a sheet is read from it: the
 * sheet of a moved occurrence shows the day it happens and the substitute's name.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "spor-attendance.h"
#include "spor-attendance-sheet.h"
#include "spor-blocks-occurrences.h"
#include "spor-store-private.h"

void
spor_attendance_sheet_free (SporAttendanceSheet *sheet)
{
  if (sheet == NULL)
    return;
  g_free (sheet->programme);
  g_free (sheet->title);
  g_free (sheet->date);
  g_free (sheet->start_time);
  g_free (sheet->end_time);
  g_free (sheet->location);
  g_free (sheet->staff);
  g_clear_pointer (&sheet->names, g_ptr_array_unref);
  g_free (sheet);
}

/* "Name · organisations" of programme @id, cached in @programmes (id → text) */
static gboolean
programme_header (SporStore   *store,
                  gint64       id,
                  GHashTable  *programmes,
                  char       **header,
                  GError     **error)
{
  g_autoptr(SporProgramme) programme = NULL;
  const char *name, *organisations;
  char *text;

  *header = NULL;
  if (id <= 0)
    return TRUE;
  if ((text = g_hash_table_lookup (programmes, &id)) != NULL)
    {
      *header = g_strdup (text);
      return TRUE;
    }
  if ((programme = spor_store_get (store, SPOR_TYPE_PROGRAMME, id, error)) == NULL)
    return FALSE;
  name = spor_entity_get_text (SPOR_ENTITY (programme), "name");
  organisations = spor_entity_get_text (SPOR_ENTITY (programme), "organisations");
  text = organisations != NULL && *organisations != '\0'
         ? g_strdup_printf ("%s · %s", name, organisations) : g_strdup (name);
  g_hash_table_insert (programmes, g_memdup2 (&id, sizeof id), text);
  *header = g_strdup (text);
  return TRUE;
}

static SporAttendanceSheet *
sheet_new (SporStore            *store,
           const SporOccurrence *o,
           GHashTable           *programmes,
           GError              **error)
{
  g_autoptr(SporAttendanceSheet) sheet = g_new0 (SporAttendanceSheet, 1);
  g_autoptr(GPtrArray) rows = NULL;

  if (!programme_header (store, o->programme_id, programmes, &sheet->programme, error))
    return NULL;
  rows = spor_attendance_list_occurrence (store, o->block_id, o->date, error);
  if (rows == NULL)
    return NULL;
  sheet->title = g_strdup (o->title);
  sheet->date = g_strdup (o->actual_date);
  sheet->start_time = g_strdup (o->start_time);
  sheet->end_time = g_strdup (o->end_time);
  sheet->location = g_strdup (o->location);
  sheet->staff = g_strdup (o->staff);
  sheet->names = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < rows->len; i++)
    g_ptr_array_add (sheet->names, g_strdup (((SporAttendanceRow *) g_ptr_array_index (rows, i))->name));
  return g_steal_pointer (&sheet);
}

static GHashTable *
programme_cache_new (void)
{
  return g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
}

SporAttendanceSheet *
spor_attendance_sheet_occurrence (SporStore   *store,
                                  gint64       block_id,
                                  const char  *date,
                                  GError     **error)
{
  g_autoptr(SporOccurrence) occurrence = NULL;
  g_autoptr(GHashTable) programmes = NULL;

  g_return_val_if_fail (SPOR_IS_STORE (store), NULL);

  /* as the week shows it: its staff after substitutions */
  occurrence = spor_blocks_query_occurrence (store, block_id, date, error);
  if (occurrence == NULL)
    return NULL;
  if (occurrence->cancelled)
    {
      spor_store_invalid (error, _("This occurrence is cancelled: there is no attendance to sign."));
      return NULL;
    }
  programmes = programme_cache_new ();
  return sheet_new (store, occurrence, programmes, error);
}

GPtrArray *
spor_attendance_sheets_week (SporStore            *store,
                             const char           *monday,
                             const SporWeekFilter *filter,
                             GError              **error)
{
  g_autoptr(SporWeek) week = NULL;
  g_autoptr(GHashTable) programmes = NULL;
  g_autoptr(GPtrArray) sheets = NULL;

  g_return_val_if_fail (SPOR_IS_STORE (store), NULL);

  week = spor_blocks_query_week (store, monday, filter, error);
  if (week == NULL)
    return NULL;
  programmes = programme_cache_new ();
  sheets = g_ptr_array_new_with_free_func ((GDestroyNotify) spor_attendance_sheet_free);
  for (guint i = 0; i < week->occurrences->len; i++)
    {
      SporOccurrence *o = g_ptr_array_index (week->occurrences, i);
      SporAttendanceSheet *sheet;

      if (o->cancelled)
        continue;
      if ((sheet = sheet_new (store, o, programmes, error)) == NULL)
        return NULL;
      g_ptr_array_add (sheets, sheet);
    }
  return g_steal_pointer (&sheets);
}
