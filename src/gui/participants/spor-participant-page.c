/* spor-participant-page.c
 *
 * The page follows the store's changes of what it shows (spor_view_follow()), its own
 * writes included. Signal "delete-requested": the view confirms and erases, with undo.
 * Messages go to the window's toast overlay.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "spor-values.h"
#include "spor-admit-dialog.h"
#include "spor-agreement-editor.h"
#include "spor-agreement-version-row.h"
#include "spor-agreements.h"
#include "spor-gui.h"
#include "spor-meeting-editor.h"
#include "spor-meeting-row.h"
#include "spor-pending-delete.h"
#include "spor-participant-editor.h"
#include "spor-participant-page.h"
#include "spor-participant-attendance.h"
#include "spor-phase-stepper.h"
#include "spor-participants.h"
#include "spor-view.h"

struct _SporParticipantPage
{
  AdwBin           parent_instance;

  SporStore       *store;
  gint64           participant_id;
  SporParticipant *participant;

  GtkLabel        *name_label;
  GtkLabel        *summary_label;
  GtkLabel        *warnings_label;
  GtkWidget       *waiting_box;
  GtkLabel        *waiting_label;
  AdwActionRow    *birth_row;
  AdwActionRow    *cpr_row;
  GtkToggleButton *cpr_reveal_button;
  AdwActionRow    *email_row;
  AdwActionRow    *phone_row;
  AdwActionRow    *address_row;
  AdwActionRow    *municipality_row;
  AdwActionRow    *provision_row;
  AdwActionRow    *programme_row;
  AdwActionRow    *dates_row;
  AdwActionRow    *contact_row;
  AdwActionRow    *staff_row;
  AdwActionRow    *referral_row;
  AdwActionRow    *referral_date_row;
  AdwActionRow    *consent_row;
  AdwActionRow    *consent_scope_row;
  GtkToggleButton *sensitive_reveal_button;
  AdwActionRow    *needs_row;
  AdwActionRow    *notes_row;
  AdwActionRow    *agreement_row;
  AdwExpanderRow  *history_row;
  GPtrArray       *history_rows;
  GtkListBox      *meetings_list;
  GtkWidget       *no_meetings_row;
  SporPendingDelete *pending_meeting; /* a meeting's deletion waiting for its Undo */
  GtkBox          *sections_box;
  /* hosted from the timeline and calendar areas */
  SporPhaseStepper          *phase_stepper;
  SporParticipantAttendance *attendance;
};

G_DEFINE_FINAL_TYPE (SporParticipantPage, spor_participant_page, ADW_TYPE_BIN)

/* Everything the page and the sections it hosts show */
static const char * const followed_kinds[] = {
  "participant", "programme", "cohort", "staff", "participant_staff", "agreement", "meeting",
  "meeting_staff", "meeting_participant",
  "phase", "phase_progress", "block", "block_participant", "block_exception", "attendance",
  NULL
};

enum {
  SIGNAL_DELETE_REQUESTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* A YYYY-MM-DD date in the locale's format; NULL stays NULL (the row says "Not stated"). */
static char *
format_date (const char *iso)
{
  return iso != NULL ? spor_gui_format_date (iso) : NULL;
}

static void
set_subtitle (AdwActionRow *row,
              const char   *text)
{
  if (text == NULL || *text == '\0')
    {
      adw_action_row_set_subtitle (row, _("Not stated"));
      gtk_widget_add_css_class (GTK_WIDGET (row), "unset");
    }
  else
    {
      g_autofree char *escaped = g_markup_escape_text (text, -1);
      adw_action_row_set_subtitle (row, escaped);
      gtk_widget_remove_css_class (GTK_WIDGET (row), "unset");
    }
}

/* The name of record @id of @type; NULL for none (@id 0); where it cannot be read, the
 * reason, so that the row says so. */
static char *
entity_name (SporStore *store,
             GType      type,
             gint64     id)
{
  g_autoptr(SporEntity) e = NULL;
  g_autoptr(GError) error = NULL;

  if (id <= 0)
    return NULL;
  if ((e = spor_store_get (store, type, id, &error)) == NULL)
    return g_strdup (error->message);
  return g_strdup (spor_entity_get_text (e, "name"));
}

static void
show_cpr (SporParticipantPage *self)
{
  const char *cpr = spor_entity_get_text (SPOR_ENTITY (self->participant), "cpr");
  g_autofree char *masked = spor_cpr_mask (cpr);

  gtk_widget_set_visible (GTK_WIDGET (self->cpr_reveal_button), cpr != NULL);
  if (cpr != NULL && gtk_toggle_button_get_active (self->cpr_reveal_button))
    {
      g_autofree char *shown = g_strdup_printf ("%.6s-%s", cpr, cpr + 6);
      set_subtitle (self->cpr_row, shown);
    }
  else
    set_subtitle (self->cpr_row, masked);
}

static void
show_sensitive (SporParticipantPage *self)
{
  SporEntity *e = SPOR_ENTITY (self->participant);

  /* The text is put into the rows only while revealed, so that it is not in the
   * accessibility tree either. */
  if (gtk_toggle_button_get_active (self->sensitive_reveal_button))
    {
      set_subtitle (self->needs_row, spor_entity_get_text (e, "needs"));
      set_subtitle (self->notes_row, spor_entity_get_text (e, "notes"));
      gtk_button_set_label (GTK_BUTTON (self->sensitive_reveal_button), _("_Hide"));
    }
  else
    {
      adw_action_row_set_subtitle (self->needs_row, _("Hidden"));
      adw_action_row_set_subtitle (self->notes_row, _("Hidden"));
      gtk_button_set_label (GTK_BUTTON (self->sensitive_reveal_button), _("_Reveal"));
    }
}

static void
on_reveal_toggled (SporParticipantPage *self)
{
  if (self->participant == NULL)
    return;
  show_cpr (self);
  show_sensitive (self);
}

static void
clear_history (SporParticipantPage *self)
{
  for (guint i = 0; i < self->history_rows->len; i++)
    adw_expander_row_remove (self->history_row, self->history_rows->pdata[i]);
  g_ptr_array_set_size (self->history_rows, 0);
}

static void
show_agreements (SporParticipantPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) versions = spor_agreement_list_versions (self->store, self->participant_id, &error);

  clear_history (self);
  if (versions == NULL)
    {
      adw_action_row_set_subtitle (self->agreement_row, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->history_row), FALSE);
      return;
    }
  if (versions->len == 0)
    {
      adw_action_row_set_subtitle (self->agreement_row, _("None yet"));
      gtk_widget_set_visible (GTK_WIDGET (self->history_row), FALSE);
      return;
    }
  {
    g_autofree char *text = spor_agreement_version_row_describe (versions->pdata[versions->len - 1]);
    adw_action_row_set_subtitle (self->agreement_row, text);
  }
  gtk_widget_set_visible (GTK_WIDGET (self->history_row), versions->len > 1);
  for (guint i = 0; i + 1 < versions->len; i++)
    {
      GtkWidget *row = spor_agreement_version_row_new (versions->pdata[i]);

      adw_expander_row_add_row (self->history_row, row);
      g_ptr_array_add (self->history_rows, row);
    }
}

/* The names of a meeting's staff, "Name, Name", or NULL for none */
static char *
meeting_staff_names (SporStore *store,
                     gint64     meeting_id)
{
  g_autoptr(GArray) ids = spor_meetings_get_staff (store, meeting_id, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; ids != NULL && i < ids->len; i++)
    {
      char *name = entity_name (store, SPOR_TYPE_STAFF, g_array_index (ids, gint64, i));

      if (name != NULL)
        g_ptr_array_add (names, name);
    }
  if (names->len == 0)
    return NULL;
  g_ptr_array_add (names, NULL);
  return g_strjoinv (", ", (char **) names->pdata);
}

static GtkWindow *parent_window (SporParticipantPage *self);
static void on_meeting_edit   (SporMeetingRow *row, SporParticipantPage *self);
static void on_meeting_delete (SporMeetingRow *row, SporParticipantPage *self);

static void
show_meetings (SporParticipantPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) meetings = spor_meetings_list (self->store, self->participant_id, &error);
  gint64 hidden = self->pending_meeting != NULL ? spor_pending_delete_get_id (self->pending_meeting) : 0;
  guint shown = 0;
  GtkWidget *row;

  /* all but the template's "No meetings yet" */
  while ((row = gtk_widget_get_next_sibling (self->no_meetings_row)) != NULL)
    gtk_list_box_remove (self->meetings_list, row);
  for (guint i = 0; meetings != NULL && i < meetings->len; i++)
    {
      SporEntity *m = meetings->pdata[i];
      g_autofree char *staff = NULL;

      if (spor_entity_get_id (m) == hidden)
        continue;
      staff = meeting_staff_names (self->store, spor_entity_get_id (m));
      row = spor_meeting_row_new (m, staff);
      g_signal_connect (row, "edit", G_CALLBACK (on_meeting_edit), self);
      g_signal_connect (row, "delete", G_CALLBACK (on_meeting_delete), self);
      gtk_list_box_append (self->meetings_list, row);
      shown++;
    }
  gtk_widget_set_visible (self->no_meetings_row, meetings == NULL || shown == 0);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->no_meetings_row),
                                 meetings != NULL ? _("No meetings yet") : _("Could Not Read the Database"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->no_meetings_row), meetings != NULL ? "" : error->message);
}

static void
on_meeting_edit (SporMeetingRow      *row,
                 SporParticipantPage *self)
{
  g_autoptr(GError) error = NULL;
  GtkWidget *editor = spor_meeting_editor_new_edit (parent_window (self), self->store, self->participant_id,
                                                    spor_meeting_row_get_id (row), &error);

  if (editor == NULL)
    spor_gui_show_toast (GTK_WIDGET (self), error->message);
  else
    gtk_window_present (GTK_WINDOW (editor));
}

static void
on_meeting_pending_finished (SporPendingDelete   *pending,
                             gboolean             deleted,
                             SporParticipantPage *self)
{
  g_signal_handlers_disconnect_by_data (pending, self);
  if (pending == self->pending_meeting)
    g_clear_object (&self->pending_meeting);
  if (self->store != NULL)
    show_meetings (self);
}

/* Carries out a deletion still waiting, as the page moves on or goes */
static void
run_pending_meeting (SporParticipantPage *self)
{
  if (self->pending_meeting != NULL && !spor_pending_delete_run (self->pending_meeting))
    g_message ("A meeting's deletion was not carried out: %s",
               spor_pending_delete_get_error (self->pending_meeting)->message);
  if (self->pending_meeting != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->pending_meeting, self);
      g_clear_object (&self->pending_meeting);
    }
}

/* The meeting is hidden at once and deleted when the toast goes without Undo */
static void
on_meeting_delete (SporMeetingRow      *row,
                   SporParticipantPage *self)
{
  /* Translators: a toast; %s is the meeting's "date · kind" */
  g_autofree char *text = g_strdup_printf (_("Meeting %s deleted"), spor_meeting_row_get_title (row));

  run_pending_meeting (self);
  self->pending_meeting = spor_pending_delete_new (self->store, spor_meeting_row_get_id (row),
                                                   spor_meeting_row_get_title (row), spor_meetings_delete);
  g_signal_connect (self->pending_meeting, "finished", G_CALLBACK (on_meeting_pending_finished), self);
  show_meetings (self);
  spor_pending_delete_add_toast (self->pending_meeting, GTK_WIDGET (self), text);
}

void
spor_participant_page_flush_pending (SporParticipantPage *self,
                                     GPtrArray           *failed)
{
  g_return_if_fail (SPOR_IS_PARTICIPANT_PAGE (self));

  if (self->pending_meeting != NULL && !spor_pending_delete_run (self->pending_meeting))
    g_ptr_array_add (failed, g_object_ref (self->pending_meeting));
}

static void
show_staff (SporParticipantPage *self)
{
  g_autoptr(SporQuery) query = spor_query_new (SPOR_TYPE_PARTICIPANT_STAFF);
  g_autoptr(GPtrArray) links = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GError) error = NULL;

  spor_query_where_int (query, "participant_id", self->participant_id);
  if ((links = spor_store_list (self->store, query, &error)) == NULL)
    return set_subtitle (self->staff_row, error->message);
  for (guint i = 0; i < links->len; i++)
    {
      g_autofree char *name = entity_name (self->store, SPOR_TYPE_STAFF,
                                           spor_entity_get_int (links->pdata[i], "staff_id"));
      if (name != NULL)
        g_string_append_printf (text, "%s%s", text->len ? ", " : "", name);
    }
  set_subtitle (self->staff_row, text->str);
}

/* The name, status, programme and cohort at the top, and the place on the waiting list */
static void
show_header (SporParticipantPage *self,
             const char          *programme,
             const char          *cohort)
{
  SporEntity *e = SPOR_ENTITY (self->participant);
  const char *status = spor_entity_get_text (e, "status");
  gboolean waiting = g_strcmp0 (status, "waiting") == 0;
  g_autoptr(GString) summary = g_string_new (spor_value_label (&spor_values_participant_status, status));

  gtk_label_set_label (self->name_label, spor_entity_get_text (e, "name"));
  if (programme != NULL)
    g_string_append_printf (summary, " · %s", programme);
  if (cohort != NULL)
    g_string_append_printf (summary, " · %s", cohort);
  gtk_label_set_label (self->summary_label, summary->str);

  gtk_widget_set_visible (self->waiting_box, waiting);
  if (waiting)
    {
      g_autofree char *since = format_date (spor_entity_get_text (e, "waiting_since"));
      g_autofree char *text = NULL;

      if (spor_entity_is_set (e, "waiting_position"))
        /* Translators: a place on the waiting list and a date */
        text = g_strdup_printf (_("Number %d on the waiting list, since %s"),
                                (int) spor_entity_get_int (e, "waiting_position"),
                                since ? since : _("an unknown date"));
      else
        text = g_strdup (_("On the waiting list, without a place yet"));
      gtk_label_set_label (self->waiting_label, text);
    }
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "participant.move-up", waiting);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "participant.move-down", waiting);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "participant.admit", waiting);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "participant.wait", !waiting);
}

static void
show_personal (SporParticipantPage *self)
{
  SporEntity *e = SPOR_ENTITY (self->participant);
  g_autofree char *birth = format_date (spor_entity_get_text (e, "birth_date"));

  set_subtitle (self->birth_row, birth);
  show_cpr (self);
  set_subtitle (self->email_row, spor_entity_get_text (e, "email"));
  set_subtitle (self->phone_row, spor_entity_get_text (e, "phone"));
  set_subtitle (self->address_row, spor_entity_get_text (e, "address"));
  set_subtitle (self->municipality_row, spor_entity_get_text (e, "municipality"));
  set_subtitle (self->provision_row, spor_entity_is_set (e, "provision")
                ? spor_value_label (&spor_values_provision, spor_entity_get_text (e, "provision")) : NULL);
}

/* The programme and cohort, the dates in it, the contact person and the staff */
static void
show_programme (SporParticipantPage *self,
                const char          *programme,
                const char          *cohort)
{
  SporEntity *e = SPOR_ENTITY (self->participant);
  g_autofree char *start = format_date (spor_entity_get_text (e, "start_date"));
  g_autofree char *end = format_date (spor_entity_get_text (e, "end_date"));
  g_autofree char *contact = entity_name (self->store, SPOR_TYPE_STAFF,
                                          spor_entity_get_int (e, "contact_person_id"));
  g_autoptr(GString) line = g_string_new (NULL);

  if (programme != NULL)
    g_string_append (line, programme);
  if (cohort != NULL)
    g_string_append_printf (line, "%s%s", line->len ? " · " : "", cohort);
  set_subtitle (self->programme_row, line->str);
  g_string_truncate (line, 0);
  if (start != NULL || end != NULL)
    g_string_append_printf (line, "%s – %s", start ? start : "", end ? end : "");
  if (spor_entity_get_text (e, "exit_reason") != NULL)
    g_string_append_printf (line, " (%s)", spor_entity_get_text (e, "exit_reason"));
  set_subtitle (self->dates_row, line->str);
  set_subtitle (self->contact_row, contact);
  show_staff (self);
}

/* The referral, and the consent given or withdrawn */
static void
show_referral_and_consent (SporParticipantPage *self)
{
  SporEntity *e = SPOR_ENTITY (self->participant);
  g_autofree char *referral_date = format_date (spor_entity_get_text (e, "referral_date"));
  g_autofree char *consent_date = format_date (spor_entity_get_text (e, "consent_date"));
  g_autofree char *withdrawn = format_date (spor_entity_get_text (e, "consent_withdrawn_date"));
  g_autoptr(GString) line = g_string_new (NULL);
  g_autoptr(SporEntity) contact = NULL;
  g_autoptr(GError) error = NULL;
  gint64 contact_id = spor_entity_get_int (e, "referral_contact_id");

  /* the contact named, else the caseworker's name as typed before there were contacts */
  if (contact_id != 0 &&
      (contact = spor_store_get (self->store, SPOR_TYPE_CONTACT, contact_id, &error)) != NULL)
    g_string_append (line, spor_entity_get_text (contact, "name"));
  else if (contact_id != 0)
    g_string_append (line, error->message);
  else if (spor_entity_get_text (e, "referral_caseworker") != NULL)
    g_string_append (line, spor_entity_get_text (e, "referral_caseworker"));
  if (spor_entity_get_text (e, "referral_organisation") != NULL)
    g_string_append_printf (line, "%s%s", line->len ? ", " : "",
                            spor_entity_get_text (e, "referral_organisation"));
  set_subtitle (self->referral_row, line->str);
  set_subtitle (self->referral_date_row, referral_date);
  if (withdrawn != NULL)
    {
      /* Translators: a date */
      g_autofree char *text = g_strdup_printf (_("Withdrawn %s"), withdrawn);
      set_subtitle (self->consent_row, text);
    }
  else
    set_subtitle (self->consent_row, consent_date);
  g_string_truncate (line, 0);
  /* each scope consented to, by its label */
  for (guint i = 0; i < spor_value_list_get_n_values (&spor_values_consent_scope); i++)
    {
      const char *scope = spor_value_list_get_value (&spor_values_consent_scope, i);
      g_autofree char *field = g_strconcat ("consent_", scope, NULL);

      if (spor_entity_get_bool (e, field))
        g_string_append_printf (line, "%s%s", line->len ? ", " : "",
                                spor_value_list_get_label (&spor_values_consent_scope, i));
    }
  set_subtitle (self->consent_scope_row, line->str);
}

/* Nothing to show: no participant, one erased meanwhile, or (@error) one that cannot be
 * read, which the header says. */
static void
show_nobody (SporParticipantPage *self,
             const GError        *error)
{
  gtk_widget_set_sensitive (GTK_WIDGET (self), FALSE);
  gtk_label_set_label (self->name_label, error != NULL ? _("Could Not Read the Database") : "");
  gtk_label_set_label (self->summary_label, error != NULL ? error->message : "");
  gtk_widget_set_visible (self->waiting_box, FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->warnings_label), FALSE);
}

/* The programme's rules that the participant breaks (age, self-supporting, capacity), as
 * text under the name: one line each, not only a colour */
static void
show_warnings (SporParticipantPage *self)
{
  g_autoptr(GPtrArray) warnings = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) text = g_string_new (NULL);

  warnings = spor_participant_warnings (self->store, self->participant, NULL, &error);
  if (warnings == NULL)
    /* Translators: %s says why the programme's rules could not be checked */
    g_string_append_printf (text, _("The programme’s rules could not be checked: %s"), error->message);
  for (guint i = 0; warnings != NULL && i < warnings->len; i++)
    {
      SporProblem *problem = g_ptr_array_index (warnings, i);

      g_string_append_printf (text, "%s⚠ %s", text->len > 0 ? "\n" : "", problem->message);
    }
  gtk_label_set_label (self->warnings_label, text->str);
  gtk_widget_set_visible (GTK_WIDGET (self->warnings_label), text->len > 0);
}

void
spor_participant_page_reload (SporParticipantPage *self)
{
  SporEntity *e;
  g_autoptr(GError) error = NULL;
  g_autofree char *programme = NULL;
  g_autofree char *cohort = NULL;

  g_return_if_fail (SPOR_IS_PARTICIPANT_PAGE (self));

  g_clear_object (&self->participant);
  if (self->store != NULL && self->participant_id > 0)
    self->participant = spor_store_get (self->store, SPOR_TYPE_PARTICIPANT, self->participant_id, &error);
  if (self->participant == NULL)
    {
      /* one erased elsewhere is no failure: the page goes empty, as for none */
      if (g_error_matches (error, SPOR_STORE_ERROR, SPOR_STORE_ERROR_NOT_FOUND))
        g_clear_error (&error);
      return show_nobody (self, error);
    }
  gtk_widget_set_sensitive (GTK_WIDGET (self), TRUE);
  e = SPOR_ENTITY (self->participant);
  programme = entity_name (self->store, SPOR_TYPE_PROGRAMME, spor_entity_get_int (e, "programme_id"));
  cohort = entity_name (self->store, SPOR_TYPE_COHORT, spor_entity_get_int (e, "cohort_id"));
  show_header (self, programme, cohort);
  show_warnings (self);
  show_personal (self);
  show_programme (self, programme, cohort);
  show_referral_and_consent (self);
  show_sensitive (self);
  show_agreements (self);
  show_meetings (self);
}

/* After a change elsewhere: the page and its hosted sections read again. */
static void
load (GtkWidget *widget)
{
  SporParticipantPage *self = SPOR_PARTICIPANT_PAGE (widget);
  gboolean any = self->participant_id > 0;

  spor_participant_page_reload (self);
  spor_phase_stepper_set_participant (self->phase_stepper, any ? self->store : NULL,
                                      self->participant_id);
  spor_phase_stepper_reload (self->phase_stepper);
  spor_participant_attendance_set_participant (self->attendance, any ? self->store : NULL,
                                               self->participant_id);
}

void
spor_participant_page_set_participant (SporParticipantPage *self,
                                       SporStore           *store,
                                       gint64               participant_id)
{
  g_return_if_fail (SPOR_IS_PARTICIPANT_PAGE (self));

  if (store != self->store)
    spor_view_follow (GTK_WIDGET (self), store, followed_kinds, load);
  g_set_object (&self->store, store);
  if (self->participant_id != participant_id)
    {
      run_pending_meeting (self);
      gtk_toggle_button_set_active (self->cpr_reveal_button, FALSE);
      gtk_toggle_button_set_active (self->sensitive_reveal_button, FALSE);
    }
  self->participant_id = participant_id;
  spor_participant_page_reload (self);
  spor_phase_stepper_set_participant (self->phase_stepper, participant_id > 0 ? store : NULL,
                                      participant_id);
  spor_participant_attendance_set_participant (self->attendance,
                                               participant_id > 0 ? store : NULL, participant_id);
}

gint64
spor_participant_page_get_participant (SporParticipantPage *self)
{
  g_return_val_if_fail (SPOR_IS_PARTICIPANT_PAGE (self), 0);
  return self->participant_id;
}

GtkBox *
spor_participant_page_get_sections_box (SporParticipantPage *self)
{
  g_return_val_if_fail (SPOR_IS_PARTICIPANT_PAGE (self), NULL);
  return self->sections_box;
}

static void
toast (SporParticipantPage *self,
       const char          *text)
{
  spor_gui_show_toast (GTK_WIDGET (self), text);
}

static GtkWindow *
parent_window (SporParticipantPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  SporParticipantPage *self = SPOR_PARTICIPANT_PAGE (widget);
  GtkWidget *editor;

  if (self->participant == NULL)
    return;
  editor = spor_participant_editor_new (parent_window (self), self->store, self->participant_id);
  gtk_window_present (GTK_WINDOW (editor));
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  SporParticipantPage *self = SPOR_PARTICIPANT_PAGE (widget);

  if (self->participant_id > 0)
    g_signal_emit (self, signals[SIGNAL_DELETE_REQUESTED], 0, self->participant_id);
}

static void
move (SporParticipantPage *self,
      int                  delta)
{
  g_autoptr(GError) error = NULL;
  gint64 position;

  if (self->participant == NULL)
    return;
  position = spor_entity_get_int (SPOR_ENTITY (self->participant), "waiting_position") + delta;
  if (position < 1)
    return;
  if (!spor_waiting_list_move (self->store, self->participant_id, (guint) position, &error))
    {
      if (!g_error_matches (error, SPOR_STORE_ERROR, SPOR_STORE_ERROR_INVALID))
        toast (self, error->message);
    }
}

static void
move_up_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  move (SPOR_PARTICIPANT_PAGE (widget), -1);
}

static void
move_down_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  move (SPOR_PARTICIPANT_PAGE (widget), 1);
}

static void
wait_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  SporParticipantPage *self = SPOR_PARTICIPANT_PAGE (widget);
  g_autoptr(GError) error = NULL;

  if (self->participant == NULL)
    return;
  if (!spor_waiting_list_add (self->store, self->participant_id,
                              spor_entity_get_int (SPOR_ENTITY (self->participant), "programme_id"),
                              NULL, &error))
    toast (self, error->message);
}

static void
on_admit_response (SporAdmitDialog     *dialog,
                   const char          *response,
                   SporParticipantPage *self)
{
  gint64 cohort_id = spor_admit_dialog_get_cohort (dialog);
  g_autoptr(GError) error = NULL;
  gboolean over = FALSE;

  if (g_strcmp0 (response, "admit") != 0 || cohort_id <= 0)
    return;
  if (!spor_waiting_list_admit (self->store, self->participant_id, cohort_id, &over, &error))
    {
      toast (self, error->message);
      return;
    }
  if (over)
    toast (self, _("Admitted. The cohort is now above its capacity."));
  else
    toast (self, _("Admitted to the cohort"));
}

static void
admit_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  SporParticipantPage *self = SPOR_PARTICIPANT_PAGE (widget);
  g_autoptr(SporQuery) query = spor_query_new (SPOR_TYPE_COHORT);
  g_autoptr(GPtrArray) cohorts = NULL;
  g_autoptr(GError) error = NULL;
  gint64 programme_id;
  SporAdmitDialog *dialog;

  if (self->participant == NULL)
    return;
  programme_id = spor_entity_get_int (SPOR_ENTITY (self->participant), "programme_id");
  if (programme_id > 0)
    spor_query_where_int (query, "programme_id", programme_id);
  spor_query_order_by (query, "start_date", TRUE);
  if ((cohorts = spor_store_list (self->store, query, &error)) == NULL)
    return toast (self, error->message);
  if (cohorts->len == 0)
    return toast (self, _("The programme has no cohort to admit into"));
  if ((dialog = spor_admit_dialog_new (parent_window (self), self->store, cohorts, &error)) == NULL)
    return toast (self, error->message);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_admit_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
open_agreement (SporParticipantPage *self,
                gint64               agreement_id)
{
  GtkWidget *editor = spor_agreement_editor_new (parent_window (self), self->store,
                                                 self->participant_id, agreement_id);

  gtk_window_present (GTK_WINDOW (editor));
}

static void
agreement_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  SporParticipantPage *self = SPOR_PARTICIPANT_PAGE (widget);

  if (self->participant != NULL)
    open_agreement (self, 0);
}

static void
open_version_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  SporParticipantPage *self = SPOR_PARTICIPANT_PAGE (widget);

  if (self->participant != NULL)
    open_agreement (self, g_variant_get_int64 (parameter));
}

static void
add_meeting_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  SporParticipantPage *self = SPOR_PARTICIPANT_PAGE (widget);
  GtkWidget *editor;

  if (self->participant == NULL)
    return;
  editor = spor_meeting_editor_new (parent_window (self), self->store, self->participant_id);
  gtk_window_present (GTK_WINDOW (editor));
}

static void
spor_participant_page_dispose (GObject *object)
{
  SporParticipantPage *self = SPOR_PARTICIPANT_PAGE (object);

  run_pending_meeting (self);
  spor_view_follow (GTK_WIDGET (self), NULL, NULL, NULL);
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), SPOR_TYPE_PARTICIPANT_PAGE);
  g_clear_object (&self->participant);
  g_clear_object (&self->store);
  g_clear_pointer (&self->history_rows, g_ptr_array_unref);
  G_OBJECT_CLASS (spor_participant_page_parent_class)->dispose (object);
}

static void
spor_participant_page_class_init (SporParticipantPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = spor_participant_page_dispose;

  signals[SIGNAL_DELETE_REQUESTED] = g_signal_new ("delete-requested", G_TYPE_FROM_CLASS (klass),
                                                   G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                                   G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/dk/kulturspor/Spor/spor-participant-page.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, SporParticipantPage, name)
  BIND (name_label);
  BIND (summary_label);
  BIND (warnings_label);
  BIND (waiting_box);
  BIND (waiting_label);
  BIND (birth_row);
  BIND (cpr_row);
  BIND (cpr_reveal_button);
  BIND (email_row);
  BIND (phone_row);
  BIND (address_row);
  BIND (municipality_row);
  BIND (provision_row);
  BIND (programme_row);
  BIND (dates_row);
  BIND (contact_row);
  BIND (staff_row);
  BIND (referral_row);
  BIND (referral_date_row);
  BIND (consent_row);
  BIND (consent_scope_row);
  BIND (sensitive_reveal_button);
  BIND (needs_row);
  BIND (notes_row);
  BIND (agreement_row);
  BIND (history_row);
  BIND (meetings_list);
  BIND (no_meetings_row);
  BIND (sections_box);
#undef BIND
  gtk_widget_class_bind_template_callback (widget_class, on_reveal_toggled);

  gtk_widget_class_install_action (widget_class, "participant.edit", NULL, edit_action);
  gtk_widget_class_install_action (widget_class, "participant.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "participant.move-up", NULL, move_up_action);
  gtk_widget_class_install_action (widget_class, "participant.move-down", NULL, move_down_action);
  gtk_widget_class_install_action (widget_class, "participant.wait", NULL, wait_action);
  gtk_widget_class_install_action (widget_class, "participant.admit", NULL, admit_action);
  gtk_widget_class_install_action (widget_class, "participant.agreement", NULL, agreement_action);
  gtk_widget_class_install_action (widget_class, "participant.open-version", "x", open_version_action);
  gtk_widget_class_install_action (widget_class, "participant.add-meeting", NULL, add_meeting_action);
}

static void
spor_participant_page_init (SporParticipantPage *self)
{
  self->history_rows = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));

  self->phase_stepper = SPOR_PHASE_STEPPER (spor_phase_stepper_new ());
  gtk_box_append (self->sections_box, GTK_WIDGET (self->phase_stepper));
  self->attendance = g_object_new (SPOR_TYPE_PARTICIPANT_ATTENDANCE, NULL);
  gtk_box_append (self->sections_box, GTK_WIDGET (self->attendance));
}
