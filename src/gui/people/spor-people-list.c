/* spor-people-list.c — one page of People & Places
 *
 * The list is read again from the store whenever it announces a change of what it shows
 * (spor_view_follow); the search and the role filter run in SQLite (spor_people_search).
 * A delete waits for its Undo (SporPendingDelete) with the row hidden; a record other
 * records refer to is not deleted, and the user reads what refers to it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "spor-choice.h"
#include "spor-choice-lists.h"
#include "spor-gui.h"
#include "spor-pending-delete.h"
#include "spor-people.h"
#include "spor-people-editor.h"
#include "spor-people-list.h"
#include "spor-people-row.h"
#include "spor-staff-roles.h"
#include "spor-view.h"

struct _SporPeopleList
{
  AdwBin             parent_instance;

  GType              type;
  SporStore         *store;
  SporPendingDelete *pending;

  GtkSearchEntry    *search_entry;
  GtkDropDown       *role_filter;
  GtkButton         *new_button;
  GtkStack          *content_stack;
  GtkListBox        *list_box;
  AdwStatusPage     *empty_page;
  AdwStatusPage     *error_page;
  GtkWidget         *empty_button;
};

G_DEFINE_FINAL_TYPE (SporPeopleList, spor_people_list, ADW_TYPE_BIN)

static const char * const followed_kinds[] = {
  "staff", "staff_role", "contact", "location", "organisation", NULL
};

typedef struct
{
  const char *icon;
  const char *empty_title;
  const char *empty_description;
  const char *search_label;
} KindTexts;

static const KindTexts staff_texts = {
  "system-users-symbolic", N_("No Staff Yet"),
  N_("Add the people who run the programmes: mentors, advisers, creative professionals, "
     "coordinators and volunteers. They can then staff work blocks and be contact persons."),
  N_("Search staff"),
};
static const KindTexts contact_texts = {
  "avatar-default-symbolic", N_("No External Contacts Yet"),
  N_("Add the people outside the site you work with, such as the municipal caseworker who "
     "refers a participant or the mentor at an internship."),
  N_("Search contacts"),
};
static const KindTexts location_texts = {
  "mark-location-symbolic", N_("No Locations Yet"),
  N_("Add the places where work blocks happen, with their address and rooms."),
  N_("Search locations"),
};
static const KindTexts organisation_texts = {
  "emblem-shared-symbolic", N_("No Organisations Yet"),
  N_("Add the partners of your programmes, such as the library, the culture school or the "
     "municipality. Printed documents name them."),
  N_("Search organisations"),
};

static const KindTexts *
texts_of (GType type)
{
  if (type == SPOR_TYPE_STAFF)
    return &staff_texts;
  if (type == SPOR_TYPE_CONTACT)
    return &contact_texts;
  if (type == SPOR_TYPE_LOCATION)
    return &location_texts;
  return &organisation_texts;
}

/* The name of organisation @id, or NULL */
static char *
organisation_name (SporPeopleList *self,
                   gint64          id)
{
  g_autoptr(SporEntity) organisation = NULL;

  if (id == 0 || (organisation = spor_store_get (self->store, SPOR_TYPE_ORGANISATION, id, NULL)) == NULL)
    return NULL;
  return g_strdup (spor_entity_get_text (organisation, "name"));
}

static void
join (GString    *out,
      const char *part)
{
  if (part == NULL || part[0] == '\0')
    return;
  if (out->len > 0)
    g_string_append (out, " · ");
  g_string_append (out, part);
}

/* What a row shows under the name */
static char *
subtitle_of (SporPeopleList *self,
             SporEntity     *record)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *organisation = NULL;

  if (self->type == SPOR_TYPE_STAFF)
    {
      g_auto(GStrv) roles = spor_staff_roles_get (self->store, spor_entity_get_id (record), NULL);
      g_autoptr(GString) labels = g_string_new (NULL);

      for (guint i = 0; roles != NULL && roles[i] != NULL; i++)
        g_string_append_printf (labels, "%s%s", i > 0 ? ", " : "",
                                spor_value_label (&spor_values_role, roles[i]));
      join (out, labels->str);
      organisation = organisation_name (self, spor_entity_get_int (record, "employer_id"));
    }
  else if (self->type == SPOR_TYPE_CONTACT)
    {
      join (out, spor_entity_get_text (record, "title"));
      organisation = organisation_name (self, spor_entity_get_int (record, "organisation_id"));
    }
  else if (self->type == SPOR_TYPE_LOCATION)
    {
      join (out, spor_entity_get_text (record, "address"));
      join (out, spor_entity_get_text (record, "rooms"));
    }
  else
    {
      join (out, spor_value_label (&spor_values_organisation_kind,
                                   spor_entity_get_text (record, "kind")));
      join (out, spor_entity_get_text (record, "address"));
    }
  join (out, organisation);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void on_row_delete (SporPeopleRow *row, SporPeopleList *self);

static void
show_empty (SporPeopleList *self,
            gboolean        searching)
{
  const KindTexts *texts = texts_of (self->type);

  adw_status_page_set_icon_name (self->empty_page, searching ? "edit-find-symbolic" : texts->icon);
  adw_status_page_set_title (self->empty_page, searching ? _("No Results") : _(texts->empty_title));
  adw_status_page_set_description (self->empty_page,
                                   searching ? _("Try another name, or another role.")
                                             : _(texts->empty_description));
  gtk_widget_set_visible (self->empty_button, !searching);
  gtk_stack_set_visible_child_name (self->content_stack, "empty");
}

static void
load (GtkWidget *widget)
{
  SporPeopleList *self = SPOR_PEOPLE_LIST (widget);
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *today = spor_date_today ();
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  const char *role = self->type == SPOR_TYPE_STAFF ? spor_choice_get_selected (self->role_filter) : NULL;
  gint64 hidden = self->pending != NULL ? spor_pending_delete_get_id (self->pending) : 0;
  GtkWidget *child;
  guint shown = 0;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list_box))) != NULL)
    gtk_list_box_remove (self->list_box, child);
  if (self->store == NULL)
    return;
  records = spor_people_search (self->store, self->type, text, role, &error);
  if (records == NULL)
    {
      spor_gui_status_page_show_error (self->error_page, error);
      gtk_stack_set_visible_child_name (self->content_stack, "error");
      return;
    }
  for (guint i = 0; i < records->len; i++)
    {
      SporEntity *record = records->pdata[i];
      g_autofree char *subtitle = NULL;
      GtkWidget *row;

      if (spor_entity_get_id (record) == hidden)
        continue;
      subtitle = subtitle_of (self, record);
      row = spor_people_row_new (record, subtitle, spor_people_is_offered (record, today));
      g_signal_connect (row, "delete", G_CALLBACK (on_row_delete), self);
      gtk_list_box_append (self->list_box, row);
      shown++;
    }
  if (shown == 0)
    show_empty (self, (text != NULL && text[0] != '\0') || role != NULL);
  else
    gtk_stack_set_visible_child_name (self->content_stack, "list");
}

static void
on_search_changed (SporPeopleList *self)
{
  load (GTK_WIDGET (self));
}

static void
on_role_filter_changed (SporPeopleList *self)
{
  load (GTK_WIDGET (self));
}

static void
open_editor (SporPeopleList *self,
             gint64          id)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *editor = spor_people_editor_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                              self->store, self->type, id);

  gtk_window_present (GTK_WINDOW (editor));
}

static void
on_new_clicked (SporPeopleList *self)
{
  spor_people_list_add (self);
}

static void
on_row_activated (SporPeopleList *self,
                  GtkListBoxRow  *row)
{
  if (SPOR_IS_PEOPLE_ROW (row))
    open_editor (self, spor_entity_get_id (spor_people_row_get_record (SPOR_PEOPLE_ROW (row))));
}

static void
on_pending_finished (SporPendingDelete *pending,
                     gboolean           deleted,
                     SporPeopleList    *self)
{
  g_signal_handlers_disconnect_by_data (pending, self);
  if (pending == self->pending)
    g_clear_object (&self->pending);
  load (GTK_WIDGET (self));
}

static SporDeleteFunc
delete_func_of (GType type)
{
  if (type == SPOR_TYPE_STAFF)
    return spor_people_delete_staff;
  if (type == SPOR_TYPE_CONTACT)
    return spor_people_delete_contact;
  if (type == SPOR_TYPE_LOCATION)
    return spor_people_delete_location;
  return spor_people_delete_organisation;
}

static void
refuse (SporPeopleList *self,
        const char     *message)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                              _("Cannot Be Deleted"), message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_row_delete (SporPeopleRow  *row,
               SporPeopleList *self)
{
  SporEntity *record = spor_people_row_get_record (row);
  const char *name = spor_entity_get_text (record, "name");
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;

  if (!spor_people_check_deletable (self->store, record, &error))
    return refuse (self, error->message);
  /* one deletion waits at a time: an earlier one becomes final now */
  if (self->pending != NULL && !spor_pending_delete_run (self->pending))
    {
      g_autoptr(GPtrArray) failed = g_ptr_array_new ();
      GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

      g_ptr_array_add (failed, self->pending);
      spor_pending_delete_report (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, failed,
                                  FALSE, NULL, NULL);
    }
  g_clear_object (&self->pending);
  self->pending = spor_pending_delete_new (self->store, spor_entity_get_id (record), name,
                                           delete_func_of (self->type));
  g_signal_connect (self->pending, "finished", G_CALLBACK (on_pending_finished), self);
  /* TRANSLATORS: %s is the name of a staff member, contact, location or organisation */
  title = g_strdup_printf (_("%s deleted"), name);
  spor_pending_delete_add_toast (self->pending, GTK_WIDGET (self), title);
  load (GTK_WIDGET (self));
}

static void
spor_people_list_dispose (GObject *object)
{
  SporPeopleList *self = SPOR_PEOPLE_LIST (object);

  spor_view_follow (GTK_WIDGET (self), NULL, NULL, NULL);
  if (self->pending != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->pending, self);
      if (!spor_pending_delete_run (self->pending))
        g_message ("A deletion was not carried out: %s",
                   spor_pending_delete_get_error (self->pending)->message);
      g_clear_object (&self->pending);
    }
  gtk_widget_dispose_template (GTK_WIDGET (self), SPOR_TYPE_PEOPLE_LIST);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (spor_people_list_parent_class)->dispose (object);
}

static void
spor_people_list_class_init (SporPeopleListClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = spor_people_list_dispose;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/dk/kulturspor/Spor/spor-people-list.ui");
  gtk_widget_class_bind_template_child (widget_class, SporPeopleList, search_entry);
  gtk_widget_class_bind_template_child (widget_class, SporPeopleList, role_filter);
  gtk_widget_class_bind_template_child (widget_class, SporPeopleList, new_button);
  gtk_widget_class_bind_template_child (widget_class, SporPeopleList, content_stack);
  gtk_widget_class_bind_template_child (widget_class, SporPeopleList, list_box);
  gtk_widget_class_bind_template_child (widget_class, SporPeopleList, empty_page);
  gtk_widget_class_bind_template_child (widget_class, SporPeopleList, error_page);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_new_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated);
}

static void
spor_people_list_init (SporPeopleList *self)
{
  self->type = SPOR_TYPE_STAFF;
  gtk_widget_init_template (GTK_WIDGET (self));
  self->empty_button = gtk_button_new ();
  gtk_widget_set_halign (self->empty_button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (self->empty_button, "pill");
  gtk_widget_add_css_class (self->empty_button, "suggested-action");
  g_signal_connect_swapped (self->empty_button, "clicked", G_CALLBACK (on_new_clicked), self);
  adw_status_page_set_child (self->empty_page, self->empty_button);
}

void
spor_people_list_set_kind (SporPeopleList *self,
                           GType           type)
{
  const KindTexts *texts = texts_of (type);

  g_return_if_fail (SPOR_IS_PEOPLE_LIST (self));
  self->type = type;
  gtk_button_set_label (self->new_button, spor_people_editor_new_label (type));
  gtk_button_set_label (GTK_BUTTON (self->empty_button), spor_people_editor_new_label (type));
  g_object_set (self->search_entry, "placeholder-text", _(texts->search_label), NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->search_entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _(texts->search_label), -1);
  if (type == SPOR_TYPE_STAFF)
    {
      g_autoptr(GListModel) roles = spor_choice_lists_roles_filter (_("All Roles"));

      spor_choice_set_model (self->role_filter, roles, NULL);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->role_filter),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _("Role"), -1);
      g_signal_connect_swapped (self->role_filter, "notify::selected",
                                G_CALLBACK (on_role_filter_changed), self);
      gtk_widget_set_visible (GTK_WIDGET (self->role_filter), TRUE);
    }
}

void
spor_people_list_set_store (SporPeopleList *self,
                            SporStore      *store)
{
  g_return_if_fail (SPOR_IS_PEOPLE_LIST (self));
  if (!g_set_object (&self->store, store))
    return;
  spor_view_follow (GTK_WIDGET (self), store, followed_kinds, load);
  spor_gui_load_when_shown (GTK_WIDGET (self), load);
}

void
spor_people_list_add (SporPeopleList *self)
{
  g_return_if_fail (SPOR_IS_PEOPLE_LIST (self));
  if (self->store != NULL)
    open_editor (self, 0);
}

void
spor_people_list_flush_pending (SporPeopleList *self,
                                GPtrArray      *failed)
{
  g_return_if_fail (SPOR_IS_PEOPLE_LIST (self));
  if (self->pending != NULL && !spor_pending_delete_run (self->pending))
    g_ptr_array_add (failed, g_object_ref (self->pending));
}
