/* spor-agreement-version-row.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "spor-agreement-version-row.h"
#include "spor-gui.h"

struct _SporAgreementVersionRow
{
  AdwActionRow  parent_instance;

  GtkButton    *open_button;
};

G_DEFINE_FINAL_TYPE (SporAgreementVersionRow, spor_agreement_version_row, ADW_TYPE_ACTION_ROW)

static void
spor_agreement_version_row_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), SPOR_TYPE_AGREEMENT_VERSION_ROW);
  G_OBJECT_CLASS (spor_agreement_version_row_parent_class)->dispose (object);
}

static void
spor_agreement_version_row_class_init (SporAgreementVersionRowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = spor_agreement_version_row_dispose;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/dk/kulturspor/Spor/spor-agreement-version-row.ui");
  gtk_widget_class_bind_template_child (widget_class, SporAgreementVersionRow, open_button);
}

static void
spor_agreement_version_row_init (SporAgreementVersionRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

char *
spor_agreement_version_row_describe (SporEntity *agreement)
{
  gint64 version;

  g_return_val_if_fail (SPOR_IS_ENTITY (agreement), NULL);

  version = spor_entity_get_int (agreement, "version");
  if (g_strcmp0 (spor_entity_get_text (agreement, "state"), "signed") == 0)
    {
      g_autofree char *date = spor_gui_format_date (spor_entity_get_text (agreement, "signed_date"));

      /* Translators: version number and date */
      return g_strdup_printf (_("Version %d, signed %s"), (int) version, date);
    }
  return g_strdup_printf (_("Version %d, draft"), (int) version);
}

GtkWidget *
spor_agreement_version_row_new (SporEntity *agreement)
{
  SporAgreementVersionRow *self;
  g_autofree char *title = NULL;

  g_return_val_if_fail (SPOR_IS_ENTITY (agreement), NULL);

  self = g_object_new (SPOR_TYPE_AGREEMENT_VERSION_ROW, NULL);
  title = spor_agreement_version_row_describe (agreement);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), title);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->open_button), "x", spor_entity_get_id (agreement));
  return GTK_WIDGET (self);
}
