/* test-participants-view.c — the Participants view, the form and agreements on real widgets
 * over a temporary database
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>

#include "spor-agreement-editor.h"
#include "spor-agreement-print.h"
#include "spor-agreement-version-row.h"
#include "spor-agreements.h"
#include "spor-dates.h"
#include "spor-meeting-row.h"
#include "spor-mentor-row.h"
#include "spor-participant-editor.h"
#include "spor-participant-page.h"
#include "spor-participant-row.h"
#include "spor-participants-view.h"
#include "spor-participants.h"
#include "spor-programmes.h"
#include "spor-store.h"
#include "spor-view.h"
#include "spor-waiting-list.h"

#include "gui-test-util.h"

typedef struct {
  char      *dir;
  SporStore *store;
  gint64     soeren;
  gint64     aase;
} Fixture;

static gint64
add (SporStore  *store,
     const char *name,
     const char *phone)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SporParticipant) p = spor_entity_new (SPOR_TYPE_PARTICIPANT);

  spor_entity_set_text (SPOR_ENTITY (p), "name", name);
  if (phone)
    spor_entity_set_text (SPOR_ENTITY (p), "phone", phone);
  spor_entity_set_text (SPOR_ENTITY (p), "notes", "Hemmelig note");
  spor_entity_set_text (SPOR_ENTITY (p), "cpr", "0102031234");
  g_assert_true (spor_participant_save (store, p, &error));
  g_assert_no_error (error);
  return spor_entity_get_id (SPOR_ENTITY (p));
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  fixture->dir = g_dir_make_tmp ("spor-participants-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (fixture->dir, "test.db", NULL);
  fixture->store = spor_store_open (path, &error);
  g_assert_no_error (error);
  fixture->soeren = add (fixture->store, "Søren Prøvesen", "12345678");
  fixture->aase = add (fixture->store, "Åse Opdigtet", NULL);
  add (fixture->store, "Bo Fiktiv", NULL);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *cmd = NULL;

  g_assert_finalize_object (fixture->store);
  cmd = g_strdup_printf ("rm -rf '%s'", fixture->dir);
  g_assert_cmpint (system (cmd), ==, 0);
  g_free (fixture->dir);
}

static void
iterate (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static GtkWidget *
find_widget (GtkWidget  *root,
             GType       type,
             const char *css_name_or_null)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;
      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type) &&
          (css_name_or_null == NULL || gtk_widget_has_css_class (child, css_name_or_null)))
        return child;
      found = find_widget (child, type, css_name_or_null);
      if (found)
        return found;
    }
  return NULL;
}

static GListModel *
list_model (GtkWidget *view)
{
  GtkListView *list_view = GTK_LIST_VIEW (find_widget (view, GTK_TYPE_LIST_VIEW, "navigation-sidebar"));
  return G_LIST_MODEL (gtk_list_view_get_model (list_view));
}

static void
set_search (GtkWidget  *view,
            const char *text)
{
  GtkWidget *entry = find_widget (view, GTK_TYPE_SEARCH_ENTRY, NULL);

  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  /* search-changed waits a moment; activate it now */
  g_signal_emit_by_name (entry, "search-changed");
  iterate ();
}

static void
test_search_and_show (Fixture       *fixture,
                      gconstpointer  data)
{
  GtkWidget *view = spor_participants_view_new (fixture->store);
  GtkWidget *window = gui_window_sized (view, 1000, 700);
  GListModel *model = list_model (view);
  GtkWidget *page;

  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 3);
  set_search (view, "soren");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
  set_search (view, "aase");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
  set_search (view, "1234");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
  set_search (view, "nobody-by-this-name");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 0);

  /* show-participant clears the search that hides them */
  spor_participants_view_show_participant (SPOR_PARTICIPANTS_VIEW (view), fixture->aase);
  iterate ();
  g_assert_cmpint (spor_participants_view_get_selected (SPOR_PARTICIPANTS_VIEW (view)), ==, fixture->aase);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 3);
  /* Å sorts last, as in the Danish alphabet */
  g_assert_true (gtk_selection_model_is_selected (GTK_SELECTION_MODEL (model), 2));
  g_assert_false (gtk_selection_model_is_selected (GTK_SELECTION_MODEL (model), 0));

  /* sensitive notes and the CPR number stay hidden until revealed */
  page = find_widget (view, SPOR_TYPE_PARTICIPANT_PAGE, NULL);
  g_assert_nonnull (page);
  g_assert_nonnull (spor_participant_page_get_sections_box (SPOR_PARTICIPANT_PAGE (page)));

  gtk_window_destroy (GTK_WINDOW (window));
  iterate ();
}

/* The detail pane shows one of the people listed: a search or a filter that no longer
 * lists the participant shown closes the page; one that still lists them keeps it. */
static void
test_search_clears_detail (Fixture       *fixture,
                           gconstpointer  data)
{
  GtkWidget *view = spor_participants_view_new (fixture->store);
  GtkWidget *window = gui_window_sized (view, 1000, 700);
  GtkStack *detail_stack = GTK_STACK (gtk_widget_get_template_child (view, SPOR_TYPE_PARTICIPANTS_VIEW,
                                                                     "detail_stack"));
  SporParticipantPage *page;

  spor_participants_view_show_participant (SPOR_PARTICIPANTS_VIEW (view), fixture->aase);
  iterate ();
  page = SPOR_PARTICIPANT_PAGE (find_widget (view, SPOR_TYPE_PARTICIPANT_PAGE, NULL));
  g_assert_cmpint (spor_participant_page_get_participant (page), ==, fixture->aase);

  /* still listed: still shown */
  set_search (view, "aase");
  g_assert_cmpint (spor_participant_page_get_participant (page), ==, fixture->aase);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (detail_stack), ==, "page");

  /* no longer listed: the page closes */
  set_search (view, "soren");
  g_assert_cmpint (spor_participant_page_get_participant (page), ==, 0);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (detail_stack), ==, "none");

  /* and stays closed when the search is cleared: nobody was chosen since */
  set_search (view, "");
  g_assert_cmpint (spor_participant_page_get_participant (page), ==, 0);

  gtk_window_destroy (GTK_WINDOW (window));
  iterate ();
}

/* The programme's rules the participant breaks are written on the page, one line each,
 * and go away when they no longer hold */
static void
test_page_warnings (Fixture       *fixture,
                    gconstpointer  data)
{
  GtkWidget *page = g_object_new (SPOR_TYPE_PARTICIPANT_PAGE, NULL);
  GtkWidget *window = gui_window_sized (page, 1000, 700);
  GtkLabel *warnings = GTK_LABEL (gtk_widget_get_template_child (page, SPOR_TYPE_PARTICIPANT_PAGE,
                                                                 "warnings_label"));
  g_autoptr(GError) error = NULL;
  g_autoptr(SporProgramme) programme = spor_programmes_create_blank (fixture->store, "Sy og design", &error);
  g_autoptr(SporParticipant) soeren = NULL;

  g_assert_no_error (error);
  spor_participant_page_set_participant (SPOR_PARTICIPANT_PAGE (page), fixture->store, fixture->soeren);
  iterate ();
  /* no programme: nothing to break */
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (warnings)));

  spor_entity_set_int (SPOR_ENTITY (programme), "min_age", 18);
  spor_entity_set_int (SPOR_ENTITY (programme), "max_age", 25);
  spor_entity_set_bool (SPOR_ENTITY (programme), "not_self_supporting", TRUE);
  g_assert_true (spor_store_update (fixture->store, SPOR_ENTITY (programme), &error));
  soeren = spor_store_get (fixture->store, SPOR_TYPE_PARTICIPANT, fixture->soeren, &error);
  g_assert_no_error (error);
  /* the fixture's CPR number would not match the birth dates below */
  spor_entity_set_text (SPOR_ENTITY (soeren), "cpr", NULL);
  spor_entity_set_text (SPOR_ENTITY (soeren), "birth_date", "1970-05-01");
  spor_entity_set_text (SPOR_ENTITY (soeren), "provision", "self_supporting");
  spor_entity_set_int (SPOR_ENTITY (soeren), "programme_id", spor_entity_get_id (SPOR_ENTITY (programme)));
  g_assert_true (spor_participant_save (fixture->store, soeren, &error));
  g_assert_no_error (error);
  spor_participant_page_reload (SPOR_PARTICIPANT_PAGE (page));
  iterate ();
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (warnings)));
  g_assert_nonnull (strstr (gtk_label_get_label (warnings), "is outside the programme's target range 18–25"));
  g_assert_nonnull (strstr (gtk_label_get_label (warnings),
                            "\n⚠ The programme is for people who are not self-supporting"));

  /* the age rule met, the other still broken: one line left */
  {
    /* 20 years old today, whenever the test runs */
    g_autoptr(GDateTime) now = g_date_time_new_now_local ();
    g_autofree char *twenty = spor_date_from_dmy (g_date_time_get_year (now) - 20, 1, 1);

    spor_entity_set_text (SPOR_ENTITY (soeren), "birth_date", twenty);
  }
  g_assert_true (spor_participant_save (fixture->store, soeren, &error));
  g_assert_no_error (error);
  spor_participant_page_reload (SPOR_PARTICIPANT_PAGE (page));
  g_assert_cmpstr (gtk_label_get_label (warnings), ==,
                   "⚠ The programme is for people who are not self-supporting");

  gtk_window_destroy (GTK_WINDOW (window));
  iterate ();
}

static gboolean
subtitles_contain (GtkWidget  *root,
                   const char *text)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      if (ADW_IS_ACTION_ROW (child) && gtk_widget_get_visible (child) &&
          g_strstr_len (adw_action_row_get_subtitle (ADW_ACTION_ROW (child)) ?: "", -1, text))
        return TRUE;
      if (subtitles_contain (child, text))
        return TRUE;
    }
  return FALSE;
}

static void
test_reveal (Fixture       *fixture,
             gconstpointer  data)
{
  GtkWidget *page = g_object_new (SPOR_TYPE_PARTICIPANT_PAGE, NULL);
  GtkWidget *window = gui_window_sized (page, 1000, 700);
  GtkWidget *toggle, *reveal;

  spor_participant_page_set_participant (SPOR_PARTICIPANT_PAGE (page), fixture->store, fixture->soeren);
  iterate ();
  g_assert_true (subtitles_contain (page, "010203-xxxx"));
  g_assert_false (subtitles_contain (page, "-1234"));
  g_assert_false (subtitles_contain (page, "Hemmelig"));

  /* the flat toggle is the CPR's; the other reveals needs and notes */
  toggle = find_widget (page, GTK_TYPE_TOGGLE_BUTTON, "flat");
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (toggle), TRUE);
  g_assert_true (subtitles_contain (page, "010203-1234"));
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (toggle), FALSE);
  g_assert_false (subtitles_contain (page, "-1234"));
  reveal = find_widget (page, GTK_TYPE_TOGGLE_BUTTON, "reveal-sensitive");
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (reveal), TRUE);
  g_assert_true (subtitles_contain (page, "Hemmelig note"));
  /* another participant: hidden again */
  spor_participant_page_set_participant (SPOR_PARTICIPANT_PAGE (page), fixture->store, fixture->aase);
  g_assert_false (subtitles_contain (page, "Hemmelig"));
  g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (reveal)));

  gtk_window_destroy (GTK_WINDOW (window));
  iterate ();
}

static guint
n_of (GtkWidget *root,
      GType      type)
{
  g_autoptr(GPtrArray) found = gui_collect (root, type, g_ptr_array_new ());

  return found->len;
}

/* The page lists a row per meeting (and says when there are none) and a row per earlier
 * version of the start agreement, whose button opens that version. */
static void
test_page_rows (Fixture       *fixture,
                gconstpointer  data)
{
  GtkWidget *page = g_object_new (SPOR_TYPE_PARTICIPANT_PAGE, NULL);
  GtkWidget *window = gui_window_sized (page, 1000, 700);
  GtkWidget *no_meetings = GTK_WIDGET (gtk_widget_get_template_child (page, SPOR_TYPE_PARTICIPANT_PAGE,
                                                                      "no_meetings_row"));
  g_autoptr(GError) error = NULL;
  g_autoptr(SporAgreement) first = NULL;
  g_autoptr(SporAgreement) second = NULL;
  g_autoptr(GPtrArray) meetings = NULL;
  g_autoptr(GPtrArray) versions = NULL;
  GtkWindow *editor;

  spor_participant_page_set_participant (SPOR_PARTICIPANT_PAGE (page), fixture->store, fixture->soeren);
  iterate ();
  g_assert_cmpuint (n_of (page, SPOR_TYPE_MEETING_ROW), ==, 0);
  g_assert_true (gtk_widget_get_visible (no_meetings));
  g_assert_cmpuint (n_of (page, SPOR_TYPE_AGREEMENT_VERSION_ROW), ==, 0);

  g_assert_true (spor_meetings_add (fixture->store, fixture->soeren, "coaching", "2026-03-02", 0,
                                               "Samtale om praktik", &error));
  first = spor_agreement_start_version (fixture->store, fixture->soeren, &error);
  g_assert_true (spor_agreement_sign (fixture->store, first, "2026-03-02", "Søren Prøvesen", "Rådgiver", &error));
  second = spor_agreement_start_version (fixture->store, fixture->soeren, &error);
  g_assert_no_error (error);
  gui_iterate ();

  meetings = gui_collect (page, SPOR_TYPE_MEETING_ROW, g_ptr_array_new ());
  g_assert_cmpuint (meetings->len, ==, 1);
  g_assert_false (gtk_widget_get_visible (no_meetings));
  g_assert_cmpstr (adw_action_row_get_subtitle (g_ptr_array_index (meetings, 0)), ==, "Samtale om praktik");
  g_assert_nonnull (strstr (adw_preferences_row_get_title (g_ptr_array_index (meetings, 0)),
                            spor_value_label (&spor_values_meeting_kind, "coaching")));
  versions = gui_collect (page, SPOR_TYPE_AGREEMENT_VERSION_ROW, g_ptr_array_new ());
  g_assert_cmpuint (versions->len, ==, 1);
  g_assert_true (g_str_has_prefix (adw_preferences_row_get_title (g_ptr_array_index (versions, 0)),
                                   "Version 1, signed "));

  g_signal_emit_by_name (gui_find_widget (g_ptr_array_index (versions, 0), GTK_TYPE_BUTTON), "clicked");
  gui_iterate ();
  editor = gui_find_toplevel (SPOR_TYPE_AGREEMENT_EDITOR);
  g_assert_nonnull (editor);
  g_assert_true (gui_toast_shows (GTK_WIDGET (editor), "Version 1 · Signed 03/02/26"));
  gtk_window_destroy (editor);
  gtk_window_destroy (GTK_WINDOW (window));
  iterate ();
}

static gint64
add_staff (SporStore  *store,
           const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SporEntity) staff = spor_entity_new (SPOR_TYPE_STAFF);

  spor_entity_set_text (staff, "name", name);
  spor_entity_set_bool (staff, "active", TRUE);
  g_assert_true (spor_store_insert (store, staff, &error));
  g_assert_no_error (error);
  return spor_entity_get_id (staff);
}

static SporMentorRow *
mentor_row (GtkWidget *editor,
            gint64     staff_id)
{
  g_autoptr(GPtrArray) rows = gui_collect (editor, SPOR_TYPE_MENTOR_ROW, g_ptr_array_new ());

  for (guint i = 0; i < rows->len; i++)
    if (spor_mentor_row_get_staff_id (g_ptr_array_index (rows, i)) == staff_id)
      return g_ptr_array_index (rows, i);
  return NULL;
}

/* A row per active staff member under Mentors, on for the participant's mentors; what is
 * switched is saved, and shown when the form opens again. */
static void
test_mentors (Fixture       *fixture,
              gconstpointer  data)
{
  gint64 anders = add_staff (fixture->store, "Anders Afprøvning");
  gint64 birte = add_staff (fixture->store, "Birte Bladsen");
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) mentors = NULL;
  GtkWidget *editor = g_object_ref (spor_participant_editor_new (NULL, fixture->store, fixture->soeren));

  g_assert_cmpuint (n_of (editor, SPOR_TYPE_MENTOR_ROW), ==, 2);
  g_assert_false (spor_mentor_row_get_active (mentor_row (editor, anders)));
  g_assert_false (spor_mentor_row_get_active (mentor_row (editor, birte)));
  gtk_switch_set_active (GTK_SWITCH (gui_find_widget (GTK_WIDGET (mentor_row (editor, birte)), GTK_TYPE_SWITCH)),
                         TRUE);
  g_assert_true (spor_participant_editor_save (SPOR_PARTICIPANT_EDITOR (editor)));
  gtk_window_destroy (GTK_WINDOW (editor));
  g_clear_object (&editor);

  mentors = spor_participant_staff_get_ids (fixture->store, fixture->soeren, "mentor", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (mentors->len, ==, 1);
  g_assert_cmpint (g_array_index (mentors, gint64, 0), ==, birte);
  editor = g_object_ref (spor_participant_editor_new (NULL, fixture->store, fixture->soeren));
  g_assert_false (spor_mentor_row_get_active (mentor_row (editor, anders)));
  g_assert_true (spor_mentor_row_get_active (mentor_row (editor, birte)));
  gtk_window_destroy (GTK_WINDOW (editor));
  g_object_unref (editor);
  iterate ();
}

static AdwEntryRow *
entry_row (GtkWidget  *root,
           const char *title)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      AdwEntryRow *found;
      if (ADW_IS_ENTRY_ROW (child) &&
          g_str_has_prefix (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (child)), title))
        return ADW_ENTRY_ROW (child);
      found = entry_row (child, title);
      if (found)
        return found;
    }
  return NULL;
}

static void
on_saved (GtkWidget *editor,
          gint64     id,
          gint64    *out)
{
  *out = id;
}

static void
test_editor_validation (Fixture       *fixture,
                        gconstpointer  data)
{
  GtkWidget *editor = spor_participant_editor_new (NULL, fixture->store, 0);
  gint64 saved = 0;
  g_autoptr(GError) error = NULL;

  g_object_ref_sink (editor);
  g_signal_connect (editor, "saved", G_CALLBACK (on_saved), &saved);
  gtk_window_present (GTK_WINDOW (editor));
  iterate ();

  /* bad input: a clear message on the field, nothing written, the form kept */
  gtk_editable_set_text (GTK_EDITABLE (entry_row (editor, "CPR")), "310299-1234");
  gtk_editable_set_text (GTK_EDITABLE (entry_row (editor, "E-mail")), "not-an-address");
  g_assert_false (spor_participant_editor_save (SPOR_PARTICIPANT_EDITOR (editor)));
  g_assert_cmpint (saved, ==, 0);
  g_assert_cmpint (spor_store_count_all (fixture->store, SPOR_TYPE_PARTICIPANT, &error), ==, 3);
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (entry_row (editor, "Name")), "error"));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (entry_row (editor, "CPR")), "error"));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (entry_row (editor, "E-mail")), "error"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry_row (editor, "E-mail"))), ==, "not-an-address");

  gtk_editable_set_text (GTK_EDITABLE (entry_row (editor, "Name")), "Ny Testperson");
  gtk_editable_set_text (GTK_EDITABLE (entry_row (editor, "CPR")), "010203-1234");
  gtk_editable_set_text (GTK_EDITABLE (entry_row (editor, "E-mail")), "ny@eksempel.invalid");
  gtk_editable_set_text (GTK_EDITABLE (entry_row (editor, "Start date")), "05.01.2026");
  g_assert_true (spor_participant_editor_save (SPOR_PARTICIPANT_EDITOR (editor)));
  g_assert_cmpint (saved, >, 0);
  {
    g_autoptr(SporParticipant) p = spor_store_get (fixture->store, SPOR_TYPE_PARTICIPANT, saved, &error);
    g_assert_cmpstr (spor_entity_get_text (SPOR_ENTITY (p), "cpr"), ==, "0102031234");
    g_assert_cmpstr (spor_entity_get_text (SPOR_ENTITY (p), "start_date"), ==, "2026-01-05");
  }
  iterate ();
  g_object_unref (editor);
}

static AdwMessageDialog *
find_message_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) w = g_list_model_get_item (toplevels, i);
      if (ADW_IS_MESSAGE_DIALOG (w) && gtk_widget_get_visible (GTK_WIDGET (w)))
        return ADW_MESSAGE_DIALOG (w);
    }
  return NULL;
}

static void
test_delete_undo (Fixture       *fixture,
                  gconstpointer  data)
{
  GtkWidget *view = spor_participants_view_new (fixture->store);
  GtkWidget *window = gui_window_sized (view, 1000, 700);
  GListModel *model = list_model (view);
  GtkWidget *page = find_widget (view, SPOR_TYPE_PARTICIPANT_PAGE, NULL);
  g_autoptr(GError) error = NULL;
  AdwMessageDialog *dialog;

  spor_participants_view_show_participant (SPOR_PARTICIPANTS_VIEW (view), fixture->soeren);
  iterate ();

  /* Cancel changes nothing */
  gtk_widget_activate_action (page, "participant.delete", NULL);
  iterate ();
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "cancel");
  gtk_window_destroy (GTK_WINDOW (dialog));
  iterate ();
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 3);

  /* Delete hides at once; Undo brings back; nothing was erased */
  gtk_widget_activate_action (page, "participant.delete", NULL);
  iterate ();
  dialog = find_message_dialog ();
  adw_message_dialog_response (dialog, "delete");
  gtk_window_destroy (GTK_WINDOW (dialog));
  iterate ();
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 2);
  g_assert_cmpint (spor_store_count_all (fixture->store, SPOR_TYPE_PARTICIPANT, &error), ==, 3);
  g_assert_true (gtk_widget_activate_action (view, "participants.undo-delete", NULL));
  iterate ();
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 3);
  g_assert_cmpint (spor_participants_view_get_selected (SPOR_PARTICIPANTS_VIEW (view)), ==, fixture->soeren);

  /* Delete again and let the undo window pass: a true erasure */
  gtk_widget_activate_action (page, "participant.delete", NULL);
  iterate ();
  dialog = find_message_dialog ();
  adw_message_dialog_response (dialog, "delete");
  gtk_window_destroy (GTK_WINDOW (dialog));
  iterate ();
  {
    g_autoptr(GPtrArray) failed = g_ptr_array_new_with_free_func (g_object_unref);

    spor_view_flush_pending (SPOR_VIEW (view), failed);
    g_assert_cmpuint (failed->len, ==, 0);
  }
  iterate ();
  g_assert_cmpint (spor_store_count_all (fixture->store, SPOR_TYPE_PARTICIPANT, &error), ==, 2);
  g_assert_null (spor_store_get (fixture->store, SPOR_TYPE_PARTICIPANT, fixture->soeren, NULL));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 2);

  /* A deletion pending when the view goes away is final too */
  spor_participants_view_show_participant (SPOR_PARTICIPANTS_VIEW (view), fixture->aase);
  gtk_widget_activate_action (page, "participant.delete", NULL);
  iterate ();
  dialog = find_message_dialog ();
  adw_message_dialog_response (dialog, "delete");
  gtk_window_destroy (GTK_WINDOW (dialog));
  iterate ();
  gtk_window_destroy (GTK_WINDOW (window));
  iterate ();
  g_assert_cmpint (spor_store_count_all (fixture->store, SPOR_TYPE_PARTICIPANT, &error), ==, 1);
}

static void
test_agreement_pdf (Fixture       *fixture,
                    gconstpointer  data)
{
  GtkWidget *editor = spor_agreement_editor_new (NULL, fixture->store, fixture->soeren, 0);
  g_autoptr(GError) error = NULL;
  g_autofree char *pdf = g_build_filename (fixture->dir, "agreement.pdf", NULL);
  g_autofree char *text = NULL;
  GtkTextView *goals;
  gint64 id;

  g_object_ref_sink (editor);
  gtk_window_present (GTK_WINDOW (editor));
  iterate ();
  goals = GTK_TEXT_VIEW (find_widget (editor, GTK_TYPE_TEXT_VIEW, NULL));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (goals), "Lære at sy en jakke til sig selv", -1);
  gtk_editable_set_text (GTK_EDITABLE (entry_row (editor, "Hours a week")), "many");
  g_assert_false (spor_agreement_editor_save (SPOR_AGREEMENT_EDITOR (editor)));
  g_assert_cmpint (spor_store_count_all (fixture->store, SPOR_TYPE_AGREEMENT, &error), ==, 0);
  gtk_editable_set_text (GTK_EDITABLE (entry_row (editor, "Hours a week")), "6");
  gtk_editable_set_text (GTK_EDITABLE (entry_row (editor, "Days and times")), "Tuesday and Thursday 9–12");
  g_assert_true (spor_agreement_editor_save (SPOR_AGREEMENT_EDITOR (editor)));
  gtk_editable_set_text (GTK_EDITABLE (entry_row (editor, "Adviser's name")), "Rådgiver Prøve");
  g_assert_true (spor_agreement_editor_sign (SPOR_AGREEMENT_EDITOR (editor)));
  id = spor_agreement_editor_get_agreement (SPOR_AGREEMENT_EDITOR (editor));
  {
    g_autoptr(SporAgreement) a = spor_store_get (fixture->store, SPOR_TYPE_AGREEMENT, id, &error);
    g_assert_cmpstr (spor_entity_get_text (SPOR_ENTITY (a), "state"), ==, "signed");
    g_assert_cmpstr (spor_entity_get_text (SPOR_ENTITY (a), "signed_by_participant"), ==, "Søren Prøvesen");
  }
  /* a signed version cannot be saved over */
  g_assert_false (spor_agreement_editor_save (SPOR_AGREEMENT_EDITOR (editor)));

  g_assert_true (spor_agreement_print_export (fixture->store, id, pdf, &error));
  g_assert_no_error (error);
  text = gui_pdf_text (pdf);
  g_assert_nonnull (strstr (text, "Søren Prøvesen"));
  g_assert_nonnull (strstr (text, "Lære at sy en jakke"));
  g_assert_nonnull (strstr (text, "Tuesday and Thursday"));
  g_assert_nonnull (strstr (text, "Signatures"));
  g_assert_nonnull (strstr (text, "Rådgiver Prøve"));
  g_assert_nonnull (strstr (text, "____"));

  gtk_window_destroy (GTK_WINDOW (editor));
  iterate ();
  g_object_unref (editor);
}

static const char *
template_label (GtkWidget  *widget,
                GType       type,
                const char *name)
{
  return gtk_label_get_label (GTK_LABEL (gtk_widget_get_template_child (widget, type, name)));
}

/* The row of @name in the list, NULL when none shows them */
static GtkWidget *
row_of (GtkWidget  *view,
        const char *name)
{
  g_autoptr(GPtrArray) rows = gui_collect (view, SPOR_TYPE_PARTICIPANT_ROW, g_ptr_array_new ());

  for (guint i = 0; i < rows->len; i++)
    if (g_strcmp0 (template_label (rows->pdata[i], SPOR_TYPE_PARTICIPANT_ROW, "name_label"), name) == 0)
      return rows->pdata[i];
  return NULL;
}

/* Admit (and any other change of status): the list's row and the page say the same at once,
 * through the store's change notification, with no reload by hand */
static void
test_row_follows_page (Fixture       *fixture,
                       gconstpointer  data)
{
  GtkWidget *view = spor_participants_view_new (fixture->store);
  GtkWidget *window = gui_window_sized (view, 1000, 700);
  SporParticipantPage *page;
  g_autoptr(GError) error = NULL;
  g_autoptr(SporProgramme) programme = spor_programmes_create_blank (fixture->store, "Sy og design", &error);
  g_autoptr(SporEntity) cohort = spor_entity_new (SPOR_TYPE_COHORT);
  g_autoptr(SporParticipant) aase = NULL;
  const char *waiting = spor_value_label (&spor_values_participant_status, "waiting");
  const char *admitted;
  GtkWidget *row;

  g_assert_no_error (error);
  spor_entity_set_int (cohort, "programme_id", spor_entity_get_id (SPOR_ENTITY (programme)));
  spor_entity_set_text (cohort, "name", "Hold 1");
  spor_entity_set_text (cohort, "start_date", "2026-01-05");
  g_assert_true (spor_store_insert (fixture->store, cohort, &error));
  g_assert_no_error (error);
  aase = spor_store_get (fixture->store, SPOR_TYPE_PARTICIPANT, fixture->aase, &error);
  spor_entity_set_int (SPOR_ENTITY (aase), "programme_id", spor_entity_get_id (SPOR_ENTITY (programme)));
  spor_entity_set_text (SPOR_ENTITY (aase), "status", "waiting");
  g_assert_true (spor_participant_save (fixture->store, aase, &error));
  g_assert_no_error (error);
  gui_iterate ();

  spor_participants_view_show_participant (SPOR_PARTICIPANTS_VIEW (view), fixture->aase);
  gui_iterate ();
  page = SPOR_PARTICIPANT_PAGE (find_widget (view, SPOR_TYPE_PARTICIPANT_PAGE, NULL));
  row = row_of (view, "Åse Opdigtet");
  g_assert_nonnull (row);
  g_assert_true (g_str_has_prefix (template_label (GTK_WIDGET (page), SPOR_TYPE_PARTICIPANT_PAGE,
                                                   "summary_label"), waiting));
  g_assert_nonnull (strstr (template_label (row, SPOR_TYPE_PARTICIPANT_ROW, "status_label"), waiting));

  g_assert_true (spor_waiting_list_admit (fixture->store, fixture->aase, spor_entity_get_id (cohort),
                                          NULL, &error));
  g_assert_no_error (error);
  gui_iterate ();
  /* the status admitting gave her (intake, or active once the cohort has started) */
  g_clear_object (&aase);
  aase = spor_store_get (fixture->store, SPOR_TYPE_PARTICIPANT, fixture->aase, &error);
  g_assert_no_error (error);
  admitted = spor_value_label (&spor_values_participant_status,
                               spor_entity_get_text (SPOR_ENTITY (aase), "status"));
  g_assert_cmpstr (admitted, !=, waiting);
  row = row_of (view, "Åse Opdigtet");
  g_assert_nonnull (row);
  g_assert_true (g_str_has_prefix (template_label (GTK_WIDGET (page), SPOR_TYPE_PARTICIPANT_PAGE,
                                                   "summary_label"), admitted));
  g_assert_nonnull (strstr (template_label (row, SPOR_TYPE_PARTICIPANT_ROW, "status_label"), admitted));
  g_assert_null (strstr (template_label (row, SPOR_TYPE_PARTICIPANT_ROW, "status_label"), waiting));

  gtk_window_destroy (GTK_WINDOW (window));
  iterate ();
}

/* The question shown over @parent, NULL when there is none */
static AdwMessageDialog *
question_over (GtkWidget *parent)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (ADW_IS_MESSAGE_DIALOG (l->data) && gtk_widget_get_visible (l->data) &&
        gtk_window_get_transient_for (l->data) == GTK_WINDOW (parent))
      return l->data;
  return NULL;
}

/* A click on @response: the answer, then the question closes (adw_message_dialog_response()
 * alone leaves it open) */
static void
answer (AdwMessageDialog *question,
        const char       *response)
{
  g_assert_nonnull (question);
  adw_message_dialog_response (question, response);
  gtk_window_destroy (GTK_WINDOW (question));
  iterate ();
}

static char *
stored_name (SporStore *store,
             gint64     id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SporParticipant) p = spor_store_get (store, SPOR_TYPE_PARTICIPANT, id, &error);

  g_assert_no_error (error);
  return g_strdup (spor_entity_get_text (SPOR_ENTITY (p), "name"));
}

static GtkWidget *
open_editor (Fixture *fixture)
{
  GtkWidget *editor = spor_participant_editor_new (NULL, fixture->store, fixture->aase);

  g_object_ref_sink (editor);
  gtk_window_present (GTK_WINDOW (editor));
  iterate ();
  return editor;
}

/* Closing the form with changes not saved asks first: Cancel keeps the form and what was
 * typed, Discard closes and writes nothing, Save writes and closes, a refused Save keeps
 * the form open; a form without changes closes at once. */
static void
test_editor_unsaved (Fixture       *fixture,
                     gconstpointer  data)
{
  GtkWidget *editor = open_editor (fixture);
  AdwMessageDialog *question;
  g_autofree char *after_discard = NULL;
  g_autofree char *after_save = NULL;
  g_autofree char *after_refusal = NULL;

  /* nothing changed: no question */
  gtk_window_close (GTK_WINDOW (editor));
  iterate ();
  g_assert_null (question_over (editor));
  g_assert_false (gtk_widget_get_visible (editor));
  g_object_unref (editor);

  /* changed, then Cancel: the form stays with what was typed */
  editor = open_editor (fixture);
  gtk_editable_set_text (GTK_EDITABLE (entry_row (editor, "Name")), "Åse Ændret");
  gtk_window_close (GTK_WINDOW (editor));
  iterate ();
  question = question_over (editor);
  g_assert_nonnull (question);
  g_assert_cmpstr (adw_message_dialog_get_heading (question), ==, "Save Changes?");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (question), "“Åse Ændret” have not been saved"));
  answer (question, "cancel");
  g_assert_true (gtk_widget_get_visible (editor));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry_row (editor, "Name"))), ==, "Åse Ændret");

  /* Discard: closed, nothing written */
  gtk_window_close (GTK_WINDOW (editor));
  iterate ();
  answer (question_over (editor), "discard");
  g_assert_false (gtk_widget_get_visible (editor));
  after_discard = stored_name (fixture->store, fixture->aase);
  g_assert_cmpstr (after_discard, ==, "Åse Opdigtet");
  g_object_unref (editor);

  /* bad input, then Save: refused with its message, the form stays, nothing written */
  editor = open_editor (fixture);
  gtk_editable_set_text (GTK_EDITABLE (entry_row (editor, "E-mail")), "not-an-address");
  gtk_window_close (GTK_WINDOW (editor));
  iterate ();
  answer (question_over (editor), "save");
  g_assert_true (gtk_widget_get_visible (editor));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (entry_row (editor, "E-mail")), "error"));
  after_refusal = stored_name (fixture->store, fixture->aase);
  g_assert_cmpstr (after_refusal, ==, "Åse Opdigtet");

  /* mended, then Save: written, closed */
  gtk_editable_set_text (GTK_EDITABLE (entry_row (editor, "E-mail")), "aase@eksempel.invalid");
  gtk_editable_set_text (GTK_EDITABLE (entry_row (editor, "Name")), "Åse Gemt");
  gtk_window_close (GTK_WINDOW (editor));
  iterate ();
  answer (question_over (editor), "save");
  g_assert_false (gtk_widget_get_visible (editor));
  after_save = stored_name (fixture->store, fixture->aase);
  g_assert_cmpstr (after_save, ==, "Åse Gemt");
  g_object_unref (editor);
  gui_iterate ();
}

int
main (int   argc,
      char *argv[])
{
  if (!gui_test_init (&argc, &argv))
    return 77;

#define ADD(path, fn) g_test_add (path, Fixture, NULL, fixture_set_up, fn, fixture_tear_down)
  ADD ("/participants-view/search-and-show", test_search_and_show);
  ADD ("/participants-view/search-clears-detail", test_search_clears_detail);
  ADD ("/participants-view/reveal", test_reveal);
  ADD ("/participants-view/page-rows", test_page_rows);
  ADD ("/participants-view/page-warnings", test_page_warnings);
  ADD ("/participants-view/row-follows-page", test_row_follows_page);
  ADD ("/participants-view/mentors", test_mentors);
  ADD ("/participants-view/editor-validation", test_editor_validation);
  ADD ("/participants-view/editor-unsaved", test_editor_unsaved);
  ADD ("/participants-view/delete-undo", test_delete_undo);
  ADD ("/participants-view/agreement-pdf", test_agreement_pdf);
#undef ADD

  return g_test_run ();
}
