/* spor-agreement-print.c — a start agreement on paper, or as a PDF file of its own
 *
 * Printing goes through GtkPrintOperation; "Export as PDF" draws the same pages with cairo
 * into a private file (spor-private-file.h), so the PDF is 0600 and never half-written.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "spor-private-file.h"

#include "spor-gui.h"
#include "spor-agreement-print.h"
#include "spor-print-document.h"
#include "spor-programme-organisations.h"

/* The name of record @id of @type in @name, NULL for none (@id 0); FALSE and @error when it
 * cannot be read. */
static gboolean
name_of (SporStore  *store,
         GType       type,
         gint64      id,
         char      **name,
         GError    **error)
{
  g_autoptr(SporEntity) e = NULL;

  *name = NULL;
  if (id <= 0)
    return TRUE;
  if ((e = spor_store_get (store, type, id, error)) == NULL)
    return FALSE;
  *name = g_strdup (spor_entity_get_text (e, "name"));
  return TRUE;
}

static void
add_section (GString    *markup,
             const char *heading,
             const char *text)
{
  g_autofree char *h = g_markup_escape_text (heading, -1);
  g_autofree char *t = g_markup_escape_text (text != NULL && *text ? text : "—", -1);

  g_string_append_printf (markup, "\n<b>%s</b>\n%s\n", h, t);
}

static SporPrintDocument *
print_data_new (SporStore  *store,
                gint64      agreement_id,
                GError    **error)
{
  g_autoptr(SporAgreement) agreement = spor_store_get (store, SPOR_TYPE_AGREEMENT, agreement_id, error);
  g_autoptr(SporParticipant) participant = NULL;
  g_autoptr(SporProgramme) programme = NULL;
  g_autoptr(GString) markup = g_string_new (NULL);
  g_autofree char *adviser = NULL;
  g_autofree char *creative = NULL;
  g_autofree char *start = NULL;
  g_autofree char *review = NULL;
  g_autofree char *title = NULL;
  g_autofree char *escaped = NULL;
  g_autofree char *hours = NULL;
  g_autofree char *schedule = NULL;
  g_autofree char *contacts = NULL;
  g_autofree char *dates = NULL;
  g_autofree char *partners = NULL;
  SporEntity *a, *p;
  g_autofree char *header = NULL;

  if (agreement == NULL)
    return NULL;
  a = SPOR_ENTITY (agreement);
  participant = spor_store_get (store, SPOR_TYPE_PARTICIPANT, spor_entity_get_int (a, "participant_id"), error);
  if (participant == NULL)
    return NULL;
  p = SPOR_ENTITY (participant);
  if (spor_entity_get_int (p, "programme_id") > 0 &&
      (programme = spor_store_get (store, SPOR_TYPE_PROGRAMME, spor_entity_get_int (p, "programme_id"), error)) == NULL)
    return NULL;
  if (!name_of (store, SPOR_TYPE_STAFF, spor_entity_get_int (a, "adviser_id"), &adviser, error) ||
      !name_of (store, SPOR_TYPE_STAFF, spor_entity_get_int (a, "creative_id"), &creative, error))
    return NULL;

  /* the programme's partner organisations in their order, else its text of old */
  if (programme != NULL &&
      (partners = spor_programme_organisations_dup_text (store, SPOR_ENTITY (programme), error)) == NULL)
    return NULL;
  if (partners != NULL)
    {
      g_auto(GStrv) lines = g_strsplit (partners, "\n", -1);

      g_free (partners);
      partners = g_strjoinv (", ", lines);
    }
  if (partners != NULL && partners[0] != '\0')
    header = g_strdup_printf ("%s · %s", spor_entity_get_text (SPOR_ENTITY (programme), "name"), partners);
  else if (programme != NULL)
    header = g_strdup (spor_entity_get_text (SPOR_ENTITY (programme), "name"));
  else
    header = g_strdup (_("Start Agreement"));

  /* Translators: the title of a printed agreement; %s is the participant's name */
  title = g_strdup_printf (_("Start Agreement for %s"), spor_entity_get_text (p, "name"));
  escaped = g_markup_escape_text (title, -1);
  g_string_append_printf (markup, "<span size='x-large' weight='bold'>%s</span>\n", escaped);
  {
    /* Translators: a version number */
    g_autofree char *version = g_strdup_printf (_("Version %d"), (int) spor_entity_get_int (a, "version"));
    g_autofree char *v = g_markup_escape_text (version, -1);
    g_string_append_printf (markup, "<span foreground='#555555'>%s</span>\n", v);
  }

  add_section (markup, _("Goals in the participant's own words"), spor_entity_get_text (a, "goals"));
  add_section (markup, _("Needs and accommodations"), spor_entity_get_text (a, "needs"));
  if (spor_entity_is_set (a, "weekly_hours"))
    /* Translators: hours a week */
    hours = g_strdup_printf (_("%g hours a week"), spor_entity_get_real (a, "weekly_hours"));
  schedule = g_strjoin (hours && spor_entity_get_text (a, "schedule") ? ", " : "",
                        spor_entity_get_text (a, "schedule") ?: "", hours ?: "", NULL);
  add_section (markup, _("Weekly schedule"), schedule);
  add_section (markup, _("What the programme provides"), spor_entity_get_text (a, "programme_provides"));
  add_section (markup, _("What the participant commits to"), spor_entity_get_text (a, "participant_commits"));
  /* Translators: the names of staff */
  contacts = g_strdup_printf (_("Adviser: %s\nCreative professional: %s"), adviser ?: "—", creative ?: "—");
  add_section (markup, _("Contact persons"), contacts);
  start = spor_gui_format_date (spor_entity_get_text (a, "start_date"));
  review = spor_gui_format_date (spor_entity_get_text (a, "review_date"));
  /* Translators: two dates */
  dates = g_strdup_printf (_("Start: %s\nReview: %s"), start, review);
  add_section (markup, _("Dates"), dates);

  {
    g_autofree char *heading = g_markup_escape_text (_("Signatures"), -1);
    g_autofree char *date_label = g_markup_escape_text (_("Date"), -1);
    g_autofree char *participant_label = g_markup_escape_text (_("Participant"), -1);
    g_autofree char *adviser_label = g_markup_escape_text (_("Adviser"), -1);
    g_autofree char *signed_date = spor_gui_format_date (spor_entity_get_text (a, "signed_date"));
    g_autofree char *by_p = g_markup_escape_text (spor_entity_get_text (a, "signed_by_participant") ?: "", -1);
    g_autofree char *by_a = g_markup_escape_text (spor_entity_get_text (a, "signed_by_adviser") ?: "", -1);

    g_string_append_printf (markup, "\n<b>%s</b>\n\n", heading);
    g_string_append_printf (markup, "%s: %s\n\n\n", date_label, signed_date);
    g_string_append_printf (markup, "____________________________________\n%s: %s\n\n\n",
                            participant_label, by_p);
    g_string_append_printf (markup, "____________________________________\n%s: %s\n",
                            adviser_label, by_a);
  }
  return spor_print_document_new (header, markup->str);
}

GtkPrintOperation *
spor_agreement_print_new (SporStore  *store,
                          gint64      agreement_id,
                          GError    **error)
{
  SporPrintDocument *data = print_data_new (store, agreement_id, error);

  if (data == NULL)
    return NULL;
  return spor_print_document_operation (data, _("Start Agreement"));
}

gboolean
spor_agreement_print_export (SporStore   *store,
                             gint64       agreement_id,
                             const char  *pdf_path,
                             GError     **error)
{
  /* Opened first: a target that is the database is refused before any work. */
  g_autoptr(SporPrivateFile) target = spor_private_file_new (pdf_path, spor_store_get_path (store),
                                                             error);
  g_autoptr(SporPrintDocument) data = NULL;

  if (target == NULL)
    return FALSE;
  data = print_data_new (store, agreement_id, error);
  return data != NULL && spor_print_document_export (data, target, error);
}
