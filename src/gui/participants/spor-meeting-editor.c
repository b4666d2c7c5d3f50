/* spor-meeting-editor.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "spor-choice.h"
#include "spor-choice-lists.h"
#include "spor-gui.h"
#include "spor-meeting-editor.h"
#include "spor-participants.h"
#include "spor-record-choices.h"
#include "spor-util.h"

struct _SporMeetingEditor
{
  AdwWindow    parent_instance;

  SporStore   *store;
  gint64       participant_id;

  GtkLabel    *error_label;
  AdwComboRow *kind_row;
  AdwEntryRow *date_row;
  AdwComboRow *staff_row;
  GtkTextView *notes_view;
};

G_DEFINE_FINAL_TYPE (SporMeetingEditor, spor_meeting_editor, ADW_TYPE_WINDOW)

enum { SIGNAL_SAVED, N_SIGNALS };
static guint signals[N_SIGNALS];

static void
on_save_clicked (SporMeetingEditor *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *notes = NULL;
  g_autofree char *date = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->date_row))));
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->notes_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  notes = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  if (!spor_meetings_add (self->store, self->participant_id,
                                     spor_choice_get_selected (self->kind_row),
                                     date,
                                     spor_record_choices_get_selected (self->staff_row),
                                     g_strstrip (notes), &error))
    {
      gtk_label_set_label (self->error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      gtk_widget_add_css_class (GTK_WIDGET (self->date_row), "error");
      return;
    }
  g_signal_emit (self, signals[SIGNAL_SAVED], 0);
  gtk_window_close (GTK_WINDOW (self));
}

static void
spor_meeting_editor_dispose (GObject *object)
{
  SporMeetingEditor *self = SPOR_MEETING_EDITOR (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), SPOR_TYPE_MEETING_EDITOR);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (spor_meeting_editor_parent_class)->dispose (object);
}

static void
spor_meeting_editor_class_init (SporMeetingEditorClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = spor_meeting_editor_dispose;
  signals[SIGNAL_SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                        0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/dk/kulturspor/Spor/spor-meeting-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, SporMeetingEditor, error_label);
  gtk_widget_class_bind_template_child (widget_class, SporMeetingEditor, kind_row);
  gtk_widget_class_bind_template_child (widget_class, SporMeetingEditor, date_row);
  gtk_widget_class_bind_template_child (widget_class, SporMeetingEditor, staff_row);
  gtk_widget_class_bind_template_child (widget_class, SporMeetingEditor, notes_view);
  gtk_widget_class_bind_template_callback (widget_class, on_save_clicked);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
spor_meeting_editor_init (SporMeetingEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
spor_meeting_editor_new (GtkWindow *parent,
                         SporStore *store,
                         gint64     participant_id)
{
  SporMeetingEditor *self = g_object_new (SPOR_TYPE_MEETING_EDITOR, "transient-for", parent, NULL);
  g_autoptr(GListModel) kinds = spor_choice_lists_meeting_kinds ();
  g_autoptr(SporQuery) query = spor_query_new (SPOR_TYPE_STAFF);
  g_autoptr(GPtrArray) staff = NULL;
  g_autoptr(GListModel) records = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *today = spor_date_today ();

  self->store = g_object_ref (store);
  self->participant_id = participant_id;
  /* individual coaching, the most common */
  spor_choice_set_model (self->kind_row, kinds, "coaching");

  spor_query_where_int (query, "active", 1);
  spor_query_order_by (query, "name", FALSE);
  if ((staff = spor_store_list (store, query, &error)) == NULL)
    {
      /* a meeting can still be recorded, without its staff member */
      gtk_label_set_label (self->error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
    }
  records = spor_record_choices_new (SPOR_TYPE_STAFF, staff, _("None"));
  spor_record_choices_set_model (self->staff_row, records, NULL, 0);
  gtk_editable_set_text (GTK_EDITABLE (self->date_row), today);
  return GTK_WIDGET (self);
}
