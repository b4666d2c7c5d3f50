/* spor-gui.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "spor-gui.h"
#include "spor-progress.h"
#include "spor-util.h"

char *
spor_gui_format_count (gint64 count)
{
  return g_strdup_printf ("%'" G_GINT64_FORMAT, count);
}

gint64
spor_gui_count (SporStore  *store,
                GType       entity_type,
                GError    **error)
{
  g_return_val_if_fail (SPOR_IS_STORE (store), -1);

  return spor_store_count_all (store, entity_type, error);
}

gint64
spor_gui_count_where (SporStore   *store,
                      GType        entity_type,
                      const char  *field,
                      const char  *value,
                      GError     **error)
{
  g_autoptr(SporQuery) query = NULL;

  g_return_val_if_fail (SPOR_IS_STORE (store), -1);

  query = spor_query_new (entity_type);
  spor_query_where_text (query, field, value);

  return spor_store_count (store, query, error);
}

char *
spor_gui_format_date (const char *iso)
{
  char *shown = spor_date_format_locale (iso);

  return shown != NULL ? shown : g_strdup (iso != NULL ? iso : "");
}

char *
spor_gui_parse_date (const char *text)
{
  return spor_date_parse_locale (text);
}

char *
spor_gui_format_timestamp (const char *timestamp)
{
  g_autoptr(GDateTime) utc = timestamp != NULL ? g_date_time_new_from_iso8601 (timestamp, NULL) : NULL;
  g_autoptr(GDateTime) local = NULL;

  if (utc == NULL)
    return g_strdup (timestamp != NULL ? timestamp : "");
  local = g_date_time_to_local (utc);
  /* Translators: a date in the locale's format and a 24-hour time */
  return g_date_time_format (local, _("%x %H:%M"));
}

#define TOAST_MADE_AT "spor-made-at"
/* libadwaita's longest toast animation (showing a toast in place of another) and a margin */
#define TOAST_SHOWING_USEC (600 * G_TIME_SPAN_MILLISECOND)

AdwToast *
spor_gui_toast_new (const char *text)
{
  g_autofree char *escaped = g_markup_escape_text (text, -1);
  AdwToast *toast = adw_toast_new (escaped);
  gint64 *made_at = g_new (gint64, 1);

  *made_at = g_get_monotonic_time ();
  g_object_set_data_full (G_OBJECT (toast), TOAST_MADE_AT, made_at, g_free);
  return toast;
}

static gboolean
dismiss_later (gpointer toast)
{
  adw_toast_dismiss (toast);
  return G_SOURCE_REMOVE;
}

void
spor_gui_toast_dismiss (AdwToast *toast)
{
  gint64 *made_at = g_object_get_data (G_OBJECT (toast), TOAST_MADE_AT);
  gint64 left = made_at != NULL ? *made_at + TOAST_SHOWING_USEC - g_get_monotonic_time () : 0;

  g_return_if_fail (ADW_IS_TOAST (toast));

  if (left <= 0)
    adw_toast_dismiss (toast);
  else
    g_timeout_add_full (G_PRIORITY_DEFAULT, (guint) (left / G_TIME_SPAN_MILLISECOND) + 1,
                        dismiss_later, g_object_ref (toast), g_object_unref);
}

void
spor_gui_add_toast (GtkWidget *widget,
                    AdwToast  *toast)
{
  GtkWidget *overlay;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (ADW_IS_TOAST (toast));

  overlay = gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY);
  if (overlay == NULL)
    {
      /* the text is not logged: it may name a participant */
      g_warning ("%s is not in a window with a toast overlay: a message was not shown",
                 G_OBJECT_TYPE_NAME (widget));
      g_object_unref (toast);
      return;
    }
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
}

void
spor_gui_show_toast (GtkWidget  *widget,
                     const char *text)
{
  g_return_if_fail (text != NULL);

  spor_gui_add_toast (widget, spor_gui_toast_new (text));
}

void
spor_gui_status_page_show_error (AdwStatusPage *page,
                                 const GError  *error)
{
  g_autofree char *escaped = g_markup_escape_text (error->message, -1);

  adw_status_page_set_icon_name (page, "dialog-warning-symbolic");
  adw_status_page_set_title (page, _("Could Not Read the Database"));
  adw_status_page_set_description (page, escaped);
}

/* The load waiting for the view to be shown, kept on the view itself */
#define WAITING_LOAD "spor-waiting-load"

void
spor_gui_load_if_waiting (GtkWidget *view)
{
  SporGuiLoadFunc load = (SporGuiLoadFunc) g_object_steal_data (G_OBJECT (view), WAITING_LOAD);

  if (load != NULL)
    load (view);
}

void
spor_gui_load_when_shown (GtkWidget       *view,
                          SporGuiLoadFunc  load)
{
  g_return_if_fail (GTK_IS_WIDGET (view));

  if (gtk_widget_get_mapped (view))
    {
      g_object_set_data (G_OBJECT (view), WAITING_LOAD, NULL);
      load (view);
      return;
    }
  if (g_object_get_data (G_OBJECT (view), WAITING_LOAD) == NULL &&
      g_signal_handler_find (view, G_SIGNAL_MATCH_FUNC, 0, 0, NULL,
                             spor_gui_load_if_waiting, NULL) == 0)
    g_signal_connect (view, "map", G_CALLBACK (spor_gui_load_if_waiting), NULL);
  g_object_set_data (G_OBJECT (view), WAITING_LOAD, (gpointer) load);
}
