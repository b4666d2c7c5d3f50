/* test-attendance-pdf.c — attendance sheets as PDF: names and a signature column, the
 * moved day and the substitute, nothing sensitive, 0600, never over the database
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <sys/stat.h>

#include <glib/gstdio.h>
#include <gtk/gtk.h>

#include "gui-test-util.h"
#include "spor-attendance-print.h"
#include "spor-attendance.h"
#include "spor-blocks.h"

#define MONDAY "2026-11-23"

typedef struct {
  GuiFixture base;
  gint64     block;
} Fixture;

static gint64
insert (SporStore  *store,
        GType       type,
        const char *name)
{
  g_autoptr(SporEntity) e = spor_entity_new (type);
  g_autoptr(GError) error = NULL;

  spor_entity_set_text (e, type == SPOR_TYPE_BLOCK ? "title" : "name", name);
  if (type == SPOR_TYPE_PARTICIPANT)
    {
      spor_entity_set_text (e, "status", "active");
      spor_entity_set_text (e, "cpr", "0102031234");
      spor_entity_set_text (e, "needs", "HEMMELIGT-BEHOV");
      spor_entity_set_text (e, "notes", "HEMMELIG-NOTE");
    }
  if (type == SPOR_TYPE_PROGRAMME)
    spor_entity_set_text (e, "organisations", "Kulturskolen Opdigtet");
  g_assert_true (spor_store_insert (store, e, &error));
  g_assert_no_error (error);
  return spor_entity_get_id (e);
}

/* Sy og design on Tuesdays and Thursdays 09:00–12:00 with two participants, a creative
 * professional and an adviser; Tuesday's creative professional has a substitute, Thursday's
 * block moved to Friday afternoon, and next Tuesday's is cancelled. */
static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(SporBlock) block = spor_entity_new (SPOR_TYPE_BLOCK);
  g_autoptr(GError) error = NULL;
  SporStore *store;
  SporEntity *b = SPOR_ENTITY (block);
  gint64 creative, adviser, substitute;

  gui_fixture_set_up (&f->base, data);
  store = f->base.store;
  creative = insert (store, SPOR_TYPE_STAFF, "Karen Kreativ");
  adviser = insert (store, SPOR_TYPE_STAFF, "Rasmus Rådgiver");
  substitute = insert (store, SPOR_TYPE_STAFF, "Vibeke Vikar");
  spor_entity_set_int (b, "programme_id", insert (store, SPOR_TYPE_PROGRAMME, "Sy og design"));
  spor_entity_set_int (b, "location_id", insert (store, SPOR_TYPE_LOCATION, "Værkstedet Rønde"));
  spor_entity_set_text (b, "title", "Syværksted");
  spor_entity_set_text (b, "kind", "weekly");
  spor_entity_set_int (b, "weekdays", (1 << 1) | (1 << 3));
  spor_entity_set_text (b, "start_time", "09:00");
  spor_entity_set_text (b, "end_time", "12:00");
  spor_entity_set_text (b, "period_start", "2026-08-01");
  spor_entity_set_text (b, "period_end", "2026-12-18");
  g_assert_true (spor_blocks_save (store, block, &error));
  g_assert_no_error (error);
  f->block = spor_entity_get_id (b);
  g_assert_true (spor_blocks_assign_staff (store, f->block, creative, "creative", &error) &&
                 spor_blocks_assign_staff (store, f->block, adviser, "adviser", &error) &&
                 spor_blocks_add_participant (store, f->block, insert (store, SPOR_TYPE_PARTICIPANT, "Åse Opdigtet"), &error) &&
                 spor_blocks_add_participant (store, f->block, insert (store, SPOR_TYPE_PARTICIPANT, "Bo Eksempel"), &error) &&
                 spor_blocks_substitute_staff (store, f->block, "2026-11-24", creative, substitute, &error) &&
                 spor_blocks_move_occurrence (store, f->block, "2026-11-26", "2026-11-27", "13:00", "16:00", NULL, &error) &&
                 spor_blocks_cancel_occurrence (store, f->block, "2026-12-01", NULL, &error));
  g_assert_no_error (error);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  gui_fixture_tear_down (&f->base, data);
}



static void
assert_nothing_sensitive (const char *text)
{
  g_assert_null (strstr (text, "0102031234"));
  g_assert_null (strstr (text, "010203"));
  g_assert_null (strstr (text, "HEMMELIG"));
}

static void
assert_signature_line (const char *text,
                       const char *name)
{
  const char *at = strstr (text, name);
  g_autofree char *line = NULL;

  g_assert_nonnull (at);
  line = g_strndup (at, strcspn (at, "\n"));
  g_assert_nonnull (strstr (line, "______"));
}

/* One occurrence: the programme and its organisation, the block, the day, the place, the
 * substitute in the creative professional's place, both names and the signature column */
static void
test_occurrence (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *pdf = g_build_filename (f->base.dir, "fremmøde.pdf", NULL);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  mode_t umask_before = umask (022);

  g_assert_true (spor_attendance_print_export (f->base.store, f->block, "2026-11-24", NULL, pdf, &error));
  g_assert_no_error (error);
  umask (umask_before);
  g_assert_cmpuint (gui_file_mode (pdf), ==, 0600);
  text = gui_pdf_text (pdf);
  g_assert_nonnull (strstr (text, "Sy og design · Kulturskolen Opdigtet"));
  g_assert_nonnull (strstr (text, "Attendance Sheet: Syværksted"));
  g_assert_nonnull (strstr (text, "Tuesday"));
  g_assert_nonnull (strstr (text, "09:00–12:00"));
  g_assert_nonnull (strstr (text, "Værkstedet Rønde"));
  g_assert_nonnull (strstr (text, "Vibeke Vikar"));
  g_assert_null (strstr (text, "Karen Kreativ"));
  g_assert_nonnull (strstr (text, "Rasmus Rådgiver"));
  g_assert_nonnull (strstr (text, "Signature"));
  g_assert_nonnull (strstr (text, "Åse Opdigtet"));
  g_assert_nonnull (strstr (text, "Bo Eksempel"));
  g_assert_nonnull (strstr (text, "Page 1 of 1"));
  /* each name on a line with its signature line */
  assert_signature_line (text, "Åse Opdigtet");
  assert_signature_line (text, "Bo Eksempel");
  assert_nothing_sensitive (text);
}

/* The week: a page per occurrence that takes place, the moved one on its new day and time
 * with the creative professional of the rule */
static void
test_week (Fixture       *f,
           gconstpointer  data)
{
  g_autofree char *pdf = g_build_filename (f->base.dir, "uge.pdf", NULL);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (spor_attendance_print_export (f->base.store, 0, MONDAY, NULL, pdf, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (gui_file_mode (pdf), ==, 0600);
  text = gui_pdf_text (pdf);
  g_assert_nonnull (strstr (text, "Page 1 of 2"));
  g_assert_nonnull (strstr (text, "Page 2 of 2"));
  g_assert_nonnull (strstr (text, "Friday"));
  g_assert_nonnull (strstr (text, "13:00–16:00"));
  g_assert_null (strstr (text, "Thursday"));
  g_assert_nonnull (strstr (strstr (text, "Friday"), "Karen Kreativ"));
  assert_nothing_sensitive (text);
}

static char *
other_files (Fixture *f)
{
  g_autoptr(GDir) dir = g_dir_open (f->base.dir, 0, NULL);
  g_autoptr(GString) names = g_string_new (NULL);
  const char *name;

  while ((name = g_dir_read_name (dir)) != NULL)
    if (!g_str_has_prefix (name, "spor.db") && !g_str_has_suffix (name, ".db") &&
        strstr (name, ".db-") == NULL)
      g_string_append_printf (names, "%s%s", names->len ? " " : "", name);
  return g_string_free (g_steal_pointer (&names), FALSE);
}

/* Refused with a message and no file: the database and its files as the target, a
 * cancelled occurrence, a day the block does not have, a week without blocks */
static void
test_refused (Fixture       *f,
              gconstpointer  data)
{
  const char *suffixes[] = { "", "-wal", "-shm" };
  g_autofree char *pdf = g_build_filename (f->base.dir, "ark.pdf", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *target = g_strconcat (f->base.path, suffixes[i], NULL);

      g_assert_false (spor_attendance_print_export (f->base.store, f->block, "2026-11-24", NULL, target, &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_FILENAME);
      g_assert_nonnull (strstr (error->message, "is the database Spor is working on"));
      g_clear_error (&error);
    }
  g_assert_false (spor_attendance_print_export (f->base.store, f->block, "2026-12-01", NULL, pdf, &error));
  g_assert_error (error, SPOR_STORE_ERROR, SPOR_STORE_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "This occurrence is cancelled: there is no attendance to sign.");
  g_clear_error (&error);
  g_assert_false (spor_attendance_print_export (f->base.store, f->block, "2026-11-25", NULL, pdf, &error));
  g_assert_error (error, SPOR_STORE_ERROR, SPOR_STORE_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "The block does not take place on that day.");
  g_clear_error (&error);
  g_assert_false (spor_attendance_print_export (f->base.store, 0, "2027-03-01", NULL, pdf, &error));
  g_assert_error (error, SPOR_STORE_ERROR, SPOR_STORE_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "No block takes place this week: there is no attendance sheet to print.");
  g_clear_error (&error);
  {
    g_autofree char *names = other_files (f);

    g_assert_cmpstr (names, ==, "");
  }
  /* the database is whole: reopened, the block and its participants are there */
  g_clear_object (&f->base.store);
  f->base.store = spor_store_open (f->base.path, &error);
  g_assert_no_error (error);
  rows = spor_attendance_list_occurrence (f->base.store, f->block, "2026-11-24", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("/gui/attendance-pdf/occurrence", test_occurrence);
  ADD ("/gui/attendance-pdf/week", test_week);
  ADD ("/gui/attendance-pdf/refused", test_refused);

  return g_test_run ();
}
