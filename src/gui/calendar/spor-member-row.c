/* spor-member-row.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "spor-values.h"
#include "spor-blocks.h"

#include "spor-member-row.h"

struct _SporMemberRow
{
  AdwActionRow  parent_instance;

  gint64        id;
  char         *role;
  GtkButton    *remove_button;
};

G_DEFINE_FINAL_TYPE (SporMemberRow, spor_member_row, ADW_TYPE_ACTION_ROW)

enum { SIGNAL_REMOVE, N_SIGNALS };
static guint signals[N_SIGNALS];

static void
on_remove_clicked (SporMemberRow *self)
{
  g_signal_emit (self, signals[SIGNAL_REMOVE], 0);
}

static void
spor_member_row_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), SPOR_TYPE_MEMBER_ROW);
  G_OBJECT_CLASS (spor_member_row_parent_class)->dispose (object);
}

static void
spor_member_row_finalize (GObject *object)
{
  g_free (SPOR_MEMBER_ROW (object)->role);
  G_OBJECT_CLASS (spor_member_row_parent_class)->finalize (object);
}

static void
spor_member_row_class_init (SporMemberRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = spor_member_row_dispose;
  object_class->finalize = spor_member_row_finalize;

  signals[SIGNAL_REMOVE] = g_signal_new ("remove", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                         0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/dk/kulturspor/Spor/spor-member-row.ui");
  gtk_widget_class_bind_template_child (widget_class, SporMemberRow, remove_button);
  gtk_widget_class_bind_template_callback (widget_class, on_remove_clicked);
}

static void
spor_member_row_init (SporMemberRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
spor_member_row_new (gint64      id,
                     const char *name,
                     const char *role)
{
  SporMemberRow *self = g_object_new (SPOR_TYPE_MEMBER_ROW, NULL);
  g_autofree char *label = NULL;

  self->id = id;
  self->role = g_strdup (role);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), name);
  if (role != NULL)
    {
      g_autofree char *title = spor_value_title (&spor_values_role, role);

      adw_action_row_set_subtitle (ADW_ACTION_ROW (self), title);
    }
  /* Translators: the accessible name of a remove button; %s is a name */
  label = g_strdup_printf (_("Remove %s"), name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->remove_button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  label, -1);
  return GTK_WIDGET (self);
}

gint64
spor_member_row_get_id (SporMemberRow *self)
{
  g_return_val_if_fail (SPOR_IS_MEMBER_ROW (self), 0);
  return self->id;
}

const char *
spor_member_row_get_role (SporMemberRow *self)
{
  g_return_val_if_fail (SPOR_IS_MEMBER_ROW (self), NULL);
  return self->role;
}
