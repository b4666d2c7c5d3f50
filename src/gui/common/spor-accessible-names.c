/* spor-accessible-names.c — accessible names without mnemonic underscores
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "spor-accessible-names.h"

#define FOLLOWED_KEY "spor-accessible-names-followed"
#define OWN_NAME_KEY "spor-accessible-names-own"

char *
spor_accessible_names_strip_mnemonic (const char *text)
{
  GString *out;

  if (text == NULL)
    return NULL;
  out = g_string_sized_new (strlen (text));
  for (const char *p = text; *p != '\0'; p++)
    {
      /* "__" is a written underscore; a single one marks the next letter */
      if (*p == '_' && p[1] == '_')
        {
          g_string_append_c (out, '_');
          p++;
        }
      else if (*p != '_')
        g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}

/* The property that holds a button's mnemonic text, NULL when it shows none. */
static const char *
mnemonic_property (GtkWidget *widget)
{
  GObjectClass *klass = G_OBJECT_GET_CLASS (widget);
  GParamSpec *underline = g_object_class_find_property (klass, "use-underline");
  GParamSpec *spec;
  gboolean use_underline = FALSE;

  if (underline == NULL || underline->value_type != G_TYPE_BOOLEAN)
    return NULL;
  g_object_get (widget, "use-underline", &use_underline, NULL);
  if (!use_underline)
    return NULL;
  spec = g_object_class_find_property (klass, "label");
  return spec != NULL && spec->value_type == G_TYPE_STRING ? "label" : NULL;
}

void
spor_accessible_names_apply (GtkWidget *widget)
{
  const char *property;
  g_autofree char *text = NULL;
  g_autofree char *stripped = NULL;

  g_return_if_fail (GTK_IS_WIDGET (widget));

  /* Buttons only: a label names itself as shown, and a menu button's accessible is the
   * button inside it, which GTK names well */
  if ((!GTK_IS_BUTTON (widget) && !GTK_IS_CHECK_BUTTON (widget)) ||
      g_object_get_data (G_OBJECT (widget), OWN_NAME_KEY) != NULL)
    return;
  property = mnemonic_property (widget);
  if (property == NULL)
    return;
  g_object_get (widget, property, &text, NULL);
  if (text == NULL || strchr (text, '_') == NULL)
    return;
  stripped = spor_accessible_names_strip_mnemonic (text);
  /* GTK names the widget by its text as written and by the label child it is labelled by,
   * one after the other: the text as shown, once, is the name. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, stripped, -1);
  gtk_accessible_reset_relation (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
}

void
spor_accessible_names_set_label (GtkWidget  *widget,
                                 const char *label)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  g_object_set_data (G_OBJECT (widget), OWN_NAME_KEY, GINT_TO_POINTER (1));
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  gtk_accessible_reset_relation (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
}

static void
on_text_changed (GtkWidget *widget)
{
  spor_accessible_names_apply (widget);
}


static void
follow (GtkWidget *widget)
{
  if (mnemonic_property (widget) == NULL)
    return;
  if (g_object_get_data (G_OBJECT (widget), FOLLOWED_KEY) == NULL)
    {
      g_object_set_data (G_OBJECT (widget), FOLLOWED_KEY, GINT_TO_POINTER (1));
      g_signal_connect (widget, "notify::label", G_CALLBACK (on_text_changed), NULL);
      g_signal_connect (widget, "notify::use-underline", G_CALLBACK (on_text_changed), NULL);
    }
  spor_accessible_names_apply (widget);
}

static void
follow_tree (GtkWidget *widget)
{
  follow (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    follow_tree (child);
}

static gboolean
on_map (GSignalInvocationHint *hint,
        guint                  n_values,
        const GValue          *values,
        gpointer               data)
{
  GtkWidget *widget = g_value_get_object (&values[0]);

  if (!GTK_IS_WIDGET (widget))
    return TRUE;
  /* A window or popover that is shown names its whole tree, the pages not shown yet too
   * (assistive technologies list those as well); a widget shown later names itself. */
  if (GTK_IS_NATIVE (widget))
    follow_tree (widget);
  else
    follow (widget);
  return TRUE;  /* stay installed */
}

void
spor_accessible_names_install (void)
{
  static gsize installed = 0;

  if (g_once_init_enter (&installed))
    {
      /* the class must exist for its signals to be found */
      g_type_class_unref (g_type_class_ref (GTK_TYPE_WIDGET));
      /* "map" reaches every widget once it is about to be shown, rows made later too */
      g_signal_add_emission_hook (g_signal_lookup ("map", GTK_TYPE_WIDGET), 0,
                                  on_map, NULL, NULL);
      g_once_init_leave (&installed, 1);
    }
}
