/* spor-store-internal.h — the store's own, shared by its files (spor-store*.c)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <sqlite3.h>

#include "spor-store-private.h"

G_BEGIN_DECLS

struct _SporStore
{
  GObject     parent_instance;

  sqlite3    *db;
  char       *path;
  char       *site_uuid;
  int         schema_version;
  gboolean    checked;     /* PRAGMA quick_check ran when opening */
  guint       depth;       /* open transactions: 1 = BEGIN, more = savepoints */
  char       *began_at;    /* when the open transaction began: the time of its audit entries */
  char       *latest_stamp; /* the latest updated_at a record may bring: a day after began_at */
  GHashTable *statements;  /* SQL text → sqlite3_stmt */
  GHashTable *entity_sql;  /* SporEntityInfo → EntitySql */
  GArray     *pending;     /* Change: written in the open transaction, announced on commit */
  gboolean    pending_many; /* too many for one each: announce SPOR_CHANGE_MANY */
  GArray     *marks;       /* guint per open savepoint: pending->len when it began */
  gint64      data_version; /* PRAGMA data_version when this store last looked */

  SporBulkFlags bulk;       /* inside spor_store_begin_bulk(): its flags */
  gboolean    in_bulk;
  const char *bulk_action;  /* the action of its audit entries per kind */
  GHashTable *bulk_audit;   /* "entity\naction" → records, for one audit entry per kind */
  char       *deleting_at;  /* the time of the tombstones of a deletion from elsewhere */
  char       *deleted_latest; /* the latest updated_at of the records deleted since reset */
  GHashTable *deleted_counts; /* entity name → records deleted, counted by the triggers */
  guint64     n_deleted;    /* records deleted on this connection, all kinds */
  gboolean    scrub_fts;    /* an erasure in this transaction: rewrite the search index */
  gboolean    scrub_wal;    /* an erasure may still be in the write-ahead log */
};

/* One record written in the open transaction */
typedef struct
{
  const char       *entity; /* the entity's static name */
  gint64            id;
  SporChangeAction  action;
} Change;

/* More records than this in one transaction are announced as one SPOR_CHANGE_MANY. */
#define MAX_PENDING_CHANGES 256

/* The SQL of an entity, made once from the field tables in spor-entities.c. Only those
 * compile-time identifiers go into it; every value is a bound parameter. The statements
 * that every write of a record uses are prepared once and kept here, so that a bulk write
 * of millions of records finds them without hashing their text. */
typedef enum
{
  STMT_BY_ID,
  STMT_BY_UUID,
  STMT_INSERT,
  STMT_UPDATE,
  STMT_DELETE,
  STMT_LOCAL,       /* id, updated_at of the record with a UUID */
  STMT_MERGE,       /* an update that takes the time stamps from elsewhere */
  N_STMTS
} StmtKind;

typedef struct
{
  char         *select;  /* SELECT id, uuid, created_at, updated_at, <fields> FROM <table> */
  char         *count;
  char         *sql[N_STMTS];
  sqlite3_stmt *stmts[N_STMTS];
} EntitySql;


/* spor-store.c */
const EntitySql *spor_store_entity_sql      (SporStore            *self,
                                             const SporEntityInfo *info);
/* A statement of an entity's, prepared the first time it is asked for. */
sqlite3_stmt    *spor_store_entity_stmt     (SporStore            *self,
                                             const SporEntityInfo *info,
                                             StmtKind              kind,
                                             GError              **error);
/* One statement of the store's own (a transaction's), prepared once, run once. */
gboolean         spor_store_run             (SporStore            *self,
                                             const char           *sql,
                                             GError              **error);
void             spor_store_queue_change    (SporStore            *self,
                                             const char           *entity,
                                             gint64                id,
                                             SporChangeAction      action);
gint64           spor_store_read_data_version (SporStore          *self);

/* Done with a cached statement: reset, bindings cleared. */
static inline void
spor_store_stmt_done (sqlite3_stmt *stmt)
{
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
}

/* spor-store-records.c: values between entities and statements, one record's writes */
void             spor_store_bind_field      (sqlite3_stmt         *stmt,
                                             int                   column,
                                             SporEntity           *entity,
                                             guint                 index);
void             spor_store_read_row        (sqlite3_stmt         *stmt,
                                             SporEntity           *entity);
gboolean         spor_store_values_equal    (SporEntity           *a,
                                             SporEntity           *b,
                                             guint                 index);
gboolean         spor_store_audit_record    (SporStore            *self,
                                             const SporEntityInfo *info,
                                             const char           *uuid,
                                             const char           *action,
                                             const char           *fields,
                                             GError              **error);
void             spor_store_note_record     (SporStore            *self,
                                             const SporEntityInfo *info,
                                             gint64                id,
                                             SporChangeAction      action);
gboolean         spor_store_insert_row      (SporStore            *self,
                                             SporEntity           *entity,
                                             const char           *uuid,
                                             const char           *created_at,
                                             const char           *updated_at,
                                             const char           *action,
                                             GError              **error);
gboolean         spor_store_update_row      (SporStore            *self,
                                             SporEntity           *entity,
                                             gint64                id,
                                             const char           *created_at,
                                             const char           *updated_at,
                                             GError              **error);
gboolean         spor_store_check_for_write (SporStore            *self,
                                             SporEntity           *entity,
                                             GError              **error);

/* spor-store-delete.c */
gboolean         spor_store_delete_row      (SporStore            *self,
                                             const SporEntityInfo *info,
                                             gint64                id,
                                             GError              **error);
/* Before the outermost COMMIT of a transaction that erased someone, and after it */
gboolean         spor_store_scrub_index     (SporStore            *self,
                                             GError              **error);
void             spor_store_scrub_log       (SporStore            *self);

/* spor-store-bulk.c */
gboolean         spor_store_find_local      (SporStore            *self,
                                             const SporEntityInfo *info,
                                             const char           *uuid,
                                             gint64               *id,
                                             char                **updated_at,
                                             GError              **error);
gboolean         spor_store_find_tombstone  (SporStore            *self,
                                             const char           *uuid,
                                             char                **deleted_at,
                                             GError              **error);

/* Takes the database from schema @version to @version + 1 (spor-store-migrations.c); the
 * caller holds the transaction. */
gboolean spor_store_migrate_step (SporStore  *store,
                                  int         version,
                                  GError    **error);

G_END_DECLS
