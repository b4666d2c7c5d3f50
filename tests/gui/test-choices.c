/* test-choices.c — the value lists of the drop-downs: every value one the record may hold,
 * a label for each, the none entry only when asked for, and selection by value
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "spor-entity.h"

#include "spor-choice.h"
#include "spor-choice-lists.h"

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
      g_assert_true (g_strv_contains (field->values, value));
      g_assert_true (g_hash_table_add (seen, (gpointer) value));
    }
  g_assert_cmpuint (g_hash_table_size (seen), ==, g_strv_length ((char **) field->values));
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
      g_assert_true (spor_choice_select (widgets[i], "days"));
      g_assert_cmpstr (spor_choice_get_selected (widgets[i]), ==, "days");

      spor_choice_set_model (widgets[i], units, "fortnights");
      g_assert_cmpstr (spor_choice_get_selected (widgets[i]), ==, "weeks");
    }
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  for (guint i = 0; i < G_N_ELEMENTS (lists); i++)
    {
      g_autofree char *path = g_strdup_printf ("/choices/values/%s", lists[i].name);

      g_test_add_data_func (path, &lists[i], test_values);
    }
  g_test_add_func ("/choices/none-entry", test_none_entry);
  g_test_add_func ("/choices/select", test_select);
  return g_test_run ();
}
