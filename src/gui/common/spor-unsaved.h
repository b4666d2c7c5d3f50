/* spor-unsaved.h — changes in a form that would be lost: ask first
 *
 * Closing a form (Escape, Cancel, the window's close button) or leaving the record it shows
 * for another, with changes not yet saved, asks as GNOME applications do: Save, Discard or
 * Cancel (back to the form, nothing lost).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

typedef enum {
  SPOR_UNSAVED_CANCEL,
  SPOR_UNSAVED_DISCARD,
  SPOR_UNSAVED_SAVE,
} SporUnsavedChoice;

typedef void (*SporUnsavedFunc) (SporUnsavedChoice choice,
                                 gpointer          user_data);

/* Asks over @parent whether to save the changes to @what (the record's name as the form
 * shows it; NULL or "" for a new record); @func gets the answer once, then @destroy frees
 * @user_data. Returns the dialog (owned by GTK) for tests. */
AdwMessageDialog *spor_unsaved_ask (GtkWindow       *parent,
                                    const char      *what,
                                    SporUnsavedFunc  func,
                                    gpointer         user_data,
                                    GDestroyNotify   destroy);

G_END_DECLS
