/* spor-exchange.c — export to and merging import from the exchange file
 *
 * Everything is driven by the entity descriptions of spor-entities.c, so a field added
 * there travels without changes here. The SQL below is assembled only from identifiers of
 * those compile-time tables (table and column names); every value is a bound parameter.
 *
 * Export writes one record per line straight from SQLite rows, with JSON escaping done
 * here, into a GFileOutputStream that replaces the target only when closed successfully.
 *
 * Import reads the document with a small tokenizer that finds the bytes of each record
 * (counting lines) and parses one record at a time with JsonParser, so memory stays
 * bounded. References are resolved against the database inside the import's transaction,
 * which is why the arrays come in dependency order; UUIDs already seen live in a temporary
 * table rather than in memory.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <errno.h>
#include <glib/gstdio.h>
#include <unistd.h>
#include <math.h>
#include <string.h>

#include "spor-exchange-private.h"
#include "spor-store-private.h"
#include "spor-util.h"

G_DEFINE_QUARK (spor-exchange-error-quark, spor_exchange_error)


/* --- names ---------------------------------------------------------------------------- */

void
spor_exchange_refuse (GError    **error,
                      const char *place,
                      guint       line,
                      const char *format,
                      ...)
{
  g_autofree char *reason = NULL;
  va_list args;

  va_start (args, format);
  reason = g_strdup_vprintf (format, args);
  va_end (args);
  if (place != NULL)
    /* Translators: a place in the file, the reason and a line number:
     * “participants[17].birth_date: not a date (line 412)” */
    g_set_error (error, SPOR_EXCHANGE_ERROR, SPOR_EXCHANGE_ERROR_REFUSED,
                 _("%s: %s (line %u)"), place, reason, line);
  else
    g_set_error (error, SPOR_EXCHANGE_ERROR, SPOR_EXCHANGE_ERROR_REFUSED,
                 _("%s (line %u)"), reason, line);
}

/* A reference field "programme_id" is "programme" in the file: it holds a UUID there. */
static char *
file_field_name (const SporField *field)
{
  if (field->type == SPOR_FIELD_REF && g_str_has_suffix (field->name, "_id"))
    return g_strndup (field->name, strlen (field->name) - 3);
  return g_strdup (field->name);
}

/* An anonymised export keeps only the year of a personal date: birth_date → birth_year. */
static char *
year_field_name (const SporField *field)
{
  if (g_str_has_suffix (field->name, "_date"))
    {
      g_autofree char *stem = g_strndup (field->name, strlen (field->name) - 5);
      return g_strconcat (stem, "_year", NULL);
    }
  return g_strconcat (field->name, "_year", NULL);
}

/* The names of an entity's fields in the file and the one query of them the export needs,
 * made once from its description. */
typedef struct
{
  const char **names;  /* file name of each field, interned */
  char        *lookup; /* SELECT id FROM <table> WHERE uuid = ? */
} EntitySql;

G_LOCK_DEFINE_STATIC (entity_sql);

static const EntitySql *
entity_sql (const SporEntityInfo *info)
{
  static GHashTable *cache;
  EntitySql *e;

  G_LOCK (entity_sql);
  if (cache == NULL)
    cache = g_hash_table_new (NULL, NULL);
  e = g_hash_table_lookup (cache, info);
  if (e == NULL)
    {
      e = g_new0 (EntitySql, 1);
      e->names = g_new0 (const char *, info->n_fields + 1);
      for (guint f = 0; f < info->n_fields; f++)
        {
          g_autofree char *name = file_field_name (&info->fields[f]);
          e->names[f] = g_intern_string (name);
        }
      e->lookup = g_strdup_printf ("SELECT id FROM %s WHERE uuid = ?", info->table);
      /* kept for the life of the process, like the descriptions themselves */
      g_hash_table_insert (cache, (gpointer) info, e);
    }
  G_UNLOCK (entity_sql);
  return e;
}

const char **
spor_exchange_field_names (const SporEntityInfo *info)
{
  return entity_sql (info)->names;
}

static gboolean
field_left_out (const SporField *field)
{
  return (field->flags & (SPOR_FIELD_PERSONAL | SPOR_FIELD_SENSITIVE)) != 0;
}

void
spor_exchange_pseudonym (const guint8  secret[32],
                         const char   *entity,
                         const char   *uuid,
                         char          out[37])
{
  g_autoptr(GHmac) hmac = g_hmac_new (G_CHECKSUM_SHA256, secret, 32);
  guint8 digest[32];
  gsize len = sizeof digest;
  static const char hex[] = "0123456789abcdef";
  int o = 0;

  g_hmac_update (hmac, (const guchar *) entity, -1);
  g_hmac_update (hmac, (const guchar *) ":", 1);
  g_hmac_update (hmac, (const guchar *) uuid, -1);
  g_hmac_get_digest (hmac, digest, &len);

  /* Shaped as an RFC 9562 version 8 (custom) UUID so it fits where a UUID goes. */
  digest[6] = (digest[6] & 0x0f) | 0x80;
  digest[8] = (digest[8] & 0x3f) | 0x80;
  for (int i = 0; i < 16; i++)
    {
      if (i == 4 || i == 6 || i == 8 || i == 10)
        out[o++] = '-';
      out[o++] = hex[digest[i] >> 4];
      out[o++] = hex[digest[i] & 0xf];
    }
  out[o] = '\0';
}

/* --- export --------------------------------------------------------------------------- */

typedef struct
{
  GOutputStream *out;
  GString       *buf;
  GCancellable  *cancellable;
} Writer;

static gboolean
writer_flush (Writer  *w,
              GError **error)
{
  if (w->buf->len == 0)
    return TRUE;
  if (!g_output_stream_write_all (w->out, w->buf->str, w->buf->len, NULL, w->cancellable, error))
    return FALSE;
  g_string_truncate (w->buf, 0);
  return TRUE;
}

static void
append_json_string (GString    *s,
                    const char *text)
{
  g_string_append_c (s, '"');
  for (const guchar *p = (const guchar *) text; *p != '\0'; p++)
    {
      switch (*p)
        {
        case '"': g_string_append (s, "\\\""); break;
        case '\\': g_string_append (s, "\\\\"); break;
        case '\n': g_string_append (s, "\\n"); break;
        case '\r': g_string_append (s, "\\r"); break;
        case '\t': g_string_append (s, "\\t"); break;
        case '\b': g_string_append (s, "\\b"); break;
        case '\f': g_string_append (s, "\\f"); break;
        default:
          if (*p < 0x20)
            g_string_append_printf (s, "\\u%04x", *p);
          else
            g_string_append_c (s, (char) *p);
        }
    }
  g_string_append_c (s, '"');
}

/* Text from the database is UTF-8 by the store's rules; anything else would make the file
 * unreadable, so it is repaired rather than written. */
static void
append_json_text (GString    *s,
                  const char *text)
{
  if (g_utf8_validate (text, -1, NULL))
    append_json_string (s, text);
  else
    {
      g_autofree char *valid = g_utf8_make_valid (text, -1);
      append_json_string (s, valid);
    }
}

static void
append_key (GString    *s,
            const char *key)
{
  g_string_append_c (s, ',');
  append_json_string (s, key);
  g_string_append_c (s, ':');
}

static const char *
ref_table (const SporField *field)
{
  const SporEntityInfo *ref = spor_entity_info_lookup (field->ref);

  g_assert (ref != NULL);
  return ref->table;
}

/* Marks the records in scope in temp.exchange_scope: the root, every record referring to a
 * record in scope (in dependency order), then every record those refer to. */
static gboolean
build_scope (SporStore            *store,
             const SporEntityInfo *root,
             gint64                root_id,
             GError              **error)
{
  const SporEntityInfo * const *infos;
  guint n_infos;
  sqlite3_stmt *stmt;
  int rc;

  if (!spor_store_exec (store, "CREATE TEMP TABLE IF NOT EXISTS exchange_scope "
                               "(tbl TEXT NOT NULL, id INTEGER NOT NULL, "
                               "PRIMARY KEY (tbl, id)) WITHOUT ROWID", error) ||
      !spor_store_exec (store, "DELETE FROM temp.exchange_scope", error))
    return FALSE;

  stmt = spor_store_prepare (store, "INSERT INTO temp.exchange_scope (tbl, id) VALUES (?, ?)",
                             error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, root->table, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, root_id);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      spor_store_set_error (store, error, rc, _("Choosing the records to export"));
      return FALSE;
    }

  infos = spor_entity_infos (&n_infos);
  for (guint i = 0; i < n_infos; i++)
    {
      g_autoptr(GString) sql = g_string_new (NULL);
      gboolean any = FALSE;

      if (infos[i] == root)
        continue;
      g_string_append_printf (sql, "INSERT OR IGNORE INTO temp.exchange_scope (tbl, id) "
                                   "SELECT '%s', t.id FROM %s t WHERE ",
                              infos[i]->table, infos[i]->table);
      for (guint f = 0; f < infos[i]->n_fields; f++)
        {
          const SporField *field = &infos[i]->fields[f];

          if (field->type != SPOR_FIELD_REF)
            continue;
          g_string_append_printf (sql, "%sEXISTS (SELECT 1 FROM temp.exchange_scope s "
                                       "WHERE s.tbl = '%s' AND s.id = t.%s)",
                                  any ? " OR " : "", ref_table (field), field->name);
          any = TRUE;
        }
      if (any && !spor_store_exec (store, sql->str, error))
        return FALSE;
    }

  /* Referenced records, newest entity first so one pass reaches everything. */
  for (guint i = n_infos; i-- > 0;)
    for (guint f = 0; f < infos[i]->n_fields; f++)
      {
        const SporField *field = &infos[i]->fields[f];
        g_autofree char *sql = NULL;

        if (field->type != SPOR_FIELD_REF)
          continue;
        sql = g_strdup_printf ("INSERT OR IGNORE INTO temp.exchange_scope (tbl, id) "
                               "SELECT '%s', t.%s FROM %s t JOIN temp.exchange_scope s "
                               "ON s.tbl = '%s' AND s.id = t.id WHERE t.%s IS NOT NULL",
                               ref_table (field), field->name, infos[i]->table,
                               infos[i]->table, field->name);
        if (!spor_store_exec (store, sql, error))
          return FALSE;
      }
  return TRUE;
}

static gboolean
export_entity (SporStore            *store,
               Writer               *w,
               const SporEntityInfo *info,
               gboolean              scoped,
               gboolean              anonymize,
               const guint8         *secret,
               gboolean              first,
               GError              **error)
{
  g_autoptr(GString) sql = g_string_new ("SELECT t.uuid, t.created_at, t.updated_at");
  g_autofree char **names = g_new0 (char *, info->n_fields + 1);
  gboolean pseudonymous = anonymize && g_str_equal (info->name, "participant");
  sqlite3_stmt *stmt;
  guint n = 0;
  int rc;

  for (guint f = 0; f < info->n_fields; f++)
    {
      const SporField *field = &info->fields[f];

      if (field->type == SPOR_FIELD_REF)
        g_string_append_printf (sql, ", (SELECT r.uuid FROM %s r WHERE r.id = t.%s)",
                                ref_table (field), field->name);
      else
        g_string_append_printf (sql, ", t.%s", field->name);

      if (anonymize && field_left_out (field))
        names[f] = field->type == SPOR_FIELD_DATE && (field->flags & SPOR_FIELD_PERSONAL)
                   ? year_field_name (field) : NULL;
      else
        names[f] = file_field_name (field);
    }
  g_string_append_printf (sql, " FROM %s t", info->table);
  if (scoped)
    g_string_append_printf (sql, " WHERE t.id IN (SELECT id FROM temp.exchange_scope "
                                 "WHERE tbl = '%s')", info->table);
  g_string_append (sql, " ORDER BY t.id");

  stmt = spor_store_prepare (store, sql->str, error);
  if (stmt == NULL)
    goto out;

  g_string_append_printf (w->buf, "%s\n", first ? "" : ",");
  append_json_string (w->buf, info->table);
  g_string_append (w->buf, ": [");

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *uuid = (const char *) sqlite3_column_text (stmt, 0);
      char pseudonym[37];

      g_string_append (w->buf, n == 0 ? "\n  {\"uuid\":" : ",\n  {\"uuid\":");
      if (pseudonymous)
        {
          spor_exchange_pseudonym (secret, info->name, uuid, pseudonym);
          uuid = pseudonym;
        }
      append_json_text (w->buf, uuid);
      append_key (w->buf, "created_at");
      append_json_text (w->buf, (const char *) sqlite3_column_text (stmt, 1));
      append_key (w->buf, "updated_at");
      append_json_text (w->buf, (const char *) sqlite3_column_text (stmt, 2));

      for (guint f = 0; f < info->n_fields; f++)
        {
          const SporField *field = &info->fields[f];
          int col = 3 + (int) f;
          int type = sqlite3_column_type (stmt, col);
          char number[G_ASCII_DTOSTR_BUF_SIZE];

          if (names[f] == NULL || type == SQLITE_NULL)
            continue;
          append_key (w->buf, names[f]);
          if (anonymize && field_left_out (field))
            {
              /* the year of a personal date */
              const char *date = (const char *) sqlite3_column_text (stmt, col);
              g_string_append_printf (w->buf, "%d", atoi (date));
              continue;
            }
          switch (field->type)
            {
            case SPOR_FIELD_BOOL:
              g_string_append (w->buf, sqlite3_column_int64 (stmt, col) ? "true" : "false");
              break;
            case SPOR_FIELD_INT:
              g_string_append_printf (w->buf, "%" G_GINT64_FORMAT,
                                      (gint64) sqlite3_column_int64 (stmt, col));
              break;
            case SPOR_FIELD_REAL:
              g_string_append (w->buf, g_ascii_dtostr (number, sizeof number,
                                                       sqlite3_column_double (stmt, col)));
              break;
            case SPOR_FIELD_REF:
              if (anonymize && g_strcmp0 (field->ref, "participant") == 0)
                {
                  spor_exchange_pseudonym (secret, field->ref,
                                           (const char *) sqlite3_column_text (stmt, col),
                                           pseudonym);
                  append_json_string (w->buf, pseudonym);
                }
              else
                append_json_text (w->buf, (const char *) sqlite3_column_text (stmt, col));
              break;
            case SPOR_FIELD_TEXT:
            case SPOR_FIELD_DATE:
            case SPOR_FIELD_TIME:
            case SPOR_FIELD_ENUM:
            default:
              append_json_text (w->buf, (const char *) sqlite3_column_text (stmt, col));
              break;
            }
        }
      g_string_append_c (w->buf, '}');
      n++;
      if (w->buf->len > 256 * 1024 && !writer_flush (w, error))
        {
          sqlite3_reset (stmt);
          goto out;
        }
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      spor_store_set_error (store, error, rc, info->table);
      goto out;
    }
  g_string_append (w->buf, n > 0 ? "\n]" : "]");

out:
  for (guint f = 0; f < info->n_fields; f++)
    g_free (names[f]);
  return error == NULL || *error == NULL;
}

static gboolean
export_tombstones (SporStore    *store,
                   Writer       *w,
                   gboolean      anonymize,
                   const guint8 *secret,
                   GError      **error)
{
  sqlite3_stmt *stmt = spor_store_prepare (store, "SELECT entity, uuid, deleted_at "
                                                  "FROM tombstones ORDER BY id", error);
  guint n = 0;
  int rc;

  if (stmt == NULL)
    return FALSE;
  g_string_append (w->buf, ",\n\"tombstones\": [");
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *entity = (const char *) sqlite3_column_text (stmt, 0);
      const char *uuid = (const char *) sqlite3_column_text (stmt, 1);
      char pseudonym[37];

      if (spor_entity_info_lookup (entity) == NULL)
        continue;
      if (anonymize && g_str_equal (entity, "participant"))
        {
          spor_exchange_pseudonym (secret, entity, uuid, pseudonym);
          uuid = pseudonym;
        }
      g_string_append (w->buf, n == 0 ? "\n  {\"entity\":" : ",\n  {\"entity\":");
      append_json_text (w->buf, entity);
      append_key (w->buf, "uuid");
      append_json_text (w->buf, uuid);
      append_key (w->buf, "deleted_at");
      append_json_text (w->buf, (const char *) sqlite3_column_text (stmt, 2));
      g_string_append_c (w->buf, '}');
      n++;
      if (w->buf->len > 256 * 1024 && !writer_flush (w, error))
        {
          sqlite3_reset (stmt);
          return FALSE;
        }
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      spor_store_set_error (store, error, rc, "tombstones");
      return FALSE;
    }
  g_string_append (w->buf, n > 0 ? "\n]" : "]");
  return TRUE;
}

static gint64
lookup_id (SporStore            *store,
           const SporEntityInfo *info,
           const char           *uuid,
           GError              **error)
{
  sqlite3_stmt *stmt = spor_store_prepare (store, entity_sql (info)->lookup, error);
  gint64 id = 0;
  int rc;

  if (stmt == NULL)
    return -1;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      spor_store_set_error (store, error, rc, info->table);
      return -1;
    }
  return id;
}

gboolean
spor_exchange_export (SporStore               *store,
                      GFile                   *file,
                      const SporExportOptions *options,
                      GCancellable            *cancellable,
                      SporExchangeProgress     progress,
                      gpointer                 progress_data,
                      GError                 **error)
{
  static const SporExportOptions defaults = { NULL, NULL, FALSE };
  g_autoptr(GFileOutputStream) out = NULL;
  g_autoptr(GString) buf = g_string_sized_new (300 * 1024);
  g_autofree char *now = spor_timestamp_now ();
  g_autofree char *site_name = spor_store_dup_site_name (store);
  const SporEntityInfo * const *infos;
  const SporEntityInfo *root = NULL;
  const char *root_uuid = NULL;
  guint8 secret[32] = { 0 };
  gint64 root_id = 0;
  guint n_infos;
  gboolean in_transaction = FALSE;
  Writer w;

  g_return_val_if_fail (SPOR_IS_STORE (store), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (options == NULL)
    options = &defaults;
  if (options->anonymize && !spor_store_get_site_secret (store, secret))
    {
      g_set_error (error, SPOR_EXCHANGE_ERROR, SPOR_EXCHANGE_ERROR_FAILED,
                   _("The site’s secret for pseudonyms could not be read"));
      return FALSE;
    }

  if (options->cohort_uuid != NULL)
    root = spor_entity_info_lookup ("cohort"), root_uuid = options->cohort_uuid;
  else if (options->programme_uuid != NULL)
    root = spor_entity_info_lookup ("programme"), root_uuid = options->programme_uuid;

  /* A read transaction gives the export one consistent state of the database; the scope's
   * temporary table is written inside it and vanishes with the rollback. */
  if (!spor_store_begin (store, error))
    return FALSE;
  in_transaction = TRUE;

  if (root != NULL)
    {
      root_id = lookup_id (store, root, root_uuid, error);
      if (root_id < 0)
        goto fail;
      if (root_id == 0)
        {
          g_set_error (error, SPOR_EXCHANGE_ERROR, SPOR_EXCHANGE_ERROR_NOT_FOUND,
                       root == spor_entity_info_lookup ("cohort")
                       ? _("There is no cohort with the UUID “%s”")
                       : _("There is no programme with the UUID “%s”"), root_uuid);
          goto fail;
        }
      if (!build_scope (store, root, root_id, error))
        goto fail;
    }

  out = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION | G_FILE_CREATE_PRIVATE,
                        cancellable, error);
  if (out == NULL)
    goto fail;
  w.out = G_OUTPUT_STREAM (out);
  w.buf = buf;
  w.cancellable = cancellable;

  g_string_append (buf, "{\"format\": \"" SPOR_EXCHANGE_FORMAT "\",\n\"version\": ");
  g_string_append_printf (buf, "%d,\n\"exported_at\": ", SPOR_EXCHANGE_VERSION);
  append_json_string (buf, now);
  g_string_append (buf, ",\n\"site\": {\"id\": ");
  append_json_text (buf, spor_store_get_site_uuid (store));
  g_string_append (buf, ", \"name\": ");
  append_json_text (buf, site_name != NULL ? site_name : "");
  g_string_append_printf (buf, "},\n\"anonymized\": %s,\n\"scope\": {\"kind\": \"%s\"",
                          options->anonymize ? "true" : "false",
                          root == NULL ? "all" : root->name);
  if (root != NULL)
    {
      g_string_append (buf, ", \"uuid\": ");
      append_json_text (buf, root_uuid);
    }
  g_string_append (buf, "}");

  infos = spor_entity_infos (&n_infos);
  for (guint i = 0; i < n_infos; i++)
    {
      if (g_cancellable_set_error_if_cancelled (cancellable, error) ||
          !export_entity (store, &w, infos[i], root != NULL, options->anonymize, secret,
                          FALSE, error))
        goto fail;
      if (progress != NULL)
        progress ((double) (i + 1) / (n_infos + 1), progress_data);
    }
  if (!export_tombstones (store, &w, options->anonymize, secret, error))
    goto fail;
  g_string_append (buf, "\n}\n");
  if (!writer_flush (&w, error))
    goto fail;

  spor_store_rollback (store);
  in_transaction = FALSE;

  /* Closing renames the temporary file into place; only now does the old file go. */
  if (!g_output_stream_close (G_OUTPUT_STREAM (out), cancellable, error))
    goto fail;
  if (progress != NULL)
    progress (1.0, progress_data);
  return TRUE;

fail:
  if (in_transaction)
    spor_store_rollback (store);
  if (out != NULL && !g_output_stream_is_closed (G_OUTPUT_STREAM (out)))
    {
      /* A cancelled close drops the temporary file and leaves any earlier file alone. */
      g_autoptr(GCancellable) abandon = g_cancellable_new ();

      g_cancellable_cancel (abandon);
      g_output_stream_close (G_OUTPUT_STREAM (out), abandon, NULL);
    }
  return FALSE;
}

/* --- the schema ----------------------------------------------------------------------- */

static void
schema_field (JsonBuilder     *b,
              const SporField *field)
{
  json_builder_begin_object (b);
  switch (field->type)
    {
    case SPOR_FIELD_INT:
      json_builder_set_member_name (b, "type");
      json_builder_add_string_value (b, "integer");
      if (field->flags & SPOR_FIELD_RANGE)
        {
          json_builder_set_member_name (b, "minimum");
          json_builder_add_int_value (b, (gint64) field->min);
          json_builder_set_member_name (b, "maximum");
          json_builder_add_int_value (b, (gint64) field->max);
        }
      break;
    case SPOR_FIELD_REAL:
      json_builder_set_member_name (b, "type");
      json_builder_add_string_value (b, "number");
      if (field->flags & SPOR_FIELD_RANGE)
        {
          json_builder_set_member_name (b, "minimum");
          json_builder_add_double_value (b, field->min);
          json_builder_set_member_name (b, "maximum");
          json_builder_add_double_value (b, field->max);
        }
      break;
    case SPOR_FIELD_BOOL:
      json_builder_set_member_name (b, "type");
      json_builder_add_string_value (b, "boolean");
      break;
    case SPOR_FIELD_DATE:
      json_builder_set_member_name (b, "$ref");
      json_builder_add_string_value (b, "#/$defs/date");
      break;
    case SPOR_FIELD_TIME:
      json_builder_set_member_name (b, "$ref");
      json_builder_add_string_value (b, "#/$defs/time");
      break;
    case SPOR_FIELD_REF:
      json_builder_set_member_name (b, "$ref");
      json_builder_add_string_value (b, "#/$defs/uuid");
      break;
    case SPOR_FIELD_ENUM:
      json_builder_set_member_name (b, "enum");
      json_builder_begin_array (b);
      for (guint v = 0; field->values[v] != NULL; v++)
        json_builder_add_string_value (b, field->values[v]);
      json_builder_end_array (b);
      break;
    case SPOR_FIELD_TEXT:
    default:
      json_builder_set_member_name (b, "type");
      json_builder_add_string_value (b, "string");
      break;
    }
  json_builder_end_object (b);
}

static void
schema_string_def (JsonBuilder *b,
                   const char  *name,
                   const char  *format,
                   const char  *pattern)
{
  json_builder_set_member_name (b, name);
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "type");
  json_builder_add_string_value (b, "string");
  if (format != NULL)
    {
      json_builder_set_member_name (b, "format");
      json_builder_add_string_value (b, format);
    }
  if (pattern != NULL)
    {
      json_builder_set_member_name (b, "pattern");
      json_builder_add_string_value (b, pattern);
    }
  json_builder_end_object (b);
}

char *
spor_exchange_build_schema (void)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonGenerator) gen = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  const SporEntityInfo * const *infos;
  guint n_infos;
  char *text;

  infos = spor_entity_infos (&n_infos);
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "$schema");
  json_builder_add_string_value (b, "https://json-schema.org/draft/2020-12/schema");
  json_builder_set_member_name (b, "title");
  json_builder_add_string_value (b, "Spor exchange file, version 1");
  json_builder_set_member_name (b, "description");
  json_builder_add_string_value (b, "Made from the entity descriptions of Spor "
                                    "(src/core/spor-entities.c); see docs/exchange-format.md. "
                                    "Personal and free-text fields are optional here because "
                                    "an anonymised file leaves them out.");
  json_builder_set_member_name (b, "type");
  json_builder_add_string_value (b, "object");
  json_builder_set_member_name (b, "additionalProperties");
  json_builder_add_boolean_value (b, FALSE);
  json_builder_set_member_name (b, "required");
  json_builder_begin_array (b);
  json_builder_add_string_value (b, "format");
  json_builder_add_string_value (b, "version");
  json_builder_add_string_value (b, "exported_at");
  json_builder_add_string_value (b, "site");
  json_builder_add_string_value (b, "anonymized");
  json_builder_end_array (b);

  json_builder_set_member_name (b, "properties");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "format");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "const");
  json_builder_add_string_value (b, SPOR_EXCHANGE_FORMAT);
  json_builder_end_object (b);
  json_builder_set_member_name (b, "version");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "const");
  json_builder_add_int_value (b, SPOR_EXCHANGE_VERSION);
  json_builder_end_object (b);
  json_builder_set_member_name (b, "exported_at");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "$ref");
  json_builder_add_string_value (b, "#/$defs/timestamp");
  json_builder_end_object (b);
  json_builder_set_member_name (b, "site");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "type");
  json_builder_add_string_value (b, "object");
  json_builder_set_member_name (b, "additionalProperties");
  json_builder_add_boolean_value (b, FALSE);
  json_builder_set_member_name (b, "required");
  json_builder_begin_array (b);
  json_builder_add_string_value (b, "id");
  json_builder_end_array (b);
  json_builder_set_member_name (b, "properties");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "id");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "$ref");
  json_builder_add_string_value (b, "#/$defs/uuid");
  json_builder_end_object (b);
  json_builder_set_member_name (b, "name");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "type");
  json_builder_add_string_value (b, "string");
  json_builder_end_object (b);
  json_builder_end_object (b);
  json_builder_end_object (b);
  json_builder_set_member_name (b, "anonymized");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "type");
  json_builder_add_string_value (b, "boolean");
  json_builder_end_object (b);
  json_builder_set_member_name (b, "scope");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "type");
  json_builder_add_string_value (b, "object");
  json_builder_set_member_name (b, "additionalProperties");
  json_builder_add_boolean_value (b, FALSE);
  json_builder_set_member_name (b, "required");
  json_builder_begin_array (b);
  json_builder_add_string_value (b, "kind");
  json_builder_end_array (b);
  json_builder_set_member_name (b, "properties");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "kind");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "enum");
  json_builder_begin_array (b);
  json_builder_add_string_value (b, "all");
  json_builder_add_string_value (b, "programme");
  json_builder_add_string_value (b, "cohort");
  json_builder_end_array (b);
  json_builder_end_object (b);
  json_builder_set_member_name (b, "uuid");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "$ref");
  json_builder_add_string_value (b, "#/$defs/uuid");
  json_builder_end_object (b);
  json_builder_end_object (b);
  json_builder_end_object (b);

  for (guint i = 0; i < n_infos; i++)
    {
      json_builder_set_member_name (b, infos[i]->table);
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "type");
      json_builder_add_string_value (b, "array");
      json_builder_set_member_name (b, "items");
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "$ref");
      {
        g_autofree char *ref = g_strdup_printf ("#/$defs/%s", infos[i]->name);
        json_builder_add_string_value (b, ref);
      }
      json_builder_end_object (b);
      json_builder_end_object (b);
    }
  json_builder_set_member_name (b, "tombstones");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "type");
  json_builder_add_string_value (b, "array");
  json_builder_set_member_name (b, "items");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "$ref");
  json_builder_add_string_value (b, "#/$defs/tombstone");
  json_builder_end_object (b);
  json_builder_end_object (b);
  json_builder_end_object (b); /* properties */

  json_builder_set_member_name (b, "$defs");
  json_builder_begin_object (b);
  schema_string_def (b, "uuid", NULL,
                     "^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$");
  schema_string_def (b, "timestamp", "date-time", NULL);
  schema_string_def (b, "date", "date", "^[0-9]{4}-[0-9]{2}-[0-9]{2}$");
  schema_string_def (b, "time", NULL, "^([01][0-9]|2[0-3]):[0-5][0-9]$");

  json_builder_set_member_name (b, "tombstone");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "type");
  json_builder_add_string_value (b, "object");
  json_builder_set_member_name (b, "additionalProperties");
  json_builder_add_boolean_value (b, FALSE);
  json_builder_set_member_name (b, "required");
  json_builder_begin_array (b);
  json_builder_add_string_value (b, "entity");
  json_builder_add_string_value (b, "uuid");
  json_builder_add_string_value (b, "deleted_at");
  json_builder_end_array (b);
  json_builder_set_member_name (b, "properties");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "entity");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "enum");
  json_builder_begin_array (b);
  for (guint i = 0; i < n_infos; i++)
    json_builder_add_string_value (b, infos[i]->name);
  json_builder_end_array (b);
  json_builder_end_object (b);
  json_builder_set_member_name (b, "uuid");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "$ref");
  json_builder_add_string_value (b, "#/$defs/uuid");
  json_builder_end_object (b);
  json_builder_set_member_name (b, "deleted_at");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "$ref");
  json_builder_add_string_value (b, "#/$defs/timestamp");
  json_builder_end_object (b);
  json_builder_end_object (b);
  json_builder_end_object (b);

  for (guint i = 0; i < n_infos; i++)
    {
      const SporEntityInfo *info = infos[i];

      json_builder_set_member_name (b, info->name);
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "type");
      json_builder_add_string_value (b, "object");
      json_builder_set_member_name (b, "additionalProperties");
      json_builder_add_boolean_value (b, FALSE);
      json_builder_set_member_name (b, "required");
      json_builder_begin_array (b);
      json_builder_add_string_value (b, "uuid");
      json_builder_add_string_value (b, "created_at");
      json_builder_add_string_value (b, "updated_at");
      for (guint f = 0; f < info->n_fields; f++)
        if ((info->fields[f].flags & SPOR_FIELD_REQUIRED) && !field_left_out (&info->fields[f]))
          {
            g_autofree char *name = file_field_name (&info->fields[f]);
            json_builder_add_string_value (b, name);
          }
      json_builder_end_array (b);
      json_builder_set_member_name (b, "properties");
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "uuid");
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "$ref");
      json_builder_add_string_value (b, "#/$defs/uuid");
      json_builder_end_object (b);
      json_builder_set_member_name (b, "created_at");
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "$ref");
      json_builder_add_string_value (b, "#/$defs/timestamp");
      json_builder_end_object (b);
      json_builder_set_member_name (b, "updated_at");
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "$ref");
      json_builder_add_string_value (b, "#/$defs/timestamp");
      json_builder_end_object (b);
      for (guint f = 0; f < info->n_fields; f++)
        {
          const SporField *field = &info->fields[f];
          g_autofree char *name = file_field_name (field);

          json_builder_set_member_name (b, name);
          schema_field (b, field);
          if (field->type == SPOR_FIELD_DATE && (field->flags & SPOR_FIELD_PERSONAL))
            {
              g_autofree char *year = year_field_name (field);

              json_builder_set_member_name (b, year);
              json_builder_begin_object (b);
              json_builder_set_member_name (b, "type");
              json_builder_add_string_value (b, "integer");
              json_builder_set_member_name (b, "minimum");
              json_builder_add_int_value (b, 1);
              json_builder_set_member_name (b, "maximum");
              json_builder_add_int_value (b, 9999);
              json_builder_set_member_name (b, "description");
              json_builder_add_string_value (b, "Only in anonymised files, instead of the date");
              json_builder_end_object (b);
            }
        }
      json_builder_end_object (b);
      json_builder_end_object (b);
    }
  json_builder_end_object (b); /* $defs */
  json_builder_end_object (b);

  root = json_builder_get_root (b);
  json_generator_set_root (gen, root);
  json_generator_set_pretty (gen, TRUE);
  json_generator_set_indent (gen, 2);
  text = json_generator_to_data (gen, NULL);
  {
    char *with_newline = g_strconcat (text, "\n", NULL);

    g_free (text);
    return with_newline;
  }
}
