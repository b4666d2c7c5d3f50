/* spor-exchange-report.h — what an import did, or would do
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* What an import did, or would do: counts per entity and the conflicts. */
typedef struct {
  const char *entity;   /* entity name, e.g. "participant" */
  const char *table;    /* its array in the file, e.g. "participants" */
  guint64     n_new;
  guint64     n_updated;
  guint64     n_unchanged;
  guint64     n_conflicts;
  guint64     n_deleted;
} SporImportCount;

typedef struct {
  char *entity;
  char *uuid;
  char *label;            /* the local record's name or title, if it has one */
  char *local_updated_at;
  char *file_updated_at;  /* NULL for a record deleted at this site; the tombstone's
                           * deleted_at when @deleted_in_file */
  gboolean deleted_in_file; /* the file deletes a record changed here since */
} SporImportConflict;

typedef struct _SporImportReport SporImportReport;

void              spor_import_report_free           (SporImportReport *report);
gboolean          spor_import_report_get_applied    (SporImportReport *report);
/* One count per entity of the store, in the order of spor_entity_infos(). */
const SporImportCount *spor_import_report_get_counts (SporImportReport *report,
                                                      guint            *n_counts);
/* The totals over all entities. */
void              spor_import_report_get_totals     (SporImportReport *report,
                                                     SporImportCount  *totals);
/* The conflicts (SporImportConflict), at most the first 1000. */
GPtrArray        *spor_import_report_get_conflicts  (SporImportReport *report);
const char       *spor_import_report_get_site_name  (SporImportReport *report);
const char       *spor_import_report_get_exported_at (SporImportReport *report);
/* Whether the file was exported from this very database (the site's own id). */
gboolean          spor_import_report_is_from_this_site (SporImportReport *report);
/* The summary the command line prints: one line per entity with anything in it. */
char             *spor_import_report_format         (SporImportReport *report);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SporImportReport, spor_import_report_free)

G_END_DECLS
