/* spor-view.h — what the main window's views share: a store, reloading, following changes
 *
 * Every page of the main window is a SporView, as gnome-calendar's views are GcalViews: it
 * has a "store" property, reads the database again on spor_view_reload(), and carries out
 * the deletions that still wait for their Undo when the window closes.
 *
 * Views do not wait to be told to reload: spor_view_follow() connects a widget to its
 * store's "changed" notifications. Only the kinds of record the widget shows count; a
 * burst of changes (a save writes several records, an import many) becomes one load when
 * the main loop is idle; and a widget that is not on screen is only marked stale and reads
 * the database when it is next shown (spor_gui_load_when_shown()).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "spor-gui.h"
#include "spor-store.h"

G_BEGIN_DECLS

#define SPOR_TYPE_VIEW (spor_view_get_type ())
G_DECLARE_INTERFACE (SporView, spor_view, SPOR, VIEW, GtkWidget)

struct _SporViewInterface
{
  GTypeInterface parent_iface;

  /* The view's store, and setting it; the "store" property reads and writes through
   * these (spor_view_class_install_store()). */
  SporStore *(*get_store)     (SporView  *self);
  void       (*set_store)     (SporView  *self,
                               SporStore *store);
  /* Reads the database again: now when the view is on screen, else when it is shown. */
  void (*reload)        (SporView  *self);
  /* Optional: carries out the deletions waiting for their Undo, and adds each one that
   * failed (a SporPendingDelete, referenced) to @failed. */
  void (*flush_pending) (SporView  *self,
                         GPtrArray *failed);
};

/* Overrides the interface's "store" property in a view class whose only property it is:
 * the class's get_property and set_property become the interface's get_store and
 * set_store. Call it in class_init. */
void       spor_view_class_install_store (GObjectClass *object_class);

SporStore *spor_view_get_store     (SporView  *self);
void       spor_view_set_store     (SporView  *self,
                                    SporStore *store);
void       spor_view_reload        (SporView  *self);
void       spor_view_flush_pending (SporView  *self,
                                    GPtrArray *failed);

/* Follows @store's "changed" notifications for @widget: after a change of one of @kinds
 * (entity names, NULL-terminated; NULL for every kind) or of many records at once, @load
 * runs once when the main loop is idle if @widget is on screen, else when it is next shown.
 * A second call replaces the first; @store NULL stops following (call it in dispose). */
void       spor_view_follow        (GtkWidget           *widget,
                                    SporStore           *store,
                                    const char * const  *kinds,
                                    SporGuiLoadFunc      load);
/* Runs at once a load that waits for the idle or for @widget to be shown: for a caller that
 * is about to use what the load reads (e.g. select a record created a moment ago). */
void       spor_view_catch_up      (GtkWidget           *widget);

G_END_DECLS
