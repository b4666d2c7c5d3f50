/* spor-agreement-editor.h — a participant's start agreement: draft, sign, versions, print
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "spor-store.h"

G_BEGIN_DECLS

#define SPOR_TYPE_AGREEMENT_EDITOR (spor_agreement_editor_get_type ())
G_DECLARE_FINAL_TYPE (SporAgreementEditor, spor_agreement_editor, SPOR, AGREEMENT_EDITOR, AdwWindow)

/* Opens @agreement_id read-only when it is an earlier version; 0 opens the current one
 * (a new draft when there is none). Emits "changed" after every write. */
GtkWidget *spor_agreement_editor_new       (GtkWindow           *parent,
                                            SporStore           *store,
                                            gint64               participant_id,
                                            gint64               agreement_id);
gboolean   spor_agreement_editor_save      (SporAgreementEditor *self);
gboolean   spor_agreement_editor_sign      (SporAgreementEditor *self);
gint64     spor_agreement_editor_get_agreement (SporAgreementEditor *self);

G_END_DECLS
