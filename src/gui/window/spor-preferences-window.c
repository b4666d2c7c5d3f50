/* spor-preferences-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "spor-gui.h"
#include "spor-preferences-window.h"

struct _SporPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  SporStore            *store;

  /* template */
  AdwEntryRow          *site_name_row;
  AdwActionRow         *path_row;
  AdwActionRow         *site_id_row;
};

G_DEFINE_FINAL_TYPE (SporPreferencesWindow, spor_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
set_subtitle_literal (AdwActionRow *row,
                      const char   *text)
{
  /* Row subtitles are markup; a path may hold '&' or '<'. */
  g_autofree char *escaped = g_markup_escape_text (text != NULL ? text : "", -1);

  adw_action_row_set_subtitle (row, escaped);
}

static void
load_from_store (SporPreferencesWindow *self)
{
  g_autofree char *site_name = NULL;
  g_autoptr(GError) error = NULL;

  site_name = spor_store_dup_site_name (self->store, &error);
  if (site_name == NULL)
    {
      /* Translators: %s is the reason, e.g. "the database is in use by another program" */
      g_autofree char *text = g_strdup_printf (_("The site name could not be read: %s"),
                                               error->message);
      AdwToast *toast = spor_gui_toast_new (text);

      adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
      adw_toast_set_timeout (toast, 0);
      adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), toast);
    }
  gtk_editable_set_text (GTK_EDITABLE (self->site_name_row),
                         site_name != NULL ? site_name : "");

  set_subtitle_literal (self->path_row, spor_store_get_path (self->store));
  set_subtitle_literal (self->site_id_row, spor_store_get_site_uuid (self->store));
}

static void
on_site_name_apply (SporPreferencesWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  AdwToast *toast;

  if (self->store == NULL)
    return;

  name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->site_name_row))));

  if (!spor_store_set_site_name (self->store, name, &error))
    {
      g_autofree char *text = NULL;

      /* Translators: %s is the reason, e.g. "the database is read-only" */
      text = g_strdup_printf (_("The site name was not saved: %s"), error->message);
      toast = spor_gui_toast_new (text);
      adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
      adw_toast_set_timeout (toast, 0);
      adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), toast);
      return;
    }

  /* Show what was stored, e.g. without surrounding spaces. */
  gtk_editable_set_text (GTK_EDITABLE (self->site_name_row), name);

  toast = spor_gui_toast_new (_("Site name saved"));
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), toast);
}

static void
on_copy_path_clicked (SporPreferencesWindow *self)
{
  GdkClipboard *clipboard;

  if (self->store == NULL)
    return;

  clipboard = gtk_widget_get_clipboard (GTK_WIDGET (self));
  gdk_clipboard_set_text (clipboard, spor_store_get_path (self->store));

  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self),
                                    spor_gui_toast_new (_("File path copied")));
}

static void
spor_preferences_window_constructed (GObject *object)
{
  SporPreferencesWindow *self = SPOR_PREFERENCES_WINDOW (object);

  G_OBJECT_CLASS (spor_preferences_window_parent_class)->constructed (object);

  if (self->store != NULL)
    load_from_store (self);
}

static void
spor_preferences_window_dispose (GObject *object)
{
  SporPreferencesWindow *self = SPOR_PREFERENCES_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), SPOR_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (spor_preferences_window_parent_class)->dispose (object);
}

static void
spor_preferences_window_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  SporPreferencesWindow *self = SPOR_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
spor_preferences_window_set_property (GObject      *object,
                                      guint         prop_id,
                                      const GValue *value,
                                      GParamSpec   *pspec)
{
  SporPreferencesWindow *self = SPOR_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
spor_preferences_window_class_init (SporPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = spor_preferences_window_constructed;
  object_class->dispose = spor_preferences_window_dispose;
  object_class->get_property = spor_preferences_window_get_property;
  object_class->set_property = spor_preferences_window_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         SPOR_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/dk/kulturspor/Spor/spor-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, SporPreferencesWindow, site_name_row);
  gtk_widget_class_bind_template_child (widget_class, SporPreferencesWindow, path_row);
  gtk_widget_class_bind_template_child (widget_class, SporPreferencesWindow, site_id_row);
  gtk_widget_class_bind_template_callback (widget_class, on_site_name_apply);
  gtk_widget_class_bind_template_callback (widget_class, on_copy_path_clicked);
}

static void
spor_preferences_window_init (SporPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
spor_preferences_window_new (SporStore *store)
{
  g_return_val_if_fail (SPOR_IS_STORE (store), NULL);

  return g_object_new (SPOR_TYPE_PREFERENCES_WINDOW, "store", store, NULL);
}

SporStore *
spor_preferences_window_get_store (SporPreferencesWindow *self)
{
  g_return_val_if_fail (SPOR_IS_PREFERENCES_WINDOW (self), NULL);

  return self->store;
}
