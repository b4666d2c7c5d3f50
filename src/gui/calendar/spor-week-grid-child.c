/* spor-week-grid-child.c — one occurrence of the week grid, for assistive technologies
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "spor-dates.h"

#include "spor-accessible-names.h"
#include "spor-week-grid-child.h"

struct _SporWeekGridChild
{
  GtkButton  parent_instance;

  guint      index;
  char      *text;   /* what it was last named and described by */
};

G_DEFINE_FINAL_TYPE (SporWeekGridChild, spor_week_grid_child, GTK_TYPE_BUTTON)

static void
spor_week_grid_child_finalize (GObject *object)
{
  SporWeekGridChild *self = SPOR_WEEK_GRID_CHILD (object);

  g_free (self->text);
  G_OBJECT_CLASS (spor_week_grid_child_parent_class)->finalize (object);
}

static void
spor_week_grid_child_class_init (SporWeekGridChildClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = spor_week_grid_child_finalize;
}

static void
spor_week_grid_child_init (SporWeekGridChild *self)
{
  /* The grid takes the pointer and the keyboard; this child is only for AT-SPI. */
  gtk_widget_set_can_target (GTK_WIDGET (self), FALSE);
  gtk_widget_set_focusable (GTK_WIDGET (self), FALSE);
}

GtkWidget *
spor_week_grid_child_new (void)
{
  return g_object_new (SPOR_TYPE_WEEK_GRID_CHILD, NULL);
}

char *
spor_week_grid_child_describe (const SporOccurrence *occurrence)
{
  g_autoptr(GDateTime) noon = NULL;
  g_autofree char *day = NULL;
  GString *text = g_string_new (NULL);

  g_return_val_if_fail (occurrence != NULL, NULL);
  noon = spor_date_to_noon (occurrence->actual_date);
  /* Translators: a weekday and a date for a screen reader, for g_date_time_format() */
  day = noon != NULL ? g_date_time_format (noon, _("%A %x")) : g_strdup (occurrence->actual_date);
  /* Translators: an occurrence for a screen reader: day, start and end time */
  g_string_append_printf (text, _("%s, %s–%s"), day, occurrence->start_time, occurrence->end_time);
  if (occurrence->location != NULL)
    g_string_append_printf (text, ", %s", occurrence->location);
  g_string_append (text, ".");
  if (occurrence->cancelled)
    g_string_append_printf (text, " %s", _("Cancelled."));
  else if (occurrence->moved)
    g_string_append_printf (text, " %s", _("Moved."));
  if (!occurrence->cancelled && occurrence->problem_text != NULL)
    {
      g_auto(GStrv) problems = g_strsplit (occurrence->problem_text, "\n", -1);

      for (guint i = 0; problems[i] != NULL; i++)
        if (problems[i][0] != '\0')
          g_string_append_printf (text, " %s", problems[i]);
    }
  return g_string_free (text, FALSE);
}

void
spor_week_grid_child_set_occurrence (SporWeekGridChild    *self,
                                     guint                 index,
                                     const SporOccurrence *occurrence)
{
  g_autofree char *description = NULL;
  g_autofree char *text = NULL;

  g_return_if_fail (SPOR_IS_WEEK_GRID_CHILD (self));
  g_return_if_fail (occurrence != NULL);

  self->index = index;
  description = spor_week_grid_child_describe (occurrence);
  text = g_strconcat (occurrence->title, "\n", description, NULL);
  if (g_strcmp0 (text, self->text) == 0)
    return;
  g_free (self->text);
  self->text = g_steal_pointer (&text);
  spor_accessible_names_set_label (GTK_WIDGET (self), occurrence->title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description, -1);
}

guint
spor_week_grid_child_get_index (SporWeekGridChild *self)
{
  g_return_val_if_fail (SPOR_IS_WEEK_GRID_CHILD (self), 0);

  return self->index;
}
