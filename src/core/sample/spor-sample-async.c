/* spor-sample-async.c — the sample data made in a thread of its own (spor-store-job.h)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "spor-sample.h"
#include "spor-store-job.h"

typedef struct
{
  guint   n_participants;
  guint32 seed;
} SampleJob;

static gpointer
sample_job (SporStore     *connection,
            gpointer       data,
            SporStoreJob  *job,
            GError       **error)
{
  SampleJob *s = data;
  SporSampleCounts *counts = g_new0 (SporSampleCounts, 1);

  if (!spor_sample_create (connection, s->n_participants, s->seed, counts,
                           spor_store_job_get_cancellable (job), error))
    {
      g_free (counts);
      return NULL;
    }
  return counts;
}

static const SporStoreJobKind sample_kind = { sample_job, g_free, g_free, TRUE };

void
spor_sample_create_async (SporStore           *store,
                          guint                n_participants,
                          guint32              seed,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  SampleJob *job = g_new0 (SampleJob, 1);

  g_return_if_fail (SPOR_IS_STORE (store));

  job->n_participants = n_participants;
  job->seed = seed;
  spor_store_run_async (store, &sample_kind, job, cancellable, NULL, NULL, callback, user_data);
}

gboolean
spor_sample_create_finish (SporStore         *store,
                           GAsyncResult      *result,
                           SporSampleCounts  *counts,
                           GError           **error)
{
  g_autofree SporSampleCounts *made = spor_store_run_finish (store, result, error);

  if (made == NULL)
    return FALSE;
  if (counts != NULL)
    *counts = *made;
  return TRUE;
}
