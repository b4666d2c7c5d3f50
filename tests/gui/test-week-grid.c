/* test-week-grid.c — the week grid, the Calendar view, the block editor, the occurrence
 * dialog and the participant attendance widget on a temporary database
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>

#include "spor-attendance.h"
#include "spor-blocks.h"
#include "spor-store.h"

#include "spor-attention-detail-row.h"
#include "spor-attention-row.h"
#include "spor-block-editor.h"
#include "spor-calendar-view.h"
#include "spor-choice.h"
#include "spor-member-row.h"
#include "spor-occurrence-dialog.h"
#include "spor-participant-attendance.h"
#include "spor-week-grid.h"

#include "gui-test-util.h"

typedef struct {
  char      *dir;
  SporStore *store;
  gint64     syddjurs;   /* Tuesday and Thursday 09:00–12:00, needs a creative and an adviser */
  gint64     talk;       /* one-off Friday 13:00–15:30 */
  gint64     other;      /* Tuesday 10:00–11:00, overlapping */
  gint64     participants[3];
} Fixture;

static gint64
save_block (SporStore  *store,
            const char *title,
            const char *kind,
            guint       weekdays,
            const char *start,
            const char *end,
            const char *from,
            const char *to)
{
  g_autoptr(SporBlock) block = spor_entity_new (SPOR_TYPE_BLOCK);
  g_autoptr(GError) error = NULL;
  SporEntity *e = SPOR_ENTITY (block);

  spor_entity_set_text (e, "title", title);
  spor_entity_set_text (e, "kind", kind);
  spor_entity_set_int (e, "weekdays", weekdays);
  spor_entity_set_text (e, "start_time", start);
  spor_entity_set_text (e, "end_time", end);
  spor_entity_set_text (e, "period_start", from);
  if (to != NULL)
    spor_entity_set_text (e, "period_end", to);
  g_assert_true (spor_blocks_save (store, block, &error));
  g_assert_no_error (error);
  return spor_entity_get_id (e);
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  static const char * const names[] = { "Anna Afprøvning", "Bent Bladsen", "Cecilie Coach" };

  f->dir = g_dir_make_tmp ("spor-week-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (f->dir, "spor.db", NULL);
  f->store = spor_store_open (path, &error);
  g_assert_no_error (error);

  f->syddjurs = save_block (f->store, "Sy og design", "weekly", SPOR_WEEKDAY_BIT (2) | SPOR_WEEKDAY_BIT (4),
                            "09:00", "12:00", "2026-11-01", "2026-12-31");
  f->talk = save_block (f->store, "Gruppesamtale", "once", 0, "13:00", "15:30", "2026-11-27", NULL);
  f->other = save_block (f->store, "Fortælleværksted", "weekly", SPOR_WEEKDAY_BIT (2),
                         "10:00", "11:00", "2026-11-01", "2026-12-31");
  g_assert_true (spor_blocks_set_requirement (f->store, f->syddjurs, "creative", 1, &error));
  g_assert_true (spor_blocks_set_requirement (f->store, f->syddjurs, "adviser", 1, &error));
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(SporParticipant) p = spor_entity_new (SPOR_TYPE_PARTICIPANT);

      spor_entity_set_text (SPOR_ENTITY (p), "name", names[i]);
      g_assert_true (spor_store_insert (f->store, SPOR_ENTITY (p), &error));
      f->participants[i] = spor_entity_get_id (SPOR_ENTITY (p));
      g_assert_true (spor_blocks_add_participant (f->store, f->syddjurs, f->participants[i], &error));
    }
  g_assert_no_error (error);
}

static void
remove_tree (const char *path)
{
  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);
          remove_tree (child);
        }
    }
  g_remove (path);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_clear_object (&f->store);
  remove_tree (f->dir);
  g_free (f->dir);
}

static void
iterate (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
}

static void
test_grid_layout (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SporWeek) week = spor_blocks_query_week (f->store, "2026-11-23", NULL, &error);
  GtkWidget *window = gtk_window_new ();
  SporWeekGrid *grid = SPOR_WEEK_GRID (spor_week_grid_new ());
  guint tuesday_items = 0;
  graphene_rect_t tue_a = { 0 }, tue_b = { 0 };

  g_assert_no_error (error);
  g_object_ref (grid);
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 900);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (grid));
  spor_week_grid_set_week (grid, week, "2026-11-25");
  gtk_window_present (GTK_WINDOW (window));
  iterate (300);

  g_assert_cmpuint (spor_week_grid_get_n_occurrences (grid), ==, 4);
  for (guint i = 0; i < 4; i++)
    {
      const SporOccurrence *o = spor_week_grid_get_occurrence (grid, i);
      graphene_rect_t area, day;
      guint column = 0;
      int start_minutes;

      g_assert_true (spor_week_grid_get_occurrence_area (grid, i, &area));
      if (g_str_equal (o->actual_date, "2026-11-24"))
        column = 1;
      else if (g_str_equal (o->actual_date, "2026-11-26"))
        column = 3;
      else if (g_str_equal (o->actual_date, "2026-11-27"))
        column = 4;
      else
        g_assert_not_reached ();
      spor_week_grid_get_day_area (grid, column, &day);
      /* In its day's column … */
      g_assert_cmpfloat (area.origin.x, >=, day.origin.x);
      g_assert_cmpfloat (area.origin.x + area.size.width, <=, day.origin.x + day.size.width + 0.5);
      /* … from its start to its end row */
      start_minutes = g_date_time_get_hour (o->start) * 60 + g_date_time_get_minute (o->start);
      g_assert_cmpfloat_with_epsilon (area.origin.y, spor_week_grid_y_for_minutes (grid, start_minutes), 1.5);
      g_assert_cmpfloat_with_epsilon (area.origin.y + area.size.height,
                                      spor_week_grid_y_for_minutes (grid, start_minutes + spor_occurrence_hours (o) * 60), 2.5);
      if (column == 1)
        {
          if (tuesday_items++ == 0)
            tue_a = area;
          else
            tue_b = area;
        }
    }
  /* The two Tuesday blocks overlap in time, so they sit side by side */
  g_assert_cmpuint (tuesday_items, ==, 2);
  g_assert_false (graphene_rect_intersection (&tue_a, &tue_b, NULL));

  /* Keyboard: select and move between blocks */
  spor_week_grid_select (grid, 0);
  g_assert_cmpint (spor_week_grid_get_selected (grid), ==, 0);
  spor_week_grid_select (grid, 10);
  g_assert_cmpint (spor_week_grid_get_selected (grid), ==, 3);

  /* Hours 08–16: rows move up by an hour */
  {
    double before = spor_week_grid_y_for_minutes (grid, 9 * 60);

    spor_week_grid_set_hours (grid, 8, 16);
    g_assert_cmpfloat (spor_week_grid_y_for_minutes (grid, 9 * 60), <, before);
  }

  gtk_window_destroy (GTK_WINDOW (window));
  iterate (50);
  g_assert_finalize_object (grid);
}

static void
test_week_title (void)
{
  g_autofree char *a = spor_calendar_view_format_week ("2026-11-23");
  g_autofree char *b = spor_calendar_view_format_week ("2026-11-30");
  g_autofree char *c = spor_calendar_view_format_week ("2026-12-28");

  g_assert_cmpstr (a, ==, "Week 48 · 23–29 November 2026");
  g_assert_cmpstr (b, ==, "Week 49 · 30 November – 6 December 2026");
  g_assert_cmpstr (c, ==, "Week 53 · 28 December 2026 – 3 January 2027");
}

static void
test_view (Fixture       *f,
           gconstpointer  data)
{
  SporCalendarView *view = SPOR_CALENDAR_VIEW (spor_calendar_view_new (f->store));
  GtkWidget *window = gui_window_sized (GTK_WIDGET (view), 1200, 800);
  SporWeekGrid *grid = spor_calendar_view_get_week_grid (view);
  SporWeekFilter filter = { 0 };

  spor_calendar_view_go_to (view, "2026-11-26");
  g_assert_cmpstr (spor_calendar_view_get_week (view), ==, "2026-11-23");
  g_assert_true (spor_calendar_view_load_week_now (view));
  g_assert_cmpuint (spor_week_grid_get_n_occurrences (grid), ==, 4);

  /* Navigation by the view's actions */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "calendar.next-week", NULL));
  g_assert_cmpstr (spor_calendar_view_get_week (view), ==, "2026-11-30");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "calendar.previous-week", NULL));
  g_assert_cmpstr (spor_calendar_view_get_week (view), ==, "2026-11-23");

  /* Filter: only the one-off talk has a location? none; by programme none → all still */
  filter.staff_id = 12345;
  spor_calendar_view_set_filter (view, &filter);
  g_assert_true (spor_calendar_view_load_week_now (view));
  g_assert_cmpuint (spor_week_grid_get_n_occurrences (grid), ==, 0);
  filter.staff_id = 0;
  spor_calendar_view_set_filter (view, &filter);
  g_assert_true (spor_calendar_view_load_week_now (view));
  g_assert_cmpuint (spor_week_grid_get_n_occurrences (grid), ==, 4);

  /* Delete hides the block at once; the database keeps it until the toast goes */
  spor_calendar_view_delete_block (view, f->talk);
  g_assert_cmpuint (spor_week_grid_get_n_occurrences (grid), ==, 3);
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(SporBlock) still = spor_store_get (f->store, SPOR_TYPE_BLOCK, f->talk, &error);

    g_assert_nonnull (still);
  }

  gtk_window_destroy (GTK_WINDOW (window));
  iterate (50);
}

static void
test_editor (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  SporBlockEditor *editor = spor_block_editor_new (f->store, 0);
  gint64 before = 0, after = 0;
  g_autoptr(SporQuery) query = spor_query_new (SPOR_TYPE_BLOCK);

  before = spor_store_count (f->store, query, &error);
  spor_block_editor_set_defaults (editor, "2026-11-24", "12:00", "09:00", 0);
  /* No title, end before start: refused, nothing written */
  g_assert_false (spor_block_editor_save (editor));
  g_assert_cmpint (spor_store_count (f->store, query, &error), ==, before);

  gtk_window_destroy (GTK_WINDOW (editor));
  editor = spor_block_editor_new (f->store, 0);
  spor_block_editor_set_defaults (editor, "2026-11-24", "09:00", "12:00", 0);
  {
    /* Fill the title through the form as a person would */
    GtkWidget *child = NULL;
    GtkWidget *title = NULL;

    for (child = gtk_widget_get_first_child (GTK_WIDGET (editor)); child != NULL && title == NULL; )
      {
        if (ADW_IS_ENTRY_ROW (child) &&
            g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (child)), "Title") == 0)
          title = child;
        else if (gtk_widget_get_first_child (child) != NULL)
          child = gtk_widget_get_first_child (child);
        else
          {
            while (child != NULL && gtk_widget_get_next_sibling (child) == NULL)
              child = gtk_widget_get_parent (child) == GTK_WIDGET (editor) ? NULL : gtk_widget_get_parent (child);
            if (child != NULL)
              child = gtk_widget_get_next_sibling (child);
          }
      }
    g_assert_nonnull (title);
    gtk_editable_set_text (GTK_EDITABLE (title), "Introduktion");
  }
  g_assert_true (spor_block_editor_save (editor));
  after = spor_store_count (f->store, query, &error);
  g_assert_cmpint (after, ==, before + 1);
}

static void
test_occurrence_dialog (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SporOccurrence) o = spor_blocks_get_occurrence (f->store, f->syddjurs, "2026-11-24", &error);
  SporOccurrenceDialog *dialog;

  g_assert_no_error (error);
  g_assert_true (spor_attendance_set (f->store, f->syddjurs, "2026-11-24", f->participants[1],
                                      SPOR_ATTENDANCE_SICK, -1, &error));
  dialog = spor_occurrence_dialog_new (f->store, o);
  g_object_ref (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
  iterate (100);
  g_assert_true (spor_occurrence_dialog_mark_all_present (dialog));
  {
    g_autoptr(GPtrArray) rows = spor_attendance_list_occurrence (f->store, f->syddjurs, "2026-11-24", &error);

    g_assert_cmpint (((SporAttendanceRow *) g_ptr_array_index (rows, 0))->status, ==, SPOR_ATTENDANCE_PRESENT);
    g_assert_cmpint (((SporAttendanceRow *) g_ptr_array_index (rows, 1))->status, ==, SPOR_ATTENDANCE_SICK);
    g_assert_cmpint (((SporAttendanceRow *) g_ptr_array_index (rows, 2))->status, ==, SPOR_ATTENDANCE_PRESENT);
  }
  gtk_window_destroy (GTK_WINDOW (dialog));
  iterate (50);
  g_assert_finalize_object (dialog);
}


static SporAttendanceStatus
stored_status (Fixture *f,
               guint    participant)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = spor_attendance_list_occurrence (f->store, f->syddjurs, "2026-11-24", &error);

  g_assert_no_error (error);
  return ((SporAttendanceRow *) g_ptr_array_index (rows, participant))->status;
}

/* Each participant's status drop-down offers the six states, no more (a list read past
 * its end once showed a seventh), shows what is stored, and stores what is chosen. */
static void
test_occurrence_statuses (Fixture       *f,
                          gconstpointer  data)
{
  static const char * const labels[] = {
    "Not Registered", "Present", "Late", "Absent with Notice", "Absent without Notice", "Sick"
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(SporOccurrence) o = spor_blocks_get_occurrence (f->store, f->syddjurs, "2026-11-24", &error);
  g_autoptr(GPtrArray) drop_downs = g_ptr_array_new ();
  SporOccurrenceDialog *dialog;

  g_assert_true (spor_attendance_set (f->store, f->syddjurs, "2026-11-24", f->participants[1],
                                      SPOR_ATTENDANCE_SICK, -1, &error));
  g_assert_no_error (error);
  dialog = g_object_ref (spor_occurrence_dialog_new (f->store, o));
  gtk_window_present (GTK_WINDOW (dialog));
  iterate (100);
  gui_collect_type (GTK_WIDGET (dialog), GTK_TYPE_DROP_DOWN, drop_downs);
  g_assert_cmpuint (drop_downs->len, ==, 3);
  for (guint i = 0; i < drop_downs->len; i++)
    {
      GListModel *model = gtk_drop_down_get_model (g_ptr_array_index (drop_downs, i));

      g_assert_cmpuint (g_list_model_get_n_items (model), ==, G_N_ELEMENTS (labels));
      for (guint j = 0; j < G_N_ELEMENTS (labels); j++)
        {
          g_autoptr(SporChoice) choice = g_list_model_get_item (model, j);

          g_assert_cmpstr (spor_choice_get_label (choice), ==, labels[j]);
        }
    }
  g_assert_cmpstr (spor_choice_get_selected (g_ptr_array_index (drop_downs, 0)), ==, NULL);
  g_assert_cmpstr (spor_choice_get_selected (g_ptr_array_index (drop_downs, 1)), ==, "sick");

  g_assert_true (spor_choice_select (g_ptr_array_index (drop_downs, 0), "late"));
  iterate (50);
  g_assert_cmpint (stored_status (f, 0), ==, SPOR_ATTENDANCE_LATE);
  /* a value the list does not have selects nothing else and stores nothing */
  drop_downs->len = 0;
  gui_collect_type (GTK_WIDGET (dialog), GTK_TYPE_DROP_DOWN, drop_downs);
  g_assert_false (spor_choice_select (g_ptr_array_index (drop_downs, 1), "asleep"));
  g_assert_cmpint (stored_status (f, 1), ==, SPOR_ATTENDANCE_SICK);
  g_assert_true (spor_choice_select (g_ptr_array_index (drop_downs, 1), NULL));
  iterate (50);
  g_assert_cmpint (stored_status (f, 1), ==, SPOR_ATTENDANCE_UNKNOWN);
  g_assert_cmpint (stored_status (f, 0), ==, SPOR_ATTENDANCE_LATE);

  gtk_window_destroy (GTK_WINDOW (dialog));
  iterate (50);
  g_assert_finalize_object (dialog);
}

/* The week's problems are listed: a row per occurrence that needs attention, named by its
 * block, its problems below it; its button opens the occurrence's attendance. */
static void
test_attention (Fixture       *f,
                gconstpointer  data)
{
  SporCalendarView *view = SPOR_CALENDAR_VIEW (spor_calendar_view_new (f->store));
  GtkWidget *window = gui_window_sized (GTK_WIDGET (view), 1200, 800);
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  GtkWidget *list = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (view), SPOR_TYPE_CALENDAR_VIEW,
                                                               "attention_list"));
  GtkWidget *detail;
  SporOccurrenceDialog *dialog;

  spor_calendar_view_go_to (view, "2026-11-26");
  g_assert_true (spor_calendar_view_load_week_now (view));
  for (GtkWidget *child = gtk_widget_get_first_child (list); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (SPOR_IS_ATTENTION_ROW (child))
      g_ptr_array_add (rows, child);
  /* Sy og design on Tuesday and Thursday lacks its creative professional and adviser */
  g_assert_cmpuint (rows->len, ==, 2);
  g_assert_cmpstr (adw_preferences_row_get_title (g_ptr_array_index (rows, 0)), ==, "Sy og design");
  detail = gtk_widget_get_next_sibling (g_ptr_array_index (rows, 0));
  g_assert_true (SPOR_IS_ATTENTION_DETAIL_ROW (detail));
  g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (gui_find_widget (detail, GTK_TYPE_LABEL))),
                            "adviser"));

  g_assert_null (gui_find_toplevel (SPOR_TYPE_OCCURRENCE_DIALOG));
  g_signal_emit_by_name (gui_find_widget (g_ptr_array_index (rows, 1), GTK_TYPE_BUTTON), "clicked");
  gui_iterate ();
  dialog = SPOR_OCCURRENCE_DIALOG (gui_find_toplevel (SPOR_TYPE_OCCURRENCE_DIALOG));
  g_assert_nonnull (dialog);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (dialog)), ==, "Sy og design");
  gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_window_destroy (GTK_WINDOW (window));
  iterate (50);
}

static guint
n_members (SporBlockEditor *editor)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();

  gui_collect_type (GTK_WIDGET (editor), SPOR_TYPE_MEMBER_ROW, found);
  return found->len;
}

/* A member row per participant of the block; Remove takes one out, Add with no participant
 * to offer (the block has no programme) adds nothing, and Save writes what the rows say. */
static void
test_editor_members (Fixture       *f,
                     gconstpointer  data)
{
  SporBlockEditor *editor = g_object_ref (spor_block_editor_new (f->store, f->syddjurs));
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  g_autoptr(SporQuery) query = spor_query_new (SPOR_TYPE_BLOCK_PARTICIPANT);
  g_autoptr(GPtrArray) links = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (n_members (editor), ==, 3);
  gui_collect_type (GTK_WIDGET (editor), SPOR_TYPE_MEMBER_ROW, rows);
  g_assert_cmpstr (adw_preferences_row_get_title (g_ptr_array_index (rows, 1)), ==, "Bent Bladsen");
  g_signal_emit_by_name (gui_find_widget (g_ptr_array_index (rows, 1), GTK_TYPE_BUTTON), "clicked");
  g_assert_cmpuint (n_members (editor), ==, 3 - 1);
  g_signal_emit_by_name (gui_find_button (GTK_WIDGET (editor), "Add _Participant"), "clicked");
  g_assert_cmpuint (n_members (editor), ==, 3 - 1);

  g_assert_true (spor_block_editor_save (editor));
  spor_query_where_int (query, "block_id", f->syddjurs);
  links = spor_store_list (f->store, query, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (links->len, ==, 2);
  for (guint i = 0; i < links->len; i++)
    g_assert_cmpint (spor_entity_get_int (g_ptr_array_index (links, i), "participant_id"), !=,
                     f->participants[1]);
  gtk_window_destroy (GTK_WINDOW (editor));
  g_object_unref (editor);
}

static void
test_participant_attendance (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  SporParticipantAttendance *widget = SPOR_PARTICIPANT_ATTENDANCE (spor_participant_attendance_new ());

  g_object_ref_sink (widget);
  g_assert_true (spor_attendance_set (f->store, f->syddjurs, "2026-11-03", f->participants[0],
                                      SPOR_ATTENDANCE_PRESENT, -1, &error));
  spor_participant_attendance_set_participant (widget, f->store, f->participants[0]);
  g_assert_cmpuint (spor_participant_attendance_get_n_weeks (widget), >, 0);
  g_assert_nonnull (strstr (spor_participant_attendance_get_rate_text (widget), "%"));

  /* Someone in no block: said so, no weeks */
  spor_participant_attendance_set_participant (widget, f->store, 999999);
  g_assert_cmpuint (spor_participant_attendance_get_n_weeks (widget), ==, 0);
  g_assert_finalize_object (widget);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/week-grid/layout", Fixture, NULL, fixture_setup, test_grid_layout, fixture_teardown);
  g_test_add_func ("/week-grid/title", test_week_title);
  g_test_add ("/calendar-view/week", Fixture, NULL, fixture_setup, test_view, fixture_teardown);
  g_test_add ("/block-editor/save", Fixture, NULL, fixture_setup, test_editor, fixture_teardown);
  g_test_add ("/occurrence-dialog/mark-all", Fixture, NULL, fixture_setup, test_occurrence_dialog, fixture_teardown);
  g_test_add ("/calendar-view/attention", Fixture, NULL, fixture_setup, test_attention, fixture_teardown);
  g_test_add ("/block-editor/members", Fixture, NULL, fixture_setup, test_editor_members, fixture_teardown);
  g_test_add ("/occurrence-dialog/statuses", Fixture, NULL, fixture_setup, test_occurrence_statuses, fixture_teardown);
  g_test_add ("/participant-attendance/weeks", Fixture, NULL, fixture_setup, test_participant_attendance, fixture_teardown);

  return g_test_run ();
}
