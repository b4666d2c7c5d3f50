/* spor-programmes-editor.c — the Programmes view's editor: the programme, goals, cohorts
 *
 * The editor's forms are in the template (spor-programmes-view.blp); the rows of goals and
 * cohorts are SporGoalRow and SporCohortRow, their buttons the view's actions with the
 * record's id.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "spor-choice.h"
#include "spor-choice-lists.h"
#include "spor-cohort-row.h"
#include "spor-conflict.h"
#include "spor-enrol-dialog.h"
#include "spor-goal-row.h"
#include "spor-gui.h"
#include "spor-programmes.h"
#include "spor-programmes-view-private.h"
#include "spor-progress.h"
#include "spor-util.h"

/* A national programme has thousands of cohorts, and a row each would cost seconds: the
 * newest are listed, the older ones are reached through the Timeline's cohort picker. */
#define MAX_COHORT_ROWS 40

/* ---- small helpers ------------------------------------------------------------------- */

void
spor_programmes_editor_toast (SporProgrammesView *self,
                              const char         *text)
{
  spor_gui_show_toast (GTK_WIDGET (self), text);
}

void
spor_programmes_editor_report (SporProgrammesView *self,
                               const GError       *error)
{
  spor_programmes_editor_toast (self, error->message);
}

void
spor_programmes_editor_set_rows (AdwPreferencesGroup *group,
                                 GPtrArray           *rows,
                                 GPtrArray           *new_rows,
                                 GtkWidget           *last)
{
  g_autoptr(GtkWidget) kept = last != NULL ? g_object_ref (last) : NULL;

  for (guint i = 0; i < rows->len; i++)
    adw_preferences_group_remove (group, g_ptr_array_index (rows, i));
  g_ptr_array_set_size (rows, 0);
  if (kept != NULL)
    adw_preferences_group_remove (group, kept);
  for (guint i = 0; new_rows != NULL && i < new_rows->len; i++)
    {
      adw_preferences_group_add (group, g_ptr_array_index (new_rows, i));
      g_ptr_array_add (rows, g_ptr_array_index (new_rows, i));
    }
  if (kept != NULL)
    adw_preferences_group_add (group, kept);
}

static void
set_entry (AdwEntryRow *row,
           const char  *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
}

static void
set_optional_text (SporEntity  *entity,
                   const char  *field,
                   AdwEntryRow *row)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row));

  if (*text != '\0')
    spor_entity_set_text (entity, field, text);
  else
    spor_entity_unset (entity, field);
}

static void
set_optional_int (SporEntity *entity,
                  const char *field,
                  int         value)
{
  if (value > 0)
    spor_entity_set_int (entity, field, value);
  else
    spor_entity_unset (entity, field);
}

static void
set_optional_date (SporEntity *entity,
                   const char *field,
                   const char *value)
{
  if (value != NULL)
    spor_entity_set_text (entity, field, value);
  else
    spor_entity_unset (entity, field);
}

/* ---- fields the user touched --------------------------------------------------------- */

static void
touch (SporProgrammesView *self,
       SporProgrammesPart  part)
{
  if (!self->filling)
    self->touched[part] = TRUE;
}

static void
on_programme_changed (SporProgrammesView *self)
{
  touch (self, SPOR_PROGRAMMES_PART_PROGRAMME);
}

static void
on_goal_form_changed (SporProgrammesView *self)
{
  touch (self, SPOR_PROGRAMMES_PART_GOALS);
}

static void
on_new_cohort_changed (SporProgrammesView *self)
{
  touch (self, SPOR_PROGRAMMES_PART_NEW_COHORT);
}

/* ---- the programme ------------------------------------------------------------------- */

static void save_programme (SporProgrammesView *self);

static void
on_programme_conflict (SporConflictChoice  choice,
                       gpointer            data)
{
  SporProgrammesView *self = data;
  g_autoptr(GError) error = NULL;

  if (self->store == NULL || self->programme == NULL)
    return;
  if (choice == SPOR_CONFLICT_DISCARD)
    spor_programmes_editor_rebuild_part (self, SPOR_PROGRAMMES_PART_PROGRAMME);
  else if (choice == SPOR_CONFLICT_KEEP_MINE)
    {
      if (spor_conflict_take_stored (self->store, self->programme, &error))
        save_programme (self);
      else
        spor_programmes_editor_report (self, error);
    }
}

/* Checks the form; says what is wrong and returns FALSE, or gives the period's dates. */
static gboolean
check_programme (SporProgrammesView  *self,
                 char               **start,
                 char               **end)
{
  const char *start_text = gtk_editable_get_text (GTK_EDITABLE (self->period_start_row));
  const char *end_text = gtk_editable_get_text (GTK_EDITABLE (self->period_end_row));
  int min_age = gtk_spin_button_get_value_as_int (self->min_age_spin);
  int max_age = gtk_spin_button_get_value_as_int (self->max_age_spin);

  if (*start_text != '\0' && (*start = spor_gui_parse_date (start_text)) == NULL)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->period_start_row), "error");
      spor_programmes_editor_toast (self, _("The period's start is not a date."));
      return FALSE;
    }
  if (*end_text != '\0' && (*end = spor_gui_parse_date (end_text)) == NULL)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->period_end_row), "error");
      spor_programmes_editor_toast (self, _("The period's end is not a date."));
      return FALSE;
    }
  if (*start != NULL && *end != NULL && g_strcmp0 (*start, *end) > 0)
    {
      spor_programmes_editor_toast (self, _("The period ends before it starts."));
      return FALSE;
    }
  if (min_age > 0 && max_age > 0 && min_age > max_age)
    {
      spor_programmes_editor_toast (self, _("The lowest age is above the highest."));
      return FALSE;
    }
  gtk_widget_remove_css_class (GTK_WIDGET (self->period_start_row), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->period_end_row), "error");
  return TRUE;
}

/* Writes the form over the programme the editor read; a change elsewhere since then is
 * not written over without asking. */
static void
save_programme (SporProgrammesView *self)
{
  g_autoptr(GError) error = NULL;
  SporEntity *programme = self->programme;
  g_autofree char *start = NULL, *end = NULL;

  /* check everything before anything is written */
  if (!check_programme (self, &start, &end))
    return;
  spor_entity_set_text (programme, "name", gtk_editable_get_text (GTK_EDITABLE (self->name_row)));
  set_optional_text (programme, "organisations", self->organisations_row);
  set_optional_text (programme, "description", self->description_row);
  set_optional_text (programme, "visitation_rules", self->visitation_row);
  set_optional_int (programme, "min_age", gtk_spin_button_get_value_as_int (self->min_age_spin));
  set_optional_int (programme, "max_age", gtk_spin_button_get_value_as_int (self->max_age_spin));
  set_optional_date (programme, "period_start", start);
  set_optional_date (programme, "period_end", end);
  set_optional_int (programme, "capacity", gtk_spin_button_get_value_as_int (self->capacity_spin));
  spor_entity_set_bool (programme, "not_self_supporting",
                        gtk_switch_get_active (self->not_self_supporting_switch));

  if (!spor_store_update (self->store, programme, &error))
    {
      g_autofree char *name = NULL;

      if (!spor_conflict_matches (error))
        return spor_programmes_editor_report (self, error);
      g_clear_error (&error);
      if ((name = spor_conflict_stored_text (self->store, programme, "name", &error)) == NULL)
        return spor_programmes_editor_report (self, error);
      spor_conflict_ask (GTK_WIDGET (self), name, on_programme_conflict, g_object_ref (self), g_object_unref);
      return;
    }
  /* the store's notification fills the part again from what was saved */
  self->touched[SPOR_PROGRAMMES_PART_PROGRAMME] = FALSE;
  spor_programmes_editor_toast (self, _("Programme saved"));
}

static void
on_save_programme_clicked (SporProgrammesView *self)
{
  if (self->programme != NULL)
    save_programme (self);
}

/* Reads the programme and puts it into the form; FALSE (and said) when it cannot be read. */
static gboolean
fill_programme (SporProgrammesView *self)
{
  g_autoptr(GError) error = NULL;
  SporEntity *programme;
  g_autofree char *start = NULL, *end = NULL;

  g_clear_object (&self->programme);
  self->programme = spor_store_get (self->store, SPOR_TYPE_PROGRAMME, self->programme_id, &error);
  if (self->programme == NULL)
    {
      spor_programmes_editor_report (self, error);
      return FALSE;
    }
  programme = self->programme;
  start = spor_gui_format_date (spor_entity_get_text (programme, "period_start"));
  end = spor_gui_format_date (spor_entity_get_text (programme, "period_end"));
  set_entry (self->name_row, spor_entity_get_text (programme, "name"));
  set_entry (self->organisations_row, spor_entity_get_text (programme, "organisations"));
  set_entry (self->description_row, spor_entity_get_text (programme, "description"));
  set_entry (self->visitation_row, spor_entity_get_text (programme, "visitation_rules"));
  set_entry (self->period_start_row, start);
  set_entry (self->period_end_row, end);
  gtk_spin_button_set_value (self->min_age_spin, (double) spor_entity_get_int (programme, "min_age"));
  gtk_spin_button_set_value (self->max_age_spin, (double) spor_entity_get_int (programme, "max_age"));
  gtk_spin_button_set_value (self->capacity_spin, (double) spor_entity_get_int (programme, "capacity"));
  gtk_switch_set_active (self->not_self_supporting_switch,
                         spor_entity_get_bool (programme, "not_self_supporting"));
  gtk_widget_remove_css_class (GTK_WIDGET (self->period_start_row), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->period_end_row), "error");
  return TRUE;
}

/* ---- goals --------------------------------------------------------------------------- */

static void
remove_goal_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  SporProgrammesView *self = SPOR_PROGRAMMES_VIEW (widget);
  g_autoptr(GError) error = NULL;

  /* the goals are filled again from the store; a goal half typed below goes with it */
  self->touched[SPOR_PROGRAMMES_PART_GOALS] = FALSE;
  if (!spor_programmes_remove_goal (self->store, g_variant_get_int64 (parameter), &error))
    spor_programmes_editor_report (self, error);
}

static void
on_add_goal_clicked (SporProgrammesView *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SporProgrammeGoal) goal = NULL;
  int min = gtk_spin_button_get_value_as_int (self->goal_min_spin);
  int max = gtk_spin_button_get_value_as_int (self->goal_max_spin);
  int of = gtk_spin_button_get_value_as_int (self->goal_of_spin);

  goal = spor_programmes_add_goal (self->store, self->programme_id,
                                   spor_choice_get_selected (self->goal_outcome_drop_down),
                                   gtk_editable_get_text (GTK_EDITABLE (self->goal_label_row)),
                                   min, max > 0 ? max : min, of > 0 ? of : -1, &error);
  if (goal == NULL)
    return spor_programmes_editor_report (self, error);
  self->touched[SPOR_PROGRAMMES_PART_GOALS] = FALSE;
}

static void
clear_goal_form (SporProgrammesView *self)
{
  set_entry (self->goal_label_row, NULL);
  spor_choice_select (self->goal_outcome_drop_down, "employment");
  gtk_spin_button_set_value (self->goal_min_spin, 0);
  gtk_spin_button_set_value (self->goal_max_spin, 0);
  gtk_spin_button_set_value (self->goal_of_spin, 0);
  adw_expander_row_set_expanded (self->add_goal_row, FALSE);
}

static void
fill_goals (SporProgrammesView *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) goals = spor_programmes_list_goals (self->store, self->programme_id, &error);
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();

  if (goals == NULL)
    spor_programmes_editor_report (self, error);
  for (guint i = 0; goals != NULL && i < goals->len; i++)
    g_ptr_array_add (rows, spor_goal_row_new (g_ptr_array_index (goals, i)));
  spor_programmes_editor_set_rows (self->goals_group, self->goal_rows, rows,
                                   GTK_WIDGET (self->add_goal_row));
  clear_goal_form (self);
}

/* ---- cohorts ------------------------------------------------------------------------- */

static void
on_start_cohort_clicked (SporProgrammesView *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SporCohort) cohort = NULL;
  g_autofree char *date = spor_gui_parse_date (gtk_editable_get_text (GTK_EDITABLE (self->cohort_start_row)));
  int capacity = gtk_spin_button_get_value_as_int (self->cohort_capacity_spin);

  if (date == NULL)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->cohort_start_row), "error");
      return spor_programmes_editor_toast (self, _("The start date is not a date."));
    }
  cohort = spor_programmes_create_cohort (self->store, self->programme_id,
                                          gtk_editable_get_text (GTK_EDITABLE (self->cohort_name_row)),
                                          date, capacity > 0 ? capacity : -1, &error);
  if (cohort == NULL)
    return spor_programmes_editor_report (self, error);
  spor_programmes_editor_toast (self, _("Cohort started"));
  /* the cohort's row comes with the store's notification; the form is emptied now */
  spor_programmes_editor_rebuild_part (self, SPOR_PROGRAMMES_PART_NEW_COHORT);
}

static void
clear_new_cohort (SporProgrammesView *self)
{
  g_autofree char *today = spor_date_today ();
  /* Translators: %s is today's date as an example of how to type a date */
  g_autofree char *hint = g_strdup_printf (_("Start a cohort: a name, a start date (for example %s) and a capacity"), today);

  adw_preferences_group_set_description (self->new_cohort_group, hint);
  set_entry (self->cohort_name_row, NULL);
  set_entry (self->cohort_start_row, NULL);
  gtk_spin_button_set_value (self->cohort_capacity_spin, 0);
  gtk_widget_remove_css_class (GTK_WIDGET (self->cohort_start_row), "error");
}

static void
on_enrol (SporEnrolDialog    *dialog,
          gint64              participant_id,
          SporProgrammesView *self)
{
  g_autoptr(GError) error = NULL;
  gint64 cohort_id = spor_enrol_dialog_get_cohort_id (dialog);
  g_autoptr(SporEntity) cohort = NULL;
  gint64 enrolled;

  if (!spor_progress_enrol (self->store, participant_id, cohort_id, &error))
    return spor_programmes_editor_report (self, error);
  gtk_window_close (GTK_WINDOW (dialog));
  /* enrolled; whether above the capacity is told when it can be read */
  if ((cohort = spor_store_get (self->store, SPOR_TYPE_COHORT, cohort_id, &error)) == NULL ||
      (enrolled = spor_programmes_count_enrolled (self->store, cohort_id, &error)) < 0)
    return spor_programmes_editor_report (self, error);
  if (spor_entity_is_set (cohort, "capacity") && enrolled > spor_entity_get_int (cohort, "capacity"))
    spor_programmes_editor_toast (self, _("Participant enrolled; the cohort is now over its capacity"));
  else
    spor_programmes_editor_toast (self, _("Participant enrolled"));
}

static void
enrol_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  SporProgrammesView *self = SPOR_PROGRAMMES_VIEW (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  SporEnrolDialog *dialog = spor_enrol_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                   self->store, self->programme_id,
                                                   g_variant_get_int64 (parameter));

  g_signal_connect_object (dialog, "enrol", G_CALLBACK (on_enrol), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
replan_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  SporProgrammesView *self = SPOR_PROGRAMMES_VIEW (widget);
  g_autoptr(GError) error = NULL;
  gint64 n = spor_progress_replan_cohort (self->store, g_variant_get_int64 (parameter), &error);
  g_autofree char *text = NULL;

  if (n < 0)
    return spor_programmes_editor_report (self, error);
  text = g_strdup_printf (ngettext ("Phases planned again for %ld participant",
                                    "Phases planned again for %ld participants",
                                    (gulong) n), (long) n);
  spor_programmes_editor_toast (self, text);
}

static void
fill_cohorts (SporProgrammesView *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) cohorts = spor_programmes_list_cohorts (self->store, self->programme_id, &error);
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  guint n = cohorts != NULL ? cohorts->len : 0;

  if (cohorts == NULL)
    spor_programmes_editor_report (self, error);
  /* newest first */
  for (guint i = 0; i < MIN (n, MAX_COHORT_ROWS); i++)
    {
      SporEntity *cohort = g_ptr_array_index (cohorts, i);
      gint64 enrolled = spor_programmes_count_enrolled (self->store, spor_entity_get_id (cohort), &error);

      if (enrolled < 0)
        {
          /* the count is shown as unknown, once said why */
          spor_programmes_editor_report (self, error);
          g_clear_error (&error);
        }
      g_ptr_array_add (rows, spor_cohort_row_new (cohort, enrolled));
    }
  spor_programmes_editor_set_rows (self->cohorts_group, self->cohort_rows, rows,
                                   GTK_WIDGET (self->older_cohorts_row));
  gtk_widget_set_visible (GTK_WIDGET (self->older_cohorts_row), n > MAX_COHORT_ROWS);
  if (n > MAX_COHORT_ROWS)
    {
      guint n_more = n - MAX_COHORT_ROWS;
      g_autofree char *more = g_strdup_printf (ngettext ("%u more, on the Timeline", "%u more, on the Timeline",
                                                         n_more),
                                               n_more);

      adw_action_row_set_subtitle (self->older_cohorts_row, more);
    }
}

/* ---- the editor ---------------------------------------------------------------------- */

void
spor_programmes_editor_rebuild_part (SporProgrammesView *self,
                                     SporProgrammesPart  part)
{
  self->touched[part] = FALSE;
  self->filling = TRUE;
  switch (part)
    {
    case SPOR_PROGRAMMES_PART_PROGRAMME:
      fill_programme (self);
      break;
    case SPOR_PROGRAMMES_PART_PHASES:
      spor_programmes_phases_fill (self);
      break;
    case SPOR_PROGRAMMES_PART_GOALS:
      fill_goals (self);
      break;
    case SPOR_PROGRAMMES_PART_COHORTS:
      fill_cohorts (self);
      break;
    case SPOR_PROGRAMMES_PART_NEW_COHORT:
      clear_new_cohort (self);
      break;
    case SPOR_PROGRAMMES_N_PARTS:
    default:
      g_assert_not_reached ();
    }
  self->filling = FALSE;
}

void
spor_programmes_editor_refresh (SporProgrammesView *self)
{
  if (self->shown_id <= 0)
    return;
  for (guint part = 0; part < SPOR_PROGRAMMES_N_PARTS; part++)
    /* the new cohort's form holds nothing from the store */
    if (!self->touched[part] && part != SPOR_PROGRAMMES_PART_NEW_COHORT)
      spor_programmes_editor_rebuild_part (self, part);
}

void
spor_programmes_editor_show (SporProgrammesView *self,
                             gint64              programme_id)
{
  g_clear_object (&self->programme);
  self->programme_id = programme_id;
  self->shown_id = programme_id;
  if (self->store == NULL || programme_id <= 0)
    {
      gtk_stack_set_visible_child_name (self->content_stack, "empty");
      return;
    }
  spor_programmes_editor_rebuild_part (self, SPOR_PROGRAMMES_PART_PROGRAMME);
  if (self->programme == NULL)
    {
      gtk_stack_set_visible_child_name (self->content_stack, "empty");
      return;
    }
  for (guint part = SPOR_PROGRAMMES_PART_PHASES; part < SPOR_PROGRAMMES_N_PARTS; part++)
    spor_programmes_editor_rebuild_part (self, part);
  gtk_stack_set_visible_child_name (self->content_stack, "editor");
}

void
spor_programmes_editor_class_init (GtkWidgetClass *widget_class)
{
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, SporProgrammesView, name)
  BIND (name_row);
  BIND (organisations_row);
  BIND (description_row);
  BIND (min_age_spin);
  BIND (max_age_spin);
  BIND (period_start_row);
  BIND (period_end_row);
  BIND (capacity_spin);
  BIND (visitation_row);
  BIND (not_self_supporting_switch);
  BIND (goals_group);
  BIND (add_goal_row);
  BIND (goal_label_row);
  BIND (goal_outcome_drop_down);
  BIND (goal_min_spin);
  BIND (goal_max_spin);
  BIND (goal_of_spin);
  BIND (cohorts_group);
  BIND (older_cohorts_row);
  BIND (new_cohort_group);
  BIND (cohort_name_row);
  BIND (cohort_start_row);
  BIND (cohort_capacity_spin);
#undef BIND
  gtk_widget_class_bind_template_callback (widget_class, on_programme_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_save_programme_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_goal_form_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_add_goal_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_new_cohort_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_start_cohort_clicked);

  gtk_widget_class_install_action (widget_class, "programmes.remove-goal", "x", remove_goal_action);
  gtk_widget_class_install_action (widget_class, "programmes.enrol", "x", enrol_action);
  gtk_widget_class_install_action (widget_class, "programmes.replan", "x", replan_action);
}

void
spor_programmes_editor_init (SporProgrammesView *self)
{
  g_autoptr(GListModel) outcomes = spor_choice_lists_goal_outcomes ();

  self->goal_rows = g_ptr_array_new ();
  self->cohort_rows = g_ptr_array_new ();
  self->filling = TRUE;
  spor_choice_set_model (self->goal_outcome_drop_down, outcomes, "employment");
  self->filling = FALSE;
}
