/* spor-exchange.c — what the export and the import of exchange files share
 *
 * Everything is driven by the entity descriptions of spor-entities.c, so a field added
 * there travels without changes here. The SQL below is assembled only from identifiers of
 * those compile-time tables (table and column names); every value is a bound parameter.
 * The export is in spor-exchange-export.c, the import in spor-exchange-import.c (reading
 * the file with spor-exchange-scan.c), the JSON Schema in spor-exchange-schema.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
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

void
spor_exchange_refuse_member (GError    **error,
                             const char *place,
                             const char *member,
                             guint       line,
                             const char *format,
                             ...)
{
  g_autofree char *shown = spor_printable (member);
  g_autofree char *at = g_strdup_printf ("%s.%s", place, shown);
  g_autofree char *reason = NULL;
  va_list args;

  va_start (args, format);
  reason = g_strdup_vprintf (format, args);
  va_end (args);
  spor_exchange_refuse (error, at, line, "%s", reason);
}

/* The names of an entity's fields in the file, made once from its description. */
typedef struct
{
  const char **names;  /* file name of each field, interned */
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

gint64
spor_exchange_lookup_id (SporStore            *store,
                         const SporEntityInfo *info,
                         const char           *uuid,
                         GError              **error)
{
  gint64 id = 0;

  return spor_store_find_id (store, info, uuid, &id, NULL, error) ? id : -1;
}
