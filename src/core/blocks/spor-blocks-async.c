/* spor-blocks-async.c — a calendar week read in a thread of its own (spor-store-job.h)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "spor-blocks.h"
#include "spor-store-job.h"

typedef struct
{
  char           *monday;
  SporWeekFilter  filter;
} WeekJob;

static void
week_job_free (WeekJob *job)
{
  g_free (job->monday);
  g_free (job);
}

static gpointer
week_job (SporStore     *connection,
          gpointer       data,
          SporStoreJob  *job,
          GError       **error)
{
  WeekJob *w = data;

  if (g_cancellable_set_error_if_cancelled (spor_store_job_get_cancellable (job), error))
    return NULL;
  return spor_blocks_query_week (connection, w->monday, &w->filter, error);
}

static const SporStoreJobKind week_kind = {
  week_job, (GDestroyNotify) week_job_free, (GDestroyNotify) spor_week_free, FALSE,
};

void
spor_blocks_query_week_async (SporStore            *store,
                              const char           *monday,
                              const SporWeekFilter *filter,
                              GCancellable         *cancellable,
                              GAsyncReadyCallback   callback,
                              gpointer              user_data)
{
  WeekJob *job = g_new0 (WeekJob, 1);

  g_return_if_fail (SPOR_IS_STORE (store));
  g_return_if_fail (monday != NULL);

  job->monday = g_strdup (monday);
  if (filter != NULL)
    job->filter = *filter;
  spor_store_run_async (store, &week_kind, job, cancellable, NULL, NULL, callback, user_data);
}

SporWeek *
spor_blocks_query_week_finish (SporStore     *store,
                               GAsyncResult  *result,
                               GError       **error)
{
  return spor_store_run_finish (store, result, error);
}
