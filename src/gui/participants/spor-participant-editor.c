/* spor-participant-editor.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <glib/gi18n.h>

#include "spor-choice.h"
#include "spor-choice-lists.h"
#include "spor-conflict.h"
#include "spor-gui.h"
#include "spor-mentor-row.h"
#include "spor-participant-editor.h"
#include "spor-people-picker.h"
#include "spor-unsaved.h"
#include "spor-participants.h"
#include "spor-programmes.h"
#include "spor-record-choices.h"

struct _SporParticipantEditor
{
  AdwWindow        parent_instance;

  SporStore       *store;
  SporParticipant *participant;
  char            *unread;          /* why the form is not what is stored: Save refuses */
  gint64           shown_programme; /* whose cohorts the cohort row lists */
  gboolean         loading;
  gboolean         dirty;    /* changed since it was read or saved */

  GtkLabel        *error_label;
  GtkLabel        *warning_label;
  AdwEntryRow     *name_row;
  AdwEntryRow     *birth_row;
  AdwEntryRow     *cpr_row;
  AdwEntryRow     *email_row;
  AdwEntryRow     *phone_row;
  AdwEntryRow     *address_row;
  AdwEntryRow     *municipality_row;
  AdwComboRow     *provision_row;
  AdwComboRow     *status_row;
  AdwComboRow     *programme_row;
  AdwComboRow     *cohort_row;
  AdwComboRow     *contact_row;
  AdwComboRow     *referral_contact_row;
  AdwExpanderRow  *mentors_row;
  GPtrArray       *mentor_rows;     /* SporMentorRow */
  AdwEntryRow     *start_row;
  AdwEntryRow     *end_row;
  AdwEntryRow     *exit_reason_row;
  AdwEntryRow     *caseworker_row;
  AdwEntryRow     *organisation_row;
  AdwEntryRow     *referral_date_row;
  AdwEntryRow     *consent_date_row;
  GtkSwitch       *consent_processing_switch;
  GtkSwitch       *consent_sharing_switch;
  GtkSwitch       *consent_photos_switch;
  AdwEntryRow     *withdrawn_row;
  GtkTextView     *needs_view;
  GtkTextView     *notes_view;
};

G_DEFINE_FINAL_TYPE (SporParticipantEditor, spor_participant_editor, ADW_TYPE_WINDOW)

enum { SIGNAL_SAVED, N_SIGNALS };
static guint signals[N_SIGNALS];

/* Text columns and their entry rows. */
typedef struct {
  const char *field;
  gsize       offset;
  gboolean    date;
} TextField;

#define ROW(name) G_STRUCT_OFFSET (SporParticipantEditor, name)
static const TextField text_fields[] = {
  { "name", ROW (name_row), FALSE },
  { "birth_date", ROW (birth_row), TRUE },
  { "cpr", ROW (cpr_row), FALSE },
  { "email", ROW (email_row), FALSE },
  { "phone", ROW (phone_row), FALSE },
  { "address", ROW (address_row), FALSE },
  { "municipality", ROW (municipality_row), FALSE },
  { "start_date", ROW (start_row), TRUE },
  { "end_date", ROW (end_row), TRUE },
  { "exit_reason", ROW (exit_reason_row), FALSE },
  { "referral_caseworker", ROW (caseworker_row), FALSE },
  { "referral_organisation", ROW (organisation_row), FALSE },
  { "referral_date", ROW (referral_date_row), TRUE },
  { "consent_date", ROW (consent_date_row), TRUE },
  { "consent_withdrawn_date", ROW (withdrawn_row), TRUE },
};
#undef ROW

static AdwEntryRow *
row_at (SporParticipantEditor *self,
        gsize                  offset)
{
  return G_STRUCT_MEMBER (AdwEntryRow *, self, offset);
}

/* Dates are typed as YYYY-MM-DD or as DD.MM.YYYY / DD-MM-YYYY / DD/MM/YYYY; anything else
 * is kept as typed, so that the check can name it. */
static char *
normalise_date (const char *text)
{
  char *iso = spor_date_parse_dmy (text);

  return iso != NULL ? iso : g_strdup (text);
}

static GtkWidget *
widget_for_field (SporParticipantEditor *self,
                  const char            *field)
{
  for (guint i = 0; i < G_N_ELEMENTS (text_fields); i++)
    if (g_strcmp0 (text_fields[i].field, field) == 0)
      return GTK_WIDGET (row_at (self, text_fields[i].offset));
  if (g_strcmp0 (field, "provision") == 0)
    return GTK_WIDGET (self->provision_row);
  if (g_strcmp0 (field, "cohort_id") == 0)
    return GTK_WIDGET (self->cohort_row);
  return NULL;
}

static const char *
field_title (SporParticipantEditor *self,
             const char            *field)
{
  GtkWidget *widget = widget_for_field (self, field);
  return widget ? adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)) : field;
}

static char *
text_view_text (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/* Copies the form into self->participant. */
static void
read_form (SporParticipantEditor *self)
{
  SporEntity *e = SPOR_ENTITY (self->participant);
  const char *value;
  g_autofree char *needs = NULL;
  g_autofree char *notes = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (text_fields); i++)
    {
      g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row_at (self, text_fields[i].offset)))));

      if (*text == '\0' && g_strcmp0 (text_fields[i].field, "name") != 0)
        spor_entity_unset (e, text_fields[i].field);
      else if (text_fields[i].date)
        {
          g_autofree char *iso = normalise_date (text);
          spor_entity_set_text (e, text_fields[i].field, iso);
        }
      else
        spor_entity_set_text (e, text_fields[i].field, text);
    }

  if ((value = spor_choice_get_selected (self->provision_row)) != NULL)
    spor_entity_set_text (e, "provision", value);
  else
    spor_entity_unset (e, "provision");
  if ((value = spor_choice_get_selected (self->status_row)) != NULL)
    spor_entity_set_text (e, "status", value);

  spor_record_choices_store_selected (self->programme_row, e, "programme_id");
  spor_record_choices_store_selected (self->cohort_row, e, "cohort_id");
  spor_record_choices_store_selected (self->contact_row, e, "contact_person_id");
  spor_record_choices_store_selected (self->referral_contact_row, e, "referral_contact_id");

  spor_entity_set_bool (e, "consent_processing", gtk_switch_get_active (self->consent_processing_switch));
  spor_entity_set_bool (e, "consent_sharing", gtk_switch_get_active (self->consent_sharing_switch));
  spor_entity_set_bool (e, "consent_photos", gtk_switch_get_active (self->consent_photos_switch));

  needs = text_view_text (self->needs_view);
  notes = text_view_text (self->notes_view);
  if (*g_strstrip (needs) == '\0')
    spor_entity_unset (e, "needs");
  else
    spor_entity_set_text (e, "needs", needs);
  if (*g_strstrip (notes) == '\0')
    spor_entity_unset (e, "notes");
  else
    spor_entity_set_text (e, "notes", notes);
}

static void
show_messages (SporParticipantEditor *self,
               GtkLabel              *label,
               GPtrArray             *problems,
               const char            *css_class)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (text_fields); i++)
    gtk_widget_remove_css_class (GTK_WIDGET (row_at (self, text_fields[i].offset)), css_class);
  gtk_widget_remove_css_class (GTK_WIDGET (self->provision_row), css_class);
  gtk_widget_remove_css_class (GTK_WIDGET (self->cohort_row), css_class);

  for (guint i = 0; problems != NULL && i < problems->len; i++)
    {
      SporProblem *problem = problems->pdata[i];
      GtkWidget *widget = widget_for_field (self, problem->field);

      if (widget != NULL)
        {
          gtk_widget_add_css_class (widget, css_class);
          gtk_widget_set_tooltip_text (widget, problem->message);
        }
      g_string_append_printf (text, "%s%s: %s", text->len ? "\n" : "",
                              field_title (self, problem->field), problem->message);
    }
  gtk_label_set_label (label, text->str);
  gtk_widget_set_visible (GTK_WIDGET (label), text->len > 0);
}

/* Says above the form (in @label) what could not be read */
static void
show_read_error (SporParticipantEditor *self,
                 GtkLabel              *label,
                 const GError          *error)
{
  gtk_label_set_label (label, error->message);
  gtk_widget_set_visible (GTK_WIDGET (label), TRUE);
}

/* What was to be read into the form could not be: it is said, and Save refuses, so that the
 * form does not write over what it has not read */
static void
set_unread (SporParticipantEditor *self,
            const GError          *error)
{
  g_free (self->unread);
  self->unread = g_strdup (error->message);
  show_read_error (self, self->error_label, error);
}

static void
update_warnings (SporParticipantEditor *self)
{
  g_autoptr(GPtrArray) warnings = NULL;
  g_autoptr(GError) error = NULL;

  read_form (self);
  warnings = spor_participant_warnings (self->store, self->participant, NULL, &error);
  show_messages (self, self->warning_label, warnings, "warning");
  /* the rules that read other records could not be checked: said where the warnings are */
  if (warnings == NULL)
    show_read_error (self, self->warning_label, error);
}

static void
fill_cohorts (SporParticipantEditor *self,
              gint64                 programme_id,
              gint64                 selected_id)
{
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GListModel) records = NULL;
  g_autoptr(GError) error = NULL;

  if (programme_id > 0 &&
      (list = spor_programmes_list_cohorts (self->store, programme_id, &error)) == NULL)
    show_read_error (self, self->error_label, error);
  records = spor_record_choices_new (SPOR_TYPE_COHORT, list, C_("cohort", "None"));
  spor_record_choices_set_model (self->cohort_row, records, NULL, selected_id);
  self->shown_programme = programme_id;
}

static void
on_field_changed (SporParticipantEditor *self)
{
  gint64 programme_id;

  if (self->loading || self->participant == NULL)
    return;
  self->dirty = TRUE;
  programme_id = spor_record_choices_get_selected (self->programme_row);
  if (programme_id != self->shown_programme)
    {
      self->loading = TRUE;
      fill_cohorts (self, programme_id, 0);
      self->loading = FALSE;
    }
  update_warnings (self);
}

static gboolean
save_mentors (SporParticipantEditor  *self,
              GError                **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; i < self->mentor_rows->len; i++)
    if (spor_mentor_row_get_active (self->mentor_rows->pdata[i]))
      {
        gint64 id = spor_mentor_row_get_staff_id (self->mentor_rows->pdata[i]);

        g_array_append_val (ids, id);
      }
  return spor_participant_staff_set_ids (self->store, spor_entity_get_id (SPOR_ENTITY (self->participant)),
                                     "mentor", ids, error);
}

static void load (SporParticipantEditor *self);

/* "Could not save: …" above the form, which keeps what was typed */
static void
show_save_error (SporParticipantEditor *self,
                 const GError          *error)
{
  g_autofree char *text = g_strdup_printf (_("Could not save: %s"), error->message);

  gtk_label_set_label (self->error_label, text);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
}

/* Discard My Changes: the form shows the newer copy. */
static void
read_again (SporParticipantEditor *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SporParticipant) fresh = spor_store_get (self->store, SPOR_TYPE_PARTICIPANT,
                                                      spor_entity_get_id (SPOR_ENTITY (self->participant)),
                                                      &error);

  if (fresh == NULL)
    return show_save_error (self, error);
  g_set_object (&self->participant, fresh);
  g_clear_pointer (&self->unread, g_free);
  load (self);
  show_messages (self, self->error_label, NULL, "error");
  update_warnings (self);
}

static void
on_conflict (SporConflictChoice choice,
             gpointer           data)
{
  SporParticipantEditor *self = data;
  g_autoptr(GError) error = NULL;

  if (self->store == NULL)
    return;
  if (choice == SPOR_CONFLICT_DISCARD)
    read_again (self);
  else if (choice == SPOR_CONFLICT_KEEP_MINE)
    {
      if (spor_conflict_take_stored (self->store, SPOR_ENTITY (self->participant), &error))
        spor_participant_editor_save (self);
      else
        show_save_error (self, error);
    }
}

gboolean
spor_participant_editor_save (SporParticipantEditor *self)
{
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  gboolean was_new, saved = TRUE;

  g_return_val_if_fail (SPOR_IS_PARTICIPANT_EDITOR (self), FALSE);

  if (self->unread != NULL)
    {
      gtk_label_set_label (self->error_label, self->unread);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      return FALSE;
    }
  read_form (self);
  problems = spor_participant_check (self->participant);
  show_messages (self, self->error_label, problems, "error");
  if (problems->len > 0)
    {
      GtkWidget *first = widget_for_field (self, ((SporProblem *) problems->pdata[0])->field);
      if (first != NULL)
        gtk_widget_grab_focus (first);
      return FALSE;
    }
  was_new = spor_entity_get_id (SPOR_ENTITY (self->participant)) <= 0;
  if (!spor_store_begin (self->store, &error))
    saved = FALSE;
  else if (!spor_participant_save (self->store, self->participant, &error) ||
           !save_mentors (self, &error) ||
           !spor_store_commit (self->store, &error))
    {
      /* Nothing of it stays written; a new participant stays new. */
      spor_store_rollback (self->store);
      if (was_new)
        spor_entity_set_keys (SPOR_ENTITY (self->participant), 0, NULL, NULL, NULL);
      saved = FALSE;
    }
  if (!saved)
    {
      /* The form keeps what was typed; the message says why. */
      show_save_error (self, error);
      /* changed elsewhere since the form was opened: the user chooses */
      if (spor_conflict_matches (error))
        {
          g_autoptr(GError) read_error = NULL;
          g_autofree char *name = spor_conflict_stored_text (self->store, SPOR_ENTITY (self->participant),
                                                             "name", &read_error);

          if (name == NULL)
            show_save_error (self, read_error);
          else
            spor_conflict_ask (GTK_WIDGET (self), name, on_conflict, g_object_ref (self), g_object_unref);
        }
      return FALSE;
    }
  self->dirty = FALSE;
  g_signal_emit (self, signals[SIGNAL_SAVED], 0, spor_entity_get_id (SPOR_ENTITY (self->participant)));
  gtk_window_close (GTK_WINDOW (self));
  return TRUE;
}

static void
on_unsaved_answer (SporUnsavedChoice choice,
                   gpointer          user_data)
{
  SporParticipantEditor *self = user_data;

  switch (choice)
    {
    case SPOR_UNSAVED_SAVE:
      /* closes once saved; a refused save keeps the form open with its message */
      spor_participant_editor_save (self);
      break;
    case SPOR_UNSAVED_DISCARD:
      self->dirty = FALSE;
      gtk_window_close (GTK_WINDOW (self));
      break;
    case SPOR_UNSAVED_CANCEL:
    default:
      break;
    }
}

/* Escape, Cancel or the window's close button with changes not saved: ask first */
static gboolean
spor_participant_editor_close_request (GtkWindow *window)
{
  SporParticipantEditor *self = SPOR_PARTICIPANT_EDITOR (window);

  if (self->dirty)
    {
      spor_unsaved_ask (window, gtk_editable_get_text (GTK_EDITABLE (self->name_row)),
                        on_unsaved_answer, g_object_ref (self), g_object_unref);
      return TRUE;
    }
  return GTK_WINDOW_CLASS (spor_participant_editor_parent_class)->close_request (window);
}

static void
on_save_clicked (SporParticipantEditor *self)
{
  spor_participant_editor_save (self);
}

static gboolean
save_shortcut (GtkWidget *widget,
               GVariant  *args,
               gpointer   user_data)
{
  spor_participant_editor_save (SPOR_PARTICIPANT_EDITOR (widget));
  return TRUE;
}

static void
set_entry (AdwEntryRow *row,
           const char  *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row), text ? text : "");
}

/* A switch per active staff member (@staff), on for the mentors. */
static void
fill_mentors (SporParticipantEditor *self,
              GPtrArray             *staff)
{
  SporEntity *e = SPOR_ENTITY (self->participant);
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) mentors = spor_entity_get_id (e) > 0
    ? spor_participant_staff_get_ids (self->store, spor_entity_get_id (e), "mentor", &error) : NULL;
  g_autoptr(GString) names = g_string_new (NULL);

  /* the switches would say no mentors: Save would write that over the ones there are */
  if (error != NULL)
    set_unread (self, error);

  for (guint i = 0; i < self->mentor_rows->len; i++)
    adw_expander_row_remove (self->mentors_row, g_ptr_array_index (self->mentor_rows, i));
  g_ptr_array_set_size (self->mentor_rows, 0);
  for (guint i = 0; staff != NULL && i < staff->len; i++)
    {
      SporEntity *person = g_ptr_array_index (staff, i);
      gint64 id = spor_entity_get_id (person);
      gboolean on = FALSE;
      GtkWidget *row;

      for (guint j = 0; mentors != NULL && j < mentors->len; j++)
        if (g_array_index (mentors, gint64, j) == id)
          on = TRUE;
      row = spor_mentor_row_new (person, on);
      adw_expander_row_add_row (self->mentors_row, row);
      g_ptr_array_add (self->mentor_rows, row);
      if (on)
        g_string_append_printf (names, "%s%s", names->len ? ", " : "", spor_entity_get_text (person, "name"));
    }
  {
    g_autofree char *escaped = g_markup_escape_text (names->str, -1);
    adw_expander_row_set_subtitle (self->mentors_row, escaped);
  }
}

/* The text fields; the CPR number as DDMMYY-XXXX */
static void
fill_texts (SporParticipantEditor *self)
{
  SporEntity *e = SPOR_ENTITY (self->participant);

  for (guint i = 0; i < G_N_ELEMENTS (text_fields); i++)
    {
      const char *text = spor_entity_get_text (e, text_fields[i].field);

      if (g_strcmp0 (text_fields[i].field, "cpr") == 0 && text != NULL && strlen (text) == 10)
        {
          g_autofree char *dashed = g_strdup_printf ("%.6s-%s", text, text + 6);
          set_entry (row_at (self, text_fields[i].offset), dashed);
        }
      else
        set_entry (row_at (self, text_fields[i].offset), text);
    }
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->needs_view),
                            spor_entity_get_text (e, "needs") ?: "", -1);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->notes_view),
                            spor_entity_get_text (e, "notes") ?: "", -1);
}

/* The records of @query for a drop-down; what cannot be read is said above the form */
static GPtrArray *
list_or_say (SporParticipantEditor *self,
             SporQuery             *query)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *records = spor_store_list (self->store, query, &error);

  if (records == NULL)
    show_read_error (self, self->error_label, error);
  return records;
}

/* The drop-downs, and the mentors' switches */
static void
fill_choices (SporParticipantEditor *self)
{
  SporEntity *e = SPOR_ENTITY (self->participant);
  g_autoptr(GListModel) provisions = spor_choice_lists_provisions (_("Not stated"));
  g_autoptr(GListModel) statuses = spor_choice_lists_participant_statuses (NULL);
  g_autoptr(SporQuery) programmes_query = spor_query_new (SPOR_TYPE_PROGRAMME);
  g_autoptr(SporQuery) staff_query = spor_query_new (SPOR_TYPE_STAFF);
  g_autoptr(GPtrArray) programmes = NULL;
  g_autoptr(GPtrArray) staff = NULL;
  g_autoptr(GListModel) programme_records = NULL;
  g_autoptr(GError) error = NULL;

  spor_choice_set_model (self->provision_row, provisions, spor_entity_get_text (e, "provision"));
  spor_choice_set_model (self->status_row, statuses, spor_entity_get_text (e, "status"));

  spor_query_order_by (programmes_query, "name", FALSE);
  programmes = list_or_say (self, programmes_query);
  programme_records = spor_record_choices_new (SPOR_TYPE_PROGRAMME, programmes, C_("programme", "None"));
  spor_record_choices_set_model (self->programme_row, programme_records, NULL,
                                 spor_entity_get_int (e, "programme_id"));
  fill_cohorts (self, spor_record_choices_get_selected (self->programme_row),
                spor_entity_get_int (e, "cohort_id"));

  spor_query_where_int (staff_query, "active", 1);
  spor_query_order_by (staff_query, "name", FALSE);
  staff = list_or_say (self, staff_query);
  /* offered staff and contacts, the ones this participant names kept; each row can make a
   * new one in place */
  if (!spor_people_picker_setup (self->contact_row, self->store, SPOR_TYPE_STAFF, NULL, C_("staff member", "None"),
                                 spor_entity_get_int (e, "contact_person_id"), &error) ||
      !spor_people_picker_setup (self->referral_contact_row, self->store, SPOR_TYPE_CONTACT, NULL,
                                 C_("contact", "None"), spor_entity_get_int (e, "referral_contact_id"), &error))
    show_read_error (self, self->error_label, error);
  /* the caseworker typed before there were contacts, shown while no contact is named */
  gtk_widget_set_visible (GTK_WIDGET (self->caseworker_row),
                          spor_entity_get_int (e, "referral_contact_id") == 0 &&
                          spor_entity_get_text (e, "referral_caseworker") != NULL);
  fill_mentors (self, staff);
}

static void
load (SporParticipantEditor *self)
{
  SporEntity *e = SPOR_ENTITY (self->participant);

  self->loading = TRUE;
  fill_texts (self);
  fill_choices (self);
  gtk_switch_set_active (self->consent_processing_switch, spor_entity_get_bool (e, "consent_processing"));
  gtk_switch_set_active (self->consent_sharing_switch, spor_entity_get_bool (e, "consent_sharing"));
  gtk_switch_set_active (self->consent_photos_switch, spor_entity_get_bool (e, "consent_photos"));
  self->loading = FALSE;
}

static void
spor_participant_editor_dispose (GObject *object)
{
  SporParticipantEditor *self = SPOR_PARTICIPANT_EDITOR (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), SPOR_TYPE_PARTICIPANT_EDITOR);
  g_clear_object (&self->participant);
  g_clear_object (&self->store);
  g_clear_pointer (&self->unread, g_free);
  g_clear_pointer (&self->mentor_rows, g_ptr_array_unref);
  G_OBJECT_CLASS (spor_participant_editor_parent_class)->dispose (object);
}

static void
spor_participant_editor_class_init (SporParticipantEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = spor_participant_editor_dispose;
  GTK_WINDOW_CLASS (klass)->close_request = spor_participant_editor_close_request;

  signals[SIGNAL_SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                        0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/dk/kulturspor/Spor/spor-participant-editor.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, SporParticipantEditor, name)
  BIND (error_label);
  BIND (warning_label);
  BIND (name_row);
  BIND (birth_row);
  BIND (cpr_row);
  BIND (email_row);
  BIND (phone_row);
  BIND (address_row);
  BIND (municipality_row);
  BIND (provision_row);
  BIND (status_row);
  BIND (programme_row);
  BIND (cohort_row);
  BIND (contact_row);
  BIND (referral_contact_row);
  BIND (mentors_row);
  BIND (start_row);
  BIND (end_row);
  BIND (exit_reason_row);
  BIND (caseworker_row);
  BIND (organisation_row);
  BIND (referral_date_row);
  BIND (consent_date_row);
  BIND (consent_processing_switch);
  BIND (consent_sharing_switch);
  BIND (consent_photos_switch);
  BIND (withdrawn_row);
  BIND (needs_view);
  BIND (notes_view);
#undef BIND
  gtk_widget_class_bind_template_callback (widget_class, on_save_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_field_changed);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, save_shortcut, NULL);
}

static void
spor_participant_editor_init (SporParticipantEditor *self)
{
  self->mentor_rows = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
spor_participant_editor_new (GtkWindow *parent,
                             SporStore *store,
                             gint64     participant_id)
{
  SporParticipantEditor *self;

  g_return_val_if_fail (SPOR_IS_STORE (store), NULL);

  self = g_object_new (SPOR_TYPE_PARTICIPANT_EDITOR, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  if (participant_id > 0)
    {
      g_autoptr(GError) error = NULL;

      if ((self->participant = spor_store_get (store, SPOR_TYPE_PARTICIPANT, participant_id, &error)) == NULL)
        set_unread (self, error);
    }
  if (self->participant == NULL)
    {
      self->participant = spor_entity_new (SPOR_TYPE_PARTICIPANT);
      spor_entity_set_text (SPOR_ENTITY (self->participant), "status", "intake");
      gtk_window_set_title (GTK_WINDOW (self), _("New Participant"));
    }
  else
    gtk_window_set_title (GTK_WINDOW (self), _("Edit Participant"));
  load (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
  return GTK_WIDGET (self);
}
