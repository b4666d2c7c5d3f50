/* spor-cohort-row.h — a cohort of a programme: its dates, who is enrolled, and its buttons
 *
 * Enrol…, Plan Again and Show on the Timeline activate "programmes.enrol",
 * "programmes.replan" and "programmes.show-cohort" with the cohort's id (x).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "spor-entity.h"

G_BEGIN_DECLS

#define SPOR_TYPE_COHORT_ROW (spor_cohort_row_get_type ())
G_DECLARE_FINAL_TYPE (SporCohortRow, spor_cohort_row, SPOR, COHORT_ROW, AdwActionRow)

/* @enrolled: how many participants are enrolled in @cohort; -1 when not known. */
GtkWidget *spor_cohort_row_new (SporEntity *cohort,
                                gint64      enrolled);

G_END_DECLS
