/* spor-calendar-edit.c — the Calendar's blocks: creating, editing, Undo, deleting
 *
 * What is written here comes back to the view through the store's notifications; the view
 * only hides a block whose deletion waits for its Undo.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "spor-blocks.h"

#include "spor-block-editor.h"
#include "spor-calendar-view-private.h"
#include "spor-gui.h"
#include "spor-pending-delete.h"

static void on_block_saved (SporBlockEditor  *editor,
                            gint64            block_id,
                            gboolean          created,
                            SporBlockState   *before,
                            SporCalendarView *self);

void
spor_calendar_view_open_editor (SporCalendarView *self,
                                gint64            block_id,
                                const char       *date,
                                const char       *start,
                                const char       *end)
{
  SporBlockEditor *editor;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (self->store == NULL)
    return;
  editor = spor_block_editor_new (self->store, block_id);
  if (block_id == 0)
    spor_block_editor_set_defaults (editor, date, start, end, self->filter.programme_id);
  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (editor), GTK_WINDOW (root));
  g_signal_connect_object (editor, "saved", G_CALLBACK (on_block_saved), self, 0);
  gtk_window_present (GTK_WINDOW (editor));
}

/* ---- Undo of a save ------------------------------------------------------------------- */

typedef struct {
  SporCalendarView *self;
  gint64            block_id;
  SporBlockState   *before;   /* NULL when the block was created */
  char             *saved_at; /* the block's updated_at right after the save */
} Undo;

static void
undo_clear (Undo *u)
{
  g_clear_pointer (&u->before, spor_block_state_unref);
  g_clear_object (&u->self);
  g_free (u->saved_at);
}

static void
undo_release (Undo *u)
{
  g_rc_box_release_full (u, (GDestroyNotify) undo_clear);
}

static void
undo_now (Undo *u)
{
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (u->self->store == NULL)
    return;
  if (u->before == NULL)
    ok = spor_blocks_delete (u->self->store, u->block_id, &error);
  else
    ok = spor_blocks_restore_state (u->self->store, u->before, &error);
  if (ok)
    return;
  if (u->before == NULL && g_error_matches (error, SPOR_STORE_ERROR, SPOR_STORE_ERROR_NOT_FOUND))
    spor_gui_show_toast (GTK_WIDGET (u->self), _("The work block has been deleted since; there is nothing to undo."));
  else
    spor_gui_show_toast (GTK_WIDGET (u->self), error->message);
}

static void
on_undo_anyway_response (AdwMessageDialog *dialog,
                         const char       *response,
                         Undo             *u)
{
  if (g_strcmp0 (response, "undo") == 0)
    undo_now (u);
}

/* Undo puts the earlier copy back on purpose; over a change made elsewhere since the save
 * only when the user says so. */
static void
on_undo_save (AdwToast *toast,
              Undo     *u)
{
  g_autoptr(SporBlock) now = NULL;
  g_autoptr(GError) error = NULL;
  GtkRoot *root;
  GtkWidget *dialog;

  if (u->self->store == NULL)
    return;
  now = spor_store_get (u->self->store, SPOR_TYPE_BLOCK, u->block_id, &error);
  if (now == NULL && !g_error_matches (error, SPOR_STORE_ERROR, SPOR_STORE_ERROR_NOT_FOUND))
    return spor_gui_show_toast (GTK_WIDGET (u->self), error->message);
  /* gone since (undo_now says so) or unchanged since the save */
  if (now == NULL || g_strcmp0 (spor_entity_get_updated_at (SPOR_ENTITY (now)), u->saved_at) == 0)
    {
      undo_now (u);
      return;
    }
  root = gtk_widget_get_root (GTK_WIDGET (u->self));
  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   _("Undo Over Newer Changes?"), NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  /* Translators: %s is the title of a work block */
                                  _("“%s” was changed elsewhere after it was saved here. Undo "
                                    "puts the earlier copy back over those changes."),
                                  spor_entity_get_text (SPOR_ENTITY (now), "title"));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"), "undo", _("_Undo Anyway"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "undo",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_undo_anyway_response),
                         g_rc_box_acquire (u), (GClosureNotify) (void (*) (void)) undo_release, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_block_saved (SporBlockEditor  *editor,
                gint64            block_id,
                gboolean          created,
                SporBlockState   *before,
                SporCalendarView *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SporBlock) block = spor_store_get (self->store, SPOR_TYPE_BLOCK, block_id, &error);
  AdwToast *t;
  Undo *u;

  gtk_stack_set_visible_child_name (self->stack, "week");
  /* Undo needs the copy saved: without it there is none to offer */
  if (block == NULL)
    return spor_gui_show_toast (GTK_WIDGET (self), error->message);
  t = spor_gui_toast_new (created ? _("Work block created") : _("Work block saved"));
  u = g_rc_box_new0 (Undo);
  u->self = g_object_ref (self);
  u->block_id = block_id;
  u->before = before != NULL ? spor_block_state_ref (before) : NULL;
  u->saved_at = g_strdup (spor_entity_get_updated_at (SPOR_ENTITY (block)));
  adw_toast_set_button_label (t, _("_Undo"));
  g_signal_connect_data (t, "button-clicked", G_CALLBACK (on_undo_save), u,
                         (GClosureNotify) (void (*) (void)) undo_release, 0);
  spor_gui_add_toast (GTK_WIDGET (self), t);
  if (created)
    spor_calendar_view_go_to (self, spor_entity_get_text (SPOR_ENTITY (block), "period_start"));
}

/* ---- deleting ------------------------------------------------------------------------- */

gboolean
spor_calendar_view_is_hidden (SporCalendarView *self,
                              gint64            block_id)
{
  for (guint i = 0; i < self->pending->len; i++)
    if (spor_pending_delete_get_id (g_ptr_array_index (self->pending, i)) == block_id)
      return TRUE;
  return FALSE;
}

static void
on_pending_finished (SporPendingDelete *pending,
                     gboolean           deleted,
                     SporCalendarView  *self)
{
  g_autoptr(SporPendingDelete) hold = g_object_ref (pending);
  gint64 block_id = spor_pending_delete_get_id (pending);

  g_signal_handlers_disconnect_by_data (pending, self);
  g_ptr_array_remove (self->pending, pending);
  if (self->week == NULL)
    return;
  /* until the store's notification has the week read again, the week read before the
   * deletion must not show the block */
  for (guint i = self->week->occurrences->len; deleted && i > 0; i--)
    if (((SporOccurrence *) g_ptr_array_index (self->week->occurrences, i - 1))->block_id == block_id)
      g_ptr_array_remove_index (self->week->occurrences, i - 1);
  spor_calendar_view_show_week (self);
}

static gboolean
delete_block (SporStore  *store,
              gint64      block_id,
              GError    **error)
{
  return spor_blocks_delete (store, block_id, error);
}

/* Hides the block at once; deletes it when its toast goes without Undo. */
void
spor_calendar_view_delete_block (SporCalendarView *self,
                                 gint64            block_id)
{
  g_autoptr(SporBlock) block = NULL;
  g_autoptr(GError) error = NULL;
  SporPendingDelete *p;

  g_return_if_fail (SPOR_IS_CALENDAR_VIEW (self));

  if (self->store == NULL || spor_calendar_view_is_hidden (self, block_id))
    return;
  block = spor_store_get (self->store, SPOR_TYPE_BLOCK, block_id, &error);
  if (block == NULL)
    return spor_gui_show_toast (GTK_WIDGET (self), error->message);
  p = spor_pending_delete_new (self->store, block_id, spor_entity_get_text (SPOR_ENTITY (block), "title"),
                               delete_block);
  g_ptr_array_add (self->pending, p);
  g_signal_connect (p, "finished", G_CALLBACK (on_pending_finished), self);
  spor_pending_delete_add_toast (p, GTK_WIDGET (self), _("Work block deleted"));
  if (self->week != NULL)
    spor_calendar_view_show_week (self);
}

void
spor_calendar_view_flush_pending (SporView  *view,
                                  GPtrArray *failed)
{
  SporCalendarView *self = SPOR_CALENDAR_VIEW (view);
  g_autoptr(GPtrArray) pending = g_ptr_array_copy (self->pending, (GCopyFunc) (void (*) (void)) g_object_ref, NULL);

  g_ptr_array_set_free_func (pending, g_object_unref);
  for (guint i = 0; i < pending->len; i++)
    if (!spor_pending_delete_run (g_ptr_array_index (pending, i)))
      g_ptr_array_add (failed, g_object_ref (g_ptr_array_index (pending, i)));
}

void
spor_calendar_view_drop_pending (SporCalendarView *self)
{
  g_autoptr(GPtrArray) pending = g_steal_pointer (&self->pending);

  self->pending = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; pending != NULL && i < pending->len; i++)
    {
      SporPendingDelete *p = g_ptr_array_index (pending, i);

      g_signal_handlers_disconnect_by_data (p, self);
      if (!spor_pending_delete_run (p))
        g_message ("A work block's deletion was not carried out: %s",
                   spor_pending_delete_get_error (p)->message);
    }
}
