/* test-meeting-editor.c — meetings from a participant's page: a group talk recorded once
 * for the cohort with who took part, editing the staff and day, and a delete that waits
 * for its Undo and is carried out before the page moves on
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "spor-meetings.h"

#include "spor-choice.h"
#include "spor-gui.h"
#include "spor-meeting-editor.h"
#include "spor-meeting-row.h"
#include "spor-participant-page.h"

#include "gui-test-util.h"

typedef struct {
  GuiFixture base;
  gint64     cohort, ada, bo, staff[2];
} Fixture;

static gint64
insert (SporStore  *store,
        GType       type,
        const char *name,
        gint64      cohort)
{
  g_autoptr(SporEntity) e = spor_entity_new (type);
  g_autoptr(GError) error = NULL;

  spor_entity_set_text (e, "name", name);
  if (type == SPOR_TYPE_PARTICIPANT)
    spor_entity_set_text (e, "status", "active");
  if (type == SPOR_TYPE_COHORT)
    spor_entity_set_text (e, "start_date", "2026-09-01");
  if (type == SPOR_TYPE_STAFF)
    spor_entity_set_bool (e, "active", TRUE);
  if (cohort > 0)
    spor_entity_set_int (e, type == SPOR_TYPE_COHORT ? "programme_id" : "cohort_id", cohort);
  g_assert_true (spor_store_insert (store, e, &error));
  g_assert_no_error (error);
  return spor_entity_get_id (e);
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  gui_fixture_set_up (&f->base, data);
  f->cohort = insert (f->base.store, SPOR_TYPE_COHORT, "Hold efterår",
                      insert (f->base.store, SPOR_TYPE_PROGRAMME, "Aspiranterne", 0));
  f->ada = insert (f->base.store, SPOR_TYPE_PARTICIPANT, "Ada Opdigtet", f->cohort);
  f->bo = insert (f->base.store, SPOR_TYPE_PARTICIPANT, "Bo Eksempel", f->cohort);
  f->staff[0] = insert (f->base.store, SPOR_TYPE_STAFF, "Mette Mentor", 0);
  f->staff[1] = insert (f->base.store, SPOR_TYPE_STAFF, "Rasmus Rådgiver", 0);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  gui_fixture_tear_down (&f->base, data);
}

static gint64
n_meetings (SporStore *store)
{
  g_autoptr(GError) error = NULL;
  gint64 n = spor_store_count_all (store, SPOR_TYPE_MEETING, &error);

  g_assert_no_error (error);
  return n;
}

static GtkWidget *
child_titled (GtkWidget  *root,
              GType       type,
              const char *title)
{
  for (GtkWidget *c = gtk_widget_get_first_child (root); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (c, type) &&
          (title == NULL || (ADW_IS_PREFERENCES_GROUP (c)
                             ? g_strcmp0 (adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (c)), title) == 0
                             : ADW_IS_PREFERENCES_ROW (c) &&
                               g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (c)), title) == 0)))
        return c;
      if ((found = child_titled (c, type, title)) != NULL)
        return found;
    }
  return NULL;
}

/* A group talk from Ada's page, with Bo ticked too and two staff: one meeting of the
 * cohort, on both pages; the list of who took part shows for a group talk only */
static void
test_group_talk (Fixture       *f,
                 gconstpointer  data)
{
  SporMeetingEditor *editor = g_object_ref_sink (SPOR_MEETING_EDITOR (spor_meeting_editor_new (NULL, f->base.store, f->ada)));
  GtkWidget *took_part = child_titled (GTK_WIDGET (editor), ADW_TYPE_PREFERENCES_GROUP, "Took Part");
  AdwComboRow *kind = ADW_COMBO_ROW (child_titled (GTK_WIDGET (editor), ADW_TYPE_COMBO_ROW, "Kind"));
  g_autoptr(GPtrArray) of_bo = NULL;
  g_autoptr(GArray) staff = NULL;
  g_autoptr(GArray) part = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  g_assert_nonnull (took_part);
  g_assert_false (gtk_widget_get_visible (took_part));
  g_assert_true (spor_choice_select (kind, "group_talk"));
  g_assert_true (gtk_widget_get_visible (took_part));
  g_assert_true (spor_meeting_editor_set_took_part (editor, f->bo, TRUE));
  g_assert_true (spor_meeting_editor_set_staff (editor, f->staff[0], TRUE));
  g_assert_true (spor_meeting_editor_set_staff (editor, f->staff[1], TRUE));
  gtk_editable_set_text (GTK_EDITABLE (gui_find_entry_row (GTK_WIDGET (editor), "Date")), "2026-10-05");
  g_assert_true (spor_meeting_editor_save (editor));
  gtk_window_destroy (GTK_WINDOW (editor));
  g_object_unref (editor);

  g_assert_cmpint (n_meetings (f->base.store), ==, 1);
  of_bo = spor_meetings_list (f->base.store, f->bo, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (of_bo->len, ==, 1);
  id = spor_entity_get_id (of_bo->pdata[0]);
  g_assert_cmpint (spor_entity_get_int (of_bo->pdata[0], "cohort_id"), ==, f->cohort);
  staff = spor_meetings_get_staff (f->base.store, id, &error);
  part = spor_meetings_get_participants (f->base.store, id, &error);
  g_assert_cmpuint (staff->len, ==, 2);
  g_assert_cmpuint (part->len, ==, 2);
}

/* The label that says what is wrong with the form */
static GtkLabel *
form_message (GtkWidget *root)
{
  for (GtkWidget *c = gtk_widget_get_first_child (root); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkLabel *found;

      if (GTK_IS_LABEL (c) && gtk_widget_has_css_class (c, "form-message"))
        return GTK_LABEL (c);
      if ((found = form_message (c)) != NULL)
        return found;
    }
  return NULL;
}

/* Editing: the stored day, kind and staff are in the form; a day that is not one is refused
 * with its message; a changed day and staff are saved */
static void
test_edit (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SporMeeting) stored = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GArray) staff = NULL;
  SporMeetingEditor *editor;
  AdwEntryRow *date;
  GtkLabel *message;
  gint64 id;

  g_assert_true (spor_meetings_add (f->base.store, f->ada, "coaching", "2026-10-01", f->staff[0], "Godt møde", &error));
  list = spor_meetings_list (f->base.store, f->ada, &error);
  id = spor_entity_get_id (list->pdata[0]);
  editor = g_object_ref_sink (SPOR_MEETING_EDITOR (spor_meeting_editor_new_edit (NULL, f->base.store, f->ada, id, &error)));
  g_assert_no_error (error);
  date = gui_find_entry_row (GTK_WIDGET (editor), "Date");
  {
    g_autofree char *shown = spor_gui_format_date ("2026-10-01");

    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (date)), ==, shown);
  }
  gtk_editable_set_text (GTK_EDITABLE (date), "2026-02-30");
  g_assert_false (spor_meeting_editor_save (editor));
  message = form_message (GTK_WIDGET (editor));
  g_assert_nonnull (message);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (message)));
  g_assert_cmpstr (gtk_label_get_label (message), ==, "Not a real date");
  gtk_editable_set_text (GTK_EDITABLE (date), "2026-10-08");
  g_assert_true (spor_meeting_editor_set_staff (editor, f->staff[0], FALSE));
  g_assert_true (spor_meeting_editor_set_staff (editor, f->staff[1], TRUE));
  g_assert_true (spor_meeting_editor_save (editor));
  gtk_window_destroy (GTK_WINDOW (editor));
  g_object_unref (editor);

  stored = spor_store_get (f->base.store, SPOR_TYPE_MEETING, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (spor_entity_get_text (SPOR_ENTITY (stored), "date"), ==, "2026-10-08");
  g_assert_cmpstr (spor_entity_get_text (SPOR_ENTITY (stored), "notes"), ==, "Godt møde");
  staff = spor_meetings_get_staff (f->base.store, id, &error);
  g_assert_cmpuint (staff->len, ==, 1);
  g_assert_cmpint (g_array_index (staff, gint64, 0), ==, f->staff[1]);
  /* a meeting that is gone cannot be opened */
  g_assert_null (spor_meeting_editor_new_edit (NULL, f->base.store, f->ada, id + 100, &error));
  g_assert_error (error, SPOR_STORE_ERROR, SPOR_STORE_ERROR_NOT_FOUND);
}

static guint
n_meeting_rows (GtkWidget *root)
{
  guint n = 0;

  for (GtkWidget *c = gtk_widget_get_first_child (root); c != NULL; c = gtk_widget_get_next_sibling (c))
    n += SPOR_IS_MEETING_ROW (c) ? 1 : n_meeting_rows (c);
  return n;
}

/* Delete hides the meeting at once and deletes it only when it is carried out (the toast
 * going, the window closing: flush_pending); another participant's page carries it out too */
static void
test_delete (Fixture       *f,
             gconstpointer  data)
{
  SporParticipantPage *page = g_object_new (SPOR_TYPE_PARTICIPANT_PAGE, NULL);
  GtkWidget *window = gui_window_with (GTK_WIDGET (page));
  g_autoptr(GPtrArray) failed = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  GtkWidget *row;

  g_assert_true (spor_meetings_add (f->base.store, f->ada, "coaching", "2026-10-01", 0, NULL, &error));
  g_assert_true (spor_meetings_add (f->base.store, f->ada, "follow_up", "2026-12-01", 0, NULL, &error));
  spor_participant_page_set_participant (page, f->base.store, f->ada);
  gui_iterate ();
  g_assert_cmpuint (n_meeting_rows (GTK_WIDGET (page)), ==, 2);
  row = gui_find_widget (GTK_WIDGET (page), SPOR_TYPE_MEETING_ROW);
  g_signal_emit_by_name (row, "delete");
  gui_iterate ();
  g_assert_cmpuint (n_meeting_rows (GTK_WIDGET (page)), ==, 1);
  g_assert_cmpint (n_meetings (f->base.store), ==, 2);
  spor_participant_page_flush_pending (page, failed);
  g_assert_cmpuint (failed->len, ==, 0);
  g_assert_cmpint (n_meetings (f->base.store), ==, 1);

  row = gui_find_widget (GTK_WIDGET (page), SPOR_TYPE_MEETING_ROW);
  g_signal_emit_by_name (row, "delete");
  gui_iterate ();
  g_assert_cmpuint (n_meeting_rows (GTK_WIDGET (page)), ==, 0);
  spor_participant_page_set_participant (page, f->base.store, f->bo);
  g_assert_cmpint (n_meetings (f->base.store), ==, 0);
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/meeting-editor/group-talk", test_group_talk);
  ADD ("/meeting-editor/edit", test_edit);
  ADD ("/meeting-editor/delete", test_delete);

  return g_test_run ();
}
