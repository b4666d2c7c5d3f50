/* spor-block-editor.c — a window to create or edit a work block
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "spor-blocks.h"

#include "spor-block-editor.h"
#include "spor-people-picker.h"
#include "spor-choice.h"
#include "spor-choice-lists.h"
#include "spor-conflict.h"
#include "spor-gui.h"
#include "spor-member-row.h"
#include "spor-record-choices.h"

typedef struct {
  gint64  id;
  char   *role;   /* staff only */
  char   *name;
} Member;

struct _SporBlockEditor
{
  AdwWindow         parent_instance;

  SporStore        *store;
  SporBlock        *block;
  SporBlockState   *before;  /* NULL for a new block */
  char             *unread;  /* why the block to edit could not be read */
  GArray           *staff;         /* Member */
  GArray           *participants;  /* Member */
  GPtrArray        *member_rows;   /* rows listing staff and participants */
  GtkToggleButton  *weekday_buttons[7];

  GtkLabel         *error_label;
  AdwEntryRow      *title_row;
  AdwComboRow      *programme_row;
  AdwComboRow      *cohort_row;
  AdwComboRow      *location_row;
  GtkSpinButton    *capacity_spin;
  GtkSwitch        *once_switch;
  AdwPreferencesRow *weekdays_row;
  GtkBox           *weekday_box;
  AdwEntryRow      *start_row;
  AdwEntryRow      *end_row;
  AdwEntryRow      *from_row;
  AdwEntryRow      *to_row;
  GtkSpinButton    *creative_spin;
  GtkSpinButton    *adviser_spin;
  GtkSpinButton    *mentor_spin;
  AdwPreferencesGroup *staff_group;
  AdwComboRow      *staff_add_row;
  AdwComboRow      *role_add_row;
  AdwPreferencesGroup *participants_group;
  AdwComboRow      *participant_add_row;
};

G_DEFINE_FINAL_TYPE (SporBlockEditor, spor_block_editor, ADW_TYPE_WINDOW)

enum { SIGNAL_SAVED, N_SIGNALS };
static guint signals[N_SIGNALS];

static void
member_clear (gpointer data)
{
  Member *m = data;

  g_free (m->role);
  g_free (m->name);
}

/* Dates: shown in the locale's format, read in it or as YYYY-MM-DD; an empty field is none,
 * anything else that is not a date sets @ok FALSE. */
static char *
parse_date (const char *text,
            gboolean   *ok)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text));
  char *date;

  *ok = TRUE;
  if (*stripped == '\0')
    return NULL;
  date = spor_gui_parse_date (stripped);
  *ok = date != NULL;
  return date;
}

/* "9" → "09:00", "9.30" → "09:30"; anything else is left for validation to refuse */
static char *
normalise_time (const char *text)
{
  char *time = spor_time_parse_typed (text);

  return time != NULL ? time : g_strstrip (g_strdup (text));
}

static void
show_error (SporBlockEditor *self,
            const char      *message)
{
  gtk_label_set_label (self->error_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

/* Lists the records of @type (of @programme_id when > 0) in @row, after a none entry named
 * @none_label when that is not NULL, and selects @selected. */
static void
fill_combo (SporBlockEditor *self,
            AdwComboRow     *row,
            GType            type,
            const char      *none_label,
            gint64           programme_id,
            gint64           selected)
{
  g_autoptr(SporQuery) query = spor_query_new (type);
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GListModel) records = NULL;
  g_autoptr(GError) error = NULL;

  if (programme_id > 0)
    spor_query_where_int (query, "programme_id", programme_id);
  spor_query_order_by (query, "name", FALSE);
  /* A drop-down is for choosing among hundreds, not thousands */
  spor_query_set_page (query, 0, 2000);
  list = spor_store_list (self->store, query, &error);
  if (list == NULL)
    show_error (self, error->message);
  records = spor_record_choices_new (type, list, none_label);
  spor_record_choices_set_model (row, records, NULL, selected);
}

static void refresh_members (SporBlockEditor *self);

/* Drops the member of @row (a participant when it has no role) from the editor's lists */
static void
on_remove_member (SporMemberRow   *row,
                  SporBlockEditor *self)
{
  const char *role = spor_member_row_get_role (row);
  GArray *list = role != NULL ? self->staff : self->participants;

  for (guint i = 0; i < list->len; i++)
    {
      Member *m = &g_array_index (list, Member, i);

      if (m->id == spor_member_row_get_id (row) && g_strcmp0 (m->role, role) == 0)
        {
          g_array_remove_index (list, i);
          break;
        }
    }
  refresh_members (self);
}

static void
add_member_row (SporBlockEditor     *self,
                AdwPreferencesGroup *group,
                const Member        *m)
{
  GtkWidget *row = spor_member_row_new (m->id, m->name, m->role);

  g_signal_connect (row, "remove", G_CALLBACK (on_remove_member), self);
  adw_preferences_group_add (group, row);
  g_ptr_array_add (self->member_rows, row);
}

static void
refresh_members (SporBlockEditor *self)
{
  for (guint i = 0; i < self->member_rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->member_rows, i);
      GtkWidget *group = gtk_widget_get_ancestor (row, ADW_TYPE_PREFERENCES_GROUP);

      adw_preferences_group_remove (ADW_PREFERENCES_GROUP (group), row);
    }
  g_ptr_array_set_size (self->member_rows, 0);
  for (guint i = 0; i < self->staff->len; i++)
    add_member_row (self, self->staff_group, &g_array_index (self->staff, Member, i));
  for (guint i = 0; i < self->participants->len; i++)
    add_member_row (self, self->participants_group, &g_array_index (self->participants, Member, i));
}

static void
on_add_staff_clicked (SporBlockEditor *self)
{
  SporEntity *person = spor_record_choices_get_selected_record (self->staff_add_row);
  const char *role = spor_choice_get_selected (self->role_add_row);
  gint64 id;
  Member m;

  if (person == NULL || role == NULL)
    return;
  id = spor_entity_get_id (person);
  for (guint i = 0; i < self->staff->len; i++)
    if (g_array_index (self->staff, Member, i).id == id &&
        g_strcmp0 (g_array_index (self->staff, Member, i).role, role) == 0)
      return;
  m = (Member) { id, g_strdup (role), g_strdup (spor_entity_get_text (person, "name")) };
  g_array_append_val (self->staff, m);
  refresh_members (self);
}

/* Adds @person to the block's participants unless they are there; TRUE when added */
static gboolean
add_participant (SporBlockEditor *self,
                 SporEntity      *person)
{
  gint64 id = spor_entity_get_id (person);
  Member m;

  for (guint i = 0; i < self->participants->len; i++)
    if (g_array_index (self->participants, Member, i).id == id)
      return FALSE;
  m = (Member) { id, NULL, g_strdup (spor_entity_get_text (person, "name")) };
  g_array_append_val (self->participants, m);
  return TRUE;
}

static void
on_add_participant_clicked (SporBlockEditor *self)
{
  SporEntity *person = spor_record_choices_get_selected_record (self->participant_add_row);

  if (person != NULL && add_participant (self, person))
    refresh_members (self);
}

guint
spor_block_editor_add_cohort (SporBlockEditor *self)
{
  gint64 cohort = spor_record_choices_get_selected (self->cohort_row);
  g_autoptr(SporQuery) query = spor_query_new (SPOR_TYPE_PARTICIPANT);
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  guint added = 0;

  g_return_val_if_fail (SPOR_IS_BLOCK_EDITOR (self), 0);

  if (cohort <= 0)
    {
      show_error (self, _("Choose the block’s cohort first."));
      return 0;
    }
  spor_query_where_int (query, "cohort_id", cohort);
  spor_query_order_by (query, "name", FALSE);
  if ((list = spor_store_list (self->store, query, &error)) == NULL)
    {
      show_error (self, error->message);
      return 0;
    }
  for (guint i = 0; i < list->len; i++)
    if (add_participant (self, list->pdata[i]))
      added++;
  refresh_members (self);
  return added;
}

static void
on_add_cohort_clicked (SporBlockEditor *self)
{
  spor_block_editor_add_cohort (self);
}

static void
on_programme_changed (SporBlockEditor *self)
{
  gint64 programme = spor_record_choices_get_selected (self->programme_row);

  fill_combo (self, self->participant_add_row, SPOR_TYPE_PARTICIPANT, NULL,
              programme > 0 ? programme : -1, 0);
  /* the cohorts are runs of the chosen programme */
  fill_combo (self, self->cohort_row, SPOR_TYPE_COHORT, C_("cohort", "None"), programme > 0 ? programme : -1,
              spor_entity_get_int (SPOR_ENTITY (self->block), "cohort_id"));
}

static void
on_once_changed (SporBlockEditor *self)
{
  gboolean once = gtk_switch_get_active (self->once_switch);

  gtk_widget_set_sensitive (GTK_WIDGET (self->weekdays_row), !once);
  gtk_widget_set_sensitive (GTK_WIDGET (self->to_row), !once);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->from_row), once ? _("Day") : _("First Day"));
}

/* The name of @id of @type, for the member rows; the reason when it cannot be read */
static char *
member_name (SporBlockEditor *self,
             GType            type,
             gint64           id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SporEntity) person = spor_store_get (self->store, type, id, &error);

  if (person == NULL)
    return g_strdup (error->message);
  return g_strdup (spor_entity_get_text (person, "name"));
}

/* The block's staff and participants as stored; FALSE and @error when they cannot be read */
static gboolean
load_members (SporBlockEditor  *self,
              gint64            block_id,
              GError          **error)
{
  g_autoptr(SporQuery) sq = spor_query_new (SPOR_TYPE_BLOCK_STAFF);
  g_autoptr(SporQuery) pq = spor_query_new (SPOR_TYPE_BLOCK_PARTICIPANT);
  g_autoptr(GPtrArray) staff = NULL;
  g_autoptr(GPtrArray) participants = NULL;

  spor_query_where_int (sq, "block_id", block_id);
  spor_query_where_int (pq, "block_id", block_id);
  if ((staff = spor_store_list (self->store, sq, error)) == NULL ||
      (participants = spor_store_list (self->store, pq, error)) == NULL)
    return FALSE;
  for (guint i = 0; i < staff->len; i++)
    {
      SporEntity *link = g_ptr_array_index (staff, i);
      gint64 id = spor_entity_get_int (link, "staff_id");
      Member m = { id, g_strdup (spor_entity_get_text (link, "role")), member_name (self, SPOR_TYPE_STAFF, id) };

      g_array_append_val (self->staff, m);
    }
  for (guint i = 0; i < participants->len; i++)
    {
      gint64 id = spor_entity_get_int (g_ptr_array_index (participants, i), "participant_id");
      Member m = { id, NULL, member_name (self, SPOR_TYPE_PARTICIPANT, id) };

      g_array_append_val (self->participants, m);
    }
  return TRUE;
}

static void
fill_form (SporBlockEditor *self)
{
  SporEntity *e = SPOR_ENTITY (self->block);
  guint weekdays = (guint) spor_entity_get_int (e, "weekdays");
  g_autofree char *from = spor_gui_format_date (spor_entity_get_text (e, "period_start"));
  g_autofree char *to = spor_gui_format_date (spor_entity_get_text (e, "period_end"));
  g_autoptr(GHashTable) req = NULL;
  gint64 id = spor_entity_get_id (e);

  gtk_editable_set_text (GTK_EDITABLE (self->title_row), spor_entity_get_text (e, "title") ?: "");
  fill_combo (self, self->programme_row, SPOR_TYPE_PROGRAMME, C_("programme", "None"), 0,
              spor_entity_get_int (e, "programme_id"));
  {
    g_autoptr(GError) error = NULL;

    /* locations and offered staff, each can be made here ("New Location…") */
    if (!spor_people_picker_setup (self->location_row, self->store, SPOR_TYPE_LOCATION, NULL,
                                   C_("location", "None"), spor_entity_get_int (e, "location_id"), &error) ||
        !spor_people_picker_setup (self->staff_add_row, self->store, SPOR_TYPE_STAFF, NULL, NULL,
                                   0, &error))
      show_error (self, error->message);
  }
  on_programme_changed (self);
  gtk_spin_button_set_value (self->capacity_spin, spor_entity_is_set (e, "capacity")
                                                  ? spor_entity_get_int (e, "capacity") : 0);
  gtk_switch_set_active (self->once_switch, g_strcmp0 (spor_entity_get_text (e, "kind"), "once") == 0);
  for (guint d = 0; d < 7; d++)
    gtk_toggle_button_set_active (self->weekday_buttons[d], (weekdays & SPOR_WEEKDAY_BIT (d + 1)) != 0);
  gtk_editable_set_text (GTK_EDITABLE (self->start_row), spor_entity_get_text (e, "start_time") ?: "");
  gtk_editable_set_text (GTK_EDITABLE (self->end_row), spor_entity_get_text (e, "end_time") ?: "");
  gtk_editable_set_text (GTK_EDITABLE (self->from_row), from);
  gtk_editable_set_text (GTK_EDITABLE (self->to_row), to);

  if (id > 0)
    {
      g_autoptr(GError) error = NULL;

      /* Save would write the form's staffing over what it could not read: it refuses */
      if ((req = spor_blocks_get_requirements (self->store, id, &error)) == NULL ||
          !load_members (self, id, &error))
        {
          g_free (self->unread);
          self->unread = g_strdup (error->message);
          show_error (self, error->message);
        }
      if (req != NULL)
        {
          gtk_spin_button_set_value (self->creative_spin, GPOINTER_TO_INT (g_hash_table_lookup (req, "creative")));
          gtk_spin_button_set_value (self->adviser_spin, GPOINTER_TO_INT (g_hash_table_lookup (req, "adviser")));
          gtk_spin_button_set_value (self->mentor_spin, GPOINTER_TO_INT (g_hash_table_lookup (req, "mentor")));
        }
    }
  refresh_members (self);
  on_once_changed (self);
}

/* Saving */

static gboolean
sync_members (SporBlockEditor *self,
              gint64           block_id,
              GError         **error)
{
  g_autoptr(SporQuery) sq = spor_query_new (SPOR_TYPE_BLOCK_STAFF);
  g_autoptr(SporQuery) pq = spor_query_new (SPOR_TYPE_BLOCK_PARTICIPANT);
  g_autoptr(GPtrArray) staff = NULL;
  g_autoptr(GPtrArray) participants = NULL;

  spor_query_where_int (sq, "block_id", block_id);
  spor_query_where_int (pq, "block_id", block_id);
  if ((staff = spor_store_list (self->store, sq, error)) == NULL ||
      (participants = spor_store_list (self->store, pq, error)) == NULL)
    return FALSE;

  /* Remove the links no longer wanted, add the new ones */
  for (guint i = 0; i < staff->len; i++)
    {
      SporEntity *link = g_ptr_array_index (staff, i);
      gboolean keep = FALSE;

      for (guint j = 0; j < self->staff->len && !keep; j++)
        keep = g_array_index (self->staff, Member, j).id == spor_entity_get_int (link, "staff_id") &&
               g_strcmp0 (g_array_index (self->staff, Member, j).role, spor_entity_get_text (link, "role")) == 0;
      if (!keep && !spor_store_delete (self->store, link, error))
        return FALSE;
    }
  for (guint j = 0; j < self->staff->len; j++)
    {
      Member *m = &g_array_index (self->staff, Member, j);
      gboolean present = FALSE;

      for (guint i = 0; i < staff->len && !present; i++)
        present = spor_entity_get_int (g_ptr_array_index (staff, i), "staff_id") == m->id &&
                  g_strcmp0 (spor_entity_get_text (g_ptr_array_index (staff, i), "role"), m->role) == 0;
      if (!present && !spor_blocks_assign_staff (self->store, block_id, m->id, m->role, error))
        return FALSE;
    }
  for (guint i = 0; i < participants->len; i++)
    {
      SporEntity *link = g_ptr_array_index (participants, i);
      gboolean keep = FALSE;

      for (guint j = 0; j < self->participants->len && !keep; j++)
        keep = g_array_index (self->participants, Member, j).id == spor_entity_get_int (link, "participant_id");
      if (!keep && !spor_store_delete (self->store, link, error))
        return FALSE;
    }
  for (guint j = 0; j < self->participants->len; j++)
    {
      gint64 id = g_array_index (self->participants, Member, j).id;
      gboolean present = FALSE;

      for (guint i = 0; i < participants->len && !present; i++)
        present = spor_entity_get_int (g_ptr_array_index (participants, i), "participant_id") == id;
      if (!present && !spor_blocks_add_participant (self->store, block_id, id, error))
        return FALSE;
    }
  return TRUE;
}

/* The block as stored now, and its staffing for Undo: after Discard My Changes the form shows
 * it, after Keep Mine Undo puts it back. */
static gboolean
read_stored (SporBlockEditor  *self,
             gboolean          into_form,
             GError          **error)
{
  gint64 id = spor_entity_get_id (SPOR_ENTITY (self->block));
  g_autoptr(SporBlock) fresh = spor_store_get (self->store, SPOR_TYPE_BLOCK, id, error);

  if (fresh == NULL)
    return FALSE;
  g_clear_pointer (&self->before, spor_block_state_unref);
  if ((self->before = spor_blocks_get_state (self->store, id, error)) == NULL)
    return FALSE;
  if (!into_form)
    {
      spor_entity_set_keys (SPOR_ENTITY (self->block), id, spor_entity_get_uuid (SPOR_ENTITY (fresh)),
                            spor_entity_get_created_at (SPOR_ENTITY (fresh)),
                            spor_entity_get_updated_at (SPOR_ENTITY (fresh)));
      return TRUE;
    }
  g_set_object (&self->block, fresh);
  g_array_set_size (self->staff, 0);
  g_array_set_size (self->participants, 0);
  g_clear_pointer (&self->unread, g_free);
  fill_form (self);
  /* the form's staffing may not have been read again */
  show_error (self, self->unread);
  return TRUE;
}

static void
on_conflict (SporConflictChoice choice,
             gpointer           data)
{
  SporBlockEditor *self = data;
  g_autoptr(GError) error = NULL;

  if (self->store == NULL || choice == SPOR_CONFLICT_CANCEL)
    return;
  if (!read_stored (self, choice == SPOR_CONFLICT_DISCARD, &error))
    show_error (self, error->message);
  else if (choice == SPOR_CONFLICT_KEEP_MINE)
    spor_block_editor_save (self);
}

gboolean
spor_block_editor_save (SporBlockEditor *self)
{
  SporEntity *e = SPOR_ENTITY (self->block);
  g_autoptr(GError) error = NULL;
  g_autofree char *start = normalise_time (gtk_editable_get_text (GTK_EDITABLE (self->start_row)));
  g_autofree char *end = normalise_time (gtk_editable_get_text (GTK_EDITABLE (self->end_row)));
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  gboolean once = gtk_switch_get_active (self->once_switch);
  gboolean created = spor_entity_get_id (e) == 0;
  gboolean from_ok, to_ok;
  guint weekdays = 0;
  int capacity;

  g_return_val_if_fail (SPOR_IS_BLOCK_EDITOR (self), FALSE);

  if (self->unread != NULL)
    {
      show_error (self, self->unread);
      return FALSE;
    }
  from = parse_date (gtk_editable_get_text (GTK_EDITABLE (self->from_row)), &from_ok);
  to = parse_date (gtk_editable_get_text (GTK_EDITABLE (self->to_row)), &to_ok);
  if (!from_ok || !to_ok)
    {
      show_error (self, _("Enter the days as dates, for example 24-11-2026 or 2026-11-24."));
      return FALSE;
    }
  for (guint d = 0; d < 7; d++)
    if (gtk_toggle_button_get_active (self->weekday_buttons[d]))
      weekdays |= SPOR_WEEKDAY_BIT (d + 1);

  spor_entity_set_text (e, "title", gtk_editable_get_text (GTK_EDITABLE (self->title_row)));
  spor_entity_set_text (e, "kind", once ? "once" : "weekly");
  spor_entity_set_int (e, "weekdays", once ? 0 : weekdays);
  spor_entity_set_text (e, "start_time", start);
  spor_entity_set_text (e, "end_time", end);
  if (from != NULL)
    spor_entity_set_text (e, "period_start", from);
  else
    spor_entity_unset (e, "period_start");
  if (to != NULL && !once)
    spor_entity_set_text (e, "period_end", to);
  else
    spor_entity_unset (e, "period_end");
  spor_entity_set_int (e, "programme_id", spor_record_choices_get_selected (self->programme_row));
  spor_entity_set_int (e, "cohort_id", spor_record_choices_get_selected (self->cohort_row));
  spor_entity_set_int (e, "location_id", spor_record_choices_get_selected (self->location_row));
  capacity = gtk_spin_button_get_value_as_int (self->capacity_spin);
  if (capacity > 0)
    spor_entity_set_int (e, "capacity", capacity);
  else
    spor_entity_unset (e, "capacity");

  /* Everything in one transaction: a refusal anywhere changes nothing */
  if (!spor_store_begin (self->store, &error))
    goto failed;
  if (!spor_blocks_save (self->store, self->block, &error) ||
      !spor_blocks_set_requirement (self->store, spor_entity_get_id (e), "creative",
                                    gtk_spin_button_get_value_as_int (self->creative_spin), &error) ||
      !spor_blocks_set_requirement (self->store, spor_entity_get_id (e), "adviser",
                                    gtk_spin_button_get_value_as_int (self->adviser_spin), &error) ||
      !spor_blocks_set_requirement (self->store, spor_entity_get_id (e), "mentor",
                                    gtk_spin_button_get_value_as_int (self->mentor_spin), &error) ||
      !sync_members (self, spor_entity_get_id (e), &error) ||
      !spor_store_commit (self->store, &error))
    {
      spor_store_rollback (self->store);
      if (created)
        spor_entity_set_keys (e, 0, NULL, NULL, NULL);
      goto failed;
    }

  show_error (self, NULL);
  g_signal_emit (self, signals[SIGNAL_SAVED], 0, spor_entity_get_id (e), created, self->before);
  gtk_window_close (GTK_WINDOW (self));
  return TRUE;

failed:
  show_error (self, error->message);
  /* changed elsewhere since the form was opened: the user chooses */
  if (spor_conflict_matches (error))
    {
      g_autoptr(GError) read_error = NULL;
      g_autofree char *title = spor_conflict_stored_text (self->store, SPOR_ENTITY (self->block), "title",
                                                          &read_error);

      if (title == NULL)
        show_error (self, read_error->message);
      else
        spor_conflict_ask (GTK_WIDGET (self), title, on_conflict, g_object_ref (self), g_object_unref);
    }
  return FALSE;
}

static void
on_save_clicked (SporBlockEditor *self)
{
  spor_block_editor_save (self);
}

static void
spor_block_editor_dispose (GObject *object)
{
  SporBlockEditor *self = SPOR_BLOCK_EDITOR (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), SPOR_TYPE_BLOCK_EDITOR);
  g_clear_object (&self->store);
  g_clear_object (&self->block);
  g_clear_pointer (&self->before, spor_block_state_unref);
  g_clear_pointer (&self->unread, g_free);
  G_OBJECT_CLASS (spor_block_editor_parent_class)->dispose (object);
}

static void
spor_block_editor_finalize (GObject *object)
{
  SporBlockEditor *self = SPOR_BLOCK_EDITOR (object);

  g_clear_pointer (&self->staff, g_array_unref);
  g_clear_pointer (&self->participants, g_array_unref);
  g_clear_pointer (&self->member_rows, g_ptr_array_unref);
  G_OBJECT_CLASS (spor_block_editor_parent_class)->finalize (object);
}

static void
spor_block_editor_class_init (SporBlockEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = spor_block_editor_dispose;
  object_class->finalize = spor_block_editor_finalize;

  signals[SIGNAL_SAVED] =
    g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 3, G_TYPE_INT64, G_TYPE_BOOLEAN, SPOR_TYPE_BLOCK_STATE);

  gtk_widget_class_set_template_from_resource (widget_class, "/dk/kulturspor/Spor/spor-block-editor.ui");
#define CHILD(name) gtk_widget_class_bind_template_child (widget_class, SporBlockEditor, name)
  CHILD (error_label);
  CHILD (title_row);
  CHILD (programme_row);
  CHILD (cohort_row);
  CHILD (location_row);
  CHILD (capacity_spin);
  CHILD (once_switch);
  CHILD (weekdays_row);
  CHILD (weekday_box);
  CHILD (start_row);
  CHILD (end_row);
  CHILD (from_row);
  CHILD (to_row);
  CHILD (creative_spin);
  CHILD (adviser_spin);
  CHILD (mentor_spin);
  CHILD (staff_group);
  CHILD (staff_add_row);
  CHILD (role_add_row);
  CHILD (participants_group);
  CHILD (participant_add_row);
#undef CHILD
  gtk_widget_class_bind_template_callback (widget_class, on_save_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_add_staff_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_add_participant_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_add_cohort_clicked);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
spor_block_editor_init (SporBlockEditor *self)
{
  g_autoptr(GListModel) roles = spor_choice_lists_roles ();
  GDate monday;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->staff = g_array_new (FALSE, TRUE, sizeof (Member));
  self->participants = g_array_new (FALSE, TRUE, sizeof (Member));
  g_array_set_clear_func (self->staff, member_clear);
  g_array_set_clear_func (self->participants, member_clear);
  self->member_rows = g_ptr_array_new ();

  /* Weekday toggles with the locale's short names, Monday first; 5 Jan 2026 is a Monday */
  g_date_clear (&monday, 1);
  g_date_set_dmy (&monday, 5, G_DATE_JANUARY, 2026);
  for (guint d = 0; d < 7; d++)
    {
      char short_name[32], long_name[64];
      GtkWidget *toggle;

      g_date_strftime (short_name, sizeof short_name, "%a", &monday);
      g_date_strftime (long_name, sizeof long_name, "%A", &monday);
      toggle = gtk_toggle_button_new_with_label (short_name);
      gtk_accessible_update_property (GTK_ACCESSIBLE (toggle), GTK_ACCESSIBLE_PROPERTY_LABEL, long_name, -1);
      gtk_box_append (self->weekday_box, toggle);
      self->weekday_buttons[d] = GTK_TOGGLE_BUTTON (toggle);
      g_date_add_days (&monday, 1);
    }
  spor_choice_set_model (self->role_add_row, roles, NULL);

  g_signal_connect_swapped (self->once_switch, "notify::active", G_CALLBACK (on_once_changed), self);
  g_signal_connect_swapped (self->programme_row, "notify::selected", G_CALLBACK (on_programme_changed), self);
}

SporBlockEditor *
spor_block_editor_new (SporStore *store,
                       gint64     block_id)
{
  SporBlockEditor *self;

  g_return_val_if_fail (SPOR_IS_STORE (store), NULL);

  self = g_object_new (SPOR_TYPE_BLOCK_EDITOR, NULL);
  self->store = g_object_ref (store);
  if (block_id > 0)
    {
      g_autoptr(GError) error = NULL;

      gtk_window_set_title (GTK_WINDOW (self), _("Edit Work Block"));
      if ((self->block = spor_store_get (store, SPOR_TYPE_BLOCK, block_id, &error)) == NULL ||
          (self->before = spor_blocks_get_state (store, block_id, &error)) == NULL)
        {
          /* the form is not the block's: it is not saved over it, nor as a new one */
          g_clear_object (&self->block);
          self->unread = g_strdup (error->message);
        }
    }
  if (self->block == NULL)
    {
      self->block = spor_entity_new (SPOR_TYPE_BLOCK);
      spor_entity_set_text (SPOR_ENTITY (self->block), "kind", "weekly");
      spor_entity_set_text (SPOR_ENTITY (self->block), "start_time", "09:00");
      spor_entity_set_text (SPOR_ENTITY (self->block), "end_time", "12:00");
      if (self->unread == NULL)
        gtk_window_set_title (GTK_WINDOW (self), _("New Work Block"));
    }
  fill_form (self);
  if (self->unread != NULL)
    show_error (self, self->unread);
  return self;
}

void
spor_block_editor_set_defaults (SporBlockEditor *self,
                                const char      *date,
                                const char      *start_time,
                                const char      *end_time,
                                gint64           programme_id)
{
  SporEntity *e = SPOR_ENTITY (self->block);
  g_autoptr(GDate) day = NULL;

  g_return_if_fail (SPOR_IS_BLOCK_EDITOR (self));

  if (date != NULL)
    {
      spor_entity_set_text (e, "period_start", date);
      if ((day = spor_date_parse (date)) != NULL)
        spor_entity_set_int (e, "weekdays", SPOR_WEEKDAY_BIT (g_date_get_weekday (day)));
    }
  if (start_time != NULL)
    spor_entity_set_text (e, "start_time", start_time);
  if (end_time != NULL)
    spor_entity_set_text (e, "end_time", end_time);
  if (programme_id > 0)
    spor_entity_set_int (e, "programme_id", programme_id);
  fill_form (self);
}
