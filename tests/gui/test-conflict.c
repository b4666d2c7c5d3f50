/* test-conflict.c — a form opened before the record changed elsewhere never writes over the
 * newer copy silently: the user discards, keeps theirs, or cancels, and the database (read
 * through a connection of its own afterwards) holds what they chose
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "spor-agreements.h"
#include "spor-blocks.h"
#include "spor-programmes.h"
#include "spor-templates.h"

#include "spor-agreement-editor.h"
#include "spor-block-editor.h"
#include "spor-calendar-view.h"
#include "spor-participant-editor.h"
#include "spor-phase-row.h"
#include "spor-programmes-view.h"

#include "gui-test-util.h"

#define CHANGED "Changed Elsewhere"

/* Sets @field of record @id through another connection, as an import or another program
 * does. */
static void
change_elsewhere (GuiFixture *f,
                  GType       type,
                  gint64      id,
                  const char *field,
                  const char *value)
{
  g_autoptr(SporStore) other = gui_open_store (f);
  g_autoptr(GError) error = NULL;
  g_autoptr(SporEntity) e = spor_store_get (other, type, id, &error);

  spor_entity_set_text (e, field, value);
  g_assert_true (spor_store_update (other, e, &error));
  g_assert_no_error (error);
}

static void
assert_text (GuiFixture *f,
             GType       type,
             gint64      id,
             const char *field,
             const char *expected)
{
  g_autofree char *text = gui_read_text (f, type, id, field);

  g_assert_cmpstr (text, ==, expected);
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

static const char *
row_text (GtkWidget  *root,
          const char *title)
{
  return gtk_editable_get_text (GTK_EDITABLE (gui_find_entry_row (root, title)));
}

static GtkWidget *
open_participant_editor (GuiFixture *f,
                         gint64      id)
{
  GtkWidget *editor = g_object_ref_sink (spor_participant_editor_new (NULL, f->store, id));

  gtk_window_present (GTK_WINDOW (editor));
  gui_iterate ();
  return editor;
}

/* The participant form, opened before an import changed the same person. */
static void
test_participant (GuiFixture    *f,
                  gconstpointer  data)
{
  gint64 id = gui_add_participant (f->store, "Søren Prøvesen", "12345678");
  GtkWidget *editor;

  /* Cancel: back to the form, nothing written */
  editor = open_participant_editor (f, id);
  set_row (editor, "Name", "Søren Rettet");
  change_elsewhere (f, SPOR_TYPE_PARTICIPANT, id, "phone", "87654321");
  g_assert_false (spor_participant_editor_save (SPOR_PARTICIPANT_EDITOR (editor)));
  gui_answer_dialog (CHANGED, "cancel", "“Søren Prøvesen” was changed elsewhere",
                     "after this form was opened", NULL);
  assert_text (f, SPOR_TYPE_PARTICIPANT, id, "name", "Søren Prøvesen");
  assert_text (f, SPOR_TYPE_PARTICIPANT, id, "phone", "87654321");
  g_assert_true (gtk_widget_get_visible (editor));
  g_assert_cmpstr (row_text (editor, "Name"), ==, "Søren Rettet");

  /* Discard My Changes: the form shows the newer copy; nothing written */
  g_assert_false (spor_participant_editor_save (SPOR_PARTICIPANT_EDITOR (editor)));
  gui_answer_dialog (CHANGED, "discard", "“Søren Prøvesen” was changed elsewhere", NULL);
  g_assert_cmpstr (row_text (editor, "Name"), ==, "Søren Prøvesen");
  g_assert_cmpstr (row_text (editor, "Phone"), ==, "87654321");
  assert_text (f, SPOR_TYPE_PARTICIPANT, id, "name", "Søren Prøvesen");
  assert_text (f, SPOR_TYPE_PARTICIPANT, id, "phone", "87654321");
  /* the form read the newer copy: its save is no conflict */
  set_row (editor, "Name", "Søren Efter Opdatering");
  g_assert_true (spor_participant_editor_save (SPOR_PARTICIPANT_EDITOR (editor)));
  assert_text (f, SPOR_TYPE_PARTICIPANT, id, "name", "Søren Efter Opdatering");
  assert_text (f, SPOR_TYPE_PARTICIPANT, id, "phone", "87654321");
  gtk_window_destroy (GTK_WINDOW (editor));
  g_object_unref (editor);

  /* Keep Mine: the whole form is written over the newer copy */
  editor = open_participant_editor (f, id);
  set_row (editor, "Name", "Søren Mit Navn");
  change_elsewhere (f, SPOR_TYPE_PARTICIPANT, id, "phone", "11223344");
  g_assert_false (spor_participant_editor_save (SPOR_PARTICIPANT_EDITOR (editor)));
  assert_text (f, SPOR_TYPE_PARTICIPANT, id, "name", "Søren Efter Opdatering");
  gui_answer_dialog (CHANGED, "keep", "“Søren Efter Opdatering” was changed elsewhere", NULL);
  assert_text (f, SPOR_TYPE_PARTICIPANT, id, "name", "Søren Mit Navn");
  assert_text (f, SPOR_TYPE_PARTICIPANT, id, "phone", "87654321");
  g_assert_false (gtk_widget_get_visible (editor));
  gtk_window_destroy (GTK_WINDOW (editor));
  g_object_unref (editor);
}

static void
click (GtkWidget  *root,
       const char *label)
{
  GtkWidget *button = gui_find_button (root, label);

  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  gui_iterate ();
}

/* The programme's form and a phase's form in the Programmes view keep what they read. */
static void
test_programme (GuiFixture    *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SporProgramme) programme = spor_templates_create_programme (f->store, "aspiranterne", &error);
  gint64 id = spor_entity_get_id (SPOR_ENTITY (programme));
  g_autoptr(GPtrArray) phases = spor_programmes_list_phases (f->store, id, &error);
  gint64 phase = spor_entity_get_id (g_ptr_array_index (phases, 0));
  g_autofree char *phase_name = g_strdup (spor_entity_get_text (g_ptr_array_index (phases, 0), "name"));
  GtkWidget *view = spor_programmes_view_new (f->store);
  GtkWidget *window = gui_window_with (view);
  GtkWidget *phase_row, *save_phase;

  set_row (view, "Name", "Aspiranterne 2027");
  change_elsewhere (f, SPOR_TYPE_PROGRAMME, id, "description", "Rettet ved import");
  click (view, "_Save");
  gui_answer_dialog (CHANGED, "discard", "“Aspiranterne” was changed elsewhere", NULL);
  g_assert_cmpstr (row_text (view, "Name"), ==, "Aspiranterne");
  g_assert_cmpstr (row_text (view, "Description"), ==, "Rettet ved import");
  assert_text (f, SPOR_TYPE_PROGRAMME, id, "name", "Aspiranterne");

  set_row (view, "Name", "Aspiranterne 2027");
  change_elsewhere (f, SPOR_TYPE_PROGRAMME, id, "description", "Rettet igen");
  click (view, "_Save");
  gui_answer_dialog (CHANGED, "cancel", "“Aspiranterne” was changed elsewhere", NULL);
  assert_text (f, SPOR_TYPE_PROGRAMME, id, "name", "Aspiranterne");
  click (view, "_Save");
  gui_answer_dialog (CHANGED, "keep", "“Aspiranterne” was changed elsewhere", NULL);
  assert_text (f, SPOR_TYPE_PROGRAMME, id, "name", "Aspiranterne 2027");
  assert_text (f, SPOR_TYPE_PROGRAMME, id, "description", "Rettet ved import");

  /* a phase: Keep Mine writes the phase's form */
  phase_row = gui_find_widget (view, SPOR_TYPE_PHASE_ROW);
  save_phase = gui_find_button (phase_row, "Sa_ve Phase");
  set_row (phase_row, "Name", "Screening og samtale");
  change_elsewhere (f, SPOR_TYPE_PHASE, phase, "description", "Fra en anden skole");
  g_signal_emit_by_name (save_phase, "clicked");
  gui_iterate ();
  assert_text (f, SPOR_TYPE_PHASE, phase, "name", phase_name);
  gui_answer_dialog (CHANGED, "keep", phase_name, NULL);
  assert_text (f, SPOR_TYPE_PHASE, phase, "name", "Screening og samtale");

  gtk_window_destroy (GTK_WINDOW (window));
}

static gint64
add_block (SporStore  *store,
           const char *title)
{
  g_autoptr(SporBlock) block = spor_entity_new (SPOR_TYPE_BLOCK);
  g_autoptr(GError) error = NULL;

  spor_entity_set_text (SPOR_ENTITY (block), "title", title);
  spor_entity_set_text (SPOR_ENTITY (block), "kind", "weekly");
  spor_entity_set_int (SPOR_ENTITY (block), "weekdays", SPOR_WEEKDAY_BIT (2));
  spor_entity_set_text (SPOR_ENTITY (block), "start_time", "09:00");
  spor_entity_set_text (SPOR_ENTITY (block), "end_time", "12:00");
  spor_entity_set_text (SPOR_ENTITY (block), "period_start", "2026-11-02");
  g_assert_true (spor_blocks_save (store, block, &error));
  g_assert_no_error (error);
  return spor_entity_get_id (SPOR_ENTITY (block));
}

/* The block editor: Discard shows the newer copy, Keep Mine writes the form over it. */
static void
test_block (GuiFixture    *f,
            gconstpointer  data)
{
  gint64 id = add_block (f->store, "Sy og design");
  SporBlockEditor *editor = g_object_ref_sink (spor_block_editor_new (f->store, id));

  gtk_window_present (GTK_WINDOW (editor));
  gui_iterate ();
  set_row (GTK_WIDGET (editor), "Title", "Syværksted");
  change_elsewhere (f, SPOR_TYPE_BLOCK, id, "start_time", "10:00");
  g_assert_false (spor_block_editor_save (editor));
  gui_answer_dialog (CHANGED, "discard", "“Sy og design” was changed elsewhere", NULL);
  g_assert_cmpstr (row_text (GTK_WIDGET (editor), "Title"), ==, "Sy og design");
  g_assert_cmpstr (row_text (GTK_WIDGET (editor), "Start Time"), ==, "10:00");
  assert_text (f, SPOR_TYPE_BLOCK, id, "title", "Sy og design");

  set_row (GTK_WIDGET (editor), "Title", "Syværksted");
  change_elsewhere (f, SPOR_TYPE_BLOCK, id, "end_time", "13:00");
  g_assert_false (spor_block_editor_save (editor));
  gui_answer_dialog (CHANGED, "keep", "“Sy og design” was changed elsewhere", NULL);
  assert_text (f, SPOR_TYPE_BLOCK, id, "title", "Syværksted");
  assert_text (f, SPOR_TYPE_BLOCK, id, "start_time", "10:00");
  assert_text (f, SPOR_TYPE_BLOCK, id, "end_time", "12:00");

  gtk_window_destroy (GTK_WINDOW (editor));
  g_object_unref (editor);
}

/* The agreement editor: Keep Mine writes the draft's form over the newer copy. */
static void
test_agreement (GuiFixture    *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 person = gui_add_participant (f->store, "Åse Opdigtet", NULL);
  g_autoptr(SporAgreement) draft = spor_entity_new (SPOR_TYPE_AGREEMENT);
  GtkWidget *editor;
  gint64 id;

  spor_entity_set_int (SPOR_ENTITY (draft), "participant_id", person);
  spor_entity_set_text (SPOR_ENTITY (draft), "schedule", "Tirsdag 9–12");
  g_assert_true (spor_agreement_save_draft (f->store, draft, &error));
  g_assert_no_error (error);
  id = spor_entity_get_id (SPOR_ENTITY (draft));
  editor = g_object_ref_sink (spor_agreement_editor_new (NULL, f->store, person, 0));
  gtk_window_present (GTK_WINDOW (editor));
  gui_iterate ();

  set_row (editor, "Days and times", "Tirsdag og torsdag 9–12");
  change_elsewhere (f, SPOR_TYPE_AGREEMENT, id, "review_date", "2027-01-15");
  g_assert_false (spor_agreement_editor_save (SPOR_AGREEMENT_EDITOR (editor)));
  gui_answer_dialog (CHANGED, "keep", "“The start agreement of Åse Opdigtet” was changed elsewhere", NULL);
  assert_text (f, SPOR_TYPE_AGREEMENT, id, "schedule", "Tirsdag og torsdag 9–12");
  assert_text (f, SPOR_TYPE_AGREEMENT, id, "review_date", NULL);

  set_row (editor, "Days and times", "Mandag");
  change_elsewhere (f, SPOR_TYPE_AGREEMENT, id, "review_date", "2027-02-01");
  g_assert_false (spor_agreement_editor_save (SPOR_AGREEMENT_EDITOR (editor)));
  gui_answer_dialog (CHANGED, "discard", "was changed elsewhere", NULL);
  g_assert_cmpstr (row_text (editor, "Days and times"), ==, "Tirsdag og torsdag 9–12");
  g_assert_cmpstr (row_text (editor, "Review"), ==, "2027-02-01");
  assert_text (f, SPOR_TYPE_AGREEMENT, id, "schedule", "Tirsdag og torsdag 9–12");

  gtk_window_destroy (GTK_WINDOW (editor));
  g_object_unref (editor);
}

/* Undo of a save puts back the block as it was before; over a change made elsewhere since
 * the save only when the user says so (the answer to the question is @data). */
static void
test_block_undo (GuiFixture    *f,
                 gconstpointer  data)
{
  const char *answer = data;
  GtkWidget *view = spor_calendar_view_new (f->store);
  GtkWidget *window = gui_window_with (view);
  g_autoptr(SporQuery) query = spor_query_new (SPOR_TYPE_BLOCK);
  g_autoptr(GPtrArray) blocks = NULL;
  GtkWindow *editor;
  gint64 id;

  g_assert_true (gtk_widget_activate_action (view, "calendar.new-block", NULL));
  gui_iterate ();
  editor = gui_find_toplevel (SPOR_TYPE_BLOCK_EDITOR);
  g_assert_nonnull (editor);
  set_row (GTK_WIDGET (editor), "Title", "Fortælleværksted");
  g_assert_true (spor_block_editor_save (SPOR_BLOCK_EDITOR (editor)));
  gui_iterate ();
  blocks = spor_store_list (f->store, query, NULL);
  g_assert_cmpuint (blocks->len, ==, 1);
  id = spor_entity_get_id (g_ptr_array_index (blocks, 0));

  if (answer != NULL)
    change_elsewhere (f, SPOR_TYPE_BLOCK, id, "title", "Fortælleværksted, flyttet");
  click (window, "_Undo");
  if (answer != NULL)
    gui_answer_dialog ("Undo Over Newer Changes?", answer,
                       "“Fortælleværksted, flyttet” was changed elsewhere after it was saved here", NULL);
  else
    g_assert_null (gui_find_message_dialog ());
  /* Undo of a new block deletes it */
  g_assert_cmpint (gui_record_exists (f, SPOR_TYPE_BLOCK, id), ==, g_strcmp0 (answer, "cancel") == 0);

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  if (!gui_test_init (&argc, &argv))
    return 77;

  gui_test_add ("/conflict/participant", test_participant);
  gui_test_add ("/conflict/programme", test_programme);
  gui_test_add ("/conflict/block", test_block);
  gui_test_add ("/conflict/agreement", test_agreement);
  g_test_add ("/conflict/block-undo", GuiFixture, NULL, gui_fixture_set_up, test_block_undo,
              gui_fixture_tear_down);
  g_test_add ("/conflict/block-undo-cancel", GuiFixture, "cancel", gui_fixture_set_up, test_block_undo,
              gui_fixture_tear_down);
  g_test_add ("/conflict/block-undo-anyway", GuiFixture, "undo", gui_fixture_set_up, test_block_undo,
              gui_fixture_tear_down);

  return g_test_run ();
}
