/* spor-exchange.c — merging import from the exchange file, and its schema
 *
 * Everything is driven by the entity descriptions of spor-entities.c, so a field added
 * there travels without changes here. The SQL below is assembled only from identifiers of
 * those compile-time tables (table and column names); every value is a bound parameter.
 * The export is in spor-exchange-export.c.
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

#include "spor-exchange.h"
#include "spor-exchange-private.h"
#include "spor-store-private.h"
#include "spor-util.h"

G_DEFINE_QUARK (spor-exchange-error-quark, spor_exchange_error)

#define MAX_DEPTH         32
#define MAX_RECORD_BYTES  (4 * 1024 * 1024)
#define MAX_CONFLICTS     1000
#define PROGRESS_EVERY    2000

/* --- names ---------------------------------------------------------------------------- */

/* The names and statements of an entity, made once from its description. */
typedef struct
{
  const char **names;  /* file name of each field, interned */
  char        *lookup; /* SELECT id FROM <table> WHERE uuid = ? */
  char        *local;  /* SELECT id, updated_at FROM <table> WHERE uuid = ? */
  char        *insert;
  char        *update;
  char        *delete;
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
      GString *insert, *update;

      e = g_new0 (EntitySql, 1);
      e->names = g_new0 (const char *, info->n_fields + 1);
      for (guint f = 0; f < info->n_fields; f++)
        {
          g_autofree char *name = file_field_name (&info->fields[f]);
          e->names[f] = g_intern_string (name);
        }
      e->lookup = g_strdup_printf ("SELECT id FROM %s WHERE uuid = ?", info->table);
      e->local = g_strdup_printf ("SELECT id, updated_at FROM %s WHERE uuid = ?", info->table);
      e->delete = g_strdup_printf ("DELETE FROM %s WHERE id = ?", info->table);
      insert = g_string_new (NULL);
      g_string_printf (insert, "INSERT INTO %s (uuid, created_at, updated_at", info->table);
      for (guint f = 0; f < info->n_fields; f++)
        g_string_append_printf (insert, ", %s", info->fields[f].name);
      g_string_append (insert, ") VALUES (?, ?, ?");
      for (guint f = 0; f < info->n_fields; f++)
        g_string_append (insert, ", ?");
      g_string_append (insert, ")");
      e->insert = g_string_free (insert, FALSE);
      update = g_string_new (NULL);
      g_string_printf (update, "UPDATE %s SET uuid = ?, created_at = ?, updated_at = ?",
                       info->table);
      for (guint f = 0; f < info->n_fields; f++)
        g_string_append_printf (update, ", %s = ?", info->fields[f].name);
      g_string_append (update, " WHERE id = ?");
      e->update = g_string_free (update, FALSE);
      /* kept for the life of the process, like the descriptions themselves */
      g_hash_table_insert (cache, (gpointer) info, e);
    }
  G_UNLOCK (entity_sql);
  return e;
}

static gboolean
timestamp_is_valid (const char *text)
{
  g_autoptr(GDateTime) dt = NULL;

  if (text == NULL || strlen (text) < 20 || strlen (text) > 40)
    return FALSE;
  /* The form Spor writes, YYYY-MM-DDTHH:MM:SS.ffffffZ, checked without parsing */
  if (strlen (text) == 27 && text[10] == 'T' && text[19] == '.' && text[26] == 'Z' &&
      text[13] == ':' && text[16] == ':')
    {
      char date[11];
      gboolean digits = TRUE;

      for (int i = 11; i < 26; i++)
        if (i != 13 && i != 16 && i != 19 && !g_ascii_isdigit (text[i]))
          digits = FALSE;
      memcpy (date, text, 10);
      date[10] = '\0';
      if (digits && spor_date_is_valid (date) &&
          (text[11] - '0') * 10 + (text[12] - '0') < 24 &&
          (text[14] - '0') * 10 + (text[15] - '0') < 60 &&
          (text[17] - '0') * 10 + (text[18] - '0') < 60)
        return TRUE;
    }
  dt = g_date_time_new_from_iso8601 (text, NULL);
  return dt != NULL;
}

gint64
spor_exchange_lookup_id (SporStore            *store,
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

/* --- the streaming reader ------------------------------------------------------------- */

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
} Reader;

static gboolean
reader_fill (Reader *r)
{
  gssize n;

  if (r->pos < r->len)
    return TRUE;
  if (r->eof)
    return FALSE;
  n = g_input_stream_read (r->in, r->buf, sizeof r->buf, r->cancellable,
                           r->io_error == NULL ? &r->io_error : NULL);
  if (n <= 0)
    {
      r->eof = TRUE;
      return FALSE;
    }
  r->pos = 0;
  r->len = (gsize) n;
  return TRUE;
}

static int
reader_peek (Reader *r)
{
  return reader_fill (r) ? r->buf[r->pos] : -1;
}

static int
reader_get (Reader *r)
{
  int c;

  if (!reader_fill (r))
    return -1;
  c = r->buf[r->pos++];
  r->offset++;
  if (c == '\n')
    r->line++;
  return c;
}

static gboolean
is_space (int c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static int
reader_skip_space (Reader *r)
{
  int c;

  while ((c = reader_peek (r)) != -1 && is_space (c))
    reader_get (r);
  return c;
}


/* --- a flat record ------------------------------------------------------------------------
 * Records are flat objects of scalars, and millions of them pass through an import, so they
 * are parsed here without building a JsonNode tree. Anything else that is valid JSON (a
 * nested value) is kept as "other", which the field checks then refuse by name. */

typedef struct
{
  const char *key;
  GType       vt;  /* G_TYPE_STRING, _INT64, _DOUBLE, _BOOLEAN; G_TYPE_NONE for null;
                    * G_TYPE_INVALID for an array or object */
  const char *s;
  gint64      i;
  double      d;
  gboolean    b;
} Member;

typedef struct
{
  GString *text;     /* the unescaped strings, NUL-separated */
  GArray  *offsets;  /* per member: key offset, string offset (gsize pairs) */
  GArray  *members;  /* Member */
} Record;

typedef enum { RECORD_OK, RECORD_NOT_OBJECT, RECORD_INVALID } RecordResult;

static void
skip_ws (const char **p)
{
  while (**p == ' ' || **p == '\t' || **p == '\n' || **p == '\r')
    (*p)++;
}

static int
hex4 (const char *p)
{
  int v = 0;

  for (int i = 0; i < 4; i++)
    {
      int d = g_ascii_xdigit_value (p[i]);

      if (d < 0)
        return -1;
      v = v * 16 + d;
    }
  return v;
}

/* Appends the unescaped string at *p (at its opening quote) to @out, NUL-terminated. */
static gboolean
parse_string (const char **p,
              GString     *out)
{
  const char *q = *p + 1;

  for (;;)
    {
      const char *start = q;

      while (*q != '"' && *q != '\\' && (guchar) *q >= 0x20)
        q++;
      g_string_append_len (out, start, q - start);
      if (*q == '"')
        break;
      if (*q != '\\')
        return FALSE; /* a control character or the end */
      q++;
      switch (*q)
        {
        case '"': g_string_append_c (out, '"'); break;
        case '\\': g_string_append_c (out, '\\'); break;
        case '/': g_string_append_c (out, '/'); break;
        case 'b': g_string_append_c (out, '\b'); break;
        case 'f': g_string_append_c (out, '\f'); break;
        case 'n': g_string_append_c (out, '\n'); break;
        case 'r': g_string_append_c (out, '\r'); break;
        case 't': g_string_append_c (out, '\t'); break;
        case 'u':
          {
            int c = hex4 (q + 1);

            if (c < 0)
              return FALSE;
            q += 4;
            if (c >= 0xd800 && c < 0xdc00)
              {
                int low = q[1] == '\\' && q[2] == 'u' ? hex4 (q + 3) : -1;

                if (low < 0xdc00 || low > 0xdfff)
                  return FALSE;
                c = 0x10000 + ((c - 0xd800) << 10) + (low - 0xdc00);
                q += 6;
              }
            else if (c >= 0xdc00 && c < 0xe000)
              return FALSE;
            if (c == 0)
              return FALSE; /* a NUL would cut the text short */
            g_string_append_unichar (out, (gunichar) c);
          }
          break;
        default:
          return FALSE;
        }
      q++;
    }
  g_string_append_c (out, '\0');
  *p = q + 1;
  return TRUE;
}

static gboolean
parse_number (const char **p,
              Member      *m)
{
  const char *start = *p, *q = *p;
  gboolean integer = TRUE;
  char buf[64];

  if (*q == '-')
    q++;
  if (*q == '0')
    q++;
  else if (*q >= '1' && *q <= '9')
    while (g_ascii_isdigit (*q))
      q++;
  else
    return FALSE;
  if (*q == '.')
    {
      integer = FALSE;
      q++;
      if (!g_ascii_isdigit (*q))
        return FALSE;
      while (g_ascii_isdigit (*q))
        q++;
    }
  if (*q == 'e' || *q == 'E')
    {
      integer = FALSE;
      q++;
      if (*q == '+' || *q == '-')
        q++;
      if (!g_ascii_isdigit (*q))
        return FALSE;
      while (g_ascii_isdigit (*q))
        q++;
    }
  if ((gsize) (q - start) >= sizeof buf)
    {
      /* too many digits for any field: a number out of every range */
      m->vt = G_TYPE_DOUBLE;
      m->d = INFINITY;
      *p = q;
      return TRUE;
    }
  memcpy (buf, start, q - start);
  buf[q - start] = '\0';
  if (integer)
    {
      char *end = NULL;

      errno = 0;
      m->i = g_ascii_strtoll (buf, &end, 10);
      if (errno == ERANGE)
        {
          m->vt = G_TYPE_DOUBLE;
          m->d = INFINITY;
        }
      else
        m->vt = G_TYPE_INT64;
    }
  else
    {
      m->vt = G_TYPE_DOUBLE;
      m->d = g_ascii_strtod (buf, NULL);
    }
  *p = q;
  return TRUE;
}

/* Skips a nested array or object (the tokenizer has checked the brackets match). */
static gboolean
skip_nested (const char **p)
{
  const char *q = *p;
  int depth = 0;

  do
    {
      if (*q == '\0')
        return FALSE;
      if (*q == '"')
        {
          for (q++; *q != '"'; q++)
            {
              if (*q == '\0')
                return FALSE;
              if (*q == '\\' && q[1] != '\0')
                q++;
            }
        }
      else if (*q == '{' || *q == '[')
        depth++;
      else if (*q == '}' || *q == ']')
        depth--;
      q++;
    }
  while (depth > 0);
  *p = q;
  return TRUE;
}

static RecordResult
parse_record (Record     *rec,
              const char *text)
{
  const char *p = text;
  gsize offsets[2];

  g_string_truncate (rec->text, 0);
  g_array_set_size (rec->offsets, 0);
  g_array_set_size (rec->members, 0);

  skip_ws (&p);
  if (*p != '{')
    {
      /* some other JSON value: only say "not an object" if it parses at all */
      g_autoptr(JsonParser) parser = json_parser_new_immutable ();

      return json_parser_load_from_data (parser, text, -1, NULL) ? RECORD_NOT_OBJECT
                                                                 : RECORD_INVALID;
    }
  p++;
  skip_ws (&p);
  if (*p == '}')
    p++;
  else
    for (;;)
      {
        Member m = { NULL, G_TYPE_NONE, NULL, 0, 0, FALSE };

        skip_ws (&p);
        if (*p != '"')
          return RECORD_INVALID;
        offsets[0] = rec->text->len;
        offsets[1] = G_MAXSIZE;
        if (!parse_string (&p, rec->text))
          return RECORD_INVALID;
        skip_ws (&p);
        if (*p++ != ':')
          return RECORD_INVALID;
        skip_ws (&p);
        switch (*p)
          {
          case '"':
            offsets[1] = rec->text->len;
            if (!parse_string (&p, rec->text))
              return RECORD_INVALID;
            m.vt = G_TYPE_STRING;
            break;
          case 't':
            if (strncmp (p, "true", 4) != 0)
              return RECORD_INVALID;
            m.vt = G_TYPE_BOOLEAN, m.b = TRUE, p += 4;
            break;
          case 'f':
            if (strncmp (p, "false", 5) != 0)
              return RECORD_INVALID;
            m.vt = G_TYPE_BOOLEAN, m.b = FALSE, p += 5;
            break;
          case 'n':
            if (strncmp (p, "null", 4) != 0)
              return RECORD_INVALID;
            m.vt = G_TYPE_NONE, p += 4;
            break;
          case '{':
          case '[':
            if (!skip_nested (&p))
              return RECORD_INVALID;
            m.vt = G_TYPE_INVALID;
            break;
          default:
            if (!parse_number (&p, &m))
              return RECORD_INVALID;
          }
        g_array_append_val (rec->members, m);
        g_array_append_vals (rec->offsets, offsets, 2);
        skip_ws (&p);
        if (*p == ',')
          {
            p++;
            continue;
          }
        if (*p == '}')
          {
            p++;
            break;
          }
        return RECORD_INVALID;
      }
  skip_ws (&p);
  if (*p != '\0')
    return RECORD_INVALID;

  /* The text no longer moves: point into it. */
  for (guint i = 0; i < rec->members->len; i++)
    {
      Member *m = &g_array_index (rec->members, Member, i);
      gsize key = g_array_index (rec->offsets, gsize, 2 * i);
      gsize str = g_array_index (rec->offsets, gsize, 2 * i + 1);

      m->key = rec->text->str + key;
      m->s = str != G_MAXSIZE ? rec->text->str + str : NULL;
    }
  return RECORD_OK;
}

static const Member *
record_find (Record     *rec,
             const char *key)
{
  for (guint i = 0; i < rec->members->len; i++)
    {
      const Member *m = &g_array_index (rec->members, Member, i);

      if (g_str_equal (m->key, key))
        return m;
    }
  return NULL;
}

static const char *
record_string (Record     *rec,
               const char *key)
{
  const Member *m = record_find (rec, key);

  return m != NULL && m->vt == G_TYPE_STRING ? m->s : NULL;
}

/* --- import --------------------------------------------------------------------------- */

struct _SporImportReport
{
  gboolean         applied;
  SporImportCount *counts;
  guint            n_counts;
  GPtrArray       *conflicts;
  char            *site_name;
  char            *exported_at;
};

static void
conflict_free (SporImportConflict *c)
{
  g_free (c->entity);
  g_free (c->uuid);
  g_free (c->label);
  g_free (c->local_updated_at);
  g_free (c->file_updated_at);
  g_free (c);
}

void
spor_import_report_free (SporImportReport *report)
{
  if (report == NULL)
    return;
  g_free (report->counts);
  g_ptr_array_unref (report->conflicts);
  g_free (report->site_name);
  g_free (report->exported_at);
  g_free (report);
}

gboolean
spor_import_report_get_applied (SporImportReport *report)
{
  return report->applied;
}

const SporImportCount *
spor_import_report_get_counts (SporImportReport *report,
                               guint            *n_counts)
{
  *n_counts = report->n_counts;
  return report->counts;
}

void
spor_import_report_get_totals (SporImportReport *report,
                               SporImportCount  *totals)
{
  memset (totals, 0, sizeof *totals);
  for (guint i = 0; i < report->n_counts; i++)
    {
      totals->n_new += report->counts[i].n_new;
      totals->n_updated += report->counts[i].n_updated;
      totals->n_unchanged += report->counts[i].n_unchanged;
      totals->n_conflicts += report->counts[i].n_conflicts;
      totals->n_deleted += report->counts[i].n_deleted;
    }
}

GPtrArray *
spor_import_report_get_conflicts (SporImportReport *report)
{
  return report->conflicts;
}

const char *
spor_import_report_get_site_name (SporImportReport *report)
{
  return report->site_name;
}

const char *
spor_import_report_get_exported_at (SporImportReport *report)
{
  return report->exported_at;
}

char *
spor_import_report_format (SporImportReport *report)
{
  GString *s = g_string_new (NULL);
  SporImportCount t;

  /* Read by scripts as well as people, so kept in one fixed English form. */
  for (guint i = 0; i < report->n_counts; i++)
    {
      const SporImportCount *c = &report->counts[i];

      if (c->n_new + c->n_updated + c->n_unchanged + c->n_conflicts + c->n_deleted == 0)
        continue;
      g_string_append_printf (s, "%s: new %" G_GUINT64_FORMAT ", updated %" G_GUINT64_FORMAT
                                 ", unchanged %" G_GUINT64_FORMAT ", conflicts %"
                                 G_GUINT64_FORMAT ", deleted %" G_GUINT64_FORMAT "\n",
                              c->table, c->n_new, c->n_updated, c->n_unchanged,
                              c->n_conflicts, c->n_deleted);
    }
  spor_import_report_get_totals (report, &t);
  g_string_append_printf (s, "total: new %" G_GUINT64_FORMAT ", updated %" G_GUINT64_FORMAT
                             ", unchanged %" G_GUINT64_FORMAT ", conflicts %"
                             G_GUINT64_FORMAT ", deleted %" G_GUINT64_FORMAT "\n",
                          t.n_new, t.n_updated, t.n_unchanged, t.n_conflicts, t.n_deleted);
  for (guint i = 0; i < report->conflicts->len; i++)
    {
      SporImportConflict *c = g_ptr_array_index (report->conflicts, i);

      if (c->file_updated_at != NULL)
        g_string_append_printf (s, "conflict: %s %s: changed here %s, in the file %s\n",
                                c->entity, c->uuid, c->local_updated_at, c->file_updated_at);
      else
        g_string_append_printf (s, "conflict: %s %s: deleted here %s\n",
                                c->entity, c->uuid, c->local_updated_at);
    }
  return g_string_free (s, FALSE);
}

typedef struct
{
  SporStore            *store;
  Reader                r;
  SporImportReport     *report;
  gboolean              apply;
  goffset               size;
  SporExchangeProgress  progress;
  gpointer              progress_data;
  guint64               n_records;
  gboolean              header_checked;
  gboolean              seen_format;
  gboolean              seen_version;
  gboolean              anonymized;
  char                 *format;
  gint64                version;
  GHashTable           *seen_keys;
  GHashTable           *stmts;  /* SQL text of entity_sql() (by address) → statement */
  JsonParser           *parser; /* for the header and tombstones */
  Record                record; /* for the records */
  gboolean              empty;  /* the database held nothing when the import began */
  guint64              *bloom;  /* for an empty database: the UUIDs seen so far (see below) */
  guint64               bloom_mask;
  char                 *written_sql; /* see written_before() */
} Import;

/* The store's statement cache hashes the whole SQL text; this one only its address. */
static sqlite3_stmt *
prepare_fast (Import     *im,
              const char *sql,
              GError    **error)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (im->stmts, sql);

  if (stmt == NULL)
    {
      stmt = spor_store_prepare (im->store, sql, error);
      if (stmt != NULL)
        g_hash_table_insert (im->stmts, (gpointer) sql, stmt);
    }
  return stmt;
}

static gint64
lookup_ref (Import               *im,
            const SporEntityInfo *info,
            const char           *uuid,
            GError              **error)
{
  sqlite3_stmt *stmt = prepare_fast (im, entity_sql (info)->lookup, error);
  gint64 id = 0;
  int rc;

  if (stmt == NULL)
    return -1;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      spor_store_set_error (im->store, error, rc, info->table);
      return -1;
    }
  return id;
}

/* A refusal: the file is wrong at @place. */
G_GNUC_PRINTF (4, 5)
static void
refuse (GError    **error,
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

G_GNUC_PRINTF (5, 6)
static void
refuse_field (GError    **error,
              const char *place,
              const char *field,
              guint       line,
              const char *format,
              ...)
{
  g_autofree char *at = g_strdup_printf ("%s.%s", place, field);
  g_autofree char *reason = NULL;
  va_list args;

  va_start (args, format);
  reason = g_strdup_vprintf (format, args);
  va_end (args);
  refuse (error, at, line, "%s", reason);
}

/* Reads one JSON value's bytes into @out, checking nesting and size; JsonParser checks
 * the rest. */
static gboolean
capture_value (Import     *im,
               GString    *out,
               const char *place,
               GError    **error)
{
  Reader *r = &im->r;
  guint line = r->line;
  int depth = 0;
  int c;

  g_string_truncate (out, 0);
  c = reader_skip_space (r);
  if (c == -1)
    goto truncated;

  if (c != '{' && c != '[' && c != '"')
    {
      while ((c = reader_peek (r)) != -1 && !is_space (c) && c != ',' && c != ']' && c != '}')
        {
          g_string_append_c (out, (char) reader_get (r));
          if (out->len > 64)
            break;
        }
      if (out->len == 0)
        {
          refuse (error, place, line, _("a value was expected"));
          return FALSE;
        }
      return TRUE;
    }

  do
    {
      c = reader_get (r);
      if (c == -1)
        goto truncated;
      g_string_append_c (out, (char) c);
      if (c == '"')
        {
          for (;;)
            {
              c = reader_get (r);
              if (c == -1)
                goto truncated;
              g_string_append_c (out, (char) c);
              if (c == '\\')
                {
                  c = reader_get (r);
                  if (c == -1)
                    goto truncated;
                  g_string_append_c (out, (char) c);
                }
              else if (c == '"')
                break;
              else if (c == '\n')
                {
                  refuse (error, place, line, _("a text runs over the end of the line"));
                  return FALSE;
                }
              if (out->len > MAX_RECORD_BYTES)
                break;
            }
        }
      else if (c == '{' || c == '[')
        {
          if (++depth > MAX_DEPTH)
            {
              refuse (error, place, line, _("nested too deeply"));
              return FALSE;
            }
        }
      else if (c == '}' || c == ']')
        depth--;
      if (out->len > MAX_RECORD_BYTES)
        {
          refuse (error, place, line, _("the record is too large"));
          return FALSE;
        }
    }
  while (depth > 0);
  return TRUE;

truncated:
  if (r->io_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&r->io_error));
      return FALSE;
    }
  refuse (error, place, line, _("the file ends too early (truncated)"));
  return FALSE;
}

static JsonNode *
parse_value (Import     *im,
             GString    *bytes,
             const char *place,
             guint       line,
             GError    **error)
{
  JsonParser *parser;
  g_autoptr(GError) local = NULL;
  JsonNode *root;

  if (!g_utf8_validate (bytes->str, (gssize) bytes->len, NULL))
    {
      refuse (error, place, line, _("invalid UTF-8"));
      return NULL;
    }
  if (im->parser == NULL)
    im->parser = json_parser_new_immutable ();
  parser = im->parser;
  if (!json_parser_load_from_data (parser, bytes->str, (gssize) bytes->len, &local))
    {
      refuse (error, place, line, _("not valid JSON"));
      return NULL;
    }
  root = json_parser_get_root (parser);
  if (root == NULL)
    {
      refuse (error, place, line, _("a value was expected"));
      return NULL;
    }
  return json_node_ref (root);
}

static gboolean
check_header (Import  *im,
              GError **error)
{
  if (im->header_checked)
    return TRUE;
  if (!im->seen_format)
    {
      refuse (error, "format", im->r.line, _("missing before the records: this is not a Spor exchange file"));
      return FALSE;
    }
  if (!im->seen_version)
    {
      refuse (error, "version", im->r.line, _("missing before the records"));
      return FALSE;
    }
  im->header_checked = TRUE;
  return TRUE;
}

static gboolean
header_member (Import     *im,
               const char *key,
               JsonNode   *node,
               guint       line,
               GError    **error)
{
  GType vt = JSON_NODE_HOLDS_VALUE (node) ? json_node_get_value_type (node) : G_TYPE_INVALID;

  if (g_str_equal (key, "format"))
    {
      if (vt != G_TYPE_STRING || !g_str_equal (json_node_get_string (node), SPOR_EXCHANGE_FORMAT))
        {
          refuse (error, "format", line, _("not “%s”: this is not a Spor exchange file"),
                  SPOR_EXCHANGE_FORMAT);
          return FALSE;
        }
      im->seen_format = TRUE;
    }
  else if (g_str_equal (key, "version"))
    {
      if (vt != G_TYPE_INT64 || json_node_get_int (node) < 1)
        {
          refuse (error, "version", line, _("not a version number"));
          return FALSE;
        }
      if (json_node_get_int (node) > SPOR_EXCHANGE_VERSION)
        {
          refuse (error, "version", line,
                  _("the file was written by a newer Spor (format version %ld); "
                    "this Spor reads version %d"),
                  (long) json_node_get_int (node), SPOR_EXCHANGE_VERSION);
          return FALSE;
        }
      im->seen_version = TRUE;
    }
  else if (g_str_equal (key, "exported_at"))
    {
      if (vt != G_TYPE_STRING || !timestamp_is_valid (json_node_get_string (node)))
        {
          refuse (error, "exported_at", line, _("not a time stamp"));
          return FALSE;
        }
      g_free (im->report->exported_at);
      im->report->exported_at = g_strdup (json_node_get_string (node));
    }
  else if (g_str_equal (key, "site"))
    {
      JsonObject *site = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
      JsonNode *id = site != NULL ? json_object_get_member (site, "id") : NULL;
      JsonNode *name = site != NULL ? json_object_get_member (site, "name") : NULL;

      if (site == NULL)
        {
          refuse (error, "site", line, _("not an object"));
          return FALSE;
        }
      if (id == NULL || !JSON_NODE_HOLDS_VALUE (id) ||
          json_node_get_value_type (id) != G_TYPE_STRING ||
          !spor_uuid_is_valid (json_node_get_string (id)))
        {
          refuse (error, "site.id", line, _("not a UUID"));
          return FALSE;
        }
      if (name != NULL && (!JSON_NODE_HOLDS_VALUE (name) ||
                           json_node_get_value_type (name) != G_TYPE_STRING))
        {
          refuse (error, "site.name", line, _("not a text"));
          return FALSE;
        }
      g_free (im->report->site_name);
      im->report->site_name = g_strdup (name != NULL ? json_node_get_string (name) : "");
    }
  else if (g_str_equal (key, "anonymized"))
    {
      if (vt != G_TYPE_BOOLEAN)
        {
          refuse (error, "anonymized", line, _("not true or false"));
          return FALSE;
        }
      if (json_node_get_boolean (node))
        {
          refuse (error, "anonymized", line,
                  _("the file is anonymised: it is meant for statistics and cannot be merged"));
          return FALSE;
        }
    }
  else if (g_str_equal (key, "scope"))
    {
      if (!JSON_NODE_HOLDS_OBJECT (node))
        {
          refuse (error, "scope", line, _("not an object"));
          return FALSE;
        }
    }
  else
    {
      refuse (error, key, line, _("not part of the format"));
      return FALSE;
    }
  return TRUE;
}

/* One bound value of a record's field */
typedef struct
{
  int         kind;   /* SQLITE_NULL, SQLITE_INTEGER, SQLITE_FLOAT, SQLITE_TEXT */
  gint64      i;
  double      d;
  const char *s;
} Value;

static void
bind_value (sqlite3_stmt *stmt,
            int           index,
            const Value  *v)
{
  switch (v->kind)
    {
    case SQLITE_INTEGER:
      sqlite3_bind_int64 (stmt, index, v->i);
      break;
    case SQLITE_FLOAT:
      sqlite3_bind_double (stmt, index, v->d);
      break;
    case SQLITE_TEXT:
      sqlite3_bind_text (stmt, index, v->s, -1, SQLITE_STATIC);
      break;
    default:
      sqlite3_bind_null (stmt, index);
    }
}

static gboolean
is_tombstoned (Import     *im,
               const char *uuid,
               char      **deleted_at,
               GError    **error)
{
  sqlite3_stmt *stmt = spor_store_prepare (im->store, "SELECT deleted_at FROM tombstones "
                                                      "WHERE uuid = ?", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW && deleted_at != NULL)
    *deleted_at = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  return rc == SQLITE_ROW;
}

static void
add_conflict (Import               *im,
              const SporEntityInfo *info,
              const char           *uuid,
              const char           *local_updated_at,
              const char           *file_updated_at)
{
  SporImportConflict *c;
  g_autoptr(SporEntity) local = NULL;

  if (im->report->conflicts->len >= MAX_CONFLICTS)
    return;
  c = g_new0 (SporImportConflict, 1);
  c->entity = g_strdup (info->name);
  c->uuid = g_strdup (uuid);
  c->local_updated_at = g_strdup (local_updated_at);
  c->file_updated_at = g_strdup (file_updated_at);
  if (file_updated_at != NULL)
    local = spor_store_get_by_uuid (im->store, info->get_type (), uuid, NULL);
  if (local != NULL)
    {
      if (spor_entity_info_find_field (info, "name") != NULL)
        c->label = g_strdup (spor_entity_get_text (local, "name"));
      else if (spor_entity_info_find_field (info, "title") != NULL)
        c->label = g_strdup (spor_entity_get_text (local, "title"));
    }
  g_ptr_array_add (im->report->conflicts, c);
}

/* Into an empty database, a UUID seen twice in the file is found with a Bloom filter
 * (10 bits per record, 7 probes in one 64-byte block, so one memory access: about 1.5 %
 * false alarms) and, on an alarm, a look into the tables written so far; instead of keeping
 * every UUID in a scratch table, which cost a tenth of a large import. Records left out (of
 * something deleted) still go to the table. */
#define BLOOM_PROBES 7
#define BLOOM_BLOCK_WORDS 8

static void
bloom_init (Import *im)
{
  /* an exchange file spends well over 100 bytes on a record */
  guint64 bits = MAX ((guint64) im->size / 100 * 10, (guint64) 1 << 20);
  guint64 blocks = 1;

  while (blocks * BLOOM_BLOCK_WORDS * 64 < bits && blocks < ((guint64) 32 << 20) / 64)
    blocks <<= 1;
  im->bloom = g_new0 (guint64, blocks * BLOOM_BLOCK_WORDS);
  im->bloom_mask = blocks - 1;
}

/* Sets the UUID's bits; TRUE if they were all set already (maybe seen before) */
static gboolean
bloom_add (Import     *im,
           const char *uuid)
{
  guint64 h1 = 14695981039346656037u, h2;
  guint64 *block;
  gboolean all = TRUE;

  for (const char *p = uuid; *p != '\0'; p++)
    h1 = (h1 ^ (guchar) *p) * 1099511628211u;
  /* a second, independent-looking hash from the first (SplitMix64's finaliser) */
  h2 = h1 ^ (h1 >> 30);
  h2 *= 0xbf58476d1ce4e5b9u;
  h2 ^= h2 >> 27;
  h2 *= 0x94d049bb133111ebu;
  h2 ^= h2 >> 31;
  block = &im->bloom[(h1 & im->bloom_mask) * BLOOM_BLOCK_WORDS];
  for (guint i = 0; i < BLOOM_PROBES; i++)
    {
      guint bit = (guint) (h2 >> (9 * i)) & 511;
      guint64 flag = (guint64) 1 << (bit % 64);

      all = all && (block[bit / 64] & flag) != 0;
      block[bit / 64] |= flag;
    }
  return all;
}

/* Appends @format once per entity table, with the table's name for its %s. The names are
 * the compile-time identifiers of spor-entities.c, never text from a file. */
static void
append_per_table (GString    *sql,
                  const char *format)
{
  const SporEntityInfo * const *infos;
  guint n_infos;

  infos = spor_entity_infos (&n_infos);
  for (guint i = 0; i < n_infos; i++)
    g_string_append_printf (sql, format, infos[i]->table);
}

/* Whether the import has written the UUID already, as a record, a tombstone or a record
 * left out */
static gboolean
written_before (Import     *im,
                const char *uuid,
                gboolean   *found,
                GError    **error)
{
  sqlite3_stmt *stmt;
  int rc;

  if (im->written_sql == NULL)
    {
      GString *text = g_string_new ("SELECT 1 FROM tombstones WHERE uuid = ?1 "
                                    "UNION ALL SELECT 1 FROM exchange.seen WHERE uuid = ?1");

      append_per_table (text, " UNION ALL SELECT 1 FROM %s WHERE uuid = ?1");
      g_string_append (text, " LIMIT 1");
      im->written_sql = g_string_free (text, FALSE);
    }
  stmt = prepare_fast (im, im->written_sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  *found = rc == SQLITE_ROW;
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      spor_store_set_error (im->store, error, rc, _("Checking the file"));
      return FALSE;
    }
  return TRUE;
}

/* Refuses a UUID the file has had before; @written: whether the caller writes the record
 * (else its UUID is kept in the scratch table) */
static gboolean
check_uuid (Import     *im,
            const char *uuid,
            gboolean    written,
            const char *place,
            guint       line,
            GError    **error);

static gboolean
remember_uuid (Import     *im,
               const char *uuid,
               const char *place,
               guint       line,
               GError    **error)
{
  sqlite3_stmt *stmt = prepare_fast (im, "INSERT INTO exchange.seen (uuid) "
                                                      "VALUES (?)", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  if ((rc & 0xff) == SQLITE_CONSTRAINT)
    {
      refuse (error, place, line, _("the UUID %s appears twice in the file"), uuid);
      return FALSE;
    }
  if (rc != SQLITE_DONE)
    {
      spor_store_set_error (im->store, error, rc, place);
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_uuid (Import     *im,
            const char *uuid,
            gboolean    written,
            const char *place,
            guint       line,
            GError    **error)
{
  gboolean found = FALSE;

  if (im->bloom == NULL)
    return remember_uuid (im, uuid, place, line, error);
  if (bloom_add (im, uuid))
    {
      if (!written_before (im, uuid, &found, error))
        return FALSE;
      if (found)
        {
          refuse (error, place, line, _("the UUID %s appears twice in the file"), uuid);
          return FALSE;
        }
    }
  return written || remember_uuid (im, uuid, place, line, error);
}

static const char *
member_string (JsonObject *object,
               const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

/* The local copy of a record: its key (0 if there is none) and when it was last changed. */
static gboolean
find_local (Import          *im,
            const EntitySql *sql_of,
            const char      *uuid,
            const char      *place,
            gint64          *local_id,
            char           **local_updated,
            GError         **error)
{
  sqlite3_stmt *stmt = prepare_fast (im, sql_of->local, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *local_id = sqlite3_column_int64 (stmt, 0);
      *local_updated = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
    }
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      spor_store_set_error (im->store, error, rc, place);
      return FALSE;
    }
  return TRUE;
}

static gboolean
import_record (Import               *im,
               const SporEntityInfo *info,
               guint                 count_index,
               guint64               index,
               Record               *rec,
               guint                 line,
               GError              **error)
{
  char place[64];
  g_autofree Value *values = g_new0 (Value, info->n_fields);
  SporImportCount *count = &im->report->counts[count_index];
  const EntitySql *sql_of = entity_sql (info);
  const char *uuid, *created_at, *updated_at;
  const char *sql;
  g_autofree char *local_updated = NULL;
  sqlite3_stmt *stmt;
  gint64 local_id = 0;
  int rc;

  g_snprintf (place, sizeof place, "%s[%" G_GUINT64_FORMAT "]", info->table, index);

  /* Every member must be a field of the record, once. */
  for (guint m = 0; m < rec->members->len; m++)
    {
      const char *member = g_array_index (rec->members, Member, m).key;
      gboolean known = g_str_equal (member, "uuid") || g_str_equal (member, "created_at") ||
                       g_str_equal (member, "updated_at");

      for (guint f = 0; !known && f < info->n_fields; f++)
        known = g_str_equal (sql_of->names[f], member);
      if (!known)
        {
          g_autofree char *at = g_strdup_printf ("%s.%s", place, member);
          refuse (error, at, line, _("not a field of %s"), info->name);
          return FALSE;
        }
      if (record_find (rec, member) != &g_array_index (rec->members, Member, m))
        {
          g_autofree char *at = g_strdup_printf ("%s.%s", place, member);
          refuse (error, at, line, _("appears twice"));
          return FALSE;
        }
    }

#define KEY(name, check, what) \
  G_STMT_START { \
    name = record_string (rec, #name); \
    if (name == NULL || !check (name)) \
      { \
        g_autofree char *at = g_strdup_printf ("%s.%s", place, #name); \
        refuse (error, at, line, record_find (rec, #name) != NULL ? what : _("missing")); \
        return FALSE; \
      } \
  } G_STMT_END
  KEY (uuid, spor_uuid_is_valid, _("not a UUID"));
  KEY (created_at, timestamp_is_valid, _("not a time stamp"));
  KEY (updated_at, timestamp_is_valid, _("not a time stamp"));
#undef KEY

  for (guint f = 0; f < info->n_fields; f++)
    {
      const SporField *field = &info->fields[f];
      const char *name = sql_of->names[f];
      const Member *v = record_find (rec, name);
      GType vt;

      if (v == NULL || v->vt == G_TYPE_NONE)
        {
          if (field->flags & SPOR_FIELD_REQUIRED)
            {
              refuse_field (error, place, name, line, _("missing"));
              return FALSE;
            }
          /* An absent true/false is false: those columns are NOT NULL. */
          values[f].kind = field->type == SPOR_FIELD_BOOL ? SQLITE_INTEGER : SQLITE_NULL;
          values[f].i = 0;
          continue;
        }
      vt = v->vt;

      switch (field->type)
        {
        case SPOR_FIELD_INT:
          if (vt != G_TYPE_INT64)
            {
              refuse_field (error, place, name, line, _("not a whole number"));
              return FALSE;
            }
          values[f].kind = SQLITE_INTEGER;
          values[f].i = v->i;
          if ((field->flags & SPOR_FIELD_RANGE) &&
              (values[f].i < field->min || values[f].i > field->max))
            {
              refuse_field (error, place, name, line, _("out of range (%.0f to %.0f)"), field->min, field->max);
              return FALSE;
            }
          break;
        case SPOR_FIELD_REAL:
          if (vt != G_TYPE_DOUBLE && vt != G_TYPE_INT64)
            {
              refuse_field (error, place, name, line, _("not a number"));
              return FALSE;
            }
          values[f].kind = SQLITE_FLOAT;
          values[f].d = vt == G_TYPE_INT64 ? (double) v->i : v->d;
          if (!isfinite (values[f].d) ||
              ((field->flags & SPOR_FIELD_RANGE) &&
               (values[f].d < field->min || values[f].d > field->max)))
            {
              refuse_field (error, place, name, line, _("out of range (%g to %g)"), field->min, field->max);
              return FALSE;
            }
          break;
        case SPOR_FIELD_BOOL:
          if (vt != G_TYPE_BOOLEAN)
            {
              refuse_field (error, place, name, line, _("not true or false"));
              return FALSE;
            }
          values[f].kind = SQLITE_INTEGER;
          values[f].i = v->b ? 1 : 0;
          break;
        case SPOR_FIELD_REF:
          {
            const SporEntityInfo *ref = spor_entity_info_lookup (field->ref);
            const char *ref_uuid = vt == G_TYPE_STRING ? v->s : NULL;
            gint64 id;

            if (ref_uuid == NULL || !spor_uuid_is_valid (ref_uuid))
              {
                refuse_field (error, place, name, line, _("not a UUID"));
                return FALSE;
              }
            id = lookup_ref (im, ref, ref_uuid, error);
            if (id < 0)
              return FALSE;
            if (id == 0)
              {
                /* Records of something deleted here stay deleted with it. */
                if (is_tombstoned (im, ref_uuid, NULL, error))
                  {
                    count->n_unchanged++;
                    return check_uuid (im, uuid, FALSE, place, line, error);
                  }
                refuse_field (error, place, name, line,
                        _("refers to a %s that is neither in the file nor in this database"),
                        ref->name);
                return FALSE;
              }
            values[f].kind = SQLITE_INTEGER;
            values[f].i = id;
          }
          break;
        case SPOR_FIELD_TEXT:
        case SPOR_FIELD_DATE:
        case SPOR_FIELD_TIME:
        case SPOR_FIELD_ENUM:
        default:
          if (vt != G_TYPE_STRING)
            {
              refuse_field (error, place, name, line, _("not a text"));
              return FALSE;
            }
          values[f].kind = SQLITE_TEXT;
          values[f].s = v->s;
          if (field->type == SPOR_FIELD_DATE && !spor_date_is_valid (values[f].s))
            {
              refuse_field (error, place, name, line, _("not a date"));
              return FALSE;
            }
          if (field->type == SPOR_FIELD_TIME && !spor_time_is_valid (values[f].s))
            {
              refuse_field (error, place, name, line, _("not a time"));
              return FALSE;
            }
          if (field->type == SPOR_FIELD_ENUM && !g_strv_contains (field->values, values[f].s))
            {
              refuse_field (error, place, name, line, _("not one of the allowed values"));
              return FALSE;
            }
          if ((field->flags & SPOR_FIELD_REQUIRED) && field->type == SPOR_FIELD_TEXT)
            {
              g_autofree char *trimmed = g_strstrip (g_strdup (values[f].s));

              if (trimmed[0] == '\0')
                {
                  refuse_field (error, place, name, line, _("empty"));
                  return FALSE;
                }
            }
          break;
        }
    }

  if (!check_uuid (im, uuid, TRUE, place, line, error))
    return FALSE;

  /* Compare with the local copy, if the database had anything to begin with (a UUID seen
   * twice in the file has been refused above). */
  sql = sql_of->insert;
  if (!im->empty)
    {
      if (!find_local (im, sql_of, uuid, place, &local_id, &local_updated, error))
        return FALSE;
      if (local_id == 0)
        {
          g_autofree char *deleted_at = NULL;

          if (is_tombstoned (im, uuid, &deleted_at, error))
            {
              count->n_conflicts++;
              add_conflict (im, info, uuid, deleted_at, NULL);
              return TRUE;
            }
        }
      else
        {
          int cmp = strcmp (updated_at, local_updated);

          if (cmp == 0)
            {
              count->n_unchanged++;
              return TRUE;
            }
          if (cmp < 0)
            {
              count->n_conflicts++;
              add_conflict (im, info, uuid, local_updated, updated_at);
              return TRUE;
            }
          sql = sql_of->update;
        }
    }

  stmt = prepare_fast (im, sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, created_at, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, updated_at, -1, SQLITE_STATIC);
  for (guint f = 0; f < info->n_fields; f++)
    bind_value (stmt, 4 + (int) f, &values[f]);
  if (local_id != 0)
    sqlite3_bind_int64 (stmt, 4 + (int) info->n_fields, local_id);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  if (rc != SQLITE_DONE)
    {
      if ((rc & 0xff) == SQLITE_CONSTRAINT)
        refuse (error, place, line, _("breaks a rule of the database: %s"),
                sqlite3_errmsg (spor_store_get_db (im->store)));
      else
        spor_store_set_error (im->store, error, rc, place);
      return FALSE;
    }

  if (local_id == 0)
    count->n_new++;
  else
    count->n_updated++;
  /* Into an empty database every record is new and comes from this one file: one entry per
   * kind of record says so (see audit_first_import), instead of millions. */
  return im->empty || spor_store_audit (im->store, info->name, uuid, "import", NULL, error);
}

/* The audit entries of an import into an empty database: one per kind of record imported. */
static gboolean
audit_first_import (Import  *im,
                    GError **error)
{
  for (guint i = 0; i < im->report->n_counts; i++)
    if (im->report->counts[i].n_new > 0 &&
        !spor_store_audit (im->store, im->report->counts[i].entity, NULL, "import", NULL, error))
      return FALSE;
  return TRUE;
}

static gboolean
import_tombstone (Import   *im,
                  guint64   index,
                  JsonNode *node,
                  guint     line,
                  GError  **error)
{
  g_autofree char *place = g_strdup_printf ("tombstones[%" G_GUINT64_FORMAT "]", index);
  const SporEntityInfo * const *infos;
  const SporEntityInfo *info;
  const char *entity, *uuid, *deleted_at;
  JsonObject *object;
  sqlite3_stmt *stmt;
  guint n_infos, count_index = 0;
  gint64 id;
  int rc;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      refuse (error, place, line, _("not an object"));
      return FALSE;
    }
  object = json_node_get_object (node);
  if (json_object_get_size (object) != 3)
    {
      refuse (error, place, line, _("a tombstone has exactly entity, uuid and deleted_at"));
      return FALSE;
    }
  entity = member_string (object, "entity");
  uuid = member_string (object, "uuid");
  deleted_at = member_string (object, "deleted_at");
  info = entity != NULL ? spor_entity_info_lookup (entity) : NULL;
  if (info == NULL)
    {
      g_autofree char *at = g_strconcat (place, ".entity", NULL);
      refuse (error, at, line, _("not an entity of Spor"));
      return FALSE;
    }
  if (uuid == NULL || !spor_uuid_is_valid (uuid))
    {
      g_autofree char *at = g_strconcat (place, ".uuid", NULL);
      refuse (error, at, line, _("not a UUID"));
      return FALSE;
    }
  if (deleted_at == NULL || !timestamp_is_valid (deleted_at))
    {
      g_autofree char *at = g_strconcat (place, ".deleted_at", NULL);
      refuse (error, at, line, _("not a time stamp"));
      return FALSE;
    }
  if (!check_uuid (im, uuid, TRUE, place, line, error))
    return FALSE;

  infos = spor_entity_infos (&n_infos);
  for (guint i = 0; i < n_infos; i++)
    if (infos[i] == info)
      count_index = i;

  id = spor_exchange_lookup_id (im->store, info, uuid, error);
  if (id < 0)
    return FALSE;
  if (id > 0)
    {
      /* An erasure at one site reaches the others: the deletion wins over local edits. */
      stmt = spor_store_prepare (im->store, entity_sql (info)->delete, error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, id);
      rc = sqlite3_step (stmt);
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      if (rc != SQLITE_DONE)
        {
          refuse (error, place, line, _("the record cannot be deleted here: %s"),
                  sqlite3_errmsg (spor_store_get_db (im->store)));
          return FALSE;
        }
      if (!spor_store_audit (im->store, info->name, uuid, "delete", NULL, error))
        return FALSE;
      im->report->counts[count_index].n_deleted++;
    }
  else
    im->report->counts[count_index].n_unchanged++;

  stmt = spor_store_prepare (im->store, "INSERT INTO tombstones (entity, uuid, deleted_at) "
                                        "VALUES (?, ?, ?) ON CONFLICT (uuid) DO NOTHING", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, info->name, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, uuid, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, deleted_at, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  if (rc != SQLITE_DONE)
    {
      spor_store_set_error (im->store, error, rc, place);
      return FALSE;
    }
  return TRUE;
}

static gboolean
record_done (Import  *im,
             GError **error)
{
  im->n_records++;
  if (im->n_records % PROGRESS_EVERY != 0)
    return TRUE;
  if (g_cancellable_set_error_if_cancelled (im->r.cancellable, error))
    return FALSE;
  if (im->progress != NULL && im->size > 0)
    im->progress (MIN (0.99, (double) im->r.offset / (double) im->size), im->progress_data);
  return TRUE;
}

static gboolean
import_array (Import     *im,
              const char *key,
              GString    *bytes,
              GError    **error)
{
  const SporEntityInfo * const *infos;
  const SporEntityInfo *info = NULL;
  guint n_infos, count_index = 0;
  guint64 index = 0;
  int c;

  infos = spor_entity_infos (&n_infos);
  for (guint i = 0; i < n_infos; i++)
    if (g_str_equal (infos[i]->table, key))
      info = infos[i], count_index = i;

  c = reader_skip_space (&im->r);
  if (c != '[')
    {
      if (c == -1)
        refuse (error, key, im->r.line, _("the file ends too early (truncated)"));
      else
        refuse (error, key, im->r.line, _("not an array"));
      return FALSE;
    }
  reader_get (&im->r);
  c = reader_skip_space (&im->r);
  if (c == ']')
    {
      reader_get (&im->r);
      return TRUE;
    }

  for (;;)
    {
      g_autofree char *place = g_strdup_printf ("%s[%" G_GUINT64_FORMAT "]", key, index);
      guint line;

      reader_skip_space (&im->r);
      line = im->r.line;
      if (!capture_value (im, bytes, place, error))
        return FALSE;
      if (info != NULL)
        {
          RecordResult result;

          if (!g_utf8_validate (bytes->str, (gssize) bytes->len, NULL))
            {
              refuse (error, place, line, _("invalid UTF-8"));
              return FALSE;
            }
          result = parse_record (&im->record, bytes->str);
          if (result != RECORD_OK)
            {
              refuse (error, place, line, result == RECORD_NOT_OBJECT ? _("not an object")
                                                                      : _("not valid JSON"));
              return FALSE;
            }
          if (!import_record (im, info, count_index, index, &im->record, line, error))
            return FALSE;
        }
      else
        {
          g_autoptr(JsonNode) node = parse_value (im, bytes, place, line, error);

          if (node == NULL || !import_tombstone (im, index, node, line, error))
            return FALSE;
        }
      if (!record_done (im, error))
        return FALSE;
      index++;

      c = reader_skip_space (&im->r);
      if (c == ',')
        reader_get (&im->r);
      else if (c == ']')
        {
          reader_get (&im->r);
          return TRUE;
        }
      else
        {
          if (c == -1)
            refuse (error, key, im->r.line, _("the file ends too early (truncated)"));
          else
            refuse (error, key, im->r.line, _("a comma or the end of the array was expected"));
          return FALSE;
        }
    }
}

static gboolean
is_array_key (const char *key)
{
  const SporEntityInfo * const *infos;
  guint n_infos;

  if (g_str_equal (key, "tombstones"))
    return TRUE;
  infos = spor_entity_infos (&n_infos);
  for (guint i = 0; i < n_infos; i++)
    if (g_str_equal (infos[i]->table, key))
      return TRUE;
  return FALSE;
}

static gboolean
import_document (Import  *im,
                 GError **error)
{
  g_autoptr(GString) bytes = g_string_new (NULL);
  Reader *r = &im->r;
  int c;

  c = reader_skip_space (r);
  if (c == -1)
    {
      if (r->io_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&r->io_error));
          return FALSE;
        }
      refuse (error, NULL, r->line, _("The file is empty"));
      return FALSE;
    }
  if (c != '{')
    {
      refuse (error, NULL, r->line, _("This is not a JSON object, so not a Spor exchange file"));
      return FALSE;
    }
  reader_get (r);
  c = reader_skip_space (r);
  if (c == '}')
    reader_get (r);
  else
    for (;;)
      {
        g_autoptr(JsonNode) key_node = NULL;
        g_autofree char *key = NULL;
        guint line = r->line;

        if (c != '"')
          {
            if (c == -1)
              refuse (error, NULL, line, _("the file ends too early (truncated)"));
            else
              refuse (error, NULL, line, _("a member name was expected"));
            return FALSE;
          }
        if (!capture_value (im, bytes, NULL, error))
          return FALSE;
        key_node = parse_value (im, bytes, NULL, line, error);
        if (key_node == NULL)
          return FALSE;
        if (!JSON_NODE_HOLDS_VALUE (key_node) ||
            json_node_get_value_type (key_node) != G_TYPE_STRING)
          {
            refuse (error, NULL, line, _("a member name was expected"));
            return FALSE;
          }
        key = g_strdup (json_node_get_string (key_node));
        if (g_hash_table_contains (im->seen_keys, key))
          {
            refuse (error, key, line, _("appears twice"));
            return FALSE;
          }
        g_hash_table_add (im->seen_keys, g_strdup (key));

        c = reader_skip_space (r);
        if (c != ':')
          {
            if (c == -1)
              refuse (error, key, r->line, _("the file ends too early (truncated)"));
            else
              refuse (error, key, r->line, _("a colon was expected"));
            return FALSE;
          }
        reader_get (r);

        if (is_array_key (key))
          {
            if (!check_header (im, error) || !import_array (im, key, bytes, error))
              return FALSE;
          }
        else
          {
            g_autoptr(JsonNode) value = NULL;

            reader_skip_space (r);
            line = r->line;
            if (!capture_value (im, bytes, key, error))
              return FALSE;
            value = parse_value (im, bytes, key, line, error);
            if (value == NULL || !header_member (im, key, value, line, error))
              return FALSE;
          }

        c = reader_skip_space (r);
        if (c == ',')
          {
            reader_get (r);
            c = reader_skip_space (r);
          }
        else if (c == '}')
          {
            reader_get (r);
            break;
          }
        else
          {
            if (c == -1)
              refuse (error, NULL, r->line, _("the file ends too early (truncated)"));
            else
              refuse (error, NULL, r->line, _("a comma or the end of the document was expected"));
            return FALSE;
          }
      }

  if (reader_skip_space (r) != -1)
    {
      refuse (error, NULL, r->line, _("there is more after the end of the document"));
      return FALSE;
    }
  if (r->io_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&r->io_error));
      return FALSE;
    }
  return check_header (im, error);
}

/* Whether the database holds no records and no tombstones: a first import into it can
 * write straight into the file (see below). */
static gboolean
store_is_empty (SporStore *store)
{
  g_autoptr(GString) sql = g_string_new ("SELECT EXISTS (SELECT 1 FROM tombstones)");
  sqlite3_stmt *stmt;
  gboolean empty;

  append_per_table (sql, " OR EXISTS (SELECT 1 FROM %s)");
  stmt = spor_store_prepare (store, sql->str, NULL);
  if (stmt == NULL)
    return FALSE;
  empty = sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_int (stmt, 0) == 0;
  sqlite3_reset (stmt);
  return empty;
}

SporImportReport *
spor_exchange_import_stream (SporStore            *store,
                             GInputStream         *stream,
                             goffset               size,
                             gboolean              apply,
                             GCancellable         *cancellable,
                             SporExchangeProgress  progress,
                             gpointer              progress_data,
                             GError              **error)
{
  const SporEntityInfo * const *infos;
  g_autoptr(SporImportReport) report = g_new0 (SporImportReport, 1);
  g_autofree Import *im = g_new0 (Import, 1);
  g_autofree char *seen_path = NULL;
  sqlite3_stmt *attach = NULL;
  gboolean attached = FALSE;
  gboolean direct = FALSE;
  int seen_fd;
  guint n_infos;
  gboolean ok;

  g_return_val_if_fail (SPOR_IS_STORE (store), NULL);
  g_return_val_if_fail (G_IS_INPUT_STREAM (stream), NULL);

  infos = spor_entity_infos (&n_infos);
  report->n_counts = n_infos;
  report->counts = g_new0 (SporImportCount, n_infos);
  for (guint i = 0; i < n_infos; i++)
    {
      report->counts[i].entity = infos[i]->name;
      report->counts[i].table = infos[i]->table;
    }
  report->conflicts = g_ptr_array_new_with_free_func ((GDestroyNotify) conflict_free);

  im->store = store;
  im->report = report;
  im->apply = apply;
  im->size = size;
  im->progress = progress;
  im->progress_data = progress_data;
  im->r.in = stream;
  im->r.cancellable = cancellable;
  im->r.line = 1;
  im->seen_keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  im->stmts = g_hash_table_new (NULL, NULL);
  im->record.text = g_string_new (NULL);
  im->record.offsets = g_array_new (FALSE, FALSE, sizeof (gsize));
  im->record.members = g_array_new (FALSE, FALSE, sizeof (Member));

  /* A large import changes more pages than SQLite's default cache holds; 64 MB keeps them
   * in memory instead of spilling to the journal half-way. The UUIDs seen so far (millions
   * in a big file) go to a scratch database file of their own: the store keeps temporary
   * tables in memory, and this must not grow with the file. Into an empty database, and
   * when no other connection is open, a rollback journal takes the place of the
   * write-ahead log: new pages go straight into the file instead of through the log and
   * back, and a broken-off import is still rolled back from the journal. */
  seen_fd = g_file_open_tmp ("spor-import-XXXXXX.db", &seen_path, error);
  if (seen_fd >= 0)
    close (seen_fd);
  attach = seen_fd >= 0 ? spor_store_prepare (store, "ATTACH DATABASE ? AS exchange", error) : NULL;
  if (attach != NULL)
    {
      int rc;

      sqlite3_bind_text (attach, 1, seen_path, -1, SQLITE_STATIC);
      rc = sqlite3_step (attach);
      sqlite3_reset (attach);
      sqlite3_clear_bindings (attach);
      if (rc == SQLITE_DONE)
        attached = TRUE;
      else
        spor_store_set_error (store, error, rc, _("Preparing the import"));
    }
  ok = attached &&
       spor_store_exec (store, "PRAGMA exchange.journal_mode = OFF", error) &&
       spor_store_exec (store, "PRAGMA exchange.synchronous = OFF", error) &&
       spor_store_exec (store, "CREATE TABLE exchange.seen (uuid TEXT PRIMARY KEY) "
                               "WITHOUT ROWID", error) &&
       spor_store_exec (store, "PRAGMA main.cache_size = -65536", error);
  if (ok)
    {
      im->empty = store_is_empty (store);
      if (im->empty)
        bloom_init (im);
      /* refused (and left in WAL) while another connection has the file open */
      direct = apply && im->empty &&
               spor_store_exec (store, "PRAGMA main.journal_mode = DELETE", NULL);
      ok = spor_store_begin (store, error);
    }
  if (ok)
    {
      ok = import_document (im, error);
      if (ok && apply)
        {
          spor_store_note_change (store, NULL, 0, SPOR_CHANGE_MANY);
          ok = (!im->empty || audit_first_import (im, error)) &&
               spor_store_audit (store, "exchange", NULL, "import", NULL, error) &&
               spor_store_commit (store, error);
          if (!ok)
            spor_store_rollback (store);
        }
      else
        spor_store_rollback (store);
    }

  g_clear_error (&im->r.io_error);
  g_hash_table_unref (im->seen_keys);
  g_free (im->bloom);
  g_free (im->written_sql);
  g_hash_table_unref (im->stmts);
  g_clear_object (&im->parser);
  g_string_free (im->record.text, TRUE);
  g_array_unref (im->record.offsets);
  g_array_unref (im->record.members);
  /* back to SQLite's default cache and the write-ahead log, without the scratch file */
  if (direct)
    spor_store_exec (store, "PRAGMA main.journal_mode = WAL", NULL);
  spor_store_exec (store, "PRAGMA main.cache_size = -2000", NULL);
  if (attached)
    spor_store_exec (store, "DETACH DATABASE exchange", NULL);
  if (seen_path != NULL)
    g_unlink (seen_path);
  if (!ok)
    return NULL;
  report->applied = apply;
  if (progress != NULL)
    progress (1.0, progress_data);
  return g_steal_pointer (&report);
}

SporImportReport *
spor_exchange_import (SporStore            *store,
                      GFile                *file,
                      gboolean              apply,
                      GCancellable         *cancellable,
                      SporExchangeProgress  progress,
                      gpointer              progress_data,
                      GError              **error)
{
  g_autoptr(GFileInputStream) in = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) local = NULL;
  SporImportReport *report;

  in = g_file_read (file, cancellable, &local);
  if (in == NULL)
    {
      g_set_error (error, SPOR_EXCHANGE_ERROR, SPOR_EXCHANGE_ERROR_FAILED,
                   _("The file could not be read: %s"), local->message);
      return NULL;
    }
  info = g_file_input_stream_query_info (in, G_FILE_ATTRIBUTE_STANDARD_SIZE, cancellable, NULL);
  report = spor_exchange_import_stream (store, G_INPUT_STREAM (in),
                                        info != NULL ? g_file_info_get_size (info) : 0,
                                        apply, cancellable, progress, progress_data, &local);
  if (report == NULL)
    {
      if (local->domain == SPOR_EXCHANGE_ERROR || g_error_matches (local, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_propagate_error (error, g_steal_pointer (&local));
      else
        g_set_error (error, SPOR_EXCHANGE_ERROR, SPOR_EXCHANGE_ERROR_FAILED,
                     _("The import failed: %s"), local->message);
    }
  return report;
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
