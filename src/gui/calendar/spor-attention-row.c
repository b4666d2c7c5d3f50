/* spor-attention-row.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "spor-attention-row.h"

struct _SporAttentionRow
{
  AdwActionRow    parent_instance;

  SporOccurrence *occurrence;
  GtkButton      *open_button;
};

G_DEFINE_FINAL_TYPE (SporAttentionRow, spor_attention_row, ADW_TYPE_ACTION_ROW)

static void
on_open_clicked (SporAttentionRow *self)
{
  /* the list box answers the row's activation: one way to open, whichever is used */
  gtk_widget_activate (GTK_WIDGET (self));
}

static void
spor_attention_row_dispose (GObject *object)
{
  SporAttentionRow *self = SPOR_ATTENTION_ROW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), SPOR_TYPE_ATTENTION_ROW);
  g_clear_pointer (&self->occurrence, spor_occurrence_free);
  G_OBJECT_CLASS (spor_attention_row_parent_class)->dispose (object);
}

static void
spor_attention_row_class_init (SporAttentionRowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = spor_attention_row_dispose;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/dk/kulturspor/Spor/spor-attention-row.ui");
  gtk_widget_class_bind_template_child (widget_class, SporAttentionRow, open_button);
  gtk_widget_class_bind_template_callback (widget_class, on_open_clicked);
}

static void
spor_attention_row_init (SporAttentionRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
spor_attention_row_new (const SporOccurrence *occurrence)
{
  SporAttentionRow *self;
  g_autofree char *day = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *open_label = NULL;

  g_return_val_if_fail (occurrence != NULL, NULL);

  self = g_object_new (SPOR_TYPE_ATTENTION_ROW, NULL);
  self->occurrence = spor_occurrence_copy (occurrence);
  /* Translators: a short weekday and date for g_date_time_format(), e.g. "Mon 23 Nov" */
  day = g_date_time_format (occurrence->start, _("%a %-d %b"));
  subtitle = g_strdup_printf ("%s, %s–%s", g_strstrip (day), occurrence->start_time,
                              occurrence->end_time);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), occurrence->title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self), subtitle);
  /* The row's title and subtitle are its name; the problems its description. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  occurrence->problem_text, -1);
  /* Translators: %s is the title of a work block */
  open_label = g_strdup_printf (_("Open Attendance of %s"), occurrence->title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->open_button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  open_label, -1);
  return GTK_WIDGET (self);
}

const SporOccurrence *
spor_attention_row_get_occurrence (SporAttentionRow *self)
{
  g_return_val_if_fail (SPOR_IS_ATTENTION_ROW (self), NULL);
  return self->occurrence;
}
