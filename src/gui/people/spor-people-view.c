/* spor-people-view.c — People & Places, a view of the main window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "spor-people-list.h"
#include "spor-people-view.h"
#include "spor-view.h"

struct _SporPeopleView
{
  AdwBin          parent_instance;

  SporStore      *store;
  AdwViewStack   *kinds_stack;
  SporPeopleList *staff_list;
  SporPeopleList *contact_list;
  SporPeopleList *location_list;
  SporPeopleList *organisation_list;
};

static void spor_people_view_view_init (SporViewInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (SporPeopleView, spor_people_view, ADW_TYPE_BIN,
                               G_IMPLEMENT_INTERFACE (SPOR_TYPE_VIEW, spor_people_view_view_init))

static SporPeopleList *
list_at (SporPeopleView *self,
         guint           i)
{
  SporPeopleList *lists[] = {
    self->staff_list, self->contact_list, self->location_list, self->organisation_list,
  };

  return i < G_N_ELEMENTS (lists) ? lists[i] : NULL;
}

static void
set_store (SporPeopleView *self,
           SporStore      *store)
{
  if (!g_set_object (&self->store, store))
    return;
  for (guint i = 0; list_at (self, i) != NULL; i++)
    spor_people_list_set_store (list_at (self, i), store);
  g_object_notify (G_OBJECT (self), "store");
}

static void
reload (SporView *view)
{
  SporPeopleView *self = SPOR_PEOPLE_VIEW (view);

  /* the lists follow the store; a new store is a new start */
  for (guint i = 0; list_at (self, i) != NULL; i++)
    spor_view_catch_up (GTK_WIDGET (list_at (self, i)));
}

static void
flush_pending (SporView  *view,
               GPtrArray *failed)
{
  SporPeopleView *self = SPOR_PEOPLE_VIEW (view);

  for (guint i = 0; list_at (self, i) != NULL; i++)
    spor_people_list_flush_pending (list_at (self, i), failed);
}

static SporStore *
get_store (SporView *view)
{
  return SPOR_PEOPLE_VIEW (view)->store;
}

static void
set_view_store (SporView  *view,
                SporStore *store)
{
  set_store (SPOR_PEOPLE_VIEW (view), store);
}

static void
spor_people_view_view_init (SporViewInterface *iface)
{
  iface->get_store = get_store;
  iface->set_store = set_view_store;
  iface->reload = reload;
  iface->flush_pending = flush_pending;
}

static void
spor_people_view_dispose (GObject *object)
{
  SporPeopleView *self = SPOR_PEOPLE_VIEW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), SPOR_TYPE_PEOPLE_VIEW);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (spor_people_view_parent_class)->dispose (object);
}

static void
new_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  SporPeopleView *self = SPOR_PEOPLE_VIEW (widget);
  const char *page = adw_view_stack_get_visible_child_name (self->kinds_stack);
  const char * const pages[] = { "staff", "contacts", "locations", "organisations", NULL };

  for (guint i = 0; pages[i] != NULL; i++)
    if (g_strcmp0 (page, pages[i]) == 0)
      spor_people_list_add (list_at (self, i));
}

static void
spor_people_view_class_init (SporPeopleViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = spor_people_view_dispose;
  spor_view_class_install_store (object_class);

  g_type_ensure (SPOR_TYPE_PEOPLE_LIST);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/dk/kulturspor/Spor/spor-people-view.ui");
  gtk_widget_class_bind_template_child (widget_class, SporPeopleView, kinds_stack);
  gtk_widget_class_bind_template_child (widget_class, SporPeopleView, staff_list);
  gtk_widget_class_bind_template_child (widget_class, SporPeopleView, contact_list);
  gtk_widget_class_bind_template_child (widget_class, SporPeopleView, location_list);
  gtk_widget_class_bind_template_child (widget_class, SporPeopleView, organisation_list);
  gtk_widget_class_install_action (widget_class, "people.new", NULL, new_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "people.new", NULL);
}

static void
spor_people_view_init (SporPeopleView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  spor_people_list_set_kind (self->staff_list, SPOR_TYPE_STAFF);
  spor_people_list_set_kind (self->contact_list, SPOR_TYPE_CONTACT);
  spor_people_list_set_kind (self->location_list, SPOR_TYPE_LOCATION);
  spor_people_list_set_kind (self->organisation_list, SPOR_TYPE_ORGANISATION);
}

GtkWidget *
spor_people_view_new (SporStore *store)
{
  return g_object_new (SPOR_TYPE_PEOPLE_VIEW, "store", store, NULL);
}

void
spor_people_view_show_page (SporPeopleView *self,
                            const char     *page)
{
  g_return_if_fail (SPOR_IS_PEOPLE_VIEW (self));
  adw_view_stack_set_visible_child_name (self->kinds_stack, page);
}
