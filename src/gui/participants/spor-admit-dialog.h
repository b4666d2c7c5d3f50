/* spor-admit-dialog.h — choosing the cohort a participant on the waiting list is admitted
 * into
 *
 * The cohorts are shown with the places taken; its response "admit" is for the caller to
 * carry out.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "spor-store.h"

G_BEGIN_DECLS

#define SPOR_TYPE_ADMIT_DIALOG (spor_admit_dialog_get_type ())
G_DECLARE_FINAL_TYPE (SporAdmitDialog, spor_admit_dialog, SPOR, ADMIT_DIALOG, AdwMessageDialog)

/* @cohorts: SporCohort, at least one; @store counts the places taken. NULL and @error when
 * it cannot count them. */
SporAdmitDialog *spor_admit_dialog_new        (GtkWindow       *parent,
                                               SporStore       *store,
                                               GPtrArray       *cohorts,
                                               GError         **error);
gint64           spor_admit_dialog_get_cohort (SporAdmitDialog *self);

G_END_DECLS
