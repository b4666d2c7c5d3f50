/* spor-entity.c — the base of every record
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "spor-check.h"
#include "spor-entity-private.h"
#include "spor-store.h"

typedef struct
{
  gint64                id;
  char                 *uuid;
  char                 *created_at;
  char                 *updated_at;
  const SporEntityInfo *info;
  GValue               *values;
  gboolean             *set;   /* for INT and REAL: whether the value is not NULL */
} SporEntityPrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (SporEntity, spor_entity, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_UUID,
  PROP_CREATED_AT,
  PROP_UPDATED_AT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GType
field_gtype (SporFieldType type)
{
  switch (type)
    {
    case SPOR_FIELD_INT:
    case SPOR_FIELD_REF:
      return G_TYPE_INT64;
    case SPOR_FIELD_REAL:
      return G_TYPE_DOUBLE;
    case SPOR_FIELD_BOOL:
      return G_TYPE_BOOLEAN;
    case SPOR_FIELD_TEXT:
    case SPOR_FIELD_DATE:
    case SPOR_FIELD_TIME:
    case SPOR_FIELD_ENUM:
    default:
      return G_TYPE_STRING;
    }
}

static void
spor_entity_finalize (GObject *object)
{
  SporEntity *self = SPOR_ENTITY (object);
  SporEntityPrivate *priv = spor_entity_get_instance_private (self);

  if (priv->values != NULL)
    {
      for (guint i = 0; i < priv->info->n_fields; i++)
        g_value_unset (&priv->values[i]);
      g_free (priv->values);
    }
  g_free (priv->set);
  g_free (priv->uuid);
  g_free (priv->created_at);
  g_free (priv->updated_at);

  G_OBJECT_CLASS (spor_entity_parent_class)->finalize (object);
}

static void
spor_entity_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  SporEntityPrivate *priv = spor_entity_get_instance_private (SPOR_ENTITY (object));

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, priv->id);
      break;
    case PROP_UUID:
      g_value_set_string (value, priv->uuid);
      break;
    case PROP_CREATED_AT:
      g_value_set_string (value, priv->created_at);
      break;
    case PROP_UPDATED_AT:
      g_value_set_string (value, priv->updated_at);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
spor_entity_class_init (SporEntityClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = spor_entity_finalize;
  object_class->get_property = spor_entity_get_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_UUID] =
    g_param_spec_string ("uuid", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_CREATED_AT] =
    g_param_spec_string ("created-at", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_UPDATED_AT] =
    g_param_spec_string ("updated-at", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
spor_entity_init (SporEntity *self)
{
}

/* Field properties: property id = field index + 1 */
static void
field_get_property (GObject    *object,
                    guint       prop_id,
                    GValue     *value,
                    GParamSpec *pspec)
{
  SporEntityPrivate *priv = spor_entity_get_instance_private (SPOR_ENTITY (object));

  g_value_copy (&priv->values[prop_id - 1], value);
}

static void
field_set_property (GObject      *object,
                    guint         prop_id,
                    const GValue *value,
                    GParamSpec   *pspec)
{
  SporEntityPrivate *priv = spor_entity_get_instance_private (SPOR_ENTITY (object));

  g_value_copy (value, &priv->values[prop_id - 1]);
  priv->set[prop_id - 1] = TRUE;
}

void
spor_entity_class_setup (SporEntityClass      *klass,
                         const SporEntityInfo *info)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  klass->info = info;
  object_class->get_property = field_get_property;
  object_class->set_property = field_set_property;
  klass->field_pspecs = g_new0 (GParamSpec *, info->n_fields);

  for (guint i = 0; i < info->n_fields; i++)
    {
      const SporField *field = &info->fields[i];
      g_autofree char *prop_name = g_strdelimit (g_strdup (field->name), "_", '-');
      const char *name = g_intern_string (prop_name);
      GParamFlags flags = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;
      GParamSpec *pspec;

      switch (field->type)
        {
        case SPOR_FIELD_INT:
          if (field->flags & SPOR_FIELD_RANGE)
            pspec = g_param_spec_int64 (name, NULL, NULL, (gint64) field->min,
                                        (gint64) field->max, (gint64) field->min, flags);
          else
            pspec = g_param_spec_int64 (name, NULL, NULL, G_MININT64, G_MAXINT64, 0, flags);
          break;
        case SPOR_FIELD_REF:
          pspec = g_param_spec_int64 (name, NULL, NULL, 0, G_MAXINT64, 0, flags);
          break;
        case SPOR_FIELD_REAL:
          pspec = g_param_spec_double (name, NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0, flags);
          break;
        case SPOR_FIELD_BOOL:
          pspec = g_param_spec_boolean (name, NULL, NULL, FALSE, flags);
          break;
        case SPOR_FIELD_TEXT:
        case SPOR_FIELD_DATE:
        case SPOR_FIELD_TIME:
        case SPOR_FIELD_ENUM:
        default:
          pspec = g_param_spec_string (name, NULL, NULL, NULL, flags);
          break;
        }
      klass->field_pspecs[i] = pspec;
      g_object_class_install_property (object_class, i + 1, pspec);
    }
}

void
spor_entity_init_fields (SporEntity           *self,
                         const SporEntityInfo *info)
{
  SporEntityPrivate *priv = spor_entity_get_instance_private (self);

  priv->info = info;
  priv->values = g_new0 (GValue, info->n_fields);
  priv->set = g_new0 (gboolean, info->n_fields);
  for (guint i = 0; i < info->n_fields; i++)
    {
      const SporField *field = &info->fields[i];

      g_value_init (&priv->values[i], field_gtype (field->type));
      /* The first allowed value is the default of a required enumeration. */
      if (field->type == SPOR_FIELD_ENUM && (field->flags & SPOR_FIELD_REQUIRED))
        g_value_set_static_string (&priv->values[i],
                                   spor_value_list_get_value (field->values, 0));
      if (field->type == SPOR_FIELD_BOOL)
        priv->set[i] = TRUE;
      /* as the schema's DEFAULT 1: a new staff member or contact is active until made
       * otherwise (the store writes every flag, so the default must be here) */
      if (field->type == SPOR_FIELD_BOOL && g_str_equal (field->name, "active"))
        g_value_set_boolean (&priv->values[i], TRUE);
    }
}

const SporEntityInfo *
spor_entity_info_lookup (const char *name)
{
  guint n;
  const SporEntityInfo * const *infos = spor_entity_infos (&n);

  for (guint i = 0; i < n; i++)
    if (g_strcmp0 (infos[i]->name, name) == 0)
      return infos[i];
  return NULL;
}

const SporEntityInfo *
spor_entity_info_for_type (GType type)
{
  g_autoptr(GTypeClass) klass = NULL;

  if (!g_type_is_a (type, SPOR_TYPE_ENTITY) || G_TYPE_IS_ABSTRACT (type))
    return NULL;
  klass = g_type_class_ref (type);
  return SPOR_ENTITY_CLASS (klass)->info;
}

int
spor_entity_info_field_index (const SporEntityInfo *info,
                              const char           *name)
{
  for (guint i = 0; i < info->n_fields; i++)
    if (strcmp (info->fields[i].name, name) == 0)
      return (int) i;
  return -1;
}

const SporField *
spor_entity_info_find_field (const SporEntityInfo *info,
                             const char           *name)
{
  int i = spor_entity_info_field_index (info, name);

  return i < 0 ? NULL : &info->fields[i];
}

gpointer
spor_entity_new (GType type)
{
  g_return_val_if_fail (g_type_is_a (type, SPOR_TYPE_ENTITY), NULL);
  return g_object_new (type, NULL);
}

const SporEntityInfo *
spor_entity_get_info (SporEntity *self)
{
  SporEntityPrivate *priv = spor_entity_get_instance_private (self);

  return priv->info;
}

gint64
spor_entity_get_id (SporEntity *self)
{
  SporEntityPrivate *priv = spor_entity_get_instance_private (self);

  return priv->id;
}

const char *
spor_entity_get_uuid (SporEntity *self)
{
  SporEntityPrivate *priv = spor_entity_get_instance_private (self);

  return priv->uuid;
}

const char *
spor_entity_get_created_at (SporEntity *self)
{
  SporEntityPrivate *priv = spor_entity_get_instance_private (self);

  return priv->created_at;
}

const char *
spor_entity_get_updated_at (SporEntity *self)
{
  SporEntityPrivate *priv = spor_entity_get_instance_private (self);

  return priv->updated_at;
}

static void
replace_string (char      **slot,
                const char *value)
{
  if (*slot == value)
    return;
  g_free (*slot);
  *slot = g_strdup (value);
}

void
spor_entity_set_keys (SporEntity *self,
                      gint64      id,
                      const char *uuid,
                      const char *created_at,
                      const char *updated_at)
{
  SporEntityPrivate *priv = spor_entity_get_instance_private (self);

  priv->id = id;
  replace_string (&priv->uuid, uuid);
  replace_string (&priv->created_at, created_at);
  replace_string (&priv->updated_at, updated_at);
}

void
spor_entity_reset (SporEntity *self)
{
  SporEntityPrivate *priv = spor_entity_get_instance_private (self);

  spor_entity_set_keys (self, 0, NULL, NULL, NULL);
  for (guint i = 0; i < priv->info->n_fields; i++)
    {
      const SporField *field = &priv->info->fields[i];

      g_value_reset (&priv->values[i]);
      priv->set[i] = field->type == SPOR_FIELD_BOOL;
      if (field->type == SPOR_FIELD_ENUM && (field->flags & SPOR_FIELD_REQUIRED))
        g_value_set_static_string (&priv->values[i],
                                   spor_value_list_get_value (field->values, 0));
    }
}

gboolean
spor_entity_value_present (SporEntity *self,
                           guint       index)
{
  SporEntityPrivate *priv = spor_entity_get_instance_private (self);

  return priv->set[index];
}

void
spor_entity_set_value_present (SporEntity *self,
                               guint       index,
                               gboolean    present)
{
  SporEntityPrivate *priv = spor_entity_get_instance_private (self);

  priv->set[index] = present || priv->info->fields[index].type == SPOR_FIELD_BOOL;
}

gboolean
spor_entity_has_value (SporEntity *self,
                       guint       index)
{
  const GValue *value = spor_entity_peek_value (self, index);

  switch (spor_entity_get_info (self)->fields[index].type)
    {
    case SPOR_FIELD_REF:
      return g_value_get_int64 (value) != 0;
    case SPOR_FIELD_INT:
    case SPOR_FIELD_REAL:
    case SPOR_FIELD_BOOL:
      return spor_entity_value_present (self, index);
    default:
      return g_value_get_string (value) != NULL && *g_value_get_string (value) != '\0';
    }
}

GValue *
spor_entity_peek_value (SporEntity *self,
                        guint       index)
{
  SporEntityPrivate *priv = spor_entity_get_instance_private (self);

  g_return_val_if_fail (index < priv->info->n_fields, NULL);
  return &priv->values[index];
}

static int
checked_index (SporEntity *self,
               const char *field,
               GType       expected)
{
  SporEntityPrivate *priv = spor_entity_get_instance_private (self);
  int i = spor_entity_info_field_index (priv->info, field);

  if (i < 0)
    {
      g_critical ("%s has no field %s", priv->info->name, field);
      return -1;
    }
  if (expected != G_TYPE_INVALID && G_VALUE_TYPE (&priv->values[i]) != expected)
    {
      g_critical ("%s.%s is not of type %s", priv->info->name, field, g_type_name (expected));
      return -1;
    }
  return i;
}

static void
notify_field (SporEntity *self,
              int         i)
{
  g_object_notify_by_pspec (G_OBJECT (self), SPOR_ENTITY_GET_CLASS (self)->field_pspecs[i]);
}

gboolean
spor_entity_is_set (SporEntity *self,
                    const char *field)
{
  SporEntityPrivate *priv = spor_entity_get_instance_private (self);
  int i = checked_index (self, field, G_TYPE_INVALID);

  if (i < 0)
    return FALSE;
  switch (priv->info->fields[i].type)
    {
    case SPOR_FIELD_REF:
      return g_value_get_int64 (&priv->values[i]) != 0;
    case SPOR_FIELD_INT:
    case SPOR_FIELD_REAL:
    case SPOR_FIELD_BOOL:
      return priv->set[i];
    default:
      return g_value_get_string (&priv->values[i]) != NULL;
    }
}

void
spor_entity_unset (SporEntity *self,
                   const char *field)
{
  SporEntityPrivate *priv = spor_entity_get_instance_private (self);
  int i = checked_index (self, field, G_TYPE_INVALID);

  if (i < 0)
    return;
  g_value_reset (&priv->values[i]);
  priv->set[i] = priv->info->fields[i].type == SPOR_FIELD_BOOL;
  notify_field (self, i);
}

const char *
spor_entity_get_text (SporEntity *self,
                      const char *field)
{
  SporEntityPrivate *priv = spor_entity_get_instance_private (self);
  int i = checked_index (self, field, G_TYPE_STRING);

  return i < 0 ? NULL : g_value_get_string (&priv->values[i]);
}

void
spor_entity_set_text (SporEntity *self,
                      const char *field,
                      const char *value)
{
  SporEntityPrivate *priv = spor_entity_get_instance_private (self);
  int i = checked_index (self, field, G_TYPE_STRING);

  if (i < 0)
    return;
  g_value_set_string (&priv->values[i], value);
  notify_field (self, i);
}

gint64
spor_entity_get_int (SporEntity *self,
                     const char *field)
{
  SporEntityPrivate *priv = spor_entity_get_instance_private (self);
  int i = checked_index (self, field, G_TYPE_INT64);

  return i < 0 ? 0 : g_value_get_int64 (&priv->values[i]);
}

void
spor_entity_set_int (SporEntity *self,
                     const char *field,
                     gint64      value)
{
  SporEntityPrivate *priv = spor_entity_get_instance_private (self);
  int i = checked_index (self, field, G_TYPE_INT64);

  if (i < 0)
    return;
  g_value_set_int64 (&priv->values[i], value);
  priv->set[i] = TRUE;
  notify_field (self, i);
}

double
spor_entity_get_real (SporEntity *self,
                      const char *field)
{
  SporEntityPrivate *priv = spor_entity_get_instance_private (self);
  int i = checked_index (self, field, G_TYPE_DOUBLE);

  return i < 0 ? 0.0 : g_value_get_double (&priv->values[i]);
}

void
spor_entity_set_real (SporEntity *self,
                      const char *field,
                      double      value)
{
  SporEntityPrivate *priv = spor_entity_get_instance_private (self);
  int i = checked_index (self, field, G_TYPE_DOUBLE);

  if (i < 0)
    return;
  g_value_set_double (&priv->values[i], value);
  priv->set[i] = TRUE;
  notify_field (self, i);
}

gboolean
spor_entity_get_bool (SporEntity *self,
                      const char *field)
{
  SporEntityPrivate *priv = spor_entity_get_instance_private (self);
  int i = checked_index (self, field, G_TYPE_BOOLEAN);

  return i < 0 ? FALSE : g_value_get_boolean (&priv->values[i]);
}

void
spor_entity_set_bool (SporEntity *self,
                      const char *field,
                      gboolean    value)
{
  SporEntityPrivate *priv = spor_entity_get_instance_private (self);
  int i = checked_index (self, field, G_TYPE_BOOLEAN);

  if (i < 0)
    return;
  g_value_set_boolean (&priv->values[i], !!value);
  notify_field (self, i);
}

gboolean
spor_entity_validate (SporEntity *self,
                      GError    **error)
{
  g_autoptr(GPtrArray) problems = spor_check_fields (self);

  if (problems->len == 0)
    return TRUE;
  g_set_error_literal (error, SPOR_STORE_ERROR, SPOR_STORE_ERROR_INVALID,
                       ((SporProblem *) g_ptr_array_index (problems, 0))->message);
  return FALSE;
}
