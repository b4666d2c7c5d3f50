/* spor-exchange-header.c — the header of an exchange file, as the import reads it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "spor-exchange-header.h"
#include "spor-exchange-private.h"
#include "spor-util.h"

gboolean
spor_import_header_check (SporImportHeader  *header,
                          guint              line,
                          GError           **error)
{
  if (header->checked)
    return TRUE;
  if (!header->seen_format)
    {
      spor_exchange_refuse (error, "format", line,
                            _("missing before the records: this is not a Spor exchange file"));
      return FALSE;
    }
  if (!header->seen_version)
    {
      spor_exchange_refuse (error, "version", line, _("missing before the records"));
      return FALSE;
    }
  header->checked = TRUE;
  return TRUE;
}

gboolean
spor_import_header_is_object (const char *key)
{
  return g_str_equal (key, "site") || g_str_equal (key, "scope");
}

/* site: { "id": UUID, "name": text } and nothing else */
static gboolean
header_site (SporStore         *store,
             SporImportReport  *report,
             SporScanRecord    *record,
             guint              line,
             GError           **error)
{
  const char *id = spor_scan_find_string (record, "id");
  const SporScanMember *name = spor_scan_find (record, "name");

  for (guint i = 0; i < record->members->len; i++)
    {
      const char *key = g_array_index (record->members, SporScanMember, i).key;

      if (!g_str_equal (key, "id") && !g_str_equal (key, "name"))
        {
          spor_exchange_refuse_member (error, "site", key, line, _("not part of the format"));
          return FALSE;
        }
    }
  if (id == NULL || !spor_uuid_is_valid (id))
    {
      spor_exchange_refuse (error, "site.id", line, _("not a UUID"));
      return FALSE;
    }
  if (name != NULL && name->vt != G_TYPE_STRING)
    {
      spor_exchange_refuse (error, "site.name", line, _("not a text"));
      return FALSE;
    }
  spor_import_report_set_site (report, name != NULL ? name->s : "",
                               g_ascii_strcasecmp (id, spor_store_get_site_uuid (store)) == 0);
  return TRUE;
}

gboolean
spor_import_header_take (SporImportHeader      *header,
                         SporStore             *store,
                         SporImportReport      *report,
                         const char            *key,
                         const SporScanMember  *value,
                         SporScanRecord        *record,
                         guint                  line,
                         GError               **error)
{
  const SporScanMember m = *value;

  if (g_str_equal (key, "format"))
    {
      if (m.vt != G_TYPE_STRING || !g_str_equal (m.s, SPOR_EXCHANGE_FORMAT))
        {
          spor_exchange_refuse (error, "format", line,
                                _("not “%s”: this is not a Spor exchange file"),
                                SPOR_EXCHANGE_FORMAT);
          return FALSE;
        }
      header->seen_format = TRUE;
    }
  else if (g_str_equal (key, "version"))
    {
      if (m.vt != G_TYPE_INT64 || m.i < 1)
        {
          spor_exchange_refuse (error, "version", line, _("not a version number"));
          return FALSE;
        }
      if (m.i > SPOR_EXCHANGE_VERSION)
        {
          spor_exchange_refuse (error, "version", line,
                                _("the file was written by a newer Spor (format version %ld); "
                                  "this Spor reads version %d"),
                                (long) m.i, SPOR_EXCHANGE_VERSION);
          return FALSE;
        }
      header->seen_version = TRUE;
    }
  else if (g_str_equal (key, "exported_at"))
    {
      if (m.vt != G_TYPE_STRING || !spor_timestamp_is_valid (m.s))
        {
          spor_exchange_refuse (error, "exported_at", line, _("not a time stamp"));
          return FALSE;
        }
      spor_import_report_set_exported_at (report, m.s);
    }
  else if (g_str_equal (key, "site"))
    return header_site (store, report, record, line, error);
  else if (g_str_equal (key, "anonymized"))
    {
      if (m.vt != G_TYPE_BOOLEAN)
        {
          spor_exchange_refuse (error, "anonymized", line, _("not true or false"));
          return FALSE;
        }
      if (m.b)
        {
          spor_exchange_refuse (error, "anonymized", line,
                                _("the file is anonymised: it is meant for statistics and "
                                  "cannot be merged"));
          return FALSE;
        }
    }
  else if (!g_str_equal (key, "scope"))
    {
      spor_exchange_refuse (error, key, line, _("not part of the format"));
      return FALSE;
    }
  return TRUE;
}
