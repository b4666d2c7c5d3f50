/* spor-templates.c — the built-in programmes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "spor-templates.h"

#define TEMPLATES_RESOURCE "/dk/kulturspor/Spor/core/programme-templates.json"

void
spor_template_free (SporTemplate *template)
{
  if (template == NULL)
    return;
  g_free (template->key);
  g_free (template->name);
  g_free (template->organisations);
  g_free (template->description);
  g_free (template);
}

static JsonArray *
load_templates (JsonParser **parser_out,
                GError     **error)
{
  g_autoptr(GBytes) bytes = g_resources_lookup_data (TEMPLATES_RESOURCE, 0, error);
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonNode *root;
  JsonObject *object;

  if (bytes == NULL)
    return NULL;
  if (!json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL),
                                   (gssize) g_bytes_get_size (bytes), error))
    return NULL;
  root = json_parser_get_root (parser);
  if (!JSON_NODE_HOLDS_OBJECT (root) ||
      !json_object_has_member (object = json_node_get_object (root), "templates") ||
      !JSON_NODE_HOLDS_ARRAY (json_object_get_member (object, "templates")))
    {
      g_set_error_literal (error, SPOR_STORE_ERROR, SPOR_STORE_ERROR_FAILED,
                           _("The built-in programme templates are damaged."));
      return NULL;
    }
  *parser_out = g_steal_pointer (&parser);
  return json_object_get_array_member (object, "templates");
}

static char *
dup_member (JsonObject *object,
            const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  return node != NULL && JSON_NODE_HOLDS_VALUE (node) ? g_strdup (json_node_get_string (node)) : NULL;
}

static guint
array_length (JsonObject *object,
              const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  return node != NULL && JSON_NODE_HOLDS_ARRAY (node)
    ? json_array_get_length (json_node_get_array (node)) : 0;
}

GPtrArray *
spor_templates_list (GError **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GPtrArray) result = g_ptr_array_new_with_free_func ((GDestroyNotify) spor_template_free);
  JsonArray *templates = load_templates (&parser, error);

  if (templates == NULL)
    return NULL;
  for (guint i = 0; i < json_array_get_length (templates); i++)
    {
      JsonObject *t = json_array_get_object_element (templates, i);
      JsonObject *programme = json_object_get_object_member (t, "programme");
      SporTemplate *template = g_new0 (SporTemplate, 1);

      template->key = dup_member (t, "key");
      template->name = dup_member (programme, "name");
      template->organisations = dup_member (programme, "organisations");
      template->description = dup_member (programme, "description");
      template->n_phases = array_length (t, "phases");
      template->n_goals = array_length (t, "goals");
      g_ptr_array_add (result, template);
    }
  return g_steal_pointer (&result);
}

/* Sets the fields of @entity from the members of @object that name one of them. */
static gboolean
set_fields (SporEntity *entity,
            JsonObject *object,
            GError    **error)
{
  const SporEntityInfo *info = spor_entity_get_info (entity);

  for (guint i = 0; i < info->n_fields; i++)
    {
      const SporField *field = &info->fields[i];
      JsonNode *node = json_object_get_member (object, field->name);

      if (node == NULL || JSON_NODE_HOLDS_NULL (node))
        continue;
      if (!JSON_NODE_HOLDS_VALUE (node))
        goto bad;
      switch (field->type)
        {
        case SPOR_FIELD_INT:
          if (json_node_get_value_type (node) != G_TYPE_INT64)
            goto bad;
          spor_entity_set_int (entity, field->name, json_node_get_int (node));
          break;
        case SPOR_FIELD_REAL:
          spor_entity_set_real (entity, field->name, json_node_get_double (node));
          break;
        case SPOR_FIELD_BOOL:
          if (json_node_get_value_type (node) != G_TYPE_BOOLEAN)
            goto bad;
          spor_entity_set_bool (entity, field->name, json_node_get_boolean (node));
          break;
        case SPOR_FIELD_REF:
          goto bad;
        default:
          if (json_node_get_value_type (node) != G_TYPE_STRING)
            goto bad;
          spor_entity_set_text (entity, field->name, json_node_get_string (node));
          break;
        }
      continue;
    bad:
      g_set_error (error, SPOR_STORE_ERROR, SPOR_STORE_ERROR_INVALID,
                   _("Programme template: %s.%s has the wrong type"), info->name, field->name);
      return FALSE;
    }
  return TRUE;
}

static gboolean
insert_children (SporStore  *store,
                 JsonObject *template,
                 const char *member,
                 GType       type,
                 gint64      programme_id,
                 GError    **error)
{
  JsonNode *node = json_object_get_member (template, member);
  JsonArray *array;

  if (node == NULL)
    return TRUE;
  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autoptr(SporEntity) child = spor_entity_new (type);

      spor_entity_set_int (child, "programme_id", programme_id);
      spor_entity_set_int (child, "position", i);
      if (!set_fields (child, json_array_get_object_element (array, i), error) ||
          !spor_store_insert (store, child, error))
        return FALSE;
    }
  return TRUE;
}

SporProgramme *
spor_templates_create_programme (SporStore  *store,
                                 const char *key,
                                 GError    **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(SporEntity) programme = NULL;
  JsonArray *templates;
  JsonObject *template = NULL;

  g_return_val_if_fail (SPOR_IS_STORE (store), NULL);

  templates = load_templates (&parser, error);
  if (templates == NULL)
    return NULL;
  for (guint i = 0; i < json_array_get_length (templates) && template == NULL; i++)
    {
      JsonObject *t = json_array_get_object_element (templates, i);

      if (g_strcmp0 (json_object_get_string_member_with_default (t, "key", ""), key) == 0)
        template = t;
    }
  if (template == NULL)
    {
      g_set_error (error, SPOR_STORE_ERROR, SPOR_STORE_ERROR_NOT_FOUND,
                   _("There is no programme template “%s”"), key);
      return NULL;
    }

  programme = spor_entity_new (SPOR_TYPE_PROGRAMME);
  spor_entity_set_text (programme, "template", key);
  if (!set_fields (programme, json_object_get_object_member (template, "programme"), error))
    return NULL;

  if (!spor_store_begin (store, error))
    return NULL;
  if (!spor_store_insert (store, programme, error) ||
      !insert_children (store, template, "phases", SPOR_TYPE_PHASE,
                        spor_entity_get_id (programme), error) ||
      !insert_children (store, template, "goals", SPOR_TYPE_PROGRAMME_GOAL,
                        spor_entity_get_id (programme), error) ||
      !spor_store_commit (store, error))
    {
      spor_store_rollback (store);
      return NULL;
    }
  return SPOR_PROGRAMME (g_steal_pointer (&programme));
}
