/* spor-leave-dialog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "spor-choice.h"
#include "spor-choice-lists.h"
#include "spor-leave-dialog.h"

struct _SporLeaveDialog
{
  AdwMessageDialog  parent_instance;

  gboolean          drop_out;

  GtkLabel         *destination_label;
  GtkDropDown      *destination_drop_down;
  GtkEntry         *text_entry;
};

G_DEFINE_FINAL_TYPE (SporLeaveDialog, spor_leave_dialog, ADW_TYPE_MESSAGE_DIALOG)

static void
on_text_changed (SporLeaveDialog *self)
{
  g_autofree char *trimmed = NULL;

  if (!self->drop_out)
    return;
  trimmed = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->text_entry))));
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "confirm", *trimmed != '\0');
}

static void
spor_leave_dialog_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), SPOR_TYPE_LEAVE_DIALOG);
  G_OBJECT_CLASS (spor_leave_dialog_parent_class)->dispose (object);
}

static void
spor_leave_dialog_class_init (SporLeaveDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = spor_leave_dialog_dispose;
  gtk_widget_class_set_template_from_resource (widget_class, "/dk/kulturspor/Spor/spor-leave-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, SporLeaveDialog, destination_label);
  gtk_widget_class_bind_template_child (widget_class, SporLeaveDialog, destination_drop_down);
  gtk_widget_class_bind_template_child (widget_class, SporLeaveDialog, text_entry);
  gtk_widget_class_bind_template_callback (widget_class, on_text_changed);
}

static void
spor_leave_dialog_init (SporLeaveDialog *self)
{
  g_autoptr(GListModel) destinations = spor_choice_lists_destinations ();

  gtk_widget_init_template (GTK_WIDGET (self));
  spor_choice_set_model (self->destination_drop_down, destinations, NULL);
}

SporLeaveDialog *
spor_leave_dialog_new (GtkWindow *parent,
                       gboolean   drop_out)
{
  SporLeaveDialog *self = g_object_new (SPOR_TYPE_LEAVE_DIALOG, "transient-for", parent, NULL);
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (self);

  self->drop_out = drop_out;
  adw_message_dialog_set_heading (dialog, drop_out ? _("Drop Out?") : _("Complete the Programme?"));
  adw_message_dialog_set_body (dialog,
                               drop_out ? _("The participant leaves the programme on the date of the change. Open phases end.")
                                        : _("The participant finishes the programme on the date of the change. Record the exit plan."));
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"),
                                    "confirm", drop_out ? _("_Drop Out") : _("Co_mplete"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "confirm",
                                              drop_out ? ADW_RESPONSE_DESTRUCTIVE : ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_close_response (dialog, "cancel");
  gtk_widget_set_visible (GTK_WIDGET (self->destination_label), !drop_out);
  gtk_widget_set_visible (GTK_WIDGET (self->destination_drop_down), !drop_out);
  if (drop_out)
    {
      gtk_entry_set_placeholder_text (self->text_entry, _("Reason"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->text_entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Reason for dropping out"), -1);
      adw_message_dialog_set_response_enabled (dialog, "confirm", FALSE);
    }
  else
    {
      gtk_entry_set_placeholder_text (self->text_entry, _("Notes on the exit plan (optional)"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->text_entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Notes on the exit plan"), -1);
    }
  return self;
}

gboolean
spor_leave_dialog_get_drop_out (SporLeaveDialog *self)
{
  g_return_val_if_fail (SPOR_IS_LEAVE_DIALOG (self), FALSE);
  return self->drop_out;
}

const char *
spor_leave_dialog_get_text (SporLeaveDialog *self)
{
  g_return_val_if_fail (SPOR_IS_LEAVE_DIALOG (self), NULL);
  return gtk_editable_get_text (GTK_EDITABLE (self->text_entry));
}

const char *
spor_leave_dialog_get_destination (SporLeaveDialog *self)
{
  g_return_val_if_fail (SPOR_IS_LEAVE_DIALOG (self), NULL);
  return self->drop_out ? NULL : spor_choice_get_selected (self->destination_drop_down);
}
