/* spor-calendar-view.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "spor-gui.h"
#include "spor-calendar-view.h"

struct _SporCalendarView
{
  AdwBin         parent_instance;

  SporStore     *store;

  GtkStack      *stack;
  AdwStatusPage *summary_page;
};

G_DEFINE_FINAL_TYPE (SporCalendarView, spor_calendar_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Sets @title (and @description) when the database has something to show; leaves @title
 * NULL when it has nothing. */
static gboolean
fill_summary (SporCalendarView  *self,
              char             **title,
              char             **description,
              GError           **error)
{
  g_autofree char *blocks_text = NULL;
  g_autofree char *locations_text = NULL;
  gint64 blocks, locations;

  blocks = spor_gui_count (self->store, SPOR_TYPE_BLOCK, error);
  if (blocks <= 0)
    return blocks == 0;

  locations = spor_gui_count (self->store, SPOR_TYPE_LOCATION, error);
  if (locations < 0)
    return FALSE;

  blocks_text = spor_gui_format_count (blocks);
  locations_text = spor_gui_format_count (locations);

  /* Translators: %s is a number, e.g. "12 Work Blocks" */
  *title = g_strdup_printf (ngettext ("%s Work Block", "%s Work Blocks", (gulong) blocks),
                            blocks_text);
  /* Counting the millions of attendance rows would slow the start: locations only. */
  /* Translators: %s is a number */
  *description = g_strdup_printf (_("Locations: %s"), locations_text);
  return TRUE;
}

void
spor_calendar_view_reload (SporCalendarView *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  g_autofree char *description = NULL;

  g_return_if_fail (SPOR_IS_CALENDAR_VIEW (self));

  if (self->store == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  if (!fill_summary (self, &title, &description, &error))
    {
      g_warning ("Calendar view: %s", error->message);
      spor_gui_status_page_show_error (self->summary_page, error);
      gtk_stack_set_visible_child_name (self->stack, "summary");
      return;
    }

  if (title == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  adw_status_page_set_icon_name (self->summary_page, "x-office-calendar-symbolic");
  adw_status_page_set_title (self->summary_page, title);
  adw_status_page_set_description (self->summary_page, description);
  gtk_stack_set_visible_child_name (self->stack, "summary");
}

static void
spor_calendar_view_dispose (GObject *object)
{
  SporCalendarView *self = SPOR_CALENDAR_VIEW (object);

  /* The stack is the bin's own child: let the bin drop it, so that it is unparented once. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), SPOR_TYPE_CALENDAR_VIEW);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (spor_calendar_view_parent_class)->dispose (object);
}

static void
spor_calendar_view_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  SporCalendarView *self = SPOR_CALENDAR_VIEW (object);

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
spor_calendar_view_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  SporCalendarView *self = SPOR_CALENDAR_VIEW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      spor_calendar_view_set_store (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
spor_calendar_view_class_init (SporCalendarViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = spor_calendar_view_dispose;
  object_class->get_property = spor_calendar_view_get_property;
  object_class->set_property = spor_calendar_view_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store",                                      NULL, NULL,
                                                                       SPOR_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  spor_gui_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/dk/kulturspor/Spor/spor-calendar-view.ui");
  gtk_widget_class_bind_template_child (widget_class, SporCalendarView, stack);
  gtk_widget_class_bind_template_child (widget_class, SporCalendarView, summary_page);
}

static void
spor_calendar_view_init (SporCalendarView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
spor_calendar_view_new (SporStore *store)
{
  g_return_val_if_fail (store == NULL || SPOR_IS_STORE (store), NULL);

  return g_object_new (SPOR_TYPE_CALENDAR_VIEW, "store", store, NULL);
}

SporStore *
spor_calendar_view_get_store (SporCalendarView *self)
{
  g_return_val_if_fail (SPOR_IS_CALENDAR_VIEW (self), NULL);

  return self->store;
}

void
spor_calendar_view_set_store (SporCalendarView *self,
                              SporStore        *store)
{
  g_return_if_fail (SPOR_IS_CALENDAR_VIEW (self));
  g_return_if_fail (store == NULL || SPOR_IS_STORE (store));

  if (!g_set_object (&self->store, store))
    return;

  spor_calendar_view_reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}
