/* spor-store-job.h — work on the database in a thread of its own
 *
 * A long piece of work (an export, an import, a calendar week, the sample data) must not
 * hold up the window. spor_store_run_async() runs it in a worker thread on a connection of
 * its own to the same file, so that the window's connection stays free, and reports back
 * in the caller's main context: progress now and then, and the result at the end. After a
 * job that wrote, the store announces SPOR_CHANGE_MANY on its own connection, so that the
 * views read again. The feature modules wrap this in their own _async/_finish calls
 * (spor_exchange_export_async(), spor_blocks_query_week_async(), …); widgets use those.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "spor-store.h"

G_BEGIN_DECLS

/* What a job's function gets besides its data: the cancellable and a place for progress. */
typedef struct _SporStoreJob SporStoreJob;

/* Runs in the worker thread on @connection; returns the result (NULL with @error set on
 * failure). */
typedef gpointer (*SporStoreJobFunc) (SporStore     *connection,
                                      gpointer       data,
                                      SporStoreJob  *job,
                                      GError       **error);

/* Called in the caller's main context with the share done so far, 0 to 1. */
typedef void     (*SporStoreProgress) (double   fraction,
                                       gpointer user_data);

typedef struct
{
  SporStoreJobFunc  func;
  GDestroyNotify    data_free;    /* for the job's data, or NULL */
  GDestroyNotify    result_free;  /* for a result nobody took, or NULL */
  gboolean          writes;       /* the job writes: announce SPOR_CHANGE_MANY after it */
} SporStoreJobKind;

void           spor_store_run_async             (SporStore              *self,
                                                 const SporStoreJobKind *kind,
                                                 gpointer                data,
                                                 GCancellable           *cancellable,
                                                 SporStoreProgress       progress,
                                                 gpointer                progress_data,
                                                 GAsyncReadyCallback     callback,
                                                 gpointer                user_data);
/* The job's result, owned by the caller now; NULL with @error set on failure. */
gpointer       spor_store_run_finish            (SporStore              *self,
                                                 GAsyncResult           *result,
                                                 GError                **error);

/* For the job's function, in the worker thread */
GCancellable  *spor_store_job_get_cancellable   (SporStoreJob           *job);
void           spor_store_job_set_progress      (SporStoreJob           *job,
                                                 double                  fraction);
/* A SporExchangeProgress-shaped callback that sets @job's progress (user data: the job). */
void           spor_store_job_progress_func     (double                  fraction,
                                                 gpointer                job);

G_END_DECLS
