/* spor-accessible-names.h — accessible names without mnemonic underscores
 *
 * GTK 4.8 names a button after its label as written, underscore and all, and then once
 * more as shown ("_New Participant New Participant"), so a screen reader reads both. Once
 * installed, every button that shows a mnemonic label ("use-underline" with a "label") is
 * given that label without the underscores as its accessible name when it is
 * mapped and whenever the label changes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Once per process (later calls do nothing); needs gtk_init(). */
void  spor_accessible_names_install         (void);
/* "_New Participant" → "New Participant", "Rock __n Roll" → "Rock _n Roll". */
char *spor_accessible_names_strip_mnemonic  (const char *text);
/* Names @widget now, as the installed hook would. */
void  spor_accessible_names_apply           (GtkWidget  *widget);

/* Gives @widget a name of its own ("Enrol Jane Doe" for a button that shows "_Enrol"),
 * which the label it shows does not replace. */
void  spor_accessible_names_set_label       (GtkWidget  *widget,
                                             const char *label);

G_END_DECLS
