/* spor-phase-stepper.c — a participant's phases, top to bottom, and the progress actions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "spor-gui.h"
#include "spor-leave-dialog.h"
#include "spor-phase-step-row.h"
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
      if (error == NULL)
        self->current = spor_progress_current (self->store, self->participant_id, &error);
      if (error == NULL)
        participant = spor_store_get (self->store, SPOR_TYPE_PARTICIPANT, self->participant_id, &error);
      if (error != NULL)
        {
          g_clear_pointer (&steps, g_ptr_array_unref);
          self->current = 0;
        }
    }
  /* what could not be read is said where the phases would be, and nothing is offered */
  gtk_label_set_label (self->empty_label, error != NULL ? error->message : _("Not enrolled in a cohort"));
  if (participant != NULL)
    status = spor_entity_get_text (participant, "status");

  for (guint i = 0; steps != NULL && i < steps->len; i++)
    {
      SporPhaseStep *step = g_ptr_array_index (steps, i);

      any_open |= g_strcmp0 (step->state, "active") == 0 || g_strcmp0 (step->state, "on_hold") == 0;
      any_planned |= g_strcmp0 (step->state, "planned") == 0;
      gtk_list_box_append (self->steps_list, spor_phase_step_row_new (step, step->progress_id == self->current));
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

static void
leave_response (SporLeaveDialog  *dialog,
                const char       *response,
                SporPhaseStepper *self)
{
  g_autofree char *date = NULL;
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (g_strcmp0 (response, "confirm") != 0 || self->store == NULL || (date = change_date (self)) == NULL)
    return;
  if (spor_leave_dialog_get_drop_out (dialog))
    ok = spor_progress_drop_out (self->store, self->participant_id,
                                 spor_leave_dialog_get_text (dialog), date, &error);
  else
    ok = spor_progress_complete (self->store, self->participant_id,
                                 spor_leave_dialog_get_destination (dialog),
                                 spor_leave_dialog_get_text (dialog), date, &error);
  finish (self, ok, error);
}

static void
leave_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  SporLeaveDialog *dialog = spor_leave_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                   g_str_equal (action_name, "stepper.drop-out"));

  g_signal_connect_object (dialog, "response", G_CALLBACK (leave_response), widget, 0);
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
