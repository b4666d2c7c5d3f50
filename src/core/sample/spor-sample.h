/* spor-sample.h — fictional sample data
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "spor-store.h"

G_BEGIN_DECLS

typedef struct {
  guint   programmes;
  guint   phases;
  guint   cohorts;
  guint   participants;
  guint   staff;
  guint   locations;
  guint   blocks;
  guint   agreements;
  guint   phase_progress;
  guint   meetings;
  guint   placements;
  guint64 attendance;
  guint   organisations;
  guint   contacts;
} SporSampleCounts;

/* Fills an empty database with invented, plausible data: the built-in programmes, their
 * cohorts, @n_participants participants with Danish-looking names, staff, external contacts,
 * organisations, locations, weekly
 * work blocks and attendance up to today. Refuses (SPOR_STORE_ERROR_NOT_EMPTY) a database
 * that already has participants. The same @seed gives the same data. */
gboolean spor_sample_create (SporStore        *store,
                             guint             n_participants,
                             guint32           seed,
                             SporSampleCounts *counts,
                             GCancellable     *cancellable,
                             GError          **error);
/* The same in a thread of its own, on a connection of its own (spor-store-job.h); after it
 * @store announces SPOR_CHANGE_MANY. */
void     spor_sample_create_async  (SporStore           *store,
                                    guint                n_participants,
                                    guint32              seed,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data);
gboolean spor_sample_create_finish (SporStore           *store,
                                    GAsyncResult        *result,
                                    SporSampleCounts    *counts,
                                    GError             **error);

G_END_DECLS
