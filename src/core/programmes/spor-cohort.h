/* spor-cohort.h — how full a cohort is
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "spor-store.h"

G_BEGIN_DECLS

/* The number of participants in a cohort that take a place (intake, active, on hold) and
 * its capacity (-1 = no limit). */
gboolean spor_cohort_occupancy (SporStore  *store,
                                gint64      cohort_id,
                                gint64     *taken,
                                gint64     *capacity,
                                GError    **error);

G_END_DECLS
