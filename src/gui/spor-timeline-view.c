/* spor-timeline-view.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "spor-gui.h"
#include "spor-timeline-view.h"

struct _SporTimelineView
{
  AdwBin         parent_instance;

  SporStore     *store;

  GtkStack      *stack;
  AdwStatusPage *summary_page;
};

G_DEFINE_FINAL_TYPE (SporTimelineView, spor_timeline_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Sets @title (and @description) when the database has something to show; leaves @title
 * NULL when it has nothing. */
static gboolean
fill_summary (SporTimelineView  *self,
              char             **title,
              char             **description,
              GError           **error)
{
  g_autofree char *progress_text = NULL;
  g_autofree char *meetings_text = NULL;
  g_autofree char *placements_text = NULL;
  gint64 progress, meetings, placements;

  progress = spor_gui_count (self->store, SPOR_TYPE_PHASE_PROGRESS, error);
  if (progress < 0)
    return FALSE;
  meetings = spor_gui_count (self->store, SPOR_TYPE_MEETING, error);
  if (meetings < 0)
    return FALSE;
  placements = spor_gui_count (self->store, SPOR_TYPE_PLACEMENT, error);
  if (placements < 0)
    return FALSE;

  if (progress + meetings + placements == 0)
    return TRUE;

  progress_text = spor_gui_format_count (progress);
  meetings_text = spor_gui_format_count (meetings);
  placements_text = spor_gui_format_count (placements);

  /* Translators: %s is a number, e.g. "240 Meetings" */
  *title = g_strdup_printf (ngettext ("%s Meeting", "%s Meetings", (gulong) meetings),
                            meetings_text);
  /* Translators: both %s are numbers */
  *description = g_strdup_printf (_("Phases of participants: %s · Placements: %s"),
                                  progress_text, placements_text);
  return TRUE;
}

void
spor_timeline_view_reload (SporTimelineView *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  g_autofree char *description = NULL;

  g_return_if_fail (SPOR_IS_TIMELINE_VIEW (self));

  if (self->store == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  if (!fill_summary (self, &title, &description, &error))
    {
      g_warning ("Timeline view: %s", error->message);
      spor_gui_status_page_show_error (self->summary_page, error);
      gtk_stack_set_visible_child_name (self->stack, "summary");
      return;
    }

  if (title == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  adw_status_page_set_icon_name (self->summary_page, "document-open-recent-symbolic");
  adw_status_page_set_title (self->summary_page, title);
  adw_status_page_set_description (self->summary_page, description);
  gtk_stack_set_visible_child_name (self->stack, "summary");
}

static void
spor_timeline_view_dispose (GObject *object)
{
  SporTimelineView *self = SPOR_TIMELINE_VIEW (object);

  /* The stack is the bin's own child: let the bin drop it, so that it is unparented once. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), SPOR_TYPE_TIMELINE_VIEW);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (spor_timeline_view_parent_class)->dispose (object);
}

static void
spor_timeline_view_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  SporTimelineView *self = SPOR_TIMELINE_VIEW (object);

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
spor_timeline_view_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  SporTimelineView *self = SPOR_TIMELINE_VIEW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      spor_timeline_view_set_store (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
spor_timeline_view_class_init (SporTimelineViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = spor_timeline_view_dispose;
  object_class->get_property = spor_timeline_view_get_property;
  object_class->set_property = spor_timeline_view_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store",                                      NULL, NULL,
                                                                       SPOR_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  spor_gui_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/dk/kulturspor/Spor/spor-timeline-view.ui");
  gtk_widget_class_bind_template_child (widget_class, SporTimelineView, stack);
  gtk_widget_class_bind_template_child (widget_class, SporTimelineView, summary_page);
}

static void
spor_timeline_view_init (SporTimelineView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
spor_timeline_view_new (SporStore *store)
{
  g_return_val_if_fail (store == NULL || SPOR_IS_STORE (store), NULL);

  return g_object_new (SPOR_TYPE_TIMELINE_VIEW, "store", store, NULL);
}

SporStore *
spor_timeline_view_get_store (SporTimelineView *self)
{
  g_return_val_if_fail (SPOR_IS_TIMELINE_VIEW (self), NULL);

  return self->store;
}

void
spor_timeline_view_set_store (SporTimelineView *self,
                              SporStore        *store)
{
  g_return_if_fail (SPOR_IS_TIMELINE_VIEW (self));
  g_return_if_fail (store == NULL || SPOR_IS_STORE (store));

  if (!g_set_object (&self->store, store))
    return;

  spor_timeline_view_reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}
