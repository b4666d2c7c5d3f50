/* spor-phase-step-row.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "spor-gui.h"
#include "spor-phase-step-row.h"

struct _SporPhaseStepRow
{
  AdwActionRow  parent_instance;

  GtkImage     *state_icon;
  GtkLabel     *overdue_label;
  GtkLabel     *state_label;
};

G_DEFINE_FINAL_TYPE (SporPhaseStepRow, spor_phase_step_row, ADW_TYPE_ACTION_ROW)

/* The progress states as the stepper shows them; the last is for "planned" and any other */
static const struct {
  const char *state;
  const char *icon;
  const char *label;  /* N_() */
} states[] = {
  { "done", "object-select-symbolic", N_("Finished") },
  { "active", "media-playback-start-symbolic", N_("In progress") },
  { "on_hold", "media-playback-pause-symbolic", N_("On hold") },
  { "skipped", "media-skip-forward-symbolic", N_("Skipped") },
  { "planned", "radio-symbolic", N_("Not started") },
};

static guint
state_index (const char *state)
{
  for (guint i = 0; i < G_N_ELEMENTS (states) - 1; i++)
    if (g_strcmp0 (state, states[i].state) == 0)
      return i;
  return G_N_ELEMENTS (states) - 1;
}

static void
spor_phase_step_row_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), SPOR_TYPE_PHASE_STEP_ROW);
  G_OBJECT_CLASS (spor_phase_step_row_parent_class)->dispose (object);
}

static void
spor_phase_step_row_class_init (SporPhaseStepRowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = spor_phase_step_row_dispose;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/dk/kulturspor/Spor/spor-phase-step-row.ui");
  gtk_widget_class_bind_template_child (widget_class, SporPhaseStepRow, state_icon);
  gtk_widget_class_bind_template_child (widget_class, SporPhaseStepRow, overdue_label);
  gtk_widget_class_bind_template_child (widget_class, SporPhaseStepRow, state_label);
}

static void
spor_phase_step_row_init (SporPhaseStepRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* "Planned 1-3-2026 – 31-3-2026", and the actual dates on a line of their own */
static char *
describe_dates (const SporPhaseStep *step)
{
  g_autofree char *ps = spor_gui_format_date (step->planned_start);
  g_autofree char *pe = spor_gui_format_date (step->planned_end);
  GString *text = g_string_new (NULL);

  /* Translators: planned dates of a phase */
  g_string_append_printf (text, _("Planned %s – %s"), ps, pe);
  if (step->actual_start != NULL)
    {
      g_autofree char *as = spor_gui_format_date (step->actual_start);
      g_autofree char *ae = spor_gui_format_date (step->actual_end);

      g_string_append (text, "\n");
      if (step->actual_end != NULL)
        /* Translators: actual dates of a phase */
        g_string_append_printf (text, _("Actual %s – %s"), as, ae);
      else
        /* Translators: the actual start of a phase still going on */
        g_string_append_printf (text, _("Started %s"), as);
    }
  return g_string_free (text, FALSE);
}

GtkWidget *
spor_phase_step_row_new (const SporPhaseStep *step,
                         gboolean             current)
{
  SporPhaseStepRow *self;
  guint state;
  g_autofree char *dates = NULL;
  g_autofree char *title = NULL;
  g_autofree char *description = NULL;

  g_return_val_if_fail (step != NULL, NULL);

  self = g_object_new (SPOR_TYPE_PHASE_STEP_ROW, NULL);
  state = state_index (step->state);
  dates = describe_dates (step);
  title = step->parallel ? g_strdup_printf (_("%s (parallel track)"), step->phase_name)
                         : g_strdup (step->phase_name);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self), dates);
  gtk_image_set_from_icon_name (self->state_icon, states[state].icon);
  gtk_label_set_label (self->state_label, _(states[state].label));
  gtk_widget_set_visible (GTK_WIDGET (self->overdue_label), step->overdue);
  if (current)
    gtk_widget_add_css_class (GTK_WIDGET (self), "phase-step-current");
  /* Translators: what a screen reader says for a phase: state, dates, overdue */
  description = g_strdup_printf ("%s. %s%s", _(states[state].label), dates,
                                 step->overdue ? _(". Overdue") : "");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  description, -1);
  return GTK_WIDGET (self);
}
