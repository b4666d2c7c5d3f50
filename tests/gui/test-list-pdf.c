/* test-list-pdf.c — the participant list printed as shown: the search and filters
 * applied, name, status, programme, cohort and start, nothing sensitive, 0600, never over
 * the database, and an empty list refused
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "spor-participant-list.h"

#include "spor-gui.h"
#include "spor-participant-list-print.h"

#include "gui-test-util.h"

typedef struct {
  GuiFixture           base;
  SporParticipantList *list;
} Fixture;

static gint64
insert (SporStore  *store,
        GType       type,
        const char *name,
        const char *status,
        gint64      programme,
        gint64      cohort)
{
  g_autoptr(SporEntity) e = spor_entity_new (type);
  g_autoptr(GError) error = NULL;

  spor_entity_set_text (e, "name", name);
  if (programme > 0)
    spor_entity_set_int (e, "programme_id", programme);
  if (type == SPOR_TYPE_COHORT)
    spor_entity_set_text (e, "start_date", "2026-09-01");
  if (type == SPOR_TYPE_PARTICIPANT)
    {
      spor_entity_set_text (e, "status", status);
      spor_entity_set_text (e, "start_date", "2026-09-07");
      spor_entity_set_text (e, "cpr", "0102031234");
      spor_entity_set_text (e, "email", "hemmelig@example.org");
      spor_entity_set_text (e, "phone", "12345678");
      spor_entity_set_text (e, "needs", "HEMMELIGT-BEHOV");
      spor_entity_set_text (e, "notes", "HEMMELIG-NOTE");
      if (cohort > 0)
        spor_entity_set_int (e, "cohort_id", cohort);
    }
  g_assert_true (spor_store_insert (store, e, &error));
  g_assert_no_error (error);
  return spor_entity_get_id (e);
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 programme, cohort;

  gui_fixture_set_up (&f->base, data);
  programme = insert (f->base.store, SPOR_TYPE_PROGRAMME, "Sy og design", NULL, 0, 0);
  cohort = insert (f->base.store, SPOR_TYPE_COHORT, "Hold efterår", NULL, programme, 0);
  insert (f->base.store, SPOR_TYPE_PARTICIPANT, "Ada Opdigtet", "active", programme, cohort);
  insert (f->base.store, SPOR_TYPE_PARTICIPANT, "Adam Eksempel", "completed", programme, cohort);
  insert (f->base.store, SPOR_TYPE_PARTICIPANT, "Bo Andersen", "active", programme, 0);
  f->list = spor_participant_list_new (f->base.store);
  g_assert_true (spor_participant_list_refresh (f->list, &error));
  g_assert_no_error (error);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_clear_object (&f->list);
  gui_fixture_tear_down (&f->base, data);
}

static void
assert_nothing_sensitive (const char *text)
{
  g_assert_null (strstr (text, "010203"));
  g_assert_null (strstr (text, "HEMMELIG"));
  g_assert_null (strstr (text, "hemmelig@"));
  g_assert_null (strstr (text, "12345678"));
}

/* The search "ada" and the status Active: only Ada, with her status, programme, cohort and
 * start, and the filter in words */
static void
test_as_shown (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *pdf = g_build_filename (f->base.dir, "liste.pdf", NULL);
  g_autofree char *text = NULL;
  g_autofree char *start = spor_gui_format_date ("2026-09-07");
  g_autoptr(GError) error = NULL;

  spor_participant_list_set_search (f->list, "ada");
  spor_participant_list_set_status (f->list, "active");
  g_assert_true (spor_participant_list_print_export (f->list, "Search: “ada” · Active", pdf, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (gui_file_mode (pdf), ==, 0600);
  text = gui_pdf_text (pdf);
  g_assert_nonnull (strstr (text, "Search: “ada” · Active"));
  g_assert_nonnull (strstr (text, "1 participant"));
  g_assert_nonnull (strstr (text, "Ada Opdigtet"));
  g_assert_null (strstr (text, "Adam Eksempel"));
  g_assert_null (strstr (text, "Bo Andersen"));
  g_assert_nonnull (strstr (text, "Sy og design"));
  g_assert_nonnull (strstr (text, "Hold efterår"));
  g_assert_nonnull (strstr (text, start));
  g_assert_nonnull (strstr (text, "Status"));
  assert_nothing_sensitive (text);

  /* all three without filters */
  g_clear_pointer (&text, g_free);
  spor_participant_list_set_search (f->list, NULL);
  spor_participant_list_set_status (f->list, NULL);
  g_assert_true (spor_participant_list_print_export (f->list, NULL, pdf, &error));
  text = gui_pdf_text (pdf);
  g_assert_nonnull (strstr (text, "3 participants"));
  g_assert_nonnull (strstr (text, "Adam Eksempel"));
  g_assert_nonnull (strstr (text, "Completed"));
  g_assert_nonnull (strstr (text, "Bo Andersen"));
  assert_nothing_sensitive (text);
}

/* The database as the target, and a list that shows no one: a message, no file */
static void
test_refused (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *pdf = g_build_filename (f->base.dir, "tom.pdf", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_false (spor_participant_list_print_export (f->list, NULL, f->base.path, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_FILENAME);
  g_assert_nonnull (strstr (error->message, "is the database Spor is working on"));
  g_clear_error (&error);
  spor_participant_list_set_search (f->list, "ingen med det navn");
  g_assert_false (spor_participant_list_print_export (f->list, NULL, pdf, &error));
  g_assert_cmpstr (error->message, ==, "The list shows no participants: there is nothing to print.");
  g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));
  g_clear_error (&error);
  /* the database is whole */
  g_clear_object (&f->list);
  g_clear_object (&f->base.store);
  f->base.store = spor_store_open (f->base.path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (spor_store_count_all (f->base.store, SPOR_TYPE_PARTICIPANT, &error), ==, 3);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/gui/list-pdf/as-shown", test_as_shown);
  ADD ("/gui/list-pdf/refused", test_refused);

  return g_test_run ();
}
