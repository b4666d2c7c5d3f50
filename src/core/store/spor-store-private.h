/* spor-store-private.h — for the rest of the core
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <sqlite3.h>

#include "spor-store.h"

G_BEGIN_DECLS

sqlite3      *spor_store_get_db          (SporStore  *self);
/* A cached prepared statement; reset it (sqlite3_reset) when done. */
sqlite3_stmt *spor_store_prepare         (SporStore  *self,
                                          const char *sql,
                                          GError    **error);
gboolean      spor_store_exec            (SporStore  *self,
                                          const char *sql,
                                          GError    **error);
/* For what has no caller to tell (a rollback, cleaning up, undoing a setting): runs @sql
 * and, when it fails, logs why (the SQL and SQLite's reason; no value of a record). */
void          spor_store_run_or_log      (SporStore  *self,
                                          const char *sql);
/* Steps @stmt (prepared with spor_store_prepare() and bound) through its rows and resets
 * it: the integers of its first column in order (ids), or the one integer of its first
 * row (a count; 0 for none). NULL or -1 with @error, its message naming @what, when a step
 * fails. */
GArray       *spor_store_collect_ids     (SporStore    *self,
                                          sqlite3_stmt *stmt,
                                          const char   *what,
                                          GError      **error);
gint64        spor_store_collect_count   (SporStore    *self,
                                          sqlite3_stmt *stmt,
                                          const char   *what,
                                          GError      **error);
void          spor_store_set_error       (SporStore  *self,
                                          GError    **error,
                                          int         rc,
                                          const char *what);
gboolean      spor_store_audit           (SporStore  *self,
                                          const char *entity,
                                          const char *uuid,
                                          const char *action,
                                          const char *fields,
                                          GError    **error);
gboolean      spor_store_get_site_secret (SporStore  *self,
                                          guint8      secret[32],
                                          GError    **error);
/* Erases a participant and everything linked to it, leaving no trace of the text in the
 * files (see spor-store.c); the one way a participant leaves the database, for a delete
 * here and for an erasure that comes from another site. */
gboolean      spor_store_erase           (SporStore  *self,
                                          SporEntity *participant,
                                          GError    **error);
/* Whether an erasure may still be in the write-ahead log (a reader keeps it busy); tries
 * again to empty it first. */
gboolean      spor_store_erase_pending   (SporStore  *self);

/* Rolls back the current transaction (spor_store_rollback()) and returns FALSE, for the
 * failure paths of a write: "return spor_store_fail (store);". */
gboolean      spor_store_fail            (SporStore  *self);
/* Sets @error to SPOR_STORE_ERROR_INVALID with @message, and returns FALSE. */
gboolean      spor_store_invalid         (GError    **error,
                                          const char *message);

/* Bulk writing, for the import and the sample generator: one transaction in which the
 * records are checked and written as always (spor_store_insert, spor_store_merge), with one
 * change notice for the whole; SPOR_BULK_AUDIT_PER_KIND writes one audit entry per kind of
 * record instead of one per record (with @action, a static string: "import", "generate"),
 * SPOR_BULK_EMPTY says the database held no
 * records (spor_store_merge need not look for local copies), SPOR_BULK_LARGE sizes the page
 * cache for millions of rows (and, with AUDIT_PER_KIND into an empty file that no other
 * connection has open, writes without the write-ahead log). */
typedef enum { /*< skip >*/
  SPOR_BULK_AUDIT_PER_KIND = 1 << 0,
  SPOR_BULK_EMPTY          = 1 << 1,
  SPOR_BULK_LARGE          = 1 << 2,
} SporBulkFlags;

gboolean      spor_store_begin_bulk      (SporStore     *self,
                                          SporBulkFlags  flags,
                                          const char    *action,
                                          GError       **error);
gboolean      spor_store_end_bulk        (SporStore     *self,
                                          GError       **error);
void          spor_store_abort_bulk      (SporStore     *self);

/* What became of a record or a tombstone from elsewhere */
typedef enum {
  SPOR_MERGE_NEW,          /* not here before: inserted */
  SPOR_MERGE_UPDATED,      /* the copy from elsewhere is newer: written over the local one */
  SPOR_MERGE_UNCHANGED,    /* the same time stamp here: nothing to do */
  SPOR_MERGE_LOCAL_NEWER,  /* changed here later: kept (a conflict) */
  SPOR_MERGE_DELETED_HERE, /* deleted here: stays deleted (a conflict) */
  SPOR_MERGE_DELETED,      /* a tombstone: the record (and what belonged to it) deleted */
} SporMergeResult;

/* Merges a record from elsewhere that carries its UUID, created_at and updated_at, with its
 * references already turned into local keys, inside a transaction. The keys are checked
 * (spor_check_keys), a UUID in upper case is the same UUID, and the record is checked as
 * every write is, also when it would not be written (a bad record makes a bad file). @local_stamp: for a conflict, the local
 * updated_at or deleted_at. */
gboolean      spor_store_merge           (SporStore        *self,
                                          SporEntity       *entity,
                                          SporMergeResult  *result,
                                          char            **local_stamp,
                                          GError          **error);
/* A tombstone from elsewhere: deletes the record (and what belongs to it) unless it, or a
 * record that would go with it, was changed here after @deleted_at (then LOCAL_NEWER); an
 * erasure of a participant always wins. A UUID that belongs to a record of another kind
 * here is refused. Unknown records get the tombstone, so that they stay deleted. */
gboolean      spor_store_apply_tombstone (SporStore            *self,
                                          const SporEntityInfo *info,
                                          const char           *uuid,
                                          const char           *deleted_at,
                                          SporMergeResult      *result,
                                          GError              **error);
/* The local key of the record of @info with @uuid, 0 if there is none; @deleted (may be
 * NULL) whether a tombstone says it was deleted here. */
gboolean      spor_store_find_id         (SporStore            *self,
                                          const SporEntityInfo *info,
                                          const char           *uuid,
                                          gint64               *id,
                                          gboolean             *deleted,
                                          GError              **error);
/* Whether the database holds no records and no tombstones, into @empty */
gboolean      spor_store_is_empty        (SporStore  *self,
                                          gboolean   *empty,
                                          GError    **error);

/* The records of @entity the triggers have deleted since spor_store_reset_deleted(), by
 * any path (a tombstone, a cascade, an erasure). */
void          spor_store_reset_deleted   (SporStore  *self);
guint         spor_store_count_deleted   (SporStore  *self,
                                          const char *entity);

/* For writes made with the store's statements: announced with the transaction's commit. */
void          spor_store_note_change     (SporStore        *self,
                                          const char       *entity,
                                          gint64            id,
                                          SporChangeAction  action);

G_END_DECLS
