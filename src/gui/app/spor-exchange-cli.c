/* spor-exchange-cli.c — the exchange file from the command line
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "spor-exchange.h"
#include "spor-store.h"

#include "spor-exchange-cli.h"

static SporStore *
open_store (const char *database)
{
  g_autofree char *path = database != NULL ? g_strdup (database) : spor_store_default_path ();
  g_autoptr(GError) error = NULL;
  SporStore *store = spor_store_open (path, &error);

  if (store == NULL)
    /* Translators: the first %s is a file path, the second the reason */
    g_printerr (_("spor: could not open the database “%s”: %s\n"), path, error->message);
  return store;
}

static int
run_export (const char *database,
            const char *file,
            const char *programme,
            const char *cohort,
            gboolean    anonymize)
{
  g_autoptr(SporStore) store = open_store (database);
  g_autoptr(GFile) target = NULL;
  g_autoptr(GError) error = NULL;
  SporExportOptions options = { programme, cohort, anonymize };
  SporExportSummary summary = { 0 };

  if (store == NULL)
    return 1;
  target = g_file_new_for_commandline_arg (file);
  if (!spor_exchange_export_full (store, target, &options, &summary, NULL, NULL, NULL, &error))
    {
      /* Translators: the first %s is a file path, the second the reason */
      g_printerr (_("spor: the exchange file “%s” was not written: %s\n"), file, error->message);
      return 1;
    }
  if (summary.n_held_back > 0)
    {
      guint n = (guint) MIN (summary.n_held_back, G_MAXUINT);

      /* Translators: %u is a number of participants */
      g_print (ngettext ("%u participant without consent to share was left out",
                         "%u participants without consent to share were left out", n), n);
      g_print ("\n");
    }
  return 0;
}

static int
run_import (const char *database,
            const char *file,
            gboolean    dry_run)
{
  g_autoptr(SporStore) store = open_store (database);
  g_autoptr(GFile) source = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SporImportReport) report = NULL;
  g_autofree char *summary = NULL;

  if (store == NULL)
    return 1;
  source = g_file_new_for_commandline_arg (file);
  report = spor_exchange_import (store, source, !dry_run, NULL, NULL, NULL, &error);
  if (report == NULL)
    {
      /* Translators: the first %s is a file path, the second the reason */
      g_printerr (_("spor: nothing was imported from “%s”: %s\n"), file, error->message);
      return g_error_matches (error, SPOR_EXCHANGE_ERROR, SPOR_EXCHANGE_ERROR_REFUSED) ? 2 : 1;
    }
  summary = spor_import_report_format (report);
  g_print ("%s", summary);
  if (dry_run)
    g_print ("%s\n", _("Dry run: nothing was changed."));
  return 0;
}

int
spor_exchange_cli_handle (GVariantDict *options)
{
  const char *database = NULL, *export_file = NULL, *import_file = NULL;
  const char *programme = NULL, *cohort = NULL;
  gboolean anonymize = g_variant_dict_contains (options, "anonymize");
  gboolean dry_run = g_variant_dict_contains (options, "dry-run");

  g_variant_dict_lookup (options, "database", "^&ay", &database);
  g_variant_dict_lookup (options, "export", "^&ay", &export_file);
  g_variant_dict_lookup (options, "import", "^&ay", &import_file);

  if (export_file != NULL && import_file != NULL)
    {
      g_printerr (_("spor: --export and --import cannot be used together\n"));
      return 1;
    }
  if (export_file != NULL)
    {
      if (dry_run)
        {
          g_printerr (_("spor: --dry-run goes with --import\n"));
          return 1;
        }
      g_variant_dict_lookup (options, "programme", "&s", &programme);
      g_variant_dict_lookup (options, "cohort", "&s", &cohort);
      if (programme != NULL && cohort != NULL)
        {
          g_printerr (_("spor: choose either --programme or --cohort\n"));
          return 1;
        }
      return run_export (database, export_file, programme, cohort, anonymize);
    }
  if (import_file != NULL)
    {
      if (anonymize || g_variant_dict_contains (options, "cohort"))
        {
          g_printerr (_("spor: --anonymize and --cohort go with --export\n"));
          return 1;
        }
      return run_import (database, import_file, dry_run);
    }
  if (anonymize || g_variant_dict_contains (options, "cohort"))
    {
      g_printerr (_("spor: --anonymize and --cohort go with --export\n"));
      return 1;
    }
  if (dry_run)
    {
      g_printerr (_("spor: --dry-run goes with --import\n"));
      return 1;
    }
  return -1;
}
