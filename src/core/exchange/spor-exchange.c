/* spor-exchange.c — what the export and the import of exchange files share, and the schema
 *
 * Everything is driven by the entity descriptions of spor-entities.c, so a field added
 * there travels without changes here. The SQL below is assembled only from identifiers of
 * those compile-time tables (table and column names); every value is a bound parameter.
 * The export is in spor-exchange-export.c, the import in spor-exchange-import.c (reading
 * the file with spor-exchange-scan.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
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
      for (guint v = 0; v < spor_value_list_get_n_values (field->values); v++)
        json_builder_add_string_value (b, spor_value_list_get_value (field->values, v));
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
