/* spor-meeting-editor.c — adding or editing a meeting
 *
 * A meeting is with the participant; a group talk, when the participant is in a cohort, is
 * recorded once for the cohort with the participants who took part (the participant whose
 * page it was opened from ticked first), and shows on each of their pages.
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
#include "spor-util.h"

struct _SporMeetingEditor
{
  AdwWindow            parent_instance;

  SporStore           *store;
  gint64               participant_id;
  gint64               cohort_id;     /* the participant's, 0 for none */
  SporMeeting         *meeting;       /* as read, or a new one */
  GHashTable          *staff_checks;  /* staff id → GtkCheckButton */
  GHashTable          *took_part;     /* participant id → GtkCheckButton */

  GtkLabel            *error_label;
  AdwComboRow         *kind_row;
  AdwEntryRow         *date_row;
  AdwPreferencesGroup *staff_group;
  AdwPreferencesGroup *took_part_group;
  GtkTextView         *notes_view;
  GtkButton           *save_button;
};

G_DEFINE_FINAL_TYPE (SporMeetingEditor, spor_meeting_editor, ADW_TYPE_WINDOW)

enum { SIGNAL_SAVED, N_SIGNALS };
static guint signals[N_SIGNALS];

static void
show_error (SporMeetingEditor *self,
            const char        *message)
{
  gtk_label_set_label (self->error_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
}

static gboolean
is_group_talk (SporMeetingEditor *self)
{
  return self->cohort_id > 0 && g_strcmp0 (spor_choice_get_selected (self->kind_row), "group_talk") == 0;
}

static void
on_kind_changed (SporMeetingEditor *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->took_part_group), is_group_talk (self));
}

/* The ids whose check is active, in the order of the rows */
static GArray *
checked (GHashTable *checks,
         GPtrArray  *order)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; i < order->len; i++)
    {
      gint64 id = spor_entity_get_id (order->pdata[i]);
      GtkCheckButton *check = g_hash_table_lookup (checks, &id);

      if (check != NULL && gtk_check_button_get_active (check))
        g_array_append_val (ids, id);
    }
  return ids;
}

gboolean
spor_meeting_editor_save (SporMeetingEditor *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *notes = NULL;
  g_autofree char *typed = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->date_row))));
  g_autofree char *date = spor_gui_parse_date (typed);
  g_autoptr(GArray) staff = NULL;
  g_autoptr(GArray) took_part = NULL;
  GPtrArray *staff_order = g_object_get_data (G_OBJECT (self), "staff-order");
  GPtrArray *cohort_order = g_object_get_data (G_OBJECT (self), "cohort-order");
  SporEntity *m = SPOR_ENTITY (self->meeting);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->notes_view);
  GtkTextIter start, end;

  g_return_val_if_fail (SPOR_IS_MEETING_EDITOR (self), FALSE);

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  notes = g_strstrip (gtk_text_buffer_get_text (buffer, &start, &end, FALSE));
  spor_entity_set_text (m, "kind", spor_choice_get_selected (self->kind_row));
  /* a date that is not one goes to the core as typed, which says so */
  spor_entity_set_text (m, "date", date != NULL ? date : typed);
  if (*notes != '\0')
    spor_entity_set_text (m, "notes", notes);
  else
    spor_entity_unset (m, "notes");
  staff = checked (self->staff_checks, staff_order);
  if (is_group_talk (self))
    {
      took_part = checked (self->took_part, cohort_order);
      spor_entity_set_int (m, "cohort_id", self->cohort_id);
      spor_entity_unset (m, "participant_id");
    }
  else
    {
      spor_entity_set_int (m, "participant_id", self->participant_id);
      spor_entity_unset (m, "cohort_id");
    }
  if (!spor_meetings_save (self->store, self->meeting, staff, took_part, &error))
    {
      show_error (self, error->message);
      gtk_widget_add_css_class (GTK_WIDGET (self->date_row), "error");
      return FALSE;
    }
  g_signal_emit (self, signals[SIGNAL_SAVED], 0);
  gtk_window_close (GTK_WINDOW (self));
  return TRUE;
}

static void
on_save_clicked (SporMeetingEditor *self)
{
  spor_meeting_editor_save (self);
}

static void
spor_meeting_editor_dispose (GObject *object)
{
  SporMeetingEditor *self = SPOR_MEETING_EDITOR (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), SPOR_TYPE_MEETING_EDITOR);
  g_clear_object (&self->store);
  g_clear_object (&self->meeting);
  g_clear_pointer (&self->staff_checks, g_hash_table_unref);
  g_clear_pointer (&self->took_part, g_hash_table_unref);
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
  gtk_widget_class_bind_template_child (widget_class, SporMeetingEditor, staff_group);
  gtk_widget_class_bind_template_child (widget_class, SporMeetingEditor, took_part_group);
  gtk_widget_class_bind_template_child (widget_class, SporMeetingEditor, notes_view);
  gtk_widget_class_bind_template_child (widget_class, SporMeetingEditor, save_button);
  gtk_widget_class_bind_template_callback (widget_class, on_save_clicked);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
spor_meeting_editor_init (SporMeetingEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->staff_checks = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->took_part = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_signal_connect_swapped (self->kind_row, "notify::selected", G_CALLBACK (on_kind_changed), self);
}

/* A row per record of @records with a check, ticked for the ids in @active, into @group;
 * @checks gets id → check. @records is kept on the editor under @key for the order. */
static void
add_checks (SporMeetingEditor   *self,
            AdwPreferencesGroup *group,
            GHashTable          *checks,
            GPtrArray           *records,
            GArray              *active,
            const char          *key)
{
  for (guint i = 0; i < records->len; i++)
    {
      gint64 id = spor_entity_get_id (records->pdata[i]);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();
      const char *name = spor_entity_get_text (records->pdata[i], "name");

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
      for (guint a = 0; active != NULL && a < active->len; a++)
        if (g_array_index (active, gint64, a) == id)
          gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      adw_preferences_group_add (group, row);
      g_hash_table_insert (checks, g_memdup2 (&id, sizeof id), check);
    }
  g_object_set_data_full (G_OBJECT (self), key, g_ptr_array_ref (records), (GDestroyNotify) g_ptr_array_unref);
}

static GPtrArray *
list_where (SporStore  *store,
            GType       type,
            const char *field,
            gint64      value,
            GError    **error)
{
  g_autoptr(SporQuery) query = spor_query_new (type);

  spor_query_where_int (query, field, value);
  spor_query_order_by (query, "name", FALSE);
  /* a list of checks is for tens, not thousands */
  spor_query_set_page (query, 0, 500);
  return spor_store_list (store, query, error);
}

/* Fills the form from self->meeting; FALSE and @error when its lists cannot be read */
static gboolean
fill (SporMeetingEditor  *self,
      GError            **error)
{
  SporEntity *m = SPOR_ENTITY (self->meeting);
  gint64 id = spor_entity_get_id (m);
  g_autoptr(SporParticipant) participant = NULL;
  g_autoptr(GPtrArray) staff = NULL;
  g_autoptr(GPtrArray) cohort = NULL;
  g_autoptr(GArray) active_staff = NULL;
  g_autoptr(GArray) active_part = NULL;
  g_autoptr(GListModel) kinds = spor_choice_lists_meeting_kinds ();
  g_autofree char *date = spor_gui_format_date (spor_entity_get_text (m, "date"));

  if ((participant = spor_store_get (self->store, SPOR_TYPE_PARTICIPANT, self->participant_id, error)) == NULL ||
      (staff = list_where (self->store, SPOR_TYPE_STAFF, "active", 1, error)) == NULL)
    return FALSE;
  self->cohort_id = spor_entity_get_int (m, "cohort_id") > 0 ? spor_entity_get_int (m, "cohort_id")
                    : spor_entity_get_int (SPOR_ENTITY (participant), "cohort_id");
  if (self->cohort_id > 0 &&
      (cohort = list_where (self->store, SPOR_TYPE_PARTICIPANT, "cohort_id", self->cohort_id, error)) == NULL)
    return FALSE;
  if (id > 0 && ((active_staff = spor_meetings_get_staff (self->store, id, error)) == NULL ||
                 (active_part = spor_meetings_get_participants (self->store, id, error)) == NULL))
    return FALSE;
  if (id == 0)
    {
      active_part = g_array_new (FALSE, FALSE, sizeof (gint64));
      g_array_append_val (active_part, self->participant_id);
    }
  /* individual coaching, the most common */
  spor_choice_set_model (self->kind_row, kinds, spor_entity_get_text (m, "kind") ?: "coaching");
  gtk_editable_set_text (GTK_EDITABLE (self->date_row), date);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->notes_view),
                            spor_entity_get_text (m, "notes") ?: "", -1);
  add_checks (self, self->staff_group, self->staff_checks, staff, active_staff, "staff-order");
  if (cohort != NULL)
    add_checks (self, self->took_part_group, self->took_part, cohort, active_part, "cohort-order");
  else
    g_object_set_data_full (G_OBJECT (self), "cohort-order", g_ptr_array_new (), (GDestroyNotify) g_ptr_array_unref);
  on_kind_changed (self);
  return TRUE;
}

GtkWidget *
spor_meeting_editor_new (GtkWindow *parent,
                         SporStore *store,
                         gint64     participant_id)
{
  SporMeetingEditor *self = g_object_new (SPOR_TYPE_MEETING_EDITOR, "transient-for", parent, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *today = spor_date_today ();

  self->store = g_object_ref (store);
  self->participant_id = participant_id;
  self->meeting = spor_entity_new (SPOR_TYPE_MEETING);
  spor_entity_set_text (SPOR_ENTITY (self->meeting), "date", today);
  if (!fill (self, &error))
    /* a meeting can still be recorded, without its staff */
    show_error (self, error->message);
  return GTK_WIDGET (self);
}

GtkWidget *
spor_meeting_editor_new_edit (GtkWindow  *parent,
                              SporStore  *store,
                              gint64      participant_id,
                              gint64      meeting_id,
                              GError    **error)
{
  g_autoptr(SporMeeting) meeting = spor_store_get (store, SPOR_TYPE_MEETING, meeting_id, error);
  SporMeetingEditor *self;

  if (meeting == NULL)
    return NULL;
  self = g_object_new (SPOR_TYPE_MEETING_EDITOR, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->participant_id = participant_id;
  self->meeting = g_steal_pointer (&meeting);
  gtk_window_set_title (GTK_WINDOW (self), _("Edit Meeting"));
  gtk_button_set_label (self->save_button, _("_Save"));
  if (!fill (self, error))
    {
      gtk_window_destroy (GTK_WINDOW (self));
      return NULL;
    }
  return GTK_WIDGET (self);
}

static gboolean
set_check (GHashTable *checks,
           gint64      id,
           gboolean    active)
{
  GtkCheckButton *check = g_hash_table_lookup (checks, &id);

  if (check == NULL)
    return FALSE;
  gtk_check_button_set_active (check, active);
  return TRUE;
}

gboolean
spor_meeting_editor_set_staff (SporMeetingEditor *self,
                               gint64             staff_id,
                               gboolean           active)
{
  return set_check (self->staff_checks, staff_id, active);
}

gboolean
spor_meeting_editor_set_took_part (SporMeetingEditor *self,
                                   gint64             participant_id,
                                   gboolean           active)
{
  return set_check (self->took_part, participant_id, active);
}
