/* spor-week-grid-child.h — one occurrence of the week grid, for assistive technologies
 *
 * The week grid draws its occurrences itself; each drawn one also gets an undrawn child
 * button over its box, which a screen reader lists and reads (title; day, time, place,
 * warnings) and can activate. Pointer and keyboard stay with the grid.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "spor-blocks.h"

G_BEGIN_DECLS

#define SPOR_TYPE_WEEK_GRID_CHILD (spor_week_grid_child_get_type ())
G_DECLARE_FINAL_TYPE (SporWeekGridChild, spor_week_grid_child, SPOR, WEEK_GRID_CHILD, GtkButton)

GtkWidget *spor_week_grid_child_new            (void);
/* Shows occurrence @index of the grid, @occurrence; names and describes the child again
 * only when either changed. */
void       spor_week_grid_child_set_occurrence (SporWeekGridChild    *self,
                                                guint                 index,
                                                const SporOccurrence *occurrence);
guint      spor_week_grid_child_get_index      (SporWeekGridChild    *self);
/* "Tuesday 1 December 2026, 09:00–12:00, Kulturskolen Rønde. No adviser." */
char      *spor_week_grid_child_describe       (const SporOccurrence *occurrence);

G_END_DECLS
