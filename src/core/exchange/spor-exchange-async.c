/* spor-exchange-async.c — export and import in a thread of their own (spor-store-job.h)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "spor-exchange.h"
#include "spor-store-job.h"

typedef struct
{
  GFile            *file;
  char             *programme_uuid;
  char             *cohort_uuid;
  gboolean          anonymize;
  gboolean          apply;
} ExchangeJob;

static void
exchange_job_free (ExchangeJob *job)
{
  g_clear_object (&job->file);
  g_free (job->programme_uuid);
  g_free (job->cohort_uuid);
  g_free (job);
}

static gpointer
export_job (SporStore     *connection,
            gpointer       data,
            SporStoreJob  *job,
            GError       **error)
{
  ExchangeJob *x = data;
  SporExportOptions options = { x->programme_uuid, x->cohort_uuid, x->anonymize };
  SporExportSummary *summary = g_new0 (SporExportSummary, 1);

  if (!spor_exchange_export_full (connection, x->file, &options, summary,
                                  spor_store_job_get_cancellable (job),
                                  spor_store_job_progress_func, job, error))
    {
      g_free (summary);
      return NULL;
    }
  return summary;
}

static const SporStoreJobKind export_kind = {
  export_job, (GDestroyNotify) exchange_job_free, g_free, FALSE,
};

void
spor_exchange_export_async (SporStore               *store,
                            GFile                   *file,
                            const SporExportOptions *options,
                            GCancellable            *cancellable,
                            SporStoreProgress        progress,
                            gpointer                 progress_data,
                            GAsyncReadyCallback      callback,
                            gpointer                 user_data)
{
  ExchangeJob *job = g_new0 (ExchangeJob, 1);

  g_return_if_fail (SPOR_IS_STORE (store));
  g_return_if_fail (G_IS_FILE (file));

  job->file = g_object_ref (file);
  job->programme_uuid = g_strdup (options != NULL ? options->programme_uuid : NULL);
  job->cohort_uuid = g_strdup (options != NULL ? options->cohort_uuid : NULL);
  job->anonymize = options != NULL && options->anonymize;
  spor_store_run_async (store, &export_kind, job, cancellable, progress, progress_data,
                        callback, user_data);
}

gboolean
spor_exchange_export_finish (SporStore          *store,
                             GAsyncResult       *result,
                             SporExportSummary  *summary,
                             GError            **error)
{
  g_autofree SporExportSummary *done = spor_store_run_finish (store, result, error);

  if (done == NULL)
    return FALSE;
  if (summary != NULL)
    *summary = *done;
  return TRUE;
}

static gpointer
import_job (SporStore     *connection,
            gpointer       data,
            SporStoreJob  *job,
            GError       **error)
{
  ExchangeJob *x = data;

  return spor_exchange_import (connection, x->file, x->apply, spor_store_job_get_cancellable (job),
                               spor_store_job_progress_func, job, error);
}

/* a preview writes nothing (it rolls back): no notice after it */
static const SporStoreJobKind preview_kind = {
  import_job, (GDestroyNotify) exchange_job_free, (GDestroyNotify) spor_import_report_free, FALSE,
};
static const SporStoreJobKind import_kind = {
  import_job, (GDestroyNotify) exchange_job_free, (GDestroyNotify) spor_import_report_free, TRUE,
};

void
spor_exchange_import_async (SporStore           *store,
                            GFile               *file,
                            gboolean             apply,
                            GCancellable        *cancellable,
                            SporStoreProgress    progress,
                            gpointer             progress_data,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  ExchangeJob *job = g_new0 (ExchangeJob, 1);

  g_return_if_fail (SPOR_IS_STORE (store));
  g_return_if_fail (G_IS_FILE (file));

  job->file = g_object_ref (file);
  job->apply = apply;
  spor_store_run_async (store, apply ? &import_kind : &preview_kind, job, cancellable, progress, progress_data,
                        callback, user_data);
}

SporImportReport *
spor_exchange_import_finish (SporStore     *store,
                             GAsyncResult  *result,
                             GError       **error)
{
  return spor_store_run_finish (store, result, error);
}
