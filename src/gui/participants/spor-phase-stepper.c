/* spor-phase-stepper.c — a participant's phases, top to bottom, and the progress actions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "spor-choice.h"
#include "spor-choice-lists.h"
#include "spor-gui.h"
#include "spor-phase-stepper.h"
#include "spor-progress.h"
#include "spor-util.h"

struct _SporPhaseStepper
{
  AdwBin       parent_instance;

  SporStore   *store;
  gint64       participant_id;
  char        *today;
  gint64       current;     /* phase_progress id of the current phase, 0 none */

  GtkLabel    *empty_label;
  GtkListBox  *steps_list;
  GtkFlowBox  *actions_box;
  GtkBox      *date_box;
  GtkEntry    *date_entry;
};

G_DEFINE_FINAL_TYPE (SporPhaseStepper, spor_phase_stepper, ADW_TYPE_BIN)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char *
state_icon (const SporPhaseStep *step)
{
  if (g_strcmp0 (step->state, "done") == 0)
    return "object-select-symbolic";
  if (g_strcmp0 (step->state, "active") == 0)
    return "media-playback-start-symbolic";
  if (g_strcmp0 (step->state, "on_hold") == 0)
    return "media-playback-pause-symbolic";
  if (g_strcmp0 (step->state, "skipped") == 0)
    return "media-skip-forward-symbolic";
  return "radio-symbolic";
}

static const char *
state_text (const SporPhaseStep *step)
{
  if (g_strcmp0 (step->state, "done") == 0)
    return _("Finished");
  if (g_strcmp0 (step->state, "active") == 0)
    return _("In progress");
  if (g_strcmp0 (step->state, "on_hold") == 0)
    return _("On hold");
  if (g_strcmp0 (step->state, "skipped") == 0)
    return _("Skipped");
  return _("Not started");
}

static GtkWidget *
step_row (const SporPhaseStep *step,
          gboolean             current)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon = gtk_image_new_from_icon_name (state_icon (step));
  g_autofree char *ps = spor_gui_format_date (step->planned_start);
  g_autofree char *pe = spor_gui_format_date (step->planned_end);
  g_autoptr(GString) subtitle = g_string_new (NULL);
  g_autofree char *title = NULL;
  g_autofree char *description = NULL;

  /* Translators: planned dates of a phase */
  g_string_append_printf (subtitle, _("Planned %s – %s"), ps, pe);
  if (step->actual_start != NULL)
    {
      g_autofree char *as = spor_gui_format_date (step->actual_start);
      g_autofree char *ae = spor_gui_format_date (step->actual_end);

      g_string_append (subtitle, "\n");
      if (step->actual_end != NULL)
        /* Translators: actual dates of a phase */
        g_string_append_printf (subtitle, _("Actual %s – %s"), as, ae);
      else
        /* Translators: the actual start of a phase still going on */
        g_string_append_printf (subtitle, _("Started %s"), as);
    }
  title = step->parallel ? g_strdup_printf (_("%s (parallel track)"), step->phase_name)
                         : g_strdup (step->phase_name);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 3);
  gtk_widget_add_css_class (icon, "phase-step-icon");
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
  if (step->overdue)
    {
      GtkWidget *badge = gtk_label_new (_("Overdue"));

      gtk_widget_add_css_class (badge, "error");
      gtk_widget_add_css_class (badge, "caption-heading");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), badge);
    }
  {
    GtkWidget *state = gtk_label_new (state_text (step));

    gtk_widget_add_css_class (state, "dim-label");
    adw_action_row_add_suffix (ADW_ACTION_ROW (row), state);
  }
  if (current)
    gtk_widget_add_css_class (row, "phase-step-current");
  /* Translators: what a screen reader says for a phase: state, dates, overdue */
  description = g_strdup_printf ("%s. %s%s", state_text (step), subtitle->str,
                                 step->overdue ? _(". Overdue") : "");
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  description, -1);
  return row;
}

void
spor_phase_stepper_reload (SporPhaseStepper *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) steps = NULL;
  g_autoptr(SporEntity) participant = NULL;
  GtkWidget *child;
  const char *status = NULL;
  gboolean any_open = FALSE, any_planned = FALSE;

  g_return_if_fail (SPOR_IS_PHASE_STEPPER (self));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->steps_list))) != NULL)
    gtk_list_box_remove (self->steps_list, child);
  self->current = 0;

  if (self->store != NULL && self->participant_id > 0)
    {
      steps = spor_progress_list_steps (self->store, self->participant_id, self->today, &error);
      if (steps != NULL)
        self->current = spor_progress_current (self->store, self->participant_id, &error);
      participant = spor_store_get (self->store, SPOR_TYPE_PARTICIPANT, self->participant_id, NULL);
      if (error != NULL)
        g_warning ("Phase stepper: %s", error->message);
    }
  if (participant != NULL)
    status = spor_entity_get_text (participant, "status");

  for (guint i = 0; steps != NULL && i < steps->len; i++)
    {
      SporPhaseStep *step = g_ptr_array_index (steps, i);

      any_open |= g_strcmp0 (step->state, "active") == 0 || g_strcmp0 (step->state, "on_hold") == 0;
      any_planned |= g_strcmp0 (step->state, "planned") == 0;
      gtk_list_box_append (self->steps_list, step_row (step, step->progress_id == self->current));
    }

  {
    gboolean enrolled = steps != NULL && steps->len > 0;
    gboolean left = g_strcmp0 (status, "completed") == 0 || g_strcmp0 (status, "dropped_out") == 0;
    gboolean on_hold = g_strcmp0 (status, "on_hold") == 0;

    gtk_widget_set_visible (GTK_WIDGET (self->empty_label), !enrolled);
    gtk_widget_set_visible (GTK_WIDGET (self->steps_list), enrolled);
    gtk_widget_set_visible (GTK_WIDGET (self->actions_box), enrolled);
    gtk_widget_set_visible (GTK_WIDGET (self->date_box), enrolled && !left);
    gtk_widget_action_set_enabled (GTK_WIDGET (self), "stepper.advance",
                                   enrolled && !left && !on_hold && (any_open || any_planned));
    gtk_widget_action_set_enabled (GTK_WIDGET (self), "stepper.skip",
                                   enrolled && !left && !on_hold && self->current != 0);
    gtk_widget_action_set_enabled (GTK_WIDGET (self), "stepper.hold", enrolled && !left && !on_hold);
    gtk_widget_action_set_enabled (GTK_WIDGET (self), "stepper.resume", enrolled && on_hold);
    gtk_widget_action_set_enabled (GTK_WIDGET (self), "stepper.complete", enrolled && !left);
    gtk_widget_action_set_enabled (GTK_WIDGET (self), "stepper.drop-out", enrolled && !left);
  }
}

static void
toast (SporPhaseStepper *self,
       const char       *text)
{
  spor_gui_show_toast (GTK_WIDGET (self), text);
}

static void
finish (SporPhaseStepper *self,
        gboolean          ok,
        GError           *error)
{
  if (!ok)
    {
      toast (self, error->message);
      return;
    }
  spor_phase_stepper_reload (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

/* The date typed for the change (ISO or the locale's format), today when empty; NULL and a
 * message when it is not a date. */
static char *
change_date (SporPhaseStepper *self)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->date_entry))));
  char *date;

  if (*text == '\0')
    return self->today != NULL ? g_strdup (self->today) : spor_date_today ();
  if ((date = spor_gui_parse_date (text)) != NULL)
    return date;
  gtk_widget_add_css_class (GTK_WIDGET (self->date_entry), "error");
  toast (self, _("The date of the change is not a date."));
  return NULL;
}

static void
simple_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  SporPhaseStepper *self = SPOR_PHASE_STEPPER (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *date = NULL;
  gboolean ok = FALSE;

  if (self->store == NULL || (date = change_date (self)) == NULL)
    return;
  gtk_widget_remove_css_class (GTK_WIDGET (self->date_entry), "error");
  if (g_str_equal (action_name, "stepper.advance"))
    ok = spor_progress_advance (self->store, self->participant_id, date, &error);
  else if (g_str_equal (action_name, "stepper.skip"))
    ok = spor_progress_skip (self->store, self->current, date, &error);
  else if (g_str_equal (action_name, "stepper.hold"))
    ok = spor_progress_hold (self->store, self->participant_id, &error);
  else if (g_str_equal (action_name, "stepper.resume"))
    ok = spor_progress_resume (self->store, self->participant_id, &error);
  finish (self, ok, error);
}

/* ---- leaving: drop out with a reason, complete with an exit plan --------------------- */

typedef struct {
  SporPhaseStepper *self;
  GtkEditable      *text;
  GtkDropDown      *destination;  /* NULL: a drop-out */
} LeaveData;

static void
leave_response (AdwMessageDialog *dialog,
                const char       *response,
                LeaveData        *data)
{
  SporPhaseStepper *self = data->self;

  g_autofree char *date = NULL;

  if (g_strcmp0 (response, "confirm") == 0 && (date = change_date (self)) != NULL)
    {
      g_autoptr(GError) error = NULL;
      gboolean ok;

      if (data->destination == NULL)
        ok = spor_progress_drop_out (self->store, self->participant_id,
                                     gtk_editable_get_text (data->text), date, &error);
      else
        ok = spor_progress_complete (self->store, self->participant_id,
                                     spor_choice_get_selected (data->destination),
                                     gtk_editable_get_text (data->text), date, &error);
      finish (self, ok, error);
    }
  g_object_unref (data->self);
  g_free (data);
}

static void
reason_changed (GtkEditable      *text,
                AdwMessageDialog *dialog)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (gtk_editable_get_text (text)));

  adw_message_dialog_set_response_enabled (dialog, "confirm", *trimmed != '\0');
}

static void
leave_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  SporPhaseStepper *self = SPOR_PHASE_STEPPER (widget);
  gboolean drop = g_str_equal (action_name, "stepper.drop-out");
  GtkRoot *root = gtk_widget_get_root (widget);
  LeaveData *data = g_new0 (LeaveData, 1);
  GtkWidget *dialog, *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *entry = gtk_entry_new ();

  data->self = g_object_ref (self);
  data->text = GTK_EDITABLE (entry);
  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   drop ? _("Drop Out?") : _("Complete the Programme?"),
                                   drop ? _("The participant leaves the programme on the date of the change. Open phases end.")
                                        : _("The participant finishes the programme on the date of the change. Record the exit plan."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                    "confirm", drop ? _("_Drop Out") : _("_Complete"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "confirm",
                                              drop ? ADW_RESPONSE_DESTRUCTIVE : ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  if (!drop)
    {
      g_autoptr(GListModel) destinations = spor_choice_lists_destinations ();
      GtkWidget *label = gtk_label_new (_("Planned destination"));

      data->destination = GTK_DROP_DOWN (gtk_drop_down_new (NULL, NULL));
      spor_choice_set_model (data->destination, destinations, NULL);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_accessible_update_property (GTK_ACCESSIBLE (data->destination),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _("Planned destination"), -1);
      gtk_box_append (GTK_BOX (box), label);
      gtk_box_append (GTK_BOX (box), GTK_WIDGET (data->destination));
      gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("Notes on the exit plan (optional)"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Notes on the exit plan"), -1);
    }
  else
    {
      gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("Reason"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Reason for dropping out"), -1);
      adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "confirm", FALSE);
      g_signal_connect (entry, "changed", G_CALLBACK (reason_changed), dialog);
    }
  gtk_box_append (GTK_BOX (box), entry);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);
  g_signal_connect (dialog, "response", G_CALLBACK (leave_response), data);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ---- GObject ------------------------------------------------------------------------- */

static void
spor_phase_stepper_dispose (GObject *object)
{
  SporPhaseStepper *self = SPOR_PHASE_STEPPER (object);

  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), SPOR_TYPE_PHASE_STEPPER);
  g_clear_object (&self->store);
  g_clear_pointer (&self->today, g_free);

  G_OBJECT_CLASS (spor_phase_stepper_parent_class)->dispose (object);
}

static void
spor_phase_stepper_class_init (SporPhaseStepperClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = spor_phase_stepper_dispose;

  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/dk/kulturspor/Spor/spor-phase-stepper.ui");
  gtk_widget_class_bind_template_child (widget_class, SporPhaseStepper, empty_label);
  gtk_widget_class_bind_template_child (widget_class, SporPhaseStepper, steps_list);
  gtk_widget_class_bind_template_child (widget_class, SporPhaseStepper, actions_box);
  gtk_widget_class_bind_template_child (widget_class, SporPhaseStepper, date_box);
  gtk_widget_class_bind_template_child (widget_class, SporPhaseStepper, date_entry);

  gtk_widget_class_install_action (widget_class, "stepper.advance", NULL, simple_action);
  gtk_widget_class_install_action (widget_class, "stepper.skip", NULL, simple_action);
  gtk_widget_class_install_action (widget_class, "stepper.hold", NULL, simple_action);
  gtk_widget_class_install_action (widget_class, "stepper.resume", NULL, simple_action);
  gtk_widget_class_install_action (widget_class, "stepper.complete", NULL, leave_action);
  gtk_widget_class_install_action (widget_class, "stepper.drop-out", NULL, leave_action);
}

static void
spor_phase_stepper_init (SporPhaseStepper *self)
{
  g_autofree char *today = spor_date_today ();
  g_autofree char *shown = spor_gui_format_date (today);

  gtk_widget_init_template (GTK_WIDGET (self));
  /* empty means today; the placeholder says which day that is */
  gtk_entry_set_placeholder_text (self->date_entry, shown);
  spor_phase_stepper_reload (self);
}

GtkWidget *
spor_phase_stepper_new (void)
{
  return g_object_new (SPOR_TYPE_PHASE_STEPPER, NULL);
}

void
spor_phase_stepper_set_participant (SporPhaseStepper *self,
                                    SporStore        *store,
                                    gint64            participant_id)
{
  g_return_if_fail (SPOR_IS_PHASE_STEPPER (self));
  g_return_if_fail (store == NULL || SPOR_IS_STORE (store));

  g_set_object (&self->store, store);
  self->participant_id = store != NULL ? participant_id : 0;
  gtk_editable_set_text (GTK_EDITABLE (self->date_entry), "");
  spor_phase_stepper_reload (self);
}

gint64
spor_phase_stepper_get_participant (SporPhaseStepper *self)
{
  g_return_val_if_fail (SPOR_IS_PHASE_STEPPER (self), 0);
  return self->participant_id;
}

void
spor_phase_stepper_set_today (SporPhaseStepper *self,
                              const char       *today)
{
  g_return_if_fail (SPOR_IS_PHASE_STEPPER (self));
  g_free (self->today);
  self->today = g_strdup (today);
  gtk_editable_set_text (GTK_EDITABLE (self->date_entry), "");
  spor_phase_stepper_reload (self);
}
