/* spor-exchange-export.c — writing the exchange file
 *
 * Everything is driven by the entity descriptions of spor-entities.c, so a field added
 * there travels without changes here. The SQL below is assembled only from identifiers of
 * those compile-time tables (table and column names); every value is a bound parameter.
 *
 * Export writes one record per line straight from SQLite rows, with JSON escaping done
 * here, into a private file (spor-private-file.h) that takes the target's name only when
 * it is complete: a failed, cancelled or killed export leaves nothing behind.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

#include "spor-exchange.h"
#include "spor-exchange-private.h"
#include "spor-private-file.h"
#include "spor-store-private.h"
#include "spor-util.h"

/* --- pseudonyms ----------------------------------------------------------------------- */

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
 * record in scope (in dependency order), then every record those refer to. With @holding,
 * the participants held back for want of consent (counted in @n_held) and every record of
 * theirs are taken out before the records they refer to are added. Only @counting, it
 * stops once the participants in scope are known. */
static gboolean
build_scope (SporStore            *store,
             const SporEntityInfo *root,
             gint64                root_id,
             gboolean              holding,
             gboolean              counting,
             guint64              *n_held,
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
      /* table and column names from the compile-time entity descriptions only */
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
      if (counting && g_str_equal (infos[i]->name, "participant"))
        return spor_exchange_count_held (store, TRUE, n_held, error);
    }
  if (holding && (!spor_exchange_count_held (store, TRUE, n_held, error) ||
                  !spor_exchange_drop_held (store, error)))
    return FALSE;

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

/* The query for the records of @info in the file, and each field's name there (NULL for a
 * field left out). */
static char *
entity_select (const SporEntityInfo  *info,
               gboolean               scoped,
               gboolean               holding,
               gboolean               anonymize,
               char                 **names)
{
  GString *sql = g_string_new ("SELECT t.uuid, t.created_at, t.updated_at");

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
  g_string_append_printf (sql, " FROM %s t WHERE 1", info->table);
  if (scoped)
    g_string_append_printf (sql, " AND t.id IN (SELECT id FROM temp.exchange_scope "
                                 "WHERE tbl = '%s')", info->table);
  if (holding)
    {
      g_string_append (sql, " AND NOT ");
      spor_exchange_append_held (sql, info);
    }
  g_string_append (sql, " ORDER BY t.id");
  return g_string_free (sql, FALSE);
}

/* The value of @field, in column @col of the row, as JSON */
static void
append_field (GString         *buf,
              sqlite3_stmt    *stmt,
              int              col,
              const SporField *field,
              gboolean         anonymize,
              const guint8    *secret)
{
  char number[G_ASCII_DTOSTR_BUF_SIZE];
  char pseudonym[37];

  if (anonymize && field_left_out (field))
    {
      /* the year of a personal date */
      g_string_append_printf (buf, "%d", atoi ((const char *) sqlite3_column_text (stmt, col)));
      return;
    }
  switch (field->type)
    {
    case SPOR_FIELD_BOOL:
      g_string_append (buf, sqlite3_column_int64 (stmt, col) ? "true" : "false");
      break;
    case SPOR_FIELD_INT:
      g_string_append_printf (buf, "%" G_GINT64_FORMAT, (gint64) sqlite3_column_int64 (stmt, col));
      break;
    case SPOR_FIELD_REAL:
      g_string_append (buf, g_ascii_dtostr (number, sizeof number,
                                            sqlite3_column_double (stmt, col)));
      break;
    case SPOR_FIELD_REF:
      if (anonymize && g_strcmp0 (field->ref, "participant") == 0)
        {
          spor_exchange_pseudonym (secret, field->ref,
                                   (const char *) sqlite3_column_text (stmt, col), pseudonym);
          append_json_string (buf, pseudonym);
        }
      else
        append_json_text (buf, (const char *) sqlite3_column_text (stmt, col));
      break;
    case SPOR_FIELD_TEXT:
    case SPOR_FIELD_DATE:
    case SPOR_FIELD_TIME:
    case SPOR_FIELD_ENUM:
    default:
      append_json_text (buf, (const char *) sqlite3_column_text (stmt, col));
      break;
    }
}

static gboolean
export_entity (SporStore            *store,
               Writer               *w,
               const SporEntityInfo *info,
               gboolean              scoped,
               gboolean              holding,
               gboolean              anonymize,
               const guint8         *secret,
               gboolean              first,
               GError              **error)
{
  g_autofree char **names = g_new0 (char *, info->n_fields + 1);
  g_autofree char *sql = entity_select (info, scoped, holding, anonymize, names);
  gboolean pseudonymous = anonymize && g_str_equal (info->name, "participant");
  gboolean ok = FALSE;
  sqlite3_stmt *stmt;
  guint n = 0;
  int rc;

  stmt = spor_store_prepare (store, sql, error);
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
          int col = 3 + (int) f;

          if (names[f] == NULL || sqlite3_column_type (stmt, col) == SQLITE_NULL)
            continue;
          append_key (w->buf, names[f]);
          append_field (w->buf, stmt, col, &info->fields[f], anonymize, secret);
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
  ok = TRUE;

out:
  for (guint f = 0; f < info->n_fields; f++)
    g_free (names[f]);
  return ok;
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

/* The header: format, version, when, which site, anonymised or not, and the scope */
static gboolean
append_header (GString                 *buf,
               SporStore               *store,
               const SporExportOptions *options,
               const SporEntityInfo    *root,
               const char              *root_uuid,
               GError                 **error)
{
  g_autofree char *now = spor_timestamp_now ();
  g_autofree char *site_name = spor_store_dup_site_name (store, error);

  if (site_name == NULL)
    return FALSE;

  g_string_append (buf, "{\"format\": \"" SPOR_EXCHANGE_FORMAT "\",\n\"version\": ");
  g_string_append_printf (buf, "%d,\n\"exported_at\": ", SPOR_EXCHANGE_VERSION);
  append_json_string (buf, now);
  g_string_append (buf, ",\n\"site\": {\"id\": ");
  append_json_text (buf, spor_store_get_site_uuid (store));
  g_string_append (buf, ", \"name\": ");
  append_json_text (buf, site_name);
  g_string_append_printf (buf, "},\n\"anonymized\": %s,\n\"scope\": {\"kind\": \"%s\"",
                          options->anonymize ? "true" : "false",
                          root == NULL ? "all" : root->name);
  if (root != NULL)
    {
      g_string_append (buf, ", \"uuid\": ");
      append_json_text (buf, root_uuid);
    }
  g_string_append (buf, "}");
  return TRUE;
}

/* Opens the target: a private file that takes the target's name only when complete. */
static SporPrivateFile *
open_target (SporStore  *store,
             GFile      *file,
             GError    **error)
{
  g_autofree char *path = g_file_get_path (file);

  if (path == NULL)
    {
      g_autofree char *uri = g_file_get_uri (file);

      /* Translators: %s is the address of a file */
      g_set_error (error, SPOR_EXCHANGE_ERROR, SPOR_EXCHANGE_ERROR_FAILED,
                   _("“%s” is not in a folder on this computer"), uri);
      return NULL;
    }
  return spor_private_file_new (path, spor_store_get_path (store), error);
}

static void
find_root (const SporExportOptions  *options,
           const SporEntityInfo    **root,
           const char              **root_uuid)
{
  *root = NULL;
  *root_uuid = NULL;
  if (options->cohort_uuid != NULL)
    *root = spor_entity_info_lookup ("cohort"), *root_uuid = options->cohort_uuid;
  else if (options->programme_uuid != NULL)
    *root = spor_entity_info_lookup ("programme"), *root_uuid = options->programme_uuid;
}

/* Chooses what the file holds, inside the export's transaction: for a programme or a
 * cohort, what is in its scope; for a full file, without the participants held back for
 * want of consent to share (counted in @n_held) and everything of theirs. An anonymised
 * file holds everyone: it has no names, no contact data and no free text, and a pseudonym
 * only this site can link (docs/exchange-format.md). With @counting, only @n_held is
 * wanted: the selection stops once it is known. */
static gboolean
select_records (SporStore                *store,
                const SporExportOptions  *options,
                gboolean                  counting,
                guint64                  *n_held,
                GError                  **error)
{
  gboolean holding = !options->anonymize;
  const SporEntityInfo *root;
  const char *root_uuid;
  gint64 root_id;

  *n_held = 0;
  find_root (options, &root, &root_uuid);
  if (holding && !spor_exchange_mark_held (store, error))
    return FALSE;
  if (root == NULL)
    return !holding || spor_exchange_count_held (store, FALSE, n_held, error);

  root_id = spor_exchange_lookup_id (store, root, root_uuid, error);
  if (root_id < 0)
    return FALSE;
  if (root_id == 0)
    {
      g_set_error (error, SPOR_EXCHANGE_ERROR, SPOR_EXCHANGE_ERROR_NOT_FOUND,
                   root == spor_entity_info_lookup ("cohort")
                   ? _("There is no cohort with the UUID “%s”")
                   : _("There is no programme with the UUID “%s”"), root_uuid);
      return FALSE;
    }
  if (counting && !holding)
    return TRUE;
  return build_scope (store, root, root_id, holding, counting, n_held, error);
}

gboolean
spor_exchange_count_held_back (SporStore               *store,
                               const SporExportOptions *options,
                               guint64                 *n_held_back,
                               GError                 **error)
{
  static const SporExportOptions defaults = { NULL, NULL, FALSE };
  gboolean ok;

  g_return_val_if_fail (SPOR_IS_STORE (store), FALSE);
  g_return_val_if_fail (n_held_back != NULL, FALSE);

  /* The temporary tables vanish with the rollback. */
  if (!spor_store_begin_read (store, error))
    return FALSE;
  ok = select_records (store, options != NULL ? options : &defaults, TRUE, n_held_back, error);
  spor_store_rollback (store);
  return ok;
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
  return spor_exchange_export_full (store, file, options, NULL, cancellable, progress,
                                    progress_data, error);
}

gboolean
spor_exchange_export_full (SporStore               *store,
                           GFile                   *file,
                           const SporExportOptions *options,
                           SporExportSummary       *summary,
                           GCancellable            *cancellable,
                           SporExchangeProgress     progress,
                           gpointer                 progress_data,
                           GError                 **error)
{
  static const SporExportOptions defaults = { NULL, NULL, FALSE };
  g_autoptr(SporPrivateFile) target = NULL;
  g_autoptr(GString) buf = g_string_sized_new (300 * 1024);
  const SporEntityInfo * const *infos;
  const SporEntityInfo *root;
  const char *root_uuid;
  g_autoptr(GError) local_error = NULL;
  guint8 secret[32] = { 0 };
  guint64 n_held = 0;
  guint n_infos;
  Writer w;

  g_return_val_if_fail (SPOR_IS_STORE (store), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (options == NULL)
    options = &defaults;
  if (options->anonymize && !spor_store_get_site_secret (store, secret, &local_error))
    {
      g_set_error (error, SPOR_EXCHANGE_ERROR, SPOR_EXCHANGE_ERROR_FAILED,
                   _("The site’s secret for pseudonyms could not be read: %s"),
                   local_error->message);
      return FALSE;
    }
  find_root (options, &root, &root_uuid);

  /* Before anything is read: a target that is the database is refused here. */
  target = open_target (store, file, error);
  if (target == NULL)
    return FALSE;
  w.out = spor_private_file_get_stream (target);
  w.buf = buf;
  w.cancellable = cancellable;

  /* A read transaction gives the export one consistent state of the database; the
   * temporary tables of the selection are written inside it and vanish with the rollback.
   * It takes no write lock: the window goes on saving while a long export runs. */
  if (!spor_store_begin_read (store, error))
    return FALSE;
  if (!select_records (store, options, FALSE, &n_held, error))
    goto fail;

  if (!append_header (buf, store, options, root, root_uuid, error))
    goto fail;
  infos = spor_entity_infos (&n_infos);
  for (guint i = 0; i < n_infos; i++)
    {
      if (g_cancellable_set_error_if_cancelled (cancellable, error) ||
          !export_entity (store, &w, infos[i], root != NULL, !options->anonymize,
                          options->anonymize, secret, FALSE, error))
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

  /* Only now does the file get its name, and an earlier file at the target go. */
  if (g_cancellable_set_error_if_cancelled (cancellable, error) ||
      !spor_private_file_commit (target, error))
    return FALSE;
  if (summary != NULL)
    summary->n_held_back = n_held;
  if (progress != NULL)
    progress (1.0, progress_data);
  return TRUE;

fail:
  /* The target is dropped with its descriptor: nothing of it stays on the disk. */
  spor_store_rollback (store);
  return FALSE;
}
