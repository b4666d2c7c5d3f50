/* spor-import-conflict-row.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "spor-gui.h"
#include "spor-import-conflict-row.h"

struct _SporImportConflictRow
{
  AdwActionRow parent_instance;
};

G_DEFINE_FINAL_TYPE (SporImportConflictRow, spor_import_conflict_row, ADW_TYPE_ACTION_ROW)

static void
spor_import_conflict_row_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), SPOR_TYPE_IMPORT_CONFLICT_ROW);
  G_OBJECT_CLASS (spor_import_conflict_row_parent_class)->dispose (object);
}

static void
spor_import_conflict_row_class_init (SporImportConflictRowClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = spor_import_conflict_row_dispose;
  gtk_widget_class_set_template_from_resource (GTK_WIDGET_CLASS (klass),
                                               "/dk/kulturspor/Spor/spor-import-conflict-row.ui");
}

static void
spor_import_conflict_row_init (SporImportConflictRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
spor_import_conflict_row_new (const SporImportConflict *conflict)
{
  SporImportConflictRow *self;
  g_autofree char *here = NULL;
  g_autofree char *there = NULL;
  g_autofree char *subtitle = NULL;

  g_return_val_if_fail (conflict != NULL, NULL);

  self = g_object_new (SPOR_TYPE_IMPORT_CONFLICT_ROW, NULL);
  here = spor_gui_format_timestamp (conflict->local_updated_at);
  there = spor_gui_format_timestamp (conflict->file_updated_at);
  if (conflict->deleted_in_file)
    /* Translators: a date and time */
    subtitle = g_strdup_printf (_("Deleted in the file %s, but changed here since"), there);
  else if (conflict->file_updated_at != NULL)
    /* Translators: two dates and times */
    subtitle = g_strdup_printf (_("Changed here %s; the file’s copy is from %s"), here, there);
  else
    /* Translators: a date and time */
    subtitle = g_strdup_printf (_("Deleted here %s"), here);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self),
                                 conflict->label != NULL ? conflict->label : conflict->uuid);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self), subtitle);
  return GTK_WIDGET (self);
}
