/* spor-store.h — the only door to the database
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "spor-core-enums.h"
#include "spor-entity.h"

G_BEGIN_DECLS

#define SPOR_STORE_SCHEMA_VERSION 4

#define SPOR_STORE_ERROR (spor_store_error_quark ())

typedef enum { /*< skip >*/
  SPOR_STORE_ERROR_FAILED,        /* anything else SQLite reported */
  SPOR_STORE_ERROR_IO,            /* the file or its folder could not be made or read */
  SPOR_STORE_ERROR_NOT_DATABASE,  /* the file is not an SQLite database */
  SPOR_STORE_ERROR_NEWER_VERSION, /* written by a newer Spor */
  SPOR_STORE_ERROR_CORRUPT,       /* PRAGMA quick_check failed */
  SPOR_STORE_ERROR_INVALID,       /* a value breaks a rule of the model */
  SPOR_STORE_ERROR_CONSTRAINT,    /* the database refused the change (reference, uniqueness) */
  SPOR_STORE_ERROR_NOT_FOUND,
  SPOR_STORE_ERROR_NOT_EMPTY,     /* the sample generator wants an empty database */
  SPOR_STORE_ERROR_BUSY,          /* another program holds the database */
  SPOR_STORE_ERROR_CHANGED,       /* the record changed after the caller read it */
  SPOR_STORE_ERROR_ALTERED,       /* a Spor database whose schema was changed outside Spor */
} SporStoreError;

/* What a "changed" notification says happened to the records it names. */
typedef enum {
  SPOR_CHANGE_CREATED,
  SPOR_CHANGE_UPDATED,
  SPOR_CHANGE_DELETED,
  SPOR_CHANGE_MANY,     /* any records may have changed: an import, another program */
} SporChangeAction;

GQuark spor_store_error_quark (void);

#define SPOR_TYPE_STORE (spor_store_get_type ())
G_DECLARE_FINAL_TYPE (SporStore, spor_store, SPOR, STORE, GObject)

char          *spor_store_default_path      (void);
SporStore     *spor_store_open              (const char    *path,
                                             GError       **error);
const char    *spor_store_get_path          (SporStore     *self);
int            spor_store_get_schema_version (SporStore    *self);
/* Whether opening ran the full integrity check (the file was new to Spor or had changed
 * since Spor last closed it). */
gboolean       spor_store_was_checked       (SporStore     *self);
/* Whether @path is this store's database file or one of its working files (-wal, -shm,
 * -journal): the same file by identity (device and inode, found with stat(), so a link,
 * a hard link or another spelling of the path counts too), or, for a file that does not
 * exist yet, the same name in the same folder. Nothing is opened. An export must not
 * write over such a file, and nothing but SQLite may read it: closing any descriptor of
 * the database file drops every lock this process holds on it. */
gboolean       spor_store_is_database_file  (SporStore     *self,
                                             const char    *path);

/* Change notifications. The signal "changed" (const char *entity, gint64 id,
 * SporChangeAction action) is emitted on the store's thread after the outermost transaction
 * commits, once per record written in it (nothing when it is rolled back); entity is the
 * entity name ("participant"). A transaction that writes many records, an import, or a
 * change by another connection or program gives one notification with entity NULL, id 0
 * and SPOR_CHANGE_MANY: everything may have changed.
 *
 * spor_store_poll() looks whether another connection (a worker thread, another process)
 * has committed since this store last looked, and if so emits the MANY notification; the
 * window calls it when it gets the focus and now and then. spor_store_notify_many() emits
 * it at once, for a caller that knows it wrote through another connection. */
gboolean       spor_store_poll              (SporStore     *self);
void           spor_store_notify_many       (SporStore     *self);

/* Transactions nest: the outermost is BEGIN IMMEDIATE, inner ones are savepoints. */
gboolean       spor_store_begin             (SporStore     *self,
                                             GError       **error);
/* A transaction for reading only: one consistent state of the database for a long read,
 * without holding back other connections' writes. Ended with spor_store_rollback(). */
gboolean       spor_store_begin_read        (SporStore     *self,
                                             GError       **error);
gboolean       spor_store_commit            (SporStore     *self,
                                             GError       **error);
void           spor_store_rollback          (SporStore     *self);

/* Site metadata */
const char    *spor_store_get_site_uuid     (SporStore     *self);
/* The site's name ("" when it has none); NULL with @error when it cannot be read */
char          *spor_store_dup_site_name     (SporStore     *self,
                                             GError       **error);
gboolean       spor_store_set_site_name     (SporStore     *self,
                                             const char    *name,
                                             GError       **error);

/* Generic CRUD over every entity type (see spor-entity.h). Each call is one transaction and
 * leaves an audit entry that names the entity, its UUID, the action and the changed field
 * names, never their values.
 *
 * An update of a record that was read from the store (it carries updated_at) fails with
 * SPOR_STORE_ERROR_CHANGED when the stored record has changed since: a form opened before
 * an import or another window's save does not overwrite what came in between. The caller
 * lets the user choose; to write over the newer copy it reads that copy's updated_at into
 * the entity (spor_entity_set_keys) and updates again. */
gboolean       spor_store_insert            (SporStore     *self,
                                             SporEntity    *entity,
                                             GError       **error);
gboolean       spor_store_update            (SporStore     *self,
                                             SporEntity    *entity,
                                             GError       **error);
gboolean       spor_store_delete            (SporStore     *self,
                                             SporEntity    *entity,
                                             GError       **error);
gpointer       spor_store_get               (SporStore     *self,
                                             GType          entity_type,
                                             gint64         id,
                                             GError       **error);
gpointer       spor_store_get_by_uuid       (SporStore     *self,
                                             GType          entity_type,
                                             const char    *uuid,
                                             GError       **error);

/* A query over one entity type: equality filters on fields, one ordering, a page. Field
 * names are checked against the entity's fields, so nothing from the caller becomes SQL. */
typedef struct _SporQuery SporQuery;

SporQuery     *spor_query_new               (GType          entity_type);
void           spor_query_free              (SporQuery     *query);
void           spor_query_where_int         (SporQuery     *query,
                                             const char    *field,
                                             gint64         value);
void           spor_query_where_text        (SporQuery     *query,
                                             const char    *field,
                                             const char    *value);
void           spor_query_where_null        (SporQuery     *query,
                                             const char    *field);
void           spor_query_order_by          (SporQuery     *query,
                                             const char    *field,
                                             gboolean       descending);
void           spor_query_set_page          (SporQuery     *query,
                                             guint          offset,
                                             guint          limit);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SporQuery, spor_query_free)

GPtrArray     *spor_store_list              (SporStore     *self,
                                             SporQuery     *query,
                                             GError       **error);
/* The records of @entity_type whose @field is @id, ordered by @order (descending when
 * @descending): a programme's phases, a participant's meetings. */
GPtrArray     *spor_store_list_by           (SporStore     *self,
                                             GType          entity_type,
                                             const char    *field,
                                             gint64         id,
                                             const char    *order,
                                             gboolean       descending,
                                             GError       **error);
gint64         spor_store_count             (SporStore     *self,
                                             SporQuery     *query,
                                             GError       **error);
/* Number of records of one type; -1 with error set on failure. */
gint64         spor_store_count_all         (SporStore     *self,
                                             GType          entity_type,
                                             GError       **error);

/* The audit log, newest last */
typedef struct {
  gint64  id;
  char   *at;
  char   *entity;
  char   *uuid;
  char   *action;
  char   *fields;
} SporAuditEntry;

void           spor_audit_entry_free        (SporAuditEntry *entry);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SporAuditEntry, spor_audit_entry_free)
GPtrArray     *spor_store_list_audit        (SporStore     *self,
                                             const char    *uuid,
                                             GError       **error);

G_END_DECLS
