/* spor-exchange-private.h — what the export (spor-exchange-export.c), the import
 * (spor-exchange-import.c, -report.c, -scan.c, -seen.c) and the schema writer
 * (spor-exchange.c) share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <string.h>

#include "spor-exchange.h"

G_BEGIN_DECLS

/* A reference field "programme_id" is "programme" in the file: it holds a UUID there. */
static inline char *
file_field_name (const SporField *field)
{
  if (field->type == SPOR_FIELD_REF && g_str_has_suffix (field->name, "_id"))
    return g_strndup (field->name, strlen (field->name) - 3);
  return g_strdup (field->name);
}

/* An anonymised export keeps only the year of a personal date: birth_date → birth_year. */
static inline char *
year_field_name (const SporField *field)
{
  if (g_str_has_suffix (field->name, "_date"))
    {
      g_autofree char *stem = g_strndup (field->name, strlen (field->name) - 5);
      return g_strconcat (stem, "_year", NULL);
    }
  return g_strconcat (field->name, "_year", NULL);
}

/* Whether an anonymised export leaves the field out: everything personal or sensitive,
 * and every free text unless it is marked as not about a person. */
static inline gboolean
field_left_out (const SporField *field)
{
  if ((field->flags & (SPOR_FIELD_PERSONAL | SPOR_FIELD_SENSITIVE)) != 0)
    return TRUE;
  return field->type == SPOR_FIELD_TEXT && (field->flags & SPOR_FIELD_PUBLIC) == 0;
}

/* The key of the record @uuid of @info: 0 if there is none, -1 with @error set on failure. */
gint64 spor_exchange_lookup_id (SporStore            *store,
                                const SporEntityInfo *info,
                                const char           *uuid,
                                GError              **error);

/* The participants a full export holds back for want of consent to share, and every record
 * of theirs (spor-exchange-consent.c); all inside the export's transaction.
 * spor_exchange_mark_held() marks them, and those records of theirs that other records refer
 * to, in temp.exchange_held; spor_exchange_append_held() appends the SQL condition "record t
 * of @info is held back"; spor_exchange_count_held() counts the participants held back (of
 * those in temp.exchange_scope if @scoped); spor_exchange_drop_held() takes every held-back
 * record out of temp.exchange_scope. */
gboolean spor_exchange_mark_held   (SporStore            *store,
                                    GError              **error);
void     spor_exchange_append_held (GString              *sql,
                                    const SporEntityInfo *info);
gboolean spor_exchange_count_held  (SporStore            *store,
                                    gboolean              scoped,
                                    guint64              *n_held,
                                    GError              **error);
gboolean spor_exchange_drop_held   (SporStore            *store,
                                    GError              **error);

/* The name of each field of @info in the file ("programme_id" is "programme" there: it
 * holds a UUID), interned, for the life of the process. */
const char    **spor_exchange_field_names  (const SporEntityInfo *info);

/* A refusal of the file: SPOR_EXCHANGE_ERROR_REFUSED, “place: reason (line N)”. @place is
 * shown as it is: escape what came from the file (spor_printable). */
void            spor_exchange_refuse       (GError    **error,
                                            const char *place,
                                            guint       line,
                                            const char *format,
                                            ...) G_GNUC_PRINTF (4, 5);

/* The same for the member @member of @place ("participants[3].email"); @member comes from
 * the file and is shown escaped. */
void            spor_exchange_refuse_member (GError    **error,
                                             const char *place,
                                             const char *member,
                                             guint       line,
                                             const char *format,
                                             ...) G_GNUC_PRINTF (5, 6);

/* The UUIDs an import has met (spor-exchange-seen.c). Made before the import's transaction
 * begins (it attaches a scratch database), freed after it ends. */
typedef struct _SporImportSeen SporImportSeen;

SporImportSeen *spor_import_seen_new       (SporStore      *store,
                                            gboolean        empty,
                                            goffset         size,
                                            GError        **error);
void            spor_import_seen_free      (SporImportSeen *seen);
/* Refuses a UUID the file has had before; @written: whether the caller writes the record
 * (into an empty database, else its UUID is kept in the scratch table). */
gboolean        spor_import_seen_check     (SporImportSeen *seen,
                                            const char     *uuid,
                                            gboolean        written,
                                            const char     *place,
                                            guint           line,
                                            GError        **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SporImportSeen, spor_import_seen_free)

/* The report of an import as the import fills it in (spor-exchange-report.c): a count per
 * entity of spor_entity_infos(), by its place there (@kind), and the first conflicts. */
SporImportReport *spor_import_report_new       (void);
SporImportCount  *spor_import_report_count     (SporImportReport *report,
                                                guint             kind);
/* Whether the report keeps another conflict, and keeping one (@label may be NULL) */
gboolean          spor_import_report_wants_conflict (SporImportReport *report);
void              spor_import_report_add_conflict   (SporImportReport *report,
                                                     const char       *entity,
                                                     const char       *uuid,
                                                     const char       *label,
                                                     const char       *local_stamp,
                                                     const char       *file_stamp,
                                                     gboolean          deleted_in_file);
void              spor_import_report_set_site  (SporImportReport *report,
                                                const char       *name,
                                                gboolean          from_this_site);
void              spor_import_report_set_exported_at (SporImportReport *report,
                                                      const char       *exported_at);
void              spor_import_report_set_applied (SporImportReport *report,
                                                  gboolean          applied);

G_END_DECLS
