/* spor-exchange-header.h — the header of an exchange file, as the import reads it
 *
 * For the import only. The header is the members of the document before and between its
 * arrays of records: format and version (both required before the first record),
 * exported_at, site, anonymized (a merge takes only false) and scope.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "spor-exchange-report.h"
#include "spor-exchange-scan.h"
#include "spor-store.h"

G_BEGIN_DECLS

/* What the import has seen of the header so far; starts zeroed */
typedef struct {
  gboolean seen_format;
  gboolean seen_version;
  gboolean checked;
} SporImportHeader;

/* Whether the value of header member @key is an object (site, scope) */
gboolean spor_import_header_is_object (const char            *key);
/* Checks header member @key, its value read into @value (a scalar) or, for an object, into
 * @record; what it says of the site and the time of export goes into @report. A member
 * that is not part of the format is refused. */
gboolean spor_import_header_take      (SporImportHeader      *header,
                                       SporStore             *store,
                                       SporImportReport      *report,
                                       const char            *key,
                                       const SporScanMember  *value,
                                       SporScanRecord        *record,
                                       guint                  line,
                                       GError               **error);
/* Refuses a file that comes to its records (or its end, at @line) without its format and
 * its version; TRUE once they have been seen. */
gboolean spor_import_header_check     (SporImportHeader      *header,
                                       guint                  line,
                                       GError               **error);

G_END_DECLS
