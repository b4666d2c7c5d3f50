/* test-read-errors.c — what the widgets do when the database cannot be read: they say so,
 * where the data would be, and do not write over what they could not read
 *
 * Reads of one table are made to fail through the store's connection
 * (gui_deny_reads()); the file is not touched, and each test reads it again afterwards
 * through a connection of its own to see that nothing was lost.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "spor-blocks.h"
#include "spor-participants.h"
#include "spor-programmes.h"
#include "spor-templates.h"

#include "spor-block-editor.h"
#include "spor-goal-row.h"
#include "spor-meeting-row.h"
#include "spor-participant-editor.h"
#include "spor-participant-page.h"
#include "spor-participants-view.h"
#include "spor-programmes-view.h"

#include "gui-test-util.h"

static guint
n_of (GtkWidget *root,
      GType      type)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += (G_TYPE_CHECK_INSTANCE_TYPE (child, type) ? 1 : 0) + n_of (child, type);
  return n;
}

static gint64
count_where (GuiFixture *f,
             GType       type,
             const char *field,
             gint64      id)
{
  g_autoptr(SporStore) other = gui_open_store (f);
  g_autoptr(SporQuery) query = spor_query_new (type);
  g_autoptr(GError) error = NULL;
  gint64 n;

  spor_query_where_int (query, field, id);
  n = spor_store_count (other, query, &error);
  g_assert_no_error (error);
  return n;
}

static gboolean
label_says (GtkWidget  *root,
            const char *text)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LABEL (child) && gtk_widget_get_visible (child) &&
          strstr (gtk_label_get_label (GTK_LABEL (child)), text) != NULL)
        return TRUE;
      if (label_says (child, text))
        return TRUE;
    }
  return FALSE;
}

/* The goals cannot be read when the editor is filled again: a toast says why, no rows are
 * shown; once they can, they are back, and none was lost. */
static void
test_goals (GuiFixture    *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SporProgramme) programme = spor_templates_create_programme (f->store, "aspiranterne", &error);
  gint64 id = spor_entity_get_id (SPOR_ENTITY (programme));
  GtkWidget *view = spor_programmes_view_new (f->store);
  GtkWidget *window = gui_window_with (view);

  g_assert_no_error (error);
  g_assert_cmpuint (n_of (view, SPOR_TYPE_GOAL_ROW), ==, 3);
  gui_deny_reads (f->store, "programme_goals");
  spor_entity_set_text (SPOR_ENTITY (programme), "description", "Rettet");
  g_assert_true (spor_store_update (f->store, SPOR_ENTITY (programme), &error));
  g_assert_no_error (error);
  gui_iterate ();
  g_assert_cmpuint (n_of (view, SPOR_TYPE_GOAL_ROW), ==, 0);
  g_assert_true (label_says (window, GUI_DENIED));

  gui_deny_reads (f->store, NULL);
  spor_store_notify_many (f->store);
  gui_iterate ();
  g_assert_cmpuint (n_of (view, SPOR_TYPE_GOAL_ROW), ==, 3);
  g_assert_cmpint (count_where (f, SPOR_TYPE_PROGRAMME_GOAL, "programme_id", id), ==, 3);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The meetings cannot be read: the page says so where they would be, with the reason. */
static void
test_meetings (GuiFixture    *f,
               gconstpointer  data)
{
  gint64 id = gui_add_participant (f->store, "Åse Opdigtet", NULL);
  GtkWidget *page = g_object_new (SPOR_TYPE_PARTICIPANT_PAGE, NULL);
  GtkWidget *window = gui_window_with (page);
  AdwActionRow *none = ADW_ACTION_ROW (gtk_widget_get_template_child (page, SPOR_TYPE_PARTICIPANT_PAGE,
                                                                      "no_meetings_row"));
  g_autoptr(GError) error = NULL;

  g_assert_true (spor_meetings_add (f->store, id, "coaching", "2026-03-02", 0, NULL, &error));
  g_assert_no_error (error);
  gui_deny_reads (f->store, "meetings");
  spor_participant_page_set_participant (SPOR_PARTICIPANT_PAGE (page), f->store, id);
  gui_iterate ();
  g_assert_cmpuint (n_of (page, SPOR_TYPE_MEETING_ROW), ==, 0);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (none)));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (none)), ==, "Could Not Read the Database");
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (none), GUI_DENIED));

  gui_deny_reads (f->store, NULL);
  spor_participant_page_reload (SPOR_PARTICIPANT_PAGE (page));
  g_assert_cmpuint (n_of (page, SPOR_TYPE_MEETING_ROW), ==, 1);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (none)));
  g_assert_cmpint (count_where (f, SPOR_TYPE_MEETING, "participant_id", id), ==, 1);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The participant cannot be read at all: the page says so instead of a name. */
static void
test_page_participant (GuiFixture    *f,
                       gconstpointer  data)
{
  gint64 id = gui_add_participant (f->store, "Åse Opdigtet", NULL);
  GtkWidget *page = g_object_new (SPOR_TYPE_PARTICIPANT_PAGE, NULL);
  GtkWidget *window = gui_window_with (page);

  gui_deny_reads (f->store, "participants");
  spor_participant_page_set_participant (SPOR_PARTICIPANT_PAGE (page), f->store, id);
  g_assert_true (label_says (page, "Could Not Read the Database"));
  g_assert_true (label_says (page, GUI_DENIED));
  g_assert_false (label_says (page, "Åse"));
  gui_deny_reads (f->store, NULL);
  spor_participant_page_reload (SPOR_PARTICIPANT_PAGE (page));
  g_assert_true (label_says (page, "Åse Opdigtet"));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The block's staff cannot be read into its editor: the editor says why and will not save,
 * so the staff it could not read are not taken off the block. */
static void
test_block_staff (GuiFixture    *f,
                  gconstpointer  data)
{
  g_autoptr(SporEntity) staff = spor_entity_new (SPOR_TYPE_STAFF);
  g_autoptr(GError) error = NULL;
  SporBlockEditor *editor;
  gint64 id = gui_add_block (f->store, "Sy og design");

  spor_entity_set_text (staff, "name", "Anders Afprøvning");
  g_assert_true (spor_store_insert (f->store, staff, &error));
  g_assert_true (spor_blocks_assign_staff (f->store, id, spor_entity_get_id (staff), "adviser", &error));
  g_assert_no_error (error);

  gui_deny_reads (f->store, "block_staff");
  editor = g_object_ref (spor_block_editor_new (f->store, id));
  g_assert_true (label_says (GTK_WIDGET (editor), GUI_DENIED));
  g_assert_false (spor_block_editor_save (editor));
  g_assert_true (label_says (GTK_WIDGET (editor), GUI_DENIED));
  gtk_window_destroy (GTK_WINDOW (editor));
  g_object_unref (editor);
  gui_deny_reads (f->store, NULL);
  g_assert_cmpint (count_where (f, SPOR_TYPE_BLOCK_STAFF, "block_id", id), ==, 1);
}

/* The mentors cannot be read into the participant editor: it says why and will not save,
 * so the mentor it could not read is not taken away. */
static void
test_mentors (GuiFixture    *f,
              gconstpointer  data)
{
  gint64 id = gui_add_participant (f->store, "Åse Opdigtet", NULL);
  g_autoptr(SporEntity) staff = spor_entity_new (SPOR_TYPE_STAFF);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GError) error = NULL;
  GtkWidget *editor;
  gint64 staff_id;

  spor_entity_set_text (staff, "name", "Birte Bladsen");
  spor_entity_set_bool (staff, "active", TRUE);
  g_assert_true (spor_store_insert (f->store, staff, &error));
  staff_id = spor_entity_get_id (staff);
  g_array_append_val (ids, staff_id);
  g_assert_true (spor_participant_staff_set_ids (f->store, id, "mentor", ids, &error));
  g_assert_no_error (error);

  gui_deny_reads (f->store, "participant_staff");
  editor = g_object_ref (spor_participant_editor_new (NULL, f->store, id));
  g_assert_true (label_says (editor, GUI_DENIED));
  g_assert_false (spor_participant_editor_save (SPOR_PARTICIPANT_EDITOR (editor)));
  gtk_window_destroy (GTK_WINDOW (editor));
  g_object_unref (editor);
  gui_deny_reads (f->store, NULL);
  g_assert_cmpint (count_where (f, SPOR_TYPE_PARTICIPANT_STAFF, "participant_id", id), ==, 1);
}

/* The participants cannot be counted: the view shows why instead of an empty list. */
static void
test_participants_view (GuiFixture    *f,
                        gconstpointer  data)
{
  GtkWidget *view;
  GtkWidget *window;
  GtkStack *stack;

  gui_add_participant (f->store, "Åse Opdigtet", NULL);
  view = spor_participants_view_new (f->store);
  window = gui_window_with (view);
  stack = GTK_STACK (gtk_widget_get_template_child (view, SPOR_TYPE_PARTICIPANTS_VIEW, "stack"));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "main");
  gui_deny_reads (f->store, "participants");
  spor_participants_view_reload (SPOR_PARTICIPANTS_VIEW (view));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "error");
  g_assert_true (label_says (view, "Could Not Read the Database"));
  gui_deny_reads (f->store, NULL);
  spor_participants_view_reload (SPOR_PARTICIPANTS_VIEW (view));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "main");
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  if (!gui_test_init (&argc, &argv))
    return 77;

  gui_test_add ("/read-errors/goals", test_goals);
  gui_test_add ("/read-errors/meetings", test_meetings);
  gui_test_add ("/read-errors/page-participant", test_page_participant);
  gui_test_add ("/read-errors/block-staff", test_block_staff);
  gui_test_add ("/read-errors/mentors", test_mentors);
  gui_test_add ("/read-errors/participants-view", test_participants_view);

  return g_test_run ();
}
