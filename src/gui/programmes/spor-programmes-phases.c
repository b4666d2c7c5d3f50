/* spor-programmes-phases.c — the Programmes view's phases: order, length, track
 *
 * Each phase is a SporPhaseRow with its own form and Save; the row keeps the phase as it
 * was read, so that a save over a change made elsewhere since is refused and the user
 * asked.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "spor-conflict.h"
#include "spor-phase-row.h"
#include "spor-programmes.h"
#include "spor-programmes-view-private.h"

/* Whether the user has changed a field of any phase since the phases were filled */
static gboolean
any_touched (SporProgrammesView *self)
{
  for (guint i = 0; i < self->phase_rows->len; i++)
    if (spor_phase_row_get_touched (g_ptr_array_index (self->phase_rows, i)))
      return TRUE;
  return FALSE;
}

static void
on_phase_changed (SporPhaseRow       *row,
                  SporProgrammesView *self)
{
  self->touched[SPOR_PROGRAMMES_PART_PHASES] = TRUE;
}

static void
on_phase_move (SporPhaseRow       *row,
               int                 delta,
               SporProgrammesView *self)
{
  g_autoptr(GError) error = NULL;
  int position = (int) spor_phase_row_get_position (row);

  if (position + delta < 0)
    return;
  /* structural changes fill the list again from the store, unsaved fields of other phases
   * with it (as they always were) */
  self->touched[SPOR_PROGRAMMES_PART_PHASES] = FALSE;
  if (!spor_programmes_move_phase (self->store, spor_entity_get_id (spor_phase_row_get_phase (row)),
                                   (guint) (position + delta), &error))
    spor_programmes_editor_report (self, error);
}

static void
remove_phase_now (SporProgrammesView *self,
                  gint64              phase_id)
{
  g_autoptr(GError) error = NULL;

  self->touched[SPOR_PROGRAMMES_PART_PHASES] = FALSE;
  if (!spor_programmes_remove_phase (self->store, phase_id, &error))
    spor_programmes_editor_report (self, error);
}

typedef struct {
  SporProgrammesView *self;
  gint64              phase_id;
} RemovePhase;

static void
remove_phase_response (AdwMessageDialog *dialog,
                       const char       *response,
                       RemovePhase      *r)
{
  if (g_strcmp0 (response, "remove") == 0 && r->self->store != NULL)
    remove_phase_now (r->self, r->phase_id);
  g_object_unref (r->self);
  g_free (r);
}

static void
on_phase_remove (SporPhaseRow       *row,
                 SporProgrammesView *self)
{
  g_autoptr(GError) error = NULL;
  gint64 phase_id = spor_entity_get_id (spor_phase_row_get_phase (row));
  gint64 in_use = spor_programmes_count_phase_progress (self->store, phase_id, &error);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autofree char *body = NULL;
  GtkWidget *dialog;
  RemovePhase *r;

  if (in_use < 0)
    return spor_programmes_editor_report (self, error);
  if (in_use == 0)
    return remove_phase_now (self, phase_id);

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
  r = g_new0 (RemovePhase, 1);
  r->self = g_object_ref (self);
  r->phase_id = phase_id;
  g_signal_connect (dialog, "response", G_CALLBACK (remove_phase_response), r);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void save_phase (SporProgrammesView *self, SporPhaseRow *row);

typedef struct {
  SporProgrammesView *self;
  SporPhaseRow       *row;
} PhaseConflict;

static void
phase_conflict_free (PhaseConflict *c)
{
  g_object_unref (c->self);
  g_object_unref (c->row);
  g_free (c);
}

static void
on_phase_conflict (SporConflictChoice choice,
                   gpointer           data)
{
  PhaseConflict *c = data;
  SporEntity *phase = spor_phase_row_get_phase (c->row);
  g_autoptr(SporEntity) stored = NULL;
  g_autoptr(GError) error = NULL;

  if (c->self->store == NULL || phase == NULL || choice == SPOR_CONFLICT_CANCEL)
    return;
  if (choice == SPOR_CONFLICT_KEEP_MINE)
    {
      if (spor_conflict_take_stored (c->self->store, phase, &error))
        save_phase (c->self, c->row);
      else
        spor_programmes_editor_report (c->self, error);
      return;
    }
  stored = spor_store_get (c->self->store, SPOR_TYPE_PHASE, spor_entity_get_id (phase), &error);
  if (stored == NULL)
    return spor_programmes_editor_report (c->self, error);
  spor_phase_row_set_phase (c->row, stored);
  c->self->touched[SPOR_PROGRAMMES_PART_PHASES] = any_touched (c->self);
  if (!c->self->touched[SPOR_PROGRAMMES_PART_PHASES])
    spor_programmes_editor_rebuild_part (c->self, SPOR_PROGRAMMES_PART_PHASES);
}

static void
save_phase (SporProgrammesView *self,
            SporPhaseRow       *row)
{
  g_autoptr(GError) error = NULL;
  SporEntity *phase = spor_phase_row_get_phase (row);

  if (!spor_phase_row_read_form (row))
    return spor_programmes_editor_toast (self, _("A phase needs a name."));
  if (!spor_store_update (self->store, phase, &error))
    {
      g_autofree char *stored_name = NULL;
      PhaseConflict *c;

      if (!spor_conflict_matches (error))
        return spor_programmes_editor_report (self, error);
      g_clear_error (&error);
      if ((stored_name = spor_conflict_stored_text (self->store, phase, "name", &error)) == NULL)
        return spor_programmes_editor_report (self, error);
      c = g_new0 (PhaseConflict, 1);
      c->self = g_object_ref (self);
      c->row = g_object_ref (row);
      spor_conflict_ask (GTK_WIDGET (self), stored_name, on_phase_conflict, c,
                         (GDestroyNotify) phase_conflict_free);
      return;
    }
  /* the store's notification fills the list again once no other phase has unsaved fields */
  spor_phase_row_set_phase (row, phase);
  self->touched[SPOR_PROGRAMMES_PART_PHASES] = any_touched (self);
  spor_programmes_editor_toast (self, _("Phase saved"));
}

static void
on_phase_save (SporPhaseRow       *row,
               SporProgrammesView *self)
{
  save_phase (self, row);
}

static void
on_add_phase_clicked (SporProgrammesView *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SporPhase) phase = NULL;

  self->touched[SPOR_PROGRAMMES_PART_PHASES] = FALSE;
  phase = spor_programmes_add_phase (self->store, self->programme_id, _("New Phase"), 4, "weeks",
                                     "sequential", &error);
  if (phase == NULL)
    spor_programmes_editor_report (self, error);
}

void
spor_programmes_phases_fill (SporProgrammesView *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) phases = spor_programmes_list_phases (self->store, self->programme_id, &error);
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();

  if (phases == NULL)
    spor_programmes_editor_report (self, error);
  for (guint i = 0; phases != NULL && i < phases->len; i++)
    {
      GtkWidget *row = spor_phase_row_new (g_ptr_array_index (phases, i), i, phases->len);

      g_signal_connect_object (row, "changed", G_CALLBACK (on_phase_changed), self, 0);
      g_signal_connect_object (row, "move", G_CALLBACK (on_phase_move), self, 0);
      g_signal_connect_object (row, "remove", G_CALLBACK (on_phase_remove), self, 0);
      g_signal_connect_object (row, "save", G_CALLBACK (on_phase_save), self, 0);
      g_ptr_array_add (rows, row);
    }
  spor_programmes_editor_set_rows (self->phases_group, self->phase_rows, rows, NULL);
}

void
spor_programmes_phases_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_child (widget_class, SporProgrammesView, phases_group);
  gtk_widget_class_bind_template_callback (widget_class, on_add_phase_clicked);
}
