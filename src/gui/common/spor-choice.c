/* spor-choice.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "spor-choice.h"

struct _SporChoice
{
  GObject  parent_instance;

  char    *value;
  char    *label;
};

G_DEFINE_FINAL_TYPE (SporChoice, spor_choice, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_VALUE,
  PROP_LABEL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
spor_choice_finalize (GObject *object)
{
  SporChoice *self = SPOR_CHOICE (object);

  g_free (self->value);
  g_free (self->label);
  G_OBJECT_CLASS (spor_choice_parent_class)->finalize (object);
}

static void
spor_choice_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  SporChoice *self = SPOR_CHOICE (object);

  switch (prop_id)
    {
    case PROP_VALUE:
      g_value_set_string (value, self->value);
      break;
    case PROP_LABEL:
      g_value_set_string (value, self->label);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
spor_choice_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  SporChoice *self = SPOR_CHOICE (object);

  switch (prop_id)
    {
    case PROP_VALUE:
      self->value = g_value_dup_string (value);
      break;
    case PROP_LABEL:
      self->label = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
spor_choice_class_init (SporChoiceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = spor_choice_finalize;
  object_class->get_property = spor_choice_get_property;
  object_class->set_property = spor_choice_set_property;

  properties[PROP_VALUE] =
    g_param_spec_string ("value", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LABEL] =
    g_param_spec_string ("label", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
spor_choice_init (SporChoice *self)
{
}

SporChoice *
spor_choice_new (const char *value,
                 const char *label)
{
  g_return_val_if_fail (label != NULL, NULL);

  return g_object_new (SPOR_TYPE_CHOICE, "value", value, "label", label, NULL);
}

const char *
spor_choice_get_value (SporChoice *self)
{
  g_return_val_if_fail (SPOR_IS_CHOICE (self), NULL);
  return self->value;
}

const char *
spor_choice_get_label (SporChoice *self)
{
  g_return_val_if_fail (SPOR_IS_CHOICE (self), NULL);
  return self->label;
}

static gboolean
is_drop_down (gpointer drop_down)
{
  return GTK_IS_DROP_DOWN (drop_down) || ADW_IS_COMBO_ROW (drop_down);
}

static guint
find (GListModel *choices,
      const char *value)
{
  guint n = g_list_model_get_n_items (choices);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SporChoice) choice = g_list_model_get_item (choices, i);

      if (g_strcmp0 (choice->value, value) == 0)
        return i;
    }
  return GTK_INVALID_LIST_POSITION;
}

void
spor_choice_set_model (gpointer    drop_down,
                       GListModel *choices,
                       const char *value)
{
  g_autoptr(GtkExpression) label = NULL;
  guint position;

  g_return_if_fail (is_drop_down (drop_down));
  g_return_if_fail (G_IS_LIST_MODEL (choices));

  label = gtk_property_expression_new (SPOR_TYPE_CHOICE, NULL, "label");
  position = find (choices, value);
  g_object_set (drop_down,
                "expression", label,
                "model", choices,
                "selected", position != GTK_INVALID_LIST_POSITION ? position : 0,
                NULL);
}

gboolean
spor_choice_select (gpointer    drop_down,
                    const char *value)
{
  g_autoptr(GListModel) choices = NULL;
  guint position;

  g_return_val_if_fail (is_drop_down (drop_down), FALSE);

  g_object_get (drop_down, "model", &choices, NULL);
  if (choices == NULL || (position = find (choices, value)) == GTK_INVALID_LIST_POSITION)
    return FALSE;
  g_object_set (drop_down, "selected", position, NULL);
  return TRUE;
}

const char *
spor_choice_get_selected (gpointer drop_down)
{
  g_autoptr(GObject) item = NULL;

  g_return_val_if_fail (is_drop_down (drop_down), NULL);

  g_object_get (drop_down, "selected-item", &item, NULL);
  /* the model holds the choice: its value outlives this reference */
  return SPOR_IS_CHOICE (item) ? SPOR_CHOICE (item)->value : NULL;
}
