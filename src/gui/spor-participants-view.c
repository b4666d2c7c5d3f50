/* spor-participants-view.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "spor-gui.h"
#include "spor-participants-view.h"

struct _SporParticipantsView
{
  AdwBin         parent_instance;

  SporStore     *store;

  GtkStack      *stack;
  AdwStatusPage *summary_page;
};

G_DEFINE_FINAL_TYPE (SporParticipantsView, spor_participants_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Sets @title (and @description) when the database has something to show; leaves @title
 * NULL when it has nothing. */
static gboolean
fill_summary (SporParticipantsView  *self,
              char                 **title,
              char                 **description,
              GError               **error)
{
  g_autofree char *total_text = NULL;
  g_autofree char *waiting_text = NULL;
  g_autofree char *intake_text = NULL;
  g_autofree char *active_text = NULL;
  g_autofree char *completed_text = NULL;
  gint64 total, waiting, intake, active, completed;

  total = spor_gui_count (self->store, SPOR_TYPE_PARTICIPANT, error);
  if (total <= 0)
    return total == 0;

  waiting = spor_gui_count_where (self->store, SPOR_TYPE_PARTICIPANT, "status", "waiting", error);
  if (waiting < 0)
    return FALSE;
  intake = spor_gui_count_where (self->store, SPOR_TYPE_PARTICIPANT, "status", "intake", error);
  if (intake < 0)
    return FALSE;
  active = spor_gui_count_where (self->store, SPOR_TYPE_PARTICIPANT, "status", "active", error);
  if (active < 0)
    return FALSE;
  completed = spor_gui_count_where (self->store, SPOR_TYPE_PARTICIPANT, "status", "completed",
                                    error);
  if (completed < 0)
    return FALSE;

  total_text = spor_gui_format_count (total);
  waiting_text = spor_gui_format_count (waiting);
  intake_text = spor_gui_format_count (intake);
  active_text = spor_gui_format_count (active);
  completed_text = spor_gui_format_count (completed);

  /* Translators: %s is a number, e.g. "60 Participants" */
  *title = g_strdup_printf (ngettext ("%s Participant", "%s Participants", (gulong) total),
                            total_text);
  /* Translators: every %s is a number */
  *description = g_strdup_printf (_("On the waiting list: %s · In intake: %s · Active: %s · "
                                    "Completed: %s"),
                                  waiting_text, intake_text, active_text, completed_text);
  return TRUE;
}

void
spor_participants_view_reload (SporParticipantsView *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  g_autofree char *description = NULL;

  g_return_if_fail (SPOR_IS_PARTICIPANTS_VIEW (self));

  if (self->store == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  if (!fill_summary (self, &title, &description, &error))
    {
      g_warning ("Participants view: %s", error->message);
      spor_gui_status_page_show_error (self->summary_page, error);
      gtk_stack_set_visible_child_name (self->stack, "summary");
      return;
    }

  if (title == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  adw_status_page_set_icon_name (self->summary_page, "system-users-symbolic");
  adw_status_page_set_title (self->summary_page, title);
  adw_status_page_set_description (self->summary_page, description);
  gtk_stack_set_visible_child_name (self->stack, "summary");
}

static void
spor_participants_view_dispose (GObject *object)
{
  SporParticipantsView *self = SPOR_PARTICIPANTS_VIEW (object);

  /* The stack is the bin's own child: let the bin drop it, so that it is unparented once. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), SPOR_TYPE_PARTICIPANTS_VIEW);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (spor_participants_view_parent_class)->dispose (object);
}

static void
spor_participants_view_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  SporParticipantsView *self = SPOR_PARTICIPANTS_VIEW (object);

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
spor_participants_view_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  SporParticipantsView *self = SPOR_PARTICIPANTS_VIEW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      spor_participants_view_set_store (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
spor_participants_view_class_init (SporParticipantsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = spor_participants_view_dispose;
  object_class->get_property = spor_participants_view_get_property;
  object_class->set_property = spor_participants_view_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store",                                      NULL, NULL,
                                                                       SPOR_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  spor_gui_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/dk/kulturspor/Spor/spor-participants-view.ui");
  gtk_widget_class_bind_template_child (widget_class, SporParticipantsView, stack);
  gtk_widget_class_bind_template_child (widget_class, SporParticipantsView, summary_page);
}

static void
spor_participants_view_init (SporParticipantsView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
spor_participants_view_new (SporStore *store)
{
  g_return_val_if_fail (store == NULL || SPOR_IS_STORE (store), NULL);

  return g_object_new (SPOR_TYPE_PARTICIPANTS_VIEW, "store", store, NULL);
}

SporStore *
spor_participants_view_get_store (SporParticipantsView *self)
{
  g_return_val_if_fail (SPOR_IS_PARTICIPANTS_VIEW (self), NULL);

  return self->store;
}

void
spor_participants_view_set_store (SporParticipantsView *self,
                                  SporStore            *store)
{
  g_return_if_fail (SPOR_IS_PARTICIPANTS_VIEW (self));
  g_return_if_fail (store == NULL || SPOR_IS_STORE (store));

  if (!g_set_object (&self->store, store))
    return;

  spor_participants_view_reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}
