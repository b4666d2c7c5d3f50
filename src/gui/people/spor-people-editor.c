/* spor-people-editor.c — the form of a staff member, contact, location or organisation
 *
 * The rows are made from a table of the fields each kind shows, in the order people fill
 * them in; what is typed goes through the store's one checker, whose message is shown
 * above the form. A staff member's roles are written in the same transaction as the record.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "spor-choice.h"
#include "spor-choice-lists.h"
#include "spor-gui.h"
#include "spor-people.h"
#include "spor-people-editor.h"
#include "spor-record-choices.h"
#include "spor-staff-roles.h"

typedef struct
{
  const char *field;
  const char *label;
} FormField;

static const FormField staff_form[] = {
  { "name", N_("Name") }, { "employer_id", N_("Organisation") }, { "phone", N_("Phone") },
  { "email", N_("E-mail") }, { "weekly_hours", N_("Hours a Week") },
  { "active_from", N_("Active From") }, { "active_to", N_("Active Until") },
  { "active", N_("Active") }, { NULL, NULL },
};
static const FormField contact_form[] = {
  { "name", N_("Name") }, { "organisation_id", N_("Organisation") },
  { "title", N_("Role or Title") }, { "phone", N_("Phone") }, { "email", N_("E-mail") },
  { "notes", N_("Notes") }, { "active", N_("Active") }, { NULL, NULL },
};
static const FormField location_form[] = {
  { "name", N_("Name") }, { "address", N_("Address") }, { "rooms", N_("Rooms") },
  { "capacity", N_("Capacity (people)") }, { "notes", N_("Notes") }, { NULL, NULL },
};
static const FormField organisation_form[] = {
  { "name", N_("Name") }, { "kind", N_("Kind") }, { "address", N_("Address") },
  { "contact", N_("Contact Person") }, { "phone", N_("Phone") }, { "email", N_("E-mail") },
  { "notes", N_("Notes") }, { NULL, NULL },
};

struct _SporPeopleEditor
{
  AdwWindow             parent_instance;

  SporStore            *store;
  SporEntity           *record;
  const FormField      *form;
  GPtrArray            *rows;        /* one widget per form field */
  GPtrArray            *role_checks; /* GtkSwitch, the role's value as its name */

  GtkLabel             *error_label;
  GtkWidget            *save_button;
  AdwPreferencesGroup  *fields_group;
  AdwPreferencesGroup  *roles_group;
};

G_DEFINE_FINAL_TYPE (SporPeopleEditor, spor_people_editor, ADW_TYPE_WINDOW)

enum { SIGNAL_SAVED, N_SIGNALS };
static guint signals[N_SIGNALS];

static const FormField *
form_of (GType type)
{
  if (type == SPOR_TYPE_STAFF)
    return staff_form;
  if (type == SPOR_TYPE_CONTACT)
    return contact_form;
  if (type == SPOR_TYPE_LOCATION)
    return location_form;
  return organisation_form;
}

const char *
spor_people_editor_new_label (GType type)
{
  if (type == SPOR_TYPE_STAFF)
    return _("New Staff Member…");
  if (type == SPOR_TYPE_CONTACT)
    return _("New Contact…");
  if (type == SPOR_TYPE_LOCATION)
    return _("New Location…");
  return _("New Organisation…");
}

static const char *
title_of (GType    type,
          gboolean is_new)
{
  if (type == SPOR_TYPE_STAFF)
    return is_new ? _("New Staff Member") : _("Edit Staff Member");
  if (type == SPOR_TYPE_CONTACT)
    return is_new ? _("New Contact") : _("Edit Contact");
  if (type == SPOR_TYPE_LOCATION)
    return is_new ? _("New Location") : _("Edit Location");
  return is_new ? _("New Organisation") : _("Edit Organisation");
}

static void
say (SporPeopleEditor *self,
     const char       *message)
{
  gtk_label_set_label (self->error_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

/* The row of one field, filled from the record */
static GtkWidget *
make_row (SporPeopleEditor *self,
          const FormField  *ff)
{
  const SporField *field = spor_entity_info_find_field (spor_entity_get_info (self->record), ff->field);
  SporEntity *e = self->record;
  g_autofree char *text = NULL;
  GtkWidget *row;

  if (field->type == SPOR_FIELD_BOOL)
    {
      GtkWidget *toggle = gtk_switch_new ();

      row = adw_action_row_new ();
      gtk_widget_set_valign (toggle, GTK_ALIGN_CENTER);
      gtk_switch_set_active (GTK_SWITCH (toggle), spor_entity_get_bool (e, ff->field));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), toggle);
      /* the row names its switch, as it does the check buttons below */
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), toggle);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(ff->label));
      adw_preferences_group_add (self->fields_group, row);
      return toggle;
    }
  if (field->type == SPOR_FIELD_ENUM)
    {
      g_autoptr(GListModel) kinds = spor_choice_lists_organisation_kinds ();

      row = adw_combo_row_new ();
      spor_choice_set_model (row, kinds, spor_entity_get_text (e, ff->field));
    }
  else if (field->type == SPOR_FIELD_REF)
    {
      g_autoptr(GPtrArray) offered = NULL;
      g_autoptr(GListModel) records = NULL;
      g_autoptr(GError) error = NULL;
      gint64 id = spor_entity_get_int (e, ff->field);

      row = adw_combo_row_new ();
      offered = spor_people_list_offered (self->store, SPOR_TYPE_ORGANISATION, NULL, id, &error);
      if (offered == NULL)
        say (self, error->message);
      records = spor_record_choices_new (SPOR_TYPE_ORGANISATION, offered, C_("organisation", "None"));
      spor_record_choices_set_model (row, records, NULL, id);
    }
  else
    {
      row = adw_entry_row_new ();
      if (field->type == SPOR_FIELD_DATE)
        text = spor_gui_format_date (spor_entity_get_text (e, ff->field));
      else if (field->type == SPOR_FIELD_INT && spor_entity_is_set (e, ff->field))
        text = g_strdup_printf ("%" G_GINT64_FORMAT, spor_entity_get_int (e, ff->field));
      else if (field->type == SPOR_FIELD_REAL && spor_entity_is_set (e, ff->field))
        text = g_strdup_printf ("%g", spor_entity_get_real (e, ff->field));
      else if (field->type == SPOR_FIELD_TEXT)
        text = g_strdup (spor_entity_get_text (e, ff->field));
      gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
    }
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(ff->label));
  adw_preferences_group_add (self->fields_group, row);
  return row;
}

static void
make_role_checks (SporPeopleEditor *self)
{
  g_auto(GStrv) roles = NULL;
  g_autoptr(GError) error = NULL;

  if (spor_entity_get_id (self->record) != 0 &&
      (roles = spor_staff_roles_get (self->store, spor_entity_get_id (self->record), &error)) == NULL)
    say (self, error->message);
  for (guint i = 0; i < spor_value_list_get_n_values (&spor_values_role); i++)
    {
      const char *value = spor_value_list_get_value (&spor_values_role, i);
      g_autofree char *label = NULL;
      GtkWidget *row, *check;

      /* a participant's contact person is a link to a participant, not a staff role */
      if (g_str_equal (value, "contact_person"))
        continue;
      label = g_strdup (spor_value_list_get_label (&spor_values_role, i));
      label[0] = g_ascii_toupper (label[0]);
      /* a switch, not a check button: GTK 4.8 gives only a switch an accessible action,
       * so that assistive technologies can set each role */
      check = gtk_switch_new ();
      gtk_widget_set_name (check, value);
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      gtk_switch_set_active (GTK_SWITCH (check),
                             roles != NULL && g_strv_contains ((const char * const *) roles, value));
      row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), label);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      adw_preferences_group_add (self->roles_group, row);
      g_ptr_array_add (self->role_checks, check);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->roles_group), TRUE);
}

/* A number typed with a comma or a point; FALSE for anything else */
static gboolean
parse_number (const char *text,
              double     *number)
{
  g_autofree char *copy = g_strdup (text);
  char *end = NULL;

  g_strdelimit (copy, ",", '.');
  *number = g_ascii_strtod (copy, &end);
  return end != copy && *end == '\0';
}

/* Copies one row into the record; FALSE with @error for a text that is not a number or date */
static gboolean
read_row (SporPeopleEditor *self,
          const FormField  *ff,
          GtkWidget        *row,
          GError          **error)
{
  const SporField *field = spor_entity_info_find_field (spor_entity_get_info (self->record), ff->field);
  SporEntity *e = self->record;
  g_autofree char *text = NULL;
  double number;

  if (field->type == SPOR_FIELD_BOOL)
    {
      spor_entity_set_bool (e, ff->field, gtk_switch_get_active (GTK_SWITCH (row)));
      return TRUE;
    }
  if (field->type == SPOR_FIELD_ENUM)
    {
      spor_entity_set_text (e, ff->field, spor_choice_get_selected (row));
      return TRUE;
    }
  if (field->type == SPOR_FIELD_REF)
    {
      spor_record_choices_store_selected (row, e, ff->field);
      return TRUE;
    }
  text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
  if (text[0] == '\0')
    {
      spor_entity_unset (e, ff->field);
      return TRUE;
    }
  if (field->type == SPOR_FIELD_DATE)
    {
      g_autofree char *iso = spor_gui_parse_date (text);

      if (iso == NULL)
        goto not_valid;
      spor_entity_set_text (e, ff->field, iso);
    }
  else if (field->type == SPOR_FIELD_INT || field->type == SPOR_FIELD_REAL)
    {
      if (!parse_number (text, &number) ||
          (field->type == SPOR_FIELD_INT && number != (double) (gint64) number))
        goto not_valid;
      if (field->type == SPOR_FIELD_INT)
        spor_entity_set_int (e, ff->field, (gint64) number);
      else
        spor_entity_set_real (e, ff->field, number);
    }
  else
    spor_entity_set_text (e, ff->field, text);
  return TRUE;

not_valid:
  /* TRANSLATORS: %s is the label of a field of the form, %s the text typed into it */
  g_set_error (error, SPOR_STORE_ERROR, SPOR_STORE_ERROR_INVALID, _("%s: “%s” is not valid here."),
               _(ff->label), text);
  gtk_widget_add_css_class (GTK_WIDGET (row), "error");
  return FALSE;
}

static gboolean
write_record (SporPeopleEditor *self,
              GError          **error)
{
  g_autoptr(GStrvBuilder) roles = g_strv_builder_new ();
  g_auto(GStrv) chosen = NULL;
  gboolean is_new = spor_entity_get_id (self->record) == 0;

  for (guint i = 0; i < self->role_checks->len; i++)
    if (gtk_switch_get_active (self->role_checks->pdata[i]))
      g_strv_builder_add (roles, gtk_widget_get_name (self->role_checks->pdata[i]));
  chosen = g_strv_builder_end (roles);
  if (!spor_store_begin (self->store, error))
    return FALSE;
  if (!(is_new ? spor_store_insert (self->store, self->record, error)
               : spor_store_update (self->store, self->record, error)) ||
      (self->role_checks->len > 0 &&
       !spor_staff_roles_set (self->store, spor_entity_get_id (self->record),
                              (const char * const *) chosen, error)) ||
      !spor_store_commit (self->store, error))
    {
      spor_store_rollback (self->store);
      /* a new record that was not written has no id */
      if (is_new)
        spor_entity_set_keys (self->record, 0, NULL, NULL, NULL);
      return FALSE;
    }
  return TRUE;
}

static void
on_save_clicked (SporPeopleEditor *self)
{
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < self->rows->len; i++)
    gtk_widget_remove_css_class (self->rows->pdata[i], "error");
  for (guint i = 0; self->form[i].field != NULL; i++)
    if (!read_row (self, &self->form[i], self->rows->pdata[i], &error))
      {
        say (self, error->message);
        return;
      }
  if (!write_record (self, &error))
    {
      say (self, error->message);
      return;
    }
  g_signal_emit (self, signals[SIGNAL_SAVED], 0, spor_entity_get_id (self->record));
  gtk_window_close (GTK_WINDOW (self));
}

static void
spor_people_editor_dispose (GObject *object)
{
  SporPeopleEditor *self = SPOR_PEOPLE_EDITOR (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), SPOR_TYPE_PEOPLE_EDITOR);
  g_clear_object (&self->store);
  g_clear_object (&self->record);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->role_checks, g_ptr_array_unref);
  G_OBJECT_CLASS (spor_people_editor_parent_class)->dispose (object);
}

static void
spor_people_editor_class_init (SporPeopleEditorClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = spor_people_editor_dispose;
  signals[SIGNAL_SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                        0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/dk/kulturspor/Spor/spor-people-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, SporPeopleEditor, error_label);
  gtk_widget_class_bind_template_child (widget_class, SporPeopleEditor, save_button);
  gtk_widget_class_bind_template_child (widget_class, SporPeopleEditor, fields_group);
  gtk_widget_class_bind_template_child (widget_class, SporPeopleEditor, roles_group);
  gtk_widget_class_bind_template_callback (widget_class, on_save_clicked);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
spor_people_editor_init (SporPeopleEditor *self)
{
  self->rows = g_ptr_array_new ();
  self->role_checks = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
spor_people_editor_new (GtkWindow *parent,
                        SporStore *store,
                        GType      type,
                        gint64     id)
{
  SporPeopleEditor *self = g_object_new (SPOR_TYPE_PEOPLE_EDITOR, "transient-for", parent, NULL);
  g_autoptr(GError) error = NULL;

  self->store = g_object_ref (store);
  self->form = form_of (type);
  if (id != 0)
    self->record = spor_store_get (store, type, id, &error);
  if (self->record == NULL)
    {
      /* a record that could not be read is shown empty and not saved over */
      if (error != NULL)
        {
          say (self, error->message);
          gtk_widget_set_sensitive (self->save_button, FALSE);
        }
      self->record = spor_entity_new (type);
      /* a new staff member or contact is active */
      if (spor_entity_info_find_field (spor_entity_get_info (self->record), "active") != NULL)
        spor_entity_set_bool (self->record, "active", TRUE);
    }
  gtk_window_set_title (GTK_WINDOW (self), title_of (type, spor_entity_get_id (self->record) == 0));
  for (guint i = 0; self->form[i].field != NULL; i++)
    g_ptr_array_add (self->rows, make_row (self, &self->form[i]));
  if (type == SPOR_TYPE_STAFF)
    make_role_checks (self);
  return GTK_WIDGET (self);
}
