/* spor-programmes-view.c — the Programmes page: programmes, their phases, goals and cohorts
 *
 * A sidebar lists the programmes (a handful, so a GtkListBox); the editor on the right is
 * rebuilt from the store whenever the programme or one of its parts changes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "spor-gui.h"
#include "spor-programmes.h"
#include "spor-programmes-view.h"
#include "spor-progress.h"
#include "spor-templates.h"
#include "spor-util.h"

struct _SporProgrammesView
{
  AdwBin          parent_instance;

  SporStore      *store;
  gint64          programme_id;   /* the one in the editor, 0 none */
  gboolean        filling;

  AdwLeaflet     *leaflet;
  GtkBox         *template_box;
  GtkPopover     *template_popover;
  GtkListBox     *programme_list;
  GtkStack       *content_stack;
  GtkBox         *editor_box;

  /* the programme's fields in the editor */
  AdwEntryRow    *name_row;
  AdwEntryRow    *organisations_row;
  AdwEntryRow    *description_row;
  GtkSpinButton  *min_age_spin;
  GtkSpinButton  *max_age_spin;
  AdwEntryRow    *period_start_row;
  AdwEntryRow    *period_end_row;
  GtkSpinButton  *capacity_spin;
  AdwEntryRow    *visitation_row;
  GtkSwitch      *not_self_supporting_switch;
};

G_DEFINE_FINAL_TYPE (SporProgrammesView, spor_programmes_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  SHOW_COHORT,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const struct { const char *value; const char *label; } outcomes[] = {
  { "education", N_("Education") },
  { "employment", N_("Employment") },
  { "internship", N_("Company internship") },
  { "wage_subsidy", N_("Wage subsidy") },
  { "work_trial", N_("Paid work trial (social free card)") },
  { "closer_to_labour_market", N_("Closer to the labour market") },
  { "other", N_("Other") },
};

static const char * const unit_values[] = { "weeks", "months", "days", NULL };

static void show_programme (SporProgrammesView *self, gint64 programme_id);

/* ---- small helpers ------------------------------------------------------------------- */

static void
toast (SporProgrammesView *self,
       const char         *text)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), spor_gui_toast_new (text));
  else
    g_message ("%s", text);
}

static void
report (SporProgrammesView *self,
        const GError       *error)
{
  toast (self, error->message);
}

/* A date typed as 2026-08-03 or in the locale's own format; NULL when it is not a date. */
static char *
parse_user_date (const char *text)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (text != NULL ? text : ""));
  GDate date;

  if (spor_date_is_valid (trimmed))
    return g_steal_pointer (&trimmed);
  g_date_clear (&date, 1);
  g_date_set_parse (&date, trimmed);
  return g_date_valid (&date) ? spor_date_format_iso (&date) : NULL;
}

static char *
display_date (const char *iso)
{
  g_autoptr(GDate) date = spor_date_parse (iso);
  char buffer[64];

  if (date == NULL || g_date_strftime (buffer, sizeof buffer, "%x", date) == 0)
    return g_strdup (iso != NULL ? iso : "");
  return g_strdup (buffer);
}

static GtkSpinButton *
spin_new (double max)
{
  GtkWidget *spin = gtk_spin_button_new_with_range (0, max, 1);

  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  gtk_spin_button_set_numeric (GTK_SPIN_BUTTON (spin), TRUE);
  return GTK_SPIN_BUTTON (spin);
}

static GtkWidget *
row_with (const char *title,
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

static GtkWidget *
entry_row (const char *title,
           const char *text)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
  return row;
}

static GtkWidget *
icon_button (const char *icon,
             const char *tooltip)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_widget_add_css_class (button, "flat");
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
  return button;
}

static GtkWidget *
text_button (const char *label,
             gboolean    suggested)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  if (suggested)
    gtk_widget_add_css_class (button, "suggested-action");
  return button;
}

static GtkWidget *
combo (const char * const *labels,
       guint               n,
       guint               selected)
{
  g_autoptr(GtkStringList) model = gtk_string_list_new (NULL);
  GtkWidget *dropdown;

  for (guint i = 0; i < n; i++)
    gtk_string_list_append (model, labels[i]);
  dropdown = gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&model)), NULL);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), selected);
  gtk_widget_set_valign (dropdown, GTK_ALIGN_CENTER);
  return dropdown;
}

static GtkWidget *
group_new (const char *title,
           const char *description)
{
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  if (description != NULL)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description);
  return group;
}

/* Stores @widget's owner data by id on the widget, so callbacks find their record. */
#define SET_ID(widget, id) g_object_set_data (G_OBJECT (widget), "spor-id", GINT_TO_POINTER ((int) (id)))
#define GET_ID(widget) ((gint64) GPOINTER_TO_INT (g_object_get_data (G_OBJECT (widget), "spor-id")))

/* ---- the sidebar --------------------------------------------------------------------- */

static void
fill_list (SporProgrammesView *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SporQuery) query = spor_query_new (SPOR_TYPE_PROGRAMME);
  g_autoptr(GPtrArray) programmes = NULL;
  GtkWidget *child;
  GtkListBoxRow *select = NULL;

  self->filling = TRUE;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->programme_list))) != NULL)
    gtk_list_box_remove (self->programme_list, child);
  self->filling = FALSE;
  if (self->store == NULL)
    return;
  spor_query_order_by (query, "name", FALSE);
  programmes = spor_store_list (self->store, query, &error);
  if (programmes == NULL)
    {
      g_warning ("Programmes view: %s", error->message);
      return;
    }
  for (guint i = 0; i < programmes->len; i++)
    {
      SporEntity *programme = g_ptr_array_index (programmes, i);
      GtkWidget *row = gtk_list_box_row_new ();
      GtkWidget *label = gtk_label_new (spor_entity_get_text (programme, "name"));

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_widget_set_margin_top (label, 6);
      gtk_widget_set_margin_bottom (label, 6);
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);
      SET_ID (row, spor_entity_get_id (programme));
      gtk_list_box_append (self->programme_list, row);
      if (spor_entity_get_id (programme) == self->programme_id || select == NULL)
        select = GTK_LIST_BOX_ROW (row);
    }
  if (programmes->len == 0)
    {
      self->programme_id = 0;
      gtk_stack_set_visible_child_name (self->content_stack, "empty");
      return;
    }
  /* keep the programme that was open; else the first */
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->programme_list));
       row != NULL; row = gtk_widget_get_next_sibling (row))
    if (GET_ID (row) == self->programme_id)
      select = GTK_LIST_BOX_ROW (row);
  self->filling = TRUE;
  gtk_list_box_select_row (self->programme_list, select);
  self->filling = FALSE;
  show_programme (self, GET_ID (select));
}

static void
on_programme_selected (SporProgrammesView *self,
                       GtkListBoxRow      *row)
{
  if (self->filling || row == NULL)
    return;
  show_programme (self, GET_ID (row));
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

static void
on_back_clicked (SporProgrammesView *self)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

/* ---- editing the programme ----------------------------------------------------------- */

static void
save_programme (GtkWidget          *button,
                SporProgrammesView *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SporEntity) programme = NULL;
  g_autofree char *start = NULL, *end = NULL;
  const char *start_text = gtk_editable_get_text (GTK_EDITABLE (self->period_start_row));
  const char *end_text = gtk_editable_get_text (GTK_EDITABLE (self->period_end_row));
  int min_age = gtk_spin_button_get_value_as_int (self->min_age_spin);
  int max_age = gtk_spin_button_get_value_as_int (self->max_age_spin);

  programme = spor_store_get (self->store, SPOR_TYPE_PROGRAMME, self->programme_id, &error);
  if (programme == NULL)
    return report (self, error);

  /* check everything before anything is written */
  if (*start_text != '\0' && (start = parse_user_date (start_text)) == NULL)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->period_start_row), "error");
      return toast (self, _("The period's start is not a date."));
    }
  if (*end_text != '\0' && (end = parse_user_date (end_text)) == NULL)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->period_end_row), "error");
      return toast (self, _("The period's end is not a date."));
    }
  if (start != NULL && end != NULL && g_strcmp0 (start, end) > 0)
    return toast (self, _("The period ends before it starts."));
  if (min_age > 0 && max_age > 0 && min_age > max_age)
    return toast (self, _("The lowest age is above the highest."));
  gtk_widget_remove_css_class (GTK_WIDGET (self->period_start_row), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->period_end_row), "error");

  spor_entity_set_text (programme, "name", gtk_editable_get_text (GTK_EDITABLE (self->name_row)));
#define SET_OPTIONAL_TEXT(field, row) G_STMT_START { \
    const char *t_ = gtk_editable_get_text (GTK_EDITABLE (row)); \
    if (*t_ != '\0') spor_entity_set_text (programme, field, t_); \
    else spor_entity_unset (programme, field); \
  } G_STMT_END
  SET_OPTIONAL_TEXT ("organisations", self->organisations_row);
  SET_OPTIONAL_TEXT ("description", self->description_row);
  SET_OPTIONAL_TEXT ("visitation_rules", self->visitation_row);
#undef SET_OPTIONAL_TEXT
  if (min_age > 0)
    spor_entity_set_int (programme, "min_age", min_age);
  else
    spor_entity_unset (programme, "min_age");
  if (max_age > 0)
    spor_entity_set_int (programme, "max_age", max_age);
  else
    spor_entity_unset (programme, "max_age");
  if (start != NULL)
    spor_entity_set_text (programme, "period_start", start);
  else
    spor_entity_unset (programme, "period_start");
  if (end != NULL)
    spor_entity_set_text (programme, "period_end", end);
  else
    spor_entity_unset (programme, "period_end");
  if (gtk_spin_button_get_value_as_int (self->capacity_spin) > 0)
    spor_entity_set_int (programme, "capacity", gtk_spin_button_get_value_as_int (self->capacity_spin));
  else
    spor_entity_unset (programme, "capacity");
  spor_entity_set_bool (programme, "not_self_supporting",
                        gtk_switch_get_active (self->not_self_supporting_switch));

  if (!spor_store_update (self->store, programme, &error))
    return report (self, error);
  toast (self, _("Programme saved"));
  fill_list (self);
}

static GtkWidget *
build_programme_group (SporProgrammesView *self,
                       SporEntity         *programme)
{
  GtkWidget *group = group_new (_("Programme"), NULL);
  GtkWidget *save = text_button (_("_Save"), TRUE);
  GtkWidget *row;
  g_autofree char *start = display_date (spor_entity_get_text (programme, "period_start"));
  g_autofree char *end = display_date (spor_entity_get_text (programme, "period_end"));

  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (group), save);
  g_signal_connect (save, "clicked", G_CALLBACK (save_programme), self);

  self->name_row = ADW_ENTRY_ROW (entry_row (_("Name"), spor_entity_get_text (programme, "name")));
  self->organisations_row = ADW_ENTRY_ROW (entry_row (_("Organisations"), spor_entity_get_text (programme, "organisations")));
  self->description_row = ADW_ENTRY_ROW (entry_row (_("Description"), spor_entity_get_text (programme, "description")));
  self->visitation_row = ADW_ENTRY_ROW (entry_row (_("Visitation Rules"), spor_entity_get_text (programme, "visitation_rules")));
  self->period_start_row = ADW_ENTRY_ROW (entry_row (_("Period Start"), start));
  self->period_end_row = ADW_ENTRY_ROW (entry_row (_("Period End"), end));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->name_row));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->organisations_row));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->description_row));

  self->min_age_spin = spin_new (120);
  self->max_age_spin = spin_new (120);
  gtk_spin_button_set_value (self->min_age_spin, (double) spor_entity_get_int (programme, "min_age"));
  gtk_spin_button_set_value (self->max_age_spin, (double) spor_entity_get_int (programme, "max_age"));
  row = row_with (_("Target Age"), _("From and to, in years; 0 for no limit"), GTK_WIDGET (self->max_age_spin));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), GTK_WIDGET (self->min_age_spin));
  /* the suffixes were added max first; put "from" before "to" */
  gtk_widget_insert_before (GTK_WIDGET (self->min_age_spin), gtk_widget_get_parent (GTK_WIDGET (self->max_age_spin)),
                            GTK_WIDGET (self->max_age_spin));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->min_age_spin), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Lowest Age"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->max_age_spin), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Highest Age"), -1);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);

  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->period_start_row));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->period_end_row));

  self->capacity_spin = spin_new (100000);
  gtk_spin_button_set_value (self->capacity_spin, (double) spor_entity_get_int (programme, "capacity"));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                             row_with (_("Capacity"), _("Participants at a time"), GTK_WIDGET (self->capacity_spin)));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->visitation_row));
  self->not_self_supporting_switch = GTK_SWITCH (gtk_switch_new ());
  gtk_widget_set_valign (GTK_WIDGET (self->not_self_supporting_switch), GTK_ALIGN_CENTER);
  gtk_switch_set_active (self->not_self_supporting_switch,
                         spor_entity_get_bool (programme, "not_self_supporting"));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                             row_with (_("Only Participants Who Are Not Self-Supporting"), NULL,
                                       GTK_WIDGET (self->not_self_supporting_switch)));
  return group;
}

/* ---- goals --------------------------------------------------------------------------- */

static void
remove_goal (GtkWidget          *button,
             SporProgrammesView *self)
{
  g_autoptr(GError) error = NULL;

  if (!spor_programmes_remove_goal (self->store, GET_ID (button), &error))
    return report (self, error);
  show_programme (self, self->programme_id);
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
                                   outcomes[gtk_drop_down_get_selected (outcome)].value,
                                   gtk_editable_get_text (label),
                                   vmin, vmax > 0 ? vmax : vmin, vof > 0 ? vof : -1, &error);
  if (goal == NULL)
    return report (self, error);
  show_programme (self, self->programme_id);
}

static GtkWidget *
build_goals_group (SporProgrammesView *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) goals = spor_programmes_list_goals (self->store, self->programme_id, &error);
  GtkWidget *group = group_new (_("Goals"), _("What the programme aims for, for example into employment: 2–3 of 10"));
  GtkWidget *expander, *label, *outcome, *add, *row;
  GtkSpinButton *min, *max, *of;
  const char *labels[G_N_ELEMENTS (outcomes)];

  for (guint i = 0; goals != NULL && i < goals->len; i++)
    {
      SporProgrammeGoal *goal = g_ptr_array_index (goals, i);
      g_autofree char *target = spor_programme_goal_format_target (goal);
      GtkWidget *remove = icon_button ("user-trash-symbolic", _("Remove Goal"));

      SET_ID (remove, spor_entity_get_id (SPOR_ENTITY (goal)));
      g_signal_connect (remove, "clicked", G_CALLBACK (remove_goal), self);
      row = row_with (spor_entity_get_text (SPOR_ENTITY (goal), "label"), target, NULL);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }

  expander = adw_expander_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander), _("Add a Goal"));
  label = entry_row (_("Goal"), NULL);
  for (guint i = 0; i < G_N_ELEMENTS (outcomes); i++)
    labels[i] = _(outcomes[i].label);
  outcome = combo (labels, G_N_ELEMENTS (outcomes), 1);
  min = spin_new (100000);
  max = spin_new (100000);
  of = spin_new (100000);
  add = text_button (_("_Add Goal"), FALSE);
  g_object_set_data (G_OBJECT (add), "label", label);
  g_object_set_data (G_OBJECT (add), "outcome", outcome);
  g_object_set_data (G_OBJECT (add), "min", min);
  g_object_set_data (G_OBJECT (add), "max", max);
  g_object_set_data (G_OBJECT (add), "of", of);
  g_signal_connect (add, "clicked", G_CALLBACK (add_goal), self);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), label);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), row_with (_("Outcome"), NULL, outcome));
  adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), row_with (_("At Least"), NULL, GTK_WIDGET (min)));
  adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), row_with (_("At Most"), NULL, GTK_WIDGET (max)));
  adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), row_with (_("Of Participants"), NULL, GTK_WIDGET (of)));
  row = adw_action_row_new ();
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), add);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), row);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), expander);
  return group;
}

/* ---- phases -------------------------------------------------------------------------- */

static void
phase_move (GtkWidget          *button,
            SporProgrammesView *self)
{
  g_autoptr(GError) error = NULL;
  int delta = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "delta"));
  int position = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "position"));

  if (position + delta < 0)
    return;
  if (!spor_programmes_move_phase (self->store, GET_ID (button), (guint) (position + delta), &error))
    return report (self, error);
  show_programme (self, self->programme_id);
}

static void
remove_phase_now (SporProgrammesView *self,
                  gint64              phase_id)
{
  g_autoptr(GError) error = NULL;

  if (!spor_programmes_remove_phase (self->store, phase_id, &error))
    return report (self, error);
  show_programme (self, self->programme_id);
}

static void
remove_phase_response (AdwMessageDialog   *dialog,
                       const char         *response,
                       SporProgrammesView *self)
{
  if (g_strcmp0 (response, "remove") == 0)
    remove_phase_now (self, GET_ID (dialog));
  g_object_unref (self);
}

static void
phase_remove (GtkWidget          *button,
              SporProgrammesView *self)
{
  g_autoptr(GError) error = NULL;
  gint64 in_use = spor_programmes_count_phase_progress (self->store, GET_ID (button), &error);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  if (in_use < 0)
    return report (self, error);
  if (in_use == 0)
    return remove_phase_now (self, GET_ID (button));

  /* participants' progress in the phase goes with it: ask first */
  body = g_strdup_printf (ngettext ("%ld participant has dates in this phase. "
                                    "They are removed with the phase.",
                                    "%ld participants have dates in this phase. "
                                    "They are removed with the phase.", (gulong) in_use), (long) in_use);
  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   _("Remove the Phase?"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                    "remove", _("_Remove"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "remove",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  SET_ID (dialog, GET_ID (button));
  g_signal_connect (dialog, "response", G_CALLBACK (remove_phase_response), g_object_ref (self));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
phase_save (GtkWidget          *button,
            SporProgrammesView *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SporEntity) phase = spor_store_get (self->store, SPOR_TYPE_PHASE, GET_ID (button), &error);
  GtkEditable *name = g_object_get_data (G_OBJECT (button), "name");
  GtkEditable *description = g_object_get_data (G_OBJECT (button), "description");
  GtkSpinButton *duration = g_object_get_data (G_OBJECT (button), "duration");
  GtkDropDown *unit = g_object_get_data (G_OBJECT (button), "unit");
  GtkDropDown *track = g_object_get_data (G_OBJECT (button), "track");
  g_autofree char *trimmed = g_strstrip (g_strdup (gtk_editable_get_text (name)));

  if (phase == NULL)
    return report (self, error);
  if (*trimmed == '\0')
    return toast (self, _("A phase needs a name."));
  spor_entity_set_text (phase, "name", trimmed);
  if (*gtk_editable_get_text (description) != '\0')
    spor_entity_set_text (phase, "description", gtk_editable_get_text (description));
  else
    spor_entity_unset (phase, "description");
  spor_entity_set_int (phase, "duration", gtk_spin_button_get_value_as_int (duration));
  spor_entity_set_text (phase, "duration_unit", unit_values[gtk_drop_down_get_selected (unit)]);
  spor_entity_set_text (phase, "track", gtk_drop_down_get_selected (track) == 1 ? "parallel" : "sequential");
  if (!spor_store_update (self->store, phase, &error))
    return report (self, error);
  toast (self, _("Phase saved"));
  show_programme (self, self->programme_id);
}

static void
phase_add (GtkWidget          *button,
           SporProgrammesView *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SporPhase) phase = NULL;

  phase = spor_programmes_add_phase (self->store, self->programme_id, _("New Phase"), 4, "weeks",
                                     "sequential", &error);
  if (phase == NULL)
    return report (self, error);
  show_programme (self, self->programme_id);
}

static char *
format_duration (SporEntity *phase)
{
  gint64 n = spor_entity_get_int (phase, "duration");
  const char *unit = spor_entity_get_text (phase, "duration_unit");
  gboolean parallel = g_strcmp0 (spor_entity_get_text (phase, "track"), "parallel") == 0;
  g_autofree char *length = NULL;

  if (g_strcmp0 (unit, "months") == 0)
    length = g_strdup_printf (ngettext ("%ld month", "%ld months", (gulong) n), (long) n);
  else if (g_strcmp0 (unit, "days") == 0)
    length = g_strdup_printf (ngettext ("%ld day", "%ld days", (gulong) n), (long) n);
  else
    length = g_strdup_printf (ngettext ("%ld week", "%ld weeks", (gulong) n), (long) n);
  /* Translators: a phase's length and its track, e.g. "2 months · parallel track" */
  return g_strdup_printf (_("%s · %s"), length, parallel ? _("parallel track") : _("sequential"));
}

static GtkWidget *
build_phases_group (SporProgrammesView *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) phases = spor_programmes_list_phases (self->store, self->programme_id, &error);
  GtkWidget *group = group_new (_("Phases"), _("In order; parallel tracks run side by side"));
  GtkWidget *add = text_button (_("Add _Phase"), FALSE);
  const char *unit_labels[] = { _("Weeks"), _("Months"), _("Days") };
  const char *track_labels[] = { _("Sequential"), _("Parallel track") };

  g_signal_connect (add, "clicked", G_CALLBACK (phase_add), self);
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (group), add);

  for (guint i = 0; phases != NULL && i < phases->len; i++)
    {
      SporEntity *phase = g_ptr_array_index (phases, i);
      g_autofree char *subtitle = format_duration (phase);
      GtkWidget *expander = adw_expander_row_new ();
      GtkWidget *name = entry_row (_("Name"), spor_entity_get_text (phase, "name"));
      GtkWidget *description = entry_row (_("Description"), spor_entity_get_text (phase, "description"));
      GtkSpinButton *duration = spin_new (1000);
      guint unit_index = g_strcmp0 (spor_entity_get_text (phase, "duration_unit"), "months") == 0 ? 1
                       : g_strcmp0 (spor_entity_get_text (phase, "duration_unit"), "days") == 0 ? 2 : 0;
      GtkWidget *unit = combo (unit_labels, 3, unit_index);
      GtkWidget *track = combo (track_labels, 2,
                                g_strcmp0 (spor_entity_get_text (phase, "track"), "parallel") == 0);
      GtkWidget *up = icon_button ("go-up-symbolic", _("Move Up"));
      GtkWidget *down = icon_button ("go-down-symbolic", _("Move Down"));
      GtkWidget *remove = icon_button ("user-trash-symbolic", _("Remove Phase"));
      GtkWidget *save = text_button (_("_Save Phase"), TRUE);
      GtkWidget *buttons = adw_action_row_new ();
      GtkWidget *length;
      g_autofree char *title = g_strdup_printf ("%u. %s", i + 1, spor_entity_get_text (phase, "name"));

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander), title);
      adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (expander), subtitle);
      gtk_spin_button_set_value (duration, (double) spor_entity_get_int (phase, "duration"));
      length = row_with (_("Planned Duration"), NULL, GTK_WIDGET (duration));
      adw_action_row_add_suffix (ADW_ACTION_ROW (length), unit);
      gtk_accessible_update_property (GTK_ACCESSIBLE (unit), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Unit"), -1);

      for (GtkWidget **b = (GtkWidget *[]) { up, down, remove, save, NULL }; *b; b++)
        {
          SET_ID (*b, spor_entity_get_id (phase));
          g_object_set_data (G_OBJECT (*b), "position", GINT_TO_POINTER ((int) i));
        }
      g_object_set_data (G_OBJECT (up), "delta", GINT_TO_POINTER (-1));
      g_object_set_data (G_OBJECT (down), "delta", GINT_TO_POINTER (1));
      gtk_widget_set_sensitive (up, i > 0);
      gtk_widget_set_sensitive (down, i + 1 < phases->len);
      g_object_set_data (G_OBJECT (save), "name", name);
      g_object_set_data (G_OBJECT (save), "description", description);
      g_object_set_data (G_OBJECT (save), "duration", duration);
      g_object_set_data (G_OBJECT (save), "unit", unit);
      g_object_set_data (G_OBJECT (save), "track", track);
      g_signal_connect (up, "clicked", G_CALLBACK (phase_move), self);
      g_signal_connect (down, "clicked", G_CALLBACK (phase_move), self);
      g_signal_connect (remove, "clicked", G_CALLBACK (phase_remove), self);
      g_signal_connect (save, "clicked", G_CALLBACK (phase_save), self);

      adw_action_row_add_prefix (ADW_ACTION_ROW (buttons), up);
      adw_action_row_add_prefix (ADW_ACTION_ROW (buttons), down);
      adw_action_row_add_prefix (ADW_ACTION_ROW (buttons), remove);
      adw_action_row_add_suffix (ADW_ACTION_ROW (buttons), save);

      adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), name);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), description);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), length);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), row_with (_("Track"), NULL, track));
      adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), buttons);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), expander);
    }
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
  g_autofree char *date = parse_user_date (gtk_editable_get_text (start));

  if (date == NULL)
    {
      gtk_widget_add_css_class (GTK_WIDGET (start), "error");
      return toast (self, _("The start date is not a date."));
    }
  cohort = spor_programmes_create_cohort (self->store, self->programme_id,
                                          gtk_editable_get_text (name), date,
                                          gtk_spin_button_get_value_as_int (capacity) > 0
                                          ? gtk_spin_button_get_value_as_int (capacity) : -1,
                                          &error);
  if (cohort == NULL)
    return report (self, error);
  toast (self, _("Cohort started"));
  show_programme (self, self->programme_id);
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

  if (!spor_progress_enrol (self->store, GET_ID (button), data->cohort_id, &error))
    return report (self, error);
  if (cohort != NULL && spor_entity_is_set (cohort, "capacity") &&
      spor_programmes_count_enrolled (self->store, data->cohort_id, NULL) >
      spor_entity_get_int (cohort, "capacity"))
    toast (self, _("Participant enrolled; the cohort is now over its capacity"));
  else
    toast (self, _("Participant enrolled"));
  show_programme (self, self->programme_id);
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
        GtkWidget *enrol = text_button (_("_Enrol"), FALSE);
        g_autofree char *label = g_strdup_printf (_("Enrol %s"), c->name);

        gtk_accessible_update_property (GTK_ACCESSIBLE (enrol), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
        SET_ID (enrol, c->id);
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
  data->cohort_id = GET_ID (button);
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
  gint64 n = spor_progress_replan_cohort (self->store, GET_ID (button), &error);
  g_autofree char *text = NULL;

  if (n < 0)
    return report (self, error);
  text = g_strdup_printf (ngettext ("Phases planned again for %ld participant",
                                    "Phases planned again for %ld participants",
                                    (gulong) n), (long) n);
  toast (self, text);
}

static void
show_cohort_on_timeline (GtkWidget          *button,
                         SporProgrammesView *self)
{
  /* the window selects the cohort in the Timeline view, then shows it */
  g_signal_emit (self, signals[SHOW_COHORT], 0, self->programme_id, GET_ID (button));
  gtk_widget_activate_action (GTK_WIDGET (self), "win.view", "s", "timeline");
}

#define MAX_COHORT_ROWS 40

static GtkWidget *
build_cohorts_group (SporProgrammesView *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) cohorts = spor_programmes_list_cohorts (self->store, self->programme_id, &error);
  GtkWidget *group = group_new (_("Cohorts"), _("Each run of the programme, with its start date"));
  GtkWidget *expander = NULL;
  GtkWidget *name = entry_row (_("Cohort Name"), NULL);
  GtkWidget *start = entry_row (_("Start Date"), NULL);
  GtkSpinButton *capacity = spin_new (100000);
  GtkWidget *create = text_button (_("S_tart Cohort"), TRUE);
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *hint = NULL;

  /* Newest first; a national programme has thousands of cohorts, and a row each would
   * cost seconds: the older ones are reached through the Timeline's cohort picker. */
  for (guint i = 0; cohorts != NULL && i < MIN (cohorts->len, MAX_COHORT_ROWS); i++)
    {
      SporEntity *cohort = g_ptr_array_index (cohorts, i);
      gint64 enrolled = spor_programmes_count_enrolled (self->store, spor_entity_get_id (cohort), NULL);
      g_autofree char *from = display_date (spor_entity_get_text (cohort, "start_date"));
      g_autofree char *to = display_date (spor_entity_get_text (cohort, "end_date"));
      g_autofree char *subtitle = NULL;
      GtkWidget *enrol = text_button (_("_Enrol…"), FALSE);
      GtkWidget *timeline = icon_button ("document-open-recent-symbolic", _("Show on the Timeline"));
      GtkWidget *replan = icon_button ("view-refresh-symbolic",
                                       _("Plan the Phases Again from the Programme and the Start Date"));
      GtkWidget *cohort_row;

      if (spor_entity_is_set (cohort, "capacity"))
        /* Translators: a cohort: dates, then "5 of 12 enrolled" */
        subtitle = g_strdup_printf (_("%s – %s · %ld of %ld enrolled"),
                                    from, to, (long) enrolled, (long) spor_entity_get_int (cohort, "capacity"));
      else
        subtitle = g_strdup_printf (_("%s – %s · %ld enrolled"), from, to, (long) enrolled);
      cohort_row = row_with (spor_entity_get_text (cohort, "name"), subtitle, NULL);
      SET_ID (enrol, spor_entity_get_id (cohort));
      g_signal_connect (enrol, "clicked", G_CALLBACK (enrol_clicked), self);
      SET_ID (timeline, spor_entity_get_id (cohort));
      g_signal_connect (timeline, "clicked", G_CALLBACK (show_cohort_on_timeline), self);
      {
        g_autofree char *label = g_strdup_printf (_("Enrol a Participant in %s"), spor_entity_get_text (cohort, "name"));
        gtk_accessible_update_property (GTK_ACCESSIBLE (enrol), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
      }
      adw_action_row_add_suffix (ADW_ACTION_ROW (cohort_row), enrol);
      SET_ID (replan, spor_entity_get_id (cohort));
      g_signal_connect (replan, "clicked", G_CALLBACK (replan_cohort), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (cohort_row), replan);
      adw_action_row_add_suffix (ADW_ACTION_ROW (cohort_row), timeline);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), cohort_row);
    }
  if (cohorts != NULL && cohorts->len > MAX_COHORT_ROWS)
    {
      g_autofree char *more = g_strdup_printf (_("%u more, on the Timeline"),
                                               cohorts->len - MAX_COHORT_ROWS);

      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                                 row_with (_("Older Cohorts"), more, NULL));
    }

  (void) expander;
  {
    g_autofree char *today = spor_date_today ();
    /* Translators: %s is today's date as an example of how to type a date */
    hint = g_strdup_printf (_("Start a cohort: a name, a start date (for example %s) and a capacity"), today);
  }
  g_object_set_data (G_OBJECT (create), "name", name);
  g_object_set_data (G_OBJECT (create), "start", start);
  g_object_set_data (G_OBJECT (create), "capacity", capacity);
  g_signal_connect (create, "clicked", G_CALLBACK (create_cohort), self);
  {
    GtkWidget *new_group = group_new (_("New Cohort"), hint);
    GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);

    adw_preferences_group_add (ADW_PREFERENCES_GROUP (new_group), name);
    adw_preferences_group_add (ADW_PREFERENCES_GROUP (new_group), start);
    adw_preferences_group_add (ADW_PREFERENCES_GROUP (new_group),
                               row_with (_("Cohort Capacity"), NULL, GTK_WIDGET (capacity)));
    adw_action_row_add_suffix (ADW_ACTION_ROW (row), create);
    adw_preferences_group_add (ADW_PREFERENCES_GROUP (new_group), row);
    gtk_box_append (GTK_BOX (box), group);
    gtk_box_append (GTK_BOX (box), new_group);
    return box;
  }
}

/* ---- the editor ---------------------------------------------------------------------- */

static void
show_programme (SporProgrammesView *self,
                gint64              programme_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SporEntity) programme = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->editor_box))) != NULL)
    gtk_box_remove (self->editor_box, child);
  self->programme_id = programme_id;
  if (self->store == NULL || programme_id <= 0)
    {
      gtk_stack_set_visible_child_name (self->content_stack, "empty");
      return;
    }
  programme = spor_store_get (self->store, SPOR_TYPE_PROGRAMME, programme_id, &error);
  if (programme == NULL)
    {
      report (self, error);
      gtk_stack_set_visible_child_name (self->content_stack, "empty");
      return;
    }
  gtk_box_append (self->editor_box, build_programme_group (self, programme));
  gtk_box_append (self->editor_box, build_phases_group (self));
  gtk_box_append (self->editor_box, build_goals_group (self));
  gtk_box_append (self->editor_box, build_cohorts_group (self));
  gtk_stack_set_visible_child_name (self->content_stack, "editor");
}

static void
new_from_template (GtkWidget          *button,
                   SporProgrammesView *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SporProgramme) programme = NULL;

  gtk_popover_popdown (self->template_popover);
  programme = spor_store_create_programme_from_template (self->store,
                                                         g_object_get_data (G_OBJECT (button), "key"),
                                                         &error);
  if (programme == NULL)
    return report (self, error);
  self->programme_id = spor_entity_get_id (SPOR_ENTITY (programme));
  fill_list (self);
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

static void
new_blank_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  SporProgrammesView *self = SPOR_PROGRAMMES_VIEW (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(SporProgramme) programme = NULL;

  if (self->store == NULL)
    return;
  programme = spor_programmes_create_blank (self->store, _("New Programme"), &error);
  if (programme == NULL)
    return report (self, error);
  self->programme_id = spor_entity_get_id (SPOR_ENTITY (programme));
  fill_list (self);
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
}

static void
fill_templates (SporProgrammesView *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) templates = spor_templates_list (&error);

  if (templates == NULL)
    {
      g_warning ("Programmes view: %s", error->message);
      return;
    }
  for (guint i = 0; i < templates->len; i++)
    {
      SporTemplate *t = g_ptr_array_index (templates, i);
      GtkWidget *button = gtk_button_new_with_label (t->name);

      gtk_widget_add_css_class (button, "flat");
      gtk_widget_set_tooltip_text (button, t->organisations);
      g_object_set_data_full (G_OBJECT (button), "key", g_strdup (t->key), g_free);
      g_signal_connect (button, "clicked", G_CALLBACK (new_from_template), self);
      gtk_box_append (self->template_box, button);
    }
}

static void
load (GtkWidget *widget)
{
  SporProgrammesView *self = (SporProgrammesView *) widget;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "programmes.new-blank", self->store != NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (gtk_widget_get_parent (GTK_WIDGET (self->template_popover))),
                            self->store != NULL);
  fill_list (self);
  if (self->store == NULL)
    show_programme (self, 0);
}

void
spor_programmes_view_reload (SporProgrammesView *self)
{
  g_return_if_fail (SPOR_IS_PROGRAMMES_VIEW (self));
  spor_gui_load_when_shown (GTK_WIDGET (self), load);
}

gint64
spor_programmes_view_get_programme (SporProgrammesView *self)
{
  g_return_val_if_fail (SPOR_IS_PROGRAMMES_VIEW (self), 0);
  return self->programme_id;
}

static void
spor_programmes_view_dispose (GObject *object)
{
  SporProgrammesView *self = SPOR_PROGRAMMES_VIEW (object);

  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), SPOR_TYPE_PROGRAMMES_VIEW);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (spor_programmes_view_parent_class)->dispose (object);
}

static void
spor_programmes_view_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  SporProgrammesView *self = SPOR_PROGRAMMES_VIEW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
spor_programmes_view_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  SporProgrammesView *self = SPOR_PROGRAMMES_VIEW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      spor_programmes_view_set_store (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
spor_programmes_view_class_init (SporProgrammesViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = spor_programmes_view_dispose;
  object_class->get_property = spor_programmes_view_get_property;
  object_class->set_property = spor_programmes_view_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, SPOR_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* SporProgrammesView::show-cohort (programme id, cohort id): "Show on the Timeline" */
  signals[SHOW_COHORT] =
    g_signal_new ("show-cohort", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 2, G_TYPE_INT64, G_TYPE_INT64);

  spor_gui_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/dk/kulturspor/Spor/spor-programmes-view.ui");
  gtk_widget_class_bind_template_child (widget_class, SporProgrammesView, leaflet);
  gtk_widget_class_bind_template_child (widget_class, SporProgrammesView, template_box);
  gtk_widget_class_bind_template_child (widget_class, SporProgrammesView, template_popover);
  gtk_widget_class_bind_template_child (widget_class, SporProgrammesView, programme_list);
  gtk_widget_class_bind_template_child (widget_class, SporProgrammesView, content_stack);
  gtk_widget_class_bind_template_child (widget_class, SporProgrammesView, editor_box);
  gtk_widget_class_bind_template_callback (widget_class, on_programme_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_back_clicked);

  gtk_widget_class_install_action (widget_class, "programmes.new-blank", NULL, new_blank_action);
}

static void
spor_programmes_view_init (SporProgrammesView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  fill_templates (self);
}

GtkWidget *
spor_programmes_view_new (SporStore *store)
{
  g_return_val_if_fail (store == NULL || SPOR_IS_STORE (store), NULL);

  return g_object_new (SPOR_TYPE_PROGRAMMES_VIEW, "store", store, NULL);
}

SporStore *
spor_programmes_view_get_store (SporProgrammesView *self)
{
  g_return_val_if_fail (SPOR_IS_PROGRAMMES_VIEW (self), NULL);

  return self->store;
}

void
spor_programmes_view_set_store (SporProgrammesView *self,
                                SporStore          *store)
{
  g_return_if_fail (SPOR_IS_PROGRAMMES_VIEW (self));
  g_return_if_fail (store == NULL || SPOR_IS_STORE (store));

  if (!g_set_object (&self->store, store))
    return;

  self->programme_id = 0;
  spor_programmes_view_reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}
