/* spor-application-cli.c
 *
 * Everything here runs before the application registers or touches a display. Paths are
 * printed through spor_printable(), so that a name with control characters cannot rewrite
 * the terminal. Counts meant for scripts are printed untranslated.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "spor-exchange.h"
#include "spor-ical.h"
#include "spor-printable.h"
#include "spor-sample.h"
#include "spor-store.h"
#include "spor-util.h"

#include "spor-application-cli.h"

static const GOptionEntry options[] = {
  { "version", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, NULL,
    N_("Show the version and exit"), NULL },
  { "database", 'd', G_OPTION_FLAG_NONE, G_OPTION_ARG_FILENAME, NULL,
    N_("Use the database file PATH instead of the default one"), N_("PATH") },
  { "create-sample", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_INT, NULL,
    N_("Fill an empty database with N invented participants and their programmes, then exit"),
    "N" },
  { "export-ics", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_FILENAME, NULL,
    N_("Write the work blocks as an iCalendar file to FILE, then exit"), N_("FILE") },
  { "programme", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, NULL,
    N_("With --export or --export-ics: only the programme with this UUID"), N_("UUID") },
  { "staff", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, NULL,
    N_("With --export-ics: only the blocks of the staff member with this UUID"), N_("UUID") },
  { "export", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_FILENAME, NULL,
    N_("Write an exchange file for another site to FILE, then exit"), N_("FILE") },
  { "anonymize", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, NULL,
    N_("With --export: leave out names, contact data, CPR and all free text"), NULL },
  { "cohort", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, NULL,
    N_("With --export: only the cohort with this UUID"), N_("UUID") },
  { "import", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_FILENAME, NULL,
    N_("Merge an exchange file from another site, print what changed, then exit"), N_("FILE") },
  { "dry-run", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, NULL,
    N_("With --import: print what would change, change nothing"), NULL },
  { NULL }
};

const GOptionEntry *
spor_application_cli_options (void)
{
  return options;
}

/* Prints @message (translated, with a %s for @path and one for the reason) with both
 * escaped: the reason often repeats the path. */
static void
print_failure (const char   *message,
               const char   *path,
               const GError *error)
{
  g_autofree char *shown = spor_printable (path);
  g_autofree char *why = spor_printable (error->message);

  g_printerr (message, shown, why);
}

static SporStore *
open_store (const char *database)
{
  g_autofree char *path = database != NULL ? g_strdup (database) : spor_store_default_path ();
  g_autoptr(GError) error = NULL;
  SporStore *store = spor_store_open (path, &error);

  if (store == NULL)
    {
      /* Translators: the first %s is a file path, the second the reason */
      print_failure (_("spor: could not open the database “%s”: %s\n"), path, error);
    }
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
      /* Translators: the first %s is a file path, the second the reason */
      print_failure (_("spor: the exchange file “%s” was not written: %s\n"), file, error);
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
      /* Translators: the first %s is a file path, the second the reason */
      print_failure (_("spor: nothing was imported from “%s”: %s\n"), file, error);
      return g_error_matches (error, SPOR_EXCHANGE_ERROR, SPOR_EXCHANGE_ERROR_REFUSED) ? 2 : 1;
    }
  summary = spor_import_report_format (report);
  g_print ("%s", summary);
  if (dry_run)
    g_print ("%s\n", _("Dry run: nothing was changed."));
  return 0;
}

static int
create_sample (const char *path,
               int         n_participants)
{
  g_autoptr(SporStore) store = open_store (path);
  g_autoptr(GError) error = NULL;
  SporSampleCounts counts = { 0 };

  if (store == NULL)
    return 1;

  if (!spor_sample_create (store, (guint) n_participants, 1, &counts, NULL, &error))
    {
      /* Translators: the first %s is a file path, the second the reason */
      print_failure (_("spor: no sample data was created in “%s”: %s\n"),
                     spor_store_get_path (store), error);
      return 1;
    }

  /* One line per kind of record, in a form scripts can read, so not translated. */
  g_print ("programmes: %u\n", counts.programmes);
  g_print ("phases: %u\n", counts.phases);
  g_print ("cohorts: %u\n", counts.cohorts);
  g_print ("participants: %u\n", counts.participants);
  g_print ("staff: %u\n", counts.staff);
  g_print ("locations: %u\n", counts.locations);
  g_print ("work blocks: %u\n", counts.blocks);
  g_print ("start agreements: %u\n", counts.agreements);
  g_print ("phase progress: %u\n", counts.phase_progress);
  g_print ("meetings: %u\n", counts.meetings);
  g_print ("placements: %u\n", counts.placements);
  g_print ("attendance: %" G_GUINT64_FORMAT "\n", counts.attendance);

  return 0;
}

/* Looks up the record @uuid of @type for --export-ics; prints why not and returns 0. */
static gint64
export_ics_lookup (SporStore  *store,
                   GType       type,
                   const char *uuid,
                   const char *option)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SporEntity) entity = NULL;

  if (uuid == NULL)
    return -1;
  if (!spor_uuid_is_valid (uuid))
    {
      /* Translators: %s is a command-line option, e.g. --programme */
      g_printerr (_("spor: %s needs a UUID such as 0192f0c4-5b7e-7c1a-9d3e-2f4a6b8c0d1e\n"), option);
      return 0;
    }
  entity = spor_store_get_by_uuid (store, type, uuid, &error);
  if (entity == NULL)
    {
      /* Translators: the first %s is a command-line option, the second a UUID */
      g_printerr (_("spor: %s: nothing with the UUID %s is in the database\n"), option, uuid);
      return 0;
    }
  return spor_entity_get_id (entity);
}

static int
export_ics (const char *path,
            const char *file,
            const char *programme,
            const char *staff)
{
  g_autoptr(SporStore) store = open_store (path);
  g_autoptr(GError) error = NULL;
  SporIcalSelection selection = { 0 };
  gint64 id;
  guint n = 0;

  if (store == NULL)
    return 1;
  if ((id = export_ics_lookup (store, SPOR_TYPE_PROGRAMME, programme, "--programme")) == 0)
    return 1;
  selection.programme_id = MAX (id, 0);
  if ((id = export_ics_lookup (store, SPOR_TYPE_STAFF, staff, "--staff")) == 0)
    return 1;
  selection.staff_id = MAX (id, 0);

  if (!spor_ical_export_file (store, &selection, file, &n, &error))
    {
      /* Translators: the first %s is a file path, the second the reason */
      print_failure (_("spor: could not write the calendar “%s”: %s\n"), file, error);
      return 1;
    }
  /* Read by scripts, so not translated */
  g_print ("work blocks: %u\n", n);
  return 0;
}

/* The exit status of an exchange command in @options, or -1 when there is none. */
static int
handle_exchange (GVariantDict *options)
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

int
spor_application_cli_handle (GVariantDict *options)
{
  const char *database = NULL;
  const char *ics_file = NULL;
  gint32 n_participants;

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("spor %s\n", PACKAGE_VERSION);
      return 0;
    }

  {
    int status = handle_exchange (options);

    if (status >= 0)
      return status;
  }

  if (g_variant_dict_lookup (options, "export-ics", "^&ay", &ics_file))
    {
      const char *programme = NULL, *staff = NULL;

      g_variant_dict_lookup (options, "database", "^&ay", &database);
      g_variant_dict_lookup (options, "programme", "&s", &programme);
      g_variant_dict_lookup (options, "staff", "&s", &staff);
      return export_ics (database, ics_file, programme, staff);
    }
  if (g_variant_dict_contains (options, "programme") || g_variant_dict_contains (options, "staff"))
    {
      g_printerr (_("spor: --programme goes with --export or --export-ics, --staff with --export-ics\n"));
      return 1;
    }

  if (g_variant_dict_lookup (options, "create-sample", "i", &n_participants))
    {
      if (n_participants < 1)
        {
          g_printerr (_("spor: --create-sample needs a number of participants, 1 or more\n"));
          return 1;
        }

      g_variant_dict_lookup (options, "database", "^&ay", &database);
      return create_sample (database, n_participants);
    }

  return -1;
}
