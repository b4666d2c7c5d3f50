/* test-choices.c — the value lists of the drop-downs: every value one the record may hold,
 * a label for each, the none entry only when asked for, and selection by value
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "spor-entity.h"
#include "spor-programmes.h"

#include "spor-choice.h"
#include "spor-choice-lists.h"
#include "spor-participant-editor.h"
#include "spor-record-choices.h"

#include "gui-test-util.h"

typedef struct {
  const char  *name;
  GListModel *(*make) (void);
  const char  *entity;
  const char  *field;
  guint        n;
} List;

static GListModel *statuses (void) { return spor_choice_lists_participant_statuses (NULL); }
static GListModel *provisions (void) { return spor_choice_lists_provisions (NULL); }

static const List lists[] = {
  { "statuses", statuses, "participant", "status", 6 },
  { "provisions", provisions, "participant", "provision", 9 },
  { "meeting-kinds", spor_choice_lists_meeting_kinds, "meeting", "kind", 6 },
  { "roles", spor_choice_lists_roles, "block_staff", "role", 7 },
  { "goal-outcomes", spor_choice_lists_goal_outcomes, "programme_goal", "outcome", 7 },
  { "duration-units", spor_choice_lists_duration_units, "phase", "duration_unit", 3 },
  { "tracks", spor_choice_lists_tracks, "phase", "track", 2 },
  { "destinations", spor_choice_lists_destinations, "outcome", "destination", 7 },
  { "attendance", spor_choice_lists_attendance, "attendance", "status", 6 },
};

/* Each list holds every value of the field once and nothing else, each with a label; the
 * attendance list has "not registered" (NULL) besides. */
static void
test_values (gconstpointer data)
{
  const List *list = data;
  g_autoptr(GListModel) model = list->make ();
  const SporField *field = spor_entity_info_find_field (spor_entity_info_lookup (list->entity),
                                                        list->field);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  guint n_null = 0;

  g_assert_nonnull (field);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, list->n);
  g_assert_true (g_list_model_get_item_type (model) == SPOR_TYPE_CHOICE);
  for (guint i = 0; i < list->n; i++)
    {
      g_autoptr(SporChoice) choice = g_list_model_get_item (model, i);
      const char *value = spor_choice_get_value (choice);

      g_assert_cmpstr (spor_choice_get_label (choice), !=, "");
      if (value == NULL)
        {
          n_null++;
          continue;
        }
      g_assert_true (spor_value_list_contains (field->values, value));
      g_assert_true (g_hash_table_add (seen, (gpointer) value));
    }
  g_assert_cmpuint (g_hash_table_size (seen), ==, spor_value_list_get_n_values (field->values));
  g_assert_cmpuint (n_null, ==, g_str_equal (list->name, "attendance") ? 1 : 0);
}

/* The none entry comes first, with its label and no value. */
static void
test_none_entry (void)
{
  g_autoptr(GListModel) with = spor_choice_lists_participant_statuses ("All statuses");
  g_autoptr(GListModel) without = spor_choice_lists_participant_statuses (NULL);
  g_autoptr(SporChoice) first = g_list_model_get_item (with, 0);
  g_autoptr(SporChoice) second = g_list_model_get_item (with, 1);
  g_autoptr(SporChoice) other = g_list_model_get_item (without, 0);

  g_assert_cmpuint (g_list_model_get_n_items (with), ==, g_list_model_get_n_items (without) + 1);
  g_assert_null (spor_choice_get_value (first));
  g_assert_cmpstr (spor_choice_get_label (first), ==, "All statuses");
  g_assert_cmpstr (spor_choice_get_value (second), ==, spor_choice_get_value (other));
  g_assert_cmpstr (spor_choice_get_value (other), ==, "waiting");
  g_assert_cmpstr (spor_choice_get_label (other), ==, "Waiting list");
}

/* A drop-down and a combo row show the labels, select by value, read back the value; an
 * unknown value selects the first entry when the model goes in, and changes nothing
 * later. */
static void
test_select (void)
{
  g_autoptr(GListModel) units = spor_choice_lists_duration_units ();
  g_autoptr(GtkWidget) drop_down = g_object_ref_sink (gtk_drop_down_new (NULL, NULL));
  g_autoptr(GtkWidget) combo = g_object_ref_sink (adw_combo_row_new ());
  GtkWidget *widgets[] = { drop_down, combo };

  for (guint i = 0; i < G_N_ELEMENTS (widgets); i++)
    {
      GtkExpression *expression = NULL;
      g_auto(GValue) label = G_VALUE_INIT;
      g_autoptr(GObject) item = NULL;

      spor_choice_set_model (widgets[i], units, "months");
      g_assert_cmpstr (spor_choice_get_selected (widgets[i]), ==, "months");
      g_object_get (widgets[i], "expression", &expression, "selected-item", &item, NULL);
      g_assert_true (gtk_expression_evaluate (expression, item, &label));
      g_assert_cmpstr (g_value_get_string (&label), ==, "Months");
      gtk_expression_unref (expression);

      g_assert_false (spor_choice_select (widgets[i], "fortnights"));
      g_assert_cmpstr (spor_choice_get_selected (widgets[i]), ==, "months");
      g_assert_true (spor_choice_select (widgets[i], "weeks"));
      g_assert_cmpstr (spor_choice_get_selected (widgets[i]), ==, "weeks");

      /* the first of days, weeks, months */
      spor_choice_set_model (widgets[i], units, "fortnights");
      g_assert_cmpstr (spor_choice_get_selected (widgets[i]), ==, "days");
    }
}

/* A model of records: the none entry first (not stored, id 0, named as asked), then the
 * records as given; selection by id; an id not there changes nothing; the record selected
 * is written into a reference field, the none entry unsets it. */
static void
test_records (GuiFixture    *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SporProgramme) a = spor_programmes_create_blank (f->store, "Aspiranterne", &error);
  g_autoptr(SporProgramme) b = spor_programmes_create_blank (f->store, "Sy og design", &error);
  g_autoptr(GPtrArray) list = g_ptr_array_new ();
  g_autoptr(GListModel) records = NULL;
  g_autoptr(GtkWidget) drop_down = g_object_ref_sink (gtk_drop_down_new (NULL, NULL));
  g_autoptr(SporEntity) participant = spor_entity_new (SPOR_TYPE_PARTICIPANT);
  gint64 a_id = spor_entity_get_id (SPOR_ENTITY (a)), b_id = spor_entity_get_id (SPOR_ENTITY (b));

  g_assert_no_error (error);
  g_ptr_array_add (list, b);
  g_ptr_array_add (list, a);
  records = spor_record_choices_new (SPOR_TYPE_PROGRAMME, list, "None");
  g_assert_cmpuint (g_list_model_get_n_items (records), ==, 3);
  {
    g_autoptr(SporEntity) none = g_list_model_get_item (records, 0);
    g_autoptr(SporEntity) second = g_list_model_get_item (records, 1);

    g_assert_cmpint (spor_entity_get_id (none), ==, 0);
    g_assert_cmpstr (spor_entity_get_text (none, "name"), ==, "None");
    g_assert_true (second == SPOR_ENTITY (b));
  }

  spor_record_choices_set_model (drop_down, records, NULL, a_id);
  g_assert_cmpint (spor_record_choices_get_selected (drop_down), ==, a_id);
  g_assert_true (spor_record_choices_get_selected_record (drop_down) == SPOR_ENTITY (a));
  spor_record_choices_store_selected (drop_down, participant, "programme_id");
  g_assert_cmpint (spor_entity_get_int (participant, "programme_id"), ==, a_id);

  g_assert_false (spor_record_choices_select (drop_down, 424242));
  g_assert_cmpint (spor_record_choices_get_selected (drop_down), ==, a_id);
  g_assert_true (spor_record_choices_select (drop_down, 0));
  g_assert_null (spor_record_choices_get_selected_record (drop_down));
  g_assert_cmpint (spor_record_choices_get_selected (drop_down), ==, 0);
  spor_record_choices_store_selected (drop_down, participant, "programme_id");
  g_assert_false (spor_entity_is_set (participant, "programme_id"));

  /* an id that is not listed selects the first entry; without a none entry, a record */
  g_clear_object (&records);
  records = spor_record_choices_new (SPOR_TYPE_PROGRAMME, list, NULL);
  spor_record_choices_set_model (drop_down, records, NULL, 424242);
  g_assert_cmpint (spor_record_choices_get_selected (drop_down), ==, b_id);
}

/* The participant editor's programme, cohort and contact person are records: the cohorts
 * follow the programme chosen, what is chosen is saved, and shown when the form opens
 * again. */
static void
test_editor_records (GuiFixture    *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SporProgramme) a = spor_programmes_create_blank (f->store, "Aspiranterne", &error);
  g_autoptr(SporProgramme) b = spor_programmes_create_blank (f->store, "Sy og design", &error);
  g_autoptr(SporCohort) a1 = NULL, b1 = NULL;
  gint64 b_id = spor_entity_get_id (SPOR_ENTITY (b));
  GtkWidget *editor;
  GObject *programme_row, *cohort_row;
  gint64 id;

  g_assert_no_error (error);
  a1 = spor_programmes_create_cohort (f->store, spor_entity_get_id (SPOR_ENTITY (a)), "Hold A", "2026-09-01", -1, &error);
  b1 = spor_programmes_create_cohort (f->store, b_id, "Hold B", "2026-10-01", -1, &error);
  g_assert_no_error (error);

  editor = g_object_ref (spor_participant_editor_new (NULL, f->store, 0));
  programme_row = gtk_widget_get_template_child (editor, SPOR_TYPE_PARTICIPANT_EDITOR, "programme_row");
  cohort_row = gtk_widget_get_template_child (editor, SPOR_TYPE_PARTICIPANT_EDITOR, "cohort_row");
  gtk_editable_set_text (GTK_EDITABLE (gui_find_entry_row (editor, "Name")), "Åse Opdigtet");
  g_assert_cmpint (spor_record_choices_get_selected (programme_row), ==, 0);
  g_assert_true (spor_record_choices_select (programme_row, b_id));
  g_assert_false (spor_record_choices_select (cohort_row, spor_entity_get_id (SPOR_ENTITY (a1))));
  g_assert_true (spor_record_choices_select (cohort_row, spor_entity_get_id (SPOR_ENTITY (b1))));
  g_assert_true (spor_participant_editor_save (SPOR_PARTICIPANT_EDITOR (editor)));
  gtk_window_destroy (GTK_WINDOW (editor));
  g_clear_object (&editor);

  {
    g_autoptr(SporQuery) query = spor_query_new (SPOR_TYPE_PARTICIPANT);
    g_autoptr(GPtrArray) saved = spor_store_list (f->store, query, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (saved->len, ==, 1);
    id = spor_entity_get_id (g_ptr_array_index (saved, 0));
  }
  {
    g_autofree char *programme = gui_read_text (f, SPOR_TYPE_PARTICIPANT, id, "name");
    g_autoptr(SporEntity) stored = spor_store_get (f->store, SPOR_TYPE_PARTICIPANT, id, &error);

    g_assert_cmpstr (programme, ==, "Åse Opdigtet");
    g_assert_cmpint (spor_entity_get_int (stored, "programme_id"), ==, b_id);
    g_assert_cmpint (spor_entity_get_int (stored, "cohort_id"), ==, spor_entity_get_id (SPOR_ENTITY (b1)));
    g_assert_false (spor_entity_is_set (stored, "contact_person_id"));
  }
  editor = g_object_ref (spor_participant_editor_new (NULL, f->store, id));
  programme_row = gtk_widget_get_template_child (editor, SPOR_TYPE_PARTICIPANT_EDITOR, "programme_row");
  cohort_row = gtk_widget_get_template_child (editor, SPOR_TYPE_PARTICIPANT_EDITOR, "cohort_row");
  g_assert_cmpint (spor_record_choices_get_selected (programme_row), ==, b_id);
  g_assert_cmpint (spor_record_choices_get_selected (cohort_row), ==, spor_entity_get_id (SPOR_ENTITY (b1)));
  gtk_window_destroy (GTK_WINDOW (editor));
  g_clear_object (&editor);
}

int
main (int   argc,
      char *argv[])
{
  if (!gui_test_init (&argc, &argv))
    return 77;

  for (guint i = 0; i < G_N_ELEMENTS (lists); i++)
    {
      g_autofree char *path = g_strdup_printf ("/choices/values/%s", lists[i].name);

      g_test_add_data_func (path, &lists[i], test_values);
    }
  g_test_add_func ("/choices/none-entry", test_none_entry);
  g_test_add_func ("/choices/select", test_select);
  g_test_add ("/record-choices/model", GuiFixture, NULL, gui_fixture_set_up, test_records,
              gui_fixture_tear_down);
  g_test_add ("/record-choices/participant-editor", GuiFixture, NULL, gui_fixture_set_up,
              test_editor_records, gui_fixture_tear_down);
  return g_test_run ();
}
