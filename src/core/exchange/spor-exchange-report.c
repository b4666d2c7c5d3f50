/* spor-exchange-report.c — what an import did, or would do
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "spor-exchange-private.h"
#include "spor-exchange-report.h"

/* The conflicts a report keeps: enough to act on, bounded whatever the file */
#define MAX_CONFLICTS 1000

struct _SporImportReport
{
  gboolean         applied;
  SporImportCount *counts;
  guint            n_counts;
  GPtrArray       *conflicts;
  char            *site_name;
  char            *exported_at;
  gboolean         from_this_site;
};

static void
conflict_free (SporImportConflict *c)
{
  g_free (c->entity);
  g_free (c->uuid);
  g_free (c->label);
  g_free (c->local_updated_at);
  g_free (c->file_updated_at);
  g_free (c);
}

SporImportReport *
spor_import_report_new (void)
{
  SporImportReport *report = g_new0 (SporImportReport, 1);
  const SporEntityInfo * const *infos = spor_entity_infos (&report->n_counts);

  report->counts = g_new0 (SporImportCount, report->n_counts);
  for (guint i = 0; i < report->n_counts; i++)
    {
      report->counts[i].entity = infos[i]->name;
      report->counts[i].table = infos[i]->table;
    }
  report->conflicts = g_ptr_array_new_with_free_func ((GDestroyNotify) conflict_free);
  return report;
}

void
spor_import_report_free (SporImportReport *report)
{
  if (report == NULL)
    return;
  g_free (report->counts);
  g_ptr_array_unref (report->conflicts);
  g_free (report->site_name);
  g_free (report->exported_at);
  g_free (report);
}

gboolean
spor_import_report_get_applied (SporImportReport *report)
{
  return report->applied;
}

const SporImportCount *
spor_import_report_get_counts (SporImportReport *report,
                               guint            *n_counts)
{
  *n_counts = report->n_counts;
  return report->counts;
}

void
spor_import_report_get_totals (SporImportReport *report,
                               SporImportCount  *totals)
{
  memset (totals, 0, sizeof *totals);
  for (guint i = 0; i < report->n_counts; i++)
    {
      totals->n_new += report->counts[i].n_new;
      totals->n_updated += report->counts[i].n_updated;
      totals->n_unchanged += report->counts[i].n_unchanged;
      totals->n_conflicts += report->counts[i].n_conflicts;
      totals->n_deleted += report->counts[i].n_deleted;
    }
}

GPtrArray *
spor_import_report_get_conflicts (SporImportReport *report)
{
  return report->conflicts;
}

const char *
spor_import_report_get_site_name (SporImportReport *report)
{
  return report->site_name;
}

const char *
spor_import_report_get_exported_at (SporImportReport *report)
{
  return report->exported_at;
}

gboolean
spor_import_report_is_from_this_site (SporImportReport *report)
{
  return report->from_this_site;
}

char *
spor_import_report_format (SporImportReport *report)
{
  GString *s = g_string_new (NULL);
  SporImportCount t;

  /* Read by scripts as well as people, so kept in one fixed English form. */
  if (report->from_this_site)
    g_string_append (s, "note: the file was exported from this site\n");
  for (guint i = 0; i < report->n_counts; i++)
    {
      const SporImportCount *c = &report->counts[i];

      if (c->n_new + c->n_updated + c->n_unchanged + c->n_conflicts + c->n_deleted == 0)
        continue;
      g_string_append_printf (s, "%s: new %" G_GUINT64_FORMAT ", updated %" G_GUINT64_FORMAT
                                 ", unchanged %" G_GUINT64_FORMAT ", conflicts %"
                                 G_GUINT64_FORMAT ", deleted %" G_GUINT64_FORMAT "\n",
                              c->table, c->n_new, c->n_updated, c->n_unchanged,
                              c->n_conflicts, c->n_deleted);
    }
  spor_import_report_get_totals (report, &t);
  g_string_append_printf (s, "total: new %" G_GUINT64_FORMAT ", updated %" G_GUINT64_FORMAT
                             ", unchanged %" G_GUINT64_FORMAT ", conflicts %"
                             G_GUINT64_FORMAT ", deleted %" G_GUINT64_FORMAT "\n",
                          t.n_new, t.n_updated, t.n_unchanged, t.n_conflicts, t.n_deleted);
  for (guint i = 0; i < report->conflicts->len; i++)
    {
      SporImportConflict *c = g_ptr_array_index (report->conflicts, i);

      if (c->deleted_in_file)
        g_string_append_printf (s, "conflict: %s %s: deleted in the file %s, changed here since\n",
                                c->entity, c->uuid, c->file_updated_at);
      else if (c->file_updated_at != NULL)
        g_string_append_printf (s, "conflict: %s %s: changed here %s, in the file %s\n",
                                c->entity, c->uuid, c->local_updated_at, c->file_updated_at);
      else
        g_string_append_printf (s, "conflict: %s %s: deleted here %s\n",
                                c->entity, c->uuid, c->local_updated_at);
    }
  return g_string_free (s, FALSE);
}

SporImportCount *
spor_import_report_count (SporImportReport *report,
                          guint             kind)
{
  g_return_val_if_fail (kind < report->n_counts, NULL);
  return &report->counts[kind];
}

gboolean
spor_import_report_wants_conflict (SporImportReport *report)
{
  return report->conflicts->len < MAX_CONFLICTS;
}

void
spor_import_report_add_conflict (SporImportReport *report,
                                 const char       *entity,
                                 const char       *uuid,
                                 const char       *label,
                                 const char       *local_stamp,
                                 const char       *file_stamp,
                                 gboolean          deleted_in_file)
{
  SporImportConflict *c;

  if (!spor_import_report_wants_conflict (report))
    return;
  c = g_new0 (SporImportConflict, 1);
  c->entity = g_strdup (entity);
  c->uuid = g_strdup (uuid);
  c->label = g_strdup (label);
  c->local_updated_at = g_strdup (local_stamp);
  c->file_updated_at = g_strdup (file_stamp);
  c->deleted_in_file = deleted_in_file;
  g_ptr_array_add (report->conflicts, c);
}

void
spor_import_report_set_site (SporImportReport *report,
                             const char       *name,
                             gboolean          from_this_site)
{
  g_free (report->site_name);
  report->site_name = g_strdup (name != NULL ? name : "");
  report->from_this_site = from_this_site;
}

void
spor_import_report_set_exported_at (SporImportReport *report,
                                    const char       *exported_at)
{
  g_free (report->exported_at);
  report->exported_at = g_strdup (exported_at);
}

void
spor_import_report_set_applied (SporImportReport *report,
                                gboolean          applied)
{
  report->applied = applied;
}
