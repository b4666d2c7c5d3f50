/* test-occurrence-changes.c — moving an occurrence and giving it a substitute from the
 * occurrence dialog, a block's cohort in the block editor, and how many entries each
 * drop-down of the occurrence dialog, its move and substitute dialogs and the block editor
 * offers (a list handed to GTK without its end once showed a garbage entry)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "spor-blocks.h"

#include "spor-block-editor.h"
#include "spor-gui.h"
#include "spor-move-dialog.h"
#include "spor-occurrence-dialog.h"
#include "spor-record-choices.h"
#include "spor-substitute-dialog.h"

#include "gui-test-util.h"

typedef struct {
  GuiFixture base;
  gint64     programme, cohort, block, bare_block;
  gint64     staff[3];       /* creative, adviser, a substitute */
  gint64     in_cohort[2], outside;
} Fixture;

static gint64
insert (SporStore  *store,
        GType       type,
        const char *name,
        const char *field,
        gint64      ref)
{
  g_autoptr(SporEntity) e = spor_entity_new (type);
  g_autoptr(GError) error = NULL;

  spor_entity_set_text (e, type == SPOR_TYPE_BLOCK ? "title" : "name", name);
  if (type == SPOR_TYPE_PARTICIPANT)
    spor_entity_set_text (e, "status", "active");
  if (type == SPOR_TYPE_COHORT)
    spor_entity_set_text (e, "start_date", "2026-09-01");
  if (type == SPOR_TYPE_BLOCK)
    {
      spor_entity_set_text (e, "kind", "weekly");
      spor_entity_set_int (e, "weekdays", 1 << 1);
      spor_entity_set_text (e, "start_time", "09:00");
      spor_entity_set_text (e, "end_time", "12:00");
      spor_entity_set_text (e, "period_start", "2026-11-01");
      spor_entity_set_text (e, "period_end", "2026-12-31");
    }
  if (field != NULL)
    spor_entity_set_int (e, field, ref);
  g_assert_true (type == SPOR_TYPE_BLOCK ? spor_blocks_save (store, SPOR_BLOCK (e), &error)
                                         : spor_store_insert (store, e, &error));
  g_assert_no_error (error);
  return spor_entity_get_id (e);
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  SporStore *s;

  gui_fixture_set_up (&f->base, data);
  s = f->base.store;
  f->programme = insert (s, SPOR_TYPE_PROGRAMME, "Sy og design", NULL, 0);
  insert (s, SPOR_TYPE_PROGRAMME, "Aspiranterne", NULL, 0);
  insert (s, SPOR_TYPE_LOCATION, "Kulturskolen Rønde", NULL, 0);
  f->cohort = insert (s, SPOR_TYPE_COHORT, "Hold forår", "programme_id", f->programme);
  f->in_cohort[0] = insert (s, SPOR_TYPE_PARTICIPANT, "Dorte Deltager", "cohort_id", f->cohort);
  f->in_cohort[1] = insert (s, SPOR_TYPE_PARTICIPANT, "Erik Eksempel", "cohort_id", f->cohort);
  f->outside = insert (s, SPOR_TYPE_PARTICIPANT, "Frida Fri", "programme_id", f->programme);
  f->staff[0] = insert (s, SPOR_TYPE_STAFF, "Karen Kreativ", NULL, 0);
  f->staff[1] = insert (s, SPOR_TYPE_STAFF, "Rasmus Rådgiver", NULL, 0);
  f->staff[2] = insert (s, SPOR_TYPE_STAFF, "Vibeke Vikar", NULL, 0);
  f->block = insert (s, SPOR_TYPE_BLOCK, "Syværksted", "programme_id", f->programme);
  f->bare_block = insert (s, SPOR_TYPE_BLOCK, "Uden personale", NULL, 0);
  g_assert_true (spor_blocks_assign_staff (s, f->block, f->staff[0], "creative", &error) &&
                 spor_blocks_assign_staff (s, f->block, f->staff[1], "adviser", &error) &&
                 spor_blocks_add_participant (s, f->block, f->in_cohort[0], &error));
  g_assert_no_error (error);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  gui_fixture_tear_down (&f->base, data);
}


static guint
n_entries (gpointer drop_down)
{
  GListModel *model = GTK_IS_DROP_DOWN (drop_down) ? gtk_drop_down_get_model (drop_down)
                                                   : adw_combo_row_get_model (drop_down);

  return model != NULL ? g_list_model_get_n_items (model) : 0;
}

static AdwComboRow *
combo_titled (GtkWidget  *root,
              const char *title)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();

  gui_collect (root, ADW_TYPE_COMBO_ROW, rows);
  for (guint i = 0; i < rows->len; i++)
    if (g_strcmp0 (adw_preferences_row_get_title (rows->pdata[i]), title) == 0)
      return rows->pdata[i];
  g_assert_not_reached ();
}

/* Every drop-down of the block editor, by its entries: "None" and two programmes, "None"
 * and the programme's one cohort, "None" and one location, the three staff, the seven
 * roles, the one participant whose programme it is (the cohort's two have none set) */
static void
test_editor_counts (Fixture       *f,
                    gconstpointer  data)
{
  SporBlockEditor *editor = g_object_ref (spor_block_editor_new (f->base.store, f->block));
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  g_autoptr(GPtrArray) drop_downs = g_ptr_array_new ();

  gui_collect (GTK_WIDGET (editor), ADW_TYPE_COMBO_ROW, rows);
  gui_collect (GTK_WIDGET (editor), GTK_TYPE_DROP_DOWN, drop_downs);
  g_assert_cmpuint (rows->len, ==, 6);
  g_assert_cmpuint (drop_downs->len, ==, 0);
  g_assert_cmpuint (n_entries (combo_titled (GTK_WIDGET (editor), "Programme")), ==, 1 + 2);
  g_assert_cmpuint (n_entries (combo_titled (GTK_WIDGET (editor), "Cohort")), ==, 1 + 1);
  g_assert_cmpuint (n_entries (combo_titled (GTK_WIDGET (editor), "Location")), ==, 1 + 1);
  g_assert_cmpuint (n_entries (combo_titled (GTK_WIDGET (editor), "Staff Member")), ==, 3);
  g_assert_cmpuint (n_entries (combo_titled (GTK_WIDGET (editor), "Role")), ==, 7);
  g_assert_cmpuint (n_entries (combo_titled (GTK_WIDGET (editor), "Participant")), ==, 1);
  gtk_window_destroy (GTK_WINDOW (editor));
  g_object_unref (editor);
}

/* The block gets its cohort; the cohort's participants join it in one step, those already
 * in it once, and a participant outside the cohort does not */
static void
test_editor_cohort (Fixture       *f,
                    gconstpointer  data)
{
  SporBlockEditor *editor = g_object_ref (spor_block_editor_new (f->base.store, f->block));
  g_autoptr(SporBlock) stored = NULL;
  g_autoptr(GPtrArray) links = NULL;
  g_autoptr(SporQuery) query = spor_query_new (SPOR_TYPE_BLOCK_PARTICIPANT);
  g_autoptr(GError) error = NULL;

  /* without a cohort chosen nothing is added */
  g_assert_cmpuint (spor_block_editor_add_cohort (editor), ==, 0);
  g_assert_true (spor_record_choices_select (combo_titled (GTK_WIDGET (editor), "Cohort"), f->cohort));
  g_assert_cmpuint (spor_block_editor_add_cohort (editor), ==, 1);
  g_assert_cmpuint (spor_block_editor_add_cohort (editor), ==, 0);
  g_assert_true (spor_block_editor_save (editor));
  gtk_window_destroy (GTK_WINDOW (editor));
  g_object_unref (editor);

  g_clear_object (&f->base.store);
  f->base.store = spor_store_open (f->base.path, &error);
  g_assert_no_error (error);
  stored = spor_store_get (f->base.store, SPOR_TYPE_BLOCK, f->block, &error);
  g_assert_no_error (error);
  g_assert_cmpint (spor_entity_get_int (SPOR_ENTITY (stored), "cohort_id"), ==, f->cohort);
  spor_query_where_int (query, "block_id", f->block);
  links = spor_store_list (f->base.store, query, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (links->len, ==, 2);
  for (guint i = 0; i < links->len; i++)
    g_assert_cmpint (spor_entity_get_int (links->pdata[i], "participant_id"), !=, f->outside);
}

static void
set_row (GtkWidget  *root,
         const char *title,
         const char *text)
{
  AdwEntryRow *row = gui_find_entry_row (root, title);

  g_assert_nonnull (row);
  gtk_editable_set_text (GTK_EDITABLE (row), text);
}

/* The move dialog starts from the occurrence's day and times; a day that is not one is
 * refused with its message and changes nothing; a good one moves only that occurrence,
 * and the occurrence dialog says where it came from */
static void
test_move (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SporOccurrence) o = spor_blocks_query_occurrence (f->base.store, f->block, "2026-11-24", &error);
  g_autoptr(SporOccurrence) moved = NULL;
  g_autoptr(SporOccurrence) next = NULL;
  g_autoptr(GPtrArray) exceptions = NULL;
  SporMoveDialog *dialog;
  SporOccurrenceDialog *occurrence;
  AdwEntryRow *start;

  g_assert_no_error (error);
  dialog = g_object_ref_sink (spor_move_dialog_new (NULL, o));
  start = gui_find_entry_row (GTK_WIDGET (dialog), "Starts");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (start)), ==, "09:00");

  set_row (GTK_WIDGET (dialog), "New Date", "31-02-2026");
  g_assert_false (spor_move_dialog_apply (dialog, f->base.store, f->block, "2026-11-24", &error));
  g_assert_error (error, SPOR_STORE_ERROR, SPOR_STORE_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "The new day is not a valid date.");
  g_clear_error (&error);
  set_row (GTK_WIDGET (dialog), "New Date", "2026-11-25");
  set_row (GTK_WIDGET (dialog), "Ends", "08:00");
  g_assert_false (spor_move_dialog_apply (dialog, f->base.store, f->block, "2026-11-24", &error));
  g_assert_cmpstr (error->message, ==, "The block must end after it starts.");
  g_clear_error (&error);
  exceptions = spor_blocks_list_exceptions (f->base.store, f->block, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (exceptions->len, ==, 0);

  set_row (GTK_WIDGET (dialog), "Starts", "13:00");
  set_row (GTK_WIDGET (dialog), "Ends", "16:00");
  set_row (GTK_WIDGET (dialog), "Reason", "Værkstedet er optaget");
  g_assert_true (spor_move_dialog_apply (dialog, f->base.store, f->block, "2026-11-24", &error));
  g_assert_no_error (error);
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_object_unref (dialog);

  moved = spor_blocks_query_occurrence (f->base.store, f->block, "2026-11-24", &error);
  g_assert_no_error (error);
  g_assert_true (moved->moved);
  g_assert_cmpstr (moved->actual_date, ==, "2026-11-25");
  g_assert_cmpstr (moved->start_time, ==, "13:00");
  next = spor_blocks_query_occurrence (f->base.store, f->block, "2026-12-01", &error);
  g_assert_no_error (error);
  g_assert_false (next->moved);
  g_assert_cmpstr (next->start_time, ==, "09:00");

  occurrence = g_object_ref (spor_occurrence_dialog_new (f->base.store, moved));
  {
    g_autoptr(GPtrArray) rows = g_ptr_array_new ();
    g_autofree char *day = spor_gui_format_date ("2026-11-24");
    g_autofree char *expected = g_strdup_printf ("From %s: Værkstedet er optaget", day);
    gboolean found = FALSE;

    gui_collect (GTK_WIDGET (occurrence), ADW_TYPE_ACTION_ROW, rows);
    for (guint i = 0; i < rows->len; i++)
      if (g_strcmp0 (adw_preferences_row_get_title (rows->pdata[i]), "Moved") == 0)
        {
          found = gtk_widget_get_visible (rows->pdata[i]);
          g_assert_cmpstr (adw_action_row_get_subtitle (rows->pdata[i]), ==, expected);
        }
    g_assert_true (found);
  }
  gtk_window_destroy (GTK_WINDOW (occurrence));
  g_object_unref (occurrence);
}

/* The substitute dialog offers the block's two staff and all three staff members; the
 * substitute shows in the occurrence's staff; a staff member for themself is refused; a
 * block without staff has no dialog, and says why */
static void
test_substitute (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) drop_downs = g_ptr_array_new ();
  g_autoptr(SporOccurrence) o = NULL;
  SporSubstituteDialog *dialog;

  g_assert_null (spor_substitute_dialog_new (NULL, f->base.store, f->bare_block, &error));
  g_assert_cmpstr (error->message, ==, "The block has no staff to substitute: add its staff in the block first.");
  g_clear_error (&error);

  dialog = g_object_ref_sink (spor_substitute_dialog_new (NULL, f->base.store, f->block, &error));
  g_assert_no_error (error);
  gui_collect (GTK_WIDGET (dialog), GTK_TYPE_DROP_DOWN, drop_downs);
  g_assert_cmpuint (drop_downs->len, ==, 2);
  g_assert_cmpuint (n_entries (drop_downs->pdata[0]), ==, 2);
  g_assert_cmpuint (n_entries (drop_downs->pdata[1]), ==, 3);
  /* the substitute offered first is someone not in the block */
  g_assert_cmpint (spor_record_choices_get_selected (drop_downs->pdata[1]), ==, f->staff[2]);

  g_assert_true (spor_record_choices_select (drop_downs->pdata[0], f->staff[0]));
  g_assert_true (spor_record_choices_select (drop_downs->pdata[1], f->staff[0]));
  g_assert_false (spor_substitute_dialog_apply (dialog, f->base.store, f->block, "2026-11-24", &error));
  g_assert_cmpstr (error->message, ==, "Choose another staff member as the substitute.");
  g_clear_error (&error);
  g_assert_true (spor_record_choices_select (drop_downs->pdata[1], f->staff[2]));
  g_assert_true (spor_substitute_dialog_apply (dialog, f->base.store, f->block, "2026-11-24", &error));
  g_assert_no_error (error);
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_object_unref (dialog);

  o = spor_blocks_query_occurrence (f->base.store, f->block, "2026-11-24", &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (o->staff, "Vibeke Vikar"));
  g_assert_null (strstr (o->staff, "Karen Kreativ"));
  g_assert_nonnull (strstr (o->staff, "Rasmus Rådgiver"));
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/block-editor/drop-down-counts", test_editor_counts);
  ADD ("/block-editor/cohort", test_editor_cohort);
  ADD ("/occurrence-dialog/move", test_move);
  ADD ("/occurrence-dialog/substitute", test_substitute);

  return g_test_run ();
}
