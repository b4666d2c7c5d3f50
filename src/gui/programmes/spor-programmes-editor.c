/* spor-programmes-editor.c — the Programmes view's editor: the programme, goals, cohorts
 *
 * The editor is a column of parts (see spor-programmes-view-private.h), each in a box of its
 * own and built from the store on its own.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "spor-choice.h"
#include "spor-choice-lists.h"
#include "spor-conflict.h"
#include "spor-gui.h"
#include "spor-programmes.h"
#include "spor-programmes-view-private.h"
#include "spor-progress.h"
#include "spor-util.h"

/* ---- small helpers ------------------------------------------------------------------- */

void
spor_programmes_view_toast (SporProgrammesView *self,
                            const char         *text)
{
  spor_gui_show_toast (GTK_WIDGET (self), text);
}

static void
report (SporProgrammesView *self,
        const GError       *error)
{
  spor_programmes_view_toast (self, error->message);
}

GtkSpinButton *
spor_programmes_spin_new (double max)
{
  GtkWidget *spin = gtk_spin_button_new_with_range (0, max, 1);

  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  gtk_spin_button_set_numeric (GTK_SPIN_BUTTON (spin), TRUE);
  return GTK_SPIN_BUTTON (spin);
}

GtkWidget *
spor_programmes_row_with (const char *title,
                          const char *subtitle,
                          GtkWidget  *suffix)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  if (suffix != NULL)
    {
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), suffix);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), suffix);
      gtk_accessible_update_property (GTK_ACCESSIBLE (suffix), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
    }
  return row;
}

GtkWidget *
spor_programmes_entry_row (const char *title,
                           const char *text)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
  return row;
}

GtkWidget *
spor_programmes_icon_button (const char *icon,
                             const char *tooltip)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_widget_add_css_class (button, "flat");
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
  return button;
}

GtkWidget *
spor_programmes_text_button (const char *label,
                             gboolean    suggested)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  if (suggested)
    gtk_widget_add_css_class (button, "suggested-action");
  return button;
}

GtkWidget *
spor_programmes_combo (GListModel *choices,
                       const char *value)
{
  GtkWidget *dropdown = gtk_drop_down_new (NULL, NULL);

  spor_choice_set_model (dropdown, choices, value);
  gtk_widget_set_valign (dropdown, GTK_ALIGN_CENTER);
  return dropdown;
}

GtkWidget *
spor_programmes_group_new (const char *title,
                           const char *description)
{
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  if (description != NULL)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description);
  return group;
}

/* ---- fields the user touched --------------------------------------------------------- */

#define FIELD_PART "spor-part"
#define FIELD_PHASE "spor-phase"

static void
mark_touched (GObject            *field,
              SporProgrammesView *self)
{
  int part = GPOINTER_TO_INT (g_object_get_data (field, FIELD_PART)) - 1;
  gint64 phase_id = (gint64) GPOINTER_TO_INT (g_object_get_data (field, FIELD_PHASE));

  if (self->filling || part < 0 || part >= SPOR_PROGRAMMES_N_PARTS)
    return;
  self->touched[part] = TRUE;
  if (phase_id > 0)
    g_hash_table_add (self->touched_phases, g_memdup2 (&phase_id, sizeof phase_id));
}

static void
on_field_notify (GObject            *field,
                 GParamSpec         *pspec,
                 SporProgrammesView *self)
{
  mark_touched (field, self);
}

void
spor_programmes_view_watch_fields (SporProgrammesView *self,
                                   GtkWidget          *widget,
                                   SporProgrammesPart  part,
                                   gint64              phase_id)
{
  const char *signal = GTK_IS_EDITABLE (widget) ? "changed"
                     : GTK_IS_DROP_DOWN (widget) ? "notify::selected"
                     : GTK_IS_SWITCH (widget) ? "notify::active" : NULL;

  if (signal != NULL)
    {
      g_object_set_data (G_OBJECT (widget), FIELD_PART, GINT_TO_POINTER ((int) part + 1));
      g_object_set_data (G_OBJECT (widget), FIELD_PHASE, GINT_TO_POINTER ((int) phase_id));
      if (GTK_IS_EDITABLE (widget))
        g_signal_connect (widget, signal, G_CALLBACK (mark_touched), self);
      else
        g_signal_connect (widget, signal, G_CALLBACK (on_field_notify), self);
      return;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    spor_programmes_view_watch_fields (self, child, part, phase_id);
}

/* ---- editing the programme ----------------------------------------------------------- */

#define SET_OPTIONAL_TEXT(entity, field, row) G_STMT_START { \
    const char *t_ = gtk_editable_get_text (GTK_EDITABLE (row)); \
    if (*t_ != '\0') spor_entity_set_text (entity, field, t_); \
    else spor_entity_unset (entity, field); \
  } G_STMT_END

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
    spor_programmes_view_rebuild_part (self, SPOR_PROGRAMMES_PART_PROGRAMME);
  else if (choice == SPOR_CONFLICT_KEEP_MINE)
    {
      if (spor_conflict_take_stored (self->store, self->programme, &error))
        save_programme (self);
      else
        report (self, error);
    }
}

/* Writes the form over the programme the editor read; a change elsewhere since then is
 * not written over without asking. */
static void
save_programme (SporProgrammesView *self)
{
  g_autoptr(GError) error = NULL;
  SporEntity *programme = self->programme;
  g_autofree char *start = NULL, *end = NULL;
  const char *start_text = gtk_editable_get_text (GTK_EDITABLE (self->period_start_row));
  const char *end_text = gtk_editable_get_text (GTK_EDITABLE (self->period_end_row));
  int min_age = gtk_spin_button_get_value_as_int (self->min_age_spin);
  int max_age = gtk_spin_button_get_value_as_int (self->max_age_spin);

  /* check everything before anything is written */
  if (*start_text != '\0' && (start = spor_gui_parse_date (start_text)) == NULL)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->period_start_row), "error");
      return spor_programmes_view_toast (self, _("The period's start is not a date."));
    }
  if (*end_text != '\0' && (end = spor_gui_parse_date (end_text)) == NULL)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->period_end_row), "error");
      return spor_programmes_view_toast (self, _("The period's end is not a date."));
    }
  if (start != NULL && end != NULL && g_strcmp0 (start, end) > 0)
    return spor_programmes_view_toast (self, _("The period ends before it starts."));
  if (min_age > 0 && max_age > 0 && min_age > max_age)
    return spor_programmes_view_toast (self, _("The lowest age is above the highest."));
  gtk_widget_remove_css_class (GTK_WIDGET (self->period_start_row), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->period_end_row), "error");

  spor_entity_set_text (programme, "name", gtk_editable_get_text (GTK_EDITABLE (self->name_row)));
  SET_OPTIONAL_TEXT (programme, "organisations", self->organisations_row);
  SET_OPTIONAL_TEXT (programme, "description", self->description_row);
  SET_OPTIONAL_TEXT (programme, "visitation_rules", self->visitation_row);
  set_optional_int (programme, "min_age", min_age);
  set_optional_int (programme, "max_age", max_age);
  set_optional_date (programme, "period_start", start);
  set_optional_date (programme, "period_end", end);
  set_optional_int (programme, "capacity", gtk_spin_button_get_value_as_int (self->capacity_spin));
  spor_entity_set_bool (programme, "not_self_supporting",
                        gtk_switch_get_active (self->not_self_supporting_switch));

  if (!spor_store_update (self->store, programme, &error))
    {
      g_autofree char *name = NULL;

      if (!spor_conflict_matches (error))
        return report (self, error);
      name = spor_conflict_stored_text (self->store, programme, "name");
      spor_conflict_ask (GTK_WIDGET (self), name, on_programme_conflict, g_object_ref (self), g_object_unref);
      return;
    }
  /* the store's notification builds the part again from what was saved */
  self->touched[SPOR_PROGRAMMES_PART_PROGRAMME] = FALSE;
  spor_programmes_view_toast (self, _("Programme saved"));
}

static void
on_save_programme_clicked (GtkWidget          *button,
                           SporProgrammesView *self)
{
  if (self->programme != NULL)
    save_programme (self);
}

static GtkWidget *
build_programme_group (SporProgrammesView *self)
{
  g_autoptr(GError) error = NULL;
  SporEntity *programme;
  GtkWidget *group, *save, *row;
  g_autofree char *start = NULL, *end = NULL;

  g_clear_object (&self->programme);
  self->programme = spor_store_get (self->store, SPOR_TYPE_PROGRAMME, self->programme_id, &error);
  if (self->programme == NULL)
    {
      report (self, error);
      return NULL;
    }
  programme = self->programme;
  group = spor_programmes_group_new (_("Programme"), NULL);
  save = spor_programmes_text_button (_("_Save"), TRUE);
  start = spor_gui_format_date (spor_entity_get_text (programme, "period_start"));
  end = spor_gui_format_date (spor_entity_get_text (programme, "period_end"));
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (group), save);
  g_signal_connect (save, "clicked", G_CALLBACK (on_save_programme_clicked), self);

  self->name_row = ADW_ENTRY_ROW (spor_programmes_entry_row (_("Name"), spor_entity_get_text (programme, "name")));
  self->organisations_row = ADW_ENTRY_ROW (spor_programmes_entry_row (_("Organisations"), spor_entity_get_text (programme, "organisations")));
  self->description_row = ADW_ENTRY_ROW (spor_programmes_entry_row (_("Description"), spor_entity_get_text (programme, "description")));
  self->visitation_row = ADW_ENTRY_ROW (spor_programmes_entry_row (_("Visitation Rules"), spor_entity_get_text (programme, "visitation_rules")));
  self->period_start_row = ADW_ENTRY_ROW (spor_programmes_entry_row (_("Period Start"), start));
  self->period_end_row = ADW_ENTRY_ROW (spor_programmes_entry_row (_("Period End"), end));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->name_row));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->organisations_row));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->description_row));

  self->min_age_spin = spor_programmes_spin_new (120);
  self->max_age_spin = spor_programmes_spin_new (120);
  gtk_spin_button_set_value (self->min_age_spin, (double) spor_entity_get_int (programme, "min_age"));
  gtk_spin_button_set_value (self->max_age_spin, (double) spor_entity_get_int (programme, "max_age"));
  row = spor_programmes_row_with (_("Target Age"), _("From and to, in years; 0 for no limit"), GTK_WIDGET (self->max_age_spin));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), GTK_WIDGET (self->min_age_spin));
  /* the suffixes were added max first; put "from" before "to" */
  gtk_widget_insert_before (GTK_WIDGET (self->min_age_spin), gtk_widget_get_parent (GTK_WIDGET (self->max_age_spin)),
                            GTK_WIDGET (self->max_age_spin));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->min_age_spin), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Lowest Age"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->max_age_spin), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Highest Age"), -1);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);

  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->period_start_row));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->period_end_row));

  self->capacity_spin = spor_programmes_spin_new (100000);
  gtk_spin_button_set_value (self->capacity_spin, (double) spor_entity_get_int (programme, "capacity"));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                             spor_programmes_row_with (_("Capacity"), _("Participants at a time"), GTK_WIDGET (self->capacity_spin)));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->visitation_row));
  self->not_self_supporting_switch = GTK_SWITCH (gtk_switch_new ());
  gtk_widget_set_valign (GTK_WIDGET (self->not_self_supporting_switch), GTK_ALIGN_CENTER);
  gtk_switch_set_active (self->not_self_supporting_switch,
                         spor_entity_get_bool (programme, "not_self_supporting"));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                             spor_programmes_row_with (_("Only Participants Who Are Not Self-Supporting"), NULL,
                                       GTK_WIDGET (self->not_self_supporting_switch)));
  return group;
}

/* ---- goals --------------------------------------------------------------------------- */

static void
remove_goal (GtkWidget          *button,
             SporProgrammesView *self)
{
  g_autoptr(GError) error = NULL;

  /* the goals are built again from the store; a goal half typed below goes with it */
  self->touched[SPOR_PROGRAMMES_PART_GOALS] = FALSE;
  if (!spor_programmes_remove_goal (self->store, SPOR_GET_ID (button), &error))
    report (self, error);
}

static void
add_goal (GtkWidget          *button,
          SporProgrammesView *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SporProgrammeGoal) goal = NULL;
  GtkEditable *label = g_object_get_data (G_OBJECT (button), "label");
  GtkDropDown *outcome = g_object_get_data (G_OBJECT (button), "outcome");
  GtkSpinButton *min = g_object_get_data (G_OBJECT (button), "min");
  GtkSpinButton *max = g_object_get_data (G_OBJECT (button), "max");
  GtkSpinButton *of = g_object_get_data (G_OBJECT (button), "of");
  int vmin = gtk_spin_button_get_value_as_int (min), vmax = gtk_spin_button_get_value_as_int (max);
  int vof = gtk_spin_button_get_value_as_int (of);

  goal = spor_programmes_add_goal (self->store, self->programme_id,
                                   spor_choice_get_selected (outcome),
                                   gtk_editable_get_text (label),
                                   vmin, vmax > 0 ? vmax : vmin, vof > 0 ? vof : -1, &error);
  if (goal == NULL)
    return report (self, error);
  self->touched[SPOR_PROGRAMMES_PART_GOALS] = FALSE;
}

static GtkWidget *
build_goals_group (SporProgrammesView *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) goals = spor_programmes_list_goals (self->store, self->programme_id, &error);
  GtkWidget *group = spor_programmes_group_new (_("Goals"), _("What the programme aims for, for example into employment: 2–3 of 10"));
  GtkWidget *expander, *label, *outcome, *add, *row;
  GtkSpinButton *min, *max, *of;
  g_autoptr(GListModel) outcomes = spor_choice_lists_goal_outcomes ();

  for (guint i = 0; goals != NULL && i < goals->len; i++)
    {
      SporProgrammeGoal *goal = g_ptr_array_index (goals, i);
      g_autofree char *target = spor_programme_goal_format_target (goal);
      GtkWidget *remove = spor_programmes_icon_button ("user-trash-symbolic", _("Remove Goal"));

      SPOR_SET_ID (remove, spor_entity_get_id (SPOR_ENTITY (goal)));
      g_signal_connect (remove, "clicked", G_CALLBACK (remove_goal), self);
      row = spor_programmes_row_with (spor_entity_get_text (SPOR_ENTITY (goal), "label"), target, NULL);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }

  expander = adw_expander_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander), _("Add a Goal"));
  label = spor_programmes_entry_row (_("Goal"), NULL);
  outcome = spor_programmes_combo (outcomes, "employment");
  min = spor_programmes_spin_new (100000);
  max = spor_programmes_spin_new (100000);
  of = spor_programmes_spin_new (100000);
  add = spor_programmes_text_button (_("_Add Goal"), FALSE);
  g_object_set_data (G_OBJECT (add), "label", label);
  g_object_set_data (G_OBJECT (add), "outcome", outcome);
  g_object_set_data (G_OBJECT (add), "min", min);
  g_object_set_data (G_OBJECT (add), "max", max);
  g_object_set_data (G_OBJECT (add), "of", of);
  g_signal_connect (add, "clicked", G_CALLBACK (add_goal), self);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), label);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), spor_programmes_row_with (_("Outcome"), NULL, outcome));
  adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), spor_programmes_row_with (_("At Least"), NULL, GTK_WIDGET (min)));
  adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), spor_programmes_row_with (_("At Most"), NULL, GTK_WIDGET (max)));
  adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), spor_programmes_row_with (_("Of Participants"), NULL, GTK_WIDGET (of)));
  row = adw_action_row_new ();
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), add);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), row);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), expander);
  return group;
}

/* ---- cohorts ------------------------------------------------------------------------- */

static void
create_cohort (GtkWidget          *button,
               SporProgrammesView *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SporCohort) cohort = NULL;
  GtkEditable *name = g_object_get_data (G_OBJECT (button), "name");
  GtkEditable *start = g_object_get_data (G_OBJECT (button), "start");
  GtkSpinButton *capacity = g_object_get_data (G_OBJECT (button), "capacity");
  g_autofree char *date = spor_gui_parse_date (gtk_editable_get_text (start));

  if (date == NULL)
    {
      gtk_widget_add_css_class (GTK_WIDGET (start), "error");
      return spor_programmes_view_toast (self, _("The start date is not a date."));
    }
  cohort = spor_programmes_create_cohort (self->store, self->programme_id,
                                          gtk_editable_get_text (name), date,
                                          gtk_spin_button_get_value_as_int (capacity) > 0
                                          ? gtk_spin_button_get_value_as_int (capacity) : -1,
                                          &error);
  if (cohort == NULL)
    return report (self, error);
  spor_programmes_view_toast (self, _("Cohort started"));
  /* the cohort's row comes with the store's notification; the form is emptied now */
  spor_programmes_view_rebuild_part (self, SPOR_PROGRAMMES_PART_NEW_COHORT);
}

typedef struct {
  SporProgrammesView *self;
  gint64              cohort_id;
  GtkListBox         *list;
  GtkWidget          *dialog;
} EnrolData;

static void
enrol_candidate (GtkWidget *button,
                 EnrolData *data)
{
  g_autoptr(GError) error = NULL;
  SporProgrammesView *self = data->self;
  GtkWidget *dialog = data->dialog;

  g_autoptr(SporEntity) cohort = spor_store_get (self->store, SPOR_TYPE_COHORT, data->cohort_id, NULL);

  if (!spor_progress_enrol (self->store, SPOR_GET_ID (button), data->cohort_id, &error))
    return report (self, error);
  if (cohort != NULL && spor_entity_is_set (cohort, "capacity") &&
      spor_programmes_count_enrolled (self->store, data->cohort_id, NULL) >
      spor_entity_get_int (cohort, "capacity"))
    spor_programmes_view_toast (self, _("Participant enrolled; the cohort is now over its capacity"));
  else
    spor_programmes_view_toast (self, _("Participant enrolled"));
  /* closing answers with the close response, which frees @data */
  gtk_window_close (GTK_WINDOW (dialog));
}

static void
fill_candidates (GtkSearchEntry *entry,
                 EnrolData      *data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) candidates = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (data->list))) != NULL)
    gtk_list_box_remove (data->list, child);
  candidates = spor_programmes_find_candidates (data->self->store, data->self->programme_id,
                                                gtk_editable_get_text (GTK_EDITABLE (entry)), 30, &error);
  if (candidates == NULL)
    return report (data->self, error);
  for (guint i = 0; i < candidates->len; i++)
    {
      SporCandidate *c = g_ptr_array_index (candidates, i);
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), c->name);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                   g_strcmp0 (c->status, "waiting") == 0 ? _("Waiting list")
                                   : g_strcmp0 (c->status, "intake") == 0 ? _("Intake") : _("Active"));
      {
        GtkWidget *enrol = spor_programmes_text_button (_("_Enrol"), FALSE);
        g_autofree char *label = g_strdup_printf (_("Enrol %s"), c->name);

        gtk_accessible_update_property (GTK_ACCESSIBLE (enrol), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
        SPOR_SET_ID (enrol, c->id);
        g_signal_connect (enrol, "clicked", G_CALLBACK (enrol_candidate), data);
        adw_action_row_add_suffix (ADW_ACTION_ROW (row), enrol);
      }
      gtk_list_box_append (data->list, row);
    }
  if (candidates->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No participants found"));
      gtk_list_box_append (data->list, row);
    }
}

static void
enrol_response (AdwMessageDialog *dialog,
                const char       *response,
                EnrolData        *data)
{
  g_object_unref (data->self);
  g_free (data);
}

static void
enrol_clicked (GtkWidget          *button,
               SporProgrammesView *self)
{
  EnrolData *data = g_new0 (EnrolData, 1);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *search = gtk_search_entry_new ();
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *list = gtk_list_box_new ();
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  data->self = g_object_ref (self);
  data->cohort_id = SPOR_GET_ID (button);
  data->list = GTK_LIST_BOX (list);
  data->dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         _("Enrol a Participant"),
                                         _("Participants on the programme's waiting list come first."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (data->dialog), "close", _("_Close"), NULL);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (data->dialog), "close");

  gtk_accessible_update_property (GTK_ACCESSIBLE (search), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Search Participants"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Participants"), -1);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), list);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scroller), 260);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_box_append (GTK_BOX (box), search);
  gtk_box_append (GTK_BOX (box), scroller);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (data->dialog), box);
  g_signal_connect (search, "search-changed", G_CALLBACK (fill_candidates), data);
  g_signal_connect (data->dialog, "response", G_CALLBACK (enrol_response), data);
  fill_candidates (GTK_SEARCH_ENTRY (search), data);
  gtk_window_present (GTK_WINDOW (data->dialog));
}

static void
replan_cohort (GtkWidget          *button,
               SporProgrammesView *self)
{
  g_autoptr(GError) error = NULL;
  gint64 n = spor_progress_replan_cohort (self->store, SPOR_GET_ID (button), &error);
  g_autofree char *text = NULL;

  if (n < 0)
    return report (self, error);
  text = g_strdup_printf (ngettext ("Phases planned again for %ld participant",
                                    "Phases planned again for %ld participants",
                                    (gulong) n), (long) n);
  spor_programmes_view_toast (self, text);
}

static void
show_cohort_on_timeline (GtkWidget          *button,
                         SporProgrammesView *self)
{
  /* the window selects the cohort in the Timeline view, then shows it */
  spor_programmes_view_emit_show_cohort (self, SPOR_GET_ID (button));
  gtk_widget_activate_action (GTK_WIDGET (self), "win.view", "s", "timeline");
}

static GtkWidget *
cohort_row (SporProgrammesView *self,
            SporEntity         *cohort)
{
  gint64 enrolled = spor_programmes_count_enrolled (self->store, spor_entity_get_id (cohort), NULL);
  g_autofree char *from = spor_gui_format_date (spor_entity_get_text (cohort, "start_date"));
  g_autofree char *to = spor_gui_format_date (spor_entity_get_text (cohort, "end_date"));
  g_autofree char *subtitle = NULL;
  g_autofree char *label = NULL;
  GtkWidget *enrol = spor_programmes_text_button (_("_Enrol…"), FALSE);
  GtkWidget *timeline = spor_programmes_icon_button ("document-open-recent-symbolic", _("Show on the Timeline"));
  GtkWidget *replan = spor_programmes_icon_button ("view-refresh-symbolic",
                                   _("Plan the Phases Again from the Programme and the Start Date"));
  GtkWidget *row;

  if (spor_entity_is_set (cohort, "capacity"))
    /* Translators: a cohort: dates, then "5 of 12 enrolled" */
    subtitle = g_strdup_printf (_("%s – %s · %ld of %ld enrolled"),
                                from, to, (long) enrolled, (long) spor_entity_get_int (cohort, "capacity"));
  else
    subtitle = g_strdup_printf (_("%s – %s · %ld enrolled"), from, to, (long) enrolled);
  row = spor_programmes_row_with (spor_entity_get_text (cohort, "name"), subtitle, NULL);
  SPOR_SET_ID (enrol, spor_entity_get_id (cohort));
  g_signal_connect (enrol, "clicked", G_CALLBACK (enrol_clicked), self);
  SPOR_SET_ID (timeline, spor_entity_get_id (cohort));
  g_signal_connect (timeline, "clicked", G_CALLBACK (show_cohort_on_timeline), self);
  label = g_strdup_printf (_("Enrol a Participant in %s"), spor_entity_get_text (cohort, "name"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (enrol), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), enrol);
  SPOR_SET_ID (replan, spor_entity_get_id (cohort));
  g_signal_connect (replan, "clicked", G_CALLBACK (replan_cohort), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), replan);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), timeline);
  return row;
}

#define MAX_COHORT_ROWS 40

static GtkWidget *
build_cohorts_group (SporProgrammesView *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) cohorts = spor_programmes_list_cohorts (self->store, self->programme_id, &error);
  GtkWidget *group = spor_programmes_group_new (_("Cohorts"), _("Each run of the programme, with its start date"));

  /* Newest first; a national programme has thousands of cohorts, and a row each would
   * cost seconds: the older ones are reached through the Timeline's cohort picker. */
  for (guint i = 0; cohorts != NULL && i < MIN (cohorts->len, MAX_COHORT_ROWS); i++)
    adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                               cohort_row (self, g_ptr_array_index (cohorts, i)));
  if (cohorts != NULL && cohorts->len > MAX_COHORT_ROWS)
    {
      g_autofree char *more = g_strdup_printf (_("%u more, on the Timeline"),
                                               cohorts->len - MAX_COHORT_ROWS);

      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                                 spor_programmes_row_with (_("Older Cohorts"), more, NULL));
    }
  return group;
}

static GtkWidget *
build_new_cohort_group (SporProgrammesView *self)
{
  GtkWidget *name = spor_programmes_entry_row (_("Cohort Name"), NULL);
  GtkWidget *start = spor_programmes_entry_row (_("Start Date"), NULL);
  GtkSpinButton *capacity = spor_programmes_spin_new (100000);
  GtkWidget *create = spor_programmes_text_button (_("S_tart Cohort"), TRUE);
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *today = spor_date_today ();
  /* Translators: %s is today's date as an example of how to type a date */
  g_autofree char *hint = g_strdup_printf (_("Start a cohort: a name, a start date (for example %s) and a capacity"), today);
  GtkWidget *group = spor_programmes_group_new (_("New Cohort"), hint);

  g_object_set_data (G_OBJECT (create), "name", name);
  g_object_set_data (G_OBJECT (create), "start", start);
  g_object_set_data (G_OBJECT (create), "capacity", capacity);
  g_signal_connect (create, "clicked", G_CALLBACK (create_cohort), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), name);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), start);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                             spor_programmes_row_with (_("Cohort Capacity"), NULL, GTK_WIDGET (capacity)));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), create);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  return group;
}

/* ---- the editor ---------------------------------------------------------------------- */

void
spor_programmes_view_rebuild_part (SporProgrammesView *self,
                                   SporProgrammesPart  part)
{
  GtkWidget *slot = self->parts[part];
  GtkWidget *content = NULL;
  GtkWidget *child;

  if (slot == NULL)
    return;
  self->touched[part] = FALSE;
  while ((child = gtk_widget_get_first_child (slot)) != NULL)
    gtk_box_remove (GTK_BOX (slot), child);
  switch (part)
    {
    case SPOR_PROGRAMMES_PART_PROGRAMME:
      self->name_row = NULL;
      content = build_programme_group (self);
      break;
    case SPOR_PROGRAMMES_PART_PHASES:
      g_hash_table_remove_all (self->touched_phases);
      content = spor_programmes_build_phases (self);
      break;
    case SPOR_PROGRAMMES_PART_GOALS:
      content = build_goals_group (self);
      break;
    case SPOR_PROGRAMMES_PART_COHORTS:
      content = build_cohorts_group (self);
      break;
    case SPOR_PROGRAMMES_PART_NEW_COHORT:
      content = build_new_cohort_group (self);
      break;
    case SPOR_PROGRAMMES_N_PARTS:
    default:
      g_assert_not_reached ();
    }
  if (content == NULL)
    return;
  /* phases watch their own fields, each with its phase */
  if (part != SPOR_PROGRAMMES_PART_PHASES)
    spor_programmes_view_watch_fields (self, content, part, 0);
  gtk_box_append (GTK_BOX (slot), content);
}

void
spor_programmes_view_refresh_editor (SporProgrammesView *self)
{
  if (self->shown_id <= 0)
    return;
  for (guint part = 0; part < SPOR_PROGRAMMES_N_PARTS; part++)
    /* the new cohort's form holds nothing from the store */
    if (!self->touched[part] && part != SPOR_PROGRAMMES_PART_NEW_COHORT)
      spor_programmes_view_rebuild_part (self, part);
}

void
spor_programmes_view_show_programme (SporProgrammesView *self,
                                     gint64              programme_id)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->editor_box))) != NULL)
    gtk_box_remove (self->editor_box, child);
  for (guint part = 0; part < SPOR_PROGRAMMES_N_PARTS; part++)
    self->parts[part] = NULL;
  self->name_row = NULL;
  g_clear_object (&self->programme);
  self->programme_id = programme_id;
  self->shown_id = programme_id;
  if (self->store == NULL || programme_id <= 0)
    {
      gtk_stack_set_visible_child_name (self->content_stack, "empty");
      return;
    }
  for (guint part = 0; part < SPOR_PROGRAMMES_N_PARTS; part++)
    {
      self->parts[part] = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
      gtk_box_append (self->editor_box, self->parts[part]);
      spor_programmes_view_rebuild_part (self, part);
      if (part == SPOR_PROGRAMMES_PART_PROGRAMME && self->programme == NULL)
        {
          gtk_stack_set_visible_child_name (self->content_stack, "empty");
          return;
        }
    }
  gtk_stack_set_visible_child_name (self->content_stack, "editor");
}
