/* spor-programmes-phases.c — the Programmes view's phases: order, length, track
 *
 * Each phase is an expander with its own form and Save; the form keeps the phase as it was
 * read, so that a save over a change made elsewhere since is refused and the user asked.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "spor-choice.h"
#include "spor-choice-lists.h"
#include "spor-conflict.h"
#include "spor-programmes.h"
#include "spor-programmes-view-private.h"

/* The form's fields, kept on its Save button with the phase as the form read it */
#define PHASE "phase"

static void
report (SporProgrammesView *self,
        const GError       *error)
{
  spor_programmes_view_toast (self, error->message);
}

/* Structural changes build the list again from the store, unsaved fields of other phases
 * with it (as they always were). */
static void
forget_touched (SporProgrammesView *self)
{
  self->touched[SPOR_PROGRAMMES_PART_PHASES] = FALSE;
  g_hash_table_remove_all (self->touched_phases);
}

static void
untouch_phase (SporProgrammesView *self,
               gint64              phase_id)
{
  g_hash_table_remove (self->touched_phases, &phase_id);
  self->touched[SPOR_PROGRAMMES_PART_PHASES] = g_hash_table_size (self->touched_phases) > 0;
}

static void
phase_move (GtkWidget          *button,
            SporProgrammesView *self)
{
  g_autoptr(GError) error = NULL;
  int delta = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "delta"));
  int position = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "position"));

  if (position + delta < 0)
    return;
  forget_touched (self);
  if (!spor_programmes_move_phase (self->store, SPOR_GET_ID (button), (guint) (position + delta), &error))
    report (self, error);
}

static void
remove_phase_now (SporProgrammesView *self,
                  gint64              phase_id)
{
  g_autoptr(GError) error = NULL;

  forget_touched (self);
  if (!spor_programmes_remove_phase (self->store, phase_id, &error))
    report (self, error);
}

static void
remove_phase_response (AdwMessageDialog   *dialog,
                       const char         *response,
                       SporProgrammesView *self)
{
  if (g_strcmp0 (response, "remove") == 0 && self->store != NULL)
    remove_phase_now (self, SPOR_GET_ID (dialog));
  g_object_unref (self);
}

static void
phase_remove (GtkWidget          *button,
              SporProgrammesView *self)
{
  g_autoptr(GError) error = NULL;
  gint64 in_use = spor_programmes_count_phase_progress (self->store, SPOR_GET_ID (button), &error);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  if (in_use < 0)
    return report (self, error);
  if (in_use == 0)
    return remove_phase_now (self, SPOR_GET_ID (button));

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
  SPOR_SET_ID (dialog, SPOR_GET_ID (button));
  g_signal_connect (dialog, "response", G_CALLBACK (remove_phase_response), g_object_ref (self));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Puts @phase into the form of @save (its Save button) and keeps it there. */
static void
fill_phase_form (SporProgrammesView *self,
                 GtkWidget          *save,
                 SporEntity         *phase)
{
  const char *description = spor_entity_get_text (phase, "description");

  self->filling = TRUE;
  gtk_editable_set_text (g_object_get_data (G_OBJECT (save), "name"), spor_entity_get_text (phase, "name"));
  gtk_editable_set_text (g_object_get_data (G_OBJECT (save), "description"), description ? description : "");
  gtk_spin_button_set_value (g_object_get_data (G_OBJECT (save), "duration"),
                             (double) spor_entity_get_int (phase, "duration"));
  spor_choice_select (g_object_get_data (G_OBJECT (save), "unit"),
                      spor_entity_get_text (phase, "duration_unit"));
  spor_choice_select (g_object_get_data (G_OBJECT (save), "track"),
                      spor_entity_get_text (phase, "track"));
  self->filling = FALSE;
  g_object_set_data_full (G_OBJECT (save), PHASE, g_object_ref (phase), g_object_unref);
}

static void save_phase (SporProgrammesView *self, GtkWidget *save);

typedef struct {
  SporProgrammesView *self;
  GtkWidget          *save;
} PhaseConflict;

static void
phase_conflict_free (PhaseConflict *c)
{
  g_object_unref (c->self);
  g_object_unref (c->save);
  g_free (c);
}

static void
on_phase_conflict (SporConflictChoice choice,
                   gpointer           data)
{
  PhaseConflict *c = data;
  SporEntity *phase = g_object_get_data (G_OBJECT (c->save), PHASE);
  g_autoptr(GError) error = NULL;

  if (c->self->store == NULL || phase == NULL || choice == SPOR_CONFLICT_CANCEL)
    return;
  if (choice == SPOR_CONFLICT_KEEP_MINE)
    {
      if (spor_conflict_take_stored (c->self->store, phase, &error))
        save_phase (c->self, c->save);
      else
        report (c->self, error);
      return;
    }
  {
    g_autoptr(SporEntity) stored = spor_store_get (c->self->store, SPOR_TYPE_PHASE,
                                                   spor_entity_get_id (phase), &error);

    if (stored == NULL)
      return report (c->self, error);
    fill_phase_form (c->self, c->save, stored);
    untouch_phase (c->self, spor_entity_get_id (stored));
    if (!c->self->touched[SPOR_PROGRAMMES_PART_PHASES])
      spor_programmes_view_rebuild_part (c->self, SPOR_PROGRAMMES_PART_PHASES);
  }
}

static void
save_phase (SporProgrammesView *self,
            GtkWidget          *save)
{
  g_autoptr(GError) error = NULL;
  SporEntity *phase = g_object_get_data (G_OBJECT (save), PHASE);
  GtkEditable *name = g_object_get_data (G_OBJECT (save), "name");
  GtkEditable *description = g_object_get_data (G_OBJECT (save), "description");
  GtkSpinButton *duration = g_object_get_data (G_OBJECT (save), "duration");
  GtkDropDown *unit = g_object_get_data (G_OBJECT (save), "unit");
  GtkDropDown *track = g_object_get_data (G_OBJECT (save), "track");
  g_autofree char *trimmed = g_strstrip (g_strdup (gtk_editable_get_text (name)));

  if (*trimmed == '\0')
    return spor_programmes_view_toast (self, _("A phase needs a name."));
  spor_entity_set_text (phase, "name", trimmed);
  if (*gtk_editable_get_text (description) != '\0')
    spor_entity_set_text (phase, "description", gtk_editable_get_text (description));
  else
    spor_entity_unset (phase, "description");
  spor_entity_set_int (phase, "duration", gtk_spin_button_get_value_as_int (duration));
  spor_entity_set_text (phase, "duration_unit", spor_choice_get_selected (unit));
  spor_entity_set_text (phase, "track", spor_choice_get_selected (track));
  if (!spor_store_update (self->store, phase, &error))
    {
      g_autofree char *stored_name = NULL;
      PhaseConflict *c;

      if (!spor_conflict_matches (error))
        return report (self, error);
      stored_name = spor_conflict_stored_text (self->store, phase, "name");
      c = g_new0 (PhaseConflict, 1);
      c->self = g_object_ref (self);
      c->save = g_object_ref (save);
      spor_conflict_ask (GTK_WIDGET (self), stored_name, on_phase_conflict, c,
                         (GDestroyNotify) phase_conflict_free);
      return;
    }
  /* the store's notification builds the list again once no other phase has unsaved fields */
  untouch_phase (self, spor_entity_get_id (phase));
  spor_programmes_view_toast (self, _("Phase saved"));
}

static void
phase_save (GtkWidget          *button,
            SporProgrammesView *self)
{
  if (g_object_get_data (G_OBJECT (button), PHASE) != NULL)
    save_phase (self, button);
}

static void
phase_add (GtkWidget          *button,
           SporProgrammesView *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SporPhase) phase = NULL;

  forget_touched (self);
  phase = spor_programmes_add_phase (self->store, self->programme_id, _("New Phase"), 4, "weeks",
                                     "sequential", &error);
  if (phase == NULL)
    report (self, error);
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
phase_row (SporProgrammesView *self,
           SporEntity         *phase,
           guint               position,
           guint               n_phases)
{
  g_autoptr(GListModel) units = spor_choice_lists_duration_units ();
  g_autoptr(GListModel) tracks = spor_choice_lists_tracks ();
  g_autofree char *subtitle = format_duration (phase);
  g_autofree char *title = g_strdup_printf ("%u. %s", position + 1, spor_entity_get_text (phase, "name"));
  GtkWidget *expander = adw_expander_row_new ();
  GtkWidget *name = spor_programmes_entry_row (_("Name"), NULL);
  GtkWidget *description = spor_programmes_entry_row (_("Description"), NULL);
  GtkSpinButton *duration = spor_programmes_spin_new (1000);
  GtkWidget *unit = spor_programmes_combo (units, NULL);
  GtkWidget *track = spor_programmes_combo (tracks, NULL);
  GtkWidget *up = spor_programmes_icon_button ("go-up-symbolic", _("Move Up"));
  GtkWidget *down = spor_programmes_icon_button ("go-down-symbolic", _("Move Down"));
  GtkWidget *remove = spor_programmes_icon_button ("user-trash-symbolic", _("Remove Phase"));
  GtkWidget *save = spor_programmes_text_button (_("_Save Phase"), TRUE);
  GtkWidget *buttons = adw_action_row_new ();
  GtkWidget *length = spor_programmes_row_with (_("Planned Duration"), NULL, GTK_WIDGET (duration));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander), title);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (expander), subtitle);
  adw_action_row_add_suffix (ADW_ACTION_ROW (length), unit);
  gtk_accessible_update_property (GTK_ACCESSIBLE (unit), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Unit"), -1);

  for (GtkWidget **b = (GtkWidget *[]) { up, down, remove, save, NULL }; *b; b++)
    {
      SPOR_SET_ID (*b, spor_entity_get_id (phase));
      g_object_set_data (G_OBJECT (*b), "position", GINT_TO_POINTER ((int) position));
    }
  g_object_set_data (G_OBJECT (up), "delta", GINT_TO_POINTER (-1));
  g_object_set_data (G_OBJECT (down), "delta", GINT_TO_POINTER (1));
  gtk_widget_set_sensitive (up, position > 0);
  gtk_widget_set_sensitive (down, position + 1 < n_phases);
  g_object_set_data (G_OBJECT (save), "name", name);
  g_object_set_data (G_OBJECT (save), "description", description);
  g_object_set_data (G_OBJECT (save), "duration", duration);
  g_object_set_data (G_OBJECT (save), "unit", unit);
  g_object_set_data (G_OBJECT (save), "track", track);
  fill_phase_form (self, save, phase);
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
  adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), spor_programmes_row_with (_("Track"), NULL, track));
  adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), buttons);
  spor_programmes_view_watch_fields (self, expander, SPOR_PROGRAMMES_PART_PHASES,
                                     spor_entity_get_id (phase));
  return expander;
}

GtkWidget *
spor_programmes_build_phases (SporProgrammesView *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) phases = spor_programmes_list_phases (self->store, self->programme_id, &error);
  GtkWidget *group = spor_programmes_group_new (_("Phases"), _("In order; parallel tracks run side by side"));
  GtkWidget *add = spor_programmes_text_button (_("Add _Phase"), FALSE);

  g_signal_connect (add, "clicked", G_CALLBACK (phase_add), self);
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (group), add);
  for (guint i = 0; phases != NULL && i < phases->len; i++)
    adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                               phase_row (self, g_ptr_array_index (phases, i), i, phases->len));
  return group;
}
