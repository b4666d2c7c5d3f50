/* spor-agreement-version-row.h — an earlier version of a start agreement, with Read
 *
 * Read activates "participant.open-version" with the agreement's id (x).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "spor-entity.h"

G_BEGIN_DECLS

#define SPOR_TYPE_AGREEMENT_VERSION_ROW (spor_agreement_version_row_get_type ())
G_DECLARE_FINAL_TYPE (SporAgreementVersionRow, spor_agreement_version_row, SPOR, AGREEMENT_VERSION_ROW,
                      AdwActionRow)

GtkWidget *spor_agreement_version_row_new      (SporEntity *agreement);
/* "Version 2, signed 24-11-2026" or "Version 3, draft" */
char      *spor_agreement_version_row_describe (SporEntity *agreement);

G_END_DECLS
