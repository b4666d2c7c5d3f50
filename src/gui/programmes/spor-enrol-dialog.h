/* spor-enrol-dialog.h — choosing a participant to enrol in a cohort
 *
 * Lists the participants who can be enrolled in the programme's cohort (its waiting list
 * first), searched by name; Enrol on a row emits "enrol" (gint64: the participant's id). The
 * caller enrols and closes the dialog.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "spor-store.h"

G_BEGIN_DECLS

#define SPOR_TYPE_ENROL_DIALOG (spor_enrol_dialog_get_type ())
G_DECLARE_FINAL_TYPE (SporEnrolDialog, spor_enrol_dialog, SPOR, ENROL_DIALOG, AdwMessageDialog)

SporEnrolDialog *spor_enrol_dialog_new           (GtkWindow       *parent,
                                                  SporStore       *store,
                                                  gint64           programme_id,
                                                  gint64           cohort_id);
gint64           spor_enrol_dialog_get_cohort_id (SporEnrolDialog *self);

G_END_DECLS
