/* spor-occurrence-dialog.c — one occurrence of a block: its participants' attendance
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "spor-attendance.h"

#include "spor-attendance-print.h"
#include "spor-attendee-row.h"
#include "spor-choice-lists.h"
#include "spor-gui.h"
#include "spor-move-dialog.h"
#include "spor-occurrence-dialog.h"
#include "spor-substitute-dialog.h"

struct _SporOccurrenceDialog
{
  AdwWindow        parent_instance;

  SporStore       *store;
  SporOccurrence  *occurrence;
  double           full_hours;
  gboolean         filling;

  AdwToastOverlay *toast_overlay;
  AdwActionRow    *when_row;
  AdwActionRow    *where_row;
  AdwActionRow    *staff_row;
  AdwActionRow    *problems_row;
  AdwActionRow    *cancelled_row;
  AdwActionRow    *moved_row;
  AdwPreferencesGroup *participants_group;
  GtkButton       *mark_all_button;
  GtkListBox      *participant_list;
};

G_DEFINE_FINAL_TYPE (SporOccurrenceDialog, spor_occurrence_dialog, ADW_TYPE_WINDOW)

enum {
  SIGNAL_CHANGED,
  SIGNAL_EDIT_BLOCK,
  SIGNAL_DELETE_BLOCK,
  SIGNAL_EXPORT_BLOCK,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void fill (SporOccurrenceDialog *self);

static void
toast (SporOccurrenceDialog *self,
       const char           *text)
{
  adw_toast_overlay_add_toast (self->toast_overlay, spor_gui_toast_new (text));
}

static void
on_status_changed (SporAttendeeRow      *row,
                   SporOccurrenceDialog *self)
{
  SporAttendanceStatus status = spor_attendee_row_get_status (row);
  gint64 participant = spor_attendee_row_get_participant (row);
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (self->filling)
    return;
  if (status == SPOR_ATTENDANCE_UNKNOWN)
    ok = spor_attendance_clear (self->store, self->occurrence->block_id, self->occurrence->date,
                                participant, &error);
  else
    ok = spor_attendance_set (self->store, self->occurrence->block_id, self->occurrence->date,
                              participant, status, -1, &error);
  if (!ok)
    toast (self, error->message);
  fill (self);
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

static void
on_hours_changed (SporAttendeeRow      *row,
                  SporOccurrenceDialog *self)
{
  SporAttendanceStatus status = spor_attendee_row_get_status (row);
  g_autoptr(GError) error = NULL;

  if (self->filling || status == SPOR_ATTENDANCE_UNKNOWN)
    return;
  if (!spor_attendance_set (self->store, self->occurrence->block_id, self->occurrence->date,
                            spor_attendee_row_get_participant (row), status,
                            spor_attendee_row_get_hours (row), &error))
    {
      toast (self, error->message);
      fill (self);
    }
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

static void
fill (SporOccurrenceDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(SporOccurrence) fresh = NULL;
  g_autoptr(GListModel) statuses = NULL;
  g_autofree char *day = NULL;
  g_autofree char *when = NULL;
  g_autofree char *description = NULL;
  GtkWidget *child;
  guint registered = 0;

  self->filling = TRUE;
  /* The occurrence may have been cancelled, moved or given a substitute: read it again as
   * the week shows it */
  fresh = spor_blocks_query_occurrence (self->store, self->occurrence->block_id, self->occurrence->date, &error);
  if (fresh != NULL)
    {
      spor_occurrence_free (self->occurrence);
      self->occurrence = g_steal_pointer (&fresh);
      self->full_hours = spor_occurrence_hours (self->occurrence);
    }
  else
    {
      /* it shows what it read before, and says why it could not read again */
      toast (self, error->message);
      g_clear_error (&error);
    }

  day = g_date_time_format (self->occurrence->start, "%A %x");
  when = g_strdup_printf ("%s, %s–%s", day, self->occurrence->start_time, self->occurrence->end_time);
  adw_action_row_set_subtitle (self->when_row, when);
  adw_action_row_set_subtitle (self->where_row, self->occurrence->location ?: _("No location"));
  adw_action_row_set_subtitle (self->staff_row, self->occurrence->staff ?: _("No staff assigned"));
  gtk_widget_set_visible (GTK_WIDGET (self->problems_row), self->occurrence->problem_text != NULL && !self->occurrence->cancelled);
  if (self->occurrence->problem_text != NULL)
    adw_action_row_set_subtitle (self->problems_row, self->occurrence->problem_text);
  gtk_widget_set_visible (GTK_WIDGET (self->cancelled_row), self->occurrence->cancelled);
  gtk_widget_set_visible (GTK_WIDGET (self->moved_row), self->occurrence->moved && !self->occurrence->cancelled);
  if (self->occurrence->moved)
    {
      g_autofree char *from = spor_gui_format_date (self->occurrence->date);
      /* Translators: the date an occurrence was moved from, and the reason if any */
      g_autofree char *text = self->occurrence->reason != NULL
        ? g_strdup_printf (_("From %s: %s"), from, self->occurrence->reason)
        : g_strdup_printf (_("From %s"), from);

      adw_action_row_set_subtitle (self->moved_row, text);
    }

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->participant_list))) != NULL)
    gtk_list_box_remove (self->participant_list, child);
  rows = spor_attendance_list_occurrence (self->store, self->occurrence->block_id, self->occurrence->date, &error);
  if (rows == NULL)
    {
      toast (self, error->message);
      self->filling = FALSE;
      return;
    }
  statuses = spor_choice_lists_attendance ();
  for (guint i = 0; i < rows->len; i++)
    {
      SporAttendanceRow *r = g_ptr_array_index (rows, i);

      GtkWidget *row = spor_attendee_row_new (r, statuses, self->full_hours);

      gtk_widget_set_sensitive (row, !self->occurrence->cancelled);
      g_signal_connect (row, "status-changed", G_CALLBACK (on_status_changed), self);
      g_signal_connect (row, "hours-changed", G_CALLBACK (on_hours_changed), self);
      gtk_list_box_append (self->participant_list, row);
      if (r->status != SPOR_ATTENDANCE_UNKNOWN)
        registered++;
    }
  if (rows->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No participants in this block"));
      gtk_list_box_append (self->participant_list, row);
    }
  /* Translators: registered of all participants, e.g. "3 of 9 registered" */
  description = g_strdup_printf (_("%u of %u registered"), registered, rows->len);
  adw_preferences_group_set_description (self->participants_group, description);
  gtk_widget_set_sensitive (GTK_WIDGET (self->mark_all_button),
                            !self->occurrence->cancelled && registered < rows->len);
  self->filling = FALSE;
}

gboolean
spor_occurrence_dialog_mark_all_present (SporOccurrenceDialog *self)
{
  g_autoptr(GError) error = NULL;
  guint marked = 0;

  g_return_val_if_fail (SPOR_IS_OCCURRENCE_DIALOG (self), FALSE);

  if (!spor_attendance_mark_all_present (self->store, self->occurrence->block_id,
                                         self->occurrence->date, &marked, &error))
    {
      toast (self, error->message);
      return FALSE;
    }
  {
    /* Translators: %u is a number of participants */
    g_autofree char *text = g_strdup_printf (ngettext ("%u participant marked present",
                                                       "%u participants marked present", marked), marked);
    toast (self, text);
  }
  fill (self);
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
  return TRUE;
}

static void
on_mark_all_clicked (SporOccurrenceDialog *self)
{
  spor_occurrence_dialog_mark_all_present (self);
}

static void
on_restore_clicked (SporOccurrenceDialog *self)
{
  g_autoptr(GError) error = NULL;

  if (!spor_blocks_restore_occurrence (self->store, self->occurrence->block_id, self->occurrence->date, &error))
    toast (self, error->message);
  fill (self);
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

static void
after_change (SporOccurrenceDialog *self,
              gboolean              ok,
              GError               *error,
              const char           *done)
{
  toast (self, ok ? done : error->message);
  fill (self);
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

static void
on_move_response (SporMoveDialog       *dialog,
                  const char           *response,
                  SporOccurrenceDialog *self)
{
  g_autoptr(GError) error = NULL;

  if (g_str_equal (response, "move"))
    after_change (self, spor_move_dialog_apply (dialog, self->store, self->occurrence->block_id,
                                                self->occurrence->date, &error),
                  error, _("Occurrence moved"));
}

static void
on_substitute_response (SporSubstituteDialog *dialog,
                        const char           *response,
                        SporOccurrenceDialog *self)
{
  g_autoptr(GError) error = NULL;

  if (g_str_equal (response, "substitute"))
    after_change (self, spor_substitute_dialog_apply (dialog, self->store, self->occurrence->block_id,
                                                      self->occurrence->date, &error),
                  error, _("Substitute added"));
}

/* Move, substitute, and the attendance sheet of this occurrence */
static void
occurrence_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  SporOccurrenceDialog *self = SPOR_OCCURRENCE_DIALOG (widget);
  gint64 id = self->occurrence->block_id;

  if (g_str_equal (action_name, "occurrence.print-sheet"))
    spor_attendance_print_run (widget, self->store, id, self->occurrence->date, NULL);
  else if (g_str_equal (action_name, "occurrence.export-sheet"))
    spor_attendance_print_ask_export (widget, self->store, id, self->occurrence->date, NULL);
  else if (g_str_equal (action_name, "occurrence.move"))
    {
      SporMoveDialog *dialog = spor_move_dialog_new (GTK_WINDOW (self), self->occurrence);

      g_signal_connect_object (dialog, "response", G_CALLBACK (on_move_response), self, 0);
      gtk_window_present (GTK_WINDOW (dialog));
    }
  else if (g_str_equal (action_name, "occurrence.substitute"))
    {
      g_autoptr(GError) error = NULL;
      SporSubstituteDialog *dialog = spor_substitute_dialog_new (GTK_WINDOW (self), self->store, id, &error);

      if (dialog == NULL)
        {
          toast (self, error->message);
          return;
        }
      g_signal_connect_object (dialog, "response", G_CALLBACK (on_substitute_response), self, 0);
      gtk_window_present (GTK_WINDOW (dialog));
    }
}

static void
block_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  SporOccurrenceDialog *self = SPOR_OCCURRENCE_DIALOG (widget);
  gint64 id = self->occurrence->block_id;

  if (g_str_equal (action_name, "occurrence.edit-block"))
    g_signal_emit (self, signals[SIGNAL_EDIT_BLOCK], 0, id);
  else if (g_str_equal (action_name, "occurrence.delete-block"))
    g_signal_emit (self, signals[SIGNAL_DELETE_BLOCK], 0, id);
  else if (g_str_equal (action_name, "occurrence.export-block"))
    g_signal_emit (self, signals[SIGNAL_EXPORT_BLOCK], 0, id);
  else if (g_str_equal (action_name, "occurrence.cancel"))
    {
      g_autoptr(GError) error = NULL;

      if (!spor_blocks_cancel_occurrence (self->store, id, self->occurrence->date, NULL, &error))
        toast (self, error->message);
      fill (self);
      g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
    }
}

static void
spor_occurrence_dialog_dispose (GObject *object)
{
  SporOccurrenceDialog *self = SPOR_OCCURRENCE_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), SPOR_TYPE_OCCURRENCE_DIALOG);
  g_clear_object (&self->store);
  g_clear_pointer (&self->occurrence, spor_occurrence_free);
  G_OBJECT_CLASS (spor_occurrence_dialog_parent_class)->dispose (object);
}

static void
spor_occurrence_dialog_class_init (SporOccurrenceDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = spor_occurrence_dialog_dispose;

  signals[SIGNAL_CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                          0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[SIGNAL_EDIT_BLOCK] = g_signal_new ("edit-block", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                             0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
  signals[SIGNAL_DELETE_BLOCK] = g_signal_new ("delete-block", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                               0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
  signals[SIGNAL_EXPORT_BLOCK] = g_signal_new ("export-block", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                               0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class, "/dk/kulturspor/Spor/spor-occurrence-dialog.ui");
#define CHILD(name) gtk_widget_class_bind_template_child (widget_class, SporOccurrenceDialog, name)
  CHILD (toast_overlay);
  CHILD (when_row);
  CHILD (where_row);
  CHILD (staff_row);
  CHILD (problems_row);
  CHILD (cancelled_row);
  CHILD (moved_row);
  CHILD (participants_group);
  CHILD (mark_all_button);
  CHILD (participant_list);
#undef CHILD
  gtk_widget_class_bind_template_callback (widget_class, on_mark_all_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_restore_clicked);
  gtk_widget_class_install_action (widget_class, "occurrence.edit-block", NULL, block_action);
  gtk_widget_class_install_action (widget_class, "occurrence.delete-block", NULL, block_action);
  gtk_widget_class_install_action (widget_class, "occurrence.export-block", NULL, block_action);
  gtk_widget_class_install_action (widget_class, "occurrence.cancel", NULL, block_action);
  gtk_widget_class_install_action (widget_class, "occurrence.move", NULL, occurrence_action);
  gtk_widget_class_install_action (widget_class, "occurrence.substitute", NULL, occurrence_action);
  gtk_widget_class_install_action (widget_class, "occurrence.print-sheet", NULL, occurrence_action);
  gtk_widget_class_install_action (widget_class, "occurrence.export-sheet", NULL, occurrence_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "occurrence.print-sheet", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
spor_occurrence_dialog_init (SporOccurrenceDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

SporOccurrenceDialog *
spor_occurrence_dialog_new (SporStore            *store,
                            const SporOccurrence *occurrence)
{
  SporOccurrenceDialog *self;

  g_return_val_if_fail (SPOR_IS_STORE (store), NULL);
  g_return_val_if_fail (occurrence != NULL, NULL);

  self = g_object_new (SPOR_TYPE_OCCURRENCE_DIALOG, NULL);
  self->store = g_object_ref (store);
  self->occurrence = spor_occurrence_copy (occurrence);
  self->full_hours = spor_occurrence_hours (occurrence);
  gtk_window_set_title (GTK_WINDOW (self), occurrence->title);
  fill (self);
  return self;
}
