/* spor-phase-row.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "spor-choice.h"
#include "spor-choice-lists.h"
#include "spor-phase-row.h"

struct _SporPhaseRow
{
  AdwExpanderRow  parent_instance;

  SporEntity     *phase;
  guint           position;
  gboolean        filling;
  gboolean        touched;

  AdwEntryRow    *name_row;
  AdwEntryRow    *description_row;
  GtkSpinButton  *duration_spin;
  GtkDropDown    *unit_drop_down;
  GtkDropDown    *track_drop_down;
  GtkButton      *up_button;
  GtkButton      *down_button;
};

G_DEFINE_FINAL_TYPE (SporPhaseRow, spor_phase_row, ADW_TYPE_EXPANDER_ROW)

enum {
  SIGNAL_CHANGED,
  SIGNAL_MOVE,
  SIGNAL_REMOVE,
  SIGNAL_SAVE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* "2 months · parallel track" */
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

static void
on_field_changed (SporPhaseRow *self)
{
  if (self->filling || self->phase == NULL)
    return;
  self->touched = TRUE;
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

static void
on_up_clicked (SporPhaseRow *self)
{
  g_signal_emit (self, signals[SIGNAL_MOVE], 0, -1);
}

static void
on_down_clicked (SporPhaseRow *self)
{
  g_signal_emit (self, signals[SIGNAL_MOVE], 0, 1);
}

static void
on_remove_clicked (SporPhaseRow *self)
{
  g_signal_emit (self, signals[SIGNAL_REMOVE], 0);
}

static void
on_save_clicked (SporPhaseRow *self)
{
  if (self->phase != NULL)
    g_signal_emit (self, signals[SIGNAL_SAVE], 0);
}

static void
spor_phase_row_dispose (GObject *object)
{
  SporPhaseRow *self = SPOR_PHASE_ROW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), SPOR_TYPE_PHASE_ROW);
  g_clear_object (&self->phase);
  G_OBJECT_CLASS (spor_phase_row_parent_class)->dispose (object);
}

static void
spor_phase_row_class_init (SporPhaseRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = spor_phase_row_dispose;

  signals[SIGNAL_CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                          0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[SIGNAL_MOVE] = g_signal_new ("move", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                       0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT);
  signals[SIGNAL_REMOVE] = g_signal_new ("remove", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                         0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[SIGNAL_SAVE] = g_signal_new ("save", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                       0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/dk/kulturspor/Spor/spor-phase-row.ui");
  gtk_widget_class_bind_template_child (widget_class, SporPhaseRow, name_row);
  gtk_widget_class_bind_template_child (widget_class, SporPhaseRow, description_row);
  gtk_widget_class_bind_template_child (widget_class, SporPhaseRow, duration_spin);
  gtk_widget_class_bind_template_child (widget_class, SporPhaseRow, unit_drop_down);
  gtk_widget_class_bind_template_child (widget_class, SporPhaseRow, track_drop_down);
  gtk_widget_class_bind_template_child (widget_class, SporPhaseRow, up_button);
  gtk_widget_class_bind_template_child (widget_class, SporPhaseRow, down_button);
  gtk_widget_class_bind_template_callback (widget_class, on_field_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_up_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_down_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_remove_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_save_clicked);
}

static void
spor_phase_row_init (SporPhaseRow *self)
{
  g_autoptr(GListModel) units = spor_choice_lists_duration_units ();
  g_autoptr(GListModel) tracks = spor_choice_lists_tracks ();

  self->filling = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
  spor_choice_set_model (self->unit_drop_down, units, NULL);
  spor_choice_set_model (self->track_drop_down, tracks, NULL);
  self->filling = FALSE;
}

GtkWidget *
spor_phase_row_new (SporEntity *phase,
                    guint       position,
                    guint       n_phases)
{
  SporPhaseRow *self;
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;

  g_return_val_if_fail (SPOR_IS_ENTITY (phase), NULL);

  self = g_object_new (SPOR_TYPE_PHASE_ROW, NULL);
  self->position = position;
  title = g_strdup_printf ("%u. %s", position + 1, spor_entity_get_text (phase, "name"));
  subtitle = format_duration (phase);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), title);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (self), subtitle);
  gtk_widget_set_sensitive (GTK_WIDGET (self->up_button), position > 0);
  gtk_widget_set_sensitive (GTK_WIDGET (self->down_button), position + 1 < n_phases);
  spor_phase_row_set_phase (self, phase);
  return GTK_WIDGET (self);
}

SporEntity *
spor_phase_row_get_phase (SporPhaseRow *self)
{
  g_return_val_if_fail (SPOR_IS_PHASE_ROW (self), NULL);
  return self->phase;
}

guint
spor_phase_row_get_position (SporPhaseRow *self)
{
  g_return_val_if_fail (SPOR_IS_PHASE_ROW (self), 0);
  return self->position;
}

gboolean
spor_phase_row_get_touched (SporPhaseRow *self)
{
  g_return_val_if_fail (SPOR_IS_PHASE_ROW (self), FALSE);
  return self->touched;
}

void
spor_phase_row_set_phase (SporPhaseRow *self,
                          SporEntity   *phase)
{
  const char *description;

  g_return_if_fail (SPOR_IS_PHASE_ROW (self));
  g_return_if_fail (SPOR_IS_ENTITY (phase));

  description = spor_entity_get_text (phase, "description");
  self->filling = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), spor_entity_get_text (phase, "name"));
  gtk_editable_set_text (GTK_EDITABLE (self->description_row), description != NULL ? description : "");
  gtk_spin_button_set_value (self->duration_spin, (double) spor_entity_get_int (phase, "duration"));
  spor_choice_select (self->unit_drop_down, spor_entity_get_text (phase, "duration_unit"));
  spor_choice_select (self->track_drop_down, spor_entity_get_text (phase, "track"));
  self->filling = FALSE;
  self->touched = FALSE;
  g_set_object (&self->phase, phase);
}

gboolean
spor_phase_row_read_form (SporPhaseRow *self)
{
  g_autofree char *name = NULL;
  const char *description;

  g_return_val_if_fail (SPOR_IS_PHASE_ROW (self), FALSE);

  name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row))));
  if (*name == '\0')
    return FALSE;
  description = gtk_editable_get_text (GTK_EDITABLE (self->description_row));
  spor_entity_set_text (self->phase, "name", name);
  if (*description != '\0')
    spor_entity_set_text (self->phase, "description", description);
  else
    spor_entity_unset (self->phase, "description");
  spor_entity_set_int (self->phase, "duration", gtk_spin_button_get_value_as_int (self->duration_spin));
  spor_entity_set_text (self->phase, "duration_unit", spor_choice_get_selected (self->unit_drop_down));
  spor_entity_set_text (self->phase, "track", spor_choice_get_selected (self->track_drop_down));
  return TRUE;
}
