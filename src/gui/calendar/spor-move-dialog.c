/* spor-move-dialog.c — moving one occurrence of a block to another day or time
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "spor-blocks-exceptions.h"

#include "spor-gui.h"
#include "spor-move-dialog.h"

struct _SporMoveDialog
{
  AdwMessageDialog  parent_instance;

  AdwEntryRow      *date_row;
  AdwEntryRow      *start_row;
  AdwEntryRow      *end_row;
  AdwEntryRow      *reason_row;
};

G_DEFINE_FINAL_TYPE (SporMoveDialog, spor_move_dialog, ADW_TYPE_MESSAGE_DIALOG)

static void
spor_move_dialog_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), SPOR_TYPE_MOVE_DIALOG);
  G_OBJECT_CLASS (spor_move_dialog_parent_class)->dispose (object);
}

static void
spor_move_dialog_class_init (SporMoveDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = spor_move_dialog_dispose;
  gtk_widget_class_set_template_from_resource (widget_class, "/dk/kulturspor/Spor/spor-move-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, SporMoveDialog, date_row);
  gtk_widget_class_bind_template_child (widget_class, SporMoveDialog, start_row);
  gtk_widget_class_bind_template_child (widget_class, SporMoveDialog, end_row);
  gtk_widget_class_bind_template_child (widget_class, SporMoveDialog, reason_row);
}

static void
spor_move_dialog_init (SporMoveDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (self),
                                    "cancel", _("_Cancel"), "move", _("_Move"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (self), "move", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (self), "move");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (self), "cancel");
}

SporMoveDialog *
spor_move_dialog_new (GtkWindow            *parent,
                      const SporOccurrence *occurrence)
{
  SporMoveDialog *self;
  g_autofree char *day = NULL;

  g_return_val_if_fail (occurrence != NULL, NULL);

  self = g_object_new (SPOR_TYPE_MOVE_DIALOG, "transient-for", parent, NULL);
  day = spor_gui_format_date (occurrence->actual_date);
  gtk_editable_set_text (GTK_EDITABLE (self->date_row), day);
  gtk_editable_set_text (GTK_EDITABLE (self->start_row), occurrence->start_time);
  gtk_editable_set_text (GTK_EDITABLE (self->end_row), occurrence->end_time);
  return self;
}

/* The text of @row without the spaces around it, NULL when empty */
static char *
row_text (AdwEntryRow *row)
{
  char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));

  if (*text == '\0')
    g_clear_pointer (&text, g_free);
  return text;
}

gboolean
spor_move_dialog_apply (SporMoveDialog  *self,
                        SporStore       *store,
                        gint64           block_id,
                        const char      *date,
                        GError         **error)
{
  g_autofree char *typed = row_text (self->date_row);
  g_autofree char *new_date = NULL;
  g_autofree char *start = row_text (self->start_row);
  g_autofree char *end = row_text (self->end_row);
  g_autofree char *reason = row_text (self->reason_row);

  g_return_val_if_fail (SPOR_IS_MOVE_DIALOG (self), FALSE);

  if (typed != NULL && (new_date = spor_gui_parse_date (typed)) == NULL)
    {
      g_set_error_literal (error, SPOR_STORE_ERROR, SPOR_STORE_ERROR_INVALID,
                           _("The new day is not a valid date."));
      return FALSE;
    }
  return spor_blocks_move_occurrence (store, block_id, date, new_date, start, end, reason, error);
}
