/* spor-exchange.h — the exchange file between sites: export, preview and merging import
 *
 * The format is described in docs/exchange-format.md and data/spor-exchange.schema.json.
 * Both directions stream: memory stays bounded whatever the size of the store or file.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "spor-exchange-report.h"
#include "spor-exchange-schema.h"
#include "spor-store.h"
#include "spor-store-job.h"

G_BEGIN_DECLS

#define SPOR_EXCHANGE_FORMAT  "spor-exchange"
#define SPOR_EXCHANGE_VERSION 1

#define SPOR_EXCHANGE_ERROR (spor_exchange_error_quark ())

typedef enum {
  SPOR_EXCHANGE_ERROR_REFUSED, /* the file is not acceptable; nothing was written */
  SPOR_EXCHANGE_ERROR_FAILED,  /* reading, writing or the database failed */
  SPOR_EXCHANGE_ERROR_NOT_FOUND, /* the programme or cohort to export does not exist */
} SporExchangeError;

GQuark spor_exchange_error_quark (void);

/* Called now and then with the share done so far, 0 to 1, in the working thread. */
typedef void (*SporExchangeProgress) (double   fraction,
                                      gpointer user_data);

typedef struct {
  const char *programme_uuid; /* NULL: not limited to a programme */
  const char *cohort_uuid;    /* NULL: not limited to a cohort */
  gboolean    anonymize;
} SporExportOptions;

/* What an export did */
typedef struct {
  guint64 n_held_back; /* participants without consent to share, left out of a full file */
} SporExportSummary;

/* Writes the exchange file @file, mode 0600, whole or not at all: a failed, cancelled or
 * killed export leaves nothing behind and an earlier file as it was; the store's database
 * is refused as a target. A full file leaves out every participant without consent to
 * share and everything of theirs (docs/exchange-format.md). */
gboolean spor_exchange_export      (SporStore               *store,
                                    GFile                   *file,
                                    const SporExportOptions *options,
                                    GCancellable            *cancellable,
                                    SporExchangeProgress     progress,
                                    gpointer                 progress_data,
                                    GError                 **error);
/* The same, and says in @summary (may be NULL) what it did. */
gboolean spor_exchange_export_full (SporStore               *store,
                                    GFile                   *file,
                                    const SporExportOptions *options,
                                    SporExportSummary       *summary,
                                    GCancellable            *cancellable,
                                    SporExchangeProgress     progress,
                                    gpointer                 progress_data,
                                    GError                 **error);
/* The export in a thread of its own, on a connection of its own (spor-store-job.h); progress
 * and the result come in the caller's main context. */
void     spor_exchange_export_async  (SporStore               *store,
                                      GFile                   *file,
                                      const SporExportOptions *options,
                                      GCancellable            *cancellable,
                                      SporStoreProgress        progress,
                                      gpointer                 progress_data,
                                      GAsyncReadyCallback      callback,
                                      gpointer                 user_data);
gboolean spor_exchange_export_finish (SporStore               *store,
                                      GAsyncResult            *result,
                                      SporExportSummary       *summary,
                                      GError                 **error);

/* How many participants an export with @options would hold back, as a dialog says before
 * the export. */
gboolean spor_exchange_count_held_back (SporStore               *store,
                                        const SporExportOptions *options,
                                        guint64                 *n_held_back,
                                        GError                 **error);

/* Reads the exchange file and merges it. Without @apply everything is checked and counted
 * inside a transaction that is rolled back: the preview. With @apply the same work is
 * committed as one transaction. A refused file gives SPOR_EXCHANGE_ERROR_REFUSED with a
 * message naming the place, e.g. "participants[17].birth_date: not a date (line 412)". */
SporImportReport *spor_exchange_import        (SporStore            *store,
                                               GFile                *file,
                                               gboolean              apply,
                                               GCancellable         *cancellable,
                                               SporExchangeProgress  progress,
                                               gpointer              progress_data,
                                               GError              **error);
/* The same from a stream of @size bytes (0 if not known). */
SporImportReport *spor_exchange_import_stream (SporStore            *store,
                                               GInputStream         *stream,
                                               goffset               size,
                                               gboolean              apply,
                                               GCancellable         *cancellable,
                                               SporExchangeProgress  progress,
                                               gpointer              progress_data,
                                               GError              **error);

/* The import in a thread of its own, on a connection of its own (spor-store-job.h); after an
 * applied import @store announces SPOR_CHANGE_MANY. */
void              spor_exchange_import_async    (SporStore            *store,
                                                 GFile                *file,
                                                 gboolean              apply,
                                                 GCancellable         *cancellable,
                                                 SporStoreProgress     progress,
                                                 gpointer              progress_data,
                                                 GAsyncReadyCallback   callback,
                                                 gpointer              user_data);
SporImportReport *spor_exchange_import_finish   (SporStore            *store,
                                                 GAsyncResult         *result,
                                                 GError              **error);

/* The stable pseudonym an anonymised export gives the record @uuid of @entity. */
void  spor_exchange_pseudonym    (const guint8  secret[32],
                                  const char   *entity,
                                  const char   *uuid,
                                  char          out[37]);

G_END_DECLS
