/* spor-view.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "spor-view.h"

G_DEFINE_INTERFACE (SporView, spor_view, GTK_TYPE_WIDGET)

static void
spor_view_default_init (SporViewInterface *iface)
{
  g_object_interface_install_property (iface,
                                       g_param_spec_object ("store", NULL, NULL, SPOR_TYPE_STORE,
                                                            G_PARAM_READWRITE |
                                                            G_PARAM_EXPLICIT_NOTIFY |
                                                            G_PARAM_STATIC_STRINGS));
}

/* the one property of a class that calls spor_view_class_install_store() */
enum {
  PROP_0,
  PROP_STORE,
};

static void
spor_view_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, spor_view_get_store (SPOR_VIEW (object)));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
spor_view_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  switch (prop_id)
    {
    case PROP_STORE:
      spor_view_set_store (SPOR_VIEW (object), g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

void
spor_view_class_install_store (GObjectClass *object_class)
{
  g_return_if_fail (G_IS_OBJECT_CLASS (object_class));

  object_class->get_property = spor_view_get_property;
  object_class->set_property = spor_view_set_property;
  g_object_class_override_property (object_class, PROP_STORE, "store");
}

SporStore *
spor_view_get_store (SporView *self)
{
  g_return_val_if_fail (SPOR_IS_VIEW (self), NULL);

  return SPOR_VIEW_GET_IFACE (self)->get_store (self);
}

void
spor_view_set_store (SporView  *self,
                     SporStore *store)
{
  g_return_if_fail (SPOR_IS_VIEW (self));
  g_return_if_fail (store == NULL || SPOR_IS_STORE (store));

  SPOR_VIEW_GET_IFACE (self)->set_store (self, store);
}

void
spor_view_reload (SporView *self)
{
  SporViewInterface *iface;

  g_return_if_fail (SPOR_IS_VIEW (self));

  iface = SPOR_VIEW_GET_IFACE (self);
  if (iface->reload != NULL)
    iface->reload (self);
}

void
spor_view_flush_pending (SporView  *self,
                         GPtrArray *failed)
{
  SporViewInterface *iface;

  g_return_if_fail (SPOR_IS_VIEW (self));
  g_return_if_fail (failed != NULL);

  iface = SPOR_VIEW_GET_IFACE (self);
  if (iface->flush_pending != NULL)
    iface->flush_pending (self, failed);
}

/* ---- following the store -------------------------------------------------------------- */

#define FOLLOWER "spor-follower"

typedef struct {
  GtkWidget          *widget;  /* the follower lives on it: no reference */
  SporStore          *store;
  gulong              handler;
  const char * const *kinds;
  SporGuiLoadFunc     load;
  guint               idle;
} Follower;

static void
follower_free (Follower *f)
{
  g_clear_handle_id (&f->idle, g_source_remove);
  if (f->store != NULL)
    {
      g_clear_signal_handler (&f->handler, f->store);
      g_object_unref (f->store);
    }
  g_free (f);
}

static gboolean
load_on_idle (gpointer data)
{
  Follower *f = data;

  f->idle = 0;
  spor_gui_load_when_shown (f->widget, f->load);
  return G_SOURCE_REMOVE;
}

static void
on_store_changed (SporStore        *store,
                  const char       *entity,
                  gint64            id,
                  SporChangeAction  action,
                  Follower         *f)
{
  if (action != SPOR_CHANGE_MANY && entity != NULL && f->kinds != NULL &&
      !g_strv_contains (f->kinds, entity))
    return;
  /* one load for the whole burst */
  if (f->idle == 0)
    f->idle = g_idle_add (load_on_idle, f);
}

void
spor_view_follow (GtkWidget          *widget,
                  SporStore          *store,
                  const char * const *kinds,
                  SporGuiLoadFunc     load)
{
  Follower *f;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (store == NULL || SPOR_IS_STORE (store));
  g_return_if_fail (store == NULL || load != NULL);

  if (store == NULL)
    {
      g_object_set_data (G_OBJECT (widget), FOLLOWER, NULL);
      return;
    }
  f = g_new0 (Follower, 1);
  f->widget = widget;
  f->store = g_object_ref (store);
  f->kinds = kinds;
  f->load = load;
  f->handler = g_signal_connect (store, "changed", G_CALLBACK (on_store_changed), f);
  g_object_set_data_full (G_OBJECT (widget), FOLLOWER, f, (GDestroyNotify) follower_free);
}

void
spor_view_catch_up (GtkWidget *widget)
{
  Follower *f;

  g_return_if_fail (GTK_IS_WIDGET (widget));

  f = g_object_get_data (G_OBJECT (widget), FOLLOWER);
  if (f != NULL && f->idle != 0)
    {
      g_clear_handle_id (&f->idle, g_source_remove);
      spor_gui_load_when_shown (widget, f->load);
    }
  spor_gui_load_if_waiting (widget);
}
