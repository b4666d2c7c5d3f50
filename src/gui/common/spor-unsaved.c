/* spor-unsaved.c — changes in a form that would be lost: ask first
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "spor-unsaved.h"

typedef struct {
  SporUnsavedFunc func;
  gpointer        user_data;
  GDestroyNotify  destroy;
} Asked;

static void
asked_free (gpointer data)
{
  Asked *asked = data;

  if (asked->destroy != NULL)
    asked->destroy (asked->user_data);
  g_free (asked);
}

static void
on_unsaved_response (AdwMessageDialog *dialog,
                     const char       *response,
                     Asked            *asked)
{
  SporUnsavedChoice choice = g_strcmp0 (response, "save") == 0 ? SPOR_UNSAVED_SAVE
                           : g_strcmp0 (response, "discard") == 0 ? SPOR_UNSAVED_DISCARD
                           : SPOR_UNSAVED_CANCEL;

  asked->func (choice, asked->user_data);
}

AdwMessageDialog *
spor_unsaved_ask (GtkWindow       *parent,
                  const char      *what,
                  SporUnsavedFunc  func,
                  gpointer         user_data,
                  GDestroyNotify   destroy)
{
  AdwMessageDialog *dialog;
  Asked *asked;

  g_return_val_if_fail (func != NULL, NULL);

  asked = g_new0 (Asked, 1);
  asked->func = func;
  asked->user_data = user_data;
  asked->destroy = destroy;
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent, _("Save Changes?"), NULL));
  if (what != NULL && *what != '\0')
    /* Translators: %s is the record's name as the form shows it */
    adw_message_dialog_format_body (dialog, _("The changes to “%s” have not been saved. "
                                              "Discarded changes are lost."), what);
  else
    adw_message_dialog_set_body (dialog, _("This form has not been saved. Discarded changes are lost."));
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "discard", _("_Discard"),
                                    "save", _("_Save"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (dialog, "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "save");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_unsaved_response), asked,
                         (GClosureNotify) (void (*) (void)) asked_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}
