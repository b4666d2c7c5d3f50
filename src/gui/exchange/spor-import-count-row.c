/* spor-import-count-row.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "spor-import-count-row.h"

struct _SporImportCountRow
{
  AdwActionRow parent_instance;
};

G_DEFINE_FINAL_TYPE (SporImportCountRow, spor_import_count_row, ADW_TYPE_ACTION_ROW)

static void
spor_import_count_row_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), SPOR_TYPE_IMPORT_COUNT_ROW);
  G_OBJECT_CLASS (spor_import_count_row_parent_class)->dispose (object);
}

static void
spor_import_count_row_class_init (SporImportCountRowClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = spor_import_count_row_dispose;
  gtk_widget_class_set_template_from_resource (GTK_WIDGET_CLASS (klass),
                                               "/dk/kulturspor/Spor/spor-import-count-row.ui");
}

static void
spor_import_count_row_init (SporImportCountRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

const char *
spor_import_count_row_table_label (const char *table)
{
  static const struct { const char *table; const char *label; } labels[] = {
    { "programmes", N_("Programmes") },
    { "programme_goals", N_("Programme goals") },
    { "phases", N_("Phases") },
    { "cohorts", N_("Cohorts") },
    { "staff", N_("Staff") },
    { "staff_roles", N_("Staff roles") },
    { "competencies", N_("Competencies") },
    { "locations", N_("Locations") },
    { "participants", N_("Participants") },
    { "participant_staff", N_("Contact people of participants") },
    { "phase_progress", N_("Phase progress") },
    { "agreements", N_("Start agreements") },
    { "blocks", N_("Work blocks") },
    { "block_requirements", N_("Work block requirements") },
    { "block_exceptions", N_("Work block exceptions") },
    { "block_staff", N_("Staff of work blocks") },
    { "block_participants", N_("Participants of work blocks") },
    { "attendance", N_("Attendance") },
    { "meetings", N_("Meetings") },
    { "placements", N_("Placements") },
    { "outcomes", N_("Outcomes") },
    { "portfolio_items", N_("Portfolio items") },
    { "needs", N_("Needs") },
    { "matches", N_("Matches") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (g_str_equal (labels[i].table, table))
      return _(labels[i].label);
  /* a kind of record added after this list: its name in the file */
  return table;
}

char *
spor_import_count_row_format (const SporImportCount *count)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);

  /* Translators: parts of a summary line such as “3 new · 2 updated · 40 unchanged” */
  if (count->n_new > 0)
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("%lu new", "%lu new", (gulong) count->n_new),
                                             (gulong) count->n_new));
  if (count->n_updated > 0)
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("%lu updated", "%lu updated", (gulong) count->n_updated),
                                             (gulong) count->n_updated));
  if (count->n_unchanged > 0)
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("%lu unchanged", "%lu unchanged",
                                                       (gulong) count->n_unchanged),
                                             (gulong) count->n_unchanged));
  if (count->n_conflicts > 0)
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("%lu conflict", "%lu conflicts", (gulong) count->n_conflicts),
                                             (gulong) count->n_conflicts));
  if (count->n_deleted > 0)
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("%lu deleted", "%lu deleted", (gulong) count->n_deleted),
                                             (gulong) count->n_deleted));
  if (parts->len == 0)
    return g_strdup (_("Nothing"));
  g_ptr_array_add (parts, NULL);
  return g_strjoinv (" · ", (char **) parts->pdata);
}

GtkWidget *
spor_import_count_row_new (const SporImportCount *count)
{
  SporImportCountRow *self;
  g_autofree char *text = NULL;

  g_return_val_if_fail (count != NULL, NULL);

  self = g_object_new (SPOR_TYPE_IMPORT_COUNT_ROW, NULL);
  text = spor_import_count_row_format (count);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), spor_import_count_row_table_label (count->table));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self), text);
  gtk_widget_set_name (GTK_WIDGET (self), count->table);
  return GTK_WIDGET (self);
}
