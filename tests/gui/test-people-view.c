/* test-people-view.c — People & Places: its lists, forms, deletions and the pickers that
 * make a record in place
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "spor-people-editor.h"
#include "spor-people-picker.h"
#include "spor-people-row.h"
#include "spor-people-view.h"
#include "spor-record-choices.h"
#include "spor-staff-roles.h"
#include "spor-store-private.h"
#include "spor-view.h"

#include "gui-test-util.h"

typedef struct
{
  GuiFixture  base;
  GtkWidget  *view;
  GtkWidget  *window;
} Fixture;

static void
set_up (Fixture       *f,
        gconstpointer  data)
{
  gui_fixture_set_up (&f->base, data);
  f->view = spor_people_view_new (f->base.store);
  f->window = gui_window_with (f->view);
  gui_iterate ();
}

static void
tear_down (Fixture       *f,
           gconstpointer  data)
{
  GtkWindow *editor;

  while ((editor = gui_find_toplevel (SPOR_TYPE_PEOPLE_EDITOR)) != NULL)
    gtk_window_destroy (editor);
  gtk_window_destroy (GTK_WINDOW (f->window));
  gui_iterate ();
  gui_fixture_tear_down (&f->base, data);
}

static gint64
count (Fixture    *f,
       const char *table)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s", table);
  sqlite3_stmt *stmt = spor_store_prepare (f->base.store, sql, NULL);
  gint64 n;

  g_assert_nonnull (stmt);
  n = spor_store_collect_count (f->base.store, stmt, "counting", NULL);
  return n;
}

/* The first widget under @root (depth first) that @match accepts */
static GtkWidget *
find_under (GtkWidget  *root,
            gboolean  (*match) (GtkWidget *widget, const char *text),
            const char *text)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (match (child, text))
        return child;
      if ((found = find_under (child, match, text)) != NULL)
        return found;
    }
  return NULL;
}

static gboolean
is_row_named (GtkWidget  *widget,
              const char *name)
{
  return SPOR_IS_PEOPLE_ROW (widget) && gtk_widget_get_visible (widget) &&
         g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), name) == 0;
}

static gboolean
is_button_with_tooltip (GtkWidget  *widget,
                        const char *tooltip)
{
  return GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_widget_get_tooltip_text (widget), tooltip) == 0;
}

static GtkWidget *
open_new_form (Fixture *f,
               const char *button_label)
{
  GtkWidget *button = gui_find_button (f->view, button_label);
  GtkWindow *editor;

  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  gui_iterate ();
  editor = gui_find_toplevel (SPOR_TYPE_PEOPLE_EDITOR);
  g_assert_nonnull (editor);
  return GTK_WIDGET (editor);
}

static void
check_role (GtkWidget  *editor,
            const char *role)
{
  GtkWidget *w;

  for (w = gtk_widget_get_first_child (editor); w != NULL; )
    {
      if (GTK_IS_SWITCH (w) && g_str_equal (gtk_widget_get_name (w), role))
        {
          gtk_switch_set_active (GTK_SWITCH (w), TRUE);
          return;
        }
      /* depth first through the form */
      if (gtk_widget_get_first_child (w) != NULL)
        w = gtk_widget_get_first_child (w);
      else
        {
          while (w != editor && gtk_widget_get_next_sibling (w) == NULL)
            w = gtk_widget_get_parent (w);
          w = w == editor ? NULL : gtk_widget_get_next_sibling (w);
        }
    }
  g_assert_not_reached ();
}

static gboolean
is_error_label (GtkWidget  *widget,
                const char *unused)
{
  return GTK_IS_LABEL (widget) && gtk_widget_has_css_class (widget, "form-message");
}

/* The message above the form */
static const char *
error_text (GtkWidget *editor)
{
  GtkWidget *label = find_under (editor, is_error_label, NULL);

  g_assert_nonnull (label);
  g_assert_true (gtk_widget_get_visible (label));
  return gtk_label_get_label (GTK_LABEL (label));
}

/* An empty site says what to add; a staff member with two roles is added from the form and
 * shows in the list with the roles' labels. */
static void
test_add_staff (Fixture       *f,
                gconstpointer  data)
{
  GtkWidget *editor;
  g_auto(GStrv) roles = NULL;

  g_assert_true (gui_toast_shows (f->window, "No Staff Yet"));
  editor = open_new_form (f, "New Staff Member…");
  gtk_editable_set_text (GTK_EDITABLE (gui_find_entry_row (editor, "Name")), "Anna Testsen");
  gtk_editable_set_text (GTK_EDITABLE (gui_find_entry_row (editor, "Hours a Week")), "12,5");
  check_role (editor, "adviser");
  check_role (editor, "creative");
  g_signal_emit_by_name (gui_find_button (editor, "_Save"), "clicked");
  gui_iterate ();

  g_assert_null (gui_find_toplevel (SPOR_TYPE_PEOPLE_EDITOR));
  g_assert_cmpint (count (f, "staff"), ==, 1);
  roles = spor_staff_roles_get (f->base.store, 1, NULL);
  g_assert_cmpstrv (roles, ((const char *[]) { "adviser", "creative", NULL }));
  g_assert_cmpstr (gui_read_text (&f->base, SPOR_TYPE_STAFF, 1, "name"), ==, "Anna Testsen");
  g_assert_true (gui_subtitle_shows (f->view, "adviser, creative professional"));
}

/* A date or number the form cannot read, or a missing name, is said above the form and
 * nothing is written. */
static void
test_form_refuses (Fixture       *f,
                   gconstpointer  data)
{
  GtkWidget *editor = open_new_form (f, "New Staff Member…");

  gtk_editable_set_text (GTK_EDITABLE (gui_find_entry_row (editor, "Name")), "Bo Prøvesen");
  gtk_editable_set_text (GTK_EDITABLE (gui_find_entry_row (editor, "Active From")), "32.13.2026");
  g_signal_emit_by_name (gui_find_button (editor, "_Save"), "clicked");
  gui_iterate ();
  g_assert_cmpstr (error_text (editor), ==, "Active From: “32.13.2026” is not valid here.");
  g_assert_cmpint (count (f, "staff"), ==, 0);

  gtk_editable_set_text (GTK_EDITABLE (gui_find_entry_row (editor, "Active From")), "");
  gtk_editable_set_text (GTK_EDITABLE (gui_find_entry_row (editor, "Hours a Week")), "many");
  g_signal_emit_by_name (gui_find_button (editor, "_Save"), "clicked");
  gui_iterate ();
  g_assert_cmpstr (error_text (editor), ==, "Hours a Week: “many” is not valid here.");

  gtk_editable_set_text (GTK_EDITABLE (gui_find_entry_row (editor, "Hours a Week")), "");
  gtk_editable_set_text (GTK_EDITABLE (gui_find_entry_row (editor, "Name")), " ");
  g_signal_emit_by_name (gui_find_button (editor, "_Save"), "clicked");
  gui_iterate ();
  g_assert_nonnull (strstr (error_text (editor), "name"));
  g_assert_cmpint (count (f, "staff"), ==, 0);
  g_assert_cmpint (count (f, "staff_roles"), ==, 0);
  g_assert_nonnull (gui_find_toplevel (SPOR_TYPE_PEOPLE_EDITOR));
}

static gint64
add_staff (Fixture    *f,
           const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SporEntity) e = spor_entity_new (SPOR_TYPE_STAFF);

  spor_entity_set_text (e, "name", name);
  spor_entity_set_bool (e, "active", TRUE);
  g_assert_true (spor_store_insert (f->base.store, e, &error));
  g_assert_no_error (error);
  return spor_entity_get_id (e);
}

/* A staff member someone refers to is not deleted: the dialog says what refers to them.
 * One nobody refers to goes, with Undo, and comes back with it. */
static void
test_delete (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SporEntity) participant = spor_entity_new (SPOR_TYPE_PARTICIPANT);
  gint64 kept = add_staff (f, "Anna Testsen");
  gint64 free_one = add_staff (f, "Bo Prøvesen");
  GtkWidget *row;

  spor_entity_set_text (participant, "name", "Dorte Deltager");
  spor_entity_set_int (participant, "contact_person_id", kept);
  g_assert_true (spor_store_insert (f->base.store, participant, &error));
  gui_iterate ();

  row = find_under (f->view, is_row_named, "Anna Testsen");
  g_assert_nonnull (row);
  g_signal_emit_by_name (find_under (row, is_button_with_tooltip, "Delete"), "clicked");
  gui_iterate ();
  gui_answer_dialog ("Cannot Be Deleted", "close",
                     "“Anna Testsen” cannot be deleted", "participant (1)", "Deactivate it", NULL);
  g_assert_true (gui_record_exists (&f->base, SPOR_TYPE_STAFF, kept));
  g_assert_nonnull (find_under (f->view, is_row_named, "Anna Testsen"));

  row = find_under (f->view, is_row_named, "Bo Prøvesen");
  g_signal_emit_by_name (find_under (row, is_button_with_tooltip, "Delete"), "clicked");
  gui_iterate ();
  g_assert_true (gui_toast_shows (f->window, "Bo Prøvesen deleted"));
  g_assert_null (find_under (f->view, is_row_named, "Bo Prøvesen"));
  /* waiting for its Undo: still in the file, and back with Undo */
  g_assert_true (gui_record_exists (&f->base, SPOR_TYPE_STAFF, free_one));
  g_signal_emit_by_name (gui_find_button (f->window, "_Undo"), "clicked");
  gui_iterate ();
  g_assert_nonnull (find_under (f->view, is_row_named, "Bo Prøvesen"));

  row = find_under (f->view, is_row_named, "Bo Prøvesen");
  g_signal_emit_by_name (find_under (row, is_button_with_tooltip, "Delete"), "clicked");
  gui_iterate ();
  {
    g_autoptr(GPtrArray) failed = g_ptr_array_new_with_free_func (g_object_unref);

    spor_view_flush_pending (SPOR_VIEW (f->view), failed);
    g_assert_cmpuint (failed->len, ==, 0);
  }
  gui_iterate ();
  g_assert_false (gui_record_exists (&f->base, SPOR_TYPE_STAFF, free_one));
  g_assert_null (find_under (f->view, is_row_named, "Bo Prøvesen"));
  g_assert_true (gui_record_exists (&f->base, SPOR_TYPE_STAFF, kept));
}

/* A picker offers active records only, keeps the one named, and its "New…" button makes a
 * record that is then chosen. */
static void
test_picker_makes_one (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SporEntity) gone = NULL;
  GtkWidget *row = adw_combo_row_new ();
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *window, *editor;
  gint64 anna = add_staff (f, "Anna Testsen");
  gint64 bo = add_staff (f, "Bo Prøvesen");

  gone = spor_store_get (f->base.store, SPOR_TYPE_STAFF, bo, &error);
  spor_entity_set_bool (gone, "active", FALSE);
  g_assert_true (spor_store_update (f->base.store, gone, &error));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  window = gui_window_with (group);
  g_assert_true (spor_people_picker_setup (ADW_COMBO_ROW (row), f->base.store, SPOR_TYPE_STAFF,
                                           NULL, "None", 0, &error));
  /* None and Anna: Bo is not offered */
  g_assert_cmpuint (g_list_model_get_n_items (adw_combo_row_get_model (ADW_COMBO_ROW (row))), ==, 2);
  g_assert_true (spor_people_picker_setup (ADW_COMBO_ROW (row), f->base.store, SPOR_TYPE_STAFF,
                                           NULL, "None", bo, &error));
  g_assert_cmpint (spor_record_choices_get_selected (row), ==, bo);
  g_assert_cmpuint (g_list_model_get_n_items (adw_combo_row_get_model (ADW_COMBO_ROW (row))), ==, 3);

  g_signal_emit_by_name (find_under (row, is_button_with_tooltip, "New Staff Member…"), "clicked");
  gui_iterate ();
  editor = GTK_WIDGET (gui_find_toplevel (SPOR_TYPE_PEOPLE_EDITOR));
  g_assert_nonnull (editor);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (editor)), ==, "New Staff Member");
  gtk_editable_set_text (GTK_EDITABLE (gui_find_entry_row (editor, "Name")), "Carl Opdigtet");
  g_signal_emit_by_name (gui_find_button (editor, "_Save"), "clicked");
  gui_iterate ();
  g_assert_cmpint (spor_record_choices_get_selected (row), ==, 3);
  g_assert_cmpstr (gui_read_text (&f->base, SPOR_TYPE_STAFF, 3, "name"), ==, "Carl Opdigtet");
  g_assert_cmpint (anna, ==, 1);
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(path, fn) g_test_add (path, Fixture, NULL, set_up, fn, tear_down)
  ADD ("/people-view/add-staff", test_add_staff);
  ADD ("/people-view/form-refuses", test_form_refuses);
  ADD ("/people-view/delete", test_delete);
  ADD ("/people-view/picker-makes-one", test_picker_makes_one);
#undef ADD

  return g_test_run ();
}
