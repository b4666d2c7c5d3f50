/* spor-exchange-scan.h — the one reader of exchange files' JSON
 *
 * An exchange file can hold millions of records, so it is never parsed as a whole: the
 * reader takes the bytes of one JSON value at a time from a stream (counting lines for the
 * messages), and a record — a flat object of scalars — is parsed without building a tree.
 * The importer uses nothing else to read JSON: the document's members, the header, the
 * records and the tombstones all come through here.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The deepest nesting and the largest value the reader takes */
#define SPOR_SCAN_MAX_DEPTH        32
#define SPOR_SCAN_MAX_VALUE_BYTES  (4 * 1024 * 1024)

typedef struct
{
  GInputStream *in;
  GCancellable *cancellable;
  guchar        buf[64 * 1024];
  gsize         pos;
  gsize         len;
  gboolean      eof;
  guint64       offset;
  guint         line;
  GError       *io_error;
} SporScanReader;

typedef enum
{
  SPOR_SCAN_OK,
  SPOR_SCAN_END,            /* the stream ended (or could not be read: io_error) */
  SPOR_SCAN_NO_VALUE,       /* something that starts no JSON value */
  SPOR_SCAN_LINE_BREAK,     /* a text runs over the end of its line */
  SPOR_SCAN_TOO_DEEP,
  SPOR_SCAN_TOO_LARGE,
} SporScanResult;

/* Starts reading @in; a UTF-8 byte order mark at the start is skipped. */
void            spor_scan_reader_init   (SporScanReader *r,
                                         GInputStream   *in,
                                         GCancellable   *cancellable);
/* The next byte, without taking it; -1 at the end. */
int             spor_scan_peek          (SporScanReader *r);
int             spor_scan_get           (SporScanReader *r);
/* Skips white space and returns the next byte (not taken), -1 at the end. */
int             spor_scan_skip_space    (SporScanReader *r);
/* Takes the bytes of the next JSON value into @out (checking only its brackets, nesting
 * and size: spor_scan_record() parses it). */
SporScanResult  spor_scan_capture       (SporScanReader *r,
                                         GString        *out);

/* One member of a flat record */
typedef struct
{
  const char *key;
  GType       vt;  /* G_TYPE_STRING, _INT64, _DOUBLE, _BOOLEAN; G_TYPE_NONE for null;
                    * G_TYPE_INVALID for an array or object */
  const char *s;
  gint64      i;
  double      d;
  gboolean    b;
} SporScanMember;

typedef struct
{
  GString *text;     /* the unescaped strings, NUL-separated */
  GArray  *offsets;  /* per member: key offset, string offset (gsize pairs) */
  GArray  *members;  /* SporScanMember */
} SporScanRecord;

typedef enum
{
  SPOR_RECORD_OK,
  SPOR_RECORD_NOT_OBJECT,   /* valid JSON, but not an object */
  SPOR_RECORD_INVALID,      /* not valid JSON (or a NUL in a text) */
} SporRecordResult;

void              spor_scan_record_init   (SporScanRecord *rec);
void              spor_scan_record_clear  (SporScanRecord *rec);
/* Parses the object in @text (NUL-terminated, valid UTF-8) into @rec: its members in the
 * order of the file, nested values only as G_TYPE_INVALID. */
SporRecordResult  spor_scan_record        (SporScanRecord *rec,
                                           const char     *text);
/* Parses a single scalar (a string, number, true, false or null) into @m, with its text
 * in @rec; an object or array is SPOR_RECORD_NOT_OBJECT's opposite: G_TYPE_INVALID. */
SporRecordResult  spor_scan_scalar        (SporScanRecord *rec,
                                           const char     *text,
                                           SporScanMember *m);
const SporScanMember *spor_scan_find      (SporScanRecord *rec,
                                           const char     *key);
const char       *spor_scan_find_string   (SporScanRecord *rec,
                                           const char     *key);
/* The first member whose name an earlier member has already, or NULL. */
const SporScanMember *spor_scan_find_twice (SporScanRecord *rec);

G_END_DECLS
