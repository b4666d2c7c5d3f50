/* spor-people-picker.c
 *
 * What the row needs to fill itself again after a new record is kept on the row itself
 * (a Picker as object data), so that any form can use it without a field of its own.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "spor-people.h"
#include "spor-people-editor.h"
#include "spor-people-picker.h"
#include "spor-record-choices.h"

#define PICKER_KEY "spor-people-picker"

typedef struct
{
  SporStore *store;
  GType      type;
  char      *role;
  char      *none_label;
} Picker;

static void
picker_free (Picker *picker)
{
  g_clear_object (&picker->store);
  g_free (picker->role);
  g_free (picker->none_label);
  g_free (picker);
}

static gboolean
fill (AdwComboRow  *row,
      Picker       *picker,
      gint64        selected_id,
      GError      **error)
{
  g_autoptr(GPtrArray) offered = NULL;
  g_autoptr(GListModel) records = NULL;

  offered = spor_people_list_offered (picker->store, picker->type, picker->role, selected_id, error);
  records = spor_record_choices_new (picker->type, offered, picker->none_label);
  spor_record_choices_set_model (row, records, NULL, selected_id);
  return offered != NULL;
}

static void
on_saved (SporPeopleEditor *editor,
          gint64            id,
          AdwComboRow      *row)
{
  Picker *picker = g_object_get_data (G_OBJECT (row), PICKER_KEY);
  g_autoptr(GError) error = NULL;

  if (picker != NULL && !fill (row, picker, id, &error))
    g_message ("The list of choices could not be read again: %s", error->message);
}

static void
on_new_clicked (GtkButton   *button,
                AdwComboRow *row)
{
  Picker *picker = g_object_get_data (G_OBJECT (row), PICKER_KEY);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (row));
  GtkWidget *editor;

  if (picker == NULL)
    return;
  editor = spor_people_editor_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   picker->store, picker->type, 0);
  g_signal_connect_object (editor, "saved", G_CALLBACK (on_saved), row, 0);
  gtk_window_present (GTK_WINDOW (editor));
}

gboolean
spor_people_picker_setup (AdwComboRow  *row,
                          SporStore    *store,
                          GType         type,
                          const char   *role,
                          const char   *none_label,
                          gint64        selected_id,
                          GError      **error)
{
  gboolean had_picker = g_object_get_data (G_OBJECT (row), PICKER_KEY) != NULL;
  Picker *picker = g_new0 (Picker, 1);

  g_return_val_if_fail (ADW_IS_COMBO_ROW (row), FALSE);
  picker->store = g_object_ref (store);
  picker->type = type;
  picker->role = g_strdup (role);
  picker->none_label = g_strdup (none_label);
  g_object_set_data_full (G_OBJECT (row), PICKER_KEY, picker, (GDestroyNotify) picker_free);
  if (!had_picker)
    {
      const char *label = spor_people_editor_new_label (type);
      GtkWidget *button = gtk_button_new_from_icon_name ("list-add-symbolic");

      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (button, label);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      label, -1);
      gtk_widget_add_css_class (button, "flat");
      g_signal_connect (button, "clicked", G_CALLBACK (on_new_clicked), row);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
    }
  return fill (row, picker, selected_id, error);
}
