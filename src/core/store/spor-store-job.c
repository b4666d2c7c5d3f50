/* spor-store-job.c — work on the database in a thread of its own
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "spor-store-job.h"

/* How often the caller hears of progress */
#define PROGRESS_INTERVAL_MS 100

struct _SporStoreJob
{
  const SporStoreJobKind *kind;
  char                   *path;
  gpointer                data;
  GCancellable           *cancellable;
  gint                    progress;  /* per mille, set by the worker, read by the caller */
  gint                    reported;  /* the last per mille the caller was told */
  SporStoreProgress       progress_func;
  gpointer                progress_data;
  guint                   progress_source;
};

static void
job_free (SporStoreJob *job)
{
  g_clear_handle_id (&job->progress_source, g_source_remove);
  if (job->kind->data_free != NULL && job->data != NULL)
    job->kind->data_free (job->data);
  g_clear_object (&job->cancellable);
  g_free (job->path);
  g_free (job);
}

GCancellable *
spor_store_job_get_cancellable (SporStoreJob *job)
{
  return job->cancellable;
}

void
spor_store_job_set_progress (SporStoreJob *job,
                             double        fraction)
{
  g_atomic_int_set (&job->progress, (gint) (CLAMP (fraction, 0.0, 1.0) * 1000));
}

void
spor_store_job_progress_func (double   fraction,
                              gpointer job)
{
  spor_store_job_set_progress (job, fraction);
}

static gboolean
report_progress (gpointer user_data)
{
  SporStoreJob *job = user_data;
  gint now = g_atomic_int_get (&job->progress);

  if (now != job->reported)
    {
      job->reported = now;
      job->progress_func (now / 1000.0, job->progress_data);
    }
  return G_SOURCE_CONTINUE;
}

static void
run_in_thread (GTask        *task,
               gpointer      source,
               gpointer      task_data,
               GCancellable *cancellable)
{
  SporStoreJob *job = task_data;
  g_autoptr(SporStore) connection = NULL;
  g_autoptr(GError) error = NULL;
  gpointer result;

  if (g_task_return_error_if_cancelled (task))
    return;
  /* A connection of the thread's own: SQLite connections are not shared between threads,
   * and the window's stays free for the window. */
  connection = spor_store_open (job->path, &error);
  if (connection == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  result = job->kind->func (connection, job->data, job, &error);
  if (result == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, result, job->kind->result_free);
}

void
spor_store_run_async (SporStore              *self,
                      const SporStoreJobKind *kind,
                      gpointer                data,
                      GCancellable           *cancellable,
                      SporStoreProgress       progress,
                      gpointer                progress_data,
                      GAsyncReadyCallback     callback,
                      gpointer                user_data)
{
  g_autoptr(GTask) task = NULL;
  SporStoreJob *job;

  g_return_if_fail (SPOR_IS_STORE (self));
  g_return_if_fail (kind != NULL && kind->func != NULL);

  job = g_new0 (SporStoreJob, 1);
  job->kind = kind;
  job->path = g_strdup (spor_store_get_path (self));
  job->data = data;
  job->cancellable = cancellable != NULL ? g_object_ref (cancellable) : NULL;
  job->progress_func = progress;
  job->progress_data = progress_data;
  job->reported = -1;

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, spor_store_run_async);
  g_task_set_task_data (task, job, (GDestroyNotify) job_free);
  /* The job says itself when it stopped for the cancellable: one that finished before it
   * saw the cancellation did its work (a sample, an import), and says so. */
  g_task_set_check_cancellable (task, FALSE);
  /* progress is told in the caller's main context, as the result is */
  if (progress != NULL)
    {
      GSource *source = g_timeout_source_new (PROGRESS_INTERVAL_MS);

      g_source_set_callback (source, report_progress, job, NULL);
      g_source_set_static_name (source, "[spor] job progress");
      job->progress_source = g_source_attach (source, g_main_context_get_thread_default ());
      g_source_unref (source);
    }
  g_task_run_in_thread (task, run_in_thread);
}

gpointer
spor_store_run_finish (SporStore     *self,
                       GAsyncResult  *result,
                       GError       **error)
{
  SporStoreJob *job;
  gpointer value;

  g_return_val_if_fail (SPOR_IS_STORE (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  job = g_task_get_task_data (G_TASK (result));
  g_clear_handle_id (&job->progress_source, g_source_remove);
  value = g_task_propagate_pointer (G_TASK (result), error);
  /* Another connection wrote: what this one's views show may have changed. Also after a
   * failure, which rolled back, a notice does no harm. */
  if (job->kind->writes && value != NULL)
    spor_store_notify_many (self);
  return value;
}
