/* spor-exchange-schema.c — the JSON Schema of the exchange format
 *
 * Made from the entity descriptions of spor-entities.c and the value lists of
 * spor-values.c, so that a field added there is in the schema too; data/
 * spor-exchange.schema.json is this text, and a test compares the two.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <json-glib/json-glib.h>

#include "spor-exchange-private.h"

/* --- small pieces ----------------------------------------------------------------- */

/* "name": "value" */
static void
set_string (JsonBuilder *b,
            const char  *name,
            const char  *value)
{
  json_builder_set_member_name (b, name);
  json_builder_add_string_value (b, value);
}

/* "name": value */
static void
set_int (JsonBuilder *b,
         const char  *name,
         gint64       value)
{
  json_builder_set_member_name (b, name);
  json_builder_add_int_value (b, value);
}

/* "name": { "type": type } */
static void
member_of_type (JsonBuilder *b,
                const char  *name,
                const char  *type)
{
  json_builder_set_member_name (b, name);
  json_builder_begin_object (b);
  set_string (b, "type", type);
  json_builder_end_object (b);
}

/* "name": { "$ref": "#/$defs/def" } */
static void
member_ref (JsonBuilder *b,
            const char  *name,
            const char  *def)
{
  g_autofree char *ref = g_strconcat ("#/$defs/", def, NULL);

  json_builder_set_member_name (b, name);
  json_builder_begin_object (b);
  set_string (b, "$ref", ref);
  json_builder_end_object (b);
}

/* "name": [ the strings of @values ] */
static void
member_strings (JsonBuilder        *b,
                const char         *name,
                const char * const *values)
{
  json_builder_set_member_name (b, name);
  json_builder_begin_array (b);
  for (guint i = 0; values[i] != NULL; i++)
    json_builder_add_string_value (b, values[i]);
  json_builder_end_array (b);
}

/* Opens an object of type "object" with no other members than its properties, which the
 * caller adds after @required (NULL-terminated, may be NULL: added by the caller too) and
 * closes with end_object_properties(). */
static void
begin_object_properties (JsonBuilder        *b,
                         const char * const *required)
{
  json_builder_begin_object (b);
  set_string (b, "type", "object");
  json_builder_set_member_name (b, "additionalProperties");
  json_builder_add_boolean_value (b, FALSE);
  if (required != NULL)
    member_strings (b, "required", required);
}

static void
end_object_properties (JsonBuilder *b)
{
  json_builder_end_object (b); /* properties */
  json_builder_end_object (b);
}

/* "name": { "type": "array", "items": { "$ref": "#/$defs/def" } } */
static void
member_array_of (JsonBuilder *b,
                 const char  *name,
                 const char  *def)
{
  json_builder_set_member_name (b, name);
  json_builder_begin_object (b);
  set_string (b, "type", "array");
  member_ref (b, "items", def);
  json_builder_end_object (b);
}

/* "name": { "type": "string", "format": format, "pattern": pattern }, each if given */
static void
string_def (JsonBuilder *b,
            const char  *name,
            const char  *format,
            const char  *pattern)
{
  json_builder_set_member_name (b, name);
  json_builder_begin_object (b);
  set_string (b, "type", "string");
  if (format != NULL)
    set_string (b, "format", format);
  if (pattern != NULL)
    set_string (b, "pattern", pattern);
  json_builder_end_object (b);
}

/* --- the header ------------------------------------------------------------------- */

/* "name": { "const": the format's name } */
static void
member_const_string (JsonBuilder *b,
                     const char  *name,
                     const char  *value)
{
  json_builder_set_member_name (b, name);
  json_builder_begin_object (b);
  set_string (b, "const", value);
  json_builder_end_object (b);
}

static void
add_site (JsonBuilder *b)
{
  static const char * const required[] = { "id", NULL };

  json_builder_set_member_name (b, "site");
  begin_object_properties (b, required);
  json_builder_set_member_name (b, "properties");
  json_builder_begin_object (b);
  member_ref (b, "id", "uuid");
  member_of_type (b, "name", "string");
  end_object_properties (b);
}

static void
add_scope (JsonBuilder *b)
{
  static const char * const required[] = { "kind", NULL };
  static const char * const kinds[] = { "all", "programme", "cohort", NULL };

  json_builder_set_member_name (b, "scope");
  begin_object_properties (b, required);
  json_builder_set_member_name (b, "properties");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "kind");
  json_builder_begin_object (b);
  member_strings (b, "enum", kinds);
  json_builder_end_object (b);
  member_ref (b, "uuid", "uuid");
  end_object_properties (b);
}

/* The properties of the document: the header, then an array per entity and the tombstones */
static void
add_properties (JsonBuilder                  *b,
                const SporEntityInfo * const *infos,
                guint                         n_infos)
{
  json_builder_set_member_name (b, "properties");
  json_builder_begin_object (b);
  member_const_string (b, "format", SPOR_EXCHANGE_FORMAT);
  json_builder_set_member_name (b, "version");
  json_builder_begin_object (b);
  set_int (b, "const", SPOR_EXCHANGE_VERSION);
  json_builder_end_object (b);
  member_ref (b, "exported_at", "timestamp");
  add_site (b);
  member_of_type (b, "anonymized", "boolean");
  add_scope (b);
  for (guint i = 0; i < n_infos; i++)
    member_array_of (b, infos[i]->table, infos[i]->name);
  member_array_of (b, "tombstones", "tombstone");
  json_builder_end_object (b);
}

/* --- the records ------------------------------------------------------------------ */

/* The schema of the value of @field */
static void
field_value (JsonBuilder     *b,
             const SporField *field)
{
  json_builder_begin_object (b);
  switch (field->type)
    {
    case SPOR_FIELD_INT:
      set_string (b, "type", "integer");
      if (field->flags & SPOR_FIELD_RANGE)
        {
          set_int (b, "minimum", (gint64) field->min);
          set_int (b, "maximum", (gint64) field->max);
        }
      break;
    case SPOR_FIELD_REAL:
      set_string (b, "type", "number");
      if (field->flags & SPOR_FIELD_RANGE)
        {
          json_builder_set_member_name (b, "minimum");
          json_builder_add_double_value (b, field->min);
          json_builder_set_member_name (b, "maximum");
          json_builder_add_double_value (b, field->max);
        }
      break;
    case SPOR_FIELD_BOOL:
      set_string (b, "type", "boolean");
      break;
    case SPOR_FIELD_DATE:
      set_string (b, "$ref", "#/$defs/date");
      break;
    case SPOR_FIELD_TIME:
      set_string (b, "$ref", "#/$defs/time");
      break;
    case SPOR_FIELD_REF:
      set_string (b, "$ref", "#/$defs/uuid");
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
      set_string (b, "type", "string");
      break;
    }
  json_builder_end_object (b);
}

/* Only in anonymised files, instead of a personal date: its year */
static void
year_property (JsonBuilder     *b,
               const SporField *field)
{
  g_autofree char *year = year_field_name (field);

  json_builder_set_member_name (b, year);
  json_builder_begin_object (b);
  set_string (b, "type", "integer");
  set_int (b, "minimum", 1);
  set_int (b, "maximum", 9999);
  set_string (b, "description", "Only in anonymised files, instead of the date");
  json_builder_end_object (b);
}

/* The record of one entity: its keys and fields; required are the keys and the required
 * fields that an anonymised file keeps. */
static void
entity_def (JsonBuilder          *b,
            const SporEntityInfo *info)
{
  json_builder_set_member_name (b, info->name);
  begin_object_properties (b, NULL);
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
  member_ref (b, "uuid", "uuid");
  member_ref (b, "created_at", "timestamp");
  member_ref (b, "updated_at", "timestamp");
  for (guint f = 0; f < info->n_fields; f++)
    {
      const SporField *field = &info->fields[f];
      g_autofree char *name = file_field_name (field);

      json_builder_set_member_name (b, name);
      field_value (b, field);
      if (field->type == SPOR_FIELD_DATE && (field->flags & SPOR_FIELD_PERSONAL))
        year_property (b, field);
    }
  end_object_properties (b);
}

static void
tombstone_def (JsonBuilder                  *b,
               const SporEntityInfo * const *infos,
               guint                         n_infos)
{
  static const char * const required[] = { "entity", "uuid", "deleted_at", NULL };

  json_builder_set_member_name (b, "tombstone");
  begin_object_properties (b, required);
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
  member_ref (b, "uuid", "uuid");
  member_ref (b, "deleted_at", "timestamp");
  end_object_properties (b);
}

static void
add_defs (JsonBuilder                  *b,
          const SporEntityInfo * const *infos,
          guint                         n_infos)
{
  json_builder_set_member_name (b, "$defs");
  json_builder_begin_object (b);
  string_def (b, "uuid", NULL, "^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$");
  string_def (b, "timestamp", "date-time", NULL);
  string_def (b, "date", "date", "^[0-9]{4}-[0-9]{2}-[0-9]{2}$");
  string_def (b, "time", NULL, "^([01][0-9]|2[0-3]):[0-5][0-9]$");
  tombstone_def (b, infos, n_infos);
  for (guint i = 0; i < n_infos; i++)
    entity_def (b, infos[i]);
  json_builder_end_object (b);
}

/* --- the document ----------------------------------------------------------------- */

char *
spor_exchange_build_schema (void)
{
  static const char * const required[] = {
    "format", "version", "exported_at", "site", "anonymized", NULL
  };
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonGenerator) gen = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *text = NULL;
  guint n_infos;
  const SporEntityInfo * const *infos = spor_entity_infos (&n_infos);

  json_builder_begin_object (b);
  set_string (b, "$schema", "https://json-schema.org/draft/2020-12/schema");
  set_string (b, "title", "Spor exchange file, version 1");
  set_string (b, "description", "Made from the entity descriptions of Spor "
                                    "(src/core/spor-entities.c); see docs/exchange-format.md. "
                                    "Personal and free-text fields are optional here because "
                                    "an anonymised file leaves them out.");
  set_string (b, "type", "object");
  json_builder_set_member_name (b, "additionalProperties");
  json_builder_add_boolean_value (b, FALSE);
  member_strings (b, "required", required);
  add_properties (b, infos, n_infos);
  add_defs (b, infos, n_infos);
  json_builder_end_object (b);

  root = json_builder_get_root (b);
  json_generator_set_root (gen, root);
  json_generator_set_pretty (gen, TRUE);
  json_generator_set_indent (gen, 2);
  text = json_generator_to_data (gen, NULL);
  return g_strconcat (text, "\n", NULL);
}
